"""The minutes' way to a signed record: chair approval, the body's approval at a later meeting, signature.

Each step is audited. Once signed, the record is locked (every live command and minute edit is
refused); a correction is then agreed at a later meeting and kept as a new version of the minutes that
cites the one it corrects.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.domain import MeetingRecord, MinutesStatus, MotionOutcome
from app.storage import Store
from app.storage.live import LiveWriter

_ORDER = [MinutesStatus.DRAFT, MinutesStatus.CHAIR_APPROVED, MinutesStatus.BODY_APPROVED, MinutesStatus.SIGNED]
_STEP_WORDS = {
    MinutesStatus.DRAFT: "a draft",
    MinutesStatus.CHAIR_APPROVED: "approved by the chair",
    MinutesStatus.BODY_APPROVED: "approved by the body",
    MinutesStatus.SIGNED: "signed",
}


class ApprovalError(ValueError):
    """The step cannot be taken now; the message says why in one sentence."""


def _advance(store: Store, meeting_id: int, to: MinutesStatus, row: Mapping[str, object], actor: str) -> None:
    meeting = store.meeting(meeting_id)
    want = _ORDER[_ORDER.index(to) - 1]
    if meeting.minutes_status is not want:
        raise ApprovalError(
            f"These minutes are {_STEP_WORDS[meeting.minutes_status]}; "
            f"they must be {_STEP_WORDS[want]} before they can be {_STEP_WORDS[to]}."
        )
    writer = LiveWriter(store, meeting_id, actor)
    with writer.unrecorded_step() as w:
        w.insert("minutes_approval", {"meeting_id": meeting_id, "step": to.value, **row})
        w.update("meeting", meeting_id, {"minutes_status": to.value})


def chair_approve(
    store: Store, meeting_id: int, name: str, role: str = "Chair", on: date | None = None, actor: str = "secretary"
) -> None:
    """The chair has read the draft and approves it for circulation ("Approval of Draft Minutes")."""
    if not name.strip():
        raise ApprovalError("Give the name of the chair approving the draft.")
    row = {"name": name.strip(), "role": role.strip(), "on_date": (on or date.today()).isoformat()}
    _advance(store, meeting_id, MinutesStatus.CHAIR_APPROVED, row, actor)


def _carried_motion(record: MeetingRecord, motion_id: int) -> None:
    motion = next((m for m in record.motions if m.id == motion_id), None)
    if motion is None:
        raise ApprovalError(f"The meeting of {record.meeting.date or record.meeting.title} has no motion {motion_id}.")
    if motion.outcome not in (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS):
        raise ApprovalError("That resolution was not carried, so it cannot approve the minutes.")


def body_approve(store: Store, meeting_id: int, at_meeting_id: int, motion_id: int, actor: str = "secretary") -> None:
    """The body approved the minutes at a later meeting, by the resolution `motion_id` recorded there."""
    if at_meeting_id == meeting_id:
        raise ApprovalError("Minutes are approved at a later meeting, not at the meeting they record.")
    later = store.record(at_meeting_id)
    _carried_motion(later, motion_id)
    row = {
        "on_date": (later.meeting.date or date.today()).isoformat(),
        "at_meeting_id": at_meeting_id,
        "motion_id": motion_id,
    }
    _advance(store, meeting_id, MinutesStatus.BODY_APPROVED, row, actor)


def check_ready_to_sign(store: Store, meeting_id: int) -> None:
    """Refuse, before anything is signed, minutes the body has not approved (or already signed)."""
    status = store.meeting(meeting_id).minutes_status
    if status is not MinutesStatus.BODY_APPROVED:
        raise ApprovalError(f"These minutes are {_STEP_WORDS[status]}; only minutes approved by the body are signed.")


def mark_signed(
    store: Store, meeting_id: int, name: str, file_sha256: str, on: date | None = None, actor: str = "chair"
) -> None:
    """The chair signed the approved minutes (the signed PDF's SHA-256 is kept); the record is now locked."""
    row = {"name": name.strip(), "on_date": (on or date.today()).isoformat(), "file_sha256": file_sha256}
    _advance(store, meeting_id, MinutesStatus.SIGNED, row, actor)


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
    """Correct signed minutes by a decision of a later meeting; returns the new version number."""
    record = store.record(meeting_id)
    if record.meeting.minutes_status is not MinutesStatus.SIGNED:
        raise ApprovalError("These minutes are not signed yet: correct the draft itself instead.")
    if at_meeting_id == meeting_id:
        raise ApprovalError("A correction to signed minutes is agreed at a later meeting.")
    if not any(i.id == item_id for i in record.items):
        raise ApprovalError(f"Item {item_id} is not part of these minutes.")
    if not text.strip():
        raise ApprovalError("Give the corrected wording of the minute.")
    later = store.record(at_meeting_id)
    if motion_id is not None:
        _carried_motion(later, motion_id)
    version = max((a.version for a in record.amendments), default=1) + 1
    writer = LiveWriter(store, meeting_id, actor)
    with writer.unrecorded_step() as w:
        w.insert(
            "minutes_amendment",
            {
                "meeting_id": meeting_id,
                "version": version,
                "at_meeting_id": at_meeting_id,
                "motion_id": motion_id,
                "item_id": item_id,
                "text": text.strip(),
                "reason": reason.strip(),
                "on_date": (later.meeting.date or date.today()).isoformat(),
            },
        )
    return version
