"""Generated decks for property tests: every answer's category is known,
down to the sort of place (river, sea, lake, mountain, city) and the kind of
role (composer, novelist, president)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from trainer.core.model import StoredCard
from trainer.core.when import MONTHS

from .cards import card

GIVEN = ("Ada", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas")
FAMILY = ("Varga", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Petrov", "Silva", "Novak", "Haddad")
COUNTRIES = ("Norway", "Chile", "Kenya", "Portugal", "Vietnam", "Canada", "Egypt", "Poland", "Peru")
CITIES = ("Lyon", "Porto", "Gdansk", "Kraków", "Bergen", "Turin", "Ghent", "Basel", "Tartu")
ORGS = (
    "Nordic Council",
    "Andean Community",
    "Baltic Assembly",
    "Arctic Council",
    "Danube Commission",
    "Alpine Convention",
    "Caribbean Community",
    "Pacific Islands Forum",
)
RIVERS = ("The Volga", "The Loire", "The Vistula", "The Ebro", "The Tagus", "The Oder")
SEAS = ("The Baltic Sea", "The Adriatic Sea", "The Aegean Sea", "The Caspian Sea", "The Red Sea")
LAKES = ("Lake Ladoga", "Lake Balaton", "Lake Inari", "Lake Vänern", "Lake Ohrid", "Lake Peipus")
MOUNTAINS = ("Mount Olympus", "Mount Elbrus", "Mount Etna", "Mount Triglav", "Mount Ararat")
DATES = ("year", "month", "day", "range", "decade", "century")
PLACES = {
    "river": (RIVERS, "Which river flows through valley number {i}?"),
    "sea": (SEAS, "Into which sea does stream number {i} flow?"),
    "lake": (LAKES, "Which lake lies in park number {i}?"),
    "mountain": (MOUNTAINS, "Which mountain overlooks town number {i}?"),
}
ROLES = {
    "composer": "Who composed symphony number {i}?",
    "novelist": "Which novelist wrote book number {i}?",
    "president": "Who was president of republic number {i}?",
}
CATEGORIES = ("person", "country", "city", "org", *PLACES, *ROLES, *DATES)


@dataclass(frozen=True)
class Deck:
    """Cards and, for each answer text, the category it was made from."""

    cards: list[StoredCard]
    truth: dict[str, str]


@st.composite
def decks(draw: st.DrawFn, min_size: int = 4, max_size: int = 16) -> Deck:
    """A small deck mixing dates of every precision, people (some of a known
    kind of role), countries, cities and other sorts of place, and
    organisations, with unique answers."""
    n = draw(st.integers(min_size, max_size))
    cards: list[StoredCard] = []
    truth: dict[str, str] = {}
    used: set[str] = set()
    for i in range(n):
        category = draw(st.sampled_from(CATEGORIES))
        if category == "person":
            answer = f"{draw(st.sampled_from(GIVEN))} {draw(st.sampled_from(FAMILY))}"
            front, kind, when = f"Who founded society number {i}?", "person", ""
        elif category in ROLES:
            answer = f"{draw(st.sampled_from(GIVEN))} {draw(st.sampled_from(FAMILY))}"
            front, kind, when = ROLES[category].format(i=i), "person", ""
        elif category in PLACES:
            names, question = PLACES[category]
            answer = draw(st.sampled_from(names))
            front, kind, when = question.format(i=i), "place", ""
        elif category == "country":
            answer = draw(st.sampled_from(COUNTRIES))
            front, kind, when = f"Which country hosted summit number {i}?", "place", ""
        elif category == "city":
            answer = draw(st.sampled_from(CITIES))
            front, kind, when = f"In which city was accord number {i} signed?", "place", ""
        elif category == "org":
            answer = draw(st.sampled_from(ORGS))
            front, kind, when = f"Which body runs programme number {i}?", "treaty", ""
        else:
            year = draw(st.integers(1500, 2020))
            kind = "date"
            if category == "year":
                answer, when, front = (
                    str(year),
                    str(year),
                    f"In which year was treaty number {i} signed?",
                )
            elif category == "month":
                m = draw(st.integers(1, 12))
                answer, when = f"{MONTHS[m - 1]} {year}", f"{year}-{m:02d}"
                front = f"When was treaty number {i} signed?"
            elif category == "day":
                m, d = draw(st.integers(1, 12)), draw(st.integers(1, 28))
                answer, when = f"{d} {MONTHS[m - 1]} {year}", f"{year}-{m:02d}-{d:02d}"
                front = f"When was treaty number {i} signed?"
            elif category == "range":
                end = year + draw(st.integers(1, 9))
                answer, when = f"{year} to {end}", f"{year}/{end}"
                front = f"Over which years was war number {i} fought?"
            elif category == "decade":
                start = year - year % 10 + (10 if year % 100 >= 90 else 0)
                start += 10 if start % 100 == 0 else 0
                answer, when = f"the {start}s", f"{start}s"
                front = f"In which decade was city number {i} founded?"
            else:
                c = year // 100 + 1
                answer, when = f"the {c}th century", f"{c}th century"
                front = f"In which century was city number {i} founded?"
        if answer in used:
            continue
        used.add(answer)
        truth[answer] = category
        cards.append(card(front, answer, kind=kind, when=when, id=f"q{i}"))
    return Deck(cards, truth)
