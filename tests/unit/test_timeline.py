"""The timeline (app/services/timeline.py) answers exactly what walking every event answers, whether it was built
whole, extended event by event as a live meeting grows, or built again after an undo took events away."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app import commands
from app.commands.replay import replay
from app.domain import AgendaItem, EventKind, Meeting, MeetingRecord
from app.services import live as svc
from app.storage import Store
from tests.fault.events import agenda, generate


def _long_record(tmp_path: Path, events: int) -> MeetingRecord:
    store = Store.open(tmp_path / "quorate.db")
    body_id = store.meeting(commands.ensure_demo_meeting(store)).body_id
    items = [AgendaItem(None, 0, i, a["number"], a["title"]) for i, a in enumerate(agenda())]
    meeting = store.create_meeting(Meeting(None, body_id, "A long meeting"), items)
    assert meeting.id is not None
    replay(store, meeting.id, generate(events))
    record = store.record(meeting.id)
    store.close()
    return record


def _walked(record: MeetingRecord, event_id: int | None) -> tuple[frozenset[int], int | None]:
    """The room and who presides, the slow way: walking every event (the answer before the timeline)."""
    present = svc._present_walking(record, event_id)
    chosen, recorded = None, False
    for event in sorted(record.events, key=lambda e: e.id or 0):
        if event_id is not None and (event.id or 0) > event_id:
            break
        if event.kind is EventKind.PRESIDE:
            chosen, recorded = event.person_id, True
    presiding = (chosen if chosen in present else None) if recorded else svc.presiding_id(record.people, present)
    return present, presiding


def _same_as_walking(record: MeetingRecord, event_ids: list[int | None]) -> None:
    for event_id in event_ids:
        room = svc.room_after(record, event_id)
        assert (room.present, room.presiding_id) == _walked(record, event_id), f"after event {event_id}"


def test_the_timeline_answers_as_walking_every_event_does(tmp_path: Path) -> None:
    record = _long_record(tmp_path, 400)
    ids = [e.id for e in record.events if e.id is not None]
    assert len(ids) > 100
    _same_as_walking(record, [None, *ids])
    departures = {e.person_id for e in record.events if e.kind in (EventKind.LEAVE, EventKind.WITHDRAW)}
    assert departures, "the generated meeting has people going out"


def test_a_timeline_extended_event_by_event_or_cut_back_by_an_undo_answers_the_same(tmp_path: Path) -> None:
    record = _long_record(tmp_path, 200)
    events = record.events
    for size in range(1, len(events) + 1, 7):  # grown a few events at a time, as commands append them
        grown = replace(record, events=events[:size])
        _same_as_walking(grown, [None, events[size - 1].id, events[size // 2].id])
    undone = replace(record, events=events[: len(events) // 2])  # an undo takes the latest events away
    _same_as_walking(undone, [None, events[len(events) // 3].id])
    _same_as_walking(record, [None, events[-1].id, events[10].id])  # and the whole meeting again
