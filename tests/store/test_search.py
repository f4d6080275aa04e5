"""The browser's search language: a table of queries and the cards they find."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FixedClock, write_deck
from trainer.core.errors import UsageError
from trainer.core.model import Rating
from trainer.core.search import All, Any, Not, Term, parse
from trainer.store import db
from trainer.store.search import Searcher, Superseded, count, page, rowids, search
from trainer.workspace import Workspace

HISTORY = """
    id: history
    title: History
    tags: [caucasus]
    cards:
      - {id: gulistan, kind: treaty, front: Treaty of Gulistan, back: "1813", tags: [war, persia]}
      - {id: turkmenchay, kind: treaty, front: Treaty of Turkmenchay, back: "1828", tags: [war]}
      - {id: aliyev, kind: person, front: Who is Ilham Aliyev?, back: President of Azerbaijan}
      - {id: baku, kind: place, front: Capital of Azerbaijan, back: Baku, note: "On the Caspian; 100% sure"}
"""
RIVERS = """
    id: rivers
    title: Rivers
    cards:
      - {id: kura, kind: place, front: Longest river of the Caucasus, back: Kura, tags: [Geography]}
      - {id: danube, front: "Fluss: Donau", back: Danube, source: "Atlas ¶3"}
      - {id: old, front: Removed later, back: gone}
"""


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One collection for the whole table (searches only read it)."""
    with pytest.MonkeyPatch.context() as mp:
        tmp_path = tmp_path_factory.mktemp("search")
        mp.setenv("TRAINER_HOME", str(tmp_path / "home"))
        mp.setenv("TRAINER_PROFILE", "tester")
        mp.setattr("trainer.store.paths.bundled_decks", lambda: [])
        yield from _collection(tmp_path, FixedClock())


def _collection(tmp_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    folder = tmp_path / "decks"
    write_deck(folder, "history.yaml", HISTORY)
    rivers = write_deck(folder, "rivers.yaml", RIVERS)
    w = Workspace(None, [folder], clock=clock)  # type: ignore[arg-type]
    # The states: gulistan studied (due tomorrow), turkmenchay suspended, aliyev a
    # leech, baku buried; 'old' retired from its file.
    s = w.session(["history"])
    s.answer(Rating.EASY, clock.now())  # gulistan
    s.suspend(clock.now())  # turkmenchay
    s.bury(clock.now())  # aliyev
    aliyev = w.store.card_rowid("history", "aliyev")
    w.conn.execute(
        "UPDATE card_state SET leech = 1, buried_day = 0 WHERE card_rowid = ?", (aliyev,)
    )
    s.bury(clock.now())  # baku
    rivers.write_text(
        RIVERS.replace("      - {id: old, front: Removed later, back: gone}\n", "")
        .replace("\n    ", "\n")
        .strip()
        + "\n"
    )
    w.reload()
    yield w
    w.close()


TABLE = [
    ("", {"gulistan", "turkmenchay", "aliyev", "baku", "kura", "danube"}),
    ("treaty", {"gulistan", "turkmenchay"}),
    ("TREATY of", {"gulistan", "turkmenchay"}),
    ('"treaty of g"', {"gulistan"}),
    ("azerbaijan", {"aliyev", "baku"}),
    ("caspian", {"baku"}),  # the note
    ("¶3", {"danube"}),  # the source
    ("100%", {"baku"}),  # LIKE characters are text
    ("fluss:", {"danube"}),  # not a field: a word
    ("deck:rivers", {"kura", "danube"}),
    ("deck:HIS*", {"gulistan", "turkmenchay", "aliyev", "baku"}),
    ("-deck:history", {"kura", "danube"}),
    ("tag:war", {"gulistan", "turkmenchay"}),
    ("tag:geography", {"kura"}),  # ignoring case
    ("tag:caucasus", {"gulistan", "turkmenchay", "aliyev", "baku"}),  # the deck's tag
    ("tag:w*", {"gulistan", "turkmenchay"}),
    ("kind:place", {"baku", "kura"}),
    ("kind:place -deck:rivers", {"baku"}),
    ("kind:person or kind:treaty", {"aliyev", "gulistan", "turkmenchay"}),
    ("deck:history (tag:persia or kind:place)", {"gulistan", "baku"}),
    ("-(tag:war or deck:rivers)", {"aliyev", "baku"}),
    ("card:t*", {"turkmenchay"}),
    ("is:new", {"turkmenchay", "aliyev", "baku", "kura", "danube"}),
    ("is:new -is:suspended", {"aliyev", "baku", "kura", "danube"}),
    ("is:review", {"gulistan"}),
    ("is:due", set()),  # gulistan is due in days, not today
    ("is:suspended", {"turkmenchay"}),
    ("is:buried", {"baku"}),
    ("is:leech", {"aliyev"}),
    ("is:retired", {"old"}),
    ("is:retired or deck:history", {"old", "gulistan", "turkmenchay", "aliyev", "baku"}),
    ("-is:retired deck:rivers", {"kura", "danube"}),
    ("nothing-matches-this", set()),
]


@pytest.mark.parametrize(("query", "expected"), TABLE)
def test_search_finds_exactly_these_cards(ws: Workspace, query: str, expected: set[str]) -> None:
    found, total = ws.search(query)
    assert {f.card_id for f in found} == expected
    assert total == len(expected)


def test_is_due_finds_cards_due_before_the_study_day_ends(ws: Workspace) -> None:
    clock = ws.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=30)
    try:
        found, _ = ws.search("is:due")
    finally:
        clock.advance(days=-30)
    assert {f.card_id for f in found} == {"gulistan"}


