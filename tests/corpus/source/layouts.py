# ruff: noqa: E501
"""Layouts that trip line-by-line readers: an ICB board table drawn by ReportLab with section rows and paper
references, a two-column AGM notice, a pack whose paper cover sheets carry their own numbered lists, unnumbered
bold headings, an agenda pack with the previous minutes inside, and an image-only (scanned) agenda."""

from __future__ import annotations

import io
from typing import Any

from common import (
    BODY,
    BOLD,
    CENTRE,
    CENTRE_H1,
    CENTRE_H2,
    FILLER,
    GRID,
    H1,
    H2,
    PDF_DIR,
    SMALL,
    StampedDoc,
    write_expected,
)
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)


def _footer(canvas: Canvas, doc: StampedDoc) -> None:
    canvas.setFont("Helvetica", 8)
    canvas.drawCentredString(doc.pagesize[0] / 2, 10 * mm, doc.page_state.get("footer", f"{canvas.getPageNumber()}"))


def larkmoor_icb_board() -> None:
    """ICB board: Time | Item | Title / Lead | Purpose | Paper, section rows numbered 1., 2., sub-items 2.1."""
    rows: list[tuple[str, str, str, str, str, str]] = [
        ("10:00", "1", "Opening Business", "", "", ""),
        ("", "1.1", "Welcome and Apologies", "Dr Helena Marchbank, Chair", "Note", "Verbal"),
        ("", "1.2", "Declarations of Interest", "Dr Helena Marchbank, Chair", "Note", "Paper 1a"),
        (
            "",
            "1.3",
            "Minutes of the Meeting held on 27 March 2025 and Action Log",
            "Dr Helena Marchbank, Chair",
            "Approve",
            "Paper 1b",
        ),
        ("10:10", "2", "Chief Executive's Report", "Rupert Gallacher-Eze, Chief Executive", "Note", "Paper 2"),
        ("10:25", "3", "Strategy and Delivery", "", "", ""),
        (
            "10:25",
            "3.1",
            "Joint Forward Plan 2025/26 Refresh and Delivery of the Larkmoor Health and Wellbeing Strategy",
            "Anjali Venkataraman, Director of Strategy",
            "Approve",
            "Paper 3a",
        ),
        (
            "10:45",
            "3.2",
            "Primary Care Access Recovery Plan: Progress Report",
            "Dr Torquil Haddow, Medical Director",
            "Discuss",
            "Paper 3b",
        ),
        ("11:00", "4", "Quality, Performance and Finance", "", "", ""),
        (
            "11:00",
            "4.1",
            "Integrated Quality and Performance Report",
            "Morwenna Trelawny, Chief Nursing Officer",
            "Assurance",
            "Paper 4a",
        ),
        (
            "11:20",
            "4.2",
            "Finance Report Month 1 and the 2025/26 Financial Plan",
            "Ebenezer Asante-Boateng, Chief Finance Officer",
            "Assurance",
            "Paper 4b",
        ),
        ("11:35", "5", "Governance", "", "", ""),
        (
            "11:35",
            "5.1",
            "Board Assurance Framework",
            "Clementine Ruddock, Director of Corporate Affairs",
            "Approve",
            "Paper 5a",
        ),
        ("11:45", "5.2", "Reports from Committees of the Board", "Committee Chairs", "Note", "Paper 5b"),
        ("11:55", "6", "Questions from the Public", "Dr Helena Marchbank, Chair", "Note", "Verbal"),
        ("12:00", "7", "Any Other Business and Close", "Dr Helena Marchbank, Chair", "Note", "Verbal"),
    ]
    header = ["Time", "Item", "Title and Lead", "Purpose", "Paper"]
    data: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", SMALL) for h in header]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), "#c6d9f1"),
    ]
    for time, number, title, lead, purpose, paper in rows:
        if not lead:  # a section row
            data.append(
                [
                    Paragraph(time, SMALL),
                    Paragraph(f"<b>{number}.</b>", SMALL),
                    Paragraph(f"<b>{title.upper()}</b>", SMALL),
                    "",
                    "",
                ]
            )
            style.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), "#eeeeee"))
            continue
        cell = [Paragraph(f"<b>{title}</b>", SMALL), Paragraph(f"<i>{lead}</i>", SMALL)]
        data.append(
            [Paragraph(time, SMALL), Paragraph(number, SMALL), cell, Paragraph(purpose, SMALL), Paragraph(paper, SMALL)]
        )
    table = Table(data, colWidths=[15 * mm, 12 * mm, 105 * mm, 20 * mm, 18 * mm], repeatRows=1)
    table.setStyle(TableStyle(style))
    story: list[Any] = [
        Paragraph("Larkmoor Integrated Care Board", H1),
        Paragraph("Meeting of the Board in Public", H2),
        Paragraph("Thursday 22 May 2025, 10:00 - 12:05", BODY),
        Paragraph("Venue: Conference Suite, Larkmoor House, 9 Carrick Way, Larkmoor, and via Microsoft Teams", BODY),
        Spacer(1, 5 * mm),
        Paragraph("<b>AGENDA</b>", BODY),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 5 * mm),
        Paragraph("Date of next meeting: Thursday 24 July 2025 at 10:00", SMALL),
    ]
    stem = "larkmoor-icb-board-2025-05-22-agenda"
    doc = StampedDoc(PDF_DIR / f"{stem}.pdf", _footer, title="Larkmoor ICB Board", author="Larkmoor ICB")
    doc.page_state["footer"] = "Larkmoor ICB Board in Public, 22 May 2025 - OFFICIAL"
    doc.build(story)
    items: list[dict[str, Any]] = []
    for time, number, title, lead, purpose, paper in rows:
        entry: dict[str, Any] = {"number": number, "title": title.upper() if not lead else title}
        if time:
            entry["time"] = time
        if lead:
            entry["presenter"] = lead.split(", ")[0]
            entry["lead_as_printed"] = lead
            entry["purpose"] = purpose
            entry["paper"] = paper
        items.append(entry)
    write_expected(
        stem,
        {
            "name": "Larkmoor Integrated Care Board meeting in public agenda 22 May 2025 (ReportLab table, section "
            "rows 1.-7. in capitals, 'Title' then italic 'Name, Role' lead in one cell, Paper 3a-style refs, OFFICIAL "
            "footer)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Larkmoor Integrated Care Board",
            "meeting_title": "Meeting of the Board in Public",
            "date": "2025-05-22",
            "time_of_meeting": "10:00",
            "venue": "Conference Suite, Larkmoor House, 9 Carrick Way, Larkmoor",
            "items": items,
        },
    )


