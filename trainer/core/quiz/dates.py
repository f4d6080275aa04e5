"""Dates as people write them, read into spans; and spans written back out.

``read_date`` reads a whole answer or reply as one date: "10 July 2025",
"July 10, 2025", "2025-07-10", "10/07/2025", "April 1990", "04/1990", "1997",
"the 1860s", "the sixteenth century", "early 1800s", "1988-94", "from 1986
to 2001", "between 1918 and 1920". A numeric day and month that could be read
both ways ("10/07/2025") gives two readings, so the grader can refuse it
rather than guess. Spans and precisions are ``trainer.core.when.When``, the
same as a card's ``when``.

``render`` writes a span the way options and statements show it, and
``shift`` moves one by whole units of its own precision (the raw material of
date distractors).
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from trainer.core.quiz.text import fold, strip_parens
from trainer.core.when import MONTHS, ORDINALS, PRECISIONS, When, parse_when

_MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)})
_MONTH_NUMBERS["sept"] = 9
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{3,4})"
_QUAL = r"(?:(early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of|middle of|the first half of|the second half of)[ -]?)?"
_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))

_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_NUMERIC_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_NUMERIC_MONTH = re.compile(r"(\d{1,2})[/.-](\d{4})")
_DMY = re.compile(rf"(?:the )?{_DAY} (?:of )?{_MONTH} {_YEAR}")
_MDY = re.compile(rf"{_MONTH} (?:the )?{_DAY} {_YEAR}")
_MY = re.compile(rf"{_QUAL}(?:the )?{_MONTH} (?:of )?{_YEAR}")
_Y = re.compile(rf"{_QUAL}(?:the )?{_YEAR}")
_DECADE = re.compile(rf"(?:the )?{_QUAL}(?:the )?(\d{{3}}0)s")
_CENTURY = re.compile(
    rf"(?:the )?{_QUAL}(?:the )?(\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})[ -]century"
)
_DATE_HINT = re.compile(r"\d|[Cc]entury")
_SHORT_RANGE = re.compile(r"(\d{3,4}) ?- ?(\d{2})")
_RANGE = (
    re.compile(r"between (.+?) and (.+)"),
    re.compile(r"(?:from )?(.+?) (?:to|until|till|through|-) (.+)"),
    re.compile(r"(.+?) and (.+)"),
    re.compile(r"(.+?) ?[-/] ?(.+)"),
)
_LEADING = re.compile(
    r"^(?:(?:in|on|since|during|around|about|circa|c|ca|approximately|roughly|by|at|year|the year)\s+)+"
)
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_PARTS = {
    "early": "early",
    "the beginning of": "early",
    "beginning of": "early",
    "the start of": "early",
    "start of": "early",
    "the first half of": "early",
    "mid": "mid",
    "the middle of": "mid",
    "middle of": "mid",
    "late": "late",
    "the end of": "late",
    "end of": "late",
    "the second half of": "late",
}
_THIRDS = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}
_DECADE_THIRDS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


@dataclass(frozen=True, slots=True)
class DateReading:
    """What a text says as a date.

    Attributes:
        values: One span, or two when a numeric day and month could be read
            both ways (day first, then month first).
    """

    values: tuple[When, ...]

    @property
    def ambiguous(self) -> bool:
        """Whether the day and month could be read both ways."""
        return len(self.values) > 1


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and _leap(year) else calendar.monthrange(2001, month)[1]


def _day(year: int, month: int, day: int) -> When | None:
    if not (1 <= month <= 12 and 1 <= day <= _month_days(year, month)):
        return None
    return When(f"{year:04d}-{month:02d}-{day:02d}", (year, month, day), (year, month, day), "day")


def _month(year: int, month: int) -> When | None:
    if not 1 <= month <= 12:
        return None
    return When(
        f"{year:04d}-{month:02d}",
        (year, month, 1),
        (year, month, _month_days(year, month)),
        "month",
    )


def _year(year: int) -> When:
    return When(f"{year:04d}", (year, 1, 1), (year, 12, 31), "year")


def _century(number: int, part: str) -> When | None:
    if not 1 <= number <= 30:
        return None
    start = (number - 1) * 100
    if part:
        lo, hi = _THIRDS[part]
        return When(
            f"{part} {_ordinal(number)} century",
            (start + lo, 1, 1),
            (start + hi, 12, 31),
            "century",
        )
    return When(f"{_ordinal(number)} century", (start, 1, 1), (start + 99, 12, 31), "century")


def _decade(start: int, part: str) -> When | None:
    if start % 100 == 0:
        return _century(start // 100 + 1, part)
    if part:
        lo, hi = _DECADE_THIRDS[part]
        return When(
            f"{start + lo}/{start + hi}", (start + lo, 1, 1), (start + hi, 12, 31), "decade"
        )
    return When(f"{start}s", (start, 1, 1), (start + 9, 12, 31), "decade")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _clean(text: str) -> str:
    t, _ = strip_parens(text)
    t = fold(t)
    t = t.replace("–", "-").replace("—", "-").replace("−", "-")
    t = re.sub(r"['’ʼ`]", "", t)
    t = t.replace(",", " ")
    t = _WEEKDAY.sub(" ", t)
    t = re.sub(r"\s+", " ", t).strip(" .!?;:")
    return t


def _single(t: str) -> tuple[When, ...]:
    """The readings of one date (no range), or () when ``t`` is not one."""
    t = _LEADING.sub("", t).strip()
    m = _ISO_DAY.fullmatch(t)
    if m:
        got = _day(int(m[1]), int(m[2]), int(m[3]))
        return (got,) if got else ()
    m = _ISO_MONTH.fullmatch(t)
    if m:
        got = _month(int(m[1]), int(m[2]))
        return (got,) if got else ()
    m = _NUMERIC_DAY.fullmatch(t)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day_first = _day(year, b, a)
        month_first = _day(year, a, b)
        if a == b or not month_first:
            return (day_first,) if day_first else ()
        if not day_first:
            return (month_first,)
        return (day_first, month_first)
    m = _NUMERIC_MONTH.fullmatch(t)
    if m:
        got = _month(int(m[2]), int(m[1]))
        return (got,) if got else ()
    m = _DMY.fullmatch(t)
    if m:
        got = _day(int(m[3]), _MONTH_NUMBERS[m[2]], int(m[1]))
        return (got,) if got else ()
    m = _MDY.fullmatch(t)
    if m:
        got = _day(int(m[3]), _MONTH_NUMBERS[m[1]], int(m[2]))
        return (got,) if got else ()
    m = _MY.fullmatch(t)
    if m:
        got = _month(int(m[3]), _MONTH_NUMBERS[m[2]])
        return (got,) if got else ()
    m = _Y.fullmatch(t)
    if m:
        return (_year(int(m[2])),)
    m = _DECADE.fullmatch(t)
    if m:
        got = _decade(int(m[2]), _PARTS.get(m[1] or "", ""))
        return (got,) if got else ()
    m = _CENTURY.fullmatch(t)
    if m:
        word = m[2]
        number = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        got = _century(number, _PARTS.get(m[1] or "", ""))
        return (got,) if got else ()
    return ()


def _join(a: When, b: When) -> When | None:
    if not a.first < b.first or a.last > b.last:
        return None
    coarse = max(a.precision, b.precision, key=PRECISIONS.index)
    return When(f"{a.text}/{b.text}", a.first, b.last, coarse, is_range=True)


def _range(t: str) -> When | None:
    m = _SHORT_RANGE.fullmatch(t)
    if m:
        start, end = int(m[1]), int(m[2])
        if end <= 12:
            return None  # 2018-05 is May 2018, not a range
        full = start - start % 100 + end
        return _join(_year(start), _year(full)) if full > start else None
    for pattern in _RANGE:
        m = pattern.fullmatch(t)
        if not m:
            continue
        second = _single(m[2])
        if len(second) != 1:
            continue
        first = _single(m[1])
        if not first and second[0].precision in ("day", "month"):
            # "June to August 1948": the first end takes the second's year
            first = _single(f"{m[1]} {second[0].first[0]}")
        if len(first) != 1:
            continue
        if pattern is _RANGE[2] and not (first[0].precision == second[0].precision == "year"):
            continue
        got = _join(first[0], second[0])
        if got:
            return got
    return None


@lru_cache(maxsize=16384)
def read_date(text: str) -> DateReading | None:
    """``text`` as one date or range, or None when it is not one as a whole."""
    if not _DATE_HINT.search(text):
        return None
    t = _clean(text)
    if not t:
        return None
    single = _single(t)
    if single:
        return DateReading(single)
    ranged = _range(_LEADING.sub("", t))
    return DateReading((ranged,)) if ranged else None


def parse_card_when(text: str) -> When | None:
    """A card's ``when`` as a span, or None when it has none or it is unreadable."""
    if not text:
        return None
    got = parse_when(text)
    return got if isinstance(got, When) else None


