"""The heart of a workspace: one profile opened, its settings, database and decks.

Today's counts, study sessions, DECK arguments and closing live here; the
other things a workspace does (exams, quizzes, statistics and the browser,
backups, import and export) are in the modules beside it, each a mixin of
this class.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.core.config import parse_config, parse_lenient
from trainer.core.deckfiles import deck_argument, find_decks
from trainer.core.errors import ConfigError, StoreBusyError, UsageError
from trainer.core.model import StoredCard
from trainer.core.scheduler import DeckLimits, Scheduler, Settings, study_day
from trainer.store import db
from trainer.store import paths as paths_mod
from trainer.store.catalog import DeckFile, DeckSource, DeckStatus, sync
from trainer.store.db import connect, store_error
from trainer.store.progress import Store
from trainer.store.search import Searcher

# What studying, exams and quizzes need is imported where it is used: a
# command that does none of these (an import, say) never loads it.
if TYPE_CHECKING:
    import random

    from trainer.core.plan import Exam, Moments
    from trainer.core.queue import Counts
    from trainer.core.quiz.people import PeopleIndex
    from trainer.core.session import Session


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
    """A deck file as listed: today's counts and its suspended cards (zero unless OK)."""

    file: DeckFile
    counts: Counts
    suspended: int = 0


def deck_sources(paths: paths_mod.Paths, extra: Sequence[Path] = ()) -> list[DeckSource]:
    """Every deck file, highest priority first: command line, the user's folder, bundled."""
    out: list[DeckSource] = []
    for p in extra:
        if p.is_dir():
            out.extend(DeckSource(f, "argument") for f in find_decks(p))
        else:
            out.append(DeckSource(p, "argument"))
    out.extend(DeckSource(f, "user") for f in find_decks(paths.decks))
    out.extend(DeckSource(f, "bundled") for f in paths_mod.bundled_decks())
    return out


def deck_paths(names: Sequence[str]) -> list[Path]:
    """The DECK arguments that name files or folders (the others are deck ids)."""
    return [p for p in map(deck_argument, names) if p is not None]


def shared_head(titles: Sequence[str]) -> str:
    """The words before a dash or colon that every title starts with, or ''."""
    heads = {re.split(r"\s+[—–-]\s+|:\s+", t, maxsplit=1)[0].strip() for t in titles}
    if len(heads) != 1:
        return ""
    head = heads.pop()
    return head if all(len(t) > len(head) for t in titles) else ""


def load_settings(path: Path) -> Settings:
    """The settings file's settings, or the defaults when there is no file."""
    from trainer.store import configfile

    text = configfile.read(path)
    return parse_config(text, str(path)) if text else Settings()