def westmere_allotments_two_column() -> None:
    """A society newsletter page: the AGM agenda runs down the left column and on into the right one."""
    agenda = [
        ("I", "Chair's welcome and apologies for absence"),
        ("II", "Minutes of the 2024 Annual General Meeting"),
        ("III", "Matters arising from the minutes"),
        ("IV", "Chair's annual report"),
        ("V", "Treasurer's report and adoption of the accounts for the year ended 31 December 2024"),
        ("VI", "Rents and water charges for 2026"),
        ("VII", "Proposed amendment to Rule 9 (plot inspections and non-cultivation notices)"),
        ("VIII", "Election of officers and committee members"),
        ("IX", "Appointment of the independent examiner"),
        ("X", "Any other business notified to the Secretary in advance"),
    ]
    width, height = A4
    gutter = 8 * mm
    col = (width - 40 * mm - gutter) / 2
    frames = [
        Frame(20 * mm, height - 60 * mm, width - 40 * mm, 40 * mm, id="masthead"),
        Frame(20 * mm, 20 * mm, col, height - 82 * mm, id="left"),
        Frame(20 * mm + col + gutter, 20 * mm, col, height - 82 * mm, id="right"),
    ]
    stem = "westmere-allotments-agm-2025-03-22-notice"
    doc = BaseDocTemplate(
        str(PDF_DIR / f"{stem}.pdf"), pagesize=A4, invariant=1, title="Westmere Allotment Association AGM"
    )
    doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
    story: list[Any] = [
        Paragraph("WESTMERE ALLOTMENT ASSOCIATION", CENTRE_H1),
        Paragraph("Spring Newsletter 2025", CENTRE),
        Spacer(1, 3 * mm),
        Paragraph(
            "<b>Notice of the Annual General Meeting</b> to be held on Saturday 22 March 2025 at 2.00pm in the "
            "Scout Hut, Pondside Lane, Westmere",
            CENTRE,
        ),
        FrameBreak(),
        Paragraph("<b>AGENDA</b>", BOLD),
        Spacer(1, 2 * mm),
    ]
    for n, (number, title) in enumerate(agenda):
        story.append(
            Table(
                [[Paragraph(f"{number}.", BODY), Paragraph(title, BODY)]],
                colWidths=[12 * mm, col - 14 * mm],
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
            )
        )
        story.append(Spacer(1, 9 * mm))
        if n == 5:
            story.append(
                Paragraph(
                    "<i>Nominations for officers (Chair, Secretary, Treasurer) must reach the Secretary by 8 March. Nomination forms are at the trading hut.</i>",
                    SMALL,
                )
            )
            story.append(Spacer(1, 60 * mm))
            story.append(FrameBreak())
    story += [
        Spacer(1, 6 * mm),
        Paragraph("<b>Trading hut</b>", BOLD),
        Paragraph(
            "The hut reopens on Sunday 2 March, 10am to noon. Seed potatoes, onion sets and fleece are in stock.", BODY
        ),
        Spacer(1, 4 * mm),
        Paragraph("<b>Water</b>", BOLD),
        Paragraph("Troughs will be turned on from 1 April. Please do not attach hoses to the troughs.", BODY),
        Spacer(1, 4 * mm),
        Paragraph("Secretary: Gwendolyn Pargeter, 12 Heron Row, Westmere", SMALL),
    ]
    doc.build(story)
    write_expected(
        stem,
        {
            "name": "Westmere Allotment Association spring newsletter with AGM notice 22 Mar 2025 (two-column page: "
            "agenda I.-VI. in the left column continues with VII.-X. in the right, then newsletter notes)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Westmere Allotment Association",
            "meeting_title": "Annual General Meeting",
            "date": "2025-03-22",
            "time_of_meeting": "14:00",
            "venue": "Scout Hut, Pondside Lane, Westmere",
            "items": [{"number": n, "title": t} for n, t in agenda],
        },
    )


