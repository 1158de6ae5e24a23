"""Exports the CLI and the window call: minutes as Word, the action tracker, the annual attendance report.

Each loads what it needs through the Store, lays it out with a pure service and hands it to a renderer that
writes the file atomically. Bad requests (an unknown format, a period that ends before it starts) raise
`ExportError`; an unknown meeting or body raises the store's `NotFound`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.live import LiveMeeting
from app.domain import Action, ActionUpdate, MeetingRecord, Part
from app.services.attendance_report import AttendanceReport, attendance_report, long_date
from app.services.minutes import build_minutes
from app.storage import Store

if TYPE_CHECKING:  # ReportLab and openpyxl load only when exporting
    from app.export.actions_export import TrackerRow


class ExportError(ValueError):
    """A request the exporter cannot satisfy, in one sentence for the user."""


def export_minutes_docx(store: Store, meeting_id: int, out: Path, part: Part = Part.ONE) -> Path:
    """Render the minutes of one part of a meeting to a Word document, written atomically."""
    from dataclasses import replace

    from app.export.minutes_docx import render_minutes_docx  # python-docx loads only when exporting
    from app.storage import integrity, signatures

    signatures.ensure_record_whole(store, meeting_id, "nothing was exported")
    version = store.current_version(meeting_id)
    document = replace(
        build_minutes(store.record(meeting_id), part),
        version=version,
        record_digest=integrity.record_digest(store.conn, meeting_id, version),
    )
    return render_minutes_docx(document, Path(out))


def _format(out: Path, fmt: str | None, allowed: Sequence[str], what: str) -> str:
    chosen = (fmt or Path(out).suffix.lstrip(".")).lower()
    if chosen not in allowed:
        shown = f"'{chosen}'" if chosen else "a file with no extension"
        raise ExportError(f"The {what} can be exported as {', '.join(allowed)}, not {shown}.")
    return chosen


# --- action tracker -------------------------------------------------------------------------------------------------


def _body_records(store: Store, body_id: int) -> list[MeetingRecord]:
    """Every meeting of the body, oldest first."""
    meetings = [m for m in store.meetings() if m.body_id == body_id and m.id is not None]
    meetings.sort(key=lambda m: (m.date or date.min, m.id or 0))
    return [store.record(m.id) for m in meetings if m.id is not None]


def status_text(action: Action, overdue: bool, escalate: bool) -> str:
    """The status as a pack's tracker key words it (DOMAIN.md section 6)."""
    status = action.status.strip()
    if status == "closed":
        closed = action.closed_at.strftime("%d/%m/%Y") if action.closed_at else ""
        return f"CLOSED ({closed})" if closed else "CLOSED"
    if status == "complete":
        return "Complete – propose closure"
    if status != "open":
        return status  # a tracker read from a pack keeps its own wording
    if escalate:
        return "Escalated"
    if overdue or action.rag == "red":
        return "Outstanding"
    if action.rag == "amber":
        return "In progress"
    if action.rag == "blue" or action.due is not None:
        return "Not yet due"
    return "Open"


def _latest_updates(records: Sequence[MeetingRecord]) -> dict[int, tuple[date | None, ActionUpdate]]:
    """Each action's latest update with words in it, and the date of the meeting that heard it."""
    latest: dict[int, tuple[date | None, ActionUpdate]] = {}
    for record in records:  # oldest meeting first, so later meetings win
        for update in sorted(record.action_updates, key=lambda u: u.id or 0):
            if update.text.strip():
                latest[update.action_id] = (record.meeting.date, update)
    return latest


class Part2(StrEnum):
    """What an export does with Part II (confidential) business: leave it out (a public export, the default) or
    keep it, marked as confidential on every row (an export for those entitled to see it)."""

    LEAVE_OUT = "leave_out"
    MARK = "mark"


