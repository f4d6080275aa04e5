"""`trainer quiz`: questions as JSON and Markdown, the history, and what survives kill -9."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from trainer.cli import main

ROOT = Path(__file__).parents[2]


def test_json_questions_parse_and_name_their_cards(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", "south-caucasus", "--count", "12", "--seed", "4", "--format", "json"]) == 0
    questions = json.loads(capsys.readouterr().out)
    assert len(questions) == 12
    assert {q["type"] for q in questions} == {"choice", "typed", "truefalse", "timeline"}
    for q in questions:
        assert q["prompt"] and q["answer"] and q["card"]["deck"].startswith("south-caucasus")
        if q["type"] in ("choice", "timeline"):
            assert len(q["choices"]) >= 4 and len(set(q["choices"])) == len(q["choices"])
        if q["type"] == "choice":
            assert q["choices"].count(q["answer"]) == 1
        if q["type"] == "timeline":
            assert [q["choices"][i] for i in q["order"]] == q["answer"].split(" → ")
    # The same seed gives the same quiz.
    assert main(["quiz", "south-caucasus", "--count", "12", "--seed", "4", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == questions


def test_markdown_has_the_questions_then_an_answer_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "quiz",
                "dates",
                "--count",
                "6",
                "--seed",
                "2",
                "--types",
                "choice,truefalse",
                "--format",
                "markdown",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    head, key = out.split("## Answer key")
    assert head.startswith("# Practice exam: South Caucasus")
    numbered = re.findall(r"^(\d+)\. ", head, re.MULTILINE)
    assert numbered == [str(n) for n in range(1, 7)]
    answers = re.findall(r"^(\d+)\. (.+)$", key, re.MULTILINE)
    assert [n for n, _ in answers] == [str(n) for n in range(1, 7)]
    for _, answer in answers:
        assert re.match(r"[a-d]\) |True|False", answer), answer


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["quiz"], "name the decks to quiz"),
        (["quiz", "dates", "--count", "0"], "out of range"),
        (["quiz", "dates", "--minutes", "-3"], "out of range"),
        (["quiz", "dates", "--types", "essay"], "is not a question type"),
        (["quiz", "dates"], "needs a terminal"),
        (["quiz", "nowhere", "--format", "json"], "no deck 'nowhere'"),
    ],
)
def test_bad_quiz_requests(args: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    assert says in capsys.readouterr().err


CHILD = """
import random, sys
from datetime import timedelta
from trainer.core.quiz.model import QuestionType
from trainer.core.quiz.run import QuizRun
from trainer.workspace import Workspace
ws = Workspace()
ids = ws.resolve_decks(["dates"])
questions = ws.quiz_questions(ids, 5, [QuestionType.CHOICE], random.Random(3))
run = QuizRun(questions, ws.clock.now())
for q in questions:
    run.reply(q.correct[0] if sys.argv[1] == "right" else (q.correct[0] + 1) % 4, ws.clock.now())
    run.next(ws.clock.now())
ws.save_quiz(run.result, run.started, ids, {"count": 5})
print("saved", flush=True)
sys.stdin.readline()  # wait here to be killed
"""


def test_a_finished_quiz_survives_kill_minus_nine_and_is_listed(
    trainer_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for how in ("right", "wrong"):
        proc = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(CHILD), how],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "saved"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        assert proc.stdin is not None
        proc.stdin.close()
    assert main(["quiz", "--history", "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert [(h["right"], h["total"], h["passed"]) for h in history] == [(0, 5, False), (5, 5, True)]
    assert history[0]["decks"] == ["south-caucasus-dates"] and history[0]["options"] == {"count": 5}
    assert main(["quiz", "--history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "0/5 (0%)" in lines[0] and "failed" in lines[0] and "5/5 (100%)" in lines[1]
    from trainer.workspace import Workspace

    ws = Workspace(load=False)
    rows = ws.conn.execute("SELECT COUNT(*) FROM quiz_answers").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        ws.conn.execute("UPDATE quizzes SET score = 5")
    ws.close()
    assert rows == 10


def _save_quiz(decks: list[str], right: bool) -> None:
    import random

    from trainer.core.quiz.model import QuestionType
    from trainer.core.quiz.run import QuizRun
    from trainer.workspace import Workspace

    ws = Workspace()
    ids = ws.resolve_decks(decks)
    questions = ws.quiz_questions(ids, 3, [QuestionType.CHOICE], random.Random(1))
    run = QuizRun(questions, ws.clock.now())
    for q in questions:
        run.reply(q.correct[0] if right else (q.correct[0] + 1) % 4, ws.clock.now())
        run.next(ws.clock.now())
    assert run.result is not None
    ws.save_quiz(run.result, run.started, ids, {"count": 3})
    ws.close()


def test_history_of_some_decks_lists_only_their_quizzes(
    trainer_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _save_quiz(["dates"], right=True)
    _save_quiz(["people"], right=False)
    _save_quiz(["south-caucasus"], right=True)
    assert main(["quiz", "--history", "--json", "people"]) == 0
    decks = [h["decks"] for h in json.loads(capsys.readouterr().out)]
    assert len(decks) == 2 and all("south-caucasus-people" in d for d in decks)
    assert main(["quiz", "--history", "--json", "south-caucasus-dates"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    # A deck id that is in the history is found even when no deck has it any more.
    assert main(["quiz", "--history", "south-caucasus-places"]) == 0
    assert "3/3" in capsys.readouterr().out
    assert main(["quiz", "--history", "treaties"]) == 0
    assert "3/3" in capsys.readouterr().out
    assert main(["quiz", "--history", "nowhere"]) == 2
    assert "no deck 'nowhere'" in capsys.readouterr().err


def test_a_printed_timed_exam_says_its_time_and_json_says_it_is_not_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["quiz", "south-caucasus", "--count", "5", "--seed", "1", "--minutes", "20"]
    assert main([*args, "--format", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "# Practice exam: South Caucasus (4 decks)"
    assert lines[2] == "5 questions, 20 minutes allowed."
    assert main([*args, "--format", "json"]) == 0
    out = capsys.readouterr()
    assert len(json.loads(out.out)) == 5 and "--minutes is not written in JSON" in out.err


def test_a_quiz_is_titled_by_its_decks(trainer_home: Path) -> None:
    from tests.conftest import write_deck
    from trainer.workspace import Workspace

    folder = trainer_home / "data" / "decks"
    for name, title in (("a", "Spanish verbs"), ("b", "Rivers"), ("c", "Capitals"), ("d", "Art")):
        write_deck(
            folder,
            f"{name}.yaml",
            f"id: {name}\ntitle: {title}\ncards: [{{id: x, front: q, back: a}}]\n",
        )
    ws = Workspace()
    try:
        tagged = ws.resolve_decks(["south-caucasus"])
        assert ws.title(tagged) == "South Caucasus (4 decks)"
        assert ws.title(tagged[:1]) == "South Caucasus — dates"
        assert ws.title(["a", "b"]) == "Spanish verbs and Rivers"
        assert ws.title(["a", "b", "c"]) == "Spanish verbs, Rivers and Capitals"
        assert ws.title(["a", "b", "c", "d"]) == "4 decks"
        assert ws.title([f.deck_id for f in ws.decks]) == "All decks"
    finally:
        ws.close()
