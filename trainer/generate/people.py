"""People in an article: full names, the roles the text gives them, and where.

A person is a run of capitalised name words that is not a place, a country, an
organisation, a war, a document or a building (:mod:`trainer.generate.lexicon`
holds those words). A role comes from a title before the name ("Egyptian
President Anwar Sadat"), an apposition on either side ("Laurent Fabius, the
French foreign minister", "its chief engineer, X"), "headed by", "led by", or
"X took power in Y", a rank or an office ("Commodore Matthew Perry", "Charles
Brandon, Duke of Suffolk", "the ambassador in London, Paul Cambon"), a ruler's
country ("Frederick William III of Prussia"); a title is no part of the name. A
later mention by surname joins the full name. A person the text gives a role is a
sure fact; one it only names is not, nor one a reference list's entry names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from trainer.generate.facts import STOPWORDS, Evidence, Fact, Place, add_source
from trainer.generate.lexicon import (
    CAPITAL_OF,
    COUNTRY_OF,
    DEMONYM_PLURALS,
    DIRECTIONS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    LOWER,
    NOT_DESCRIPTIONS,
    NUMBER_WORDS,
    ORG_WORDS,
    PLACES,
    RANKS,
    ROLES,
    SHIP_PREFIXES,
    TITLE_LEADS,
    TITLES,
    UPPER,
    country_of,
)
from trainer.generate.places import countries_in

_NAME_TOKEN = rf"(?:[{UPPER}][{LOWER}]+(?:[-'][{UPPER}]?[{LOWER}]+)*|(?:[A-Z]\.){{1,3}})"
_PARTICLE = r"(?:de|da|di|du|del|der|van|von|bin|ibn|al|la|le|ap)"
# I to XXV: "Louis XIV", "Charles XII", "Alfonso XIII", "Pope John XXII"
_REGNAL = r"(?:XX(?:I{1,3}|IV|V)?|(?:XV|XI|X|V)?I{1,3}|X?I[VX]|X?VI{0,3}|XV|XI|X|V)"
# "Philip the Good", "Charles the Bold", "John Tradescant the Younger": a name by its epithet
_EPITHET = (
    r"the\s+(?:Great|Good|Bold|Fearless|Terrible|Conqueror|Confessor|Pious|Fat|Bald|Simple|"
    r"Lionheart|Wise|Just|Younger|Elder|Navigator|Magnificent|Lawgiver|Brave|Fair|Hardy|"
    r"Unready|Stammerer|Victorious|Cruel|Mad|Well-Beloved|Affable|Bruce|Builder|Liberator|"
    r"Quiet|Silent|Lame|Blind|Short|Tall|Red|Black|Elder|German|Child|Fowler|Peaceful|Learned|"
    r"Unfortunate|Posthumous|Bearded)"
)
_NAME = (
    rf"{_NAME_TOKEN}(?:(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,3}}(?:\s+{_REGNAL}\b)?|\s+{_REGNAL}\b)"
    rf"(?:\s+{_EPITHET}\b)?|{_NAME_TOKEN}\s+{_EPITHET}\b"
)
_NAME_RE = re.compile(rf"\b{_NAME}\b")


# A ruler's title before a single name, the country after it: a regnal name said in full.
_RULER_BEFORE = re.compile(
    r"\b(?:King|Queen|Tsar|Tsarina|Emperor|Empress|Sultan|Shah|Emir|Pharaoh|Grand Duke|Elector)"
    r"\s+$"
)
_OF_COUNTRY = re.compile(r"^\s+of\s+[A-Z][a-z]")


def _ruler_of(ev: Evidence | None) -> bool:
    """Whether the sentence names someone as "King Ferdinand of Bulgaria" names them."""
    return ev is not None and bool(
        _RULER_BEFORE.search(ev.sentence[max(0, ev.start - 12) : ev.start])
        and _OF_COUNTRY.match(ev.sentence[ev.end : ev.end + 20])
    )


def _trie(words: list[str]) -> str:
    """One pattern matching any of ``words``, longest first, shared prefixes factored out.

    A plain alternation of a hundred titles is tried one by one at every
    position of a sentence; a trie pattern fails at the first letter.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        parts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if ends else body

    return walk(tree)


