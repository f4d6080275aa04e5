"""Statistics by SQL: the review log's running totals and the cards' states.

Every figure is one query (or a few, one per queue for an index range):

- reviews, time, streaks and true retention come from ``review_totals``,
  which the database keeps from the review log by triggers, in the same
  transaction as each answer and its undo (schema 5). It holds one row per
  deck and quarter hour, so a year of study is a few tens of thousands of rows
  however many answers there were; a quarter hour divides every time zone's
  offset and every rollover hour, so study days come out exact;
- the forecast, the counts by state and the predicted recall come from
  ``card_state`` through its queue index.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime

from trainer.core.stats import (
    FORECAST_DAYS,
    HEATMAP_DAYS,
    ORDINAL_1970,
    RECENT_DAYS,
    WINDOWS,
    CardCounts,
    DayCount,
    QuizRow,
    Retention,
    Stats,
    streaks,
)

QUIZ_ROWS = 10
"""How many recent quizzes the history shows."""


def _marks(n: int) -> str:
    return ",".join("?" * n)


def deck_rows(conn: sqlite3.Connection, deck_ids: Sequence[str]) -> dict[int, str]:
    """Row id -> deck id for the decks named (those the catalog holds)."""
    if not deck_ids:
        return {}
    return dict(
        conn.execute(
            f"SELECT rowid, deck_id FROM decks WHERE deck_id IN ({_marks(len(deck_ids))})",
            list(deck_ids),
        ).fetchall()
    )


def _pow_available(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT pow(2.0, 0.5)").fetchone()
    except sqlite3.OperationalError:
        # SQLite built without its math functions: the same curve in Python.
        conn.create_function(
            "pow", 2, lambda x, y: None if x is None else math.pow(x, y), deterministic=True
        )
        return False
    return True


def collect(
    conn: sqlite3.Connection,
    deck_ids: Sequence[str],
    now: float,
    shift: int,
    curve: tuple[float, float],
) -> Stats:
    """Every statistic of some decks at ``now``.

    Args:
        conn: The profile database.
        deck_ids: The decks to count.
        now: The moment (UTC timestamp).
        shift: Seconds that turn a UTC timestamp into study days
            (:func:`trainer.core.stats.day_shift`).
        curve: FSRS's forgetting curve as (decay, factor):
            recall = (1 + factor * days / stability) ** decay.
    """
    rows = deck_rows(conn, deck_ids)
    today = int((now + shift) // 86400) + ORDINAL_1970
    stats = Stats(date.fromordinal(today))
    if not rows:
        return stats
    decks = list(rows)
    _reviews(conn, rows, today, shift, stats)
    _forecast(conn, decks, today, shift, stats)
    _cards(conn, decks, today, stats)
    _recall(conn, decks, now, curve, stats)
    _quizzes(conn, set(deck_ids), stats)
    return stats


def _reviews(
    conn: sqlite3.Connection, rows: dict[int, str], today: int, shift: int, stats: Stats
) -> None:
    """Reviews per study day and deck, from the running totals: all the log-based figures."""
    per_day: dict[int, list[int]] = {}
    by_deck: dict[str, dict[int, list[int]]] = {}
    first = {w: today - w + 1 for w in WINDOWS}
    total = 0
    for day, deck_row, reviews, ms, young, young_again, mature, mature_again in conn.execute(
        # slot * 900 + shift is an integer: integer division is the floor for
        # any moment after 1970.
        f"SELECT (slot * 900 + ?) / 86400 + {ORDINAL_1970} AS day, deck_rowid, SUM(reviews),"
        " SUM(ms), SUM(young), SUM(young_again), SUM(mature), SUM(mature_again)"
        f" FROM review_totals WHERE deck_rowid IN ({_marks(len(rows))})"
        " GROUP BY day, deck_rowid HAVING SUM(reviews) > 0",
        (shift, *rows),
    ):
        total += reviews
        entry = per_day.setdefault(day, [0, 0])
        entry[0] += reviews
        entry[1] += ms
        deck = by_deck.setdefault(rows[deck_row], {w: [0, 0, 0, 0] for w in WINDOWS})
        for w in WINDOWS:
            if first[w] <= day <= today:
                acc = deck[w]
                acc[0] += young
                acc[1] += young - young_again
                acc[2] += mature
                acc[3] += mature - mature_again
    stats.reviews_total = total
    reviews_today, ms_today = per_day.get(today, (0, 0))
    stats.reviews_today = reviews_today
    stats.seconds_today = ms_today / 1000
    stats.streak_days, stats.longest_streak = streaks(per_day, today)

    def days(n: int) -> list[DayCount]:
        out = []
        for d in range(today - n + 1, today + 1):
            reviews, ms = per_day.get(d, (0, 0))
            out.append(DayCount(date.fromordinal(d), reviews, ms / 1000))
        return out

    stats.heatmap = days(HEATMAP_DAYS)
    stats.recent = days(RECENT_DAYS)
    for deck_id in sorted(by_deck):
        stats.retention_by_deck[deck_id] = {
            w: Retention(*acc) for w, acc in by_deck[deck_id].items()
        }
    for w in WINDOWS:
        sums = [0, 0, 0, 0]
        for windows in by_deck.values():
            sums = [a + b for a, b in zip(sums, windows[w], strict=True)]
        stats.retention[w] = Retention(*sums)


def _forecast(
    conn: sqlite3.Connection, decks: list[int], today: int, shift: int, stats: Stats
) -> None:
    """Cards due on each of the next days; today holds the overdue ones too."""
    end = (today + FORECAST_DAYS - ORDINAL_1970) * 86400 - shift
    counts = [0] * FORECAST_DAYS
    for day, n in conn.execute(
        "SELECT CAST((due + ?) / 86400 AS INTEGER) + ? AS day, COUNT(*) FROM card_state"
        f" WHERE deck_rowid IN ({_marks(len(decks))}) AND queue IN (1, 2) AND due < ?"
        " GROUP BY day",
        (shift, ORDINAL_1970, *decks, end),
    ):
        counts[max(0, day - today)] += n
    stats.forecast = [(date.fromordinal(today + i), n) for i, n in enumerate(counts)]


def _cards(conn: sqlite3.Connection, decks: list[int], today: int, stats: Stats) -> None:
    """Cards by state: queue 0 new, 1 learning, 2 review, -1 suspended or retired.

    Every count is a range of an index, read without touching the table: the
    queue index (deck, queue, due, buried day) for the states, the buried
    index for today's buried cards; a suspended or retired card is always in
    queue -1, so only those few rows are looked up for their flags.
    """
    marks = _marks(len(decks))
    by_queue: dict[int, int] = {}
    for queue in (0, 1, 2):
        (by_queue[queue],) = conn.execute(
            f"SELECT COUNT(*) FROM card_state WHERE deck_rowid IN ({marks}) AND queue = ?",
            (*decks, queue),
        ).fetchone()
    (buried,) = conn.execute(
        "SELECT COUNT(*) FROM card_state"
        f" WHERE deck_rowid IN ({marks}) AND buried_day > 0 AND buried_day >= ? AND +queue >= 0",
        (*decks, today),
    ).fetchone()
    (suspended,) = conn.execute(
        "SELECT COALESCE(SUM(suspended), 0) FROM card_state"
        f" WHERE deck_rowid IN ({marks}) AND queue = -1",
        decks,
    ).fetchone()
    (leech,) = conn.execute(
        f"SELECT COUNT(*) FROM card_state WHERE leech AND +deck_rowid IN ({marks})", decks
    ).fetchone()
    retired, retired_suspended, retired_leech = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(s.suspended), 0), COALESCE(SUM(s.leech), 0) FROM cards c"
        " JOIN card_state s ON s.card_rowid = c.rowid"
        f" WHERE c.retired AND +c.deck_rowid IN ({marks})",
        decks,
    ).fetchone()
    stats.cards = CardCounts(
        new=by_queue.get(0, 0),
        learning=by_queue.get(1, 0),
        review=by_queue.get(2, 0),
        suspended=suspended - retired_suspended,
        buried=buried,
        leech=leech - retired_leech,
        retired=retired,
    )


def _recall(
    conn: sqlite3.Connection,
    decks: list[int],
    now: float,
    curve: tuple[float, float],
    stats: Stats,
) -> None:
    """FSRS's predicted recall now, averaged over the studied cards in study."""
    _pow_available(conn)
    decay, factor = curve
    # Read from the card_state_recall index alone; the factor per second is
    # worked out once here rather than divided out for every card.
    value = conn.execute(
        "SELECT AVG(pow(1.0 + ? * MAX(0.0, ? - last_review) / stability, ?))"
        f" FROM card_state WHERE deck_rowid IN ({_marks(len(decks))}) AND queue IN (1, 2)"
        " AND stability > 0 AND last_review IS NOT NULL",
        (factor / 86400.0, now, decay, *decks),
    ).fetchone()[0]
    stats.recall = None if value is None else float(value)


def _quiz_decks(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, list):
        return [str(v) for v in value]
    return [part.strip() for part in text.split(",") if part.strip()]


def _quizzes(conn: sqlite3.Connection, deck_ids: set[str], stats: Stats) -> None:
    """The finished quizzes over any of the decks, newest first."""
    recent: list[QuizRow] = []
    total = 0
    for finished, decks, score, out_of, passed in conn.execute(
        "SELECT finished_at, decks, score, total, passed FROM quizzes ORDER BY finished_at DESC"
    ):
        names = _quiz_decks(decks)
        if names and not deck_ids.intersection(names):
            continue
        total += 1
        if len(recent) < QUIZ_ROWS:
            recent.append(
                QuizRow(
                    datetime.fromtimestamp(finished, UTC),
                    ", ".join(names),
                    int(score),
                    int(out_of),
                    bool(passed),
                )
            )
    stats.quizzes = recent
    stats.quizzes_total = total
