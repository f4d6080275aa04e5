"""Helpers the Pilot tests of the browser and the settings screen share."""

from __future__ import annotations

import random

from textual.widgets import Input, Static

from trainer.ui.app import TrainerApp
from trainer.ui.run import build_app
from trainer.workspace import Workspace

SIZE = (100, 30)


def make_app(ws: Workspace, **kwargs: object) -> TrainerApp:
    """The app on ``ws`` with a seeded shuffle."""
    return build_app(ws, rng=random.Random(3), **kwargs)  # type: ignore[arg-type]


def shown(app: TrainerApp, selector: str) -> str:
    """What a Static of the current screen shows."""
    return str(app.screen.query_one(selector, Static).content)


def flags(ws: Workspace, card: str) -> tuple[int, int, int, int]:
    """A card of the small deck: (suspended, buried day, state, queue)."""
    rowid = ws.store.card_rowid("small", card)
    row = ws.conn.execute(
        "SELECT suspended, buried_day, state, queue FROM card_state WHERE card_rowid = ?", (rowid,)
    ).fetchone()
    return tuple(row)  # type: ignore[return-value]


async def settle(pilot: object, app: TrainerApp) -> None:
    """Let the workers finish (the browser searches in one) and their results show."""
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def open_browser(pilot: object, app: TrainerApp) -> None:
    """Press b at home, and wait for the first results."""
    await pilot.press("b")  # type: ignore[attr-defined]
    await settle(pilot, app)


async def search(pilot: object, app: TrainerApp, query: str) -> None:
    """Type a search into the browser, run it, and wait for its results."""
    field = app.screen.query_one("#browse-query", Input)
    field.value = query
    await pilot.press("slash", "enter")  # type: ignore[attr-defined]
    await settle(pilot, app)
