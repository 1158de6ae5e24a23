"""A full disk while saving minutes and while exporting: one sentence that says so, nothing saved lost, no half file.

Two ways to fill the disk: SQLite's `PRAGMA max_page_count` (the database cannot grow: SQLITE_FULL, exactly what
a full disk returns) and an injected ENOSPC from the operating system for exports; and, where the tests run as
root (CI does), a real 24 MB tmpfs filled to the last byte.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.cli import main
from app.commands import exports
from app.storage import Store, connection, driver
from app.storage.connection import DiskFull
from app.storage.keys import DatabaseKey
from app.ui.application import make_application
from app.ui.main_window import MainWindow
from tests.conftest import DEMO_PACK
from tests.fault.harness import check_database, leftovers

BIG = "The Board discussed the agreements at length. " * 20_000  # about 1 MB of minute text


def _demo(data: Path) -> tuple[int, list[int]]:
    store = Store.open(data / "quorate.db")
    try:
        meeting_id = commands.ensure_demo_meeting(store)
        items = [item.id for item in store.items(meeting_id) if item.id is not None]
        commands.edit_minute(store, items[0], "Kept: the minutes were approved.")
        return meeting_id, items
    finally:
        store.close()


def _full(conn: driver.Connection) -> None:
    """The database may not grow by a single page: what SQLite sees on a full disk."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def _one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].endswith(".")
    return lines[0]


def test_a_minute_save_on_a_full_disk_says_so_and_keeps_what_was_saved(tmp_path: Path) -> None:
    _, items = _demo(tmp_path)
    store = Store.open(tmp_path / "quorate.db")
    try:
        audit_before = len(store.audit_entries())
        _full(store.conn)
        with pytest.raises(DiskFull) as full:
            commands.edit_minute(store, items[0], BIG)
        message = str(full.value)
        assert message.startswith("The disk is full, so Quorate could not save to its database")
        assert "\n" not in message and "everything saved before is kept" in message
        with pytest.raises(DiskFull):
            commands.edit_minute(store, items[1], BIG)  # a new row too
        assert store.minute(items[0]).body == "Kept: the minutes were approved."
        assert store.minute(items[1]).body == ""
        assert len(store.audit_entries()) == audit_before
        store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: the next save works
        commands.edit_minute(store, items[1], "Saved once there was room.")
    finally:
        store.close()
    check_database(tmp_path / "quorate.db")
    store = Store.open(tmp_path / "quorate.db")
    assert store.minute(items[1]).body == "Saved once there was room."
    store.close()


def test_the_command_line_says_the_disk_is_full_during_a_replay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id, items = _demo(tmp_path)
    events = tmp_path / "events.jsonl"
    lines = [{"type": "start", "at": "09:00"}, {"type": "minute", "item": "1", "text": BIG}]
    events.write_text("\n".join(json.dumps(e) for e in lines) + "\n", encoding="utf-8")
    real_connect = connection.connect

    def full_connect(path: Path | str, key: DatabaseKey | None = None, *, read_only: bool = False) -> driver.Connection:
        conn = real_connect(path, key, read_only=read_only)
        if not read_only:
            _full(conn)
        return conn

    monkeypatch.setattr(connection, "connect", full_connect)
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "replay", str(meeting_id), str(events)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    sentence = _one_sentence(out.err)
    assert sentence.startswith("quorate: line ")
    assert "The disk is full, so Quorate could not save to its database" in sentence
    monkeypatch.setattr(connection, "connect", real_connect)
    check_database(tmp_path / "quorate.db")
    store = Store.open(tmp_path / "quorate.db")
    assert store.minute(items[0]).body == "Kept: the minutes were approved."
    store.close()


def _no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_an_export_onto_a_full_disk_keeps_the_old_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    data = tmp_path / "data"
    meeting_id, _ = _demo(data)
    out = tmp_path / f"minutes.{suffix}"
    args = ["--data-dir", str(data), "minutes", str(meeting_id), "--out", str(out)]
    assert main(args) == 0
    old = out.read_bytes()
    capsys.readouterr()
    monkeypatch.setattr(os, "fsync", _no_space)  # the data did not reach the disk
    assert main(args) == 2
    sentence = _one_sentence(capsys.readouterr().err)
    assert sentence == f"quorate: The disk is full, so Quorate could not write {out}; free some space and try again."
    assert out.read_bytes() == old
    assert leftovers(tmp_path, out.name) == []


