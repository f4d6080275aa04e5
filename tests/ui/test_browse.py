"""Pilot tests of the card browser: search, every action and its undo, the editor round trip."""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input
from textual.widgets.data_table import ColumnKey

from tests.conftest import FixedClock
from tests.ui.helpers import SIZE, flags, make_app, open_browser, search, settle, shown
from trainer.core.model import Rating, State
from trainer.ui.screens.browse import BrowseScreen
from trainer.ui.screens.confirm import ConfirmDialog
from trainer.ui.screens.dialogs import ErrorDialog
from trainer.workspace import Workspace


async def test_browser_search_suspend_unsuspend_and_undo(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await open_browser(pilot, app)
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
        await open_browser(pilot, app)
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


def _studied_once(workspace: Workspace, clock: FixedClock) -> tuple[int | None, object, Path]:
    """Answer the first card once; its rowid, its memory after, and the deck file."""
    session = workspace.session(rng=random.Random(1))
    session.answer(Rating.EASY, clock.now())
    rowid = workspace.store.card_rowid("small", "one")
    return rowid, workspace.store.memory(rowid or 0), Path(workspace.extra[0])


async def test_editing_a_card_keeps_its_progress_and_reports_new_errors(
    workspace: Workspace, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rowid, before, deck = _studied_once(workspace, clock)
    monkeypatch.setenv("VISUAL", _fake_editor(tmp_path, "front: Q2", "front: Q2 edited"))
    app = make_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_browser(pilot, app)
        await search(pilot, app, "card:two")
        await pilot.press("e")
        await settle(pilot, app)
        assert Path(str(deck) + ".line").read_text() == "+5"  # the editor opened at the card
        assert "Q2 edited" in shown(app, "#browse-card-text")
        assert workspace.store.card_rowid("small", "two") is not None
        assert workspace.store.memory(rowid or 0) == before  # progress stays with the id
        monkeypatch.setenv("VISUAL", _fake_editor(tmp_path, "kind", "kindd"))
        deck.write_text(deck.read_text().replace("{id: two,", "{id: two, kind: date,"))
        await pilot.press("e")
        await settle(pilot, app)
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


# -- a fast browser (issue 11's audit): a worker, pages, no second search -----------------


def _spy_pages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, object]]:
    """Record every page read: (on the UI thread?, after which card)."""
    from trainer.store import search as search_mod

    calls: list[tuple[bool, object]] = []
    real = search_mod.page

    def spy(conn: object, query: object, after: object = None, limit: object = None) -> object:
        calls.append((threading.current_thread() is threading.main_thread(), after))
        return real(conn, query, after, limit)  # type: ignore[arg-type]

    monkeypatch.setattr(search_mod, "page", spy)
    return calls


