"""Export then import gives back the same deck: cards, ids, tags and (with progress) the schedule."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import FixedClock, write_deck
from trainer.core.deck import load_deck
from trainer.core.model import Deck, Rating, State
from trainer.core.scheduler import study_day
from trainer.formats.model import ImportOptions
from trainer.transfer import export_deck, import_file
from trainer.workspace import Workspace

DECK = """
    id: round-trip
    title: Round trip › All keys
    description: "Every key, twice over: line\\nbreaks too."
    tags: [sample, two words]
    cards:
      - id: basic
        front: What is the capital of Armenia?
        back: "Yerevan\\n(since 1918)"
        kind: place
        accept: [Erevan, "Jerewan, old"]
        tags: [capitals, with space]
        source: atlas p. 3
        note: "Also spelled Erevan; <b> is not bold"
      - id: rev
        type: reversed
        kind: term
        front: CSTO
        back: Collective Security Treaty Organisation
        ask: What does CSTO stand for?
        accept_reverse: [CSTO treaty]
      - id: cz
        type: cloze
        kind: date
        when: 1988/1994
        front: The war lasted from {{c1::1988}} to {{c2::1994::year}}.
        back: A ceasefire followed.
      - id: "weird: id's [1]"
        front: "[bold]not bold[/] & <i>not italic</i>"
        back: "a  b"
"""


@pytest.fixture(autouse=True)
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])


def _card_view(deck: Deck) -> list[tuple[object, ...]]:
    return [
        (
            c.id,
            c.front,
            c.back,
            c.type,
            c.kind,
            c.entry,
            c.ordinal,
            c.accept,
            c.when,
            c.tags,
            c.source,
            c.note,
        )
        for c in deck.cards
    ]


def _fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / name))


@pytest.mark.parametrize("suffix", [".yaml", ".csv", ".tsv", ".apkg"])
def test_export_then_import_gives_the_same_deck(
    suffix: str, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_deck(tmp_path / "src", "round-trip.yaml", DECK)
    original = load_deck(source)
    ws = Workspace(None, [source], clock=clock)
    out = tmp_path / f"exported{suffix}"
    try:
        report = export_deck(ws, "round-trip", out)
    finally:
        ws.close()
    assert report.cards == len(original.cards) == 6
    _fresh(monkeypatch, tmp_path, "other-home")
    ws = Workspace(None, clock=clock)
    try:
        imported = import_file(ws, out, ImportOptions())
        (deck_id, path, cards) = imported.decks[0]
        back = load_deck(Path(path))
        assert (deck_id, cards) == ("round-trip", 6)
        assert (back.id, back.title, back.description, back.tags) == (
            original.id, original.title, original.description, original.tags
        )  # fmt: skip
        assert _card_view(back) == _card_view(original)
    finally:
        ws.close()


def test_apkg_round_trip_keeps_the_schedule(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_deck(tmp_path / "src", "round-trip.yaml", DECK)
    ws = Workspace(None, [source], clock=clock)
    try:
        session = ws.session(["round-trip"])
        for rating in (Rating.GOOD, Rating.AGAIN, Rating.EASY):
            assert session.current is not None
            session.answer(rating, clock.advance(seconds=10))
        clock.advance(days=2)
        session = ws.session(["round-trip"])
        while session.current is not None:
            session.answer(Rating.GOOD, clock.advance(seconds=10))
        suspended = ws.store.card_rowid("round-trip", "cz/c2")
        assert suspended is not None
        ws.store.set_suspended([suspended], True)
        rows = ws.conn.execute(
            "SELECT c.card_id, s.state, s.step, s.stability, s.difficulty, s.due, s.last_review, s.suspended"
            " FROM cards c JOIN card_state s ON s.card_rowid = c.rowid ORDER BY c.card_id"
        ).fetchall()
        logs = ws.conn.execute(
            "SELECT c.card_id, r.reviewed_at, r.rating FROM review_log r JOIN cards c ON c.rowid = r.card_rowid"
            " ORDER BY c.card_id, r.reviewed_at"
        ).fetchall()
        out = tmp_path / "exported.apkg"
        report = export_deck(ws, "round-trip", out, with_progress=True)
        assert report.reviews == len(logs) > 5
    finally:
        ws.close()
    assert zipfile.ZipFile(out).read("meta") == b"\x08\x02"
    _fresh(monkeypatch, tmp_path, "other-home")
    ws = Workspace(None, clock=clock)
    try:
        import_file(ws, out, ImportOptions(with_progress=True))
        again = ws.conn.execute(
            "SELECT c.card_id, s.state, s.step, s.stability, s.difficulty, s.due, s.last_review, s.suspended"
            " FROM cards c JOIN card_state s ON s.card_rowid = c.rowid ORDER BY c.card_id"
        ).fetchall()
        again_logs = ws.conn.execute(
            "SELECT c.card_id, r.reviewed_at, r.rating FROM review_log r JOIN cards c ON c.rowid = r.card_rowid"
            " ORDER BY c.card_id, r.reviewed_at"
        ).fetchall()
        assert again_logs == logs
        tz, hour = clock.tz, ws.settings.day_rollover_hour
        for a, b in zip(rows, again, strict=True):
            card_id, state, step, stability, difficulty, due, last, susp = a
            assert b[0] == card_id and b[1] == state and b[7] == susp, (a, b)
            if state == State.NEW:
                continue
            assert b[3] == pytest.approx(stability, abs=1e-4) and b[4] == pytest.approx(
                difficulty, abs=1e-3
            )
            assert b[6] == pytest.approx(last, abs=1)
            if state == State.REVIEW:  # Anki counts reviews in days: the same study day
                day = study_day(clock.now().fromtimestamp(due, tz), tz, hour).number
                assert study_day(clock.now().fromtimestamp(b[5], tz), tz, hour).number == day
            else:
                assert (b[2], b[5]) == (step, pytest.approx(due, abs=1))
    finally:
        ws.close()


def test_export_refuses_unknown_extensions(tmp_path: Path, clock: FixedClock) -> None:
    from trainer.core.errors import UsageError

    source = write_deck(tmp_path / "src", "round-trip.yaml", DECK)
    ws = Workspace(None, [source], clock=clock)
    try:
        with pytest.raises(UsageError, match="extension"):
            export_deck(ws, "round-trip", tmp_path / "x.docx")
        assert not (tmp_path / "x.docx").exists()
    finally:
        ws.close()
