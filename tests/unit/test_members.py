"""Members on their own devices (issue 19): a secretary's data folder publishes a meeting, three members' data
folders open it, annotate and send questions back; revised bundles, refusals, and a member's two devices."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from app import commands, packs, paths
from app.bundles import (
    BundleDamaged,
    BundleNotForYou,
    BundleOlder,
    BundleOtherBody,
    BundleRefused,
    BundleUnsigned,
    BundleUntrusted,
    container,
)
from app.bundles.withhold import withhold_pdf
from app.commands import members, notes
from app.domain import Part
from app.domain.annotations import AnnotationKind
from app.export import keys
from app.storage import RecordLocked, Store
from app.storage import annotations as notes_storage
from app.storage.identity import gid_of, is_gid, new_gid
from app.storage.keys import TEST_WEAK_KDF

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo-pack-icb-2023-09-29.txt"
KEY_PASS = "secretary key passphrase"
MEETING_PASS = "the meeting passphrase given by phone"
PART2_ITEM = "7.3"


@dataclass
class Secretary:
    store: Store
    data: Path
    meeting_id: int
    key: keys.ChairKey


def _key(folder: Path, name: str) -> keys.ChairKey:
    path = folder / f"{name.replace(' ', '-')}.p12"
    keys.generate_key(path, name, KEY_PASS)
    return keys.load_key(path, KEY_PASS)


@pytest.fixture
def secretary(tmp_path: Path) -> Iterator[Secretary]:
    data = tmp_path / "secretary"
    store = Store.open(data / "quorate.db")
    draft = packs.read_pack(DEMO)
    # The secretary marked one item Part II in the review (the demo pack has none).
    items = tuple(dataclasses.replace(i, part=Part.TWO) if i.number == PART2_ITEM else i for i in draft.items)
    result = commands.accept_reviewed(store, dataclasses.replace(draft, items=items))
    assert result.meeting.id is not None
    yield Secretary(store, data, result.meeting.id, _key(tmp_path, "Sam Secretary"))
    store.close()


def _member(tmp_path: Path, name: str, trusted: keys.ChairKey) -> Store:
    data = tmp_path / name.replace(" ", "-")
    store = Store.open(data / "quorate.db")
    keys.trust(paths.trusted_certificates_dir(data), trusted.certificate)
    return store


def _item(store: Store, meeting_id: int, number: str) -> int:
    found = [i for i in store.items(meeting_id) if i.number == number]
    assert found and found[0].id is not None
    return found[0].id


def _pages(store: Store, meeting_id: int, number: str) -> range:
    item = next(i for i in store.items(meeting_id) if i.number == number)
    assert item.first_page is not None
    return range(item.first_page, (item.last_page or item.first_page) + 1)


def _snapshot(store: Store) -> tuple[object, ...]:
    """Everything a refused bundle must leave as it was: every table's rows and every file in the data folder."""
    tables = [
        str(r[0])
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    rows = tuple((t, tuple(sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr))) for t in tables)
    assert store.path is not None
    folder = store.path.parent
    files = tuple(
        sorted(
            (str(p.relative_to(folder)), hashlib.sha256(p.read_bytes()).hexdigest())
            for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith("quorate.db") and "logs" not in p.parts
        )
    )
    return rows, files


def test_every_row_that_travels_has_a_uuidv7_gid_from_creation(secretary: Secretary) -> None:
    store = secretary.store
    meeting = store.meeting(secretary.meeting_id)
    for table, row_id in (("meeting", secretary.meeting_id), ("body", meeting.body_id)):
        assert is_gid(gid_of(store, table, row_id))
    item_gids = [gid_of(store, "agenda_item", i.id or 0) for i in store.items(secretary.meeting_id)]
    person_gids = [gid_of(store, "person", p.id or 0) for p in store.people(meeting.body_id)]
    assert all(is_gid(g) for g in item_gids + person_gids)
    assert len(set(item_gids + person_gids)) == len(item_gids) + len(person_gids)
    note = notes.annotate(store, secretary.meeting_id, "Someone", AnnotationKind.NOTE, 9, note="A question")
    assert is_gid(gid_of(store, "annotation", note.id or 0))
    assert is_gid(new_gid()) and new_gid() != new_gid()


