"""Retention (issue 18): old packs and Part II papers leave the library; minutes, signatures and the audit log stay."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from app import commands
from app.cli import main
from app.commands import signing
from app.commands.approval import body_approve, chair_approve
from app.commands.body_settings import set_body_settings
from app.commands.live import LiveMeeting
from app.domain import AgendaItem, Meeting, MotionOutcome, Part, Presence
from app.export import keys
from app.storage import Store
from app.storage.library import PackState, packs_dir, search, verify_pack
from app.storage.retention import purge, purge_by_rules
from app.storage.signatures import check_store
from tests.conftest import DEMO_PACK

PASSPHRASE = "a long chair passphrase"


def _signed_demo(store: Store, tmp_path: Path) -> int:
    """The demo pack's meeting (29 September 2023), minuted, approved at a later meeting and signed."""
    meeting = commands.import_pack(store, DEMO_PACK)
    assert meeting.id is not None
    live = LiveMeeting(store, meeting.id)
    live.start(time(10))
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    item = live.find_item("6.1").id or 0
    live.open_item(item)
    live.minute(item, "The Board received the Chief Executive's report on Kestrelwood.")
    live.close(time(12))
    later = store.create_meeting(
        Meeting(None, meeting.body_id, "Board", date(2023, 11, 24)), [AgendaItem(None, 0, 0, "1", "Minutes")]
    )
    assert later.id is not None
    follow = LiveMeeting(store, later.id)
    follow.start(time(10))
    follow.roll_call({p.id: Presence.PRESENT for p in follow.record().people if p.id is not None})
    minutes_item = follow.find_item("1").id or 0
    follow.open_item(minutes_item)
    motion = follow.move(minutes_item, "That the minutes of 29 September 2023 are approved.").new_id or 0
    follow.set_outcome(motion, MotionOutcome.CONSENSUS)
    chair_approve(store, meeting.id, "Rima Makarem", on=date(2023, 10, 6))
    body_approve(store, meeting.id, later.id, motion)
    export = tmp_path / "minutes.pdf"
    signing.export_minutes_pdf(store, meeting.id, export)
    key = tmp_path / "chair.p12"
    keys.generate_key(key, "Rima Makarem", PASSPHRASE, role="Chair")
    signing.sign_meeting(store, meeting.id, export, key, PASSPHRASE, tmp_path / "signed.pdf")
    return meeting.id


def _redate(store: Store, meeting_id: int, day: str) -> None:
    """Move a meeting to another date through the audited writer (as the record allows)."""
    with LiveMeeting(store, meeting_id).writer.step("date") as w:
        w.update("meeting", meeting_id, {"date": day})


def test_purging_old_packs_keeps_signed_minutes_and_the_audit_chain(tmp_path: Path, store: Store) -> None:
    old = _signed_demo(store, tmp_path)
    recent = commands.import_pack(store, DEMO_PACK)  # the same pack for a meeting after the cut-off: its file stays
    assert recent.id is not None
    _redate(store, recent.id, "2025-01-10")
    assert check_store(store).ok
    assert search(store, "Kestrelwood") and len({h.meeting_id for h in search(store, "Integrated", 50)}) == 2
    report = purge(store, date(2024, 1, 1))
    assert report.meetings == [old] and report.pack_pages_removed > 0
    assert report.files_removed == 0  # the recent meeting still uses the same kept file
    assert verify_pack(store, tmp_path, recent.id).ok
    assert {h.meeting_id for h in search(store, "Integrated", 50)} == {recent.id}  # old pages' text is gone
    assert [h.kind for h in search(store, "Kestrelwood")] == ["minute"]  # the minutes stay
    report = check_store(store)
    assert report.ok, report.problems()  # the audit chain, the record and the signed digest all hold
    (entry,) = [e for e in store.audit_entries() if e.entity == "retention"]
    assert entry.entity_id == old and entry.action == "purge"
    _redate(store, recent.id, "2023-12-01")
    again = purge(store, date(2024, 1, 1))
    assert set(again.meetings) == {old, recent.id} and again.files_removed == 1  # the shared file goes now
    assert list(packs_dir(tmp_path).iterdir()) == []
    status = verify_pack(store, tmp_path, recent.id)
    assert status.state is PackState.PURGED and "under the body's retention" in status.message
    assert check_store(store).ok
    assert purge(store, date(2024, 1, 1)).meetings == []  # nothing left to remove: a second purge does nothing


def test_part_ii_papers_go_on_their_own_time(tmp_path: Path, store: Store) -> None:
    meeting = commands.import_pack(store, DEMO_PACK)
    assert meeting.id is not None
    items = store.items(meeting.id)
    with_pages = [i for i in items if i.first_page is not None]
    secret = with_pages[-1]
    with LiveMeeting(store, meeting.id).writer.step("part") as w:
        w.update("agenda_item", secret.id or 0, {"part": 2})
    pages_before = store.conn.execute("SELECT count(*) FROM pack_page").fetchone()[0]
    report = purge(store, None, date(2024, 1, 1))
    assert report.meetings == [meeting.id] and report.files_removed == 1  # the pack holds Part II pages
    left = {r[0] for r in store.conn.execute("SELECT page FROM pack_page WHERE meeting_id = ?", (meeting.id,))}
    assert secret.first_page not in left and len(left) == pages_before - report.pack_pages_removed > 0
    assert all(i.part is Part.ONE or i.id == secret.id for i in store.items(meeting.id))
    assert check_store(store).ok


def test_each_bodys_retention_setting_is_applied(tmp_path: Path, store: Store) -> None:
    meeting = commands.import_pack(store, DEMO_PACK)
    assert meeting.id is not None
    assert purge_by_rules(store, today=date(2030, 1, 1)).meetings == []  # kept for good unless the body says so
    set_body_settings(store, meeting.body_id, [("rules.keep_packs_years", "6")])
    assert purge_by_rules(store, today=date(2029, 9, 28)).meetings == []  # not six years yet
    assert purge_by_rules(store, today=date(2029, 9, 30)).meetings == [meeting.id]


def test_purge_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "import", str(DEMO_PACK)]) == 0
    assert main([*data, "purge", "--part2-only"]) == 2
    assert "--part2-only goes with --before" in capsys.readouterr().err
    assert main([*data, "purge", "--before", "2020-01-01"]) == 0
    assert "Nothing was old enough" in capsys.readouterr().out
    assert main([*data, "purge", "--before", "2024-01-01", "--json"]) == 0
    assert '"files_removed": 1' in capsys.readouterr().out
    assert main([*data, "check"]) == 0