_ROLE = _trie([*ROLES, *RANKS])
_ROLES_SET = frozenset([*ROLES, *RANKS])
_MOD = (
    r"(?:(?:former|then-?|current|acting|interim|late|incumbent|outgoing|new|first|last)\s*-?\s*)"
)
# One capitalised word (or an acronym such as US) standing for a country; checked
# against the lexicon after matching, which keeps the patterns fast.
_COUNTRY_WORD = r"(?:[A-Z][A-Za-zü]+(?:\s(?:States|Kingdom|Nations|Arab Emirates))?)"
_HAS_ROLE = re.compile(
    rf"\b(?:{_ROLE}|power|led by|ruled by|headed by|chaired by)\b", re.IGNORECASE
)
# "Azerbaijani President Ilham Aliyev", "Prime Minister Nikol Pashinyan", "President Trump"
_ROLE_BEFORE = re.compile(
    rf"(?:(?P<adj>{_COUNTRY_WORD})(?:'s)?\s+)?(?P<mod>{_MOD})?(?P<role>(?i:{_ROLE}))(?:\s+of\s+(?P<of>{_COUNTRY_WORD}))?\s+(?P<name>{_NAME}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
# What a role may go on with, saying no country: "Minister of Foreign Affairs", "ambassador
# in London", "commissar for foreign affairs"
_TAIL = r"(?:\s+(?:of|for|in|at|to)\s+(?:the\s+)?(?:foreign affairs|[A-Z][\w'-]+(?:\s+(?:of\s+)?[A-Z][\w'-]+){0,2}))?"
# "Armenia's prime minister, Nikol Pashinyan,", "the then-president, Heydar Aliyev", "its former president, Mikheil Saakashvili"
_ROLE_APPOS = re.compile(
    rf"(?P<det>\b(?:the|its|his|her|their|our|my|a|an)\s+|(?P<poss>{_COUNTRY_WORD})'s\s+|(?P<adj2>{_COUNTRY_WORD})\s+)?(?:the\s+)?(?:(?P<adj>{_COUNTRY_WORD})\s+)?(?P<mod>{_MOD})?(?P<role>(?i:{_ROLE}))(?:\s+of\s+(?P<of>{_COUNTRY_WORD}))?{_TAIL},\s+(?P<name>{_NAME})\b"
)
# "Angela Merkel, the former chancellor of Germany", "X, then the chancellor"
_ROLE_AFTER = re.compile(
    rf"\b(?P<name>{_NAME}),\s+(?:(?:then|now|later|still|by then|as|crowned|proclaimed|elected)\s+)?(?:(?:the|a|an|his|her|its|their)\s+(?:(?!and\b|or\b|who\b|which\b)[a-z-]+(?:'s)?\s+){{0,2}}?)?(?:(?P<adj>{_COUNTRY_WORD})(?:'s)?\s+)?(?P<mod>{_MOD})?(?P<role>(?i:{_ROLE}))(?:\s+of\s+(?P<of>{_COUNTRY_WORD}))?\b"
)
# "Its chief engineer was Alois Negrelli", "The secretary of the embassy was Sir George Staunton"
_ROLE_WAS = re.compile(
    rf"\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]he)\s+(?:[\w-]+'s\s+)?(?P<mod>{_MOD})?(?:[a-z]+\s+){{0,2}}?(?P<role>(?i:{_ROLE}))"
    r"(?:\s+(?:of|to|for)\s+(?:the\s+)?[a-z]+)?\s+(?:was|is)\s+"
    rf"(?P<name>(?:[A-Z][a-z]+\s+)?{_NAME})\b"
)
# "the Soviet Union, then led by Joseph Stalin"
_LED_BY = re.compile(
    rf"\b(?P<of>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){{0,2}}),\s+(?:then\s+|now\s+|still\s+)?(?:led|ruled|governed)\s+by\s+(?P<name>{_NAME})"
)
_HEADED_BY = re.compile(
    rf"\b(?P<what>(?i:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:delegation|team|mission|government|committee|commission|talks|negotiations|conference|side|"
    rf"delegates|cabinet|inquiry|panel))\s+(?:was|were|is|are)?\s*(?:headed|led|chaired)\s+by\s+(?P<name>{_NAME})"
)
# "John Hume of the SDLP", "Jane Roe of the Associated Press"
_OF_ORG = re.compile(
    rf"\b(?P<name>{_NAME})\s+of\s+the\s+(?P<org>[A-Z]{{2,6}}\b|(?:[A-Z][\w'-]+\s){{1,3}}"
    r"(?:Party|Press|Post|Times|Agency|Institute|University|Trust|Society|Foundation|Bank|"
    r"Museum|Council|Commission|Survey|Programme|Program|Office))"
)
# "the Qianlong Emperor", "the Meiji Emperor": a ruler by the name of his reign
# "Margaret of Parma", "John of Gaunt", "Eugene of Savoy": a given name and where the
# person was of, the way princes and saints are named (not "St John of Jerusalem")
_GIVEN_OF = re.compile(
    rf"(?<!St )(?<!Saint )\b(?P<name>(?:{'|'.join(sorted(GIVEN_NAMES))})\s+of\s+[{UPPER}][{LOWER}]{{2,}})"
    r"\b(?![-'\w]|\s+[A-Z])"
)
_ERA_RULER = re.compile(r"\b[Tt]he (?P<name>(?P<era>[A-Z][a-z]{2,}) (?:Emperor|Empress))\b(?! of)")
# "the Holy Roman Emperor", "the Byzantine Emperor": what he ruled, not his name
_NO_ERA = frozenset(
    [
        "Holy",
        "Roman",
        "Byzantine",
        "Mughal",
        "Ottoman",
        "Great",
        "Last",
        "First",
        "New",
        "Old",
        "Dowager",
        "Former",
        "Reigning",
        "Late",
        "Young",
        "Boy",
        "Child",
        "Western",
        "Eastern",
        "Latin",
        "Frankish",
        "Christian",
        "Muslim",
        "Pagan",
    ]
)
# "Frederick William III of Prussia", "Christian I of Denmark and Norway": a ruler
_REGNAL_OF = re.compile(
    rf"\b(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})?\s+{_REGNAL})\s+of\s+"
    r"(?P<of>[A-Z][\w'-]+(?:\s+and\s+[A-Z][\w'-]+)?)"
)
_REGNAL_HINT = re.compile(r"[IVX] of [A-Z]")  # a quick test before _REGNAL_OF
_POWER = re.compile(
    rf"\b(?P<name>{_NAME}|[A-Z][a-z]+)\s+(?:took|came to|seized|rose to|returned to)\s+power\s+in\s+(?P<of>{_COUNTRY_WORD})"
)


# A reference list's entry: "H. H. Rowen, John de Witt, Grand Pensionary of Holland (1978)."
_REFERENCE = re.compile(
    r"(?:^|[.;:]\s+)(?:(?:[A-Z]\.\s?)+[A-Z][\w'-]+|[A-Z][\w'-]+,\s(?:[A-Z]\.\s?)+),\s.{5,200}\([^()]*\b\d{4}\)\.?$"
)


@dataclass(slots=True)
class Person:
    full: str
    roles: dict[str, float] = field(default_factory=dict)  # role -> weight
    sources: list[tuple[str, int]] = field(default_factory=list)
    # the best place to ask about them: (weight of the role said there, where)
    evidence: tuple[float, Evidence] | None = None


def note_person(
    people: dict[str, Person],
    who: str,
    place: Place,
    role: str = "",
    weight: float = 1.0,
    span: tuple[int, int] | None = None,
) -> None:
    """Record that ``who`` is named at ``place``, with a role the text gives (weighted)."""
    person = people.setdefault(who, Person(who))
    if role:
        person.roles[role] = person.roles.get(role, 0) + weight
    add_source(person.sources, place.article, place.number)
    if span is not None:
        score = weight if role else 0.0
        if person.evidence is None or score > person.evidence[0]:
            person.evidence = (score, place.evidence(*span))


def name_who_in(people: dict[str, Person], place: Place) -> None:
    """Give the evidence taken from ``place``'s sentence what its "he" and "the count" mean.

    The people a sentence names are noted before what its "he" means is known
    (the names are what tells): their evidence gets ``place.who`` after.
    """
    for person in people.values():
        if person.evidence and person.evidence[1].sentence is place.sentence:
            person.evidence = (person.evidence[0], replace(person.evidence[1], who=place.who))


def _title(words: list[str]) -> bool:
    """Whether a name's words open with a title ("Admiral", "Field Marshal"), no part of it.

    A title before one word stays: "Prince Qing" is how he is known.
    """
    return len(words) > 2 and (
        words[0] in TITLES or (words[0] in TITLE_LEADS and words[1].lower() in _ROLES_SET)
    )


def _span_of(who: str, s: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``who`` stands in ``s[start:end]``."""
    at = s.find(who, start, end)
    return (at, at + len(who)) if at >= 0 else None


# "Saint-Denis Henry": a French place's name, then a given name; "H.M.S. Bounty": a ship
_NO_ONES_START = re.compile(
    r"(?:Saint|Sainte|St)-|(?:" + "|".join(re.escape(p) for p in SHIP_PREFIXES) + r")\."
)


def _is_name(candidate: str) -> bool:
    words = candidate.replace("-", " ").split()
    if len(words) < 2 or _NO_ONES_START.match(candidate):
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


# "Pierre Lamotte's Edouard Daladier": an actor's part, two people, not one
_POSSESSIVE_JOIN = re.compile(rf"'s\s+(?=[{UPPER}])")


def _pieces(found: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The name matches, each run of names joined by a possessive split in two."""
    for nm in found:
        cut = _POSSESSIVE_JOIN.search(nm.group(0))
        if cut is None:
            yield nm
            continue
        first = _NAME_RE.fullmatch(nm.string, nm.start(), nm.start() + cut.start() + 2)
        rest = _NAME_RE.fullmatch(nm.string, nm.start() + cut.end(), nm.end())
        yield from (m for m in (first, rest) if m is not None)


_PEERS = frozenset({"Lord", "Lady"})
# A name of four words or more after "in", "at", "from" starts with a place
_PLACE_WORDS = frozenset({"In", "At", "From", "Across", "Throughout"})
_PLACE_BEFORE = re.compile(r"\b(?i:in|at|from|across|throughout)\s+(?:[A-Z][\w'-]*\s+){0,3}$")


def _after_place(words: list[str], first: str, s: str, start: int) -> list[str]:
    """A name's words without the place before them: "In Nova Scotia Joseph Howe led ..."."""
    if len(words) >= 4 and (
        first in _PLACE_WORDS or _PLACE_BEFORE.search(s, max(0, start - 40), start)
    ):
        return words[-2:]
    return words


# A who's who entry's head: "Henry IV - King of Navarre ...", "Maximilien de Béthune,
# Duke of Sully - Henry's finance minister": the dash stands for an apposition's comma.
_ENTRY_HEAD = re.compile(
    rf"^[{UPPER}][\w'.-]+(?:,?\s+(?:[{UPPER}][\w'.-]+|of|de|von|van|der|la|le|du|da|di)){{1,6}}"
    r"(?P<dash>\s-\s)(?=\S)"
)


def whos_who_dash(s: str) -> tuple[int, int] | None:
    """Where the dash is when ``s`` is a who's who entry: a name, a dash, then who they were."""
    m = _ENTRY_HEAD.match(s)
    return m.span("dash") if m else None


def people_in(s: str, place: Place, people: dict[str, Person]) -> None:
    """Note every person named in sentence ``s`` and the roles it gives them."""
    dash = whos_who_dash(s)
    if dash:  # read as "Henry IV,  King of Navarre": the same length, so spans hold
        s = f"{s[: dash[0]]},  {s[dash[1] :]}"
    # full names anywhere
    for nm in _pieces(_NAME_RE.finditer(s)):
        candidate = nm.group(0)
        # a name inside "President Ilham Aliyev" starts after the title
        words = candidate.split()
        while words and (
            _title(words) or words[0] in FUNCTION_WORDS or country_of(words[0].removesuffix("'s"))
        ):
            words = words[1:]
        words = _after_place(words, candidate.split()[0], s, nm.start())
        candidate = " ".join(words).removesuffix("'s")
        if not candidate:
            continue
        # where the kept words are (after a stripped "The": is it "the X"?), however
        # the sentence spaces them
        found = re.compile(r"\s+".join(map(re.escape, candidate.split()))).search(s, nm.start())
        at, end = (found.start(), found.end()) if found else (nm.start(), nm.end())
        if _is_name(candidate) and not _names_a_thing(s, at, end):
            note_person(people, candidate, place, span=_span_of(candidate, s, nm.start(), nm.end()))
    # The role patterns are slow to try at every position: try them only in
    # windows around the role words the sentence holds.
    windows: list[tuple[int, int]] = []
    for hit in _HAS_ROLE.finditer(s):
        lo, hi = max(0, hit.start() - 90), min(len(s), hit.end() + 90)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    # "John Hume of the SDLP": no title word, so before the windows below
    for m in _OF_ORG.finditer(s):
        who = m.group("name").removesuffix("'s")
        if _is_name(who) and not _names_a_thing(s, m.start("name"), m.end("name")):
            role = f"Of the {m.group('org').strip()}"
            note_person(people, who, place, role, 0.8, _span_of(who, s, m.start(), m.end()))
    for m in _GIVEN_OF.finditer(s) if " of " in s else ():
        title = re.search(r"([A-Z][a-z]+)\s+$", s[: m.start()])
        if title and title.group(1) in TITLES and country_of(m.group("name").split()[-1]):
            continue  # "King Ferdinand of Bulgaria": a ruler and his country, read below
        if not _names_a_thing(s, m.start(), m.end()):
            who = m.group("name")
            note_person(people, who, place, span=(m.start(), m.end()))
    for m in _ERA_RULER.finditer(s) if "Emperor" in s or "Empress" in s else ():
        era = m.group("era")
        if era not in _NO_ERA and not country_of(era) and not _names_a_thing(s, m.start(), m.end()):
            # "the Qianlong Emperor": a Chinese or Japanese ruler by the name of his reign
            who = m.group("name")
            note_person(people, who, place, "Emperor", 0.8, _span_of(who, s, m.start(), m.end()))
    for m in _REGNAL_OF.finditer(s) if _REGNAL_HINT.search(s) else ():
        words = m.group("name").split()
        if len(words) > 2 and (words[0] in FUNCTION_WORDS or words[0] in TITLES):
            words = words[1:]  # "Tsar Alexander I of Russia" names Alexander I
        who = " ".join(words)
        if not _names_a_thing(s, m.start("name"), m.end("name")):
            role = f"Ruler of {m.group('of')}"
            note_person(people, who, place, role, 0.8, _span_of(who, s, m.start(), m.end()))
    if not windows or _REFERENCE.search(s):
        return  # "H. H. Rowen, John de Witt, Grand Pensionary of Holland (1978).": a book's title
    for pattern in (_ROLE_BEFORE, _ROLE_APPOS, _ROLE_AFTER, _ROLE_WAS):
        for m in (m for lo, hi in windows for m in pattern.finditer(s, lo, hi)):
            g = m.groupdict()
            if _names_a_thing(s, m.start("name"), m.end("name")):
                continue
            # "Pierre Lamotte's Edouard Daladier, the French premier": the premier is Daladier
            words = _POSSESSIVE_JOIN.split(g["name"])[-1].removesuffix("'s").split()
            while len(words) > 1 and (
                _title(words)
                # "the Foreign Secretary, Lord Carrington": a peer is known by his title
                or (words[0] in FUNCTION_WORDS and not (words[0] in _PEERS and len(words) == 2))
                or country_of(words[0])
            ):
                words = words[1:]  # "King Carol I, the first king ..." names Carol I
            words = _after_place(words, words[0] if words else "", s, m.start("name"))
            if len(words) < 2 and pattern is not _ROLE_BEFORE:
                continue
            who = " ".join(words)
            role_word = g["role"]
            adj = g.get("adj")
            if adj and not country_of(adj):
                # "Prime Minister X": the first word belongs to the title, not a country
                combined = f"{adj} {role_word}".lower()
                if combined in _ROLES_SET:
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
                before = countries_in(s[: m.start()])
                country = before[-1] if before else None
            if country is None and pattern is _ROLE_BEFORE:
                # "Moscow's president X": a capital standing for its country, said just before
                capital = re.search(r"([A-Z][a-z]+)'s\s*$", s[max(0, m.start() - 20) : m.start()])
                country = CAPITAL_OF.get(capital.group(1)) if capital else None
            role = _role_text(g.get("mod"), role_word, country)
            note_person(people, who, place, role, span=_span_of(who, s, m.start(), m.end()))
    # "the Soviet Union, then led by X"; "X took power in Russia" (weaker than a title the text gives)
    for pattern, weight in ((_LED_BY, 1.0), (_POWER, 0.5)):
        for m in pattern.finditer(s):
            country = _country_for(m.group("of")) or _country_for(m.group("of").split()[-1])
            if country:
                role = f"Leader of {_with_article(country)}"
                who = m.group("name")
                span = _span_of(who, s, m.start(), m.end())
                note_person(people, who, place, role, weight, span)
    # "the French delegation was headed by X"
    for m in _HEADED_BY.finditer(s):
        who = m.group("name").removesuffix("'s")
        if _is_name(who):
            role = "Head of " + m.group("what").strip()
            note_person(people, who, place, role, span=_span_of(who, s, m.start(), m.end()))


def _widened(ev: Evidence, full: str) -> Evidence:
    """The evidence of a first-name mention, its span widened to the full name where the
    sentence gives it there: "Cardinal {{Hugh of Lusignan}}", not "{{Hugh}} of Lusignan"."""
    rest = full[ev.end - ev.start :]
    if rest.startswith(" of ") and country_of(rest[4:]):
        return ev  # "King {{Ferdinand}} of Bulgaria": the country is his, not his name
    if ev.sentence.startswith(full, ev.start) and ev.start + len(full) > ev.end:
        return replace(ev, end=ev.start + len(full))
    return ev


def people_facts(people: dict[str, Person]) -> list[Fact]:
    """One fact per person, surname-only mentions joined to the full name."""
    # Join surname-only and first-name-only mentions to a full name.
    full = [p for p in people.values() if " " in p.full]
    merged: dict[str, Person] = {p.full: p for p in full}
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
            add_source(target.sources, *src)
        if person.evidence and (target.evidence is None or person.evidence[0] > target.evidence[0]):
            target.evidence = (person.evidence[0], _widened(person.evidence[1], target.full))
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
        fact = Fact(
            "person",
            key,
            person.full,
            detail=role,
            sources=sorted(person.sources, key=lambda s: s[1]),
            evidence=person.evidence[1] if person.evidence else None,
        )
        if role.startswith("Author"):
            pass  # named in a byline: asked as "who wrote ...?"
        elif " " not in person.full and not _ruler_of(fact.evidence):
            # "King John had a terrible run": one name says too little to ask for, unless
            # it is a ruler's with their country ("King Ferdinand of Bulgaria") or the
            # sentence says who they were ("the commissioner Qiying", "Queen Puduhepa,
            # wife of Hattusili")
            told = (
                fact.evidence is not None
                and _described(fact.evidence)
                and not (country_of(person.full) or person.full in PLACES)
            )
            fact.doubt(0.75 if told else 0.6, "known by one name only")
        elif len(person.full.split()) == 2 and person.full.split()[0] in TITLES:
            # "Captain Scott is cheerful": the same, unless the sentence says what they
            # did ("signed by Prince Qing and Li Hongzhang for China") or who they were
            told = _did(fact.evidence) or (fact.evidence is not None and _described(fact.evidence))
            fact.doubt(0.75 if told else 0.6, "known by one name only")
        elif fact.evidence is None:
            fact.doubt(0.0, "no sentence names them in full")
        elif not person.evidence or person.evidence[0] == 0:
            if _did(fact.evidence):
                # "signed by X and Y", "X stayed in orbit": the sentence says what they did
                fact.doubt(0.75, "the text gives no role, only what they did")
            elif _described(fact.evidence):
                # "X, an Australian pathologist", "the innkeeper X": who they were, in words
                # no list of offices holds
                fact.doubt(0.75, "the text gives no office, only a description")
            else:
                fact.doubt(0.6, "the text gives no role")
        if fact.evidence is not None and _INVENTED.search(fact.evidence.sentence):
            fact.doubt(0.3, "a character the author says is invented")
        out.append(fact)
    return out


# A novel's note on its people: "Kit Aske ... is invented, as are ...", "the fictional
# innkeeper"; not "the telephone was invented by Bell".
_INVENTED = re.compile(
    r"\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:invented|fictional|fictitious|imaginary|made up)\b"
    r"(?!\s+by\b)|\b(?:fictional|fictitious|imaginary)\s+[a-z]+|\bnever (?:lived|existed)\b"
)


def _did(ev: Evidence | None) -> bool:
    """Whether the sentence naming someone at ``ev`` says what they did."""
    return ev is not None and bool(
        _ACTS.search(ev.sentence[ev.end : ev.end + 40])
        or _ACTED_ON.search(ev.sentence[max(0, ev.start - 30) : ev.start])
    )


def _described(ev: Evidence) -> bool:
    """Whether the sentence naming someone at ``ev`` says who they were next to the name:
    "X, an Australian pathologist,", "X, senior counsellor in the Foreign Office", "X, who
    had flown the command module", "a British lawyer, X", "the innkeeper X".
    """
    s = ev.sentence
    if _WHO_DID.match(s, ev.end):
        return True
    after = _APPOSITION_AFTER.match(s, ev.end)
    if after and _description(after.group("words").split()):
        return True
    before = _APPOSITION_BEFORE.search(s[max(0, ev.start - 60) : ev.start])
    return before is not None and _description(before.group("words").split())


def _description(words: list[str]) -> bool:
    """Whether ``words`` ("an Australian pathologist", "senior counsellor") describe a person:
    a few words ending in a lowercase noun, no verb or joining word among them."""
    after_article = bool(words) and (words[0].lower() in _DETERMINERS or words[0].endswith("'s"))
    if after_article:
        words = words[1:]
    if not 1 <= len(words) <= 4:
        return False
    noun = words[-1]
    if noun in ("MP", "MEP", "QC", "KC"):
        return True
    if not re.fullmatch(r"[a-z]{3,}(?:-[a-z]+)?", noun) or noun.endswith(("ed", "ing", "ly")):
        return False
    if len(words) == 1 and not after_article and noun not in _ROLES_SET:
        return False  # ", stands at the table": a verb, not "senior counsellor in ..."
    return not any(
        w.lower() in STOPWORDS or w.lower() in NUMBER_WORDS or w.lower() in NOT_DESCRIPTIONS
        for w in words
    )


_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its"})
# ", who had flown the command module", ", who led"
_WHO_DID = re.compile(r",\s+who\s+(?:had\s+|has\s+|was\s+|were\s+)?[a-z]{3,}")
# ", (46,) an Australian pathologist," / ", senior counsellor in ..." / ", the grandson of ..."
_APPOSITION_AFTER = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?P<words>[^,;:.()\d]{2,60}?)"
    r"(?=\s*(?:[,.;]|$)|\s(?:of|for|in|at|from|to|who|under)\b)"
)
# "a British lawyer, " / "the innkeeper " / "John's young constable, " right before the name
_APPOSITION_BEFORE = re.compile(
    r"(?P<words>(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[A-Z][a-z]+'s)\s+"
    r"(?:(?!(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s)[A-Za-z][\w-]*\s+){0,2}?"
    r"[a-z]{4,}(?:-[a-z]+)?),?\s+$"
)


