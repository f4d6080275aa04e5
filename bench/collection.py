"""Benchmark: a 100,000-card deck and a profile with a million review-log rows.

Prints JSON with:
  cold_load_s        a fresh process reads the new deck (parse + validate + sync)
  warm_start_s       process start to the first card's text ready, deck unchanged
  tui_first_card_s   the same, through the Textual app (headless) to the study screen
  tui_home_bundled_s process start to the home screen with the bundled decks only
  answer_p50_ms / answer_p99_ms   answer committed + next card's text ready, 1,000 answers
  peak_rss_mb        the largest resident set of any measured process
  stats_s            every statistic of the collection computed (SQL), median of 5
  tui_stats_screen_s the statistics screen opened from the home screen (headless), as the
                     Pilot waits for it (it also waits for the process to be idle: see below)
  tui_stats_drawn_s  the same, from the key to the last line of the figures drawn
  browse_first_s     the card browser opened from the home screen until its first results show
  browse_search_s    a text search typed into the browser until its results show (median)
  browse_action_s    suspend, unsuspend, undo and mark on the card under the cursor, each until
                     its row shows the change (median; browse_actions_s has each one)

Usage: python3 bench/collection.py --home DIR [--cards N] [--reviews N] [--keep]

Everything is written under DIR (used as TRAINER_HOME); without --keep the
folder is removed afterwards. This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = "bench"
KINDS = ("date", "person", "treaty", "place", "term", "other")


def write_deck(path: Path, cards: int) -> None:
    """A deck like the bundled ones: id, kind, front, back, and a source on each card."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        f.write("id: big\ntitle: Benchmark deck\ndescription: Generated cards.\ncards:\n")
        for i in range(cards):
            f.write(
                f"  - id: c{i}\n"
                f"    kind: {KINDS[i % len(KINDS)]}\n"
                f"    front: What happened in the year number {i} of the long list?\n"
                f"    back: Event {i} took place\n"
                f"    source: article-{i % 97}.txt ¶{i % 23}\n"
            )


def child(code: str, home: Path) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object."""
    env = {**os.environ, "TRAINER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.exit(f"benchmark step failed:\n{out.stderr}")
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    data["spawned"] = spawned
    return data


RSS = """
import resource
def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

COLD = (
    RSS
    + f"""
import json, time
t0 = time.perf_counter()
from trainer.workspace import Workspace
ws = Workspace({PROFILE!r})
entry = next(e for e in ws.files if e.deck_id == "big")
assert entry.parsed and entry.ok, entry.problems[:3]
print(json.dumps({{"seconds": time.perf_counter() - t0, "cards": entry.cards, "rss": rss_mb()}}))
"""
)

WARM = (
    RSS
    + f"""
import json, time
from trainer.workspace import Workspace
ws = Workspace({PROFILE!r})
session = ws.session(["big"])
text = session.current.card.front
assert text and not any(e.parsed for e in ws.files)
print(json.dumps({{"ready": time.time(), "rss": rss_mb()}}))
"""
)


def tui_child(study: bool) -> str:
    """A child that starts the Textual app headless and reports when its first screen is ready:
    the study screen's first question, or the home screen's deck list."""
    app = 'build_app(ws, study=True, decks=["big"])' if study else "build_app(ws)"
    ready = (
        'assert str(app.screen.query_one("#study-question").content)'
        if study
        else 'assert app.screen.query_one("#decks").row_count'
    )
    return (
        RSS
        + f"""
import asyncio, json, time
from trainer.workspace import Workspace
from trainer.ui.run import build_app

async def main():
    ws = Workspace({PROFILE!r})
    app = {app}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        {ready}
        return time.time()

ready = asyncio.run(main())
print(json.dumps({{"ready": ready, "rss": rss_mb()}}))
"""
    )


TUI = tui_child(study=True)
HOME = tui_child(study=False)

