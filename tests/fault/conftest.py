"""Fixtures for the fault tests: small real file systems (a full disk, a read-only folder)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


@pytest.fixture
def tmpfs() -> Iterator[Callable[[Path, str], Path]]:
    """`tmpfs(folder, "4m")` mounts a small tmpfs there (root only: CI runs as root); skips the test otherwise.
    Everything mounted is unmounted afterwards."""
    mounted: list[Path] = []

    def mount(folder: Path, size: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0 or not _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)):
            pytest.skip("mounting a small tmpfs needs root")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        _run("umount", "-l", str(folder))


@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """`read_only_view(folder)` is the filled `folder` made read-only: as root (whom file modes do not stop) a
    read-only bind mount of it; otherwise the folder itself with every write bit taken away."""
    mounted: list[Path] = []
    changed: list[Path] = []

    def freeze(folder: Path) -> Path:
        if os.geteuid() == 0:
            view = tmp_path / f"read-only-{len(mounted)}"
            view.mkdir()
            if not _run("mount", "--bind", str(folder), str(view)):
                pytest.skip("a bind mount needs root")
            mounted.append(view)
            if not _run("mount", "-o", "remount,bind,ro", str(view)):
                pytest.skip("remounting read-only failed")
            return view
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
            changed.append(path)
        return folder

    yield freeze
    for view in reversed(mounted):
        _run("umount", "-l", str(view))
    for path in changed:
        path.chmod(path.stat().st_mode | 0o200)