def same_span(a: When, b: When) -> bool:
    """Whether two spans cover exactly the same days."""
    return a.first == b.first and a.last == b.last


def within(inner: When, outer: When) -> bool:
    """Whether ``inner`` lies inside ``outer``."""
    return outer.first <= inner.first and inner.last <= outer.last


# --- writing spans out -----------------------------------------------------------


def _end(day: tuple[int, int, int], precision: str) -> str:
    year, month, d = day
    if precision == "day":
        return f"{d} {MONTHS[month - 1]} {year}"
    if precision == "month":
        return f"{MONTHS[month - 1]} {year}"
    return str(year)


def _part_of(w: When) -> tuple[int, str] | None:
    """A century span as (century number, part), or None."""
    start, end = w.first[0], w.last[0]
    base = start - start % 100
    for part, (lo, hi) in (("", (0, 99)), *_THIRDS.items()):
        if start == base + lo and end == base + hi:
            return base // 100 + 1, part
    return None


def render(w: When) -> str:
    """A span as options show it: '4 October 1957', 'April 1990', '1997',
    '1860s', '16th century', 'early 19th century', '1988 – 1994'."""
    if w.precision == "century" and not w.is_range:
        got = _part_of(w)
        if got:
            number, part = got
            return f"{part} {_ordinal(number)} century".strip()
    if w.precision == "decade" and not w.is_range and w.last[0] - w.first[0] == 9:
        return f"{w.first[0]}s"
    if w.is_range:
        precision = w.precision if w.precision in ("day", "month") else "year"
        return f"{_end(w.first, precision)} – {_end(w.last, precision)}"
    if w.precision == "decade":
        return f"{w.first[0]} – {w.last[0]}"
    return _end(w.first, w.precision)