ANSWERS = (
    RSS
    + f"""
import json, random, time
from trainer.core.model import Rating
from trainer.workspace import Workspace
ws = Workspace({PROFILE!r})
session = ws.session(["big"], random.Random(1))
rng = random.Random(2)
ratings = [Rating.AGAIN] * 10 + [Rating.HARD] * 15 + [Rating.GOOD] * 60 + [Rating.EASY] * 15
times = []
origins = {{}}
for _ in range(1000):
    p = session.current
    if p is None:
        break
    origins[p.origin] = origins.get(p.origin, 0) + 1
    now = ws.clock.now()
    t0 = time.perf_counter()
    session.answer(rng.choice(ratings), now)
    text = session.current.card.front if session.current else ""
    times.append(time.perf_counter() - t0)
    session.idle()  # what the UI does once the card is on screen
times.sort()
n = len(times)
print(json.dumps({{"p50": times[n // 2] * 1000, "p99": times[int(n * 0.99)] * 1000, "max": times[-1] * 1000,
                   "origins": origins, "rss": rss_mb()}}))
"""
)


STATS = (
    RSS
    + f"""
import asyncio, json, time
from trainer.workspace import Workspace
from trainer.ui.run import build_app
ws = Workspace({PROFILE!r})
runs = []
for _ in range(5):
    t0 = time.perf_counter()
    stats = ws.stats()
    runs.append(time.perf_counter() - t0)
assert stats.reviews_total >= 1_000_000, stats.reviews_total

async def screen():
    # Two measures of the same thing. "pilot": press s with the Pilot and wait for it,
    # as this figure was first taken; the Pilot also waits until the whole process has
    # been idle for a moment, which on a busy machine adds much that no user waits
    # for. "drawn": from the key to the last line of the figures drawn to the screen.
    from trainer.ui import drawing
    rendered = [0.0]
    render_line = drawing.Drawing.render_line
    def noting(self, y):
        strip = render_line(self, y)
        rendered[0] = time.perf_counter()
        return strip
    drawing.Drawing.render_line = noting
    app = build_app(ws)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        pilot_times, drawn_times = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            await pilot.press("s")
            await pilot.pause()
            assert "True retention" in app.screen.query_one("#stats-text").text
            pilot_times.append(time.perf_counter() - t0)
            await pilot.press("escape")
            await pilot.pause()
            rendered[0] = 0.0
            t0 = time.perf_counter()
            app.simulate_key("s")
            while not rendered[0]:
                await asyncio.sleep(0.001)
            await pilot.pause()  # every line drawn: the last one notes the time
            drawn_times.append(rendered[0] - t0)
            await pilot.press("escape")
            await pilot.pause()
        return sorted(pilot_times)[2], sorted(drawn_times)[2]

runs.sort()
pilot_s, drawn_s = asyncio.run(screen())
print(json.dumps({{"stats": runs[2], "screen": pilot_s, "drawn": drawn_s, "rss": rss_mb()}}))
"""
)


