"""Saves minute revisions, noting each one acknowledged, under the power-loss recorder (tests/fault/powerloss.c).

    LD_PRELOAD=powerloss.so POWERLOSS_WATCH=DATA POWERLOSS_SHADOW=SHADOW python -m tests.fault.powerloss_driver DATA N

After each `set_minute` returns (committed, as the window would tell the secretary "Saved"), "ack N" is appended
to SHADOW/log, the log the recorder appends "sync K" to at every fsync, so the order of the two is the real one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.storage import Store


def main(argv: list[str]) -> int:
    data, count = Path(argv[0]), int(argv[1])
    log = Path(os.environ["POWERLOSS_SHADOW"]) / "log"
    store = Store.open(data / "quorate.db")
    meeting = store.meetings()[0]
    assert meeting.id is not None
    items = [i.id for i in store.items(meeting.id) if i.id is not None][:3]
    for n in range(1, count + 1):
        store.set_minute(items[n % len(items)], f"Revision {n} of the minute.")
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(fd, f"ack {n} {items[n % len(items)]}\n".encode())
        os.close(fd)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
