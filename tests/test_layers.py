"""Each room imports only what it may: checked in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
    "trainer.core.plan": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.textsafe": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.core.leech": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.stats": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.core.statsdraw": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.core.search": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.browse": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.configedit": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.editor": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.store.stats": ("textual", "trainer.ui"),
    "trainer.store.search": ("textual", "trainer.ui"),
    "trainer.store.browse": ("textual", "trainer.ui"),
    "trainer.store.configfile": ("textual", "trainer.ui"),
    "trainer.store.backup": ("textual", "trainer.ui"),
    "trainer.store.exams": ("textual", "trainer.ui"),
    "trainer.core.quiz.model": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    # build and check import every other quiz module (choice, dates, facts,
    # lexicon, material, model, people, statements, text, timeline, truefalse,
    # typed), so these two lines hold the whole quiz core to the rule.
    "trainer.core.quiz.build": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.quiz.check": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.quiz.run": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.core.quiz.export": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.store.quizzes": ("textual", "trainer.ui"),
    "trainer.core.safewrite": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.core.saferead": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
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
    "trainer.formats.read": ("textual", "trainer.store", "trainer.ui", "trainer.workspace"),
    "trainer.formats.anki_read": ("textual", "trainer.store", "trainer.ui", "trainer.workspace"),
    "trainer.formats.anki_write": ("textual", "trainer.store", "trainer.ui", "trainer.workspace"),
    "trainer.formats.table_read": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.formats.table_write": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.formats.yaml_write": ("textual", "sqlite3", "trainer.store", "trainer.ui"),
    "trainer.formats.html": ("textual", "sqlite3", "trainer.store", "trainer.ui", "yaml"),
    "trainer.store.exchange": ("textual", "trainer.ui", "trainer.formats"),
    "trainer.transfer": ("textual", "trainer.ui"),
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


def test_quiz_entry_points_cover_every_quiz_module() -> None:
    """The quiz lines above hold every quiz module only while their entry points
    (build, check, run, export) import them all: a new module must be reached
    from one of them."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "trainer" / "core" / "quiz"
    expected = {f"trainer.core.quiz.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"}
    code = (
        "import sys, trainer.core.quiz.build, trainer.core.quiz.check\n"
        "import trainer.core.quiz.run, trainer.core.quiz.export\n"
        "print(','.join(m for m in sys.modules if m.startswith('trainer.core.quiz.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert expected and expected <= set(out.stdout.strip().split(","))


# What an import needs is the command line, the profile, the readers and the writers:
# never the UI, the scheduler's FSRS, the quiz core, studying, exams or statistics.
IMPORT_NEEDS_NONE_OF = (
    "textual",
    "rich",
    "fsrs",
    "tomlkit",
    "trainer.ui",
    "trainer.core.quiz",
    "trainer.core.session",
    "trainer.core.queue",
    "trainer.core.plan",
    "trainer.core.stats",
    "trainer.store.stats",
    "trainer.store.quizzes",
    "trainer.generate",
)


def test_an_import_loads_only_what_it_needs(tmp_path: Path) -> None:
    """``trainer import`` of a package and a CSV, in a fresh interpreter, on a new profile."""
    from tests.formats.anki_builder import Note, build_package

    package = build_package(
        tmp_path / "p.apkg",
        [Note("g1", "Basic", ["q", "a"]), Note("g2", "Cloze", ["{{c1::x}} y", ""])],
    )
    table = tmp_path / "t.csv"
    table.write_text("Front,Back\nchien,dog\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from trainer.cli import main\n"
        f"code = main(['import', {str(package)!r}, {str(table)!r}])\n"
        f"bad = sorted(m for m in sys.modules for f in {IMPORT_NEEDS_NONE_OF!r}"
        " if m == f or m.startswith(f + '.'))\n"
        "print(code, ','.join(bad))"
    )
    env = {**os.environ, "TRAINER_HOME": str(tmp_path / "home")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.split("\n")[-2].split(" ") == ["0", ""], out.stdout + out.stderr
