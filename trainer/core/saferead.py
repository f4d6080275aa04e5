"""Reading a file that may be anything: a regular file only, never more than a limit.

Deck files, files to import, the settings file and the small files beside a
profile are all read this way. A FIFO, a device or a link to one is refused
without being opened in a way that could block, and a file that grows past the
limit while being read is refused too. Each caller words the error for its
file (a deck names its line, an import its file, the settings their fix).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from trainer.core.errors import UnreadableFile

_MB = 1024 * 1024


def read_bounded(
    path: Path,
    limit: int,
    what: str = "a file",
    not_regular: str = "name a file, not a folder, pipe or device",
    too_large: str = "",
) -> bytes:
    """The bytes of ``path``: a regular file of at most ``limit`` bytes.

    Args:
        path: The file.
        limit: The most bytes read.
        what: What the file is, for the message ("a deck may be at most 64 MB").
        not_regular: The hint when it is no regular file.
        too_large: The hint when it is larger than ``limit``.

    Raises:
        UnreadableFile: the problem (without the file's name) and a hint.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file: {exc.strerror}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("not a regular file", not_regular)
        if info.st_size > limit:
            raise UnreadableFile(
                f"the file is {info.st_size // _MB} MB; {what} may be at most {limit // _MB} MB",
                too_large,
            )
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, _MB)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(f"the file is larger than {limit // _MB} MB", too_large)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file: {exc.strerror}") from exc
    finally:
        os.close(fd)
