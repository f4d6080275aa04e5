"""Building a quiz: which cards are asked, and how.

``build_questions`` spreads ``count`` questions over the allowed types as
evenly as the cards allow, asks each deck entry at most once (the two sides
of a reversed card, or two gaps of one cloze, would give each other away),
and returns them in a shuffled order. Cards are taken in a random order
drawn lazily from the seeded generator, so a 100,000-card collection costs
no more than the cards actually looked at; distractors come from a bounded
sample (``Material``). The same seed and cards give the same quiz.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator, Sequence
from datetime import date
from operator import attrgetter

from trainer.core import cloze
from trainer.core.errors import UsageError
from trainer.core.model import CardKind, CardType, StoredCard
from trainer.core.quiz.choice import choice_question
from trainer.core.quiz.facts import Fact
from trainer.core.quiz.material import Facts, Material
from trainer.core.quiz.model import Question, QuestionType
from trainer.core.quiz.people import PeopleIndex, SurnameIndex, last_name_word
from trainer.core.quiz.timeline import Event, event_of, pick_events, timeline_question
from trainer.core.quiz.truefalse import truefalse_question
from trainer.core.quiz.typed import typed_question

_KIND, _TYPE, _FRONT, _BACK = (attrgetter(a) for a in ("kind", "type", "front", "back"))
TIMELINE_PROBES = 4000
"""How many dated cards a quiz looks at, at most, to find timeline events."""


def random_order(n: int, rng: random.Random) -> Iterator[int]:
    """The numbers 0..n-1 in a random order, drawn lazily (a full shuffle of a
    large collection would cost more than the whole quiz)."""
    if n <= 4096:
        order = list(range(n))
        rng.shuffle(order)
        yield from order
        return
    seen: set[int] = set()
    while len(seen) < n // 2:
        i = rng.randrange(n)
        if i not in seen:
            seen.add(i)
            yield i
    rest = [i for i in range(n) if i not in seen]
    rng.shuffle(rest)
    yield from rest


def _quotas(count: int, types: list[QuestionType], rng: random.Random) -> dict[QuestionType, int]:
    base, extra = divmod(count, len(types))
    quotas = dict.fromkeys(types, base)
    for t in rng.sample(types, extra):
        quotas[t] += 1
    return quotas


class _Builder:
    def __init__(
        self,
        cards: Sequence[StoredCard],
        pool: Sequence[StoredCard],
        rng: random.Random,
        today: date | None = None,
    ) -> None:
        self.cards = cards
        self.rng = rng
        self.facts = Facts()
        self.material = Material(cards, pool, rng, self.facts)
        if today is not None:
            self.material.today = (today.year, today.month, today.day)
        self.taken: set[tuple[str, str]] = set()
        self.truths: list[bool] = []

    def timelines(self, wanted: int) -> list[Question]:
        """Up to ``wanted`` timelines from the quizzed cards' dated events."""
        if wanted <= 0:
            return []
        events: list[Event] = []
        probed = 0
        for i in random_order(len(self.cards), self.rng):
            card = self.cards[i]
            if not card.when and card.kind is not CardKind.DATE:
                continue
            probed += 1
            fact = self.facts.get(card)
            ev = event_of(fact) if fact is not None else None
            if ev is not None:
                events.append(ev)
            if probed >= TIMELINE_PROBES or len(events) >= wanted * 4 + 8:
                break
        out: list[Question] = []
        for _ in range(wanted):
            size = self.rng.choice((4, 5))
            chosen = pick_events(events, size, self.taken)
            if len(chosen) < 4:
                break
            for ev in chosen:
                self.taken.add(ev.fact.entry)
            out.append(timeline_question(chosen, self.rng))
            events = [ev for ev in events if ev.fact.entry not in self.taken]
            self.rng.shuffle(events)
        return out

    def one(self, kind: QuestionType, fact: Fact) -> Question | None:
        if kind is QuestionType.TYPED:
            return typed_question(fact)
        if kind is QuestionType.CHOICE:
            return choice_question(fact, self.material, self.rng)
        if kind is QuestionType.TRUE_FALSE:
            # Keep true and false even: a false statement needs a wrong value and
            # some cards have none, so a coin per question would lean to true.
            true, false = self.truths.count(True), self.truths.count(False)
            truth = self.rng.random() < 0.5 if true == false else true < false
            question = truefalse_question(fact, self.material, self.rng, truth)
            if question is not None:
                self.truths.append(truth)
            return question
        return None

    def add_surnames(
        self, questions: list[Question], typed: dict[int, Fact], people: PeopleIndex | None
    ) -> list[Question]:
        """Give typed questions about people the surnames that name one person
        only in the quizzed decks.

        Only the cards that can name someone with one of those surnames are
        read: found in ``people`` when given, else in an index of the quizzed
        cards made for this quiz.
        """
        if not typed:
            return questions
        words = {last for fact in typed.values() if (last := last_name_word(fact.answer))}
        index_of = people if people is not None else PeopleIndex(self.cards)
        hits = [card for word in sorted(words) for card in index_of.cards_named(word)]
        index = SurnameIndex()
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for card in hits:
            names = _names_on(card)
            key = (names[0], tuple(names[1:])) if names else None
            if key and key not in seen:
                seen.add(key)
                index.add(names)
        for fact in typed.values():
            index.add([fact.answer, *fact.accept])
        out = []
        for i, q in enumerate(questions):
            person = typed.get(i)
            out.append(
                dataclasses.replace(q, surnames=index.unique(person.answer)) if person else q
            )
        return out


