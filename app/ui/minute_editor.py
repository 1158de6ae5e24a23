"""The minute editor: Markdown-backed rich text that writes itself through as you type.

The secretary formats with bold, italic, bullets and numbered lists; the text is kept as Markdown
(`QTextDocument.toMarkdown`), which is what the minutes PDF renders, so nothing of the formatting is lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QToolBar, QToolButton, QWidget

from app.export.markdown_flow import unwrap_soft_breaks

# Phrases a secretary types dozens of times a meeting.
QUICK_PHRASES = (
    ("Noted", "Noted."),
    ("Agreed", "Agreed."),
    ("No questions", "There were no questions from the public."),
)

# A pause this long in typing saves: a burst of keystrokes becomes one write and one audit entry.
SAVE_DELAY_MS = 300
# Typing that never pauses is saved at least this often, so a crash or a kill loses at most this much of it
# whatever the rhythm (issue 17: a minute of continuous typing was lost whole).
MAX_UNSAVED_MS = 800


class MinuteEditor(QTextEdit):
    """Emits `edited(item_id, markdown)` after a short pause in typing, at least every MAX_UNSAVED_MS while typing
    goes on, and on `flush()`."""

    edited = Signal(int, str)
    locked_changed = Signal(bool)  # signed minutes: the editor is read-only whatever item is shown

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Minute text")
        self.setPlaceholderText("Type the minute for this item. It is saved as you type.")
        self._item_id: int | None = None
        self._loading = False
        self._dirty = False
        self._locked = False
        self._placeholder = self.placeholderText()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._deadline = QTimer(self)  # started by the first unsaved change, not pushed back by later ones
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_UNSAVED_MS)
        self._deadline.timeout.connect(self.flush)
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
            self.setReadOnly(item_id is None or self._locked)
        finally:
            self._loading = False

    @property
    def locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool, message: str = "") -> None:
        """Signed minutes: show them read-only (typing is refused by the record anyway), with `message` as the
        tooltip; unlocking restores editing of the item shown."""
        if locked:
            self.flush()
        self._locked = locked
        self.setReadOnly(locked or self._item_id is None)
        self.setToolTip(message if locked else "")
        self.setPlaceholderText(message if locked else self._placeholder)
        self.locked_changed.emit(locked)

    def markdown(self) -> str:
        """The minute as Markdown, without the line wraps Qt's writer adds (they are not the secretary's)."""
        return unwrap_soft_breaks(self.toMarkdown()).strip() if self.toPlainText().strip() else ""

    def flush(self) -> None:
        self._timer.stop()
        self._deadline.stop()
        if not self._dirty:
            return
        self._dirty = False
        if self._item_id is not None:
            self.edited.emit(self._item_id, self.markdown())

    def _on_text_changed(self) -> None:
        if self._loading or self._item_id is None or self._locked:
            return
        self._dirty = True
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+Z / Ctrl+Shift+Z while typing, so they undo typing here rather than a meeting action."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not self.isReadOnly()
            and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))
        ):
            event.accept()
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    # -- formatting -------------------------------------------------------------------------------

    def toggle_bold(self) -> None:
        bold = self.fontWeight() < QFont.Weight.Bold
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(char)

    def toggle_italic(self) -> None:
        char = QTextCharFormat()
        char.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(char)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """Make the paragraph a bullet or numbered list item, or back into plain text if it already is one."""
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            block = cursor.block()
            current.remove(block)
            plain = cursor.blockFormat()
            plain.setIndent(0)
            cursor.setBlockFormat(plain)
        else:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            cursor.createList(list_format)
        cursor.endEditBlock()

    def insert_paragraph(self, text: str, italic: bool = False, at_start: bool = False) -> None:
        """Add `text` as its own paragraph (at the cursor's paragraph end, or at the top), as typing would."""
        if self._item_id is None or not text or self._locked:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if at_start:
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            cursor.insertBlock()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            if cursor.block().text().strip():
                cursor.insertBlock()
        char = QTextCharFormat()
        char.setFontItalic(italic)
        char.setFontWeight(QFont.Weight.Normal)
        cursor.insertText(text, char)
        cursor.endEditBlock()
        if not at_start:
            self.setTextCursor(cursor)

    def insert_phrase(self, text: str) -> None:
        """A quick phrase goes in where the cursor is, with a space before it when it follows a word."""
        if self._item_id is None or self._locked:
            return
        cursor = self.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        cursor.insertText((" " if before and not before.endswith(" ") else "") + text)
        self.setTextCursor(cursor)


class MinuteToolbar(QWidget):
    """Bold, italic, bullets, numbered list, the "Presented by" line and the quick phrases, over an editor.

    Bold and italic take the platform's shortcuts (Ctrl+B, Ctrl+I) while the editor has focus.
    """

    def __init__(self, editor: MinuteEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.presenter = ""
        self.setAccessibleName("Minute formatting")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # A tool bar, not a row of buttons: when the pane is narrow (the room and the search panel beside it)
        # the buttons that do not fit move to its » menu instead of holding the pane wide.
        bar = QToolBar(self)
        bar.setAccessibleName("Minute formatting")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(bar, 1)
        self.bar = bar

        def editor_action(text: str, name: str, slot: Any, key: QKeySequence | None = None) -> QAction:
            action = QAction(text, editor)
            action.setToolTip(f"{name} ({key.toString(QKeySequence.SequenceFormat.NativeText)})" if key else name)
            if key is not None:
                action.setShortcut(key)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                editor.addAction(action)
            action.triggered.connect(slot)
            bar.addAction(action)
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setAutoRaise(False)  # drawn as buttons, as they were: flat words are not seen as buttons
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the editor
            return action

        self.bold_action = editor_action("B", "Bold", editor.toggle_bold, QKeySequence(QKeySequence.StandardKey.Bold))
        self.italic_action = editor_action(
            "I", "Italic", editor.toggle_italic, QKeySequence(QKeySequence.StandardKey.Italic)
        )
        bold_font, italic_font = QFont(), QFont()
        bold_font.setBold(True)
        italic_font.setItalic(True)
        self.bold_action.setFont(bold_font)
        self.italic_action.setFont(italic_font)
        self.bullets_action = editor_action(
            "• List",
            "Bulleted list",
            lambda: editor.toggle_list(QTextListFormat.Style.ListDisc),
            QKeySequence("Ctrl+Shift+8"),
        )
        self.numbers_action = editor_action(
            "1. List",
            "Numbered list",
            lambda: editor.toggle_list(QTextListFormat.Style.ListDecimal),
            QKeySequence("Ctrl+Shift+7"),
        )
        bar.addSeparator()
        self.presented_action = editor_action("Presented by…", "Insert the Presented by line", self.insert_presented)
        bar.addSeparator()
        self.phrase_actions = [
            editor_action(label, f"Insert “{phrase}”", self._phrase_slot(phrase)) for label, phrase in QUICK_PHRASES
        ]
        editor.locked_changed.connect(self._on_locked)

    def actions_in_order(self) -> list[QAction]:
        """Its actions as the tool bar shows them (also offered in the window's Edit menu)."""
        return [
            self.bold_action,
            self.italic_action,
            self.bullets_action,
            self.numbers_action,
            self.presented_action,
            *self.phrase_actions,
        ]

    def _on_locked(self, locked: bool) -> None:
        """Signed minutes: every formatting action (buttons and shortcuts) is off."""
        for action in self.actions_in_order():
            action.setEnabled(not locked)

    def _phrase_slot(self, phrase: str) -> Any:
        return lambda: self.editor.insert_phrase(phrase)

    def insert_presented(self) -> None:
        """The italic line NHS minutes put under each item's title."""
        who = self.presenter.strip() or "…"
        self.editor.insert_paragraph(f"Presented by {who}", italic=True, at_start=True)
        self.editor.setFocus()
