"""CSV, TSV and Quizlet exports -> decks.

* The encoding: UTF-8 with or without a BOM, or UTF-16 (with a BOM, or
  recognised by its zero bytes). Anything else, or a binary file, is refused.
* Anki's header lines: ``#separator:``, ``#html:``, ``#tags:``, ``#columns:``,
  ``#deck:``, ``#notetype:`` and ``#tags column:`` / ``#guid column:`` /
  ``#deck column:`` / ``#notetype column:`` (1-based), plus our own
  ``#deck id:`` and ``#title:`` (Anki ignores keys it does not know).
* Without ``#separator:`` the separator is guessed from the first rows (tab,
  comma, semicolon or pipe: the one that splits them evenly); without
  ``#columns:`` a first row of known column names is a header.
* Quoted fields may hold separators and line breaks.
* Quizlet mode (``--separator`` / ``--row-separator``): each row is split at
  the first separator, no quoting at all, as Quizlet writes its exports.

Rows are ragged when they do not all have the same number of fields: that is
an error naming the row, because it nearly always means an unquoted separator.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from trainer.core import cloze
from trainer.core.deck import derived_card_id
from trainer.core.model import CardKind, CardType
from trainer.formats import guard, names
from trainer.formats.html import plain, to_text
from trainer.formats.model import Entry, Imported, ImportedDeck, ImportOptions, Progress

SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
    "colon": ":",
    "space": " ",
    "newline": "\n",
}
# In the order Anki tries them: the rarer a character in card text, the earlier.
_GUESSES = ("\t", "|", ";", ",")
FRONT = ("front", "question", "term", "word", "text", "prompt")
BACK = ("back", "answer", "definition", "meaning", "translation", "back extra", "extra")
KNOWN = frozenset(
    (*FRONT, *BACK, "tags", "tag", "id", "guid", "deck", "notetype", "note type", "type", "kind",
     "when", "source", "note", "notes", "ask", "ask_reverse", "accept", "accept_reverse")
)  # fmt: skip
# The columns an entry's text comes from (tags are read apart: they are not text).
_TEXT_KEYS = ("front", "back", "id", "deck", "type", "kind", "when", "source", "note", "ask",
              "ask_reverse", "accept", "accept_reverse")  # fmt: skip
_HTML = re.compile(
    r"<(?:br|div|p|b|i|u|span|img|sub|sup|li|ul|ol|font)\b[^<>]*>|</\w+>|&(?:nbsp|amp|lt|gt|quot);",
    re.IGNORECASE,
)
_GAP = re.compile(r"\{\{c\d+::")


@dataclass(slots=True)
class _Meta:
    separator: str | None = None
    html: bool | None = None
    tags: tuple[str, ...] = ()
    columns: list[str] = field(default_factory=list)
    deck: str = ""
    deck_id: str = ""
    title: str = ""
    description: str = ""
    deck_tags: tuple[str, ...] = ()
    notetype: str = ""
    tags_column: int = 0
    guid_column: int = 0
    deck_column: int = 0
    notetype_column: int = 0
    lines: int = 0


def decode(raw: bytes, path: Path) -> str:
    """The text of a text file: UTF-8 (BOM or not) or UTF-16; binary files refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding, raw = "utf-8", raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        sample = raw[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if len(sample) >= 4 and odd > len(sample) // 4 and even * 10 < odd:
            encoding = "utf-16-le"
        elif len(sample) >= 4 and even > len(sample) // 4 and odd * 10 < even:
            encoding = "utf-16-be"
        elif b"\x00" in raw:
            raise guard.refuse(
                path,
                "this is a binary file, not text",
                "import a CSV or TSV file, or an Anki package",
            )
        else:
            encoding = "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise guard.refuse(
            path,
            f"line {line} is not {encoding.upper()} text",
            "save the file as UTF-8 (or UTF-16)",
        ) from exc
    if "\x00" in text or _binary(text):
        raise guard.refuse(
            path, "this is a binary file, not text", "import a CSV or TSV file, or an Anki package"
        )
    return text


