"""`trainer generate`: whole runs on files the tests write and on the held-out article, bad input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import DATA
from trainer.cli import main
from trainer.core.deck import load_deck, parse_deck
from trainer.generate import generate
from trainer.generate.quality import load_gold, score

ONE = """
    The canal opened on 17 November 1869 after ten years of work. Its chief engineer was
    Alois Negrelli, and the Egyptian ruler Said Pasha granted the concession.

    In 1956 Egypt nationalised the canal. A ceasefire brokered by the United Nations ended the crisis
    in November 1956. Gamal Abdel Nasser, the president of Egypt, became a hero at home.
"""
TWO = """
    Egypt took over the canal company in 1956, under President Gamal Abdel Nasser.

    The canal had first opened to ships in 1869, on 17 November.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
    return path


def test_generate_writes_a_valid_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path, "canal.txt", ONE)
    out = tmp_path / "canal.yaml"
    assert (
        main(["generate", str(article), "-o", str(out), "--title", "The canal", "--id", "canal"])
        == 0
    )
    deck = load_deck(out)
    assert deck.id == "canal" and deck.title == "The canal"
    kinds = {c.kind.value for c in deck.cards}
    assert kinds == {"date", "person", "treaty"}
    dated = [c for c in deck.cards if c.kind.value == "date"]
    assert all(c.when for c in dated) and all("canal.txt ¶" in c.source for c in dated)
    opened = next(c for c in dated if c.when == "1869-11-17")
    assert opened.back == "17 November 1869" and "November 17, 1869" in opened.accept
    assert "17 November 1869" not in opened.front  # the question does not give the answer away
    err = capsys.readouterr().err
    assert "dates" in err and "people" in err and "treaties" in err and "wrote" in err


def test_regenerating_keeps_the_ids(tmp_path: Path) -> None:
    article = write(tmp_path, "canal.txt", ONE)
    first = [c.id for c in generate([article]).cards]
    second = [c.id for c in generate([article]).cards]
    assert first == second and len(set(first)) == len(first)


def test_the_same_fact_from_two_articles_becomes_one_card(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", ONE)
    b = write(tmp_path, "b.txt", TWO)
    result = generate([a, b])
    nasser = [c for c in result.cards if "Nasser" in c.front]
    assert len(nasser) == 1 and "a.txt" in nasser[0].source and "b.txt" in nasser[0].source
    assert nasser[0].back == "President of Egypt"


def test_disagreeing_sources_are_reported_and_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.txt", "The great bridge opened to traffic in 1932 after a long wait.")
    b = write(tmp_path, "b.txt", "The great bridge opened to traffic in 1934 after a long wait.")
    out = tmp_path / "d.yaml"
    assert main(["generate", str(a), str(b), "-o", str(out)]) == 0
    assert "conflict:" in capsys.readouterr().err
    (card,) = [c for c in load_deck(out).cards if c.kind.value == "date"]
    assert "Sources differ" in card.note and "1932" in card.note and "1934" in card.note


def test_stdout_when_no_output_is_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path, "canal.txt", ONE)
    assert main(["generate", str(article)]) == 0
    out = capsys.readouterr().out
    deck, problems = parse_deck(out, path="stdout", default_id="x")
    assert deck is not None and not [p for p in problems if not p.warning]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"", "empty"),
        (b"   \n\n  \n", "empty"),
        (b"caf\xe9 latin-1", "not UTF-8"),
    ],
)
def test_bad_input_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    good = write(tmp_path, "good.txt", ONE)
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    out = tmp_path / "out.yaml"
    assert main(["generate", str(good), str(bad), "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_existing_output_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path, "canal.txt", ONE)
    out = tmp_path / "deck.yaml"
    out.write_text("keep me")
    assert main(["generate", str(article), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_text() == "keep me"
    assert main(["generate", str(article), "-o", str(out), "--force"]) == 0
    assert load_deck(out).cards


def test_progress_on_many_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(write(tmp_path, f"a{i}.txt", ONE)) for i in range(12)]
    assert main(["generate", *paths, "-o", str(tmp_path / "all.yaml")]) == 0
    err = capsys.readouterr().err
    assert "read 12/12 articles" in err


def test_generated_questions_do_not_repeat_the_articles_sentences(tmp_path: Path) -> None:
    import re

    from trainer.generate.text import normalise

    def runs(text: str, n: int = 8) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9']+", normalise(text).lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    paths = [DATA / "articles" / "danube.md", write(tmp_path, "canal.txt", ONE)]
    article_runs = runs(" ".join(p.read_text(encoding="utf-8-sig") for p in paths))
    cards = generate(paths).cards
    assert article_runs and len(cards) >= 10, "an empty input proves nothing"
    for card in cards:
        assert not runs(card.front) & article_runs, card.front
        assert not runs(card.back) & article_runs, card.back


def test_headlines() -> None:
    from trainer.generate.deck import headline

    assert headline("An Azeri civilian airliner was shot down in Russian airspace") == (
        "Azeri civilian airliner shot down in Russian airspace"
    )
    assert headline(
        "Armenia's prime minister, Nikol Pashinyan, met the president, Ilham Aliyev, in Abu Dhabi"
    ) == ("Nikol Pashinyan met Ilham Aliyev in Abu Dhabi")
    assert (
        headline("Russian police arrested five men as part of an old case")
        == "Russian police arrested five men"
    )


def test_a_held_out_article_on_another_subject() -> None:
    """danube.md and its fact list were written together, apart from the source articles."""
    folder = DATA / "articles"
    result = generate([folder / "danube.md"])
    for s in score(result.facts, load_gold(folder / "danube.facts.yaml")):
        assert s.recall >= 0.95, (s.kind, s.missed)
        assert s.precision >= 0.90, (s.kind, s.wrong)
    fronts = " ".join(c.front for c in result.cards)
    assert "Further reading" not in fronts and "does not work for" not in fronts
