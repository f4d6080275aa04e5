"""Typed answers: the question, and a lenient grader that explains itself.

The grader takes a reply as right when it is the answer or an accepted one
once case, accents, punctuation, spacing and a leading article are set aside;
when it is the same date in another common form (never a numeric day and
month that could be read both ways, and never a vaguer date than the one
asked); when it names the right person by an unambiguous surname, with
initials or a particle left out; when it has the same words in another order
or form (for descriptions, not for proper names); when it leaves out a
generic word (the Volga river, Schengen) or a trailing qualifier (President of
France, without "from 1959 to 1969"); or when it carries a small slip in a
long enough word. Numbers must always be exact. Each verdict says why, and
shows the reply against the expected answer.
"""

from __future__ import annotations

import difflib
import re

from trainer.core.quiz import lexicon
from trainer.core.quiz.dates import (
    DateReading,
    parse_card_when,
    read_date,
    render,
    same_span,
    when_text,
    within,
)
from trainer.core.quiz.facts import Fact, proper
from trainer.core.quiz.model import Question, QuestionType, Verdict
from trainer.core.quiz.people import is_name, match_name, surname_forms
from trainer.core.quiz.text import (
    content,
    distance,
    fold_char,
    norm,
    only_swaps_or_gaps,
    same_form,
    same_words,
    strip_parens,
    typo_of,
)
from trainer.core.when import When

_QUALIFIER = re.compile(
    r"(?:,\s*(?:who|which|where|when)\b.*|\s+(?:during|since|until)\s.*|\s+from\s+\d.*"
    r"|\s+between\s+\d.*|\s+of\s+the\s+\w+\s+(?:era|period|age)\b.*)$",
    re.IGNORECASE,
)
_SYNONYMS = {
    "agreement": "treaty",
    "accord": "treaty",
    "accords": "treaty",
    "pact": "treaty",
    "deal": "treaty",
    "human": "person",
    "man": "person",
    "peace": "treaty",
}


def typed_question(fact: Fact, surnames: frozenset[str] = frozenset()) -> Question:
    """A typed-answer question about ``fact``.

    Args:
        fact: The card's fact.
        surnames: For an answer that is a person's name, the surname forms that
            name no one else in the decks quizzed.
    """
    card = fact.card
    return Question(
        type=QuestionType.TYPED,
        prompt=fact.prompt,
        answer=fact.answer,
        cards=(fact.ref,),
        kind=card.kind.value,
        accept=fact.accept,
        when=when_text(fact.date) if fact.date is not None else "",
        surnames=surnames if fact.shape == "person" else frozenset(),
        explanation=card.note,
        source=card.source,
    )


# --- the grader ----------------------------------------------------------------


def _core(text: str) -> str:
    """``text`` without trailing qualifiers ('President of France from 1959 to 1969')."""
    bare = strip_parens(text)[0]
    cut = _QUALIFIER.sub("", bare).strip(" ,")
    return cut if cut != bare and len(content(cut)) >= 2 else ""


def _candidates(question: Question) -> list[tuple[str, str]]:
    """Every right answer as (text, how it came): the answer, its short forms,
    the accepted answers, and their essential parts."""
    out: list[tuple[str, str]] = [(question.answer, "answer")]
    bare, inner = strip_parens(question.answer)
    if bare and bare != question.answer:
        out.append((bare, "short"))
    for part in inner:
        if len(part.split()) == 1 and not part.isdigit():
            out.append((part, "short"))
    out.extend((a, "accepted") for a in question.accept)
    for text, _ in list(out):
        core = _core(text)
        if core:
            out.append((core, "core"))
    seen: set[str] = set()
    unique = []
    for text, how in out:
        key = norm(text)
        if key and key not in seen:
            seen.add(key)
            unique.append((text, how))
    return unique


def _synonyms(ws: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_SYNONYMS.get(w, w) for w in ws)


def _ordered_forms(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) > 0 and all(same_form(x, y) for x, y in zip(a, b, strict=True))


