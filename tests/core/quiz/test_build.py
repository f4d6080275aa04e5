"""Building a quiz: types mixed evenly, entries asked once, the same quiz for a seed."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from trainer.core.deck import load_deck
from trainer.core.errors import UsageError
from trainer.core.model import StoredCard
from trainer.core.quiz.build import build_questions
from trainer.core.quiz.check import check
from trainer.core.quiz.model import Question, QuestionType
from trainer.core.quiz.people import PeopleIndex

from .cards import card, cloze, reversed_pair

ROOT = Path(__file__).resolve().parents[3]
ALL = list(QuestionType)


def bundled() -> list[StoredCard]:
    """The bundled dates, people and treaties decks as stored cards."""
    cards = []
    for name in ("dates.yaml", "people.yaml", "treaties.yaml"):
        deck = load_deck(ROOT / "decks" / name)
        for c in deck.cards:
            cards.append(
                StoredCard(
                    len(cards) + 1,
                    deck.id,
                    c.id,
                    c.entry,
                    c.type,
                    c.ordinal,
                    c.kind,
                    c.front,
                    c.back,
                    c.accept,
                    c.when,
                    c.tags,
                    c.source,
                    c.note,
                )
            )
    return cards


@pytest.fixture(scope="module")
def cards() -> list[StoredCard]:
    got = bundled()
    assert len(got) > 30
    return got


def _answer(q: Question) -> str | int | bool | list[int]:
    if q.type is QuestionType.TYPED:
        return q.answer
    if q.type is QuestionType.CHOICE:
        return q.correct[0]
    if q.type is QuestionType.TRUE_FALSE:
        return q.correct == (1,)
    return list(q.correct)


def test_every_type_from_the_bundled_decks(cards: list[StoredCard]) -> None:
    questions = build_questions(cards, 12, ALL, random.Random(7))
    assert Counter(q.type for q in questions) == dict.fromkeys(ALL, 3)
    for q in questions:
        assert q.prompt and q.answer and q.cards and q.kind
        assert check(q, _answer(q)).correct, q
        if q.type is QuestionType.CHOICE:
            assert len(q.choices) == 4 and len(q.correct) == 1
        elif q.type is QuestionType.TRUE_FALSE:
            assert q.correct in ((0,), (1,)) and q.answer in ("True", "False")
        elif q.type is QuestionType.TIMELINE:
            assert 4 <= len(q.choices) <= 5 and sorted(q.correct) == list(range(len(q.choices)))
            assert len(q.events_when) == len(q.choices) == len(q.cards)
        else:
            assert not q.choices and not q.correct


def test_the_same_seed_gives_the_same_quiz(cards: list[StoredCard]) -> None:
    first = build_questions(cards, 20, ALL, random.Random(42))
    again = build_questions(cards, 20, ALL, random.Random(42))
    other = build_questions(cards, 20, ALL, random.Random(43))
    assert first == again
    assert first != other


def test_each_entry_is_asked_once(cards: list[StoredCard]) -> None:
    entries = {(c.deck_id, c.id): (c.deck_id, c.entry) for c in cards}
    for seed in range(5):
        questions = build_questions(cards, 200, ALL, random.Random(seed))
        asked = [entries[(ref.deck_id, ref.card_id)] for q in questions for ref in q.cards]
        assert asked and len(asked) == len(set(asked))


def test_types_share_the_count_as_evenly_as_the_cards_allow() -> None:
    undated = [
        card(f"Who founded society {i}?", name, kind="person")
        for i, name in enumerate(
            (
                "Ada Varga",
                "Boris Okafor",
                "Clara Moreau",
                "Dmitri Tanaka",
                "Elena Petrov",
                "Farid Silva",
                "Greta Novak",
                "Hugo Haddad",
                "Ines Keller",
                "Jonas Rossi",
            )
        )
    ]
    questions = build_questions(undated, 9, ALL, random.Random(3))
    counts = Counter(q.type for q in questions)
    assert len(questions) == 9 and QuestionType.TIMELINE not in counts
    assert counts == {QuestionType.CHOICE: 3, QuestionType.TYPED: 3, QuestionType.TRUE_FALSE: 3}


def test_fewer_questions_when_the_cards_run_out() -> None:
    cards = [
        *reversed_pair("Ada Varga", "President of Norway"),
        *cloze("{{c1::Oslo}} is in {{c2::Norway}}."),
    ]
    questions = build_questions(cards, 10, [QuestionType.TYPED], random.Random(1))
    assert len(questions) == 2  # one per entry: siblings never give each other away


def test_pool_lends_distractors_but_is_never_asked() -> None:
    quizzed = [card("Which country hosted the summit?", "Chile", kind="place", deck="a")]
    pool = [
        card(f"Which country hosted meeting {i}?", c, kind="place", deck="b")
        for i, c in enumerate(("Peru", "Kenya", "Norway"))
    ]
    questions = build_questions(quizzed, 5, [QuestionType.CHOICE], random.Random(1), pool)
    assert len(questions) == 1 and {ref.deck_id for ref in questions[0].cards} == {"a"}
    assert set(questions[0].choices) == {"Chile", "Peru", "Kenya", "Norway"}


def test_a_kept_people_index_gives_the_same_surnames(cards: list[StoredCard]) -> None:
    made = build_questions(cards, 40, [QuestionType.TYPED], random.Random(5))
    kept = build_questions(
        cards, 40, [QuestionType.TYPED], random.Random(5), people=PeopleIndex(cards)
    )
    assert made == kept
    surnames = {q.answer: q.surnames for q in made if q.surnames or q.kind == "person"}
    assert "aliyev" not in surnames.get("Ilham Aliyev", frozenset())
    assert "pashinyan" in surnames.get("Nikol Pashinyan", {"pashinyan"})


def test_the_people_index_finds_every_card_that_may_name_a_surname() -> None:
    walesa = card("Who led Solidarity?", "Lech Wałęsa", kind="person")
    two_lines = card("Who signed for Britain?", "Lord\nLansdowne", kind="person")
    wilson = card("Who was President in 1919?", "Woodrow Wilson", kind="person")
    gap = cloze("{{c1::Paul Cambon::ambassador}} signed in {{c2::London}}", kind="person")
    place = card("Where is Lansdowne House?", "Lansdowne", kind="place")
    index = PeopleIndex([walesa, two_lines, wilson, *gap, place])
    assert index.cards_named("Walesa") == [walesa]  # accents folded on both sides
    assert index.cards_named("wałęsa") == [walesa]
    assert index.cards_named("Lansdowne") == [two_lines]  # the right card after a line break
    assert index.cards_named("son") == []  # a whole word, not the end of "Wilson"
    assert {c.ordinal for c in index.cards_named("cambon")} == {1, 2}
    assert index.cards_named("Nobody") == []


@pytest.mark.parametrize(
    ("cards", "types", "words"),
    [
        ([], ALL, "no cards"),
        ([card("Q?", "A")], [], "no question type"),
        ([card("Q?", "A")], ["essay"], "not a question type"),
        (
            [card("Who founded it?", "Ada Varga", kind="person")],
            [QuestionType.CHOICE],
            "three other answers",
        ),
    ],
)
def test_usage_errors_say_what_and_what_to_do(
    cards: list[StoredCard], types: list[QuestionType], words: str
) -> None:
    with pytest.raises(UsageError) as err:
        build_questions(cards, 5, types, random.Random(1))
    assert words in err.value.message and err.value.hint


def test_a_count_below_one_is_refused() -> None:
    with pytest.raises(UsageError):
        build_questions([card("Q?", "A")], 0, ALL, random.Random(1))


def test_true_and_false_statements_stay_even() -> None:
    # people have wrong values of their kind; the lone country has none (no false statement)
    cards = [
        card(f"Who founded society {i}?", n, kind="person")
        for i, n in enumerate(("Ada Varga", "Boris Okafor", "Clara Moreau", "Dmitri Tanaka"))
    ]
    cards += [
        card(
            f"In which year was treaty {i} signed?",
            str(1900 + 9 * i),
            kind="date",
            when=str(1900 + 9 * i),
        )
        for i in range(6)
    ]
    cards += [card("What is the capital of nowhere in particular?", "a town with no name")]
    for seed in range(6):
        answers = Counter(
            q.answer
            for q in build_questions(cards, 11, [QuestionType.TRUE_FALSE], random.Random(seed))
        )
        assert abs(answers["True"] - answers["False"]) <= 1, answers


def test_the_same_seed_gives_the_same_quiz_in_another_process() -> None:
    """No set or dict order leaks into a quiz: string hashing differs per process."""
    import hashlib
    import os
    import subprocess
    import sys

    code = (
        "import random, hashlib\n"
        "from tests.core.quiz.test_build import bundled\n"
        "from trainer.core.quiz.build import build_questions\n"
        "from trainer.core.quiz.model import QuestionType\n"
        "qs = build_questions(bundled(), 30, list(QuestionType), random.Random(5))\n"
        "print(hashlib.sha256(repr(qs).encode()).hexdigest())\n"
    )
    here = hashlib.sha256(
        repr(build_questions(bundled(), 30, ALL, random.Random(5))).encode()
    ).hexdigest()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        assert out.stdout.strip() == here
