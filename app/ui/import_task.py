"""Reading a pack off the UI thread, with progress and cancel; saving stays on the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from app.packs import DraftPack, PackError
from app.packs.limits import read_pack_bounded
from app.ui.crash import CrashReporter


class ImportTask(QObject):
    """Reads one pack in a worker thread. The database is never touched off the UI thread."""

    progress = Signal(int, int)
    finished = Signal(object)  # DraftPack
    failed = Signal(str)
    crashed = Signal(object)  # the exception of a bug, reported on the UI thread

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._reporter = CrashReporter()  # made here, so it stays on the UI thread when the task moves
        self.crashed.connect(self._reporter.report)
        self.path = path
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("pack-import")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _run(self) -> None:
        try:
            # a helper process with a time and memory budget, killed on cancel (app/packs/limits.py)
            draft: DraftPack = read_pack_bounded(
                self.path, progress=lambda done, total: self.progress.emit(done, total), cancelled=self._cancel.is_set
            )
        except PackError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug in an importer: the window stops waiting, and the crash dialog reports it
            self.failed.emit(f"{self.path.name} could not be imported because of an internal error.")
            self.crashed.emit(exc)
        else:
            self.finished.emit(draft)
        finally:
            self._thread.quit()
