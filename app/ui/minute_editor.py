"""The minute editor: Markdown-backed rich text that writes itself through as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QTextEdit

# Short enough that a crash loses at most a fraction of a second's typing; long enough
# that a burst of keystrokes becomes one write and one audit entry.
SAVE_DELAY_MS = 300


class MinuteEditor(QTextEdit):
    """Emits `edited(item_id, markdown)` after a short pause in typing, and on `flush()`."""

    edited = Signal(int, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Minute text")
        self.setPlaceholderText("Type the minute for this item. It is saved as you type.")
        self._item_id: int | None = None
        self._loading = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_text_changed)

    @property
    def item_id(self) -> int | None:
        return self._item_id

    @property
    def pending(self) -> bool:
        """True while typed text is not yet written."""
        return self._dirty

    def load(self, item_id: int | None, markdown: str) -> None:
        """Show another item's minute, saving the current one first."""
        self.flush()
        self._loading = True
        try:
            self._item_id = item_id
            self.setMarkdown(markdown) if markdown else self.clear()
            self.setReadOnly(item_id is None)
        finally:
            self._loading = False

    def markdown(self) -> str:
        return self.toMarkdown().strip() if self.toPlainText().strip() else ""

    def flush(self) -> None:
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        if self._item_id is not None:
            self.edited.emit(self._item_id, self.markdown())

    def _on_text_changed(self) -> None:
        if self._loading or self._item_id is None:
            return
        self._dirty = True
        self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)
