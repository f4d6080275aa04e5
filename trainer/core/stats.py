"""Statistics as plain data, and the few computations that need no database.

The store (``trainer/store/stats.py``) counts with SQL; what is left here is
pure: which study day a moment falls on, streaks over a set of study days, and
the shapes the screens and ``trainer stats --json`` show. Time is always a
parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

ORDINAL_1970 = date(1970, 1, 1).toordinal()
"""The proleptic ordinal of the Unix epoch's date: day numbers are date ordinals."""

WINDOWS = (7, 30, 365)
"""The retention windows, in study days (today included)."""

MATURE_DAYS = 21
"""A card whose interval before a review was at least this many days is mature."""

HEATMAP_DAYS = 365
RECENT_DAYS = 30
FORECAST_DAYS = 30


def day_shift(now: datetime, tz: tzinfo, rollover_hour: int) -> int:
    """Seconds to add to a UTC timestamp so that whole days of 86,400 s are study days.

    A study day starts at ``rollover_hour`` local time; the local offset is the
    one in force at ``now`` (the trainer's clock gives a fixed offset).
    Study day number of a timestamp ``ts``: ``(ts + shift) // 86400 + ORDINAL_1970``.
    """
    offset = now.astimezone(tz).utcoffset() or timedelta(0)
    return int(offset.total_seconds()) - rollover_hour * 3600


