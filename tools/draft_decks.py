"""Regenerate the drafts behind the bundled decks, or check the decks against the articles.

    python3 tools/draft_decks.py --articles DIR [--out DIR]
    python3 tools/draft_decks.py --articles DIR --check

DIR holds the source articles (*.txt). They are not part of this repository,
so nothing reads them unless their folder is named here by hand.

Without --check: runs the generator over the articles and writes one draft
deck per kind to --out (default drafts/, not committed): dates.yaml,
people.yaml, treaties.yaml. The bundled decks in decks/ were drafted this way
and then written card by card in the project's own words; decks/places.yaml
was written by hand (the generator does not draft places).

With --check: prints what a reviewer needs and exits 1 when a deck fails it:
  * facts the generator finds that no bundled card covers (by card id, or by
    the card it was merged into: see MERGED), and
  * runs of seven words or more that a bundled card (any deck) copies from an
    article.
The test suite checks the decks against tests/data/facts.yaml instead, which
is in the project's own words and lives in the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.core.deck import load_deck  # noqa: E402
from trainer.generate import generate  # noqa: E402
from trainer.generate.deck import deck_yaml  # noqa: E402

KINDS = (("date", "dates"), ("person", "people"), ("treaty", "treaties"))
DECKS = ("dates", "people", "treaties", "places")
# Generated facts that the bundled decks ask in another card, and that card's id:
# two generated facts about the same event become one card.
MERGED = {
    "date-2020-azerbaijan-launched-offensive-retake": "date-2020-second-karabakh-war",
    # The rewritten generator names these facts differently (a year-less
    # "July 10" no longer takes a year; the invasion is dated by its war); the
    # bundled cards keep their ids, so learners keep their progress.
    "date-2022-full-scale-war-against": "date-2022-02-russia-launched-full-scale",
    "treaty-peace-treaty": "treaty-peace-treaty-2025",
}


def shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    """Every run of ``n`` words in ``text``, lower-cased."""
    words = re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def check(paths: list[Path]) -> int:
    """Compare the bundled decks with the articles; 1 when something is wrong."""
    result = generate(paths)
    decks = {name: load_deck(ROOT / "decks" / f"{name}.yaml") for name in DECKS}
    failures = 0
    for kind, name in KINDS:
        entries = {c.entry for c in decks[name].cards}
        generated = {MERGED.get(c.id, c.id) for c in result.cards if c.kind == kind}
        missing = sorted(generated - entries)
        print(f"decks/{name}.yaml: {len(missing)} generated facts without a card")
        for card_id in missing:
            print(f"  missing: {card_id}")
        failures += len(missing)
    copied = shingles(" ".join(p.read_text(encoding="utf-8-sig") for p in paths))
    runs = 0
    for name, deck in decks.items():
        for card in deck.cards:
            for field in (card.front, card.back, card.note):
                overlap = shingles(field) & copied
                if overlap:
                    runs += 1
                    print(f"  decks/{name}.yaml {card.id}: copies '{' '.join(min(overlap))}'")
    print(f"cards copying seven or more words from an article: {runs}")
    return 1 if failures or runs else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--articles", type=Path, required=True, help="the folder of the source articles (*.txt)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "drafts")
    parser.add_argument("--check", action="store_true", help="check the bundled decks instead")
    args = parser.parse_args()
    paths = sorted(args.articles.glob("*.txt"))
    if not paths:
        parser.error(f"no articles (*.txt) in {args.articles}")
    if args.check:
        return check(paths)
    result = generate(paths)
    args.out.mkdir(parents=True, exist_ok=True)
    names = [p.name for p in paths]
    for kind, file in KINDS:
        cards = [c for c in result.cards if c.kind == kind]
        text = deck_yaml(cards, f"draft-{file}", f"Draft: {file}", names)
        (args.out / f"{file}.yaml").write_text(text, encoding="utf-8")
        print(f"{args.out / f'{file}.yaml'}: {len(cards)} cards")
    for conflict in result.conflicts:
        print(f"conflict: {conflict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
