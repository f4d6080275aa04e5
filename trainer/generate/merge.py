"""Facts from several articles -> one list: the same fact once, citing every source.

Two date facts are the same when their dates agree (one may refine the other,
"2018" and "May 2018") and their descriptions share enough words, including a
word that is not a name. When the descriptions match but the dates cannot both
be right, that is a conflict: reported, and noted on the card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.generate.dates import compatible, more_precise, when_words
from trainer.generate.extract import Fact
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


def _proper(fact: Fact) -> set[str]:
    """Names in a fact's description (titles such as "President" are not names)."""
    return {
        w.lower().removesuffix("'s").rstrip("s")
        for w in re.findall(r"\b[A-Z][\w'-]+", fact.title)
        if w.removesuffix("'s") not in FUNCTION_WORDS
    }


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
    if prefer_other_text:
        into.title = other.title
        into.note = other.note or into.note
        if into.kind == "person":
            into.key = other.key
    if other.when and into.when and compatible(other.when, into.when):
        best = more_precise(other.when, into.when)
        if best != into.when:
            into.when = best
            into.words = other.words if best == other.when else into.words
    elif other.when and not into.when:
        into.when, into.words = other.when, other.words
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
    people_by_surname: dict[str, Fact] = {}
    for facts, spun in groups:
        for fact in facts:
            target = _find(out, fact, people_by_surname)
            if target is None:
                out.append(fact)
                if spun:
                    spun_facts.add(id(fact))
                if fact.kind == "person" and " " in fact.title:
                    people_by_surname.setdefault(fact.title.split()[-1], fact)
                continue
            if (
                fact.kind == "date"
                and target.when
                and fact.when
                and not compatible(target.when, fact.when)
            ):
                conflict = Conflict(
                    target.title, (_cite(target), target.when), (_cite(fact), fact.when)
                )
                conflicts.append(conflict)
                target.notes.append(
                    f"Sources differ: {_cite(target)} gives {when_words(target.when)}, {_cite(fact)} gives {when_words(fact.when)}."
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


def _cite(fact: Fact) -> str:
    name, number = fact.sources[0]
    return f"{name} ¶{number}" if number else name


def _find(out: list[Fact], fact: Fact, people_by_surname: dict[str, Fact]) -> Fact | None:
    if fact.kind == "person":
        for other in out:
            if other.kind == "person" and other.key == fact.key:
                return other
        surname = fact.title.split()[-1]
        if " " not in fact.title and surname in people_by_surname:
            return people_by_surname[surname]
        if " " in fact.title:
            for other in out:
                if other.kind == "person" and " " not in other.title and other.title == surname:
                    return other
        return None
    if fact.kind == "treaty":
        for other in out:
            if other.kind == "treaty" and (
                other.key == fact.key or (fact.acronym and other.acronym == fact.acronym)
            ):
                return other
        return None
    for other in out:
        if other.kind != "date":
            continue
        if similar(other, fact) and (
            not other.when or not fact.when or compatible(other.when, fact.when)
        ):
            return other
    # the same event with an incompatible date in another article: a conflict
    for other in out:
        if (
            other.kind == "date"
            and other.sources[0][0] != fact.sources[0][0]
            and similar(other, fact)
            and _jaccard(other, fact) >= 0.5
        ):
            return other
    return None
