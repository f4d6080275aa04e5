"""Changing one setting in the TOML text, keeping everything else as written.

The settings screen changes one value at a time. The value is checked first
with the same rules that read the file (:func:`trainer.core.config.parse_config`),
so a refused value names its allowed range; then ``tomlkit`` changes that one
key and leaves the user's comments, order and spacing alone (``tomllib`` only
reads, and writing TOML by hand would lose them).
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from trainer.core.config import parse_config
from trainer.core.errors import ConfigError, NotTomlError, UsageError

Value = int | float | str | list[str]


def check(key: str, value: Value, deck: str | None = None) -> str | None:
    """Why ``value`` cannot be the setting ``key`` (of deck ``deck``), or None when it can.

    The reason is the one the file's reader gives, with the allowed range.
    """
    doc: dict[str, Any] = {"decks": {deck: {key: value}}} if deck else {key: value}
    try:
        parse_config(tomlkit.dumps(doc), "value")
    except ConfigError as exc:
        return exc.message.removeprefix("value: ")
    except (TOMLKitError, ValueError, TypeError) as exc:
        return str(exc)
    return None


def _document(text: str, path: str) -> tomlkit.TOMLDocument:
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise NotTomlError(
            f"{path} is not TOML, so no setting in it can be changed: {exc}",
            "fix the file's TOML by hand, or replace it (the settings screen offers to,"
            " keeping the old file as a .bak copy)",
        ) from exc


def set_value(text: str, key: str, value: Value | None, path: str, deck: str | None = None) -> str:
    """``text`` with setting ``key`` (of ``deck``) set to ``value``, or removed when None.

    Raises:
        UsageError: for a value the setting refuses (with its range), or a
            file whose TOML cannot be read.
    """
    if value is not None:
        problem = check(key, value, deck)
        if problem:
            raise UsageError(problem, "the value was not saved")
    doc = _document(text, path)
    table: Any = doc
    if deck is not None:
        decks = doc.get("decks")
        if decks is None:
            if value is None:
                return text
            decks = tomlkit.table(is_super_table=True)
            doc.add("decks", decks)
        if deck not in decks:
            if value is None:
                return text
            decks.add(deck, tomlkit.table())
        table = decks[deck]
    if value is None:
        if key in table:
            del table[key]
        if deck is not None and not table:
            del doc["decks"][deck]
            if not doc["decks"]:
                del doc["decks"]
    elif key in table:
        table[key] = value
    else:
        # tomlkit puts a new top-level key before the first table, where it belongs.
        table.add(key, value)
    return tomlkit.dumps(doc)
