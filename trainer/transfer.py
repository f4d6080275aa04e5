"""Import and export for one profile: formats read and written, files placed, the store told.

A wiring room like ``workspace``: it joins ``formats`` (readers, writers),
``store`` (one transaction per import) and the files on disk. Each file
imported is all or nothing: its deck files and media are written under
temporary names, the catalog, card states and review log are changed in one
transaction, and the files are renamed into place just before it commits.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.core.deck import gc_paused, load_deck
from trainer.core.deckfiles import is_deck_name, read_deck_bytes
from trainer.core.errors import FormatError, UsageError
from trainer.core.model import Deck
from trainer.core.scheduler import study_day
from trainer.core.textsafe import plural
from trainer.formats import names
from trainer.formats.model import Imported, ImportOptions
from trainer.formats.yaml_write import IMPORTED_MARK, render
from trainer.store.catalog import DeckFile, DeckStatus, file_row
from trainer.store.exchange import apply_import, deck_progress

if TYPE_CHECKING:
    from trainer.workspace.base import Base as Workspace

EXPORTS = (".yaml", ".yml", ".csv", ".tsv", ".apkg")


@dataclass(slots=True)
class ImportReport:
    """What importing one file did.

    Attributes:
        decks: (deck id, file, cards) for each deck written.
        outside: The folder the decks went to, when it is not searched for decks.
    """

    source: Path
    kind: str
    decks: list[tuple[str, str, int]] = field(default_factory=list)
    media: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    states: int = 0
    reviews: int = 0
    outside: Path | None = None
    with_progress: bool = False

    def lines(self, skipped_shown: int = 20) -> list[tuple[str, str]]:
        """What the import made, line by line, each with its kind, for a person to read.

        Kinds: ``head`` (the file, its kind, decks, cards, media), ``deck`` (one per
        deck: its id, cards and file), ``progress``, ``note``, ``skipped`` (how many)
        and ``skip`` (one per item left out, with why: the first ``skipped_shown``,
        then how many more), ``outside`` (the decks went to a folder not searched).
        The command line prints them; the import dialog shows them.
        """
        cards = sum(n for _, _, n in self.decks)
        out = [
            (
                "head",
                f"{self.source}: {self.kind}: {plural(len(self.decks), 'deck')},"
                f" {plural(cards, 'card')}"
                + (f", {plural(self.media, 'media file')}" if self.media else ""),
            )
        ]
        width = max((len(d) for d, _, _ in self.decks), default=0)
        out += [
            ("deck", f"{deck_id:<{width}}  {plural(n, 'card'):>10}  {where}")
            for deck_id, where, n in self.decks
        ]
        if self.with_progress and self.kind == "Anki package":
            out.append(
                (
                    "progress",
                    f"progress: {plural(self.states, 'card state')},"
                    f" {plural(self.reviews, 'review')}",
                )
            )
        out += [("note", f"note: {note}") for note in self.notes]
        if self.skipped:
            out.append(("skipped", f"skipped {len(self.skipped)}:"))
            out += [("skip", line) for line in self.skipped[:skipped_shown]]
            if len(self.skipped) > skipped_shown:
                out.append(("skip", f"... and {len(self.skipped) - skipped_shown} more"))
        if self.outside is not None:
            out.append(
                (
                    "outside",
                    f"{self.outside} is outside your deck folder: name it to study"
                    f" (trainer study {self.outside})",
                )
            )
        return out


PHASES: dict[str, tuple[float, float]] = {
    "reading": (0.0, 0.4),
    "writing": (0.4, 0.7),
    "syncing": (0.7, 1.0),
}
"""The stretch of an import's progress bar each phase covers, from where it starts to where it
ends: about the share of the time each takes (bench/import.py, a 10,000-note package)."""


@dataclass(frozen=True, slots=True)
class ImportStep:
    """How far an import is, for a progress bar.

    Attributes:
        phase: What it is doing: ``reading`` the file, ``writing`` the deck files and
            media, ``syncing`` the profile (see PHASES).
        fraction: How much of the whole import is done, from 0 to 1. It never goes
            back, and it is 1 only once the decks are written and synced.
        items: How many notes or rows the file holds (0 until they are counted).
    """

    phase: str
    fraction: float
    items: int


ImportProgress = Callable[[ImportStep], None]
"""Told each step of an import."""


class _Steps:
    """Each phase's own (done, total) as steps of the whole import."""

    def __init__(self, report: ImportProgress | None) -> None:
        self.report = report
        self.items = 0
        self.last = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.report is None:
            return
        start, end = PHASES[phase]
        share = min(max(done / total, 0.0), 1.0) if total > 0 else 1.0
        self.last = max(self.last, start + (end - start) * share)
        self.report(ImportStep(phase, self.last, self.items))

    def reading(self, done: int, total: int) -> None:
        self.items = total
        self("reading", done, total)


