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
    The Suez Canal opened on 17 November 1869 after ten years of work. Its chief engineer was
    Alois Negrelli, and the Egyptian ruler Said Pasha granted the concession.

    In 1956 Egypt nationalised the canal. A ceasefire brokered by the United Nations ended the crisis
    in November 1956. Gamal Abdel Nasser, the president of Egypt, became a hero at home.
"""
TWO = """
    Egypt took over the canal company in 1956, under President Gamal Abdel Nasser.

    The Suez Canal had first opened to ships in 1869, on 17 November.
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
    # a cloze of the article's own sentence: the answer is the text's words
    assert opened.type.value == "cloze" and "{{c1::17 November 1869}}" in opened.front
    assert "Suez Canal opened on" in opened.front and "November 17, 1869" in opened.accept
    assert opened.draft.startswith("The Suez Canal opened on 17 November 1869")
    assert all(c.draft for c in deck.cards)  # every generated card is a draft
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
    nasser = [c for c in result.cards if c.kind == "person" and "Nasser" in c.front]
    assert len(nasser) == 1 and "a.txt" in nasser[0].source and "b.txt" in nasser[0].source
    # the sentence that gives the role is the one asked
    assert "{{c1::Gamal Abdel Nasser}}, the president of Egypt" in nasser[0].front


def test_disagreeing_sources_are_reported_and_noted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.txt", "The Tay Bridge opened to traffic in 1932 after a long wait.")
    b = write(tmp_path, "b.txt", "The Tay Bridge opened to traffic in 1934 after a long wait.")
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


def test_every_answer_is_the_articles_own_words(tmp_path: Path) -> None:
    """Faithful by construction: a gap holds a span of the text, never a made-up phrase."""
    from trainer.core import cloze
    from trainer.generate.text import normalise

    paths = [DATA / "articles" / "danube.md", write(tmp_path, "canal.txt", ONE)]
    text = " ".join(normalise(" ".join(p.read_text(encoding="utf-8-sig") for p in paths)).split())
    cards = generate(paths).cards
    clozes = [c for c in cards if c.type == "cloze"]
    assert len(clozes) >= 10, "an empty input proves nothing"
    for card in clozes:
        gap = cloze.scan(card.front)[0][0]
        assert gap.answer in text, card.front
        assert " ".join(card.draft.split()) in text, card.draft


def test_a_clause_leaning_on_its_neighbour_shows_it(tmp_path: Path) -> None:
    """ "It", "the treaty", "that year": the sentence before comes along as context."""
    article = write(
        tmp_path,
        "pact.txt",
        """
        Negotiators from Norway and Sweden drew up the Karlstad Treaty in a month.
        It was signed there on 26 October 1905, ending the union of the two kingdoms.
        """,
    )
    (card,) = [c for c in generate([article]).cards if c.when == "1905-10-26"]
    assert card.front.startswith("Negotiators from Norway and Sweden drew up the Karlstad Treaty")
    assert "{{c1::26 October 1905}}" in card.front


def test_a_card_that_never_says_what_it_is_about_is_not_sure(tmp_path: Path) -> None:
    """ "He", "it", "the treaty", "the stone": something shown before must name it."""
    article = write(
        tmp_path,
        "unnamed.txt",
        """
        Negotiators from Norway and Sweden met at Karlstad for a month.
        The treaty was signed there on 26 October 1905, ending the union of the two kingdoms.

        Lots of artists hated it. In February 1887 a group of them signed a protest letter.

        TEACHER: Who remembers when the wall went up? STUDENT: August 1961?
        TEACHER: Right, on 13 August 1961.

        STUDENT: What happened to Kennedy after that?
        TEACHER: He was assassinated in Dallas on 22 November 1963.
        """,
    )
    cards = generate([article], keep_all=True).cards
    sure = {c.when for c in cards if c.sure}
    assert not {"1905-10-26", "1887-02", "1961-08-13"} & sure, sure
    # the question before names him: the card shows it and is sure
    (kennedy,) = [c for c in cards if c.when == "1963-11-22"]
    assert kennedy.sure and "What happened to Kennedy" in kennedy.front


def test_a_title_in_capitals_names_no_one_he_could_be(tmp_path: Path) -> None:
    """ "(When the Isles Changed Hands) He fell ill": the title names no person."""
    article = write(
        tmp_path,
        "isles.md",
        """
        # When the Isles Changed Hands

        ## The Scots

        In 1249 King Alexander II of Scotland died on the island of Kerrera.

        ## The end of the voyage

        Autumn gales scattered the ships in the Firth. The fleet limped north. He
        fell ill at Kirkwall and died there in December 1263, in the bishop's palace.

        ## Marie Curie

        Years of work with radium wore her down. She died of aplastic anaemia at a
        sanatorium in Passy on 4 July 1934.
        """,
    )
    cards = generate([article], keep_all=True).cards
    (died,) = [c for c in cards if c.when == "1263-12"]
    assert not died.sure, died.front
    (curie,) = [c for c in cards if c.when == "1934-07-04"]
    assert curie.sure and "Marie Curie" in curie.front


