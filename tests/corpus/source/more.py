# ruff: noqa: E501
"""More shapes: a partnership board with "HCP1"-style labels, planning committee minutes with "Present (9):"
and substitutes, pdftotext's column-serialised text of a table agenda, and Word documents (python-docx, printed by
LibreOffice) with tab-stop agendas and minutes with an action column."""

from __future__ import annotations

import subprocess
from typing import Any

from common import (
    BODY,
    CENTRE,
    CENTRE_H2,
    GRID,
    H1,
    PDF_DIR,
    SMALL,
    SOURCE_DIR,
    TEXT_DIR,
    StampedDoc,
    soffice_pdf,
    write_expected,
)
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle


def _page_footer(canvas: Any, doc: StampedDoc) -> None:
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(doc.pagesize[0] - 20 * mm, 10 * mm, f"Page {canvas.getPageNumber()} of 1")


def keswold_partnership() -> None:
    """A health and care partnership: item labels "HCP1".."HCP9" with times and a Lead column, no header row."""
    rows = [
        ("HCP1", "14:00", "Welcome, introductions and apologies", "Cllr Rosalind Pennicott"),
        ("HCP2", "14:05", "Declarations of interest", "Cllr Rosalind Pennicott"),
        ("HCP3", "14:10", "Notes of the meeting held on 12 December 2024 and action log", "Cllr Rosalind Pennicott"),
        (
            "HCP4",
            "14:20",
            "Keswold Place Plan: Year 2 Priorities and the Neighbourhood Health Pilot in Upper Keswold and Quayside",
            "Dr Torquil Haddow",
        ),
        ("HCP5", "14:45", "Better Care Fund Quarter 3 Return", "Folasade Adeyemi"),
        ("HCP6", "15:00", "Joint Strategic Needs Assessment: Healthy Ageing Chapter", "Director of Public Health"),
        ("HCP7", "15:20", "Voluntary Sector Grants Review", "Kwabena Mensah"),
        ("HCP8", "15:35", "Forward Plan", "Partnership Manager"),
        ("HCP9", "15:40", "Any other business", "Cllr Rosalind Pennicott"),
    ]
    story: list[Any] = [
        Paragraph("Keswold Health and Care Partnership", H1),
        Paragraph("Thursday 13 February 2025 at 2.00pm, Committee Room 1, Keswold House", BODY),
        Spacer(1, 6 * mm),
        Paragraph("<b>AGENDA</b>", BODY),
        Spacer(1, 2 * mm),
    ]
    data = [
        [Paragraph(f"<b>{n}</b>", BODY), Paragraph(t, BODY), Paragraph(f"<b>{title}</b>", BODY), Paragraph(lead, SMALL)]
        for n, t, title, lead in rows
    ]
    story.append(
        Table(
            data,
            colWidths=[16 * mm, 14 * mm, 100 * mm, 40 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            ),
        )
    )
    story += [Spacer(1, 6 * mm), Paragraph("Next meeting: Thursday 10 April 2025, 2.00pm", SMALL)]
    stem = "keswold-health-care-partnership-2025-02-13-agenda"
    StampedDoc(PDF_DIR / f"{stem}.pdf", _page_footer, title="Keswold Health and Care Partnership").build(story)
    write_expected(
        stem,
        {
            "name": "Keswold Health and Care Partnership agenda 13 Feb 2025 (labels HCP1-HCP9, a time column, bold "
            "titles, leads as names or roles, no header row)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Keswold Health and Care Partnership",
            "meeting_title": "Keswold Health and Care Partnership",
            "date": "2025-02-13",
            "time_of_meeting": "14:00",
            "venue": "Committee Room 1, Keswold House",
            "items": [{"number": n, "title": title, "time": t, "presenter": lead} for n, t, title, lead in rows],
        },
    )