def test_gids_are_given_to_rows_an_older_schema_made(tmp_path: Path) -> None:
    old = Store.__new__(Store)
    from app.storage.connection import open_database

    conn = open_database(tmp_path / "q.db", upto=11)
    conn.execute("INSERT INTO body (name) VALUES ('A body'), ('Another body')")
    conn.close()
    del old
    store = Store.open(tmp_path / "q.db")
    gids = [str(r[0]) for r in store.conn.execute("SELECT gid FROM body ORDER BY id")]
    store.close()
    assert len(gids) == 2 and all(is_gid(g) for g in gids) and gids[0] != gids[1]


def test_three_members_open_annotate_and_send_questions(secretary: Secretary, tmp_path: Path) -> None:
    sec = secretary.store
    people = sec.people(sec.meeting(secretary.meeting_id).body_id)
    ann, ben = people[0].name, people[1].name
    carol = people[2].name
    ann_key = _key(tmp_path, ann)
    bundle = tmp_path / "exchange" / "meeting.quorate"
    report = members.publish_meeting(
        sec,
        secretary.meeting_id,
        bundle,
        secretary.key,
        passphrase=MEETING_PASS,
        certificates={ann: ann_key.certificate},
        own_passphrases={carol: "carol's own passphrase"},
        audience=[ann, ben, carol],
        withhold={ann: ["6.4"]},
        kdf=TEST_WEAK_KDF,
    )
    assert report.variants == 2  # Ann without 6.4's papers; Ben and Carol with every paper
    assert {r.name: [w.item_number for w in r.withheld] for r in report.recipients}[ann] == ["6.4"]

    # The envelope a file-sync tool or anyone else sees names no person, paper or title.
    with zipfile.ZipFile(bundle) as archive:
        clear = archive.read("envelope.json").decode()
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert ann not in clear and b"Section 75" not in everything and ann.encode() not in everything

    stores = {
        ann: _member(tmp_path, ann, secretary.key),
        ben: _member(tmp_path, ben, secretary.key),
        carol: _member(tmp_path, carol, secretary.key),
    }
    opened = {
        ann: members.open_bundle(stores[ann], bundle, keys=[ann_key]),
        ben: members.open_bundle(stores[ben], bundle, passphrase=MEETING_PASS, member=ben),
        carol: members.open_bundle(stores[carol], bundle, passphrase="carol's own passphrase"),
    }
    assert {name: o.member for name, o in opened.items()} == {ann: ann, ben: ben, carol: carol}
    assert opened[ann].withheld == ("6.4",) and opened[ben].withheld == ()

    for name, store in stores.items():
        meeting_id = opened[name].meeting_id
        assert gid_of(store, "meeting", meeting_id) == gid_of(sec, "meeting", secretary.meeting_id)
        assert [i.title for i in store.items(meeting_id)] == [i.title for i in sec.items(secretary.meeting_id)]
        assert notes.current_member(store) == name  # the reader starts with the member's own notes
        with pytest.raises(RecordLocked):
            commands.edit_minute(store, _item(store, meeting_id, "6.1"), "A member typing minutes")
        status, pack = commands.library.open_pack(store, store.path.parent, meeting_id)  # type: ignore[union-attr]
        assert status.ok and pack is not None
    # Ann's copy of the pack has 6.4's pages withheld (the agenda still shows it); Ben's has them.
    page = _pages(sec, secretary.meeting_id, "6.4")[0]
    original = notes.pack_pages(sec, secretary.meeting_id)[page - 1]
    assert notes.pack_pages(stores[ben], opened[ben].meeting_id)[page - 1] == original
    ann_page = notes.pack_pages(stores[ann], opened[ann].meeting_id)[page - 1]
    assert "Withheld" in ann_page and original.strip()[:40] not in ann_page
    assert any(i.number == "6.4" for i in stores[ann].items(opened[ann].meeting_id))

    # Each member annotates; only the notes flagged "raise at the meeting" go back.
    files = []
    for n, (name, store) in enumerate(stores.items()):
        meeting_id = opened[name].meeting_id
        item_61 = _item(store, meeting_id, "6.1")
        notes.annotate(
            store,
            meeting_id,
            name,
            AnnotationKind.ITEM_NOTE,
            9,
            note=f"Question {n} from {name}",
            item_id=item_61,
            raise_at_meeting=True,
        )
        notes.annotate(store, meeting_id, name, AnnotationKind.NOTE, 10, note=f"Private thought {n}")
        out = tmp_path / "exchange" / f"answers-{n}.quorate"
        members.export_answers(store, meeting_id, out, ann_key if name == ann else None)
        files.append(out)

    results = members.import_answers(sec, files, [secretary.key])
    assert [r.outcome for r in results] == ["imported"] * 3
    assert results[0].signer == ann + " (not trusted here)" and results[1].signer == ""
    asked = notes.questions_for_item(sec, _item(sec, secretary.meeting_id, "6.1"))
    assert sorted((q.owner, q.text) for q in asked) == sorted(
        (name, f"Question {n} from {name}") for n, name in enumerate(stores)
    )
    everything_asked = " ".join(q.text for q in asked)
    assert "Private thought" not in everything_asked

    # The same files again change nothing; a later file from Ben replaces his questions.
    before = _snapshot(sec)
    assert [r.outcome for r in members.import_answers(sec, files, [secretary.key])] == ["unchanged"] * 3
    assert _snapshot(sec)[0] == before[0]
    ben_store = stores[ben]
    ben_meeting = opened[ben].meeting_id
    flagged = [a for a in notes.member_annotations(ben_store, ben_meeting, ben) if a.raise_at_meeting]
    notes.edit_note(ben_store, flagged[0].id or 0, ben, "A better question")
    later = tmp_path / "exchange" / "answers-ben-later.quorate"
    members.export_answers(ben_store, ben_meeting, later)
    assert [r.outcome for r in members.import_answers(sec, [later], [secretary.key])] == ["replaced"]
    texts = {q.owner: q.text for q in notes.questions_for_item(sec, _item(sec, secretary.meeting_id, "6.1"))}
    assert texts[ben] == "A better question" and len(texts) == 3
    assert [r.outcome for r in members.import_answers(sec, [files[1]], [secretary.key])] == ["older"]
    for store in stores.values():
        store.close()


