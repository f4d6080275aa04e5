"""Opening a deck file in the user's editor at a card's line.

``$VISUAL``, else ``$EDITOR``, else ``vi``; the command may carry its own
arguments (``code --wait``). Most editors take ``+LINE FILE``; the few that
do not are told the line their way.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path

from trainer.core.errors import UsageError

_PATH_COLON_LINE = {"code", "codium", "subl", "sublime_text", "zed", "hx", "helix"}
_GOTO_FLAG = {"code": "--goto", "codium": "--goto"}


def editor_command(path: Path, line: int, env: Mapping[str, str] | None = None) -> list[str]:
    """The command that opens ``path`` at ``line`` in the user's editor.

    Raises:
        UsageError: when $VISUAL or $EDITOR cannot be split into words.
    """
    env = os.environ if env is None else env
    raw = env.get("VISUAL") or env.get("EDITOR") or "vi"
    try:
        words = shlex.split(raw)
    except ValueError as exc:
        raise UsageError(
            f"the editor command {raw!r} cannot be read: {exc}", "check $VISUAL and $EDITOR"
        ) from exc
    if not words:
        words = ["vi"]
    name = Path(words[0]).name
    line = max(1, line)
    if name in _PATH_COLON_LINE:
        flag = [_GOTO_FLAG[name]] if name in _GOTO_FLAG else []
        return [*words, *flag, f"{path}:{line}"]
    return [*words, f"+{line}", str(path)]