def keswold_planning_minutes() -> None:
    """Planning committee minutes: "Present (9):" with (XX) initials, substitutes, officers, and decisions."""
    minutes = [
        (
            "PL/24/88",
            "Apologies and Substitutions",
            "Apologies were received from Councillors Ballantyne and Tregarthen. Councillor Hartigan-Lowe attended as substitute for Councillor Ballantyne.",
        ),
        (
            "PL/24/89",
            "Declarations of Interest",
            "Councillor Mawdsley declared that she had been lobbied on application 24/01872/FUL.",
        ),
        (
            "PL/24/90",
            "Minutes of the Previous Meeting",
            "RESOLVED that the minutes of the meeting held on 5 February 2025 be confirmed and signed.",
        ),
        ("PL/24/91", "Planning Appeals Update", "Members noted the two appeal decisions, both dismissed."),
        (
            "PL/24/92",
            "24/01872/FUL - Land East of Millbrook Road, Upper Keswold",
            "RESOLVED that planning permission be REFUSED for the reasons set out in the report (For 5, Against 3, Abstain 1). ACTION: PD to issue the decision notice.",
        ),
        (
            "PL/24/93",
            "24/02011/HOU - 14 Chantry Close, Keswold",
            "RESOLVED that planning permission be GRANTED subject to the conditions in the report.",
        ),
        (
            "PL/24/94",
            "25/00064/LBC - The Old Granary, Quayside, Keswold",
            "Deferred for a site visit. ACTION: CW to arrange the site visit before the next meeting.",
        ),
    ]
    present = [
        ("Rosalind Pennicott", "RP", "Chairman"),
        ("Anwar Chaudhry", "AC", "Vice-Chairman"),
        ("Elspeth Mawdsley", "EM", ""),
        ("Kwabena Mensah", "KM", ""),
        ("Lucinda Stansfield", "LS", ""),
        ("Yvette Wolstenholme", "YW", ""),
        ("Ignatius Hartigan-Lowe", "IHL", "substitute for Councillor Ballantyne"),
        ("Bryony Featherstonehaugh", "BF", ""),
        ("Casimir Oyelaran", "CO", ""),
    ]
    present_text = ", ".join(f"{n} ({i})" + (f" ({r})" if r and "substitute" not in r else "") for n, i, r in present)
    story: list[Any] = [
        Paragraph("KESWOLD DISTRICT COUNCIL", CENTRE_H2),
        Paragraph(
            "Minutes of the meeting of the <b>Planning Committee</b> held on Wednesday 5 March 2025 at 7.00pm in the Mayor's Parlour, Keswold House",
            CENTRE,
        ),
        Spacer(1, 5 * mm),
        Paragraph(f"<b>Present (9):</b> Councillors {present_text}", BODY),
        Spacer(1, 2 * mm),
        Paragraph("<b>Substitute:</b> Councillor Ignatius Hartigan-Lowe (IHL) for Councillor Fergus Ballantyne", BODY),
        Spacer(1, 2 * mm),
        Paragraph(
            "<b>Officers:</b> Prudence Dalrymple (PD) (Development Manager), Cuthbert Wainwright (CW) (Principal Planning Officer), Anouk Vermeulen (Solicitor)",
            BODY,
        ),
        Spacer(1, 2 * mm),
        Paragraph("<b>Apologies:</b> Councillors Fergus Ballantyne and Oswin Tregarthen", BODY),
        Spacer(1, 5 * mm),
    ]
    for number, title, text in minutes:
        story += [
            Paragraph(f"<b>{number}&nbsp;&nbsp;&nbsp;{title}</b>", BODY),
            Paragraph(text, BODY),
            Spacer(1, 3 * mm),
        ]
    story.append(Paragraph("The meeting ended at 9.40pm. Chairman: ..............................", BODY))
    stem = "keswold-planning-2025-03-05-minutes"
    StampedDoc(PDF_DIR / f"{stem}.pdf", _page_footer, title="Planning Committee minutes").build(story)
    people: list[dict[str, str]] = []
    for name, initials, role in present:
        entry = {"name": name, "category": "deputising" if "substitute" in role else "present", "initials": initials}
        if role and "substitute" not in role:
            entry["role"] = role
        if "substitute" in role:
            entry["deputising_for"] = "Fergus Ballantyne"
        if role == "Chairman":
            entry["chair"] = "yes"
        people.append(entry)
    people += [
        {"name": "Prudence Dalrymple", "category": "in_attendance", "role": "Development Manager", "initials": "PD"},
        {
            "name": "Cuthbert Wainwright",
            "category": "in_attendance",
            "role": "Principal Planning Officer",
            "initials": "CW",
        },
        {"name": "Anouk Vermeulen", "category": "in_attendance", "role": "Solicitor"},
        {"name": "Fergus Ballantyne", "category": "apologies"},
        {"name": "Oswin Tregarthen", "category": "apologies"},
    ]
    write_expected(
        stem,
        {
            "name": "Keswold District Council Planning Committee minutes 5 Mar 2025 ('Present (9): Councillors Name "
            "(XX), ...' prose with initials, a substitute, officers with initials, minute numbers PL/24/88-94, "
            "'ACTION: XX' inside the minute text)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "Keswold District Council",
            "meeting_title": "Planning Committee",
            "date": "2025-03-05",
            "time_of_meeting": "19:00",
            "venue": "Mayor's Parlour, Keswold House",
            "items": [{"number": n, "title": t} for n, t, _ in minutes],
            "people": people,
            "actions": [
                {"number": "PL/24/92", "owner": "PD", "text": "to issue the decision notice."},
                {"number": "PL/24/94", "owner": "CW", "text": "to arrange the site visit before the next meeting."},
            ],
        },
    )


