"""Cloze text: gaps written as ``{{c1::answer}}`` or ``{{c1::answer::hint}}``.

One scanner reads the gaps for validation, for the study screen and for
quizzes. It walks the text once with ``str.find``, so it takes linear time on
any input, broken ones included (a backtracking pattern took minutes on a few
kilobytes of unclosed gaps).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_GAPS = 100
"""The most gap numbers one cloze entry may use (each becomes a card)."""
MAX_PROBLEMS = 10
"""Scanning stops after this many problems: more would only repeat them."""

Segments = list[tuple[str, bool]]


@dataclass(frozen=True, slots=True)
class Gap:
    """One well-formed gap: where it stands in the text, its number, answer and hint."""

    start: int
    end: int
    number: int
    answer: str
    hint: str


@dataclass(frozen=True, slots=True)
class ClozeProblem:
    """Something wrong in cloze text, at ``index`` (0-based, in the text)."""

    index: int
    message: str
    hint: str


def scan(text: str) -> tuple[list[Gap], list[ClozeProblem]]:
    """Every well-formed gap in ``text`` and its problems (the first ten), in text order."""
    gaps: list[Gap] = []
    problems: list[ClozeProblem] = []
    write = "write a gap as {{c1::answer}} or {{c1::answer::hint}}"
    pos = 0
    n = len(text)
    while pos < n and len(problems) < MAX_PROBLEMS:
        opening = text.find("{{", pos)
        closing = text.find("}}", pos)
        if closing != -1 and (opening == -1 or closing < opening):
            problems.append(ClozeProblem(closing, "'}}' closes no gap", write))
            pos = closing + 2
            continue
        if opening == -1:
            break
        head = opening + 2
        digits = head + 1
        while digits < n and text[digits].isdigit():
            digits += 1
        if not (text.startswith("c", head) and digits > head + 1 and text.startswith("::", digits)):
            problems.append(
                ClozeProblem(opening, "'{{' does not start a gap like {{c1::...}}", write)
            )
            end = text.find("}}", head)
            nested = text.find("{{", head)
            pos = end + 2 if end != -1 and (nested == -1 or end < nested) else head
            continue
        body = digits + 2
        end = text.find("}}", body)
        nested = text.find("{{", body)
        if end == -1 or (nested != -1 and nested < end):
            problems.append(ClozeProblem(opening, "this gap is never closed", "end it with '}}'"))
            pos = body if end == -1 else nested
            continue
        number = int(text[head + 1 : digits])
        answer, _, hint = text[body:end].partition("::")
        if number == 0:
            problems.append(
                ClozeProblem(
                    opening, "gap numbers start at c1, not c0", "renumber the gaps from c1"
                )
            )
        elif not answer.strip():
            problems.append(
                ClozeProblem(
                    opening, f"gap c{number} has an empty answer", "put the hidden text after '::'"
                )
            )
        else:
            gaps.append(Gap(opening, end + 2, number, answer, hint))
        pos = end + 2
    return gaps, problems


def numbers(text: str) -> list[int]:
    """The distinct gap numbers in ``text``, ascending (one card each)."""
    return sorted({gap.number for gap in scan(text)[0]})


def segments(text: str, number: int, reveal: bool) -> Segments:
    """Split cloze text into ``(text, highlighted)`` segments for card ``number``.

    Gaps with another number show their answer plainly. The asked gap shows
    ``[...]`` (or ``[hint]``) on the question side and its answer, highlighted,
    on the answer side.
    """
    out: Segments = []
    pos = 0
    for gap in scan(text)[0]:
        if gap.start > pos:
            out.append((text[pos : gap.start], False))
        if gap.number == number:
            out.append((gap.answer, True) if reveal else (f"[{gap.hint or '...'}]", True))
        else:
            out.append((gap.answer, False))
        pos = gap.end
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def answers(text: str, number: int) -> list[str]:
    """The answers of gap ``number``, in text order (a gap may appear more than once)."""
    return [gap.answer for gap in scan(text)[0] if gap.number == number]
