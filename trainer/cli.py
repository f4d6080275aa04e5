"""The command line: ``main(argv) -> int``. The UI is imported only when needed.

Exit codes: 0 done, 1 failed, 2 bad input or usage. Errors go to stderr;
stdout stays clean for ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from trainer import __version__
from trainer.core.errors import Problem, TrainerError, UsageError

if TYPE_CHECKING:
    from trainer.workspace import Workspace

COMMANDS = ("home", "study", "check", "decks", "unsuspend", "paths", "generate", "review")

EPILOG = """\
commands:
  (none)             open the home screen: every deck with today's counts
  study [DECK...]    study today's cards straight away (all decks by default)
  check PATH...      validate deck files; exit 0 when clean, 2 when not
  decks [--json]     list the decks and today's new / learning / due counts
  unsuspend DECK [CARD...]  bring suspended cards back into study
  paths              show where decks, progress and settings live
  generate ARTICLE...  draft a deck of dates, people and treaties from articles
  review DECK        accept, edit or drop a generated deck's draft cards

A DECK is a deck id (see 'trainer decks'), a deck file's name, or a path.
Profiles: --profile NAME, else $TRAINER_PROFILE, else your login name.
$TRAINER_HOME puts every file of the trainer under one folder.
Run 'trainer COMMAND --help' for a command's options.
"""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors with exit code 2 in our style."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message, f"see '{self.prog} --help'")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    # --profile may come before or after the command; the subcommands' copy must
    # not overwrite a value given before it, hence SUPPRESS.
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--profile", metavar="NAME", help="whose progress to use")
    common = _Parser(add_help=False)
    common.add_argument(
        "--profile", metavar="NAME", default=argparse.SUPPRESS, help="whose progress to use"
    )
    parser = _Parser(
        prog="trainer",
        description="A terminal flashcard and quiz trainer with spaced repetition (FSRS).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[top],
    )
    parser.add_argument("--version", action="version", version=f"trainer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    home = sub.add_parser(
        "home",
        parents=[common],
        help="the home screen (the default)",
        description="Open the home screen: every deck with today's new, learning and due counts.",
    )
    home.add_argument(
        "decks",
        nargs="*",
        metavar="DECK_FILE",
        type=Path,
        help="extra deck files or folders to show",
    )

    study = sub.add_parser(
        "study",
        parents=[common],
        help="study today's cards",
        description="Study today's queue: learning cards due now, then reviews, then new cards.",
    )
    study.add_argument(
        "decks",
        nargs="*",
        metavar="DECK",
        help="deck ids, deck file names or paths (default: every deck)",
    )

    unsuspend = sub.add_parser(
        "unsuspend",
        parents=[common],
        help="bring suspended cards back",
        description="Bring a deck's suspended cards back into study: all of them, or the cards named.",
    )
    unsuspend.add_argument("deck", metavar="DECK", help="a deck id, deck file name or path")
    unsuspend.add_argument(
        "cards", nargs="*", metavar="CARD", help="card ids (default: every suspended card)"
    )

    check = sub.add_parser(
        "check",
        parents=[common],
        help="validate deck files",
        description="Validate deck files and report every problem as file:line:col. "
        "Exit 0 when clean, 2 when anything is wrong.",
    )
    check.add_argument(
        "paths", nargs="+", metavar="PATH", type=Path, help="deck files or folders of them"
    )

    decks = sub.add_parser(
        "decks",
        parents=[common],
        help="list decks with today's counts",
        description="List every deck (bundled, your deck folder, and files given) with today's counts.",
    )
    decks.add_argument("--json", action="store_true", help="print JSON for scripts")
    decks.add_argument(
        "extra", nargs="*", metavar="DECK_FILE", type=Path, help="extra deck files or folders"
    )

    review = sub.add_parser(
        "review",
        parents=[common],
        help="review a generated deck's draft cards",
        description="Show each card marked 'draft:' beside the sentence it came from; accept, "
        "edit or drop it. Every change rewrites the deck file at once, keeping card ids.",
    )
    review.add_argument("deck", metavar="DECK", help="a deck id, deck file name or path")

    gen = sub.add_parser(
        "generate",
        parents=[common],
        help="draft a deck from articles",
        description="Find the dates, people and treaties in plain-text or Markdown articles and "
        "write a draft deck (format 1) with one card per fact. Without -o the deck goes to stdout; "
        "a summary goes to stderr.",
    )
    gen.add_argument(
        "articles", nargs="+", metavar="ARTICLE", type=Path, help="article files (.txt or .md)"
    )
    gen.add_argument(
        "-o", "--output", metavar="DECK.yaml", type=Path, help="where to write the deck"
    )
    gen.add_argument("--title", help="the deck's title")
    gen.add_argument("--id", dest="deck_id", help="the deck's id (default: from the file name)")
    gen.add_argument("--force", action="store_true", help="overwrite an existing output file")
    gen.add_argument(
        "--all",
        dest="keep_all",
        action="store_true",
        help="also write the cards the generator is not sure of (tagged 'unsure')",
    )

    paths = sub.add_parser(
        "paths",
        parents=[common],
        help="show where files live",
        description="Show where decks, progress and settings live for this profile.",
    )
    paths.add_argument("--json", action="store_true", help="print JSON for scripts")
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """Insert ``home`` when no command is named (``trainer``, ``trainer deck.yaml``)."""
    from trainer.core.deckfiles import deck_argument

    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--profile":
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
    try:
        args = build_parser().parse_args(_with_default_command(args_list))
        return _dispatch(args)
    except TrainerError as exc:
        _error(exc.message, exc.hint)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("TRAINER_DEBUG"):
            raise
        _error(
            f"unexpected failure: {exc!r}",
            "set TRAINER_DEBUG=1 to see the details, and please report it",
        )
        return 1


def _error(message: str, hint: str = "") -> None:
    print(f"error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "check":
        return cmd_check(args.paths)
    if command == "paths":
        return cmd_paths(args.profile, args.json)
    if command == "decks":
        return cmd_decks(args.profile, args.extra, args.json)
    if command == "generate":
        return cmd_generate(
            args.articles, args.output, args.title, args.deck_id, args.force, args.keep_all
        )
    if command == "unsuspend":
        return cmd_unsuspend(args.profile, args.deck, args.cards)
    if command == "review":
        return cmd_review(args.profile, args.deck)
    if command == "study":
        return cmd_tui(args.profile, args.decks, study=True)
    return cmd_tui(args.profile, [str(p) for p in args.decks], study=False)


def _print_problem(p: Problem) -> None:
    print(
        f"{'warning' if p.warning else 'error'}: {p}".replace(": warning: ", ": "), file=sys.stderr
    )


def cmd_check(paths: Sequence[Path]) -> int:
    """``trainer check``: validate files; 0 when clean, 2 with errors."""
    from trainer.core.deck import parse_deck
    from trainer.core.deckfiles import find_decks, read_deck_bytes
    from trainer.core.errors import DeckError

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = find_decks(p)
            if not found:
                _error(f"{p}: no deck files (*.yaml) in this folder")
                return 2
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            _error(f"{p}: no such file or folder", "check the path")
            return 2
    errors = warnings = cards = 0
    for f in files:
        try:
            data = read_deck_bytes(f)
        except DeckError as exc:
            for problem in exc.problems:
                _print_problem(problem)
            print(f"{f}: {len(exc.problems)} error{'s' if len(exc.problems) != 1 else ''}")
            errors += len(exc.problems)
            continue
        deck, problems = parse_deck(data, path=str(f), default_id=f.stem)
        for problem in problems:
            _print_problem(problem)
        bad = [problem for problem in problems if not problem.warning]
        errors += len(bad)
        warnings += len(problems) - len(bad)
        if deck is not None:
            cards += len(deck.cards)
            print(
                f"{f}: ok, {len(deck.cards)} cards"
                + (f", {len(problems)} warnings" if problems else "")
            )
        else:
            print(f"{f}: {len(bad)} error{'s' if len(bad) != 1 else ''}")
    if errors:
        print(
            f"{errors} error{'s' if errors != 1 else ''} in {len(files)} file{'s' if len(files) != 1 else ''}",
            file=sys.stderr,
        )
        return 2
    print(
        f"{len(files)} deck file{'s' if len(files) != 1 else ''} clean: {cards} cards"
        + (f", {warnings} warnings" if warnings else "")
    )
    return 0


def _workspace(profile: str | None, extra: Sequence[Path] = ()) -> Workspace:
    from trainer.workspace import Workspace, warn

    return Workspace(profile, extra, notify=warn)


def cmd_paths(profile: str | None, as_json: bool) -> int:
    """``trainer paths``: where everything lives."""
    from trainer.store import paths as paths_mod

    p = paths_mod.resolve(profile)
    bundled = paths_mod.bundled_decks()
    info = {
        "profile": p.profile,
        "database": str(p.database),
        "decks": str(p.decks),
        "config": str(p.config_file),
        "bundled": str(bundled[0].parent) if bundled else "",
        "home": os.environ.get("TRAINER_HOME", ""),
    }
    if as_json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"profile         {info['profile']}")
    print(f"progress        {info['database']}")
    print(f"your decks      {info['decks']}")
    print(
        f"settings        {info['config']}"
        + ("" if p.config_file.exists() else "  (not created; defaults apply)")
    )
    print(f"bundled decks   {info['bundled']}")
    if info["home"]:
        print(f"TRAINER_HOME    {info['home']}")
    return 0


def cmd_decks(profile: str | None, extra: Sequence[Path], as_json: bool) -> int:
    """``trainer decks``: every deck with today's counts."""
    ws = _workspace(profile, extra)
    try:
        rows = ws.rows()
    finally:
        ws.close()
    if as_json:
        out = [
            {
                "id": r.file.deck_id or Path(r.file.path).stem,
                "title": r.file.label,
                "path": r.file.path,
                "origin": r.file.origin,
                "status": r.file.status.value,
                "ok": r.file.ok,
                "cards": r.file.cards,
                "new": r.counts.new,
                "learning": r.counts.learning,
                "due": r.counts.review,
                "suspended": r.suspended,
                "errors": [str(p) for p in r.file.errors],
                "replaced_by": r.file.replaced_by or None,
                "warnings": len(r.file.warnings),
            }
            for r in rows
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        width = max([len(r.file.deck_id) for r in rows] + [5])
        print(
            f"{'deck':<{width}}  {'new':>5}  {'learn':>5}  {'due':>5}  {'susp':>5}  {'cards':>6}  title"
        )
        total = [0, 0, 0, 0, 0]
        for r in rows:
            f, c = r.file, r.counts
            if f.ok:
                values = (c.new, c.learning, c.review, r.suspended, f.cards)
                print(
                    f"{f.deck_id:<{width}}  "
                    + "  ".join(f"{v:>{w}}" for v, w in zip(values, (5, 5, 5, 5, 6), strict=True))
                    + f"  {f.label}"
                )
                total = [t + v for t, v in zip(total, values, strict=True)]
            else:
                print(
                    f"{f.deck_id:<{width}}  {'—':>5}  {'—':>5}  {'—':>5}  {'—':>5}  {'—':>6}"
                    f"  {f.label} ({f.status_text})"
                )
        print(
            f"{'total':<{width}}  "
            + "  ".join(f"{v:>{w}}" for v, w in zip(total, (5, 5, 5, 5, 6), strict=True))
        )
    for r in rows:
        for p in r.file.errors:
            _print_problem(p)
    return 0


def cmd_unsuspend(profile: str | None, deck: str, cards: Sequence[str]) -> int:
    """``trainer unsuspend``: suspended cards back into study."""
    from trainer.workspace import deck_paths

    ws = _workspace(profile, deck_paths([deck]))
    try:
        (deck_id,) = ws.resolve_decks([deck])[:1]
        back = ws.unsuspend(deck_id, cards)
    finally:
        ws.close()
    if back:
        print(f"{deck_id}: {len(back)} card{'s' if len(back) != 1 else ''} back in study")
    else:
        print(f"{deck_id}: no suspended cards")
    return 0


def cmd_review(profile: str | None, deck: str) -> int:
    """``trainer review``: the review screen on one deck file."""
    from trainer.core.deckfiles import deck_argument
    from trainer.workspace import deck_paths

    path = deck_argument(deck)
    if path is None or not path.is_file():
        ws = _workspace(profile, deck_paths([deck]))
        try:
            (deck_id,) = ws.resolve_decks([deck])[:1]
            path = Path(next(f.path for f in ws.files if f.deck_id == deck_id))
        finally:
            ws.close()
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the review screen needs a terminal", f"run 'trainer review {deck}' in a terminal"
        )
    from trainer.ui.run import run_review

    return run_review(path)


