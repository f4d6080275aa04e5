"""The command line: ``main(argv) -> int``. The UI is imported only when needed.

Exit codes: 0 done, 1 failed, 2 bad input or usage. Errors go to stderr;
stdout stays clean for ``--json``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from trainer import __version__
from trainer.core.errors import Problem, TrainerError, UsageError

if TYPE_CHECKING:
    from trainer.workspace import Workspace

COMMANDS = (
    "home",
    "study",
    "quiz",
    "check",
    "decks",
    "unsuspend",
    "plan",
    "backup",
    "restore",
    "paths",
    "generate",
    "import",
    "export",
    "stats",
    "review",
)

EPILOG = """\
commands:
  (none)             open the home screen: every deck with today's counts
  study [DECK...]    study today's cards straight away (all decks by default)
  quiz DECK...       a quiz or timed exam on decks (--count, --minutes, --types, --format)
  check PATH...      validate deck files; exit 0 when clean, 2 when not
  decks [--json]     list the decks and today's new / learning / due counts
  unsuspend DECK [CARD...]  bring suspended cards back into study
  plan DECK... --exam DATE  plan toward an exam date: cards a day, predicted recall
  backup             back the profile up now
  restore [BACKUP]   list the backups, or put one back (the present is backed up first)
  paths              show where decks, progress and settings live
  generate ARTICLE...  draft a deck of dates, people and treaties from articles
  import FILE...     decks from Anki packages, CSV/TSV, Quizlet exports or YAML
  export DECK FILE   a deck to .yaml, .csv, .tsv or an Anki package (.apkg)
  stats [DECK...]    reviews, streak, retention, forecast and cards by state
  review DECK        accept, edit or drop a generated deck's draft cards

