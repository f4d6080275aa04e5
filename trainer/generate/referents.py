"""Who "he", "she" and "the count" mean: the person a passage is about.

A biography names its subject once and then says "he", "the count" or "the
emperor"; a joint biography does so for two people, paragraph by paragraph. A
card cut from such a sentence ("He was back in office by ___") names no one, so
the card maker writes the person in brackets after the word that stands for
them: "He [Camillo Benso] was back in office by ___".

:class:`Referents` reads an article sentence by sentence, as a reader keeps
track: the subject of each sentence (the first person named, "he", or "the
count" near its start, not one after "by", "with", "met"...) is who the next
"he" means; "the count" means the one person the article has called a count.
Whatever is not certain gives no name: a "she" after a man, two people called
"the king", a title no one has been given.

A page whose title names a person ("Simón Bolívar Fast Facts") lists entries
that say what was done but not by whom ("1810 - Travels to London"): those
name the title's person ("1810 - [Simón Bolívar] Travels to London").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from trainer.generate.clarity import quoted
from trainer.generate.lexicon import (
    CAPITAL_OF,
    COUNTRY_OF,
    DEMONYM_PLURALS,
    FUNCTION_WORDS,
    GIVEN_MEN,
    GIVEN_WOMEN,
    LOWER,
    ORG_WORDS,
    PLACES,
    UPPER,
)

# Titles a text calls someone by after naming them ("the count", "the emperor").
_MALE = frozenset(
    [
        "count",
        "emperor",
        "king",
        "prince",
        "duke",
        "tsar",
        "czar",
        "sultan",
        "khan",
        "shah",
        "pharaoh",
        "pope",
        "kaiser",
        "earl",
        "baron",
        "archduke",
        "marquis",
        "cardinal",
    ]
)
_FEMALE = frozenset(
    ["countess", "empress", "queen", "princess", "duchess", "tsarina", "czarina", "archduchess"]
)
_OTHER = frozenset(
    ["general", "marshal", "admiral", "president", "chancellor", "premier", "envoy", "regent"]
)
_TITLES = _MALE | _FEMALE | _OTHER
_TITLE = "|".join(sorted(_TITLES, key=len, reverse=True))
# "Emperor Napoleon III", "King Victor Emmanuel II": a title before a name
_TITLE_BEFORE = re.compile(rf"\b(?i:{_TITLE})\s+$")
# "Camillo Benso, Count of Cavour", "Joseph Bonaparte, the envoy": a title after it
_TITLE_AFTER = re.compile(rf"^,\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+)?(?i:({_TITLE}))\b")
# "the count", "The emperor's": a title standing for someone (not "the two emperors")
_THE_TITLE = re.compile(
    rf"\b[Tt]he\s+(?:(?:old|young|new|elder|younger|late)\s+)?({_TITLE})\b(?!-)"
)
# "Faisal was crowned king": a title the sentence gives them, saying he or she
_MADE = re.compile(
    rf"^\s+(?:was|had been)\s+(?:crowned|proclaimed|made|elected|chosen as)\s+(?:(?:the|a)\s+)?"
    rf"(?i:({_TITLE}))\b"
)
_PRONOUNS = (("he", "m"), ("she", "f"), ("him", "m"))
_PRONOUN = re.compile(r"\b(?:He|She|he|she)\b")
# A word right before a name that makes it an object, not the sentence's subject.
_OBJECT_BEFORE = re.compile(
    r"\b(?:by|with|to|for|from|against|under|of|and|met|meet|meeting|told|sent|saw|"
    r"named|called|appointed|replaced|defeated|married|succeeded|than|between|whom|"
    r"was|were|is|are|as)\s+"
    r"(?:(?:the|his|her|their)\s+)?(?:[A-Za-z-]+\s+){0,2}?$"
)
# "But Napoleon did not keep still": a capitalised word acting as a sentence's subject
_UNKNOWN_SUBJECT = re.compile(
    rf"^(?:(?:But|And|Yet|So|Then|Now|Still|Meanwhile),?\s+)?([{UPPER}][{LOWER}]+)\s+[a-z]"
)
# "Minister (Deputy Tom Feeney): I thank the Deputy": a speaker's label
_SPEAKER = re.compile(rf"^(?:[{UPPER}][\w'.-]*\s?){{1,4}}(?:\([^)]{{1,60}}\))?:\s")
# A list entry: its date and dash, then its first word ("1810 - Travels to London")
_ENTRY = re.compile(
    r"^(?:(?P<date>[^–—:]{1,40}?)(?:\s[-–—]|:)\s+)?(?P<word>[A-Z][a-z]+)\s+"
    r"(?P<next>\"?[A-Za-zÀ-ÿ][\w'-]*)"
)
_PAST = frozenset(
    [
        "led",
        "met",
        "took",
        "made",
        "sent",
        "won",
        "fought",
        "went",
        "came",
        "left",
        "fell",
        "gave",
        "rose",
        "began",
        "held",
        "sat",
        "ran",
        "saw",
        "told",
        "wrote",
        "signed",
        "broke",
        "stood",
        "brought",
    ]
)
_BARE_VERBS = frozenset({"Is", "Was", "Are", "Were", "Has", "Had", "His", "Her"})
_SUBJECT_REACH = 90  # characters: a sentence's subject stands near its start


@dataclass(slots=True)
class Referents:
    """The reader's memory of who is being talked about, sentence by sentence."""

    current: str = ""  # whom the next "he" or "she" means
    titled: dict[str, list[str]] = field(default_factory=dict)  # "count" -> people so called
    gender: dict[str, str] = field(default_factory=dict)  # name -> "m" or "f"
    # who the last sentence that named anyone named ("" for someone unknown)
    rivals: set[str] = field(default_factory=set)
    names: frozenset[str] = frozenset()  # words the article writes capitalised mid-sentence
    title: str = ""  # the article's title
    page: str = ""  # the person the title names: whom a timeline's bare entries are about
    # how the people met so far are named: rebuilt when someone new is met
    _known: int = -1
    _meaning: dict[str, str] = field(default_factory=dict)

    def next_section(self) -> None:
        """A heading: "he" does not reach across it."""
        self.current = ""
        self.rivals = set()

    def read(self, sentence: str, people: Collection[str]) -> tuple[tuple[str, str], ...]:
        """Take in ``sentence``; what its "he", "she" and "the <title>" mean.

        Args:
            sentence: The next sentence of the article.
            people: Full names of the people the article has named so far.

        Returns:
            Pairs (word, name): ("he", "Camillo Benso") or ("count", "Camillo Benso"),
            for the words of this sentence that stand for one person certainly.
        """
        if len(people) != self._known:
            self._known = len(people)  # someone new met: the ways of naming them change
            self._meaning = _ways_of_naming(people)
            if not self.page and self.title:
                # "Simón Bolívar Fast Facts": the person the page is about
                self.page = next((p for p in people if " " in p and p in self.title), "")
        names = _mentions(sentence, self._meaning)
        for at, end, name in names:
            title = _title_at(sentence, at, end)
            if title:
                holders = self.titled.setdefault(title, [])
                if name not in holders:
                    holders.append(name)
                if title in _MALE:
                    self.gender.setdefault(name, "m")
                elif title in _FEMALE:
                    self.gender.setdefault(name, "f")
            made = _MADE.match(sentence[end:])
            if made and made.group(1).lower() in _MALE:
                self.gender.setdefault(name, "m")  # "Faisal was crowned king"
            elif made and made.group(1).lower() in _FEMALE:
                self.gender.setdefault(name, "f")
            given = name.split()[0] if name else ""
            if given in GIVEN_WOMEN:
                self.gender.setdefault(name, "f")  # "Catherine of Aragon": not "he"
            elif given in GIVEN_MEN:
                self.gender.setdefault(name, "m")
        subject = self._subject(sentence, names)
        if subject is None:
            pass  # "The reward was a seat at the Congress": still about the same person
        elif subject[0] in ("he", "she"):
            sex = "m" if subject[0] == "he" else "f"
            known = self.gender.get(self.current)
            if self.current and known not in (None, sex):
                self.current = ""  # "She" after a man: someone the text has not named
            elif self.current:
                self.gender[self.current] = sex
        else:
            self.current = subject[1]  # "" for someone the article has not named before
        named = {who for _, _, who in names} | {
            who for m in _THE_TITLE.finditer(sentence) if (who := self._meant(m.group(1)))
        }
        if self._unknown_subject(sentence, people):
            named.add("")  # "But Napoleon did not keep still": someone "he" may be now
            self.current = ""
        if _SPEAKER.match(sentence):
            # in a transcript "he" and "she" are whoever the speakers talk of, never the
            # speaker named in the label
            named.add("")
            self.current = ""
        out: list[tuple[str, str]] = []
        # "he" is the subject only when no one else was named since: after "Washington
        # gave the command to Anthony Wayne", "He" may be either
        if self.current and (named or self.rivals) <= {self.current}:
            known = self.gender.get(self.current)
            out += [(word, self.current) for word, s in _PRONOUNS if known in (None, s)]
        if named:
            self.rivals = named
        if self.page and self._no_subject(sentence):
            out.append(("page", self.page))  # "1810 - Travels to London": the page's person
        for m in _THE_TITLE.finditer(sentence):
            who = self._holder(m.group(1).lower())
            if who and (m.group(1).lower(), who) not in out:
                out.append((m.group(1).lower(), who))
        return tuple(out)

    def _no_subject(self, sentence: str) -> bool:
        """Whether ``sentence`` is a list entry that says what was done but not by whom.

        "1810 - Travels to London", "1799 - Is sent to Spain", "1842 - His remains are
        moved": after the entry's date, a verb with no name before it (a capitalised word ending in -s that the
        article never writes mid-sentence), "Is", "Was", or "His".
        """
        m = _ENTRY.match(sentence)
        if m is None or not re.search(r"\d", m.group("date") or ""):
            return False  # a timeline's entry opens with its date
        word, after = m.group("word"), m.group("next")
        if word in _BARE_VERBS:
            return True  # "1799 - Is sent to Spain": "sent" is no plural's verb here
        if after.islower() and (after.endswith("ed") or after in _PAST):
            return False  # "Envoys led by Sucre", "Troops marched": a plural, then its verb
        return (
            word.endswith("s")
            and not word.endswith("ss")
            and word not in self.names
            and word not in PLACES
            and word not in COUNTRY_OF
            and word not in FUNCTION_WORDS
        )

    def _meant(self, title: str) -> str:
        """Whom "the <title>" means: its one holder, or with none yet, the current person."""
        title = title.lower()
        return self._holder(title) or ("" if self.titled.get(title) else self.current)

    def _holder(self, title: str) -> str:
        """The one person the article has called ``title``, else ""."""
        holders = self.titled.get(title, [])
        return holders[0] if len(holders) == 1 else ""

    def _unknown_subject(self, sentence: str, people: Collection[str]) -> bool:
        """Whether ``sentence`` opens with a name the article has not told of as a person.

        "But Napoleon did not keep still": a capitalised word the article also
        writes mid-sentence (so a name, not "Tired of ..."), and no place, country
        or organisation.
        """
        m = _UNKNOWN_SUBJECT.match(sentence)
        word = m.group(1) if m else ""
        return (
            word in self.names
            and word not in FUNCTION_WORDS
            and word not in COUNTRY_OF
            and word not in PLACES
            and word not in CAPITAL_OF
            and word not in ORG_WORDS
            and word not in DEMONYM_PLURALS
            and word.lower() not in _TITLES
            and not any(word in full.split() for full in people)
        )

    def _subject(self, sentence: str, names: list[tuple[int, int, str]]) -> tuple[str, str] | None:
        """The person a sentence is about: ("he", ""), ("name", who), or None."""
        found: list[tuple[int, str, str]] = [(at, "name", who) for at, _, who in names]
        found += [(m.start(), m.group(0).lower(), "") for m in _PRONOUN.finditer(sentence)]
        for m in _THE_TITLE.finditer(sentence):
            title = m.group(1).lower()
            # a title no one holds yet ("the prince" after "Louis-Napoleon ... was born"):
            # the same person as before; two holders: no one knows which
            who = self._meant(title)
            found.append((m.start(), "title", who))
        for at, kind, who in sorted(found):
            if at > _SUBJECT_REACH:
                return None
            if _OBJECT_BEFORE.search(sentence, max(0, at - 40), at):
                continue  # "met Franz Joseph", "quarrelled with King X": an object
            if kind in ("he", "she"):
                return (kind, "")
            return ("name", who) if who else None
        return None


