"""Benchmark: building quiz questions from a 100,000-card collection.

Builds, in memory, a collection like real decks (dated events of every
precision, ranges, decades and centuries; people with roles, asked both
ways; treaties and organisations; places; cloze cards with dates and names;
terms), then times ``build_questions`` for 100 questions of all four types
(median of several runs, each with another seed; wall time and the
process's CPU time, since the machine may be shared), and, separately, the
cost of reading the whole distractor sample (``Material``) once. Each build
reads that sample lazily, only as far as it needs, inside the build time.
Builds are timed twice: with the ``PeopleIndex`` the workspace keeps for a
set of decks (what every quiz but the first on those decks costs; the index's
one-off cost is printed too, the median of several), and without one, when
each build makes its own index.

Usage: python3 bench/quiz.py [--cards N] [--questions N] [--runs N]

This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trainer.core.model import CardKind, CardType, StoredCard
from trainer.core.quiz.build import build_questions
from trainer.core.quiz.material import Facts, Material
from trainer.core.quiz.model import QuestionType
from trainer.core.quiz.people import PeopleIndex
from trainer.core.when import MONTHS

SYLLABLES = "ka lo mi ren sa tu vel dor an bri co fen gal har is jo kur len mor nat".split()  # noqa: SIM905
VERBS = [
    ("did", "sign", "the treaty of"),
    ("did", "found", "the city of"),
    ("was", "built", "the bridge of"),
    ("did", "invade", "the province of"),
    ("was", "opened", "the canal of"),
    ("did", "discover", "the island of"),
]
ROLES = ["President of", "Prime Minister of", "King of", "Foreign Minister of", "Leader of"]
ORGS = ["Organisation", "Union", "Alliance", "Council", "Community", "Agreement"]


def word(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def name(rng: random.Random) -> str:
    return f"{word(rng).capitalize()} {word(rng, 3).capitalize()}"


def make_cards(n: int, seed: int = 1) -> list[StoredCard]:
    """``n`` varied cards in decks of 5,000."""
    rng = random.Random(seed)
    cards: list[StoredCard] = []
    i = 0
    while len(cards) < n:
        deck = f"deck-{len(cards) // 5000}"
        i += 1
        place = word(rng).capitalize()
        pick = i % 10
        if pick in (0, 1, 2):
            year = rng.randint(1000, 2025)
            aux, verb, what = rng.choice(VERBS)
            form = rng.choice(("year", "month", "day", "range", "decade", "century"))
            if form == "year":
                when, back, q = (
                    str(year),
                    str(year),
                    f"In which year {aux} {place} {verb} {what} {word(rng)}?",
                )
            elif form == "month":
                m = rng.randint(1, 12)
                when, back = f"{year}-{m:02d}", f"{MONTHS[m - 1]} {year}"
                q = f"When {aux} {place} {verb} {what} {word(rng)}?"
            elif form == "day":
                m, d = rng.randint(1, 12), rng.randint(1, 28)
                when, back = f"{year}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {year}"
                q = f"When {aux} {place} {verb} {what} {word(rng)}?"
            elif form == "range":
                end = year + rng.randint(1, 12)
                when, back = f"{year}/{end}", f"{year} to {end}"
                q = f"Over which years did the war of {place} last?"
            elif form == "decade":
                when = back = f"{year - year % 10}s"
                q = f"In which decade did {place} build its walls?"
            else:
                c = year // 100 + 1
                when, back = f"{c}th century", f"the {c}th century"
                q = f"In which century was {place} founded?"
            cards.append(
                StoredCard(
                    i, deck, f"c{i}", f"c{i}", CardType.BASIC, 1, CardKind.DATE, q, back, when=when
                )
            )
        elif pick in (3, 4):
            who, role = name(rng), f"{rng.choice(ROLES)} {place}"
            entry = f"c{i}"
            cards.append(
                StoredCard(
                    i,
                    deck,
                    entry,
                    entry,
                    CardType.REVERSED,
                    1,
                    CardKind.PERSON,
                    f"Who was {who}?",
                    role,
                )
            )
            i += 1
            cards.append(
                StoredCard(
                    i,
                    deck,
                    f"{entry}/reverse",
                    entry,
                    CardType.REVERSED,
                    2,
                    CardKind.PERSON,
                    f"Who was {role}?",
                    who,
                )
            )
        elif pick == 5:
            org = f"{place} {rng.choice(ORGS)}"
            cards.append(
                StoredCard(
                    i,
                    deck,
                    f"c{i}",
                    f"c{i}",
                    CardType.BASIC,
                    1,
                    CardKind.TREATY,
                    f"Which body joined {word(rng).capitalize()} and {place}?",
                    org,
                )
            )
        elif pick == 6:
            cards.append(
                StoredCard(
                    i,
                    deck,
                    f"c{i}",
                    f"c{i}",
                    CardType.BASIC,
                    1,
                    CardKind.PLACE,
                    f"What is the capital of {place}?",
                    word(rng, 3).capitalize(),
                )
            )
        elif pick == 7:
            year = rng.randint(1200, 2025)
            text = f"{{{{c1::{name(rng)}}}}} founded {place} in {{{{c2::{year}}}}}."
            for k in (1, 2):
                cards.append(
                    StoredCard(
                        i,
                        deck,
                        f"c{i}/c{k}",
                        f"c{i}",
                        CardType.CLOZE,
                        k,
                        CardKind.PERSON,
                        text,
                        "",
                        when=str(year),
                    )
                )
                i += 1
        else:
            cards.append(
                StoredCard(
                    i,
                    deck,
                    f"c{i}",
                    f"c{i}",
                    CardType.BASIC,
                    1,
                    CardKind.TERM,
                    f"What is a {word(rng)} in the dialect of {place}?",
                    f"a kind of {word(rng)}",
                )
            )
    return cards[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    t0 = time.perf_counter()
    cards = make_cards(args.cards)
    made = time.perf_counter() - t0
    types = list(QuestionType)
    index_times = []
    for _ in range(5):
        t = time.perf_counter()
        people = PeopleIndex(cards)
        index_times.append(time.perf_counter() - t)
    plain: dict[str, list[float]] = {"wall": [], "cpu": []}
    indexed: dict[str, list[float]] = {"wall": [], "cpu": []}
    samples, counts = [], []
    for seed in range(args.runs):
        for figures, kept in ((plain, None), (indexed, people)):
            t, c = time.perf_counter(), time.process_time()
            questions = build_questions(
                cards, args.questions, types, random.Random(seed), people=kept
            )
            figures["wall"].append(time.perf_counter() - t)
            figures["cpu"].append(time.process_time() - c)
        counts.append(len(questions))
        t = time.perf_counter()
        material = Material(cards, (), random.Random(seed), Facts())
        material.read_all()
        samples.append(time.perf_counter() - t)
    by_type: dict[str, int] = {}
    for q in questions:
        by_type[q.type.value] = by_type.get(q.type.value, 0) + 1

    def ms(values: list[float]) -> float:
        return round(statistics.median(values) * 1000, 1)

    print(
        json.dumps(
            {
                "cpu_count": os.cpu_count(),
                "cards": len(cards),
                "questions_asked": args.questions,
                "questions_built": counts,
                "types_last_run": by_type,
                "build_ms_median": ms(plain["wall"]),
                "build_cpu_ms_median": ms(plain["cpu"]),
                "build_ms_min_max": [ms([min(plain["wall"])]), ms([max(plain["wall"])])],
                "build_with_people_index_ms_median": ms(indexed["wall"]),
                "build_with_people_index_cpu_ms_median": ms(indexed["cpu"]),
                "people_index_once_ms_median": ms(index_times),
                "distractor_sample_whole_ms_median": ms(samples),
                "notes": [
                    "build: build_questions(cards, N, all four types, Random(seed)); every run"
                    " another seed",
                    "with PeopleIndex(cards), built once per set of decks (as the workspace"
                    " keeps it), a build looks namesakes up; without one, each build makes its"
                    " own index first",
                    "distractor sample: reading all of it once (300 random cards); a build reads"
                    " it lazily, only as far as it needs, inside the build time",
                    "cpu: the process's CPU time, steadier than wall time on a shared machine",
                ],
                "collection_made_s": round(made, 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
