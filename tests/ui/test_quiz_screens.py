"""The quiz in the TUI, driven by Pilot: a whole quiz, the clock running out, the
mistakes review, sending mistakes to relearning, and a few snapshots."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from tests.conftest import FixedClock, write_deck
from trainer.core.model import Rating, State
from trainer.core.quiz.model import QuestionType
from trainer.ui.app import TrainerApp
from trainer.ui.run import QuizOptions, build_app
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.quiz import QuizScreen
from trainer.ui.screens.quiz_result import QuizResultScreen
from trainer.ui.screens.quiz_setup import QuizSetup
from trainer.workspace import Workspace

SIZE = (100, 30)
Compare = Callable[..., bool]

DECK = """
id: hist
title: History
cards:
  - {id: d1, kind: date, when: "1492", front: When did Columbus first reach the Americas?, back: "1492"}
  - {id: d2, kind: date, when: "1789", front: When did the French Revolution begin?, back: "1789"}
  - {id: d3, kind: date, when: "1815", front: When was the Battle of Waterloo fought?, back: "1815"}
  - {id: d4, kind: date, when: "1914", front: When did the First World War begin?, back: "1914"}
  - {id: d5, kind: date, when: "1969", front: When did people first walk on the Moon?, back: "1969"}
  - {id: d6, kind: date, when: "1989", front: When did the Berlin Wall fall?, back: "1989"}
  - {id: p1, kind: person, front: Who led France at Waterloo?, back: Napoleon Bonaparte}
  - {id: p2, kind: person, front: Who commanded the allies at Waterloo?, back: Duke of Wellington}
  - {id: p3, kind: person, front: Who first walked on the Moon?, back: Neil Armstrong}
  - {id: p4, kind: person, front: Who sailed west for Spain in 1492?, back: Christopher Columbus}
