"""The fast deck reader gives exactly what PyYAML gives, or steps aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from trainer.core.yamlnodes import GiveUp, Map, Node, Scalar, Seq, fast_compose, yaml_compose


def dump(node: Node | None) -> object:
    """A comparable form: values, kinds and positions."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return ("s", node.value, node.line, node.col)
    if isinstance(node, Seq):
        return ("q", node.line, node.col, [dump(n) for n in node.value])
    assert isinstance(node, Map)
    return ("m", node.line, node.col, [(k, kl, kc, dump(v)) for k, kl, kc, v in node.value])


def fast_dump(text: str) -> object:
    """The fast reader's nodes, read to the end; None when it steps aside."""
    try:
        fast = fast_compose(text)
        return None if fast is None else dump(fast)
    except GiveUp:
        return None


def agree(text: str) -> bool:
    """True when the fast reader answered (and then it must match PyYAML)."""
    fast = fast_dump(text)
    if fast is None:
        return False
    assert fast == dump(yaml_compose(text)), text
    return True


DECKS = sorted((DATA / "decks").rglob("*.yaml")) + sorted(
    (Path(__file__).parents[2] / "decks").glob("*.yaml")
)


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_data_decks_agree(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    try:
        yaml_compose(text)
    except Exception:
        assert fast_dump(text) is None
        return
    agree(text)


def test_a_generated_style_deck_takes_the_fast_path() -> None:
    cards = "".join(
        f"  - id: c{i}\n    kind: date\n    when: '19{i:02d}'\n    front: What happened in 19{i:02d}?\n"
        f"    back: Event {i}\n    accept: [\"19{i:02d}\", 'year {i}']\n    source: a.txt ¶{i}\n"
        for i in range(50)
    )
    assert agree("id: gen\ntitle: Generated\ntags: [a, b]\ncards:\n" + cards)


@pytest.mark.parametrize(
    "text",
    [
        "title: x\ncards:\n  - {id: a}\n",
        "title: &a x\n",
        "title: !!str x\n",
        "title: |\n  block\n",
        "title: >-\n  folded\n",
        "title: x\n  continued\n",
        'title: "esc\\n"\n',
        "title: 'open\n",
        "---\ntitle: x\n",
        "title: x\r\n",
        "title:\tx\n",
        "- a\n- b\n",
        "title: a: b\n",
        "tags: [a, [b]]\n",
        "tags: [a, 'b]\n",
        'tags: ["a\\"]\n',
        "tags: [a b\n",
        "tags: [a: b]\n",
        "title: x\u2028y\n",
        "title: x\x07\n",
        "? complex\n: key\n",
        "title: -5\n",
    ],
)
def test_unusual_yaml_is_left_to_pyyaml(text: str) -> None:
    assert fast_dump(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "title: x\ncards:\n  - id: a\n    front: q\n    back: no\n",
        "title: x\ncards:\n- id: a\n  front: q\n",
        "cards:\n  - id: a\n    tags:\n    - x\n    - y\n    back: b\n",
        "cards:\n  - id: a\n    tags:\n      - x\n    back:\n    front: 'it''s' # note\n",
        "title: x # comment\n# full line\n\ncards: []\n",
        'title: "Café — “quotes”"\ntags: [a,  b , c]\n',
        "accept: ['x, y', \"1988–1994\", plain words ,]\n",
        "title: 12:30\nx: 2025-07-10\ny: 1e3\nz: ~\nw: null\n",
        "a:\nb: x#y\nc: 'x' #c\n",
        "cards:\n  - plain text item\n  - 'quoted item'\n  -   spaced: out\n",
        "",
        "# only a comment\n",
    ],
)
def test_plain_decks_take_the_fast_path(text: str) -> None:
    assert agree(text) or text.strip() == "" or text.startswith("#")


_words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))
    | st.sampled_from(" :#'\"-[],{}&*!|>%@`?"),
    min_size=0,
    max_size=12,
)


def _value(draw: st.DrawFn) -> str:
    word = draw(_words)
    style = draw(st.sampled_from(["plain", "single", "double", "flow", "empty"]))
    if style == "single":
        return "'" + word.replace("'", "''") + "'"
    if style == "double":
        return '"' + word + '"'
    if style == "flow":
        return "[" + ", ".join(draw(st.lists(_words, max_size=3))) + "]"
    if style == "empty":
        return ""
    return word


@st.composite
def decks(draw: st.DrawFn) -> str:
    lines = [f"title: {_value(draw)}"]
    if draw(st.booleans()):
        lines.append("# a comment")
    lines.append("cards:" + draw(st.sampled_from(["", " ", "  # list"])))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["", "   ", "  # note", "# top"])))
    dash = draw(st.sampled_from(["  ", "", "    "]))
    for _ in range(draw(st.integers(0, 4))):
        keys = draw(
            st.lists(
                st.sampled_from(["id", "front", "back", "kind", "tags", "x-y"]),
                min_size=1,
                max_size=4,
            )
        )
        for i, key in enumerate(keys):
            prefix = dash + ("- " if i == 0 else "  ")
            if key == "tags" and draw(st.booleans()):
                lines.append(f"{prefix}{key}:" + draw(st.sampled_from(["", " ", " # c"])))
                nest = dash + draw(st.sampled_from(["  ", "    ", "      "]))
                for word in draw(st.lists(_words, min_size=1, max_size=3)):
                    lines.append(f"{nest}- {word}")
            else:
                lines.append(
                    f"{prefix}{key}: {_value(draw)}".rstrip(" ")
                    if draw(st.booleans())
                    else f"{prefix}{key}: {_value(draw)}"
                )
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "  # between", "#", dash + "  # c"])))
    if draw(st.booleans()):
        lines.append(f"description: {_value(draw)}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=400, deadline=None)
@given(decks())
def test_fast_reader_matches_pyyaml(text: str) -> None:
    try:
        expected = dump(yaml_compose(text))
    except Exception:
        assert fast_dump(text) is None, text
        return
    fast = fast_dump(text)
    if fast is not None:
        assert fast == expected, text
