"""The settings file on disk: read it, and write it atomically.

A write goes through ``core.safewrite``: a temporary file created
exclusively beside it, flushed to disk, then renamed over it, so a crash
leaves the old file or the new one, never half of either.
"""

from __future__ import annotations

from pathlib import Path

from trainer.core.errors import ConfigError, UnreadableFile, UsageError
from trainer.core.saferead import read_bounded
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
        return read_bounded(path, MAX_CONFIG_BYTES, what="a settings file").decode("utf-8")
    except (UnreadableFile, UnicodeDecodeError) as exc:
        why = exc.message if isinstance(exc, UnreadableFile) else str(exc)
        raise ConfigError(f"cannot read {path}: {why}", "fix or delete the file") from exc


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
