"""Backups: trainer backup and trainer restore."""

from __future__ import annotations

from pathlib import Path

from trainer.cli.common import open_workspace
from trainer.core.errors import UsageError


def cmd_backup(profile: str | None) -> int:
    """``trainer backup``: a backup now."""
    ws = open_workspace(profile, load=False)
    try:
        made = ws.backup()
    finally:
        ws.close()
    print(f"backed up to {made}")
    return 0


def cmd_restore(profile: str | None, backup: Path | None, latest: bool) -> int:
    """``trainer restore``: list the backups, or put one back (a damaged profile too)."""
    from trainer.core.errors import StoreBusyError, StoreError
    from trainer.store import backup as backup_store
    from trainer.store import paths as paths_mod
    from trainer.workspace import Clock

    p = paths_mod.resolve(profile)
    found = backup_store.backups(p.backups, p.profile)
    if backup is None and not latest:
        if not found:
            print("no backups yet; 'trainer backup' makes one")
            return 0
        tz = Clock().tz
        print(f"backups of profile '{p.profile}', newest first:")
        for b in found:
            answers = f"{b.answers} answers" if b.answers >= 0 else "unreadable"
            print(f"  {b.made.astimezone(tz):%Y-%m-%d %H:%M}  {answers:>14}  {b.path}")
        print("put one back with 'trainer restore BACKUP' (or --latest)")
        return 0
    if backup is None:
        if not found:
            raise UsageError("this profile has no backups yet", "'trainer backup' makes one now")
        backup = found[0].path
    try:
        ws = open_workspace(profile, load=False)
    except StoreBusyError:
        raise
    except StoreError as exc:
        # The profile cannot even be opened: set it aside and put the backup in its place.
        aside = backup_store.replace_damaged(p.database, backup, Clock().now())
        print(f"the profile could not be opened ({exc.message})")
        print(f"restored {backup}; the damaged file is kept as {aside}")
        return 0
    try:
        restored, before = ws.restore(backup)
    finally:
        ws.close()
    print(f"restored {restored}")
    print(f"what the profile held before is backed up in {before}")
    return 0
