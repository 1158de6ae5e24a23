"""A meeting's record kept current from the audit log, so each live command reads what changed, not the meeting.

Reading the whole record after every command made a replay's per-event cost grow with the meeting (issue 17:
12 ms an event for the first 100 of 1,000, 39 ms for the last 100). Every write is audited in its own transaction
(app/storage/store.py), so the audit rows since the record was read name every row that changed: rows of the
tables that grow with the meeting (events, declarations, motions, confirmations, action updates) are read again
one by one; the small ones (the meeting, its items, attendance, votes, …) whole; anything else, or an audit log
that no longer has the row the record was read at (a rolled-back step), reads the whole record again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from app.domain import MeetingRecord
from app.storage import driver, rows
from app.storage.store import Store

# audit entity -> (record field, reader of just the rows with these ids)
_GROWING: dict[str, tuple[str, Callable[[driver.Connection, int, Sequence[int]], tuple[Any, ...]]]] = {
    "meeting_event": ("events", rows.events),
    "declaration": ("declarations", rows.declarations),
    "motion": ("motions", rows.motions),
    "chair_confirmation": ("confirmations", rows.confirmations),
    "action_update": ("action_updates", rows.action_updates),
    "action": ("actions", lambda conn, meeting_id, ids: tuple(Store(conn).actions(meeting_id, ids))),
}
# audit entity -> record field read whole again (tables whose size does not grow with the meeting's length)
_SMALL = {
    "meeting": "meeting",
    "agenda_item": "items",
    "minute_entry": "minutes",
    "attendance": "attendance",
    "vote": "votes",
    "ballot": "votes",
    "minutes_approval": "approvals",
    "minutes_amendment": "amendments",
}

# audit entities that are not part of a meeting's record (replay's notes of how far a file got, members' notes)
_NOT_IN_RECORD = frozenset({"replay_progress", "annotation", "reader_member"})
# the audit actions that say one row changed and which: the live writer's whole rows, and a minute's text. Any other
# (a merge of two people, a revised pack, …) may change rows it does not name, so the record is read whole again.
_ONE_ROW = frozenset({"insert", "update", "delete", "edit"})


def _sort_key(field: str) -> Callable[[Any], tuple[int, int]]:
    if field == "motions":
        return lambda m: (m.position, m.id)
    return lambda row: (0, row.id)


class RecordCache:
    """`record()` is `store.record(meeting_id)`, brought up to date from the audit rows written since."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self._record: MeetingRecord | None = None
        self._seen: tuple[int, str] = (0, "")  # the audit row (id, hash) the record is current to

    def _head(self) -> tuple[int, str]:
        row = self.store.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        return (int(row[0]), str(row[1])) if row else (0, "")

    def record(self) -> MeetingRecord:
        head = self._head()
        if self._record is not None and head == self._seen:
            return self._record
        record = self._record
        if record is not None and self._still_there():
            changed = self.store.conn.execute(
                "SELECT entity, entity_id, action FROM audit WHERE id > ? ORDER BY id", (self._seen[0],)
            ).fetchall()
            record = self._refreshed(record, changed)
        else:
            record = None
        if record is None:
            record = self.store.record(self.meeting_id)
        self._record = replace(record, audit_head=head[1] or record.audit_head)
        self._seen = head
        return self._record

    def _still_there(self) -> bool:
        """False when the row the record was read at is gone (its step was rolled back): read it all again."""
        if not self._seen[0]:
            return False
        row = self.store.conn.execute("SELECT hash FROM audit WHERE id = ?", (self._seen[0],)).fetchone()
        return row is not None and row[0] == self._seen[1]

    def _refreshed(self, record: MeetingRecord, changed: list[tuple[str, int | None, str]]) -> MeetingRecord | None:
        growing: dict[str, set[int]] = {}
        small: set[str] = set()
        for entity, entity_id, action in changed:
            if entity in _NOT_IN_RECORD:
                continue
            if action not in _ONE_ROW or (action == "edit" and entity != "minute_entry"):
                return None
            if entity in _GROWING and entity_id is not None:
                growing.setdefault(entity, set()).add(entity_id)
            elif entity in _SMALL:
                small.add(_SMALL[entity])
            else:
                return None  # a table the record is not kept from piece by piece: read it whole
        updates: dict[str, Any] = {}
        conn = self.store.conn
        for entity, ids in growing.items():
            field, read = _GROWING[entity]
            kept = {row.id: row for row in getattr(record, field) if row.id not in ids}
            kept.update((row.id, row) for row in read(conn, self.meeting_id, sorted(ids)))
            updates[field] = tuple(sorted(kept.values(), key=_sort_key(field)))
        store, meeting_id = self.store, self.meeting_id
        readers: dict[str, Callable[[], Any]] = {
            "meeting": lambda: store.meeting(meeting_id),
            "items": lambda: tuple(store.items(meeting_id)),
            "minutes": lambda: store.minutes(meeting_id),
            "attendance": lambda: tuple(store.attendance(meeting_id)),
            "votes": lambda: rows.votes(conn, meeting_id),
            "approvals": lambda: rows.approvals(conn, meeting_id),
            "amendments": lambda: rows.amendments(conn, meeting_id),
        }
        for field in small:
            updates[field] = readers[field]()
        return replace(record, **updates)