def ends(w: When) -> tuple[str, str]:
    """A range's two ends as text ('1988', '1994'; 'June 1948', 'May 1949')."""
    precision = w.precision if w.precision in ("day", "month") else "year"
    return _end(w.first, precision), _end(w.last, precision)


def when_text(w: When) -> str:
    """A span in the deck's ``when`` syntax (what Question.when holds)."""
    got = parse_when(w.text)
    if isinstance(got, When) and same_span(got, w):
        return w.text
    if w.precision == "century" and not w.is_range:
        return render(w)
    return f"{w.first[0]:04d}/{w.last[0]:04d}"


# --- moving spans ------------------------------------------------------------------


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _shift_day(day: tuple[int, int, int], k: int, unit: str) -> tuple[int, int, int] | None:
    year, month, d = day
    if unit == "day":
        try:
            moved = datetime.date(year, month, d) + datetime.timedelta(days=k)
        except (ValueError, OverflowError):
            return None
        return moved.year, moved.month, moved.day
    if unit == "month":
        y, m = _add_months(year, month, k)
        return (y, m, min(d, calendar.monthrange(2000, m)[1])) if y >= 1 else None
    y = year + k
    return (y, month, d) if y >= 1 else None


def shift(w: When, k: int) -> When | None:
    """``w`` moved by ``k`` units of its own precision and shape (a day by days,
    a year by years, a century's early third to the neighbouring thirds, a
    range by its ends' unit), or None when that leaves the calendar."""
    if k == 0:
        return w
    if w.precision == "century" and not w.is_range:
        got = _part_of(w)
        if not got:
            return None
        number, part = got
        if part:
            order = ("early", "mid", "late")
            index = (number * 3 + order.index(part)) + k
            return _century(index // 3, order[index % 3])
        return _century(number + k, "")
    if w.precision == "decade" and not w.is_range:
        span = w.last[0] - w.first[0]
        start = w.first[0] + 10 * k
        if start < 1:
            return None
        if start % 100 == 0:
            return None  # '1500s' reads as a century: never offer that decade
        text = f"{start}s" if span == 9 else f"{start}/{start + span}"
        return When(text, (start, 1, 1), (start + span, 12, 31), "decade")
    if w.precision in ("decade", "century"):
        return None  # a range of decades or centuries: only real ones from the decks
    unit = w.precision if w.precision in ("day", "month") else "year"
    first = _shift_day(w.first, k, unit)
    if first is None:
        return None
    if w.is_range:
        last = _shift_day(w.last, k, unit)
        if last is None:
            return None
        a = _make(first, unit)
        b = _make(last, unit)
        if not a or not b:
            return None
        return _join(a, b)
    return _make(first, unit)


def _feb(year: int) -> int:
    return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28


def _make(day: tuple[int, int, int], unit: str) -> When | None:
    year, month, d = day
    if unit == "day":
        return _day(year, month, d) if d <= (_feb(year) if month == 2 else 31) else None
    if unit == "month":
        return _month(year, month)
    return _year(year)
