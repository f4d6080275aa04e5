"""The Textual application: screens, global keys, the command palette, loading decks."""

from __future__ import annotations

import os
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState, get_current_worker

from trainer.core.errors import DamagedCopy, NotTomlError, TrainerError
from trainer.core.quiz.model import QuestionType
from trainer.core.quiz.run import QuizRun
from trainer.ui.guard import guarded
from trainer.ui.keys import binding_text, keys_of
from trainer.ui.screens.browse import BrowseScreen
from trainer.ui.screens.confirm import ConfirmDialog
from trainer.ui.screens.dialogs import DamageDialog, ErrorDialog, HelpScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.importing import ImportDialog
from trainer.ui.screens.quiz import QuizScreen
from trainer.ui.screens.quiz_result import QuizResultScreen
from trainer.ui.screens.quiz_setup import QuizOptions, QuizSetup
from trainer.ui.screens.review import ReviewScreen
from trainer.ui.screens.settings import SettingsScreen
from trainer.ui.screens.stats import StatsScreen
from trainer.ui.screens.study import StudyScreen

if TYPE_CHECKING:
    from trainer.workspace import Workspace


THEME_PREF = "theme"

HELP_SCREENS: list[tuple[str, type[Screen[object]]]] = [
    ("Decks (home)", HomeScreen),  # type: ignore[list-item]
    ("Study", StudyScreen),  # type: ignore[list-item]
    ("Browse cards", BrowseScreen),  # type: ignore[list-item]
    ("Statistics", StatsScreen),  # type: ignore[list-item]
    ("Settings", SettingsScreen),  # type: ignore[list-item]
    ("Quiz set-up", QuizSetup),  # type: ignore[list-item]
    ("Quiz", QuizScreen),  # type: ignore[list-item]
    ("Quiz result", QuizResultScreen),  # type: ignore[list-item]
    ("Review a drafted deck", ReviewScreen),  # type: ignore[list-item]
    ("Import", ImportDialog),  # type: ignore[list-item]
    ("A yes-or-no question", ConfirmDialog),  # type: ignore[list-item]
]
"""Every screen whose keys the help lists (the screen on view comes first)."""


