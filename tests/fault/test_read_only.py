"""A read-only data folder: the command line and the window say so in one sentence and exit non-zero.

As root (CI) the folder is seen through a read-only bind mount, since file modes do not stop root; otherwise its
write bits are taken away. It holds a real database (the demo meeting) and logs, as a user's folder would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.cli import main
from app.storage import StorageError, Store
from app.ui.application import open_storage, run_gui
from tests.conftest import DEMO_PACK
from tests.fault.harness import REPO

READ_ONLY = "Quorate cannot write to its data folder {folder}: it is read-only."


@pytest.fixture
def frozen(tmp_path: Path, read_only_view: Callable[[Path], Path]) -> Path:
    """A data folder with the demo meeting in it, then made read-only."""
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(DEMO_PACK)]) == 0
    return read_only_view(folder)


def _check_sentence(err: str, folder: Path) -> None:
    assert "Traceback" not in err
    assert err.strip().splitlines() == [f"quorate: {READ_ONLY.format(folder=folder)}"], err


@pytest.mark.parametrize(
    "command", [["meetings", "--json"], ["import", str(DEMO_PACK)], ["replay", "1", str(DEMO_PACK)], []]
)
def test_the_command_line_says_the_folder_is_read_only(
    frozen: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(frozen), *command]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    _check_sentence(out.err, frozen)


def test_a_real_process_on_a_read_only_folder_exits_2_without_a_traceback(frozen: Path) -> None:
    for command in (["import", str(DEMO_PACK)], []):  # [] is the window
        result = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(frozen), *command],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            check=False,
        )
        assert result.returncode == 2
        _check_sentence(result.stderr, frozen)


def test_the_window_refuses_a_read_only_folder_before_it_is_shown(
    qtbot: QtBot, frozen: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(StorageError) as refused:
        open_storage(frozen, wait=0)
    assert str(refused.value) == READ_ONLY.format(folder=frozen)
    capsys.readouterr()
    assert run_gui(frozen) == 2
    _check_sentence(capsys.readouterr().err, frozen)


def test_storage_itself_says_the_folder_is_read_only(frozen: Path) -> None:
    """Below the lock: opening the database, and creating one, in a read-only folder."""
    with pytest.raises(StorageError) as existing:
        Store.open(frozen / "quorate.db")
    assert str(existing.value) == READ_ONLY.format(folder=frozen)
    with pytest.raises(StorageError) as new:
        Store.open(frozen / "elsewhere" / "quorate.db")
    assert "read-only" in str(new.value) and "\n" not in str(new.value)
