"""Pilot tests of the settings screen (a refused value included), statistics, help and --plain."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from tests.conftest import FixedClock
from tests.ui.helpers import SIZE, make_app, shown
from trainer.core.model import Rating
from trainer.ui.drawing import Drawing
from trainer.ui.screens.dialogs import ErrorDialog, HelpScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.settings import SettingsScreen
from trainer.ui.screens.stats import StatsScreen
from trainer.workspace import Workspace


async def test_settings_refuse_a_wrong_value_and_save_a_good_one_keeping_comments(
    workspace: Workspace,
) -> None:
    config = workspace.paths.config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("# my own notes\nnew_per_day = 20  # a comfortable pace\n", encoding="utf-8")
    app = make_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        hour = app.screen.query_one("#set-day_rollover_hour", Input)
        hour.value = "30"
        await pilot.pause()
        note = shown(app, "#set-day_rollover_hour-note")
        assert "refused" in note and "from 0 to 23" in note
        hour.focus()
        await pilot.press("enter")
        assert "day_rollover_hour" not in config.read_text()  # refused: nothing written
        hour.value = "5"
        await pilot.press("enter")
        text = config.read_text()
        assert "# my own notes" in text and "# a comfortable pace" in text
        assert "day_rollover_hour = 5" in text and workspace.settings.day_rollover_hour == 5
        limit = app.screen.query_one("#set-deck-0-new_per_day", Input)
        limit.value = "7"
        limit.focus()
        await pilot.press("enter")
        assert workspace.settings.limits("small").new_per_day == 7
        steps = app.screen.query_one("#set-learning_steps", Input)
        steps.value = "1m 2x"
        steps.focus()
        await pilot.press("enter")
        assert "refused" in shown(app, "#set-learning_steps-note")
        action = app.screen.query_one("#set-leech_action", Select)
        action.value = "tag"
        await pilot.pause()
        assert workspace.settings.leech_action == "tag"
        assert 'leech_action = "tag"' in config.read_text()


async def test_a_broken_settings_file_opens_on_the_defaults_with_a_clear_error(
    small_deck: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, trainer_home: Path
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    config = trainer_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("new_per_day = 3\nday_rollover_hour = 99\n")
    ws = Workspace(None, [small_deck], clock=clock, lenient=True)  # type: ignore[arg-type]
    assert ws.settings.new_per_day == 3 and ws.settings.day_rollover_hour == 4
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog) and "day_rollover_hour" in app.screen.message
        await pilot.press("escape", "o")
        assert "day_rollover_hour" in shown(app, "#settings-status")
    ws.close()
    config.write_text("this is [not toml\n")
    ws = Workspace(None, [small_deck], clock=clock, lenient=True)  # type: ignore[arg-type]
    assert ws.config_error is not None and ws.settings.new_per_day == 20
    ws.close()


async def test_statistics_screen_and_help_list_every_screen(
    workspace: Workspace, clock: FixedClock
) -> None:
    session = workspace.session(rng=random.Random(1))
    session.answer(Rating.GOOD, clock.now())
    app = make_app(workspace)
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, StatsScreen)
        text = app.screen.query_one("#stats-text", Drawing).text
        assert "Today 1 review in" in text and "True retention" in text
        assert max(len(line) for line in text.splitlines()) <= 60
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Stats", "Browse", "Settings"} <= set(titles)


async def test_help_lists_every_screens_keys_and_a_value_typed_is_kept_on_quitting(
    workspace: Workspace,
) -> None:
    """One app on the small deck. It proves that:

    * the help lists every screen by name and every key of each with its text;
    * a value typed in the settings screen is saved when the whole app quits
      (Ctrl+C, neither Esc nor Tab).

    (These were two tests, each starting the same app: help lists the keys of every
    screen; a value typed is kept when the whole app quits.)
    """
    from rich.console import Console

    from trainer.ui.app import HELP_SCREENS
    from trainer.ui.keys import binding_text

    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen), "? opens the help"
        console = Console(width=300, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        console.print(app.screen.query(Static)[1].content)
        listed = console.export_text()
        console.file.close()
        rows = [line.strip() for line in listed.splitlines()]
        for name, screen in HELP_SCREENS:
            assert any(name in r for r in rows), f"the help names the screen {name}"
            for b in screen.BINDINGS:
                if getattr(b, "description", ""):
                    assert any(binding_text(b) in r for r in rows), (  # type: ignore[arg-type]
                        f"the help lists {name}'s key {b}"
                    )
        await pilot.press("escape", "o")
        assert isinstance(app.screen, SettingsScreen), "o opens the settings"
        hour = app.screen.query_one("#set-day_rollover_hour", Input)
        hour.focus()
        hour.value = "7"
        await pilot.press("ctrl+c")  # not Esc, not Tab: the app closes with the value typed
    assert workspace.settings.day_rollover_hour == 7, "quitting saves the value typed"
    assert "day_rollover_hour = 7" in workspace.paths.config_file.read_text(), (
        "quitting writes the value typed"
    )


async def test_plain_mode_has_no_colour_and_words_for_charts(workspace: Workspace) -> None:
    app = make_app(workspace, plain=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color and "-plain" in app.screen.classes
        await pilot.press("s")
        drawing = app.screen.query_one("#stats-text", Drawing)
        assert "Reviews per month" in drawing.text and "░" not in drawing.text
        assert "█" not in drawing.text
        assert drawing.styles_used() == {"bold", ""}


async def test_a_settings_file_that_is_not_toml_is_replaced_after_asking_and_kept_as_bak(
    small_deck: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, trainer_home: Path
) -> None:
    from trainer.ui.screens.confirm import ConfirmDialog

    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    config = trainer_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    broken = "new_per_day = 3\nthis is [not toml\n"
    config.write_text(broken)
    ws = Workspace(None, [small_deck], clock=clock, lenient=True)  # type: ignore[arg-type]
    app = make_app(ws)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ErrorDialog)
            assert "settings screen (o)" in app.screen.message + app.screen.hint
            assert ".bak" in app.screen.hint  # the hint says what the screen will do
            await pilot.press("escape", "o")
            assert "replace" in shown(app, "#settings-status")
            hour = app.screen.query_one("#set-day_rollover_hour", Input)
            hour.value = "6"
            hour.focus()
            await pilot.press("enter")
            assert isinstance(app.screen, ConfirmDialog)
            question = str(app.screen.question)
            assert str(config) in question and "config.toml.bak" in question
            await pilot.press("n")  # said no: nothing changes
            assert config.read_text() == broken and not config.with_name("config.toml.bak").exists()
            assert ws.settings.day_rollover_hour == 4
            hour.focus()
            await pilot.press("enter", "y")
            assert isinstance(app.screen, SettingsScreen)
            assert config.with_name("config.toml.bak").read_text() == broken
            assert "day_rollover_hour = 6" in config.read_text()
            assert ws.settings.day_rollover_hour == 6 and ws.config_error is None
            steps = app.screen.query_one("#set-learning_steps", Input)
            steps.value = "2m 20m"
            steps.focus()
            await pilot.press("enter")  # the new file takes further values as usual
            assert isinstance(app.screen, SettingsScreen)
            assert 'learning_steps = ["2m", "20m"]' in config.read_text()
            assert "day_rollover_hour = 6" in config.read_text()
    finally:
        ws.close()


async def test_a_value_typed_and_left_is_saved_when_valid_and_said_when_not(
    workspace: Workspace,
) -> None:
    config = workspace.paths.config_file
    app = make_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        hour = screen.query_one("#set-day_rollover_hour", Input)
        hour.focus()
        hour.value = "6"
        await pilot.press("tab")  # left with Tab: saved
        assert workspace.settings.day_rollover_hour == 6
        assert "day_rollover_hour = 6" in config.read_text()
        mark = screen.query_one("#set-quiz_pass_mark", Input)
        mark.focus()
        mark.value = "300"
        await pilot.press("tab")  # refused: not written, and said
        assert "quiz_pass_mark" not in config.read_text()
        said = [n.message for n in app._notifications]
        assert any("Not saved" in m and "pass" in m.lower() for m in said), said
        limit = screen.query_one("#set-deck-0-new_per_day", Input)
        limit.focus()
        limit.value = "9"
        await pilot.press("escape")  # left with the screen: saved
        assert not isinstance(app.screen, SettingsScreen)
        assert workspace.settings.limits("small").new_per_day == 9
        await pilot.press("o")
        steps = app.screen.query_one("#set-learning_steps", Input)
        steps.focus()
        steps.value = "1m 2x"
        await pilot.press("escape")
        assert "learning_steps" not in config.read_text()
        said = [n.message for n in app._notifications]
        assert any("Not saved" in m and "steps" in m.lower() for m in said), said
        written = config.read_text()
        await pilot.press("o")
        await pilot.press("tab", "tab", "escape")  # nothing typed: nothing written
        assert config.read_text() == written


async def test_per_deck_limits_say_which_deck_and_which_limit_at_60_by_15(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import write_deck

    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    title = "South Caucasus — treaties and agreements"
    folder = tmp_path / "decks"
    for name in ("treaties", "treaties-2"):
        write_deck(
            folder,
            f"{name}.yaml",
            f"id: {name}\ntitle: {title}\ncards:\n  - {{id: a, front: Q, back: A}}\n",
        )
    ws = Workspace(None, [folder], clock=clock)  # type: ignore[arg-type]
    app = make_app(ws)
    try:
        async with app.run_test(size=(60, 15)) as pilot:
            await pilot.press("o")
            screen = app.screen
            assert isinstance(screen, SettingsScreen)
            ids = []
            for i in range(2):
                heading = screen.query_one(f"#set-deck-{i}", Static)
                text = str(heading.content)
                # the deck's whole title fits on its line, and its id tells the two apart
                assert text.startswith(title + "  ")
                ids.append(text.removeprefix(title + "  "))
                assert heading.region.width >= len(text)
                for key, label in (
                    ("new_per_day", "New cards a day"),
                    ("reviews_per_day", "Reviews a day"),
                ):
                    field = screen.query_one(f"#set-deck-{i}-{key}", Input)
                    row = field.parent
                    assert row is not None
                    shown_label = str(row.query_one(".setting-label", Static).content).strip()
                    assert shown_label == label
                    label_width = row.query_one(".setting-label", Static).region.width
                    assert label_width >= len(label) + 2 and field.region.width >= 5
            assert sorted(ids) == ["treaties", "treaties-2"]
    finally:
        ws.close()
