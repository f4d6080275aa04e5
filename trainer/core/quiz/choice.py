"""Multiple choice: the right answer among three distractors of its own shape.

Distractors come from the answers of the other cards (``Material``): a date
among dates of the same precision and form near it (a year among years, a
day among days, the early 19th century among thirds of centuries), a person
among people whose questions read alike (comparable roles), a country among
countries, an organisation among organisations, and so on. Where the decks
run short, dates and numbers are made by moving the right one, countries come
from a built-in list, and a phrase that names a country or a year gets
another one in its place; if three cannot be found the card is not asked as
a choice question.

Every option is checked: never empty, never the answer twice, never two that
mean the same (by the typed grader's own rules, both ways), never one the
grader would accept for the question (its accepted answers and its date).
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable

from trainer.core.quiz import lexicon, sorts
from trainer.core.quiz.dates import read_date, render, same_span, shift, when_text, within
from trainer.core.quiz.facts import Fact
from trainer.core.quiz.material import Candidate, Material, context_of
from trainer.core.quiz.model import Question, QuestionType
from trainer.core.quiz.people import is_name, match_name
from trainer.core.quiz.text import acronym, content, is_acronym, norm, same_form, strip_parens
from trainer.core.quiz.typed import Grader, typed_question
from trainer.core.when import When

Option = tuple[str, When | None]
"""An option's text, and its span when it is a date."""

_RELATED = {"organisation": ("name",), "name": ("organisation",)}
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_FALLBACK_COUNTRIES = tuple(
    sorted(
        " ".join(w.capitalize() for w in c.split())
        for c in lexicon.COUNTRIES
        if (not c.startswith("the ") and " " not in c)
        or c in ("united states", "united kingdom", "soviet union")
    )
)


def answer_text(fact: Fact) -> str:
    """The right answer as an option shows it (a date as ``render`` writes it)."""
    return render(fact.date) if fact.date is not None else fact.answer


def usable(text: str) -> bool:
    """Whether ``text`` can be shown as an option: not empty, not a placeholder."""
    bare = text.strip()
    return (
        bool(bare)
        and any(c.isalnum() for c in bare)
        and norm(bare) not in ("tbd", "todo", "n a", "none", "xxx")
    )


class Judge:
    """Answers "is this option also right?" and "do these two mean the same?"
    for one question, with graders built once."""

    def __init__(self, fact: Fact) -> None:
        self.fact = fact
        self.person = fact.shape == "person"
        self.grader = Grader(typed_question(fact))
        self._graders: dict[str, Grader] = {}

    def also_right(self, text: str) -> bool:
        if self.grader.judge(text)[0]:
            return True
        # a role the person held, said without "former": 'President of Azerbaijan'
        # for 'Former President of Azerbaijan, father of Ilham Aliyev'
        return self.fact.shape == "role" and norm(_unqualified(text)) in self._held

    @functools.cached_property
    def _held(self) -> frozenset[str]:
        forms = [self.fact.answer, *self.fact.accept]
        parts = (p for f in forms for p in re.split(r"[,;]|\band\b", f))
        return frozenset(n for n in (norm(_unqualified(p)) for p in parts) if n)

    def _grader(self, text: str) -> Grader:
        got = self._graders.get(text)
        if got is None:
            kind = "person" if self.person else self.fact.card.kind.value
            got = Grader(Question(QuestionType.TYPED, "", text, kind=kind))
            self._graders[text] = got
        return got

    def same(self, a: str, b: str) -> bool:
        """Whether options ``a`` and ``b`` could mean the same thing."""
        na, nb = norm(a), norm(b)
        if na == nb:
            return True
        names = ("full", "surname")
        if (self.person or is_name(a) or is_name(b)) and (
            match_name(a, b) in names or match_name(b, a) in names
        ):
            return True
        if _acronym_of(a, b) or _acronym_of(b, a):
            return True
        ca, cb = content(a), content(b)
        shares = any(same_form(x, y) for x in ca for y in cb)
        # a typo may fall on the first letter too ('Prussia' / 'Russia')
        close = abs(len(na) - len(nb)) <= 3 and (na[:1] == nb[:1] or na[-3:] == nb[-3:])
        if not (shares or close):
            return False
        return self._grader(a).judge(b)[0] or self._grader(b).judge(a)[0]


_QUALIFIED = re.compile(
    r"^\s*(?:the\s+)?(?:former|ex-|onetime|one-time|then|late)\s*", re.IGNORECASE
)


def _unqualified(role: str) -> str:
    """A role without 'former', 'then' or 'the late' before it."""
    return _QUALIFIED.sub("", role.strip())


