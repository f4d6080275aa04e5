"""Deck ids, titles and file names for imported decks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_NOT_WORD = re.compile(r"[^\w]+")
SEPARATOR = "::"
"""Joins the levels of a deck hierarchy in a deck id, as Anki writes them."""


def slug(text: str) -> str:
    """Lower-case words joined by dashes (letters of any script kept); 'deck' when none."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORD.sub("-", norm).strip("-_") or "deck"


def hierarchy(name: str) -> list[str]:
    """The levels of an Anki deck name (``Parent::Child``), empty ones left out."""
    return [part.strip() for part in name.split(SEPARATOR) if part.strip()]


def deck_ids(names: Sequence[list[str]], root: str | None = None) -> list[str]:
    """A deck id for each deck (given as its levels).

    Without ``root`` the id is the levels' slugs joined by ``::``. With it, the
    levels all the decks share are replaced by ``root``: one deck becomes
    ``root``, and ``A::B`` and ``A::C`` become ``root::b`` and ``root::c``.
    """
    if root is None:
        return [SEPARATOR.join(slug(level) for level in levels) or "deck" for levels in names]
    common = 0
    if names:
        shortest = min(len(levels) for levels in names)
        while common < shortest and len({tuple(levels[: common + 1]) for levels in names}) == 1:
            common += 1
    return [SEPARATOR.join([root, *(slug(level) for level in levels[common:])]) for levels in names]


def title(levels: Sequence[str]) -> str:
    """A deck's title from its levels: ``French › Verbs``."""
    return " › ".join(levels) or "Imported deck"


def file_stem(deck_id: str) -> str:
    """A file name (without ``.yaml``) for a deck id."""
    return "--".join(slug(level) for level in deck_id.split(SEPARATOR))[:100] or "deck"
