"""Whether a card names what its clause is about.

A clause leans on words that point elsewhere: a pronoun ("he", "it",
"their"), a definite description ("the stone", "the operation", "the peace
conference"), a time said relative to another ("that year"). A card is clear
only when something shown before such a word names what it points to: a
name for "he" or "it", the same noun for "the stone" (as in "the Rosetta
Stone"), a year for "that year". :func:`unnamed` lists the words nothing on
the card names; the card maker then shows more context or marks the card
unsure.
"""

from __future__ import annotations

import re

from trainer.generate.dates import MONTH_NAMES
from trainer.generate.lexicon import (
    ANAPHORIC_NOUNS,
    COUNTRY_OF,
    FUNCTION_WORDS,
    GENERIC_CAPS,
    LOWER,
    NUMBER_WORDS,
    PHRASE_ENDS,
    PLACES,
    ROLES,
    TIME_NOUNS,
    UPPER,
    country_of,
)

_DETERMINER = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+")
_PRONOUN = re.compile(
    r"\b(?:[Hh]e|[Ss]he|him|[Hh]is|[Hh]er|hers|[Ii]t|[Ii]ts|[Tt]hey|them|[Tt]heir)\b"
)
_PERSONAL = frozenset({"he", "she", "him", "his", "her", "hers"})
_MONTHS = frozenset(MONTH_NAMES[1:])
_SEASONS = frozenset({"Spring", "Summer", "Autumn", "Fall", "Winter"})
_ROLE_WORDS = frozenset(w.capitalize() for role in ROLES for w in role.split())
_SPEAKER = re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:\s\([^)]{1,60}\))?:\s*")
_CAPITAL = re.compile(rf"\b[{UPPER}][\w'-]*")
# Capitalised words that say what someone was, not who: "He was Jewish", "a Catholic".
_CREEDS = frozenset(
    [
        "Jewish",
        "Catholic",
        "Protestant",
        "Muslim",
        "Christian",
        "Orthodox",
        "Communist",
        "Socialist",
        "Republican",
        "Democrat",
        "Democratic",
        "Conservative",
        "Liberal",
        "Liberals",
        "Tory",
        "Whig",
        "Nazi",
        "Fascist",
        "Bolshevik",
    ]
)
# "ratified it", "signed them": what was ratified only a treaty's name says.
_RATIFIED = re.compile(r"\b(?:ratified|signed|approved|rejected|initialled|denounced)\s+$")
_TREATY_KINDS = (
    r"(?:Treaty|Accords?|Agreement|Convention|Pact|Protocol|Act|Charter|Declaration|Peace)"
)
_TREATY_NAMED = re.compile(
    rf"\b(?:{_TREATY_KINDS}|Treaties|Armistice|Compact|Concordat|Conference)\b"
)
# "China acceded in March 1992", "Entry into force: 5 March 1970": to what, only a
# treaty's name says (on the card, or in the heading shown with it).
_TREATY_ACT = re.compile(
    r"\b(?:acceded|accession|ratified|ratifications?|withdr[ae]wn?|withdrawal|"
    r"(?:entry|entered|came) into force|extended indefinitely)\b"
    r"(?!\s+(?:(?:to|from|of)\s+(?:the\s+)?[A-Z]|agreement|treaty|bill|act|deal|it|them)\b)",
    re.IGNORECASE,
)
# A treaty's own name, not "the Treaty": "Non-Proliferation Treaty", "Treaty on the ...".
_A_TREATYS_NAME = re.compile(
    rf"\b(?!(?:The|This|That|These|Its|Their|Our|Each)\b)[A-Z][\w'-]+\s+{_TREATY_KINDS}\b"
    rf"|\b{_TREATY_KINDS}\s+(?:of|on|for|between|with)\s+(?:the\s+)?[A-Z]"
)
# A name that is no person by the words before it: a place ("at Uppsala", "no further
# than Orkney") or a body ("the Ministry of Finance", "the General Assembly").
_PLACE_AFTER = re.compile(
    r"\b(?:(?:at|in|near|than|into|across|towards|outside)(?:\s+the)?|[Tt]he)"
    rf"\s+[{UPPER}][\w'-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[{UPPER}][\w'-]*)*"
)


