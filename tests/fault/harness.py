"""Talking to tests/fault/task_driver.py, and the checks every fault test makes afterwards."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from app.storage import Store

REPO = Path(__file__).resolve().parents[2]


def long_run() -> bool:
    """QUORATE_LONG=1 runs the fault and fuzz suites at full size (1,000 inputs, 100 kills per operation)."""
    return os.environ.get("QUORATE_LONG", "") not in ("", "0")


def scale(short: int, long: int) -> int:
    return long if long_run() else short


@dataclass
class Run:
    lines: list[str]
    status: int
    seconds: float  # from "started" to the child's end, as the test saw it

    @property
    def killed(self) -> bool:
        return os.WIFSIGNALED(self.status) and os.WTERMSIG(self.status) == signal.SIGKILL

    @property
    def finished(self) -> bool:
        return "done" in self.lines and os.WIFEXITED(self.status) and os.WEXITSTATUS(self.status) == 0

    def value(self, key: str) -> str | None:
        return next((line.split(" ", 1)[1] for line in self.lines if line.startswith(key + " ")), None)


class TaskServer:
    """One fork server on a data folder; `run` a request to the end, or `run_and_kill` it after a delay."""

    def __init__(self, data_dir: Path, *, light: bool = False) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.fault.task_driver", str(data_dir), *(["--light"] if light else [])],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the task driver stopped talking (see its stderr above)"
        return line.rstrip("\n")

    def start(self, request: dict[str, Any]) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        started = self._line()
        assert started.startswith("started "), started
        return int(started.split()[1])

    def finish(self, began: float) -> Run:
        lines = []
        while not (line := self._line()).startswith("exit "):
            lines.append(line)
        return Run(lines, int(line.split()[1]), time.perf_counter() - began)

    def run(self, request: dict[str, Any]) -> Run:
        self.start(request)
        result = self.finish(time.perf_counter())
        assert result.finished, f"the run failed: {result.lines}"
        return result

    def run_and_kill(self, request: dict[str, Any], delay: float) -> Run:
        pid = self.start(request)
        began = time.perf_counter()
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # a child that already ended is a zombie until waited for: still ours
        result = self.finish(began)
        assert result.killed or result.finished, f"the run failed on its own: {result.lines}"
        return result

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()

    def __enter__(self) -> TaskServer:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


def check_database(db: Path) -> None:
    """What must hold after any crash: SQLite's own check and the audit chain."""
    store = Store.open(db)
    try:
        assert store.integrity_ok(), "PRAGMA integrity_check failed"
        assert store.verify_audit_chain() == []
    finally:
        store.close()


def leftovers(folder: Path, name: str) -> list[Path]:
    """Temporary files an interrupted atomic write of `name` left beside it (hidden, never the file itself)."""
    return sorted(folder.glob(f".{name}.*.part"))