"""


@pytest.fixture
def hist(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    deck = write_deck(tmp_path / "decks", "hist.yaml", DECK)
    ws = Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]
    return ws


def _app(ws: Workspace, **options: object) -> TrainerApp:
    quiz = QuizOptions(("hist",), seed=5, **options)  # type: ignore[arg-type]
    return build_app(ws, rng=random.Random(3), quiz=quiz)


async def _answer(app: TrainerApp, pilot: object, right: bool) -> None:
    """Answer the question on screen, rightly or not, and go on."""
    screen = app.screen
    assert isinstance(screen, QuizScreen)
    q = screen.run.current
    assert q is not None
    if q.type is QuestionType.CHOICE:
        index = q.correct[0] if right else (q.correct[0] + 1) % len(q.choices)
        await pilot.press(str(index + 1))  # type: ignore[attr-defined]
    elif q.type is QuestionType.TRUE_FALSE:
        truth = q.correct == (1,)
        await pilot.press("t" if truth == right else "f")  # type: ignore[attr-defined]
    elif q.type is QuestionType.TYPED:
        box = screen.query_one(Input)
        box.value = q.answer if right else "nothing like it"
        await pilot.press("enter")  # type: ignore[attr-defined]
    else:
        screen.order = list(q.correct) if right else list(reversed(q.correct))
        await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert screen.verdict is not None and screen.verdict.correct is right, q
    await pilot.press("space")  # type: ignore[attr-defined]


async def test_a_whole_quiz_its_result_and_its_history(hist: Workspace) -> None:
    app = _app(hist, count=8)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        questions = app.screen.run.questions
        types = {q.type for q in questions}
        assert types == set(QuestionType)  # every type, from ten cards
        total = len(questions)  # a timeline asks four or five cards at once
        assert 5 <= total <= 8
        for i in range(total):
            await _answer(app, pilot, right=i % 2 == 1)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizResultScreen)
        result = screen.result
        wrong = (total + 1) // 2
        assert (result.right, result.total) == (total - wrong, total) and not result.passed
        summary = str(screen.query_one("#result-summary", Static).content)
        assert f"{total - wrong} of {total} right" in summary and "NOT PASSED" in summary
        assert "pass mark 70%" in summary
        mistakes = str(screen.query_one("#result-mistakes", Static).content)
        assert f"Mistakes ({wrong})" in mistakes and mistakes.count("Right answer:") == wrong
        assert "You gave:" in mistakes or "Your order:" in mistakes
    (record,) = hist.quiz_history()
    assert (record.right, record.total, record.decks) == (total - wrong, total, ("hist",))
    assert record.options["seed"] == 5


async def test_the_clock_runs_out_and_the_rest_counts_as_wrong(
    hist: Workspace, clock: FixedClock
) -> None:
    app = _app(hist, count=6, minutes=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert "02:00 left" in str(screen.query_one("#quiz-clock", Static).content)
        await _answer(app, pilot, right=True)
        clock.advance(seconds=75)
        screen.tick()
        assert "00:45 left" in str(screen.query_one("#quiz-clock", Static).content)
        clock.advance(seconds=46)
        screen.tick()  # the interval timer calls this every second; no test sleeps
        await pilot.pause()
        assert isinstance(app.screen, QuizResultScreen)
        result = app.screen.result
        assert result.timed_out and (result.right, result.total) == (1, 6)
        assert "The time ran out: 5 unanswered" in str(
            app.screen.query_one("#result-summary", Static).content
        )


async def test_i_was_right_overrules_the_grader(hist: Workspace) -> None:
    app = _app(hist, count=3, types=("typed",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        screen.query_one(Input).value = "something the grader refuses"
        await pilot.press("enter")
        assert screen.verdict is not None and not screen.verdict.correct
        assert "I was right" in str(screen.query_one("#quiz-keys", Static).content)
        await pilot.press("o")
        assert screen.verdict.correct and screen.verdict.overruled
        assert "you said so" in str(screen.query_one("#quiz-verdict", Static).content)


async def test_missed_cards_go_into_relearning_only_when_asked(
    hist: Workspace, clock: FixedClock
) -> None:
    session = hist.session(rng=random.Random(1))
    while session.current is not None:  # every card studied once
        session.answer(Rating.EASY, clock.now())
    clock.advance(days=1)
    before = hist.store.answer_count()
    app = _app(hist, count=4, types=("choice",))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for _ in range(4):
            await _answer(app, pilot, right=False)
        await pilot.pause()
        assert isinstance(app.screen, QuizResultScreen)
        assert hist.store.answer_count() == before  # the quiz left the schedule alone
        await pilot.press("r")
        await pilot.pause()
        assert hist.store.answer_count() == before + 4
        missed = [a.question.cards[0].card_id for a in app.screen.result.mistakes]
        for card_id in missed:
            rowid = hist.store.card_rowid("hist", card_id)
            assert rowid is not None
            memory = hist.store.memory(rowid)
            assert memory.state is State.RELEARNING
            assert hist.store.log_rows(rowid)[-1][3] == int(Rating.AGAIN)
        assert any("4 cards sent into relearning" in n.message for n in app._notifications)
        await pilot.press("r")  # once only
        assert hist.store.answer_count() == before + 4


async def test_the_home_screen_offers_a_quiz_on_the_selected_deck(hist: Workspace) -> None:
    app = build_app(hist, rng=random.Random(3))
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("t")
        assert isinstance(app.screen, QuizSetup)
        app.screen.query_one("#setup-count", Input).value = "0"
        await pilot.press("enter")
        assert "from 1 to 500" in str(app.screen.query_one("#setup-error", Static).content)
        app.screen.query_one("#setup-count", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and len(app.screen.run.questions) == 5
        region = app.screen.query_one("#quiz-prompt").region
        assert region.height > 0 and region.right <= 60  # usable at 60×15
        await pilot.press("escape")
        await pilot.press("enter")  # yes, end it
        await pilot.pause()
        assert isinstance(app.screen, QuizResultScreen) and app.screen.result.right == 0


def test_snapshot_question(snap_compare: Compare, hist: Workspace) -> None:
    assert snap_compare(_app(hist, count=4, types=("choice",)), terminal_size=(80, 24))


def test_snapshot_result_and_mistakes(snap_compare: Compare, hist: Workspace) -> None:
    app = _app(hist, count=3, types=("truefalse",))
    keys = ["t", "space", "f", "space", "t", "space"]
    assert snap_compare(app, press=keys, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
async def test_after_a_wrong_reply_the_right_answer_is_in_view(
    hist: Workspace, tmp_path: Path, clock: FixedClock, size: tuple[int, int]
) -> None:
    long_deck = DECK.replace(
        "When did the Berlin Wall fall?",
        '"In which year did the Berlin Wall, which had divided the city since 1961 and stood'
        ' for the Cold War, fall at last, after crowds gathered at its crossings one night?"',
    )
    deck = write_deck(tmp_path / "long", "hist.yaml", long_deck)
    ws = Workspace(None, [deck], clock=clock)  # type: ignore[arg-type]
    for kind in ("choice", "timeline"):
        app = _app(ws, count=4, types=(kind,))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            q = screen.run.current
            assert q is not None
            if kind == "choice":
                wrong = (q.correct[0] + 1) % len(q.choices)
                await pilot.press(str(wrong + 1))
            else:
                screen.order = list(reversed(q.correct))
                await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            assert screen.verdict is not None and not screen.verdict.correct
            card = screen.query_one("#quiz-card")
            verdict = screen.query_one("#quiz-verdict")
            seen = card.content_region.intersection(verdict.region)
            assert seen.height >= 2  # "Not quite" and "The answer: ..." are on screen
            if kind == "choice":
                marks = [
                    str(screen.query_one(OptionList).get_option_at_index(i).prompt)
                    for i in range(len(q.choices))
                ]
                assert marks[q.correct[0]].startswith("✓") and marks[wrong].startswith("✗")
            await pilot.press("down", "down", "down", "down")  # the card scrolls, not the options
            assert card.has_focus
            await pilot.press("space")
            assert app.screen is not screen or screen.verdict is None  # on to the next one


@pytest.mark.parametrize("size", [(60, 15), (80, 24)])
async def test_a_timeline_shows_its_question_and_whole_key_line_in_a_small_terminal(
    hist: Workspace, size: tuple[int, int]
) -> None:
    app = _app(hist, count=2, types=("timeline",))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        card = screen.query_one("#quiz-card")
        for part in ("#quiz-type", "#quiz-prompt", "#quiz-options"):
            widget = screen.query_one(part)
            seen = card.content_region.intersection(widget.region)
            assert seen.height >= min(widget.region.height, 4), part  # the question is on screen
        assert card.scroll_y == 0 and card.max_scroll_y == 0  # the options scroll, not the card
        keys = str(screen.query_one("#quiz-keys", Static).render())
        assert "move" in keys and "Enter" in keys
        assert len(keys) <= size[0] - 4  # nothing cut off at the right
        await pilot.press("shift+down")  # the options still move with the keys
        assert screen.order[1] == 0
