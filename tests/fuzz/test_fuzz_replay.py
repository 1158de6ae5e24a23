"""Fuzzing replay: random event scripts through `app.commands.replay.replay`, the state checked after each.

tests/fuzz/scripts.py makes the scripts (valid meetings, then damaged); tests/fuzz/replay_driver.py runs them,
two processes at a time, each script on its own copy of one template database, and checks every rejection
names its line, the database's integrity and audit chain, and that replaying the accepted prefix again gives
the same meeting. Short run: 100 scripts. QUORATE_LONG=1: 1,000, figures printed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import commands
from app.domain import AgendaItem, Meeting
from app.storage import Store
from tests.fault.events import agenda
from tests.fault.harness import REPO, scale

WORKERS = 2


@pytest.fixture(scope="module")
def memory_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Scripts run in memory where there is a tmpfs (/dev/shm): each event is committed with fsync, and durability
    is the fault tests' business, not this one's; on a shared disk the fsyncs alone would take minutes."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path_factory.mktemp("fuzz-replay")
        return
    folder = Path(tempfile.mkdtemp(prefix="quorate-fuzz-replay-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def outcomes(memory_folder: Path) -> list[dict[str, object]]:
    folder = memory_folder
    template = folder / "template" / "quorate.db"
    store = Store.open(template)
    body_id = store.meeting(commands.ensure_demo_meeting(store)).body_id
    items = [AgendaItem(None, 0, i, a["number"], a["title"]) for i, a in enumerate(agenda())]
    meeting = store.create_meeting(Meeting(None, body_id, "A fuzzed meeting"), items)
    assert meeting.id is not None
    store.close()
    total = scale(100, 1000)
    bounds = [total * w // WORKERS for w in range(WORKERS + 1)]
    drivers = []
    for w in range(WORKERS):
        work = folder / f"work-{w}"
        work.mkdir()
        command = [str(template), str(meeting.id), str(work), str(bounds[w]), str(bounds[w + 1])]
        drivers.append(
            subprocess.Popen(
                [sys.executable, "-m", "tests.fuzz.replay_driver", *command],
                cwd=REPO,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            )
        )
    found = []
    for driver in drivers:
        out, _ = driver.communicate(timeout=1800)
        assert driver.returncode == 0, "a replay fuzz driver failed (see its stderr above)"
        found += [json.loads(line) for line in out.splitlines()]
    assert len(found) == total
    kinds = Counter(str(o["outcome"]) for o in found)
    events = sum(int(str(o["events"])) for o in found)
    applied = sum(int(str(o.get("applied", 0))) for o in found)
    slowest = max(float(str(o.get("seconds", 0))) for o in found)
    peak = max(int(str(o.get("peak_mb", 0))) for o in found)
    print(
        f"\nfuzz replay: {total} scripts, {events} event lines, {applied} applied, {dict(kinds)}, "
        f"slowest {slowest:.2f} s, peak driver memory {peak} MB"
    )
    return found


def test_no_script_crashes_replay_or_leaves_an_inconsistent_meeting(outcomes: list[dict[str, object]]) -> None:
    failed = [o for o in outcomes if o["failures"]]
    assert not failed, (
        f"{len(failed)} scripts failed; the first (tests/fuzz/scripts.py script({failed[0]['n']})):\n"
        + (
            "\n".join(map(str, failed[0]["failures"]))  # type: ignore[call-overload]
        )
    )


def test_no_script_takes_30_seconds_or_a_gigabyte(outcomes: list[dict[str, object]]) -> None:
    slow = [o["n"] for o in outcomes if float(str(o.get("seconds", 0))) > 30.0]
    greedy = [o["n"] for o in outcomes if int(str(o.get("peak_mb", 0))) > 1024]
    assert not slow and not greedy, (slow, greedy)


def test_the_scripts_are_both_accepted_and_rejected(outcomes: list[dict[str, object]]) -> None:
    kinds = Counter(str(o["outcome"]) for o in outcomes)
    assert kinds["ok"] > 0 and kinds["rejected"] > len(outcomes) // 4, kinds
    reasons = {str(o["message"]).split(": ", 1)[1][:25] for o in outcomes if o["outcome"] == "rejected"}
    assert len(reasons) >= 5, reasons  # many different refusals, not one catch-all
