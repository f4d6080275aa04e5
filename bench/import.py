"""Benchmark: importing a 10,000-note Anki package and a 10,000-row CSV.

Builds (under DIR) a modern Anki package (zstd collection.anki21b, schema 18)
of 10,000 notes in two decks — basic, reversed and cloze notes with some HTML,
tags and, for a quarter of the cards, a schedule and reviews — and a CSV of
10,000 rows, then times each whole ``trainer import`` process (start to exit:
read, YAML written, synced) and its peak memory. Prints JSON with:

  package_s / package_rss_mb                   first import of the package
  fresh_profile_package_s                      the same on a profile never opened before
  package_progress_s / package_progress_rss_mb the same with --with-progress
  package_again_s                              importing it again (updates in place)
  csv_s / csv_rss_mb                           first import of the CSV
  cpu_s                                        CPU seconds of the last process of each kind
  load_average                                 the machine's load meanwhile (other work slows the wall clock)
  cores                                        the machine's core count

Usage: python3 bench/import.py --home DIR [--notes N] [--keep]

Everything is written under DIR (used as TRAINER_HOME); without --keep the
folder is removed afterwards. Each import runs on a profile that has been
opened once (``trainer decks``), except the fresh-profile figure. This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.formats.anki_builder import CRT, Card, Note, build_package  # noqa: E402


def notes(count: int, rng: random.Random) -> list[Note]:
    out = []
    for i in range(count):
        deck = "Bench::Words" if i % 2 else "Bench::Phrases"
        tags = f" t{i % 13} level::{i % 5} "
        kind = i % 5
        if kind < 3:
            note = Note(
                f"g{i:06d}",
                "Basic",
                [f"Word <b>{i}</b> &amp; friends", f"Meaning {i}<br>second line"],
                tags,
                deck,
            )
        elif kind == 3:
            note = Note(f"g{i:06d}", "Basic (and reversed card)", [f"front {i}", f"back {i}"], tags, deck,
                        [Card(0), Card(1)])  # fmt: skip
        else:
            note = Note(f"g{i:06d}", "Cloze", [f"In {{{{c1::{1000 + i}}}}} the {{{{c2::event {i}}}}} happened", "extra"],
                        tags, deck, [Card(0), Card(1)])  # fmt: skip
        if i % 4 == 0:
            first = (CRT - 30 * 86_400) * 1000 + i * 10
            note.cards[0] = Card(
                note.cards[0].ord, 2, 2, rng.randint(0, 20), 10, 2500, 0,
                json.dumps({"s": round(rng.uniform(2, 40), 4), "d": round(rng.uniform(2, 8), 3)}),
                [(first, 3, 5000, 0), (first + 86_400_000, 3, 4000, 1), (first + 5 * 86_400_000, 2, 7000, 1)],
            )  # fmt: skip
        out.append(note)
    return out


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("Front,Back,Tags\n")
        for i in range(rows):
            f.write(f'"Question {i}, with a comma",Answer {i},t{i % 7}\n')


CPU: dict[str, float] = {}


def run(home: Path, *args: str) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one ``trainer`` process (its CPU time in CPU)."""
    env = {**os.environ, "TRAINER_HOME": str(home), "TRAINER_PROFILE": "bench"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "trainer", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(
            f"trainer {' '.join(args)} failed: {proc.stderr.read().decode() if proc.stderr else ''}"
        )
    key = " ".join(Path(a).suffix if a.startswith("/") else a for a in args)
    CPU[key] = round(usage.ru_utime + usage.ru_stime, 3)
    return round(elapsed, 3), round(usage.ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, required=True, help="a scratch folder (TRAINER_HOME)")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the folder afterwards")
    args = parser.parse_args()
    home = args.home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    try:
        package = build_package(home / "bench.apkg", notes(args.notes, random.Random(7)), "modern")
        table = home / "bench.csv"
        write_csv(table, args.notes)
        out: dict[str, object] = {
            "notes": args.notes,
            "package_mb": round(package.stat().st_size / 2**20, 2),
        }
        # Each import runs on a profile that has started once (its bundled decks
        # read), as a real one has; the very first start is timed on its own.
        out["fresh_profile_package_s"], _ = run(home / "fresh", "import", str(package))
        for name in "abc":
            run(home / name, "decks")
        out["package_s"], out["package_rss_mb"] = run(home / "a", "import", str(package))
        out["package_again_s"], _ = run(home / "a", "import", str(package))
        out["package_progress_s"], out["package_progress_rss_mb"] = run(
            home / "b", "import", str(package), "--with-progress"
        )
        out["csv_s"], out["csv_rss_mb"] = run(home / "c", "import", str(table))
        out["version_s"], _ = run(home / "d", "--version")
        out["cpu_s"] = CPU
        out["load_average"] = round(os.getloadavg()[0], 2)
        out["cores"] = os.cpu_count()
        print(json.dumps(out, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
