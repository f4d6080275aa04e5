"""Another program's review history -> our memory states and review-log rows.

Pure: the scheduler, the time zone and the rollover hour are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, tzinfo

from trainer.core.model import Memory, Rating, State
from trainer.core.scheduler import MAX_STABILITY, Scheduler, study_day
from trainer.formats.model import LogRow

REPLAY_FUZZ = 0.5
"""Replayed intervals take the middle of the fuzz range: the result does not depend on chance."""


def replay(scheduler: Scheduler, reviews: Sequence[tuple[float, Rating, int]]) -> list[LogRow]:
    """Answer a new card as the history did, in order, through FSRS.

    Args:
        reviews: (epoch seconds, rating, milliseconds spent), oldest first.

    Returns:
        One log row per review, with the states before and after it.
    """
    rows: list[LogRow] = []
    memory = Memory()
    for at, rating, duration in reviews:
        when = datetime.fromtimestamp(at, UTC)
        after = scheduler.review(memory, rating, when, REPLAY_FUZZ)
        rows.append(LogRow(at, rating, max(0, duration), memory, after))
        memory = after
    return rows


def day_number(ts: float, tz: tzinfo, rollover_hour: int) -> int:
    """The study day (a date ordinal) that contains epoch second ``ts``."""
    return study_day(datetime.fromtimestamp(ts, UTC), tz, rollover_hour).number


def day_start(number: int, tz: tzinfo, rollover_hour: int) -> float:
    """When study day ``number`` begins, in epoch seconds."""
    return datetime.combine(date.fromordinal(number), time(rollover_hour), tz).timestamp()


def from_interval(interval_days: float, ease: float) -> tuple[float, float]:
    """A rough (stability, difficulty) for a card known only by its interval and ease.

    Used only when a card has neither a memory state nor any history: at 90%
    retention the interval is about the stability, and an ease of 250% (new
    cards' default) reads as a middling difficulty of 5, the minimum ease of
    130% as 10.
    """
    stability = min(max(interval_days, 0.1), MAX_STABILITY)
    difficulty = min(10.0, max(1.0, 5.0 + (2.5 - ease) * 5.0 / 1.2))
    return stability, difficulty


def learning_step(state: State, remaining: int, scheduler: Scheduler) -> int:
    """Our step index for a card in (re)learning with ``remaining`` steps left today."""
    steps = (
        scheduler.settings.relearning_steps
        if state is State.RELEARNING
        else scheduler.settings.learning_steps
    )
    if not steps:
        return 0
    return min(max(len(steps) - remaining, 0), len(steps) - 1)
