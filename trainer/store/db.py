"""The profile's SQLite database: connection, pragmas, schema version, migrations.

WAL journal with ``synchronous=NORMAL``: a committed answer survives the
process being killed at any moment (the WAL is in the operating system's hands
as soon as ``COMMIT`` returns); only a power cut may lose the last moments.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trainer.core.errors import StoreBusyError, StoreError

SCHEMA_VERSION = 3

# One list of statements per version; version N's list turns a version N-1
# database into a version N one. Never edit a released step: add a new one.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE decks (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL,
            cards INTEGER NOT NULL DEFAULT 0
        )""",
        # What was last read from each deck file, so an unchanged file is not
        # parsed again: its size, mtime, content hash and the outcome.
        """CREATE TABLE deck_files (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            hash TEXT NOT NULL,
            deck_key TEXT,
            problems TEXT NOT NULL DEFAULT '[]'
        )""",
        """CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            deck_id INTEGER NOT NULL REFERENCES decks(id),
            key TEXT NOT NULL,
            note TEXT NOT NULL,
            ord INTEGER NOT NULL,
            type TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL,
            front TEXT NOT NULL,
            back TEXT NOT NULL,
            accept TEXT NOT NULL DEFAULT '',
            when_text TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            extra TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            UNIQUE (deck_id, key)
        )""",
        # accept and tags hold their items joined by U+001F (unit separator).
        # Only reversed and cloze entries have siblings to look up.
        "CREATE INDEX cards_note ON cards (deck_id, note) WHERE type <> 'basic'",
        # queue: 0 new, 1 learning or relearning, 2 review, -1 out of study
        # (suspended or retired). For new cards `due` is the position in the deck.
        """CREATE TABLE card_state (
            card_id INTEGER PRIMARY KEY REFERENCES cards(id),
            deck_id INTEGER NOT NULL REFERENCES decks(id),
            queue INTEGER NOT NULL DEFAULT 0,
            state INTEGER NOT NULL DEFAULT 0,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due REAL NOT NULL DEFAULT 0,
            last_review REAL,
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_day INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX card_state_queue ON card_state (deck_id, queue, due, buried_day)",
        # Append-only: one row per answer, with the state before and after, enough
        # to fit FSRS parameters and to compute statistics. Undo removes the last
        # row of a card; nothing ever updates a row.
        """CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES cards(id),
            reviewed_at REAL NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER NOT NULL,
            state_before INTEGER NOT NULL,
            step_before INTEGER,
            stability_before REAL,
            difficulty_before REAL,
            due_before REAL NOT NULL,
            last_review_before REAL,
            state_after INTEGER NOT NULL,
            step_after INTEGER,
            stability_after REAL,
            difficulty_after REAL,
            due_after REAL NOT NULL,
            interval REAL NOT NULL
        )""",
        "CREATE INDEX review_log_time ON review_log (reviewed_at)",
        "CREATE INDEX review_log_card ON review_log (card_id, reviewed_at)",
        """CREATE TRIGGER review_log_append_only BEFORE UPDATE ON review_log
           BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END""",
    ],
    # One word for one thing: `*_id` is an identity the user writes (a deck's
    # or a card's id, text), `rowid` / `*_rowid` an integer row id. A deck
    # file's `note:` is the card's `note`; the entry a card comes from is its
    # `entry_id`. Renaming also rewrites the indexes and the trigger.
    2: [
        "ALTER TABLE decks RENAME COLUMN id TO rowid",
        "ALTER TABLE decks RENAME COLUMN key TO deck_id",
        "ALTER TABLE deck_files RENAME COLUMN deck_key TO deck_id",
        "ALTER TABLE cards RENAME COLUMN id TO rowid",
        "ALTER TABLE cards RENAME COLUMN deck_id TO deck_rowid",
        "ALTER TABLE cards RENAME COLUMN key TO card_id",
        "ALTER TABLE cards RENAME COLUMN note TO entry_id",
        "ALTER TABLE cards RENAME COLUMN extra TO note",
        "ALTER TABLE card_state RENAME COLUMN card_id TO card_rowid",
        "ALTER TABLE card_state RENAME COLUMN deck_id TO deck_rowid",
        "ALTER TABLE review_log RENAME COLUMN card_id TO card_rowid",
        "DROP INDEX cards_note",
        "CREATE INDEX cards_entry ON cards (deck_rowid, entry_id) WHERE type <> 'basic'",
        # Small per-profile preferences the UI remembers (the theme, say).
        "CREATE TABLE prefs (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
    # A generated card not yet reviewed carries `draft:` (what it was drafted
    # from) in its deck file; the study screen says so.
    3: [
        "ALTER TABLE cards ADD COLUMN draft TEXT NOT NULL DEFAULT ''",
    ],
}


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def busy_error(path: Path) -> StoreBusyError:
    """The error for a profile another process keeps locked."""
    return StoreBusyError(
        f"the profile database {path.name} is busy: another trainer process is writing to it",
        "let the other trainer finish (or close it) and try again",
    )


def connect(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """Open (creating if needed) a profile database and bring its schema up to date.

    The file is created readable and writable by its owner only.

    Raises:
        StoreBusyError: when another process holds the database longer than ``timeout``.
        StoreError: when the file is not a trainer database or is newer than this trainer.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # No checkpoint inside a commit: an answer never waits for one. The WAL
        # is folded back in idle moments (Store.maintain) and when the last
        # connection closes.
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        migrate(conn)
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            raise busy_error(path) from exc
        raise StoreError(f"cannot open {path}: {exc}", "is it a trainer profile database?") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} is not a usable trainer database ({exc})",
            "move it aside; the trainer will start a new one",
        ) from exc
    return conn


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Apply the migrations a database lacks, each in its own transaction.

    Returns:
        The schema version after migrating.
    """
    if target is None:
        target = SCHEMA_VERSION
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > target:
        raise StoreError(
            f"this profile was written by a newer trainer (schema {version}, this one knows {target})",
            "upgrade the trainer",
        )
    for step in range(version + 1, target + 1):
        with transaction(conn):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
    return max(version, target)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error.

    IMMEDIATE takes the write lock up front, so two processes wait for each
    other (up to the busy timeout) instead of failing half-way.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            name = conn.execute("PRAGMA database_list").fetchone()[2]
            raise busy_error(Path(name)) from exc
        raise
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
