"""The process the fault test kills: a small fork server that runs replays of an events file.

    python -m tests.fault.driver DB MEETING_ID EVENTS

It imports Quorate once (and refuses to go on if anything pulled in Qt), prints "ready", then for each line
"run SKIP" on stdin forks a child that opens the database itself and replays EVENTS after the first SKIP
events. The child prints "started PID", then, after each event is committed, the number of events now in
the meeting (flushed at once: a number printed is an event acknowledged), then "done". When the child ends
(finished, or killed by the test) the server prints "exit STATUS". Forking keeps 100 kills cheap: each run
is a real process with its own SQLite connection, without paying for a fresh interpreter and its imports.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.commands.replay import replay
from app.storage import Store


def _child(db: Path, meeting_id: int, lines: list[str], skip: int) -> None:
    store = Store.open(db)
    print(f"started {os.getpid()}", flush=True)

    def acknowledge(_line: int, count: int) -> None:
        sys.stdout.write(f"{count}\n")
        sys.stdout.flush()

    replay(store, meeting_id, lines, skip=skip, on_applied=acknowledge)
    store.close()
    print("done", flush=True)


def main(argv: list[str]) -> int:
    db, meeting_id, events = Path(argv[0]), int(argv[1]), Path(argv[2])
    if "PySide6" in sys.modules:
        print("the replay driver imported PySide6", file=sys.stderr)
        return 1
    lines = events.read_text(encoding="utf-8").splitlines()
    print("ready", flush=True)
    for command in sys.stdin:
        if not command.startswith("run "):
            break
        skip = int(command.split()[1])
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                _child(db, meeting_id, lines, skip)
            except BaseException as exc:
                print(f"replay failed: {exc}", file=sys.stderr, flush=True)
                code = 1
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
