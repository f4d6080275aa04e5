"""The review screen driven by Pilot: accept, edit, drop; the deck file rewritten, ids kept."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.conftest import FixedClock, write_deck
from trainer.core.deck import load_deck
from trainer.core.drafts import DraftDeck
from trainer.core.errors import UsageError
from trainer.ui.run import build_app
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.review import ReviewApp, ReviewScreen
from trainer.ui.screens.study import StudyScreen
from trainer.workspace import Workspace

DRAFTED = """
    # Drafted by 'trainer generate' from: talks.txt
    format: 1
    id: talks
    title: Talks
    cards:
    - id: date-1905-10-26-treaty
      type: cloze
      kind: date
      when: '1905-10-26'
      front: The treaty of Karlstad was signed on {{c1::26 October 1905}}.
      source: talks.txt ¶2
      draft: The treaty of Karlstad was signed on 26 October 1905, ending the union.
    - id: person-christian-michelsen
      type: cloze
      kind: person
      front: The Norwegian prime minister {{c1::Christian Michelsen}} led the talks.
      draft: The Norwegian prime minister Christian Michelsen led the talks.
    - id: person-karlstad-town
      type: cloze
      kind: person
      front: The talks were held in {{c1::Karlstad Town}}.
      tags: [unsure]
      draft: The talks were held in Karlstad Town.
    - id: kept
      front: Which union ended in 1905?
      back: The union of Norway and Sweden
"""


def _status(app: ReviewApp) -> str:
    return str(app.screen.query_one("#review-status", Static).content)


@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
async def test_accept_edit_drop_rewrite_the_file(tmp_path: Path, size: tuple[int, int]) -> None:
    path = write_deck(tmp_path, "talks.yaml", DRAFTED)
    app = ReviewApp(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Draft 1 of 3" in _status(app)
        front = str(app.screen.query_one("#review-front", Static).content)
        assert "[26 October 1905]" in front  # the gap's answer, highlighted
        quote = str(app.screen.query_one("#review-quote", Static).content)
        assert quote.startswith("The treaty of Karlstad was signed")  # beside its sentence
        await pilot.press("a")
        assert "Draft 1 of 2" in _status(app)
        await pilot.press("e")
        edit = app.screen.query_one("#edit-front", Input)
        assert edit.has_focus and "Christian Michelsen" in edit.value
        edit.value = "Norway's prime minister {{c1::Christian Michelsen}} led the talks in 1905."
        await pilot.press("enter")
        assert "Draft 1 of 1" in _status(app) and "unsure" in _status(app)
        await pilot.press("d")
        assert "No drafts left" in _status(app)
        await pilot.press("escape")
    deck = load_deck(path)
    ids = [c.entry for c in deck.cards]
    assert ids == ["date-1905-10-26-treaty", "person-christian-michelsen", "kept"]
    assert not any(c.draft for c in deck.cards)
    assert "Norway's prime minister" in deck.cards[1].front
    assert path.read_text().startswith("# Drafted by")  # the header comment stays
    assert not [p for p in os.listdir(tmp_path) if p != "talks.yaml"]  # no temporary file left


async def test_an_edit_that_breaks_the_card_is_refused(tmp_path: Path) -> None:
    path = write_deck(tmp_path, "talks.yaml", DRAFTED)
    before = path.read_text()
    app = ReviewApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        app.screen.query_one("#edit-front", Input).value = "no gap {{c1::left open"
        await pilot.press("enter")
        assert app.screen.query_one("#review-edit").display  # still editing
        await pilot.press("escape")
        assert "Draft 1 of 3" in _status(app)
    assert path.read_text() == before


async def test_a_broken_deck_is_reported_not_opened(tmp_path: Path) -> None:
    path = write_deck(tmp_path, "bad.yaml", "cards: [{front: only a front}]\n")
    app = ReviewApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "has errors" in _status(app)
        await pilot.press("a")  # nothing to act on
    assert path.read_text() == "cards: [{front: only a front}]\n"


def test_the_last_card_cannot_be_dropped(tmp_path: Path) -> None:
    path = write_deck(
        tmp_path, "one.yaml", "cards:\n- {id: a, front: Q, back: A, draft: from a text}\n"
    )
    deck = DraftDeck(path)
    with pytest.raises(UsageError):
        deck.drop("a")
    deck.accept("a")
    assert load_deck(path).cards[0].draft == ""


async def test_home_key_opens_review_and_study_says_draft(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    path = write_deck(tmp_path, "talks.yaml", DRAFTED)
    ws = Workspace(None, [path], clock=clock)  # type: ignore[arg-type]
    try:
        app = build_app(ws, rng=random.Random(3))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            meta = str(app.screen.query_one("#study-meta", Static).content)
            assert "draft, not reviewed" in meta  # the first card is a draft
    finally:
        ws.close()


def test_review_command_needs_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.cli import main

    path = write_deck(tmp_path, "talks.yaml", DRAFTED)
    assert main(["review", str(path)]) == 2
    assert "needs a terminal" in capsys.readouterr().err
    assert main(["review", "no-such-deck"]) == 2
