"""Hostile deck files (issue 9, points 1-8): each is refused clearly, fast, without a crash."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import write_deck
from trainer.core.cloze import scan
from trainer.core.deck import MAX_TEXT, parse_deck
from trainer.core.deckfiles import read_deck_bytes
from trainer.core.errors import DeckError
from trainer.core.yamlnodes import MAX_DEPTH


def _problems(text: str, name: str = "d.yaml") -> list[str]:
    deck, problems = parse_deck(text, path=name, default_id="d")
    assert deck is None
    return [str(p) for p in problems if not p.warning]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 30_000,  # segfaulted libyaml's composer
        "cards: " + "[" * 400,  # RecursionError in the node conversion
        "cards:\n" + "\n".join("  " * i + "-" for i in range(3_000)),  # a 3,000-level block list
        "cards: " + "{a: " * 500,
        "- " * 2_000 + "x",
        "# a comment\x85" + "- " * 2_000 + "x",  # YAML breaks lines at NEL, LS and PS too
        "cards:\u2028" + "\u2028".join("  " * i + "-" for i in range(500)),
    ],
    ids=[
        "30000-brackets",
        "400-brackets",
        "3000-level-list",
        "500-mappings",
        "2000-dashes",
        "after-a-NEL",
        "LS-lines",
    ],
)
def test_deep_nesting_is_refused_before_any_parser(text: str) -> None:
    started = time.perf_counter()
    problems = _problems(text)
    assert time.perf_counter() - started < 1
    assert len(problems) == 1 and f"nests more than {MAX_DEPTH} levels" in problems[0]


def test_a_deck_nested_as_decks_are_is_fine() -> None:
    text = "cards:\n  - {id: a, front: 'it''s [x', back: \"{y}\", accept: [[1], [2]]}\n"
    deck, _ = parse_deck(text, path="d.yaml", default_id="d")
    assert deck is None or deck.cards  # refused for the nested list, never for depth
    assert not any("nests" in str(p) for p in parse_deck(text, path="d.yaml", default_id="d")[1])


@pytest.mark.parametrize(
    "front",
    [
        "{{c1::" * 1_000,  # took 53 s with the old pattern
        "The {{c1::word} and " * 400,  # 8 KB, took 11 s
        "}}" * 20_000,
        "{{x" * 10_000,
    ],
    ids=["unclosed-1000", "typo-400", "closing-20000", "not-a-gap-10000"],
)
def test_cloze_scanning_is_linear(front: str) -> None:
    started = time.perf_counter()
    _, problems = scan(front)
    assert problems and time.perf_counter() - started < 0.5
    deck_text = f"cards:\n  - id: c\n    type: cloze\n    front: '{front}'\n"
    started = time.perf_counter()
    assert _problems(deck_text)
    assert time.perf_counter() - started < 2


def test_limits_on_gaps_text_and_cards() -> None:
    gaps = " ".join(f"{{{{c{i}::w}}}}" for i in range(1, 102))  # 101 gaps
    problems = _problems(f"cards:\n  - id: c\n    type: cloze\n    front: '{gaps}'\n")
    assert len(problems) == 1 and "101 gap numbers; at most 100 are allowed" in problems[0]
    many = " ".join(f"{{{{c{i}::w}}}}" for i in range(1, 20_002))  # 20,000 gaps, 269 KB
    problems = _problems(f"cards:\n  - id: c\n    type: cloze\n    front: '{many}'\n")
    assert len(problems) == 1 and "at most 50,000 are allowed" in problems[0]
    long = "x" * (MAX_TEXT + 1)
    problems = _problems(f"cards:\n  - {{id: a, front: {long}, back: b}}\n")
    assert "'front' is 50,001 characters long; at most 50,000 are allowed" in problems[0]


def test_cloze_text_is_stored_once_not_once_per_gap(tmp_path: Path) -> None:
    from trainer.store import catalog, db
    from trainer.store.catalog import DeckSource
    from trainer.store.progress import Store

    text = "x" * 5_000 + " ".join(f"{{{{c{i}::gap{i}}}}}" for i in range(1, 101))
    deck = write_deck(
        tmp_path, "c.yaml", f"cards:\n  - id: c\n    type: cloze\n    front: '{text}'\n"
    )
    conn = db.connect(tmp_path / "p.sqlite3")
    catalog.sync(conn, [DeckSource(deck, "argument")])
    stored = conn.execute("SELECT SUM(LENGTH(front)) FROM cards").fetchone()[0]
    assert stored == 0  # 100 cards, the text in entry_texts once
    assert conn.execute("SELECT LENGTH(front) FROM entry_texts").fetchone()[0] == len(text)
    store = Store(conn)
    rowid = store.card_rowid("c", "c/c57")
    assert rowid is not None and store.card(rowid).front == text
    conn.close()


def test_pipes_devices_and_links_are_refused_unread(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "deck.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero, tmp_path):
        started = time.perf_counter()
        with pytest.raises(DeckError, match="not a regular file"):
            read_deck_bytes(path)
        assert time.perf_counter() - started < 1


def test_a_file_larger_than_the_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(70 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(DeckError, match="at most 64 MB"):
        read_deck_bytes(big)


def test_a_file_name_with_a_line_break_and_no_id(tmp_path: Path) -> None:
    deck, problems = parse_deck(
        "cards:\n  - {id: a, front: q, back: a}\n", path="x", default_id="bad\nname"
    )
    assert deck is None and "line break or control character" in problems[0].message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('title: "\\e]0;pwned\\a\\e[2J"\ncards:\n  - {id: a, front: q, back: a}\n', "'title'"),
        ('cards:\n  - {id: a, front: "\\e]2;x\\a\\e[2J", back: a}\n', "'front'"),
        ('cards:\n  - {id: a, front: "nul \\0 here", back: a}\n', "U+0000"),
        ('cards:\n  - {id: a, front: q, back: a, accept: ["\\x9b31m"]}\n', "U+009B"),
    ],
)
def test_control_characters_in_values_are_errors(text: str, where: str) -> None:
    problems = _problems(text)
    assert any("control character" in p and where in p for p in problems), problems


def test_a_leap_day_of_a_year_that_had_none_is_refused() -> None:
    problems = _problems("cards:\n  - {id: a, front: q, back: a, when: -0001-02-29}\n")
    assert "day 29 does not exist" in problems[0]


def test_a_deck_may_give_at_most_max_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.core.deck.MAX_CARDS", 5)
    cards = "".join(f"  - {{id: c{i}, front: q{i}, back: a}}\n" for i in range(6))
    assert "the deck has 6 cards; at most 5 are allowed" in _problems("cards:\n" + cards)[0]
