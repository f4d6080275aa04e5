"""A quiz being taken: replies, the clock, the "I was right" key, and the result.

The clock is passed in (every method takes ``now``), so a timed exam is tested
without sleeping. When the time is up the quiz ends: questions not answered
count as wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from trainer.core.quiz.check import Reply, check, overrule, unanswered
from trainer.core.quiz.model import Question, QuestionType, Verdict

PASS_MARK = 0.7
"""The share of right answers that passes, unless the settings say otherwise."""


@dataclass(frozen=True, slots=True)
class Answered:
    """One question's outcome: what was given, the verdict, and the time it took."""

    question: Question
    verdict: Verdict
    seconds: float


@dataclass(frozen=True, slots=True)
class Result:
    """How a finished quiz went.

    Attributes:
        answers: Every question with its outcome, in the order asked (an
            unanswered question has an empty reply and counts as wrong).
        right: How many were right.
        pass_mark: The share needed to pass.
        seconds: Time from the start to the end.
        timed_out: Whether the time ran out.
        by_kind: For each kind of fact, (right, asked).
        by_type: For each question type, (right, asked).
    """

    answers: tuple[Answered, ...]
    right: int
    pass_mark: float
    seconds: float
    timed_out: bool
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_type: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many questions were asked."""
        return len(self.answers)

    @property
    def score(self) -> float:
        """The share of right answers (0 for an empty quiz)."""
        return self.right / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        """Whether the score reaches the pass mark."""
        return self.score >= self.pass_mark

    @property
    def mistakes(self) -> list[Answered]:
        """The questions answered wrongly or not at all."""
        return [a for a in self.answers if not a.verdict.correct]

    @property
    def unanswered(self) -> int:
        """How many questions were left without a reply."""
        return sum(1 for a in self.answers if not a.verdict.given and not a.verdict.correct)


class QuizRun:
    """A quiz in progress.

    Args:
        questions: The questions, in the order they are asked.
        started: When the quiz began (aware).
        minutes: The time allowed, or None for no limit.
        pass_mark: The share of right answers that passes.
    """

    def __init__(
        self,
        questions: Sequence[Question],
        started: datetime,
        minutes: float | None = None,
        pass_mark: float = PASS_MARK,
    ) -> None:
        self.questions = list(questions)
        self.started = started
        self.minutes = minutes
        self.pass_mark = pass_mark
        self.position = 0
        self.answered: dict[int, Answered] = {}
        self._shown_at = started
        self.result: Result | None = None

    @property
    def current(self) -> Question | None:
        """The question on screen, or None once every question is answered or time is up."""
        if self.result is not None or self.position >= len(self.questions):
            return None
        return self.questions[self.position]

    def time_left(self, now: datetime) -> float | None:
        """Seconds left (never below 0), or None for an untimed quiz."""
        if self.minutes is None:
            return None
        return max(0.0, self.minutes * 60 - (now - self.started).total_seconds())

    def expired(self, now: datetime) -> bool:
        """Whether the time is up."""
        left = self.time_left(now)
        return left is not None and left <= 0

    def reply(self, reply: Reply, now: datetime) -> Verdict:
        """Judge a reply to the current question (it stays current until ``next``).

        Raises:
            RuntimeError: when there is no question to answer (the quiz is over).
        """
        question = self.current
        if question is None or self.position in self.answered:
            raise RuntimeError("no question to answer")
        if self.expired(now):
            self.finish(now)
            raise RuntimeError("the time is up")
        verdict = check(question, reply)
        seconds = max(0.0, (now - self._shown_at).total_seconds())
        self.answered[self.position] = Answered(question, verdict, seconds)
        return verdict

    def overrule(self) -> Verdict:
        """The learner's "I was right" for the reply just given to a typed question.

        Raises:
            RuntimeError: when the current question has no reply to overrule.
        """
        done = self.answered.get(self.position)
        if done is None or done.question.type is not QuestionType.TYPED or done.verdict.correct:
            raise RuntimeError("nothing to overrule")
        turned = overrule(done.verdict)
        self.answered[self.position] = Answered(done.question, turned, done.seconds)
        return turned

    def next(self, now: datetime) -> Question | None:
        """Move on to the next question (the current one must have a reply)."""
        if self.position in self.answered:
            self.position += 1
            self._shown_at = now
        if self.current is None and self.result is None:
            self.finish(now)
        return self.current

    def finish(self, now: datetime) -> Result:
        """End the quiz now: unanswered questions count as wrong."""
        if self.result is not None:
            return self.result
        answers = []
        for i, question in enumerate(self.questions):
            done = self.answered.get(i)
            if done is None:
                done = Answered(question, unanswered(question), 0.0)
            answers.append(done)
        right = sum(1 for a in answers if a.verdict.correct)
        seconds = (now - self.started).total_seconds()
        if self.minutes is not None:
            seconds = min(seconds, self.minutes * 60)
        self.result = Result(
            tuple(answers),
            right,
            self.pass_mark,
            seconds,
            self.expired(now),
            _breakdown(answers, lambda a: a.question.kind or "other"),
            _breakdown(answers, lambda a: a.question.type.value),
        )
        return self.result


def _breakdown(answers: Sequence[Answered], key: object) -> dict[str, tuple[int, int]]:
    asked: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for a in answers:
        k = key(a)  # type: ignore[operator]
        asked[k] += 1
        right[k] += a.verdict.correct
    return {k: (right[k], asked[k]) for k in sorted(asked)}
