"""The command line: check, decks --json, paths, help for every command, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, write_deck
from trainer.cli import COMMANDS, build_parser, main


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_command_has_help(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"] if command else ["--help"])
    assert info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    parser = build_parser()
    if command:
        parser = next(
            a
            for a in parser._subparsers._group_actions  # type: ignore[union-attr]
        ).choices[command]
    assert out.startswith(f"usage: trainer{' ' + command if command else ''}")
    assert parser.description and " ".join(parser.description.split()) in out
    for action in parser._actions:
        for option in action.option_strings:
            assert option in out, f"{option} is missing from the help of {command}"


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
    out, err = capsys.readouterr()
    assert "warning:" in err
    # one of each, said in the singular
    assert f"{deck}: ok, 1 card, 1 warning" in out
    assert "1 deck file clean: 1 card, 1 warning" in out


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


def test_a_broken_user_copy_keeps_the_bundled_decks_cards_untouched(
    trainer_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken copy still claims its deck id: nothing is retired or reverted until it is fixed."""
    bundled = (Path(__file__).parents[2] / "decks" / "people.yaml").read_text(encoding="utf-8")
    mine = trainer_home / "data" / "decks" / "people.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_text(
        bundled.replace(
            "back: Prime Minister of Armenia", "back: Prime Minister of Armenia (edited)"
        )
        + "\n  - {id: my-own, front: Mine?, back: Yes}\n",
        encoding="utf-8",
    )
    assert main(["decks", "--json"]) == 0
    people = next(
        d
        for d in json.loads(capsys.readouterr().out)
        if d["id"] == "south-caucasus-people" and d["ok"]
    )
    assert people["path"] == str(mine)
    mine.write_text(
        mine.read_text(encoding="utf-8") + "  - {id: broken, front: [\n", encoding="utf-8"
    )
    assert main(["decks", "--json"]) == 0
    rows = [d for d in json.loads(capsys.readouterr().out) if d["id"] == "south-caucasus-people"]
    assert [(d["origin"], d["status"]) for d in rows] == [
        ("user", "broken"),
        ("bundled", "broken"),
    ] or [(d["origin"], d["status"]) for d in rows] == [("user", "broken"), ("bundled", "replaced")]
    from trainer.workspace import Workspace

    ws = Workspace()
    try:
        store = ws.store
        added = store.card_rowid("south-caucasus-people", "my-own")
        edited = store.card_rowid("south-caucasus-people", "person-nikol-pashinyan")
        assert added is not None and edited is not None
        assert (
            ws.conn.execute("SELECT retired FROM cards WHERE rowid = ?", (added,)).fetchone()[0]
            == 0
        )
        assert (
            store.card(edited).front.endswith("(edited)") or "(edited)" in store.card(edited).back
        )
        assert ws.conn.execute(
            "SELECT path FROM decks WHERE deck_id = 'south-caucasus-people'"
        ).fetchone()[0] == str(mine)
    finally:
        ws.close()


def test_unsuspend_and_the_suspended_count(
    trainer_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from trainer.workspace import Workspace

    deck = write_deck(
        tmp_path,
        "s.yaml",
        "id: s\ncards:\n" + "".join(f"  - {{id: c{i}, front: q{i}, back: a}}\n" for i in range(4)),
    )
    ws = Workspace(None, [deck])
    rowids = [ws.store.card_rowid("s", f"c{i}") for i in range(3)]
    ws.store.set_suspended([r for r in rowids if r is not None], True)
    ws.close()
    assert main(["decks", "--json", str(deck)]) == 0
    (row,) = [d for d in json.loads(capsys.readouterr().out) if d["id"] == "s"]
    assert (row["new"], row["suspended"]) == (1, 3)
    assert main(["unsuspend", str(deck), "c0"]) == 0
    assert "s: 1 card back in study" in capsys.readouterr().out
    assert main(["unsuspend", str(deck), "c9"]) == 2
    assert "has no card 'c9'" in capsys.readouterr().err
    assert main(["unsuspend", str(deck), "c3"]) == 2
    assert "is not suspended" in capsys.readouterr().err
    assert main(["unsuspend", str(deck)]) == 0
    assert "s: 2 cards back in study" in capsys.readouterr().out
    assert main(["decks", str(deck)]) == 0
    assert "susp" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "found", "hint"),
    [
        ("dates", "south-caucasus-dates", ""),  # a bundled deck's file name
        ("south-caucasus-dates", "south-caucasus-dates", ""),
        ("south-caucasus-date", "", "did you mean 'south-caucasus-dates'"),
        ("treaty", "", "'south-caucasus-treaties'"),
        ("zzz", "", "'trainer decks' lists the decks"),
    ],
)
def test_deck_arguments_by_id_file_name_or_nearest(name: str, found: str, hint: str) -> None:
    from trainer.core.errors import UsageError
    from trainer.workspace import Workspace

    ws = Workspace()
    try:
        if found:
            assert ws.resolve_decks([name]) == [found]
        else:
            with pytest.raises(UsageError) as info:
                ws.resolve_decks([name])
            assert f"no deck '{name}'" in info.value.message and hint in info.value.hint
    finally:
        ws.close()


