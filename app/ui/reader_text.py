"""The text-pack page view of the reader: one pack page at a time in a clean, read-only text view, with the
member's highlights, underlines and strike-throughs drawn as extra selections over the words they quote.

It offers the same calls and signals as the PDF view (`reader_pdf.PdfPackView`), so the reader drives
either. A text pack has no geometry: annotations keep their place as the quote and the character offset
(`char_start`) in the page's text; their `rects` stay empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app.domain import Annotation
from app.domain.annotations import AnnotationKind, Rect, colour_rgb, find_in_page
from app.ui.reader_pdf import TextSelection, Tool

_COVER_LOOK_BACK = 14  # lines: a cover sheet has its "Date:" within this many lines above "Item: 6.4"
_COVER_START = re.compile(r"^\s*date\s*:", re.I)


def paper_start(page_text: str, number: str, title: str) -> int:
    """Where on its first page an item's paper begins (0 when it cannot tell), so opening an item does not show
    the end of the previous paper first (a text pack's page holds what the PDF page did, footnotes and all).

    A paper names its item on its cover ("Item: 6.4 Section 75 Agreements", "Agenda item 6.4"), or opens with
    its number and title ("6.4 Section 75 Agreements"), or with its title alone; a cover sheet starts a few
    lines above its item line, at its "Date:" line (DOMAIN.md section 2)."""
    wanted = re.escape(number.strip().rstrip("."))
    if not wanted:
        return 0
    words = title.split()
    # each pattern within one line: a match must not start on a blank line above the paper
    patterns = [rf"^[^\w\n]*(?:agenda[ \t]+)?item[ \t]*(?:no\.?|number)?[ \t]*[:.\-]?[ \t]*{wanted}(?![\w.])"]
    if words:
        patterns.append(rf"^[ \t]*{wanted}[.):]?[ \t]+{re.escape(words[0])}")
        patterns.append(rf"^[ \t]*{re.escape(' '.join(words))}[ \t]*$")
    for pattern in patterns:
        found = re.search(pattern, page_text, re.I | re.M)
        if found is None:
            continue
        start = page_text.rfind("\n", 0, found.start()) + 1
        above = page_text[:start].split("\n")[-_COVER_LOOK_BACK - 1 : -1]
        for back, line in enumerate(reversed(above), start=1):
            if _COVER_START.match(line):
                return start - sum(len(x) + 1 for x in above[len(above) - back :])
        return start
    return 0


class TextPackView(QPlainTextEdit):
    page_changed = Signal(int)
    selection_changed = Signal()
    annotation_clicked = Signal(int)
    point_clicked = Signal(int, float, float)  # page, character offset, 0
    ink_drawn = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName("Pack page")
        font = QFont("DejaVu Sans", 11)
        self.setFont(font)
        self.document().setDocumentMargin(28)
        self.tool = Tool.SELECT
        self.night = False
        self._pages: list[str] = []
        self._page = 0
        self._annotations: list[Annotation] = []
        self._spans: list[tuple[int, int, int]] = []  # (start, end, annotation id) on the shown page
        self._selected_id: int | None = None
        self._found: tuple[int, int, int] | None = None
        self.selectionChanged.connect(self.selection_changed)

    def open_pages(self, pages: Sequence[str]) -> None:
        self._pages = [p.replace("\r", " ") for p in pages]
        self._page = 0
        self.go_to_page(1)

    def page_count(self) -> int:
        return len(self._pages)

    def page_text(self, page: int) -> str:
        return self._pages[page - 1] if 1 <= page <= len(self._pages) else ""

    def rects_at(self, page: int, start: int, end: int) -> tuple[Rect, ...]:
        return ()

    def current_page(self) -> int:
        return self._page

    def go_to_page(self, page: int, y_points: float = 0.0, at: int = 0) -> None:
        """Show a page from its top, or from character `at` of it (the line holding it at the top)."""
        if not self._pages:
            return
        page = max(1, min(page, len(self._pages)))
        if page != self._page:
            self._page = page
            self.setPlainText(self._pages[page - 1])
            self._paint_marks()
            self.setAccessibleDescription(f"Page {page} of {len(self._pages)}")  # where a screen reader is
            self.page_changed.emit(page)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if at > 0:
            # to the end and back: scrolling up to the cursor leaves its line at the top of the view
            self.moveCursor(QTextCursor.MoveOperation.End)
            self.ensureCursorVisible()
            cursor = self.textCursor()
            cursor.setPosition(min(at, len(self.toPlainText())))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    # -- zoom and night mode ----------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        font = self.font()
        font.setPointSizeF(max(7.0, min(32.0, font.pointSizeF() * factor)))
        self.setFont(font)

    def fit_width(self) -> None:
        font = self.font()
        font.setPointSizeF(11)
        self.setFont(font)

    def fit_page(self) -> None:
        self.fit_width()

    def set_night(self, on: bool) -> None:
        self.night = on
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(28, 28, 30) if on else QColor(255, 255, 255))
        palette.setColor(QPalette.ColorRole.Text, QColor(225, 225, 220) if on else QColor(20, 20, 20))
        self.setPalette(palette)
        self._paint_marks()

    # -- selection and annotations ---------------------------------------------------------------

    def selection(self) -> TextSelection | None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or not self._page:
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = self.page_text(self._page)[start:end]
        return TextSelection(self._page, start, end, text, ()) if text.strip() else None

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def select_span(self, page: int, start: int, end: int) -> TextSelection | None:
        self.go_to_page(page)
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return self.selection()

    def show_found(self, page: int, rects: tuple[Rect, ...], start: int = -1, end: int = -1) -> None:
        self._found = (page, start, end) if start >= 0 else None
        self._paint_marks()
        if start >= 0:
            cursor = self.textCursor()
            cursor.setPosition(start)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def set_annotations(self, annotations: Sequence[Annotation], selected_id: int | None = None) -> None:
        self._annotations = [a for a in annotations if not a.orphaned]
        self._selected_id = selected_id
        self._paint_marks()

    def span_of(self, a: Annotation) -> tuple[int, int] | None:
        """Where an annotation's words are on its page's text, or None."""
        text = self.page_text(a.page)
        if not a.quote:
            return (a.char_start, a.char_start + 1) if 0 <= a.char_start < len(text) else None
        near = text[a.char_start : a.char_start + len(a.quote) + 40] if a.char_start >= 0 else ""
        found = find_in_page(near, a.quote) if near else None
        if found is not None:
            return found[0] + a.char_start, found[1] + a.char_start
        return find_in_page(text, a.quote, a.prefix, a.suffix)

    def _paint_marks(self) -> None:
        marks = []
        self._spans = []
        for a in self._annotations:
            if a.page != self._page or a.id is None:
                continue
            span = self.span_of(a)
            if span is None:
                continue
            self._spans.append((span[0], span[1], a.id))
            fmt = QTextCharFormat()
            red, green, blue = colour_rgb(a.colour)
            if a.kind is AnnotationKind.HIGHLIGHT:
                fmt.setBackground(QColor(red, green, blue, 150 if self.night else 200))
                if self.night:
                    fmt.setForeground(QColor(10, 10, 10))
            elif a.kind is AnnotationKind.UNDERLINE:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(red * 3 // 4, green * 3 // 4, blue * 3 // 4))
            elif a.kind is AnnotationKind.STRIKE:
                fmt.setFontStrikeOut(True)
            elif a.kind is AnnotationKind.NOTE:
                fmt.setBackground(QColor(255, 220, 80))
            if a.id == self._selected_id:
                fmt.setFontWeight(QFont.Weight.DemiBold)
            if a.note:
                fmt.setToolTip(a.note)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(span[0])
            cursor.setPosition(min(span[1], self.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            marks.append(selection)
        if self._found is not None and self._found[0] == self._page:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(255, 150, 0, 160))
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._found[1])
            cursor.setPosition(self._found[2], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            marks.append(selection)
        self.setExtraSelections(marks)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        position = self.cursorForPosition(event.position().toPoint()).position()
        if self.tool == Tool.NOTE:
            self.point_clicked.emit(self._page, float(position), 0.0)
            return
        if not self.textCursor().hasSelection():
            for start, end, annotation_id in self._spans:
                if start <= position <= end:
                    self.annotation_clicked.emit(annotation_id)
                    break

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space) and bar.value() >= bar.maximum():
            if self._page < len(self._pages):
                self.go_to_page(self._page + 1)
            return
        if key == Qt.Key.Key_PageUp and bar.value() <= bar.minimum():
            if self._page > 1:
                self.go_to_page(self._page - 1)
                self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
            return
        super().keyPressEvent(event)
