"""Text from files shown in a terminal: control characters made visible.

A deck, an import or an article may hold escape sequences (``ESC ] 0 ;`` retitles
a terminal, ``ESC [ 2 J`` clears it). Nothing read from a file ever reaches a
terminal raw: C0 controls other than tab and newline, DEL and the C1 controls
are shown as visible symbols instead ("␛" for ESC, "␀" for NUL).
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""A control character that must not reach a terminal (tab and newline may)."""
_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "␡"
    return f"\\x{code:02x}"


def visible(text: str, one_line: bool = False) -> str:
    """``text`` with its control characters shown as symbols.

    Args:
        text: Any text read from a file or typed by someone.
        one_line: Also show tabs and line breaks as symbols (for titles, ids
            and table cells).
    """
    pattern = _ONE_LINE if one_line else CONTROL
    return pattern.sub(_picture, text) if pattern.search(text) else text


def control_name(text: str) -> str | None:
    """The first control character in ``text`` as 'U+001B', or None when there is none."""
    m = CONTROL.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


_BREAKS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> bool:
    """Whether ``text`` is one line with no control character but tab (a good id)."""
    return not _BREAKS.search(text)


def plural(n: int, word: str) -> str:
    """``1 card``, ``2 cards``: a count as a person reads it."""
    return f"{n} {word}{'' if n == 1 else 's'}"
