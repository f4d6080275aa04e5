"""People's names: what looks like one, its surnames, and whether a reply names
the same person.

A surname alone counts only when it names one person in the decks quizzed
(Aliyev names two in the bundled decks, father and son); ``surname_index``
finds out, and ``Question.surnames`` carries the answer's unambiguous
surnames to the grader.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter

from trainer.core.model import CardKind, CardType, StoredCard
from trainer.core.quiz import lexicon
from trainer.core.quiz.text import fold, is_acronym, norm, strip_parens, typo_of, words

_INITIAL = re.compile(r"[A-Z]\.?")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")
_SUFFIX_WORDS = frozenset({str(n) for n in range(1, 17)}) | lexicon.NAME_SUFFIXES


def is_country(text: str) -> bool:
    """Whether ``text`` names a country (present or past)."""
    return norm(strip_parens(text)[0]) in lexicon.COUNTRIES


def is_name(text: str) -> bool:
    """Whether ``text`` looks like a person's name: two to five capitalised words,
    with particles (von, de), initials and numerals allowed between."""
    bare = text.strip()
    parts = bare.split()
    if not 2 <= len(parts) <= 5 or any(c.isdigit() for c in bare):
        return False
    if parts[0] in ("The", "A", "An") or is_country(bare):
        return False
    if any(fold(p).strip(".,") in lexicon.ORG_WORDS for p in parts):
        return False
    first, last = parts[0], parts[-1]
    if fold(last).strip(".") in lexicon.NAME_SUFFIXES and len(parts) > 2:
        last = parts[-2]
    if not (_NAME_WORD.fullmatch(first) and _NAME_WORD.fullmatch(last)):
        return False
    if _INITIAL.fullmatch(last):
        return False
    for p in parts[1:-1]:
        low = fold(p).strip(".,")
        if low in lexicon.NAME_PARTICLES or low in lexicon.NAME_SUFFIXES:
            continue
        if not (_NAME_WORD.fullmatch(p) or _INITIAL.fullmatch(p)):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Name:
    """A name as folded words: given names, surname words, and a suffix (II, Jr)."""

    given: tuple[str, ...]
    surname: tuple[str, ...]
    suffix: str


def name_words(text: str) -> list[str]:
    """Folded words of a name; initials run together ('JS') are split ('j', 's')."""
    out: list[str] = []
    for raw in text.replace(".", ". ").split():
        bare = raw.strip(".,")
        if len(bare) == 1 and bare.isalpha():
            out.append(fold(bare))  # an initial, never a Roman numeral
        elif 2 <= len(bare) <= 3 and is_acronym(bare) and fold(bare) not in lexicon.ROMAN:
            out.extend(fold(c) for c in bare)
        else:
            out.extend(words(raw))
    return out


def parse_name(text: str) -> Name:
    """Split a name into given names, surname (with its particles) and suffix."""
    ws = name_words(text)
    suffix = ""
    if len(ws) > 1 and ws[-1] in _SUFFIX_WORDS:
        suffix = ws[-1]
        ws = ws[:-1]
    if not ws:
        return Name((), (), suffix)
    start = len(ws) - 1
    while start > 1 and ws[start - 1] in lexicon.NAME_PARTICLES:
        start -= 1
    return Name(tuple(ws[:start]), tuple(ws[start:]), suffix)


def surname_forms(text: str) -> list[str]:
    """The ways a surname alone may be given, as folded words joined by spaces:
    'von braun' and 'braun' for Wernher von Braun; 'garcia marquez' and
    'marquez' for Gabriel García Márquez."""
    name = parse_name(text)
    if not name.given or not name.surname:
        return []
    forms = [" ".join(name.surname)]
    core = [w for w in name.surname if w not in lexicon.NAME_PARTICLES]
    if core and " ".join(core) not in forms:
        forms.append(" ".join(core))
    if len(core) > 1 and core[-1] not in forms:
        forms.append(core[-1])
    given = [w for w in name.given if len(w) > 1]
    if len(given) > 1:
        # a double surname written after one given name: García Márquez
        double = " ".join([given[-1], *core])
        if double not in forms:
            forms.insert(0, double)
    return forms


def _word_matches(reply: str, expected: str) -> bool:
    if reply == expected:
        return True
    if len(reply) == 1 or len(expected) == 1:
        return reply[0] == expected[0]  # an initial
    if len(reply) >= 4 and len(expected) >= 4 and len(reply) == len(expected):
        # a given name spelled another way: Yury / Yuri, Sergei / Sergey
        diffs = sum(1 for a, b in zip(reply, expected, strict=True) if a != b)
        if diffs == 1 and reply[0] == expected[0]:
            return True
    return typo_of(reply, expected)


def _surname_matches(reply: list[str], surname: list[str]) -> bool:
    if len(reply) != len(surname):
        joined = "".join(reply)
        return len(joined) >= 5 and typo_of(joined, "".join(surname))
    return all(a == b or typo_of(a, b) for a, b in zip(reply, surname, strict=True))


def match_name(reply: str, expected: str) -> str | None:
    """How ``reply`` names the person ``expected``: 'full' (the name, perhaps with
    slips, initials, a particle left out or an extra name), 'surname' (the
    surname alone, with a title or not), 'given' (a given name alone), or None."""
    ws = name_words(reply)
    while len(ws) > 1 and ws[0] in lexicon.TITLES:
        ws = ws[1:]
    if not ws:
        return None
    name = parse_name(expected)
    if not name.surname:
        return None
    suffix = ""
    if len(ws) > 1 and ws[-1] in _SUFFIX_WORDS:
        suffix = ws[-1]
        ws = ws[:-1]
    if suffix and suffix != name.suffix:
        return None
    for form in surname_forms(expected):
        if _surname_matches(ws, form.split()):
            return "surname"
    if len(ws) == 1:
        return "given" if name.given and _word_matches(ws[0], name.given[0]) else None
    core = [w for w in name.surname if w not in lexicon.NAME_PARTICLES]
    # the reply's surname: its last words, particles allowed
    tail = [w for w in ws if w not in lexicon.NAME_PARTICLES]
    if not core or not tail or not _surname_matches(tail[-len(core) :], core):
        return None
    rest = tail[: -len(core)]
    if not name.given:
        return None
    if not rest or not _word_matches(rest[0], name.given[0]):
        return None
    others = list(name.given[1:])
    for w in rest[1:]:
        hit = next((i for i, g in enumerate(others) if _word_matches(w, g)), None)
        if hit is None:
            if len(w) < 3 or not w.isalpha():
                return None  # an unknown initial or number: another person
            continue  # an extra middle name or second surname
        del others[hit]
    return "full"


class SurnameIndex:
    """Which surnames name one person only, among some names.

    Names given together (a card's answer and its accepted forms) are one
    person; the same name on several cards is one person too.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}

    def _find(self, key: str) -> str:
        root = key
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        self._parent[key] = root
        return root

    def add(self, names: Iterable[str]) -> None:
        """Add one person, known by ``names`` (full names; bare surnames are skipped)."""
        keys = [" ".join(name_words(n)) for n in names if is_name(n)]
        if not keys:
            return
        for key in keys:
            self._parent.setdefault(key, key)
        root = self._find(keys[0])
        for key in keys[1:]:
            other = self._find(key)
            if other != root:
                self._parent[other] = root
        for n, key in zip([n for n in names if is_name(n)], keys, strict=True):
            for form in surname_forms(n):
                self._by_surname.setdefault(form, set()).add(key)

    def unique(self, name: str) -> frozenset[str]:
        """The surname forms of ``name`` that name no other person."""
        out = set()
        for form in surname_forms(name):
            people = {self._find(k) for k in self._by_surname.get(form, ())}
            if len(people) <= 1:
                out.add(form)
        return frozenset(out)


