"""Signed minutes bound to the record (issue 14): tampering with the data folder by hand is found by `check`,
at start-up and by `verify`; only the exact approved export is signed; approvals mean what they say."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path

import pytest

from app.commands import signing
from app.commands.approval import ApprovalError, amend_signed, body_approve, chair_approve
from app.commands.live import LiveMeeting
from app.domain import AgendaItem, DeclarationConduct, Meeting, MinutesStatus, Part, Person, Presence, Tier
from app.export import keys
from app.storage import RecordLocked, Store, integrity
from app.storage.people import add_person
from app.storage.signatures import check_store, signatures_of
from app.storage.store import audit_hash
from app.ui.application import integrity_warning

PASSPHRASE = "a long chair passphrase"
PDFSIG = shutil.which("pdfsig")


def _meeting(store: Store, body_id: int, day: date, items: list[tuple[str, str]]) -> LiveMeeting:
    agenda = [AgendaItem(None, 0, position, number, title) for position, (number, title) in enumerate(items)]
    meeting = store.create_meeting(Meeting(None, body_id, "Board", day, time(10)), agenda)
    assert meeting.id is not None
    live = LiveMeeting(store, meeting.id)
    live.start(time(10))
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    return live


def _approve_at(later: LiveMeeting, wording: str, item: str = "1") -> int:
    item_id = later.find_item(item).id or 0
    if later.record().meeting.current_item_id != item_id:
        later.open_item(item_id)
    motion = later.move(item_id, wording).new_id
    assert motion is not None
    later.vote(motion, 3)
    return motion


@dataclass
class Folder:
    tmp: Path
    store: Store
    first: LiveMeeting
    second: LiveMeeting
    key: Path
    export: Path  # the recorded export of the first meeting's approved minutes

    def sign(self, src: Path | None = None, out: Path | None = None) -> signing.SignedMeeting:
        return signing.sign_meeting(
            self.store, self.first.meeting_id, src or self.export, self.key, PASSPHRASE, out or self.tmp / "signed.pdf"
        )

    def sql(self, statement: str, params: tuple[object, ...] = ()) -> None:
        """A change made by hand with file access, outside Quorate (its own connection)."""
        assert self.store.path is not None
        with sqlite3.connect(self.store.path) as conn:
            conn.execute(statement, params)
        conn.close()


@pytest.fixture(scope="module")
def chair_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    key = tmp_path_factory.mktemp("key") / "chair.p12"
    keys.generate_key(key, "Ann Chair", PASSPHRASE, role="Chair")
    return key


@pytest.fixture
def folder(tmp_path: Path, chair_key: Path) -> Iterator[Folder]:
    store = Store.open(tmp_path / "quorate.db")
    body = store.ensure_body("Test Board")
    assert body.id is not None
    for name in ("Ann Chair", "Ben Baker", "Cat Cole"):
        add_person(store, Person(None, body.id, name, role="Chair" if name == "Ann Chair" else "", tier=Tier.MEMBER))
    items = [("1", "Minutes of the previous meeting"), ("2", "Budget"), ("3", "Cleaning contract")]
    first = _meeting(store, body.id, date(2024, 1, 10), items)
    budget = first.find_item("2").id or 0
    first.open_item(budget)
    people = {p.name: p.id or 0 for p in first.record().people}
    first.declare(budget, people["Cat Cole"], "Director of a supplier", conduct=DeclarationConduct.REMAINED_TOOK_PART)
    first.minute(budget, "The Board approved the budget.")
    motion = first.move(budget, "That the budget be approved.").new_id or 0
    first.vote(motion, 2, 1, 0)
    first.close(time(12))
    second = _meeting(store, body.id, date(2024, 3, 6), items)
    chair_approve(store, first.meeting_id, "Ann Chair", on=date(2024, 1, 17))
    body_approve(
        store,
        first.meeting_id,
        second.meeting_id,
        _approve_at(second, "That the minutes of the meeting held on 10 January 2024 be approved as a correct record."),
    )
    export = tmp_path / "minutes.pdf"
    signing.export_minutes_pdf(store, first.meeting_id, export)
    yield Folder(tmp_path, store, first, second, chair_key, export)
    store.close()


def _problems(folder: Folder) -> str:
    return " | ".join(check_store(folder.store).problems())


def _verify(folder: Folder, pdf: Path) -> signing.RecordCheck:
    report = signing.verify(folder.tmp, pdf)
    checked = signing.check_against_record(folder.store, pdf, report)
    assert checked is not None
    return checked


# --- the record against its audit chain --------------------------------------------------------------------------


def test_a_clean_folder_checks_and_the_record_tables_come_from_the_schema(folder: Folder) -> None:
    assert check_store(folder.store).ok, _problems(folder)
    tables = integrity.record_tables(folder.store.conn)
    assert {"minute_entry", "vote", "ballot", "declaration", "motion", "attendance"} <= set(tables)
    assert tables["ballot"].depth == 4 and tables["action_update"].owner_column == "meeting_id"
    assert "person" not in tables and "body" not in tables  # they belong to the body, not to one meeting


def test_a_table_a_later_migration_adds_is_covered_without_a_list(folder: Folder) -> None:
    conn = folder.store.conn
    conn.execute(
        "CREATE TABLE rider (id INTEGER PRIMARY KEY, motion_id INTEGER NOT NULL REFERENCES motion(id)"
        " ON DELETE CASCADE, text TEXT NOT NULL) STRICT"
    )
    motion = conn.execute("SELECT id FROM motion LIMIT 1").fetchone()[0]
    before = integrity.record_digest(conn, folder.first.meeting_id)
    conn.execute("INSERT INTO rider (motion_id, text) VALUES (?, 'added by hand')", (motion,))
    assert "rider" in integrity.record_tables(conn)
    assert integrity.record_digest(conn, folder.first.meeting_id) != before
    assert any("rider 1" in d.text and "not in the audit log" in d.text for d in integrity.check_record(conn))


TAMPERS: dict[str, tuple[str, str]] = {
    "minute text": ("UPDATE minute_entry SET body = 'The Board rejected the budget.'", "minute_entry"),
    "vote totals": ("UPDATE vote SET votes_for = 3, votes_against = 0", "votes_for"),
    "deleted declaration": ("DELETE FROM declaration", "declaration"),
}


@pytest.mark.parametrize("tamper", sorted(TAMPERS))
def test_each_change_by_hand_is_named_by_check_and_by_verify(folder: Folder, tamper: str) -> None:
    folder.sign()
    statement, named = TAMPERS[tamper]
    folder.sql(statement)
    report = check_store(folder.store)
    assert not report.ok
    assert named in " ".join(d.text for d in report.record)  # the replayed chain names the row
    assert any(named in p and "changed after signing" in p for p in report.signed)  # … and the signed digest
    warning = integrity_warning(folder.store)  # what the window says at start-up
    assert warning is not None and named in warning
    checked = _verify(folder, folder.tmp / "signed.pdf")
    assert not checked.ok and not checked.record_matches
    assert named in " ".join(checked.problems)


def test_setting_the_status_column_back_to_draft_is_named_and_unlocks_nothing(folder: Folder) -> None:
    folder.sign()
    folder.sql("UPDATE meeting SET minutes_status = 'draft'")
    assert 'minutes_status is "draft", the audit log says "signed"' in _problems(folder)
    with pytest.raises(RecordLocked, match="signed"):  # the lock is the signature record, not the column
        folder.first.minute(folder.first.find_item("2").id or 0, "A quiet rewrite.")
    assert "minutes_status" in (integrity_warning(folder.store) or "")  # said at start-up too
    checked = _verify(folder, folder.tmp / "signed.pdf")
    assert any("minutes_status" in p for p in checked.problems)


def test_export_and_signing_refuse_a_record_changed_outside_quorate(folder: Folder) -> None:
    """Changed by hand before the export: the minutes would print what the audit trail contradicts, so neither
    the PDF, the Word export nor the signature goes ahead, and the sentence names what differs."""
    from app.commands.exports import export_minutes_docx
    from app.storage.signatures import RecordAltered

    folder.sql("UPDATE vote SET votes_for = 0, votes_against = 3 WHERE id = 1")
    for export in (signing.export_minutes_pdf, export_minutes_docx):
        with pytest.raises(RecordAltered, match=r"vote 1 \(meeting 1\): votes_(for|against) is .*nothing was exported"):
            export(folder.store, folder.first.meeting_id, folder.tmp / "again.out")
        assert not (folder.tmp / "again.out").exists()
    with pytest.raises(RecordAltered, match="nothing was signed"):
        folder.sign()  # the export made before the change, whose bytes were recorded
    _nothing_locked(folder)
    other = folder.tmp / "second.pdf"
    signing.export_minutes_pdf(folder.store, folder.second.meeting_id, other)  # another meeting is untouched


def test_after_signing_an_export_of_the_changed_record_is_refused(folder: Folder) -> None:
    from app.storage.signatures import RecordAltered

    folder.sign()
    folder.sql("DELETE FROM declaration")
    with pytest.raises(RecordAltered, match="declaration 1 was deleted"):
        signing.export_minutes_pdf(folder.store, folder.first.meeting_id, folder.tmp / "again.pdf")


def test_a_minute_deleted_by_hand_is_named_even_before_signing(folder: Folder) -> None:
    folder.sql("DELETE FROM minute_entry")
    report = check_store(folder.store)
    assert any("the minute of item 2 (meeting 1) was deleted outside Quorate" in d.text for d in report.record)


@pytest.mark.parametrize("tamper", [*sorted(TAMPERS), "status", "minute deleted", "row added", "moved"])
def test_one_meetings_check_finds_what_the_whole_check_finds_for_it(folder: Folder, tamper: str) -> None:
    from app.storage.signatures import meeting_problems

    statements = {
        **{name: statement for name, (statement, _named) in TAMPERS.items()},
        "status": "UPDATE meeting SET minutes_status = 'draft' WHERE id = 1",
        "minute deleted": "DELETE FROM minute_entry",
        "row added": "INSERT INTO meeting_event (meeting_id, kind, at, text) VALUES (1, 'arrive', '10:30', '')",
        "moved": "UPDATE declaration SET item_id = (SELECT id FROM agenda_item WHERE meeting_id = 2 LIMIT 1)",
    }
    assert meeting_problems(folder.store, folder.first.meeting_id) == []
    folder.sql(statements[tamper])
    everything = integrity.check_record(folder.store.conn)
    assert everything
    whole = [d.text for d in everything if d.meeting_id == folder.first.meeting_id]
    one = [d.text for d in integrity.check_record(folder.store.conn, meeting_id=folder.first.meeting_id)]
    assert set(whole) <= set(one)
    assert meeting_problems(folder.store, folder.first.meeting_id)


def test_an_altered_audit_entry_of_the_meeting_stops_its_export(folder: Folder) -> None:
    from app.storage.signatures import RecordAltered

    assert folder.store.path is not None
    conn = sqlite3.connect(folder.store.path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute(
        "UPDATE audit SET after = replace(after, '\"votes_for\": 2', '\"votes_for\": 3') WHERE entity = 'vote'"
    )
    conn.commit()
    conn.close()
    with pytest.raises(RecordAltered, match=r"audit entry \d+ was altered after it was written"):
        signing.export_minutes_pdf(folder.store, folder.first.meeting_id, folder.tmp / "again.pdf")


def _rebuild_chain(path: Path, change: Callable[[dict[str, object]], dict[str, object] | None]) -> None:
    """The 20-line script: rewrite audit rows by hand and recompute every hash so the chain verifies again."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    rows = conn.execute(
        "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit ORDER BY id"
    ).fetchall()
    prev = "0" * 64
    for row_id, at, actor, entity, entity_id, action, before, after in rows:
        if after is not None and entity == "minute_entry":
            changed = change(json.loads(after))
            after = json.dumps(changed, ensure_ascii=False) if changed is not None else after
        digest = audit_hash(prev, at, actor, entity, entity_id, action, before, after)
        conn.execute("UPDATE audit SET after = ?, prev_hash = ?, hash = ? WHERE id = ?", (after, prev, digest, row_id))
        prev = digest
    conn.commit()
    conn.close()