def _acronym_of(short: str, long: str) -> bool:
    bare, inner = strip_parens(long)
    forms = [short, *strip_parens(short)[1]]
    for f in forms:
        if is_acronym(f) and (
            acronym(bare) == norm(f).replace(" ", "") or norm(f) in map(norm, inner)
        ):
            return True
    return False


# --- dates -------------------------------------------------------------------------


def _window(w: When) -> int:
    if w.precision == "day":
        return 20
    if w.precision == "month":
        return 9
    if w.precision == "decade":
        return 5
    if w.precision == "century":
        return 4
    return 9 if w.first[0] >= 1500 else 20


def _bounds(w: When, window: int) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    lo, hi = shift(w, -window), shift(w, window)
    first = lo.first if lo is not None else (1, 1, 1)
    last = hi.first if hi is not None else (9999, 12, 31)
    return first, last


def date_options(
    fact: Fact, material: Material, rng: random.Random, n: int, judge: Judge
) -> list[Option]:
    """``n`` dates near the right one, of its precision and form: real dates of
    the decks first, then the right one moved by whole units; the right one
    falls anywhere among them in time order."""
    target = fact.date
    assert target is not None
    accepted = [r.values[0] for a in fact.accept if (r := read_date(a)) and not r.ambiguous]
    window = _window(target)
    chosen: list[When] = []

    def fits(w: When) -> bool:
        if same_span(w, target) or any(same_span(w, c) for c in chosen):
            return False
        if not target.is_range and (within(w, target) or within(target, w)):
            return False
        if any(same_span(w, a) for a in accepted):
            return False
        if material.today is not None and w.first > material.today:
            return False  # 'in 2029' of a past event gives itself away
        return not judge.also_right(render(w))

    lo, hi = _bounds(target, window)
    real = [c.date for c in material.dates_near(target, lo, hi) if c.date is not None]
    below = [w for w in real if w.first < target.first]
    above = [w for w in real if w.first > target.first]
    want_below = rng.randint(0, n)
    for side, want, sign in ((below, want_below, -1), (above, n - want_below, 1)):
        rng.shuffle(side)
        got = 0
        for w in side:
            if got >= want:
                break
            if fits(w):
                chosen.append(w)
                got += 1
        offsets = rng.sample(range(1, window + 1), window)
        for k in offsets:
            if got >= want:
                break
            moved = shift(target, sign * k)
            if moved is not None and fits(moved):
                chosen.append(moved)
                got += 1
    # one side ran out (the start of the calendar): the other side makes up
    for k in range(1, 4 * window):
        if len(chosen) >= n:
            break
        for sign in (1, -1):
            moved = shift(target, sign * k)
            if len(chosen) < n and moved is not None and fits(moved):
                chosen.append(moved)
    return [(render(w), w) for w in chosen[:n]]


# --- other shapes ------------------------------------------------------------------


def _score(fact: Fact, cand: Candidate, context: frozenset[str], rng: random.Random) -> float:
    score = 0.0
    if _noun(fact.focus) and cand.focus == fact.focus:
        score += 3
    elif _noun(fact.focus) and _noun(cand.focus):
        score -= 2
    if cand.kind is fact.card.kind:
        score += 2
    if cand.deck_id == fact.card.deck_id:
        score += 4  # the deck's own world first: other decks' answers can be far off
    union = context | cand.context
    if union:
        similar = len(context & cand.context) / len(union)
        score += similar * (6 if fact.shape in ("person", "role") else 3)
    score -= 0.2 * abs(len(cand.text.split()) - len(fact.answer.split()))
    if fact.answer.startswith("The ") != cand.text.startswith("The "):
        score -= 0.5
    return score + rng.random()


