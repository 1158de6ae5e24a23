"""The review step of an import: the secretary checks and fixes the draft agenda before anything is saved.

The dialog edits a copy of the importer's `DraftPack` and hands back a new one from `reviewed_draft()`; it never
touches the Store, so cancelling leaves nothing behind. Fields the importer guessed (`DraftItem.uncertain`) are
shown in amber until the secretary edits them.

Numbers are kept as written in the pack. The grid invents a number only for an item whose place in the outline
changes (added, nested, un-nested), and renumbers the items after it at that level only when the new number is
already taken. Moving an item up or down keeps its number, so a wrongly ordered agenda can be put right.

Beside the agenda, read-only tabs show what else the pack gives (people, register of interests, action
tracker, decision planner), with their counts and guessed cells in amber. Names that look like people the
body already has (`PossibleDuplicate`, found by the caller) are each offered as "same person as …" or "add
as a new person"; `outcome()` hands the choices and the tabled papers to `commands.accept_reviewed`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.commands.people import Placement, PossibleDuplicate, Unplaced
from app.domain import Part, Purpose, Tier
from app.errors import Refusal
from app.packs import DraftDate, DraftItem, DraftPack
from app.ui.unplaced_panel import UnplacedPanel

Index = QModelIndex | QPersistentModelIndex

GUESSED_TIP = "Guessed from the pack — please check"
GUESSED_BACKGROUND = QColor("#ffd978")  # amber, readable with dark text in light and dark themes
GUESSED_FOREGROUND = QColor("#1a1a1a")
NO_DATE = QDate(1900, 1, 1)  # the date edit's "No date" value

PURPOSE_LABELS: dict[Purpose, str] = {p: (p.value.capitalize() if p.value else "Not stated") for p in Purpose}
PART_LABELS: dict[Part, str] = {Part.ONE: "I", Part.TWO: "II"}
TIER_LABELS: dict[Tier, str] = {
    Tier.MEMBER: "Member",
    Tier.PARTICIPANT: "Participant",
    Tier.IN_ATTENDANCE: "In attendance",
    Tier.OFFICER: "Officer",
    Tier.OBSERVER: "Observer",
}

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:.]\s*(\d{2})\s*$")
_PAGES = re.compile(r"^\s*(\d+)\s*(?:(?:[-–—]|to)\s*(\d+)\s*)?$")
_LAST_TOKEN = re.compile(r"(\d+|[A-Za-z]+)([^A-Za-z0-9]*)$")


class EditRefused(Refusal):
    """An edit the grid will not make; the message is one plain sentence for the secretary."""


@dataclass(frozen=True)
class ReviewOutcome:
    """What the secretary accepted: the reviewed draft, who each doubtful name is, and the tabled papers."""

    draft: DraftPack
    people_choices: dict[str, int | None] = field(default_factory=dict)  # pack name -> person id, None = new
    tabled_papers: dict[int, str] = field(default_factory=dict)  # position in draft.items -> file path
    placements: dict[str, Placement] = field(default_factory=dict)  # Unplaced.key -> what to do with it


# -- numbers as written ---------------------------------------------------------------


def _stem(number: str) -> str:
    return number.strip().rstrip(".").strip()


def _is_child(child: str, parent: str) -> bool:
    """ "6.4" is under "6"; so are "2(a)" under "2" and "3a" under "3". "10" is not under "1"."""
    if not parent or len(child) <= len(parent) or not child.startswith(parent):
        return False
    rest = child[len(parent)]
    return rest in ".(" or (rest.isalpha() and parent[-1].isdigit())


def _bump(number: str, step: int = 1) -> str | None:
    """The number `step` places on at the same level: "6.4" → "6.5", "2(a)" → "2(b)", "1." → "2."."""
    match = _LAST_TOKEN.search(number.strip())
    if match is None:
        return None
    token, tail = match.group(1), match.group(2)
    head = number.strip()[: match.start()]
    if token.isdigit():
        value = int(token) + step
        return f"{head}{value}{tail}" if value >= 1 else None
    if len(token) == 1:
        base = ord("a") if token.islower() else ord("A")
        offset = ord(token) - base + step
        return f"{head}{chr(base + offset)}{tail}" if 0 <= offset < 26 else None
    return None  # roman numerals and words are left for the secretary


def _renamed(number: str, old_stem: str, new_stem: str) -> str:
    """Carry a descendant along when its parent is renumbered: "7.1" with 7 → 6.5 becomes "6.5.1"."""
    stripped = number.strip()
    return new_stem + stripped[len(old_stem) :] if stripped.startswith(old_stem) else stripped


def _format_time(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _format_pages(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    return f"{first}–{last}" if last is not None and last != first else str(first)


# -- the grid's rows ----------------------------------------------------------------


@dataclass(eq=False)
class DraftRow:
    """One agenda item while it is being reviewed (mutable; a DraftItem again on accept)."""

    number: str
    title: str
    presenter: str = ""
    purpose: Purpose = Purpose.UNKNOWN
    planned_time: time | None = None
    part: Part = Part.ONE
    first_page: int | None = None
    last_page: int | None = None
    uncertain: set[str] = field(default_factory=set)
    paper_path: str = ""  # a paper tabled on the day, attached during review
    origin: DraftItem | None = None  # what the importer found; its other fields pass through unchanged

    @classmethod
    def from_item(cls, item: DraftItem) -> DraftRow:
        return cls(
            number=item.number,
            title=item.title,
            presenter=item.presenter,
            purpose=item.purpose,
            planned_time=item.planned_time,
            part=item.part,
            first_page=item.first_page,
            last_page=item.last_page,
            uncertain=set(item.uncertain),
            origin=item,
        )

    def to_item(self) -> DraftItem:
        return replace(
            self.origin or DraftItem(number="", title=""),
            number=self.number.strip(),
            title=self.title.strip(),
            presenter=self.presenter.strip(),
            purpose=self.purpose,
            planned_time=self.planned_time,
            part=self.part,
            first_page=self.first_page,
            last_page=self.last_page,
            uncertain=frozenset(self.uncertain),
        )


class DraftAgendaModel(QAbstractTableModel):
    """The draft agenda as an editable table; nesting is read from the numbers as written."""

    COL_NUMBER, COL_TITLE, COL_PRESENTER, COL_PURPOSE, COL_TIME, COL_PART, COL_PAGES, COL_PAPER = range(8)
    HEADERS = ("No.", "Title", "Presenter", "Purpose", "Time", "Part", "Pages", "Tabled paper")
    # The DraftItem fields each column shows, as named in DraftItem.uncertain.
    FIELDS: ClassVar[dict[int, frozenset[str]]] = {
        COL_NUMBER: frozenset({"number"}),
        COL_TITLE: frozenset({"title"}),
        COL_PRESENTER: frozenset({"presenter"}),
        COL_PURPOSE: frozenset({"purpose"}),
        COL_TIME: frozenset({"planned_time"}),
        COL_PART: frozenset({"part"}),
        COL_PAGES: frozenset({"first_page", "last_page"}),
        COL_PAPER: frozenset(),
    }
    SortRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2
    DepthRole = Qt.ItemDataRole.UserRole + 3
    GuessedRole = Qt.ItemDataRole.UserRole + 4

    refused = Signal(str)  # why an edit was not made
    changed = Signal()  # any edit or restructuring

    def __init__(self, parent: QObject | None = None, page_count: int | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DraftRow] = []
        self._depths: list[int] | None = None
        self._has_children: list[bool] = []
        self.page_count = page_count

    # -- loading and reading back --------------------------------------------------

    def set_rows(self, items: Sequence[DraftItem]) -> None:
        self.beginResetModel()
        self._rows = [DraftRow.from_item(item) for item in items]
        self._depths = None
        self.endResetModel()

    def rows(self) -> list[DraftRow]:
        return list(self._rows)

    def row_at(self, row: int) -> DraftRow:
        return self._rows[row]

    def items(self) -> tuple[DraftItem, ...]:
        return tuple(row.to_item() for row in self._rows)

    def depth(self, row: int) -> int:
        return self._structure()[row]

    def _structure(self) -> list[int]:
        if self._depths is None:
            depths: list[int] = []
            open_stems: list[str] = []
            for row in self._rows:
                stem = _stem(row.number)
                while open_stems and not _is_child(stem, open_stems[-1]):
                    open_stems.pop()
                depths.append(len(open_stems))
                open_stems.append(stem)
            self._depths = depths
            self._has_children = [i + 1 < len(depths) and depths[i + 1] > d for i, d in enumerate(depths)]
        return self._depths

    def _subtree_end(self, row: int) -> int:
        depths = self._structure()
        end = row + 1
        while end < len(depths) and depths[end] > depths[row]:
            end += 1
        return end

    def _taken(self, exclude: range = range(0)) -> set[str]:
        return {_stem(r.number) for i, r in enumerate(self._rows) if i not in exclude}

    def _touched(self) -> None:
        """Numbers or order changed: nesting may differ anywhere, so every row repaints."""
        self._depths = None
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))
        self.changed.emit()

    # -- editing operations (each returns the row to make current) -------------------

    def add_after(self, row: int | None) -> int:
        """A new item after `row` and its sub-items, at the same level, numbered next; the title asks to be checked."""
        if row is None or not self._rows:
            position = len(self._rows)
            number = _bump(self._rows[-1].number) if self._rows else "1"
            level_start = position
        else:
            position = self._subtree_end(row)
            number = _bump(self._rows[row].number)
            level_start = position
        if number is not None and _stem(number) in self._taken():
            self._make_room(level_start, self.depth(row) if row is not None else 0)
        if number is None or _stem(number) in self._taken():
            number = self._placeholder_number()
        new = DraftRow(number=number, title="New item", uncertain={"title"})
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, new)
        self.endInsertRows()
        self._touched()
        return position

    def remove(self, row: int) -> int | None:
        """Remove one item; its sub-items stay (un-nest them or remove them too)."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._touched()
        return min(row, len(self._rows) - 1) if self._rows else None

    def move(self, row: int, step: int) -> int:
        """Move an item with its sub-items past its neighbour at the same level; numbers stay as written."""
        depths = self._structure()
        depth = depths[row]
        end = self._subtree_end(row)
        if step < 0:
            above = row - 1
            while above >= 0 and depths[above] > depth:
                above -= 1
            if above < 0 or depths[above] < depth:
                raise EditRefused(f"Item {self._rows[row].number} is already the first at its level.")
            self.beginMoveRows(QModelIndex(), row, end - 1, QModelIndex(), above)
            block = self._rows[row:end]
            del self._rows[row:end]
            self._rows[above:above] = block
            self.endMoveRows()
            self._touched()
            return above
        if end >= len(depths) or depths[end] < depth:
            raise EditRefused(f"Item {self._rows[row].number} is already the last at its level.")
        after = self._subtree_end(end)
        self.beginMoveRows(QModelIndex(), row, end - 1, QModelIndex(), after)
        block = self._rows[row:end]
        del self._rows[row:end]
        new_row = after - len(block)
        self._rows[new_row:new_row] = block
        self.endMoveRows()
        self._touched()
        return new_row

    def nest(self, row: int) -> int:
        """Make an item (and its sub-items) the last sub-item of the item above at its level: "7" → "6.5"."""
        depths = self._structure()
        depth = depths[row]
        above = row - 1
        while above >= 0 and depths[above] > depth:
            above -= 1
        if above < 0 or depths[above] < depth:
            raise EditRefused(f"There is no item above {self._rows[row].number} at its level to nest it under.")
        siblings = [r for r in range(above + 1, row) if depths[r] == depth + 1]
        parent_stem = _stem(self._rows[above].number)
        number = _bump(self._rows[siblings[-1]].number) if siblings else f"{parent_stem}.1"
        end = self._subtree_end(row)
        taken = self._taken(range(row, end))
        if number is None or _stem(number) in taken:
            count = len(siblings) + 1
            while f"{parent_stem}.{count}" in taken:
                count += 1
            number = f"{parent_stem}.{count}"
        self._renumber_block(row, end, number)
        self._touched()
        return row

    def unnest(self, row: int) -> int:
        """Make a sub-item an item of its own, after its parent's sub-items: "6.4" → "7"."""
        depths = self._structure()
        depth = depths[row]
        if depth == 0:
            raise EditRefused(f"Item {self._rows[row].number} is already at the top level.")
        parent = row - 1
        while depths[parent] >= depth:
            parent -= 1
        parent_end = self._subtree_end(parent)
        end = self._subtree_end(row)
        number = _bump(self._rows[parent].number)
        if number is None:
            raise EditRefused(
                f"Item {self._rows[parent].number} has no next number; type the new number in the No. column."
            )
        # Move the block after its parent's remaining sub-items first, then number it.
        if end < parent_end:
            self.beginMoveRows(QModelIndex(), row, end - 1, QModelIndex(), parent_end)
            block = self._rows[row:end]
            del self._rows[row:end]
            new_row = parent_end - len(block)
            self._rows[new_row:new_row] = block
            self.endMoveRows()
            self._depths = None
            row, end = new_row, new_row + len(block)
        if _stem(number) in self._taken(range(row, end)):
            self._make_room(end, depth - 1)
        self._renumber_block(row, end, number)
        self._touched()
        return row

    def set_paper(self, row: int, path: str) -> None:
        self._rows[row].paper_path = path
        index = self.index(row, self.COL_PAPER)
        self.dataChanged.emit(index, index)
        self.changed.emit()

    def _renumber_block(self, row: int, end: int, number: str) -> None:
        old_stem, new_stem = _stem(self._rows[row].number), _stem(number)
        self._rows[row].number = number
        self._rows[row].uncertain.discard("number")
        for descendant in self._rows[row + 1 : end]:
            descendant.number = _renamed(descendant.number, old_stem, new_stem)

    def _make_room(self, start: int, depth: int) -> None:
        """Renumber the items from `start` at `depth` (and their sub-items) one place on, last first."""
        depths = self._structure()
        blocks: list[tuple[int, int]] = []
        row = start
        while row < len(depths) and depths[row] >= depth:
            end = self._subtree_end(row)
            if depths[row] == depth:
                blocks.append((row, end))
            row = end
        renames: list[tuple[int, int, str]] = []
        for block_start, block_end in blocks:
            bumped = _bump(self._rows[block_start].number)
            if bumped is None:
                raise EditRefused(
                    f"Item {self._rows[block_start].number} cannot be renumbered; type the numbers in the No. column."
                )
            renames.append((block_start, block_end, bumped))
        for block_start, block_end, bumped in reversed(renames):
            self._renumber_block(block_start, block_end, bumped)
        self._depths = None

    def _placeholder_number(self) -> str:
        taken = self._taken()
        count = 1
        while f"new {count}" in taken:
            count += 1
        return f"new {count}"

    # -- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.COL_PAPER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _guessed(self, row: DraftRow, column: int) -> bool:
        return bool(self.FIELDS[column] & row.uncertain)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.BackgroundRole and self._guessed(row, column):
            return QBrush(GUESSED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self._guessed(row, column):
            return QBrush(GUESSED_FOREGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and self._guessed(row, column):
            return GUESSED_TIP
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.COL_TITLE:
            return f"Item {row.number}: {row.title}"
        if role == Qt.ItemDataRole.FontRole and column in (self.COL_NUMBER, self.COL_TITLE):
            self._structure()
            if self._has_children[index.row()]:
                font = QFont()
                font.setBold(True)  # section headings such as "6. SYSTEM STRATEGY"
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_TIME, self.COL_PART, self.COL_PAGES):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == self.SortRole:
            return index.row()
        if role == self.RowRole:
            return row
        if role == self.DepthRole:
            return self.depth(index.row())
        if role == self.GuessedRole:
            return self._guessed(row, column)
        return None

    def _text(self, row: DraftRow, column: int, edit: bool) -> Any:
        if column == self.COL_NUMBER:
            return row.number
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_PRESENTER:
            return row.presenter
        if column == self.COL_PURPOSE:
            return row.purpose.value if edit else (PURPOSE_LABELS[row.purpose] if row.purpose.value else "")
        if column == self.COL_TIME:
            return _format_time(row.planned_time)
        if column == self.COL_PART:
            return int(row.part) if edit else PART_LABELS[row.part]
        if column == self.COL_PAGES:
            return _format_pages(row.first_page, row.last_page)
        if column == self.COL_PAPER:
            return row.paper_path if edit else Path(row.paper_path).name
        return None

    def _tooltip(self, row: DraftRow, column: int) -> str | None:
        parts: list[str] = []
        if self._guessed(row, column):
            parts.append(GUESSED_TIP)
        if column == self.COL_PAPER and row.paper_path:
            parts.append(f"Tabled on the day: {row.paper_path}")
        elif column in (self.COL_TITLE, self.COL_PRESENTER):
            text = row.title if column == self.COL_TITLE else row.presenter
            if len(text) > 40:
                parts.append(text)
        elif column == self.COL_TIME and not parts:
            parts.append("Planned start, HH:MM")
        elif column == self.COL_PAGES and not parts:
            parts.append("Pack pages, for example 13–64")
        return "\n".join(parts) or None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        column = index.column()
        try:
            renumbered = self._apply(index.row(), row, column, value)
        except EditRefused as exc:
            self.refused.emit(str(exc))
            return False
        row.uncertain -= self.FIELDS[column]  # the secretary has looked at it: no longer a guess
        if renumbered:
            self._touched()
        else:
            self.dataChanged.emit(index, index)
            self.changed.emit()
        return True

    def _apply(self, position: int, row: DraftRow, column: int, value: Any) -> bool:
        """Check and make one edit; True when the number (and so perhaps the nesting) changed."""
        text = "" if value is None else str(value).strip()
        if column == self.COL_NUMBER:
            if not text:
                raise EditRefused("An item needs a number, as written in the pack (for example 6.4).")
            if _stem(text) != _stem(row.number) and _stem(text) in self._taken(range(position, position + 1)):
                raise EditRefused(f"Another item is already numbered {text}.")
            row.number = text
            self._depths = None
            return True
        if column == self.COL_TITLE:
            if not text:
                raise EditRefused("An item needs a title.")
            row.title = text
        elif column == self.COL_PRESENTER:
            row.presenter = text
        elif column == self.COL_PURPOSE:
            if isinstance(value, Purpose):
                row.purpose = value
            else:
                by_text = {p.value: p for p in Purpose} | {label.lower(): p for p, label in PURPOSE_LABELS.items()}
                if text.lower() not in by_text:
                    choices = ", ".join(label for p, label in PURPOSE_LABELS.items() if p.value)
                    raise EditRefused(f"Purpose must be one of {choices}, or left blank.")
                row.purpose = by_text[text.lower()]
        elif column == self.COL_TIME:
            row.planned_time = self._parse_time(text)
        elif column == self.COL_PART:
            parts = {"1": Part.ONE, "i": Part.ONE, "2": Part.TWO, "ii": Part.TWO}
            key = text.lower().removeprefix("part").strip()
            if key not in parts:
                raise EditRefused("Part must be I (public business) or II (confidential).")
            row.part = parts[key]
        elif column == self.COL_PAGES:
            row.first_page, row.last_page = self._parse_pages(text)
        else:
            raise EditRefused("Use “Attach paper tabled on the day…” to attach a paper.")
        return False

    @staticmethod
    def _parse_time(text: str) -> time | None:
        if not text:
            return None
        match = _TIME.match(text)
        if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise EditRefused(f"“{text}” is not a time: write it as HH:MM (for example 10:05), or leave it blank.")
        return time(int(match.group(1)), int(match.group(2)))

    def _parse_pages(self, text: str) -> tuple[int | None, int | None]:
        if not text:
            return None, None
        match = _PAGES.match(text)
        if match is None:
            raise EditRefused(f"“{text}” is not a page range: write it as 13–64 or 13, or leave it blank.")
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if first < 1 or last < first:
            raise EditRefused(f"Pages {text}: the first page must be 1 or more and not after the last.")
        if self.page_count and last > self.page_count:
            raise EditRefused(f"Pages {text}: the pack has only {self.page_count} pages.")
        return first, (last if last != first else None)


# -- delegates ----------------------------------------------------------------------


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor over fixed choices (purpose, part); the model receives the choice's value."""

    def __init__(self, choices: Sequence[tuple[str, Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        for label, value in self.choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TitleDelegate(QStyledItemDelegate):
    """Indents a title by its nesting ("6.4" sits under "6")."""

    INDENT = "      "

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        depth = index.data(DraftAgendaModel.DepthRole) or 0
        option.text = self.INDENT * int(depth) + option.text


class ReviewGrid(QTableView):
    """The agenda grid: Return edits the current cell instead of pressing the dialog's Save button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
        ):
            self.edit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


# -- the dialog -----------------------------------------------------------------------


class ImportReviewDialog(QDialog):
    """Check the draft agenda and meeting details; "Save meeting" accepts, Cancel leaves nothing behind."""

    def __init__(
        self,
        draft: DraftPack,
        parent: QWidget | None = None,
        duplicates: Sequence[PossibleDuplicate] = (),
        unplaced: Sequence[Unplaced] = (),
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.unplaced_panel = UnplacedPanel(unplaced) if unplaced else None
        self.duplicates = tuple(duplicates)
        self.duplicate_choices: dict[str, QComboBox] = {}
        self.dirty = False
        name = Path(draft.source_path).name
        self.setWindowTitle(f"Check the agenda before saving — {name}")
        self.setSizeGripEnabled(True)
        self.resize(1360, 780)

        heading = QLabel("<h2>Check the agenda before saving</h2>")
        hint = QLabel(
            f"Read from <b>{_escape(name)}</b>. Nothing is saved until you choose <b>Save meeting</b>. "
            "Cells in <span style='background:#ffd978; color:#1a1a1a'>&nbsp;amber&nbsp;</span> were guessed "
            "from the pack — check them; the colour goes once you edit a cell (F2 or Return to edit)."
        )
        hint.setWordWrap(True)

        self.model = DraftAgendaModel(self, page_count=draft.page_count)
        self.model.set_rows(draft.items)
        self.grid = ReviewGrid()
        self.grid.setModel(self.model)
        self.grid.setAccessibleName("Draft agenda")
        self.grid.setAccessibleDescription("Agenda items read from the pack; amber cells were guessed.")
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setTabKeyNavigation(False)  # Tab leaves the grid, as everywhere else
        self.grid.setWordWrap(False)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 10)
        self.grid.setItemDelegateForColumn(DraftAgendaModel.COL_TITLE, TitleDelegate(self.grid))
        purposes = [(PURPOSE_LABELS[p], p.value) for p in Purpose if p.value] + [("Not stated", "")]
        self.grid.setItemDelegateForColumn(DraftAgendaModel.COL_PURPOSE, ChoiceDelegate(purposes, self.grid))
        parts = [("I  (public)", int(Part.ONE)), ("II  (confidential)", int(Part.TWO))]
        self.grid.setItemDelegateForColumn(DraftAgendaModel.COL_PART, ChoiceDelegate(parts, self.grid))
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DraftAgendaModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        widths = {
            DraftAgendaModel.COL_NUMBER: 52,
            DraftAgendaModel.COL_PRESENTER: 180,
            DraftAgendaModel.COL_PURPOSE: 80,
            DraftAgendaModel.COL_TIME: 52,
            DraftAgendaModel.COL_PART: 40,
            DraftAgendaModel.COL_PAGES: 64,
            DraftAgendaModel.COL_PAPER: 96,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)

        self.status = QLabel()
        self.status.setAccessibleName("Review messages")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Actions: buttons for the mouse, shortcuts on the grid for the keyboard.
        self.add_action = self._grid_action("Add item", "Insert", self.add_item, "Add an item after the current one")
        self.remove_action = self._grid_action("Remove", "Delete", self.remove_item, "Remove the current item")
        self.up_action = self._grid_action("Move up", "Ctrl+Up", lambda: self.move_item(-1), "Move the item up")
        self.down_action = self._grid_action("Move down", "Ctrl+Down", lambda: self.move_item(1), "Move the item down")
        self.nest_action = self._grid_action(
            "Nest", "Ctrl+]", self.nest_item, "Make it a sub-item of the item above (7 becomes 6.5)"
        )
        self.unnest_action = self._grid_action(
            "Un-nest", "Ctrl+[", self.unnest_item, "Make a sub-item an item of its own (6.4 becomes 7)"
        )
        self.paper_button = QPushButton("Attach paper tabled on the day…")
        self.paper_button.setAccessibleName("Attach paper tabled on the day")
        self.paper_button.setToolTip("Attach a paper handed out at the meeting to the current item")
        self.paper_button.setAutoDefault(False)
        self.paper_button.clicked.connect(self.attach_paper)
        tools = QHBoxLayout()
        for action in (
            self.add_action,
            self.remove_action,
            self.up_action,
            self.down_action,
            self.nest_action,
            self.unnest_action,
        ):
            tools.addWidget(self._button_for(action))
        tools.addStretch(1)
        tools.addWidget(self.paper_button)

        agenda = QWidget()
        agenda_layout = QVBoxLayout(agenda)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addLayout(tools)
        agenda_layout.addWidget(self.grid, 1)
        agenda_layout.addWidget(self.status)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("What the pack holds")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(agenda, f"Agenda ({len(draft.items)})")
        summary = self._summary_panel(draft)  # builds the people table the People tab shows
        self._found_tabs(draft)
        if self.unplaced_panel is not None:  # what the import cannot place by itself: a choice for each
            self.tabs.addTab(self.unplaced_panel, f"Not placed ({len(self.unplaced_panel.unplaced)})")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 340])
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Save meeting", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip("Save this meeting and its agenda (Ctrl+S)")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip("Close without saving anything")
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        # The reader marks titles uncertain only when the agenda itself could be read another way.
        doubtful = sum(1 for item in draft.items if "title" in item.uncertain)
        reasons = []
        if doubtful:
            reasons.append(
                f"the agenda could be read in more than one way; {doubtful} of {len(draft.items)} items are marked "
                "in amber as the likeliest reading"
            )
        if draft.meeting_uncertain:
            fields = ", ".join(sorted(draft.meeting_uncertain))
            reasons.append(f"the meeting's {fields} {'was' if len(draft.meeting_uncertain) == 1 else 'were'} guessed")
        self.needs_checking = QLabel(f"<b>Needs checking:</b> {'; '.join(reasons)}." if reasons else "")
        self.needs_checking.setAccessibleName("Needs checking")
        self.needs_checking.setWordWrap(True)
        self.needs_checking.setVisible(bool(reasons))
        layout.addWidget(self.needs_checking)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self.model.refused.connect(self._show_refusal)
        self.model.changed.connect(self._on_changed)
        self.grid.selectionModel().currentChanged.connect(lambda *_args: self._update_actions())
        self._update_count()
        if self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0, DraftAgendaModel.COL_TITLE))
        self._update_actions()
        self.grid.setFocus()

    # -- building ----------------------------------------------------------------

    def _grid_action(self, text: str, keys: str, slot: Any, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not while a cell is being edited
        action.setToolTip(f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.grid.addAction(action)
        return action

    def _button_for(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setAccessibleName(action.text())
        button.setToolTip(action.toolTip())
        button.setAutoDefault(False)
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    def _summary_panel(self, draft: DraftPack) -> QWidget:
        self.body_edit = QLineEdit(draft.body_name)
        self.body_edit.setAccessibleName("Body name")
        self.title_edit = QLineEdit(draft.meeting_title)
        self.title_edit.setAccessibleName("Meeting title")
        self.title_edit.setCursorPosition(0)
        self.body_edit.setCursorPosition(0)
        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName("Meeting date")
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText("No date")
        self.date_edit.setToolTip("The meeting date; set it to the earliest date to leave it blank")
        if draft.meeting_date is not None:
            self.date_edit.setDate(QDate(draft.meeting_date.year, draft.meeting_date.month, draft.meeting_date.day))
        else:
            self.date_edit.setDate(NO_DATE)
            self.date_edit.calendarWidget().setSelectedDate(QDate.currentDate())
        self.no_date_button = QPushButton("No date")
        self.no_date_button.setAccessibleName("Clear the meeting date")
        self.no_date_button.setAutoDefault(False)
        self.no_date_button.clicked.connect(lambda: self.date_edit.setDate(NO_DATE))
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.no_date_button)
        self.venue_edit = QLineEdit(draft.venue)
        self.venue_edit.setAccessibleName("Venue")
        self.venue_edit.setPlaceholderText("Not found in the pack")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of agenda items")
        for edit in (self.body_edit, self.title_edit, self.venue_edit):
            edit.textEdited.connect(lambda _text: self._on_changed())
        self.date_edit.dateChanged.connect(lambda _date: self._on_changed())

        # Meeting fields the reader guessed (only the body's name stood out, a venue read from where it stands,
        # two dates that read equally well) are amber, like guessed cells in the grid.
        meeting_edits: dict[str, QWidget] = {
            "body": self.body_edit,
            "title": self.title_edit,
            "date": self.date_edit,
            "venue": self.venue_edit,
        }
        for key in sorted(draft.meeting_uncertain):
            if (field_edit := meeting_edits.get(key)) is not None:
                _mark_guessed_edit(field_edit)

        form = QFormLayout()
        form.addRow("&Body:", self.body_edit)
        form.addRow("&Meeting:", self.title_edit)
        date_label = QLabel("&Date:")
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, date_row)
        form.addRow("&Venue:", self.venue_edit)
        form.addRow("Agenda:", self.count_label)
        meeting_box = QGroupBox("Meeting")
        meeting_box.setLayout(form)

        self.people = _table(
            "People found in the pack",
            ["Name", "Initials", "Sits as", "Role", "Will be saved as"],
            [
                [
                    person.name,
                    person.initials,
                    TIER_LABELS.get(person.tier, str(person.tier))
                    + (" — apologies" if person.apologies else " — absent" if person.absent else ""),
                    person.role,
                    "",
                ]
                for person in draft.people
            ],
            widths={3: 320},
        )
        self.people.setColumnWidth(2, min(self.people.columnWidth(2), 110))  # "Member — apologies" has a tooltip
        for row, person in enumerate(draft.people):  # a one-word name, or attendance the pack does not settle
            if "name" in person.uncertain:
                _mark_guessed(self.people.item(row, 0), "Only one word of the name is printed; check who this is")
            if "attendance" in person.uncertain:
                _mark_guessed(self.people.item(row, 2), "Listed as a member; whether they came is not printed")
        people_box = self._duplicates_box()

        self.warnings = QListWidget()
        self.warnings.setAccessibleName("Import warnings")
        self.warnings.setWordWrap(True)
        self.warnings.addItems(list(draft.warnings))
        warnings_box = QGroupBox(f"Warnings from the import ({len(draft.warnings)})")
        warnings_layout = QVBoxLayout(warnings_box)
        guessed = bool(draft.meeting_uncertain) or any("title" in item.uncertain for item in draft.items)
        if draft.warnings:
            warnings_layout.addWidget(self.warnings)
        else:
            self.warnings.hide()
            warnings_layout.addWidget(
                QLabel("None, but the fields in amber need checking." if guessed else "None: the pack read cleanly.")
            )

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(6, 0, 0, 0)
        panel_layout.addWidget(meeting_box)
        if people_box is not None:
            panel_layout.addWidget(people_box, 2)
        panel_layout.addWidget(warnings_box, 1 if draft.warnings else 0)
        if people_box is None or not draft.warnings:
            panel_layout.addStretch(1)
        return panel

    def _duplicates_box(self) -> QGroupBox | None:
        """One choice per name that looks like someone already listed; None when there are none."""
        if not self.duplicates:
            return None
        box = QGroupBox(f"Same person? ({len(self.duplicates)})")
        box.setAccessibleName("Names that look like people already listed")
        layout = QVBoxLayout(box)
        intro = QLabel("These names in the pack look like people already listed for this body. Choose for each:")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for duplicate in self.duplicates:
            combo = QComboBox()
            combo.setAccessibleName(f"Who is {duplicate.name}")
            for match in duplicate.candidates:
                initials = f" ({match.initials})" if match.initials else ""
                combo.addItem(f"Same person as {match.name}{initials}", match.person_id)
                combo.setItemData(
                    combo.count() - 1,
                    f"{match.score:.0f}% alike; {match.edits} letters differ",
                    Qt.ItemDataRole.ToolTipRole,
                )
            combo.addItem("Add as a new person", None)
            default = next(
                (i for i, m in enumerate(duplicate.candidates) if m.person_id == duplicate.suggested_id),
                combo.count() - 1,
            )
            combo.setCurrentIndex(default)
            combo.currentIndexChanged.connect(lambda _i: self._on_person_choice())
            self.duplicate_choices[duplicate.name] = combo
            details = ", ".join(part for part in (duplicate.initials, duplicate.role) if part)
            label = QLabel(f"<b>{_escape(duplicate.name)}</b>" + (f" ({_escape(details)})" if details else ""))
            label.setToolTip(f"Looks like {duplicate.best.name}: {duplicate.best.score:.0f}% alike")
            label.setBuddy(combo)
            form.addRow(label, combo)
        layout.addLayout(form)
        note = QLabel("A name taken as the same person is kept as another name for them, so it is matched next time.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self._show_choices()
        return box

    def _on_person_choice(self) -> None:
        self.dirty = True
        self._show_choices()

    def _show_choices(self) -> None:
        """The People tab's last column says what each doubtful name will become."""
        chosen = self.people_choices()
        by_name = {d.name: d for d in self.duplicates}
        column = self.people.columnCount() - 1
        for row, person in enumerate(self.draft.people):
            duplicate = by_name.get(person.name)
            if duplicate is None:
                continue
            target = chosen.get(person.name)
            names = {m.person_id: m.name for m in duplicate.candidates}
            text = f"Same person as {names[target]}" if target is not None else "A new person"
            cell = QTableWidgetItem(text)
            cell.setToolTip(f"Looks like {duplicate.best.name}; choose under “Same person?”")
            _mark_guessed(cell)
            self.people.setItem(row, column, cell)
            name_cell = self.people.item(row, 0)
            if name_cell is not None:
                _mark_guessed(name_cell, f"Looks like {duplicate.best.name}, who is already listed")

    def _found_tabs(self, draft: DraftPack) -> None:
        """Read-only tabs: what else the pack gives, each with its count; amber cells are guesses to check."""
        self._add_found_tab(
            f"People ({len(draft.people)})",
            self.people,
            "They join the body's people when you save; names already listed are not added twice.",
            "No attendance list was found in the pack.",
        )
        interests = [
            [
                i.name,
                i.position,
                i.declared,
                _interest_types(i),
                i.details,
                i.date_from.written,
                i.date_to.written,
                i.mitigation,
                i.date_declared.written,
            ]
            for i in draft.interests
        ]
        self.interests_table = _table(
            "Register of interests found in the pack",
            ["Name", "Position", "To declare", "Type", "Details", "From", "To", "Mitigation", "Declared"],
            interests,
            widths={1: 260, 4: 320, 7: 220},
        )
        for row, interest in enumerate(draft.interests):
            for column, when in ((5, interest.date_from), (6, interest.date_to), (8, interest.date_declared)):
                if _unread_date(when):
                    _mark_guessed(self.interests_table.item(row, column), "Not read as a date; kept as written")
        self._add_found_tab(
            f"Register of interests ({len(draft.interests)})",
            self.interests_table,
            "These rows join the body's register when you save; rows already there are not added twice.",
            "No register of interests was found in the pack.",
        )
        actions = [
            [
                a.number,
                a.action,
                ", ".join(a.owners) or a.owner_text,
                a.agenda_item,
                a.deadline.written,
                a.status,
                a.position,
            ]
            for a in draft.actions
        ]
        self.actions_table = _table(
            "Action tracker found in the pack",
            ["No.", "Action", "Owners", "Item", "Deadline", "Status", "Latest update"],
            actions,
            widths={1: 360, 2: 260, 6: 300},
        )
        fields = {0: "number", 1: "action", 2: "owners", 3: "agenda_item", 4: "deadline", 5: "status", 6: "position"}
        for row, action in enumerate(draft.actions):
            for column, name in fields.items():
                if name in action.uncertain:
                    _mark_guessed(self.actions_table.item(row, column))
            if _unread_date(action.deadline):
                _mark_guessed(self.actions_table.item(row, 4), "Not read as a date; kept as written")
            status_cell = self.actions_table.item(row, 5)
            if (
                action.rag
                and status_cell is not None
                and not status_cell.data(Qt.ItemDataRole.AccessibleDescriptionRole)
            ):
                status_cell.setToolTip(f"{action.status} (RAG: {action.rag})")
        self._add_found_tab(
            f"Action tracker ({len(draft.actions)})",
            self.actions_table,
            "Shown for checking only: the action tracker is not saved with this meeting.",
            "No action tracker was found in the pack.",
        )
        planner = [
            [r.ref, r.topic, r.decision, r.decision_taker, r.date.written, r.status, r.sponsor] for r in draft.planner
        ]
        self.planner_table = _table(
            "Decision planner found in the pack",
            ["Ref", "Topic", "Decision", "Taken by", "Date", "Status", "Sponsor"],
            planner,
            widths={1: 260, 2: 320},
        )
        for row, entry in enumerate(draft.planner):
            if _unread_date(entry.date):
                _mark_guessed(self.planner_table.item(row, 4), "Not read as a date; kept as written")
        self._add_found_tab(
            f"Decision planner ({len(draft.planner)})",
            self.planner_table,
            "Shown for checking only: the decision planner is not saved with this meeting.",
            "No decision planner was found in the pack.",
        )

    def _add_found_tab(self, title: str, table: QTableWidget, note: str, empty: str) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        if table.rowCount():
            guessed = _guessed_cells(table)
            cells = "1 cell in amber was" if guessed == 1 else f"{guessed} cells in amber were"
            text = note + (f" {cells} guessed — check them." if guessed else "")
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
            layout.addWidget(table, 1)
        else:
            table.hide()
            layout.addWidget(QLabel(empty))
            layout.addStretch(1)
        self.tabs.addTab(page, title)

    # -- state ---------------------------------------------------------------------

    def current_row(self) -> int | None:
        index = self.grid.currentIndex()
        return index.row() if index.isValid() else None

    def _select(self, row: int | None, column: int | None = None) -> None:
        if row is None:
            return
        if column is None:
            current = self.grid.currentIndex()
            column = current.column() if current.isValid() else DraftAgendaModel.COL_TITLE
        index = self.model.index(row, column)
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)

    def _on_changed(self) -> None:
        self.dirty = True
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        rows = self.model.rows()
        top = sum(1 for r in range(len(rows)) if self.model.depth(r) == 0)
        guessed = sum(1 for row in rows if row.uncertain)
        self.tabs.setTabText(0, f"Agenda ({len(rows)})")
        text = f"{len(rows)} items ({top} at the top level)"
        if guessed:
            text += f"; {guessed} with guesses to check"
        self.count_label.setText(text)

    def _update_actions(self) -> None:
        has_row = self.current_row() is not None
        for action in (
            self.remove_action,
            self.up_action,
            self.down_action,
            self.nest_action,
            self.unnest_action,
        ):
            action.setEnabled(has_row)
        self.paper_button.setEnabled(has_row)

    def _show_refusal(self, message: str) -> None:
        self.status.setText(f"<span style='color:#b00020'><b>Not changed:</b> {_escape(message)}</span>")

    def _say(self, message: str) -> None:
        self.status.setText(_escape(message))

    def _run(self, operation: Any) -> None:
        try:
            row = operation()
        except EditRefused as exc:
            self._show_refusal(str(exc))
            return
        self._select(row)
        self.grid.setFocus()

    # -- operations ------------------------------------------------------------------

    def add_item(self) -> None:
        def add() -> int:
            row = self.model.add_after(self.current_row())
            self._say(f"Added item {self.model.row_at(row).number}: type its title.")
            return row

        self._run(add)
        row = self.current_row()
        if row is not None:
            self._select(row, DraftAgendaModel.COL_TITLE)
            self.grid.edit(self.grid.currentIndex())

    def remove_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        removed = self.model.row_at(row)
        had_children = self.model.depth(row + 1) > self.model.depth(row) if row + 1 < self.model.rowCount() else False

        def remove() -> int | None:
            result = self.model.remove(row)
            note = " Its sub-items are still there." if had_children else ""
            self._say(f"Removed item {removed.number} {removed.title}.{note}")
            return result

        self._run(remove)

    def move_item(self, step: int) -> None:
        row = self.current_row()
        if row is not None:
            self._run(lambda: self.model.move(row, step))

    def nest_item(self) -> None:
        row = self.current_row()
        if row is not None:
            old = self.model.row_at(row).number
            self._run(lambda: self._report_renumber(old, self.model.nest(row)))

    def unnest_item(self) -> None:
        row = self.current_row()
        if row is not None:
            old = self.model.row_at(row).number
            self._run(lambda: self._report_renumber(old, self.model.unnest(row)))

    def _report_renumber(self, old: str, row: int) -> int:
        self._say(f"Item {old} is now {self.model.row_at(row).number}.")
        return row

    def choose_paper_file(self) -> str:
        """Ask for the tabled paper's file (tests replace this)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            "Attach a paper tabled on the day",
            str(Path(self.draft.source_path).parent),
            "Papers (*.pdf *.docx *.doc *.odt *.txt *.md);;All files (*)",
        )
        return path

    def attach_paper(self) -> None:
        row = self.current_row()
        if row is None:
            return
        path = self.choose_paper_file()
        if not path:
            return
        self.model.set_paper(row, path)
        self._say(f"Attached {Path(path).name} to item {self.model.row_at(row).number}; it is copied when you save.")

    def confirm_discard(self) -> bool:
        """Ask before throwing away review edits (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Discard this import?",
            "Close without saving? Your changes to this agenda will be lost and nothing will be saved.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- result ----------------------------------------------------------------------

    def problems(self) -> list[str]:
        found: list[str] = []
        if not self.title_edit.text().strip():
            found.append("Give the meeting a title.")
        if not self.model.rowCount():
            found.append("The agenda is empty: add at least one item.")
        seen: set[str] = set()
        for row in self.model.rows():
            stem = _stem(row.number)
            if stem in seen:
                found.append(f"Two items are numbered {row.number}; renumber one of them.")
            seen.add(stem)
        return found

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self._show_refusal(" ".join(problems))
            return
        super().accept()

    def reject(self) -> None:
        if self.dirty and self.isVisible() and not self.confirm_discard():
            return
        super().reject()

    def meeting_date(self) -> date | None:
        chosen = self.date_edit.date()
        return None if chosen == self.date_edit.minimumDate() else date(chosen.year(), chosen.month(), chosen.day())

    def reviewed_draft(self) -> DraftPack:
        """The draft as the secretary left it: edited items and meeting details (nothing saved here)."""
        return replace(
            self.draft,
            items=self.model.items(),
            meeting_title=self.title_edit.text().strip(),
            body_name=self.body_edit.text().strip(),
            venue=self.venue_edit.text().strip(),
            meeting_date=self.meeting_date(),
        )

    def tabled_papers(self) -> dict[int, str]:
        """Papers attached during review: position in `reviewed_draft().items` → file path."""
        return {position: row.paper_path for position, row in enumerate(self.model.rows()) if row.paper_path}

    def people_choices(self) -> dict[str, int | None]:
        """For each name that looks like someone already listed: that person's id, or None for a new person."""
        return {name: combo.currentData() for name, combo in self.duplicate_choices.items()}

    def outcome(self) -> ReviewOutcome:
        """Everything `commands.accept_reviewed` needs to save what the secretary accepted."""
        placements = self.unplaced_panel.placements() if self.unplaced_panel is not None else {}
        return ReviewOutcome(self.reviewed_draft(), self.people_choices(), self.tabled_papers(), placements)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(
    name: str, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: dict[int, int] | None = None
) -> QTableWidget:
    """A read-only table of what the pack gives; long cells show in full as tooltips."""
    table = QTableWidget(len(rows), len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    for row, values in enumerate(rows):
        for column, text in enumerate(values):
            clean = " ".join(str(text).split())
            cell = QTableWidgetItem(clean)
            if clean:
                cell.setToolTip(str(text))
            table.setItem(row, column, cell)
    table.resizeColumnsToContents()
    for column, width in (widths or {}).items():
        table.setColumnWidth(column, min(table.columnWidth(column), width))
    for column in range(len(headers)):
        table.setColumnWidth(column, min(table.columnWidth(column), 420))
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _mark_guessed_edit(edit: QWidget, why: str = GUESSED_TIP) -> None:
    """A meeting field in amber, with why in the tooltip and for screen readers."""
    edit.setStyleSheet(f"background: {GUESSED_BACKGROUND.name()}; color: {GUESSED_FOREGROUND.name()};")
    edit.setToolTip(why)
    edit.setAccessibleDescription(why)
    edit.setProperty("guessed", True)


def _mark_guessed(cell: QTableWidgetItem | None, why: str = GUESSED_TIP) -> None:
    """Amber, as in the agenda grid, with why in the tooltip."""
    if cell is None:
        return
    cell.setBackground(QBrush(GUESSED_BACKGROUND))
    cell.setForeground(QBrush(GUESSED_FOREGROUND))
    cell.setData(Qt.ItemDataRole.AccessibleDescriptionRole, why)
    text = cell.text()
    cell.setToolTip(why + (f"\n{text}" if text else ""))


def _guessed_cells(table: QTableWidget) -> int:
    return sum(
        1
        for row in range(table.rowCount())
        for column in range(table.columnCount())
        if (cell := table.item(row, column)) is not None and cell.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    )


def _unread_date(value: DraftDate) -> bool:
    """A date the pack writes with figures that could not be read ("Ongoing" and blanks are not dates)."""
    return value.parsed is None and any(ch.isdigit() for ch in value.written)


def _interest_types(interest: Any) -> str:
    kinds = [
        label
        for flag, label in (
            (interest.financial, "Financial"),
            (interest.non_financial_professional, "Non-fin. professional"),
            (interest.non_financial_personal, "Non-fin. personal"),
            (interest.indirect, "Indirect"),
        )
        if flag
    ]
    return ", ".join(kinds) or interest.interest_type
