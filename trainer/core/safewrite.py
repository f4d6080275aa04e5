"""Writing a file so that it is never half-written and never written through a planted link.

The text goes to a new temporary file created exclusively (``O_EXCL``, a
random name) beside the target, is flushed to disk, and then replaces the
target in one step. A symbolic link or a file that happens to sit at some
fixed ``.tmp`` name is never opened, and a failure leaves the target as it was
and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from trainer.core.errors import UsageError


def write_atomic(path: Path, text: str, new_mode: int | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step.

    Args:
        path: The file to write.
        text: Its new content.
        new_mode: The permissions of a file that does not exist yet (else the
            umask's); an existing file keeps its own.

    Raises:
        UsageError: when ``path`` is a folder, its folder does not exist, or the
            file cannot be written (the message says why; nothing is changed).
    """
    if path.is_dir():
        raise UsageError(f"{path} is a folder", "give a file name such as deck.yaml")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write here: {exc.strerror}") from exc
    try:
        # the new file keeps the old one's permissions (mkstemp makes it private)
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            if new_mode is not None:
                mode = new_mode
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UsageError(f"{path}: cannot write the file: {exc.strerror}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def unused_path(first: Path, nth: Callable[[int], Path]) -> Path:
    """``first``, or ``nth(2)``, ``nth(3)``...: the first name nothing is at, not even
    a broken link."""
    candidate, n = first, 2
    while candidate.exists() or candidate.is_symlink():
        candidate, n = nth(n), n + 1
    return candidate
