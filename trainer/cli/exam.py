"""Exams: trainer plan and trainer quiz."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from trainer.cli.common import open_workspace
from trainer.core.errors import UsageError


def cmd_plan(
    profile: str | None,
    decks: Sequence[str],
    exam: str | None,
    target: float | None,
    clear: bool,
    as_json: bool,
) -> int:
    """``trainer plan``: set, show or clear an exam date and its plan."""
    from datetime import date

    from trainer.core.plan import WINDOW_DAYS
    from trainer.workspace import deck_paths

    day = None
    if exam is not None:
        try:
            day = date.fromisoformat(exam)
        except ValueError:
            raise UsageError(
                f"--exam {exam!r} is not a date", "write it as YYYY-MM-DD, e.g. 2026-12-15"
            ) from None
    if clear and (exam or target is not None):
        raise UsageError("--clear cannot be given with --exam or --target")
    ws = open_workspace(profile, deck_paths(decks))
    try:
        ids = ws.resolve_decks(decks)
        if clear:
            n = ws.clear_exam(ids)
            print(f"exam date cleared for {n} deck{'s' if n != 1 else ''}")
            return 0
        plan = ws.plan(ids, day, target)
    finally:
        ws.close()
    if as_json:
        print(
            json.dumps(
                {
                    "decks": ids,
                    "exam": plan.exam.isoformat(),
                    "days_left": plan.days_left,
                    "cards": plan.cards,
                    "new_left": plan.new_left,
                    "new_per_day": plan.new_per_day,
                    "needed_new_per_day": plan.needed_new_per_day,
                    "configured_new_per_day": plan.configured_new_per_day,
                    "reviews_per_day": round(plan.reviews_per_day, 1),
                    "peak_reviews": plan.peak_reviews,
                    "predicted_recall": round(plan.predicted_recall, 4),
                    "target": plan.target,
                },
                indent=2,
            )
        )
        return 0
    when = plan.exam.strftime("%A %d %B %Y").replace(" 0", " ")
    print(f"Exam on {when}: {plan.days_left} day{'s' if plan.days_left != 1 else ''} left.")
    print(f"Decks: {', '.join(ids)} ({plan.cards} cards, {plan.new_left} not studied yet)")
    if plan.new_left and plan.new_per_day > plan.configured_new_per_day:
        print(
            f"New cards a day: {plan.new_per_day}"
            f" (raised from {plan.configured_new_per_day} to be ready in time)"
        )
    elif plan.new_left:
        print(
            f"New cards a day: {plan.needed_new_per_day}"
            f" {'is' if plan.needed_new_per_day == 1 else 'are'} enough to see every card in time"
            f" (your limits let in up to {plan.new_per_day})"
        )
    print(
        f"Reviews a day: about {plan.reviews_per_day:.0f} on average,"
        f" {plan.peak_reviews} on the busiest day"
    )
    print(f"Predicted recall on exam day: {plan.predicted_recall:.0%} (target {plan.target:.0%})")
    print(plan.explanation)
    print(
        f"Every card of these decks comes up at least once in the last {WINDOW_DAYS} days"
        " before the exam."
    )
    return 0


QUIZ_TYPES = ("choice", "typed", "truefalse", "timeline")


def cmd_quiz(args: argparse.Namespace) -> int:
    """``trainer quiz``: the quiz screen, the questions as JSON or Markdown, or the history."""
    import random

    from trainer.workspace import deck_paths

    if args.history:
        return quiz_history(args.profile, args.json, args.decks)
    if not args.decks:
        raise UsageError(
            "name the decks to quiz",
            "e.g. 'trainer quiz south-caucasus' ('trainer decks' lists them)",
        )
    if not 1 <= args.count <= 500:
        raise UsageError(f"--count {args.count} is out of range", "ask for 1 to 500 questions")
    if args.minutes is not None and not 0 < args.minutes <= 600:
        raise UsageError(f"--minutes {args.minutes:g} is out of range", "give 1 to 600 minutes")
    types = [t.strip() for t in args.types.split(",") if t.strip()]
    wrong = [t for t in types if t not in QUIZ_TYPES]
    if wrong or not types:
        raise UsageError(
            f"--types {args.types!r}: {', '.join(wrong) or 'none given'} is not a question type",
            "use any of: " + ",".join(QUIZ_TYPES),
        )
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    if args.format is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the quiz screen needs a terminal",
            "run it in a terminal, or write the questions with --format json|markdown",
        )
    if args.format is None:
        from trainer.ui.run import QuizOptions, run_app
        from trainer.workspace import Workspace, warn

        ws = Workspace(args.profile, deck_paths(args.decks), notify=warn, load=False)
        try:
            options = QuizOptions(tuple(args.decks), args.count, args.minutes, tuple(types), seed)
            return run_app(ws, quiz=options)
        finally:
            ws.close()
    from trainer.core.quiz.export import as_json, as_markdown
    from trainer.core.quiz.model import QuestionType

    ws = open_workspace(args.profile, deck_paths(args.decks))
    try:
        ids = ws.resolve_decks(args.decks)
        questions = ws.quiz_questions(
            ids, args.count, [QuestionType(t) for t in types], random.Random(seed)
        )
        title = f"Practice exam: {ws.title(ids)}"
    finally:
        ws.close()
    if args.format == "json":
        if args.minutes is not None:
            print("note: --minutes is not written in JSON; time the exam yourself", file=sys.stderr)
        sys.stdout.write(as_json(questions))
    else:
        sys.stdout.write(as_markdown(questions, title, args.minutes))
    return 0


def quiz_history(profile: str | None, as_json: bool, decks: Sequence[str] = ()) -> int:
    """The quizzes taken, newest last; with DECK arguments only those on any of them."""
    from datetime import UTC, datetime

    from trainer.workspace import deck_paths

    ws = open_workspace(profile, deck_paths(decks), load=bool(decks))
    try:
        records = ws.quiz_history()
        tz = ws.clock.tz
        if decks:
            # A deck removed since keeps its history: its id is taken as it is written.
            stored = {d for r in records for d in r.decks}
            wanted = {d for d in decks if d in stored}
            wanted.update(ws.resolve_decks([d for d in decks if d not in stored]))
            records = [r for r in records if wanted.intersection(r.decks)]
    finally:
        ws.close()
    if as_json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "started": datetime.fromtimestamp(r.started_at, UTC).isoformat(),
                        "finished": datetime.fromtimestamp(r.finished_at, UTC).isoformat(),
                        "decks": list(r.decks),
                        "options": r.options,
                        "right": r.right,
                        "total": r.total,
                        "score": round(r.right / r.total, 4) if r.total else 0.0,
                        "pass_mark": r.pass_mark,
                        "passed": r.passed,
                        "timed_out": r.timed_out,
                    }
                    for r in records
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if not records:
        on = " on those decks" if decks else ""
        print(f"no quizzes taken{on} yet; 'trainer quiz DECK...' starts one")
        return 0
    for r in records:
        when = datetime.fromtimestamp(r.finished_at, UTC).astimezone(tz)
        score = f"{r.right}/{r.total} ({r.right / r.total:.0%})" if r.total else "0/0"
        verdict = "passed" if r.passed else "failed"
        extra = ", time ran out" if r.timed_out else ""
        print(f"{when:%Y-%m-%d %H:%M}  {score:>14}  {verdict}{extra}  {', '.join(r.decks)}")
    return 0
