"""The minutes' way to a signed record in the window: the chair approves the draft, the body approves it at a
later meeting, the chair draws a signature and signs with a key made in the app, the meeting locks, and the
signed file verifies as intact and trusted. Exports run in a worker thread while the window keeps answering.

Dialogs are driven in place of `MinutesWorkflow.exec_dialog` (which would block on `exec()`): each handler gets
the real dialog, shown, and fills it in as the secretary or the chair would. File choosers hand back paths under
tmp_path. Assertions that matter read the stored record and the files written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.live import LiveMeeting
from app.domain import AgendaItem, Meeting, MinutesStatus, MotionOutcome, Presence
from app.storage import Store
from app.ui.minutes_workflow import (
    LOCKED_MESSAGE,
    AmendmentDialog,
    BodyApprovalDialog,
    ChairApprovalDialog,
    CreateKeyDialog,
    MinutesWorkflow,
    PeriodDialog,
    SignDialog,
)
from app.ui.signature_pad import SignaturePad
from app.ui.verify_dialog import VerifyDialog
from tests.gui.demo_window import DemoWindow

PASSPHRASE = "correct horse battery"


class Office(DemoWindow):
    """The window on the demo meeting, with queues standing in for the secretary's dialogs and file choices."""

    def __init__(self, qtbot: QtBot, data_dir: Path) -> None:
        super().__init__(qtbot, data_dir)
        qtbot.waitExposed(self.window)
        self.files: list[Path | None] = []
        self.told: list[str] = []
        flow = self.flow
        flow.exec_dialog = self._exec  # type: ignore[method-assign]
        flow.confirm = self._confirm  # type: ignore[method-assign]
        flow.save_file_name = self._file  # type: ignore[method-assign]
        flow.open_file_name = self._file  # type: ignore[method-assign]
        flow.tell = lambda _title, text: self.told.append(text)  # type: ignore[method-assign]

    @property
    def flow(self) -> MinutesWorkflow:
        return self.window.minutes_flow

    def _file(self, _title: str, _start: Path, _filters: str) -> Path | None:
        assert self.files, "unexpected file dialog"
        return self.files.pop(0)

    def status(self) -> MinutesStatus:
        return self.store.meeting(self.meeting_id).minutes_status

    def later_meeting(self) -> tuple[int, int]:
        """The next meeting of the body, held and closed, which approved the minutes under its item 1."""
        body_id = self.store.meeting(self.meeting_id).body_id
        items = [
            AgendaItem(None, 0, 0, "1", "Minutes of the previous meeting and matters arising"),
            AgendaItem(None, 0, 1, "2", "Any other business"),
        ]
        later = self.store.create_meeting(
            Meeting(None, body_id, "Board Meeting in Public", date(2023, 11, 24), time(10)), items
        )
        assert later.id is not None
        live = LiveMeeting(self.store, later.id)
        live.start(time(10))
        live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
        item = live.find_item("1").id
        assert item is not None
        live.open_item(item, time(10, 5))
        motion = live.move(item, "That the minutes of the meeting held on 29 September 2023 be approved.").new_id
        assert motion is not None
        live.set_outcome(motion, MotionOutcome.CARRIED)  # agreed without a count
        live.close(time(12))
        return later.id, motion

    def press_button(self, dialog: QWidget, text: str) -> None:
        from PySide6.QtWidgets import QPushButton

        button = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def office(qtbot: QtBot, tmp_path: Path) -> Iterator[Office]:
    opened = Office(qtbot, tmp_path)
    yield opened
    opened.window.close()
    opened.store.close()


def draw(pad: SignaturePad, strokes: list[list[tuple[int, int]]]) -> None:
    """Sign with the mouse: press, drag through the points, release, for each stroke."""
    for stroke in strokes:
        first, *rest = stroke
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*first))
        for x, y in rest:
            local = QPointF(x, y)
            move = QMouseEvent(
                QEvent.Type.MouseMove,
                local,
                QPointF(pad.mapToGlobal(local)),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(pad, move)
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*rest[-1]))


SIGNATURE = [
    [(30, 90), (45, 40), (60, 95), (75, 45), (90, 92), (110, 60), (140, 80)],
    [(150, 85), (170, 50), (190, 88), (215, 55), (240, 86)],
    [(255, 90), (300, 88)],
]