class TrainerApp(App[None]):
    """The trainer's TUI.

    Args:
        workspace: The opened profile (decks, store, clock). When its deck
            files have not been read yet, they are read in a worker thread
            while the home screen shows that it is loading.
        start_study: Open the study screen once the decks are read.
        decks: The DECK arguments to study (every deck when empty).
        rng: Draws interval fuzz; tests seed it.
        quiz: Open a quiz with these options once the decks are read.
        plain: No colour, no borders, and words instead of charts (``--plain``,
            NO_COLOR), for screen readers.
    """

    CSS_PATH = "app.tcss"
    TITLE = "trainer"
    ENABLE_COMMAND_PALETTE = True
    # Screens get -narrow / -wide and -short / -tall classes for app.tcss.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="(every answer is already saved)"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="with every key"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        start_study: bool = False,
        decks: Sequence[str] = (),
        rng: random.Random | None = None,
        quiz: QuizOptions | None = None,
        plain: bool = False,
    ) -> None:
        super().__init__()
        self._start_quiz = quiz
        self.plain = plain or self.no_color
        if self.plain and not self.no_color:
            from textual.filter import Monochrome

            self.no_color = True
            self._filters.append(Monochrome())
        self.workspace = workspace
        self.clock = workspace.clock
        self.rng = rng or random.Random()
        self._start_study = start_study
        self._decks = list(decks)
        self.loading = False

    def on_mount(self) -> None:
        # Writes wait at most two seconds for another trainer process, then say so.
        self.workspace.set_patience(2.0)
        # The settings file's theme wins; else the one last chosen in the app.
        saved = self.workspace.settings.theme or self.workspace.store.pref(THEME_PREF)
        if saved and saved in self.available_themes:
            self.theme = saved
        elif self.workspace.settings.theme:
            self.notify(
                f"No theme '{self.workspace.settings.theme}': the default is used.",
                severity="warning",
            )
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(HomeScreen())

    def home_ready(self) -> None:
        """The home screen is up: count the decks, reading them first if need be."""
        if self.workspace.files:
            self._decks_loaded()
        else:
            self.load_decks()
        lost = self.workspace.lost_answers()
        if lost is not None:
            self.show_error("Answers are missing from this profile", lost)
        if self.workspace.config_error is not None:
            error = self.workspace.config_error
            hint = "fix them in the settings screen (o) or in the file"
            if isinstance(error, NotTomlError):
                hint = (
                    "fix the file by hand, or save a value in the settings screen (o): it offers"
                    " to start a new file, keeping this one as"
                    f" {self.workspace.paths.config_file.name}.bak"
                )
            self.show_error(
                "The settings file has errors: the defaults are used for them",
                TrainerError(error.message, hint),
            )
        # The full integrity check reads the whole file: off the event loop.
        self.run_worker(
            self.workspace.check_integrity,
            name="integrity",
            group="integrity",
            thread=True,
            exit_on_error=False,
        )

    def backup_in_background(self) -> None:
        """Back up in a worker when one is due (every 30 minutes of study)."""
        busy = any(w.group == "backup" and w.is_running for w in self.workers)
        if not busy and self.workspace.backup_due():
            self.run_worker(
                self.workspace.backup,
                name="backup",
                group="backup",
                thread=True,
                exit_on_error=False,
            )

    def _remember_theme(self, theme: Theme) -> None:
        try:
            self.workspace.store.set_pref(THEME_PREF, theme.name)
        except TrainerError as exc:
            self.notify(f"The theme was not saved: {exc.message}", severity="warning")

    # -- reading decks, off the event loop ------------------------------------

    def load_decks(self) -> None:
        """Read changed deck files in a worker thread; the home screen says so meanwhile."""
        if self.loading:
            return
        self.loading = True
        self._home().show_loading()

        def notify(message: str) -> None:
            self.call_from_thread(
                self.notify, f"{message[0].upper()}{message[1:]} Esc stops waiting.", timeout=30
            )

        def load() -> object:
            worker = get_current_worker()
            return self.workspace.reload(notify, cancelled=lambda: worker.is_cancelled)

        self.run_worker(
            load, name="load-decks", group="load-decks", thread=True, exit_on_error=False
        )

    def cancel_loading(self) -> None:
        """Stop waiting for a busy profile (the decks stay as last read)."""
        self.workers.cancel_group(self, "load-decks")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group == "integrity" and event.state is WorkerState.SUCCESS:
            problems = event.worker.result
            if problems:
                self.push_screen(DamageDialog(problems, self.workspace.backups()[:1]))
            return
        if group == "backup" and event.state is WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, DamagedCopy):
                self.push_screen(DamageDialog([error.problem], self.workspace.backups()[:1]))
                return
            self.notify(
                f"The backup was not made: {error.message if isinstance(error, TrainerError) else error}",
                severity="warning",
            )
            return
        if group != "load-decks":
            return
        if event.state is WorkerState.CANCELLED:
            self.loading = False
            self._home().refresh_decks()
            self.notify("Stopped waiting; the decks are as last read. r tries again.")
        elif event.state is WorkerState.SUCCESS:
            self.loading = False
            self._decks_loaded()
        elif event.state is WorkerState.ERROR:
            self.loading = False
            error = event.worker.error
            self._home().refresh_decks()
            if isinstance(error, TrainerError):
                self.show_error("Cannot read the decks", error)
            else:
                self.show_error(
                    "Cannot read the decks",
                    TrainerError(f"unexpected failure: {error!r}", "please report it"),
                )

    def refresh_home(self) -> None:
        """Count the decks again on the home screen (after an import, say)."""
        self._home().refresh_decks()

    def _home(self) -> HomeScreen:
        return next(s for s in self.screen_stack if isinstance(s, HomeScreen))

    def _decks_loaded(self) -> None:
        home = self._home()
        home.refresh_decks()
        if self._start_quiz is not None:
            options, self._start_quiz = self._start_quiz, None
            self.start_quiz(options)
        if self._start_study:
            self._start_study = False
            try:
                ids = self.workspace.resolve_decks(self._decks) if self._decks else None
            except TrainerError as exc:
                self.show_error("Cannot start studying", exc)
                return
            self.study(ids)

    # -- screens ---------------------------------------------------------------

    @guarded("Cannot start studying")
    def study(self, deck_ids: Sequence[str] | None) -> None:
        """Open the study screen on ``deck_ids`` (every deck when None)."""
        if self.loading:
            self.notify("Still reading the decks; a moment.")
            return
        try:
            session = self.workspace.session(deck_ids, self.rng)
        except TrainerError as exc:
            self.show_error("Cannot start studying", exc)
            return
        self.push_screen(StudyScreen(session, self.workspace.title(session.deck_ids)))

    def open_stats(self, deck_ids: Sequence[str] | None) -> None:
        """Open the statistics of ``deck_ids`` (every deck when None)."""
        if self.loading:
            self.notify("Still reading the decks; a moment.")
            return
        self.push_screen(StatsScreen(deck_ids))

    def open_browser(self, query: str = "") -> None:
        """Open the card browser on every deck."""
        if self.loading:
            self.notify("Still reading the decks; a moment.")
            return
        self.push_screen(BrowseScreen(query))

    def open_settings(self) -> None:
        """Open the settings screen."""
        self.push_screen(SettingsScreen())

    def show_error(self, title: str, exc: TrainerError) -> None:
        """A dialog for an error that stops what the user asked for."""
        self.push_screen(ErrorDialog(title, exc.message, exc.hint))

    @guarded("Cannot start the quiz")
    def start_quiz(self, options: QuizOptions) -> None:
        """Build the questions and open the quiz screen; its result is saved when it ends."""
        if self.loading:
            self.notify("Still reading the decks; a moment.")
            return
        ids = (
            self.workspace.resolve_decks(options.decks)
            if options.decks
            else [f.deck_id for f in self.workspace.decks]
        )
        rng = random.Random(options.seed) if options.seed is not None else self.rng
        questions = self.workspace.quiz_questions(
            ids, options.count, [QuestionType(t) for t in options.types], rng
        )
        title = self.workspace.title(ids)
        run = QuizRun(
            questions,
            self.clock.now(),
            options.minutes,
            self.workspace.settings.quiz_pass_mark / 100,
        )
        saved = {
            "count": options.count,
            "minutes": options.minutes,
            "types": list(options.types),
            "seed": options.seed,
        }

        def finished(screen: QuizScreen) -> None:
            assert run.result is not None
            try:
                self.workspace.save_quiz(run.result, run.started, ids, saved)
            except TrainerError as exc:
                self.show_error("The quiz was not saved in the history", exc)
            self.switch_screen(QuizResultScreen(run.result, title))

        self.push_screen(QuizScreen(run, title, finished))

    def ask_quiz(self, decks: tuple[str, ...]) -> None:
        """The quiz form for some decks (all of them when empty)."""
        if self.loading:
            self.notify("Still reading the decks; a moment.")
            return
        ids = list(decks) if decks else [f.deck_id for f in self.workspace.decks]
        title = self.workspace.title(ids)

        def chosen(options: QuizOptions | None) -> None:
            if options is not None:
                self.start_quiz(options)

        self.push_screen(QuizSetup(decks, title), chosen)

    @guarded("The backup was not restored")
    def restore_backup(self, path: Path) -> None:
        """Put a backup back (the present is backed up first), then read the decks again."""
        try:
            restored, before = self.workspace.restore(path)
        except TrainerError as exc:
            self.show_error("The backup was not restored", exc)
            return
        self.notify(f"Restored {restored.name}; what was there is kept in {before.name}.")
        self.workspace.files = []
        self.load_decks()

    def _handle_exception(self, error: Exception) -> None:
        """No traceback reaches a user.

        Handlers that touch the profile are ``guarded`` (a store or trainer
        error becomes a dialog); anything else still ends the app, and Pilot
        tests still see it, but the user gets one line that says how to get
        the details.
        """
        if os.environ.get("TRAINER_DEBUG"):
            super()._handle_exception(error)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(
            Text(
                f"error: unexpected failure: {error!r}\n"
                "  hint: set TRAINER_DEBUG=1 to see the details, and please report it"
            )
        )
        self.exit(return_code=1)

    async def action_quit(self) -> None:
        """Quit (q, Ctrl+C, the palette); a value typed in settings is kept first, as on Esc."""
        for screen in self.screen_stack:
            if isinstance(screen, SettingsScreen):
                screen.keep_typed()
        self.exit()

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, HELP_SCREENS))

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
                binding.description, f"{binding_text(binding)} (key: {keys_of(binding)})", run
            )
        yield from super().get_system_commands(screen)
