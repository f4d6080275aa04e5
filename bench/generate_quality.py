"""Benchmark: the generator's recall and precision per kind, and its speed.

Usage: python3 bench/generate_quality.py --articles DIR [--facts FILE]

DIR holds the two source articles (they are not part of this repository; name
their folder by hand). Quality: those articles against tests/data/facts.yaml (targets:
recall >= 95% and precision >= 90% for each kind). Speed: 100 articles of about
1,200 words (made by repeating and varying the source articles' paragraphs)
through the whole generator (target: under 5 s). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.generate import generate  # noqa: E402
from trainer.generate.quality import load_gold, score  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--articles", type=Path, required=True, help="the folder of the source articles (*.txt)"
    )
    parser.add_argument("--facts", type=Path, default=ROOT / "tests" / "data" / "facts.yaml")
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    paths = sorted(p for p in args.articles.glob("*.txt"))
    if not paths:
        parser.error(f"no articles (*.txt) in {args.articles}")
    result = generate(paths)
    scores = score(result.facts, load_gold(args.facts))
    quality = {
        s.kind: {
            "expected": s.expected,
            "found": s.found,
            "recall": round(s.recall, 3),
            "precision": round(s.precision, 3),
            "missed": list(s.missed),
            "not_expected": list(s.wrong),
        }
        for s in scores
    }
    # Speed: a corpus of `count` articles of ~1,200 words each.
    paragraphs = [
        line
        for p in paths
        for line in p.read_text(encoding="utf-8-sig").splitlines()
        if len(line) > 200
    ]
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = []
        for i in range(args.count):
            body, words = [], 0
            while words < 1200:
                para = rng.choice(paragraphs)
                body.append(para)
                words += len(para.split())
            path = Path(tmp) / f"article-{i:03d}.txt"
            path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
            corpus.append(path)
        started = time.perf_counter()
        big = generate(corpus)
        seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "cores": os.cpu_count(),
                "quality": quality,
                "speed": {
                    "articles": big.articles,
                    "words": big.words,
                    "seconds": round(seconds, 2),
                    "cards": len(big.cards),
                },
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
