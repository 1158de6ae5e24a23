"""PDFium reads PDF packs; its layout text is rebuilt to match pypdf's layout mode, which stays as the fallback.

Every PDF built here is read both ways: the layout text of every page, the bookmarks and the whole `DraftPack`
(items, pages, people, interests, actions, planner, papers, meeting) must be identical.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from app import paths
from app.bench import build_pdf_pack
from app.packs import PackError, read_pack
from app.packs import pdf as pdf_module
from app.packs import reader as reader_module
from app.packs.pdf import EngineFailed, PdfiumDocument, PypdfDocument, TextRun, layout_text, open_document
from tests.unit.test_packs_pdf import AGENDA, make_pdf

_ROWS = 34  # lines per page in `make_pdf` (22 pt apart from 60 pt below the top of A4)


def _demo_lines() -> list[str]:
    """The demo pack's lines in WinAnsi. Its bullets become dashes: pypdf decodes the standard fonts' bullet
    (0x95) as U+007F, PDFium as the bullet it is (see `test_pdfium_decodes_the_bullet_that_pypdf_does_not`)."""
    text = paths.demo_pack().read_text(encoding="utf-8").replace("\u2022", "-")
    return [line.encode("cp1252", "replace").decode("cp1252") for line in text.splitlines()]


def _demo_table_pdf(path: Path, bookmarked: bool) -> Path:
    """The demo pack drawn like a Word table: each tab-separated cell in its column, cut to fit it.

    Nothing is drawn on top of other text or off the page: PDFium's text page leaves out characters drawn
    twice in one place (fake bold) and beyond the page, pypdf keeps them. Cells of spaces are not drawn:
    pypdf keeps a text object of spaces as a line of its own only when it ends a BT ... ET block, which PDFium
    does not show; `layout_text` keeps one only when it is drawn last (the bench pack's case).
    """
    stops = (40, 95, 250, 330, 420, 480, 560)
    lines = _demo_lines()
    pages = [lines[i : i + _ROWS] for i in range(0, len(lines), _ROWS)]
    marks: list[tuple[str, int]] = []
    if bookmarked:
        draft = read_pack(paths.demo_pack())
        marks = [(f"{item.number} {item.title}", 3 + n) for n, item in enumerate(draft.items[: len(pages) - 3])]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for index, page in enumerate(pages):
        for row, line in enumerate(page):
            cells_ = line.split("\t")
            for n, cell in enumerate(cells_[: len(stops) - 1]):
                room = (stops[-1] if n == len(cells_) - 1 else stops[n + 1] - 8) - stops[n]
                while cell and pdf.stringWidth(cell, "Helvetica", 9) > room:
                    cell = cell[:-1]
                if cell.strip():
                    pdf.setFont("Helvetica", 9)
                    pdf.drawString(stops[n], A4[1] - 60 - 22 * row, cell)
        for n, (title, page_index) in enumerate(marks):
            if page_index == index:
                pdf.bookmarkPage(f"b{n}", fit="XYZ", left=0, top=A4[1], zoom=0)
                pdf.addOutlineEntry(title, f"b{n}", level=0)
        pdf.showPage()
    pdf.save()
    return path


def _platypus_pdf(path: Path) -> Path:
    """A pack as a word processor lays it out: a table, justified paragraphs (word spacing), bold runs in a
    line, a second page, and a rotated watermark that layout text leaves out."""
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    body.alignment = 4  # justified: ReportLab spreads words with Tw
    rows = [["Time", "Item", "Lead", "Purpose"]] + [line.split("\t") for line in AGENDA[3:7]]
    story = [
        Paragraph("Example Trust", styles["Title"]),
        Paragraph("Board Meeting in Public - 8 December 2023", styles["Heading2"]),
        Paragraph("Agenda", styles["Heading3"]),
        Table(rows, colWidths=[2 * cm, 7 * cm, 4.5 * cm, 2.5 * cm]),
        Spacer(1, 12),
        Paragraph("Next meeting: 2 February 2024", body),
        Paragraph(
            "The Board is asked to <b>note</b> the report and to <i>approve</i> the revised "
            "terms of reference of the Audit Committee, which were discussed at length. " * 4,
            body,
        ),
    ]
    story += [Paragraph("Report to the: Board", body), Paragraph("Item: 3 Finance report", body)]

    def watermark(c: canvas.Canvas, _doc: object) -> None:
        c.saveState()
        c.translate(300, 400)
        c.rotate(45)
        c.drawString(0, 0, "DRAFT")
        c.restoreState()

    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=watermark, onLaterPages=watermark)
    return path


def _mixed_fonts_pdf(path: Path) -> Path:
    """Several text operators on one line in one text object (font changes mid-line), with gaps."""
    c = canvas.Canvas(str(path), pagesize=A4)
    text = c.beginText(50, 780)
    for parts in (
        [("Helvetica", "10:00"), ("Helvetica-Bold", "1. Welcome"), ("Helvetica", " and apologies")],
        [("Helvetica", "Chair:"), ("Times-Roman", "  Jane Smith")],
        [("Courier", "2. Budget"), ("Helvetica", "       Approve")],
    ):
        for font, words in parts:
            text.setFont(font, 11)
            text.textOut(words)
        text.textLine("")
    c.drawText(text)
    c.drawString(300, 700, "Right column")
    c.drawString(50, 700, "Left column")
    c.showPage()
    c.save()
    return path


def _pdfs(tmp: Path) -> dict[str, Path]:
    return {
        "agenda+bookmarks": make_pdf(
            tmp / "board.pdf",
            [AGENDA, ["Item: 1 Welcome"], ["Item: 3 Finance report"], ["Appendix A"], ["Item: 4"], ["more"]],
            [("Agenda", 0, 0), ("1. Welcome", 1, 0), ("3 Finance", 2, 0), ("Appendix A", 3, 1), ("4 - Quality", 4, 0)],
        ),
        "nested outline": make_pdf(
            tmp / "outline.pdf",
            [["Cover"], ["Budget paper"], ["Capital paper"], ["Annex"]],
            [("1 Apologies", 0, 0), ("2 Budget", 1, 0), ("2.1 Capital programme", 2, 1)],
        ),
        "cover sheets": make_pdf(
            tmp / "papers.pdf",
            [
                AGENDA,
                ["Report to the: Board", "Item: 1 Welcome and apologies"],
                ["Date: 8 December 2023", "Report to the: Board", "Item: 3 Finance report"],
                ["Finance, continued"],
                ["Date: 8 December 2023", "Agenda Item 4", "Quality report"],
            ],
        ),
        "bench pack": build_pdf_pack(tmp / "bench.pdf", pages=24),
        "demo as a table": _demo_table_pdf(tmp / "demo-table.pdf", bookmarked=False),
        "demo bookmarked": _demo_table_pdf(tmp / "demo-marked.pdf", bookmarked=True),
        "word processor": _platypus_pdf(tmp / "platypus.pdf"),
        "mixed fonts": _mixed_fonts_pdf(tmp / "mixed.pdf"),
    }


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _pdfs(tmp_path_factory.mktemp("pdfs"))


def _pypdf_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def pypdf(data: bytes, name: str, engine: str = "pypdf") -> pdf_module.PackDocument:
        return open_document(data, name, engine="pypdf")

    monkeypatch.setattr(reader_module, "open_document", pypdf)


@pytest.mark.parametrize(
    "which",
    [
        "agenda+bookmarks",
        "nested outline",
        "cover sheets",
        "bench pack",
        "demo as a table",
        "demo bookmarked",
        "word processor",
        "mixed fonts",
    ],
)
def test_pdfium_layout_text_and_outline_match_pypdf(pdfs: dict[str, Path], which: str) -> None:
    data = pdfs[which].read_bytes()
    fast = open_document(data, "x.pdf")
    slow = open_document(data, "x.pdf", engine="pypdf")
    try:
        assert isinstance(fast, PdfiumDocument) and isinstance(slow, PypdfDocument)
        assert fast.count == slow.count
        assert fast.bookmarks([]) == slow.bookmarks([])
        assert fast.title() == slow.title()
        ours = fast.texts(0, fast.count, fast.count, True, None, None)
        theirs = slow.texts(0, slow.count, slow.count, True, None, None)
        assert ours == theirs
    finally:
        fast.close()


@pytest.mark.parametrize(
    "which",
    [
        "agenda+bookmarks",
        "nested outline",
        "cover sheets",
        "bench pack",
        "demo as a table",
        "demo bookmarked",
        "word processor",
        "mixed fonts",
    ],
)
def test_read_pack_is_the_same_through_pdfium_and_pypdf(
    pdfs: dict[str, Path], which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if which == "mixed fonts":  # not a pack: the same one-sentence refusal both ways
        assert _both(pdfs[which], monkeypatch)[0] == _both(pdfs[which], monkeypatch)[1]
        return
    fast = read_pack(pdfs[which])
    _pypdf_only(monkeypatch)
    slow = read_pack(pdfs[which])
    assert fast == slow
    assert fast.items  # each of these is a pack
    if which == "demo as a table":  # every page is laid out: the people and the register are found in it
        assert fast.people and fast.interests


def test_a_page_pdfium_cannot_read_sends_the_whole_pack_to_pypdf(
    pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = read_pack(pdfs["agenda+bookmarks"])

    def broken(document: object, index: int) -> list[TextRun]:
        raise EngineFailed(f"page {index + 1} could not be loaded")

    monkeypatch.setattr(pdf_module, "_page_runs", broken)
    calls: list[tuple[int, int]] = []
    assert read_pack(pdfs["agenda+bookmarks"], progress=lambda d, t: calls.append((d, t))) == expected
    assert calls[-1] == (6, 6)


def _pypdf_writer_pdf(path: Path, pages: int, password: tuple[str, str] | None = None) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    if pages:
        source = PdfReader(make_pdf(path.with_suffix(".src.pdf"), [AGENDA] * pages))
        for page in source.pages:
            writer.add_page(page)
    if password is not None:
        writer.encrypt(user_password=password[0], owner_password=password[1], algorithm="AES-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The one-sentence error read_pack gives through PDFium, then through pypdf alone."""
    messages = []
    for force in (False, True):
        if force:
            _pypdf_only(monkeypatch)
        with pytest.raises(PackError) as caught:
            read_pack(path)
        messages.append(str(caught.value))
    return messages[0], messages[1]


def test_password_protected_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = _pypdf_writer_pdf(tmp_path / "locked.pdf", 1, ("secret", "owner"))
    assert _both(locked, monkeypatch) == ("locked.pdf is password-protected and cannot be imported.",) * 2


def test_a_pack_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    pack = read_pack(_pypdf_writer_pdf(tmp_path / "owner.pdf", 1, ("", "owner")))
    assert pack.meeting_title == "Board Meeting in Public - 8 December 2023" and len(pack.items) == 4


def test_a_pdf_without_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = _pypdf_writer_pdf(tmp_path / "empty.pdf", 0)
    assert _both(empty, monkeypatch) == ("empty.pdf could not be read: the PDF has no pages.",) * 2


@pytest.mark.parametrize("keep", [0.3, 0.5, 0.9])
def test_truncated_packs_are_refused_as_before(tmp_path: Path, keep: float, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [AGENDA, ["Item: 1"]] * 3).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: int(len(whole) * keep)])
    fast, slow = _both(cut, monkeypatch)
    assert fast == slow and fast.startswith("cut.pdf could not be read")


