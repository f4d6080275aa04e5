"""Exam dates set for decks (``trainer plan``), and bringing reviews into their window."""

from __future__ import annotations

import sqlite3
from datetime import date

from trainer.core.plan import Exam, Moments
from trainer.store.db import transaction


def set_exam(conn: sqlite3.Connection, exam: Exam, now: float) -> None:
    """Record (or move) the exam date of one deck."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO exams (deck_id, exam_day, target, set_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (deck_id) DO UPDATE SET exam_day = excluded.exam_day,"
            " target = excluded.target, set_at = excluded.set_at",
            (exam.deck_id, exam.day.isoformat(), exam.target, now),
        )


def clear_exam(conn: sqlite3.Connection, deck_id: str) -> bool:
    """Forget a deck's exam date; True when it had one."""
    with transaction(conn):
        cur = conn.execute("DELETE FROM exams WHERE deck_id = ?", (deck_id,))
    return cur.rowcount > 0


def exams(conn: sqlite3.Connection, since: date | None = None) -> dict[str, Exam]:
    """The exam dates by deck id (only those on or after ``since`` when given)."""
    out = {}
    for deck_id, day, target in conn.execute("SELECT deck_id, exam_day, target FROM exams"):
        exam = Exam(deck_id, date.fromisoformat(day), float(target))
        if since is None or exam.day >= since:
            out[deck_id] = exam
    return out


def bring_forward(conn: sqlite3.Connection, deck_id: str, m: Moments, now: float) -> int:
    """Move the deck's reviews that fall after the exam into its review window.

    Each card gets a place in the window from its row id, so the cards spread
    over the window's days. Returns how many cards moved.
    """
    if now >= m.window:
        return 0
    span = m.exam - m.window
    with transaction(conn):
        cur = conn.execute(
            # (SQLite's % works on integers: the fraction is taken by subtraction.)
            "UPDATE card_state SET due = ?2 + (card_rowid * 0.6180339887"
            " - CAST(card_rowid * 0.6180339887 AS INTEGER)) * ?3"
            " WHERE deck_rowid = (SELECT rowid FROM decks WHERE deck_id = ?1)"
            " AND queue IN (1, 2) AND due >= ?4",
            (deck_id, m.window, span, m.exam),
        )
    return cur.rowcount
