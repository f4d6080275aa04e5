"""The quiz's plain data: questions, replies and verdicts.

Pure core: no UI, no SQL. Questions are built from the cards of some decks
(``trainer.core.quiz.build``), answered in a run (``trainer.core.quiz.run``),
and judged by ``check``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class QuestionType(enum.StrEnum):
    """The four ways a fact is tested."""

    CHOICE = "choice"
    """Multiple choice: the right answer among three distractors of the same kind."""
    TYPED = "typed"
    """The learner types the answer; it is graded leniently and explained."""
    TRUE_FALSE = "truefalse"
    """A statement pairing a fact with its true value or a plausible wrong one."""
    TIMELINE = "timeline"
    """Put four or five dated events in order."""


@dataclass(frozen=True, slots=True)
class CardRef:
    """Which card a question is about: (deck id, card id)."""

    deck_id: str
    card_id: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question, ready to show and to check.

    Attributes:
        type: How it is asked.
        prompt: The question as shown (for a cloze card, the text with the gap;
            for true/false, the statement; for a timeline, the instruction).
        answer: The right answer as text (for true/false "True" or "False";
            for a timeline, the events in order joined by " → ").
        choices: Choice questions: the options in the order shown. Timeline
            questions: the events in the (shuffled) order shown.
        correct: Choice: the index of the right option. Timeline: the indexes
            of ``choices`` in the right order. True/false: (1,) for true, (0,)
            for false. Typed: empty.
        cards: The card or cards the question is about.
        kind: What the fact is about (date, person, treaty, ...).
        accept: Typed: other answers that count as right.
        when: The card's ``when`` (typed date answers are matched against it).
            Set when the answer itself is a date, in the deck's ``when``
            syntax: the answer's own span (a cloze gap's date, not the
            whole card's range), else empty.
        surnames: Typed answers about people: the surnames that name one
            person only in the decks quizzed, so a surname alone counts
            (folded: lower case, no accents, particles kept: "von braun").
        explanation: Shown after answering (for a false statement, the truth).
        source: Where the fact comes from.
        events_when: Timeline: each choice's ``when`` label, for the review.
    """

    type: QuestionType
    prompt: str
    answer: str
    choices: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()
    cards: tuple[CardRef, ...] = ()
    kind: str = ""
    accept: tuple[str, ...] = ()
    when: str = ""
    surnames: frozenset[str] = field(default_factory=frozenset)
    explanation: str = ""
    source: str = ""
    events_when: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a reply fared.

    Attributes:
        correct: Whether it counts as right.
        given: The reply as the learner gave it, as text.
        expected: The right answer as text.
        reason: Why it was taken or refused, in a few words ("a typo",
            "the year is enough", "that day and month could be read both ways").
        diff: Typed answers: ``(text, tag)`` pieces that show the reply
            against the expected answer; tag is "same", "missing" or "extra".
        overruled: The learner said "I was right" and the verdict was turned.
    """

    correct: bool
    given: str
    expected: str
    reason: str = ""
    diff: tuple[tuple[str, str], ...] = ()
    overruled: bool = False