class Kinship:
    """How near another answer is to one fact's: its sort (a river among
    rivers) and, for people, their roles (composers among composers).

    ``tier`` is 0 for the same sort or kind of role, higher for looser
    matches, None for an answer that must never stand beside this one. A
    ``strict`` kinship (true/false statements) takes tier 0 only, and for an
    answer whose sort or role nothing says, answers of the same deck only.
    """

    def __init__(self, fact: Fact, material: Material, strict: bool = False) -> None:
        self.fact = fact
        self.material = material
        self.strict = strict
        self.sort = material.sort_of(fact.shape, fact.sort, fact.answer)
        self.roles = sorts.roles_for(fact.shape, fact.prompt, fact.answer, fact.focus)
        self._tiers: dict[int, int | None] = {}

    def tier(self, cand: Candidate) -> int | None:
        key = id(cand)
        if key not in self._tiers:
            self._tiers[key] = self._tier(cand)
        return self._tiers[key]

    def _tier(self, cand: Candidate) -> int | None:
        fact = self.fact
        if fact.shape in ("person", "role"):
            tier = sorts.role_tier(self.roles, cand.roles)
            if cand.deck_id != fact.card.deck_id:
                # another deck's people stand here only on clear evidence
                if tier == 3 and (self.roles or cand.roles):
                    return None
                if tier == 0 and (self.roles.weak or cand.roles.weak):
                    tier = 2
            if self.strict and self.roles:
                return tier if tier == 0 else None
        elif fact.shape in ("place", "organisation", "description", "name"):
            other = self.material.sort_of(cand.shape, cand.sort, cand.text)
            related = (
                lexicon.RELATED_ORG_SORTS
                if fact.shape in ("organisation", "name")
                else lexicon.RELATED_PLACE_SORTS
            )
            loose = fact.shape in ("organisation", "name") and cand.shape != "place"
            if fact.shape == "name" and not (self.sort and other):
                return 1  # a name's sort is rarely known: '_related' decides
            tier = sorts.sort_tier(self.sort, other, related, loose)
            if self.strict and self.sort:
                return tier if tier == 0 else None
        else:
            return 0
        if self.strict and (tier is None or cand.deck_id != fact.card.deck_id):
            return None  # nothing says what it is: only the deck's own answers
        return tier

    def fits(self, cand: Candidate) -> bool:
        """Whether ``cand`` is of the best tier (for reading on)."""
        return self.tier(cand) == 0

    @property
    def narrow(self) -> bool:
        """Whether this answer needs more than its shape to find its match."""
        return bool(self.sort) or bool(self.roles)


def _ranked(
    fact: Fact,
    material: Material,
    rng: random.Random,
    shapes: tuple[str, ...],
    penalty: float,
    kin: Kinship,
) -> list[tuple[int, float, str]]:
    """Other answers of ``shapes`` that may stand beside ``fact``'s, best first:
    by tier (``Kinship``), then by score."""
    context = context_of(fact.prompt)
    pool: list[tuple[int, Candidate]] = []
    key = norm(fact.prompt)
    entry = fact.entry
    for shape in shapes:
        # 'text' and 'name' hold anything, and so does another shape: only a
        # kindred answer will do
        loose = fact.shape in ("text", "name") or shape != fact.shape
        if kin.narrow and shape == fact.shape:
            material.more(shape, kin.fits)
        for cand in material.shape(shape):
            if cand.entry == entry or cand.prompt_key == key:
                continue
            tier = kin.tier(cand)
            if tier is None:
                continue
            if loose and not _related(fact, cand, context):
                continue
            pool.append((tier, cand))
    if len(pool) > 32:
        rng.shuffle(pool)
        pool.sort(key=lambda item: item[0])
        pool = pool[:32]
    out = [(tier, _score(fact, cand, context, rng) - penalty, cand.text) for tier, cand in pool]
    out.sort(key=lambda item: (item[0], -item[1]))
    return out


def _related(fact: Fact, cand: Candidate, context: frozenset[str]) -> bool:
    """Whether another answer is about the same sort of thing: the same asked
    noun, or (unless they ask for different nouns) questions that share
    meaningful words."""
    if _noun(fact.focus) and _noun(cand.focus) and fact.focus != cand.focus:
        return False
    if fact.focus and cand.focus == fact.focus:
        return True
    shared = len(context & cand.context - {"@office"})
    # a question that names what it asks for needs more than one word in common
    return shared >= (2 if _noun(fact.focus) else 1)


def _noun(focus: str) -> bool:
    """Whether an asked noun says what kind of thing the answer is ('city'),
    rather than only that it is a person, a time or a place ('who')."""
    return bool(focus) and focus not in ("who", "when", "where")


