"""Countries named in a stretch of text, by name, adjective or capital."""

from __future__ import annotations

import re

from trainer.generate.lexicon import CAPITAL_OF, COUNTRY_OF, country_of


def countries_in(text: str, places: bool = False) -> list[str]:
    """Countries named in ``text`` (by name, adjective or capital), in order.

    A capital after "in" or "at" is where something happened, not a party,
    unless ``places`` is true.
    """
    found: list[str] = []
    tokens = re.findall(r"[A-Z][\wü'-]*", text)
    i = 0
    while i < len(tokens):
        two = f"{tokens[i]} {tokens[i + 1]}".removesuffix("'s") if i + 1 < len(tokens) else ""
        word = tokens[i].removesuffix("'s")
        step = 1
        country = None
        if two and (two in COUNTRY_OF or two in CAPITAL_OF) and two in text:
            country, step, word = country_of(two), 2, two
        else:
            country = country_of(word)
        if (
            country
            and word in CAPITAL_OF
            and not places
            and re.search(rf"\b(?:in|at)\s+{re.escape(word)}\b", text)
        ):
            country = None
        if country and country != "Soviet Union" and country not in found:
            found.append(country)
        i += step
    return found


def clause_around(s: str, start: int, end: int) -> str:
    """The comma-delimited clause of ``s`` holding ``s[start:end]``."""
    left = max(s.rfind(", ", 0, start), s.rfind("; ", 0, start))
    right_candidates = [i for i in (s.find(", ", end), s.find("; ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(s)
    return s[left + 1 if left >= 0 else 0 : right]
