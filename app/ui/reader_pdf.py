"""The PDF page view of the reader: QtPdf's `QPdfView` (continuous pages, rendered lazily on a worker
thread, so a 500-page pack shows its first page at once) with what QPdfView lacks drawn on top of it:
text selection, the member's highlights, notes and ink, find hits, and night mode.

QPdfView has no public API for where it puts each page, so `page_rects` repeats its documented layout
(qpdfview.cpp `calculateDocumentLayout`: pages one below the other, `pageSpacing` apart, inside
`documentMargins`, centred, sized by zoom × the screen's logical DPI / 72). Selections come from
`QPdfDocument.getSelection` with the mouse mapped to page points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QToolTip, QWidget

from app.domain import Annotation
from app.domain.annotations import AnnotationKind, Point, Rect, colour_rgb

NOTE_ICON = 16  # a sticky note's square, in pixels


@dataclass(frozen=True, slots=True)
class TextSelection:
    """Selected words on one page (1-based): their span in the page's text and their rects in page points."""

    page: int
    start: int
    end: int
    text: str
    rects: tuple[Rect, ...]


class Tool:
    SELECT = "select"
    NOTE = "note"
    INK = "ink"


def _rect_of(polygon: QPolygonF) -> Rect:
    r = polygon.boundingRect()
    return (round(r.left(), 2), round(r.top(), 2), round(r.right(), 2), round(r.bottom(), 2))