A DECK is a deck id (see 'trainer decks'), a deck file's name, or a path.
Profiles: --profile NAME, else $TRAINER_PROFILE, else your login name.
$TRAINER_HOME puts every file of the trainer under one folder.
Run 'trainer COMMAND --help' for a command's options.
"""


PLAIN_HELP = "no colour, and words instead of charts: for screen readers (also NO_COLOR)"


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
    top.add_argument("--plain", action="store_true", help=PLAIN_HELP)
    common = _Parser(add_help=False)
    common.add_argument(
        "--profile", metavar="NAME", default=argparse.SUPPRESS, help="whose progress to use"
    )
    common.add_argument("--plain", action="store_true", default=argparse.SUPPRESS, help=PLAIN_HELP)
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

    quiz = sub.add_parser(
        "quiz",
        parents=[common],
        help="a quiz or a timed exam",
        description="A quiz on decks: multiple choice, typed answers, true or false and "
        "timelines, scored, with a review of every mistake. With --minutes it is a timed exam: "
        "at zero it ends and unanswered questions count as wrong. With --format it writes the "
        "questions (and an answer key) instead, to print or hand round. A quiz leaves the study "
        "schedule alone unless you send the missed cards into relearning from its result.",
    )
    quiz.add_argument(
        "decks", nargs="*", metavar="DECK", help="deck ids, file names, paths or tags"
    )
    quiz.add_argument("--count", type=int, default=20, metavar="N", help="questions (default 20)")
    quiz.add_argument("--minutes", type=float, metavar="M", help="a time limit: a timed exam")
    quiz.add_argument(
        "--types",
        default="choice,typed,truefalse,timeline",
        metavar="T,T",
        help="question types to mix: choice, typed, truefalse, timeline (default: all)",
    )
    quiz.add_argument("--seed", type=int, metavar="S", help="the same seed gives the same quiz")
    quiz.add_argument(
        "--format",
        choices=("json", "markdown"),
        help="write the questions to stdout instead of opening the quiz",
    )
    quiz.add_argument(
        "--history", action="store_true", help="list the quizzes taken (with --json for scripts)"
    )
    quiz.add_argument("--json", action="store_true", help="with --history: print JSON")

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

    plan = sub.add_parser(
        "plan",
        parents=[common],
        help="plan toward an exam date",
        description="Set an exam date for decks and print the plan toward it: new cards a day "
        "to have seen every card in time, expected reviews a day, and the recall FSRS predicts "
        "on exam day. Until the exam, every card of those decks comes up at least once in the "
        "last days before it. Without --exam, show the plan already set.",
    )
    plan.add_argument("decks", nargs="+", metavar="DECK", help="deck ids, file names or paths")
    plan.add_argument("--exam", metavar="YYYY-MM-DD", help="the exam's date")
    plan.add_argument(
        "--target",
        type=float,
        metavar="R",
        help="the recall to aim at on exam day, 0.7 to 0.99 (default: desired_retention)",
    )
    plan.add_argument("--clear", action="store_true", help="forget the decks' exam date")
    plan.add_argument("--json", action="store_true", help="print JSON for scripts")

    sub.add_parser(
        "backup",
        parents=[common],
        help="back the profile up now",
        description="Back the profile's progress up now (SQLite's online backup). Backups are "
        "also made every 30 minutes of study and when the trainer exits after a change; the "
        "three newest, one a day for a week and one a week for eight weeks are kept.",
    )
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="list backups, or put one back",
        description="Without BACKUP, list this profile's backups. With BACKUP (a file from the "
        "list, or any trainer backup, from another machine too), put it back; what the profile "
        "holds now is backed up first, so a restore can itself be undone.",
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP", type=Path, help="a backup file")
    restore.add_argument("--latest", action="store_true", help="put back the newest backup")

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

    imp = sub.add_parser(
        "import",
        parents=[common],
        help="import decks from Anki, CSV/TSV, Quizlet or YAML",
        description="Turn Anki packages (.apkg, .colpkg), CSV/TSV files, Quizlet exports and YAML "
        "decks into decks in your deck folder, and load them. Importing an updated file again "
        "updates the same cards and keeps their progress.",
    )
    imp.add_argument("files", nargs="+", metavar="FILE", type=Path, help="the files to import")
    imp.add_argument(
        "--id",
        dest="deck_id",
        metavar="DECK_ID",
        help="the deck id (for a package with several decks, the id of their root)",
    )
    imp.add_argument(
        "--to", metavar="DIR", type=Path, help="write the decks here instead of your deck folder"
    )
    imp.add_argument(
        "--with-progress",
        action="store_true",
        help="bring each card's schedule and review history from an Anki package",
    )
    imp.add_argument(
        "--separator",
        metavar="S",
        help="the separator between term and definition (Quizlet's export: tab, comma or any text)",
    )
    imp.add_argument(
        "--row-separator",
        metavar="S",
        help="the separator between rows (Quizlet's export: newline, semicolon or any text)",
    )

    exp = sub.add_parser(
        "export",
        parents=[common],
        help="export a deck to YAML, CSV, TSV or an Anki package",
        description="Write one deck to FILE in the format its extension names: .yaml, .csv, .tsv "
        "or .apkg (opens in Anki; the cards' ids become the notes' GUIDs).",
    )
    exp.add_argument("deck", metavar="DECK", help="a deck id, deck file name or path")
    exp.add_argument("file", metavar="FILE", type=Path, help="the file to write")
    exp.add_argument(
        "--with-progress",
        action="store_true",
        help="with .apkg: carry each card's schedule and review history",
    )

    stats = sub.add_parser(
        "stats",
        parents=[common],
        help="statistics: reviews, streak, retention, forecast",
        description="Reviews per day over the last year, the current and longest streak, "
        "reviews and time over the last 30 days, true retention of young and mature cards "
        "over 7, 30 and 365 days, the cards due in the next 30 days, cards by state, the "
        "predicted recall now and the quiz history (docs/stats.md).",
    )
    stats.add_argument(
        "decks",
        nargs="*",
        metavar="DECK",
        help="deck ids, file names, paths or tags (default: all)",
    )
    stats.add_argument("--json", action="store_true", help="print JSON for scripts")
    stats.add_argument(
        "--width",
        type=int,
        default=0,
        metavar="N",
        help="draw for N columns (default: the terminal's)",
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
        _error(exc.message, exc.hint)
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

        error = store_error(exc)
        _error(error.message, error.hint)
        return error.exit_code
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("TRAINER_DEBUG"):
            raise
        _error(
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

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8")


def _error(message: str, hint: str = "") -> None:
    print(f"error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if getattr(args, "profile", None) is not None:
        from trainer.store.paths import profile_name

        profile_name(args.profile)  # a wrong --profile is named before anything else
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
    if command == "review":
        return cmd_review(args.profile, args.deck)
    if command == "quiz":
        return cmd_quiz(args)
    if command == "backup":
        return cmd_backup(args.profile)
    if command == "restore":
        return cmd_restore(args.profile, args.backup, args.latest)
    if command == "plan":
        return cmd_plan(args.profile, args.decks, args.exam, args.target, args.clear, args.json)
    if command == "import":
        return cmd_import(args)
    if command == "export":
        return cmd_export(args.profile, args.deck, args.file, args.with_progress)
    if command == "unsuspend":
        return cmd_unsuspend(args.profile, args.deck, args.cards)
    if command == "stats":
        plain = bool(getattr(args, "plain", False)) or "NO_COLOR" in os.environ
        return cmd_stats(args.profile, args.decks, args.json, args.width, plain)
    plain = bool(getattr(args, "plain", False))
    if command == "study":
        return cmd_tui(args.profile, args.decks, study=True, plain=plain)
    return cmd_tui(args.profile, [str(p) for p in args.decks], study=False, plain=plain)


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


def _workspace(profile: str | None, extra: Sequence[Path] = (), load: bool = True) -> Workspace:
    from trainer.workspace import Workspace, warn

    ws = Workspace(profile, extra, notify=warn, load=load)
    lost = ws.lost_answers()
    if lost is not None:
        warn(f"warning: {lost.message}")
        warn(f"  hint: {lost.hint}")
    return ws


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


def cmd_stats(
    profile: str | None, decks: Sequence[str], as_json: bool, width: int, plain: bool = False
) -> int:
    """``trainer stats``: the statistics screen as text, or its figures as JSON."""
    import shutil

    from trainer.core.stats import as_json as stats_json
    from trainer.core.statsdraw import draw
    from trainer.core.statsdraw import plain as text_of
    from trainer.workspace import deck_paths

    ws = _workspace(profile, deck_paths(decks))
    try:
        ids = ws.resolve_decks(decks) if decks else None
        stats = ws.stats(ids)
        title = ws.title(ids if ids is not None else [f.deck_id for f in ws.decks])
    finally:
        ws.close()
    if as_json:
        print(json.dumps({"decks": ids, **stats_json(stats)}, indent=2, ensure_ascii=False))
        return 0
    if width <= 0:
        width = min(100, shutil.get_terminal_size((80, 24)).columns)
    if width < 40:
        raise UsageError(f"--width {width} is too narrow", "give 40 columns or more")
    print(text_of(draw(stats, width, f"Statistics: {title}", words=plain)))
    return 0


def cmd_plan(
    profile: str | None,
    decks: Sequence[str],
    exam: str | None,
    target: float | None,
    clear: bool,
    as_json: bool,
) -> int:
    """``trainer plan``: set, show or clear an exam date and its plan."""
    from datetime import date

    from trainer.core.plan import WINDOW_DAYS
    from trainer.workspace import deck_paths

    day = None
    if exam is not None:
        try:
            day = date.fromisoformat(exam)
        except ValueError:
            raise UsageError(
                f"--exam {exam!r} is not a date", "write it as YYYY-MM-DD, e.g. 2026-12-15"
            ) from None
    if clear and (exam or target is not None):
        raise UsageError("--clear cannot be given with --exam or --target")
    ws = _workspace(profile, deck_paths(decks))
    try:
        ids = ws.resolve_decks(decks)
        if clear:
            n = ws.clear_exam(ids)
            print(f"exam date cleared for {n} deck{'s' if n != 1 else ''}")
            return 0
        plan = ws.plan(ids, day, target)
    finally:
        ws.close()
    if as_json:
        print(
            json.dumps(
                {
                    "decks": ids,
                    "exam": plan.exam.isoformat(),
                    "days_left": plan.days_left,
                    "cards": plan.cards,
                    "new_left": plan.new_left,
                    "new_per_day": plan.new_per_day,
                    "configured_new_per_day": plan.configured_new_per_day,
                    "reviews_per_day": round(plan.reviews_per_day, 1),
                    "peak_reviews": plan.peak_reviews,
                    "predicted_recall": round(plan.predicted_recall, 4),
                    "target": plan.target,
                },
                indent=2,
            )
        )
        return 0
    when = plan.exam.strftime("%A %d %B %Y").replace(" 0", " ")
    print(f"Exam on {when}: {plan.days_left} day{'s' if plan.days_left != 1 else ''} left.")
    print(f"Decks: {', '.join(ids)} ({plan.cards} cards, {plan.new_left} not studied yet)")
    if plan.new_left:
        raised = (
            f" (raised from {plan.configured_new_per_day} to be ready in time)"
            if plan.new_per_day > plan.configured_new_per_day
            else ""
        )
        print(f"New cards a day: {plan.new_per_day}{raised}")
    print(
        f"Reviews a day: about {plan.reviews_per_day:.0f} on average,"
        f" {plan.peak_reviews} on the busiest day"
    )
    print(f"Predicted recall on exam day: {plan.predicted_recall:.0%} (target {plan.target:.0%})")
    print(plan.explanation)
    print(
        f"Every card of these decks comes up at least once in the last {WINDOW_DAYS} days"
        " before the exam."
    )
    return 0


QUIZ_TYPES = ("choice", "typed", "truefalse", "timeline")


def cmd_quiz(args: argparse.Namespace) -> int:
    """``trainer quiz``: the quiz screen, the questions as JSON or Markdown, or the history."""
    import random

    from trainer.workspace import deck_paths

    if args.history:
        return _quiz_history(args.profile, args.json)
    if not args.decks:
        raise UsageError(
            "name the decks to quiz",
            "e.g. 'trainer quiz south-caucasus' ('trainer decks' lists them)",
        )
    if not 1 <= args.count <= 500:
        raise UsageError(f"--count {args.count} is out of range", "ask for 1 to 500 questions")
    if args.minutes is not None and not 0 < args.minutes <= 600:
        raise UsageError(f"--minutes {args.minutes:g} is out of range", "give 1 to 600 minutes")
    types = [t.strip() for t in args.types.split(",") if t.strip()]
    wrong = [t for t in types if t not in QUIZ_TYPES]
    if wrong or not types:
        raise UsageError(
            f"--types {args.types!r}: {', '.join(wrong) or 'none given'} is not a question type",
            "use any of: " + ",".join(QUIZ_TYPES),
        )
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    if args.format is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the quiz screen needs a terminal",
            "run it in a terminal, or write the questions with --format json|markdown",
        )
    if args.format is None:
        from trainer.ui.run import QuizOptions, run_app
        from trainer.workspace import Workspace, warn

        ws = Workspace(args.profile, deck_paths(args.decks), notify=warn, load=False)
        try:
            options = QuizOptions(tuple(args.decks), args.count, args.minutes, tuple(types), seed)
            return run_app(ws, quiz=options)
        finally:
            ws.close()
    from trainer.core.quiz.export import as_json, as_markdown
    from trainer.core.quiz.model import QuestionType

    ws = _workspace(args.profile, deck_paths(args.decks))
    try:
        ids = ws.resolve_decks(args.decks)
        questions = ws.quiz_questions(
            ids, args.count, [QuestionType(t) for t in types], random.Random(seed)
        )
        title = f"Practice exam: {ws.title(ids)}"
    finally:
        ws.close()
    sys.stdout.write(as_json(questions) if args.format == "json" else as_markdown(questions, title))
    return 0


def _quiz_history(profile: str | None, as_json: bool) -> int:
    from datetime import UTC, datetime

    ws = _workspace(profile, load=False)
    try:
        records = ws.quiz_history()
        tz = ws.clock.tz
    finally:
        ws.close()
    if as_json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "started": datetime.fromtimestamp(r.started_at, UTC).isoformat(),
                        "finished": datetime.fromtimestamp(r.finished_at, UTC).isoformat(),
                        "decks": list(r.decks),
                        "options": r.options,
                        "right": r.right,
                        "total": r.total,
                        "score": round(r.right / r.total, 4) if r.total else 0.0,
                        "pass_mark": r.pass_mark,
                        "passed": r.passed,
                        "timed_out": r.timed_out,
                    }
                    for r in records
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if not records:
        print("no quizzes taken yet; 'trainer quiz DECK...' starts one")
        return 0
    for r in records:
        when = datetime.fromtimestamp(r.finished_at, UTC).astimezone(tz)
        score = f"{r.right}/{r.total} ({r.right / r.total:.0%})" if r.total else "0/0"
        verdict = "passed" if r.passed else "failed"
        extra = ", time ran out" if r.timed_out else ""
        print(f"{when:%Y-%m-%d %H:%M}  {score:>14}  {verdict}{extra}  {', '.join(r.decks)}")
    return 0


def cmd_backup(profile: str | None) -> int:
    """``trainer backup``: a backup now."""
    ws = _workspace(profile, load=False)
    try:
        made = ws.backup()
    finally:
        ws.close()
    print(f"backed up to {made}")
    return 0


def cmd_restore(profile: str | None, backup: Path | None, latest: bool) -> int:
    """``trainer restore``: list the backups, or put one back (a damaged profile too)."""
    from trainer.core.errors import StoreBusyError, StoreError
    from trainer.store import backup as backup_store
    from trainer.store import paths as paths_mod
    from trainer.workspace import Clock

    p = paths_mod.resolve(profile)
    found = backup_store.backups(p.backups, p.profile)
    if backup is None and not latest:
        if not found:
            print("no backups yet; 'trainer backup' makes one")
            return 0
        tz = Clock().tz
        print(f"backups of profile '{p.profile}', newest first:")
        for b in found:
            answers = f"{b.answers} answers" if b.answers >= 0 else "unreadable"
            print(f"  {b.made.astimezone(tz):%Y-%m-%d %H:%M}  {answers:>14}  {b.path}")
        print("put one back with 'trainer restore BACKUP' (or --latest)")
        return 0
    if backup is None:
        if not found:
            raise UsageError("this profile has no backups yet", "'trainer backup' makes one now")
        backup = found[0].path
    try:
        ws = _workspace(profile, load=False)
    except StoreBusyError:
        raise
    except StoreError as exc:
        # The profile cannot even be opened: set it aside and put the backup in its place.
        aside = backup_store.replace_damaged(p.database, backup, Clock().now())
        print(f"the profile could not be opened ({exc.message})")
        print(f"restored {backup}; the damaged file is kept as {aside}")
        return 0
    try:
        restored, before = ws.restore(backup)
    finally:
        ws.close()
    print(f"restored {restored}")
    print(f"what the profile held before is backed up in {before}")
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


class _Bar:
    """A progress bar on stderr for long imports (only when stderr is a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = False
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.tty or total < 2000:
            return
        width = 30
        filled = width * done // max(total, 1)
        line = f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        print(line, end="", file=sys.stderr, flush=True)
        self.shown = True

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cmd_import(args: argparse.Namespace) -> int:
    """``trainer import``: files in, decks written and loaded; each file all or nothing."""
    from trainer.formats.model import ImportOptions

    if args.deck_id is not None and len(args.files) > 1:
        raise UsageError("--id names one deck", "import one file at a time when you give --id")
    if args.deck_id is not None and (not args.deck_id.strip() or "\n" in args.deck_id):
        raise UsageError("--id needs a deck id on one line")
    options = ImportOptions(args.deck_id, args.with_progress, args.separator, args.row_separator)
    ws = _workspace(args.profile)
    failed = 0
    try:
        for path in args.files:
            bar = _Bar(f"import {path.name}")
            try:
                report = ws.import_file(path, options, args.to, bar)
            except TrainerError as exc:
                bar.end()
                _error(exc.message, exc.hint)
                failed += 1
                continue
            bar.end()
            cards = sum(n for _, _, n in report.decks)
            print(
                f"{path}: {report.kind}: {_plural(len(report.decks), 'deck')}, {_plural(cards, 'card')}"
                + (f", {_plural(report.media, 'media file')}" if report.media else "")
            )
            width = max(len(d) for d, _, _ in report.decks) if report.decks else 0
            for deck_id, where, n in report.decks:
                print(f"  {deck_id:<{width}}  {_plural(n, 'card'):>10}  {where}")
            if args.with_progress and report.kind == "Anki package":
                print(
                    f"  progress: {_plural(report.states, 'card state')}, {_plural(report.reviews, 'review')}"
                )
            for note in report.notes:
                print(f"  note: {note}")
            if report.skipped:
                print(f"  skipped {len(report.skipped)}:")
                for line in report.skipped[:20]:
                    print(f"    {line}")
                if len(report.skipped) > 20:
                    print(f"    ... and {len(report.skipped) - 20} more")
            if report.outside is not None:
                print(
                    f"  {report.outside} is outside your deck folder: name it to study"
                    f" (trainer study {report.outside})"
                )
    finally:
        ws.close()
    return 2 if failed else 0


def cmd_export(profile: str | None, deck: str, file: Path, with_progress: bool) -> int:
    """``trainer export``: one deck out, in the format the file's extension names."""
    from trainer.workspace import deck_paths

    ws = _workspace(profile, deck_paths([deck]))
    try:
        report = ws.export_deck(deck, file, with_progress)
    finally:
        ws.close()
    print(
        f"{report.deck_id}: wrote {_plural(report.entries, 'entry').replace('entrys', 'entries')}"
        f" ({_plural(report.cards, 'card')}) to {file} ({report.kind})"
        + (f", {_plural(report.media, 'media file')}" if report.media else "")
    )
    if with_progress and report.kind == "APKG":
        print(
            f"  progress: {_plural(report.states, 'card state')}, {_plural(report.reviews, 'review')}"
        )
    for note in report.notes:
        print(f"  note: {note}")
    return 0


def cmd_tui(profile: str | None, decks: Sequence[str], study: bool, plain: bool = False) -> int:
    """The TUI: the home screen, or straight into study. Decks are read inside it."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the study screen needs a terminal", "run trainer in a terminal, or use 'trainer decks'"
        )
    from trainer.workspace import Workspace, deck_paths, warn

    ws = Workspace(profile, deck_paths(decks), notify=warn, load=False, lenient=True)
    try:
        from trainer.ui.run import run_app

        plain = plain or "NO_COLOR" in os.environ
        return run_app(ws, study=study, decks=decks, plain=plain)
    finally:
        ws.close()
