"""A card's `when`: every form, its span, its precision and how it is shown."""

from __future__ import annotations

import pytest

from trainer.core.when import When, parse_when


@pytest.mark.parametrize(
    ("text", "label", "first", "last", "precision"),
    [
        ("1997", "1997", (1997, 1, 1), (1997, 12, 31), "year"),
        ("2018-05", "May 2018", (2018, 5, 1), (2018, 5, 31), "month"),
        ("2025-07-10", "10 July 2025", (2025, 7, 10), (2025, 7, 10), "day"),
        ("1918/1920", "1918 – 1920", (1918, 1, 1), (1920, 12, 31), "year"),
        ("1988..1994", "1988 – 1994", (1988, 1, 1), (1994, 12, 31), "year"),
        ("2024-02-29", "29 February 2024", (2024, 2, 29), (2024, 2, 29), "day"),
        ("1990s", "1990s", (1990, 1, 1), (1999, 12, 31), "decade"),
        ("1800s", "1800s", (1800, 1, 1), (1899, 12, 31), "century"),
        ("19th century", "19th century", (1800, 1, 1), (1899, 12, 31), "century"),
        ("early 19th century", "early 19th century", (1800, 1, 1), (1833, 12, 31), "century"),
        ("late 20th century", "late 20th century", (1967, 1, 1), (1999, 12, 31), "century"),
        (
            "1978-09-05/1978-09-17",
            "5 September 1978 – 17 September 1978",
            (1978, 9, 5),
            (1978, 9, 17),
            "day",
        ),
        ("-0004-02-29", "29 February 5 BC", (-4, 2, 29), (-4, 2, 29), "day"),
        ("-1273", "1274 BC", (-1273, 1, 1), (-1273, 12, 31), "year"),
        ("-1294/-1271", "1295 BC – 1272 BC", (-1294, 1, 1), (-1271, 12, 31), "year"),
    ],
)
def test_forms(
    text: str, label: str, first: tuple[int, int, int], last: tuple[int, int, int], precision: str
) -> None:
    when = parse_when(text)
    assert isinstance(when, When)
    assert (when.label, when.first, when.last, when.precision) == (label, first, last, precision)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2025-02-29", "day 29 does not exist in 2025-02"),
        ("-0001-02-29", "day 29 does not exist"),  # 2 BC was not a leap year
        ("2025-13", "month 13 does not exist"),
        ("1994/1988", "ends before it starts"),
        ("19", "is not a date"),
        ("2025-7", "is not a date"),
        ("1/2/3", "a range is two dates"),
        ("/1990", "a range is two dates"),
        ("45th century", "there is no 45th century"),
        ("sometime", "is not a date"),
    ],
)
def test_refused(text: str, problem: str) -> None:
    result = parse_when(text)
    assert isinstance(result, str) and problem in result


def test_a_year_overlaps_its_days_and_orders_before_later_events() -> None:
    year, day, later = (parse_when(t) for t in ("1978", "1978-09-17", "1979-03-26"))
    assert isinstance(year, When) and isinstance(day, When) and isinstance(later, When)
    assert year.overlaps(day) and not day.overlaps(later)
    assert sorted([later, day, year], key=lambda w: w.key) == [year, day, later]
