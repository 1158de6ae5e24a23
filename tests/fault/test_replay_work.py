"""Replay's per-event work does not grow with the meeting (issue 17: 12 ms an event for the first 100 of 1,000,
39 ms for the last 100, because every command read the whole record again).

Speeds are the bench's business (`quorate bench`); this counts work instead, which a shared machine cannot
disturb: SQLite's virtual-machine steps for each event, through `set_progress_handler`. An event at the end of a
1,000-event meeting must cost about what one near its start costs; reading the whole record after each command
makes the late ones cost several times more.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from app import commands
from app.commands.replay import meeting_state, replay
from app.domain import AgendaItem, Meeting
from app.storage import Store
from tests.fault.events import agenda, generate

STEPS = 100  # SQLite VM instructions per progress call


def test_an_event_late_in_a_long_meeting_costs_what_an_early_one_does(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "quorate.db")
    body_id = store.meeting(commands.ensure_demo_meeting(store)).body_id
    items = [AgendaItem(None, 0, i, a["number"], a["title"]) for i, a in enumerate(agenda())]
    meeting = store.create_meeting(Meeting(None, body_id, "A long meeting"), items)
    assert meeting.id is not None
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0  # never interrupts

    per_event: list[int] = []
    last = [0]

    def applied(_line: int, _count: int) -> None:
        per_event.append(steps[0] - last[0])
        last[0] = steps[0]

    store.conn.set_progress_handler(count, STEPS)
    replay(store, meeting.id, generate(1000), on_applied=applied)
    store.conn.set_progress_handler(None, 0)
    store.close()
    assert len(per_event) == 1000
    start, end = statistics.median(per_event[50:150]), statistics.median(per_event[-100:])
    print(f"\nSQLite steps per event (x{STEPS}): median {start:.0f} near the start, {end:.0f} at the end")
    assert end <= 1.5 * start, f"an event at the end costs {end / start:.1f}x one near the start"


class LineCounter:
    """Python lines run while on (every loop turn counts, comprehensions included): work, not time."""

    def __init__(self) -> None:
        self.lines = 0

    def _local(self, _frame: FrameType, event: str, _arg: object) -> Any:
        if event == "line":
            self.lines += 1
        return self._local

    def _global(self, _frame: FrameType, _event: str, _arg: object) -> Any:
        return self._local

    def on(self) -> None:
        sys.settrace(self._global)

    def off(self) -> None:
        sys.settrace(None)


def test_python_work_per_event_and_for_the_meeting_state_does_not_grow_with_the_meeting(tmp_path: Path) -> None:
    """The Python side of the same promise (issue 20): the room worked out again from every event on each command
    (sorted per call, once per vote and presence point) made a command and `meeting_state` cost more the longer the
    meeting. Lines run are counted for 40 events near the start and 40 near the end, and for `meeting_state` at
    500 and at 1,000 events (linear: about twice the work, never four times)."""
    store = Store.open(tmp_path / "quorate.db")
    body_id = store.meeting(commands.ensure_demo_meeting(store)).body_id
    items = [AgendaItem(None, 0, i, a["number"], a["title"]) for i, a in enumerate(agenda())]
    meeting = store.create_meeting(Meeting(None, body_id, "A long meeting"), items)
    assert meeting.id is not None
    meeting_id = meeting.id
    counter = LineCounter()
    per_event: dict[int, int] = {}
    state_lines: dict[int, int] = {}
    traced = set(range(100, 140)) | set(range(955, 995))

    def applied(_line: int, count: int) -> None:
        counter.off()
        if count - 1 in traced:
            per_event[count - 1] = counter.lines
        if count in (500, 999):
            counter.lines = 0
            counter.on()
            meeting_state(store, meeting_id)
            counter.off()
            state_lines[count] = counter.lines
        counter.lines = 0
        if count in traced:
            counter.on()

    try:
        replay(store, meeting_id, generate(1000), on_applied=applied)
    finally:
        counter.off()
        store.close()
    start = statistics.median(per_event[n] for n in range(100, 140))
    end = statistics.median(per_event[n] for n in range(955, 995))
    print(f"\nPython lines per event: median {start:.0f} near the start, {end:.0f} at the end")
    print(f"Python lines for meeting_state at 500 and 999 events: {state_lines}")
    assert end <= 1.5 * start, f"an event at the end runs {end / start:.1f}x the lines of one near the start"
    assert state_lines[999] <= 2.5 * state_lines[500], "meeting_state grows faster than the meeting"
