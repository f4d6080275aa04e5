"""Practice exams in Markdown show card text literally, and still read as plain text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from trainer.core.quiz.export import _escape

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")

LINE = st.text(alphabet="ab 19.)#>+=-*_`[]()<>|~&!\\:/", min_size=1, max_size=20).map(str.strip)


def shown(markdown: str) -> str:
    """The text a reader sees when the Markdown is rendered, one line per line break."""
    out: list[str] = []
    for token in MD.parse(markdown):
        if token.type != "inline":
            if token.type.endswith("_open") and token.type != "paragraph_open":
                out.append(f"<{token.type}>")  # any block markup made is a failure
            continue
        for child in token.children or []:
            if child.type == "text":
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append("\n")
            else:
                out.append(f"<{child.type}>")
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE.filter(bool), min_size=1, max_size=3))
def test_card_text_renders_exactly_as_written(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert shown(_escape(text)) == text


def test_only_what_could_be_markup_is_escaped() -> None:
    assert (
        _escape("Treaty of Kars (1921), signed in Kars.")
        == "Treaty of Kars (1921), signed in Kars."
    )
    assert _escape("1921. The year") == "1921\\. The year"
    assert _escape("# not a heading\n- not a list") == "\\# not a heading  \n\\- not a list"
    assert _escape("*bold* [link](x) <b>&amp;") == "\\*bold\\* \\[link\\](x) \\<b\\>\\&amp;"
