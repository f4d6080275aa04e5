"""Timelines: ordering dated events, with ranges and partial dates."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.errors import UsageError
from trainer.core.quiz.build import build_questions
from trainer.core.quiz.check import check
from trainer.core.quiz.facts import fact_of
from trainer.core.quiz.model import QuestionType
from trainer.core.quiz.timeline import event_of, pick_events, timeline_question
from trainer.core.when import When, parse_when

from .cards import card, cloze

EVENTS = [
    ("When did the first Karabakh war take place?", "1988 to 1994", "1988/1994"),
    (
        "In which year did the Soviet Union collapse?",
        "1991",
        "1991",
    ),  # inside the war: never with it
    ("In which year did Putin take power?", "2000", "2000"),
    ("When did Pashinyan come to power?", "May 2018", "2018-05"),
    ("In which year did Russia begin its pressure on Armenia?", "2018", "2018"),  # holds May 2018
    ("When did the two leaders meet in Abu Dhabi?", "10 July 2025", "2025-07-10"),
    ("When did Russia gain the lands of Armenia?", "the early 19th century", "early 19th century"),
    ("In which decade did the Soviet Union break up?", "the 1990s", "1990s"),  # holds 1991 and 1994
    ("When did Russia invade Georgia?", "August 2008", "2008-08"),
]


def _events(rows: list[tuple[str, str, str]]) -> list:
    out = []
    for front, back, when in rows:
        fact = fact_of(card(front, back, kind="date", when=when))
        assert fact is not None
        ev = event_of(fact)
        assert ev is not None, front
        out.append(ev)
    return out


def test_events_are_questions_turned_into_sentences_without_the_date() -> None:
    texts = [ev.text for ev in _events(EVENTS[:4])]
    assert texts == [
        "The first Karabakh war took place",
        "The Soviet Union collapsed",
        "Putin took power",
        "Pashinyan came to power",
    ]


def test_overlapping_spans_never_stand_together() -> None:
    events = _events(EVENTS)
    for seed in range(30):
        rng = random.Random(seed)
        order = list(events)
        rng.shuffle(order)
        chosen = pick_events(order, 5, set())
        assert 4 <= len(chosen) <= 5
        for a in chosen:
            for b in chosen:
                assert a is b or not a.when.overlaps(b.when), (a.text, b.text)


def test_order_ranges_partial_dates_and_centuries() -> None:
    rows = [EVENTS[6], EVENTS[0], EVENTS[2], EVENTS[3], EVENTS[5]]
    events = _events(rows)
    q = timeline_question(list(reversed(events)), random.Random(4))
    ordered = [q.choices[i] for i in q.correct]
    assert ordered == [ev.text for ev in events]
    assert q.answer == " → ".join(ordered)
    shown = list(q.choices)
    assert shown != ordered  # shown in another order than the right one
    when_of = dict(zip(q.choices, q.events_when, strict=True))
    assert [when_of[t] for t in ordered] == [
        "early 19th century",
        "1988 – 1994",
        "2000",
        "May 2018",
        "10 July 2025",
    ]
    assert q.type is QuestionType.TIMELINE and q.kind == "date" and len(q.cards) == 5
    assert check(q, list(q.correct)).correct
    wrong = list(q.correct)
    wrong[0], wrong[1] = wrong[1], wrong[0]
    verdict = check(q, wrong)
    assert not verdict.correct and verdict.reason == "3 of 5 in the right place"
    assert not check(q, [0, 0, 1, 2, 3]).correct


def test_a_cloze_date_gap_is_an_event_and_a_year_in_the_text_keeps_a_card_out() -> None:
    (gap1, gap2) = cloze(
        "The Treaty of {{c1::Lisbon}} was signed on {{c2::13 December 2007}}.",
        kind="treaty",
        when="2007-12-13",
    )
    assert event_of(fact_of(gap1)) is None  # type: ignore[arg-type]  # the asked gap is not a date
    ev = event_of(fact_of(gap2))  # type: ignore[arg-type]
    assert ev is not None and ev.text == "The Treaty of Lisbon was signed"
    giveaway = fact_of(card("When was the 2007 plan agreed?", "2007", kind="date", when="2007"))
    assert giveaway is not None and event_of(giveaway) is None


@settings(max_examples=30, deadline=None)
@given(
    spans=st.lists(
        st.tuples(
            st.integers(1500, 2020),
            st.integers(0, 3),
            st.sampled_from(("year", "range", "month", "decade")),
        ),
        min_size=4,
        max_size=12,
    ),
    seed=st.integers(0, 1000),
)
def test_built_timelines_have_one_right_order(spans: list[tuple[int, int, str]], seed: int) -> None:
    cards = []
    for i, (year, extra, form) in enumerate(spans):
        when = {
            "year": str(year),
            "range": f"{year}/{year + extra + 1}",
            "month": f"{year}-{extra + 1:02d}",
            "decade": f"{year - year % 10 + (10 if year % 100 < 10 else 0)}s",
        }[form]
        cards.append(
            card(f"In which year did town {i} hold its fair?", when, kind="date", when=when)
        )
    try:
        questions = build_questions(cards, 2, [QuestionType.TIMELINE], random.Random(seed))
    except UsageError:
        return  # too few events that do not overlap
    for q in questions:
        assert 4 <= len(q.choices) <= 5
        spans_shown = []
        for ref in q.cards:
            w = parse_when(next(c.when for c in cards if c.id == ref.card_id))
            assert isinstance(w, When)
            spans_shown.append(w)
        ordered = [spans_shown[i] for i in q.correct]
        for a, b in pairwise(ordered):
            assert a.last < b.first  # strictly before: no other order could be right


def test_timeline_only_with_too_few_dated_cards_is_a_usage_error() -> None:
    cards = [
        card(
            f"In which year did town {i} hold its fair?",
            str(1900 + i),
            kind="date",
            when=str(1900 + i),
        )
        for i in range(3)
    ]
    with pytest.raises(UsageError) as err:
        build_questions(cards, 5, [QuestionType.TIMELINE], random.Random(1))
    assert "at least 4" in err.value.message and err.value.hint
