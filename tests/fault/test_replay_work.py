"""Replay's per-event work does not grow with the meeting (issue 17: 12 ms an event for the first 100 of 1,000,
39 ms for the last 100, because every command read the whole record again).

Speeds are the bench's business (`quorate bench`); this counts work instead, which a shared machine cannot
disturb: SQLite's virtual-machine steps for each event, through `set_progress_handler`. An event at the end of a
1,000-event meeting must cost about what one near its start costs; reading the whole record after each command
makes the late ones cost several times more.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from app import commands
from app.commands.replay import replay
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
