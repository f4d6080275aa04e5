"""The import dialog: a path, a progress bar while the file is read, and what it made."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, ProgressBar, Static

from trainer.core.errors import TrainerError

if TYPE_CHECKING:
    from trainer.transfer import ImportReport, ImportStep
    from trainer.ui.app import TrainerApp


class ImportDialog(ModalScreen[bool]):
    """Ask for a file, import it in a worker thread, show the result.

    Dismissed with True when something was imported (the home screen then
    counts again).
    """

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self) -> None:
        super().__init__()
        self.imported = False
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box"):
            yield Static(Text("Import a deck", style="bold"), id="import-title")
            yield Static(
                Text(
                    "An Anki package (.apkg, .colpkg), a CSV or TSV file, a Quizlet export"
                    " or a YAML deck. Importing an updated file again keeps your progress."
                ),
                id="import-help",
            )
            yield Input(placeholder="path to the file, then Enter", id="import-path")
            yield Checkbox("Bring Anki's schedule and review history", id="import-progress")
            yield ProgressBar(id="import-bar", show_eta=False, show_percentage=True)
            yield Static(id="import-result")

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.query_one("#import-bar", ProgressBar).display = False
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if self.running or not value:
            return
        path = Path(value).expanduser()
        self.running = True
        bar = self.query_one("#import-bar", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._say(Text(f"Importing {path.name}…"))
        self._import(path, self.query_one(Checkbox).value)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: Path, with_progress: bool) -> None:
        from trainer.formats.model import ImportOptions

        def progress(step: ImportStep) -> None:
            self.app.call_from_thread(self._progress, step)

        try:
            report = self.tapp.workspace.import_file(
                path, ImportOptions(with_progress=with_progress), progress=progress
            )
        except TrainerError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        except Exception as exc:  # never a traceback on screen
            self.app.call_from_thread(
                self._failed, TrainerError(f"unexpected failure: {exc!r}", "please report it")
            )
            return
        self.app.call_from_thread(self._done, report)

    def _progress(self, step: ImportStep) -> None:
        self.query_one("#import-bar", ProgressBar).update(total=1000, progress=step.fraction * 1000)

    def _failed(self, exc: TrainerError) -> None:
        self.running = False
        self.query_one("#import-bar", ProgressBar).display = False
        text = Text(exc.message, style="bold red")
        if exc.hint:
            text.append("\n" + exc.hint, style="italic")
        self._say(text)

    def _done(self, report: ImportReport) -> None:
        self.running = False
        self.imported = True
        bar = self.query_one("#import-bar", ProgressBar)
        bar.update(total=1, progress=1)
        cards = sum(n for _, _, n in report.decks)
        text = Text(
            f"{report.source.name} ({report.kind}): {len(report.decks)} deck"
            f"{'s' if len(report.decks) != 1 else ''}, {cards} card{'s' if cards != 1 else ''}",
            style="bold",
        )
        for deck_id, _, n in report.decks:
            text.append(f"\n• {deck_id}: {n} card{'s' if n != 1 else ''}")
        if report.media:
            text.append(f"\n{report.media} media file{'s' if report.media != 1 else ''}")
        if report.states or report.reviews:
            text.append(f"\nprogress: {report.states} card states, {report.reviews} reviews")
        if report.skipped:
            text.append(
                f"\n{len(report.skipped)} skipped, the first: {report.skipped[0]}", style="yellow"
            )
        text.append("\nEsc closes; the decks are on the home screen.", style="dim")
        self._say(text)
        self.tapp.refresh_home()

    def _say(self, text: Text) -> None:
        self.query_one("#import-result", Static).update(text)

    def action_close(self) -> None:
        """Close the dialog (an import under way finishes first)."""
        if self.running:
            self.notify("The import is still running; a moment.")
            return
        self.dismiss(self.imported)
