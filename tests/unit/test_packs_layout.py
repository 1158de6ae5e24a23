"""The layout reader: printed page numbers, refusals of unreadable text, uncertain readings, wrapped titles."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.packs import PackError, draft_to_json, read_pack

HEIGHT = A4[1]


def _front_and_numbered(path: Path) -> Path:
    """Two unnumbered front pages (cover, agenda), then papers whose footers print page 1 onwards."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(60, HEIGHT - 80, "Example Council Cabinet")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 110, "Tuesday 14 January 2025 at 10.00 am")
    pdf.showPage()
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 80, "Agenda")
    pdf.setFont("Helvetica", 11)
    rows = [
        ("1.", "Apologies for Absence", ""),
        ("2.", "Budget Monitoring", "(Pages 1 - 3)"),
        ("3.", "Housing", "(Pages 4 - 5)"),
    ]
    for n, (number, title, pages) in enumerate(rows):
        y = HEIGHT - 120 - 30 * n
        pdf.drawString(60, y, number)
        pdf.drawString(90, y, title)
        pdf.drawString(400, y, pages)
    pdf.showPage()
    for printed in range(1, 6):
        pdf.setFont("Helvetica", 11)
        pdf.drawString(60, HEIGHT - 80, f"Report text {printed}")
        pdf.drawString(A4[0] / 2, 30, str(printed))  # the printed page number in the footer
        pdf.showPage()
    pdf.save()
    return path


def test_printed_pages_resolve_to_pdf_pages_after_unnumbered_front_pages(tmp_path: Path) -> None:
    pack = read_pack(_front_and_numbered(tmp_path / "cabinet.pdf"))
    items = {i.number: i for i in pack.items}
    assert [i.number for i in pack.items] == ["1", "2", "3"]
    # Printed page 1 is the third PDF page: the cover and the agenda carry no number.
    assert (items["2"].first_page, items["2"].last_page) == (3, 5)
    assert (items["3"].first_page, items["3"].last_page) == (6, 7)


def test_an_image_only_pdf_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(50, 50, 400, 600, fill=1)  # drawn, but no text at all
    pdf.showPage()
    pdf.save()
    with pytest.raises(PackError) as caught:
        read_pack(path)
    message = str(caught.value)
    assert "no text" in message and message.endswith(".") and ". " not in message


def test_a_garbled_text_layer_is_refused_not_parsed(tmp_path: Path) -> None:
    """Text whose characters are mostly symbols (a broken ToUnicode map reads like this) gives no items."""
    path = tmp_path / "garbled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    junk = ["1 +/54'30(4*'#34''4+/) 0/ 4* #2%*", "2 #44'232+3+/)", "3 '%-#2#4+0/30(/4'2'34", "4 5$-+%5'34+0/3"]
    for n, line in enumerate(junk * 3):
        pdf.drawString(60, HEIGHT - 80 - 20 * n, line)
    pdf.showPage()
    pdf.save()
    with pytest.raises(PackError) as caught:
        read_pack(path)
    assert "no readable text" in str(caught.value)


def _two_lists(path: Path, second: list[str]) -> Path:
    """Two numbered lists in the same type on one page: which one is the agenda is not clear."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 60, "Committee meeting, 3 March 2025")
    for n, title in enumerate(["Welcome", "Minutes", "Finance", "Close"]):
        pdf.drawString(60, HEIGHT - 100 - 18 * n, f"{n + 1}. {title}")
    for n, title in enumerate(second):
        pdf.drawString(60, HEIGHT - 300 - 18 * n, f"{n + 1}. {title}")
    pdf.showPage()
    pdf.save()
    return path


def test_an_ambiguous_agenda_is_marked_uncertain(tmp_path: Path) -> None:
    pack = read_pack(_two_lists(tmp_path / "two.pdf", ["Roads", "Parks", "Bins", "Lights"]))
    assert pack.items and all({"number", "title"} <= i.uncertain for i in pack.items)
    assert any("more than one way" in w for w in pack.warnings)
    assert draft_to_json(pack)["items"][0]["confidence"]["title"] < 1.0


def test_a_clear_agenda_is_not_marked(tmp_path: Path) -> None:
    pack = read_pack(_two_lists(tmp_path / "one.pdf", []))
    assert [i.title for i in pack.items] == ["Welcome", "Minutes", "Finance", "Close"]
    assert not any("title" in i.uncertain for i in pack.items)
    assert not any("more than one way" in w for w in pack.warnings)


def test_a_wrapped_title_is_read_whole_and_words_without_spaces_are_parted(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Agenda")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 100, "1.")
    pdf.drawString(90, HEIGHT - 100, "Annual Report of the Audit Committee and the")
    pdf.drawString(90, HEIGHT - 114, "External Auditor")
    pdf.drawString(60, HEIGHT - 140, "2.")
    x = 90.0
    for word in ("Adoption", "of", "Previous", "Minutes"):  # drawn word by word, no space characters
        pdf.drawString(x, HEIGHT - 140, word)
        x += pdf.stringWidth(word, "Helvetica", 11) + 3.5
    pdf.showPage()
    pdf.save()
    titles = [i.title for i in read_pack(path).items]
    assert titles == ["Annual Report of the Audit Committee and the External Auditor", "Adoption of Previous Minutes"]
