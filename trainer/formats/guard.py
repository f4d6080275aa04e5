"""Reading untrusted files in bounded time and memory.

Every limit an importer keeps is here, with the readers that keep them:
sizes are counted as bytes arrive (never taken from a header), compressed
data is inflated in small steps with its ratio watched, and media names are
checked before anything is written.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from trainer.core.errors import FormatError, UnreadableFile
from trainer.core.saferead import read_bounded

MiB = 1024 * 1024
MAX_TEXT_BYTES = 64 * MiB
"""A CSV, TSV or text export larger than this is refused unread (a deck file's limit)."""
MAX_COLLECTION_BYTES = 512 * MiB
"""The most an Anki collection may inflate to."""
MAX_MEDIA_BYTES = 2048 * MiB
"""The most all of a package's media together may inflate to."""
MAX_MEMBERS = 200_000
"""The most files a package may hold."""
MAX_RATIO = 200
"""Inflating beyond this many times the compressed size (past 1 MiB) is taken for a zip bomb."""
MAX_SECONDS = 60.0
"""How long reading a collection's tables may take before it is given up."""
_STEP = 1024
"""Compressed bytes fed to the zstd decoder at once: each step inflates to at most ~40 MiB."""


def refuse(path: Path | str, message: str, hint: str = "") -> FormatError:
    """The error for a file that cannot be imported."""
    return FormatError(f"{path}: {message}", hint)


def read_text_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """A text file's bytes: a regular file, at most ``limit`` bytes."""
    try:
        return read_bounded(path, limit, what="a file to import", too_large="split the file")
    except UnreadableFile as exc:
        raise refuse(path, exc.message, exc.hint) from exc


def regular_file(path: Path) -> os.stat_result:
    """The file's status, refusing anything but a regular file (links are followed)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise refuse(path, f"cannot read the file: {exc.strerror}", "check the path") from exc
    if not stat.S_ISREG(info.st_mode):
        raise refuse(path, "not a regular file", "name a file, not a folder, pipe or device")
    return info


def open_zip(path: Path) -> zipfile.ZipFile:
    """A package opened as a zip file, with its member count checked."""
    regular_file(path)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise refuse(
            path,
            "not a zip file, so not an Anki package (it may be truncated)",
            "export the deck from Anki again",
        ) from exc
    except OSError as exc:
        raise refuse(path, f"cannot read the file: {exc.strerror}") from exc
    if len(archive.infolist()) > MAX_MEMBERS:
        archive.close()
        raise refuse(path, f"the package holds more than {MAX_MEMBERS} files")
    return archive


class _Budget:
    """Counts inflated bytes against a cap and a ratio."""

    def __init__(self, path: Path, what: str, cap: int, compressed: int) -> None:
        self.path, self.what, self.cap, self.compressed = path, what, cap, max(compressed, 1)
        self.total = 0

    def add(self, n: int) -> None:
        self.total += n
        if self.total > self.cap:
            raise refuse(
                self.path,
                f"{self.what} inflates to more than {self.cap // MiB} MiB; it is refused",
                "a package this large is not one this trainer can import",
            )
        if self.total > MiB and self.total > MAX_RATIO * self.compressed:
            raise refuse(
                self.path,
                f"{self.what} inflates more than {MAX_RATIO} times: this looks like a zip bomb",
                "only import packages from sources you trust",
            )


def _raw_chunks(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, budget: _Budget | None
) -> Iterator[bytes]:
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(64 * 1024)
                if not chunk:
                    return
                if budget is not None:
                    budget.add(len(chunk))
                yield chunk
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise refuse(path, f"{info.filename} is damaged in the package ({exc})") from exc
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encryption
        raise refuse(path, f"{info.filename} cannot be read: {exc}") from exc


def member_chunks(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    path: Path,
    what: str,
    cap: int,
    zstd: bool = False,
) -> Iterator[bytes]:
    """A package member's bytes in pieces, inflated (zstd too), within ``cap`` and the ratio.

    Raises:
        FormatError: for a member that is damaged, truncated, too large or a bomb.
    """
    if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
        raise refuse(path, f"{info.filename} in the package is not a plain file")
    budget = _Budget(path, what, cap, info.compress_size)
    if not zstd:
        yield from _raw_chunks(archive, info, path, budget)
        return
    import zstandard

    decoder = zstandard.ZstdDecompressor().decompressobj()
    try:
        for chunk in _raw_chunks(archive, info, path, None):
            for start in range(0, len(chunk), _STEP):
                out = decoder.decompress(chunk[start : start + _STEP])
                if out:
                    budget.add(len(out))
                    yield out
                if decoder.eof:
                    return
    except zstandard.ZstdError as exc:
        raise refuse(path, f"{what} is not valid zstd data ({exc})") from exc
    raise refuse(path, f"{what} is truncated", "export the deck from Anki again")


def read_member(
    archive: zipfile.ZipFile,
    name: str,
    path: Path,
    what: str,
    cap: int,
    zstd: bool = False,
) -> bytes:
    """A small package member's bytes (the meta file, the media map)."""
    info = archive.getinfo(name)
    return b"".join(member_chunks(archive, info, path, what, cap, zstd))


def copy_member(
    archive: zipfile.ZipFile,
    name: str,
    path: Path,
    what: str,
    cap: int,
    dest: BinaryIO,
    zstd: bool = False,
) -> int:
    """Stream a package member into ``dest``; returns the bytes written."""
    info = archive.getinfo(name)
    total = 0
    for chunk in member_chunks(archive, info, path, what, cap, zstd):
        dest.write(chunk)
        total += len(chunk)
    return total


_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def media_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a media file's name in a deck folder, or None when it can."""
    if not name or name in (".", ".."):
        return "an empty name"
    if "/" in name or "\\" in name:
        return "a path, not a file name"
    if os.path.isabs(name) or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        return "control characters in the name"
    if name.startswith("."):
        return "a hidden file's name"
    if len(name.encode("utf-8")) > 255:
        return "a name longer than 255 bytes"
    if name.split(".")[0].lower() in _WINDOWS_RESERVED:
        return "a name reserved by Windows"
    return None
