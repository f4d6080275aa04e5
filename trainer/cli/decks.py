"""Decks and study: check, paths, decks, unsuspend, stats and the TUI."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer.cli.common import error, open_workspace, print_problem
from trainer.core.errors import UsageError
from trainer.core.textsafe import plural


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
                error(f"{p}: no deck files (*.yaml) in this folder")
                return 2
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            error(f"{p}: no such file or folder", "check the path")
            return 2
    errors = warnings = cards = 0
    for f in files:
        try:
            data = read_deck_bytes(f)
        except DeckError as exc:
            for problem in exc.problems:
                print_problem(problem)
            print(f"{f}: {len(exc.problems)} error{'s' if len(exc.problems) != 1 else ''}")
            errors += len(exc.problems)
            continue
        deck, problems = parse_deck(data, path=str(f), default_id=f.stem)
        for problem in problems:
            print_problem(problem)
        bad = [problem for problem in problems if not problem.warning]
        errors += len(bad)
        warnings += len(problems) - len(bad)
        if deck is not None:
            cards += len(deck.cards)
            print(
                f"{f}: ok, {plural(len(deck.cards), 'card')}"
                + (f", {plural(len(problems), 'warning')}" if problems else "")
            )
        else:
            print(f"{f}: {plural(len(bad), 'error')}")
    if errors:
        print(
            f"{plural(errors, 'error')} in {plural(len(files), 'file')}",
            file=sys.stderr,
        )
        return 2
    print(
        f"{plural(len(files), 'deck file')} clean: {plural(cards, 'card')}"
        + (f", {plural(warnings, 'warning')}" if warnings else "")
    )
    return 0


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
    ws = open_workspace(profile, extra)
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
            print_problem(p)
    return 0


def cmd_unsuspend(profile: str | None, deck: str, cards: Sequence[str]) -> int:
    """``trainer unsuspend``: suspended cards back into study."""
    from trainer.workspace import deck_paths

    ws = open_workspace(profile, deck_paths([deck]))
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

    ws = open_workspace(profile, deck_paths(decks))
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
