"""A workspace's quizzes: questions from its decks, the history, relearning."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from trainer.core.errors import UsageError
from trainer.core.model import Rating, State
from trainer.workspace.base import Base

# The quiz core is imported when a quiz is made: other commands never load it.
if TYPE_CHECKING:
    import random

    from trainer.core.quiz.model import Question, QuestionType
    from trainer.core.quiz.run import Result
    from trainer.store.quizzes import QuizRecord


class QuizzesMixin(Base):
    """Quizzes on the profile's decks."""

    def quiz_questions(
        self,
        deck_ids: Sequence[str],
        count: int,
        types: Sequence[QuestionType],
        rng: random.Random,
    ) -> list[Question]:
        """Questions on the decks' cards; the other loaded decks lend distractors.

        Raises:
            UsageError: when the decks give no question of the types asked.
        """
        from trainer.core.quiz.build import build_questions
        from trainer.core.quiz.people import PeopleIndex

        key = tuple(sorted(deck_ids))
        if key not in self._quiz_material:
            # Read once per set of decks (until the decks are read again): later
            # quizzes on them build from memory, the namesakes already indexed.
            cards = self.store.cards_of(deck_ids)
            others = [f.deck_id for f in self.decks if f.deck_id not in deck_ids]
            self._quiz_material[key] = (cards, self.store.cards_of(others), PeopleIndex(cards))
        cards, pool, people = self._quiz_material[key]
        if not cards:
            raise UsageError("these decks hold no cards to ask", "choose other decks")
        today = self.clock.now().astimezone(self.clock.tz).date()
        return build_questions(cards, count, types, rng, pool, people=people, today=today)

    def save_quiz(
        self,
        result: Result,
        started: datetime,
        deck_ids: Sequence[str],
        options: Mapping[str, object],
    ) -> int:
        """Keep a finished quiz in the profile's history; returns its id."""
        from trainer.store import quizzes as quiz_store

        finished = started.timestamp() + result.seconds
        self.store.changed = True
        return quiz_store.save(self.conn, result, started.timestamp(), finished, deck_ids, options)

    def quiz_history(self) -> list[QuizRecord]:
        """The finished quizzes, newest first."""
        from trainer.store import quizzes as quiz_store

        return quiz_store.history(self.conn)

    def relearn(self, result: Result, rng: random.Random) -> tuple[int, int]:
        """Send the cards a quiz found forgotten into relearning, as an Again would.

        Each missed card that has been studied is answered Again now (a row in
        the review log, FSRS's memory state updated, due again in its
        relearning step). A card never studied stays new: it comes in with the
        new cards.

        Returns:
            How many cards went into relearning, and how many were new.
        """
        now = self.clock.now()
        sent = new = 0
        seen: set[int] = set()
        for answered in result.mistakes:
            for ref in answered.question.cards:
                rowid = self.store.card_rowid(ref.deck_id, ref.card_id)
                if rowid is None or rowid in seen:
                    continue
                seen.add(rowid)
                memory = self.store.memory(rowid)
                if memory.state is State.NEW:
                    new += 1
                    continue
                after = self.scheduler.review(memory, Rating.AGAIN, now, rng.random())
                self.store.record(rowid, memory, after, Rating.AGAIN, now.timestamp(), 0)
                sent += 1
        return sent, new
