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
