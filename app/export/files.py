"""Writing finished files: all of the new file or none of it, never a half file under its name."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

from app.paths import shared_file_mode, shared_folder_mode

STALE_AFTER_S = 600.0  # a temporary file this old is left from a write that was killed, not one in progress


def _sweep(out: Path) -> None:
    """Remove temporary files a killed earlier write of `out` left beside it."""
    now = time.time()
    for leftover in out.parent.glob(f".{out.name}.*.part"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_AFTER_S:
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable too: a power cut after it must not bring the old name back (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_folders(folder: Path) -> None:
    """Make `folder` and its missing parents with the user's own umask (as a file manager would)."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(made, shared_folder_mode())


def write_atomically(out: Path, data: bytes, *, mode: int | None = None) -> Path:
    """Write `data` to `out` through a temporary file in the same folder, fsync and `os.replace`.

    Either the complete new file is there afterwards or whatever was there before. `mode` defaults to the
    old file's mode, else what the user's umask gives a new file (Quorate itself runs with umask 077 so that its
    data folder stays private; exports are for sharing; keys pass 0600)."""
    out = Path(out)
    make_folders(out.parent)
    _sweep(out)
    if mode is None:
        mode = out.stat().st_mode & 0o777 if out.exists() else shared_file_mode()
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, out)
        _sync_folder(out.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return out
