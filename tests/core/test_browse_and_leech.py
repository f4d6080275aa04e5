"""Browser actions and their undo, progress resets, and leeches, over a real store."""

from __future__ import annotations

import random

import pytest

from tests.conftest import FixedClock
from trainer.core.errors import ConflictError
from trainer.core.leech import leech_due
from trainer.core.model import Rating, State
from trainer.core.scheduler import Scheduler, Settings
from trainer.core.session import Session
from trainer.store import browse
from trainer.workspace import Workspace


def _row(ws: Workspace, card: str) -> int:
    rowid = ws.store.card_rowid("small", card)
    assert rowid is not None
    return rowid


def _state(ws: Workspace, card: str) -> tuple[object, ...]:
    return tuple(
        ws.conn.execute(
            "SELECT queue, state, stability, due, suspended, buried_day, leech FROM card_state"
            " WHERE card_rowid = ?",
            (_row(ws, card),),
        ).fetchone()
    )


def test_suspend_bury_and_undo_each(workspace: Workspace) -> None:
    actions = workspace.actions()
    one, two = _row(workspace, "one"), _row(workspace, "two")
    before = [_state(workspace, "one"), _state(workspace, "two")]
    change = actions.suspend([one, two])
    assert change.describe() == "2 cards suspended"
    assert {f.card_id for f in workspace.search("is:suspended")[0]} == {"one", "two"}
    actions.bury([two])
    assert {f.card_id for f in workspace.search("is:buried")[0]} == set()  # suspended: not queued
    actions.suspend([two], False)
    assert {f.card_id for f in workspace.search("is:buried")[0]} == {"two"}
    assert actions.undo() is not None and actions.undo() is not None
    assert actions.undo() is not None
    assert [_state(workspace, "one"), _state(workspace, "two")] == before
    assert actions.undo() is None and not actions.can_undo


def test_reset_keeps_the_history_and_undo_brings_the_progress_back(
    workspace: Workspace, clock: FixedClock
) -> None:
    session = workspace.session(rng=random.Random(1))
    session.answer(Rating.EASY, clock.now())  # "one" becomes a review card
    one = _row(workspace, "one")
    studied = _state(workspace, "one")
    assert studied[1] == State.REVIEW
    actions = workspace.actions()
    clock.advance(minutes=5)
    actions.reset([one], clock.now())
    queue, state, stability, due, *_ = _state(workspace, "one")
    assert (queue, state, stability, due) == (0, 0, None, 0)  # new, first in deck order
    assert len(workspace.store.log_rows(one)) == 1  # history kept
    assert browse.resets(workspace.conn, one) == [clock.now().timestamp()]
    assert workspace.stats().reviews_total == 1
    actions.undo()
    assert _state(workspace, "one") == studied
    assert browse.resets(workspace.conn, one) == []


def test_a_reset_answered_since_cannot_be_undone(workspace: Workspace, clock: FixedClock) -> None:
    actions = workspace.actions()
    workspace.session(rng=random.Random(1)).answer(Rating.GOOD, clock.now())
    actions.reset([_row(workspace, "one")], clock.advance(minutes=1))
    session = workspace.session(rng=random.Random(2))
    assert session.current is not None and session.current.card.id == "one"
    session.answer(Rating.GOOD, clock.advance(minutes=1))  # answered after the reset
    after = _state(workspace, "one")
    with pytest.raises(ConflictError):
        actions.undo()
    assert _state(workspace, "one") == after


def test_the_leech_rule() -> None:
    assert [n for n in range(1, 25) if leech_due(n, 8)] == [8, 12, 16, 20, 24]
    assert [n for n in range(1, 6) if leech_due(n, 1)] == [1, 2, 3, 4, 5]
    assert not any(leech_due(n, 0) for n in range(50))


def _lapse_session(ws: Workspace, clock: FixedClock, **settings: object) -> Session:
    ws.settings = Settings(learn_ahead_minutes=0, **settings)  # type: ignore[arg-type]
    ws.scheduler = Scheduler(ws.settings)
    return Session(ws.store, ws.scheduler, ["small"], clock.now(), random.Random(4), clock.tz)


def _lapse(ws: Workspace, clock: FixedClock, card: str, times: int, **settings: object) -> Session:
    """Make ``card`` a review card and forget it ``times`` times."""
    rowid = _row(ws, card)
    s = _lapse_session(ws, clock, **settings)
    for _ in range(times):
        ws.conn.execute(
            "UPDATE card_state SET queue = 2, state = 2, step = NULL, stability = 5,"
            " difficulty = 5, due = ?, last_review = ? WHERE card_rowid = ?",
            (clock.now().timestamp() - 60, clock.now().timestamp() - 5 * 86400, rowid),
        )
        s = _lapse_session(ws, clock, **settings)
        assert s.current is not None and s.current.card.id == card
        s.answer(Rating.AGAIN, clock.advance(minutes=1))
        clock.advance(days=1)
    return s


def test_a_card_that_lapses_eight_times_is_a_suspended_leech_and_undo_restores_it(
    workspace: Workspace, clock: FixedClock
) -> None:
    s = _lapse(workspace, clock, "one", 7, new_per_day=0)
    assert s.leech is None and _state(workspace, "one")[6] == 0
    s = _lapse(workspace, clock, "one", 1, new_per_day=0)
    assert s.leech is not None and s.leech.lapses == 8 and s.leech.suspended
    assert _state(workspace, "one")[4:] == (1, 0, 1)  # suspended, not buried, leech
    assert [f.card_id for f in workspace.search("is:leech")[0]] == ["one"]
    s.undo(clock.now())
    assert _state(workspace, "one")[4:] == (0, 0, 0)
    assert workspace.store.lapses(_row(workspace, "one")) == 7


def test_leech_action_tag_marks_without_suspending_and_a_reset_starts_the_count_again(
    workspace: Workspace, clock: FixedClock
) -> None:
    s = _lapse(workspace, clock, "two", 3, new_per_day=0, leech_threshold=3, leech_action="tag")
    assert s.leech is not None and not s.leech.suspended
    assert _state(workspace, "two")[4:] == (0, 0, 1)
    workspace.actions().reset([_row(workspace, "two")], clock.advance(seconds=1))
    assert workspace.store.lapses(_row(workspace, "two")) == 0
    assert _state(workspace, "two")[6] == 0
