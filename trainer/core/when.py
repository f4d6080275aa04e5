"""A card's ``when``: a date, a partial date, a range, a decade or a century.

``when`` never claims more than its source says: a text that says "early 19th
century" is written ``early 19th century``, not ``1800/1833``. Every form has a
span (first and last day, as ``(year, month, day)``) so that timelines order
events and quizzes compare them, and a label to show.

Forms: ``1997``, ``2025-07``, ``2025-07-10`` (years before Christ as
astronomical years, shown as BC: ``-1273`` is 1274 BC), ``START/END`` (or ``START..END``)
of those, ``1990s`` (a decade), ``1800s`` (a century), ``19th century``, and
``early`` / ``mid`` / ``late`` before a century.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

Day = tuple[int, int, int]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}
"""Ordinal words for centuries ('the sixteenth century'), as articles write them."""
_DATE = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DECADE = re.compile(r"(\d{3}0)s")
_CENTURY = re.compile(r"(?:(early|mid|late)[ -])?(\d{1,2})(?:st|nd|rd|th) century", re.IGNORECASE)
PRECISIONS = ("day", "month", "year", "decade", "century")


@dataclass(frozen=True, slots=True)
class When:
    """A parsed ``when``.

    Attributes:
        text: As written in the deck.
        first: The first day it may mean.
        last: The last day it may mean.
        precision: ``day``, ``month``, ``year``, ``decade``, ``century`` (for a
            range: the precision of its ends), so that like is compared with like.
        is_range: Whether it was written as START/END.
    """

    text: str
    first: Day
    last: Day
    precision: str
    is_range: bool = False

    @property
    def key(self) -> tuple[Day, Day]:
        """Orders events: by first day, then by last."""
        return self.first, self.last

    @property
    def label(self) -> str:
        """How to show it: '10 July 2025', 'July 2025', '1918 – 1920', 'early 19th century'."""
        parts = re.split(r"/|\.\.", self.text) if self.is_range else [self.text]
        return " – ".join(_label(p.strip()) for p in parts)

    def overlaps(self, other: When) -> bool:
        """Whether the two may mean the same time (a year contains its days)."""
        return self.first <= other.last and other.first <= self.last


def _label(part: str) -> str:
    m = _DATE.fullmatch(part)
    if not m:
        return part
    year, month, day = m.groups()
    # astronomical years: 0 is 1 BC, -1273 is 1274 BC
    shown = str(int(year)) if int(year) > 0 else f"{1 - int(year)} BC"
    if day:
        return f"{int(day)} {MONTHS[int(month) - 1]} {shown}"
    if month:
        return f"{MONTHS[int(month) - 1]} {shown}"
    return shown


def _days_in(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar (year 0 and -4 are leap years)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return calendar.monthrange(2001, month)[1]


def _one(part: str) -> tuple[Day, Day, str] | str:
    """The span and precision of one end, or what is wrong with it."""
    part = part.strip()
    m = _DATE.fullmatch(part)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is None:
            return (year, 1, 1), (year, 12, 31), "year"
        mon = int(month)
        if not 1 <= mon <= 12:
            return f"month {month} does not exist"
        last = _days_in(year, mon)
        if day is None:
            return (year, mon, 1), (year, mon, last), "month"
        if not 1 <= int(day) <= last:
            return f"day {day} does not exist in {part[:-3]}"
        return (year, mon, int(day)), (year, mon, int(day)), "day"
    m = _DECADE.fullmatch(part)
    if m:
        start = int(m.group(1))
        span = 100 if start % 100 == 0 else 10
        return (start, 1, 1), (start + span - 1, 12, 31), "century" if span == 100 else "decade"
    m = _CENTURY.fullmatch(part)
    if m:
        number = int(m.group(2))
        if not 1 <= number <= 30:
            return f"there is no {part}"
        start = (number - 1) * 100
        first, last = start, start + 99
        third = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}.get(
            (m.group(1) or "").lower()
        )
        if third:
            first, last = start + third[0], start + third[1]
        return (first, 1, 1), (last, 12, 31), "century"
    return (
        f"'{part}' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, a decade (1990s)"
        " or a century (19th century, early 19th century)"
    )


def parse_when(text: str) -> When | str:
    """A ``When``, or a sentence saying what is wrong with ``text``."""
    value = text.strip()
    parts = value.split("/") if "/" in value else value.split("..")
    if len(parts) > 2 or not all(p.strip() for p in parts):
        return "a range is two dates joined by '/' (1988/1994)"
    ends = []
    for part in parts:
        one = _one(part)
        if isinstance(one, str):
            return one
        ends.append(one)
    if len(ends) == 1:
        first, last, precision = ends[0]
        return When(value, first, last, precision)
    (first, _, p1), (_, last, p2) = ends
    if first > last:
        return "the range ends before it starts"
    coarse = max(p1, p2, key=PRECISIONS.index)
    return When(value, first, last, coarse, is_range=True)
