"""The dialogs of a live meeting: roll call, people coming and going, declarations, motions, votes, actions.

Each dialog only gathers what the secretary says. On OK it hands its values to a `submit` callback (a
LiveMeeting command, through the window's controller); when the command refuses with a `LiveError` the
dialog shows that sentence and stays open, so nothing typed is lost and a vote that does not add up is
never recorded. Tests drive the dialogs directly: fill them in, call `accept()`, read `error_text()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QEvent, QKeyCombination, QObject, Qt, QTime
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.commands.live import Done, LiveError, TrackedAction
from app.domain import Ballot, DeclarationConduct, MotionOutcome, Person, Presence, Tier
from app.services import room as room_svc
from app.services.rules_engine import ConflictSuggestion
from app.storage.people import RegisterRow
from app.ui.refusable_dialog import RefusableDialog

PRESENCE_LABELS = {
    Presence.PRESENT: "Present",
    Presence.APOLOGIES: "Apologies",
    Presence.ABSENT: "Absent",
    Presence.DEPUTISED: "Deputised by…",
    Presence.REMOTE: "Remote (video or phone)",
}
PRESENCE_KEYS = {Qt.Key.Key_P: Presence.PRESENT, Qt.Key.Key_A: Presence.APOLOGIES, Qt.Key.Key_X: Presence.ABSENT}
PRESENCE_KEYS[Qt.Key.Key_D] = Presence.DEPUTISED
PRESENCE_KEYS[Qt.Key.Key_R] = Presence.REMOTE

CONDUCT_LABELS = {
    DeclarationConduct.WITHDREW: "Withdrew (left the room for the item)",
    DeclarationConduct.REMAINED_NO_PART: "Remained, took no part",
    DeclarationConduct.REMAINED_TOOK_PART: "Remained and took part (not prejudicial)",
}
INTEREST_KINDS = (
    "financial",
    "non-financial professional",
    "non-financial personal",
    "indirect",
    "disclosable pecuniary",
)
BALLOT_LABELS = {
    Ballot.FOR: "For",
    Ballot.AGAINST: "Against",
    Ballot.ABSTAIN: "Abstain",
    Ballot.DID_NOT_VOTE: "Did not vote",
}
# One key per ballot in a recorded vote; B for aBstain because A is Against.
BALLOT_KEYS = {Qt.Key.Key_F: Ballot.FOR, Qt.Key.Key_A: Ballot.AGAINST, Qt.Key.Key_B: Ballot.ABSTAIN}
BALLOT_KEYS[Qt.Key.Key_N] = Ballot.DID_NOT_VOTE
RECORDED_VOTE_KEY = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_R)
DECIDED_WITHOUT_COUNT = (
    MotionOutcome.CONSENSUS,
    MotionOutcome.NOTED,
    MotionOutcome.WITHDRAWN,
    MotionOutcome.DEFERRED,
    MotionOutcome.REFERRED,
    MotionOutcome.CARRIED,
    MotionOutcome.LOST,
)


def person_label(person: Person) -> str:
    return f"{person.name} ({person.initials})" if person.initials else person.name


def _now() -> QTime:
    moment = datetime.now().time()
    return QTime(moment.hour, moment.minute)


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit(_now())
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


def _py_time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


class LiveDialog(RefusableDialog):
    """OK hands the values to `submit`; a LiveError keeps the dialog open with the sentence shown."""

    refusals = (LiveError,)

    def __init__(self, title: str, submit: Callable[[Any], Done] | None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.submit = submit
        self.done_value: Done | None = None
        self.body = self.content

    def values(self) -> Any:
        raise NotImplementedError

    def submit_values(self) -> None:
        values = self.values()
        if self.submit is not None:
            self.done_value = self.submit(values)


class ApologiesDialog(LiveDialog):
    """Before the meeting: tick who has sent apologies; the roll call then starts from them."""

    def __init__(
        self,
        people: Sequence[Person],
        sent: set[int],
        submit: Callable[[list[int]], Done],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Apologies received", submit, parent)
        self.people = QListWidget()
        self.people.setAccessibleName("People who sent apologies")
        for person in people:
            row = QListWidgetItem(f"{person.name} — {person.role}" if person.role else person.name)
            row.setData(Qt.ItemDataRole.UserRole, person.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if person.id in sent else Qt.CheckState.Unchecked)
            self.people.addItem(row)
        self.body.addWidget(QLabel("Tick everyone whose apologies have been received (Space ticks):"))
        self.body.addWidget(self.people)
        self.resize(460, 520)

    def values(self) -> list[int]:
        rows = (self.people.item(i) for i in range(self.people.count()))
        return [
            int(row.data(Qt.ItemDataRole.UserRole))
            for row in rows
            if row is not None and row.checkState() == Qt.CheckState.Checked
        ]


class _KeyedTable(QTableWidget):
    """A table where one letter sets the current row's choice and moves down (the roll call, a recorded vote)."""

    def __init__(
        self,
        keys: Mapping[Qt.Key, object],
        column: int,
        parent: QWidget | None = None,
        follow_up: Callable[[int, object], bool] | None = None,
    ) -> None:
        """`follow_up(row, choice)`, called after a key set a row's choice, returns True when it asks for more
        (the deputy of a deputised member) and the row should not move on yet."""
        super().__init__(parent)
        self._keys = keys
        self._column = column
        self._follow_up = follow_up
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        choice = self._keys.get(Qt.Key(event.key()))
        if choice is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            row = max(0, self.currentRow())
            combo = self.cellWidget(row, self._column)
            if isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(choice))
            if self._follow_up is not None and self._follow_up(row, choice):
                return
            self.setCurrentCell(min(row + 1, self.rowCount() - 1), 0)
            return
        super().keyPressEvent(event)


