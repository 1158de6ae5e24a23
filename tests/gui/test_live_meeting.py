"""A whole meeting minuted by keyboard in the window: roll call, items, a declaration, a recorded vote that is
refused until it adds up, a departure that loses the quorum, an action, Part II and the close.

Dialogs are driven in place of `LiveMode.exec_dialog` (which would block on `exec()`): each step's handler
gets the real dialog, shown, and fills it with keys as the secretary would. Every assertion that matters
reads the stored record, not the widgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.commands import people as people_commands
from app.commands.live import LiveError, LiveMeeting
from app.domain import (
    Action,
    AgendaItem,
    Ballot,
    DeclarationConduct,
    EventKind,
    ItemStatus,
    MeetingRecord,
    MotionOutcome,
    Part,
    Presence,
    VoteKind,
)
from app.services import live as svc
from app.storage import Store
from app.ui.application import make_application
from app.ui.live_dialogs import (
    ActionDialog,
    CastingVoteDialog,
    ChairConfirmDialog,
    DeclarationDialog,
    MotionDialog,
    PersonDialog,
    RollCallDialog,
    ShortcutsDialog,
    StatementDialog,
    TrackerDialog,
    VoteDialog,
)
from app.ui.main_window import MainWindow
from tests.gui.demo_window import DemoWindow


class Room(DemoWindow):
    """The window on the demo meeting in live mode, its dialogs answered by queued handlers."""

    def __init__(self, qtbot: QtBot, data_dir: Path) -> None:
        super().__init__(qtbot, data_dir)
        self.window.activateWindow()
        qtbot.waitActive(self.window)
        self.window.live.exec_dialog = self._exec  # type: ignore[method-assign]
        self.window.live.confirm = self._confirm  # type: ignore[method-assign]

    def press(self, keys: str | QKeySequence, widget: QWidget | None = None) -> None:
        """One key combination, sent where the focus is (as a keyboard would)."""
        combination = QKeySequence(keys)[0]
        target = widget or QApplication.focusWidget() or self.window
        QTest.keyClick(target, combination.key(), combination.keyboardModifiers())

    def record(self) -> MeetingRecord:
        return self.store.record(self.meeting_id)

    def item(self, number: str) -> AgendaItem:
        return next(i for i in self.record().items if i.number.rstrip(".") == number)

    def person(self, initials: str) -> int:
        found = next(p.id for p in self.record().people if p.initials == initials)
        assert found is not None
        return found

    def minute(self, number: str) -> str:
        item_id = self.item(number).id
        assert item_id is not None
        return self.store.minute(item_id).body

    def shown(self) -> str:
        item = self.window.current_item()
        assert item is not None
        return item.number.rstrip(".")


@pytest.fixture
def room(qtbot: QtBot, tmp_path: Path) -> Iterator[Room]:
    opened = Room(qtbot, tmp_path)
    yield opened
    opened.window.close()
    opened.store.close()


def raised(record: MeetingRecord) -> list[Action]:
    """Actions raised at this meeting (the demo pack's tracker brings 44 and 47-53 with it)."""
    return [a for a in record.actions if a.origin == "raised"]


def _roll_call(room: Room) -> None:
    """Twelve of the eighteen voting members send apologies: six are here, exactly the quorum of a third."""
    absent = ["MG", "OK", "SPo", "RP", "MS", "SS", "SSw", "DW", "SW", "JH", "RG", "DC"]

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RollCallDialog)
        for initials in absent:
            dialog.table.setCurrentCell(dialog.row_of(room.person(initials)), 0)
            room.press("A", dialog.table)  # A: apologies, and the row moves on
        dialog.accept()  # everyone else is still "not yet marked": refused, nobody is recorded present
        assert "Not yet marked" in dialog.error_text() and dialog.isVisible()
        QTest.mouseClick(dialog.rest_present, Qt.MouseButton.LeftButton)  # a deliberate act, counted on OK
        assert dialog.ok_button().text().startswith("Record ") and "12 apologies" in dialog.ok_button().text()
        dialog.public.selectAll()
        QTest.keyClicks(dialog.public, "7")
        dialog.accept()

    room.expect(fill)
    room.press("Ctrl+Shift+R")


