"""Article text -> facts (dates, people, treaties) -> a draft deck."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trainer.generate.deck import DraftCard, cards_for, deck_yaml, slug
from trainer.generate.extract import extract
from trainer.generate.facts import Fact
from trainer.generate.merge import Conflict, merge
from trainer.generate.text import read_article


@dataclass(slots=True)
class Generated:
    """What one run of the generator produced.

    Attributes:
        cards: The cards written: the sure ones, or all with ``keep_all``.
        held_back: Cards left out because the generator is not sure of them.
    """

    facts: list[Fact]
    cards: list[DraftCard]
    conflicts: list[Conflict]
    yaml: str
    articles: int
    words: int
    by_kind: dict[str, int] = field(default_factory=dict)
    held_back: int = 0


def generate(
    paths: Sequence[Path],
    deck_id: str | None = None,
    title: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    keep_all: bool = False,
    reading: Callable[[str, int, int], None] | None = None,
) -> Generated:
    """Read articles, extract and merge their facts, and draft a deck.

    Only the cards the generator is sure of are kept, unless ``keep_all``:
    then the rest are kept too, tagged ``unsure``. ``progress`` hears of each
    article read, ``reading`` of the progress through a large one (name,
    characters done, characters in all).

    Raises:
        UsageError: for an article that cannot be read (nothing is produced).
    """
    groups = []
    words = 0
    names: list[str] = []
    titles: dict[str, str] = {}
    names_of: dict[str, frozenset[str]] = {}
    for i, path in enumerate(paths, 1):
        article = read_article(path)
        titles[article.name] = article.title
        names_of[article.name] = article.names
        if progress:
            progress(i, len(paths), path.name)
        groups.append((extract(article, reading), article.spun))
        words += article.words
        names.append(path.name)
    facts, conflicts = merge(groups)
    order = {"date": 0, "person": 1, "treaty": 2}
    facts.sort(key=lambda f: (order[f.kind], f.when if f.kind == "date" else f.title.lower()))
    drafted = cards_for(facts, titles, names_of)
    cards = drafted if keep_all else [c for c in drafted if c.sure]
    stem = Path(paths[0]).stem if len(paths) == 1 else "articles"
    deck_id = deck_id or slug(stem, 6)
    title = title or (
        f"Facts from {names[0]}" if len(names) == 1 else f"Facts from {len(names)} articles"
    )
    by_kind = {kind: sum(1 for c in cards if c.kind == kind) for kind in order}
    return Generated(
        facts,
        cards,
        conflicts,
        deck_yaml(cards, deck_id, title, names),
        len(paths),
        words,
        by_kind,
        len(drafted) - len(cards),
    )
