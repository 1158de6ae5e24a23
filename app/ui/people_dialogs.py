"""The body's people, its register of interests and its rule set, each in a dialog.

Every edit calls a command (`app.commands.people`) and redraws from what the command returns; a refusal (a clash
of initials, a rule that cannot be right) is shown in the dialog's message line, never half-applied. The table
models follow one template: `COL_*` constants, `ObjectRole` for the domain object of a row, `SortRole` for
sorting, `set_rows()` resets, and a single edit emits `dataChanged` for its row only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.commands import people as commands
from app.commands.body_settings import SettingRefused, field_specs
from app.commands.people import ImportReport
from app.domain import PRESETS, Person, RuleSet, Tier, rules_from_dict, rules_to_dict
from app.domain.rules import (
    Abstentions,
    CastingVote,
    InterestRule,
    MajorityBase,
    MajorityComparison,
    QuorumCounts,
    QuorumRounding,
    RoleRequirement,
    TieOutcome,
)
from app.storage import StorageError, Store
from app.storage.people import RegisterRow
from app.storage.people import deputies as load_deputies
from app.storage.people import register as load_register
from app.ui.body_settings_dialog import SettingsForm, ask_to_keep_changes

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
IMPORT_FILTER = "CSV or Excel (*.csv *.txt *.xlsx *.xlsm);;CSV (*.csv *.txt);;Excel workbook (*.xlsx *.xlsm)"

TIER_LABELS = {
    Tier.MEMBER: "Member",
    Tier.PARTICIPANT: "Participant",
    Tier.IN_ATTENDANCE: "In attendance",
    Tier.OFFICER: "Officer",
    Tier.OBSERVER: "Observer",
}


def _tier_from_text(text: str) -> Tier:
    key = " ".join(text.casefold().replace("_", " ").split())
    for tier, label in TIER_LABELS.items():
        if key in (label.casefold(), tier.value.replace("_", " ")):
            return tier
    raise ValueError(f"“{text}” is not a tier; choose Member, Participant, In attendance or Officer.")


def _date_from_text(text: str, label: str) -> date | None:
    value = text.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{label} “{value}” is not a date; write it as 2024-04-01.") from None


class _RowsModel(QAbstractTableModel):
    """The shared part of the template: rows of frozen objects, headers, ObjectRole and SortRole."""

    HEADERS: tuple[str, ...] = ()
    ObjectRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    error = Signal(str)  # an edit was refused; the message says why

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def _replace_row(self, row: int, value: Any) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _checkable(self, index: Index, columns: Sequence[int]) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in columns:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    @staticmethod
    def _check(value: bool) -> Qt.CheckState:
        return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked

    @staticmethod
    def _is_checked(value: Any) -> bool:
        if isinstance(value, Qt.CheckState):
            return value == Qt.CheckState.Checked
        return bool(value == Qt.CheckState.Checked.value or value is True)

    def _commit(self, row: int, build: Callable[[], T], save: Callable[[T], T]) -> bool:
        try:
            saved = save(build())
        except (StorageError, ValueError) as exc:
            self.error.emit(str(exc))
            return False
        self._replace_row(row, saved)
        return True


# -- people ----------------------------------------------------------------------------------------------------


class PeopleModel(_RowsModel):
    (
        COL_NAME,
        COL_TITLE,
        COL_ROLE,
        COL_ORGANISATION,
        COL_INITIALS,
        COL_TIER,
        COL_VOTING,
        COL_TAGS,
        COL_FROM,
        COL_TO,
        COL_DEPUTIES,
    ) = range(11)
    HEADERS = (
        "Name",
        "Title",
        "Role",
        "Organisation",
        "Initials",
        "Tier",
        "Voting",
        "Role tags",
        "From",
        "To",
        "Deputies",
    )

    def __init__(self, save: Callable[[Person], Person], parent: Any = None) -> None:
        super().__init__(parent)
        self._save = save
        self._deputies: dict[int, tuple[int, ...]] = {}
        self._by_id: dict[int, Person] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._by_id = {p.id: p for p in rows if p.id is not None}
        super().set_rows(rows)

    def set_people(self, rows: Sequence[Person], deputies: Mapping[int, Iterable[int]]) -> None:
        """The body's people and, for each person id, the ids of those who may deputise for them."""
        self._deputies = {person_id: tuple(ids) for person_id, ids in deputies.items()}
        self.set_rows(rows)

    def deputy_ids(self, person_id: int) -> tuple[int, ...]:
        return self._deputies.get(person_id, ())

    def _replace_row(self, row: int, value: Any) -> None:
        super()._replace_row(row, value)
        if value.id is not None:
            self._by_id[value.id] = value
        if self._rows:  # someone's initials or name may be shown as another's deputy
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, self.COL_DEPUTIES), self.index(last, self.COL_DEPUTIES))

    def _deputy_labels(self, p: Person, full: bool) -> list[str]:
        people = sorted(
            (self._by_id[i] for i in self.deputy_ids(p.id or 0) if i in self._by_id), key=lambda d: d.name.casefold()
        )
        return [d.name if full or not d.initials else d.initials for d in people]

    def person(self, row: int) -> Person:
        person: Person = self._rows[row]
        return person

    def row_of(self, person_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == person_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self.person(index.row())
        column = index.column()
        if role == self.ObjectRole:
            return p
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_VOTING:
            return self._check(p.voting)
        if role == Qt.ItemDataRole.ForegroundRole and p.retired:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.ToolTipRole and p.retired:
            return f"{p.name} has retired."
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_DEPUTIES:
            names = self._deputy_labels(p, full=True)
            if not names:
                return f"No one is set to deputise for {p.name}; choose Deputies… to set who may."
            return f"May deputise for {p.name}: " + ", ".join(names) + "."
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COL_ROLE, self.COL_ORGANISATION, self.COL_TAGS):
            return self.data(index) or None  # these columns shrink to fit the dialog: the whole text on hover
        if role == self.SortRole and column == self.COL_NAME:  # lists of members go by surname
            return "\t".join(commands.surname_key(p.name))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, self.SortRole):
            if column == self.COL_VOTING:
                return ("Votes" if p.voting else "") if role == Qt.ItemDataRole.DisplayRole else int(p.voting)
            values = {
                self.COL_NAME: p.name + (" (retired)" if p.retired and role == Qt.ItemDataRole.DisplayRole else ""),
                self.COL_TITLE: p.title,
                self.COL_ROLE: p.role,
                self.COL_ORGANISATION: p.organisation,
                self.COL_INITIALS: p.initials,
                self.COL_TIER: TIER_LABELS[p.tier],
                self.COL_TAGS: ", ".join(p.role_tags),
                self.COL_FROM: p.term_from.isoformat() if p.term_from else "",
                self.COL_TO: p.term_to.isoformat() if p.term_to else "",
                self.COL_DEPUTIES: ", ".join(self._deputy_labels(p, full=False)),
            }
            return values.get(column)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.COL_DEPUTIES:  # set with the Deputies… button, not typed
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return self._checkable(index, (self.COL_VOTING,))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() == self.COL_DEPUTIES:
            return False
        p, column = self.person(index.row()), index.column()
        if column == self.COL_VOTING:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            return self._commit(index.row(), lambda: replace(p, voting=self._is_checked(value)), self._save)
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value if value is not None else "")

        def build() -> Person:
            if column == self.COL_TIER:
                return replace(p, tier=_tier_from_text(text))
            if column == self.COL_TAGS:
                return replace(p, role_tags=tuple(t for t in re.split(r"[,;|]", text) if t.strip()))
            if column == self.COL_FROM:
                return replace(p, term_from=_date_from_text(text, "Term from"))
            if column == self.COL_TO:
                return replace(p, term_to=_date_from_text(text, "Term to"))
            field = {
                self.COL_NAME: "name",
                self.COL_TITLE: "title",
                self.COL_ROLE: "role",
                self.COL_ORGANISATION: "organisation",
                self.COL_INITIALS: "initials",
            }[column]
            changes: dict[str, Any] = {field: text}
            return replace(p, **changes)

        return self._commit(index.row(), build, self._save)


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for a column with a fixed set of values (the tier)."""

    def __init__(self, choices: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.addItems(self._choices)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class _RetiredFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.show_retired = False
        self.setSortRole(_RowsModel.SortRole)

    def set_show_retired(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_retired = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        person = self.sourceModel().index(source_row, 0, source_parent).data(_RowsModel.ObjectRole)
        return self.show_retired or not (isinstance(person, Person) and person.retired)


def _table(model: QSortFilterProxyModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().setVisible(False)
    # Sorting on starts from the first column ascending (Qt's default indicator is descending: the register
    # came up Z to A).
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName("Message")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DeputiesDialog(QDialog):
    """A checklist of the body's other current people: who may deputise for one person."""

    def __init__(
        self, principal: Person, candidates: Sequence[Person], chosen: Iterable[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.principal = principal
        self.setWindowTitle(f"Deputies — {principal.name}")
        wanted = set(chosen)
        label = QLabel(f"Tick the people who may deputise for {principal.name}:")
        label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Deputies")
        for person in candidates:
            text = person.name + (f" ({person.initials})" if person.initials else "")
            if person.retired:
                text += " — retired"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in wanted else Qt.CheckState.Unchecked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def set_checked(self, person_id: int, checked: bool = True) -> None:
        for item in self.items():
            if item.data(Qt.ItemDataRole.UserRole) == person_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_ids(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in self.items()
            if item.checkState() == Qt.CheckState.Checked
        ]


class _BodyListDialog(QDialog):
    """What the People and Register dialogs share: a message line and importing a list file."""

    changed = Signal()
    IMPORT_WHAT = ""  # "People" or "Register", as the file-picker title and the report say

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = _message_label()

    def show_problem(self, text: str) -> None:
        self.message.setText(f"<b>Not saved:</b> {_escape(text)}")

    def show_note(self, text: str) -> None:
        self.message.setText(_escape(text))

    def reload(self) -> None:
        raise NotImplementedError

    def _import_with(self, importer: Callable[[Store, int, Path], ImportReport], path: Path) -> None:
        try:
            report = importer(self.store, self.body_id, path)
        except StorageError as exc:
            self.show_problem(str(exc))
            return
        self.reload()
        self.show_note(" ".join((f"{self.IMPORT_WHAT} from {path.name}: {report.summary}", *report.warnings)))
        self.changed.emit()

    def _ask_import(self) -> None:
        title = f"Import {self.IMPORT_WHAT.lower()}"
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), IMPORT_FILTER)
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> None:
        raise NotImplementedError

    store: Store
    body_id: int


