"""The settings file on disk: read it, and write it atomically.

A write goes through ``core.safewrite``: a temporary file created
exclusively beside it, flushed to disk, then renamed over it, so a crash
leaves the old file or the new one, never half of either.
"""

from __future__ import annotations

from pathlib import Path

from trainer.core.deckfiles import read_deck_bytes
from trainer.core.errors import ConfigError, DeckError, UsageError
from trainer.core.safewrite import write_atomic

MAX_CONFIG_BYTES = 1024 * 1024
"""The largest settings file read."""


def read(path: Path) -> str:
    """The file's text ('' when there is no file).

    Raises:
        ConfigError: when it exists but cannot be read as UTF-8 text.
    """
    if not path.exists() and not path.is_symlink():
        return ""
    try:
        # a regular file of at most a megabyte: a pipe or a link to a device named
        # config.toml must not hang or fill the memory of every command
        return read_deck_bytes(path, MAX_CONFIG_BYTES).decode("utf-8")
    except DeckError as exc:
        problem = exc.problems[0] if exc.problems else None
        why = problem.message if problem else str(exc)
        if why.startswith("the file is "):
            why = f"the file is larger than {MAX_CONFIG_BYTES // (1024 * 1024)} MB"
        raise ConfigError(f"cannot read {path}: {why}", "fix or delete the file") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read {path}: {exc}", "fix or delete the file") from exc


def write(path: Path, text: str) -> None:
    """Replace the file's text atomically (the folder is made when missing).

    Raises:
        ConfigError: when the file cannot be written; the old one is untouched.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text, new_mode=0o600)
    except (OSError, UsageError) as exc:
        message = exc.message if isinstance(exc, UsageError) else f"cannot write {path}: {exc}"
        raise ConfigError(message, "check the folder's permissions") from exc