def norbridge_pdftotext() -> None:
    """What a secretary gets by copying the NHS table agenda out with pdftotext: columns one after another."""
    source = PDF_DIR / "norbridge-trust-board-2025-02-06-agenda.pdf"
    stem = "norbridge-trust-board-2025-02-06-agenda-pdftotext"
    out = TEXT_DIR / f"{stem}.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(source), str(out)], check=True)
    import json

    expected = json.loads(
        (SOURCE_DIR.parent / "expected" / "norbridge-trust-board-2025-02-06-agenda.json").read_text(encoding="utf-8")
    )
    expected["name"] = (
        "The Norbridge and Elmsworth board agenda (6 Feb 2025) as pdftotext prints it without -layout: the table comes out column by column (times, numbers, titles, leads...)"
    )
    expected["file"] = out.name
    write_expected(stem, expected)


def _docx_base() -> Any:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    style = document.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(11)
    return document


def _widths(table: Any, *widths: Any) -> None:
    """Word keeps column widths both in the grid and on every cell; LibreOffice reads the grid."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def pellinor_board_docx() -> None:
    """A company board agenda typed in Word: "N.<TAB>Title<TAB>Lead" with a right tab stop, sub-items "2.1"."""
    rows = [
        ("1", "Quorum and declarations of directors' interests", "Chair"),
        ("2", "Minutes", ""),
        ("2.1", "Minutes of the board meeting held on 11 March 2025", "Chair"),
        ("2.2", "Minutes of the audit committee meeting held on 1 April 2025", "Committee Chair"),
        ("3", "Matters arising and actions", "Company Secretary"),
        ("4", "Chief Executive's report", "CEO"),
        ("5", "Trading update and full year results announcement", "CFO"),
        ("6", "Proposed acquisition of Harrowgate Fasteners Limited", "CEO"),
        ("7", "Recommendation of the final dividend", "CFO"),
        ("8", "Notice of AGM and AGM arrangements", "Company Secretary"),
        ("9", "Any other business", "Chair"),
    ]
    document = _docx_base()
    title = document.add_paragraph()
    run = title.add_run("PELLINOR HOLDINGS PLC")
    run.bold = True
    run.font.size = Pt(14)
    document.add_paragraph("(the \u201cCompany\u201d)")
    document.add_paragraph(
        "Agenda for a meeting of the Board of Directors of the Company to be held at 4 Drover's Row, Castlebrook "
        "on Tuesday 13 May 2025 at 9.30 am"
    )
    heading = document.add_paragraph()
    heading.add_run("AGENDA").bold = True
    for number, text, lead in rows:
        paragraph = document.add_paragraph()
        indent = Cm(1.5) if "." in number else Cm(0)
        paragraph.paragraph_format.left_indent = indent
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(indent + Cm(1.3))
        stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
        head = paragraph.add_run(f"{number}.\t{text}")
        head.bold = "." not in number
        if lead:
            paragraph.add_run(f"\t{lead}").italic = True
    document.add_paragraph("Wilhelmina Strathearn, Company Secretary, 6 May 2025")
    stem = "pellinor-holdings-board-2025-05-13-agenda"
    source = SOURCE_DIR / "docx" / f"{stem}.docx"
    source.parent.mkdir(exist_ok=True)
    document.core_properties.author = "Company Secretary"
    document.save(str(source))
    soffice_pdf(source, PDF_DIR / f"{stem}.pdf")
    write_expected(
        stem,
        {
            "name": "Pellinor Holdings plc board of directors agenda 13 May 2025 (Word .docx with tab stops: 'N.<TAB>"
            "Title<TAB>Lead' right-aligned in italics, indented 2.1/2.2)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Pellinor Holdings plc",
            "meeting_title": "Meeting of the Board of Directors",
            "date": "2025-05-13",
            "time_of_meeting": "09:30",
            "venue": "4 Drover's Row, Castlebrook",
            "items": [{"number": n, "title": t, **({"presenter": lead} if lead else {})} for n, t, lead in rows],
        },
    )


def pellinor_board_minutes_docx() -> None:
    """Company board minutes in Word: a Present/In attendance/Apologies table with roles, numbered minutes in a
    three-column table (No. | Minute | Action) with owners' initials."""
    present = [
        ("Cressida Hollingworth", "Non-executive Chair", "CH"),
        ("Barnaby Okoro-Whitfield", "Chief Executive Officer", "BOW"),
        ("Sunniva Ravensdale", "Chief Financial Officer", "SR"),
        ("Leopold Vanterpool", "Senior Independent Director", "LV"),
        ("Ysolde Kerrigan", "Independent Non-executive Director", "YK"),
    ]
    attendance = [
        ("Wilhelmina Strathearn", "Company Secretary", "WS"),
        ("Idris Pemberton-Clay", "Partner, Thorne Haskett LLP (for minute 25/37)", "IPC"),
    ]
    apologies = [("Marius Oyelowo-Kent", "Independent Non-executive Director", "MOK")]
    minutes = [
        ("25/34", "Quorum and declarations of interest", "A quorum was present. No interests were declared.", ""),
        (
            "25/35",
            "Minutes",
            "The minutes of the meetings of 11 March 2025 (board) and 1 April 2025 (audit committee) were approved.",
            "",
        ),
        (
            "25/36",
            "Chief Executive's report",
            "BOW presented the report. The board asked for a health and safety deep dive at the July meeting.",
            "BOW",
        ),
        (
            "25/37",
            "Trading update and full year results",
            "SR presented the results. The board approved the announcement subject to final audit sign-off. SR to circulate the final announcement by 16 May.",
            "SR",
        ),
        (
            "25/38",
            "Proposed acquisition of Harrowgate Fasteners Limited",
            "The board approved entry into exclusivity. WS to convene a committee of the board to approve the final terms.",
            "WS",
        ),
        ("25/39", "Final dividend", "The board resolved to recommend a final dividend of 4.2 pence per share.", ""),
    ]
    document = _docx_base()
    head = document.add_paragraph()
    head.add_run("PELLINOR HOLDINGS PLC").bold = True
    document.add_paragraph(
        "Minutes of a meeting of the Board of Directors held at 4 Drover's Row, Castlebrook on Tuesday 13 May 2025 at 9.30 am"
    )
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for heading, people in (("Present:", present), ("In attendance:", attendance), ("Apologies:", apologies)):
        for n, (name, role, _initials) in enumerate(people):
            cells = table.add_row().cells
            cells[0].text = heading if n == 0 else ""
            cells[1].text = name
            cells[2].text = role
    document.add_paragraph()
    body = document.add_table(rows=1, cols=3)
    body.style = "Table Grid"
    for cell, text in zip(body.rows[0].cells, ("No.", "Minute", "Action"), strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for number, title, text, action in minutes:
        cells = body.add_row().cells
        cells[0].text = number
        cells[1].text = ""
        cells[1].paragraphs[0].add_run(title).bold = True
        cells[1].add_paragraph(text)
        cells[2].text = action
    _widths(table, Cm(3.0), Cm(6.0), Cm(7.6))
    _widths(body, Cm(2.0), Cm(12.6), Cm(2.0))
    document.add_paragraph("Chair ........................................")
    stem = "pellinor-holdings-board-2025-05-13-minutes"
    source = SOURCE_DIR / "docx" / f"{stem}.docx"
    source.parent.mkdir(exist_ok=True)
    document.save(str(source))
    soffice_pdf(source, PDF_DIR / f"{stem}.pdf")
    people_out = [
        {"name": n, "category": "present", "role": r, "initials": i, **({"chair": "yes"} if "Chair" in r else {})}
        for n, r, i in present
    ]
    people_out += [{"name": n, "category": "in_attendance", "role": r, "initials": i} for n, r, i in attendance]
    people_out += [{"name": n, "category": "apologies", "role": r, "initials": i} for n, r, i in apologies]
    write_expected(
        stem,
        {
            "name": "Pellinor Holdings plc board minutes 13 May 2025 (Word .docx: a Present / In attendance / "
            "Apologies grid Heading | Name | Role, minutes 25/34-25/39 in a No. | Minute | Action table)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "Pellinor Holdings plc",
            "meeting_title": "Meeting of the Board of Directors",
            "date": "2025-05-13",
            "time_of_meeting": "09:30",
            "venue": "4 Drover's Row, Castlebrook",
            "items": [{"number": n, "title": t} for n, t, _, _ in minutes],
            "people": people_out,
            "actions": [
                {"number": n, "owner": a, "text": text.split(". ")[-1] if n != "25/36" else text.split(". ", 1)[1]}
                for n, _, text, a in minutes
                if a
            ],
        },
    )


DOCUMENTS = [
    keswold_partnership,
    keswold_planning_minutes,
    norbridge_pdftotext,
    pellinor_board_docx,
    pellinor_board_minutes_docx,
]
