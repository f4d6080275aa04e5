"""Today's queue has one rule, and the study and home screens both count with it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.conftest import FixedClock, write_deck
from trainer.core.model import Rating
from trainer.core.scheduler import Scheduler, Settings
from trainer.core.session import Session
from trainer.workspace import Workspace


@pytest.fixture
def big(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    cards = "".join(f"  - {{id: c{i}, front: Q{i}, back: A{i}}}\n" for i in range(20))
    cards += "  - {id: r, type: reversed, front: F, back: B}\n"  # two more: 22 new cards
    deck = write_deck(tmp_path / "decks", "big.yaml", "id: big\ncards:\n" + cards)
    return Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]


def _home_new(ws: Workspace) -> int:
    (row,) = ws.rows()
    return row.counts.new


def test_bury_and_suspend_let_the_next_new_card_in(big: Workspace, clock: FixedClock) -> None:
    s = big.session(rng=random.Random(1))
    assert s.counts.new == 20 and _home_new(big) == 20
    s.bury(clock.now())
    assert s.counts.new == 20 and _home_new(big) == 20
    s.suspend(clock.now())
    assert s.counts.new == 20 and _home_new(big) == 20
    s.undo(clock.now())
    s.undo(clock.now())
    assert s.counts.new == 20 and _home_new(big) == 20
    s.answer(Rating.GOOD, clock.now())
    assert s.counts.new == 19 and _home_new(big) == 19
    big.close()


def test_a_hidden_sibling_lets_another_card_in(big: Workspace, clock: FixedClock) -> None:
    big.settings = Settings(new_per_day=21)
    big.scheduler = Scheduler(big.settings)
    s = Session(big.store, big.scheduler, ["big"], clock.now(), random.Random(1), clock.tz)
    assert s.counts.new == 21  # 20 basic cards and the reversed card's front
    for _ in range(20):
        s.answer(Rating.EASY, clock.now())
    assert s.current is not None and s.current.card.id == "r"
    s.answer(Rating.EASY, clock.now())  # r/reverse waits for tomorrow
    assert s.counts.new == 0 and _home_new(big) == 0
    big.close()


def test_study_and_home_agree_after_every_action(big: Workspace, clock: FixedClock) -> None:
    s = big.session(rng=random.Random(2))
    actions = [s.bury, s.suspend, s.undo, s.bury]
    for i in range(30):
        if s.current is None:
            break
        if i % 5 == 4:
            actions[(i // 5) % len(actions)](clock.now())
        else:
            s.answer(Rating.AGAIN if i % 3 == 0 else Rating.GOOD, clock.advance(seconds=30))
        (row,) = big.rows()
        assert (row.counts.new, row.counts.learning, row.counts.review) == (
            s.counts.new,
            s.counts.learning,
            s.counts.review,
        ), i
    big.close()
