"""Date expressions in English prose -> normalised ``when`` values.

Handles exact days ("10 July 2025", "July 10, 2025", "2025-07-10"), months
("February 2022", "the end of June"), years, ranges ("1988-1994", "between
1918 and 1920", "from 1988 to 1994"), decades ("the early 1990s"), centuries
("the early 19th century"), a few named days ("9/11") and dates given
relative to another ("a few days before the invasion in February 2022").
A day or month without a year is marked so the caller can supply one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from trainer.core.when import ORDINALS
from trainer.generate.lexicon import PLACES, country_of

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH_NAMES = [""] + [calendar.month_name[i] for i in range(1, 13)]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|"
    # a masthead or headline in capitals: "LONDON, FRIDAY, AUGUST 24, 1866"
    r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?"  # "DECEMBER 7TH 1817"
_YEAR = r"(?<![\d,.$£€#])(?:1[0-9]{3}|20[0-9]{2})(?![\d]|,\d|\.\d)"
# A year before 1000 without an era: "28 January 814", "in August 843", "in 817 he made";
# read only where a day, a month or "in" leads to it and no counted noun follows it
# ("on 3 March 500 prisoners", "in 200 years")
_YEAR3 = (
    r"(?<![\d,.$£€#])[1-9][0-9]{2}(?![\d]|,\d|\.\d|\s*(?:%|BC|BCE|B\.C|AD|A\.D|CE)\b)"
    r"(?!\s+(?!(?:the|and|he|she|they|it|his|her|their|its|when|as|at|in|on|by|with|was|were|"
    r"after|before|until)\b)[a-z])"
)
_YEARS = rf"(?:{_YEAR}|{_YEAR3})"
# "BC", "BCE", "B.C."; "AD 14", "14 CE"
# Not "In 1871 BC joined Confederation": British Columbia, the subject of a verb.
_BC = r"(?:BCE|BC|B\.C\.E\.|B\.C\.)(?![\w])(?!\s+(?:joined|entered|became|voted|was|had|has|is|left)\b)"
_AD = r"(?:AD|A\.D\.|CE)"
_ANCIENT = r"(?:[1-9][0-9]{0,3})"
_CIRCA = r"(?:(?P<circa>c\.|ca\.|circa) ?)?"
_PART = r"(?:(?P<part>(?i:early|mid|middle|late)|the (?:end|start|beginning|middle) of|the (?:first|second) half of)[- ]?(?:the )?)?"

_PATTERNS = [
    ("named", r"\b9/11\b"),
    # "c. 1295-1272 BC", "1279 to 1213 BCE": both ends before Christ
    (
        "bcrange",
        rf"\b{_CIRCA}(?P<y1>{_ANCIENT}) ?(?:-|–|to) ?(?:c\. ?)?(?P<y2>{_ANCIENT}) ?{_BC}",
    ),
    ("bc", rf"\b{_CIRCA}(?P<y>{_ANCIENT}) ?{_BC}"),
    ("ad", rf"(?<![\w.]){_CIRCA}(?:{_AD} (?P<y>{_ANCIENT})\b|(?P<y2>{_ANCIENT}) {_AD}\b)"),
    # "5 to 17 September 1978", "from 5-17 September", "30 November and 2 December 1943"
    (
        "drange",
        rf"\b(?:(?i:from|between) )?(?P<d1>{_DAY})(?: (?:of )?(?P<m1>{_MONTH}))? ?(?:-|to|until|till|and) ?(?P<d2>{_DAY}) (?:of )?(?P<m2>{_MONTH})(?:,? (?P<y>{_YEAR}))?\b",
    ),
    # "November 25-26, 1820", "June 22-July 15, 1826", "September 5 to 17, 1978"
    (
        "mdrange",
        rf"\b(?:(?i:from|between) )?(?P<m1>{_MONTH}) (?P<d1>{_DAY}) ?(?:-|–|to|until|through) ?(?:(?P<m2>{_MONTH}) )?(?P<d2>{_DAY}),? (?P<y>{_YEAR})\b",
    ),
    # "between January 1646 and July 1647", "from May 1940 to June 1941"
    (
        "mrange",
        rf"\b(?i:between|from) (?:(?P<d1>{_DAY}) )?(?P<m1>{_MONTH}),? (?P<y1>{_YEAR}) (?:and|to|until|till) (?:(?P<d2>{_DAY}) )?(?P<m2>{_MONTH}),? (?P<y2>{_YEAR})\b",
    ),
    # "Apr-May 1875", "June to July 1878": two months of one year
    ("mmrange", rf"\b(?P<m1>{_MONTH}) ?(?:-|–|to) ?(?P<m2>{_MONTH}),? (?P<y>{_YEAR})\b"),
    ("range", rf"\b(?P<y1>{_YEAR})/(?P<y2>[0-9]{{2}})\b(?!/)"),
    ("range", rf"\b(?i:between) (?P<y1>{_YEAR}) and (?P<y2>{_YEAR})\b"),
    ("range", rf"\b(?i:from) (?P<y1>{_YEAR}) (?:to|until|till|through) (?P<y2>{_YEAR})\b"),
    ("range", rf"(?P<y1>{_YEAR}) ?(?:-|to|until) ?(?P<y2>{_YEAR}|[0-9]{{2}}(?![\d]))\b"),
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])\b"),
    # "26.5.1818", "am 01.01.1834": a continental day, month and year in figures
    (
        "dotted",
        r"(?<![\d.])(?P<d>0?[1-9]|[12][0-9]|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>1[0-9]{3}|20[0-9]{2})(?![\d]|\.\d)",
    ),
    ("dmy", rf"\b{_PART}(?P<d>{_DAY}) (?:of )?(?P<m>{_MONTH}),? (?P<y>{_YEARS})\b"),
    ("mdy", rf"\b(?P<m>{_MONTH}) (?P<d>{_DAY})(?:,? (?P<y>{_YEAR}))?\b(?!:)"),
    ("my", rf"\b{_PART}(?P<m>{_MONTH}),? (?:of )?(?P<y>{_YEARS})\b"),
    ("dm", rf"\b(?P<d>{_DAY}) (?:of )?(?P<m>{_MONTH})\b"),
    (
        "m",
        rf"(?:\b(?:in|on|since|until|by|during|from|throughout|last|this|next|early|late|mid|the end of|the start of|the beginning of|the middle of)[- ])(?P<m>{_MONTH})\b(?!\.?,? \d)",
    ),
    ("decade", rf"\b(?:the )?{_PART}(?P<dec>1[0-9]{{2}}0|20[0-9]0)'?s\b(?! of\b)"),
    (
        "century",
        rf"\b(?:the )?{_PART}(?P<c>[0-9]{{1,2}})(?:st|nd|rd|th)[- ]century\b(?: (?P<bc>{_BC}))?",
    ),
    (
        "century",
        rf"\b(?:the )?{_PART}(?P<cw>{'|'.join(sorted(ORDINALS, key=len, reverse=True))})[- ]century\b(?: (?P<bc>{_BC}))?",
    ),
    ("year", rf"(?P<y>{_YEAR})\b(?!'?s of\b)"),  # "1000's of women": thousands, no year
    (
        "year3",
        rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Ff]rom|[Aa]fter|[Bb]efore|[Cc]irca|c\.) (?P<y>{_YEAR3})"
        r"(?=[,.;:)]|\s+(?:he|she|they|it|the|and|when|his|her|their)\b|\s*$)",
    ),
]
_COMPILED = [(kind, re.compile(p)) for kind, p in _PATTERNS]
# What each kind of pattern needs in a sentence before it is worth trying.
_NEEDS = {
    "named": "digit",
    "bcrange": "era",
    "bc": "era",
    "ad": "era",
    "drange": "month",
    "mdrange": "month",
    "mrange": "month",
    "mmrange": "month",
    "range": "year",
    "iso": "year",
    "dotted": "year",
    "dmy": "month",
    "mdy": "month",
    "my": "month",
    "dm": "month",
    "m": "month",
    "decade": "year",
    "century": "century",
    "year": "year",
    "year3": "digit",
}
_HAS = {
    "digit": re.compile(r"\d"),
    "year": re.compile(r"\d{4}"),
    "month": re.compile(_MONTH),
    "century": re.compile(r"(?i:century)"),
    "era": re.compile(r"\bB\.?C|\bA\.?D\b|\bCE\b"),
}
# Every date expression holds a digit, a month or a century: a quick test first.
_MAYBE_DATE = re.compile(rf"\d|{_MONTH}|(?i:century)")

# A year followed by a counted noun is a number ("1500 soldiers"), not a date.
_COUNTED = re.compile(
    r"\s+(?:(?!was\b|has\b|is\b|as\b|its\b|this\b|thus\b|his\b|yes\b|ones\b)[a-z]+s\b|\d|km\b|kg\b|m\b)"
    # "SIGNED BELVEDERE 1130 LOCAL": a time of day
    r"|\s*(?i:local|hours|hrs|gmt|utc|zulu)\b|Z\b"
)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:page|pages|p\.|pp\.|no\.|nr\.?|number|room|route|flight|code|km|miles|about|some|nearly|around|over|under|than|"
    r"resolutions?|articles?|sections?|chapters?|paragraphs?|clauses?)\s*|(?-i:[A-Z]{2,})[-/])$",
    re.IGNORECASE,
)
# A game's map and a survey's grid, before a year or a range of them: "hex 1020",
# "hexes 1115-1216", "hexes 1407-1610", "grid ref 3061"
_GRID_BEFORE = re.compile(
    r"\b(?:hex(?:es)?(?:\s+\d{3,4}[-–])?|squares?|grid(?:\s+ref(?:erence)?\.?)?)\s*$", re.I
)
# An author-year citation: "(Nish 1972, p. 5)", "; Oda and Fenwick 2003)", "Whitcombe (1974) argues"
_AUTHORS = r"(?P<who>[A-Z][\w'-]+)(?:\s+(?:and|&)\s+[A-Z][\w'-]+|\s+et\s+al\.?)?"
_CITED_IN = re.compile(rf"[(;]\s*{_AUTHORS},?\s+$")
_CITED_AS = re.compile(rf"\b{_AUTHORS}\s+\($")
_CITATION_ENDS = re.compile(r"[a-z]?\s*(?:[;)]|,\s*(?:pp?\.|chs?\.?\s|\d))")
_PUBLISHED_ENDS = re.compile(r"\),?\s*(?:pp?\.|chs?\b|vol\.)")
_CITATION_VERB = re.compile(
    r"[a-z]?\)\s+(?:argues|argued|shows|showed|writes|wrote|notes|noted|suggests|suggested|"
    r"claims|claimed|describes|described|observes|observed|contends|concludes|puts it)\b"
)


def _citation(sentence: str, start: int, end: int) -> bool:
    """Whether the year at ``sentence[start:end]`` dates a work cited, not an event.

    "(Paris 1919)" names a place, and "the Congress of Paris (1856)" dates one.
    """
    if sentence[start - 1 : start] == "(" and _PUBLISHED_ENDS.match(sentence, end):
        return True  # "The War of the Austrian Succession (1995), ch. 4": a book's year
    inside = _CITED_IN.search(sentence, max(0, start - 60), start)
    if inside and _CITATION_ENDS.match(sentence, end):
        who = inside.group("who")
    else:
        named = _CITED_AS.search(sentence, max(0, start - 60), start)
        if not (named and _CITATION_VERB.match(sentence, end)):
            return False
        who = named.group("who")
    return who.lower() not in MONTHS and who not in PLACES and country_of(who) is None


# "around 1440." or "about 1440, when": a year said roughly, not a number of things.
_ROUGH_YEAR = re.compile(r"(?:\b(?:about|around|nearly|some)\s*)$", re.IGNORECASE)
_YEAR_ENDS = re.compile(r"\s*(?:[.;,)]|$|\s(?:when|and|in|at|by|after|before|during)\b)")

_RELATIVE = re.compile(
    r"\b(?P<rel>(?:just |only )?(?:a few|several|some|a couple of|a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
    r"(?:days?|weeks?|months?|years?|decades?) (?:before|after|earlier than|later than|prior to))\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a sentence.

    Attributes:
        start: Offset of the expression in the sentence.
        end: Offset just past it.
        when: Normalised: YYYY, YYYY-MM, YYYY-MM-DD or START/END ("" while a year is missing).
        words: The date in words, as an answer ("10 July 2025", "1988 to 1994").
        precision: day, month, year, range, decade or century.
        month: For a day or month without a year, its month (and ``day``); else 0.
        day: See ``month``.
        relative: "a few days before" and the like, when the sentence dates
            something relative to this date.
        relative_start: Offset where that relative phrase starts, or -1.
        template: For a year-less range, its ``when`` with ``????`` for the year.
    """

    start: int
    end: int
    when: str
    words: str
    precision: str
    month: int = 0
    day: int = 0
    relative: str = ""
    relative_start: int = -1
    template: str = ""

    def with_year(self, year: int) -> DateMention:
        """This mention with the year it lacked."""
        if self.template:
            when = self.template.replace("????", f"{year:04d}")
            words = f"{self.words} {year}"
        elif self.precision == "day":
            when = f"{year:04d}-{self.month:02d}-{self.day:02d}"
            words = f"{self.day} {MONTH_NAMES[self.month]} {year}"
        else:
            when = f"{year:04d}-{self.month:02d}"
            words = f"{self.words} {year}".replace("the end of ", "late ").strip()
        return DateMention(
            self.start,
            self.end,
            when,
            words,
            self.precision,
            0,
            0,
            self.relative,
            self.relative_start,
        )


