"""Dated events: what each date in a sentence dates, and which year a year-less date has.

A date fact's title is a short description of the event (for merging and
stable ids); its card is a cloze of the sentence itself, so the description
never has to read well on its own.

Years: a date that gives its own year keeps it. A day or month without one
takes the year stated earlier in its paragraph; else, in a dated piece (a
dateline or publication date in its first lines), the dateline's year; else the
year last stated before it in the article. With none of those the date is kept
as written, without a year, and the fact is not sure. A relative date ("two
days later", "six years ago", "on Saturday") is resolved against the date it
is counted from: the date just before it, or the dateline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from trainer.generate.dates import MONTH_NAMES, DateMention, year_of
from trainer.generate.facts import STOPWORDS, Fact
from trainer.generate.text import label_of

_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|by|during|from|until|till|at|of|around|circa|about|throughout|after|before|the|"
    r"(?:for\s+)?(?:most|much|all|part|the rest|the end|the start)\s+of)\s+)+$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:among (?:the|its|other) examples (?:include|are|embrace|contain)|for example|for instance|such as|including|"
    r"examples include|notably|especially|particularly)\s*:?\s*",
    re.IGNORECASE,
)
# A comma followed by a digit is a thousands separator ("30,000"), not a clause break.
_NO_COMMA = r"(?:[^,]|,(?=\d))*"
_INTRO = re.compile(
    rf"^(?:in|on|by|since|during|until|around|at|from|early|late|mid)\b{_NO_COMMA},\s*",
    re.IGNORECASE,
)
_INTRO_PHRASE = re.compile(
    rf"^(?:after|before|following|despite|with|amid|amidst|as|in|during|when|although|though)\b{_NO_COMMA},\s*",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|that)\s+")
_PARTICIPLE = re.compile(
    r",\s+(?:agreed|signed|held|founded|created|established|built|declared|launched|fought|brokered|ratified|concluded|negotiated|adopted)\b"
)
_WHEN_AFTER = re.compile(r"^,?\s*when\s+")
_PARENS = re.compile(r"\s*\([^)]*\)")
_DASHED = re.compile(r"\s+-\s+[^-]{1,80}?\s+-\s+")


QUALIFIERS = ("since", "after", "before", "until")
_LEADING_INTRO = re.compile(
    r"^(?:under|after|before|with|following|during|despite|for|in|on|at|by|thanks to)\b[^,]{0,40},\s+(?=\S+\s+\S+\s+\S+)",
    re.IGNORECASE,
)


def _clean(label: str, limit: int = 22) -> str:
    label = _PARENS.sub("", label)
    label = re.sub(r"^\s*-\s+[^-]{1,80}?\s+-\s+", "", label)
    label = _DASHED.sub(" ", label)
    label = label.replace("(", "").replace(")", "")
    label = label.strip(" ,;:-.")
    label = _LEAD_IN.sub("", label)
    label = _LEADING_INTRO.sub("", label)
    label = re.sub(
        r"^(?:and|but|or|then|so|that|while|whereas|yet|having)\s+", "", label, flags=re.IGNORECASE
    )
    label = re.sub(r"\s+", " ", label).strip(" ,;:-.")
    label = re.sub(
        r"\s+(?:in|on|since|by|during|from|until|at|of|the|and|to|after|before)$", "", label
    )
    words = label.split()
    if len(words) > limit:
        cut = label.find(",", len(" ".join(words[:6])))
        label = (
            label[:cut]
            if 0 < cut < len(" ".join(words[:limit]))
            else " ".join(words[:limit]) + " ..."
        )
    return label.strip(" ,;:-.")


def _without_date(text: str, start: int, end: int) -> tuple[str, str]:
    """The text with the date (and its preposition) removed, and that preposition."""
    before = text[:start]
    prep = _PREP_BEFORE.search(before)
    word = ""
    if prep:
        word = prep.group(0).strip().split()[0].lower()
        before = before[: prep.start()]
    after = text[end:]
    return f"{before.rstrip()} {after.lstrip()}".strip(), word


def event_label(sentence: str, m: DateMention, others: list[DateMention]) -> tuple[str, str]:
    """A short description of what ``m`` dates in ``sentence``, and a qualifier ("since")."""
    seg_start = sentence.rfind(";", 0, m.start) + 1
    seg_end = sentence.find(";", m.end)
    seg_end = len(sentence) if seg_end < 0 else seg_end
    # With several dates in one stretch, each keeps only the words since the previous one.
    previous = [o for o in others if seg_start <= o.end <= m.start]
    if previous:
        seg_start = max(o.end for o in previous)
    following = [o for o in others if m.end <= o.start < seg_end]
    if following:
        nxt = min(o.start for o in following)
        stop = max(sentence.rfind(",", m.end, nxt), sentence.rfind(" and ", m.end, nxt))
        seg_end = stop if stop > 0 else nxt
    seg = sentence[seg_start:seg_end]
    ms, me = m.start - seg_start, m.end - seg_start
    after = seg[me:]
    label = label_of(sentence[: m.start])
    if label and not sentence[m.end :].strip(" .;"):
        return label, ""  # a fact sheet's "Launch date: 24 April 1990"
    # "... in 2018 when Pashinyan came to power", "the 19th century, when X happened"
    w = _WHEN_AFTER.match(after)
    if w:
        clause = after[w.end() :]
        clause = re.sub(r"^-\s+[^-]{1,80}?\s+-\s+", "", clause)
        parts = re.split(r",\s+(?=[a-z]+ing\b)|;|,\s+(?=[A-Z])", clause)
        return _clean(parts[0]), ""
    # "When X met Y in Abu Dhabi on July 10, they ..." / "... failed when X retook Y in September 2023"
    wpos = 0 if seg[:5].lower() == "when " else seg.rfind(" when ", 0, ms)
    if wpos >= 0:
        clause = re.sub(r"^when\s+", "", seg[wpos:ms].strip(), flags=re.IGNORECASE)
        clause = _PREP_BEFORE.sub("", clause)
        if len(clause.split()) >= 3:
            return _clean(clause), ""
    # "X, which collapsed in 1991," / "his son Ilham, who would succeed him in 2003"
    rc = None
    for r in _RELATIVE_CLAUSE.finditer(seg, 0, ms):
        rc = r
    pc = None
    for p in _PARTICIPLE.finditer(seg, 0, ms):
        pc = p
    clause_start = max(
        (x for x in (rc, pc) if x is not None), key=lambda x: x.start(), default=None
    )
    if clause_start is not None and "," not in seg[clause_start.end() : ms]:
        head_start = seg.rfind(",", 0, clause_start.start()) + 1
        head = seg[head_start : clause_start.start()].strip()
        # the antecedent is the last noun phrase: from its determiner on
        dets = list(
            re.finditer(r"\b(?:the|a|an|its|his|her|their|this|that)\s", head, re.IGNORECASE)
        )
        if dets and len(head[dets[-1].start() :].split()) >= 2:
            head = head[dets[-1].start() :]
        head = re.sub(
            r"^(?:under|of|for|by|with|to|from|as|like)\s+", "", head, flags=re.IGNORECASE
        )
        head = re.sub(
            r"^(?:the self-declared|because the|as the)\b.*?\bof\s+", "", head, flags=re.IGNORECASE
        )
        verb = seg[clause_start.end() if clause_start is rc else clause_start.start() + 1 : ms]
        verb = _PREP_BEFORE.sub("", verb.strip())
        if head:
            return _clean(f"{head} {verb}"), ""
    # "the 2020 Second Karabakh War": a year naming an event
    named = re.match(
        r"\s+((?:[A-Z][\w'-]*\s*(?:-\s*)?){1,5}(?:[Ww]ar|[Bb]attle|[Cc]risis|[Rr]evolution|[Oo]lympics|[Ee]lection|[Ss]ummit|[Oo]ffensive))\b",
        after,
    )
    if named and seg[:ms].rstrip().lower().endswith("the") and m.precision == "year":
        intro = re.match(r"^\s*(?:following|after)\s+the\s*$", seg[:ms], re.IGNORECASE)
        rest = after[named.end() :]
        if intro and rest.startswith(","):
            return _clean(rest[1:]), "after the " + _clean(named.group(1))
        return _clean(named.group(1)), ""
    # "In 1994, after more than 30,000 casualties, Russia brokered a ceasefire."
    text, prep = _without_date(seg, ms, me)
    if ms <= 12 and _INTRO.match(seg):
        rest = seg[me:].lstrip(" ,")
        while intro := _INTRO_PHRASE.match(rest):
            rest = rest[intro.end() :]
        return _clean(rest), ""
    if m.relative and m.relative_start >= seg_start:
        return _clean(sentence[m.end :].lstrip(" ,")), ""
    # "Having signed X in 1997, this was ...": the phrase before the date stands alone
    if after.startswith(", ") and len(seg[:ms].split()) >= 3:
        before, prep = _without_date(seg[:me], ms, me)
        return _clean(before), prep if prep in QUALIFIERS else ""
    text = re.sub(r"^(?:after|before|following)\b[^,]*,\s*", "", text, flags=re.IGNORECASE)
    return _clean(text), prep if prep in QUALIFIERS else ""


_NO_YEAR_HERE = "the year is not given in its paragraph"
PAGE_YEAR = "year taken from the page's title"


def date_fact(sentence: str, r: Resolved, others: list[DateMention]) -> Fact | None:
    """The fact a resolved date states in ``sentence`` (sources and evidence left to the caller)."""
    m = r.mention
    label, qualifier = event_label(sentence, m, others)
    note = qualifier
    if m.relative:
        anchor = _anchor_label(sentence, m)
        note = f"{m.relative} {anchor}"
    if len(label.split()) < 2 and not label_of(sentence[: m.start]):
        # no description of its own: the card quotes the sentence, but such dates
        # ("Instead, in 1998") are rarely facts worth a card
        words = [w for w in re.findall(r"[\w'-]+", sentence[m.end :]) if w.lower() not in STOPWORDS]
        label = " ".join(words[:8])
        if len(label.split()) < 2:
            return None
        r = Resolved(m, min(r.confidence, 0.6), "no event named next to the date", r.said)
    if m.precision == "month" and r.why == _NO_YEAR_HERE:
        # "took office in Stockholm in August", no year before it in its paragraph:
        # a month the card cannot place in any year
        r = Resolved(m, min(r.confidence, 0.6), r.why, r.said)
    label = label[0].upper() + label[1:]
    fact = Fact("date", "", label, m.when, m.words, note=note, confidence=r.confidence)
    if r.why:
        fact.doubts.append(r.why)
    fact.key = f"date:{m.when or m.words}:" + "-".join(sorted(fact.keywords())[:6])
    return fact


def _anchor_label(sentence: str, m: DateMention) -> str:
    """For "a few days before X in February 2022", the X."""
    rel = re.search(re.escape(m.relative), sentence[m.relative_start :], re.IGNORECASE)
    start = m.relative_start + (rel.end() if rel else 0)
    return _clean(_PREP_BEFORE.sub("", sentence[start : m.start].strip()))


# -- years and relative dates ----------------------------------------------------------

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100,
}  # fmt: skip
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
# "two days later", "a year earlier", "six years ago", "sixty years ago today"
_COUNTED = re.compile(
    rf"\b(?i:{_COUNT})\s+(?P<unit>days?|months?|years?|decades?)\s+"
    # "seven years ago last week": the years count, the week is lost in them
    r"(?P<dir>later|earlier|afterwards|ago(?:\s+today|\s+last\s+(?:week|month))?)\b",
    re.IGNORECASE,
)
# "on Saturday", "last Tuesday", "today", "yesterday"
_DAY_WORD = re.compile(
    r"\b(?:(?P<on>on|last|this)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    # not "yesterday's signature": a card would read "13 March 1854's signature"
    r"(?P<today>today|to-day|yesterday|this (?:morning|afternoon|evening)))\b(?!'s)"
)
# A day of this month, last month or next, as letters and old newspapers give them:
# "the 26th ult.", "the 2nd inst.", "the 3rd prox."
_OF_MONTH = re.compile(r"\bthe\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\s+(?P<which>inst|ult|prox)\b\.?")
# A dateline: "LE BOURGET, France, 12 December 2015 -- Delegates ...", "PARIS (Reuters) -"
_DATELINE = re.compile(r"^[A-Z][\w .,'()/-]{1,80}?\s+(?:--?|:)\s")
# A line of publishing furniture: "Published 12 May 2020", "Issue 41, Spring 2024".
_PUBLISHED = re.compile(
    r"\b(?i:published|updated|posted|issue|edition|vol\.|volume|newsletter|bulletin)\b|^(?i:by)\b"
)
# A sentence that tells what happened (a verb in the past tense).
_PAST = re.compile(r"\b(?:was|were|had|did|said|won|lost|met|left|began|came|took|\w{2,}ed)\b")
# "5 December last year", "in April next year": a year counted from the piece's own.
# "the next June", "the following spring": counted from a date told before
_NEXT = re.compile(r"\b(?:next|following)\s+$", re.IGNORECASE)
# What tells that a year-less date counts from the event told before it.
_AFTER = re.compile(r"\b(?:later|afterwards?|after|following|next|then|soon)\b", re.IGNORECASE)
# "the Fifth day of November last", "the Twenty-second day of January now next ensuing"
_LAST_OR_NEXT = re.compile(r"\s+(?:now\s+)?(last|next)\b(?!\s+(?:year|week|month))", re.IGNORECASE)
_YEAR_WORD = re.compile(r",?\s+(?:of\s+)?(last|previous|next|this)\s+year\b", re.IGNORECASE)
# "had been", "had signed": told as before the time the paragraph stands at.
_PLUPERFECT = re.compile(
    r"\bhad\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en|met|left|won|lost|made|held|led|sent|set)\b"
)
# A sentence about what is still to come: its year-less dates lie after the dateline.
_FUTURE = re.compile(r"\b(?:will|shall|is to|are to|is due|are due|next|plans? to)\b")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A date mention with its year (or resolved relative date) and how sure that is."""

    mention: DateMention
    confidence: float
    why: str = ""
    said: str = ""  # the relative phrase as the text has it ("two days later")


