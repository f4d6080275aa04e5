"""Wiring for one profile: settings, the database, the decks, the clock.

Like ``cli``, this module joins the rooms (core, store); the CLI and the UI
both start from a :class:`Workspace`, so they see the same decks and counts.
"""

from __future__ import annotations

import contextlib
import difflib
import random
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from trainer.core.config import parse_config
from trainer.core.errors import ConfigError, StoreBusyError, UsageError
from trainer.core.scheduler import Scheduler, Settings, study_day
from trainer.core.session import Counts, Session, limited_counts
from trainer.store import paths as paths_mod
from trainer.store.catalog import DeckEntry, DeckSource, sync
from trainer.store.db import busy_error, connect
from trainer.store.progress import Store


class Clock:
    """The real clock: UTC now and the machine's local time zone."""

    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        return datetime.now(UTC)

    @property
    def tz(self) -> tzinfo:
        """The local time zone (its current offset)."""
        tz = datetime.now().astimezone().tzinfo
        return tz if tz is not None else UTC


@dataclass(frozen=True, slots=True)
class DeckRow:
    """A deck as listed: its entry and today's counts (zero for a broken deck)."""

    entry: DeckEntry
    counts: Counts


def deck_sources(paths: paths_mod.Paths, extra: Sequence[Path] = ()) -> list[DeckSource]:
    """Every deck file, highest priority first: command line, the user's folder, bundled."""
    out: list[DeckSource] = []
    for p in extra:
        if p.is_dir():
            out.extend(
                DeckSource(f, "argument")
                for f in sorted(p.iterdir())
                if f.suffix in (".yaml", ".yml")
            )
        else:
            out.append(DeckSource(p, "argument"))
    if paths.decks.is_dir():
        out.extend(
            DeckSource(f, "user")
            for f in sorted(paths.decks.iterdir())
            if f.suffix in (".yaml", ".yml")
        )
    out.extend(DeckSource(f, "bundled") for f in paths_mod.bundled_decks())
    return out


