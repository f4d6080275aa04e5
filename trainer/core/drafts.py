"""Reviewing a drafted deck: accept, edit or drop each card marked ``draft:``.

A :class:`DraftDeck` holds a deck file's entries as plain data. Every change
is written back at once (:meth:`DraftDeck.save`): the new text is checked with
the deck parser and replaces the file in one step, so the file is never
half-written and never left in a state ``trainer check`` refuses. Entry ids
never change, so progress on accepted cards is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trainer.core.deck import parse_deck
from trainer.core.deckfiles import read_deck_bytes
from trainer.core.errors import UsageError
from trainer.core.safewrite import write_atomic


@dataclass(frozen=True, slots=True)
class Draft:
    """One entry still to review: its position, id and what the reviewer reads."""

    index: int
    id: str
    type: str
    front: str
    back: str
    when: str
    source: str
    note: str
    quote: str
    unsure: bool


class DraftDeck:
    """A deck file opened for review."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = read_deck_bytes(path)
        text = data.decode("utf-8-sig")
        deck, problems = parse_deck(text, path=str(path), default_id=path.stem)
        errors = [p for p in problems if not p.warning]
        if deck is None or errors:
            raise UsageError(
                f"{path}: the deck has errors ({errors[0] if errors else 'no cards'})",
                f"run 'trainer check {path}', fix it, then review it",
            )
        import yaml

        self.header = "".join(
            line + "\n" for line in text.splitlines() if line.startswith("#")
        ).split("\n\n")[0]
        self.body: dict[str, Any] = yaml.safe_load(text)
        self.entries: list[dict[str, Any]] = self.body["cards"]
        self.reviewed = 0

    def drafts(self) -> list[Draft]:
        """The entries not yet reviewed, in deck order."""
        out = []
        for i, e in enumerate(self.entries):
            if "draft" not in e:
                continue
            tags = e.get("tags") or []
            out.append(
                Draft(
                    i,
                    str(e.get("id", "")),
                    str(e.get("type", "basic")),
                    str(e.get("front", "")),
                    str(e.get("back", "") or ""),
                    str(e.get("when", "") or ""),
                    str(e.get("source", "") or ""),
                    str(e.get("note", "") or ""),
                    str(e["draft"]),
                    "unsure" in tags if isinstance(tags, list) else tags == "unsure",
                )
            )
        return out

    def _entry(self, card_id: str) -> dict[str, Any]:
        for e in self.entries:
            if str(e.get("id", "")) == card_id:
                return e
        raise UsageError(f"{self.path}: no card '{card_id}'", "reload the deck and try again")

    def accept(self, card_id: str) -> None:
        """The card is right: it is no longer a draft (nor unsure)."""
        e = self._entry(card_id)
        e.pop("draft", None)
        tags = e.get("tags")
        if isinstance(tags, list) and "unsure" in tags:
            tags.remove("unsure")
            if not tags:
                e.pop("tags")
        self.reviewed += 1
        self.save()

    def edit(self, card_id: str, front: str, back: str) -> None:
        """The card says it better now: new wording, then accepted.

        Raises:
            UsageError: when the new wording is not a valid card (nothing is written).
        """
        e = self._entry(card_id)
        old = dict(e)
        e["front"] = front
        if back or e.get("type", "basic") != "cloze":
            e["back"] = back
        else:
            e.pop("back", None)
        try:
            self.accept(card_id)
        except UsageError:
            e.clear()
            e.update(old)
            raise

    def drop(self, card_id: str) -> None:
        """The card is wrong or useless: it leaves the deck."""
        if len(self.entries) == 1:
            raise UsageError(
                "a deck needs at least one card", "delete the file instead, or keep this card"
            )
        self.entries.remove(self._entry(card_id))
        self.reviewed += 1
        self.save()

    def text(self) -> str:
        """The deck file's new text."""
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        body = yaml.dump(
            self.body,
            Dumper=dumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
            default_flow_style=False,
        )
        return self.header + body

    def save(self) -> None:
        """Check the new text with the deck parser, then replace the file in one step.

        Raises:
            UsageError: when the result would not load (the file is left as it was).
        """
        text = self.text()
        deck, problems = parse_deck(text, path=str(self.path), default_id=self.path.stem)
        errors = [p for p in problems if not p.warning]
        if deck is None or errors:
            raise UsageError(
                f"that change would break the deck: {errors[0] if errors else 'no cards'}",
                "the file was not changed",
            )
        write_atomic(self.path, text)
