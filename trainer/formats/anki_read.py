"""Anki packages (``.apkg``, ``.colpkg``) -> decks, media and progress.

A package is a zip file. Three forms are current:

* the modern one: ``meta`` says version 3, the real collection is the
  zstd-compressed ``collection.anki21b`` (schema 18: note types and decks in
  their own tables, their settings as protobuf), the ``collection.anki2``
  beside it is a stub telling old clients to update, the ``media`` list is a
  zstd-compressed protobuf and every media file is zstd-compressed too;
* ``collection.anki21`` (``meta`` version 2, or no ``meta``), and
* ``collection.anki2`` alone (Anki 2.0): both schema 11, note types and decks
  as JSON in the ``col`` row, the media list as JSON ``{"0": "name"}``.

Notes become entries whose ids are the notes' GUIDs, so importing an updated
package updates the same cards. Nothing is written here: media files are
handed back as :class:`~trainer.formats.model.MediaFile` writers.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import re
import shutil
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from trainer.core import cloze
from trainer.core.deckfiles import is_deck_name
from trainer.core.model import CardKind, CardType, Memory, Rating, State
from trainer.core.scheduler import DAY, MAX_STABILITY, Scheduler
from trainer.formats import guard, history, names, protobuf
from trainer.formats.html import media_names, to_text
from trainer.formats.model import (
    CardProgress,
    Entry,
    Imported,
    ImportedDeck,
    ImportOptions,
    LogRow,
    MediaFile,
    Progress,
    gap_numbers,
)

VERSIONS = {1: "collection.anki2", 2: "collection.anki21", 3: "collection.anki21b"}
SCHEMAS = range(11, 19)
"""The collection schema versions this reader knows (Anki reads 11 to 18)."""
TRAINER_CONFIG = "trainerDecks"
"""The collection setting where our own exports keep each deck's id, title and tags."""
SQLITE_MAGIC = b"SQLite format 3\x00"

# How a note type's notes become entries.
BASIC, REVERSED, OPTIONAL_REVERSED, CLOZE, OTHER, OURS = (
    "basic",
    "reversed",
    "optional reversed",
    "cloze",
    "other",
    "ours",
)
_STOCK = {1: BASIC, 2: REVERSED, 3: OPTIONAL_REVERSED, 4: BASIC, 5: CLOZE}
# Fields and templates of each stock kind as Anki makes it (cloze is told by its flag).
_STOCK_SHAPE = {1: (2, 1), 2: (2, 2), 3: (3, 2), 4: (2, 1)}
_STOCK_NAMES = {
    "basic": BASIC,
    "basic (and reversed card)": REVERSED,
    "basic (optional reversed card)": OPTIONAL_REVERSED,
    "basic (type in the answer)": BASIC,
    "cloze": CLOZE,
}
OUR_FIELDS = (
    "Front",
    "Back",
    "Ask",
    "Ask reverse",
    "Accept",
    "Accept reverse",
    "When",
    "Kind",
    "Source",
    "Note",
)
"""The fields of the note types our exports write, in order."""
OUR_NOTETYPES = {"Trainer basic": BASIC, "Trainer reversed": REVERSED, "Trainer cloze": CLOZE}


@dataclass(slots=True)
class NoteType:
    """What matters of an Anki note type."""

    id: int
    name: str
    cloze: bool
    stock: int
    fields: list[str]
    templates: int
    how: str = ""
    """How its notes become entries (set once read: see :meth:`mapping`)."""

    def mapping(self) -> str:
        """How its notes become entries."""
        if self.name in OUR_NOTETYPES and tuple(self.fields) == OUR_FIELDS:
            return OURS
        if self.cloze:
            return CLOZE
        if self.stock in _STOCK and (len(self.fields), self.templates) == _STOCK_SHAPE.get(
            self.stock, (len(self.fields), self.templates)
        ):
            # Anki clones every note type a user makes from a stock one and keeps its
            # kind: a "Vocabulary" type with three fields still says Basic. Only the
            # stock shape (fields, cards per note) is the stock type, renamed or not.
            return _STOCK[self.stock]
        # Anki adds a suffix such as "-1a2b3" to a note type it had to rename.
        base = self.name.casefold()
        for known, how in _STOCK_NAMES.items():
            if base == known or (base.startswith(known + "-") and len(base) <= len(known) + 7):
                return how
        return OTHER


@dataclass(slots=True)
class AnkiDeck:
    """What matters of an Anki deck."""

    id: int
    levels: list[str]
    description: str = ""
    filtered: bool = False