def load_settings(path: Path) -> Settings:
    """The settings file's settings, or the defaults when there is no file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}", "fix or delete the file") from exc
    return parse_config(text, str(path))


class Workspace:
    """One profile opened: its settings, store and decks.

    Args:
        profile: The profile name, or None for the default.
        extra: Deck files or folders named on the command line.
        clock: Where ``now`` comes from.
        notify: Called with a message when start-up has to wait (another process).
    """

    def __init__(
        self,
        profile: str | None = None,
        extra: Sequence[Path] = (),
        clock: Clock | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.paths = paths_mod.resolve(profile)
        self.clock = clock or Clock()
        self.extra = list(extra)
        for p in self.extra:
            if not p.exists():
                raise UsageError(f"{p}: no such file or folder", "check the path")
        self.settings = load_settings(self.paths.config_file)
        self.scheduler = Scheduler(self.settings)
        paths_mod.private_dir(self.paths.data)
        paths_mod.private_dir(self.paths.profiles)
        self.conn = self._connect(notify)
        self.store = Store(self.conn)
        self.entries: list[DeckEntry] = []
        self.reload(notify)

    def _connect(self, notify: Callable[[str], None] | None) -> sqlite3.Connection:
        try:
            return connect(self.paths.database, timeout=0.5)
        except StoreBusyError:
            if notify:
                notify(
                    f"waiting for another trainer process that is writing to profile '{self.paths.profile}'..."
                )
            conn = connect(self.paths.database, timeout=30.0)
            return conn

    def reload(self, notify: Callable[[str], None] | None = None) -> list[DeckEntry]:
        """Re-read changed deck files into the catalog.

        When another process holds the profile, say so through ``notify`` and
        wait up to 30 seconds before giving up with StoreBusyError.
        """
        sources = deck_sources(self.paths, self.extra)
        self.conn.execute("PRAGMA busy_timeout = 500")
        try:
            self.entries = sync(self.conn, sources)
        except (StoreBusyError, sqlite3.OperationalError) as exc:
            if (
                isinstance(exc, sqlite3.OperationalError)
                and "locked" not in str(exc)
                and "busy" not in str(exc)
            ):
                raise
            if notify:
                notify(
                    f"waiting for another trainer process that is updating profile '{self.paths.profile}'..."
                )
            self.conn.execute("PRAGMA busy_timeout = 30000")
            try:
                self.entries = sync(self.conn, sources)
            except sqlite3.OperationalError as exc2:
                raise busy_error(self.paths.database) from exc2
        finally:
            self.conn.execute("PRAGMA busy_timeout = 30000")
        return self.entries

    @property
    def decks(self) -> list[DeckEntry]:
        """The decks that loaded (one per deck id)."""
        seen: set[str] = set()
        out = []
        for e in self.entries:
            if e.ok and e.key not in seen:
                seen.add(e.key)  # type: ignore[arg-type]
                out.append(e)
        return out

    def rows(self) -> list[DeckRow]:
        """Every deck entry with today's counts; broken and shadowed decks count zero."""
        now = self.clock.now()
        day = study_day(now, self.clock.tz, self.settings.day_rollover_hour)
        keys = [e.key for e in self.decks if e.key]
        done = self.store.done_today(keys, day.start.timestamp())
        hidden = (
            self.store.hidden_today(keys, day.start.timestamp())
            if self.settings.bury_siblings
            else set()
        )
        loaded = {e.key for e in self.decks}
        out = []
        shown: set[str] = set()
        for e in self.entries:
            if e.ok and e.key in loaded and e.key not in shown:
                shown.add(e.key)  # type: ignore[arg-type]
                raw = self.store.raw_counts(e.key, day.end.timestamp(), day.number, hidden)  # type: ignore[arg-type]
                new_done, reviews_done = done.get(e.key, (0, 0))  # type: ignore[arg-type]
                counts = limited_counts(
                    raw.new,
                    raw.learning,
                    raw.review,
                    new_done,
                    reviews_done,
                    self.settings.limits(e.key),  # type: ignore[arg-type]
                )
                out.append(DeckRow(e, counts))
            else:
                out.append(DeckRow(e, Counts(0, 0, 0)))
        return out

    def resolve_decks(self, names: Sequence[str]) -> list[str]:
        """Deck ids for the DECK arguments: ids, or paths of deck files.

        Raises:
            UsageError: for a name that is neither, or a deck that did not load.
        """
        ids: list[str] = []
        by_path = {str(Path(e.path).resolve()): e for e in self.entries}
        known = {e.key: e for e in self.decks}
        for name in names:
            p = Path(name)
            entry = by_path.get(str(p.resolve())) if p.exists() else None
            if entry is None and name in known:
                entry = known[name]
            if entry is None:
                close = difflib.get_close_matches(name, [k for k in known if k], n=1)
                hint = f"did you mean '{close[0]}'?" if close else "'trainer decks' lists the decks"
                raise UsageError(f"no deck '{name}'", hint)
            if entry.shadowed_by:
                entry = known.get(entry.key, entry)  # the copy that replaces it has the same id
            if not entry.ok:
                first = entry.errors[0] if entry.errors else None
                raise UsageError(
                    f"deck {entry.path} cannot be studied: {first}", "run 'trainer check' on it"
                )
            if entry.key not in ids:
                ids.append(entry.key)  # type: ignore[arg-type]
        return ids

    def session(
        self, deck_ids: Sequence[str] | None = None, rng: random.Random | None = None
    ) -> Session:
        """A study session over ``deck_ids`` (every loaded deck when None)."""
        ids = list(deck_ids) if deck_ids is not None else [e.key for e in self.decks if e.key]
        return Session(
            self.store, self.scheduler, ids, self.clock.now(), rng or random.Random(), self.clock.tz
        )

    def close(self) -> None:
        """Close the database (everything is already committed)."""
        with contextlib.suppress(sqlite3.Error):  # another process holds it: checkpointed later
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self.conn.close()


def warn(message: str) -> None:
    """Print a line for the user on stderr."""
    print(message, file=sys.stderr)
