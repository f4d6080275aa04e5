"""Build decks/exam.yaml: every card of the dates, people, treaties and places decks, mixed.

    python3 tools/build_exam.py [--check]

The exam deck is derived, never edited by hand: change the three source decks
and run this again. Cards keep their ids (the exam deck has its own progress).
The order interleaves the kinds so a study session mixes them. With --check,
exit 1 when decks/exam.yaml is not what this would write (the tests use it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("dates.yaml", "people.yaml", "treaties.yaml", "places.yaml")
HEADER = (
    "# Built by tools/build_exam.py from dates.yaml, people.yaml, treaties.yaml and places.yaml.\n"
    "# Do not edit: change those decks and run the tool again. Each card's source names\n"
    "# the article and paragraph, as the header of those decks explains.\n"
)


def build(decks: Path) -> str:
    """The exam deck's text."""
    groups = []
    for name in SOURCES:
        # BaseLoader keeps every value as the text written, like the trainer's own loader.
        data = yaml.load((decks / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        groups.append(list(data["cards"]))
    mixed = []
    while any(groups):
        for group in groups:
            if group:
                mixed.append(group.pop(0))
    body = {
        "format": "1",
        "id": "south-caucasus-exam",
        "title": "South Caucasus — exam",
        "description": "Every date, person, treaty and place of the South Caucasus decks, mixed, for exam practice.",
        "tags": ["south-caucasus", "exam"],
        "cards": mixed,
    }
    return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="only check that exam.yaml is up to date"
    )
    args = parser.parse_args()
    decks = ROOT / "decks"
    text = build(decks)
    target = decks / "exam.yaml"
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(
                "decks/exam.yaml is out of date: run python3 tools/build_exam.py", file=sys.stderr
            )
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"{target}: {text.count(chr(10) + '- id:')} cards")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
