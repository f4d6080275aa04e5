"""The browser's search language: a table of queries and the cards they find."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FixedClock, write_deck
from trainer.core.errors import UsageError
from trainer.core.model import Rating
from trainer.core.search import All, Any, Not, Term, parse
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
