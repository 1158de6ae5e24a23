"""An unexpected error saves pending typing first, is logged, and shows a copyable report."""

from __future__ import annotations

import logging
import sys
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
    assert "Everything you typed has been saved" in shown[0].text()
    assert "motion table exploded" in shown[0].detailedText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in logged and "RuntimeError: motion table exploded" in logged