def _part_range(part: str | None, low: int, span: int) -> tuple[int, int]:
    """Narrow [low, low + span - 1] by 'early', 'mid', 'late', 'first half of'..."""
    high = low + span - 1
    if not part:
        return low, high
    part = part.lower()
    third = span // 3
    if part.startswith(("early", "the start", "the beginning")):
        return low, low + third
    if part.startswith(("mid", "middle", "the middle")):
        return low + third + 1, high - third - 1
    if part.startswith(("late", "the end")):
        return high - third, high
    if "first half" in part:
        return low, low + span // 2 - 1
    if "second half" in part:
        return low + span // 2, high
    return low, high


def _mention(kind: str, m: re.Match[str], offset: int) -> DateMention | None:
    g = m.groupdict()
    start, end = offset + m.start(), offset + m.end()
    part = g.get("part")
    if kind == "named":
        return DateMention(start, end, "2001-09-11", "11 September 2001 (9/11)", "day")
    if kind in ("bc", "bcrange", "ad"):
        return _ancient(kind, g, start, end)
    if kind in ("drange", "mdrange"):
        if " and " in m.group(0) and not m.group(0).lower().startswith("between"):
            # "on 30 November and 2 December": two days, not a range; but "on 23 and 24
            # June 1314" is one battle's two days
            day1, day2 = (int(re.sub(r"\D", "", g[d])) for d in ("d1", "d2"))
            if g.get("m1") or day2 != day1 + 1 or re.search(r"\d,\s*$", m.string[: m.start()]):
                return None  # "on 1, 2 and 3 May": a list of days
        # "5 to 17 September": the first day's month is the second's; "June 22-26": the
        # second's the first's
        m2 = MONTHS[(g.get("m2") or g["m1"]).lower().rstrip(".")]
        m1 = MONTHS[g["m1"].lower().rstrip(".")] if g.get("m1") else m2
        d1, d2 = int(re.sub(r"\D", "", g["d1"])), int(re.sub(r"\D", "", g["d2"]))
        if (m1, d1) >= (m2, d2) or d1 > calendar.monthrange(2000, m1)[1]:
            return None
        if d2 > calendar.monthrange(2000, m2)[1]:
            return None
        first = f"{d1} {MONTH_NAMES[m1]}" if m1 != m2 else str(d1)
        words = f"{first} to {d2} {MONTH_NAMES[m2]}"
        template = f"????-{m1:02d}-{d1:02d}/????-{m2:02d}-{d2:02d}"
        if g.get("y"):
            year = int(g["y"])
            return DateMention(
                start, end, template.replace("????", str(year)), f"{words} {year}", "range"
            )
        return DateMention(start, end, "", words, "range", m1, d1, template=template)
    if kind == "mrange":
        m1, m2 = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")]
        y1, y2 = int(g["y1"]), int(g["y2"])
        if (y1, m1) >= (y2, m2):
            return None
        a = f"{y1:04d}-{m1:02d}" + (
            f"-{int(re.sub(r'[^0-9]', '', g['d1'])):02d}" if g.get("d1") else ""
        )
        b = f"{y2:04d}-{m2:02d}" + (
            f"-{int(re.sub(r'[^0-9]', '', g['d2'])):02d}" if g.get("d2") else ""
        )
        return DateMention(start, end, f"{a}/{b}", f"{when_words(a)} to {when_words(b)}", "range")
    if kind == "mmrange":
        m1, m2 = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")]
        if m1 >= m2:
            return None
        a, b = f"{int(g['y']):04d}-{m1:02d}", f"{int(g['y']):04d}-{m2:02d}"
        words = f"{MONTH_NAMES[m1]} to {MONTH_NAMES[m2]} {int(g['y'])}"
        return DateMention(start, end, f"{a}/{b}", words, "range")
    if kind == "range":
        y1 = int(g["y1"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1 or y2 - y1 > 200:
            return None
        return DateMention(start, end, f"{y1}/{y2}", f"{y1} to {y2}", "range")
    if kind in ("iso", "dotted", "dmy", "mdy"):
        month = int(g["m"]) if kind in ("iso", "dotted") else MONTHS[g["m"].lower().rstrip(".")]
        day = int(re.sub(r"\D", "", g["d"]))
        if day > calendar.monthrange(2000, month)[1]:
            return None
        if g.get("y"):
            year = int(g["y"])
            if day > calendar.monthrange(year, month)[1]:
                return None
            return DateMention(
                start,
                end,
                f"{year:04d}-{month:02d}-{day:02d}",
                f"{day} {MONTH_NAMES[month]} {year}",
                "day",
            )
        return DateMention(start, end, "", f"{day} {MONTH_NAMES[month]}", "day", month, day)
    if kind == "dm":
        month = MONTHS[g["m"].lower().rstrip(".")]
        day = int(re.sub(r"\D", "", g["d"]))
        if day > calendar.monthrange(2000, month)[1]:
            return None
        return DateMention(start, end, "", f"{day} {MONTH_NAMES[month]}", "day", month, day)
    if kind == "my":
        month = MONTHS[g["m"].lower().rstrip(".")]
        year = int(g["y"])
        words = f"{MONTH_NAMES[month]} {year}"
        if part:
            words = f"{part.lower().replace('the end of', 'late').replace('the start of', 'early').replace('the beginning of', 'early')} {words}"
        return DateMention(start, end, f"{year:04d}-{month:02d}", words, "month")
    if kind == "m":
        month = MONTHS[g["m"].lower().rstrip(".")]
        lead = m.group(0)[: m.start("m") - m.start()].strip().lower().rstrip("-")
        words = MONTH_NAMES[month]
        if lead in (
            "early",
            "late",
            "mid",
            "the end of",
            "the start of",
            "the beginning of",
            "the middle of",
        ):
            words = f"{lead} {words}"
            start = offset + m.start()
        else:
            start = offset + m.start("m")
        return DateMention(start, end, "", words, "month", month)
    if kind == "decade":
        low, high = _part_range(part, int(g["dec"]), 10)
        words = f"the {g['dec']}s" if not part else f"the {part.lower()} {g['dec']}s"
        return DateMention(start, end, f"{low}/{high}", words, "decade")
    if kind == "century":
        number = int(g["c"]) if g.get("c") else ORDINALS[g["cw"].lower()]
        # the 14th century BC runs from 1400 BC (-1399) to 1301 BC (-1300)
        low, high = _part_range(part, 1 - number * 100 if g.get("bc") else (number - 1) * 100, 100)
        suffix = (
            "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        )
        words = (
            f"the {number}{suffix} century"
            if not part
            else f"the {part.lower()} {number}{suffix} century"
        )
        if g.get("bc"):
            words += " BC"
        return DateMention(
            start,
            end,
            f"{year_text(low)}/{year_text(high)}",
            words.replace("the the ", "the "),
            "century",
        )
    # a bare year ("in 817": the year without its "in")
    year = int(g["y"])
    if kind == "year3":
        start = offset + m.start("y")
    return DateMention(start, end, f"{year:04d}", str(year), "year")


def year_text(year: int) -> str:
    """A year as a ``when`` writes it: 1066 -> "1066", 1274 BC (-1273) -> "-1273"."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def year_of(when: str) -> int | None:
    """The (first) year of a ``when`` value; None when it has none."""
    m = re.match(r"-?\d{4}", when)
    return int(m.group(0)) if m else None


def _ancient(kind: str, g: dict[str, str | None], start: int, end: int) -> DateMention | None:
    """A year before Christ (or one marked AD): astronomical years, 1 BC being 0."""
    circa = "c. " if g.get("circa") else ""
    if kind == "ad":
        year = int(g.get("y") or g.get("y2") or 0)
        return DateMention(start, end, year_text(year), f"{circa}AD {year}", "year")
    if kind == "bc":
        year = int(g["y"] or 0)
        return DateMention(start, end, year_text(1 - year), f"{circa}{year} BC", "year")
    y1, y2 = int(g["y1"] or 0), int(g["y2"] or 0)
    if y2 >= y1 or y1 - y2 > 500:
        return None  # a span before Christ counts down ("1213-1203 BC"); "100-400 BC" is none
    words = f"{circa}{y1} to {y2} BC"
    return DateMention(start, end, f"{year_text(1 - y1)}/{year_text(1 - y2)}", words, "range")


def find_dates(sentence: str) -> list[DateMention]:
    """Every date expression in ``sentence``, left to right, not overlapping.

    Where expressions overlap, the one starting first wins, then the longest.
    """
    from trainer.generate.worddates import maybe, word_dates  # it reads this module's names

    in_words = word_dates(sentence) if maybe(sentence) else []
    if not in_words and not _MAYBE_DATE.search(sentence):
        return []
    has = {need: bool(test.search(sentence)) for need, test in _HAS.items()}
    candidates: list[tuple[int, int, int, str, re.Match[str] | DateMention]] = [
        (w.start, w.start - w.end, -1, "words", w) for w in in_words
    ]
    for priority, (kind, pattern) in enumerate(_COMPILED):
        if not has[_NEEDS[kind]]:
            continue
        for hit in pattern.finditer(sentence):
            if any(w.start < hit.end() <= w.end for w in in_words):
                continue  # "on June" of "on June the fourteenth, nineteen hundred"
            candidates.append((hit.start(), hit.start() - hit.end(), priority, kind, hit))
    candidates.sort(key=lambda c: c[:3])
    out: list[DateMention] = []
    taken = 0
    for start, _, _, kind, m in candidates:
        if start < taken:
            continue
        if isinstance(m, DateMention):
            mention: DateMention | None = m  # a date in words
        else:
            if (
                kind == "year"
                and (
                    _COUNTED.match(sentence[m.end() :])
                    or re.match(r"[-/]\d", sentence[m.end() :]) is not None  # "DIS-1968-02": an id
                    or _citation(sentence, m.start(), m.end())
                    or (
                        # its words are short: the few characters before the year hold them
                        _NOT_YEAR_BEFORE.search(sentence[max(0, m.start() - 48) : m.start()])
                        and not (
                            _ROUGH_YEAR.search(sentence[: m.start()])
                            and _YEAR_ENDS.match(sentence[m.end() :])
                        )
                    )
                )
            ):
                continue
            if kind in ("year", "range") and _GRID_BEFORE.search(
                sentence[max(0, m.start() - 24) : m.start()]
            ):
                continue
            if (
                kind in ("mdy", "dm")
                and not m.groupdict().get("y")
                and re.match(r"\s*(?:million|billion|percent|%|people|km)", sentence[m.end() :])
            ):
                continue
            mention = _mention(kind, m, 0)
        if mention is None:
            continue
        rel = None
        for r in _RELATIVE.finditer(sentence, 0, mention.start):
            rel = r
        if rel is not None and not find_dates_between(sentence, rel.end(), mention.start):
            mention = DateMention(
                mention.start,
                mention.end,
                mention.when,
                mention.words,
                mention.precision,
                mention.month,
                mention.day,
                rel.group("rel").lower(),
                rel.start(),
                mention.template,
            )
        out.append(mention)
        taken = m.end if isinstance(m, DateMention) else m.end()
    return out


def find_dates_between(sentence: str, start: int, end: int) -> bool:
    """Whether a year appears in ``sentence[start:end]``."""
    return re.search(_YEAR, sentence[start:end]) is not None


def parse_when(text: str) -> tuple[int, int, int, int, int, int] | None:
    """A ``when`` value as (y1, m1, d1, y2, m2, d2) bounds (0 for a missing part)."""
    parts = text.split("/")
    bounds = []
    for part in parts:
        m = re.fullmatch(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", part)
        if not m:
            return None
        bounds.append((int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)))
    if len(bounds) == 1:
        bounds.append(bounds[0])
    (a, b, c), (d, e, f) = bounds
    return a, b, c, d, e, f


def compatible(a: str, b: str) -> bool:
    """Whether two ``when`` values can describe the same time (one refines the other)."""
    if a == b:
        return True
    if "/" in a or "/" in b:
        pa, pb = parse_when(a), parse_when(b)
        if pa is None or pb is None:
            return False
        # overlapping ranges
        return (pa[0], pa[1]) <= (pb[3], pb[4] or 12) and (pb[0], pb[1]) <= (pa[3], pa[4] or 12)
    return a.startswith(b) or b.startswith(a)


def more_precise(a: str, b: str) -> str:
    """Of two compatible ``when`` values, the more precise one."""
    if "/" in a and "/" not in b:
        return b
    if "/" in b and "/" not in a:
        return a
    return a if len(a) >= len(b) else b


def when_words(when: str) -> str:
    """A ``when`` value in words: "10 July 2025", "February 2022", "1988 to 1994"."""
    if "/" in when:
        a, b = when.split("/")
        return f"{when_words(a)} to {when_words(b)}"
    if when.startswith("-") or when == "0000":
        return f"{1 - int(when)} BC"
    parts = when.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1])]} {int(parts[0])}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[int(parts[1])]} {int(parts[0])}"
    return when


def accept_variants(when: str, words: str) -> list[str]:
    """Other ways to write a date that a typed answer may use."""
    out: list[str] = []
    if when.startswith("-") or when == "0000":
        bc = when_words(when.split("/")[0]).removesuffix(" BC")
        return (
            [v for v in (f"{bc} BC", f"{bc} BCE", f"{bc} B.C.") if v != words]
            if "/" not in when
            else []
        )
    parts = when.split("-") if "/" not in when else []
    if len(parts) == 3:
        y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
        out += [f"{MONTH_NAMES[m]} {d}, {y}", f"{d} {MONTH_NAMES[m]} {y}", when, f"{d}/{m}/{y}"]
    elif len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        out += [f"{MONTH_NAMES[m]} {y}", f"{calendar.month_abbr[m]} {y}", when]
    elif "/" in when:
        a, b = when.split("/")
        if len(a) == 4 and len(b) == 4:
            out += [f"{a}-{b}", f"{a}–{b}", f"{a} to {b}", f"between {a} and {b}"]
    else:
        out.append(when)
    return [v for v in dict.fromkeys(out) if v != words]
