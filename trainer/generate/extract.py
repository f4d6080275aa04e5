"""An article -> its facts: the extractors run sentence by sentence, in reading order.

Each sentence's dates are found once (:mod:`trainer.generate.dates`) and given
their years by a :class:`~trainer.generate.events.Timeline` that reads the
article as a person would: the dateline, the paragraph's own year, the year
last stated. Then :mod:`~trainer.generate.events`, :mod:`~trainer.generate.people`
and :mod:`~trainer.generate.treaties` note what the sentence says. Every fact
keeps the sentence it stands in, so its card can quote it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from trainer.generate.clarity import HOUR, TIME_IT, WEEKDAY, note_things, notice_doubt
from trainer.generate.dates import MONTH_NAMES, DateMention, find_dates, year_of
from trainer.generate.events import Timeline, date_fact, find_dateline
from trainer.generate.facts import Fact, Place
from trainer.generate.lexicon import COMMON_NAME_WORDS, PLACES, UPPER, country_of
from trainer.generate.people import (
    Person,
    name_who_in,
    note_person,
    people_facts,
    people_in,
    whos_who_dash,
)
from trainer.generate.referents import Referents
from trainer.generate.text import Article, Paragraph, labelled, sentences
from trainer.generate.treaties import Treaties, named_and_dated, signing_under, treaties_in


def _when_of(treaties: dict[str, Fact], title: str) -> str:
    return next((f.when for f in treaties.values() if f.title == title), "")


# In a spun text only these words of a treaty's name are taken as the original's:
# the kind of agreement, ordinals, joining words. Any other ordinary word ("Final",
# "Conference", "Economic") may be a spinner's swap ("Last", "Convention", "Financial").
_SAFE_IN_SPUN_NAMES = frozenset(
    [
        "Treaty",
        "Treaties",
        "Peace",
        "Pact",
        "Agreement",
        "Accords",
        "Protocol",
        "First",
        "Second",
        "Third",
        "of",
        "the",
        "and",
        "on",
        "for",
        "with",
    ]
)


# Words spinners are known to put into institutions' names ("Financial Cooperation
# Administration" for Economic, "Common" for General, "Convention" for Conference).
_SPUN_SWAPS = frozenset(
    [
        "Convention",
        "Conference",
        "Settlement",
        "Common",
        "Financial",
        "Battle",
        "Combat",
        "Struggle",
        "Group",
        "Meeting",
        "Assembly",
        "Hall",
    ]
)


def _spinnable(title: str, article_text: str) -> list[str]:
    """Words of a treaty's name that a spinner may have put there.

    A word the article also writes in lower case ("convention", "final") is an
    ordinary word; so is one of the common words of institutions' names. Names
    of places and peoples are left as they are by spinners.
    """
    out = []
    for word in title.split():
        bare = word.removesuffix("'s")
        if bare in _SAFE_IN_SPUN_NAMES or country_of(bare) or bare in PLACES:
            continue
        lower = bare.lower()
        if lower in COMMON_NAME_WORDS or re.search(rf"\b{re.escape(lower)}\b", article_text):
            out.append(word)
    return out


# An article this long reports its progress (every this many characters).
PROGRESS_EVERY = 1_000_000


# A sentence that carries on from the one before it: a pronoun, "the following spring",
# "a month later" at its start (after a thread's post number, "3/12").
_CARRIES_ON = re.compile(
    rf"^(?:\d{{1,3}}/\d{{1,3}}\s+)?[\"'(]?(?:(?:he|she|they|it(?!{TIME_IT})|his|her|its|their|this|that|these|those|then|there|both|"
    r"such|later|meanwhile)\b|the (?:following|next|same|latter|former)\b|"
    r"(?:a|one|two|three|four|five|six|ten|some|several|[0-9]+) \w+ (?:later|after|earlier)\b)",
    re.IGNORECASE,
)
# A "Year in X" page's title: "1809 in the Austrian Empire", "1878 in science".
_YEAR_PAGE = re.compile(r"((?:1[0-9]{3}|20[0-9]{2})) in (?:the )?\w[\w' -]*")


def _dated_entry(s: str, mentions: list[DateMention]) -> bool:
    """Whether ``s`` opens a chronology's entry ("10 April - ...", "c. 1543 – ...",
    "1839: ..."): the entry above it tells another event, so is no context for it."""
    first = mentions[0] if mentions else None
    return (
        first is not None
        and first.start <= 3
        and re.match(r"\s*[-–:]\s", s[first.end :]) is not None
    )


# "1839 - Treaty of London (19 April)": a chronology's entry gives the year of its days
_ENTRY_YEAR = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})\s*[-:]\s")
# What around a decade makes it the frame of a state of things, which no card dates
# well: "the 1880s and 1890s", "about the 1820s", "By the 1430s Philip was weary"
_DECADES_JOINED = re.compile(r"\s+(?:and|or|to)\s+")
_FRAME_BEFORE = re.compile(r"\b(?:about|anyone\s+in|everyone\s+in|nobody\s+in|no\s+one\s+in)\s+$")
_BY_BEFORE = re.compile(r"\b[Bb]y\s+$")
_STATE_AFTER = re.compile(r"[^,.;]{0,60}?\b(?:was|were)\b")


def _decade_as_frame(sentence: str, m: DateMention, others: list[DateMention]) -> bool:
    """Whether the decade ``m`` frames ``sentence`` rather than dates an event in it."""
    before, after = sentence[: m.start], sentence[m.end :]
    joined = any(
        o.precision == "decade"
        and _DECADES_JOINED.fullmatch(sentence[min(m.end, o.end) : max(m.start, o.start)])
        for o in others
        if o is not m
    )
    return (
        joined
        or _FRAME_BEFORE.search(before) is not None
        or (_BY_BEFORE.search(before) is not None and _STATE_AFTER.match(after) is not None)
    )


# A record's sentence that starts with what was done, not who did it: "Sailed from
# Portsmouth ...", "Taken prisoner ...", "Arrived June 1781". Not a forename ("Alfred the
# Great") nor an adverb ("Indeed").
_SUBJECTLESS = re.compile(
    r"(?!(?:Alfred|Manfred|Winifred|Mildred|Ahmed|Mohammed|Muhammed|Fred|Ted|Ned)\b)"
    r"(?:[A-Z][a-z]+(?<!e)ed|Taken|Sent|Made|Given|Held|Became|Went|Left|Won|Fought|Led|Met|"
    rf"Wrote|Built|Came|Took|Spent|Born|Died)\b(?!\s+(?!{'|'.join(MONTH_NAMES[1:])}\b)[A-Z])"
)

# A page's own dates, wherever they stand: when it was published, updated,
# corrected or last reviewed is not a fact of its subject. (events._PUBLISHED
# finds the dateline among the first lines; this one a line's start, or the
# words run on after a byline or a breadcrumb.)
_PUBLISHING = re.compile(
    r"(?:^\W*(?i:published|updated|last\s+(?:updated|reviewed|modified|edited)|posted|"
    r"corrections?|corrected|clarification|editor's note|embargoed|"
    # a record's own making: "Surveyed 11 and 25 May 1968", "Survey checked ..., June 1968"
    r"surveyed|transcribed|survey\s+(?:checked|made|completed|taken)|"
    # a "Year in X" page's line about itself: "Events from the year 1809 in the Austrian Empire."
    r"events\s+(?:from|of|in)\s+the\s+year|"
    # "Card checked against the printed Lists, 14 May 1998"
    r"(?:card|record|entry|page|text)\s+(?:checked|verified)|"
    # a heritage register's own: "Date first listed: 14-Jan-1970", "Date of most recent
    # amendment: 02-Oct-2017"
    r"date\s+(?:first\s+)?(?:listed|scheduled|registered|designated)|date\s+of\s+(?:most\s+recent\s+)?amendment)"
    # "This list entry was subject to a Minor Amendment on 02/10/2017"
    r"|\b(?i:subject\s+to\s+a\s+(?:minor\s+)?amendment|(?:first\s+)?(?:listed|scheduled)\s+on)"
    # "This page was last edited on 2 March 2024"
    r"|\b(?:was|were)\s+last\s+(?:updated|reviewed|modified|edited)"
    # "Record last updated: 14 January 2025", "Page last reviewed 3 May 2025"
    r"|\b(?i:record|page|entry|site|content|information)\s+last\s+(?:updated|reviewed|modified|edited)"
    # "Page revised 3 March 2024", "Script revised 14/02/2025"
    r"|\b(?i:page|script|text|entry|record|article|transcript|handout|sheet|notes)\s+"
    r"(?:last\s+)?(?:revised|amended|updated)\b"
    # or after a byline or a site's breadcrumb it was run into: "By Jane Doe, staff
    # writer Published 30 March 2017", "FAQs · Last reviewed 3 May 2025"
    r"|(?:[a-z]\s+|[|·›»•]\s*)(?:Published|Updated|Last\s+(?:updated|reviewed|modified|edited)|"
    r"Posted|Surveyed|Transcribed))\b[^.]{0,40}?\b\d{4}\b"
)


# A history that ends at least _HISTORY_GAP years before the page's own time is set
# apart from it; dates within _PAGE_TIME years of that time are the page's own.
_HISTORY_GAP = 20
_PAGE_TIME = 2
# What a page's own business says: a weekday and an hour, a sale, a show, an episode.
_BUSINESS = re.compile(
    rf"{WEEKDAY}|\b\d{{1,2}}[:.]\d{{2}}\b|{HOUR}|"
    r"\b(?i:exhibitions?|display|galler(?:y|ies)|tickets?|admission|preview|viewing|sale|"
    r"auction|lot|episodes?|released|talks?|lectures?|booking|book now|opens|runs until|"
    r"newsletter|subscribe|webinar|podcast|hardback|paperback|first published|reading groups?|"
    # a conference's own: "Registration deadline: 15 July 2025", "call for papers"
    r"registration|register|deadline|early-bird|call for papers|abstracts? due|"
    # an award's or a judgment's own proceedings: "Done at The Hague, 14 October 2024"
    r"hearings?|deliberated|done at|renders|"
    # a tour's own: "Departures 12 May 2025 · From £1,895 per person", "- a 2024 traveller"
    r"departures?|per person|single supplement|itinerary|travell?ers?|prices?)\b"
    r"|[£$€]\s?\d"
)


# A cross-reference: "see also Constitution of 3 May 1791", "See CABUL".
_SEE_ALSO = re.compile(r"(?:^|[;.(]\s*)(?:[Ss]ee also|See)\s[^.;:()]*$")

# A class's own work: "Past-paper question 3 (June 2019) is set for homework".
_SCHOOLWORK = re.compile(r"\b(?i:homework|past[- ]papers?|coursework|mark scheme)\b")

# A date a message was sent on, not of what it tells: "reported by despatch of Oct. 2
# that ...", "telegraphed from Candahar, Sept. 1, that he had arrived".
_REPORTED_ON = re.compile(
    r"\b(?:telegraph(?:ed|s)|report(?:ed|s)|wr(?:ote|ites)|cabl(?:ed|es)|wir(?:ed|es))"
    r"(?:\s+(?:by|in)\s+(?:a\s+)?(?:despatch|dispatch|letter|telegram|cable|note))?"
    rf"(?:\s+(?:from|at)\s+[{UPPER}][\w-]*)?(?:\s+(?:of|on|dated))?,?\s*$"
)
_THAT = re.compile(r",?\s+that\b")


def _reported_on(sentence: str, m: DateMention) -> bool:
    """Whether ``m`` dates a report ("telegraphed, Sept. 6, that ..."), not an event."""
    return (
        _REPORTED_ON.search(sentence[max(0, m.start - 80) : m.start]) is not None
        and _THAT.match(sentence, m.end) is not None
    )


# A newspaper's correction tells what it printed wrongly before it says what is
# right: "An article in Saturday's Review ... said that England accepted ... in
# 1327", "In last Sunday's obituary ..., we said ...". Nothing in such a sentence is
# a fact: the dates and names it quotes are the error, its other dates the paper's.
_MISREPORT = re.compile(
    r"\b(?i:article|review|report|caption|obituary|story|piece|headline|editorial|feature|"
    r"graphic|map|column|listing|item)\b[^.;]{0,160}?\b(?:said|stated|described|named|"
    r"dated|gave|called|wrote|reported|claimed|referred to|misstated|misdated|misnamed)\b"
    r"|\b[Ww]e (?:said|stated|described|named|dated|gave|called|wrote|reported|misstated)\b"
)
# ... on a page that says it corrects what it printed (checked once for the article)
_CORRECTION = re.compile(
    r"(?i:\bcorrections?\b|\bwe (?:apologi[sz]e|regret)\b|\b(?:was|were|is) wrong\b|"
    r"\bin error\b|\bmisspelled\b|\bthe correct\b|\bincorrectly\b|\bmistakenly\b)"
)


def _doubt_misreports(facts: list[Fact], article: Article) -> None:
    """Make unsure what a page of corrections quotes as printed wrongly."""
    text = " ".join(p.text for p in article.paragraphs)
    if not _CORRECTION.search(text):
        return
    _doubt_where(facts, _MISREPORT, 0.3, "what a correction says was printed wrongly")


def _doubt_where(facts: list[Fact], says: re.Pattern[str], confidence: float, why: str) -> None:
    """Make unsure each of ``facts`` whose sentence ``says`` match."""
    for fact in facts:
        if fact.evidence is not None and says.search(fact.evidence.sentence):
            fact.doubt(confidence, why)


# On a talk page: "I have changed the date in the lead and the infobox from ... to ...",
# "sites list the treaty under 18 October", "I will take the 18 October entry off".
_EDITING = re.compile(
    r"\b(?:infobox|the lead\b|revert(?:ed|ing)?\b|(?:this|my|your|the) (?:edit|change)\b|"
    r"I (?:have|'ve) (?:changed|rewritten|added|removed)|changed the date|entry (?:off|on)\b|"
    r"on this day|anniversar(?:y|ies)\b|sites? lists?\b|the (?:section|paragraph) on\b)",
    re.IGNORECASE,
)


def _doubt_edits(facts: list[Fact], article: Article) -> None:
    """Make unsure what a talk page's editors say of the page's own text."""
    if not article.talk:
        return
    _doubt_where(facts, _EDITING, 0.3, "what an editor says of the page's text, not the history")


# "the Oaths of Strasbourg were sworn on 14 February 842, not in 843": the date after
# "not" is one the text said before and now takes back
_TAKEN_BACK = re.compile(r"\b(?:not|rather than|instead of)\s+(?:in\s+|on\s+)?$")
_TAKING_BACK = re.compile(r"\b(?:not|rather than|instead of)\s+(?:in\s+|on\s+)?\d")
_NAME_WORD = re.compile(rf"(?<=[\w,;:] )[{UPPER}][\w'-]+")


def _doubt_taken_back(
    facts: list[Fact], parsed: list[tuple[Paragraph, list[tuple[str, list[DateMention]]]]]
) -> None:
    """Make unsure a date the text takes back later ("..., not in 843"), where it is
    told of the same thing (a name both sentences share)."""
    taken: list[tuple[str, set[str]]] = []
    for _, found in parsed:
        for s, mentions in found:
            if len(mentions) < 2 or not _TAKING_BACK.search(s):
                continue
            for m in mentions:
                others = [o for o in mentions if o is not m and o.when and o.when != m.when]
                if m.when and others and _TAKEN_BACK.search(s[: m.start]):
                    taken.append((m.when, set(_NAME_WORD.findall(s))))
    for when, names in taken:
        for fact in facts:
            ev = fact.evidence
            if fact.when != when or ev is None:
                continue
            # the "not in 843" itself, or the earlier sentence that gave 843 to the oaths
            if _TAKEN_BACK.search(ev.sentence[: ev.start]) or names & set(
                _NAME_WORD.findall(ev.sentence)
            ):
                fact.doubt(0.3, "a date the text takes back")


def _ahead(mentions: list[DateMention], m: DateMention) -> DateMention | None:
    """The next date after ``m`` in its sentence that gives its own year."""
    return next((o for o in mentions if o.start > m.start and o.when), None)


def _doubt_the_page_time(facts: list[Fact], now: int | None) -> None:
    """Make unsure the dates of a history page's own business: its sale, talk, edition.

    A page about 1867 that also dates a sale, an exhibition's run, a curator's
    talk or an episode's release in 2024 tells a history and, apart from it, its
    own business. When most dates lie well before the page's time (its
    dateline's year, else the latest year it gives) with a gap of decades, a
    date of its own time in a sentence about its business (a weekday and an
    hour, a sale, a show, an episode) is no fact of its subject.
    """
    dated = [(y, f) for f in facts if f.kind == "date" and (y := year_of(f.when)) is not None]
    if not dated:
        return
    now = now if now is not None else max(year for year, _ in dated)
    own = [f for year, f in dated if year >= now - _PAGE_TIME]
    history = [year for year, _ in dated if year < now - _PAGE_TIME]
    if not own or len(history) < 3 or len(own) * 2 > len(history):
        return
    if max(history) > now - _HISTORY_GAP:
        return  # the story runs on to the page's time
    why = "a date of the page's own business, not of the history it tells"
    _doubt_where(own, _BUSINESS, 0.5, why)


# What may stand before a letter's date in its head: "Paris, ", "London, Tuesday "
_BEFORE_HEAD_DATE = re.compile(
    # an archive column's extract: "100 years ago: 12 February 1879" (the day it was printed)
    r"(?:(?:\d{1,3}|[A-Za-z]+(?:\s[a-z]+)?)\s+years\s+ago\s*[:,–-]\s+)?"
    rf"(?:[{UPPER}][\w'.-]*(?:\s+[{UPPER}][\w'.-]*){{0,3}},\s+)?"
    rf"(?:{WEEKDAY},?\s+)?"
)


def _first(
    found: list[tuple[str, list[DateMention]]], short: bool
) -> tuple[str, list[DateMention]]:
    """A paragraph's first sentence, or for a ``short`` one its first that holds a date."""
    return next((f for f in found if f[1]), found[0]) if short else found[0]