@dataclass(slots=True)
class _Card:
    id: int
    deck: int
    ord: int
    type: int
    queue: int
    due: int
    ivl: int
    factor: int
    left: int
    data: str


@dataclass(slots=True)
class _Reading:
    """The state of one package being read."""

    path: Path
    options: ImportOptions
    scheduler: Scheduler
    tz: tzinfo
    rollover_hour: int
    now: float
    progress: Progress | None
    result: Imported
    conn: sqlite3.Connection | None = None
    schema: int = 0
    crt: int = 0
    ours: dict[str, dict[str, object]] = field(default_factory=dict)
    reviews: dict[int, list[tuple[float, Rating, int]]] | None = None


def read_package(
    path: Path,
    options: ImportOptions,
    scheduler: Scheduler,
    tz: tzinfo,
    rollover_hour: int,
    now: float,
    progress: Progress | None = None,
) -> Imported:
    """Read an Anki package.

    Args:
        path: The ``.apkg`` or ``.colpkg`` file.
        options: What the user asked for (a deck id, progress or not).
        scheduler: Replays histories into memory states.
        tz: The learner's time zone (Anki's due days become our study days).
        rollover_hour: The hour a study day begins.
        now: The current time (epoch seconds), for buried cards.
        progress: Told how many notes are read.

    Raises:
        FormatError: for anything that is not a package this reader can use.
    """
    archive = guard.open_zip(path)
    result = Imported(path, "Anki package")
    result.cleanup.append(archive.close)
    workdir = Path(tempfile.mkdtemp(prefix="trainer-import-"))
    result.cleanup.append(lambda: shutil.rmtree(workdir, ignore_errors=True))
    reading = _Reading(path, options, scheduler, tz, rollover_hour, now, progress, result)
    try:
        version = _version(archive, path)
        collection = workdir / "collection.sqlite3"
        name = VERSIONS[version]
        with collection.open("wb") as out:
            guard.copy_member(
                archive,
                name,
                path,
                "the collection",
                guard.MAX_COLLECTION_BYTES,
                out,
                zstd=version == 3,
            )
        reading.conn = _open_collection(collection, path)
        result.cleanup.append(reading.conn.close)
        _read(reading)
        _media(reading, archive, version)
    except sqlite3.Error as exc:
        result.close()
        raise guard.refuse(
            path,
            f"the collection cannot be read: {exc}",
            "the package is damaged or truncated; export it from Anki again",
        ) from exc
    except BaseException:
        result.close()
        raise
    if reading.conn is not None:
        reading.conn.close()
    return result


def _version(archive: zipfile.ZipFile, path: Path) -> int:
    members = set(archive.namelist())
    if "meta" in members:
        raw = guard.read_member(archive, "meta", path, "the package's meta file", guard.MiB)
        try:
            version = protobuf.first_int(protobuf.decode(raw), 1)
        except protobuf.ProtobufError as exc:
            raise guard.refuse(path, f"the package's meta file is damaged ({exc})") from exc
        if version not in VERSIONS:
            raise guard.refuse(
                path,
                f"the package is of a version this trainer does not know ({version})",
                "it was made by a newer Anki: export it with 'Support older Anki versions' ticked",
            )
    elif "collection.anki21" in members:
        version = 2
    elif "collection.anki2" in members:
        version = 1
    else:
        raise guard.refuse(
            path,
            "there is no Anki collection in this zip file",
            "import an .apkg or .colpkg exported by Anki",
        )
    if VERSIONS[version] not in members:
        raise guard.refuse(path, f"the package has no {VERSIONS[version]}", "export it again")
    return version


def _open_collection(collection: Path, path: Path) -> sqlite3.Connection:
    with collection.open("rb") as f:
        if f.read(16) != SQLITE_MAGIC:
            raise guard.refuse(
                path, "the collection inside is not an SQLite database", "export it again"
            )
    conn = sqlite3.connect(f"file:{collection}?immutable=1", uri=True)
    conn.create_collation(
        "unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold())
    )
    deadline = time.monotonic() + guard.MAX_SECONDS
    # A crafted database can make a query run for ever (a view in place of a
    # table, say): every query is stopped once reading has taken too long.
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 100_000)
    tables = {name: kind for name, kind in conn.execute("SELECT name, type FROM sqlite_master")}
    for needed in ("col", "notes", "cards"):
        if tables.get(needed) != "table":
            conn.close()
            raise guard.refuse(path, f"the collection has no '{needed}' table", "export it again")
    return conn


