"""The quiz's evaluation set (tests/data/quiz) stays usable: every half loads,
every typed reply names a real card, and the halves share no deck."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trainer.core.deck import load_deck

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "quiz"
BUNDLED = [ROOT / "decks" / n for n in ("dates.yaml", "people.yaml", "treaties.yaml")]


def _decks(half: str) -> dict[str, set[str]]:
    paths = sorted((DATA / half / "decks").glob("*.yaml")) + (BUNDLED if half == "tune" else [])
    decks = {}
    for path in paths:
        deck = load_deck(path)
        decks[deck.id] = {c.id for c in deck.cards}
    return decks


@pytest.mark.parametrize("half", ["tune", "heldout"])
def test_every_typed_row_names_a_card_of_its_half(half: str) -> None:
    decks = _decks(half)
    rows = yaml.safe_load((DATA / half / "typed.yaml").read_text(encoding="utf-8"))["replies"]
    assert len(rows) >= 200
    assert {True, False} == {row["right"] for row in rows}
    for row in rows:
        assert row["card"] in decks[row["deck"]], row
        assert isinstance(row["reply"], str) and row["why"]


def test_the_halves_share_no_deck() -> None:
    tune, held, fresh = _decks("tune"), _decks("heldout"), _decks("fresh")
    assert len(held) >= 3 and len(tune) >= 3 and len(fresh) >= 3
    assert not set(tune) & set(held) and not (set(tune) | set(held)) & set(fresh)


def test_the_fresh_half_mixes_kinds_and_card_types() -> None:
    kinds: set[str] = set()
    types: set[str] = set()
    for path in sorted((DATA / "fresh" / "decks").glob("*.yaml")):
        for c in load_deck(path).cards:
            kinds.add(c.kind.value)
            types.add(c.type.value)
    assert {"date", "person", "place", "treaty"} <= kinds
    assert {"basic", "reversed", "cloze"} <= types
