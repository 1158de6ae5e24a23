"""Search every pack, minute and action in the library, as you type.

`SearchResultsModel` follows the models' template (see people_dialogs): rows of frozen objects, and
`ObjectRole` for the `SearchHit` of a row. The view draws each hit as two lines of rich text: the
meeting and what was found ("Pack p. 41"), then the snippet with the matched words in bold.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app import commands
from app.storage import StorageError, Store
from app.storage.library import MARK_CLOSE, MARK_OPEN, SearchHit

Index = QModelIndex | QPersistentModelIndex

SEARCH_DELAY_MS = 250
RESULT_LIMIT = 50


def kind_label(hit: SearchHit) -> str:
    """What a hit is: "Pack p. 41", "Minute" or "Action"."""
    if hit.kind == "pack":
        label = f"Pack p. {hit.page}" if hit.page is not None else "Pack"
    elif hit.kind == "note":  # only the member reading here: theirs, said whose and whether protected
        whose = f"{hit.note_owner}'s note" if hit.note_owner else "Note"
        label = f"{whose} (protected, unlocked)" if hit.protected else f"{whose} (not protected)"
    else:
        label = {"minute": "Minute", "action": "Action"}.get(hit.kind, hit.kind.capitalize())
    return f"Part II, confidential · {label}" if hit.confidential else label


def meeting_label(hit: SearchHit) -> str:
    when = hit.meeting_date.strftime("%a %-d %b %Y") if hit.meeting_date else "No date"
    return f"{when} — {hit.meeting_title}"


def snippet_html(snippet: str) -> str:
    """The snippet as HTML: its text escaped first, then the match marks turned into bold."""
    text = html.escape(" ".join(snippet.split()), quote=False)
    return text.replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")


def snippet_text(snippet: str) -> str:
    """The snippet as plain text, without the match marks (for screen readers and tooltips)."""
    return " ".join(snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").split())


class SearchResultsModel(QAbstractListModel):
    """The hits of the last search, best first."""

    ObjectRole = Qt.ItemDataRole.UserRole + 1
    MeetingRole = Qt.ItemDataRole.UserRole + 2  # "Fri 29 Sep 2023 — Board meeting"
    KindRole = Qt.ItemDataRole.UserRole + 3  # "Pack p. 41", "Minute", "Action"
    SnippetHtmlRole = Qt.ItemDataRole.UserRole + 4  # escaped snippet, matches in <b></b>

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._rows = list(hits)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return list(self._rows)

    def hit(self, row: int) -> SearchHit:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        if role == self.ObjectRole:
            return hit
        if role == self.MeetingRole:
            return meeting_label(hit)
        if role == self.KindRole:
            return kind_label(hit)
        if role == self.SnippetHtmlRole:
            return snippet_html(hit.snippet)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{meeting_label(hit)} · {kind_label(hit)}: {snippet_text(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return snippet_text(hit.snippet)
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Draws a hit as rich text: the meeting and the kind of hit, then the snippet with bold matches."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        quiet = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        meeting = html.escape(str(index.data(SearchResultsModel.MeetingRole) or ""), quote=False)
        kind = html.escape(str(index.data(SearchResultsModel.KindRole) or ""), quote=False)
        snippet = str(index.data(SearchResultsModel.SnippetHtmlRole) or "")
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(6)
        document.setHtml(f'<div style="color:{quiet.name()}"><i>{kind}</i> · {meeting}</div><div>{snippet}</div>')
        document.setTextWidth(max(width, 80))
        return document

    def _width(self, option: QStyleOptionViewItem) -> int:
        rect_width = option.rect.width()
        return rect_width if rect_width > 0 else self._view.viewport().width()

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect
        document = self._document(opt, index, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text,
            opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text),
        )
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._view.viewport().width()
        document = self._document(option, index, width)
        return QSize(width, math.ceil(document.size().height()))


class SearchPanel(QWidget):
    """A search field and its results; Enter or a double-click on a result emits `open_hit`."""

    open_hit = Signal(SearchHit)

    def __init__(
        self, store: Store, before_search: Callable[[], object] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._before_search = before_search
        self.field = QLineEdit()
        self.field.setAccessibleName("Search packs and minutes")
        self.field.setPlaceholderText("Search packs, minutes and actions")
        self.field.setClearButtonEnabled(True)
        self.message = QLabel()
        self.message.setAccessibleName("Search message")
        self.message.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.view = QListView()
        self.view.setAccessibleName("Search results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchHitDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self.run_search)
        self.field.installEventFilter(self)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)

    @property
    def pending(self) -> bool:
        """A search is waiting for the typing to pause."""
        return self._timer.isActive()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self.clear_results()
            return
        self._timer.start()

    def clear_results(self) -> None:
        self.model.set_hits([])
        self.message.clear()
        self.message.hide()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.field.text()
        if not query.strip():
            self.clear_results()
            return
        if self._before_search is not None:
            self._before_search()  # write any minute still being typed, so it can be found
        try:
            hits = commands.search(self.store, query, RESULT_LIMIT)
        except StorageError as exc:  # SearchQueryError included: the message is one sentence
            self.model.set_hits([])
            self._show_message(str(exc))
            return
        self.model.set_hits(hits)
        if not hits:
            self._show_message("Nothing found.")
        else:
            more = " (the best shown)" if len(hits) >= RESULT_LIMIT else ""
            self._show_message(f"{len(hits)} result{'s' if len(hits) != 1 else ''}{more}.")
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _on_activated(self, index: QModelIndex) -> None:
        hit = index.data(SearchResultsModel.ObjectRole) if index.isValid() else None
        if isinstance(hit, SearchHit):
            self.open_hit.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the field moves into the results, so a hit can be opened from the keyboard.
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            if self.pending:
                self.run_search()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)
