"""Regenerate the README's screenshots from the real app.

Builds a profile in a temporary TRAINER_HOME on the bundled decks, studies
two weeks of answers at a fixed clock with a seeded generator, then drives the
app headless and saves each screen as SVG under docs/screenshots/:

  home.svg    the decks with today's counts
  study.svg   a card, its answer shown, the grade buttons with their intervals
  stats.svg   the statistics screen
  quiz.svg    a timed quiz on the bundled decks, a multiple-choice question

Usage: python3 tools/screenshots.py [--out docs/screenshots]
Nothing is read from outside the repository; the same inputs give the same files.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (80, 24)
NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)


class Clock:
    """A fixed clock the script moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    @property
    def tz(self) -> tzinfo:
        return UTC


def study_history(ws: object, clock: Clock, days: int = 14) -> None:
    """Answer some cards a day for ``days`` days (one missed), ending just before NOW."""
    from trainer.core.model import Rating

    rng = random.Random(11)
    grades = [Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.EASY]
    for day in range(days, 0, -1):
        clock.current = NOW - timedelta(days=day, hours=rng.randint(0, 3))
        if day == 5:
            continue  # a missed day, as real streaks have
        session = ws.session(rng=rng)  # type: ignore[attr-defined]
        for _ in range(rng.randint(8, 20)):
            if session.current is None:
                break
            clock.current += timedelta(seconds=rng.randint(4, 20))
            session.answer(rng.choice(grades), clock.now())
    clock.current = NOW


async def shoot(out: Path) -> list[Path]:
    from trainer.ui.run import QuizOptions, build_app
    from trainer.workspace import Workspace

    clock = Clock(NOW)
    ws = Workspace("screenshots", clock=clock)  # type: ignore[arg-type]
    study_history(ws, clock)
    made: list[Path] = []
    shots: list[tuple[str, list[str], QuizOptions | None]] = [
        ("home", [], None),
        ("study", ["a", "space"], None),
        ("stats", ["down", "down", "down", "down", "down", "s"], None),
        ("quiz", [], QuizOptions(("south-caucasus",), 10, 20, ("choice",), seed=3)),
    ]
    for name, keys, quiz in shots:
        app = build_app(ws, rng=random.Random(1), quiz=quiz)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            path = out / f"{name}.svg"
            path.write_text(app.export_screenshot(title=f"trainer: {name}"), encoding="utf-8")
            made.append(path)
    ws.close()
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["TRAINER_HOME"] = home
        os.environ.pop("NO_COLOR", None)
        sys.path.insert(0, str(ROOT))
        for path in asyncio.run(shoot(args.out)):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
