"""Members' annotations (issue 7): storage, commands, search, sharing and exports, without a window."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import commands
from app.commands import notes
from app.domain import Part
from app.domain.annotations import AnnotationKind, find_in_page, quote_context
from app.storage import Store, driver
from app.storage.connection import open_database, schema_version
from app.storage.signatures import check_store
from tests.gui.test_reader import DELETED, HIGHLIGHTED, PAPER, build_pack

OWNER = "Jane Member"


@pytest.fixture
def meeting(tmp_path: Path) -> Iterator[tuple[Store, int]]:
    store = Store.open(tmp_path / "a" / "quorate.db")
    created = commands.import_pack(store, build_pack(tmp_path / "pack.pdf"))
    assert created.id is not None
    yield store, created.id
    store.close()


def _item(store: Store, meeting_id: int, number: str) -> int:
    item_id = next(i.id for i in store.items(meeting_id) if i.number.rstrip(".") == number)
    assert item_id is not None
    return item_id


def _highlight(store: Store, meeting_id: int, words: str = HIGHLIGHTED, **extra: object) -> notes.Annotation:
    text = "\n".join(PAPER)
    start = text.index(words)
    return notes.annotate(
        store,
        meeting_id,
        OWNER,
        AnnotationKind.HIGHLIGHT,
        5,
        page_text=text,
        start=start,
        end=start + len(words),
        rects=((231.0, 72.0, 380.0, 82.0),),
        **extra,  # type: ignore[arg-type]
    )


def test_quote_context_and_finding_it_again() -> None:
    text = "The budget be approved. " * 3 + "The audit committee recommends that the budget be approved now."
    start = text.rindex("the budget be approved")
    context = quote_context(text, start, start + len("the budget be approved"))
    assert context.quote == "the budget be approved" and context.prefix.endswith("recommends that")
    assert len(context.prefix) <= 40 and context.suffix == "now."
    assert find_in_page(text, context.quote, context.prefix, context.suffix) == (start, start + 22)
    assert find_in_page("the  budget\nbe approved", "the budget be approved") == (0, 23)
    assert find_in_page(text, "not there") is None


def test_annotations_are_stored_audited_and_private_to_their_owner(meeting: tuple[Store, int]) -> None:
    store, meeting_id = meeting
    a = _highlight(store, meeting_id, note="Who holds the risk?", colour="green")
    assert a.id is not None and a.item_id == _item(store, meeting_id, "3")
    assert (a.quote, a.colour, a.kind, a.rects) == (
        HIGHLIGHTED,
        "green",
        AnnotationKind.HIGHLIGHT,
        ((231.0, 72.0, 380.0, 82.0),),
    )
    assert a.prefix.endswith("approve the") and a.suffix.startswith("with the councils")
    assert a.anchored_sha256 == store.meeting(meeting_id).pack_sha256 and a.created_at is not None

    notes.set_raise(store, a.id, OWNER, True)
    notes.edit_note(store, a.id, OWNER, "Which council holds the risk?")
    with pytest.raises(notes.AnnotationError, match="only its owner"):
        notes.edit_note(store, a.id, "Someone Else", "mine now")
    with pytest.raises(notes.AnnotationError, match="Select some words"):
        notes.annotate(store, meeting_id, OWNER, AnnotationKind.HIGHLIGHT, 5)
    audit = [e.action for e in store.audit_entries() if e.entity == "annotation" and e.entity_id == a.id]
    assert audit == ["create", "edit", "edit"]

    (question,) = notes.questions_for_item(store, _item(store, meeting_id, "3"))
    assert (question.owner, question.text, question.quote, question.page) == (
        OWNER,
        "Which council holds the risk?",
        HIGHLIGHTED,
        5,
    )
    assert notes.questions_for_item(store, _item(store, meeting_id, "2")) == []
    assert notes.member_annotations(store, meeting_id, "Someone Else") == []
    notes.delete(store, a.id, OWNER)
    assert notes.member_annotations(store, meeting_id, OWNER) == []


def test_search_includes_only_the_members_own_notes(meeting: tuple[Store, int]) -> None:
    store, meeting_id = meeting
    _highlight(store, meeting_id, note="Ask about the Luton pooled budget")
    item = _item(store, meeting_id, "2")
    notes.annotate(store, meeting_id, "Other", AnnotationKind.ITEM_NOTE, 3, note="Luton again", item_id=item)
    mine = notes.search(store, "luton", OWNER)
    assert [(h.kind, h.page, h.annotation_id is not None) for h in mine] == [("note", 5, True)]
    assert commands.search(store, "luton") == []  # nobody is reading on this device yet
    notes.choose_member(store, "Other")
    assert [h.snippet for h in commands.search(store, "luton")] == ["\u27e6Luton\u27e7 again"]


def test_notes_json_round_trip_into_another_copy_of_quorate(meeting: tuple[Store, int], tmp_path: Path) -> None:
    store, meeting_id = meeting
    _highlight(store, meeting_id, note="Which council holds the risk?", raise_at_meeting=True)
    notes.annotate(
        store, meeting_id, OWNER, AnnotationKind.NOTE, 3, rects=((100.0, 200.0, 100.0, 200.0),), note="Deficit?"
    )
    out = notes.export_notes_json(store, meeting_id, OWNER, tmp_path / "jane.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "quorate-annotations" and data["owner"] == OWNER and len(data["annotations"]) == 2

    secretary = Store.open(tmp_path / "b" / "quorate.db")  # another computer, the same pack
    same = tmp_path / "same.pdf"
    shutil.copy(tmp_path / "pack.pdf", same)
    other = commands.import_pack(secretary, same)
    assert other.id is not None
    notes.choose_member(secretary, "Someone Else")
    claimed = notes.import_notes_json(secretary, other.id, out)  # the file's owner is only a name: not trusted
    assert (claimed.owner, claimed.exported_by, claimed.added) == ("Someone Else", OWNER, 2)
    assert notes.member_annotations(secretary, other.id, OWNER) == []
    result = notes.import_notes_json(secretary, other.id, out, importer=OWNER)  # the member on their other computer
    assert (result.owner, result.added, result.already_there, result.exported_by) == (OWNER, 2, 0, OWNER)
    imported = {a.quote or a.note: a for a in notes.member_annotations(secretary, other.id, OWNER)}
    original = {a.quote or a.note: a for a in notes.member_annotations(store, meeting_id, OWNER)}
    for key, a in original.items():
        b = imported[key]
        assert (b.page, b.kind, b.note, b.rects, b.prefix, b.suffix, b.raise_at_meeting) == (
            a.page,
            a.kind,
            a.note,
            a.rects,
            a.prefix,
            a.suffix,
            a.raise_at_meeting,
        )
        assert b.item_id == _item(secretary, other.id, "3" if a.page == 5 else "2")
    raised = notes.questions_for_item(secretary, _item(secretary, other.id, "3"))
    assert [q.text for q in raised] == ["Which council holds the risk?"] * 2  # both importers raise it now
    again = notes.import_notes_json(secretary, other.id, out, importer=OWNER)
    assert (again.added, again.already_there) == (0, 2)
    secretary.close()


def test_the_audit_log_keeps_that_a_note_was_deleted_not_its_words(meeting: tuple[Store, int]) -> None:
    store, meeting_id = meeting
    secret = "Zygomorphic doubts about the chief executive"
    made = notes.annotate(store, meeting_id, OWNER, AnnotationKind.NOTE, 3, rects=((1.0, 2.0, 3.0, 4.0),), note=secret)
    assert made.id is not None
    notes.edit_note(store, made.id, OWNER, secret + " and the auditors")
    notes.delete(store, made.id, OWNER)
    logged = [e for e in store.audit_entries() if e.entity == "annotation" and e.entity_id == made.id]
    assert [e.action for e in logged] == ["create", "edit", "delete"]
    assert all("Zygomorphic" not in (e.before or "") + (e.after or "") for e in logged)
    assert '"owner": "' + OWNER in (logged[0].after or "") and '"note"' in (logged[1].before or "")  # which field
    assert store.verify_audit_chain() == []
    assert check_store(store).ok
    assert store.path is not None
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"Zygomorphic" not in store.path.read_bytes()  # overwritten, not left in a free page


def _snapshot(store: Store) -> tuple[int, int]:
    count = store.conn.execute("SELECT count(*) FROM annotation").fetchone()[0]
    return count, len(store.audit_entries())


def test_an_import_for_another_pack_or_a_damaged_file_is_refused_and_changes_nothing(
    meeting: tuple[Store, int], tmp_path: Path
) -> None:
    store, meeting_id = meeting
    _highlight(store, meeting_id, note="Mine")
    out = notes.export_notes_json(store, meeting_id, OWNER, tmp_path / "jane.json")
    other = commands.import_pack(store, build_pack(tmp_path / "other.pdf", inserted=1))
    assert other.id is not None
    before = _snapshot(store)
    with pytest.raises(notes.AnnotationFileError, match=r"different pack.*nothing was imported"):
        notes.import_notes_json(store, other.id, out)

    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(out.read_bytes()[:-40])
    with pytest.raises(notes.AnnotationFileError, match="damaged; nothing was imported"):
        notes.import_notes_json(store, meeting_id, damaged)
    not_notes = tmp_path / "minutes.json"
    not_notes.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(notes.AnnotationFileError, match="not a Quorate annotations file"):
        notes.import_notes_json(store, meeting_id, not_notes)
    bad_entry = json.loads(out.read_text(encoding="utf-8"))
    bad_entry["annotations"].append({"page": "x"})
    half = tmp_path / "half.json"
    half.write_text(json.dumps(bad_entry), encoding="utf-8")
    with pytest.raises(notes.AnnotationFileError):
        notes.import_notes_json(store, meeting_id, half)
    assert _snapshot(store) == before


def test_notes_pdf_lists_questions_by_item(meeting: tuple[Store, int], tmp_path: Path) -> None:
    store, meeting_id = meeting
    _highlight(store, meeting_id, note="Which council holds the risk?", raise_at_meeting=True)
    finance = _item(store, meeting_id, "2")
    notes.annotate(
        store,
        meeting_id,
        OWNER,
        AnnotationKind.ITEM_NOTE,
        3,
        note="Is the deficit recoverable?",
        item_id=finance,
        raise_at_meeting=True,
    )
    notes.annotate(store, meeting_id, OWNER, AnnotationKind.ITEM_NOTE, 3, note="Background only", item_id=finance)
    out = notes.export_notes_pdf(store, meeting_id, OWNER, tmp_path / "notes.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    questions = text[text.index("Questions to raise at the meeting (2)") : text.index("All notes and highlights")]
    assert questions.index("2 Finance report") < questions.index("Is the deficit recoverable?")
    assert questions.index("Is the deficit recoverable?") < questions.index("3 Section 75 agreements")
    assert questions.index("3 Section 75 agreements") < questions.index("Which council holds the risk?")
    assert "Background only" not in questions and "Background only" in text
    assert "CONFIDENTIAL" not in text


def _yellow_share(png: Path, rect: tuple[float, float, float, float]) -> float:
    """The share of pixels inside a rect (points, at 72 dpi = pixels) that are highlighter yellow."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    x0, y0, x1, y1 = (int(v) for v in rect)
    cells = [image.pixelColor(x, y) for x in range(x0 + 1, x1 - 1) for y in range(y0 + 1, y1 - 1)]
    yellow = [c for c in cells if c.red() > 230 and c.green() > 210 and c.blue() < 200]
    return len(yellow) / max(1, len(cells))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_annotated_pack_shows_the_highlight_in_poppler(meeting: tuple[Store, int], tmp_path: Path) -> None:
    store, meeting_id = meeting
    highlight = _highlight(store, meeting_id, note="Which council holds the risk?")
    pack = store.conn.execute("SELECT stored_name FROM pack_file").fetchone()[0]
    kept = tmp_path / "a" / "packs" / pack
    before = kept.read_bytes()
    out = notes.export_annotated_pack(store, meeting_id, OWNER, tmp_path / "annotated.pdf")
    assert kept.read_bytes() == before  # the pack file itself is never written to
    subprocess.run(["pdftoppm", "-r", "72", "-f", "5", "-l", "5", "-png", str(out), str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p*.png")
    assert _yellow_share(png, highlight.rects[0]) > 0.4  # the words sit on highlighter yellow
    assert _yellow_share(png, (60.0, 120.0, 300.0, 140.0)) == 0  # the rest of the page is untouched
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Which council holds the risk?" in text and HIGHLIGHTED in text


def test_part_two_exports_need_an_explicit_flag_and_carry_the_band(meeting: tuple[Store, int], tmp_path: Path) -> None:
    store, meeting_id = meeting
    section75 = _item(store, meeting_id, "3")
    store.conn.execute("UPDATE agenda_item SET part = ? WHERE id = ?", (int(Part.TWO), section75))
    _highlight(store, meeting_id, note="Confidential question", raise_at_meeting=True)
    for export in (notes.export_notes_pdf, notes.export_notes_json, notes.export_annotated_pack):
        target = tmp_path / f"{export.__name__}.out"
        with pytest.raises(notes.ConfidentialExport, match="confidential"):
            export(store, meeting_id, OWNER, target)
        assert not target.exists()
    pdf = notes.export_notes_pdf(store, meeting_id, OWNER, tmp_path / "notes.pdf", include_part2=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "CONFIDENTIAL" in text
    packed = notes.export_annotated_pack(store, meeting_id, OWNER, tmp_path / "pack.pdf", include_part2=True)
    page5 = subprocess.run(["pdftotext", "-f", "5", "-l", "5", str(packed), "-"], capture_output=True, text=True)
    page2 = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(packed), "-"], capture_output=True, text=True)
    assert "CONFIDENTIAL" in page5.stdout and "CONFIDENTIAL" not in page2.stdout
    data = json.loads(
        notes.export_notes_json(store, meeting_id, OWNER, tmp_path / "n.json", include_part2=True).read_text()
    )
    assert data["confidential"] is True and data["annotations"][0]["part"] == 2


def test_unplaced_annotations_are_listed_then_placed_by_the_member(meeting: tuple[Store, int], tmp_path: Path) -> None:
    from app import packs
    from app.commands.revise import revise_meeting

    store, meeting_id = meeting
    gone = _highlight(store, meeting_id, DELETED)
    revise_meeting(store, meeting_id, packs.read_pack(build_pack(tmp_path / "rev.pdf", inserted=2, drop=DELETED)))
    (unplaced,) = notes.unplaced(store, meeting_id, OWNER)
    assert unplaced.id == gone.id and unplaced.orphaned
    placed = notes.place(store, unplaced.id or 0, OWNER, 7)
    assert (placed.page, placed.orphaned, placed.item_id) == (7, False, _item(store, meeting_id, "3"))
    assert notes.unplaced(store, meeting_id, OWNER) == []
    with pytest.raises(notes.AnnotationError, match="no page 99"):
        notes.place(store, unplaced.id or 0, OWNER, 99)


def test_a_schema_5_database_migrates_its_annotations(tmp_path: Path) -> None:
    path = tmp_path / "quorate.db"
    old = open_database(path, upto=5)
    old.executescript(
        f"""
        INSERT INTO body (id, name) VALUES (1, 'Board');
        INSERT INTO meeting (id, body_id, title, pack_sha256, created_at)
            VALUES (1, 1, 'September', '{"ab" * 32}', '2023-09-01T10:00:00');
        INSERT INTO agenda_item (id, meeting_id, position, number, title) VALUES (1, 1, 0, '1', 'Opening');
        INSERT INTO annotation (meeting_id, item_id, owner, page, quote, note, raise_at_meeting)
            VALUES (1, 1, 'JA', 1, 'Heron meadow', 'Ask about the heron survey', 1);
        """
    )
    old.commit()
    assert schema_version(old) == 5
    old.close()

    store = Store.open(path)
    assert schema_version(store.conn) >= 6
    (a,) = notes.member_annotations(store, 1, "JA")
    assert (a.kind, a.rects, a.char_start, a.anchored_sha256, a.raise_at_meeting) == (
        AnnotationKind.HIGHLIGHT,
        (),
        -1,
        "ab" * 32,
        True,
    )
    assert [q.text for q in notes.questions_for_item(store, 1)] == ["Ask about the heron survey"]
    assert [h.kind for h in notes.search(store, "heron survey", "JA")] == ["note"]
    with pytest.raises(driver.IntegrityError):
        store.conn.execute("UPDATE annotation SET kind = 'scribble'")
    store.close()
    assert list(tmp_path.glob("quorate.db.v5-*bak")), "the schema 5 file is backed up before migrating"
