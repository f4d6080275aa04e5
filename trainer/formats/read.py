"""Any file to import -> :class:`Imported`: which reader, by what the file is."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from trainer.core.deck import parse_deck
from trainer.core.deckfiles import is_deck_name
from trainer.core.errors import FormatError
from trainer.core.scheduler import Scheduler
from trainer.formats import guard
from trainer.formats.model import Imported, ImportOptions, Progress

PACKAGES = (".apkg", ".colpkg")
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")


def read_file(
    path: Path,
    options: ImportOptions,
    scheduler: Scheduler,
    tz: tzinfo,
    rollover_hour: int,
    now: float,
    progress: Progress | None = None,
) -> Imported:
    """Read a file to import: an Anki package, a YAML deck, or a table of cards.

    Raises:
        FormatError: naming the file and the problem.
    """
    guard.regular_file(path)
    try:
        with path.open("rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise guard.refuse(path, f"cannot read the file: {exc.strerror}") from exc
    suffix = path.suffix.lower()
    if head in _ZIP or suffix in PACKAGES:
        from trainer.formats.anki_read import read_package

        return read_package(path, options, scheduler, tz, rollover_hour, now, progress)
    if is_deck_name(path):
        return read_yaml(path, options)
    from trainer.formats.table_read import read_table

    return read_table(path, options, progress=progress)


def read_yaml(path: Path, options: ImportOptions) -> Imported:
    """A YAML deck: checked, and kept as it is to be copied."""
    if options.deck_id is not None:
        raise FormatError(
            f"{path}: a YAML deck keeps the id it gives",
            "edit its 'id:' line instead of using --id",
        )
    data = guard.read_text_bytes(path)
    deck, problems = parse_deck(data, path=str(path), default_id=path.stem)
    if deck is None:
        errors = [p for p in problems if not p.warning]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise FormatError(f"{errors[0]}{more}", f"run 'trainer check {path}' to see every problem")
    result = Imported(path, "YAML deck", yaml_bytes=data)
    result.notes.extend(str(p) for p in problems if p.warning)
    result.yaml_deck = deck
    return result
