"""Wiring for one profile: settings, the database, the decks, the clock.

Like ``cli``, this module joins the rooms (core, store); the CLI and the UI
both start from a :class:`Workspace`, so they see the same decks and counts.
"""

from __future__ import annotations

import contextlib
import difflib
import random
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.core.config import parse_config
from trainer.core.deckfiles import deck_argument, find_decks
from trainer.core.errors import ConfigError, StoreBusyError, TrainerError, UsageError
from trainer.core.model import Rating, State, StoredCard
from trainer.core.plan import Exam, Moments, Plan, make_plan, moments, new_per_day
from trainer.core.queue import Counts, today
from trainer.core.quiz.build import build_questions
from trainer.core.quiz.model import Question, QuestionType
from trainer.core.quiz.people import PeopleIndex
from trainer.core.quiz.run import Result
from trainer.core.scheduler import DeckLimits, Scheduler, Settings, study_day
from trainer.core.session import Session
from trainer.core.stats import Stats
from trainer.store.search import Found

if TYPE_CHECKING:
    from trainer.core.browse import Actions, CardDetails
    from trainer.core.configedit import Value
from trainer.store import backup as backup_store
from trainer.store import exams as exam_store
from trainer.store import paths as paths_mod
from trainer.store import quizzes as quiz_store
from trainer.store.catalog import DeckFile, DeckSource, DeckStatus, sync
from trainer.store.db import checkpoint, connect, integrity, migrate, store_error
from trainer.store.progress import Store

if TYPE_CHECKING:
    from trainer.formats.model import ImportOptions
    from trainer.transfer import ExportReport, ImportReport


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


def load_settings(path: Path) -> Settings:
    """The settings file's settings, or the defaults when there is no file."""
    from trainer.store import configfile

    text = configfile.read(path)
    return parse_config(text, str(path)) if text else Settings()


