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
  package_no_bytecode_s                        a first import that compiles the trainer's modules
  cpu_s                                        CPU seconds of each kind of run above, by name
  median_s                                     with --repeat: each kind's median wall seconds
  load_average                                 the machine's load meanwhile (other work slows the wall clock)
  cores                                        the machine's core count

With --repeat N each kind runs N times, each time on a profile of its own,
and each figure is the best of the N (the median beside it): on a busy
machine the best run is the one least slowed by other work.

Usage: python3 bench/import.py --home DIR [--notes N] [--repeat N] [--keep]

Everything is written under DIR (used as TRAINER_HOME); without --keep the
folder is removed afterwards. Each import runs on a profile that has been
opened once (``trainer decks``), except the fresh-profile figure.

Python's compiled bytecode is kept in a cache under DIR and made before any
run is timed, as an installed package has it (installers compile it), even
where the environment says not to write bytecode; ``package_no_bytecode_s``
shows what compiling the trainer's modules on each start costs (a checkout
run with PYTHONDONTWRITEBYTECODE set). This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
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


@dataclass(slots=True)
class Figure:
    """One kind of run: its wall seconds, CPU seconds and peak resident megabytes, each run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)


FIGURES: dict[str, Figure] = {}


def run(home: Path, name: str, *args: str, bytecode: Path | None = None) -> None:
    """One ``trainer`` process, timed: its figures go to FIGURES[name], beside earlier runs.

    Args:
        bytecode: A folder for Python's bytecode cache; None writes none (a checkout
            without ``__pycache__`` folders then compiles the trainer's modules afresh).
    """
    env = {**os.environ, "TRAINER_HOME": str(home), "TRAINER_PROFILE": "bench"}
    env.pop("PYTHONPYCACHEPREFIX", None)
    if bytecode is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
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
    figure = FIGURES.setdefault(name, Figure())
    figure.wall.append(round(elapsed, 3))
    figure.cpu.append(round(usage.ru_utime + usage.ru_stime, 3))
    figure.rss.append(round(usage.ru_maxrss / 1024, 1))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, required=True, help="a scratch folder (TRAINER_HOME)")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each kind N times (each on its own profile)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the folder afterwards")
    args = parser.parse_args()
    home = args.home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    try:
        package = build_package(home / "bench.apkg", notes(args.notes, random.Random(7)), "modern")
        table = home / "bench.csv"
        write_csv(table, args.notes)
        cache = home / "bytecode"
        pkg, csv = str(package), str(table)
        # Untimed: every module the runs below load is compiled into the cache.
        run(home / "warm", "warm", "import", pkg, "--with-progress", bytecode=cache)
        run(home / "warm", "warm", "import", csv, bytecode=cache)
        for n in range(args.repeat):
            profile = home / f"run{n}"
            # The very first start of a profile is timed on its own; every other
            # import runs on a profile that has started once (its bundled decks
            # read), as a real one has.
            run(profile / "fresh", "fresh_profile_package", "import", pkg, bytecode=cache)
            for name in "abce":
                run(profile / name, "opened", "decks", bytecode=cache)
            run(profile / "a", "package", "import", pkg, bytecode=cache)
            run(profile / "a", "package_again", "import", pkg, bytecode=cache)
            run(profile / "b", "package_progress", "import", pkg, "--with-progress", bytecode=cache)
            run(profile / "c", "csv", "import", csv, bytecode=cache)
            run(profile / "e", "package_no_bytecode", "import", pkg)
            run(profile / "d", "version", "--version", bytecode=cache)
        del FIGURES["warm"], FIGURES["opened"]
        out: dict[str, object] = {
            "notes": args.notes,
            "package_mb": round(package.stat().st_size / 2**20, 2),
            "runs_of_each": args.repeat,
        }
        for name, figure in FIGURES.items():
            out[f"{name}_s"] = min(figure.wall)
        for name in ("package", "package_progress", "csv"):
            out[f"{name}_rss_mb"] = max(FIGURES[name].rss)
        out["cpu_s"] = {name: min(figure.cpu) for name, figure in FIGURES.items()}
        if args.repeat > 1:
            out["median_s"] = {name: statistics.median(f.wall) for name, f in FIGURES.items()}
        out["load_average"] = round(os.getloadavg()[0], 2)
        out["cores"] = os.cpu_count()
        print(json.dumps(out, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
