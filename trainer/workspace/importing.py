"""A workspace's imports and exports (the work is in trainer.transfer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.formats.model import ImportOptions
    from trainer.transfer import ExportReport, ImportProgress, ImportReport


from trainer.workspace.base import Base


class ImportingMixin(Base):
    """Import and export."""

    def import_file(
        self,
        path: Path,
        options: ImportOptions | None = None,
        to: Path | None = None,
        progress: ImportProgress | None = None,
    ) -> ImportReport:
        """Import one file (an Anki package, a CSV/TSV or Quizlet export, a YAML deck).

        All or nothing: see :mod:`trainer.transfer`. ``progress`` is told each step
        (:class:`trainer.transfer.ImportStep`).
        """
        from trainer.formats.model import ImportOptions
        from trainer.transfer import import_file

        report = import_file(self, path, options or ImportOptions(), to, progress)
        if report.with_progress:
            self.store.changed = True  # a schedule came in: a backup is due at exit
        return report

    def export_deck(self, deck: str, path: Path, with_progress: bool = False) -> ExportReport:
        """Write one deck to ``path`` in the format its extension names."""
        from trainer.transfer import export_deck

        return export_deck(self, deck, path, with_progress)
