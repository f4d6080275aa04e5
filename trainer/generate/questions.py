"""Facts -> cards that are faithful by construction.

A card is a cloze of the sentence that states its fact, trimmed to the clause
that holds it: the answer is the text's own words, so it cannot teach anything
the article does not say. When the clause leans on what came before ("he",
"the treaty", "that year", or no name at all), the sentence before it is shown
too. A question-and-answer card is made only where its pattern is certain to
read well: an acronym ("What does NATO stand for?") and a byline ("Who wrote
...?"). A relative date ("two days later") is the one answer that is not a
span: the gap holds the date it resolves to, and the note quotes the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from trainer.generate.clarity import (
    TIME_IT,
    TOLD,
    name_the_things,
    names_in,
    notice_doubt,
    speaker_label,
    unnamed,
)
from trainer.generate.dates import MONTH_NAMES, accept_variants, compatible, when_words
from trainer.generate.events import PAGE_YEAR
from trainer.generate.facts import Evidence, Fact
from trainer.generate.lexicon import (
    FUNCTION_WORDS,
    GENERIC_CAPS,
    LOWER,
    ROLES,
    TITLES,
    UPPER,
    country_of,
)
from trainer.generate.people import whos_who_dash
from trainer.generate.referents import name_who
from trainer.generate.text import labelled
from trainer.generate.treaties import SIGNED_START, SIGNED_WORDS

MAX_WORDS = 40
"""A clause longer than this is cut at commas around the answer."""


@dataclass(frozen=True, slots=True)
class Question:
    """The text of one card, before it gets an id (see :mod:`trainer.generate.deck`).

    Attributes:
        type: ``cloze`` or ``basic``.
        front: The cloze text, or the question.
        back: The answer (basic), or extra text shown with it (cloze).
        accept: Other right answers.
        note: Shown with the answer.
        quote: The sentence the card was drafted from, for the reviewer.
        confidence: The fact's, lowered when the clause says too little.
        doubts: Why it is not sure.
    """

    type: str
    front: str
    back: str = ""
    accept: tuple[str, ...] = ()
    note: str = ""
    quote: str = ""
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


# A clause that starts with one of these, or holds a phrase of _LEANS_ON, leans
# on the sentence before it for what it is about.
_PRONOUN_START = re.compile(
    rf"^(?:[\"'(]?)(?:he|she|it(?!{TIME_IT})|they|his|her|its|their|this|that|these|those|there|then|both|"
    r"such|the two|the three|the same|the latter|the former|the next|the following|the first|"
    r"the second|the third|the other)\b"
    rf"|^{SIGNED_WORDS}",
    re.IGNORECASE,
)
_LEANS_ON = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:treaty|treaties|agreement|deal|pact|accord|accords|war|crisis|"
    r"summit|talks|charter|conference|congress|document|documents|meeting|plan|settlement|"
    r"protocol|convention|two|three|men|leaders|sides|parties|year|day|month|decade)\b|\bthat year\b"
    # "Baden joined in 1835": joined what, the sentence before says
    r"|\b(?:joined|followed|acceded|withdrew|seceded)\s+(?:in|only|too|soon|later|within)\b",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN = re.compile(r"(?:^|[,;:]\s+|\band\s+|\bwhere\s+)(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_DATELINE_HEAD = re.compile(r"^[A-Z][A-Z .'-]+,[^-]{0,60}?\s--?\s+")
_SPEAKER = re.compile(r"^[A-Z][A-Z .'()-]{1,40}:\s*")
_PROPER = re.compile(rf"\b[{UPPER}][{LOWER}]+|\b[A-Z]{{2,}}\b")
# A pronoun anywhere in the clause ("Pope Innocent III annulled it") leans on context too.
_PRONOUN = re.compile(r"\b(?:he|she|it|they|him|them|his|her|its|their)\b")
_MONTH_WORDS = frozenset(MONTH_NAMES[1:])
# Where a sentence breaks into clauses that stand alone.
_CLAUSE_BREAK = re.compile(r";\s+|\s+--?\s+|:\s+(?=[A-Z])")


# A clause whose subject is "it" or "they", as the sentence before may have too
_IT_START = re.compile(r"(It|They)\s+(?!is\s+(?:said|thought|known|likely|clear)\b)[a-z]")
_ORDINAL = re.compile(r"\b[Tt]he (first|second|third|last|final|maiden|latest)\b")


def _says_what(text: str, names: frozenset[str]) -> bool:
    """Whether a text names what it is about.

    A capitalised word counts when it is no month or title and, at the start of
    a sentence, when the article also writes it capitalised mid-sentence
    (``names``): "John died" names someone, "Talks opened" does not.
    """
    for m in _PROPER.finditer(text):
        word = m.group(0)
        if word in _MONTH_WORDS or word in FUNCTION_WORDS or word in GENERIC_CAPS:
            continue  # "Two Additional Protocols" names nothing by itself
        starts = m.start() == 0 or re.search(r"[.!?:(\"]\s*$", text[: m.start()]) is not None
        if not starts or word in names:
            return True
    return False


def _identifies(own: str, gap: tuple[int, int], people: frozenset[str]) -> bool:
    """Whether a clause names something besides its answer ("English" does not, "Japan" does)."""
    rest = own[: gap[0]] + " " + own[gap[1] :]
    return any(
        w not in people and country_of(w) in (None, w) for w in names_in(rest, False, frozenset())
    )


def _unlabelled(text: str) -> str:
    """``text`` without a transcript's speaker label ("TEACHER: He was ...")."""
    text = text.strip()
    return text[speaker_label(text) :]