def test_a_rebuilt_chain_is_caught_by_the_signed_digest_and_by_the_signed_file(folder: Folder) -> None:
    folder.sign()
    rewritten = "The Board rejected the budget."
    folder.sql("UPDATE minute_entry SET body = ?", (rewritten,))
    assert folder.store.path is not None
    _rebuild_chain(folder.store.path, lambda row: {**row, "body": rewritten} if "body" in row else None)
    report = check_store(folder.store)
    assert report.chain == () and report.record == ()  # the chain verifies and replays to the tables…
    assert any("minute_entry" in p and "rejected" in p for p in report.signed)  # … but the signed record differs
    assert "rejected the budget" in (integrity_warning(folder.store) or "")
    checked = _verify(folder, folder.tmp / "signed.pdf")
    assert checked.chain_verifies and not checked.printed_hash_in_chain  # the printed head is gone from the chain
    assert any("rewritten" in p for p in checked.problems)
    assert any("rejected the budget" in p for p in checked.problems)


def test_a_printed_audit_hash_that_is_not_the_chain_is_reported(folder: Folder) -> None:
    done = folder.sign()
    report = signing.verify(folder.tmp, done.signed.out)
    assert signing.check_against_record(folder.store, done.signed.out, report) == signing.RecordCheck(
        folder.first.meeting_id, 1, True, True, True, True, True, ()
    )
    forged = replace(report, audit_hash="ab" * 32)
    checked = signing.check_against_record(folder.store, done.signed.out, forged)
    assert checked is not None and not checked.printed_hash_in_chain and not checked.printed_hash_matches_export
    assert any("is not in this database's chain" in p for p in checked.problems)


