"""A workspace's daily-study tools: statistics, settings and the card browser."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.core.config import parse_config, parse_lenient
from trainer.core.errors import ConfigError, TrainerError, UsageError
from trainer.core.scheduler import Scheduler, study_day
from trainer.store.catalog import DeckFile, DeckStatus
from trainer.store.search import Query, Searcher
from trainer.workspace.base import Base

if TYPE_CHECKING:
    from trainer.core.browse import Actions, CardDetails
    from trainer.core.configedit import Value
    from trainer.core.stats import Stats
    from trainer.store.search import Found


@dataclass(frozen=True, slots=True)
class EditPlace:
    """Where a card is edited: the file, the line, and why there.

    Attributes:
        at_error: The line is the file's first error, not the card's own.
        copied_from: The bundled deck file copied to ``path`` first, if any.
    """

    path: Path
    line: int
    at_error: bool = False
    copied_from: Path | None = None


class ToolsMixin(Base):
    """Statistics, settings and the card browser."""

    def stats(self, deck_ids: Sequence[str] | None = None) -> Stats:
        """Every statistic of some decks (every loaded deck when None), now."""
        from trainer.core.stats import day_shift
        from trainer.store.stats import collect

        ids = list(deck_ids) if deck_ids is not None else [f.deck_id for f in self.decks]
        now = self.clock.now()
        shift = day_shift(now, self.clock.tz, self.settings.day_rollover_hour)
        return collect(self.conn, ids, now.timestamp(), shift, self.scheduler.curve())

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
        self._use_settings(text)

    def replace_settings_file(self, key: str, value: Value | None, deck: str | None = None) -> Path:
        """Start a new settings file holding one setting, the old one kept beside it.

        For a file that is not TOML (or not text), where no one setting can be
        changed: the value is checked first, the file is renamed to a free
        ``NAME.bak`` name, and the new file says where the old one went.

        Returns:
            Where the old file is kept.

        Raises:
            UsageError: for a value out of range (nothing is changed), or a file
                that cannot be set aside or replaced (the old one is put back).
        """
        from trainer.core.configedit import check, set_value
        from trainer.store import configfile

        problem = None if value is None else check(key, value, deck)
        if problem:
            raise UsageError(problem, "the value was not saved")
        path = self.paths.config_file
        backup = configfile.set_aside(path)
        header = (
            f"# trainer's settings. The file that was here was not TOML;"
            f" it is kept as {backup.name}.\n"
        )
        try:
            text = set_value(header, key, value, str(path), deck)
            configfile.write(path, text)
        except TrainerError:
            configfile.put_back(backup, path)
            raise
        self._use_settings(text)
        return backup

    def _use_settings(self, text: str) -> None:
        """The settings in use, read again from the file's new text."""
        path = str(self.paths.config_file)
        try:
            self.settings = parse_config(text, path)
            self.config_error = None
        except ConfigError as exc:
            # Another setting in the file is still wrong: it keeps its default.
            self.config_error = exc
            self.settings = parse_lenient(text, path)
        self.scheduler = Scheduler(self.settings)

    def search(self, query: str, deck_ids: Sequence[str] | None = None) -> tuple[list[Found], int]:
        """Cards of some decks (every loaded deck when None) a browser search finds.

        Raises:
            UsageError: for a search that cannot be read, with where and why.
        """
        from trainer.store.search import search

        q = self.browse_query(query, deck_ids)
        return search(self.conn, q.node, list(q.deck_ids), q.today, q.day_end)

    def browse_query(self, query: str, deck_ids: Sequence[str] | None = None) -> Query:
        """A browser search read, over some decks (every loaded deck when None), today.

        Raises:
            UsageError: for a search that cannot be read, with where and why.
        """
        from trainer.core.search import parse

        node = parse(query)
        ids = tuple(deck_ids) if deck_ids is not None else tuple(self.browse_deck_ids())
        day = study_day(self.clock.now(), self.clock.tz, self.settings.day_rollover_hour)
        return Query(node, ids, day.number, day.end.timestamp())

    def searcher(self) -> Searcher:
        """The browser's searches, on a connection of their own (for a worker thread)."""
        from trainer.store.db import open_reader

        if self._searcher is None:
            self._searcher = Searcher(open_reader(self.paths.database))
        return self._searcher

    def found_rows(self, rowids: Sequence[int]) -> dict[int, Found]:
        """Some cards as the browser's results show them, read now (after an action)."""
        from trainer.store.search import rows

        return rows(self.conn, rowids)

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

    def card_location(self, rowid: int, known_line: int = 0) -> tuple[Path, int, bool]:
        """The deck file a card comes from, the line to open it at, and whether that is an error.

        A file with errors opens at its first error's line (the card may be
        what the error hides); else at the line the card's entry starts on,
        found by parsing, or by its id when the file cannot be parsed, or
        ``known_line`` (the line it was last opened at), or 1.

        Raises:
            UsageError: when the card's deck has no file.
        """
        from trainer.core.deck import parse_deck
        from trainer.core.deckfiles import read_deck_bytes

        card = self.store.card(rowid)
        where = self.store.deck_path(card.deck_id)
        if where is None:
            raise UsageError(f"deck {card.deck_id} has no file", "reload the decks (r)")
        path = Path(where)
        try:
            deck, problems = parse_deck(read_deck_bytes(path), path=str(path), default_id=path.stem)
        except TrainerError:
            return path, max(1, known_line), False
        if deck is None:
            error = next((p.line for p in problems if not p.warning and p.line), 0)
            if error:
                return path, error, True
        line = next((c.line for c in deck.cards if c.id == card.id), 0) if deck else 0
        if not line:
            # A deck with errors cannot be parsed: find the entry's id by eye.
            key = card.entry or card.id
            with contextlib.suppress(OSError, UnicodeDecodeError):
                for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if re.search(rf"\bid:\s*['\"]?{re.escape(key)}['\"]?\s*(?:[,}}#]|$)", text):
                        line = number
                        break
        return path, max(1, line or known_line), False

    def edit_place(self, rowid: int, known_line: int = 0) -> EditPlace:
        """Where the browser's ``e`` opens a card (see :meth:`card_location`).

        A bundled deck is installed with the program and is not the user's to
        change: it is copied into the user's deck folder first, where it takes
        the bundled deck's place (same deck id, so progress stays with the
        cards), and the copy is opened at the same line.

        Raises:
            UsageError: when the card's deck has no file, or the copy cannot be
                written (nothing is changed then).
        """
        path, line, at_error = self.card_location(rowid, known_line)
        entry = self.deck_file(path)
        if entry is None or entry.origin != "bundled":
            return EditPlace(path, line, at_error)
        return EditPlace(self._user_copy(path), line, at_error, copied_from=path)

    def drop_copy(self, place: EditPlace) -> None:
        """Remove the copy :meth:`edit_place` made of a bundled deck (the edit never began)."""
        if place.copied_from is not None:
            with contextlib.suppress(OSError):
                place.path.unlink()

    def _user_copy(self, bundled: Path) -> Path:
        """A copy of a bundled deck file in the user's deck folder (a name not yet taken)."""
        from trainer.core.deckfiles import read_deck_bytes
        from trainer.core.safewrite import unused_path, write_atomic
        from trainer.store.paths import private_dir

        folder = private_dir(self.paths.decks)
        target = unused_path(
            folder / bundled.name, lambda n: folder / f"{bundled.stem}-{n}{bundled.suffix}"
        )
        text = read_deck_bytes(bundled).decode("utf-8")
        write_atomic(target, text, new_mode=0o600)
        return target

    def browse_deck_ids(self) -> list[str]:
        """The decks the browser searches: every loaded deck, and every broken one.

        A broken file's cards stay in the catalog as they were, so they can be
        found, and ``e`` can open the file again to fix it.
        """
        ids = [f.deck_id for f in self.decks]
        for f in self.files:
            if f.status is DeckStatus.BROKEN and f.deck_id and f.deck_id not in ids:
                ids.append(f.deck_id)
        return ids

    def deck_file(self, path: Path) -> DeckFile | None:
        """What the last reading found in a deck file."""
        target = path.resolve()
        return next((f for f in self.files if Path(f.path).resolve() == target), None)
