"""SIGKILL during a replay of 1,000 events, at 100 points: nothing acknowledged is lost, nothing else appears.

A fork server (tests/fault/driver.py, which never imports Qt) runs the replay; each run prints the number
of events in the meeting after every commit. The test picks 100 kill points (seeded event counts, so the
test does not depend on timing), kills the run with SIGKILL once it has acknowledged that many events, then
reopens the database: every acknowledged event must be there, nothing beyond the acknowledged events plus
at most the one in flight (an event may be committed and killed before its acknowledgement was printed:
that is allowed, the write is durable, only the message was lost), `PRAGMA integrity_check` must be ok and
the audit chain must verify. The next run resumes after the events the database holds, so over the 100
kills all 1,000 events are applied exactly once, which the final checks count.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import IO

from app import commands
from app.commands.replay import replay_progress
from app.domain import AgendaItem, Meeting
from app.storage import Store
from tests.fault.events import agenda, generate

REPO = Path(__file__).resolve().parents[2]
EVENTS = 1000
KILLS = 100


def events_in_meeting(store: Store, meeting_id: int) -> int:
    """Events applied, read back from the database: each event is one undo step, or one audited minute edit."""
    steps = store.conn.execute(
        "SELECT count(*) FROM undo_step WHERE meeting_id = ? AND state = 'done'", (meeting_id,)
    ).fetchone()[0]
    minutes = store.conn.execute(
        "SELECT count(*) FROM audit WHERE entity = 'minute_entry' AND entity_id IN"
        " (SELECT id FROM agenda_item WHERE meeting_id = ?)",
        (meeting_id,),
    ).fetchone()[0]
    return int(steps) + int(minutes)


def _line(stream: IO[str]) -> str:
    line = stream.readline()
    assert line, "the replay driver stopped talking (see its stderr above)"
    return line.strip()


def test_sigkill_at_100_points_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "quorate.db"
    store = Store.open(db)
    body_id = store.meeting(commands.ensure_demo_meeting(store)).body_id
    items = [AgendaItem(None, 0, i, a["number"], a["title"]) for i, a in enumerate(agenda())]
    meeting = store.create_meeting(Meeting(None, body_id, "A long meeting"), items)
    assert meeting.id is not None
    store.close()
    lines = generate(EVENTS)
    assert len(lines) == EVENTS
    events_file = tmp_path / "events.jsonl"
    events_file.write_text("\n".join(lines) + "\n", encoding="utf-8")

    server = subprocess.Popen(
        [sys.executable, "-m", "tests.fault.driver", str(db), str(meeting.id), str(events_file)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        assert _line(server.stdout) == "ready"
        rng = random.Random(5)
        targets = sorted(rng.sample(range(3, EVENTS), KILLS))
        applied = 0
        killed = 0
        for target in targets:
            server.stdin.write(f"run {applied}\n")
            server.stdin.flush()
            started = _line(server.stdout)
            assert started.startswith("started "), started
            pid = int(started.split()[1])
            acked = applied
            target = max(target, applied + 1)
            finished = False
            while acked < target:
                line = _line(server.stdout)
                assert line.isdigit(), f"run stopped early: {line}"
                acked = int(line)
            os.kill(pid, signal.SIGKILL)
            while not (line := _line(server.stdout)).startswith("exit "):
                if line == "done":
                    finished = True
                else:
                    acked = int(line)  # acknowledged before the kill landed
            status = int(line.split()[1])
            killed += os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            assert finished or os.WIFSIGNALED(status), f"the run failed (status {status})"

            reopened = Store.open(db)
            try:
                found = events_in_meeting(reopened, meeting.id)
                assert acked <= found <= acked + 1, f"{acked} acknowledged but {found} in the database"
                progress = replay_progress(reopened, meeting.id)
                # what `replay --resume` goes on from: exact, as the note commits with each event
                assert (progress[0] if progress else 0) == found, f"{found} events in, progress says {progress}"
                assert reopened.integrity_ok()
                assert reopened.verify_audit_chain() == []
            finally:
                reopened.close()
            applied = found
        assert killed >= KILLS - 1  # the last point may fall after the final event

        server.stdin.write(f"run {applied}\n")
        server.stdin.flush()
        assert _line(server.stdout).startswith("started ")
        while (line := _line(server.stdout)) != "done":
            assert line.isdigit(), line
        assert _line(server.stdout) == "exit 0"
    finally:
        server.stdin.close()
        server.wait(timeout=60)
        server.stdout.close()

    final = Store.open(db)
    try:
        assert events_in_meeting(final, meeting.id) == EVENTS
        assert final.integrity_ok() and final.verify_audit_chain() == []
        record = final.record(meeting.id)
        kinds = Counter(json.loads(line)["type"] for line in lines)
        assert record.meeting.closed_at is not None
        assert len(record.motions) == kinds["motion"] + kinds["amend"]
        assert len(record.votes) == kinds["vote"]
        assert len(record.declarations) == kinds["declare"]
        assert len(record.actions) == kinds["action"]
        assert sum(1 for v in record.votes if v.casting_vote is not None) == kinds["casting_vote"]
        assert sum(1 for i in record.items if i.opened_at is not None) == kinds["open_item"]
    finally:
        final.close()