BROWSE = (
    RSS
    + f"""
import asyncio, json, time
from trainer.workspace import Workspace
from trainer.ui.run import build_app
from textual.widgets import DataTable, Input, Static

ws = Workspace({PROFILE!r})

async def until(pilot, ready, limit=30.0):
    # Poll the screen (the browser may search in a worker thread) until ready() holds.
    # asyncio.sleep, not pilot.pause: the pilot also waits for the whole process to be
    # idle, which on a busy machine adds a tenth of a second that no user waits for.
    t0 = time.perf_counter()
    while not ready():
        if time.perf_counter() - t0 > limit:
            raise SystemExit("the browser never got there")
        await asyncio.sleep(0.001)

async def main():
    app = build_app(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        firsts = []
        for _ in range(3):
            t0 = time.perf_counter()
            app.simulate_key("b")
            await until(pilot, lambda: app.screen.query("#browse-results")
                        and app.screen.query_one(DataTable).row_count > 0
                        and "found" in str(app.screen.query_one("#browse-count", Static).content))
            firsts.append(time.perf_counter() - t0)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("b")
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count > 0)
        screen = app.screen
        table = screen.query_one(DataTable)

        def state_cell():
            return str(table.get_row_at(table.cursor_row)[2])

        searches = []
        for query in ("year number 4711", "event 99 took", "article-13 -kind:date"):
            count = screen.query_one("#browse-count", Static)
            before = count.content
            await pilot.press("slash")
            screen.query_one("#browse-query", Input).value = query
            t0 = time.perf_counter()
            app.simulate_key("enter")
            # shown_query: the search whose results are on screen (older code searched at once)
            await until(pilot, lambda: count.content is not before
                        and getattr(screen, "shown_query", query) == query
                        and "found" in str(count.content))
            searches.append(time.perf_counter() - t0)
        actions = {{}}
        for name, key, done in (
            ("suspend", "s", lambda: state_cell().startswith("suspended")),
            ("unsuspend", "s", lambda: not state_cell().startswith("suspended")),
            ("undo", "u", lambda: state_cell().startswith("suspended")),
            ("undo again", "u", lambda: not state_cell().startswith("suspended")),
            ("bury", "b", lambda: "buried" in str(screen.query_one("#browse-card-text", Static).content)),
            ("undo bury", "u", lambda: "buried" not in str(screen.query_one("#browse-card-text", Static).content)),
        ):
            await pilot.pause()
            t0 = time.perf_counter()
            app.simulate_key(key)
            await until(pilot, done)
            actions[name] = time.perf_counter() - t0
        row = table.cursor_row
        await pilot.pause()
        t0 = time.perf_counter()
        app.simulate_key("space")
        await until(pilot, lambda: table.cursor_row == row + 1 and str(table.get_row_at(row)[0]) == "✓")
        actions["mark"] = time.perf_counter() - t0
        return sorted(firsts)[1], sorted(searches)[1], actions

first, search, actions = asyncio.run(main())
print(json.dumps({{"first": first, "search": search, "actions": actions, "rss": rss_mb()}}))
"""
)


def build_history(home: Path, reviews: int, seed: int = 7) -> dict[str, int]:
    """Give every card a memory state and spread ``reviews`` log rows over the past years."""
    db = home / "data" / "profiles" / f"{PROFILE}.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    rng = random.Random(seed)
    now = time.time()
    day = 86400.0
    ids = [r[0] for r in conn.execute("SELECT card_rowid FROM card_state ORDER BY card_rowid")]
    per_card, extra = divmod(reviews, len(ids))
    conn.execute("BEGIN")
    states = []
    log = []
    for index, rowid in enumerate(ids):
        count = per_card + (1 if index < extra else 0)
        stability = rng.uniform(1, 400)
        difficulty = rng.uniform(1, 10)
        # about 3% of cards due today, the rest later; a few in (re)learning
        if rng.random() < 0.03:
            due = now - rng.uniform(0, 5 * day)
        else:
            due = now + rng.uniform(1 * day, 300 * day)
        state, queue = (1, 1) if rng.random() < 0.005 else (2, 2)
        last = now - rng.uniform(1, 60) * day
        states.append(
            (queue, state, 0 if state == 1 else None, stability, difficulty, due, last, rowid)
        )
        # the card's reviews, oldest first, the last one at `last`
        times = [last]
        for _ in range(count - 1):
            times.append(times[-1] - rng.uniform(5, 30) * day)
        for k, t in enumerate(reversed(times)):
            log.append(
                (
                    rowid,
                    t,
                    rng.choice((1, 2, 3, 3, 3, 4)),
                    rng.randint(2000, 20000),
                    2 if k else 0,
                    None,
                    stability * 0.8 if k else None,
                    difficulty if k else None,
                    t,
                    t - day if k else None,
                    2,
                    None,
                    stability,
                    difficulty,
                    t + stability * day,
                    stability * day,
                )
            )
        if len(log) >= 200_000:
            _insert_log(conn, log)
            log.clear()
    _insert_log(conn, log)
    conn.executemany(
        "UPDATE card_state SET queue = ?, state = ?, step = ?, stability = ?, difficulty = ?, due = ?,"
        " last_review = ? WHERE card_rowid = ?",
        states,
    )
    conn.execute("COMMIT")
    counts = {
        "card_states": conn.execute("SELECT COUNT(*) FROM card_state").fetchone()[0],
        "review_log_rows": conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0],
    }
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return counts