def test_a_fact_box_line_says_what_the_page_is_about_and_its_notes_are_sources(
    tmp_path: Path,
) -> None:
    article = write(
        tmp_path,
        "tilsit.md",
        """
        # Treaties of Tilsit

        *From a wiki. This page was last edited on 2 March 2024.*

        - **Signed:** 7 July 1807 (France–Russia); 9 July 1807 (France–Prussia)
        - **Parties:** French Empire; Russian Empire; Kingdom of Prussia
        - **Negotiators:** Charles-Maurice de Talleyrand (France); Prince Alexander Kurakin (Russia)

        The Treaties of Tilsit ended the War of the Fourth Coalition.[1]

        ## Notes

        1. Paul W. Schroeder, *The Transformation of European Politics 1763–1848* (1994).
        """,
    )
    cards = generate([article], keep_all=True).cards
    assert not [c for c in cards if c.when[:4] in ("1763", "1994", "2024")], [
        c.front for c in cards
    ]
    (signed,) = [c for c in cards if c.when == "1807-07-07"]
    assert signed.front.startswith("(Treaties of Tilsit) Signed: {{c1::7 July 1807}}")
    (kurakin,) = [c for c in cards if "{{c1::Alexander Kurakin}}" in c.front]
    assert kurakin.front.startswith("(Treaties of Tilsit) Negotiators: ")


def test_a_thing_named_once_names_its_noun(tmp_path: Path) -> None:
    """ "The canal" after "the Suez Canal" (and no other canal): the card says which."""
    article = write(
        tmp_path,
        "canal.txt",
        """
        The Suez Canal was opened in November 1869.

        Crowds cheered the ships. The canal had been designed by Ferdinand de Lesseps, who won
        the concession in 1854.
        """,
    )
    (card,) = [c for c in generate([article]).cards if c.when == "1854"]
    assert "The canal [Suez Canal] had been designed" in card.front


def test_a_year_is_never_invented(tmp_path: Path) -> None:
    """A year-less date takes its paragraph's year, else the dateline's, else none."""
    article = write(
        tmp_path,
        "talks.txt",
        """
        The Congress of Berlin ended its work in 1878, after a month of talks.

        Much later, the Austrian envoy Count Julius Andrassy went home.

        Years after that, Andrassy signed the last protocol on 13 July.

        In 1885 the Serbian army crossed the border. On 28 November the Bulgarian army won at Pirot.
        """,
    )
    cards = generate([article], keep_all=True).cards
    pirot = next(c for c in cards if "{{c1::28 November}}" in c.front)
    assert pirot.when == "1885-11-28"  # the paragraph's own year
    july = next(c for c in cards if "{{c1::13 July}}" in c.front)
    assert july.when == ""  # kept as written: no year nearby to take


def test_a_dateline_anchors_year_less_and_relative_dates(tmp_path: Path) -> None:
    article = write(
        tmp_path,
        "news.txt",
        """
        OSLO, 10 December 2021 -- The Nobel Peace Prize was presented to Maria Ressa on Friday.

        The committee had announced the prize in October. Ten years ago the prize went to three women.
        """,
    )
    cards = generate([article], keep_all=True).cards
    whens = {c.when for c in cards}
    assert "2021-12-10" in whens  # "on Friday", the dateline's own day
    assert "2021-10" in whens  # "in October": before the dateline, same year
    assert "2011" in whens  # "ten years ago"
    # the dateline is when the piece was written, not a fact to learn
    assert not any("OSLO, {{c1::" in c.front for c in cards)
    friday = next(c for c in cards if c.when == "2021-12-10")
    assert 'The text says "on Friday"' in friday.note


def test_a_held_out_article_on_another_subject() -> None:
    """danube.md and its fact list were written together, apart from the source articles."""
    folder = DATA / "articles"
    result = generate([folder / "danube.md"])
    for s in score(result.facts, load_gold(folder / "danube.facts.yaml")):
        assert s.recall >= 0.95, (s.kind, s.missed)
        assert s.precision >= 0.90, (s.kind, s.wrong)
    fronts = " ".join(c.front for c in result.cards)
    assert "Further reading" not in fronts and "does not work for" not in fronts


def test_a_planted_link_at_a_temporary_name_is_not_followed(tmp_path: Path) -> None:
    article = write(tmp_path, "canal.txt", ONE)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "deck.yaml.tmp").symlink_to(victim)
    (tmp_path / "other.yaml.tmp").write_text("someone's file")
    assert main(["generate", str(article), "-o", str(tmp_path / "deck.yaml")]) == 0
    assert victim.read_text() == "precious"
    assert (tmp_path / "other.yaml.tmp").read_text() == "someone's file"
    assert load_deck(tmp_path / "deck.yaml").cards
    leftovers = {p.name for p in tmp_path.iterdir()} - {
        "canal.txt", "victim.txt", "deck.yaml.tmp", "other.yaml.tmp", "deck.yaml"
    }  # fmt: skip
    assert not leftovers


def test_output_naming_a_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write(tmp_path, "canal.txt", ONE)
    folder = tmp_path / "out.yaml"
    folder.mkdir()
    assert main(["generate", str(article), "-o", str(folder), "--force"]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == [
        "canal.txt",
        "out.yaml",
    ]


def test_an_article_without_facts_writes_no_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write(tmp_path, "plain.txt", "Nothing here has a date, a name or a treaty in it.")
    out = tmp_path / "plain.yaml"
    assert main(["generate", str(article), "-o", str(out)]) == 2
    assert "no facts found" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("bad_id", ["two\nlines", "", "bell\x07"])
def test_a_deck_id_check_would_refuse_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad_id: str
) -> None:
    article = write(tmp_path, "canal.txt", ONE)
    out = tmp_path / "canal.yaml"
    assert main(["generate", str(article), "-o", str(out), "--id", bad_id]) == 2
    assert "not a deck id" in capsys.readouterr().err and not out.exists()


