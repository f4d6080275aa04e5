"""Errors with a title, a place and a fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class TrainerError(Exception):
    """An error a user can act on.

    Args:
        message: What went wrong, in one sentence.
        hint: What to do about it, or an empty string.
    """

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}. {self.hint}" if self.hint else self.message


class UsageError(TrainerError):
    """Bad input from the user: a wrong argument, a missing file, a bad setting."""

    exit_code = 2


class UnreadableFile(UsageError):
    """A file that is no regular file, is too large, or cannot be read (see core/saferead)."""


class ConfigError(UsageError):
    """The configuration file cannot be used."""


class NotTomlError(ConfigError):
    """The configuration file is not TOML text at all, so no one setting in it can be changed."""


class StoreError(TrainerError):
    """The profile's database cannot be opened, read or written, or is damaged."""


class StoreBusyError(StoreError):
    """Another process holds the profile's database for too long."""


class DamagedCopy(StoreError):
    """The database failed SQLite's check while being backed up; no backup was replaced.

    Attributes:
        path: Where the copy of the damaged database was put (not listed as a backup).
        problem: What the check found.
    """

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"the database failed its check while being backed up ({problem}); "
            f"no backup was replaced, and the damaged copy is {path.name}",
            "'trainer restore' puts the newest sound backup back",
        )
        self.path = path
        self.problem = problem


class ConflictError(TrainerError):
    """Another trainer on the same profile changed the card first (two windows, say)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a deck, with its place.

    Attributes:
        path: The deck file as the user named it.
        line: 1-based line, or 0 when the whole file is meant.
        column: 1-based column, or 0.
        message: The problem.
        hint: How to fix it, or an empty string.
        warning: True for something worth fixing that does not stop the deck loading.
    """

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {'warning: ' if self.warning else ''}{self.message}"
        if self.hint:
            text += f". {self.hint}"
        return text


class DeckError(UsageError):
    """A deck that cannot be loaded, with every problem found in it."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        first = problems[0] if problems else Problem(path, 0, 0, "unreadable deck")
        super().__init__(str(first))
        self.path = path
        self.problems = problems


class FormatError(UsageError):
    """A file to import that cannot be read: it names the file and the problem."""
