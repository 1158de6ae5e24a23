"""Re-importing a revised pack for a meeting already in the record (issue 3, the offline library)."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app import packs
from app.cli import main
from app.commands import accept_draft
from app.commands.revise import (
    KEPT_WORDS,
    RevisionRefused,
    match_items,
    normalise_number,
    revise_meeting,
)
from app.domain import AgendaItem
from app.packs import DraftItem, DraftPack
from app.storage import RecordLocked, Store, library

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo-pack-icb-2023-09-29.txt"


@pytest.fixture(scope="module")
def demo_draft() -> DraftPack:
    return packs.read_pack(DEMO)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data" / "quorate.db")
    yield opened
    opened.close()


def _meeting(store: Store, draft: DraftPack) -> int:
    meeting = accept_draft(store, draft)
    assert meeting.id is not None
    return meeting.id


def _revised(tmp_path: Path, draft: DraftPack, items: list[DraftItem], **changes: Any) -> DraftPack:
    """The demo pack as a revised pack: a file with different bytes (so a different hash) and new items."""
    path = tmp_path / "revised-pack.txt"
    path.write_bytes(DEMO.read_bytes() + b"\nRevised 22 September 2023.\n")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return dataclasses.replace(draft, source_path=str(path), sha256=sha, items=tuple(items), **changes)


def _item(store: Store, meeting_id: int, number: str) -> AgendaItem:
    return next(i for i in store.items(meeting_id) if normalise_number(i.number) == number)


def _draft_index(draft: DraftPack, number: str) -> int:
    return next(n for n, i in enumerate(draft.items) if normalise_number(i.number) == number)


def _snapshot(store: Store) -> list[str]:
    """Everything in the database, as SQL text (the search index's shadow tables included); read through the
    standard driver, which has `iterdump` (SQLCipher's has not), from the plain test database."""
    assert store.path is not None and not store.encrypted
    with contextlib.closing(sqlite3.connect(store.path)) as conn:
        return list(conn.iterdump())


def _pack_files(store: Store) -> list[str]:
    folder = library.packs_dir(library.data_dir_of(store))
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _check_positions(store: Store, meeting_id: int) -> None:
    assert [i.position for i in store.items(meeting_id)] == list(range(len(store.items(meeting_id))))


def test_minutes_on_6_4_survive_two_items_inserted_before_it_and_a_slight_rename(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    meeting_id = _meeting(store, demo_draft)
    before = _item(store, meeting_id, "6.4")
    assert before.id is not None
    store.set_minute(before.id, "The Board approved the Section 75 agreements with Luton and Milton Keynes.")

    items = list(demo_draft.items)
    at = _draft_index(demo_draft, "6.4")
    items[at] = dataclasses.replace(items[at], number="6.6", title="Section 75 Agreement")
    items[at:at] = [
        DraftItem("6.4", "Primary Care Access Recovery Plan", presenter="Chief Primary Care Officer"),
        DraftItem("6.5", "Digital and Data Strategy"),
    ]
    revised = _revised(tmp_path, demo_draft, items)
    report = revise_meeting(store, meeting_id, revised)

    after = store.items(meeting_id)
    kept = next(i for i in after if i.id == before.id)
    assert (kept.number, kept.title, kept.position) == ("6.6", "Section 75 Agreement", at + 2)
    assert store.minute(before.id).body.startswith("The Board approved the Section 75")
    assert [i.title for i in after] == [i.title for i in items]
    _check_positions(store, meeting_id)

    assert [(r.number, r.title) for r in report.added] == [
        ("6.4", "Primary Care Access Recovery Plan"),
        ("6.5", "Digital and Data Strategy"),
    ]
    assert [(c.item_id, c.old, c.new) for c in report.renamed] == [
        (before.id, "Section 75 Agreements", "Section 75 Agreement")
    ]
    assert [(c.item_id, c.old, c.new) for c in report.renumbered] == [(before.id, "6.4", "6.6")]
    assert report.removed == () and report.kept_with_records == () and report.moved == ()
    assert report.unchanged == len(demo_draft.items) - 1
    lines = report.summary_lines()
    assert "2 items added" in lines[0] and "1 renamed" in lines[0] and "1 renumbered" in lines[0]
    assert "Added 6.4 “Primary Care Access Recovery Plan”." in lines
    assert "Renumbered “Section 75 Agreement”: 6.4 → 6.6." in lines

    meeting = store.meeting(meeting_id)
    assert (meeting.pack_sha256, meeting.pack_path) == (revised.sha256, revised.source_path)
    assert library.verify_pack(store, library.data_dir_of(store), meeting_id).ok
    assert library.page_count(store, meeting_id) == len(revised.pages)
    assert store.verify_audit_chain() == []
    revisions = [e for e in store.audit_entries() if e.action == "revise"]
    assert any(e.entity == "agenda_item" and e.entity_id == before.id for e in revisions)
    assert any(e.entity == "meeting" and e.entity_id == meeting_id for e in revisions)


def test_a_removed_item_with_a_minute_is_kept_at_the_end_and_one_without_records_is_deleted(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    meeting_id = _meeting(store, demo_draft)
    story = _item(store, meeting_id, "5")
    ceo = _item(store, meeting_id, "3")  # has pages in the old pack
    aob = _item(store, meeting_id, "9.3")
    assert story.id is not None and ceo.id is not None and aob.id is not None
    store.set_minute(story.id, "The Board heard from a resident about discharge from hospital.")
    store.set_minute(ceo.id, "The report was noted.")
    store.set_minute(aob.id, "")  # an empty minute is not a record

    gone = {"3", "5", "9.3"}
    items = [i for i in demo_draft.items if normalise_number(i.number) not in gone]
    report = revise_meeting(store, meeting_id, _revised(tmp_path, demo_draft, items))

    after = store.items(meeting_id)
    assert aob.id not in {i.id for i in after}
    assert [i.id for i in after[-2:]] == [ceo.id, story.id]  # kept, in their old order, at the end
    assert after[-2].first_page is None and after[-2].last_page is None  # the old pack's pages are gone
    assert store.minute(story.id).body.startswith("The Board heard from a resident")
    _check_positions(store, meeting_id)

    assert [(r.item_id, r.title) for r in report.removed] == [(aob.id, "Any Other Business")]
    assert [(k.item_id, k.what) for k in report.kept_with_records] == [
        (ceo.id, ("minute text",)),
        (story.id, ("minute text",)),
    ]
    assert report.added == () and report.renamed == () and report.renumbered == ()
    lines = report.summary_lines()
    assert f"5 “Resident Story” was {KEPT_WORDS} (minute text); it is now at the end of the agenda." in lines
    assert "Removed 9.3 “Any Other Business”: nothing was recorded against it." in lines
    assert store.verify_audit_chain() == []


@pytest.mark.parametrize(
    "kind, sql",
    [
        ("declarations", "INSERT INTO declaration (item_id, person_id, interest) VALUES (:item, :person, 'Trustee')"),
        ("motions", "INSERT INTO motion (item_id, text) VALUES (:item, 'That the Board approve the plan')"),
        ("actions", "INSERT INTO action (meeting_id, item_id, text) VALUES (:meeting, :item, 'Circulate the plan')"),
        (
            "annotations",
            "INSERT INTO annotation (meeting_id, item_id, owner, page) VALUES (:meeting, :item, 'JA', 21)",
        ),
    ],
)
def test_every_kind_of_record_keeps_a_withdrawn_item(
    store: Store, tmp_path: Path, demo_draft: DraftPack, kind: str, sql: str
) -> None:
    meeting_id = _meeting(store, demo_draft)
    item = _item(store, meeting_id, "6.3")
    body_id = store.meeting(meeting_id).body_id
    person = store.conn.execute("SELECT id FROM person WHERE body_id = ? LIMIT 1", (body_id,)).fetchone()
    if person is None:
        store.conn.execute("INSERT INTO person (body_id, name) VALUES (?, 'Jo Adams')", (body_id,))
        person = store.conn.execute("SELECT last_insert_rowid()").fetchone()
    store.conn.execute(sql, {"item": item.id, "meeting": meeting_id, "person": person[0]})

    items = [i for i in demo_draft.items if normalise_number(i.number) != "6.3"]
    report = revise_meeting(store, meeting_id, _revised(tmp_path, demo_draft, items))

    assert [(k.item_id, k.what) for k in report.kept_with_records] == [(item.id, (kind,))]
    assert store.items(meeting_id)[-1].id == item.id
    assert store.verify_audit_chain() == []


def test_a_renumbered_item_is_matched_by_its_title_not_by_the_number_it_used_to_have(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    meeting_id = _meeting(store, demo_draft)
    governance = _item(store, meeting_id, "8.3")
    assert governance.id is not None
    store.set_minute(governance.id, "The Board approved the updated scheme of reservation and delegation.")

    items = list(demo_draft.items)
    at = _draft_index(demo_draft, "8.3")
    items[at] = dataclasses.replace(items[at], number="8.4")
    items.insert(at, DraftItem("8.3", "Audit and Risk Committee Annual Report"))
    report = revise_meeting(store, meeting_id, _revised(tmp_path, demo_draft, items))

    now = _item(store, meeting_id, "8.4")
    assert now.id == governance.id
    assert now.title == "Corporate Governance update and updates from Committees"
    assert store.minute(governance.id).body.startswith("The Board approved the updated scheme")
    assert _item(store, meeting_id, "8.3").title == "Audit and Risk Committee Annual Report"
    assert [(c.item_id, c.old, c.new) for c in report.renumbered] == [(governance.id, "8.3", "8.4")]
    assert [r.title for r in report.added] == ["Audit and Risk Committee Annual Report"]
    assert report.renamed == ()
    assert store.verify_audit_chain() == []


def test_items_taken_out_of_order_are_reported_as_moved(store: Store, tmp_path: Path, demo_draft: DraftPack) -> None:
    meeting_id = _meeting(store, demo_draft)
    items = list(demo_draft.items)
    a, b = _draft_index(demo_draft, "7.2"), _draft_index(demo_draft, "7.3")
    items[a], items[b] = items[b], items[a]
    report = revise_meeting(store, meeting_id, _revised(tmp_path, demo_draft, items))

    assert len(report.moved) == 1
    assert report.moved[0].title in {items[a].title, items[b].title}
    assert report.unchanged == len(items) - 1
    assert [i.title for i in store.items(meeting_id)] == [i.title for i in items]
    assert any(line.startswith("Moved ") for line in report.summary_lines())


def test_the_same_pack_again_changes_no_item(store: Store, demo_draft: DraftPack) -> None:
    meeting_id = _meeting(store, demo_draft)
    ids = [i.id for i in store.items(meeting_id)]
    report = revise_meeting(store, meeting_id, demo_draft)
    assert not report.changed
    assert report.unchanged == len(ids)
    assert [i.id for i in store.items(meeting_id)] == ids
    assert "same" in report.summary_lines()[1]
    assert not any(e.entity == "agenda_item" and e.action == "revise" for e in store.audit_entries())
    assert store.verify_audit_chain() == []


def test_numbers_match_without_trailing_dots_or_case() -> None:
    assert normalise_number("6.4.") == normalise_number("6.4") == "6.4"
    assert normalise_number("2(A)") == normalise_number("2(a)")
    existing = [
        AgendaItem(1, 1, 0, "1.", "Welcome"),
        AgendaItem(2, 1, 1, "2(A)", "Minutes of the last meeting"),
        AgendaItem(3, 1, 2, "3", "Budget monitoring"),
    ]
    drafts = [
        DraftItem("1", "Welcome and apologies"),
        DraftItem("2(a)", "Minutes"),
        DraftItem("4", "Budget Monitoring"),
    ]
    assert match_items(existing, drafts) == {0: 0, 1: 1, 2: 2}


def test_a_signed_meeting_is_refused_and_nothing_changes(store: Store, tmp_path: Path, demo_draft: DraftPack) -> None:
    meeting_id = _meeting(store, demo_draft)
    store.conn.execute("UPDATE meeting SET minutes_status = 'signed' WHERE id = ?", (meeting_id,))
    snapshot, files = _snapshot(store), _pack_files(store)
    items = [i for i in demo_draft.items if normalise_number(i.number) != "9.3"]

    with pytest.raises(RecordLocked, match="signed"):
        revise_meeting(store, meeting_id, _revised(tmp_path, demo_draft, items))

    assert _snapshot(store) == snapshot
    assert _pack_files(store) == files


def test_a_pack_for_a_date_months_away_is_refused_as_a_different_meeting(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    meeting_id = _meeting(store, demo_draft)
    snapshot, files = _snapshot(store), _pack_files(store)
    assert demo_draft.meeting_date is not None
    later = demo_draft.meeting_date + timedelta(days=32)

    with pytest.raises(RevisionRefused, match="different meeting"):
        revise_meeting(store, meeting_id, _revised(tmp_path, demo_draft, list(demo_draft.items), meeting_date=later))

    assert _snapshot(store) == snapshot
    assert _pack_files(store) == files


def test_a_pack_a_few_days_off_is_accepted_and_moves_the_meeting(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    meeting_id = _meeting(store, demo_draft)
    assert demo_draft.meeting_date is not None
    later = demo_draft.meeting_date + timedelta(days=7)
    report = revise_meeting(
        store, meeting_id, _revised(tmp_path, demo_draft, list(demo_draft.items), meeting_date=later)
    )
    assert store.meeting(meeting_id).date == later
    assert [(c.title, c.new) for c in report.meeting_changes] == [("date", "06 October 2023")]
    assert store.verify_audit_chain() == []


@pytest.mark.parametrize("where", ["app.storage.revise.insert_item", "app.storage.library.save_pages"])
def test_a_failure_half_way_leaves_the_meeting_exactly_as_it_was(
    store: Store, tmp_path: Path, demo_draft: DraftPack, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    meeting_id = _meeting(store, demo_draft)
    minute_item = _item(store, meeting_id, "6.4")
    assert minute_item.id is not None
    store.set_minute(minute_item.id, "Approved.")
    snapshot, files = _snapshot(store), _pack_files(store)

    items = list(demo_draft.items)
    at = _draft_index(demo_draft, "6.4")
    items[at] = dataclasses.replace(items[at], number="6.5")
    items.insert(at, DraftItem("6.4", "Primary Care Access Recovery Plan"))
    items = [i for i in items if normalise_number(i.number) != "9.3"]

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(where, fail)
    with pytest.raises(RuntimeError, match="disk full"):
        revise_meeting(store, meeting_id, _revised(tmp_path, demo_draft, items))

    assert _snapshot(store) == snapshot
    assert _pack_files(store) == files  # the revised pack's copy was removed again
    assert store.verify_audit_chain() == []


def test_cli_revise_prints_the_report_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(DEMO), "--json"]) == 0
    meeting_id = json.loads(capsys.readouterr().out)["meeting"]["id"]

    text = DEMO.read_text(encoding="utf-8")
    revised_text = text.replace("6.4 Section 75 Agreements ICB EXECUTIVE", "6.4 Section 75 Agreement ICB EXECUTIVE", 1)
    assert revised_text != text
    revised = tmp_path / "revised.txt"
    revised.write_text(revised_text, encoding="utf-8")

    assert main(["--data-dir", str(data), "revise", str(meeting_id), str(revised), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["meeting_id"] == meeting_id
    assert [(c["old"], c["new"]) for c in report["renamed"]] == [("Section 75 Agreements", "Section 75 Agreement")]
    assert report["counts"]["added"] == 0 and report["counts"]["removed"] == 0
    assert report["summary"][0].startswith(f"Meeting {meeting_id} now uses the revised pack")

    assert main(["--data-dir", str(data), "revise", str(meeting_id), str(revised)]) == 0
    assert "unchanged" in capsys.readouterr().out


def test_cli_revise_of_an_unknown_meeting_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "revise", "999", str(DEMO)]) == 2
    assert "no meeting with id 999" in capsys.readouterr().err
