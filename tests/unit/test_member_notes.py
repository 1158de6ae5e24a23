"""Members' notes private on a shared computer (issue 18): each member's own notes passphrase seals their words, so
another member, the library's key and search see none of them; imports and deletions keep it so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import commands
from app.commands import notes
from app.domain.annotations import AnnotationKind
from app.storage import Store
from app.storage.encryption import open_library
from app.storage.signatures import check_store
from tests.conftest import PASSPHRASE
from tests.gui.test_reader import HIGHLIGHTED, PAPER, build_pack

JANE, BOB = "Jane Member", "Bob Member"
JANE_PASS, BOB_PASS = "jane's own notes passphrase", "bob keeps his notes here"
JANE_WORDS = "Quixotically overpriced consultancy"  # words no pack or name holds, to look for in the database
BOB_WORDS = "Xylophonist treasurer resigning"


def _sticky(store: Store, meeting_id: int, owner: str, text: str, page: int = 3, **extra: object) -> notes.Annotation:
    return notes.annotate(
        store, meeting_id, owner, AnnotationKind.NOTE, page, rects=((10.0, 20.0, 10.0, 20.0),), note=text, **extra
    )  # type: ignore[arg-type]


def _highlight(store: Store, meeting_id: int, owner: str, text: str) -> notes.Annotation:
    page = "\n".join(PAPER)
    start = page.index(HIGHLIGHTED)
    return notes.annotate(
        store,
        meeting_id,
        owner,
        AnnotationKind.HIGHLIGHT,
        5,
        page_text=page,
        start=start,
        end=start + len(HIGHLIGHTED),
        note=text,
        ink=(((1.0, 2.0), (3.0, 4.0)),),
    )


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[tuple[Store, int]]:
    """One data folder on one computer, two members who each protect their notes."""
    store = Store.open(tmp_path / "data" / "quorate.db")
    meeting = commands.import_pack(store, build_pack(tmp_path / "pack.pdf"))
    assert meeting.id is not None
    notes.protect_notes(store, JANE, JANE_PASS)
    _highlight(store, meeting.id, JANE, JANE_WORDS)
    notes.protect_notes(store, BOB, BOB_PASS)
    _sticky(store, meeting.id, BOB, BOB_WORDS)
    yield store, meeting.id
    store.close()


def _session(store: Store) -> Store:
    """The same library opened again (another session: nobody's notes passphrase given yet)."""
    assert store.path is not None
    return Store.open(store.path)


def test_two_members_on_one_computer_cannot_read_each_others_notes(shared: tuple[Store, int]) -> None:
    first, meeting_id = shared
    store = _session(first)
    try:
        for who in (JANE, BOB):
            assert notes.notes_protected(store, who) and not notes.notes_unlocked(store, who)
            with pytest.raises(notes.NotesLocked, match=f"{who}'s notes are protected"):
                notes.member_annotations(store, meeting_id, who)
        notes.unlock_notes(store, BOB, BOB_PASS)
        assert [a.note for a in notes.member_annotations(store, meeting_id, BOB)] == [BOB_WORDS]
        with pytest.raises(notes.NotesLocked):  # Bob's passphrase opens Bob's notes only
            notes.member_annotations(store, meeting_id, JANE)
        with pytest.raises(notes.NotesLocked):
            _sticky(store, meeting_id, JANE, "written in Jane's name by someone else")
        janes = store.conn.execute("SELECT id FROM annotation WHERE owner = ?", (JANE,)).fetchone()[0]
        with pytest.raises(notes.NotesLocked):
            notes.edit_note(store, janes, JANE, "changed by someone else")
        with pytest.raises(notes.NotesLocked):
            notes.delete(store, janes, JANE)
        assert notes.annotation(store, janes).note == ""  # a lookup by id shows no words either
        notes.unlock_notes(store, JANE, JANE_PASS)
        mine = notes.member_annotations(store, meeting_id, JANE)
        assert [(a.note, a.quote, a.ink) for a in mine] == [(JANE_WORDS, HIGHLIGHTED, (((1.0, 2.0), (3.0, 4.0)),))]
    finally:
        store.close()


def test_a_wrong_notes_passphrase_is_one_sentence_and_shows_nothing(shared: tuple[Store, int]) -> None:
    first, meeting_id = shared
    store = _session(first)
    try:
        with pytest.raises(notes.WrongNotesPassphrase) as refused:
            notes.unlock_notes(store, JANE, BOB_PASS)
        assert str(refused.value) == f"That is not {JANE}'s notes passphrase; nothing is shown."
        assert not notes.notes_unlocked(store, JANE)
        with pytest.raises(notes.NotesLocked):
            notes.member_annotations(store, meeting_id, JANE)
        with pytest.raises(notes.WrongNotesPassphrase):  # changing it needs the current one
            notes.protect_notes(store, JANE, "a new passphrase for jane", current="not the current one")
        notes.protect_notes(store, JANE, "a new passphrase for jane", current=JANE_PASS)
    finally:
        store.close()
    again = _session(first)
    try:
        with pytest.raises(notes.WrongNotesPassphrase):
            notes.unlock_notes(again, JANE, JANE_PASS)  # the old one no longer opens them
        notes.unlock_notes(again, JANE, "a new passphrase for jane")
        assert [a.note for a in notes.member_annotations(again, meeting_id, JANE)] == [JANE_WORDS]
    finally:
        again.close()


def test_a_member_without_a_passphrase_works_as_before(shared: tuple[Store, int]) -> None:
    store, meeting_id = shared
    made = _sticky(store, meeting_id, "Carol Member", "Carol's plain note")
    assert not notes.notes_protected(store, "Carol Member")
    assert [a.note for a in notes.member_annotations(store, meeting_id, "Carol Member")] == ["Carol's plain note"]
    with pytest.raises(notes.AnnotationError, match="not protected"):
        notes.unlock_notes(store, "Carol Member", "anything at all")
    assert made.id is not None
    assert (
        store.conn.execute("SELECT note FROM annotation WHERE id = ?", (made.id,)).fetchone()[0] == "Carol's plain note"
    )


def _every_value(store: Store) -> str:
    """Every value of every table (search index shadow tables included), as one lowercased text."""
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    found = []
    for table in tables:
        for row in store.conn.execute(f'SELECT * FROM "{table}"').fetchall():
            for value in row:
                found.append(value.decode("latin-1") if isinstance(value, bytes) else str(value))
    return "\n".join(found).lower()


def _words(text: str) -> list[str]:
    return [w.lower() for w in text.split()] + [w.lower()[:6] for w in text.split()]  # stems too


@pytest.mark.usefixtures("encrypted")
def test_the_library_key_opens_no_members_protected_words(tmp_path: Path) -> None:
    database = tmp_path / "data" / "quorate.db"
    store = open_library(database, PASSPHRASE)
    meeting = commands.import_pack(store, build_pack(tmp_path / "pack.pdf"))
    assert meeting.id is not None
    _sticky(store, meeting.id, JANE, JANE_WORDS)  # written plain first, then protected: sealed in place
    notes.protect_notes(store, JANE, JANE_PASS)
    notes.protect_notes(store, BOB, BOB_PASS)
    _highlight(store, meeting.id, BOB, BOB_WORDS)
    store.close()
    secretary = open_library(database, PASSPHRASE)  # the library's passphrase: every table readable
    try:
        everything = _every_value(secretary)
        assert HIGHLIGHTED.lower() in everything  # the pack's words are there (the library holds the pack)
        for word in _words(JANE_WORDS) + _words(BOB_WORDS):
            assert word not in everything, word
        secretary.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        secretary.close()


def test_the_database_file_holds_no_protected_words(shared: tuple[Store, int]) -> None:
    store, meeting_id = shared
    _sticky(store, meeting_id, JANE, "Quixotically second thought")
    assert store.path is not None
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = store.path.read_bytes().lower()
    for word in _words(JANE_WORDS) + _words(BOB_WORDS):
        assert word.encode() not in raw, word


def test_search_shows_only_the_unlocked_members_notes_labelled_as_theirs(shared: tuple[Store, int]) -> None:
    first, _meeting_id = shared
    store = _session(first)
    try:
        notes.choose_member(store, BOB)  # the member box says Bob, but Bob has not given his passphrase
        assert commands.search(store, "xylophonist") == []
        assert notes.search(store, "quixotically", JANE) == []  # Jane's name alone opens nothing
        notes.unlock_notes(store, JANE, JANE_PASS)
        notes.unlock_notes(store, BOB, BOB_PASS)  # both unlocked on this computer: still each sees only their own
        notes.choose_member(store, JANE)
        hits = commands.search(store, "quixotically consultancy")
        assert [(h.kind, h.note_owner, h.protected, h.page) for h in hits] == [("note", JANE, True, 5)]
        assert hits[0].marked() == ["Quixotically", "consultancy"]
        assert commands.search(store, "xylophonist") == []  # never another member's, unlocked or not
        assert commands.search(store, "quixotically", owner="") == []  # the command line's search: no one's
    finally:
        store.close()


def test_imported_notes_belong_to_the_unlocked_importer_and_are_sealed(
    shared: tuple[Store, int], tmp_path: Path
) -> None:
    store, meeting_id = shared
    exported = notes.export_notes_json(store, meeting_id, BOB, tmp_path / "bob.json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["owner"] = JANE  # a file claiming to be Jane's: only a name anyone could type
    forged = tmp_path / "claims-jane.json"
    forged.write_text(json.dumps(data), encoding="utf-8")
    other = _session(store)
    try:
        with pytest.raises(notes.NotesLocked):  # into a protected member's notes only once they unlocked
            notes.import_notes_json(other, meeting_id, forged, importer=BOB)
        notes.unlock_notes(other, BOB, BOB_PASS)
        result = notes.import_notes_json(other, meeting_id, forged, importer=BOB)
        assert (result.owner, result.exported_by, result.added, result.already_there) == (BOB, JANE, 0, 1)
        carol = notes.import_notes_json(other, meeting_id, forged, importer="Carol Member")
        assert (carol.owner, carol.added) == ("Carol Member", 1)
        assert [a.owner for a in notes.member_annotations(other, meeting_id, "Carol Member")] == ["Carol Member"]
        notes.unlock_notes(other, JANE, JANE_PASS)
        assert [a.note for a in notes.member_annotations(other, meeting_id, JANE)] == [JANE_WORDS]  # nothing added
    finally:
        other.close()


def test_a_deleted_protected_note_leaves_no_words_in_the_audit_or_the_file(shared: tuple[Store, int]) -> None:
    store, meeting_id = shared
    made = _sticky(store, meeting_id, JANE, "Zygomorphic worries about the auditors")
    assert made.id is not None
    notes.edit_note(store, made.id, JANE, "Zygomorphic worries, and the chair")
    notes.delete(store, made.id, JANE)
    logged = [e for e in store.audit_entries() if e.entity == "annotation" and e.entity_id == made.id]
    assert [e.action for e in logged] == ["create", "edit", "delete"]
    assert all("zygomorph" not in ((e.before or "") + (e.after or "")).lower() for e in logged)
    assert all('"sealed"' not in (e.before or "") + (e.after or "") for e in logged)  # not even the sealed words
    protects = [e for e in store.audit_entries() if e.entity == "member_notes_key"]
    assert [json.loads(e.after or "{}")["owner"] for e in protects] == [JANE, BOB]
    assert store.verify_audit_chain() == [] and check_store(store).ok
    assert store.path is not None
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"zygomorph" not in store.path.read_bytes().lower()


def test_a_protected_members_question_shows_in_the_room_without_its_words(shared: tuple[Store, int]) -> None:
    store, meeting_id = shared
    flagged = _sticky(store, meeting_id, BOB, "Ask about the Xylophonist budget", raise_at_meeting=True)
    assert flagged.item_id is not None
    room = _session(store)
    try:
        texts = [q.text for q in notes.questions_for_item(room, flagged.item_id)]
        assert texts == [f"{BOB}'s note is protected"]
        notes.unlock_notes(room, BOB, BOB_PASS)
        assert [q.text for q in notes.questions_for_item(room, flagged.item_id)] == ["Ask about the Xylophonist budget"]
    finally:
        room.close()


def test_a_protected_notes_history_is_sealed_too(shared: tuple[Store, int]) -> None:
    """The text a merge from the member's other device replaced is kept in the note's history: sealed like the note."""
    from app.storage import annotations as storage

    store, meeting_id = shared
    made = _sticky(store, meeting_id, JANE, "first thoughts")
    gid = store.conn.execute("SELECT gid FROM annotation WHERE id = ?", (made.id,)).fetchone()[0]
    storage.keep_history(store, gid, "Quixotically replaced words", "2026-12-01T10:00:00+00:00")
    row = store.conn.execute("SELECT note, sealed FROM annotation_history WHERE annotation_gid = ?", (gid,)).fetchone()
    assert row[0] == "" and row[1] is not None
    assert storage.history(store, gid) == [("Quixotically replaced words", "2026-12-01T10:00:00+00:00")]
    other = _session(store)
    try:
        with pytest.raises(notes.NotesLocked):
            storage.history(other, gid)
    finally:
        other.close()
