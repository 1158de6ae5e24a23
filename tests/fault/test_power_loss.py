"""A power cut at every fsync of a run of minute saves: every save acknowledged before it survives (issue 17).

SIGKILL keeps the operating system's cache, so it cannot tell whether SQLite really made a commit durable. Here an
LD_PRELOAD library (tests/fault/powerloss.c, compiled for the test) records, at each fsync, the bytes of the file
synced or the names of the folder synced. From that record the test rebuilds what a power cut just after each sync,
and just after each save was acknowledged, would have left: each file as of its last fsync, the folder's names as of
its last fsync (a file never synced is empty). Each such image must open with `PRAGMA integrity_check` ok and an
intact audit chain, and hold every minute save acknowledged before that moment. With `synchronous=FULL` off (OFF or
NORMAL), acknowledged saves are not durable yet and this fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import commands
from app.storage import Store
from tests.fault.harness import REPO, scale

SAVES = 40


def _compile(tmp_path: Path) -> Path:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not sys.platform.startswith("linux"):
        pytest.skip("the power-loss recorder needs a C compiler and Linux (LD_PRELOAD, /proc/self/fd)")
    library = tmp_path / "powerloss.so"
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-O1", "-o", str(library), str(REPO / "tests/fault/powerloss.c"), "-ldl"],
        check=True,
        capture_output=True,
    )
    return library


def _durable_start(data: Path, shadow: Path) -> None:
    """Before the run everything on disk is durable: sync number 0."""
    names = []
    for path in sorted(data.iterdir()):
        if path.is_file():
            inode = path.stat().st_ino
            shutil.copyfile(path, shadow / f"0-{inode}")
            names.append(f"{path.name}\t{inode}")
    (shadow / "0-dir").write_text("\n".join(names) + "\n")


def _image(shadow: Path, sync: int, out: Path) -> Path:
    """The data folder a power cut just after sync number `sync` would have left."""
    copies: dict[str, list[int]] = {}
    for path in shadow.iterdir():
        number, _, what = path.name.partition("-")
        if number.isdigit() and int(number) <= sync:
            copies.setdefault(what, []).append(int(number))
    folder = max(copies["dir"])
    out.mkdir()
    for line in (shadow / f"{folder}-dir").read_text().splitlines():
        name, inode = line.split("\t")
        if name.endswith("-shm"):  # the WAL index is rebuilt from the WAL on open
            continue
        synced = copies.get(inode)
        if synced:
            shutil.copyfile(shadow / f"{max(synced)}-{inode}", out / name)
        else:
            (out / name).write_bytes(b"")  # created, never synced: nothing of it is durable
    return out


def test_every_acknowledged_save_survives_a_power_cut_at_any_fsync(tmp_path: Path) -> None:
    library = _compile(tmp_path)
    data, shadow = (tmp_path / "data").resolve(), tmp_path / "shadow"
    shadow.mkdir()
    store = Store.open(data / "quorate.db")
    commands.ensure_demo_meeting(store)
    store.close()
    _durable_start(data, shadow)
    subprocess.run(
        [sys.executable, "-m", "tests.fault.powerloss_driver", str(data), str(scale(SAVES, 200))],
        cwd=REPO,
        check=True,
        env={
            **os.environ,
            "PYTHONPATH": str(REPO),
            "LD_PRELOAD": str(library),
            "POWERLOSS_WATCH": str(data),
            "POWERLOSS_SHADOW": str(shadow),
        },
    )
    log = (shadow / "log").read_text().splitlines()
    acked: dict[int, str] = {}  # item id -> the text of its last acknowledged save
    crash_points: list[tuple[int, dict[int, str]]] = []  # (the last sync before the cut, what must be there)
    synced = 0
    for line in log:
        words = line.split()
        if words[0] == "ack":  # the cut comes just after the secretary was told "Saved"
            acked[int(words[2])] = f"Revision {words[1]} of the minute."
        else:  # or just after a sync
            synced = int(words[1])
        crash_points.append((synced, dict(acked)))
    assert acked, "the driver acknowledged no save"
    for n, (sync, expected) in enumerate(crash_points):
        image = _image(shadow, sync, tmp_path / f"image-{n}")
        store = Store.open(image / "quorate.db")
        try:
            assert store.integrity_ok(), f"power cut after sync {sync}: the database is damaged"
            assert store.verify_audit_chain() == [], f"power cut after sync {sync}: the audit chain is broken"
            for item_id, text in expected.items():
                kept = store.minute(item_id).body
                number = int(kept.split()[1]) if kept else 0
                assert number >= int(text.split()[1]), (
                    f"power cut after sync {sync}: an acknowledged save was lost ({text!r}, found {kept!r})"
                )
        finally:
            store.close()
        shutil.rmtree(image)