def _ways_of_naming(people: Collection[str]) -> dict[str, str]:
    """Every way ``people`` are named (in full, by a surname or a first name) and whom
    each way means: "" for a word two people share."""
    surnames: dict[str, list[str]] = {}
    firsts: dict[str, list[str]] = {}
    meaning = {full: full for full in people}
    for full in people:
        words = full.split()
        if len(words) > 1 and not re.fullmatch(r"[IVX]+", words[-1]):
            surnames.setdefault(words[-1], []).append(full)
        if len(words) > 1 and not words[0].endswith("."):
            firsts.setdefault(words[0], []).append(full)  # "Marie" for Marie Curie
    for word in {*surnames, *firsts}:
        if word in meaning:
            continue
        fulls = list(dict.fromkeys([*surnames.get(word, []), *firsts.get(word, [])]))
        # "Marie Curie" and "Marie Skłodowska Curie": one person, named more or less fully;
        # "Aliyev" with two Aliyevs: someone, but no one knows which, so "he" after
        # it means no one
        one = len({(f.split()[0], f.split()[-1]) for f in fulls}) == 1
        meaning[word] = min(fulls, key=len) if one else ""
    return meaning


_TOKEN = rf"[{UPPER}][\w.'-]*"
_RUN = re.compile(
    rf"{_TOKEN}(?:\s+(?:(?:de|da|di|du|del|der|van|von|bin|ibn|al|la|le)\s+)?{_TOKEN})*"
)