def _names_on(card: StoredCard) -> list[str]:
    """The name a person's card answers with, and its accepted forms."""
    if card.type is CardType.CLOZE:
        gaps = {g.answer.strip() for g in cloze.scan(card.front)[0] if g.number == card.ordinal}
        return list(gaps) if len(gaps) == 1 else []
    return [card.back.strip(), *card.accept]


def build_questions(
    cards: Sequence[StoredCard],
    count: int,
    types: Sequence[QuestionType],
    rng: random.Random,
    pool: Sequence[StoredCard] = (),
    people: PeopleIndex | None = None,
    today: date | None = None,
) -> list[Question]:
    """Build a quiz.

    Args:
        cards: The quizzed decks' cards (retired ones already left out).
        count: How many questions.
        types: The allowed types, mixed as evenly as the cards allow.
        rng: All randomness comes from here: same seed, same quiz.
        pool: Cards of the other loaded decks: more distractor material.
        people: ``PeopleIndex(cards)``, when the caller keeps one for these
            decks; without it one is made for this quiz.
        today: The day of the quiz: wrong dates are never later.

    Returns:
        Up to ``count`` questions in a shuffled order (fewer when the cards
        run out: each deck entry is asked at most once).

    Raises:
        UsageError: When not one question can be built.
    """
    kinds: list[QuestionType] = []
    for t in types:
        try:
            kind = QuestionType(t)
        except ValueError:
            raise UsageError(
                f"'{t}' is not a question type",
                "use choice, typed, truefalse or timeline",
            ) from None
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        raise UsageError(
            "no question type was chosen",
            "allow at least one of: choice, typed, truefalse, timeline",
        )
    if count < 1:
        raise UsageError("a quiz needs at least one question", "ask for a count of 1 or more")
    builder = _Builder(cards, pool, rng, today)
    quotas = _quotas(count, kinds, rng)
    questions: list[Question] = []
    if QuestionType.TIMELINE in quotas:
        questions.extend(builder.timelines(quotas.pop(QuestionType.TIMELINE)))
        missing = count - len(questions) - sum(quotas.values())
        while missing > 0 and quotas:
            # the timelines' unmade share goes to the types with the least
            low = min(quotas.values())
            quotas[rng.choice([t for t in quotas if quotas[t] == low])] += 1
            missing -= 1
    made = dict.fromkeys(quotas, 0)
    typed: dict[int, Fact] = {}
    leftover: list[Fact] = []
    if quotas:
        for i in random_order(len(cards), rng):
            if all(made[t] >= quotas[t] for t in quotas):
                break
            fact = builder.facts.get(cards[i])
            if fact is None or fact.entry in builder.taken:
                continue
            open_types = sorted(
                (t for t in quotas if made[t] < quotas[t]),
                key=lambda t: (made[t] / max(quotas[t], 1), kinds.index(t)),
            )
            question = None
            for t in open_types:
                question = builder.one(t, fact)
                if question is not None:
                    made[t] += 1
                    break
            if question is None:
                if len(leftover) < count:
                    leftover.append(fact)
                continue
            if question.type is QuestionType.TYPED and fact.shape == "person":
                typed[len(questions)] = fact
            questions.append(question)
            builder.taken.add(fact.entry)
        # types that could not fill their share: other types take the rest
        for fact in leftover:
            if len(questions) >= count:
                break
            if fact.entry in builder.taken:
                continue
            for t in sorted(quotas, key=lambda t: made[t]):
                question = builder.one(t, fact)
                if question is not None:
                    made[t] += 1
                    if question.type is QuestionType.TYPED and fact.shape == "person":
                        typed[len(questions)] = fact
                    questions.append(question)
                    builder.taken.add(fact.entry)
                    break
    if not questions:
        raise _nothing(kinds, cards)
    questions = builder.add_surnames(questions, typed, people)
    rng.shuffle(questions)
    return questions


def _nothing(kinds: list[QuestionType], cards: Sequence[StoredCard]) -> UsageError:
    if not cards:
        return UsageError("these decks have no cards to quiz on", "choose decks with cards in them")
    if kinds == [QuestionType.TIMELINE]:
        return UsageError(
            "no timeline can be built: it needs at least 4 cards whose answer is a date"
            " (with a 'when'), at times that do not overlap",
            "add 'when' to dated cards, or allow other question types",
        )
    if kinds == [QuestionType.CHOICE]:
        return UsageError(
            "no multiple-choice question can be built: no card has three other answers of its kind",
            "add more cards, load other decks alongside, or allow other question types",
        )
    names = ", ".join(k.value for k in kinds)
    return UsageError(
        f"no {names} question can be built from these cards", "allow other question types"
    )
