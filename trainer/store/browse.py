"""What the card browser changes: marks, burying, progress resets, and their undo.

Every change is one transaction and returns what it needs to be undone. A
progress reset keeps the card's review log whole and writes the state it
replaced into ``card_resets``; undoing it puts that state back and removes the
row, exactly as undoing an answer removes its log row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from trainer.core.browse import Review
from trainer.core.errors import ConflictError
from trainer.core.model import Memory, Rating, State
from trainer.store.db import transaction
from trainer.store.progress import Store

Marks = dict[int, tuple[bool, int]]
"""By card row id: (suspended, buried_day)."""


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _chunks(rowids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    return [rowids[i : i + size] for i in range(0, len(rowids), size)]


def marks(conn: sqlite3.Connection, rowids: Sequence[int]) -> Marks:
    """The suspended flag and buried day of some cards (to undo a change of them)."""
    out: Marks = {}
    for part in _chunks(rowids):
        for rowid, suspended, buried in conn.execute(
            "SELECT card_rowid, suspended, buried_day FROM card_state"
            f" WHERE card_rowid IN ({_marks(len(part))})",
            list(part),
        ):
            out[rowid] = (bool(suspended), buried)
    return out


_QUEUE_FROM_STATE = (
    "CASE WHEN suspended OR (SELECT retired FROM cards WHERE rowid = card_rowid) THEN -1"
    " WHEN state = 0 THEN 0 WHEN state = 2 THEN 2 ELSE 1 END"
)


def set_marks(conn: sqlite3.Connection, wanted: Mapping[int, tuple[bool, int]]) -> None:
    """Put cards' suspended flags and buried days as given, in one transaction."""
    with transaction(conn):
        conn.executemany(
            "UPDATE card_state SET suspended = ?, buried_day = ? WHERE card_rowid = ?",
            [(int(s), b, rowid) for rowid, (s, b) in wanted.items()],
        )
        for part in _chunks(list(wanted)):
            conn.execute(
                f"UPDATE card_state SET queue = {_QUEUE_FROM_STATE}"
                f" WHERE card_rowid IN ({_marks(len(part))})",
                list(part),
            )


def reset(conn: sqlite3.Connection, rowids: Sequence[int], at: float) -> list[int]:
    """Make cards new again, keeping their history; returns the ``card_resets`` ids.

    New cards come back in deck order; a suspended card stays suspended; the
    leech mark is cleared (lapses are counted from the reset on).
    """
    ids: list[int] = []
    with transaction(conn):
        for rowid in rowids:
            cur = conn.execute(
                "INSERT INTO card_resets (card_rowid, reset_at, state, step, stability,"
                " difficulty, due, last_review, leech, buried_day)"
                " SELECT card_rowid, ?, state, step, stability, difficulty, due, last_review,"
                " leech, buried_day FROM card_state WHERE card_rowid = ?",
                (at, rowid),
            )
            if cur.rowcount:
                ids.append(int(cur.lastrowid or 0))
        for part in _chunks(list(rowids)):
            conn.execute(
                "UPDATE card_state SET state = 0, step = NULL, stability = NULL,"
                " difficulty = NULL, last_review = NULL, leech = 0, buried_day = 0,"
                " due = (SELECT ord FROM cards WHERE rowid = card_rowid),"
                " queue = CASE WHEN suspended OR (SELECT retired FROM cards WHERE rowid ="
                f" card_rowid) THEN -1 ELSE 0 END WHERE card_rowid IN ({_marks(len(part))})",
                list(part),
            )
    return ids


