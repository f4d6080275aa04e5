"""Two terminals on one profile, damaged databases, a hostile environment (issue 9, 9-17)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import FixedClock, write_deck
from trainer.core.config import parse_config
from trainer.core.errors import ConfigError, ConflictError, DamagedCopy, StoreError
from trainer.core.model import Rating, State
from trainer.store import backup as backup_store
from trainer.store import db
from trainer.workspace import Workspace

ROOT = Path(__file__).parents[2]


@pytest.fixture
def deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    cards = "".join(f"  - {{id: c{i}, front: q{i}, back: a{i}}}\n" for i in range(6))
    return write_deck(tmp_path, "k.yaml", "id: k\ncards:\n" + cards)


def test_two_windows_answer_the_same_card(deck: Path, clock: FixedClock) -> None:
    """A answers Good; B, which showed the card earlier, answers Easy: B is refused kindly."""
    a = Workspace(None, [deck], clock=clock)
    b = Workspace(None, [deck], clock=clock)
    sa = a.session(rng=random.Random(1))
    sb = b.session(rng=random.Random(2))
    assert sa.current is not None and sb.current is not None
    assert sa.current.card.id == sb.current.card.id == "c0"
    sa.answer(Rating.GOOD, clock.now())
    with pytest.raises(ConflictError, match="answered in another trainer window"):
        sb.answer(Rating.EASY, clock.now())
    rowid = a.store.card_rowid("k", "c0")
    assert rowid is not None
    rows = a.store.log_rows(rowid)
    assert len(rows) == 1 and rows[0][3] == int(Rating.GOOD)  # B's answer was not written
    assert a.store.memory(rowid).state is State.LEARNING
    # B took its queue again: c0 is now a learning card due in 10 minutes, c1 is next.
    assert sb.current is not None and sb.current.card.id == "c1"
    # A's undo still works; B answering again then A's undo explains instead of crashing.
    sb.answer(Rating.GOOD, clock.now())
    sa.undo(clock.now())
    sa.answer(Rating.AGAIN, clock.now())  # c0 again
    sc = b.session(rng=random.Random(3))
    while sc.current is not None and sc.current.card.id != "c0":
        sc.bury(clock.now())
    clock.advance(minutes=2)
    if sc.current is not None:
        sc.answer(Rating.GOOD, clock.now())
        with pytest.raises(ConflictError, match="cannot be undone"):
            sa.undo(clock.now())
    a.close()
    b.close()


def test_a_retired_card_answered_elsewhere_stays_out_of_study(
    deck: Path, clock: FixedClock
) -> None:
    shown = Workspace(None, [deck], clock=clock)
    session = shown.session(rng=random.Random(1))
    assert session.current is not None and session.current.card.id == "c0"
    # Meanwhile c0 is deleted from the deck and another process syncs.
    deck.write_text(deck.read_text().replace("  - {id: c0, front: q0, back: a0}\n", ""))
    other = Workspace(None, [deck], clock=clock)
    session.answer(Rating.AGAIN, clock.now())  # the learner answers the card still on screen
    rowid = other.store.card_rowid("k", "c0")
    assert rowid is not None
    queue = other.conn.execute(
        "SELECT queue FROM card_state WHERE card_rowid = ?", (rowid,)
    ).fetchone()[0]
    assert queue == -1 and session.counts.learning == 0
    # An old profile where this already happened is mended by the next sync.
    other.conn.execute("UPDATE card_state SET queue = 1 WHERE card_rowid = ?", (rowid,))
    other.reload()
    (row,) = other.rows()
    assert row.counts.learning == 0
    shown.close()
    other.close()


RACE = """
import sys
from trainer.workspace import Workspace
Workspace().close()
"""


def test_first_start_races_never_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Four processes opening a new profile at once: none fails (17 in 120 did)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for attempt in range(4):
        env["TRAINER_HOME"] = str(tmp_path / f"home{attempt}")
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", textwrap.dedent(RACE)],
                env=env,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        errors = []
        for proc in procs:
            try:
                _, err = proc.communicate(timeout=60)
            finally:
                proc.kill()  # a failure leaves no process running into the next test
            if proc.returncode:
                errors.append(err)
        assert not errors, errors[0]


def test_write_failures_become_clear_errors_and_nothing_is_half_written(
    deck: Path, clock: FixedClock
) -> None:
    ws = Workspace(None, [deck], clock=clock)
    session = ws.session(rng=random.Random(1))
    ws.conn.execute("PRAGMA query_only = 1")  # as a read-only file behaves
    with pytest.raises(StoreError, match="read-only"):
        session.answer(Rating.GOOD, clock.now())
    ws.conn.execute("PRAGMA query_only = 0")
    assert session.current is not None and session.current.card.id == "c0"  # still on screen
    assert ws.store.answer_count() == 0
    pages = ws.conn.execute("PRAGMA page_count").fetchone()[0]
    ws.conn.execute(f"PRAGMA max_page_count = {pages}")  # as a full disk behaves
    big = "x" * 200_000
    with pytest.raises(StoreError, match="disk is full"):
        ws.store.set_pref("big", big)
    assert ws.store.pref("big") is None
    session.answer(Rating.GOOD, clock.now())  # fine again once there is room? (the answer is small)
    assert ws.store.answer_count() == 1
    ws.close()


def _corrupt(path: Path, at: int, size: int = 512) -> None:
    with path.open("r+b") as f:
        f.seek(at)
        f.write(os.urandom(size))


def test_junk_in_the_header_is_reported_with_the_backups(
    deck: Path, clock: FixedClock, trainer_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.cli import main

    ws = Workspace(None, [deck], clock=clock)
    ws.session(rng=random.Random(1)).answer(Rating.GOOD, clock.now())
    ws.close()  # a backup is made at exit after a change
    _corrupt(ws.paths.database, 0, 100)
    assert main(["decks"]) == 1
    err = capsys.readouterr().err
    assert "is not a usable trainer database" in err and "trainer restore" in err
    assert "unexpected failure" not in err
    assert main(["restore", "--latest"]) == 0
    assert main(["decks", "--json", str(deck)]) == 0


def test_junk_deeper_in_is_found_by_the_full_check(deck: Path, clock: FixedClock) -> None:
    cards = "".join(f"  - {{id: d{i}, front: {'q' * 300}{i}, back: a}}\n" for i in range(400))
    deck.write_text("id: k\ncards:\n" + cards)
    ws = Workspace(None, [deck], clock=clock)
    assert ws.check_integrity() == []
    path = ws.paths.database
    ws.close()
    size = path.stat().st_size
    _corrupt(path, size // 2, 4096)
    ws = Workspace(None, [deck], clock=clock, load=False)  # the quick look may not see it
    assert ws.check_integrity() != []
    ws.close()


def test_the_wal_is_folded_back_at_start_and_a_lost_one_is_noticed(
    deck: Path, clock: FixedClock, trainer_home: Path
) -> None:
    """After a crash every answer lives in the -wal file; start folds it back.
    A -wal deleted before that loses answers, and the next start says so."""
    child = textwrap.dedent(
        """
        import random, sys
        from pathlib import Path
        from trainer.core.model import Rating
        from trainer.workspace import Workspace
        ws = Workspace(None, [Path(sys.argv[1])])
        s = ws.session(["k"], random.Random(1))
        for _ in range(3):
            s.answer(Rating.GOOD, ws.clock.now())
            s.idle()  # the UI calls this while the learner reads
        print("ok", flush=True)
        sys.stdin.readline()
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", child, str(deck)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ok"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert proc.stdin is not None
    proc.stdin.close()
    database = trainer_home / "data" / "profiles" / "tester.sqlite3"
    wal = database.with_name(database.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    copy = database.with_name("copy.sqlite3")
    copy.write_bytes(database.read_bytes())
    # The copy alone has lost them (they are in the -wal): open it as the profile.
    database.rename(database.with_name("crashed.sqlite3"))
    wal.rename(wal.with_name("crashed.sqlite3-wal"))
    copy.rename(database)
    ws = Workspace(None, [deck], clock=clock)
    lost = ws.lost_answers()
    assert ws.store.answer_count() == 0
    assert lost is not None and "held 3 when the trainer last closed it" in lost.message
    ws.close()
    # Opening the crashed file with its -wal folds the answers back into the file.
    database.unlink()
    database.with_name("crashed.sqlite3").rename(database)
    wal.with_name("crashed.sqlite3-wal").rename(wal)
    ws = Workspace(None, [deck], clock=clock)
    ws.close()
    alone = sqlite3.connect(database.with_name("alone.sqlite3"))
    sqlite3.connect(database).backup(alone)  # any copy of the file alone now holds them
    assert alone.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 3
    alone.close()


def test_the_noted_answer_count_follows_answers_and_undos_and_never_runs_ahead(
    deck: Path, clock: FixedClock
) -> None:
    """The count beside the database is kept without counting the log after every answer;
    another window's answers can leave it short until the next count, never over."""
    a = Workspace(None, [deck], clock=clock)
    b = Workspace(None, [deck], clock=clock)
    sa = a.session(["k"], random.Random(1))
    for _ in range(3):
        sa.answer(Rating.GOOD, clock.now())
        sa.idle()
    assert a.store.noted_answers() == 3 == a.store.answer_count()
    sa.undo(clock.now())
    sa.idle()
    assert a.store.noted_answers() == 2
    sb = b.session(["k"], random.Random(2))
    assert sb.current is not None and sa.current is not None
    if sb.current.card.rowid == sa.current.card.rowid:
        sb.bury(clock.now())  # another card than the one A shows
    assert sb.current is not None and sb.current.card.rowid != sa.current.card.rowid
    sb.answer(Rating.GOOD, clock.now())  # the other window
    sa.answer(Rating.GOOD, clock.now())
    sa.idle()
    noted = a.store.noted_answers()
    assert noted is not None and noted <= a.store.answer_count() == 4
    assert a.lost_answers() is None
    b.close()
    a.close()  # counted exactly at exit
    assert a.store.noted_answers() == 4


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ('learning_steps = ["999999999d"]', "outside the range of a step"),
        (f'learning_steps = ["{"9" * 400}d"]', "is not a step"),
        ('relearning_steps = ["0s"]', "outside the range of a step"),
        ("learning_steps = [" + ", ".join(['"1m"'] * 21) + "]", "at most 20 steps"),
        ("fsrs_parameters = [" + ", ".join(["nan"] * 21) + "]", "21 numbers"),
        ("day_rollover_hour = 24", "from 0 to 23"),
    ],
)
def test_settings_are_checked_against_their_range(toml: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        parse_config(toml, "config.toml")


def test_a_hostile_environment_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.cli import main

    home = tmp_path / "home-file"
    home.write_text("not a folder")
    monkeypatch.setenv("TRAINER_HOME", str(home))
    assert main(["decks"]) == 2
    assert f"TRAINER_HOME ({home}) is a file" in capsys.readouterr().err
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "profiles").write_text("a file where a folder goes")
    monkeypatch.setenv("TRAINER_HOME", str(home))
    assert main(["decks"]) == 2
    assert "profiles is a file, but the trainer keeps a folder there" in capsys.readouterr().err
    (home / "data" / "profiles").unlink()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert main(["decks"]) == 2
    assert "cannot create the folder" in capsys.readouterr().err
    monkeypatch.undo()
    assert main(["--profile"]) == 2
    assert "--profile: expected one argument" in capsys.readouterr().err
    assert main(["--profile", "", "decks"]) == 2
    assert "--profile needs a name" in capsys.readouterr().err
    with pytest.raises(StoreError, match="is not a file"):
        db.connect(tmp_path)  # a folder is no database


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_settings_file_that_is_a_pipe_or_a_device_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    import os
    import time

    from trainer.cli import main
    from trainer.store import paths

    monkeypatch.setenv("TRAINER_HOME", str(tmp_path))
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    config = paths.resolve(None).config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(config)
    else:
        config.symlink_to("/dev/zero")
    started = time.monotonic()
    assert main(["decks"]) == 2  # neither waits for a writer nor reads forever
    assert time.monotonic() - started < 5
    err = capsys.readouterr().err
    assert "config.toml" in err and "not a regular file" in err


