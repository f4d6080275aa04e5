"""Wiring for one profile: settings, the database, the decks, the clock.

Like ``cli``, this package joins the rooms (core, store); the CLI and the UI
both start from a :class:`Workspace`, so they see the same decks and counts.
``base`` opens the profile and holds what everything needs (decks, today's
counts, sessions); the other modules each add one kind of work as a mixin.
"""

from __future__ import annotations

from trainer.workspace.base import (
    Clock,
    DeckRow,
    as_trainer_error,
    deck_paths,
    deck_sources,
    load_settings,
    warn,
)
from trainer.workspace.exams import ExamsMixin
from trainer.workspace.importing import ImportingMixin
from trainer.workspace.quizzes import QuizzesMixin
from trainer.workspace.safety import SafetyMixin
from trainer.workspace.tools import ToolsMixin

__all__ = [
    "Clock",
    "DeckRow",
    "Workspace",
    "as_trainer_error",
    "deck_paths",
    "deck_sources",
    "load_settings",
    "warn",
]


class Workspace(ExamsMixin, QuizzesMixin, ToolsMixin, SafetyMixin, ImportingMixin):
    """One profile opened: its settings, store and decks, and all a profile can do.

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
