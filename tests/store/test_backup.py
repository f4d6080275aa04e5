"""Backups: made online, kept in bounded numbers, restored here or on another machine."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import FixedClock, write_deck
from trainer.cli import main
from trainer.core.model import Rating
from trainer.store import backup as backup_store
from trainer.workspace import Workspace


@pytest.fixture
def deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    cards = "".join(f"  - {{id: c{i}, front: q{i}, back: a{i}}}\n" for i in range(5))
    return write_deck(tmp_path, "k.yaml", "id: k\ncards:\n" + cards)


def _answer(ws: Workspace, n: int, clock: FixedClock) -> None:
    s = ws.session(rng=random.Random(1))
    for _ in range(n):
        s.answer(Rating.GOOD, clock.advance(seconds=10))


def test_a_backup_is_made_at_exit_after_a_change_and_not_otherwise(
    deck: Path, clock: FixedClock
) -> None:
    ws = Workspace(None, [deck], clock=clock)
    ws.close()
    assert ws.backups() == []  # nothing changed: no backup
    ws = Workspace(None, [deck], clock=clock)
    _answer(ws, 2, clock)
    ws.close()
    (made,) = ws.backups()
    assert made.answers == 2 and made.path.stat().st_mode & 0o777 == 0o600
    check = sqlite3.connect(made.path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def test_while_studying_a_backup_is_due_every_thirty_minutes(deck: Path, clock: FixedClock) -> None:
    ws = Workspace(None, [deck], clock=clock)
    assert not ws.backup_due()  # nothing changed yet
    _answer(ws, 1, clock)
    assert ws.backup_due()  # no backup yet
    ws.backup()
    _answer(ws, 1, clock)
    assert not ws.backup_due()
    clock.advance(minutes=31)
    assert ws.backup_due()
    ws.close()


def test_backups_are_kept_in_bounded_numbers(tmp_path: Path, deck: Path) -> None:
    ws = Workspace(None, [deck], clock=FixedClock())
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for hours in range(0, 24 * 120, 7):  # a backup every 7 hours for 120 days
        backup_store.make(
            ws.paths.database, ws.paths.backups, "tester", start + timedelta(hours=hours)
        )
    kept = ws.backups()
    limit = backup_store.KEEP_NEWEST + backup_store.KEEP_DAYS + backup_store.KEEP_WEEKS
    assert len(kept) <= limit
    days = {b.made.date() for b in kept}
    assert len([d for d in days if d > kept[0].made.date() - timedelta(days=7)]) == 7
    assert kept[-1].made < kept[0].made - timedelta(weeks=6)  # weekly copies reach back
    ws.close()


def test_restore_saves_the_present_first_and_is_undoable(
    deck: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = Workspace(None, [deck], clock=clock)
    _answer(ws, 1, clock)
    first = ws.backup()
    clock.advance(minutes=1)
    _answer(ws, 2, clock)
    assert ws.store.answer_count() == 3
    restored, before = ws.restore(first)
    assert restored == first and ws.store.answer_count() == 1
    assert backup_store.answers_in(before) == 3
    ws.restore(before)  # the restore itself can be taken back
    assert ws.store.answer_count() == 3
    ws.close()
    assert main(["restore"]) == 0
    listing = capsys.readouterr().out
    assert "answers" in listing and str(first) in listing


def test_restoring_the_oldest_of_a_days_backups_keeps_it(deck: Path, clock: FixedClock) -> None:
    # three newest and one a day are kept: the copy of the present made before a restore
    # once pushed the chosen morning backup out, and the restore then found nothing
    ws = Workspace(None, [deck], clock=clock)
    made = []
    for _ in range(backup_store.KEEP_NEWEST + 1):
        _answer(ws, 1, clock)
        made.append(ws.backup())
        clock.advance(minutes=1)
    oldest = made[1]  # made[0] is the day's first, kept as the day's copy
    assert oldest.exists()
    restored, before = ws.restore(oldest)
    assert restored == oldest and ws.store.answer_count() == 2 and before.exists()
    ws.close()


def test_a_backup_restored_on_another_machine_works_there(
    deck: Path, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace(None, [deck], clock=clock)
    _answer(ws, 3, clock)
    made = ws.backup()
    ws.close()
    carried = tmp_path / "carried.sqlite3"
    carried.write_bytes(made.read_bytes())  # a backup file is complete on its own
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / "other-machine"))
    assert main(["restore", str(carried)]) == 0
    other = Workspace(None, [deck], clock=clock)
    assert other.store.answer_count() == 3
    rowid = other.store.card_rowid("k", "c0")
    assert rowid is not None and other.store.memory(rowid).last_review is not None
    other.close()


def test_restore_refuses_what_is_not_a_sound_profile(
    deck: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    for path, says in ((junk, "not a trainer database"), (other, "not a trainer profile")):
        assert main(["restore", str(path)]) == 2
        assert says in capsys.readouterr().err
    assert main(["restore", "--latest"]) == 2
    assert "no backups yet" in capsys.readouterr().err
    assert main(["backup"]) == 0
    assert "backed up to" in capsys.readouterr().out
