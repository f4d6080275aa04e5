"""Deck files on disk: which files are decks, finding them, reading them safely.

The one place that decides what a deck file is (``.yaml`` or ``.yml``), how a
folder is searched (sub-folders too, hidden ones skipped), and whether a
command-line DECK argument names a file or a deck id.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from trainer.core.errors import DeckError, Problem, UnreadableFile
from trainer.core.saferead import read_bounded

SUFFIXES = (".yaml", ".yml")
MAX_DECK_BYTES = 64 * 1024 * 1024
"""A deck file larger than this is refused unread (100,000 cards take about 15 MB)."""
MAX_DEPTH = 8
"""How deep a deck folder is searched."""


def is_deck_name(path: Path) -> bool:
    """Whether ``path`` is named like a deck file."""
    return path.suffix.lower() in SUFFIXES


def find_decks(folder: Path) -> list[Path]:
    """Every deck file under ``folder`` (sub-folders too, hidden ones skipped), sorted."""
    return sorted(_walk(folder, 0))


def _walk(folder: Path, depth: int) -> Iterator[Path]:
    try:
        items = list(os.scandir(folder))
    except OSError:
        return
    for item in items:
        if item.name.startswith("."):
            continue
        path = Path(item.path)
        try:
            if item.is_dir():
                if depth < MAX_DEPTH:
                    yield from _walk(path, depth + 1)
            elif is_deck_name(path):
                yield path
        except OSError:
            continue


def deck_argument(arg: str) -> Path | None:
    """The file or folder a DECK argument names, or None when it is a deck id.

    An argument is a path when it exists, or when it is named like a deck file
    (so that a missing ``deck.yaml`` is reported as a missing file, not as an
    unknown deck id).
    """
    path = Path(arg)
    try:
        exists = path.exists()
    except (OSError, ValueError):
        exists = False
    return path if exists or is_deck_name(path) else None


def read_deck_bytes(path: Path, limit: int = MAX_DECK_BYTES) -> bytes:
    """The bytes of a deck file: a regular file, at most ``limit`` bytes.

    A FIFO, a device or a link to one is refused without being opened for
    reading in a way that could block, and a file that grows past the limit
    while being read is refused too.

    Raises:
        DeckError: naming the file and the problem.
    """

    try:
        return read_bounded(
            path,
            limit,
            what="a deck",
            not_regular="a deck is a .yaml file, not a folder, pipe or device",
            too_large="split it into several decks",
        )
    except UnreadableFile as exc:
        raise DeckError(str(path), [Problem(str(path), 0, 0, exc.message, exc.hint)]) from exc
