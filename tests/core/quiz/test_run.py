"""A quiz being taken: replies, the injected clock, overruling, and the result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trainer.core.quiz.model import CardRef, Question, QuestionType
from trainer.core.quiz.run import QuizRun

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _questions() -> list[Question]:
    return [
        Question(
            QuestionType.CHOICE,
            "Which river flows through Vienna?",
            "The Danube",
            ("The Rhine", "The Danube", "The Elbe", "The Oder"),
            (1,),
            (CardRef("d", "river"),),
            "place",
        ),
        Question(
            QuestionType.TYPED,
            "In which year did the Soviet Union collapse?",
            "1991",
            cards=(CardRef("d", "ussr"),),
            kind="date",
            when="1991",
        ),
        Question(
            QuestionType.TRUE_FALSE,
            "The Danube flows into the Black Sea.",
            "True",
            correct=(1,),
            cards=(CardRef("d", "sea"),),
            kind="place",
        ),
        Question(
            QuestionType.TIMELINE,
            "Put these in order, earliest first.",
            "A → B → C → D",
            ("C", "A", "D", "B"),
            (1, 3, 0, 2),
            (CardRef("d", "a"), CardRef("d", "b"), CardRef("d", "c"), CardRef("d", "d")),
            "date",
        ),
    ]


def test_a_whole_quiz_scored_with_its_breakdown() -> None:
    run = QuizRun(_questions(), T0)
    assert run.reply(1, T0 + timedelta(seconds=5)).correct
    run.next(T0 + timedelta(seconds=6))
    assert not run.reply("1919", T0 + timedelta(seconds=20)).correct
    run.next(T0 + timedelta(seconds=21))
    assert run.reply(True, T0 + timedelta(seconds=25)).correct
    run.next(T0 + timedelta(seconds=26))
    assert run.reply([1, 3, 0, 2], T0 + timedelta(seconds=40)).correct
    assert run.next(T0 + timedelta(seconds=41)) is None
    result = run.result
    assert result is not None and (result.right, result.total) == (3, 4)
    assert result.score == 0.75 and result.passed and result.seconds == 41
    assert result.by_kind == {"date": (1, 2), "place": (2, 2)}
    assert result.by_type == {
        "choice": (1, 1),
        "timeline": (1, 1),
        "truefalse": (1, 1),
        "typed": (0, 1),
    }
    (mistake,) = result.mistakes
    assert mistake.verdict.given == "1919" and mistake.verdict.expected == "1991"
    assert mistake.seconds == 14


def test_i_was_right_turns_a_typed_verdict_only() -> None:
    run = QuizRun(_questions(), T0)
    run.reply(0, T0)
    with pytest.raises(RuntimeError, match="nothing to overrule"):
        run.overrule()  # a choice question
    run.next(T0)
    assert not run.reply("nineteen ninety one", T0).correct
    turned = run.overrule()
    assert turned.correct and turned.overruled
    assert run.answered[1].verdict.overruled


def test_when_the_time_runs_out_the_unanswered_count_as_wrong() -> None:
    run = QuizRun(_questions(), T0, minutes=2, pass_mark=0.5)
    assert run.time_left(T0 + timedelta(seconds=30)) == 90
    run.reply(1, T0 + timedelta(seconds=30))
    run.next(T0 + timedelta(seconds=31))
    later = T0 + timedelta(minutes=2, seconds=1)
    assert run.expired(later) and run.time_left(later) == 0
    with pytest.raises(RuntimeError, match="time is up"):
        run.reply("1991", later)
    result = run.result
    assert result is not None and result.timed_out
    assert (result.right, result.total, result.seconds) == (1, 4, 120)
    assert not result.passed  # 25 % against a 50 % pass mark
    assert [a.verdict.given for a in result.mistakes] == [""] * 3 and result.unanswered == 3


def test_finishing_early_counts_what_was_not_answered_as_wrong() -> None:
    run = QuizRun(_questions(), T0)
    run.reply(1, T0)
    result = run.finish(T0 + timedelta(minutes=1))
    assert (result.right, result.total, result.timed_out) == (1, 4, False)
    assert run.current is None and run.finish(T0) is result  # finishing twice changes nothing