class Base:
    """One profile opened: its settings, store and decks.

    Args:
        profile: The profile name, or None for the default.
        extra: Deck files or folders named on the command line.
        clock: Where ``now`` comes from.
        notify: Called with a message when start-up has to wait (another process).
        load: Read the deck files now (the UI does it later, in a worker).
        lenient: With a settings file that cannot be used, keep the error in
            ``config_error`` and go on with the defaults (the TUI shows it)
            instead of raising it.
    """

    def __init__(
        self,
        profile: str | None = None,
        extra: Sequence[Path] = (),
        clock: Clock | None = None,
        notify: Callable[[str], None] | None = None,
        load: bool = True,
        lenient: bool = False,
    ) -> None:
        self.paths = paths_mod.resolve(profile)
        self.clock = clock or Clock()
        self.extra = list(extra)
        for p in self.extra:
            if not p.exists():
                raise UsageError(f"{p}: no such file or folder", "check the path")
        self.config_error: ConfigError | None = None
        try:
            self.settings = load_settings(self.paths.config_file)
        except ConfigError as exc:
            if not lenient:
                raise
            self.config_error = exc
            self.settings = parse_lenient(
                configfile_text(self.paths.config_file), str(self.paths.config_file)
            )
        self.scheduler = Scheduler(self.settings)
        paths_mod.private_dir(self.paths.data)
        paths_mod.private_dir(self.paths.profiles)
        self.conn = self._connect(notify)
        self.busy_ms = 30_000
        self.store = Store(self.conn, self.paths.seen)
        self.files: list[DeckFile] = []
        self._searcher: Searcher | None = None
        self._quiz_material: dict[
            tuple[str, ...], tuple[list[StoredCard], list[StoredCard], PeopleIndex]
        ] = {}
        if load:
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

    def reload(
        self,
        notify: Callable[[str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        patience: float = 30.0,
    ) -> list[DeckFile]:
        """Re-read changed deck files into the catalog.

        When another process holds the profile, say so at once through
        ``notify`` and keep trying for ``patience`` seconds, or until
        ``cancelled`` returns True, before giving up with StoreBusyError.
        """
        sources = deck_sources(self.paths, self.extra)
        self._quiz_material.clear()
        started = time.monotonic()
        said = False
        db.set_patience(self.conn, 250)
        try:
            while True:
                try:
                    self.files = sync(self.conn, sources)
                    return self.files
                except StoreBusyError:
                    if not said and notify:
                        notify(
                            "waiting for another trainer process that is updating profile"
                            f" '{self.paths.profile}'..."
                        )
                    said = True
                    if (cancelled and cancelled()) or time.monotonic() - started > patience:
                        raise
        finally:
            db.set_patience(self.conn, self.busy_ms)

    @property
    def decks(self) -> list[DeckFile]:
        """The decks that loaded, one per deck id."""
        return [f for f in self.files if f.ok]

    def title(self, deck_ids: Sequence[str]) -> str:
        """A name for some decks, for a screen's or a practice exam's title.

        One deck is called by its title; decks whose titles share a head
        ("South Caucasus — dates", "South Caucasus — people") by that head and
        their number; two or three others by their titles; more by their number,
        or "All decks" when they are every deck loaded.
        """
        titles = {f.deck_id: f.label for f in self.decks}
        names = [titles.get(d, d) for d in deck_ids]
        if len(names) == 1:
            return names[0]
        head = shared_head(names)
        if head:
            return f"{head} ({len(names)} decks)"
        if set(deck_ids) >= set(titles):
            return "All decks"
        if len(names) <= 3:
            return ", ".join(names[:-1]) + " and " + names[-1]
        return f"{len(names)} decks"

    def exams(self) -> dict[str, Exam]:
        """The exam dates still ahead (today's included), by deck id."""
        from trainer.store import exams as exam_store

        local = self.clock.now().astimezone(self.clock.tz)
        today_date = (local - timedelta(hours=self.settings.day_rollover_hour)).date()
        loaded = {f.deck_id for f in self.decks}
        return {k: e for k, e in exam_store.exams(self.conn, today_date).items() if k in loaded}

    def _moments(self, exam: Exam) -> Moments:
        from trainer.core.plan import moments

        return moments(exam, self.clock.now(), self.clock.tz, self.settings.day_rollover_hour)

    def today_settings(self) -> Settings:
        """The settings for today: an exam raises a deck's new-card limit when it must."""
        exams = self.exams()
        if not exams:
            return self.settings
        from trainer.core.plan import new_per_day

        limits = dict(self.settings.deck_limits)
        now = self.clock.now()
        day = study_day(now, self.clock.tz, self.settings.day_rollover_hour)
        done = self.store.done_today(list(exams), day.start.timestamp())
        for deck_id, exam in exams.items():
            base = self.settings.limits(deck_id)
            # The new cards there were when today began: today's answers count against it.
            left = self.store.count_new([deck_id]) + done.get(deck_id, (0, 0))[0]
            needed = new_per_day(left, base.new_per_day, self._moments(exam), day.start.timestamp())
            limits[deck_id] = DeckLimits(needed, base.reviews_per_day)
        return replace(self.settings, deck_limits=limits)

    # -- counts and sessions --------------------------------------------------

    def rows(self) -> list[DeckRow]:
        """Every deck file with today's counts (by the queue's one rule)."""
        from trainer.core.queue import Counts, today

        settings = self.today_settings()
        day = study_day(self.clock.now(), self.clock.tz, settings.day_rollover_hour)
        ids = [f.deck_id for f in self.decks]
        counts = today(self.store, settings, ids, day).counts
        suspended = self.store.suspended_counts(ids)
        empty = Counts(0, 0, 0)
        return [
            DeckRow(f, counts[f.deck_id], suspended.get(f.deck_id, 0))
            if f.ok
            else DeckRow(f, empty)
            for f in self.files
        ]

    def resolve_decks(self, names: Sequence[str]) -> list[str]:
        """Deck ids for the DECK arguments: deck ids, deck file names, paths, or tags.

        A tag (``tag:NAME``, or a bare NAME that is no deck's id or file name)
        stands for every deck that carries it.

        Raises:
            UsageError: for a name that is none of these, or a deck that did not load.
        """
        ids: list[str] = []
        for name in names:
            for f in self._files_named(name):
                if f.status is DeckStatus.REPLACED:
                    f = next(d for d in self.decks if d.deck_id == f.deck_id)
                if f.status is DeckStatus.BROKEN:
                    first = f.errors[0] if f.errors else None
                    raise UsageError(
                        f"deck {f.path} cannot be studied: {first}", "run 'trainer check' on it"
                    )
                if f.deck_id not in ids:
                    ids.append(f.deck_id)
        return ids

    def _files_named(self, name: str) -> list[DeckFile]:
        path = deck_argument(name)
        if path is not None:
            target = path.resolve()
            found = [
                f
                for f in self.files
                if Path(f.path).resolve() == target or target in Path(f.path).resolve().parents
            ]
            if not found:
                raise UsageError(f"{name}: no deck file there", "check the path")
            return found
        by_id = [f for f in self.files if f.deck_id == name and f.status is not DeckStatus.REPLACED]
        if by_id:
            return by_id[:1]
        by_stem = [
            f
            for f in self.files
            if Path(f.path).stem == name and f.status is not DeckStatus.REPLACED
        ]
        if by_stem:
            return by_stem[:1]
        tag = name.removeprefix("tag:")
        by_tag = [f for f in self.decks if tag in f.tags]
        if by_tag:
            return by_tag
        close = self._nearest(name)
        hint = (
            "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
            if close
            else "'trainer decks' lists the decks"
        )
        raise UsageError(f"no deck '{name}'", hint)

    def _nearest(self, name: str) -> list[str]:
        """Up to three deck ids that ``name`` may have meant (by id, file name, title or a word)."""
        import difflib

        wanted = name.lower()
        scored = []
        for f in self.decks:
            names = [f.deck_id, Path(f.path).stem, f.title]
            words = [w for n in names for w in re.split(r"[\s\-_—]+", n) if w]
            score = max(
                difflib.SequenceMatcher(None, wanted, candidate.lower()).ratio()
                for candidate in [*names, *words]
            )
            if score >= 0.6:
                scored.append((-score, f.deck_id))
        return [deck_id for _, deck_id in sorted(scored)[:3]]

    def unsuspend(self, deck_id: str, card_ids: Sequence[str] = ()) -> list[str]:
        """Bring suspended cards of a deck back into study (all of them when none are named).

        Returns:
            The ids of the cards brought back.

        Raises:
            UsageError: for a card id the deck does not have.
        """
        suspended = dict((card_id, rowid) for rowid, card_id in self.store.suspended(deck_id))
        if card_ids:
            for card_id in card_ids:
                if card_id in suspended:
                    continue
                if self.store.card_rowid(deck_id, card_id) is not None:
                    raise UsageError(f"card '{card_id}' of {deck_id} is not suspended")
                import difflib

                close = difflib.get_close_matches(card_id, list(suspended), n=1)
                raise UsageError(
                    f"deck {deck_id} has no card '{card_id}'",
                    f"did you mean '{close[0]}'?"
                    if close
                    else "check the card's id in the deck file",
                )
            chosen = list(dict.fromkeys(card_ids))
        else:
            chosen = list(suspended)
        self.store.set_suspended([suspended[c] for c in chosen], False)
        return chosen

    def session(
        self, deck_ids: Sequence[str] | None = None, rng: random.Random | None = None
    ) -> Session:
        """A study session over ``deck_ids`` (every loaded deck when None)."""
        import random

        from trainer.core.session import Session

        ids = list(deck_ids) if deck_ids is not None else [f.deck_id for f in self.decks]
        exams = {k: e for k, e in self.exams().items() if k in ids}
        settings = self.today_settings()
        schedulers = {
            k: Scheduler(replace(settings, desired_retention=e.target))
            for k, e in exams.items()
            if e.target != settings.desired_retention
        }
        return Session(
            self.store,
            Scheduler(settings) if settings is not self.settings else self.scheduler,
            ids,
            self.clock.now(),
            rng or random.Random(),
            self.clock.tz,
            exams={k: self._moments(e) for k, e in exams.items()},
            schedulers=schedulers,
        )

    def set_patience(self, seconds: float) -> None:
        """How long a write waits for another trainer process before it gives up.

        The TUI keeps this short, so a busy profile is reported at once
        instead of freezing the screen.
        """
        self.busy_ms = int(seconds * 1000)
        db.set_patience(self.conn, self.busy_ms)


def as_trainer_error(error: Exception) -> Exception:
    """A database error as the TrainerError that explains it; anything else as it is."""
    return store_error(error) if isinstance(error, sqlite3.Error) else error


def warn(message: str) -> None:
    """Print a line for the user on stderr."""
    print(message, file=sys.stderr)


def configfile_text(path: Path) -> str:
    """The settings file's text, '' when missing or unreadable (for the lenient reading)."""
    from trainer.store import configfile

    try:
        return configfile.read(path)
    except ConfigError:
        return ""
