"""An unexpected error saves pending typing first, is logged, and shows a copyable report."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.diagnostics import setup_logging
from app.ui.crash import install_excepthook


def test_crash_hook_saves_first_then_logs_and_reports(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = setup_logging(tmp_path)
    events: list[str] = []
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        events.append("dialog")
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: events.append("saved"), str(log_file))
    try:
        raise RuntimeError("motion table exploded")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())

    assert events == ["saved", "dialog"]
    assert "What you had typed was saved" in shown[0].text()
    assert f"were written to the log file:\n{log_file}" in shown[0].informativeText()
    assert "motion table exploded" in shown[0].detailedText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in logged and "RuntimeError: motion table exploded" in logged


def _report(monkeypatch: pytest.MonkeyPatch, before_report: Callable[[], bool | None], log_file: str) -> QMessageBox:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(before_report, log_file)
    try:
        int("")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    return shown[0]


def _fail_to_save() -> bool:
    raise OSError("disk full")


@pytest.mark.parametrize("before_report", [lambda: False, _fail_to_save], ids=["refused", "raised"])
def test_the_crash_dialog_does_not_claim_typing_it_could_not_save(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before_report: Callable[[], bool | None]
) -> None:
    log_file = setup_logging(tmp_path)
    box = _report(monkeypatch, before_report, str(log_file))
    assert "could not be saved" in box.text() and "was saved" not in box.text()


def test_the_crash_dialog_does_not_name_a_log_file_it_did_not_write(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "_quorate", False)]:
        monkeypatch.setattr(handler, "emit", lambda record: None)  # the log cannot be written (a full disk)
    log_file = tmp_path / "logs" / "quorate.log"
    box = _report(monkeypatch, lambda: True, str(log_file))
    assert (
        "could not be written to the log file" in box.informativeText() and str(log_file) not in box.informativeText()
    )
    assert "What you had typed was saved" in box.text()
