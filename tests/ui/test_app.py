"""The TUI driven by Pilot: reveal, grade, undo, bury, suspend, finish, quit and reopen."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Static

from tests.conftest import FixedClock, write_deck
from trainer.core.model import State
from trainer.ui.app import TrainerApp
from trainer.ui.run import build_app
from trainer.ui.screens.dialogs import ErrorDialog, HelpScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.study import StudyScreen
from trainer.workspace import Workspace

SIZE = (100, 30)


def _app(ws: Workspace, **kwargs: object) -> TrainerApp:
    return build_app(ws, rng=random.Random(3), **kwargs)  # type: ignore[arg-type]


def _text(app: TrainerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def _log_count(ws: Workspace) -> int:
    return int(ws.conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0])


async def test_study_one_card_through_help_palette_errors_and_grading(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One app on the small deck, one behaviour after another. It proves that:

    * home lists the deck with its counts and says how many cards are due;
    * Enter studies: the first card's question shows, its answer does not;
    * the palette names each key by what it does, and no key text says a word twice;
    * ? opens the help and Esc comes back; the palette offers the study actions and
      no grades before the answer shows;
    * a grade before the answer shows does nothing;
    * Space shows the answer and the grade buttons with their intervals, and the
      palette now offers the grades;
    * a store error while grading shows a dialog and keeps the card (nothing logged);
    * a write that fails (a read-only database) shows a dialog and keeps the card,
      and the same answer is saved once the database can be written again;
    * a grade commits before the next card shows, and the card is learning;
    * Ctrl+C quits, with the answer saved.

    (These were seven tests, each starting the same app: home lists decks with
    counts; study reveal grade commits before next card; help screen and palette
    commands; palette and key texts say what each key does; a store error while
    grading shows a dialog and keeps the card; a write that fails shows a dialog
    and keeps the card; Ctrl+C quits.)
    """
    from trainer.core.errors import StoreBusyError
    from trainer.ui.keys import binding_text

    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), "home: the app opens on the decks"
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2, "home: the deck and the total"
        row = [str(c) for c in table.get_row_at(0)]
        assert row == ["Small deck", "7", "0", "0", "0", "7"], f"home: counts {row}"
        assert "7 cards to study today" in _text(app, "#home-hint"), "home: the hint"

        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, StudyScreen), "study: Enter opens it"
        assert _text(app, "#study-question") == "Q1 [bold]not bold[/]", "study: first card"
        assert _text(app, "#study-answer") == "", "study: the answer is hidden"

        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Help"] == "Help with every key (key: ?)", "palette: Help's text"
        assert commands["Bury"] == "Bury (hide this card until tomorrow) (key: b)", (
            "palette: Bury's text"
        )
        for binding in [*app.screen.BINDINGS, *app.BINDINGS]:
            text = binding_text(binding)  # type: ignore[arg-type]
            words = text.split()
            assert len(words) < 2 or words[0] != words[1], f"key text says a word twice: {text}"

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen), "help: ? opens it"
        await pilot.press("escape")
        assert app.screen is screen, "help: Esc comes back to study"
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert (
            "Show answer" in titles
            and "Bury" in titles
            and "Suspend" in titles
            and "Quit" in titles
        ), f"palette: study actions {titles}"
        assert "Good" not in titles, "palette: grades appear once the answer shows"

        await pilot.press("3")
        assert _log_count(workspace) == 0, "grading before the answer shows does nothing"
        await pilot.press("space")
        assert _text(app, "#study-answer") == "A1", "Space shows the answer"
        assert "3 Good · 10m" in str(app.screen.query_one("#grade-3").label), "grade interval"
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Again", "Hard", "Good", "Easy"} <= set(titles), "palette: the grades"

        def busy(*args: object) -> None:
            raise StoreBusyError("the profile database is busy", "try again")

        with monkeypatch.context() as patch:
            patch.setattr(screen.session, "answer", busy)
            await pilot.press("3")
            assert isinstance(app.screen, ErrorDialog), "store error: a dialog"
            assert _log_count(workspace) == 0, "store error: nothing logged"
            await pilot.press("escape")
        assert app.screen is screen, "store error: back on the card"
        assert _text(app, "#study-question") == "Q1 [bold]not bold[/]", "store error: same card"

        workspace.conn.execute("PRAGMA query_only = 1")  # a read-only database
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog), "failed write: a dialog"
        assert "read-only" in app.screen.message, "failed write: says read-only"
        workspace.conn.execute("PRAGMA query_only = 0")
        await pilot.press("escape")
        assert _text(app, "#study-question") == "Q1 [bold]not bold[/]", "failed write: same card"
        await pilot.press("3")  # the same answer, again: now saved
        assert _log_count(workspace) == 1, "the answer is saved once it can be"
        assert _text(app, "#study-question") == "Q2", "the next card shows after the grade"
        rowid = workspace.store.card_rowid("small", "one")
        assert rowid is not None and workspace.store.memory(rowid).state is State.LEARNING, (
            "the graded card is learning"
        )

        await pilot.press("ctrl+c")
        await pilot.pause()
    assert not app.is_running, "Ctrl+C quits"
    assert _log_count(workspace) == 1, "Ctrl+C: the answer given stays saved"


