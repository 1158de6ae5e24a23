"""The agenda as a Qt tree model: sections with their sub-items ("6" holds "6.1"…"6.4")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain import AgendaItem, ItemStatus, Part

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    item: AgendaItem | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def _stem(number: str) -> str:
    return number.strip().rstrip(".")


# How a live meeting shows an item's state; a pending item (not reached yet) shows nothing.
STATUS_TEXT = {
    ItemStatus.PENDING: "",
    ItemStatus.OPEN: "▶ now",
    ItemStatus.TAKEN: "✓ taken",
    ItemStatus.DEFERRED: "deferred",
}
CURRENT_BACKGROUND = QColor(255, 236, 179)  # a soft amber that reads in light and dark themes alike


class AgendaModel(QAbstractItemModel):
    COL_NUMBER, COL_TITLE, COL_PURPOSE, COL_TIME, COL_PRESENTER, COL_STATUS = range(6)
    HEADERS = ("No.", "Item", "Purpose", "Time", "Presenter", "State")
    ItemIdRole = Qt.ItemDataRole.UserRole + 1
    ItemRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node(None)
        self._by_id: dict[int, _Node] = {}
        self._current_id: int | None = None  # the item being taken in a live meeting

    @property
    def current_id(self) -> int | None:
        return self._current_id

    def set_current(self, item_id: int | None) -> None:
        """Highlight the item being taken (None: no item is open)."""
        previous, self._current_id = self._current_id, item_id
        for changed in {previous, item_id} - {None}:
            assert changed is not None
            self._item_changed(changed)

    def update_items(self, items: Sequence[AgendaItem]) -> None:
        """Take fresh copies of the same items (status, times, part) without resetting the tree."""
        if {i.id for i in items} != set(self._by_id) or len(items) != len(self._by_id):
            self.set_items(items)
            return
        for item in items:
            assert item.id is not None
            node = self._by_id[item.id]
            if node.item != item:
                node.item = item
                self._item_changed(item.id)

    def _item_changed(self, item_id: int) -> None:
        node = self._by_id.get(item_id)
        if node is None:
            return
        row = node.row()
        self.dataChanged.emit(self.createIndex(row, 0, node), self.createIndex(row, len(self.HEADERS) - 1, node))

    def set_items(self, items: Sequence[AgendaItem]) -> None:
        self.beginResetModel()
        self._root = _Node(None)
        self._by_id = {}
        open_sections: list[_Node] = []  # the chain of ancestors a following item may belong to
        for item in items:
            stem = _stem(item.number)
            while open_sections:
                candidate = open_sections[-1]
                assert candidate.item is not None
                if stem.startswith(_stem(candidate.item.number) + ".") and stem:
                    break
                open_sections.pop()
            parent = open_sections[-1] if open_sections else self._root
            node = _Node(item, parent)
            parent.children.append(node)
            open_sections.append(node)
            if item.id is not None:
                self._by_id[item.id] = node
        self.endResetModel()

    def index_for_item(self, item_id: int) -> QModelIndex:
        node = self._by_id.get(item_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def items_in_order(self) -> list[AgendaItem]:
        out: list[AgendaItem] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                assert child.item is not None
                out.append(child.item)
                walk(child)

        walk(self._root)
        return out

    # -- QAbstractItemModel ------------------------------------------------------

    def _node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._node(index).item
        assert item is not None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NUMBER:
                return item.number
            if column == self.COL_TITLE:
                return item.title + ("  [Part II]" if item.part is Part.TWO else "")
            if column == self.COL_PURPOSE:
                return item.purpose.value.capitalize()
            if column == self.COL_TIME:
                return item.planned_time.strftime("%H:%M") if item.planned_time else ""
            if column == self.COL_PRESENTER:
                return item.presenter
            if column == self.COL_STATUS:
                return STATUS_TEXT.get(item.status, "")
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COL_TITLE, self.COL_PRESENTER):
            return f"{item.number} {item.title}\n{item.presenter}".strip()
        current = item.id is not None and item.id == self._current_id
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.COL_TITLE:
            state = "being taken now" if current else STATUS_TEXT.get(item.status, "").lstrip("✓▶ ")
            return f"Item {item.number}: {item.title}" + (f" ({state})" if state else "")
        if role == Qt.ItemDataRole.FontRole and (self._node(index).children or current):
            font = QFont()
            font.setBold(True)  # section headings such as "6. SYSTEM STRATEGY", and the item being taken
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(CURRENT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and current:
            return QBrush(QColor(0, 0, 0))  # dark text on the amber highlight, whatever the theme
        if role == Qt.ItemDataRole.ForegroundRole and item.status in (ItemStatus.TAKEN, ItemStatus.DEFERRED):
            return QBrush(QColor(110, 110, 110))  # done business recedes
        if role == self.ItemIdRole:
            return item.id
        if role == self.ItemRole:
            return item
        return None