def speaker_label(text: str) -> int:
    """The length of a transcript's speaker label at the start of ``text`` ("TEACHER: "), or 0."""
    m = _SPEAKER.match(text)
    return m.end() if m else 0


def names_in(text: str, people: bool = False, names: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised words of ``text`` that name something (a person only, with ``people``).

    A month, a title, a speaker's label, a word such as "Additional" or
    "Protocol", and a sentence's first word unless the article writes it
    capitalised mid-sentence too (``names``) name nothing by themselves.
    """
    found = []
    for m in _CAPITAL.finditer(text):
        word = m.group(0).removesuffix("'s")
        numbered = re.match(r"\s+(?:\d+|[IVX]+)\b", text[m.end() :]) is not None
        if word in _MONTHS and m.group(0).endswith("'s"):
            pass  # "May's withdrawal agreement": a month owns nothing, a person does
        elif word in FUNCTION_WORDS or (word in GENERIC_CAPS and not numbered):
            continue  # "Protocol" names nothing by itself; "Article 5" does
        if word in _SEASONS or (word.isupper() and len(word) > 5):
            continue  # "Winter 2023", "STARGAZERS' CIRCULAR": capitals of a title, no name
        if word.isupper() and len(word) > 1 and text[m.end() : m.end() + 1] in (":", " ("):
            continue  # "TEACHER:", "HOST (Dana ...)"
        if (
            re.search(r"(?:^|[.!?:\"(\[]\s*)$", text[: m.start()])
            and len(word) > 1
            and word not in names
        ):
            continue  # a sentence's first word: "Talks opened", "Lots of artists"
        if people and (
            word in COUNTRY_OF or word in PLACES or word in _ROLE_WORDS or word.isupper()
        ):
            continue
        found.append(word)
    return found


def quoted(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` lies inside double quotes."""
    return text.count('"', 0, at) % 2 == 1


def _noun_phrase(text: str, at: int) -> tuple[str, int]:
    """The head noun of the phrase starting at ``at`` (after its determiner), and its end.

    No head ("") when the phrase runs on into a name: "the earlier Treaty of Sèvres".
    """
    head, end = "", at
    for m in re.finditer(rf"[{UPPER}{LOWER}][\w'-]*|\S", text[at:]):
        word = m.group(0)
        if word[0].isupper():
            rest = text[at + m.end() :]
            if word in GENERIC_CAPS and not _NAME_GOES_ON.match(rest) and word.isalpha():
                return word.lower(), at + m.end()  # "the Treaty was signed": which treaty?
            return "", end
        if (
            not word[0].islower()
            or word in PHRASE_ENDS
            or (word.endswith("ed") and head)
            or word.endswith(("ly", "self", "selves"))
            or (head and _VERB_S.match(text, at + m.start()))
        ):
            break
        if word not in NUMBER_WORDS:
            head = word
        end = at + m.end()
        if end - at > 60:
            break
    return head, end


# A date in a phrase that hangs on a name: "the Kyoto Protocol, adopted in Japan in",
# "Sadat, who was assassinated in".
_OF_A_NAME = re.compile(
    r"[A-Z][\w'-]+,\s+(?:which|who|[a-z]+ed|signed|held|built|made|won|begun|drawn up)\b"
    r"(?:(?!\b(?:the|this|that|these|those)\b)[^,;()])*$"
)
# What carries a name on past "Treaty" or "Final": "of Paris", "Act", "on the Final ...".
_NAME_GOES_ON = re.compile(r"\s+(?:(?:of|on|for|to|between|with|in)\s+(?:the\s+)?[A-Z]|[A-Z0-9])")
# "replaces the", "marks a": a verb in the present tense ends the noun phrase before it.
_VERB_S = re.compile(r"[a-z]+[^s\W]s\s+(?:the|a|an|its|his|her|their|[A-Z0-9])")


def _mentions(before: str, noun: str) -> bool:
    """Whether ``before`` names what ``noun`` stands for.

    "the Rosetta Stone" and "a stone tablet" say which stone; another "the
    stone" only points back in turn.
    """
    stem = noun.lower().removesuffix("s")
    if len(stem) < 3:
        return False
    for m in re.finditer(rf"\b{re.escape(stem)}", before, re.IGNORECASE):
        word = re.match(r"[\w'-]+", before[m.start() :])
        if before[m.start()].isupper() and (
            (word is not None and word.group(0).isupper())
            or re.search(r"[A-Z][\w'-]*\s+$", before[: m.start()])
            or _NAME_GOES_ON.match(
                before[m.end() + (len(word.group(0)) - len(stem) if word else 0) :]
            )
        ):
            return True  # "Rosetta Stone", "Treaty of Kiel", "THE WALL THAT FELL"; not "the Treaty"
        if not _pointing(before[: m.start()]):
            return True
    return False


def _pointing(text: str) -> bool:
    """Whether the noun phrase ending ``text`` starts with "the", "this", "its"..."""
    for word in reversed(text.split()[-4:]):
        if word.lower() in _DEFINITE:
            return True
        if not re.fullmatch(r"[a-z-]+", word) or word in PHRASE_ENDS or word in ("a", "an"):
            return False
    return False


# What says which one a noun phrase means, right after it.
_DESCRIBED = re.compile(
    r"(?:,\s+(?:which|who|whose|that|known as|called|named|[a-z]+ed\b)|\s+(?:that|which|who|known as|called|named)\b"
    # "the armistice signed at Cormons", "the treaty of alliance concluded ... between Prussia
    # and ...", "the definitive treaty of peace between the King of Prussia and ...": said
    # where or between whom
    r"|\s+(?:signed|agreed|concluded|made)\s+(?:at|in)\s+[A-Z]"
    r"|\s+of\s+(?:peace|alliance|friendship|commerce|amity|neutrality)\b[^.;]{0,60}?\sbetween\s+(?:the\s+)?[A-Z])"
)
# What follows the "it" of a time, no pronoun for a thing: "It is the autumn of 1383",
# "it was 1815" (a pattern to put after "it" in others)
TIME_IT = (
    r"\s+(?:is|was)\s+(?:now\s+)?(?:(?:the|an?)\s+)?(?:(?:early|late|high|deep|dead)\s+)?"
    r"(?:autumn|spring|summer|winter|morning|evening|night|afternoon|dawn|midnight|noon|"
    r"eve|end|middle|beginning|year|day|(?:1[0-9]{3}|20[0-9]{2})\b(?!\s+years))"
)
_TIME_IT = re.compile(TIME_IT)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


def unnamed(
    clause: str,
    shown_before: str,
    gap: tuple[int, int],
    gap_kind: str,
    names: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
    objects: bool = False,
    pronouns_only: bool = False,
) -> list[str]:
    """Words of ``clause`` that point to something nothing before them on the card names.

    Args:
        clause: The part of the fact's sentence the card shows, the answer in place.
        shown_before: What the card shows before the clause (context, heading).
        gap: Where the answer stands in ``clause``.
        gap_kind: ``date``, ``person`` or ``treaty``: a person's name answers
            "he" after it, a treaty's "it"; a date names no event.
        names: Words the article writes capitalised mid-sentence.
        people: Words of the names of the article's people (no "it" stands for them).
        objects: Whether an object counts too ("accepted the invitation"): the
            sentence before may say which, though a card is clear without it.
        pronouns_only: Only pronouns count.
    """
    out: list[str] = []
    start = speaker_label(clause)

    def before(at: int) -> str:
        if gap[0] < at and gap_kind == "date":
            return f"{shown_before} {clause[start : gap[0]]} {clause[gap[1] : at]}"
        return f"{shown_before} {clause[start:at]}"

    for m in _PRONOUN.finditer(clause, start):
        if quoted(clause, m.start()) or gap[0] <= m.start() < gap[1]:
            continue
        if clause.startswith(" [", m.end()):
            continue  # "He [Camillo Benso]": named on the card
        word = m.group(0).lower()
        if word == "it" and _TIME_IT.match(clause, m.end()):
            continue  # "It is the autumn of 1383": "it" stands for nothing
        personal = word in _PERSONAL
        if (
            gap[1] <= m.start()
            and gap_kind == ("person" if personal else "treaty")
            and not (word in ("him", "her", "them", "it") and _object(clause, start, m.start()))
        ):
            continue  # "{{Dean Acheson}} ... his", "{{Treaty of X}} ... its"; not "X replaced her"
        prior = before(m.start())
        objective = word in ("him", "her", "them", "it") and _object(clause, start, m.start())
        if objective:
            # "The Senate approved it", "Johnson replaced her": the clause's own subject
            # is not what the pronoun stands for
            prior = prior[: len(prior) - (m.start() - _clause_start(clause, start, m.start()))]
        if personal:
            # "he" needs a person before it: a name, or "the President"
            # ("than Orkney", "at Uppsala": a place after its preposition is no one)
            found = names_in(_PLACE_AFTER.sub(" ", prior), True, names)
            if any(w not in _CREEDS for w in found) or _ROLE_BEFORE.search(prior):
                continue
            if any(w in people for w in _CAPITAL.findall(prior) if len(w) > 2):
                continue  # "Haakon IV of Norway sailed ...": a person's name opening a sentence
        elif objective and _RATIFIED.search(clause, max(start, m.start() - 30), m.start()):
            # "The Senate ratified it": only a treaty's name says what was ratified
            if not _TREATY_NAMED.search(before(m.start())):
                out.append(word)
            continue
        else:
            # "it", "they": a name of something other than a person before it (for
            # "its", "their" anywhere on the card: "At its peak ... landed in Berlin"),
            # or for "they" a plural before. The subject of the clause that "it" is the
            # object of is not what "it" stands for: "The Senate approved it".
            if word in ("its", "their"):
                prior = f"{prior} {clause[m.end() :]}"
            if gap_kind == "person":
                prior = prior.replace(clause[gap[0] : gap[1]], " ")
            named = [
                w for w in names_in(prior, False, names) if w not in people and w not in _ROLE_WORDS
            ]
            if named or (word in ("they", "them", "their") and _PLURAL.search(prior)):
                continue
        out.append(word)
    act = _TREATY_ACT.search(clause, start) if gap_kind != "treaty" else None
    if act and not _A_TREATYS_NAME.search(f"{shown_before} {clause}"):
        out.append(act.group(0).lower())
    if pronouns_only or (gap_kind == "date" and _OF_A_NAME.search(clause, start, gap[0])):
        return out
    bare = _BARE_EVENT.match(clause, start)
    if bare and not (gap[0] <= bare.start() < gap[1]):
        # "Talks began in November 1698 under British and Dutch mediation": which talks?
        noun = bare.group(1).lower()
        place = [
            w
            for w in names_in(clause[bare.end() :], False, names)
            if country_of(w) in (None, w) and w not in people and w not in _ROLE_WORDS
        ]
        if not place and not any(_mentions(shown_before, w) for w in _KIN.get(noun, (noun,))):
            out.append(
                noun
            )  # "the Kyoto Protocol, adopted in Japan in ___": the name says what is dated
    for m in _DETERMINER.finditer(clause, start):
        if quoted(clause, m.start()) or gap[0] <= m.start() < gap[1]:
            continue
        head, end = _noun_phrase(clause, m.end())
        if not head:
            continue
        at_start = not clause[start : m.start()].strip(" ,")
        if head in TIME_NOUNS and gap_kind != "date":
            continue  # who did it, or what was signed, does not hang on "that morning"
        if head in TIME_NOUNS:
            # "that year", "the following day" count from a date shown; "this
            # afternoon" is the piece's own day, "the summer of 1978" says its year
            if (
                m.group(0).strip().lower() != "this"
                and not re.search(r"\b\d{4}\b", f"{shown_before} {clause}")
                and not clause[end:].startswith(" of")
            ):
                out.append(f"{m.group(0).strip().lower()} {head}")
            continue
        if head not in ANAPHORIC_NOUNS and (
            not at_start or _mentions(shown_before, head) or names_in(shown_before, False, names)
        ):
            continue  # "This turn of events", "The design": the sentence shown before says
        agreed = gap_kind != "treaty" and head in _AGREEMENTS
        if (
            not (objects and head in ANAPHORIC_NOUNS)
            and not agreed
            and not _subject(clause, start, m.start())
        ):
            # "chaired the negotiations", "took over the canal project": its subject is
            # asked; but "{{X}} signed the treaty" asks who signed which treaty, and
            # "approved the Treaty on {{7 January 1922}}" when which treaty was approved
            continue
        if re.match(
            r"\s+(?:of|in|at|on|between|against|with|over)\s+(?:the\s+)?[A-Z]", clause[end:]
        ):
            continue  # "the town of Nerchinsk", "the war between the USA and Mexico": named there
        if _DESCRIBED.match(clause[end:]):
            continue  # "the plan, agreed in Madrid in 2007", "the government, which ..."
        if (
            gap_kind != "date"
            and gap[0] >= end
            and re.fullmatch(
                r"[\s,]*(?:(?:called|named|known as)\s+)?(?:the\s+)?", clause[end : gap[0]]
            )
        ):
            continue  # "the treaty, {{Treaty of X}}": the answer names it
        modifiers = re.findall(r"[a-z][a-z-]{3,}", clause[m.end() : end])[:-1]
        prior = before(m.start())
        if not any(_mentions(prior, w) for w in _KIN.get(head, (head,))) and not (
            modifiers and all(_mentions(prior, w) for w in modifiers)
        ):
            out.append(f"the {head}")  # "the single market plan" after "a single market": said
    return out


# Nouns a text uses for one another: "the main instruments" after "the set of treaties",
# "the agreement" after "an armistice" (but "the treaty" is no armistice).
_TREATIES = ("treaty", "treaties", "pact", "convention", "protocol", "charter", "declaration")
_ACCORDS: tuple[str, ...] = ("agreement", "agreements", "accord", "accords", "deal", "pact")
_ACCORDS += ("settlement", "ceasefire", "armistice", "truce")
_DOCUMENTS = ("instrument", "instruments", "document", "documents", "text", "texts")
_MEETINGS = ("conference", "congress", "summit", "talks", "negotiations", "meeting")
_AGREEMENTS = frozenset((*_TREATIES, *_ACCORDS, *_DOCUMENTS))
_KIN: dict[str, tuple[str, ...]] = {
    **{word: (*_TREATIES, *_DOCUMENTS) for word in _TREATIES},
    **{word: (*_ACCORDS, *_DOCUMENTS) for word in _ACCORDS},
    **{word: tuple(_AGREEMENTS) for word in _DOCUMENTS},
    **{word: _MEETINGS for word in _MEETINGS},
}


# A subject with no article that names an event only by its kind: "Talks began".
_BARE_EVENT = re.compile(
    r"(?:[A-Z][A-Z .'-]{1,40}:\s*)?(?:Peace\s+)?(Talks|Negotiations|Fighting|Hostilities)\s+"
    r"(?:\w+ly\s+)?(?:\w+ed|began|opened|broke|went|ran|were|was|had|resumed|started)\b"
)
# "the son", "the old king" say who only in a story of one son, one king: not asked.
_KINSHIP = frozenset({"son", "daughter", "wife", "husband", "brother", "sister", "heir", "widow"})
_ROLE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?!(?i:old|young|elder|younger)\b)"
    r"(?:[a-z-]+\s+)?(?:"
    + "|".join(sorted((re.escape(r) for r in ROLES if r not in _KINSHIP), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# A plural that "they" may stand for: "Both sides", "the delegates", "negotiators".
_PLURAL = re.compile(
    r"\b(?:[Bb]oth|[Tt]he\s+(?:[a-z-]+\s+)?[a-z]{3,}s|(?:two|three|four|five|six|several|many|"
    r"some|all)\s+(?:[a-z-]+\s+)?[a-z]{3,}s|[A-Z][a-z]{2,}(?:ers|ors|ists|ians|ates))\b"
)


_BOUNDARY = re.compile(r"(?:[;:]|,\s+(?:and|but|while|when|whereas|so)\b|\s+and\s+then\b)")


_INTRO = re.compile(
    r"\s*(?:after|before|during|following|despite|since|with|without|under|amid|through|"
    r"throughout|by|for|in|on|at|until)\b",
    re.IGNORECASE,
)


def _clause_start(clause: str, start: int, at: int) -> int:
    """Where the clause holding offset ``at`` starts."""
    cut = start
    for m in _BOUNDARY.finditer(clause, start, at):
        cut = m.end()
    return cut


def _object(clause: str, start: int, at: int) -> bool:
    """Whether the pronoun at offset ``at`` is the object of a verb before it in its clause.

    Not after a word that opens a clause of its own ("since it opened"), nor
    before a verb of its own ("say it started").
    """
    if re.search(_OPENS_CLAUSE, clause[start:at]) or _VERB_NEXT.match(clause, at):
        return False
    return not _subject(clause, start, at) and not _INTRO.match(
        clause, _clause_start(clause, start, at)
    )


_OPENS_CLAUSE = re.compile(
    r"\b(?:since|when|after|before|because|although|though|until|while|as|if|once|that|and|but|"
    r"so|where|whether)\s+$"
)
_VERB_NEXT = re.compile(
    r"\w+\s+(?:\w+ed|was|were|is|are|has|had|have|would|could|will|can|did|does|began|came|"
    r"took|went|became|made|fell|rose|ran|won|lost)\b"
)


def _subject(clause: str, start: int, at: int) -> bool:
    """Whether the phrase at ``at`` stands before the verb of its clause (is its subject).

    A phrase in an opening adverbial ("After the disaster, the convention was
    signed") is not.
    """
    cut = start
    for m in _BOUNDARY.finditer(clause, start, at):
        cut = m.end()
    if _INTRO.match(clause, cut) and "," in clause[at : at + 50]:
        return False
    for word in re.findall(r"[a-z]+", clause[cut:at]):
        if (word in PHRASE_ENDS and word not in _PREPOSITIONS) or word.endswith("ed"):
            return False
    return True


_PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "and",
        "or",
        "but",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "until",
        "than",
    ]
)


