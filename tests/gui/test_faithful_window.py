"""Issue 13 through the window: a hard meeting taken with the window's keys and dialogs, then its minutes.

The same moments as the replayed committee meeting (tests/cli/test_faithful_minutes.py) — a registered deputy, a
late arrival, an amendment carried with the motion's wording as amended, a deferral with its reason, the chair
leaving and the vice-chair proposed (never assumed) to take the chair, a tie decided by the casting vote of the
person presiding, Part II and the close — each entered as the secretary would, on the demo board. The minutes
built from that record must say each one as a secretary writes it, and the exported PDF prints them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app import commands
from app.commands import people as people_commands
from app.domain import Ballot, MotionOutcome, Part, Presence
from app.services import live as svc
from app.services.live import display_name
from app.services.minutes import build_minutes
from app.ui.live_dialogs import (
    CastingVoteDialog,
    DeclarationDialog,
    DeferDialog,
    MotionDialog,
    OutcomeDialog,
    PersonDialog,
    RollCallDialog,
    StatementDialog,
    VoteDialog,
)
from tests.gui.test_live_meeting import Room


@pytest.fixture
def room(qtbot, tmp_path: Path) -> Iterator[Room]:  # type: ignore[no-untyped-def]
    opened = Room(qtbot, tmp_path)
    yield opened
    opened.window.close()
    opened.store.close()


def _take(room: Room, number: str) -> None:
    item = room.item(number)
    assert item.id is not None
    room.window.select_item(item.id)
    room.press("Ctrl+Return")
    assert room.record().meeting.current_item_id == item.id


def _person(room: Room, initials: str) -> tuple[int, str]:
    person = next(p for p in room.record().people if p.initials == initials)
    assert person.id is not None
    return person.id, display_name(person)


def _move(room: Room, wording: str, mover: int, seconder: int, amends: int | None = None, as_amended: str = "") -> int:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MotionDialog)
        dialog.text.setPlainText(wording)
        dialog.mover.setCurrentIndex(dialog.mover.findData(mover))
        dialog.seconder.setCurrentIndex(dialog.seconder.findData(seconder))
        if amends is not None:
            dialog.amends.setCurrentIndex(dialog.amends.findData(amends))
            assert dialog.as_amended.isEnabled()
            dialog.as_amended.setPlainText(as_amended)
        dialog.accept()

    before = {m.id for m in room.record().motions}
    room.expect(fill)
    room.press("Ctrl+M")
    (new,) = [m.id for m in room.record().motions if m.id not in before]
    assert new is not None
    return new


def _vote(room: Room, motion: int, tie: bool = False) -> None:
    def hands(dialog: QDialog) -> None:
        assert isinstance(dialog, VoteDialog)
        dialog.motion.setCurrentIndex(dialog.motion.findData(motion))
        eligible = len(dialog.eligible)
        counts = (eligible // 2, eligible // 2, eligible % 2) if tie else (eligible, 0, 0)
        for spin, count in zip((dialog.votes_for, dialog.against, dialog.abstain), counts, strict=True):
            spin.selectAll()
            QTest.keyClicks(spin, str(count))
        dialog.accept()

    room.expect(hands)
    if tie:

        def casting(dialog: QDialog) -> None:
            assert isinstance(dialog, CastingVoteDialog)
            dialog.choice.setCurrentIndex(dialog.choice.findData(Ballot.FOR))
            dialog.accept()

        room.expect(casting)
    room.press("Ctrl+Shift+V")


def _pdf_text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(line for line in raw.splitlines() if line.strip() not in ("D", "R", "A", "F", "T")).split()


def test_a_hard_meeting_taken_in_the_window_is_minuted_as_it_happened(room: Room, tmp_path: Path) -> None:
    store = room.store
    chair_id, chair = _person(room, "RM")
    vice_id, vice = _person(room, "ABo")
    member_id, member = _person(room, "DC")
    deputy_id, deputy = _person(room, "CJ")
    late_id, late = _person(room, "JH")
    mover_id, mover = _person(room, "LC")
    seconder_id, seconder = _person(room, "MB")
    people_commands.set_deputies(store, member_id, [deputy_id])
    vice_person = next(p for p in room.record().people if p.id == vice_id)
    people_commands.edit_person(store, replace(vice_person, role_tags=(*vice_person.role_tags, "vice-chair")))
    room.window.open_meeting(room.meeting_id)

    # -- roll call: a registered deputy stands in, one member is not here yet -----------------------------------
    def roll_call(dialog: QDialog) -> None:
        assert isinstance(dialog, RollCallDialog)
        dialog.set_presence(member_id, Presence.DEPUTISED, deputy_id)
        dialog.set_presence(late_id, Presence.ABSENT)
        dialog.mark_rest(Presence.PRESENT)
        dialog.accept()

    room.expect(roll_call)
    room.press("Ctrl+Shift+R")

    # -- an item with a late arrival, a motion and an amendment carried with the wording as amended ------------
    _take(room, "6.1")

    def arrives(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.choose(late_id)
        dialog.accept()

    room.expect(arrives)
    room.press("Ctrl+Shift+A")
    motion = _move(room, "That the Board approves the operating plan.", mover_id, seconder_id)
    amended = "That the Board approves the operating plan, subject to a review in six months."
    amendment = _move(
        room, "That the words “subject to a review in six months” be added.", seconder_id, mover_id, motion, amended
    )
    _vote(room, amendment)
    _vote(room, motion)

    # A declaration by someone not in the room is refused with the reason, and nothing is recorded.
    def declares(dialog: QDialog) -> None:
        assert isinstance(dialog, DeclarationDialog)
        dialog.person.setCurrentIndex(dialog.person.findData(member_id))  # sent a deputy: not here
        dialog.interest.setEditText("Director of a supplier")
        dialog.accept()
        assert "is not in the meeting, so cannot declare an interest" in dialog.error_text()
        assert dialog.isVisible()
        dialog.reject()

    room.expect(declares)
    room.press("Ctrl+Shift+D")
    assert room.record().declarations == ()

    # "Noted" is an outcome: a report noted without a vote.
    noted = _move(room, "That the Board notes the performance report.", mover_id, seconder_id)

    def note(dialog: QDialog) -> None:
        assert isinstance(dialog, OutcomeDialog)
        dialog.motion.setCurrentIndex(dialog.motion.findData(noted))
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(MotionOutcome.NOTED))
        dialog.accept()

    room.expect(note)
    room.press("Ctrl+Shift+O")

    # -- the next item is deferred, and the window asks why -----------------------------------------------------
    deferred = room.item("6.2")
    assert deferred.id is not None
    room.window.select_item(deferred.id)

    def defer(dialog: QDialog) -> None:
        assert isinstance(dialog, DeferDialog)
        QTest.keyClicks(dialog.reason, "the paper was not ready; it comes to the November meeting")
        dialog.accept()

    room.expect(defer)
    room.press("Ctrl+Shift+F")

    # -- the chair leaves; the vice-chair is proposed, not assumed; a tie goes to the person presiding ----------
    _take(room, "6.3")

    def leaves(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.choose(chair_id)
        dialog.accept()

    room.expect(leaves)
    room.press("Ctrl+Shift+L")
    assert svc.room_after(room.record()).presiding_id is None

    def presides(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        assert dialog.values().person_id == vice_id  # proposed, for the secretary to confirm
        dialog.accept()

    room.expect(presides)
    room.press("Ctrl+Shift+H")
    tied = _move(room, "That the Board adopts the estates strategy.", mover_id, seconder_id)
    _vote(room, tied, tie=True)
    assert next(m for m in room.record().motions if m.id == tied).outcome is MotionOutcome.CARRIED

    # -- Part II, one more item, the close ------------------------------------------------------------------
    def part2(dialog: QDialog) -> None:
        assert isinstance(dialog, StatementDialog)
        dialog.accept()

    room.expect(part2)
    room.press("Ctrl+Shift+P")
    confidential = next(i for i in room.record().items if i.part is Part.TWO and i.number.count(".") == 1)
    _take(room, confidential.number.rstrip("."))
    _move(room, "That the Board notes the confidential report.", mover_id, seconder_id)

    def closes(dialog: QDialog) -> None:
        assert isinstance(dialog, StatementDialog)
        dialog.accept()

    room.expect(closes)
    room.window.live.close_action.trigger()
    assert room.handlers == []
    record = room.record()
    assert record.meeting.closed_at is not None

    # -- the minutes say what happened ---------------------------------------------------------------------
    public, private = build_minutes(record, Part.ONE), build_minutes(record, Part.TWO)
    members = " ".join(f"{line.name} {line.note}" for block in public.attendance for line in block.lines)
    apologies = next(b for b in public.attendance if b.heading == record.body.style.apologies_heading)
    assert f"{deputy} (deputising for {member})" in members
    assert member in [line.name for line in apologies.lines]
    assert re.search(rf"{re.escape(late)} arrived \d\d:\d\d", members)
    text = {s.item_number.rstrip("."): s.body_markdown for s in public.sections}
    assert re.search(rf"\*{re.escape(late)} joined the meeting at \d\d:\d\d\.\*", text["6.1"])
    assert (
        f"An amendment moved by {seconder}, seconded by {mover}, that the words “subject to a review in six months”"
        " be added, was carried" in text["6.1"]
    )
    assert re.search(r"\*\*(RESOLVED – |Agreed: \d+\. )" + re.escape(amended) + r"\*\*", text["6.1"])
    assert "That the Board approves the operating plan.**" not in text["6.1"]  # never the original wording
    assert text["6.1"].index("An amendment") < text["6.1"].index(amended)
    assert "**NOTED – That the Board notes the performance report.**" in text["6.1"]
    assert "This item was deferred: the paper was not ready; it comes to the November meeting." in text["6.2"]
    third = text["6.3"]
    left, took = f"{chair} left the meeting at", f"{vice} took the chair at"
    casting = f"The Chair, {vice}, gave a casting vote for the motion."
    assert third.index(left) < third.index(took) < third.index(casting) < third.index("adopts the estates strategy")
    numbers = [s.minute_number for s in (*public.sections, *private.sections) if s.minute_number]
    assert len(numbers) == len(set(numbers))  # Part II carries on the numbering, never restarts it
    closed = f"The meeting closed at {record.meeting.closed_at:%H:%M}."
    assert closed in private.closing_lines and closed not in public.closing_lines
    # Part II lists those there for its business: the chair had left, the vice-chair presided.
    confidential = [
        line.name for block in private.attendance if block.heading != apologies.heading for line in block.lines
    ]
    assert chair not in confidential and f"{vice} (in the Chair)" in confidential
    assert f"{deputy} (deputising for {member})" in confidential and late in confidential
    assert re.search(rf"{re.escape(vice)} \(in the Chair from \d\d:\d\d\)", members)

    # … and the exported PDF prints them.
    out = commands.export_minutes(store, room.meeting_id, tmp_path / "minutes.pdf")
    printed = " ".join(_pdf_text(out))
    for words in (f"{deputy} (deputising for {member})", "This item was deferred: the paper was not ready", casting):
        assert words in printed
    assert "**" not in printed