_WORD = re.compile(r"\S+")


def _mentions(sentence: str, meaning: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where ``sentence`` names someone of ``meaning``'s: (start, end, full name).

    The runs of capitalised words are looked up word group by word group,
    longest first: no pattern is built per article.
    """
    found: list[tuple[int, int, str]] = []
    for run in _RUN.finditer(sentence):
        words = [
            (m.start() + run.start(), m.end() + run.start()) for m in _WORD.finditer(run.group(0))
        ]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                start, end = words[i][0], words[j - 1][1]
                text = " ".join(sentence[a:b] for a, b in words[i:j])
                bare = text.removesuffix("'s")
                if bare in meaning:
                    found.append((start, end - (len(text) - len(bare)), meaning[bare]))
                    i = j
                    break
            else:
                i += 1
    return found


def _title_at(sentence: str, at: int, end: int) -> str:
    """The title the sentence gives the name at ``sentence[at:end]``, if any."""
    before = _TITLE_BEFORE.search(sentence, max(0, at - 20), at)
    if before:
        return before.group(0).strip().lower()
    after = _TITLE_AFTER.match(sentence[end : end + 40])
    return after.group(1).lower() if after else ""


def name_who(text: str, gap: tuple[int, int], who: tuple[tuple[str, str], ...]) -> str:
    """``text`` with "[Name]" after each "he" or "the count" that stands for someone unnamed.

    Nothing is added for a person the text already names, after a word that
    another person's name comes before (which of the two "he" means, only a
    reader of the whole passage knows), or inside the gap; each person once.
    """
    if not who:
        return text
    meaning = dict(who)
    shown = text[: gap[0]] + " " + text[gap[1] :]
    adds: list[tuple[int, str]] = []
    for m in _STANDS_FOR.finditer(text):
        name = meaning.get(m.group(1).lower().removeprefix("the").strip(), "")
        if not name or gap[0] <= m.start() < gap[1] or any(n == name for _, n in adds):
            continue
        if any(re.search(rf"\b{re.escape(w)}\b", shown) for w in _name_words(name)):
            continue  # "Camillo Benso ... the count": named already
        if any(w in text[gap[0] : gap[1]] for w in _name_words(name)):
            continue  # "{{John F. Kennedy}} said he ...": the name would give the answer away
        if quoted(text, m.start()):
            continue  # "'He will come back,' she said": a quotation's "he" is the speaker's
        if _A_NAME.search(_outside(text, gap, m.start())):
            break  # "Smith met Jones and he ...": which one, the reader decides
        adds.append((m.end(), name))
    page = meaning.get("page", "")
    entry = _ENTRY.match(text) if page else None
    if (
        entry
        and not any(n == page for _, n in adds)
        and not gap[0] <= entry.start("word") < gap[1]
        and not any(re.search(rf"\b{re.escape(w)}\b", shown) for w in _name_words(page))
    ):
        at = entry.end("word") if entry.group("word") in ("His", "Her") else entry.start("word")
        adds.append((at, page))
    for at, name in sorted(adds, reverse=True):
        if at > 0 and text[at - 1] != " ":
            text = f"{text[:at]} [{name}]{text[at:]}"
        else:
            text = f"{text[:at]}[{name}] {text[at:]}"
    return text


# "he", "she", "the count", "the emperor's": a word that stands for a person
_STANDS_FOR = re.compile(rf"\b([Hh]e|[Ss]he|him|[Tt]he\s+(?:{_TITLE}))\b(?:'s\b)?")
_A_NAME = re.compile(rf"\b[{UPPER}][a-z]+\s+[{UPPER}][a-z]+")


def _name_words(name: str) -> list[str]:
    return [w for w in name.replace("-", " ").split() if len(w) > 1 and not w.isupper()]


def _outside(text: str, gap: tuple[int, int], upto: int) -> str:
    """What stands before ``upto`` in ``text``, the gap taken out."""
    if gap[0] < upto:
        return text[: gap[0]] + " ... " + text[gap[1] : upto]
    return text[:upto]
