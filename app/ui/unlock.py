"""Unlocking and locking the library in the window (issue 18).

Before the window opens, `open_library_window` takes the data folder to an open store: a new library asks for a
passphrase (typed twice, its strength shown), a plain library from an older Quorate asks for one to encrypt it
with, an encrypted one opens with the passphrase remembered in the keyring or asks for it. A wrong passphrase is
one sentence under the field, and nothing changes.

While the window is open, `LockGuard` locks it after the idle time the user chose (15 minutes unless changed,
kept in the data folder's window.ini) and on Ctrl+Alt+L: typing is saved, every window is covered (nothing
typed is closed or lost: the dialogs under the cover keep their text), and only the library's passphrase uncovers
them. The lock is a screen lock: the key stays in memory, as the open meeting does. It also holds "Change
passphrase…", which re-keys the library (`app.storage.encryption.change_passphrase`) after the window closes; the
window then opens again on the same meeting.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import keychain, paths
from app.storage import StorageError, Store
from app.storage.connection import FileKind
from app.storage.encryption import (
    WrongPassphrase,
    check_new_passphrase,
    library_state,
    open_library,
    passphrase_opens,
)
from app.storage.keys import DatabaseKey
from app.ui import window_state

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 15
IDLE_KEY = "security/lock_after_minutes"
# Ctrl+Shift+L (what issue 18 asked for) is already the live room's Departure…; Ctrl+Alt+L is the lock key in many
# desktops and password managers, so a secretary's hand knows it.
LOCK_SHORTCUT = "Ctrl+Alt+L"


def strength(passphrase: str) -> tuple[int, str]:
    """A rough strength of a passphrase, 0 to 4, and its word: the bits of a random choice of that length from the
    kinds of characters it uses (a real word counts as less; this only guides, it never refuses beyond length)."""
    if len(passphrase) < 8:
        return 0, "too short (at least 8 characters)"
    pool = sum(
        size
        for test, size in (
            (str.islower, 26),
            (str.isupper, 26),
            (str.isdigit, 10),
            (lambda c: not c.isalnum(), 33),
        )
        if any(test(c) for c in passphrase)
    )
    distinct = len(set(passphrase)) / len(passphrase)
    bits = len(passphrase) * math.log2(max(pool, 2)) * min(1.0, 0.5 + distinct)
    if bits < 45:
        return 1, "weak"
    if bits < 65:
        return 2, "fair"
    if bits < 90:
        return 3, "good"
    return 4, "strong"


class Mode(Enum):
    NEW = "new"  # a new library: choose a passphrase
    ENCRYPT = "encrypt"  # a plain library from an older Quorate: choose one to encrypt it with
    UNLOCK = "unlock"  # an encrypted library at start-up
    LOCKED = "locked"  # the window was locked


_TITLES = {
    Mode.NEW: (
        "Choose a passphrase",
        "Quorate keeps your library encrypted. Choose the passphrase that opens it. Keep it safe: without it the "
        "library cannot be opened, by you or anyone.",
    ),
    Mode.ENCRYPT: (
        "Encrypt your library",
        "This library was kept unencrypted by an older Quorate. Choose a passphrase: the database, its backups and "
        "the kept papers are encrypted with it now. Keep it safe: without it the library cannot be opened.",
    ),
    Mode.UNLOCK: ("Unlock the library", "Type the library's passphrase."),
    Mode.LOCKED: ("Quorate is locked", "Quorate was locked. Type the library's passphrase to go on."),
}


class UnlockDialog(QDialog):
    """Asks for the passphrase; `attempt(passphrase, remember)` opens or checks, raising StorageError with the
    sentence to show (the dialog then stays, the field emptied)."""

    QUIT = 2  # the dialog's result when the user quits from the lock screen

    def __init__(
        self, mode: Mode, attempt: Callable[[str, bool], None], parent: QWidget | None = None, folder: str = ""
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.attempt = attempt
        title, intro = _TITLES[mode]
        self.setWindowTitle(title)
        self.setObjectName("unlock-dialog")
        layout = QVBoxLayout(self)
        text = QLabel(intro + (f"\n\nData folder: {folder}" if folder and mode is not Mode.LOCKED else ""))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        form.addRow("&Passphrase:", self.passphrase)
        self.choosing = mode in (Mode.NEW, Mode.ENCRYPT)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("Passphrase again")
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName("Passphrase strength")
        self.meter_label = QLabel("")
        if self.choosing:
            form.addRow("Passphrase &again:", self.again)
            form.addRow("Strength:", self.meter)
            form.addRow("", self.meter_label)
            self.passphrase.textChanged.connect(self._show_strength)
            self._show_strength("")
        layout.addLayout(form)
        self.remember = QCheckBox("&Remember on this computer (in the system keyring)")
        self.remember.setToolTip("Anyone who can log in as you here can then open the library without typing it.")
        if mode is not Mode.LOCKED:
            layout.addWidget(self.remember)
        self.error = QLabel("")
        self.error.setObjectName("unlock-error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        verb = {Mode.NEW: "&Create", Mode.ENCRYPT: "&Encrypt", Mode.UNLOCK: "&Unlock", Mode.LOCKED: "&Unlock"}[mode]
        self.ok = self.buttons.addButton(verb, QDialogButtonBox.ButtonRole.AcceptRole)
        if mode is Mode.LOCKED:
            self.quit_button = QPushButton("&Quit Quorate")
            self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.quit_button.clicked.connect(lambda: self.done(self.QUIT))
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def _show_strength(self, text: str) -> None:
        score, word = strength(text)
        self.meter.setValue(score)
        self.meter_label.setText(word)

    def show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()
        self.passphrase.clear()
        self.again.clear()
        self.passphrase.setFocus()

    def accept(self) -> None:
        text = self.passphrase.text()
        if self.choosing and text != self.again.text():
            self.show_error("The two passphrases are not the same; type them again.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.attempt(text, self.remember.isChecked())
        except StorageError as exc:
            self.show_error(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        super().accept()

    def reject(self) -> None:
        if self.mode is Mode.LOCKED:  # Escape does not uncover the window
            return
        super().reject()


def open_library_window(
    data_dir: Path, *, plain: bool = False, passphrase: str | None = None, parent: QWidget | None = None
) -> Store | None:
    """The store of the data folder's library, asking for a passphrase when one is needed; None when the user
    cancelled. Plain mode keeps a new or plain library plain."""
    database = paths.database_path(data_dir)
    state = library_state(database)
    if plain and state.kind in (FileKind.MISSING, FileKind.PLAIN):
        return open_library(database, None, plain=True)
    given = passphrase
    if given is None and state.kind is FileKind.ENCRYPTED:
        given = keychain.recall(data_dir)
    if given is not None:
        try:
            return open_library(database, given)
        except WrongPassphrase:
            log.info("the passphrase given or remembered does not open the library; asking")
    mode = {FileKind.MISSING: Mode.NEW, FileKind.PLAIN: Mode.ENCRYPT}.get(state.kind, Mode.UNLOCK)
    opened: list[Store] = []

    def attempt(text: str, remember: bool) -> None:
        opened.append(open_library(database, text))
        if remember and not keychain.remember(data_dir, text):
            QMessageBox.information(
                parent, "Not remembered", "This computer has no keyring, so the passphrase will be asked each time."
            )

    dialog = UnlockDialog(mode, attempt, parent, folder=str(data_dir))
    if dialog.exec() != QDialog.DialogCode.Accepted or not opened:
        return None
    return opened[0]


# -- locking the open window --------------------------------------------------------------------------------------


class _Curtain(QWidget):
    """An opaque cover over one window's content while Quorate is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock-curtain")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock-curtain { background: palette(window); }")
        layout = QVBoxLayout(self)
        label = QLabel("Quorate is locked.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


@dataclass(frozen=True, slots=True)
class RekeyRequest:
    current: str
    new: str
    remember: bool


_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockGuard(QObject):
    """Locks the window after the idle time and on LOCK_SHORTCUT; offers the change of passphrase."""

    rekey_requested = Signal()

    def __init__(self, window: QMainWindow, key: DatabaseKey, data_dir: Path, flush: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.key = key
        self.data_dir = data_dir
        self.flush = flush
        self.locked = False
        self.rekey: RekeyRequest | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_idle_minutes(self.idle_minutes())
        self.lock_action = QAction("&Lock now", window)
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        window.addAction(self.lock_action)
        self.idle_action = QAction("Lock &after being idle…", window)
        self.idle_action.triggered.connect(self.choose_idle_minutes)
        self.change_action = QAction("Change &passphrase…", window)
        self.change_action.triggered.connect(self.change_passphrase)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions([self.lock_action, self.idle_action, self.change_action])

    # -- idle time --

    def idle_minutes(self) -> int:
        value = window_state.settings(self.data_dir).value(IDLE_KEY, DEFAULT_IDLE_MINUTES)
        try:
            minutes = int(str(value))
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return minutes if 1 <= minutes <= 24 * 60 else DEFAULT_IDLE_MINUTES

    def set_idle_minutes(self, minutes: int) -> None:
        self.timer.setInterval(minutes * 60_000)
        self.timer.start()

    def choose_idle_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self.window,
            "Lock after being idle",
            "Lock Quorate after this many idle minutes:",
            self.idle_minutes(),
            1,
            240,
        )
        if ok:
            window_state.settings(self.data_dir).setValue(IDLE_KEY, minutes)
            self.set_idle_minutes(minutes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _ACTIVITY:
            self.timer.start()
        return False

    # -- the lock --

    def _check(self, passphrase: str, _remember: bool) -> None:
        if not passphrase_opens(self.key, passphrase):
            raise WrongPassphrase("The passphrase is wrong.")

    def lock(self) -> None:
        """Cover every window until the passphrase is typed; what was typed is saved first and kept."""
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        try:
            self.flush()
        except StorageError as exc:  # the disk is full: the text stays in the editor, which is only covered
            log.warning("could not save typing before locking (%s)", type(exc).__name__)
        curtains = [_Curtain(w) for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        log.info("locked the window")
        dialog = UnlockDialog(Mode.LOCKED, self._check, self.window)
        result = dialog.exec()
        for curtain in curtains:
            curtain.deleteLater()
        self.locked = False
        log.info("unlocked the window")
        if result == UnlockDialog.QUIT:
            self.window.close()
            return
        self.timer.start()

    # -- changing the passphrase --

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.key, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.request is not None:
            self.rekey = dialog.request
            self.rekey_requested.emit()


class ChangePassphraseDialog(QDialog):
    """The current passphrase and the new one twice; checked here, applied once the window has closed."""

    def __init__(self, key: DatabaseKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.request: RekeyRequest | None = None
        self.setWindowTitle("Change the passphrase")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The library is re-encrypted under the new passphrase; the window closes and opens again on the same "
            "meeting. Papers kept from now on get a new key."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for field, name in (
            (self.current, "Current passphrase"),
            (self.new, "New passphrase"),
            (self.again, "New again"),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
        form.addRow("&Current passphrase:", self.current)
        form.addRow("&New passphrase:", self.new)
        form.addRow("New passphrase &again:", self.again)
        self.meter_label = QLabel(strength("")[1])
        form.addRow("Strength:", self.meter_label)
        self.new.textChanged.connect(lambda text: self.meter_label.setText(strength(text)[1]))
        layout.addLayout(form)
        self.remember = QCheckBox("&Remember the new one on this computer (in the system keyring)")
        layout.addWidget(self.remember)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        problem = None
        if self.new.text() != self.again.text():
            problem = "The two new passphrases are not the same."
        else:
            try:
                check_new_passphrase(self.new.text())
            except StorageError as exc:
                problem = str(exc)
        if problem is None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                if not passphrase_opens(self.key, self.current.text()):
                    problem = "The current passphrase is wrong; nothing was changed."
            finally:
                QGuiApplication.restoreOverrideCursor()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        self.request = RekeyRequest(self.current.text(), self.new.text(), self.remember.isChecked())
        super().accept()
