"""The YAML writer: whatever the text, the file reads back as the deck it was built with."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.formats.anki_builder import Note, build_package
from trainer.cli import main
from trainer.core.deck import parse_deck
from trainer.core.model import CardKind, CardType
from trainer.formats.model import Entry
from trainer.formats.yaml_write import quote, render
from trainer.store import paths as paths_mod

# Any text a card may hold once stripped and non-empty: line breaks, quotes, emoji, YAML's
# indicators. Not control characters: the readers leave them out (test_html_and_csv_...).
TEXT = (
    st.text(
        st.characters(
            exclude_categories=("Cs", "Cc"),
            include_characters="\n\t\u2028\ufeff'\"\\:#-[]{}",
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    ids=st.lists(
        TEXT.filter(lambda t: "\n" not in t and "\r" not in t and "/" not in t),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    front=TEXT,
    back=TEXT,
    tags=st.lists(TEXT, max_size=3),
    deck_id=TEXT.filter(
        lambda t: "\n" not in t and "\r" not in t and "\x85" not in t and "\u2028" not in t
    ),
)
def test_rendered_deck_reads_back_exactly(
    ids: list[str], front: str, back: str, tags: list[str], deck_id: str
) -> None:
    entries = [
        Entry(card_id, front, back, CardType.REVERSED if i % 2 else CardType.BASIC, CardKind.TERM,
              tuple(tags), accept=tuple(tags))
        for i, card_id in enumerate(ids)
    ]  # fmt: skip
    text, deck = render(
        deck_id, f"{front[:10]} title", entries, "x.yaml", back, tuple(tags), ("head",)
    )
    parsed, problems = parse_deck(text, path="x.yaml", default_id="x")
    assert parsed == deck, [str(p) for p in problems]


@pytest.mark.parametrize(
    "value", ["no", "1997", "2025-07-10", "null", "~", "- a", "a: b", "a #b", "", " "]
)
def test_quote_keeps_yaml_from_reading_into_values(value: str) -> None:
    import yaml

    assert yaml.safe_load(f"k: {quote(value)}")["k"] == value


@pytest.fixture
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])


def test_a_failure_while_moving_files_changes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_bundled: None,
) -> None:
    notes = [
        Note("a", "Basic", ["q1", "a1"], deck="One"),
        Note("b", "Basic", ["q2", "a2"], deck="Two"),
    ]
    pkg = build_package(tmp_path / "x.apkg", notes, "anki21")
    import os

    real = os.replace
    calls = {"n": 0}

    def flaky(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("trainer.transfer.os.replace", flaky)
    assert main(["import", str(pkg)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    decks = paths_mod.resolve(None).decks
    assert not [p for p in decks.rglob("*") if p.is_file()], list(decks.rglob("*"))
    import sqlite3

    with sqlite3.connect(paths_mod.resolve(None).database) as conn:
        assert conn.execute("SELECT COUNT(*) FROM cards").fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM deck_files").fetchone() == (0,)
    monkeypatch.setattr("trainer.transfer.os.replace", real)
    assert main(["import", str(pkg)]) == 0


def test_replacing_a_deck_keeps_the_old_file_until_the_transaction_commits(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_bundled: None,
) -> None:
    pkg = build_package(
        tmp_path / "x.apkg", [Note("a", "Basic", ["q1", "a1"], deck="One")], "anki21"
    )
    assert main(["import", str(pkg)]) == 0
    (path,) = paths_mod.resolve(None).decks.rglob("*.yaml")
    before = path.read_bytes()
    build_package(tmp_path / "x.apkg", [Note("a", "Basic", ["q1", "edited"], deck="One")], "anki21")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error", "db")

    monkeypatch.setattr("trainer.store.exchange.save_file", broken)
    assert main(["import", str(pkg)]) == 2
    assert "nothing was imported: Input/output error" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


@pytest.mark.parametrize(
    "field", ["\x1b]0;pwned\x07front\x1b[2J", "a\x00b", "bell\x07", "c1 \x9b31m"]
)
def test_readers_leave_control_characters_out(field: str) -> None:
    from trainer.formats.html import plain, to_text

    for text in (to_text(field), to_text(f"<b>{field}</b>"), plain(field)):
        assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)
        assert text  # the printable part stays


# Hostile text for the YAML writer: anything a string can hold but a lone surrogate (no
# file or database gives one), weighted towards what YAML gives a meaning to.
HOSTILE = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(list("\n\r\t\x00\x85\u2028\u2029\ufeff'\"\\:#-[]{},&*!|>%@`?~=<")),
    ),
    max_size=30,
) | st.sampled_from(
    ["no", "NO", "Yes", "on", "off", "true", "False", "null", "Null", "~", "1997", "0x1F",
     "1_000", "1e3", "3.14", "2025-07-10", "12:30", "+1", "-1", ".inf", ".NaN", "<<", "=",
     "-", "- a", "? a", "a: b", "a #b", "#a", "'a'", '"a"', " a", "a ", "", " ", "|", ">"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(value=HOSTILE, items=st.lists(HOSTILE, max_size=4))
def test_any_text_reads_back_through_yaml_safe_load(value: str, items: list[str]) -> None:
    """What the writer quotes reads back as the very same text with any YAML reader."""
    import yaml

    from trainer.formats.yaml_write import _list

    assert yaml.safe_load(f"k: {quote(value)}") == {"k": value}
    assert yaml.safe_load(f"k: {_list(tuple(items))}") == {"k": items}


@settings(max_examples=40, deadline=None)
@given(
    deck_id=HOSTILE.filter(lambda t: t.strip() == t and t and "\n" not in t),
    entries=st.lists(
        st.tuples(HOSTILE, HOSTILE, st.lists(HOSTILE, max_size=2)), min_size=1, max_size=3
    ),
)
def test_a_rendered_deck_reads_back_through_yaml_safe_load(
    deck_id: str, entries: list[tuple[str, str, list[str]]]
) -> None:
    """The whole file, as PyYAML reads it: the same ids, texts and tags."""
    import yaml

    built = [
        Entry(f"e{i}", front or "f", back, tags=tuple(tags))
        for i, (front, back, tags) in enumerate(entries)
    ]
    text, _ = render(deck_id, "Title", built, "x.yaml", header=("a\nheader", "b"))
    data = yaml.safe_load(text)
    assert data["id"] == deck_id
    assert [(c["id"], c["front"], c.get("back", ""), c.get("tags", [])) for c in data["cards"]] == [
        (e.id, e.front, e.back, list(e.tags)) for e in built
    ]
