"""The reader (issue 7): select words on a PDF page and highlight them, add a note, reopen, and keep both on the
same words through a revised pack; what a revision cannot place is listed, never dropped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app import commands, packs
from app.commands import notes
from app.commands.revise import revise_meeting
from app.domain import Part
from app.domain.annotations import AnnotationKind
from app.storage import Store
from app.ui.reader import ReaderWindow
from app.ui.reader_pdf import PdfPackView
from app.ui.reader_text import TextPackView

ITEMS = [("1", "Welcome and apologies"), ("2", "Finance report"), ("3", "Section 75 agreements")]
PAPER = [
    "The Board is asked to approve the five Section 75 agreements with the councils.",
    "The pooled budget for 2023/24 is held by the council as host.",
    "Risks are shared in proportion to contributions.",
]
HIGHLIGHTED = "five Section 75 agreements"
DELETED = "pooled budget for 2023/24"


def build_pack(out: Path, inserted: int = 0, drop: str | None = None) -> Path:
    """A bookmarked PDF pack: agenda, three papers; `inserted` late pages before the third paper."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=A4)
    height = A4[1]

    def page(lines: list[str], mark: tuple[str, str] | None = None) -> None:
        if mark is not None:
            canvas.bookmarkPage(f"item-{mark[0]}", fit="XYZ", left=0, top=height, zoom=0)
            canvas.addOutlineEntry(f"{mark[0]} {mark[1]}", f"item-{mark[0]}", level=0)
        text = canvas.beginText(60, height - 80)
        text.setFont("Helvetica", 11)
        for line in lines:
            text.textLine(line)
        canvas.drawText(text)
        canvas.showPage()

    page(["Board of Test", "Meeting in public, 29 September 2023", "Agenda", *[f"{n}. {t}" for n, t in ITEMS]])
    page(["Apologies were received from two members."], ITEMS[0])
    page(["The finance report shows a deficit of 6.7m against plan.", "Members are asked to note it."], ITEMS[1])
    page(["Recovery actions continue in every directorate."])
    for n in range(inserted):
        page([f"Late addendum, page {n + 1}."])
    page([line for line in PAPER if drop is None or drop not in line], ITEMS[2])
    canvas.save()
    return out


@pytest.fixture
def data(tmp_path: Path) -> Iterator[tuple[Store, int]]:
    store = Store.open(tmp_path / "data" / "quorate.db")
    meeting = commands.import_pack(store, build_pack(tmp_path / "pack.pdf"))
    assert meeting.id is not None
    yield store, meeting.id
    store.close()


def _open(qtbot: QtBot, store: Store, meeting_id: int) -> ReaderWindow:
    reader = ReaderWindow(store, meeting_id, owner="Jane Member")
    qtbot.addWidget(reader)
    reader.resize(1300, 900)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def _item(store: Store, meeting_id: int, number: str) -> int:
    item_id = next(i.id for i in store.items(meeting_id) if i.number.rstrip(".") == number)
    assert item_id is not None
    return item_id


