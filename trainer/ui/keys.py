"""How keys and their bindings are named to a person (help, palette)."""

from __future__ import annotations

from textual.binding import Binding

_NAMES = {
    "space": "Space",
    "enter": "Enter",
    "escape": "Esc",
    "question_mark": "?",
    "ctrl+c": "Ctrl+C",
    "ctrl+p": "Ctrl+P",
    "ctrl+s": "Ctrl+S",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "delete": "Del",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}


def key_name(key: str) -> str:
    """A key as a person reads it: 'space' -> 'Space', 'question_mark' -> '?'."""
    key = key.strip()
    return _NAMES.get(key, key)


def keys_of(binding: Binding) -> str:
    """Every key of a binding: 'Space, Enter'."""
    return ", ".join(key_name(k) for k in binding.key.split(","))


def binding_text(binding: Binding) -> str:
    """What a binding does, in words: its description, then its tooltip (which adds to it)."""
    return f"{binding.description} {binding.tooltip}".strip()
