"""YAML -> light nodes that keep every scalar as written, with its position.

Deck files are read in one of two ways that give the same nodes:

* :func:`fast_compose` reads the plain block style that decks are written in
  (mappings, lists, one-line plain or quoted values, one-line flow lists) line
  by line. It gives up (returns None) at the first thing outside that subset:
  anchors, tags, block scalars, multi-line values, escapes, flow mappings...
* :func:`yaml_compose` uses PyYAML's composer (libyaml when present) for
  everything else, and reports YAML syntax errors.

The fast reader exists for speed and memory: on a 100,000-card deck PyYAML's
node tree costs several seconds and half a gigabyte. Tests check that both
readers agree wherever the fast one answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class Scalar:
    """A scalar: the text as written (quotes removed), 0-based line and column."""

    __slots__ = ("col", "line", "value")

    def __init__(self, value: str, line: int, col: int) -> None:
        self.value = value
        self.line = line
        self.col = col

    def __repr__(self) -> str:
        return f"Scalar({self.value!r}, {self.line}, {self.col})"


class Seq:
    """A list of nodes."""

    __slots__ = ("col", "line", "value")

    def __init__(self, value: list[Node], line: int, col: int) -> None:
        self.value = value
        self.line = line
        self.col = col


class Map:
    """A mapping as ``(key, key line, key column, value)`` in file order.

    Duplicates are kept; a key that is not a scalar has the key ``None``.
    """

    __slots__ = ("col", "line", "value")

    def __init__(self, value: list[tuple[str | None, int, int, Node]], line: int, col: int) -> None:
        self.value = value
        self.line = line
        self.col = col


Node = Scalar | Seq | Map


def describe(node: Node) -> str:
    """'a mapping', 'a list' or 'text', for messages."""
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    return "text"


# -- nesting, bounded before any parser sees it -------------------------------

MAX_DEPTH = 32
"""A deck is a few levels deep (deck, cards, card, a list of answers); YAML
nested much deeper than this is refused before PyYAML sees it: libyaml's
composer recurses and crashes on tens of thousands of levels, and the node
conversion would exhaust Python's stack long before."""

_FLOW = re.compile(r"[\[\]{}'\"#]")
# Every line break YAML knows (it reads NEL, LS and PS as breaks too).
_LINES = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_DASHES = re.compile(r"(?:-(?: +|$))+")


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """Where ``text`` first nests deeper than ``limit`` (0-based line and column), or None.

    Counts block levels by indentation and dashes, and flow levels by brackets
    outside quoted values and comments. It may count a level too many (a block
    scalar's lines, say), never too few, and reads each character once.
    """
    stack: list[int] = []
    flow = 0
    quote = ""
    for number, line in enumerate(_LINES.split(text)):
        start = 0
        if not quote and not flow:
            stripped = line.lstrip(" ")
            if not stripped or stripped[0] == "#":
                continue
            indent = len(line) - len(stripped)
            while stack and stack[-1] >= indent:
                stack.pop()
            stack.append(indent)
            dashes = _DASHES.match(stripped)
            if dashes:
                stack.extend(indent + 1 + i for i in range(dashes.group().count("-")))
            if len(stack) > limit:
                return number, indent
            start = indent
        pos = start
        while True:
            m = _FLOW.search(line, pos)
            if m is None:
                break
            char, at = m.group(), m.start()
            pos = at + 1
            if quote:
                if char == quote:
                    if quote == "'" and line.startswith("''", at):
                        pos = at + 2
                    elif quote == '"' and _escaped(line, at):
                        continue
                    else:
                        quote = ""
                continue
            before = line[:at].rstrip(" ")
            if char == "#":
                if at == 0 or line[at - 1] == " ":
                    break  # a comment: the rest of the line is not YAML
            elif char in "'\"":
                # A quote opens a value only where a value may start.
                if not before or before[-1] in "[{,:-?":
                    quote = char
            elif char in "[{":
                flow += 1
                if len(stack) + flow > limit:
                    return number, at
            else:
                flow = max(0, flow - 1)
    return None


