"""The home screen: every deck with today's new / learning / due counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from trainer.core.errors import TrainerError
from trainer.core.plan import Exam, Plan
from trainer.core.textsafe import visible
from trainer.store.catalog import DeckStatus
from trainer.ui.footer import KeysFooter
from trainer.ui.guard import guarded

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp
    from trainer.workspace import DeckRow

TOTAL = "__total__"
NARROW = 80
"""Below this width the table uses short headings and leaves out the card count."""
COUNT_STYLES = {"new": "bold #5fafff", "learning": "bold #ff8700", "due": "bold #5fd75f"}


class HomeScreen(Screen[None]):
    """The list of decks; Enter studies the selected one."""

    BINDINGS = [
        Binding(
            "enter",
            "study_selected",
            "Study",
            tooltip="(the selected one; on Total, every deck)",
            priority=True,
        ),
        Binding("a", "study_all", "All due", tooltip="(everything due in every deck)"),
        Binding(
            "t",
            "quiz",
            "Quiz",
            tooltip="(test yourself on the selected deck; on Total, every deck)",
        ),
        Binding("s", "stats", "Stats", tooltip="(of the selected deck; on Total, of every deck)"),
        Binding("b", "browse", "Browse", tooltip="(search every card; suspend, reset, edit)"),
        Binding("o", "settings", "Settings", tooltip="(limits, steps, retention, leeches, theme)"),
        Binding(
            "i",
            "import_deck",
            "Import",
            tooltip="(an Anki package, a CSV/TSV or Quizlet export, or a YAML deck)",
        ),
        # Less daily keys last: at 80 columns the footer shows the ones above.
        Binding(
            "v",
            "review",
            "Review drafts",
            tooltip="(the selected deck's generated cards, each beside its source sentence)",
        ),
        Binding(
            "u",
            "unsuspend",
            "Unsuspend",
            tooltip="(the selected deck's suspended cards come back into study)",
        ),
        Binding("r", "reload", "Reload", tooltip="(read changed deck files again)"),
        Binding(
            "escape", "cancel_loading", "Stop waiting", tooltip="(for a busy profile)", show=False
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[str, DeckRow] = {}
        self._narrow: bool | None = None
        self._exams: dict[str, Exam] = {}
        self._plans: dict[str, Plan] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home-body"):
            yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
            yield Static(id="deck-details")
            yield Static(id="home-hint")
        yield KeysFooter()

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        if self.tapp.plain:
            self.add_class("-plain")
        self.query_one(DataTable).focus()
        self.tapp.home_ready()

    def on_screen_resume(self) -> None:
        if not self.tapp.loading:
            self.refresh_decks()

    def on_resize(self, event: events.Resize) -> None:
        if (event.size.width < NARROW) != self._narrow and not self.tapp.loading:
            self.refresh_decks()

    def show_loading(self) -> None:
        """Say that the decks are being read (in a worker)."""
        self.query_one("#home-hint", Static).update(Text("Reading the decks…"))

    def _columns(self, table: DataTable[Text]) -> None:
        narrow = self.size.width < NARROW
        if narrow == self._narrow and table.columns:
            return
        self._narrow = narrow
        table.clear(columns=True)
        table.add_column("Deck", key="deck")
        headings = (
            ("New", "Lrn", "Due", "Susp") if narrow else ("New", "Learning", "Due", "Suspended")
        )
        for key, heading in zip(("new", "learning", "due", "suspended"), headings, strict=True):
            table.add_column(Text(heading, justify="right"), key=key)
        if not narrow:
            table.add_column(Text("Cards", justify="right"), key="cards")

    @guarded("Cannot count the decks")
    def refresh_decks(self) -> None:
        """Re-count today's cards (after studying, or a reload)."""
        table: DataTable[Text] = self.query_one(DataTable)
        keep = table.cursor_row
        self._columns(table)
        table.clear()
        self._rows = {}
        rows = self.tapp.workspace.rows()
        self._exams = self.tapp.workspace.exams()
        self._plans = {}
        # The deck column gets what the other columns leave: each column has a
        # cell of padding on both sides; the body has padding (none when narrow)
        # and a scroll bar, the table a border and a scroll bar.
        used = sum(c.content_width + 2 for c in list(table.columns.values())[1:])
        padding = 0 if self._narrow else 4
        room = max(12, self.size.width - padding - 1 - 2 - 1 - used - 2)
        totals = [0, 0, 0, 0, 0]
        for i, row in enumerate(rows):
            f = row.file
            key = f"{i}:{f.path}"
            self._rows[key] = row
            if f.ok:
                c = row.counts
                values = [c.new, c.learning, c.review, row.suspended, f.cards]
                totals = [t + v for t, v in zip(totals, values, strict=True)]
                cells = [_count(v, k) for v, k in zip(values, COUNT_STYLES, strict=False)]
                cells.append(_count(row.suspended, "suspended"))
                cells.append(Text(str(f.cards), justify="right"))
                name = Text(visible(f.label, one_line=True), overflow="ellipsis", no_wrap=True)
            else:
                dash = Text("—", justify="right", style="dim")
                cells = [dash] * 5
                if f.status is DeckStatus.REPLACED:
                    name = Text.assemble(
                        (visible(f.label, one_line=True), "dim"),
                        ("  (replaced by your copy)", "dim italic"),
                    )
                else:
                    name = Text.assemble(
                        (visible(f.label, one_line=True), ""), ("  ⚠ broken", "bold red")
                    )
            name.truncate(room, overflow="ellipsis")
            table.add_row(name, *cells[: len(table.columns) - 1], key=key)
        total_cells = [_count(v, k) for v, k in zip(totals, COUNT_STYLES, strict=False)]
        total_cells += [_count(totals[3], "suspended"), Text(str(totals[4]), justify="right")]
        table.add_row(
            Text("Total", style="bold"), *total_cells[: len(table.columns) - 1], key=TOTAL
        )
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        due = sum(totals[:3])
        if not self._rows:
            hint = Text(
                "No decks yet. Put *.yaml decks in your deck folder ('trainer paths' shows it)."
            )
        elif due:
            hint = Text(
                f"{due} card{'s' if due != 1 else ''} to study today."
                " Enter studies the selected deck, a studies everything; ? lists every key."
            )
        else:
            hint = Text("Nothing left for today. Well done. ? lists every key.")
        if self._exams:
            soonest = min(self._exams.values(), key=lambda e: e.day)
            titles = {r.file.deck_id: r.file.label for r in rows if r.file.ok}
            days = self._plan(soonest.deck_id).days_left
            hint.append(
                f"\nExam in {days} day{'s' if days != 1 else ''}"
                f" ({visible(titles.get(soonest.deck_id, soonest.deck_id), one_line=True)}).",
                style="bold",
            )
        self.query_one("#home-hint", Static).update(hint)
        self._show_details()

    def _plan(self, deck_id: str) -> Plan:
        """The deck's exam plan, worked out once per refresh."""
        if deck_id not in self._plans:
            self._plans[deck_id] = self.tapp.workspace.plan([deck_id])
        return self._plans[deck_id]

    def _selected(self) -> tuple[str, DeckRow | None]:
        table = self.query_one(DataTable)
        if not table.row_count:
            return "", None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return key, self._rows.get(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details()

    @guarded("Cannot show the deck")
    def _show_details(self) -> None:
        details = self.query_one("#deck-details", Static)
        key, row = self._selected()
        details.remove_class("broken")
        if row is None:
            details.update(Text("Every deck together." if key == TOTAL else ""))
            return
        f = row.file
        if f.status is DeckStatus.REPLACED:
            details.update(
                Text(
                    f"{visible(_file_name(f.path))} has the same deck id as {visible(f.replaced_by)},"
                    " which is studied instead.",
                    style="dim",
                )
            )
            return
        if f.status is DeckStatus.BROKEN:
            text = Text(f"{visible(_file_name(f.path))} cannot be loaded:\n", style="bold red")
            for p in f.errors[:8]:
                text.append(
                    f"• line {p.line}, column {p.column}: " if p.line else "• ", style="red"
                )
                text.append(visible(p.message + (f". {p.hint}" if p.hint else "")) + "\n")
            if len(f.errors) > 8:
                text.append(
                    f"… and {len(f.errors) - 8} more: run 'trainer check' on the file.\n",
                    style="dim",
                )
            text.append("Its cards and progress are kept; fix the file and press r.", style="dim")
            details.update(text)
            details.add_class("broken")
            return
        text = Text(visible(f.label, one_line=True), style="bold")
        text.append(f"  ({visible(f.deck_id, one_line=True)}, {f.origin})", style="dim")
        if f.description:
            text.append("\n" + visible(f.description))
        if f.deck_id in self._exams:
            plan = self._plan(f.deck_id)
            days = plan.days_left
            text.append(
                f"\nExam on {plan.exam.day} {plan.exam.strftime('%B %Y')}:"
                f" {days} day{'s' if days != 1 else ''} left. Predicted recall on exam day"
                f" {plan.predicted_recall:.0%} (target {plan.target:.0%}).",
                style="bold",
            )
            text.append("\n" + plan.explanation, style="dim")
        if row.suspended:
            n = row.suspended
            text.append(
                f"\n{n} suspended card{'s' if n != 1 else ''}: u brings "
                f"{'them' if n != 1 else 'it'} back.",
                style="dim",
            )
        if f.warnings:
            text.append(
                f"\n{len(f.warnings)} warning(s); run 'trainer check {f.path}' to see them.",
                style="yellow",
            )
        details.update(text)

    def action_study_selected(self) -> None:
        """Study the highlighted deck (the total row studies everything)."""
        key, row = self._selected()
        if key == TOTAL:
            self.action_study_all()
        elif row is None:
            return
        elif row.file.ok:
            self.tapp.study([row.file.deck_id])
        elif row.file.status is DeckStatus.REPLACED:
            self.notify("Your copy of this deck is studied instead; choose it above.")
        else:
            self.notify("This deck has errors; fix them and press r.", severity="warning")

    def action_quiz(self) -> None:
        """A quiz or timed exam on the highlighted deck (every deck on the Total row)."""
        key, row = self._selected()
        if key == TOTAL or row is None:
            self.tapp.ask_quiz(())
        elif row.file.ok:
            self.tapp.ask_quiz((row.file.deck_id,))
        else:
            self.notify("This deck cannot be loaded; fix it and press r.", severity="warning")

    def action_study_all(self) -> None:
        """Study everything due today in every deck."""
        self.tapp.study(None)

    @guarded("Cards were not unsuspended")
    def action_unsuspend(self) -> None:
        """Bring the selected deck's suspended cards back into study."""
        key, row = self._selected()
        rows = [r for r in self._rows.values() if r.file.ok] if key == TOTAL else [row]
        back = 0
        try:
            for r in rows:
                if r is not None and r.file.ok and r.suspended:
                    back += len(self.tapp.workspace.unsuspend(r.file.deck_id))
        except TrainerError as exc:
            self.tapp.show_error("Cards were not unsuspended", exc)
            return
        if not back:
            self.notify("No suspended cards here.")
            return
        self.refresh_decks()
        self.notify(f"{back} card{'s are' if back != 1 else ' is'} back in study.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Stopping the wait makes sense only while the decks are being read."""
        if action == "cancel_loading":
            return self.tapp.loading
        return True

    def action_cancel_loading(self) -> None:
        """Stop waiting for another trainer process; the decks stay as last read."""
        self.tapp.cancel_loading()

    def action_import_deck(self) -> None:
        """Ask for a file to import, and import it."""
        from trainer.ui.screens.importing import ImportDialog

        if self.tapp.loading:
            self.notify("Still reading the decks; a moment.")
            return
        self.app.push_screen(ImportDialog())

    def action_stats(self) -> None:
        """Statistics of the selected deck (the total row: every deck)."""
        key, row = self._selected()
        ok = row is not None and row.file.ok and key != TOTAL
        self.tapp.open_stats([row.file.deck_id] if ok and row is not None else None)

    def action_browse(self) -> None:
        """Search and act on the cards of every deck."""
        self.tapp.open_browser()

    def action_settings(self) -> None:
        """Change the settings (the settings file, comments kept)."""
        self.tapp.open_settings()

    def action_review(self) -> None:
        """Review the selected deck's drafted cards; re-read the decks afterwards."""
        from pathlib import Path

        from trainer.ui.screens.review import ReviewScreen

        key, row = self._selected()
        if row is None or key == TOTAL:
            self.notify("Choose a deck to review.")
            return
        self.app.push_screen(ReviewScreen(Path(row.file.path)), lambda _: self.tapp.load_decks())

    def action_reload(self) -> None:
        """Read changed deck files again (in a worker) and re-count."""
        self.tapp.load_decks()


def _count(n: int, kind: str) -> Text:
    style = COUNT_STYLES.get(kind, "bold") if n else "dim"
    return Text(str(n), justify="right", style=style)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
