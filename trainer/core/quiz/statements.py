"""Questions turned into statements: "In which year did the Soviet Union
collapse?" with 1991 reads "In 1991, the Soviet Union collapsed."

Rules cover the common question forms: a time asked ("When / In which year /
Between which years ... did / was / has ..."), a place or thing after a
preposition ("Into which sea does the Danube flow?"), a subject asked ("Who
wrote ...?", "Which treaty forbids ...?"), an object asked ("What did X
sign ...?", "What does NASA stand for?"), identities ("Who was Yuri
Gagarin?", "What is the capital of Australia?"), a "which" at the end ("...
between Nepal and which other country?"), bare card fronts and cloze text.
Verbs are put in the past or the third person from a word list. A question
no rule can turn gives None, and ``statement`` falls back to a sentence that
still reads naturally: The answer to "..." is ....
"""

from __future__ import annotations

import re

from trainer.core.model import CardKind
from trainer.core.quiz import lexicon
from trainer.core.quiz.dates import ends, render
from trainer.core.quiz.facts import Fact, cloze_fill
from trainer.core.quiz.people import is_name
from trainer.core.quiz.text import acronym, fold, is_acronym, mid_sentence, norm, sentence_start
from trainer.core.when import When

_IRREGULAR_PARTICIPLES = frozenset(forms[1] for forms in lexicon.IRREGULAR.values())
_IRREGULAR_PASTS = frozenset(forms[0] for forms in lexicon.IRREGULAR.values())
_FUNCTION = frozenset(
    {"the", "a", "an", "of", "and", "de", "von", "van", "its", "his", "her", "their", "to", "for"}
)
_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "at",
        "into",
        "onto",
        "from",
        "to",
        "for",
        "with",
        "of",
        "out",
        "under",
        "over",
        "by",
        "about",
        "near",
        "through",
        "across",
        "after",
        "before",
        "during",
        "against",
        "between",
        "behind",
        "up",
    }
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that", "these"})
_WH = re.compile(r"\b(which|what|who|whom|whose|when|where)\b", re.IGNORECASE)
_TIME_Q = re.compile(
    r"^(?:(in|on|over|during|between|since|by|from|until|till|before|after)\s+)?"
    r"(?:which|what)\s+(\w+)\s+(did|was|were|is|are|has|have|had|does|do)\s+(.+)$",
    re.IGNORECASE,
)
_WHEN_Q = re.compile(r"^when\s+(did|was|were|is|are|has|have|had|does|do)\s+(.+)$", re.IGNORECASE)
_PREP_Q = re.compile(
    r"^(in|on|at|into|onto|from|to|for|with|under|near|through|across|by|after|before|during|since|over)"
    r"\s+(?:which|what)\s+((?:[\w'’-]+\s+){0,3}?)(did|was|were|is|are|has|have|had|does|do)\s+(.+)$",
    re.IGNORECASE,
)
_WHO_Q = re.compile(r"^(who|whom|whose)\s+(.+)$", re.IGNORECASE)
_WHAT_Q = re.compile(r"^(which|what)\s+(.+)$", re.IGNORECASE)
_LEAD = re.compile(r"^((?:[A-Z][\w'’-]*|[a-z]+)(?:\s+[\w'’-]+){0,8},)\s+(.+)$")
_TAIL_WHICH = re.compile(
    r"\b(?:which|what)\s+(?:other\s+)?[\w'’-]+(?:\s+[\w'’-]+)?$", re.IGNORECASE
)
_COMMON_ROLE_WORDS = frozenset(
    {
        "pilot",
        "command",
        "lunar",
        "chemist",
        "composer",
        "writer",
        "author",
        "poet",
        "painter",
        "founder",
        "inventor",
        "explorer",
        "astronaut",
        "cosmonaut",
        "scientist",
        "physicist",
        "member",
        "head",
        "capital",
        "city",
        "former",
    }
)


# --- verbs -----------------------------------------------------------------------


def _bare(word: str) -> str:
    return word.strip(",.;:!?").lower()


