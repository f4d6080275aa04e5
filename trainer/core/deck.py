"""YAML deck files -> validated :class:`Deck` objects.

The loader composes the YAML into nodes and reads every scalar as the text the
user wrote, so YAML 1.1's implicit typing never changes a card (``back: no`` is
"no", ``back: 1997`` is "1997"). Every problem in a deck is collected and
reported at once, each with its line and column.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from trainer.core import cloze
from trainer.core.errors import DeckError, Problem
from trainer.core.model import Card, CardKind, CardType, Deck
from trainer.core.textsafe import control_name, one_line
from trainer.core.when import parse_when
from trainer.core.yamlnodes import (
    MAX_DEPTH,
    GiveUp,
    Map,
    Node,
    Scalar,
    Seq,
    describe,
    fast_compose,
    too_deep,
    yaml_compose,
)

DECK_KEYS = frozenset(("id", "title", "description", "tags", "cards", "format"))
CARD_KEYS = frozenset(
    (
        "id",
        "front",
        "back",
        "type",
        "kind",
        "accept",
        "when",
        "tags",
        "source",
        "note",
        "ask",
        "ask_reverse",
        "accept_reverse",
        "draft",
    )
)
REVERSED_ONLY = ("ask", "ask_reverse", "accept_reverse")
_TYPES = {t.value: t for t in CardType}
_KINDS = {k.value: k for k in CardKind}
# Enum attribute access is slow in a loop of 100,000 cards: look members up once.
_T_BASIC, _T_REVERSED, _T_CLOZE = CardType.BASIC, CardType.REVERSED, CardType.CLOZE
_OTHER = CardKind.OTHER
T = TypeVar("T")
Fields = dict[str, tuple[int, int, Node]]
FORMAT_VERSION = "1"
MAX_TEXT = 50_000
"""The longest a card's text may be, in characters."""
MAX_CARDS = 250_000
"""The most study cards one deck may give."""

_SPACE = re.compile(r"\s+")


def derived_card_id(front: str) -> str:
    """The id given to a card that has none: derived from its front.

    The front is NFKC-normalised, case-folded and its runs of white space
    collapsed to one space, then hashed with BLAKE2b; the id is ``auto-`` and the
    first ten hex digits. Editing the front therefore changes the id.
    """
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", front).casefold()).strip()
    return "auto-" + hashlib.blake2b(norm.encode(), digest_size=5).hexdigest()


