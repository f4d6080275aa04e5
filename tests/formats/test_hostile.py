"""Hostile and broken files: a clear error within seconds, bounded memory, nothing written."""

from __future__ import annotations

import io
import sqlite3
import stat
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard

from tests.formats.anki_builder import Note, build_collection, build_package
from trainer.cli import main
from trainer.formats import guard, protobuf
from trainer.store import paths as paths_mod


@pytest.fixture(autouse=True)
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])


NOTES = [Note("n1", "Basic", ["q", "a"], deck="D")]


def refused(path: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    """Import ``path``; assert exit 2, the words in the error, no traceback, nothing written."""
    started = time.perf_counter()
    assert main(["import", str(path)]) == 2
    assert time.perf_counter() - started < 5
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    for word in words:
        assert word in err, err
    decks = paths_mod.resolve(None).decks
    assert not decks.exists() or not any(decks.rglob("*")), list(decks.rglob("*"))
    db = paths_mod.resolve(None).database
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT COUNT(*) FROM cards").fetchone() == (0,)
    return err


def _collection(tmp_path: Path, schema: int = 11, notes: list[Note] = NOTES) -> bytes:
    path = tmp_path / "c.sqlite"
    build_collection(path, notes, schema)
    data = path.read_bytes()
    path.unlink()
    return data


def _zip(path: Path, members: dict[str, bytes], **infos: Callable[[zipfile.ZipInfo], None]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in infos:
                infos[name](info)
            z.writestr(info, data)
    return path


def test_not_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.apkg"
    path.write_text("hello, I am not a package\n" * 10)
    refused(path, capsys, "not a zip file")


def test_zip_without_a_collection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(_zip(tmp_path / "x.apkg", {"readme.txt": b"hi"}), capsys, "no Anki collection")


def test_collection_that_is_not_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _zip(tmp_path / "x.apkg", {"collection.anki2": b"this is no database" * 100})
    refused(path, capsys, "not an SQLite database")


def test_truncated_collection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _collection(
        tmp_path, notes=[Note(f"n{i}", "Basic", [f"q{i}" * 50, "a" * 200]) for i in range(300)]
    )
    path = _zip(tmp_path / "x.apkg", {"collection.anki2": data[: len(data) // 3]})
    refused(path, capsys, "cannot be read")


def test_truncated_zstd_collection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    packed = zstandard.ZstdCompressor().compress(_collection(tmp_path, 18))
    path = _zip(
        tmp_path / "x.apkg",
        {"meta": protobuf.encode([(1, 3)]), "collection.anki21b": packed[: len(packed) // 2]},
    )
    refused(path, capsys, "truncated")


def test_unknown_schema_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.sqlite"
    build_collection(db, NOTES)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE col SET ver = 99")
    path = _zip(tmp_path / "x.apkg", {"collection.anki2": db.read_bytes()})
    refused(path, capsys, "schema version 99")


def test_unknown_package_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _zip(tmp_path / "x.apkg", {"meta": protobuf.encode([(1, 7)]), "collection.anki21b": b""})
    refused(path, capsys, "version this trainer does not know (7)")


def test_zip_bomb_is_stopped_by_its_ratio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 16 MiB of zeros deflate to ~16 KiB; inflating stops after ~1 MiB.
    zeros = bytes(16 * guard.MiB)
    tracemalloc.start()
    try:
        refused(_zip(tmp_path / "bomb.apkg", {"collection.anki2": zeros}), capsys, "zip bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 150 * guard.MiB


def test_zstd_bomb_is_stopped_by_its_ratio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = io.BytesIO()
    with zstandard.ZstdCompressor().stream_writer(writer, closefd=False) as w:
        for _ in range(256):
            w.write(bytes(guard.MiB))
    path = _zip(
        tmp_path / "bomb.apkg",
        {"meta": protobuf.encode([(1, 3)]), "collection.anki21b": writer.getvalue()},
    )
    refused(path, capsys, "zip bomb")


def test_size_cap_holds_whatever_the_ratio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guard, "MAX_COLLECTION_BYTES", 4096)
    path = build_package(tmp_path / "x.apkg", NOTES, "anki21")
    refused(path, capsys, "more than 0 MiB")


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/passwd", "sub/dir.jpg", "C:evil", "..", "bad\nname"]
)
@pytest.mark.parametrize("form", ["modern", "anki21"])
def test_media_names_that_leave_the_folder(
    name: str, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = [Note("n1", "Basic", ['<img src="ok.jpg">', "a"], deck="D")]
    path = build_package(tmp_path / "x.apkg", notes, form, {"ok.jpg": b"fine", name: b"evil"})
    refused(path, capsys, "media list names", "nothing was imported")
    assert not (tmp_path / "evil.txt").exists()


def test_media_stored_as_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = [Note("n1", "Basic", ['<img src="cat.jpg">', "a"], deck="D")]

    def link(info: zipfile.ZipInfo) -> None:
        info.external_attr = (stat.S_IFLNK | 0o777) << 16

    path = _zip(
        tmp_path / "x.apkg",
        {
            "collection.anki2": _collection(tmp_path, notes=notes),
            "media": b'{"0": "cat.jpg"}',
            "0": b"/etc/passwd",
        },
        **{"0": link},
    )
    refused(path, capsys, "link")


def test_a_media_file_named_like_a_deck_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = [Note("n1", "Basic", ["[sound:evil.yaml]", "a"], deck="D")]
    path = build_package(
        tmp_path / "x.apkg", notes, "anki21", {"evil.yaml": b"id: hijack\ncards: []\n"}
    )
    assert main(["import", str(path)]) == 0
    assert "named like a deck file" in capsys.readouterr().out
    assert [p.name for p in paths_mod.resolve(None).decks.rglob("*.yaml")] == ["d.yaml"]


@pytest.mark.parametrize("suffix", [".apkg", ".csv", ".yaml", ".txt"])
def test_a_one_gigabyte_file(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as f:  # sparse: no gigabyte is written or read
        f.truncate(1 << 30)
    tracemalloc.start()
    try:
        refused(path, capsys, str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * guard.MiB


def test_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    refused(path, capsys, "binary file")


def test_ragged_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cards.csv"
    path.write_text("front,back\nq1,a1\nq2,a2,extra\nq3,a3\n", encoding="utf-8")
    refused(path, capsys, "line 3 has 3 fields but line 2 has 2", "ragged")


def test_a_view_in_place_of_a_table_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite"
    build_collection(db, NOTES)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE notes")
        conn.execute(
            "CREATE VIEW notes AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
            " SELECT i AS id, '' AS guid, 0 AS mid, '' AS tags, '' AS flds FROM r"
        )
    refused(
        _zip(tmp_path / "x.apkg", {"collection.anki2": db.read_bytes()}), capsys, "no 'notes' table"
    )


def test_markup_in_imported_text_stays_literal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rich.text import Text

    notes = [Note("n1", "Basic", ["[bold red]x[/] [@click=app.quit]q[/]", "&lt;b&gt;"], deck="D")]
    assert main(["import", str(build_package(tmp_path / "x.apkg", notes))]) == 0
    from trainer.core.deck import load_deck

    card = load_deck(next(paths_mod.resolve(None).decks.rglob("*.yaml"))).cards[0]
    assert card.front == "[bold red]x[/] [@click=app.quit]q[/]"
    assert card.back == "<b>"
    assert Text(card.front).plain == card.front and not Text(card.front).spans