def _binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    return controls > max(8, len(sample) // 50)


def parse_separator(value: str) -> str:
    """A separator as the user wrote it: a name (``tab``), an escape (``\\t``) or the text."""
    named = SEPARATORS.get(value.strip().lower())
    if named is not None:
        return named
    out = value.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")
    if not out:
        raise guard.refuse("--separator", "a separator cannot be empty")
    return out


def read_table(
    path: Path, options: ImportOptions, kind: str = "", progress: Progress | None = None
) -> Imported:
    """Read a CSV, TSV or Quizlet export.

    Args:
        progress: Told how many rows are read (every 500, and at the end).

    Raises:
        FormatError: for a file that is binary, not UTF-8/UTF-16, ragged or empty.
    """
    text = decode(guard.read_text_bytes(path), path)
    quizlet = options.separator is not None or options.row_separator is not None
    # a Quizlet export has no header lines: its first line is a card, whatever it says
    meta = _Meta() if quizlet else _header(text)
    body = "\n".join(text.splitlines()[meta.lines :]) if meta.lines else text
    unsplit: list[str] = []  # Quizlet rows without the separator, skipped
    if quizlet:
        rows = _quizlet_rows(body, path, meta.lines, options, unsplit)
        separator = parse_separator(options.separator) if options.separator else "\t"
    else:
        separator = meta.separator or ("\t" if path.suffix.lower() == ".tsv" else _guess(body))
        rows = _csv_rows(body, separator, path, meta.lines)
        if separator == "\t":
            rows = _unquoted_if_plain(body, rows, meta.lines)
    result = Imported(
        path, kind or ("Quizlet export" if quizlet else "CSV" if separator != "\t" else "TSV")
    )
    result.skipped.extend(unsplit)
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise guard.refuse(path, "there are no rows to import", "is it the right file?")
    labels = [c.strip() for c in meta.columns]
    if (
        not labels
        and not quizlet
        and all(cell.strip().lower() in KNOWN for cell in rows[0][1] if cell.strip())
        and sum(1 for cell in rows[0][1] if cell.strip().lower() in KNOWN) >= 2
    ):
        labels = [c.strip() for c in rows[0][1]]
        rows = rows[1:]
    _check_ragged(rows, path, meta)
    html = meta.html
    if html is None:
        html = any(_HTML.search(cell) for _, row in rows[:200] for cell in row)
    columns = _columns(labels, meta, rows[0][1] if rows else [], result)
    decks: dict[str, ImportedDeck] = {}
    stem = path.stem
    deck_name = meta.deck or meta.title or stem
    used: set[str] = set()
    convert = to_text if html else plain
    # Each row's text columns, converted once; a column the file lacks reads as "".
    text_columns = [(key, index) for key, index in columns.items() if key != "tags"]
    blank = dict.fromkeys(_TEXT_KEYS, "")
    total = len(rows)
    for done, (line, row) in enumerate(rows, 1):
        if progress is not None and done % 500 == 0:
            progress(done, total)
        width = len(row)
        cell = blank | {key: convert(row[i]) for key, i in text_columns if i < width}
        front, back = cell["front"], cell["back"]
        where = f"line {line}"
        if not front:
            result.skipped.append(f"{where}: the front is empty")
            continue
        ctype = _type(cell["type"] or meta.notetype, front)
        if ctype is not CardType.CLOZE and not back:
            result.skipped.append(f"{where}: the back is empty")
            continue
        if ctype is CardType.CLOZE:
            gaps, problems = cloze.scan(front)
            if problems or not gaps:
                result.skipped.append(
                    f"{where}: {problems[0].message if problems else 'no {{c1::...}} gap'} in cloze text"
                )
                continue
        card_id = cell["id"].replace("\n", " ").strip() or derived_card_id(front)
        base, n = card_id, 2
        while card_id in used:
            card_id = f"{base}-{n}"
            n += 1
        used.add(card_id)
        raw_tags = row[columns["tags"]] if "tags" in columns and columns["tags"] < len(row) else ""
        tags = tuple(dict.fromkeys([*meta.tags, *_tags(raw_tags)]))
        try:
            kind_value = CardKind(cell["kind"]) if cell["kind"] else CardKind.OTHER
        except ValueError:
            kind_value = CardKind.OTHER
        reversed_ = ctype is CardType.REVERSED
        entry = Entry(
            card_id,
            front,
            back,
            ctype,
            kind_value,
            tags,
            _items(cell["accept"]),
            cell["when"].replace("\n", " "),
            cell["source"],
            cell["note"],
            cell["ask"] if reversed_ else "",
            cell["ask_reverse"] if reversed_ else "",
            _items(cell["accept_reverse"]) if reversed_ else (),
        )
        name = cell["deck"] or deck_name
        deck = decks.get(name)
        if deck is None:
            deck = decks[name] = ImportedDeck("", "", f'"{name}"')
        deck.entries.append(entry)
    if progress is not None:
        progress(total, total)
    if not decks:
        reasons = "; ".join(result.skipped[:3])
        raise guard.refuse(
            path, f"no row gives a card ({reasons})", "each row needs a front and a back"
        )
    levels = [names.hierarchy(n) or [n] for n in decks]
    root = options.deck_id or (meta.deck_id if len(decks) == 1 and meta.deck_id else None)
    ids = names.deck_ids(levels, root)
    for (name, deck), deck_levels, deck_id in zip(decks.items(), levels, ids, strict=True):
        deck.id = deck_id
        deck.title = meta.title if (meta.title and len(decks) == 1) else names.title(deck_levels)
        if len(decks) == 1:
            deck.description, deck.tags = meta.description, meta.deck_tags
        deck.origin = f"rows of {path.name}" + (f" for deck {name!r}" if len(decks) > 1 else "")
        result.decks.append(deck)
    return result


def _header(text: str) -> _Meta:
    """Anki's header lines at the top of the file."""
    meta = _Meta()
    pos = 0
    first = True
    for raw in text.splitlines():
        line = raw.lstrip("\ufeff") if first else raw
        if first and line.startswith("tags:"):
            meta.tags = tuple(line[5:].split())
        elif line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            if not _meta_value(meta, key.strip().lower(), value):
                break  # "#1: first<TAB>un": a row, not one of Anki's header lines
        elif not line.startswith("#"):
            break
        first = False
        pos += 1
    meta.lines = pos
    return meta


def _meta_value(meta: _Meta, key: str, value: str) -> bool:
    """Note one of Anki's header lines; False when ``key`` is none of theirs."""
    word = value.strip()
    if key == "separator":
        meta.separator = SEPARATORS.get(word.lower()) or (value[:1] if value[:1] else None)
    elif key == "html":
        meta.html = word.lower() == "true"
    elif key == "tags":
        meta.tags = tuple(value.split())
    elif key == "columns":
        sep = meta.separator or _guess(value)
        meta.columns = next(csv.reader([value], delimiter=sep), [])
    elif key == "deck":
        meta.deck = word
    elif key == "deck id":
        meta.deck_id = word
    elif key == "title":
        meta.title = word
    elif key in ("description", "deck tags"):
        with contextlib.suppress(ValueError):
            value_json = json.loads(word)
            if key == "description" and isinstance(value_json, str):
                meta.description = value_json.strip()
            elif key == "deck tags" and isinstance(value_json, list):
                meta.deck_tags = tuple(str(t).strip() for t in value_json if str(t).strip())
    elif key == "notetype":
        meta.notetype = word
    elif key in ("tags column", "guid column", "deck column", "notetype column"):
        if word.isdigit():
            setattr(meta, key.replace(" ", "_"), int(word))
    else:
        return False
    return True


def _guess(body: str) -> str:
    """The separator that splits the first rows into the same number (>1) of fields."""
    sample = body[:65536]
    best, score = "\t", -1.0
    for sep in _GUESSES:
        if sep not in sample:
            continue
        try:
            rows = [
                r for r in itertools.islice(csv.reader(io.StringIO(sample), delimiter=sep), 50) if r
            ]
        except csv.Error:
            continue
        if len(rows) > 2:
            rows = rows[:-1]  # the sample may cut the last row
        counts = [len(r) for r in rows]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        filled = sum(1 for r in rows if all(cell.strip() for cell in r)) / len(rows)
        value = counts.count(common) / len(counts) + filled / 2
        if value > score:
            best, score = sep, value
    return best


def _csv_rows(body: str, separator: str, path: Path, offset: int) -> list[tuple[int, list[str]]]:
    if len(separator) != 1:
        raise guard.refuse(
            path,
            f"the separator {separator!r} is more than one character",
            "use --separator for Quizlet exports",
        )
    csv.field_size_limit(guard.MAX_TEXT_BYTES)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=separator)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((offset + start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise guard.refuse(path, f"line {offset + reader.line_num}: {exc}") from exc
    return rows


_CSV_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def _unquoted_if_plain(
    body: str, rows: list[tuple[int, list[str]]], offset: int
) -> list[tuple[int, list[str]]]:
    """A tab-separated file read line by line, when its quotes are no CSV quoting.

    Quizlet's default export (a tab, then a new line) never quotes: a term that starts
    with a quote ('"Hello" in French') would make a CSV reader swallow the lines after
    it into one field, or drop the quotes. When every line splits into as many fields
    as the first, and the CSV reading put a line break into a field or lost a quote,
    the lines are the rows.
    """
    if '"' not in body:
        return rows
    plain = [
        (offset + n, line.split("\t"))
        for n, line in enumerate(body.replace("\r\n", "\n").split("\n"), 1)
        if line.strip()
    ]
    if not plain or len({len(row) for _, row in plain}) != 1:
        return rows  # a quoted field spans lines: real CSV quoting
    swallowed = any("\n" in cell for _, row in rows for cell in row)
    lost = any(
        '"' in cell and _CSV_QUOTED.fullmatch(cell) is None for _, row in plain for cell in row
    )  # '"Hello" in French' is no quoted field: a CSV reader would drop its quotes
    return plain if swallowed or lost or len(plain) != len(rows) else rows


def _quizlet_rows(
    body: str, path: Path, offset: int, options: ImportOptions, skipped: list[str]
) -> list[tuple[int, list[str]]]:
    separator = parse_separator(options.separator) if options.separator else "\t"
    row_sep = parse_separator(options.row_separator) if options.row_separator else "\n"
    body = body.replace("\r\n", "\n")
    rows: list[tuple[int, list[str]]] = []
    line = offset + 1
    first_bad = 0
    for chunk in body.split(row_sep):
        if chunk.strip():
            term, found, definition = chunk.partition(separator)
            if found:
                rows.append((line, [term, definition]))
            else:
                # one row without it is that row's fault (skipped and reported); no row
                # with it means the separator named is not the file's
                first_bad = first_bad or line
                skipped.append(f"line {line}: no {separator!r} between term and definition")
        line += chunk.count("\n") + row_sep.count("\n")
    if first_bad and not rows:
        raise guard.refuse(
            path,
            f"row starting at line {first_bad} has no {separator!r} between term and definition",
            "name the separator Quizlet used with --separator (and --row-separator)",
        )
    return rows


def _check_ragged(rows: list[tuple[int, list[str]]], path: Path, meta: _Meta) -> None:
    if meta.notetype_column or not rows:
        return  # each row's note type may have its own fields
    first_line, first = rows[0]
    width = len(first)
    for line, row in rows[1:]:
        if len(row) < width or (len(row) > width and row[width:] != [""] * (len(row) - width)):
            raise guard.refuse(
                path,
                f"line {line} has {len(row)} field{'s' if len(row) != 1 else ''} but line"
                f" {first_line} has {width}: the rows are ragged",
                "quote fields that contain the separator, or name it with --separator",
            )


def _columns(labels: list[str], meta: _Meta, first: list[str], result: Imported) -> dict[str, int]:
    """Which column holds what (0-based)."""
    out: dict[str, int] = {}
    for key, number in (
        ("tags", meta.tags_column),
        ("id", meta.guid_column),
        ("deck", meta.deck_column),
        ("type", meta.notetype_column),
    ):
        if number > 0:
            out[key] = number - 1
    if labels:
        lower = [label.lower() for label in labels]
        wanted = {
            "front": FRONT,
            "back": BACK,
            "tags": ("tags", "tag"),
            "id": ("guid", "id"),
            "deck": ("deck",),
            "type": ("type", "notetype", "note type"),
            "kind": ("kind",),
            "when": ("when",),
            "source": ("source",),
            "note": ("note", "notes"),
            "ask": ("ask",),
            "ask_reverse": ("ask_reverse",),
            "accept": ("accept",),
            "accept_reverse": ("accept_reverse",),
        }
        for key, choices in wanted.items():
            if key in out:
                continue
            for choice in choices:
                if choice in lower and lower.index(choice) not in out.values():
                    out[key] = lower.index(choice)
                    break
    free = [i for i in range(max(len(first), len(labels))) if i not in out.values()]
    for key in ("front", "back"):
        if key not in out and free:
            out[key] = free.pop(0)
    if free and not labels:
        result.notes.append(
            f"column{'s' if len(free) > 1 else ''} {', '.join(str(i + 1) for i in free)}"
            " not imported (only front and back are read from unnamed columns)"
        )
    return out


def _type(value: str, front: str) -> CardType:
    lower = value.lower()
    if "cloze" in lower:
        return CardType.CLOZE
    if "reverse" in lower:
        return CardType.REVERSED
    if not lower and _GAP.search(front):
        return CardType.CLOZE
    return CardType.BASIC


def _tags(raw: str) -> list[str]:
    if "\n" in raw:
        return [t.strip() for t in raw.split("\n") if t.strip()]
    return raw.split()


def _items(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i.strip() for i in text.split("\n") if i.strip()))
