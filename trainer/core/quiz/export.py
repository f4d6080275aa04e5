"""Questions written out: JSON for programs, Markdown to print or hand round."""

from __future__ import annotations

import json
import re
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


_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def _escape(text: str) -> str:
    """Card text as Markdown shows it literally (no emphasis, links or headings made).

    Only what could start markup is escaped, so the file still reads well as
    plain text: emphasis, code, links, HTML, tables and entities anywhere, and a
    heading, quote, list or rule where a line of the text starts.
    """

    def at_start(m: re.Match[str]) -> str:
        mark = m[2]
        return m[1] + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return "  \n".join(
        _LINE_START.sub(at_start, _MARKUP.sub(r"\\\1", line)) for line in text.split("\n")
    )


def as_markdown(questions: Sequence[Question], title: str, minutes: float | None = None) -> str:
    """The questions first, then an answer key at the end; a time limit under the title."""
    lines = [f"# {_escape(title)}", ""]
    if minutes is not None:
        count = f"{len(questions)} question{'s' if len(questions) != 1 else ''}"
        lines += [f"{count}, {minutes:g} minute{'s' if minutes != 1 else ''} allowed.", ""]
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
