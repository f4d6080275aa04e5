"""Facts from an article: dated events, people with their roles, treaties and organisations.

Rule-based and deterministic: sentences are matched against patterns for
dates, names next to titles, and agreement words, with the word lists of
:mod:`trainer.generate.lexicon`. Each fact keeps the paragraphs it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trainer.generate.dates import DateMention, find_dates, infer_year
from trainer.generate.lexicon import (
    CAPITAL_OF,
    COUNTRY_OF,
    DEMONYM_PLURALS,
    DIRECTIONS,
    FUNCTION_WORDS,
    ORG_WORDS,
    PLACES,
    ROLES,
    country_of,
)
from trainer.generate.text import Article, sentences

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "as",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "has",
        "had",
        "have",
        "its",
        "it",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "also",
        "after",
        "before",
        "during",
        "since",
        "until",
        "into",
        "onto",
        "over",
        "under",
        "between",
        "about",
        "than",
        "then",
        "there",
        "here",
        "not",
        "no",
        "so",
        "such",
        "very",
        "more",
        "most",
        "some",
        "any",
        "all",
        "both",
        "each",
        "other",
        "another",
        "only",
        "even",
        "just",
        "still",
        "already",
        "would",
        "could",
        "should",
        "might",
        "may",
        "can",
        "will",
        "did",
        "do",
        "does",
        "done",
        "made",
        "make",
        "per",
        "via",
        "up",
        "out",
        "off",
        "again",
        "once",
    ]
)


@dataclass(slots=True)
class Fact:
    """One fact found in an article (or merged from several).

    Attributes:
        kind: ``date``, ``person`` or ``treaty``.
        key: What makes two facts the same fact (for merging and stable ids).
        title: A dated event's description, a person's full name, a treaty's name.
        when: Normalised date or range, where known.
        words: The date in words (date facts).
        detail: A person's role; a treaty's description.
        parties: Countries that are party to a treaty.
        broker: Who brokered an agreement.
        acronym: An organisation's acronym.
        note: A qualifier ("a few days before ...", "since").
        sources: (article name, paragraph number) pairs.
        notes: Remarks for the card (conflicts between sources).
    """

    kind: str
    key: str
    title: str
    when: str = ""
    words: str = ""
    detail: str = ""
    parties: tuple[str, ...] = ()
    broker: str = ""
    acronym: str = ""
    note: str = ""
    sources: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def keywords(self) -> set[str]:
        """Content words of the fact itself (not its context note), for matching facts."""
        text = f"{self.title} {self.detail}".lower()
        return {
            w.rstrip("s")
            for w in re.findall(r"[a-z][a-z'-]+", text)
            if w not in STOPWORDS and len(w) > 2
        }


# -- dates ----------------------------------------------------------------------

_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|by|during|from|until|till|at|of|around|circa|about|throughout|after|before|the|"
    r"(?:for\s+)?(?:most|much|all|part|the rest|the end|the start)\s+of)\s+)+$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:among (?:the|its|other) examples (?:include|are|embrace|contain)|for example|for instance|such as|including|"
    r"examples include|notably|especially|particularly)\s*:?\s*",
    re.IGNORECASE,
)
# A comma followed by a digit is a thousands separator ("30,000"), not a clause break.
_NO_COMMA = r"(?:[^,]|,(?=\d))*"
_INTRO = re.compile(
    rf"^(?:in|on|by|since|during|until|around|at|from|early|late|mid)\b{_NO_COMMA},\s*",
    re.IGNORECASE,
)
_INTRO_PHRASE = re.compile(
    rf"^(?:after|before|following|despite|with|amid|amidst|as|in|during|when|although|though)\b{_NO_COMMA},\s*",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|that)\s+")
_PARTICIPLE = re.compile(
    r",\s+(?:agreed|signed|held|founded|created|established|built|declared|launched|fought|brokered|ratified|concluded|negotiated|adopted)\b"
)
_WHEN_AFTER = re.compile(r"^,?\s*when\s+")
_PARENS = re.compile(r"\s*\([^)]*\)")
_DASHED = re.compile(r"\s+-\s+[^-]{1,80}?\s+-\s+")


_QUALIFIERS = ("since", "after", "before", "until")
_LEADING_INTRO = re.compile(
    r"^(?:under|after|before|with|following|during|despite|for|in|on|at|by|thanks to)\b[^,]{0,40},\s+(?=\S+\s+\S+\s+\S+)",
    re.IGNORECASE,
)


def _clean(label: str, limit: int = 22) -> str:
    label = _PARENS.sub("", label)
    label = re.sub(r"^\s*-\s+[^-]{1,80}?\s+-\s+", "", label)
    label = _DASHED.sub(" ", label)
    label = label.replace("(", "").replace(")", "")
    label = label.strip(" ,;:-.")
    label = _LEAD_IN.sub("", label)
    label = _LEADING_INTRO.sub("", label)
    label = re.sub(
        r"^(?:and|but|or|then|so|that|while|whereas|yet|having)\s+", "", label, flags=re.IGNORECASE
    )
    label = re.sub(r"\s+", " ", label).strip(" ,;:-.")
    label = re.sub(
        r"\s+(?:in|on|since|by|during|from|until|at|of|the|and|to|after|before)$", "", label
    )
    words = label.split()
    if len(words) > limit:
        cut = label.find(",", len(" ".join(words[:6])))
        label = (
            label[:cut]
            if 0 < cut < len(" ".join(words[:limit]))
            else " ".join(words[:limit]) + " ..."
        )
    return label.strip(" ,;:-.")


def _without_date(text: str, start: int, end: int) -> tuple[str, str]:
    """The text with the date (and its preposition) removed, and that preposition."""
    before = text[:start]
    prep = _PREP_BEFORE.search(before)
    word = ""
    if prep:
        word = prep.group(0).strip().split()[0].lower()
        before = before[: prep.start()]
    after = text[end:]
    return f"{before.rstrip()} {after.lstrip()}".strip(), word


def event_label(sentence: str, m: DateMention, others: list[DateMention]) -> tuple[str, str]:
    """A short description of what ``m`` dates in ``sentence``, and a qualifier ("since")."""
    seg_start = sentence.rfind(";", 0, m.start) + 1
    seg_end = sentence.find(";", m.end)
    seg_end = len(sentence) if seg_end < 0 else seg_end
    # With several dates in one stretch, each keeps only the words since the previous one.
    previous = [o for o in others if seg_start <= o.end <= m.start]
    if previous:
        seg_start = max(o.end for o in previous)
    following = [o for o in others if m.end <= o.start < seg_end]
    if following:
        nxt = min(o.start for o in following)
        stop = max(sentence.rfind(",", m.end, nxt), sentence.rfind(" and ", m.end, nxt))
        seg_end = stop if stop > 0 else nxt
    seg = sentence[seg_start:seg_end]
    ms, me = m.start - seg_start, m.end - seg_start
    after = seg[me:]
    # "... in 2018 when Pashinyan came to power", "the 19th century, when X happened"
    w = _WHEN_AFTER.match(after)
    if w:
        clause = after[w.end() :]
        clause = re.sub(r"^-\s+[^-]{1,80}?\s+-\s+", "", clause)
        parts = re.split(r",\s+(?=[a-z]+ing\b)|;|,\s+(?=[A-Z])", clause)
        return _clean(parts[0]), ""
    # "When X met Y in Abu Dhabi on July 10, they ..." / "... failed when X retook Y in September 2023"
    wpos = 0 if seg[:5].lower() == "when " else seg.rfind(" when ", 0, ms)
    if wpos >= 0:
        clause = re.sub(r"^when\s+", "", seg[wpos:ms].strip(), flags=re.IGNORECASE)
        clause = _PREP_BEFORE.sub("", clause)
        if len(clause.split()) >= 3:
            return _clean(clause), ""
    # "X, which collapsed in 1991," / "his son Ilham, who would succeed him in 2003"
    rc = None
    for r in _RELATIVE_CLAUSE.finditer(seg, 0, ms):
        rc = r
    pc = None
    for p in _PARTICIPLE.finditer(seg, 0, ms):
        pc = p
    clause_start = max(
        (x for x in (rc, pc) if x is not None), key=lambda x: x.start(), default=None
    )
    if clause_start is not None and "," not in seg[clause_start.end() : ms]:
        head_start = seg.rfind(",", 0, clause_start.start()) + 1
        head = seg[head_start : clause_start.start()].strip()
        # the antecedent is the last noun phrase: from its determiner on
        dets = list(
            re.finditer(r"\b(?:the|a|an|its|his|her|their|this|that)\s", head, re.IGNORECASE)
        )
        if dets and len(head[dets[-1].start() :].split()) >= 2:
            head = head[dets[-1].start() :]
        head = re.sub(
            r"^(?:under|of|for|by|with|to|from|as|like)\s+", "", head, flags=re.IGNORECASE
        )
        head = re.sub(
            r"^(?:the self-declared|because the|as the)\b.*?\bof\s+", "", head, flags=re.IGNORECASE
        )
        verb = seg[clause_start.end() if clause_start is rc else clause_start.start() + 1 : ms]
        verb = _PREP_BEFORE.sub("", verb.strip())
        if head:
            return _clean(f"{head} {verb}"), ""
    # "the 2020 Second Karabakh War": a year naming an event
    named = re.match(
        r"\s+((?:[A-Z][\w'-]*\s*(?:-\s*)?){1,5}(?:[Ww]ar|[Bb]attle|[Cc]risis|[Rr]evolution|[Oo]lympics|[Ee]lection|[Ss]ummit|[Oo]ffensive))\b",
        after,
    )
    if named and seg[:ms].rstrip().lower().endswith("the") and m.precision == "year":
        intro = re.match(r"^\s*(?:following|after)\s+the\s*$", seg[:ms], re.IGNORECASE)
        rest = after[named.end() :]
        if intro and rest.startswith(","):
            return _clean(rest[1:]), "after the " + _clean(named.group(1))
        return _clean(named.group(1)), ""
    # "In 1994, after more than 30,000 casualties, Russia brokered a ceasefire."
    text, prep = _without_date(seg, ms, me)
    if ms <= 12 and _INTRO.match(seg):
        rest = seg[me:].lstrip(" ,")
        while intro := _INTRO_PHRASE.match(rest):
            rest = rest[intro.end() :]
        return _clean(rest), ""
    if m.relative and m.relative_start >= seg_start:
        return _clean(sentence[m.end :].lstrip(" ,")), ""
    # "Having signed X in 1997, this was ...": the phrase before the date stands alone
    if after.startswith(", ") and len(seg[:ms].split()) >= 3:
        before, prep = _without_date(seg[:me], ms, me)
        return _clean(before), prep if prep in _QUALIFIERS else ""
    text = re.sub(r"^(?:after|before|following)\b[^,]*,\s*", "", text, flags=re.IGNORECASE)
    return _clean(text), prep if prep in _QUALIFIERS else ""


def _anchor_label(sentence: str, m: DateMention) -> str:
    """For "a few days before X in February 2022", the X."""
    rel = re.search(re.escape(m.relative), sentence[m.relative_start :], re.IGNORECASE)
    start = m.relative_start + (rel.end() if rel else 0)
    return _clean(_PREP_BEFORE.sub("", sentence[start : m.start].strip()))


# -- people ---------------------------------------------------------------------

_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.)"
_PARTICLE = r"(?:de|da|di|du|del|der|van|von|bin|ibn|al|la|le)"
_REGNAL = r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|V)"
_NAME = rf"{_NAME_TOKEN}(?:(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,3}}(?:\s+{_REGNAL}\b)?|\s+{_REGNAL}\b)"
_NAME_RE = re.compile(rf"\b{_NAME}\b")
_ROLE = "|".join(sorted((re.escape(r) for r in ROLES), key=len, reverse=True))
_MOD = (
    r"(?:(?:former|then-?|current|acting|interim|late|incumbent|outgoing|new|first|last)\s*-?\s*)"
)
# One capitalised word (or an acronym such as US) standing for a country; checked
# against the lexicon after matching, which keeps the patterns fast.
_COUNTRY_WORD = r"(?:[A-Z][A-Za-zü]+)"
_HAS_ROLE = re.compile(
    rf"\b(?:{'|'.join(re.escape(r) for r in ROLES)})\b|\bpower\b|\bled by\b|\bruled by\b",
    re.IGNORECASE,
)
# "Azerbaijani President Ilham Aliyev", "Prime Minister Nikol Pashinyan", "President Trump"
_ROLE_BEFORE = re.compile(
    rf"(?:(?P<adj>{_COUNTRY_WORD})(?:'s)?\s+)?(?P<mod>{_MOD})?(?P<role>(?i:{_ROLE}))(?:\s+of\s+(?P<of>{_COUNTRY_WORD}))?\s+(?P<name>{_NAME}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
# "Armenia's prime minister, Nikol Pashinyan,", "the then-president, Heydar Aliyev", "its former president, Mikheil Saakashvili"
_ROLE_APPOS = re.compile(
    rf"(?P<det>\b(?:the|its|his|her|their|a|an)\s+|(?P<poss>{_COUNTRY_WORD})'s\s+|(?P<adj2>{_COUNTRY_WORD})\s+)?(?:the\s+)?(?:(?P<adj>{_COUNTRY_WORD})\s+)?(?P<mod>{_MOD})?(?P<role>(?i:{_ROLE}))(?:\s+of\s+(?P<of>{_COUNTRY_WORD}))?,\s+(?P<name>{_NAME})\b"
)
# "Angela Merkel, the former chancellor of Germany"
_ROLE_AFTER = re.compile(
    rf"\b(?P<name>{_NAME}),\s+(?:the|a|an)\s+(?:(?P<adj>{_COUNTRY_WORD})(?:'s)?\s+)?(?P<mod>{_MOD})?(?P<role>(?i:{_ROLE}))(?:\s+of\s+(?P<of>{_COUNTRY_WORD}))?\b"
)
# "Its chief engineer was Alois Negrelli"
_ROLE_WAS = re.compile(
    rf"\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]he)\s+(?:[\w-]+'s\s+)?(?P<mod>{_MOD})?(?P<role>(?i:{_ROLE}))\s+(?:was|is)\s+(?P<name>{_NAME})\b"
)
# "the Soviet Union, then led by Joseph Stalin"
_LED_BY = re.compile(
    rf"\b(?P<of>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){{0,2}}),\s+(?:then\s+|now\s+|still\s+)?(?:led|ruled|governed)\s+by\s+(?P<name>{_NAME})"
)
_POWER = re.compile(
    rf"\b(?P<name>{_NAME}|[A-Z][a-z]+)\s+(?:took|came to|seized|rose to|returned to)\s+power\s+in\s+(?P<of>{_COUNTRY_WORD})"
)


@dataclass(slots=True)
class _Person:
    full: str
    roles: dict[str, float] = field(default_factory=dict)  # role -> weight
    sources: list[tuple[str, int]] = field(default_factory=list)


def _cite(sources: list[tuple[str, int]], name: str, number: int) -> None:
    """Add (article, paragraph) to a fact's sources, once."""
    if (name, number) not in sources:
        sources.append((name, number))


