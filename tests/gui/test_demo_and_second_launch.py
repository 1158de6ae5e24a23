"""The demo runs in its own data folder on the NHS board preset; a second launch brings the open window forward."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import cli, commands, paths
from app.domain import PRESETS, rules_to_dict
from app.storage import Store
from app.storage.lock import DataFolderLock
from app.ui.application import make_application
from app.ui.single_instance import InstanceWatcher, bring_forward_running, requests_dir

REPO = Path(__file__).resolve().parents[2]


def test_the_demo_body_runs_on_the_nhs_board_preset_with_its_source(store: Store) -> None:
    meeting_id = commands.start_demo(store)
    body = store.body(store.meeting(meeting_id).body_id)
    assert rules_to_dict(body.rules) == rules_to_dict(PRESETS["nhs_board"])
    assert body.rules.source.strip()
    assert commands.start_demo(store) == meeting_id  # reused, and the rules are left as they are


def test_the_demo_never_uses_the_real_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    real, demo = paths.default_data_dir().resolve(), paths.demo_data_dir().resolve()
    assert demo != real and real not in demo.parents
    seen: list[Path] = []
    monkeypatch.setattr("app.ui.application.run_gui", lambda data_dir, **_kw: seen.append(data_dir) or 0)
    monkeypatch.setattr(cli, "setup_logging", lambda _d: None)
    monkeypatch.setattr(Path, "mkdir", lambda *_a, **_k: None)
    assert cli.main(["--demo"]) == 0
    assert seen == [paths.demo_data_dir()]


def test_a_request_from_a_second_launch_brings_the_window_forward(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    asked: list[int | None] = []
    watcher = InstanceWatcher(tmp_path, asked.append)
    assert watcher.start()
    answered: list[bool] = []
    thread = threading.Thread(target=lambda: answered.append(bring_forward_running(tmp_path, 7)))
    thread.start()
    qtbot.waitUntil(lambda: asked == [7])
    thread.join()
    assert answered == [True]
    watcher.stop()
    assert not requests_dir(tmp_path).exists()
    assert bring_forward_running(tmp_path) is False  # no window: nobody to ask


def test_a_second_launch_on_the_same_folder_exits_quietly_instead_of_a_modal_box(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    asked: list[int | None] = []
    with DataFolderLock(tmp_path, wait=0):  # as the open window holds it
        watcher = InstanceWatcher(tmp_path, asked.append)
        assert watcher.start()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUORATE_LOCK_WAIT": "0"}
        second = subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "--meeting", "3"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: asked == [3], timeout=60_000)
        _out, err = second.communicate(timeout=60)
        watcher.stop()
    assert second.returncode == 0
    assert "brought that window forward" in err


def test_without_a_window_a_second_launch_still_says_the_folder_is_busy(tmp_path: Path) -> None:
    with DataFolderLock(tmp_path, wait=0):  # a command-line command holds it, no window watches
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "--exit-when-shown"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2
    assert "already open on this data folder" in result.stderr