def approve(office: Office) -> None:
    """The chair approves the draft, then the body approves it at its next meeting."""

    def as_chair(dialog: QDialog) -> None:
        assert isinstance(dialog, ChairApprovalDialog)
        dialog.name.clear()
        QTest.keyClicks(dialog.name, "Rima Makarem")
        dialog.on.setDate(dialog.on.date().fromString("2023-10-06", "yyyy-MM-dd"))
        QTest.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    office.expect(as_chair)
    QTest.mouseClick(office.flow.panel.next_button, Qt.MouseButton.LeftButton)
    assert office.status() is MinutesStatus.CHAIR_APPROVED
    assert "Approved by the chair: Rima Makarem, Chair, 6 October 2023." in office.flow.panel.detail.text()

    later_id, motion_id = office.later_meeting()

    def by_body(dialog: QDialog) -> None:
        assert isinstance(dialog, BodyApprovalDialog)
        assert dialog.pick.meeting.currentData() == later_id
        assert dialog.pick.resolution.count() == 1
        assert dialog.pick.motion_id() == motion_id
        assert "Item 1: That the minutes of the meeting held on 29 September" in dialog.pick.resolution.currentText()
        QTest.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    office.expect(by_body)
    assert office.flow.body_action.isEnabled() and not office.flow.chair_action.isEnabled()
    office.flow.body_action.trigger()
    assert office.status() is MinutesStatus.BODY_APPROVED
    assert office.flow.panel.next_button.text() == "Sign as a correct record…"


def test_approve_sign_verify_lock_and_correct(office: Office, tmp_path: Path) -> None:
    assert "<b>Draft</b>" in office.flow.panel.steps.text()
    assert office.flow.panel.next_button.text() == "Chair approves the draft…"
    approve(office)
    key_file = tmp_path / "keys" / "rima.p12"
    signed_file = tmp_path / "signed" / "minutes-signed.pdf"

    def create_key(dialog: QDialog) -> None:
        assert isinstance(dialog, CreateKeyDialog)
        assert dialog.name.text() == "Rima Makarem"  # from the chair's approval
        QTest.keyClicks(dialog.passphrase, PASSPHRASE)
        QTest.keyClicks(dialog.repeat, PASSPHRASE + "x")
        QTest.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
        assert dialog.error_text() == "The two passphrases are not the same."
        assert dialog.isVisible()
        dialog.repeat.clear()
        QTest.keyClicks(dialog.repeat, PASSPHRASE)
        dialog.where.setText(str(key_file))
        QTest.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    def sign(dialog: QDialog) -> None:
        assert isinstance(dialog, SignDialog)
        office.press_button(dialog, "Create a key for me…")  # the next handler fills that dialog
        assert dialog.key.text() == str(key_file) and key_file.exists()
        dialog.out.setText(str(signed_file))
        draw(dialog.pad, SIGNATURE)
        assert dialog.pad.stroke_count() == 3 and not dialog.pad.image().isNull()

        QTest.keyClicks(dialog.passphrase, "not the passphrase")
        QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        office.qtbot.waitUntil(lambda: not dialog.signing() and bool(dialog.error_text()))
        assert dialog.error_text() == f"The passphrase for {key_file} is wrong."
        assert dialog.isVisible() and dialog.signed is None and not signed_file.exists()
        assert office.status() is MinutesStatus.BODY_APPROVED

        dialog.passphrase.clear()
        QTest.keyClicks(dialog.passphrase, PASSPHRASE)
        QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert dialog.signing() and not dialog.sign_button.isEnabled()
        office.qtbot.waitUntil(lambda: dialog.signed is not None or bool(dialog.error_text()))
        assert dialog.error_text() == ""
        assert dialog.passphrase.text() == ""  # never kept
        assert "Signed by Rima Makarem and recorded" in dialog.message.text()
        QTest.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)

    def verify(dialog: QDialog) -> None:
        assert isinstance(dialog, VerifyDialog)
        office.qtbot.waitUntil(lambda: not dialog.checking())
        assert dialog.report is not None and dialog.report.ok and dialog.report.trusted
        assert dialog.text("signer") == "Rima Makarem, Chair"
        assert "Yes: the signed content is exactly what was signed" in dialog.text("intact")
        assert "No: nothing was added after signing" in dialog.text("modified")
        assert "Yes: the certificate is trusted on this computer" in dialog.text("trusted")
        assert "Matches audit entry" in dialog.text("audit_log")
        assert "This is the signed copy of version 1 of the minutes of" in dialog.text("recorded")
        assert "Valid" in dialog.verdict.text()
        assert dialog.trust_button.isHidden()

    office.expect(sign)
    office.expect(create_key)
    office.expect(verify)
    office.flow.sign_action.trigger()
    assert office.handlers == []
    assert office.status() is MinutesStatus.SIGNED
    signed = next(a for a in office.store.record(office.meeting_id).approvals if a.step is MinutesStatus.SIGNED)
    import hashlib

    assert signed.file_sha256 == hashlib.sha256(signed_file.read_bytes()).hexdigest()

    # The window now says the minutes are signed, and the editor refuses typing.
    panel = office.flow.panel
    assert panel.locked.isVisible() and "These minutes are signed" in panel.locked.text()
    assert "<b>Signed</b>" in panel.steps.text()
    editor = office.window.meeting_page.editor
    item = office.window.current_item()
    assert item is not None and item.id is not None
    before = office.store.minute(item.id).body
    assert editor.isReadOnly() and editor.locked
    assert editor.toolTip() == LOCKED_MESSAGE
    editor.setFocus()
    QTest.keyClicks(editor, "Rewritten quietly")
    editor.flush()
    assert office.store.minute(item.id).body == before
    assert not office.window.meeting_page.toolbar.bold_action.isEnabled()
    office.window.step_item(1)  # another item is read-only too
    assert editor.isReadOnly()

    # A write that reaches the record anyway is refused with the sentence, never a crash or a modal box.
    office.window._save_minute(item.id, "Rewritten quietly.")
    assert "signed" in office.window.statusBar().currentMessage()
    assert office.store.minute(item.id).body == before
    live = office.window.live.live
    assert live is not None
    assert office.window.live.run(live.start) is None
    assert "signed" in office.window.live.banner.text.text()

    # A correction agreed at a later meeting is the amendment path.
    def correct(dialog: QDialog) -> None:
        assert isinstance(dialog, AmendmentDialog)
        dialog.item.setCurrentIndex(dialog.item.findData(item.id))
        assert dialog.pick.resolution.findData(None) < 0  # the resolution that agreed it is not optional
        dialog.text.setPlainText("The Board noted the corrected figures.")
        QTest.keyClicks(dialog.reason, "figures misquoted")
        QTest.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    office.expect(correct)
    QTest.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    amendments = office.store.record(office.meeting_id).amendments
    assert [(a.version, a.item_id, a.text) for a in amendments] == [
        (2, item.id, "The Board noted the corrected figures.")
    ]
    assert "Version 2: corrected at the meeting of 24 November 2023, item 1." in panel.detail.text()


