"""Regenerate the drafts behind the bundled decks.

    python3 tools/draft_decks.py [--articles DIR] [--out DIR]

Runs the generator over the source articles (default ../shared/articles) and
writes one draft deck per kind to DIR (default drafts/, not committed):
dates.yaml, people.yaml, treaties.yaml. The bundled decks in decks/ are these
drafts edited by hand: same card ids, wording reviewed card by card.
tests/generate/test_bundled_decks.py fails when a bundled deck lacks a card id
the generator produces, so a regenerated draft shows what to review.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.generate import generate  # noqa: E402
from trainer.generate.deck import deck_yaml  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=Path, default=ROOT.parent / "shared" / "articles")
    parser.add_argument("--out", type=Path, default=ROOT / "drafts")
    args = parser.parse_args()
    paths = sorted(args.articles.glob("*.txt"))
    if not paths:
        sys.exit(f"no articles in {args.articles}")
    result = generate(paths)
    args.out.mkdir(parents=True, exist_ok=True)
    names = [p.name for p in paths]
    for kind, file in (("date", "dates"), ("person", "people"), ("treaty", "treaties")):
        cards = [c for c in result.cards if c.kind == kind]
        text = deck_yaml(cards, f"draft-{file}", f"Draft: {file}", names)
        (args.out / f"{file}.yaml").write_text(text, encoding="utf-8")
        print(f"{args.out / f'{file}.yaml'}: {len(cards)} cards")
    for conflict in result.conflicts:
        print(f"conflict: {conflict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
