"""The deck loader on good and broken decks kept as data files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import DATA
from trainer.core.cloze import segments as cloze_segments
from trainer.core.deck import check_when, derived_card_id, load_deck, parse_deck
from trainer.core.errors import DeckError
from trainer.core.model import CardKind, CardType

BAD = sorted((DATA / "decks" / "bad").glob("*.yaml"))
GOOD = sorted((DATA / "decks" / "good").glob("*.yaml"))


def _expected(path: Path) -> set[tuple[int, int, str]]:
    out = set()
    for line in path.read_bytes().decode("utf-8", "replace").splitlines():
        m = re.match(r"# expect: (\d+):(\d+): (.*)", line)
        if m:
            out.add((int(m.group(1)), int(m.group(2)), m.group(3)))
    return out


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_deck_reports_every_problem_with_its_place(path: Path) -> None:
    expected = _expected(path)
    assert expected, f"{path.name} has no '# expect:' lines"
    deck, problems = parse_deck(path.read_bytes(), path=str(path), default_id=path.stem)
    assert deck is None
    errors = [p for p in problems if not p.warning]
    assert len(errors) == len(expected), [str(p) for p in errors]
    for line, col, text in expected:
        assert any(p.line == line and p.column == col and text in str(p) for p in errors), (
            f"missing {line}:{col}: {text} in {[str(p) for p in errors]}"
        )
    for p in errors:
        assert str(p).startswith(f"{path}:{p.line}:{p.column}: ")


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.stem)
def test_good_decks_load(path: Path) -> None:
    deck = load_deck(path)
    assert deck.cards


def test_yaml_typing_traps_keep_the_text_as_written() -> None:
    deck = load_deck(DATA / "decks" / "good" / "typing_traps.yaml")
    backs = {c.id: c.back for c in deck.cards}
    assert backs == {
        "no": "no",
        "year": "1997",
        "date": "2025-07-10",
        "float": "1e3",
        "null-word": "~",
        "on": "off",
        "hex": "0x1F",
        "sexagesimal": "12:30",
        "octal": "010",
        "underscore": "1_000",
    }
    fronts = {c.id: c.front for c in deck.cards}
    assert fronts["null-word"] == "null"
    assert fronts["on"] == "on"


def test_card_types_expand_into_siblings() -> None:
    deck = load_deck(DATA / "decks" / "good" / "all_types.yaml")
    ids = [c.id for c in deck.cards]
    assert ids == ["basic", "rev", "rev/reverse", "cz/c1", "cz/c2", "markup"]
    by_id = {c.id: c for c in deck.cards}
    assert by_id["rev/reverse"].front == "Collective Security Treaty Organisation"
    assert by_id["rev/reverse"].back == "CSTO"
    assert by_id["rev"].entry == by_id["rev/reverse"].entry == "rev"
    assert by_id["cz/c2"].type is CardType.CLOZE and by_id["cz/c2"].ordinal == 2
    assert by_id["basic"].kind is CardKind.PLACE
    assert by_id["basic"].accept == ("Erevan",)
    assert by_id["basic"].note == "Also spelled Erevan."
    assert by_id["cz/c1"].when == "1988/1994"
    assert deck.id == "all-types" and deck.tags == ("sample",)


def test_bom_and_unicode_survive() -> None:
    deck = load_deck(DATA / "decks" / "good" / "bom_unicode.yaml")
    assert deck.title == "Café — “quotes”"
    assert deck.cards[0].back == "Über\u00a0space"


def test_deck_id_defaults_to_file_name(tmp_path: Path) -> None:
    p = tmp_path / "my-deck.yaml"
    p.write_text("title: T\ncards:\n  - {id: a, front: x, back: y}\n")
    assert load_deck(p).id == "my-deck"


def test_card_without_id_gets_a_documented_derived_id_and_a_warning() -> None:
    deck, problems = parse_deck(
        b"title: T\ncards:\n  - front: '  Hello   World '\n    back: y\n",
        path="d.yaml",
        default_id="d",
    )
    assert deck is not None
    assert deck.cards[0].id == derived_card_id("hello world") == derived_card_id("HELLO\tWORLD")
    assert deck.cards[0].id.startswith("auto-") and len(deck.cards[0].id) == 15
    assert [p.warning for p in problems] == [True]
    assert "3:5" in str(problems[0]) and "no 'id'" in str(problems[0])


def test_yaml_syntax_error_points_at_start_of_broken_value() -> None:
    text = "title: T\ncards:\n  - id: a\n    front: 'never closed\n" + "    back: y\n" * 50
    _, problems = parse_deck(text.encode(), path="d.yaml", default_id="d")
    assert (problems[0].line, problems[0].column) == (4, 12)


def test_load_deck_raises_with_all_errors(tmp_path: Path) -> None:
    p = tmp_path / "x.yaml"
    p.write_text("title: T\ncards:\n  - {id: a, front: x}\n  - {id: b, back: y}\n")
    with pytest.raises(DeckError) as info:
        load_deck(p)
    assert len(info.value.problems) == 2
    assert info.value.exit_code == 2


def test_binary_file_is_refused() -> None:
    _, problems = parse_deck(b"\x00\x01\x02title", path="b.yaml", default_id="b")
    assert "binary" in problems[0].message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="cannot read"):
        load_deck(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("1991", True),
        ("2018-05", True),
        ("2025-07-10", True),
        ("1988/1994", True),
        ("1988..1994", True),
        ("2024-02-29", True),
        ("2025-02-29", False),
        ("1994/1988", False),
        ("19", False),
        ("2025-7", False),
        ("1/2/3", False),
        ("/1990", False),
        ("early 19th century", True),
        ("1990s", True),
        ("-0001-02-29", False),
    ],
)
def test_when_values(value: str, ok: bool) -> None:
    assert (check_when(value) is None) is ok


def test_cloze_segments() -> None:
    text = "{{c1::Baku}} is in {{c2::Azerbaijan::country}}"
    assert cloze_segments(text, 2, reveal=False) == [
        ("Baku", False),
        (" is in ", False),
        ("[country]", True),
    ]
    assert cloze_segments(text, 1, reveal=False) == [
        ("[...]", True),
        (" is in ", False),
        ("Azerbaijan", False),
    ]
    assert cloze_segments(text, 1, reveal=True)[0] == ("Baku", True)


def test_reversed_entries_ask_each_side_with_its_own_question_and_answers() -> None:
    text = """
