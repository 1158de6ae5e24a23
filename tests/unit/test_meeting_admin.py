"""Deleting and archiving meetings (issue 16): all or nothing, audited, and never signed minutes."""

from __future__ import annotations

import pytest

from app import commands
from app.commands import library_admin
from app.commands.live import LiveMeeting
from app.domain import Presence
from app.packs import read_pack
from app.storage import RecordLocked, Store
from tests.conftest import DEMO_PACK


def test_a_signed_meeting_cannot_be_deleted_but_a_draft_goes_with_all_it_holds(store: Store) -> None:
    meeting_id = commands.ensure_demo_meeting(store)
    live = LiveMeeting(store, meeting_id)
    live.start()
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    with store.transaction():
        store.conn.execute("UPDATE meeting SET minutes_status = 'signed' WHERE id = ?", (meeting_id,))
    with pytest.raises(RecordLocked, match="signed"):
        library_admin.delete_meeting(store, meeting_id)
    assert store.meeting(meeting_id).id == meeting_id

    with store.transaction():
        store.conn.execute("UPDATE meeting SET minutes_status = 'draft' WHERE id = ?", (meeting_id,))
    library_admin.delete_meeting(store, meeting_id)
    assert store.meetings() == []
    for table in ("agenda_item", "attendance", "meeting_event", "pack_page"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    deleted = [e for e in store.audit_entries() if e.entity == "meeting" and e.action == "delete"]
    assert len(deleted) == 1 and deleted[0].before is not None and deleted[0].after is None
    assert store.verify_audit_chain() == []


def test_the_same_pack_is_recognised_and_archiving_keeps_everything(store: Store) -> None:
    meeting_id = commands.ensure_demo_meeting(store)
    draft = read_pack(DEMO_PACK)
    found = library_admin.already_in_library(store, draft)
    assert found is not None and found.same_file and found.meeting.id == meeting_id
    library_admin.archive_meeting(store, meeting_id)
    assert library_admin.archived_meetings(store) == {meeting_id}
    assert len(store.items(meeting_id)) > 0
    library_admin.archive_meeting(store, meeting_id, archived=False)
    assert library_admin.archived_meetings(store) == frozenset()