class Workspace:
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
            self.settings = _lenient(
                configfile_text(self.paths.config_file), str(self.paths.config_file)
            )
        self.scheduler = Scheduler(self.settings)
        paths_mod.private_dir(self.paths.data)
        paths_mod.private_dir(self.paths.profiles)
        self.conn = self._connect(notify)
        self.busy_ms = 30_000
        self.store = Store(self.conn, self.paths.seen)
        self.files: list[DeckFile] = []
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
        self.conn.execute("PRAGMA busy_timeout = 250")
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
            self.conn.execute(f"PRAGMA busy_timeout = {self.busy_ms}")

    @property
    def decks(self) -> list[DeckFile]:
        """The decks that loaded, one per deck id."""
        return [f for f in self.files if f.ok]

    def title(self, deck_ids: Sequence[str]) -> str:
        """A name for some decks: one deck's title, or how many there are."""
        titles = {f.deck_id: f.label for f in self.decks}
        if len(deck_ids) == 1:
            return titles.get(deck_ids[0], deck_ids[0])
        return "All decks" if set(deck_ids) >= set(titles) else f"{len(deck_ids)} decks"

    # -- exams ---------------------------------------------------------------

    def exams(self) -> dict[str, Exam]:
        """The exam dates still ahead (today's included), by deck id."""
        local = self.clock.now().astimezone(self.clock.tz)
        today_date = (local - timedelta(hours=self.settings.day_rollover_hour)).date()
        loaded = {f.deck_id for f in self.decks}
        return {k: e for k, e in exam_store.exams(self.conn, today_date).items() if k in loaded}

    def _moments(self, exam: Exam) -> Moments:
        return moments(exam, self.clock.now(), self.clock.tz, self.settings.day_rollover_hour)

    def today_settings(self) -> Settings:
        """The settings for today: an exam raises a deck's new-card limit when it must."""
        exams = self.exams()
        if not exams:
            return self.settings
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

    def plan(
        self, deck_ids: Sequence[str], day: date | None = None, target: float | None = None
    ) -> Plan:
        """Set (when ``day`` is given) and report the exam plan of some decks.

        Raises:
            UsageError: for a date in the past, a target out of range, or decks
                without an exam date when none is given.
        """
        now = self.clock.now()
        if day is not None:
            local = now.astimezone(self.clock.tz)
            if day < (local - timedelta(hours=self.settings.day_rollover_hour)).date():
                raise UsageError(f"{day.isoformat()} is in the past", "give the exam's date ahead")
            goal = self.settings.desired_retention if target is None else target
            if not 0.7 <= goal <= 0.99:
                raise UsageError(
                    f"--target {goal} is out of range", "give a recall from 0.7 to 0.99"
                )
            for deck_id in deck_ids:
                exam = Exam(deck_id, day, goal)
                exam_store.set_exam(self.conn, exam, now.timestamp())
                exam_store.bring_forward(self.conn, deck_id, self._moments(exam), now.timestamp())
        exams = self.exams()
        missing = [d for d in deck_ids if d not in exams]
        if missing:
            raise UsageError(
                f"no exam date is set for {', '.join(missing)}",
                "set one with 'trainer plan DECK... --exam YYYY-MM-DD'",
            )
        chosen = [exams[d] for d in deck_ids]
        first = min(chosen, key=lambda e: e.day)
        exam = Exam(",".join(deck_ids), first.day, max(e.target for e in chosen))
        configured = sum(self.settings.limits(d).new_per_day for d in deck_ids)
        scheduler = Scheduler(replace(self.settings, desired_retention=exam.target))
        memories = self.store.memories(deck_ids)
        return make_plan(exam, memories, scheduler, configured, now, self.clock.tz)

    def clear_exam(self, deck_ids: Sequence[str]) -> int:
        """Forget the exam dates of some decks; returns how many had one."""
        return sum(exam_store.clear_exam(self.conn, d) for d in deck_ids)

    # -- quizzes -------------------------------------------------------------

    def quiz_questions(
        self,
        deck_ids: Sequence[str],
        count: int,
        types: Sequence[QuestionType],
        rng: random.Random,
    ) -> list[Question]:
        """Questions on the decks' cards; the other loaded decks lend distractors.

        Raises:
            UsageError: when the decks give no question of the types asked.
        """
        key = tuple(sorted(deck_ids))
        if key not in self._quiz_material:
            # Read once per set of decks (until the decks are read again): later
            # quizzes on them build from memory, the namesakes already indexed.
            cards = self.store.cards_of(deck_ids)
            others = [f.deck_id for f in self.decks if f.deck_id not in deck_ids]
            self._quiz_material[key] = (cards, self.store.cards_of(others), PeopleIndex(cards))
        cards, pool, people = self._quiz_material[key]
        if not cards:
            raise UsageError("these decks hold no cards to ask", "choose other decks")
        return build_questions(cards, count, types, rng, pool, people=people)

    def save_quiz(
        self,
        result: Result,
        started: datetime,
        deck_ids: Sequence[str],
        options: Mapping[str, object],
    ) -> int:
        """Keep a finished quiz in the profile's history; returns its id."""
        finished = started.timestamp() + result.seconds
        self.store.changed = True
        return quiz_store.save(self.conn, result, started.timestamp(), finished, deck_ids, options)

    def quiz_history(self) -> list[quiz_store.QuizRecord]:
        """The finished quizzes, newest first."""
        return quiz_store.history(self.conn)

    def relearn(self, result: Result, rng: random.Random) -> tuple[int, int]:
        """Send the cards a quiz found forgotten into relearning, as an Again would.

        Each missed card that has been studied is answered Again now (a row in
        the review log, FSRS's memory state updated, due again in its
        relearning step). A card never studied stays new: it comes in with the
        new cards.

        Returns:
            How many cards went into relearning, and how many were new.
        """
        now = self.clock.now()
        sent = new = 0
        seen: set[int] = set()
        for answered in result.mistakes:
            for ref in answered.question.cards:
                rowid = self.store.card_rowid(ref.deck_id, ref.card_id)
                if rowid is None or rowid in seen:
                    continue
                seen.add(rowid)
                memory = self.store.memory(rowid)
                if memory.state is State.NEW:
                    new += 1
                    continue
                after = self.scheduler.review(memory, Rating.AGAIN, now, rng.random())
                self.store.record(rowid, memory, after, Rating.AGAIN, now.timestamp(), 0)
                sent += 1
        return sent, new

    # -- statistics ------------------------------------------------------------

    def stats(self, deck_ids: Sequence[str] | None = None) -> Stats:
        """Every statistic of some decks (every loaded deck when None), now."""
        from trainer.core.stats import day_shift
        from trainer.store.stats import collect

        ids = list(deck_ids) if deck_ids is not None else [f.deck_id for f in self.decks]
        now = self.clock.now()
        shift = day_shift(now, self.clock.tz, self.settings.day_rollover_hour)
        return collect(self.conn, ids, now.timestamp(), shift, self.scheduler.curve())

    # -- settings ----------------------------------------------------------------

    def save_setting(self, key: str, value: Value | None, deck: str | None = None) -> None:
        """Change one setting in the settings file (None removes it: its default applies).

        The value is checked first, the file keeps its comments and is written
        atomically, and the settings in use are read again from it.

        Raises:
            UsageError: for a value out of range (naming the range), or a file
                whose TOML cannot be read; nothing is written then.
        """
        from trainer.core.configedit import set_value
        from trainer.store import configfile

        path = self.paths.config_file
        text = set_value(configfile.read(path), key, value, str(path), deck)
        configfile.write(path, text)
        try:
            self.settings = parse_config(text, str(path))
            self.config_error = None
        except ConfigError as exc:
            # Another setting in the file is still wrong: it keeps its default.
            self.config_error = exc
            self.settings = _lenient(text, str(path))
        self.scheduler = Scheduler(self.settings)

    # -- the card browser ------------------------------------------------------

    def search(self, query: str, deck_ids: Sequence[str] | None = None) -> tuple[list[Found], int]:
        """Cards of some decks (every loaded deck when None) a browser search finds.

        Raises:
            UsageError: for a search that cannot be read, with where and why.
        """
        from trainer.core.search import parse
        from trainer.store.search import search

        node = parse(query)
        ids = list(deck_ids) if deck_ids is not None else [f.deck_id for f in self.decks]
        day = study_day(self.clock.now(), self.clock.tz, self.settings.day_rollover_hour)
        return search(self.conn, node, ids, day.number, day.end.timestamp())

    def actions(self) -> Actions:
        """The browser's actions (suspend, bury, reset) on this profile, with their undo."""
        from trainer.core.browse import Actions
        from trainer.store.browse import BrowseStore

        day = study_day(self.clock.now(), self.clock.tz, self.settings.day_rollover_hour)
        return Actions(BrowseStore(self.store), day.number)

    def card_details(self, rowid: int) -> CardDetails:
        """One card's fields, state, predicted recall and history, for the browser."""
        from trainer.core.browse import CardDetails
        from trainer.store import browse

        memory, suspended, leech, buried_day, retired = browse.state(self.conn, rowid)
        day = study_day(self.clock.now(), self.clock.tz, self.settings.day_rollover_hour)
        studied = memory.last_review is not None and memory.stability is not None
        return CardDetails(
            card=self.store.card(rowid),
            memory=memory,
            suspended=suspended,
            leech=leech,
            buried=buried_day >= day.number and not suspended and not retired,
            retired=retired,
            lapses=self.store.lapses(rowid),
            recall=(
                self.scheduler.retrievability(memory, self.clock.now().timestamp())
                if studied
                else None
            ),
            history=browse.history(self.conn, rowid),
            resets=browse.resets(self.conn, rowid),
        )

    def card_location(self, rowid: int) -> tuple[Path, int]:
        """The deck file a card comes from and the line its entry starts on (1 if unknown)."""
        from trainer.core.deck import parse_deck
        from trainer.core.deckfiles import read_deck_bytes

        card = self.store.card(rowid)
        row = self.conn.execute(
            "SELECT path FROM decks WHERE deck_id = ?", (card.deck_id,)
        ).fetchone()
        if row is None:
            raise UsageError(f"deck {card.deck_id} has no file", "reload the decks (r)")
        path = Path(row[0])
        try:
            deck, _ = parse_deck(read_deck_bytes(path), path=str(path), default_id=path.stem)
        except TrainerError:
            return path, 1
        line = next((c.line for c in deck.cards if c.id == card.id), 0) if deck else 0
        if not line:
            # A deck with errors cannot be parsed: find the entry's id by eye.
            key = card.entry or card.id
            with contextlib.suppress(OSError, UnicodeDecodeError):
                for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if re.search(rf"\bid:\s*['\"]?{re.escape(key)}['\"]?\s*(?:[,}}#]|$)", text):
                        line = number
                        break
        return path, max(1, line)

    def deck_file(self, path: Path) -> DeckFile | None:
        """What the last reading found in a deck file."""
        target = path.resolve()
        return next((f for f in self.files if Path(f.path).resolve() == target), None)

    # -- counts and sessions --------------------------------------------------

    def rows(self) -> list[DeckRow]:
        """Every deck file with today's counts (by the queue's one rule)."""
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

    def import_file(
        self,
        path: Path,
        options: ImportOptions | None = None,
        to: Path | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Import one file (an Anki package, a CSV/TSV or Quizlet export, a YAML deck).

        All or nothing: see :mod:`trainer.transfer`.
        """
        from trainer.formats.model import ImportOptions
        from trainer.transfer import import_file

        return import_file(self, path, options or ImportOptions(), to, progress)

    def export_deck(self, deck: str, path: Path, with_progress: bool = False) -> ExportReport:
        """Write one deck to ``path`` in the format its extension names."""
        from trainer.transfer import export_deck

        return export_deck(self, deck, path, with_progress)

    def session(
        self, deck_ids: Sequence[str] | None = None, rng: random.Random | None = None
    ) -> Session:
        """A study session over ``deck_ids`` (every loaded deck when None)."""
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

    # -- safety: backups and the answers last seen ------------------------------

    def backup(self) -> Path:
        """Back the profile up now (SQLite's online backup); returns the file.

        Only connections of its own touch the database, so a worker thread may
        call it while the UI goes on.
        """
        made = backup_store.make(
            self.paths.database, self.paths.backups, self.paths.profile, self.clock.now()
        )
        self.store.changed = False
        return made

    def backup_due(self) -> bool:
        """Whether to back up while studying: something changed, and the newest is 30 minutes old."""
        return self.store.changed and backup_store.due(
            self.paths.backups, self.paths.profile, self.clock.now()
        )

    def backups(self) -> list[backup_store.Backup]:
        """This profile's backups, newest first."""
        return backup_store.backups(self.paths.backups, self.paths.profile)

    def restore(self, source: Path | None = None) -> tuple[Path, Path]:
        """Put a backup back (the newest when none is named), after backing up the present.

        Returns:
            The backup restored and the backup of what was there before.

        Raises:
            UsageError: when there is no backup, or the file is not a sound trainer profile.
        """
        if source is None:
            found = self.backups()
            if not found:
                raise UsageError(
                    "this profile has no backups yet", "'trainer backup' makes one now"
                )
            source = found[0].path
        backup_store.check(source)
        before = backup_store.make(
            self.paths.database, self.paths.backups, self.paths.profile, self.clock.now()
        )
        backup_store.restore(self.conn, source)
        migrate(self.conn)
        self.store = Store(self.conn, self.paths.seen)
        self.store.note_answers()
        return source, before

    def lost_answers(self) -> TrainerError | None:
        """A warning when the database holds fewer answers than it did when last closed.

        That happens when its write-ahead file was deleted, or an older copy of
        the file was put back by hand; a backup may still hold them.
        """
        seen = self.store.noted_answers()
        now = self.store.answer_count()
        if seen is None or now >= seen:
            return None
        newest = next((b for b in self.backups() if b.answers >= seen), None)
        hint = (
            f"the backup {newest.path.name} holds {newest.answers}: 'trainer restore {newest.path}'"
            if newest
            else "'trainer restore' lists the backups"
        )
        return TrainerError(
            f"profile '{self.paths.profile}' holds {now} answers, but it held {seen} when the"
            f" trainer last closed it: its write-ahead file ({self.paths.database.name}-wal)"
            " was lost, or an older copy of the file was put back",
            hint,
        )

    def check_integrity(self) -> list[str]:
        """SQLite's full integrity check of the profile (slow: for a worker thread)."""
        return integrity(self.paths.database)

    def set_patience(self, seconds: float) -> None:
        """How long a write waits for another trainer process before it gives up.

        The TUI keeps this short, so a busy profile is reported at once
        instead of freezing the screen.
        """
        self.busy_ms = int(seconds * 1000)
        self.conn.execute(f"PRAGMA busy_timeout = {self.busy_ms}")

    def close(self) -> None:
        """Back up if anything changed, fold the write-ahead log back, and close.

        Everything is already committed; a backup that cannot be written is
        reported through ``warn`` and does not stop the close.
        """
        if self.store.changed:
            try:
                self.backup()
            except TrainerError as exc:
                warn(f"warning: {exc}")
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA busy_timeout = 1000")
            checkpoint(self.conn, truncate=True)  # another process may hold it: folded later
        self.store.note_answers()
        self.conn.close()


def as_trainer_error(error: Exception) -> Exception:
    """A database error as the TrainerError that explains it; anything else as it is."""
    return store_error(error) if isinstance(error, sqlite3.Error) else error


def warn(message: str) -> None:
    """Print a line for the user on stderr."""
    print(message, file=sys.stderr)


def _lenient(text: str, path: str) -> Settings:
    """The settings of a file with some wrong values: each wrong one left at its default."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return Settings()
    good: dict[str, object] = {}
    for key, value in data.items():
        trial = dict(good)
        trial[key] = value
        try:
            parse_config(_toml(trial), path)
        except ConfigError:
            continue
        good[key] = value
    return parse_config(_toml(good), path)


def _toml(data: dict[str, object]) -> str:
    import tomlkit

    return tomlkit.dumps(data)


def configfile_text(path: Path) -> str:
    """The settings file's text, '' when missing or unreadable (for the lenient reading)."""
    from trainer.store import configfile

    try:
        return configfile.read(path)
    except ConfigError:
        return ""
