"""Imports and exports on the profile database: decks and progress in one transaction, out again.

An import's decks, their files' cache rows, every card state and review-log
row it brings are written in one transaction; the deck files are moved into
place just before it commits (``before_commit``), so a failure anywhere
leaves neither the files nor the database changed. Imported review-log rows
keep their original times; rows already present are not added twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trainer.core.deck import gc_paused
from trainer.core.model import CardProgress, Deck, LogRow, Memory, Rating, State
from trainer.store.catalog import save_file, sync_cards
from trainer.store.db import transaction

_QUEUE = {State.NEW: 0, State.LEARNING: 1, State.RELEARNING: 1, State.REVIEW: 2}


@dataclass(frozen=True, slots=True)
class Applied:
    """What an import changed in the database."""

    cards: int
    states: int
    reviews: int


def apply_import(
    conn: sqlite3.Connection,
    decks: Sequence[tuple[Deck, tuple[object, ...]]],
    progress: Sequence[CardProgress],
    day: int,
    before_commit: Callable[[], None],
) -> Applied:
    """Sync the decks, record their files and bring their progress, all in one transaction.

    A card's imported state replaces its state here only when it is newer (its
    last review is later) or the card has not been studied here; an imported
    review is added unless the card already has one at the same moment.

    Args:
        decks: Each deck with its file's ``deck_files`` row.
        progress: Card states and histories to bring.
        day: Today's study day (buried cards stay buried until it ends).
        before_commit: Moves the deck files into place; raising rolls everything back.
    """
    states = reviews = 0
    with gc_paused(), transaction(conn):
        for deck, row in decks:
            sync_cards(conn, deck)
            save_file(conn, row)
        deck_rows = {
            deck_id: rowid for rowid, deck_id in conn.execute("SELECT rowid, deck_id FROM decks")
        }
        for item in progress:
            deck_rowid = deck_rows.get(item.deck_id)
            if deck_rowid is None:
                continue
            found = conn.execute(
                "SELECT c.rowid, s.state, s.last_review FROM cards c JOIN card_state s"
                " ON s.card_rowid = c.rowid WHERE c.deck_rowid = ? AND c.card_id = ?",
                (deck_rowid, item.card_id),
            ).fetchone()
            if found is None:
                continue
            rowid, state, last_review = found
            reviews += _add_log(conn, rowid, item.log)
            newer = (item.memory.last_review or 0.0) > (last_review or 0.0)
            if item.memory.state is State.NEW and not (item.suspended or item.buried):
                continue
            if state == State.NEW or newer:
                _set_state(conn, rowid, item, day)
                states += 1
            elif item.suspended:
                conn.execute(
                    "UPDATE card_state SET suspended = 1, queue = -1 WHERE card_rowid = ?", (rowid,)
                )
        before_commit()
    return Applied(sum(len(d.cards) for d, _ in decks), states, reviews)


def _add_log(conn: sqlite3.Connection, rowid: int, log: Sequence[LogRow]) -> int:
    if not log:
        return 0
    have = {
        round(at * 1000)
        for (at,) in conn.execute(
            "SELECT reviewed_at FROM review_log WHERE card_rowid = ?", (rowid,)
        )
    }
    rows = []
    for r in log:
        if round(r.reviewed_at * 1000) in have:
            continue
        b, a = r.before, r.after
        rows.append(
            (rowid, r.reviewed_at, int(r.rating), r.duration_ms, int(b.state), b.step, b.stability,
             b.difficulty, b.due, b.last_review, int(a.state), a.step, a.stability, a.difficulty,
             a.due, a.due - r.reviewed_at)
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO review_log (card_rowid, reviewed_at, rating, duration_ms, state_before,"
        " step_before, stability_before, difficulty_before, due_before, last_review_before,"
        " state_after, step_after, stability_after, difficulty_after, due_after, interval)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def _set_state(conn: sqlite3.Connection, rowid: int, item: CardProgress, day: int) -> None:
    m = item.memory
    queue = -1 if item.suspended else _QUEUE[m.state]
    conn.execute(
        "UPDATE card_state SET queue = CASE WHEN (SELECT retired FROM cards WHERE rowid = ?1)"
        " THEN -1 ELSE ?2 END, state = ?3, step = ?4, stability = ?5, difficulty = ?6,"
        " due = CASE WHEN ?3 = 0 THEN due ELSE ?7 END, last_review = ?8, suspended = ?9,"
        " buried_day = ?10 WHERE card_rowid = ?1",
        (
            rowid,
            queue,
            int(m.state),
            m.step,
            m.stability,
            m.difficulty,
            m.due,
            m.last_review,
            int(item.suspended),
            day if item.buried else 0,
        ),
    )


def deck_progress(conn: sqlite3.Connection, deck_id: str, day: int) -> list[CardProgress]:
    """Every studied, suspended or buried card of a deck, with its history (for an export).

    Args:
        day: Today's study day: a card buried until it ends counts as buried.
    """
    row = conn.execute("SELECT rowid FROM decks WHERE deck_id = ?", (deck_id,)).fetchone()
    if row is None:
        return []
    logs: dict[int, list[LogRow]] = {}
    for values in conn.execute(
        "SELECT r.card_rowid, r.reviewed_at, r.rating, r.duration_ms, r.state_before,"
        " r.step_before, r.stability_before, r.difficulty_before, r.due_before,"
        " r.last_review_before, r.state_after, r.step_after, r.stability_after,"
        " r.difficulty_after, r.due_after FROM review_log r JOIN cards c ON c.rowid = r.card_rowid"
        " WHERE c.deck_rowid = ? ORDER BY r.card_rowid, r.reviewed_at, r.id",
        (row[0],),
    ):
        rowid, at, rating, duration = values[:4]
        before = Memory(State(values[4]), *values[5:10])
        after = Memory(State(values[10]), *values[11:15])
        logs.setdefault(rowid, []).append(LogRow(at, Rating(rating), duration, before, after))
    out = []
    for (
        rowid,
        card_id,
        state,
        step,
        stability,
        difficulty,
        due,
        last,
        suspended,
        buried,
    ) in conn.execute(
        "SELECT c.rowid, c.card_id, s.state, s.step, s.stability, s.difficulty, s.due,"
        " s.last_review, s.suspended, s.buried_day FROM cards c JOIN card_state s"
        " ON s.card_rowid = c.rowid WHERE c.deck_rowid = ? AND NOT c.retired ORDER BY c.ord",
        (row[0],),
    ):
        if state == State.NEW and not suspended and buried < day and rowid not in logs:
            continue
        memory = Memory(State(state), step, stability, difficulty, due if state else 0.0, last)
        out.append(
            CardProgress(
                deck_id, card_id, memory, bool(suspended), buried >= day, logs.get(rowid, [])
            )
        )
    return out