def test_the_exporters_write_through_a_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Called directly (as the window does), a failed write raises OSError and leaves no file at all."""
    meeting_id, _ = _demo(tmp_path)
    store = Store.open(tmp_path / "quorate.db")
    try:
        monkeypatch.setattr(os, "fsync", _no_space)
        for out, export in (
            (tmp_path / "new.pdf", commands.export_minutes),
            (tmp_path / "new.docx", exports.export_minutes_docx),
        ):
            with pytest.raises(OSError) as failed:
                export(store, meeting_id, out)
            assert failed.value.errno == errno.ENOSPC
            assert not out.exists() and leftovers(tmp_path, out.name) == []
    finally:
        store.close()


def _fill(folder: Path) -> Path:
    """Write a file until the disk holding `folder` has no byte left."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


def test_a_real_full_disk_during_replay_and_export(
    tmp_path: Path, tmpfs: Callable[[Path, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    disk = tmpfs(tmp_path / "disk", "24m")
    data = disk / "data"
    assert main(["--data-dir", str(data), "import", str(DEMO_PACK), "--json"]) == 0
    meeting_id = json.loads(capsys.readouterr().out)["meeting"]["id"]
    out = disk / "minutes.pdf"
    export = ["--data-dir", str(data), "minutes", str(meeting_id), "--out", str(out)]
    assert main(export) == 0
    old_pdf = out.read_bytes()
    store = Store.open(data / "quorate.db")
    first = store.items(meeting_id)[0].id
    assert first is not None
    commands.edit_minute(store, first, "Kept: the minutes were approved.")
    store.close()
    elsewhere_data = tmp_path / "elsewhere"
    elsewhere_id, _ = _demo(elsewhere_data)
    events = tmp_path / "events.jsonl"  # off the full disk: only what Quorate writes is refused
    events.write_text(json.dumps({"type": "minute", "item": "1", "text": BIG}) + "\n", encoding="utf-8")
    capsys.readouterr()

    filler = _fill(disk)
    assert main(["--data-dir", str(data), "replay", str(meeting_id), str(events)]) == 2
    sentence = _one_sentence(capsys.readouterr().err)
    assert "The disk is full" in sentence, sentence
    assert main(export) == 2  # the export records itself in the database, which has no room left
    assert "free some space and try again" in _one_sentence(capsys.readouterr().err)
    assert out.read_bytes() == old_pdf and leftovers(disk, out.name) == []
    elsewhere = ["--data-dir", str(elsewhere_data), "minutes", str(elsewhere_id), "--out", str(out)]
    assert main(elsewhere) == 2  # the database has room, the export's folder has none
    sentence = _one_sentence(capsys.readouterr().err)
    assert sentence == f"quorate: The disk is full, so Quorate could not write {out}; free some space and try again."
    assert out.read_bytes() == old_pdf and leftovers(disk, out.name) == []

    filler.unlink()  # space again: everything saved before the disk filled is there, and saving works
    check_database(data / "quorate.db")
    store = Store.open(data / "quorate.db")
    try:
        assert store.minute(first).body == "Kept: the minutes were approved."
        commands.edit_minute(store, first, "Saved once there was room.")
    finally:
        store.close()


def test_the_window_says_the_disk_is_full_and_keeps_the_saved_minute(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_application()
    store = Store.open(paths.database_path(tmp_path))
    try:
        meeting_id = commands.ensure_demo_meeting(store)
        window = MainWindow(store, tmp_path)
        qtbot.addWidget(window)
        window.show()
        window.open_meeting(meeting_id)
        item = window.current_item()
        assert item is not None and item.id is not None
        editor = window.meeting_page.editor
        editor.insertPlainText("Kept: the minutes were approved.")
        window.flush()
        assert store.minute(item.id).body.strip() == "Kept: the minutes were approved."
        said: list[str] = []
        monkeypatch.setattr(
            QMessageBox,
            "warning",
            lambda _parent, _title, text, *_rest: said.append(text) or QMessageBox.StandardButton.Ok,
        )
        _full(store.conn)
        free, page = (store.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_size"))
        editor.insertPlainText(BIG[: (free + 8) * page])  # more than the free pages the database has left
        window.flush()
        assert len(said) == 1 and said[0].startswith("The disk is full, so Quorate could not save"), said
        assert store.minute(item.id).body.strip() == "Kept: the minutes were approved."
        window.close()
    finally:
        store.close()
    check_database(paths.database_path(tmp_path))
