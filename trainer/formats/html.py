"""HTML (as Anki stores fields) -> plain text, and plain text -> HTML for Anki.

Line breaks are kept (``<br>``, block elements), entities decoded, other tags
dropped, scripts and styles dropped with their content. Images become
``[image:NAME]`` (sounds are already ``[sound:NAME]`` in Anki's text), so a
card names its media files. The scanner walks the text once with
``str.find``: linear time on any input, unclosed tags and comments included.
"""

from __future__ import annotations

import html
import re

_BREAK_TAGS = frozenset(
    ("br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
     "blockquote", "pre", "hr", "dd", "dt")
)  # fmt: skip
_DROP_WITH_CONTENT = ("script", "style", "head", "title")
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HIDDEN = re.compile(r"<(?:script|style|head|title)", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")
IMAGE = re.compile(r"\[image:([^\]\n]+)\]")
SOUND = re.compile(r"\[sound:([^\]\n]+)\]")


# Control characters other than tab and line breaks are never card text (they
# would garble a terminal, and a deck that holds one is refused): left out.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain(value: str) -> str:
    """Text that is not HTML: control characters left out, line breaks as '\\n', stripped."""
    if _CONTROLS.search(value):
        value = _CONTROLS.sub("", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def to_text(value: str) -> str:
    """Plain text for an HTML field: one line per line break, spaces collapsed, stripped."""
    if _CONTROLS.search(value):
        value = _CONTROLS.sub("", value)
    if "<" not in value:
        if "&" not in value and not _NEEDS_TIDY.search(value):
            return value.strip()
        return _tidy(value)
    if "<!--" in value or _HIDDEN.search(value):
        value = _drop_hidden(value, value.lower())
    return _tidy(_TAG.sub(_tag, value))


# A tag: '<', a name (or '/' and a name), anything but angle brackets, '>'. A '<'
# that starts no tag (as in "a < b") is text. Each failed match stops at the
# next '<', so the scan is linear.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>")
_NEEDS_TIDY = re.compile(r"[\r\n\t\f\u00a0]|  ")
_HARD = "\x00"  # <br>: every one is a line break
_SOFT = "\x01"  # block boundaries: several together make one line break


def _tag(m: re.Match[str]) -> str:
    name = m.group(2).lower()
    if name == "br":
        return _HARD
    if name in _BREAK_TAGS:
        return _SOFT
    if name == "img" and not m.group(1):
        src = _SRC.search(m.group(3))
        if src:
            found = html.unescape(next(g for g in src.groups() if g is not None)).strip()
            if found:
                return f" [image:{found}] "
    return ""


def _drop_hidden(value: str, lower: str) -> str:
    """The text without comments, scripts and styles (content and all)."""
    parts: list[str] = []
    pos = 0
    n = len(value)
    while pos < n:
        starts = [
            (i, tag)
            for tag in ("!--", *_DROP_WITH_CONTENT)
            if (i := lower.find("<" + tag, pos)) >= 0
        ]
        if not starts:
            parts.append(value[pos:])
            break
        at, tag = min(starts)
        parts.append(value[pos:at])
        if tag == "!--":
            end = value.find("-->", at + 4)
            pos = n if end < 0 else end + 3
        else:
            end = lower.find(f"</{tag}", at + 1)
            after = -1 if end < 0 else value.find(">", end)
            pos = n if after < 0 else after + 1
    return "".join(parts)


_SOFT_RUN = re.compile("\x01{2,}")


def _tidy(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    text = _SPACE.sub(" ", text)
    if _HARD in text or _SOFT in text:
        for mark in (_HARD, _SOFT):
            text = text.replace(" " + mark, mark).replace(mark + " ", mark)
        if _SOFT + _SOFT in text:
            text = _SOFT_RUN.sub(_SOFT, text)
        # A block boundary next to a <br> adds nothing; nor does one at either end.
        text = text.replace(_HARD + _SOFT, _HARD).replace(_SOFT + _HARD, _HARD)
        text = text.strip(_SOFT).replace(_SOFT, "\n").replace(_HARD, "\n")
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


def media_names(text: str) -> set[str]:
    """The media files a plain text names (``[image:...]`` and ``[sound:...]``)."""
    return {m.group(1).strip() for m in IMAGE.finditer(text)} | {
        m.group(1).strip() for m in SOUND.finditer(text)
    }


def to_html(text: str) -> str:
    """HTML for Anki: special characters escaped, line breaks as ``<br>``, images as ``<img>``."""
    out = html.escape(text, quote=False).replace("\n", "<br>")
    if "[image:" in out:
        out = IMAGE.sub(lambda m: f'<img src="{html.escape(m.group(1).strip())}">', out)
    return out