# "the Pig War of ", "the Revolutions of ": a name the year after it is part of
_NAMED_BY_YEAR = re.compile(rf"\b(?!(?:{'|'.join(MONTH_NAMES[1:])})\b)[A-Z][\w'-]*(?<!'s)\s+of\s+$")


class Timeline:
    """The dates a reader has in mind at each point of an article, in reading order."""

    def __init__(
        self, dateline: dt.date | None = None, year: int | None = None, page_year: int | None = None
    ) -> None:
        self.dateline = dateline
        self.page_year = page_year  # "1809 in the Austrian Empire": every day is of 1809
        self.dateline_year = dateline.year if dateline else year
        self.paragraph_year: int | None = None
        self.paragraph = 0
        self.last_year: int | None = None
        self.last_month = 0  # the month of the last date read, 0 for a bare year
        self.last_day = 0  # and its day, 0 for a year or a month
        self.last_paragraph = -10
        self.last: DateMention | None = None  # the last day-precise date, for "two days later"
        self.latest: DateMention | None = None  # the last date of any precision
        self.latest_sentence = -10
        self.sentence = 0
        self.last_sentence = -10
        self.item = False  # whether the paragraph read is a line of a list
        self.last_was_item = False
        self._dispatched = 0  # paragraphs a dispatch's day still holds for
        self._paper: tuple[dt.date | None, int | None] = (dateline, self.dateline_year)

    def next_paragraph(self, item: bool = False) -> None:
        """A new paragraph (``item``: a line of a list): its own year is not known yet."""
        if self._dispatched:
            self._dispatched -= 1
            if not self._dispatched:  # the dispatch is told: the paper's own day again
                self.dateline, self.dateline_year = self._paper
        self.paragraph_year = None
        self.paragraph += 1
        self.item = item

    def next_section(self) -> None:
        """A heading: the paragraph before it tells another story, so lends no year."""
        self.last_paragraph = -10

    def dispatch(self, day: dt.date) -> None:
        """A newspaper dispatch's head ("PRAGUE, Aug. 23, Evening."): the paragraph after
        it counts its "this afternoon" from that day; the paper's own comment below it
        counts its "yesterday" from the paper's day again."""
        if not self._dispatched:
            self._paper = (self.dateline, self.dateline_year)
        self.dateline, self.dateline_year = day, day.year
        self._dispatched = 2  # this paragraph, then the next

    def written_on(self, day: dt.date) -> None:
        """A letter's head ("Paris, 10 February 1763"): its "today" and "yesterday" from here."""
        self.dateline = day
        self.dateline_year = day.year

    def next_sentence(self) -> None:
        """A new sentence."""
        self.sentence += 1

    def resolve(
        self, m: DateMention, sentence: str = "", ahead: DateMention | None = None
    ) -> Resolved:
        """``m`` with its year: its own, its paragraph's or the dateline's.

        ``ahead`` is the next date of the same sentence that gives its own year.

        With none of those the date stays as written, without a year: the year
        last stated may belong to a flashback, and a wrong year is worse than none.
        """
        if m.when:
            if not (m.precision == "year" and _NAMED_BY_YEAR.search(sentence[: m.start])):
                # "disputed since the Pig War of 1859": a name's year, told in passing,
                # does not date the days after it
                self._saw(m)
            return Resolved(m, 1.0)
        counted = _YEAR_WORD.match(sentence[m.end :]) if sentence else None
        if counted:
            # "expired on 5 December last year": a year counted from the piece's own
            if self.dateline_year is None:
                return Resolved(m, 0.5, "counted from a year the text does not give")
            shift = {"last": -1, "previous": -1, "next": 1, "this": 0}[counted.group(1).lower()]
            out = Resolved(
                m.with_year(self.dateline_year + shift), 0.85, "counted from the dateline"
            )
            self._saw(out.mention)
            return out
        after = _LAST_OR_NEXT.match(sentence[m.end :]) if sentence else None
        ref = None
        if after and m.precision == "day":
            last = self.last.when.split("/")[-1] if self.last else ""
            ref = self.dateline or (_as_date(last) if last else None)
        if after and ref is not None:
            # "our Proclamation of the Fifth day of November last", "the Twenty-second
            # day of January now next ensuing": the one before, or after, the day the text
            # stands at
            earlier = (m.month, m.day) < (ref.month, ref.day)
            if after.group(1).lower() == "last":
                year = ref.year if earlier else ref.year - 1
            else:
                year = ref.year + 1 if earlier else ref.year
            out = Resolved(m.with_year(year), 0.8, f"counted from {ref.isoformat()}")
            self._saw(out.mention)
            return out
        if self.page_year is not None:
            # a "Year in X" page's "- 10 April - ...": the year is the page's own
            out = Resolved(m.with_year(self.page_year), 0.9, PAGE_YEAR)
            self._saw(out.mention)
            return out
        future = self.dateline is not None and _FUTURE.search(sentence) is not None
        future_past = (
            future and self.dateline is not None and (self.paragraph_year or 0) < self.dateline.year
        )
        between = self._between(m, ahead)
        if between == 0:
            # "met again on Oct. 4; they signed on Jan. 9, 1812" after March 1810: the
            # October of 1810 or of 1811
            return Resolved(m, 0.75, "the year is not certain")
        if between is not None:
            # "Oct. 1, 1838. ... occupies Candahar, Apr. 25; storms Ghuznee, July 23;
            # ... enters Cabul, Aug. 7, 1839": a run of days its sentence ends with a
            # year; the one year that keeps the run in order
            out = Resolved(m.with_year(between), 0.9, "the one year between its neighbours")
            self._saw(out.mention)
            return out
        if self.paragraph_year is not None and self.last_month > m.month > 0 and not future_past:
            # "the armistice of 11 November 1918 ... the conference opened on 18 January":
            # an earlier month after a later one may be the next year or a step
            # back; the date stays as written
            return Resolved(m, 0.75, "the year is not certain")
        if (
            self.paragraph_year is not None
            and 0 < self.last_month < m.month
            and _PLUPERFECT.search(sentence)
        ):
            # "17 January 1912. ... Amundsen, who had been here on 14 December": a later
            # month told in the past perfect is a step back, maybe into the year before
            return Resolved(m, 0.75, "the year is not certain")
        if (
            self.paragraph_year is not None
            and self.latest_sentence < self.sentence
            and _NEXT.search(sentence[: m.start])
        ):
            # "They sat out the winter ... only the next June": the June of which year,
            # a sentence away from the last date, the words do not settle
            return Resolved(m, 0.75, "the year is not certain")
        if self.paragraph_year is not None and not (
            future and self.dateline is not None and self.paragraph_year < self.dateline.year
        ):
            out = Resolved(m.with_year(self.paragraph_year), 0.95)
        elif (
            self.dateline_year is not None
            and self.last_year is not None
            and self.last_year < self.dateline_year - 1
            and _AFTER.search(sentence[: m.start])
        ):
            # "Less than a year later, on 31 March" in an anniversary piece of 2024:
            # counted from the event before (of 1904), not from the day it is written
            return Resolved(m, 0.75, "the year is not certain")
        elif self.dateline_year is not None:
            year = self.dateline_year
            if self.dateline and future:
                if (m.month, m.day) < (self.dateline.month, self.dateline.day):
                    year += 1  # "will open for signature in April": the April to come
            elif self.dateline and (m.month, m.day) > (self.dateline.month, self.dateline.day):
                year -= 1  # a news story's year-less dates are in the past
            out = Resolved(m.with_year(year), 0.9, "year taken from the dateline")
        elif (
            self.last_year is not None
            and self.last_paragraph == self.paragraph - 1
            and not self.last_was_item
        ):
            # the story goes on from the paragraph before: "In December 2024 ..." then
            # "Things got worse at the end of June" is the June after it (not after the
            # last item of a list, which tells a story of its own)
            year = self.last_year + (1 if m.month < self.last_month else 0)
            out = Resolved(m.with_year(year), 0.75, "year taken from the paragraph before")
        elif self.last_year is not None:
            return Resolved(m, 0.75, _NO_YEAR_HERE)
        else:
            return Resolved(m, 0.5, "the text gives no year")
        self._saw(out.mention)
        return out

    def _between(self, m: DateMention, ahead: DateMention | None) -> int | None:
        """The one year that puts a year-less day between the dates around it.

        A chronicle's run of days ("Apr. 25; ... July 23; ... Aug. 7, 1839") gives the
        year once, at its end. The date read last in the paragraph is before the day,
        the next one of its sentence (``ahead``) after it; when a single year keeps
        the three in order, that is the day's year; when more than one does, 0.
        """
        if (
            ahead is None
            or m.precision != "day"
            or self.paragraph_year is None
            or not self.last_month
            or ahead.precision != "day"
        ):
            return None
        after = _as_date(ahead.when)
        before = (self.last_year or 0, self.last_month, self.last_day)
        fits = [
            year
            for year in range(before[0], after.year + 1)
            if before <= (year, m.month, m.day) <= (after.year, after.month, after.day)
        ]
        return fits[0] if len(fits) == 1 else 0 if fits else None

    def _saw(self, m: DateMention) -> None:
        last = m.when.split("/")[-1]
        year = year_of(last) or 0
        self.paragraph_year = self.last_year = year
        self.last_month = int(last[5:7]) if len(last) >= 7 else 0
        self.last_day = int(last[8:10]) if len(last) >= 10 else 0
        self.last_paragraph = self.paragraph
        self.last_was_item = self.item
        if m.precision == "day" or (m.precision == "range" and len(m.when) == 21):
            self.last, self.last_sentence = m, self.sentence
        self.latest, self.latest_sentence = m, self.sentence

    def relative(self, sentence: str, mentions: list[DateMention], skip: int = 0) -> list[Resolved]:
        """Relative dates in ``sentence`` (from offset ``skip``), resolved against their base."""
        out = self._of_month(sentence, mentions, skip)
        near = self.dateline.year if self.dateline else None
        if any(
            m.when and (near is None or abs((year_of(m.when) or 0) - near) <= 1) for m in mentions
        ):
            # the sentence dates itself; but in a paper of 1929, "which began on 20 September
            # 1870, was brought to an end at noon yesterday" tells of two days
            return out
        for r in _COUNTED.finditer(sentence, skip):
            n = _NUMBERS.get(r.group("n").lower()) or int(r.group("n"))
            unit = r.group("unit").lower().rstrip("s")
            direction = r.group("dir").lower()
            if direction.startswith("ago"):
                if self.dateline is None:
                    continue
                base, confidence, why = self.dateline, 0.9, "counted back from the dateline"
                n = -n
                precision = "day" if direction.endswith("today") else unit
            else:
                # "Five years later" counts from the date read last, whatever its
                # precision ("in 1888", not the birthday before it); days and months
                # only from a date that gives them
                latest = self.latest
                if latest is None or self.sentence - self.latest_sentence > 1:
                    continue
                given = len(latest.when.split("/")[-1])
                if (unit == "day" and given < 10) or (unit == "month" and given < 7):
                    continue
                base = _as_date(latest.when.split("/")[-1])
                confidence, why = 0.8, f"counted from {latest.words}"
                n = n if direction in ("later", "afterwards") else -n
                precision = unit
            when, words = _shift(base, n, unit, precision)
            if not when:
                continue
            mention = DateMention(r.start(), r.end(), when, words, _PRECISION[precision])
            out.append(Resolved(mention, confidence, why, r.group(0)))
        for w in _DAY_WORD.finditer(sentence, skip):
            if self.dateline is None or out:
                continue
            if w.group("today"):
                back = 1 if w.group("today") == "yesterday" else 0
                day = self.dateline - dt.timedelta(days=back)
                confidence = 0.85
            else:
                weekday = _WEEKDAYS[w.group("weekday").lower()]
                back = (self.dateline.weekday() - weekday) % 7
                if w.group("on").lower() == "last" and back == 0:
                    back = 7
                # "said the hard part would begin on Monday": a future told in the past
                reported = re.search(r"\bwould\b[^.;]{0,40}$", sentence[: w.start()]) is not None
                if _FUTURE.search(sentence) or reported:
                    back = -((weekday - self.dateline.weekday()) % 7 or 7)  # the one to come
                day = self.dateline - dt.timedelta(days=back)
                # the dateline's own weekday is sure; a past tense points back,
                # anything else may be either week
                past = _PAST.search(sentence) is not None and not reported
                confidence = (
                    0.9 if back == 0 else 0.8 if past and back > 0 else 0.75 if reported else 0.6
                )
            words = f"{day.day} {MONTH_NAMES[day.month]} {day.year}"
            mention = DateMention(w.start(), w.end(), day.isoformat(), words, "day")
            out.append(Resolved(mention, confidence, "counted from the dateline", w.group(0)))
        return out

    def _of_month(self, sentence: str, mentions: list[DateMention], skip: int) -> list[Resolved]:
        """A day of the month before, or of this one: "the 21st ult.", "the 3rd inst.".

        Counted from the day of the message that says it: the dateline, or a day
        its own sentence gave before it ("telegraphed, Sept. 6, that the residency
        had been attacked on the 3rd inst.").
        """
        out: list[Resolved] = []
        for d in _OF_MONTH.finditer(sentence, skip):
            sent = [m for m in mentions if m.end <= d.start() and m.precision == "day" and m.when]
            base = _as_date(sent[-1].when) if sent else self.dateline
            if base is None:
                break
            why = f"counted from {sent[-1].words}" if sent else "counted from the dateline"
            shift = {"inst": 0, "ult": -1, "prox": 1}[d.group("which")]
            months = base.year * 12 + base.month - 1 + shift
            year, month = divmod(months, 12)
            try:
                day = dt.date(year, month + 1, int(d.group("day")))
            except ValueError:
                continue  # "the 31st ult." of a month of thirty days: a misprint
            words = f"{day.day} {MONTH_NAMES[day.month]} {day.year}"
            mention = DateMention(d.start(), d.end(), day.isoformat(), words, "day")
            # "will sell on Thursday, the 30th inst.": a notice of what is to come
            sure = 0.6 if _FUTURE.search(sentence) else 0.85
            out.append(Resolved(mention, sure, why, d.group(0)))
        return out


