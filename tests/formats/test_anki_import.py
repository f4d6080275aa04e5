"""Anki packages in each of the three forms: note types, hierarchies, tags, media, re-import."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FixedClock
from tests.formats.anki_builder import FORMS, Card, Note, build_package
from trainer.cli import main
from trainer.core.deck import load_deck
from trainer.core.model import CardType, Rating
from trainer.store import paths as paths_mod
from trainer.workspace import Workspace


@pytest.fixture(autouse=True)
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])


def deck_folder() -> Path:
    return paths_mod.resolve(None).decks


def sample_notes() -> list[Note]:
    return [
        Note(
            "g-basic",
            "Basic",
            [
                'Bonjour <b>monde</b> &amp; amis<img src="cat.jpg">',
                "Hello<br>world<script>x()</script>",
            ],
            " greet fr::basics ",
            "French",
        ),
        Note(
            "g-rev",
            "Basic (and reversed card)",
            ["chien", "dog"],
            deck="French::Verbs",
            cards=[Card(0), Card(1)],
        ),
        Note(
            "g-opt-yes",
            "Basic (optional reversed card)",
            ["chat", "cat", "y"],
            deck="French::Verbs",
            cards=[Card(0), Card(1)],
        ),
        Note(
            "g-opt-no",
            "Basic (optional reversed card)",
            ["oiseau", "bird", ""],
            deck="French::Verbs",
        ),
        Note("g-type", "Basic (type in the answer)", ["manger", "to eat"], deck="French::Verbs"),
        Note(
            "g-cloze",
            "Cloze",
            ["{{c1::Paris}} is the capital of {{c2::France::country}}", "extra"],
            deck="French",
            cards=[Card(0), Card(1)],
        ),
        Note("g-other", "Vocabulary (custom)", ["maison", "house", "la maison"], deck="French"),
        Note("g-empty", "Basic", ["lonely front", ""], deck="French"),
        Note(
            "g-markup", "Basic", ["[bold]not bold[/] [@click=app.quit]", "literal"], deck="French"
        ),
    ]


@pytest.mark.parametrize("form", FORMS)
def test_each_form_imports_every_note_type(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pkg = build_package(
        tmp_path / f"french-{form}.apkg", sample_notes(), form, {"cat.jpg": b"\xff\xd8JPEG"}
    )
    assert main(["import", str(pkg)]) == 0
    out = capsys.readouterr().out
    assert "2 decks" in out and "1 media file" in out
    assert "g-empty" in out and "back is empty" in out
    assert "Vocabulary (custom)" in out and "first two fields" in out
    folder = deck_folder() / "french"
    french = load_deck(folder / "french.yaml")
    verbs = load_deck(folder / "french--verbs.yaml")
    assert (french.id, french.title) == ("french", "French")
    assert (verbs.id, verbs.title) == ("french::verbs", "French › Verbs")
    cards = {c.id: c for c in (*french.cards, *verbs.cards)}
    basic = cards["g-basic"]
    assert basic.front == "Bonjour monde & amis [image:cat.jpg]"
    assert basic.back == "Hello\nworld"
    assert basic.tags == ("greet", "fr::basics")
    assert cards["g-rev"].type is CardType.REVERSED and "g-rev/reverse" in cards
    assert cards["g-opt-yes"].type is CardType.REVERSED and "g-opt-yes/reverse" in cards
    assert cards["g-opt-no"].type is CardType.BASIC and "g-opt-no/reverse" not in cards
    assert cards["g-type"].type is CardType.BASIC and cards["g-type"].back == "to eat"
    assert {"g-cloze/c1", "g-cloze/c2"} <= set(cards) and cards["g-cloze/c2"].back == "extra"
    assert (cards["g-other"].front, cards["g-other"].back) == ("maison", "house")
    assert cards["g-markup"].front == "[bold]not bold[/] [@click=app.quit]"
    assert "g-empty" not in cards
    assert (folder / "cat.jpg").read_bytes() == b"\xff\xd8JPEG"
    assert not [p for p in folder.rglob(".*")], "temporary files were left behind"
    ws = Workspace(None)
    try:
        assert {f.deck_id for f in ws.decks} == {"french", "french::verbs"}
        assert all(not f.parsed for f in ws.files), "the import's cache rows should spare a re-read"
    finally:
        ws.close()


def test_deck_ids_from_hierarchy_and_id_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = [
        Note("a", "Basic", ["q1", "a1"], deck="Lang::French::Verbs"),
        Note("b", "Basic", ["q2", "a2"], deck="Lang::French::Nouns"),
    ]
    pkg = build_package(tmp_path / "lang.apkg", notes, "anki21")
    assert main(["import", str(pkg), "--id", "mine"]) == 0
    ids = {load_deck(p).id for p in deck_folder().rglob("*.yaml")}
    assert ids == {"mine::verbs", "mine::nouns"}


def test_reimport_of_edited_package_updates_in_place_and_keeps_progress(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = [Note("n1", "Basic", ["one", "uno"], deck="Spanish"), Note("n2", "Basic", ["two", "dos"], deck="Spanish"),
             Note("n3", "Basic", ["three", "tres"], deck="Spanish")]  # fmt: skip
    pkg = build_package(tmp_path / "spanish.apkg", notes)
    assert main(["import", str(pkg)]) == 0
    ws = Workspace(None, clock=clock)
    session = ws.session(["spanish"])
    assert session.current is not None
    studied = session.current.card.id
    session.answer(Rating.GOOD, clock.now())
    rowid = ws.store.card_rowid("spanish", studied)
    assert rowid is not None
    before = ws.store.memory(rowid)
    ws.close()
    edited = [Note("n1", "Basic", ["one", "uno (edited)"], deck="Spanish"), Note("n2", "Basic", ["two", "dos"], deck="Spanish"),
              Note("n4", "Basic", ["four", "cuatro"], deck="Spanish")]  # fmt: skip
    build_package(tmp_path / "spanish.apkg", edited)
    assert main(["import", str(pkg)]) == 0
    files = list(deck_folder().rglob("*.yaml"))
    assert len(files) == 1, files
    deck = load_deck(files[0])
    assert [c.id for c in deck.cards] == ["n1", "n2", "n4"]
    assert deck.cards[0].back == "uno (edited)"
    ws = Workspace(None, clock=clock)
    try:
        assert ws.store.memory(rowid) == before
        assert len(ws.store.log_rows(rowid)) == 1
        retired = ws.conn.execute("SELECT retired FROM cards WHERE card_id = 'n3'").fetchone()
        assert retired == (1,)
    finally:
        ws.close()


def test_a_hand_written_deck_with_the_same_id_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = deck_folder() / "mine.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_text("id: spanish\ncards:\n  - {id: x, front: q, back: a}\n", encoding="utf-8")
    pkg = build_package(
        tmp_path / "spanish.apkg", [Note("n1", "Basic", ["one", "uno"], deck="Spanish")]
    )
    assert main(["import", str(pkg)]) == 2
    err = capsys.readouterr().err
    assert "deck id 'spanish' is already used by" in err and "--id" in err
    assert mine.read_text(encoding="utf-8").startswith("id: spanish")
    assert main(["import", str(pkg), "--id", "spanish-anki"]) == 0


def test_to_folder_outside_the_deck_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pkg = build_package(
        tmp_path / "p.apkg", [Note("n1", "Basic", ["one", "uno"], deck="P")], "anki2"
    )
    out = tmp_path / "elsewhere"
    assert main(["import", str(pkg), "--to", str(out)]) == 0
    assert (out / "p.yaml").is_file()
    assert "outside your deck folder" in capsys.readouterr().out
