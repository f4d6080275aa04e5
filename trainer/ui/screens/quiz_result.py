"""The end of a quiz: score, pass or fail, the breakdown, and every mistake reviewed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from trainer.core.quiz.model import QuestionType
from trainer.core.quiz.run import Result
from trainer.core.textsafe import visible
from trainer.ui.footer import KeysFooter
from trainer.ui.guard import guarded
from trainer.ui.screens.quiz import DIM, RIGHT, TYPES, WRONG, diff_text

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp


def _minutes(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


class QuizResultScreen(Screen[None]):
    """How the quiz went; one key sends the missed cards into relearning."""

    BINDINGS = [
        Binding("r", "relearn", "Relearn missed", tooltip="(the cards you missed come back today)"),
        Binding("escape,enter", "back", "Decks", tooltip="(back to the decks)"),
    ]

    def __init__(self, result: Result, title: str) -> None:
        super().__init__()
        self.result = result
        self.quiz_title = title
        self.relearned = False

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="result-body"):
            yield Static(self._summary(), id="result-summary")
            yield Static(self._breakdown(), id="result-breakdown")
            yield Static(self._mistakes(), id="result-mistakes")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Result: " + visible(self.quiz_title, one_line=True)

    def _summary(self) -> Text:
        r = self.result
        text = Text()
        verdict = ("PASSED", RIGHT) if r.passed else ("NOT PASSED", WRONG)
        text.append(f"{r.right} of {r.total} right: {r.score:.0%}   ", style="bold")
        text.append(verdict[0], style=verdict[1])
        text.append(f"   (pass mark {r.pass_mark:.0%})\n", style=DIM)
        text.append(f"Time taken: {_minutes(r.seconds)}", style=DIM)
        if r.timed_out:
            text.append(
                f"   The time ran out: {r.unanswered} unanswered counted as wrong.", style=WRONG
            )
        elif r.unanswered:
            text.append(f"   {r.unanswered} left unanswered counted as wrong.", style=WRONG)
        return text

    def _breakdown(self) -> Table:
        table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
        table.add_column("By kind")
        table.add_column("right", justify="right")
        table.add_column("By question type")
        table.add_column("right", justify="right")
        kinds = list(self.result.by_kind.items())
        types = list(self.result.by_type.items())
        for i in range(max(len(kinds), len(types))):
            row: list[str] = []
            for items, names in ((kinds, None), (types, TYPES)):
                if i < len(items):
                    name, (right, asked) = items[i]
                    label = names[QuestionType(name)] if names else name
                    row += [label, f"{right}/{asked}"]
                else:
                    row += ["", ""]
            table.add_row(*row)
        return table

    def _mistakes(self) -> Text:
        mistakes = self.result.mistakes
        text = Text()
        if not mistakes:
            text.append("No mistakes. Well done.", style=RIGHT)
            return text
        text.append(
            f"Mistakes ({len(mistakes)}), each with the right answer and its source:\n",
            style="bold",
        )
        for n, a in enumerate(mistakes, 1):
            q, v = a.question, a.verdict
            text.append(f"\n{n}. ", style="bold")
            text.append(visible(q.prompt) + "\n")
            if q.type is QuestionType.TIMELINE:
                text.append("   Your order: ", style=DIM)
                text.append(visible(v.given) + "\n", style=WRONG)
            else:
                text.append("   You gave: ", style=DIM)
                text.append(visible(v.given) or "nothing (not answered)", style=WRONG)
                text.append("\n")
            text.append("   Right answer: ", style=DIM)
            text.append(visible(v.expected) + "\n", style=RIGHT)
            if q.type is QuestionType.TYPED and v.diff and v.given:
                text.append("   Difference: ", style=DIM)
                text.append_text(diff_text(v))
                text.append("\n")
            if q.explanation:
                text.append("   " + visible(q.explanation) + "\n", style=DIM)
            if q.source:
                text.append("   Source: " + visible(q.source) + "\n", style=DIM)
        text.append("\nr sends the cards you missed into relearning; Esc goes back.", style=DIM)
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Relearning makes sense once, and only with mistakes."""
        if action == "relearn":
            return bool(self.result.mistakes) and not self.relearned
        return True

    @guarded("The missed cards were not sent to relearning")
    def action_relearn(self) -> None:
        """Answer Again for every missed card that has been studied: it comes back today."""
        if self.relearned or not self.result.mistakes:
            return
        sent, new = self.tapp.workspace.relearn(self.result, self.tapp.rng)
        self.relearned = True
        self.refresh_bindings()
        message = f"{sent} card{'s' if sent != 1 else ''} sent into relearning"
        if new:
            message += f"; {new} never studied stay{'s' if new == 1 else ''} with the new cards"
        self.notify(message + ".")

    def action_back(self) -> None:
        """Back to the decks."""
        self.dismiss()
