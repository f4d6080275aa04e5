"""Facts from several articles -> one list: the same fact once, citing every source.

Two date facts are the same when their dates agree (one may refine the other,
"2018" and "May 2018") and their descriptions share enough words, including a
word that is not a name. When the descriptions match but the dates cannot both
be right, that is a conflict: reported, and noted on the card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.generate.dates import compatible, find_dates, more_precise, when_words, year_of
from trainer.generate.facts import Fact
from trainer.generate.lexicon import FUNCTION_WORDS, ROLES


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two sources that date the same event differently."""

    title: str
    first: tuple[str, str]
    second: tuple[str, str]

    def __str__(self) -> str:
        (a_src, a_when), (b_src, b_when) = self.first, self.second
        return (
            f"'{self.title}': {a_src} says {when_words(a_when)}, {b_src} says {when_words(b_when)}"
        )


_KEYWORDS: dict[tuple[str, str], frozenset[str]] = {}


def _keywords(fact: Fact) -> frozenset[str]:
    """``fact.keywords()``, remembered: merging compares each fact with many others."""
    key = (fact.title, fact.detail)
    found = _KEYWORDS.get(key)
    if found is None:
        if len(_KEYWORDS) > 50_000:
            _KEYWORDS.clear()
        found = _KEYWORDS[key] = frozenset(fact.keywords())
    return found


_PROPER: dict[str, frozenset[str]] = {}


def _proper(fact: Fact) -> frozenset[str]:
    """Names in a fact's description (titles such as "President" are not names), remembered."""
    found = _PROPER.get(fact.title)
    if found is None:
        if len(_PROPER) > 50_000:
            _PROPER.clear()
        found = _PROPER[fact.title] = frozenset(
            w.lower().removesuffix("'s").rstrip("s")
            for w in re.findall(r"\b[A-Z][\w'-]+", fact.title)
            if w.removesuffix("'s") not in FUNCTION_WORDS
        )
    return found


def _jaccard(a: Fact, b: Fact) -> float:
    ka, kb = _keywords(a), _keywords(b)
    return len(ka & kb) / len(ka | kb) if ka and kb else 0.0


_TITLES = frozenset(word for role in ROLES for word in role.split()) | {"minister", "prime"}


def similar(a: Fact, b: Fact) -> bool:
    """Whether two date facts describe the same event.

    They share an event word (not a name, not a title) and enough words
    overall; or, told in other words, many of the same names ("X met Y in Z"
    and "X and Y held a meeting in Z").
    """
    ka, kb = _keywords(a), _keywords(b)
    if not ka or not kb:
        return False
    shared = ka & kb
    names = _proper(a) | _proper(b)
    events = shared - names - _TITLES
    overlap = len(shared) / min(len(ka), len(kb))
    jaccard = _jaccard(a, b)
    if events and (jaccard >= 0.3 or overlap >= 0.5):
        return True
    return len(shared & names) >= 4 and jaccard >= 0.4


def _absorb(into: Fact, other: Fact, prefer_other_text: bool) -> None:
    for src in other.sources:
        if src not in into.sources:
            into.sources.append(src)
    if into.kind != "date" and other.confidence > into.confidence and other.evidence:
        # the better-evidenced mention is the one a card asks about
        into.confidence, into.doubts, into.evidence = other.confidence, other.doubts, other.evidence
    if prefer_other_text:
        into.title = other.title
        into.note = other.note or into.note
        if into.kind == "person":
            into.key = other.key
    if other.when and into.when and compatible(other.when, into.when):
        best = more_precise(other.when, into.when)
        if best != into.when:
            into.when = best
            if best == other.when:
                # the card quotes the sentence that gives the date it shows
                into.words, into.evidence = other.words, other.evidence
                into.confidence, into.doubts = other.confidence, other.doubts
    elif not other.when and _day_of(other, into.when) is not None:
        # "on July 10" in one article, "in July 2025" in another: 10 July 2025
        into.when, into.words = _day_of(other, into.when) or ("", "")
        into.evidence = other.evidence
    elif other.when and not into.when:
        into.when, into.words = other.when, other.words
        into.evidence, into.confidence, into.doubts = other.evidence, other.confidence, other.doubts
    if other.detail and (not into.detail or (" of " in other.detail and " of " not in into.detail)):
        into.detail = other.detail
    into.parties = tuple(dict.fromkeys((*into.parties, *other.parties)))
    into.broker = into.broker or other.broker
    into.acronym = into.acronym or other.acronym
    for note in other.notes:
        if note not in into.notes:
            into.notes.append(note)


