"""The settings file on disk: read it, and write it atomically.

A write goes through ``core.safewrite``: a temporary file created
exclusively beside it, flushed to disk, then renamed over it, so a crash
leaves the old file or the new one, never half of either.
"""

from __future__ import annotations

from pathlib import Path

from trainer.core.errors import ConfigError, UsageError
from trainer.core.safewrite import write_atomic


def read(path: Path) -> str:
    """The file's text ('' when there is no file).

    Raises:
        ConfigError: when it exists but cannot be read as UTF-8 text.
    """
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
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
