"""The study loop: today's queue, the current card, answer, undo, bury, suspend.

The session is pure logic over a :class:`~trainer.core.queue.StudyStore`. It
keeps only the ids of today's queue (:func:`trainer.core.queue.today`, bounded
by the daily limits) in memory and reads a card's text when the card is shown.
Every answer is handed to the store, which commits it, before the next card is
chosen.
"""

from __future__ import annotations

import heapq
import random
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Literal

from trainer.core.cloze import segments as cloze_segments
from trainer.core.errors import ConflictError
from trainer.core.leech import Leech, is_lapse, leech_due
from trainer.core.model import CardType, Memory, Rating, State, StoredCard
from trainer.core.plan import Moments, bring_forward
from trainer.core.queue import Counts, StudyStore, today
from trainer.core.scheduler import Scheduler, StudyDay, study_day

Segments = list[tuple[str, bool]]
Origin = Literal["learn", "review", "new"]
MAX_ANSWER_SECONDS = 60.0
"""Time on one card counts at most this long (someone who walked away)."""


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
    leech: Leech | None = None


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
        exams: By deck id, the moments of an exam date set for it: answers
            that would put a card's next review after the exam bring it into
            the exam's review window (see trainer.core.plan).
        schedulers: By deck id, a scheduler other than ``scheduler`` (an
            exam's target recall).
    """

    def __init__(
        self,
        store: StudyStore,
        scheduler: Scheduler,
        deck_ids: Sequence[str],
        now: datetime,
        rng: random.Random,
        tz: tzinfo,
        exams: Mapping[str, Moments] | None = None,
        schedulers: Mapping[str, Scheduler] | None = None,
    ) -> None:
        self.store = store
        self.scheduler = scheduler
        self.settings = scheduler.settings
        self.exams = dict(exams or {})
        self.schedulers = dict(schedulers or {})
        self.deck_ids = list(deck_ids)
        self.rng = rng
        self.tz = tz
        self.current: Presented | None = None
        self.studied = 0
        self.again = 0
        self.seconds = 0.0
        self.leech: Leech | None = None
        """The leech the last answer caught, if it caught one (the screen says so)."""
        self._undo: list[_Undo] = []
        self._learn: list[tuple[float, int]] = []
        self._review: deque[int] = deque()
        self._new: deque[int] = deque()
        self._day = study_day(now, tz, self.settings.day_rollover_hour)
        self._build()
        self._advance(now)

    # -- queue -------------------------------------------------------------

    @property
    def day(self) -> StudyDay:
        """The study day the queue was built for."""
        return self._day

    def _build(self) -> None:
        """Take today's queue from the store (after anything that changes it)."""
        queue = today(self.store, self.settings, self.deck_ids, self._day)
        self._learn = queue.learning
        heapq.heapify(self._learn)
        self._review = deque(queue.review)
        self._new = deque(queue.new)
        if self.current is not None:
            self._drop({self.current.card.rowid})

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

    def _next_state(
        self, card: StoredCard, memory: Memory, rating: Rating, now: datetime, fuzz: float
    ) -> Memory:
        """The state after an answer: FSRS, then an exam's review window if one applies."""
        scheduler = self.schedulers.get(card.deck_id, self.scheduler)
        after = scheduler.review(memory, rating, now, fuzz)
        exam = self.exams.get(card.deck_id)
        return bring_forward(after, exam, now.timestamp(), fuzz) if exam else after

    def _present(self, rowid: int, origin: Origin, now: datetime) -> Presented:
        card = self.store.card(rowid)
        memory = self.store.memory(rowid)
        question, answer = render(card)
        fuzz = self.rng.random()
        ts = now.timestamp()
        intervals = {r: self._next_state(card, memory, r, now, fuzz).due - ts for r in Rating}
        return Presented(card, memory, origin, question, answer, now, fuzz, intervals)

    def _advance(self, now: datetime) -> None:
        if study_day(now, self.tz, self.settings.day_rollover_hour).number != self._day.number:
            # A new study day began during the session: today's limits start afresh.
            self._day = study_day(now, self.tz, self.settings.day_rollover_hour)
            self._build()
        taken = self._take(now)
        self.current = self._present(*taken, now) if taken else None

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
        after = self._next_state(p.card, p.memory, rating, now, p.fuzz)
        leech = self._leech(p, rating)
        try:
            log_id = self.store.record(
                p.card.rowid,
                p.memory,
                after,
                rating,
                now.timestamp(),
                round(seconds * 1000),
                leech=leech is not None,
                suspend=leech is not None and leech.suspended,
            )
        except ConflictError:
            # Another trainer answered the card first: take the queue again as
            # it stands (the card comes back only if it is still due).
            self.current = None
            self._build()
            self._advance(now)
            raise
        self._undo.append(_Undo("answer", p, log_id, rating, seconds, leech))
        self.leech = leech
        self.studied += 1
        self.seconds += seconds
        if rating is Rating.AGAIN:
            self.again += 1
        self.current = None
        if self.settings.bury_siblings and p.card.type is not CardType.BASIC:
            # Its siblings leave today's queue and the limits let others in.
            self._build()
        elif (
            after.state in (State.LEARNING, State.RELEARNING)
            and after.due < self._day.end.timestamp()
            and self.store.in_study(p.card.rowid)  # not retired or suspended meanwhile
        ):
            heapq.heappush(self._learn, (after.due, p.card.rowid))
        self._advance(now)

    def _leech(self, p: Presented, rating: Rating) -> Leech | None:
        """The leech this answer catches, if any (core decides; the store records it)."""
        threshold = self.settings.leech_threshold
        if threshold <= 0 or not is_lapse(p.memory, rating):
            return None
        lapses = self.store.lapses(p.card.rowid) + 1
        if not leech_due(lapses, threshold):
            return None
        was_leech, was_suspended = self.store.flags(p.card.rowid)
        return Leech(lapses, self.settings.leech_action == "suspend", was_leech, was_suspended)

    def bury(self, now: datetime) -> None:
        """Hide the current card until tomorrow's study day."""
        p = self.current
        if p is None:
            return
        self.store.set_buried(p.card.rowid, self._day.number)
        self._undo.append(_Undo("bury", p))
        self.leech = None
        self.current = None
        self._build()
        self._advance(now)

    def suspend(self, now: datetime) -> None:
        """Take the current card out of study until it is unsuspended."""
        p = self.current
        if p is None:
            return
        self.store.set_suspended([p.card.rowid], True)
        self._undo.append(_Undo("suspend", p))
        self.leech = None
        self.current = None
        self._build()
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
        self.leech = None
        if u.kind == "answer":
            flags = (u.leech.was_leech, u.leech.was_suspended) if u.leech else None
            # ConflictError: the later answer stands.
            self.store.undo(u.log_id, rowid, p.memory, flags)
            self.studied -= 1
            self.seconds -= u.seconds
            if u.rating is Rating.AGAIN:
                self.again -= 1
        elif u.kind == "bury":
            self.store.set_buried(rowid, 0)
        else:
            self.store.set_suspended([rowid], False)
        # The card comes back with its state as it was, and a fresh clock; the
        # queue is taken again, so the card that was on screen goes back in it.
        self.current = Presented(
            p.card, p.memory, p.origin, p.question, p.answer, now, p.fuzz, p.intervals
        )
        self._build()
        return self.current

    def summary(self, now: datetime) -> Summary:
        """Cards studied, how many Again, time spent, and when the next card is due."""
        ts = now.timestamp()
        next_due = self.store.next_due(self.deck_ids, ts)
        candidates = [next_due] if next_due is not None else []
        if self.store.count_new(self.deck_ids):
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