def _insert_log(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO review_log (card_rowid, reviewed_at, rating, duration_ms, state_before, step_before,"
        " stability_before, difficulty_before, due_before, last_review_before, state_after, step_after,"
        " stability_after, difficulty_after, due_after, interval) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, required=True, help="folder to use as TRAINER_HOME")
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="leave the folder in place")
    args = parser.parse_args()
    home: Path = args.home.absolute()
    if home.exists() and any(home.iterdir()):
        sys.exit(f"{home} is not empty; give an empty or new folder")
    try:
        # The home screen with the bundled decks only: first run, then warm.
        home_first = child(HOME, home)
        home_warm = sorted(r["ready"] - r["spawned"] for r in (child(HOME, home) for _ in range(3)))
        deck = home / "data" / "decks" / "big.yaml"
        write_deck(deck, args.cards)
        config = home / "config" / "config.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        # Limits high enough for 1,000 answers in one sitting.
        config.write_text(
            "[decks.big]\nnew_per_day = 2000\nreviews_per_day = 5000\n", encoding="utf-8"
        )

        cold = child(COLD, home)
        history = build_history(home, args.reviews)
        warm_runs = [child(WARM, home) for _ in range(5)]
        warm = sorted(r["ready"] - r["spawned"] for r in warm_runs)
        tui_runs = [child(TUI, home) for _ in range(3)]
        tui = sorted(r["ready"] - r["spawned"] for r in tui_runs)
        answers = child(ANSWERS, home)
        stats = child(STATS, home)
        browse = child(BROWSE, home)
        result = {
            "cores": os.cpu_count(),
            "python": sys.version.split()[0],
            "cards": int(cold["cards"]),
            "deck_mb": round(deck.stat().st_size / 1e6, 1),
            **history,
            "tui_home_bundled_first_run_s": round(home_first["ready"] - home_first["spawned"], 3),
            "tui_home_bundled_s": round(home_warm[1], 3),
            "cold_load_s": round(cold["seconds"], 3),
            "warm_start_s": round(warm[len(warm) // 2], 3),
            "warm_start_runs_s": [round(w, 3) for w in warm],
            "tui_first_card_s": round(tui[len(tui) // 2], 3),
            "answer_p50_ms": round(answers["p50"], 3),
            "answer_p99_ms": round(answers["p99"], 3),
            "answer_max_ms": round(answers["max"], 3),
            "answers_by_origin": answers["origins"],
            "stats_s": round(stats["stats"], 3),
            "tui_stats_screen_s": round(stats["screen"], 3),
            "tui_stats_drawn_s": round(stats["drawn"], 3),
            "browse_first_s": round(browse["first"], 3),
            "browse_search_s": round(browse["search"], 3),
            "browse_action_s": round(
                sorted(browse["actions"].values())[len(browse["actions"]) // 2], 3
            ),
            "browse_actions_s": {k: round(v, 3) for k, v in browse["actions"].items()},
            "peak_rss_mb": round(max(r["rss"] for r in [cold, answers, *warm_runs, *tui_runs]), 1),
            "peak_rss_mb_core": round(max(r["rss"] for r in [cold, answers, *warm_runs]), 1),
        }
        print(json.dumps(result, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
