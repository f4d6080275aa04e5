"""A plain-text table set out in columns, read a row at a time.

A chronology handout or a typed register lines its entries up in columns
under headings and a dashed rule, and carries a long entry on in lines
indented to its last column::

    YEAR     MONTH    DAY  EVENT
    -------  -------  ---  ------------------------------
    1871     Jan      18   German Empire proclaimed in the
                           Hall of Mirrors at Versailles

Read line by line, the date and the event fall apart. :func:`columns_as_lines`
turns each row into one paragraph as a reader takes it in: "18 Jan 1871 – German
Empire proclaimed in the Hall of Mirrors at Versailles".

A timeline kept in a spreadsheet comes as CSV, a header row of names over rows
of quoted cells; :func:`csv_as_lines` reads it the same way, and leaves out the
column that cites the books ("Boxer (1951), ch. 1"), whose years date nothing.

A typed record sets a label or a year in a left column and its entry beside it,
with no headings and no rule, and carries a long entry on under the entry::

    Born         14 May 1737, Lissanoure, County Antrim
    1764-1767    Envoy extraordinary to the court of the Empress Catherine II,
                 St Petersburg.

:func:`hanging_as_lines` reads each entry as one line of a list: "Born: 14 May
1737, Lissanoure, County Antrim", "1764-1767 – Envoy extraordinary ...".
"""

from __future__ import annotations

import calendar
import csv
import re

# The rule under the headings: two or more runs of dashes (or equals signs).
_RULE = re.compile(r"^ {0,8}[-=]{2,}(?: +[-=]{2,})+ *$")
_RUN = re.compile(r"[-=]+")
# Headings whose cells together make a row's date, in the order a date is written.
_DATE_PARTS = ("day", "month", "year", "date", "when")


# A CSV header: a few short names, one of them a date's ("date,event,people,place,source").
_CSV_NAME = re.compile(r"[A-Za-z][A-Za-z _-]{0,24}")
# Columns that cite where a row comes from, not what happened.
_CITING = frozenset({"source", "sources", "reference", "references", "citation", "ref", "url"})
_ISO = re.compile(r"(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?")


def csv_as_lines(text: str) -> str:
    """``text`` as one paragraph a row when it is a timeline exported as CSV."""
    head = text.lstrip().split("\n", 1)[0]
    if head.count(",") < 2:
        return text
    names = [name.strip().lower() for name in next(csv.reader([head]))]
    if not all(_CSV_NAME.fullmatch(name) for name in names) or not set(names) & set(_DATE_PARTS):
        return text
    rows = [row for row in csv.reader(text.lstrip().split("\n")[1:]) if any(c.strip() for c in row)]
    if not rows or sum(len(row) == len(names) for row in rows) < 0.8 * len(rows):
        return text  # not a table of these columns: read as it is
    kept = [i for i, name in enumerate(names) if name not in _CITING]
    out = []
    for row in rows:
        cells = [
            _iso_as_words(c.strip()) if names[i] in _DATE_PARTS else c.strip()
            for i, c in enumerate(row)
        ]
        out.append(
            _row_text(
                [names[i] for i in kept if i < len(cells)],
                [cells[i] for i in kept if i < len(cells)],
            )
        )
    return "\n".join(f"- {row}" for row in out)  # a list: no row leans on the one above


def _iso_as_words(cell: str) -> str:
    """ "1549-08-15" as "15 August 1549", "1600-04" as "April 1600" (not 1600 to 1604)."""
    m = _ISO.fullmatch(cell)
    if not m:
        return cell
    month = calendar.month_name[int(m.group(2))]
    return f"{int(m.group(3))} {month} {m.group(1)}" if m.group(3) else f"{month} {m.group(1)}"


# A record's entry: a label or a year of up to four words, three or more spaces, the entry.
_HANGING = re.compile(r"(?P<key>\S+(?: \S+){0,3}) {3,}(?P<value>\S.*)")
# A key that dates its entry: "1785", "1764-1767", "c. 1543", "14 May 1737".
_DATED_KEY = re.compile(
    r"(?:c\. ?)?(?:\d{1,2} [A-Z][a-z]{2,8} )?\d{3,4}(?: ?[-–] ?\d{2,4})?", re.ASCII
)


def hanging_as_lines(text: str) -> str:
    """``text`` with each record's entries set beside a left column read as list lines."""
    if "   " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        entries = _hanging(lines[index:end]) if end > index else None
        out.extend(entries if entries is not None else lines[index:end])
        if end < len(lines):
            out.append(lines[end])
        index = end + 1
    return "\n".join(out)


def _hanging(block: list[str]) -> list[str] | None:
    """A block's entries as list lines, or None when it is not a record's two columns.

    Every line is an entry at the same column as the others, or an entry carried
    on, indented to that column; two entries at least, and no entry that is a
    row of more columns ("Canada   23 July 1968   8 January 1969").
    """
    entries: list[list[str]] = []
    column = -1
    for line in block:
        m = _HANGING.fullmatch(line)
        if m and not line[0].isspace() and "   " not in m.group("value"):
            if column not in (-1, m.start("value")):
                return None
            column = m.start("value")
            entries.append([m.group("key"), m.group("value").strip()])
        elif entries and abs(len(line) - len(line.lstrip()) - column) <= 2:
            entries[-1].append(line.strip())
        else:
            return None
    if len(entries) < 2:
        return None
    out = []
    for key, *value in entries:
        said = " ".join(value)
        said = said if said[-1] in ".!?" else f"{said}."
        out.append(f"- {key} – {said}" if _DATED_KEY.fullmatch(key) else f"- {key}: {said}")
    return out


def columns_as_lines(text: str) -> str:
    """``text`` with every table laid out in columns turned into one paragraph a row."""
    if "--" not in text and "==" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index + 1 < len(lines) and line.strip() and _RULE.match(lines[index + 1]):
            rows, index = _table(lines, index)
            if rows:
                out.extend(["", *("\n\n".join(rows).split("\n")), ""])
                continue
        out.append(line)
        index += 1
    return "\n".join(out)


def _table(lines: list[str], head: int) -> tuple[list[str], int]:
    """The rows of the table whose headings are line ``head``, and the line after it."""
    starts = [m.start() for m in _RUN.finditer(lines[head + 1])]
    bounds = [*zip(starts, [*starts[1:], None], strict=True)]
    names = [lines[head][a:b].strip().lower() for a, b in bounds]
    if sum(1 for name in names if name) < 2:
        return [], head
    rows: list[list[list[str]]] = []
    index = head + 2
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        cells = [line[a:b].strip() for a, b in bounds]
        if line[: starts[-1]].strip() or not rows:
            rows.append([[cell] if cell else [] for cell in cells])
        else:  # a line carried on under the last column
            rows[-1][-1].append(cells[-1])
        index += 1
    return [_row_text(names, [" ".join(parts) for parts in row]) for row in rows], index


def _row_text(names: list[str], cells: list[str]) -> str:
    """One row as a reader says it: its date first, then the rest of its cells."""
    dated = {name: cell for name, cell in zip(names, cells, strict=True) if name in _DATE_PARTS}
    date = " ".join(dated[part] for part in _DATE_PARTS if dated.get(part))
    rest = "; ".join(
        cell for name, cell in zip(names, cells, strict=True) if cell and name not in _DATE_PARTS
    )
    text = f"{date} – {rest}" if date and rest else date or rest
    # a row is a sentence of its own, not the start of the next row's
    return text if not text or text[-1] in ".!?" else f"{text}."
