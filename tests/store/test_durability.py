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
    conn.execute("INSERT INTO decks (key, title, path) VALUES ('d', 'D', 'd.yaml')")
    conn.close()
    steps = {
        **db.MIGRATIONS,
        db.SCHEMA_VERSION + 1: ["ALTER TABLE decks ADD COLUMN color TEXT DEFAULT 'blue'"],
    }
    monkeypatch.setattr(db, "MIGRATIONS", steps)
    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    conn = db.connect(path)
    assert conn.execute("SELECT key, color FROM decks").fetchall() == [("d", "blue")]
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
