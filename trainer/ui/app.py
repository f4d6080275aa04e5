"""The Textual application: screens, global keys and the command palette."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from trainer.core.errors import TrainerError
from trainer.ui.screens.dialogs import ErrorDialog, HelpScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.study import StudyScreen

if TYPE_CHECKING:
    from trainer.workspace import Workspace


class TrainerApp(App[None]):
    """The trainer's TUI.

    Args:
        workspace: The opened profile (decks, store, clock).
        start_study: Open the study screen at once instead of the home screen.
        deck_ids: The decks to study when starting in study (all when None).
        rng: Draws interval fuzz; tests seed it.
    """

    CSS_PATH = "app.tcss"
    TITLE = "trainer"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit (every answer is already saved)"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        start_study: bool = False,
        deck_ids: Sequence[str] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.clock = workspace.clock
        self.rng = rng or random.Random()
        self._start_study = start_study
        self._deck_ids = list(deck_ids) if deck_ids is not None else None

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        if self._start_study:
            self.study(self._deck_ids)

    def study(self, deck_ids: Sequence[str] | None) -> None:
        """Open the study screen on ``deck_ids`` (every deck when None)."""
        try:
            session = self.workspace.session(deck_ids, self.rng)
        except TrainerError as exc:
            self.show_error("Cannot start studying", exc)
            return
        names = {e.key: e.title for e in self.workspace.decks if e.key}
        ids = list(deck_ids) if deck_ids is not None else list(names)
        title = names.get(ids[0], ids[0]) if len(ids) == 1 else "All decks"
        self.push_screen(StudyScreen(session, title))

    def show_error(self, title: str, exc: TrainerError) -> None:
        """A dialog for an error that stops what the user asked for."""
        self.push_screen(ErrorDialog(title, exc.message, exc.hint))

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the current screen by name, then Textual's own."""
        for binding in [*screen.BINDINGS, *self.BINDINGS]:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            action = binding.action
            target = self if binding in self.BINDINGS else screen
            if action == "quit" or not target.check_action(action.split("(")[0], ()):
                continue  # Textual's own commands already offer Quit

            async def run(target=target, action=action) -> None:  # type: ignore[no-untyped-def]
                await target.run_action(action)

            yield SystemCommand(
                binding.description,
                binding.tooltip or f"Key: {binding.key_display or binding.key}",
                run,
            )
        yield from super().get_system_commands(screen)
