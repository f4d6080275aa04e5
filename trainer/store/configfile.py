"""The settings file on disk: read it, and write it atomically.

A write goes to a temporary file beside it, is flushed to disk, and then
replaces the file in one rename, so a crash leaves the old file or the new
one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from trainer.core.errors import ConfigError


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
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o600
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ConfigError(
            f"cannot write {path}: {exc.strerror or exc}", "check the folder's permissions"
        ) from exc