def test_the_part_ii_minutes_are_signed_apart_from_the_window(office: Office, tmp_path: Path) -> None:
    """A meeting that went into Part II has two documents to sign: after Part I, the status panel's next step
    and Minutes ▸ Sign the Part II minutes… sign the confidential minutes from the same locked record."""
    from app.commands import signing
    from app.domain import Part
    from app.export import keys
    from app.storage.signatures import signatures_of

    live = LiveMeeting(office.store, office.meeting_id)
    live.start(time(10))
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    last = max(live.record().items, key=lambda i: i.position)
    assert last.id is not None
    live.part2(time(11))
    live.open_item(last.id, time(11))
    live.close(time(12))
    office.flow.refresh()
    approve(office)
    flow = office.flow
    assert flow.sign_action.isEnabled() and flow.sign_part2_action.isEnabled()
    key = tmp_path / "chair.p12"
    keys.generate_key(key, "Rima Makarem", PASSPHRASE, role="Chair")
    outs = {Part.ONE: tmp_path / "part-i.pdf", Part.TWO: tmp_path / "part-ii.pdf"}

    def sign(part: Part) -> Callable[[QDialog], None]:
        def handler(dialog: QDialog) -> None:
            assert isinstance(dialog, SignDialog) and dialog.part is part
            assert ("Part II" in dialog.windowTitle()) is (part is Part.TWO)
            dialog.key.setText(str(key))
            QTest.keyClicks(dialog.passphrase, PASSPHRASE)
            dialog.out.setText(str(outs[part]))
            QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
            office.qtbot.waitUntil(lambda: dialog.signed is not None or bool(dialog.error_text()))
            assert dialog.error_text() == ""
            dialog.accept()

        return handler

    office.expect(sign(Part.ONE))
    flow.sign_action.trigger()
    assert office.status() is MinutesStatus.SIGNED
    assert not flow.sign_action.isEnabled() and flow.sign_part2_action.isEnabled()
    assert flow.panel.next_button.text() == "Sign the Part II minutes…"
    office.expect(sign(Part.TWO))
    QTest.mouseClick(flow.panel.next_button, Qt.MouseButton.LeftButton)
    assert office.handlers == []
    assert sorted(s.part for s in signatures_of(office.store)) == [1, 2]
    assert not flow.sign_part2_action.isEnabled() and not flow.panel.next_button.isVisible()
    for out in outs.values():
        report = signing.verify(tmp_path, out)
        checked = signing.check_against_record(office.store, out, report)
        assert report.ok and checked is not None and checked.ok, checked
    from pypdf import PdfReader

    assert "CONFIDENTIAL" in PdfReader(outs[Part.TWO]).pages[0].extract_text()
    assert "CONFIDENTIAL" not in PdfReader(outs[Part.ONE]).pages[0].extract_text()


