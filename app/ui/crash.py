"""The crash dialog: a copyable report, and reassurance that the record is safe."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.diagnostics import FAULT_SHOWN_LIMIT, crash_report

log = logging.getLogger(__name__)


def install_excepthook(before_report: Callable[[], bool | None], log_file: str) -> None:
    """Route uncaught exceptions to the log and a dialog, after saving pending typing. `before_report` saves it and
    returns False when some could not be saved; the dialog says only what was actually done."""
    reporting: list[bool] = []  # a report under way; another exception meanwhile means saving failed

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logged_before = _size(log_file)
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        logged = _flushed_size(log_file) not in (logged_before, 0)
        if reporting:  # raised while saving before a report: that report says the typing was not saved
            reporting[-1] = False
            return
        reporting.append(True)
        try:
            if before_report() is False:
                reporting[-1] = False
        except Exception:
            log.exception("could not save pending edits before the crash report")
            reporting[-1] = False
        saved = reporting.pop()
        report = crash_report(exc_type, exc, tb)
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Quorate hit a problem", "")
        box.setText(crash_text(saved))
        box.setInformativeText(log_text(log_file, logged))
        box.setDetailedText(report)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    sys.excepthook = hook


def crash_text(saved: bool) -> str:
    if saved:
        return (
            "Something went wrong inside Quorate. What you had typed was saved before this report; "
            "you can keep working, or restart Quorate to be safe."
        )
    return (
        "Something went wrong inside Quorate, and what you were typing last could not be saved. "
        "Copy it somewhere safe, then restart Quorate."
    )


def log_text(log_file: str, logged: bool) -> str:
    """Where the details are: the log file only when the report reached it."""
    if logged:
        return f"The details (without your meeting's words) were written to the log file:\n{log_file}\n" + SEND
    return "The details could not be written to the log file. " + SEND


def _size(log_file: str) -> int:
    try:
        return Path(log_file).stat().st_size
    except OSError:
        return 0


def _flushed_size(log_file: str) -> int:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            with contextlib.suppress(OSError, ValueError):
                handler.flush()
    return _size(log_file)


SEND = "Please send the report below to support."


class CrashReporter(QObject):
    """Hands a bug raised in a worker thread to `sys.excepthook` on the UI thread: logged with its traceback and
    shown in the crash dialog, as a bug on the UI thread is. Make it on the UI thread and connect a queued signal."""

    @Slot(object)
    def report(self, exc: BaseException) -> None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def offer_fault_log(parent: QWidget, path: Path, text: str) -> QMessageBox:
    """At start-up, when the last run died without a crash report (`app.diagnostics.start_fault_log` caught
    where): a notice that offers its fault log, under "Show Details…". The caller opens it."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Quorate stopped unexpectedly", "", parent=parent)
    box.setText(
        "Quorate stopped unexpectedly the last time it ran. The meeting record is written as it changes, "
        "so what was saved before then is kept."
    )
    box.setInformativeText(
        f"Quorate saved a crash log of where it stopped (no meeting text):\n{path}\n"
        "Press Show Details to read it; please send it to support."
    )
    shown = text if len(text) <= FAULT_SHOWN_LIMIT else text[:FAULT_SHOWN_LIMIT] + "\n… (the rest is in the file)"
    box.setDetailedText(shown)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
