"""The card browser's actions on many cards at once, and their undo.

Suspend, unsuspend, bury and reset progress each remember what they
replaced, so ``undo`` takes the last one back, as the study screen's undo
takes back an answer. Pure logic over a :class:`BrowseStore`; time is passed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from trainer.core.model import Memory, Rating, State, StoredCard

Marks = dict[int, tuple[bool, int]]
"""By card row id: (suspended, buried study day)."""

Kind = Literal["suspend", "unsuspend", "bury", "reset"]


@dataclass(frozen=True, slots=True)
class Review:
    """One answer in a card's history."""

    at: float
    rating: Rating
    duration_ms: int
    state_before: State
    interval: float


@dataclass(frozen=True, slots=True)
class CardDetails:
    """Everything the browser shows of one card.

    Attributes:
        recall: FSRS's predicted chance of recalling it now (None if never studied).
        lapses: Agains on it in review since its last reset.
        buried: Hidden until today's study day is over.
        history: Its answers, oldest first.
        resets: When its progress was reset (timestamps), oldest first.
    """

    card: StoredCard
    memory: Memory
    suspended: bool
    leech: bool
    buried: bool
    retired: bool
    lapses: int
    recall: float | None
    history: list[Review]
    resets: list[float]


class BrowseStore(Protocol):
    """What the browser's actions need from the profile's storage."""

    def marks(self, rowids: Sequence[int]) -> Marks:
        """The suspended flag and buried day of some cards."""
        ...

    def set_marks(self, wanted: Mapping[int, tuple[bool, int]]) -> None:
        """Set cards' suspended flags and buried days, in one transaction."""
        ...

    def reset(self, rowids: Sequence[int], at: float) -> list[int]:
        """Make cards new, keeping their history; returns ids to undo it with."""
        ...

    def undo_reset(self, reset_ids: Sequence[int]) -> int:
        """Put back what some resets replaced (ConflictError if answered since)."""
        ...


@dataclass(slots=True)
class Change:
    """One action done, with what it takes to undo it."""

    kind: Kind
    rowids: list[int]
    before: Marks = field(default_factory=dict)
    reset_ids: list[int] = field(default_factory=list)

    def describe(self) -> str:
        """'3 cards suspended'."""
        n = len(self.rowids)
        verb = {"suspend": "suspended", "unsuspend": "unsuspended", "bury": "buried"}.get(
            self.kind, "reset to new"
        )
        return f"{n} card{'s' if n != 1 else ''} {verb}"


class Actions:
    """Browser actions over some cards, with an undo stack.

    Args:
        store: Where the cards' marks and states live.
        today: Today's study day number (a buried card waits until it is over).
    """

    def __init__(self, store: BrowseStore, today: int) -> None:
        self.store = store
        self.today = today
        self._done: list[Change] = []

    @property
    def can_undo(self) -> bool:
        """Whether there is an action to take back."""
        return bool(self._done)

    def suspend(self, rowids: Sequence[int], suspended: bool | None = True) -> Change:
        """Take cards out of study (or bring them back).

        Args:
            suspended: None toggles: the cards come back when every one of them
                is suspended, else they are all suspended.
        """
        before = self.store.marks(rowids)
        if suspended is None:
            suspended = not all(s for s, _ in before.values())
        self.store.set_marks({r: (suspended, b) for r, (_, b) in before.items()})
        change = Change("suspend" if suspended else "unsuspend", list(before), before)
        self._done.append(change)
        return change

    def bury(self, rowids: Sequence[int]) -> Change:
        """Hide cards until today's study day is over."""
        before = self.store.marks(rowids)
        self.store.set_marks({r: (s, self.today) for r, (s, _) in before.items()})
        change = Change("bury", list(before), before)
        self._done.append(change)
        return change

    def reset(self, rowids: Sequence[int], now: datetime) -> Change:
        """Make cards new again; their review history is kept."""
        ids = self.store.reset(rowids, now.timestamp())
        change = Change("reset", list(rowids), reset_ids=ids)
        self._done.append(change)
        return change

    def undo(self) -> Change | None:
        """Take back the last action; None when there is none.

        Raises:
            ConflictError: a reset card was answered since; nothing is undone
                and the action stays on the stack's floor (dropped).
        """
        if not self._done:
            return None
        change = self._done.pop()
        if change.kind == "reset":
            self.store.undo_reset(change.reset_ids)
        else:
            self.store.set_marks(change.before)
        return change