def larkmoor_quality_pack() -> None:
    """A committee pack: a cover page, the agenda, then papers whose cover sheets have numbered lists of their own
    ("Agenda item: 4", "The Committee is asked to: 1. ... 2. ...") that are not the agenda."""
    agenda = [
        ("1", "Welcome, apologies and declarations of interest", "Chair"),
        ("2", "Minutes of the meeting held on 8 April 2025", "Chair"),
        ("3", "Action log", "Committee Secretary"),
        ("4", "Infection Prevention and Control Quarterly Report", "Deputy Chief Nursing Officer"),
        ("5", "Patient Safety Incident Response Framework: Thematic Review", "Head of Patient Safety"),
        ("6", "Children and Young People's Mental Health Waiting Times", "Director of Mental Health Commissioning"),
        ("7", "Any other business", "Chair"),
    ]
    papers = {
        "4": [
            "note the reduction in C. difficile cases in quarter 4",
            "approve the revised IPC assurance framework",
            "agree the priorities for 2025/26",
            "note the risks set out in section 6",
        ],
        "5": [
            "note the themes identified from 37 incidents",
            "support the three system-wide improvement actions",
            "receive a progress report in October 2025",
        ],
        "6": ["note the current waiting times position", "discuss the options for reducing the longest waits"],
    }
    story: list[Any] = [
        Spacer(1, 50 * mm),
        Paragraph("Larkmoor Integrated Care Board", CENTRE_H1),
        Spacer(1, 6 * mm),
        Paragraph("Quality and Performance Committee", CENTRE_H2),
        Paragraph("Meeting pack", CENTRE),
        Spacer(1, 10 * mm),
        Paragraph("Tuesday 10 June 2025, 14:00 - 16:00", CENTRE),
        Paragraph("Meeting Room 2, Larkmoor House", CENTRE),
        PageBreak(),
        Paragraph("Quality and Performance Committee", H2),
        Paragraph("Agenda", H1),
    ]
    data = [[Paragraph("<b>No.</b>", BODY), Paragraph("<b>Item</b>", BODY), Paragraph("<b>Presenter</b>", BODY)]]
    data += [[Paragraph(n, BODY), Paragraph(t, BODY), Paragraph(p, BODY)] for n, t, p in agenda]
    story.append(
        Table(
            data,
            colWidths=[14 * mm, 100 * mm, 56 * mm],
            style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP")]),
        )
    )
    for number, title, presenter in agenda:
        if number not in papers:
            continue
        story.append(PageBreak())
        cover = [
            ["Report to:", "Quality and Performance Committee"],
            ["Date of meeting:", "10 June 2025"],
            ["Agenda item:", number],
            ["Title:", Paragraph(title, BODY)],
            ["Presented by:", presenter],
            ["Status:", "Official"],
        ]
        story.append(Paragraph("Committee Cover Sheet", H2))
        story.append(
            Table(
                cover,
                colWidths=[40 * mm, 130 * mm],
                style=TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
                    ]
                ),
            )
        )
        story.append(Spacer(1, 5 * mm))
        story.append(Paragraph("<b>Recommendations</b>", BODY))
        story.append(Paragraph("The Committee is asked to:", BODY))
        for n, text in enumerate(papers[number], 1):
            story.append(Paragraph(f"{n}.&nbsp;&nbsp;{text[0].upper()}{text[1:]};", BODY))
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("<b>Key implications</b>", BODY))
        story.append(
            Table(
                [["Quality", "Yes"], ["Finance", "No"], ["Equality", "Yes"], ["Legal", "No"]],
                colWidths=[50 * mm, 20 * mm],
                style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID)]),
            )
        )
        story.append(PageBreak())
        story.append(Paragraph(f"{title}", H2))
        story.append(Paragraph("1. Introduction", BOLD))
        story.append(Paragraph(FILLER, BODY))
        story.append(Paragraph("2. Background", BOLD))
        story.append(Paragraph(FILLER, BODY))
    stem = "larkmoor-quality-committee-2025-06-10-pack"
    doc = StampedDoc(PDF_DIR / f"{stem}.pdf", _footer, title="Quality and Performance Committee pack")
    doc.build(story)
    write_expected(
        stem,
        {
            "name": "Larkmoor ICB Quality and Performance Committee pack 10 Jun 2025 (cover page, agenda table on p 2, "
            "then papers whose cover sheets carry 'Agenda item: N', a title and numbered recommendations that are "
            "not agenda items)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "body": "Larkmoor Integrated Care Board",
            "meeting_title": "Quality and Performance Committee",
            "date": "2025-06-10",
            "time_of_meeting": "14:00",
            "venue": "Meeting Room 2, Larkmoor House",
            "items": [{"number": n, "title": t, "presenter": p} for n, t, p in agenda],
        },
    )


