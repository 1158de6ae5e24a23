"""Members on their own devices in the window (issue 19): publish, open a bundle, the member's read-only view,
questions back, and the exchange folder watched for what arrives.

The work is `app.commands.members`; this module asks for files and passphrases, shows refusals as the one sentence
they are, and keeps the meeting page read-only for a member's copy (no minutes, no live meeting: the agenda, the
item's details, the member's own notes, the reader).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bundles import BundleRefused
from app.commands import members, notes
from app.export.errors import SigningError
from app.export.keys import ChairKey, load_key
from app.storage import StorageError
from app.storage.bundles import Held
from app.ui.refusable_dialog import RefusableDialog

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

BUNDLE_FILTER = "Quorate meeting bundles (*.quorate);;All files (*)"
KEY_FILTER = "Signing keys (*.p12 *.pfx);;All files (*)"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class KeyFields(QWidget):
    """A key file and its passphrase (optional unless `required`)."""

    def __init__(self, label: str, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.required = required
        self.path = QLineEdit()
        self.path.setAccessibleName(label)
        self.path.setPlaceholderText("a .p12 key file" + ("" if required else " (optional)"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(f"{label} passphrase")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label, row)
        form.addRow("Its passphrase", self.passphrase)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a key file", str(Path.home()), KEY_FILTER)
        if path:
            self.path.setText(path)

    def key(self) -> ChairKey | None:
        text = self.path.text().strip()
        if not text:
            if self.required:
                raise BundleRefused("Choose the key file to sign with.")
            return None
        return load_key(Path(text), self.passphrase.text())


class PublishDialog(RefusableDialog):
    """File ▸ Publish meeting to members…: the secretary's key, the meeting passphrase, where to write it."""

    refusals = (BundleRefused, SigningError, StorageError)

    def __init__(self, window: MainWindow, meeting_id: int) -> None:
        super().__init__("Publish meeting to members", window)
        self.main = window
        self.meeting_id = meeting_id
        self.report: members.PublishReport | None = None
        intro = QLabel(
            "Members open this file on their own computers and read the papers offline. It is signed with your key "
            "and encrypted: give members the meeting passphrase another way (by phone or text, not with the file). "
            "Part II papers go only to members and participants; an item's papers are left out for whoever "
            "declared an interest in it."
        )
        intro.setWordWrap(True)
        self.key_fields = KeyFields("Your signing key", required=True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Meeting passphrase")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("Meeting passphrase again")
        folder = members.exchange_folder(window.store, window.store.meeting(meeting_id).body_id)
        self.out = QLineEdit(str(folder) if folder else "")
        self.out.setAccessibleName("Save to")
        self.out.setPlaceholderText("a .quorate file, or the body's exchange folder")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Meeting passphrase", self.passphrase)
        form.addRow("Again", self.again)
        form.addRow("Save to", row)
        self.content.addWidget(intro)
        self.content.addWidget(self.key_fields)
        self.content.addLayout(form)
        self.resize(560, 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the bundle", self.out.text() or str(Path.home()), BUNDLE_FILTER
        )
        if path:
            self.out.setText(path if path.endswith(".quorate") else path + ".quorate")

    def submit_values(self) -> None:
        if len(self.passphrase.text()) < 8:
            raise BundleRefused("Choose a meeting passphrase of at least 8 characters.")
        if self.passphrase.text() != self.again.text():
            raise BundleRefused("The two meeting passphrases differ.")
        if not self.out.text().strip():
            raise BundleRefused("Say where to save the bundle.")
        key = self.key_fields.key()
        assert key is not None
        self.report = members.publish_meeting(
            self.main.store, self.meeting_id, Path(self.out.text().strip()), key, passphrase=self.passphrase.text()
        )


class MemberPane(QWidget):
    """The member's side of a published meeting: who published it, the item's own notes, the two things to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member-pane")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Published copy")
        self.banner.setStyleSheet("background: #e8f0fe; border: 1px solid #9ab; padding: 8px; border-radius: 4px;")
        self.item_notes = QLabel()
        self.item_notes.setWordWrap(True)
        self.item_notes.setAccessibleName("Your notes on this item")
        self.item_notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.item_notes.setTextFormat(Qt.TextFormat.RichText)
        self.read_button = QPushButton("&Read the papers and make notes")
        self.send_button = QPushButton("&Send my questions to the secretary…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.item_notes, 1)


class MembersUi(QObject):
    """The window's members' pieces: actions for the menus, the member pane, the exchange folder watcher."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.held: Held | None = None
        self.publish_action = QAction("&Publish meeting to members…", window)
        self.publish_action.triggered.connect(self.publish)
        self.open_action = QAction("Open a &meeting bundle…", window)
        self.open_action.triggered.connect(self.choose_bundle)
        self.import_answers_action = QAction("Import members' &questions…", window)
        self.import_answers_action.triggered.connect(self.choose_answers)
        self.send_action = QAction("&Send my questions to the secretary…", window)
        self.send_action.triggered.connect(self.send_questions)
        self.export_notes_action = QAction("Copy my notes to my other &device…", window)
        self.export_notes_action.triggered.connect(self.export_my_notes)
        self.merge_notes_action = QAction("&Merge notes from my other device…", window)
        self.merge_notes_action.triggered.connect(self.merge_my_notes)
        self.exchange_action = QAction("&Exchange folder…", window)
        self.exchange_action.triggered.connect(self.choose_exchange_folder)
        self.pane = MemberPane()
        self.pane.read_button.clicked.connect(lambda: window.open_reader())
        self.pane.send_button.clicked.connect(self.send_questions)
        self.pane.hide()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self._settle = QTimer(self)  # a sync tool writes in bursts: look once it has settled
        self._settle.setSingleShot(True)
        self._settle.setInterval(1500)
        self._settle.timeout.connect(self.look_for_arrivals)
        self.arrived: list[members.Arrival] = []
        self.take_action = QAction("&Take in what arrived…", window)
        self.take_action.triggered.connect(self.take_in_arrivals)
        self.take_action.setEnabled(False)
        self.watch_exchange_folders()

    def fill_file_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addActions([self.publish_action, self.import_answers_action, self.open_action, self.take_action])
        menu.addActions([self.export_notes_action, self.merge_notes_action])

    def place_pane(self) -> None:
        """Put the member pane where the minute editor is (it is hidden for a member's copy)."""
        editor = self.window.meeting_page.editor
        parent = editor.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(editor), self.pane, 1)

    # -- which meeting is shown --------------------------------------------------------------------------------

    def meeting_shown(self, meeting_id: int | None) -> None:
        """Called once a meeting is shown (None: the library): a member's copy is read-only, with no minutes."""
        window = self.window
        self.held = members.member_copy(window.store, meeting_id) if meeting_id is not None else None
        copy = self.held is not None
        page = window.meeting_page
        for widget in (page.toolbar, page.editor, page.save_state):
            widget.setVisible(not copy)
        self.pane.setVisible(copy)
        self.publish_action.setEnabled(meeting_id is not None and not copy)
        self.send_action.setEnabled(copy)
        self.export_notes_action.setEnabled(meeting_id is not None)
        self.merge_notes_action.setEnabled(meeting_id is not None)
        self.exchange_action.setEnabled(meeting_id is not None)
        if copy and self.held is not None:
            window.live.attach(None)  # no live meeting and no minutes on a member's device
            window.minutes_flow.attach(None)
            window.export_action.setEnabled(False)
            published = self.held.published_at[:10]
            self.pane.banner.setText(
                f"<b>Published by {_escape(self.held.publisher_name)}</b> on {published} (bundle "
                f"{self.held.sequence}) for <b>{_escape(self.held.member_name)}</b>. The agenda and papers are "
                "read-only; your notes and questions are yours, kept only in your own library."
            )
            window.setWindowTitle(f"{window.windowTitle()} (published copy)")
            window.statusBar().showMessage("A published copy: read the papers, make notes, flag your questions.")
        self.item_shown()

    def item_shown(self) -> None:
        if self.held is None:
            return
        item = self.window.current_item()
        if item is None or item.id is None or self.window.meeting is None or self.window.meeting.id is None:
            self.pane.item_notes.setText("")
            return
        if notes.notes_protected(self.window.store, self.held.member_name) and not notes.notes_unlocked(
            self.window.store, self.held.member_name
        ):
            self.pane.item_notes.setText("<i>Your notes are protected: open the reader to unlock them.</i>")
            return
        mine = [
            a
            for a in notes.member_annotations(self.window.store, self.window.meeting.id, self.held.member_name)
            if a.item_id == item.id
        ]
        if not mine:
            self.pane.item_notes.setText("<i>No notes of yours on this item yet.</i>")
            return
        lines = [
            f"{'<b>To raise:</b> ' if a.raise_at_meeting else ''}p. {a.page}: {_escape(a.note or a.quote)[:160]}"
            for a in mine
        ]
        self.pane.item_notes.setText("<b>Your notes on this item</b><br>" + "<br>".join(lines))

    # -- publishing and questions (the secretary) --------------------------------------------------------------

    def publish(self) -> None:
        meeting = self.window.meeting
        if meeting is None or meeting.id is None:
            return
        self.window.flush()
        dialog = PublishDialog(self.window, meeting.id)
        try:
            if dialog.exec() == PublishDialog.DialogCode.Accepted and dialog.report is not None:
                report = dialog.report
                QMessageBox.information(self.window, "Published", "\n".join(report.summary_lines()[:12]))
                self.window.statusBar().showMessage(report.summary_lines()[0])
        finally:
            dialog.deleteLater()

    def choose_answers(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.window, "Members' questions", self._start_folder(), BUNDLE_FILTER)
        if files:
            self.import_answers([Path(f) for f in files])

    def _secretary_key(self) -> ChairKey | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Your signing key", str(Path.home()), KEY_FILTER)
        if not path:
            return None
        passphrase, ok = QInputDialog.getText(
            self.window, "Your signing key", "Its passphrase:", QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        try:
            return load_key(Path(path), passphrase)
        except SigningError as exc:
            QMessageBox.warning(self.window, "Key not opened", str(exc))
            return None

    def import_answers(self, files: list[Path], key: ChairKey | None = None) -> list[members.AnswersImport]:
        key = key or self._secretary_key()
        if key is None:
            return []
        results = members.import_answers(self.window.store, files, [key])
        lines = [r.message or f"{r.asker}: {r.questions} questions ({r.outcome})" for r in results]
        self.window.live.item_shown()  # the room shows the questions on the item now
        QMessageBox.information(self.window, "Members' questions", "\n".join(lines[:20]))
        return results

    # -- opening and questions back (a member) -----------------------------------------------------------------

    def choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open a meeting bundle", self._start_folder(), BUNDLE_FILTER)
        if path:
            self.open_bundle_file(Path(path))

    def open_bundle_file(
        self, path: Path, passphrase: str | None = None, member: str | None = None
    ) -> members.OpenReport | None:
        """Open a bundle as a member (asking for its passphrase, and who you are when it cannot tell)."""
        if passphrase is None:
            text, ok = QInputDialog.getText(
                self.window,
                "Open a meeting bundle",
                f"The meeting passphrase the secretary gave you for {path.name}:",
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
            passphrase = text
        try:
            report = members.open_bundle(self.window.store, path, passphrase=passphrase, member=member)
        except BundleRefused as exc:
            if "Say which of the recipients you are" in str(exc) and member is None:
                return self._ask_who(path, passphrase)
            QMessageBox.warning(self.window, "Not opened", str(exc))
            return None
        self.window.refresh_library()
        self.window.open_meeting(report.meeting_id)
        self.window.statusBar().showMessage(report.sentence())
        return report

    def _ask_who(self, path: Path, passphrase: str) -> members.OpenReport | None:
        from app.bundles import container

        try:
            opened = container.open_bundle(path, passphrase=passphrase, kind="meeting")
        except BundleRefused as exc:
            QMessageBox.warning(self.window, "Not opened", str(exc))
            return None
        names = [str(a.get("name")) for a in opened.manifest.get("audience", []) if isinstance(a, dict)]
        name, ok = QInputDialog.getItem(self.window, "Who are you?", "This copy is for:", names, 0, False)
        return self.open_bundle_file(path, passphrase, name) if ok and name else None

    def send_questions(self) -> None:
        meeting = self.window.meeting
        if meeting is None or meeting.id is None or self.held is None:
            return
        folder = members.exchange_folder(self.window.store, meeting.body_id)
        default = folder / members.bundle_name(self.window.store, meeting.id, "questions") if folder else Path.home()
        path, _ = QFileDialog.getSaveFileName(self.window, "Send my questions", str(default), BUNDLE_FILTER)
        if not path or self._notes_locked(meeting.id):
            return
        try:
            sent = members.export_answers(self.window.store, meeting.id, Path(path))
        except BundleRefused as exc:
            QMessageBox.warning(self.window, "Not written", str(exc))
            return
        self.window.statusBar().showMessage(
            f"Wrote {sent.questions} question{'' if sent.questions == 1 else 's'} for {self.held.publisher_name}: "
            f"{Path(path).name} (only your notes flagged “raise at the meeting”; encrypted to the secretary)."
        )

    # -- the member's own devices ------------------------------------------------------------------------------

    def _notes_locked(self, meeting_id: int | None) -> bool:
        """Whether the member protected their notes and has not given the passphrase this session (then said)."""
        store = self.window.store
        owner = members.notes_owner(store, meeting_id) if meeting_id is not None else notes.current_member(store)
        if not notes.notes_protected(store, owner) or notes.notes_unlocked(store, owner):
            return False
        QMessageBox.warning(
            self.window,
            "Notes locked",
            f"{owner}'s notes are protected: open the reader and give the passphrase first.",
        )
        return True

    def _sync_passphrase(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(
            self.window,
            title,
            "A passphrase of your own for this file (the same on both devices):",
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def export_my_notes(self) -> None:
        meeting = self.window.meeting
        if meeting is None or meeting.id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Copy my notes to my other device", self._start_folder(), BUNDLE_FILTER
        )
        passphrase = self._sync_passphrase("Copy my notes") if path else None
        if not path or passphrase is None or self._notes_locked(meeting.id):
            return
        count = members.export_notes(self.window.store, meeting.id, Path(path), passphrase)
        self.window.statusBar().showMessage(f"Wrote {count} notes to {Path(path).name}, encrypted.")

    def merge_my_notes(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Merge notes from my other device", self._start_folder(), BUNDLE_FILTER
        )
        passphrase = self._sync_passphrase("Merge my notes") if path else None
        meeting = self.window.meeting
        if not path or passphrase is None or self._notes_locked(meeting.id if meeting else None):
            return
        try:
            merged = members.merge_notes(self.window.store, Path(path), passphrase)
        except BundleRefused as exc:
            QMessageBox.warning(self.window, "Not merged", str(exc))
            return
        self.item_shown()
        self.window.statusBar().showMessage(
            f"Merged: {merged.added} new, {merged.updated} updated, {merged.deleted} deleted, {merged.kept} kept as "
            "they were here (the other text is kept in each note's history)."
        )

    # -- the exchange folder -----------------------------------------------------------------------------------

    def _start_folder(self) -> str:
        meeting = self.window.meeting
        if meeting is not None:
            folder = members.exchange_folder(self.window.store, meeting.body_id)
            if folder is not None:
                return str(folder)
        return str(Path.home())

    def choose_exchange_folder(self) -> None:
        meeting = self.window.meeting
        if meeting is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, "The folder your board shares (OneDrive, Nextcloud, Syncthing…)", self._start_folder()
        )
        if not folder:
            return
        chosen = Path(folder).resolve()
        try:
            members.set_exchange_folder(self.window.store, meeting.body_id, chosen)
        except BundleRefused as exc:
            QMessageBox.warning(self.window, "Not this folder", str(exc))
            return
        self.watch_exchange_folders()
        self.window.statusBar().showMessage(f"Bundles for this body are published to and looked for in {chosen}.")

    def watch_exchange_folders(self) -> None:
        """Watch every body's exchange folder (only bundle files there are ever read or written)."""
        from app.storage.bundles import exchange_folders

        wanted = {p for p in exchange_folders(self.window.store).values() if Path(p).is_dir()}
        watched = set(self.watcher.directories())
        if watched - wanted:
            self.watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self.watcher.addPaths(sorted(wanted - watched))
        if wanted:
            self._settle.start()

    def _folder_changed(self, _path: str) -> None:
        self._settle.start()

    def look_for_arrivals(self) -> list[members.Arrival]:
        from app.storage.bundles import exchange_folders

        found: list[members.Arrival] = []
        for body_id in exchange_folders(self.window.store):
            found += members.arrivals(self.window.store, body_id)
        known = {a.path for a in self.arrived}
        fresh = [a for a in found if a.path not in known]
        self.arrived = found
        self.take_action.setEnabled(bool(found))
        if fresh:
            meetings = sum(1 for a in fresh if a.kind == "meeting")
            answers = len(fresh) - meetings
            words = []
            if meetings:
                words.append(f"{meetings} meeting bundle{'' if meetings == 1 else 's'}")
            if answers:
                words.append(f"{answers} member{'' if answers == 1 else 's'}' questions")
            self.window.statusBar().showMessage(
                f"New in the exchange folder: {' and '.join(words)}. File ▸ Take in what arrived…", 60_000
            )
        return fresh

    def take_in_arrivals(self) -> None:
        arrived, self.arrived = self.arrived, []
        self.take_action.setEnabled(False)
        answers = [a.path for a in arrived if a.kind == "answers"]
        if answers:
            self.import_answers(answers)
        for arrival in arrived:
            if arrival.kind == "meeting":
                self.open_bundle_file(arrival.path)
