"""Modal screens: help with every key, and a dialog for blocking errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from trainer.core.textsafe import visible

if TYPE_CHECKING:
    from trainer.store.backup import Backup
from trainer.ui.keys import binding_text, keys_of


class HelpScreen(ModalScreen[None]):
    """The keys of the screen underneath, and the app's own."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(
        self, under: Screen[object], screens: list[tuple[str, type[Screen[object]]]] | None = None
    ) -> None:
        super().__init__()
        self.under = under
        self.screens = screens or []

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold #5fafff", no_wrap=True)
        table.add_column()
        sections: list[tuple[str, list[object]]] = []
        here = next((name for name, kind in self.screens if isinstance(self.under, kind)), "")
        sections.append((f"This screen{f': {here}' if here else ''}", list(self.under.BINDINGS)))
        sections.append(("Everywhere", list(self.app.BINDINGS)))
        sections += [(name, list(kind.BINDINGS)) for name, kind in self.screens if name != here]
        for i, (name, bindings) in enumerate(sections):
            table.add_row(Text(("\n" if i else "") + name, style="bold"), "")
            for b in bindings:
                if isinstance(b, Binding) and b.description and b.key != "ctrl+c":
                    table.add_row(keys_of(b), binding_text(b))
            if name == "Everywhere":
                table.add_row("Ctrl+C", "Quit")
                table.add_row("Ctrl+P", "Command palette: every action by name")
        with Vertical(id="help-box"):
            yield Static(Text("Keys of every screen", style="bold"), id="help-title")
            with VerticalScroll():
                yield Static(table)
            yield Static(
                Text("Every answer is saved the moment you give it.  Esc closes this.", style="dim")
            )


class ErrorDialog(ModalScreen[None]):
    """A blocking error: what happened, and what to do."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("enter", "dismiss", "Close", show=False),
    ]

    def __init__(self, title: str, message: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Text(self.title_text, style="bold red"), id="error-title")
            yield Static(Text(visible(self.message)))
            if self.hint:
                yield Static(Text(visible(self.hint), style="italic"), id="error-hint")
            yield Button("OK", variant="error", id="error-ok")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss()


class DamageDialog(ModalScreen[None]):
    """The profile database failed its integrity check: say so, and offer the latest backup."""

    BINDINGS = [Binding("escape", "dismiss", "Not now")]

    def __init__(self, problems: list[str], latest: list[Backup]) -> None:
        super().__init__()
        self.problems = problems
        self.latest = latest[0] if latest else None

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Text("The profile database is damaged", style="bold red"))
            text = Text("SQLite's integrity check found:\n")
            for problem in self.problems[:3]:
                text.append(f"• {visible(problem)}\n")
            yield Static(text)
            if self.latest is not None:
                b = self.latest
                yield Static(
                    Text(
                        f"The latest backup is from {b.made.astimezone():%d %B %Y, %H:%M}"
                        f" and holds {b.answers} answers. Restoring it first backs up what is"
                        " there now.",
                        style="italic",
                    ),
                    id="error-hint",
                )
                yield Button("Restore the latest backup", variant="warning", id="restore")
            else:
                yield Static(
                    Text("There is no backup of this profile yet.", style="italic"),
                    id="error-hint",
                )
            yield Button("Not now", id="not-now")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "restore" and self.latest is not None:
            path = self.latest.path
            self.dismiss()
            self.app.restore_backup(path)  # type: ignore[attr-defined]
        else:
            self.dismiss()


class ConfirmDialog(ModalScreen[bool]):
    """A yes-or-no question; Enter says yes, Esc says no."""

    BINDINGS = [
        Binding("escape", "no", "No"),
        Binding("enter", "yes", "Yes", show=False),
    ]

    def __init__(self, title: str, message: str, yes: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Text(self.title_text, style="bold"))
            yield Static(Text(visible(self.message)))
            yield Button(self.yes, variant="warning", id="confirm-yes")
            yield Button("Go back", id="confirm-no")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")
