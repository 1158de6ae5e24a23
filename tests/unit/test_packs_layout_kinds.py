"""Kinds of layout the reader met first in documents it had not seen: section bands over references that restart
in each section, minute numbers running through the year with run-in bold headings, a numbered title that reads
like a date, and a text layer PDFium cannot map to Unicode that still reads as words."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.packs import read_pack
from app.packs.layout_reader import _reads_as_words

HEIGHT = A4[1]


def test_section_bands_are_not_items_and_references_restart_in_each_section(tmp_path: Path) -> None:
    path = tmp_path / "bands.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(60, HEIGHT - 60, "Example Joint Board - agenda, Thursday 6 March 2025")
    sections = [
        ("A", "Standing items", [("Welcome and apologies", "Chair", "10:00"), ("Declarations", "Chair", "10:05")]),
        (
            "B",
            "Items for decision",
            [
                ("Budget for next year", "Dr A Person, Head of Finance", "10:15"),
                ("Bus station lease", "Chief Executive", "10:40"),
                ("Staffing review", "Director of People", "11:00"),
            ],
        ),
    ]
    y = HEIGHT - 100
    for letter, band, rows in sections:
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(60, y, f"{letter}    {band}")
        y -= 20
        for n, (title, lead, at) in enumerate(rows, start=1):
            pdf.setFont("Helvetica", 12)
            pdf.drawString(60, y, f"{letter}{n}")
            pdf.drawString(95, y, title)
            pdf.drawString(480, y, at)
            pdf.setFont("Helvetica", 10)
            pdf.drawString(95, y - 12, lead)
            y -= 34
        y -= 10
    pdf.showPage()
    pdf.save()
    items = read_pack(path).items
    assert [(i.number, i.title) for i in items] == [
        ("A1", "Welcome and apologies"),
        ("A2", "Declarations"),
        ("B1", "Budget for next year"),
        ("B2", "Bus station lease"),
        ("B3", "Staffing review"),
    ]
    assert [i.planned_time for i in items] == [time(10, 0), time(10, 5), time(10, 15), time(10, 40), time(11, 0)]
    assert items[2].presenter == "Dr A Person"


def test_minute_numbers_running_through_the_year_with_run_in_headings(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Minutes of the meeting of the Council held on Monday 3 March 2025")
    minutes = [
        ("25.11", "Apologies.", "Apologies were received from two members.", []),
        (
            "25.12",
            "Excavation report.",
            "The director reported on the season's work.",
            [
                "The trench was closed at the end of August.",
                "Samples have gone for dating; results are expected in January.",
            ],
        ),
        ("25.13", "Finance.", "The treasurer presented the accounts to the end of September.", []),
        ("25.14", "Any other business.", "None.", []),
    ]
    y = HEIGHT - 100
    for number, heading, text, paragraphs in minutes:
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(60, y, number)
        pdf.drawString(105, y, heading)
        pdf.setFont("Helvetica", 11)
        pdf.drawString(110 + pdf.stringWidth(heading, "Helvetica-Bold", 11), y, text)
        y -= 18
        for k, paragraph in enumerate(paragraphs, start=1):
            pdf.drawString(105, y, f"{number}.{k}")
            pdf.drawString(150, y, paragraph)
            y -= 18
        y -= 6
    pdf.showPage()
    pdf.save()
    items = read_pack(path).items
    assert [(i.number, i.title) for i in items] == [
        ("25.11", "Apologies"),
        ("25.12", "Excavation report"),
        ("25.13", "Finance"),
        ("25.14", "Any other business"),
    ]
    assert all(i.planned_time is None for i in items)  # "25.11" is no time of day


def test_a_numbered_title_with_a_year_is_not_a_date(tmp_path: Path) -> None:
    path = tmp_path / "agenda.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Agenda of the Council meeting, 3 March 2025")
    pdf.setFont("Helvetica", 11)
    titles = ["Welcome", "Minutes", "Centenary 2027: report of the planning group", "Finance", "Close"]
    for n, title in enumerate(titles, start=1):
        pdf.drawString(60, HEIGHT - 100 - 20 * n, f"{n}  {title}")
    pdf.showPage()
    pdf.save()
    assert [i.title for i in read_pack(path).items] == titles


def test_unmapped_characters_that_read_as_words_are_text() -> None:
    assert _reads_as_words("Minutes of the meeting of the Council held on Tuesday at the Library")
    assert not _reads_as_words("Njovuft pg uif nffujoh pg uif Dpvodjm ifme po Uvftebz bu uif Mjcsbsz")  # shifted
    assert not _reads_as_words("1+/54'30(4*'#34''4+/)0/4*#2%*2#44'232+3+/)")
