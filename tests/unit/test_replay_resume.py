"""After a kill, `replay --resume` finds how far the file got; a file starting with `meeting` never makes a second
meeting (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import commands
from app.commands.replay import ReplayError, meeting_state, replay, replay_progress
from app.storage import Store

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = (REPO / "docs" / "examples" / "icb-2023-06-30.jsonl").read_text(encoding="utf-8").splitlines()


class Killed(Exception):
    """Stands for SIGKILL just after an event was committed: nothing after it runs."""


def _state(store: Store, meeting_id: int) -> dict[str, object]:
    state = meeting_state(store, meeting_id)
    del state["audit_head"]
    return state


def test_rerunning_a_file_that_makes_a_meeting_resumes_into_that_meeting(store: Store) -> None:
    demo = commands.ensure_demo_meeting(store)
    first = replay(store, demo, EXAMPLE)
    meetings = len(store.meetings())
    again = replay(store, demo, EXAMPLE)
    assert again.meeting_id == first.meeting_id and len(store.meetings()) == meetings
    assert again.resumed_after == again.applied == first.applied
    assert store.verify_audit_chain() == []


@pytest.mark.parametrize("killed_after", [1, 2, 17, 60])
def test_resume_after_a_kill_finds_n_itself_and_ends_as_an_unbroken_run(
    store: Store, tmp_path: Path, killed_after: int
) -> None:
    demo = commands.ensure_demo_meeting(store)

    def kill(_line: int, count: int) -> None:
        if count == killed_after:
            raise Killed

    with pytest.raises(Killed):
        replay(store, demo, EXAMPLE, on_applied=kill)
    made = max(m.id or 0 for m in store.meetings())
    assert replay_progress(store, made) is not None and replay_progress(store, made)[0] == killed_after  # type: ignore[index]
    resumed = replay(store, demo, EXAMPLE, resume=True)
    assert resumed.meeting_id == made and resumed.resumed_after == killed_after

    clean = Store.open(tmp_path / "clean.db")
    unbroken = replay(clean, commands.ensure_demo_meeting(clean), EXAMPLE)
    assert _state(store, made) == _state(clean, unbroken.meeting_id)
    clean.close()


def test_resuming_with_another_file_is_refused(store: Store) -> None:
    demo = commands.ensure_demo_meeting(store)
    events = [line for line in EXAMPLE[1:] if line.strip() and not line.startswith("#")]
    replay(store, demo, ['{"type": "start", "at": "09:00"}'])
    with pytest.raises(ReplayError, match="does not begin with the 1 events already replayed"):
        replay(store, demo, events, resume=True)
