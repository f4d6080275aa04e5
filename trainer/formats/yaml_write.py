"""Decks of entries -> deck format v1 YAML, and the same deck as :class:`Deck`.

The text is written by hand, not by a YAML library: one card per block,
every value plain when it is plainly text, else quoted (single quotes where
nothing needs escaping, double quotes with escapes otherwise). The deck built
alongside is exactly what reading the text back gives (the tests check it),
so a big import need not parse what it has just written.
"""

from __future__ import annotations

import functools
import json
import re

from trainer.core.deck import FORMAT_VERSION, entry_cards
from trainer.core.model import Card, CardKind, CardType, Deck
from trainer.formats.model import Entry, Progress, gap_numbers

IMPORTED_MARK = "# Imported by trainer"
"""How a deck file that an import wrote begins (so a re-import may replace it)."""

# Plain scalars that YAML reads as text: no leading indicator (nor '-'), no ': ' or
# ' #', no trailing colon, one line, printable (and see _TYPED_WORDS in quote).
_PLAIN = re.compile(r"[\w(][\w .,;()/'?!+=%$€£~^-]*")
_PLAIN_END = re.compile(r"[\w).?!'%$€£~^-]")
# What single quotes cannot hold as it is: control characters (tab and line breaks
# included), the line and paragraph separators, surrogates, the BOM and U+FFFE/U+FFFF.
# Listed as such: the negated set of what they can hold took milliseconds to compile.
_SINGLE_BAD = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


# JSON's escapes are YAML's too; json.dumps leaves these as they are, YAML needs them escaped.
_STILL_BAD = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


# Plain words YAML 1.1 readers take for booleans or null (PyYAML: yes, No, ON, null...),
# in any case; a plain scalar that starts with a digit may be a number or a date.
_TYPED_WORDS = frozenset(("yes", "no", "y", "n", "true", "false", "on", "off", "null"))


def quote(value: str) -> str:
    """``value`` as a YAML scalar that reads back as exactly ``value``, with any YAML reader.

    Plain when it is plainly text (our deck reader keeps every scalar as written, but
    other tools read ``no`` as false and ``1997`` as a number), else quoted.
    """
    if (
        _PLAIN.fullmatch(value)
        and _PLAIN_END.match(value[-1])
        and not value[0].isdigit()
        and value.lower() not in _TYPED_WORDS
    ):
        return value
    if not _SINGLE_BAD.search(value):
        return "'" + value.replace("'", "''") + "'"
    out = json.dumps(value, ensure_ascii=False)
    if _STILL_BAD.search(out):
        out = _STILL_BAD.sub(_escape, out)
    return out


@functools.lru_cache(maxsize=1024)
def _list(items: tuple[str, ...]) -> str:
    """A flow list (remembered: the same tags come back entry after entry)."""
    return "[" + ", ".join(_q(i) if _FLOW.search(i) else quote(i) for i in items) + "]"


# What ends a plain scalar inside a flow list (PyYAML stops at '?' there too).
_FLOW = re.compile(r"[,\[\]{}?]")


def _q(value: str) -> str:
    """Quoted even when plain would do (inside a flow list, ',', '?' and brackets matter)."""
    quoted = quote(value)
    return quoted if quoted[0] in "'\"" else "'" + value.replace("'", "''") + "'"


def comment(text: str) -> str:
    """One comment line's text: line breaks and control characters left out."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text).strip()


def render(
    deck_id: str,
    title: str,
    entries: list[Entry],
    path: str,
    description: str = "",
    tags: tuple[str, ...] = (),
    header: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> tuple[str, Deck]:
    """The deck file's text, and the :class:`Deck` reading it back gives.

    Args:
        path: Where the file will be (the deck's ``path``).
        header: Comment lines for the top of the file.
        progress: Told how many entries are written (every 1,000).
    """
    lines = [f"# {comment(h)}" for h in header]
    lines.append(f"id: {quote(deck_id)}")
    if title and title != deck_id:
        lines.append(f"title: {quote(title)}")
    if description:
        lines.append(f"description: {quote(description)}")
    if tags:
        lines.append(f"tags: {_list(tags)}")
    lines.append(f"format: {FORMAT_VERSION}")
    lines.append("cards:")
    cards: list[Card] = []
    for done, entry in enumerate(entries):
        if progress is not None and done and done % 1000 == 0:
            progress(done, len(entries))
        line = len(lines) + 1
        lines.append(f"  - id: {quote(entry.id)}")
        if entry.type is not CardType.BASIC:
            lines.append(f"    type: {entry.type.value}")
        if entry.kind is not CardKind.OTHER:
            lines.append(f"    kind: {entry.kind.value}")
        if entry.when:
            lines.append(f"    when: {quote(entry.when)}")
        lines.append(f"    front: {quote(entry.front)}")
        if entry.back:
            lines.append(f"    back: {quote(entry.back)}")
        if entry.ask:
            lines.append(f"    ask: {quote(entry.ask)}")
        if entry.ask_reverse:
            lines.append(f"    ask_reverse: {quote(entry.ask_reverse)}")
        if entry.accept:
            lines.append(f"    accept: {_list(entry.accept)}")
        if entry.accept_reverse:
            lines.append(f"    accept_reverse: {_list(entry.accept_reverse)}")
        if entry.tags:
            lines.append(f"    tags: {_list(entry.tags)}")
        if entry.source:
            lines.append(f"    source: {quote(entry.source)}")
        if entry.note:
            lines.append(f"    note: {quote(entry.note)}")
        cards.extend(
            entry_cards(
                entry.id,
                entry.type,
                entry.kind,
                entry.front,
                entry.back,
                ask=entry.ask or None,
                ask_reverse=entry.ask_reverse or None,
                accept=entry.accept,
                accept_reverse=entry.accept_reverse,
                when=entry.when,
                tags=entry.tags,
                source=entry.source,
                note=entry.note,
                line=line,
                numbers=list(gap_numbers(entry.front)) if entry.type is CardType.CLOZE else None,
            )
        )
    deck = Deck(deck_id, title or deck_id, path, tuple(cards), description, tags)
    return "\n".join(lines) + "\n", deck