def _mention(
    people: dict[str, _Person],
    who: str,
    name: str,
    number: int,
    role: str = "",
    weight: float = 1.0,
) -> None:
    """Record that ``who`` is named here, with a role the text gives (weighted)."""
    person = people.setdefault(who, _Person(who))
    if role:
        person.roles[role] = person.roles.get(role, 0) + weight
    _cite(person.sources, name, number)


def _is_name(candidate: str) -> bool:
    words = candidate.replace("-", " ").split()
    if len(words) < 2:
        return False
    for word in candidate.split():
        bare = word.removesuffix("'s")
        if (
            bare in FUNCTION_WORDS
            or bare in ORG_WORDS
            or bare in DIRECTIONS
            or bare in COUNTRY_OF
            or bare in PLACES
            or bare in CAPITAL_OF
            or bare in DEMONYM_PLURALS
            or any(part in COUNTRY_OF or part in PLACES for part in bare.split("-"))
        ):
            return False
    return candidate not in PLACES


def _role_text(mod: str | None, role: str, country: str | None) -> str:
    role = role.lower()
    title = " ".join(w.capitalize() if w not in ("of",) else w for w in role.split())
    if role in ("author", "writer", "journalist", "historian", "professor", "analyst", "economist"):
        title = role
    mod = (mod or "").strip().rstrip("-").lower()
    if mod == "then":
        mod = "former"
    text = f"{mod} {title}".strip() if mod else title
    if country:
        text += f" of {_with_article(country)}"
    return text[0].upper() + text[1:]