def _escaped(line: str, at: int) -> bool:
    backslashes = len(line[:at]) - len(line[:at].rstrip("\\"))
    return backslashes % 2 == 1


# -- PyYAML ------------------------------------------------------------------


def yaml_compose(text: str) -> Node | None:
    """Compose with PyYAML (C loader when available) and convert to light nodes.

    Raises:
        yaml.YAMLError: for a syntax error.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)
    return None if root is None else _convert(root, {})


def _convert(node: Any, seen: dict[int, Node]) -> Node:
    import yaml

    # Aliases share one node; convert it once so an alias bomb stays linear.
    known = seen.get(id(node))
    if known is not None:
        return known
    mark = node.start_mark
    out: Node
    if isinstance(node, yaml.ScalarNode):
        out = Scalar(node.value, mark.line, mark.column)
    elif isinstance(node, yaml.SequenceNode):
        out = Seq([], mark.line, mark.column)
        seen[id(node)] = out
        out.value.extend(_convert(item, seen) for item in node.value)
    else:
        out = Map([], mark.line, mark.column)
        seen[id(node)] = out
        out.value.extend(
            (
                k.value if isinstance(k, yaml.ScalarNode) else None,
                k.start_mark.line,
                k.start_mark.column,
                _convert(v, seen),
            )
            for k, v in node.value
        )
    seen[id(node)] = out
    return out


# -- the fast reader -----------------------------------------------------------

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)").match
_INDENT = re.compile(r" *").match
# Characters that may not start a plain scalar here (YAML indicators), or that
# make it something other than one line of text.
_BAD_START = frozenset("-?:,[]{}#&*!|>%@`'\"")


# Tabs, carriage returns, YAML's other line breaks (NEL, LS, PS) and the
# characters YAML does not accept are all left to PyYAML.
_UNUSUAL = "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


class GiveUp(Exception):
    """The text is outside the fast reader's subset: use PyYAML.

    Raised by :func:`fast_compose`'s checks up front, and while iterating a
    lazily read list (see :class:`LazySeq`) when the subset ends part-way.
    """


class LazySeq(Seq):
    """A top-level block list, read one item at a time when iterated.

    A 100,000-card deck is never held as nodes all at once: each card's nodes
    are made, turned into a card by the caller, and dropped.
    """

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int, line: int, indent: int) -> None:
        super().__init__([], line, indent)
        self._text = text
        self._start = start
        self._end = end

    @property  # type: ignore[override]
    def value(self) -> Iterator[Node]:
        return _block_list(self._text, self._start, self._end, self.line, self.col)

    @value.setter
    def value(self, _: object) -> None:
        pass


def fast_compose(text: str) -> Node | None:
    """Read a deck in the plain block style, or return None to ask for PyYAML.

    The result is the same as :func:`yaml_compose` would give for the text.
    Iterating a :class:`LazySeq` in it may still raise :class:`GiveUp`.
    """
    if re.search(_UNUSUAL, text):  # compiled on first use, not at import
        return None
    try:
        return _top_level(text)
    except GiveUp:
        return None


# One line of the block style: indent, an optional dash, an optional key, the rest.
# Every part is optional, so it matches every line.
_LINE = re.compile(r"( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +|$))?(.*)").match


# Where a top-level block list ends: the next line that starts in column 0
# (a dash too, when the list's own dashes are not in column 0).
_TOP_LEVEL = re.compile(r"\n(?=[^ \n#])")
_TOP_LEVEL_NOT_DASH = re.compile(r"\n(?=[^ \n#-])")


def _top_level(text: str) -> Map | None:
    """The document's top-level mapping; its block lists are left to be read lazily."""
    items: list[tuple[str | None, int, int, Node]] = []
    pos = 0
    number = 0
    end = len(text)
    while pos < end:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = end
        raw = text[pos:nl].rstrip(" ")
        line_match = _LINE(raw)
        assert line_match is not None
        indent, dash, key, rest = line_match.groups()
        if not key:
            if dash or (rest and rest[0] != "#") or (indent and rest):
                raise GiveUp
        elif indent or dash:
            raise GiveUp  # nested mappings: not in the subset
        elif rest and rest[0] != "#":
            if number == 0 and raw.startswith(("---", "...", "%")):
                raise GiveUp
            items.append((key, number, 0, _inline(rest, number, len(raw) - len(rest))))
        else:
            # A key with nothing after it: a block list follows, or the value is empty.
            start = nl + 1
            list_line = number + 1
            probe = start
            while probe < end:  # skip blank and comment lines
                probe_nl = text.find("\n", probe)
                if probe_nl < 0:
                    probe_nl = end
                line_text = text[probe:probe_nl]
                stripped = line_text.lstrip(" ")
                if stripped and stripped[0] != "#":
                    break
                probe = probe_nl + 1
                list_line += 1
            line_text = text[probe : text.find("\n", probe) if text.find("\n", probe) >= 0 else end]
            stripped = line_text.lstrip(" ")
            if probe < end and stripped.startswith("- "):
                col = len(line_text) - len(stripped)
                m = (_TOP_LEVEL_NOT_DASH if col == 0 else _TOP_LEVEL).search(text, probe)
                stop = m.start() + 1 if m else end
                items.append((key, number, 0, LazySeq(text, probe, stop, list_line, col)))
                number = list_line + text.count("\n", probe, stop)
                pos = stop
                continue
            if probe < end and line_text.startswith(" "):
                raise GiveUp  # a nested mapping or a continued value
            items.append((key, number, 0, Scalar("", number, len(key) + 1)))
        pos = nl + 1
        number += 1
    if not items:
        return None
    return Map(items, items[0][1], 0)