_TRAILING = re.compile(r"\s+(?:I{1,3}|IV|Jr\.?|Sr\.?)$")


def last_name_word(name: str) -> str:
    """The folded last word of a name, a suffix (II, Jr.) set aside: the key
    people are filed under."""
    bare = _TRAILING.sub("", name.strip()).rstrip(".,")
    return fold(bare.rpartition(" ")[2])


class PeopleIndex:
    """Who may be named in a collection: its people's answers, and the cloze
    texts of its people's cards, each joined into one folded text.

    Built once from the cards of the decks quizzed and reusable by every quiz
    on them; ``build_questions`` asks it for the few cards that may name
    someone with a given surname, then reads those cards exactly. Building it
    is a few passes in C over the cards (tens of milliseconds for 100,000);
    a look-up is a ``str.find`` per occurrence.
    """

    def __init__(self, cards: Sequence[StoredCard]) -> None:
        person, cloze_type = CardKind.PERSON, CardType.CLOZE
        people = list(compress(cards, map(operator.is_, map(_KIND, cards), repeat(person))))
        clozes = list(compress(people, map(operator.is_, map(_TYPE, people), repeat(cloze_type))))
        self._groups = [
            (group, _folded(list(map(read, group))), ends)
            for group, read, ends in ((people, _BACK, "\n "), (clozes, _FRONT, "}:"))
            if group
        ]

    def cards_named(self, word: str) -> list[StoredCard]:
        """People's cards that may name someone whose name ends with ``word``
        (folded, so accents do not matter): a word of their answer, or of a cloze gap."""
        key = fold(word)
        found: list[StoredCard] = []
        if not key:
            return found
        for group, text, ends in self._groups:
            positions = []
            at = text.find(key)
            while at != -1:
                after = text[at + len(key) : at + len(key) + 1]
                if (at == 0 or text[at - 1] in " \n:") and (not after or after in ends):
                    positions.append(at)
                at = text.find(key, at + 1)
            line, last = 0, 0
            for at in positions:
                line += text.count("\n", last, at)
                last = at
                found.append(group[line])
        return found


_KIND, _TYPE, _FRONT, _BACK = (attrgetter(a) for a in ("kind", "type", "front", "back"))


def _folded(texts: list[str]) -> str:
    """``texts`` joined a line each, lower case; folded too when any is not ASCII
    (folding keeps every line break, so a line still names its card)."""
    texts = [t.replace("\n", " ") for t in texts] if any("\n" in t for t in texts) else texts
    joined = "\n".join(texts)
    return joined.lower() if joined.isascii() else _fold_long(joined)


def _fold_long(text: str) -> str:
    # fold() is cached for short strings; a whole collection's text is not worth keeping
    return fold.__wrapped__(text)
