"""Checking a reply to any question, and the learner's "I was right"."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from trainer.core.quiz.model import Question, QuestionType, Verdict
from trainer.core.quiz.typed import grade

Reply = str | int | bool | Sequence[int]


def check(question: Question, reply: Reply) -> Verdict:
    """Judge ``reply`` to ``question``.

    Args:
        question: The question asked.
        reply: Typed: the text typed. Choice: the index of the option chosen.
            True/false: a bool. Timeline: the indexes of ``question.choices``
            in the order the learner put them.

    Raises:
        TypeError: When the reply's type does not fit the question's type.
    """
    if question.type is QuestionType.TYPED:
        if not isinstance(reply, str):
            raise TypeError(f"a typed question takes text, not {type(reply).__name__}")
        return grade(question, reply)
    if question.type is QuestionType.CHOICE:
        if isinstance(reply, bool) or not isinstance(reply, int):
            raise TypeError(f"a choice question takes an index, not {type(reply).__name__}")
        if not 0 <= reply < len(question.choices):
            return Verdict(False, "", question.answer, "no such option")
        right = reply == question.correct[0]
        return Verdict(
            right, question.choices[reply], question.answer, "" if right else "another option"
        )
    if question.type is QuestionType.TRUE_FALSE:
        if not isinstance(reply, bool):
            raise TypeError(f"a true/false question takes a bool, not {type(reply).__name__}")
        truth = question.correct == (1,)
        return Verdict(
            reply == truth,
            "True" if reply else "False",
            question.answer,
            ""
            if reply == truth
            else ("the statement is true" if truth else "the statement is false"),
        )
    if isinstance(reply, str | bool | int):
        raise TypeError(f"a timeline takes a sequence of indexes, not {type(reply).__name__}")
    order = list(reply)
    given = " → ".join(question.choices[i] for i in order if 0 <= i < len(question.choices))
    if sorted(order) != list(range(len(question.choices))):
        return Verdict(False, given, question.answer, "put every event in the order once")
    placed = sum(1 for a, b in zip(order, question.correct, strict=True) if a == b)
    right = placed == len(order)
    reason = "" if right else f"{placed} of {len(order)} in the right place"
    return Verdict(right, given, question.answer, reason)


def overrule(verdict: Verdict) -> Verdict:
    """The learner's "I was right": the verdict counts as right, marked as overruled."""
    return dataclasses.replace(verdict, correct=True, overruled=True)


def unanswered(question: Question) -> Verdict:
    """The verdict for a question left without a reply (say, when time ran out)."""
    return Verdict(False, "", question.answer, "no answer")
