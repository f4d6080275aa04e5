"""People, treaties and dated events from short texts the tests write: other subjects, other styles."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from trainer.generate import generate
from trainer.generate.clarity import notice_doubt
from trainer.generate.extract import Fact, extract
from trainer.generate.text import parse_article


def facts_of(text: str, name: str = "t.txt") -> list[Fact]:
    return extract(parse_article(textwrap.dedent(text).strip(), name))


def kinds(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


def _fronts(tmp_path: Path, name: str, text: str, keep_all: bool = False) -> dict[str, str]:
    """The cards generate draws from ``text`` saved as ``name``: front by date."""
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    return {c.when: c.front for c in generate([article], keep_all=keep_all).cards}


def people(text: str) -> dict[str, str]:
    return {f.title: f.detail for f in kinds(facts_of(text), "person")}


def test_people_with_roles_in_several_styles() -> None:
    found = people(
        """
        German Chancellor Olaf Scholz hosted talks in Berlin on Monday. Angela Merkel, the former
        chancellor of Germany, did not attend. French President Emmanuel Macron arrived late.

        Macron later praised the host. Poland's foreign minister, Radoslaw Sikorski, called the
        meeting useful. Marie Curie would have approved.
        """
    )
    assert found["Olaf Scholz"] == "Chancellor of Germany"
    assert found["Angela Merkel"] == "Former Chancellor of Germany"
    assert found["Emmanuel Macron"] == "President of France"
    assert found["Radoslaw Sikorski"] == "Foreign Minister of Poland"
    assert "Marie Curie" in found
    assert not {"Berlin", "Monday", "Chancellor Olaf"} & set(found)


def test_places_and_organisations_are_not_people() -> None:
    found = people(
        """
        Delegates flew from New York and Buenos Aires to Abu Dhabi. The European Union and the
        World Health Organization sent observers to the Black Sea region and the South Caucasus.
        The Red Cross and Amnesty International Review followed. The Nobel Prize went elsewhere.
        """
    )
    assert found == {}


def test_same_surname_told_apart_and_joined() -> None:
    found = people(
        """
        Prime Minister Indira Gandhi led India for years. Her son Rajiv Gandhi, a pilot, became
        prime minister later. Gandhi's government fell in 1977.
        """
    )
    assert found["Indira Gandhi"] == "Prime Minister"
    assert "Rajiv Gandhi" in found
    assert "Gandhi" not in found


def test_author_from_a_disclosure_line_and_byline() -> None:
    article = parse_article(
        "By Jane Hollis\n\nThe river flooded in 1953.\n\nJane Hollis does not work for, consult, own shares in "
        "or receive funding from any company.\n",
        "flood.md",
    )
    assert article.authors == ["Jane Hollis", "Jane Hollis"]
    found = {f.title: f.detail for f in kinds(extract(article), "person")}
    assert found["Jane Hollis"].startswith("Author")
    assert all("does not work for" not in p.text for p in article.paragraphs)


def test_named_and_described_agreements() -> None:
    treaties = kinds(
        facts_of(
            """
            The Treaty of Versailles ended the war in 1919. Later the North Atlantic Treaty Organization
            (NATO) was founded, and in 2015 nearly every country joined the Paris Agreement.

            In 1979 Egypt and Israel signed a peace treaty brokered by the United States. A ceasefire
            brokered by Qatar held for a week. Canada and Mexico agreed a trade deal in 2018.
            """
        ),
        "treaty",
    )
    titles = {t.title: t for t in treaties}
    assert "Treaty of Versailles" in titles and titles["Treaty of Versailles"].when == "1919"
    assert titles["North Atlantic Treaty Organization"].acronym == "NATO"
    assert "Paris Agreement" in titles
    peace = next(t for t in treaties if "peace" in t.title)
    assert (
        set(peace.parties) == {"Egypt", "Israel"}
        and peace.broker == "United States"
        and peace.when == "1979"
    )
    ceasefire = next(t for t in treaties if t.detail == "ceasefire")
    assert ceasefire.broker == "Qatar"
    trade = next(t for t in treaties if "trade" in t.title)
    assert set(trade.parties) == {"Canada", "Mexico"} and trade.when == "2018"


def test_dated_events_are_described_without_the_date() -> None:
    dates = {
        f.when: f.title
        for f in kinds(
            facts_of(
                """
                In 1953, after months of planning, the expedition reached the summit. The bridge, which
                opened in 1937, still carries traffic. Things changed when the dam was completed in 1964.
                """
            ),
            "date",
        )
    }
    assert dates["1953"] == "The expedition reached the summit"
    assert dates["1937"] == "The bridge opened"
    assert dates["1964"] == "The dam was completed"


def test_a_spun_text_gives_the_facts_of_the_original() -> None:
    spun = """
        Below President Tom Reyes, who got here to energy in Could 2010, the nation modified. The
        Second Gulf Battle ended in opposition to all expectations, and the Suez hall reopened.
        Nonetheless, the place commerce grew, a long time of battle ended.

        Additional Studying on the subject
        """
    facts = facts_of(spun)
    dates = {f.when: f.title for f in kinds(facts, "date")}
    assert "2010-05" in dates and "came to power" in dates["2010-05"]
    people_found = {f.title: f.detail for f in kinds(facts, "person")}
    assert people_found["Tom Reyes"] == "President"
    article = parse_article(textwrap.dedent(spun).strip(), "spun.txt")
    assert (
        article.spun
        and "Gulf War" in article.paragraphs[0].text
        and "Suez corridor" in article.paragraphs[0].text
    )
    assert len(article.paragraphs) == 1  # the further-reading line is left out


def test_an_unspun_text_is_left_alone() -> None:
    text = "The dog could 2018 metres? No: under President Kay, the hall was full and earlier than planned."
    article = parse_article(text, "plain.txt")
    assert not article.spun and article.paragraphs[0].text == text


def test_markdown_and_hard_wrapped_paragraphs() -> None:
    article = parse_article(
        "# The **Great** Flood\n\nThe river rose in\nMarch 1953 and\nflooded the [town](http://x.y).\n\n"
        "* a list item about 1960.\n\nRead more: another story\nSign up to our newsletter for updates.\n",
        "flood.md",
    )
    texts = [p.text for p in article.paragraphs]
    assert texts[0] == "The Great Flood" and article.paragraphs[0].heading
    assert texts[1] == "The river rose in March 1953 and flooded the town."
    assert texts[2] == "a list item about 1960."
    assert len(texts) == 3
    # a list item carried on in lines indented under its text is one item
    items = _paragraphs(
        "Indicative content\n- The armies landed in September and beat the\n"
        "  Russians at the Alma on 20 September 1854.\n- Inkerman followed on\n"
        "  5 November 1854.\n\nNotes\n\n  An indented paragraph stays its own.\n"
    )
    assert [t for _, t in items][1:3] == [
        "The armies landed in September and beat the Russians at the Alma on 20 September 1854.",
        "Inkerman followed on 5 November 1854.",
    ], items
    assert items[-1] == (False, "An indented paragraph stays its own."), items


def test_curly_quotes_dashes_and_spaces() -> None:
    facts = facts_of(
        "The war \u2013 fought 1914\u20131918 \u2013 changed the map.\u00a0\u201cNever again,\u201d they said."
    )
    assert [f.when for f in kinds(facts, "date")] == ["1914/1918"]


def test_ranks_offices_and_rulers_are_roles_and_a_title_is_no_part_of_the_name() -> None:
    found = people(
        """
        In July 1853 Commodore Matthew Perry sailed into Edo Bay.

        Field Marshal Pyotr Rumyantsev won at Kagul.

        Charles Brandon, Duke of Suffolk, married her in Paris.

        Samuel Pepys, Clerk of the Acts to the Navy Board, kept a diary.

        Less than a year after the Minister of Foreign Affairs, Lloyd Axworthy, spoke in
        Ottawa, the ban was signed.

        On 8 April the French ambassador in London, Paul Cambon, signed the agreements.

        The American side was headed by Whitelaw Reid, who had edited a newspaper.

        Peace was imposed on Frederick William III of Prussia.

        The treaty was signed by Prince Qing for China.

        The Turkish delegation was headed by İsmet İnönü.
        """
    )
    assert found["Matthew Perry"] == "Commodore"
    assert found["Pyotr Rumyantsev"] == "Field Marshal"
    assert found["Charles Brandon"] == "Duke"
    assert found["Samuel Pepys"] == "Clerk"
    assert found["Lloyd Axworthy"] == "Minister"
    assert found["Paul Cambon"] == "Ambassador of France"
    assert found["Whitelaw Reid"] == "Head of The American side"
    assert found["Frederick William III"] == "Ruler of Prussia"
    assert "Prince Qing" in found  # a title before one word stays: it is how he is known
    assert found["İsmet İnönü"].startswith("Head of")
    assert not {"Commodore Matthew Perry", "Field Marshal Pyotr Rumyantsev", "Marshal Pyotr"} & set(
        found
    )


def test_a_reference_lists_entry_gives_no_role() -> None:
    found = people(
        """
        Literature: H. H. Rowen, John de Witt, Grand Pensionary of Holland (1978).
        """
    )
    assert found.get("John de Witt", "") == ""


def test_roles_said_other_ways() -> None:
    found = people(
        """
        Its chief engineer was Alois Negrelli, and the Egyptian ruler Said Pasha granted the concession.
        Years later Gamal Abdel Nasser took power in Egypt.
        """
    )
    assert found["Alois Negrelli"] == "Chief Engineer"
    assert found["Said Pasha"] == "Ruler of Egypt"
    assert found["Gamal Abdel Nasser"] == "Leader of Egypt"


def test_a_site_menu_with_wide_gaps_is_read_without_a_crash() -> None:
    # a news site's menu line ("Subscribe   Log in   e-Edition") once crashed the
    # name finder: the words it kept were looked for with single spaces
    found = people(
        """
        Skip to main content
        Home | News | Alaska | Politics | Business | History | Opinion | Weather
        Subscribe   Log in   e-Edition

        HISTORY

        150 years ago, a deal struck before dawn made Alaska American

        On 30 March 1867 Secretary of State William H. Seward signed the treaty.
        """
    )
    assert any("Seward" in name for name in found), found


def test_a_pages_own_dates_and_its_reading_list_are_no_facts() -> None:
    found = kinds(
        facts_of(
            """
            Published 30 March 2017, 6:00 a.m. | Updated 31 March 2017, 9:14 a.m.

            On 30 March 1867 Secretary of State William H. Seward signed the treaty
            that sold Russian America to the United States.

            Correction, 31 March 2017: an earlier version gave the wrong vote.

            ### Required reading (read before your seminar)

            1. Zara Steiner, *The Lights that Failed* (Oxford University Press, 2005).

            ### Seminar

            On 18 October 1867 the flag was lowered at Sitka.
            """
        ),
        "date",
    )
    years = sorted(f.when[:4] for f in found)
    assert years == ["1867", "1867"], [f.when for f in found]


def test_publishing_lines_run_into_a_byline_or_breadcrumb_are_no_facts() -> None:
    found = kinds(
        facts_of(
            """
            By Dana Whitcomb, staff writer
            Published 30 March 2017, 6:00 a.m. | Updated 31 March 2017, 9:14 a.m.

            Naval History Circle · Resources › FAQs · Last reviewed 3 May 2025

            [Photo: the warrant that paid for it.] Photo: National Archives handout

            On 30 March 1867 Secretary of State William H. Seward signed the treaty
            that sold Russian America to the United States.
            """
        ),
        "date",
    )
    assert [f.when for f in found] == ["1867-03-30"]
    (fact,) = found
    assert fact.evidence is not None and "Photo" not in fact.evidence.before


def test_a_year_less_date_after_an_old_event_is_not_dated_from_the_page() -> None:
    found = kinds(
        facts_of(
            """
            LONDON, 8 April 2024 -- It is 120 years since the Entente Cordiale.

            Britain and France signed the agreement on 8 April 1904.

            Germany soon tried to pull the two apart. Less than a year later, on 31
            March, Kaiser Wilhelm II landed at Tangier.
            """
        ),
        "date",
    )
    tangier = [f for f in found if f.evidence and "Tangier" in f.evidence.sentence]
    assert [f.when for f in tangier] == [""], [f.when for f in found]
    assert tangier[0].evidence is not None and tangier[0].evidence.answer == "31 March"


def test_the_dates_of_a_history_pages_own_business_are_unsure() -> None:
    found = kinds(
        facts_of(
            """
            Exhibition · 14 March to 27 September 2026 · Level 2, East Galleries

            Curator's talk: Saturday 9 May 2026 at 14:00, Lecture Theatre.

            In 1791 the Academy of Sciences chose a new unit of length. Delambre and
            Méchain measured the meridian from Dunkirk to Barcelona from 1792. The
            metre was made law in France on 10 December 1799. Napoleon suspended
            it in 1812, and the law of 4 July 1837 made it compulsory from 1840. The
            Metre Convention was signed in Paris on 20 May 1875.

            A new display opens in 2026 in the East Galleries.
            """
        ),
        "date",
    )
    sure = sorted(f.when[:4] for f in found if f.sure)
    unsure = sorted(f.when[:4] for f in found if not f.sure)
    assert sure == ["1791", "1792", "1799", "1812", "1837", "1840", "1875"], (sure, unsure)
    assert unsure == ["2026", "2026"]  # the talk and the display (the run is a heading)
    # a news story about its own days keeps them: no history set apart by decades
    news = kinds(
        facts_of(
            """
            GENEVA, 4 May 2026 -- The talks opened on Tuesday 28 April at 10:00. Delegates
            met again on 30 April 2026 and agreed a text on Saturday 2 May 2026.
            """
        ),
        "date",
    )
    assert news and all(f.sure for f in news), [(f.when, f.doubts) for f in news]


def test_a_citations_pages_end_no_sentence_and_a_revised_line_is_the_pages_own() -> None:
    facts = facts_of(
        """
        By the Imperial Conference of 1921 Canada was pressing London to drop the alliance (Laird 2011, pp. 150-53). The Four-Power Treaty was signed at Washington on 13 December 1921.

        Sources and corrections: please use the contact form. Page revised 3 March 2024.
        """
    )
    dates = {f.when: f for f in kinds(facts, "date")}
    assert "2011" not in dates and "2024-03-03" not in dates, dates
    treaty = dates["1921-12-13"].evidence
    assert treaty is not None and treaty.sentence.startswith("The Four-Power Treaty"), treaty


def test_a_treatys_place_keeps_its_small_words() -> None:
    facts = facts_of(
        "The Treaty of Medina del Campo (27 March 1489) promised a Spanish bride to the prince."
    )
    assert [f.title for f in kinds(facts, "treaty")] == ["Treaty of Medina del Campo"]


def test_a_words_translation_in_brackets_is_no_organisation_to_learn() -> None:
    found = kinds(
        facts_of("In Vienna the Hofkriegsrat (Court War Council) put Johann Palffy in charge."),
        "treaty",
    )
    assert [f.title for f in found] == ["Court War Council"]
    assert found[0].confidence < 0.7


def _sure_dates(text: str) -> dict[str, Fact]:
    """The dated facts the generator is sure of, by the words of their answer."""
    found = kinds(facts_of(text), "date")
    return {f.evidence.answer: f for f in found if f.sure and f.evidence is not None}


def test_a_chronicles_run_of_days_takes_the_one_year_that_keeps_it_in_order() -> None:
    dates = _sure_dates(
        """
        The fleet sailed from Plymouth, Nov. 3, 1807. It anchors off Lisbon, Feb. 9;
        lands the army, Mar. 14; and takes the citadel, May 2, 1808. See PORTUGAL and
        SPAIN. The garrison
        reported by despatch of June 5, 1808, that the rebels had been beaten on the 28th ult.
        """
    )
    # a pointer to another entry in small capitals is no part of what a card quotes
    assert not any("PORTUGAL" in f.evidence.before for f in dates.values() if f.evidence)
    assert dates["Feb. 9"].when == "1808-02-09"  # not 1807: the run is in order
    assert dates["Mar. 14"].when == "1808-03-14"
    assert dates["the 28th ult."].when == "1808-05-28"  # "ult." from the despatch's day
    assert "June 5, 1808" not in dates  # the day a report was sent, not an event
    # with two years possible the date keeps no year
    loose = kinds(
        facts_of(
            "Talks began on 2 March 1810. The envoys met again on Oct. 4; they signed on Jan. 9, 1812."
        ),
        "date",
    )
    assert [f.when for f in loose if f.evidence and f.evidence.answer == "Oct. 4"] == [""]


def test_a_correction_column_teaches_only_what_it_says_is_right() -> None:
    facts = facts_of(
        """
        Corrections and clarifications

        A feature on Monday about the Baltic ports said that the Treaty of Stolbovo was
        signed in 1615. It was signed on 27 February 1617. In Friday's obituary of the
        collector Anna Berg, we said her library was sold in 1988.
        """
    )
    sure = {f.when for f in kinds(facts, "date") if f.sure}
    assert sure == {"1617-02-27"}, sure
    assert not [f for f in kinds(facts, "person") if f.sure and f.title == "Anna Berg"]


def test_a_notice_with_an_hour_is_no_history_even_with_a_participle() -> None:
    dates = _sure_dates(
        """
        The canal opened in 1761 and the street was named in its honour that summer.

        Our next guided tour leaves the museum at 11 am on Saturday 4 May (free to members).
        """
    )
    assert set(dates) == {"1761"}, dates


def test_a_class_handouts_homework_is_no_history() -> None:
    dates = _sure_dates(
        """
        The Entente was signed on 8 April 1904.

        Past-paper question 2 (May 2018) is set for homework. Handout revised 1 March 2023.
        """
    )
    assert set(dates) == {"8 April 1904"}, dates


def test_a_number_opens_an_alliances_name() -> None:
    names = {
        f.title for f in kinds(facts_of("The Three Emperors' League was formed in 1873."), "treaty")
    }
    assert "Three Emperors' League" not in names  # not an alliance word: no change there
    names = {
        f.title for f in kinds(facts_of("The Four Powers' Alliance was signed in 1840."), "treaty")
    }
    assert "Four Powers' Alliance" in names, names


def test_print_paragraphs_an_index_and_a_wrapped_year_are_read_as_a_reader_would() -> None:
    text = (
        "GUILDS, the trading fellowships of the old towns; first chartered at York about\n"
        "1130 and at London soon after.\n\n"
        "  The weavers won a charter of their own in the reign of Henry II; their hall\n"
        "was burned in the riots of June 1381, and rebuilt in brick after\n"
        "1411. The mercers took the lead, Mar. 3, 1394.\n"
        "  The companies lost their monopoly by the act of 1835, though they kept their\n"
        "halls and their charities.\n\n"
        "Mercers, Company of (1394), 12-19: chartered by Richard II; see also\n"
        "    Weavers; Halls\n"
    )
    paragraphs = [p.text for p in parse_article(text, "t.txt").paragraphs]
    assert len(paragraphs) == 4, paragraphs  # an indented first line opens a paragraph
    assert "rebuilt in brick after 1411. The mercers" in paragraphs[1]  # "1411." is no list
    assert paragraphs[3].endswith("see also Weavers; Halls")  # a hanging indent goes on


def test_a_table_in_columns_is_read_a_row_at_a_time() -> None:
    text = textwrap.dedent(
        """
        KEY DATES
        YEAR   MONTH  DAY  EVENT
        -----  -----  ---  ------------------------------
        1648   Oct    24   Peace of Westphalia signed at
                           Osnabrück and Münster
        1659   Nov         Treaty of the Pyrenees
        1678   Jul-Aug     Peace talks at Nijmegen

        Learn these for the test.
        """
    ).strip()
    paragraphs = [p.text for p in parse_article(text, "t.txt").paragraphs]
    assert paragraphs[1:4] == [
        "24 Oct 1648 – Peace of Westphalia signed at Osnabrück and Münster.",
        "Nov 1659 – Treaty of the Pyrenees.",
        "Jul-Aug 1678 – Peace talks at Nijmegen.",
    ], paragraphs
    dates = {f.when for f in kinds(extract(parse_article(text, "t.txt")), "date")}
    assert {"1648-10-24", "1659-11", "1678-07/1678-08"} <= dates, dates


def test_what_a_novels_note_invents_and_an_index_points_to_is_no_fact() -> None:
    facts = facts_of(
        """
        The narrator, Tom Reeve, is invented, as is the ferryman Hal Tanner. The siege of
        Calais really began on 4 September 1346 under Edward III.

        Ports, English, 40-52; see also Calais, siege of 4 September 1346
        """
    )
    sure_people = {f.title for f in kinds(facts, "person") if f.sure}
    assert not {"Tom Reeve", "Hal Tanner"} & sure_people, sure_people
    sure = [f for f in kinds(facts, "date") if f.sure]
    assert [f.evidence.sentence[:13] for f in sure if f.evidence] == ["The siege of "], sure


def test_a_month_no_year_in_its_paragraph_places_is_unsure() -> None:
    facts = facts_of(
        """
        The treaty was signed in 1905.

        ## Why no war?

        A new cabinet took office in Oslo in August. The vote was held on 13 August 1905.
        """
    )
    august = [f for f in kinds(facts, "date") if f.evidence and f.evidence.answer == "August"]
    assert august and not august[0].sure, [(f.when, f.doubts) for f in kinds(facts, "date")]


def test_a_clause_that_opens_with_its_verb_keeps_its_subject(tmp_path: Path) -> None:
    article = tmp_path / "index.txt"
    article.write_text(
        "Kosciuszko, Tadeusz (1746-1817), 231-50: a veteran of the American war; led the\n"
        "    rising at Krakow on 24 March 1794; taken prisoner in October\n\n"
        "Praga, storm of (1794), 247: the suburb fell to Suvorov on 4 November 1794\n",
        encoding="utf-8",
    )
    fronts = {c.when: c.front for c in generate([article]).cards}
    assert fronts["1794-03-24"].startswith("Kosciuszko, Tadeusz"), fronts


def test_a_talk_page_teaches_the_history_not_its_signatures_or_edits() -> None:
    facts = facts_of(
        """
        Talk:Peace of Oliva

        This article has been rated as C-class on the project's quality scale.

        == Date of signing ==

        I have changed the date in the lead and the infobox from 3 May 1660 to 23 April 1660.
        Several "on this day" sites list the peace under 23 April. Ostsee1660 (talk) 21:47,
        2 March 2019 (UTC)

        :I've reverted this. The peace was signed at the abbey of Oliva on 3 May 1660, and
        the Treaty of Copenhagen was signed on 6 June 1660. Kestrel Quill (talk) 08:15, 3 March 2019 (UTC)
        """
    )
    sure = {f.when for f in facts if f.sure and f.kind in ("date", "treaty")}
    assert sure == {"1660-05-03", "1660-06-06"}, sure  # no signature's day, no edit's date
    sentences = " ".join(f.evidence.sentence for f in facts if f.evidence)
    assert "(talk)" not in sentences and "==" not in sentences and ":I've" not in sentences


def test_a_games_map_numbers_are_no_years_and_an_archive_extract_keeps_its_own_day() -> None:
    game = _sure_dates(
        """
        Turn 1 represents 05:30 on 1 March 1896. Arimondi sets up in hexes 1115-1216 and
        Ellena enters on hex 1020; Albertone sets up in hexes 1407-1610.
        """
    )
    assert set(game) == {"1 March 1896"}, set(game)
    column = facts_of(
        """
        FROM OUR ARCHIVES

        Monday 12 February 1979

        100 years ago: 12 February 1879

        The telegrams published this morning tell of a grave reverse. The column crossed the
        Buffalo River on the 11th ult., the day the ultimatum ran out.
        """
    )
    dated = {f.when for f in kinds(column, "date")}
    assert "1879-01-11" in dated and not any(w.startswith("1979-01") for w in dated), dated


def test_a_year_page_dates_its_entries_from_its_title_and_shows_it(tmp_path: Path) -> None:
    article = tmp_path / "year.md"
    article.write_text(
        "# 1713 in Great Britain\n\n## Events\n\n### April\n\n"
        "- Most of the Spanish Netherlands goes to Austria in the settlement.\n"
        "- 11 April – The Peace of Utrecht is signed by Britain and France.\n\n"
        "## Deaths\n\n- 7 May – Anne Example, a playwright of the Restoration (born 1650)\n",
        encoding="utf-8",
    )
    cards = {c.when: c.front for c in generate([article]).cards if c.kind == "date"}
    assert cards["1713-04-11"] == (
        "(1713 in Great Britain) {{c1::11 April}} - The Peace of Utrecht is signed by Britain "
        "and France."
    ), cards  # the year from the title, and the entry above is no context for it
    assert cards["1713-05-07"].startswith("(1713 in Great Britain) {{c1::7 May}}"), cards
    article.write_text(article.read_text(encoding="utf-8").replace("1713 in ", ""), "utf-8")
    untitled = {c.when for c in generate([article]).cards}
    assert not any(w.startswith("1713") for w in untitled), untitled  # no year, none taken


def test_setext_headings_and_a_treatys_dated_heading_are_read_as_a_reader_would() -> None:
    facts = facts_of(
        """
        The Peace of Westphalia
        =======================

        Part 2: The settlement (1648)
        -----------------------------

        The Peace of Münster, 30 January 1648

        - Spain recognised the independence of the Dutch Republic.
        """
    )
    sure = {f.when: f for f in kinds(facts, "date") if f.sure}
    assert set(sure) == {"1648-01-30"}, set(sure)  # a heading's bare year dates nothing
    evidence = sure["1648-01-30"].evidence
    assert evidence is not None and evidence.sentence == "The Peace of Münster, 30 January 1648"
    sentences = [f.evidence.sentence for f in facts if f.evidence]
    assert not any("---" in s or "===" in s for s in sentences), sentences


def test_a_whos_who_entry_gives_its_role_and_a_place_is_no_ones_first_name() -> None:
    found = people(
        """
        Who's who

        - Gustavus Adolphus – King of Sweden, the Protestant champion.
        - Axel Oxenstierna – Chancellor of Sweden from 1612.

        On 14 May 1610, at the abbey of Saint-Denis Marie was crowned queen.
        """
    )
    assert found.get("Gustavus Adolphus") == "King of Sweden", found
    assert found.get("Axel Oxenstierna", "").startswith("Chancellor"), found
    assert not any(name.startswith("Saint-") for name in found), found


def test_an_archive_extract_reads_yesterday_beside_an_old_date_and_an_opening_ult() -> None:
    dates = _sure_dates(
        """
        50 years ago: 9 July 1905

        The dispute over the fisheries, which began when the French landed at Port Royal on
        12 May 1880, was settled at noon yesterday. The cardinal, who was named seven years
        ago last week, said little.

        The brigade marched out on the 3rd ult. On the 14th ult. Lord Example rode forward
        with the guns.
        """
    )
    assert dates["yesterday"].when == "1905-07-08", sorted(dates)  # beside 1880: another day
    assert dates["12 May 1880"].when == "1880-05-12", sorted(dates)
    assert dates["seven years ago last week"].when == "1898", sorted(dates)
    assert dates["the 14th ult."].when == "1905-06-14", sorted(dates)
    evidence = dates["the 14th ult."].evidence
    assert evidence is not None and "Lord Example rode forward" in evidence.sentence


def test_a_ship_and_a_records_survey_are_no_facts_of_the_history() -> None:
    facts = facts_of(
        """
        Churchyard of St Example. Surveyed 3 and 17 June 1971 by members of the local group.
        Card checked against the printed lists, 4 May 1972.

        He commanded H.M.S. Example when her crew seized the ship on 2 May 1790. He died in 1812.
        """
    )
    dates = {f.when for f in kinds(facts, "date") if f.sure}
    assert dates == {"1790-05-02", "1812"}, dates  # the survey's days are the record's own
    assert not any("H.M.S." in f.title for f in kinds(facts, "person"))
    sentence = next(f.evidence.sentence for f in facts if f.when == "1790-05-02" and f.evidence)
    assert sentence.startswith("He commanded H.M.S. Example"), sentence


def test_a_long_sentence_is_not_cut_before_its_which(tmp_path: Path) -> None:
    fronts = _fronts(
        tmp_path,
        "quarrel.txt",
        "The long quarrel between the bishops of the northern dioceses and the crown, which "
        "began when the king's officers seized the abbey lands at Example on 4 March 1536, was "
        "brought to an end by a formal settlement on 9 June 1541 at the palace.\n",
        keep_all=True,
    )
    assert fronts["1541-06-09"].startswith("The long quarrel"), fronts  # what ended


def test_a_resolved_day_after_a_capital_on_is_not_on_on(tmp_path: Path) -> None:
    fronts = _fronts(
        tmp_path,
        "column.txt",
        "100 years ago: 9 July 1905\n\nThe brigade marched out of the town at dawn. On the "
        "14th ult. Lord Example rode forward with the guns towards the river crossing.\n",
    )
    assert "On {{c1::14 June 1905}} Lord" in fronts["1905-06-14"], fronts


def test_a_treaty_that_followed_on_a_day_takes_that_day() -> None:
    facts = facts_of(
        "The Peace of Roskilde was signed on 26 February 1658, and the Treaty of Example "
        "followed on 3 March 1658. The Treaty of Sample was followed by war in 1659."
    )
    dated = {t.title: t.when for t in kinds(facts, "treaty")}
    assert dated.get("Treaty of Example") == "1658-03-03", dated
    assert dated.get("Treaty of Sample") == "", dated  # the war's year, not the treaty's


def test_a_date_the_text_takes_back_is_not_taught() -> None:
    facts = facts_of(
        """
        The two kings renewed their alliance at the Diet of Example, which met in 1522,
        shortly before the treaty. The town of Sample was founded in 1522 as well.

        I made a mistake: the Diet of Example met on 3 May 1521, not in 1522.
        """
    )
    sure = {
        (f.when, f.evidence.sentence[:20]) for f in kinds(facts, "date") if f.sure and f.evidence
    }
    assert ("1521-05-03", "I made a mistake: th") in sure, sure
    assert ("1522", "The two kings renewe") not in sure, sure  # the diet's year, taken back
    assert ("1522", "The town of Sample w") in sure, sure  # another thing's 1522 stands


def test_a_timeline_exported_as_csv_is_read_a_row_at_a_time_without_its_sources() -> None:
    text = (
        "date,event,people,place,source\n"
        '1601-03,"The Dutch fleet reaches Example Bay, after a long voyage",Jan Sample,Example,'
        '"Doe, Voyages (1998), p. 4"\n'
        '1602-03-20,"The Dutch East India Company is founded",,Amsterdam,"Roe (2004)"\n'
    )
    article = parse_article(text, "timeline.csv")
    lines = [p.text for p in article.paragraphs]
    assert lines[0].startswith("March 1601 – The Dutch fleet reaches Example Bay"), lines
    assert all(p.item for p in article.paragraphs) and not any("1998" in x for x in lines), lines
    dates = {f.when for f in kinds(extract(article), "date") if f.sure}
    assert dates == {"1601-03", "1602-03-20"}, dates  # no book's year, no 1601 to 1603
    prose = parse_article("Date, place and people, are all given below.\n\nIt ran.\n", "p.txt")
    assert prose.paragraphs[0].text.startswith("Date, place"), prose.paragraphs


def test_a_conference_programmes_deadline_is_its_own_business() -> None:
    dates = _sure_dates(
        """
        Annual conference, 11-13 September 2025. Registration deadline: 15 July 2025.

        Keynote: the town joined the league in 1358, was besieged in 1362 and made peace in
        1370, and the league met there again in 1418.
        """
    )
    assert "15 July 2025" not in dates and {"1358", "1362", "1370"} <= set(dates), sorted(dates)


@pytest.mark.parametrize(
    ("name", "text", "when", "start"),
    [
        (  # "Agreed at ..." under a heading that names the agreement
            "medals.md",
            "# Medals of the wars\n\n### No. 4. Peace of Example, 1601\n\nSilver, 48 mm.\n\n"
            "Rev. A dove over a harbour. Agreed at Sampleton on 3 May 1601, a week after the "
            "siege of the town was lifted.\n",
            "1601-05-03",
            "(No. 4. Peace of Example, 1601)",
        ),
        (  # a paper's title in quotes is quoted whole, not from its colon on
            "programme.md",
            "# Example Society conference\n\n**Panel 3: Kontors**\n\n"
            '- "Closing the Example Hall: Ivan III and the Germans of Novgorod, 1494" — Dr A. '
            "Sample (University of Example)\n",
            "1494",
            '"Closing the Example Hall: Ivan III',
        ),
    ],
)
def test_a_card_shows_what_its_heading_or_its_quotation_says(
    tmp_path: Path, name: str, text: str, when: str, start: str
) -> None:
    cards = generate([_saved(tmp_path, name, text)], keep_all=True).cards
    fronts = {c.when: c.front for c in cards if c.kind == "date"}
    assert fronts[when].startswith(start), fronts


def test_a_service_record_reads_its_columns_and_gives_each_line_its_subject(
    tmp_path: Path,
) -> None:
    record = (
        "SERVICE RECORDS OF ENVOYS\n\nSAMPLE, John, 1st Baron Sample\n\n"
        "Born         4 May 1701, Exampleton\n"
        "Died         9 June 1770, London\n\n"
        "CAREER\n\n"
        "1730-1735    Envoy extraordinary to the court of Frederick William I,\n"
        "             Berlin. Concluded the commercial treaty of 1733.\n"
        "1740-1745    Governor of Example Island. Sailed from Plymouth in the\n"
        "             Swift, 2 March 1740.\n\n"
        "PUBLICATIONS\n\n"
        "A Journey to Berlin, 1736 (printed 1738).\n\n"
        "NOTES\n\n"
        "The secretary of the embassy was Sir Thomas Roe Example, who kept its papers.\n"
    )
    article = parse_article(record, "record.txt")
    lines = [p.text for p in article.paragraphs if p.item]
    assert lines[:2] == [
        "Born: 4 May 1701, Exampleton.",
        "Died: 9 June 1770, London.",
    ], lines
    assert lines[2].startswith("1730-1735 – Envoy extraordinary to the court of Frederick"), lines
    assert article.subject == "John Sample", article.subject
    fronts = _fronts(tmp_path, "record.txt", record)
    assert fronts["1701-05-04"] == "(John Sample) Born: {{c1::4 May 1701}}, Exampleton.", fronts
    assert fronts["1730/1735"].startswith("(John Sample) {{c1::1730-1735}} – Envoy"), fronts
    assert fronts["1740-03-02"].startswith("(John Sample) Sailed from Plymouth"), fronts
    assert "1736" not in fronts and "1738" not in fronts, fronts  # his books' years
    # a table of more columns, and a line that is no entry, are not a record
    table = "Canada   23 July 1968   8 January 1969\nMexico   1 July 1968   21 January 1969\n"
    assert parse_article(table, "t.txt").paragraphs[0].text.startswith("Canada   23"), table
    assert parse_article("Note   this\nand that line\n", "n.txt").paragraphs[0].text == (
        "Note   this and that line"
    )


def test_a_ruler_by_his_reign_name_and_a_role_of_something_are_people() -> None:
    found = people(
        "The Qianlong Emperor received the embassy at Jehol in 1793. The secretary of the "
        "embassy was Sir George Leonard Staunton. The Holy Roman Emperor sent no one."
    )
    assert found.get("Qianlong Emperor") == "Emperor", found
    assert "Secretary" in found.get("George Leonard Staunton", ""), found
    assert not any("Roman" in who for who in found), found
    assert people("Diego Sample, as a court official of the king, decorated it.") == {
        "Diego Sample": "Official"
    }


def test_a_heritage_register_keeps_its_own_dates_and_its_short_headings_apart() -> None:
    text = (
        "Official list entry\n\n"
        "Heritage Category: Listed Building\nGrade: II*\nList Entry Number: 1234567\n"
        "Date first listed: 14-Jan-1970\nDate of most recent amendment: 02-Oct-2017\n"
        "Name: EXAMPLE HOUSE\n\n"
        "History\nThe house was begun in 1825 for the Duke of Example and finished in 1840.\n\n"
        "Sources\nSurvey of Example, volume 4, 1960.\n\n"
        "Legacy\nThis list entry was subject to a Minor Amendment on 02/10/2017\n"
    )
    article = parse_article(text, "listing.txt")
    texts = [p.text for p in article.paragraphs]
    assert "Grade: II*" in texts and "Name: EXAMPLE HOUSE" in texts, texts  # a line each
    assert "History" in texts and not any("1960" in x for x in texts), texts  # sources left out
    dates = _sure_dates(text)
    assert set(dates) == {"1825", "1840"}, sorted(dates)
    # a record's "Title:" line under its series' name is its title
    record = "TREATY RECORDS\n\nTitle: Treaty of Example\nSigned: 1 May 1901\nPlace: Exampleton\n"
    assert parse_article(record, "r.txt").title == "Title: Treaty of Example"


def test_a_timeline_entry_that_opens_with_is_is_about_the_pages_person(tmp_path: Path) -> None:
    fronts = _fronts(
        tmp_path,
        "facts.md",
        "# Jane Example Fast Facts\n\nHere is a look at the life of Jane Example, a "
        "diplomat.\n\n## Timeline\n\n1799 - Is sent to Spain to complete her education.\n\n"
        "1810 - Travels to London on a mission for the junta.\n",
    )
    assert fronts["1799"].startswith("{{c1::1799}} - [Jane Example] Is sent"), fronts


def test_it_after_a_sentence_that_leans_on_the_same_it_reaches_back_further(
    tmp_path: Path,
) -> None:
    fronts = _fronts(
        tmp_path,
        "medals.md",
        "# Medals\n\n### No. 19. A truce, 1609\n\nThe truce between Spain and the United "
        "Provinces was signed at Antwerp on 9 April 1609. On the Dutch side it was the work "
        "of the Advocate of Holland, Johan van Oldenbarnevelt. It ran until 1621.\n",
    )
    assert fronts["1621"].startswith("The truce between Spain"), fronts


def test_a_catalogue_entrys_numbered_heading_names_and_dates_its_treaty() -> None:
    article = parse_article(
        "# Medals\n\n### No. 19. Twelve Years' Truce, 1609\n\nSilver, struck. 55 mm.\n\n"
        "### No. 20. Union of Exampleton, 1612\n\nCopper.\n\n"
        "The Pacification of Example was agreed in 1613.\n",
        "medals.md",
    )
    treaties = {f.title: f.when for f in kinds(extract(article), "treaty") if f.sure}
    assert treaties == {
        "Twelve Years' Truce": "1609",
        "Union of Exampleton": "1612",
        "Pacification of Example": "1613",
    }, treaties
    states = facts_of("The Union of South Africa was formed in 1910.")
    assert not [f for f in kinds(states, "treaty") if "Union" in f.title], states


def test_a_name_after_a_title_word_is_one_of_the_articles_names() -> None:
    article = parse_article(
        "Their chief ministers, Cardinal Mazarin and Don Luis, met in 1659. Mazarin did not "
        "long outlive his peace: he died at Vincennes on 9 March 1661.\n",
        "peace.txt",
    )
    assert {"Cardinal", "Mazarin"} <= article.names, article.names
    assert "1661-03-09" in {f.when for f in kinds(extract(article), "date") if f.sure}


def test_a_place_run_into_a_name_after_in_is_no_part_of_it() -> None:
    found = people(
        "PEI walked away, and in Nova Scotia Joseph Howe led a campaign against it. "
        "In Upper Example County Jane Roe, the premier, spoke for it."
    )
    assert not [who for who in found if "Scotia" in who or "County" in who], found
    assert found.get("Jane Roe", "").startswith("Premier"), found


def test_bring_in_a_historical_present_is_no_notice_to_the_reader() -> None:
    dates = _sure_dates(
        "- c. 1543 – Portuguese traders are driven ashore and bring the first guns to Japan.\n"
        "- 1549 – A mission lands at Kagoshima.\n"
    )
    assert "1543" in dates, sorted(dates)
    assert notice_doubt("Bring a friend to the talk on 3 May.")


def test_a_year_pages_own_line_and_its_incumbents_post(tmp_path: Path) -> None:
    fronts = _fronts(
        tmp_path,
        "year.md",
        "# 1809 in Exampleland\n\nEvents from the year **1809 in Exampleland**.\n\n"
        "## Incumbents\n\n- Monarch – Francis I\n"
        "- Foreign minister – Count Jan Sample (until 8 October); Karl Example (from 8 October)\n",
        keep_all=True,
    )
    assert "1809" not in fronts, fronts  # the page saying what it is
    assert "Foreign minister - ... Karl Example (from {{c1::8 October}})" in fronts.values(), fronts


def test_a_spun_concord_and_top_administrator_and_a_years_name_in_passing(
    tmp_path: Path,
) -> None:
    text = (
        "# The Concord of Example\n\n"
        "In London the top administrator John Sample wanted the quarrel finished. The Concord "
        "of Example turned into autographed on 8 May 1871, and the higher chamber of the "
        "Assemblage authorised it on 24 May. The Potentate Frederick turned into glad. "
        "Nonetheless, the Mud Feud persisted.\n\n"
        "The concord additionally despatched the water line, disputed because the Pig Feud of "
        "1859, to arbitration. The assemblage ratified it in June.\n"
    )
    article = parse_article(text, "spun.txt")
    body = " ".join(p.text for p in article.paragraphs)
    assert article.spun and "prime minister John Sample" in body, body
    assert "Treaty of Example" in body and "the Mud War persisted" in body, body
    dates = {f.when for f in kinds(extract(article), "date") if f.sure}
    assert "1859-06" not in dates, sorted(dates)  # June is not of the war's year


def test_a_peer_known_by_his_title_is_a_person_with_his_role() -> None:
    found = people(
        "The conference was chaired by the Foreign Secretary, Lord Example. The viceroy, "
        "Lord Sample, met him."
    )
    assert found.get("Lord Example") == "Foreign Secretary", found
    assert found.get("Lord Sample", "").lower() == "viceroy", found


def test_a_ruler_known_by_an_epithet_is_one_person() -> None:
    found = people(
        "In 1475 Edward IV came to France by agreement with his ally Charles the Bold, Duke of "
        "Burgundy. Tsar Peter the Great was asked for help."
    )
    assert found.get("Charles the Bold") == "Duke", found
    assert "Peter the Great" in found and "Charles" not in found, found


@pytest.mark.parametrize(
    ("entry", "read"),
    [
        ("Sample, Anna Maria (1701-1770), 12-15, 40: envoy to Berlin", "Anna Maria Sample (1701-1770): envoy to Berlin"),
        ("Roe, Thomas, English envoy (1581-1644), 9, *11*: sent to Agra", "Thomas Roe, English envoy (1581-1644): sent to Agra"),
        ("Exampleton, Peace of (1733), 88-94; see also Roe, Thomas", "Peace of Exampleton (1733); see also Roe, Thomas"),
        ("Partition, Second (1793), 190-213, *194*: convention signed", "Second Partition (1793): convention signed"),
        ("Catherine II, Empress of Russia (1729-1796), 30-39: took the throne", "Catherine II, Empress of Russia (1729-1796): took the throne"),
        ("liberum veto, 20-23, 178; see also Constitution", "liberum veto; see also Constitution"),
    ],
)  # fmt: skip
def test_a_book_index_entry_reads_in_the_order_a_sentence_names_things(
    entry: str, read: str
) -> None:
    index = "\n\n".join(
        [entry, *(f"Heading{n}, Sub{n} (17{n}0), {n}1-{n}9: text {n}" for n in range(1, 6))]
    )
    assert parse_article(index, "index.txt").paragraphs[0].text == read
    # the same line in a text with fewer entries is no index: nothing is turned round
    assert parse_article(entry, "one.txt").paragraphs[0].text.startswith(entry.split(",")[0] + ",")


def test_a_book_index_carries_an_entry_on_and_finds_its_people(tmp_path: Path) -> None:
    index = (
        "INDEX\n\n"
        "Sample, Anna Maria, Queen of Sweden (1701-1770), 30-40, 140-75,\n"
        "    255-63: crowned on 7 September 1724; abdicated at Exampleton on\n"
        "    25 November 1755\n\n"
        + "".join(f"Place{n}, battle of (4 April 17{n}4), 2{n}6-3{n}\n\n" for n in range(1, 6))
    )
    paragraphs = parse_article(index, "index.txt").paragraphs
    assert paragraphs[1].text == (
        "Anna Maria Sample, Queen of Sweden (1701-1770): crowned on 7 September 1724;"
        " abdicated at Exampleton on 25 November 1755"
    ), paragraphs[1]
    assert paragraphs[2].text == "battle of Place1 (4 April 1714)", paragraphs[2]
    fronts = _fronts(tmp_path, "index.txt", index)
    assert fronts["1755-11-25"].startswith("Anna Maria Sample, Queen of Sweden"), fronts
    found = {f.title: f.detail for f in kinds(facts_of(index), "person")}
    assert "Queen of Sweden" in found.get("Anna Maria Sample", ""), found


def test_a_latex_source_is_read_as_the_page_it_prints(tmp_path: Path) -> None:
    source = (
        "\\documentclass{article}\n\\usepackage{enumitem}\n% week 3 handout\n"
        "\\title{Lecture 3: The ``Old Alliance'', 1295--1560}\n\\date{Spring term 2024}\n"
        "\\begin{document}\n\\maketitle\n\\section{The treaty}\n\\begin{itemize}\n"
        "  \\item The \\emph{Treaty of Paris} was sealed on 23~October 1295 by John\n"
        "        Balliol's envoys. % check the day\n"
        "  \\item[Note] King \\textbf{\\textit{Philip IV}} of France was its other party.\n"
        "\\end{itemize}\n50\\% of the text is lists.\n\\end{document}\n"
    )
    texts = _paragraphs(source)
    # an item's text carried on under it is one item with it
    assert texts == [
        (True, 'Lecture 3: The "Old Alliance", 1295-1560'),
        (True, "The treaty"),
        (False, "The Treaty of Paris was sealed on 23 October 1295 by John Balliol's envoys."),
        (False, "Note King Philip IV of France was its other party."),
        (False, "50% of the text is lists."),
    ], texts
    (tmp_path / "notes.txt").write_text(source, encoding="utf-8")
    cards = {c.front: c.when for c in generate([tmp_path / "notes.txt"]).cards}
    front = "The Treaty of Paris was sealed on {{c1::23 October 1295}} by John Balliol's envoys."
    assert cards.get(front) == "1295-10-23", cards
    assert "2024" not in str(cards), cards  # the handout's term
    # a text that only mentions a backslash or a tilde is no LaTeX source
    plain = "Use \\item in a list; ~20 entries.\n"
    assert parse_article(plain, "p.txt").paragraphs[0].text == plain.strip()


def test_a_chapters_notes_under_a_rule_and_their_numbers_are_left_out(tmp_path: Path) -> None:
    chapter = (
        "CHAPTER TWO\n\nPeace by Purchase: The Example Treaties in the North, 1601-1650\n\n"
        "2.1 Exampleton and the closing of the eastern door\n\n"
        "The Treaty of Exampleton, signed on 3 March 1610, shut the rival out of the sea.1 "
        "The envoys landed at Sampleport on 6 July 1611.2 They went home in 1612,3 pleased.\n\n"
        "Some 1.5 million coins changed hands.\n\n"
        "____________\n"
        "1. Anna Sample, The Northern Treaties (London, 1953), 58.\n"
        "2. Ibid., 71-74.\n"
        "3. Sample, Northern Treaties, 2:96.\n"
    )
    texts = _paragraphs(chapter)
    assert texts[:3] == [
        (True, "CHAPTER TWO"),
        (True, "Peace by Purchase: The Example Treaties in the North, 1601-1650"),
        (True, "2.1 Exampleton and the closing of the eastern door"),
    ], texts
    assert texts[3][1] == (
        "The Treaty of Exampleton, signed on 3 March 1610, shut the rival out of the sea."
        " The envoys landed at Sampleport on 6 July 1611. They went home in 1612, pleased."
    ), texts
    assert texts[4][1] == "Some 1.5 million coins changed hands.", texts
    assert len(texts) == 5, texts  # the notes are gone
    whens = {c.when for c in generate([_saved(tmp_path, "chapter.txt", chapter)]).cards}
    assert {"1610-03-03", "1611-07-06"} <= whens, whens
    assert not whens & {"1953", "1601/1650"}, whens  # a cited book's year, the title's period
    # a numbered list under a rule that cites nothing is the text's own
    listed = "Steps\n\n----\n1. Sign the treaty in 1610.\n2. Ratify it in 1611.\n"
    assert parse_article(listed, "l.txt").paragraphs[-1].text == "Ratify it in 1611."


def _paragraphs(text: str) -> list[tuple[bool, str]]:
    """Each paragraph parse_article reads in ``text``: whether it is a heading, and its text."""
    return [(p.heading, p.text) for p in parse_article(text, "t.txt").paragraphs]


def _saved(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_tour_brochure_keeps_its_history_and_leaves_out_its_own_dates(tmp_path: Path) -> None:
    brochure = (
        "# Crowns of the North\n\n"
        "**A 5-day tour** · Departures 12 May and 8 September 2025 · From £1,495 per person\n\n"
        '> "A guide who knew every stone." - a 2024 traveller\n\n'
        "### Day 2: Sampleford\n"
        "Anna Sample, crowned Queen of Scots at Sampleford on 25 March 1406, met the army of"
        " King Henry IV of England on 23 and 24 June 1414. She wrote to Pope John XXII on 6 April"
        " 1420.\n\n"
        "### Day 3: Exampleton\n"
        "The Sample War ended with the Treaty of Exampleton: Anna Sample put her name to it at"
        " Exampleton on 17 March 1428, and the English parliament ratified it on 1 May 1428.\n"
    )
    cards = generate([_saved(tmp_path, "tour.md", brochure)]).cards
    whens = {c.when for c in cards}
    assert {"1406-03-25", "1414-06-23/1414-06-24", "1428-03-17"} <= whens, whens
    assert not any(w.startswith(("2024", "2025")) for w in whens), whens  # the tour's own
    treaty = next(c for c in cards if c.kind == "treaty")
    assert treaty.when == "1428-03-17", treaty  # signed then; ratified later
    found = {f.title: f.detail for f in kinds(facts_of(brochure), "person")}
    assert found.get("Anna Sample", "").startswith("Queen"), found  # "crowned Queen of Scots"
    assert "John XXII" in found, found  # a pope's number past XX


def test_a_screenplay_reads_its_captions_speeches_and_names_in_capitals() -> None:
    script = (
        "                THE SAMPLE TREATY\n\n"
        "                Revised draft 14/02/2022\n\n"
        "FADE IN:\n\n"
        "INT. GREAT HALL, EXAMPLETON - DAY\n\n"
        "Envoys crowd a long table.\n\n"
        "SUPER: Exampleton, 3 March 1610\n\n"
        "                    CLERK\n"
        "          The congress of the northern crowns is open.\n\n"
        "ANNA MARIA DE SAMPLE, governor of Sampleland, rises.\n\n"
        "                    ANNA MARIA\n"
        "               (quietly)\n"
        "          We sign today.\n\n"
        "CUT TO:\n\n"
        "EXT. HARBOUR - NIGHT\n\n"
        "The envoy drinks from a small black sachet.\n\n"
        "SUPER: Night of 4-5 March 1610\n\n"
        "INT. COURTYARD - DAY\n\n"
        "The guard is drawn up.\n"
    )
    texts = _paragraphs(script)
    assert texts == [
        (True, "The Sample Treaty"),
        (True, "INT. GREAT HALL, EXAMPLETON - DAY"),
        (False, "Envoys crowd a long table."),
        (False, "Exampleton, 3 March 1610: (Clerk) The congress of the northern crowns is open."),
        (False, "Anna Maria de Sample, governor of Sampleland, rises."),
        (False, "Anna Maria: We sign today."),
        (True, "EXT. HARBOUR - NIGHT"),
        # a caption that closes its scene dates that scene, not the next one's first line
        (False, "Night of 4-5 March 1610: The envoy drinks from a small black sachet."),
        (True, "INT. COURTYARD - DAY"),
        (False, "The guard is drawn up."),
    ], texts
    # one scene heading is not a script
    one = "INT. HALL - DAY\n\nCUT TO:\n"
    assert parse_article(one, "o.txt").paragraphs[0].text == "INT. HALL - DAY"


def test_a_person_described_in_words_no_list_of_offices_holds_is_sure() -> None:
    facts = {
        f.title: f
        for f in kinds(
            facts_of(
                """
                Much of the credit went to Howard Florey, an Australian pathologist.
                A British lawyer, Cyril Radcliffe, drew the line in five weeks.
                In the Tyrol the innkeeper Andreas Hofer leads a rising against Bavaria.
                Then came Michael Collins, who had flown the command module.
                Charles Villiers, MP for Wolverhampton, moved a motion year after year.
                Francisco Laprida, presiding, a young lawyer from San Juan, stands at the table.
                Open until eight on Thursdays. Closed Mondays, except bank holidays.
                """
            ),
            "person",
        )
    }
    for who in (
        "Howard Florey",
        "Cyril Radcliffe",
        "Andreas Hofer",
        "Michael Collins",
        "Charles Villiers",
    ):
        assert facts[who].sure, (who, facts[who].doubts)
        assert "the text gives no office, only a description" in facts[who].doubts
    # ", stands at the table" is a verb, "from San Juan" a place; "except" no description
    assert not facts["San Juan"].sure
    assert "Closed Mondays" not in facts or not facts["Closed Mondays"].sure


def test_a_treaty_named_only_by_its_heading_is_asked_with_the_sentence_of_its_making(
    tmp_path: Path,
) -> None:
    catalogue = (
        "# Medals of the Revolt\n\n"
        "### No. 16. Pacification of Ghent, 1576\n\n"
        "Silver, struck. 42 mm.\n\n"
        "Agreed at Ghent on 8 November 1576, four days after mutinous troops sacked Antwerp.\n\n"
        "### No. 17. Union of Utrecht, 1579\n\n"
        "Struck for the union of the northern provinces concluded at Utrecht on 23 January"
        " 1579, a reply to the Catholic Union of Arras of 6 January.\n\n"
        "### No. 19. Twelve Years' Truce, 1609\n\n"
        "The war went on at sea. The truce between Spain and the United Provinces was signed"
        " at Antwerp on 9 April 1609.\n"
    )
    cards = generate([_saved(tmp_path, "medals.md", catalogue)]).cards
    treaties = {c.front: c.when for c in cards if c.kind == "treaty"}
    assert treaties == {
        "{{c1::Pacification of Ghent}}, 1576: Agreed at Ghent on 8 November 1576, four days"
        " after mutinous troops sacked Antwerp.": "1576-11-08",
        "{{c1::Union of Utrecht}}, 1579: Struck for the union of the northern provinces"
        " concluded at Utrecht on 23 January 1579, a reply to the Catholic Union of Arras of"
        " 6 January.": "1579-01-23",
        # "the Catholic" says whose union it was: no part of the name asked
        "Struck for the union [Union of Utrecht] of the northern provinces concluded at"
        " Utrecht on 23 January 1579, a reply to the Catholic {{c1::Union of Arras}} of"
        " 6 January.": "1579-01-06",
        "{{c1::Twelve Years' Truce}}, 1609: The truce between Spain and the United Provinces"
        " was signed at Antwerp on 9 April 1609.": "1609-04-09",
    }


def test_a_given_name_of_a_place_is_a_person_and_tells_he_from_she() -> None:
    facts = facts_of(
        """
        The nobles gave their petition to the regent, Margaret of Parma, in Brussels.
        The powers chose a German prince, Leopold of Saxe-Coburg, as king.
        The Pope sent Cardinal Niccolò Albergati and Cardinal Hugh of Lusignan to Arras.
        Later Hugh argued for a truce with the English.
        His first wife was his brother's widow, Catherine of Aragon. He married again in 1536.
        """
    )
    found = {f.title: f for f in kinds(facts, "person")}
    assert found["Margaret of Parma"].sure
    assert "Leopold of Saxe" not in found  # "Saxe-Coburg" is not where he was "of"
    # the first-name mention's card asks the whole name the sentence gives
    assert found["Hugh of Lusignan"].evidence is not None
    assert found["Hugh of Lusignan"].evidence.answer == "Hugh of Lusignan"
    # "He" after Catherine of Aragon is not she
    (married,) = [f for f in facts if f.evidence and f.evidence.sentence.startswith("He married")]
    assert married.evidence is not None
    assert ("he", "Catherine of Aragon") not in married.evidence.who


def test_a_treaty_named_by_its_town_in_small_letters_and_another_of_the_same_name() -> None:
    found = kinds(
        facts_of(
            """
                In 1938 the Munich agreement handed the Sudetenland to Germany. The Minsk
                accords of 2015 failed. The Franco-Dutch treaty at Nijmegen was signed in 1678,
                and the German treaty was never signed. The Paris peace conference met in 1919.

                That day Rathenau and Chicherin signed the Treaty of Rapallo. There is an
                earlier Treaty of Rapallo, signed on 12 November 1920 between Italy and Yugoslavia.
                """
        ),
        "treaty",
    )
    treaties = {f.title: f for f in found}
    assert treaties["Munich agreement"].evidence is not None
    assert treaties["Munich agreement"].evidence.answer == "Munich"  # "the {{Munich}} agreement"
    assert treaties["Minsk accords"].when == "2015"  # a capital is a town, not its country
    assert not {"Franco-Dutch treaty", "German treaty", "Paris peace"} & set(treaties)
    # the earlier one is another treaty: its date is not the first one's
    rapallo = [f for f in found if f.title == "Treaty of Rapallo"]
    assert sorted(f.when for f in rapallo) == ["", "1920-11-12"]


def test_a_spun_contract_realm_and_clash_are_read_as_a_treaty_an_empire_and_a_war() -> None:
    text = (
        "The Contract of Sampleton, inked on 21 July 1718 in a little town, introduced to an"
        " end a clash among the Ottoman Realm and Venice. The Contract of Exampleton of 1699"
        " had given the Morea to Venice."
    )
    article = parse_article(text, "spun.txt")
    assert article.spun
    treaties = {f.title: f.when for f in kinds(extract(article), "treaty")}
    assert treaties == {"Treaty of Sampleton": "1718-07-21", "Treaty of Exampleton": "1699"}


def test_one_name_is_enough_where_the_sentence_says_who_they_were() -> None:
    found = {
        f.title: f
        for f in kinds(
            facts_of(
                """
                The Qing court then sent the commissioner Qiying to bargain.
                Letters pass between the courts. Queen Puduhepa, wife of Hattusili, writes to
                Ramesses in her own name.
                The peace broke in 1282, when Llywelyn's brother Dafydd ap Gruffudd attacked
                Hawarden castle.
                King John had a terrible run.
                """
            ),
            "person",
        )
    }
    assert found["Qiying"].sure and found["Puduhepa"].sure
    assert "Dafydd ap Gruffudd" in found  # "ap" joins a Welsh name as "de" and "von" do
    assert not found["John"].sure  # "had a terrible run" says neither who nor what


def test_for_whom_a_treaty_was_signed_is_no_part_of_its_name_and_a_crowned_king_is_he() -> None:
    facts = facts_of(
        """
        As British minister he signed the Boxer Protocol for Britain on 7 September 1901.
        The Treaty for the Renunciation of War was signed in 1928.

        Ann Sample worked in Baghdad for years. In March 1921 a conference chose the Emir
        Faisal as ruler of Iraq. Faisal was crowned king in Baghdad on 23 August 1921. She
        died in Baghdad on 12 July 1926.
        """
    )
    treaties = {f.title for f in kinds(facts, "treaty")}
    assert {"Boxer Protocol", "Treaty for the Renunciation of War"} <= treaties
    assert "Boxer Protocol for Britain" not in treaties
    (died,) = [f for f in facts if f.evidence and f.evidence.sentence.startswith("She died")]
    assert died.evidence is not None
    assert ("she", "Faisal") not in died.evidence.who  # a crowned king is no "she"
