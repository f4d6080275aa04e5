"""Questions written out: JSON for programs, Markdown to print or hand round."""

from __future__ import annotations

import json
from collections.abc import Sequence

from trainer.core.quiz.model import Question, QuestionType

LETTERS = "abcdefghij"


def as_json(questions: Sequence[Question]) -> str:
    """A JSON list: type, prompt, choices (choice and timeline), answer, card (and cards)."""
    out = []
    for q in questions:
        item: dict[str, object] = {"type": q.type.value, "prompt": q.prompt}
        if q.type in (QuestionType.CHOICE, QuestionType.TIMELINE):
            item["choices"] = list(q.choices)
        item["answer"] = q.answer
        if q.type is QuestionType.TIMELINE:
            item["order"] = list(q.correct)
        item["kind"] = q.kind
        item["card"] = {"deck": q.cards[0].deck_id, "id": q.cards[0].card_id} if q.cards else None
        if len(q.cards) > 1:
            item["cards"] = [{"deck": c.deck_id, "id": c.card_id} for c in q.cards]
        out.append(item)
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def _escape(text: str) -> str:
    """Card text as Markdown shows it literally (no emphasis, links or headings made)."""
    out = []
    for char in text:
        out.append("\\" + char if char in "\\`*_{}[]<>()#+-.!|~" else char)
    return "".join(out).replace("\n", "  \n")


def as_markdown(questions: Sequence[Question], title: str) -> str:
    """The questions first, then an answer key at the end."""
    lines = [f"# {_escape(title)}", ""]
    for n, q in enumerate(questions, 1):
        if q.type is QuestionType.TRUE_FALSE:
            lines.append(f"{n}. True or false? {_escape(q.prompt)}")
            lines += ["", "   ☐ True  ☐ False", ""]
        elif q.type is QuestionType.CHOICE:
            lines += [f"{n}. {_escape(q.prompt)}", ""]
            lines += [f"   {LETTERS[i]}) {_escape(c)}" for i, c in enumerate(q.choices)]
            lines.append("")
        elif q.type is QuestionType.TIMELINE:
            lines += [f"{n}. {_escape(q.prompt)}", ""]
            lines += [f"   {LETTERS[i]}) {_escape(c)}" for i, c in enumerate(q.choices)]
            lines += ["", "   Order: ____________", ""]
        else:
            lines += [f"{n}. {_escape(q.prompt)}", "", "   Answer: ______________________", ""]
    lines += ["---", "", "## Answer key", ""]
    for n, q in enumerate(questions, 1):
        if q.type is QuestionType.CHOICE:
            answer = f"{LETTERS[q.correct[0]]}) {_escape(q.answer)}"
        elif q.type is QuestionType.TIMELINE:
            answer = ", ".join(LETTERS[i] for i in q.correct) + f" ({_escape(q.answer)})"
        else:
            answer = _escape(q.answer)
        if q.explanation and q.type is QuestionType.TRUE_FALSE:
            answer += f" ({_escape(q.explanation)})"
        lines.append(f"{n}. {answer}")
    return "\n".join(lines) + "\n"
