"""One setting changed in the TOML text: checked first, comments kept; the editor command."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from trainer.core.configedit import check, set_value
from trainer.core.editor import editor_command
from trainer.core.errors import UsageError

TEXT = """\
# My settings, by hand.
desired_retention = 0.9   # a little high, on purpose
new_per_day = 20

[decks.dates]
new_per_day = 5  # slow: hard deck
"""


def test_a_value_is_changed_and_every_comment_stays() -> None:
    out = set_value(TEXT, "desired_retention", 0.85, "c.toml")
    assert "desired_retention = 0.85   # a little high, on purpose" in out
    assert "# My settings, by hand." in out and "# slow: hard deck" in out
    out = set_value(out, "day_rollover_hour", 6, "c.toml")
    data = tomllib.loads(out)
    assert data["day_rollover_hour"] == 6 and data["decks"]["dates"]["new_per_day"] == 5
    out = set_value(out, "reviews_per_day", 50, "c.toml", deck="places")
    assert tomllib.loads(out)["decks"]["places"] == {"reviews_per_day": 50}
    out = set_value(out, "new_per_day", None, "c.toml", deck="dates")
    assert "dates" not in tomllib.loads(out)["decks"]
    assert "# My settings, by hand." in out


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("day_rollover_hour", 24, "from 0 to 23"),
        ("desired_retention", 1.5, "from 0.7 to 0.99"),
        ("leech_threshold", -1, "from 0 to 99"),
        ("quiz_pass_mark", 0, "from 1 to 100"),
        ("leech_action", "delete", '"suspend" or "tag"'),
        ("learning_steps", ["1m", "soon"], "not a step"),
    ],
)
def test_a_wrong_value_is_refused_with_its_range(key: str, value: object, says: str) -> None:
    problem = check(key, value)  # type: ignore[arg-type]
    assert problem is not None and says in problem
    with pytest.raises(UsageError, match="not saved"):
        set_value(TEXT, key, value, "c.toml")  # type: ignore[arg-type]
    assert check("new_per_day", 10_000, deck="dates") is not None
    assert check("new_per_day", 10, deck="dates") is None


def test_a_file_that_is_not_toml_is_not_touched() -> None:
    with pytest.raises(UsageError, match="fix the file's TOML"):
        set_value("a = [\n", "new_per_day", 3, "c.toml")


def test_the_editor_opens_at_the_line() -> None:
    deck = Path("d.yaml")
    assert editor_command(deck, 12, {"EDITOR": "nano"}) == ["nano", "+12", "d.yaml"]
    assert editor_command(deck, 3, {"VISUAL": "code --wait", "EDITOR": "vi"}) == [
        "code",
        "--wait",
        "--goto",
        "d.yaml:3",
    ]
    assert editor_command(deck, 0, {}) == ["vi", "+1", "d.yaml"]
    with pytest.raises(UsageError):
        editor_command(deck, 1, {"EDITOR": "vim 'unclosed"})
