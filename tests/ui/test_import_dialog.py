"""The import dialog on the home screen: every option the command line has, the progress of
the import, and afterwards the report of what it made, what it skipped and why."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from textual.widgets import Checkbox, DataTable, Input, ProgressBar, Static

from tests.formats.anki_builder import CRT, Card, Note, build_package
from trainer.transfer import ImportStep
from trainer.ui.app import TrainerApp
from trainer.ui.run import build_app
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.importing import ImportDialog
from trainer.workspace import Workspace

SIZE = (100, 30)


def _app(ws: Workspace) -> TrainerApp:
    return build_app(ws, rng=random.Random(3))


def _text(app: TrainerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def _fill(app: TrainerApp, **values: str) -> None:
    for key, value in values.items():
        app.screen.query_one(f"#import-{key}", Input).value = value


def _in_view(app: TrainerApp, selector: str) -> bool:
    """Whether the widget is shown and wholly on the screen."""
    widget = app.screen.query_one(selector)
    region = widget.region
    width, height = app.size
    return (
        widget.display
        and region.height > 0
        and region.y >= 0
        and region.bottom <= height
        and region.right <= width
    )


async def _submit(app: TrainerApp, pilot: object) -> None:
    await pilot.press("enter")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_import_from_the_home_screen(workspace: Workspace, tmp_path: Path) -> None:
    table = tmp_path / "words.csv"
    table.write_text("Front,Back\nchien,dog\n[bold]chat[/],cat\nvide,\n", encoding="utf-8")
    app = _app(workspace)
    for size in (SIZE, (60, 15)):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("i")
            assert isinstance(app.screen, ImportDialog)
            for button in ("#import-start", "#import-close", "#import-path", "#import-rows"):
                assert _in_view(app, button), (size, button)
            _fill(app, path=str(tmp_path / "missing.csv"))
            await _submit(app, pilot)
            error = _text(app, "#import-error").lower()
            assert "no such file" in error or "cannot read" in error
            assert app.screen.query_one("#import-form").display  # the form stays, to be fixed
            _fill(app, path=str(table))
            await _submit(app, pilot)
            result = _text(app, "#import-result")
            assert f"{table}: CSV: 1 deck, 2 cards" in result
            assert "skipped 1:" in result and "line 4: the back is empty" in result
            assert not app.screen.query_one("#import-form").display
            assert _in_view(app, "#import-close") and _in_view(app, "#import-again")
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            labels = [str(app.screen.query_one(DataTable).get_row_at(i)[0]) for i in range(3)]
            assert "words" in labels
            app = _app(workspace)
    fronts = {
        f
        for (f,) in workspace.conn.execute(
            "SELECT front FROM cards WHERE deck_rowid ="
            " (SELECT rowid FROM decks WHERE deck_id = 'words')"
        )
    }
    assert fronts == {"chien", "[bold]chat[/]"}


async def test_the_dialog_offers_what_the_command_line_offers(
    workspace: Workspace, tmp_path: Path
) -> None:
    """Separator, row separator, a deck id and a folder, as --separator, --row-separator,
    --id and --to; the report says the folder is not searched."""
    quizlet = tmp_path / "quizlet.txt"
    quizlet.write_text("hello - bonjour;cat - chat;", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    app = _app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        _fill(app, path=str(quizlet), id="greetings", to=str(elsewhere))
        _fill(app, separator=" - ", rows=";")
        await _submit(app, pilot)
        result = _text(app, "#import-result")
        assert "Quizlet export: 1 deck, 2 cards" in result, _text(app, "#import-error")
        assert "greetings" in result and str(elsewhere / "greetings.yaml") in result
        assert f"{elsewhere} is outside your deck folder" in result
        # another file with the same dialog: the options are kept, the file is asked again
        await pilot.click("#import-again")
        await pilot.pause()
        assert app.screen.query_one("#import-form").display
        assert app.screen.query_one("#import-path", Input).value == ""
        assert app.screen.query_one("#import-id", Input).value == "greetings"
    text = (elsewhere / "greetings.yaml").read_text(encoding="utf-8")
    assert "front: hello" in text and "back: bonjour" in text and "back: chat" in text
    assert workspace.conn.execute(
        "SELECT COUNT(*) FROM decks WHERE deck_id = 'greetings'"
    ).fetchone() == (1,)


async def test_anki_progress_and_a_bar_that_follows_every_phase(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The box brings Anki's progress, and the report says so; then another file, whose
    bar goes through reading, writing and syncing, with the report only after 100%."""
    data = json.dumps({"s": 9.0, "d": 5.0, "lrt": CRT - 4 * 86_400})
    reviewed = Card(0, 2, 2, 5, 7, 2500, 0, data, [((CRT - 9 * 86_400) * 1000, 3, 4000, 0)])
    notes = [
        Note("a", "Basic", ["studied", "x"], deck="Anki", cards=[reviewed]),
        Note("b", "Basic", ["new", "x"], deck="Anki"),
        Note("c", "Vocabulary (custom)", ["own type", "x", "more"], deck="Anki"),
    ]
    package = build_package(tmp_path / "anki.apkg", notes, "modern")
    table = tmp_path / "big.csv"
    table.write_text("Front,Back\n" + "".join(f"q{i},a{i}\n" for i in range(1100)), "utf-8")
    seen: list[tuple[str, float, str, bool]] = []
    show = ImportDialog._progress

    def record(dialog: ImportDialog, path: Path, step: ImportStep) -> None:
        show(dialog, path, step)
        if path == table:
            seen.append(
                (
                    step.phase,
                    dialog.query_one("#import-bar", ProgressBar).percentage or 0.0,
                    str(dialog.query_one("#import-phase", Static).content),
                    dialog.query_one("#import-report").display,
                )
            )

    monkeypatch.setattr(ImportDialog, "_progress", record)
    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        _fill(app, path=str(package))
        app.screen.query_one("#import-progress", Checkbox).value = True
        await _submit(app, pilot)
        result = _text(app, "#import-result")
        assert "Anki package: 1 deck, 3 cards" in result, result
        assert "progress: 1 card state, 1 review" in result
        assert "note: note type 'Vocabulary (custom)'" in result
        await pilot.click("#import-again")
        _fill(app, path=str(table))
        await _submit(app, pilot)
        assert "1 deck, 1100 cards" in _text(app, "#import-result")
    phases = [phase for phase, *_ in seen]
    assert phases[0] == "reading" and phases[-1] == "syncing" and "writing" in phases
    percentages = [p for _, p, _, _ in seen]
    assert percentages == sorted(percentages) and percentages[-1] == 1.0
    assert all(p < 1.0 for p in percentages[:-1])
    assert "big.csv: reading the file" in seen[0][2] and seen[-1][2].endswith("big.csv: done")
    assert not any(report for *_, report in seen)  # the report only once all is done