def _choice_combo(labels: Mapping[Any, str], name: str, blank: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the table row takes the keys; Tab leaves the table
    if blank is not None:
        combo.addItem(blank, None)
    for value, label in labels.items():
        combo.addItem(label, value)
    return combo


# -- start of the meeting --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RollCall:
    presence: dict[int, Presence]
    deputies: dict[int, int]  # deputy's id -> the member they stand in for
    public: int


ROLL_CALL_TINTS = {  # light row backgrounds, so marked and unmarked rows never look the same
    Presence.PRESENT: "#dcefe2",
    Presence.APOLOGIES: "#fbeec8",
    Presence.ABSENT: "#e4e4e4",
    Presence.DEPUTISED: "#dde7fb",
    Presence.REMOTE: "#e3f1f4",
}
NOT_MARKED = "— not yet marked —"
ALL_OWNERS = "All"  # an action for the whole body, written "All" in the Action column
TIER_ORDER = {Tier.MEMBER: 0, Tier.PARTICIPANT: 1, Tier.IN_ATTENDANCE: 2, Tier.OFFICER: 3}


class RollCallDialog(LiveDialog):
    """Everyone in the body with what the secretary heard: P present, A apologies, X absent, D deputised.

    Rows start "not yet marked" (apologies received before the meeting are marked already); OK says what it
    will record and refuses while anyone is still unmarked, so one key can never mark the whole room present.
    """

    COL_NAME, COL_ROLE, COL_PRESENCE, COL_DEPUTY = range(4)

    def __init__(
        self,
        people: Sequence[Person],
        defaults: Mapping[int, Presence | None],
        submit: Callable[[RollCall], Done] | None = None,
        public: int = 0,
        parent: QWidget | None = None,
        registered_deputies: Mapping[int, Sequence[int]] | None = None,
        remote_allowed: bool = False,
    ) -> None:
        """`registered_deputies` (member id -> deputy ids), when given, is who may deputise for each member:
        the only names offered. None: the rules let a member send anyone, named here."""
        super().__init__("Roll call", submit, parent)
        chosen = [p for p in people if p.id is not None and p.id in defaults]
        self.people = sorted(chosen, key=lambda p: TIER_ORDER.get(p.tier, 9))  # members first, then staff
        self.resize(760, 620)
        hint = QLabel(
            "Mark each person: <b>P</b> present, <b>A</b> apologies, <b>X</b> absent, <b>D</b> deputised "
            "(then choose the deputy in the list that opens). The row moves down after each key."
        )
        hint.setWordWrap(True)
        self.table = _KeyedTable(PRESENCE_KEYS, self.COL_PRESENCE, follow_up=self._ask_deputy)
        self.table.setAccessibleName("Roll call")
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Presence", "Deputised by"])
        self.table.setRowCount(len(self.people))
        deputy_choices = {p.id: person_label(p) for p in people if p.id is not None and not p.retired}
        for row, person in enumerate(self.people):
            assert person.id is not None
            self.table.setItem(row, self.COL_NAME, QTableWidgetItem(person_label(person)))
            self.table.setItem(row, self.COL_ROLE, QTableWidgetItem(person.role))
            labels = {k: v for k, v in PRESENCE_LABELS.items() if remote_allowed or k is not Presence.REMOTE}
            presence = _choice_combo(labels, f"Presence of {person.name}", blank=NOT_MARKED)
            presence.setCurrentIndex(presence.findData(defaults[person.id]) if defaults[person.id] else 0)
            allowed = None if registered_deputies is None else set(registered_deputies.get(person.id, ()))
            deputy = _choice_combo(
                {
                    pid: label
                    for pid, label in deputy_choices.items()
                    if pid != person.id and (allowed is None or pid in allowed)
                },
                f"Deputy for {person.name}",
                blank="" if allowed is None or allowed else "(no deputy registered)",
            )
            self.table.setCellWidget(row, self.COL_PRESENCE, presence)
            self.table.setCellWidget(row, self.COL_DEPUTY, deputy)
            presence.currentIndexChanged.connect(lambda _i, r=row: self._row_changed(r))
            deputy.activated.connect(lambda _i, r=row: self._deputy_chosen(r))
            self._sync_deputy(row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_ROLE, QHeaderView.ResizeMode.Stretch)
        # the choices are read whole ("— not yet marked —" was cut to "— not yet r"); the role gives way
        for column in (self.COL_NAME, self.COL_PRESENCE, self.COL_DEPUTY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setCurrentCell(0, 0)
        self.progress = QLabel()
        self.progress.setAccessibleName("Roll call progress")
        self.rest_present = QPushButton("Mark the rest p&resent")
        self.rest_absent = QPushButton("Mark the rest a&bsent")
        self.rest_present.clicked.connect(lambda: self.mark_rest(Presence.PRESENT))
        self.rest_absent.clicked.connect(lambda: self.mark_rest(Presence.ABSENT))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.rest_present)
        progress_row.addWidget(self.rest_absent)
        self.public = QSpinBox()
        self.public.setRange(0, 999)
        self.public.setValue(public)
        self.public.setAccessibleName("Members of the public")
        form = QFormLayout()
        form.addRow("Members of the &public in attendance:", self.public)
        self.body.addWidget(hint)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(progress_row)
        self.body.addLayout(form)
        for row in range(len(self.people)):
            self._paint_row(row)
        self._show_progress()
        self.table.setFocus()

    def _combo(self, row: int, column: int) -> QComboBox:
        combo = self.table.cellWidget(row, column)
        assert isinstance(combo, QComboBox)
        return combo

    def _mark(self, row: int) -> Presence | None:
        data = self._combo(row, self.COL_PRESENCE).currentData()
        return Presence(data) if data is not None else None  # Qt hands enums back as str

    def marks(self) -> dict[int, Presence | None]:
        return {person.id: self._mark(row) for row, person in enumerate(self.people) if person.id is not None}

    def _row_changed(self, row: int) -> None:
        self._sync_deputy(row)
        self._paint_row(row)
        self._show_progress()

    def _paint_row(self, row: int) -> None:
        mark = self._mark(row)
        tint = QColor(ROLL_CALL_TINTS[mark]) if mark is not None else None
        for column in (self.COL_NAME, self.COL_ROLE):
            cell = self.table.item(row, column)
            if cell is None:
                continue
            font = cell.font()
            font.setItalic(mark is None)
            cell.setFont(font)
            if tint is None:
                cell.setData(Qt.ItemDataRole.BackgroundRole, None)
                cell.setData(Qt.ItemDataRole.ForegroundRole, None)
            else:
                cell.setBackground(tint)
                cell.setForeground(QColor("black"))  # the tints are light in a dark theme too

    def _show_progress(self) -> None:
        marks = self.marks()
        self.progress.setText(room_svc.roll_call_progress(marks))
        self.ok_button().setText(room_svc.roll_call_ok_text(marks))
        unmarked = any(m is None for m in marks.values())
        self.rest_present.setEnabled(unmarked)
        self.rest_absent.setEnabled(unmarked)

    def mark_rest(self, presence: Presence) -> None:
        """Everyone not yet marked, at once: a deliberate act, shown in the counts before OK."""
        for row in range(len(self.people)):
            if self._mark(row) is None:
                combo = self._combo(row, self.COL_PRESENCE)
                combo.setCurrentIndex(combo.findData(presence))
        self.table.setFocus()

    def _ask_deputy(self, row: int, choice: object) -> bool:
        """D marks a member deputised and opens the list of who may stand in for them, for the keyboard (the
        deputy's cell takes no Tab: the table's letters go on working)."""
        deputy = self._combo(row, self.COL_DEPUTY)
        if choice != Presence.DEPUTISED or deputy.count() == 0:
            return False
        deputy.setFocus()
        deputy.showPopup()
        return True

    def _deputy_chosen(self, row: int) -> None:
        self.table.setFocus()
        self.table.setCurrentCell(min(row + 1, self.table.rowCount() - 1), 0)

    def _sync_deputy(self, row: int) -> None:
        deputised = self._mark(row) == Presence.DEPUTISED
        self._combo(row, self.COL_DEPUTY).setEnabled(deputised)

    def row_of(self, person_id: int) -> int:
        return next(row for row, p in enumerate(self.people) if p.id == person_id)

    def set_presence(self, person_id: int, presence: Presence, deputy_id: int | None = None) -> None:
        row = self.row_of(person_id)
        combo = self._combo(row, self.COL_PRESENCE)
        combo.setCurrentIndex(combo.findData(presence))
        if deputy_id is not None:
            deputy = self._combo(row, self.COL_DEPUTY)
            deputy.setCurrentIndex(deputy.findData(deputy_id))

    def values(self) -> RollCall:
        presence: dict[int, Presence] = {}
        deputies: dict[int, int] = {}
        unmarked = [p.name for row, p in enumerate(self.people) if self._mark(row) is None]
        if unmarked:
            more = f" and {len(unmarked) - 3} more" if len(unmarked) > 3 else ""
            raise LiveError(
                f"Not yet marked: {', '.join(unmarked[:3])}{more}. Press P, A, X or D on each, "
                "or mark the rest present or absent."
            )
        for row, person in enumerate(self.people):
            assert person.id is not None
            state = self._mark(row)
            assert state is not None
            presence[person.id] = state
            if state == Presence.DEPUTISED:
                deputy_id = self._combo(row, self.COL_DEPUTY).currentData()
                if deputy_id is None:
                    raise LiveError(f"Choose who deputised for {person.name}, or mark them absent.")
                deputies[int(deputy_id)] = person.id
        return RollCall(presence, deputies, self.public.value())


# -- people coming and going -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonAt:
    person_id: int
    at: time


class PersonDialog(LiveDialog):
    """Pick one person (type to filter, arrows, Enter) and the time it happened."""

    def __init__(
        self,
        title: str,
        prompt: str,
        people: Sequence[Person],
        submit: Callable[[PersonAt], Done] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, submit, parent)
        self.people = [p for p in people if p.id is not None]
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type a name or initials")
        self.filter.setAccessibleName("Find a person")
        self.list = QListWidget()
        self.list.setAccessibleName(prompt)
        self.at = _time_edit("Time")
        for person in self.people:
            entry = QListWidgetItem(f"{person_label(person)} — {person.role}" if person.role else person_label(person))
            entry.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        form = QFormLayout()
        form.addRow("&Time:", self.at)
        self.body.addWidget(QLabel(prompt))
        self.body.addWidget(self.filter)
        self.body.addWidget(self.list, 1)
        self.body.addLayout(form)
        self.list.itemActivated.connect(lambda _entry: self.accept())
        self.filter.setFocus()
        self.resize(460, 480)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and down in the filter field move through the list, so the hands stay on the keys."""
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            rows = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
            if rows:
                here = rows.index(self.list.currentRow()) if self.list.currentRow() in rows else -1
                self.list.setCurrentRow(rows[max(0, min(len(rows) - 1, here + step))])
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        first: int | None = None
        for row in range(self.list.count()):
            entry = self.list.item(row)
            shown = not wanted or wanted in entry.text().casefold()
            entry.setHidden(not shown)
            if shown and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def choose(self, person_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == person_id:
                self.list.setCurrentRow(row)

    def values(self) -> PersonAt:
        entry = self.list.currentItem()
        if entry is None or entry.isHidden():
            raise LiveError("Choose a person from the list.")
        return PersonAt(int(entry.data(Qt.ItemDataRole.UserRole)), _py_time(self.at))


# -- declarations ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeclarationInput:
    item_id: int
    person_id: int
    interest: str
    interest_id: int | None
    kind: str
    conduct: DeclarationConduct
    add_to_register: bool


def _row_kind(row: RegisterRow) -> str:
    flags = (
        (row.financial, "financial"),
        (row.non_financial_professional, "non-financial professional"),
        (row.non_financial_personal, "non-financial personal"),
        (row.indirect, "indirect"),
    )
    return next((kind for flag, kind in flags if flag), "")


class DeclarationDialog(LiveDialog):
    """Who declares, which interest (from their register rows, or typed), its type and what they did."""

    def __init__(
        self,
        items: Sequence[tuple[int, str]],
        people: Sequence[Person],
        register: Mapping[int, Sequence[RegisterRow]],
        suggestions: Sequence[ConflictSuggestion] = (),
        submit: Callable[[DeclarationInput], Done] | None = None,
        parent: QWidget | None = None,
        conduct_for: Callable[[str], DeclarationConduct] | None = None,
    ) -> None:
        """`items`: (id, label) of the item shown first, then later items a declaration may be made for now;
        `conduct_for` gives the conduct the rules expect for a kind of interest (the first one shown)."""
        super().__init__("Declaration of interest", submit, parent)
        self.register = register
        self.conduct_for = conduct_for or (lambda _kind: DeclarationConduct.REMAINED_NO_PART)
        self.item = QComboBox()
        self.item.setAccessibleName("Item the interest is in")
        for item_id, label in items:
            self.item.addItem(label, item_id)
        self.person = QComboBox()
        self.person.setAccessibleName("Person declaring")
        for person in people:
            if person.id is not None:
                self.person.addItem(person_label(person), person.id)
        self.interest = QComboBox()
        self.interest.setEditable(True)
        self.interest.setAccessibleName("Interest")
        self.interest.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.interest.setMinimumWidth(420)
        self.add_to_register = QCheckBox("&Add this interest to the register")
        self.add_to_register.setAccessibleName("Add to register")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Type of interest")
        self.kind.addItem("", "")
        for kind in INTEREST_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.conduct = QComboBox()
        self.conduct.setAccessibleName("What they did")
        for conduct, label in CONDUCT_LABELS.items():
            self.conduct.addItem(label, conduct)
        form = QFormLayout()
        form.addRow("It&em:", self.item)
        if suggestions:
            lines = "<br>".join(
                f"{s.person_name}: {s.entry.details[:90]}" for s in suggestions[:4] if s.entry.details.strip()
            )
            suggested = QLabel(f"<i>Suggested from the register:</i><br>{lines}")
            suggested.setWordWrap(True)
            suggested.setAccessibleName("Suggested conflicts")
            form.addRow(suggested)
        form.addRow("&Person:", self.person)
        form.addRow("&Interest:", self.interest)
        form.addRow("", self.add_to_register)
        form.addRow("T&ype:", self.kind)
        form.addRow("&What they did:", self.conduct)
        self.body.addLayout(form)
        self.person.currentIndexChanged.connect(self._load_interests)
        self.interest.currentIndexChanged.connect(self._on_interest_chosen)
        self.interest.editTextChanged.connect(self._on_interest_typed)
        self._conduct_chosen = False  # once the secretary picks a conduct, a change of type leaves it alone
        self.conduct.activated.connect(lambda _i: setattr(self, "_conduct_chosen", True))
        self.kind.currentIndexChanged.connect(lambda _i: self._default_conduct())
        suggested_id = next((s.person_id for s in suggestions if s.person_id is not None), None)
        if suggested_id is not None and self.person.findData(suggested_id) >= 0:
            self.person.setCurrentIndex(self.person.findData(suggested_id))
        self._load_interests()
        self._default_conduct()
        self.person.setFocus()

    def _default_conduct(self) -> None:
        if not self._conduct_chosen:
            conduct = self.conduct_for(str(self.kind.currentData() or ""))
            self.conduct.setCurrentIndex(self.conduct.findData(conduct))

    def _show_start(self) -> None:
        """Long register entries: show their beginning, which names the organisation."""
        line = self.interest.lineEdit()
        if line is not None:
            line.setCursorPosition(0)

    def _rows(self) -> Sequence[RegisterRow]:
        person_id = self.person.currentData()
        return self.register.get(int(person_id), ()) if person_id is not None else ()

    def _load_interests(self) -> None:
        self.interest.blockSignals(True)
        self.interest.clear()
        for row in self._rows():
            if row.details.strip():
                self.interest.addItem(row.details.strip(), row.id)
        self.interest.blockSignals(False)
        self._on_interest_chosen()
        self._show_start()

    def _on_interest_chosen(self) -> None:
        row = next((r for r in self._rows() if r.id == self.interest.currentData()), None)
        if row is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(_row_kind(row))))
        self._on_interest_typed(self.interest.currentText())

    def _registered_id(self, text: str) -> int | None:
        wanted = text.strip()
        return next((r.id for r in self._rows() if r.details.strip() == wanted), None)

    def _on_interest_typed(self, text: str) -> None:
        typed = bool(text.strip()) and self._registered_id(text) is None
        self.add_to_register.setEnabled(typed)
        if not typed:
            self.add_to_register.setChecked(False)

    def values(self) -> DeclarationInput:
        person_id = self.person.currentData()
        if person_id is None:
            raise LiveError("Choose who is declaring.")
        text = self.interest.currentText().strip()
        interest_id = self._registered_id(text)
        if self.item.currentData() is None:
            raise LiveError("Choose the item the interest is in.")
        return DeclarationInput(
            int(self.item.currentData()),
            int(person_id),
            text,
            interest_id,
            str(self.kind.currentData() or ""),
            DeclarationConduct(self.conduct.currentData()),
            self.add_to_register.isChecked() and interest_id is None,
        )


# -- motions and votes -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MotionInput:
    text: str
    mover_id: int | None
    seconder_id: int | None
    amends_id: int | None
    amended_wording: str = ""  # an amendment: the motion as it reads if the amendment is carried


class MotionDialog(LiveDialog):
    """A motion (or an amendment to one) with its wording from a template, its mover and seconder."""

    def __init__(
        self,
        prefilled: str,
        templates: Sequence[str],
        subject: str,
        people: Sequence[Person],
        pending: Sequence[tuple[int, str]] = (),
        submit: Callable[[MotionInput], Done] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Motion", submit, parent)
        self.resize(620, 360)
        self.template = QComboBox()
        self.template.setAccessibleName("Template")
        self.template.addItem("From the item", prefilled)
        for template in templates:
            self.template.addItem(template.format(subject="…"), template.format(subject=subject))
        self.text = QPlainTextEdit(prefilled)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Wording of the motion")
        self.mover = self._people_combo(people, "Mover")
        self.seconder = self._people_combo(people, "Seconder")
        self.amends = QComboBox()
        self.amends.setAccessibleName("Amends")
        self.amends.addItem("Nothing: a new motion", None)
        for motion_id, text in pending:
            self.amends.addItem(f"Amend: {text[:80]}", motion_id)
        self.amends.setEnabled(bool(pending))
        self.as_amended = QPlainTextEdit()
        self.as_amended.setTabChangesFocus(True)
        self.as_amended.setAccessibleName("The motion as amended")
        self.as_amended.setPlaceholderText("An amendment: the whole motion as it reads if the amendment is carried")
        self.as_amended.setMaximumHeight(80)
        self.as_amended.setEnabled(False)
        self.amends.currentIndexChanged.connect(
            lambda _i: self.as_amended.setEnabled(self.amends.currentData() is not None)
        )
        form = QFormLayout()
        form.addRow("&Template:", self.template)
        form.addRow("&Wording:", self.text)
        form.addRow("&Moved by:", self.mover)
        form.addRow("&Seconded by:", self.seconder)
        form.addRow("&Amendment of:", self.amends)
        form.addRow("Motion as a&mended:", self.as_amended)
        self.body.addLayout(form)
        self.template.activated.connect(lambda _i: self.text.setPlainText(str(self.template.currentData())))
        self.text.setFocus()
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.text.setTextCursor(cursor)

    @staticmethod
    def _people_combo(people: Sequence[Person], name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem("—", None)
        for person in people:
            if person.id is not None:
                combo.addItem(person_label(person), person.id)
        return combo

    def values(self) -> MotionInput:
        return MotionInput(
            self.text.toPlainText().strip(),
            self.mover.currentData(),
            self.seconder.currentData(),
            self.amends.currentData(),
            self.as_amended.toPlainText().strip() if self.amends.currentData() is not None else "",
        )


@dataclass(frozen=True, slots=True)
class VoteInput:
    motion_id: int
    totals: tuple[int, int, int, int]  # for, against, abstain, did not vote
    ballots: dict[int, Ballot] | None  # a recorded vote, by person


class VoteDialog(LiveDialog):
    """Show-of-hands totals, or (Ctrl+R) a recorded vote naming every eligible person present."""

    def __init__(
        self,
        motions: Sequence[tuple[int, str]],
        eligible: Sequence[Person],
        submit: Callable[[VoteInput], Done] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Vote", submit, parent)
        self.resize(600, 520)
        self.eligible = [p for p in eligible if p.id is not None]
        self.motion = QComboBox()
        self.motion.setAccessibleName("Motion voted on")
        for motion_id, text in motions:
            self.motion.addItem(text[:100], motion_id)
        self.mode = QPushButton("&Recorded vote (Ctrl+R)")
        self.mode.setCheckable(True)
        self.mode.setAccessibleName("Recorded vote")
        self.mode.toggled.connect(self._switch)

        hands = QWidget()
        hands_form = QFormLayout(hands)
        self.counts: list[QSpinBox] = []
        for label in ("&For:", "A&gainst:", "A&bstain:", "&Did not vote:"):
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setAccessibleName(label.replace("&", "").rstrip(":"))
            hands_form.addRow(label, spin)
            self.counts.append(spin)
        self.votes_for, self.against, self.abstain, self.did_not_vote = self.counts
        self.unanimous = QPushButton(f"&Unanimous ({len(self.eligible)} for)")
        self.unanimous.setAccessibleName("Unanimous")
        self.unanimous.clicked.connect(self.fill_unanimous)
        hands_form.addRow("", self.unanimous)
        self.hands_count = QLabel()
        self.hands_count.setAccessibleName("Hands counted so far")
        hands_form.addRow("", self.hands_count)
        for spin in self.counts:
            spin.valueChanged.connect(self._count_hands)
        self._count_hands()

        recorded = QWidget()
        recorded_layout = QVBoxLayout(recorded)
        recorded_layout.setContentsMargins(0, 0, 0, 0)
        recorded_layout.addWidget(
            QLabel("Each person: <b>F</b> for, <b>A</b> against, <b>B</b> abstain, <b>N</b> did not vote.")
        )
        self.table = _KeyedTable(BALLOT_KEYS, 1)
        self.table.setAccessibleName("Recorded vote")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels(["Eligible and present", "Vote"])
        self.table.setRowCount(len(self.eligible))
        for row, person in enumerate(self.eligible):
            self.table.setItem(row, 0, QTableWidgetItem(person_label(person)))
            combo = _choice_combo(BALLOT_LABELS, f"Vote of {person.name}", blank="—")
            combo.currentIndexChanged.connect(self._count_ballots)
            self.table.setCellWidget(row, 1, combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, 150)
        self.table.setCurrentCell(0, 0)
        self.ballot_count = QLabel()
        self.ballot_count.setAccessibleName("Recorded so far")
        recorded_layout.addWidget(self.table, 1)
        recorded_layout.addWidget(self.ballot_count)
        self._count_ballots()

        self.pages = QStackedWidget()
        self.pages.addWidget(hands)
        self.pages.addWidget(recorded)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"{len(self.eligible)} eligible to vote on this item."), 1)
        top.addWidget(self.mode)
        form = QFormLayout()
        form.addRow("&Motion:", self.motion)
        self.body.addLayout(form)
        self.body.addLayout(top)
        self.body.addWidget(self.pages, 1)
        self.votes_for.setFocus()

    @property
    def recorded(self) -> bool:
        return self.mode.isChecked()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+R, from whichever field has focus (none of them uses it), switches to a recorded vote and back."""
        if event.keyCombination() == RECORDED_VOTE_KEY:
            self.mode.toggle()
            return
        super().keyPressEvent(event)

    def _count_ballots(self) -> None:
        """The running totals of a recorded vote, and how many names are still to be called."""
        counts = dict.fromkeys(Ballot, 0)
        missing = 0
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                counts[Ballot(combo.currentData())] += 1
            else:
                missing += 1
        totals = ", ".join(f"{BALLOT_LABELS[b].lower()} {n}" for b, n in counts.items())
        self.ballot_count.setText(f"So far: {totals}" + (f" — {missing} still to vote" if missing else " — complete"))
        self.error.hide()

    def _count_hands(self) -> None:
        """The running total of a show of hands against those eligible; an old refusal no longer applies."""
        counted = sum(spin.value() for spin in self.counts)
        eligible = len(self.eligible)
        if counted == eligible:
            state = "adds up"
        elif counted < eligible:
            state = f"{eligible - counted} still to count"
        else:
            state = f"{counted - eligible} too many"
        self.hands_count.setText(f"Counted {counted} of {eligible} — {state}")
        self.error.hide()

    def _switch(self, recorded: bool) -> None:
        self.error.hide()  # a show of hands that did not add up says nothing about a recorded vote
        self.pages.setCurrentIndex(1 if recorded else 0)
        self.mode.setText("Show of &hands (Ctrl+R)" if recorded else "&Recorded vote (Ctrl+R)")
        (self.table if recorded else self.votes_for).setFocus()

    def fill_unanimous(self) -> None:
        self.votes_for.setValue(len(self.eligible))
        for spin in (self.against, self.abstain, self.did_not_vote):
            spin.setValue(0)

    def set_ballot(self, person_id: int, ballot: Ballot) -> None:
        row = next(r for r, p in enumerate(self.eligible) if p.id == person_id)
        combo = self.table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(ballot))

    def values(self) -> VoteInput:
        motion_id = self.motion.currentData()
        if motion_id is None:
            raise LiveError("There is no motion on this item to vote on: move one first (Ctrl+M).")
        if not self.recorded:
            totals = (self.votes_for.value(), self.against.value(), self.abstain.value(), self.did_not_vote.value())
            return VoteInput(int(motion_id), totals, None)
        ballots: dict[int, Ballot] = {}
        for row, person in enumerate(self.eligible):
            combo = self.table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox) and person.id is not None
            if combo.currentData() is not None:
                ballots[person.id] = Ballot(combo.currentData())
        return VoteInput(int(motion_id), (0, 0, 0, 0), ballots)


