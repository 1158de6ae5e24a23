"""One window per data folder: a second launch on the same folder brings the open window forward and exits.

The window that holds the data folder's lock watches a requests folder inside the data folder
(QFileSystemWatcher). A second launch that finds the lock taken drops a small request file there and waits a
moment: the window reads it, deletes it (that is the answer), comes forward and opens the meeting asked for, if
any. Only when nobody answers (the lock is held by a command-line command, not a window) does the second launch
go on to say that the folder is in use.

Why files and not a local socket (QLocalServer): QtNetwork is left out of the bundle to keep it small, and
files need nothing the data folder does not already give. Nothing here opens any socket at all.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject

log = logging.getLogger(__name__)

REQUESTS_DIR = "window-requests"
ANSWER_WAIT = 5.0  # seconds; a running window answers within a few event-loop turns, a busy one (starting) later
_POLL = 0.05


def requests_dir(data_dir: Path) -> Path:
    return Path(data_dir) / REQUESTS_DIR


def bring_forward_running(data_dir: Path, meeting_id: int | None = None, wait: float = ANSWER_WAIT) -> bool:
    """Ask the window open on `data_dir` to come forward (and open `meeting_id`); True when it answered.

    Call this only after failing to take the data folder's lock: then someone holds the folder, and if it is
    a window it is watching the requests folder."""
    folder = requests_dir(data_dir)
    if not folder.is_dir():
        return False
    name = f"{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
    request, partial = folder / name, folder / f".{name}.partial"
    try:
        partial.write_text(json.dumps({"meeting_id": meeting_id}), encoding="utf-8")
        os.replace(partial, request)  # the window never sees a half-written request
    except OSError as exc:
        log.info("could not ask the open window to come forward: %s", exc)
        partial.unlink(missing_ok=True)
        return False
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if not request.exists():
            return True
        time.sleep(_POLL)
    request.unlink(missing_ok=True)  # nobody is watching: the holder is a command, not a window
    return False


class InstanceWatcher(QObject):
    """In the window that holds the lock: calls `on_request(meeting_id)` for each later launch's request."""

    def __init__(self, data_dir: Path, on_request: Callable[[int | None], None], parent: QObject | None = None):
        super().__init__(parent)
        self.folder = requests_dir(data_dir)
        self._on_request = on_request
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self.take_requests())

    def start(self) -> bool:
        """Begin answering; called while holding the data folder's lock, so leftovers of a crash can go."""
        try:
            if self.folder.exists():
                shutil.rmtree(self.folder)
            self.folder.mkdir(parents=True)
        except OSError as exc:
            log.warning("a second launch cannot bring this window forward: %s", exc)
            return False
        return self._watcher.addPath(str(self.folder))

    def stop(self) -> None:
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        with contextlib.suppress(OSError):
            shutil.rmtree(self.folder)

    def take_requests(self) -> int:
        """Answer every waiting request (deleting its file); how many there were."""
        taken = 0
        try:
            waiting = sorted(p for p in self.folder.iterdir() if p.suffix == ".json" and not p.name.startswith("."))
        except OSError:
            return 0
        for path in waiting:
            try:
                request = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                log.warning("ignored an unreadable request from a second launch (%s): %s", path.name, exc)
                request = {}
            path.unlink(missing_ok=True)
            meeting_id = request.get("meeting_id") if isinstance(request, dict) else None
            self._on_request(meeting_id if isinstance(meeting_id, int) else None)
            taken += 1
        return taken
