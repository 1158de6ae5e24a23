"""Logging to a rotating file in the data directory, and a plain-text crash report.

Neither carries meeting data: log lines name commands, ids and kinds of failure, never a file's, a person's or a
paper's words, and tracebacks (in the log and the crash report) keep where the failure happened and its kind but
not the exception's message, which may quote a minute, a name or a search term (`redacted_traceback`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

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
    handler.setFormatter(RedactingFormatter(LOG_FORMAT))
    handler._quorate = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # pyHanko logs long tracebacks for untrusted roots; they are expected offline.
    logging.getLogger("pyhanko").setLevel(logging.ERROR)
    return log_file


def _kind(exc: BaseException) -> str:
    """The exception's type, and its error code where it has one; never its message."""
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins.")
    if isinstance(exc, OSError) and exc.errno is not None and exc.errno in errno.errorcode:
        kind += f" [{errno.errorcode[exc.errno]}]"
    code = getattr(exc, "sqlite_errorname", None)
    if isinstance(code, str):
        kind += f" [{code}]"
    return kind + " (message withheld: it may quote meeting data)"


def redacted_traceback(exc: BaseException) -> list[str]:
    """The traceback of `exc` and of the exceptions it was raised from, each with its kind but not its message."""
    lines: list[str] = []
    seen: set[int] = set()

    def one(current: BaseException) -> None:
        if id(current) in seen:
            return
        seen.add(id(current))
        if current.__cause__ is not None:
            one(current.__cause__)
            lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif current.__context__ is not None and not current.__suppress_context__:
            one(current.__context__)
            lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(current.__traceback__))
        lines.append(_kind(current) + "\n")

    one(exc)
    return lines


class RedactingFormatter(logging.Formatter):
    """Log tracebacks without exception messages."""

    def formatException(self, ei: Any) -> str:
        exc = ei[1] if ei else None
        if not isinstance(exc, BaseException):
            return ""
        return "".join(redacted_traceback(exc)).rstrip("\n")


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """A copyable report: versions, and where Quorate failed and how, without the exception's message (which may
    quote meeting data)."""
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    lines = [
        f"Quorate {app.__version__}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        "",
        *redacted_traceback(exc),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)
