"""A crash no exception hook sees (inside Qt, PDFium or SQLite) leaves a fault log; the next start keeps it and
offers it to the user, once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.ui.crash import offer_fault_log

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUORATE_NO_ENCRYPTION": "1"}


def _window(data: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "app", "--data-dir", str(data), "--exit-when-shown"]
    return subprocess.run(command, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=180)


def test_a_hard_crash_leaves_a_fault_log_that_the_next_start_offers_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    crash = (
        "import faulthandler, sys\nfrom pathlib import Path\nfrom app.diagnostics import start_fault_log\n"
        "start_fault_log(Path(sys.argv[1]))\nfaulthandler._sigsegv()\n"
    )
    died = subprocess.run([sys.executable, "-c", crash, str(data)], cwd=REPO, capture_output=True, timeout=60)
    assert died.returncode != 0
    logs = data / "logs"
    assert "Fatal Python error" in (logs / "faults.log").read_text(encoding="utf-8")

    first = _window(data)
    assert first.returncode == 0, first.stderr
    assert "Fatal Python error" in (logs / "faults-previous.log").read_text(encoding="utf-8")
    assert (logs / "faults.log").read_text(encoding="utf-8") == ""  # this run ended normally
    assert (logs / "quorate.log").read_text(encoding="utf-8").count("its fault log is offered") == 1

    second = _window(data)
    assert second.returncode == 0, second.stderr
    assert (logs / "quorate.log").read_text(encoding="utf-8").count("its fault log is offered") == 1


def test_the_notice_shows_the_fault_log_under_show_details(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    text = 'Fatal Python error: Segmentation fault\n\nThread 0x01 (most recent call first):\n  File "x.py", line 3'
    box = offer_fault_log(parent, tmp_path / "faults-previous.log", text)
    box.open()
    qtbot.waitExposed(box)
    assert "stopped unexpectedly" in box.text() and str(tmp_path / "faults-previous.log") in box.informativeText()
    details = box.findChild(QTextEdit)
    assert details is not None and not details.isVisible()
    show = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert details.isVisible() and "Fatal Python error" in details.toPlainText()
    box.close()


def test_a_folder_where_the_fault_log_cannot_be_written_still_starts(tmp_path: Path) -> None:
    from app.diagnostics import start_fault_log, stop_fault_log

    (tmp_path / "logs").write_text("a file where the log folder should be", encoding="utf-8")
    try:
        assert start_fault_log(tmp_path)[1] == ""  # no fault log this run, and no exception
    finally:
        stop_fault_log()
