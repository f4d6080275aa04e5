"""Deck files -> the profile's card catalog.

A file whose size and mtime (or, failing that, content hash) are unchanged is
not parsed again. A changed deck is re-read and its cards updated in one
transaction: new cards are added, edited cards keep their progress, removed
cards are retired with their history, and come back with it when restored.
"""

from __future__ import annotations

import enum
import json
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

from trainer.core.deck import gc_paused, parse_deck
from trainer.core.deckfiles import read_deck_bytes
from trainer.core.errors import DeckError, Problem
from trainer.core.model import Card, CardType, Deck
from trainer.store.db import fold, transaction


@dataclass(frozen=True, slots=True)
class DeckSource:
    """A deck file and where it came from (``bundled``, ``user`` or ``argument``)."""

    path: Path
    origin: str


class DeckStatus(enum.StrEnum):
    """What became of a deck file."""

    OK = "ok"
    """It loaded, and its cards are the ones studied under its deck id."""
    BROKEN = "broken"
    """It has errors: its cards and progress stay as they were until it is fixed."""
    REPLACED = "replaced"
    """A file of higher priority (a copy in the user's folder) has the same deck id."""


@dataclass(slots=True)
class DeckFile:
    """What the home screen and ``trainer decks`` know of one deck file.

    Attributes:
        path: The file.
        origin: ``bundled``, ``user`` or ``argument``.
        deck_id: The deck id it gives (for a broken file, the id it claims:
            the one it last loaded with, its ``id:`` line, or its file name).
        title: The deck's title.
        cards: How many study cards it gives.
        description: The deck's description.
        tags: The deck's tags.
        problems: Errors and warnings found in it.
        parsed: Whether it was read this time (False when the cache answered).
        status: OK, BROKEN or REPLACED.
        replaced_by: For a REPLACED file, the path of the file studied instead.
    """

    path: str
    origin: str
    deck_id: str = ""
    title: str = ""
    cards: int = 0
    description: str = ""
    tags: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = False
    status: DeckStatus = DeckStatus.OK
    replaced_by: str = ""

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
        return self.status is DeckStatus.OK

    @property
    def status_text(self) -> str:
        """Why the deck is not studied, in a few words ('' when it is)."""
        if self.status is DeckStatus.REPLACED:
            return f"replaced by {self.replaced_by}"
        if self.status is DeckStatus.BROKEN:
            n = len(self.errors)
            return f"broken: {n} error{'s' if n != 1 else ''}"
        return ""

    @property
    def label(self) -> str:
        """How to name the deck to a person: its title, else its id, else its file name."""
        return self.title or self.deck_id or Path(self.path).name


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
            card.note,
            card.draft,
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


def sync(conn: sqlite3.Connection, sources: Sequence[DeckSource]) -> list[DeckFile]:
    """Bring the catalog up to date with ``sources`` (in priority order).

    When two files give the same deck id, the first one wins and the other is
    REPLACED. A broken file still claims its deck id, so a broken copy of a
    bundled deck keeps that deck's cards untouched until it is fixed, rather
    than letting the bundled deck take its place.

    Returns:
        One entry per source, in the order given.
    """
    files: list[DeckFile] = []
    parsed: dict[int, Deck] = {}
    file_rows: dict[int, tuple[object, ...]] = {}
    for source in sources:
        entry, deck, file_row = _read(conn, source)
        if deck is not None:
            parsed[len(files)] = deck
        if file_row is not None:
            file_rows[len(files)] = file_row
        files.append(entry)

    winners: dict[str, DeckFile] = {}
    for i, entry in enumerate(files):
        if not entry.deck_id:
            continue
        if entry.deck_id in winners:
            # Not an error: a copy in the user's folder (or on the command line)
            # deliberately takes the place of the bundled deck with the same id.
            if entry.status is DeckStatus.OK:
                entry.status = DeckStatus.REPLACED
                entry.replaced_by = winners[entry.deck_id].path
            parsed.pop(i, None)
            continue
        winners[entry.deck_id] = entry
        if entry.status is DeckStatus.BROKEN:
            continue
        current = conn.execute(
            "SELECT path FROM decks WHERE deck_id = ?", (entry.deck_id,)
        ).fetchone()
        if i not in parsed and (current is None or current[0] != entry.path):
            # The catalog holds this deck from another file: read this one again.
            again, deck, file_row = _read(conn, DeckSource(Path(entry.path), entry.origin), True)
            if deck is None:
                files[i] = again
                continue
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
    with transaction(conn):
        for row in file_rows.values():
            _save_file(conn, row)
        # A card retired by another process while this one had it queued may
        # have been answered back into a queue: take it out again.
        conn.execute(
            "UPDATE card_state SET queue = -1 WHERE queue <> -1"
            " AND card_rowid IN (SELECT rowid FROM cards WHERE retired)"
        )
    return files


