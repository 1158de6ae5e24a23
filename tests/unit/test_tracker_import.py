"""The pack's action tracker becomes the body's actions: numbering and the tracker view go on from it."""

from __future__ import annotations

from pathlib import Path

from app import commands
from app.commands.live import LiveMeeting
from app.storage import Store


def test_tracker_actions_are_kept_and_numbering_continues(store: Store, demo_pack: Path) -> None:
    meeting = commands.import_pack(store, demo_pack)
    assert meeting.id is not None
    live = LiveMeeting(store, meeting.id)
    tracked = {t.action.number: t for t in live.tracker()}
    assert sorted(tracked, key=int) == ["44", "47", "48", "49", "50", "51", "52", "53"]
    assert "Michael Bracey" in tracked["44"].action.owners and tracked["44"].action.status == "closed"
    assert tracked["49"].action.rag == "amber" and tracked["49"].action.status == "open"
    assert all(t.action.origin == "tracker" for t in tracked.values())
    done = live.add_action(None, "Circulate the revised risk register", ["Maria Wogan"])
    assert {a.id: a.number for a in live.record().actions}[done.new_id] == "54"


def test_a_second_pack_updates_the_tracker_instead_of_duplicating_it(store: Store, demo_pack: Path) -> None:
    first = commands.import_pack(store, demo_pack)
    second_pack = Path(store.path.parent if store.path else ".") / "revised-pack.txt"
    second_pack.write_text(demo_pack.read_text(encoding="utf-8") + "\n\nTabled note.\n", encoding="utf-8")
    second = commands.import_pack(store, second_pack)
    assert first.id is not None and second.id is not None
    numbers = [t.action.number for t in LiveMeeting(store, second.id).tracker()]
    assert len(numbers) == len(set(numbers)) == 8