def undo_reset(conn: sqlite3.Connection, reset_ids: Sequence[int]) -> int:
    """Put back the states some resets replaced, and remove their rows.

    Raises:
        ConflictError: when one of the cards was answered since its reset (in
            another window, say): nothing is undone, the answer stands.

    Returns:
        How many cards were put back.
    """
    with transaction(conn):
        rows = []
        for part in _chunks(list(reset_ids)):
            rows.extend(
                conn.execute(
                    "SELECT id, card_rowid, reset_at, state, step, stability, difficulty, due,"
                    f" last_review, leech, buried_day FROM card_resets WHERE id IN ({_marks(len(part))})",
                    list(part),
                ).fetchall()
            )
        for row in rows:
            later = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM review_log WHERE card_rowid = ? AND reviewed_at > ?)"
                " OR EXISTS (SELECT 1 FROM card_resets WHERE card_rowid = ? AND id > ?)",
                (row[1], row[2], row[1], row[0]),
            ).fetchone()[0]
            if later:
                raise ConflictError(
                    "the reset cannot be undone: a card was studied or reset again since",
                    "the later answer stands; nothing was changed",
                )
        for rid, rowid, _, state, step, stability, difficulty, due, last, leech, buried in rows:
            conn.execute(
                "UPDATE card_state SET state = ?, step = ?, stability = ?, difficulty = ?,"
                " due = ?, last_review = ?, leech = ?, buried_day = ? WHERE card_rowid = ?",
                (state, step, stability, difficulty, due, last, leech, buried, rowid),
            )
            conn.execute(
                f"UPDATE card_state SET queue = {_QUEUE_FROM_STATE} WHERE card_rowid = ?", (rowid,)
            )
            conn.execute("DELETE FROM card_resets WHERE id = ?", (rid,))
    return len(rows)


def history(conn: sqlite3.Connection, rowid: int) -> list[Review]:
    """A card's answers, oldest first."""
    return [
        Review(at, Rating(rating), ms, State(state), interval)
        for at, rating, ms, state, interval in conn.execute(
            "SELECT reviewed_at, rating, duration_ms, state_before, interval FROM review_log"
            " WHERE card_rowid = ? ORDER BY reviewed_at, id",
            (rowid,),
        )
    ]


def resets(conn: sqlite3.Connection, rowid: int) -> list[float]:
    """When a card's progress was reset, oldest first."""
    return [
        at
        for (at,) in conn.execute(
            "SELECT reset_at FROM card_resets WHERE card_rowid = ? ORDER BY id", (rowid,)
        )
    ]


def state(conn: sqlite3.Connection, rowid: int) -> tuple[Memory, bool, bool, int, bool]:
    """A card's memory, suspended and leech marks, buried day, and whether it is retired."""
    row = conn.execute(
        "SELECT s.state, s.step, s.stability, s.difficulty, s.due, s.last_review, s.suspended,"
        " s.leech, s.buried_day, c.retired FROM card_state s JOIN cards c ON c.rowid ="
        " s.card_rowid WHERE s.card_rowid = ?",
        (rowid,),
    ).fetchone()
    if row is None:
        raise KeyError(rowid)
    memory = Memory(State(row[0]), row[1], row[2], row[3], row[4], row[5])
    return memory, bool(row[6]), bool(row[7]), int(row[8]), bool(row[9])


class BrowseStore:
    """The core's ``BrowseStore`` over a profile's :class:`~trainer.store.progress.Store`."""

    def __init__(self, store: Store) -> None:
        self.progress = store
        self.conn = store.conn

    def _changed(self) -> None:
        self.progress.changed = True  # a backup is due at exit

    def marks(self, rowids: Sequence[int]) -> Marks:
        """The suspended flag and buried day of some cards."""
        return marks(self.conn, rowids)

    def set_marks(self, wanted: Mapping[int, tuple[bool, int]]) -> None:
        """Set cards' suspended flags and buried days, in one transaction."""
        self._changed()
        set_marks(self.conn, wanted)

    def reset(self, rowids: Sequence[int], at: float) -> list[int]:
        """Make cards new, keeping their history."""
        self._changed()
        return reset(self.conn, rowids, at)

    def undo_reset(self, reset_ids: Sequence[int]) -> int:
        """Put back what some resets replaced."""
        self._changed()
        return undo_reset(self.conn, reset_ids)
