"""The study loop: today's queue, the current card, answer, undo, bury, suspend.

The session is pure logic over a :class:`StudyStore`. It keeps only the ids of
today's queue (bounded by the daily limits) in memory and reads a card's text
when the card is shown. Every answer is handed to the store, which commits it,
before the next card is chosen.
"""

from __future__ import annotations

import heapq
import random
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Literal, Protocol

from trainer.core.deck import cloze_segments
from trainer.core.model import CardType, Memory, Rating, State, StoredCard
from trainer.core.scheduler import DeckLimits, Scheduler, StudyDay, study_day

Segments = list[tuple[str, bool]]
Origin = Literal["learn", "review", "new"]
MAX_ANSWER_SECONDS = 60.0
"""Time on one card counts at most this long (someone who walked away)."""


class StudyStore(Protocol):
    """What the session needs from the profile's storage."""

    def done_today(self, deck_ids: Sequence[str], since: float) -> dict[str, tuple[int, int]]:
        """Per deck: new cards and reviews answered since ``since``."""
        ...

    def hidden_today(self, deck_ids: Sequence[str], since: float) -> set[int]:
        """Cards whose sibling was answered since ``since``."""
        ...

    def learning_ids(
        self, deck_ids: Sequence[str], before: float, day: int
    ) -> list[tuple[float, int]]:
        """(due, card) of learning cards due before ``before``."""
        ...

    def review_ids(
        self, deck_id: str, before: float, day: int, limit: int, hidden: set[int]
    ) -> list[tuple[float, int]]:
        """(due, card) of review cards due before ``before``, at most ``limit``."""
        ...

    def new_ids(self, deck_id: str, day: int, limit: int, hidden: set[int]) -> list[int]:
        """New cards in deck order, at most ``limit``."""
        ...

    def card(self, rowid: int) -> StoredCard:
        """One card's content."""
        ...

    def memory(self, rowid: int) -> Memory:
        """One card's memory state."""
        ...

    def record(
        self, rowid: int, before: Memory, after: Memory, rating: Rating, at: float, duration_ms: int
    ) -> int:
        """Commit an answer; returns the review-log id."""
        ...

    def undo(self, log_id: int, rowid: int, before: Memory) -> None:
        """Remove a review-log row and restore the state before it, at once."""
        ...

    def set_buried(self, rowid: int, day: int) -> None:
        """Hide a card until study day ``day`` is over (0 unburies)."""
        ...

    def set_suspended(self, rowid: int, suspended: bool) -> None:
        """Take a card out of (or back into) every queue."""
        ...

    def siblings(self, rowid: int) -> list[int]:
        """The other cards of the same deck entry."""
        ...

    def next_due(self, deck_ids: Sequence[str], after: float) -> float | None:
        """The earliest due time after ``after`` among started cards."""
        ...

    def count_new(self, deck_ids: Sequence[str], day: int) -> int:
        """How many new cards the decks still hold."""
        ...

    def maintain(self) -> bool:
        """Housekeeping that may take a moment; called when the learner is idle."""
        ...


@dataclass(slots=True)
class Presented:
    """The card on screen, ready to show."""

    card: StoredCard
    memory: Memory
    origin: Origin
    question: Segments
    answer: Segments
    shown_at: datetime
    fuzz: float
    intervals: dict[Rating, float]


@dataclass(frozen=True, slots=True)
class Counts:
    """Cards left in today's queue, by kind."""

    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        """All three together."""
        return self.new + self.learning + self.review


@dataclass(frozen=True, slots=True)
class Summary:
    """What a finished (or stopped) session reports."""

    studied: int
    again: int
    seconds: float
    next_due: datetime | None
    learning_later: int


@dataclass(slots=True)
class _Undo:
    kind: Literal["answer", "bury", "suspend"]
    presented: Presented
    log_id: int = 0
    rating: Rating | None = None
    seconds: float = 0.0
    hidden: list[int] = field(default_factory=list)


def render(card: StoredCard) -> tuple[Segments, Segments]:
    """The question and answer of a card as ``(text, highlighted)`` segments."""
    if card.type is CardType.CLOZE:
        question = cloze_segments(card.front, card.ordinal, reveal=False)
        answer = cloze_segments(card.front, card.ordinal, reveal=True)
        if card.back:
            answer.append(("\n\n" + card.back, False))
        return question, answer
    return [(card.front, False)], [(card.back, False)]