def ravensgill_rowing_pack() -> None:
    """A club committee pack: unnumbered bold agenda headings, then last meeting's minutes with attendance."""
    agenda = [
        "Apologies",
        "Minutes of the last meeting and matters arising",
        "Captain's report: water safety and the new launch",
        "Treasurer's report",
        "Boathouse roof repairs: quotations",
        "Regatta 2025: volunteers and marshalling",
        "Membership and welfare",
        "Any other business",
    ]
    story: list[Any] = [
        Paragraph("Ravensgill Rowing Club", H1),
        Paragraph("Committee meeting &ndash; Thursday 6 March 2025, 7.45pm, Clubroom", BODY),
        Spacer(1, 6 * mm),
        Paragraph("Agenda", H2),
    ]
    for title in agenda:
        story.append(Paragraph(f"<b>{title}</b>", BODY))
        story.append(Spacer(1, 3 * mm))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("Papers: treasurer's statement and roof quotations are attached.", SMALL))
    story.append(PageBreak())
    story += [
        Paragraph("Ravensgill Rowing Club &ndash; Committee meeting minutes, 6 February 2025", H2),
        Paragraph(
            "<b>Present:</b> Ingrid Solberg-Hale (Chair), Rufus Penhaligon (Captain), Marisol Echeverria (Treasurer), Thaddeus Crowther (Secretary), Niamh Garvey (Welfare Officer)",
            BODY,
        ),
        Paragraph("<b>Apologies:</b> Ptolemy Ashgrove (Vice Captain)", BODY),
        Spacer(1, 3 * mm),
        Paragraph("<b>1. Apologies</b> &ndash; as above.", BODY),
        Paragraph("<b>2. Minutes</b> &ndash; the minutes of 9 January were agreed.", BODY),
        Paragraph(
            "<b>3. Captain's report</b> &ndash; the launch engine has been serviced. <b>Action: RP</b> to update the safety plan.",
            BODY,
        ),
        Paragraph(
            "<b>4. Treasurer's report</b> &ndash; balance of £8,214. <b>Action: ME</b> to obtain three roof quotations.",
            BODY,
        ),
        Paragraph("<b>5. AOB</b> &ndash; none. Next meeting 6 March 2025.", BODY),
    ]
    stem = "ravensgill-rowing-committee-2025-03-06-pack"
    doc = StampedDoc(PDF_DIR / f"{stem}.pdf", _footer, title="Ravensgill Rowing Club committee")
    doc.build(story)
    write_expected(
        stem,
        {
            "name": "Ravensgill Rowing Club committee pack 6 Mar 2025 (unnumbered bold agenda headings on p 1; p 2 is "
            "the previous meeting's minutes with Present/Apologies prose and numbered minutes that are not this "
            "agenda)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "body": "Ravensgill Rowing Club",
            "meeting_title": "Committee meeting",
            "date": "2025-03-06",
            "time_of_meeting": "19:45",
            "venue": "Clubroom",
            "items": [{"number": "", "title": t} for t in agenda],
            "people_source": "the previous meeting's minutes inside the pack (6 February 2025)",
            "people": [
                {"name": "Ingrid Solberg-Hale", "category": "present", "role": "Chair", "chair": "yes"},
                {"name": "Rufus Penhaligon", "category": "present", "role": "Captain", "initials": "RP"},
                {"name": "Marisol Echeverria", "category": "present", "role": "Treasurer", "initials": "ME"},
                {"name": "Thaddeus Crowther", "category": "present", "role": "Secretary"},
                {"name": "Niamh Garvey", "category": "present", "role": "Welfare Officer"},
                {"name": "Ptolemy Ashgrove", "category": "apologies", "role": "Vice Captain"},
            ],
            "actions": [
                {"number": "3", "owner": "RP", "text": "to update the safety plan."},
                {"number": "4", "owner": "ME", "text": "to obtain three roof quotations."},
            ],
        },
    )


