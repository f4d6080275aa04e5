"""The bundled decks hold every fact the generator finds, in the project's own words."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.core.deck import load_deck
from trainer.generate import generate

ROOT = Path(__file__).parents[2]
DECKS = ROOT / "decks"
ARTICLES = ROOT.parent / "shared" / "articles"
BY_KIND = {"date": "dates.yaml", "person": "people.yaml", "treaty": "treaties.yaml"}


@pytest.fixture(scope="module")
def generated() -> dict[str, set[str]]:
    assert ARTICLES.is_dir(), "the shared articles are expected beside the checkout"
    result = generate(sorted(ARTICLES.glob("*.txt")))
    out: dict[str, set[str]] = {}
    for card in result.cards:
        out.setdefault(card.kind, set()).add(card.id)
    return out


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_no_bundled_deck_loses_a_fact_the_generator_finds(
    kind: str, generated: dict[str, set[str]]
) -> None:
    deck = load_deck(DECKS / BY_KIND[kind])
    bundled = {c.note for c in deck.cards}
    missing = generated.get(kind, set()) - bundled
    assert not missing, (
        f"{BY_KIND[kind]} lacks {sorted(missing)}: run tools/draft_decks.py and review"
    )


def test_every_card_cites_its_source_and_dates_have_when() -> None:
    for name in BY_KIND.values():
        for card in load_deck(DECKS / name).cards:
            assert re.search(r"\d{3}_[0-9a-f]{16}\.txt ¶\d+", card.source), (name, card.id)
            if card.kind.value == "date":
                assert card.when, card.id


def test_the_exam_deck_mixes_all_the_others() -> None:
    exam = load_deck(DECKS / "exam.yaml")
    others = [c for name in BY_KIND.values() for c in load_deck(DECKS / name).cards]
    assert sorted(c.id for c in exam.cards) == sorted(c.id for c in others)
    assert {c.kind.value for c in exam.cards[:6]} == {"date", "person", "treaty"}
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_exam.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def _shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_cards_do_not_copy_the_articles_sentences() -> None:
    article_text = " ".join(p.read_text(encoding="utf-8-sig") for p in ARTICLES.glob("*.txt"))
    copied = _shingles(article_text)
    for name in (*BY_KIND.values(), "exam.yaml"):
        for card in load_deck(DECKS / name).cards:
            for field in (card.front, card.back, card.extra):
                overlap = _shingles(field) & copied
                assert not overlap, (name, card.id, " ".join(next(iter(overlap))))
