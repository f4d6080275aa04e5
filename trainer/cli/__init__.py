"""The command line: ``main(argv) -> int``. The UI is imported only when needed.

Exit codes: 0 done, 1 failed, 2 bad input or usage. Errors go to stderr;
stdout stays clean for ``--json``. Each command lives in the module of its
group (decks, exam, safety, content); a command's module is imported only
when the command runs.
"""

from __future__ import annotations

import argparse
import io
import os
import sqlite3
import sys
from collections.abc import Sequence
from typing import TextIO

from trainer.cli.common import error
from trainer.cli.parser import COMMANDS, build_parser
from trainer.core.errors import TrainerError

__all__ = ["COMMANDS", "build_parser", "main"]


def _with_default_command(argv: list[str]) -> list[str]:
    """Insert ``home`` when no command is named (``trainer``, ``trainer deck.yaml``)."""
    from trainer.core.deckfiles import deck_argument

    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--profile":
            if i + 1 >= len(argv):
                return argv  # argparse says the name is missing
            i += 2
            continue
        if arg.startswith("-"):
            if arg in ("-h", "--help", "--version"):
                return argv
            i += 1
            continue
        if arg in COMMANDS or deck_argument(arg) is None:
            return argv  # a command, or a typo argparse will name
        return [*argv[:i], "home", *argv[i:]]
    return [*argv, "home"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the trainer's command line.

    Returns:
        The exit code: 0 done, 1 failed, 2 bad input or usage.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Everything printed passes through a filter that shows control characters
    # (a deck's title may hold an escape sequence); the TUI writes to the
    # terminal itself and is not affected.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(out), _Visible(err)
    try:
        args = build_parser().parse_args(_with_default_command(args_list))
        return _dispatch(args)
    except TrainerError as exc:
        error(exc.message, exc.hint)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`trainer stats | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
        return 0
    except sqlite3.Error as exc:  # the profile database failed under a command
        from trainer.store.db import store_error

        failure = store_error(exc)
        error(failure.message, failure.hint)
        return failure.exit_code
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("TRAINER_DEBUG"):
            raise
        error(
            f"unexpected failure: {exc!r}",
            "set TRAINER_DEBUG=1 to see the details, and please report it",
        )
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = out, err


class _Visible(io.TextIOBase):
    """A text stream that shows control characters as symbols (see core/textsafe)."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        from trainer.core.textsafe import visible

        self._stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    @property
    def raw(self) -> TextIO:
        """The stream behind the filter, for the program's own control characters
        (a progress bar's carriage return); never for text from a file."""
        return self._stream

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8")


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if getattr(args, "profile", None) is not None:
        from trainer.store.paths import profile_name

        profile_name(args.profile)  # a wrong --profile is named before anything else
    if command in ("quiz", "plan"):
        from trainer.cli import exam

        if command == "quiz":
            return exam.cmd_quiz(args)
        return exam.cmd_plan(
            args.profile, args.decks, args.exam, args.target, args.clear, args.json
        )
    if command in ("backup", "restore"):
        from trainer.cli import safety

        if command == "backup":
            return safety.cmd_backup(args.profile)
        return safety.cmd_restore(args.profile, args.backup, args.latest)
    if command in ("generate", "review", "import", "export"):
        from trainer.cli import content

        if command == "generate":
            return content.cmd_generate(
                args.articles, args.output, args.title, args.deck_id, args.force, args.keep_all
            )
        if command == "review":
            return content.cmd_review(args.profile, args.deck)
        if command == "import":
            return content.cmd_import(args)
        return content.cmd_export(args.profile, args.deck, args.file, args.with_progress)
    from trainer.cli import decks

    if command == "check":
        return decks.cmd_check(args.paths)
    if command == "paths":
        return decks.cmd_paths(args.profile, args.json)
    if command == "decks":
        return decks.cmd_decks(args.profile, args.extra, args.json)
    if command == "unsuspend":
        return decks.cmd_unsuspend(args.profile, args.deck, args.cards)
    if command == "stats":
        plain = bool(getattr(args, "plain", False)) or "NO_COLOR" in os.environ
        return decks.cmd_stats(args.profile, args.decks, args.json, args.width, plain)
    plain = bool(getattr(args, "plain", False))
    if command == "study":
        return decks.cmd_tui(args.profile, args.decks, study=True, plain=plain)
    return decks.cmd_tui(args.profile, [str(p) for p in args.decks], study=False, plain=plain)