def test_the_same_bundle_twice_changes_nothing(secretary: Secretary, tmp_path: Path) -> None:
    bundle = tmp_path / "m.quorate"
    members.publish_meeting(secretary.store, secretary.meeting_id, bundle, secretary.key, passphrase=MEETING_PASS)
    store = _member(tmp_path, "member", secretary.key)
    name = secretary.store.people(secretary.store.meeting(secretary.meeting_id).body_id)[0].name
    members.open_bundle(store, bundle, passphrase=MEETING_PASS, member=name)
    before = _snapshot(store)
    again = members.open_bundle(store, bundle, passphrase=MEETING_PASS, member=name)
    assert again.unchanged
    assert _snapshot(store) == before


def _revised_pack(tmp_path: Path) -> Path:
    """The demo pack with a new page of text at the front (every later page moves by one)."""
    text = DEMO.read_text(encoding="utf-8")
    lines = text.split("\n")
    extra = ["An addendum circulated with the revised pack."] * 60
    revised = tmp_path / "revised-pack.txt"
    revised.write_text("\n".join(lines[:10] + extra + lines[10:]), encoding="utf-8")
    return revised


def test_a_revised_pack_bundle_re_anchors_members_notes(secretary: Secretary, tmp_path: Path) -> None:
    sec = secretary.store
    name = sec.people(sec.meeting(secretary.meeting_id).body_id)[0].name
    first = tmp_path / "m1.quorate"
    members.publish_meeting(sec, secretary.meeting_id, first, secretary.key, passphrase=MEETING_PASS)
    store = _member(tmp_path, "member", secretary.key)
    meeting_id = members.open_bundle(store, first, passphrase=MEETING_PASS, member=name).meeting_id
    page = _pages(store, meeting_id, "6.2")[1]
    text = notes.pack_pages(store, meeting_id)[page - 1]
    words = " ".join(next(line for line in text.splitlines() if len(line.split()) > 8).split()[:8])
    start = text.find(words.split()[0])
    mark = notes.annotate(
        store, meeting_id, name, AnnotationKind.HIGHLIGHT, page, quote=words, note="Check this", raise_at_meeting=True
    )
    assert start >= 0

    from app.commands.revise import revise_meeting

    revise_meeting(sec, secretary.meeting_id, packs.read_pack(_revised_pack(tmp_path)))
    second = tmp_path / "m2.quorate"
    members.publish_meeting(sec, secretary.meeting_id, second, secretary.key, passphrase=MEETING_PASS)
    opened = members.open_bundle(store, second, passphrase=MEETING_PASS)
    assert opened.revised and opened.sequence == 2 and opened.meeting_id == meeting_id
    moved = notes.annotation(store, mark.id or 0)
    assert moved.page == page + 1 and not moved.orphaned and moved.note == "Check this"
    assert words.split()[0] in notes.pack_pages(store, meeting_id)[moved.page - 1]
    assert store.meeting(meeting_id).pack_sha256 == sec.meeting(secretary.meeting_id).pack_sha256

    # The first bundle, now older than the device's copy, is refused and changes nothing.
    before = _snapshot(store)
    with pytest.raises(BundleOlder):
        members.open_bundle(store, first, passphrase=MEETING_PASS)
    assert _snapshot(store) == before


