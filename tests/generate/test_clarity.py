"""Whether a card names what its clause points to: pronouns, "the stone", "that year"."""

from __future__ import annotations

import pytest

from trainer.generate.clarity import name_the_things, note_things, notice_doubt, unnamed


def gaps(clause: str, answer: str) -> tuple[int, int]:
    at = clause.index(answer)
    return at, at + len(answer)


@pytest.mark.parametrize(
    ("clause", "answer", "kind", "before", "missing"),
    [
        # a pronoun needs a name shown before it
        (
            "He was assassinated in Dallas on 22 November 1963.",
            "22 November 1963",
            "date",
            "",
            ["he"],
        ),
        (
            "He was assassinated in Dallas on 22 November 1963.",
            "22 November 1963",
            "date",
            "What happened to Kennedy after that?",
            [],
        ),
        # the subject of the clause that "it" is the object of is not what "it" is
        ("The Senate approved it on 20 October 1803.", "20 October 1803", "date", "", ["it"]),
        # "the stone" is named by "the Rosetta Stone", not by another "the stone"
        ("The stone has been shown since 1802.", "1802", "date", "It was found.", ["the stone"]),
        (
            "The stone has been shown since 1802.",
            "1802",
            "date",
            "The Rosetta Stone was found.",
            [],
        ),
        # kin nouns: "the main instruments" after "the set of treaties"
        (
            "The main instruments were signed on 24 October 1648.",
            "24 October 1648",
            "date",
            "Historians name the set of treaties after Westphalia.",
            [],
        ),
        # "that year" needs a year on the card
        ("Earlier that year, in March, talks began.", "March", "date", "", ["that year"]),
        (
            "Earlier that year, in March, talks began.",
            "March",
            "date",
            "In May 1985 it rained.",
            [],
        ),
        # a phrase that says which one: "the plan, agreed in Madrid"
        ("Russia tired of the plan, agreed in Madrid in 2007.", "2007", "date", "", []),
        # the answer names "he" after it
        ("Dean Acheson chaired the session, and he spoke first.", "Dean Acheson", "person", "", []),
        # a speaker's label is no name
        ("TEACHER: He left on 3 May.", "3 May", "date", "STUDENT: When?", ["he"]),
        # a place, a body or "the son" says no more who "he" is
        (
            "In 1936 he became under-secretary.",
            "1936",
            "date",
            "The son grew up in the castle at Uppsala and studied at the Bank of Sweden.",
            ["he"],
        ),
        (
            "He died there in December 1263.",
            "December 1263",
            "date",
            "The old king got no further than Orkney.",
            ["he"],
        ),
        (
            "He died there in December 1263.",
            "December 1263",
            "date",
            "In 1263 King Haakon IV got no further than Orkney.",
            [],
        ),
        ("He died in 1263.", "1263", "date", "The President got no further.", []),
        ("He was shot on 24 June 1922.", "24 June 1922", "date", "Then: he was Jewish.", ["he"]),
        # what was ratified only a treaty's name says
        (
            "The Senate ratified it on 22 December 1795.",
            "22 December 1795",
            "date",
            "The tribes gave up land at the mouth of the Chicago River.",
            ["it"],
        ),
        (
            "The Senate ratified it on 22 December 1795.",
            "22 December 1795",
            "date",
            "Wayne and the chiefs signed the Treaty of Greenville.",
            [],
        ),
    ],
)
def test_what_the_card_never_names(
    clause: str, answer: str, kind: str, before: str, missing: list[str]
) -> None:
    assert unnamed(clause, before, gaps(clause, answer), kind) == missing


def test_a_thing_named_once_is_named_again() -> None:
    things = note_things("The Suez Canal was opened in 1869.", ())
    assert things == ("Suez Canal",)
    text = "The canal had been designed by Lesseps."
    assert name_the_things(text, ["the canal"], things).startswith("The canal [Suez Canal] had")
    # two canals named: "the canal" could be either
    both = note_things("The Kiel Canal was wider.", things)
    assert name_the_things(text, ["the canal"], both) == text


@pytest.mark.parametrize(
    ("sentence", "yearless", "dated", "notice"),
    [
        ("Members: the summer picnic is on 14 August.", True, True, True),
        ("Ask a guide about the Outer Space Treaty of 1967.", False, True, True),
        ("Helen Marsh will discuss the book at the library on 12 March.", True, False, True),
        ("Our guest is Professor Rao, who has written a history of partition.", False, True, False),
        ("The town was evacuated on 27 April.", True, False, False),
        ("Voters will be asked to approve the deal on 22 May.", True, True, False),
    ],
)
def test_notices_state_no_fact(sentence: str, yearless: bool, dated: bool, notice: bool) -> None:
    assert bool(notice_doubt(sentence, yearless, dated)) is notice
