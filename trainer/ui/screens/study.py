"""The study screen: question, reveal, grade, next; undo, bury, suspend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, ProgressBar, Static

from trainer.core.errors import TrainerError
from trainer.core.model import Rating
from trainer.core.scheduler import format_interval
from trainer.core.session import Presented, Segments, Session, describe_due
from trainer.core.textsafe import visible
from trainer.core.when import When, parse_when
from trainer.ui.footer import KeysFooter
from trainer.ui.guard import attempt, guarded

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp

GRADES = (
    (Rating.AGAIN, "Again", "again"),
    (Rating.HARD, "Hard", "hard"),
    (Rating.GOOD, "Good", "good"),
    (Rating.EASY, "Easy", "easy"),
)
HIGHLIGHT = "bold #5fafff"
NARROW = 80
"""Below this width the grade buttons show their key and interval only."""
SHORT = 20
"""Below this height the buttons lose their borders."""


def segments_text(segments: Segments) -> Text:
    """Card text as a Rich Text: always literal, never parsed as markup, controls visible."""
    text = Text()
    for chunk, highlighted in segments:
        text.append(visible(chunk), style=HIGHLIGHT if highlighted else "")
    return text


def _minutes(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"


class StudyScreen(Screen[None]):
    """Today's queue, one card at a time. Every answer is saved before the next card."""

    BINDINGS = [
        Binding("space,enter", "reveal", "Show answer", key_display="Space"),
        Binding("1", "grade(1)", "Again", tooltip="(forgot it)"),
        Binding("2", "grade(2)", "Hard", tooltip="(recalled with effort)"),
        Binding("3", "grade(3)", "Good", tooltip="(recalled)"),
        Binding("4", "grade(4)", "Easy", tooltip="(recalled at once)"),
        Binding("u", "undo", "Undo", tooltip="the last answer, bury or suspend"),
        Binding("b", "bury", "Bury", tooltip="(hide this card until tomorrow)"),
        Binding("s", "suspend", "Suspend", tooltip="(take this card out of study)"),
        Binding("escape", "back", "Decks", tooltip="(back to the list; progress is saved)"),
    ]

    def __init__(self, session: Session, title: str) -> None:
        super().__init__()
        self.session = session
        self.deck_title = title
        self.revealed = False

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="study-status"):
            yield ProgressBar(id="study-progress", show_eta=False, show_percentage=False)
            yield Static(id="study-done")
            yield Static(id="study-counts")
        with VerticalScroll(id="study-card"):
            yield Static(id="study-meta")
            yield Static(id="study-question")
            yield Static(id="study-divider")
            yield Static(id="study-answer")
            yield Static(id="study-info")
        with Vertical(id="study-summary"):
            yield Static(id="summary-text")
        with Horizontal(id="study-actions"):
            yield Button(Text("Show answer  (Space)"), id="reveal", variant="primary")
            for rating, label, css in GRADES:
                yield Button(Text(label), id=f"grade-{int(rating)}", classes=f"grade {css}")
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.tapp.plain:
            self.add_class("-plain")
        self.sub_title = visible(self.deck_title, one_line=True)
        self.show_card()

    # -- showing -------------------------------------------------------------

    @guarded("Cannot show the card")
    def show_card(self) -> None:
        """Show the session's current card (question side), or the summary."""
        self.revealed = False
        p = self.session.current
        self._update_status()
        self.query_one("#study-card").display = p is not None
        self.query_one("#study-summary").display = p is None
        if p is None:
            self._show_summary()
        else:
            self._show_question(p)
        self._update_actions()
        self.refresh_bindings()
        if p is not None:
            # Tidy the store once this card is on screen and the learner is reading.
            self.call_after_refresh(self._idle)

    def _idle(self) -> None:
        """While the learner reads: tidy the store, and back up when one is due."""
        try:
            self.session.idle()
        except TrainerError as exc:
            self.notify(f"{exc.message}.", severity="warning")
        self.tapp.backup_in_background()

    def _show_question(self, p: Presented) -> None:
        kind = p.card.kind.value
        label = {"new": "New card", "learn": "Learning", "review": "Review"}[p.origin]
        meta = Text(
            label, style={"new": "#5fafff", "learn": "#ff8700", "review": "#5fd75f"}[p.origin]
        )
        meta.append(f"  ·  {kind}" if kind != "other" else "", style="dim")
        if p.card.draft:
            # a generated card nobody has checked against its source yet
            meta.append("  ·  draft, not reviewed", style="bold #ff8700")
        self.query_one("#study-meta", Static).update(meta)
        self.query_one("#study-question", Static).update(segments_text(p.question))
        self.query_one("#study-divider", Static).update("")
        self.query_one("#study-answer", Static).update("")
        self.query_one("#study-info", Static).update("")
        self.query_one("#study-card").scroll_home(animate=False)

    def _show_answer(self, p: Presented) -> None:
        self.query_one("#study-divider", Static).update(Text("─" * 24, style="dim"))
        self.query_one("#study-answer", Static).update(segments_text(p.answer))
        c = p.card
        info = Text()
        lines: list[tuple[str, str]] = []
        if c.accept:
            lines.append(("Other answers: ", " · ".join(c.accept)))
        when = parse_when(c.when) if c.when else None
        if isinstance(when, When):
            lines.append(("When: ", when.label))
        if c.note:
            lines.append(("Note: ", c.note))
        if c.source:
            lines.append(("Source: ", c.source))
        for i, (head, body) in enumerate(lines):
            if i:
                info.append("\n")
            info.append(head, style="dim bold")
            info.append(visible(body), style="dim")
        self.query_one("#study-info", Static).update(info)

    def _update_status(self) -> None:
        done, total = self.session.progress
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done if total else 1)
        self.query_one("#study-done", Static).update(Text(f"{done}/{total}"))
        c = self.session.counts
        counts = Text()
        counts.append(f"New {c.new}", style="bold #5fafff" if c.new else "dim")
        counts.append("  ·  ", style="dim")
        counts.append(f"Learning {c.learning}", style="bold #ff8700" if c.learning else "dim")
        counts.append("  ·  ", style="dim")
        counts.append(f"Due {c.review}", style="bold #5fd75f" if c.review else "dim")
        self.query_one("#study-counts", Static).update(counts)

    def _update_actions(self) -> None:
        p = self.session.current
        reveal = self.query_one("#reveal", Button)
        reveal.display = p is not None and not self.revealed
        width = self.size.width
        reveal.label = Text("Show answer  (Space)" if width >= NARROW else "Show (Space)")
        for rating, label, _ in GRADES:
            button = self.query_one(f"#grade-{int(rating)}", Button)
            button.display = p is not None and self.revealed
            if p is not None:
                interval = format_interval(p.intervals[rating])
                # Narrow terminals: the key and the interval are what a learner needs.
                text = (
                    f"{int(rating)} {label} · {interval}"
                    if width >= NARROW
                    else f"{int(rating)} {interval}"
                )
                button.label = Text(text)

    def on_resize(self, event: events.Resize) -> None:
        short = event.size.height < SHORT
        for button in self.query(Button):
            button.compact = short
        self._update_actions()

    def _show_summary(self) -> None:
        now = self.tapp.clock.now()
        s = self.session.summary(now)
        text = Text()
        if s.studied:
            text.append("Done for now.\n\n", style="bold")
        else:
            text.append("Nothing to study right now.\n\n", style="bold")
        text.append("Cards studied  ", style="dim")
        text.append(f"{s.studied}\n")
        text.append("Again          ", style="dim")
        text.append(
            f"{s.again}" + (f" ({round(100 * s.again / s.studied)}%)" if s.studied else "") + "\n"
        )
        text.append("Time spent     ", style="dim")
        text.append(_minutes(s.seconds) + "\n\n")
        text.append(describe_due(s.next_due, now, self.tapp.clock.tz))
        if s.learning_later:
            text.append(
                f"\n{s.learning_later} learning card{'s' if s.learning_later != 1 else ''} will be back later today.",
                style="dim",
            )
        text.append("\n\nEsc: back to the decks   u: undo the last answer   q: quit", style="dim")
        self.query_one("#summary-text", Static).update(text)

    # -- actions -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reveal before the answer shows, grades after; nothing once the queue is empty."""
        has_card = self.session.current is not None
        if action == "reveal":
            return has_card and not self.revealed
        if action == "grade":
            return has_card and self.revealed
        if action in ("bury", "suspend"):
            return has_card
        if action == "undo":
            return self.session.can_undo
        return True

    def _act(self, call: Callable[[datetime], object], failed: str, done: str = "") -> None:
        """Run one session action at the clock's now, then show the next card.

        A store error (the profile kept busy by another process, say) shows a
        dialog and leaves the card on screen: nothing was saved.
        """
        now = self.tapp.clock.now()
        ok, _ = attempt(self, lambda: call(now), failed, self.show_card)
        if not ok:
            return
        self.show_card()
        if done:
            self.notify(done)

    def action_reveal(self) -> None:
        """Show the answer and the grade buttons."""
        p = self.session.current
        if p is None or self.revealed:
            return
        self.revealed = True
        self._show_answer(p)
        self._update_actions()
        self.refresh_bindings()

    def action_grade(self, value: int) -> None:
        """Grade the card; the answer is committed before the next card shows."""
        if self.session.current is not None and self.revealed:
            self._act(
                lambda now: self.session.answer(Rating(value), now), "Your answer was not saved"
            )
            leech = self.session.leech
            if leech is not None:
                # Said in words, not by colour alone.
                self.notify(
                    f"Leech: that card has been forgotten {leech.lapses} times"
                    + (" and is suspended." if leech.suspended else " and is marked as a leech.")
                    + " Rewrite it, or press u to undo; the browser (is:leech) finds it.",
                    title="Leech",
                    severity="warning",
                    timeout=10,
                )

    def action_undo(self) -> None:
        """Take back the last answer, bury or suspend."""
        if not self.session.can_undo:
            self.notify("Nothing to undo.")
            return
        self._act(self.session.undo, "Nothing was undone", "Undone: the card is back as it was.")

    def action_bury(self) -> None:
        """Hide the card until tomorrow."""
        if self.session.current is not None:
            self._act(
                self.session.bury, "The card was not buried", "Buried until tomorrow (u undoes)."
            )

    def action_suspend(self) -> None:
        """Take the card out of study."""
        if self.session.current is not None:
            self._act(self.session.suspend, "The card was not suspended", "Suspended (u undoes).")

    def action_back(self) -> None:
        """Back to the decks (progress is already saved)."""
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button == "reveal":
            self.action_reveal()
        elif button.startswith("grade-"):
            self.action_grade(int(button.removeprefix("grade-")))