def _read(r: _Reading) -> None:
    conn = r.conn
    assert conn is not None
    row = conn.execute("SELECT ver, crt, conf, models, decks FROM col").fetchone()
    if row is None:
        raise guard.refuse(r.path, "the collection is empty (no 'col' row)")
    ver, r.crt = int(row[0]), int(row[1])
    if ver not in SCHEMAS:
        raise guard.refuse(
            r.path,
            f"the collection has schema version {ver}; this trainer reads 11 to 18",
            "export it from a current Anki",
        )
    r.schema = ver
    if ver >= 15:
        notetypes = _notetypes_18(conn)
        decks = _decks_18(conn)
    else:
        notetypes = _notetypes_11(row[3], r.path)
        decks = _decks_11(row[4], r.path)
    r.ours = _our_config(conn, ver, row[2])
    for nt in notetypes.values():
        nt.how = nt.mapping()
    _notes(r, notetypes, decks)


def _json(text: object, path: Path, what: str) -> dict[str, object]:
    try:
        value = json.loads(text if isinstance(text, str | bytes) else "{}")
    except ValueError as exc:
        raise guard.refuse(path, f"the collection's {what} are damaged ({exc})") from exc
    if not isinstance(value, dict):
        raise guard.refuse(path, f"the collection's {what} are damaged")
    return value


def _notetypes_11(text: object, path: Path) -> dict[int, NoteType]:
    out: dict[int, NoteType] = {}
    for value in _json(text, path, "note types").values():
        if not isinstance(value, dict):
            continue
        fields = [str(f.get("name", "")) for f in value.get("flds", []) if isinstance(f, dict)]
        templates = value.get("tmpls", [])
        out[int(value.get("id", 0))] = NoteType(
            int(value.get("id", 0)),
            str(value.get("name", "")),
            value.get("type") == 1,
            int(value.get("originalStockKind") or 0),
            fields,
            len(templates) if isinstance(templates, list) else 0,
        )
    return out


def _notetypes_18(conn: sqlite3.Connection) -> dict[int, NoteType]:
    out: dict[int, NoteType] = {}
    for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes"):
        try:
            fields = protobuf.decode(bytes(config or b""))
        except protobuf.ProtobufError:
            fields = {}
        out[ntid] = NoteType(
            ntid,
            str(name),
            protobuf.first_int(fields, 1) == 1,
            protobuf.first_int(fields, 9),
            [],
            0,
        )
    for ntid, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        if ntid in out:
            out[ntid].fields.append(str(name))
    for ntid, count in conn.execute("SELECT ntid, COUNT(*) FROM templates GROUP BY ntid"):
        if ntid in out:
            out[ntid].templates = count
    return out


def _decks_11(text: object, path: Path) -> dict[int, AnkiDeck]:
    out: dict[int, AnkiDeck] = {}
    for value in _json(text, path, "decks").values():
        if isinstance(value, dict):
            did = int(value.get("id", 0))
            out[did] = AnkiDeck(
                did,
                names.hierarchy(str(value.get("name", ""))),
                to_text(str(value.get("desc", "") or "")),
                bool(value.get("dyn")),
            )
    return out


def _decks_18(conn: sqlite3.Connection) -> dict[int, AnkiDeck]:
    out: dict[int, AnkiDeck] = {}
    for did, name, kind in conn.execute("SELECT id, name, kind FROM decks"):
        description = ""
        filtered = False
        try:
            fields = protobuf.decode(bytes(kind or b""))
            normal = protobuf.first_bytes(fields, 1)
            filtered = 2 in fields
            if normal:
                description = to_text(protobuf.text(protobuf.decode(normal), 4))
        except protobuf.ProtobufError:
            pass
        out[did] = AnkiDeck(
            did, names.hierarchy(str(name).replace("\x1f", "::")), description, filtered
        )
    return out


def _our_config(conn: sqlite3.Connection, ver: int, conf: object) -> dict[str, dict[str, object]]:
    """What our own exports recorded about each deck (by Anki deck id), if anything."""
    raw: object = None
    if ver >= 14:
        with contextlib.suppress(sqlite3.Error):
            row = conn.execute("SELECT val FROM config WHERE KEY = ?", (TRAINER_CONFIG,)).fetchone()
            raw = row[0] if row else None
    else:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            raw = json.loads(conf).get(TRAINER_CONFIG)  # type: ignore[arg-type]
    if isinstance(raw, str | bytes):
        with contextlib.suppress(ValueError):
            raw = json.loads(raw)
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, dict)}


