"""The minutes' way to a signed record: chair approval, the body's approval at a later meeting, signature.

Each step is audited and checked against the record, so an approval means what it says:
- the chair approves only minutes of a meeting that is over (closed, or held without the live mode);
- the body approves them only at a *later* meeting of the same body (by date, then start time, then order of
  entry), by a carried resolution on an item of that meeting whose wording refers to those minutes ("That the
  minutes of the meeting held on 10 January 2024 be approved as a correct record"); anything else needs an
  explicit override, which is itself printed ("approved by resolution of the meeting held on …, item …");
- the steps are dated in order: the meeting, then the chair, then the body, then the signature;
- an edit after an approval returns the minutes to draft (`Store.reopen_if_approved`).
Once signed, the record is locked (the signature record is the lock, not the status column); a correction agreed
at a later meeting makes a new version that goes through the same steps.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from app.domain import AgendaItem, Meeting, MeetingRecord, MinutesStatus, Motion, MotionOutcome, Part
from app.errors import Refusal
from app.storage import Store, signatures
from app.storage.live import LiveWriter

_ORDER = [MinutesStatus.DRAFT, MinutesStatus.CHAIR_APPROVED, MinutesStatus.BODY_APPROVED, MinutesStatus.SIGNED]
_STEP_WORDS = {
    MinutesStatus.DRAFT: "a draft",
    MinutesStatus.CHAIR_APPROVED: "approved by the chair",
    MinutesStatus.BODY_APPROVED: "approved by the body",
    MinutesStatus.SIGNED: "signed",
}


class ApprovalError(Refusal):
    """The step cannot be taken now; the message says why in one sentence."""


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _short_date(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def approval_motion_wording(meeting: Meeting) -> str:
    """The resolution a later meeting passes to approve these minutes (prefilled in the motion dialog)."""
    held = f" held on {long_date(meeting.date)}" if meeting.date else ""
    return f"That the minutes of the meeting{held} be approved as a correct record."


def approval_prefill(store: Store, meeting_id: int, item_title: str) -> str | None:
    """On a meeting's "minutes of the previous meeting" item, the resolution approving the body's previous
    meeting's minutes (the motion dialog's first wording); None on any other item or with no earlier meeting."""
    if "minutes" not in item_title.casefold():
        return None
    meeting = store.meeting(meeting_id)
    earlier = [m for m in store.meetings() if m.body_id == meeting.body_id and _order(m) < _order(meeting)]
    return approval_motion_wording(max(earlier, key=_order)) if earlier else None


def already_signed_message(store: Store, meeting_id: int, part: Part | None = None) -> str | None:
    signed = store.signature_of(meeting_id)
    if signed is None:
        return None
    version, on = signed
    which = "The Part II minutes are" if part is Part.TWO else "These minutes are"
    return f"{which} already signed (version {version}, {_short_date(on)}); a correction makes a new version."


def minutes_parts(store: Store, meeting_id: int) -> set[Part]:
    """The documents a meeting's minutes are: Part I, and Part II when it took confidential business."""
    return {Part.ONE} | {item.part for item in store.items(meeting_id)}


def signed_parts(store: Store, meeting_id: int, version: int) -> set[Part]:
    """The parts of this version of the minutes whose signed file is recorded (all of them for a signature
    recorded as an approval step alone, with no file bound to it)."""
    bound = {Part(s.part) for s in signatures.signatures_of(store, meeting_id) if s.version == version}
    signed = store.signature_of(meeting_id)
    if not bound and signed is not None and signed[0] >= version:
        return minutes_parts(store, meeting_id)
    return bound


