"""Statistics against review logs built here, with answers worked out by hand."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import FixedClock
from trainer.core.stats import as_json, day_number, day_shift, streaks
from trainer.workspace import Workspace

DAY = 86400.0


def _log(
    ws: Workspace,
    card: str,
    at: datetime,
    rating: int = 3,
    state_before: int = 2,
    interval_days: float = 5.0,
    ms: int = 4000,
) -> None:
    """One review-log row as an answer would write it (the triggers keep the totals)."""
    rowid = ws.store.card_rowid("small", card)
    ts = at.timestamp()
    last = ts - interval_days * DAY if state_before == 2 else None
    due = ts if state_before == 2 else 0.0
    ws.conn.execute(
        "INSERT INTO review_log (card_rowid, reviewed_at, rating, duration_ms, state_before,"
        " due_before, last_review_before, state_after, due_after, interval)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?)",
        (rowid, ts, rating, ms, state_before, due, last, ts + DAY, DAY),
    )


def test_streaks_count_runs_of_study_days() -> None:
    assert streaks([], 10) == (0, 0)
    assert streaks([10], 10) == (1, 1)
    assert streaks([9], 10) == (1, 1)  # today is not over: yesterday's streak stands
    assert streaks([8], 10) == (0, 1)  # a missed day breaks it
    assert streaks([1, 2, 3, 5, 6, 9, 10], 10) == (2, 3)
    assert streaks([3, 2, 2, 1], 4) == (3, 3)


def test_study_days_turn_at_the_rollover_hour_in_local_time() -> None:
    plus2 = timezone(timedelta(hours=2))
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    shift = day_shift(now, plus2, 4)  # the day turns at 04:00 local = 02:00 UTC
    before = datetime(2026, 3, 2, 1, 59, tzinfo=UTC).timestamp()
    after = datetime(2026, 3, 2, 2, 0, tzinfo=UTC).timestamp()
    assert day_number(before, shift) == date(2026, 3, 1).toordinal()
    assert day_number(after, shift) == date(2026, 3, 2).toordinal()


def test_streak_across_the_rollover_hour_and_a_missed_day(
    workspace: Workspace, clock: FixedClock
) -> None:
    # Rollover at 04:00 UTC; now is Monday 2 March 09:00.
    at = lambda d, h, m=0: datetime(2026, d[0], d[1], h, m, tzinfo=UTC)  # noqa: E731
    _log(workspace, "one", at((2, 27), 12))
    _log(workspace, "one", at((2, 28), 3, 30))  # before 04:00: still Friday 27's study day
    _log(workspace, "two", at((3, 1), 10))
    _log(workspace, "two", at((3, 2), 3))  # still Sunday 1's study day
    s = workspace.stats()
    # Study days: 27 Feb and 1 Mar; 28 Feb was missed (calendar days would say 4 in a row).
    assert (s.streak_days, s.longest_streak) == (1, 1)
    assert s.reviews_today == 0 and s.reviews_total == 4
    _log(workspace, "three", at((2, 28), 12))  # fill the missed day
    s = workspace.stats()
    assert (s.streak_days, s.longest_streak) == (3, 3)
    _log(workspace, "three", at((3, 2), 4, 0))  # today's study day has begun
    s = workspace.stats()
    assert (s.streak_days, s.reviews_today) == (4, 1)
    clock.advance(days=2)  # Tuesday missed: the streak is broken, the record stays
    s = workspace.stats()
    assert (s.streak_days, s.longest_streak) == (0, 4)


def test_true_retention_by_window_young_and_mature(workspace: Workspace, clock: FixedClock) -> None:
    now = clock.now()
    # Inside 7 days: young 3 of 4 passed, mature 2 of 2.
    for rating in (3, 3, 2, 1):
        _log(workspace, "one", now - timedelta(days=2), rating, interval_days=5)
    for rating in (3, 4):
        _log(workspace, "two", now - timedelta(days=1), rating, interval_days=30)
    # 20 days ago: mature 1 of 2.
    _log(workspace, "two", now - timedelta(days=20), 1, interval_days=40)
    _log(workspace, "two", now - timedelta(days=20), 3, interval_days=21)
    # 200 days ago: young 0 of 1.
    _log(workspace, "three", now - timedelta(days=200), 1, interval_days=3)
    # Learning answers never count toward retention, whatever the grade.
    _log(workspace, "three", now - timedelta(days=1), 1, state_before=0)
    _log(workspace, "three", now - timedelta(days=1), 1, state_before=1)
    s = workspace.stats()
    r7, r30, r365 = s.retention[7], s.retention[30], s.retention[365]
    assert (r7.young, r7.mature) == (0.75, 1.0)
    assert (r30.young_total, r30.young_passed, r30.mature_total, r30.mature_passed) == (4, 3, 4, 3)
    assert (r365.young_total, r365.young_passed) == (5, 3)
    assert r365.overall == pytest.approx(6 / 9)
    assert s.retention_by_deck["small"][7] == r7
    assert s.reviews_total == 11
    empty = workspace.stats([])
    assert empty.retention == {} and empty.reviews_total == 0


def test_forecast_puts_overdue_cards_today_and_leaves_suspended_ones_out(
    workspace: Workspace, clock: FixedClock
) -> None:
    ts = clock.now().timestamp()
    due = {"one": ts - 2 * DAY, "two": ts + 3600, "three": ts + DAY, "cz/c1": ts + 29.5 * DAY}
    for card, when in due.items():
        workspace.conn.execute(
            "UPDATE card_state SET queue = 2, state = 2, due = ?, stability = 10, last_review = ?"
            " WHERE card_rowid = ?",
            (when, ts - DAY, workspace.store.card_rowid("small", card)),
        )
    workspace.conn.execute(
        "UPDATE card_state SET queue = 2, state = 2, due = ? WHERE card_rowid = ?",
        (ts + 40 * DAY, workspace.store.card_rowid("small", "cz/c2")),
    )
    rev = workspace.store.card_rowid("small", "rev")
    workspace.conn.execute(
        "UPDATE card_state SET state = 2, due = ? WHERE card_rowid = ?", (ts + DAY, rev)
    )
    assert rev is not None
    workspace.store.set_suspended([rev], True)
    s = workspace.stats()
    assert len(s.forecast) == 30 and s.forecast[0][0] == date(2026, 3, 2)
    counts = [n for _, n in s.forecast]
    assert counts[0] == 2 and counts[1] == 1 and counts[29] == 1 and sum(counts) == 4
    assert (s.cards.new, s.cards.review, s.cards.suspended, s.cards.learning) == (1, 5, 1, 0)
    # Stability 10 days, reviewed a day ago: FSRS's curve at 1 day.
    expected = workspace.scheduler.retrievability(
        __import__("trainer.core.model", fromlist=["Memory"]).Memory(
            stability=10.0, last_review=ts - DAY
        ),
        ts,
    )
    assert s.recall == pytest.approx(expected)
    data = as_json(s)
    for key in ("reviews_total", "reviews_today", "streak_days", "retention", "forecast", "cards"):
        assert key in data
    assert data["forecast"][0] == {"date": "2026-03-02", "due": 2}  # type: ignore[index]
    assert data["cards"]["suspended"] == 1  # type: ignore[index]


def test_running_totals_always_equal_the_log(workspace: Workspace, clock: FixedClock) -> None:
    rng = random.Random(5)
    cards = ["one", "two", "three", "rev", "cz/c1"]
    for _ in range(200):
        _log(
            workspace,
            rng.choice(cards),
            clock.now() - timedelta(minutes=rng.randint(0, 60 * 24 * 400)),
            rng.randint(1, 4),
            rng.choice((0, 1, 2, 2)),
            rng.choice((1, 10, 21, 50)),
            rng.randint(500, 9000),
        )
    ids = [r[0] for r in workspace.conn.execute("SELECT id FROM review_log")]
    for log_id in rng.sample(ids, 60):  # undo removes log rows
        workspace.conn.execute("DELETE FROM review_log WHERE id = ?", (log_id,))
    totals = workspace.conn.execute(
        "SELECT slot, SUM(reviews), SUM(ms), SUM(young), SUM(young_again), SUM(mature),"
        " SUM(mature_again) FROM review_totals GROUP BY slot HAVING SUM(reviews) > 0 ORDER BY slot"
    ).fetchall()
    direct = workspace.conn.execute(
        "SELECT CAST(reviewed_at / 900 AS INTEGER) AS slot, COUNT(*), SUM(duration_ms),"
        " SUM(state_before = 2 AND due_before - last_review_before < 1814400),"
        " SUM(state_before = 2 AND due_before - last_review_before < 1814400 AND rating = 1),"
        " SUM(state_before = 2 AND due_before - last_review_before >= 1814400),"
        " SUM(state_before = 2 AND due_before - last_review_before >= 1814400 AND rating = 1)"
        " FROM review_log GROUP BY slot ORDER BY slot"
    ).fetchall()
    assert len(direct) > 100 and totals == [tuple(x or 0 for x in row) for row in direct]
    assert workspace.stats().reviews_total == 140


def test_the_quiz_history_shows_once_quizzes_exist(workspace: Workspace, clock: FixedClock) -> None:
    from trainer.core.statsdraw import draw, plain

    assert workspace.stats().quizzes_total == 0
    assert "Quizzes" not in plain(draw(workspace.stats()))
    ts = clock.now().timestamp()
    for i, (decks, score, passed) in enumerate(
        [('["small"]', 8, 1), ('["small"]', 5, 0), ('["other"]', 9, 1)]
    ):
        workspace.conn.execute(
            "INSERT INTO quizzes (started_at, finished_at, decks, options, score, total,"
            " pass_mark, passed) VALUES (?, ?, ?, '{}', ?, 10, 0.7, ?)",
            (ts - 3600 + i, ts - 600 + i, decks, score, passed),
        )
    s = workspace.stats()
    assert s.quizzes_total == 2 and [q.score for q in s.quizzes] == [5, 8]
    text = plain(draw(s))
    assert "Quizzes (2 taken" in text and "failed" in text and "passed" in text


def test_card_counts_from_the_queue_index_match_a_count_of_every_card(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New, studied, suspended, buried, leech and retired cards, against a plain count."""
    from tests.store.test_search import _collection

    monkeypatch.setenv("TRAINER_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    collection = _collection(tmp_path, clock)
    ws = next(collection)
    from trainer.core.scheduler import study_day

    today = study_day(clock.now(), clock.tz, ws.settings.day_rollover_hour).number
    expected = {"new": 0, "learning": 0, "review": 0, "suspended": 0, "buried": 0}
    expected |= {"leech": 0, "retired": 0}
    for queue, suspended, buried_day, leech, retired in ws.conn.execute(
        "SELECT s.queue, s.suspended, s.buried_day, s.leech, c.retired"
        " FROM card_state s JOIN cards c ON c.rowid = s.card_rowid"
    ):
        if retired:
            expected["retired"] += 1
            continue
        expected["leech"] += leech
        if suspended:
            expected["suspended"] += 1
            continue
        expected[("new", "learning", "review")[queue]] += 1
        expected["buried"] += buried_day >= today
    c = ws.stats().cards
    got = {"new": c.new, "learning": c.learning, "review": c.review, "suspended": c.suspended}
    got |= {"buried": c.buried, "leech": c.leech, "retired": c.retired}
    assert got == expected
    # gulistan studied; turkmenchay suspended; aliyev a leech; baku buried; old retired
    assert (c.new, c.learning + c.review, c.suspended, c.buried, c.leech, c.retired) == (
        4,
        1,
        1,
        1,
        1,
        1,
    )
    collection.close()


def test_the_running_totals_split_young_and_mature_at_the_documented_interval() -> None:
    from trainer.core.stats import MATURE_DAYS
    from trainer.store.db import MIGRATIONS

    # the trigger that keeps the totals cannot import the constant (a released migration
    # is never edited): it must say the same number of seconds
    sql = " ".join(s for steps in MIGRATIONS.values() for s in steps)
    seconds = MATURE_DAYS * 86400
    assert sql.count(f"< {seconds}") >= 3 and sql.count(f">= {seconds}") >= 3


OTHER_DECK = """
    id: other
    title: Other deck
    cards:
      - {id: a, front: QA, back: AA}
      - {id: b, front: QB, back: AB}
"""


def test_retention_by_deck_keeps_two_decks_apart(
    small_deck: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two decks whose retention differs: each deck's figures, and the sum of both overall."""
    from tests.conftest import write_deck
    from trainer.core.statsdraw import draw, plain

    monkeypatch.setattr("trainer.store.paths.bundled_decks", lambda: [])
    write_deck(small_deck.parent, "other.yaml", OTHER_DECK)
    ws = Workspace(None, [small_deck.parent], clock=clock)  # type: ignore[arg-type]
    now = clock.now()

    def log(deck: str, card: str, days_ago: float, rating: int, interval: float) -> None:
        rowid = ws.store.card_rowid(deck, card)
        ts = (now - timedelta(days=days_ago)).timestamp()
        ws.conn.execute(
            "INSERT INTO review_log (card_rowid, reviewed_at, rating, duration_ms, state_before,"
            " due_before, last_review_before, state_after, due_after, interval)"
            " VALUES (?, ?, ?, 1000, 2, ?, ?, 2, ?, ?)",
            (rowid, ts, rating, ts, ts - interval * DAY, ts + DAY, DAY),
        )

    # small, last 7 days: young 2 of 2 passed, mature 1 of 2.
    log("small", "one", 1, 3, 5)
    log("small", "two", 2, 4, 3)
    log("small", "three", 3, 3, 40)
    log("small", "three", 3, 1, 30)
    # other, last 7 days: young 1 of 3, mature 0 of 1; 20 days ago a mature pass;
    # 100 days ago a young lapse.
    for rating in (1, 1, 3):
        log("other", "a", 2, rating, 4)
    log("other", "b", 5, 1, 60)
    log("other", "b", 20, 3, 25)
    log("other", "a", 100, 1, 2)
    try:
        s = ws.stats()
        small, other = s.retention_by_deck["small"], s.retention_by_deck["other"]
        assert (small[7].young, small[7].mature, small[7].overall) == (1.0, 0.5, 0.75)
        assert (other[7].young, other[7].mature, other[7].overall) == (1 / 3, 0.0, 0.25)
        assert (other[30].young, other[30].mature) == (1 / 3, 0.5)
        assert (other[365].young_total, other[365].young_passed) == (4, 1)
        assert (small[365].total, small[365].passed) == (4, 3)
        # every deck's answers, and only theirs, make the overall figure
        assert (s.retention[7].young_total, s.retention[7].young_passed) == (5, 3)
        assert (s.retention[7].mature_total, s.retention[7].mature_passed) == (3, 1)
        assert s.retention[365].overall == pytest.approx(5 / 10)
        assert s.reviews_total == 10
        # one deck asked for: only its answers
        alone = ws.stats(["other"])
        assert list(alone.retention_by_deck) == ["other"]
        assert alone.retention[30] == other[30] and alone.reviews_total == 6
        # the screen's table gives each deck its own line
        rows = [line.split() for line in plain(draw(s, 80)).splitlines()]
        by_deck = {r[0]: r[1:] for r in rows if r and r[0] in ("small", "other")}
        assert by_deck == {
            "small": ["75.0%", "(4)", "75.0%", "(4)", "75.0%", "(4)"],
            "other": ["25.0%", "(4)", "40.0%", "(5)", "33.3%", "(6)"],
        }
    finally:
        ws.close()


def test_no_statistic_reads_every_card_state_or_the_whole_log(
    workspace: Workspace, clock: FixedClock
) -> None:
    """Each query of the statistics uses an index: none scans card_state or review_log."""
    _log(workspace, "one", clock.now() - timedelta(days=1))
    statements: list[str] = []
    workspace.conn.set_trace_callback(statements.append)
    try:
        workspace.stats()
    finally:
        workspace.conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            plans += [row[3] for row in workspace.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    assert any("card_state_recall" in p for p in plans)
    assert any("card_state_buried" in p for p in plans)
    # a scan of the leeches' partial index reads the leeches only
    scans = [
        p
        for p in plans
        if p.startswith("SCAN") and ("card_state" in p or "review_log" in p)
        if not p.endswith("card_state_leech")
    ]
    assert scans == []
