"""Shared fixtures. Every test's data lives in tmp_path; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # must precede any QApplication

from app import netguard

netguard.install()  # every test runs with the network refused, as the app does

REPO = Path(__file__).resolve().parent.parent
DEMO_PACK = REPO / "resources" / "demo-pack-icb-2023-09-29.txt"


@pytest.fixture
def demo_pack() -> Path:
    return DEMO_PACK


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:  # noqa: F821
    from app.storage import Store

    opened = Store.open(tmp_path / "quorate.db")
    yield opened
    opened.close()