@functools.lru_cache(maxsize=1024)
def _split_tags(text: str) -> tuple[str, ...]:
    """A note's tags (remembered: many notes share theirs)."""
    return tuple(dict.fromkeys(t for t in text.split() if t))


_OUR_MARKUP = re.compile(r'<br>|<img src="([^"<>]*)">')


def _exact(value: str) -> str:
    """A field our own export wrote (escaped text, ``<br>``, ``<img>``) back as the exact text.

    A field edited in Anki with other formatting is read as HTML instead.
    """
    if "<" in _OUR_MARKUP.sub("", value):
        return to_text(value)
    text = _OUR_MARKUP.sub(
        lambda m: "\n" if m.group(1) is None else f"[image:{html.unescape(m.group(1))}]", value
    )
    return html.unescape(text).strip()


def _notes(r: _Reading, notetypes: dict[int, NoteType], decks: dict[int, AnkiDeck]) -> None:
    conn = r.conn
    assert conn is not None
    cards_of: dict[int, list[_Card]] = {}
    for row in conn.execute(
        "SELECT id, nid, did, ord, type, queue, due, ivl, factor, left, odue, odid, data"
        " FROM cards ORDER BY nid, ord"
    ):
        cid, nid, did, ord_, ctype, queue, due, ivl, factor, left, odue, odid, data = row
        if odid:  # in a filtered deck: its home deck and its own due
            did, due = odid, odue or due
        cards_of.setdefault(nid, []).append(
            _Card(cid, did, ord_, ctype, queue, due, ivl, factor, left, str(data or ""))
        )
    total = conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    by_deck: dict[int, list[tuple[Entry, int, list[_Card]]]] = {}
    other: dict[str, int] = {}
    done = 0
    for nid, guid, mid, tags, flds in conn.execute(
        "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"
    ):
        done += 1
        if r.progress is not None and done % 500 == 0:
            r.progress(done, total)
        nt = notetypes.get(mid)
        cards = cards_of.get(nid, [])
        if nt is None:
            r.result.skipped.append(f"note {guid}: its note type is missing from the package")
            continue
        if not cards:
            r.result.skipped.append(f"note {guid}: it has no cards")
            continue
        entry = _entry(
            nt, str(guid or "").strip() or f"anki-{nid}", str(flds or ""), str(tags or ""), cards
        )
        if isinstance(entry, str):
            r.result.skipped.append(f"note {guid} ({nt.name}): {entry}")
            continue
        if nt.how == OTHER:
            other[nt.name] = other.get(nt.name, 0) + 1
        home = cards[0].deck if cards[0].deck in decks else min(c.deck for c in cards)
        by_deck.setdefault(home, []).append((entry, nid, cards))
    if r.progress is not None:
        r.progress(total, total)
    for name, count in sorted(other.items()):
        r.result.notes.append(
            f"note type '{name}' ({count} note{'s' if count != 1 else ''}) is not one of Anki's"
            " standard types: each note was imported from its first two fields as front and back"
        )
    _decks(r, decks, by_deck)


def _entry(nt: NoteType, guid: str, flds: str, tags: str, cards: list[_Card]) -> Entry | str:
    """The entry a note gives, or why it gives none."""
    raw = flds.split("\x1f")
    how = nt.how
    if "\n" in guid or "\r" in guid:
        return "its id (GUID) spans several lines"
    if how == OURS:
        values = [_exact(v) for v in raw] + [""] * (len(OUR_FIELDS) - len(raw))
        front, back, ask, ask_rev, accept, accept_rev, when, kind, source, note = values[:10]
        ctype = CardType(OUR_NOTETYPES[nt.name])
        try:
            card_kind = CardKind(kind or "other")
        except ValueError:
            card_kind = CardKind.OTHER
        entry = Entry(
            guid,
            front,
            back,
            ctype,
            card_kind,
            _split_tags(tags),
            _lines(accept),
            when,
            source,
            note,
            ask if ctype is CardType.REVERSED else "",
            ask_rev if ctype is CardType.REVERSED else "",
            _lines(accept_rev) if ctype is CardType.REVERSED else (),
        )
    else:
        fields = [to_text(v) for v in raw[:2]] + [""] * max(0, 2 - len(raw))
        front, back = fields[0], fields[1]
        ctype = CardType.BASIC
        if how == REVERSED:
            ctype = CardType.REVERSED
        elif how == OPTIONAL_REVERSED:
            ctype = CardType.REVERSED if any(c.ord == 1 for c in cards) else CardType.BASIC
        elif how == CLOZE:
            ctype = CardType.CLOZE
        entry = Entry(guid, front, back, ctype, CardKind.OTHER, _split_tags(tags))
    if not entry.front:
        return "its front is empty"
    if entry.type is CardType.CLOZE:
        gaps, problems = cloze.scan(entry.front)
        if problems:
            return f"its cloze text cannot be read: {problems[0].message}"
        numbers = {g.number for g in gaps}
        if not numbers:
            return "its cloze text has no {{c1::...}} gap"
        if len(numbers) > cloze.MAX_GAPS:
            return f"it has more than {cloze.MAX_GAPS} cloze numbers"
    elif not entry.back:
        return "its back is empty"
    return entry