class PdfPackView(QPdfView):
    """Continuous pages of a PDF pack, with the member's annotations drawn over them."""

    page_changed = Signal(int)  # the page (1-based) at the top of the view
    selection_changed = Signal()
    annotation_clicked = Signal(int)
    point_clicked = Signal(int, float, float)  # a click with the note tool: page, x, y in points
    ink_drawn = Signal(int, object)  # page, tuple of points

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stubs say QWidget; None is accepted
        self.pdf = QPdfDocument(self)
        self.setDocument(self.pdf)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setAccessibleName("Pack pages")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.tool = Tool.SELECT
        self.night = False
        self._annotations: list[Annotation] = []
        self._selected_id: int | None = None
        self._selection: TextSelection | None = None
        self._press: tuple[int, QPointF] | None = None
        self._stroke: list[Point] = []
        self._stroke_page = 0
        self._found: tuple[int, tuple[Rect, ...]] | None = None
        self._layout: list[QRect] | None = None
        self._last_page = 0
        self._texts: dict[int, str] = {}
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.page_changed.connect(self._describe_page)
        self.zoomFactorChanged.connect(self._invalidate)
        self.zoomModeChanged.connect(self._invalidate)

    def _describe_page(self, page: int) -> None:
        """The view's state for a screen reader: which page of how many is at the top."""
        self.setAccessibleDescription(f"Page {page} of {self.pdf.pageCount()}")

    # -- document -------------------------------------------------------------------------

    def open(self, content: bytes | bytearray) -> bool:
        """Load the pack from memory (it is decrypted there, never to disk; PDFium reads pages only when they are
        shown); False when it cannot be read."""
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(content))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        error = self.pdf.error()
        self._texts.clear()
        self._invalidate()
        return bool(error == QPdfDocument.Error.None_)

    def release(self) -> None:
        """Detach the document (QPdfView stops rendering it) and close it; the view shows nothing after."""
        empty = QPdfDocument(self)  # None would detach it too, but QPdfView then warns about its link model
        self.setDocument(empty)
        self.pdf.close()
        self.pdf = empty
        self._layout, self._texts = [], {}

    def page_count(self) -> int:
        return int(self.pdf.pageCount())

    def page_text(self, page: int) -> str:
        """The text of a page (1-based) as PDFium reads it; the offsets selections use."""
        if page not in self._texts:
            self._texts[page] = self.pdf.getAllText(page - 1).text() if 1 <= page <= self.page_count() else ""
        return self._texts[page]

    def rects_at(self, page: int, start: int, end: int) -> tuple[Rect, ...]:
        """Where the characters [start, end) of a page's text are, one rect per line, in page points."""
        if end <= start or not 1 <= page <= self.page_count():
            return ()
        selection = self.pdf.getSelectionAtIndex(page - 1, start, end - start)
        return tuple(_rect_of(p) for p in selection.bounds())

    def thumbnail(self, page: int, width: int) -> QImage:
        size = self.pdf.pagePointSize(page - 1)
        height = int(width * size.height() / max(1.0, size.width()))
        image: QImage = self.pdf.render(page - 1, QSize(width, height))
        return image

    # -- layout: where QPdfView draws each page -----------------------------------------------

    def _invalidate(self, *_args: object) -> None:
        self._layout = None
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._invalidate()

    def page_rects(self) -> list[QRect]:
        """Each page's rectangle in document pixels (before scrolling), as QPdfView lays them out."""
        if self._layout is not None:
            return self._layout
        count = self.page_count()
        margins = self.documentMargins()
        screen = QGuiApplication.primaryScreen()
        resolution = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        viewport = self.viewport().size()
        sizes = []
        for page in range(count):
            points = self.pdf.pagePointSize(page)
            if self.zoomMode() == QPdfView.ZoomMode.Custom:
                size = QSizeF(points * resolution * self.zoomFactor()).toSize()
            elif self.zoomMode() == QPdfView.ZoomMode.FitToWidth:
                size = QSizeF(points * resolution).toSize()
                factor = (viewport.width() - margins.left() - margins.right()) / max(1, size.width())
                size = QSizeF(size.width() * factor, size.height() * factor).toSize()
            else:
                fit = QSize(
                    viewport.width() - margins.left() - margins.right(),
                    viewport.height() - self.pageSpacing(),
                )
                size = QSizeF(points * resolution).toSize().scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)
            sizes.append(size)
        total_width = max((s.width() for s in sizes), default=0) + margins.left() + margins.right()
        y = margins.top()
        rects = []
        for size in sizes:
            x = (max(total_width, viewport.width()) - size.width()) // 2
            rects.append(QRect(QPoint(x, y), size))
            y += size.height() + self.pageSpacing()
        self._layout = rects
        return rects

    def _offset(self) -> QPoint:
        return QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def page_at(self, pos: QPoint) -> tuple[int, QPointF] | None:
        """The page (1-based) under a viewport position, and the position in that page's points."""
        doc = pos + self._offset()
        for number, rect in enumerate(self.page_rects(), start=1):
            if rect.top() > doc.y():
                break
            if rect.contains(doc):
                points = self.pdf.pagePointSize(number - 1)
                return number, QPointF(
                    (doc.x() - rect.left()) * points.width() / rect.width(),
                    (doc.y() - rect.top()) * points.height() / rect.height(),
                )
        return None

    def to_viewport(self, page: int, rect: Rect) -> QRectF:
        """A rect in a page's points as drawn in the viewport now."""
        area = self.page_rects()[page - 1]
        points = self.pdf.pagePointSize(page - 1)
        sx, sy = area.width() / points.width(), area.height() / points.height()
        offset = self._offset()
        return QRectF(
            area.left() + rect[0] * sx - offset.x(),
            area.top() + rect[1] * sy - offset.y(),
            (rect[2] - rect[0]) * sx,
            (rect[3] - rect[1]) * sy,
        )

    def viewport_point(self, page: int, x: float, y: float) -> QPoint:
        return self.to_viewport(page, (x, y, x, y)).topLeft().toPoint()

    def current_page(self) -> int:
        """The page at the top third of the view (1-based); 0 when no document is open."""
        rects = self.page_rects()
        if not rects:
            return 0
        probe = self.verticalScrollBar().value() + self.viewport().height() // 3
        for number, rect in enumerate(rects, start=1):
            if rect.bottom() + self.pageSpacing() >= probe:
                return number
        return len(rects)

    def go_to_page(self, page: int, y_points: float = 0.0) -> None:
        rects = self.page_rects()
        if not rects:
            return
        page = max(1, min(page, len(rects)))
        area = rects[page - 1]
        points = self.pdf.pagePointSize(page - 1)
        top = area.top() + int(y_points * area.height() / max(1.0, points.height()))
        self.verticalScrollBar().setValue(max(0, top - (self.documentMargins().top() if not y_points else 40)))
        self._scrolled()

    def _scrolled(self, *_args: object) -> None:
        page = self.current_page()
        if page and page != self._last_page:
            self._last_page = page
            self.page_changed.emit(page)

    # -- zoom -------------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        current = self.zoomFactor()
        if self.zoomMode() != QPdfView.ZoomMode.Custom:
            rects = self.page_rects()
            screen = QGuiApplication.primaryScreen()
            resolution = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
            if rects:
                current = rects[0].width() / (self.pdf.pagePointSize(0).width() * resolution)
        page = self.current_page()
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(max(0.25, min(6.0, current * factor)))
        self._invalidate()
        self.go_to_page(page)

    def fit_width(self) -> None:
        page = self.current_page()
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._invalidate()
        self.go_to_page(page)

    def fit_page(self) -> None:
        page = self.current_page()
        self.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._invalidate()
        self.go_to_page(page)

    # -- annotations and selection -------------------------------------------------------------

    def set_annotations(self, annotations: Sequence[Annotation], selected_id: int | None = None) -> None:
        self._annotations = [a for a in annotations if not a.orphaned]
        self._selected_id = selected_id
        self.viewport().update()

    def set_night(self, on: bool) -> None:
        self.night = on
        self.viewport().update()

    def selection(self) -> TextSelection | None:
        return self._selection

    def clear_selection(self) -> None:
        self._selection = None
        self.viewport().update()
        self.selection_changed.emit()

    def select_span(self, page: int, start: int, end: int) -> TextSelection | None:
        """Select characters [start, end) of a page's text, as a drag over them would."""
        text = self.page_text(page)
        if not 0 <= start < end <= len(text):
            return None
        self._selection = TextSelection(page, start, end, text[start:end], self.rects_at(page, start, end))
        self.viewport().update()
        self.selection_changed.emit()
        return self._selection

    def show_found(self, page: int, rects: tuple[Rect, ...]) -> None:
        self._found = (page, rects)
        self.viewport().update()

    def _annotation_at(self, page: int, point: QPointF) -> Annotation | None:
        for a in reversed(self._annotations):
            if a.page != page:
                continue
            for x0, y0, x1, y1 in a.rects:
                if a.kind is AnnotationKind.NOTE:
                    x1, y1 = x0 + 12, y0 + 12
                if x0 - 1 <= point.x() <= x1 + 1 and y0 - 1 <= point.y() <= y1 + 1:
                    return a
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        hit = self.page_at(event.position().toPoint())
        if hit is None:
            self.clear_selection()
            return
        page, point = hit
        if self.tool == Tool.NOTE:
            self.point_clicked.emit(page, round(point.x(), 2), round(point.y(), 2))
            return
        if self.tool == Tool.INK:
            self._stroke_page, self._stroke = page, [(round(point.x(), 2), round(point.y(), 2))]
            return
        clicked = self._annotation_at(page, point)
        if (
            clicked is not None
            and clicked.id is not None
            and not (event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        ):
            self.annotation_clicked.emit(clicked.id)
        self._press = (page, point)
        self._selection = None
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.page_at(event.position().toPoint())
        if self.tool == Tool.INK and self._stroke:
            if hit is not None and hit[0] == self._stroke_page:
                self._stroke.append((round(hit[1].x(), 2), round(hit[1].y(), 2)))
                self.viewport().update()
            return
        if self._press is None or hit is None:
            if hit is not None and not event.buttons():
                under = self._annotation_at(*hit)
                if under is not None and under.note:
                    QToolTip.showText(event.globalPosition().toPoint(), under.note, self)
            return
        page, start = self._press
        if hit[0] != page:  # a selection stays on its page
            return
        selection = self.pdf.getSelection(page - 1, start, hit[1])
        text = selection.text()
        if text.strip():
            self._selection = TextSelection(
                page,
                selection.startIndex(),
                selection.endIndex(),
                text,
                tuple(_rect_of(p) for p in selection.bounds()),
            )
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.tool == Tool.INK and self._stroke:
            stroke, self._stroke = tuple(self._stroke), []
            if len(stroke) > 1:
                self.ink_drawn.emit(self._stroke_page, stroke)
            self.viewport().update()
            return
        if self._press is not None:
            self._press = None
            self.selection_changed.emit()

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            self._paint_overlay(painter)
        finally:
            painter.end()

    def _visible_pages(self) -> range:
        rects = self.page_rects()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = next((n for n, r in enumerate(rects, start=1) if r.bottom() >= top), 1)
        last = first
        while last < len(rects) and rects[last].top() <= bottom:
            last += 1
        return range(first, last + 1)

    def _paint_overlay(self, painter: QPainter) -> None:
        if not self.page_count():
            return
        visible = self._visible_pages()
        if self.night:  # dark pages with light text: invert what QPdfView drew, then draw marks on top
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
            painter.fillRect(self.viewport().rect(), QColor(255, 255, 255))
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for a in self._annotations:
            if a.page in visible:
                self._paint_annotation(painter, a)
        if self._found is not None and self._found[0] in visible:
            painter.setPen(QPen(QColor(230, 90, 0), 2))
            painter.setBrush(QColor(255, 150, 0, 70))
            for rect in self._found[1]:
                painter.drawRect(self.to_viewport(self._found[0], rect).adjusted(-2, -2, 2, 2))
        if self._selection is not None and self._selection.page in visible:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(40, 110, 230, 80))
            for rect in self._selection.rects:
                painter.drawRect(self.to_viewport(self._selection.page, rect))
        if self._stroke and self._stroke_page in visible:
            painter.setPen(QPen(QColor(200, 30, 30), 2))
            points = [self.to_viewport(self._stroke_page, (x, y, x, y)).topLeft() for x, y in self._stroke]
            painter.drawPolyline(QPolygonF(points))

    def _paint_annotation(self, painter: QPainter, a: Annotation) -> None:
        red, green, blue = colour_rgb(a.colour)
        selected = a.id is not None and a.id == self._selected_id
        for rect in a.rects:
            area = self.to_viewport(a.page, rect)
            if a.kind is AnnotationKind.HIGHLIGHT:
                painter.setPen(QPen(QColor(red // 2, green // 2, blue // 2), 1.5) if selected else Qt.PenStyle.NoPen)
                painter.setBrush(QColor(red, green, blue, 110 if self.night else 95))
                painter.drawRect(area.adjusted(-1, -1, 1, 1))
            elif a.kind is AnnotationKind.UNDERLINE:
                painter.setPen(QPen(QColor(red * 3 // 4, green * 3 // 4, blue * 3 // 4), 2 if selected else 1.6))
                painter.drawLine(area.bottomLeft() + QPointF(0, 1), area.bottomRight() + QPointF(0, 1))
            elif a.kind is AnnotationKind.STRIKE:
                painter.setPen(QPen(QColor(200, 30, 30), 2 if selected else 1.4))
                middle = area.center().y()
                painter.drawLine(QPointF(area.left(), middle), QPointF(area.right(), middle))
            elif a.kind is AnnotationKind.NOTE:
                icon = QRectF(area.left(), area.top(), NOTE_ICON, NOTE_ICON)
                painter.setPen(QPen(QColor(150, 110, 0), 2 if selected else 1))
                painter.setBrush(QColor(255, 220, 80))
                painter.drawRoundedRect(icon, 2, 2)
                painter.setPen(QPen(QColor(120, 90, 0), 1))
                for n in range(3):
                    y = icon.top() + 5 + n * 3
                    painter.drawLine(QPointF(icon.left() + 3, y), QPointF(icon.right() - 3, y))
        if a.kind is AnnotationKind.INK:
            painter.setPen(QPen(QColor(red * 2 // 3, green * 2 // 3, blue * 2 // 3), 3 if selected else 2))
            for stroke in a.ink:
                painter.drawPolyline(QPolygonF([self.to_viewport(a.page, (x, y, x, y)).topLeft() for x, y in stroke]))
        if a.note and a.kind.on_words and a.rects:  # a small mark after the words says there is a note
            last = self.to_viewport(a.page, a.rects[-1])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 200, 40))
            painter.drawEllipse(QPointF(last.right() + 6, last.top() + 2), 4, 4)
        if a.raise_at_meeting and a.rects:
            first = self.to_viewport(a.page, a.rects[0])
            painter.setPen(QPen(QColor(190, 20, 30), 1))
            painter.setBrush(QColor(190, 20, 30))
            flag = QRectF(max(2.0, first.left() - 14), first.top(), 8, 6)
            painter.drawRect(flag)
            painter.drawLine(flag.topLeft(), flag.topLeft() + QPointF(0, 12))
