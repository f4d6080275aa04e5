"""The home screen: every deck with today's new / learning / due counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from trainer.core.errors import TrainerError

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp
    from trainer.workspace import DeckRow

TOTAL = "__total__"


class HomeScreen(Screen[None]):
    """The list of decks; Enter studies the selected one."""

    BINDINGS = [
        Binding(
            "enter",
            "study_selected",
            "Study deck",
            tooltip="Study the selected deck",
            priority=True,
        ),
        Binding("a", "study_all", "Study all", tooltip="Study everything due in every deck"),
        Binding("r", "reload", "Reload", tooltip="Read changed deck files again"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
            yield Static(id="deck-details")
            yield Static(id="home-hint")
        yield Footer()

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Deck", key="deck")
        table.add_column(Text("New", justify="right"), key="new")
        table.add_column(Text("Learning", justify="right"), key="learning")
        table.add_column(Text("Due", justify="right"), key="due")
        table.add_column(Text("Cards", justify="right"), key="cards")
        self.refresh_decks()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_decks()

    def refresh_decks(self) -> None:
        """Re-count today's cards (after studying, or a reload)."""
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        self._rows: dict[str, DeckRow] = {}
        totals = [0, 0, 0, 0]
        for i, row in enumerate(self.tapp.workspace.rows()):
            e = row.entry
            key = f"{i}:{e.key or e.path}"
            self._rows[key] = row
            if e.ok:
                c = row.counts
                table.add_row(
                    Text(e.title),
                    _count(c.new, "new"),
                    _count(c.learning, "learning"),
                    _count(c.review, "due"),
                    Text(str(e.cards), justify="right"),
                    key=key,
                )
                for j, v in enumerate((c.new, c.learning, c.review, e.cards)):
                    totals[j] += v
            elif e.shadowed_by:
                table.add_row(
                    Text.assemble(
                        (e.title or e.key or _file_name(e.path), "dim"),
                        ("  (replaced by your copy)", "dim italic"),
                    ),
                    Text("—", justify="right"),
                    Text("—", justify="right"),
                    Text("—", justify="right"),
                    Text(str(e.cards), justify="right", style="dim"),
                    key=key,
                )
            else:
                errors = len(e.errors)
                table.add_row(
                    Text.assemble(
                        (e.title or e.key or _file_name(e.path), ""), ("  ⚠ broken", "bold red")
                    ),
                    Text("—", justify="right"),
                    Text("—", justify="right"),
                    Text("—", justify="right"),
                    Text(
                        f"{errors} error{'s' if errors != 1 else ''}", justify="right", style="red"
                    ),
                    key=key,
                )
        table.add_row(
            Text("Total", style="bold"),
            _count(totals[0], "new"),
            _count(totals[1], "learning"),
            _count(totals[2], "due"),
            Text(str(totals[3]), justify="right", style="bold"),
            key=TOTAL,
        )
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        due = totals[0] + totals[1] + totals[2]
        hint = self.query_one("#home-hint", Static)
        if not self._rows:
            hint.update(
                Text(
                    "No decks yet. Put *.yaml decks in your deck folder ('trainer paths' shows it)."
                )
            )
        elif due:
            hint.update(
                Text(
                    f"{due} card{'s' if due != 1 else ''} to study today. Enter studies the selected deck, a studies everything."
                )
            )
        else:
            hint.update(Text("Nothing left for today. Well done."))
        self._show_details()

    def _selected(self) -> tuple[str, DeckRow | None]:
        table = self.query_one(DataTable)
        if not table.row_count:
            return "", None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return key, self._rows.get(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details()

    def _show_details(self) -> None:
        details = self.query_one("#deck-details", Static)
        key, row = self._selected()
        if row is None:
            details.update(Text("Every deck together." if key == TOTAL else ""))
            details.remove_class("broken")
            return
        e = row.entry
        if e.ok:
            text = Text(e.title, style="bold")
            text.append(f"  ({e.key}, {e.origin})", style="dim")
            if e.warnings:
                text.append(
                    f"\n{len(e.warnings)} warning(s); run 'trainer check {e.path}' to see them.",
                    style="yellow",
                )
            details.update(text)
            details.remove_class("broken")
            return
        if e.shadowed_by:
            details.update(
                Text(
                    f"{_file_name(e.path)} has the same deck id as {e.shadowed_by}, which is studied instead.",
                    style="dim",
                )
            )
            details.remove_class("broken")
            return
        text = Text(f"{_file_name(e.path)} cannot be loaded:\n", style="bold red")
        for p in e.errors[:8]:
            text.append(f"• line {p.line}, column {p.column}: " if p.line else "• ", style="red")
            text.append(p.message + (f". {p.hint}" if p.hint else "") + "\n")
        if len(e.errors) > 8:
            text.append(
                f"… and {len(e.errors) - 8} more: run 'trainer check' on the file.\n", style="dim"
            )
        text.append("Its cards and progress are kept; fix the file and press r.", style="dim")
        details.update(text)
        details.add_class("broken")

    def action_study_selected(self) -> None:
        """Study the highlighted deck (the total row studies everything)."""
        key, row = self._selected()
        if key == TOTAL:
            self.action_study_all()
        elif row is not None and row.entry.ok:
            self.tapp.study([row.entry.key])  # type: ignore[list-item]
        elif row is not None and row.entry.shadowed_by:
            self.notify("Your copy of this deck is studied instead; choose it above.")
        elif row is not None:
            self.notify("This deck has errors; fix them and press r.", severity="warning")

    def action_study_all(self) -> None:
        """Study everything due today in every deck."""
        self.tapp.study(None)

    def action_reload(self) -> None:
        """Read changed deck files again and re-count."""
        try:
            self.tapp.workspace.reload()
        except TrainerError as exc:
            self.tapp.show_error("Cannot reload the decks", exc)
            return
        self.refresh_decks()
        self.notify("Decks reloaded.")


def _count(n: int, kind: str) -> Text:
    style = (
        {"new": "bold #5fafff", "learning": "bold #ff8700", "due": "bold #5fd75f"}[kind]
        if n
        else "dim"
    )
    return Text(str(n), justify="right", style=style)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
