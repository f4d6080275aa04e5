"""Facts -> a v1 deck: one card per fact, in the project's own question templates.

Card ids derive from the fact (its kind, date and key words), so running the
generator again on the same articles gives the same ids and progress survives
regeneration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.generate.dates import accept_variants, when_words
from trainer.generate.extract import STOPWORDS, Fact
from trainer.generate.lexicon import ROLES

_PREFIX = {
    "day": "On which date",
    "month": "In which month and year",
    "year": "In which year",
    "range": "Over which years",
    "period": "In which period",
}


@dataclass(frozen=True, slots=True)
class DraftCard:
    """One card of a generated deck, before it is written as YAML."""

    id: str
    kind: str
    front: str
    back: str
    when: str = ""
    accept: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    type: str = "basic"

    def as_dict(self) -> dict[str, object]:
        """The card as deck-format keys, empty ones left out."""
        out: dict[str, object] = {"id": self.id}
        if self.type != "basic":
            out["type"] = self.type
        out["kind"] = self.kind
        if self.when:
            out["when"] = self.when
        out["front"] = self.front
        out["back"] = self.back
        if self.accept:
            out["accept"] = list(self.accept)
        if self.source:
            out["source"] = self.source
        if self.note:
            out["note"] = self.note
        return out


def slug(text: str, words: int = 5) -> str:
    """Lower-case words joined by dashes, stop words left out."""
    found = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]
    return "-".join(found[:words]) or "fact"


def _precision(when: str, words: str = "") -> str:
    if "century" in words or re.search(r"\d0s\b", words):
        return "period"
    if "/" in when:
        a, b = when.split("/")
        return "range" if (len(a) == 4 and len(b) == 4 and int(b) - int(a) < 40) else "period"
    return {10: "day", 7: "month"}.get(len(when), "year")


def _sources(fact: Fact) -> str:
    by_file: dict[str, list[int]] = {}
    for name, number in fact.sources:
        by_file.setdefault(name, [])
        if number and number not in by_file[name]:
            by_file[name].append(number)
    return "; ".join(
        f"{name} " + ", ".join(f"¶{n}" for n in sorted(numbers)) if numbers else name
        for name, numbers in by_file.items()
    )


def _and(items: list[str] | tuple[str, ...]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_CUT = re.compile(
    r"\s+(?:as part of|beneath|under the guise|to come|in order to|in hopes of|which|who|whose|while|although|"
    r"though|because|so that|before being|after being)\b.*$|(?<=\w{3}),\s.*$",
    re.IGNORECASE,
)
_DROP = re.compile(
    r"\b(?:the|a|an|its|their|had|has|have|was|were|been|being|reportedly|already|also|still|really|"
    r"just|then|own)\s+",
    re.IGNORECASE,
)
# "Armenia's prime minister, Nikol Pashinyan, met ..." -> "Nikol Pashinyan met ..."
_APPOSITIVE = re.compile(
    r"(?:\b(?:the|a|an|[A-Z][\w']*)\s+){0,2}\b(?i:"
    + "|".join(sorted((re.escape(r) for r in ROLES), key=len, reverse=True))
    + r"),\s+((?:[A-Z][\w'-]+\s?){1,4}),\s*",
)


# "King Carol I, the first king of Romania, opened ..." -> "King Carol I opened ..."
_APPOSITIVE_AFTER = re.compile(
    r"((?:[A-Z][\w'-]*\s?){1,4}),\s+(?:the|a|an)\s+[^,]{0,40}?\b(?i:"
    + "|".join(sorted((re.escape(r) for r in ROLES), key=len, reverse=True))
    + r")\b[^,]{0,30},\s*"
)
_QUALIFIERS = ("since", "after", "before", "until")


def headline(label: str, limit: int = 12) -> str:
    """A description in headline style: its core, without articles, auxiliaries or asides.

    The card names the fact in a few words of its own rather than repeating
    the article's sentence.
    """
    core = _APPOSITIVE.sub(lambda m: m.group(1).strip() + " ", label.strip().rstrip("."))
    core = _APPOSITIVE_AFTER.sub(r"\1 ", core)
    core = _CUT.sub("", core)
    core = _DROP.sub("", core + " ").strip()
    words = core.split()
    if len(words) > limit:
        words = words[:limit]
        while words and words[-1].lower() in STOPWORDS:
            words.pop()
    text = " ".join(words) or label
    return text[0].upper() + text[1:]


def _date_card(fact: Fact) -> DraftCard:
    precision = _precision(fact.when, fact.words)
    prefix = _PREFIX[precision]
    qualified = fact.note in _QUALIFIERS
    if qualified:
        word = fact.note.capitalize()
        prefix = f"{word} which year" if precision == "year" else f"{word} when"
    label = headline(fact.title)
    context = ""
    if fact.note and not qualified:
        aside = headline(fact.note, 12)
        context = f" ({aside[0].lower()}{aside[1:]})"
    answer = (fact.words or when_words(fact.when)).removeprefix("since ")
    accept = accept_variants(fact.when, answer) if precision != "period" else []
    return DraftCard(
        "",
        "date",
        f"{prefix}: {label}{context}?",
        answer,
        fact.when,
        tuple(accept),
        _sources(fact),
        " ".join(fact.notes),
    )


def _person_card(fact: Fact) -> DraftCard:
    role = fact.detail or "Named in the article; no role is given"
    surname = fact.title.split()[-1]
    accept = (surname,) if " " in fact.title else ()
    reversible = (
        bool(fact.detail) and " of " in fact.detail and not fact.detail.startswith("Author")
    )
    return DraftCard(
        "",
        "person",
        f"Who is {fact.title}?" if not reversible else fact.title,
        role,
        accept=accept,
        source=_sources(fact),
        note=" ".join(fact.notes),
        type="reversed" if reversible else "basic",
    )


def _treaty_card(fact: Fact) -> DraftCard:
    year = fact.when[:4] if fact.when else ""
    src = _sources(fact)
    if fact.detail == "organisation":
        led = f", led by {fact.broker}" if fact.broker else ""
        if fact.acronym:
            return DraftCard(
                "",
                "treaty",
                f"What does {fact.acronym} stand for?",
                fact.title,
                accept=(fact.acronym,),
                source=src,
                note=f"An organisation{led}.".replace("An organisation.", ""),
            )
        return DraftCard(
            "",
            "treaty",
            f"What kind of body is the {fact.title}?",
            f"An international organisation{led}",
            source=src,
        )
    desc = fact.title
    core = fact.detail or "agreement"
    place = re.search(r" agreed in ([A-Z][\w-]+)", desc)
    if place:
        what = desc[: place.start()]
        front = f"Where was the {year + ' ' if year else ''}{what} agreed?"
        return DraftCard("", "treaty", front, place.group(1), fact.when, source=src)
    if fact.broker and core == "ceasefire":
        front = (
            f"Who brokered the {year + ' ' if year else ''}ceasefire"
            + (f" between {_and(fact.parties)}" if fact.parties else "")
            + "?"
        )
        return DraftCard(
            "",
            "treaty",
            front,
            fact.broker,
            fact.when,
            source=src,
            note=f"The {desc}.".replace("The ceasefire brokered by", "Brokered by"),
        )
    if fact.key.startswith("treaty:"):
        # a named treaty
        between = f" between {_and(fact.parties)}" if len(fact.parties) >= 2 else ""
        signed = f", signed in {year}" if year else ""
        return DraftCard(
            "",
            "treaty",
            f"What is the {desc}?",
            f"A treaty{between}{signed}",
            fact.when,
            source=src,
        )
    if fact.parties and year and "peace" not in desc:
        return DraftCard(
            "",
            "treaty",
            f"What did {_and(fact.parties)} sign in {when_words(fact.when)}?",
            f"A {desc}",
            fact.when,
            source=src,
        )
    if fact.parties:
        return DraftCard(
            "",
            "treaty",
            f"Which agreement are {_and(fact.parties)} working towards?",
            f"A {desc}",
            source=src,
        )
    return DraftCard(
        "",
        "treaty",
        f"Which {core} does the text describe{' in ' + year if year else ''}?",
        f"A {desc}",
        fact.when,
        source=src,
    )


def cards_for(facts: list[Fact]) -> list[DraftCard]:
    """One card per fact, with stable, unique ids."""
    out: list[DraftCard] = []
    seen: dict[str, int] = {}
    for fact in facts:
        if fact.kind == "date":
            card = _date_card(fact)
            base = f"date-{fact.when.replace('/', '-')}-{slug(fact.title, 4)}"
        elif fact.kind == "person":
            card = _person_card(fact)
            base = f"person-{slug(fact.title, 4)}"
        else:
            card = _treaty_card(fact)
            base = f"treaty-{slug(fact.acronym or fact.title, 5)}" + (
                f"-{fact.when[:4]}" if fact.when else ""
            )
        seen[base] = seen.get(base, 0) + 1
        card_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(
            DraftCard(
                card_id,
                *[
                    getattr(card, f)
                    for f in ("kind", "front", "back", "when", "accept", "source", "note", "type")
                ],
            )
        )
    return out


def deck_yaml(
    cards: list[DraftCard], deck_id: str, title: str, sources: list[str], description: str = ""
) -> str:
    """The deck as YAML text (format 1) with a header saying where it came from."""
    import yaml

    header = (
        "# Drafted by 'trainer generate' from: " + ", ".join(sources) + "\n"
        "# Review every card before studying: wording is machine-made.\n"
    )
    body = {
        "format": 1,
        "id": deck_id,
        "title": title,
        "description": description or f"Dates, people and treaties from {_and(sources)}.",
        "cards": [c.as_dict() for c in cards],
    }
    text = yaml.safe_dump(
        body, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return header + text