def _drag_across(qtbot: QtBot, reader: ReaderWindow, page: int, words: str) -> None:
    """Press, move and release the mouse across `words` on a page, as a member selects them."""
    view = reader.view
    assert isinstance(view, PdfPackView)
    reader.go_to_page(page)
    start = view.page_text(page).find(words)
    assert start >= 0
    (x0, y0, x1, y1), *_ = view.rects_at(page, start, start + len(words))
    middle = (y0 + y1) / 2
    begin, end = view.viewport_point(page, x0 + 0.5, middle), view.viewport_point(page, x1 - 0.5, middle)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    QTest.mouseMove(viewport, QPoint((begin.x() + end.x()) // 2, begin.y()))
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def _words_under(reader: ReaderWindow, page: int, rects: tuple[tuple[float, float, float, float], ...]) -> str:
    """The words of a page the rects cover, read back from the PDF: the highlight is on these words."""
    view = reader.view
    assert isinstance(view, PdfPackView)
    from PySide6.QtCore import QPointF

    (x0, y0, _x1, _y1), (_a, _b, x1, y1) = rects[0], rects[-1]
    selection = view.pdf.getSelection(page - 1, QPointF(x0 + 0.5, (y0 + y1) / 2), QPointF(x1 - 0.5, (y0 + y1) / 2))
    return " ".join(selection.text().split())


def test_highlight_and_note_survive_reopening_and_a_revised_pack(
    qtbot: QtBot, data: tuple[Store, int], tmp_path: Path
) -> None:
    store, meeting_id = data
    reader = _open(qtbot, store, meeting_id)
    assert isinstance(reader.view, PdfPackView)
    section75 = _item(store, meeting_id, "3")
    reader.open_item(section75)
    assert reader.current_page() == 5
    assert reader.page_label.text().startswith("Pack p. 5 of 5 · Item 3 Section 75 agreements · paper p. 1")

    _drag_across(qtbot, reader, 5, HIGHLIGHTED)
    selection = reader.view.selection()
    assert selection is not None and " ".join(selection.text.split()) == HIGHLIGHTED
    reader.highlight_action.trigger()
    (highlight,) = reader.annotations()
    assert (highlight.kind, highlight.quote, highlight.page, highlight.item_id) == (
        AnnotationKind.HIGHLIGHT,
        HIGHLIGHTED,
        5,
        section75,
    )
    assert highlight.prefix.endswith("asked to approve the") and highlight.suffix.startswith("with the councils")

    # A note on the highlight, typed in the side pane, flagged to raise at the meeting.
    qtbot.keyClicks(reader.panel.editor, "Which council holds the risk?")
    reader.panel.raise_box.setChecked(True)
    qtbot.mouseClick(reader.panel.save_button, Qt.MouseButton.LeftButton)
    # And a second highlight, on words the revised pack will no longer have.
    _drag_across(qtbot, reader, 5, DELETED)
    reader.highlight_in("green")
    assert len(reader.annotations()) == 2
    assert [q.text for q in notes.questions_for_item(store, section75)] == ["Which council holds the risk?"]
    reader.close()

    again = _open(qtbot, store, meeting_id)
    by_quote = {a.quote: a for a in again.annotations()}
    kept = by_quote[HIGHLIGHTED]
    assert (kept.note, kept.raise_at_meeting, kept.page) == ("Which council holds the risk?", True, 5)
    assert kept.colour == "yellow"
    assert kept.rects == highlight.rects
    assert _words_under(again, 5, kept.rects) == HIGHLIGHTED
    assert by_quote[DELETED].colour == "green"
    again.open_item(section75)
    assert "Which council holds the risk?" in again.panel.notes.item(0).text() + again.panel.notes.item(1).text()
    again.close()

    # The revised pack: two pages inserted before the paper, and one sentence of it deleted.
    revised = packs.read_pack(build_pack(tmp_path / "revised.pdf", inserted=2, drop=DELETED))
    report = revise_meeting(store, meeting_id, revised)
    assert [a.quote for a in report.annotations_orphaned] == [DELETED]

    third = _open(qtbot, store, meeting_id)
    qtbot.waitUntil(lambda: all(a.anchored_sha256 == revised.sha256 for a in third.annotations() if not a.orphaned))
    moved = next(a for a in third.annotations() if a.quote == HIGHLIGHTED)
    assert moved.page == 7 and not moved.orphaned
    assert _words_under(third, 7, moved.rects) == HIGHLIGHTED
    assert moved.note == "Which council holds the risk?"
    # The deleted sentence's highlight is kept and listed for the member to place or discard.
    assert third.panel.unplaced_box.isVisibleTo(third)
    (unplaced_id,) = third.panel.unplaced_ids()
    assert notes.annotation(store, unplaced_id).quote == DELETED
    assert "pooled budget" in third.panel.unplaced.item(0).text()
    third.go_to_page(7)
    third.discard_unplaced()
    assert not third.panel.unplaced_box.isVisibleTo(third)
    assert [a.quote for a in third.annotations()] == [HIGHLIGHTED]


def test_reader_follows_the_agenda_finds_in_the_paper_and_adds_notes(qtbot: QtBot, data: tuple[Store, int]) -> None:
    store, meeting_id = data
    reader = _open(qtbot, store, meeting_id)
    finance = _item(store, meeting_id, "2")
    reader.go_to_page(4)
    assert reader.current_item() is not None and reader.current_item().id == finance  # type: ignore[union-attr]
    assert "Item 2 Finance report · paper p. 2 of 2" in reader.page_label.text()
    assert not reader.band.isVisibleTo(reader)

    reader.find_field.setText("directorate")
    assert reader.find_next()
    assert reader.find_state.text() == "1 of 1 in this paper"
    reader.find_field.setText("councils")  # in another paper, not this one
    assert not reader.find_next()

    reader.step_item(1)
    assert reader.current_page() == 5
    reader.set_tool("note")
    QTest.mouseClick(reader.view.viewport(), Qt.MouseButton.LeftButton, pos=reader.view.viewport_point(5, 300, 200))  # type: ignore[union-attr]
    qtbot.keyClicks(reader.panel.editor, "Ask for the risk-share table")
    reader.save_note()
    item_note = reader.add_item_note("Compare with last year's agreements", raise_at_meeting=True)
    kinds = sorted(a.kind.value for a in reader.annotations())
    assert kinds == ["item_note", "note"]
    sticky = next(a for a in reader.annotations() if a.kind is AnnotationKind.NOTE)
    assert sticky.page == 5 and sticky.rects and abs(sticky.rects[0][0] - 300) < 3
    assert item_note.item_id == _item(store, meeting_id, "3")

    reader.set_night(True)
    reader.view.zoom_by(1.5)
    reader.view.fit_width()
    assert reader.current_page() == 5

    # Another member sees none of these notes.
    reader.set_owner("Other Member")
    assert reader.annotations() == []
    hits = commands.search(store, "risk-share")  # search includes the notes of the member reading now
    assert hits == []
    reader.set_owner("Jane Member")
    assert [h.kind for h in commands.search(store, "risk-share")] == ["note"]


def test_part_two_papers_show_a_confidential_band_and_exports_ask(
    qtbot: QtBot, data: tuple[Store, int], tmp_path: Path
) -> None:
    store, meeting_id = data
    section75 = _item(store, meeting_id, "3")
    store.conn.execute("UPDATE agenda_item SET part = ? WHERE id = ?", (int(Part.TWO), section75))
    reader = _open(qtbot, store, meeting_id)
    reader.open_item(section75)
    assert reader.band.isVisibleTo(reader) and "CONFIDENTIAL" in reader.band.text()
    reader.add_item_note("Confidential question", raise_at_meeting=True)

    asked: list[str] = []
    reader.confirm_part2 = lambda what: asked.append(what) or False  # type: ignore[method-assign]
    assert reader.export_notes_pdf(tmp_path / "notes.pdf") is None
    assert asked and not (tmp_path / "notes.pdf").exists()
    reader.confirm_part2 = lambda what: True  # type: ignore[method-assign]
    assert reader.export_notes_pdf(tmp_path / "notes.pdf") == tmp_path / "notes.pdf"
    assert reader.export_annotated(tmp_path / "annotated.pdf") == tmp_path / "annotated.pdf"


def test_a_text_pack_is_read_page_by_page_and_highlighted(qtbot: QtBot, tmp_path: Path, demo_pack: Path) -> None:
    store = Store.open(tmp_path / "data" / "quorate.db")
    meeting = commands.import_pack(store, demo_pack)
    assert meeting.id is not None
    reader = _open(qtbot, store, meeting.id)
    assert isinstance(reader.view, TextPackView)
    page = next(i.first_page for i in store.items(meeting.id) if i.first_page and i.first_page > 3)
    assert page is not None
    reader.go_to_page(page)
    text = reader.view.page_text(page)
    start = len(text) // 3
    start = text.index(" ", start) + 1
    end = text.index(" ", start + 25)
    reader.view.select_span(page, start, end)
    created = reader.mark(AnnotationKind.UNDERLINE)
    assert created is not None and created.quote == " ".join(text[start:end].split())
    assert reader.view.span_of(created) == (start, end)
    reader.close()
    again = _open(qtbot, store, meeting.id)
    assert [a.quote for a in again.annotations()] == [created.quote]
    store.close()


def test_page_sizes_are_read_once_per_document_not_on_every_resize(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 20: each resize or zoom laid the pages out again asking PDFium for every page's size (a 1,000-page
    pack, 1,000 calls each time); the sizes are read once per document and each layout is made from them."""
    view = PdfPackView()
    qtbot.addWidget(view)
    assert view.open(build_pack(tmp_path / "pack.pdf", inserted=20).read_bytes())
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    sizes = view.page_points()
    assert len(sizes) == view.page_count() == 25
    layouts = [view.page_rects()]
    for width in (700, 1100):
        view.resize(width, 700)
        qtbot.waitUntil(lambda: view.page_rects() is not layouts[-1])
        layouts.append(view.page_rects())
    assert layouts[1][0].width() < layouts[0][0].width() < layouts[2][0].width()  # laid out again each time
    assert view.page_points() is sizes  # from the sizes read when the pack was opened
    assert view.open(build_pack(tmp_path / "other.pdf").read_bytes())
    assert len(view.page_points()) == view.page_count() == 5  # another document: its own sizes
    view.release()
