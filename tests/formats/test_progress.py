"""--with-progress: Anki's schedule, memory states and history come along; kept on re-import."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FixedClock
from tests.formats.anki_builder import CRT, FORMS, Card, Note, build_package
from trainer.core.model import Rating, State
from trainer.core.scheduler import DAY, Scheduler
from trainer.formats.history import replay
from trainer.formats.model import ImportOptions
from trainer.transfer import import_file
from trainer.workspace import Workspace

MS = 1000
T_FIRST = (CRT - 20 * DAY) * MS  # reviews long before the collection's "today"
LRT = int(CRT - 4 * DAY)


@pytest.fixture(autouse=True)
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])


def history_notes() -> list[Note]:
    fsrs_data = json.dumps({"s": 12.5, "d": 4.2, "dr": 0.9, "lrt": LRT})

    def two(k: int) -> list[tuple[int, int, int, int]]:
        return [(int(T_FIRST) + k, 3, 8000, 0), (int(T_FIRST + 16 * DAY * MS) + k, 3, 6000, 1)]

    return [
        Note("a", "Basic", ["with state", "x"], deck="H", cards=[Card(0, 2, 2, 10, 14, 2500, 0, fsrs_data, two(0))]),
        Note("b", "Basic", ["sm2 only", "x"], deck="H",
             cards=[Card(0, 2, 2, 3, 7, 2300, 0, "{}", [(int(T_FIRST) + 3, 1, 9000, 0), (int(T_FIRST + 60 * MS), 3, 5000, 0),
                                                        (int(T_FIRST + 2 * DAY * MS), 4, 4000, 1), (int(T_FIRST + 3 * DAY * MS), 0, 0, 4)])]),
        Note("c", "Basic", ["suspended", "x"], deck="H", cards=[Card(0, 2, -1, 5, 4, 2500, 0, fsrs_data, two(7))]),
        Note("d", "Basic", ["buried", "x"], deck="H", cards=[Card(0, 2, -3, 5, 4, 2500, 0, fsrs_data, two(9))]),
        Note("e", "Basic (and reversed card)", ["learning", "x"], deck="H",
             cards=[Card(0, 1, 1, int(CRT + 3600), 0, 0, 1, json.dumps({"s": 0.4, "d": 6.0}), [(int((CRT - 600) * MS), 1, 3000, 0)]),
                    Card(1)]),
        Note("f", "Basic", ["new", "x"], deck="H"),
    ]  # fmt: skip


def _state(ws: Workspace, card_id: str) -> tuple[int, object, object, float, object, int, int]:
    row = ws.conn.execute(
        "SELECT s.state, s.stability, s.difficulty, s.due, s.last_review, s.suspended, s.buried_day"
        " FROM card_state s JOIN cards c ON c.rowid = s.card_rowid WHERE c.card_id = ?",
        (card_id,),
    ).fetchone()
    return tuple(row)  # type: ignore[return-value]


@pytest.mark.parametrize("form", FORMS)
def test_with_progress_brings_states_and_history(
    form: str, tmp_path: Path, clock: FixedClock
) -> None:
    pkg = build_package(tmp_path / "h.apkg", history_notes(), form)
    ws = Workspace(None, clock=clock)
    try:
        report = import_file(ws, pkg, ImportOptions(with_progress=True))
        assert report.reviews == 2 + 3 + 2 + 2 + 1
        state, stability, difficulty, due, last, suspended, buried = _state(ws, "a")
        assert (state, stability, difficulty, last) == (State.REVIEW, 12.5, 4.2, LRT)
        assert (suspended, buried) == (0, 0)
        assert due == CRT + 10 * DAY  # day 10 of the collection, at the rollover hour (UTC here)
        rowid = ws.store.card_rowid("h", "a")
        assert rowid is not None
        log = ws.store.log_rows(rowid)
        assert [(r[2], r[3], r[4]) for r in log] == [
            (T_FIRST / MS, 3, 8000),
            (T_FIRST / MS + 16 * DAY, 3, 6000),
        ]

        # No memory state in the collection: computed by replaying the history through FSRS.
        expected = replay(
            Scheduler(),
            [((T_FIRST + 3) / MS, Rating.AGAIN, 9000), (T_FIRST / MS + 60, Rating.GOOD, 5000),
             (T_FIRST / MS + 2 * DAY, Rating.EASY, 4000)],
        )[-1].after  # fmt: skip
        state, stability, difficulty, due, last, _, _ = _state(ws, "b")
        assert (state, stability, difficulty) == (
            State.REVIEW,
            expected.stability,
            expected.difficulty,
        )
        assert due == CRT + 3 * DAY

        assert _state(ws, "c")[5] == 1
        assert ws.store.suspended("h")[0][1] == "c"
        today = clock.now().date().toordinal()
        assert _state(ws, "d")[6] == today

        state, stability, difficulty, due, *_ = _state(ws, "e")
        assert (state, stability, difficulty, due) == (State.LEARNING, 0.4, 6.0, CRT + 3600)
        assert _state(ws, "e/reverse")[0] == State.NEW
        assert _state(ws, "f")[0] == State.NEW

        again = import_file(ws, pkg, ImportOptions(with_progress=True))
        assert again.reviews == 0, "a re-import must not add the same reviews twice"
        assert len(ws.store.log_rows(rowid)) == 2
    finally:
        ws.close()


def test_without_progress_cards_start_new(tmp_path: Path, clock: FixedClock) -> None:
    pkg = build_package(tmp_path / "h.apkg", history_notes(), "modern")
    ws = Workspace(None, clock=clock)
    try:
        report = import_file(ws, pkg, ImportOptions())
        assert (report.states, report.reviews) == (0, 0)
        assert {_state(ws, c)[0] for c in "abcdf"} == {State.NEW}
    finally:
        ws.close()


def test_newer_progress_here_is_kept_over_an_older_import(
    tmp_path: Path, clock: FixedClock
) -> None:
    pkg = build_package(tmp_path / "h.apkg", history_notes(), "modern")
    ws = Workspace(None, clock=clock)
    try:
        import_file(ws, pkg, ImportOptions(with_progress=True))
        session = ws.session(["h"])
        rowid = ws.store.card_rowid("h", "e")
        assert rowid is not None
        while session.current is not None and session.current.card.rowid != rowid:
            session.bury(clock.now())
        assert session.current is not None
        session.answer(Rating.GOOD, clock.now())
        mine = ws.store.memory(rowid)
        import_file(ws, pkg, ImportOptions(with_progress=True))
        assert ws.store.memory(rowid) == mine
        assert len(ws.store.log_rows(rowid)) == 2
    finally:
        ws.close()


def test_bringing_progress_costs_a_few_statements_however_many_cards(
    tmp_path: Path, clock: FixedClock
) -> None:
    """The states and review logs of many cards are written together, not card by card."""

    def reviewed(n: int) -> list[Note]:
        data = json.dumps({"s": 9.0, "d": 5.0, "lrt": LRT})
        return [
            Note(f"n{i}", "Basic", [f"q{i}", "a"], deck="Many",
                 cards=[Card(0, 2, 2, 5, 7, 2500, 0, data, [(int(T_FIRST) + i, 3, 4000, 0)])])
            for i in range(n)
        ]  # fmt: skip

    class Counting:
        """The profile's connection, counting the statements it is given."""

        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn, self.calls = conn, 0

        def execute(self, *args: Any) -> sqlite3.Cursor:
            self.calls += 1
            return self.conn.execute(*args)

        def executemany(self, *args: Any) -> sqlite3.Cursor:
            self.calls += 1
            return self.conn.executemany(*args)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.conn, name)

    def statements(n: int) -> tuple[int, int, int]:
        ws = Workspace(str(n), clock=clock)
        real = ws.conn
        try:
            pkg = build_package(tmp_path / f"m{n}.apkg", reviewed(n), "anki21")
            counting = Counting(real)
            ws.conn = counting  # type: ignore[assignment]
            report = import_file(ws, pkg, ImportOptions(with_progress=True))
            return counting.calls, report.states, report.reviews
        finally:
            ws.conn = real
            ws.close()

    few, states, reviews = statements(3)
    assert (states, reviews) == (3, 3)
    many, states, reviews = statements(40)
    assert (states, reviews) == (40, 40)
    assert many == few


def test_progress_brought_in_makes_a_backup_due_and_cards_alone_do_not(
    tmp_path: Path, clock: FixedClock
) -> None:
    pkg = build_package(tmp_path / "h.apkg", history_notes(), FORMS[0])
    for with_progress in (False, True):
        ws = Workspace(None, clock=clock)
        try:
            ws.store.changed = False
            ws.import_file(pkg, ImportOptions(with_progress=with_progress))
            assert ws.store.changed is with_progress  # a schedule came in: back it up at exit
        finally:
            ws.close()
