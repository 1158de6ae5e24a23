"""A paper tabled on the day, attached in review, is kept in the library, linked to its item and searchable."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from app import commands, packs
from app.commands.revise import revise_meeting
from app.packs import DraftPack, PackError
from app.storage import Store, driver, library
from app.storage.connection import open_database, schema_version

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo-pack-icb-2023-09-29.txt"


@pytest.fixture(scope="module")
def demo_draft() -> DraftPack:
    return packs.read_pack(DEMO)


def _position(draft: DraftPack, number: str) -> int:
    return next(i for i, item in enumerate(draft.items) if item.number.rstrip(".") == number)


def _pdf(path: Path, pages: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        pdf.drawString(72, 760, text)
        pdf.showPage()
    pdf.save()
    return path


def test_a_tabled_pdf_is_kept_linked_to_its_item_and_found_after_a_restart(
    tmp_path: Path, demo_draft: DraftPack
) -> None:
    data = tmp_path / "data"
    paper = _pdf(tmp_path / "places-report.pdf", ["Reports from Places", "Brackenstow pool reopening"])
    store = Store.open(data / "quorate.db")
    at = _position(demo_draft, "8.1")
    result = commands.accept_reviewed(store, demo_draft, tabled_papers={at: paper})
    meeting_id = result.meeting.id
    assert meeting_id is not None
    item_id = next(i.id for i in store.items(meeting_id) if i.number.rstrip(".") == "8.1")
    store.close()

    store = Store.open(data / "quorate.db")  # as after a restart
    (kept,) = library.tabled_papers(store, meeting_id)
    assert (kept.item_id, kept.original_name, kept.pages) == (item_id, "places-report.pdf", 2)
    sha = hashlib.sha256(paper.read_bytes()).hexdigest()
    assert kept.sha256 == sha
    copy = library.packs_dir(data) / f"{sha}.pdf"
    assert copy.read_bytes() == paper.read_bytes()
    assert library.verify_tabled_paper(store, data, kept.id).ok
    paper.unlink()  # the original may go: the library has its copy
    (hit,) = commands.search(store, "brackenstow")
    assert (hit.kind, hit.meeting_id, hit.item_id, hit.page, hit.paper_id) == (
        "tabled",
        meeting_id,
        item_id,
        2,
        kept.id,
    )
    assert any(e.entity == "tabled_paper" and e.entity_id == kept.id for e in store.audit_entries())
    store.close()


def test_text_and_word_papers_are_indexed_and_a_revised_pack_keeps_them(tmp_path: Path, demo_draft: DraftPack) -> None:
    import docx

    note = tmp_path / "chair-note.txt"
    note.write_text("Chair's note on the kingfisher ward closure\fSecond page on staffing", encoding="utf-8")
    word = tmp_path / "finance-update.docx"
    document = docx.Document()
    document.add_paragraph("Month six forecast for the quayside estate")
    document.save(str(word))
    store = Store.open(tmp_path / "data" / "quorate.db")
    result = commands.accept_reviewed(
        store,
        demo_draft,
        tabled_papers={_position(demo_draft, "3"): note, _position(demo_draft, "7.3"): str(word)},
    )
    meeting_id = result.meeting.id
    assert meeting_id is not None
    assert [p.pages for p in result.tabled] == [2, 1]
    assert [h.kind for h in commands.search(store, "kingfisher")] == ["tabled"]
    assert [h.kind for h in commands.search(store, "quayside")] == ["tabled"]

    revised_path = tmp_path / "revised.txt"
    revised_path.write_bytes(Path(demo_draft.source_path).read_bytes() + b"\nRevised.\n")
    revised = dataclasses.replace(
        demo_draft, source_path=str(revised_path), sha256=hashlib.sha256(revised_path.read_bytes()).hexdigest()
    )
    revise_meeting(store, meeting_id, revised)
    assert len(library.tabled_papers(store, meeting_id)) == 2
    assert [h.kind for h in commands.search(store, "kingfisher")] == ["tabled"]
    store.close()


def test_a_failed_save_leaves_no_copy_and_no_rows(
    tmp_path: Path, demo_draft: DraftPack, monkeypatch: pytest.MonkeyPatch
) -> None:
    paper = tmp_path / "late-paper.txt"
    paper.write_text("A paper that never makes it", encoding="utf-8")
    data = tmp_path / "data"
    store = Store.open(data / "quorate.db")

    def fail(*_args: object, **_kwargs: object) -> int:
        raise driver.OperationalError("disk I/O error")

    monkeypatch.setattr(library, "record_tabled_paper", fail)
    with pytest.raises(driver.OperationalError):
        commands.accept_reviewed(store, demo_draft, tabled_papers={0: paper})
    assert store.meetings() == []
    assert list(library.packs_dir(data).iterdir()) == []
    assert commands.search(store, "never") == []
    store.close()


def test_a_missing_paper_is_refused_before_anything_is_written(tmp_path: Path, demo_draft: DraftPack) -> None:
    store = Store.open(tmp_path / "data" / "quorate.db")
    with pytest.raises(PackError, match="could not be found"):
        commands.accept_reviewed(store, demo_draft, tabled_papers={0: tmp_path / "gone.pdf"})
    assert store.meetings() == []
    store.close()


def test_an_unreadable_paper_is_kept_with_a_warning(tmp_path: Path, demo_draft: DraftPack) -> None:
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    store = Store.open(tmp_path / "data" / "quorate.db")
    result = commands.accept_reviewed(store, demo_draft, tabled_papers={1: scan})
    assert [p.pages for p in result.tabled] == [0]
    assert any("scan.jpg" in w and "will not be found by search" in w for w in result.warnings)
    store.close()


def test_a_schema_4_database_migrates_keeping_its_records(tmp_path: Path) -> None:
    path = tmp_path / "quorate.db"
    old = open_database(path, upto=4)
    old.executescript(
        """
        INSERT INTO body (id, name) VALUES (1, 'Board');
        INSERT INTO meeting (id, body_id, title, created_at) VALUES (1, 1, 'September', '2023-09-01T10:00:00');
        INSERT INTO agenda_item (id, meeting_id, position, number, title) VALUES (1, 1, 0, '1', 'Opening');
        INSERT INTO pack_page (meeting_id, page, text) VALUES (1, 1, 'Heron meadow business case');
        INSERT INTO annotation (meeting_id, item_id, owner, page, quote) VALUES (1, 1, 'JA', 1, 'Heron meadow');
        """
    )
    old.commit()
    assert schema_version(old) == 4
    old.close()

    store = Store.open(path)
    assert schema_version(store.conn) >= 5
    row = store.conn.execute("SELECT page, quote, orphaned FROM annotation").fetchone()
    assert tuple(row) == (1, "Heron meadow", 0)
    assert [h.kind for h in commands.search(store, "heron")] == ["pack"]
    assert library.tabled_papers(store, 1) == []
    with pytest.raises(driver.IntegrityError):
        store.conn.execute("UPDATE annotation SET orphaned = 2")
    store.close()
    assert list(tmp_path.glob("quorate.db.v4-*bak")), "the schema 4 file is backed up before migrating"
