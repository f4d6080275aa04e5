"""A card as a quiz sees it: the question, the answer, and what kind of thing
the answer is.

A card's ``kind`` says what the card is about, not what its answer is: a
treaty card may ask for a year, a country or a city. The answer's *shape*
(date, person, role, country, organisation, place, description, number, name,
text) is read from the answer itself, the card's kind and the asked noun ("In
which *city* ...?"), and decides which other answers may stand beside it as
distractors; its *sort* (``sorts``: a river, a sea, a treaty ...) narrows
that down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.core import cloze
from trainer.core.model import CardKind, CardType, StoredCard
from trainer.core.quiz import lexicon, sorts
from trainer.core.quiz.dates import parse_card_when, read_date
from trainer.core.quiz.model import CardRef
from trainer.core.quiz.people import is_country, is_name
from trainer.core.quiz.text import capitalised, content, fold, is_acronym, strip_parens
from trainer.core.when import When

SHAPES = (
    "date",
    "number",
    "country",
    "person",
    "role",
    "organisation",
    "description",
    "place",
    "name",
    "text",
)

_NUMBER = re.compile(
    r"(?:about |around |some |over |nearly |almost |roughly |more than |fewer than |less than )?"
    r"[\d][\d.,]*(?: ?%| [a-z]+){0,2}"
)
_WHICH = re.compile(
    r"\b(?:which|what)\s+((?:[\w'’-]+\s+){0,5}?)(?=(?:did|was|were|is|are|has|have|had|does|do|of|in|on|at|for|to|from|with|by|that|whose|who)\b|[?,])",
    re.IGNORECASE,
)
_ADJECTIVES = frozenset(
    {"other", "two", "three", "first", "last", "military", "economic", "political", "foreign"}
)
_WHICH_REST = re.compile(r"\b(?:which|what)\s+(.+)$", re.IGNORECASE)
_ASKS_ABOUT = re.compile(r"^(?:what|who)\s+(?:is|was|are|were)\s+(.+?)\s*\?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fact:
    """What one card asks, ready for any question type.

    Attributes:
        card: The card.
        prompt: The question as shown (a cloze card's text with its gap).
        answer: The right answer as the deck writes it.
        accept: Other right answers.
        date: The answer as a span, when the answer is a date.
        shape: What kind of thing the answer is (one of ``SHAPES``).
        focus: The asked noun in the singular ("city", "year"), "who", "when", or "".
        cloze_text: For a cloze card, its whole text (the gap is ``card.ordinal``).
        sort: For a place, a body or a description, what sort of one ("river",
            "treaty", "city"), or "" when nothing says (``sorts.sort_of``).
    """

    card: StoredCard
    prompt: str
    answer: str
    accept: tuple[str, ...]
    date: When | None
    shape: str
    focus: str
    cloze_text: str = ""
    sort: str = ""

    @property
    def ref(self) -> CardRef:
        """The card as a question names it."""
        return CardRef(self.card.deck_id, self.card.id)

    @property
    def entry(self) -> tuple[str, str]:
        """The deck entry the card comes from (siblings share it)."""
        return self.card.deck_id, self.card.entry or self.card.id


def focus_of(prompt: str) -> str:
    """The noun a question asks for, in the singular, or 'who' / 'when' / 'where'."""
    low = prompt.strip().lower()
    first = low.split(" ", 1)[0]
    if first in ("who", "whom", "whose"):
        return "who"
    if first in ("when", "where"):
        return first
    if low.startswith(("how many", "how much", "how long")):
        return "number"
    m = _WHICH.search(prompt)
    noun = ""
    if m:
        candidates = [
            w
            for w in m.group(1).split()
            if w.islower() and w.isalpha() and w not in _ADJECTIVES and not _is_verb_form(w)
        ]
        if candidates:
            noun = candidates[-1]
    elif tail := _WHICH_REST.search(prompt):
        # 'Which Amsterdam museum holds ...?': the noun before the first verb
        for word in tail.group(1).split():
            bare = word.strip(",.?;:!")
            if bare.islower() and _is_verb_form(bare):
                break
            if bare.islower() and bare.isalpha() and bare not in _ADJECTIVES:
                noun = bare
    if not noun and re.match(r"(?:what|which) (?:is|was|are|were) ", low):
        rest = re.sub(r"^(?:what|which) (?:is|was|are|were) (?:the |a |an )?", "", low)
        rest = re.sub(r"^name of (?:the |a |an )?", "", rest)
        head = re.split(r"\b(?:of|in|on|at|for|to|with|by|called|that|who)\b|[?,]", rest)[0].split()
        # the head noun ends before a participle: 'the dog carried into orbit'
        for i, w in enumerate(head):
            if i and (w.endswith(("ed", "ing")) or _is_verb_form(w)):
                head = head[:i]
                break
        noun = head[-1] if head else ""
    if noun.endswith("ies") and len(noun) > 4:
        noun = noun[:-3] + "y"
    elif noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        noun = noun[:-1]
    return noun


_IRREGULAR_FORMS = frozenset(f for forms in lexicon.IRREGULAR.values() for f in forms)


def _is_verb_form(word: str) -> bool:
    if word in lexicon.IRREGULAR or word in lexicon.REGULAR_VERBS or word in _IRREGULAR_FORMS:
        return True
    if word.endswith("ed") and (
        word[:-2] in lexicon.REGULAR_VERBS or word[:-1] in lexicon.REGULAR_VERBS
    ):
        return True
    return word.endswith("s") and (
        word[:-1] in lexicon.REGULAR_VERBS
        or word[:-1] in lexicon.IRREGULAR
        or word[:-2] in lexicon.REGULAR_VERBS
    )


def proper(text: str) -> bool:
    """Whether ``text`` is a proper name: its significant words are capitalised."""
    bare = strip_parens(text)[0]
    parts = [p for p in re.split(r"[\s,]+", bare) if p]
    if parts and parts[0] in ("The", "A", "An", "the", "a", "an"):
        parts = parts[1:]
    significant = [p for p in parts if fold(p) not in lexicon.STOPWORDS]
    if not significant:
        return False
    return all(capitalised(p) for p in significant)


def describes(prompt: str, answer: str) -> bool:
    """Whether ``answer`` says what the name ``prompt`` asks about is ('What is
    Astana?' / 'Capital of Kazakhstan', or a bare 'Astana' on the front)."""
    p = prompt.strip()
    m = _ASKS_ABOUT.match(p)
    subject = m.group(1) if m else ("" if p.endswith("?") else p)
    named = [w for w in subject.split() if fold(w) not in lexicon.NAME_PARTICLES]
    if not named or not proper(" ".join(named)):  # 'Tierra del Fuego' is a name too
        return False
    if not proper(answer):
        return True
    words = strip_parens(answer)[0].split()
    if fold(words[0]) in ("the", "a", "an"):
        words = words[1:]
    # 'Capital of Kazakhstan', never 'Lake Victoria'
    return (
        bool(words)
        and bool(sorts.place_noun(words[0]) or sorts.org_noun(words[0]))
        and (len(words) == 1 or words[1].islower())
    )


def shape_of(
    answer: str,
    kind: CardKind,
    focus: str,
    date: When | None,
    is_cloze: bool,
    prompt: str = "",
) -> str:
    """What kind of thing ``answer`` is (one of ``SHAPES``); ``prompt`` (the
    question) tells a description from a name."""
    if date is not None:
        return "date"
    folded = fold(answer).strip(" .")
    if _NUMBER.fullmatch(folded):
        return "number"
    if is_country(answer):
        return "country"
    if (kind is CardKind.PERSON or focus == "who") and is_name(answer):
        return "person"
    if kind is CardKind.PERSON and focus == "who" and len(answer.split()) == 1 and proper(answer):
        return "person"
    if (kind is CardKind.PERSON and not is_cloze) or (focus == "who" and not proper(answer)):
        return "role"
    bare, inner = strip_parens(answer)
    if is_acronym(bare) or any(is_acronym(i) for i in inner):
        return "organisation"
    if proper(answer) and any(w in lexicon.ORG_WORDS for w in content(bare)):
        return "organisation"
    if proper(answer) and sorts.org_noun(focus) and kind is not CardKind.PLACE:
        return "organisation"  # 'What was the economic organisation ... called?' Comecon
    if prompt and not is_cloze and describes(prompt, answer):
        return "description"
    if (kind is CardKind.PLACE or focus in lexicon.PLACE_NOUNS or focus == "where") and proper(
        answer
    ):
        return "place"
    if proper(answer):
        return "name"
    return "text"


def hint_focus(hint: str) -> str:
    """The noun a cloze gap's hint names ('a city' -> 'city'), or ''."""
    words = [w for w in hint.lower().split() if w.isalpha() and w not in ("a", "an", "the")]
    if len(words) != 1:
        return ""
    noun = words[0]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3 else noun


def _gap_prompt(text: str, gaps: list[cloze.Gap], number: int) -> str:
    """A cloze card's question from gaps already scanned: gap ``number`` shown as [...] or [hint]."""
    out: list[str] = []
    pos = 0
    for gap in gaps:
        out.append(text[pos : gap.start])
        out.append(f"[{gap.hint or '...'}]" if gap.number == number else gap.answer)
        pos = gap.end
    out.append(text[pos:])
    return "".join(out)


def cloze_fill(text: str, number: int, value: str) -> str:
    """A cloze card's text with gap ``number`` filled by ``value``."""
    return "".join(
        value if marked else part for part, marked in cloze.segments(text, number, reveal=True)
    )


def fact_of(card: StoredCard) -> Fact | None:
    """What ``card`` asks, or None when it cannot make a question (an empty
    answer, or a cloze number whose gaps hide different texts)."""
    if card.type is CardType.CLOZE:
        gaps = cloze.scan(card.front)[0]
        answers = {g.answer.strip() for g in gaps if g.number == card.ordinal}
        if len(answers) != 1:
            return None
        prompt = _gap_prompt(card.front, gaps, card.ordinal)
        answer = answers.pop()
        hint = next((g.hint for g in gaps if g.number == card.ordinal and g.hint), "")
        # An entry's 'accept' cannot say which gap it is for: only a lone gap uses it.
        accept = card.accept if len({g.number for g in gaps}) == 1 else ()
        text = card.front
    else:
        prompt, answer, accept, text = card.front.strip(), card.back.strip(), card.accept, ""
        hint = ""
    if not prompt or not answer:
        return None
    reading = read_date(answer)
    date = reading.values[0] if reading and not reading.ambiguous else None
    if date is None and card.kind is CardKind.DATE and not text:
        date = parse_card_when(card.when) if _asks_time(prompt) else None
    focus = "" if date is not None else hint_focus(hint) if text else focus_of(prompt)
    shape = shape_of(answer, card.kind, focus, date, bool(text), prompt)
    if shape == "description":
        focus = ""  # 'What is Astana?' asks for no noun
    sort = sorts.sort_of(shape, answer, focus, prompt, text, card.ordinal, hint)
    return Fact(
        card,
        prompt,
        answer,
        tuple(a for a in accept if a.strip()),
        date,
        shape,
        focus,
        text,
        sort,
    )


def _asks_time(prompt: str) -> bool:
    low = prompt.lower()
    return low.startswith("when") or any(
        f"which {n}" in low or f"what {n}" in low for n in lexicon.TIME_NOUNS
    )