def tracker_rows(store: Store, meeting_id: int, part2: Part2 = Part2.LEAVE_OUT) -> list[TrackerRow]:
    """The body's tracker as meeting `meeting_id` sees it (overdue against its date): open actions by number,
    then closed ones. Actions raised under a Part II item are left out, or marked (`part2`)."""
    from app.export.actions_export import TrackerRow, uk_date

    meeting = store.meeting(meeting_id)
    records = _body_records(store, meeting.body_id)
    by_meeting = {r.meeting.id: r for r in records}
    updates = _latest_updates(records)
    rows: list[TrackerRow] = []
    for tracked in LiveMeeting(store, meeting_id).tracker():
        action = tracked.action
        record = by_meeting.get(action.meeting_id)
        item = next((i for i in record.items if i.id == action.item_id), None) if record else None
        confidential = item is not None and item.part is Part.TWO
        if confidential and part2 is Part2.LEAVE_OUT:
            continue
        update = updates.get(action.id or -1)
        rag = "black" if tracked.escalate and action.status == "open" else action.rag
        rows.append(
            TrackerRow(
                number=action.number,
                meeting_date=record.meeting.date if record else None,
                item=" ".join(p for p in (item.number, item.title) if p) if item else "",
                text=action.text,
                owners=", ".join(action.owners),
                due=action.due,
                status=status_text(action, tracked.overdue, tracked.escalate),
                rag=rag,
                last_update=f"{uk_date(update[0])}: {update[1].text.strip()}".lstrip(": ") if update else "",
                closed=action.status == "closed",
                confidential=confidential,
            )
        )

    def order(row: TrackerRow) -> tuple[bool, int, str]:
        return (row.closed, int(row.number) if row.number.isdigit() else 1 << 30, row.number)

    rows.sort(key=order)
    return rows


def export_action_tracker(
    store: Store, meeting_id: int, out: Path, fmt: str | None = None, part2: Part2 = Part2.LEAVE_OUT
) -> Path:
    """The body's action tracker as of this meeting, as CSV, XLSX or PDF (`fmt`, or the suffix of `out`); Part II
    actions left out (the default: a tracker is published with the pack) or marked confidential (`part2`)."""
    from app.export.actions_export import TRACKER_FORMATS, render_tracker

    chosen = _format(out, fmt, TRACKER_FORMATS, "action tracker")
    meeting = store.meeting(meeting_id)
    body = store.body(meeting.body_id)
    rows = tracker_rows(store, meeting_id, part2)
    title = f"Action tracker — {body.name}"
    when = f" on {long_date(meeting.date)}" if meeting.date else ""
    subtitle = f"As at the meeting{when}: {meeting.title}"
    if any(row.confidential for row in rows):
        title = f"CONFIDENTIAL — {title} (includes Part II)"
    return render_tracker(rows, Path(out), chosen, title, subtitle)


# --- attendance -----------------------------------------------------------------------------------------------------


def attendance_for_body(
    store: Store, body_id: int, start: date, end: date, deputies_count: bool | None = None
) -> AttendanceReport:
    """The attendance figures of a body's meetings between `start` and `end` (inclusive)."""
    if end < start:
        raise ExportError(f"The period ends ({long_date(end)}) before it starts ({long_date(start)}).")
    body = store.body(body_id)  # NotFound for an unknown body
    records = [r for r in _body_records(store, body_id) if r.meeting.date and start <= r.meeting.date <= end]
    return attendance_report(records, start, end, deputies_count, body_name=body.name)


def export_attendance_report(
    store: Store,
    body_id: int,
    start: date,
    end: date,
    out: Path,
    fmt: str | None = None,
    deputies_count: bool | None = None,
) -> Path:
    """The annual attendance report as PDF or CSV (`fmt`, or the suffix of `out`)."""
    from app.export.attendance_export import ATTENDANCE_FORMATS, render_attendance

    chosen = _format(out, fmt, ATTENDANCE_FORMATS, "attendance report")
    report = attendance_for_body(store, body_id, start, end, deputies_count)
    return render_attendance(report, Path(out), chosen)
