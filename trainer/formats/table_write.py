"""A deck -> CSV or TSV that Anki and this trainer both read back.

Anki's header lines say the separator, that the text is not HTML, which
column holds the GUID (our entry id) and the tags; our own ``#deck id:`` and
``#title:`` lines (Anki skips keys it does not know) bring the deck back under
the same id (with ``#description:`` and ``#deck tags:`` as JSON). Lists (other answers, tags with spaces) are one item per line
inside their quoted field.
"""

from __future__ import annotations

import csv
import io
import json

from trainer.core.model import Deck
from trainer.formats.model import Entry
from trainer.formats.yaml_write import comment

COLUMNS = (
    "id",
    "type",
    "kind",
    "Front",
    "Back",
    "ask",
    "ask_reverse",
    "accept",
    "accept_reverse",
    "when",
    "Tags",
    "source",
    "note",
)


def _tags(tags: tuple[str, ...]) -> str:
    return ("\n" if any(" " in t for t in tags) else " ").join(tags)


def write_table(deck: Deck, entries: list[Entry], separator: str) -> str:
    """The deck as CSV (``separator`` ``,``) or TSV (``\\t``) text."""
    out = io.StringIO()
    name = "Tab" if separator == "\t" else "Comma"
    out.write(f"#separator:{name}\n#html:false\n")
    out.write(f"#deck id:{deck.id}\n")
    if deck.title != deck.id:
        out.write(f"#title:{comment(deck.title)}\n")
    if deck.description:
        out.write(f"#description:{json.dumps(deck.description, ensure_ascii=False)}\n")
    if deck.tags:
        out.write(f"#deck tags:{json.dumps(list(deck.tags), ensure_ascii=False)}\n")
    out.write(f"#guid column:{COLUMNS.index('id') + 1}\n#tags column:{COLUMNS.index('Tags') + 1}\n")
    out.write("#columns:" + separator.join(COLUMNS) + "\n")
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    for e in entries:
        writer.writerow(
            (
                e.id,
                e.type.value,
                e.kind.value,
                e.front,
                e.back,
                e.ask,
                e.ask_reverse,
                "\n".join(e.accept),
                "\n".join(e.accept_reverse),
                e.when,
                _tags(e.tags),
                e.source,
                e.note,
            )
        )
    return out.getvalue()