# --- only the exact approved export is signed ------------------------------------------------------------------


def _nothing_locked(folder: Folder) -> None:
    assert folder.store.signature_of(folder.first.meeting_id) is None
    assert folder.store.meeting(folder.first.meeting_id).minutes_status is MinutesStatus.BODY_APPROVED
    assert signatures_of(folder.store) == []
    assert not (folder.tmp / "signed.pdf").exists()


def test_signing_records_the_file_and_locks_the_meeting_at_once(folder: Folder) -> None:
    done = folder.sign()
    assert done.signed_sha256 == hashlib.sha256(done.signed.out.read_bytes()).hexdigest()
    (signature,) = signatures_of(folder.store)
    assert signature.export_id == done.export.id and signature.record_digest == done.export.record_digest
    assert folder.store.meeting(folder.first.meeting_id).minutes_status is MinutesStatus.SIGNED
    with pytest.raises(ApprovalError, match=r"already signed \(version 1"):
        folder.sign(out=folder.tmp / "again.pdf")
    assert check_store(folder.store).ok, _problems(folder)
    if PDFSIG is not None:
        output = subprocess.run([PDFSIG, str(done.signed.out)], capture_output=True, text=True, check=False).stdout
        assert "Signature is Valid." in output and "Total document signed" in output, output