cards:
  - id: p
    type: reversed
    front: Nikol Pashinyan
    back: Prime Minister of Armenia
    ask: Who is Nikol Pashinyan?
    ask_reverse: Who is Armenia's prime minister?
    accept: [Armenia's prime minister]
    accept_reverse: [Pashinyan]
  - id: plain
    type: reversed
    front: CSTO
    back: Collective Security Treaty Organisation
"""
    deck, problems = parse_deck(text, path="p.yaml", default_id="p")
    assert deck is not None and not problems
    forward, reverse, plain, plain_reverse = deck.cards
    assert (forward.front, forward.back, forward.accept) == (
        "Who is Nikol Pashinyan?",
        "Prime Minister of Armenia",
        ("Armenia's prime minister",),
    )
    assert (reverse.front, reverse.back, reverse.accept) == (
        "Who is Armenia's prime minister?",
        "Nikol Pashinyan",
        ("Pashinyan",),
    )
    assert (plain_reverse.front, plain_reverse.back) == (plain.back, plain.front)


def test_reversed_only_keys_are_refused_on_other_cards() -> None:
    text = "cards:\n  - {id: a, front: q, back: a, ask: Why?, accept_reverse: [x]}\n"
    deck, problems = parse_deck(text, path="b.yaml", default_id="b")
    assert deck is None
    assert [p.message for p in problems] == [
        "'ask' is only for cards of type: reversed",
        "'accept_reverse' is only for cards of type: reversed",
    ]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        (
            "cards.csv",
            "front,back\nBaku,Azerbaijan\nYerevan,Armenia\n",
            "this is a CSV file, not a YAML deck",
        ),
        (
            "cards.tsv",
            "Baku\tAzerbaijan\nYerevan\tArmenia\n",
            "this is a TSV file, not a YAML deck",
        ),
        ("notes.txt", "Some notes about Baku.\n", "this is a text file, not a YAML deck"),
        ("export", "a,b\nc,d\n", "this is a table of values, not a YAML deck"),
    ],
)
def test_a_file_that_is_not_yaml_says_so(name: str, content: str, says: str) -> None:
    deck, problems = parse_deck(content, path=name, default_id="x")
    assert deck is None and [p.message for p in problems] == [says]
    assert "title" not in problems[0].hint  # a title is optional; cards are what a deck needs