def test_a_large_article_is_read_in_linear_time_with_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys
    import time

    extract_module = sys.modules["trainer.generate.extract"]

    # one 60 KB line without full stops (quadratic merging took 35 s on 100 KB)
    line = " ".join(
        f"the Treaty of Place{i % 50} was signed in {1800 + i % 200} by Anna Berg{i % 30}"
        for i in range(800)
    )
    article = write(tmp_path, "long.txt", line)
    extract_module.PROGRESS_EVERY = 20_000
    try:
        started = time.perf_counter()
        assert main(["generate", str(article), "-o", str(tmp_path / "long.yaml")]) == 0
        seconds = time.perf_counter() - started
    finally:
        extract_module.PROGRESS_EVERY = 1_000_000
    assert "% read" in capsys.readouterr().err
    assert seconds < 10, seconds


def test_control_characters_never_reach_the_deck(tmp_path: Path) -> None:
    article = write(tmp_path, "esc.txt", ONE.replace("Alois", "\x1b]0;pwned\x07Alois"))
    out = tmp_path / "esc.yaml"
    assert main(["generate", str(article), "-o", str(out), "--all"]) == 0
    text = out.read_text()
    assert "\x1b" not in text and "\\e" not in text and "Alois Negrelli" in text
    # what the cards hold, not only the file's text (YAML writes ESC as "\e")
    fields = [f"{c.front} {c.back} {c.note} {c.draft}" for c in load_deck(out).cards]
    assert any("Alois Negrelli" in f for f in fields)
    assert not any(ch in f for f in fields for ch in "\x1b\x07") and "pwned" not in text


def test_all_keeps_the_unsure_cards_tagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write(tmp_path, "bridge.txt", "The great bridge opened to traffic in 1932.")
    out = tmp_path / "bridge.yaml"
    assert main(["generate", str(article), "-o", str(out)]) == 2  # nothing sure: nothing written
    assert "--all keeps them" in capsys.readouterr().err and not out.exists()
    assert main(["generate", str(article), "-o", str(out), "--all"]) == 0
    (card,) = load_deck(out).cards
    assert card.tags == ("unsure",) and card.draft and card.when == "1932"


def test_the_treaty_is_named_only_by_a_treaty_of_its_kind(tmp_path: Path) -> None:
    article = write(
        tmp_path,
        "pacts.txt",
        """
        The Kyoto Protocol was adopted in December 1997. The Paris Agreement replaced it.

        The deal was hailed by many. The agreement entered into force on 4 November 2016.
        """,
    )
    (card,) = [c for c in generate([article]).cards if c.when == "2016-11-04"]
    assert "The agreement [Paris Agreement] entered into force" in card.front


def test_names_keep_their_numbers_and_days_keep_their_months(tmp_path: Path) -> None:
    article = write(
        tmp_path,
        "names.txt",
        """
        The Two Plus Four Treaty was signed in Moscow on 12 September 1990.
        The First Treaty of Paris was signed on 30 Could 1814 by the allies.
        """,
    )
    fronts = " ".join(c.front for c in generate([article], keep_all=True).cards)
    assert "{{c1::Two Plus Four Treaty}}" in fronts
    assert "{{c1::First Treaty of Paris}}" in fronts and "30 May 1814" in fronts


def test_lessons_of_the_held_out_halves(tmp_path: Path) -> None:
    """Each line here was a wrong or unclear card on a held-out article."""
    article = write(
        tmp_path,
        "news.txt",
        """
        DUBLIN, 11 April 1998 -- The parties reached a settlement on Friday after long talks.

        The talks had opened in June 1996. Voters will approve the deal in referendums on 22 May.

        David Trimble, leader of the Ulster Unionist Party, gave his backing at 5pm.

        In 1800 Spain handed Louisiana to France in the Treaty of San Ildefonso.
        The envoys argued for weeks. The treaty was signed on 30 April 1803.

        Next meeting: 12 November, library room B.
        """,
    )
    cards = generate([article], keep_all=True).cards
    whens = {c.when for c in cards}
    assert "1998-04-10" in whens  # "on Friday", the day before a Saturday dateline
    assert "1998-05-22" in whens and "1996-05-22" not in whens  # the referendum to come
    fronts = " ".join(c.front for c in cards)
    assert "{{c1::Ulster Union}}" not in fronts  # no name cut out of a word
    signed = next(c for c in cards if c.when == "1803-04-30")
    assert "San Ildefonso" not in signed.front.split("The treaty")[-1]  # not that treaty
    assert "12 November" not in fronts  # the club's next meeting is no fact


def test_a_gap_never_holds_part_of_a_longer_name(tmp_path: Path) -> None:
    article = write(
        tmp_path,
        "names.txt",
        """
        Officers of the United Nations Command met the envoys in Geneva in 1953.
        The EU-UK Trade and Cooperation Agreement was concluded on 24 December 2020.
        The Representation of the People Act 1918 gave many women the vote.
        Egypt signed it with Charles de Gaulle and Konrad Adenauer watching in 1963.
        """,
    )
    fronts = " ".join(c.front for c in generate([article], keep_all=True).cards)
    assert "{{c1::United Nations}} Command" not in fronts
    assert "Trade and {{c1::Cooperation Agreement}}" not in fronts
    assert "of the {{c1::People Act}}" not in fronts
    assert "and {{c1::Konrad Adenauer}}" in fronts  # two people joined by "and" are two names


def test_lessons_of_the_seventh_held_out_half(tmp_path: Path) -> None:
    listing = write(
        tmp_path,
        "dates.md",
        """
        # Key dates

        1. **1492** – Christopher Columbus, sailing for Castile, reaches the Caribbean.
        2. **1529** – The Treaty of Zaragoza sets a matching line on the other side of the world.
        """,
    )
    cards = generate([listing]).cards
    assert {c.when for c in cards} >= {
        "1492",
        "1529",
    }  # a year at the head of a line is no dateline
    release = write(
        tmp_path,
        "cern.txt",
        """
        GENEVA, 4 July 2012 -- Physicists at CERN announced today that they have seen a new particle.

        CERN, the European Organization for Nuclear Research, was founded in 1954.
        """,
    )
    fronts = [c.front for c in generate([release], keep_all=True).cards]
    today = next(f for f in fronts if "{{c1::4 July 2012}}" in f)
    assert "GENEVA" not in today  # the dateline would give the answer away
    assert not any("{{c1::European Organization}}" in f for f in fronts)