def test_a_damaged_key_is_one_sentence_and_the_dialog_stays_open(office: Office, tmp_path: Path) -> None:
    approve(office)
    damaged = tmp_path / "damaged.p12"
    damaged.write_bytes(b"\x30\x82 not a pkcs12 file at all")

    def sign(dialog: QDialog) -> None:
        assert isinstance(dialog, SignDialog)
        dialog.key.setText(str(damaged))
        QTest.keyClicks(dialog.passphrase, PASSPHRASE)
        QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        office.qtbot.waitUntil(lambda: not dialog.signing() and bool(dialog.error_text()))
        assert dialog.error_text() == f"{damaged} is not a PKCS#12 key file, or it is damaged."
        dialog.reject()

    office.expect(sign)
    office.flow.sign_action.trigger()
    assert office.status() is MinutesStatus.BODY_APPROVED


def test_an_untrusted_signer_can_be_trusted_from_the_verify_dialog(office: Office, tmp_path: Path) -> None:
    from app.commands import signing

    key = tmp_path / "outsider.p12"
    signing.create_key(tmp_path / "elsewhere", key, "Olu Outsider", PASSPHRASE, role="Chair")
    source = tmp_path / "minutes.pdf"
    commands.export_minutes(office.store, office.meeting_id, source)
    signed = tmp_path / "signed.pdf"
    signing.sign(source, key, PASSPHRASE, signed)

    def verify(dialog: QDialog) -> None:
        assert isinstance(dialog, VerifyDialog)
        office.qtbot.waitUntil(lambda: not dialog.checking())
        assert dialog.report is not None and dialog.report.ok and not dialog.report.trusted
        assert "No: the certificate is not in this computer's trust store" in dialog.text("trusted")
        assert "not recorded here" in dialog.text("recorded")
        assert dialog.trust_button.isVisible()
        QTest.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)
        office.qtbot.waitUntil(lambda: not dialog.checking())
        assert dialog.report is not None and dialog.report.trusted
        assert "Valid" in dialog.verdict.text()

    office.files.append(signed)
    office.expect(verify)
    assert office.flow.verify_action in office.window.menuBar().actions()[0].menu().actions()
    office.flow.verify_action.trigger()
    assert "Olu Outsider" in office.questions[0] and signing.trusted_certificates(office.data_dir)