_PRECISION = {"day": "day", "month": "month", "year": "year", "decade": "year"}


def _as_date(when: str) -> dt.date:
    parts = [int(x) for x in when.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1] or 1, parts[2] or 1)


def _shift(base: dt.date, n: int, unit: str, precision: str) -> tuple[str, str]:
    """``base`` moved by ``n`` units, at the precision the phrase allows."""
    if unit == "day":
        day = base + dt.timedelta(days=n)
    else:
        years = n * (10 if unit == "decade" else 1) if unit != "month" else 0
        months = base.month - 1 + (n if unit == "month" else 0)
        year = base.year + years + months // 12
        month = months % 12 + 1
        try:
            day = dt.date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
        except ValueError:
            return "", ""
    if precision == "day":
        return day.isoformat(), f"{day.day} {MONTH_NAMES[day.month]} {day.year}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", f"{MONTH_NAMES[day.month]} {day.year}"
    return f"{day.year:04d}", str(day.year)


def find_dateline(
    paragraphs: list[tuple[str, list[DateMention], int]],
) -> tuple[dt.date | None, int | None, int]:
    """An article's dateline or publication date, from its first lines.

    Args:
        paragraphs: The first paragraphs' first sentences, with their date
            mentions and the paragraph's length in words.

    Returns:
        The date (when a full one is given), else the publication year, and the
        offset in its paragraph where the dateline ends (0 if none): a date in a
        dateline is when the piece was written, not an event.
    """
    for text, mentions, words in paragraphs[:5]:
        full = [m for m in mentions if m.precision == "day" and m.when and "/" not in m.when]
        head = _DATELINE.match(text)
        if head and full and full[0].start < head.end():
            return _as_date(full[0].when), None, head.end()
        label = label_of(text[: mentions[0].start] if mentions else "")
        if label and not _PUBLISHED.search(label) and label != "Date":
            continue  # a fact sheet's "Launch date: 24 April 1990" dates the launch
        rest = len(text.split()) - len(" ".join(t.words for t in mentions).split())
        # "Published 12 May 2020", "Issue 41, Spring 2024", "12 May 2020": not "1492 - Columbus ..."
        if words <= 14 and mentions and (_PUBLISHED.search(text) or rest <= 2):
            # a line of its own: "Published 12 May 2020", "Issue 41, Spring 2024"
            if full:
                return _as_date(full[0].when), None, len(text)
            years = [m for m in mentions if m.precision in ("year", "month") and m.when]
            if years:
                return None, year_of(years[0].when), len(text)
    return None, None, 0
