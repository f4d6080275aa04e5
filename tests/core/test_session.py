"""The study session over a real store, with a fixed clock and a seeded generator."""

from __future__ import annotations

import random

from tests.conftest import FixedClock
from trainer.core.model import Rating, State
from trainer.core.scheduler import DeckLimits, Scheduler, Settings
from trainer.core.session import Session, describe_due, render
from trainer.workspace import Workspace


def _session(ws: Workspace, clock: FixedClock, **settings: object) -> Session:
    ws.settings = Settings(**settings)  # type: ignore[arg-type]
    ws.scheduler = Scheduler(ws.settings)
    return Session(ws.store, ws.scheduler, ["small"], clock.now(), random.Random(7), clock.tz)


def test_new_cards_come_in_deck_order_and_siblings_are_buried(
    workspace: Workspace, clock: FixedClock
) -> None:
    s = _session(workspace, clock)
    seen = []
    while s.current is not None:
        seen.append(s.current.card.id)
        s.answer(Rating.EASY, clock.advance(seconds=5))
    assert seen == [
        "one",
        "two",
        "three",
        "rev",
        "cz/c1",
    ]  # rev/reverse and cz/c2 wait for tomorrow
    assert s.summary(clock.now()).studied == 5


def test_learning_card_comes_back_after_its_step(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock, learn_ahead_minutes=0, new_per_day=1)
    assert s.current is not None and s.current.card.id == "one"
    s.answer(Rating.AGAIN, clock.now())
    assert s.current is None  # the only new card allowed is learning for 1 minute
    summary = s.summary(clock.now())
    assert summary.next_due is not None and (summary.next_due - clock.now()).total_seconds() == 60
    # A new session one minute later shows it again
    clock.advance(minutes=1)
    s2 = _session(workspace, clock, learn_ahead_minutes=0, new_per_day=1)
    assert s2.current is not None and s2.current.card.id == "one" and s2.current.origin == "learn"


def test_learn_ahead_shows_a_learning_card_early(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock, new_per_day=1)
    s.answer(Rating.GOOD, clock.now())  # 10 minutes
    assert s.current is not None and s.current.card.id == "one"


def test_daily_new_limit_is_per_study_day(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock, new_per_day=2)
    s.answer(Rating.EASY, clock.now())
    s.answer(Rating.EASY, clock.now())
    assert s.current is None
    assert _session(workspace, clock, new_per_day=2).current is None  # same day, reopened
    clock.advance(days=1)
    s3 = _session(workspace, clock, new_per_day=2)
    assert s3.current is not None and s3.current.card.id == "three"


def test_deck_limits_override(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock, deck_limits={"small": DeckLimits(1, 5)})
    assert s.counts.new == 1


def test_undo_restores_state_and_log(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock)
    first = s.current
    assert first is not None
    s.answer(Rating.GOOD, clock.advance(seconds=3))
    assert workspace.store.memory(first.card.rowid).state is State.LEARNING
    assert len(workspace.store.log_rows(first.card.rowid)) == 1
    back = s.undo(clock.now())
    assert back is not None and back.card.rowid == first.card.rowid
    assert s.current is not None and s.current.card.rowid == first.card.rowid
    assert workspace.store.memory(first.card.rowid) == first.memory
    assert workspace.store.log_rows(first.card.rowid) == []
    assert s.studied == 0
    assert s.undo(clock.now()) is None


def test_undo_of_reversed_answer_brings_the_sibling_back(
    workspace: Workspace, clock: FixedClock
) -> None:
    s = _session(workspace, clock)
    for _ in range(3):
        s.answer(Rating.EASY, clock.now())
    assert s.current is not None and s.current.card.id == "rev"
    before = s.counts.new
    s.answer(Rating.EASY, clock.now())
    assert s.counts.new == before - 2  # the card and its buried sibling
    s.undo(clock.now())
    assert s.counts.new == before


def test_bury_and_suspend_and_their_undo(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock)
    assert s.current is not None
    one = s.current.card.rowid
    s.bury(clock.now())
    assert s.current is not None and s.current.card.id == "two"
    two = s.current.card.rowid
    s.suspend(clock.now())
    reopened = _session(workspace, clock)
    assert reopened.current is not None and reopened.current.card.id == "three"
    s.undo(clock.now())  # unsuspend two
    assert s.current is not None and s.current.card.rowid == two
    s.undo(clock.now())  # unbury one
    assert s.current is not None and s.current.card.rowid == one
    clock.advance(days=1)
    assert _session(workspace, clock).current.card.id == "one"  # type: ignore[union-attr]


def test_reopening_shows_the_same_queue(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock)
    s.answer(Rating.HARD, clock.now())
    s.answer(Rating.EASY, clock.now())
    remaining = []
    while s.current is not None:
        remaining.append(s.current.card.id)
        s.bury(clock.now())
    for _ in remaining:
        s.undo(clock.now())
    s2 = _session(workspace, clock)
    assert s2.current is not None and s.current is not None
    assert s2.current.card.id == s.current.card.id
    assert s2.counts == s.counts


def test_summary_counts_again_and_time(workspace: Workspace, clock: FixedClock) -> None:
    s = _session(workspace, clock)
    s.answer(Rating.AGAIN, clock.advance(seconds=4))
    s.answer(Rating.GOOD, clock.advance(seconds=600))  # capped at a minute
    summary = s.summary(clock.now())
    assert (summary.studied, summary.again, summary.seconds) == (2, 1, 64.0)


def test_render_cloze_and_markup_stays_text(workspace: Workspace) -> None:
    rowid = workspace.store.card_rowid("small", "cz/c2")
    assert rowid is not None
    q, a = render(workspace.store.card(rowid))
    assert q == [("Baku", False), (" is in ", False), ("[...]", True)]
    assert a[-1] == ("Azerbaijan", True)
    one = workspace.store.card(workspace.store.card_rowid("small", "one"))  # type: ignore[arg-type]
    assert render(one)[0] == [("Q1 [bold]not bold[/]", False)]


def test_describe_due(clock: FixedClock) -> None:
    from datetime import timedelta

    now = clock.now()
    assert describe_due(None, now, clock.tz).startswith("No card")
    assert (
        describe_due(now + timedelta(minutes=8), now, clock.tz)
        == "The next card is due in 8 minutes."
    )
    assert (
        describe_due(now + timedelta(days=1), now, clock.tz)
        == "The next card is due tomorrow at 09:00."
    )