@dataclass(slots=True)
class _Planned:
    target: Path
    text: bytes
    deck: Deck


def _made_by_import(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(IMPORTED_MARK)).decode("utf-8", "replace") == IMPORTED_MARK
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def import_file(
    ws: Workspace,
    path: Path,
    options: ImportOptions,
    to: Path | None = None,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import one file into the deck folder (or ``to``) and the profile.

    Args:
        progress: Told each step: reading, writing, syncing (see ImportStep).

    Raises:
        TrainerError: naming the file and the problem; nothing was changed.
    """
    steps = _Steps(progress)
    steps("reading", 0, 1)
    # Reading, writing and syncing a big file makes hundreds of thousands of objects
    # that all live until the end: the cyclic collector would rescan them for nothing.
    with gc_paused():
        report = _import(ws, path, options, to, steps)
    ws.reload()
    steps("syncing", 1, 1)
    return report


def _import(
    ws: Workspace,
    path: Path,
    options: ImportOptions,
    to: Path | None,
    steps: _Steps,
) -> ImportReport:
    from trainer.formats.read import read_file

    now = ws.clock.now()
    imported = read_file(
        path,
        options,
        ws.scheduler,
        ws.clock.tz,
        ws.settings.day_rollover_hour,
        now.timestamp(),
        steps.reading,
    )
    try:
        if not steps.items:  # a YAML deck is read at once
            steps.items = (
                len(imported.yaml_deck.cards)
                if imported.yaml_deck is not None
                else sum(len(d.entries) for d in imported.decks)
            )
        dest = Path(os.path.abspath(to if to is not None else ws.paths.decks))
        report = ImportReport(
            path,
            imported.kind,
            skipped=list(imported.skipped),
            notes=list(imported.notes),
            with_progress=options.with_progress,
        )
        if options.with_progress and imported.kind != "Anki package":
            report.notes.append(f"a {imported.kind} carries no progress: the cards start new")
        planned, media_home = _plan(ws, imported, dest, steps)
        day = study_day(now, ws.clock.tz, ws.settings.day_rollover_hour).number
        try:
            applied = _write(ws, imported, planned, media_home, day, report, steps)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            raise FormatError(
                f"{path}: nothing was imported: {exc.strerror or exc}{where}",
                "check the deck folder is writable and has room",
            ) from exc
        report.states, report.reviews = applied
        report.decks = [(p.deck.id, str(p.target), len(p.deck.cards)) for p in planned]
        if not _inside(dest, ws.paths.decks):
            report.outside = dest
    finally:
        imported.close()
    return report


def _plan(
    ws: Workspace, imported: Imported, dest: Path, steps: _Steps
) -> tuple[list[_Planned], Path]:
    """Where each deck goes, and its text; where media go.

    The writing phase's steps are the entries rendered, then each deck file
    written and each media file extracted (see :func:`_write`).
    """
    writing = _writing_steps(imported)
    steps("writing", 0, writing)
    existing = {f.deck_id: f for f in ws.files if f.deck_id and f.status is not DeckStatus.REPLACED}
    if imported.yaml_deck is not None:
        planned_yaml = _plan_yaml(imported, dest, existing)
        steps("writing", 1, writing)
        return [planned_yaml], dest
    if not imported.decks:
        reasons = "; ".join(imported.skipped[:3]) or "it holds no notes"
        raise FormatError(f"{imported.source}: nothing to import ({reasons})")
    targets: dict[str, Path] = {}
    for deck in imported.decks:
        f = existing.get(deck.id)
        if f is None or f.origin == "bundled":
            continue
        current = Path(f.path)
        if not _made_by_import(current):
            raise UsageError(
                f"{imported.source}: deck id '{deck.id}' is already used by {current},"
                " which 'trainer import' did not write",
                "import under another id with --id, or move that deck aside",
            )
        targets[deck.id] = current
    if targets:
        home = next(iter(targets.values())).parent
    elif imported.media or len(imported.decks) > 1:
        root = imported.decks[0].id.split(names.SEPARATOR)[0] if imported.decks else "deck"
        home = _free(dest / names.file_stem(root), folder=True)
    else:
        home = dest
    planned: list[_Planned] = []
    rendered = 0
    header = (
        f"{IMPORTED_MARK[2:]} from {imported.source.name}",
        "Importing that file again replaces this one: to edit the deck, copy it under another id.",
    )
    for deck in imported.decks:
        target = targets.get(deck.id) or _free(home / f"{names.file_stem(deck.id)}.yaml")
        text, made = render(
            deck.id,
            deck.title,
            deck.entries,
            str(target),
            deck.description,
            deck.tags,
            (f"{header[0]} ({deck.origin}).", header[1]),
            functools.partial(_rendering, steps, rendered, writing),
        )
        planned.append(_Planned(target, text.encode("utf-8"), made))
        rendered += len(deck.entries)
        steps("writing", rendered, writing)
    return planned, home


def _rendering(steps: _Steps, before: int, writing: int, done: int, _total: int) -> None:
    """A deck's entries rendered so far, as writing steps (``before``: other decks' entries)."""
    steps("writing", before + done, writing)


def _writing_steps(imported: Imported) -> int:
    """Entries to render, deck files to write and media files to extract."""
    if imported.yaml_deck is not None:
        return 2
    return sum(len(d.entries) for d in imported.decks) + len(imported.decks) + len(imported.media)


def _free(path: Path, folder: bool = False) -> Path:
    """``path``, or ``path-2``, ``path-3``... when a file not written by an import is there."""
    candidate = path
    n = 2
    while candidate.exists() or candidate.is_symlink():
        if folder and candidate.is_dir() and not candidate.is_symlink():
            return candidate
        if not folder and _made_by_import(candidate) and not candidate.is_symlink():
            return candidate
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _plan_yaml(imported: Imported, dest: Path, existing: dict[str, DeckFile]) -> _Planned:
    deck = imported.yaml_deck
    assert deck is not None and imported.yaml_bytes is not None
    target = dest / imported.source.name
    f = existing.get(deck.id)
    current = (
        Path(getattr(f, "path", ""))
        if f is not None and getattr(f, "origin", "") != "bundled"
        else None
    )
    if current is not None and os.path.abspath(current) != os.path.abspath(target):
        raise UsageError(
            f"{imported.source}: deck id '{deck.id}' is already used by {current}",
            "give the deck another id, or replace that file by hand",
        )
    if target.exists() and current is None:
        raise UsageError(
            f"{imported.source}: {target} already exists and holds another deck",
            "rename the file you import, or move the other one aside",
        )
    if os.path.abspath(imported.source) == os.path.abspath(target):
        raise UsageError(
            f"{imported.source} is already in your deck folder", "it is loaded as it is"
        )
    made = Deck(
        deck.id, deck.title, str(target), deck.cards, deck.description, deck.tags, deck.warnings
    )
    return _Planned(target, imported.yaml_bytes, made)


def _write(
    ws: Workspace,
    imported: Imported,
    planned: list[_Planned],
    media_home: Path,
    day: int,
    report: ImportReport,
    steps: _Steps,
) -> tuple[int, int]:
    """Write temporary files, then the transaction; rename the files in as it commits."""
    moves: list[tuple[Path, Path]] = []
    writing = _writing_steps(imported)
    written = 1 if imported.yaml_deck is not None else sum(len(d.entries) for d in imported.decks)
    tag = f".{os.getpid()}.importing"
    try:
        rows = []
        for p in planned:
            p.target.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.target.with_name(f".{p.target.name}{tag}")
            tmp.write_bytes(p.text)
            moves.append((tmp, p.target))
            st = tmp.stat()
            rows.append((p.deck, file_row(str(p.target), st, p.text, p.deck.id)))
            written += 1
            steps("writing", written, writing)
        for media in imported.media:
            final = media_home / media.name
            if final.is_symlink() or (final.exists() and not final.is_file()):
                raise FormatError(
                    f"{final} is a link or not a plain file; the media file is not written over it",
                    "move it aside and import again",
                )
            media_home.mkdir(parents=True, exist_ok=True)
            tmp = final.with_name(f".{final.name}{tag}")
            moves.append((tmp, final))
            media.write_to(tmp)
            written += 1
            steps("writing", written, writing)
        report.media = len(imported.media)
        done: list[tuple[Path, Path, Path | None]] = []

        def commit_files() -> None:
            try:
                for tmp, final in moves:
                    backup = None
                    if final.exists():
                        backup = final.with_name(f".{final.name}{tag}.old")
                        os.replace(final, backup)
                    done.append((tmp, final, backup))
                    os.replace(tmp, final)
            except OSError as exc:
                _undo(done)
                raise FormatError(f"cannot write {exc.filename}: {exc.strerror}") from exc

        try:
            # the last step of syncing is the commit, and reading the decks back after it
            applied = apply_import(
                ws.conn,
                rows,
                imported.progress,
                day,
                commit_files,
                lambda done, total: steps("syncing", done, total + 1),
            )
        except BaseException:
            _undo(done)
            raise
        for _, _, backup in done:
            if backup is not None:
                with contextlib.suppress(OSError):
                    backup.unlink()
        return applied.states, applied.reviews
    finally:
        for tmp, _ in moves:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _undo(done: list[tuple[Path, Path, Path | None]]) -> None:
    while done:
        tmp, final, backup = done.pop()
        with contextlib.suppress(OSError):
            if final.exists():
                os.replace(final, tmp)
            if backup is not None:
                os.replace(backup, final)


# -- export ------------------------------------------------------------------


@dataclass(slots=True)
class ExportReport:
    """What an export wrote."""

    deck_id: str
    path: Path
    kind: str
    cards: int
    entries: int
    media: int = 0
    states: int = 0
    reviews: int = 0
    notes: list[str] = field(default_factory=list)


def export_deck(ws: Workspace, deck: str, out: Path, with_progress: bool = False) -> ExportReport:
    """Write one deck to ``out``, in the format its extension names.

    Raises:
        UsageError: for an unknown extension, a deck that does not load, a folder.
    """
    suffix = out.suffix.lower()
    if suffix not in EXPORTS:
        raise UsageError(
            f"{out}: cannot tell the format from the extension '{suffix or '(none)'}'",
            "end the file name in .yaml, .csv, .tsv or .apkg",
        )
    if out.is_dir():
        raise UsageError(f"{out} is a folder", "name the file to write")
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such folder")
    ids = ws.resolve_decks([deck])
    if len(ids) != 1:
        raise UsageError(f"'{deck}' names {len(ids)} decks", "export one deck at a time")
    deck_id = ids[0]
    source = next(f for f in ws.decks if f.deck_id == deck_id)
    loaded = load_deck(Path(source.path))
    from trainer.formats.model import entries_of

    entries = entries_of(loaded)
    report = ExportReport(deck_id, out, suffix.lstrip(".").upper(), len(loaded.cards), len(entries))
    progress = []
    if with_progress:
        day = study_day(ws.clock.now(), ws.clock.tz, ws.settings.day_rollover_hour).number
        progress = deck_progress(ws.conn, deck_id, day)
        if suffix in (".apkg",):
            report.states = len(progress)
            report.reviews = sum(len(p.log) for p in progress)
        else:
            report.notes.append(
                f"a {report.kind} file carries no progress: only the cards are written"
            )
    tmp = out.with_name(f".{out.name}.{os.getpid()}.exporting")
    try:
        if is_deck_name(out):
            tmp.write_bytes(read_deck_bytes(Path(source.path)))
        elif suffix in (".csv", ".tsv"):
            from trainer.formats.table_write import write_table

            tmp.write_text(
                write_table(loaded, entries, "\t" if suffix == ".tsv" else ","),
                encoding="utf-8",
                newline="",
            )
        else:
            from trainer.formats.anki_write import write_package

            report.media = write_package(
                tmp, loaded, entries, progress, Path(source.path).parent, ws.clock.now().timestamp(),
                ws.clock.tz, ws.settings.day_rollover_hour, ws.scheduler,
            )  # fmt: skip
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return report