def _advance(store: Store, meeting_id: int, to: MinutesStatus, row: Mapping[str, object], actor: str) -> None:
    meeting = store.meeting(meeting_id)
    version = store.current_version(meeting_id)
    signed = store.signature_of(meeting_id)
    if signed is not None and signed[0] >= version:
        raise ApprovalError(already_signed_message(store, meeting_id) or "These minutes are already signed.")
    want = _ORDER[_ORDER.index(to) - 1]
    if meeting.minutes_status is not want:
        raise ApprovalError(
            f"These minutes are {_STEP_WORDS[meeting.minutes_status]}; "
            f"they must be {_STEP_WORDS[want]} before they can be {_STEP_WORDS[to]}."
        )
    writer = LiveWriter(store, meeting_id, actor)
    with writer.unrecorded_step() as w:
        w.insert("minutes_approval", {"meeting_id": meeting_id, "version": version, "step": to.value, **row})
        w.update("meeting", meeting_id, {"minutes_status": to.value})


def _approval_date(record: MeetingRecord, step: MinutesStatus) -> date | None:
    version = max((a.version for a in record.amendments), default=1)
    found = [a.on for a in record.approvals if a.step is step and a.version == version]
    return found[-1] if found else None


def chair_approve(
    store: Store, meeting_id: int, name: str, role: str = "Chair", on: date | None = None, actor: str = "secretary"
) -> None:
    """The chair has read the draft and approves it for circulation ("Approval of Draft Minutes")."""
    if not name.strip():
        raise ApprovalError("Give the name of the chair approving the draft.")
    meeting = store.meeting(meeting_id)
    when = on or date.today()
    if meeting.started_at is not None and meeting.closed_at is None:
        raise ApprovalError(
            "The meeting is still going on (items may still be taken): close it before the chair approves the minutes."
        )
    if meeting.started_at is None and (meeting.date is None or meeting.date > date.today()):
        raise ApprovalError("This meeting has not been held yet, so its minutes cannot be approved.")
    if meeting.date is not None and when < meeting.date:
        raise ApprovalError(
            f"The chair's approval ({long_date(when)}) cannot come before the meeting ({long_date(meeting.date)})."
        )
    if when > date.today():
        raise ApprovalError(f"The chair's approval cannot be dated in the future ({long_date(when)}).")
    row = {"name": name.strip(), "role": role.strip(), "on_date": when.isoformat()}
    _advance(store, meeting_id, MinutesStatus.CHAIR_APPROVED, row, actor)


def _carried_motion(record: MeetingRecord, motion_id: int) -> Motion:
    motion = next((m for m in record.motions if m.id == motion_id), None)
    if motion is None:
        raise ApprovalError(f"The meeting of {record.meeting.date or record.meeting.title} has no motion {motion_id}.")
    if motion.outcome not in (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS):
        raise ApprovalError("That resolution was not carried, so it cannot approve the minutes.")
    return motion


def _order(meeting: Meeting) -> tuple[date, str, int]:
    return (meeting.date or date.max, meeting.start.isoformat() if meeting.start else "", meeting.id or 0)


def _date_forms(day: date) -> tuple[str, ...]:
    """The ways a resolution writes a meeting's date: 10 January 2024, 10th January 2024, 10 Jan 2024, 10/01/2024…"""
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return (
        f"{day.day} {day:%B %Y}",
        f"{day.day}{suffix} {day:%B %Y}",
        f"{day.day} {day:%b %Y}",
        f"{day.day}{suffix} {day:%b %Y}",
        f"{day:%B} {day.day}, {day.year}",
        f"{day:%d/%m/%Y}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d.%m.%Y}",
        day.isoformat(),
    )


def _refers_to(text: str, meeting: Meeting) -> bool:
    """The wording is about the minutes, and names the meeting's date (or "previous meeting")."""
    words = " ".join(text.casefold().split())
    if "minutes" not in words:
        return False
    if re.search(r"\b(previous|last) meeting\b", words):
        return True
    return meeting.date is not None and any(form.casefold() in words for form in _date_forms(meeting.date))


def _item_of(record: MeetingRecord, motion: Motion) -> AgendaItem | None:
    return next((i for i in record.items if i.id == motion.item_id), None)