class PeopleDialog(_BodyListDialog):
    """The people of one body: edit in place; add, retire or reinstate, merge two records, choose deputies,
    import a CSV or Excel file."""

    IMPORT_WHAT = "People"

    def __init__(self, store: Store, body_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.body_id = store, body_id
        body = store.body(body_id)
        self.setWindowTitle(f"People — {body.name}")
        self.resize(1100, 560)
        self.model = PeopleModel(self._save, self)
        self.proxy = _RetiredFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = _table(self.proxy, "People")
        self.view.setItemDelegateForColumn(PeopleModel.COL_TIER, _ChoiceDelegate(list(TIER_LABELS.values()), self))
        self.show_retired = QCheckBox("Show retired people")
        self.add_button = QPushButton("Add person…")
        self.retire_button = QPushButton("Retire / reinstate")
        self.merge_button = QPushButton("Merge two…")
        self.deputies_button = QPushButton("Deputies…")
        self.deputies_button.setToolTip("Choose who may deputise for the selected person.")
        self.deputies_dialog: DeputiesDialog | None = None
        self.import_button = QPushButton("Import CSV or Excel…")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons = QHBoxLayout()
        for widget in (
            self.add_button,
            self.retire_button,
            self.merge_button,
            self.deputies_button,
            self.import_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        buttons.addWidget(close)
        hint = QLabel(
            "Double-click a cell to change it; tick Voting for members with a vote. Initials must differ between "
            "current people. Role tags (chair, vice-chair, executive, non-executive…) are what the rules name. "
            "Deputies… (or a double-click on the Deputies column) chooses who may stand in for someone."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.model.error.connect(self.show_problem)
        self.show_retired.toggled.connect(self.proxy.set_show_retired)
        self.add_button.clicked.connect(self._ask_add)
        self.retire_button.clicked.connect(self.retire_selected)
        self.merge_button.clicked.connect(self._ask_merge)
        self.deputies_button.clicked.connect(self._ask_deputies)
        self.view.doubleClicked.connect(self._double_clicked)
        self.import_button.clicked.connect(self._ask_import)
        close.rejected.connect(self.reject)
        self.reload()
        self.view.sortByColumn(PeopleModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self._fit_columns()

    # Columns that give way when the dialog is narrow, and the widest the others start out.
    _SHRINKING = (PeopleModel.COL_ROLE, PeopleModel.COL_ORGANISATION)
    _WIDEST: ClassVar[dict[int, int]] = {
        PeopleModel.COL_NAME: 220,
        PeopleModel.COL_TAGS: 150,
        PeopleModel.COL_DEPUTIES: 120,
    }

    def _fit_columns(self) -> None:
        """Every column in view without scrolling sideways (Voting and Deputies were off to the right): the
        short columns fit their contents, Role and Organisation share the rest and show it whole on hover."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        self.view.resizeColumnsToContents()
        for column, widest in self._WIDEST.items():
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        for column in self._SHRINKING:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)

    def reload(self) -> None:
        people = self.store.people(self.body_id)
        deputies = {p.id: load_deputies(self.store, p.id) for p in people if p.id is not None}
        self.model.set_people(people, deputies)

    def _save(self, person: Person) -> Person:
        saved = commands.edit_person(self.store, person)
        self.message.clear()
        self.changed.emit()
        return saved

    def selected_people(self) -> list[Person]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.person(r) for r in rows]

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def add_person(self, name: str) -> Person | None:
        try:
            person = commands.add_person(self.store, Person(None, self.body_id, name))
        except StorageError as exc:
            self.show_problem(str(exc))
            return None
        self.reload()
        assert person.id is not None
        self.select_person(person.id)
        self.show_note(f"Added {person.name}. Fill in their role, initials and tier.")
        self.changed.emit()
        return person

    def _ask_add(self) -> None:
        name, ok = QInputDialog.getText(self, "Add person", "Full name (with title, e.g. Dr Jane Smith):")
        if ok and name.strip():
            self.add_person(name)

    def retire_selected(self) -> None:
        for person in self.selected_people():
            assert person.id is not None
            try:
                commands.retire_person(self.store, person.id, retired=not person.retired)
            except StorageError as exc:
                self.show_problem(str(exc))
                break
            self.show_note(f"{person.name} {'reinstated' if person.retired else 'retired'}; their history is kept.")
        self.reload()
        self.changed.emit()

    def merge(self, keep_id: int, other_id: int) -> Person | None:
        try:
            kept = commands.merge_people(self.store, keep_id, other_id)
        except StorageError as exc:
            self.show_problem(str(exc))
            return None
        self.reload()
        self.select_person(keep_id)
        self.show_note(f"Merged into {kept.name}; the other name is kept as an alias and all history moved.")
        self.changed.emit()
        return kept

    def _ask_merge(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 2:
            self.show_problem("Select exactly two people (Ctrl+click) to merge.")
            return
        first, second = chosen
        box = QMessageBox(self)
        box.setWindowTitle("Merge two records")
        box.setText(f"Are {first.name} and {second.name} the same person? Choose the record to keep.")
        keep_first = box.addButton(f"Keep {first.name}", QMessageBox.ButtonRole.AcceptRole)
        keep_second = box.addButton(f"Keep {second.name}", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is keep_first:
            self.merge(first.id or 0, second.id or 0)
        elif box.clickedButton() is keep_second:
            self.merge(second.id or 0, first.id or 0)

    def set_deputies(self, person_id: int, deputy_ids: Iterable[int]) -> bool:
        """Save who may deputise for a person (through the command), then redraw; False with a message if refused."""
        try:
            saved = commands.set_deputies(self.store, person_id, deputy_ids)
        except StorageError as exc:
            self.show_problem(str(exc))
            return False
        self.reload()
        self.select_person(person_id)
        row = self.model.row_of(person_id)
        name = self.model.person(row).name if row >= 0 else "This person"
        names = [self.model.person(r).name for r in map(self.model.row_of, saved) if r >= 0]
        if names:
            self.show_note(f"May deputise for {name}: " + ", ".join(names) + ".")
        else:
            self.show_note(f"No one is set to deputise for {name} now.")
        self.changed.emit()
        return True

    def open_deputies(self, person: Person) -> DeputiesDialog | None:
        """Open (without blocking) the checklist of who may deputise for `person`; OK saves it."""
        if person.id is None:
            return None
        person_id = person.id
        current = set(self.model.deputy_ids(person_id))
        candidates = sorted(
            (
                p
                for p in self.store.people(self.body_id)
                if p.id is not None and p.id != person_id and (not p.retired or p.id in current)
            ),
            key=lambda p: (p.retired, p.name.casefold()),
        )
        if not candidates:
            self.show_problem(f"There is no one else among this body's current people to deputise for {person.name}.")
            return None
        if self.deputies_dialog is not None:
            self.deputies_dialog.close()
        dialog = DeputiesDialog(person, candidates, current, self)
        dialog.accepted.connect(lambda: self.set_deputies(person_id, dialog.chosen_ids()))
        dialog.finished.connect(lambda _result: self._deputies_closed(dialog))
        self.deputies_dialog = dialog
        dialog.open()
        return dialog

    def _deputies_closed(self, dialog: DeputiesDialog) -> None:
        if self.deputies_dialog is dialog:
            self.deputies_dialog = None
        dialog.deleteLater()

    def _ask_deputies(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 1:
            self.show_problem("Select one person to choose who may deputise for them.")
            return
        self.open_deputies(chosen[0])

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == PeopleModel.COL_DEPUTIES:
            self.open_deputies(self.model.person(self.proxy.mapToSource(index).row()))

    def import_csv(self, path: Path) -> None:
        self._import_with(commands.import_people_csv, path)


# -- the register of interests ---------------------------------------------------------------------------------

KIND_FILTERS = (
    ("Every kind of interest", None),
    ("Financial", "financial"),
    ("Non-financial professional", "non_financial_professional"),
    ("Non-financial personal", "non_financial_personal"),
    ("Indirect", "indirect"),
)


class RegisterModel(_RowsModel):
    (
        COL_PERSON,
        COL_POSITION,
        COL_DECLARE,
        COL_FINANCIAL,
        COL_PROFESSIONAL,
        COL_PERSONAL,
        COL_INDIRECT,
        COL_DETAILS,
        COL_FROM,
        COL_TO,
        COL_MITIGATION,
        COL_DECLARED,
    ) = range(12)
    HEADERS = (
        "Name",
        "Position",
        "To declare",
        "Financial",
        "Non-fin. professional",
        "Non-fin. personal",
        "Indirect",
        "Details of interest",
        "From",
        "To",
        "Actions to mitigate",
        "Declared",
    )
    _FLAG_FIELDS: ClassVar[dict[int, str]] = {
        COL_FINANCIAL: "financial",
        COL_PROFESSIONAL: "non_financial_professional",
        COL_PERSONAL: "non_financial_personal",
        COL_INDIRECT: "indirect",
    }
    _TEXT_FIELDS: ClassVar[dict[int, str]] = {
        COL_POSITION: "position",
        COL_DECLARE: "interests_to_declare",
        COL_DETAILS: "details",
        COL_FROM: "date_from",
        COL_TO: "date_to",
        COL_MITIGATION: "mitigation",
        COL_DECLARED: "date_declared",
    }
    _ISO: ClassVar[dict[int, str]] = {
        COL_FROM: "date_from_iso",
        COL_TO: "date_to_iso",
        COL_DECLARED: "date_declared_iso",
    }

    def __init__(self, save: Callable[[RegisterRow], RegisterRow], parent: Any = None) -> None:
        super().__init__(parent)
        self._save = save
        self._names: dict[int, str] = {}

    def set_register(self, rows: Sequence[RegisterRow], names: dict[int, str]) -> None:
        self._names = dict(names)
        self.set_rows(rows)

    def entry(self, row: int) -> RegisterRow:
        entry: RegisterRow = self._rows[row]
        return entry

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e, column = self.entry(index.row()), index.column()
        if role == self.ObjectRole:
            return e
        if column in self._FLAG_FIELDS:
            flag = bool(getattr(e, self._FLAG_FIELDS[column]))
            if role == Qt.ItemDataRole.CheckStateRole:
                return self._check(flag)
            if role == self.SortRole:
                return int(flag)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column in self._ISO:
            iso = getattr(e, self._ISO[column])
            return f"Read as {iso}" if iso else "No date in this text"
        if role == self.SortRole and column in self._ISO:
            return getattr(e, self._ISO[column]) or ""
        if role == self.SortRole and column == self.COL_PERSON:  # by surname, as the register prints
            return "\t".join(commands.surname_key(self._names.get(e.person_id, "")))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, self.SortRole):
            if column == self.COL_PERSON:
                return self._names.get(e.person_id, "")
            return getattr(e, self._TEXT_FIELDS[column])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.COL_PERSON:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return self._checkable(index, tuple(self._FLAG_FIELDS))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() == self.COL_PERSON:
            return False
        e, column = self.entry(index.row()), index.column()
        if column in self._FLAG_FIELDS:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            changes: dict[str, Any] = {self._FLAG_FIELDS[column]: self._is_checked(value)}
        elif role == Qt.ItemDataRole.EditRole:
            changes = {self._TEXT_FIELDS[column]: str(value if value is not None else "")}
        else:
            return False
        return self._commit(index.row(), lambda: replace(e, **changes), self._save)


class RegisterFilter(QSortFilterProxyModel):
    """Shows one person's rows, one kind of interest, or both."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.person_id: int | None = None
        self.kind: str | None = None
        self.setSortRole(_RowsModel.SortRole)

    def set_person(self, person_id: int | None) -> None:
        self.beginFilterChange()
        self.person_id = person_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self.kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        entry = self.sourceModel().index(source_row, 0, source_parent).data(_RowsModel.ObjectRole)
        if not isinstance(entry, RegisterRow):
            return False
        if self.person_id is not None and entry.person_id != self.person_id:
            return False
        return self.kind is None or bool(getattr(entry, self.kind))


class RegisterDialog(_BodyListDialog):
    """The register of interests of one body: filter, edit in place, add and delete rows, import and export."""

    IMPORT_WHAT = "Register"

    def __init__(self, store: Store, body_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.body_id = store, body_id
        self.setWindowTitle(f"Register of interests — {store.body(body_id).name}")
        self.resize(1280, 600)
        self.model = RegisterModel(self._save, self)
        self.proxy = RegisterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = _table(self.proxy, "Register of interests")
        self.view.setWordWrap(True)
        self.person_filter = QComboBox()
        self.person_filter.setAccessibleName("Person")
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Kind of interest")
        for label, kind in KIND_FILTERS:
            self.kind_filter.addItem(label, kind)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Person:"))
        filters.addWidget(self.person_filter, 1)
        filters.addWidget(QLabel("Kind:"))
        filters.addWidget(self.kind_filter)
        filters.addStretch(1)
        filters.addWidget(self.count)
        self.add_button = QPushButton("Add entry")
        self.delete_button = QPushButton("Delete entry")
        self.import_button = QPushButton("Import CSV or Excel…")
        self.export_button = QPushButton("Export extract…")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.delete_button, self.import_button, self.export_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.model.error.connect(self.show_problem)
        self.person_filter.currentIndexChanged.connect(self._filter_changed)
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        close.rejected.connect(self.reject)
        self.reload()
        for column, width in ((RegisterModel.COL_DETAILS, 320), (RegisterModel.COL_MITIGATION, 220)):
            self.view.setColumnWidth(column, width)
        for column in (*RegisterModel._FLAG_FIELDS, RegisterModel.COL_DECLARE):
            self.view.resizeColumnToContents(column)  # the headers are wider than the tick boxes
        self.view.setColumnWidth(RegisterModel.COL_PERSON, 160)
        self.view.setColumnWidth(RegisterModel.COL_POSITION, 200)

    def reload(self) -> None:
        people = self.store.people(self.body_id)
        names = {p.id: p.name for p in people if p.id is not None}
        chosen = self.person_filter.currentData()
        self.person_filter.blockSignals(True)
        self.person_filter.clear()
        self.person_filter.addItem("Everyone", None)
        for person in sorted(people, key=lambda p: (p.retired, p.name.split()[-1].casefold())):
            self.person_filter.addItem(person.name + (" (retired)" if person.retired else ""), person.id)
        self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(chosen)))
        self.person_filter.blockSignals(False)
        self.model.set_register(load_register(self.store, self.body_id), names)
        self._filter_changed()

    def set_person_filter(self, person_id: int | None) -> None:
        self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(person_id)))

    def set_kind_filter(self, kind: str | None) -> None:
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))

    def _filter_changed(self) -> None:
        self.proxy.set_person(self.person_filter.currentData())
        self.proxy.set_kind(self.kind_filter.currentData())
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} entries")

    def _save(self, entry: RegisterRow) -> RegisterRow:
        saved = commands.edit_interest(self.store, entry)
        self.message.clear()
        self.changed.emit()
        return saved

    def add_entry(self, person_id: int | None = None) -> RegisterRow | None:
        """A new blank row for the filtered person (or the selected row's person), ready to fill in."""
        if person_id is None:
            person_id = self.person_filter.currentData()
        if person_id is None:
            selected = [self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()]
            person_id = self.model.entry(selected[0]).person_id if selected else None
        if person_id is None:
            self.show_problem("Choose a person in the Person list first, then add their entry.")
            return None
        person = next((p for p in self.store.people(self.body_id) if p.id == person_id), None)
        try:
            entry = commands.add_interest(
                self.store, RegisterRow(None, person_id, position=person.role if person else "")
            )
        except StorageError as exc:
            self.show_problem(str(exc))
            return None
        self.reload()
        self.show_note("Entry added: fill in the details of the interest.")
        self.changed.emit()
        return entry

    def delete_selected(self) -> None:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        for row in rows:
            entry = self.model.entry(row)
            assert entry.id is not None
            commands.delete_interest(self.store, entry.id)
        if rows:
            self.show_note(f"Deleted {len(rows)} {'entry' if len(rows) == 1 else 'entries'}; the history keeps them.")
            self.reload()
            self.changed.emit()

    def import_csv(self, path: Path) -> None:
        self._import_with(commands.import_register_csv, path)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export register extract", str(Path.home() / "register-of-interests.csv"), "CSV (*.csv)"
        )
        if not path:
            return
        person_id = self.person_filter.currentData()
        try:
            out = commands.export_register_csv(self.store, self.body_id, Path(path), [person_id] if person_id else None)
        except OSError as exc:
            self.show_problem(f"The extract could not be written to {path}: {exc.strerror or exc}.")
            return
        self.show_note(f"Register extract written to {out}.")


