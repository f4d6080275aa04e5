"""Date expressions on sentences the tests write themselves, on other subjects."""

from __future__ import annotations

import pytest

from trainer.generate.dates import accept_variants, compatible, find_dates, when_words
from trainer.generate.events import Timeline


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Treaty of Versailles was signed on 28 June 1919 in the Hall of Mirrors.",
            ["1919-06-28"],
        ),
        ("Apollo 11 landed on the Moon on July 20, 1969, watched by millions.", ["1969-07-20"]),
        ("The Berlin Wall fell in November 1989.", ["1989-11"]),
        (
            "The crisis ran through Apr-May 1875 and the talks met on Oct. 4, 1876.",
            ["1875-04/1875-05", "1876-10-04"],
        ),
        ("The Thirty Years' War (1618-1648) devastated central Europe.", ["1618/1648"]),
        ("Fighting lasted from 1939 to 1945 across three continents.", ["1939/1945"]),
        ("Between 1846 and 1848 the famine killed a million people.", ["1846/1848"]),
        ("Steam engines spread in the late 18th century.", ["1766/1799"]),
        ("The 1960s brought the civil rights movement.", ["1960/1969"]),
        ("Prices rose sharply in the mid-1970s.", ["1974/1975"]),
        ("Printing began in the fifteenth century.", ["1400/1499"]),
        ("The archive opened on 2024-03-05 after repairs.", ["2024-03-05"]),
        ("The summit, held in 2015, agreed on targets.", ["2015"]),
        ("After 9/11, airport security changed everywhere.", ["2001-09-11"]),
        ("The reform of 1832 and the act of 1867 widened the vote.", ["1832", "1867"]),
        ("Trade fell, 1929-33, by more than half.", ["1929/1933"]),
        # two days of one event; two days apart; a list of days
        ("The armies met here on 23 and 24 June 1314.", ["1314-06-23/1314-06-24"]),
        ("The envoys met on 5 and 9 May 1945.", ["1945-05-09"]),
        ("Riots broke out on 1, 2 and 3 May 1808.", ["1808-05-03"]),
        # before Christ: astronomical years (1 BC is 0000)
        ("c. 1274 BC (Year 5) - Battle of Kadesh.", ["-1273"]),
        ("Ramesses II (r. 1279-1213 BC), son of Seti I.", ["-1278/-1212"]),
        ("Caesar was killed in 44 BC; Augustus died in AD 14.", ["-0043", "0014"]),
        ("In 480 BCE the Persians burned Athens.", ["-0479"]),
        ("Mid-14th century BC: Hatti grows.", ["-1365/-1334"]),
        ("Champollion read it in AD 1822.", ["1822"]),
        # US-style day ranges
        ("November 25-26, 1820 - Envoys sign an armistice.", ["1820-11-25/1820-11-26"]),
        ("June 22-July 15, 1826 - The Congress of Panama meets.", ["1826-06-22/1826-07-15"]),
        ("It ran from September 5 to 17, 1978.", ["1978-09-05/1978-09-17"]),
        # in capitals, as a masthead gives it
        ("LONDON, FRIDAY, AUGUST 24, 1866.", ["1866-08-24"]),
        # and as a stone is cut: "HE DEPARTED THIS LIFE DECEMBER 7TH 1817"
        ("HE DEPARTED THIS LIFE DECEMBER 7TH 1817 AGED 64", ["1817-12-07"]),
        ("SIGNED AT VIENNA 15 MAY 1955 STOP", ["1955-05-15"]),
        # in words, as a proclamation, a script or a speaker gives them
        (
            "Assent was given upon the Second day of July, in the Year of our Lord One thousand"
            " eight hundred, and the union began this First day of January, in the Year of our"
            " Lord One thousand eight hundred and one.",
            ["1800-07-02", "1801-01-01"],
        ),
        ("It was the sixteenth of April, nineteen twenty-two.", ["1922-04-16"]),
        ("They landed on June the fourteenth, nineteen hundred.", ["1900-06-14"]),
        ("The mint was founded in eighteen hundred and one.", ["1801"]),
        ("Parliament met on the Twenty-second day of January.", [""]),
        # continental figures, day.month.year
        ("With the customs law of 26.5.1818 it abolished all duties.", ["1818-05-26"]),
        ("In the night to 1.1.1834 the barriers fell.", ["1834-01-01"]),
        # years before 1000 without an era, where a day, a month or "in" leads to them
        ("When he died at Aachen on 28 January 814, his son took it all.", ["0814-01-28"]),
        ("The treaty was agreed in August 843.", ["0843-08"]),
        ("In 817 he made his eldest son co-emperor; the king died in 869.", ["0817", "0869"]),
        ("On 3 March 500 prisoners were freed.", [""]),
        # "in May, 1692": the month and its year, not a month alone and a year
        ("But in May, 1692, the fleets met off La Hogue.", ["1692-05"]),
    ],
)
def test_dates_in_other_subjects(sentence: str, expected: list[str]) -> None:
    assert [m.when for m in find_dates(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "About 2,000 soldiers and 30,000 civilians were moved.",
        "The company employed 1500 workers at its peak.",
        "The ship carried 1200 passengers.",
        "Call 1800 555 0199 for details.",
        "The road is 2100 km long.",
        # a cable's time of day and its serial number
        "STATE TREATY SIGNED BELVEDERE 1130 LOCAL TODAY BY FONMINS",
        "TO SECSTATE WASHDC PRIORITY NR 1794 CONFIDENTIAL",
        "The convoy sailed at 0600 hours.",
        # numbers in words are years only beside a day and month, or after "in"
        "Two thousand and four people came; nineteen twenty-two of them stayed.",
        "It was the first of many visits.",
        # figures that cannot be a day and a month are no date
        "Section 4.31.1850 of the rules and the 3.14.1999 release.",
        # three figures are a year only where a month or "in" leads to them and no noun follows
        "The fleet of 300 sailed in 200 ships, and in 150 years page 817 was lost.",
    ],
)
def test_numbers_are_not_years(sentence: str) -> None:
    assert find_dates(sentence) == []