def test_a_different_file_is_refused_and_locks_nothing(folder: Folder) -> None:
    other = folder.tmp / "other.pdf"
    signing.export_minutes_pdf(folder.store, folder.second.meeting_id, other)  # a draft: never recorded
    with pytest.raises(signing.SigningError, match="not byte for byte the export recorded"):
        folder.sign(other)
    _nothing_locked(folder)


def test_an_edited_export_is_refused_and_locks_nothing(folder: Folder) -> None:
    edited = folder.tmp / "edited.pdf"
    data = bytearray(folder.export.read_bytes())
    data[data.index(b"/Title") + 8] ^= 0x01
    edited.write_bytes(bytes(data))
    with pytest.raises(signing.SigningError, match="a different or edited file"):
        folder.sign(edited)
    _nothing_locked(folder)


def test_another_meetings_export_is_refused_and_locks_nothing(folder: Folder) -> None:
    store = folder.store
    second = folder.second
    second.close(time(12))
    third = _meeting(store, store.meeting(second.meeting_id).body_id, date(2024, 5, 8), [("1", "Minutes")])
    chair_approve(store, second.meeting_id, "Ann Chair", on=date(2024, 3, 13))
    body_approve(
        store, second.meeting_id, third.meeting_id, _approve_at(third, "That the minutes of 6 March 2024 be approved.")
    )
    theirs = folder.tmp / "second.pdf"
    assert signing.export_minutes_pdf(store, second.meeting_id, theirs).recorded is not None
    with pytest.raises(
        signing.SigningError, match=rf"is the minutes of meeting {second.meeting_id} \(Board of 6 March"
    ):
        folder.sign(theirs)
    _nothing_locked(folder)


def test_a_stale_export_of_an_earlier_state_is_refused_and_locks_nothing(folder: Folder) -> None:
    store, first = folder.store, folder.first
    first.minute(first.find_item("2").id or 0, "The Board approved the budget, with one abstention.")
    assert store.meeting(first.meeting_id).minutes_status is MinutesStatus.DRAFT  # the edit withdrew the approvals
    chair_approve(store, first.meeting_id, "Ann Chair", on=date(2024, 1, 18))
    motion = _approve_at(
        folder.second, "That the minutes of the meeting held on 10 January 2024, as amended, be approved."
    )
    body_approve(store, first.meeting_id, folder.second.meeting_id, motion)
    with pytest.raises(signing.SigningError, match="from an earlier state of the record"):
        folder.sign()  # the export made before the edit
    _nothing_locked(folder)
    fresh = folder.tmp / "fresh.pdf"
    signing.export_minutes_pdf(store, first.meeting_id, fresh)
    folder.sign(fresh)
    assert check_store(store).ok, _problems(folder)


