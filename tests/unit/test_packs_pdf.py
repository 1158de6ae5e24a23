"""PDF board packs built with ReportLab: bookmarks, agenda text, cover sheets, damaged files."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.domain import Purpose
from app.packs import DraftItem, DraftPack, ImportCancelled, PackError, read_pack

_COLUMNS = (50, 95, 330, 480)  # time, item, lead, purpose: like a Word table
AGENDA = [
    "Example Trust",
    "Board Meeting in Public - 8 December 2023",
    "Agenda",
    "10:00\t1. Welcome and apologies\tChair\tNote",
    "10:05\t2. Chair's report - verbal\tChair\tNote",
    "10:15\t3. Finance report\tDirector of Finance\tApprove",
    "10:30\t4. Quality report\tChief Nurse\tDiscuss",
    "Next meeting: 2 February 2024",
]


def make_pdf(path: Path, pages: list[list[str]], bookmarks: Sequence[tuple[str, int, int]] = ()) -> Path:
    """Pages of tab-separated lines; bookmarks as (title, 0-based page, level)."""
    height = A4[1]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for index, lines in enumerate(pages):
        for row, line in enumerate(lines):
            for x, cell in zip(_COLUMNS, line.split("\t"), strict=False):
                pdf.drawString(x, height - 60 - 22 * row, cell)
        for n, (title, page, level) in enumerate(bookmarks):
            if page == index:
                key = f"b{n}"
                pdf.bookmarkPage(key, fit="XYZ", left=0, top=height, zoom=0)
                pdf.addOutlineEntry(title, key, level=level)
        pdf.showPage()
    pdf.save()
    return path


def by_number(pack: DraftPack) -> dict[str, DraftItem]:
    return {i.number: i for i in pack.items}


def test_bookmarks_give_items_and_page_ranges(tmp_path: Path) -> None:
    pages = [AGENDA, ["Item: 1 Welcome"], ["Item: 3 Finance report"], ["Appendix A"], ["Item: 4"], ["more"]]
    marks = [
        ("Agenda", 0, 0),
        ("1. Welcome and apologies", 1, 0),
        ("3 Finance report", 2, 0),
        ("Appendix A", 3, 1),
        ("4 - Quality report", 4, 0),
    ]
    pack = read_pack(make_pdf(tmp_path / "board.pdf", pages, marks))
    assert pack.kind == "pdf" and pack.page_count == 6
    assert [i.number for i in pack.items] == ["1", "2", "3", "4"]  # the verbal item 2 has no bookmark
    items = by_number(pack)
    assert (items["1"].first_page, items["1"].last_page) == (2, 2)
    assert (items["2"].first_page, items["2"].last_page) == (None, None)
    assert (items["3"].first_page, items["3"].last_page) == (3, 4)  # the appendix belongs to the paper
    assert (items["4"].first_page, items["4"].last_page, items["4"].title) == (5, 6, "Quality report")
    assert (items["3"].purpose, items["3"].planned_time) == (Purpose.APPROVE, time(10, 15))
    assert items["3"].presenter == "Director of Finance" and items["4"].presenter == "Chief Nurse"
    assert not items["3"].uncertain
    assert pack.meeting_date == date(2023, 12, 8) and pack.body_name == "Example Trust"
    assert pack.meeting_title == "Board Meeting in Public - 8 December 2023"


def test_nested_bookmarks_without_agenda_text(tmp_path: Path) -> None:
    pages = [["Cover"], ["Budget paper"], ["Capital paper"], ["Annex"]]
    marks = [("1 Apologies", 0, 0), ("2 Budget", 1, 0), ("2.1 Capital programme", 2, 1)]
    pack = read_pack(make_pdf(tmp_path / "outline.pdf", pages, marks))
    assert [(i.number, i.title, i.first_page, i.last_page) for i in pack.items] == [
        ("1", "Apologies", 1, 1),
        ("2", "Budget", 2, 4),
        ("2.1", "Capital programme", 3, 4),
    ]
    assert any("bookmarks" in w for w in pack.warnings)


def test_agenda_text_and_cover_sheets_without_bookmarks(tmp_path: Path) -> None:
    pages = [
        AGENDA,
        ["Report to the: Board", "Item: 1 Welcome and apologies"],
        ["Date: 8 December 2023", "Item: 3 Finance report"],
        ["Finance, continued"],
        ["Agenda Item 4", "Quality report"],
    ]
    calls: list[tuple[int, int]] = []
    pack = read_pack(make_pdf(tmp_path / "plain.pdf", pages), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(n, 5) for n in range(1, 6)]
    assert [i.number for i in pack.items] == ["1", "2", "3", "4"]
    items = by_number(pack)
    assert (items["1"].first_page, items["1"].last_page) == (2, 2)
    assert items["2"].first_page is None
    assert (items["3"].first_page, items["3"].last_page) == (3, 4)
    assert (items["4"].first_page, items["4"].last_page) == (5, 5)
    assert {"first_page", "last_page"} <= items["3"].uncertain  # found from cover sheets, not bookmarks
    assert (items["1"].planned_time, items["1"].presenter, items["1"].purpose) == (time(10, 0), "Chair", Purpose.NOTE)
    assert pack.start == time(10, 0)


def test_cancel_between_pages(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "long.pdf", [AGENDA] + [["page"]] * 5)
    done: list[int] = []
    with pytest.raises(ImportCancelled, match="Import cancelled"):
        read_pack(path, progress=lambda d, t: done.append(d), cancelled=lambda: len(done) >= 2)
    assert done == [1, 2]


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [AGENDA, ["Item: 1"]]).read_bytes()
    half = tmp_path / "half.pdf"
    half.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(PackError, match=r"^half\.pdf could not be read"):
        read_pack(half)


def test_pdf_without_agenda(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report.pdf", [["Annual report", "We had a good year.", "1. Income rose."]])
    with pytest.raises(PackError, match=r"^report\.pdf does not look like a board pack: no agenda was found in it\.$"):
        read_pack(path)


def test_pdf_without_text(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"^scan\.pdf has no text"):
        read_pack(make_pdf(tmp_path / "scan.pdf", [[], []]))


def test_pdf_magic_wins_over_extension(tmp_path: Path) -> None:
    renamed = make_pdf(tmp_path / "pack.pdf", [AGENDA]).rename(tmp_path / "pack.txt")
    assert read_pack(renamed).kind == "pdf"
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100)
    with pytest.raises(PackError, match=r"junk\.pdf"):
        read_pack(junk)


def test_packs_never_import_qt() -> None:
    code = "import sys, app.packs; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_pages_text_and_papers_from_cover_sheets(tmp_path: Path) -> None:
    pages = [
        AGENDA,
        ["Report to the: Board", "Item: 1 Welcome and apologies"],
        ["Date: 8 December 2023", "Report to the: Board", "Item: 3 Finance report"],
        ["Finance, continued"],
        ["Date: 8 December 2023", "Report to the: Board", "Item: Quality report"],
    ]
    pack = read_pack(make_pdf(tmp_path / "papers.pdf", pages))
    assert len(pack.pages) == pack.page_count == 5 and "Finance, continued" in pack.pages[3]
    assert [(p.item_number, p.match, p.first_page, p.last_page) for p in pack.papers] == [
        ("1", "number", 2, 2),
        ("3", "number", 3, 4),
        ("4", "title", 5, 5),
    ]
    assert by_number(pack)["2"].verbal and not by_number(pack)["3"].verbal


def test_bookmarked_pack_has_every_page_text(tmp_path: Path) -> None:
    pages = [AGENDA] + [[f"Paper page {n}"] for n in range(1, 12)]
    marks = [("1 Welcome and apologies", 1, 0), ("3 Finance report", 3, 0), ("4 Quality report", 9, 0)]
    calls: list[tuple[int, int]] = []
    pack = read_pack(make_pdf(tmp_path / "long.pdf", pages, marks), progress=lambda d, t: calls.append((d, t)))
    assert len(pack.pages) == 12 and "Paper page 11" in pack.pages[11]  # beyond the agenda pages too
    assert calls == [(n, 12) for n in range(1, 13)]
    assert (by_number(pack)["4"].first_page, by_number(pack)["4"].last_page) == (10, 12)