def _letter_head(found: list[tuple[str, list[DateMention]]]) -> dt.date | None:
    """The day a letter's head line gives ("Hubertusburg, 15 February 1763"), if it is one."""
    if len(found) != 1 or len(found[0][1]) != 1:
        return None
    line, (m,) = found[0]
    if m.precision != "day" or not re.fullmatch(r"\d{4}-\d\d-\d\d", m.when):
        return None
    if not _BEFORE_HEAD_DATE.fullmatch(line[: m.start]) or line[m.end :].strip(" .") != "":
        return None
    return dt.date.fromisoformat(m.when)


# A dispatch's head in a newspaper: "PRAGUE, Aug. 23, Evening.", "BERLIN, Aug. 23."
_DISPATCH = re.compile(r"[A-Z][A-Z .'-]{1,30},\s+")
_DISPATCH_TAIL = re.compile(r"(?:,\s+(?:Morning|Afternoon|Evening|Night|Midnight))?\.?")


def _dispatch_head(s: str, mentions: list[DateMention]) -> bool:
    """Whether ``s`` is a newspaper dispatch's head: its place in capitals and a day."""
    if len(mentions) != 1 or mentions[0].precision != "day":
        return False
    m = mentions[0]
    return bool(_DISPATCH.fullmatch(s[: m.start]) and _DISPATCH_TAIL.fullmatch(s[m.end :]))


