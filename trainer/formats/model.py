"""What readers give and writers take: decks of entries, media, progress. Plain data."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trainer.core import cloze
from trainer.core.model import CardKind, CardProgress, CardType, Deck, LogRow

__all__ = ["CardProgress", "LogRow"]

Progress = Callable[[int, int], None]
"""Called with (done, total) while a reader goes through a file's notes or rows."""


@functools.lru_cache(maxsize=4096)
def gap_numbers(text: str) -> tuple[int, ...]:
    """A cloze text's gap numbers (remembered: readers and writers ask more than once)."""
    return tuple(cloze.numbers(text))


@dataclass(slots=True)
class Entry:
    """One deck entry, as a deck file writes it (values stripped, never empty).

    A cloze entry's ``back`` may be empty; every other value that is given is
    non-empty text.
    """

    id: str
    front: str
    back: str
    type: CardType = CardType.BASIC
    kind: CardKind = CardKind.OTHER
    tags: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    when: str = ""
    source: str = ""
    note: str = ""
    ask: str = ""
    ask_reverse: str = ""
    accept_reverse: tuple[str, ...] = ()


@dataclass(slots=True)
class ImportedDeck:
    """One deck a file gives.

    Attributes:
        id: The deck id it will have.
        title: Its title.
        origin: Where it comes from, for people (``Anki deck "French::Verbs"``).
        entries: Its entries in order.
        description: Free text.
        tags: Deck-level labels.
        media: Names of the media files its entries refer to.
    """

    id: str
    title: str
    origin: str
    entries: list[Entry] = field(default_factory=list)
    description: str = ""
    tags: tuple[str, ...] = ()
    media: set[str] = field(default_factory=set)


@dataclass(slots=True)
class MediaFile:
    """A media file to extract: its safe name and how to get its bytes (streamed to ``dest``)."""

    name: str
    write_to: Callable[[Path], int]


@dataclass(slots=True)
class Imported:
    """Everything one file gives.

    Attributes:
        source: The file read.
        kind: What it was (``Anki package``, ``CSV``, ...).
        decks: The decks, with at least one entry each.
        media: Media files to extract beside the decks.
        progress: Card states and histories (only when asked for).
        skipped: What was left out, and why (one line each).
        notes: Other things worth saying (a note type read by its first two fields).
        yaml_bytes: For a YAML deck, the file itself (copied as it is).
        yaml_deck: For a YAML deck, the deck it gives.
    """

    source: Path
    kind: str
    decks: list[ImportedDeck] = field(default_factory=list)
    media: list[MediaFile] = field(default_factory=list)
    progress: list[CardProgress] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    yaml_bytes: bytes | None = None
    yaml_deck: Deck | None = None
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Release what reading kept open (a package, a temporary collection)."""
        while self.cleanup:
            self.cleanup.pop()()


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the user asked for.

    Attributes:
        deck_id: The deck id (for a package with several decks, the id of their root).
        with_progress: Bring schedules and review histories too.
        separator: A custom field separator (Quizlet's export dialog lets people pick one).
        row_separator: A custom row separator.
    """

    deck_id: str | None = None
    with_progress: bool = False
    separator: str | None = None
    row_separator: str | None = None


def entries_of(deck: Deck) -> list[Entry]:
    """A loaded deck's entries again, from its cards (what a writer needs).

    A reversed entry's front is its second card's answer and its back the
    first card's answer; a side's question differs from the bare side only
    when the entry has ``ask`` (or ``ask_reverse``).
    """
    out: list[Entry] = []
    by_entry: dict[str, Entry] = {}
    for card in deck.cards:
        common = (card.kind, card.tags, (), card.when, card.source, card.note)
        if card.type is CardType.BASIC:
            kind, tags, _, when, source, note = common
            out.append(
                Entry(
                    card.id,
                    card.front,
                    card.back,
                    card.type,
                    kind,
                    tags,
                    card.accept,
                    when,
                    source,
                    note,
                )
            )
            continue
        entry = by_entry.get(card.entry)
        if entry is None:
            kind, tags, _, when, source, note = common
            entry = Entry(
                card.entry,
                card.front,
                card.back,
                card.type,
                kind,
                tags,
                card.accept,
                when,
                source,
                note,
            )
            by_entry[card.entry] = entry
            out.append(entry)
        if card.type is CardType.REVERSED:
            if card.ordinal == 1:
                entry.back = card.back
                entry.ask = card.front
                entry.accept = card.accept
            else:
                entry.front = card.back
                entry.ask_reverse = card.front
                entry.accept_reverse = card.accept
    for entry in out:
        if entry.type is CardType.REVERSED:
            if entry.ask == entry.front:
                entry.ask = ""
            if entry.ask_reverse == entry.back:
                entry.ask_reverse = ""
    return out
