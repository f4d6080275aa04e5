"""Sorts of places and bodies, descriptions, and people's kinds of role."""

from __future__ import annotations

import pytest

from trainer.core.quiz.facts import fact_of
from trainer.core.quiz.sorts import role_tier, roles_of

from .cards import card, cloze, reversed_pair


@pytest.mark.parametrize(
    ("front", "back", "sort"),
    [
        ("Which strait divides Istanbul between Europe and Asia?", "The Bosphorus", "strait"),
        ("Which is the deepest lake in the world?", "Lake Baikal", "lake"),
        ("Which is the longest river in Europe?", "The Volga", "river"),
        ("Into which sea does the Danube flow?", "The Black Sea", "sea"),
        ("What is the capital of Canada?", "Ottawa", "city"),
        ("Which city is the seat of Switzerland's federal government?", "Bern", "city"),
        ("Which is the highest mountain in Africa?", "Mount Kilimanjaro", "mountain"),
        ("What is the largest hot desert in the world?", "The Sahara", "desert"),
        (
            "Which stretch of water off Cape Horn is feared for its storms?",
            "Drake Passage",
            "strait",
        ),
        ("Which is the largest of Japan's islands?", "Honshu", "island"),
        ("Which Amsterdam museum holds The Night Watch?", "The Rijksmuseum", "site"),
    ],
)
def test_a_place_has_the_sort_its_question_or_name_gives_it(
    front: str, back: str, sort: str
) -> None:
    fact = fact_of(card(front, back, kind="place"))
    assert fact is not None and fact.shape == "place"
    assert fact.sort == sort


def test_a_cloze_place_takes_its_sort_from_its_hint_name_or_sentence() -> None:
    text = "The {{c1::Amazon}} carries more water than any other river; it ends in the {{c2::Atlantic Ocean}}."
    amazon, ocean = (fact_of(c) for c in cloze(text, kind="place"))
    assert amazon is not None and amazon.sort == "river"  # 'than any other river'
    assert ocean is not None and ocean.sort == "sea"  # its own name
    (plata,) = cloze(
        "The Río de la Plata is the estuary of the {{c1::Paraná}} and Uruguay rivers.", kind="place"
    )
    (milan,) = cloze("Leonardo painted it in {{c1::Milan::a city}}.", kind="place")
    (salzburg,) = cloze("Mozart was born in {{c1::Salzburg}}.", kind="place")
    assert [f.sort for f in map(fact_of, (plata, milan, salzburg)) if f] == ["river", "city", ""]


@pytest.mark.parametrize(
    ("front", "back", "sort"),
    [
        (
            "Which treaty divided new lands between Spain and Portugal?",
            "The Treaty of Tordesillas",
            "treaty",
        ),
        ("Which military alliance did the Soviet Union form in 1955?", "The Warsaw Pact", "body"),
        (
            "Which American programme paid for rebuilding Western Europe?",
            "The Marshall Plan",
            "plan",
        ),
        ("What does NATO stand for?", "North Atlantic Treaty Organization", "body"),
        ("What was the economic organisation of the Soviet bloc called?", "Comecon", "body"),
        (
            "Which trading company is known by the initials VOC?",
            "The Dutch East India Company",
            "company",
        ),
    ],
)
def test_a_body_has_the_sort_its_question_or_head_noun_gives_it(
    front: str, back: str, sort: str
) -> None:
    fact = fact_of(card(front, back, kind="treaty"))
    assert fact is not None and fact.shape == "organisation"
    assert fact.sort == sort


def test_a_description_of_a_place_is_no_place() -> None:
    asked, reverse = reversed_pair("Astana", "Capital of Kazakhstan", ask="What is Astana?")
    fact = fact_of(card("What is Astana?", "Capital of Kazakhstan", kind="place"))
    assert fact is not None and (fact.shape, fact.sort, fact.focus) == ("description", "city", "")
    bare = fact_of(
        card("Tierra del Fuego", "Archipelago at the tip of South America", kind="place")
    )
    assert bare is not None and (bare.shape, bare.sort) == ("description", "island")
    named = fact_of(card("What is the capital of Kazakhstan?", "Astana", kind="place"))
    assert named is not None and (named.shape, named.sort) == ("place", "city")
    del asked, reverse


def test_role_words_are_read_by_stem_and_by_group() -> None:
    composer = roles_of("Which Czech composer wrote the symphony From the New World?")
    composed = roles_of("Who composed the opera Aida?")
    wrote_music = roles_of("Which Polish pianist wrote mostly for solo piano?")
    assert composer.main == composed.main == wrote_music.main == {"music"}
    assert roles_of("Who wrote War and Peace?").main == {"letters"}
    assert roles_of("Which poet won the prize?").main == roles_of("Which novelist ...?").main
    president = roles_of("Who was the president of France?")
    premier = roles_of("Who is Armenia's prime minister?")
    leader = roles_of("Who was the last leader of the Soviet Union?")
    assert president.main == premier.main == leader.main == {"office"}
    # 'author' is a writer, 'High Authority' is not
    assert not roles_of("Who led the High Authority of the coal community?").main & {"letters"}


def test_comparable_roles_rank_first_and_other_families_never_meet() -> None:
    composer = roles_of("Who composed the opera Aida?")
    assert role_tier(composer, roles_of("Who composed the Brandenburg Concertos?")) == 0
    assert role_tier(composer, roles_of("Which novelist wrote Jane Eyre?")) == 1
    assert role_tier(composer, roles_of("Who was president during the crisis?")) is None
    # a description's head decides: a pope who had a painter paint is a churchman
    pope = roles_of("Pope who had Michelangelo paint the ceiling", "Pope")
    assert pope.main == {"church"} and "art" in pope.every
    assert role_tier(pope, roles_of("Mughal emperor who built the tomb", "Mughal emperor")) == 1
    assert role_tier(pope, roles_of("French painter of water lilies", "French painter")) == 2