def _block_list(text: str, start: int, end: int, first_line: int, dash_col: int) -> Iterator[Node]:
    """The items of a block list, one at a time.

    Items are one-line values or mappings of ``key: value`` lines; a key with
    nothing after it may hold a nested list of one-line values.
    """
    number = first_line - 1
    entries: list[tuple[str | None, int, int, Node]] | None = None
    item_line = item_col = -1
    pending: tuple[str, int, int] | None = None  # a key with no value yet
    nested: Seq | None = None
    chunk_start = start
    while chunk_start < end:
        # Split in chunks so a huge deck's lines never all exist at once.
        chunk_end = text.find("\n", min(chunk_start + 1_000_000, end))
        if chunk_end < 0 or chunk_end >= end:
            chunk_end = end
        lines = text[chunk_start:chunk_end].split("\n")
        chunk_start = chunk_end + 1
        for raw in lines:
            number += 1
            m = _LINE(raw)
            assert m is not None
            indent_s, dash, key, rest = m.groups()
            if rest and rest[-1] == " ":
                rest = rest.rstrip(" ")
            if not dash and not key:
                if not rest or rest[0] == "#":
                    continue
                raise GiveUp
            indent = len(indent_s)
            if dash and pending is not None and indent >= pending[2] and indent != dash_col:
                # An item of a nested list under the pending key.
                if key or not rest or rest[0] == "#":
                    raise GiveUp
                if nested is None:
                    nested = Seq([], number, indent)
                elif indent != nested.col:
                    raise GiveUp
                nested.value.append(_inline(rest, number, m.start(4)))
                continue
            if pending is not None:
                assert entries is not None
                p_key, p_line, p_col = pending
                if nested is not None:
                    entries.append((p_key, p_line, p_col, nested))
                else:
                    entries.append(
                        (p_key, p_line, p_col, Scalar("", p_line, p_col + len(p_key) + 1))
                    )
                pending = None
                nested = None
            if dash:
                if indent != dash_col:
                    raise GiveUp
                if entries is not None:
                    yield Map(entries, item_line, item_col)
                    entries = None
                col = indent + len(dash)
                if not key:
                    if not rest or rest[0] == "#":
                        raise GiveUp
                    yield _inline(rest, number, m.start(4))
                    continue
                entries = []
                item_line, item_col = number, col
            elif entries is None or indent != item_col:
                raise GiveUp
            else:
                col = indent
            assert key is not None
            if rest and rest[0] != "#":
                if rest[0] in _BAD_START or " #" in rest or ": " in rest or rest[-1] == ":":
                    entries.append((key, number, col, _inline(rest, number, m.start(4))))
                else:  # the common case, a plain one-line value, without a call
                    entries.append((key, number, col, Scalar(rest, number, m.start(4))))
            else:
                pending = (key, number, col)
    if pending is not None:
        assert entries is not None
        p_key, p_line, p_col = pending
        entries.append(
            (
                p_key,
                p_line,
                p_col,
                nested if nested is not None else Scalar("", p_line, p_col + len(p_key) + 1),
            )
        )
    if entries is not None:
        yield Map(entries, item_line, item_col)