async def test_the_browser_searches_in_a_worker_once_not_again_on_resize(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _spy_pages(monkeypatch)
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await open_browser(pilot, app)
        assert calls == [(False, None)]  # one search, off the UI thread
        screen = app.screen
        assert isinstance(screen, BrowseScreen) and len(screen.found) == 7
        wide = screen.query_one(DataTable).columns[ColumnKey("front")].width
        await pilot.resize_terminal(60, 15)
        await settle(pilot, app)
        assert calls == [(False, None)]  # the rows read are laid out again, not searched
        assert screen.query_one(DataTable).columns[ColumnKey("front")].width < wide
        assert screen.query_one(DataTable).row_count == 7
        assert "7 cards found" in shown(app, "#browse-count")


async def test_the_newest_search_wins_and_stale_results_are_dropped(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.core.search import Term
    from trainer.store import search as search_mod
    from trainer.store.search import Searcher

    gate = threading.Event()
    real = Searcher.page

    def slow(self: Searcher, ticket: int, query: search_mod.Query, after: object = None) -> object:
        if query.node == Term("", "q1"):
            gate.wait(10)
            # as if it had finished just before the newer search began
            return search_mod.page(self.conn, query)
        return real(self, ticket, query, after)  # type: ignore[arg-type]

    monkeypatch.setattr(Searcher, "page", slow)
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await open_browser(pilot, app)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        screen.query_one("#browse-query", Input).value = "q1"
        await pilot.press("slash", "enter")
        (older,) = [w for w in app.workers if w.name == "browse-search"]  # held at the gate
        screen.query_one("#browse-query", Input).value = "q2"
        await pilot.press("slash", "enter")
        for worker in [w for w in app.workers if w is not older]:
            await worker.wait()
        await pilot.pause()
        assert screen.shown_query == "q2" and [f.card_id for f in screen.found] == ["two"]
        gate.set()  # the older search's results arrive last
        await settle(pilot, app)
        assert screen.shown_query == "q2" and [f.card_id for f in screen.found] == ["two"]
        assert "1 card found" in shown(app, "#browse-count")


async def test_results_come_a_page_at_a_time_and_mark_all_takes_every_card_found(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.store import search as search_mod

    monkeypatch.setattr(search_mod, "PAGE", 3)
    monkeypatch.setattr(BrowseScreen, "NEAR_END", 1)
    calls = _spy_pages(monkeypatch)
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await open_browser(pilot, app)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert len(screen.found) == 3
        assert "7 cards found, the first 3 shown" in shown(app, "#browse-count")
        await pilot.press("a")  # every card found, not only the three read
        await settle(pilot, app)
        assert "7 marked" in shown(app, "#browse-count")
        await pilot.press("s")
        assert all(flags(workspace, c)[0] == 1 for c in ("one", "two", "three"))
        assert workspace.search("is:suspended")[1] == 7
        await pilot.press("u", "a")  # unsuspended; all marked: none now
        assert workspace.search("is:suspended")[1] == 0
        assert "marked" not in shown(app, "#browse-count")
        for _ in range(6):  # the cursor nears the end: the next page is read
            await pilot.press("down")
            await settle(pilot, app)
        order = [f.rowid for f in workspace.search("")[0]]
        assert [f.rowid for f in screen.found] == order and len(order) == 7
        assert [after is not None for ui, after in calls if not ui] == [False, True, True]
        assert "7 cards found" in shown(app, "#browse-count")


async def test_an_action_reads_back_only_the_rows_it_changed(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _spy_pages(monkeypatch)
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await open_browser(pilot, app)
        await search(pilot, app, "q2 or q3")
        table = app.screen.query_one(DataTable)
        searched = len(calls)
        await pilot.press("s")
        assert str(table.get_row_at(0)[2]) == "suspended" and flags(workspace, "two")[0] == 1
        assert "suspended" in shown(app, "#browse-card-text")
        await pilot.press("b", "u", "u")
        assert str(table.get_row_at(0)[2]) == "new" and flags(workspace, "two")[:2] == (0, 0)
        await settle(pilot, app)
        assert len(calls) == searched  # no search ran again


# -- editing: a deck the edit broke, a bundled deck ------------------------------------


def _recording_editor(tmp_path: Path) -> str:
    """An editor that only notes the line it was opened at (beside the file)."""
    return _fake_editor(tmp_path, "nothing to replace", "nothing")


async def test_e_reopens_a_deck_the_last_edit_broke_at_its_error(
    workspace: Workspace, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rowid, before, deck = _studied_once(workspace, clock)
    noted = Path(str(deck) + ".line")
    deck.write_text(deck.read_text().replace("{id: three,", "{id: three, kind: date,"))
    workspace.reload()
    app = make_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_browser(pilot, app)
        await search(pilot, app, "card:three")
        monkeypatch.setenv("VISUAL", _fake_editor(tmp_path, "kind: date", "kindd: date"))
        await pilot.press("e")
        await settle(pilot, app)
        assert isinstance(app.screen, ErrorDialog) and "now has errors" in app.screen.title_text
        (error,) = workspace.deck_file(deck).errors  # type: ignore[union-attr]
        await pilot.press("escape")
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        # the broken deck's cards are kept as they were, and found
        assert [f.card_id for f in screen.found] == ["three"]
        noted.unlink()
        monkeypatch.setenv("VISUAL", _recording_editor(tmp_path))
        await pilot.press("e")
        await settle(pilot, app)
        assert noted.read_text() == f"+{error.line}"  # at the place of the error
        await pilot.press("escape")  # the deck still has its error
        monkeypatch.setenv("VISUAL", _fake_editor(tmp_path, "kindd: date", "kind: date"))
        await pilot.press("e")
        await settle(pilot, app)
        assert isinstance(app.screen, BrowseScreen)
        assert any("Read small.yaml again" in n.message for n in app._notifications)
        assert workspace.deck_file(deck).ok  # type: ignore[union-attr]
        assert workspace.store.memory(rowid or 0) == before


async def test_e_on_a_bundled_deck_edits_a_copy_in_the_users_deck_folder(
    clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import SMALL_DECK, write_deck

    bundled = write_deck(tmp_path / "package" / "decks", "small.yaml", SMALL_DECK)
    original = bundled.read_bytes()
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [bundled])
    ws = Workspace(None, [], clock=clock)  # type: ignore[arg-type]
    try:
        session = ws.session(rng=random.Random(1))
        session.answer(Rating.EASY, clock.now())
        rowid = ws.store.card_rowid("small", "one")
        before = ws.store.memory(rowid or 0)
        monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
        app = make_app(ws)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await open_browser(pilot, app)
            await search(pilot, app, "card:two")
            await pilot.press("e")  # an editor that cannot start leaves no copy behind
            assert isinstance(app.screen, ErrorDialog) and "cannot be started" in app.screen.message
            assert not list(ws.paths.decks.glob("*.yaml"))
            await pilot.press("escape")
            monkeypatch.setenv("VISUAL", _fake_editor(tmp_path, "front: Q2", "front: Q2 mine"))
            await pilot.press("e")
            await settle(pilot, app)
            copy = ws.paths.decks / "small.yaml"
            assert bundled.read_bytes() == original  # the installed file is never written
            assert "Q2 mine" in copy.read_text()
            assert Path(str(copy) + ".line").read_text() == "+5"  # the same line, in the copy
            said = " ".join(n.message for n in app._notifications)
            assert "copied" in said and "small.yaml" in said
            assert "Q2 mine" in shown(app, "#browse-card-text")
            assert ws.store.deck_path("small") == str(copy)
            assert ws.store.memory(rowid or 0) == before  # progress stays with the card ids
            await pilot.press("e")  # the next edit goes to the copy: no second copy
            await settle(pilot, app)
            assert sorted(p.name for p in ws.paths.decks.iterdir()) == [
                "small.yaml",
                "small.yaml.line",
            ]
    finally:
        ws.close()
