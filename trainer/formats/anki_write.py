"""A deck (and its progress) -> an Anki package that current Anki imports.

The package is the long-supported form Anki itself writes when asked to
"support older Anki versions": ``meta`` (version 2), ``collection.anki21``
(schema 11: note types and decks as JSON in the ``col`` row), a JSON media
list and the media files stored as they are.

Each entry becomes a note whose GUID is the entry's id, of one of three note
types of our own (basic, reversed, cloze) whose fields hold every deck key,
so importing the package back gives the same deck. The deck's id, title,
description and tags are kept in a collection setting Anki leaves alone.
With progress, each card's state goes into Anki's card columns and its FSRS
memory state into the card's ``data``, and its history into the review log.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path

from trainer.core.model import CardProgress, CardType, Deck, Memory, Rating, State
from trainer.core.scheduler import DAY, Scheduler
from trainer.formats import guard, history, protobuf
from trainer.formats.anki_read import OUR_FIELDS, TRAINER_CONFIG
from trainer.formats.html import media_names, to_html, to_text
from trainer.formats.model import Entry

DECK_ID = 1_000_000_000_001
"""The Anki id of the exported deck (any id but 1, Anki's 'Default')."""
_NOTETYPE_IDS = {
    CardType.BASIC: 1_000_000_000_101,
    CardType.REVERSED: 1_000_000_000_102,
    CardType.CLOZE: 1_000_000_000_103,
}
_NAMES = {
    CardType.BASIC: "Trainer basic",
    CardType.REVERSED: "Trainer reversed",
    CardType.CLOZE: "Trainer cloze",
}
_CSS = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n"
_AFTER = "{{#Note}}<br><br><small>{{Note}}</small>{{/Note}}"

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
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
"""


def _field(name: str, ord_: int) -> dict[str, object]:
    return {"name": name, "ord": ord_, "sticky": False, "rtl": False, "font": "Arial", "size": 20,
            "description": "", "plainText": False, "collapsed": False, "excludeFromSearch": False}  # fmt: skip


def _template(name: str, ord_: int, qfmt: str, afmt: str) -> dict[str, object]:
    return {"name": name, "ord": ord_, "qfmt": qfmt, "afmt": afmt, "bqfmt": "", "bafmt": "",
            "did": None, "bfont": "", "bsize": 0}  # fmt: skip


def _notetype(ctype: CardType, mod: int) -> dict[str, object]:
    if ctype is CardType.CLOZE:
        templates = [
            _template("Cloze", 0, "{{cloze:Front}}", "{{cloze:Front}}<br>{{Back}}" + _AFTER)
        ]
        req: list[object] = [[0, "any", [0]]]
    else:
        templates = [
            _template(
                "Card 1",
                0,
                "{{#Ask}}{{Ask}}{{/Ask}}{{^Ask}}{{Front}}{{/Ask}}",
                "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" + _AFTER,
            )
        ]
        req = [[0, "any", [0]]]
        if ctype is CardType.REVERSED:
            templates.append(
                _template(
                    "Card 2",
                    1,
                    "{{#Ask reverse}}{{Ask reverse}}{{/Ask reverse}}{{^Ask reverse}}{{Back}}{{/Ask reverse}}",
                    "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}" + _AFTER,
                )
            )
            req.append([1, "any", [1]])
    return {
        "id": _NOTETYPE_IDS[ctype],
        "name": _NAMES[ctype],
        "type": 1 if ctype is CardType.CLOZE else 0,
        "mod": mod,
        "usn": -1,
        "sortf": 0,
        "did": DECK_ID,
        "tmpls": templates,
        "flds": [_field(name, i) for i, name in enumerate(OUR_FIELDS)],
        "css": _CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": False,
        "req": req,
        "tags": [],
        "vers": [],
    }


def _deck(did: int, name: str, description: str, mod: int) -> dict[str, object]:
    return {
        "id": did, "mod": mod, "name": name, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
        "newToday": [0, 0], "timeToday": [0, 0], "collapsed": False, "browserCollapsed": False,
        "desc": description, "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
    }  # fmt: skip


_DECK_CONFIG = {
    "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": True, "timer": 0,
    "replayq": True, "dyn": False,
    "new": {"bury": False, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20},
    "rev": {"bury": False, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2},
    "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0},
}  # fmt: skip


def _anki_tags(tags: Sequence[str]) -> str:
    return " " + " ".join(re.sub(r"\s+", "_", t) for t in tags) + " " if tags else ""


def _fields(entry: Entry) -> list[str]:
    values = (
        entry.front, entry.back, entry.ask, entry.ask_reverse, "\n".join(entry.accept),
        "\n".join(entry.accept_reverse), entry.when,
        entry.kind.value if entry.kind.value != "other" else "", entry.source, entry.note,
    )  # fmt: skip
    return [to_html(v) for v in values]


def _checksum(first_field: str) -> int:
    return int(hashlib.sha1(to_text(first_field).encode("utf-8")).hexdigest()[:8], 16)


def _card_ids(entry: Entry) -> list[tuple[int, str]]:
    """(template ord, our card id) of each card an entry gives."""
    if entry.type is CardType.REVERSED:
        return [(0, entry.id), (1, f"{entry.id}/reverse")]
    if entry.type is CardType.CLOZE:
        from trainer.core.cloze import numbers

        return [(n - 1, f"{entry.id}/c{n}") for n in numbers(entry.front)]
    return [(0, entry.id)]


def write_package(
    dest: Path,
    deck: Deck,
    entries: list[Entry],
    progress: Sequence[CardProgress],
    media_folder: Path,
    now: float,
    tz: tzinfo,
    rollover_hour: int,
    scheduler: Scheduler | None = None,
) -> int:
    """Write ``deck`` as an Anki package to ``dest``; returns how many media files it holds.

    Args:
        progress: The cards' states and histories (empty for a package without them).
        media_folder: Where the media files the cards name are looked for.
        now: The current time, epoch seconds (the notes' modification time).
        tz: The learner's time zone, to count review days as Anki does.
        rollover_hour: The hour a study day begins.
    """
    scheduler = scheduler or Scheduler()
    by_card = {p.card_id: p for p in progress}
    today = history.day_number(now, tz, rollover_hour)
    first = min(
        [
            history.day_number(p.memory.last_review, tz, rollover_hour)
            for p in progress
            if p.memory.last_review
        ]
        + [today]
    )
    crt = int(history.day_start(first, tz, rollover_hour))
    mod_s, mod_ms = int(now), int(now * 1000)
    with tempfile.TemporaryDirectory(prefix="trainer-export-") as tmp:
        path = Path(tmp) / "collection.anki21"
        conn = sqlite3.connect(path)
        try:
            conn.executescript(SCHEMA_11)
            used = {c for e in entries for c in [e.type]}
            models = {str(_NOTETYPE_IDS[t]): _notetype(t, mod_s) for t in used}
            name = re.sub(r"[\x00-\x1f]+", " ", deck.title.replace(" › ", "::")).strip() or deck.id
            decks = {
                "1": _deck(1, "Default", "", 0),
                str(DECK_ID): _deck(DECK_ID, name, to_html(deck.description), mod_s),
            }
            ours = {
                str(DECK_ID): {
                    "id": deck.id,
                    "title": deck.title,
                    "description": deck.description,
                    "tags": list(deck.tags),
                    # Anki's tags hold no spaces: the exact ones, for our own import.
                    "card_tags": {
                        e.id: list(e.tags) for e in entries if any(" " in t for t in e.tags)
                    },
                }
            }
            conf = {"nextPos": len(entries) + 1, "schedVer": 2, "sched2021": True, "curDeck": DECK_ID,
                    "activeDecks": [DECK_ID], "creationOffset": 0, TRAINER_CONFIG: ours}  # fmt: skip
            conn.execute(
                "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                (crt, mod_ms, mod_ms, json.dumps(conf), json.dumps(models), json.dumps(decks),
                 json.dumps({"1": _DECK_CONFIG})),
            )  # fmt: skip
            notes, cards, revlog = [], [], []
            revlog_ids: set[int] = set()
            for position, entry in enumerate(entries, start=1):
                nid = mod_ms + position
                flds = _fields(entry)
                notes.append(
                    (nid, entry.id, _NOTETYPE_IDS[entry.type], mod_s, -1, _anki_tags(entry.tags),
                     "\x1f".join(flds), to_text(flds[0]), _checksum(flds[0]), 0, "")
                )  # fmt: skip
                for ord_, card_id in _card_ids(entry):
                    cid = nid * 100 + ord_
                    p = by_card.get(card_id)
                    cards.append(
                        _card(cid, nid, ord_, position, p, mod_s, crt, tz, rollover_hour, scheduler)
                    )
                    if p is not None:
                        for row in p.log:
                            rid = round(row.reviewed_at * 1000)
                            while rid in revlog_ids:
                                rid += 1
                            revlog_ids.add(rid)
                            revlog.append(
                                _revlog(
                                    rid, cid, row.rating, row.duration_ms, row.before, row.after
                                )
                            )
            conn.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", notes)
            conn.executemany(
                "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                cards,
            )
            conn.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", revlog)
            conn.commit()
        finally:
            conn.close()
        wanted: set[str] = set()
        for e in entries:
            for text in (e.front, e.back, e.note):
                if "[" in text:
                    wanted |= media_names(text)
        media = [
            name
            for name in sorted(wanted)
            if guard.media_name_problem(name) is None and (media_folder / name).is_file()
            and not (media_folder / name).is_symlink()
        ]  # fmt: skip
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr(zipfile.ZipInfo("meta"), protobuf.encode([(1, 2)]))
            out.write(path, "collection.anki21")
            for i, name in enumerate(media):
                out.write(media_folder / name, str(i), compress_type=zipfile.ZIP_STORED)
            out.writestr("media", json.dumps({str(i): name for i, name in enumerate(media)}))
    return len(media)


def _card(
    cid: int,
    nid: int,
    ord_: int,
    position: int,
    p: CardProgress | None,
    mod: int,
    crt: int,
    tz: tzinfo,
    rollover_hour: int,
    scheduler: Scheduler,
) -> tuple[object, ...]:
    queue = -1 if p is not None and p.suspended else -3 if p is not None and p.buried else None
    m = p.memory if p is not None else Memory()
    reps = len(p.log) if p is not None else 0
    lapses = (
        sum(1 for r in p.log if r.rating is Rating.AGAIN and r.before.state is State.REVIEW)
        if p
        else 0
    )
    if m.state is State.NEW:
        return (
            cid,
            nid,
            DECK_ID,
            ord_,
            mod,
            -1,
            0,
            0 if queue is None else queue,
            position,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            "{}",
        )
    data: dict[str, object] = {}
    if m.stability is not None and m.difficulty is not None:
        data = {
            "s": round(m.stability, 4),
            "d": round(m.difficulty, 3),
            "dr": scheduler.settings.desired_retention,
        }
    if m.last_review is not None:
        data["lrt"] = int(m.last_review)
    left = 0
    if m.state is State.REVIEW:
        crt_day = history.day_number(crt, tz, rollover_hour)
        due = history.day_number(m.due, tz, rollover_hour) - crt_day
        ivl = max(1, round((m.due - (m.last_review or m.due)) / DAY))
        ctype, natural = 2, 2
    else:
        steps = (
            scheduler.settings.relearning_steps
            if m.state is State.RELEARNING
            else scheduler.settings.learning_steps
        )
        due, ivl = int(m.due), 0
        ctype, natural = (3 if m.state is State.RELEARNING else 1), 1
        left = max(len(steps) - (m.step or 0), 1)
    return (cid, nid, DECK_ID, ord_, mod, -1, ctype, natural if queue is None else queue, due, ivl,
            2500, reps, lapses, left, 0, 0, 0, json.dumps(data))  # fmt: skip


def _revlog(
    rid: int, cid: int, rating: Rating, duration: int, before: Memory, after: Memory
) -> tuple[object, ...]:
    def interval(m: Memory, at: float) -> int:
        if m.state is State.REVIEW:
            return max(1, round((m.due - at) / DAY))
        return -max(0, round(m.due - at))

    at = rid / 1000
    kind = {State.NEW: 0, State.LEARNING: 0, State.REVIEW: 1, State.RELEARNING: 2}[before.state]
    last = interval(before, before.last_review) if before.last_review is not None else 0
    return (
        rid,
        cid,
        -1,
        int(rating),
        interval(after, at),
        last,
        0 if kind == 0 else 2500,
        max(0, min(duration, 60_000)),
        kind,
    )
