"""The review screen: each drafted card beside the sentence it came from; accept, edit or drop.

A generated deck is a draft. Here a person reads every card against its
source: ``a`` accepts it (the ``draft:`` mark goes), ``e`` edits its wording in
place, ``d`` drops it. Each change rewrites the deck file at once, atomically
and keeping every id (:mod:`trainer.core.drafts`).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from trainer.core import cloze
from trainer.core.drafts import Draft, DraftDeck
from trainer.core.errors import TrainerError
from trainer.ui.footer import KeysFooter

GAP = "bold #5fafff"
QUOTE = "italic"


def card_text(d: Draft) -> Text:
    """A drafted card as the reviewer reads it: the gap's answer highlighted."""
    text = Text()
    if d.type == "cloze":
        gaps, _ = cloze.scan(d.front)
        at = 0
        for gap in gaps:
            text.append(d.front[at : gap.start])
            text.append(f"[{gap.answer}]", style=GAP)
            at = gap.end
        text.append(d.front[at:])
    else:
        text.append(d.front)
        text.append("\n→ ", style="dim")
        text.append(d.back, style=GAP)
    return text


def details_text(d: Draft) -> Text:
    """Date, source and note of a drafted card, one per line."""
    text = Text()
    for label, value in (
        ("Date: ", d.when),
        ("Also shown: ", d.back if d.type == "cloze" else ""),
        ("Source: ", d.source),
        ("Note: ", d.note),
    ):
        if value:
            text.append(label, style="dim")
            text.append(value + "\n")
    return text


class ReviewScreen(Screen[int]):
    """Review one deck file's drafted cards; dismissed with how many were reviewed."""

    BINDINGS = [
        Binding("a", "accept", "Accept", tooltip="(the card is right: no longer a draft)"),
        Binding("e", "edit", "Edit", tooltip="(change its wording, then accept it)"),
        Binding("d", "drop", "Drop", tooltip="(the card is wrong: remove it from the deck)"),
        Binding("n,right", "move(1)", "Next", key_display="n"),
        Binding("p,left", "move(-1)", "Previous", key_display="p"),
        Binding("escape", "back", "Back", tooltip="(every change is already saved)"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.deck: DraftDeck | None = None
        self.drafts: list[Draft] = []
        self.position = 0
        self.editing = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-status")
        with VerticalScroll(id="review-card"):
            yield Static(id="review-front")
            yield Static(id="review-details")
            yield Static(Text("From the article:", style="dim"), id="review-from")
            yield Static(id="review-quote")
        with Vertical(id="review-edit"):
            yield Input(
                id="edit-front",
                placeholder="front (a cloze gap is {{c1::answer}})",
                select_on_focus=False,
            )
            yield Input(
                id="edit-back", placeholder="back (optional for a cloze)", select_on_focus=False
            )
            yield Static(Text("Enter saves and accepts · Esc cancels", style="dim"))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Review: {self.path.name}"
        self.query_one("#review-edit").display = False
        try:
            self.deck = DraftDeck(self.path)
        except TrainerError as exc:
            self._fail(exc)
            return
        self.drafts = self.deck.drafts()
        self.show()

    def _fail(self, exc: TrainerError) -> None:
        self.query_one("#review-status", Static).update(Text(exc.message, style="bold red"))
        if exc.hint:
            self.query_one("#review-front", Static).update(Text(exc.hint))

    @property
    def current(self) -> Draft | None:
        return self.drafts[self.position] if self.drafts else None

    def show(self) -> None:
        """Show the current draft, or say that none is left."""
        d = self.current
        status = self.query_one("#review-status", Static)
        if d is None:
            status.update(Text("No drafts left: every card in this deck is reviewed.", "bold"))
            for wid in ("#review-front", "#review-details", "#review-quote"):
                self.query_one(wid, Static).update("")
            self.query_one("#review-from").display = False
            return
        line = Text(f"Draft {self.position + 1} of {len(self.drafts)}", style="bold")
        line.append(f"  ·  {d.id}", style="dim")
        if d.unsure:
            line.append("  ·  unsure", style="bold #ff8700")
        status.update(line)
        self.query_one("#review-from").display = True
        self.query_one("#review-front", Static).update(card_text(d))
        self.query_one("#review-details", Static).update(details_text(d))
        self.query_one("#review-quote", Static).update(Text(d.quote, style=QUOTE))
        self.query_one("#review-card").scroll_home(animate=False)

    def _done_with_current(self) -> None:
        assert self.deck is not None
        self.drafts = self.deck.drafts()
        self.position = min(self.position, max(0, len(self.drafts) - 1))
        self.show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.editing:
            return action == "back"
        if action in ("accept", "edit", "drop", "move"):
            return self.current is not None
        return True

    def action_accept(self) -> None:
        d = self.current
        if d is None or self.deck is None:
            return
        try:
            self.deck.accept(d.id)
        except TrainerError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(f"Accepted {d.id}.")
        self._done_with_current()

    def action_drop(self) -> None:
        d = self.current
        if d is None or self.deck is None:
            return
        try:
            self.deck.drop(d.id)
        except TrainerError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(f"Dropped {d.id}.")
        self._done_with_current()

    def action_move(self, step: int) -> None:
        if self.drafts:
            self.position = (self.position + step) % len(self.drafts)
            self.show()

    def action_edit(self) -> None:
        d = self.current
        if d is None:
            return
        self.editing = True
        self.query_one("#review-edit").display = True
        front = self.query_one("#edit-front", Input)
        front.value = d.front
        front.cursor_position = len(d.front)
        self.query_one("#edit-back", Input).value = d.back
        front.focus()
        self.refresh_bindings()

    def _stop_editing(self) -> None:
        self.editing = False
        self.query_one("#review-edit").display = False
        self.query_one("#review-card").focus()  # keys are commands again, not text
        self.refresh_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        d = self.current
        if d is None or self.deck is None:
            return
        front = self.query_one("#edit-front", Input).value
        back = self.query_one("#edit-back", Input).value
        try:
            self.deck.edit(d.id, front, back)
        except TrainerError as exc:
            self.notify(f"{exc.message} {exc.hint}".strip(), severity="error")
            return
        self._stop_editing()
        self.notify(f"Edited and accepted {d.id}.")
        self._done_with_current()

    def action_back(self) -> None:
        if self.editing:
            self._stop_editing()
            return
        self.dismiss(self.deck.reviewed if self.deck else 0)


class ReviewApp(App[None]):
    """``trainer review DECK``: the review screen on its own."""

    CSS_PATH = "../app.tcss"
    TITLE = "trainer"
    BINDINGS = [Binding("q", "quit", "Quit", tooltip="(every change is already saved)")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.path), lambda _: self.exit())
