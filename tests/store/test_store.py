"""The store: round trips, sync, migrations, interrupted transactions, two connections."""

from __future__ import annotations

import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FixedClock, write_deck
from trainer.core.errors import StoreBusyError, StoreError, UsageError
from trainer.core.model import Memory, Rating, State
from trainer.store import catalog, db
from trainer.store.catalog import DeckSource
from trainer.store.paths import profile_name, resolve
from trainer.store.progress import Store
from trainer.workspace import Workspace

DECK = """
    id: d
    title: D
    cards:
      - {id: a, front: QA, back: AA}
      - {id: b, front: QB, back: AB}
"""


def _open(tmp_path: Path) -> sqlite3.Connection:
    return db.connect(tmp_path / "p.sqlite3")


def test_database_is_private_and_in_wal_mode(workspace: Workspace) -> None:
    path = workspace.paths.database
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert workspace.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert workspace.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert workspace.conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION


def test_paths_honour_trainer_home(trainer_home: Path) -> None:
    p = resolve("alice")
    assert p.database == trainer_home / "data" / "profiles" / "alice.sqlite3"
    assert p.config_file == trainer_home / "config" / "config.toml"


def test_profile_names(monkeypatch: pytest.MonkeyPatch) -> None:
    assert profile_name("bob") == "bob"
    assert profile_name(None) == "tester"  # from TRAINER_PROFILE
    monkeypatch.delenv("TRAINER_PROFILE")
    assert profile_name(None)
    with pytest.raises(UsageError, match="cannot be a profile name"):
        profile_name("../etc")


def test_memory_round_trip(tmp_path: Path) -> None:
    conn = _open(tmp_path)
    deck = write_deck(tmp_path, "d.yaml", DECK)
    catalog.sync(conn, [DeckSource(deck, "argument")])
    store = Store(conn)
    rowid = store.card_rowid("d", "a")
    assert rowid is not None
    before = store.memory(rowid)
    after = Memory(State.REVIEW, None, 3.25, 4.5, 1_800_000_000.5, 1_799_000_000.0)
    log_id = store.record(rowid, before, after, Rating.GOOD, 1_799_000_000.0, 1234)
    assert store.memory(rowid) == after
    row = store.log_rows(rowid)[0]
    assert row[0] == log_id and row[3] == 3 and row[4] == 1234
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE review_log SET rating = 1")
    store.undo(log_id, rowid, before)
    assert store.memory(rowid) == before and store.log_rows(rowid) == []


def test_interrupted_transaction_leaves_no_half_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = _open(tmp_path)
    catalog.sync(conn, [DeckSource(write_deck(tmp_path, "d.yaml", DECK), "argument")])
    store = Store(conn)
    rowid = store.card_rowid("d", "a")
    assert rowid is not None
    before = store.memory(rowid)
    after = Memory(State.LEARNING, 1, 2.0, 5.0, 100.0, 50.0)

    class Boom(Exception):
        pass

    real = conn

    class Failing:
        """Lets the state update through, then dies before the log row."""

        def execute(self, sql: str, params: object = ()) -> object:
            if sql.startswith("INSERT INTO review_log"):
                raise Boom
            return real.execute(sql, params)  # type: ignore[arg-type]

    store.conn = Failing()  # type: ignore[assignment]
    with pytest.raises(Boom):
        store.record(rowid, before, after, Rating.GOOD, 50.0, 10)
    store.conn = real
    other = sqlite3.connect(tmp_path / "p.sqlite3")
    assert Store(other).memory(rowid) == before
    assert other.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 0


