"""Decks from elsewhere: generate and review, import and export."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer.cli.common import ProgressBar, error, open_workspace
from trainer.core.errors import TrainerError, UsageError
from trainer.core.textsafe import plural


def cmd_review(profile: str | None, deck: str) -> int:
    """``trainer review``: the review screen on one deck file."""
    from trainer.core.deckfiles import deck_argument
    from trainer.workspace import deck_paths

    path = deck_argument(deck)
    if path is None or not path.is_file():
        ws = open_workspace(profile, deck_paths([deck]))
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


def cmd_import(args: argparse.Namespace) -> int:
    """``trainer import``: files in, decks written and loaded; each file all or nothing."""
    from trainer.formats.model import ImportOptions

    if args.deck_id is not None and len(args.files) > 1:
        raise UsageError("--id names one deck", "import one file at a time when you give --id")
    if args.deck_id is not None and (not args.deck_id.strip() or "\n" in args.deck_id):
        raise UsageError("--id needs a deck id on one line")
    options = ImportOptions(args.deck_id, args.with_progress, args.separator, args.row_separator)
    ws = open_workspace(args.profile)
    failed = 0
    try:
        for path in args.files:
            bar = ProgressBar(f"import {path.name}")
            try:
                report = ws.import_file(path, options, args.to, bar)
            except TrainerError as exc:
                bar.end()
                error(exc.message, exc.hint)
                failed += 1
                continue
            bar.end()
            for kind, line in report.lines():
                indent = {"head": "", "skip": "    "}.get(kind, "  ")
                print(f"{indent}{line}")
    finally:
        ws.close()
    return 2 if failed else 0


def cmd_export(profile: str | None, deck: str, file: Path, with_progress: bool) -> int:
    """``trainer export``: one deck out, in the format the file's extension names."""
    from trainer.workspace import deck_paths

    ws = open_workspace(profile, deck_paths([deck]))
    try:
        report = ws.export_deck(deck, file, with_progress)
    finally:
        ws.close()
    print(
        f"{report.deck_id}: wrote {plural(report.entries, 'entry').replace('entrys', 'entries')}"
        f" ({plural(report.cards, 'card')}) to {file} ({report.kind})"
        + (f", {plural(report.media, 'media file')}" if report.media else "")
    )
    if with_progress and report.kind == "APKG":
        print(
            f"  progress: {plural(report.states, 'card state')}, {plural(report.reviews, 'review')}"
        )
    for note in report.notes:
        print(f"  note: {note}")
    return 0
