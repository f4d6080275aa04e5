"""The domain's plain data: decks, cards, ratings, memory states."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class CardKind(enum.StrEnum):
    """What a card is about; quizzes and timelines use it."""

    DATE = "date"
    PERSON = "person"
    TREATY = "treaty"
    PLACE = "place"
    TERM = "term"
    OTHER = "other"


class CardType(enum.StrEnum):
    """How one deck entry turns into study cards."""

    BASIC = "basic"
    REVERSED = "reversed"
    CLOZE = "cloze"


class Rating(enum.IntEnum):
    """The four grades, numbered as Anki's keys."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class State(enum.IntEnum):
    """Where a card stands in learning. Values are stored in the database."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True, slots=True)
class Card:
    """One study card as a deck defines it.

    A deck entry of type ``reversed`` or ``cloze`` gives several cards that share
    ``entry`` (the entry's id); they are siblings.

    Attributes:
        id: Unique within the deck; with the deck id it is the card's identity.
        front: The question as shown.
        back: The answer as shown.
        type: The entry's type.
        kind: What the card is about.
        entry: The id of the deck entry the card comes from.
        ordinal: For cloze cards the cloze number, for reversed 1 (forward) or 2.
        accept: Other answers a typed reply may give.
        when: A normalised date or range for dated facts.
        tags: Free labels.
        source: Where the fact comes from.
        note: A note shown with the answer (the entry's ``note:``).
        line: The line the entry starts on in its file.
        draft: For a card not yet reviewed, what it was drafted from (the
            entry's ``draft:``, such as the article's sentence); "" once reviewed.
    """

    id: str
    front: str
    back: str
    type: CardType = CardType.BASIC
    kind: CardKind = CardKind.OTHER
    entry: str = ""
    ordinal: int = 1
    accept: tuple[str, ...] = ()
    when: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    line: int = 0
    draft: str = ""


@dataclass(frozen=True, slots=True)
class Deck:
    """A loaded and validated deck.

    Attributes:
        id: The deck id (defaults to the file name without its extension).
        title: Shown on the home screen.
        path: The file it was read from.
        cards: Study cards in deck order.
        description: Free text.
        tags: Free labels.
        warnings: Problems that did not stop loading (such as cards without an id).
    """

    id: str
    title: str
    path: str
    cards: tuple[Card, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Memory:
    """A card's scheduling state: what FSRS knows about it.

    Times are UTC epoch seconds. For a new card ``due`` is 0 and the others empty.
    """

    state: State = State.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: float = 0.0
    last_review: float | None = None


@dataclass(frozen=True, slots=True)
class StoredCard:
    """A card as the store holds it: its row id, its deck's id and its content."""

    rowid: int
    deck_id: str
    id: str
    entry: str
    type: CardType
    ordinal: int
    kind: CardKind
    front: str
    back: str
    accept: tuple[str, ...] = ()
    when: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    draft: str = ""


@dataclass(frozen=True, slots=True)
class LogRow:
    """One answer in a card's history, with the memory states around it."""

    reviewed_at: float
    rating: Rating
    duration_ms: int
    before: Memory
    after: Memory


@dataclass(slots=True)
class CardProgress:
    """A card's schedule and history, keyed by (deck id, card id): what imports and exports carry.

    Attributes:
        buried: Hidden until the end of the current study day.
    """

    deck_id: str
    card_id: str
    memory: Memory
    suspended: bool = False
    buried: bool = False
    log: list[LogRow] = field(default_factory=list)