def _with_part_two(tmp_path: Path, chair_key: Path) -> Folder:
    """A board whose first meeting took its last item in Part II, approved at the next meeting."""
    store = Store.open(tmp_path / "quorate.db")
    body = store.ensure_body("Test Board")
    assert body.id is not None
    for name in ("Ann Chair", "Ben Baker", "Cat Cole"):
        add_person(store, Person(None, body.id, name, tier=Tier.MEMBER))
    items = [("1", "Minutes of the previous meeting"), ("2", "Budget"), ("3", "Staffing")]
    first = _meeting(store, body.id, date(2024, 1, 10), items)
    budget, staffing = first.find_item("2").id or 0, first.find_item("3").id or 0
    first.open_item(budget, time(10, 5))
    first.minute(budget, "The Board approved the budget.")
    first.part2(time(10, 30))
    first.open_item(staffing, time(10, 31))
    first.minute(staffing, "The Board discussed a confidential staffing matter.")
    first.close(time(12))
    second = _meeting(store, body.id, date(2024, 3, 6), items)
    chair_approve(store, first.meeting_id, "Ann Chair", on=date(2024, 1, 17))
    wording = "That the minutes of the meeting held on 10 January 2024 be approved as a correct record."
    body_approve(store, first.meeting_id, second.meeting_id, _approve_at(second, wording))
    return Folder(tmp_path, store, first, second, chair_key, tmp_path / "minutes.pdf")


@pytest.mark.parametrize("order", [(Part.ONE, Part.TWO), (Part.TWO, Part.ONE)])
def test_the_part_ii_minutes_are_signed_apart_from_the_same_record(
    tmp_path: Path, chair_key: Path, order: tuple[Part, Part]
) -> None:
    """Part I and Part II are separate documents, each signed: the first signature locks the record, and the
    other part is then exported and signed from that same record, once."""
    folder = _with_part_two(tmp_path, chair_key)
    store, meeting_id = folder.store, folder.first.meeting_id
    try:
        signed = []
        for part in order:
            export = tmp_path / f"part-{int(part)}.pdf"
            assert signing.export_minutes_pdf(store, meeting_id, export, part).recorded is not None
            done = folder.sign(export, tmp_path / f"part-{int(part)}-signed.pdf")
            assert done.export.part == int(part)
            signed.append(done.signed.out)
            assert store.meeting(meeting_id).minutes_status is MinutesStatus.SIGNED
        assert sorted(s.part for s in signatures_of(store)) == [1, 2]
        with pytest.raises(ApprovalError, match="already signed"):
            folder.sign(tmp_path / f"part-{int(order[1])}.pdf", tmp_path / "again.pdf")
        assert not (tmp_path / "again.pdf").exists()
        unrecorded = tmp_path / "after.pdf"
        assert signing.export_minutes_pdf(store, meeting_id, unrecorded, order[0]).recorded is None
        for out in signed:
            checked = _verify(folder, out)
            assert checked.ok and checked.file_recorded, checked.problems
            if PDFSIG is not None:
                output = subprocess.run([PDFSIG, str(out)], capture_output=True, text=True, check=False).stdout
                assert "Signature is Valid." in output and "Total document signed" in output, output
        assert check_store(store).ok, _problems(folder)
        with pytest.raises(RecordLocked):
            folder.first.minute(folder.first.find_item("3").id or 0, "A quiet rewrite.")
        folder.sql("UPDATE minute_entry SET body = 'Rewritten.' WHERE item_id = ?", (folder.first.find_item("3").id,))
        assert len(check_store(store).signed) == 1  # both parts were signed from one record: it is named once
    finally:
        store.close()


def test_a_correction_is_version_two_signed_like_version_one_and_both_verify(folder: Folder) -> None:
    store, first, second = folder.store, folder.first, folder.second
    version_one = folder.sign()
    second.close(time(12))
    third = _meeting(store, store.meeting(first.meeting_id).body_id, date(2024, 5, 8), [("1", "Minutes")])
    agreed = _approve_at(third, "That the minutes of 10 January 2024 be corrected: Cat Cole dissented.")
    budget = first.find_item("2").id or 0
    assert (
        amend_signed(store, first.meeting_id, budget, "Approved, Cat Cole dissenting.", third.meeting_id, agreed) == 2
    )
    with pytest.raises(signing.SigningError, match="is an export of version 1 of these minutes; version 2"):
        signing.export_to_sign(store, first.meeting_id, folder.export, folder.export.read_bytes())
    third.close(time(12))
    chair_approve(store, first.meeting_id, "Ann Chair", on=date(2024, 5, 9))
    fourth = _meeting(store, store.meeting(first.meeting_id).body_id, date(2024, 7, 3), [("1", "Minutes")])
    body_approve(
        store,
        first.meeting_id,
        fourth.meeting_id,
        _approve_at(fourth, "That the corrected minutes of 10 January 2024 be approved."),
    )
    v2 = folder.tmp / "v2.pdf"
    signing.export_minutes_pdf(store, first.meeting_id, v2)
    version_two = folder.sign(v2, folder.tmp / "signed-v2.pdf")
    assert version_two.export.version == 2
    for done in (version_one, version_two):
        checked = _verify(folder, done.signed.out)
        assert checked.ok, checked.problems
        if PDFSIG is not None:
            output = subprocess.run([PDFSIG, str(done.signed.out)], capture_output=True, text=True, check=False).stdout
            assert "Signature is Valid." in output and "Total document signed" in output, output
    assert check_store(store).ok, _problems(folder)


