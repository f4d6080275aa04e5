"""Timelines: four or five dated events to put in order.

Events are cards whose answer is a date (the event is the question turned
into a sentence without it). Two events whose spans overlap are never asked
together, so exactly one order is right: 1991 and 1988–1994 may not stand
together, 1991 and 1995 may; a month and the year around it may not; ranges,
partial dates, decades and centuries compare by their first and last days.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

from trainer.core.quiz.dates import render
from trainer.core.quiz.facts import Fact
from trainer.core.quiz.model import Question, QuestionType
from trainer.core.quiz.statements import event
from trainer.core.quiz.text import norm
from trainer.core.when import When

PROMPT = "Put these events in order, earliest first."
_YEARISH = re.compile(r"\b\d{3,4}s?\b")


@dataclass(frozen=True, slots=True)
class Event:
    """One timeline entry: what happened, when, and the card it comes from."""

    fact: Fact
    text: str
    when: When


def event_of(fact: Fact) -> Event | None:
    """``fact`` as a timeline entry, or None (no date, or its text names a year
    and would give the order away)."""
    if fact.date is None:
        return None
    text = event(fact)
    if not text or _YEARISH.search(text):
        return None
    return Event(fact, text, fact.date)


def pick_events(events: Iterable[Event], size: int, taken: set[tuple[str, str]]) -> list[Event]:
    """Up to ``size`` events, in the order given, no two overlapping in time,
    from different deck entries, with different texts."""
    chosen: list[Event] = []
    texts: set[str] = set()
    for ev in events:
        if ev.fact.entry in taken or norm(ev.text) in texts:
            continue
        if any(ev.when.overlaps(c.when) for c in chosen):
            continue
        chosen.append(ev)
        texts.add(norm(ev.text))
        if len(chosen) >= size:
            break
    return chosen


def timeline_question(events: list[Event], rng: random.Random) -> Question:
    """The question for four or five events that do not overlap in time."""
    ordered = sorted(events, key=lambda ev: ev.when.key)
    shown = list(ordered)
    while len(shown) > 1 and shown == ordered:
        rng.shuffle(shown)
    sources: list[str] = []
    for ev in shown:
        if ev.fact.card.source and ev.fact.card.source not in sources:
            sources.append(ev.fact.card.source)
    return Question(
        type=QuestionType.TIMELINE,
        prompt=PROMPT,
        answer=" → ".join(ev.text for ev in ordered),
        choices=tuple(ev.text for ev in shown),
        correct=tuple(shown.index(ev) for ev in ordered),
        cards=tuple(ev.fact.ref for ev in shown),
        kind="date",
        explanation=" → ".join(f"{render(ev.when)}: {ev.text}" for ev in ordered),
        source="; ".join(sources),
        events_when=tuple(render(ev.when) for ev in shown),
    )