def test_names_in_a_spun_text_are_not_sure(tmp_path: Path) -> None:
    spun = write(
        tmp_path,
        "spun.txt",
        """
        Nonetheless the Berlin Convention opened on 15 November 1884, the place Otto von Bismarck
        hosted the delegates. The Common Act of the Berlin Convention was signed on 26 February 1885.

        Additional Studying on colonial historical past
        """,
    )
    cards = generate([spun], keep_all=True).cards
    named = [c for c in cards if c.kind == "treaty"]
    assert named and not any(c.sure for c in named)
    assert any(c.sure and c.when == "1885-02-26" for c in cards if c.kind == "date")


def test_lessons_of_the_eighth_half_and_the_second_development_half(tmp_path: Path) -> None:
    article = write(
        tmp_path,
        "lessons.txt",
        """
        The Treaty of Lausanne is a peace treaty signed in Lausanne on 24 July 1923.
        Boris Johnson agreed a revised deal with Brussels in October 2019.

        17 January 1912. We reached the Pole and found a tent left by Roald Amundsen, who had
        been here on 14 December.
        """,
    )
    cards = generate([article], keep_all=True).cards
    described = [
        c for c in cards if "{{c1::peace treaty}}" in c.front or "revised deal}}" in c.front
    ]
    assert described and not any(c.sure for c in described)  # common words, not a name
    (amundsen,) = [c for c in cards if "{{c1::14 December}}" in c.front]
    assert amundsen.when == ""  # a step back in the past perfect: maybe the year before
    news = write(
        tmp_path,
        "news.txt",
        """
        LE BOURGET, France, 12 December 2015 -- Delegates adopted a climate pact on Saturday.

        Christiana Figueres, head of the UN climate secretariat, said the hard part would begin
        on Monday.
        """,
    )
    assert "2015-12-14" in {c.when for c in generate([news], keep_all=True).cards}
    spun = write(
        tmp_path,
        "spun.txt",
        """
        Nonetheless, on 9 June 1815 the delegates signed the Final Act of the Congress of Vienna.
        The Treaty of Kiel was signed on 14 January 1814 by the Danish king. Below its phrases,
        Norway went to Sweden.

        Additional Studying on Scandinavian historical past
        """,
    )
    named = {c.front: c.sure for c in generate([spun], keep_all=True).cards if c.kind == "treaty"}
    assert named["The {{c1::Treaty of Kiel}} was signed on 14 January 1814 by the Danish king."]
    assert not any(sure for front, sure in named.items() if "{{c1::Final Act" in front)


def test_lessons_of_the_ninth_held_out_half(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "page.md",
        """
        # On this day: 18 June

        - **1815**: Napoleon is defeated at Waterloo by Wellington.
        - **1983**: Sally Ride becomes the first American woman in space.

        Next week: 25 June, the day the Korean War began.

        ## Who was there

        Leon Trotsky led the Soviet delegation until February.

        Talks began in November 1698 under British and Dutch mediation.

        ## References

        1. Finkel, Osman's Dream (2005), ch. 10.
        """,
    )
    cards = generate([page], keep_all=True).cards
    whens = {c.when for c in cards}
    assert "1815" in whens  # a list line with "by" in it is no byline
    assert not {w for w in whens if w.endswith("-06-25") or w.endswith("-02")}  # no borrowed year
    assert "2005" not in whens  # a reference list is no part of the article
    talks = next(c for c in cards if c.when == "1698-11")
    assert not talks.sure  # which talks, the card never says
    news = write(
        tmp_path,
        "news.txt",
        """
        Prague, 8 April 2010

        The new treaty replaces the Strategic Arms Reduction Treaty, which expired on
        5 December last year.
        """,
    )
    assert "2009-12-05" in {c.when for c in generate([news], keep_all=True).cards}
    debate = write(
        tmp_path,
        "debate.txt",
        """
        Minister: It will.

        The Dáil approved the Treaty on 7 January 1922. Éamon de Valera resigned two days later.
        """,
    )
    cards = generate([debate], keep_all=True).cards
    approved = next(c for c in cards if c.when == "1922-01-07")
    assert not approved.sure  # "the Treaty" is never named
    assert "1922-01-09" in {c.when for c in cards}  # "Éamon" starts a sentence of its own


def test_lessons_of_the_tenth_held_out_half(tmp_path: Path) -> None:
    sheet = write(
        tmp_path,
        "sheet.md",
        """
        # Space station Mir: fact sheet

        - **Core module launched:** 20 February 1986
        - **Deorbited:** 23 March 2001
        - **Named for:** the Russian word for peace and world

        ## Notes

        Engineers added six more modules over ten years. The first long stay lasted 438 days.
        The last crew left in June 2000.
        """,
    )
    cards = {c.when: c for c in generate([sheet], keep_all=True).cards}
    # a labelled line is a fact, not the sheet's publication date, and the title says of what
    launched = cards["1986-02-20"]
    assert launched.sure and launched.front.startswith("(Space station Mir: fact sheet) Core")
    assert cards["2001-03-23"].sure  # "Deorbited:" alone, under the title, says enough
    last = cards["2000-06"]  # "the last crew": of the station the title names
    assert last.sure and last.front.startswith("(Space station Mir: fact sheet) ")  # not "(Notes)"
    guide = write(
        tmp_path,
        "guide.txt",
        """
        FORT SUMTER NATIONAL MONUMENT

        Open: daily. Entry is free.

        The fort was begun in 1829 on a shoal in Charleston harbour.
        """,
    )
    fort = next(c for c in generate([guide], keep_all=True).cards if c.when == "1829")
    # "Entry is free." says nothing of "the fort": the title does, and the card shows it
    assert fort.sure and fort.front.startswith("(FORT SUMTER NATIONAL MONUMENT) ")
    plain = write(tmp_path, "plain.txt", "Entry is free.\n\nThe fort was begun in 1829.\n")
    assert not next(c for c in generate([plain], keep_all=True).cards if c.when == "1829").sure


