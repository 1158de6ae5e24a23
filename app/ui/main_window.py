"""The main window: the library of meetings, and a meeting with its agenda and minutes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import commands
from app.commands import library_admin
from app.domain import AgendaItem, Meeting, MinutesStatus, Part
from app.packs import DraftPack, PackError
from app.storage import RecordLocked, StorageError, Store
from app.storage.library import PackState, SearchHit
from app.ui.agenda_model import AgendaModel
from app.ui.import_task import ImportTask
from app.ui.live_mode import LiveMode
from app.ui.live_room import MessageBanner, RoomPanel
from app.ui.minute_editor import MinuteEditor, MinuteToolbar
from app.ui.minutes_workflow import MinutesWorkflow

if TYPE_CHECKING:
    from app.ui.import_review import ReviewOutcome
from app.ui import window_state
from app.ui.search_panel import SearchPanel

log = logging.getLogger(__name__)

PACK_FILTER = "Board packs (*.pdf *.txt *.md);;All files (*)"
DUPLICATE_OPEN, DUPLICATE_REVISE, DUPLICATE_NEW = "open", "revise", "new"


STATUS_WORDS = {
    MinutesStatus.DRAFT: "Draft",
    MinutesStatus.CHAIR_APPROVED: "Approved by the chair",
    MinutesStatus.BODY_APPROVED: "Approved",
    MinutesStatus.SIGNED: "Signed",
}
STATUS_FILTERS = (("All meetings", None), *((words, status) for status, words in STATUS_WORDS.items()))


@dataclass(frozen=True, slots=True)
class LibraryRow:
    meeting: Meeting
    item_count: int
    archived: bool = False


class LibraryPage(QWidget):
    """Every meeting on this computer, newest first, with its minutes' status; filtered, archived, deleted."""

    COLUMNS = ("Date", "Meeting", "Items", "Status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("<h2>Meetings</h2>")
        hint = QLabel("Open a meeting, or import its board pack (PDF or text). You can also drop a pack here.")
        hint.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a meeting by title or date")
        self.search.setAccessibleName("Find a meeting")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show meetings whose minutes are")
        for label, status in STATUS_FILTERS:
            self.status_filter.addItem(label, status)
        self.show_archived = QCheckBox("Show a&rchived")
        filters = QHBoxLayout()
        find_label = QLabel("&Find:")
        find_label.setBuddy(self.search)
        filters.addWidget(find_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.show_archived)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Meetings")
        self.list.setColumnCount(len(self.COLUMNS))
        self.list.setHeaderLabels(list(self.COLUMNS))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton("Import a board pack…")
        self.archive_button = QPushButton("&Archive")
        self.delete_button = QPushButton("&Delete…")
        self.open_button = QPushButton("Open meeting")
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._rows: list[LibraryRow] = []
        self.search.textChanged.connect(lambda _text: self._fill())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.show_archived.toggled.connect(lambda _on: self._fill())
        self.list.currentItemChanged.connect(lambda _now, _before: self._enable())

    def set_meetings(self, rows: list[LibraryRow]) -> None:
        self._rows = rows
        self._fill()

    def _shown(self, row: LibraryRow) -> bool:
        wanted = self.search.text().strip().casefold()
        status = self.status_filter.currentData()
        text = f"{row.meeting.title} {_meeting_date(row.meeting)} {row.meeting.date or ''}".casefold()
        return (
            (not row.archived or self.show_archived.isChecked())
            and (status is None or row.meeting.minutes_status == MinutesStatus(status))
            and all(word in text for word in wanted.split())
        )

    def _fill(self) -> None:
        chosen = self.selected_meeting_id()
        self.list.clear()
        for row in self._rows:
            if not self._shown(row):
                continue
            status = STATUS_WORDS[row.meeting.minutes_status] + (" · archived" if row.archived else "")
            entry = QTreeWidgetItem([_meeting_date(row.meeting), row.meeting.title, str(row.item_count), status])
            entry.setData(0, Qt.ItemDataRole.UserRole, row.meeting.id)
            entry.setData(0, Qt.ItemDataRole.UserRole + 1, row.archived)
            entry.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(entry)
            if row.meeting.id == chosen:
                self.list.setCurrentItem(entry)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self._enable()

    def _enable(self) -> None:
        entry = self.list.currentItem()
        self.open_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None)
        self.archive_button.setEnabled(entry is not None)
        archived = bool(entry.data(0, Qt.ItemDataRole.UserRole + 1)) if entry is not None else False
        self.archive_button.setText("Un&archive" if archived else "&Archive")

    def count(self) -> int:
        return self.list.topLevelItemCount()

    def selected_archived(self) -> bool:
        entry = self.list.currentItem()
        return bool(entry.data(0, Qt.ItemDataRole.UserRole + 1)) if entry is not None else False

    def selected_meeting_id(self) -> int | None:
        entry = self.list.currentItem()
        return int(entry.data(0, Qt.ItemDataRole.UserRole)) if entry else None


