"""Card states, the review log, undo, and the queries behind today's queue.

:class:`Store` implements the core's ``StudyStore`` protocol over one profile
database. Every write is one short transaction, committed before it returns.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from trainer.core.errors import ConflictError, UnreadableFile
from trainer.core.model import CardKind, CardType, Memory, Rating, State, StoredCard
from trainer.core.saferead import read_bounded
from trainer.store.catalog import SEP
from trainer.store.db import checkpoint, transaction

_QUEUE = {State.NEW: 0, State.LEARNING: 1, State.RELEARNING: 1, State.REVIEW: 2}


class Store:
    """One profile's progress.

    Args:
        conn: An open profile database (see :func:`trainer.store.db.connect`).
    """

    def __init__(self, conn: sqlite3.Connection, seen: Path | None = None) -> None:
        self.conn = conn
        self._noted = 0
        self._answers: int | None = None
        """The review log's size as this store last counted it, kept by its own answers."""
        self.seen = seen
        """A small file beside the database that notes how many answers it holds."""
        self._writes = 0
        self.changed = False
        """Whether progress changed through this store (a backup is then due at exit)."""
        self._deck_rows: dict[str, int] = {}
        self._deck_keys: dict[int, str] = {}
        self._refresh_decks()

    def _refresh_decks(self) -> None:
        rows = self.conn.execute("SELECT rowid, deck_id FROM decks").fetchall()
        self._deck_rows = {key: rowid for rowid, key in rows}
        self._deck_keys = {rowid: key for rowid, key in rows}

    def _rows(self, deck_ids: Sequence[str]) -> list[int]:
        if any(d not in self._deck_rows for d in deck_ids):
            self._refresh_decks()
        return [self._deck_rows[d] for d in deck_ids if d in self._deck_rows]

    @staticmethod
    def _marks(n: int) -> str:
        return ",".join("?" * n)

    # -- queue queries -----------------------------------------------------

    def done_today(self, deck_ids: Sequence[str], since: float) -> dict[str, tuple[int, int]]:
        """Per deck: new cards and reviews answered since ``since``."""
        rows = self._rows(deck_ids)
        if not rows:
            return {}
        out: dict[str, tuple[int, int]] = {}
        for deck_row, new, review in self.conn.execute(
            # CROSS JOIN keeps the log (today's few rows, by time) as the outer loop.
            "SELECT c.deck_rowid, SUM(r.state_before = 0), SUM(r.state_before = 2) FROM review_log r"
            " CROSS JOIN cards c ON c.rowid = r.card_rowid WHERE r.reviewed_at >= ?"
            f" AND c.deck_rowid IN ({self._marks(len(rows))}) GROUP BY c.deck_rowid",
            (since, *rows),
        ):
            out[self._deck_keys[deck_row]] = (new or 0, review or 0)
        return out

    def hidden_today(self, deck_ids: Sequence[str], since: float) -> set[int]:
        """Cards whose sibling (same deck entry) was answered since ``since``."""
        rows = self._rows(deck_ids)
        if not rows:
            return set()
        return {
            rowid
            for (rowid,) in self.conn.execute(
                "SELECT DISTINCT s.rowid FROM review_log r CROSS JOIN cards c ON c.rowid = r.card_rowid"
                " JOIN cards s ON s.deck_rowid = c.deck_rowid AND s.entry_id = c.entry_id"
                " AND s.type <> 'basic' AND s.rowid <> c.rowid WHERE r.reviewed_at >= ?"
                f" AND c.type <> 'basic' AND c.deck_rowid IN ({self._marks(len(rows))})",
                (since, *rows),
            )
        }

    def learning_ids(self, deck_id: str, before: float, day: int) -> list[tuple[float, int]]:
        """(due, card) of the deck's learning cards due before ``before``."""
        rows = self._rows([deck_id])
        if not rows:
            return []
        return self.conn.execute(
            "SELECT due, card_rowid FROM card_state WHERE deck_rowid = ? AND queue = 1 AND due < ?"
            " AND buried_day < ? ORDER BY due",
            (rows[0], before, day),
        ).fetchall()

    def review_ids(
        self, deck_id: str, before: float, day: int, limit: int, hidden: set[int]
    ) -> list[tuple[float, int]]:
        """(due, card) of review cards due before ``before``, oldest first, at most ``limit``."""
        rows = self._rows([deck_id])
        if not rows or limit <= 0:
            return []
        cur = self.conn.execute(
            "SELECT due, card_rowid FROM card_state WHERE deck_rowid = ? AND queue = 2 AND due < ?"
            " AND buried_day < ? ORDER BY due, card_rowid LIMIT ?",
            (rows[0], before, day, limit + len(hidden)),
        )
        return [item for item in cur if item[1] not in hidden][:limit]

    def new_ids(self, deck_id: str, day: int, limit: int, hidden: set[int]) -> list[int]:
        """New cards in deck order, at most ``limit``."""
        rows = self._rows([deck_id])
        if not rows or limit <= 0:
            return []
        cur = self.conn.execute(
            "SELECT card_rowid FROM card_state WHERE deck_rowid = ? AND queue = 0 AND buried_day < ?"
            " ORDER BY due LIMIT ?",
            (rows[0], day, limit + len(hidden)),
        )
        return [rowid for (rowid,) in cur if rowid not in hidden][:limit]

    def next_due(self, deck_ids: Sequence[str], after: float) -> float | None:
        """The earliest due time after ``after`` among started cards."""
        rows = self._rows(deck_ids)
        best: float | None = None
        for deck_row in rows:
            for queue in (1, 2):
                row = self.conn.execute(
                    "SELECT MIN(due) FROM card_state WHERE deck_rowid = ? AND queue = ? AND due > ?",
                    (deck_row, queue, after),
                ).fetchone()
                if row[0] is not None and (best is None or row[0] < best):
                    best = row[0]
        return best

    def count_new(self, deck_ids: Sequence[str]) -> int:
        """How many new cards the decks still hold (buried ones included)."""
        rows = self._rows(deck_ids)
        return sum(
            self.conn.execute(
                "SELECT COUNT(*) FROM card_state WHERE deck_rowid = ? AND queue = 0", (deck_row,)
            ).fetchone()[0]
            for deck_row in rows
        )

    def memories(self, deck_ids: Sequence[str]) -> list[Memory]:
        """The memory states of every card of the decks (retired ones left out)."""
        rows = self._rows(deck_ids)
        if not rows:
            return []
        return [
            Memory(State(state), step, stability, difficulty, due, last)
            for state, step, stability, difficulty, due, last in self.conn.execute(
                "SELECT s.state, s.step, s.stability, s.difficulty, s.due, s.last_review"
                " FROM card_state s JOIN cards c ON c.rowid = s.card_rowid"
                f" WHERE s.deck_rowid IN ({self._marks(len(rows))}) AND NOT c.retired",
                rows,
            )
        ]

    def suspended(self, deck_id: str) -> list[tuple[int, str]]:
        """(row id, card id) of the deck's suspended cards (retired ones left out)."""
        rows = self._rows([deck_id])
        if not rows:
            return []
        return self.conn.execute(
            "SELECT c.rowid, c.card_id FROM card_state s JOIN cards c ON c.rowid = s.card_rowid"
            " WHERE s.deck_rowid = ? AND s.suspended AND NOT c.retired ORDER BY c.ord",
            (rows[0],),
        ).fetchall()

    def suspended_counts(self, deck_ids: Sequence[str]) -> dict[str, int]:
        """Per deck: how many of its cards are suspended (retired ones left out)."""
        rows = self._rows(deck_ids)
        if not rows:
            return {}
        return {
            self._deck_keys[deck_row]: n
            for deck_row, n in self.conn.execute(
                "SELECT s.deck_rowid, COUNT(*) FROM card_state s JOIN cards c"
                " ON c.rowid = s.card_rowid WHERE s.suspended AND NOT c.retired"
                f" AND s.deck_rowid IN ({self._marks(len(rows))}) GROUP BY s.deck_rowid",
                rows,
            )
        }

    # -- one card ----------------------------------------------------------

    # The columns of a StoredCard; a cloze card's text comes from entry_texts.
    _CARD = (
        "SELECT c.rowid, c.deck_rowid, c.card_id, c.entry_id, c.type, c.ordinal, c.kind,"
        " CASE WHEN c.type = 'cloze' THEN COALESCE(t.front, c.front) ELSE c.front END,"
        " c.back, c.accept, c.when_text, c.tags, c.source, c.note, c.draft FROM cards c"
        " LEFT JOIN entry_texts t ON c.type = 'cloze' AND t.deck_rowid = c.deck_rowid"
        " AND t.entry_id = c.entry_id"
    )

    def _stored(self, row: tuple[Any, ...]) -> StoredCard:
        rowid, deck_row, card_id, entry, ctype, ordinal, kind, front, back = row[:9]
        accept, when, tags, source, note, draft = row[9:]
        if deck_row not in self._deck_keys:
            self._refresh_decks()
        return StoredCard(
            rowid,
            self._deck_keys[deck_row],
            card_id,
            entry,
            CardType(ctype),
            ordinal,
            CardKind(kind),
            front,
            back,
            tuple(accept.split(SEP)) if accept else (),
            when,
            tuple(tags.split(SEP)) if tags else (),
            source,
            note,
            draft,
        )

    def card(self, rowid: int) -> StoredCard:
        """One card's content."""
        row = self.conn.execute(self._CARD + " WHERE c.rowid = ?", (rowid,)).fetchone()
        if row is None:
            raise KeyError(rowid)
        return self._stored(row)

    def cards_of(self, deck_ids: Sequence[str]) -> list[StoredCard]:
        """Every card of the decks that is not retired, in deck order."""
        rows = self._rows(deck_ids)
        if not rows:
            return []
        return [
            self._stored(row)
            for row in self.conn.execute(
                self._CARD + f" WHERE c.deck_rowid IN ({self._marks(len(rows))})"
                " AND NOT c.retired ORDER BY c.deck_rowid, c.ord",
                rows,
            )
        ]

    def memory(self, rowid: int) -> Memory:
        """One card's memory state."""
        row = self.conn.execute(
            "SELECT state, step, stability, difficulty, due, last_review FROM card_state"
            " WHERE card_rowid = ?",
            (rowid,),
        ).fetchone()
        if row is None:
            raise KeyError(rowid)
        return Memory(State(row[0]), row[1], row[2], row[3], row[4], row[5])

    def in_study(self, rowid: int) -> bool:
        """Whether a card is in a queue (not suspended, not retired)."""
        row = self.conn.execute(
            "SELECT queue FROM card_state WHERE card_rowid = ?", (rowid,)
        ).fetchone()
        return row is not None and row[0] != -1

    # -- writes --------------------------------------------------------------

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
        """Commit one answer: the card's new state and a review-log row, together.

        Args:
            leech: Mark the card as a leech in the same transaction.
            suspend: Suspend it too (a leech, with ``leech_action = "suspend"``).

        Returns:
            The review-log row id.
        """
        self._writes += 1
        self.changed = True
        with transaction(self.conn):
            # Recorded only against the state the card was shown with: if another
            # trainer answered it meanwhile, nothing is written and the card is
            # shown again. A card retired or suspended meanwhile stays out of study.
            cur = self.conn.execute(
                "UPDATE card_state SET queue = CASE WHEN suspended OR ?13 OR"
                " (SELECT retired FROM cards WHERE rowid = ?8) THEN -1 ELSE ?1 END,"
                " state = ?2, step = ?3, stability = ?4, difficulty = ?5, due = ?6,"
                " last_review = ?7, leech = MAX(leech, ?12), suspended = MAX(suspended, ?13)"
                " WHERE card_rowid = ?8 AND state = ?9 AND due = ?10 AND last_review IS ?11",
                (
                    _QUEUE[after.state],
                    int(after.state),
                    after.step,
                    after.stability,
                    after.difficulty,
                    after.due,
                    after.last_review,
                    rowid,
                    int(before.state),
                    before.due,
                    before.last_review,
                    int(leech),
                    int(suspend),
                ),
            )
            if cur.rowcount != 1:
                raise ConflictError(
                    "this card was answered in another trainer window since it was shown",
                    "it is shown again as it stands now; nothing was saved twice",
                )
            cur = self.conn.execute(
                "INSERT INTO review_log (card_rowid, reviewed_at, rating, duration_ms, state_before, step_before,"
                " stability_before, difficulty_before, due_before, last_review_before, state_after, step_after,"
                " stability_after, difficulty_after, due_after, interval)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rowid,
                    at,
                    int(rating),
                    duration_ms,
                    int(before.state),
                    before.step,
                    before.stability,
                    before.difficulty,
                    before.due,
                    before.last_review,
                    int(after.state),
                    after.step,
                    after.stability,
                    after.difficulty,
                    after.due,
                    after.due - at,
                ),
            )
        if self._answers is not None:
            self._answers += 1
        return int(cur.lastrowid or 0)

    def undo(
        self, log_id: int, rowid: int, before: Memory, flags: tuple[bool, bool] | None = None
    ) -> None:
        """Remove a card's last review-log row and restore its state before it, at once.

        Args:
            flags: The (leech, suspended) marks to put back, when the answer changed them.
        """
        self._writes += 1
        self.changed = True
        with transaction(self.conn):
            last = self.conn.execute(
                "SELECT MAX(id) FROM review_log WHERE card_rowid = ?", (rowid,)
            ).fetchone()[0]
            if last != log_id:
                raise ConflictError(
                    "this answer cannot be undone: the card was answered again since,"
                    " in another trainer window",
                    "the later answer stands; answer the card again to change it",
                )
            self.conn.execute("DELETE FROM review_log WHERE id = ?", (log_id,))
            if flags is not None:
                self.conn.execute(
                    "UPDATE card_state SET leech = ?, suspended = ? WHERE card_rowid = ?",
                    (int(flags[0]), int(flags[1]), rowid),
                )
            self.conn.execute(
                "UPDATE card_state SET queue = CASE WHEN suspended OR"
                " (SELECT retired FROM cards WHERE rowid = ?8) THEN -1 ELSE ?1 END, state = ?2,"
                " step = ?3, stability = ?4, difficulty = ?5, due = ?6, last_review = ?7"
                " WHERE card_rowid = ?8",
                (
                    _QUEUE[before.state],
                    int(before.state),
                    before.step,
                    before.stability,
                    before.difficulty,
                    before.due,
                    before.last_review,
                    rowid,
                ),
            )
        if self._answers is not None:
            self._answers -= 1

    def lapses(self, rowid: int) -> int:
        """A card's lapses (Again on a review) since its progress was last reset."""
        return int(
            self.conn.execute(
                "SELECT COUNT(*) FROM review_log WHERE card_rowid = ?1 AND rating = 1"
                " AND state_before = 2 AND reviewed_at > COALESCE("
                "(SELECT MAX(reset_at) FROM card_resets WHERE card_rowid = ?1), -1)",
                (rowid,),
            ).fetchone()[0]
        )

    def flags(self, rowid: int) -> tuple[bool, bool]:
        """A card's (leech, suspended) marks."""
        row = self.conn.execute(
            "SELECT leech, suspended FROM card_state WHERE card_rowid = ?", (rowid,)
        ).fetchone()
        if row is None:
            raise KeyError(rowid)
        return bool(row[0]), bool(row[1])

    def set_buried(self, rowid: int, day: int) -> None:
        """Hide a card until study day ``day`` is over (0 unburies)."""
        self._writes += 1
        self.changed = True
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE card_state SET buried_day = ? WHERE card_rowid = ?", (day, rowid)
            )

    def set_suspended(self, rowids: Sequence[int], suspended: bool) -> None:
        """Take cards out of (or back into) every queue, in one transaction."""
        self._writes += 1
        self.changed = True
        params = [(rowid,) for rowid in rowids]
        with transaction(self.conn):
            if suspended:
                self.conn.executemany(
                    "UPDATE card_state SET suspended = 1, queue = -1 WHERE card_rowid = ?", params
                )
            else:
                self.conn.executemany(
                    "UPDATE card_state SET suspended = 0, queue = CASE"
                    " WHEN (SELECT retired FROM cards WHERE rowid = ?1) THEN -1"
                    " WHEN state = 0 THEN 0 WHEN state = 2 THEN 2 ELSE 1 END WHERE card_rowid = ?1",
                    params,
                )

    def maintain(self, every: int = 100) -> bool:
        """Note the answer count beside the database; after ``every`` writes, fold the WAL back.

        Meant for idle moments (the learner reading a card): a checkpoint must
        not sit between an answer and the next card. The count noted after
        each answer lets the next start notice answers that went missing with
        a lost ``-wal`` file (the WAL is also folded back at start and at exit).
        Returns True when a checkpoint ran.
        """
        if self._noted < self._writes:
            self.note_answers()
            self._noted = self._writes
        if self._writes < every:
            return False
        checkpoint(self.conn)
        self._writes = self._noted = 0
        self._answers = None  # counted afresh at the next note
        return True

    def note_answers(self, exact: bool = False) -> None:
        """Write the review log's size beside the database (``seen``), atomically.

        Counting a large log takes milliseconds, so between counts the size is
        kept from this store's own answers and undos. Other windows' answers and
        imports are then left out until the next count (at every checkpoint, at
        exit): the note can fall short, never over, and a short note cannot
        raise a false alarm about lost answers.

        Args:
            exact: Count the log now (at exit, after a restore).
        """
        if self.seen is None:
            return
        if exact or self._answers is None:
            self._answers = self.answer_count()
        tmp = self.seen.with_name(self.seen.name + ".tmp")
        with contextlib.suppress(OSError):
            fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"answers": self._answers}, f)
            os.replace(tmp, self.seen)

    def noted_answers(self) -> int | None:
        """The answer count last noted beside the database, if any."""
        if self.seen is None:
            return None
        try:
            # a few bytes of a regular file: never a pipe that blocks
            data = read_bounded(self.seen, 4096)
            return int(json.loads(data.decode("utf-8"))["answers"])
        except (UnreadableFile, ValueError, KeyError, TypeError):
            return None

    def pref(self, key: str) -> str | None:
        """A remembered preference of this profile (the theme, say), or None."""
        row = self.conn.execute("SELECT value FROM prefs WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_pref(self, key: str, value: str) -> None:
        """Remember a preference for this profile."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO prefs (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def deck_path(self, deck_id: str) -> str | None:
        """The file a deck's cards were last read from, or None for an unknown deck."""
        row = self.conn.execute("SELECT path FROM decks WHERE deck_id = ?", (deck_id,)).fetchone()
        return None if row is None else str(row[0])

    def answer_count(self) -> int:
        """How many answers the review log holds."""
        return int(self.conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0])

    def log_rows(self, rowid: int) -> list[tuple[object, ...]]:
        """A card's review-log rows, oldest first (for statistics and tests)."""
        return self.conn.execute(
            "SELECT * FROM review_log WHERE card_rowid = ? ORDER BY id", (rowid,)
        ).fetchall()

    def card_rowid(self, deck_id: str, card_id: str) -> int | None:
        """The row id of the card (deck id, card id), retired or not."""
        rows = self._rows([deck_id])
        if not rows:
            return None
        row = self.conn.execute(
            "SELECT rowid FROM cards WHERE deck_rowid = ? AND card_id = ?", (rows[0], card_id)
        ).fetchone()
        return row[0] if row else None
