"""The card browser: search every deck, see a card in full, act on one or many cards."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import Worker, WorkerState

from trainer.core.browse import Actions, CardDetails, Change
from trainer.core.editor import editor_command
from trainer.core.errors import TrainerError, UsageError
from trainer.core.model import State
from trainer.core.scheduler import format_interval
from trainer.core.textsafe import visible
from trainer.core.when import When, parse_when
from trainer.store.search import Found, Page, Query, Superseded
from trainer.ui.footer import KeysFooter
from trainer.ui.guard import attempt, guarded
from trainer.ui.screens.confirm import ConfirmDialog
from trainer.workspace import as_trainer_error

if TYPE_CHECKING:
    from trainer.ui.app import TrainerApp

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
STATE_WORDS = {State.NEW: "new", State.LEARNING: "learning", State.REVIEW: "review"}
STATE_WORDS[State.RELEARNING] = "relearning"


def state_word(f: Found) -> str:
    """A card's state in words (colour never carries it alone)."""
    if f.retired:
        return "retired"
    word = "suspended" if f.suspended else STATE_WORDS[State(f.state)]
    return word + (", leech" if f.leech else "")


class BrowseScreen(Screen[None]):
    """Search results above, the selected card in full below.

    Searches run in a worker thread on a connection of their own, so the
    screen never waits for one: the newest search wins (an older one still
    running stops, and its results are dropped). Results come a page at a
    time, the next page as the cursor or the scroll nears the end; an
    action reads back only the rows it changed.
    """

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/", tooltip="(type a query)"),
        Binding("space", "mark", "Mark", tooltip="(select this card; actions act on the marked)"),
        Binding("a", "mark_all", "Mark all", tooltip="(or none: every card found)"),
        Binding("s", "suspend", "Suspend", tooltip="(or unsuspend, when all are suspended)"),
        Binding("b", "bury", "Bury", tooltip="(hide until tomorrow)"),
        Binding("x", "reset", "Reset", tooltip="(progress back to new, after asking)"),
        Binding("e", "edit", "Edit", tooltip="(the deck file in $VISUAL/$EDITOR at the card)"),
        Binding("u", "undo", "Undo", tooltip="the last suspend, bury or reset"),
        Binding("escape", "back", "Back", tooltip="(to the results, then the decks)"),
    ]

    NEAR_END = 20
    """Rows left below the cursor (or the scroll) when the next page is read."""

    class Results(Message):
        """A worker read results of search ``ticket`` (posted from its thread)."""

        def __init__(
            self,
            ticket: int,
            page: Page | None = None,
            total: int | None = None,
            first: bool = False,
            marked: list[int] | None = None,
        ) -> None:
            super().__init__()
            self.ticket = ticket
            self.page = page
            self.total = total
            self.first = first
            self.marked = marked

    def __init__(self, query: str = "", deck_ids: list[str] | None = None) -> None:
        super().__init__()
        self.query_text = query
        self.shown_query: str | None = None
        """The search whose results are on screen (None until the first arrives)."""
        self.deck_ids = deck_ids
        self.found: list[Found] = []
        self.total: int | None = 0
        """How many cards the search finds (None while they are counted)."""
        self.more = False
        self.marked: set[int] = set()
        self.actions: Actions | None = None
        self._editing: Path | None = None
        self._query: Query | None = None
        self._ticket = 0
        self._reading = False
        self._index: dict[int, int] = {}
        self._keep: int | None = None
        self._front = 40
        self._lines: dict[int, int] = {}
        """The line each card was last opened at (for a file that cannot be read next time)."""

    @property
    def tapp(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            value=self.query_text,
            placeholder="search: words, deck:, tag:, kind:, is:due, is:leech, -term, or",
            id="browse-query",
            compact=True,
        )
        yield Static(Text("Searching…", style="dim"), id="browse-count")
        yield DataTable(id="browse-results", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="browse-card"):
            yield Static(id="browse-card-text")
        yield KeysFooter()

    @guarded("Cannot open the browser")
    def on_mount(self) -> None:
        if self.tapp.plain:
            self.add_class("-plain")
        self.sub_title = "Browse cards"
        self.actions = self.tapp.workspace.actions()
        table: DataTable[Text] = self.query_one(DataTable)
        self._columns(self.size.width)
        self.watch(table, "scroll_y", self._scrolled, init=False)
        table.focus()
        self.run_search()

    def _widths(self, width: int) -> tuple[int, int]:
        """The deck's and the front's columns: no sideways scrolling."""
        deck = 12 if width < 80 else 22
        return deck, max(10, width - 2 - 3 - 14 - deck - 2 * 4 - 1)

    def _columns(self, width: int) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        deck, self._front = self._widths(width)
        table.clear(columns=True)
        table.add_column("✓", key="mark", width=1)
        table.add_column("Front", key="front", width=self._front)
        table.add_column("State", key="state", width=14)
        table.add_column("Deck", key="deck", width=deck)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the columns out again for the new width; the rows read are drawn again, not searched."""
        if not self.is_mounted or self._widths(event.size.width)[1] == self._front:
            return
        table: DataTable[Text] = self.query_one(DataTable)
        row = table.cursor_row
        self._columns(event.size.width)
        self._fill(row)

    # -- searching ----------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_text = event.value
        self.marked.clear()
        if self.run_search():
            self.query_one(DataTable).focus()

    def run_search(self, keep: int | None = None) -> bool:
        """Search with the query in the box, in a worker; False (and why said) when it is wrong.

        Args:
            keep: The row id of a card to keep the cursor on, if it is found again.
        """
        try:
            query = self.tapp.workspace.browse_query(self.query_text, self.deck_ids)
            searcher = self.tapp.workspace.searcher()
        except Exception as exc:
            self._failed(exc)
            return False
        self._ticket = ticket = searcher.begin()
        self._query, self._keep, self._reading = query, keep, True
        self.query_one("#browse-count", Static).update(Text("Searching…", style="dim"))

        def work() -> None:
            first = searcher.page(ticket, query)
            self.post_message(self.Results(ticket, first, first=True))
            if first.more:
                self.post_message(self.Results(ticket, total=searcher.count(ticket, query)))

        self._in_worker("browse-search", work)
        return True

    def _in_worker(self, name: str, work: Callable[[], object]) -> None:
        """Run a search's ``work`` in a worker thread; a newer search stops it quietly."""

        def run() -> None:
            with contextlib.suppress(Superseded):
                work()

        self.run_worker(run, name=name, thread=True, exit_on_error=False)

    def _failed(self, exc: BaseException) -> None:
        """A search that cannot be read or run: say why where the count goes."""
        error = as_trainer_error(exc) if isinstance(exc, Exception) else exc
        if not isinstance(error, TrainerError):
            error = TrainerError(f"unexpected failure: {error!r}", "please report it")
        self.query_one("#browse-count", Static).update(
            Text(f"{error.message}. {error.hint}", style="bold red")
        )

    def _read_more(self) -> None:
        """Read the next page of results, in a worker, when there is one."""
        if not self.more or self._reading or self._query is None or not self.found:
            return
        query, ticket, last = self._query, self._ticket, self.found[-1]
        searcher = self.tapp.workspace.searcher()
        self._reading = True

        self._in_worker(
            "browse-page",
            lambda: self.post_message(self.Results(ticket, searcher.page(ticket, query, last))),
        )

    def on_browse_screen_results(self, message: Results) -> None:
        if message.ticket != self._ticket or not self.is_mounted:
            return  # a newer search has begun: these are stale
        message.stop()
        if message.marked is not None:
            self.marked = set(message.marked)
            self._fill(self.query_one(DataTable).cursor_row)
            self._count()
            self.refresh_bindings()
            return
        if message.page is not None and message.first:
            self.found, self.more = message.page.found, message.page.more
            self.total = None if self.more else len(self.found)
            self._reading = False
            self.shown_query = self.query_text
            self._fill(self._index_of(self._keep, self.found))
            self.refresh_bindings()
        elif message.page is not None:
            self._reading = False
            self.more = message.page.more
            table: DataTable[Text] = self.query_one(DataTable)
            for f in message.page.found:
                if f.rowid not in self._index:
                    self._index[f.rowid] = len(self.found)
                    self.found.append(f)
                    table.add_row(*self._cells(f), key=str(f.rowid))
        elif message.total is not None:
            self.total = message.total
        self._count()

    @staticmethod
    def _index_of(rowid: int | None, rows: list[Found]) -> int:
        return next((i for i, f in enumerate(rows) if f.rowid == rowid), 0)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        name = event.worker.name
        if name in ("browse-search", "browse-page", "browse-mark-all"):
            if event.state is WorkerState.ERROR and event.worker.error is not None:
                self._reading = False
                self._failed(event.worker.error)
            return
        self._reload_done(event)

    def _fill(self, row: int) -> None:
        """The rows read, into the table (the cursor at ``row``), and the card under it."""
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear()
        self._index = {f.rowid: i for i, f in enumerate(self.found)}
        for f in self.found:
            table.add_row(*self._cells(f), key=str(f.rowid))
        if self.found:
            table.move_cursor(row=min(max(row, 0), len(self.found) - 1), scroll=True)
        self._show_card()

    def _cells(self, f: Found) -> list[Text]:
        front = Text(visible(f.front[:300], one_line=True), no_wrap=True, overflow="ellipsis")
        front.truncate(self._front, overflow="ellipsis")
        deck = Text(visible(f.deck_id, one_line=True), no_wrap=True, overflow="ellipsis")
        return [
            Text("✓" if f.rowid in self.marked else " ", style="bold"),
            front,
            Text(state_word(f), style="dim" if f.retired or f.suspended else ""),
            deck,
        ]

    def _count(self) -> None:
        shown = len(self.found)
        if self.total is None:
            text = f"the first {shown} found, counting…"
        else:
            text = f"{self.total} card{'s' if self.total != 1 else ''} found"
            if shown < self.total:
                text += f", the first {shown} shown (more below)"
        if self.marked:
            text += f" · {len(self.marked)} marked"
        self.query_one("#browse-count", Static).update(Text(text, style="dim"))

    def _current(self) -> Found | None:
        table = self.query_one(DataTable)
        if not self.found or not 0 <= table.cursor_row < len(self.found):
            return None
        return self.found[table.cursor_row]

    def _chosen(self) -> list[int]:
        """The marked cards (read or not), else the one under the cursor."""
        if self.marked:
            return sorted(self.marked)
        current = self._current()
        return [current.rowid] if current else []

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_card()
        if event.cursor_row >= len(self.found) - self.NEAR_END:
            self._read_more()

    def _scrolled(self, scroll_y: float) -> None:
        table = self.query_one(DataTable)
        if table.max_scroll_y - scroll_y < self.NEAR_END:
            self._read_more()

    @guarded("Cannot show the card")
    def _show_card(self) -> None:
        current = self._current()
        box = self.query_one("#browse-card-text", Static)
        if current is None:
            box.update(Text("No card found. / searches again.", style="dim"))
            return
        box.update(details_text(self.tapp.workspace.card_details(current.rowid), self.tapp))

    # -- actions --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Card actions need a card; undo needs something done."""
        if action in ("mark", "mark_all", "suspend", "bury", "reset", "edit"):
            return bool(self.found)
        if action == "undo":
            return self.actions is not None and self.actions.can_undo
        return True

    def action_focus_search(self) -> None:
        """Type a new search (Enter runs it)."""
        self.query_one(Input).focus()

    def action_back(self) -> None:
        """From the search box back to the results; from the results back to the decks."""
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()
        else:
            self.dismiss()

    def action_mark(self) -> None:
        """Mark or unmark the card under the cursor, and move on."""
        current = self._current()
        if current is None:
            return
        self.marked ^= {current.rowid}
        table = self.query_one(DataTable)
        table.update_cell(str(current.rowid), "mark", self._cells(current)[0])
        table.move_cursor(row=table.cursor_row + 1)
        self._count()
        self.refresh_bindings()

    def action_mark_all(self) -> None:
        """Mark every card found (read or not), or none when all are marked."""
        if self.total is not None and self.marked and len(self.marked) >= self.total:
            self.marked = set()
            self._fill(self.query_one(DataTable).cursor_row)
            self._count()
            return
        if self._query is None:
            return
        query, ticket = self._query, self._ticket
        searcher = self.tapp.workspace.searcher()

        self._in_worker(
            "browse-mark-all",
            lambda: self.post_message(self.Results(ticket, marked=searcher.rowids(ticket, query))),
        )

    def _show_rows(self, touched: Sequence[int]) -> None:
        """Read again only the rows an action changed (those on screen), and the card shown."""
        table: DataTable[Text] = self.query_one(DataTable)
        on_screen = [r for r in touched if r in self._index]
        for rowid, f in self.tapp.workspace.found_rows(on_screen).items():
            self.found[self._index[rowid]] = f
            table.update_cell(str(rowid), "state", self._cells(f)[2])
        self._show_card()

    def _do(self, act: Callable[[], Change | None], failed: str) -> None:
        keep = self._current()
        ok, change = attempt(
            self, act, failed, lambda: self.run_search(keep.rowid if keep else None)
        )
        if not ok:
            return
        if change is not None:
            self._show_rows(change.rowids)
        self.refresh_bindings()

    def _said(self, change: Change) -> Change:
        self.notify(f"{change.describe().capitalize()} (u undoes).")
        return change

    def action_suspend(self) -> None:
        """Suspend the chosen cards, or unsuspend them when every one is suspended."""
        chosen = self._chosen()
        if not chosen or self.actions is None:
            return
        actions = self.actions
        self._do(lambda: self._said(actions.suspend(chosen, None)), "The cards were not changed")

    def action_bury(self) -> None:
        """Hide the chosen cards until tomorrow's study day."""
        chosen = self._chosen()
        if chosen and self.actions is not None:
            actions = self.actions
            self._do(lambda: self._said(actions.bury(chosen)), "The cards were not buried")

    def action_reset(self) -> None:
        """Reset the chosen cards' progress to new, after asking."""
        chosen = self._chosen()
        if not chosen or self.actions is None:
            return
        actions = self.actions
        n = len(chosen)
        question = (
            f"Reset {n} card{'s' if n != 1 else ''} to new? {'They' if n != 1 else 'It'} will be"
            " learnt again from the start. The review history is kept, and u undoes the reset."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._do(
                    lambda: self._said(actions.reset(chosen, self.tapp.clock.now())),
                    "Nothing was reset",
                )

        self.app.push_screen(ConfirmDialog("Reset progress", question), answered)

    def action_undo(self) -> None:
        """Take back the last suspend, unsuspend, bury or reset."""
        if self.actions is None or not self.actions.can_undo:
            self.notify("Nothing to undo.")
            return
        actions = self.actions

        def undo() -> Change | None:
            change = actions.undo()
            if change is not None:
                self.notify(f"Undone: {change.describe()}.")
            return change

        self._do(undo, "Nothing was undone")

    # -- editing ----------------------------------------------------------------------

    @guarded("Cannot edit the card")
    def action_edit(self) -> None:
        """Open the card's deck file at its line; then read the decks again and report."""
        current = self._current()
        if current is None or self.tapp.loading:
            return
        editor_command(Path("deck.yaml"), 1)  # a $VISUAL that cannot be read: nothing copied
        place = self.tapp.workspace.edit_place(current.rowid, self._lines.get(current.rowid, 0))
        path = place.path
        if not place.at_error:
            self._lines[current.rowid] = place.line
        command = editor_command(path, place.line)
        try:
            with self.app.suspend():
                code = _run(command)
        except SuspendNotSupported:
            code = _run(command)  # no terminal to give away (tests, a web terminal)
        if code is None:
            self.tapp.workspace.drop_copy(place)  # never edited: the bundled deck stays in use
            raise UsageError(
                f"the editor '{command[0]}' cannot be started", "set $VISUAL or $EDITOR"
            )
        if place.copied_from is not None:
            self.notify(
                visible(
                    f"The bundled deck {place.copied_from.name} was copied to your deck folder"
                    f" ({path}) and the copy was edited: it now takes the bundled deck's place,"
                    " and your progress stays with its cards."
                ),
                timeout=10,
            )
        self._editing = path
        self.tapp.loading = True
        self.run_worker(
            self.tapp.workspace.reload,
            name="reload-after-edit",
            group="load-decks",
            thread=True,
            exit_on_error=False,
        )

    def _reload_done(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "reload-after-edit" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            return
        self.tapp.loading = False
        path, self._editing = self._editing, None
        if event.state is WorkerState.ERROR:
            failure = event.worker.error
            error = as_trainer_error(failure) if isinstance(failure, Exception) else failure
            self.tapp.show_error(
                "The decks were not read again",
                error
                if isinstance(error, TrainerError)
                else TrainerError(f"unexpected failure: {error!r}", "please report it"),
            )
            return
        entry = self.tapp.workspace.deck_file(path) if path is not None else None
        current = self._current()
        self.run_search(keep=current.rowid if current else None)
        if entry is not None and entry.errors:
            problems = "\n".join(f"• {p}" for p in entry.errors[:8])
            self.tapp.show_error(
                f"{path.name if path else 'The deck'} now has errors",
                TrainerError(
                    f"{problems}",
                    "its cards and progress are kept as they were; press e to fix the file",
                ),
            )
        elif entry is not None:
            self.notify(f"Read {Path(entry.path).name} again: {entry.cards} cards, progress kept.")


def _run(command: list[str]) -> int | None:
    """Run the editor and wait; None when it cannot be started."""
    try:
        return subprocess.run(command, check=False).returncode
    except OSError:
        return None


def _when(ts: float, app: TrainerApp) -> str:
    return datetime.fromtimestamp(ts, UTC).astimezone(app.clock.tz).strftime("%a %d %b %Y %H:%M")


def details_text(d: CardDetails, app: TrainerApp) -> Text:
    """One card in full: fields, source, state, due date, predicted recall, history."""
    c = d.card
    text = Text()
    text.append(visible(c.front), style="bold")
    text.append("\n→ ", style="dim")
    text.append(visible(c.back))
    rows: list[tuple[str, str]] = [
        ("Deck / card", f"{c.deck_id} / {c.id} ({c.type.value}, {c.kind.value})")
    ]
    if c.accept:
        rows.append(("Other answers", " · ".join(c.accept)))
    when = parse_when(c.when) if c.when else None
    if isinstance(when, When):
        rows.append(("When", when.label))
    if c.tags:
        rows.append(("Tags", ", ".join(c.tags)))
    if c.note:
        rows.append(("Note", c.note))
    rows.append(("Source", c.source or "—"))
    m = d.memory
    if d.retired:
        state = "retired (no longer in its deck file)"
    else:
        state = STATE_WORDS[m.state] + (", suspended" if d.suspended else "")
        state += ", buried until tomorrow" if d.buried else ""
    if d.leech:
        state += f", leech ({d.lapses} lapses)"
    elif d.lapses:
        state += f", {d.lapses} lapse{'s' if d.lapses != 1 else ''}"
    rows.append(("State", state))
    if m.state is not State.NEW:
        rows.append(("Next due", _when(m.due, app)))
    rows.append(
        ("Recall now", "not studied yet" if d.recall is None else f"{d.recall:.0%} (predicted)")
    )
    for head, body in rows:
        text.append(f"\n{head}: ", style="dim bold")
        text.append(visible(body))
    text.append("\n\nHistory", style="bold")
    events: list[tuple[float, str]] = [
        (
            r.at,
            f"{RATINGS[int(r.rating)]:<5}  {r.duration_ms / 1000:>5.1f} s"
            f"  next in {format_interval(r.interval)}",
        )
        for r in d.history
    ]
    events += [(at, "progress reset to new") for at in d.resets]
    if not events:
        text.append("\n  never answered", style="dim")
    for at, what in sorted(events, reverse=True)[:50]:
        text.append(f"\n  {_when(at, app)}  ", style="dim")
        text.append(what)
    return text
