"""The settings file on disk: read it, and write it atomically.

A write goes through ``core.safewrite``: a temporary file created
exclusively beside it, flushed to disk, then renamed over it, so a crash
leaves the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from trainer.core.errors import ConfigError, NotTomlError, UnreadableFile, UsageError
from trainer.core.saferead import read_bounded
from trainer.core.safewrite import unused_path, write_atomic

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
    except UnreadableFile as exc:
        raise ConfigError(f"cannot read {path}: {exc.message}", "fix or delete the file") from exc
    except UnicodeDecodeError as exc:
        raise NotTomlError(
            f"{path} is not UTF-8 text, so it cannot be TOML: {exc}", "fix or delete the file"
        ) from exc


def set_aside(path: Path) -> Path:
    """Rename the file to a free ``NAME.bak`` (then ``NAME.bak.2`` ...) beside it; the new name.

    The rename keeps the file exactly as it was, whatever it holds.

    Raises:
        ConfigError: when it is not a regular file or cannot be renamed; nothing is changed.
    """
    if path.is_symlink() or not path.is_file():
        raise ConfigError(f"{path} is not a regular file", "move it aside by hand")
    backup = unused_path(
        path.with_name(path.name + ".bak"), lambda n: path.with_name(f"{path.name}.bak.{n}")
    )
    try:
        os.rename(path, backup)
    except OSError as exc:
        raise ConfigError(
            f"cannot rename {path}: {exc.strerror}", "check the folder's permissions"
        ) from exc
    return backup


def put_back(backup: Path, path: Path) -> None:
    """Undo :func:`set_aside` (when the new file could not be written)."""
    with contextlib.suppress(OSError):
        os.replace(backup, path)


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
