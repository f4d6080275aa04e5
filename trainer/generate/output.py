"""Where a generated deck goes: checked before the work, validated before it is written."""

from __future__ import annotations

from pathlib import Path

from trainer.core.deck import parse_deck
from trainer.core.deckfiles import is_deck_name
from trainer.core.errors import UsageError
from trainer.core.safewrite import write_atomic


def check_output(output: Path, force: bool) -> None:
    """Refuse an output path before any article is read.

    Raises:
        UsageError: for a folder, a name that is not a deck file's, an existing
            file without ``force``, or a folder that does not exist.
    """
    if output.is_dir():
        raise UsageError(f"{output} is a folder", "give a file name such as deck.yaml")
    if output.exists() and not force:
        raise UsageError(
            f"{output} already exists", "use --force to overwrite it, or choose another -o"
        )
    if not is_deck_name(output):
        raise UsageError(f"{output}: a deck file must end in .yaml or .yml")
    if not output.parent.is_dir():
        raise UsageError(f"{output.parent}: no such folder")


def check_deck_id(deck_id: str | None) -> None:
    """Refuse a ``--id`` that would make a deck ``trainer check`` refuses.

    Raises:
        UsageError: for an empty id or one with a line break or control character.
    """
    if deck_id is None:
        return
    if not deck_id.strip() or any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in deck_id):
        raise UsageError(
            f"--id {deck_id!r} is not a deck id",
            "give one line of text without control characters, such as my-deck",
        )


def validated(text: str, name: str) -> str:
    """``text`` if it is a deck ``trainer check`` accepts.

    Raises:
        UsageError: naming the first problem; nothing should then be written.
    """
    deck, problems = parse_deck(text, path=name, default_id=Path(name).stem)
    errors = [p for p in problems if not p.warning]
    if deck is None or errors:
        first = errors[0] if errors else None
        raise UsageError(
            f"the drafted deck would not pass 'trainer check': {first or 'no cards'}",
            "nothing was written; please report this with the article",
        )
    return text


def write_deck(text: str, output: Path) -> None:
    """Validate the deck text and write it atomically to ``output``."""
    write_atomic(output, validated(text, output.name))
