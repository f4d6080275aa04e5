"""What sort of thing an answer names, finer than its shape.

A shape (``facts.SHAPES``) says an answer is a place, a body or a person; a
multiple-choice question also needs to know *which* sort of place (a river
among rivers, never a sea for a strait or a mountain for a city), which sort of
body (a treaty among treaties, a programme among programmes) and, for people,
which kind of role (composers among composers, rulers among rulers: "composed",
"composer" and "wrote the symphony" are one role, "president" and "prime
minister" another).

A place's or a body's *sort* comes from the noun its question asks for ("Which
*strait* ...?"), from a noun of the answer itself ("Lake Baikal", "the Black
Sea", "the Marshall Plan"), from a cloze's hint or the noun its sentence puts
beside the gap ("the {{Paraná}} and Uruguay *rivers*", "than any other
*river*"), and for a description ("Capital of Kazakhstan") from its head noun.
A person's *roles* are groups of role words (``lexicon.ROLE_GROUPS``) read from
the question (or from the description, for a role): the asked noun or the
description's head ("Pope who had Michelangelo paint ...") first, then the
whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from trainer.core import cloze
from trainer.core.quiz import lexicon
from trainer.core.quiz.text import fold, norm, strip_parens

_WORD = re.compile(r"[A-Za-zÀ-ÿ'’-]+")
_HEAD_END = re.compile(r"\s+(?:who|whose|which|that|where|of|in|at|from|for|to|during)\s+|,")


def _role_pattern() -> re.Pattern[str]:
    """One pattern for every role group, a named alternative each: a stem starts
    a word, an exact word is whole (or plural)."""
    parts = []
    for group, spec in lexicon.ROLE_GROUPS.items():
        items = spec.split()
        stems = "|".join(re.escape(w[:-1]) for w in items if w.endswith("*"))
        exact = "|".join(re.escape(w) for w in items if not w.endswith("*"))
        either = [f"(?:{stems})" if stems else "", f"(?:{exact})s?(?![\\w-])" if exact else ""]
        parts.append(f"(?P<{group}>" + "|".join(e for e in either if e) + ")")
    return re.compile("(?<![\\w-])(?:" + "|".join(parts) + ")")


_ROLES_RE = _role_pattern()
_WEAK_RE = re.compile(
    "(?<![\\w-])(" + "|".join(re.escape(w) for w in lexicon.ROLE_WEAK) + ")(?![\\w-])"
)


def singular(noun: str) -> str:
    """A noun in the singular, roughly ('islands' -> 'island', 'cities' -> 'city')."""
    if noun in lexicon.PLACE_SORTS or noun in lexicon.ORG_SORTS:
        return noun
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


def place_noun(noun: str) -> str:
    """The place sort a noun names ('capital' -> 'city'), or ''."""
    noun = fold(noun)
    return lexicon.PLACE_SORTS.get(noun) or lexicon.PLACE_SORTS.get(singular(noun), "")


def org_noun(noun: str) -> str:
    """The sort of body a noun names ('pact' -> 'treaty'), or ''."""
    noun = fold(noun)
    return lexicon.ORG_SORTS.get(noun) or lexicon.ORG_SORTS.get(singular(noun), "")


def _name_words(answer: str) -> list[str]:
    bare = strip_parens(answer)[0]
    words = _WORD.findall(bare)
    if words and fold(words[0]) in ("the", "a", "an"):
        words = words[1:]
    return words


def place_of_answer(answer: str) -> str:
    """The sort a place's own name gives it: its first or last word ('Lake
    Baikal', 'the Black Sea', 'Strait of Gibraltar', 'Angel Falls'), or ''."""
    words = _name_words(answer)
    if not words:
        return ""
    for word in (words[0], words[-1]):
        if word[:1].isupper() and len(words) > 1:
            got = place_noun(word)
            if got:
                return got
    return ""


def org_of_answer(answer: str) -> str:
    """The sort a body's name gives it, from its head noun (the last word
    before 'of': 'North Atlantic Treaty *Organization*', '*Treaty* of Rome')."""
    bare = strip_parens(answer)[0]
    head = re.split(r"\s+(?:of|for|on|between)\s+", bare, maxsplit=1)[0]
    words = _name_words(head)
    for word in reversed(words):
        got = org_noun(word)
        if got:
            return got
    return ""


def description_sort(description: str) -> str:
    """What a description says a thing is ('Capital of Kazakhstan' -> 'city',
    'Archipelago at ...' -> 'island'): its head noun's sort, or the head noun."""
    words = [fold(w) for w in _name_words(_HEAD_END.split(description, maxsplit=1)[0])]
    for word in words[:3]:
        got = place_noun(word) or org_noun(word)
        if got:
            return got
    return singular(words[-1]) if words else ""


def _near_gap(text: str, number: int, noun: Callable[[str], str]) -> str:
    """The sort a cloze's sentence gives gap ``number`` by a noun beside it:
    right before it ('Lake {{...}}'), within three words after it ('{{...}}
    and Uruguay rivers', '{{SALT I}} agreements'), or after 'other' ('than
    any other river'); ``noun`` reads a noun's sort."""
    gaps = cloze.scan(text)[0]
    gap = next((g for g in gaps if g.number == number), None)
    if gap is None:
        return ""
    before = _WORD.findall(text[: gap.start])
    after_text = re.sub(r"\{\{c\d+::([^:}]*)(?:::[^}]*)?\}\}", r"\1", text[gap.end :])
    after = _WORD.findall(after_text.split(".")[0].split(";")[0])
    if before:
        got = noun(before[-1])
        if got:
            return got
    for word in after[:3]:
        got = noun(word)
        if got and word.islower():
            return got
    low = [fold(w) for w in _WORD.findall(text)]
    for i, word in enumerate(low[:-1]):
        if word == "other":
            got = noun(low[i + 1])
            if got:
                return got
    return ""


