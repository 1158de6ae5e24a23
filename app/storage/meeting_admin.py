"""Archiving and deleting meetings in the library: audited, all or nothing, and never a signed record."""

from __future__ import annotations

from typing import Any

from app.domain import MinutesStatus
from app.storage.store import RecordLocked, Store, _now

# Rows that hang off a meeting, counted into the audit row of a deletion so it says what went with it.
_DEPENDENTS = ("agenda_item", "attendance", "action", "annotation", "meeting_event", "minutes_approval")


def archived_ids(store: Store) -> frozenset[int]:
    rows = store.conn.execute("SELECT id FROM meeting WHERE archived_at IS NOT NULL").fetchall()
    return frozenset(int(r[0]) for r in rows)


def set_archived(store: Store, meeting_id: int, archived: bool, actor: str = "secretary") -> None:
    """Put a meeting away from the everyday list (or bring it back); nothing in it changes."""
    store.meeting(meeting_id)  # NotFound for an unknown meeting
    before = store.conn.execute("SELECT archived_at FROM meeting WHERE id = ?", (meeting_id,)).fetchone()[0]
    after = _now().isoformat() if archived else None
    if (before is None) == (after is None):
        return
    with store._write():
        store.conn.execute("UPDATE meeting SET archived_at = ? WHERE id = ?", (after, meeting_id))
        store._audit(
            actor,
            "meeting",
            meeting_id,
            "archive" if archived else "unarchive",
            {"archived_at": before},
            {"archived_at": after},
        )


def delete_meeting(store: Store, meeting_id: int, actor: str = "secretary") -> None:
    """Delete a meeting and everything recorded in it, in one audited step.

    Refused (RecordLocked, nothing deleted) when its minutes are signed, or when another meeting's record
    points at it (it approved or amended someone's minutes): archive it instead."""
    meeting = store.meeting(meeting_id)
    if meeting.minutes_status is MinutesStatus.SIGNED:
        raise RecordLocked(
            f"The minutes of “{meeting.title}” are signed, so the meeting cannot be deleted; archive it instead."
        )
    cited = store.conn.execute(
        "SELECT (SELECT count(*) FROM minutes_approval WHERE at_meeting_id = ? AND meeting_id != ?)"
        " + (SELECT count(*) FROM minutes_amendment WHERE at_meeting_id = ? AND meeting_id != ?)",
        (meeting_id, meeting_id, meeting_id, meeting_id),
    ).fetchone()[0]
    if cited:
        raise RecordLocked(
            f"“{meeting.title}” approved or amended another meeting's minutes, so it cannot be deleted; "
            "archive it instead."
        )
    cursor = store.conn.execute("SELECT * FROM meeting WHERE id = ?", (meeting_id,))
    row = dict(zip((c[0] for c in cursor.description), cursor.fetchone(), strict=True))
    counts: dict[str, Any] = {
        table: store.conn.execute(f"SELECT count(*) FROM {table} WHERE meeting_id = ?", (meeting_id,)).fetchone()[0]
        for table in _DEPENDENTS
    }
    with store._write():
        store.conn.execute("DELETE FROM meeting WHERE id = ?", (meeting_id,))  # the rest goes by ON DELETE CASCADE
        store._audit(actor, "meeting", meeting_id, "delete", row | {"with": counts}, None)
