"""The other answers a quiz may borrow: distractors of the same shape.

Reading every card of a 100,000-card collection to find three plausible
wrong years would cost seconds, so ``Material`` reads a bounded random
sample of the quizzed decks and the other loaded decks (all of them when they
are small), once per quiz, and files what it finds by shape and, for dates,
by precision and first day. A question that needs a rarer sort (a strait, a
composer) reads on until it has enough of them or the sample is used up.
Which cards are read depends only on the seeded generator, so the same seed
gives the same quiz.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from trainer.core.model import StoredCard
from trainer.core.quiz import lexicon, sorts
from trainer.core.quiz.dates import render
from trainer.core.quiz.facts import Fact, fact_of
from trainer.core.quiz.text import content, norm
from trainer.core.when import When

EVERY = 1000
"""Collections up to this size are read whole for distractors."""
SAMPLE = 300
"""How many cards of a larger collection may be read, at random."""
ENOUGH = 24
"""Reading stops once a shape has this many answers (or the sample is used up)."""
NARROW = 12
"""Reading goes on until a sort or a kind of role has this many answers."""
CHUNK = 50


class Facts:
    """``fact_of`` for each card, computed once per quiz."""

    def __init__(self) -> None:
        self._cache: dict[int, Fact | None] = {}

    def get(self, card: StoredCard) -> Fact | None:
        key = id(card)
        if key not in self._cache:
            self._cache[key] = fact_of(card)
        return self._cache[key]


class Candidate:
    """Another card's answer, as a possible distractor.

    Attributes:
        text: As an option would show it (a date as ``render`` writes it).
        shape: The answer's shape.
        focus: The noun its question asks for.
        kind: Its card's kind.
        deck_id: Its card's deck.
        entry: Its card's deck entry.
        prompt: Its question.
        date: Its span, for a date.
        sort: Its sort (``sorts.sort_of``), or "".
    """

    __slots__ = (
        "_answer",
        "_context",
        "_key",
        "_roles",
        "date",
        "deck_id",
        "entry",
        "focus",
        "kind",
        "prompt",
        "shape",
        "sort",
        "text",
    )

    def __init__(self, fact: Fact) -> None:
        self.text = render(fact.date) if fact.date is not None else fact.answer
        self.shape = fact.shape
        self.focus = fact.focus
        self.kind = fact.card.kind
        self.deck_id = fact.card.deck_id
        self.entry = fact.entry
        self.prompt = fact.prompt
        self.date = fact.date
        self.sort = fact.sort
        self._answer = fact.answer
        self._context: frozenset[str] | None = None
        self._key: str | None = None
        self._roles: sorts.Roles | None = None

    @property
    def roles(self) -> sorts.Roles:
        """A person's or a role's kinds of role (``sorts.roles_for``)."""
        if self._roles is None:
            self._roles = sorts.roles_for(self.shape, self.prompt, self._answer, self.focus)
        return self._roles

    @property
    def context(self) -> frozenset[str]:
        """The meaningful words of its question (for "comparable roles")."""
        if self._context is None:
            self._context = context_of(self.prompt)
        return self._context

    @property
    def prompt_key(self) -> str:
        """Its question, folded: a card asking the same question is never a
        source of wrong answers."""
        if self._key is None:
            self._key = norm(self.prompt)
        return self._key


def date_key(w: When) -> tuple[str, str]:
    """Dates that may stand together as options: same precision and form."""
    if w.is_range:
        return "range", w.precision
    if w.precision == "century":
        whole = w.first[0] % 100 == 0 and w.last[0] % 100 == 99
        return "century", "whole" if whole else "part"
    if w.precision == "decade":
        return "decade", "whole" if w.last[0] - w.first[0] == 9 else "part"
    return w.precision, ""


def context_of(prompt: str) -> frozenset[str]:
    """The meaningful words of a question, with every office (president, prime
    minister, chancellor, leader) also read as one word, so that people with
    comparable roles look alike."""
    words = {w for w in content(prompt) if not w.isdigit()} - lexicon.QUESTION_WORDS
    if words & lexicon.OFFICES:
        words.add("@office")
    return frozenset(words)


def candidate_of(fact: Fact) -> Candidate:
    """A fact's answer as a possible distractor for other questions."""
    return Candidate(fact)


