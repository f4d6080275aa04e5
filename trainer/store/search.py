"""The browser's search tree (``trainer/core/search.py``) as parameterised SQL.

Text is matched ignoring case in every script: a card's front (a cloze
card's text), back, other answers, note and source are folded with Python's
``casefold`` once, when the card is written (``cards.folded`` and
``entry_texts.folded``, schema 7), and a search looks in that folded text
with SQLite's ``instr``, never calling Python for each card. Deck ids, card
ids and tags are matched with ``LIKE``, which ignores case in ASCII; only a
value with other characters is folded by Python. Globs (``*``) become LIKE
patterns with the other LIKE characters escaped, so a search is always data,
never SQL.

Results come a page at a time in deck order (deck id, position in the deck),
read straight from the ``cards_order`` index: the first page of a search of
every card costs well under a millisecond, and the count is a query of its
own. :class:`Searcher` runs them on a connection of its own, for a worker
thread, where a newer search stops an older one.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from trainer.core.search import All, Any, Node, Not, fields, mentions
from trainer.store.catalog import SEP

LIMIT = 2000
"""The most results :func:`search` returns (the count says how many there were)."""

PAGE = 100
"""How many results the browser reads at a time."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Found:
    """One card in the results."""

    rowid: int
    deck_id: str
    card_id: str
    kind: str
    front: str
    queue: int
    state: int
    due: float
    suspended: bool
    leech: bool
    retired: bool
    ord: int = 0
    """Its position in its deck (the results' order, with the deck id and the row id)."""


@dataclass(frozen=True, slots=True)
class Query:
    """A search's tree over some decks, on one study day."""

    node: Node
    deck_ids: tuple[str, ...]
    today: int
    """Today's study day number (for ``is:buried``)."""
    day_end: float
    """When today's study day ends (for ``is:due``)."""


def _like(pattern: str) -> str:
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%")


def _like_folded(column: str, n: int) -> str:
    """``column LIKE ?n`` ignoring case in every script.

    SQLite's LIKE folds ASCII only; a value with any other character (its
    UTF-8 bytes outnumber its characters) is folded by Python first.
    """
    return (
        f"({column} LIKE ?{n} ESCAPE '\\' OR (length(CAST({column} AS BLOB)) > length({column})"
        f" AND fold({column}) LIKE ?{n} ESCAPE '\\'))"
    )


def _sql(node: Node, today: int, day_end: float, args: list[object]) -> str:
    if isinstance(node, Not):
        return f"NOT ({_sql(node.node, today, day_end, args)})"
    if isinstance(node, All | Any):
        if not node.nodes:
            return "1"
        joiner = " AND " if isinstance(node, All) else " OR "
        return "(" + joiner.join(_sql(n, today, day_end, args) for n in node.nodes) + ")"
    field, value = node.field, node.value
    if field == "":
        args.append(value.casefold())
        n = len(args)
        # A cloze entry's text is looked up only for cloze cards that need it,
        # before any other table is joined: a third of the time of a join.
        return (
            f"(instr(c.folded, ?{n}) > 0 OR (c.type = 'cloze' AND instr(COALESCE((SELECT"
            " e.folded FROM entry_texts e WHERE e.deck_rowid = c.deck_rowid"
            f" AND e.entry_id = c.entry_id), ''), ?{n}) > 0))"
        )
    if field == "deck":
        args.append(_like(value.casefold()))
        return _like_folded("d.deck_id", len(args))
    if field == "card":
        args.append(_like(value.casefold()))
        return _like_folded("c.card_id", len(args))
    if field == "tag":
        args.append("%" + SEP + _like(value.casefold()) + SEP + "%")
        n = len(args)
        # The decks' tags are matched once, not once for each of their cards.
        return (
            f"((c.tags <> '' AND {_like_folded('(char(31) || c.tags || char(31))', n)})"
            " OR c.deck_rowid IN (SELECT dt.rowid FROM decks dt WHERE"
            f" {_like_folded('(char(31) || dt.tags || char(31))', n)}))"
        )
    if field == "kind":
        args.append(value)
        return f"c.kind = ?{len(args)}"
    return _STATES[value].format(today=int(today), day_end=float(day_end))


_STATES = {
    "due": "(s.queue IN (1, 2) AND s.due < {day_end})",
    "new": "(s.state = 0 AND NOT c.retired)",
    "learn": "(s.state IN (1, 3) AND NOT c.retired)",
    "review": "(s.state = 2 AND NOT c.retired)",
    "suspended": "(s.suspended AND NOT c.retired)",
    "buried": "(s.queue >= 0 AND s.buried_day >= {today})",
    "leech": "s.leech",
    "retired": "c.retired",
}

_COLUMNS = (
    "SELECT c.rowid, d.deck_id, c.card_id, c.kind, COALESCE(t.front, c.front), s.queue,"
    " s.state, s.due, s.suspended, s.leech, c.retired, c.ord"
)
_CARD_STATE = " JOIN card_state s ON s.card_rowid = c.rowid"
_ENTRY_TEXT = (
    " LEFT JOIN entry_texts t ON c.type = 'cloze' AND t.deck_rowid = c.deck_rowid"
    " AND t.entry_id = c.entry_id"
)


def _found(r: Sequence[object]) -> Found:
    return Found(
        r[0],  # type: ignore[arg-type]
        r[1],  # type: ignore[arg-type]
        r[2],  # type: ignore[arg-type]
        r[3],  # type: ignore[arg-type]
        r[4],  # type: ignore[arg-type]
        r[5],  # type: ignore[arg-type]
        r[6],  # type: ignore[arg-type]
        r[7],  # type: ignore[arg-type]
        bool(r[8]),
        bool(r[9]),
        bool(r[10]),
        r[11],  # type: ignore[arg-type]
    )


