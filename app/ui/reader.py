"""The paper reader: a meeting's pack beside its agenda, with the member's private annotations (issue 7).

PDF packs are shown by QtPdf (`reader_pdf.PdfPackView`, pages rendered lazily, so a 500-page pack opens at
once); text packs one page at a time (`reader_text.TextPackView`). The agenda follows the page being read
and the label says where you are as the pack numbers it: "Pack p. 214 · Item 6.4 · paper p. 3".

Annotations belong to the member chosen in the toolbar (the computer's user to begin with) and are kept in
the database only (app/commands/notes.py). After a revised pack, annotations re-anchored to another
page are measured again on it here, and those that could not be placed are listed in the side pane.

Keys: PgUp/PgDn and the arrows scroll, Ctrl+Home/Ctrl+End first/last page, Alt+Left/Right previous/next
page, Ctrl+PgUp/PgDn previous/next item, Ctrl+= / Ctrl+- zoom, Ctrl+0 fit width, Ctrl+F find in this paper,
F3 next match, H highlight, U underline, Shift+S strike, Ctrl+Shift+N night mode, Ctrl+Shift+I note on the item.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import commands
from app.commands import notes
from app.domain import AgendaItem, Annotation, Part
from app.domain.annotations import COLOURS, AnnotationKind, find_in_page
from app.storage import StorageError, Store
from app.ui.agenda_model import AgendaModel
from app.ui.annotation_panel import ID_ROLE, AnnotationPanel, swatch
from app.ui.notes_passphrase import NotesPassphraseDialog
from app.ui.reader_pdf import PdfPackView, Tool
from app.ui.reader_text import TextPackView, paper_start

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
THUMB_WIDTH = 84
Shortcut = str | QKeySequence | QKeySequence.StandardKey | None
THUMB_CACHE = 120
CONFIDENTIAL_TEXT = "CONFIDENTIAL — Part II paper: not for publication; press and public excluded"


class PageStripModel(QAbstractListModel):
    """One row per pack page; a PDF page's thumbnail is rendered only when its row is shown, and kept in a
    small cache, so a 500-page pack costs only the thumbnails in sight."""

    def __init__(self, render: Callable[[int], QPixmap | None], parent: Any = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._render = render
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()
        self._labels: dict[int, str] = {}

    def reset(self, count: int, labels: dict[int, str]) -> None:
        self.beginResetModel()
        self._count, self._labels = count, labels
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        page = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            label = self._labels.get(page)
            return f"{page}" + (f"\n{label}" if label else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Pack page {page}" + (f" · item {self._labels[page]}" if page in self._labels else "")
        if role == Qt.ItemDataRole.DecorationRole:
            if page not in self._cache:
                pixmap = self._render(page)
                if pixmap is None:
                    return None
                self._cache[page] = pixmap
                while len(self._cache) > THUMB_CACHE:
                    self._cache.popitem(last=False)
            self._cache.move_to_end(page)
            return self._cache[page]
        return None


class ReaderWindow(QMainWindow):
    """A meeting's pack with its agenda and the member's notes; one per meeting."""

    notes_changed = Signal()  # after any note is added, changed or removed: a live room shows flagged questions

    def __init__(self, store: Store, meeting_id: int, owner: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.meeting = store.meeting(meeting_id)
        self.items: list[AgendaItem] = store.items(meeting_id)
        from app.commands.members import member_copy

        # A meeting published to this device's member (issue 19): the notes are theirs, and only theirs.
        self.published_to = member_copy(store, meeting_id)
        self.owner = self.published_to.member_name if self.published_to else owner or notes.current_member(store)
        self.colour = "yellow"
        self.night = False
        self._selected_id: int | None = None
        self._pending_note: tuple[int, float, float] | None = None
        self._item_note_pending = False
        self._following = False
        self._annotations: list[Annotation] = []
        self._find: tuple[str, list[tuple[int, int, int]], int] | None = None
        self.last_problem = ""
        self.passphrase_dialog: NotesPassphraseDialog | None = None
        self.setWindowTitle(f"Reader — {self.meeting.title}")
        self.resize(1400, 900)  # the window that opens it keeps it on the screen (window_state.keep_on_screen)

        self.pdf = False
        self.view: PdfPackView | TextPackView = self._open_pack()
        self.band = QLabel(CONFIDENTIAL_TEXT)
        self.band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.band.setStyleSheet(
            "background: #b80f1c; color: white; font-weight: bold; padding: 5px; letter-spacing: 1px;"
        )
        self.band.setAccessibleName("Confidential")
        self.band.setVisible(False)
        self.page_label = QLabel()
        self.page_label.setAccessibleName("Where you are")
        self.page_label.setStyleSheet("font-weight: 600; padding: 2px 4px;")
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("Find in this paper…")
        self.find_field.setAccessibleName("Find in this paper")
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setMaximumWidth(260)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textChanged.connect(lambda _t: setattr(self, "_find", None))
        self.find_state = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.page_label, 1)
        top.addWidget(self.find_state)
        top.addWidget(self.find_field)

        self.agenda = AgendaModel(self)
        self.agenda.set_items(self.items)
        self.tree = QTreeView()
        self.tree.setModel(self.agenda)
        self.tree.setAccessibleName("Agenda")
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column in (
            AgendaModel.COL_PURPOSE,
            AgendaModel.COL_TIME,
            AgendaModel.COL_PRESENTER,
            AgendaModel.COL_STATUS,
        ):
            self.tree.setColumnHidden(column, True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaModel.COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_item)

        self.strip_model = PageStripModel(self._thumbnail, self)
        self.strip = QListView()
        self.strip.setModel(self.strip_model)
        self.strip.setAccessibleName("Pages")
        self.strip.setUniformItemSizes(True)
        self.strip.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.42)) if self.pdf else QSize(0, 0))
        self.strip.setSpacing(2)
        self.strip.clicked.connect(lambda index: self.go_to_page(index.row() + 1))
        labels = {item.first_page: item.number for item in self.items if item.first_page}
        self.strip_model.reset(self.view.page_count(), labels)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tree)
        left.addWidget(self.strip)
        left.setSizes([420, 380])

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(2)
        centre_layout.addLayout(top)
        centre_layout.addWidget(self.band)
        centre_layout.addWidget(self.view, 1)

        self.panel = AnnotationPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 780, 320])
        self.setCentralWidget(splitter)
        self._build_actions()
        self._connect()
        self.refresh_annotations()
        first = next((i for i in self.items if i.first_page), None)
        if first is not None and first.id is not None:
            self._select_tree(first.id)
        self._on_page(self.view.current_page() or 1)
        self.remeasure()  # after a revision: find the moved words on their new page
        if not self.notes_open():  # the member last reading here protected their notes: ask once the window shows
            QTimer.singleShot(0, self.ask_notes_passphrase)

    # -- the pack ---------------------------------------------------------------------------

    def _open_pack(self) -> PdfPackView | TextPackView:
        message = ""
        content: bytearray | None = None
        try:
            status, content = commands.open_pack(self.store, self.meeting_id)  # decrypted in memory, never on disk
        except (StorageError, OSError) as exc:
            status, message = None, str(exc)
        if status is not None and not status.ok:
            message = status.message
        if content is not None and content[:1024].find(b"%PDF-") >= 0:
            view = PdfPackView()
            if view.open(content):
                self.pdf = True
                return view
            view.deleteLater()
            name = status.path.name if status is not None and status.path is not None else "The pack"
            message = f"{name} could not be shown as a PDF; its text is shown instead."
        text = TextPackView()
        text.open_pages(notes.pack_pages(self.store, self.meeting_id))
        if message:
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(message))
        return text

    def _thumbnail(self, page: int) -> QPixmap | None:
        if isinstance(self.view, PdfPackView):
            image = self.view.thumbnail(page, THUMB_WIDTH)
            if self.night:
                image.invertPixels()
            return QPixmap.fromImage(image)
        return None

    # -- actions ------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: Shortcut, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.addToolBar("Reader")
        bar.setObjectName("reader-toolbar")
        bar.setMovable(False)
        bar.addWidget(QLabel(" Member: "))
        self.member = QComboBox()
        self.member.setEditable(True)
        self.member.setAccessibleName("Member")
        self.member.setMinimumWidth(150)
        # The body's people first (members read their own pack), then anyone else with notes on this device.
        by_surname = sorted(self.store.people(self.meeting.body_id), key=lambda p: (p.name.split()[-1:], p.name))
        people = [p.name for p in by_surname if not p.retired]
        others = sorted({*notes.members(self.store), self.owner} - set(people))
        self.member.addItems([*people, *others])
        self.member.setCurrentText(self.owner)
        self.member.setToolTip("Whose notes these are: each member's notes are private to them")
        line = self.member.lineEdit()
        assert line is not None
        line.editingFinished.connect(lambda: self.set_owner(self.member.currentText()))
        self.member.activated.connect(lambda _n: self.set_owner(self.member.currentText()))
        bar.addWidget(self.member)
        self.protection = QLabel()
        self.protection.setAccessibleName("Notes protection")
        bar.addWidget(self.protection)
        self.protect_action = self._action("Protect…", None, self.ask_notes_passphrase)
        bar.addAction(self.protect_action)
        if self.published_to is not None:
            self.member.setEnabled(False)
            self.member.setToolTip("This copy was published to you: the notes made here are yours")
        bar.addSeparator()
        self.previous_page_action = self._action("◀ Page", "Alt+Left", lambda: self.go_to_page(self.current_page() - 1))
        self.next_page_action = self._action("Page ▶", "Alt+Right", lambda: self.go_to_page(self.current_page() + 1))
        self._action("First page", "Ctrl+Home", lambda: self.go_to_page(1))
        self._action("Last page", "Ctrl+End", lambda: self.go_to_page(self.view.page_count()))
        self._action("Next item", "Ctrl+PgDown", lambda: self.step_item(1))
        self._action("Previous item", "Ctrl+PgUp", lambda: self.step_item(-1))
        zoom_out = self._action("−", QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom_by(1 / 1.2))
        zoom_in = self._action("+", QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom_by(1.2))
        self._action("Zoom in", "Ctrl+=", lambda: self.view.zoom_by(1.2))
        fit = self._action("Fit width", "Ctrl+0", self.view.fit_width)
        fit_page = self._action("Whole page", None, self.view.fit_page)
        bar.addActions([self.previous_page_action, self.next_page_action])
        bar.addSeparator()
        bar.addActions([zoom_out, zoom_in, fit, fit_page])
        bar.addSeparator()

        tools = QActionGroup(self)
        self.select_tool = QAction("Select text", self, checkable=True, checked=True)
        self.note_tool = QAction("Sticky note", self, checkable=True)
        self.ink_tool = QAction("Ink", self, checkable=True)
        for action, tool in ((self.select_tool, Tool.SELECT), (self.note_tool, Tool.NOTE), (self.ink_tool, Tool.INK)):
            tools.addAction(action)
            action.triggered.connect(lambda _c=False, t=tool: self.set_tool(t))
        self.ink_tool.setEnabled(self.pdf)
        bar.addActions([self.select_tool, self.note_tool, self.ink_tool])
        bar.addSeparator()
        self.highlight_action = self._action("Highlight", "H", lambda: self.mark(AnnotationKind.HIGHLIGHT))
        self.underline_action = self._action("Underline", "U", lambda: self.mark(AnnotationKind.UNDERLINE))
        self.strike_action = self._action("Strike", "Shift+S", lambda: self.mark(AnnotationKind.STRIKE))
        self.colour_buttons: dict[str, QToolButton] = {}
        for name in COLOURS:
            button = QToolButton()
            button.setIcon(swatch(name, 16))
            button.setCheckable(True)
            button.setChecked(name == self.colour)
            button.setToolTip(f"Highlight in {name}")
            button.setAccessibleName(f"Highlight in {name}")
            button.clicked.connect(lambda _c=False, n=name: self.highlight_in(n))
            bar.addWidget(button)
            self.colour_buttons[name] = button
        bar.addActions([self.highlight_action, self.underline_action, self.strike_action])
        bar.addSeparator()
        self.night_action = QAction("Night", self, checkable=True)
        self.night_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.night_action.toggled.connect(self.set_night)
        self.addAction(self.night_action)
        bar.addAction(self.night_action)
        self._action("Find", QKeySequence.StandardKey.Find, self._focus_find)
        self._action("Find next", QKeySequence.StandardKey.FindNext, self.find_next)
        self._action("Note on this item", "Ctrl+Shift+I", self.start_item_note)

        share = self.menuBar().addMenu("&Share")
        share.addAction(self._action("Export my notes and questions as PDF…", None, self.export_notes_pdf))
        share.addAction(self._action("Export my notes for another copy of Quorate…", None, self.export_notes_json))
        share.addAction(self._action("Import notes from a file…", None, self.import_notes))
        share.addSeparator()
        self.annotated_action = self._action(
            "Export the pack with my notes, for printing…", None, self.export_annotated
        )
        self.annotated_action.setEnabled(self.pdf)
        share.addAction(self.annotated_action)

    def _connect(self) -> None:
        self.view.page_changed.connect(self._on_page)
        self.view.selection_changed.connect(self._on_selection)
        self.view.annotation_clicked.connect(self.select_annotation)
        self.view.point_clicked.connect(self._on_point)
        self.view.ink_drawn.connect(self._on_ink)
        self.panel.notes.currentItemChanged.connect(
            lambda entry, _old: self.select_annotation(entry.data(ID_ROLE)) if entry and entry.data(ID_ROLE) else None
        )
        self.panel.questions.itemActivated.connect(
            lambda entry, _col: self.select_annotation(entry.data(0, ID_ROLE)) if entry.data(0, ID_ROLE) else None
        )
        self.panel.questions.itemClicked.connect(
            lambda entry, _col: self.select_annotation(entry.data(0, ID_ROLE)) if entry.data(0, ID_ROLE) else None
        )
        self.panel.save_button.clicked.connect(self.save_note)
        self.panel.delete_button.clicked.connect(self.delete_selected)
        self.panel.item_note_button.clicked.connect(self.start_item_note)
        self.panel.raise_box.toggled.connect(self._on_raise_toggled)
        self.panel.colour.activated.connect(lambda _n: self._on_colour_chosen())
        self.panel.place_button.clicked.connect(self.place_unplaced)
        self.panel.discard_button.clicked.connect(self.discard_unplaced)

    # -- where we are ---------------------------------------------------------------------------

    def current_page(self) -> int:
        return self.view.current_page()

    def item_at(self, page: int) -> AgendaItem | None:
        return notes.item_for_page(self.items, page)

    def current_item(self) -> AgendaItem | None:
        index = self.tree.currentIndex()
        item = index.siblingAtColumn(0).data(AgendaModel.ItemRole) if index.isValid() else None
        return item if isinstance(item, AgendaItem) else None

    def location_text(self, page: int) -> str:
        """ "Pack p. 214 · Item 6.4 · paper p. 3" (the item and paper page only where an item holds the page)."""
        text = f"Pack p. {page} of {self.view.page_count()}"
        item = self.item_at(page)
        if item is not None and item.first_page is not None:
            text += f" · Item {item.number} {item.title} · paper p. {page - item.first_page + 1}"
            last = item.last_page or item.first_page
            text += f" of {last - item.first_page + 1}"
        return text

    def _on_page(self, page: int) -> None:
        self.page_label.setText(self.location_text(page))
        item = self.item_at(page)
        self.band.setVisible(item is not None and item.part is Part.TWO)
        strip_index = self.strip_model.index(page - 1, 0)
        if strip_index.isValid():
            self.strip.setCurrentIndex(strip_index)
            self.strip.scrollTo(strip_index)
        if item is not None and item.id is not None:
            current = self.current_item()
            if current is None or current.id != item.id:
                self._following = True
                try:
                    self._select_tree(item.id)
                finally:
                    self._following = False

    def _select_tree(self, item_id: int) -> None:
        index = self.agenda.index_for_item(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _on_tree_item(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.siblingAtColumn(0).data(AgendaModel.ItemRole) if current.isValid() else None
        if not isinstance(item, AgendaItem):
            return
        if not self._following and item.first_page:
            self._go_to_paper(item)
        self._find = None
        self.find_state.clear()
        self._show_item_notes()

    def open_item(self, item_id: int) -> None:
        """Jump to an item's first page (selecting it in the agenda)."""
        self._select_tree(item_id)
        item = next((i for i in self.items if i.id == item_id), None)
        if item is not None and item.first_page:
            self._go_to_paper(item)

    def _go_to_paper(self, item: AgendaItem) -> None:
        """An item's first page, from where its paper begins on it (a text page may open with the end of the
        paper before)."""
        page = item.first_page or 1
        if isinstance(self.view, TextPackView):
            self.view.go_to_page(page, at=paper_start(self.view.page_text(page), item.number, item.title))
            self._on_page(self.view.current_page())
        else:
            self.go_to_page(page)

    def go_to_page(self, page: int, y_points: float = 0.0) -> None:
        count = self.view.page_count()
        if count:
            self.view.go_to_page(max(1, min(page, count)), y_points)
            self._on_page(self.view.current_page())

    def step_item(self, step: int) -> None:
        with_pages = [i for i in self.items if i.first_page and i.id is not None]
        if not with_pages:
            return
        page = self.current_page()
        if step > 0:
            target = next((i for i in with_pages if (i.first_page or 0) > page), None)
        else:
            here = self.item_at(page)
            before = [
                i for i in with_pages if (i.first_page or 0) < (here.first_page if here and here.first_page else page)
            ]
            target = before[-1] if before else None
        if target is not None and target.id is not None:
            self.open_item(target.id)

    # -- modes ----------------------------------------------------------------------------------

    def set_tool(self, tool: str) -> None:
        self.view.tool = tool
        if tool == Tool.NOTE:
            self.statusBar().showMessage("Click where the sticky note should go.")
        elif tool == Tool.INK:
            self.statusBar().showMessage("Draw on the page with the mouse.")
        else:
            self.statusBar().clearMessage()

    def set_night(self, on: bool) -> None:
        self.night = on
        self.night_action.setChecked(on)
        self.view.set_night(on)
        self.strip_model.reset(self.view.page_count(), {i.first_page: i.number for i in self.items if i.first_page})

    def _focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    # -- finding in this paper --------------------------------------------------------------------

    def _paper_pages(self) -> range:
        item = self.current_item() or self.item_at(self.current_page())
        if item is None or item.first_page is None:
            return range(1, self.view.page_count() + 1)
        return range(item.first_page, (item.last_page or item.first_page) + 1)

    def find_next(self) -> bool:
        """Show the next place the find field's words appear in the current paper; False when nowhere."""
        words = self.find_field.text().strip()
        if not words:
            return False
        if self._find is None or self._find[0] != words:
            hits = []
            for page in self._paper_pages():
                text = self.view.page_text(page)
                start = 0
                while (span := find_in_page(text[start:], words)) is not None:
                    hits.append((page, start + span[0], start + span[1]))
                    start += span[1]
            self._find = (words, hits, -1)
        found_words, hits, at = self._find
        if not hits:
            self.find_state.setText("Not in this paper")
            return False
        at = (at + 1) % len(hits)
        self._find = (found_words, hits, at)
        page, start, end = hits[at]
        self.find_state.setText(f"{at + 1} of {len(hits)} in this paper")
        rects = self.view.rects_at(page, start, end)
        if isinstance(self.view, PdfPackView):
            self.view.show_found(page, rects)
            self.go_to_page(page, rects[0][1] if rects else 0.0)
        else:
            self.go_to_page(page)
            self.view.show_found(page, rects, start, end)
        return True

    # -- annotations ---------------------------------------------------------------------------

    def set_owner(self, name: str) -> None:
        """Read as another member: their notes replace the ones shown."""
        name = " ".join(name.split())
        if not name or name == self.owner:
            return
        try:
            self.owner = notes.choose_member(self.store, name)
        except notes.AnnotationError as exc:
            self.statusBar().showMessage(str(exc))
            return
        if self.member.findText(self.owner) < 0:
            self.member.addItem(self.owner)
        self.member.setCurrentText(self.owner)
        self._selected_id = None
        self.refresh_annotations()
        self.remeasure()
        if not self.notes_open():
            self.statusBar().showMessage(f"{self.owner}'s notes are protected by their own passphrase.")
            self.ask_notes_passphrase()
        elif notes.notes_protected(self.store, self.owner):
            self.statusBar().showMessage(f"Showing {self.owner}'s notes, protected by their own passphrase.")
        else:
            self.statusBar().showMessage(
                f"Showing {self.owner}'s notes (not protected: anyone on this computer can choose this name)."
            )

    def notes_open(self) -> bool:
        """Whether this member's notes can be shown: not protected, or their passphrase given this session."""
        return not notes.notes_protected(self.store, self.owner) or notes.notes_unlocked(self.store, self.owner)

    def _show_protection(self) -> None:
        if not notes.notes_protected(self.store, self.owner):
            self.protection.setText(" notes not protected ")
            self.protection.setToolTip("Anyone using this computer can choose this name and read these notes")
            self.protect_action.setText("Protect…")
            self.protect_action.setToolTip("Protect these notes with a passphrase of the member's own")
        elif notes.notes_unlocked(self.store, self.owner):
            self.protection.setText(" notes protected, open ")
            self.protection.setToolTip("Encrypted with the member's own passphrase, given this session")
            self.protect_action.setText("Change passphrase…")
            self.protect_action.setToolTip("Choose a new passphrase for these notes")
        else:
            self.protection.setText(" notes locked ")
            self.protection.setToolTip("Encrypted with the member's own passphrase: give it to see them")
            self.protect_action.setText("Unlock…")
            self.protect_action.setToolTip("Give the member's notes passphrase")

    def ask_notes_passphrase(self) -> NotesPassphraseDialog:
        """Ask for the member's notes passphrase (locked notes), or a new one (to protect or change it)."""
        dialog = NotesPassphraseDialog(self.store, self.owner, self.notes_open(), self._notes_opened, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def _notes_opened(self) -> None:
        self.refresh_annotations()
        self.remeasure()
        self.statusBar().showMessage(f"Showing {self.owner}'s notes, protected by their own passphrase.")

    def refresh_annotations(self) -> None:
        self._show_protection()
        if not self.notes_open():
            self._annotations = []
            self._selected_id = None
            self.view.set_annotations([], None)
            self._show_item_notes()
            self.panel.set_questions([])
            self.panel.set_unplaced([])
            self.notes_changed.emit()
            return
        self._annotations = notes.member_annotations(self.store, self.meeting_id, self.owner)
        self.view.set_annotations(self._annotations, self._selected_id)
        self._show_item_notes()
        by_id = {i.id: i for i in self.items}
        grouped = notes.questions_by_item(self.store, self.meeting_id, self.owner)
        self.panel.set_questions([(by_id.get(item_id), group) for item_id, group in grouped.items()])
        self.panel.set_unplaced([a for a in self._annotations if a.orphaned])
        self.notes_changed.emit()

    def annotations(self) -> list[Annotation]:
        """The member's annotations on this pack, as shown."""
        return list(self._annotations)

    def _show_item_notes(self) -> None:
        if not self.notes_open():
            locked = f"<b>{self.owner}'s notes are locked</b>: give their passphrase to see them."
            self.panel.set_notes(locked, [], None)
            self.panel.show_editor(None)
            return
        item = self.current_item()
        if item is None:
            shown = [a for a in self._annotations if not a.orphaned]
            heading = f"<b>{self.owner}'s notes</b>"
        else:
            shown = [a for a in self._annotations if a.item_id == item.id and not a.orphaned]
            heading = f"<b>{self.owner}'s notes on {item.number} {item.title}</b>"
            if item.part is Part.TWO:
                heading += " <span style='color:#b80f1c'>(Part II — confidential)</span>"
        self.panel.set_notes(heading, shown, self._selected_id)
        selected = next((a for a in self._annotations if a.id == self._selected_id), None)
        typing = self.panel.editor.document().isModified()  # never throw away words being typed
        if not self._item_note_pending and self._pending_note is None and not typing:
            self.panel.show_editor(selected)

    def _on_selection(self) -> None:
        selection = self.view.selection()
        if selection is not None:
            self.statusBar().showMessage(
                f"Selected “{' '.join(selection.text.split())[:80]}”: "
                "H highlights, U underlines, Shift+S strikes through."
            )

    def highlight_in(self, colour: str) -> Annotation | None:
        self.colour = colour
        for name, button in self.colour_buttons.items():
            button.setChecked(name == colour)
        if self.view.selection() is not None:
            return self.mark(AnnotationKind.HIGHLIGHT)
        return None

    def mark(self, kind: AnnotationKind) -> Annotation | None:
        """Highlight, underline or strike through the selected words; the new annotation is selected."""
        selection = self.view.selection()
        if selection is None:
            self.statusBar().showMessage("Select some words on the page first (drag across them).")
            return None
        try:
            created = notes.annotate(
                self.store,
                self.meeting_id,
                self.owner,
                kind,
                selection.page,
                page_text=self.view.page_text(selection.page),
                start=selection.start,
                end=selection.end,
                rects=selection.rects,
                colour=self.colour,
            )
        except (notes.AnnotationError, StorageError) as exc:
            self.statusBar().showMessage(str(exc))
            return None
        self.view.clear_selection()
        self._selected_id = created.id
        self.refresh_annotations()
        self.panel.editor.setFocus()
        self.statusBar().showMessage(f"{kind.label} saved. Type a note beside it if you like.")
        return created

    def _on_point(self, page: int, x: float, y: float) -> None:
        self._pending_note = (page, x, y)
        self._item_note_pending = False
        self._selected_id = None
        self.panel.show_editor(None, f"New sticky note on p. {page}: type it, then Save note.")
        self.panel.editor.setFocus()

    def _on_ink(self, page: int, stroke: tuple[tuple[float, float], ...]) -> None:
        try:
            created = notes.annotate(
                self.store, self.meeting_id, self.owner, AnnotationKind.INK, page, ink=[stroke], colour=self.colour
            )
        except (notes.AnnotationError, StorageError) as exc:
            self.statusBar().showMessage(str(exc))
            return
        self._selected_id = created.id
        self.refresh_annotations()

    def start_item_note(self) -> None:
        item = self.current_item()
        if item is None or item.id is None:
            self.statusBar().showMessage("Choose an agenda item first.")
            return
        self._item_note_pending = True
        self._pending_note = None
        self._selected_id = None
        self.panel.show_editor(None, f"New note on {item.number} {item.title}: type it, then Save note.")
        self.panel.editor.setFocus()

    def add_sticky_note(self, page: int, x: float, y: float, text: str, raise_at_meeting: bool = False) -> Annotation:
        """A sticky note at a point of a page (x, y in points; a text pack: x is the character offset)."""
        char_start = int(x) if isinstance(self.view, TextPackView) else -1
        rects = () if isinstance(self.view, TextPackView) else ((x, y, x, y),)
        created = notes.annotate(
            self.store,
            self.meeting_id,
            self.owner,
            AnnotationKind.NOTE,
            page,
            rects=rects,
            note=text,
            raise_at_meeting=raise_at_meeting,
        )
        if char_start >= 0 and created.id is not None:
            created = notes.reposition(self.store, created.id, self.owner, (), char_start, self.meeting.pack_sha256)
        self._pending_note = None
        self._selected_id = created.id
        self.panel.editor.document().setModified(False)
        self.refresh_annotations()
        return created

    def add_item_note(self, text: str, item_id: int | None = None, raise_at_meeting: bool = False) -> Annotation:
        item = next((i for i in self.items if i.id == item_id), None) if item_id else self.current_item()
        if item is None or item.id is None:
            raise notes.AnnotationError("Choose an agenda item first.")
        created = notes.annotate(
            self.store,
            self.meeting_id,
            self.owner,
            AnnotationKind.ITEM_NOTE,
            item.first_page or 1,
            note=text,
            item_id=item.id,
            raise_at_meeting=raise_at_meeting,
        )
        self._item_note_pending = False
        self._selected_id = created.id
        self.panel.editor.document().setModified(False)
        self.refresh_annotations()
        return created

    def save_note(self) -> Annotation | None:
        """Save the editor: the selected annotation's note, or the new sticky or item note being written."""
        text = self.panel.editor.toPlainText().strip()
        flag = self.panel.raise_box.isChecked()
        try:
            if self._pending_note is not None:
                page, x, y = self._pending_note
                return self.add_sticky_note(page, x, y, text, flag)
            if self._item_note_pending:
                return self.add_item_note(text, raise_at_meeting=flag)
            if self._selected_id is None:
                return None
            notes.edit_note(self.store, self._selected_id, self.owner, text)
            saved = notes.set_raise(self.store, self._selected_id, self.owner, flag)
        except (notes.AnnotationError, StorageError) as exc:
            self.statusBar().showMessage(str(exc))
            return None
        self.panel.editor.document().setModified(False)
        self.refresh_annotations()
        self.statusBar().showMessage("Note saved (only on this computer, and only for you).")
        return saved

    def _on_raise_toggled(self, _flag: bool) -> None:
        if self._selected_id is not None and self._pending_note is None and not self._item_note_pending:
            self.save_note()  # the flag and the note as typed so far

    def _on_colour_chosen(self) -> None:
        colour = str(self.panel.colour.currentData())
        if self._selected_id is not None:
            notes.set_colour(self.store, self._selected_id, self.owner, colour)
            self.refresh_annotations()
        else:
            self.highlight_in(colour)

    def select_annotation(self, annotation_id: int) -> None:
        """Select an annotation: its page is shown and its note opened in the side pane."""
        found = next((a for a in self._annotations if a.id == annotation_id), None)
        if found is None:
            return
        self._selected_id = annotation_id
        self._pending_note = None
        self._item_note_pending = False
        if not found.orphaned and (found.page < self.current_page() or found.page > self.current_page() + 1):
            self.go_to_page(found.page, found.rects[0][1] if found.rects else 0.0)
        self.view.set_annotations(self._annotations, annotation_id)
        self._show_item_notes()
        self.panel.show_editor(found)

    def delete_selected(self) -> None:
        if self._selected_id is None:
            return
        notes.delete(self.store, self._selected_id, self.owner)
        self._selected_id = None
        self.refresh_annotations()
        self.statusBar().showMessage("Note deleted.")

    # -- after a revised pack ----------------------------------------------------------------------

    def remeasure(self) -> int:
        """Measure again the words of annotations re-anchored by a revision; returns how many were found."""
        found = 0
        if not self.notes_open():
            return found  # measured once the member opens their notes
        for a in notes.remeasured(self.store, self.meeting_id, self.owner):
            assert a.id is not None
            text = self.view.page_text(a.page)
            span = find_in_page(text, a.quote, a.prefix, a.suffix) if a.quote else None
            rects = self.view.rects_at(a.page, *span) if span else ()
            notes.reposition(self.store, a.id, self.owner, rects, span[0] if span else -1, self.meeting.pack_sha256)
            found += span is not None
        if found or self._annotations != notes.member_annotations(self.store, self.meeting_id, self.owner):
            self.refresh_annotations()
        return found

    def place_unplaced(self) -> None:
        entry = self.panel.unplaced.currentItem()
        if entry is None:
            return
        notes.place(self.store, int(entry.data(ID_ROLE)), self.owner, self.current_page())
        self.refresh_annotations()
        self.remeasure()

    def discard_unplaced(self) -> None:
        entry = self.panel.unplaced.currentItem()
        if entry is not None:
            notes.delete(self.store, int(entry.data(ID_ROLE)), self.owner)
            self.refresh_annotations()

    # -- sharing -----------------------------------------------------------------------------------

    def confirm_part2(self, what: str) -> bool:
        """Ask before Part II (confidential) content leaves Quorate (tests replace this)."""
        answer = QMessageBox.warning(
            self,
            "Confidential papers",
            f"{what}\n\nPart II papers are confidential: the press and public are excluded from their discussion. "
            "Export them only to a member entitled to see them. Export anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_path(self, title: str, name: str, kind: str) -> Path | None:
        folder = Path(self.store.path.parent if self.store.path else Path.home()) / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path, _filter = QFileDialog.getSaveFileName(self, title, str(folder / name), kind)
        return Path(path) if path else None

    def _export(self, run: Callable[[bool], Path], out: Path) -> Path | None:
        try:
            try:
                written = run(False)
            except notes.ConfidentialExport as exc:
                if not self.confirm_part2(str(exc)):
                    self.statusBar().showMessage("Nothing was exported.")
                    return None
                written = run(True)
        except (notes.AnnotationError, StorageError, OSError) as exc:
            QMessageBox.warning(self, "Not exported", str(exc))
            return None
        self.statusBar().showMessage(f"Written to {written}")
        return written

    def _stem(self) -> str:
        when = self.meeting.date.isoformat() if self.meeting.date else str(self.meeting_id)
        return f"{'-'.join(self.owner.lower().split())}-{when}"

    def export_notes_pdf(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path("Export my notes and questions", f"notes-{self._stem()}.pdf", "PDF (*.pdf)")
        if out is None:
            return None
        return self._export(
            lambda part2: notes.export_notes_pdf(self.store, self.meeting_id, self.owner, out, include_part2=part2), out
        )

    def export_notes_json(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(
            "Export my notes for another copy of Quorate", f"notes-{self._stem()}.quorate-notes.json", "Notes (*.json)"
        )
        if out is None:
            return None
        return self._export(
            lambda part2: notes.export_notes_json(self.store, self.meeting_id, self.owner, out, include_part2=part2),
            out,
        )

    def export_annotated(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(
            "Export the pack with my notes", f"pack-annotated-{self._stem()}.pdf", "PDF (*.pdf)"
        )
        if out is None:
            return None
        return self._export(
            lambda part2: notes.export_annotated_pack(
                self.store, self.meeting_id, self.owner, out, include_part2=part2
            ),
            out,
        )

    def import_notes(self, path: Path | None = None) -> notes.NotesImport | None:
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(self, "Import notes", str(Path.home()), "Notes (*.json)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            result = notes.import_notes_json(self.store, self.meeting_id, path, self.owner)
        except (notes.AnnotationError, StorageError) as exc:
            self.statusBar().showMessage(str(exc))
            self.show_problem("Notes not imported", str(exc))
            return None
        if self.member.findText(result.owner) < 0:
            self.member.addItem(result.owner)
        self.statusBar().showMessage(
            f"Imported {result.added} notes (exported as {result.exported_by}'s) as {result.owner}'s"
            + (f" ({result.already_there} were already here)" if result.already_there else "")
            + "."
        )
        self.refresh_annotations()
        return result

    def show_problem(self, title: str, message: str) -> None:
        """Tell the member plainly (a non-blocking message box; tests read `last_problem`)."""
        self.last_problem = message
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panel.editor.document().isModified() and self._selected_id is not None:
            self.save_note()
        if isinstance(self.view, PdfPackView):
            self.view.release()  # stop QPdfView's renderer before the window and its document go
        super().closeEvent(event)
