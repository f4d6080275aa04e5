"""Backups of a profile's database, made with SQLite's online backup API.

Never a file copy of a live database: ``Connection.backup`` copies a
consistent snapshot (the write-ahead log included) while other connections
keep working. Backups are ordinary SQLite files in the profile's backup
folder, named after the profile and the time; one restored on another
machine works there.

Automatic backups are made at most every 30 minutes while studying and when
the trainer exits after changing something; a bounded number is kept: the
three newest, the newest of each of the last seven days and the newest of
each of the last eight weeks.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.core.errors import DamagedCopy, StoreError, UsageError

EVERY = 30 * 60.0
"""Seconds between automatic backups while studying."""
KEEP_NEWEST, KEEP_DAYS, KEEP_WEEKS = 3, 7, 8
SUFFIX = ".sqlite3"


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file and what it holds."""

    path: Path
    made: datetime
    answers: int


DAMAGED = ".damaged" + SUFFIX
"""How a copy of a database that failed its check ends: kept, never listed as a backup."""


def _stamp(path: Path, profile: str, suffix: str = SUFFIX) -> datetime | None:
    try:
        return datetime.strptime(
            path.name.removeprefix(f"{profile}-").removesuffix(suffix), "%Y%m%d-%H%M%S"
        ).replace(tzinfo=UTC)
    except ValueError:
        return None


def answers_in(path: Path) -> int:
    """How many answers a backup (or any trainer database) holds.

    Raises:
        StoreError: when the file is not a readable trainer database.
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(
            f"{path} is not a readable trainer database ({exc})", "choose another backup"
        ) from exc


def backups(where: Path, profile: str, count: bool = True) -> list[Backup]:
    """The profile's backups in folder ``where``, newest first.

    Args:
        count: Open each backup to count its answers (else ``answers`` is -1).
    """
    found = []
    for path in where.glob(f"{profile}-*{SUFFIX}") if where.is_dir() else []:
        made = _stamp(path, profile)
        if made is None:
            continue
        answers = -1
        if count:
            with contextlib.suppress(StoreError):
                answers = answers_in(path)
        found.append(Backup(path, made, answers))
    return sorted(found, key=lambda b: b.made, reverse=True)


def make(
    database: Path, where: Path, profile: str, now: datetime, spare: Path | None = None
) -> Path:
    """Back up ``database`` now (on a connection of its own); returns the new file.

    The copy is written under a temporary name and renamed, so a backup file
    is always complete; older backups beyond the kept ones are removed, but
    never ``spare`` (the backup about to be restored).

    Raises:
        StoreError: when the backup cannot be written.
    """
    when = now.astimezone(UTC).replace(microsecond=0)
    while (where / f"{profile}-{when:%Y%m%d-%H%M%S}{SUFFIX}").exists():
        when += timedelta(seconds=1)  # never overwrite a backup made the same second
    stem = f"{profile}-{when:%Y%m%d-%H%M%S}"
    target = where / f"{stem}{SUFFIX}"
    tmp = where / f".{stem}{SUFFIX}.tmp"
    problem = ""
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        source = sqlite3.connect(database, timeout=10.0)
        copy = sqlite3.connect(tmp)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            problem = _problem(copy)
        finally:
            copy.close()
            source.close()
        if problem:
            # a copy of a damaged database is kept for a specialist, under a name no
            # backup list shows, and the sound backups are not pruned to make room
            target = where / f"{stem}{DAMAGED}"
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(
            f"the backup {target} could not be written: {exc}",
            "check the free disk space and the folder's permissions",
        ) from exc
    if problem:
        raise DamagedCopy(target, problem)
    prune(where, profile, spare)
    return target


def _problem(conn: sqlite3.Connection) -> str:
    """The first problem SQLite's quick check finds in ``conn``, or "" when it is sound."""
    try:
        found = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "" if found == "ok" else str(found)


def prune(where: Path, profile: str, spare: Path | None = None) -> list[Path]:
    """Remove the backups beyond the kept ones (never ``spare``); returns what was removed."""
    found = backups(where, profile, count=False)
    keep = {b.path for b in found[:KEEP_NEWEST]}
    if spare is not None:
        keep.add(spare)
    days: set[object] = set()
    weeks: set[object] = set()
    for b in found:  # newest first: the first of each day or week is kept
        day = b.made.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAYS:
            days.add(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKS:
            weeks.add(week)
            keep.add(b.path)
    removed = [b.path for b in found if b.path not in keep]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def due(where: Path, profile: str, now: datetime) -> bool:
    """Whether the newest backup, or copy of a damaged database, is ``EVERY`` seconds old.

    A damaged copy counts, so a damaged database is not copied again at every answer.
    """
    made = [b.made for b in backups(where, profile, count=False)]
    for path in where.glob(f"{profile}-*{DAMAGED}") if where.is_dir() else []:
        stamp = _stamp(path, profile, DAMAGED)
        if stamp is not None:
            made.append(stamp)
    return not made or (now - max(made)).total_seconds() >= EVERY


def check(source: Path) -> None:
    """Make sure ``source`` is a sound trainer profile before anything is replaced.

    Raises:
        UsageError: saying what is wrong with it.
    """
    if not source.is_file():
        raise UsageError(f"{source}: no such backup", "'trainer restore' lists them")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        raise UsageError(f"{source} cannot be opened: {exc}", "choose another backup") from exc
    try:
        tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master")}
        result = [r[0] for r in src.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as exc:
        raise UsageError(
            f"{source} is not a trainer database ({exc})", "choose another backup"
        ) from exc
    finally:
        src.close()
    if not {"cards", "card_state", "review_log"} <= tables:
        raise UsageError(f"{source} is not a trainer profile", "choose another backup")
    if result != ["ok"]:
        raise UsageError(f"{source} is damaged: {result[0]}", "choose another backup")


def restore(conn: sqlite3.Connection, source: Path) -> None:
    """Put a backup's content into the live database ``conn`` (online, in one step).

    Raises:
        UsageError: when ``source`` is not a sound trainer database.
    """
    check(source)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10.0)
    try:
        src.backup(conn)
    finally:
        src.close()


def replace_damaged(database: Path, source: Path, now: datetime) -> Path:
    """Set a damaged database aside and put a backup in its place.

    The damaged file (with its -wal and -shm) is renamed, never deleted, so
    nothing is lost that a specialist might still recover.

    Returns:
        Where the damaged file now is.
    """
    check(source)
    aside = database.with_name(
        f"{database.stem}.damaged-{now.astimezone(UTC):%Y%m%d-%H%M%S}.sqlite3"
    )
    for suffix in ("", "-wal", "-shm"):
        part = database.with_name(database.name + suffix)
        if part.exists():
            os.replace(part, aside.with_name(aside.name + suffix))
    fd = os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    conn = sqlite3.connect(database)
    try:
        restore(conn, source)
    finally:
        conn.close()
    return aside
