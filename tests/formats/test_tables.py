"""CSV, TSV and Quizlet exports: separators, headers, Anki's header lines, quoting, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.cli import main
from trainer.core.deck import load_deck
from trainer.core.model import Card, CardType, Deck
from trainer.store import paths as paths_mod


@pytest.fixture(autouse=True)
def no_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])


def imported(path: Path, *args: str) -> Deck:
    assert main(["import", str(path), *args]) == 0
    (found,) = paths_mod.resolve(None).decks.rglob("*.yaml")
    return load_deck(found)


def clear_decks() -> None:
    for old in paths_mod.resolve(None).decks.rglob("*.yaml"):
        old.unlink()


def pairs(deck: Deck) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in deck.cards]


def by_id(deck: Deck) -> dict[str, Card]:
    return {c.id: c for c in deck.cards}


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_comma_csv_with_a_header_row(tmp_path: Path) -> None:
    deck = imported(write(tmp_path, "words.csv", "Front,Back\nchien,dog\nchat,cat\n"))
    assert deck.id == "words" and pairs(deck) == [("chien", "dog"), ("chat", "cat")]


def test_tsv_by_extension_without_header(tmp_path: Path) -> None:
    deck = imported(write(tmp_path, "words.tsv", "a, b\tc, d\ne\tf\n"))
    assert pairs(deck) == [("a, b", "c, d"), ("e", "f")]


@pytest.mark.parametrize("sep", [";", "|", "\t", ","])
def test_separator_is_detected(sep: str, tmp_path: Path) -> None:
    text = "".join(
        f"q{i}{sep}a {i}, more\n" if sep != "," else f'q{i},"a {i}, more"\n' for i in range(5)
    )
    deck = imported(write(tmp_path, "x.txt", text))
    assert pairs(deck)[0] == ("q0", "a 0, more") and len(deck.cards) == 5


def test_quoted_fields_with_newlines_and_separators(tmp_path: Path) -> None:
    deck = imported(write(tmp_path, "x.csv", 'q1,"line one\nline two, still"\n"q ""2""",a2\n'))
    assert pairs(deck) == [("q1", "line one\nline two, still"), ('q "2"', "a2")]


def test_anki_header_lines(tmp_path: Path) -> None:
    text = (
        "#separator:Semicolon\n#html:true\n#tags:global\n#deck:Lang::German\n#guid column:1\n"
        "#tags column:4\n#columns:GUID;Front;Back;Tags\n"
        'g1;Hund<br>(der);"dog &amp; hound";animal noun\n'
        "g2;{{c1::Katze}} ist da;;\n"
    )
    deck = imported(write(tmp_path, "german.txt", text))
    assert (deck.id, deck.title) == ("lang::german", "Lang › German")
    cards = by_id(deck)
    assert cards["g1"].front == "Hund\n(der)" and cards["g1"].back == "dog & hound"
    assert cards["g1"].tags == ("global", "animal", "noun")
    assert cards["g2/c1"].type is CardType.CLOZE


def test_html_false_keeps_text_literal(tmp_path: Path) -> None:
    deck = imported(write(tmp_path, "x.csv", "#html:false\na <b> b,&amp;\n"))
    assert pairs(deck) == [("a <b> b", "&amp;")]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings(encoding: str, tmp_path: Path) -> None:
    deck = imported(write(tmp_path, "x.csv", "Front,Back\nÉté,summer ☀\n", encoding))
    assert pairs(deck) == [("Été", "summer ☀")]


def test_not_utf8_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "x.csv", "a,b\nÉté,summer\n", "latin-1")
    assert main(["import", str(path)]) == 2
    assert "line 2 is not UTF-8 text" in capsys.readouterr().err


def test_quizlet_tab_export(tmp_path: Path) -> None:
    deck = imported(
        write(tmp_path, "quizlet.txt", 'term one\tdefinition, with "quotes\nterm two\tdef two\n')
    )
    assert pairs(deck) == [("term one", 'definition, with "quotes'), ("term two", "def two")]


def test_quizlet_custom_separators(tmp_path: Path) -> None:
    text = "Paris - capital of France, on the Seine;;Lyon - city on the Rhône - and Saône;;"
    deck = imported(write(tmp_path, "q.txt", text), "--separator", " - ", "--row-separator", ";;")
    assert pairs(deck) == [
        ("Paris", "capital of France, on the Seine"),
        ("Lyon", "city on the Rhône - and Saône"),
    ]


