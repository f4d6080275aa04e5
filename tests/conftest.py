"""Shared fixtures: a private TRAINER_HOME, a fixed clock, small decks."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

import pytest

from trainer.workspace import Workspace

DATA = Path(__file__).parent / "data"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning, UTC


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = T0, tz: tzinfo = UTC) -> None:
        self.current = now
        self._tz = tz

    def now(self) -> datetime:
        return self.current

    @property
    def tz(self) -> tzinfo:
        return self._tz

    def advance(self, **kwargs: float) -> datetime:
        self.current += timedelta(**kwargs)
        return self.current


@pytest.fixture(autouse=True)
def trainer_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own TRAINER_HOME and profile; nothing touches real folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("TRAINER_HOME", str(home))
    monkeypatch.setenv("TRAINER_PROFILE", "tester")
    return home


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


def write_deck(folder: Path, name: str, text: str) -> Path:
    """Write a deck file (dedented) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


SMALL_DECK = """
    id: small
    title: Small deck
    cards:
      - {id: one, front: "Q1 [bold]not bold[/]", back: A1}
      - {id: two, front: Q2, back: A2}
      - {id: three, front: Q3, back: A3}
      - {id: rev, type: reversed, front: Front R, back: Back R}
      - {id: cz, type: cloze, front: "{{c1::Baku}} is in {{c2::Azerbaijan}}"}
"""


@pytest.fixture
def small_deck(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "decks", "small.yaml", SMALL_DECK)


@pytest.fixture
def workspace(
    small_deck: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workspace]:
    """A workspace on the small deck only (bundled decks hidden)."""
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    ws = Workspace(None, [small_deck], clock=clock)  # type: ignore[arg-type]
    yield ws
    ws.close()


@pytest.fixture
def rng() -> random.Random:
    return random.Random(42)
