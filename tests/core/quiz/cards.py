"""Small helpers that make stored cards for the quiz tests."""

from __future__ import annotations

import itertools

from trainer.core.model import CardKind, CardType, StoredCard

_rowids = itertools.count(1)


def card(
    front: str,
    back: str = "",
    *,
    kind: str = "other",
    when: str = "",
    accept: tuple[str, ...] = (),
    deck: str = "deck",
    id: str = "",
    type: str = "basic",
    ordinal: int = 1,
    entry: str = "",
    source: str = "",
    note: str = "",
) -> StoredCard:
    """A stored card; ids default to a fresh number."""
    rowid = next(_rowids)
    card_id = id or f"c{rowid}"
    return StoredCard(
        rowid,
        deck,
        card_id,
        entry or card_id.split("/")[0],
        CardType(type),
        ordinal,
        CardKind(kind),
        front,
        back,
        accept,
        when,
        (),
        source,
        note,
    )


def reversed_pair(
    name: str, role: str, *, deck: str = "deck", ask: str = "", ask_reverse: str = ""
) -> list[StoredCard]:
    """The two cards of a reversed person entry: name -> role and role -> name."""
    entry = "p-" + name.lower().replace(" ", "-")
    return [
        card(ask or name, role, kind="person", deck=deck, id=entry, type="reversed", entry=entry),
        card(
            ask_reverse or role,
            name,
            kind="person",
            deck=deck,
            id=f"{entry}/reverse",
            type="reversed",
            ordinal=2,
            entry=entry,
        ),
    ]


def cloze(
    text: str, *, kind: str = "other", when: str = "", deck: str = "deck", entry: str = ""
) -> list[StoredCard]:
    """The cards of a cloze entry, one per gap number."""
    from trainer.core import cloze as scanner

    entry = entry or f"z{next(_rowids)}"
    return [
        card(
            text,
            "",
            kind=kind,
            when=when,
            deck=deck,
            id=f"{entry}/c{n}",
            type="cloze",
            ordinal=n,
            entry=entry,
        )
        for n in scanner.numbers(text)
    ]