def test_lessons_of_the_eleventh_held_out_half(tmp_path: Path) -> None:
    essay = write(
        tmp_path,
        "essay.txt",
        """
        Born on 2 March 1850, she trained as a nurse, and in the spring of 1880 she opened
        a clinic in Leeds. Five years later she founded a school for nurses. On 8 April 1895
        the school moved to London. She spent the winter abroad, and only the next June did
        she return to it.
        """,
    )
    whens = {c.when for c in generate([essay], keep_all=True).cards}
    assert "1885" in whens and "1855" not in whens  # counted from 1880, not from the birthday
    assert "1895-06" not in whens  # "the next June", a sentence after April 1895: which year?
    statement = write(
        tmp_path,
        "statement.txt",
        """
        OTTAWA, 4 December 1997 -- Ministers signed the convention today. The campaign began
        at a meeting held here in October of last year.
        """,
    )
    whens = {c.when for c in generate([statement], keep_all=True).cards}
    assert "1996-10" in whens and "1997-10" not in whens
    page = write(
        tmp_path,
        "page.txt",
        """
        The Treaty of Stolbovo was one of the treaties that ended the Ingrian War (1610-1617).

        In the famine, 1000's of families left the land.
        """,
    )
    cards = generate([page], keep_all=True).cards
    treaty = next(c for c in cards if c.kind == "treaty")
    assert treaty.when == ""  # the war's years are not the treaty's
    assert not [c for c in cards if c.when.startswith("1000")]  # thousands, not a year


def test_a_chronology_of_years_before_christ(tmp_path: Path) -> None:
    """BC years are no AD years; a date line heads the entry under it; a shown year is no gap."""
    article = write(
        tmp_path,
        "hittites.txt",
        """
        EGYPT AND HATTI: A CHRONOLOGY

        1279 BC
          Ramesses II (r. 1279-1213 BC), son of Seti I, comes to the throne.

        c. 1274 BC (Year 5)
          Battle of Kadesh. Ramesses marches north with four divisions and meets the Hittite army of Muwatalli II, which had waited behind the city all night; neither side wins.

        c. 1259 BC
          Peace treaty between Ramesses II and Hattusili III.

        AD 1906
          Hugo Winckler finds the Hittite copy of the peace treaty at Hattusa.
        """,
    )
    cards = generate([article]).cards
    by_when = {c.when: c.front for c in cards}
    assert not [w for w in by_when if w[:4] in ("1279", "1274", "1259", "1213")], by_when
    assert by_when["-1273"].startswith("{{c1::c. 1274 BC}} (Year 5) – Battle of Kadesh."), by_when
    assert by_when["-1258"].startswith("{{c1::c. 1259 BC}} – Peace treaty between Ramesses II")
    assert by_when["1906"].startswith("{{c1::AD 1906}} – Hugo Winckler finds")
    # "{{1279 BC}} - Ramesses II (r. 1279-1213 BC)" shows its answer: only with --all
    assert "-1278" not in by_when
    assert "-1278" in {c.when for c in generate([article], keep_all=True).cards}


def test_a_registry_records_acts_name_their_treaty_and_its_numbers_are_no_years(
    tmp_path: Path,
) -> None:
    article = write(
        tmp_path,
        "registry.txt",
        """
        TREATY REGISTRY

        Record ID: ARC-1959-01 | Record last updated: 3 February 2025

        Title: Antarctic Treaty

        Signed at Washington on 1 December 1959. The idea goes back to resolution 1472 of the
        General Assembly.

        Argentina ratified in June 1961, and several more states acceded in 1962.

        State            Signature            Ratification
        Norway           1 December 1959      24 August 1960
        Chile            1 December 1959      23 June 1961
        """,
    )
    cards = generate([article]).cards
    whens = {c.when for c in cards}
    assert not whens & {"1472", "2025-02-03"}, whens  # a resolution's number, the record's date
    assert not [c for c in cards if c.when == "1959" and "ARC-" in c.front]
    (argentina,) = [c for c in cards if c.when == "1961-06"]
    assert argentina.front.startswith("(Title: Antarctic Treaty) ")
    assert "Argentina ratified in {{c1::June 1961}}" in argentina.front
    # a row of a table set out with spaces: signed or ratified, the card cannot say
    assert not {"1960-08-24", "1961-06-23"} & whens


