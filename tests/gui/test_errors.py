"""A refusal is one red sentence; anything else raised in the window is a bug: it reaches the crash hook (logged
with its traceback, the crash dialog), never a red sentence that hides it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.live import LiveError
from app.diagnostics import setup_logging
from app.errors import Refusal
from app.storage.connection import DiskFull
from app.ui.crash import install_excepthook
from app.ui.minutes_workflow import BackgroundJob
from app.ui.refusable_dialog import RefusableDialog
from tests.gui.demo_window import DemoWindow


class _CountDialog(RefusableDialog):
    """A dialog whose OK turns what was typed into a number, as many of the window's dialogs do."""

    def __init__(self) -> None:
        super().__init__("Count")
        self.field = QLineEdit()
        self.content.addWidget(self.field)
        self.refuse_with: str | None = None

    def submit_values(self) -> None:
        if self.refuse_with is not None:
            raise LiveError(self.refuse_with)
        int(self.field.text())  # a bug when the field is empty: nothing here turns it into a sentence


def _crash_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[QMessageBox]]:
    log_file = setup_logging(tmp_path)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: None, str(log_file))
    return log_file, shown


def _logged(log_file: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


def test_a_plain_value_error_in_a_dialog_is_a_bug_not_a_sentence(qtbot: QtBot) -> None:
    dialog = _CountDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.capture_exceptions() as raised:
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert [type(e[1]) for e in raised] == [ValueError]  # reached sys.excepthook, i.e. the crash dialog
    assert dialog.error_text() == "" and dialog.isVisible()


def test_a_refusal_in_a_dialog_is_one_red_sentence_and_the_dialog_stays(qtbot: QtBot) -> None:
    dialog = _CountDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.refuse_with = "Nobody is presiding."
    with qtbot.capture_exceptions() as raised:
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert raised == []
    assert dialog.error_text() == "Nobody is presiding." and dialog.isVisible()


def test_a_bug_in_a_background_job_reaches_the_crash_dialog_and_the_log(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file, shown = _crash_hook(tmp_path, monkeypatch)
    job = BackgroundJob("test-job", lambda: int(""))
    failed: list[str] = []
    job.failed.connect(failed.append)
    job.start()
    qtbot.waitUntil(lambda: len(shown) == 1 and len(failed) == 1, timeout=10_000)
    job.wait()
    assert "internal error" in failed[0] and "invalid literal" not in failed[0]
    assert "ValueError" in shown[0].detailedText()
    assert "uncaught exception" in _logged(log_file) and "ValueError" in _logged(log_file)


def test_a_refusal_in_a_background_job_is_its_sentence_and_no_crash(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file, shown = _crash_hook(tmp_path, monkeypatch)

    def refuse() -> object:
        raise Refusal("The minutes are not approved yet.")

    job = BackgroundJob("test-job", refuse)
    failed: list[str] = []
    job.failed.connect(failed.append)
    job.start()
    qtbot.waitUntil(lambda: len(failed) == 1, timeout=10_000)
    job.wait()
    qtbot.wait(50)  # a crash report, were one coming, would arrive on the event loop
    assert failed == ["The minutes are not approved yet."] and shown == []
    assert "uncaught exception" not in _logged(log_file)


@pytest.mark.parametrize("disk_full", [False, True], ids=["saved", "disk-full"])
def test_the_crash_dialog_says_whether_the_typing_in_the_window_was_saved(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, disk_full: bool
) -> None:
    office = DemoWindow(qtbot, tmp_path / "data")
    window = office.window
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    if disk_full:

        def full(*_args: object, **_kwargs: object) -> None:
            raise DiskFull("The disk is full; the last change was not saved.")

        monkeypatch.setattr(commands, "edit_minute", full)
    editor = window.meeting_page.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "The Chair welcomed everyone")
    assert editor.pending  # not saved yet: the crash report saves it first
    log_file, shown = _crash_hook(tmp_path, monkeypatch)
    install_excepthook(window.flush, str(log_file))
    try:
        int("")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    if disk_full:
        assert "could not be saved" in shown[0].text() and warned == [
            "The disk is full; the last change was not saved."
        ]
    else:
        assert "What you had typed was saved" in shown[0].text() and warned == []
        item = window.current_item()
        assert item is not None and item.id is not None
        assert "The Chair welcomed everyone" in office.store.minute(item.id).body
    window.close()
    office.store.close()