def test_a_pack_cut_inside_its_end_marker_is_read_by_pypdf_as_before(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [AGENDA, ["Item: 1"]])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes().rstrip()[:-1])  # "%%EO": pypdf reads it, with a warning in its log
    assert isinstance(open_document(cut.read_bytes(), "cut.pdf"), PypdfDocument)
    assert replace(read_pack(cut), source_path="", sha256="") == replace(read_pack(whole), source_path="", sha256="")


def test_image_only_and_junk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = make_pdf(tmp_path / "scan.pdf", [[], []])
    assert (
        _both(scan, monkeypatch)
        == ("scan.pdf has no text to read: it may be a scanned image without a text layer.",) * 2
    )
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100 + b"\n%%EOF\n")
    fast, slow = _both(junk, monkeypatch)
    assert fast == slow and fast.startswith("junk.pdf could not be read")


def test_the_fast_path_does_not_import_pypdf(pdfs: dict[str, Path]) -> None:
    code = (
        "import sys; from pathlib import Path; from app.packs import read_pack; "
        f"pack = read_pack(Path({str(pdfs['bench pack'])!r})); "
        "sys.exit(2 if not pack.items else 1 if 'pypdf' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- layout_text on its own ------------------------------------------------------------------------------------


def _run(x: float, y: float, text: str, size: float = 10.0) -> TextRun:
    width = size * 0.5  # a monospaced stand-in: half the size per character
    return TextRun(x, y, x + width * len(text), size, width, text)


def test_column_gaps_stay_two_spaces_or_more_and_word_gaps_one() -> None:
    text = layout_text([_run(50, 700, "10:00"), _run(100, 700, "1. Welcome"), _run(300, 700, "Chair")])
    assert text.split("  ")[0] == "10:00" and [c.strip() for c in text.split("  ") if c] == [
        "10:00",
        "1. Welcome",
        "Chair",
    ]
    joined = layout_text([_run(50, 700, "Welcome"), _run(50 + 5 * 7 + 5, 700, "back")])
    assert joined == "Welcome back"


def test_lines_run_top_down_with_blank_lines_for_gaps() -> None:
    runs = [_run(50, 600, "third"), _run(50, 700, "first"), _run(50, 690, "second")]
    assert layout_text(runs).splitlines()[:2] == ["first", "second"]
    assert layout_text(runs).splitlines()[2:] == [""] * 8 + ["third"]


def test_a_line_of_spaces_counts_only_when_drawn_last_and_alone() -> None:
    blank = TextRun(50, 650, 55, 10, 5, " ", blank=True)
    assert layout_text([_run(50, 700, "text"), blank]) == "text" + "\n" * 5  # four blank lines, then its own
    assert layout_text([blank, _run(50, 700, "text")]) == "text"
    assert layout_text([]) == ""


def test_bookmarked_pdf_is_read_by_pdfium_alone(pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("pypdf was used")

    monkeypatch.setattr(pdf_module, "open_pdf", refuse)  # the only way into pypdf
    pack = read_pack(pdfs["demo bookmarked"])
    assert pack.page_count == len(pack.pages) and pack.items


def test_pdfium_decodes_the_bullet_that_pypdf_does_not(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "bullets.pdf", [["Places:\t\u2022 Bedford \u2022 Luton"]])
    fast = open_document(path.read_bytes(), "bullets.pdf")
    slow = open_document(path.read_bytes(), "bullets.pdf", engine="pypdf")
    try:
        ours = fast.texts(0, 1, 1, True, None, None)[0]
        theirs = slow.texts(0, 1, 1, True, None, None)[0]
    finally:
        fast.close()
    assert "\u2022 Bedford \u2022 Luton" in ours and ours == theirs.replace("\x7f", "\u2022")


def test_text_inside_a_form_xobject_is_laid_out_where_it_is_drawn(tmp_path: Path) -> None:
    """pypdf's layout mode skips form XObjects (a letterhead, a whole page printed as one form); PDFium
    reads them, and their text takes its place on the page's grid."""
    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.beginForm("agenda")
    c.drawString(0, 0, "10:00")
    c.drawString(45, 0, "1. Welcome and apologies")
    c.drawString(280, 0, "Chair")
    c.endForm()
    c.drawString(50, 760, "Agenda")
    c.saveState()
    c.translate(50, 738)
    c.doForm("agenda")
    c.restoreState()
    c.showPage()
    c.save()
    document = open_document(path.read_bytes(), "form.pdf")
    try:
        text = document.texts(0, 1, 1, True, None, None)[0]
    finally:
        document.close()
    lines = text.splitlines()
    assert lines[0] == "Agenda" and lines[-1].startswith("10:00")
    assert [c.strip() for c in lines[-1].split("  ") if c] == ["10:00", "1. Welcome and apologies", "Chair"]