# Words that answer a question without saying anything ("Right, on 13 August").
_INTERJECTIONS = frozenset(
    [
        "right",
        "yes",
        "yeah",
        "yep",
        "well",
        "exactly",
        "okay",
        "correct",
        "indeed",
        "sure",
        "thanks",
        "true",
        "absolutely",
    ]
)


def _word_count(text: str) -> int:
    """Words of three letters or more that say something: no speaker's label, month or "yes"."""
    text = re.sub(r"(?:^|(?<=[.!?\"]\s))[A-Z][A-Z .'-]{1,40}(?:\s\([^)]{1,60}\))?:\s", " ", text)
    return sum(
        1
        for w in re.findall(r"[A-Za-z]{3,}", text)
        if w not in _MONTH_WORDS and w.lower() not in _INTERJECTIONS
    )


# "and flies back", "only to be told": a clause whose subject is before it
_NO_SUBJECT = re.compile(
    r"(?:only\s+)?to\s+[a-z]+\b|(?:and|but|or|then|yet)\s+(?!(?:the|a|an|he|she|it|they|we|i|his|her|its|their|this|that|"
    r"these|those|in|on|at|by|for|with|from|after|before|when|while|so|there)\b)[a-z]+"
)


_NAMED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|him|[Hh]is|[Hh]er) \[([^\]]+)\]")
# A list entry's date and dash: "July 26, 1822 - ", "1819-1830 - "
_ENTRY_DATE = re.compile(r"\s*[\w ,./–-]{0,30}\d[\w ,./–-]{0,30}?\s[-–—]\s*")


