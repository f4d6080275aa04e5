"""Pilot tests of the card browser: search, every action and its undo, the editor round trip."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from tests.conftest import FixedClock
from tests.ui.helpers import SIZE, flags, make_app, search, shown
from trainer.core.model import Rating, State
from trainer.ui.screens.browse import BrowseScreen
from trainer.ui.screens.confirm import ConfirmDialog
from trainer.ui.screens.dialogs import ErrorDialog
from trainer.workspace import Workspace


async def test_browser_search_suspend_unsuspend_and_undo(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BrowseScreen)
        assert "7 cards found" in shown(app, "#browse-count")
        await search(pilot, app, "q2 or q3")
        assert [f.card_id for f in app.screen.found] == ["two", "three"]
        assert "Q2" in shown(app, "#browse-card-text") and "never answered" in shown(
            app, "#browse-card-text"
        )
        await pilot.press("space", "space")  # mark both
        assert "2 marked" in shown(app, "#browse-count")
        await pilot.press("s")
        assert flags(workspace, "two")[0] == 1 and flags(workspace, "three")[0] == 1
        await pilot.press("s")  # all suspended: unsuspends
        assert flags(workspace, "two")[0] == 0
        await pilot.press("u")
        assert flags(workspace, "two")[0] == 1 and flags(workspace, "three")[0] == 1
        await pilot.press("u")
        assert flags(workspace, "two")[0] == 0 and flags(workspace, "three")[0] == 0
        await search(pilot, app, "is:sleeping")
        assert "no state 'is:sleeping'" in shown(app, "#browse-count")
        assert isinstance(app.screen, BrowseScreen) and app.is_running


async def test_browser_bury_and_reset_with_confirmation_and_undo(
    workspace: Workspace, clock: FixedClock
) -> None:
    session = workspace.session(rng=random.Random(1))
    session.answer(Rating.EASY, clock.now())  # "one" becomes a review card
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await search(pilot, app, "card:one")
        card = shown(app, "#browse-card-text")
        assert "State: review" in card and "Next due:" in card and "Recall now: 100%" in card
        assert "Easy" in card  # the history
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert flags(workspace, "one")[2] == State.REVIEW  # said no: nothing reset
        await pilot.press("x", "y")
        assert isinstance(app.screen, BrowseScreen)
        assert flags(workspace, "one")[2] == State.NEW
        assert "progress reset to new" in shown(app, "#browse-card-text")
        assert len(workspace.store.log_rows(workspace.store.card_rowid("small", "one") or 0)) == 1
        await pilot.press("u")
        assert flags(workspace, "one")[2] == State.REVIEW
        await search(pilot, app, "card:two")
        await pilot.press("b")
        assert flags(workspace, "two")[1] > 0
        await search(pilot, app, "is:buried")
        assert [f.card_id for f in app.screen.found] == ["two"]  # type: ignore[attr-defined]
        await pilot.press("u")
        assert flags(workspace, "two")[1] == 0


def _fake_editor(tmp_path: Path, replace: str, by: str) -> str:
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys\n"
        "line, path = sys.argv[1], sys.argv[2]\n"
        "open(path + '.line', 'w').write(line)\n"
        "text = open(path, encoding='utf-8').read()\n"
        f"open(path, 'w', encoding='utf-8').write(text.replace({replace!r}, {by!r}))\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


async def test_editing_a_card_keeps_its_progress_and_reports_new_errors(
    workspace: Workspace, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = workspace.session(rng=random.Random(1))
    session.answer(Rating.EASY, clock.now())
    rowid = workspace.store.card_rowid("small", "one")
    before = workspace.store.memory(rowid or 0)
    deck = Path(workspace.extra[0])
    monkeypatch.setenv("VISUAL", _fake_editor(tmp_path, "front: Q2", "front: Q2 edited"))
    app = make_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("b")
        await search(pilot, app, "card:two")
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert Path(str(deck) + ".line").read_text() == "+5"  # the editor opened at the card
        assert "Q2 edited" in shown(app, "#browse-card-text")
        assert workspace.store.card_rowid("small", "two") is not None
        assert workspace.store.memory(rowid or 0) == before  # progress stays with the id
        monkeypatch.setenv("VISUAL", _fake_editor(tmp_path, "kind", "kindd"))
        deck.write_text(deck.read_text().replace("{id: two,", "{id: two, kind: date,"))
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog)
        assert "now has errors" in app.screen.title_text and "kindd" in app.screen.message
        await pilot.press("escape")
        assert workspace.store.memory(rowid or 0) == before


async def test_the_study_screen_says_when_a_card_becomes_a_leech(
    workspace: Workspace, clock: FixedClock
) -> None:
    from dataclasses import replace

    from trainer.core.scheduler import Scheduler
    from trainer.ui.screens.study import StudyScreen

    workspace.settings = replace(workspace.settings, leech_threshold=1, new_per_day=0)
    workspace.scheduler = Scheduler(workspace.settings)
    ts = clock.now().timestamp()
    workspace.conn.execute(
        "UPDATE card_state SET queue = 2, state = 2, stability = 3, difficulty = 5, due = ?,"
        " last_review = ? WHERE card_rowid = ?",
        (ts - 60, ts - 3 * 86400, workspace.store.card_rowid("small", "one")),
    )
    app = make_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "space", "1")
        assert isinstance(app.screen, StudyScreen)
        said = [n.message for n in app._notifications]
        assert any("Leech" in m and "suspended" in m for m in said), said
        assert flags(workspace, "one")[0] == 1
        await pilot.press("u")
        assert flags(workspace, "one")[0] == 0