def test_two_connections_at_once(tmp_path: Path) -> None:
    c1 = _open(tmp_path)
    catalog.sync(c1, [DeckSource(write_deck(tmp_path, "d.yaml", DECK), "argument")])
    c2 = _open(tmp_path)
    s1, s2 = Store(c1), Store(c2)
    a, b = s1.card_rowid("d", "a"), s1.card_rowid("d", "b")
    assert a is not None and b is not None
    errors: list[BaseException] = []

    def answer(store: Store, rowid: int) -> None:
        try:
            for i in range(50):
                m = store.memory(rowid)
                store.record(
                    rowid,
                    m,
                    Memory(State.LEARNING, 0, 1.0, 5.0, float(i), float(i)),
                    Rating.AGAIN,
                    float(i),
                    1,
                )
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=answer, args=(s1, a)),
        threading.Thread(target=answer, args=(s2, b)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert c1.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 100
    assert c1.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_busy_profile_says_why(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    holder = db.connect(path)
    waiting = db.connect(path, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            pytest.raises(StoreBusyError, match="busy: another trainer process"),
            db.transaction(waiting),
        ):
            pass
    finally:
        holder.execute("ROLLBACK")
    with db.transaction(waiting):  # works again once the other is done
        pass


def test_migration_from_empty_and_refusal_of_newer(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    conn = db.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"decks", "deck_files", "cards", "card_state", "review_log"} <= tables
    assert db.migrate(conn) == db.SCHEMA_VERSION  # idempotent
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer trainer"):
        db.connect(path)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable trainer database"):
        db.connect(path)


def test_edit_keeps_progress_removal_retires_restore_brings_back(tmp_path: Path) -> None:
    conn = _open(tmp_path)
    path = write_deck(tmp_path, "d.yaml", DECK)
    catalog.sync(conn, [DeckSource(path, "argument")])
    store = Store(conn)
    a = store.card_rowid("d", "a")
    assert a is not None
    after = Memory(State.REVIEW, None, 5.0, 5.0, 1000.0, 900.0)
    store.record(a, store.memory(a), after, Rating.GOOD, 900.0, 5)
    # Edit the text of a, remove b, add c.
    write_deck(
        tmp_path,
        "d.yaml",
        DECK.replace("QA", "QA edited").replace(
            "      - {id: b, front: QB, back: AB}\n", "      - {id: c, front: QC, back: AC}\n"
        ),
    )
    entries = catalog.sync(conn, [DeckSource(path, "argument")])
    assert entries[0].parsed
    assert store.card(a).front == "QA edited" and store.memory(a) == after
    b = store.card_rowid("d", "b")
    assert b is not None
    assert conn.execute("SELECT retired FROM cards WHERE rowid = ?", (b,)).fetchone()[0] == 1
    assert (
        conn.execute("SELECT queue FROM card_state WHERE card_rowid = ?", (b,)).fetchone()[0] == -1
    )
    # Restore b: it comes back, its history intact.
    write_deck(tmp_path, "d.yaml", DECK)
    catalog.sync(conn, [DeckSource(path, "argument")])
    assert conn.execute("SELECT retired FROM cards WHERE rowid = ?", (b,)).fetchone()[0] == 0
    assert (
        conn.execute("SELECT queue FROM card_state WHERE card_rowid = ?", (b,)).fetchone()[0] == 0
    )
    assert len(store.log_rows(a)) == 1


def test_unchanged_file_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = _open(tmp_path)
    path = write_deck(tmp_path, "d.yaml", DECK)
    assert catalog.sync(conn, [DeckSource(path, "argument")])[0].parsed

    def boom(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(catalog, "parse_deck", boom)
    entry = catalog.sync(conn, [DeckSource(path, "argument")])[0]
    assert entry.ok and entry.cards == 2 and not entry.parsed
    path.touch()  # new mtime, same bytes: hashed, not parsed
    assert catalog.sync(conn, [DeckSource(path, "argument")])[0].ok


def test_broken_deck_keeps_its_cards_and_others_still_load(tmp_path: Path) -> None:
    conn = _open(tmp_path)
    good = write_deck(tmp_path, "d.yaml", DECK)
    other = write_deck(tmp_path, "e.yaml", DECK.replace("id: d", "id: e"))
    catalog.sync(conn, [DeckSource(good, "argument"), DeckSource(other, "argument")])
    good.write_text("title: [unclosed\n")
    entries = catalog.sync(conn, [DeckSource(good, "argument"), DeckSource(other, "argument")])
    assert not entries[0].ok and entries[0].errors[0].line == 1
    assert entries[1].ok
    assert conn.execute("SELECT COUNT(*) FROM cards WHERE retired = 0").fetchone()[0] == 4
    # The broken outcome is remembered for the unchanged file.
    again = catalog.sync(conn, [DeckSource(good, "argument")])
    assert not again[0].ok and again[0].errors


def test_same_deck_id_twice_first_wins(tmp_path: Path) -> None:
    conn = _open(tmp_path)
    first = write_deck(tmp_path / "x", "d.yaml", DECK)
    second = write_deck(tmp_path / "y", "d.yaml", DECK.replace("QA", "other"))
    entries = catalog.sync(conn, [DeckSource(first, "argument"), DeckSource(second, "user")])
    assert entries[0].ok and not entries[1].ok
    assert entries[1].replaced_by == str(first) and not entries[1].errors
    assert Store(conn).card(Store(conn).card_rowid("d", "a")).front == "QA"  # type: ignore[arg-type]


def test_workspace_rows_count_today(workspace: Workspace, clock: FixedClock) -> None:
    rows = workspace.rows()
    assert [(r.file.deck_id, r.counts.new, r.file.cards) for r in rows] == [("small", 7, 7)]


def test_resolve_deck_arguments(workspace: Workspace, small_deck: Path, tmp_path: Path) -> None:
    assert workspace.resolve_decks(["small"]) == ["small"]
    assert workspace.resolve_decks([str(small_deck)]) == ["small"]
    with pytest.raises(UsageError, match="no deck 'smal'") as info:
        workspace.resolve_decks(["smal"])
    assert "did you mean 'small'" in str(info.value)


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int]]:
    folder = tmp_path_factory.mktemp("round-trip")
    conn = db.connect(folder / "p.sqlite3")
    catalog.sync(conn, [DeckSource(write_deck(folder, "d.yaml", DECK), "argument")])
    store = Store(conn)
    rowid = store.card_rowid("d", "a")
    assert rowid is not None
    yield store, rowid
    conn.close()


@settings(max_examples=200, deadline=None)
@given(
    state=st.sampled_from(list(State)),
    step=st.none() | st.integers(0, 3),
    stability=st.none() | st.floats(0.001, 36500),
    difficulty=st.none() | st.floats(1, 10),
    due=st.floats(0, 4e9),
    last=st.none() | st.floats(0, 4e9),
)
def test_memory_states_round_trip_through_the_database(
    round_trip: tuple[Store, int],
    state: State,
    step: int | None,
    stability: float | None,
    difficulty: float | None,
    due: float,
    last: float | None,
) -> None:
    store, rowid = round_trip
    memory = Memory(state, step, stability, difficulty, due, last)
    store.record(rowid, store.memory(rowid), memory, Rating.GOOD, 1.0, 1)
    assert store.memory(rowid) == memory


def test_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path: Path) -> None:
    """cp -p keeps a file's size and modification time; its change time still moves."""
    import os

    conn = _open(tmp_path)
    path = write_deck(tmp_path, "d.yaml", DECK)
    catalog.sync(conn, [DeckSource(path, "argument")])
    before = path.stat()
    write_deck(tmp_path, "d.yaml", DECK.replace("QA", "QZ"))  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    entry = catalog.sync(conn, [DeckSource(path, "argument")])[0]
    assert entry.parsed
    store = Store(conn)
    assert store.card(store.card_rowid("d", "a")).front == "QZ"  # type: ignore[arg-type]
