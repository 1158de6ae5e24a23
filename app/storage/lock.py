"""One Quorate at a time on a data folder: an advisory lock on `DATA_DIR/quorate.lock`.

The window holds the lock for as long as it runs; command-line commands that write take it for their duration.
A second holder waits a little (another command may be about to finish), then is refused with a plain sentence
naming the process that holds it. The lock is the operating system's (`flock` on POSIX, `msvcrt.locking` on
Windows), so it goes away with its process however that process ends, even by SIGKILL or a power cut: there is no
stale lock file to clean up. The file itself stays, holding the pid of the last holder for the message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from app.storage.connection import StorageError

LOCK_NAME = "quorate.lock"
DEFAULT_WAIT = 5.0  # seconds a command waits for another to finish before it gives up
_POLL = 0.05
_WINDOWS_LOCK_OFFSET = 64  # Windows locks are mandatory: lock a byte past the pid so others can still read it


class FolderInUse(StorageError):
    """Another Quorate process holds this data folder."""

    def __init__(self, message: str, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_NAME


def _try_lock(handle: IO[str]) -> bool:
    """Take the lock without waiting; False when another process has it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def holder_pid(data_dir: Path) -> int | None:
    """The pid written by the process that last took the lock (None if unknown)."""
    try:
        text = lock_path(data_dir).read_text(encoding="ascii", errors="replace")[:_WINDOWS_LOCK_OFFSET]
    except OSError:
        return None
    first = text.strip().split()[:1]
    return int(first[0]) if first and first[0].isdigit() else None


class DataFolderLock:
    """`with DataFolderLock(data_dir, wait=5):` or `lock.acquire()` … `lock.release()`."""

    def __init__(self, data_dir: Path, wait: float = DEFAULT_WAIT) -> None:
        self.data_dir = Path(data_dir)
        self.wait = wait
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> DataFolderLock:
        """Take the lock, waiting up to `wait` seconds; raises FolderInUse, or StorageError if the folder is
        not writable."""
        if self._handle is not None:
            return self
        path = lock_path(self.data_dir)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            handle = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o644), "r+", encoding="ascii")
        except OSError as exc:
            raise folder_error(self.data_dir, exc) from exc
        deadline = time.monotonic() + max(0.0, self.wait)
        try:
            while not _try_lock(handle):
                if time.monotonic() >= deadline:
                    pid = holder_pid(self.data_dir)
                    who = f" (pid {pid})" if pid is not None else ""
                    raise FolderInUse(
                        f"Quorate is already open on this data folder{who}, {self.data_dir}; "
                        "close it there or wait for it to finish, then try again.",
                        pid,
                    )
                time.sleep(_POLL)
            handle.seek(0)
            handle.write(f"{os.getpid():<20}\n")  # fixed width: overwrites the last holder's pid, no truncation
            handle.flush()
        except BaseException:
            handle.close()
            raise
        self._handle = handle
        return self

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()

    def __enter__(self) -> DataFolderLock:
        return self.acquire()

    def __exit__(
        self, _type: type[BaseException] | None, _exc: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.release()


def folder_error(data_dir: Path, exc: OSError) -> StorageError:
    """One sentence for a data folder that cannot be created or written."""
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StorageError(f"Quorate cannot write to its data folder {data_dir}: it is read-only.")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(f"The disk holding the data folder {data_dir} is full; free some space and try again.")
    return StorageError(f"Quorate cannot use its data folder {data_dir}: {exc.strerror or exc}.")
