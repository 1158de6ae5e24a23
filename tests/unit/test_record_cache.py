"""The live meeting's record, kept current from the audit log, is always the record read afresh (issue 17)."""

from __future__ import annotations

from datetime import time

import pytest

from app import commands
from app.commands.live import LiveError
from app.commands.replay import _Replay, replay
from app.domain import AgendaItem, Meeting
from app.storage import Store
from tests.fault.events import agenda, generate


def _long_meeting(store: Store) -> int:
    body_id = store.meeting(commands.ensure_demo_meeting(store)).body_id
    items = [AgendaItem(None, 0, i, a["number"], a["title"]) for i, a in enumerate(agenda())]
    created = store.create_meeting(Meeting(None, body_id, "A long meeting"), items)
    assert created.id is not None
    return created.id


def test_after_every_event_undo_and_redo_the_kept_record_is_the_fresh_one(store: Store) -> None:
    meeting_id = _long_meeting(store)
    state = _Replay(store, meeting_id)
    checked = 0

    def check(_line: int, _count: int) -> None:
        nonlocal checked
        assert state.live.record() == store.record(meeting_id)
        checked += 1

    lines = generate(300)
    # replay() makes its own LiveMeeting: drive one kept record alongside it and compare after every event
    replay(store, meeting_id, lines[:150], on_applied=check)
    for _ in range(3):
        state.live.undo()
        assert state.live.record() == store.record(meeting_id)
    for _ in range(2):
        state.live.redo()
        assert state.live.record() == store.record(meeting_id)
    assert checked == 150


def test_a_refused_command_leaves_the_kept_record_true(store: Store) -> None:
    meeting_id = _long_meeting(store)
    state = _Replay(store, meeting_id)
    replay(store, meeting_id, generate(40)[:30])
    assert state.live.record() == store.record(meeting_id)
    with pytest.raises(LiveError):
        state.live.start()  # already started: refused before anything is written

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), store.transaction():  # a step read mid-way, then rolled back
        state.live.writer.update("meeting", meeting_id, {"members_of_public": 99})
        assert state.live.record().meeting.members_of_public == 99
        raise Abandoned
    state.live.set_public(4, time(11, 0))  # writes audit rows numbered as the abandoned ones were
    assert state.live.record() == store.record(meeting_id)
    assert state.live.record().meeting.members_of_public == 4
