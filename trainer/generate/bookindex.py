"""A book's index, read as a reader reads its entries.

An index files each entry under its key word, so it turns names round and
runs page numbers after them, and carries a long entry on in indented lines::

    Kościuszko, Tadeusz (1746-1817), 231-50: veteran of the American War of
        Independence; proclaimed the rising at Kraków on 24 March 1794
    Partition, First (1772), 58-94, *62*: conventions signed at St Petersburg

Read as prose, "Kościuszko, Tadeusz" is two names, and "231-50" and "58-94"
are ranges of years. :func:`index_as_lines` turns each entry into one line in
the order a sentence names things, without its page numbers: "Tadeusz
Kościuszko (1746-1817): veteran of ...", "First Partition (1772): conventions
signed ...". Nothing else in the text changes, and a text that is not an index
is returned as it is.
"""

from __future__ import annotations

import re

from trainer.generate.lexicon import LOWER, UPPER

# A page reference: "58", "96n", "*62*" (a map), "231-50", "150-66".
_PAGE = r"\*?\d{1,4}n?\*?(?:-\d{1,4})?"
# An entry's head: its key, up to two more parts after commas, a bracket of dates,
# then its pages; what follows is its gloss (after ":") or its references (after ";").
_ENTRY = re.compile(
    r"(?P<head>[^\s,:;()][^,:;()\n]{0,50}(?:, (?![\d*])[^,:;()\n]{1,50}){0,2})"
    r"(?P<dates> \([^()\n]{1,40}\))?"
    rf", (?P<pages>{_PAGE}(?:,? {_PAGE})*)(?=[:;]|$)"
)
# A see-reference entry: "Four-Year Sejm, see Great Sejm".
_SEE = re.compile(r"[^\s,:;()][^,:;()\n]{0,50}, see\b")
_ORDINALS = frozenset(
    ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"]
)
_NAME_WORD = rf"[{UPPER}][{LOWER}'-]+"
_FORENAMES = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}")
_SURNAME = re.compile(rf"(?:(?:de|van|von|la|le) )?{_NAME_WORD}")

MIN_ENTRIES = 5
"""How many entries with page numbers make a text an index."""


def index_as_lines(text: str) -> str:
    """``text`` with each index entry on one line, its head in reading order and no pages.

    A text is read as an index when at least :data:`MIN_ENTRIES` of its lines are
    entries with page numbers, and entries and see-references make most of the
    lines that start at the margin.
    """
    lines = text.split("\n")
    margin = [line for line in lines if line.strip() and not line[0].isspace()]
    entries = sum(_ENTRY.match(line) is not None for line in margin)
    sees = sum(_SEE.match(line) is not None for line in margin)
    if entries < MIN_ENTRIES or (entries + sees) * 2 < len(margin):
        return text
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1][:1].strip() and line[:1].isspace() and line.strip():
            joined[-1] += " " + line.strip()  # an entry carried on in an indented line
        else:
            joined.append(line)
    out: list[str] = []
    for line in joined:
        m = _ENTRY.match(line)
        if m is None:
            out.append(line)
            continue
        head = _reading_order(m.group("head"))
        out.append(f"{head}{m.group('dates') or ''}{line[m.end() :]}")
    return "\n".join(out)


def _reading_order(head: str) -> str:
    """ "Kościuszko, Tadeusz" as "Tadeusz Kościuszko"; "Grodno, Sejm of" as "Sejm of Grodno".

    A key with a role after the name keeps it after: "Suvorov, Alexander,
    Russian general" is "Alexander Suvorov, Russian general". A head that is
    not turned round ("Catherine II, Empress of Russia") stays as it is.
    """
    parts = head.split(", ")
    if len(parts) < 2:
        return head
    key, turned, rest = parts[0], parts[1], parts[2:]
    if turned.endswith(" of") or turned in _ORDINALS:
        return ", ".join([f"{turned} {key}", *rest])  # "Sejm of Grodno", "First Partition"
    if _SURNAME.fullmatch(key) and _FORENAMES.fullmatch(turned):
        return ", ".join([f"{turned} {key}", *rest])  # "Stanisław August Poniatowski"
    return head
