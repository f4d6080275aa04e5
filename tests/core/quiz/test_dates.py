"""Reading dates as people write them, and writing spans out."""

from __future__ import annotations

import pytest

from trainer.core.quiz.dates import read_date, render, shift, when_text
from trainer.core.when import When, parse_when


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("10 July 2025", "10 July 2025"),
        ("July 10, 2025", "10 July 2025"),
        ("2025-07-10", "10 July 2025"),
        ("the 10th of July, 2025", "10 July 2025"),
        ("10 Jul. 2025", "10 July 2025"),
        ("Thursday, 10 July 2025", "10 July 2025"),
        ("28/01/1986", "28 January 1986"),
        ("1/28/1986", "28 January 1986"),
        ("07.07.2025", "7 July 2025"),
        ("April 1990", "April 1990"),
        ("04/1990", "April 1990"),
        ("apr 1990", "April 1990"),
        ("late June 2025", "June 2025"),
        ("in 1963", "1963"),
        ("since 2018", "2018"),
        ("the 1860's", "1860s"),
        ("the sixteenth century", "16th century"),
        ("1500s", "16th century"),
        ("early 1800s", "early 19th century"),
        ("the beginning of the 19th century", "early 19th century"),
        ("1988-94", "1988 – 1994"),
        ("1814-15", "1814 – 1815"),
        ("from 1986 until 2001", "1986 – 2001"),
        ("between 1918 and 1920", "1918 – 1920"),
        ("1986 – 2001", "1986 – 2001"),
        ("June 1948 to May 1949", "June 1948 – May 1949"),
        ("11 September 2001 (9/11)", "11 September 2001"),
    ],
)
def test_read_forms(text: str, shown: str) -> None:
    reading = read_date(text)
    assert reading is not None and not reading.ambiguous
    assert render(reading.values[0]) == shown


@pytest.mark.parametrize("text", ["10/07/2025", "7/10/2025", "04.10.1957"])
def test_day_and_month_both_ways_give_two_readings(text: str) -> None:
    reading = read_date(text)
    assert reading is not None and reading.ambiguous
    assert {render(v) for v in reading.values} == {
        render(reading.values[0]),
        render(reading.values[1]),
    }
    assert render(reading.values[0]) != render(reading.values[1])


@pytest.mark.parametrize(
    "text", ["", "Vostok 1", "90 minutes", "'63", "26.4.86", "28 January", "2018-13"]
)
def test_not_a_date(text: str) -> None:
    assert read_date(text) is None


def test_two_digit_month_after_a_year_is_a_month_not_a_range() -> None:
    reading = read_date("2018-05")
    assert reading is not None and render(reading.values[0]) == "May 2018"


@pytest.mark.parametrize(
    ("when", "k", "moved"),
    [
        ("1991", 3, "1994"),
        ("2018-05", -6, "November 2017"),
        ("2025-07-10", 25, "4 August 2025"),
        ("1990s", 2, "2010s"),
        ("19th century", -1, "18th century"),
        ("early 19th century", 1, "mid 19th century"),
        ("early 19th century", -1, "late 18th century"),
        ("1988/1994", 2, "1990 – 1996"),
    ],
)
def test_shift_keeps_precision_and_form(when: str, k: int, moved: str) -> None:
    w = parse_when(when)
    assert isinstance(w, When)
    got = shift(w, k)
    assert got is not None and render(got) == moved
    assert got.precision == w.precision


def test_a_decade_never_moves_onto_a_century_boundary() -> None:
    w = parse_when("1990s")
    assert isinstance(w, When)
    assert shift(w, 1) is None  # '2000s' would read as the 21st century


def test_when_text_parses_back_to_the_same_span() -> None:
    for text in ("1 July 2000", "May 1994", "1860s", "early 14th century", "1950 to 1953"):
        reading = read_date(text)
        assert reading is not None
        w = reading.values[0]
        again = parse_when(when_text(w))
        assert isinstance(again, When) and (again.first, again.last) == (w.first, w.last)
