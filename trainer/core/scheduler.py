"""FSRS scheduling: settings, the study day, and one review at a given time.

``now`` is always a parameter (an aware datetime) and randomness arrives as a
number drawn by the caller from its own ``random.Random``, so every result here
is reproducible.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from trainer.core.model import Memory, Rating, State

if TYPE_CHECKING:
    import fsrs

MAX_STABILITY = 36_500.0
"""Stability is capped at 100 years: beyond that FSRS's numbers mean nothing."""

DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class DeckLimits:
    """Daily limits of one deck."""

    new_per_day: int
    reviews_per_day: int


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the scheduler and the queue can be told. Defaults need no file."""

    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval: int = 36_500
    fuzz: bool = True
    new_per_day: int = 20
    reviews_per_day: int = 200
    day_rollover_hour: int = 4
    learn_ahead_minutes: int = 20
    bury_siblings: bool = True
    parameters: tuple[float, ...] | None = None
    deck_limits: Mapping[str, DeckLimits] = field(default_factory=dict)
    leech_threshold: int = 8
    """Lapses (Again on a review card) that make a card a leech; 0 never marks one."""
    leech_action: str = "suspend"
    """What happens to a leech besides the mark: ``suspend`` or ``tag`` (the mark only)."""
    quiz_pass_mark: int = 70
    """The percentage of a quiz's questions to answer right to pass it."""
    theme: str = ""
    """The TUI's colour theme ('' keeps the one last chosen in the app)."""

    def limits(self, deck_id: str) -> DeckLimits:
        """The daily limits for ``deck_id`` (a per-deck override or the defaults)."""
        return self.deck_limits.get(deck_id) or DeckLimits(self.new_per_day, self.reviews_per_day)


@dataclass(frozen=True, slots=True)
class StudyDay:
    """One study day: it starts at the rollover hour, local time."""

    number: int
    start: datetime
    end: datetime


def study_day(now: datetime, tz: tzinfo, rollover_hour: int) -> StudyDay:
    """The study day that contains ``now``.

    Args:
        now: An aware datetime.
        tz: The learner's local time zone.
        rollover_hour: The local hour at which a new study day begins.
    """
    local = now.astimezone(tz)
    day = (local - timedelta(hours=rollover_hour)).date()
    start = datetime.combine(day, time(rollover_hour), tz)
    end = datetime.combine(day + timedelta(days=1), time(rollover_hour), tz)
    return StudyDay(day.toordinal(), start.astimezone(UTC), end.astimezone(UTC))


def format_interval(seconds: float) -> str:
    """A short label for an interval: 45s, 1m, 10m, 3h, 4d, 2mo, 1.5y."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{round(seconds)}s"
    minutes = seconds / 60
    if minutes < 59.5:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 23.5:
        return f"{round(hours)}h"
    days = seconds / DAY
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        months = days / 30.4
        return f"{months:.1f}".rstrip("0").rstrip(".") + "mo"
    years = days / 365.25
    return f"{years:.1f}".rstrip("0").rstrip(".") + "y"


def _fuzz_range(days: int, maximum: int) -> tuple[int, int]:
    # The same ranges as FSRS's own fuzz (and Anki's): wider for longer intervals.
    delta = 1.0
    for start, end, factor in ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05)):
        delta += factor * max(min(float(days), end) - start, 0.0)
    low = max(2, round(days - delta))
    high = min(round(days + delta), maximum)
    return min(low, high), high


@functools.cache
def _fsrs_names() -> tuple[dict[State, Any], dict[Any, State], dict[Rating, Any]]:
    """Our states and ratings as FSRS's, and back (``fsrs`` is imported on first use:
    commands that schedule nothing, such as an import, never load it)."""
    import fsrs

    to_fsrs = {
        State.NEW: fsrs.State.Learning,
        State.LEARNING: fsrs.State.Learning,
        State.REVIEW: fsrs.State.Review,
        State.RELEARNING: fsrs.State.Relearning,
    }
    from_fsrs = {
        fsrs.State.Learning: State.LEARNING,
        fsrs.State.Review: State.REVIEW,
        fsrs.State.Relearning: State.RELEARNING,
    }
    return to_fsrs, from_fsrs, {r: fsrs.Rating(int(r)) for r in Rating}


class Scheduler:
    """Turns a memory state and a rating into the next memory state.

    FSRS's own fuzz reads the global random generator, so it is switched off and
    applied here from a number the caller draws.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._engine: fsrs.Scheduler | None = None

    @property
    def _fsrs(self) -> fsrs.Scheduler:
        """FSRS's scheduler, made when first needed."""
        if self._engine is None:
            import fsrs

            s = self.settings
            kwargs: dict[str, object] = {}
            if s.parameters is not None:
                kwargs["parameters"] = s.parameters
            self._engine = fsrs.Scheduler(
                desired_retention=s.desired_retention,
                learning_steps=s.learning_steps,
                relearning_steps=s.relearning_steps,
                maximum_interval=s.maximum_interval,
                enable_fuzzing=False,
                **kwargs,  # type: ignore[arg-type]
            )
        return self._engine

    def check(self) -> None:
        """Make FSRS's scheduler now.

        Raises:
            ValueError: for parameters FSRS refuses.
        """
        self._fsrs  # noqa: B018 (made for its checks)

    def review(self, memory: Memory, rating: Rating, now: datetime, fuzz: float) -> Memory:
        """The memory state after answering ``rating`` at ``now``.

        Args:
            memory: The state before the answer.
            rating: The grade given.
            now: When the answer was given (aware).
            fuzz: A number in [0, 1) that picks the interval within the fuzz range.
        """
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        utc_now = now.astimezone(UTC)
        import fsrs

        to_fsrs, from_fsrs, ratings = _fsrs_names()
        card = fsrs.Card(
            card_id=1,
            state=to_fsrs[memory.state],
            step=0 if memory.state is State.NEW else memory.step,
            stability=memory.stability,
            difficulty=memory.difficulty,
            due=utc_now,
            last_review=(
                datetime.fromtimestamp(memory.last_review, UTC)
                if memory.last_review is not None
                else None
            ),
        )
        after, _ = self._fsrs.review_card(card, ratings[rating], utc_now)
        stability = min(after.stability, MAX_STABILITY) if after.stability is not None else None
        interval = (after.due - utc_now).total_seconds()
        state = from_fsrs[after.state]
        if state is State.REVIEW:
            days = max(1, round(interval / DAY))
            if self.settings.fuzz and days >= 3:
                low, high = _fuzz_range(days, self.settings.maximum_interval)
                # floor, as FSRS does: every day of the range equally likely, none outside it
                days = min(int(fuzz * (high - low + 1)) + low, high)
            interval = days * DAY
        ts = utc_now.timestamp()
        return Memory(state, after.step, stability, after.difficulty, ts + interval, ts)

    def retrievability(self, memory: Memory, at: float) -> float:
        """FSRS's predicted chance of recalling a card at ``at`` (0 for one never studied).

        The forgetting curve ``(1 + factor * t / S) ** -decay`` with the
        scheduler's own decay, ``t`` the days since the last review.
        """
        if memory.last_review is None or memory.stability is None:
            return 0.0
        decay, factor = self.curve()
        elapsed = max(0.0, (at - memory.last_review) / DAY)
        return float((1 + factor * elapsed / memory.stability) ** decay)

    def curve(self) -> tuple[float, float]:
        """The forgetting curve's (decay, factor): recall = (1 + factor * days / S) ** decay."""
        decay = -float(self._fsrs.parameters[20])
        return decay, 0.9 ** (1 / decay) - 1
