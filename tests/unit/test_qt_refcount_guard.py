"""PySide6 6.12 drops a reference to None on every void call where None is mortal (CPython < 3.12).

On such an interpreter the process aborts after a few thousand calls (STACK.md). This
guard fails if the interpreter and binding in use leak; on 3.12+ None is immortal and
the count cannot drift, which is exactly why the project requires 3.12.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_do_not_leak_none_references() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for n in range(2000):
        obj.setObjectName(f"probe-{n}")  # a void call
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 50, f"None refcount drifted by {drift} over 2000 void Qt calls"


def test_interpreter_is_new_enough() -> None:
    assert sys.version_info >= (3, 12), "PySide6 6.12 needs Python 3.12 or newer"
