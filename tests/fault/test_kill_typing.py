"""SIGKILL while the secretary types without a pause: at most about a second of typing is lost (issue 17).

The window types a letter every 40 ms through real key events (tests/fault/typing_driver.py) and is killed at a
seeded random moment a few seconds in. The minute saved must be a prefix of what was typed, and every letter
typed more than LOSS_BOUND_S before the kill must be in it. Saving only after a pause (the old editor) keeps
nothing of continuous typing, so this fails by seconds, not by a margin.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from app import commands, paths
from app.storage import Store
from tests.fault.harness import REPO, scale
from tests.fault.typing_driver import LETTERS

# The editor saves at least every 0.8 s while typing goes on (MAX_UNSAVED_MS); the rest is room for the save's
# own commit and fsync on a loaded machine. The bound is a second of typing.
LOSS_BOUND_S = 1.0
INTERVAL_MS = 40


def _typed_text(count: int) -> str:
    return "".join(LETTERS[n % len(LETTERS)] for n in range(count))


def test_sigkill_mid_typing_loses_at_most_a_second(tmp_path: Path) -> None:
    rng = random.Random(17)
    for run in range(scale(3, 20)):
        data = tmp_path / f"data-{run}"
        store = Store.open(paths.database_path(data))
        commands.ensure_demo_meeting(store)
        store.close()
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.fault.typing_driver", str(data), "6.4", str(INTERVAL_MS)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        )
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready and ready[0] == "ready", "the typing driver did not start"
        item_id = int(ready[1])
        stop_after = rng.randint(60, 110)  # 2.4 to 4.4 seconds of typing
        times: list[float] = []
        while len(times) < stop_after:
            line = child.stdout.readline().split()
            assert line and line[0] == "typed", "the typing driver stopped"
            times.append(float(line[2]))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        killed_at = times[-1]  # the kill follows the last key read at once
        store = Store.open(paths.database_path(data))
        try:
            saved = store.minute(item_id).body
            assert store.verify_audit_chain() == [] and store.integrity_ok()
        finally:
            store.close()
        assert _typed_text(len(saved)) == saved, "the saved minute is not what was typed"
        lost = times[len(saved) :]
        if lost:
            assert killed_at - lost[0] <= LOSS_BOUND_S, (
                f"{len(lost)} letters typed over {killed_at - lost[0]:.2f} s before the kill were lost "
                f"({len(saved)} of {len(times)} saved)"
            )
