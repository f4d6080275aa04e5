"""What every command shares: printing errors and problems, opening the workspace, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.core.errors import Problem
from trainer.core.textsafe import visible

if TYPE_CHECKING:
    from trainer.transfer import ImportStep
    from trainer.workspace import Workspace


def error(message: str, hint: str = "") -> None:
    """Say what went wrong on stderr, and what to do about it."""
    print(f"error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def print_problem(p: Problem) -> None:
    """One problem of a deck file on stderr, as ``error: file:line:col: ...``."""
    print(
        f"{'warning' if p.warning else 'error'}: {p}".replace(": warning: ", ": "), file=sys.stderr
    )


def open_workspace(profile: str | None, extra: Sequence[Path] = (), load: bool = True) -> Workspace:
    """The profile opened for a command, saying first if answers went missing from it."""
    from trainer.workspace import Workspace, warn

    ws = Workspace(profile, extra, notify=warn, load=load)
    lost = ws.lost_answers()
    if lost is not None:
        warn(f"warning: {lost.message}")
        warn(f"  hint: {lost.hint}")
    return ws


class ProgressBar:
    """A progress bar on stderr for long imports (only when stderr is a terminal).

    It shows the whole import, phase by phase (reading, writing, syncing), and
    reaches 100% only when the decks are written and synced.
    """

    MIN_ITEMS = 2000
    """Files with fewer notes or rows are imported too fast for a bar to help."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = False
        self.tty = sys.stderr.isatty()

    def __call__(self, step: ImportStep) -> None:
        if not self.tty or step.items < self.MIN_ITEMS:
            return
        width = 30
        filled = int(width * step.fraction)
        percent = int(100 * step.fraction)  # 100 only when all is done
        line = f"{visible(self.label, one_line=True)} [{'#' * filled}{'.' * (width - filled)}]"
        # the carriage return that redraws the bar in place is ours, so it goes to the
        # terminal itself, past the filter that shows control characters from files
        stream = getattr(sys.stderr, "raw", sys.stderr)
        stream.write(f"\r{line} {percent:3d}% {step.phase}")
        stream.flush()
        self.shown = True

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False
