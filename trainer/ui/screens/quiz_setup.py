"""Choosing a quiz from the home screen: how many questions, a time limit, which types."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from trainer.core.textsafe import visible

TYPE_LABELS = (
    ("choice", "Multiple choice"),
    ("typed", "Typed answers"),
    ("truefalse", "True or false"),
    ("timeline", "Timelines"),
)


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """What a quiz asks: decks (as named), how many questions, minutes, types, seed."""

    decks: tuple[str, ...]
    count: int = 20
    minutes: float | None = None
    types: tuple[str, ...] = ("choice", "typed", "truefalse", "timeline")
    seed: int | None = None


class QuizSetup(ModalScreen[QuizOptions | None]):
    """A small form; Enter starts the quiz, Esc goes back."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "start", "Start", show=False),
    ]

    def __init__(self, decks: tuple[str, ...], title: str) -> None:
        super().__init__()
        self.decks = decks
        self.quiz_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="setup-box"):
            yield Static(Text("Quiz: " + visible(self.quiz_title, one_line=True), style="bold"))
            with Horizontal(classes="setup-row"):
                yield Static("Questions", classes="setup-label")
                yield Input("20", id="setup-count", type="integer", max_length=3)
            with Horizontal(classes="setup-row"):
                yield Static("Minutes", classes="setup-label")
                yield Input("", id="setup-minutes", type="number", placeholder="none", max_length=5)
            for value, label in TYPE_LABELS:
                yield Checkbox(label, True, id=f"setup-{value}")
            yield Static(id="setup-error")
            with Horizontal(id="setup-buttons"):
                yield Button("Start", variant="primary", id="setup-start")
                yield Button("Cancel", id="setup-cancel")

    def on_mount(self) -> None:
        self.query_one("#setup-count", Input).focus()

    def _options(self) -> QuizOptions | str:
        """The options, or what is wrong with the form."""
        count_text = self.query_one("#setup-count", Input).value.strip()
        minutes_text = self.query_one("#setup-minutes", Input).value.strip()
        try:
            count = int(count_text)
        except ValueError:
            return "Questions: give a whole number from 1 to 500."
        if not 1 <= count <= 500:
            return "Questions: give a whole number from 1 to 500."
        minutes = None
        if minutes_text:
            try:
                minutes = float(minutes_text)
            except ValueError:
                return "Minutes: give a number from 1 to 600, or leave it empty."
            if not 0 < minutes <= 600:
                return "Minutes: give a number from 1 to 600, or leave it empty."
        types = tuple(v for v, _ in TYPE_LABELS if self.query_one(f"#setup-{v}", Checkbox).value)
        if not types:
            return "Choose at least one kind of question."
        return QuizOptions(self.decks, count, minutes, types)

    def action_start(self) -> None:
        """Start with the options on the form, when they are sound."""
        options = self._options()
        if isinstance(options, str):
            self.query_one("#setup-error", Static).update(Text(options, style="bold red"))
            return
        self.dismiss(options)

    def action_cancel(self) -> None:
        """Back without a quiz."""
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "setup-start":
            self.action_start()
        else:
            self.action_cancel()