def durnhollow_scanned() -> None:
    """An agenda that was printed, signed and scanned: page images only, no text layer."""
    agenda = [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the meeting held on 3 September 2024"),
        ("4", "Town Clerk's report"),
        ("5", "Christmas lights switch-on arrangements"),
        ("6", "Allotment rents 2025/26"),
        ("7", "Date of next meeting"),
    ]
    image = Image.new("L", (1240, 1754), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    big = ImageFont.load_default(size=44)
    draw.text((330, 120), "DURNHOLLOW TOWN COUNCIL", font=big, fill=20)
    draw.text((140, 230), "Finance and General Purposes Committee", font=font, fill=30)
    draw.text((140, 280), "Tuesday 1 October 2024 at 7.00pm, Town Hall, Durnhollow", font=font, fill=30)
    draw.text((140, 380), "AGENDA", font=big, fill=20)
    for n, (number, title) in enumerate(agenda):
        draw.text((160, 470 + n * 70), f"{number}.", font=font, fill=30)
        draw.text((230, 470 + n * 70), title, font=font, fill=30)
    draw.text((140, 1100), "Town Clerk", font=font, fill=60)
    image = image.rotate(0.6, fillcolor=250)  # a scan is never quite straight
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    stem = "durnhollow-town-fgp-2024-10-01-scanned"
    canvas = Canvas(str(PDF_DIR / f"{stem}.pdf"), pagesize=A4, invariant=1)
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    write_expected(
        stem,
        {
            "name": "Durnhollow Town Council F&GP committee agenda 1 Oct 2024, scanned: one page image, no text layer "
            "(the reader should refuse it plainly: nothing can be read)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "unreadable": True,
            "body": "Durnhollow Town Council",
            "meeting_title": "Finance and General Purposes Committee",
            "date": "2024-10-01",
            "time_of_meeting": "19:00",
            "venue": "Town Hall, Durnhollow",
            "items": [{"number": n, "title": t} for n, t in agenda],
        },
    )


DOCUMENTS = [
    larkmoor_icb_board,
    westmere_allotments_two_column,
    larkmoor_quality_pack,
    ravensgill_rowing_pack,
    durnhollow_scanned,
]


def brackenford_cycling_word_by_word() -> None:
    """A club agenda as Google Docs prints it: every word placed on its own, with no space characters between
    them, so only the gaps separate words; lead initials at a right-hand stop, ● sub-points under some items."""
    rows: list[tuple[str, str, str, list[str]]] = [
        ("1", "Apologies and welcome to new committee members", "JA", []),
        ("2", "Adoption of previous minutes", "JA", []),
        (
            "3",
            "Treasurer's update and insurance renewal",
            "OK",
            ["British Cycling club affiliation", "Kit order deposit"],
        ),
        (
            "4",
            "Sportive 2025: route, marshals and first aid cover",
            "DT",
            ["Road closure application", "Feed station at Foxhollow"],
        ),
        ("5", "Youth section safeguarding lead", "HV", []),
        ("6", "Any other business", "JA", []),
    ]
    stem = "brackenford-wheelers-committee-2025-01-21-agenda"
    canvas = Canvas(str(PDF_DIR / f"{stem}.pdf"), pagesize=A4, invariant=1)
    canvas.setTitle("Committee meeting agenda")
    canvas.setCreator("Google Docs Renderer")

    def words(x: float, y: float, text: str, font: str = "Helvetica", size: float = 11) -> None:
        canvas.setFont(font, size)
        space = canvas.stringWidth(" ", font, size)
        for word in text.split(" "):
            canvas.drawString(x, y, word)  # one text object per word: no space glyphs at all
            x += canvas.stringWidth(word, font, size) + space

    top = A4[1] - 30 * mm
    words(25 * mm, top, "Brackenford Wheelers Cycling Club", "Helvetica-Bold", 16)
    words(25 * mm, top - 9 * mm, "Committee meeting - Tuesday 21 January 2025, 8.00pm, The Drovers Arms function room")
    words(25 * mm, top - 20 * mm, "Agenda", "Helvetica-Bold", 13)
    y = top - 30 * mm
    for number, title, lead, bullets in rows:
        words(25 * mm, y, number)
        words(35 * mm, y, title)
        words(170 * mm, y, lead)
        y -= 7 * mm
        for bullet in bullets:
            words(42 * mm, y, "\u25cf")
            words(48 * mm, y, bullet)
            y -= 6 * mm
        y -= 2 * mm
    words(
        25 * mm,
        y - 6 * mm,
        "Committee: JA Jessamy Arbuthnot (Chair), OK Orlaith Keaveney (Treasurer), DT Dashiell Tremayne, HV Harriet Vanstone",
        size=9,
    )
    canvas.showPage()
    canvas.save()
    write_expected(
        stem,
        {
            "name": "Brackenford Wheelers Cycling Club committee agenda 21 Jan 2025, drawn word by word as Google Docs "
            "PDFs are (no space characters: words are separated only by gaps), lead initials at a right stop, "
            "● sub-points that are not items",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Brackenford Wheelers Cycling Club",
            "meeting_title": "Committee meeting",
            "date": "2025-01-21",
            "time_of_meeting": "20:00",
            "venue": "The Drovers Arms function room",
            "items": [{"number": n, "title": t, "presenter": lead} for n, t, lead, _ in rows],
        },
    )


DOCUMENTS.append(brackenford_cycling_word_by_word)


def tollbridge_broken_text_layer() -> None:
    """A parish agenda that prints correctly but whose text layer is garbage: the embedded font's ToUnicode map
    is wrong (as PDFs from some printer drivers are), so every extracted character is a symbol."""
    import re

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    agenda = [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the meeting held on 9 September 2025"),
        ("4", "Public open forum"),
        ("5", "Footpath 14 diversion order consultation"),
        ("6", "Village green bench replacement"),
        ("7", "Precept 2026/27: first discussion"),
        ("8", "Date of next meeting"),
    ]
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    pdfmetrics.registerFont(TTFont("CorpusDejaVu", font))
    pdfmetrics.registerFont(TTFont("CorpusDejaVuBold", font.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")))
    stem = "tollbridge-parish-2025-10-14-broken-text"
    clean = PDF_DIR / f"{stem}.clean.pdf"
    canvas = Canvas(str(clean), pagesize=A4, invariant=1)
    canvas.setCreator("Printer driver")
    top = A4[1] - 30 * mm
    canvas.setFont("CorpusDejaVuBold", 16)
    canvas.drawCentredString(A4[0] / 2, top, "TOLLBRIDGE PARISH COUNCIL")
    canvas.setFont("CorpusDejaVu", 11)
    canvas.drawCentredString(
        A4[0] / 2,
        top - 8 * mm,
        "Meeting of the Parish Council, Tuesday 14 October 2025 at 7.30pm, Tollbridge Reading Room",
    )
    canvas.setFont("CorpusDejaVuBold", 13)
    canvas.drawString(25 * mm, top - 22 * mm, "AGENDA")
    canvas.setFont("CorpusDejaVu", 11)
    for n, (number, title) in enumerate(agenda):
        canvas.drawString(25 * mm, top - (32 + 8 * n) * mm, number)
        canvas.drawString(35 * mm, top - (32 + 8 * n) * mm, title)
    canvas.showPage()
    canvas.save()
    reader = PdfReader(clean)
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        for ref in page["/Resources"]["/Font"].values():
            font_object = ref.get_object()
            if "/ToUnicode" not in font_object:
                continue
            cmap = font_object["/ToUnicode"].get_object()
            data = cmap.get_data().decode("latin-1")
            # Every glyph now claims to be a symbol from the mathematical operators block.
            broken = re.sub(
                r"<([0-9A-F]{2})> <([0-9A-F]{4})>", lambda m: f"<{m[1]}> <{0x2200 + int(m[2], 16) % 0x100:04X}>", data
            )
            cmap.set_data(broken.encode("latin-1"))
            font_object[NameObject("/ToUnicode")] = cmap.indirect_reference or cmap
    with open(PDF_DIR / f"{stem}.pdf", "wb") as out:
        writer.write(out)
    clean.unlink()
    write_expected(
        stem,
        {
            "name": "Tollbridge Parish Council agenda 14 Oct 2025 with a broken text layer: it prints correctly but "
            "the embedded fonts' ToUnicode maps are wrong, so the text extracts as mathematical symbols (the reader "
            "should refuse it plainly)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "unreadable": True,
            "body": "Tollbridge Parish Council",
            "meeting_title": "Meeting of the Parish Council",
            "date": "2025-10-14",
            "time_of_meeting": "19:30",
            "venue": "Tollbridge Reading Room",
            "items": [{"number": n, "title": t} for n, t in agenda],
        },
    )


DOCUMENTS.append(tollbridge_broken_text_layer)