_HEADS = "|".join(sorted((w.capitalize() for w in ANAPHORIC_NOUNS), key=len, reverse=True))
# "Suez Canal", "Rosetta Stone", "Congress of Vienna", "Treaty of Kiel": a thing's name
# whose last (or first) word is the noun a later clause may call it by.
_THING_NAME = re.compile(
    rf"\b(?:[{UPPER}][\w'-]+\s){{1,3}}(?P<last>{_HEADS})\b(?!\s+of\s+[A-Z])"
    rf"|\b(?P<first>{_HEADS})\s+of\s+(?:the\s+)?[{UPPER}][\w'-]+(?:\s[{UPPER}][\w'-]+){{0,2}}"
)
_KEEP_THINGS = 40


def note_things(sentence: str, things: tuple[str, ...]) -> tuple[str, ...]:
    """``things`` with the names of things ``sentence`` gives added (latest last)."""
    found = []
    for m in _THING_NAME.finditer(sentence):
        words = m.group(0).split()
        while words and (words[0] in FUNCTION_WORDS or words[0].lower() in PHRASE_ENDS):
            words = words[1:]  # "The Suez Canal", "In Rosetta Stone"
        if len(words) >= 2:
            found.append(" ".join(words))
    if not found:
        return things
    kept = [t for t in things if t not in found]
    return (*kept, *found)[-_KEEP_THINGS:]


