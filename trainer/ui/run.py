"""Build and run the app: the only place the UI is wired to a workspace."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.ui.app import TrainerApp
from trainer.ui.screens.quiz_setup import QuizOptions

__all__ = ["QuizOptions", "build_app", "run_app"]

if TYPE_CHECKING:
    from trainer.workspace import Workspace


def build_app(
    workspace: Workspace,
    study: bool = False,
    decks: Sequence[str] = (),
    rng: random.Random | None = None,
    quiz: QuizOptions | None = None,
    plain: bool = False,
) -> TrainerApp:
    """The app on ``workspace``: the home screen, straight into study, or into a quiz.

    Tests build it the same way, with a temporary store, a fixed clock and a
    seeded generator.
    """
    return TrainerApp(
        workspace,
        start_study=study,
        decks=decks,
        rng=rng or random.Random(),
        quiz=quiz,
        plain=plain,
    )


def run_app(
    workspace: Workspace,
    study: bool = False,
    decks: Sequence[str] = (),
    quiz: QuizOptions | None = None,
    plain: bool = False,
) -> int:
    """Run the app until the user quits; returns the exit code."""
    app = build_app(workspace, study, decks, quiz=quiz, plain=plain)
    app.run()
    return app.return_code or 0


def run_review(path: Path) -> int:
    """Run the review screen on one deck file until the user leaves it."""
    from trainer.ui.screens.review import ReviewApp

    app = ReviewApp(path)
    app.run()
    return app.return_code or 0
