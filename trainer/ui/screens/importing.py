"""The import dialog: what ``trainer import`` asks, a progress bar, then what it made."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, ProgressBar, Static

from trainer.core.errors import TrainerError
from trainer.core.textsafe import visible

if TYPE_CHECKING:
    from trainer.formats.model import ImportOptions
    from trainer.transfer import ImportReport, ImportStep
    from trainer.ui.app import TrainerApp

PHASE_TEXT = {
    "reading": "reading the file",
    "writing": "writing the deck files",
    "syncing": "syncing the decks",
}
"""What each phase of an import is called on screen."""

SKIPPED_SHOWN = 200
"""Items left out that the report lists one by one (then how many more)."""

# How each kind of line of the report is shown (see ImportReport.lines).
_STYLES = {
    "head": "bold",
    "deck": "",
    "progress": "",
    "note": "italic",
    "skipped": "bold yellow",
    "skip": "yellow",
    "outside": "italic",
}

# The form's fields: id, label, placeholder, tooltip (which ends with the command line's name
# for the same thing, for a user who will script the import later).
FIELDS = (
    ("import-path", "File", "path to the file",
     "An Anki package (.apkg, .colpkg), a CSV or TSV file, a Quizlet export or a YAML deck"),
    ("import-id", "Deck id", "from the file",
     "The deck's id; for a package with several decks, the id of their root (command line: --id)"),
    ("import-to", "Folder", "your deck folder",
     "Where the deck files go; a folder outside your deck folder is not searched (--to)"),
    ("import-separator", "Separator", "detected",
     "Between term and definition (Quizlet): tab, comma, semicolon or any text (--separator)"),
    ("import-rows", "Rows", "one per line",
     "Between cards (Quizlet): newline, semicolon or any text (--row-separator)"),
)  # fmt: skip


class ImportDialog(ModalScreen[bool]):
    """The form, then (in a worker thread) the import with its progress, then its report.

    Dismissed with True when something was imported (the home screen then
    counts again).
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "start", "Import", show=False),
        Binding("pagedown", "scroll(1)", "Scroll down", show=False),
        Binding("pageup", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.imported = False
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box"):
            yield Static(Text("Import a deck", style="bold"), id="import-title")
            with VerticalScroll(id="import-form"):
                yield Static(
                    Text(
                        "An Anki package, a CSV or TSV file, a Quizlet export or a YAML deck."
                        " Importing an updated file again keeps your progress. Separators are"
                        " for Quizlet exports; a CSV's own are detected."
                    ),
                    id="import-help",
                )
                for field_id, label, placeholder, tooltip in FIELDS[:3]:
                    with Horizontal(classes="import-row"):
                        yield Static(label, classes="import-label")
                        yield Input(
                            placeholder=placeholder, id=field_id, tooltip=tooltip, compact=True
                        )
                with Horizontal(classes="import-row"):
                    for i, (field_id, label, placeholder, tooltip) in enumerate(FIELDS[3:]):
                        yield Static(label, classes="import-label" + (" -inline" if i else ""))
                        yield Input(
                            placeholder=placeholder,
                            id=field_id,
                            tooltip=tooltip,
                            classes="import-short",
                            compact=True,
                        )
                yield Checkbox(
                    "Bring Anki's schedule and review history",
                    id="import-progress",
                    compact=True,
                    tooltip="Each card's state and review log (Anki packages; --with-progress)",
                )
            with VerticalScroll(id="import-report"):
                yield Static(id="import-result")
            with Horizontal(id="import-status"):
                yield ProgressBar(id="import-bar", show_eta=False, show_percentage=True)
                yield Static(id="import-phase")
            yield Static(id="import-error")
            with Horizontal(id="import-buttons"):
                yield Button("Import", variant="primary", id="import-start", compact=True)
                yield Button("Import another", id="import-again", compact=True)
                yield Button("Close", id="import-close", compact=True)

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        self._show("form")
        self._error(None)
        self.query_one("#import-path", Input).focus()

    def _show(self, view: str) -> None:
        """The form (filled in or being imported) or the report of what was imported."""
        self.query_one("#import-form").display = view != "report"
        self.query_one("#import-report").display = view == "report"
        self.query_one("#import-status").display = view == "running"
        self.query_one("#import-start").display = view != "report"
        self.query_one("#import-again").display = view == "report"
        for widget in self.query("#import-form Input, #import-form Checkbox, #import-start"):
            widget.disabled = view == "running"

    def _value(self, field_id: str) -> str | None:
        value = self.query_one(f"#{field_id}", Input).value.strip()
        return value or None

    def options(self) -> tuple[Path, ImportOptions, Path | None] | str:
        """The file, the options and the folder on the form, or what is wrong with them."""
        from trainer.formats.model import ImportOptions

        path = self._value("import-path")
        if path is None:
            return "File: give the path to the file to import."
        to = self._value("import-to")
        options = ImportOptions(
            self._value("import-id"),
            self.query_one("#import-progress", Checkbox).value,
            # a separator that is spaces is meant as it is
            self.query_one("#import-separator", Input).value or None,
            self.query_one("#import-rows", Input).value or None,
        )
        return Path(path).expanduser(), options, Path(to).expanduser() if to else None

    def action_start(self) -> None:
        """Import the file on the form, with its options."""
        if self.running or not self.query_one("#import-form").display:
            return
        asked = self.options()
        if isinstance(asked, str):
            self._error(TrainerError(asked))
            return
        path, options, to = asked
        self.running = True
        self._error(None)
        self._show("running")
        self.query_one("#import-bar", ProgressBar).update(total=1000, progress=0)
        self.query_one("#import-phase", Static).update(
            Text(visible(f"{path.name}: starting", one_line=True))
        )
        self._import(path, options, to)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: Path, options: ImportOptions, to: Path | None) -> None:
        def progress(step: ImportStep) -> None:
            self.app.call_from_thread(self._progress, path, step)

        try:
            report = self.tapp.workspace.import_file(path, options, to, progress=progress)
        except TrainerError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        except Exception as exc:  # never a traceback on screen
            self.app.call_from_thread(
                self._failed, TrainerError(f"unexpected failure: {exc!r}", "please report it")
            )
            return
        self.app.call_from_thread(self._done, report)

    def _progress(self, path: Path, step: ImportStep) -> None:
        self.query_one("#import-bar", ProgressBar).update(
            total=1000, progress=round(step.fraction * 1000)
        )
        phase = "done" if step.fraction >= 1 else PHASE_TEXT.get(step.phase, step.phase)
        self.query_one("#import-phase", Static).update(
            Text(visible(f"{path.name}: {phase}", one_line=True))
        )

    def _failed(self, exc: TrainerError) -> None:
        self.running = False
        self._show("form")
        self._error(exc)
        self.query_one("#import-path", Input).focus()

    def _error(self, exc: TrainerError | None) -> None:
        text = Text()
        if exc is not None:
            text.append(visible(exc.message), style="bold red")
            if exc.hint:
                text.append("\n" + visible(exc.hint), style="italic")
        error = self.query_one("#import-error", Static)
        error.update(text)
        error.display = exc is not None

    def _done(self, report: ImportReport) -> None:
        self.running = False
        self.imported = True
        text = Text()
        for kind, line in report.lines(SKIPPED_SHOWN):
            if text:
                text.append("\n")
            text.append(visible(line), style=_STYLES.get(kind, ""))
        text.append("\nThe decks are on the home screen.", style="dim")
        self.query_one("#import-result", Static).update(text)
        self._show("report")
        self.query_one("#import-report").scroll_home(animate=False)
        self.query_one("#import-close", Button).focus()
        self.tapp.refresh_home()

    def action_again(self) -> None:
        """Back to the form, for another file (the options stay as they were)."""
        if self.running:
            return
        self.query_one("#import-path", Input).value = ""
        self._show("form")
        self.query_one("#import-path", Input).focus()

    def action_scroll(self, pages: int) -> None:
        """Scroll the report (or the form, before it) by a page, wherever the focus is."""
        report = self.query_one("#import-report", VerticalScroll)
        view = report if report.display else self.query_one("#import-form", VerticalScroll)
        if pages > 0:
            view.scroll_page_down()
        else:
            view.scroll_page_up()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "import-start":
            self.action_start()
        elif event.button.id == "import-again":
            self.action_again()
        else:
            self.action_close()

    def action_close(self) -> None:
        """Close the dialog (an import under way finishes first)."""
        if self.running:
            self.notify("The import is still running; a moment.")
            return
        self.dismiss(self.imported)
