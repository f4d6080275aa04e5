"""True / false: statements that read as sentences, true or plausibly false."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.core.quiz.build import build_questions
from trainer.core.quiz.check import check
from trainer.core.quiz.choice import answer_text
from trainer.core.quiz.dates import read_date
from trainer.core.quiz.facts import fact_of
from trainer.core.quiz.material import Facts, Material
from trainer.core.quiz.model import QuestionType
from trainer.core.quiz.statements import natural, statement
from trainer.core.quiz.truefalse import truefalse_question

from .cards import card, cloze, reversed_pair
from .decks import PLACES, ROLES, Deck, decks


def mid(answer: str) -> str:
    """An answer as a sentence shows it ('The Volga' -> 'the Volga')."""
    return answer[:1].lower() + answer[1:] if answer.startswith("The ") else answer


@pytest.mark.parametrize(
    ("front", "back", "kind", "when", "sentence"),
    [
        (
            "In which year did the Soviet Union collapse?",
            "1991",
            "date",
            "1991",
            "In 1991, the Soviet Union collapsed.",
        ),
        (
            "When was Sputnik 1 launched?",
            "4 October 1957",
            "date",
            "1957-10-04",
            "Sputnik 1 was launched on 4 October 1957.",
        ),
        (
            "When did the two leaders meet in Abu Dhabi?",
            "July 2025",
            "date",
            "2025-07",
            "In July 2025, the two leaders met in Abu Dhabi.",
        ),
        (
            "Over which years was the first Karabakh war fought?",
            "1988 to 1994",
            "date",
            "1988/1994",
            "The first Karabakh war was fought from 1988 to 1994.",
        ),
        (
            "Between which years were Armenia and Azerbaijan briefly independent?",
            "1918 to 1920",
            "date",
            "1918/1920",
            "Between 1918 and 1920, Armenia and Azerbaijan were briefly independent.",
        ),
        (
            "Since which year has Russia kept up pressure on Armenia?",
            "2018",
            "date",
            "2018",
            "Since 2018, Russia has kept up pressure on Armenia.",
        ),
        (
            "In which year was the first part of the treaty signed?",
            "1605",
            "date",
            "1605",
            "The first part of the treaty was signed in 1605.",
        ),
        (
            "In which decade did Maxwell publish his equations?",
            "the 1860s",
            "date",
            "1860s",
            "In the 1860s, Maxwell published his equations.",
        ),
        (
            "In which year did Armenians flee massacres?",
            "1915",
            "date",
            "1915",
            "In 1915, Armenians fled massacres.",
        ),
        (
            "Who wrote War and Peace?",
            "Leo Tolstoy",
            "person",
            "",
            "Leo Tolstoy wrote War and Peace.",
        ),
        (
            "Who was Yuri Gagarin?",
            "First human in space",
            "person",
            "",
            "Yuri Gagarin was the first human in space.",
        ),
        (
            "Who is Armenia's prime minister?",
            "Nikol Pashinyan",
            "person",
            "",
            "Nikol Pashinyan is Armenia's prime minister.",
        ),
        (
            "Whose photograph revealed the helix?",
            "Rosalind Franklin",
            "person",
            "",
            "Rosalind Franklin's photograph revealed the helix.",
        ),
        (
            "What is the capital of Australia?",
            "Canberra",
            "place",
            "",
            "The capital of Australia is Canberra.",
        ),
        (
            "Into which sea does the Danube flow?",
            "The Black Sea",
            "place",
            "",
            "The Danube flows into the Black Sea.",
        ),
        (
            "In which city does the European Parliament sit?",
            "Strasbourg",
            "place",
            "",
            "The European Parliament sits in Strasbourg.",
        ),
        (
            "In which country is Mount Kilimanjaro?",
            "Tanzania",
            "place",
            "",
            "Mount Kilimanjaro is in Tanzania.",
        ),
        (
            "What does NATO stand for?",
            "North Atlantic Treaty Organization",
            "treaty",
            "",
            "NATO stands for North Atlantic Treaty Organization.",
        ),
        (
            "Which treaty forbids claims on the Moon?",
            "The Outer Space Treaty",
            "treaty",
            "",
            "The Outer Space Treaty forbids claims on the Moon.",
        ),
        (
            "Which antibiotic did Fleming discover?",
            "Penicillin",
            "term",
            "",
            "Fleming discovered penicillin.",
        ),
        (
            "What did Russia and Azerbaijan sign in February 2022?",
            "A pact for strategic cooperation",
            "treaty",
            "",
            "Russia and Azerbaijan signed a pact for strategic cooperation in February 2022.",
        ),
        (
            "Mount Everest stands between Nepal and which other country?",
            "China",
            "place",
            "",
            "Mount Everest stands between Nepal and China.",
        ),
        (
            "After the war, who brokered the ceasefire?",
            "Russia",
            "treaty",
            "",
            "After the war, Russia brokered the ceasefire.",
        ),
        (
            "What is the model with the Sun at the centre called?",
            "Heliocentrism",
            "term",
            "",
            "The model with the Sun at the centre is called heliocentrism.",
        ),
    ],
)
def test_questions_turn_into_sentences(
    front: str, back: str, kind: str, when: str, sentence: str
) -> None:
    fact = fact_of(card(front, back, kind=kind, when=when))
    assert fact is not None
    assert natural(fact, answer_text(fact), fact.date) == sentence


def test_bare_fronts_and_clozes_read_as_sentences() -> None:
    name_to_role, role_to_name = reversed_pair("Nikol Pashinyan", "Prime Minister of Armenia")
    for c in (name_to_role, role_to_name):
        fact = fact_of(c)
        assert fact is not None
        assert (
            natural(fact, fact.answer, None) == "Nikol Pashinyan is the Prime Minister of Armenia."
        )
    (gap,) = cloze("The first Karabakh war ended in {{c1::1994}}.", kind="date", when="1994")
    fact = fact_of(gap)
    assert fact is not None
    assert natural(fact, "1997", None) == "The first Karabakh war ended in 1997."
    dated = fact_of(card("Eternal Friendship Treaty", "1997", kind="treaty", when="1997"))
    assert (
        dated is not None
        and natural(dated, "1997", dated.date) == "Eternal Friendship Treaty dates from 1997."
    )


def test_a_question_no_rule_fits_gets_no_statement_and_is_asked_another_way() -> None:
    cards = [
        card(
            "Which two countries signed the treaty, and in which year?",
            "Armenia and Russia, in 1997",
        ),
        card("Which two countries signed the pact, and in which year?", "Chile and Peru, in 1929"),
    ]
    fact = fact_of(cards[0])
    assert fact is not None
    assert natural(fact, fact.answer, None) is None
    assert statement(fact, fact.answer, None) is None  # no "The answer to ... is ..." template
    material = Material(cards, (), random.Random(1), Facts())
    for truth in (True, False):
        assert truefalse_question(fact, material, random.Random(1), truth) is None
    questions = build_questions(
        cards, 2, [QuestionType.TRUE_FALSE, QuestionType.TYPED], random.Random(1)
    )
    assert [q.type for q in questions] == [QuestionType.TYPED] * 2


@pytest.mark.parametrize(
    ("front", "back", "others", "refused"),
    [
        # a name of the question lost, and a possessive pointing at nothing
        (
            "Which former president of Azerbaijan was the father of its current president?",
            "Heydar Aliyev",
            ["Mikheil Saakashvili", "Robert Kocharyan"],
            "the father of its",
        ),
        # a wrong value naming the person asked about
        (
            "Who is Ilham Aliyev?",
            "President of Azerbaijan",
            ["Former President of Azerbaijan, father of Ilham Aliyev"],
            "father of Ilham Aliyev",
        ),
    ],
)
def test_statements_that_would_not_read_or_mean_well_are_refused(
    front: str, back: str, others: list[str], refused: str
) -> None:
    kind = "person"
    cards = [card(front, back, kind=kind)] + [
        card(f"Who is person {i}?", o, kind=kind) for i, o in enumerate(others)
    ]
    fact = fact_of(cards[0])
    assert fact is not None
    material = Material(cards, (), random.Random(2), Facts())
    for seed in range(10):
        q = truefalse_question(fact, material, random.Random(seed), False)
        assert q is None or refused not in q.prompt.lower(), q.prompt


def test_a_main_clause_keeps_its_verb_before_a_comma_part() -> None:
    fact = fact_of(
        card(
            "Between which years were Armenia and Azerbaijan briefly independent, before the"
            " Soviet Union absorbed them?",
            "1918 to 1920",
            kind="date",
            when="1918/1920",
        )
    )
    assert fact is not None
    said = statement(fact, fact.answer, fact.date)
    assert said is None or "Soviet Union absorbed them" in said, said
    assert said is None or "were absorbed" not in said


def test_a_role_the_person_held_is_no_false_statement() -> None:
    cards = [
        card(
            "Who was Heydar Aliyev?",
            "Former President of Azerbaijan, father of Ilham Aliyev",
            kind="person",
        ),
        card("Who is Ilham Aliyev?", "President of Azerbaijan", kind="person"),
        card("Who is Nikol Pashinyan?", "Prime Minister of Armenia", kind="person"),
    ]
    fact = fact_of(cards[0])
    assert fact is not None
    material = Material(cards, (), random.Random(2), Facts())
    for seed in range(10):
        q = truefalse_question(fact, material, random.Random(seed), False)
        assert q is None or "president of azerbaijan." not in q.prompt.lower(), q.prompt


def _deck() -> list:
    return [
        card("In which year did the Soviet Union collapse?", "1991", kind="date", when="1991"),
        card("Who wrote War and Peace?", "Leo Tolstoy", kind="person"),
        card("Who wrote Crime and Punishment?", "Fyodor Dostoevsky", kind="person"),
        card("Who wrote Dead Souls?", "Nikolai Gogol", kind="person"),
        card("Who wrote The Cherry Orchard?", "Anton Chekhov", kind="person"),
    ]


def test_true_and_false_statements() -> None:
    cards = _deck()
    material = Material(cards, (), random.Random(1), Facts())
    fact = fact_of(cards[0])
    assert fact is not None
    true = truefalse_question(fact, material, random.Random(1), True)
    false = truefalse_question(fact, material, random.Random(1), False)
    assert true is not None and false is not None
    assert (
        true.prompt == "In 1991, the Soviet Union collapsed."
        and true.answer == "True"
        and true.correct == (1,)
    )
    assert false.answer == "False" and false.correct == (0,)
    assert false.prompt != true.prompt and "1991" not in false.prompt
    year = read_date(false.prompt.split(",")[0].removeprefix("In "))
    assert year is not None and year.values[0].precision == "year"
    assert false.explanation == "False: In 1991, the Soviet Union collapsed."
    assert check(true, True).correct and not check(true, False).correct
    assert check(false, False).correct and not check(false, True).correct
    assert check(false, True).reason == "the statement is false"


def test_a_false_statement_about_a_person_names_another_person_of_the_deck() -> None:
    cards = _deck()
    fact = fact_of(cards[1])
    assert fact is not None
    q = truefalse_question(
        fact, Material(cards, (), random.Random(3), Facts()), random.Random(3), False
    )
    assert q is not None
    assert q.prompt.endswith("wrote War and Peace.")
    assert q.prompt.split(" wrote")[0] in {"Fyodor Dostoevsky", "Nikolai Gogol", "Anton Chekhov"}


def test_no_false_statement_without_a_wrong_value_of_the_same_kind() -> None:
    cards = [card("Who wrote War and Peace?", "Leo Tolstoy", kind="person")]
    fact = fact_of(cards[0])
    assert fact is not None
    assert (
        truefalse_question(
            fact, Material(cards, (), random.Random(1), Facts()), random.Random(1), False
        )
        is None
    )


@settings(max_examples=30, deadline=None)
@given(deck=decks(), seed=st.integers(0, 10_000))
def test_statements_read_as_sentences_and_false_ones_are_false(deck: Deck, seed: int) -> None:
    material = Material(deck.cards, (), random.Random(seed), Facts())
    for i, c in enumerate(deck.cards):
        fact = fact_of(c)
        assert fact is not None
        for truth in (True, False):
            q = truefalse_question(fact, material, random.Random(seed + i), truth)
            if q is None:
                assert not truth or statement(fact, answer_text(fact), fact.date) is None
                continue
            text = q.prompt
            assert text[0].isupper() and text.endswith(".")
            assert not any(mark in text for mark in ("[...]", "{{", "}}", "None", "  ", " ,", ".."))
            true_statement = statement(fact, answer_text(fact), fact.date)
            if truth:
                assert text == true_statement
            else:
                assert text != true_statement
                assert q.explanation.startswith(f"False: {true_statement}")
                category = deck.truth[c.back]
                if category in (*PLACES, *ROLES, "city"):
                    # the wrong value is of the answer's own sort or kind of role
                    named = [a for a in deck.truth if a != c.back and (a in text or mid(a) in text)]
                    assert named and all(deck.truth[a] == category for a in named), text


def _false(cards: list, index: int, seeds: range = range(8)) -> list[str | None]:
    fact = fact_of(cards[index])
    assert fact is not None
    out = []
    for s in seeds:
        q = truefalse_question(
            fact, Material(cards, (), random.Random(s), Facts()), random.Random(s), False
        )
        out.append(q.prompt if q else None)
    return out


def test_a_false_statement_takes_a_wrong_value_of_the_same_sort_only() -> None:
    cards = [
        card("Which city is the seat of Switzerland's government?", "Bern", kind="place"),
        card("What is the capital of Australia?", "Canberra", kind="place"),
        *cloze("The Amazon empties into the {{c1::Atlantic Ocean}}.", kind="place"),
        card("Which is the highest mountain in Africa?", "Mount Kilimanjaro", kind="place"),
    ]
    assert set(_false(cards, 0)) == {"The seat of Switzerland's government is Canberra."}
    # no other mountain: no false statement at all
    assert set(_false(cards, 3)) == {None}
    # an ocean reads with its article
    sea = [*cards, card("Into which sea does the Danube flow?", "The Black Sea", kind="place")]
    assert set(_false(sea, 4)) == {"The Danube flows into the Atlantic Ocean."}


def test_a_false_statement_about_a_role_keeps_to_its_kind_of_role() -> None:
    chopin, _ = reversed_pair(
        "Frédéric Chopin", "Polish composer of the Romantic era", ask="Who was Frédéric Chopin?"
    )
    kennedy, _ = reversed_pair(
        "John F. Kennedy", "President of the United States", ask="Who was John F. Kennedy?"
    )
    bach, _ = reversed_pair(
        "Johann Sebastian Bach", "Baroque composer", ask="Who was Johann Sebastian Bach?"
    )
    # never 'Frédéric Chopin was the President of the United States.'
    assert set(_false([chopin, kennedy], 0)) == {None}
    assert set(_false([chopin, kennedy, bach], 0)) == {"Frédéric Chopin was a Baroque composer."}


def test_a_cloze_filled_with_a_wrong_value_keeps_one_article() -> None:
    cards = [
        *cloze("The {{c1::Amazon}} carries more water than any other river.", kind="place"),
        card("Which is the longest river in Europe?", "The Volga", kind="place"),
    ]
    assert set(_false(cards, 0)) == {"The Volga carries more water than any other river."}


@pytest.mark.parametrize(
    ("front", "back", "sentence"),
    [
        ("What is Astana?", "Capital of Kazakhstan", "Astana is the capital of Kazakhstan."),
        (
            "What is Port Louis?",
            "City on the west coast of Mauritius",
            "Port Louis is a city on the west coast of Mauritius.",
        ),
        (
            "Svalbard",
            "Archipelago in the Arctic Ocean",
            "Svalbard is an archipelago in the Arctic Ocean.",
        ),
    ],
)
def test_a_description_reads_with_an_article_and_in_lower_case(
    front: str, back: str, sentence: str
) -> None:
    fact = fact_of(card(front, back, kind="place"))
    assert fact is not None and fact.shape == "description"
    assert natural(fact, fact.answer, None) == sentence


def test_objects_go_after_the_verb_a_to_leads_to_and_unions_take_the() -> None:
    fact = fact_of(
        card(
            "What did Aliyev and Pashinyan reportedly come close to agreeing when they met in Abu Dhabi?",
            "a peace treaty",
            kind="treaty",
        )
    )
    assert fact is not None
    assert statement(fact, fact.answer, None) == (
        "Aliyev and Pashinyan reportedly came close to agreeing a peace treaty when they met in Abu Dhabi."
    )
    gap = cloze(
        "Armenia's CSTO membership is suspended; {{c1::Armenia}} has not left it.", kind="place"
    )
    fact = fact_of(gap[0])
    assert fact is not None
    assert statement(fact, "Soviet Union", None) == (
        "Armenia's CSTO membership is suspended; the Soviet Union has not left it."
    )


def test_a_false_since_is_earlier_and_no_wrong_date_lies_in_the_future() -> None:
    import datetime as dt

    cards = [
        card(
            "Since which year has Russia kept up pressure on Armenia?",
            "2018",
            kind="date",
            when="2018",
        ),
        card("In which year did Russia annex Crimea?", "2014", kind="date", when="2014"),
        card("In which year did the war in Georgia begin?", "2008", kind="date", when="2008"),
        card("In which year did Pashinyan come to power?", "2018", kind="date", when="2018"),
        card("In which year was the plane shot down?", "2024", kind="date", when="2024"),
    ]
    today = dt.date(2025, 11, 23)
    since = fact_of(cards[0])
    assert since is not None
    for seed in range(30):
        material = Material(cards, (), random.Random(seed), Facts(), today=(2025, 11, 23))
        q = truefalse_question(since, material, random.Random(seed), False)
        if q is not None:
            year = int(q.prompt.split()[1].rstrip(","))
            assert year < 2018, q.prompt  # 'Since 2020, ...' would be true
        questions = build_questions(
            cards,
            5,
            [QuestionType.CHOICE, QuestionType.TRUE_FALSE],
            random.Random(seed),
            today=today,
        )
        for question in questions:
            for text in (question.prompt, *question.choices):
                years = [int(y) for y in re.findall(r"\b(1\d{3}|20\d{2})\b", text)]
                assert all(y <= 2025 for y in years), text


@pytest.mark.parametrize(
    ("front", "back", "kind", "value", "said"),
    [
        (
            "Who was Heydar Aliyev?",
            "Former President of Azerbaijan, father of Ilham Aliyev",
            "person",
            None,
            "Heydar Aliyev was the president of Azerbaijan, father of Ilham Aliyev.",
        ),
        (
            "Which countries signed the friendship treaty?",
            "Armenia and Russia",
            "treaty",
            "Armenia, Azerbaijan and Georgia",
            "Armenia, Azerbaijan and Georgia signed the friendship treaty.",
        ),
        (
            "What is the state of Armenia's membership of the CSTO, as of 2025?",
            "Suspended; Armenia has not left the organisation",
            "treaty",
            None,
            None,
        ),
    ],
)
def test_roles_lists_and_two_clause_answers_in_statements(
    front: str, back: str, kind: str, value: str | None, said: str | None
) -> None:
    fact = fact_of(card(front, back, kind=kind))
    assert fact is not None
    assert statement(fact, value or fact.answer, None) == said