def test_a_damaged_database_is_backed_up_aside_and_no_sound_backup_is_pruned(
    deck: Path, clock: FixedClock
) -> None:
    cards = "".join(f"  - {{id: d{i}, front: {'q' * 300}{i}, back: a}}\n" for i in range(400))
    deck.write_text("id: k\ncards:\n" + cards)
    ws = Workspace(None, [deck], clock=clock)
    for _ in range(4):  # more than the three newest the pruning keeps
        ws.backup()
        clock.advance(seconds=60)
    kept = [b.path for b in ws.backups()]
    path = ws.paths.database
    ws.close()
    _corrupt(path, path.stat().st_size // 2, 4096)
    ws = Workspace(None, [deck], clock=clock, load=False)
    for _ in range(4):
        clock.advance(seconds=60)
        with pytest.raises(DamagedCopy) as raised:
            ws.backup()
        assert "failed its check" in raised.value.message and "trainer restore" in raised.value.hint
        assert raised.value.path.exists() and raised.value.path.name.endswith(".damaged.sqlite3")
    assert [b.path for b in ws.backups()] == kept  # none pruned, the copies not listed
    assert not backup_store.due(ws.paths.backups, ws.paths.profile, clock.now())  # not again
    restored, before = ws.restore()  # a damaged present is still set aside first
    assert restored == kept[0] and before.name.endswith(".damaged.sqlite3")
    assert ws.check_integrity() == []
    ws.close()
