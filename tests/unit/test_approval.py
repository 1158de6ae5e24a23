"""The minutes' approval workflow: chair, body, signature, lock, and corrections as new versions."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from app.commands.approval import ApprovalError, amend_signed, body_approve, chair_approve, mark_signed
from app.commands.live import LiveMeeting
from app.domain import AgendaItem, Meeting, MinutesStatus, Part, Person, Presence, Tier
from app.services.minutes import build_minutes
from app.storage import RecordLocked, Store
from app.storage.people import add_person


def _meeting(store: Store, body_id: int, day: date) -> LiveMeeting:
    items = [AgendaItem(None, 0, 0, "1", "Minutes of the previous meeting"), AgendaItem(None, 0, 1, "2", "Budget")]
    meeting = store.create_meeting(Meeting(None, body_id, "Board", day, time(10)), items)
    assert meeting.id is not None
    return LiveMeeting(store, meeting.id)


@pytest.fixture
def two_meetings(store: Store) -> tuple[LiveMeeting, LiveMeeting]:
    body = store.ensure_body("Test Board")
    assert body.id is not None
    for name in ("Ann Chair", "Ben Baker", "Cat Cole"):
        add_person(store, Person(None, body.id, name, role="Chair" if name == "Ann Chair" else "", tier=Tier.MEMBER))
    first, second = _meeting(store, body.id, date(2024, 1, 10)), _meeting(store, body.id, date(2024, 3, 6))
    for live in (first, second):
        live.start(time(10))
        live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    first.minute(first.find_item("2").id or 0, "The Board approved the budget.")
    first.close(time(12))
    return first, second


def _approval_motion(later: LiveMeeting) -> int:
    item = later.find_item("1").id or 0
    later.open_item(item)
    motion = later.move(item, "That the minutes of the meeting held on 10 January 2024 are approved.").new_id
    assert motion is not None
    later.vote(motion, 3)
    return motion


def test_the_steps_go_in_order_and_print_on_the_minutes(two_meetings: tuple[LiveMeeting, LiveMeeting]) -> None:
    first, second = two_meetings
    store, meeting_id = first.store, first.meeting_id
    with pytest.raises(ApprovalError, match="must be approved by the chair before"):
        body_approve(store, meeting_id, second.meeting_id, _approval_motion(second))
    chair_approve(store, meeting_id, "Ann Chair", "Chair", date(2024, 1, 17))
    document = build_minutes(store.record(meeting_id), Part.ONE)
    assert document.draft  # approved by the chair, but still a draft until the body approves it
    assert document.approval_lines == ("Approval of Draft Minutes: approved by Ann Chair, Chair, on 17 January 2024.",)
    motion = next(m.id for m in second.record().motions)
    assert motion is not None
    with pytest.raises(ApprovalError, match="later meeting"):
        body_approve(store, meeting_id, meeting_id, motion)
    body_approve(store, meeting_id, second.meeting_id, motion)
    record = store.record(meeting_id)
    assert record.meeting.minutes_status is MinutesStatus.BODY_APPROVED
    assert not build_minutes(record, Part.ONE).draft
    assert "as a correct record on 6 March 2024" in build_minutes(record, Part.ONE).approval_lines[1]
    actions = [e.action for e in store.audit_entries() if e.entity == "minutes_approval"]
    assert actions == ["insert", "insert"]


def test_signed_minutes_are_locked_and_corrected_by_amendment(two_meetings: tuple[LiveMeeting, LiveMeeting]) -> None:
    first, second = two_meetings
    store, meeting_id = first.store, first.meeting_id
    chair_approve(store, meeting_id, "Ann Chair", on=date(2024, 1, 17))
    body_approve(store, meeting_id, second.meeting_id, _approval_motion(second))
    mark_signed(store, meeting_id, "Ann Chair", "ab" * 32, date(2024, 3, 6))
    budget = first.find_item("2").id or 0
    with pytest.raises(RecordLocked, match="signed"):
        first.minute(budget, "Rewritten quietly.")
    with pytest.raises(RecordLocked):
        first.reopen()
    with pytest.raises(ApprovalError, match=r"already signed \(version 1, 6 Mar 2024\); a correction makes a new"):
        chair_approve(store, meeting_id, "Ann Chair", on=date(2024, 3, 7))
    corrected = "The Board approved the budget, Cat Cole dissenting."
    with pytest.raises(ApprovalError, match="Say which resolution of that meeting agreed the correction"):
        amend_signed(store, meeting_id, budget, corrected, second.meeting_id, reason="dissent omitted")
    minutes_item = second.find_item("1").id or 0
    agreed = second.move(minutes_item, "That minute 2 of 10 January 2024 record Cat Cole's dissent.").new_id
    assert agreed is not None
    second.vote(agreed, 3)
    version = amend_signed(store, meeting_id, budget, corrected, second.meeting_id, agreed, reason="dissent omitted")
    assert version == 2
    document = build_minutes(store.record(meeting_id), Part.ONE)
    section = next(s for s in document.sections if s.item_number == "2")
    assert "Cat Cole dissenting" in section.body_markdown
    # It cites the item corrected here and the later meeting's item whose resolution agreed it, each by name.
    assert document.version_note == (
        "Version 2: the minute of item 2 (Budget) corrected by resolution of the meeting held on 6 March 2024, "
        "item 1 (dissent omitted); supersedes version 1, signed on 6 March 2024."
    )
    assert store.minute(budget).body == "The Board approved the budget."  # the signed text itself is untouched
    assert store.verify_audit_chain() == []


def test_house_style_sets_prefix_wording_and_heading(two_meetings: tuple[LiveMeeting, LiveMeeting]) -> None:
    from dataclasses import replace

    from app.domain.house_style import COUNCIL, style_from_dict

    first, _ = two_meetings
    store = first.store
    body_id = first.record().body.id
    assert body_id is not None
    store.set_house_style(body_id, replace(COUNCIL, minute_prefix="HCP"))
    document = build_minutes(store.record(first.meeting_id), Part.ONE)
    assert [s.minute_number for s in document.sections] == ["HCP1", "HCP2"]
    assert document.heading == "MINUTES of a meeting of the Test Board"  # councils do not head Part I "in PUBLIC"
    with pytest.raises(ValueError, match="colour"):
        style_from_dict({"accent": "blue"})
    with pytest.raises(ValueError, match="unknown house-style field"):
        style_from_dict({"font": "Comic Sans"})


def test_an_initials_box_on_every_page_when_the_body_asks(
    two_meetings: tuple[LiveMeeting, LiveMeeting], tmp_path: Path
) -> None:
    from dataclasses import replace

    from pypdf import PdfReader

    from app.export.minutes_pdf import render_minutes_pdf

    first, _ = two_meetings
    body_id = first.record().body.id
    assert body_id is not None
    plain = render_minutes_pdf(build_minutes(first.record(), Part.ONE), tmp_path / "plain.pdf")
    assert "Chair's initials" not in PdfReader(plain).pages[0].extract_text()
    first.store.set_house_style(body_id, replace(first.record().body.style, initials_box=True))
    boxed = render_minutes_pdf(build_minutes(first.record(), Part.ONE), tmp_path / "boxed.pdf")
    assert all("Chair's initials" in page.extract_text() for page in PdfReader(boxed).pages)
