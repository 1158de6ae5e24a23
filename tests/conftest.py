"""Shared fixtures. Every test's data lives in tmp_path; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # must precede any QApplication

# Plain mode for every test that does not ask for encryption (tests/unit/test_encryption.py and the other
# encryption tests clear it), and the trivial key stretching for any library a test encrypts: the test suite must
# not run Argon2id at full cost hundreds of times. Both are inherited by the processes tests start.
os.environ.setdefault("QUORATE_NO_ENCRYPTION", "1")
os.environ.setdefault("QUORATE_TEST_WEAK_KDF", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")  # never the user's own keyring

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


PASSPHRASE = "a long passphrase for tests"


@pytest.fixture
def encrypted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Encryption on, as for a user's own data (the suite runs in plain mode otherwise)."""
    monkeypatch.delenv("QUORATE_NO_ENCRYPTION", raising=False)


@pytest.fixture
def encrypted_store(tmp_path: Path, encrypted: None) -> Iterator[Store]:  # noqa: F821
    """A new encrypted library in tmp_path/data, unlocked."""
    from app.storage.encryption import open_library

    opened = open_library(tmp_path / "data" / "quorate.db", PASSPHRASE)
    yield opened
    opened.close()