# -- the rule set ----------------------------------------------------------------------------------------------


class InterestRulesModel(_RowsModel):
    COL_KIND, COL_SPEAK, COL_VOTE, COL_LEAVE, COL_NOTE = range(5)
    HEADERS = ("Kind of interest", "May speak", "May vote", "Must leave", "Note")
    _FLAGS: ClassVar[dict[int, str]] = {COL_SPEAK: "may_speak", COL_VOTE: "may_vote", COL_LEAVE: "must_leave"}
    edited = Signal()

    def rule(self, row: int) -> InterestRule:
        rule: InterestRule = self._rows[row]
        return rule

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, column = self.rule(index.row()), index.column()
        if role == self.ObjectRole:
            return r
        if column in self._FLAGS:
            value = bool(getattr(r, self._FLAGS[column]))
            if role == Qt.ItemDataRole.CheckStateRole:
                return self._check(value)
            return int(value) if role == self.SortRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, self.SortRole):
            return r.kind.replace("_", " ") if column == self.COL_KIND else r.note
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._checkable(index, tuple(self._FLAGS))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        r, column = self.rule(index.row()), index.column()
        if column in self._FLAGS:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            flags = {name: getattr(r, name) for name in self._FLAGS.values()}
            flags[self._FLAGS[column]] = self._is_checked(value)
            if column == self.COL_LEAVE and flags["must_leave"]:
                flags["may_vote"] = False  # leaving the room means not voting
            if column == self.COL_VOTE and flags["may_vote"]:
                flags["must_leave"] = False
            changed = {**flags}
        elif role == Qt.ItemDataRole.EditRole:
            changed = {"kind" if column == self.COL_KIND else "note": str(value if value is not None else "").strip()}
        else:
            return False

        def build() -> InterestRule:
            return InterestRule(**{**_rule_fields(r), **changed})

        ok = self._commit(index.row(), build, lambda rule: rule)
        if ok:
            self.edited.emit()
        return ok


