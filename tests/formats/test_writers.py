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

    if value.strip():
        assert yaml.safe_load(f"k: {quote(value)}")["k"] == value or quote(value) == value


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
