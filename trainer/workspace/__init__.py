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

    Opened as :class:`~trainer.workspace.base.Base` says (profile, deck files,
    clock, start-up notices, when to read the decks, lenient settings); each
    mixin adds one part of what a profile can do.
    """