class CastingVoteDialog(LiveDialog):
    """After a tie: the person presiding gives (or declines) a casting vote."""

    def __init__(
        self, explanation: str, submit: Callable[[Ballot | None], Done] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Casting vote", submit, parent)
        self.choice = QComboBox()
        self.choice.setAccessibleName("Casting vote")
        self.choice.addItem("For", Ballot.FOR)
        self.choice.addItem("Against", Ballot.AGAINST)
        self.choice.addItem("No casting vote given", None)
        label = QLabel(explanation)
        label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(label)
        form.addRow("The chair's &casting vote:", self.choice)
        self.body.addLayout(form)

    def values(self) -> Ballot | None:
        value = self.choice.currentData()
        return Ballot(value) if value is not None else None


@dataclass(frozen=True, slots=True)
class OutcomeInput:
    motion_id: int
    outcome: MotionOutcome
    minority_view: str
    note: str = ""  # deferred: why; referred: to whom; withdrawn: with whose leave


class OutcomeDialog(LiveDialog):
    """A decision without a count (consensus, noted, withdrawn, deferred, referred), what the minutes need with
    it (why deferred, referred to whom) and any minority view."""

    def __init__(
        self,
        motions: Sequence[tuple[int, str]],
        submit: Callable[[OutcomeInput], Done] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Outcome of a motion", submit, parent)
        self.motion = QComboBox()
        self.motion.setAccessibleName("Motion")
        for motion_id, text in motions:
            self.motion.addItem(text[:100], motion_id)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName("Outcome")
        for outcome in DECIDED_WITHOUT_COUNT:
            self.outcome.addItem(outcome.value.capitalize(), outcome)
        self.minority = QLineEdit()
        self.minority.setAccessibleName("Minority view")
        self.minority.setPlaceholderText("e.g. Cllr Smith asked that his disagreement be noted.")
        form = QFormLayout()
        form.addRow("&Motion:", self.motion)
        self.note = QLineEdit()
        self.note.setAccessibleName("Reason or referral")
        self.note.setPlaceholderText(
            "Deferred: why · Referred: to whom · Withdrawn: e.g. with the leave of the meeting"
        )
        form.addRow("&Outcome:", self.outcome)
        form.addRow("&Reason / referred to:", self.note)
        form.addRow("Minority &view:", self.minority)
        self.body.addLayout(form)

    def values(self) -> OutcomeInput:
        if self.motion.currentData() is None:
            raise LiveError("There is no motion on this item yet.")
        outcome = MotionOutcome(self.outcome.currentData())
        return OutcomeInput(int(self.motion.currentData()), outcome, self.minority.text(), self.note.text())


# -- actions ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActionInput:
    text: str
    owners: tuple[str, ...]
    due: date | None


class ActionDialog(LiveDialog):
    """An action from the minute: what, who (one or several), by when."""

    def __init__(
        self,
        item_label: str,
        people: Sequence[Person],
        default_due: date,
        submit: Callable[[ActionInput], Done] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("New action", submit, parent)
        self.resize(560, 520)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Action")
        self.text.setPlaceholderText("e.g. Review the partnership risk mitigations and report back.")
        self.filter = QLineEdit()
        self.filter.setAccessibleName("Find an owner")
        self.filter.setPlaceholderText("Type a name, Enter ticks it; or Down to a name and Space")
        self.filter.installEventFilter(self)
        self.owners = QListWidget()
        self.owners.setAccessibleName("Owners")
        everyone = QListWidgetItem("All members (the whole body)")
        everyone.setData(Qt.ItemDataRole.UserRole, ALL_OWNERS)
        everyone.setFlags(everyone.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        everyone.setCheckState(Qt.CheckState.Unchecked)
        self.owners.addItem(everyone)
        for person in people:
            entry = QListWidgetItem(person_label(person))
            entry.setData(Qt.ItemDataRole.UserRole, person.initials or person.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.owners.addItem(entry)
        self.filter.textChanged.connect(self._filter)
        self.due = QDateEdit(QDate(default_due.year, default_due.month, default_due.day))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setAccessibleName("Due date")
        self.no_due = QCheckBox("&No due date")
        self.no_due.toggled.connect(lambda on: self.due.setEnabled(not on))
        form = QFormLayout()
        form.addRow(QLabel(f"On item {item_label}"))
        form.addRow("&Action:", self.text)
        form.addRow("&Owners:", self.filter)
        form.addRow("", self.owners)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addWidget(self.no_due)
        due_row.addStretch(1)
        due_label = QLabel("&Due:")
        due_label.setBuddy(self.due)  # a row holding a layout gets no buddy, and showed the "&" itself
        form.addRow(due_label, due_row)
        self.body.addLayout(form)
        self.owners.setCurrentRow(0)
        self.text.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the owner filter, Up/Down move through the list, Enter ticks the name found and clears the filter,
        and Space ticks the chosen row while the filter is empty (a typed name may contain spaces)."""
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Space and not self.filter.text().strip():
                self._toggle_current()
                return True
            if event.key() == Qt.Key.Key_Space and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._toggle_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.filter.text().strip():
                self._toggle_current()  # Enter on a filtered name ticks it and clears the filter for the next
                self.filter.clear()
                return True
        return super().eventFilter(watched, event)

    def _visible_rows(self) -> list[int]:
        return [r for r in range(self.owners.count()) if not self.owners.item(r).isHidden()]

    def _move(self, step: int) -> None:
        rows = self._visible_rows()
        if rows:
            here = rows.index(self.owners.currentRow()) if self.owners.currentRow() in rows else -1
            self.owners.setCurrentRow(rows[max(0, min(len(rows) - 1, here + step))])

    def _toggle_current(self) -> None:
        entry = self.owners.currentItem()
        if entry is not None and not entry.isHidden():
            ticked = entry.checkState() == Qt.CheckState.Checked
            entry.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.owners.count()):
            entry = self.owners.item(row)
            entry.setHidden(bool(wanted) and wanted not in entry.text().casefold())
        visible = [r for r in range(self.owners.count()) if not self.owners.item(r).isHidden()]
        if visible:
            self.owners.setCurrentRow(visible[0])

    def tick(self, owner: str) -> None:
        for row in range(self.owners.count()):
            entry = self.owners.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == owner:
                entry.setCheckState(Qt.CheckState.Checked)

    def values(self) -> ActionInput:
        owners = tuple(
            str(self.owners.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.owners.count())
            if self.owners.item(r).checkState() == Qt.CheckState.Checked
        )
        if not owners:
            raise LiveError("Tick who owns the action (or All members): an action with no owner is never done.")
        due = None if self.no_due.isChecked() else self.due.date().toPython()
        assert due is None or isinstance(due, date)
        return ActionInput(self.text.toPlainText().strip(), owners, due)


class TrackerDialog(QDialog):
    """The body's action tracker as this meeting sees it; an update is recorded against this meeting."""

    COLUMNS = ("No.", "Action", "Owners", "Due", "Status", "RAG", "Flags")

    def __init__(
        self,
        load: Callable[[], Sequence[TrackedAction]],
        update: Callable[[int, str | None, str | None, str], Done],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Action tracker")
        self.resize(980, 560)
        self._load = load
        self._update = update
        self.rows: list[TrackedAction] = []
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName("Action tracker")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.status = QComboBox()
        self.status.setAccessibleName("New status")
        for value, label in (
            (None, "(unchanged)"),
            ("open", "Open"),
            ("complete", "Complete — propose closure"),
            ("closed", "Closed"),
        ):
            self.status.addItem(label, value)
        self.rag = QComboBox()
        self.rag.setAccessibleName("New RAG")
        for value, label in ((None, "(unchanged)"), ("red", "Red"), ("amber", "Amber"), ("green", "Green")):
            self.rag.addItem(label, value)
        self.rag.addItem("Blue (not yet due)", "blue")
        self.note = QLineEdit()
        self.note.setAccessibleName("Update")
        self.note.setPlaceholderText("What the meeting heard")
        self.record_button = QPushButton("&Record update")
        self.record_button.clicked.connect(self.record_update)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Tracker message")
        controls = QHBoxLayout()
        for caption, field in (("&Status:", self.status), ("RA&G:", self.rag)):
            buddy_label = QLabel(caption)
            buddy_label.setBuddy(field)  # the "&" marks the Alt key, and is drawn only with a buddy
            controls.addWidget(buddy_label)
            controls.addWidget(field)
        controls.addWidget(self.note, 1)
        controls.addWidget(self.record_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.rows = list(self._load())
        self.table.setRowCount(len(self.rows))
        for row, tracked in enumerate(self.rows):
            action = tracked.action
            flags = [
                label
                for on, label in (
                    (tracked.overdue, "overdue"),
                    (tracked.escalate, "ESCALATE"),
                    (tracked.carried_in, "carried in"),
                )
                if on
            ]
            status = {"complete": "complete — propose closure"}.get(action.status, action.status)
            if action.status == "closed" and action.closed_at:
                status = f"CLOSED ({action.closed_at:%d/%m/%Y})"
            cells = (
                action.number,
                action.text,
                ", ".join(action.owners),
                action.due.strftime("%d/%m/%Y") if action.due else "",
                status,
                action.rag,
                ", ".join(flags),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.rows and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)

    def select_number(self, number: str) -> None:
        for row, tracked in enumerate(self.rows):
            if tracked.action.number == number:
                self.table.setCurrentCell(row, 0)

    def record_update(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.message.setText("Choose an action in the list first.")
            return
        action_id = self.rows[row].action.id
        assert action_id is not None
        try:
            done = self._update(action_id, self.status.currentData(), self.rag.currentData(), self.note.text())
        except LiveError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(" ".join(done.messages) or f"{done.label}.")
        self.note.clear()
        self.reload()
        self.table.setCurrentCell(row, 0)


# -- the chair, Part II, closing -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChairInput:
    motion_id: int | None
    wording: str
    pin: str | None


class ChairConfirmDialog(LiveDialog):
    """The chair confirms quoracy (no motions given) or a resolution's final wording; a PIN when one is set."""

    def __init__(
        self,
        wording: str,
        motions: Sequence[tuple[int, str]] = (),
        submit: Callable[[ChairInput], Done] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        resolution = bool(motions)
        super().__init__("Chair confirms the resolution" if resolution else "Chair confirms quoracy", submit, parent)
        self.resize(560, 300)
        self.motion = QComboBox()
        self.motion.setAccessibleName("Resolution")
        self.texts = dict(motions)
        for motion_id, text in motions:
            self.motion.addItem(text[:100], motion_id)
        self.wording = QPlainTextEdit(motions[0][1] if motions else wording)
        self.wording.setTabChangesFocus(True)
        self.wording.setReadOnly(not resolution)
        self.wording.setAccessibleName("Final wording" if resolution else "Quoracy statement")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName("Chair's PIN")
        self.pin.setPlaceholderText("Only if the chair has set one")
        form = QFormLayout()
        if resolution:
            form.addRow("&Resolution:", self.motion)
            self.motion.currentIndexChanged.connect(
                lambda _i: self.wording.setPlainText(self.texts.get(self.motion.currentData(), ""))
            )
        form.addRow("&Wording:", self.wording)
        form.addRow("Chair's &PIN:", self.pin)
        self.body.addLayout(form)
        self.ok_button().setText("Chair confirms")
        self.pin.setFocus()

    def values(self) -> ChairInput:
        motion_id = self.motion.currentData() if self.motion.count() else None
        return ChairInput(motion_id, self.wording.toPlainText().strip(), self.pin.text() or None)


class StatementDialog(LiveDialog):
    """Shows words to be read out or recorded (Part II resolution, closing) and asks to go ahead."""

    def __init__(
        self,
        title: str,
        statement: str,
        ok_text: str,
        submit: Callable[[None], Done] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, submit, parent)
        self.statement = QLabel(statement)
        self.statement.setWordWrap(True)
        self.statement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statement.setAccessibleName(title)
        self.statement.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.statement)
        self.ok_button().setText(ok_text)
        self.setMinimumWidth(520)
        self.adjustSize()  # as tall as the words: no empty space under a short statement

    def values(self) -> None:
        return None


class AdjournDialog(LiveDialog):
    """The chair adjourns the meeting: the time is its end, the items not reached are minuted as not taken, and
    the minutes say when it reconvenes when that was fixed."""

    def __init__(self, statement: str, submit: Callable[[str], Done] | None = None, parent: QWidget | None = None):
        super().__init__("Adjourn meeting", submit, parent)
        self.to = QLineEdit()
        self.to.setAccessibleName("When the meeting reconvenes")
        self.to.setPlaceholderText("e.g. Tuesday 3 March at 10:00 (empty: no time fixed)")
        form = QFormLayout()
        form.addRow("&Reconvenes (minuted):", self.to)
        words = QLabel(statement)
        words.setWordWrap(True)
        self.body.addWidget(words)
        self.body.addLayout(form)
        self.ok_button().setText("Adjourn meeting")
        self.to.setFocus()
        self.setMinimumWidth(520)

    def values(self) -> str:
        return " ".join(self.to.text().split())


class DeferDialog(LiveDialog):
    """Defer the item shown: the minutes say it was deferred, and why (and when it comes back) when given."""

    def __init__(
        self, item_label: str, submit: Callable[[str], Done] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Defer item", submit, parent)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Why it is deferred")
        self.reason.setPlaceholderText("e.g. the paper was not ready; it comes to the next meeting")
        form = QFormLayout()
        form.addRow("&Why (minuted):", self.reason)
        self.body.addWidget(QLabel(f"Defer {item_label}? The minutes record that it was deferred."))
        self.body.addLayout(form)
        self.ok_button().setText("Defer item")
        self.reason.setFocus()
        self.setMinimumWidth(520)

    def values(self) -> str:
        return " ".join(self.reason.text().split())


@dataclass(frozen=True)
class PinChange:
    pin: str
    current: str | None  # the PIN set now, needed to change or remove it


class ChairPinDialog(LiveDialog):
    """The chair chooses a PIN (typed twice) that each confirmation then asks for; empty turns it off. Changing or
    removing a PIN asks for the current one."""

    def __init__(self, submit: Callable[[PinChange], Done], parent: QWidget | None = None) -> None:
        super().__init__("Chair's PIN", submit, parent)
        form = QFormLayout()
        self.current = QLineEdit()
        self.pin = QLineEdit()
        self.again = QLineEdit()
        for field, name in ((self.current, "Current PIN"), (self.pin, "PIN"), (self.again, "PIN again")):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
        form.addRow("&Current PIN (if one is set):", self.current)
        form.addRow("&PIN (six or more digits; empty for none):", self.pin)
        form.addRow("PIN &again:", self.again)
        self.body.addWidget(
            QLabel(
                "Only the chair should type here. Quorate keeps a slow salted hash inside the library, never the PIN."
            )
        )
        self.body.addLayout(form)

    def values(self) -> PinChange:
        if self.pin.text() != self.again.text():
            raise LiveError("The two PINs are not the same.")
        return PinChange(self.pin.text(), self.current.text() or None)


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, from its actions, on one sheet."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 640)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (keys, does) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(does))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)

    def shortcut_texts(self) -> list[str]:
        cells = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [cell.text() for cell in cells if cell is not None]
