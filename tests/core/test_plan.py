"""Planning toward an exam date, with a fixed clock: the window, the new cards, the prediction."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from tests.conftest import FixedClock, write_deck
from trainer.core.errors import UsageError
from trainer.core.model import Memory, Rating, State
from trainer.core.plan import WINDOW_DAYS, Exam, bring_forward, make_plan, moments
from trainer.core.scheduler import DAY, Scheduler
from trainer.workspace import Workspace


@pytest.fixture
def forty(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    cards = "".join(f"  - {{id: c{i}, front: Q{i}, back: A{i}}}\n" for i in range(40))
    deck = write_deck(tmp_path / "decks", "forty.yaml", "id: forty\ncards:\n" + cards)
    return Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]


def test_every_card_is_seen_in_time_and_reviewed_in_the_window(
    forty: Workspace, clock: FixedClock
) -> None:
    exam_day = (clock.now() + timedelta(days=12)).date()
    plan = forty.plan(["forty"], exam_day)
    assert plan.days_left == 12 and plan.new_left == 40
    # 40 cards by the deadline (12 days - 3 in the window - 2 to learn): 6 a day, not 20;
    # with new_per_day = 3 the plan raises it.
    forty.settings = forty.settings.__class__(new_per_day=3)
    plan = forty.plan(["forty"])
    assert plan.configured_new_per_day == 3 and plan.new_per_day == 6
    m = moments(Exam("forty", exam_day), clock.now(), clock.tz, forty.settings.day_rollover_hour)
    reviewed_in_window: set[int] = set()
    rng = random.Random(5)
    while clock.now().timestamp() < m.exam:
        session = forty.session(rng=rng)
        while session.current is not None:
            rowid = session.current.card.rowid
            if clock.now().timestamp() >= m.window:
                reviewed_in_window.add(rowid)
            session.answer(Rating.GOOD, clock.now())
        clock.advance(days=1)
    rowids = {forty.store.card_rowid("forty", f"c{i}") for i in range(40)}
    assert reviewed_in_window == rowids  # every card came up in the last days
    forty.close()


def test_setting_the_date_brings_far_reviews_into_the_window(
    forty: Workspace, clock: FixedClock
) -> None:
    rowid = forty.store.card_rowid("forty", "c0")
    assert rowid is not None
    far = Memory(State.REVIEW, None, 300.0, 5.0, clock.now().timestamp() + 200 * DAY, 0.0)
    forty.store.record(rowid, forty.store.memory(rowid), far, Rating.EASY, 0.0, 1)
    exam_day = (clock.now() + timedelta(days=30)).date()
    forty.plan(["forty"], exam_day)
    m = moments(Exam("forty", exam_day), clock.now(), clock.tz, 4)
    assert m.window <= forty.store.memory(rowid).due < m.exam
    forty.close()


def test_an_answer_that_would_miss_the_window_is_brought_into_it() -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    m = moments(Exam("d", date(2026, 3, 20)), now, UTC, 4)
    late = Memory(State.REVIEW, None, 50.0, 5.0, now.timestamp() + 40 * DAY, now.timestamp())
    moved = bring_forward(late, m, now.timestamp(), 0.5)
    assert m.window <= moved.due < m.exam and moved.stability == 50.0
    early = Memory(State.REVIEW, None, 2.0, 5.0, now.timestamp() + 2 * DAY, now.timestamp())
    assert bring_forward(early, m, now.timestamp(), 0.5) == early
    inside = now.timestamp() + 17 * DAY  # within the window: scheduled as usual
    assert bring_forward(late, m, inside, 0.5) == late
    assert (m.exam - m.window) == WINDOW_DAYS * DAY


def test_the_predicted_recall_is_fsrs_retrievability_of_the_real_states() -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    exam = Exam("d", date(2026, 3, 22))
    scheduler = Scheduler()
    states = [
        Memory(State.REVIEW, None, 10.0, 5.0, now.timestamp() + DAY, now.timestamp() - 2 * DAY),
        Memory(State.REVIEW, None, 100.0, 3.0, now.timestamp() + DAY, now.timestamp()),
        Memory(),  # never studied: 0
    ]
    plan = make_plan(exam, states, scheduler, 20, now, UTC)
    at = datetime(2026, 3, 22, 4, tzinfo=UTC)
    own = fsrs.Scheduler()
    expected = [
        own.get_card_retrievability(
            fsrs.Card(
                state=fsrs.State.Review,
                stability=m.stability,
                difficulty=m.difficulty,
                last_review=datetime.fromtimestamp(m.last_review, UTC),
            ),
            at,
        )
        for m in states[:2]
    ]
    assert plan.predicted_recall == pytest.approx(sum(expected) / 3, abs=0.01)
    assert f"{plan.predicted_recall:.0%}" in plan.explanation


def test_plan_refuses_a_past_date_and_a_wild_target(forty: Workspace, clock: FixedClock) -> None:
    with pytest.raises(UsageError, match="in the past"):
        forty.plan(["forty"], (clock.now() - timedelta(days=2)).date())
    with pytest.raises(UsageError, match="out of range"):
        forty.plan(["forty"], (clock.now() + timedelta(days=2)).date(), 1.5)
    with pytest.raises(UsageError, match="no exam date is set"):
        forty.plan(["forty"])
    forty.close()


def test_after_the_exam_scheduling_is_normal_again(forty: Workspace, clock: FixedClock) -> None:
    exam_day = (clock.now() + timedelta(days=5)).date()
    forty.plan(["forty"], exam_day, 0.95)
    assert forty.exams() and forty.session().exams
    clock.advance(days=6)
    assert not forty.exams() and not forty.session().exams
    assert forty.today_settings() is forty.settings
    forty.close()
