"""The argument parser: every command, its options and its help."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer import __version__
from trainer.core.errors import UsageError

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
        "--history",
        action="store_true",
        help="list the quizzes taken (on the DECKs, if named; --json for scripts)",
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
