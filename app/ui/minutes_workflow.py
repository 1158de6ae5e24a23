"""The minutes' way to a signed record in the window: the Minutes menu, the status panel, exports and signing.

The panel under the meeting title shows where the minutes are (Draft → Approved by the chair → Approved by the
body → Signed) with a button for the next step. Each step is one dialog that calls one command in
`app.commands.approval`; a refusal (`ApprovalError`) is shown in the dialog, which stays open. Exports and
signing run in a worker thread (`BackgroundJob`) that opens its own connection to the database, so the window
keeps answering while ReportLab and pyHanko work; nothing is written to the database off the UI thread.

Dialogs go through `exec_dialog()`, questions through `confirm()`, file choosers through `save_file_name()` and
`open_file_name()`, and problems through `tell()`: the places tests replace to drive the workflow without blocking.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import commands
from app.commands import approval, exports
from app.domain import AgendaItem, Meeting, MeetingRecord, MinutesStatus, Motion, MotionOutcome, Part
from app.export.errors import SigningError
from app.storage import StorageError, Store
from app.storage.signatures import MinutesExport, last_reopened
from app.ui.export_notice import ExportNotice, export_folder, remember_folder
from app.ui.refusable_dialog import RefusableDialog
from app.ui.signature_pad import SignaturePad

if TYPE_CHECKING:
    from app.commands.signing import KeyCreated, Signed
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

STATUS_STEPS = (
    (MinutesStatus.DRAFT, "Draft"),
    (MinutesStatus.CHAIR_APPROVED, "Approved by the chair"),
    (MinutesStatus.BODY_APPROVED, "Approved by the body"),
    (MinutesStatus.SIGNED, "Signed"),
)
STATUS_LABELS = dict(STATUS_STEPS)
APPROVED_MESSAGE = (
    "These minutes are approved. To change them, choose Minutes ▸ Edit the approved minutes…: that returns them "
    "to draft, and the approvals are taken again."
)
LOCKED_MESSAGE = (
    "These minutes are signed as a correct record and can no longer be edited. A correction agreed at a later "
    "meeting is recorded from Minutes ▸ Record a correction…"
)
PREVIOUS_MINUTES = re.compile(r"minutes\b.*\b(previous|last|prior)\b|\b(previous|last|prior)\b.*\bminutes", re.I)
CARRIED = (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS)
SIGN_LABELS = {Part.ONE: "Sign as a correct record…", Part.TWO: "Sign the Part II minutes…"}
# What a job can be refused with, in one sentence for the user.
USER_ERRORS: tuple[type[Exception], ...] = (
    exports.ExportError,
    approval.ApprovalError,
    SigningError,
    StorageError,
)


def long_date(when: date | None) -> str:
    return f"{when.day} {when:%B %Y}" if when else "an undated meeting"


def meeting_label(meeting: Meeting) -> str:
    when = meeting.date.strftime("%a %-d %b %Y") if meeting.date else "No date"
    return f"{when} — {meeting.title}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "key"


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix else path.with_suffix(suffix)


def labelled(form: QFormLayout, text: str, field: QWidget | QHBoxLayout, buddy: QWidget) -> None:
    """A form row whose label's mnemonic (the & in it) focuses `buddy`, also when the field is a row of widgets."""
    label = QLabel(text)
    label.setBuddy(buddy)
    if isinstance(field, QWidget):
        form.addRow(label, field)
    else:
        form.addRow(label, field)


def _qdate(when: date) -> QDate:
    return QDate(when.year, when.month, when.day)


