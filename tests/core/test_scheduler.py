"""The scheduler with a fixed clock and exact intervals, plus hypothesis properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.model import Memory, Rating, State
from trainer.core.scheduler import (
    MAX_STABILITY,
    Scheduler,
    Settings,
    format_interval,
    study_day,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MIN = 60.0
DAY = 86400.0


def _preview(s: Scheduler, memory: Memory, now: datetime, fuzz: float) -> dict[Rating, float]:
    """The interval in seconds each rating would give, with the same fuzz."""
    return {r: s.review(memory, r, now, fuzz).due - now.timestamp() for r in Rating}


def test_new_card_intervals_follow_the_learning_steps() -> None:
    s = Scheduler(Settings(fuzz=False))
    p = _preview(s, Memory(), T0, 0.5)
    assert p[Rating.AGAIN] == 1 * MIN
    assert p[Rating.HARD] == 5.5 * MIN  # halfway between the 1m and 10m steps
    assert p[Rating.GOOD] == 10 * MIN
    assert p[Rating.EASY] == 8 * DAY  # FSRS-6 default initial stability for Easy, rounded


def test_learning_card_graduates_after_the_last_step() -> None:
    s = Scheduler(Settings(fuzz=False))
    m1 = s.review(Memory(), Rating.GOOD, T0, 0.5)
    assert m1.state is State.LEARNING and m1.step == 1 and m1.due == T0.timestamp() + 600
    m2 = s.review(m1, Rating.GOOD, T0 + timedelta(minutes=10), 0.5)
    assert m2.state is State.REVIEW and m2.step is None
    assert m2.due - m2.last_review == 2 * DAY  # type: ignore[operator]


def test_lapse_goes_to_relearning_for_ten_minutes() -> None:
    s = Scheduler(Settings(fuzz=False))
    m = Memory(State.REVIEW, None, 10.0, 5.0, T0.timestamp(), T0.timestamp() - 10 * DAY)
    after = s.review(m, Rating.AGAIN, T0, 0.5)
    assert after.state is State.RELEARNING and after.due - T0.timestamp() == 10 * MIN


def test_fuzz_is_drawn_by_the_caller() -> None:
    s = Scheduler(Settings(fuzz=True))
    m = Memory(State.REVIEW, None, 30.0, 5.0, T0.timestamp(), T0.timestamp() - 30 * DAY)
    low = s.review(m, Rating.GOOD, T0, 0.0).due
    high = s.review(m, Rating.GOOD, T0, 0.999).due
    assert low < high
    assert s.review(m, Rating.GOOD, T0, 0.3).due == s.review(m, Rating.GOOD, T0, 0.3).due


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        Scheduler().review(Memory(), Rating.GOOD, datetime(2026, 1, 1), 0.5)


def test_study_day_rolls_over_at_four_local() -> None:
    tz = timezone(timedelta(hours=2))
    before = study_day(datetime(2026, 3, 2, 1, 59, tzinfo=UTC), tz, 4)  # 03:59 local
    after = study_day(datetime(2026, 3, 2, 2, 0, tzinfo=UTC), tz, 4)  # 04:00 local
    assert after.number == before.number + 1
    assert after.start == datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    assert after.end - after.start == timedelta(days=1)


@pytest.mark.parametrize(
    ("seconds", "label"),
    [
        (30, "30s"),
        (60, "1m"),
        (330, "6m"),
        (600, "10m"),
        (3 * 3600, "3h"),
        (86400, "1d"),
        (3 * 86400, "3d"),
        (45 * 86400, "1.5mo"),
        (365 * 86400, "1y"),
        (800 * 86400, "2.2y"),
    ],
)
def test_format_interval(seconds: float, label: str) -> None:
    assert format_interval(seconds) == label


memories = st.builds(
    Memory,
    state=st.sampled_from(list(State)),
    step=st.sampled_from([0, 1]),
    stability=st.floats(0.01, 40000),
    difficulty=st.floats(1, 10),
    due=st.just(0.0),
    last_review=st.floats(T0.timestamp() - 3000 * DAY, T0.timestamp()),
).map(lambda m: Memory(State.NEW) if m.state is State.NEW else m)


@settings(max_examples=300, deadline=None)
@given(memories, st.floats(0, 0.999), st.integers(0, 5000))
def test_properties(memory: Memory, fuzz: float, minutes: int) -> None:
    s = Scheduler()
    now = T0 + timedelta(minutes=minutes)
    p = _preview(s, memory, now, fuzz)
    assert all(v > 0 for v in p.values()), "intervals are never negative or zero"
    assert p[Rating.GOOD] >= p[Rating.HARD], "Good is never shorter than Hard"
    assert p[Rating.EASY] >= p[Rating.GOOD]
    after = s.review(memory, Rating.GOOD, now, fuzz)
    assert after.stability is not None and 0 < after.stability <= MAX_STABILITY
    assert after.due - now.timestamp() <= 36500 * DAY
    # a state round-trips through its stored form
    stored = (
        int(after.state),
        after.step,
        after.stability,
        after.difficulty,
        after.due,
        after.last_review,
    )
    assert Memory(State(stored[0]), *stored[1:]) == after


def test_fuzz_spreads_easy_over_the_documented_range() -> None:
    """Easy on identical new cards: the fuzz range is FSRS's own, as docs/config.md says."""
    import re
    from pathlib import Path

    from trainer.core.scheduler import _fuzz_range

    plain = Scheduler(Settings(fuzz=False))
    fuzzed = Scheduler(Settings())
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    base = round((plain.review(Memory(), Rating.EASY, now, 0.5).due - now.timestamp()) / 86400)
    low, high = _fuzz_range(base, 36500)
    days = {
        round((fuzzed.review(Memory(), Rating.EASY, now, i / 200).due - now.timestamp()) / 86400)
        for i in range(200)
    }
    assert days == set(range(low, high + 1))  # every day of the range, nothing outside it
    doc = (Path(__file__).parents[2] / "docs" / "config.md").read_text(encoding="utf-8")
    rows = re.findall(r"\| (\d+) days? \| (\d+)–(\d+) days", doc)
    assert len(rows) >= 4
    for interval, first, last in rows:
        assert _fuzz_range(int(interval), 36500) == (int(first), int(last)), interval
