"""Logging to a rotating file in the data directory, and a plain-text crash report."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

import app

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send every log record to data_dir/logs/quorate.log (1 MB x 5 files)."""
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "quorate.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_quorate", False):
            root.removeHandler(handler)
            with contextlib.suppress(OSError):  # the last lines of a log on a full disk are not worth a refusal
                handler.close()
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._quorate = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # pyHanko logs long tracebacks for untrusted roots; they are expected offline.
    logging.getLogger("pyhanko").setLevel(logging.ERROR)
    return log_file


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """A copyable report with no personal meeting data beyond the traceback itself."""
    lines = [
        f"Quorate {app.__version__}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)
