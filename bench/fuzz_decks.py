"""Benchmark: a long run of the deck fuzzer (tests/fuzz.py); prints cases, crashes, hangs.

Usage: python3 bench/fuzz_decks.py [--cases N] [--seed S]

The test suite runs 300 cases; this runs as many as asked (default 20,000),
each through parse and sync into a temporary profile, and prints figures.
It asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz import run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        report = run(args.cases, args.seed, Path(tmp))
    print(
        json.dumps(
            {
                "cores": os.cpu_count(),
                "cases": report.cases,
                "whole_decks": report.decks,
                "crashes": len(report.crashes),
                "hangs_over_2s": len(report.hangs),
                "slowest_case_s": round(report.slowest, 3),
                "seconds": round(time.perf_counter() - started, 1),
                "first_crashes": report.crashes[:10],
                "first_hangs": report.hangs[:10],
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
