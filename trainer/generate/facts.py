"""The fact model: what the extractors find and the card makers turn into cards.

A :class:`Fact` is one dated event, person or treaty, with where it stands in
the article (:class:`Evidence`: the sentence, the answer's span in it, and the
sentence before it) and how sure the generator is of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Facts at or above this confidence are written by default; the rest only with
# ``--all``, marked for review.
SURE = 0.7

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "as",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "has",
        "had",
        "have",
        "its",
        "it",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "also",
        "after",
        "before",
        "during",
        "since",
        "until",
        "into",
        "onto",
        "over",
        "under",
        "between",
        "about",
        "than",
        "then",
        "there",
        "here",
        "not",
        "no",
        "so",
        "such",
        "very",
        "more",
        "most",
        "some",
        "any",
        "all",
        "both",
        "each",
        "other",
        "another",
        "only",
        "even",
        "just",
        "still",
        "already",
        "would",
        "could",
        "should",
        "might",
        "may",
        "can",
        "will",
        "did",
        "do",
        "does",
        "done",
        "made",
        "make",
        "per",
        "via",
        "up",
        "out",
        "off",
        "again",
        "once",
    ]
)


@dataclass(slots=True)
class Fact:
    """One fact found in an article (or merged from several).

    Attributes:
        kind: ``date``, ``person`` or ``treaty``.
        key: What makes two facts the same fact (for merging and stable ids).
        title: A dated event's description, a person's full name, a treaty's name.
        when: Normalised date or range, where known.
        words: The date in words (date facts).
        detail: A person's role; a treaty's description.
        parties: Countries that are party to a treaty.
        broker: Who brokered an agreement.
        acronym: An organisation's acronym.
        note: A qualifier ("a few days before ...", "since").
        sources: (article name, paragraph number) pairs.
        notes: Remarks for the card (conflicts between sources).
        confidence: How sure the generator is that a card of this fact is right
            and answerable (0 to 1); at :data:`SURE` or above it is written by
            default, below only with ``--all`` and marked for review.
        evidence: Where the fact stands: the sentence and the answer's span.
        doubts: Why the confidence was lowered, for the reviewer.
    """

    kind: str
    key: str
    title: str
    when: str = ""
    words: str = ""
    detail: str = ""
    parties: tuple[str, ...] = ()
    broker: str = ""
    acronym: str = ""
    note: str = ""
    sources: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    confidence: float = 1.0
    evidence: Evidence | None = None
    doubts: list[str] = field(default_factory=list)
    order: int = 0  # position among merged facts, for first-seen order

    def doubt(self, confidence: float, why: str) -> None:
        """Lower the confidence to at most ``confidence``, saying why."""
        if confidence < self.confidence:
            self.confidence = confidence
        if why not in self.doubts:
            self.doubts.append(why)

    @property
    def sure(self) -> bool:
        """Whether a card of this fact is written by default."""
        return self.confidence >= SURE

    def keywords(self) -> set[str]:
        """Content words of the fact itself (not its context note), for matching facts."""
        text = f"{self.title} {self.detail}".lower()
        return {
            w.rstrip("s")
            for w in re.findall(r"[a-z][a-z'-]+", text)
            if w not in STOPWORDS and len(w) > 2
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact stands: its sentence (spin-repaired), the answer's span, its neighbours.

    Attributes:
        sentence: The sentence that states the fact.
        start: Offset of the answer in ``sentence``.
        end: Offset just past it.
        before: The sentence before it (same paragraph, else the last of the
            previous one), for context when the sentence alone is not enough.
        heading: The nearest heading above the paragraph, if any.
        counted_from: For a relative date ("two days later"), the words the text
            uses; the answer is then the date they resolve to, not a span.
        treaties: The treaties named before this sentence (since the last
            heading), latest last, as "name|when": "the agreement" means the
            last of them whose name says "Agreement".
        things: Names the article has given so far to things a clause may
            call by their noun alone ("Suez Canal" for "the canal").
        earlier: The sentence before ``before``, for a clause that only it
            makes clear.
        who: What "he", "she" and "the count" in the sentence stand for, as
            (word, name) pairs (:mod:`trainer.generate.referents`).
        subject: Whom a record's entry is about when the entry names no one
            ("1769-1772 – Chief Secretary ..." under "MACARTNEY, George").
    """

    sentence: str
    start: int
    end: int
    before: str = ""
    heading: str = ""
    counted_from: str = ""
    treaties: tuple[str, ...] = ()
    things: tuple[str, ...] = ()
    earlier: str = ""
    who: tuple[tuple[str, str], ...] = ()
    subject: str = ""

    @property
    def answer(self) -> str:
        """The words of the text that answer the card."""
        return self.sentence[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a sentence stands: its article and paragraph, and what a reader knows there.

    The fields after ``sentence`` are those of :class:`Evidence`, which
    :meth:`evidence` fills in for a span of the sentence.
    """

    article: str
    number: int
    sentence: str
    before: str = ""
    heading: str = ""
    treaties: tuple[str, ...] = ()
    things: tuple[str, ...] = ()
    earlier: str = ""
    who: tuple[tuple[str, str], ...] = ()
    subject: str = ""

    def evidence(self, start: int, end: int, counted_from: str = "") -> Evidence:
        """The evidence for a fact whose answer is ``sentence[start:end]``."""
        return Evidence(
            self.sentence,
            start,
            end,
            self.before,
            self.heading,
            counted_from,
            self.treaties,
            self.things,
            self.earlier,
            self.who,
            self.subject,
        )


def add_source(sources: list[tuple[str, int]], name: str, number: int) -> None:
    """Add (article, paragraph) to a fact's sources, once."""
    if (name, number) not in sources:
        sources.append((name, number))
