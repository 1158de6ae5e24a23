"""Finished files are written whole or not at all, and what a killed write left behind is swept up."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.export.files import STALE_AFTER_S, write_atomically


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "minutes.pdf"
    write_atomically(out, b"old")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(out, b"new")
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.pdf"]


def test_leftovers_of_a_killed_write_are_swept_but_a_fresh_one_is_not(tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    stale = tmp_path / ".minutes.pdf.abc123.part"
    fresh = tmp_path / ".minutes.pdf.def456.part"  # perhaps another export of the same file, still running
    other = tmp_path / ".other.pdf.ghi789.part"
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"half")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_atomically(out, b"whole", mode=0o600)
    assert out.read_bytes() == b"whole" and (out.stat().st_mode & 0o777) == 0o600
    assert not stale.exists() and fresh.exists() and other.exists()
