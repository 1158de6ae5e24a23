"""Where things live: bundled resources, migrations, and the user's data directory."""

from __future__ import annotations

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
