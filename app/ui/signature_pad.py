"""The chair's handwritten signature: drawn with the mouse, a pen or a finger, or imported from a PNG.

The strokes are kept as a QPainterPath and saved as a PNG with a transparent background, cropped to the ink,
which the signature box on the signed PDF shows above the chair's name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.errors import Refusal

INK = QColor("#10206b")  # the dark blue of a fountain pen
PEN_WIDTH = 2.6
SAVE_SCALE = 3  # the PNG is drawn at three times the pad's size, so it stays sharp when printed
MARGIN = 6.0


class SignatureNotSaved(Refusal):
    """The pad is empty, or its picture could not be written."""


class SignaturePad(QWidget):
    """A white card with a baseline where the chair signs. `changed` is emitted after each stroke or clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Signature pad")
        self.setAccessibleDescription("Sign here with the mouse or a pen; the signature appears above your name.")
        self.setToolTip("Sign here with the mouse or a pen")
        self.setMinimumSize(360, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reached with Tab or its label's Alt+G; Delete clears
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, False)
        self._path = QPainterPath()
        self._drawing = False
        self._image: QImage | None = None  # an imported signature, shown instead of strokes
        self.changed.connect(self._describe_state)
        self._describe_state()

    def _describe_state(self) -> None:
        """Screen readers hear whether the pad holds a signature, not only what it is for."""
        state = "empty" if self.is_empty() else "signed"
        self.setAccessibleName(f"Signature pad, {state}")

    def sizeHint(self) -> QSize:
        return QSize(440, 150)

    # -- what was signed ------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self._image is None and self._path.isEmpty()

    def stroke_count(self) -> int:
        """How many separate strokes are on the pad (each starts with a move-to)."""
        move = QPainterPath.ElementType.MoveToElement
        return sum(1 for i in range(self._path.elementCount()) if self._path.elementAt(i).type == move)

    def clear(self) -> None:
        self._path = QPainterPath()
        self._image = None
        self._drawing = False
        self.update()
        self.changed.emit()

    def load_png(self, path: Path) -> bool:
        """Show an imported signature image; False when the file is not an image Qt can read."""
        image = QImage(str(path))
        if image.isNull():
            return False
        self._path = QPainterPath()
        self._image = image.convertToFormat(QImage.Format.Format_ARGB32)
        self.update()
        self.changed.emit()
        return True

    def image(self) -> QImage:
        """The signature on a transparent background, cropped to the ink; a null image when the pad is empty."""
        if self._image is not None:
            return QImage(self._image)
        if self._path.isEmpty():
            return QImage()
        ink = self._path.boundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        size = QSize(max(1, round(ink.width() * SAVE_SCALE)), max(1, round(ink.height() * SAVE_SCALE)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(SAVE_SCALE, SAVE_SCALE)
            painter.translate(-ink.topLeft())
            painter.setPen(self._pen())
            painter.drawPath(self._path)
        finally:
            painter.end()
        return image

    def save_png(self, path: Path) -> Path:
        """Write the signature as a transparent PNG; SignatureNotSaved when the pad is empty or cannot be written."""
        image = self.image()
        if image.isNull():
            raise SignatureNotSaved("There is no signature on the pad to save.")
        if not image.save(str(path)):  # PNG, from the suffix
            raise SignatureNotSaved(f"The signature image could not be written to {path}.")
        return Path(path)

    # -- drawing ------------------------------------------------------------------------------------------

    def _pen(self) -> QPen:
        pen = QPen(INK, PEN_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _begin(self, at: QPointF) -> None:
        if self._image is not None:  # drawing replaces an imported image
            self._image = None
        self._drawing = True
        self._path.moveTo(at)
        self._path.lineTo(at + QPointF(0.01, 0.01))  # a dot is a stroke too (the i of "Rima")
        self.update()

    def _extend(self, at: QPointF) -> None:
        if self._drawing:
            self._path.lineTo(at)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._extend(event.position())
            self._end()
        event.accept()  # a pen's events do not come again as mouse events

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.is_empty():
            self.clear()
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            card = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.fillRect(card, QColor("white"))  # paper, in dark mode too
            border = self.palette().color(QPalette.ColorRole.Highlight if self.hasFocus() else QPalette.ColorRole.Mid)
            painter.setPen(QPen(border, 1))
            painter.drawRoundedRect(card, 4, 4)
            baseline = card.bottom() - 30
            painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(card.left() + 24, baseline), QPointF(card.right() - 24, baseline))
            painter.setPen(QColor("#6b7075"))
            painter.drawText(QPointF(card.left() + 10, baseline + 4), "×")
            if self.is_empty():
                hint = QRectF(card.left(), baseline + 4, card.width(), card.bottom() - baseline - 4)
                painter.drawText(hint, Qt.AlignmentFlag.AlignCenter, "Sign above the line with the mouse or a pen")
            if self._image is not None:
                target = card.adjusted(24, 8, -24, -34)
                scaled = self._image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
                box = QRectF(target.left(), target.top(), scaled.width(), scaled.height())
                box.moveCenter(target.center())
                painter.drawImage(box, self._image)
            else:
                painter.setPen(self._pen())
                painter.drawPath(self._path)
        finally:
            painter.end()
