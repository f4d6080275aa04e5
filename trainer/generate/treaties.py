"""Treaties, agreements and organisations in an article.

Named ones by every common naming ("Treaty of X", "X Treaty", "Peace of X",
"X Accords", "X Agreement", "X Protocol", "Protocol of X", "X Declaration",
"X Act", "the X format", "Minsk II"), organisations with their acronyms, and
described ones ("a ceasefire brokered by Russia"). Date, parties and place
come from the same sentence, never from a neighbour.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trainer.generate.dates import MONTH_NAMES, DateMention
from trainer.generate.facts import Fact, Place, add_source
from trainer.generate.lexicon import (
    COUNTRY_OF,
    FUNCTION_WORDS,
    GENERIC_CAPS,
    NUMBER_WORDS,
    ORG_WORDS,
    PLACES,
    UPPER,
    country_of,
)
from trainer.generate.places import clause_around, countries_in

_CAP = rf"[{UPPER}][\w'-]+"
_TREATY_NAMED = re.compile(
    # "the Earl of Sandwich's Treaty": a title is part of the name its holder gives
    rf"\b(?P<name>(?:(?:Earl|Duke|Marquess|Marquis|Count|Lord|Prince)\sof\s(?=[{UPPER}][\w-]+'s\s))?"
    rf"(?:{_CAP}\s){{0,4}}(?:Treaty|Treaties|Pact|Accords?|Agreements?|Convention|Protocol|Charter|"
    r"Declaration|Armistice|Truce|Plan|Act|Amendment|Purchase)\b"
    # "... of Medina del Campo": a place's own small words belong to its name
    rf"(?:\s(?:of|on|for)\s(?:the\s)?{_CAP}(?:\s(?:(?:of|on|in|for|with|to)\s(?:the\s)?|and\s(?!the\s)|(?:del|de|di|da|la|le|sur|am|an)\s)?{_CAP}){{0,8}})?"
    rf"|(?:First\s|Second\s)?(?:Peace|Edict|Statute|Provisions|Concordat|Capitulations|Pacification)\sof\s{_CAP}"
    # "the Union of Utrecht", "the Union of Lublin": a union made by a treaty at one town,
    # not a state ("Union of Soviet Socialist Republics", "Union of South Africa")
    rf"|Union\sof\s(?!Soviet\b|South\b|Burma\b|Myanmar\b|Crowns\b|Parliaments\b){_CAP}(?!\s[{UPPER}])"
    rf"|(?:{_CAP}\s){{1,3}}format"
    # older prose writes "the treaty of Gundamuk" in lower case; what it was about is no place
    rf"|(?:(?<=the\s)|(?<=[:;,]\s))treaty\sof\s(?!(?:Peace|Friendship|Amity|Commerce|Alliance|Union|Guarantee|"
    rf"Neutrality|Navigation|Cession|Mutual|Limits|Boundaries|Arbitration)\b){_CAP}"
    rf"(?:\s(?:del|de|di|da|la|le|sur|am|an)\s{_CAP})?)(?!\s(?:Organi[sz]ation|Council))"
)
_AND_VERB = re.compile(
    r"\band\s+(?:then\s+)?(?:signed|agreed|concluded|adopted|ratified|reached|negotiated|struck|sealed)\b"
)
_VERB_BEFORE = re.compile(
    r"\b(?:signed|agreed|concluded|adopted|ratified|reached|negotiated|struck|sealed)\s+(?:\w+\s+){0,2}$"
)
# What links a date to a treaty named in the same sentence: signing, or nothing at all
# ("the Treaty of Rome (25 March 1957)", "the Peace of Augsburg of 1555").
_LINK = re.compile(
    # "the Treaty of Copenhagen followed on 6 June 1660": the next one, made that day
    r"^[\s,(]*(?:of|dated)?[\s,(]*$|^\s+followed\s+(?:on|in)\s+$|\b(?:signed|agreed|concluded|adopted|ratified|reached|"
    r"negotiated|drawn up|added|created|set up|established|sealed|struck|made|brokered|ended|closed"
    # "Bruce put his name to it at Edinburgh on 17 March 1328": signed it
    r"|put\s+(?:his|her|their)\s+(?:names?|seals?|hands?)\s+to)\b"
)
_ORG = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'-]+\s){1,5}(?:Organi[sz]ation|Union|Alliance|Community|Bloc|Partnership|Council|Commission)\b"
    r"(?:\sof\sthe\s[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)?"
    r"|Commonwealth of (?:[A-Z][\w'-]+\s?){1,3}|United Nations)(?:\s\((?P<acr>[A-Z]{2,8})\))?"
)
_DESCRIBED = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<desc>(?:[a-z-]+\s){0,2}?(?:pact|treaty|agreement|accord|ceasefire|cease-fire|truce|armistice|deal|plan|memorandum|protocol)"
    r"(?:\s(?:agreement|deal))?(?:\s(?:for|on)\s[a-z-]+(?:\s[a-z-]+){0,2})?)\b"
)
_NOT_STATES = frozenset({"Soviet Union"})
# What a described agreement may be about, for its description to be worth asking.
_TOPICS = frozenset(
    [
        "peace",
        "trade",
        "ceasefire",
        "friendship",
        "arms",
        "nuclear",
        "border",
        "security",
        "defence",
        "defense",
        "cooperation",
        "co-operation",
        "nonaggression",
        "non-aggression",
        "neutrality",
        "alliance",
        "naval",
    ]
)
# Words that start a sentence or a phrase, never a treaty's name.
_NOT_NAME_STARTS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "by",
        "for",
        "of",
        "from",
        "after",
        "before",
        "under",
        "with",
        "and",
        "but",
        "or",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "when",
        "while",
        "since",
        "until",
        "as",
        "to",
        "then",
        "so",
        "later",
    ]
)
# What a treaty's name does not run on into: a date, or the people it was imposed on.
_RUN_ON = re.compile(
    r" (?:in|on|by|from|until) (?:early |late |mid-)?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|\d{4})\b.*$| to the [A-Z][a-z]+s$"
)
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


def _nearest_when(s: str, mentions: list[DateMention], start: int, end: int) -> str:
    """The date a sentence gives a treaty: the nearest one that the words between link to it.

    "signed in Moscow on 5 August 1963", "(25 March 1957)", "of 1555" link a date
    to the name; "promised to hand over the canal by the end of 1999" does not.
    """
    near = []
    for m in mentions:
        if not m.when or m.precision in ("decade", "century"):
            continue
        between = s[end : m.start] if m.start >= end else s[m.end : start]
        if ";" in between or len(between) > 120:
            continue
        if m.start < start and _AND_VERB.search(between):
            continue  # "replaced her in July 2019 and agreed a deal": another clause's date
        if m.start >= end and re.search(r"\b[A-Z][\w'-]+\s*\(\s*$", between):
            continue  # "ended the Great Northern War (1700-1721)": the war's years, not its own
        # "signed the Treaty of X in 1990": the verb may stand just before the name
        lead = s[max(0, start - 30) : start] if m.start >= end else ""
        # "signed an Eternal Friendship Treaty with Russia in 1997": the parties may
        # stand between the name and its date, but no other verb
        plain = len(between) < 40 and not re.search(
            r"\b(?:was|were|is|are|had|has|\w+ed)\b", between
        )
        if _LINK.search(between) or (_VERB_BEFORE.search(lead) and plain):
            near.append((len(between), m.when))
    return min(near)[1] if near else ""


# A name in capitals in a sentence that is not, as a quiz's answers give it: "the TREATY
# OF SAN LORENZO", "the WEBSTER-ASHBURTON TREATY", "the GADSDEN PURCHASE" (a telegram or
# a heading all in capitals has no lower-case "the" before it)
_IN_CAPITALS = re.compile(r"(?<=\bthe )[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]*){1,5}\b(?!\s+[A-Z])")
_CAPITAL_KINDS = re.compile(
    r"\b(?:TREATY|TREATIES|PEACE|PACT|ACCORDS?|AGREEMENT|CONVENTION|PROTOCOL|ARMISTICE|PURCHASE)\b"
)
_SMALL_WORDS = frozenset({"Of", "The", "And", "On", "For", "De", "Del", "La", "Le", "Von", "Van"})


def _uncapitalised(s: str) -> str:
    """``s`` with treaty names in capitals written as names are ("Treaty of San Lorenzo").

    Each letter keeps its place, so what is found in the result stands at the same
    offsets in ``s``.
    """

    def name(m: re.Match[str]) -> str:
        words = ["-".join(p.capitalize() for p in w.split("-")) for w in m.group(0).split(" ")]
        words = [w.lower() if i and w in _SMALL_WORDS else w for i, w in enumerate(words)]
        return " ".join(words)

    if not _CAPITAL_KINDS.search(s):
        return s
    return _IN_CAPITALS.sub(
        lambda m: name(m) if _CAPITAL_KINDS.search(m.group(0)) else m.group(0), s
    )


# "an earlier Treaty of Rapallo", "a second Treaty of London": one more of the same name
_ANOTHER = re.compile(r"\b(?:an?\s+)?(?:earlier|later|another|second|different|other)\s+$")


# "the Munich agreement", "the Hubertusburg treaty", "the Minsk accords": a treaty named
# by the town where it was made, its kind in small letters
_TOWN_NAMED = re.compile(
    rf"\b[Tt]he\s+(?P<town>[{UPPER}][\w'-]+)\s+"
    r"(?P<kind>treaty|treaties|agreement|agreements|accords?|pact|armistice|truce|convention|protocol)"
    r"\b(?!\s+(?:conference|talks|process|negotiations|commission|system|powers)\b)"
)
# "the Franco-Dutch treaty", "the Anglo-Russian convention": who made it, not where
_PAIRED = re.compile(r"^(?:Franco|Anglo|Austro|Russo|Sino|Italo|Greco|Turco|Hispano|Dano|Indo)-")


def _a_town(word: str) -> bool:
    """Whether ``word`` before "treaty" may be where it was made, not who made it."""
    return not (
        word in FUNCTION_WORDS
        or word in GENERIC_CAPS
        or word in ORG_WORDS
        or word in MONTH_NAMES
        or word.isupper()
        or _PAIRED.match(word)
        or word in COUNTRY_OF  # "the German treaty" (but "the Minsk accords": a capital is a town)
        or any(part in COUNTRY_OF for part in word.split("-"))
        or word.endswith(("ed", "ese", "ian", "ish"))
    )


def treaties_in(
    s: str,
    mentions: list[DateMention],
    where: Place,
    treaties: Treaties,
) -> list[str]:
    """Note every treaty, agreement and organisation named in sentence ``s``; return the named treaties.

    Args:
        s: The sentence.
        mentions: Its dates, with their years resolved.
        where: Where the sentence stands (its ``treaties`` are not read: the
            treaty facts found so far are in ``treaties``).
        treaties: Found so far, by key; updated.
    """
    name, number = where.article, where.number
    s = _uncapitalised(s)
    when = next(
        (m.when for m in mentions if m.when and m.precision in ("year", "month", "day")), ""
    )

    def evidence(fact: Fact, start: int, end: int) -> None:
        if fact.evidence is None:
            fact.evidence = replace(where, treaties=()).evidence(start, end)

    covered: list[tuple[int, int]] = []
    named: list[str] = []
    for m in _ORG.finditer(s):
        org = m.group("name").strip()
        words = org.split()
        while words and (words[0] in FUNCTION_WORDS or words[0] in ("Russia-led", "US-led")):
            if (
                words[0].lower() in NUMBER_WORDS
                and len(words) > 2
                and words[1].endswith(("s", "s'"))
            ):
                break  # "Three Emperors' Alliance": the number is the name's own
            words = words[1:]
        org = " ".join(words)
        if org in _NOT_STATES or (len(words) < 2 and not org.startswith("Commonwealth")):
            continue
        if re.search(r"[A-Z][\w'-]+ and $", s[: m.start()]):
            continue  # "European Coal and Steel Community": only the end of a name
        if org.endswith("Union") and _TREATY_NAMED.match(s, s.rfind("Union", 0, m.end())):
            continue  # "the Catholic Union of Arras": a union made at a town, a treaty
        acronym = m.group("acr") or ""
        key = "org:" + re.sub(r"[^a-z]+", "-", org.lower()).strip("-")
        fact = treaties.setdefault(
            key, Fact("treaty", key, org, detail="organisation", acronym=acronym)
        )
        if acronym and not fact.acronym:
            fact.acronym = acronym
            treaties.stale = True
        lead = re.search(
            r"([A-Z][a-z]+)-led\s+$",
            s[: m.start()] + (m.group(0)[: m.group(0).find(org)] if org in m.group(0) else ""),
        )
        if lead and country_of(lead.group(1)):
            fact.broker = country_of(lead.group(1)) or ""
        add_source(fact.sources, name, number)
        at = s.find(org, m.start())
        evidence(fact, at, at + len(org))
        if not fact.acronym:
            fact.doubt(0.75, "an organisation the text only names")
        if re.search(rf"\b[{UPPER}][\w'-]+\s\($", s[: m.start()]) and s[m.end() :].startswith(")"):
            # "the Hofkriegsrat (Court War Council)": a word's translation, not a fact
            fact.doubt(0.5, "a translation of the word before it")
        covered.append((m.start(), m.end()))
    # acronyms on their own: "the CSTO" (looked up, not searched for among all treaties)
    for m in re.finditer(r"\b([A-Z]{3,6})\b", s):
        for fact in treaties.by_acronym(m.group(1)):
            if not fact.acronym:
                fact.acronym = m.group(1)
                treaties.stale = True
            add_source(fact.sources, name, number)
    for m in _TREATY_NAMED.finditer(s):
        if any(a <= m.start() < b for a, b in covered):
            continue
        title = m.group("name").strip()
        words = title.split()
        # "The", "In", "After": not part of a name; "First", "Two", "General" are
        while words and words[0].lower() in _NOT_NAME_STARTS:
            words = words[1:]
        title = " ".join(words)
        # "... of San Stefano to the Ottomans", "... of Union in March": no part of the name
        title = _RUN_ON.sub("", title)
        party = re.search(r" for (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)$", title)
        if party and country_of(party.group(1)):
            title = title[: party.start()]  # "signed the Boxer Protocol for Britain": for whom
        words = title.split()
        # "... in Europe in Helsinki": where it was signed is no part of the name
        place = re.search(r" in ([A-Z][\w'-]+)$", title)
        if (place and country_of(place.group(1))) or (place and place.group(1) in PLACES):
            title = title[: place.start()]
            words = title.split()
        if len(words) < 2:
            continue
        key = "treaty:" + re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
        at = s.find(title, m.start())
        said = _nearest_when(s, mentions, at, at + len(title))
        if key in treaties and _ANOTHER.search(s[max(0, at - 20) : at]):
            # "There's an earlier Treaty of Rapallo, signed on 12 November 1920": another
            # treaty of the same name, not a date for the one the text met first
            key += f":{said[:4] or number}"
        fact = treaties.setdefault(key, Fact("treaty", key, title, when=said))
        if fact.evidence is not None and said and not fact.when:
            fact.evidence = None  # a sentence that dates it says more
        evidence(fact, at, at + len(title))
        parties = countries_in(s[: m.start()] + " " + s[m.end() :])  # "Paris" in a name is no party
        fact.parties = tuple(dict.fromkeys((*fact.parties, *parties)))
        if said and not fact.when:
            fact.when = said
        add_source(fact.sources, name, number)
        covered.append((m.start(), m.end()))
        named.append(title)
    for m in _TOWN_NAMED.finditer(s):
        town = m.group("town")
        if any(a <= m.start("town") < b for a, b in covered) or not _a_town(town):
            continue
        title = f"{town} {m.group('kind')}"
        key = "treaty:" + re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
        said = _nearest_when(s, mentions, m.start("town"), m.end())
        fact = treaties.setdefault(key, Fact("treaty", key, title, when=said))
        if said and not fact.when:
            fact.when = said
        # the gap holds the town: "the {{Munich}} agreement"
        evidence(fact, m.start("town"), m.end("town"))
        add_source(fact.sources, name, number)
        covered.append((m.start(), m.end()))
        named.append(title)
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
            parties = [c for c in countries_in(clause_around(s, m.start(), m.end())) if c != broker]
            if (
                not parties and "peace" in desc
            ):  # a peace agreement's parties may be named elsewhere in the sentence
                parties = [c for c in countries_in(s) if c != broker]
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
        said = _nearest_when(s, mentions, m.start(), m.end())
        if agreement is None:
            agreement = Fact(
                "treaty", key, title, when=said, detail=core, parties=tuple(parties), broker=broker
            )
            treaties[key] = agreement
        add_source(agreement.sources, name, number)
        # the card asks what the sentence is surest of: who brokered it, where, or what it was
        span = (m.start("desc"), m.end("desc"))
        if b is not None and broker:
            at = s.find(b.group(1), max(0, m.start() - 60))
            span = (at, at + len(b.group(1))) if at >= 0 else span
        elif place is not None:
            span = (m.end() + place.start(1), m.end() + place.end(1))
        evidence(agreement, *span)
        if desc.strip() in _CORE and span == (m.start("desc"), m.end("desc")):
            # "the treaty" alone: a card would ask for the word "treaty"
            agreement.doubt(0.4, "an agreement the text does not even describe")
        if not (broker or place or len(parties) >= 2 or (parties and said)):
            agreement.doubt(0.5, "an agreement the text describes but does not name")
        if span == (m.start("desc"), m.end("desc")):
            # the gap holds the description itself: worth asking only when it says what
            # the agreement was about ("a peace treaty between Egypt and Israel"), not
            # "a revised deal", and when the sentence names no treaty it might be
            topical = (
                " for " in desc or " on " in desc or modifier.split()[-1:] in ([w] for w in _TOPICS)
            )
            if named:
                agreement.doubt(0.5, "the sentence names the agreement it describes")
            elif not (topical and len(parties) >= 2):
                agreement.doubt(0.5, "the gap would hold common words, not a name")
    return named


class Treaties(dict[str, Fact]):
    """The treaties found so far, by key, with an index by acronym and initials.

    The index is rebuilt only when a treaty was added or an acronym learnt, so
    looking up "the CSTO" never walks every treaty of a long article.
    """

    def __init__(self) -> None:
        super().__init__()
        self._index: dict[str, list[Fact]] = {}
        self.stale = False

    def __setitem__(self, key: str, fact: Fact) -> None:
        super().__setitem__(key, fact)
        self.stale = True

    def setdefault(self, key: str, default: Fact) -> Fact:
        if key not in self:
            self[key] = default
        return self[key]

    def by_acronym(self, acronym: str) -> list[Fact]:
        """The treaties that ``acronym`` names (set ``stale`` after changing an acronym)."""
        if self.stale:
            self._index = {}
            for fact in self.values():
                for key in {fact.acronym, _initials(fact.title)} - {""}:
                    self._index.setdefault(key, []).append(fact)
            self.stale = False
        return self._index.get(acronym, [])


# "Signed at San Lorenzo on 27 October 1795": what was signed, the sentence before
# (or the heading above) says
SIGNED_WORDS = r"(?:Signed|Concluded|Agreed|Ratified|Negotiated|Initialled)\s+(?:at|in|on|by)\b"
SIGNED_START = re.compile(rf"^{SIGNED_WORDS}", re.IGNORECASE)
# "The truce between Spain and the United Provinces was signed at Antwerp on ...", "the
# union of the northern provinces concluded at Utrecht on ...": what a section under a
# treaty's name says of its making
_SIGNED_HERE = re.compile(
    r"\b[Tt]he\s(?P<kind>[a-z]+)\b[^.;]{0,60}?\b(?:was\s|were\s)?(?:signed|agreed|concluded)\s"
    r"(?:at|in|on)\b"
)


def signing_under(heading: Fact, s: str, mentions: list[DateMention]) -> bool:
    """Whether sentence ``s``, under a heading that named the treaty ``heading``,
    tells that treaty's making ("Agreed at Ghent on 8 November 1576").

    Only when the sentence names no treaty of its own before it says so, and
    dates the making within the heading's year.
    """
    start = SIGNED_START.match(s)
    said = start or _SIGNED_HERE.search(s)
    if said is None or _TREATY_NAMED.search(s[: said.end()]):
        return False
    if not start and said.group("kind") not in heading.title.lower().split():
        return False  # "the treaty ... was signed": another than the heading's "Union of Utrecht"
    days = [m for m in mentions if m.precision == "day" and m.when]
    return len(days) >= 1 and days[0].when[:4] == heading.when[:4]


def named_and_dated(line: str, mentions: list[DateMention]) -> bool:
    """Whether a heading is a treaty's name and its date alone.

    "The Edict of Nantes, 13 April 1598" over a list of its terms states a fact
    of its own, which no line under it repeats.
    """
    if len(mentions) != 1 or not mentions[0].when or line[mentions[0].end :].strip(" )"):
        return False
    # "No. 16. Pacification of Ghent, 1576": a catalogue's number is no part of the name
    name = re.sub(
        r"^(?:No\.\s?\d{1,4}\.?\s+|\d{1,3}\.\s+)?(?:The\s)?",
        "",
        line[: mentions[0].start].rstrip(" ,(:-"),
    )
    return _TREATY_NAMED.fullmatch(name) is not None


def _initials(title: str) -> str:
    return "".join(w[0] for w in title.split() if w[0].isupper())
