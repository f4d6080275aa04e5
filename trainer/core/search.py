"""The card browser's search language, parsed into a small tree.

As in Anki's search: words are ANDed, ``or`` between terms ORs them, a
leading ``-`` negates a term or a group, parentheses group, and double quotes
keep spaces in one term. A term is either text (found in a card's front, back,
other answers, note or source, ignoring case) or ``field:value``:

=============  ==============================================================
``deck:ID``    the deck's id; ``*`` matches any run of characters
``tag:NAME``   a tag of the card or of its deck; ``*`` as above
``kind:KIND``  date, person, treaty, place, term or other
``card:ID``    the card's id; ``*`` as above
``is:STATE``   due, new, learn, review, suspended, buried, leech, retired
=============  ==============================================================

Retired cards (removed from their deck file) are found only by a search that
asks for them with ``is:retired``. The store turns the tree into SQL
(``trainer/store/search.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.core.errors import UsageError
from trainer.core.model import CardKind

FIELDS = ("deck", "tag", "kind", "card", "is")
STATES = ("due", "new", "learn", "review", "suspended", "buried", "leech", "retired")
MAX_QUERY = 2000
MAX_DEPTH = 50


@dataclass(frozen=True, slots=True)
class Term:
    """One term: ``field`` is '' for text, else one of :data:`FIELDS`."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class Not:
    """Everything the inner node does not match."""

    node: Node


@dataclass(frozen=True, slots=True)
class All:
    """Every node matches (AND); empty matches every card."""

    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Any:
    """At least one node matches (OR)."""

    nodes: tuple[Node, ...]


Node = Term | Not | All | Any


def _error(query: str, at: int, problem: str, hint: str = "") -> UsageError:
    return UsageError(
        f"search {query!r}, at character {at + 1}: {problem}",
        hint or "write words, field:value terms (deck:, tag:, kind:, card:, is:), -term, or, ( )",
    )


def _tokens(query: str) -> list[tuple[int, str, bool]]:
    """(position, text, quoted) tokens; parentheses are tokens of their own."""
    out: list[tuple[int, str, bool]] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            out.append((i, ch, False))
            i += 1
            continue
        start = i
        text = ""
        quoted = False
        while i < n and not query[i].isspace() and query[i] not in "()":
            if query[i] == '"':
                end = query.find('"', i + 1)
                if end < 0:
                    raise _error(query, i, "a quote is not closed", 'close it with another "')
                text += query[i + 1 : end]
                quoted = True
                i = end + 1
            else:
                text += query[i]
                i += 1
        out.append((start, text, quoted))
    return out


def parse(query: str) -> Node:
    """The tree of a search.

    Raises:
        UsageError: for an unknown field or state, an unclosed quote or
            parenthesis, or a query too long or too deeply nested.
    """
    if len(query) > MAX_QUERY:
        raise _error(query[:40] + "…", MAX_QUERY, f"a search is at most {MAX_QUERY} characters")
    tokens = _tokens(query)
    pos = 0

    def group(depth: int, closing: bool) -> Node:
        nonlocal pos
        if depth > MAX_DEPTH:
            raise _error(query, tokens[pos][0], "too many nested parentheses")
        alternatives: list[list[Node]] = [[]]
        while pos < len(tokens):
            at, text, quoted = tokens[pos]
            if text == ")" and not quoted:
                if not closing:
                    raise _error(query, at, "a ')' closes nothing", "remove it, or add '('")
                pos += 1
                return _join(alternatives)
            pos += 1
            if text.lower() == "or" and not quoted:
                if not alternatives[-1]:
                    raise _error(query, at, "'or' needs a term on each side")
                alternatives.append([])
                continue
            negate = False
            if text.startswith("-") and len(text) > 1 and not quoted:
                negate, text = True, text[1:]
            elif text == "-" and pos < len(tokens) and tokens[pos][1] == "(":
                negate, text = True, ""
            if (text == "(" and not quoted) or (negate and text == ""):
                if text == "":
                    pos += 1  # the '(' after a lone '-'
                node = group(depth + 1, True)
            else:
                node = _term(query, at, text, quoted)
            alternatives[-1].append(Not(node) if negate else node)
        if closing:
            raise _error(query, len(query) - 1, "a '(' is not closed", "add ')'")
        if len(alternatives) > 1 and not alternatives[-1]:
            raise _error(query, len(query) - 1, "'or' needs a term on each side")
        return _join(alternatives)

    return group(0, False)


def _join(alternatives: list[list[Node]]) -> Node:
    ands = [nodes[0] if len(nodes) == 1 else All(tuple(nodes)) for nodes in alternatives]
    return ands[0] if len(ands) == 1 else Any(tuple(ands))


def _term(query: str, at: int, text: str, quoted: bool) -> Term:
    name, sep, value = text.partition(":")
    if not sep or (quoted and ":" not in query[at : at + len(name) + 2]):
        return Term("", text)  # '"a:b"' with the colon inside quotes is text
    field = name.lower()
    if field not in FIELDS:
        return Term("", text)  # "10:30" or "Note: x" are words, as in Anki
    if not value:
        raise _error(query, at, f"'{field}:' needs a value", f"for example {_EXAMPLE[field]}")
    if field == "kind":
        kinds = [k.value for k in CardKind]
        if value.lower() not in kinds:
            raise _error(query, at, f"no kind '{value}'", "kinds: " + ", ".join(kinds))
        value = value.lower()
    if field == "is":
        if value.lower() not in STATES:
            raise _error(query, at, f"no state 'is:{value}'", "states: " + ", ".join(STATES))
        value = value.lower()
    return Term(field, value)


_EXAMPLE = {
    "deck": "deck:south-caucasus-dates",
    "tag": "tag:war",
    "kind": "kind:date",
    "card": "card:treaty-*",
    "is": "is:due",
}


def mentions(node: Node, field: str, value: str) -> bool:
    """Whether the tree has the term ``field:value`` anywhere (negated or not)."""
    if isinstance(node, Term):
        return node.field == field and node.value == value
    if isinstance(node, Not):
        return mentions(node.node, field, value)
    return any(mentions(n, field, value) for n in node.nodes)


def fields(node: Node) -> set[str]:
    """The fields the tree's terms use ('' for text)."""
    if isinstance(node, Term):
        return {node.field}
    if isinstance(node, Not):
        return fields(node.node)
    out: set[str] = set()
    for n in node.nodes:
        out |= fields(n)
    return out
