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
    steps: Callable[[int, int], None] | None = None,
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
        steps: Told (done, total) as it goes: each deck synced, then the progress
            brought (the commit comes after the last).
    """
    total = len(decks) + 1

    def tell(done: int) -> None:
        if steps is not None:
            steps(done, total)

    with gc_paused(), transaction(conn):
        tell(0)
        for done, (deck, row) in enumerate(decks, 1):
            sync_cards(conn, deck)
            save_file(conn, row)
            tell(done)
        states, reviews = _apply_progress(conn, progress, day) if progress else (0, 0)
        tell(total)
        before_commit()
    return Applied(sum(len(d.cards) for d, _ in decks), states, reviews)


_LOG_INSERT = (
    "INSERT INTO review_log (card_rowid, reviewed_at, rating, duration_ms, state_before,"
    " step_before, stability_before, difficulty_before, due_before, last_review_before,"
    " state_after, step_after, stability_after, difficulty_after, due_after, interval)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_STATE_UPDATE = (
    "UPDATE card_state SET queue = CASE WHEN (SELECT retired FROM cards WHERE rowid = ?1)"
    " THEN -1 ELSE ?2 END, state = ?3, step = ?4, stability = ?5, difficulty = ?6,"
    " due = CASE WHEN ?3 = 0 THEN due ELSE ?7 END, last_review = ?8, suspended = ?9,"
    " buried_day = ?10 WHERE card_rowid = ?1"
)


def _apply_progress(
    conn: sqlite3.Connection, progress: Sequence[CardProgress], day: int
) -> tuple[int, int]:
    """Card states and review-log rows for cards already synced: a few statements per deck.

    Each deck's card states and review times are read at once, the changes
    gathered in Python and written with one ``executemany`` each: the number
    of statements does not grow with the number of cards.
    """
    wanted = {item.deck_id for item in progress}
    deck_rows = {
        deck_id: rowid
        for rowid, deck_id in conn.execute("SELECT rowid, deck_id FROM decks")
        if deck_id in wanted
    }
    found: dict[tuple[int, str], tuple[int, int, float | None]] = {}
    have: dict[int, set[int]] = {}
    for deck_rowid in deck_rows.values():
        for card_id, rowid, state, last_review in conn.execute(
            "SELECT c.card_id, c.rowid, s.state, s.last_review FROM cards c"
            " JOIN card_state s ON s.card_rowid = c.rowid WHERE c.deck_rowid = ?",
            (deck_rowid,),
        ):
            found[deck_rowid, card_id] = (rowid, state, last_review)
        for rowid, at in conn.execute(
            "SELECT r.card_rowid, r.reviewed_at FROM cards c JOIN review_log r"
            " ON r.card_rowid = c.rowid WHERE c.deck_rowid = ?",
            (deck_rowid,),
        ):
            have.setdefault(rowid, set()).add(round(at * 1000))
    logs: list[tuple[object, ...]] = []
    updates: list[tuple[object, ...]] = []
    suspend: list[tuple[int]] = []
    for item in progress:
        deck_rowid = deck_rows.get(item.deck_id)
        key = (deck_rowid if deck_rowid is not None else -1, item.card_id)
        card = found.get(key)
        if card is None:
            continue
        rowid, state, last_review = card
        logs.extend(_new_log_rows(rowid, item.log, have.setdefault(rowid, set())))
        m = item.memory
        newer = (m.last_review or 0.0) > (last_review or 0.0)
        if m.state is State.NEW and not (item.suspended or item.buried):
            continue
        if state == State.NEW or newer:
            updates.append(
                (rowid, -1 if item.suspended else _QUEUE[m.state], int(m.state), m.step,
                 m.stability, m.difficulty, m.due, m.last_review, int(item.suspended),
                 day if item.buried else 0)
            )  # fmt: skip
            # a later item for the same card compares with this one, as it would in the table
            found[key] = (rowid, int(m.state), m.last_review)
        elif item.suspended:
            suspend.append((rowid,))
    conn.executemany(_LOG_INSERT, logs)
    conn.executemany(_STATE_UPDATE, updates)
    conn.executemany(
        "UPDATE card_state SET suspended = 1, queue = -1 WHERE card_rowid = ?", suspend
    )
    return len(updates), len(logs)


def _new_log_rows(rowid: int, log: Sequence[LogRow], have: set[int]) -> list[tuple[object, ...]]:
    """The review-log rows of ``log`` that the card does not have yet (by the millisecond)."""
    rows: list[tuple[object, ...]] = []
    for r in log:
        at = round(r.reviewed_at * 1000)
        if at in have:
            continue
        have.add(at)
        b, a = r.before, r.after
        rows.append(
            (rowid, r.reviewed_at, int(r.rating), r.duration_ms, int(b.state), b.step, b.stability,
             b.difficulty, b.due, b.last_review, int(a.state), a.step, a.stability, a.difficulty,
             a.due, a.due - r.reviewed_at)
        )  # fmt: skip
    return rows


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