# --- approval that means approval --------------------------------------------------------------------------------


def test_approval_at_an_earlier_meeting_is_refused(folder: Folder) -> None:
    store, first, second = folder.store, folder.first, folder.second
    second.close(time(12))
    chair_approve(store, second.meeting_id, "Ann Chair", on=date(2024, 3, 7))
    motion = next(m.id for m in first.record().motions)
    assert motion is not None
    with pytest.raises(ApprovalError, match="held before or with the meeting whose minutes these are"):
        body_approve(store, second.meeting_id, first.meeting_id, motion)
    assert store.meeting(second.meeting_id).minutes_status is MinutesStatus.CHAIR_APPROVED


def test_approval_by_a_motion_on_another_item_is_refused_unless_overridden_and_then_printed(folder: Folder) -> None:
    from app.services.minutes import build_minutes

    store, second = folder.store, folder.second
    second.close(time(12))
    chair_approve(store, second.meeting_id, "Ann Chair", on=date(2024, 3, 7))
    third = _meeting(
        store,
        store.meeting(second.meeting_id).body_id,
        date(2024, 5, 8),
        [("1", "Minutes"), ("2", "Cleaning contract")],
    )
    cleaning = _approve_at(third, "That the cleaning contract be awarded to Brightway.", item="2")
    with pytest.raises(ApprovalError, match=r"is on item 2 \(Cleaning contract\), not on the minutes"):
        body_approve(store, second.meeting_id, third.meeting_id, cleaning)
    vague = _approve_at(third, "That the minutes be approved.")
    with pytest.raises(ApprovalError, match="does not refer to the minutes of the meeting held on 6 March 2024"):
        body_approve(store, second.meeting_id, third.meeting_id, vague)
    body_approve(store, second.meeting_id, third.meeting_id, cleaning, override="the minutes were taken with it")
    lines = build_minutes(store.record(second.meeting_id)).approval_lines
    assert any("approved by resolution of the meeting held on 8 May 2024, item 2" in line for line in lines), lines


def test_the_chair_approves_only_a_closed_meeting_and_dates_go_in_order(folder: Folder) -> None:
    store, second = folder.store, folder.second
    with pytest.raises(ApprovalError, match="still going on"):
        chair_approve(store, second.meeting_id, "Ann Chair", on=date(2024, 3, 7))
    second.close(time(12))
    with pytest.raises(ApprovalError, match="cannot come before the meeting"):
        chair_approve(store, second.meeting_id, "Ann Chair", on=date(2024, 3, 1))
    chair_approve(store, second.meeting_id, "Ann Chair", on=date(2024, 6, 1))
    third = _meeting(store, store.meeting(second.meeting_id).body_id, date(2024, 5, 8), [("1", "Minutes")])
    motion = _approve_at(third, "That the minutes of 6 March 2024 be approved.")
    with pytest.raises(ApprovalError, match="the body approves the minutes after the chair"):
        body_approve(store, second.meeting_id, third.meeting_id, motion)


def test_an_edit_after_approval_returns_the_minutes_to_draft_in_the_audit(folder: Folder) -> None:
    store, first = folder.store, folder.first
    first.minute(first.find_item("3").id or 0, "The contract was noted.")
    assert store.meeting(first.meeting_id).minutes_status is MinutesStatus.DRAFT
    assert store.record(first.meeting_id).approvals == ()
    reopened = [e for e in store.audit_entries() if e.action == "reopen"]
    assert {e.entity for e in reopened} == {"minutes_approval", "meeting"}
    assert check_store(store).ok, _problems(folder)