def _typos(reply: tuple[str, ...], expected: tuple[str, ...], long: bool) -> bool:
    """Whether the words differ by small slips only (numbers exact)."""
    if len(reply) != len(expected) or not reply:
        return False
    slips = 0
    for r, e in zip(reply, expected, strict=True):
        if r == e or same_form(r, e):
            continue
        if typo_of(r, e):
            slips += 1
            continue
        if long and len(e) >= 3 and not e.isdigit() and not r.isdigit() and _gap_or_swap(r, e):
            slips += 1
            continue
        return False
    return slips > 0


def _gap_or_swap(r: str, e: str) -> bool:
    return distance(r, e, 1) == 1 and only_swaps_or_gaps(r, e)


def _joined_typo(reply: str, expected: str) -> bool:
    """A slip that moves a space ('Canbera', 'Newyork')."""
    r, e = reply.replace(" ", ""), expected.replace(" ", "")
    return r != e and len(e) >= 5 and typo_of(r, e)


def _text_match(reply: str, candidate: str, strict_order: bool) -> str:
    """Why ``reply`` counts as ``candidate``, or ''."""
    rn, cn = norm(reply), norm(candidate)
    if not rn or not cn:
        return ""
    if rn == cn:
        return "same"
    rc, cc = _synonyms(content(reply)), _synonyms(content(candidate))
    if rc == cc and rc:
        return "same"
    if strict_order:
        if _ordered_forms(rc, cc):
            return "form"
    elif same_words(rc, cc):
        return "order"
    rg = tuple(w for w in rc if w not in lexicon.GENERIC_NOUNS)
    cg = tuple(w for w in cc if w not in lexicon.GENERIC_NOUNS)
    generic = bool(rg and cg and (rg != rc or cg != cc))
    if generic and _ordered_forms(rg, cg):
        return "generic"
    long = len(cn) >= 10
    if _typos(rc, cc, long) or _typos(tuple(rn.split()), tuple(cn.split()), long):
        return "typo"
    if generic and _typos(rg, cg, False):
        return "typo"
    if _joined_typo(rn, cn):
        return "typo"
    return ""


_TEXT_REASONS = {
    "same": "right",
    "order": "the same words in another order",
    "form": "the same words in another form",
    "generic": "the name is enough",
    "typo": "a small slip",
}


def _date_target(question: Question) -> When | None:
    target = parse_card_when(question.when)
    if target is not None:
        return target
    reading = read_date(question.answer)
    return reading.values[0] if reading and not reading.ambiguous else None


_ASKED = {"day": "the day", "month": "the month", "year": "the year", "decade": "the decade"}


def _date_verdict(target: When, accepted: list[When], reading: DateReading) -> tuple[bool, str]:
    def fits(r: When) -> str:
        if same_span(r, target):
            return "right"
        if any(same_span(r, a) for a in accepted):
            return "an accepted answer"
        if not target.is_range and not r.is_range and within(r, target):
            return f"{_ASKED.get(target.precision, 'the period')} is right"
        return ""

    verdicts = [fits(r) for r in reading.values]
    if reading.ambiguous:
        if all(verdicts):
            return True, verdicts[0]
        if any(verdicts):
            return False, "that day and month could be read both ways: write the month as a word"
        a, b = reading.values
        return False, f"neither {render(a)} nor {render(b)}"
    r = reading.values[0]
    if verdicts[0]:
        return True, verdicts[0]
    if target.is_range and not r.is_range and within(r, target):
        return False, f"the whole span is asked: {render(target)}"
    if within(target, r):
        return False, f"too vague: {_ASKED.get(target.precision, 'a narrower time')} is asked"
    return False, f"{render(r)}, not {render(target)}"


