"""The bundled decks against the fact list kept in the repository.

The source articles are not part of the repository, so no test reads them:
``tests/data/facts.yaml`` lists their facts in the project's own words, and
every one of them must have a card. (``tools/draft_decks.py --articles DIR
--check`` compares the decks with the articles themselves, by hand.)
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA
from trainer.core.deck import load_deck
from trainer.core.model import Card, CardType
from trainer.generate.quality import load_gold

ROOT = Path(__file__).parents[2]
DECKS = ROOT / "decks"
BY_KIND = {
    "dates": "dates.yaml",
    "people": "people.yaml",
    "treaties": "treaties.yaml",
    "places": "places.yaml",
}
# The two articles, named as a reader knows them, with their last paragraph of
# content (paragraphs are the article's non-empty lines, headings included).
PUBLICATIONS = {
    "Matveeva, The Conversation, 2025": 26,
    "E-International Relations analysis, 2025": 11,
}
CITATION = re.compile(r"(?P<name>[^¶;]+?) (?P<paragraphs>¶\d+(?:, ¶\d+)*)")
# Answers that name the region's countries are in many questions by nature; a
# question that names one of them gives nothing away.
COMMON = {"russia", "moscow", "armenia", "azerbaijan", "georgia"}


@functools.cache
def _bundled() -> tuple[Card, ...]:
    return tuple(c for name in BY_KIND.values() for c in load_deck(DECKS / name).cards)


def _text(card: Card) -> str:
    return " ".join((card.front, card.back, card.note, *card.accept)).lower()


def _covers(kind: str, fact: dict[str, Any], card: Card) -> bool:
    words = [str(w).lower() for w in fact.get("card") or fact.get("match", [])]
    if kind == "people":
        name = str(fact["name"])
        if name != card.back and name not in card.front:
            return False
    if kind == "dates" and card.when != str(fact["when"]):
        return False
    return any(w in _text(card) for w in words)


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_every_listed_fact_has_a_card(kind: str) -> None:
    facts = load_gold(DATA / "facts.yaml").get(kind, [])
    cards = load_deck(DECKS / BY_KIND[kind]).cards
    assert facts and cards, "an empty fact list or deck proves nothing"
    missing = [
        str(f.get("about") or f.get("name"))
        for f in facts
        if not any(_covers(kind, f, c) for c in cards)
    ]
    assert not missing, f"{BY_KIND[kind]} has no card for {missing}"


def _citation_problems(source: str) -> list[str]:
    """What is wrong with a card's ``source``: each ``;`` part must be a known
    publication, by name, with the paragraphs it has (``NAME ¶N, ¶M``)."""
    problems = []
    for part in (p.strip() for p in source.split(";")):
        m = CITATION.fullmatch(part)
        if not m:
            problems.append(f"'{part}' is not 'PUBLICATION ¶N, ¶M'")
        elif m["name"] not in PUBLICATIONS:
            problems.append(f"'{m['name']}' is not one of {sorted(PUBLICATIONS)}")
        elif not all(
            1 <= int(n) <= PUBLICATIONS[m["name"]] for n in re.findall(r"\d+", m["paragraphs"])
        ):
            problems.append(f"'{part}' cites a paragraph the article does not have")
    return problems


def test_every_card_cites_its_source_and_dates_have_when() -> None:
    cards = _bundled()
    assert cards
    for card in cards:
        assert not _citation_problems(card.source), (card.id, _citation_problems(card.source))
        if card.kind.value == "date":
            assert card.when, card.id
    cited = " ".join(c.source for c in cards)
    assert all(name in cited for name in PUBLICATIONS)


def test_a_citation_names_the_publication_not_a_file() -> None:
    good = "Matveeva, The Conversation, 2025 ¶2, ¶12; E-International Relations analysis, 2025 ¶8"
    assert _citation_problems(good) == []
    for bad in (
        "004_61b58c67b8b5fc78.txt ¶10",
        "Matveeva, The Conversation, 2025",
        "The Conversation ¶3",
        "E-International Relations analysis, 2025 ¶40",
        "",
    ):
        assert _citation_problems(bad), bad


def test_every_front_is_a_question_and_each_side_accepts_its_own_answers() -> None:
    cards = _bundled()
    assert cards
    for card in cards:
        assert card.front.endswith("?"), f"{card.id}: '{card.front}' is not a question"
    people = [c for c in cards if c.kind.value == "person" and c.type is CardType.REVERSED]
    assert people
    for card in people:
        if card.ordinal == 2:  # "who holds this role?": the answers are the name
            name = set(card.back.lower().split())
            assert all(set(a.lower().split()) <= name for a in card.accept), card.id
        else:  # "who is X?": the answers are the role, never X's name
            surname = card.front.rstrip("?").split()[-1].lower()
            assert all(surname not in a.lower() for a in card.accept), card.id


def _holds(text: str, answer: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(answer.lower())}(?!\w)", text.lower()) is not None


def test_no_question_gives_away_another_cards_answer() -> None:
    cards = _bundled()
    # What a card answers: its answers, or for a person asked both ways, the
    # pairing of the name with the role (a question may name a person, or a
    # role, but not both).
    answers: list[tuple[str, list[str], list[str]]] = []  # (entry, answers, roles)
    for c in cards:
        if c.type is CardType.REVERSED and c.kind.value == "person":
            if c.ordinal == 2:
                roles = [r for o in cards if o.id == c.entry for r in (o.back, *o.accept)]
                answers.append((c.entry, [c.back, *c.accept], roles))
        else:
            kept = [a for a in (c.back, *c.accept) if a.lower() not in COMMON]
            answers.append((c.entry, kept, []))
    assert any(roles for _, _, roles in answers) and len(answers) > 40
    leaks = [
        f"{c.id} asks '{c.front}', which holds {entry}'s answer"
        for c in cards
        for entry, names, roles in answers
        if entry != c.entry
        and any(_holds(c.front, n) for n in names)
        and (not roles or any(_holds(c.front, r) for r in roles))
    ]
    assert not leaks, "\n".join(leaks)