def _where(query: Query, every_column: bool) -> tuple[str, list[object]]:
    """The FROM and WHERE of a query; without ``every_column`` only the tables it tests."""
    args: list[object] = []
    where = _sql(query.node, query.today, query.day_end, args)
    if not mentions(query.node, "is", "retired"):
        where = f"NOT c.retired AND ({where})"
    marks = ",".join(f"?{len(args) + i + 1}" for i in range(len(query.deck_ids)))
    args.extend(query.deck_ids)
    joins = _CARD_STATE + _ENTRY_TEXT if every_column else ""
    if not every_column and "is" in fields(query.node):
        joins = _CARD_STATE
    return (
        f" FROM cards c JOIN decks d ON d.rowid = c.deck_rowid{joins}"
        f" WHERE d.deck_id IN ({marks}) AND ({where})",
        args,
    )


@dataclass(frozen=True, slots=True)
class Page:
    """Some results in deck order, and whether more follow them."""

    found: list[Found]
    more: bool


def page(
    conn: sqlite3.Connection, query: Query, after: Found | None = None, limit: int | None = None
) -> Page:
    """Up to ``limit`` (:data:`PAGE`) results in deck order, from the start or after ``after``."""
    limit = PAGE if limit is None else limit
    if not query.deck_ids:
        return Page([], False)
    base, args = _where(query, every_column=True)
    if after is not None:
        n = len(args)
        base += f" AND (d.deck_id, c.ord, c.rowid) > (?{n + 1}, ?{n + 2}, ?{n + 3})"
        args += [after.deck_id, after.ord, after.rowid]
    rows = conn.execute(
        _COLUMNS + base + f" ORDER BY d.deck_id, c.ord, c.rowid LIMIT {int(limit) + 1}", args
    ).fetchall()
    return Page([_found(r) for r in rows[:limit]], len(rows) > limit)


def count(conn: sqlite3.Connection, query: Query) -> int:
    """How many cards the search finds."""
    if not query.deck_ids:
        return 0
    base, args = _where(query, every_column=False)
    return int(conn.execute("SELECT COUNT(*)" + base, args).fetchone()[0])


def rowids(conn: sqlite3.Connection, query: Query) -> list[int]:
    """The row ids of every card the search finds, in deck order (to mark them all)."""
    if not query.deck_ids:
        return []
    base, args = _where(query, every_column=False)
    return [
        r for (r,) in conn.execute("SELECT c.rowid" + base + " ORDER BY d.deck_id, c.ord", args)
    ]


def rows(conn: sqlite3.Connection, card_rowids: Sequence[int]) -> dict[int, Found]:
    """Some cards as the results show them, by row id (to show what an action changed)."""
    out: dict[int, Found] = {}
    ids = list(card_rowids)
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        for r in conn.execute(
            _COLUMNS
            + " FROM cards c JOIN decks d ON d.rowid = c.deck_rowid"
            + _CARD_STATE
            + _ENTRY_TEXT
            + f" WHERE c.rowid IN ({','.join('?' * len(part))})",
            part,
        ):
            found = _found(r)
            out[found.rowid] = found
    return out


def search(
    conn: sqlite3.Connection,
    node: Node,
    deck_ids: list[str],
    today: int,
    day_end: float,
    limit: int = LIMIT,
) -> tuple[list[Found], int]:
    """The first ``limit`` cards of ``deck_ids`` the tree matches, in deck order, and how many.

    Args:
        today: Today's study day number (for ``is:buried``).
        day_end: When today's study day ends (for ``is:due``).
    """
    query = Query(node, tuple(deck_ids), today, day_end)
    first = page(conn, query, limit=limit)
    return first.found, (count(conn, query) if first.more else len(first.found))


class Superseded(Exception):
    """A newer search began: this one's results would be stale, so it stopped."""


class Searcher:
    """Searches on a connection of their own, one at a time; the newest wins.

    The browser runs them in a worker thread. :meth:`begin` gives each new
    search a ticket; an older search still running stops at once (SQLite's
    progress handler), and one that has not started yet does not start.

    Args:
        conn: A read-only connection of its own (``db.open_reader``).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._lock = threading.Lock()
        self._latest = 0
        self._running = 0
        conn.set_progress_handler(self._stale, 1000)

    def begin(self) -> int:
        """A ticket for a new search; every older one is stopped."""
        self._latest += 1
        return self._latest

    def _stale(self) -> int:
        return 1 if self._running and self._running != self._latest else 0

    def run(self, ticket: int, work: Callable[[sqlite3.Connection], T]) -> T:
        """``work(conn)`` for the search with ``ticket`` (a page, the count, every row id).

        Raises:
            Superseded: a newer search began before or while it ran.
        """
        with self._lock:
            if ticket != self._latest:
                raise Superseded
            self._running = ticket
            try:
                return work(self.conn)
            except sqlite3.OperationalError as exc:
                if ticket != self._latest:
                    raise Superseded from exc
                raise
            finally:
                self._running = 0

    def page(self, ticket: int, query: Query, after: Found | None = None) -> Page:
        """A page of results (:func:`page`) for the search with ``ticket``."""
        return self.run(ticket, lambda conn: page(conn, query, after))

    def count(self, ticket: int, query: Query) -> int:
        """How many cards the search with ``ticket`` finds (:func:`count`)."""
        return self.run(ticket, lambda conn: count(conn, query))

    def rowids(self, ticket: int, query: Query) -> list[int]:
        """Every card the search with ``ticket`` finds (:func:`rowids`)."""
        return self.run(ticket, lambda conn: rowids(conn, query))

    def close(self) -> None:
        """Stop what runs, and close the connection."""
        self._latest = -1
        with self._lock:
            self.conn.close()