def is_base_verb(word: str) -> bool:
    """Whether ``word`` (lower case) is a verb's base form we can conjugate."""
    return word in lexicon.IRREGULAR or word in lexicon.REGULAR_VERBS


def past(verb: str) -> str:
    """The simple past of a base verb."""
    if verb in lexicon.IRREGULAR:
        return lexicon.IRREGULAR[verb][0]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if verb in lexicon.DOUBLE_FINAL:
        return verb + verb[-1] + "ed"
    return verb + "ed"


def third(verb: str) -> str:
    """The third person singular present of a base verb."""
    special = {"have": "has", "be": "is", "do": "does", "go": "goes"}
    if verb in special:
        return special[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _is_participle(word: str) -> bool:
    w = _bare(word)
    if word[:1].isupper() or len(w) < 3:
        return False
    return w in _IRREGULAR_PARTICIPLES or (w.endswith("ed") and len(w) > 4)


def _is_finite(word: str) -> bool:
    """A verb form that can follow a subject: past, third person, or an auxiliary."""
    w = _bare(word)
    if word[:1].isupper() or not w.isalpha():
        return False
    if w in lexicon.AUXILIARIES or w in _IRREGULAR_PASTS:
        return True
    if w.endswith("ed") and len(w) > 4:
        return True
    if w.endswith("ies") and (w[:-3] + "y") in lexicon.REGULAR_VERBS:
        return True
    if w.endswith("es") and is_base_verb(w[:-2]):
        return True
    return w.endswith("s") and is_base_verb(w[:-1])


# --- clauses -----------------------------------------------------------------------


class _Clause:
    """A question's body turned declarative, with where a value would go."""

    def __init__(
        self, subject: list[str], verb: list[str], rest: list[str], insert_after_verb: int
    ) -> None:
        self.subject = subject
        self.verb = verb
        self.rest = rest
        self.insert_after_verb = insert_after_verb

    def text(self) -> str:
        return " ".join(self.subject + self.verb + self.rest)

    def with_object(self, value: str) -> str:
        """The clause with ``value`` as the object right after the verb (or
        after a stranded preposition: 'stands for X', 'stayed in X, while ...')."""
        rest = list(self.rest)
        at = 0
        if rest and _bare(rest[0]) in _PREPOSITIONS and (len(rest) == 1 or rest[0].endswith(",")):
            at = 1
        if at and rest[0].endswith(","):
            rest[0] = rest[0][:-1]
            return " ".join(self.subject + self.verb + rest[:1] + [value + ","] + rest[1:])
        # 'came close to agreeing X', 'hoped to sign X': the value goes after the
        # verb the 'to' leads to
        for i in range(min(3, len(rest) - 1)):
            if _bare(rest[i]) == "to" and (
                _bare(rest[i + 1]).endswith("ing") or is_base_verb(_bare(rest[i + 1]))
            ):
                at = i + 2
                break
            if rest[i].endswith(","):
                break
        return " ".join(self.subject + self.verb + rest[:at] + [value] + rest[at:])

    def with_phrase(self, phrase: str, passive: bool) -> str:
        """The clause with an adverbial ``phrase`` ('in Madrid'): after a passive
        participle, else at the end of the main clause (before a comma part)."""
        if passive:
            return " ".join(self.subject + self.verb + [phrase] + self.rest)
        rest = list(self.rest)
        for i, word in enumerate(rest):
            if word.endswith(","):
                rest[i] = word[:-1]
                return (
                    " ".join(self.subject + self.verb + rest[: i + 1])
                    + f" {phrase}, "
                    + " ".join(rest[i + 1 :])
                )
        return " ".join(self.subject + self.verb + rest + [phrase])


def _declarative(aux: str, body: str) -> tuple[_Clause, bool] | None:
    """'did the Soviet Union collapse' -> the Soviet Union collapsed; returns the
    clause and whether it is passive (be + participle), or None."""
    aux = aux.lower()
    words = body.split()
    if len(words) < 1:
        return None
    if aux in ("did", "does", "do"):
        for i in range(1, len(words)):
            w = _bare(words[i])
            if words[i][:1].isupper() or w in _FUNCTION:
                continue
            if is_base_verb(w):
                verb = past(w) if aux == "did" else third(w) if aux == "does" else w
                tail = words[i][len(w) :]
                return _Clause(words[:i], [verb + tail], words[i + 1 :], 0), False
        return None
    if aux in ("was", "were", "is", "are", "has", "have", "had"):
        # the predicate is looked for in the main clause: in 'were Armenia and
        # Azerbaijan briefly independent, before the Soviet Union absorbed them'
        # 'absorbed' belongs to the part after the comma
        comma = next((i for i, w in enumerate(words) if w.endswith(",")), None)
        if comma is not None and comma + 1 < len(words):
            main = _declarative(aux, " ".join(words[: comma + 1]))
            if main is None or not main[0].verb[1:]:
                return None  # where the verb goes is not clear
            clause, passive = main
            return _Clause(
                clause.subject, clause.verb, clause.rest + words[comma + 1 :], 0
            ), passive
        start = None
        # a participle is the surest start of the predicate: 'was ... signed'
        for i in range(1, len(words)):
            if _bare(words[i - 1]) in _DETERMINERS or not _is_participle(words[i]):
                continue  # a subject never ends with 'the': 'the first part of ...'
            start = i - 1 if _bare(words[i - 1]) in lexicon.ADVERBS and i > 1 else i
            break
        for i in range(1, len(words)) if start is None else ():
            w = _bare(words[i])
            if _bare(words[i - 1]) in _DETERMINERS:
                continue
            if (
                w in lexicon.ADVERBS
                and i + 1 < len(words)
                and _bare(words[i + 1]) in lexicon.PREDICATE_ADJECTIVES
            ):
                start = i
                break
            if (
                aux not in ("has", "have", "had")
                and w in lexicon.PREDICATE_ADJECTIVES
                and w not in _PREPOSITIONS
            ):
                start = i
                break
        if start is None and aux not in ("has", "have", "had"):
            for i in range(2, len(words)):
                if _bare(words[i]) in ("in", "at", "on", "near", "under") and not words[
                    i - 1
                ].endswith(","):
                    start = i
                    break
        if start is None:
            if aux in ("has", "have", "had"):
                return None
            return _Clause(words, [aux], [], 0), False
        passive = _is_participle(words[start]) and aux not in ("has", "have", "had")
        # the predicate's first word(s) stay with the verb, so a phrase goes after them
        head = [aux, words[start]]
        rest = words[start + 1 :]
        if _bare(words[start]) in lexicon.ADVERBS and rest:
            head.append(rest[0])
            rest = rest[1:]
        if rest and _bare(rest[0]) in ("down", "up", "out", "off", "apart"):
            head.append(rest[0])
            rest = rest[1:]
        return _Clause(words[:start], head, rest, 0), passive
    return None


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+,", ",", text)
    return sentence_start(text.rstrip(",")) + "."


# --- values in a sentence --------------------------------------------------------


def date_phrase(w: When, prep: str = "") -> str:
    """A span as an adverbial: 'on 4 October 1957', 'in April 1990', 'in the
    1860s', 'from 1988 to 1994', 'between 1918 and 1920', 'since 2018'."""
    prep = prep.lower()
    if w.is_range:
        a, b = ends(w)
        return f"between {a} and {b}" if prep == "between" else f"from {a} to {b}"
    shown = render(w)
    the = "the " if w.precision in ("decade", "century") else ""
    if prep in ("since", "by", "until", "till", "before", "after"):
        return f"{prep} {the}{shown}"
    if w.precision == "day":
        return f"on {shown}"
    return f"in {the}{shown}"


_THE_LAST = frozenset(
    {"sea", "ocean", "river", "desert", "strait", "straits", "gulf", "bay", "canal", "passage"}
    | {"channel", "mountains", "islands", "isles", "peninsula"}
    | {"union", "republic", "kingdom", "states", "emirates", "federation", "netherlands"}
)
_THE_FIRST = frozenset({"strait", "straits", "gulf", "bay", "sea", "cape", "isle"})


def with_the(value: str) -> str:
    """A place's name with the article English gives it in a sentence: 'the
    Atlantic Ocean', 'the Strait of Gibraltar', but 'Lake Baikal', 'Cape Horn'."""
    words = value.split()
    if not words or fold(words[0]) in ("the", "a", "an") or not value[:1].isupper():
        return value
    last, first = fold(words[-1]), fold(words[0])
    if len(words) > 1 and (last in _THE_LAST or (first in _THE_FIRST and fold(words[1]) == "of")):
        return "the " + value
    return value


def _value(value: str, shape: str) -> str:
    """A value as it reads inside a sentence ('term' is a one-word common noun)."""
    if shape == "place":
        return mid_sentence(with_the(value))
    if shape in ("text", "term") and value[:1].isupper() and not is_acronym(value.split()[0]):
        return value[:1].lower() + value[1:]
    if (
        shape == "organisation"
        and len(value.split()) > 1
        and value.split()[0] not in ("The", "A", "An")
        and not is_acronym(value.split()[0].rstrip(","))
    ):
        return "the " + value  # 'established the North Atlantic Treaty Organization'
    return mid_sentence(value)


def role_phrase(role: str) -> str:
    """A description as it follows 'is': 'the first human in space', 'the
    President of Azerbaijan', 'a Polish composer and pianist'."""
    words = role.split()
    if not words:
        return role
    first = fold(words[0])
    if first in ("the", "a", "an"):
        return words[0].lower() + role[len(words[0]) :]
    common = (
        first in lexicon.OFFICES
        or first in lexicon.SUPERLATIVE_STARTS
        or first in _COMMON_ROLE_WORDS
        or first in lexicon.PLACE_SORTS  # a description: 'Village in Normandy ...'
        or first in lexicon.ORG_SORTS
    )
    keep_case = len(words) > 1 and words[1][:1].isupper() and fold(words[1]) not in ("of",)
    if first in lexicon.SUPERLATIVE_STARTS or first == "former":
        keep_case = False
    shown = role if keep_case or not common else words[0].lower() + role[len(words[0]) :]
    if first == "former":
        return "a " + shown
    head = [fold(w) for w in words[:4]]
    if first in lexicon.SUPERLATIVE_STARTS or first in lexicon.OFFICES or "of" in head:
        return "the " + shown
    return ("an " if shown[:1].lower() in "aeiou" else "a ") + shown


def _wh_count(question: str) -> int:
    """Question words that ask something: the first word, or a later one that
    ends the question or is followed by an auxiliary ('..., and in which
    year?'); relative ones ('for what became', 'two of whom died') do not count."""
    count = 0
    for m in _WH.finditer(question):
        if m.start() == 0:
            count += 1
            continue
        before = question[: m.start()].split()
        if before and (
            before[-1].endswith(",")
            or (
                len(before) > 1 and before[-2].endswith(",") and before[-1].lower() in _PREPOSITIONS
            )
        ):
            continue  # a relative clause: ', which made ...', ', under which ...'
        after = question[m.end() :].split()
        if len(after) <= 2 or (len(after) > 1 and _bare(after[1]) in lexicon.AUXILIARIES):
            count += 1
    return count


# --- the rules ---------------------------------------------------------------------


def turn(prompt: str, value: str, shape: str, date: When | None) -> str | None:
    """The statement that ``value`` answers ``prompt``, or None when no rule fits."""
    q = prompt.strip()
    if not q.endswith("?"):
        return None
    q = q[:-1].strip()
    lead = ""
    m = _LEAD.match(q)
    if m and not _WH.search(m.group(1)) and _WH.match(m.group(2)):
        lead, q = m.group(1), m.group(2)
    if _wh_count(q) != 1:
        return None
    got = _turn(q, value, shape, date)
    if got is None:
        return None
    if lead:
        body = got[:-1]
        if body.split()[0] not in ("I",) and not _keeps_capital(body.split()[0], value):
            body = body[:1].lower() + body[1:]
        return f"{lead} {body}."
    return got


def _keeps_capital(word: str, value: str) -> bool:
    return value.startswith(word) and word[:1].isupper() and word not in ("The", "A", "An")


def _turn(q: str, value: str, shape: str, date: When | None) -> str | None:
    m = _TIME_Q.match(q)
    if m and date is not None and m.group(2).lower() in lexicon.TIME_NOUNS:
        return _time(m.group(1) or "", m.group(3), m.group(4), date)
    m = _WHEN_Q.match(q)
    if m and date is not None:
        return _time("", m.group(1), m.group(2), date)
    m = _PREP_Q.match(q)
    if m:
        prep, aux, body = m.group(1), m.group(3), m.group(4)
        if date is not None:
            return _time(prep, aux, body, date, noun=m.group(2).strip())
        clause = _declarative(aux, body)
        if clause is None:
            return None
        c, passive = clause
        phrase = f"{prep.lower()} {_value(value, shape)}"
        if not c.verb[1:] and aux.lower() in ("is", "was", "are", "were"):
            return _sentence(f"{c.text()} {phrase}")
        return _sentence(c.with_phrase(phrase, passive))
    m = _WHO_Q.match(q)
    if m:
        return _who(m.group(1).lower(), m.group(2), value, shape)
    m = _WHAT_Q.match(q)
    if m:
        return _what(m.group(2), value, shape)
    m = _TAIL_WHICH.search(q)
    if m and m.start() > 0:
        return _sentence(q[: m.start()] + _value(value, shape))
    return None


def _time(prep: str, aux: str, body: str, date: When, noun: str = "") -> str | None:
    phrase = date_phrase(date, prep)
    if noun and noun.lower() not in lexicon.TIME_NOUNS:
        phrase = f"{prep.lower()} the {noun} of {render(date)}"
    clause = _declarative(aux, body)
    if clause is None:
        return None
    c, passive = clause
    if not c.verb[1:] and aux.lower() in ("is", "was", "are", "were"):
        return _sentence(f"{c.text()} {phrase}")
    if passive and not c.rest:
        # 'The first Karabakh war was fought from 1988 to 1994', not 'From 1988
        # to 1994, the first Karabakh war was fought'
        return _sentence(f"{c.text()} {phrase}")
    return _sentence(f"{sentence_start(phrase)}, {c.text()}")


def _who(wh: str, body: str, value: str, shape: str) -> str | None:
    words = body.split()
    if wh == "whose":
        return _sentence(f"{value}'s {body}")
    first = _bare(words[0])
    if first in ("is", "was", "are", "were") and len(words) > 1:
        rest = " ".join(words[1:])
        if is_name(rest) and not is_name(value):
            if first == "was" and fold(value.split()[0]) == "former":
                # 'Heydar Aliyev was a former President' says 'former' twice
                return _sentence(f"{rest} was {role_phrase(value.split(' ', 1)[1])}")
            return _sentence(f"{rest} {first} {role_phrase(value)}")
        return _sentence(f"{value} {first} {rest}")
    if first in ("did", "does", "do"):
        clause = _declarative(first, " ".join(words[1:]))
        return _sentence(clause[0].with_object(value)) if clause else None
    if not _is_finite(words[0]):
        return None
    return _sentence(f"{_subject(value)} {body}")


def _what(body: str, value: str, shape: str) -> str | None:
    words = body.split()
    first = _bare(words[0])
    shown = _value(value, shape)
    if first in ("is", "was", "are", "were"):
        rest = words[1:]
        if rest and _bare(rest[-1]) in ("called", "named"):
            return _sentence(f"{' '.join(rest[:-1])} {first} {_bare(rest[-1])} {shown}")
        clause = _declarative(first, " ".join(rest))
        predicate = _bare(clause[0].verb[1]) if clause and clause[0].verb[1:] else ""
        if clause and predicate in lexicon.PREDICATE_ADJECTIVES and predicate not in _PREPOSITIONS:
            return _sentence(clause[0].with_object(shown))
        if len(rest) == 1 and rest[0][:1].isupper() and shape in ("role", "text", "description"):
            return _sentence(f"{rest[0]} {first} {role_phrase(value)}")
        if shape == "description":  # 'What is Tierra del Fuego?'
            return _sentence(f"{' '.join(rest)} {first} {role_phrase(value)}")
        return _sentence(f"{' '.join(rest)} {first} {shown}")
    if first in ("did", "does", "do", "has", "have", "had"):
        clause = _declarative(first, " ".join(words[1:]))
        return _sentence(clause[0].with_object(shown)) if clause else None
    # "Which NOUN ... VERB ...": find where the noun phrase ends
    i = 0
    apposition: list[str] = []
    while i < len(words):
        w = words[i]
        if w.endswith(",") and i + 1 < len(words) and not apposition:
            # an apposition: ', founded in 1949 and based in Strasbourg,'
            j = i + 1
            while j < len(words) and not words[j].endswith(","):
                j += 1
            if j < len(words):
                apposition = words[i + 1 : j + 1]
                i = j + 1
                continue
        if i > 0 and _is_finite(w):
            break
        i += 1
    if i >= len(words):
        return None
    verb = _bare(words[i])
    if verb in ("did", "does", "do") or (
        verb in lexicon.AUXILIARIES and i + 1 < len(words) and not _starts_predicate(words[i + 1])
    ):
        clause = _declarative(verb, " ".join(words[i + 1 :]))
        return _sentence(clause[0].with_object(shown)) if clause else None
    head = _subject(with_the(value) if shape == "place" else value)
    if apposition:
        head = head.rstrip(",") + ", " + " ".join(apposition)
    return _sentence(f"{head} {' '.join(words[i:])}")


def _subject(value: str) -> str:
    """A value as a sentence's subject ('CERN, the European ... Research,'),
    a list as it is ('Armenia, Azerbaijan and Georgia')."""
    head = sentence_start(value)
    listed = re.search(r",[^,]*\b(?:and|or)\b", value) is not None
    return head + "," if "," in value and not listed else head


def _starts_predicate(word: str) -> bool:
    w = _bare(word)
    return _is_participle(word) or w in lexicon.ADVERBS or w in lexicon.PREDICATE_ADJECTIVES


def statement(fact: Fact, value: str, date: When | None) -> str | None:
    """A sentence saying that ``value`` answers ``fact``'s question, or None
    when the rewrite cannot be trusted to read as a sentence and mean it.

    Refused: no rule fits; a name of the question lost on the way ('Which
    former president of Azerbaijan was ...' must still say Azerbaijan); a
    value naming someone the question already names ('Ilham Aliyev is ...
    father of Ilham Aliyev'); a possessive with nothing before it to point
    to ('The father of its president'); a passive verb with an object ('were
    absorbed them').
    """
    if ";" in value:
        return None  # two clauses do not go into one sentence's gap
    said = natural(fact, value, date)
    if said is None:
        return None
    if fact.cloze_text:
        return said  # a cloze's own sentence, with the value in its gap
    kept = said.lower()
    for name in _NAMES.findall(_without_first_word(fact.prompt)):
        if name.lower() not in kept and name.lower() not in value.lower():
            return None
    asked = {n.lower() for n in _NAMES.findall(fact.prompt)}
    if any(len(n.split()) > 1 and n.lower() in asked for n in _NAMES.findall(value)):
        return None
    if _DANGLING.search(said) or _PASSIVE_OBJECT.search(said):
        return None
    return said


_NAMES = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+|de\s+|al-)?[A-Z][\w'’-]+)*")


def _without_first_word(prompt: str) -> str:
    """The prompt less its first word when that is capitalised only as the start."""
    first, _, rest = prompt.strip().partition(" ")
    low = first.lower()
    ordinary = low in _FUNCTION or low in _PREPOSITIONS or _WH.fullmatch(low) is not None
    return rest if ordinary or low in ("between", "during", "after", "before", "how") else prompt


_DANGLING = re.compile(r"^(?:(?:The|A|An)\s+(?:[a-z]+\s+){0,3}of\s+)?(?:its|his|her|their)\b", re.I)
_PASSIVE_OBJECT = re.compile(
    r"\b(?:is|was|are|were|been)\s+\w+(?:ed|en)\s+(?:them|him|her|us|me)\b", re.I
)


def natural(fact: Fact, value: str, date: When | None) -> str | None:
    """The statement built from the question's own words, or None when only the
    fallback form would do."""
    if fact.cloze_text:
        return _sentence(_fill(fact, value).rstrip("."))
    shape = fact.shape
    if fact.card.kind is CardKind.TERM and shape == "name" and len(value.split()) == 1:
        shape = "term"  # 'Penicillin' is capitalised only because it starts the answer
    if shape == "organisation" and " stand for" in fact.prompt.lower():
        shape = "name"  # 'NATO stands for North Atlantic ...', with no article
    got = turn(fact.prompt, value, shape, date)
    if got:
        return got
    return _bare_front(fact, value, date)


def _fill(fact: Fact, value: str) -> str:
    """A cloze's text with ``value`` in its gap, and one article only: 'The
    {{Amazon}}' with 'The Volga' reads 'The Volga', not 'The The Volga'."""
    marker = "\x00"
    text = cloze_fill(fact.cloze_text, fact.card.ordinal, marker)
    first, _, rest = value.partition(" ")
    has_article = re.search(rf"\b(?:[Tt]he|[Aa]n?)\s+{marker}", text) is not None
    if has_article and rest and first.lower() in ("the", "a", "an"):
        value = rest
    elif not has_article and fact.shape != "person":
        value = with_the(value)  # 'the Soviet Union', 'the Black Sea'; 'Armenia' as it is
    if text.startswith(marker):
        value = sentence_start(value)
    return text.replace(marker, value)


def _bare_front(fact: Fact, value: str, date: When | None) -> str | None:
    front = fact.prompt.strip().rstrip(".")
    if front.endswith("?"):
        return None
    if date is not None:
        return _sentence(f"{front} dates from {date_phrase(date).split(' ', 1)[1]}")
    if (is_name(front) and not is_name(value)) or fact.shape == "description":
        return _sentence(f"{front} is {role_phrase(value)}")
    if is_name(value) and not is_name(front):
        return _sentence(f"{value} is {role_phrase(front)}")
    if is_acronym(front) and acronym(value) == norm(front):
        return _sentence(f"{front} stands for {value}")
    return None


def event(fact: Fact) -> str | None:
    """What happened, without its date (a timeline's entry), or None."""
    if fact.date is None:
        return None
    if fact.cloze_text:
        return _cloze_event(fact)
    q = fact.prompt.strip()
    if not q.endswith("?"):
        return q
    q = q[:-1]
    m = _TIME_Q.match(q)
    if m and m.group(2).lower() in lexicon.TIME_NOUNS:
        aux, body = m.group(3), m.group(4)
    else:
        m2 = _WHEN_Q.match(q)
        if not m2:
            return None
        aux, body = m2.group(1), m2.group(2)
    clause = _declarative(aux, body)
    if clause is None:
        return None
    return _sentence(clause[0].text())[:-1]


def _cloze_event(fact: Fact) -> str | None:
    marker = "\x00"
    text = cloze_fill(fact.cloze_text, fact.card.ordinal, marker)
    text = re.sub(rf"\s*\b(?:in|on|from|since|by|during|for|of)\s+{marker}", "", text)
    text = text.replace(marker, "").strip()
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip(" .,")
    return sentence_start(text) if text else None