class Session:
    """One sitting of study over some decks.

    Args:
        store: Where cards and progress live.
        scheduler: FSRS with the learner's settings.
        deck_ids: The decks to study.
        now: The time the session starts (aware).
        rng: Draws the interval fuzz; seed it for reproducible runs.
        tz: The learner's local time zone, for the study day.
    """

    def __init__(
        self,
        store: StudyStore,
        scheduler: Scheduler,
        deck_ids: Sequence[str],
        now: datetime,
        rng: random.Random,
        tz: tzinfo,
    ) -> None:
        self.store = store
        self.scheduler = scheduler
        self.settings = scheduler.settings
        self.deck_ids = list(deck_ids)
        self.rng = rng
        self.tz = tz
        self.current: Presented | None = None
        self.studied = 0
        self.again = 0
        self.seconds = 0.0
        self._undo: list[_Undo] = []
        self._learn: list[tuple[float, int]] = []
        self._review: deque[int] = deque()
        self._new: deque[int] = deque()
        self._day = study_day(now, tz, self.settings.day_rollover_hour)
        self._build(now)
        self._advance(now)

    # -- queue -------------------------------------------------------------

    @property
    def day(self) -> StudyDay:
        """The study day the queue was built for."""
        return self._day

    def _build(self, now: datetime) -> None:
        day = self._day
        since = day.start.timestamp()
        before = day.end.timestamp()
        done = self.store.done_today(self.deck_ids, since)
        hidden = (
            self.store.hidden_today(self.deck_ids, since) if self.settings.bury_siblings else set()
        )
        self._learn = self.store.learning_ids(self.deck_ids, before, day.number)
        heapq.heapify(self._learn)
        reviews: list[tuple[float, int]] = []
        new: list[int] = []
        for deck_id in self.deck_ids:
            limits = self.settings.limits(deck_id)
            new_done, reviews_done = done.get(deck_id, (0, 0))
            left = max(0, limits.reviews_per_day - reviews_done)
            if left:
                reviews.extend(self.store.review_ids(deck_id, before, day.number, left, hidden))
            left = max(0, limits.new_per_day - new_done)
            if left:
                new.extend(self.store.new_ids(deck_id, day.number, left, hidden))
        reviews.sort()
        self._review = deque(rowid for _, rowid in reviews)
        self._new = deque(new)

    def _take(self, now: datetime) -> tuple[int, Origin] | None:
        ts = now.timestamp()
        if self._learn and self._learn[0][0] <= ts:
            return heapq.heappop(self._learn)[1], "learn"
        if self._review:
            return self._review.popleft(), "review"
        if self._new:
            return self._new.popleft(), "new"
        ahead = ts + self.settings.learn_ahead_minutes * 60
        if self._learn and self._learn[0][0] <= ahead:
            return heapq.heappop(self._learn)[1], "learn"
        return None

    def _present(self, rowid: int, origin: Origin, now: datetime) -> Presented:
        card = self.store.card(rowid)
        memory = self.store.memory(rowid)
        question, answer = render(card)
        fuzz = self.rng.random()
        return Presented(
            card,
            memory,
            origin,
            question,
            answer,
            now,
            fuzz,
            self.scheduler.preview(memory, now, fuzz),
        )

    def _advance(self, now: datetime) -> None:
        if study_day(now, self.tz, self.settings.day_rollover_hour).number != self._day.number:
            # A new study day began during the session: today's limits start afresh.
            self._day = study_day(now, self.tz, self.settings.day_rollover_hour)
            self._build(now)
        taken = self._take(now)
        self.current = self._present(*taken, now) if taken else None

    def _requeue(self, p: Presented) -> None:
        """Put a card back at the head of the queue it came from."""
        rowid = p.card.rowid
        if p.origin == "learn":
            heapq.heappush(self._learn, (p.memory.due, rowid))
        elif p.origin == "review":
            self._review.appendleft(rowid)
        else:
            self._new.appendleft(rowid)

    def _drop(self, rowids: set[int]) -> None:
        if not rowids:
            return
        self._learn = [item for item in self._learn if item[1] not in rowids]
        heapq.heapify(self._learn)
        self._review = deque(r for r in self._review if r not in rowids)
        self._new = deque(r for r in self._new if r not in rowids)

    @property
    def counts(self) -> Counts:
        """Cards left today (the current card included), by kind."""
        learning = len(self._learn)
        review = len(self._review)
        new = len(self._new)
        if self.current is not None:
            if self.current.origin == "learn":
                learning += 1
            elif self.current.origin == "review":
                review += 1
            else:
                new += 1
        return Counts(new, learning, review)

    @property
    def progress(self) -> tuple[int, int]:
        """(answers given, answers given + cards left) for a progress bar."""
        return self.studied, self.studied + self.counts.total

    # -- actions -----------------------------------------------------------

    def answer(self, rating: Rating, now: datetime) -> None:
        """Grade the current card, commit it, and move on to the next card."""
        p = self.current
        if p is None:
            raise RuntimeError("no card to answer")
        seconds = min(max(0.0, (now - p.shown_at).total_seconds()), MAX_ANSWER_SECONDS)
        after = self.scheduler.review(p.memory, rating, now, p.fuzz)
        log_id = self.store.record(
            p.card.rowid, p.memory, after, rating, now.timestamp(), round(seconds * 1000)
        )
        hidden: list[int] = []
        if self.settings.bury_siblings and p.card.type is not CardType.BASIC:
            hidden = [
                s
                for s in self.store.siblings(p.card.rowid)
                if self._queued(s) and not self._is_learning(s)
            ]
            self._drop(set(hidden))
        self._undo.append(_Undo("answer", p, log_id, rating, seconds, hidden))
        self.studied += 1
        self.seconds += seconds
        if rating is Rating.AGAIN:
            self.again += 1
        if (
            after.state in (State.LEARNING, State.RELEARNING)
            and after.due < self._day.end.timestamp()
        ):
            heapq.heappush(self._learn, (after.due, p.card.rowid))
        self._advance(now)

    def _queued(self, rowid: int) -> bool:
        return rowid in self._review or rowid in self._new or self._is_learning(rowid)

    def _is_learning(self, rowid: int) -> bool:
        return any(r == rowid for _, r in self._learn)

    def bury(self, now: datetime) -> None:
        """Hide the current card until tomorrow's study day."""
        p = self.current
        if p is None:
            return
        self.store.set_buried(p.card.rowid, self._day.number)
        self._undo.append(_Undo("bury", p))
        self._advance(now)

    def suspend(self, now: datetime) -> None:
        """Take the current card out of study until it is unsuspended."""
        p = self.current
        if p is None:
            return
        self.store.set_suspended(p.card.rowid, True)
        self._undo.append(_Undo("suspend", p))
        self._advance(now)

    def idle(self) -> None:
        """Let the store tidy up while the learner reads (never between answer and next card)."""
        self.store.maintain()

    @property
    def can_undo(self) -> bool:
        """Whether there is an action to take back."""
        return bool(self._undo)

    def undo(self, now: datetime) -> Presented | None:
        """Take back the last answer, bury or suspend; its card is shown again.

        Returns:
            The card shown again, or None when there was nothing to undo.
        """
        if not self._undo:
            return None
        u = self._undo.pop()
        p = u.presented
        rowid = p.card.rowid
        if u.kind == "answer":
            self.store.undo(u.log_id, rowid, p.memory)
            self._drop({rowid})
            self.studied -= 1
            self.seconds -= u.seconds
            if u.rating is Rating.AGAIN:
                self.again -= 1
            for sibling in u.hidden:
                memory = self.store.memory(sibling)
                if memory.state is State.NEW:
                    self._new.appendleft(sibling)
                elif memory.state is State.REVIEW:
                    self._review.appendleft(sibling)
        elif u.kind == "bury":
            self.store.set_buried(rowid, 0)
        else:
            self.store.set_suspended(rowid, False)
        if self.current is not None:
            self._requeue(self.current)
        # The card comes back with its state as it was, and a fresh clock.
        self.current = Presented(
            p.card, p.memory, p.origin, p.question, p.answer, now, p.fuzz, p.intervals
        )
        return self.current

    def summary(self, now: datetime) -> Summary:
        """Cards studied, how many Again, time spent, and when the next card is due."""
        ts = now.timestamp()
        next_due = self.store.next_due(self.deck_ids, ts)
        candidates = [next_due] if next_due is not None else []
        if self.store.count_new(self.deck_ids, self._day.number):
            candidates.append(self._day.end.timestamp())
        due = min(candidates) if candidates else None
        return Summary(
            self.studied,
            self.again,
            self.seconds,
            datetime.fromtimestamp(due, UTC) if due is not None else None,
            len(self._learn),
        )


