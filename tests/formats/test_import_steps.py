"""An import's progress: reading, then writing, then syncing; 100% only once all is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.anki_builder import Note, build_package
from trainer.formats.model import ImportOptions
from trainer.transfer import PHASES, ImportStep, import_file
from trainer.workspace import Workspace


@pytest.fixture(autouse=True)
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])


class Seen:
    """Each step, with what was on disk and in the profile when it came."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.steps: list[ImportStep] = []
        self.files: list[int] = []
        self.cards: list[int] = []

    def __call__(self, step: ImportStep) -> None:
        self.steps.append(step)
        self.files.append(sum(1 for _ in self.ws.paths.decks.rglob("*.yaml")))
        # another connection sees only what is committed
        import sqlite3

        with sqlite3.connect(self.ws.paths.database) as other:
            self.cards.append(other.execute("SELECT COUNT(*) FROM cards").fetchone()[0])


def _check_order(steps: list[ImportStep]) -> None:
    phases = [s.phase for s in steps]
    order = list(PHASES)
    assert phases == sorted(phases, key=order.index), phases
    fractions = [s.fraction for s in steps]
    assert fractions == sorted(fractions), fractions
    for s in steps:
        start, end = PHASES[s.phase]
        assert start <= s.fraction <= end, s
    assert fractions[-1] == 1.0 and all(f < 1.0 for f in fractions[:-1]), fractions


def test_a_package_goes_reading_writing_syncing_and_ends_at_100_when_synced(
    tmp_path: Path,
) -> None:
    notes = [Note(f"g{i}", "Basic", [f"q{i}", "a"], deck="One" if i % 2 else "Two")
             for i in range(1200)]  # fmt: skip
    pkg = build_package(tmp_path / "x.apkg", notes, "modern")
    ws = Workspace()
    try:
        seen = Seen(ws)
        report = import_file(ws, pkg, ImportOptions(), progress=seen)
    finally:
        ws.close()
    assert sum(n for _, _, n in report.decks) == 1200
    steps = seen.steps
    _check_order(steps)
    assert {s.phase for s in steps} == set(PHASES)
    # reading tells how far through the notes it is (every 500 of 1,200)
    reading = [round(s.fraction, 4) for s in steps if s.phase == "reading"]
    assert reading == [round(0.4 * n / 1200, 4) for n in (0, 500, 1000, 1200)]
    assert all(s.items == 1200 for s in steps[1:])
    # writing: 600 entries of each deck rendered, then the two deck files written
    writing = [round(s.fraction, 4) for s in steps if s.phase == "writing"]
    assert writing == [round(0.4 + 0.3 * n / 1202, 4) for n in (0, 600, 1200, 1201, 1202)]
    last_unsynced = max(i for i, s in enumerate(steps) if s.fraction < 1.0)
    assert seen.files[last_unsynced] == 0 and seen.cards[last_unsynced] == 0
    # the last step comes once the files are in place and the cards committed
    assert steps[-1] == ImportStep("syncing", 1.0, 1200)
    assert seen.files[-1] == 2 and seen.cards[-1] == 1200


def test_a_csv_and_a_yaml_deck_count_their_rows_and_end_at_100(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Front,Back\n" + "".join(f"q{i},a{i}\n" for i in range(1100)), "utf-8")
    deck = tmp_path / "d.yaml"
    deck.write_text("id: d\ncards:\n  - {front: a, back: b}\n  - {front: c, back: d}\n", "utf-8")
    for path, items in ((table, 1100), (deck, 2)):
        ws = Workspace()
        try:
            seen = Seen(ws)
            import_file(ws, path, ImportOptions(), progress=seen)
        finally:
            ws.close()
        _check_order(seen.steps)
        assert {s.items for s in seen.steps[1:]} == {items}
        assert seen.steps[-1].fraction == 1.0 and seen.cards[-1] >= items
        if path == table:  # a big deck's entries are rendered in steps of 1,000
            writing = [round(s.fraction, 4) for s in seen.steps if s.phase == "writing"]
            assert writing == [round(0.4 + 0.3 * n / 1101, 4) for n in (0, 1000, 1100, 1101)]


def test_a_failed_import_never_reaches_100(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Front,Back\nq,a\n", "utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error", "db")

    monkeypatch.setattr("trainer.store.exchange.save_file", broken)
    ws = Workspace()
    try:
        seen = Seen(ws)
        with pytest.raises(Exception, match="Input/output error"):
            import_file(ws, table, ImportOptions(), progress=seen)
    finally:
        ws.close()
    assert seen.steps and all(s.fraction < 1.0 for s in seen.steps)
