"""A workspace's safety: backups, restoring one, integrity, answers gone missing."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from trainer.core.errors import DamagedCopy, TrainerError, UsageError
from trainer.store import backup as backup_store
from trainer.store import db
from trainer.store.db import checkpoint, integrity, migrate
from trainer.store.progress import Store
from trainer.workspace.base import Base, warn


class SafetyMixin(Base):
    """Backups, restores and integrity."""

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
        # the copy of the present must not push the chosen backup out of the kept ones;
        # a damaged present is what a restore is for: its copy is kept aside
        try:
            before = backup_store.make(
                self.paths.database,
                self.paths.backups,
                self.paths.profile,
                self.clock.now(),
                spare=source,
            )
        except DamagedCopy as damaged:
            before = damaged.path
        backup_store.restore(self.conn, source)
        migrate(self.conn)
        self.store = Store(self.conn, self.paths.seen)
        self.store.note_answers(exact=True)
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
            db.set_patience(self.conn, 1000)
            checkpoint(self.conn, truncate=True)  # another process may hold it: folded later
        self.store.note_answers(exact=True)
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self.conn.close()