def describe_due(due: datetime | None, now: datetime, tz: tzinfo) -> str:
    """Say in words when the next card is due: 'in 8 minutes', 'tomorrow at 04:00'."""
    if due is None:
        return "No card is scheduled: the decks hold no cards left to learn."
    delta = (due - now).total_seconds()
    if delta <= 60:
        return "The next card is due now."
    if delta < 3600:
        minutes = round(delta / 60)
        return f"The next card is due in {minutes} minute{'s' if minutes != 1 else ''}."
    local_due = due.astimezone(tz)
    local_now = now.astimezone(tz)
    days = (local_due.date() - local_now.date()).days
    clock = local_due.strftime("%H:%M")
    if days == 0:
        return f"The next card is due today at {clock}."
    if days == 1:
        return f"The next card is due tomorrow at {clock}."
    if days < 7:
        return f"The next card is due on {local_due.strftime('%A')} at {clock}."
    return f"The next card is due on {local_due.strftime('%d %B %Y')}."


def limited_counts(
    new: int, learning: int, review: int, new_done: int, reviews_done: int, limits: DeckLimits
) -> Counts:
    """What a deck shows for today: available cards cut to what its limits leave."""
    return Counts(
        min(new, max(0, limits.new_per_day - new_done)),
        learning,
        min(review, max(0, limits.reviews_per_day - reviews_done)),
    )
