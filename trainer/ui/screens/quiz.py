"""The quiz screen: one question at a time, its reply, the verdict, and the clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from trainer.core.quiz.model import QuestionType, Verdict
from trainer.core.quiz.run import QuizRun
from trainer.core.textsafe import visible
from trainer.ui.footer import KeysFooter
from trainer.ui.screens.dialogs import ConfirmDialog

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp

RIGHT, WRONG, DIM = "bold #5fd75f", "bold #ff5f5f", "dim"
TYPES = {
    QuestionType.CHOICE: "Multiple choice",
    QuestionType.TYPED: "Type the answer",
    QuestionType.TRUE_FALSE: "True or false",
    QuestionType.TIMELINE: "Timeline",
}


def clock_text(seconds: float) -> str:
    """'12:05' for a countdown."""
    seconds = max(0, int(seconds + 0.999))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def diff_text(verdict: Verdict) -> Text:
    """A typed reply against the answer: missing parts underlined, extra ones struck."""
    text = Text()
    for piece, tag in verdict.diff:
        style = {"same": "", "missing": "bold underline #5fd75f", "extra": "strike #ff5f5f"}.get(
            tag, ""
        )
        text.append(visible(piece), style=style)
    return text


class QuizScreen(Screen[None]):
    """A quiz or a timed exam. Its result is shown, and saved, when it ends."""

    BINDINGS = [
        Binding("1", "choose(0)", "1st", show=False),
        Binding("2", "choose(1)", "2nd", show=False),
        Binding("3", "choose(2)", "3rd", show=False),
        Binding("4", "choose(3)", "4th", show=False),
        Binding("t", "truth(True)", "True", tooltip="(the statement is true)"),
        Binding("f", "truth(False)", "False", tooltip="(the statement is false)"),
        Binding(
            "shift+up,left_square_bracket", "move(-1)", "Up", tooltip="(move the event earlier)"
        ),
        Binding(
            "shift+down,right_square_bracket", "move(1)", "Down", tooltip="(move the event later)"
        ),
        Binding("enter", "submit", "Answer", tooltip="(give this reply)"),
        Binding("o", "overrule", "I was right", tooltip="(count this typed answer as right)"),
        Binding("space", "next", "Next", tooltip="(the next question)"),
        Binding("escape", "end", "End quiz", tooltip="(unanswered questions count as wrong)"),
    ]

    def __init__(self, run: QuizRun, title: str, on_finish: object) -> None:
        super().__init__()
        self.run = run
        self.quiz_title = title
        self._on_finish = on_finish
        self.verdict: Verdict | None = None
        self.order: list[int] = []
        self._timer: Timer | None = None

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="quiz-status"):
            yield ProgressBar(id="quiz-progress", show_eta=False, show_percentage=False)
            yield Static(id="quiz-count")
            yield Static(id="quiz-clock")
        with VerticalScroll(id="quiz-card"):
            yield Static(id="quiz-type")
            yield Static(id="quiz-prompt")
            yield OptionList(id="quiz-options")
            yield Input(id="quiz-input", placeholder="Type your answer, then Enter")
            yield Static(id="quiz-verdict")
        yield Static(id="quiz-keys")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = visible(self.quiz_title, one_line=True)
        # the verdict's text is laid out after it is set: follow the card's size
        self.watch(self.query_one("#quiz-card"), "virtual_size", self._verdict_in_view, init=False)
        if self.run.minutes is not None:
            self._timer = self.set_interval(1.0, self.tick)
        self.show_question()

    # -- showing ------------------------------------------------------------

    def show_question(self) -> None:
        """Show the current question, or end the quiz when there is none."""
        q = self.run.current
        if q is None:
            self._finish()
            return
        self.verdict = None
        done = self.run.position
        total = len(self.run.questions)
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#quiz-count", Static).update(Text(f"Question {done + 1} of {total}"))
        self.tick()
        kind = f"  ·  {q.kind}" if q.kind and q.kind != "other" else ""
        self.query_one("#quiz-type", Static).update(Text(TYPES[q.type] + kind, style=DIM))
        self.query_one("#quiz-prompt", Static).update(Text(visible(q.prompt)))
        options = self.query_one(OptionList)
        box = self.query_one(Input)
        options.clear_options()
        box.value = ""
        box.disabled = False
        options.display = q.type is not QuestionType.TYPED
        box.display = q.type is QuestionType.TYPED
        if q.type is QuestionType.CHOICE:
            options.add_options(
                [Option(Text(f"{i + 1}  {visible(c)}"), id=str(i)) for i, c in enumerate(q.choices)]
            )
        elif q.type is QuestionType.TRUE_FALSE:
            options.add_options(
                [Option(Text("True  (t)"), id="t"), Option(Text("False  (f)"), id="f")]
            )
        elif q.type is QuestionType.TIMELINE:
            self.order = list(range(len(q.choices)))
            self._show_order()
        verdict = self.query_one("#quiz-verdict", Static)
        verdict.update("")
        verdict.display = False
        self._show_keys()
        self.query_one("#quiz-card").scroll_home(animate=False)
        # the question stays in view: the options scroll inside their own box
        if q.type is QuestionType.TYPED:
            box.focus(scroll_visible=False)
        else:
            options.highlighted = 0
            options.focus(scroll_visible=False)
        self.call_after_refresh(self._fit_options)
        self.refresh_bindings()

    def _fit_options(self) -> None:
        """Give the options the card's room below the question, at least four lines."""
        card = self.query_one("#quiz-card")
        options = self.query_one(OptionList)
        above = sum(
            w.outer_size.height
            for w in (self.query_one("#quiz-type"), self.query_one("#quiz-prompt"))
        )
        room = card.scrollable_content_region.height - above
        options.styles.max_height = max(4, min(12, room))

    def _show_order(self) -> None:
        q = self.run.current
        assert q is not None
        options = self.query_one(OptionList)
        keep = options.highlighted or 0
        options.clear_options()
        options.add_options(
            [
                Option(Text(f"{n + 1}. {visible(q.choices[i])}"), id=str(i))
                for n, i in enumerate(self.order)
            ]
        )
        options.highlighted = min(keep, len(self.order) - 1)

    def _show_keys(self) -> None:
        q = self.run.current
        if q is None:
            return
        if self.verdict is not None:
            keys = "Space: next question"
            if q.type is QuestionType.TYPED and not self.verdict.correct:
                keys += "   o: I was right"
        elif q.type is QuestionType.CHOICE:
            keys = "1–4 or ↑↓ Enter: choose"
        elif q.type is QuestionType.TRUE_FALSE:
            keys = "t: true   f: false"
        elif q.type is QuestionType.TIMELINE:
            keys = "↑↓ select   Shift+↑↓ or [ ]: move   Enter: done"
        else:
            keys = "Enter: answer"
        # the footer shows Esc too: it goes from this line first when the line is narrow
        room = self.size.width - 4
        if len(keys) + 20 <= room:
            keys += "   Esc: end the quiz"
        elif len(keys) > room:
            keys = keys.replace("   ", "  ").replace(" or ", "/")
        self.query_one("#quiz-keys", Static).update(Text(keys, style=DIM))

    def _show_verdict(self, verdict: Verdict) -> None:
        q = self.run.current
        assert q is not None
        text = Text()
        if verdict.correct:
            text.append("✓ Right" + (" (you said so)" if verdict.overruled else ""), style=RIGHT)
            if verdict.reason and not verdict.overruled:
                text.append(f"  ({visible(verdict.reason)})", style=DIM)
        else:
            text.append("✗ Not quite", style=WRONG)
            if verdict.reason:
                text.append(f"  ({visible(verdict.reason)})", style=DIM)
        if not verdict.correct or q.type is QuestionType.TYPED:
            text.append("\nThe answer: ", style=DIM)
            text.append(visible(verdict.expected), style="bold")
        if q.type is QuestionType.TYPED and verdict.diff and not verdict.correct:
            text.append("\nYour reply against it: ", style=DIM)
            text.append_text(diff_text(verdict))
        if q.explanation and (q.type is QuestionType.TRUE_FALSE or not verdict.correct):
            text.append("\n" + visible(q.explanation), style=DIM)
        if q.source:
            text.append("\nSource: " + visible(q.source), style=DIM)
        shown = self.query_one("#quiz-verdict", Static)
        shown.update(text)
        shown.display = True
        self.query_one(Input).disabled = True
        self._show_keys()
        self.refresh_bindings()
        # once the layout has made room for the verdict, and again as it grows
        self.call_after_refresh(self._verdict_in_view)

    def _verdict_in_view(self, *_: object) -> None:
        """Bring the verdict into view: its first lines, and as much of it as fits."""
        if self.verdict is None:
            return
        card = self.query_one("#quiz-card")
        verdict = self.query_one("#quiz-verdict")
        card.scroll_to_widget(
            verdict, animate=False, top=verdict.outer_size.height > card.size.height
        )

    def tick(self) -> None:
        """Show the time left; at zero the quiz ends."""
        now = self.tapp.clock.now()
        left = self.run.time_left(now)
        clock = self.query_one("#quiz-clock", Static)
        if left is None:
            clock.update("")
            return
        clock.update(Text(f"⏱ {clock_text(left)} left", style=WRONG if left < 60 else "bold"))
        if left <= 0 and self.run.result is None:
            self._finish()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#quiz-keys").display = event.size.height >= 12
        self._show_keys()
        self.call_after_refresh(self._fit_options)

    # -- replying -----------------------------------------------------------

    def _reply(self, reply: object) -> None:
        if self.run.current is None or self.verdict is not None:
            return
        now = self.tapp.clock.now()
        if self.run.expired(now):
            self._finish()
            return
        self.verdict = self.run.reply(reply, now)  # type: ignore[arg-type]
        self._mark_options(reply)
        self._show_verdict(self.verdict)

    def _mark_options(self, reply: object) -> None:
        """Once answered, the options say which was right and which was chosen.

        The card then takes the focus, so the arrow keys scroll to the verdict.
        """
        q = self.run.current
        assert q is not None
        options = self.query_one(OptionList)
        rows: list[tuple[str, bool, bool]] = []  # (label, right, chosen)
        if q.type is QuestionType.CHOICE:
            rows = [
                (f"{i + 1}  {visible(c)}", i in q.correct, i == reply)
                for i, c in enumerate(q.choices)
            ]
        elif q.type is QuestionType.TRUE_FALSE:
            truth = q.answer == "True"
            rows = [
                (label, v is truth, v is reply) for v, label in ((True, "True"), (False, "False"))
            ]
        if rows:
            options.clear_options()
            options.add_options(
                [
                    Option(
                        Text(
                            f"{'✓' if right else '✗' if chosen else ' '} {label}",
                            style=RIGHT if right else WRONG if chosen else DIM,
                        )
                    )
                    for label, right, chosen in rows
                ]
            )
        options.highlighted = None
        self.query_one("#quiz-card").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key where it means something: choices for choice questions, and so on."""
        q = self.run.current
        if q is None:
            return action == "end"
        answering = self.verdict is None
        if action == "choose":
            return answering and q.type is QuestionType.CHOICE
        if action == "truth":
            return answering and q.type is QuestionType.TRUE_FALSE
        if action == "move":
            return answering and q.type is QuestionType.TIMELINE
        if action == "submit":
            return True
        if action == "overrule":
            return (
                self.verdict is not None
                and q.type is QuestionType.TYPED
                and not self.verdict.correct
            )
        if action == "next":
            return not answering
        return True

    def action_choose(self, index: int) -> None:
        """Choose option ``index`` of a multiple-choice question."""
        q = self.run.current
        if q is not None and q.type is QuestionType.CHOICE and index < len(q.choices):
            self._reply(index)

    def action_truth(self, value: bool) -> None:
        """Say the statement is true or false."""
        self._reply(value)

    def action_move(self, step: int) -> None:
        """Move the highlighted event earlier or later in the timeline."""
        options = self.query_one(OptionList)
        at = options.highlighted
        if at is None:
            return
        to = at + step
        if 0 <= to < len(self.order):
            self.order[at], self.order[to] = self.order[to], self.order[at]
            options.highlighted = to
            self._show_order()
            options.highlighted = to

    def action_submit(self) -> None:
        """Give the reply on screen (Enter), or go on once the verdict shows."""
        q = self.run.current
        if q is None:
            return
        if self.verdict is not None:
            self.action_next()
            return
        options = self.query_one(OptionList)
        if q.type is QuestionType.TYPED:
            self._reply(self.query_one(Input).value)
        elif q.type is QuestionType.TIMELINE:
            self._reply(list(self.order))
        elif options.highlighted is not None:
            chosen = options.get_option_at_index(options.highlighted).id or ""
            if q.type is QuestionType.TRUE_FALSE:
                self._reply(chosen == "t")
            else:
                self._reply(int(chosen))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter on the options: choose the highlighted one, hand in the order,
        # or, once the verdict shows, go on.
        event.stop()
        self.action_submit()

    def action_overrule(self) -> None:
        """The learner's "I was right" for a typed answer the grader refused."""
        if self.verdict is None or self.verdict.correct:
            return
        self.verdict = self.run.overrule()
        self._show_verdict(self.verdict)

    def action_next(self) -> None:
        """On to the next question."""
        if self.verdict is None:
            return
        self.run.next(self.tapp.clock.now())
        self.show_question()

    def action_end(self) -> None:
        """End the quiz early, after asking."""
        if self.run.result is not None:
            return
        left = len(self.run.questions) - len(self.run.answered)

        def decided(yes: bool | None) -> None:
            if yes:
                self._finish()

        if left:
            self.app.push_screen(
                ConfirmDialog(
                    "End the quiz now?",
                    f"{left} question{'s' if left != 1 else ''} not answered will count as wrong.",
                    "End the quiz",
                ),
                decided,
            )
        else:
            self._finish()

    def _finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.run.result is None:
            self.run.finish(self.tapp.clock.now())
        callback = self._on_finish
        self._on_finish = None
        if callback is not None:
            callback(self)  # type: ignore[operator]