def _lines(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in text.split("\n") if line.strip()))


def _decks(
    r: _Reading,
    decks: dict[int, AnkiDeck],
    by_deck: dict[int, list[tuple[Entry, int, list[_Card]]]],
) -> None:
    order = sorted(by_deck, key=lambda did: decks[did].levels if did in decks else [str(did)])
    levels = [decks[did].levels if did in decks else [f"Deck {did}"] for did in order]
    ids = names.deck_ids(levels, r.options.deck_id)
    for did, deck_levels, deck_id in zip(order, levels, ids, strict=True):
        anki = decks.get(did)
        ours = r.ours.get(str(did), {})
        if ours and r.options.deck_id is None and isinstance(ours.get("id"), str):
            deck_id = str(ours["id"])
        raw_tags = ours.get("tags")
        deck = ImportedDeck(
            deck_id,
            str(ours.get("title") or names.title(deck_levels)),
            f'Anki deck "{"::".join(deck_levels)}"',
            description=str(ours.get("description") or (anki.description if anki else "")),
            tags=tuple(str(t).strip() for t in raw_tags if str(t).strip())
            if isinstance(raw_tags, list)
            else (),
        )
        seen: set[str] = set()
        exact_tags = ours.get("card_tags")
        for entry, _nid, cards in by_deck[did]:
            if entry.id in seen:
                r.result.skipped.append(f"note {entry.id}: its id is used twice in the deck")
                continue
            seen.add(entry.id)
            if isinstance(exact_tags, dict) and isinstance(exact_tags.get(entry.id), list):
                entry.tags = tuple(str(t).strip() for t in exact_tags[entry.id] if str(t).strip())
            deck.entries.append(entry)
            for text in (entry.front, entry.back, entry.note):
                if "[" in text:
                    deck.media |= media_names(text)
            if r.options.with_progress:
                _progress(r, deck.id, entry, cards)
        r.result.decks.append(deck)


def _card_id(entry: Entry, ord_: int) -> str | None:
    """Our card id for the Anki card with template ``ord_`` of the entry's note."""
    if entry.type is CardType.REVERSED:
        return {0: entry.id, 1: f"{entry.id}/reverse"}.get(ord_)
    if entry.type is CardType.CLOZE:
        return f"{entry.id}/c{ord_ + 1}" if (ord_ + 1) in gap_numbers(entry.front) else None
    return entry.id if ord_ == 0 else None


_STATES = {0: State.NEW, 1: State.LEARNING, 2: State.REVIEW, 3: State.RELEARNING}


def _reviews(r: _Reading) -> dict[int, list[tuple[float, Rating, int]]]:
    """Every card's answers, oldest first (manual reschedules and bad rows left out)."""
    conn = r.conn
    assert conn is not None
    out: dict[int, list[tuple[float, Rating, int]]] = {}
    for cid, rid, ease, taken, kind in conn.execute(
        "SELECT cid, id, ease, time, type FROM revlog ORDER BY cid, id"
    ):
        if 1 <= (ease or 0) <= 4 and kind not in (4, 5) and rid > 0:
            out.setdefault(cid, []).append((rid / 1000.0, _RATINGS[ease], max(int(taken or 0), 0)))
    return out


_RATINGS = {int(r): r for r in Rating}


def _progress(r: _Reading, deck_id: str, entry: Entry, cards: list[_Card]) -> None:
    if r.reviews is None:
        r.reviews = _reviews(r)
    for card in cards:
        card_id = _card_id(entry, card.ord)
        if card_id is None:
            continue
        log = history.replay(r.scheduler, r.reviews.get(card.id, []))
        memory = _memory(r, card, log)
        r.result.progress.append(
            CardProgress(
                deck_id,
                card_id,
                memory,
                suspended=card.queue == -1,
                buried=card.queue in (-2, -3),
                log=log,
            )
        )