def merge(groups: list[tuple[list[Fact], bool]]) -> tuple[list[Fact], list[Conflict]]:
    """Merge the facts of several articles.

    Args:
        groups: Each article's facts and whether the article was spun (its
            wording is then the last choice for a card).

    Returns:
        The merged facts, in first-seen order, and the conflicts found.
    """
    out: list[Fact] = []
    spun_facts: set[int] = set()
    conflicts: list[Conflict] = []
    index = _Index()
    for facts, spun in groups:
        for fact in facts:
            target = index.find(fact)
            if target is None:
                fact.order = len(out)
                out.append(fact)
                index.add(fact)
                if spun:
                    spun_facts.add(id(fact))
                continue
            if (
                fact.kind == "date"
                and target.when
                and fact.when
                and not compatible(target.when, fact.when)
            ):
                conflict = Conflict(
                    target.title,
                    (_first_source(target), target.when),
                    (_first_source(fact), fact.when),
                )
                conflicts.append(conflict)
                target.notes.append(
                    f"Sources differ: {_first_source(target)} gives {when_words(target.when)}, {_first_source(fact)} gives {when_words(fact.when)}."
                )
                for src in fact.sources:
                    if src not in target.sources:
                        target.sources.append(src)
                continue
            prefer = id(target) in spun_facts and not spun
            if fact.kind == "person" and " " in fact.title and " " not in target.title:
                prefer = True
            _absorb(target, fact, prefer)
            if prefer:
                spun_facts.discard(id(target))
    return out, conflicts


def _first_source(fact: Fact) -> str:
    name, number = fact.sources[0]
    return f"{name} ¶{number}" if number else name


def _day_of(fact: Fact, month: str) -> tuple[str, str] | None:
    """A year-less day ("July 10") that falls in ``month`` ("2025-07"), dated with its year."""
    if len(month) != 7 or fact.kind != "date" or fact.evidence is None:
        return None
    found = find_dates("on " + fact.words)
    if (
        not found
        or found[0].precision != "day"
        or found[0].when
        or found[0].month != int(month[5:])
    ):
        return None
    dated = found[0].with_year(year_of(month) or 0)
    return dated.when, dated.words


def _two_dates_of_one_sentence(a: Fact, b: Fact) -> bool:
    """Whether two facts are two different dates of the same sentence (never one fact)."""
    ea, eb = a.evidence, b.evidence
    return bool(ea and eb and ea.sentence == eb.sentence and ea.start != eb.start)


class _Index:
    """The merged facts, looked up by key, surname, acronym and keyword.

    Each lookup touches a bounded number of facts (a keyword remembers its
    latest :data:`_POSTING` facts), so merging stays linear in the number of
    facts on any input, a 20 MB article included.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, Fact] = {}
        self.by_surname: dict[str, Fact] = {}
        self.single_by_name: dict[str, Fact] = {}
        self.by_acronym: dict[str, Fact] = {}
        self.by_word: dict[str, list[Fact]] = {}

    def add(self, fact: Fact) -> None:
        self.by_key.setdefault(f"{fact.kind}|{fact.key}", fact)
        if fact.kind == "person":
            if " " in fact.title:
                self.by_surname.setdefault(fact.title.split()[-1], fact)
            else:
                self.single_by_name.setdefault(fact.title, fact)
        elif fact.kind == "treaty" and fact.acronym:
            self.by_acronym.setdefault(fact.acronym, fact)
        elif fact.kind == "date":
            for word in _keywords(fact):
                posting = self.by_word.setdefault(word, [])
                posting.append(fact)
                if len(posting) > _POSTING:
                    del posting[0]

    def candidates(self, fact: Fact) -> list[Fact]:
        seen: dict[int, Fact] = {}
        for word in _keywords(fact):
            for other in self.by_word.get(word, ()):
                seen.setdefault(id(other), other)
        return sorted(seen.values(), key=lambda f: f.order)

    def find(self, fact: Fact) -> Fact | None:
        same = self.by_key.get(f"{fact.kind}|{fact.key}")
        if fact.kind == "person":
            if same is not None:
                return same
            surname = fact.title.split()[-1]
            if " " not in fact.title:
                return self.by_surname.get(surname)
            return self.single_by_name.get(surname)
        if fact.kind == "treaty":
            return same or (self.by_acronym.get(fact.acronym) if fact.acronym else None)
        candidates = self.candidates(fact)
        for other in candidates:
            if _two_dates_of_one_sentence(other, fact):
                continue
            if similar(other, fact) and (
                not other.when or not fact.when or compatible(other.when, fact.when)
            ):
                return other
        # the same event with an incompatible date in another article: a conflict
        for other in candidates:
            if (
                other.sources[0][0] != fact.sources[0][0]
                and similar(other, fact)
                and _jaccard(other, fact) >= 0.5
            ):
                return other
        return None


_POSTING = 40
