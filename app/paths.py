"""Where things live: bundled resources, migrations, and the user's data directory."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Quorate"


def root() -> Path:
    """The folder holding `resources/` and `db/`: the checkout, or PyInstaller's bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return root() / "db"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    """Where `quorate --demo` keeps its database, beside (never inside) the user's real data folder."""
    return Path(platformdirs.user_data_dir(f"{APP_NAME} demo", appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / "quorate.db"


def trusted_certificates_dir(data_dir: Path) -> Path:
    """The certificates the user marked as trusted for verifying signed minutes, one PEM file each."""
    return data_dir / "trusted-certificates"


def demo_pack() -> Path:
    return resource_path("demo-pack-icb-2023-09-29.txt")


# The bundled demo pack is an integrated care board's, so its body starts from the NHS board rule preset.
DEMO_RULES_PRESET = "nhs_board"


# -- permissions -------------------------------------------------------------------------------------------------
# Everything Quorate creates in its data folder is its user's alone (folders 0700, files 0600), whatever the
# user's umask: the process runs with umask 077 from start-up (`make_private`), which covers files SQLite, Qt and
# logging create too. Exports are the user's documents, made to share: they get the mode the user's own umask
# gives (`shared_file_mode`), as any other program's files would.

_user_umask: int | None = None


def make_private() -> None:
    """From now on new files are 0600 and folders 0700; the user's own umask is kept for exports."""
    global _user_umask
    previous = os.umask(0o077)
    if _user_umask is None:
        _user_umask = previous


def user_umask() -> int:
    """The umask the user started Quorate with (the current one when `make_private` has not run)."""
    if _user_umask is not None:
        return _user_umask
    current = os.umask(0o077)
    os.umask(current)
    return current


def shared_file_mode() -> int:
    """The mode of an export: what the user's umask gives a new file (0644 under the usual 022)."""
    return 0o666 & ~user_umask()


def shared_folder_mode() -> int:
    return 0o777 & ~user_umask()


def tighten(data_dir: Path) -> None:
    """Make an existing data folder its user's alone: no access for group or others on the folder or anything in
    it (a folder made by an older Quorate, or copied in under a permissive umask). Links are not followed."""
    if os.name != "posix":
        return
    for folder, _folders, files in os.walk(data_dir):
        for name in (folder, *(os.path.join(folder, f) for f in files)):
            try:
                mode = os.lstat(name).st_mode
                if not stat.S_ISLNK(mode) and mode & 0o077:
                    os.chmod(name, mode & 0o700)
            except OSError:
                continue
