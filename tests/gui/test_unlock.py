"""Unlocking and locking in the window (issue 18), on real widgets with real keys.

The passphrase dialogs are modal (`exec`): each test hands the steps to take inside the dialog to `in_dialog`, which
runs them from the event loop once the dialog is up, as a user would type into it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.storage import Store
from app.storage.connection import FileKind, file_kind
from app.storage.encryption import open_library
from app.ui.application import make_application
from app.ui.main_window import MainWindow
from app.ui.unlock import LockGuard, Mode, UnlockDialog, open_library_window, strength
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.usefixtures("encrypted")


FAILED: list[BaseException] = []


def in_dialog(qtbot: QtBot, steps: Callable[[UnlockDialog], object]) -> None:
    """Run `steps` on the modal passphrase dialog once it is shown. A failure inside closes the dialog (so the test
    cannot hang on it) and is raised again by `raise_failures`."""
    FAILED.clear()

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnlockDialog):
            QTimer.singleShot(20, act)
            return
        try:
            steps(dialog)
        except BaseException as exc:
            FAILED.append(exc)
            dialog.done(UnlockDialog.DialogCode.Rejected)

    QTimer.singleShot(0, act)


def raise_failures() -> None:
    if FAILED:
        raise FAILED[0]


def type_and_submit(qtbot: QtBot, dialog: UnlockDialog, text: str, again: str | None = None) -> str:
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, text)
    if dialog.choosing:
        dialog.again.clear()
        qtbot.keyClicks(dialog.again, text if again is None else again)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    return dialog.error.text() if dialog.error.isVisible() else ""


def test_a_new_library_asks_for_a_passphrase_twice_and_shows_its_strength(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    errors: list[str] = []

    def steps(dialog: UnlockDialog) -> None:
        assert dialog.mode is Mode.NEW
        qtbot.keyClicks(dialog.passphrase, "abc")
        assert dialog.meter.value() == 0 and "too short" in dialog.meter_label.text()
        errors.append(type_and_submit(qtbot, dialog, "a long passphrase", "another one"))
        errors.append(type_and_submit(qtbot, dialog, "short"))
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        assert dialog.meter.value() >= 2
        type_and_submit(qtbot, dialog, PASSPHRASE)

    in_dialog(qtbot, steps)
    store = open_library_window(tmp_path)
    raise_failures()
    assert store is not None and store.encrypted
    store.close()
    assert errors[0] == "The two passphrases are not the same; type them again."
    assert errors[1].startswith("A passphrase must be at least 8 characters long")
    assert file_kind(paths.database_path(tmp_path)) is FileKind.ENCRYPTED


def test_a_wrong_passphrase_is_one_sentence_and_the_right_one_unlocks(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    open_library(paths.database_path(tmp_path), PASSPHRASE).close()
    before = paths.database_path(tmp_path).read_bytes()
    errors: list[str] = []

    def steps(dialog: UnlockDialog) -> None:
        assert dialog.mode is Mode.UNLOCK and not dialog.choosing
        errors.append(type_and_submit(qtbot, dialog, "not the passphrase"))
        assert dialog.passphrase.text() == ""  # emptied for the next try
        type_and_submit(qtbot, dialog, PASSPHRASE)

    in_dialog(qtbot, steps)
    store = open_library_window(tmp_path)
    raise_failures()
    assert store is not None
    store.close()
    assert errors == ["The passphrase is wrong; nothing was changed."]
    assert paths.database_path(tmp_path).read_bytes()[:4096] == before[:4096]


def test_a_plain_library_is_encrypted_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    plain = Store.open(paths.database_path(tmp_path))
    commands.ensure_demo_meeting(plain)
    plain.close()
    in_dialog(qtbot, lambda dialog: (dialog.mode is Mode.ENCRYPT) and type_and_submit(qtbot, dialog, PASSPHRASE))
    store = open_library_window(tmp_path)
    raise_failures()
    assert store is not None and store.encrypted and len(store.meetings()) == 1
    store.close()
    assert file_kind(paths.database_path(tmp_path)) is FileKind.ENCRYPTED


def test_cancelling_leaves_the_library_locked(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    open_library(paths.database_path(tmp_path), PASSPHRASE).close()
    in_dialog(qtbot, lambda dialog: dialog.reject())
    assert open_library_window(tmp_path) is None


def _locked_window(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Store, LockGuard]:
    make_application()
    store = open_library(paths.database_path(tmp_path), PASSPHRASE)
    meeting_id = commands.ensure_demo_meeting(store)
    window = MainWindow(store, tmp_path)
    qtbot.addWidget(window)
    assert store.key is not None
    guard = LockGuard(window, store.key, tmp_path, window.flush)
    guard.fill_menu(window.security_menu())
    window.show()
    window.open_meeting(meeting_id)
    return window, store, guard


def test_the_lock_key_covers_every_window_and_keeps_what_was_typed(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, guard = _locked_window(qtbot, tmp_path)
    editor = window.meeting_page.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "The Board noted the report")
    assert editor.pending  # not saved yet: the lock saves it
    seen: dict[str, object] = {}

    def steps(dialog: UnlockDialog) -> None:
        assert dialog.mode is Mode.LOCKED
        curtains = window.findChildren(QWidget, "lock-curtain")
        seen["covered"] = bool(curtains) and all(c.isVisible() and c.geometry() == window.rect() for c in curtains)
        seen["saved"] = not editor.pending
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)  # Escape does not uncover the window
        seen["still"] = dialog.isVisible()
        seen["wrong"] = type_and_submit(qtbot, dialog, "not it")
        type_and_submit(qtbot, dialog, PASSPHRASE)

    in_dialog(qtbot, steps)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    raise_failures()
    assert seen == {"covered": True, "saved": True, "still": True, "wrong": "The passphrase is wrong."}
    assert not guard.locked
    qtbot.waitUntil(lambda: not window.findChildren(QWidget, "lock-curtain"), timeout=2000)
    assert editor.toPlainText() == "The Board noted the report"
    window.close()
    store.close()


def test_the_window_locks_after_the_idle_time(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, guard = _locked_window(qtbot, tmp_path)
    assert guard.timer.interval() == 15 * 60_000  # the default
    locked: list[bool] = []

    def steps(dialog: UnlockDialog) -> None:
        locked.append(guard.locked)
        guard.timer.setInterval(15 * 60_000)  # or it locks again 50 ms after the unlock
        type_and_submit(qtbot, dialog, PASSPHRASE)

    in_dialog(qtbot, steps)
    guard.timer.setInterval(50)
    guard.timer.start()
    qtbot.waitUntil(lambda: locked == [True] and not guard.locked, timeout=3000)
    raise_failures()
    window.close()
    store.close()


def test_strength_grows_with_length_and_variety() -> None:
    assert strength("short")[0] == 0
    assert strength("password")[0] <= 1
    assert strength("correct horse battery staple")[0] >= 3
    assert strength("Tr0ub4dor&3-and-more-words")[0] == 4