def test_quizlet_named_separators(tmp_path: Path) -> None:
    deck = imported(
        write(tmp_path, "q.txt", "a,1;b,2;"), "--separator", "comma", "--row-separator", "semicolon"
    )
    assert pairs(deck) == [("a", "1"), ("b", "2")]


def test_quizlet_row_without_separator(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # one such row is skipped and said; the rest of the file is imported
    path = write(tmp_path, "q.txt", "a = 1\nno separator here\nb = 2\n")
    assert pairs(imported(path, "--separator", " = ")) == [("a", "1"), ("b", "2")]
    assert "line 2: no ' = ' between term and definition" in capsys.readouterr().out
    # no row with it: the separator named is not the file's
    clear_decks()
    wrong = write(tmp_path, "w.txt", "a - 1\nb - 2\n")
    assert main(["import", str(wrong), "--separator", " = "]) == 2
    assert "line 1 has no ' = '" in capsys.readouterr().err


def test_quizlet_default_export_with_quotes_loses_no_row(tmp_path: Path) -> None:
    # Quizlet's default export (a tab, a new line) never quotes: a term that starts with
    # a quote is text, not a CSV quoted field that swallows the lines after it
    text = '"Hello" in French\tbonjour\ncat\tchat\n"dog"\tchien\nbird\toiseau\n'
    deck = imported(write(tmp_path, "q.txt", text))
    assert pairs(deck) == [
        ('"Hello" in French', "bonjour"),
        ("cat", "chat"),
        ('"dog"', "chien"),
        ("bird", "oiseau"),
    ]
    # a TSV that does quote, as Anki writes one, keeps its quoting
    clear_decks()
    anki = 'front\tback\n"He said ""hi"""\tIl a dit\n"two\nlines"\tdeux\n'
    deck = imported(write(tmp_path, "a.tsv", anki))
    assert pairs(deck) == [('He said "hi"', "Il a dit"), ("two\nlines", "deux")]


def test_short_rows_are_ragged_and_a_row_is_no_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "short.csv", "q1,a1,t1\nq2,a2\nq3,a3,t3\n")
    assert main(["import", str(path)]) == 2
    assert "line 2 has 2 fields but line 1 has 3" in capsys.readouterr().err
    # "#1: first" is a card, not one of Anki's header lines; with --separator nothing is
    deck = imported(write(tmp_path, "hash.txt", "#1: first\tun\nsecond\tdeux\n"))
    assert pairs(deck) == [("#1: first", "un"), ("second", "deux")]
    clear_decks()
    quizlet = write(tmp_path, "tags.txt", "tags: one = un\ntwo = deux\n")
    assert pairs(imported(quizlet, "--separator", " = ")) == [("tags: one", "un"), ("two", "deux")]


def test_ids_derive_from_the_front_so_reimport_keeps_progress(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "q1,a1\nq2,a2\nq1,other meaning\n")
    first = imported(path)
    assert len({c.id for c in first.cards}) == 3
    path.write_text("q1,a1 (edited)\nq2,a2\nq1,other meaning\n", encoding="utf-8")
    again = imported(path)
    assert [c.id for c in again.cards] == [c.id for c in first.cards]
    assert again.cards[0].back == "a1 (edited)"


def test_empty_rows_and_missing_backs_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = imported(write(tmp_path, "x.csv", "q1,a1\n\n,orphan\nq3,\n"))
    assert pairs(deck) == [("q1", "a1")]
    out = capsys.readouterr().out
    assert "line 3: the front is empty" in out and "line 4: the back is empty" in out


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(write(tmp_path, "x.csv", "\n\n"))]) == 2
    assert "no rows to import" in capsys.readouterr().err


def test_yaml_deck_is_checked_and_copied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "mine.yaml", "id: mine\ncards:\n  - {id: a, front: q, back: a}\n")
    assert main(["import", str(good)]) == 0
    copy = paths_mod.resolve(None).decks / "mine.yaml"
    assert copy.read_bytes() == good.read_bytes()
    assert main(["import", str(good)]) == 0, "importing the same deck again replaces it"
    bad = write(tmp_path, "bad.yaml", "id: bad\ncards:\n  - {id: a, front: q}\n")
    assert main(["import", str(bad)]) == 2
    assert "bad.yaml:3:5: this card has no 'back'" in capsys.readouterr().err
    assert not (paths_mod.resolve(None).decks / "bad.yaml").exists()
