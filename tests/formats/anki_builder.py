"""Anki packages built by the tests themselves (sqlite3 + zipfile + zstandard).

Three forms, as Anki writes them: ``modern`` (meta 3, zstd collection.anki21b
of schema 18 with a stub collection.anki2 beside it, zstd protobuf media list,
zstd media files), ``anki21`` (collection.anki21 of schema 11, JSON media
list) and ``anki2`` (collection.anki2 alone, no meta).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

from trainer.formats import protobuf

FORMS = ("modern", "anki21", "anki2")
CRT = 1_772_424_000  # 2026-03-02 04:00 UTC: the collection's first day starts at the rollover
NOTETYPES = {
    # name: (id, cloze, stock kind, fields, templates)
    "Basic": (11, False, 1, ["Front", "Back"], 1),
    "Basic (and reversed card)": (12, False, 2, ["Front", "Back"], 2),
    "Basic (optional reversed card)": (13, False, 3, ["Front", "Back", "Add Reverse"], 2),
    "Basic (type in the answer)": (14, False, 4, ["Front", "Back"], 1),
    "Cloze": (15, True, 5, ["Text", "Back Extra"], 1),
    # Anki gives a type a user makes the stock kind it was cloned from (here Basic)
    "Vocabulary (custom)": (16, False, 1, ["Word", "Meaning", "Example"], 1),
}


@dataclass
class Card:
    """One Anki card row (defaults: a new card)."""

    ord: int = 0
    type: int = 0
    queue: int = 0
    due: int = 0
    ivl: int = 0
    factor: int = 0
    left: int = 0
    data: str = "{}"
    reviews: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(epoch milliseconds, ease, milliseconds taken, revlog type)."""


@dataclass
class Note:
    """One note: its GUID, note type name, fields, tags, deck and cards."""

    guid: str
    notetype: str
    fields: list[str]
    tags: str = ""
    deck: str = "Default"
    cards: list[Card] = field(default_factory=lambda: [Card()])


SCHEMA_11 = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
"""
SCHEMA_18_EXTRA = """
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL,
  mtime_secs integer NOT NULL, val blob NOT NULL) without rowid;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL,
  PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL,
  collapsed boolean NOT NULL, config blob NULL) without rowid;