def test_a_film_reviews_cast_byline_and_captions(tmp_path: Path) -> None:
    """An actor's part is two people; a section heading is no title; a caption's year-less days."""
    article = write(
        tmp_path,
        "review.txt",
        """
        FILM REVIEW

        By Claire Dunmore

        About forty minutes into Paper Peace, the British prime minister flies to meet Adolf Hitler. It is 15 September 1938.

        The script sticks closely to the record. Chamberlain goes home, talks his cabinet and the French round to the idea that the Sudeten districts of Czechoslovakia must be given up, and flies back to Germany to say so, only to be told at Bad Godesberg on 22 September that the offer is no longer enough.

        Pierre Lamotte's Edouard Daladier, the French premier, chain-smokes and looks as if he would rather be anywhere else.

        Only a caption tells us that German troops crossed into the Sudetenland on 1 October and that Hitler's army marched into Prague on 15 March 1939.
        """,
    )
    cards = generate([article]).cards
    fronts = [c.front for c in cards]
    # a long sentence cut for the card keeps its own subject, not a piece of a word
    every = [c.front for c in generate([article], keep_all=True).cards]
    godesberg = next(f for f in every if "{{c1::22 September}}" in f)
    assert "Chamberlain goes home" in godesberg, godesberg
    # "Lamotte's Daladier" is the actor's part: Daladier is the premier, alone in the gap
    assert any("Pierre Lamotte's {{c1::Edouard Daladier}}, the French premier" in f for f in fronts)
    assert not any("{{c1::Pierre Lamotte's" in f for f in fronts), fronts
    # "FILM REVIEW" is the page's section: who wrote it is asked only with --all
    assert not any(f.startswith("Who wrote") for f in fronts), fronts
    assert any(
        c.front == "Who wrote “FILM REVIEW”?" for c in generate([article], keep_all=True).cards
    )
    # "1 October" has no year the card shows; the one it shows (1939) is another date's
    assert not any("{{c1::1 October}}" in f for f in fronts), fronts
    assert any("{{c1::15 March 1939}}" in f for f in fronts), fronts


def test_letters_count_today_and_yesterday_from_their_own_head(tmp_path: Path) -> None:
    article = write(
        tmp_path,
        "letters.txt",
        """
        LETTERS ON THE PEACE OF 1762-1763

        I. The Duke of Bedford to the Earl of Egremont

        Fontainebleau, 3 November 1762

        It is done. The French court gives up all Canada, and Spain yields Florida.

        IV. A Saxon secretary to a correspondent in Dresden

        Hubertusburg, 15 February 1763

        Peace between Prussia, Austria and Saxony was signed at the Hubertusburg hunting lodge today.

        V. A member of Parliament to a friend

        London, 9 April 1763

        Lord Bute resigned the Treasury yesterday, to the surprise of nearly everyone.
        """,
    )
    whens = {c.when for c in generate([article], keep_all=True).cards}
    assert {"1763-02-15", "1763-04-08"} <= whens, whens
    assert not whens & {"1762-11-02"}, whens  # counted from the first letter: wrong


def test_a_fast_facts_timeline_names_whom_its_entries_are_about(tmp_path: Path) -> None:
    article = write(
        tmp_path,
        "fast.txt",
        """
        # Simón Bolívar Fast Facts

        Here is a look at the life of Simón Bolívar, who led much of South America to independence.

        ## Timeline

        1810 - Travels to London on a diplomatic mission for the junta in Caracas.

        June 24, 1821 - Wins the Battle of Carabobo, securing Venezuela's independence.

        July 26, 1822 - Meets the Argentine general José de San Martín in Guayaquil.

        November 25-26, 1820 - Envoys led by Antonio José de Sucre sign an armistice at Trujillo.

        1842 - His remains are moved to Caracas.
        """,
    )
    fronts = [c.front for c in generate([article], keep_all=True).cards]
    assert "{{c1::1810}} - [Simón Bolívar] Travels to London" in " ".join(fronts), fronts
    assert any(f.startswith("{{c1::1842}} - His [Simón Bolívar] remains") for f in fronts), fronts
    # the entry's own date stays on a card that asks its person
    assert any(
        f.startswith("July 26, 1822 - [Simón Bolívar] Meets the Argentine general {{c1::José")
        for f in fronts
    ), fronts
    # "Envoys led by": a plural and its verb, not a bare entry; the range is whole
    assert any(f.startswith("{{c1::November 25-26, 1820}} - Envoys led by") for f in fronts), fronts


def test_an_old_newspaper_counts_inst_ult_and_its_dispatches_from_their_own_days(
    tmp_path: Path,
) -> None:
    article = write(
        tmp_path,
        "paper.txt",
        """
        THE MORNING HERALD.

        No. 812.     LONDON, TUESDAY, MARCH 14, 1854.     PRICE FOURPENCE.

        BY ELECTRIC TELEGRAPH.

        VIENNA, March 13, Evening.

        The Treaty of Vienna was signed here this afternoon by Count Buol and Baron Hess.

        News of yesterday's signature of the Treaty of Vienna reached London too late. The Treaty
        of Vienna confirms the Olmutz Convention of the 28th ult., under which the Austrian
        troops had halted on the Danube since the 2nd inst.

        SALES BY AUCTION. Messrs. KEMP will sell, at the Mart, on the 20th inst., a house.
        """,
    )
    cards = generate([article], keep_all=True).cards
    by_when = {c.when: c for c in cards if c.kind == "date"}
    # the masthead is the paper's day, no fact
    assert "1854-03-14" not in by_when
    (signed,) = [c for c in cards if c.when == "1854-03-13" and c.kind == "date"]
    assert signed.sure and "signed here on" in signed.front  # the dispatch's "this afternoon"
    assert "1854-03-12" not in by_when  # not a day before the dispatch's own day
    assert by_when["1854-02-28"].sure and "the 28th ult." in by_when["1854-02-28"].note
    assert by_when["1854-03-02"].sure
    assert not by_when["1854-03-20"].sure  # an auction to come: the page's own business