def _memory(r: _Reading, card: _Card, log: list[LogRow]) -> Memory:
    state = _STATES.get(card.type, State.NEW)
    if state is State.NEW:
        return Memory()
    data: dict[str, object] = {}
    if card.data.startswith("{"):
        with contextlib.suppress(ValueError):
            loaded = json.loads(card.data)
            data = loaded if isinstance(loaded, dict) else {}
    replayed = log[-1].after if log else None
    stability = _number(data.get("s"))
    difficulty = _number(data.get("d"))
    if stability is None or difficulty is None:
        if replayed is not None and replayed.stability is not None:
            stability, difficulty = replayed.stability, replayed.difficulty
        else:
            stability, difficulty = history.from_interval(
                max(card.ivl, 0), (card.factor or 2500) / 1000
            )
    stability = min(max(stability, 0.001), MAX_STABILITY)
    last = _number(data.get("lrt"))
    if last is None:
        last = log[-1].reviewed_at if log else None
    if card.due > 1_000_000_000:  # (re)learning due in epoch seconds
        due = float(card.due)
    else:  # a day number counted from the collection's creation
        crt_day = history.day_number(float(r.crt), r.tz, r.rollover_hour)
        due = history.day_start(crt_day + card.due, r.tz, r.rollover_hour)
    if last is None:
        last = due - max(card.ivl, 1) * DAY if state is State.REVIEW else None
    step = None
    if state in (State.LEARNING, State.RELEARNING):
        step = history.learning_step(state, card.left % 1000, r.scheduler)
    return Memory(state, step, stability, difficulty, due, last)


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
        return float(value)
    return None


def _media(r: _Reading, archive: zipfile.ZipFile, version: int) -> None:
    wanted = set().union(*(d.media for d in r.result.decks)) if r.result.decks else set()
    members = set(archive.namelist())
    if "media" not in members:
        return
    raw = guard.read_member(
        archive, "media", r.path, "the media list", 64 * guard.MiB, zstd=version == 3
    )
    listed: list[tuple[str, str]] = []  # (name, zip member)
    if version == 3:
        try:
            entries = protobuf.decode(raw).get(1, [])
            for i, item in enumerate(entries):
                fields = protobuf.decode(item if isinstance(item, bytes) else b"")
                index = protobuf.first_int(fields, 255, i) if 255 in fields else i
                listed.append((protobuf.text(fields, 1), str(index)))
        except protobuf.ProtobufError as exc:
            raise guard.refuse(r.path, f"the media list is damaged ({exc})") from exc
    else:
        mapping = _json(raw.decode("utf-8", "replace"), r.path, "media list")
        listed = [(str(name), str(key)) for key, name in mapping.items()]
    budget = {"left": guard.MAX_MEDIA_BYTES}
    for name, member in listed:
        problem = guard.media_name_problem(name)
        if problem:
            raise guard.refuse(
                r.path,
                f"the media list names {name!r}: {problem}; nothing was imported",
                "this package is damaged or was made to write outside its folder",
            )
        if name not in wanted:
            continue
        if is_deck_name(Path(name)):
            r.result.skipped.append(f"media file {name}: it is named like a deck file")
            continue
        if member not in members:
            r.result.skipped.append(f"media file {name}: it is missing from the package")
            continue
        info = archive.getinfo(member)
        if info.is_dir() or (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise guard.refuse(
                r.path,
                f"media file {name!r} is stored as a link or folder; nothing was imported",
                "only import packages from sources you trust",
            )
        r.result.media.append(
            MediaFile(name, _writer(r.path, archive, info, name, version, budget))
        )
    missing = wanted - {name for name, _ in listed}
    for name in sorted(missing):
        r.result.skipped.append(f"media file {name}: a card names it but the package lacks it")


def _writer(
    path: Path,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    version: int,
    budget: dict[str, int],
) -> Callable[[Path], int]:
    def write(dest: Path) -> int:
        written = 0
        with dest.open("wb") as out:
            for chunk in guard.member_chunks(
                archive, info, path, f"media file {name}", budget["left"], zstd=version == 3
            ):
                out.write(chunk)
                written += len(chunk)
        budget["left"] -= written
        return written

    return write
