"""Answers survive kill -9; a second process waits and says why; migrations keep data."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tests.conftest import FixedClock, write_deck
from trainer.core.errors import StoreError
from trainer.store import db
from trainer.workspace import Workspace

ROOT = Path(__file__).parents[2]

CHILD = """
import random, sys
from trainer.core.model import Rating
from trainer.workspace import Workspace
from pathlib import Path
ws = Workspace(None, [Path(sys.argv[1])])
session = ws.session(["k"], random.Random(1))
n = 0
while session.current is not None:
    session.answer(Rating.GOOD, ws.clock.now())
    n += 1
    print(n, flush=True)  # only printed once the answer is committed
    if n >= 5:
        sys.stdin.readline()  # wait here to be killed
"""


def test_kill_minus_nine_loses_no_answered_card(tmp_path: Path, trainer_home: Path) -> None:
    cards = "".join(f"  - {{id: c{i}, front: q{i}, back: a{i}}}\n" for i in range(30))
    deck = write_deck(tmp_path, "k.yaml", "title: K\ncards:\n" + cards)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(deck)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    seen = [proc.stdout.readline().strip() for _ in range(5)]
    assert seen == ["1", "2", "3", "4", "5"]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert proc.stdin is not None
    proc.stdin.close()
    ws = Workspace(None, [deck], clock=FixedClock())
    try:
        assert ws.conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 5
        assert (
            ws.conn.execute("SELECT COUNT(*) FROM card_state WHERE state <> 0").fetchone()[0] == 5
        )
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        ws.close()


def test_second_process_says_why_it_waits(
    tmp_path: Path, small_deck: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    first = Workspace(None, [small_deck], clock=FixedClock())
    small_deck.write_text(
        small_deck.read_text() + "  - {id: extra, front: E, back: E}\n"
    )  # forces a sync
    first.conn.execute("BEGIN EXCLUSIVE")
    messages: list[str] = []
    release = threading.Timer(1.0, lambda: first.conn.execute("COMMIT"))
    release.start()
    try:
        second = Workspace(None, [small_deck], clock=FixedClock(), notify=messages.append)
        assert second.decks[0].cards == 8
        second.close()
    finally:
        release.join()
        first.close()
    assert messages and "waiting for another trainer process" in messages[0]


def test_migration_step_keeps_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.sqlite3"
    conn = db.connect(path)
    conn.execute("INSERT INTO decks (deck_id, title, path) VALUES ('d', 'D', 'd.yaml')")
    conn.close()
    steps = {
        **db.MIGRATIONS,
        db.SCHEMA_VERSION + 1: ["ALTER TABLE decks ADD COLUMN color TEXT DEFAULT 'blue'"],
    }
    monkeypatch.setattr(db, "MIGRATIONS", steps)
    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    conn = db.connect(path)
    assert conn.execute("SELECT deck_id, color FROM decks").fetchall() == [("d", "blue")]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION


def test_a_failed_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.sqlite3"
    db.connect(path).close()
    steps = {**db.MIGRATIONS, db.SCHEMA_VERSION + 1: ["CREATE TABLE extra (x)", "THIS IS NOT SQL"]}
    monkeypatch.setattr(db, "MIGRATIONS", steps)
    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    with pytest.raises(StoreError):
        db.connect(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION - 1
    assert not check.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall()


def test_version_1_profiles_keep_everything_when_renamed_to_version_2(tmp_path: Path) -> None:
    """Migration 2 renames columns (one word for one thing); no answer may be lost."""
    path = tmp_path / "p.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    db.migrate(conn, target=1)
    conn.execute("INSERT INTO decks (id, key, title, path) VALUES (1, 'd', 'D', 'd.yaml')")
    conn.execute(
        "INSERT INTO cards (id, deck_id, key, note, ord, type, ordinal, kind, front, back,"
        " extra, content_hash) VALUES (7, 1, 'a/reverse', 'a', 0, 'reversed', 2, 'other',"
        " 'Q', 'A', 'a note', 'h')"
    )
    conn.execute("INSERT INTO card_state (card_id, deck_id, state, due) VALUES (7, 1, 2, 5)")
    conn.execute(
        "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, state_before,"
        " due_before, state_after, due_after, interval) VALUES (7, 1, 3, 100, 0, 0, 2, 5, 4)"
    )
    conn.close()
    conn = db.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    assert conn.execute(
        "SELECT c.rowid, d.deck_id, c.card_id, c.entry_id, c.note FROM cards c"
        " JOIN decks d ON d.rowid = c.deck_rowid"
    ).fetchall() == [(7, "d", "a/reverse", "a", "a note")]
    assert conn.execute("SELECT card_rowid, deck_rowid, state FROM card_state").fetchall() == [
        (7, 1, 2)
    ]
    assert conn.execute("SELECT card_rowid, rating FROM review_log").fetchall() == [(7, 3)]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE review_log SET rating = 1")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