@dataclass
class Material:
    """Answers of the quizzed decks and the other loaded decks, by shape.

    Args:
        cards: The quizzed decks' cards.
        pool: The other loaded decks' cards.
        rng: Chooses the sample when there are more than ``limit`` cards.
        facts: The quiz's fact cache.
        limit: How many cards of a larger collection are read.
        every: Collections up to this size are read whole.
        today: The day the quiz is built (year, month, day): no wrong date is
            later, so none describes the past in the future.
    """

    cards: Sequence[StoredCard]
    pool: Sequence[StoredCard]
    rng: random.Random
    facts: Facts
    limit: int = SAMPLE
    every: int = EVERY
    today: tuple[int, int, int] | None = None
    _shapes: dict[str, list[Candidate]] = field(default_factory=dict)
    _dates: dict[tuple[str, str], list[tuple[tuple[int, int, int], Candidate]]] = field(
        default_factory=dict
    )
    _ready: bool = False
    _countries: list[str] | None = None
    _order: Sequence[int] = ()
    _seen: set[tuple[str, str]] = field(default_factory=set)
    _names: dict[str, str] = field(default_factory=dict)
    read: int = 0

    def _start(self) -> None:
        self._ready = True
        total = len(self.cards) + len(self.pool)
        self._order = (
            range(total) if total <= self.every else self.rng.sample(range(total), self.limit)
        )

    def _read(self, upto: int) -> None:
        """Read the sample's cards up to position ``upto``."""
        n = len(self.cards)
        while self.read < min(upto, len(self._order)):
            i = self._order[self.read]
            self.read += 1
            card = self.cards[i] if i < n else self.pool[i - n]
            fact = self.facts.get(card)
            if fact is None:
                continue
            cand = candidate_of(fact)
            key = (cand.shape, cand.text.casefold())
            if key in self._seen:
                continue
            self._seen.add(key)
            self._shapes.setdefault(cand.shape, []).append(cand)
            if cand.shape == "place" and cand.sort:
                name = sorts.name_key(cand.text)
                # two sorts for one name ('Victoria'): it says nothing
                known = self._names.setdefault(name, cand.sort)
                if known != cand.sort:
                    self._names[name] = ""
            if cand.date is not None:
                items = self._dates.setdefault(date_key(cand.date), [])
                bisect.insort(items, (cand.date.first, cand), key=lambda item: item[0])
        self._countries = None

    def read_all(self) -> None:
        """Read the whole sample now (the benchmark's upper bound)."""
        if not self._ready:
            self._start()
        self._read(len(self._order))

    def shape(self, shape: str) -> list[Candidate]:
        """The answers of ``shape`` read so far, reading on (in chunks) until
        there are enough of them or the sample is used up."""
        if not self._ready:
            self._start()
        while len(self._shapes.get(shape, ())) < ENOUGH and self.read < len(self._order):
            self._read(self.read + CHUNK)
        return self._shapes.get(shape, [])

    def more(self, shape: str, fits: Callable[[Candidate], bool], want: int = NARROW) -> None:
        """Read on until ``want`` answers of ``shape`` pass ``fits`` (a rarer
        sort, a comparable role) or the sample is used up."""
        have = self.shape(shape)
        done = 0
        count = 0
        while True:
            for cand in have[done:]:
                count += fits(cand)
                if count >= want:
                    return
            done = len(have)
            if self.read >= len(self._order):
                return
            self._read(self.read + CHUNK)
            have = self._shapes.get(shape, [])

    def sort_of(self, shape: str, sort: str, text: str) -> str:
        """``sort``, or for a place whose own card says nothing, what another
        card answering with the same name says ('the Amazon', asked as a river)."""
        if sort or shape != "place":
            return sort
        return self._names.get(sorts.name_key(text), "")

    def countries(self) -> list[str]:
        """Countries named anywhere in the questions and answers read, most
        named first: the decks' own world, for country distractors."""
        if not self._ready:
            self._start()
        if self._countries is None:
            counts: dict[str, int] = {}
            for cands in self._shapes.values():
                for cand in cands:
                    words = cand.prompt_key.split() + norm(cand.text).split()
                    for i, w in enumerate(words):
                        for name in (w, " ".join(words[i : i + 2])):
                            if name in lexicon.COUNTRIES:
                                counts[name] = counts.get(name, 0) + 1
            ranked = sorted(counts, key=lambda c: (-counts[c], c))
            self._countries = [" ".join(w.capitalize() for w in c.split()) for c in ranked]
        return self._countries

    def dates_near(
        self, w: When, lo: tuple[int, int, int], hi: tuple[int, int, int]
    ) -> list[Candidate]:
        """Dates read of ``w``'s precision and form whose first day lies in [lo, hi]."""
        self.shape("date")
        items = self._dates.get(date_key(w), [])
        start = bisect.bisect_left(items, lo, key=lambda item: item[0])
        end = bisect.bisect_right(items, hi, key=lambda item: item[0])
        return [cand for _, cand in items[start:end]]