def test_a_quizs_answers_in_capitals_name_treaties_and_a_year_tells_which_treaty(
    tmp_path: Path,
) -> None:
    article = write(
        tmp_path,
        "quiz.txt",
        """
        Round 3: Treaties

        1. Which 1842 treaty settled the Maine border?
        Answer: the WEBSTER--ASHBURTON TREATY. Signed in Washington on 9 August 1842.

        2. Which parallel did the Oregon Treaty choose?
        Answer: the 49TH PARALLEL.

        3. What do Americans call the deal with Mexico?
        Answer: the GADSDEN PURCHASE. The treaty was signed in Mexico City on 30 December 1853 by
        the American minister James Gadsden.
        """,
    )
    cards = generate([article]).cards
    fronts = " ".join(c.front for c in cards)
    assert "{{c1::WEBSTER-ASHBURTON TREATY}}" in fronts
    assert "{{c1::GADSDEN PURCHASE}}" in fronts
    signed = [c for c in cards if c.when == "1842-08-09"]
    assert signed and "WEBSTER-ASHBURTON" in signed[0].front  # "Signed in ..." leans on it
    assert "[Oregon Treaty]" not in fronts  # the 1853 treaty is not the one named before
    # a telegram's capitals are no names
    cable = write(tmp_path, "cable.txt", "UNCLAS STATE TREATY ENTERED INTO FORCE TODAY.\n")
    assert not [c for c in generate([cable], keep_all=True).cards if c.kind == "treaty"]


def test_a_subtitle_file_is_read_as_running_text_numbered_by_its_cues(tmp_path: Path) -> None:
    srt = write(
        tmp_path,
        "film.srt.txt",
        """
        1
        00:00:01,000 --> 00:00:04,500
        [music]

        2
        00:00:05,200 --> 00:00:09,100
        On the 28th of November 1918, the Red Army

        3
        00:00:09,100 --> 00:00:12,600
        attacked the border town of Narva.

        4
        00:00:13,400 --> 00:00:17,800
        MARGIT LEPP: The Estonian delegation was led
        by Jaan Poska, a lawyer and the former mayor of Tallinn.
        """,
    )
    cards = generate([srt]).cards
    attack = next(c for c in cards if c.when == "1918-11-28")
    assert attack.front == (
        "On the {{c1::28th of November 1918}}, the Red Army attacked the border town of Narva."
    )
    assert attack.source == "film.srt.txt ¶2"  # the cue it starts at
    poska = next(c for c in cards if "{{c1::Jaan Poska}}" in c.front)
    assert "-->" not in poska.front and "[music]" not in poska.front
    assert not any("00:0" in c.front for c in cards)


def test_a_scanned_books_pages_read_whole(tmp_path: Path) -> None:
    scan = write(
        tmp_path,
        "scan.txt",
        """
        186                 A SCHOOL HISTORY OF ENGLAND

        WILLIAM III. AND THE WAR WITH FRANCE.

        1. The New King.--When William, Prince of Orange, land-
        ed at Torbay on November 5, 1688, he came to bring Eng-
        land into the long struggle against Louis XIV.

                         WILLIAM III. AND THE WAR WITH FRANCE       187

        2. La Hogue.--Louis now prepared a great fleet; but in May, 1692,
        the English and Dutch ships under Admiral Russell met the French
        off Cape La Hogue and utterly destroyed their fleet.
        """,
    )
    cards = generate([scan]).cards
    landed = next(c for c in cards if c.when == "1688-11-05")
    # the word broken at the line's end made whole; the side heading and the page's
    # running head are no part of the sentence
    assert landed.front.startswith("When William, Prince of Orange, landed at Torbay on")
    assert next(c for c in cards if c.when == "1692-05")  # "May, 1692": a month, not a year
    fronts = " ".join(c.front for c in cards)
    assert "SCHOOL HISTORY" not in fronts and "187" not in fronts and "land- ed" not in fronts
    assert "{{c1::La Hogue}}" not in fronts  # a side heading names no person


def test_a_list_under_a_lead_in_and_the_sentences_own_clauses_give_context(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "madrid.md",
        """
        # Treaty of Madrid

        **Treaty of Madrid** may refer to:

        - **Treaty of Madrid (1526)**, signed on 14 January 1526 – Francis I of France gave up his claims in Italy to the Emperor Charles V; once released he declared the promise void
        - **Treaty of Madrid (1630)**, signed on 15 November 1630 – peace between Charles I of England and Philip IV of Spain; Francis Cottington negotiated it for England
        - **Treaty of Madrid (1667)**, May 1667 – a commercial treaty, sometimes called the Earl of Sandwich's Treaty, that gave English merchants privileges in Spanish ports
        """,
    )
    cards = generate([page], keep_all=True).cards
    cottington = next(c for c in cards if "{{c1::Francis Cottington}}" in c.front)
    # its own entry says which treaty; the entry above is another treaty's
    assert cottington.front.startswith("Treaty of Madrid (1630)")
    assert "1526" not in cottington.front
    sandwich = next(c for c in cards if "Sandwich" in c.front and c.kind == "treaty" and c.sure)
    assert "{{c1::Earl of Sandwich's Treaty}}" in sandwich.front
    assert "1630" not in sandwich.front


def test_a_blog_posts_front_matter_and_a_story_told_in_the_present(tmp_path: Path) -> None:
    post = write(
        tmp_path,
        "post.md",
        """
        ---
        title: "The oldest alliance, told in the present tense"
        date: 2025-05-09
        author: Rosa Carter
        tags: [portugal, england]
        ---

        Every year I re-read the same story.

        ## A kingdom without a king

        It is the autumn of 1383 and King Ferdinand of Portugal is dead. In the spring of 1385
        the Cortes meet at Coimbra, and on 6 April they acclaim the Master of Aviz as King John I.
        Castile answers with an invasion.
        """,
    )
    cards = generate([post]).cards
    fronts = " ".join(c.front for c in cards)
    assert "tags" not in fronts and "2025" not in fronts and "---" not in fronts
    autumn = next(c for c in cards if c.when == "1383")
    # "it" of a time stands for nothing; the section above is another thing
    assert autumn.front.startswith("It is the autumn of {{c1::1383}}")
    assert "{{c1::John I}}" in fronts and "John I. Castile" not in fronts