def _why_not_an_approval(record: MeetingRecord, later: MeetingRecord, motion: Motion) -> str | None:
    """Why the resolution does not approve these minutes, in a sentence; None when it does."""
    item = _item_of(later, motion)
    item_words = f"item {item.number} ({item.title})" if item else "an item"
    if item is not None and "minutes" not in item.title.casefold() and not _refers_to(motion.text, record.meeting):
        return f"Motion {motion.id} is on {item_words}, not on the minutes of this meeting."
    if not _refers_to(motion.text, record.meeting):
        held = f"the meeting held on {long_date(record.meeting.date)}" if record.meeting.date else "this meeting"
        return (
            f"Motion {motion.id} (“{motion.text.strip()}”) does not refer to the minutes of {held}; use the "
            "resolution that approved them, or record an override."
        )
    return None


def body_approve(
    store: Store,
    meeting_id: int,
    at_meeting_id: int,
    motion_id: int,
    actor: str = "secretary",
    override: str = "",
) -> None:
    """The body approved the minutes at a later meeting, by the resolution `motion_id` recorded there.

    `override` (a reason) accepts a resolution whose wording or item does not refer to these minutes; the
    printed approval then says which resolution it was. It never accepts an earlier meeting or another body."""
    if at_meeting_id == meeting_id:
        raise ApprovalError("Minutes are approved at a later meeting, not at the meeting they record.")
    record = store.record(meeting_id)
    later = store.record(at_meeting_id)
    if later.meeting.body_id != record.meeting.body_id:
        raise ApprovalError(
            f"Meeting {at_meeting_id} is a meeting of {later.body.name}, not of {record.body.name}: "
            "only the body's own later meeting approves its minutes."
        )
    if _order(later.meeting) <= _order(record.meeting):
        when = f" ({long_date(later.meeting.date)})" if later.meeting.date else ""
        this = f" ({long_date(record.meeting.date)})" if record.meeting.date else ""
        raise ApprovalError(
            f"The meeting{when} was held before or with the meeting whose minutes these are{this}: "
            "minutes are approved at a later meeting."
        )
    motion = _carried_motion(later, motion_id)
    problem = _why_not_an_approval(record, later, motion)
    if problem is not None and not override.strip():
        raise ApprovalError(problem)
    on = later.meeting.date or date.today()
    chair_on = _approval_date(record, MinutesStatus.CHAIR_APPROVED)
    if chair_on is not None and chair_on > on:
        raise ApprovalError(
            f"The chair approved the draft on {long_date(chair_on)}, after the meeting of {long_date(on)}: "
            "the body approves the minutes after the chair."
        )
    printed = ""
    if problem is not None:
        item = _item_of(later, motion)
        where = f", item {item.number}" if item and item.number else ""
        held = f"the meeting held on {long_date(on)}" if later.meeting.date else f"meeting {at_meeting_id}"
        printed = f"approved by resolution of {held}{where} (“{motion.text.strip()}”): {override.strip()}"
    row = {"on_date": on.isoformat(), "at_meeting_id": at_meeting_id, "motion_id": motion_id, "override": printed}
    _advance(store, meeting_id, MinutesStatus.BODY_APPROVED, row, actor)


def return_to_draft(store: Store, meeting_id: int, actor: str = "secretary") -> None:
    """The secretary chose to edit approved minutes: the approvals of this version are withdrawn (audited)."""
    store.check_unlocked(meeting_id)
    with store.transaction():
        if not store.reopen_if_approved(meeting_id, actor):
            raise ApprovalError("These minutes are a draft already: edit them as they are.")