async def test_undo_bury_suspend_from_keys(workspace: Workspace) -> None:
    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "1")
        assert _log_count(workspace) == 1
        await pilot.press("u")
        assert _log_count(workspace) == 0
        assert _text(app, "#study-question") == "Q1 [bold]not bold[/]"
        await pilot.press("b")
        assert _text(app, "#study-question") == "Q2"
        await pilot.press("s")
        assert _text(app, "#study-question") == "Q3"
        two = workspace.store.card_rowid("small", "two")
        assert (
            workspace.conn.execute(
                "SELECT suspended FROM card_state WHERE card_rowid = ?", (two,)
            ).fetchone()[0]
            == 1
        )
        await pilot.press("u")
        assert _text(app, "#study-question") == "Q2"
        assert (
            workspace.conn.execute(
                "SELECT suspended FROM card_state WHERE card_rowid = ?", (two,)
            ).fetchone()[0]
            == 0
        )


async def test_finishing_shows_a_summary(workspace: Workspace, clock: FixedClock) -> None:
    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        while screen.session.current is not None:
            clock.advance(seconds=5)
            await pilot.press("space", "4")
        summary = _text(app, "#summary-text")
        assert "Cards studied  5" in summary
        assert "Again          0" in summary
        assert "Time spent     25 s" in summary
        assert "The next card is due" in summary
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        row = [str(c) for c in app.screen.query_one(DataTable).get_row_at(0)]
        assert row[1] == "0"  # no new cards left today (siblings wait for tomorrow)


async def test_quit_and_reopen_loses_nothing(workspace: Workspace, clock: FixedClock) -> None:
    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "3", "space", "4")
        await pilot.press("q")
    assert _log_count(workspace) == 2
    reopened = Workspace(None, [Path(workspace.extra[0])], clock=clock)  # type: ignore[arg-type]
    app2 = _app(reopened)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert _text(app2, "#study-question") == "Q3"
        screen = app2.screen
        assert isinstance(screen, StudyScreen)
        assert screen.session.counts.learning == 1
    reopened.close()


async def test_markup_in_cards_is_text(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    deck = write_deck(
        tmp_path,
        "m.yaml",
        """
        title: "[red]Markup[/red] deck"
        cards:
          - id: m
            front: "[@click=app.quit]click me[/] and [bold]x[/]"
            back: "[link=https://example.com]l[/link] \\\\[escaped]"
        """,
    )
    ws = Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]
    app = _app(ws)
    async with app.run_test(size=SIZE) as pilot:
        assert str(app.screen.query_one(DataTable).get_row_at(0)[0]) == "[red]Markup[/red] deck"
        await pilot.press("enter")
        assert _text(app, "#study-question") == "[@click=app.quit]click me[/] and [bold]x[/]"
        await pilot.click("#study-question")
        await pilot.press("space")
        assert _text(app, "#study-answer") == "[link=https://example.com]l[/link] \\[escaped]"
        assert app.is_running
    ws.close()