def _rule_fields(rule: InterestRule) -> dict[str, Any]:
    return {
        "kind": rule.kind,
        "may_speak": rule.may_speak,
        "may_vote": rule.may_vote,
        "must_leave": rule.must_leave,
        "note": rule.note,
    }


def _fraction_text(value: float | None) -> str:
    if value is None:
        return ""
    exact = Fraction(value).limit_denominator(1000)
    return str(exact.numerator) if exact.denominator == 1 else f"{exact.numerator}/{exact.denominator}"


def _roles_text(roles: Sequence[RoleRequirement]) -> str:
    return "; ".join((f"{r.count} × " if r.count > 1 else "") + " | ".join(r.any_of) for r in roles)


def _roles_from_text(text: str, previous: Sequence[RoleRequirement]) -> tuple[RoleRequirement, ...]:
    """ "chair | vice-chair; executive; 2 × non-executive" → requirements, keeping labels of unchanged ones."""
    roles = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        count = 1
        if match := re.match(r"^(\d+)\s*[×x*]\s*", part):
            count, part = int(match[1]), part[match.end() :]
        tags = tuple(t.strip() for t in re.split(r"\||\bor\b", part) if t.strip())
        if not tags:
            raise ValueError(f"required roles: “{part}” names no role tag")
        same = next((r for r in previous if r.any_of == tags and r.count == count), None)
        roles.append(same or RoleRequirement(any_of=tags, count=count))
    return tuple(roles)


