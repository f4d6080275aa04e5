"""True or false: a statement pairing a fact with its true value or with a
plausible wrong one (a distractor of the answer's own sort or kind of role,
never a looser one), written as a sentence. A card with no such wrong value
gets no false statement, and one whose question does not turn into a sound
sentence gets no statement at all: it is asked another way."""

from __future__ import annotations

import random
import re

from trainer.core.quiz.choice import Judge, answer_text, options_for
from trainer.core.quiz.dates import when_text
from trainer.core.quiz.facts import Fact
from trainer.core.quiz.material import Material
from trainer.core.quiz.model import Question, QuestionType
from trainer.core.quiz.statements import statement


def truefalse_question(
    fact: Fact, material: Material, rng: random.Random, truth: bool
) -> Question | None:
    """A true/false question about ``fact``: true when ``truth``, else paired
    with a wrong value of the answer's shape (None when there is none)."""
    right = answer_text(fact)
    true_statement = statement(fact, right, fact.date)
    if truth:
        if true_statement is None:
            return None  # no sentence that reads well: the card is asked another way
        shown, explanation = true_statement, ""
    else:
        if re.search(r"\bstands? for\b", fact.prompt, re.IGNORECASE):
            return None  # 'CSTO stands for the European Union' gives itself away
        since = fact.date is not None and fact.prompt.lower().startswith("since ")
        wrong = options_for(fact, material, rng, 3 if since else 1, Judge(fact), strict=True)
        if since and fact.date is not None:
            # 'since 2020' is true of what began in 2018: only an earlier start is false
            start = fact.date.first
            wrong = [(v, d) for v, d in wrong if d is not None and d.first < start]
        if not wrong:
            return None
        value, date = wrong[0]
        false_statement = statement(fact, value, date)
        if false_statement is None:
            return None
        shown = false_statement
        explanation = f"False: {true_statement or f'the answer is {right}.'}"
    card = fact.card
    if card.note:
        explanation = f"{explanation} {card.note}".strip()
    return Question(
        type=QuestionType.TRUE_FALSE,
        prompt=shown,
        answer="True" if truth else "False",
        correct=(1,) if truth else (0,),
        cards=(fact.ref,),
        kind=card.kind.value,
        when=when_text(fact.date) if fact.date is not None else "",
        explanation=explanation,
        source=card.source,
    )
