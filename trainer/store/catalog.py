"""Deck files -> the profile's card catalog.

A file whose size and mtime (or, failing that, content hash) are unchanged is
not parsed again. A changed deck is re-read and its cards updated in one
transaction: new cards are added, edited cards keep their progress, removed
cards are retired with their history, and come back with it when restored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

from trainer.core.deck import gc_paused, parse_deck
from trainer.core.errors import Problem
from trainer.core.model import Card, Deck
from trainer.store.db import transaction


@dataclass(frozen=True, slots=True)
class DeckSource:
    """A deck file and where it came from (``bundled``, ``user`` or ``argument``)."""

    path: Path
    origin: str


@dataclass(slots=True)
class DeckEntry:
    """What the home screen and ``trainer decks`` know of one deck file."""

    path: str
    origin: str
    key: str | None = None
    title: str = ""
    cards: int = 0
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = False
    shadowed_by: str = ""

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the deck loading."""
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        """The problems worth fixing that do not stop it."""
        return [p for p in self.problems if p.warning]

    @property
    def ok(self) -> bool:
        """Whether the deck loaded and is the one studied under its id."""
        return self.key is not None and not self.errors and not self.shadowed_by


SEP = "\x1f"
"""Joins the items of ``accept`` and ``tags`` in their columns."""


def content_hash(card: Card) -> str:
    """A short hash of everything a card shows, to notice edits."""
    # CardType and CardKind are str enums, so they join as their values.
    text = SEP.join(
        (
            card.front,
            card.back,
            card.type,
            str(card.ordinal),
            card.kind,
            "\x1e".join(card.accept),
            card.when,
            "\x1e".join(card.tags),
            card.source,
            card.extra,
        )
    )
    return blake2b(text.encode(), digest_size=8).hexdigest()


def _problems_json(problems: Sequence[Problem]) -> str:
    return json.dumps(
        [[p.path, p.line, p.column, p.message, p.hint, p.warning] for p in problems],
        ensure_ascii=False,
    )


def _problems_from(text: str) -> list[Problem]:
    return [Problem(a, b, c, d, e, bool(f)) for a, b, c, d, e, f in json.loads(text)]


def _file_hash(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def sync(conn: sqlite3.Connection, sources: Sequence[DeckSource]) -> list[DeckEntry]:
    """Bring the catalog up to date with ``sources`` (in priority order).

    When two files give the same deck id, the first one wins and the other is
    reported as shadowed. A broken deck keeps its cards and progress untouched.

    Returns:
        One entry per source, in the order given.
    """
    entries: list[DeckEntry] = []
    parsed: dict[int, Deck] = {}
    file_rows: dict[int, tuple[object, ...]] = {}
    for source in sources:
        entry, deck, file_row = _read(conn, source)
        if deck is not None:
            parsed[len(entries)] = deck
        if file_row is not None:
            file_rows[len(entries)] = file_row
        entries.append(entry)

    winners: dict[str, DeckEntry] = {}
    for i, entry in enumerate(entries):
        if entry.key is None or entry.errors:
            continue
        if entry.key in winners:
            # Not an error: a copy in the user's folder (or on the command line)
            # deliberately takes the place of the bundled deck with the same id.
            entry.shadowed_by = winners[entry.key].path
            parsed.pop(i, None)
            continue
        winners[entry.key] = entry
        current = conn.execute("SELECT path FROM decks WHERE key = ?", (entry.key,)).fetchone()
        if i not in parsed and (current is None or current[0] != entry.path):
            # The catalog holds this deck from another file: read this one again.
            _, deck, file_row = _read(conn, DeckSource(Path(entry.path), entry.origin), force=True)
            if deck is not None:
                parsed[i] = deck
            if file_row is not None:
                file_rows[i] = file_row
        if i in parsed:
            # The file's cache row is written with the cards, so a crash between
            # the two can never leave a file marked read whose cards are missing.
            with gc_paused(), transaction(conn):
                sync_cards(conn, parsed[i])
                _save_file(conn, file_rows.pop(i))
            entry.parsed = True
    for row in file_rows.values():
        _save_file(conn, row)
    return entries


def _save_file(conn: sqlite3.Connection, row: tuple[object, ...]) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO deck_files (path, size, mtime_ns, hash, deck_key, problems)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        row,
    )