def test_the_canonical_record_leaves_out_the_workflow_and_keeps_each_version(folder: Folder) -> None:
    conn = folder.store.conn
    record = integrity.canonical_record(conn, folder.first.meeting_id)
    assert record["format"] == "quorate-record/1"
    assert not integrity.WORKFLOW_TABLES & set(record["tables"])
    assert all("minutes_status" not in row for row in record["tables"]["meeting"])
    assert record["tables"]["vote"][0]["votes_for"] == 2
    digest = integrity.record_digest(conn, folder.first.meeting_id)
    assert digest == hashlib.sha256(integrity.canonical_json(record)).hexdigest()


def test_a_merge_of_people_keeps_the_record_replayable(tmp_path: Path) -> None:
    from app.storage.live import LiveWriter
    from app.storage.people import merge_people

    store = Store.open(tmp_path / "q.db")
    body = store.ensure_body("Test Board")
    assert body.id is not None
    ids = [add_person(store, Person(None, body.id, n, tier=Tier.MEMBER)).id or 0 for n in ("Ben Baker", "B. Baker")]
    meeting = store.create_meeting(
        Meeting(None, body.id, "Board", date(2024, 1, 10)), [AgendaItem(None, 0, 0, "1", "X")]
    )
    assert meeting.id is not None
    writer = LiveWriter(store, meeting.id)
    with writer.unrecorded_step():  # attendance as a pack's previous minutes bring it: no events
        writer.insert("attendance", {"meeting_id": meeting.id, "person_id": ids[1], "presence": "present"})
    merge_people(store, ids[0], ids[1])
    assert check_store(store).ok, check_store(store).problems()
    store.close()


def _padding_changed(signed: Path, out: Path) -> Path:
    data = bytearray(signed.read_bytes())
    start = data.index(b"/Contents <") + len(b"/Contents <")
    end = data.index(b">", start)
    assert data[end - 8 : end] == b"00000000"  # the zeros pyHanko pads the signature with
    data[end - 4] = ord("7")
    out.write_bytes(bytes(data))
    return out


def test_a_changed_contents_padding_is_reported_by_verify_and_pdfsig(folder: Folder) -> None:
    done = folder.sign()
    assert signing.verify(folder.tmp, done.signed.out).contents_padding_ok
    changed = _padding_changed(done.signed.out, folder.tmp / "padding.pdf")
    report = signing.verify(folder.tmp, changed)
    assert report.intact  # the CMS signature itself still checks …
    assert not report.contents_padding_ok and not report.ok  # … but the file is not what was signed
    assert any("padding" in p for p in report.problems)
    if PDFSIG is not None:
        output = subprocess.run([PDFSIG, str(changed)], capture_output=True, text=True, check=False).stdout
        assert "Not total document signed" in output, output


def test_a_signed_file_changed_afterwards_is_named_for_what_happened_to_it(folder: Folder) -> None:
    """Bytes appended to the recorded signed file, or its padding changed: verify says the file is the recorded
    one with more added, or differs from it, never that no signature was recorded."""
    done = folder.sign()
    appended = folder.tmp / "appended.pdf"
    appended.write_bytes(done.signed.out.read_bytes() + b"\n% added later\n")
    checked = _verify(folder, appended)
    assert not checked.ok and not checked.file_recorded
    assert any("begins with the signed minutes recorded for meeting 1 (version 1" in p for p in checked.problems)
    padded = _verify(folder, _padding_changed(done.signed.out, folder.tmp / "padding.pdf"))
    assert any("is not the signed minutes recorded for meeting 1" in p for p in padded.problems)
    for problems in (checked.problems, padded.problems):
        assert not any("no signature" in p for p in problems), problems


# --- the command line: check, verify against the record, sign --meeting, correct ----------------------------------


