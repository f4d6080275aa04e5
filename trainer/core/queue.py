"""Today's queue: which cards a study day offers, by one rule for every screen.

The study screen, the home screen and ``trainer decks`` all count with
:func:`today`, so they can never disagree: per deck, the learning cards due
before the study day ends, the review cards due today up to what is left of
the daily review limit, and the new cards in deck order up to what is left of
the daily new-card limit. Buried and suspended cards and the siblings of cards
answered today are left out *before* the limits apply, so burying or
suspending a card lets the next one in (as Anki refills its queue).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from trainer.core.model import Memory, Rating, StoredCard
from trainer.core.scheduler import Settings, StudyDay


class StudyStore(Protocol):
    """What the queue and the session need from the profile's storage."""

    def done_today(self, deck_ids: Sequence[str], since: float) -> dict[str, tuple[int, int]]:
        """Per deck: new cards and reviews answered since ``since``."""
        ...

    def hidden_today(self, deck_ids: Sequence[str], since: float) -> set[int]:
        """Cards whose sibling was answered since ``since``."""
        ...

    def learning_ids(self, deck_id: str, before: float, day: int) -> list[tuple[float, int]]:
        """(due, card) of the deck's learning cards due before ``before``."""
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
        self,
        rowid: int,
        before: Memory,
        after: Memory,
        rating: Rating,
        at: float,
        duration_ms: int,
        leech: bool = False,
        suspend: bool = False,
    ) -> int:
        """Commit an answer (and a leech mark, a suspension); returns the review-log id."""
        ...

    def undo(
        self, log_id: int, rowid: int, before: Memory, flags: tuple[bool, bool] | None = None
    ) -> None:
        """Remove a review-log row and restore the state (and the flags) before it, at once."""
        ...

    def lapses(self, rowid: int) -> int:
        """A card's lapses since its progress was last reset."""
        ...

    def flags(self, rowid: int) -> tuple[bool, bool]:
        """A card's (leech, suspended) marks."""
        ...

    def set_buried(self, rowid: int, day: int) -> None:
        """Hide a card until study day ``day`` is over (0 unburies)."""
        ...

    def set_suspended(self, rowids: Sequence[int], suspended: bool) -> None:
        """Take cards out of (or back into) every queue."""
        ...

    def in_study(self, rowid: int) -> bool:
        """Whether a card is in a queue (not suspended, not retired)."""
        ...

    def next_due(self, deck_ids: Sequence[str], after: float) -> float | None:
        """The earliest due time after ``after`` among started cards."""
        ...

    def count_new(self, deck_ids: Sequence[str]) -> int:
        """How many new cards the decks still hold."""
        ...

    def maintain(self) -> bool:
        """Housekeeping that may take a moment; called when the learner is idle."""
        ...


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


@dataclass(slots=True)
class Today:
    """Today's queue over some decks.

    Attributes:
        learning: (due, card) of learning cards due before the day ends.
        review: Review cards due today, oldest first.
        new: New cards in deck order, deck after deck.
        counts: The same, counted per deck.
    """

    learning: list[tuple[float, int]] = field(default_factory=list)
    review: list[int] = field(default_factory=list)
    new: list[int] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)


def today(store: StudyStore, settings: Settings, deck_ids: Sequence[str], day: StudyDay) -> Today:
    """The cards study day ``day`` offers in ``deck_ids`` (see the module's rule)."""
    since = day.start.timestamp()
    before = day.end.timestamp()
    done = store.done_today(deck_ids, since)
    hidden = store.hidden_today(deck_ids, since) if settings.bury_siblings else set()
    out = Today()
    reviews: list[tuple[float, int]] = []
    for deck_id in deck_ids:
        limits = settings.limits(deck_id)
        new_done, reviews_done = done.get(deck_id, (0, 0))
        learning = store.learning_ids(deck_id, before, day.number)
        left = max(0, limits.reviews_per_day - reviews_done)
        review = store.review_ids(deck_id, before, day.number, left, hidden) if left else []
        left = max(0, limits.new_per_day - new_done)
        new = store.new_ids(deck_id, day.number, left, hidden) if left else []
        out.learning.extend(learning)
        reviews.extend(review)
        out.new.extend(new)
        out.counts[deck_id] = Counts(len(new), len(learning), len(review))
    reviews.sort()
    out.review = [rowid for _, rowid in reviews]
    return out