def _read(
    conn: sqlite3.Connection, source: DeckSource, force: bool = False
) -> tuple[DeckEntry, Deck | None, tuple[object, ...] | None]:
    """The cached outcome for an unchanged file, else a fresh parse.

    Returns:
        The entry, the parsed deck (None when cached or broken) and the
        ``deck_files`` row to save (None when nothing changed).
    """
    path = str(source.path)
    entry = DeckEntry(path, source.origin)
    try:
        st = source.path.stat()
    except OSError as exc:
        entry.problems = [Problem(path, 0, 0, f"cannot read the deck: {exc.strerror}")]
        return entry, None, None
    row = conn.execute(
        "SELECT size, mtime_ns, hash, deck_key, problems FROM deck_files WHERE path = ?", (path,)
    ).fetchone()
    if not force and row is not None and row[0] == st.st_size and row[1] == st.st_mtime_ns:
        return _cached(conn, entry, row[3], row[4]), None, None
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        entry.problems = [Problem(path, 0, 0, f"cannot read the deck: {exc.strerror}")]
        return entry, None, None
    digest = _file_hash(data)
    if not force and row is not None and row[2] == digest:
        conn.execute(
            "UPDATE deck_files SET size = ?, mtime_ns = ? WHERE path = ?",
            (st.st_size, st.st_mtime_ns, path),
        )
        return _cached(conn, entry, row[3], row[4]), None, None
    deck, problems = parse_deck(data, path=path, default_id=source.path.stem)
    entry.problems = problems
    file_row = (
        path,
        st.st_size,
        st.st_mtime_ns,
        digest,
        deck.id if deck else None,
        _problems_json(problems),
    )
    if deck is not None:
        entry.key = deck.id
        entry.title = deck.title
        entry.cards = len(deck.cards)
    return entry, deck, file_row


def _cached(
    conn: sqlite3.Connection, entry: DeckEntry, key: str | None, problems: str
) -> DeckEntry:
    entry.problems = _problems_from(problems)
    if key is not None:
        row = conn.execute("SELECT title, cards FROM decks WHERE key = ?", (key,)).fetchone()
        entry.key = key
        if row is not None:
            entry.title, entry.cards = row
    return entry


# The columns a deck file decides, in the order _content gives them.
_CONTENT = (
    "note",
    "ord",
    "type",
    "ordinal",
    "kind",
    "front",
    "back",
    "accept",
    "when_text",
    "tags",
    "source",
    "extra",
    "content_hash",
)


def _content(card: Card, position: int, chash: str) -> tuple[object, ...]:
    """A card's values for the ``_CONTENT`` columns."""
    return (
        card.note,
        position,
        card.type,
        card.ordinal,
        card.kind,
        card.front,
        card.back,
        SEP.join(card.accept),
        card.when,
        SEP.join(card.tags),
        card.source,
        card.extra,
        chash,
    )


def sync_cards(conn: sqlite3.Connection, deck: Deck) -> dict[str, int]:
    """Write one validated deck's cards into the catalog (call inside a transaction).

    Returns:
        How many cards were added, updated, retired and restored.
    """
    conn.execute(
        "INSERT INTO decks (key, title, description, path, cards) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET title = excluded.title,"
        " description = excluded.description, path = excluded.path, cards = excluded.cards",
        (deck.id, deck.title, deck.description, deck.path, len(deck.cards)),
    )
    deck_row = conn.execute("SELECT id FROM decks WHERE key = ?", (deck.id,)).fetchone()[0]
    existing = {
        key: (rowid, chash, retired, ord_)
        for rowid, key, chash, retired, ord_ in conn.execute(
            "SELECT id, key, content_hash, retired, ord FROM cards WHERE deck_id = ?", (deck_row,)
        )
    }
    # Row ids are given here (the transaction holds the write lock), so card
    # states can be inserted alongside without reading the cards back.
    next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM cards").fetchone()[0]
    inserts: list[tuple[object, ...]] = []
    states: list[tuple[int, int, int]] = []
    updates: list[tuple[object, ...]] = []
    moved: list[tuple[int, int]] = []
    restored: list[tuple[int]] = []
    pop = existing.pop
    for position, card in enumerate(deck.cards):
        chash = content_hash(card)
        old = pop(card.id, None)
        row = _content(card, position, chash)
        if old is None:
            inserts.append((next_id, deck_row, card.id, *row))
            states.append((next_id, deck_row, position))
            next_id += 1
            continue
        rowid, old_hash, retired, old_ord = old
        if old_hash != chash or old_ord != position:
            updates.append((*row, rowid))
        if old_ord != position:
            moved.append((position, rowid))
        if retired:
            restored.append((rowid,))
    retire = [(rowid,) for rowid, _, retired, _ in existing.values() if not retired]
    conn.executemany(
        f"INSERT INTO cards (id, deck_id, key, {', '.join(_CONTENT)})"
        f" VALUES ({', '.join('?' * (3 + len(_CONTENT)))})",
        inserts,
    )
    conn.executemany(
        "INSERT INTO card_state (card_id, deck_id, queue, state, due) VALUES (?, ?, 0, 0, ?)",
        states,
    )
    conn.executemany(
        f"UPDATE cards SET {', '.join(f'{c} = ?' for c in _CONTENT)} WHERE id = ?",
        updates,
    )
    conn.executemany("UPDATE card_state SET due = ? WHERE card_id = ? AND state = 0", moved)
    conn.executemany("UPDATE cards SET retired = 1 WHERE id = ?", retire)
    conn.executemany("UPDATE card_state SET queue = -1 WHERE card_id = ?", retire)
    conn.executemany("UPDATE cards SET retired = 0 WHERE id = ?", restored)
    conn.executemany(
        "UPDATE card_state SET queue = CASE WHEN suspended THEN -1 WHEN state = 0 THEN 0"
        " WHEN state = 2 THEN 2 ELSE 1 END WHERE card_id = ?",
        restored,
    )
    return {
        "added": len(inserts),
        "updated": len(updates),
        "retired": len(retire),
        "restored": len(restored),
    }
