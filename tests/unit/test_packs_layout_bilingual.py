"""Kinds of layout from bilingual and municipal agendas: a table whose columns are named by language (the
first language's cell is the title, the other its translation), and a closed session that is one item naming
its own business, after which the meeting is back in public (a guess, so marked for checking)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from app.domain import Part
from app.packs import read_pack

HEIGHT = letter[1]

ROWS = [
    ("1", "Opening of the meeting", "Ouverture de la réunion"),
    ("2", "Approval of the agenda", "Approbation de l'ordre du jour"),
    ("3", "Treasurer's report", "Rapport du trésorier"),
    ("4", "Closed Session - acquisition of a depot", "Séance à huis clos - acquisition d'un dépôt"),
    ("5", "Confirming resolution", "Résolution de confirmation"),
    ("6", "Adjournment", "Levée de la séance"),
]


def _bilingual_agenda(path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Example Village Council | Conseil du village exemple")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 80, "Monday, March 2, 2026, 7:00 p.m. | lundi 2 mars 2026, 19 h")
    pdf.setFont("Helvetica-Bold", 11)
    y = HEIGHT - 120
    pdf.drawString(60, y, "No.")
    pdf.drawString(100, y, "English")
    pdf.drawString(330, y, "Français")
    pdf.setFont("Helvetica", 11)
    for number, english, french in ROWS:
        y -= 22
        pdf.drawString(60, y, number)
        pdf.drawString(100, y, english)
        pdf.drawString(330, y, french)
    pdf.showPage()
    pdf.save()


def test_a_table_with_a_column_per_language_takes_the_first_as_the_title(tmp_path: Path) -> None:
    path = tmp_path / "bilingual.pdf"
    _bilingual_agenda(path)
    items = read_pack(path).items
    assert [(i.number, i.title) for i in items] == [(n, english) for n, english, _ in ROWS]
    assert all(i.presenter == "" for i in items)


def test_the_public_part_resumes_after_a_closed_session_item_naming_its_business(tmp_path: Path) -> None:
    path = tmp_path / "bilingual.pdf"
    _bilingual_agenda(path)
    items = read_pack(path).items
    assert [i.part for i in items] == [Part.ONE, Part.ONE, Part.ONE, Part.TWO, Part.ONE, Part.ONE]
    assert "part" in items[4].uncertain and "part" in items[5].uncertain
    assert "part" not in items[3].uncertain


def test_a_consent_agenda_explained_before_its_lettered_items_and_open_session_resumed(tmp_path: Path) -> None:
    path = tmp_path / "board.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(150, HEIGHT - 60, "EXAMPLE SCHOOL DISTRICT BOARD OF EDUCATION")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(180, HEIGHT - 78, "Regular Meeting, Tuesday, March 3, 2026, 6:00 p.m.")
    y = HEIGHT - 120

    def row(label: str, text: str, x: float = 60, indent: float = 40, bold: bool = True) -> None:
        nonlocal y
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
        pdf.drawString(x, y, label)
        pdf.drawString(x + indent, y, text)
        y -= 18

    def prose(text: str) -> None:
        nonlocal y
        pdf.setFont("Helvetica", 11)
        pdf.drawString(100, y, text)
        y -= 16

    row("I.", "CALL TO ORDER")
    row("II.", "CLOSED SESSION")
    row("III.", "RECONVENE IN OPEN SESSION")
    row("IV.", "CONSENT AGENDA")
    prose("Items on the consent agenda are approved by one motion unless a member asks")
    prose("for an item to be taken separately.")
    row("A.", "Minutes of the previous meeting", x=100, indent=30, bold=False)
    row("B.", "Payment of warrants", x=100, indent=30, bold=False)
    row("C.", "Acceptance of gifts", x=100, indent=30, bold=False)
    row("V.", "ADJOURNMENT")
    pdf.showPage()
    pdf.save()
    items = read_pack(path).items
    assert [(i.number, i.title) for i in items] == [
        ("I", "CALL TO ORDER"),
        ("II", "CLOSED SESSION"),
        ("III", "RECONVENE IN OPEN SESSION"),
        ("IV", "CONSENT AGENDA"),
        ("A", "Minutes of the previous meeting"),
        ("B", "Payment of warrants"),
        ("C", "Acceptance of gifts"),
        ("V", "ADJOURNMENT"),
    ]
    assert [i.part for i in items] == [Part.ONE, Part.TWO] + [Part.ONE] * 6
