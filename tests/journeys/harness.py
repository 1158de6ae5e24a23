"""A secretary at the keyboard: the real window at 1366×768, real key and mouse events on the focused widget.

Modal dialogs run their own `exec()` loop, as they do for the user; `answer()` queues what the secretary does
in the next dialog of a given type, run from inside that loop once the dialog is up. Nothing here calls the
window's methods to act: every act is a key press or a click.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.domain import AgendaItem, MeetingRecord
from app.storage import Store
from app.ui.application import make_application
from app.ui.main_window import MainWindow

LAPTOP = (1366, 768)
POLL_MS = 20
GIVE_UP_POLLS = 300  # 6 s: a dialog that never comes fails the test instead of hanging it


def literal_ampersands(root: QWidget) -> list[str]:
    """Labels that would draw their "&" (a mnemonic marker without a buddy widget to jump to)."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if label.isVisibleTo(root) and label.textFormat() != Qt.TextFormat.RichText and label.buddy() is None:
            plain = text.replace("&&", "")
            if "&" in plain and not QtGuiNamespace.mightBeRichText(text):
                found.append(text)
    return found


class Secretary:
    def __init__(self, qtbot: QtBot, data_dir: Path) -> None:
        make_application()
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.store = Store.open(paths.database_path(data_dir))
        self.window = MainWindow(self.store, data_dir)
        qtbot.addWidget(self.window)
        self.window.resize(*LAPTOP)
        self.window.show()
        self.activate(self.window)
        self.opened_urls: list[QUrl] = []
        self.window.minutes_flow.export_notice.open_url = self._open_url  # never start a viewer in tests
        self.dialogs_seen: list[str] = []
        self.unanswered = 0  # answers queued for dialogs that have not come up (yet)

    def activate(self, window: QWidget) -> None:
        """Bring a window to the front with the keyboard in it, as the window manager does on a click."""
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def _open_url(self, url: QUrl) -> bool:
        self.opened_urls.append(url)
        return True

    # -- acts ------------------------------------------------------------------------------------------------

    def press(self, keys: str | QKeySequence, widget: QWidget | None = None) -> None:
        """One key combination, sent where the focus is (as a keyboard would)."""
        combination = QKeySequence(keys)[0]
        # A dialog just closed: as a window manager does, give the keyboard back to the window now in front
        # (a modal dialog, else the window, unless another of ours, such as the reader, is in front).
        modal, active = QApplication.activeModalWidget(), QApplication.activeWindow()
        if modal is not None and active is not modal:
            self.activate(modal)
        elif modal is None and (active is None or not active.isVisible() or isinstance(active, QDialog)):
            self.activate(self.window)
        target = widget or QApplication.focusWidget() or QApplication.activeWindow() or self.window
        QTest.keyClick(target, combination.key(), combination.keyboardModifiers())

    def type(self, text: str, widget: QWidget | None = None) -> None:
        target = widget or QApplication.focusWidget()
        assert target is not None, "no widget has the keyboard focus"
        QTest.keyClicks(target, text)

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())

    def menu(self, title: str, entry: str) -> None:
        """Open a menu of the menu bar with the mouse and click one of its entries."""
        bar = self.window.menuBar()
        menu = next(m for m in bar.findChildren(QMenu) if m.title().replace("&", "") == title)
        self.click(bar, bar.actionGeometry(menu.menuAction()).center())
        self.qtbot.waitUntil(menu.isVisible)
        action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(entry))
        self.click(menu, menu.actionGeometry(action).center())

    def focused(self) -> QWidget | None:
        return QApplication.focusWidget()

    # -- dialogs ---------------------------------------------------------------------------------------------

    def answer(self, kind: type[QWidget], handler: Callable[[QWidget], None]) -> None:
        """When the next modal dialog of `kind` is up, run `handler` on it (from within its own exec loop).
        A dialog the handler leaves open is rejected, so a failed step can never hang the test."""
        polls = [0]
        self.unanswered += 1

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, kind) or not modal.isVisible():
                polls[0] += 1
                assert polls[0] < GIVE_UP_POLLS, f"no {kind.__name__} came up (showing: {modal!r})"
                QTimer.singleShot(POLL_MS, poll)
                return
            self.activate(modal)
            self.dialogs_seen.append(modal.windowTitle())
            self.unanswered -= 1
            try:
                assert literal_ampersands(modal) == [], f"labels showing '&' in {modal.windowTitle()}"
                handler(modal)
                if modal.isVisible():
                    problem = getattr(modal, "error_text", lambda: "")()
                    raise AssertionError(f"{modal.windowTitle()} was left open: {problem or 'no problem shown'}")
            finally:
                if modal.isVisible() and isinstance(modal, QDialog):
                    modal.reject()

        QTimer.singleShot(0, poll)

    def choose_file(self, path: Path, started_in: list[str] | None = None) -> None:
        """Type a path into the next file dialog and press Enter, as the secretary does."""

        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, QFileDialog)
            if started_in is not None:
                started_in.append(dialog.directory().absolutePath())
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setFocus()
            name.selectAll()
            self.type(str(path), name)
            self.press("Return", name)

        self.answer(QFileDialog, fill)

    # -- reading the record --------------------------------------------------------------------------------

    def meeting_id(self) -> int:
        assert self.window.meeting is not None and self.window.meeting.id is not None
        return self.window.meeting.id

    def record(self) -> MeetingRecord:
        return self.store.record(self.meeting_id())

    def item(self, number: str) -> AgendaItem:
        return next(i for i in self.record().items if i.number.rstrip(".") == number)

    def person(self, initials: str) -> int:
        found = next(p.id for p in self.record().people if p.initials == initials)
        assert found is not None
        return found

    def shown(self) -> str:
        item = self.window.current_item()
        assert item is not None
        return item.number.rstrip(".")
