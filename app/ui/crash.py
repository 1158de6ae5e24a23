"""The crash dialog: a copyable report, and reassurance that the record is safe."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.diagnostics import crash_report

log = logging.getLogger(__name__)


def install_excepthook(before_report: Callable[[], None], log_file: str) -> None:
    """Route uncaught exceptions to the log and a dialog, after saving pending typing."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        try:
            before_report()
        except Exception:
            log.exception("could not save pending edits before the crash report")
        report = crash_report(exc_type, exc, tb)
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Quorate hit a problem", "")
        box.setText(
            "Something went wrong inside Quorate. Everything you typed has been saved; "
            "you can keep working, or restart Quorate to be safe."
        )
        box.setInformativeText(f"Details are in the log file:\n{log_file}\nPlease send the report below to support.")
        box.setDetailedText(report)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    sys.excepthook = hook
