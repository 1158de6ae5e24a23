"""Runs fuzz replay scripts and checks each one.

    python -m tests.fuzz.replay_driver TEMPLATE_DB MEETING_ID WORK FIRST STOP

For scripts FIRST..STOP-1 (tests/fuzz/scripts.py) it copies the template database into WORK, replays the script
into the meeting, and checks: the replay either succeeds or raises ReplayError (anything else is a crash); a
rejection names a real event line ("line N: …", one line, N an event that is not blank or a comment) and counts
the events before it as applied; `PRAGMA integrity_check` is ok and the audit chain verifies; and replaying just
the accepted prefix into a fresh copy gives the same meetings (every field of `meeting_state` but the audit
head, whose entries carry the wall clock). One JSON line per script: its outcome and any failures.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from app.commands.replay import ReplayError, meeting_state, replay
from app.storage import Store
from tests.fuzz.scripts import script


def _states(store: Store, first_meeting: int) -> dict[int, dict[str, Any]]:
    states = {}
    for meeting in store.meetings():
        if meeting.id is not None and meeting.id >= first_meeting:
            state = meeting_state(store, meeting.id)
            del state["audit_head"]
            states[meeting.id] = state
    return states


def _is_event(line: str) -> bool:
    return bool(line.strip()) and not line.strip().startswith("#")


def check(template: Path, meeting_id: int, work: Path, n: int) -> dict[str, Any]:
    lines = script(n)
    db = work / f"fuzz-{n}.db"
    shutil.copyfile(template, db)
    store = Store.open(db)
    failures: list[str] = []
    outcome: dict[str, Any] = {"n": n, "events": sum(map(_is_event, lines))}
    accepted = lines
    started = time.perf_counter()
    try:
        try:
            result = replay(store, meeting_id, lines)
            outcome.update(outcome="ok", applied=result.applied)
        except ReplayError as exc:
            message = str(exc)
            outcome.update(outcome="rejected", line=exc.line, applied=exc.applied, message=message)
            if not 1 <= exc.line <= len(lines) or not _is_event(lines[exc.line - 1]):
                failures.append(f"the rejection names line {exc.line}, which is not an event")
            if not message.startswith(f"line {exc.line}: ") or "\n" in message:
                failures.append(f"the message is not one line naming the event: {message!r}")
            before = sum(map(_is_event, lines[: exc.line - 1]))
            if exc.applied != before:
                failures.append(f"{exc.applied} events said applied, but {before} came before line {exc.line}")
            accepted = lines[: exc.line - 1]
        except Exception:
            failures.append(f"crash:\n{traceback.format_exc()}")
            return {**outcome, "outcome": "crash", "failures": failures}
        outcome["seconds"] = round(time.perf_counter() - started, 3)
        if not store.integrity_ok():
            failures.append("PRAGMA integrity_check failed")
        failures += store.verify_audit_chain()
        states = _states(store, meeting_id)
    finally:
        store.close()
    if outcome["outcome"] == "rejected":
        again = work / f"fuzz-{n}-prefix.db"
        shutil.copyfile(template, again)
        other = Store.open(again)
        try:
            replay(other, meeting_id, accepted)
            if _states(other, meeting_id) != states:
                failures.append("replaying the accepted events again gives a different meeting")
        except Exception:
            failures.append(f"the accepted events did not replay again:\n{traceback.format_exc()}")
        finally:
            other.close()
        again.unlink()
    db.unlink()
    for leftover in work.glob(f"fuzz-{n}*"):
        leftover.unlink()
    return {**outcome, "failures": failures}


def main(argv: list[str]) -> int:
    template, meeting_id, work = Path(argv[0]), int(argv[1]), Path(argv[2])
    if "PySide6" in sys.modules:
        print("the replay fuzz driver imported PySide6", file=sys.stderr)
        return 1
    for n in range(int(argv[3]), int(argv[4])):
        checked = check(template, meeting_id, work, n)
        checked["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # the driver's, so far
        print(json.dumps(checked, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