def _sign_under(fact: Fact, s: str, mentions: list[DateMention]) -> None:
    """Give a treaty named only in a heading the heading and the sentence under it
    that tells its making, as one: "Pacification of Ghent, 1576: Agreed at Ghent on
    8 November 1576, four days after ..."; and that sentence's day as its date.
    """
    ev = fact.evidence
    assert ev is not None
    cut = re.match(r"(?:No\.\s?\d{1,4}\.?\s+|\d{1,3}\.\s+)?", ev.sentence)
    head = ev.sentence[cut.end() if cut else 0 :].rstrip(" .:")
    shift = len(ev.sentence) - len(ev.sentence[cut.end() if cut else 0 :])
    fact.evidence = replace(
        ev, sentence=f"{head}: {s}", start=ev.start - shift, end=ev.end - shift, before=""
    )
    fact.when = next(m.when for m in mentions if m.precision == "day" and m.when)


def extract(article: Article, reading: Callable[[str, int, int], None] | None = None) -> list[Fact]:
    """Every date, person and treaty fact in one article.

    Args:
        article: The cleaned article.
        reading: Told (name, characters done, characters in all) now and then
            while a long article is read.
    """
    name = article.name
    total = sum(len(p.text) for p in article.paragraphs)
    done = reported = 0
    parsed = [(p, [(s, find_dates(s)) for _, s in sentences(p.text)]) for p in article.paragraphs]
    # each of the first paragraphs by its first sentence; a short one (a masthead's
    # "No. 4,117. LONDON, FRIDAY, AUGUST 24, 1866. PRICE ONE PENNY.") by its dated one
    firsts = [
        (*_first(found, short=len(p.text.split()) <= 14), len(p.text.split()))
        for p, found in parsed[:5]
        if found
    ]
    dateline, year, dateline_end = find_dateline(firsts)
    dateline_sentence = None
    if dateline_end:
        # the first sentence that gave it: its date is when the piece was written
        dateline_sentence = next((f[0] for f in firsts if find_dateline([f])[2]), None)
    page = _YEAR_PAGE.fullmatch(article.title) if not (dateline or year) else None
    timeline = Timeline(dateline, year, int(page.group(1)) if page else None)
    facts: list[Fact] = []
    people: dict[str, Person] = {}
    treaties = Treaties()
    heading = ""
    title = article.title
    before = earlier = lead_in = above = ""
    named_so_far: tuple[str, ...] = ()  # what "the treaty" may mean, latest last
    things: tuple[str, ...] = ()  # what "the canal" may mean: "Suez Canal"
    referents = Referents(names=article.names, title=title)  # who "he" and "the count" mean
    subject = article.subject  # whom a record's entries are about: "MACARTNEY, George"
    headed: Fact | None = (
        None  # a treaty named only by the heading above: "Pacification of Ghent, 1576"
    )
    for p, found in parsed:
        if p.heading:
            heading = p.text
            headed = None
            # the section above tells another thing: its last sentence is context only
            # for a first sentence that carries on from it ("She died ...")
            if labelled(p.text):
                earlier = ""  # "Opened for signature: 1 July 1968", one line of a record
            else:
                above, before, earlier, lead_in = before, "", "", ""
            referents.next_section()
            timeline.next_section()
            written = _letter_head(found)
            if written:
                timeline.written_on(written)
            named_so_far = ()  # "the treaty" never reaches back across a heading
            heads = [f for f in found if f[1]]  # "No. 16." / "Pacification of Ghent, 1576"
            if len(heads) != 1 or not named_and_dated(*heads[0]):
                continue
            # "The Edict of Nantes, 13 April 1598": a heading that is a fact, read as one
        timeline.next_paragraph(p.item)
        if p.item and labelled(p.text):
            before = earlier = ""  # "Deployed: 25 April 1990" owes nothing to the line above
        elif p.item and lead_in.endswith(":"):
            # "Treaty of Madrid may refer to:": each entry of the list under it tells
            # another thing than the entry above it, and leans on the line leading in
            before, earlier = lead_in, ""
        elif not p.item:
            lead_in = ""
        if p.item and found and (_dated_entry(*found[0]) or whos_who_dash(found[0][0])):
            before = earlier = ""
        for s, mentions in found:
            done += len(s) + 1
            if reading and total > PROGRESS_EVERY and done - reported >= PROGRESS_EVERY:
                reading(name, min(done, total), total)
                reported = done
            timeline.next_sentence()
            if above and not before and _CARRIES_ON.match(s):
                before = above
            above = ""
            skip = dateline_end if s is dateline_sentence else 0
            if _PUBLISHING.search(s):
                skip = len(s)  # "Updated 31 March 2017", "Correction, 31 March 2017: ..."
            resolved = [
                timeline.resolve(m, s, _ahead(mentions, m)) for m in mentions if m.start >= skip
            ]
            if len(found) == 1 and _dispatch_head(s, [r.mention for r in resolved]):
                # "PRAGUE, Aug. 23, Evening.": the dispatch below it was written that day
                when = resolved[0].mention.when
                if re.fullmatch(r"\d{4}-\d\d-\d\d", when):
                    timeline.dispatch(dt.date.fromisoformat(when))
                before = earlier = ""
                continue
            resolved += timeline.relative(s, [r.mention for r in resolved], skip)
            others = [r.mention for r in resolved]
            # "1839 - Treaty of London (19 April)": a chronology's entry gives the year
            # (nor a run of days its sentence ends with a year: "Apr. 25; ... Aug. 7, 1839")
            yearless = (
                set()
                if _ENTRY_YEAR.match(s)
                else {m.start for m in mentions if not m.when and not _ahead(mentions, m)}
            )
            place = Place(name, p.number, s, before, heading, named_so_far, things, earlier)
            if subject and (p.item or _SUBJECTLESS.match(s)):
                # "1769-1772 – Chief Secretary ...", "Sailed from Portsmouth ...": his
                place = replace(place, subject=subject)
            people_in(s, place, people)
            # who "he" and "the count" are here, now that the sentence's names are known
            place = replace(place, who=referents.read(s, people))
            if place.who:
                name_who_in(people, place)
            for r in resolved:
                fact = date_fact(s, r, [o for o in others if o is not r.mention])
                if fact is not None:
                    why = notice_doubt(
                        s,
                        r.mention.start in yearless or bool(r.said),
                        bool(dateline or page),
                    )
                    if why:
                        fact.doubt(0.5, why)
                    if _SEE_ALSO.search(s[: r.mention.start]):
                        fact.doubt(0.3, "a cross-reference to another entry, not a fact")
                    if _SCHOOLWORK.search(s):
                        fact.doubt(0.5, "a date of the class's own work, not of the history")
                    if _reported_on(s, r.mention):
                        fact.doubt(0.6, "the day a report was sent, not of what it reports")
                    if r.mention.precision == "decade" and _decade_as_frame(s, r.mention, others):
                        fact.doubt(0.6, "a decade that frames the sentence, not a dated event")
                    fact.sources.append((name, p.number))
                    fact.evidence = place.evidence(r.mention.start, r.mention.end, r.said)
                    facts.append(fact)
            if headed is not None and not p.heading and signing_under(headed, s, others):
                _sign_under(headed, s, others)
                headed = None
            named = treaties_in(s, others, place, treaties)
            if p.heading and len(named) == 1:
                fact = next((f for f in treaties.values() if f.title == named[0]), None)
                ev = fact.evidence if fact else None
                if fact and ev and ev.sentence == s and len(fact.when) == 4:
                    headed = fact
            # a treaty's date, or failing that its sentence's: enough to tell
            # that "the treaty was signed in 1803" is not the one named with 1800
            said = next((m.when for m in others if m.when), "")
            dated = [f"{t}|{_when_of(treaties, t) or said}" for t in named]
            named_so_far = (*[t for t in named_so_far if t not in dated], *dated)[-5:]
            things = note_things(s, things)
            # a page's publishing line is no context for the sentence after it, nor a
            # heading read as a fact (the card shows it as the heading it is)
            earlier, before = (before, s) if skip < len(s) and not p.heading else ("", "")
            if not p.item:
                lead_in = before
    _doubt_the_page_time(facts, dateline.year if dateline else None)
    for author in article.authors:
        note_person(people, author, Place(name, 0, title), f"Author of the article ({name})", 3)
    facts.extend(people_facts(people))
    text = " ".join(p.text for p in article.paragraphs) if article.spun else ""
    for fact in treaties.values():
        if article.spun and (
            (fact.key.startswith("treaty:") and _spinnable(fact.title, text))
            or (fact.key.startswith("org:") and _SPUN_SWAPS & set(fact.title.split()))
        ):
            # "Berlin Convention" for Conference, "Common Act" for General Act: an
            # ordinary word in a spun name may be the spinner's, the original unknowable
            fact.doubt(0.6, "a name in a spun text may hold a spinner's swap")
        facts.append(fact)
    _doubt_edits(facts, article)
    _doubt_taken_back(facts, parsed)
    _doubt_misreports(facts, article)
    return facts