def test_the_tree_of_a_search() -> None:
    assert parse("a b") == All((Term("", "a"), Term("", "b")))
    assert parse("a or -b c") == Any((Term("", "a"), All((Not(Term("", "b")), Term("", "c")))))
    assert parse("-(deck:x or is:new)") == Not(Any((Term("deck", "x"), Term("is", "new"))))
    assert parse('"two words"') == Term("", "two words")
    assert parse("IS:Due") == Term("is", "due")


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ('"open', "quote is not closed"),
        ("(a b", "'(' is not closed"),
        ("a)", "')' closes nothing"),
        ("is:sleeping", "no state 'is:sleeping'"),
        ("kind:poem", "no kind 'poem'"),
        ("deck:", "'deck:' needs a value"),
        ("or a", "'or' needs a term"),
        ("a or", "'or' needs a term"),
        ("(" * 60 + ")" * 60, "too many nested"),
        ("x" * 3000, "at most 2000 characters"),
    ],
)
def test_bad_searches_say_where_and_why(query: str, says: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse(query)
    assert says in caught.value.message and caught.value.hint


def test_a_word_is_found_in_text_folded_once_not_by_python_for_each_card(ws: Workspace) -> None:
    calls: list[object] = []

    def counting(text: object) -> str:
        calls.append(text)
        return text.casefold() if isinstance(text, str) else ""

    ws.conn.create_function("fold", 1, counting, deterministic=True)
    try:
        assert {f.card_id for f in ws.search("AZERBAIJAN deck:HIS* tag:w* card:*")[0]} == set()
        assert {f.card_id for f in ws.search("azerbaijan or tag:GEO* -card:x")[0]} == {
            "aliyev",
            "baku",
            "kura",
        }
    finally:
        db.install_functions(ws.conn)
    assert calls == []  # ASCII ids and tags need no Python; the text was folded when written


def test_text_in_any_script_is_found_ignoring_case(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "decks"
    write_deck(
        folder,
        "de.yaml",
        """
        id: Straßen
        tags: [ÄRGER]
        cards:
          - {id: Öl, front: "Die GROSSE Straße", back: Weg}
          - {id: gap, type: cloze, front: "Der {{c1::Fluß}} fließt ins Meer"}
        """,
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRAINER_HOME", str(tmp_path / "home"))
        mp.setattr("trainer.store.paths.bundled_decks", lambda: [])
        w = Workspace(None, [folder], clock=clock)  # type: ignore[arg-type]
    try:
        assert {f.card_id for f in w.search("straße")[0]} == {"Öl"}
        assert {f.card_id for f in w.search("STRASSE")[0]} == {"Öl"}  # ß folds to ss
        assert {f.card_id for f in w.search("FLIESST")[0]} == {"gap/c1"}  # the entry's text
        assert {f.card_id for f in w.search("deck:STRASSEN card:öl tag:ärger")[0]} == {"Öl"}
    finally:
        w.close()


def test_a_schema_6_profile_keeps_its_cards_and_gets_their_folded_text(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    db.migrate(conn, target=6)
    conn.execute("INSERT INTO decks (rowid, deck_id, title, path) VALUES (1, 'd', 'D', 'd.yaml')")
    conn.execute(
        "INSERT INTO cards (rowid, deck_rowid, card_id, entry_id, ord, type, ordinal, kind,"
        " front, back, note, source, content_hash) VALUES"
        " (7, 1, 'a', 'a', 0, 'basic', 1, 'other', 'Die Straße', 'Weg', 'Eine NOTIZ', 'Atlas', 'h'),"
        " (8, 1, 'z/c1', 'z', 1, 'cloze', 1, 'other', '', 'Fluß', '', '', 'h')"
    )
    conn.execute(
        "INSERT INTO entry_texts (deck_rowid, entry_id, front) VALUES (1, 'z', 'Der Fluß')"
    )
    conn.execute("INSERT INTO card_state (card_rowid, deck_rowid, state, due) VALUES (7, 1, 2, 5)")
    conn.execute("INSERT INTO card_state (card_rowid, deck_rowid, state, due) VALUES (8, 1, 0, 1)")
    conn.execute(
        "INSERT INTO review_log (card_rowid, reviewed_at, rating, duration_ms, state_before,"
        " due_before, state_after, due_after, interval) VALUES (7, 1, 3, 100, 0, 0, 2, 5, 4)"
    )
    conn.close()
    conn = db.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION == 7
    assert conn.execute("SELECT rowid, folded FROM cards ORDER BY rowid").fetchall() == [
        (7, "die strasse\x1fweg\x1f\x1feine notiz\x1fatlas"),
        (8, "\x1ffluss\x1f\x1f\x1f"),
    ]
    assert conn.execute("SELECT front, folded FROM entry_texts").fetchall() == [
        ("Der Fluß", "der fluss")
    ]
    assert conn.execute("SELECT card_rowid, state FROM card_state ORDER BY 1").fetchall() == [
        (7, 2),
        (8, 0),
    ]
    assert conn.execute("SELECT card_rowid, rating FROM review_log").fetchall() == [(7, 3)]
    for word, expected in (("STRASSE", [7]), ("der fluss", [8]), ("notiz", [7]), ("weg", [7])):
        found, total = search(conn, parse(word), ["d"], 0, 0.0)
        assert [f.rowid for f in found] == expected and total == len(expected), word
    conn.close()


def test_a_newer_search_stops_an_older_one_that_is_running(ws: Workspace) -> None:
    searcher = Searcher(db.open_reader(ws.paths.database))
    started = threading.Event()
    searcher.conn.create_function("started", 0, lambda: int(not started.set()))
    older = searcher.begin()
    outcome: list[str] = []

    def endless() -> None:
        try:
            searcher.run(
                older,
                lambda conn: conn.execute(
                    "WITH RECURSIVE r(x) AS (SELECT started() UNION ALL SELECT x + 1 FROM r"
                    " WHERE x < 1000000000) SELECT COUNT(*) FROM r"
                ).fetchone(),
            )
            outcome.append("finished")
        except Superseded:
            outcome.append("stopped")

    thread = threading.Thread(target=endless, daemon=True)
    thread.start()
    assert started.wait(10)
    newer = searcher.begin()
    thread.join(10)
    try:
        assert outcome == ["stopped"]
        query = ws.browse_query("treaty")
        assert [f.card_id for f in searcher.page(newer, query).found] == ["gulistan", "turkmenchay"]
        with pytest.raises(Superseded):
            searcher.page(older, query)  # an older search does not even start
    finally:
        searcher.close()


def test_pages_follow_each_other_in_deck_order_without_a_gap_or_a_repeat(ws: Workspace) -> None:
    query = ws.browse_query("-is:retired")
    every, _ = ws.search("-is:retired")
    got = []
    first = page(ws.conn, query, limit=2)
    got += first.found
    more = first.more
    while more:
        nxt = page(ws.conn, query, after=got[-1], limit=2)
        got += nxt.found
        more = nxt.more
    assert [f.rowid for f in got] == [f.rowid for f in every] and len(got) == 6
    assert count(ws.conn, query) == 6
    assert sorted(rowids(ws.conn, query)) == sorted(f.rowid for f in every)