def _hint(hint: str, noun: Callable[[str], str]) -> str:
    """The sort a cloze gap's hint names ('a city', 'an island group')."""
    for word in fold(hint).split():
        got = noun(word)
        if got:
            return got
    return ""


def _prompt_noun(prompt: str) -> str:
    """The first lower-case place noun of a question ('... of Japan's islands?')."""
    for word in _WORD.findall(prompt):
        if word.islower():
            got = place_noun(word)
            if got:
                return got
    return ""


def sort_of(
    shape: str,
    answer: str,
    focus: str,
    prompt: str,
    cloze_text: str = "",
    ordinal: int = 1,
    hint: str = "",
) -> str:
    """The sort of a place, a body or a description (see the module's notes),
    or '' when nothing says it."""
    if shape == "description":
        return description_sort(answer)
    if shape == "country":
        return "country"
    if shape in ("organisation", "name"):
        if cloze_text:
            got = _hint(hint, org_noun) or _near_gap(cloze_text, ordinal, org_noun)
            if got:
                return got
        return org_noun(focus) or org_of_answer(answer)
    if shape != "place":
        return ""
    if cloze_text:
        got = (
            _hint(hint, place_noun)
            or place_of_answer(answer)
            or _near_gap(cloze_text, ordinal, place_noun)
        )
        return got  # or '': 'born in {{Salzburg}}' could be a city or a country
    return place_noun(focus) or place_of_answer(answer) or _prompt_noun(prompt)


# --- roles -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Roles:
    """The kinds of role a person's question or description names.

    Attributes:
        main: From the asked noun or the description's head, when they name
            one; else the same as ``every``.
        every: From the whole text.
        weak: Whether only words that name a role weakly ('wrote', 'led')
            said so.
    """

    main: frozenset[str]
    every: frozenset[str]
    weak: bool = False

    def __bool__(self) -> bool:
        return bool(self.every)


NO_ROLES = Roles(frozenset(), frozenset())


def _groups(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The role groups of ``text``'s words: (strong, weak)."""
    low = fold(text)
    strong = frozenset(m.lastgroup for m in _ROLES_RE.finditer(low) if m.lastgroup)
    weak = frozenset(lexicon.ROLE_WEAK[m] for m in _WEAK_RE.findall(low))
    return strong, weak


@lru_cache(maxsize=8192)
def roles_of(text: str, head: str = "") -> Roles:
    """The role groups of a question or description; ``head`` is its asked noun
    or the description's head, which decides first."""
    strong, weak = _groups(text)
    every = strong or weak
    if head:
        h_strong, h_weak = _groups(head)
        main = h_strong or (every if strong else h_weak) or every
    else:
        main = every
    return Roles(main, every | main, weak=not strong and not (head and _groups(head)[0]))


def description_head(description: str) -> str:
    """A description up to its first 'who', 'of', comma ...: 'Pope who had
    Michelangelo paint ...' -> 'Pope'."""
    return _HEAD_END.split(description, maxsplit=1)[0]


def _families(groups: frozenset[str]) -> set[str]:
    return {lexicon.ROLE_FAMILIES.get(g, g) for g in groups}


def role_tier(fact: Roles, other: Roles) -> int | None:
    """How comparable two people's roles are: 0 the same kind (composer and
    composer), 1 the same family (composer and painter), 2 related only
    through a side role, 3 unknown on one side; None when they belong to
    different families altogether (a composer and a president)."""
    if not fact.every or not other.every:
        return 3
    if fact.main & other.main:
        return 0
    if _families(fact.main) & _families(other.main):
        return 1
    if fact.every & other.every or _families(fact.every) & _families(other.every):
        return 2
    return None


def sort_tier(
    fact: str, other: str, related: Mapping[str, tuple[str, ...]], loose: bool
) -> int | None:
    """How well two sorts go together: 0 the same (both unknown counts), 1
    close ('mountain' and 'range'), 2 unknown on one side, allowed only when
    ``loose`` (bodies: an organisation whose sort is unknown is still an
    organisation; a place of unknown sort may be anything); None when they
    differ."""
    if fact == other:
        return 0
    if fact and other:
        return 1 if other in related.get(fact, ()) else None
    return 2 if loose else None


def roles_for(shape: str, prompt: str, answer: str, focus: str) -> Roles:
    """A person's roles, from the question that asks for them, or a role's,
    from the description itself."""
    if shape == "person":
        return roles_of(prompt, focus if focus not in ("who", "when", "where") else "")
    if shape == "role":
        return roles_of(answer, description_head(answer))
    return NO_ROLES


def name_key(text: str) -> str:
    """A place's name without its article and sort nouns ('the Amazon River'
    -> 'amazon'), to recognise it when another card names it."""
    words = norm(text).split()
    bare = [w for w in words if w not in lexicon.PLACE_SORTS]
    return " ".join(bare or words)