def cmd_generate(
    articles: Sequence[Path],
    output: Path | None,
    title: str | None,
    deck_id: str | None,
    force: bool,
    keep_all: bool = False,
) -> int:
    """``trainer generate``: articles in, a draft deck out; nothing written on bad input."""
    import time

    from trainer.generate import generate
    from trainer.generate.output import check_deck_id, check_output, validated, write_deck

    check_deck_id(deck_id)
    if output is not None:
        check_output(output, force)
    started = time.perf_counter()

    def progress(i: int, n: int, name: str) -> None:
        if n > 3 and (i == n or i % max(1, n // 10) == 0):
            print(f"generate: read {i}/{n} articles ({name})", file=sys.stderr)

    def reading(name: str, done: int, total: int) -> None:
        print(f"generate: {name}: {100 * done // total}% read", file=sys.stderr)

    result = generate(articles, deck_id, title, progress, keep_all, reading)
    if not result.cards:
        raise UsageError(
            f"no facts found to draft a card from in {', '.join(str(a) for a in articles)}",
            f"{result.held_back} uncertain cards were left out; --all keeps them for review"
            if result.held_back
            else "the generator looks for dates, people and treaties",
        )
    if output is None:
        sys.stdout.write(validated(result.yaml, "stdout"))
    else:
        write_deck(result.yaml, output)
    for conflict in result.conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    k = result.by_kind
    where = f" to {output}" if output else ""
    print(
        f"generate: {result.articles} article{'s' if result.articles != 1 else ''}, {result.words} words: "
        f"{k['date']} dates, {k['person']} people, {k['treaty']} treaties; "
        f"wrote {len(result.cards)} cards{where}"
        + (
            f" ({result.held_back} uncertain left out: --all keeps them)"
            if result.held_back
            else ""
        )
        + f"; {len(result.conflicts)} conflict"
        f"{'s' if len(result.conflicts) != 1 else ''} ({time.perf_counter() - started:.2f} s)",
        file=sys.stderr,
    )
    return 0


def cmd_tui(profile: str | None, decks: Sequence[str], study: bool) -> int:
    """The TUI: the home screen, or straight into study. Decks are read inside it."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the study screen needs a terminal", "run trainer in a terminal, or use 'trainer decks'"
        )
    from trainer.workspace import Workspace, deck_paths, warn

    ws = Workspace(profile, deck_paths(decks), notify=warn, load=False)
    try:
        from trainer.ui.run import run_app

        return run_app(ws, study=study, decks=decks)
    finally:
        ws.close()