def test_a_lesson_plans_own_business_is_left_out(tmp_path: Path) -> None:
    plan = write(
        tmp_path,
        "plan.md",
        """
        # Lesson plan: Belgium, 1830-1914

        **Class:** Year 9 History · **Room:** H4 · **Lesson:** 3 of 6 in the unit "Why did Britain go to war in 1914?"

        ## Main activity

        - A provisional government declared Belgium independent on 4 October 1830.

        ## Key dates for the board

        - 1839 – Treaty of London (19 April)

        ## Homework due Monday 17 March

        One paragraph: "The Treaty of London was the main reason Britain went to war in 1914."
        """,
    )
    cards = generate([plan], keep_all=True).cards
    # the unit's title, the lesson's and the homework's dates are the class's business
    assert not any(c.when.startswith("1914") or "March" in c.front for c in cards)
    assert "1830-10-04" in {c.when for c in cards if c.sure}
    board = next(c for c in cards if "{{c1::19 April}}" in c.front)
    assert board.when == "1839-04-19"  # the entry's year is the day's
    assert not any("without a year" in d for d in board.doubts)


def test_a_spun_treaty_called_an_arrangement_and_a_decade_as_a_frame(tmp_path: Path) -> None:
    spun = write(
        tmp_path,
        "spun.txt",
        """
        The Gathering of Arras of 1435 is regularly known as the earliest concord gathering of
        Europe. For sixteen years England and Burgundy had been partners within the Hundred Years'
        Fight, and minus Burgundy the English grip might not endure for lengthy.

        By the 1430s Philip was weary of the fight. On 21 September 1435 the Arrangement of Arras
        was marked among Sovereign Charles VII and Philip the Good. The penalties got here rapidly.
        """,
    )
    cards = generate([spun]).cards
    fronts = " ".join(c.front for c in cards)
    assert "{{c1::Treaty of Arras}}" in fronts and "Congress of Arras" in fronts
    assert "the Treaty of Arras was signed among King Charles VII" in fronts
    assert not any(c.when == "1430/1439" for c in cards)  # "By the 1430s Philip was weary"


def test_a_spun_bargain_potentate_and_exterior_secretary_are_read_as_meant(
    tmp_path: Path,
) -> None:
    spun = write(
        tmp_path,
        "spun.txt",
        """
        Harmony talks opened in London in December 1912, chaired via the British exterior
        secretary Sir Edward Grey. The Bargain of London, endorsed on 30 Might 1913, gave the
        allies most Ottoman land in Europe. At the orders of Potentate Ferdinand of Bulgaria and
        Normal Mikhail Savov, Bulgarian troops assaulted their allies, and the Subsequent Balkan
        Combat began. The Bargain of Bucharest was endorsed on 10 August 1913.
        """,
    )
    cards = generate([spun]).cards
    fronts = " ".join(c.front for c in cards)
    treaties = {
        c.front.split("{{c1::")[1].split("}}")[0]: c.when for c in cards if c.kind == "treaty"
    }
    assert treaties == {"Treaty of London": "1913-05-30", "Treaty of Bucharest": "1913-08-10"}
    assert "the British foreign secretary Sir {{c1::Edward Grey}}" in fronts
    # a ruler's single name with the country is a regnal name said in full, and sure
    assert "King {{c1::Ferdinand}} of Bulgaria" in fronts
    assert "General {{c1::Mikhail Savov}}" in fronts and "Second Balkan War" in fronts


def test_older_prose_names_a_treaty_in_lower_case(tmp_path: Path) -> None:
    entry = write(
        tmp_path,
        "entry.txt",
        """
        Shere Ali flees, and dies at Mazar-i-Sherif, Feb. 21, 1879. Yakoob Khan sues for peace:
        treaty of Gundamuk, signed by Yakoob Khan and Major Cavagnari, May 26, 1879. The envoys
        then agreed a treaty of friendship, and the treaty of Commerce followed.
        """,
    )
    named = [c for c in generate([entry]).cards if c.kind == "treaty"]
    assert [c.front.split("{{c1::")[1].split("}}")[0] for c in named] == ["treaty of Gundamuk"]
    assert named[0].when == "1879-05-26"


def test_an_awards_own_proceedings_are_no_history(tmp_path: Path) -> None:
    award = write(
        tmp_path,
        "award.txt",
        """
        [2] Bolivia opened a customs post at Puerto Alonso in 1899. On 14 July 1899 Luis Gálvez
        proclaimed an independent state, and Brazil removed him in March 1900.

        [3] By the Treaty of Ayacucho of 27 March 1867 Brazil recognised Acre as Bolivian. In 1901
        Bolivia leased Acre to the Bolivian Syndicate. In August 1902 the settlers rose, and in
        January 1903 the Bolivian garrison surrendered.

        [4] Rio Branco bought out the Syndicate in February 1903. The Treaty of Petrópolis was
        signed on 17 November 1903. The railway was completed in 1912.

        [9] The hearing took place on 3, 4 and 5 June 2024. The Tribunal deliberated in July and
        August 2024 and now renders its Award.

        Done at The Hague, 14 October 2024.
        """,
    )
    dated = {c.when for c in generate([award]).cards if c.kind == "date"}
    assert "1903-11-17" in dated and not any(w.startswith("2024") for w in dated)
