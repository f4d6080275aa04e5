"""A few hundred mutated decks through parse and sync: no crash, no hang."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz import run


def test_mutated_decks_never_crash_or_hang(tmp_path: Path) -> None:
    report = run(count=300, seed=2026, folder=tmp_path)
    assert report.cases == 300 and report.decks > 10  # the mutations leave some decks whole
    assert not report.crashes, report.crashes[:5]
    assert not report.hangs, report.hangs[:5]
