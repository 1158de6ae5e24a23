"""A meeting's events sorted once and walked once: who is in the room after any event, who presides, each item's
stretches, the last quorum note.

`room_after` used to sort every event on each call, and it is called per vote and per presence point, so a live
command, the window and the minutes cost more the longer the meeting ran (issue 20). A `Timeline` is built from a
record's events once and extended when a command only appended events (the usual case), so asking about the room
costs about the same at event 100 as at event 10,000. Pure: no I/O; the cache only remembers the last timelines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain import EventKind, MeetingEvent

OUT_OF_ORDER = "out of order"  # text of an open_item event taken before earlier items
ROLL_CALL = "roll call"  # text of the arrive events a roll call writes: they count from the start
PRESENCE_IN = frozenset({EventKind.ARRIVE, EventKind.RETURN})
PRESENCE_OUT = frozenset({EventKind.LEAVE, EventKind.WITHDRAW})
ITEM_BOUNDARY = frozenset({EventKind.OPEN_ITEM, EventKind.DEFER_ITEM, EventKind.CLOSE})
_STRIDE = 32  # a copy of the room is kept every this many presence changes: a question replays at most this many


def is_roll_call(event: MeetingEvent) -> bool:
    return event.kind is EventKind.ARRIVE and event.text == ROLL_CALL


@dataclass(slots=True)
class Timeline:
    """Built by `timeline(events)`; read-only to its callers."""

    events: tuple[MeetingEvent, ...]  # as given (the record's order)
    ordered: list[MeetingEvent] = field(default_factory=list)  # by id
    ids: list[int] = field(default_factory=list)
    roll_called: set[int] = field(default_factory=set)  # present from the start, whenever the roll call was taken
    change_ids: list[int] = field(default_factory=list)  # presence changes after the roll call, by id
    changes: list[tuple[bool, int]] = field(default_factory=list)  # (comes in, person)
    checkpoints: list[frozenset[int]] = field(default_factory=list)  # the room after changes[: k * _STRIDE]
    present: set[int] = field(default_factory=set)  # the room now
    presence_point_ids: list[int] = field(default_factory=list)  # every arrive/return/leave/withdraw, by id
    preside_ids: list[int] = field(default_factory=list)
    presides: list[int | None] = field(default_factory=list)
    windows: dict[int, list[tuple[int, int | None]]] = field(default_factory=dict)  # closed stretches per item
    open_window: tuple[int, int] | None = None  # (item, first event id) of the item being taken
    last_quorum_kind: EventKind | None = None
    out_of_order: set[int] = field(default_factory=set)  # items opened out of order
    last_out: dict[int, EventKind] = field(default_factory=dict)  # how each person last went out of the room
    retired: bool = False  # its lists were handed to a timeline extended from it: it answers nothing again

    def _add(self, event: MeetingEvent) -> None:
        """Walk one more event, in id order (the roll call's arrivals are counted from the start separately)."""
        event_id = event.id
        assert event_id is not None
        self.ordered.append(event)
        self.ids.append(event_id)
        kind = event.kind
        if kind in PRESENCE_IN or kind in PRESENCE_OUT:
            self.presence_point_ids.append(event_id)
            if event.person_id is not None and not is_roll_call(event):
                self.change_ids.append(event_id)
                self.changes.append((kind in PRESENCE_IN, event.person_id))
                if kind in PRESENCE_IN:
                    self.present.add(event.person_id)
                else:
                    self.present.discard(event.person_id)
                    self.last_out[event.person_id] = kind
                if len(self.changes) % _STRIDE == 0:
                    self.checkpoints.append(frozenset(self.present))
        elif kind is EventKind.PRESIDE:
            self.preside_ids.append(event_id)
            self.presides.append(event.person_id)
        elif kind is EventKind.INQUORATE or kind is EventKind.QUORATE:
            self.last_quorum_kind = kind
        if kind in ITEM_BOUNDARY:
            if self.open_window is not None:
                item_id, start = self.open_window
                self.windows.setdefault(item_id, []).append((start, event_id - 1 if event_id > start else start))
                self.open_window = None
            if kind is EventKind.OPEN_ITEM and event.item_id is not None:
                self.open_window = (event.item_id, event_id)
                if event.text == OUT_OF_ORDER:
                    self.out_of_order.add(event.item_id)

    # -- questions ------------------------------------------------------------------------------------------------

    def present_after(self, event_id: int | None) -> frozenset[int]:
        """The room after event `event_id` (or now): the roll call, then arrivals, departures, withdrawals."""
        if event_id is None:
            return frozenset(self.present)
        count = bisect_right(self.change_ids, event_id)
        mark = count // _STRIDE
        here = set(self.checkpoints[mark])
        for comes_in, person_id in self.changes[mark * _STRIDE : count]:
            if comes_in:
                here.add(person_id)
            else:
                here.discard(person_id)
        return frozenset(here)

    def presiding_recorded(self, event_id: int | None) -> tuple[bool, int | None]:
        """(whether a `preside` event came at or before `event_id` (or now), the person of the last one)."""
        count = len(self.preside_ids) if event_id is None else bisect_right(self.preside_ids, event_id)
        return (True, self.presides[count - 1]) if count else (False, None)

    def item_windows(self, item_id: int) -> list[tuple[int, int | None]]:
        """(first event id, last event id or None for "still open") of each stretch the item was being taken."""
        windows: list[tuple[int, int | None]] = list(self.windows.get(item_id, ()))
        if self.open_window is not None and self.open_window[0] == item_id:
            windows.append((self.open_window[1], None))
        return windows

    def presence_points(self, first: int, last: int | None) -> list[int]:
        """Ids of the arrivals, returns, departures and withdrawals after `first`, up to `last` (or now)."""
        start = bisect_right(self.presence_point_ids, first)
        end = len(self.presence_point_ids) if last is None else bisect_right(self.presence_point_ids, last)
        return self.presence_point_ids[start:end]

    def first_after(self, event_id: int) -> int:
        """Index in `ordered` of the first event after `event_id`."""
        return bisect_right(self.ids, event_id)

    def index_of(self, event_id: int) -> int:
        return bisect_left(self.ids, event_id)


def _walkable(event: MeetingEvent) -> bool:
    """An event the timeline answers for exactly: one with an id, and "roll call" only on the roll call's arrivals
    (anything else is left to the callers' slower walk, which handles every record)."""
    return event.id is not None and (event.text != ROLL_CALL or (is_roll_call(event) and event.person_id is not None))


def _build(events: tuple[MeetingEvent, ...]) -> Timeline | None:
    if not all(_walkable(e) for e in events):
        return None
    built = Timeline(events)
    built.roll_called = {e.person_id for e in events if is_roll_call(e) and e.person_id is not None}
    built.present = set(built.roll_called)
    built.checkpoints.append(frozenset(built.present))
    for event in sorted(events, key=lambda e: e.id or 0):
        built._add(event)
    return built


def _extended(old: Timeline, events: tuple[MeetingEvent, ...]) -> Timeline | None:
    """`old` walked on over the events appended since, or None when they were not only appended after it (an undo,
    a second roll call): then it is built again."""
    size = len(old.events)
    if len(events) < size or events[:size] != old.events:
        return None
    added = events[size:]
    last = old.ids[-1] if old.ids else 0
    for event in added:
        if not _walkable(event) or event.id is None or event.id <= last or is_roll_call(event):
            return None
        last = event.id
    grown = Timeline(
        events,
        old.ordered,
        old.ids,
        old.roll_called,
        old.change_ids,
        old.changes,
        old.checkpoints,
        old.present,
        old.presence_point_ids,
        old.preside_ids,
        old.presides,
        old.windows,
        old.open_window,
        old.last_quorum_kind,
        old.out_of_order,
        old.last_out,
    )
    old.retired = True  # its lists now belong to the grown timeline: it must never be extended or answer again
    for event in added:
        grown._add(event)
    return grown


_recent: list[Timeline] = []  # the last few built: the live command's record and the window's are usually one
_KEEP = 4


def timeline(events: tuple[MeetingEvent, ...]) -> Timeline | None:
    """The timeline of these events, reused or extended from a recent one; None when an event is not `_walkable`
    (a record not read from storage), which the callers answer the slow way."""
    if not isinstance(events, tuple):
        return None  # a list may change after it was walked: only a record's tuple of events is remembered
    for found in _recent:
        if found.events is events and not found.retired:
            return found
    made: Timeline | None = None
    for index, old in enumerate(_recent):
        size = len(old.events)
        if not old.retired and size and size <= len(events) and old.events[-1] == events[size - 1]:
            made = _extended(old, events)
            if made is not None:
                del _recent[index]
                break
    if made is None:
        made = _build(events)
    if made is None:
        return None
    _recent.insert(0, made)
    del _recent[_KEEP:]
    return made


def ordered(events: Sequence[MeetingEvent]) -> list[MeetingEvent]:
    """The events by id, as every walk over the meeting takes them."""
    return sorted(events, key=lambda e: e.id or 0)