def _person_verdict(reply: str, question: Question, names: list[str]) -> tuple[bool, str] | None:
    surnames = {norm(s) for s in question.surnames}
    for name in names:
        how = match_name(reply, name)
        if how == "full":
            return True, "right" if norm(reply) == norm(
                name
            ) else "the same name, spelled a little differently"
        if how == "surname":
            forms = surname_forms(name)
            said = next((f for f in forms if f in surnames), "")
            if said:
                return True, "the surname is enough"
            return False, (
                "more than one person in these decks has that surname: give the first name too"
            )
        if how == "given":
            return False, "only the first name: give the surname"
    return None


def diff(reply: str, expected: str) -> tuple[tuple[str, str], ...]:
    """``reply`` against ``expected`` as (text, tag) pieces: 'same' (shown as
    the expected answer writes it), 'missing' (in the answer, not the reply),
    'extra' (in the reply, not the answer). Case and accents do not differ."""
    a = "".join(fold_char(c) for c in reply)
    b = "".join(fold_char(c) for c in expected)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < 0.5:
        pieces = [(reply, "extra"), (expected, "missing")]
        return tuple(p for p in pieces if p[0])
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append((expected[j1:j2], "same"))
            continue
        if i2 > i1:
            out.append((reply[i1:i2], "extra"))
        if j2 > j1:
            out.append((expected[j1:j2], "missing"))
    return tuple(out)


class Grader:
    """The grader for one question, prepared once and asked many times (the
    distractor rules ask it whether an option would also count as right)."""

    def __init__(self, question: Question) -> None:
        self.question = question
        self.candidates = _candidates(question)
        self.keys = {norm(text): how for text, how in reversed(self.candidates)}
        self.target = _date_target(question)
        self.accepted_dates: list[When] = []
        for a in question.accept:
            got = read_date(a)
            if got and not got.ambiguous:
                self.accepted_dates.append(got.values[0])
        self.names = [
            t
            for t, how in self.candidates
            if question.kind == "person" and how in ("answer", "accepted") and is_name(t)
        ]
        self.strict = question.kind != "person"

    def judge(self, reply: str) -> tuple[bool, str]:
        """Whether ``reply`` counts as right, and why."""
        key = norm(reply)
        if not key:
            return False, "no answer"
        how = self.keys.get(key)
        if how is not None:
            if how == "answer" and reply.strip() == self.question.answer.strip():
                return True, "right"
            if how == "accepted":
                return True, "an accepted answer"
            if how in ("short", "core"):
                return True, "the essential part"
            return True, "right, apart from case, accents or punctuation"
        if self.target is not None:
            reading = read_date(reply)
            if reading is not None:
                return _date_verdict(self.target, self.accepted_dates, reading)
        if self.names:
            got = _person_verdict(reply, self.question, self.names)
            if got is not None:
                return got
        for text, how in self.candidates:
            why = _text_match(reply, text, self.strict and proper(text))
            if why:
                reason = _TEXT_REASONS[why]
                if how in ("short", "core") and why == "same":
                    reason = "the essential part"
                elif how == "accepted" and why == "same":
                    reason = "an accepted answer"
                return True, reason
        return False, _why_wrong(reply, self.candidates, self.target)


def grade(question: Question, reply: str) -> Verdict:
    """Judge a typed ``reply`` to ``question``, with the difference shown."""
    expected = question.answer
    if not reply.strip():
        return Verdict(False, reply, expected, "no answer", ((expected, "missing"),))
    correct, reason = Grader(question).judge(reply)
    return Verdict(correct, reply, expected, reason, diff(reply.strip(), expected))


def _why_wrong(reply: str, candidates: list[tuple[str, str]], target: When | None) -> str:
    rc = set(content(reply))
    if target is not None and any(c.isdigit() for c in reply):
        return "not a date in a form the grader reads"
    for text, _ in candidates:
        cc = set(content(text))
        if rc and cc and rc < cc:
            return "part of the answer is missing"
        if rc and cc and cc < rc:
            extra = " ".join(w for w in content(reply) if w not in cc)
            return f"'{extra}' is not part of the answer"
    return "not the answer"
