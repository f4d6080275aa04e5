"""Where every file of the trainer lives. The only caller of platformdirs.

When ``TRAINER_HOME`` is set, every file goes under that folder and nothing is
written anywhere else (tests and scripts rely on it).
"""

from __future__ import annotations

import getpass
import os
import re
from dataclasses import dataclass
from pathlib import Path

from trainer.core.deckfiles import find_decks
from trainer.core.errors import UsageError

APP = "trainer"
_PROFILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True, slots=True)
class Paths:
    """The trainer's folders and files for one profile."""

    data: Path
    config: Path
    profile: str

    @property
    def config_file(self) -> Path:
        """The settings file (optional; defaults need none)."""
        return self.config / "config.toml"

    @property
    def decks(self) -> Path:
        """The user's own deck folder: every ``*.yaml`` in it is loaded."""
        return self.data / "decks"

    @property
    def profiles(self) -> Path:
        """Where the profiles' databases are."""
        return self.data / "profiles"

    @property
    def database(self) -> Path:
        """This profile's SQLite database."""
        return self.profiles / f"{self.profile}.sqlite3"

    @property
    def seen(self) -> Path:
        """Beside the database: how many answers it held when last tidied."""
        return self.profiles / f"{self.profile}.seen"

    @property
    def backups(self) -> Path:
        """This profile's backups."""
        return self.profiles / "backups" / self.profile


def profile_name(explicit: str | None = None) -> str:
    """The profile to use: ``--profile``, else ``TRAINER_PROFILE``, else the login name.

    Raises:
        UsageError: when the name cannot be used as a file name.
    """
    if explicit is not None and not explicit.strip():
        raise UsageError("--profile needs a name", "e.g. --profile ann")
    name = explicit or os.environ.get("TRAINER_PROFILE") or ""
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "default"
        name = re.sub(r"[^A-Za-z0-9._-]", "_", name).lstrip("._-") or "default"
    if not _PROFILE.fullmatch(name):
        raise UsageError(
            f"'{name}' cannot be a profile name",
            "use letters, digits, '.', '_' or '-', starting with a letter or digit",
        )
    return name


def resolve(profile: str | None = None) -> Paths:
    """The paths for ``profile`` (see :func:`profile_name`)."""
    name = profile_name(profile)
    home = os.environ.get("TRAINER_HOME")
    if home:
        root = Path(home).expanduser().absolute()
        if root.exists() and not root.is_dir():
            raise UsageError(
                f"TRAINER_HOME ({root}) is a file, not a folder",
                "point TRAINER_HOME at a folder, or unset it to use the usual places",
            )
        return Paths(root / "data", root / "config", name)
    import platformdirs

    return Paths(
        platformdirs.user_data_path(APP, appauthor=False),
        platformdirs.user_config_path(APP, appauthor=False),
        name,
    )


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by its owner only.

    Raises:
        UsageError: naming the path, when it (or a parent) is a file or cannot
            be created.
    """
    for part in [path, *path.parents]:
        if part.exists() and not part.is_dir():
            raise UsageError(
                f"{part} is a file, but the trainer keeps a folder there",
                "move the file aside, or point TRAINER_HOME elsewhere ('trainer paths')",
            )
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"cannot create the folder {path}: {exc.strerror}",
            "check that it is writable, or point TRAINER_HOME elsewhere ('trainer paths')",
        ) from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(
            f"the folder {path} is not writable",
            "fix its permissions, or point TRAINER_HOME elsewhere ('trainer paths')",
        )
    return path


def bundled_decks() -> list[Path]:
    """The decks shipped with the trainer, sorted by file name.

    Installed, they are package data (``trainer/decks``); in a source checkout
    they are the repository's ``decks/`` folder.
    """
    from importlib.resources import files

    root = Path(str(files("trainer").joinpath("decks")))
    if not root.is_dir():
        root = Path(__file__).resolve().parents[2] / "decks"
    return find_decks(root)
