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