def check_when(value: str) -> str | None:
    """Return None when ``value`` is a valid ``when``, else what is wrong with it."""
    parsed = parse_when(value)
    return parsed if isinstance(parsed, str) else None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (reference counting goes on)."""
    # Composing a big document allocates millions of objects that all survive;
    # the cyclic collector would rescan them again and again for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _yaml_problem(path: str, exc: Exception) -> Problem:
    """Turn a PyYAML error into a Problem that points at the broken value."""
    import yaml

    if not isinstance(exc, yaml.MarkedYAMLError):
        return Problem(path, 0, 0, f"YAML error: {exc}")
    # The context mark is where the broken construct starts (an unclosed quote,
    # a mapping); the problem mark is often only the end of the file.
    mark = exc.context_mark or exc.problem_mark
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    hint = "check the quoting and indentation there"
    if "found unexpected end of stream" in problem and "quoted scalar" in context:
        message = "a quoted value is never closed"
        hint = "add the closing quote"
    elif "tab" in problem or "'\\t'" in problem:
        message = "a tab is used for indentation"
        hint = "indent with spaces only"
        mark = exc.problem_mark or mark
    elif "mapping values are not allowed" in problem:
        message = "a value contains ': ' where YAML does not allow it"
        hint = "put the whole value in quotes"
        mark = exc.problem_mark or mark
    elif "expected a single document" in context:
        message = "the file holds more than one YAML document"
        hint = "remove the '---' separator; one file is one deck"
        mark = exc.problem_mark or mark
    else:
        message = f"YAML syntax error: {context + ', ' if context else ''}{problem}"
        if exc.context_mark and exc.problem_mark and exc.context_mark is not exc.problem_mark:
            pm = exc.problem_mark
            message += f" (noticed at line {pm.line + 1}, column {pm.column + 1})"
    if mark is None:
        return Problem(path, 0, 0, message, hint)
    return Problem(path, mark.line + 1, mark.column + 1, message, hint)


def entry_cards(
    entry_id: str,
    ctype: CardType,
    kind: CardKind,
    front: str,
    back: str,
    *,
    ask: str | None = None,
    ask_reverse: str | None = None,
    accept: tuple[str, ...] = (),
    accept_reverse: tuple[str, ...] = (),
    when: str = "",
    tags: tuple[str, ...] = (),
    source: str = "",
    note: str = "",
    line: int = 0,
    numbers: list[int] | None = None,
    draft: str = "",
) -> list[Card]:
    """The study cards one valid deck entry gives (the one rule, for files and importers).

    Args:
        numbers: For a cloze entry, its gap numbers (``cloze.numbers(front)`` when None).
    """
    details = (when, tags, source, note, line, draft)
    if ctype is _T_BASIC:
        return [Card(entry_id, front, back, ctype, kind, entry_id, 1, accept, *details)]
    if ctype is _T_REVERSED:
        # Each side is asked by its own question and has its own other answers.
        return [
            Card(entry_id, ask or front, back, ctype, kind, entry_id, 1, accept, *details),
            Card(
                f"{entry_id}/reverse",
                ask_reverse or back,
                front,
                ctype,
                kind,
                entry_id,
                2,
                accept_reverse,
                *details,
            ),
        ]
    if numbers is None:
        numbers = cloze.numbers(front)
    return [
        Card(f"{entry_id}/c{n}", front, back, ctype, kind, entry_id, n, accept, *details)
        for n in numbers
    ]


class _Walker:
    """Reads composed YAML nodes into a Deck, collecting problems."""

    def __init__(self, path: str, default_id: str, text: str = "", escapes: bool = False) -> None:
        self.path = path
        self.default_id = default_id
        self.problems: list[Problem] = []
        self._text = text
        self._lines: list[str] | None = None
        # Only PyYAML's reading can turn escapes into control characters; the
        # fast reader refuses any text that holds one.
        self.escapes = escapes

    def lines(self) -> list[str]:
        """The file's lines (split only when a problem needs a column)."""
        if self._lines is None:
            self._lines = self._text.splitlines()
        return self._lines

    def problem(self, node: Node, message: str, hint: str = "", warning: bool = False) -> None:
        self.problems.append(
            Problem(self.path, node.line + 1, node.col + 1, message, hint, warning)
        )

    def problem_at(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line + 1, col + 1, message, hint))

    def mapping(self, node: Map, known: frozenset[str], what: str) -> Fields:
        """Return ``{key: (key line, key column, value)}``, reporting unknown or repeated keys."""
        out: Fields = {}
        for key, line, col, value in node.value:
            if key is None:
                self.problem_at(line, col, f"a {what} key must be plain text")
            elif key in out:
                self.problem_at(
                    line, col, f"'{key}' is given twice in this {what}", "keep one of them"
                )
            elif key in known:
                out[key] = (line, col, value)
            else:
                close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else "known keys: " + ", ".join(sorted(known))
                )
                self.problem_at(line, col, f"unknown {what} key '{key}'", hint)
        return out

    def controls(self, node: Node, key: str, value: str) -> None:
        """Record a control character in a value (only YAML escapes can put one there)."""
        name = control_name(value)
        if name:
            self.problem(
                node,
                f"'{key}' holds a control character ({name}), which would garble a terminal",
                "remove it: escapes such as \\e, \\x1b or \\0 are not card text",
            )

    def text(self, fields: Fields, key: str, what: str) -> str | None:
        """A text field as written; None when absent or wrong (a problem is recorded)."""
        entry = fields.get(key)
        if entry is None:
            return None
        node = entry[2]
        if type(node) is not Scalar:
            self.problem(node, f"'{key}' of this {what} should be text, not {describe(node)}")
            return None
        value = node.value
        if len(value) > MAX_TEXT:
            self.problem(
                node,
                f"'{key}' is {len(value):,} characters long; at most {MAX_TEXT:,} are allowed",
                "split it into several cards",
            )
            return None
        if self.escapes:
            self.controls(node, key, value)
        if value and not value[0].isspace() and not value[-1].isspace():
            return value
        value = value.strip()
        if not value:
            self.problem_at(
                entry[0],
                entry[1],
                f"'{key}' of this {what} is empty",
                "give it a value or remove the key",
            )
            return None
        return value

    def text_list(self, fields: Fields, key: str, what: str) -> tuple[str, ...]:
        """A list of texts (a single text is taken as a list of one)."""
        entry = fields.get(key)
        if entry is None:
            return ()
        node = entry[2]
        if isinstance(node, Scalar):
            if self.escapes:
                self.controls(node, key, node.value)
            return (node.value.strip(),) if node.value.strip() else ()
        if not isinstance(node, Seq):
            self.problem(
                node, f"'{key}' of this {what} should be a list of texts, not {describe(node)}"
            )
            return ()
        out = []
        for item in node.value:
            if not isinstance(item, Scalar):
                self.problem(item, f"each item of '{key}' should be text, not {describe(item)}")
            elif item.value.strip():
                if self.escapes:
                    self.controls(item, key, item.value)
                out.append(item.value.strip())
            else:
                self.problem(item, f"an item of '{key}' is empty", "remove it")
        return tuple(out)

    def choice(self, fields: Fields, key: str, allowed: dict[str, T], default: T) -> T:
        value = self.text(fields, key, "card")
        if value is None:
            return default
        found = allowed.get(value)
        if found is None:
            close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(allowed)
            self.problem(fields[key][2], f"unknown {key} '{value}'", hint)
            return default
        return found

    def deck(self, root: Node) -> Deck | None:
        if not isinstance(root, Map):
            self.problem(
                root,
                f"a deck is a mapping with a 'cards' list, not {describe(root)}",
                "see docs/deck-format.md",
            )
            return None
        fields = self.mapping(root, DECK_KEYS, "deck")
        if "format" in fields:
            version = self.text(fields, "format", "deck")
            if version is not None and version != FORMAT_VERSION:
                self.problem(
                    fields["format"][2],
                    f"deck format {version} is not known",
                    "this trainer reads format 1",
                )
        deck_id = self.text(fields, "id", "deck") or self.default_id
        if not one_line(deck_id):
            if "id" in fields:
                self.problem(fields["id"][2], "the deck id must be one line of plain characters")
            else:
                self.problem(
                    root,
                    "the file's name has a line break or control character, so it cannot be"
                    " the deck's id",
                    "give the deck an 'id:' (or rename the file)",
                )
        title = self.text(fields, "title", "deck") or deck_id
        description = self.text(fields, "description", "deck") or ""
        tags = self.text_list(fields, "tags", "deck")
        cards: list[Card] = []
        entry = fields.get("cards")
        if entry is None:
            self.problem(root, "the deck has no 'cards'", "add a 'cards:' list")
        else:
            line, col, node = entry
            if not isinstance(node, Seq):
                if isinstance(node, Scalar) and not node.value:
                    self.problem_at(
                        line, col, "the deck's card list is empty", "add at least one card"
                    )
                else:
                    self.problem(
                        node,
                        f"'cards' should be a list, not {describe(node)}",
                        "start each card with '- '",
                    )
            elif not node.value:
                self.problem(node, "the deck's card list is empty", "add at least one card")
            else:
                cards = self.cards(node.value)
                if len(cards) > MAX_CARDS:
                    self.problem(
                        node,
                        f"the deck has {len(cards):,} cards; at most {MAX_CARDS:,} are allowed",
                        "split it into several decks",
                    )
        if any(not p.warning for p in self.problems):
            return None
        warnings = tuple(str(p) for p in self.problems if p.warning)
        return Deck(deck_id, title, self.path, tuple(cards), description, tags, warnings)

    def cards(self, nodes: list[Node]) -> list[Card]:
        out: list[Card] = []
        append = out.append
        seen: dict[str, int] = {}
        problems = self.problems
        text = self.text
        for node in nodes:
            line = node.line + 1
            if not isinstance(node, Map):
                self.problem(
                    node, f"a card must be a mapping with 'front' and 'back', not {describe(node)}"
                )
                continue
            before = len(problems)
            f = self.mapping(node, CARD_KEYS, "card")
            ctype = self.choice(f, "type", _TYPES, _T_BASIC) if "type" in f else _T_BASIC
            kind = self.choice(f, "kind", _KINDS, _OTHER) if "kind" in f else _OTHER
            front = text(f, "front", "card")
            back = text(f, "back", "card")
            if "front" not in f:
                self.problem(node, "this card has no 'front'", "add 'front: <question>'")
            if back is None and "back" not in f and ctype is not _T_CLOZE:
                self.problem(node, "this card has no 'back'", "add 'back: <answer>'")
            card_id = text(f, "id", "card")
            if card_id is not None and "\n" in card_id:
                self.problem(f["id"][2], "a card id must be on one line")
            when = ""
            if "when" in f:
                when = text(f, "when", "card") or ""
                wrong = check_when(when) if when else None
                if wrong:
                    self.problem(
                        f["when"][2],
                        f"'when: {when}' is not a date: {wrong}",
                        "write YYYY, YYYY-MM, YYYY-MM-DD, a decade (1990s), a century"
                        " (early 19th century) or START/END",
                    )
            accept = self.text_list(f, "accept", "card") if "accept" in f else ()
            ask = ask_reverse = None
            accept_reverse: tuple[str, ...] = ()
            if ctype is _T_REVERSED:
                ask = text(f, "ask", "card") if "ask" in f else None
                ask_reverse = text(f, "ask_reverse", "card") if "ask_reverse" in f else None
                if "accept_reverse" in f:
                    accept_reverse = self.text_list(f, "accept_reverse", "card")
            else:
                for key in REVERSED_ONLY:
                    if key in f:
                        self.problem_at(
                            f[key][0],
                            f[key][1],
                            f"'{key}' is only for cards of type: reversed",
                            "a basic card's front is its question and 'accept' its other answers",
                        )
            tags = self.text_list(f, "tags", "card") if "tags" in f else ()
            source = (text(f, "source", "card") or "") if "source" in f else ""
            note = (text(f, "note", "card") or "") if "note" in f else ""
            draft = ""
            if "draft" in f:
                draft = text(f, "draft", "card") or ""
                if not draft.strip():
                    self.problem(
                        f["draft"][2],
                        "'draft' must say what the card was drafted from",
                        "write the sentence it came from, or remove 'draft' once reviewed",
                    )
            numbers: list[int] = []
            if ctype is _T_CLOZE and front is not None:
                numbers = self._check_cloze(f["front"][2], front)
            if card_id is not None:
                if card_id in seen:
                    self.problem(
                        f["id"][2],
                        f"card id '{card_id}' is used twice (first at line {seen[card_id]})",
                        "give each card its own id",
                    )
                    continue
                seen[card_id] = line
            if len(problems) > before and any(not p.warning for p in problems[before:]):
                continue
            assert front is not None
            if card_id is None:
                card_id = derived_card_id(front)
                self.problem(
                    node,
                    "this card has no 'id'",
                    f"its progress is keyed to its front text; add 'id: {card_id}' to keep it when you edit the front",
                    warning=True,
                )
                if card_id in seen:
                    self.problem(
                        node,
                        f"two cards without an id have the same front (first at line {seen[card_id]})",
                        "give them ids",
                    )
                    continue
                seen[card_id] = line
            back = back or ""
            if ctype is _T_BASIC:
                append(
                    Card(
                        card_id,
                        front,
                        back,
                        ctype,
                        kind,
                        card_id,
                        1,
                        accept,
                        when,
                        tags,
                        source,
                        note,
                        line,
                        draft,
                    )
                )
                continue
            made = entry_cards(
                card_id,
                ctype,
                kind,
                front,
                back,
                ask=ask,
                ask_reverse=ask_reverse,
                accept=accept,
                accept_reverse=accept_reverse,
                when=when,
                tags=tags,
                source=source,
                note=note,
                line=line,
                numbers=numbers,
                draft=draft,
            )
            for card in made:
                if card.id in seen and card.id != card_id:
                    self.problem(
                        node,
                        f"card id '{card.id}' is used twice (first at line {seen[card.id]})",
                        "give each card its own id",
                    )
                    continue
                seen[card.id] = line
                append(card)
        return out

    def _check_cloze(self, node: Node, text: str) -> list[int]:
        """The gap numbers of a cloze front; every problem in it is recorded."""
        gaps, problems = cloze.scan(text)
        for problem in problems:
            line, col = self._position(node, text, problem.index)
            self.problem_at(line, col, problem.message, problem.hint)
        numbers = sorted({gap.number for gap in gaps})
        if problems:
            return []
        if not numbers:
            self.problem(
                node,
                "a cloze card has no {{c1::...}} in its front",
                "mark the hidden text as {{c1::text}}, or use type: basic",
            )
        elif len(numbers) > cloze.MAX_GAPS:
            self.problem(
                node,
                f"this cloze has {len(numbers)} gap numbers; at most {cloze.MAX_GAPS} are allowed",
                "split it into several cards",
            )
            return []
        return numbers

    def _position(self, node: Node, value: str, index: int) -> tuple[int, int]:
        """The 0-based line and column of ``value[index]`` in the file, where it can be found."""
        lines = self.lines()
        if "\n" not in value and node.line < len(lines):
            raw = lines[node.line]
            probe = value[index : index + 12]
            # each character of the value takes at least one of the line's (an escape
            # takes more), so value[index] stands at node.col + index or later: the
            # second of two identical typos is found there, not at the first
            at = raw.find(probe, node.col + index)
            if at < 0:
                at = raw.find(probe, node.col)
            if at >= 0:
                return node.line, at
        return node.line, node.col


