"""Starting the window: QApplication, fonts, storage, the demo meeting, the crash hook."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import app
from app import commands, keychain, paths
from app.storage import StorageError, Store
from app.storage.encryption import change_passphrase, open_library
from app.storage.lock import DataFolderLock, FolderInUse
from app.ui.crash import install_excepthook
from app.ui.main_window import MainWindow
from app.ui.minutes_workflow import BackgroundJob
from app.ui.single_instance import InstanceWatcher, bring_forward_running
from app.ui.unlock import LockGuard, RekeyRequest, open_library_window

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    qt_app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    qt_app.setApplicationName("Quorate")
    qt_app.setApplicationVersion(app.__version__)
    qt_app.setOrganizationName("Quorate")
    load_fonts(qt_app)
    if FOCUS_STYLE not in qt_app.styleSheet():
        qt_app.setStyleSheet(qt_app.styleSheet() + FOCUS_STYLE)
    return qt_app


# Where the keyboard is, always visible: a blue ring on the focused control (the style's own mark is faint).
# A frameless pane that takes the keyboard (to scroll it) sets the property ringed=True to get one too.
FOCUS_RING = "#1a5fb4"
FOCUS_STYLE = f"""
QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {FOCUS_RING};
    border-radius: 3px; padding: 3px 8px; }}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus, QTimeEdit:focus, QPlainTextEdit:focus,