async def test_broken_deck_is_marked_with_its_errors(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    good = write_deck(
        tmp_path, "good.yaml", "title: Good\ncards:\n  - {id: a, front: q, back: a}\n"
    )
    bad = write_deck(tmp_path, "bad.yaml", "title: Bad\ncards:\n  - {id: a, front: q, kind: dat}\n")
    ws = Workspace(None, [good, bad], clock=clock)  # type: ignore[arg-type]
    app = _app(ws)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(DataTable)
        assert "broken" in str(table.get_row_at(1)[0])
        await pilot.press("down")
        details = _text(app, "#deck-details")
        assert (
            "bad.yaml cannot be loaded" in details
            and "line 3" in details
            and "did you mean 'date'" in details
        )
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)  # a broken deck cannot be studied
        await pilot.press("up", "enter")
        assert isinstance(app.screen, StudyScreen)
    ws.close()


async def test_start_in_study_and_error_dialog(workspace: Workspace) -> None:
    app = _app(workspace, study=True, decks=["small"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        from trainer.core.errors import StoreBusyError

        app.show_error("Test", StoreBusyError("busy", "wait"))
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, StudyScreen)


def _visible(app: TrainerApp, selector: str) -> bool:
    """Whether a widget is shown with at least one row and column on screen."""
    widget = app.screen.query_one(selector)
    region = widget.region.intersection(app.screen.region)
    return bool(widget.display and region.width > 0 and region.height > 0)


async def _toasts_after(app: TrainerApp, pilot: Pilot[None], *keys: str) -> list[Widget]:
    """Press keys that bury the card on view, and return the notices shown."""
    from textual.widgets._toast import Toast

    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()
    toasts: list[Widget] = list(app.screen.query(Toast))
    assert toasts, "a bury says so in a notice"
    return toasts


async def test_at_60_by_15_the_card_buttons_and_a_notice_all_fit(workspace: Workspace) -> None:
    """One app at 60x15 with notices on. It proves that:

    * the home table folds its columns and never scrolls sideways;
    * the question and the reveal button show, then the answer and the four grade
      buttons, each within the width and labelled with its key first;
    * a grade is saved;
    * the notice a bury shows is one line, on the title's row, and leaves the card's
      type line and question in view.

    (These were two tests, each starting the same app at 60x15: small terminal keeps
    the card and the buttons; a notice at 60 by 15 leaves the question and its type
    in view, which buried the first card where this buries the second.)
    """
    app = _app(workspace)
    async with app.run_test(size=(60, 15), notifications=True) as pilot:
        table = app.screen.query_one(DataTable)
        headings = [str(c.label) for c in table.columns.values()]
        assert headings == ["Deck", "New", "Lrn", "Due", "Susp"], f"columns fold: {headings}"
        assert table.virtual_size.width <= table.size.width, "home: no sideways scrolling"
        await pilot.press("enter")
        assert _visible(app, "#study-question") and _visible(app, "#reveal"), (
            "study: question and reveal button in view"
        )
        await pilot.press("space")
        await pilot.pause()
        assert _visible(app, "#study-answer"), "study: the answer in view"
        for n in range(1, 5):
            button = app.screen.query_one(f"#grade-{n}")
            assert _visible(app, f"#grade-{n}") and button.region.right <= 60, (
                f"grade button {n} in view"
            )
            assert str(button.label).startswith(f"{n} "), "the key, then the interval"
        await pilot.press("3")
        assert _log_count(workspace) == 1, "the grade is saved"

        toasts = await _toasts_after(app, pilot, "b")
        card = [app.screen.query_one(f"#study-{part}").region for part in ("meta", "question")]
        for toast in toasts:
            assert toast.region.height == 1, f"a notice is one line: {toast.region}"
            assert not any(toast.region.overlaps(part) for part in card), (
                "a notice leaves the card's type and question in view"
            )


async def test_at_80_by_24_the_footer_and_notices_leave_the_keys_in_view(
    workspace: Workspace,
) -> None:
    """One app at 80x24 with notices on. It proves that:

    * the home footer shows the daily keys whole, in order, before the palette key;
    * the notice a bury shows covers neither the reveal button nor the status line.

    (These were two tests, each starting the same app at 80x24: the home footer
    shows the daily keys at 80 columns (with notices off); notifications do not
    cover the buttons.)
    """
    from textual.widgets._footer import FooterKey

    app = _app(workspace)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        keys = {k.key: k.region for k in app.screen.query(FooterKey)}
        palette = keys.pop(app.COMMAND_PALETTE_BINDING)
        # a key ends in one column of padding, which the palette key may cover
        whole = [k for k, r in keys.items() if r.width and r.right - 1 <= palette.x]
        assert whole[:7] == ["enter", "a", "t", "s", "b", "o", "i"], f"home footer: {whole}"

        toasts = await _toasts_after(app, pilot, "enter", "b")
        reveal = app.screen.query_one("#reveal").region
        status = app.screen.query_one("#study-status").region
        for toast in toasts:
            assert not toast.region.overlaps(reveal), "a notice leaves the reveal button"
            assert not toast.region.overlaps(status), "a notice leaves the status line"


async def test_a_long_card_scrolls_at_60_by_15(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    long = " ".join(f"word{i}" for i in range(300))
    deck = write_deck(tmp_path, "l.yaml", f"cards:\n  - {{id: l, front: {long}, back: the end}}\n")
    ws = Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]
    app = _app(ws)
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.press("enter", "space")
        card = app.screen.query_one("#study-card")
        assert card.max_scroll_y > 0  # the card scrolls rather than hiding the answer
        card.scroll_end(animate=False)
        await pilot.pause()
        assert _visible(app, "#study-answer")
    ws.close()


async def test_deck_description_and_suspended_cards_on_the_home_screen(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    deck = write_deck(
        tmp_path,
        "d.yaml",
        "id: d\ntitle: D\ndescription: All about rivers.\ncards:\n"
        "  - {id: a, front: q, back: a}\n  - {id: b, front: q2, back: b}\n",
    )
    ws = Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]
    app = _app(ws)
    async with app.run_test(size=SIZE) as pilot:
        assert "All about rivers." in _text(app, "#deck-details")
        await pilot.press("enter", "s", "escape")
        await pilot.pause()
        row = [str(c) for c in app.screen.query_one(DataTable).get_row_at(0)]
        assert row == ["D", "1", "0", "0", "1", "2"]
        assert "1 suspended card: u brings it back" in _text(app, "#deck-details")
        await pilot.press("u")
        await pilot.pause()
        row = [str(c) for c in app.screen.query_one(DataTable).get_row_at(0)]
        assert row == ["D", "2", "0", "0", "0", "2"]
    ws.close()


async def test_the_theme_is_remembered_per_profile(workspace: Workspace, clock: FixedClock) -> None:
    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    again = _app(workspace)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_decks_are_read_in_a_worker_while_the_home_screen_shows(
    small_deck: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    ws = Workspace(None, [small_deck], clock=clock, load=False)  # type: ignore[arg-type]
    threads: list[str] = []
    real = ws.reload

    def reload(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ws, "reload", reload)
    app = _app(ws, study=True, decks=["small"])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert threads and threads[0] != threading.main_thread().name
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("escape", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(threads) == 2 and threads[1] != threading.main_thread().name
        assert "7 cards to study today" in _text(app, "#home-hint")
    ws.close()


async def test_answers_on_a_reversed_card_are_those_of_its_direction(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    deck = write_deck(
        tmp_path,
        "p.yaml",
        """
        cards:
          - id: p
            type: reversed
            front: Nikol Pashinyan
            back: Prime Minister of Armenia
            ask: Who is Nikol Pashinyan?
            ask_reverse: Who is Armenia's prime minister?
            accept: [Armenia's prime minister]
            accept_reverse: [Pashinyan]
        """,
    )
    ws = Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]
    ws.settings = __import__("trainer.core.scheduler", fromlist=["Settings"]).Settings(
        bury_siblings=False
    )
    ws.scheduler = __import__("trainer.core.scheduler", fromlist=["Scheduler"]).Scheduler(
        ws.settings
    )
    app = _app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space")
        assert _text(app, "#study-question") == "Who is Nikol Pashinyan?"
        info = _text(app, "#study-info")
        assert "Other answers: Armenia's prime minister" in info and "Pashinyan" not in info
        await pilot.press("3", "space")
        assert _text(app, "#study-question") == "Who is Armenia's prime minister?"
        assert _text(app, "#study-answer") == "Nikol Pashinyan"
        info = _text(app, "#study-info")
        assert "Other answers: Pashinyan" in info and "prime minister" not in info
    ws.close()


async def test_home_shows_the_days_to_the_exam_and_the_predicted_recall(
    workspace: Workspace, clock: FixedClock
) -> None:
    from datetime import timedelta

    workspace.plan(["small"], (clock.now() + timedelta(days=10)).date())
    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        details = _text(app, "#deck-details")
        assert "10 days left" in details and "Predicted recall on exam day 0%" in details
        assert "FSRS predicts" in details
        assert "Exam in 10 days (Small deck)." in _text(app, "#home-hint")


def test_control_characters_in_card_text_are_shown_visibly() -> None:
    from trainer.ui.screens.study import segments_text

    text = segments_text([("\x1b]2;pwned\x07\x1b[2J front", False), ("gap\x9b", True)])
    assert str(text) == "␛]2;pwned␇␛[2J frontgap\\x9b"


async def test_a_busy_profile_is_said_at_once_and_the_wait_can_be_stopped(
    small_deck: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import time

    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    ws = Workspace(None, [small_deck], clock=clock, load=False)  # type: ignore[arg-type]
    holder = sqlite3.connect(ws.paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another trainer process writing, for long
    app = _app(ws)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            started = time.monotonic()
            while not app._notifications and time.monotonic() - started < 5:
                await pilot.pause(0.05)
            messages = [n.message for n in app._notifications]
            assert any("waiting for another trainer process" in m.lower() for m in messages)
            assert time.monotonic() - started < 3  # said at once, not after 30 s
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not app.loading
            assert any("Stopped waiting" in n.message for n in app._notifications)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        ws.close()


async def test_an_unexpected_database_error_in_a_handler_becomes_a_dialog(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def broken() -> None:
            raise sqlite3.DatabaseError("database disk image is malformed")

        monkeypatch.setattr(workspace, "rows", broken)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog) and "damaged" in app.screen.message
        assert app.is_running


async def test_a_damaged_database_found_when_idle_offers_the_latest_backup(
    workspace: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.ui.screens.dialogs import DamageDialog

    session = workspace.session(rng=random.Random(1))
    session.answer(__import__("trainer.core.model", fromlist=["Rating"]).Rating.GOOD, clock.now())
    workspace.backup()
    monkeypatch.setattr(workspace, "check_integrity", lambda: ["*** in database main ***"])
    app = _app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DamageDialog) and app.screen.latest is not None
        await pilot.click("#restore")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(workspace.backups()) == 2  # what was there is backed up first
        assert workspace.store.answer_count() == 1
        # a backup that finds the database damaged says so the same way
        from textual.worker import WorkerFailed

        from trainer.core.errors import DamagedCopy

        def damaged() -> None:
            raise DamagedCopy(Path("p-1.damaged.sqlite3"), "page 7 is never used")

        monkeypatch.setattr(workspace, "backup", damaged)
        monkeypatch.setattr(workspace, "backup_due", lambda: True)
        app.backup_in_background()
        with pytest.raises(WorkerFailed):  # the worker fails; the app says so and goes on
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DamageDialog)
        assert app.screen.problems == ["page 7 is never used"]


async def test_a_conflict_with_another_window_is_said_and_the_next_card_shown(
    workspace: Workspace, small_deck: Path, clock: FixedClock
) -> None:
    app = _app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "space")
        other = Workspace(None, [small_deck], clock=clock)  # type: ignore[arg-type]
        from trainer.core.model import Rating

        other.session(rng=random.Random(9)).answer(Rating.EASY, clock.now())
        other.close()
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert any("another trainer window" in n.message for n in app._notifications)
        assert _text(app, "#study-question") == "Q2"
        assert _log_count(workspace) == 1  # the other window's answer only