"""


def _unicase(a: str, b: str) -> int:
    return (a.casefold() > b.casefold()) - (a.casefold() < b.casefold())


def build_collection(
    path: Path, notes: list[Note], schema: int = 11, descriptions: dict[str, str] | None = None
) -> None:
    """An Anki collection file holding ``notes`` (schema 11 or 18)."""
    conn = sqlite3.connect(path)
    conn.create_collation("unicase", _unicase)
    conn.executescript(SCHEMA_11)
    deck_names = ["Default", *dict.fromkeys(n.deck for n in notes if n.deck != "Default")]
    deck_ids = {name: (1 if name == "Default" else 100 + i) for i, name in enumerate(deck_names)}
    descriptions = descriptions or {}
    if schema >= 15:
        conn.executescript(SCHEMA_18_EXTRA)
        for name, (ntid, cloze, stock, fields, templates) in NOTETYPES.items():
            config = protobuf.encode([(1, 1)] if cloze else []) + protobuf.encode(
                [(9, stock)] if stock else []
            )
            conn.execute("INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)", (ntid, name, config))
            for i, fname in enumerate(fields):
                conn.execute("INSERT INTO fields VALUES (?, ?, ?, x'')", (ntid, i, fname))
            for i in range(templates):
                tconf = protobuf.encode([(1, "{{Front}}"), (2, "{{Back}}")])
                conn.execute(
                    "INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)",
                    (ntid, i, f"Card {i + 1}", tconf),
                )
        for name, did in deck_ids.items():
            normal = protobuf.encode([(1, 1), (4, descriptions.get(name, ""))])
            conn.execute(
                "INSERT INTO decks VALUES (?, ?, 0, 0, x'', ?)",
                (did, name.replace("::", "\x1f"), protobuf.encode([(1, normal)])),
            )
        conn.execute(
            "INSERT INTO col VALUES (1, ?, 0, 0, ?, 0, 0, 0, '', '', '', '', '')", (CRT, schema)
        )
    else:
        models = {
            str(ntid): {
                "id": ntid,
                "name": name,
                "type": 1 if cloze else 0,
                "originalStockKind": stock,
                "flds": [{"name": f, "ord": i} for i, f in enumerate(fields)],
                "tmpls": [{"name": f"Card {i + 1}", "ord": i} for i in range(templates)],
            }
            for name, (ntid, cloze, stock, fields, templates) in NOTETYPES.items()
        }
        decks = {
            str(did): {"id": did, "name": name, "desc": descriptions.get(name, ""), "dyn": 0}
            for name, did in deck_ids.items()
        }
        conn.execute(
            "INSERT INTO col VALUES (1, ?, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
            (CRT, schema, json.dumps(models), json.dumps(decks)),
        )
    cid = 1000
    for nid, note in enumerate(notes, start=1):
        flds = "\x1f".join(note.fields)
        csum = int(hashlib.sha1(note.fields[0].encode()).hexdigest()[:8], 16)
        conn.execute(
            "INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?, 0, '')",
            (nid, note.guid, NOTETYPES[note.notetype][0], note.tags, flds, note.fields[0], csum),
        )
        for card in note.cards:
            cid += 1
            conn.execute(
                "INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, 0, 0, ?, 0, 0, 0, ?)",
                (cid, nid, deck_ids[note.deck], card.ord, card.type, card.queue, card.due, card.ivl,
                 card.factor, card.left, card.data),
            )  # fmt: skip
            for ms, ease, taken, kind in card.reviews:
                conn.execute(
                    "INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, 0, ?, ?)",
                    (ms, cid, ease, taken, kind),
                )
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def build_package(
    path: Path,
    notes: list[Note],
    form: str = "modern",
    media: dict[str, bytes] | None = None,
    descriptions: dict[str, str] | None = None,
) -> Path:
    """An Anki package in one of the three forms (see FORMS)."""
    media = media or {}
    collection = path.with_suffix(".collection")
    build_collection(collection, notes, 18 if form == "modern" else 11, descriptions)
    data = collection.read_bytes()
    collection.unlink()
    zstd = zstandard.ZstdCompressor()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if form == "modern":
            z.writestr("meta", protobuf.encode([(1, 3)]))
            z.writestr("collection.anki21b", zstd.compress(data))
            stub = path.with_suffix(".stub")
            build_collection(
                stub, [Note("stub", "Basic", ["Please update to the latest Anki version", ""])]
            )
            z.writestr("collection.anki2", stub.read_bytes())
            stub.unlink()
            entries = b"".join(
                protobuf.encode(
                    [
                        (
                            1,
                            protobuf.encode(
                                [(1, name), (2, len(body)), (3, hashlib.sha1(body).digest())]
                            ),
                        )
                    ]
                )
                for name, body in media.items()
            )
            z.writestr("media", zstd.compress(entries))
            for i, body in enumerate(media.values()):
                z.writestr(str(i), zstd.compress(body))
        else:
            if form == "anki21":
                z.writestr("meta", protobuf.encode([(1, 2)]))
                z.writestr("collection.anki21", data)
                stub = path.with_suffix(".stub")
                build_collection(stub, [Note("stub", "Basic", ["Please update Anki", "x"])])
                z.writestr("collection.anki2", stub.read_bytes())
                stub.unlink()
            else:
                z.writestr("collection.anki2", data)
            z.writestr("media", json.dumps({str(i): name for i, name in enumerate(media)}))
            for i, body in enumerate(media.values()):
                z.writestr(str(i), body)
    return path
