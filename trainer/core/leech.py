"""Leeches: cards that keep being forgotten.

A lapse is an Again on a card in review. When a card's lapses since its last
reset reach ``leech_threshold`` it is marked as a leech, and by the setting
``leech_action`` also suspended; as in Anki, it is noted again every half
threshold after that (at 8, 12, 16 ... lapses for a threshold of 8), so a leech
brought back into study and still forgotten is caught again.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.core.model import Memory, Rating, State


def is_lapse(before: Memory, rating: Rating) -> bool:
    """Whether answering ``rating`` on a card in state ``before`` is a lapse."""
    return rating is Rating.AGAIN and before.state is State.REVIEW


def leech_due(lapses: int, threshold: int) -> bool:
    """Whether a card with ``lapses`` lapses (this one included) is caught as a leech now."""
    if threshold <= 0 or lapses < threshold:
        return False
    return (lapses - threshold) % max(1, (threshold + 1) // 2) == 0


@dataclass(frozen=True, slots=True)
class Leech:
    """A card caught as a leech by an answer.

    Attributes:
        lapses: Its lapses, this one included.
        suspended: Whether it was suspended for it (``leech_action = "suspend"``).
        was_leech: Whether it was marked as a leech before (undo puts it back).
        was_suspended: Whether it was suspended before.
    """

    lapses: int
    suspended: bool
    was_leech: bool = False
    was_suspended: bool = False
