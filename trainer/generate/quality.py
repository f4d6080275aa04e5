"""Measure generated facts against a hand-made list: recall and precision per kind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trainer.generate.dates import compatible, find_dates
from trainer.generate.facts import Fact


@dataclass(frozen=True, slots=True)
class Score:
    """How one kind of fact fared."""

    kind: str
    expected: int
    found: int
    matched: int
    correct: int
    missed: tuple[str, ...]
    wrong: tuple[str, ...]

    @property
    def recall(self) -> float:
        """Share of the expected facts that were found."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        """Share of the found facts that are expected (duplicates count against it)."""
        return self.correct / self.found if self.found else 1.0


def load_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The hand-made fact list."""
    import yaml

    with path.open(encoding="utf-8") as f:
        data: dict[str, list[dict[str, Any]]] = yaml.safe_load(f)
    return data


def _text(fact: Fact) -> str:
    return f"{fact.title} {fact.detail} {fact.note} {fact.acronym}".lower()


def _matches(kind: str, gold: dict[str, Any], fact: Fact) -> bool:
    words = [str(w).lower() for w in gold.get("match", [])]
    if kind == "people":
        if fact.title != gold["name"]:
            return False
        return any(w in fact.detail.lower() for w in words)
    if not any(w in _text(fact) for w in words):
        return False
    when = _normalised(str(gold.get("when", "")))
    if kind == "dates":
        return (
            bool(fact.when)
            and compatible(fact.when, when)
            and len(fact.when) >= len(when.split("/")[0]) - 3
        )
    return not when or not fact.when or compatible(fact.when, when)


def _normalised(when: str) -> str:
    """A list's ``when`` as the generator writes it: "early 19th century" -> "1800/1833"."""
    if not when or when[:1].isdigit():
        return when
    said = find_dates(f"in the {when.removeprefix('the ')}")
    return said[0].when if said and said[0].when else when


def score(facts: list[Fact], gold: dict[str, list[dict[str, Any]]]) -> list[Score]:
    """Recall and precision for dates, people and treaties."""
    out = []
    for kind, fact_kind in (("dates", "date"), ("people", "person"), ("treaties", "treaty")):
        expected = gold.get(kind, [])
        found = [f for f in facts if f.kind == fact_kind]
        used: set[int] = set()
        correct = 0
        wrong = []
        for fact in found:
            # the most specific entry first: the longest match word, then the same date
            candidates = [
                (
                    max(
                        len(str(w))
                        for w in g.get("match", [""])
                        if str(w).lower() in _text(fact) or kind == "people"
                    ),
                    str(g.get("when", "")) == fact.when,
                    i,
                )
                for i, g in enumerate(expected)
                if i not in used and _matches(kind, g, fact)
            ]
            hit = max(candidates)[2] if candidates else None
            if hit is None:
                wrong.append(f"{fact.when} {fact.title}".strip())
            else:
                used.add(hit)
                correct += 1
        missed = tuple(
            str(g.get("about") or g.get("name")) for i, g in enumerate(expected) if i not in used
        )
        out.append(Score(kind, len(expected), len(found), len(used), correct, missed, tuple(wrong)))
    return out
