"""The command line: check, decks --json, paths, help for every command, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, write_deck
from trainer.cli import COMMANDS, main


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"] if command else ["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "usage: trainer" in out and len(out) > 100


def test_check_clean_deck_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / "decks" / "good" / "all_types.yaml")]) == 0
    assert "clean" in capsys.readouterr().out


def test_check_bundled_decks_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(Path(__file__).parents[2] / "decks")]) == 0


def test_check_broken_deck_exits_two_with_positions(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "decks" / "bad" / "bad_kind_type.yaml"
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"error: {path}:5:11: unknown kind 'dat'. did you mean 'date'?" in err
    assert f"{path}:6:11:" in err


def test_check_warns_about_cards_without_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = write_deck(tmp_path, "x.yaml", "title: X\ncards:\n  - {front: q, back: a}\n")
    assert main(["check", str(deck)]) == 0
    assert "warning:" in capsys.readouterr().err


def test_check_missing_path_is_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nope.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_decks_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = write_deck(
        tmp_path, "mine.yaml", "title: Mine\ncards:\n  - {id: a, front: q, back: a}\n"
    )
    broken = write_deck(tmp_path, "broken.yaml", "title: [oops\n")
    assert main(["decks", "--json", str(extra), str(broken)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    by_id = {d["id"]: d for d in data}
    mine = by_id["mine"]
    assert {k: mine[k] for k in ("title", "cards", "new", "learning", "due", "ok")} == {
        "title": "Mine",
        "cards": 1,
        "new": 1,
        "learning": 0,
        "due": 0,
        "ok": True,
    }
    assert mine["path"] == str(extra)
    assert by_id["broken"]["ok"] is False and by_id["broken"]["errors"]
    assert "south-caucasus-dates" in by_id  # bundled
    assert "broken.yaml:1:" in captured.err


def test_decks_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decks"]) == 0
    out = capsys.readouterr().out
    assert "south-caucasus-dates" in out and "total" in out


def test_paths(trainer_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paths", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["database"] == str(trainer_home / "data" / "profiles" / "tester.sqlite3")
    assert info["profile"] == "tester"
    assert main(["--profile", "ann", "paths"]) == 0
    assert "ann.sqlite3" in capsys.readouterr().out


def test_unknown_command_and_bad_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "error:" in capsys.readouterr().err
    assert main(["--profile", "../x", "decks"]) == 2
    assert "cannot be a profile name" in capsys.readouterr().err


def test_bad_config_is_reported(trainer_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = trainer_home / "config" / "config.toml"
    cfg.parent.mkdir(parents=True)
    cfg.write_text("new_per_dya = 3\n")
    assert main(["decks"]) == 2
    err = capsys.readouterr().err
    assert "config.toml" in err and "did you mean 'new_per_day'" in err


def test_tui_needs_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["study"]) == 2
    assert "needs a terminal" in capsys.readouterr().err


def test_a_user_copy_replaces_the_bundled_deck(
    trainer_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = Path(__file__).parents[2] / "decks" / "people.yaml"
    mine = trainer_home / "data" / "decks" / "people.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_text(
        bundled.read_text(encoding="utf-8").replace(
            "title: South Caucasus — people", "title: My people"
        )
    )
    assert main(["decks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    people = [r for r in rows if r["id"] == "south-caucasus-people"]
    assert [(r["title"], r["ok"], r["origin"]) for r in people] == [
        ("My people", True, "user"),
        ("South Caucasus — people", False, "bundled"),
    ]
    assert people[1]["replaced_by"] == str(mine) and people[1]["errors"] == []
