"""The import dialog on the home screen: a path, a progress bar, what it made, errors as text."""

from __future__ import annotations

import random
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from trainer.ui.app import TrainerApp
from trainer.ui.run import build_app
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.importing import ImportDialog
from trainer.workspace import Workspace

SIZE = (100, 30)


def _app(ws: Workspace) -> TrainerApp:
    return build_app(ws, rng=random.Random(3))


async def test_import_from_the_home_screen(workspace: Workspace, tmp_path: Path) -> None:
    table = tmp_path / "words.csv"
    table.write_text("Front,Back\nchien,dog\n[bold]chat[/],cat\n", encoding="utf-8")
    app = _app(workspace)
    for size in (SIZE, (60, 15)):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("i")
            assert isinstance(app.screen, ImportDialog)
            app.screen.query_one(Input).value = str(tmp_path / "missing.csv")
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "no such file" in str(
                app.screen.query_one("#import-result", Static).content
            ).lower() or (
                "cannot read" in str(app.screen.query_one("#import-result", Static).content)
            )
            app.screen.query_one(Input).value = str(table)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            result = str(app.screen.query_one("#import-result", Static).content)
            assert "words.csv (CSV): 1 deck, 2 cards" in result
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
