"""Planning toward an exam date: what to study each day, and the recall to expect.

While an exam date is set for a deck, three things change, and only for that
deck's cards:

1. **New cards come early enough.** Every new card is introduced by the
   *learning deadline* (``LEARN_DAYS`` days before the review window opens),
   so the daily new-card limit is raised to ``ceil(new cards left / days left
   before the deadline)`` when the configured limit would not get there.
2. **Every card is reviewed in the last days before the exam.** The *review
   window* is the last ``WINDOW_DAYS`` study days before the exam day. When an
   answer (or a card's current schedule) would put a card's next review after
   the exam, it is brought forward into the window instead, spread over its
   days. Answers given inside the window are scheduled as usual.
3. **Intervals aim at the target.** FSRS schedules those cards with the
   exam's target recall as its desired retention (0.9 unless ``--target``).

After the exam day scheduling is normal again: nothing is stored in a card
but an earlier due date, and FSRS takes an early review into account.

The predicted recall on exam day is FSRS's retrievability of every card at the
exam, computed from the cards' real memory states as they are now (as if no
more study happened); a card never studied counts as not known. It is never a
made-up figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from trainer.core.model import Memory, State
from trainer.core.scheduler import DAY, Scheduler

WINDOW_DAYS = 3
"""The review window: every card is due at least once in these last study days."""
LEARN_DAYS = 2
"""New cards are all introduced this many days before the review window opens."""


@dataclass(frozen=True, slots=True)
class Exam:
    """An exam date set for a deck.

    Attributes:
        deck_id: The deck.
        day: The exam's date (local).
        target: The recall aimed at on exam day (FSRS's desired retention until then).
    """

    deck_id: str
    day: date
    target: float = 0.9


@dataclass(frozen=True, slots=True)
class Moments:
    """The instants that matter for one exam, as UTC timestamps.

    Attributes:
        exam: The start of the exam's study day.
        window: When the review window opens (never before ``now``).
        deadline: By when every new card is introduced.
    """

    exam: float
    window: float
    deadline: float


def moments(exam: Exam, now: datetime, tz: tzinfo, rollover_hour: int) -> Moments:
    """When the exam, its review window and its learning deadline fall."""
    start = datetime.combine(exam.day, time(rollover_hour), tz).timestamp()
    ts = now.timestamp()
    window = max(ts, start - WINDOW_DAYS * DAY)
    deadline = max(ts, window - LEARN_DAYS * DAY)
    return Moments(start, window, deadline)


def bring_forward(memory: Memory, m: Moments, now: float, fuzz: float) -> Memory:
    """The state with its next review moved into the review window, if it would miss it.

    Args:
        memory: The state FSRS gave (or the card's current state).
        m: The exam's moments.
        now: The time of the answer.
        fuzz: A number in [0, 1) that spreads cards over the window's days.
    """
    if memory.state is State.NEW or now >= m.window or now >= m.exam or memory.due < m.exam:
        return memory
    due = m.window + fuzz * (m.exam - m.window)
    return Memory(
        memory.state,
        memory.step,
        memory.stability,
        memory.difficulty,
        min(memory.due, max(due, now)),
        memory.last_review,
    )


def needed_per_day(new_left: int, m: Moments, now: float) -> int:
    """How many new cards a day introduce every new card by the deadline."""
    days = max(1, math.floor((m.deadline - now) / DAY) + 1)
    return math.ceil(new_left / days)


def new_per_day(new_left: int, configured: int, m: Moments, now: float) -> int:
    """The daily new-card limit that introduces every new card by the deadline."""
    return max(configured, needed_per_day(new_left, m, now)) if new_left else configured


@dataclass(frozen=True, slots=True)
class Plan:
    """What ``trainer plan`` reports for some decks with one exam date.

    Attributes:
        exam: The exam date.
        days_left: Whole days from today to the exam day.
        cards: Cards in the decks (retired ones left out).
        new_left: Cards never studied.
        new_per_day: The daily new-card limit while the exam is set: the
            settings' own, or more when that would not see every card in time.
        configured_new_per_day: What the settings allow without the exam.
        reviews_per_day: Expected reviews a day until the exam (mean).
        peak_reviews: The busiest day's expected reviews.
        predicted_recall: Mean FSRS retrievability of every card at the exam
            if nothing more were studied (new cards count 0).
        target: The recall aimed at.
        needed_new_per_day: The fewest new cards a day that still see every
            card by the learning deadline (the pace to keep, below the limit).
    """

    exam: date
    days_left: int
    cards: int
    new_left: int
    new_per_day: int
    configured_new_per_day: int
    reviews_per_day: float
    peak_reviews: int
    predicted_recall: float
    target: float
    needed_new_per_day: int

    @property
    def explanation(self) -> str:
        """The prediction in one sentence, for the screen."""
        return (
            f"If you studied nothing more, FSRS predicts you would recall"
            f" {self.predicted_recall:.0%} of these {self.cards} cards on exam day"
            " (from each card's memory state now; cards never studied count as not known)."
        )


def predicted_recall(scheduler: Scheduler, memories: Sequence[Memory], at: float) -> float:
    """Mean retrievability of ``memories`` at ``at`` (0 for cards never studied)."""
    if not memories:
        return 0.0
    return sum(scheduler.retrievability(m, at) for m in memories) / len(memories)


def make_plan(
    exam: Exam,
    memories: Sequence[Memory],
    scheduler: Scheduler,
    configured_new_per_day: int,
    now: datetime,
    tz: tzinfo,
) -> Plan:
    """The plan toward ``exam`` for cards in ``memories`` (their current states).

    Expected reviews count, for each day until the exam, the cards due that day
    (with the window's bringing forward), each new card's learning steps on the
    day it is introduced and its review in the window. It is an estimate that
    assumes you recall what you review.
    """
    settings = scheduler.settings
    m = moments(exam, now, tz, settings.day_rollover_hour)
    ts = now.timestamp()
    today = (now.astimezone(tz) - timedelta(hours=settings.day_rollover_hour)).date()
    days_left = max(0, (exam.day - today).days)
    new_left = sum(1 for memory in memories if memory.state is State.NEW)
    per_day = new_per_day(new_left, configured_new_per_day, m, ts)
    horizon = max(1, days_left)
    load = [0] * horizon
    for i, memory in enumerate(memories):
        if memory.state is State.NEW:
            continue
        due = bring_forward(memory, m, ts, (i * 0.618) % 1).due
        day = max(0, math.floor((due - ts) / DAY))
        if day < horizon and due < m.exam:
            load[day] += 1
    # A new card is shown once per learning step on the day it comes in, then
    # once more in the review window.
    steps = 1 + len(settings.learning_steps)
    introduced = new_left
    for day in range(horizon):
        n = min(per_day, introduced)
        load[day] += n * steps
        introduced -= n
    window_days = [d for d in range(horizon) if ts + (d + 1) * DAY > m.window] or [horizon - 1]
    for i in range(new_left):
        load[window_days[i % len(window_days)]] += 1
    return Plan(
        exam.day,
        days_left,
        len(memories),
        new_left,
        per_day,
        configured_new_per_day,
        sum(load) / horizon,
        max(load),
        predicted_recall(scheduler, memories, m.exam),
        exam.target,
        needed_per_day(new_left, m, ts),
    )