def check_ready_to_sign(store: Store, meeting_id: int, part: Part | None = None) -> None:
    """Refuse, before anything is signed, minutes the body has not approved, or whose version is signed (`part`:
    that part; None: every part). Part I and Part II are signed one after the other: once one of them is, the
    record is locked and the other is signed from the same record."""
    version = store.current_version(meeting_id)
    done = signed_parts(store, meeting_id, version)
    wanted = minutes_parts(store, meeting_id) if part is None else {part}
    if wanted <= done:
        raise ApprovalError(already_signed_message(store, meeting_id, part) or "These minutes are already signed.")
    status = store.meeting(meeting_id).minutes_status
    if status is MinutesStatus.SIGNED and done:
        return  # the other part of a version already signed
    if status is not MinutesStatus.BODY_APPROVED:
        raise ApprovalError(
            f"These minutes are {_STEP_WORDS[status]}; they are signed once the body has approved them."
        )


def signed_row(store: Store, meeting_id: int, name: str, file_sha256: str, on: date | None = None) -> dict[str, object]:
    """The approval row of the signature, checked for date order (see `app.commands.signing`)."""
    record = store.record(meeting_id)
    when = on or date.today()
    body_on = _approval_date(record, MinutesStatus.BODY_APPROVED)
    if body_on is not None and when < body_on:
        raise ApprovalError(
            f"The signature ({long_date(when)}) cannot come before the body's approval ({long_date(body_on)})."
        )
    return {"name": name.strip(), "on_date": when.isoformat(), "file_sha256": file_sha256}


def mark_signed(
    store: Store, meeting_id: int, name: str, file_sha256: str, on: date | None = None, actor: str = "chair"
) -> None:
    """The chair signed the approved minutes (the signed PDF's SHA-256 is kept); the record is now locked.
    Only the approval step: `app.commands.signing.sign_meeting` also binds the signed file to the export."""
    check_ready_to_sign(store, meeting_id)
    _advance(store, meeting_id, MinutesStatus.SIGNED, signed_row(store, meeting_id, name, file_sha256, on), actor)


def amend_signed(
    store: Store,
    meeting_id: int,
    item_id: int,
    text: str,
    at_meeting_id: int,
    motion_id: int | None = None,
    reason: str = "",
    actor: str = "secretary",
) -> int:
    """Correct signed minutes by a resolution (`motion_id`, required) of a later meeting; returns the new version
    number, which cites that meeting's item and then goes through the chair's and the body's approval and the
    signature like version 1."""
    record = store.record(meeting_id)
    signed = store.signature_of(meeting_id)
    if signed is None:
        raise ApprovalError("These minutes are not signed yet: correct the draft itself instead.")
    version = max((a.version for a in record.amendments), default=1)
    if signed[0] < version:
        raise ApprovalError(
            f"Version {version} of these minutes is not signed yet: it must be signed before another correction."
        )
    if at_meeting_id == meeting_id:
        raise ApprovalError("A correction to signed minutes is agreed at a later meeting.")
    if not any(i.id == item_id for i in record.items):
        raise ApprovalError(f"Item {item_id} is not part of these minutes.")
    if not text.strip():
        raise ApprovalError("Give the corrected wording of the minute.")
    later = store.record(at_meeting_id)
    if later.meeting.body_id != record.meeting.body_id or _order(later.meeting) <= _order(record.meeting):
        raise ApprovalError("A correction to signed minutes is agreed at a later meeting of the same body.")
    if motion_id is None:
        raise ApprovalError(
            "Say which resolution of that meeting agreed the correction: the new version cites it (see "
            "`quorate motions`)."
        )
    _carried_motion(later, motion_id)
    writer = LiveWriter(store, meeting_id, actor)
    with writer.unrecorded_step() as w:
        w.insert(
            "minutes_amendment",
            {
                "meeting_id": meeting_id,
                "version": version + 1,
                "at_meeting_id": at_meeting_id,
                "motion_id": motion_id,
                "item_id": item_id,
                "text": text.strip(),
                "reason": reason.strip(),
                "on_date": (later.meeting.date or date.today()).isoformat(),
            },
        )
        w.update("meeting", meeting_id, {"minutes_status": MinutesStatus.DRAFT.value})
    return version + 1
