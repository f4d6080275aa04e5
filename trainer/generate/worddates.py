"""Dates written out in words, as proclamations, scripts and transcripts give them.

"the Second day of July, in the Year of our Lord One thousand eight hundred",
"this First day of January", "the sixteenth of April, nineteen twenty-two",
"June the fourteenth, nineteen hundred", "in eighteen hundred and one". A year in
words counts only beside a day and month or after "in" or "the Year of our Lord":
"nineteen twenty" alone is as likely two numbers as a year.
"""

from __future__ import annotations

import calendar
import re

from trainer.generate.dates import MONTH_NAMES, MONTHS, DateMention

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
]
_ORDINAL_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_VALUE = {w: i + 1 for i, w in enumerate(_UNITS)}
_VALUE |= {w: i + 10 for i, w in enumerate(_TEENS)}
_VALUE |= {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_VALUE |= {w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)}
_VALUE |= {w: i + 10 for i, w in enumerate(_ORDINAL_TEENS)}
_VALUE |= {"twentieth": 20, "thirtieth": 30, "oh": 0, "hundred": 100, "thousand": 1000}


def _any(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_UNIT = _any(_UNITS)
_UNDER_100 = rf"(?:(?:{_any(_TENS)})(?:[- ](?:{_UNIT}))?|{_any(_TEENS)}|{_UNIT})"
_DAY_ORDINAL = (
    rf"(?:(?:twenty|thirty)[- ](?:{_any(_ORDINAL_UNITS)})|twentieth|thirtieth|"
    rf"{_any(_ORDINAL_TEENS)}|{_any(_ORDINAL_UNITS)})"
)
_CENTURY = r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "One thousand eight hundred and one", "eighteen hundred and one", "two thousand and four"
_YEAR_COUNTED = (
    rf"(?:one\s+thousand(?:\s+(?:{_UNIT})\s+hundred)?|two\s+thousand|{_CENTURY}\s+hundred)"
    rf"(?:(?:\s+and)?\s+{_UNDER_100})?"
)
# "nineteen twenty-two", "eighteen sixty-six", "nineteen oh five": said as two numbers
_YEAR_SAID = rf"{_CENTURY}\s+(?:oh\s+(?:{_UNIT})|{_UNDER_100})"
_MONTH_WORD = _any([m.lower() for m in MONTH_NAMES[1:]])
_OF_OUR_LORD = r"(?:(?:in\s+)?the\s+year\s+(?:of\s+our\s+lord\s+)?)"
_YEAR_AFTER = rf"(?:\s*,?\s*(?:in\s+)?{_OF_OUR_LORD}?(?P<y>{_YEAR_COUNTED}|{_YEAR_SAID}))?"

_PATTERNS = [
    # "the Second day of July, in the Year of our Lord One thousand eight hundred"
    re.compile(
        rf"\b(?:(?:the|this)\s+)?(?P<d>{_DAY_ORDINAL})\s+day\s+of\s+(?P<m>{_MONTH_WORD})\b{_YEAR_AFTER}\b",
        re.IGNORECASE,
    ),
    # "the sixteenth of April, nineteen twenty-two"
    re.compile(
        rf"\b(?:the|this)\s+(?P<d>{_DAY_ORDINAL})\s+of\s+(?P<m>{_MONTH_WORD})\b{_YEAR_AFTER}\b",
        re.IGNORECASE,
    ),
    # "June the fourteenth, nineteen hundred"
    re.compile(
        rf"\b(?P<m>{_MONTH_WORD})\s+the\s+(?P<d>{_DAY_ORDINAL})\b{_YEAR_AFTER}\b", re.IGNORECASE
    ),
    # "in the Year of our Lord One thousand eight hundred", "in eighteen hundred and one"
    re.compile(rf"\b(?:{_OF_OUR_LORD}|in\s+)(?P<y>{_YEAR_COUNTED})\b", re.IGNORECASE),
    re.compile(rf"\b{_OF_OUR_LORD}(?P<y>{_YEAR_SAID})\b", re.IGNORECASE),
]
# What every date in words holds, tested as plain substrings of the lower-cased
# sentence before any pattern runs (most sentences hold none).
_HINTS = ("day of", "th of ", "st of ", "nd of ", "rd of ", "thousand", "hundred", "the year")
_MONTH_THE = tuple(f"{m.lower()} the " for m in MONTH_NAMES[1:])


def maybe(sentence: str) -> bool:
    """Whether ``sentence`` may hold a date in words (a quick test)."""
    low = sentence.lower()
    return any(h in low for h in _HINTS) or (" the " in low and any(m in low for m in _MONTH_THE))


def _number(words: str) -> int:
    """The value of a number in words ("one thousand eight hundred and one" is 1801)."""
    total = current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        value = _VALUE[word]
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    return total + current


def _year(words: str) -> int:
    """A year in words: counted ("eighteen hundred and one") or said ("nineteen twenty-two")."""
    if re.search(r"(?i)thousand|hundred", words):
        return _number(words)
    first, rest = words.split(None, 1)
    return _number(first) * 100 + _number(rest.replace("oh", "").strip() or "0")


def word_dates(sentence: str) -> list[DateMention]:
    """Every date in words in ``sentence``, left to right, not overlapping (call
    :func:`maybe` first)."""
    found: list[DateMention] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            mention = _mention(m)
            if mention is not None:
                found.append(mention)
    return sorted(found, key=lambda f: f.start)


def _mention(m: re.Match[str]) -> DateMention | None:
    g = m.groupdict()
    year = _year(g["y"]) if g.get("y") else 0
    if year and not 1000 <= year <= 2100:
        return None
    if not g.get("d"):
        return DateMention(m.start("y"), m.end(), f"{year:04d}", str(year), "year")
    start = m.start("d") if m.start("d") < m.start("m") else m.start()  # not "the", "this"
    month = MONTHS[g["m"].lower()]
    day = _number(g["d"])
    if day > calendar.monthrange(year or 2000, month)[1]:
        return None
    if not year:
        words = f"{day} {MONTH_NAMES[month]}"
        return DateMention(start, m.end(), "", words, "day", month, day)
    words = f"{day} {MONTH_NAMES[month]} {year}"
    return DateMention(start, m.end(), f"{year:04d}-{month:02d}-{day:02d}", words, "day")