def parse_deck(
    data: bytes | str, *, path: str, default_id: str
) -> tuple[Deck | None, list[Problem]]:
    """Parse and validate one deck.

    Args:
        data: The file's content.
        path: How to name the file in problems.
        default_id: The deck id when the deck gives none (its file name).

    Returns:
        The deck (None when it has errors) and every problem found, warnings included.
    """
    import yaml

    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            return None, [
                Problem(path, line, col, "the file is not UTF-8 text", "save it as UTF-8")
            ]
    else:
        text = data
    if "\x00" in text:
        return None, [Problem(path, 0, 0, "the file is binary, not a YAML deck")]
    walker = _Walker(path, default_id, text)
    try:
        with gc_paused():
            root = fast_compose(text)
            deck = None
            if root is not None:
                try:
                    deck = walker.deck(root)
                except GiveUp:  # the plain style ended part-way: read it all with PyYAML
                    root = None
                    walker = _Walker(path, default_id, text)
            if root is None:
                deep = too_deep(text)
                if deep is not None:
                    return None, _not_yaml(path, text) or [
                        Problem(
                            path,
                            deep[0] + 1,
                            deep[1] + 1,
                            f"the YAML nests more than {MAX_DEPTH} levels deep here",
                            "a deck needs only a few levels: check the brackets and indentation",
                        )
                    ]
                walker = _Walker(path, default_id, text, escapes=True)
                root = yaml_compose(text)
                if root is None:
                    return None, [
                        Problem(path, 1, 1, "the deck is empty", "a deck needs a 'cards' list")
                    ]
                deck = walker.deck(root)
    except yaml.YAMLError as exc:
        return None, _not_yaml(path, text) or [_yaml_problem(path, exc)]
    if deck is None and not isinstance(root, Map):
        return None, _not_yaml(path, text) or walker.problems
    return deck, sorted(walker.problems, key=lambda p: (p.line, p.column))


def _not_yaml(path: str, text: str) -> list[Problem]:
    """For a file that is plainly not a YAML deck (a CSV, say), one problem saying so.

    Only files not named ``.yaml``/``.yml`` are judged so; a deck file keeps its
    exact YAML errors.
    """
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix in ("yaml", "yml"):
        return []
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    table = len(lines) >= 2 and all(("\t" in line or "," in line) for line in lines)
    kind = {"csv": "a CSV file", "tsv": "a TSV file", "txt": "a text file"}.get(
        suffix, "a table of values" if table else ""
    )
    return [
        Problem(
            path,
            0,
            0,
            f"this is {kind}, not a YAML deck" if kind else "this is not a YAML deck",
            "a deck is a .yaml file with a 'cards:' list (see docs/deck-format.md)",
        )
    ]


def load_deck(path: Path) -> Deck:
    """Read and validate a deck file.

    Raises:
        DeckError: with every problem, when the file cannot be read or has errors.
    """
    from trainer.core.deckfiles import read_deck_bytes

    deck, problems = parse_deck(read_deck_bytes(path), path=str(path), default_id=path.stem)
    if deck is None:
        raise DeckError(str(path), [p for p in problems if not p.warning])
    return deck