def test_a_whole_meeting_by_keyboard(room: Room) -> None:
    window = room.window
    assert not window.live.active

    # -- start and roll call --------------------------------------------------------------------------------
    _roll_call(room)
    record = room.record()
    assert record.meeting.started_at is not None and record.meeting.members_of_public == 7
    apologies = [a for a in record.attendance if a.presence == Presence.APOLOGIES]
    assert len(apologies) == 12
    assert window.live.active and window.live.room.badge.quorate is True
    assert "6 needed" in window.live.room.badge.accessibleName()

    # -- walking the agenda: standing items are prefilled ---------------------------------------------------
    room.press("Ctrl+Shift+PgDown")  # take the next item: the heading "1" is skipped, never "taken"
    assert room.shown() == "1.1" and room.record().meeting.current_item_id == room.item("1.1").id
    assert room.minute("1.1").startswith("Apologies were received from Manjeet Gill")
    assert room.item("1").status == ItemStatus.PENDING
    room.press("Ctrl+Shift+PgDown")
    # The chair has not confirmed yet, so the standing sentence does not say so.
    assert room.minute("1.2") == "The meeting was quorate (6 counted, 6 needed)."

    def chair_confirms(dialog: QDialog) -> None:
        assert isinstance(dialog, ChairConfirmDialog)
        dialog.accept()

    room.expect(chair_confirms)
    room.press("Ctrl+Shift+Q")
    assert [c.kind.value for c in room.record().confirmations] == ["quoracy"]

    while room.shown() != "6.4":
        room.press("Ctrl+Shift+PgDown")
    assert room.record().meeting.current_item_id == room.item("6.4").id
    assert window.meeting_page.model.current_id == room.item("6.4").id

    # -- a declaration from the register --------------------------------------------------------------------
    coiffait = room.person("MC")

    def declare(dialog: QDialog) -> None:
        assert isinstance(dialog, DeclarationDialog)
        dialog.person.setCurrentIndex(dialog.person.findData(coiffait))
        assert dialog.interest.count() >= 1  # his register rows are offered
        assert "Central Bedfordshire" in dialog.interest.currentText()
        dialog.conduct.setCurrentIndex(dialog.conduct.findData(DeclarationConduct.REMAINED_TOOK_PART))
        dialog.accept()

    room.expect(declare)
    room.press("Ctrl+Shift+D")
    (declaration,) = room.record().declarations
    assert declaration.person_id == coiffait and declaration.item_id == room.item("6.4").id
    assert declaration.interest_id is not None
    assert "Central Bedfordshire" in window.live.room.declarations.text()

    # -- a motion: the mover cannot second it ---------------------------------------------------------------
    chair, borrett = room.person("RM"), room.person("ABo")

    def move(dialog: QDialog) -> None:
        assert isinstance(dialog, MotionDialog)
        assert dialog.text.toPlainText().startswith("That the Board approves")
        dialog.mover.setCurrentIndex(dialog.mover.findData(borrett))
        dialog.seconder.setCurrentIndex(dialog.seconder.findData(borrett))
        dialog.accept()
        assert "cannot also second it" in dialog.error_text() and dialog.isVisible()
        dialog.seconder.setCurrentIndex(dialog.seconder.findData(chair))
        dialog.accept()

    room.expect(move)
    room.press("Ctrl+M")
    (motion,) = room.record().motions
    assert (motion.mover_id, motion.seconder_id) == (borrett, chair)

    # -- a recorded vote, refused until it adds up ----------------------------------------------------------
    def vote(dialog: QDialog) -> None:
        assert isinstance(dialog, VoteDialog)
        assert len(dialog.eligible) == 6
        QTest.keyClicks(dialog.votes_for, "3")
        dialog.accept()
        assert "do not add up" in dialog.error_text() and dialog.isVisible()
        room.press("Ctrl+R", dialog.votes_for)  # one key: a recorded vote naming everyone eligible
        assert dialog.recorded
        dialog.table.setCurrentCell(0, 0)
        QTest.keyClicks(dialog.table, "FFFA")  # four of six
        dialog.accept()
        assert "no vote recorded yet for" in dialog.error_text() and dialog.isVisible()
        QTest.keyClicks(dialog.table, "FB")
        dialog.accept()
        assert dialog.error_text() == ""

    room.expect(vote)
    room.press("Ctrl+Shift+V")
    record = room.record()
    (stored_vote,) = record.votes
    assert stored_vote.kind == VoteKind.RECORDED and len(stored_vote.ballots) == 6
    assert (stored_vote.votes_for, stored_vote.votes_against, stored_vote.abstentions) == (4, 1, 1)
    assert dict(stored_vote.ballots)[chair] == Ballot.FOR
    assert record.motions[0].outcome == MotionOutcome.CARRIED
    assert "CARRIED" in window.live.room.motions.text()

    # -- a departure loses the quorum: said at once, minuted on request ---------------------------------------
    def leaves(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        QTest.keyClicks(dialog.filter, "Felicity")
        dialog.accept()

    room.expect(leaves)
    room.press("Ctrl+Shift+L")
    record = room.record()
    assert [e.kind for e in record.events if e.kind in (EventKind.INQUORATE, EventKind.QUORATE)] == [
        EventKind.INQUORATE
    ]
    banner = window.live.banner
    assert banner.isVisible() and "The meeting is now inquorate" in banner.text.text()
    assert banner.proposed_minute.startswith("The meeting became inquorate at")
    assert window.live.room.badge.quorate is False
    assert "Quorum: inquorate" in window.live.room.badge.accessibleName()
    room.press("Ctrl+Shift+I")
    window.meeting_page.editor.flush()
    assert "The meeting became inquorate at" in room.minute("6.4")

    # -- a vote while inquorate is warned about, and not recorded when the chair says no ----------------------
    def second_motion(dialog: QDialog) -> None:
        assert isinstance(dialog, MotionDialog)
        dialog.text.setPlainText("That the Board notes the risk-share schedules.")
        dialog.accept()

    room.expect(second_motion)
    room.press("Ctrl+M")

    def refused_vote(dialog: QDialog) -> None:
        assert isinstance(dialog, VoteDialog)
        dialog.fill_unanimous()
        room.answer = False
        dialog.accept()
        assert "not recorded" in dialog.error_text()
        dialog.reject()

    room.expect(refused_vote)
    room.press("Ctrl+Shift+V")
    assert room.questions and "inquorate" in room.questions[0]
    assert len(room.record().votes) == 1

    def returns(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        assert dialog.list.count() == 1  # only Felicity Cox is out
        dialog.accept()

    room.expect(returns)
    room.press("Ctrl+Shift+E")
    assert room.record().events[-1].kind == EventKind.QUORATE
    assert window.live.room.badge.quorate is True

    # -- an action with two owners --------------------------------------------------------------------------
    def action(dialog: QDialog) -> None:
        assert isinstance(dialog, ActionDialog)
        QTest.keyClicks(dialog.text, "Report the pooled-budget position")
        dialog.tick("DW")
        dialog.tick("MW")
        dialog.accept()

    room.expect(action)
    room.press("Ctrl+Shift+N")
    (stored_action,) = raised(room.record())
    assert stored_action.owners == ("DW", "MW") and stored_action.item_id == room.item("6.4").id
    assert stored_action.number == "54"  # the body's numbering goes on from the pack's tracker (44, 47-53)

    # -- undo: typing in the editor, meeting actions elsewhere ------------------------------------------------
    editor = window.meeting_page.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, " Typo")
    room.press(QKeySequence(QKeySequence.StandardKey.Undo), editor)
    assert "Typo" not in editor.toPlainText()
    assert len(raised(room.record())) == 1  # Ctrl+Z in the editor left the meeting alone
    assert window.live.undo_action.text() == "&Undo Action 54"
    room.press("Ctrl+Alt+Z")
    assert raised(room.record()) == []
    room.press("Ctrl+Alt+Shift+Z")
    assert len(raised(room.record())) == 1

    # -- the shortcuts sheet lists the keys --------------------------------------------------------------------
    def sheet(dialog: QDialog) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        listed = " ".join(dialog.shortcut_texts())
        for keys in ("Ctrl+Shift+A", "Ctrl+Shift+L", "Ctrl+Shift+D", "Ctrl+M", "Ctrl+Shift+V", "Ctrl+Shift+N"):
            assert keys in listed
        dialog.reject()

    room.expect(sheet)
    room.press("F1")

    # -- Part II, then close ---------------------------------------------------------------------------------
    def part2(dialog: QDialog) -> None:
        assert isinstance(dialog, StatementDialog)
        body = room.record().body
        assert dialog.statement.text() == svc.part2_resolution(body.rules, body.name)  # read out, then minuted
        dialog.accept()

    room.expect(part2)
    room.press("Ctrl+Shift+P")
    record = room.record()
    assert any(e.kind == EventKind.PART2 for e in record.events)
    assert room.item("7.1").part == Part.TWO and room.item("6.3").part == Part.ONE

    room.press("Ctrl+Shift+PgDown")
    assert room.shown() == "7.1" and room.item("6.4").status == ItemStatus.TAKEN

    def close(dialog: QDialog) -> None:
        assert isinstance(dialog, StatementDialog)
        dialog.accept()

    room.expect(close)
    window.live.close_action.trigger()
    record = room.record()
    assert record.meeting.closed_at is not None and not window.live.active
    assert "closed" in window.live.room.badge.accessibleName()
    assert room.store.verify_audit_chain() == []
    assert not room.handlers


def test_reopening_returns_to_the_item_being_taken(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    store = Store.open(paths.database_path(tmp_path))
    meeting_id = commands.ensure_demo_meeting(store)
    live = LiveMeeting(store, meeting_id)
    live.start()
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    item = live.find_item("3")
    assert item.id is not None
    live.open_item(item.id)
    store.close()  # as if the laptop died here

    store = Store.open(paths.database_path(tmp_path))
    window = MainWindow(store, tmp_path)  # opens on the library, then resumes the live meeting
    qtbot.addWidget(window)
    assert window.meeting is not None and window.meeting.id == meeting_id
    current = window.current_item()
    assert current is not None and current.id == item.id
    assert window.live.active and window.live.room.isVisibleTo(window)
    window.close()
    store.close()


def test_minute_formatting_is_kept_as_markdown(room: Room) -> None:
    editor = room.window.meeting_page.editor
    item = room.item("2")
    assert item.id is not None
    room.window.select_item(item.id)
    editor.setFocus()
    room.press(QKeySequence(QKeySequence.StandardKey.Bold), editor)
    QTest.keyClicks(editor, "Agreed")
    room.press(QKeySequence(QKeySequence.StandardKey.Bold), editor)
    QTest.keyClicks(editor, " by all.")
    room.press("Return", editor)
    room.window.meeting_page.toolbar.numbers_action.trigger()
    QTest.keyClicks(editor, "First point")
    room.window.meeting_page.toolbar.phrase_actions[0].trigger()
    editor.flush()
    stored = room.minute("2")
    assert "**Agreed**" in stored
    assert re.search(r"^1\.\s+First point Noted\.$", stored, re.MULTILINE)  # Qt writes "1.  " (valid Markdown)
    room.window.meeting_page.toolbar.presenter = "Dr Rima Makarem"
    room.window.meeting_page.toolbar.insert_presented()
    editor.flush()
    assert room.minute("2").startswith("*Presented by Dr Rima Makarem*")


def test_a_tie_goes_to_the_chair_and_the_tracker_records_updates(room: Room) -> None:
    live = LiveMeeting(room.store, room.meeting_id)
    live.start()
    presence = {p.id: Presence.APOLOGIES for p in live.record().people if p.id is not None and p.voting}
    for initials in ("RM", "ABo", "MB", "LC", "MC", "FC", "MG"):
        presence[room.person(initials)] = Presence.PRESENT
    live.roll_call(presence)
    room.window.open_meeting(room.meeting_id)  # the window picks the meeting up as it stands
    item = room.item("6.1")
    assert item.id is not None
    room.window.live.open_item(item)
    assert room.shown() == "6.1"
    motion_id = live.move(item.id, "That the Board approves the plan.").new_id

    def withdraw(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        QTest.keyClicks(dialog.filter, "MG")
        dialog.accept()

    room.expect(withdraw)
    room.press("Ctrl+Shift+W")  # six voting members left in the room for this item
    assert room.record().events[-1].kind == EventKind.WITHDRAW

    def tie(dialog: QDialog) -> None:
        assert isinstance(dialog, VoteDialog)
        for spin in (dialog.votes_for, dialog.against):
            spin.selectAll()  # as Tab into the field does
            QTest.keyClicks(spin, "3")
        dialog.accept()

    def casting(dialog: QDialog) -> None:
        assert isinstance(dialog, CastingVoteDialog)
        dialog.choice.setCurrentIndex(dialog.choice.findData(Ballot.FOR))
        dialog.accept()

    room.expect(tie)
    room.expect(casting)
    room.press("Ctrl+Shift+V")
    motion = next(m for m in room.record().motions if m.id == motion_id)
    assert motion.outcome == MotionOutcome.CARRIED
    assert room.record().votes[0].casting_vote == Ballot.FOR

    def resolution(dialog: QDialog) -> None:
        assert isinstance(dialog, ChairConfirmDialog)
        dialog.wording.setPlainText("That the Board approves the plan, subject to the changes noted.")
        dialog.accept()

    room.expect(resolution)
    room.press("Ctrl+Shift+C")
    (confirmation,) = room.record().confirmations
    assert confirmation.motion_id == motion_id and "subject to the changes" in confirmation.wording
    assert "chair confirmed" in room.window.live.room.motions.text()

    def tracker(dialog: QDialog) -> None:
        assert isinstance(dialog, TrackerDialog)
        dialog.select_number("44")
        dialog.status.setCurrentIndex(dialog.status.findData("complete"))
        dialog.rag.setCurrentIndex(dialog.rag.findData("green"))
        QTest.keyClicks(dialog.note, "Nominations received")
        dialog.record_button.click()
        row = next(r for r, t in enumerate(dialog.rows) if t.action.number == "44")
        assert dialog.table.item(row, 4).text() == "complete — propose closure"

    room.expect(tracker)
    room.press("Ctrl+Shift+T")
    action = next(a for a in room.record().actions if a.number == "44")
    assert (action.status, action.rag) == ("complete", "green")
    assert [u.text for u in room.record().action_updates] == ["Nominations received"]


def test_apologies_received_before_the_meeting_prefill_the_roll_call(room: Room) -> None:
    from PySide6.QtCore import Qt

    from app.ui.live_dialogs import ApologiesDialog

    gill, shah = room.person("MG"), room.person("MS")

    def tick(dialog: QDialog) -> None:
        assert isinstance(dialog, ApologiesDialog)
        for row in range(dialog.people.count()):
            entry = dialog.people.item(row)
            assert entry is not None
            if entry.data(Qt.ItemDataRole.UserRole) in (gill, shah):
                entry.setCheckState(Qt.CheckState.Checked)
        dialog.accept()

    room.expect(tick)
    room.window.live.apologies_action.trigger()
    assert not room.record().meeting.started_at  # apologies come before the meeting starts

    def check(dialog: QDialog) -> None:
        assert isinstance(dialog, RollCallDialog)
        marks = dialog.marks()
        assert marks[gill] == Presence.APOLOGIES and marks[shah] == Presence.APOLOGIES
        assert marks[room.person("RM")] is None  # not yet marked: nobody starts "present"
        assert dialog.progress.text() == f"2 of {len(marks)} marked: 2 apologies"
        dialog.mark_rest(Presence.PRESENT)
        assert dialog.values().presence[room.person("RM")] == Presence.PRESENT
        dialog.accept()

    room.expect(check)
    room.press("Ctrl+Shift+R")
    sent = {a.person_id for a in room.record().attendance if a.presence == Presence.APOLOGIES}
    assert sent == {gill, shah}


def test_members_questions_on_the_item_show_in_the_room(room: Room) -> None:
    from app.commands import notes
    from app.domain.annotations import AnnotationKind

    item = room.item("6.4")
    assert item.id is not None
    notes.annotate(
        room.store,
        room.meeting_id,
        "Jane Member",
        AnnotationKind.ITEM_NOTE,
        item.first_page or 1,
        note="Which council carries an overspend?",
        item_id=item.id,
        raise_at_meeting=True,
    )
    _roll_call(room)
    room.window.live.open_item(item)
    assert room.window.live.room.questions.isVisibleTo(room.window)
    assert "Jane Member: Which council carries an overspend?" in room.window.live.room.questions.text()


def test_the_chairs_pin_is_set_in_the_window_and_asked_for(room: Room) -> None:
    from app.ui.live_dialogs import ChairPinDialog

    _roll_call(room)

    def set_pin(dialog: QDialog) -> None:
        assert isinstance(dialog, ChairPinDialog)
        QTest.keyClicks(dialog.pin, "246813")
        QTest.keyClicks(dialog.again, "246913")
        dialog.accept()
        assert "not the same" in dialog.error_text() and dialog.isVisible()
        dialog.again.clear()
        QTest.keyClicks(dialog.again, "246813")
        dialog.accept()

    room.expect(set_pin)
    room.window.live.pin_action.trigger()

    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, ChairConfirmDialog)
        QTest.keyClicks(dialog.pin, "111111")
        dialog.accept()
        assert "not the chair's PIN" in dialog.error_text()
        dialog.pin.clear()
        QTest.keyClicks(dialog.pin, "246813")
        dialog.accept()

    room.expect(confirm)
    room.press("Ctrl+Shift+Q")
    (confirmation,) = room.record().confirmations
    assert confirmation.pin_checked

    def remove_without_the_pin(dialog: QDialog) -> None:  # whoever has the keyboard cannot turn the check off
        assert isinstance(dialog, ChairPinDialog)
        dialog.accept()
        assert "current PIN is needed" in dialog.error_text()
        QTest.keyClicks(dialog.current, "246813")
        dialog.accept()

    room.expect(remove_without_the_pin)
    room.window.live.pin_action.trigger()
    assert room.store.conn.execute("SELECT chair_pin_hash FROM meeting").fetchone()[0] == ""


def test_deputies_presiding_and_the_casting_vote_through_the_window(room: Room) -> None:
    """Issue 13 through the window: the roll call offers only registered deputies, the chair leaving leaves no
    one presiding (the vice-chair is proposed, not assumed), and a casting vote needs someone in the chair."""
    store = room.store
    carter, jones, makarem = room.person("DC"), room.person("CJ"), room.person("RM")
    people_commands.set_deputies(store, carter, [jones])
    borrett = next(p for p in room.record().people if p.initials == "ABo")
    people_commands.edit_person(store, replace(borrett, role_tags=("non-executive", "vice-chair")))

    def roll_call(dialog: QDialog) -> None:
        assert isinstance(dialog, RollCallDialog)
        carter_deputy = dialog._combo(dialog.row_of(carter), dialog.COL_DEPUTY)
        offered = {carter_deputy.itemData(i) for i in range(carter_deputy.count())} - {None}
        assert offered == {jones}  # only the registered deputy, not anyone in the body
        other = dialog._combo(dialog.row_of(room.person("JH")), dialog.COL_DEPUTY)
        assert other.count() == 1 and other.itemText(0) == "(no deputy registered)"
        dialog.set_presence(carter, Presence.DEPUTISED, jones)
        dialog.mark_rest(Presence.PRESENT)
        dialog.accept()

    room.expect(roll_call)
    room.press("Ctrl+Shift+R")
    deputy = next(a for a in room.record().attendance if a.person_id == jones)
    assert deputy.deputy_for_id == carter
    assert svc.room_after(room.record()).presiding_id == makarem

    room.press("Ctrl+Shift+PgDown")  # take the first item

    def chair_leaves(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.choose(makarem)
        dialog.accept()

    room.expect(chair_leaves)
    room.press("Ctrl+Shift+L")
    assert svc.room_after(room.record()).presiding_id is None  # the vice-chair is not assumed

    def who_presides(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog) and dialog.windowTitle() == "Who is presiding"
        assert dialog.values().person_id == borrett.id  # proposed, for the secretary to confirm
        dialog.accept()

    room.expect(who_presides)
    room.press("Ctrl+Shift+H")
    assert svc.room_after(room.record()).presiding_id == borrett.id
    presided = [e for e in room.record().events if e.kind == EventKind.PRESIDE]
    assert [e.person_id for e in presided] == [borrett.id]

    room.window.live.vacate_action.trigger()
    assert svc.room_after(room.record()).presiding_id is None
    live = room.window.live.live
    assert live is not None
    item = room.window.current_item()
    assert item is not None and item.id is not None
    motion = live.move(item.id, "That the report be approved.").new_id
    assert motion is not None
    eligible = len(svc.eligible_now(room.record(), item.id))
    live.vote(motion, eligible // 2, eligible // 2, eligible % 2)
    with pytest.raises(LiveError, match="No one is presiding, so there is no casting vote"):
        live.casting_vote(motion, Ballot.FOR)


def test_the_minute_editor_stores_no_soft_wraps(room: Room) -> None:
    editor = room.window.meeting_page.editor
    item = room.item("2")
    assert item.id is not None
    room.window.select_item(item.id)
    editor.setFocus()
    sentence = "The Board noted the report and asked for an update on the waiting lists at its next meeting " * 3
    QTest.keyClicks(editor, sentence.strip())
    room.press("Return", editor)
    QTest.keyClicks(editor, "Noted by the Board.")
    editor.flush()
    stored = room.minute("2")
    assert stored == sentence.strip() + "\n\nNoted by the Board."  # one paragraph each, however long