class RulesDialog(QDialog):
    """The body's rule set: a preset to start from, every main field, the rules in sentences and a worked example.

    The sentences and the example are regenerated on every change; a change that cannot be right (a fraction
    above 1) shows why and disables Save. Saving goes through `commands.people.set_rules`.
    """

    saved = Signal()

    _ENUMS: tuple[tuple[str, str, type[Any], dict[str, str]], ...] = (
        (
            "quorum_rounding",
            "Rounding",
            QuorumRounding,
            {"up": "Round up", "down": "Round down", "nearest": "Nearest whole number", "more_than": "More than"},
        ),
        ("quorum_counts", "Counts", QuorumCounts, {"voting_members": "Voting members", "members": "All members"}),
        ("majority_comparison", "Majority", MajorityComparison, {"more_than": "More than", "at_least": "At least"}),
        (
            "majority_base",
            "Of",
            MajorityBase,
            {"present_and_voting": "Present and voting", "present": "Present", "in_post": "All in post"},
        ),
        (
            "abstentions",
            "Abstentions",
            Abstentions,
            {"not_votes_cast": "Are not votes cast", "votes_cast": "Count as votes cast"},
        ),
        ("casting_vote", "Casting vote", CastingVote, {"chair": "Person presiding", "none": "None"}),
        (
            "tie_without_casting_vote",
            "A tie without one",
            TieOutcome,
            {"lost": "The motion is lost", "no_decision": "No decision"},
        ),
    )
    _FLAGS = (
        ("deputies_count", "Deputies count towards the quorum"),
        ("conflicted_count_for_quorum", "Members barred by an interest still count towards the quorum"),
        ("deputies_may_vote", "Deputies may vote"),
        ("casting_vote_if_conflicted", "A conflicted chair keeps the casting vote"),
        ("recorded_vote_on_request", "A member may require a recorded (named) vote"),
    )

    _DEDICATED = frozenset(
        {
            "name",
            "source",
            "quorum_number",
            "quorum_fraction",
            "majority_fraction",
            "required_roles",
            "recorded_vote_topics",
            "recorded_vote_requesters",
            "interest_rules",
            "assumptions",  # shown beside the sentences; they come with a preset
            *(field for field, *_rest in _ENUMS),
            *(field for field, _label in _FLAGS),
        }
    )

    def __init__(self, store: Store, body_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.body_id = store, body_id
        body = store.body(body_id)
        self.setWindowTitle(f"Rules — {body.name}")
        self.resize(1180, 760)
        self._base = body.rules  # what unedited fields (source, assumptions, labels) come from
        self._loading = False

        self.preset = QComboBox()
        self.preset.setAccessibleName("Preset")
        self.preset.addItem(f"Saved rules: {body.rules.name}", "")
        for key, rules in PRESETS.items():
            self.preset.addItem(rules.name, key)
        self.name = QLineEdit()
        self.source = QLineEdit()
        self.quorum_number = QSpinBox()
        self.quorum_number.setRange(0, 999)
        self.quorum_number.setSpecialValueText("None")
        self.quorum_fraction = QLineEdit()
        self.quorum_fraction.setPlaceholderText("e.g. 1/2, or blank for none")
        self.majority_fraction = QLineEdit()
        self.required_roles = QLineEdit()
        self.required_roles.setPlaceholderText("chair | vice-chair; executive; non-executive")
        self.recorded_topics = QLineEdit()
        self.recorded_topics.setPlaceholderText("budget, council tax")
        self.recorded_requesters = QSpinBox()
        self.recorded_requesters.setRange(1, 99)
        self.combos: dict[str, QComboBox] = {}
        for field, _label, kind, labels in self._ENUMS:
            combo = QComboBox()
            for member in kind:
                combo.addItem(labels.get(member.value, member.value), member.value)
            self.combos[field] = combo
        self.checks = {field: QCheckBox(label) for field, label in self._FLAGS}
        self.interest_model = InterestRulesModel(self)
        self.interest_view = QTableView()
        self.interest_view.setModel(self.interest_model)
        self.interest_view.setAccessibleName("Interest rules")
        self.interest_view.verticalHeader().setVisible(False)
        self.interest_view.horizontalHeader().setStretchLastSection(True)

        quorum = QFormLayout()
        quorum.addRow("At least this many", self.quorum_number)
        quorum.addRow("Fraction of those in post", self.quorum_fraction)
        quorum.addRow("Rounding", self.combos["quorum_rounding"])
        quorum.addRow("Who counts", self.combos["quorum_counts"])
        quorum.addRow("Required roles", self.required_roles)
        quorum.addRow(self.checks["deputies_count"])
        quorum.addRow(self.checks["conflicted_count_for_quorum"])
        quorum_box = QGroupBox("Quorum")
        quorum_box.setLayout(quorum)
        voting = QFormLayout()
        voting.addRow("Votes for must be", self.combos["majority_comparison"])
        voting.addRow("This fraction", self.majority_fraction)
        voting.addRow("Of", self.combos["majority_base"])
        voting.addRow("Abstentions", self.combos["abstentions"])
        voting.addRow(self.checks["deputies_may_vote"])
        voting.addRow("Casting vote", self.combos["casting_vote"])
        voting.addRow(self.checks["casting_vote_if_conflicted"])
        voting.addRow("A tie without one", self.combos["tie_without_casting_vote"])
        voting.addRow(self.checks["recorded_vote_on_request"])
        voting.addRow("Members needed to ask", self.recorded_requesters)
        voting.addRow("Always named on", self.recorded_topics)
        voting_box = QGroupBox("Voting")
        voting_box.setLayout(voting)
        top = QFormLayout()
        top.addRow("Start from", self.preset)
        top.addRow("Name", self.name)
        top.addRow("Source", self.source)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addLayout(top)
        form_layout.addWidget(quorum_box)
        form_layout.addWidget(voting_box)
        form_layout.addWidget(QLabel("What each kind of interest requires:"))
        form_layout.addWidget(self.interest_view, 1)
        # Rule fields without an editor above (new ones included) get one made from their type.
        extra = [spec for spec in field_specs(RuleSet) if spec.name not in self._DEDICATED]
        self.more = SettingsForm("rules", extra)
        if extra:
            more_box = QGroupBox("More rules")
            more_layout = QVBoxLayout(more_box)
            more_layout.addWidget(self.more)
            form_layout.addWidget(more_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)

        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        self.sentences.setAccessibleName("The rules in words")
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.example.setAccessibleName("Worked example")
        self.assumptions = QLabel()
        self.assumptions.setWordWrap(True)
        for label in (self.sentences, self.example, self.assumptions):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel("<b>The rules in words</b>"))
        right_layout.addWidget(self.sentences)
        right_layout.addWidget(QLabel("<b>Worked example</b> (everyone current with a vote taken as present)"))
        right_layout.addWidget(self.example)
        right_layout.addWidget(QLabel("<b>Assumptions of the preset</b>"))
        right_layout.addWidget(self.assumptions)
        right_layout.addStretch(1)
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setWidget(right)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right_scroll)
        splitter.setSizes([600, 560])

        self.message = _message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for edit in (
            self.name,
            self.source,
            self.quorum_fraction,
            self.majority_fraction,
            self.required_roles,
            self.recorded_topics,
        ):
            edit.textChanged.connect(self.refresh)
        for spin in (self.quorum_number, self.recorded_requesters):
            spin.valueChanged.connect(self.refresh)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.refresh)
        for check in self.checks.values():
            check.toggled.connect(self.refresh)
        self.more.changed.connect(self.refresh)
        self.interest_model.edited.connect(self.refresh)
        self.interest_model.error.connect(lambda text: self.message.setText(f"<b>Not changed:</b> {_escape(text)}"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.load(body.rules)

    def load(self, rules: RuleSet) -> None:
        """Fill every field from a rule set (a preset or the saved rules)."""
        self._loading = True
        self._base = rules
        self.name.setText(rules.name)
        self.source.setText(rules.source)
        self.source.setCursorPosition(0)
        self.quorum_number.setValue(rules.quorum_number or 0)
        self.quorum_fraction.setText(_fraction_text(rules.quorum_fraction))
        self.majority_fraction.setText(_fraction_text(rules.majority_fraction))
        self.required_roles.setText(_roles_text(rules.required_roles))
        self.recorded_topics.setText(", ".join(rules.recorded_vote_topics))
        self.recorded_requesters.setValue(rules.recorded_vote_requesters)
        for field, combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(getattr(rules, field).value))
        for field, check in self.checks.items():
            check.setChecked(bool(getattr(rules, field)))
        self.interest_model.set_rows(rules.interest_rules)
        self.interest_view.resizeColumnsToContents()
        self.more.set_values(rules_to_dict(rules))
        self.assumptions.setText("<ul>" + "".join(f"<li>{_escape(a)}</li>" for a in rules.assumptions) + "</ul>")
        self._loading = False
        self.refresh()

    def _preset_chosen(self) -> None:
        key = self.preset.currentData()
        self.load(PRESETS[key] if key else self.store.body(self.body_id).rules)

    def choose_preset(self, key: str) -> None:
        self.preset.setCurrentIndex(self.preset.findData(key))

    def current_rules(self) -> RuleSet:
        """The rules as the fields now say; ValueError naming the field when they cannot be right."""
        data = rules_to_dict(self._base)
        data.update(
            name=self.name.text().strip(),
            source=self.source.text().strip(),
            quorum_number=self.quorum_number.value() or None,
            quorum_fraction=self.quorum_fraction.text().strip() or None,
            majority_fraction=self.majority_fraction.text().strip() or None,
            recorded_vote_requesters=self.recorded_requesters.value(),
            recorded_vote_topics=[t.strip() for t in self.recorded_topics.text().split(",") if t.strip()],
            interest_rules=[_rule_fields(r) for r in self.interest_model.rows()],
        )
        for field, combo in self.combos.items():
            data[field] = combo.currentData()
        for field, check in self.checks.items():
            data[field] = check.isChecked()
        try:
            data.update(self.more.values())
        except SettingRefused as exc:
            raise ValueError(str(exc).removesuffix("; nothing was changed.")) from None
        rules = rules_from_dict(data)
        return replace(rules, required_roles=_roles_from_text(self.required_roles.text(), self._base.required_roles))

    def refresh(self) -> None:
        if self._loading:
            return
        try:
            rules = self.current_rules()
        except ValueError as exc:
            self.sentences.setText(f"<b>These rules cannot be right:</b> {_escape(str(exc))}")
            self.example.clear()
            self.save_button.setEnabled(False)
            return
        sentences, example = commands.rules_preview(self.store, self.body_id, rules)
        self.sentences.setText(_escape(sentences))
        self.example.setText(_escape(example))
        self.save_button.setEnabled(True)
        self.message.clear()

    def save(self) -> bool:
        try:
            body = commands.set_rules(self.store, self.body_id, self.current_rules())
        except (ValueError, StorageError) as exc:
            self.message.setText(f"<b>Not saved:</b> {_escape(str(exc))}")
            return False
        self.preset.setItemText(0, f"Saved rules: {body.rules.name}")
        self.message.setText("Rules saved.")
        self.saved.emit()
        return True

    def has_changes(self) -> bool:
        """Whether the fields say something other than the saved rules (a change that cannot be right counts)."""
        try:
            current = self.current_rules()
        except ValueError:
            return True
        return rules_to_dict(current) != rules_to_dict(self.store.body(self.body_id).rules)

    def reject(self) -> None:
        """Close, but never drop a change (a preset chosen, a field edited) without asking."""
        if self.has_changes():
            answer = ask_to_keep_changes(self, "rules", self.save_button.isEnabled())
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
