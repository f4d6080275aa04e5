"""Who "he", "she" and "the count" mean: named on the card only where the text is certain."""

from __future__ import annotations

import textwrap
from pathlib import Path

from trainer.generate import generate
from trainer.generate.referents import Referents, name_who


def read_all(
    sentences: list[str], people: list[str], names: frozenset[str] = frozenset()
) -> list[tuple[tuple[str, str], ...]]:
    """What each sentence's "he" and titles mean; ``names``: written capitalised mid-sentence."""
    referents = Referents(names=names | {w for p in people for w in p.split()})
    return [referents.read(s, people) for s in sentences]


def test_the_subject_and_the_title_name_he_and_the_count() -> None:
    people = ["Camillo Benso", "Victor Emmanuel II", "Napoleon III"]
    who = read_all(
        [
            "Camillo Benso, Count of Cavour, was born in Turin on 10 August 1810.",
            "A younger son of an old family, the count trained as an engineer.",
            "He founded a newspaper in 1847.",
            "In 1852 he proclaimed himself Emperor Napoleon III.",
            "The emperor outlived him by almost twelve years.",
            "He surrendered at Sedan on 2 September 1870.",
            "That summer the count travelled to Plombieres.",
        ],
        people,
    )
    assert dict(who[1])["count"] == "Camillo Benso"
    assert dict(who[2])["he"] == "Camillo Benso"
    assert dict(who[5])["he"] == "Napoleon III"
    assert dict(who[6]) == {"he": "Camillo Benso", "him": "Camillo Benso", "count": "Camillo Benso"}


def test_he_after_two_people_or_an_unknown_name_means_no_one_certain() -> None:
    # "He" after a sentence naming two people may be either
    who = read_all(
        [
            "President Washington gave the command to Anthony Wayne.",
            "He spent two years drilling a new force.",
        ],
        ["Anthony Wayne"],
    )
    assert "he" not in dict(who[1])
    # a name the generator has not met as a person (written capitalised mid-sentence
    # elsewhere) opens the sentence
    who = read_all(
        [
            "The painter Joseph Turner filled sketchbooks in the Louvre.",
            "But Napoleon did not keep still.",
            "In August 1802 he was made First Consul for life.",
        ],
        ["Joseph Turner"],
        frozenset({"Napoleon"}),
    )
    assert "he" not in dict(who[2]), who
    # a ship is "she"; the captain named after "was" is not the subject
    who = read_all(
        ["Her captain was Edward Smith.", "At 11:40 pm she hit an iceberg."], ["Edward Smith"]
    )
    assert "she" not in dict(who[1])
    # a transcript's speaker is not whom "she" means
    who = read_all(
        [
            "Deputy Aoife Brennan asked about the centenary.",
            "Minister (Deputy Tom Feeney): I thank the Deputy.",
            "As she knows, the Treaty was signed in London.",
        ],
        ["Aoife Brennan", "Tom Feeney"],
    )
    assert "she" not in dict(who[2])
    # a "she" after a man is someone else
    who = read_all(["King Haakon IV sailed south.", "She waited at Bergen."], ["Haakon IV"])
    assert "she" not in dict(who[1])


def test_a_name_goes_after_the_word_not_into_the_gap_and_not_where_it_shows() -> None:
    who = (("he", "Camillo Benso"), ("emperor", "Napoleon III"))
    text = "There, on 21 July 1858, he and the emperor drove out alone."
    gap = (text.index("21"), text.index("1858") + 4)
    assert name_who(text, gap, who) == (
        "There, on 21 July 1858, he [Camillo Benso] and the emperor [Napoleon III] drove out alone."
    )
    # the answer is the person: naming "he" would give it away
    text = "On that day Camillo Benso said he would resign."
    assert name_who(text, (12, 25), who) == text
    # named already, or quoted
    assert name_who("Benso said he was tired.", (0, 0), who) == "Benso said he was tired."
    quoted = 'The papers wrote: "He has gone too far."'
    assert name_who(quoted, (0, 0), who) == quoted
    # another person's name before "he": which of them, only the reader decides
    text = "He met Franz Joseph at Villafranca."
    assert name_who(text, (0, 0), who) == "He [Camillo Benso] met Franz Joseph at Villafranca."
    text = "Franz Joseph met him, and he agreed."
    assert name_who(text, (0, 0), who) == text


def test_a_joint_biographys_cards_name_whom_he_and_the_emperor_mean(tmp_path: Path) -> None:
    article = tmp_path / "two.txt"
    article.write_text(
        textwrap.dedent(
            """
            Camillo Benso, Count of Cavour, was born in Turin on 10 August 1810. A younger son of an old noble family, the count trained as an army engineer. He founded a newspaper in 1847 and became prime minister of Sardinia on 4 November 1852.

            Louis-Napoleon Bonaparte, nephew of the first Napoleon, was born in Paris on 20 April 1808. On 2 December 1852 he proclaimed himself Emperor Napoleon III.

            The emperor outlived him by almost twelve years. He surrendered with his army to the Prussians at Sedan on 2 September 1870 and died in England on 9 January 1873.
            """
        ).strip()
        + "\n",
        encoding="utf-8",
    )
    cards = generate([article], keep_all=True).cards
    fronts = {c.when: c.front for c in cards}
    # the sentence a draft came from is the article's own, without the name added
    assert not [c.draft for c in cards if "[" in c.draft]
    assert "He [Camillo Benso] founded a newspaper in {{c1::1847}}" in fronts["1847"], fronts
    assert "He [Napoleon III] surrendered with his army" in fronts["1870-09-02"], fronts
    assert "[" not in fronts["1808-04-20"]  # the sentence names him itself


def test_a_name_two_people_share_means_no_one_and_a_fuller_name_is_the_same_person() -> None:
    # "Marie Curie" and "Marie Skłodowska Curie" are one person: "Marie" is she
    who = read_all(
        [
            "Marie Skłodowska Curie was born in Warsaw.",
            "Pierre Curie was killed in a street accident in 1906.",
            "Marie took over his post at the Sorbonne.",
            "In 1911 she won a second Nobel Prize.",
        ],
        ["Marie Skłodowska Curie", "Marie Curie", "Pierre Curie"],
    )
    assert dict(who[3])["she"] == "Marie Curie"
    # "Aliyev" with two Aliyevs: the "he" after it is no one certain, not the one before
    who = read_all(
        [
            "Vagif Mustafayev met the press.",
            "Aliyev spoke first.",
            "He said the talks would go on.",
        ],
        ["Vagif Mustafayev", "Heydar Aliyev", "Ilham Aliyev"],
    )
    assert "he" not in dict(who[2]), who


def test_him_is_named_on_the_card_as_he_is() -> None:
    text = "Parliament elected him president on 29 December 1989."
    gap = (text.index("29"), text.index("1989") + 4)
    assert name_who(text, gap, (("him", "Vaclav Havel"),)) == (
        "Parliament elected him [Vaclav Havel] president on 29 December 1989."
    )