def test_plan_sets_shows_and_clears_an_exam_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "south-caucasus", "--exam", "2099-01-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decks"] == sorted(data["decks"]) and "south-caucasus-dates" in data["decks"]
    assert data["exam"] == "2099-01-31" and data["new_left"] == data["cards"] > 0
    assert data["predicted_recall"] == 0.0 and data["target"] == 0.9
    assert set(data) >= {"days_left", "new_per_day", "reviews_per_day", "peak_reviews"}
    # decades away, a card a day is enough; the limits let in far more
    assert data["needed_new_per_day"] == 1 and data["new_per_day"] > 1
    assert main(["plan", "dates"]) == 0
    out = capsys.readouterr().out
    assert "Exam on" in out and "Predicted recall on exam day: 0%" in out
    assert "New cards a day: 1 is enough to see every card in time (your limits" in out
    assert "FSRS predicts" in out
    assert main(["plan", "dates", "--clear"]) == 0
    assert main(["plan", "dates"]) == 2
    assert "no exam date is set" in capsys.readouterr().err
    assert main(["plan", "dates", "--exam", "31/01/2099"]) == 2
    assert "is not a date" in capsys.readouterr().err


def test_hostile_files_in_the_deck_folder(
    trainer_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A FIFO, a link to /dev/zero and a file named with a line break: the rest still loads."""
    import os
    import time

    folder = trainer_home / "data" / "decks"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "bad\nname.yaml").write_text("cards:\n  - {id: a, front: q, back: a}\n")
    (folder / "deep.yaml").write_text("[" * 30_000)
    started = time.perf_counter()
    assert main(["decks", "--json"]) == 0
    assert time.perf_counter() - started < 10
    captured = capsys.readouterr()
    rows = {Path(d["path"]).name: d for d in json.loads(captured.out)}
    assert rows["fifo.yaml"]["status"] == rows["zero.yaml"]["status"] == "broken"
    assert rows["deep.yaml"]["status"] == rows["bad\nname.yaml"]["status"] == "broken"
    assert rows["dates.yaml"]["status"] == "ok"  # the bundled decks load all the same
    assert "not a regular file" in captured.err and "line break" in captured.err
    for name in ("fifo.yaml", "zero.yaml", "deep.yaml"):
        assert main(["check", str(folder / name)]) == 2
    assert "nests more than 32 levels" in capsys.readouterr().err


def test_escape_sequences_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "esc.yaml"
    deck.write_text(
        'title: "\\e]0;pwned\\a\\e[2J"\ncards:\n  - {id: a, front: q, back: a, "\\e[31mkey": x}\n'
    )
    named = tmp_path / "\x1b[2Jname.yaml"
    named.write_text("cards:\n  - {id: a, front: q, back: a}\n")
    assert main(["check", str(deck)]) == 2
    assert main(["check", str(named)]) == 2
    assert main(["decks", str(deck), str(named)]) == 0
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream and "\x07" not in stream
    assert "␛" in captured.err and "control character (U+001B)" in captured.err
    assert main(["decks", "--json", str(named)]) == 0
    assert "\\u001b" in capsys.readouterr().out  # JSON keeps it, escaped


def test_stats_prints_the_screen_and_json_with_stable_keys(
    small_deck: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    assert main(["stats", str(small_deck), "--width", "60"]) == 0
    out = capsys.readouterr().out
    assert "Statistics: Small deck" in out and "True retention" in out and "Due in the next" in out
    assert max(len(line) for line in out.splitlines()) <= 60
    assert main(["stats", str(small_deck), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decks"] == ["small"]
    assert data["cards"]["new"] == 7 and data["reviews_total"] == 0 and data["streak_days"] == 0
    assert set(data["retention"]) == {"7", "30", "365"}
    assert len(data["forecast"]) == 30 and set(data["forecast"][0]) == {"date", "due"}
    assert main(["stats", "nosuchdeck"]) == 2


def test_stats_plain_says_the_charts_in_words(
    small_deck: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    assert main(["--plain", "stats", str(small_deck)]) == 0
    out = capsys.readouterr().out
    assert "Reviews per month" in out and not any(ch in out for ch in "░▒▓█")


def test_the_progress_bar_redraws_in_place_and_shows_a_file_name_safely(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from trainer.cli import _Visible
    from trainer.cli.common import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", _Visible(terminal))
    from trainer.transfer import ImportStep

    bar = ProgressBar("import \x1b]0;x\x07deck.apkg")
    bar(ImportStep("reading", 0.02, 10_000))
    bar(ImportStep("syncing", 0.999, 10_000))
    bar(ImportStep("syncing", 1.0, 10_000))
    bar.end()
    out = terminal.getvalue()
    # the bar's own carriage return reaches the terminal; the file name's escape does not
    assert out.count("\r") == 3 and "␍" not in out and "\x1b" not in out and "\x07" not in out
    assert "  2% reading\r" in out and " 99% syncing\r" in out
    assert out.endswith("] 100% syncing\n")
