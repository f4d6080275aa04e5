"""A few SVG snapshots of the screens at a fixed size, clock and seed."""

from __future__ import annotations

import random
from collections.abc import Callable

from trainer.ui.run import build_app
from trainer.workspace import Workspace

SIZE = (100, 30)
Compare = Callable[..., bool]


def test_home_screen(snap_compare: Compare, workspace: Workspace) -> None:
    assert snap_compare(build_app(workspace, rng=random.Random(1)), terminal_size=SIZE)


def test_study_question(snap_compare: Compare, workspace: Workspace) -> None:
    assert snap_compare(
        build_app(workspace, rng=random.Random(1)), press=["enter"], terminal_size=SIZE
    )


def test_study_answer_with_intervals(snap_compare: Compare, workspace: Workspace) -> None:
    app = build_app(workspace, rng=random.Random(1))
    assert snap_compare(app, press=["enter", "3", "space"], terminal_size=SIZE)


def test_cloze_card(snap_compare: Compare, workspace: Workspace) -> None:
    app = build_app(workspace, study=True, rng=random.Random(1))
    keys = ["space", "4"] * 4 + ["space"]
    assert snap_compare(app, press=keys, terminal_size=SIZE)


def test_summary(snap_compare: Compare, workspace: Workspace) -> None:
    app = build_app(workspace, study=True, rng=random.Random(1))
    assert snap_compare(app, press=["space", "4"] * 5, terminal_size=SIZE)


def test_help(snap_compare: Compare, workspace: Workspace) -> None:
    app = build_app(workspace, study=True, rng=random.Random(1))
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


def test_study_answer_at_60_by_15(snap_compare: Compare, workspace: Workspace) -> None:
    app = build_app(workspace, rng=random.Random(1))
    assert snap_compare(app, press=["enter", "space"], terminal_size=(60, 15))


def test_statistics_screen(snap_compare: Compare, workspace: Workspace, clock: object) -> None:
    """The statistics at the fixed clock, after a week of answers with a missed day."""
    from datetime import timedelta

    from tests.conftest import FixedClock
    from trainer.core.model import Rating

    assert isinstance(clock, FixedClock)
    start = clock.now()
    clock.current = start - timedelta(days=6)
    rng = random.Random(4)
    for day in range(7):
        if day == 3:
            clock.advance(days=1)  # a missed day
            continue
        session = workspace.session(rng=rng)
        for _ in range(6):
            if session.current is None:
                break
            clock.advance(seconds=8)
            session.answer(
                rng.choice([Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.EASY]), clock.now()
            )
        clock.advance(days=1)
    clock.current = start
    app = build_app(workspace, rng=random.Random(1))
    assert snap_compare(app, press=["s"], terminal_size=(80, 40))
