"""Each room imports only what it may: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest

RULES = {
    "trainer.core.deck": ("textual", "sqlite3", "trainer.store", "trainer.ui", "platformdirs"),
    "trainer.core.scheduler": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.session": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.config": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.queue": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.cloze": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.core.when": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.core.deckfiles": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.safewrite": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.core.drafts": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.store.db": ("textual", "trainer.ui"),
    "trainer.store.catalog": ("textual", "trainer.ui"),
    "trainer.store.progress": ("textual", "trainer.ui"),
    "trainer.store.paths": ("textual", "trainer.ui"),
    "trainer.workspace": ("textual", "trainer.ui"),
    "trainer.generate": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.generate.quality": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.generate.output": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.cli": ("textual", "trainer.ui", "yaml"),
}


@pytest.mark.parametrize(("module", "forbidden"), RULES.items())
def test_room_does_not_import_forbidden_modules(module: str, forbidden: tuple[str, ...]) -> None:
    code = (
        f"import sys, {module}\n"
        f"bad = [m for m in sys.modules for f in {forbidden!r} if m == f or m.startswith(f + '.')]\n"
        "print(','.join(sorted(bad)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulled in {out.stdout.strip()}"