def _head_of(name: str) -> str:
    words = name.split()
    return (words[0] if len(words) > 2 and words[1] == "of" else words[-1]).lower()


def name_the_things(text: str, missing: list[str], things: tuple[str, ...]) -> str:
    """``text`` with "the canal" followed by "[Suez Canal]" where one name alone fits.

    A noun is named only when the article has given exactly one name with it
    (two canals named: "the canal" stays as it is).
    """
    for item in missing:
        if not item.startswith("the "):
            continue
        noun = item.removeprefix("the ")
        if noun in _AGREEMENTS:
            continue  # "the treaty": named only where its date agrees (questions._name_the_treaty)
        fits = [t for t in things if _head_of(t) in (noun, noun.removesuffix("s"))]
        if len(set(fits)) != 1 or fits[0] in text:
            continue
        for m in _DETERMINER.finditer(text):
            head, end = _noun_phrase(text, m.end())
            if head == noun:
                if not text[end:].startswith(" ["):
                    text = f"{text[:end]} [{fits[0]}]{text[end:]}"
                break
    return text


# A sentence that tells of something done: a verb in the past tense, regular or not.
TOLD = re.compile(
    r"\b(?:(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|wn|ne|ught|ung|un)|was|were|had|did|\w{2,}ed|began|came|took|won|lost|met|left|ran|fell|rose|grew|gave|"
    r"made|sank|went|held|kept|led|broke|brought|built|fought|flew|found|got|knew|lay|paid|sent|"
    r"shook|shot|stood|struck|spoke|wrote|drew|chose|became|saw|told|thought|sat|set|said|"
    r"sold|bought|taught|caught|threw|drove|rode|swore|wore|hid|bore|froze|stole|woke|ate|hit|"
    r"put|cut|let|shut|quit|spread|cast|cost|burst|beat|split|sent|spent|lent|meant|dealt|felt)\b",
    re.IGNORECASE,
)
# Words that address the reader: a club's notice ("Members: the picnic is on 14 August",
# "Subscriptions are due in January", "Tickets are free").
_READER = re.compile(
    # "bring a friend", not "traders ... bring the first matchlock guns to Japan"
    r"\b(?:our|you|your|members|RSVP|tickets?|please|join us|bring (?:a|along)|sign up|subscri\w+)\b"
    r"|^(?:[A-Z][A-Z .'-]{1,40}:\s*)?(?:Ask|Visit|See|Read|Join|Come|Book|Bring|Find out|Learn more|"
    r"Look out|Check|Follow|Contact|Email|Call|Don't miss)\b",
    re.IGNORECASE,
)

