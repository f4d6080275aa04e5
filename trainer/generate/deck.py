"""Cards -> a v1 deck: stable ids, draft marks, and the YAML text.

Card ids derive from the fact (its kind, date and key words), so running the
generator again on the same articles gives the same ids and progress survives
regeneration. Every generated card is a draft: it carries ``draft:`` with the
sentence it was made from until someone reviews it (``trainer review``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.generate.dates import year_of
from trainer.generate.facts import STOPWORDS, SURE, Fact
from trainer.generate.questions import for_fact

UNSURE = "unsure"
"""The tag of a card the generator is not sure of (written only with ``--all``)."""


@dataclass(frozen=True, slots=True)
class DraftCard:
    """One card of a generated deck, before it is written as YAML."""

    id: str
    kind: str
    front: str
    back: str
    when: str = ""
    accept: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    type: str = "basic"
    draft: str = ""
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        """Whether the generator is sure of this card."""
        return self.confidence >= SURE

    def as_dict(self) -> dict[str, object]:
        """The card as deck-format keys, empty ones left out."""
        out: dict[str, object] = {"id": self.id}
        if self.type != "basic":
            out["type"] = self.type
        out["kind"] = self.kind
        if self.when:
            out["when"] = self.when
        out["front"] = self.front
        if self.back or self.type != "cloze":
            out["back"] = self.back
        if self.accept:
            out["accept"] = list(self.accept)
        if self.source:
            out["source"] = self.source
        if self.note:
            out["note"] = self.note
        if not self.sure:
            out["tags"] = [UNSURE]
        out["draft"] = self.draft or "drafted by trainer generate"
        return out


def slug(text: str, words: int = 5) -> str:
    """Lower-case words joined by dashes, stop words left out."""
    found = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]
    return "-".join(found[:words]) or "fact"


def _sources(fact: Fact) -> str:
    by_file: dict[str, list[int]] = {}
    for name, number in fact.sources:
        by_file.setdefault(name, [])
        if number and number not in by_file[name]:
            by_file[name].append(number)
    return "; ".join(
        f"{name} " + ", ".join(f"¶{n}" for n in sorted(numbers)) if numbers else name
        for name, numbers in by_file.items()
    )


def _and(items: list[str] | tuple[str, ...]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _base_id(fact: Fact) -> str:
    if fact.kind == "date":
        return f"date-{(fact.when or 'undated').replace('/', '-')}-{slug(fact.title, 4)}"
    if fact.kind == "person":
        return f"person-{slug(fact.title, 4)}"
    year = year_of(fact.when)
    # the year as the id always wrote it ("-0800"); a year before Christ "-1274bc"
    suffix = "" if year is None else f"-{year:04d}" if year > 0 else f"-{1 - year}bc"
    return f"treaty-{slug(fact.acronym or fact.title, 5)}{suffix}"


def cards_for(
    facts: list[Fact],
    titles: dict[str, str] | None = None,
    names: dict[str, frozenset[str]] | None = None,
) -> list[DraftCard]:
    """One card per fact that a card can be made of, with stable, unique ids.

    Two facts asked by the same cloze (the same sentence and gap) give one card.

    Args:
        facts: The merged facts.
        titles: Each article's title, by file name.
        names: Each article's names (see :attr:`~trainer.generate.text.Article.names`).
    """
    out: list[DraftCard] = []
    seen: dict[str, int] = {}
    fronts: set[str] = set()
    titles = titles or {}
    names = names or {}
    people: dict[str, set[str]] = {}
    for fact in facts:
        if fact.kind == "person":
            for article, _ in fact.sources:
                people.setdefault(article, set()).update(fact.title.split())
    for fact in facts:
        article = fact.sources[0][0] if fact.sources else ""
        q = for_fact(
            fact,
            titles.get(article, ""),
            names.get(article, frozenset()),
            frozenset(people.get(article, ())),
        )
        if q is None or not q.front or q.front in fronts:
            continue
        fronts.add(q.front)
        base = _base_id(fact)
        seen[base] = seen.get(base, 0) + 1
        card_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(
            DraftCard(
                card_id,
                fact.kind,
                q.front,
                q.back,
                fact.when if fact.kind != "person" else "",
                q.accept,
                _sources(fact),
                q.note,
                q.type,
                q.quote,
                q.confidence,
                q.doubts,
            )
        )
    return out


def deck_yaml(
    cards: list[DraftCard], deck_id: str, title: str, sources: list[str], description: str = ""
) -> str:
    """The deck as YAML text (format 1) with a header saying where it came from."""
    import yaml

    header = (
        "# Drafted by 'trainer generate' from: " + ", ".join(sources) + "\n"
        "# Every card is a draft until reviewed: 'trainer review' shows each beside its sentence.\n"
    )
    body = {
        "format": 1,
        "id": deck_id,
        "title": title,
        "description": description or f"Dates, people and treaties from {_and(sources)}.",
        "cards": [c.as_dict() for c in cards],
    }
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: 10x faster
    text = yaml.dump(
        body,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return header + text
