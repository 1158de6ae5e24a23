"""The main window on the demo meeting, with queues standing in for the secretary's answers to dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.storage import Store
from app.ui.application import make_application
from app.ui.main_window import MainWindow

Handler = Callable[[QDialog], None]


class DemoWindow:
    """Dialogs are shown (so keys reach them) and handed to the next queued handler instead of blocking."""

    def __init__(self, qtbot: QtBot, data_dir: Path) -> None:
        make_application()
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.store = Store.open(paths.database_path(data_dir))
        self.meeting_id = commands.ensure_demo_meeting(self.store)
        self.window = MainWindow(self.store, data_dir)
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.open_meeting(self.meeting_id)
        self.handlers: list[Handler] = []
        self.questions: list[str] = []
        self.answer = True

    def _exec(self, dialog: QDialog) -> bool:
        assert self.handlers, f"unexpected dialog {dialog.windowTitle()}"
        handler = self.handlers.pop(0)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        handler(dialog)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        dialog.close()
        dialog.deleteLater()
        return accepted

    def _confirm(self, _title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer

    def expect(self, handler: Handler) -> None:
        self.handlers.append(handler)