def _pydate(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


# --- work off the UI thread ---------------------------------------------------------------------------------------


@contextmanager
def worker_store(store: Store) -> Iterator[Store]:
    """A connection of the worker's own to the same database (a Store is one per thread); reads only."""
    if store.path is None:
        raise StorageError("This database is held in memory, so it cannot be read from another thread.")
    opened = store.reopen()  # keyed as the window's store is
    try:
        yield opened
    finally:
        opened.close()


class BackgroundJob(QObject):
    """Runs `work()` in a thread of its own; `done(result)` or `failed(sentence)` arrive on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, name: str, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _run(self) -> None:
        try:
            result = self.work()
        except USER_ERRORS as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            self.failed.emit(f"The file could not be written{where}: {exc.strerror or exc}.")
        except Exception as exc:  # a bug must not take the window down with it
            log.exception("background job %s failed", self._thread.objectName())
            self.failed.emit(f"This could not be done because of an internal error ({exc!r}).")
        else:
            self.done.emit(result)
        finally:
            self._thread.quit()


# --- the record, as the dialogs need it ---------------------------------------------------------------------------


def later_meetings(store: Store, meeting: Meeting) -> list[Meeting]:
    """The body's other meetings that could approve or correct these minutes: held after it, soonest first."""
    others = [m for m in store.meetings() if m.body_id == meeting.body_id and m.id not in (None, meeting.id)]
    if meeting.date is not None:
        others = [m for m in others if m.date is None or m.date > meeting.date]
    return sorted(others, key=lambda m: (m.date or date.max, m.id or 0))


def approving_resolutions(record: MeetingRecord) -> tuple[list[tuple[Motion, AgendaItem]], bool]:
    """The carried resolutions under a meeting's "minutes of the previous meeting" item, True; or, when it has
    none, every carried resolution of the meeting, False."""
    items = {i.id: i for i in record.items}
    carried = [(m, items[m.item_id]) for m in record.motions if m.outcome in CARRIED and m.item_id in items]
    standing = [(m, i) for m, i in carried if PREVIOUS_MINUTES.search(i.title)]
    return (standing, True) if standing else (carried, False)


def resolution_label(motion: Motion, item: AgendaItem) -> str:
    text = motion.text if len(motion.text) <= 90 else motion.text[:89] + "…"
    return f"Item {item.number.rstrip('.')}: {text} ({motion.outcome.value})"


def status_details(record: MeetingRecord, titles: dict[int, str]) -> list[str]:
    """Each step taken so far, in words."""
    lines = []
    for step in record.approvals:
        if step.step is MinutesStatus.CHAIR_APPROVED:
            role = f", {step.role}" if step.role else ""
            lines.append(f"Approved by the chair: {step.name}{role}, {long_date(step.on)}.")
        elif step.step is MinutesStatus.BODY_APPROVED:
            where = titles.get(step.at_meeting_id or -1, "a later meeting")
            lines.append(f"Approved by the body as a correct record at {where}.")
        elif step.step is MinutesStatus.SIGNED:
            lines.append(f"Signed by {step.name} on {long_date(step.on)}.")
    for amendment in record.amendments:
        where = titles.get(amendment.at_meeting_id, "a later meeting")
        item = f", item {amendment.agreed_item}" if amendment.agreed_item else ""
        lines.append(f"Version {amendment.version}: corrected at {where}{item}.")
    return lines


# --- dialogs ---------------------------------------------------------------------------------------------------------


class StepDialog(RefusableDialog):
    """OK runs `submit`; a refusal keeps the dialog open with its sentence shown."""

    refusals = (ValueError, StorageError)  # ApprovalError, ExportError and SigningError are ValueErrors

    def __init__(self, title: str, submit: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.submit = submit
        self.result_value: object = None
        self.form = QFormLayout()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.content.addWidget(self.intro)
        self.content.addLayout(self.form)
        self.setMinimumWidth(520)

    def say(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def submit_values(self) -> None:
        self.result_value = self.submit()


class ChairApprovalDialog(StepDialog):
    def __init__(self, store: Store, meeting_id: int, chair: str, parent: QWidget | None = None) -> None:
        super().__init__("Chair approves the draft", self._submit, parent)
        self.store, self.meeting_id = store, meeting_id
        self.say(
            "The chair has read the draft minutes and approves them for circulation. This is printed on the "
            "minutes as “Approval of Draft Minutes: Name | Role | Date”."
        )
        self.name = QLineEdit(chair)
        self.name.setAccessibleName("Chair's name")
        self.role = QLineEdit("Chair")
        self.role.setAccessibleName("Role")
        self.on = QDateEdit(_qdate(date.today()))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("d MMMM yyyy")
        self.on.setAccessibleName("Date of approval")
        self.form.addRow("&Name:", self.name)
        self.form.addRow("&Role:", self.role)
        self.form.addRow("&Date:", self.on)

    def _submit(self) -> None:
        approval.chair_approve(self.store, self.meeting_id, self.name.text(), self.role.text(), _pydate(self.on))


class MeetingAndResolution(QWidget):
    """A later meeting of the body and, under it, the carried resolution that decided (optional or not)."""

    def __init__(self, store: Store, meeting: Meeting, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.optional = optional
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Later meeting")
        for later in later_meetings(store, meeting):
            self.meeting.addItem(meeting_label(later), later.id)
        self.resolution = QComboBox()
        self.resolution.setAccessibleName("Resolution")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        self.meeting.currentIndexChanged.connect(self._fill_resolutions)
        self._fill_resolutions()

    def _fill_resolutions(self) -> None:
        self.resolution.clear()
        meeting_id = self.meeting.currentData()
        if self.optional:
            self.resolution.addItem("(no resolution recorded)", None)
        if meeting_id is None:
            self.note.setText("The body has no later meeting in Quorate yet: import its pack first.")
            return
        found, standing = approving_resolutions(self.store.record(int(meeting_id)))
        for motion, item in found:
            self.resolution.addItem(resolution_label(motion, item), motion.id)
        if not found:
            self.note.setText(
                "No carried resolution is recorded at that meeting yet. Record it under its “Minutes of the "
                "previous meeting” item (Meeting ▸ Motion), then come back."
            )
        elif standing:
            self.note.setText("Resolutions carried under the meeting's “minutes of the previous meeting” item.")
        else:
            self.note.setText(
                "That meeting has no “minutes of the previous meeting” item: every carried resolution is listed."
            )

    def meeting_id(self) -> int | None:
        value = self.meeting.currentData()
        return int(value) if value is not None else None

    def motion_id(self) -> int | None:
        value = self.resolution.currentData()
        return int(value) if value is not None else None


class BodyApprovalDialog(StepDialog):
    def __init__(self, store: Store, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__("Approved by the body", self._submit, parent)
        self.store, self.meeting = store, meeting
        self.say(
            f"At which later meeting did the body resolve that the minutes of {long_date(meeting.date)} be approved "
            "as a correct record? An e-signature does not replace that resolution."
        )
        self.pick = MeetingAndResolution(store, meeting, optional=False, parent=self)
        self.form.addRow("At the &meeting of:", self.pick.meeting)
        self.form.addRow("By the &resolution:", self.pick.resolution)
        self.form.addRow("", self.pick.note)
        self.override = QLineEdit()
        self.override.setAccessibleName("Override")
        self.override.setPlaceholderText("only when the resolution does not name these minutes: why it approved them")
        self.form.addRow("&Override (printed):", self.override)

    def _submit(self) -> None:
        at, motion = self.pick.meeting_id(), self.pick.motion_id()
        if at is None or motion is None:
            raise approval.ApprovalError("Choose the later meeting and the resolution that approved the minutes.")
        assert self.meeting.id is not None
        approval.body_approve(self.store, self.meeting.id, at, motion, override=self.override.text())


class AmendmentDialog(StepDialog):
    def __init__(self, store: Store, record: MeetingRecord, parent: QWidget | None = None) -> None:
        super().__init__("Record a correction to signed minutes", self._submit, parent)
        self.store, self.record = store, record
        self.say(
            "Signed minutes are never edited. A correction agreed at a later meeting is kept as a new version of "
            "the minutes that cites the signed one."
        )
        self.item = QComboBox()
        self.item.setAccessibleName("Item corrected")
        for item in record.items:
            self.item.addItem(f"{item.number} {item.title}".strip(), item.id)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Corrected minute")
        self.text.setTabChangesFocus(True)
        self.pick = MeetingAndResolution(store, record.meeting, optional=False, parent=self)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("e.g. a member's dissent was omitted")
        self.form.addRow("&Item:", self.item)
        self.form.addRow("&Corrected minute:", self.text)
        self.form.addRow("Agreed at the &meeting of:", self.pick.meeting)
        self.form.addRow("By the &resolution:", self.pick.resolution)
        self.form.addRow("", self.pick.note)
        self.form.addRow("R&eason:", self.reason)
        self.item.currentIndexChanged.connect(self._fill_text)
        self._fill_text()

    def _fill_text(self) -> None:
        item_id = self.item.currentData()
        if item_id is None:
            return
        latest = [a for a in self.record.amendments if a.item_id == item_id]
        minute = self.record.minutes.get(int(item_id))
        text = max(latest, key=lambda a: a.version).text if latest else (minute.body if minute else "")
        self.text.setPlainText(text)

    def _submit(self) -> int:
        at, motion = self.pick.meeting_id(), self.pick.motion_id()
        if at is None or motion is None:
            raise approval.ApprovalError("Choose the later meeting and the resolution that agreed the correction.")
        assert self.record.meeting.id is not None
        return approval.amend_signed(
            self.store,
            self.record.meeting.id,
            int(self.item.currentData()),
            self.text.toPlainText(),
            at,
            motion,
            self.reason.text(),
        )


class PeriodDialog(StepDialog):
    """The period of an attendance report: the financial year of the meeting by default."""

    def __init__(self, around: date, parent: QWidget | None = None) -> None:
        super().__init__("Attendance report", self._submit, parent)
        first = date(around.year if around.month >= 4 else around.year - 1, 4, 1)
        self.say("Attendance of every member at the body's meetings in this period (both days included).")
        self.start = QDateEdit(_qdate(first))
        self.end = QDateEdit(_qdate(date(first.year + 1, 3, 31)))
        for edit, name in ((self.start, "From"), (self.end, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.setAccessibleName(name)
        self.form.addRow("&From:", self.start)
        self.form.addRow("&To:", self.end)

    def period(self) -> tuple[date, date]:
        return _pydate(self.start), _pydate(self.end)

    def _submit(self) -> tuple[date, date]:
        start, end = self.period()
        if end < start:
            raise exports.ExportError(f"The period ends ({long_date(end)}) before it starts ({long_date(start)}).")
        return start, end


class CreateKeyDialog(StepDialog):
    """A new signing key in the chair's name, kept in a PKCS#12 file the passphrase protects (never stored)."""

    def __init__(self, flow: MinutesWorkflow, name: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__("Create a signing key", self._submit, parent)
        self.flow = flow
        self.say(
            "Quorate makes a key and a certificate in your name, valid for five years, and saves them in a file "
            "protected by your passphrase. Quorate never keeps the passphrase: if it is lost, make a new key."
        )
        self.name = QLineEdit(name)
        self.name.setAccessibleName("Name")
        self.role = QLineEdit(role or "Chair")
        self.role.setAccessibleName("Role")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Passphrase again")
        self.where = QLineEdit(str(flow.window.data_dir / "keys" / f"{_slug(name)}.p12"))
        self.where.setAccessibleName("Save the key as")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.where, 1)
        row.addWidget(choose)
        self.form.addRow("&Name:", self.name)
        self.form.addRow("&Role:", self.role)
        self.form.addRow("&Passphrase:", self.passphrase)
        self.form.addRow("Passphrase a&gain:", self.repeat)
        labelled(self.form, "&Save the key as:", row, self.where)

    def _choose(self) -> None:
        path = self.flow.save_file_name("Save the signing key", Path(self.where.text()), "PKCS#12 key (*.p12)")
        if path is not None:
            self.where.setText(str(path.with_suffix(".p12") if not path.suffix else path))

    def _submit(self) -> KeyCreated:
        from app.commands import signing as signing_commands  # pyHanko and cryptography load only to sign

        if not self.name.text().strip():
            raise SigningError("Give the name of the person who will sign.")
        if len(self.passphrase.text()) < 8:
            raise SigningError("Choose a passphrase of at least 8 characters.")
        if self.passphrase.text() != self.repeat.text():
            raise SigningError("The two passphrases are not the same.")
        out = Path(self.where.text().strip()).expanduser()
        if not self.where.text().strip():
            raise SigningError("Choose where to save the key.")
        if out.exists():
            raise SigningError(f"{out} already exists; choose another file name for the key.")
        out.parent.mkdir(parents=True, exist_ok=True)
        created = signing_commands.create_key(
            self.flow.window.data_dir, out, self.name.text().strip(), self.passphrase.text(), role=self.role.text()
        )
        self.passphrase.clear()
        self.repeat.clear()
        return created


@dataclass(frozen=True, slots=True)
class SignedMinutes:
    signed: Signed
    sha256: str


class SignDialog(QDialog):
    """Sign the approved minutes as a correct record: key, passphrase, the drawn signature, and where to save.

    The minutes are rendered and signed in a worker thread; the signature is then recorded (the record locks).
    A wrong passphrase, a damaged key or an expired certificate is shown here, and the dialog stays open.
    """

    def __init__(
        self, flow: MinutesWorkflow, record: MeetingRecord, parent: QWidget | None = None, part: Part = Part.ONE
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self.record = record
        self.part = part
        self.signed: SignedMinutes | None = None
        self.want_verification = False
        self._job: BackgroundJob | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._export: MinutesExport | None = None  # the recorded export being signed
        confidential = part is Part.TWO
        self.setWindowTitle(f"Sign the {'Part II ' if confidential else ''}minutes as a correct record")
        meeting = record.meeting
        chair = next((a for a in record.approvals if a.step is MinutesStatus.CHAIR_APPROVED), None)
        body = next((a for a in record.approvals if a.step is MinutesStatus.BODY_APPROVED), None)
        approved = f", approved by the body on {long_date(body.on)}" if body else ""
        when = long_date(meeting.date)
        title = meeting.title if when in meeting.title or not meeting.date else f"{meeting.title}, {when}"
        intro = QLabel(
            f"<b>Minutes of the {escape(title)}</b>{escape(approved)}.<br>"
            f"Quorate renders the approved minutes ({'Part II, confidential' if confidential else 'Part I'}), adds "
            "a visible signature block on the last page and signs the file with your key. Nothing can be added to "
            "it afterwards without showing."
        )
        intro.setWordWrap(True)

        self.key = QLineEdit()
        self.key.setAccessibleName("Key file")
        self.key.setPlaceholderText("The chair's key file (.p12)")
        choose_key = QPushButton("Choose…")
        choose_key.setAccessibleName("Choose the key file")
        choose_key.clicked.connect(self._choose_key)
        self.create_key_button = QPushButton("Create a key for me…")
        self.create_key_button.clicked.connect(self.create_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(choose_key)
        key_row.addWidget(self.create_key_button)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setPlaceholderText("Never stored")
        self.name = QLineEdit(chair.name if chair else "")
        self.name.setAccessibleName("Name as shown")
        self.name.setPlaceholderText("As on the certificate")
        self.role = QLineEdit(chair.role if chair else "Chair")
        self.role.setAccessibleName("Role as shown")
        self.location = QLineEdit(meeting.venue)
        self.location.setAccessibleName("Place")

        self.pad = SignaturePad()
        clear = QPushButton("Clear")
        clear.setAccessibleName("Clear the signature")
        clear.clicked.connect(self.pad.clear)
        import_png = QPushButton("Import a PNG…")
        import_png.clicked.connect(self._import_png)
        pad_buttons = QVBoxLayout()
        pad_buttons.addWidget(clear)
        pad_buttons.addWidget(import_png)
        pad_buttons.addStretch(1)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addLayout(pad_buttons)

        suffix = "-part-ii" if confidential else ""
        suggested = flow.exports_dir() / f"minutes-{meeting.date or meeting.id}{suffix}-signed.pdf"
        self.out = QLineEdit(str(suggested))
        self.out.setAccessibleName("Save the signed minutes as")
        choose_out = QPushButton("Choose…")
        choose_out.setAccessibleName("Choose where to save the signed minutes")
        choose_out.clicked.connect(self._choose_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(choose_out)

        form = QFormLayout()
        labelled(form, "&Key:", key_row, self.key)
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("P&lace:", self.location)
        labelled(form, "Si&gnature:", pad_row, self.pad)
        labelled(form, "&Save as:", out_row, self.out)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Signing")
        self.busy.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.message.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setAccessibleName("Problem")
        self.error.hide()

        self.buttons = QDialogButtonBox()
        self.sign_button = self.buttons.addButton("Sign as a correct record", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.verify_button = self.buttons.addButton("Show the verification…", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        assert self.cancel_button is not None and self.close_button is not None
        self.verify_button.hide()
        self.close_button.hide()
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.start_signing)
        self.cancel_button.clicked.connect(self.reject)
        self.verify_button.clicked.connect(self._show_verification)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

    # -- what the chair chooses ----------------------------------------------------------------------------------

    def _choose_key(self) -> None:
        start = Path(self.key.text()) if self.key.text() else self.flow.window.data_dir / "keys"
        path = self.flow.open_file_name("The chair's key", start, "PKCS#12 key (*.p12 *.pfx);;All files (*)")
        if path is not None:
            self.key.setText(str(path))

    def create_key(self) -> None:
        dialog = CreateKeyDialog(self.flow, self.name.text(), self.role.text(), self)
        from app.commands.signing import KeyCreated

        if self.flow.exec_dialog(dialog) and isinstance(dialog.result_value, KeyCreated):
            created = dialog.result_value
            self.key.setText(str(created.key_file))
            if not self.name.text().strip():
                self.name.setText(created.certificate.name)
            self._say(
                f"Your key is in {created.key_file}. Its certificate is trusted on this computer; give "
                f"{created.certificate_file.name} to whoever needs to verify the signed minutes."
            )
            self.passphrase.setFocus()

    def _import_png(self) -> None:
        path = self.flow.open_file_name("A picture of the signature", Path.home(), "PNG image (*.png)")
        if path is not None and not self.pad.load_png(path):
            self.show_error(f"{path.name} is not a picture Quorate can read.")

    def _choose_out(self) -> None:
        path = self.flow.save_file_name("Save the signed minutes", Path(self.out.text()), "PDF (*.pdf)")
        if path is not None:
            self.out.setText(str(path if path.suffix else path.with_suffix(".pdf")))

    # -- messages --------------------------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def signing(self) -> bool:
        return self._job is not None

    # -- signing -----------------------------------------------------------------------------------------------------

    def _problem_before_signing(self) -> str | None:
        if not self.key.text().strip():
            return "Choose the chair's key file, or create one."
        if not self.passphrase.text():
            return "Type the passphrase of the key."
        if not self.out.text().strip():
            return "Choose where to save the signed minutes."
        if Path(self.out.text()).expanduser().resolve() == Path(self.key.text()).expanduser().resolve():
            return "The signed minutes cannot be saved over the key file."
        return None

    def start_signing(self) -> None:
        if self._job is not None or self.signed is not None:
            return
        self.error.hide()
        problem = self._problem_before_signing()
        if problem is None:
            try:
                approval.check_ready_to_sign(self.flow.window.store, self.record.meeting.id or 0, self.part)
            except approval.ApprovalError as exc:
                problem = str(exc)
        if problem is not None:
            self.show_error(problem)
            return
        from app.commands import signing as signing_commands

        # Inside the data folder (its user's alone), never the shared temporary folder: the signature picture and
        # the unsigned minutes live there only while signing; app.ui.application sweeps any a crash left.
        self._scratch = tempfile.TemporaryDirectory(prefix=".quorate-sign-", dir=self.flow.window.data_dir)
        scratch = Path(self._scratch.name)
        image: Path | None = None
        if not self.pad.is_empty():
            try:
                image = self.pad.save_png(scratch / "signature.png")
            except ValueError as exc:
                self.show_error(str(exc))
                return
        store, meeting_id = self.flow.window.store, self.record.meeting.id or 0
        # The dialog renders the approved minutes afresh: that export is recorded, so it is the file signed.
        unsigned = scratch / "minutes.pdf"
        try:
            exported = signing_commands.export_minutes_pdf(store, meeting_id, unsigned, self.part)
            self._export = signing_commands.export_to_sign(store, meeting_id, unsigned, unsigned.read_bytes())
        except (signing_commands.SigningError, StorageError) as exc:
            self.show_error(str(exc))
            return
        box = self._export.signature_box
        key, passphrase = Path(self.key.text().strip()).expanduser(), self.passphrase.text()
        out = Path(self.out.text().strip()).expanduser()
        name, role, place = self.name.text().strip() or None, self.role.text().strip() or None, self.location.text()
        assert exported.recorded is not None

        def work() -> SignedMinutes:
            out.parent.mkdir(parents=True, exist_ok=True)
            done = signing_commands.sign(
                unsigned, key, passphrase, out, name=name, role=role, image=image, location=place, box=box
            )
            return SignedMinutes(done, hashlib.sha256(out.read_bytes()).hexdigest())

        self._job = BackgroundJob("sign-minutes", work)
        self._job.done.connect(self._on_signed)
        self._job.failed.connect(self._on_failed)
        self._set_busy(True)
        self._job.start()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.sign_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.create_key_button.setEnabled(not busy)
        if busy:
            self._say("Rendering the approved minutes and signing them…")

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job = None
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None
        self._set_busy(False)

    def _on_failed(self, message: str) -> None:
        self._end_job()
        self.message.hide()
        self.show_error(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _on_signed(self, result: SignedMinutes) -> None:
        self._end_job()
        self.passphrase.clear()
        from app.commands import signing as signing_commands

        assert self._export is not None
        try:
            signing_commands.record_signature(
                self.flow.window.store,
                self.record.meeting.id or 0,
                self._export,
                Path(result.signed.out).read_bytes(),
                result.signed.signer_name,
            )
        except (approval.ApprovalError, signing_commands.SigningError, StorageError) as exc:
            Path(result.signed.out).unlink(missing_ok=True)  # unrecorded, so not the signed minutes
            self.show_error(f"The minutes were not signed: {exc}")
            return
        self.signed = result
        self._say(
            f"Signed by {result.signed.signer_name} and recorded: the minutes are now locked. "
            f"The signed copy is {result.signed.out}."
        )
        self.sign_button.hide()
        self.cancel_button.hide()
        self.verify_button.show()
        self.close_button.show()
        self.verify_button.setDefault(True)
        self.verify_button.setFocus()

    def _show_verification(self) -> None:
        self.want_verification = True
        self.accept()

    def reject(self) -> None:
        if self._job is None:  # a signature being made is finished, not abandoned half-way
            super().reject()

    def done(self, result: int) -> None:
        if self._job is not None:
            return
        super().done(result)


# --- the panel on the meeting page -----------------------------------------------------------------------------


class MinutesPanel(QFrame):
    """Where the minutes are on their way to a signed record, and the button for the next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutes-panel")
        self.setAccessibleName("Minutes status")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.steps = QLabel()
        self.steps.setAccessibleName("Minutes steps")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Minutes approval")
        self.locked = QLabel()
        self.locked.setWordWrap(True)
        self.locked.setAccessibleName("Signed minutes")
        self.locked.hide()
        self.next_button = QPushButton()
        self.next_button.setAccessibleName("Next step")
        self.correct_button = QPushButton("Record a correction…")
        self.correct_button.hide()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.steps)
        text.addWidget(self.detail)
        text.addWidget(self.locked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(text, 1)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_status(self, status: MinutesStatus, details: list[str], next_step: str) -> None:
        reached = [s for s, _label in STATUS_STEPS].index(status)
        parts = []
        for position, (_step, label) in enumerate(STATUS_STEPS):
            if position < reached:
                parts.append(f"<span style='color:#2e7d32'>✓ {label}</span>")
            elif position == reached:
                parts.append(f"<b>{label}</b>")
            else:
                parts.append(f"<span style='color:#80868b'>{label}</span>")
        self.steps.setText("Minutes: " + " → ".join(parts))
        self.detail.setText(" ".join(escape(line) for line in details))
        self.detail.setVisible(bool(details))
        self.next_button.setText(next_step)
        self.next_button.setVisible(bool(next_step))
        signed = status is MinutesStatus.SIGNED
        self.correct_button.setVisible(signed)
        self.locked.setText(f"<b>{escape(LOCKED_MESSAGE)}</b>")
        self.locked.setVisible(signed)
        colour, border = ("#e8f0fe", "#1a73e8") if signed else ("transparent", "palette(mid)")
        self.setStyleSheet(
            f"#minutes-panel {{ background: {colour}; border: 1px solid {border}; border-radius: 4px; }}"
            + (" #minutes-panel QLabel { color: black; }" if signed else "")
        )


# --- the controller ---------------------------------------------------------------------------------------------


class MinutesWorkflow(QObject):
    """The Minutes menu and panel of one main window."""

    job_finished = Signal(str)  # what the last background job said (tests wait on it)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.meeting_id: int | None = None
        self.status = MinutesStatus.DRAFT
        self.signed = False  # the lock: a signature is recorded (whatever the status column says)
        self.to_sign: list[Part] = []  # the parts of the minutes that can be signed now (Part II is signed apart)
        self.last_output: Path | None = None
        self.last_problem = ""
        self._job: BackgroundJob | None = None
        self._job_label = ""
        self.panel = MinutesPanel()
        self.panel.hide()
        self.panel.next_button.clicked.connect(self.next_step)
        self.panel.correct_button.clicked.connect(self.record_correction)
        window.meeting_page.banner_slot.addWidget(self.panel)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(140)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        window.statusBar().addPermanentWidget(self.busy)
        self.export_notice = ExportNotice()
        window.statusBar().addPermanentWidget(self.export_notice)
        self._build_actions()

    # -- hooks tests replace -------------------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted."""
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self.window, title, text) == QMessageBox.StandardButton.Yes

    def save_file_name(self, title: str, suggested: Path, filters: str) -> Path | None:
        path, _chosen = QFileDialog.getSaveFileName(self.window, title, str(suggested), filters)
        return Path(path) if path else None

    def open_file_name(self, title: str, start: Path, filters: str) -> Path | None:
        path, _chosen = QFileDialog.getOpenFileName(self.window, title, str(start), filters)
        return Path(path) if path else None

    def tell(self, title: str, text: str) -> None:
        """A problem the secretary must see."""
        QMessageBox.warning(self.window, title, text)

    # -- menu ----------------------------------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], Any], tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.status_action = QAction("Status: Draft", self.window)
        self.status_action.setEnabled(False)
        self.chair_action = self._action("&Chair approves the draft…", self.approve_as_chair)
        self.body_action = self._action("Approved by the &body at…", self.approve_by_body)
        self.sign_action = self._action("&Sign as a correct record…", self.sign)
        self.sign_part2_action = self._action(
            "Sign the Part &II minutes as a correct record…", lambda: self.sign(Part.TWO), "Confidential: signed apart"
        )
        self.amend_action = self._action("Record a &correction agreed at a later meeting…", self.record_correction)
        self.reopen_action = self._action(
            "&Edit the approved minutes (back to draft)…", self.edit_approved, "Withdraw the approvals and edit"
        )
        self.part2_action = self._action(
            "Export Part &II minutes as PDF…", lambda: self.export_pdf(Part.TWO), "Confidential: never published"
        )
        self.docx_action = self._action("Export minutes as &Word…", self.export_docx)
        self.tracker_action = self._action("Export action &tracker…", self.export_tracker)
        self.attendance_action = self._action("Export &attendance report…", self.export_attendance)
        self.verify_action = self._action("&Verify a signed PDF…", self.verify_pdf)
        self.step_actions = [
            self.chair_action,
            self.body_action,
            self.sign_action,
            self.sign_part2_action,
            self.reopen_action,
            self.amend_action,
        ]
        self.export_actions = [self.part2_action, self.docx_action, self.tracker_action, self.attendance_action]
        self.refresh_actions()

    def fill_file_menu(self, menu: QMenu) -> None:
        """The exports after "Export minutes as PDF…", and Verify."""
        menu.addActions(self.export_actions)
        menu.addSeparator()
        menu.addAction(self.verify_action)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.status_action)
        menu.addSeparator()
        menu.addActions(self.step_actions)
        menu.addSeparator()
        menu.addActions(self.export_actions)
        menu.addSeparator()
        menu.addAction(self.verify_action)

    def refresh_actions(self) -> None:
        has_meeting = self.meeting_id is not None
        working = self._job is not None
        wanted = {
            self.chair_action: MinutesStatus.DRAFT,
            self.body_action: MinutesStatus.CHAIR_APPROVED,
            self.amend_action: MinutesStatus.SIGNED,
        }
        for action, status in wanted.items():
            action.setEnabled(has_meeting and self.status is status and not working)
        self.amend_action.setEnabled(has_meeting and self.signed and not working)
        self.sign_action.setEnabled(has_meeting and Part.ONE in self.to_sign and not working)
        self.sign_part2_action.setEnabled(has_meeting and Part.TWO in self.to_sign and not working)
        approved = self.status in (MinutesStatus.CHAIR_APPROVED, MinutesStatus.BODY_APPROVED)
        self.reopen_action.setEnabled(has_meeting and approved and not self.signed and not working)
        for action in self.export_actions:
            action.setEnabled(has_meeting and not working)
        export = getattr(self.window, "export_action", None)
        if isinstance(export, QAction) and has_meeting:
            export.setEnabled(not working)
        self.status_action.setText(f"Status: {STATUS_LABELS[self.status]}")

    # -- the meeting shown --------------------------------------------------------------------------------------------

    def attach(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def record(self) -> MeetingRecord:
        assert self.meeting_id is not None
        return self.window.store.record(self.meeting_id)

    def refresh(self) -> None:
        """Redraw the panel, the menu and the editor's lock from the record."""
        editor = self.window.meeting_page.editor
        if self.meeting_id is None:
            self.panel.hide()
            self.status = MinutesStatus.DRAFT
            self.signed = False
            self.to_sign = []
            editor.set_locked(False)
            self.refresh_actions()
            return
        record = self.record()
        self.status = record.meeting.minutes_status
        self.signed = self.window.store.signature_of(record.meeting.id or 0) is not None
        parts = approval.minutes_parts(self.window.store, record.meeting.id or 0)
        self.to_sign = [part for part in (Part.ONE, Part.TWO) if part in parts and self._can_sign(part)]
        titles = {m.id: f"the meeting of {long_date(m.date)}" for m in self.window.store.meetings() if m.id}
        next_step = {
            MinutesStatus.DRAFT: "Chair approves the draft…",
            MinutesStatus.CHAIR_APPROVED: "Approved by the body at…",
            MinutesStatus.BODY_APPROVED: "Sign as a correct record…",
            MinutesStatus.SIGNED: "" if not self.to_sign else SIGN_LABELS[self.to_sign[0]],
        }[self.status]
        details = status_details(record, titles)
        reopened = last_reopened(self.window.store, record.meeting.id or 0)
        if reopened is not None and self.status is MinutesStatus.DRAFT:
            details.append(
                f"Returned to draft on {long_date(reopened.date())} at {reopened:%H:%M}: edited after approval."
            )
        self.panel.show_status(self.status, details, next_step)
        self.panel.show()
        approved = self.status in (MinutesStatus.CHAIR_APPROVED, MinutesStatus.BODY_APPROVED)
        if self.signed:
            editor.set_locked(True, LOCKED_MESSAGE)
        else:
            editor.set_locked(approved, APPROVED_MESSAGE)
        self.refresh_actions()

    def minute_refused(self, message: str) -> None:
        """A minute edit was refused because the record is locked: say so and reload what is stored."""
        self.refresh()
        self.window._show_item(self.window.current_item())  # what is stored, not what was typed
        self.window.statusBar().showMessage(message, 20_000)

    def next_step(self) -> None:
        if self.status is MinutesStatus.DRAFT:
            self.approve_as_chair()
        elif self.status is MinutesStatus.CHAIR_APPROVED:
            self.approve_by_body()
        elif self.to_sign:
            self.sign(self.to_sign[0])

    # -- steps -----------------------------------------------------------------------------------------------------

    def _chair_name(self, record: MeetingRecord) -> str:
        chairs = [
            p.name
            for p in record.people
            if "chair" in p.role.casefold() and not re.search(r"vice|deputy|co-", p.role, re.I)
        ]
        return chairs[0] if chairs else ""

    def _after_step(self, done: str) -> None:
        self.window.flush()
        self.refresh()
        self.window.statusBar().showMessage(done, 15_000)

    def approve_as_chair(self) -> None:
        if self.meeting_id is None:
            return
        self.window.flush()
        record = self.record()
        dialog = ChairApprovalDialog(self.window.store, self.meeting_id, self._chair_name(record), self.window)
        if self.exec_dialog(dialog):
            self._after_step("The draft minutes are approved by the chair.")

    def approve_by_body(self) -> None:
        if self.meeting_id is None:
            return
        self.window.flush()
        dialog = BodyApprovalDialog(self.window.store, self.record().meeting, self.window)
        if self.exec_dialog(dialog):
            self._after_step("The minutes are approved by the body as a correct record: the chair can sign them.")

    def _can_sign(self, part: Part) -> bool:
        try:
            approval.check_ready_to_sign(self.window.store, self.meeting_id or 0, part)
        except approval.ApprovalError:
            return False
        return True

    def sign(self, part: Part = Part.ONE) -> None:
        """Sign Part I (or the Part II minutes: signed apart, before or after Part I, from the same record)."""
        if self.meeting_id is None:
            return
        self.window.flush()
        try:
            approval.check_ready_to_sign(self.window.store, self.meeting_id, part)
        except approval.ApprovalError as exc:
            self.tell("Not ready to sign", str(exc))
            return
        dialog = SignDialog(self, self.record(), self.window, part)
        self.exec_dialog(dialog)
        signed = dialog.signed
        if signed is None:
            return
        self.last_output = Path(signed.signed.out)
        self._after_step(f"Signed by {signed.signed.signer_name}: {signed.signed.out}")
        if dialog.want_verification:
            self.verify_pdf(Path(signed.signed.out))

    def edit_approved(self) -> None:
        """Approved minutes are edited only after asking: the edit returns them to draft (audited)."""
        if self.meeting_id is None:
            return
        question = (
            f"These minutes are {STATUS_LABELS[self.status].lower()}. Editing them withdraws the approvals: they "
            "return to draft and must be approved again. Edit them?"
        )
        if not self.confirm("Edit approved minutes", question):
            return
        try:
            approval.return_to_draft(self.window.store, self.meeting_id)
        except approval.ApprovalError as exc:
            self.tell("Cannot edit", str(exc))
            return
        self._after_step("The minutes are a draft again: the approvals were withdrawn (recorded in the audit log).")

    def record_correction(self) -> None:
        if self.meeting_id is None:
            return
        dialog = AmendmentDialog(self.window.store, self.record(), self.window)
        if self.exec_dialog(dialog):
            self._after_step(f"Version {dialog.result_value} of the minutes is recorded; the signed version is kept.")

    # -- exports ---------------------------------------------------------------------------------------------------

    def exports_dir(self) -> Path:
        return export_folder(self.window.data_dir)  # the last folder chosen, else Documents

    def _stem(self) -> str:
        meeting = self.record().meeting
        return f"{meeting.date or meeting.id}"

    def busy_with(self) -> str:
        return self._job_label if self._job is not None else ""

    def run_job(self, label: str, work: Callable[[], object]) -> bool:
        """Start one export in the background; False (and a message) when another is still running."""
        if self._job is not None:
            self.window.statusBar().showMessage(f"Still {self._job_label.lower()}; try again when it is done.", 10_000)
            return False
        self._job_label = label
        self._job = BackgroundJob("minutes-export", work)
        self._job.done.connect(self._on_job_done)
        self._job.failed.connect(self._on_job_failed)
        self.busy.show()
        self.window.statusBar().showMessage(f"{label}…")
        self.refresh_actions()
        self._job.start()
        return True

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job = None
        self.busy.hide()
        self.refresh_actions()

    def _on_job_done(self, result: object) -> None:
        self._end_job()
        self.last_output = result if isinstance(result, Path) else None
        message = f"Written: {result}" if isinstance(result, Path) else f"{self._job_label}: done."
        self.window.statusBar().showMessage(message, 20_000)
        if isinstance(result, Path):
            self.export_notice.show_file(result)  # with Open and Show in folder
        self.job_finished.emit(message)

    def _on_job_failed(self, message: str) -> None:
        self._end_job()
        self.last_problem = message
        self.window.statusBar().showMessage(message, 20_000)
        self.tell(f"{self._job_label}: not done", message)
        self.job_finished.emit(message)

    def shutdown(self) -> None:
        """The window is closing: let a running export finish writing its file."""
        self._end_job()

    def _export(
        self, label: str, title: str, suggested: str, filters: str, make: Callable[[Store, Path], Path]
    ) -> None:
        if self.meeting_id is None:
            return
        self.window.flush()
        path = self.save_file_name(title, self.exports_dir() / suggested, filters)
        if path is None:
            return
        remember_folder(self.window.data_dir, path)
        store = self.window.store

        def work() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            with worker_store(store) as reader:
                return make(reader, path)

        self.run_job(label, work)

    def export_pdf(self, part: Part = Part.ONE) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        if part is Part.TWO and not self.confirm(
            "Part II minutes",
            "The Part II minutes record confidential business and are never published with Part I. "
            "Export them to a file anyway?",
        ):
            return
        suffix = "-part-ii" if part is Part.TWO else ""
        self._export(
            "Exporting the Part II minutes" if part is Part.TWO else "Exporting the minutes",
            "Export Part II minutes (confidential)" if part is Part.TWO else "Export minutes",
            f"minutes-{self._stem()}{suffix}.pdf",
            "PDF (*.pdf)",
            lambda reader, out: commands.export_minutes(reader, meeting_id, out, part),
        )

    def export_docx(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        self._export(
            "Exporting the minutes as Word",
            "Export minutes as Word",
            f"minutes-{self._stem()}.docx",
            "Word document (*.docx)",
            lambda reader, out: exports.export_minutes_docx(reader, meeting_id, _with_suffix(out, ".docx")),
        )

    def export_tracker(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id

        def make(reader: Store, out: Path) -> Path:
            return exports.export_action_tracker(reader, meeting_id, out if out.suffix else out.with_suffix(".xlsx"))

        self._export(
            "Exporting the action tracker",
            "Export action tracker",
            f"action-tracker-{self._stem()}.xlsx",
            "Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)",
            make,
        )

    def export_attendance(self) -> None:
        if self.meeting_id is None:
            return
        meeting = self.record().meeting
        dialog = PeriodDialog(meeting.date or date.today(), self.window)
        if not self.exec_dialog(dialog) or not isinstance(dialog.result_value, tuple):
            return
        start, end = dialog.result_value
        body_id = meeting.body_id

        def make(reader: Store, out: Path) -> Path:
            out = out if out.suffix else out.with_suffix(".pdf")
            return exports.export_attendance_report(reader, body_id, start, end, out)

        self._export(
            "Exporting the attendance report",
            "Export attendance report",
            f"attendance-{start.year}-{end.year}.pdf",
            "PDF (*.pdf);;CSV (*.csv)",
            make,
        )

    # -- verifying -----------------------------------------------------------------------------------------------------

    def verify_pdf(self, path: Path | None = None) -> None:
        from app.ui.verify_dialog import VerifyDialog

        if path is None:
            path = self.open_file_name("Verify a signed PDF", self.exports_dir(), "PDF (*.pdf)")
            if path is None:
                return
        self.exec_dialog(VerifyDialog(self, path, self.window))