def _clause(s: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``s`` around ``s[start:end]`` that a card quotes."""
    left, right = 0, len(s)
    # a break inside parentheses ("(Maori: Te Tiriti)") is no clause break
    masked = re.sub(r"\([^()]*\)", lambda p: "x" * len(p.group(0)), s)
    # nor one inside a short quotation: a paper's title "Closing the Peterhof: Ivan III ..."
    masked = re.sub(r'"[^"]{1,160}"', lambda p: "x" * len(p.group(0)), masked)
    dash = whos_who_dash(s)
    for m in _CLAUSE_BREAK.finditer(masked):
        if m.span() == dash:
            continue  # "Henry IV - King of Navarre": the name is what the entry is about
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end and right == len(s):
            right = m.start()
    if left and s[left : left + 1].islower() and TOLD.match(s, left):
        # "...; proclaimed the rising at Kraków on ___": a clause that opens with its
        # verb; who did it, the start says
        left = 0
    if len(s[left:right].split()) <= MAX_WORDS:
        return left, right
    # too long: cut at the commas nearest the answer, keeping some words each side
    after = [m.start() for m in re.finditer(r",\s", s[end:right])]
    for cut in after:
        if len(s[end : end + cut].split()) >= 6:
            right = end + cut
            break
    before = [left + m.end() for m in re.finditer(r",\s", s[left:start])]
    while len(s[left:right].split()) > MAX_WORDS and before:
        candidate = before.pop(0)
        if len(s[candidate:start].split()) < 4:
            break
        if _NO_SUBJECT.match(s, candidate):
            continue  # ", and flies back to Germany": who flies, only the start says
        if re.match(r"(?:which|who|whom|whose)\b", s[candidate:]):
            break  # "The quarrel ..., which began ...": what began, only the start says
        left = candidate
    return left, right


# "he" or "she" as who acts, or "His son ..." opening the clause
_HE = re.compile(
    r"(?:^(?:In|On|By)\s[^,]{1,30}?\s|^|[,;:]\s+|\b(?:and|when|where|as|after|before|until)\s+)"
    r"(?:[Hh]e|[Ss]he)\b|^(?:[Hh]is|[Hh]er)\s"
)


# A fact box's "Signed: ...", "Negotiators: ...": the labels of an infobox, then a value.
_LABEL = re.compile(
    r"^(?:Signed|Drafted|Effective|Ratified|Location|Place|Parties|Signatories|Negotiators|"
    r"Mediators|Depositary|Type|Condition|Expiry|Expiration|Languages?|Born|Died|Founded|"
    r"Established|Dissolved|Succeeded by|Preceded by|Followed by|Leaders?|Commanders?)"
    r"\s*:\s+"
)


# A list's "Foreign minister – X; Y": a post in small letters, a dash, its holders
_ROLE_LABEL = re.compile(r"^[A-Z][a-z]+(?:[ -][a-z]+){0,5} [–—-] ")


def _mentions_all(text: str, name: str) -> bool:
    """Whether ``text`` holds every capitalised word of ``name``."""
    words = re.findall(rf"\b[{UPPER}][\w'-]+", name)
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _no_one_for_he(above: str, text: str, names: frozenset[str], people: frozenset[str]) -> bool:
    """Whether a heading or title ``above`` names no one that "he" or "her" of ``text`` is.

    "(When the Isles Changed Hands) He fell ill at Kirkwall": the capitals of a
    title are no person; "(Marie Curie) She died ..." names her.
    """
    words = above.split()
    return bool(
        people
        and _HE.search(text)
        and not any(w in people for w in names_in(above, True, names))
        # a heading that is a name and nothing else ("Marie Curie") may be whom it means
        and not (len(words) <= 4 and all(re.fullmatch(rf"[{UPPER}][\w'.-]*", w) for w in words))
    )


def _ended(sentence: str) -> str:
    """``sentence`` with a full stop if it ends in a word: shown before another."""
    return f"{sentence}." if _ENDS_IN_A_WORD.search(sentence) else sentence


_ENDS_IN_A_WORD = re.compile(r"[^\W\d_]$")


def _safe(text: str) -> str:
    """Article text with nothing a cloze parser would read as a gap."""
    return text.replace("{", "(").replace("}", ")")


def cloze(
    fact: Fact,
    ev: Evidence,
    names: frozenset[str],
    answer: str | None = None,
    people: frozenset[str] = frozenset(),
    title: str = "",
) -> Question:
    """A cloze of the fact's clause, its answer the gap (or ``answer`` in its place).

    Args:
        fact: The fact asked.
        ev: Where it stands.
        names: Words the article writes capitalised mid-sentence (its names).
        answer: A gap text that is not a span (a relative date resolved).
        people: Words of its article's people's names.
        title: Its article's title.
    """
    s = ev.sentence
    start, end = ev.start, ev.end
    named = name_who(s, (start, end), ev.who)
    if named != s:
        # "He [Camillo Benso] was back in office by ___": who "he" is, said on the card
        if named[:start] != s[:start]:
            start, end = start + len(named) - len(s), end + len(named) - len(s)
        s = named
    lead = re.match(r"(?:from|between)\s+", s[start:end], re.IGNORECASE)
    if lead and answer is None:
        start += lead.end()  # "ran from {{c1::5 to 17 September}}"
    left, right = _clause(s, start, end)
    if left and _ENTRY_DATE.fullmatch(s[:left]):
        left = 0  # "July 26, 1822 - Meets ___": the entry's date is what dates it
    if len((s[left:start] + s[end:right]).split()) < 3:
        left, right = 0, len(s)  # "1492 - Columbus reaches ...": the dash joins, not parts
    shown = s[left:start] + s[end:right]
    gap_is_name = fact.kind != "date"
    # "He [Camillo Benso] was back": a pronoun named on the card leans on nothing
    plain = _NAMED_PRONOUN.sub(r"\1", shown)
    leans = bool(
        _PRONOUN_START.match(_unlabelled(plain))
        or _LEANS_ON.search(plain)
        or (_PRONOUN.search(plain) and not gap_is_name)
    )
    if left > 0 and (leans or not _says_what(shown, names)):
        left = 0  # the sentence's own first clause is the context it needs
        shown = s[left:start] + s[end:right]
        plain = _NAMED_PRONOUN.sub(r"\1", shown)
        leans = bool(_PRONOUN_START.match(_unlabelled(plain)) or _LEANS_ON.search(plain))
    head, tail = s[left:start], s[end:right]
    gap = answer if answer is not None else s[start:end]
    if answer is not None:
        # "Two days later a U-2 was shot down" -> "On {{c1::27 October 1962}} a U-2 ..."
        word = "on" if re.match(r"\d{1,2} ", answer) else "in"
        if not head.strip():
            head = word.capitalize() + " "
        elif not re.search(r"\b(?i:on|in|at|by|since|of|from)\s*$", head):  # not "On on"
            head = head.rstrip() + f" {word} "
    if left == 0:
        head = _DATELINE_HEAD.sub("", head)  # "GENEVA, 4 July 2012 -- " is no part of the fact
    if left > 0:
        head = head[:1].upper() + head[1:]
    label = _LABEL.match(s)
    listed = label or _ROLE_LABEL.match(s)
    if listed and left >= listed.end():
        # "Negotiators: X (France); Prince {{Y}} ...", "Foreign minister – X (until 8
        # October); ...": the label says what the list is
        head = f"{listed.group(0)}... {head}"
    clause = f"{_safe(head)}{{{{c1::{_safe(gap)}}}}}{_safe(tail)}".strip()
    if right < len(s) and not clause.endswith((".", "!", "?")):
        clause = clause.rstrip(" ,;:") + " ..."
    confidence = fact.confidence
    doubts = list(fact.doubts)
    if gap_is_name and _inside_a_longer_name(s, start, end, fact.kind == "person"):
        # "the {{United Nations}} Command", "Trade and {{Cooperation Agreement}}":
        # the gap would hold part of a name
        confidence = min(fact.confidence, 0.5)
        doubts = [*fact.doubts, "the name asked is part of a longer name"]
        return Question("cloze", "", quote=ev.sentence, confidence=confidence, doubts=tuple(doubts))
    why = notice_doubt(s) if gap_is_name else ""
    if why:
        # "Ask a guide about the {{Outer Space Treaty}} of 1967": no fact is stated
        confidence = min(confidence, 0.5)
        doubts.append(why)
    if fact.kind == "date" and not fact.when and re.search(r"\b(?:1\d{3}|20\d\d)\b", tail):
        # "crossed on {{1 October}}, ... marched into Prague on 15 March 1939": the one
        # year shown is another date's, and the gap's year the text never says here
        confidence = min(confidence, 0.6)
        doubts.append("the year shown is another date's")
    own_words = _word_count(shown)
    if gap_is_name and (own_words < 5 or not re.search(r"\d{4}", shown)):
        # "President ___ was furious", "___ chaired the ceremony": about what, and
        # when? The sentence before says.
        leans = True
    pronoun = _SUBJECT_PRONOUN.search(shown)
    if (
        pronoun
        and (not ev.before or _SUBJECT_PRONOUN.match(ev.before) or left > 0)
        # "When William, Prince of Orange, landed ..., he came": named before "he"
        and not names_in(shown[: pronoun.start()], True, names)
    ):
        # "she met the physicist ___" after "She was born in Warsaw": who is she?
        confidence = min(confidence, 0.6)
        doubts.append("'he', 'she' or 'they' is never named")
    own = f"{head}{gap}{tail}"
    own_gap = (len(head), len(head) + len(gap))
    if unnamed(own, "", own_gap, fact.kind, names, people, objects=True):
        leans = True  # "the operation was later run by ...": the sentence before may say which
    context = ""
    alone = clause  # the clause without the sentence before it
    if leans or (not gap_is_name and not _says_what(shown, names)):
        # the line above in a box tells another thing; a list's entry above without a
        # full stop ("... surrendered within days") is ended, so the two do not run on
        context = "" if label else _ended(ev.before)
        if left > 0 and not label:
            # "...; {{Francis Cottington}} negotiated it for England": the sentence's own
            # clauses before this one come before any other sentence
            context = s[:left].rstrip()
            if s[left : left + 1].islower() and clause[:1] == s[left].upper():
                clause = s[left] + clause[1:]  # read on: "18 September, less than a year"
        if not context and _PRONOUN_START.match(_unlabelled(shown)):
            # "It is six o'clock in the evening of ___": what "it" is, nothing says
            confidence = min(confidence, 0.6)
            doubts.append("it leans on something no sentence before it says")
        if context:
            clause = f"{_safe(context)} {clause}"
            shown = context + " " + shown
        named = _name_the_treaty(clause, ev.treaties, fact.when if fact.kind == "date" else "")
        says = named != clause or _says_what(shown, names)
        # "Agreed at Ghent on 8 November 1576": what was agreed, under "Pacification of
        # Ghent, 1576", the heading says when no sentence has named an agreement
        signed = SIGNED_START.match(_unlabelled(alone)) is not None and not any(
            t.split("|")[0].lower() in shown.lower() for t in ev.treaties
        )
        if (not says or signed) and ev.heading:
            # the heading above, or if that names nothing ("Notes") the article's title
            above = ev.heading
            if title and not _says_what(f"{above} {shown}", names):
                above = title
            clause = f"({_safe(above)}) {clause}"
            shown = above + " " + shown
            context = f"{above}. {context}"
            says = _says_what(shown, names)
            if _no_one_for_he(above, head if gap_is_name else own, names, people):
                confidence = min(confidence, 0.6)
                doubts.append("'he', 'she' or 'they' is never named")
        # a name asked in a sentence of its own says what it is about by itself
        if not says and (not gap_is_name or _word_count(shown) < 4):
            confidence = min(confidence, 0.6)
            doubts.append("the sentence does not say what it is about")
    surname = ev.subject.rsplit(" ", 1)[-1]
    if ev.subject and not clause.startswith("(") and surname.lower() not in clause.lower():
        # "(George Macartney) {{1769-1772}} – Chief Secretary to the Lord Lieutenant": whose
        # post a record's line gives, its head says
        clause = f"({_safe(ev.subject)}) {clause}"
        shown = f"{ev.subject} {shown}"
    page = ev.heading or title
    if label and page and not clause.startswith("(") and not _mentions_all(clause, page):
        # "(Treaties of Tilsit) Signed: {{7 July 1807}} (France-Russia)": a box's line
        # is about what the page's heading names
        clause = f"({_safe(page)}) {clause}"
        shown = f"{page} {shown}"
    said = _word_count(shown)
    titled = clause.startswith("(") and labelled(s)  # "(Hubble) Deployed: {{25 April 1990}}"
    if (own_words < 2 and not titled) or said < 3 or (gap_is_name and own_words < 4 and said < 6):
        confidence = min(confidence, 0.6)
        doubts.append("the sentence says too little besides the answer")
    clause = _name_the_treaty(clause, ev.treaties, fact.when if fact.kind == "date" else "")
    bracketed = re.findall(r"\[([^\]]+)\]", clause)  # "the treaty [Antarctic Treaty]"
    lead = _IT_START.match(_unlabelled(own))
    # "On the Dutch side it was the work of ... It ran until 1621": the sentence before
    # leans on the same "it", so it does not say what "it" is
    it = (
        [lead.group(1).lower()]
        if lead and re.match(rf"(?:\S+\s+){{0,4}}{lead.group(1)}\s+[a-z]+(?<!to)\b", context, re.I)
        else []
    )
    missing = unnamed(own, " ".join([context, *bracketed]), own_gap, fact.kind, names, people) or it
    if missing and ev.things:
        # "The canal was designed by ___": the one canal the article has named
        clause = name_the_things(clause, missing, ev.things)
        bracketed = re.findall(r"\[([^\]]+)\]", clause)
        missing = (
            unnamed(own, " ".join([context, *bracketed]), own_gap, fact.kind, names, people) or it
        )
    # "About 180 copies were made. Pope Pius II ... had seen pages of it": the
    # sentence before that one may say what "it" is
    if (
        missing
        and context == _ended(ev.before)
        and ev.earlier
        and not unnamed(own, f"{ev.earlier} {context}", own_gap, fact.kind, names, people)
    ):
        clause = f"{_safe(_ended(ev.earlier))} {clause}"
        missing = []
    if missing and context and not clause.startswith("("):
        # "Lots of artists hated it": the heading above ("Building the Eiffel Tower"), or
        # the article's title, says what
        for above in dict.fromkeys(h for h in (ev.heading, title) if h):
            # "(my APUSH notes)", "(transcript)": what a title says of itself names nothing
            bare = re.sub(r"\([^()]*\)", " ", above)
            if _no_one_for_he(bare, head if gap_is_name else own, names, people):
                continue
            # under "Hubble Space Telescope", "the first servicing mission" is its first
            ordinal = _ORDINAL.sub(r"its \1", own) if above == title else own
            if names_in(bare, False, names) and not unnamed(
                ordinal, bare, own_gap, fact.kind, names, people
            ):
                # "(FORT LARAMIE) The fort began as a trading post": the sentence before
                # ("Entry is free.") adds nothing
                clause = f"({_safe(above)}) {_name_the_treaty(alone, ev.treaties)}"
                missing = []
                break
            if not unnamed(ordinal, f"{bare}. {context}", own_gap, fact.kind, names, people):
                clause = f"({_safe(above)}) {clause}"
                missing = []
                break
    if (
        not missing
        and context
        and fact.kind == "person"
        and not fact.detail
        and not _identifies(own, own_gap, people)
    ):
        # "Who read it? {{Thomas Young}}, an English scholar, made the first progress": a
        # clause that gives no role and names nothing besides its answer is about what the
        # sentence before is about, so that must be named
        missing = unnamed(context, "", (0, 0), "", names, people, pronouns_only=True)
        for above in dict.fromkeys(h for h in (ev.heading, title) if h and missing):
            bare = re.sub(r"\([^()]*\)", " ", above)
            if _no_one_for_he(bare, head if gap_is_name else own, names, people):
                continue
            if not unnamed(context, bare, (0, 0), "", names, people, pronouns_only=True):
                if not clause.startswith("("):
                    clause = f"({_safe(above)}) {clause}"
                missing = []
    if missing:
        # "He was assassinated" after "August 1961?": who he is, nothing on the card says
        confidence = min(confidence, 0.6)
        doubts.append(f"'{missing[0]}' is never named on the card")
    if len(re.findall(r"\S {3,}(?=\S)", clause)) >= 2:
        # "Canada   23 July 1968   8 January 1969": a row of a table set out with
        # spaces; which column the gap is (signed? ratified?) the card does not say
        confidence = min(confidence, 0.5)
        doubts.append("a row of a table: its column is not said")
    if fact.kind == "date" and PAGE_YEAR in fact.doubts and title and not clause.startswith("("):
        # "(1809 in the Austrian Empire) {{10 April}} - ...": the year the page is about
        clause = f"({_safe(title)}) {clause}"
    outside = clause.replace(f"{{{{c1::{_safe(gap)}}}}}", "\0")
    bare_years = (
        fact.kind == "date"
        and not re.search(r"[A-Za-z]{3}", gap.replace("BC", ""))
        and not re.search(r"\d\.\d{1,2}\.\d", gap)  # "14.2.1828": a day, not a year
    )
    years = re.findall(r"\b\d{3,4}\b", gap) if bare_years else []
    if (len(gap) > 3 and gap.lower() in outside.lower()) or (
        years and all(re.search(rf"(?<![\d.,]){y}(?![\d,]|\.\d)", outside) for y in years)
    ):
        # "{{1279 BC}} - Ramesses II (r. 1279-1213 BC)": the year is there to read
        confidence = min(confidence, 0.5)
        doubts.append("the answer shows elsewhere on the card")
    return Question("cloze", clause, quote=ev.sentence, confidence=confidence, doubts=tuple(doubts))


# Words a text puts before a treaty's name to say whose or what kind it was
_TREATY_EPITHETS = frozenset(["Catholic", "Protestant", "Calvinist", "Lutheran", "Secret"])


def _joiners_used(words: str) -> bool:
    """Whether ``words`` (a capitalised word and what follows it) join it by "of", "and"..."""
    return re.search(r"\s(?:of|and|for|on)\s", words) is not None


def _inside_a_longer_name(s: str, start: int, end: int, person: bool) -> bool:
    """Whether ``s[start:end]`` runs on into capitalised words on either side.

    A treaty's name may be joined to more of it by "of", "and", "for" ("Trade
    and ___"); two people are joined by "and" all the time, so for a person only
    a capitalised word right beside the name counts, and a title never does.
    """
    if (end < len(s) and s[end].isalnum()) or (start > 0 and s[start - 1].isalnum()):
        return True  # "{{Ulster Union}}ist": the gap would cut a word
    after = re.match(r"\s+([A-Z][a-z][\w'-]*)", s[end:])
    if after and after.group(1) not in FUNCTION_WORDS:
        return True
    if not person and re.match(r"\s+(?:(?:for|of|at)\s+(?:the\s+)?|the\s+)[A-Z]", s[end:]):
        return (
            True  # "... for Nuclear Research", "... of Life at Sea", "... Governing the Activities"
        )
    joiners = "" if person else r"(?:(?:of|and|for|on)\s+(?:the\s+)?)?"
    before = re.search(rf"([A-Z][\w'-]*)\s+{joiners}$", s[:start])
    if before is None:
        return False
    word = before.group(1)
    if person and word.endswith("'s"):
        return False  # "Pierre Lamotte's {{Edouard Daladier}}": the actor's part, a name of its own
    if word in FUNCTION_WORDS or word in _MONTH_WORDS or word in TITLES or word.lower() in ROLES:
        return False  # "President Carter", "Commodore Perry", "The Hague", "In June ..."
    if not person and word in _TREATY_EPITHETS and not _joiners_used(before.group(0)):
        return False  # "the Catholic {{Union of Arras}}": which side made it, no part of its name
    return s[: before.start()].strip() != "" or _joiners_used(before.group(0))


# Words of a page's section heading ("FILM REVIEW", "Letters to the editor"), no title
_RUBRICS = frozenset(
    [
        "film",
        "films",
        "book",
        "books",
        "theatre",
        "music",
        "tv",
        "radio",
        "review",
        "reviews",
        "opinion",
        "comment",
        "editorial",
        "obituary",
        "obituaries",
        "news",
        "feature",
        "features",
        "analysis",
        "letter",
        "letters",
        "to",
        "the",
        "editor",
        "interview",
        "essay",
        "column",
        "blog",
        "post",
        "podcast",
        "transcript",
        "notes",
        "lecture",
        "report",
        "briefing",
        "culture",
        "arts",
        "world",
        "politics",
        "history",
    ]
)

_TREATY_NOUNS = ("treaty", "agreement", "accord", "pact", "protocol", "convention", "declaration")
_THE_TREATY = re.compile(rf"\b[Tt]he ({'|'.join(_TREATY_NOUNS)}|accords)\b")


def _name_the_treaty(text: str, treaties: tuple[str, ...], when: str = "") -> str:
    """ "The treaty" -> "The treaty [Antarctic Treaty]": the last one named that is a treaty.

    Only a name with the same noun resolves it ("the agreement" is never the
    Kyoto Protocol), only where the card does not name it already, and never a
    treaty whose own date contradicts the signing the card is about ("the
    treaty was signed in 1803" is not a treaty of 1800).
    """
    m = _THE_TREATY.search(text)
    if m is None:
        return text
    noun = m.group(1).lower().rstrip("s")
    match = [t.partition("|") for t in treaties if noun in t.partition("|")[0].lower()]
    if not match:
        return text
    name, _, dated = match[-1]
    since = treaties[[t.partition("|")[0] for t in treaties].index(name) + 1 :]
    kinds = (*_TREATY_NOUNS, "treaties")
    if any(not any(n in t.partition("|")[0].lower() for n in kinds) for t in since):
        # "the GADSDEN PURCHASE ... The treaty was signed": an agreement named since
        # under no treaty's noun may be the one meant (the Kyoto Protocol named since
        # is no "agreement")
        return text
    if name in text:
        return text
    if not when:
        # "The treaty was signed ... on 30 December 1853 by {{James Gadsden}}": the
        # sentence's own year tells which treaty it is not
        year = re.search(r"\b(?:1\d{3}|20\d\d)\b", text[m.end() :])
        when = year.group(0) if year else ""
    if when and dated and _SIGNED.search(text) and not compatible(when, dated):
        return text
    return f"{text[: m.end()]} [{_safe(name)}]{text[m.end() :]}"


_SIGNED = re.compile(r"\b(?:signed|agreed|concluded|sealed|initialled)\b")


def for_fact(
    fact: Fact,
    title: str = "",
    names: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
) -> Question | None:
    """The card for one fact, or None when no card can be made faithfully.

    Args:
        fact: The fact.
        title: Its article's title (for a byline's "who wrote ...?").
        names: Words its article writes capitalised mid-sentence.
        people: Words of its article's people's names.
    """
    if fact.kind == "person" and fact.detail.startswith("Author"):
        article = fact.detail.removeprefix("Author of the article ").strip("()")
        what = f"“{title}”" if title else f"the article {article}"
        doubts = list(fact.doubts)
        if title and set(re.findall(r"[a-z]+", title.lower())) <= _RUBRICS:
            # "FILM REVIEW", "Opinion": the page's section, not what the piece is called
            doubts.append("the title names the page's section, not the piece")
        return Question(
            "basic",
            f"Who wrote {what}?",
            fact.title,
            accept=(fact.title.split()[-1],),
            quote=f"By {fact.title}",
            confidence=min(fact.confidence, 0.9 if len(doubts) == len(fact.doubts) else 0.5),
            doubts=tuple(doubts),
        )
    if fact.kind == "treaty" and fact.acronym:
        led = f"An organisation led by {fact.broker}." if fact.broker else ""
        return Question(
            "basic",
            f"What does {fact.acronym} stand for?",
            fact.title,
            accept=(fact.acronym,),
            note=led,
            quote=fact.evidence.sentence if fact.evidence else "",
            confidence=max(fact.confidence, 0.9),
            doubts=(),
        )
    ev = fact.evidence
    if ev is None:
        return None
    if fact.kind == "date":
        if ev.counted_from:
            q = cloze(fact, ev, names, fact.words, people, title)
            said = f'The text says "{ev.counted_from}"'
            why = next((d for d in fact.doubts if d.startswith("counted")), "")
            note = f"{said} ({why})." if why else f"{said}."
            return _with(
                q, back="", note=note, accept=tuple(accept_variants(fact.when, fact.words))
            )
        q = cloze(fact, ev, names, None, people, title)
        answer = ev.answer
        accept = [v for v in accept_variants(fact.when, answer) if v] if fact.when else []
        full = when_words(fact.when) if fact.when else ""
        if full and full != answer and full not in accept:
            accept.insert(0, full)
        back = full if full and full.lower() != answer.lower() else ""
        if (
            re.search(r"century|\ds\b", answer)
            or answer.lower().removeprefix("c. ") == back.lower()
        ):
            back = (
                ""  # "the mid 14th century BC" is no "1366 BC to 1335 BC"; "c. 1274 BC" stays rough
            )
        return _with(q, back=back, accept=tuple(accept), note=" ".join(fact.notes))
    q = cloze(fact, ev, names, None, people, title)
    surname = (fact.title.split()[-1],) if fact.kind == "person" and " " in fact.title else ()
    return _with(q, accept=surname, note=" ".join(fact.notes))


def _with(q: Question, **changes: Any) -> Question:
    return replace(q, **changes)