def _cli(folder: Folder, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from app.cli import main

    code = main(["--data-dir", str(folder.tmp), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_and_verify_on_the_command_line(folder: Folder, capsys: pytest.CaptureFixture[str]) -> None:
    from app import paths

    keys.trust(paths.trusted_certificates_dir(folder.tmp), keys.read_certificate(folder.key, PASSPHRASE))
    passphrase = folder.tmp / "pass.txt"
    passphrase.write_text(PASSPHRASE)
    signed = folder.tmp / "signed.pdf"
    sign = ["sign", str(folder.export), "--key", str(folder.key), "--passphrase-file", str(passphrase)]
    wrong = folder.tmp / "wrong.pdf"
    wrong.write_bytes(folder.export.read_bytes() + b"\n% appended\n")
    code, _, err = _cli(folder, capsys, *sign[:1], str(wrong), *sign[2:], "--out", str(signed), "--meeting", "1")
    assert code == 2 and "a different or edited file" in err and not signed.exists()
    code, out, _ = _cli(folder, capsys, *sign, "--out", str(signed), "--meeting", "1", "--json")
    assert code == 0 and json.loads(out)["version"] == 1

    code, out, _ = _cli(folder, capsys, "check", "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    code, out, _ = _cli(folder, capsys, "verify", str(signed), "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True, report["problems"]
    assert report["record"] == {
        "meeting_id": 1,
        "version": 1,
        "file_recorded": True,
        "printed_hash_in_chain": True,
        "printed_hash_matches_export": True,
        "chain_verifies": True,
        "record_matches": True,
        "ok": True,
        "problems": [],
    }

    folder.sql("UPDATE vote SET votes_against = 0")
    code, out, _ = _cli(folder, capsys, "check")
    assert code == 3 and "votes_against is 0, the audit log says 1" in out
    code, out, _ = _cli(folder, capsys, "verify", str(signed), "--json")
    report = json.loads(out)
    assert code == 3 and report["ok"] is False and report["intact"] is True
    assert any("votes_against was 1, now 0" in p for p in report["problems"])
    code, out, _ = _cli(folder, capsys, "verify", str(signed), "--json", "--offline-only")
    assert code == 0 and json.loads(out)["record"] is None  # the file alone is still as it was signed

    appended = folder.tmp / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n% added later\n")
    code, out, _ = _cli(folder, capsys, "verify", str(appended), "--offline-only")
    assert code == 3 and "(none)" not in out
    code, out, _ = _cli(folder, capsys, "verify", str(folder.tmp / "pass.txt"))
    assert code == 2


def test_correct_on_the_command_line_makes_version_two(folder: Folder, capsys: pytest.CaptureFixture[str]) -> None:
    folder.sign()
    folder.second.close(time(12))
    store = folder.store
    third = _meeting(store, store.meeting(folder.first.meeting_id).body_id, date(2024, 5, 8), [("1", "Minutes")])
    agreed = _approve_at(third, "That the minutes of 10 January 2024 be corrected.")
    base = ["correct", str(folder.first.meeting_id), "--item", "2", "--text", "Approved, Cat Cole dissenting."]
    code, _, err = _cli(folder, capsys, *base, "--at-meeting", str(folder.first.meeting_id), "--motion", str(agreed))
    assert code == 2 and "later meeting" in err
    code, out, _ = _cli(folder, capsys, *base, "--at-meeting", str(third.meeting_id), "--motion", str(agreed), "--json")
    assert code == 0 and json.loads(out) == {"meeting_id": folder.first.meeting_id, "version": 2, "status": "draft"}
    with pytest.raises(RecordLocked):  # the signed version itself stays locked
        folder.first.minute(folder.first.find_item("2").id or 0, "A quiet rewrite.")


def test_compact_minute_saves_replay_to_the_final_text(folder: Folder) -> None:
    """Minute saves may be audited as splices on the previous text (issue 17): the replay folds them per item."""
    store, first = folder.store, folder.first
    item = first.find_item("3").id or 0
    store.set_minute(item, "The contract was noted.")
    with store.transaction():  # a compact save, as the editor's bursts are audited: only the change is logged
        store.conn.execute(
            "UPDATE minute_entry SET body = 'The contract was noted and awarded.' WHERE item_id = ?", (item,)
        )
        store._audit(
            "secretary",
            "minute_entry",
            item,
            "edit",
            {"sha256": "x"},
            {"splice": [22, 22, " and awarded"], "sha256": "y"},
        )
    assert check_store(store).record == (), _problems(folder)
    folder.sql("UPDATE minute_entry SET body = 'The contract was refused.' WHERE item_id = ?", (item,))
    (difference,) = check_store(store).record
    assert (
        'body is "The contract was refused.", the audit log says "The contract was noted and awarded."'
        in difference.text
    )


def test_the_approval_motion_is_prefilled_on_the_minutes_item(folder: Folder) -> None:
    from app.commands.approval import approval_prefill

    wording = approval_prefill(folder.store, folder.second.meeting_id, "Minutes of the previous meeting")
    assert wording == "That the minutes of the meeting held on 10 January 2024 be approved as a correct record."
    assert approval_prefill(folder.store, folder.second.meeting_id, "Cleaning contract") is None
    assert approval_prefill(folder.store, folder.first.meeting_id, "Minutes of the previous meeting") is None