def _with_article(country: str) -> str:
    """'the United States', 'the Netherlands', but 'Armenia'."""
    return (
        f"the {country}"
        if country.startswith(("United ", "Soviet ")) or country.endswith("s")
        else country
    )


def _country_for(group: str | None) -> str | None:
    if not group:
        return None
    return country_of(group.strip())


# -- treaties ---------------------------------------------------------------------

_TREATY_NAMED = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'-]+\s){0,4}(?:Treaty|Pact|Accords?|Agreements?|Convention|Protocol|Charter|Declaration|Armistice|Plan)"
    r"(?:\s(?:of|on|for)\s(?:the\s)?[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,3})?)(?!\s(?:Organi[sz]ation|Council))"
)
_ORG = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'-]+\s){1,5}(?:Organi[sz]ation|Union|Alliance|Community|Bloc|Partnership|Council|Commission)"
    r"(?:\sof\sthe\s[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)?"
    r"|Commonwealth of (?:[A-Z][\w'-]+\s?){1,3}|United Nations)(?:\s\((?P<acr>[A-Z]{2,8})\))?"
)
_DESCRIBED = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<desc>(?:[a-z-]+\s){0,2}?(?:pact|treaty|agreement|accord|ceasefire|cease-fire|truce|armistice|deal|plan|memorandum|protocol)"
    r"(?:\s(?:agreement|deal))?(?:\s(?:for|on)\s[a-z-]+(?:\s[a-z-]+){0,2})?)\b"
)
_NOT_STATES = frozenset({"Soviet Union"})
_CORE = {
    "pact": "pact",
    "treaty": "treaty",
    "agreement": "agreement",
    "accord": "agreement",
    "deal": "agreement",
    "ceasefire": "ceasefire",
    "cease-fire": "ceasefire",
    "truce": "ceasefire",
    "armistice": "ceasefire",
    "plan": "plan",
    "memorandum": "agreement",
    "protocol": "agreement",
}