QTextEdit:focus, QListView:focus, QTreeView:focus, QTableView:focus, QScrollArea:focus, QAbstractSpinBox:focus,
QSlider:focus {{ border: 2px solid {FOCUS_RING}; }}
QScrollArea[ringed="true"] {{ border: 2px solid transparent; }}
QScrollArea[ringed="true"]:focus {{ border: 2px solid {FOCUS_RING}; }}
"""


def load_fonts(qt_app: QApplication) -> None:
    """Use the bundled font so text draws even where the system has none (offscreen, bare installs)."""
    families: list[str] = []
    for ttf in sorted(paths.resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        font = QFont(families[0])
        font.setPointSize(10)
        qt_app.setFont(font)


EXIT_REFUSED = 2
LOCK_WAIT = 1.0  # a window just closing may still hold the lock for a moment


def open_storage(data_dir: Path, wait: float = LOCK_WAIT) -> tuple[Store, DataFolderLock]:
    """Before any window: take the data folder's lock (held until the window closes), then open the database in
    plain mode (the tests' and demos'; `run_gui` unlocks a user's encrypted library with `open_library_window`).

    Raises StorageError with one sentence for the user: another Quorate has the folder, it is read-only, the
    disk is full, or the database cannot be used."""
    lock = DataFolderLock(data_dir, wait=wait).acquire()
    try:
        return open_library(paths.database_path(data_dir), None, plain=True), lock
    except BaseException:
        lock.release()
        raise


def refuse(message: str) -> int:
    """Say why the window cannot open (stderr and, on a real screen, a dialog); the exit code to return."""
    log.warning("refused to start (the sentence shown may name the folder or a file: not logged)")
    print(f"quorate: {message}", file=sys.stderr)
    if QGuiApplication.platformName() != "offscreen":
        QMessageBox.critical(None, "Quorate cannot start", message)
    return EXIT_REFUSED


def integrity_warning(store: Store) -> str | None:
    """At start-up: the audit chain replayed against the record, and every signed meeting against its signed
    digest (`quorate check`); a sentence naming the first problems, or None when all holds."""
    from app.storage.signatures import check_store

    report = check_store(store)
    if report.ok:
        return None
    problems = report.problems()
    log.warning("start-up check found %d problems (run `quorate check` for them)", len(problems))
    shown = "\n".join(f"• {p}" for p in problems[:5]) + ("\n• …" if len(problems) > 5 else "")
    return (
        f"The record in this data folder was changed outside Quorate (run `quorate check` for the full list):\n{shown}"
    )


class _IntegrityNotice(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @Slot(object)
    def show(self, warning: object) -> None:
        if not isinstance(warning, str):
            return
        self.window.statusBar().showMessage(warning.splitlines()[0], 60_000)
        if QGuiApplication.platformName() != "offscreen":
            QMessageBox.warning(self.window, "The record was changed", warning)


def start_integrity_check(window: MainWindow, store: Store) -> BackgroundJob:
    """Run the start-up check on a connection of its own, so the window opens at once (the check grows with the
    audit log: see `quorate bench`); a problem is shown when it is found."""

    def work() -> str | None:
        checking = store.reopen()
        try:
            return integrity_warning(checking)
        finally:
            checking.close()

    notice = _IntegrityNotice(window)  # lives on the UI thread, so the result is shown there
    job = BackgroundJob("startup-check", work)
    job.done.connect(notice.show)
    job.start()
    return job  # the caller keeps it alive while it runs


def _sweep_signing_scratch(data_dir: Path) -> None:
    """Remove what a signing that was killed left in the data folder (see MinutesWorkflow's signing dialog)."""
    import shutil

    for leftover in data_dir.glob(".quorate-sign-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _take_folder(data_dir: Path, meeting_id: int | None) -> DataFolderLock | None:
    """The data folder's lock; None when another window has the folder and came forward instead."""
    try:
        return DataFolderLock(data_dir, wait=0).acquire()
    except FolderInUse:
        # Someone has the folder: if it is a window, it comes forward and this launch is done.
        if bring_forward_running(data_dir, meeting_id):
            log.info("Quorate is already open on its data folder: brought that window forward")
            print(f"quorate: Quorate is already open on {data_dir}; brought that window forward.", file=sys.stderr)
            return None
        return DataFolderLock(data_dir, wait=LOCK_WAIT).acquire()


def _rekey(store: Store, request: RekeyRequest, data_dir: Path) -> Store:
    """Re-key the library (every window is closed, so this is its only connection) and open it again; on a
    failure the library is as it was and opens again with the old key."""
    database, old_key = paths.database_path(data_dir), store.key
    assert old_key is not None
    store.close()
    try:
        key = change_passphrase(database, old_key, request.current, request.new)
    except StorageError as exc:
        log.warning("the change of passphrase failed (%s)", type(exc).__name__)
        QMessageBox.warning(None, "Passphrase not changed", str(exc))
        return Store.open(database, old_key)
    if request.remember or keychain.recall(data_dir) is not None:
        keychain.remember(data_dir, request.new)
    return Store.open(database, key)


def run_gui(
    data_dir: Path,
    demo: bool = False,
    meeting_id: int | None = None,
    exit_when_shown: bool = False,
    plain: bool = False,
    passphrase: str | None = None,
    bundle: Path | None = None,
) -> int:
    qt_app = make_application()
    try:
        lock = _take_folder(data_dir, meeting_id)
        if lock is None:
            return 0
    except StorageError as exc:
        return refuse(str(exc))
    try:
        try:
            opened = open_library_window(data_dir, plain=plain, passphrase=passphrase)
        except StorageError as exc:
            return refuse(str(exc))
        if opened is None:
            log.info("the library was left locked")
            return 0
        store = opened
        _sweep_signing_scratch(data_dir)
        try:
            if demo:
                meeting_id = commands.start_demo(store)
            while True:
                code, rekey, meeting_id = _run_window(qt_app, store, data_dir, meeting_id, exit_when_shown, bundle)
                bundle = None
                if rekey is None:
                    return code
                store = _rekey(store, rekey, data_dir)
        finally:
            store.close()
    finally:
        lock.release()


def _run_window(
    qt_app: QApplication,
    store: Store,
    data_dir: Path,
    meeting_id: int | None,
    exit_when_shown: bool,
    bundle: Path | None = None,
) -> tuple[int, RekeyRequest | None, int | None]:
    """One window on the open store until it closes: its exit code, and a change of passphrase it asked for
    (with the meeting to open again after it)."""
    window = MainWindow(store, data_dir)
    guard: LockGuard | None = None
    if store.key is not None:
        guard = LockGuard(window, store.key, data_dir, window.flush)
        guard.fill_menu(window.security_menu())
        guard.rekey_requested.connect(window.close)
    log_file = data_dir / "logs" / "quorate.log"
    install_excepthook(window.flush, str(log_file))
    watcher = InstanceWatcher(data_dir, window.bring_forward, window)
    watcher.start()
    try:
        if meeting_id is not None:
            window.open_meeting(meeting_id)
        window.show()
        if bundle is not None:  # `quorate F.quorate`: open it as a member once the window is there
            QTimer.singleShot(0, lambda: window.members.open_bundle_file(bundle))
        check = start_integrity_check(window, store)
        if exit_when_shown:
            QTimer.singleShot(0, qt_app.quit)
        code = int(qt_app.exec())
        check.wait()
    finally:
        watcher.stop()
    rekey = guard.rekey if guard is not None else None
    reopen = window.meeting.id if window.meeting is not None else None
    window.deleteLater()
    qt_app.processEvents()
    return code, rekey, reopen
