"""The quiz history: every finished quiz, written in one transaction, never changed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from trainer.core.quiz.run import Result
from trainer.store.db import transaction


@dataclass(frozen=True, slots=True)
class QuizRecord:
    """One finished quiz as the history keeps it."""

    id: int
    started_at: float
    finished_at: float
    decks: tuple[str, ...]
    options: dict[str, Any]
    right: int
    total: int
    pass_mark: float
    passed: bool
    timed_out: bool


def save(
    conn: sqlite3.Connection,
    result: Result,
    started_at: float,
    finished_at: float,
    decks: Sequence[str],
    options: Mapping[str, Any],
) -> int:
    """Write a finished quiz and every answer of it, together; returns its id."""
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO quizzes (started_at, finished_at, decks, options, score, total,"
            " pass_mark, passed, timed_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                started_at,
                finished_at,
                json.dumps(list(decks)),
                json.dumps(dict(options), sort_keys=True),
                result.right,
                result.total,
                result.pass_mark,
                int(result.passed),
                int(result.timed_out),
            ),
        )
        quiz_id = int(cur.lastrowid or 0)
        conn.executemany(
            "INSERT INTO quiz_answers (quiz_id, position, type, kind, prompt, expected, given,"
            " correct, overruled, cards, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    quiz_id,
                    position,
                    a.question.type.value,
                    a.question.kind,
                    a.question.prompt,
                    a.verdict.expected,
                    a.verdict.given,
                    int(a.verdict.correct),
                    int(a.verdict.overruled),
                    json.dumps([[c.deck_id, c.card_id] for c in a.question.cards]),
                    a.seconds,
                )
                for position, a in enumerate(result.answers)
            ],
        )
    return quiz_id


def history(conn: sqlite3.Connection, limit: int = 1000) -> list[QuizRecord]:
    """The finished quizzes, newest first."""
    return [
        QuizRecord(
            row[0],
            row[1],
            row[2],
            tuple(json.loads(row[3])),
            json.loads(row[4]),
            row[5],
            row[6],
            row[7],
            bool(row[8]),
            bool(row[9]),
        )
        for row in conn.execute(
            "SELECT id, started_at, finished_at, decks, options, score, total, pass_mark,"
            " passed, timed_out FROM quizzes ORDER BY finished_at DESC, id DESC LIMIT ?",
            (limit,),
        )
    ]
