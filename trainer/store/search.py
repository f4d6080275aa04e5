"""The browser's search tree (``trainer/core/search.py``) as one SQL query.

Text is matched ignoring case in every script (Python's ``casefold``, as a
SQL function), in a card's front (a cloze card's text), back, other answers,
note and source. Globs (``*``) become LIKE patterns with the other LIKE
characters escaped, so a search is always data, never SQL.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from trainer.core.search import All, Any, Node, Not, mentions
from trainer.store.catalog import SEP

LIMIT = 2000
"""The most results a search returns (the count says how many there were)."""


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


def _fold(text: object) -> str:
    return text.casefold() if isinstance(text, str) else ""


def install(conn: sqlite3.Connection) -> None:
    """Give the connection the ``fold`` function the queries use."""
    conn.create_function("fold", 1, _fold, deterministic=True)


def _like(pattern: str) -> str:
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%")


_TEXT = (
    "instr(fold(COALESCE(t.front, c.front) || char(31) || c.back || char(31) || c.accept"
    " || char(31) || c.note || char(31) || c.source), ?{n}) > 0"
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
        return _TEXT.format(n=len(args))
    if field == "deck":
        args.append(_like(value.casefold()))
        return f"fold(d.deck_id) LIKE ?{len(args)} ESCAPE '\\'"
    if field == "card":
        args.append(_like(value.casefold()))
        return f"fold(c.card_id) LIKE ?{len(args)} ESCAPE '\\'"
    if field == "tag":
        args.append("%" + SEP + _like(value.casefold()) + SEP + "%")
        n = len(args)
        return (
            f"(fold(char(31) || c.tags || char(31)) LIKE ?{n} ESCAPE '\\'"
            f" OR fold(char(31) || d.tags || char(31)) LIKE ?{n} ESCAPE '\\')"
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


def search(
    conn: sqlite3.Connection,
    node: Node,
    deck_ids: list[str],
    today: int,
    day_end: float,
    limit: int = LIMIT,
) -> tuple[list[Found], int]:
    """The cards of ``deck_ids`` the tree matches, in deck order, and how many there are.

    Args:
        today: Today's study day number (for ``is:buried``).
        day_end: When today's study day ends (for ``is:due``).
    """
    if not deck_ids:
        return [], 0
    install(conn)
    args: list[object] = []
    where = _sql(node, today, day_end, args)
    if not mentions(node, "is", "retired"):
        where = f"NOT c.retired AND ({where})"
    marks = ",".join(f"?{len(args) + i + 1}" for i in range(len(deck_ids)))
    args.extend(deck_ids)
    base = (
        " FROM cards c JOIN decks d ON d.rowid = c.deck_rowid"
        " JOIN card_state s ON s.card_rowid = c.rowid"
        " LEFT JOIN entry_texts t ON c.type = 'cloze' AND t.deck_rowid = c.deck_rowid"
        " AND t.entry_id = c.entry_id"
        f" WHERE d.deck_id IN ({marks}) AND ({where})"
    )
    total = conn.execute("SELECT COUNT(*)" + base, args).fetchone()[0]
    rows = conn.execute(
        "SELECT c.rowid, d.deck_id, c.card_id, c.kind, COALESCE(t.front, c.front), s.queue,"
        " s.state, s.due, s.suspended, s.leech, c.retired"
        + base
        + f" ORDER BY d.deck_id, c.ord LIMIT {int(limit)}",
        args,
    ).fetchall()
    found = [
        Found(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), bool(r[9]), bool(r[10]))
        for r in rows
    ]
    return found, int(total)
