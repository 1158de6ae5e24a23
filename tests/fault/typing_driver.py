"""The real window, typing into the minute of one item without a pause, until it is killed.

    python -m tests.fault.typing_driver DATA_DIR ITEM_NUMBER INTERVAL_MS

Opens the demo meeting in DATA_DIR (offscreen), selects the item, and types one letter every INTERVAL_MS
through real key events, never pausing, so only a save that does not wait for a pause can keep any of it.
After each key it prints "typed N T" (N letters so far, T seconds since the first), flushed, so the test knows
what had been typed, and when, at the moment it kills the process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from app import commands, paths
from app.storage import Store
from app.ui.application import make_application
from app.ui.main_window import MainWindow

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def main(argv: list[str]) -> int:
    data_dir, number, interval = Path(argv[0]), argv[1], int(argv[2])
    app = make_application()
    store = Store.open(paths.database_path(data_dir))
    meeting_id = commands.ensure_demo_meeting(store)
    window = MainWindow(store, data_dir)
    window.show()
    window.open_meeting(meeting_id)
    item = next(i for i in window.meeting_page.model.items_in_order() if i.number.rstrip(".") == number)
    assert item.id is not None
    window.meeting_page.tree.setCurrentIndex(window.meeting_page.model.index_for_item(item.id))
    editor = window.meeting_page.editor
    editor.setFocus()
    typed = [0]
    began = [0.0]

    def key() -> None:
        if not typed[0]:
            began[0] = time.monotonic()
        QTest.keyClick(editor, LETTERS[typed[0] % len(LETTERS)], Qt.KeyboardModifier.NoModifier)
        typed[0] += 1
        print(f"typed {typed[0]} {time.monotonic() - began[0]:.3f}", flush=True)

    timer = QTimer()
    timer.setInterval(interval)
    timer.timeout.connect(key)
    print(f"ready {item.id}", flush=True)
    timer.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