def _unsigned(secretary: Secretary, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = container.write_bundle

    def without_signature(*args: object, **kwargs: object) -> int:
        return real(*args[:4], None, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(container, "write_bundle", without_signature)
    members.publish_meeting(secretary.store, secretary.meeting_id, out, secretary.key, passphrase=MEETING_PASS)
    monkeypatch.setattr(container, "write_bundle", real)


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("case", ["damaged", "cut_short", "unsigned", "untrusted", "other_body", "older", "wrong_pass"])
def test_refused_bundles_change_nothing(
    case: str, secretary: Secretary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sec = secretary.store
    name = sec.people(sec.meeting(secretary.meeting_id).body_id)[0].name
    store = _member(tmp_path, "member", secretary.key)
    held = tmp_path / "held.quorate"
    members.publish_meeting(sec, secretary.meeting_id, held, secretary.key, passphrase=MEETING_PASS)
    newer = tmp_path / "newer.quorate"
    members.publish_meeting(sec, secretary.meeting_id, newer, secretary.key, passphrase=MEETING_PASS)
    if case == "older":
        members.open_bundle(store, newer, passphrase=MEETING_PASS, member=name)
    else:
        members.open_bundle(store, held, passphrase=MEETING_PASS, member=name)
    bad = tmp_path / "bad.quorate"
    expected: type[BundleRefused]
    body_gid = None
    passphrase = MEETING_PASS
    if case in ("damaged", "cut_short"):
        shutil.copy(newer, bad)
        if case == "damaged":
            _damaged(bad)
        else:
            bad.write_bytes(bad.read_bytes()[: bad.stat().st_size // 2])
        expected = BundleDamaged
    elif case == "unsigned":
        _unsigned(secretary, bad, monkeypatch)
        expected = BundleUnsigned
    elif case == "untrusted":
        members.publish_meeting(sec, secretary.meeting_id, bad, _key(tmp_path, "Someone Else"), passphrase=MEETING_PASS)
        expected = BundleUntrusted
    elif case == "other_body":
        shutil.copy(newer, bad)
        body_gid = new_gid()  # the exchange folder of another body
        expected = BundleOtherBody
    elif case == "older":
        shutil.copy(held, bad)
        expected = BundleOlder
    else:
        shutil.copy(newer, bad)
        passphrase = "not the meeting passphrase"
        expected = BundleNotForYou
    before = _snapshot(store)
    with pytest.raises(expected) as refused:
        members.open_bundle(store, bad, passphrase=passphrase, body_gid=body_gid)
    assert _snapshot(store) == before
    sentence = str(refused.value)
    assert sentence.endswith(".") and "\n" not in sentence


def test_a_bundle_changed_after_signing_is_refused(secretary: Secretary, tmp_path: Path) -> None:
    """A recipient who can decrypt cannot forge: a re-encrypted manifest with a new meeting title fails its JWS."""
    bundle = tmp_path / "m.quorate"
    members.publish_meeting(secretary.store, secretary.meeting_id, bundle, secretary.key, passphrase=MEETING_PASS)
    opened = container.open_bundle(bundle, passphrase=MEETING_PASS)
    forged = dict(opened.manifest)
    forged["about"] = {"body": "x", "meeting": "Forged"}
    from app.bundles import jws

    token = jws.sign(b"{}", secretary.key).split(".")
    import base64
    import json

    payload = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
    with pytest.raises(BundleDamaged):
        jws.verify(f"{token[0]}.{payload}.{token[2]}", "m.quorate")


def test_two_devices_of_one_member_merge_without_losing_an_edit(secretary: Secretary, tmp_path: Path) -> None:
    sec = secretary.store
    name = sec.people(sec.meeting(secretary.meeting_id).body_id)[0].name
    bundle = tmp_path / "m.quorate"
    members.publish_meeting(sec, secretary.meeting_id, bundle, secretary.key, passphrase=MEETING_PASS)
    laptop = _member(tmp_path, "laptop", secretary.key)
    tablet = _member(tmp_path, "tablet", secretary.key)
    on_laptop = members.open_bundle(laptop, bundle, passphrase=MEETING_PASS, member=name).meeting_id
    on_tablet = members.open_bundle(tablet, bundle, passphrase=MEETING_PASS, member=name).meeting_id
    sync_pass = "my own sync passphrase"

    first = notes.annotate(laptop, on_laptop, name, AnnotationKind.NOTE, 9, note="Written on the laptop")
    doomed = notes.annotate(laptop, on_laptop, name, AnnotationKind.NOTE, 11, note="To be deleted")
    kept = notes.annotate(laptop, on_laptop, name, AnnotationKind.NOTE, 12, note="Deleted there, edited here later")
    out = tmp_path / "notes-1.quorate"
    assert members.export_notes(laptop, on_laptop, out, sync_pass, kdf=TEST_WEAK_KDF) == 3
    merged = members.merge_notes(tablet, out, sync_pass)
    assert merged.added == 3
    on_tablet_notes = {a.note: a for a in notes.member_annotations(tablet, on_tablet, name)}
    assert set(on_tablet_notes) == {"Written on the laptop", "To be deleted", "Deleted there, edited here later"}
    assert members.merge_notes(tablet, out, sync_pass) == members.MergeReport(unchanged=3)  # twice: no change

    # Both devices edit the first note: the tablet's edit is later, so it wins on both; the laptop's is kept.
    gid = gid_of(laptop, "annotation", first.id or 0)
    _edit_at(laptop, first.id or 0, name, "Laptop's edit", "2030-01-01T10:00:00+00:00")
    tablet_first = notes_storage.by_gid(tablet, gid)
    assert tablet_first is not None
    _edit_at(tablet, tablet_first.annotation.id or 0, name, "Tablet's later edit", "2030-01-01T11:00:00+00:00")
    # The laptop deletes one note, and deletes another that the tablet edits afterwards.
    notes.delete(laptop, doomed.id or 0, name)
    notes_storage.delete(laptop, kept.id or 0, name, at="2030-01-01T09:00:00+00:00")
    tablet_kept = notes_storage.by_gid(tablet, gid_of(tablet, "annotation", on_tablet_notes[kept.note].id or 0))
    assert tablet_kept is not None
    _edit_at(tablet, tablet_kept.annotation.id or 0, name, "Edited after the deletion", "2030-01-01T12:00:00+00:00")

    to_tablet, to_laptop = tmp_path / "notes-2.quorate", tmp_path / "notes-3.quorate"
    members.export_notes(laptop, on_laptop, to_tablet, sync_pass, kdf=TEST_WEAK_KDF)
    members.export_notes(tablet, on_tablet, to_laptop, sync_pass, kdf=TEST_WEAK_KDF)
    members.merge_notes(tablet, to_tablet, sync_pass)
    members.merge_notes(laptop, to_laptop, sync_pass)
    for store, meeting_id in ((laptop, on_laptop), (tablet, on_tablet)):
        texts = sorted(a.note for a in notes.member_annotations(store, meeting_id, name))
        assert texts == ["Edited after the deletion", "Tablet's later edit"]
    assert [t for t, _ in notes_storage.history(laptop, gid)] == ["Laptop's edit"]
    assert [t for t, _ in notes_storage.history(tablet, gid)] == ["Laptop's edit"]
    with pytest.raises(BundleNotForYou):
        members.merge_notes(tablet, to_tablet, "not my passphrase")


def _edit_at(store: Store, annotation_id: int, owner: str, text: str, at: str) -> None:
    notes.edit_note(store, annotation_id, owner, text)
    store.conn.execute("UPDATE annotation SET updated_at = ? WHERE id = ?", (at, annotation_id))


def _pdf_with_secret(secret: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842))
    for n in range(1, 4):
        canvas.drawString(72, 700, secret if n == 2 else f"Public page {n}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_withheld_pdf_pages_are_gone_from_the_file_and_pages_keep_their_numbers() -> None:
    secret = "Confidential valuation of the estate"
    out = withhold_pdf(_pdf_with_secret(secret), {2: "Item 9 is Part II (confidential)."})
    reader = PdfReader(io.BytesIO(out))
    assert len(reader.pages) == 3
    assert "Public page 3" in (reader.pages[2].extract_text() or "")
    assert "Withheld" in (reader.pages[1].extract_text() or "")
    streams = b""
    for number in range(1, len(reader.xref_objStm) + 200):
        try:
            obj = reader.get_object(number)
        except (KeyError, ValueError, IndexError):
            continue
        if hasattr(obj, "get_data"):
            streams += obj.get_data()
    assert secret.encode() not in streams and secret.encode() not in out


def test_part2_and_declared_interests_decide_each_members_papers(secretary: Secretary, tmp_path: Path) -> None:
    from app.commands.live import LiveMeeting
    from app.domain import DeclarationConduct

    sec = secretary.store
    people = sec.people(sec.meeting(secretary.meeting_id).body_id)
    withdrew, stayed = [p for p in people if p.tier.value == "member"][:2]
    officer = next(p for p in people if p.tier.value == "in_attendance")
    live = LiveMeeting(sec, secretary.meeting_id)
    live.start()
    for person in (withdrew, stayed):
        live.arrive(person.id or 0)
    live.declare(
        _item(sec, secretary.meeting_id, "6.4"),
        withdrew.id or 0,
        "Director of a party",
        conduct=DeclarationConduct.WITHDREW,
    )
    live.declare(_item(sec, secretary.meeting_id, "6.3"), stayed.id or 0, "Not prejudicial")
    own = {withdrew.name: "withdrew's passphrase", stayed.name: "stayed's passphrase", officer.name: "officer's pass"}
    bundle = tmp_path / "m.quorate"
    report = members.publish_meeting(
        sec,
        secretary.meeting_id,
        bundle,
        secretary.key,
        own_passphrases=own,
        audience=[withdrew.name, stayed.name, officer.name],
        kdf=TEST_WEAK_KDF,
    )
    withheld = {r.name: {(w.item_number, w.reason) for w in r.withheld} for r in report.recipients}
    assert withheld == {
        withdrew.name: {("6.4", "declared interest")},
        stayed.name: set(),  # took part: the interest was not prejudicial
        officer.name: {(PART2_ITEM, "Part II")},  # in attendance: not entitled to Part II
    }
    officer_store = _member(tmp_path, "officer", secretary.key)
    opened = members.open_bundle(officer_store, bundle, passphrase=own[officer.name])
    titles = {i.number: i.title for i in officer_store.items(opened.meeting_id)}
    assert titles[PART2_ITEM] == members.CONFIDENTIAL_TITLE and titles["6.4"] != members.CONFIDENTIAL_TITLE
    secret_page = _pages(sec, secretary.meeting_id, PART2_ITEM)[0]
    assert "Withheld" in notes.pack_pages(officer_store, opened.meeting_id)[secret_page - 1]

    # Shared, the meeting passphrase gives what all who share it may read, and says who misses what for that.
    shared = members.publish_meeting(
        sec,
        secretary.meeting_id,
        tmp_path / "shared.quorate",
        secretary.key,
        passphrase=MEETING_PASS,
        audience=[stayed.name, officer.name],
        kdf=TEST_WEAK_KDF,
    )
    missed = {r.name: r.missed_for_sharing for r in shared.recipients}
    assert missed == {stayed.name: (PART2_ITEM,), officer.name: ()}


def test_member_copies_and_the_secretarys_record_still_check(secretary: Secretary, tmp_path: Path) -> None:
    from app.storage.signatures import check_store

    sec = secretary.store
    name = sec.people(sec.meeting(secretary.meeting_id).body_id)[0].name
    bundle = tmp_path / "m.quorate"
    members.publish_meeting(sec, secretary.meeting_id, bundle, secretary.key, passphrase=MEETING_PASS)
    store = _member(tmp_path, "member", secretary.key)
    meeting_id = members.open_bundle(store, bundle, passphrase=MEETING_PASS, member=name).meeting_id
    notes.annotate(store, meeting_id, name, AnnotationKind.NOTE, 9, note="Q", raise_at_meeting=True)
    members.export_answers(store, meeting_id, tmp_path / "a.quorate")
    members.import_answers(sec, [tmp_path / "a.quorate"], [secretary.key])
    assert check_store(store).ok and check_store(sec).ok


def test_a_bundle_opens_into_an_encrypted_library_without_a_plain_copy(
    secretary: Secretary, tmp_path: Path, encrypted: None
) -> None:
    from app.storage.encryption import open_library

    sec = secretary.store
    name = sec.people(sec.meeting(secretary.meeting_id).body_id)[0].name
    bundle = tmp_path / "m.quorate"
    members.publish_meeting(sec, secretary.meeting_id, bundle, secretary.key, passphrase=MEETING_PASS)
    data = tmp_path / "member"
    keys.trust(paths.trusted_certificates_dir(data), secretary.key.certificate)
    store = open_library(data / "quorate.db", "the member's own passphrase")
    meeting_id = members.open_bundle(store, bundle, passphrase=MEETING_PASS, member=name).meeting_id
    notes.annotate(store, meeting_id, name, AnnotationKind.NOTE, 9, note="Private words of the member")
    status, pack = commands.library.open_pack(store, data, meeting_id)
    assert status.ok and pack is not None and b"Section 75" in pack
    store.close()
    for path in data.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert b"Section 75" not in content and b"Private words" not in content, path


def test_the_exchange_folder_is_never_the_library_and_lists_only_what_is_new(
    secretary: Secretary, tmp_path: Path
) -> None:
    sec = secretary.store
    body_id = sec.meeting(secretary.meeting_id).body_id
    with pytest.raises(BundleRefused):
        members.set_exchange_folder(sec, body_id, secretary.data)
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    members.set_exchange_folder(sec, body_id, exchange)
    members.publish_meeting(sec, secretary.meeting_id, exchange, secretary.key, passphrase=MEETING_PASS)
    (exchange / "half-synced.quorate").write_bytes(b"PK\x03\x04 still arriving")
    assert members.arrivals(sec, body_id) == []  # its own bundle is not for it; a partial file is left alone
    name = sec.people(body_id)[0].name
    store = _member(tmp_path, "member", secretary.key)
    published = next(p for p in exchange.glob("*.quorate") if p.name != "half-synced.quorate")
    meeting_id = members.open_bundle(store, published, passphrase=MEETING_PASS, member=name).meeting_id
    notes.annotate(store, meeting_id, name, AnnotationKind.NOTE, 9, note="Q", raise_at_meeting=True)
    members.set_exchange_folder(store, store.meeting(meeting_id).body_id, exchange)
    members.export_answers(store, meeting_id, exchange)
    arrived = members.arrivals(sec, body_id)
    assert [a.kind for a in arrived] == ["answers"]
    members.import_answers(sec, [arrived[0].path], [secretary.key])
    assert members.arrivals(sec, body_id) == [] and members.arrivals(store, store.meeting(meeting_id).body_id) == []