def _substitutes(fact: Fact, material: Material, rng: random.Random) -> list[str]:
    """The answer with one country or one year replaced ('Armenia and Turkey, in 1997')."""
    text = fact.answer
    out: list[str] = []
    countries = [c.text for c in material.shape("country")] + material.countries()
    words = re.findall(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?", text)
    named = [w for w in words if norm(w) in lexicon.COUNTRIES]
    for name in named:
        others = [c for c in countries if norm(c) not in {norm(x) for x in named}]
        for other in rng.sample(others, min(4, len(others))):
            out.append(re.sub(rf"\b{re.escape(name)}\b", other, text, count=1))
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        for k in rng.sample([-3, -2, -1, 1, 2, 3], 3):
            out.append(text[: m.start()] + str(year + k) + text[m.end() :])
    rng.shuffle(out)
    return out


def _composite(fact: Fact) -> bool:
    """Whether the answer is a phrase built around countries or a year
    ('Armenia and Russia, in 1997'): its own variants are the best distractors."""
    if fact.shape not in ("text", "name", "organisation"):
        return False
    words = norm(fact.answer).split()
    countries = sum(1 for w in words if w in lexicon.COUNTRIES)
    return countries >= 2 or (countries >= 1 and bool(_YEAR.search(fact.answer)))


def _numbers(fact: Fact, rng: random.Random) -> list[str]:
    """The answer's number moved up or down by plausible factors."""
    m = _NUMBER.search(fact.answer)
    if not m:
        return []
    raw = m.group(0)
    value = float(raw.replace(",", ""))
    out = []
    for factor in rng.sample([0.5, 0.6, 0.75, 1.25, 1.5, 2, 3], 7):
        moved = value * factor
        if "." in raw:
            shown = f"{moved:.{len(raw.split('.')[1])}f}"
        else:
            digits = len(str(int(value)))
            moved = round(moved, -max(0, digits - 2))
            shown = f"{int(moved):,}" if "," in raw else str(int(moved))
        if shown != raw and moved > 0:
            out.append(fact.answer[: m.start()] + shown + fact.answer[m.end() :])
    return out


def text_options(
    fact: Fact,
    material: Material,
    rng: random.Random,
    n: int,
    judge: Judge,
    strict: bool = False,
) -> list[Option]:
    """``n`` answers of ``fact``'s shape from the decks, best first; ``strict``
    (a false statement) takes only answers of its own sort or kind of role,
    never another shape's."""
    chosen: list[str] = []
    answer = fact.answer
    right = [answer, *fact.accept]
    kin = Kinship(fact, material, strict)

    def take(text: str) -> bool:
        if not usable(text) or text.strip() in chosen:
            return False
        if any(judge.same(text, r) for r in right) or any(judge.same(text, c) for c in chosen):
            return False
        if judge.also_right(text):
            return False
        chosen.append(text.strip())
        return True

    ranked: list[tuple[int, float, str]] = []

    def own(close: bool) -> list[str]:
        if not ranked:
            ranked.extend(_ranked(fact, material, rng, (fact.shape,), 0.0, kin))
        return [t for tier, _, t in ranked if (tier <= 1) == close]

    sources: list[Callable[[], list[str]]] = [lambda: own(True)]
    if fact.shape in ("role", "description"):
        # 'Capital of Kazakhstan' -> 'Capital of Uzbekistan': the same kind by construction
        sources.append(lambda: _substitutes(fact, material, rng))
    sources.append(lambda: own(False))
    if _composite(fact):
        sources.insert(0, lambda: _substitutes(fact, material, rng))
    if fact.shape == "number":
        sources.append(lambda: _numbers(fact, rng))
    if fact.shape == "country":
        asked = set(norm(fact.prompt).split())
        sources.append(lambda: [c for c in material.countries() if norm(c) not in asked])
        sources.append(lambda: rng.sample(_FALLBACK_COUNTRIES, 20))
    if fact.shape in _RELATED and not strict:
        sources.append(
            lambda: [t for _, _, t in _ranked(fact, material, rng, _RELATED[fact.shape], 3.0, kin)]
        )
    if fact.shape in ("text", "name", "organisation"):
        sources.append(lambda: _substitutes(fact, material, rng))
    for source in sources:
        for text in source():
            if len(chosen) >= n:
                break
            take(text)
        if len(chosen) >= n:
            break
    return [(t, None) for t in chosen[:n]]


def options_for(
    fact: Fact,
    material: Material,
    rng: random.Random,
    n: int,
    judge: Judge | None = None,
    strict: bool = False,
) -> list[Option]:
    """Up to ``n`` distractors for ``fact`` (fewer when the decks run short);
    ``strict`` ones are of the answer's own sort or kind of role only."""
    judge = judge or Judge(fact)
    if fact.date is not None:
        return date_options(fact, material, rng, n, judge)
    return text_options(fact, material, rng, n, judge, strict)


def choice_question(fact: Fact, material: Material, rng: random.Random) -> Question | None:
    """A multiple-choice question about ``fact``, or None without three distractors."""
    wrong = options_for(fact, material, rng, 3)
    if len(wrong) < 3:
        return None
    right = answer_text(fact)
    options = [right, *(t for t, _ in wrong)]
    order = list(range(4))
    rng.shuffle(order)
    choices = tuple(options[i] for i in order)
    card = fact.card
    return Question(
        type=QuestionType.CHOICE,
        prompt=fact.prompt,
        answer=right,
        choices=choices,
        correct=(order.index(0),),
        cards=(fact.ref,),
        kind=card.kind.value,
        when=when_text(fact.date) if fact.date is not None else "",
        explanation=card.note,
        source=card.source,
    )
