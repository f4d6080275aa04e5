"""A scrolling drawing of styled text lines, painted line by line.

The statistics are a few dozen lines of hundreds of small coloured pieces (the
heatmap alone is one piece per day). A Static would measure and render all of
it as rich content on every layout; this widget uses Textual's line API: it
knows its size from the lines, keeps one strip per line, and paints only the
rows on screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from trainer.core.textsafe import visible

Piece = tuple[str, str]
"""Some text and the name of its style."""


class Drawing(ScrollView, can_focus=True):
    """Lines of (text, style name) pieces; the names are looked up in ``styles``.

    The text is shown literally (never markup) and made visible first: a
    control character cannot reach the terminal.
    """

    DEFAULT_CSS = """
    Drawing {
        height: 1fr;
        background: $background;
    }
    """

    def __init__(self, styles: Mapping[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._styles = {name: Style.parse(value) for name, value in styles.items()}
        self._lines: list[list[tuple[str, Style | None]]] = []
        self._strips: dict[int, Strip] = {}
        self._base: Style | None = None

    def show(self, lines: Sequence[Sequence[Piece]]) -> None:
        """Draw these lines instead of the ones shown."""
        self._lines = [
            [(visible(text), self._styles.get(name)) for text, name in line] for line in lines
        ]
        self._strips.clear()
        width = max((sum(cell_len(t) for t, _ in line) for line in self._lines), default=0)
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    @property
    def text(self) -> str:
        """What is drawn, as plain text (one line per row)."""
        return "\n".join("".join(t for t, _ in line) for line in self._lines)

    def styles_used(self) -> set[str]:
        """Every style drawn, written as Rich writes it ("" for none)."""
        return {str(s) if s else "" for line in self._lines for _, s in line}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # the theme's colours changed: paint again

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        if base != self._base:
            self._base, self._strips = base, {}
        row = scroll_y + y
        if row >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(row)
        if strip is None:
            segments = [Segment(t, base + s if s else base) for t, s in self._lines[row] if t]
            strip = self._strips[row] = Strip(segments)
        return strip.crop_extend(scroll_x, scroll_x + width, base)