# An hour on the clock ("2 pm", "7.30pm") and a day of the week, as notices give them.
HOUR = r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
WEEKDAY = r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
# An appointment's hour and weekday: "at 2 pm on Sunday", "Tuesday, 7.30".
_APPOINTED = re.compile(rf"{HOUR}|{WEEKDAY}[^.]{{0,40}}\b\d{{1,2}}[:.]\d{{2}}\b")


def notice_doubt(sentence: str, yearless: bool = False, dated_piece: bool = True) -> str:
    """Why ``sentence`` may state no fact of the article ("" when it may).

    A sentence that addresses the reader and tells of nothing done is a notice
    (a club's meeting, "Ask a guide about ..."); so is, in a piece without a
    dateline, one with a date without a year (``yearless``) that tells of
    nothing done.
    """
    if _READER.search(sentence) and _APPOINTED.search(sentence):
        # "Our next guided walk leaves ... at 2 pm on Sunday 13 October": an hour, a
        # weekday and the reader; a past participle ("guided") tells of nothing done
        return "a notice to the reader, not a fact of the article"
    if TOLD.search(sentence):
        return ""
    if _READER.search(sentence):
        return "a notice to the reader, not a fact of the article"
    if yearless and not dated_piece:
        return "a date without a year in a sentence that tells of nothing done"
    return ""
