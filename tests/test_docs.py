"""The documented examples work as documented."""

from __future__ import annotations

import re
from pathlib import Path

from trainer.core.config import parse_config
from trainer.core.deck import parse_deck

DOCS = Path(__file__).parents[1] / "docs"


def _blocks(name: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", (DOCS / name).read_text(encoding="utf-8"), re.DOTALL)


def test_config_example_parses() -> None:
    (block,) = _blocks("config.md", "toml")
    settings = parse_config(block, "config.toml")
    assert settings.limits("south-caucasus-dates").new_per_day == 10
    assert settings.new_per_day == 20


def test_deck_format_examples_load() -> None:
    blocks = _blocks("deck-format.md", "yaml")
    deck, problems = parse_deck(blocks[0], path="example.yaml", default_id="example")
    assert deck is not None and not problems
    assert [c.id for c in deck.cards] == ["csto", "first-karabakh-war"]
    for block in blocks[1:]:
        text = "title: Example\ncards:\n" + block
        deck, problems = parse_deck(text, path="example.yaml", default_id="example")
        assert deck is not None, [str(p) for p in problems]
