"""Quality of the quiz's question types, measured on the evaluation set.

Prints, for each half of tests/data/quiz/ (tune, heldout, fresh), kept apart:

  typed grader    accuracy on the replies a fair teacher accepts and on those
                  a teacher refuses, and every disagreement (with --verbose)
  distractors     over every multiple-choice question the decks allow: how many
                  questions got three distractors, how many options share the
                  answer's shape, the answer's date precision, how many
                  distractors are also right or mean the same as another
                  option, empty options, where the right date falls among
                  the sorted date options, and how near the other distractors
                  are: places and bodies of the answer's sort, people of the
                  same kind of role (by the cards they come from, read with
                  the quiz's own rules, so a check of consistency, not of
                  truth: the hand-judged sample is the measure)
  true / false    share of true statements, statements still holding a template
                  mark ([...], {{, None), cards with no false statement, share
                  that read as a sentence built from the question (not the
                  fallback form), and how near the false statements' values are

Usage: python3 bench/quiz_quality.py [--half H] [--verbose] [--sample N --seed S]

--sample prints N generated choice and true/false questions from each deck of
one half (--half, the fresh held-out half unless told) for judging by hand.
The fresh half has no typed replies (the grader was not changed when it was
written). This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from trainer.core.deck import load_deck  # noqa: E402
from trainer.core.model import StoredCard  # noqa: E402
from trainer.core.quiz.build import build_questions  # noqa: E402
from trainer.core.quiz.check import check  # noqa: E402
from trainer.core.quiz.choice import answer_text, choice_question  # noqa: E402
from trainer.core.quiz.dates import read_date  # noqa: E402
from trainer.core.quiz.facts import Fact, fact_of, shape_of  # noqa: E402
from trainer.core.quiz.material import Facts, Material, date_key  # noqa: E402
from trainer.core.quiz.model import QuestionType  # noqa: E402
from trainer.core.quiz.people import SurnameIndex  # noqa: E402
from trainer.core.quiz.sorts import role_tier, roles_for  # noqa: E402
from trainer.core.quiz.statements import natural, statement  # noqa: E402
from trainer.core.quiz.text import norm  # noqa: E402
from trainer.core.quiz.truefalse import truefalse_question  # noqa: E402
from trainer.core.quiz.typed import grade, typed_question  # noqa: E402

DATA = ROOT / "tests" / "data" / "quiz"
HALVES = ("tune", "heldout", "fresh")
BUNDLED = [ROOT / "decks" / n for n in ("dates.yaml", "people.yaml", "treaties.yaml")]


def load_half(half: str) -> dict[str, list[StoredCard]]:
    """Every deck of one half, as stored cards keyed by deck id."""
    paths = sorted((DATA / half / "decks").glob("*.yaml"))
    if half == "tune":
        paths += BUNDLED
    decks: dict[str, list[StoredCard]] = {}
    rowid = 0
    for path in paths:
        deck = load_deck(path)
        cards = []
        for c in deck.cards:
            rowid += 1
            cards.append(
                StoredCard(
                    rowid,
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
        decks[deck.id] = cards
    return decks


def people_of(cards: list[StoredCard]) -> SurnameIndex:
    index = SurnameIndex()
    for card in cards:
        fact = fact_of(card)
        if fact is not None and fact.shape == "person":
            index.add([fact.answer, *fact.accept])
    return index


def typed_figures(half: str, decks: dict[str, list[StoredCard]], verbose: bool) -> None:
    rows = yaml.safe_load((DATA / half / "typed.yaml").read_text(encoding="utf-8"))["replies"]
    indexes = {deck_id: people_of(cards) for deck_id, cards in decks.items()}
    facts: dict[tuple[str, str], Fact] = {}
    for deck_id, cards in decks.items():
        for card in cards:
            fact = fact_of(card)
            if fact is not None:
                facts[(deck_id, card.id)] = fact
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for row in rows:
        fact = facts.get((row["deck"], row["card"]))
        if fact is None:
            sys.exit(f"{half}/typed.yaml: no card {row['deck']} {row['card']}")
        index = indexes[row["deck"]]
        question = typed_question(
            fact, index.unique(fact.answer) if fact.shape == "person" else frozenset()
        )
        verdict = check(question, str(row["reply"]))
        side = "accepted" if row["right"] else "refused"
        counts[side] += 1
        if verdict.correct == row["right"]:
            counts[side + "_ok"] += 1
        else:
            wrong.append(
                f"    {'should accept' if row['right'] else 'should refuse'}: "
                f"{row['card']}: {row['reply']!r} (answer {fact.answer!r}; grader: {verdict.reason})"
            )
    total = counts["accepted"] + counts["refused"]
    ok = counts["accepted_ok"] + counts["refused_ok"]
    print(f"  typed grader: {ok}/{total} replies judged as a teacher would ({ok / total:.1%})")
    print(
        f"    replies a teacher accepts: {counts['accepted_ok']}/{counts['accepted']} accepted"
        f" ({counts['accepted_ok'] / counts['accepted']:.1%})"
    )
    print(
        f"    replies a teacher refuses: {counts['refused_ok']}/{counts['refused']} refused"
        f" ({counts['refused_ok'] / counts['refused']:.1%})"
    )
    if verbose:
        for line in wrong:
            print(line)


def _setting(decks: dict[str, list[StoredCard]], deck_id: str, seed: int) -> Material:
    cards = decks[deck_id]
    pool = [c for d, cs in decks.items() if d != deck_id for c in cs]
    return Material(cards, pool, random.Random(seed), Facts())


def _option_shape(fact: Fact, text: str) -> str:
    reading = read_date(text)
    date = reading.values[0] if reading and not reading.ambiguous and fact.date else None
    return shape_of(text, fact.card.kind, fact.focus, date, bool(fact.cloze_text), fact.prompt)


def _sources(decks: dict[str, list[StoredCard]]) -> dict[str, list[Fact]]:
    """Every fact of a half by its answer as an option shows it."""
    out: dict[str, list[Fact]] = {}
    for cards in decks.values():
        for card in cards:
            fact = fact_of(card)
            if fact is not None:
                out.setdefault(norm(answer_text(fact)), []).append(fact)
    return out


def _nearness(fact: Fact, text: str, sources: dict[str, list[Fact]]) -> str:
    """How near a distractor is to the answer, by the cards it comes from:
    'sort' (same sort), 'other sort', 'role' (same kind of role), 'family',
    'loose' (a side role only), 'unknown', 'other family', 'made' (no card:
    a substitution), or '' when the answer has neither sort nor roles."""
    found = sources.get(norm(text), [])
    if fact.shape in ("person", "role"):
        mine = roles_for(fact.shape, fact.prompt, fact.answer, fact.focus)
        if not mine:
            return ""
        if not found:
            return "made"
        tiers = [role_tier(mine, roles_for(f.shape, f.prompt, f.answer, f.focus)) for f in found]
        best = min((t for t in tiers if t is not None), default=None)
        return {0: "role", 1: "family", 2: "loose", 3: "unknown", None: "other family"}[best]
    if fact.sort and fact.shape in ("place", "organisation", "description", "name"):
        if not found:
            return "made"
        return "sort" if any(f.sort == fact.sort for f in found) else "other sort"
    return ""


def _print_nearness(near: Counter[str], what: str) -> None:
    print(
        f"    {what} of places, bodies, descriptions with a known sort: {near['sort']} of that"
        f" sort, {near['other sort']} of another, {near['made']} made by substitution"
    )
    people = sum(near[k] for k in ("role", "family", "loose", "unknown", "other family"))
    print(
        f"    {what} of people and roles with a known role: {near['role']} same kind,"
        f" {near['family']} same family, {near['loose']} side role, {near['unknown']} unknown,"
        f" {near['other family']} other family (of {people}; {near['made_people']} made)"
    )


def choice_figures(half: str, decks: dict[str, list[StoredCard]], verbose: bool) -> None:
    c: Counter[str] = Counter()
    near: Counter[str] = Counter()
    positions: Counter[int] = Counter()
    bad: list[str] = []
    sources = _sources(decks)
    for deck_id, cards in decks.items():
        material = _setting(decks, deck_id, 7)
        rng = random.Random(deck_id)  # one generator per deck, as in a quiz
        for card in cards:
            fact = fact_of(card)
            if fact is None:
                continue
            c["facts"] += 1
            q = choice_question(fact, material, rng)
            if q is None:
                c["no_choice"] += 1
                continue
            c["questions"] += 1
            typed = typed_question(fact)
            right = answer_text(fact)
            c["answer_once"] += sum(1 for o in q.choices if norm(o) == norm(right)) == 1
            wrong = [o for j, o in enumerate(q.choices) if j != q.correct[0]]
            for o in wrong:
                c["distractors"] += 1
                c["empty"] += not o.strip() or not any(ch.isalnum() for ch in o)
                if grade(typed, o).correct:
                    c["also_right"] += 1
                    bad.append(f"    also right: {fact.prompt!r}: {o!r}")
                if fact.date is not None:
                    reading = read_date(o)
                    same = (
                        bool(reading)
                        and not reading.ambiguous
                        and date_key(reading.values[0]) == date_key(fact.date)
                    )
                    c["date_distractors"] += 1
                    c["same_precision"] += same
                    if not same:
                        bad.append(f"    other precision: {fact.prompt!r}: {o!r}")
                else:
                    c["same_shape"] += _option_shape(fact, o) == fact.shape
                    c["text_distractors"] += 1
                    how = _nearness(fact, o, sources)
                    if how == "made" and fact.shape in ("person", "role"):
                        how = "made_people"
                    near[how] += 1
                    if how in ("other sort", "other family"):
                        bad.append(f"    {how}: {fact.prompt!r}: {o!r}")
            opts = list(q.choices)
            for a in range(4):
                for b in range(a + 1, 4):
                    x, y = opts[a], opts[b]
                    probe = dataclasses.replace(typed, answer=x, accept=(), when="")
                    probe2 = dataclasses.replace(typed, answer=y, accept=(), when="")
                    if grade(probe, y).correct or grade(probe2, x).correct:
                        c["same_meaning_pairs"] += 1
                        bad.append(f"    same meaning: {fact.prompt!r}: {x!r} / {y!r}")
            if fact.date is not None:
                spans = [read_date(o).values[0] for o in opts]  # type: ignore[union-attr]
                order = sorted(range(4), key=lambda j: spans[j].key)
                positions[order.index(q.correct[0])] += 1
    d = c["distractors"] or 1
    print(
        f"  multiple choice: {c['questions']}/{c['facts']} cards get a question with 3 distractors"
    )
    print(f"    answer shown exactly once: {c['answer_once']}/{c['questions']}")
    print(f"    distractors also right by the grader: {c['also_right']}/{d}")
    print(f"    option pairs that mean the same (grader, both ways): {c['same_meaning_pairs']}")
    print(f"    empty or placeholder options: {c['empty']}/{d}")
    print(
        f"    date distractors of the answer's precision and form: {c['same_precision']}/{c['date_distractors']}"
    )
    print(
        f"    other distractors of the answer's shape (re-read): {c['same_shape']}/{c['text_distractors']}"
    )
    total = sum(positions.values()) or 1
    shares = " ".join(f"{positions[k] / total:.0%}" for k in range(4))
    print(f"    right date's place among the 4 options in time order (1st..4th): {shares}")
    _print_nearness(near, "distractors")
    if verbose:
        for line in bad:
            print(line)


def truefalse_figures(half: str, decks: dict[str, list[StoredCard]], verbose: bool) -> None:
    c: Counter[str] = Counter()
    near: Counter[str] = Counter()
    fallbacks: list[str] = []
    sources = _sources(decks)
    for deck_id, cards in decks.items():
        material = _setting(decks, deck_id, 11)
        rng = random.Random(deck_id)
        for card in cards:
            fact = fact_of(card)
            if fact is None:
                continue
            c["facts"] += 1
            if natural(fact, answer_text(fact), fact.date):
                c["natural"] += 1
            else:
                fallbacks.append(f"    fallback form: {fact.prompt!r}")
            for truth in (True, False):
                q = truefalse_question(fact, material, rng, truth)
                if q is None:
                    c["none_false"] += 1
                    continue
                c["statements"] += 1
                if any(mark in q.prompt for mark in ("[...]", "{{", "}}", "None", "  ", " ,")):
                    c["marks"] += 1
                    fallbacks.append(f"    template mark: {q.prompt!r}")
                if not truth:
                    c["false"] += 1
                    value = _false_value(fact, q.prompt, sources)
                    if value is not None:
                        how = _nearness(fact, value, sources)
                        if how == "made" and fact.shape in ("person", "role"):
                            how = "made_people"
                        near[how] += 1
                        if how in ("other sort", "other family"):
                            fallbacks.append(f"    {how}: {q.prompt!r}")
    rng = random.Random(5)
    shares: Counter[str] = Counter()
    for cards in decks.values():
        for q in build_questions(cards, 40, [QuestionType.TRUE_FALSE], rng):
            shares[q.answer] += 1
    print(
        f"  true/false: {c['natural']}/{c['facts']} facts read as a sentence built from the question"
        f" ({c['natural'] / c['facts']:.0%}); the rest use the fallback form"
    )
    print(f"    statements with a template mark left in: {c['marks']}/{c['statements']}")
    print(
        f"    cards with no wrong value of their shape (no false statement): {c['none_false']}/{c['facts']}"
    )
    _print_nearness(near, "false statements")
    n = shares["True"] + shares["False"]
    print(
        f"    share of true statements in built quizzes: {shares['True']}/{n} ({shares['True'] / n:.0%})"
    )
    if verbose:
        for line in fallbacks:
            print(line)


def _false_value(fact: Fact, shown: str, sources: dict[str, list[Fact]]) -> str | None:
    """Which other answer a false statement about ``fact`` names: the longest
    answer of the half that the statement holds and the true one does not."""
    if fact.date is not None:
        return None
    true = norm(statement(fact, answer_text(fact), fact.date))
    said = norm(shown)
    hits = [a for a in sources if a and f" {a} " in f" {said} " and f" {a} " not in f" {true} "]
    return max(hits, key=len) if hits else None


def sample(decks: dict[str, list[StoredCard]], n: int, seed: int) -> None:
    rng = random.Random(seed)
    for deck_id in sorted(decks):
        cards = decks[deck_id]
        pool = [c for d, cs in decks.items() if d != deck_id for c in cs]
        print(f"== {deck_id}")
        for q in build_questions(
            cards, n, [QuestionType.CHOICE, QuestionType.TRUE_FALSE], rng, pool
        ):
            if q.type is QuestionType.CHOICE:
                opts = " / ".join(
                    ("*" if j == q.correct[0] else "") + o for j, o in enumerate(q.choices)
                )
                print(f"  [choice] {q.prompt}\n      {opts}")
            else:
                print(f"  [{q.answer.lower()}] {q.prompt}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every disagreement")
    parser.add_argument("--half", choices=(*HALVES, "all"), default=None)
    parser.add_argument("--sample", type=int, default=0, help="print N questions per deck")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.sample:
        sample(load_half(args.half if args.half in HALVES else "fresh"), args.sample, args.seed)
        return
    halves = HALVES if args.half in (None, "all") else (args.half,)
    for half in halves:
        decks = load_half(half)
        print(f"{half}: {len(decks)} decks, {sum(len(c) for c in decks.values())} cards")
        if (DATA / half / "typed.yaml").exists():
            typed_figures(half, decks, args.verbose)
        else:
            print("  typed grader: no typed replies in this half")
        choice_figures(half, decks, args.verbose)
        truefalse_figures(half, decks, args.verbose)


if __name__ == "__main__":
    main()
