"""The statistics drawing: every line within the width, figures never cut."""

from __future__ import annotations

from datetime import date

import pytest

from trainer.core.stats import CardCounts, Stats
from trainer.core.statsdraw import draw, heat_legend, plain


def _big() -> Stats:
    s = Stats(date(2026, 11, 23))
    s.reviews_today, s.seconds_today = 12_345, 98_765.0
    s.reviews_total, s.streak_days, s.longest_streak = 10_000_470, 1_281, 2_281
    s.recall = 0.96
    s.cards = CardCounts(
        new=123_456, learning=7_890, review=98_765, suspended=4_321, buried=12, leech=345, retired=6
    )
    return s


@pytest.mark.parametrize("width", [40, 41, 57, 60, 76, 80, 100, 132])
@pytest.mark.parametrize("words", [False, True])
def test_no_line_is_wider_than_the_screen_and_the_summary_wraps_whole(
    width: int, words: bool
) -> None:
    lines = draw(_big(), width, words=words)
    text = plain(lines)
    assert max(len(line) for line in text.splitlines()) <= width
    for figure in ("12,345 reviews", "1281 days", "(longest 2281)", "10,000,470 reviews", "96%"):
        assert figure in text, (width, figure)


def test_a_wide_screen_keeps_the_summary_on_two_lines() -> None:
    text = plain(draw(_big(), 132)).splitlines()
    assert "Streak" in text[0] and "Predicted recall" in text[1]


@pytest.mark.parametrize(
    ("levels", "words"),
    [
        ([1, 1, 1], ["none", "1", "", "", "2+ a day"]),
        ([4, 4, 6], ["none", "1–4", "", "5–6", "7+ a day"]),
        ([2, 5, 1200], ["none", "1–2", "3–5", "6–1,200", "1,201+ a day"]),
    ],
)
def test_the_heatmap_legend_says_each_shades_range_once(
    levels: list[int], words: list[str]
) -> None:
    assert heat_legend(levels) == words