def _meeting_date(meeting: Meeting) -> str:
    return meeting.date.strftime("%a %-d %b %Y") if meeting.date else "No date"


class MeetingPage(QWidget):
    """One meeting: the agenda on the left, the selected item's minute on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.model = AgendaModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Agenda")
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        columns = (AgendaModel.COL_NUMBER, AgendaModel.COL_PURPOSE, AgendaModel.COL_TIME, AgendaModel.COL_STATUS)
        for column in columns:  # as narrow as their contents: the title gets the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setIndentation(14)
        self.tree.setColumnHidden(AgendaModel.COL_PRESENTER, True)

        self.item_heading = QLabel()
        self.item_heading.setWordWrap(True)
        self.item_details = QLabel()
        self.item_details.setWordWrap(True)
        self.item_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = MinuteEditor()
        self.toolbar = MinuteToolbar(self.editor)
        self.save_state = QLabel()
        self.save_state.setAccessibleName("Save state")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.item_heading)
        right_layout.addWidget(self.item_details)
        right_layout.addWidget(self.toolbar)
        right_layout.addWidget(self.editor, 1)
        right_layout.addWidget(self.save_state)

        right.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 34))  # a line of a minute in view
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([560, 700])
        splitter.setChildrenCollapsible(False)
        # Titles stay readable beside the room and the search dock, not cut to item numbers.
        self.tree.setMinimumWidth(280)
        self.splitter = splitter
        self.banner_slot = QVBoxLayout()
        self.banner_slot.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.banner_slot)
        layout.addWidget(splitter, 1)

    def add_live_panes(self, banner: MessageBanner, room: RoomPanel) -> None:
        """A live meeting's message banner above the panes and the room as a third pane on the right."""
        self.banner_slot.addWidget(banner)
        self.splitter.addWidget(room)
        # When the window narrows or the search panel opens, the minute editor gives up the width: the agenda
        # keeps its titles readable and the room its buttons (the editor only needs a line of typing).
        for pane, stretch in enumerate((0, 1, 0)):
            self.splitter.setStretchFactor(pane, stretch)
        self.splitter.setSizes([440, 520, 400])  # scaled to the window: the agenda keeps its titles readable

    def show_item(self, item: AgendaItem | None) -> None:
        self.toolbar.presenter = item.presenter if item else ""
        if item is None:
            self.item_heading.setText("<i>Choose an agenda item on the left.</i>")
            self.item_details.clear()
            return
        self.item_heading.setText(f"<h3>{item.number} {_escape(item.title)}</h3>")
        details = []
        if item.presenter:
            details.append(f"Presented by {_escape(item.presenter)}")
        if item.purpose.value:
            details.append(f"For: {item.purpose.value.capitalize()}")
        if item.planned_time:
            details.append(f"Planned {item.planned_time.strftime('%H:%M')}")
        if item.first_page:
            if item.last_page and item.last_page != item.first_page:
                details.append(f"Pack pages {item.first_page}–{item.last_page}")
            else:
                details.append(f"Pack page {item.first_page}")  # not "Pack pages 40–40"
        if item.part is Part.TWO:
            details.append("<b>Part II — confidential</b>")
        self.item_details.setText(" · ".join(details))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MainWindow(QMainWindow):
    def __init__(self, store: Store, data_dir: Path) -> None:
        super().__init__()
        self.store = store
        self.data_dir = data_dir
        self.meeting: Meeting | None = None
        self._import: ImportTask | None = None
        self._progress: QProgressDialog | None = None
        self.setWindowTitle("Quorate")
        self.setAcceptDrops(True)

        self.library = LibraryPage()
        self.meeting_page = MeetingPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.library)
        self.pages.addWidget(self.meeting_page)
        self.setCentralWidget(self.pages)
        self.live = LiveMode(self)
        self.meeting_page.add_live_panes(self.live.banner, self.live.room)
        self.minutes_flow = MinutesWorkflow(self)  # approval, signing, exports and verifying (issue 6)
        from app.ui.members import MembersUi

        self.members = MembersUi(self)  # publish, open a bundle, a member's read-only copy (issue 19)
        self.members.place_pane()
        self._build_actions()

        self.library.import_button.clicked.connect(self.choose_pack)
        self.library.open_button.clicked.connect(self._open_selected)
        self.library.list.itemActivated.connect(lambda _entry, _column: self._open_selected())
        self.library.archive_button.clicked.connect(self.archive_selected)
        self.library.delete_button.clicked.connect(self.delete_selected)
        self.meeting_page.tree.selectionModel().currentChanged.connect(self._on_current_item)
        self.meeting_page.editor.edited.connect(self._save_minute)
        self.refresh_library()
        self.show_library()
        # Fits the screen (a 1366×768 laptop too); the size, maximised state and pane widths of the last run.
        window_state.restore(self, data_dir, self.remembered_splitters())
        self.resume_live_meeting()

    def remembered_splitters(self) -> dict[str, QSplitter]:
        return {"meeting": self.meeting_page.splitter}

    # -- actions -----------------------------------------------------------------

    def _build_actions(self) -> None:
        self.import_action = QAction("&Import board pack…", self, shortcut=QKeySequence(QKeySequence.StandardKey.Open))
        self.import_action.triggered.connect(self.choose_pack)
        self.export_action = QAction("&Export minutes as PDF…", self, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_minutes)
        self.library_action = QAction("&Library", self, shortcut=QKeySequence("Ctrl+L"))
        self.library_action.triggered.connect(self.show_library)
        self.next_action = QAction("Look at the &next item", self, shortcut=QKeySequence("Ctrl+PgDown"))
        self.next_action.triggered.connect(lambda: self.step_item(1))
        self.previous_action = QAction("Look at the &previous item", self, shortcut=QKeySequence("Ctrl+PgUp"))
        self.previous_action.triggered.connect(lambda: self.step_item(-1))
        quit_action = QAction("&Quit", self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        self.search_action = QAction("&Search…", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        self.search_action.triggered.connect(self.show_search)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.import_action, self.export_action])
        self.minutes_flow.fill_file_menu(file_menu)
        self.members.fill_file_menu(file_menu)
        # Lock now, lock after being idle, change passphrase: filled by app.ui.unlock.LockGuard when encrypted.
        self._security_menu = file_menu.addMenu("Se&curity")
        self._security_menu.menuAction().setVisible(False)
        self.purge_action = QAction("Remove &old papers…", self)  # each body's retention setting (issue 18)
        self.purge_action.triggered.connect(self.remove_old_papers)
        file_menu.addAction(self.purge_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")  # undo and redo of meeting actions, where people look
        edit_menu.addActions([self.live.undo_action, self.live.redo_action])
        edit_menu.addSeparator()
        # the minute's formatting and phrases, for the keyboard too (their buttons take no focus from typing)
        minute_menu = edit_menu.addMenu("&Minute")
        minute_menu.addActions(self.meeting_page.toolbar.actions_in_order())
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        go_menu = self.menuBar().addMenu("&Go")
        go_menu.addActions([self.library_action, self.next_action, self.previous_action])
        go_menu.addAction(self.search_action)
        # The reader (issue 7): the meeting's pack beside its agenda, with the member's private notes.
        self.reader_action = QAction("&Read the pack", self, shortcut=QKeySequence("Ctrl+Shift+B"))
        self.reader_action.triggered.connect(lambda: self.open_reader())
        go_menu.addAction(self.reader_action)
        self.live.fill_menu(self.menuBar().addMenu("&Meeting"))
        minutes_menu = self.menuBar().addMenu("Mi&nutes")
        minutes_menu.addAction(self.export_action)
        minutes_menu.addSeparator()
        self.minutes_flow.fill_menu(minutes_menu)
        # The Body menu works on the open meeting's body; it is enabled only while a meeting is shown.
        self.people_action = QAction("&People…", self)
        self.people_action.triggered.connect(self.show_people)
        self.register_action = QAction("&Register of interests…", self)
        self.register_action.triggered.connect(self.show_register)
        self.rules_action = QAction("R&ules…", self)
        self.rules_action.triggered.connect(self.show_rules)
        self.body_settings_action = QAction("&Name and house style…", self)
        self.body_settings_action.triggered.connect(self.show_body_settings)
        body_actions = [self.people_action, self.register_action, self.rules_action, self.body_settings_action]
        body_menu = self.menuBar().addMenu("&Body")
        body_menu.addActions(body_actions)
        body_menu.addActions([self.members.exchange_action, self.members.send_action])

        def enable_body_actions(_page: int) -> None:
            showing = self.meeting is not None and self.pages.currentWidget() is self.meeting_page
            for action in body_actions:
                action.setEnabled(showing)

        self.pages.currentChanged.connect(enable_body_actions)
        enable_body_actions(self.pages.currentIndex())
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.live.shortcuts_action)
        about_action = QAction("&About Quorate", self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.library_action, self.import_action, self.export_action])
        toolbar.addAction(self.search_action)
        toolbar.addAction(self.reader_action)
        toolbar.addSeparator()
        toolbar.addAction(self.live.start_action)  # where a secretary looks first on the day

    def remove_old_papers(self) -> None:
        from app.ui.retention import remove_old_papers

        self.flush()
        if remove_old_papers(self.store, self) and self.meeting is not None and self.meeting.id is not None:
            self.check_pack(self.meeting.id)

    def security_menu(self) -> QMenu:
        self._security_menu.menuAction().setVisible(True)
        return self._security_menu

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Quorate",
            f"Quorate {QApplication.applicationVersion()}: board meetings, minuted live and signed, offline. "
            f"Your data is in {self.data_dir}.",
        )

    # -- library -----------------------------------------------------------------

    def refresh_library(self) -> None:
        archived = library_admin.archived_meetings(self.store)
        self.library.set_meetings(
            [LibraryRow(m, len(self.store.items(m.id or 0)), m.id in archived) for m in self.store.meetings()]
        )

    def archive_selected(self) -> None:
        meeting_id = self.library.selected_meeting_id()
        if meeting_id is None:
            return
        archive = not self.library.selected_archived()
        library_admin.archive_meeting(self.store, meeting_id, archive)
        self.refresh_library()
        self.statusBar().showMessage("Meeting archived: Show archived lists it." if archive else "Meeting restored.")

    def delete_selected(self) -> None:
        meeting_id = self.library.selected_meeting_id()
        if meeting_id is None:
            return
        meeting = self.store.meeting(meeting_id)
        question = (
            f"Delete “{meeting.title}” and everything recorded in it (minutes, attendance, votes, actions, notes)? "
            "This cannot be undone; archiving keeps it out of the list instead."
        )
        if not self.ask("Delete meeting", question):
            return
        try:
            library_admin.delete_meeting(self.store, meeting_id)
        except RecordLocked as exc:
            QMessageBox.warning(self, "Not deleted", str(exc))
            return
        self.refresh_library()
        self.statusBar().showMessage(f"Deleted “{meeting.title}”.")

    def ask(self, title: str, text: str) -> bool:
        """A Yes/No question whose default is No (destructive or irreversible answers are never the default)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_library(self) -> None:
        self.flush()
        self.refresh_library()
        self.pages.setCurrentWidget(self.library)
        self.library.list.setFocus()  # the keyboard starts in the list of meetings, not nowhere
        self.live.attach(None)
        self.minutes_flow.attach(None)
        self.members.meeting_shown(None)
        self.export_action.setEnabled(False)
        self.reader_action.setEnabled(False)
        self.next_action.setEnabled(False)
        self.previous_action.setEnabled(False)
        self.setWindowTitle("Quorate — Meetings")
        self.statusBar().showMessage(f"{self.library.count()} meetings · data in {self.data_dir}")

    def _open_selected(self) -> None:
        meeting_id = self.library.selected_meeting_id()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    # -- meeting -----------------------------------------------------------------

    def open_meeting(self, meeting_id: int) -> None:
        self.flush()
        self.meeting = self.store.meeting(meeting_id)
        page = self.meeting_page
        page.title.setText(f"<h2>{_escape(self.meeting.title)}</h2>")
        page.model.set_items(self.store.items(meeting_id))
        page.tree.expandAll()
        self.pages.setCurrentWidget(page)
        for action in (self.export_action, self.next_action, self.previous_action, self.reader_action):
            action.setEnabled(True)
        self.setWindowTitle(f"Quorate — {self.meeting.title}")
        first = page.model.index(0, 0)
        if first.isValid():
            page.tree.setCurrentIndex(first)
        else:
            self._show_item(None)
        self.minutes_flow.attach(meeting_id)  # signed minutes: read-only editor and a banner saying so
        taking = self.live.attach(meeting_id)
        if taking is not None:  # a live meeting (after a crash, too) reopens on the item being taken
            self.select_item(taking)
        page.editor.setFocus()
        self.statusBar().showMessage(
            "Live meeting: minutes are saved as you type. F1 lists the shortcuts."
            if self.live.active
            else "Minutes are saved as you type."
        )
        self.check_pack(meeting_id)  # a kept pack that is missing or changed is reported, not silently used
        self.members.meeting_shown(meeting_id)  # a member's copy of a published meeting: read-only

    def current_item(self) -> AgendaItem | None:
        index = self.meeting_page.tree.currentIndex()
        item = index.siblingAtColumn(0).data(AgendaModel.ItemRole) if index.isValid() else None
        return item if isinstance(item, AgendaItem) else None

    def _on_current_item(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.siblingAtColumn(0).data(AgendaModel.ItemRole) if current.isValid() else None
        self._show_item(item if isinstance(item, AgendaItem) else None)
        self.live.item_shown()
        self.members.item_shown()

    def select_item(self, item_id: int) -> None:
        """Show an item's minute (selecting it in the agenda); reloads it when it is already shown."""
        tree = self.meeting_page.tree
        index = self.meeting_page.model.index_for_item(item_id)
        if not index.isValid():
            return
        if tree.currentIndex().siblingAtColumn(0) == index:
            self._show_item(self.current_item())
            self.live.item_shown()
        else:
            tree.setCurrentIndex(index)
        tree.scrollTo(index)
        self.meeting_page.editor.setFocus()

    def resume_live_meeting(self) -> None:
        """After a crash (or a plain restart) mid-meeting, go straight back to the meeting being taken."""
        live = [m for m in self.store.meetings() if m.started_at is not None and m.closed_at is None]
        if live and live[0].id is not None:
            self.open_meeting(live[0].id)

    def _show_item(self, item: AgendaItem | None) -> None:
        page = self.meeting_page
        page.show_item(item)
        if item is None or item.id is None:
            page.editor.load(None, "")
            return
        minute = self.store.minute(item.id)
        page.editor.load(item.id, minute.body)
        page.save_state.setText(
            f"Saved {minute.updated_at.strftime('%H:%M:%S')}" if minute.updated_at else "Nothing written yet"
        )

    def step_item(self, step: int) -> None:
        """Show the next (previous) item. Only shows it, live or not: taking an item is its own act."""
        items = self.meeting_page.model.items_in_order()
        current = self.current_item()
        if not items:
            return
        position = next((i for i, item in enumerate(items) if current and item.id == current.id), -1)
        target = items[max(0, min(len(items) - 1, position + step))]
        if target.id is not None:
            self.meeting_page.tree.setCurrentIndex(self.meeting_page.model.index_for_item(target.id))
            self.meeting_page.editor.setFocus()
            self.live.looked_at(target)

    def _save_minute(self, item_id: int, markdown: str) -> None:
        try:
            commands.edit_minute(self.store, item_id, markdown)
        except RecordLocked as exc:
            self.minutes_flow.minute_refused(str(exc))
            return
        except StorageError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            return
        self.meeting_page.save_state.setText(f"Saved {datetime.now().strftime('%H:%M:%S')}")

    def flush(self) -> None:
        """Write any typing not yet saved (before switching, closing or reporting a crash)."""
        self.meeting_page.editor.flush()

    # -- import ------------------------------------------------------------------

    def choose_pack(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Import a board pack", str(Path.home()), PACK_FILTER)
        if path:
            self.import_pack(Path(path))

    def import_pack(self, path: Path) -> None:
        if self._import is not None:
            return
        self.flush()
        self._progress = QProgressDialog(f"Reading {path.name}…", "Cancel", 0, 0, self)
        self._progress.setWindowTitle("Importing board pack")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        task = ImportTask(path)
        task.progress.connect(self._on_import_progress)
        task.finished.connect(self._on_import_finished)
        task.failed.connect(self._on_import_failed)
        self._progress.canceled.connect(task.cancel)
        self._import = task
        task.start()

    def _on_import_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _end_import(self) -> None:
        if self._import is not None:
            self._import.wait()
            self._import = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _on_import_finished(self, draft: DraftPack) -> None:
        self._end_import()
        duplicate = library_admin.already_in_library(self.store, draft)
        if duplicate is not None and duplicate.meeting.id is not None:
            choice = self.ask_about_duplicate(duplicate, Path(draft.source_path).name)
            if choice == DUPLICATE_OPEN:
                self.open_meeting(duplicate.meeting.id)
                self.statusBar().showMessage("Opened the meeting already in the library; nothing was imported.")
                return
            if choice == DUPLICATE_REVISE:
                self.revise_meeting(duplicate.meeting.id, draft)
                return
            if choice != DUPLICATE_NEW:
                self.statusBar().showMessage("Import cancelled: nothing was saved.")
                return
        reviewed = self.review_import(draft)
        if reviewed is None:
            self.statusBar().showMessage("Import cancelled: nothing was saved.")
            return
        from app.ui.import_review import ReviewOutcome

        outcome = reviewed if isinstance(reviewed, ReviewOutcome) else ReviewOutcome(reviewed)
        try:
            result = commands.accept_reviewed(
                self.store,
                outcome.draft,
                people_choices=outcome.people_choices,
                tabled_papers=outcome.tabled_papers,
                placements=outcome.placements,
            )
        except (PackError, StorageError) as exc:
            QMessageBox.warning(self, "Import failed", str(exc))
            return
        meeting = result.meeting
        assert meeting.id is not None
        warnings = (*outcome.draft.warnings, *result.warnings)
        log.info(
            "import of meeting %s: %d warnings (shown, not logged: they quote the pack)", meeting.id, len(warnings)
        )
        self.refresh_library()
        self.open_meeting(meeting.id)
        message = f"Imported {len(outcome.draft.items)} agenda items from {Path(outcome.draft.source_path).name}"
        if result.tabled:
            count = len(result.tabled)
            message += f", with {count} paper{'' if count == 1 else 's'} tabled on the day"
        merged = result.people.merged
        if merged:
            message += f"; {merged} name{'' if merged == 1 else 's'} kept as another name of someone already listed"
        left_out = sum(1 for u in result.unplaced if u.outcome == "left out")
        if left_out:
            message += f"; {left_out} not placed and left out, as chosen"
        self.statusBar().showMessage(message + ".")

    def ask_about_duplicate(self, duplicate: library_admin.AlreadyInLibrary, file_name: str) -> str:
        """Open the meeting already there (the default), treat the pack as its revision, import it as another
        meeting (only when the file differs), or cancel. Returns one of the DUPLICATE_ choices, "" for cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Already in the library")
        box.setText(duplicate.sentence(file_name))
        open_button = box.addButton("&Open the existing meeting", QMessageBox.ButtonRole.AcceptRole)
        choices: dict[QAbstractButton, str] = {
            open_button: DUPLICATE_OPEN,
            box.addButton("Treat as a &revision of it", QMessageBox.ButtonRole.ActionRole): DUPLICATE_REVISE,
        }
        if not duplicate.same_file:
            choices[box.addButton("Import as a &new meeting", QMessageBox.ButtonRole.ActionRole)] = DUPLICATE_NEW
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        try:
            box.exec()
            clicked = box.clickedButton()
            return choices.get(clicked, "") if clicked is not None else ""
        finally:
            box.deleteLater()

    def revise_meeting(self, meeting_id: int, draft: DraftPack) -> None:
        """The pack replaces the meeting's agenda details; everything recorded stays (app/commands/revise.py)."""
        from app.commands.revise import revise_meeting

        try:
            report = revise_meeting(self.store, meeting_id, draft)
        except (PackError, StorageError) as exc:
            QMessageBox.warning(self, "Not revised", str(exc))
            return
        self.refresh_library()
        self.open_meeting(meeting_id)
        self.statusBar().showMessage(" ".join(report.summary_lines()[:2]))

    def review_import(self, draft: DraftPack) -> ReviewOutcome | DraftPack | None:
        """Show the review step: what the secretary accepted on "Save meeting", None on cancel (tests replace
        this, and may hand back only the reviewed draft)."""
        try:
            duplicates = commands.pack_duplicates(self.store, draft)
            unplaced = commands.pack_unplaced(self.store, draft)
        except StorageError as exc:  # the review still works; names are then only matched when very close
            log.warning("could not look for people already listed (%s)", type(exc).__name__)
            duplicates, unplaced = (), ()
        from app.ui.import_review import ImportReviewDialog  # loaded when a pack is imported, not at start

        dialog = ImportReviewDialog(draft, self, duplicates=duplicates, unplaced=unplaced)
        try:
            if dialog.exec() != ImportReviewDialog.DialogCode.Accepted:
                return None
            return dialog.outcome()
        finally:
            dialog.deleteLater()

    def _on_import_failed(self, message: str) -> None:
        self._end_import()
        QMessageBox.warning(self, "Import failed", message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        local: list[QUrl] = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if local and local[0].toLocalFile().lower().endswith(".quorate"):  # a meeting bundle, not a pack
            self.members.open_bundle_file(Path(local[0].toLocalFile()))
        elif local:
            self.import_pack(Path(local[0].toLocalFile()))

    # -- export ------------------------------------------------------------------

    def export_minutes(self) -> None:
        """The Part I minutes as PDF, written in a worker thread while the window stays usable."""
        if self.meeting is not None and self.meeting.id is not None:
            self.minutes_flow.export_pdf(Part.ONE)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        # The readers first: a PDF reader deleted with this window, unclosed, had its document closed under a
        # half-destroyed view (a crash); closing it releases the document while the view is whole.
        for reader in list(self.__dict__.get("_readers", {}).values()):
            reader.close()
        window_state.save(self, self.data_dir, self.remembered_splitters())
        self.minutes_flow.shutdown()
        if self._import is not None:
            self._import.cancel()
            self._end_import()
        super().closeEvent(event)

    def bring_forward(self, meeting_id: int | None = None) -> None:
        """A second launch on this data folder asked for this window (and perhaps a meeting)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if meeting_id is not None:
            try:
                self.open_meeting(meeting_id)
            except StorageError as exc:  # a meeting id that is not in this library: say so, stay where we are
                self.statusBar().showMessage(str(exc))

    # -- the body: people, register of interests, rules ----------------------------

    def show_people(self) -> None:
        from app.ui.people_dialogs import PeopleDialog

        if self.meeting is not None:
            PeopleDialog(self.store, self.meeting.body_id, self).exec()

    def show_register(self) -> None:
        from app.ui.people_dialogs import RegisterDialog

        if self.meeting is not None:
            RegisterDialog(self.store, self.meeting.body_id, self).exec()

    def show_rules(self) -> None:
        from app.ui.people_dialogs import RulesDialog

        if self.meeting is not None:
            RulesDialog(self.store, self.meeting.body_id, self).exec()

    def show_body_settings(self) -> None:
        """The body's name, this meeting's title and the house style; the window shows the new names after."""
        from app.ui.body_settings_dialog import BodySettingsDialog

        if self.meeting is None or self.meeting.id is None:
            return
        meeting_id = self.meeting.id
        dialog = BodySettingsDialog(self.store, self.meeting.body_id, meeting_id, self)
        dialog.saved.connect(lambda: self._retitled(meeting_id))
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _retitled(self, meeting_id: int) -> None:
        if self.meeting is not None and self.meeting.id == meeting_id:
            self.meeting = self.store.meeting(meeting_id)
            self.meeting_page.title.setText(f"<h2>{_escape(self.meeting.title)}</h2>")
            self.setWindowTitle(f"Quorate — {self.meeting.title}")

    # -- search ----------------------------------------------------------------------

    def search_dock(self) -> QDockWidget:
        """The dock holding the search panel, made the first time it is asked for."""
        dock = self.findChild(QDockWidget, "search-dock")
        if isinstance(dock, QDockWidget):
            return dock
        dock = QDockWidget("Search", self)
        dock.setObjectName("search-dock")
        dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        panel = SearchPanel(self.store, before_search=self.flush, parent=dock)
        panel.setObjectName("search-panel")
        panel.open_hit.connect(self.open_search_hit)
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resizeDocks([dock], [min(420, self.width() // 4)], Qt.Orientation.Horizontal)
        return dock

    def search_panel(self) -> SearchPanel:
        panel = self.search_dock().findChild(SearchPanel, "search-panel")
        assert isinstance(panel, SearchPanel)
        return panel

    def show_search(self) -> None:
        dock = self.search_dock()
        dock.show()
        dock.raise_()
        self.search_panel().focus_field()

    def open_reader(self, page: int | None = None, item_id: int | None = None) -> QMainWindow | None:
        """Open the reader on the meeting shown (one reader window per meeting), at a page or an item."""
        from app.ui.reader import ReaderWindow

        if self.meeting is None or self.meeting.id is None:
            return None
        readers: dict[int, ReaderWindow] = self.__dict__.setdefault("_readers", {})
        reader = readers.get(self.meeting.id)
        if reader is None or not reader.isVisible():
            reader = ReaderWindow(self.store, self.meeting.id, parent=self)
            reader.setWindowFlag(Qt.WindowType.Window)
            reader.notes_changed.connect(self.live.item_shown)  # a question flagged now reaches the room now
            readers[self.meeting.id] = reader
        current = self.current_item()
        target = item_id if item_id is not None else (current.id if current is not None and page is None else None)
        if target is not None:
            reader.open_item(target)
        if page is not None:
            reader.go_to_page(page)
        reader.show()
        window_state.keep_on_screen(reader)  # never partly off the screen, whatever it was last
        reader.raise_()
        return reader

    def open_search_hit(self, hit: SearchHit) -> None:
        if hit.kind == "note":  # the member's own note (issue 7): show it in the reader
            if self.meeting is None or self.meeting.id != hit.meeting_id:
                self.open_meeting(hit.meeting_id)
            reader = self.open_reader(page=hit.page)
            if reader is not None and hit.annotation_id is not None:
                reader.select_annotation(hit.annotation_id)  # type: ignore[attr-defined]
            return
        """Open the meeting a search hit is in and select its agenda item; a pack hit names its page."""
        showing = self.meeting is not None and self.pages.currentWidget() is self.meeting_page
        if not showing or self.meeting is None or self.meeting.id != hit.meeting_id:
            self.open_meeting(hit.meeting_id)
        item_id = hit.item_id
        if item_id is None and hit.kind == "pack" and hit.page is not None:
            item_id = self._item_for_page(hit.page)
        tree = self.meeting_page.tree
        index = self.meeting_page.model.index_for_item(item_id) if item_id is not None else None
        if index is not None and index.isValid():
            tree.setCurrentIndex(index)
            tree.scrollTo(index)
        if hit.kind == "pack":
            message = f"Pack page {hit.page}" if hit.page is not None else "In the pack"
        elif hit.kind == "action":
            message = "Action"
        else:
            message = "Minute"
        item = self.current_item()
        if item is not None and index is not None and index.isValid():
            message += f" · item {item.number} {item.title}"
        warning = self.pack_warning(hit.meeting_id)
        self.statusBar().showMessage(f"{message}. {warning}" if warning else message)

    def _item_for_page(self, page: int) -> int | None:
        """The narrowest agenda item whose pack pages contain `page` (a sub-item before its section)."""
        best: tuple[int, int] | None = None  # (page span, -position) to minimise
        found: int | None = None
        for position, item in enumerate(self.meeting_page.model.items_in_order()):
            if item.id is None or item.first_page is None:
                continue
            last = item.last_page or item.first_page
            if item.first_page <= page <= last:
                key = (last - item.first_page, -position)
                if best is None or key < best:
                    best, found = key, item.id
        return found

    def pack_warning(self, meeting_id: int) -> str | None:
        """The message to show when a meeting's kept pack file is missing or changed, else None."""
        try:
            status = commands.verify_pack(self.store, meeting_id)
        except (StorageError, OSError) as exc:
            log.info("pack check failed for meeting %s (%s)", meeting_id, type(exc).__name__)
            return None
        return status.message if status.state in (PackState.MISSING, PackState.CHANGED) else None

    def check_pack(self, meeting_id: int) -> None:
        """Show in the status bar (never a dialog) when a meeting's kept pack is missing or changed."""
        warning = self.pack_warning(meeting_id)
        if warning:
            self.statusBar().showMessage(warning)