def _countries_in(text: str, places: bool = False) -> list[str]:
    """Countries named in ``text`` (by name, adjective or capital), in order.

    A capital after "in" or "at" is where something happened, not a party,
    unless ``places`` is true.
    """
    found: list[str] = []
    tokens = re.findall(r"[A-Z][\wü'-]*", text)
    i = 0
    while i < len(tokens):
        two = f"{tokens[i]} {tokens[i + 1]}".removesuffix("'s") if i + 1 < len(tokens) else ""
        word = tokens[i].removesuffix("'s")
        step = 1
        country = None
        if two and (two in COUNTRY_OF or two in CAPITAL_OF) and two in text:
            country, step, word = country_of(two), 2, two
        else:
            country = country_of(word)
        if (
            country
            and word in CAPITAL_OF
            and not places
            and re.search(rf"\b(?:in|at)\s+{re.escape(word)}\b", text)
        ):
            country = None
        if country and country != "Soviet Union" and country not in found:
            found.append(country)
        i += step
    return found


def _clause_around(s: str, start: int, end: int) -> str:
    """The comma-delimited clause of ``s`` holding ``s[start:end]``."""
    left = max(s.rfind(", ", 0, start), s.rfind("; ", 0, start))
    right_candidates = [i for i in (s.find(", ", end), s.find("; ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(s)
    return s[left + 1 if left >= 0 else 0 : right]


# -- the extractor ----------------------------------------------------------------


def extract(article: Article) -> list[Fact]:
    """Every date, person and treaty fact in one article."""
    facts: list[Fact] = []
    name = article.name
    # Each paragraph's sentences with their date mentions, found once.
    parsed = [
        (p, [(s, find_dates(s)) for _, s in sentences(p.text)])
        for p in article.paragraphs
        if not p.heading
    ]
    # First pass: explicit dates, for the article's "now" and the yearless ones.
    dated: list[tuple[int, int]] = []
    for _, found in parsed:
        for _, mentions in found:
            for m in mentions:
                if m.when and m.precision in ("day", "month") and "/" not in m.when:
                    y, mo = int(m.when[:4]), int(m.when[5:7])
                    dated.append((y, mo))
                elif m.when and m.precision == "year":
                    dated.append((int(m.when), 1))
    latest = max(dated) if dated else None

    people: dict[str, _Person] = {}
    treaties: dict[str, Fact] = {}
    for p, sentences_of in parsed:
        paragraph_year: int | None = None
        for s, mentions in sentences_of:
            for m in mentions:
                if not m.when:
                    year = infer_year(m.month, latest, paragraph_year)
                    if year is None:
                        continue
                    m = m.with_year(year)
                else:
                    paragraph_year = int(m.when[:4])
                label, qualifier = event_label(s, m, [o for o in mentions if o.start != m.start])
                if len(label.split()) < 2:
                    continue
                if m.relative:
                    anchor = _anchor_label(s, m)
                    if len(anchor.split()) >= 2:
                        facts.append(_date_fact(anchor, m, "", name, p.number))
                    facts.append(_date_fact(label, m, f"{m.relative} {anchor}", name, p.number))
                else:
                    facts.append(_date_fact(label, m, qualifier, name, p.number))
            _people_in(s, p.number, name, people)
            _treaties_in(s, mentions, p.number, name, treaties, latest)
    for author in article.authors:
        _mention(people, author, name, 0, f"Author of the article ({name})", 3)
    facts.extend(_people_facts(people))
    facts.extend(treaties.values())
    return facts


def _date_fact(label: str, m: DateMention, note: str, name: str, number: int) -> Fact:
    label = label[0].upper() + label[1:] if label else label
    words = m.words
    fact = Fact("date", "", label, m.when, words, note=note, sources=[(name, number)])
    fact.key = f"date:{m.when}:" + "-".join(sorted(fact.keywords())[:6])
    return fact


def _people_in(s: str, number: int, name: str, people: dict[str, _Person]) -> None:
    # full names anywhere
    for nm in _NAME_RE.finditer(s):
        candidate = nm.group(0)
        # a name inside "President Ilham Aliyev" starts after the title
        words = candidate.split()
        while words and (words[0] in FUNCTION_WORDS or country_of(words[0].removesuffix("'s"))):
            words = words[1:]
        candidate = " ".join(words)
        if _is_name(candidate):
            _mention(people, candidate, name, number)
    if not _HAS_ROLE.search(s):
        return
    for pattern in (_ROLE_BEFORE, _ROLE_APPOS, _ROLE_AFTER, _ROLE_WAS):
        for m in pattern.finditer(s):
            g = m.groupdict()
            words = g["name"].split()
            while len(words) > 1 and (words[0] in FUNCTION_WORDS or country_of(words[0])):
                words = words[1:]  # "King Carol I, the first king ..." names Carol I
            if len(words) < 2 and pattern is not _ROLE_BEFORE:
                continue
            who = " ".join(words)
            role_word = g["role"]
            adj = g.get("adj")
            if adj and not country_of(adj):
                # "Prime Minister X": the first word belongs to the title, not a country
                combined = f"{adj} {role_word}".lower()
                if combined in ROLES:
                    role_word = combined
                g = {**g, "adj": None}
            country = (
                _country_for(g.get("of"))
                or _country_for(g.get("adj"))
                or _country_for(g.get("poss"))
                or _country_for(g.get("adj2"))
            )
            if country is None and g.get("det") and g["det"].strip() in ("its", "their"):
                poss = re.findall(r"([A-Z][a-z]+)'s", s[: m.start()])
                country = next((c for c in (country_of(x) for x in reversed(poss)) if c), None)
            if country is None and g.get("det") and g["det"].strip() == "the":
                before = _countries_in(s[: m.start()])
                country = before[-1] if before else None
            if country is None and pattern is _ROLE_BEFORE:
                window = s[max(0, m.start() - 60) : m.start()]
                capitals = [CAPITAL_OF[c] for c in CAPITAL_OF if c in window]
                country = capitals[-1] if capitals else None
            _mention(people, who, name, number, _role_text(g.get("mod"), role_word, country))
    # "the Soviet Union, then led by X"; "X took power in Russia" (weaker than a title the text gives)
    for pattern, weight in ((_LED_BY, 1.0), (_POWER, 0.5)):
        for m in pattern.finditer(s):
            country = _country_for(m.group("of")) or _country_for(m.group("of").split()[-1])
            if country:
                role = f"Leader of {_with_article(country)}"
                _mention(people, m.group("name"), name, number, role, weight)


def _people_facts(people: dict[str, _Person]) -> list[Fact]:
    # Join surname-only and first-name-only mentions to a full name.
    full = [p for p in people.values() if " " in p.full]
    merged: dict[str, _Person] = {p.full: p for p in full}
    for person in people.values():
        if " " in person.full:
            continue
        matches = [
            f for f in full if f.full.split()[-1] == person.full or f.full.split()[0] == person.full
        ]
        if len(matches) > 1:
            # "Aliyev" with two Aliyevs: the one whose roles agree, else the first met
            agree = [f for f in matches if set(f.roles) & set(person.roles)]
            matches = agree or matches[:1]
        target = merged.get(matches[0].full) if matches else None
        if target is None:
            if not person.roles:
                continue  # a lone capitalised word with no title: not known to be a person
            merged[person.full] = person
            continue
        for role, weight in person.roles.items():
            target.roles[role] = target.roles.get(role, 0) + weight
        for src in person.sources:
            _cite(target.sources, *src)
    out = []
    for person in merged.values():
        # "Prime Minister" is the same role as "Prime Minister of Armenia", said less fully.
        for role in list(person.roles):
            fuller = [r for r in person.roles if r.startswith(role + " of ")]
            if fuller:
                person.roles[fuller[0]] += person.roles.pop(role)
        if not person.roles:
            # A full name with no title: still a person worth knowing.
            role = ""
        else:
            best = max(
                person.roles.items(), key=lambda kv: (kv[1] + (" of " in kv[0]) * 0.5, len(kv[0]))
            )
            role = best[0]
        key = "person:" + re.sub(r"[^a-z]+", "-", person.full.lower()).strip("-")
        out.append(
            Fact(
                "person",
                key,
                person.full,
                detail=role,
                sources=sorted(person.sources, key=lambda s: s[1]),
            )
        )
    return out


def _treaties_in(
    s: str,
    mentions: list[DateMention],
    number: int,
    name: str,
    treaties: dict[str, Fact],
    latest: tuple[int, int] | None,
) -> None:
    when = next(
        (m.when for m in mentions if m.when and m.precision in ("year", "month", "day")), ""
    )
    covered: list[tuple[int, int]] = []
    for m in _ORG.finditer(s):
        org = m.group("name").strip()
        words = org.split()
        while words and (words[0] in FUNCTION_WORDS or words[0] in ("Russia-led", "US-led")):
            words = words[1:]
        org = " ".join(words)
        if org in _NOT_STATES or (len(words) < 2 and not org.startswith("Commonwealth")):
            continue
        acronym = m.group("acr") or ""
        key = "org:" + re.sub(r"[^a-z]+", "-", org.lower()).strip("-")
        fact = treaties.setdefault(
            key, Fact("treaty", key, org, detail="organisation", acronym=acronym)
        )
        if acronym and not fact.acronym:
            fact.acronym = acronym
        lead = re.search(
            r"([A-Z][a-z]+)-led\s+$",
            s[: m.start()] + (m.group(0)[: m.group(0).find(org)] if org in m.group(0) else ""),
        )
        if lead and country_of(lead.group(1)):
            fact.broker = country_of(lead.group(1)) or ""
        _cite(fact.sources, name, number)
        covered.append((m.start(), m.end()))
    # acronyms on their own: "the CSTO"
    for m in re.finditer(r"\b([A-Z]{3,6})\b", s):
        for fact in treaties.values():
            if fact.acronym == m.group(1) or (
                fact.kind == "treaty" and _initials(fact.title) == m.group(1)
            ):
                if not fact.acronym:
                    fact.acronym = m.group(1)
                _cite(fact.sources, name, number)
    for m in _TREATY_NAMED.finditer(s):
        if any(a <= m.start() < b for a, b in covered):
            continue
        title = m.group("name").strip()
        words = title.split()
        while words and words[0] in FUNCTION_WORDS:
            words = words[1:]
        title = " ".join(words)
        if len(words) < 2:
            continue
        key = "treaty:" + re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
        fact = treaties.setdefault(key, Fact("treaty", key, title, when=when))
        parties = _countries_in(
            s[: m.start()] + " " + s[m.end() :]
        )  # "Paris" in a name is no party
        fact.parties = tuple(dict.fromkeys((*fact.parties, *parties)))
        if when and not fact.when:
            fact.when = when
        _cite(fact.sources, name, number)
        covered.append((m.start(), m.end()))
    for m in _DESCRIBED.finditer(s):
        if any(a <= m.start() < b for a, b in covered):
            continue
        desc = m.group("desc")
        core_word = next((w for w in reversed(desc.split()) if w in _CORE), None)
        core_word = next((w for w in desc.split() if w in _CORE), core_word)
        if core_word is None:
            continue
        core = _CORE[core_word]
        modifier = desc.split(core_word)[0].strip()
        rest = s[m.end() :]
        before = s[: m.start()]
        broker = ""
        b = re.search(
            r"brokered by (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)", rest[:60]
        ) or re.search(r"([A-Z][a-z]+)\s+(?:had\s+)?brokered\s*$", before)
        if b:
            broker = country_of(b.group(1)) or country_of(b.group(1).split()[0]) or ""
            if not broker and (
                b.group(1) == "United Nations" or b.group(1).split()[-1] in ORG_WORDS
            ):
                broker = b.group(1)  # an organisation as broker
        place = re.match(r",?\s+(?:agreed|signed|reached|concluded)\s+in\s+([A-Z][a-z]+)", rest)
        between = re.search(r"between\s+([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)", s)
        parties = []
        if between:
            parties = [c for c in (country_of(between.group(1)), country_of(between.group(2))) if c]
        elif core != "plan":
            parties = [
                c for c in _countries_in(_clause_around(s, m.start(), m.end())) if c != broker
            ]
            if (
                not parties and "peace" in desc
            ):  # a peace agreement's parties may be named elsewhere in the sentence
                parties = [c for c in _countries_in(s) if c != broker]
        qualified = bool(
            modifier or " for " in desc or " on " in desc or broker or place or parties
        )
        if not qualified:
            continue
        title = desc if not place else f"{desc} agreed in {place.group(1)}"
        if core == "ceasefire" and not modifier:
            title = f"{desc} brokered by {broker}" if broker else desc
        party_key = "+".join(sorted(c.lower() for c in parties))
        topic = "peace" if "peace" in desc else core
        key = f"agreement:{topic}:{party_key}"
        if core in ("ceasefire", "plan") or not parties:
            key += f":{when[:4] if when else f'{name}:{number}'}:{broker}"
        agreement = treaties.get(key)
        if agreement is None:
            agreement = Fact(
                "treaty", key, title, when=when, detail=core, parties=tuple(parties), broker=broker
            )
            treaties[key] = agreement
        _cite(agreement.sources, name, number)


def _initials(title: str) -> str:
    return "".join(w[0] for w in title.split() if w[0].isupper())
