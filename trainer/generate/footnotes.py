"""Numbered notes under a rule at the foot of a text, and their numbers in it.

A thesis chapter or a printed essay runs a note's number on after the
sentence it cites ("... out of the Baltic altogether.3") and sets its notes
under a short rule at the end::

    ______________________
    1. Michael Roberts, Gustavus Adolphus, vol. 1 (London, 1953), 58.
    2. Ibid., 71-74.

The notes cite books: their years date no history. :func:`without_notes`
leaves them out, with the note numbers in the text, so that "altogether.3"
ends its sentence and "1953" is no date of the chapter.
"""

from __future__ import annotations

import re

# The rule over the notes: a line of underscores, dashes or stars alone.
_RULE = re.compile(r"^[ \t]*(?:_{4,}|-{4,}|\*{3,}|—{2,})[ \t]*$", re.M)
_NOTE = re.compile(r"^[ \t]*(\d{1,3})[.)][ \t]+\S")
# What a citation holds: "Ibid.", "(London, 1953)", "(Harlow, 2000), 104-6.", "1:96."
_CITATION = re.compile(
    r"\bIbid\b|\bop\. cit\b|\([^()]{2,60},?\s+\d{4}\)|,\s*\d{1,4}(?:-\d{1,4})?\.\s*$|\d:\d",
    re.IGNORECASE,
)
# A note's number run on after the words it cites: "altogether.3 The", "Poland and
# Russia.1", "Altmark,7 concluded" (not "1.5 million": a digit comes before the point).
_MARK = re.compile(
    r"(?<=[A-Za-z\u00c0-\u024f][.,;:!?\"')])(\d{1,3})(?=\s|$)"
    # "on 6 July 1630.9 He was killed": after a year and a full stop, before a sentence
    r"|(?<=\b\d{4}\.)(\d{1,3})(?=\s+[A-Z]|\s*$)"
    r"|(?<=\b\d{4}[,;:])(\d{1,3})(?=\s)"
)

MIN_NOTES = 2
"""How many numbered citations under a rule make a block of notes."""


def without_notes(text: str) -> str:
    """``text`` without the notes under its last rule, and without their numbers in the text.

    The notes are left out only when every line after the rule is a numbered
    note or carries one on, at least :data:`MIN_NOTES` of them, and most
    read as citations. Else ``text`` is returned as it is.
    """
    rules = list(_RULE.finditer(text))
    if not rules:
        return text
    rule = rules[-1]
    lines = [line for line in text[rule.end() :].split("\n") if line.strip()]
    numbers = [int(m.group(1)) for line in lines if (m := _NOTE.match(line))]
    if len(numbers) < MIN_NOTES or numbers[0] != 1:
        return text
    notes = [line for line in lines if _NOTE.match(line)]
    if sum(_CITATION.search(line) is not None for line in notes) * 2 < len(notes):
        return text
    body = text[: rule.start()]
    highest = max(numbers)
    return _MARK.sub(
        lambda m: "" if int(m.group(m.lastindex or 1)) <= highest else m.group(0), body
    )
