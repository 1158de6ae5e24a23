"""ModernGov-style council packs: an unnumbered front sheet, then papers numbered "Page 1" onwards with
"Agenda Item N" stamps, so "(Pages x - y)" on the agenda are printed page numbers, not PDF pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from common import BODY, BOLD, CENTRE, CENTRE_H1, FILLER, H2, PDF_DIR, SMALL, PageState, StampedDoc, write_expected
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle


@dataclass
class Item:
    number: str
    title: str
    note: str = ""
    pages: int = 0  # printed pages of its paper (0: no paper)
    part: int = 1


@dataclass
class FrontSheet:
    council: str
    committee: str
    date_line: str
    time_line: str
    venue: str
    membership: str
    contact: str
    items: list[Item]
    exempt_heading: str = "PART II - EXEMPT ITEMS"
    exempt_note: str = ""
    agenda_heading: str = "AGENDA"
    preamble: str = ""  # a paragraph on the front sheet under the details, e.g. why a supplement was issued
    extra: dict[str, Any] = field(default_factory=dict)


def _furniture(canvas: Canvas, doc: StampedDoc) -> None:
    state = doc.page_state
    width, height = doc.pagesize
    if state.get("printed") is not None:
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(width / 2, 12 * mm, f"Page {state['printed']}")
        state["printed"] += 1
    if state.get("stamp"):
        canvas.setFont("Helvetica-Bold", 12)
        canvas.rect(width - 62 * mm, height - 17 * mm, 44 * mm, 9 * mm)
        canvas.drawCentredString(width - 40 * mm, height - 14 * mm, state["stamp"])


def build(stem: str, sheet: FrontSheet, expected: dict[str, Any]) -> None:
    # Work out the printed page ranges first: papers follow the front sheet in agenda order.
    ranges: dict[str, tuple[int, int]] = {}
    next_page = 1
    for item in sheet.items:
        if item.pages:
            ranges[item.number] = (next_page, next_page + item.pages - 1)
            next_page += item.pages
    story: list[Any] = [
        Paragraph("Public Document Pack", SMALL),
        Spacer(1, 10 * mm),
        Paragraph(sheet.council, CENTRE_H1),
        Spacer(1, 6 * mm),
        Paragraph(f"<b>{sheet.committee}</b>", CENTRE),
        Spacer(1, 8 * mm),
    ]
    details = [
        ["Date:", sheet.date_line],
        ["Time:", sheet.time_line],
        ["Venue:", Paragraph(sheet.venue, BODY)],
        ["Membership:", Paragraph(sheet.membership, BODY)],
    ]
    table = Table(details, colWidths=[32 * mm, 130 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold")]))
    story += [table, Spacer(1, 8 * mm)]
    if sheet.preamble:
        story += [Paragraph(sheet.preamble, BODY), Spacer(1, 4 * mm)]
    story += [Paragraph(sheet.contact, SMALL), PageBreak()]
    story.append(Paragraph(sheet.agenda_heading, H2))
    story.append(Paragraph("PART I - PUBLIC ITEMS", BOLD))
    story.append(Spacer(1, 3 * mm))
    rows: list[list[Any]] = []
    exempt_started = False
    for item in sheet.items:
        if item.part == 2 and not exempt_started:
            exempt_started = True
            story.append(_agenda_table(rows))
            rows = []
            story.append(Spacer(1, 4 * mm))
            story.append(Paragraph(sheet.exempt_heading, BOLD))
            if sheet.exempt_note:
                story.append(Paragraph(sheet.exempt_note, SMALL))
            story.append(Spacer(1, 3 * mm))
        cell: list[Any] = [Paragraph(f"<b>{item.title}</b>", BODY)]
        if item.note:
            cell.append(Spacer(1, 1.5 * mm))
            cell.append(Paragraph(item.note, BODY))
        pages = ranges.get(item.number)
        rows.append(
            [
                Paragraph(f"<b>{item.number}{'.' if item.number.isdigit() else ''}</b>", BODY),
                cell,
                Paragraph(f"(Pages {pages[0]} - {pages[1]})", BODY) if pages else "",
            ]
        )
    story.append(_agenda_table(rows))
    story.append(PageBreak())
    # Papers: numbered from Page 1, the first page of each stamped with its agenda item.
    story.append(PageState(printed=1))
    for item in sheet.items:
        if not item.pages:
            continue
        story.append(PageState(stamp=f"Agenda Item {item.number}"))
        story.append(Paragraph(sheet.council, SMALL))
        story.append(Paragraph(sheet.committee.split(" - ")[0], SMALL))
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph(f"Report title: {item.title}", H2))
        story.append(Paragraph("Report of: Strategic Director", BODY))
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph("1. Purpose of Report", BOLD))
        story.append(Paragraph(FILLER, BODY))
        story.append(Paragraph("2. Recommendations", BOLD))
        story.append(Paragraph("2.1 That the report be noted.", BODY))
        story.append(Paragraph("2.2 That the proposals set out in section 4 be approved.", BODY))
        for n in range(item.pages - 1):
            story.append(PageBreak())
            story.append(Paragraph(f"{n + 3}. Further detail", BOLD))
            story.append(Paragraph(FILLER * 3, BODY))
        if item.pages and item is not sheet.items[-1]:
            story.append(PageBreak())
    doc = StampedDoc(PDF_DIR / f"{stem}.pdf", _furniture, title=sheet.committee, author=sheet.council)
    doc.build(story)
    # The front sheet is unnumbered: its length is whatever the PDF has beyond the printed pages.
    front_pages = len(PdfReader(PDF_DIR / f"{stem}.pdf").pages) - (next_page - 1)
    for entry in expected["items"]:
        pages = ranges.get(entry["number"])
        if pages:
            entry["printed_pages"] = list(pages)
            entry["pdf_pages"] = [pages[0] + front_pages, pages[1] + front_pages]
    write_expected(stem, expected)


def _agenda_table(rows: list[list[Any]]) -> Table:
    table = Table(rows, colWidths=[14 * mm, 122 * mm, 34 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    return table


def brackenford_cabinet() -> None:
    sheet = FrontSheet(
        council="Brackenford Borough Council",
        committee="Cabinet",
        date_line="Tuesday, 14 January 2025",
        time_line="6.30 pm",
        venue="Council Chamber, Civic Offices, Market Street, Brackenford, BK1 2QT",
        membership=(
            "Councillors Priya Ramaswamy (Leader), Geoffrey Abernethy (Deputy Leader), Tobias Fairbrass, "
            "Marguerite Okonkwo, Declan Thistlewood and Harriet Vanstone"
        ),
        contact=(
            "Contact: Imogen Quarrie, Democratic Services Officer. Tel: 01632 960 418. "
            "Information about the meeting, including how to attend in person or watch online, is on the "
            "Council's website."
        ),
        items=[
            Item("1", "Apologies for Absence", "To receive any apologies for absence."),
            Item(
                "2",
                "Declarations of Interest",
                "Members are reminded to declare any disclosable pecuniary interests or other registrable "
                "interests in matters on this agenda.",
            ),
            Item(
                "3",
                "Minutes",
                "To approve as a correct record the minutes of the meeting held on 10 December 2024.",
                pages=4,
            ),
            Item("4", "Public Questions", "To answer any questions submitted in accordance with the Constitution."),
            Item(
                "5",
                "Medium Term Financial Strategy 2025/26 to 2028/29 and Draft Revenue Budget",
                "To consider the report of the Director of Finance.",
                pages=6,
            ),
            Item(
                "6",
                "Brackenford Town Centre Regeneration: Making of a Compulsory Purchase Order for Land at "
                "Tanyard Walk and Cooper's Yard",
                "To consider the report of the Strategic Director for Place.",
                pages=5,
            ),
            Item("7", "Housing Revenue Account Business Plan Refresh", pages=3),
            Item(
                "8",
                "Exclusion of the Press and Public",
                "To resolve that, under Section 100A(4) of the Local Government Act 1972, the press and public be "
                "excluded from the meeting for the following item of business on the grounds that it involves "
                "the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A "
                "to the Act.",
            ),
            Item("9", "Disposal of Land at Foxhollow Lane Depot", pages=2, part=2),
        ],
        exempt_heading="PART II - EXEMPT ITEMS",
        exempt_note="(Press and public excluded)",
    )
    expected = {
        "name": "Brackenford Borough Council Cabinet agenda pack 14 Jan 2025 (ModernGov-style front sheet, "
        "2 unnumbered pages, papers from Page 1 with Agenda Item stamps, Part II)",
        "file": "brackenford-cabinet-2025-01-14-pack.pdf",
        "kind": "pack",
        "body": "Brackenford Borough Council",
        "meeting_title": "Cabinet",
        "date": "2025-01-14",
        "time_of_meeting": "18:30",
        "venue": "Council Chamber, Civic Offices, Market Street, Brackenford, BK1 2QT",
        "items": [{"number": i.number, "title": i.title, **({"part": 2} if i.part == 2 else {})} for i in sheet.items],
    }
    build("brackenford-cabinet-2025-01-14-pack", sheet, expected)


def keswold_planning() -> None:
    sheet = FrontSheet(
        council="Keswold District Council",
        committee="Planning Committee",
        date_line="Wednesday, 5 March 2025",
        time_line="7.00 pm",
        venue="The Mayor's Parlour, Keswold House, Abbotsgate, Keswold",
        membership=(
            "Councillors Rosalind Pennicott (Chairman), Anwar Chaudhry (Vice-Chairman), Fergus Ballantyne, "
            "Elspeth Mawdsley, Kwabena Mensah, Lucinda Stansfield, Oswin Tregarthen and Yvette Wolstenholme"
        ),
        contact="Enquiries to: Committee Services, Keswold House. Email: committees@keswold.example.gov.uk",
        items=[
            Item(
                "1", "Apologies and Substitutions", "To receive apologies for absence and notification of substitutes."
            ),
            Item("2", "Declarations of Interest"),
            Item(
                "3",
                "Minutes of the Previous Meeting",
                "To confirm the minutes of the meeting held on 5 February 2025.",
                pages=3,
            ),
            Item(
                "4", "Planning Appeals Update", "To note the appeal decisions received since the last meeting.", pages=2
            ),
            Item("5", "Planning Applications", "To determine the following applications."),
            Item(
                "5(a)",
                "24/01872/FUL - Land East of Millbrook Road, Upper Keswold: Erection of 48 dwellings with "
                "associated access, landscaping and public open space",
                pages=7,
            ),
            Item("5(b)", "24/02011/HOU - 14 Chantry Close, Keswold: Two storey side extension", pages=3),
            Item(
                "5(c)",
                "25/00064/LBC - The Old Granary, Quayside, Keswold: Listed building consent for internal alterations",
                pages=3,
            ),
            Item("6", "Enforcement Report: Quarter 3 2024/25", pages=2, part=2),
        ],
        exempt_heading="EXEMPT ITEMS",
        exempt_note=(
            "The following item is likely to be considered with the press and public excluded, as it contains "
            "information relating to an individual (paragraph 1 of Schedule 12A)."
        ),
    )
    expected = {
        "name": "Keswold District Council Planning Committee agenda pack 5 Mar 2025 (ModernGov-style, sub-items "
        "5(a)-5(c), an EXEMPT ITEMS section, printed page numbers)",
        "file": "keswold-planning-2025-03-05-pack.pdf",
        "kind": "pack",
        "body": "Keswold District Council",
        "meeting_title": "Planning Committee",
        "date": "2025-03-05",
        "time_of_meeting": "19:00",
        "venue": "The Mayor's Parlour, Keswold House, Abbotsgate, Keswold",
        "items": [{"number": i.number, "title": i.title, **({"part": 2} if i.part == 2 else {})} for i in sheet.items],
    }
    build("keswold-planning-2025-03-05-pack", sheet, expected)


def brackenford_cabinet_supplement() -> None:
    """A supplement: a one-page unnumbered front sheet naming only the items whose papers came late."""
    sheet = FrontSheet(
        council="Brackenford Borough Council",
        committee="Cabinet",
        date_line="Tuesday, 14 January 2025",
        time_line="6.30 pm",
        venue="Council Chamber, Civic Offices, Market Street, Brackenford, BK1 2QT",
        membership="Councillors Priya Ramaswamy (Leader), Geoffrey Abernethy (Deputy Leader), Tobias Fairbrass, "
        "Marguerite Okonkwo, Declan Thistlewood and Harriet Vanstone",
        contact="Contact: Imogen Quarrie, Democratic Services Officer. Tel: 01632 960 418.",
        preamble="The following reports were not available when the agenda was published and are now attached.",
        agenda_heading="SUPPLEMENTARY AGENDA",
        items=[
            Item(
                "5",
                "Medium Term Financial Strategy 2025/26 to 2028/29 and Draft Revenue Budget - Appendix D: "
                "Budget Consultation Responses",
                "To consider the appendix, which was not available at the time of publication.",
                pages=4,
            ),
            Item("7", "Housing Revenue Account Business Plan Refresh - Revised Appendix B", pages=2),
            Item("9", "Disposal of Land at Foxhollow Lane Depot - Valuation Report", pages=3, part=2),
        ],
        exempt_heading="PART II - EXEMPT ITEMS",
    )
    expected = {
        "name": "Brackenford Borough Council Cabinet supplementary agenda 14 Jan 2025 (supplement: front sheet and "
        "agenda of 3 late items on 2 unnumbered pages, then papers from Page 1)",
        "file": "brackenford-cabinet-2025-01-14-supplement.pdf",
        "kind": "pack",
        "body": "Brackenford Borough Council",
        "meeting_title": "Cabinet",
        "date": "2025-01-14",
        "time_of_meeting": "18:30",
        "venue": "Council Chamber, Civic Offices, Market Street, Brackenford, BK1 2QT",
        "items": [{"number": i.number, "title": i.title, **({"part": 2} if i.part == 2 else {})} for i in sheet.items],
    }
    build("brackenford-cabinet-2025-01-14-supplement", sheet, expected)


DOCUMENTS = [brackenford_cabinet, keswold_planning, brackenford_cabinet_supplement]