def file_row(path: str, st: os.stat_result, data: bytes, deck_id: str) -> tuple[object, ...]:
    """The ``deck_files`` row of a deck file that loads cleanly (see :func:`save_file`)."""
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return (path, *stamp, _file_hash(data), deck_id, "[]")


def save_file(conn: sqlite3.Connection, row: tuple[object, ...]) -> None:
    """Remember what was read from a deck file, so an unchanged file is not parsed again."""
    _save_file(conn, row)


def _save_file(conn: sqlite3.Connection, row: tuple[object, ...]) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO deck_files"
        " (path, size, mtime_ns, ctime_ns, inode, hash, deck_id, problems)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )


_ID_LINE = re.compile(rb"^id:[ \t]*['\"]?([^'\"\r\n#]*?)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def claimed_id(data: bytes, stem: str) -> str:
    """The deck id a file that does not load means to have: its ``id:`` line or its name."""
    m = _ID_LINE.search(data[:65536])
    if m:
        try:
            value = m.group(1).decode("utf-8").strip()
        except UnicodeDecodeError:
            value = ""
        if value and "\n" not in value:
            return value
    return stem


def _read(
    conn: sqlite3.Connection, source: DeckSource, force: bool = False
) -> tuple[DeckFile, Deck | None, tuple[object, ...] | None]:
    """The cached outcome for an unchanged file, else a fresh parse.

    Returns:
        The entry, the parsed deck (None when cached or broken) and the
        ``deck_files`` row to save (None when nothing changed).
    """
    path = str(source.path)
    entry = DeckFile(path, source.origin)
    try:
        st = source.path.stat()
    except OSError as exc:
        entry.problems = [Problem(path, 0, 0, f"cannot read the deck: {exc.strerror}")]
        entry.status = DeckStatus.BROKEN
        return entry, None, None
    row = conn.execute(
        "SELECT size, mtime_ns, hash, deck_id, problems, ctime_ns, inode FROM deck_files"
        " WHERE path = ?",
        (path,),
    ).fetchone()
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    if not force and row is not None and (row[0], row[1], row[5], row[6]) == stamp:
        return _cached(conn, entry, row[3], row[4]), None, None
    try:
        data = read_deck_bytes(source.path)
    except DeckError as exc:
        entry.problems = exc.problems
        entry.status = DeckStatus.BROKEN
        entry.deck_id = (row[3] if row is not None else "") or source.path.stem
        return entry, None, None
    digest = _file_hash(data)
    if not force and row is not None and row[2] == digest:
        # The same bytes under a new stamp: remember the stamp (saved with the rest).
        return _cached(conn, entry, row[3], row[4]), None, (path, *stamp, digest, row[3], row[4])
    deck, problems = parse_deck(data, path=path, default_id=source.path.stem)
    entry.problems = problems
    if deck is not None:
        entry.deck_id = deck.id
        entry.title = deck.title
        entry.cards = len(deck.cards)
        entry.description = deck.description
        entry.tags = deck.tags
    else:
        entry.status = DeckStatus.BROKEN
        # The id it last loaded with, else the one it names.
        entry.deck_id = (row[3] if row is not None and row[3] else "") or claimed_id(
            data, source.path.stem
        )
    file_row = (path, *stamp, digest, entry.deck_id, _problems_json(problems))
    return entry, deck, file_row


def _cached(conn: sqlite3.Connection, entry: DeckFile, deck_id: str, problems: str) -> DeckFile:
    entry.problems = _problems_from(problems)
    entry.deck_id = deck_id or ""
    if entry.errors:
        entry.status = DeckStatus.BROKEN
    row = conn.execute(
        "SELECT title, cards, description, tags, path FROM decks WHERE deck_id = ?", (deck_id,)
    ).fetchone()
    if row is not None and (entry.status is DeckStatus.OK or row[4] == entry.path):
        entry.title, entry.cards, entry.description = row[:3]
        entry.tags = tuple(row[3].split(SEP)) if row[3] else ()
    return entry


# The columns a deck file decides, in the order _content gives them.
_CONTENT = (
    "entry_id",
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
    "note",
    "draft",
    "content_hash",
    "folded",
)


def _content(card: Card, position: int, chash: str) -> tuple[object, ...]:
    """A card's values for the ``_CONTENT`` columns (a cloze card's text is in entry_texts).

    ``folded`` is the text a search looks in, folded once here (schema 7).
    """
    front = "" if card.type is CardType.CLOZE else card.front
    accept = SEP.join(card.accept)
    return (
        card.entry,
        position,
        card.type,
        card.ordinal,
        card.kind,
        front,
        card.back,
        accept,
        card.when,
        SEP.join(card.tags),
        card.source,
        card.note,
        card.draft,
        chash,
        fold(SEP.join((front, card.back, accept, card.note, card.source))),
    )


_CHUNK = 5000
"""New cards written at a time."""


def sync_cards(conn: sqlite3.Connection, deck: Deck) -> None:
    """Write one validated deck's cards into the catalog (call inside a transaction)."""
    conn.execute(
        "INSERT INTO decks (deck_id, title, description, path, cards, tags)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (deck_id) DO UPDATE SET title = excluded.title,"
        " description = excluded.description, path = excluded.path, cards = excluded.cards,"
        " tags = excluded.tags",
        (deck.id, deck.title, deck.description, deck.path, len(deck.cards), SEP.join(deck.tags)),
    )
    deck_rowid = conn.execute("SELECT rowid FROM decks WHERE deck_id = ?", (deck.id,)).fetchone()[0]
    existing = {
        card_id: (rowid, chash, retired, ord_)
        for rowid, card_id, chash, retired, ord_ in conn.execute(
            "SELECT rowid, card_id, content_hash, retired, ord FROM cards WHERE deck_rowid = ?",
            (deck_rowid,),
        )
    }
    # Row ids are given here (the transaction holds the write lock), so card
    # states can be inserted alongside without reading the cards back.
    next_rowid = conn.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM cards").fetchone()[0]
    inserts: list[tuple[object, ...]] = []
    states: list[tuple[int, int, int]] = []
    updates: list[tuple[object, ...]] = []
    moved: list[tuple[int, int]] = []
    restored: list[tuple[int]] = []
    pop = existing.pop

    def insert_new() -> None:
        # In chunks: a new 100,000-card deck never holds every row in memory at once.
        conn.executemany(
            f"INSERT INTO cards (rowid, deck_rowid, card_id, {', '.join(_CONTENT)})"
            f" VALUES ({', '.join('?' * (3 + len(_CONTENT)))})",
            inserts,
        )
        conn.executemany(
            "INSERT INTO card_state (card_rowid, deck_rowid, queue, state, due)"
            " VALUES (?, ?, 0, 0, ?)",
            states,
        )
        inserts.clear()
        states.clear()

    for position, card in enumerate(deck.cards):
        chash = content_hash(card)
        old = pop(card.id, None)
        if old is None:
            inserts.append((next_rowid, deck_rowid, card.id, *_content(card, position, chash)))
            states.append((next_rowid, deck_rowid, position))
            next_rowid += 1
            if len(inserts) >= _CHUNK:
                insert_new()
            continue
        rowid, old_hash, retired, old_ord = old
        if old_hash != chash or old_ord != position:
            updates.append((*_content(card, position, chash), rowid))
        if old_ord != position:
            moved.append((position, rowid))
        if retired:
            restored.append((rowid,))
    retire = [(rowid,) for rowid, _, retired, _ in existing.values() if not retired]
    texts = {c.entry: c.front for c in deck.cards if c.type is CardType.CLOZE}
    # Texts of removed entries stay, for their retired cards' sake.
    conn.executemany(
        "INSERT OR REPLACE INTO entry_texts (deck_rowid, entry_id, front, folded)"
        " VALUES (?, ?, ?, ?)",
        [(deck_rowid, entry, front, fold(front)) for entry, front in texts.items()],
    )
    insert_new()
    conn.executemany(
        f"UPDATE cards SET {', '.join(f'{c} = ?' for c in _CONTENT)} WHERE rowid = ?",
        updates,
    )
    conn.executemany("UPDATE card_state SET due = ? WHERE card_rowid = ? AND state = 0", moved)
    conn.executemany("UPDATE cards SET retired = 1 WHERE rowid = ?", retire)
    conn.executemany("UPDATE card_state SET queue = -1 WHERE card_rowid = ?", retire)
    conn.executemany("UPDATE cards SET retired = 0 WHERE rowid = ?", restored)
    conn.executemany(
        "UPDATE card_state SET queue = CASE WHEN suspended THEN -1 WHEN state = 0 THEN 0"
        " WHEN state = 2 THEN 2 ELSE 1 END WHERE card_rowid = ?",
        restored,
    )
