"""Answer text for comparison: folding, words, and a bounded edit distance.

Replies are compared after folding (case, accents, punctuation, spacing,
``&``, numbers written in words or Roman numerals); the typed-answer grader
and the distractor rules ("never two options that mean the same") use the
same functions, so what one calls equal the other does too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from trainer.core.quiz import lexicon

_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ß": "ss",
        "þ": "th",
        "ð": "d",
    }
)
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=[0-9])")
_PAREN = re.compile(r"\s*\(([^()]*)\)")
ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character without its accent, lower case (always one character out)."""
    base = unicodedata.normalize("NFKD", ch)[:1] or ch
    low = base.lower()
    return low if len(low) == 1 else base


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents removed (``Brontë`` -> ``bronte``, ``Wałęsa`` -> ``walesa``)."""
    if text.isascii():
        return text.lower()
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _number_word(word: str) -> str:
    value = lexicon.NUMBER_WORDS.get(word)
    if value is not None:
        return str(value)
    roman = lexicon.ROMAN.get(word)
    return str(roman) if roman is not None else word


def _join_tens(words: list[str]) -> list[str]:
    """'ninety five' -> '95' (tens followed by a unit)."""
    out: list[str] = []
    for word in words:
        if (
            out
            and word.isdigit()
            and len(word) == 1
            and out[-1].isdigit()
            and len(out[-1]) == 2
            and out[-1].endswith("0")
            and word != "0"
        ):
            out[-1] = str(int(out[-1]) + int(word))
        else:
            out.append(word)
    return out


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``: apostrophes dropped, other punctuation splits,
    ``&`` read as "and", numbers in words and Roman numerals as digits."""
    folded = _APOSTROPHES.sub("", fold(text)).replace("&", " and ")
    folded = _LETTERS_DIGITS.sub(" ", folded)
    raw = [w for w in _NOT_WORD.split(folded) if w]
    return tuple(_join_tens([_number_word(w) for w in raw]))


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """``text`` for comparison: folded words, a leading article dropped."""
    ws = words(text)
    if len(ws) > 1 and ws[0] in ARTICLES:
        ws = ws[1:]
    return " ".join(ws)


def strip_parens(text: str) -> tuple[str, list[str]]:
    """``text`` without its parenthesised parts, and those parts."""
    if "(" not in text:
        return text.strip(), []  # most answers: no pattern to run
    inner = [m.group(1).strip() for m in _PAREN.finditer(text)]
    return _PAREN.sub("", text).strip(), [i for i in inner if i]


def same_form(a: str, b: str) -> bool:
    """Whether two folded words are one word in two forms (Armenia / Armenian /
    Armenias, strait / straits, Azerbaijan / Azerbaijani)."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4 or not long.startswith(short):
        return False
    return long[len(short) :] in lexicon.WORD_ENDINGS


def content(text: str) -> tuple[str, ...]:
    """The words that carry meaning: folded, without articles, small words and
    abbreviations spelled out (``US`` -> united states, ``Mt`` -> mount)."""
    out: list[str] = []
    for w in words(text):
        if w in lexicon.STOPWORDS:
            continue
        expanded = lexicon.ABBREVIATIONS.get(w)
        if expanded:
            out.extend(expanded.split())
        else:
            out.append(w)
    return tuple(out)


def same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two word lists are the same words in any order (forms allowed)."""
    if len(a) != len(b) or not a:
        return False
    rest = list(b)
    for w in a:
        for i, v in enumerate(rest):
            if same_form(w, v):
                del rest[i]
                break
        else:
            return False
    return True


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance (insert, delete, substitute, swap two neighbours) between
    ``a`` and ``b``, or ``limit + 1`` as soon as it is known to exceed ``limit``.

    Only a band of ``limit`` cells either side of the diagonal is computed,
    after the common start and end are set aside.
    """
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if len(set(a) ^ set(b)) > 2 * limit:
        return limit + 1  # each edit changes at most two letters of the alphabet used
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    # keep one shared letter either side so a swap across the cut is still seen
    start = max(0, start - 1)
    end = max(0, end - 1)
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    la, lb = len(a), len(b)
    big = limit + 1
    prev2: list[int] = []
    prev = [j if j <= limit else big for j in range(lb + 1)]
    for i in range(1, la + 1):
        cur = [big] * (lb + 1)
        if i <= limit:
            cur[0] = i
        lo, hi = max(1, i - limit), min(lb, i + limit)
        best = cur[0] if lo == 1 else big
        ca = a[i - 1]
        for j in range(lo, hi + 1):
            v = prev[j - 1] + (ca != b[j - 1])
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == b[j - 1] and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v
            if v < best:
                best = v
        if best > limit:
            return big
        prev2, prev = prev, cur
    return min(prev[lb], big)


def only_swaps_or_gaps(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` (one edit apart) differ by a missing, extra or
    swapped letter rather than a changed one (Iran / Iraq is a changed one)."""
    if len(a) != len(b):
        return True
    diffs = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1


def allowed_typos(length: int) -> int:
    """How many slips a word of ``length`` letters may carry and still count."""
    if length >= 9:
        return 2
    if length >= 4:
        return 1
    return 0


def typo_of(reply: str, expected: str) -> bool:
    """Whether the folded word ``reply`` is ``expected`` with a small slip.

    The allowance grows with the shorter word, so a short word is never taken
    for another one (Austria is not a slip for Australia); a four-letter word
    allows a missing, extra or swapped letter but never a changed one.
    """
    if reply == expected:
        return True
    if reply.isdigit() or expected.isdigit() or any(c.isdigit() for c in reply + expected):
        return False
    shortest = min(len(reply), len(expected))
    limit = allowed_typos(shortest)
    if limit == 0:
        return False
    d = distance(reply, expected, limit)
    if d > limit:
        return False
    if shortest < 5 and not only_swaps_or_gaps(reply, expected):
        return False
    return reply[0] == expected[0] or shortest >= 6


def acronym(text: str) -> str:
    """The initials of a name's significant words (``North Atlantic Treaty
    Organization`` -> ``nato``), or '' for fewer than two."""
    letters = [w[0] for w in words(text) if w not in lexicon.STOPWORDS and w.isalpha()]
    return "".join(letters) if len(letters) >= 2 else ""


def is_acronym(text: str) -> bool:
    """Whether ``text`` is written as an abbreviation: two to six capitals."""
    t = text.strip().replace(".", "")
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def capitalised(word: str) -> bool:
    """Whether a word starts with a capital letter (or is a number, as in names
    like Apollo 11)."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def sentence_start(text: str) -> str:
    """``text`` with its first letter in capitals ("c. 1274 BC", "r. 1279" stay as they are)."""
    if re.match(r"(?:c|ca|r|b|d|fl)\. ?\d", text):
        return text
    return text[:1].upper() + text[1:] if text else text


def mid_sentence(text: str) -> str:
    """A value as it reads inside a sentence: a leading article in lower case."""
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An") and rest:
        return first.lower() + " " + rest
    return text
