"""Multiple choice: the distractor rules as properties over generated decks."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.quiz.choice import answer_text, choice_question
from trainer.core.quiz.dates import read_date
from trainer.core.quiz.facts import fact_of
from trainer.core.quiz.material import Facts, Material, date_key
from trainer.core.quiz.model import Question, QuestionType
from trainer.core.quiz.text import norm
from trainer.core.quiz.typed import grade, typed_question

from .cards import card, cloze, reversed_pair
from .decks import COUNTRIES, DATES, PLACES, ROLES, Deck, decks

FAMILIES = {"composer": "arts", "novelist": "arts", "president": "power"}


def _questions(deck: Deck, seed: int) -> list[tuple[Question, object]]:
    material = Material(deck.cards, (), random.Random(seed), Facts())
    out = []
    for i, c in enumerate(deck.cards):
        fact = fact_of(c)
        assert fact is not None
        q = choice_question(fact, material, random.Random(seed + i))
        if q is not None:
            out.append((q, fact))
    return out


def _same_meaning(a: str, b: str, kind: str) -> bool:
    probe = Question(QuestionType.TYPED, "", a, kind=kind)
    other = dataclasses.replace(probe, answer=b)
    return grade(probe, b).correct or grade(other, a).correct


@settings(max_examples=40, deadline=None)
@given(deck=decks(), seed=st.integers(0, 10_000))
def test_distractor_rules(deck: Deck, seed: int) -> None:
    built = _questions(deck, seed)
    categories = Counter(deck.truth.values())
    for q, fact in built:
        right = answer_text(fact)  # type: ignore[arg-type]
        assert len(q.choices) == 4 and q.choices[q.correct[0]] == right == q.answer
        # the answer exactly once, every option shown, none empty
        assert sum(norm(o) == norm(right) for o in q.choices) == 1
        assert all(o.strip() and any(ch.isalnum() for ch in o) for o in q.choices)
        typed = typed_question(fact)  # type: ignore[arg-type]
        for j, option in enumerate(q.choices):
            if j == q.correct[0]:
                continue
            # never an option that is also right for the question
            assert not grade(typed, option).correct, (q.prompt, option)
        # never two options that mean the same
        for a in range(4):
            for b in range(a + 1, 4):
                assert not _same_meaning(q.choices[a], q.choices[b], q.kind), (
                    q.choices[a],
                    q.choices[b],
                )
        category = deck.truth[fact.answer]  # type: ignore[attr-defined]
        wrong = [o for j, o in enumerate(q.choices) if j != q.correct[0]]
        if category in DATES:
            # dates among dates of the same precision and form
            key = date_key(fact.date)  # type: ignore[attr-defined]
            for option in wrong:
                reading = read_date(option)
                assert reading is not None and date_key(reading.values[0]) == key, (right, option)
        elif categories[category] >= 4:
            # the material holds three others of the answer's kind: every distractor is one
            for option in wrong:
                assert deck.truth.get(option) == category, (right, option)
        elif category == "country":
            for option in wrong:
                assert deck.truth.get(option, "country") == "country"
        if category in (*PLACES, "city"):
            # never another sort of place (a sea for a river, a mountain for a city)
            for option in wrong:
                assert deck.truth.get(option) == category, (right, option)
        if category in ROLES:
            # never a role of another family (a president for a composer)
            for option in wrong:
                other = deck.truth.get(option)
                assert FAMILIES.get(other, FAMILIES[category]) == FAMILIES[category], (
                    right,
                    option,
                )
    # decks with enough material of a kind always give its cards a question
    asked = {q.cards[0].card_id for q, _ in built}
    for c in deck.cards:
        category = deck.truth[c.back]
        if category in DATES or categories[category] >= 4 or category == "country":
            assert c.id in asked, (c.front, c.back)


@settings(max_examples=25, deadline=None)
@given(deck=decks(min_size=6), seed=st.integers(0, 10_000))
def test_the_right_date_falls_anywhere_among_the_options(deck: Deck, seed: int) -> None:
    for q, fact in _questions(deck, seed):
        if fact.date is None:  # type: ignore[attr-defined]
            continue
        spans = [read_date(o).values[0] for o in q.choices]  # type: ignore[union-attr]
        assert len({(s.first, s.last) for s in spans}) == 4


def test_positions_of_the_right_date_are_spread() -> None:
    cards = [
        card(
            f"In which year was treaty {i} signed?",
            str(1800 + 7 * i),
            kind="date",
            when=str(1800 + 7 * i),
        )
        for i in range(40)
    ]
    places: Counter[int] = Counter()
    for q, _ in _questions(Deck(cards, {c.back: "year" for c in cards}), 3):
        spans = sorted(range(4), key=lambda j: int(q.choices[j]))
        places[spans.index(q.correct[0])] += 1
    assert len(places) == 4 and min(places.values()) >= 5


def test_dates_keep_the_answers_precision_with_no_other_dates_around() -> None:
    cases = {
        "10 July 2025": "2025-07-10",
        "July 2025": "2025-07",
        "2025": "2025",
        "1988 to 1994": "1988/1994",
        "the 1860s": "1860s",
        "the early 19th century": "early 19th century",
    }
    for back, when in cases.items():
        fact = fact_of(card("When did it happen?", back, kind="date", when=when))
        assert fact is not None
        q = choice_question(fact, Material([], (), random.Random(1), Facts()), random.Random(2))
        assert q is not None
        keys = {date_key(read_date(o).values[0]) for o in q.choices}  # type: ignore[union-attr]
        assert keys == {date_key(fact.date)}  # type: ignore[arg-type]


def test_people_with_comparable_roles_come_first() -> None:
    cards = [
        *reversed_pair(
            "Ada Varga", "President of Norway", ask_reverse="Who is the president of Norway?"
        ),
        *reversed_pair(
            "Boris Okafor", "President of Chile", ask_reverse="Who is the president of Chile?"
        ),
        *reversed_pair(
            "Clara Moreau", "President of Kenya", ask_reverse="Who is the president of Kenya?"
        ),
        *reversed_pair(
            "Hugo Tanaka",
            "Prime Minister of Peru",
            ask_reverse="Who is the prime minister of Peru?",
        ),
        card("Who painted the ceiling of the chapel?", "Dmitri Petrov", kind="person"),
        card("Who wrote the opera about the sea?", "Elena Silva", kind="person"),
        card("Who discovered the comet?", "Farid Novak", kind="person"),
    ]
    fact = fact_of(cards[1])  # who is the president of Norway?
    assert fact is not None and fact.shape == "person"
    for seed in range(10):
        q = choice_question(
            fact, Material(cards, (), random.Random(seed), Facts()), random.Random(seed)
        )
        assert q is not None
        assert set(q.choices) == {"Ada Varga", "Boris Okafor", "Clara Moreau", "Hugo Tanaka"}


def test_never_an_option_the_card_accepts_or_a_namesake_surname() -> None:
    cards = [
        card(
            "Who brokered the ceasefire?",
            "Russia",
            kind="treaty",
            accept=("Moscow", "the Russian Federation"),
        ),
        card("Which capital hosted the talks?", "Moscow", kind="place"),
        card("Which country mediated in 1994?", "Russian Federation", kind="place"),
        card("Which country joined later?", "Georgia", kind="place"),
        card("Which country stayed out?", "Turkey", kind="place"),
        card("Which country signed first?", "Iran", kind="place"),
        card("Which country left the union?", "Ukraine", kind="place"),
    ]
    fact = fact_of(cards[0])
    assert fact is not None
    for seed in range(10):
        q = choice_question(
            fact, Material(cards, (), random.Random(seed), Facts()), random.Random(seed)
        )
        assert q is not None
        assert not {"Moscow", "Russian Federation"} & set(q.choices)


def test_short_material_falls_back_or_gives_no_question() -> None:
    # three people only: a person question cannot have three distractors
    cards = [
        card(f"Who founded society {i}?", name, kind="person")
        for i, name in enumerate(("Ada Varga", "Boris Okafor", "Clara Moreau"))
    ]
    fact = fact_of(cards[0])
    assert fact is not None
    assert (
        choice_question(fact, Material(cards, (), random.Random(1), Facts()), random.Random(1))
        is None
    )
    # a country without other countries around: countries from the built-in list, never a placeholder
    lone = card("Which country hosted the summit?", "Chile", kind="place")
    fact = fact_of(lone)
    assert fact is not None
    q = choice_question(fact, Material([lone], (), random.Random(1), Facts()), random.Random(1))
    assert q is not None and all(o.strip() for o in q.choices)
    assert all(norm(o) != "chile" for j, o in enumerate(q.choices) if j != q.correct[0])


def test_pool_decks_lend_distractors() -> None:
    quizzed = [card("Which country hosted the summit?", "Chile", kind="place", deck="a")]
    pool = [
        card(f"Which country hosted meeting {i}?", c, kind="place", deck="b")
        for i, c in enumerate(COUNTRIES[3:7])
    ]
    fact = fact_of(quizzed[0])
    assert fact is not None
    q = choice_question(fact, Material(quizzed, pool, random.Random(1), Facts()), random.Random(1))
    assert q is not None
    assert set(q.choices) - {"Chile"} <= {c.back for c in pool}


def _world() -> list:
    """Places of many sorts, as a geography deck asks them."""
    return [
        *cloze("The Nile flows north into the {{c1::Mediterranean Sea}}.", kind="place"),
        *cloze(
            "The {{c1::Amazon}} carries more water than any other river;"
            " it empties into the {{c2::Atlantic Ocean}}.",
            kind="place",
        ),
        card("Into which sea does the Danube flow?", "The Black Sea", kind="place"),
        card("Into which sea does the Rhine flow?", "The North Sea", kind="place"),
        card("Which is the longest river in Europe?", "The Volga", kind="place"),
        card("Which is the longest river in Asia?", "The Yangtze", kind="place"),
        card("Which is the deepest lake in the world?", "Lake Baikal", kind="place"),
        card("Which is the highest mountain in Africa?", "Mount Kilimanjaro", kind="place"),
        card("Which strait divides Istanbul?", "The Bosphorus", kind="place"),
        card("Which strait separates Spain from Morocco?", "The Strait of Gibraltar", kind="place"),
        card("What is the capital of Australia?", "Canberra", kind="place"),
        card("What is the capital of Nigeria?", "Abuja", kind="place"),
        card("What is the capital of Canada?", "Ottawa", kind="place"),
        card("Which city is the seat of Switzerland's government?", "Bern", kind="place"),
        card("What is Astana?", "Capital of Kazakhstan", kind="place"),
    ]


def _choices(cards: list, front: str, seeds: range = range(8)) -> list[Question | None]:
    target = next(c for c in cards if c.front == front or front in c.front)
    fact = fact_of(target)
    assert fact is not None
    return [
        choice_question(fact, Material(cards, (), random.Random(s), Facts()), random.Random(s))
        for s in seeds
    ]


def test_a_place_stands_only_among_places_of_its_sort() -> None:
    world = _world()
    seas = {"Mediterranean Sea", "Atlantic Ocean", "The Black Sea", "The North Sea"}
    for q in _choices(world, "The Nile flows north"):
        assert q is not None and set(q.choices) == seas  # never the Amazon or a mountain
    cities = {"Canberra", "Abuja", "Ottawa", "Bern"}
    for q in _choices(world, "What is the capital of Canada?"):
        assert q is not None and set(q.choices) <= cities
    # one other strait, no other lake: no question rather than rivers and oceans
    assert _choices(world, "Which strait divides Istanbul?") == [None] * 8
    assert _choices(world, "Which is the deepest lake in the world?") == [None] * 8


def test_a_description_stands_among_descriptions_of_its_sort() -> None:
    for q in _choices(_world(), "What is Astana?"):
        assert q is not None and q.answer == "Capital of Kazakhstan"
        # never an ocean, a river or a sea: another capital, made from the deck's countries
        assert all(o.startswith("Capital of ") for o in q.choices), q.choices


def test_a_composer_stands_among_composers_before_any_writer() -> None:
    cards = [
        card(
            "Which Baroque composer wrote the Brandenburg Concertos?",
            "Johann Sebastian Bach",
            kind="person",
        ),
        card("Who composed the opera Aida?", "Giuseppe Verdi", kind="person"),
        card("Who composed The Blue Danube?", "Johann Strauss II", kind="person"),
        card("Which Polish pianist wrote mostly for solo piano?", "Frédéric Chopin", kind="person"),
        card("Who wrote War and Peace?", "Leo Tolstoy", kind="person"),
        card("Who wrote Jane Eyre?", "Charlotte Brontë", kind="person"),
        card("Who was President of the United States in 1962?", "John F. Kennedy", kind="person"),
    ]
    for q in _choices(cards, "Which Baroque composer"):
        assert q is not None
        assert set(q.choices) == {
            "Johann Sebastian Bach",
            "Giuseppe Verdi",
            "Johann Strauss II",
            "Frédéric Chopin",
        }
    # with fewer composers, writers (other artists) make up the rest, never a president
    few = [c for c in cards if c.back not in ("Johann Strauss II", "Frédéric Chopin")]
    for q in _choices(few, "Which Baroque composer"):
        assert q is not None and "John F. Kennedy" not in q.choices


def test_a_sentence_opening_with_circa_keeps_its_small_c() -> None:
    from trainer.core.quiz.text import sentence_start

    assert (
        sentence_start("c. 1274 BC (Year 5) – Battle of Kadesh.")
        == "c. 1274 BC (Year 5) – Battle of Kadesh."
    )
    assert sentence_start("r. 1279-1213 BC: Ramesses II") == "r. 1279-1213 BC: Ramesses II"
    assert sentence_start("the treaty was signed.") == "The treaty was signed."
