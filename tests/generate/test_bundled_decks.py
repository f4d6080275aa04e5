"""The bundled decks against the fact list kept in the repository.

The source articles are not part of the repository, so no test reads them:
``tests/data/facts.yaml`` lists their facts in the project's own words, and
every one of them must have a card. (``tools/draft_decks.py --articles DIR
--check`` compares the decks with the articles themselves, by hand.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA
from trainer.core.deck import load_deck
from trainer.core.model import Card
from trainer.generate.quality import load_gold

ROOT = Path(__file__).parents[2]
DECKS = ROOT / "decks"
BY_KIND = {"dates": "dates.yaml", "people": "people.yaml", "treaties": "treaties.yaml"}


def _text(card: Card) -> str:
    return " ".join((card.front, card.back, card.note, *card.accept)).lower()


def _covers(kind: str, fact: dict[str, Any], card: Card) -> bool:
    words = [str(w).lower() for w in fact.get("card") or fact.get("match", [])]
    if kind == "people":
        return str(fact["name"]) in (card.front, card.back)
    if kind == "dates" and card.when != str(fact["when"]):
        return False
    return any(w in _text(card) for w in words)


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_every_listed_fact_has_a_card(kind: str) -> None:
    facts = load_gold(DATA / "facts.yaml").get(kind, [])
    cards = load_deck(DECKS / BY_KIND[kind]).cards
    assert facts and cards, "an empty fact list or deck proves nothing"
    missing = [
        str(f.get("about") or f.get("name"))
        for f in facts
        if not any(_covers(kind, f, c) for c in cards)
    ]
    assert not missing, f"{BY_KIND[kind]} has no card for {missing}"


def test_every_card_cites_its_source_and_dates_have_when() -> None:
    cards = [c for name in BY_KIND.values() for c in load_deck(DECKS / name).cards]
    assert cards
    for card in cards:
        assert "¶" in card.source, card.id
        if card.kind.value == "date":
            assert card.when, card.id


def test_the_exam_deck_mixes_all_the_others() -> None:
    import subprocess
    import sys

    exam = load_deck(DECKS / "exam.yaml")
    others = [c for name in BY_KIND.values() for c in load_deck(DECKS / name).cards]
    assert others and sorted(c.id for c in exam.cards) == sorted(c.id for c in others)
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_exam.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
