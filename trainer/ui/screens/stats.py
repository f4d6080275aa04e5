"""The statistics screen: the figures of trainer/core/stats drawn to the screen's width."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header

from trainer.core.stats import Stats
from trainer.core.statsdraw import draw
from trainer.core.textsafe import visible
from trainer.ui.drawing import Drawing
from trainer.ui.footer import KeysFooter
from trainer.ui.guard import guarded

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp

STYLES = {
    "title": "bold",
    "bold": "bold",
    "dim": "dim",
    "heat0": "dim",
    "heat1": "#4e8f58",
    "heat2": "#5fb36b",
    "heat3": "#7fd48a",
    "heat4": "bold #b4f5bd",
    "bar": "#5fafff",
    "forecast": "#ff8700",
    "pass": "bold #5fd75f",
    "fail": "bold #ff5f5f",
    "new": "#5fafff",
    "learning": "#ff8700",
    "review": "#5fd75f",
    "suspended": "#d7af00",
}


PLAIN_STYLES = {"title": "bold"}
"""Plain mode (--plain, NO_COLOR): titles in bold, nothing in colour."""


class StatsScreen(Screen[None]):
    """Reviews, streaks, retention, forecast and cards, for some decks or all of them."""

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="(to the decks)"),
        Binding("r", "refresh_stats", "Refresh", tooltip="(count again)"),
        Binding("a", "all_decks", "All decks", tooltip="(statistics of every deck)"),
    ]

    def __init__(self, deck_ids: Sequence[str] | None = None) -> None:
        super().__init__()
        self.deck_ids = list(deck_ids) if deck_ids is not None else None
        self.stats: Stats | None = None
        self._drawn: tuple[Stats, int] | None = None

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Drawing(PLAIN_STYLES if self.tapp.plain else STYLES, id="stats-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.tapp.plain:
            self.add_class("-plain")
        self.action_refresh_stats()

    @guarded("Cannot count the statistics")
    def action_refresh_stats(self) -> None:
        """Count everything again (SQL over the review log and the cards)."""
        ws = self.tapp.workspace
        self.stats = ws.stats(self.deck_ids)
        ids = self.deck_ids if self.deck_ids is not None else [f.deck_id for f in ws.decks]
        self.sub_title = visible(f"Statistics: {ws.title(ids)}", one_line=True)
        self._draw()

    def action_all_decks(self) -> None:
        """Show every deck's statistics together."""
        self.deck_ids = None
        self.action_refresh_stats()

    def _draw(self) -> None:
        if self.stats is None:
            return
        width = max(40, self.size.width - (2 if self.has_class("-narrow") else 4) - 1)
        if self._drawn is not None and self._drawn[0] is self.stats and self._drawn[1] == width:
            return  # the first layout's resize: the same figures at the same width
        self._drawn = (self.stats, width)
        lines = draw(self.stats, width, words=self.tapp.plain)
        self.query_one("#stats-text", Drawing).show(lines)

    def on_resize(self, event: events.Resize) -> None:
        self._draw()

    def action_back(self) -> None:
        """Back to the decks."""
        self.dismiss()