def _inline(text: str, line: int, col: int) -> Node:
    """A one-line value: plain, quoted, or a flow list of those."""
    first = text[0]
    if first == "[":
        return _flow_list(text, line, col)
    if first == "'":
        value, end = _single_quoted(text)
        _only_comment(text[end:])
        return Scalar(value, line, col)
    if first == '"':
        end = text.find('"', 1)
        if end < 0 or "\\" in text[: end + 1]:
            raise GiveUp
        _only_comment(text[end + 1 :])
        return Scalar(text[1:end], line, col)
    return Scalar(_plain(text, flow=False), line, col)


def _flow_list(text: str, line: int, col: int) -> Seq:
    """``[a, 'b', "c"]`` on one line: plain or simply quoted items."""
    items: list[Node] = []
    i = 1
    n = len(text)
    while True:
        while i < n and text[i] == " ":
            i += 1
        if i >= n:
            raise GiveUp
        if text[i] == "]":
            break
        start = i
        if text[i] == "'":
            value, used = _single_quoted(text[i:])
            i += used
        elif text[i] == '"':
            close = text.find('"', i + 1)
            if close < 0 or "\\" in text[i:close]:
                raise GiveUp
            value = text[i + 1 : close]
            i = close + 1
        else:
            stop = i
            while stop < n and text[stop] not in ",]":
                stop += 1
            value = text[i:stop].rstrip(" ")
            if not value or value[0] in _BAD_START or any(c in value for c in ":#[]{}"):
                raise GiveUp
            i = stop
        items.append(Scalar(value, line, col + start))
        while i < n and text[i] == " ":
            i += 1
        if i < n and text[i] == ",":
            i += 1
            continue
        if i < n and text[i] == "]":
            break
        raise GiveUp
    _only_comment(text[i + 1 :])
    return Seq(items, line, col)


def _plain(text: str, flow: bool) -> str:
    if text[0] in _BAD_START:
        raise GiveUp
    cut = text.find(" #")
    if cut >= 0:
        text = text[:cut].rstrip(" ")
    if ": " in text or text.endswith(":") or (flow and any(c in text for c in "[]{}#")):
        raise GiveUp
    return text


def _single_quoted(text: str) -> tuple[str, int]:
    out = []
    i = 1
    while True:
        j = text.find("'", i)
        if j < 0:
            raise GiveUp
        out.append(text[i:j])
        if j + 1 < len(text) and text[j + 1] == "'":
            out.append("'")
            i = j + 2
            continue
        return "".join(out), j + 1


def _only_comment(rest: str) -> None:
    stripped = rest.lstrip(" ")
    if stripped and not (stripped[0] == "#" and len(stripped) < len(rest)):
        raise GiveUp