def test_exports_run_in_a_worker_while_the_window_keeps_answering(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.commands import exports

    entered, gate = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []
    original = exports.export_minutes_docx

    def held(store: Store, meeting_id: int, out: Path) -> Path:
        threads.append(threading.current_thread())
        entered.set()
        assert gate.wait(60)
        return original(store, meeting_id, out)

    monkeypatch.setattr(exports, "export_minutes_docx", held)
    word = tmp_path / "out" / "minutes"  # no suffix: .docx is added
    office.files.append(word)
    office.flow.docx_action.trigger()
    office.qtbot.waitUntil(entered.is_set)
    assert threads[0] is not threading.main_thread()
    assert office.flow.busy.isVisible() and office.flow.busy_with() == "Exporting the minutes as Word"
    assert not office.flow.tracker_action.isEnabled()  # one export at a time
    ticks: list[int] = []
    for n in range(3):  # the event loop runs timers while the export is held in its thread
        QTimer.singleShot(0, lambda n=n: ticks.append(n))
    office.qtbot.waitUntil(lambda: len(ticks) == 3)
    assert not word.with_suffix(".docx").exists() and office.flow.busy_with()  # still held in its thread
    with office.qtbot.waitSignal(office.flow.job_finished, timeout=60_000):
        gate.set()
    assert office.told == []
    assert word.with_suffix(".docx").stat().st_size > 0
    assert not office.flow.busy.isVisible() and office.flow.tracker_action.isEnabled()

    for name in ("tracker.xlsx", "tracker.csv", "tracker.pdf"):
        office.files.append(tmp_path / "out" / name)
        with office.qtbot.waitSignal(office.flow.job_finished, timeout=60_000):
            office.flow.tracker_action.trigger()
        assert (tmp_path / "out" / name).stat().st_size > 0, name
    assert "Action" in (tmp_path / "out" / "tracker.csv").read_text(encoding="utf-8-sig")

    office.files.append(tmp_path / "out" / "tracker.txt")
    with office.qtbot.waitSignal(office.flow.job_finished, timeout=60_000):
        office.flow.tracker_action.trigger()
    assert office.told == ["The action tracker can be exported as csv, xlsx, pdf, not 'txt'."]

    def period(dialog: QDialog) -> None:
        assert isinstance(dialog, PeriodDialog)
        assert dialog.period() == (date(2023, 4, 1), date(2024, 3, 31))
        QTest.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    office.expect(period)
    office.files.append(tmp_path / "out" / "attendance.csv")
    with office.qtbot.waitSignal(office.flow.job_finished, timeout=60_000):
        office.flow.attendance_action.trigger()
    assert (tmp_path / "out" / "attendance.csv").stat().st_size > 0

    office.answer = False
    office.flow.part2_action.trigger()  # Part II asks first; "No" writes nothing and asks for no file
    assert "confidential" in office.questions[-1]
    office.answer = True
    office.files.append(tmp_path / "out" / "part2.pdf")
    with office.qtbot.waitSignal(office.flow.job_finished, timeout=60_000):
        office.flow.part2_action.trigger()
    assert (tmp_path / "out" / "part2.pdf").read_bytes().startswith(b"%PDF")

    office.files.append(tmp_path / "out" / "part1.pdf")
    with office.qtbot.waitSignal(office.flow.job_finished, timeout=60_000):
        office.window.export_action.trigger()  # Ctrl+E
    assert (tmp_path / "out" / "part1.pdf").read_bytes().startswith(b"%PDF")
    assert office.window.statusBar().currentMessage() == f"Written: {tmp_path / 'out' / 'part1.pdf'}"


def test_approved_minutes_are_edited_only_after_asking_and_return_to_draft(office: Office) -> None:
    approve(office)
    editor = office.window.meeting_page.editor
    assert editor.isReadOnly()  # approved: typing would change what the body approved
    assert office.flow.reopen_action.isEnabled()
    office.answer = False
    office.flow.reopen_action.trigger()
    assert "withdraws the approvals" in office.questions[-1]
    assert office.status() is MinutesStatus.BODY_APPROVED and editor.isReadOnly()  # "no" changes nothing
    office.answer = True
    office.flow.reopen_action.trigger()
    assert office.status() is MinutesStatus.DRAFT
    assert office.store.record(office.meeting_id).approvals == ()
    assert "Returned to draft on" in office.flow.panel.detail.text()
    assert "<b>Draft</b>" in office.flow.panel.steps.text()
    assert not editor.isReadOnly() or office.window.current_item() is None
    assert [e.action for e in office.store.audit_entries()][-1] == "reopen"


def test_start_up_checks_the_record_in_the_background_and_says_what_changed(office: Office) -> None:
    import sqlite3

    from app.ui.application import start_integrity_check

    assert office.store.path is not None
    clean = start_integrity_check(office.window, office.store)
    office.qtbot.waitUntil(lambda: not clean.running(), timeout=30_000)
    clean.wait()
    QApplication.processEvents()
    assert "changed outside Quorate" not in office.window.statusBar().currentMessage()
    item = office.store.items(office.meeting_id)[0].id
    with sqlite3.connect(office.store.path) as conn:
        conn.execute(
            "INSERT INTO minute_entry (item_id, body, updated_at) VALUES (?, 'Typed in by hand', '2026-01-01')"
            " ON CONFLICT(item_id) DO UPDATE SET body = 'Typed in by hand'",
            (item,),
        )
    conn.close()
    tampered = start_integrity_check(office.window, office.store)
    bar = office.window.statusBar()
    office.qtbot.waitUntil(lambda: "changed outside Quorate" in bar.currentMessage(), timeout=30_000)
    tampered.wait()
