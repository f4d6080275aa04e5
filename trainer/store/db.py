"""The profile's SQLite database: connection, pragmas, schema version, migrations.

WAL journal with ``synchronous=NORMAL``: a committed answer survives the
process being killed at any moment (the WAL is in the operating system's hands
as soon as ``COMMIT`` returns); only a power cut may lose the last moments.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trainer.core.errors import StoreBusyError, StoreError

SCHEMA_VERSION = 7

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
    # Quizzes and exams (issue 7).
    3: [
        # A deck's tags (joined by U+001F), so a DECK argument may name a tag.
        "ALTER TABLE decks ADD COLUMN tags TEXT NOT NULL DEFAULT ''",
        # An exam date set for a deck (trainer plan): at most one per deck.
        """CREATE TABLE exams (
            deck_id TEXT PRIMARY KEY,
            exam_day TEXT NOT NULL,
            target REAL NOT NULL,
            set_at REAL NOT NULL
        )""",
        # Every finished quiz, written in one transaction when it ends;
        # append-only like the review log.
        """CREATE TABLE quizzes (
            id INTEGER PRIMARY KEY,
            started_at REAL NOT NULL,
            finished_at REAL NOT NULL,
            decks TEXT NOT NULL,
            options TEXT NOT NULL,
            score INTEGER NOT NULL,
            total INTEGER NOT NULL,
            pass_mark REAL NOT NULL,
            passed INTEGER NOT NULL,
            timed_out INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE quiz_answers (
            quiz_id INTEGER NOT NULL REFERENCES quizzes(id),
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            kind TEXT NOT NULL,
            prompt TEXT NOT NULL,
            expected TEXT NOT NULL,
            given TEXT NOT NULL,
            correct INTEGER NOT NULL,
            overruled INTEGER NOT NULL DEFAULT 0,
            cards TEXT NOT NULL,
            seconds REAL NOT NULL,
            PRIMARY KEY (quiz_id, position)
        )""",
        "CREATE INDEX quizzes_time ON quizzes (finished_at)",
        """CREATE TRIGGER quizzes_append_only BEFORE UPDATE ON quizzes
           BEGIN SELECT RAISE(ABORT, 'the quiz history is append-only'); END""",
        """CREATE TRIGGER quiz_answers_append_only BEFORE UPDATE ON quiz_answers
           BEGIN SELECT RAISE(ABORT, 'the quiz history is append-only'); END""",
    ],
    # Hostile decks (issue 9).
    4: [
        # A cloze entry's text is stored once, not once per gap: its cards
        # keep an empty front and are read with this text.
        """CREATE TABLE entry_texts (
            deck_rowid INTEGER NOT NULL REFERENCES decks(rowid),
            entry_id TEXT NOT NULL,
            front TEXT NOT NULL,
            PRIMARY KEY (deck_rowid, entry_id)
        )""",
        """INSERT OR REPLACE INTO entry_texts (deck_rowid, entry_id, front)
           SELECT deck_rowid, entry_id, front FROM cards WHERE type = 'cloze'""",
        "UPDATE cards SET front = '' WHERE type = 'cloze'",
        # A copy that keeps size and modification time (cp -p) still changes
        # the inode's change time, and a file swapped in place its inode.
        "ALTER TABLE deck_files ADD COLUMN ctime_ns INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE deck_files ADD COLUMN inode INTEGER NOT NULL DEFAULT 0",
        # Retired cards, found at once (a sync takes any that are still
        # queued out of study).
        "CREATE INDEX cards_retired ON cards (rowid) WHERE retired",
    ],
    # Statistics, the card browser and leeches (issue 11).
    5: [
        # A card that lapsed leech_threshold times is marked (and, by choice, suspended).
        "ALTER TABLE card_state ADD COLUMN leech INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX card_state_leech ON card_state (card_rowid) WHERE leech",
        # A card's progress reset from the browser: the state it had, so the
        # reset can be undone, and so that lapses are counted from it. The
        # review log is kept whole; a reset never deletes history.
        """CREATE TABLE card_resets (
            id INTEGER PRIMARY KEY,
            card_rowid INTEGER NOT NULL REFERENCES cards(rowid),
            reset_at REAL NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due REAL NOT NULL,
            last_review REAL,
            leech INTEGER NOT NULL,
            buried_day INTEGER NOT NULL
        )""",
        "CREATE INDEX card_resets_card ON card_resets (card_rowid, reset_at)",
        """CREATE TRIGGER card_resets_append_only BEFORE UPDATE ON card_resets
           BEGIN SELECT RAISE(ABORT, 'the reset history is append-only'); END""",
        # Running totals of the review log per deck and quarter hour, kept by
        # the triggers below in the same transaction as each answer (and its
        # undo). Statistics sum these instead of reading a million log rows;
        # a quarter hour is the greatest common step of every time zone's
        # offset, so any rollover hour and offset gives exact study days.
        # Young/mature: a review card's interval before the answer, under or
        # from 21 days (1,814,400 s).
        """CREATE TABLE review_totals (
            slot INTEGER NOT NULL,
            deck_rowid INTEGER NOT NULL,
            reviews INTEGER NOT NULL,
            ms INTEGER NOT NULL,
            young INTEGER NOT NULL,
            young_again INTEGER NOT NULL,
            mature INTEGER NOT NULL,
            mature_again INTEGER NOT NULL,
            PRIMARY KEY (slot, deck_rowid)
        ) WITHOUT ROWID""",
        """INSERT INTO review_totals
           SELECT CAST(r.reviewed_at / 900 AS INTEGER) AS s, c.deck_rowid, COUNT(*),
                  SUM(r.duration_ms),
                  SUM(r.state_before = 2 AND r.due_before - COALESCE(r.last_review_before, r.due_before) < 1814400),
                  SUM(r.state_before = 2 AND r.due_before - COALESCE(r.last_review_before, r.due_before) < 1814400 AND r.rating = 1),
                  SUM(r.state_before = 2 AND r.due_before - COALESCE(r.last_review_before, r.due_before) >= 1814400),
                  SUM(r.state_before = 2 AND r.due_before - COALESCE(r.last_review_before, r.due_before) >= 1814400 AND r.rating = 1)
           FROM review_log r JOIN cards c ON c.rowid = r.card_rowid GROUP BY s, c.deck_rowid""",
        """CREATE TRIGGER review_totals_add AFTER INSERT ON review_log BEGIN
             INSERT INTO review_totals
             SELECT CAST(NEW.reviewed_at / 900 AS INTEGER), c.deck_rowid, 1, NEW.duration_ms,
                    NEW.state_before = 2 AND NEW.due_before - COALESCE(NEW.last_review_before, NEW.due_before) < 1814400,
                    NEW.state_before = 2 AND NEW.due_before - COALESCE(NEW.last_review_before, NEW.due_before) < 1814400 AND NEW.rating = 1,
                    NEW.state_before = 2 AND NEW.due_before - COALESCE(NEW.last_review_before, NEW.due_before) >= 1814400,
                    NEW.state_before = 2 AND NEW.due_before - COALESCE(NEW.last_review_before, NEW.due_before) >= 1814400 AND NEW.rating = 1
             FROM cards c WHERE c.rowid = NEW.card_rowid
             ON CONFLICT (slot, deck_rowid) DO UPDATE SET
               reviews = reviews + excluded.reviews, ms = ms + excluded.ms,
               young = young + excluded.young, young_again = young_again + excluded.young_again,
               mature = mature + excluded.mature, mature_again = mature_again + excluded.mature_again;
           END""",
        """CREATE TRIGGER review_totals_remove AFTER DELETE ON review_log BEGIN
             UPDATE review_totals SET
               reviews = reviews - 1, ms = ms - OLD.duration_ms,
               young = young - (OLD.state_before = 2 AND OLD.due_before - COALESCE(OLD.last_review_before, OLD.due_before) < 1814400),
               young_again = young_again - (OLD.state_before = 2 AND OLD.due_before - COALESCE(OLD.last_review_before, OLD.due_before) < 1814400 AND OLD.rating = 1),
               mature = mature - (OLD.state_before = 2 AND OLD.due_before - COALESCE(OLD.last_review_before, OLD.due_before) >= 1814400),
               mature_again = mature_again - (OLD.state_before = 2 AND OLD.due_before - COALESCE(OLD.last_review_before, OLD.due_before) >= 1814400 AND OLD.rating = 1)
             WHERE slot = CAST(OLD.reviewed_at / 900 AS INTEGER)
               AND deck_rowid = (SELECT deck_rowid FROM cards WHERE rowid = OLD.card_rowid);
           END""",
    ],
    # A generated card not yet reviewed carries `draft:` (what it was drafted
    # from) in its deck file; the study screen says so.
    6: [
        "ALTER TABLE cards ADD COLUMN draft TEXT NOT NULL DEFAULT ''",
    ],
    # The browser at 100,000 cards (issue 11): a word is found in text folded
    # once, when the card is written (Python's casefold, every script), not by
    # a Python function called for every card of every search. A cloze entry's
    # text is folded once, beside it in entry_texts. The results come in deck
    # order, a page at a time, straight from an index.
    7: [
        "ALTER TABLE cards ADD COLUMN folded TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE entry_texts ADD COLUMN folded TEXT NOT NULL DEFAULT ''",
        """UPDATE cards SET folded = fold(front || char(31) || back || char(31) || accept
           || char(31) || note || char(31) || source)""",
        "UPDATE entry_texts SET folded = fold(front)",
        "CREATE INDEX cards_order ON cards (deck_rowid, ord)",
        # The statistics' predicted recall reads the studied cards' stability
        # and last review from this index alone, not from the whole table.
        """CREATE INDEX card_state_recall ON card_state (deck_rowid, stability, last_review)
           WHERE queue IN (1, 2)""",
        # Cards buried today are counted from a narrow range, not by testing
        # every card's buried day.
        """CREATE INDEX card_state_buried ON card_state (deck_rowid, buried_day)
           WHERE buried_day > 0""",
    ],
}


def fold(text: object) -> str:
    """Text as searches compare it: Python's ``casefold`` (every script; '' for no text)."""
    return text.casefold() if isinstance(text, str) else ""


def install_functions(conn: sqlite3.Connection) -> None:
    """Give a connection the SQL functions the schema and the queries use (``fold``)."""
    conn.create_function("fold", 1, fold, deterministic=True)


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def busy_error(path: Path) -> StoreBusyError:
    """The error for a profile another process keeps locked."""
    return StoreBusyError(
        f"the profile database {path.name} is busy: another trainer process is writing to it",
        "let the other trainer finish (or close it) and try again",
    )


def store_error(exc: sqlite3.Error, path: Path | None = None) -> StoreError:
    """A clear error for a failed read or write of the profile database."""
    if _is_busy(exc):
        return busy_error(path or Path("profile"))
    where = str(path) if path else "the profile database"
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"{where} cannot be written: it is read-only",
            "check the permissions of the file and its folder; nothing was saved",
        )
    if "full" in text:
        return StoreError(
            f"{where} cannot be written: the disk is full",
            "free some disk space and try again; nothing was saved",
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(
            f"{where} is damaged ({exc})",
            "restore the latest backup: 'trainer restore' lists them",
        )
    return StoreError(f"{where} failed: {exc}", "try again; 'trainer restore' lists backups")


def _path_of(conn: sqlite3.Connection) -> Path | None:
    try:
        return Path(conn.execute("PRAGMA database_list").fetchone()[2])
    except sqlite3.Error:
        return None


_BUSY_RETRY = 0.05
"""Seconds between tries to open a profile another process is setting up."""


def connect(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """Open (creating if needed) a profile database and bring its schema up to date.

    The file is created readable and writable by its owner only. Whatever the
    write-ahead log holds is folded back into the file first, so a copy of the
    file alone is complete, and the database is read through once (quickly)
    to notice damage.

    Raises:
        StoreBusyError: when another process holds the database longer than ``timeout``.
        StoreError: when the file cannot be created, is not a trainer database,
            is damaged, or is newer than this trainer.
    """
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
    except OSError as exc:
        raise StoreError(
            f"cannot create {path}: {exc.strerror}",
            "check that the folder exists, is a folder and is writable"
            " (TRAINER_HOME, 'trainer paths')",
        ) from exc
    if not path.is_file():
        raise StoreError(f"{path} is not a file", "move it aside; the trainer will make a new one")
    deadline = time.monotonic() + timeout
    while True:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            # No checkpoint inside a commit: an answer never waits for one. The WAL
            # is folded back in idle moments (Store.maintain), at start and at exit.
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            migrate(conn)
            checkpoint(conn)
            look_through(conn)
            return conn
        except StoreError:
            if conn is not None:
                conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if not _is_busy(exc):
                raise StoreError(
                    f"{path} is not a usable trainer database ({exc})",
                    "restore a backup ('trainer restore' lists them), or move the file aside"
                    " and the trainer will start a new one",
                ) from exc
            # SQLite answers "locked" at once, without waiting, where waiting could
            # deadlock (two new processes both turning a fresh file to WAL): try
            # again from the start until the time allowed is up
            if time.monotonic() >= deadline:
                raise busy_error(path) from exc
            time.sleep(_BUSY_RETRY)


def open_reader(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """A second, read-only connection to a profile the main one has opened and migrated.

    A worker thread reads through it (the browser's searches) while the UI
    thread writes through the main connection: in WAL mode each sees only
    committed data, and neither waits for the other.

    Raises:
        StoreError: when the file cannot be opened.
    """
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise store_error(exc, path) from exc
    install_functions(conn)
    return conn


def set_patience(conn: sqlite3.Connection, ms: int) -> None:
    """How long a statement waits for another process's lock before it gives up."""
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")


def checkpoint(conn: sqlite3.Connection, truncate: bool = False) -> bool:
    """Fold the write-ahead log back into the database file.

    Args:
        conn: An open profile database.
        truncate: Wait for other connections (up to the busy timeout) and empty
            the log file; otherwise fold back what can be without waiting.

    Returns:
        True when everything was folded back (the file alone is complete).
    """
    mode = "TRUNCATE" if truncate else "PASSIVE"
    try:
        busy, frames, done = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
    except sqlite3.OperationalError:
        return False
    return not busy and frames == done


_TABLES = ("decks", "deck_files", "cards", "card_state", "review_log")


def look_through(conn: sqlite3.Connection) -> None:
    """A quick look at every table's first and last pages: damage there shows at once.

    Raises:
        sqlite3.DatabaseError: for a damaged file.
    """
    for table in _TABLES:
        conn.execute(f"SELECT * FROM {table} ORDER BY rowid LIMIT 1").fetchall()
        conn.execute(f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1").fetchall()
    conn.execute("SELECT COUNT(*) FROM review_log").fetchone()


def integrity(path: Path) -> list[str]:
    """SQLite's full integrity check on its own connection (for a worker thread).

    Returns:
        The problems found; empty when the database is sound.
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Apply the migrations a database lacks, each in its own transaction.

    The version is read again inside each transaction, under the write lock, so
    two processes starting on a new profile at once never both create it.

    Returns:
        The schema version after migrating.
    """
    if target is None:
        target = SCHEMA_VERSION
    install_functions(conn)
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    while version < target:
        with transaction(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= target:
                break
            step = version + 1
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
            version = step
    if version > target:
        raise StoreError(
            f"this profile was written by a newer trainer (schema {version}, this one knows {target})",
            "upgrade the trainer",
        )
    return version


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error.

    IMMEDIATE takes the write lock up front, so two processes wait for each
    other (up to the busy timeout) instead of failing half-way. A database
    error (busy, read-only, disk full, damage) becomes a StoreError that says
    what happened; nothing of the transaction is kept.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise store_error(exc, _path_of(conn)) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise store_error(exc, _path_of(conn)) from exc
        raise