def day_number(ts: float, shift: int) -> int:
    """The study day (a date ordinal) of UTC timestamp ``ts``."""
    return int((ts + shift) // 86400) + ORDINAL_1970


def day_start(number: int, shift: int) -> float:
    """The UTC timestamp at which study day ``number`` begins."""
    return (number - ORDINAL_1970) * 86400 - shift


def streaks(days: Iterable[int], today: int) -> tuple[int, int]:
    """The current and the longest run of consecutive study days with reviews.

    The current streak ends today, or yesterday when nothing has been studied
    yet today (the day is not over, so the streak is not broken yet).

    Args:
        days: Study day numbers on which at least one review was given (any order).
        today: Today's study day number.

    Returns:
        (current, longest), in days.
    """
    ordered = sorted(set(days))
    longest = run = 0
    previous: int | None = None
    for d in ordered:
        run = run + 1 if previous is not None and d == previous + 1 else 1
        longest = max(longest, run)
        previous = d
    present = set(ordered)
    end = today if today in present else today - 1
    current = 0
    while end - current in present:
        current += 1
    return current, longest


@dataclass(frozen=True, slots=True)
class Retention:
    """True retention in one window: reviews of review cards not graded Again.

    Young cards had an interval under :data:`MATURE_DAYS` days before the
    review, mature ones at least that.
    """

    young_total: int = 0
    young_passed: int = 0
    mature_total: int = 0
    mature_passed: int = 0

    @property
    def total(self) -> int:
        """Reviews of young and mature cards together."""
        return self.young_total + self.mature_total

    @property
    def passed(self) -> int:
        """Of those, the ones not graded Again."""
        return self.young_passed + self.mature_passed

    @staticmethod
    def rate(passed: int, total: int) -> float | None:
        """``passed / total``, or None when there were no reviews."""
        return passed / total if total else None

    @property
    def young(self) -> float | None:
        """The young cards' retention (None without reviews)."""
        return self.rate(self.young_passed, self.young_total)

    @property
    def mature(self) -> float | None:
        """The mature cards' retention (None without reviews)."""
        return self.rate(self.mature_passed, self.mature_total)

    @property
    def overall(self) -> float | None:
        """Both together (None without reviews)."""
        return self.rate(self.passed, self.total)


@dataclass(frozen=True, slots=True)
class DayCount:
    """Reviews given on one study day and the time they took."""

    day: date
    reviews: int
    seconds: float


@dataclass(frozen=True, slots=True)
class QuizRow:
    """One finished quiz, as the history shows it."""

    finished: datetime
    decks: str
    score: int
    total: int
    passed: bool


@dataclass(frozen=True, slots=True)
class CardCounts:
    """Cards by state (retired cards counted apart from the others)."""

    new: int = 0
    learning: int = 0
    review: int = 0
    suspended: int = 0
    buried: int = 0
    leech: int = 0
    retired: int = 0

    @property
    def total(self) -> int:
        """Cards still in a deck (new, learning, review or suspended)."""
        return self.new + self.learning + self.review + self.suspended


@dataclass(slots=True)
class Stats:
    """Everything the statistics screen and ``trainer stats`` show.

    Attributes:
        today: Today's study day.
        reviews_total: Every answer in the log for these decks.
        reviews_today: Answers given today.
        seconds_today: Time they took.
        streak_days: The current streak (see :func:`streaks`).
        longest_streak: The longest streak ever.
        heatmap: Reviews per study day over the last year, oldest first, one per day.
        recent: Reviews and time per day over the last 30 days, oldest first.
        retention: By window (7, 30, 365 days), all the decks together.
        retention_by_deck: By deck id, by window.
        forecast: Cards due on each of the next 30 days (today holds the overdue ones).
        cards: Cards by state.
        recall: The average predicted chance of recalling a studied card now,
            or None when no card has been studied.
        quizzes: The most recent finished quizzes, newest first.
        quizzes_total: How many quizzes were finished.
    """

    today: date
    reviews_total: int = 0
    reviews_today: int = 0
    seconds_today: float = 0.0
    streak_days: int = 0
    longest_streak: int = 0
    heatmap: list[DayCount] = field(default_factory=list)
    recent: list[DayCount] = field(default_factory=list)
    retention: dict[int, Retention] = field(default_factory=dict)
    retention_by_deck: dict[str, dict[int, Retention]] = field(default_factory=dict)
    forecast: list[tuple[date, int]] = field(default_factory=list)
    cards: CardCounts = field(default_factory=CardCounts)
    recall: float | None = None
    quizzes: list[QuizRow] = field(default_factory=list)
    quizzes_total: int = 0


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _retention_json(r: Retention) -> dict[str, object]:
    return {
        "young": _rate(r.young),
        "mature": _rate(r.mature),
        "overall": _rate(r.overall),
        "young_reviews": r.young_total,
        "mature_reviews": r.mature_total,
    }


def as_json(stats: Stats) -> dict[str, object]:
    """The figures with stable keys (documented in docs/stats.md)."""
    c = stats.cards
    return {
        "today": stats.today.isoformat(),
        "reviews_total": stats.reviews_total,
        "reviews_today": stats.reviews_today,
        "seconds_today": round(stats.seconds_today, 1),
        "streak_days": stats.streak_days,
        "longest_streak_days": stats.longest_streak,
        "retention": {str(w): _retention_json(r) for w, r in stats.retention.items()},
        "retention_by_deck": {
            deck: {str(w): _retention_json(r) for w, r in windows.items()}
            for deck, windows in stats.retention_by_deck.items()
        },
        "forecast": [{"date": d.isoformat(), "due": n} for d, n in stats.forecast],
        "cards": {
            "new": c.new,
            "learning": c.learning,
            "review": c.review,
            "suspended": c.suspended,
            "buried": c.buried,
            "leech": c.leech,
            "retired": c.retired,
            "total": c.total,
        },
        "recall_now": _rate(stats.recall),
        "last_30_days": [
            {"date": d.day.isoformat(), "reviews": d.reviews, "seconds": round(d.seconds, 1)}
            for d in stats.recent
        ],
        "heatmap": [{"date": d.day.isoformat(), "reviews": d.reviews} for d in stats.heatmap],
        "quizzes": {
            "total": stats.quizzes_total,
            "recent": [
                {
                    "finished": q.finished.isoformat(),
                    "decks": q.decks,
                    "score": q.score,
                    "total": q.total,
                    "passed": q.passed,
                }
                for q in stats.quizzes
            ],
        },
    }