def test_yearless_dates_are_marked_and_completed() -> None:
    (m,) = find_dates("Leaders met on 14 March to sign the accord.")
    assert (m.when, m.month, m.day) == ("", 3, 14)
    assert m.with_year(2019).when == "2019-03-14"
    (late,) = find_dates("Things got worse at the end of June, when talks failed.")
    assert late.with_year(2025).when == "2025-06"
    # a year-less month: the paragraph's year, else the story running on from the one before
    t = Timeline()
    t.next_paragraph()
    t.resolve(find_dates("In December 2024 an airliner was shot down.")[0])
    t.next_paragraph()
    (june,) = find_dates("Things got worse at the end of June.")
    assert t.resolve(june).mention.when == "2025-06"
    t.next_paragraph()
    t.resolve(find_dates("In 2019 the talks began.")[0])
    assert t.resolve(june).mention.when == "2019-06"  # a year stated nearby wins
    t.next_paragraph()
    t.next_paragraph()
    kept = t.resolve(june)  # two paragraphs on: no year is guessed
    assert kept.mention.when == "" and kept.confidence < 1


def test_a_day_last_or_next_counts_from_the_day_the_text_stands_at() -> None:
    timeline = Timeline()
    first = "This First day of January, in the Year of our Lord One thousand eight hundred and one."
    timeline.resolve(find_dates(first)[0], first)
    last = "By Our Proclamation of the Fifth day of November last We did signify Our Pleasure."
    assert timeline.resolve(find_dates(last)[0], last).mention.when == "1800-11-05"
    nxt = "Parliament shall meet upon Thursday, the Twenty-second day of January now next ensuing."
    assert timeline.resolve(find_dates(nxt)[0], nxt).mention.when == "1801-01-22"


def test_relative_dates() -> None:
    (m,) = find_dates("Two weeks after the election in May 2010, the coalition formed.")
    assert m.when == "2010-05" and m.relative == "two weeks after"
    (m,) = find_dates("Just a few days before the strike in March 2003, the envoy left.")
    assert m.relative == "just a few days before"


def test_words_and_variants() -> None:
    assert when_words("2025-07-10") == "10 July 2025"
    assert when_words("1988/1994") == "1988 to 1994"
    assert "July 10, 2025" in accept_variants("2025-07-10", "10 July 2025")
    assert "1988-1994" in accept_variants("1988/1994", "1988 to 1994")
    assert compatible("2018", "2018-05") and compatible("2018-05-03", "2018-05")
    assert not compatible("2018-05", "2018-06") and not compatible("1994", "1995")
    assert compatible("1988/1994", "1990")


def test_an_abbreviated_month_after_on_keeps_its_day() -> None:
    found = find_dates("The envoys met again on Oct. 4; the rest is lost.")
    assert [(m.precision, m.month, m.day) for m in found] == [("day", 10, 4)]


def test_bc_that_joins_or_votes_is_british_columbia_not_before_christ() -> None:
    assert [m.when for m in find_dates("In 1871 BC joined Confederation.")] == ["1871"]
    assert [m.when for m in find_dates("It was fought in 1274 BC and lost.")] == ["-1273"]
