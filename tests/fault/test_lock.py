"""Two copies of Quorate on one data folder: the second waits briefly, then is refused; writers never corrupt.

The window holds the folder's lock for its whole life; command-line commands that write hold it while they run.
Two processes saving minutes as fast as they can on one database (with the lock, as the CLI does, and without
it, straight through SQLite) leave a database that passes `PRAGMA integrity_check`, an audit chain that
verifies, and every acknowledged save in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import commands
from app.storage import StorageError, Store
from app.storage.lock import DataFolderLock, FolderInUse, holder_pid
from app.ui.application import open_storage, run_gui
from tests.conftest import DEMO_PACK
from tests.fault.harness import REPO, TaskServer, check_database, scale


def _quorate(*args: str, wait: float = 0.3) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QUORATE_LOCK_WAIT": str(wait), "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def _meetings(data: Path) -> int:
    store = Store.open(data / "quorate.db")
    try:
        return len(store.meetings())
    finally:
        store.close()


def test_the_lock_names_its_holder_and_frees_on_release(tmp_path: Path) -> None:
    first = DataFolderLock(tmp_path, wait=0).acquire()
    assert holder_pid(tmp_path) == os.getpid()
    with pytest.raises(FolderInUse) as refused:
        DataFolderLock(tmp_path, wait=0.2).acquire()
    message = str(refused.value)
    assert message.startswith(f"Quorate is already open on this data folder (pid {os.getpid()})")
    assert "\n" not in message and message.endswith(".")
    first.release()
    with DataFolderLock(tmp_path, wait=0) as again:
        assert again.held


def test_a_writing_command_is_refused_while_the_window_holds_the_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, window_lock = open_storage(data)  # what the window does before it is shown
    store.close()
    try:
        before = _meetings(data)
        result = _quorate("--data-dir", str(data), "import", str(DEMO_PACK))
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f"quorate: Quorate is already open on this data folder (pid {os.getpid()}), {data}; "
            "close it there or wait for it to finish, then try again."
        ]
        assert _meetings(data) == before
        reading = _quorate("--data-dir", str(data), "meetings", "--json")  # reading needs no lock
        assert reading.returncode == 0, reading.stderr
    finally:
        window_lock.release()


def test_a_writing_command_waits_for_one_that_finishes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    held = DataFolderLock(data, wait=0).acquire()
    threading.Timer(1.0, held.release).start()  # the other command finishes a second later
    result = _quorate("--data-dir", str(data), "import", str(DEMO_PACK), wait=60)
    assert result.returncode == 0, result.stderr
    assert not held.held and _meetings(data) == 1


def test_a_second_window_is_refused_in_one_sentence(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    store, lock = open_storage(data)
    try:
        with pytest.raises(StorageError, match=r"^Quorate is already open on this data folder \(pid \d+\)"):
            open_storage(data, wait=0.1)
        started = time.monotonic()
        assert run_gui(data) == 2  # offscreen: no dialog, the sentence on stderr
        assert time.monotonic() - started < 30
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith("quorate: Quorate is already open on this data folder (pid ")
    finally:
        store.close()
        lock.release()


@pytest.mark.parametrize("locked", [True, False], ids=["with-the-lock", "sqlite-alone"])
def test_two_processes_hammering_one_database_never_corrupt_it(tmp_path: Path, locked: bool) -> None:
    data = tmp_path / "data"
    store = Store.open(data / "quorate.db")
    meeting_id = commands.ensure_demo_meeting(store)
    items = [item.id for item in store.items(meeting_id)][:6]
    store.close()
    saves = scale(60, 500)
    servers = [TaskServer(data, light=True), TaskServer(data, light=True)]
    try:
        for n, server in enumerate(servers):
            server.start({"task": "minutes", "items": items, "count": saves, "tag": f"writer {n}", "lock": locked})
        runs = [server.finish(time.perf_counter()) for server in servers]
    finally:
        for server in servers:
            server.close()
    for run in runs:
        assert run.finished, run.lines
        assert sum(line.startswith("progress ") for line in run.lines) == saves
    check_database(data / "quorate.db")
    store = Store.open(data / "quorate.db")
    try:
        # Saves are audited as full copies or splices, so count the states the audit rows rebuild.
        states = [(item, text) for item in items for text in store.minute_states(item) if "writer " in text]
        acknowledged = []
        last: dict[int, set[str]] = {}
        for run in runs:
            for line in run.lines:
                if line.startswith("progress "):
                    _, _, item, text = line.split(" ", 3)
                    acknowledged.append((int(item), text))
                    last.setdefault(int(item), set()).add(text)
        assert len(acknowledged) == 2 * saves
        assert sorted(states) == sorted(acknowledged)  # every acknowledged save is there, once
        for item, texts in last.items():
            assert store.minute(item).body in texts  # the last save of one writer or the other, never a mixture
    finally:
        store.close()
    refused = sum(line.startswith("refused ") for run in runs for line in run.lines)
    print(f"\nlock {'on' if locked else 'off'}: 2 x {saves} saves, {refused} refused by SQLite and retried")