# A verb right after a name, or "by" right before it: the sentence says what they did.
_ACTS = re.compile(
    r"^(?:,\s+[a-z][^,]{0,40},)?\s+(?:said|says|wrote|told|became|led|founded|stayed|signed|won|"
    r"lost|died|resigned|was elected|was assassinated|proposed|announced|argued|chaired|ruled|"
    r"invaded|built|designed|discovered|sent|ordered|refused|agreed|set out|sailed|explored|"
    r"travelled|traveled|flew|arrived|met|shook|landed|launched|married|took over|translated|"
    r"was born|was killed|was shot|made|became|stayed|set up|followed|stepped|\w{3,}ed)\b"
)
_ACTED_ON = re.compile(
    r"\b(?:by|said|says)\s+(?:[A-Z][\w' -]{2,30}?\s+and\s+)?(?:[A-Z][a-z]+\s+)?$"
)

# "A private company, Celera Genomics": the noun in apposition before says what it is.
_THING_BEFORE = re.compile(
    r"\b(?:company|firm|corporation|organi[sz]ation|agency|group|newspaper|magazine|ship|"
    r"vessel|bank|university|college|museum|station|band|team|club|brand|airline|hotel)"
    r",?\s+(?:the\s+)?$"
    # "at the basilica of Saint-Denis Henry renounced": a place, then a name run into it
    r"|\b(?:basilica|cathedral|church|abbey|priory|chapel|palace|castle|fortress|siege|battle|"
    r"town|city|village|port|island|county|province)\s+of\s+$"
)
# Words after a capitalised phrase that make it a thing, not a person:
# "Thirty Years' War", "the Hundred Days", "Cape Verde", "Lloyd George's government".
_THING_AFTER = re.compile(
    r"^(?:'s?)?\s+(?:War|Wars|Treaty|Peace|Accords?|Agreement|Protocol|Declaration|Convention|"
    r"Act|Charter|Pact|Plan|Doctrine|Line|Castle|Palace|House|Hall|Tower|Bridge|Canal|Street|"
    r"Square|Museum|University|College|Prize|Award|Island|Islands|Mountains|River|Sea|Bay|Cape|"
    r"Crisis|Revolution|Era|Age|Period|Dynasty|Empire|Summit|Conference|Affair|Incident)\b"
)


def _names_a_thing(s: str, start: int, end: int) -> bool:
    """Whether the capitalised words at ``s[start:end]`` name a thing, not a person."""
    text = s[start:end]
    if _THING_AFTER.match(s[end:]) or _THING_BEFORE.search(s[:start]):
        return True
    if re.search(r"\b(?:the|The)\s+$", s[max(0, start - 5) : start]) and not re.search(
        r"\b(?:the|The)\s+(?:late|former|then|young|elder|younger)\s", s[max(0, start - 5) : end]
    ):
        # "the Hundred Days", "the Thirty Years": people take no article
        return True
    last = text.split()[-1].removesuffix("'s")
    return last in ORG_WORDS or last in _THING_WORDS


_THING_WORDS = frozenset(
    {
        "Days",
        "Years",
        "Castle",
        "Cape",
        "Peace",
        "Hall",
        "Fort",
        "Port",
        "Gate",
        "Wall",
        "Canal",
        "Coast",
    }
)
