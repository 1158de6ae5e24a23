"""Starting the window: QApplication, fonts, storage, the demo meeting, the crash hook."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import app
from app import commands, paths
from app.storage import StorageError, Store
from app.storage.lock import DataFolderLock, FolderInUse
from app.ui.crash import install_excepthook
from app.ui.main_window import MainWindow
from app.ui.single_instance import InstanceWatcher, bring_forward_running

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    qt_app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    qt_app.setApplicationName("Quorate")
    qt_app.setApplicationVersion(app.__version__)
    qt_app.setOrganizationName("Quorate")
    load_fonts(qt_app)
    return qt_app


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
    """Before any window: take the data folder's lock (held until the window closes), then open the database.

    Raises StorageError with one sentence for the user: another Quorate has the folder, it is read-only, the
    disk is full, or the database cannot be used."""
    lock = DataFolderLock(data_dir, wait=wait).acquire()
    try:
        return Store.open(paths.database_path(data_dir)), lock
    except BaseException:
        lock.release()
        raise


def refuse(message: str) -> int:
    """Say why the window cannot open (stderr and, on a real screen, a dialog); the exit code to return."""
    log.warning("refused: %s", message)
    print(f"quorate: {message}", file=sys.stderr)
    if QGuiApplication.platformName() != "offscreen":
        QMessageBox.critical(None, "Quorate cannot start", message)
    return EXIT_REFUSED


def run_gui(data_dir: Path, demo: bool = False, meeting_id: int | None = None, exit_when_shown: bool = False) -> int:
    qt_app = make_application()
    try:
        try:
            store, lock = open_storage(data_dir, wait=0)
        except FolderInUse:
            # Someone has the folder: if it is a window, it comes forward and this launch is done.
            if bring_forward_running(data_dir, meeting_id):
                log.info("Quorate is already open on %s: brought that window forward", data_dir)
                print(f"quorate: Quorate is already open on {data_dir}; brought that window forward.", file=sys.stderr)
                return 0
            store, lock = open_storage(data_dir)
    except StorageError as exc:
        return refuse(str(exc))
    watcher: InstanceWatcher | None = None
    try:
        if demo:
            meeting_id = commands.start_demo(store)
        window = MainWindow(store, data_dir)
        log_file = data_dir / "logs" / "quorate.log"
        install_excepthook(window.flush, str(log_file))
        watcher = InstanceWatcher(data_dir, window.bring_forward, window)
        watcher.start()
        if meeting_id is not None:
            window.open_meeting(meeting_id)
        window.show()
        if exit_when_shown:
            QTimer.singleShot(0, qt_app.quit)
        return int(qt_app.exec())
    finally:
        if watcher is not None:
            watcher.stop()
        store.close()
        lock.release()
