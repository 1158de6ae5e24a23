# ruff: noqa: E501
"""Held-out fourth round, public bodies: a US school district board agenda (Roman numerals, a lettered consent
agenda, numbered action items, Action / Information tags in a right column), an Australian shire council agenda
whose table of contents (dotted leaders, page numbers) is the agenda, an Irish county council's monthly meeting
with notices of motion, an English pension fund committee with Part I / Part II and exempt-information notes, a
Canadian township's bilingual agenda in parallel English / French columns, and an internal drainage board's
notice with '(1)' labels."""

from __future__ import annotations

from typing import Any

from kit import CORPUS_OUT, Item, Out, keep_source, soffice_pdf, write_expected
from round4_util import (
    borders,
    cell_text,
    docx_field,
    e,
    french_date,
    ordinal_date,
    save_docx,
    shade,
    ttf_family,
    uk_date,
    us_date,
    widths,
)

OUT = CORPUS_OUT


# --- A US school district board of education agenda (Word) ----------------------------------------------------


def juniper_flats_school_board(out: Out = OUT) -> None:
    """Board of Education regular meeting: sections I.-XIV. in Roman numerals (two carrying their own times), a
    closed session first (Part II) with bulleted matters, a consent agenda A.-F., action items 1.-4. each with a
    'Presenter:' line and a 'Recommended motion:' paragraph, unnumbered information items, and an Action /
    Information / Discussion tag in a right-hand column of a borderless Word table."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    iso = "2025-11-12"
    # (label, title, time, presenter as printed, tag, detail lines, part)
    rows: list[tuple[str, str, str, str, str, list[str], int]] = [
        ("I", "CALL TO ORDER", "5:30 p.m.", "", "", [], 1),
        (
            "II",
            "CLOSED SESSION",
            "",
            "",
            "",
            [
                "Public Employee Discipline/Dismissal/Release",
                "Conference with Labor Negotiators \u2013 Agency Negotiator: Marcus Ellingwood-Tate, Assistant Superintendent, Human Resources; Employee Organization: Juniper Flats Education Association",
                "Student Expulsion Case No. 25-26-03",
            ],
            2,
        ),
        ("III", "RECONVENE IN OPEN SESSION", "6:30 p.m.", "", "", [], 1),
        ("IV", "PLEDGE OF ALLEGIANCE", "", "", "", [], 1),
        ("V", "REPORT OF ACTION TAKEN IN CLOSED SESSION", "", "", "Information", [], 1),
        ("VI", "APPROVAL OF THE AGENDA", "", "", "Action", [], 1),
        (
            "VII",
            "RECOGNITIONS",
            "",
            "",
            "Information",
            [
                "Sagebrush Elementary School \u2013 National Blue Ribbon Schools visit",
                "Students of the Month, October 2025",
            ],
            1,
        ),
        (
            "VIII",
            "PUBLIC COMMENT ON ITEMS NOT ON THE AGENDA",
            "",
            "",
            "",
            [
                "Speakers are limited to three minutes. Please complete a speaker card and give it to the Board Secretary."
            ],
            1,
        ),
        (
            "IX",
            "CONSENT AGENDA",
            "",
            "",
            "Action",
            [
                "Items on the consent agenda are approved by one motion unless a Board member asks for an item to be considered separately."
            ],
            1,
        ),
        ("A", "Minutes of the Regular Meeting of " + us_date("2025-10-22", False), "", "", "Action", [], 1),
        ("B", "Warrants and Purchase Orders, October 2025", "", "", "Action", [], 1),
        ("C", "Certificated and Classified Personnel Report", "", "", "Action", [], 1),
        ("D", "Acceptance of Donations", "", "", "Action", [], 1),
        (
            "E",
            "Overnight Field Trip: Juniper Flats High School Robotics Team to the State Championship",
            "",
            "",
            "Action",
            [],
            1,
        ),
        ("F", "Disposal of Surplus Property (Obsolete Technology)", "", "", "Action", [], 1),
        ("X", "ACTION ITEMS", "", "", "", [], 1),
        (
            "1",
            "Resolution No. 25-26-07: Declaration of Need for Fully Qualified Educators",
            "",
            "Marcus Ellingwood-Tate, Assistant Superintendent, Human Resources",
            "Action",
            ["Recommended motion: That the Board adopt Resolution No. 25-26-07."],
            1,
        ),
        (
            "2",
            "First Interim Financial Report, 2025\u201326",
            "",
            "Rosario Quintanilla-Webb, Chief Business Official",
            "Action",
            ["Recommended motion: That the Board approve a positive certification of the First Interim Report."],
            1,
        ),
        (
            "3",
            "Board Policy 5131.2, Bullying (Second Reading)",
            "",
            "Dr. Lydia Brennan-Cho, Superintendent",
            "Action",
            ["Recommended motion: That the Board adopt revised Board Policy 5131.2."],
            1,
        ),
        (
            "4",
            "Award of Bid No. 26-03: HVAC Replacement at Sagebrush Elementary School",
            "",
            "Wendell Asante-Moreno, Director of Facilities",
            "Action",
            [
                "Recommended motion: That the Board award Bid No. 26-03 to Desert Air Mechanical in the amount of $612,400."
            ],
            1,
        ),
        ("XI", "INFORMATION AND DISCUSSION ITEMS", "", "", "", [], 1),
        (
            "",
            "Enrollment and Attendance Report, First Quarter",
            "",
            "Dr. Lydia Brennan-Cho, Superintendent",
            "Information",
            [],
            1,
        ),
        ("", "Facilities Master Plan Update", "", "Wendell Asante-Moreno, Director of Facilities", "Discussion", [], 1),
        ("XII", "SUPERINTENDENT\u2019S REPORT", "", "", "Information", [], 1),
        ("XIII", "BOARD MEMBER REPORTS AND REQUESTS FOR FUTURE AGENDA ITEMS", "", "", "Information", [], 1),
        ("XIV", "ADJOURNMENT", "", "", "Action", [], 1),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(27.94), Cm(21.59)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.8)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Serif", Pt(11)
    normal.paragraph_format.space_after = Pt(2)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run(
        "JFUSD Board of Education \u2013 Regular Meeting \u2013 " + us_date(iso, False) + " \u2013 Page "
    ).font.size = Pt(8)
    docx_field(foot, "PAGE")
    for text, size, bold in (
        ("JUNIPER FLATS UNIFIED SCHOOL DISTRICT", 15, True),
        ("BOARD OF EDUCATION", 12, True),
        ("REGULAR MEETING AGENDA", 12, True),
    ):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(
        f"{us_date(iso)}\nClosed Session 5:30 p.m. \u2022 Open Session 6:30 p.m.\nDistrict Office Board Room, 1200 Mesquite Road, Juniper Flats, Arizona"
    )
    members = document.add_paragraph()
    members.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = members.add_run(
        "Board of Education: Alma Ruiz-Kettering, President \u2022 Desmond Oyelowo-Park, Vice President \u2022 Janice Whitford, Clerk \u2022 Harlan Begay-Moss, Member \u2022 Yesenia Corral-Dunbar, Member"
    )
    run.italic, run.font.size = True, Pt(9)
    members.paragraph_format.space_after = Pt(10)
    table = document.add_table(rows=0, cols=3)
    for label, title, time, presenter, tag, details, _part in rows:
        row = table.add_row()
        roman = (label and not label.isdigit() and len(label) > 1) or label in {"I", "V", "X"}
        indent_label = f"{label}." if label else "\u2022"
        cell_text(row.cells[0], indent_label if roman else "", bold=True, size=11)
        body = row.cells[1]
        heading = f"{title} \u2013 {time.upper()}" if time else title
        if roman:
            cell_text(body, heading, bold=True, size=11)
        else:
            paragraph = body.paragraphs[0]
            run = paragraph.add_run(f"{indent_label}\t{title}")
            run.bold, run.font.size = bool(label), Pt(11)
            paragraph.paragraph_format.left_indent = Cm(0.8)
            paragraph.paragraph_format.first_line_indent = Cm(-0.8)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.8))
        for line in details:
            if label == "II":
                detail = cell_text(body, "\u2022  " + line, size=10, new=True)
            else:
                detail = cell_text(body, line, italic=line.startswith("Recommended"), size=10, new=True)
            detail.paragraph_format.left_indent = Cm(0.8)
        if presenter:
            detail = cell_text(body, f"Presenter: {presenter}", size=10, new=True)
            detail.paragraph_format.left_indent = Cm(0.8)
        cell_text(row.cells[2], tag, italic=True, size=10)
        row.cells[0].paragraphs[0].paragraph_format.space_before = Pt(6 if roman else 2)
        body.paragraphs[0].paragraph_format.space_before = Pt(6 if roman else 2)
        row.cells[2].paragraphs[0].paragraph_format.space_before = Pt(6 if roman else 2)
    widths(table, [Cm(1.4), Cm(13.8), Cm(2.3)])
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(12)
    run = note.add_run(
        "Materials related to an item on this agenda submitted to the Board after distribution of the agenda packet are available for public inspection at the District Office during normal business hours. "
        "Individuals who require disability-related accommodations should contact the Superintendent\u2019s Office at least 48 hours before the meeting."
    )
    run.font.size = Pt(8.5)
    stem = "juniper-flats-usd-board-2025-11-12-agenda"
    document.core_properties.author = "Superintendent's Office"
    save_docx(out, stem, document)
    items = [
        Item(
            label, title, time=time, lead=presenter, presenter=presenter.split(",")[0], purpose=tag, part=part
        ).expected()
        for label, title, time, presenter, tag, _d, part in rows
    ]
    write_expected(
        out,
        stem,
        {
            "name": "Juniper Flats Unified School District (Arizona) board of education regular meeting agenda 12 Nov 2025 "
            "(Word .docx printed by LibreOffice, US Letter, Liberation Serif: a borderless three-column table, Roman "
            "numerals I.-XIV. with CAPITAL headings, two of them carrying their own times ('CALL TO ORDER – 5:30 P.M.', "
            "'RECONVENE IN OPEN SESSION – 6:30 P.M.'); closed session II (Part II) with bulleted matters that are not "
            "items; consent agenda A.-F. and action items 1.-4. at a hanging indent, each action item with an italic "
            "'Recommended motion:' line and 'Presenter: Dr. Name, Title'; two unnumbered bulleted information items with "
            "presenters; Action / Information / Discussion tags in the right column)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Juniper Flats Unified School District",
            "meeting_title": "Board of Education Regular Meeting",
            "date": iso,
            "time_of_meeting": "17:30",
            "venue": "District Office Board Room, 1200 Mesquite Road, Juniper Flats",
            "items": items,
        },
    )


DOCUMENTS: list[Any] = [juniper_flats_school_board]


# --- An Australian shire council agenda: the table of contents is the agenda (ReportLab) -----------------------


def wattlebrook_shire_council(out: Out = OUT) -> None:
    """Ordinary council meeting agenda in the style of Australian shires: a notice page, then a TABLE OF CONTENTS
    built by ReportLab's TableOfContents with dotted leaders and page numbers (three levels: 7, 7.2, 7.2.1) - this
    is the agenda - then the body, which repeats each heading (in capitals) and gives officers' reports with File
    Reference / Author / Responsible Officer / Attachments, an OFFICER RECOMMENDATION as a numbered list and a
    Voting Requirement line. 'Page N' counted from the notice page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,  # fmt: skip
    )
    from reportlab.platypus.tableofcontents import TableOfContents

    font = ttf_family("LiberationSans")
    iso = "2025-11-19"
    base = ParagraphStyle("wb", fontName=font, fontSize=10.5, leading=14, spaceAfter=6)
    small = ParagraphStyle("wbs", parent=base, fontSize=9, leading=12)
    h = [ParagraphStyle(f"wbh{n}", parent=base, fontName=font + "-Bold", fontSize=s, leading=s + 4, spaceBefore=10, spaceAfter=4)
         for n, s in ((1, 13), (2, 12), (3, 11))]  # fmt: skip
    reports = {
        "7.1.1": (
            "ADM-0112",
            "Harriet Colquhoun-Vale, Governance Coordinator",
            "Ingrid Vasko-Tremaine, Chief Executive Officer",
            ["Delegations Register 2025/26 (tracked changes)"],
            [
                "Council adopts the Delegations Register 2025/26 as attached.",
                "Council notes that the register will be reviewed again by 30 June 2026.",
            ],
            "Absolute Majority",
        ),
        "7.1.2": (
            "ADM-0104",
            "Harriet Colquhoun-Vale, Governance Coordinator",
            "Ingrid Vasko-Tremaine, Chief Executive Officer",
            [],
            [
                "Council adopts the schedule of Ordinary Council Meetings for 2026 as set out in the report.",
                "The schedule is advertised in accordance with the regulations.",
            ],
            "Simple Majority",
        ),
        "7.2.1": (
            "TEN-2025-08",
            "Bruce Tallentire, Works Manager",
            "Kieran Mabuza-Holt, Executive Manager Infrastructure",
            ["Evaluation panel report (confidential)"],
            [
                "Council awards Tender RFT 08/2025 to Outback Seal Pty Ltd for a two-year term.",
                "The Chief Executive Officer is authorised to sign the contract.",
            ],
            "Absolute Majority",
        ),
        "7.2.2": (
            "POL-INF-07",
            "Bruce Tallentire, Works Manager",
            "Kieran Mabuza-Holt, Executive Manager Infrastructure",
            ["Road Hierarchy and Maintenance Standards Policy (draft)"],
            ["Council adopts the Road Hierarchy and Maintenance Standards Policy."],
            "Simple Majority",
        ),
        "7.3.1": (
            "FIN-0301",
            "Sunita Raghavan-Boyd, Senior Finance Officer",
            "Colette Marriner, Executive Manager Corporate and Community",
            ["Monthly financial report, October 2025"],
            ["Council receives the monthly financial report for October 2025."],
            "Simple Majority",
        ),
        "7.3.2": (
            "FIN-0302",
            "Sunita Raghavan-Boyd, Senior Finance Officer",
            "Colette Marriner, Executive Manager Corporate and Community",
            ["List of payments, October 2025"],
            ["Council receives the list of payments for October 2025 totalling $1,482,306.17."],
            "Simple Majority",
        ),
        "7.3.3": (
            "REC-0040",
            "Dale Pitjara-Connolly, Recreation Coordinator",
            "Colette Marriner, Executive Manager Corporate and Community",
            [],
            [
                "Council approves a trial of extended opening hours at the Wattlebrook Community Pool from 1 December 2025 to 28 February 2026.",
                "A report on attendance and costs is presented to Council in April 2026.",
            ],
            "Simple Majority",
        ),
    }
    items: list[tuple[str, str, int]] = [
        ("1", "Declaration of Opening / Announcement of Visitors", 1),
        ("2", "Attendance, Apologies and Approved Leave of Absence", 1),
        ("3", "Declarations of Interest", 1),
        ("4", "Public Question Time", 1),
        ("4.1", "Response to Public Questions Taken on Notice", 1),
        ("4.2", "Public Question Time", 1),
        ("5", "Petitions, Deputations and Presentations", 1),
        ("6", "Confirmation of Minutes of Previous Meetings", 1),
        ("6.1", "Ordinary Council Meeting held " + uk_date("2025-10-15", False), 1),
        ("6.2", "Audit and Risk Committee Meeting held " + uk_date("2025-11-05", False), 1),
        ("7", "Reports of Officers", 1),
        ("7.1", "Chief Executive Officer", 1),
        ("7.1.1", "Review of Delegations Register 2025/26", 1),
        ("7.1.2", "Ordinary Council Meeting Dates 2026", 1),
        ("7.2", "Infrastructure Services", 1),
        ("7.2.1", "Tender RFT 08/2025 \u2013 Supply of Bitumen Sealing Services", 1),
        ("7.2.2", "Road Hierarchy and Maintenance Standards Policy", 1),
        ("7.3", "Corporate and Community Services", 1),
        ("7.3.1", "Monthly Financial Report \u2013 October 2025", 1),
        ("7.3.2", "List of Payments \u2013 October 2025", 1),
        ("7.3.3", "Wattlebrook Community Pool \u2013 Extended Opening Hours Trial", 1),
        ("8", "Elected Members\u2019 Motions of Which Previous Notice Has Been Given", 1),
        ("9", "New Business of an Urgent Nature Introduced by Decision of the Meeting", 1),
        ("10", "Matters Behind Closed Doors", 1),
        ("10.1", "Confidential \u2013 Chief Executive Officer Annual Performance Review", 2),
        ("11", "Closure", 1),
    ]
    pages: dict[str, int] = {}

    class Doc(BaseDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            number = getattr(flowable, "item_number", None)
            if number:
                level = number.count(".")
                self.notify("TOCEntry", (level, f"{number}&nbsp;&nbsp;&nbsp;{flowable.item_title}", self.page))
                pages[number] = self.page

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setStrokeColor(colors.HexColor("#8a6d3b"))
        canvas.line(18 * mm, 15 * mm, A4[0] - 18 * mm, 15 * mm)
        canvas.drawString(18 * mm, 10 * mm, "Ordinary Council Meeting Agenda \u2013 19 November 2025")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [
        ParagraphStyle(
            "t0", fontName=font + "-Bold", fontSize=10.5, leading=14, leftIndent=0, firstLineIndent=0, spaceBefore=4
        ),
        ParagraphStyle("t1", fontName=font, fontSize=10, leading=13, leftIndent=8 * mm, firstLineIndent=0),
        ParagraphStyle("t2", fontName=font, fontSize=10, leading=13, leftIndent=16 * mm, firstLineIndent=0),
    ]
    story: list[Any] = [
        Paragraph(
            "SHIRE OF WATTLEBROOK",
            ParagraphStyle("c1", parent=h[0], fontSize=24, leading=30, alignment=1, spaceBefore=60),
        ),
        Paragraph("ORDINARY COUNCIL MEETING", ParagraphStyle("c2", parent=h[0], fontSize=16, leading=20, alignment=1)),
        Paragraph("AGENDA", ParagraphStyle("c3", parent=h[0], fontSize=16, leading=20, alignment=1)),
        Spacer(1, 12 * mm),
        Paragraph(
            f"Notice is hereby given that an Ordinary Meeting of Council will be held in the Council Chambers, 14 Banksia Street, Wattlebrook on {uk_date(iso)} commencing at 5.00pm.",
            base,
        ),
        Spacer(1, 8 * mm),
        Paragraph("Ingrid Vasko-Tremaine<br/>Chief Executive Officer<br/>" + uk_date("2025-11-14"), base),
        Spacer(1, 20 * mm),
        Table(
            [
                [
                    Paragraph(
                        "<b>DISCLAIMER</b><br/>No responsibility whatsoever is implied or accepted by the Shire of Wattlebrook for any act, omission or statement or intimation occurring during Council or Committee meetings. Any person or legal entity who acts or fails to act in reliance upon any statement does so at that person\u2019s or legal entity\u2019s own risk.",
                        small,
                    )
                ]
            ],
            colWidths=[170 * mm],
            style=TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 6)]),
        ),
        PageBreak(),
        Paragraph("TABLE OF CONTENTS", h[0]),
        toc,
        PageBreak(),
    ]
    for number, title, _part in items:
        level = number.count(".")
        heading = Paragraph(f"{number}&nbsp;&nbsp;&nbsp;&nbsp;{title.upper()}", h[min(level, 2)])
        heading.item_number, heading.item_title = number, title
        story.append(heading)
        if number in reports:
            file_ref, author, officer, attachments, recommendation, vote = reports[number]
            meta = Table(
                [["File Reference:", file_ref], ["Author:", author], ["Responsible Officer:", officer],
                 ["Attachments:", Paragraph("<br/>".join(f"{n}. {a}" for n, a in enumerate(attachments, 1)) or "Nil", small)],
                 ["Disclosure of Interest:", "Nil"]],
                colWidths=[42 * mm, 128 * mm],
                style=TableStyle([("FONT", (0, 0), (-1, -1), font, 9), ("FONT", (0, 0), (0, -1), font + "-Bold", 9),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                  ("TOPPADDING", (0, 0), (-1, -1), 1)]),
            )  # fmt: skip
            story += [meta, Spacer(1, 3 * mm), Paragraph("<b>Summary</b>", base), Paragraph(
                "The purpose of this report is for Council to consider the matter described above. The report sets out the background, consultation, statutory environment, policy implications, financial implications and strategic implications.", base),
                Paragraph("<b>Background</b>", base), Paragraph("Council last considered this matter in 2024. " * 6, base),
                Paragraph("<b>OFFICER RECOMMENDATION</b>", base),
                Paragraph("That:", base)]  # fmt: skip
            story += [
                Paragraph(
                    f"{n}.&nbsp;&nbsp;{text}",
                    ParagraphStyle("rec", parent=base, leftIndent=8 * mm, firstLineIndent=-6 * mm),
                )
                for n, text in enumerate(recommendation, 1)
            ]
            story.append(Paragraph(f"<b>Voting Requirement:</b> {vote}", base))
        elif number == "10.1":
            story.append(
                Paragraph(
                    "This item is confidential in accordance with section 5.23(2)(a) of the Act as it deals with a matter affecting an employee. The report has been circulated to Councillors under separate cover.",
                    base,
                )
            )
        elif number == "11":
            story.append(
                Paragraph("There being no further business, the Presiding Member to declare the meeting closed.", base)
            )
        elif level == 0 and number not in {"4", "6", "7", "10"}:
            story.append(Paragraph("Nil." if number in {"5", "8", "9"} else "", base))
    stem = "wattlebrook-shire-council-2025-11-19-agenda"
    doc = Doc(
        str(out.pdf / f"{stem}.pdf"),
        pagesize=A4,
        invariant=1,
        title="Ordinary Council Meeting Agenda 19 November 2025",
        author="Shire of Wattlebrook",
    )
    frame = Frame(20 * mm, 22 * mm, A4[0] - 40 * mm, A4[1] - 42 * mm, id="f")
    doc.addPageTemplates([PageTemplate(id="p", frames=[frame], onPage=furniture)])
    doc.multiBuild(story)
    expected_items = [
        Item(number, title, part=part,
             extra={"toc_page": pages[number], **({"author": reports[number][1].split(",")[0]} if number in reports else {})}).expected()
        for number, title, part in items
    ]  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Shire of Wattlebrook (Western Australia style) ordinary council meeting agenda 19 Nov 2025 (ReportLab "
            "platypus, Liberation Sans: page 1 a notice signed by the CEO and a boxed disclaimer; page 2 a TABLE OF "
            "CONTENTS made by ReportLab's TableOfContents (dotted leaders, page numbers, three indent levels 1 / 4.1 / "
            "7.2.1) which IS the agenda; then the body repeats every heading in CAPITALS with officers' reports (File "
            "Reference / Author / Responsible Officer / Attachments grid, OFFICER RECOMMENDATION 'That:' with numbered "
            "clauses 1.-2., Voting Requirement); authors are not presenters; 10.1 confidential (Part II); 'Page N' counted "
            "from page 1 so printed pages = PDF pages; 'toc_page' is the page the contents gives for each item)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab (platypus, TableOfContents)",
            "body": "Shire of Wattlebrook",
            "meeting_title": "Ordinary Council Meeting",
            "date": iso,
            "time_of_meeting": "17:00",
            "venue": "Council Chambers, 14 Banksia Street, Wattlebrook",
            "items": expected_items,
        },
    )


DOCUMENTS.append(wattlebrook_shire_council)


# --- An Irish county council's monthly meeting (LibreOffice from HTML) -----------------------------------------


def kilbrenagh_county_council(out: Out = OUT) -> None:
    """Irish county council monthly meeting: a letter to each councillor ('A Chomhairleoir,'), the agenda headed
    'CLÁR / AGENDA' with items 1.-12. whose titles wrap, notices of motion (a)-(d) under item 11 each a bold short
    title, 'In the name of Cllr ...' and the motion's text in italics, ordinal dates ('10th November 2025')."""
    iso = "2025-11-10"
    rows: list[tuple[str, str, str, str]] = [
        ("1", "Confirmation of Minutes of Monthly Meeting held on " + ordinal_date("2025-10-13"), "", ""),
        ("2", "Confirmation of Minutes of Special Meeting (Budget) held on " + ordinal_date("2025-11-03"), "", ""),
        ("3", "Votes of Sympathy and Congratulations", "", ""),
        ("4", "Chief Executive\u2019s Monthly Management Report \u2013 October 2025", "", ""),
        (
            "5",
            "To consider the Disposal of Property at Gortnavarra, Kilbrenagh, in accordance with Section 183 of the Local Government Act 2001 (notice circulated 24th October 2025)",
            "",
            "",
        ),
        (
            "6",
            "Draft Kilbrenagh County Development Plan 2026\u20132032: Chief Executive\u2019s Report on Submissions Received (Stage 2)",
            "",
            "",
        ),
        (
            "7",
            "Presentation by the Local Enterprise Office on the Enterprise Development Plan 2026\u20132030",
            "Ms Aoibheann Delaney-Quirke, Head of Enterprise",
            "",
        ),
        ("8", "Section 85 Agreement with Rossmullan County Council: Shared Library Management System", "", ""),
        ("9", "Reports of the Strategic Policy Committees", "", ""),
        ("10", "Correspondence", "", ""),
        ("11", "Notices of Motion", "", ""),
        (
            "a",
            "Rural bus services",
            "Cllr Donnacha Mulrennan",
            "That Kilbrenagh County Council calls on the National Transport Authority to extend the rural bus network to every village with a population over 300.",
        ),
        (
            "b",
            "Defibrillators in community halls",
            "Cllr Siobhán Keaveney-Rourke",
            "That this Council funds the maintenance of defibrillators in all community halls in the county from the 2026 budget.",
        ),
        (
            "c",
            "Speed limits at national schools",
            "Cllr Tadhg Brennock",
            "That this Council introduces 30 km/h limits at all national schools on regional roads before September 2026.",
        ),
        (
            "d",
            "Housing adaptation grants",
            "Cllr Maura Gilhooly-Dunne",
            "That this Council writes to the Minister seeking an increase in the housing adaptation grant allocation for 2026.",
        ),
        ("12", "Any Other Business", "", ""),
    ]
    body = []
    for number, title, who, motion in rows:
        if number.isdigit():
            extra = f"<br><i>Presentation: {e(who)}</i>" if who else ""
            body.append(
                f'<tr><td width="8%" valign="top"><b>{number}.</b></td><td colspan="2" valign="top"><b>{e(title)}</b>{extra}</td></tr>'
            )
        else:
            body.append(
                f'<tr><td width="8%"></td><td width="7%" valign="top">({number})</td><td valign="top"><b>{e(title)}</b> \u2013 in the name of {e(who)}<br>'
                f"<i>\u201c{e(motion)}\u201d</i></td></tr>"
            )
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Monthly Meeting {ordinal_date(iso)}</title><style>
@page {{ size: 21cm 29.7cm; margin: 2cm 2.2cm }}
body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt }}
td {{ font-size: 11pt; padding-bottom: 6pt }}
</style></head><body>
<p align="center"><font size="5"><b>KILBRENAGH COUNTY COUNCIL</b></font><br><font size="2">Áras an Chontae, Kilbrenagh</font></p>
<p align="right">{ordinal_date("2025-11-04").split(" ", 1)[1]}</p>
<p>A Chomhairleoir,</p>
<p>You are requested to attend the Monthly Meeting of Kilbrenagh County Council to be held in the Council Chamber, Áras an Chontae, Kilbrenagh on <b>{ordinal_date(iso)} at 11.00 a.m.</b></p>
<p>Is mise le meas,</p>
<p>Fionnuala Breathnach-Hayes<br>Meetings Administrator</p>
<hr>
<p align="center"><b>CLÁR / AGENDA</b></p>
<table width="100%" cellpadding="2" cellspacing="0">{"".join(body)}</table>
</body></html>"""
    stem = "kilbrenagh-county-council-2025-11-10-agenda"
    source = keep_source(out, f"{stem}.html", html)
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Kilbrenagh County Council (Ireland) monthly meeting agenda 10 Nov 2025 (LibreOffice from HTML, Liberation "
            "Sans: a letter to each councillor ('A Chomhairleoir, ... Is mise le meas,') with the meeting in one sentence "
            "and ordinal dates, then 'CLÁR / AGENDA' as a borderless table of items 1.-12. with long wrapping titles, one "
            "italic 'Presentation: Name, Role' line (the presenter), and notices of motion (a)-(d) under item 11: a bold "
            "short title, '– in the name of Cllr Name' (the proposer, not scored as a presenter) and the motion's text in "
            "italic quotes, which is not the title)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "LibreOffice Writer from HTML",
            "body": "Kilbrenagh County Council",
            "meeting_title": "Monthly Meeting",
            "date": iso,
            "time_of_meeting": "11:00",
            "venue": "Council Chamber, Áras an Chontae, Kilbrenagh",
            "items": [
                Item(
                    n,
                    t,
                    lead=w,
                    presenter=w.split(",")[0] if n.isdigit() else "",
                    extra={"proposer": w, "motion": m} if m else {},
                ).expected()
                for n, t, w, m in rows
            ],
        },
    )


DOCUMENTS.append(kilbrenagh_county_council)


# --- A pension fund committee agenda: Part I / Part II, exempt paragraph 3 (Word) ------------------------------


def ravenmoor_pension_fund_committee(out: Out = OUT) -> None:
    """Local government pension fund committee agenda in Word: a membership block in two columns (councillors,
    employer and scheme member representatives), 'PART I – ITEMS TO BE CONSIDERED IN PUBLIC' and 'PART II – ...
    IN PRIVATE' headings, the exclusion resolution (not an item) between them, each item a bold title with a 'Report
    of ...' line and a purpose sentence, and every Part II item an italic 'Exempt information: paragraph 3 ...'
    note; page numbers of the reports in a right-hand column."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    iso = "2025-12-04"
    dof = "Report of the Director of Finance (Section 151 Officer)"
    hop = "Report of the Head of Pensions"
    rows: list[tuple[str, str, str, str, str, int]] = [
        ("1", "Apologies and substitutions", "", "", "", 1),
        (
            "2",
            "Declarations of interest",
            "",
            "Members to declare any interests, including any conflicts of interest as members of the Fund.",
            "",
            1,
        ),
        (
            "3",
            "Minutes of the meeting held on " + uk_date("2025-09-18"),
            "",
            "To approve the minutes as a correct record.",
            "5 - 12",
            1,
        ),
        (
            "4",
            "Pension Board: minutes of the meeting held on " + uk_date("2025-11-06"),
            "",
            "For information.",
            "13 - 18",
            1,
        ),
        (
            "5",
            "Investment Strategy Statement: annual review",
            dof,
            "To approve the revised Investment Strategy Statement.",
            "19 - 44",
            1,
        ),
        (
            "6",
            "2025 actuarial valuation: initial whole-fund results",
            hop,
            "To note the initial results and the timetable for employer results.",
            "45 - 62",
            1,
        ),
        (
            "7",
            "Pension administration performance, quarter 2 2025/26",
            hop,
            "To note performance against the service standards.",
            "63 - 74",
            1,
        ),
        (
            "8",
            "Responsible investment and stewardship report",
            dof,
            "To note the voting and engagement activity of the Fund\u2019s managers.",
            "75 - 90",
            1,
        ),
        ("9", "Risk register", hop, "To review the Fund\u2019s risk register.", "91 - 100", 1),
        (
            "10",
            "Training plan and knowledge assessment 2026",
            hop,
            "To agree the committee\u2019s training plan for 2026.",
            "101 - 106",
            1,
        ),
        (
            "11",
            "Investment performance and manager monitoring: quarter ended 30 September 2025",
            dof,
            "To consider the performance of the Fund\u2019s investment managers.",
            "107 - 130",
            2,
        ),
        (
            "12",
            "Appointment of a global equities manager: evaluation outcome",
            dof,
            "To approve the appointment recommended by the evaluation panel.",
            "131 - 148",
            2,
        ),
        (
            "13",
            "Asset pooling: transition of listed assets to the Westerling Investment Pool",
            dof,
            "To note progress and approve the transition budget.",
            "149 - 160",
            2,
        ),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(11)
    normal.paragraph_format.space_after = Pt(3)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Page ").font.size = Pt(8)
    docx_field(foot, "PAGE")
    for text, size, bold in (("Ravenmoor Council", 18, True), ("Pension Fund Committee", 14, True)):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    document.add_paragraph(f"Date: {uk_date(iso)}\nTime: 10.00 am\nVenue: Committee Room 2, County Hall, Ravenmoor")
    document.add_paragraph("Contact: Priyanka Holroyd-Amis, Democratic Services Officer").runs[0].font.size = Pt(9.5)
    membership = document.add_table(rows=1, cols=2)
    left = ("Councillors (voting)\nCllr Gerald Fairbrass-Lyle (Chair)\nCllr Anita Mokoena-Ward (Vice-Chair)\n"
            "Cllr Trevor Ashdale\nCllr Nusrat Bhamji-Cole\nCllr Roderick Penhale")  # fmt: skip
    right = ("Employer representative (voting)\nJudith Ormsby-Grant, Ravenmoor College\n\n"
             "Scheme member representatives (non-voting)\nLeon Abara-Whitlock\nSusan Trelawney-Hirst")  # fmt: skip
    for cell, text in zip(membership.rows[0].cells, (left, right), strict=True):
        lines = text.split("\n")
        cell_text(cell, lines[0], bold=True, size=9.5)
        for line in lines[1:]:
            cell_text(cell, line, size=9.5, new=True)
    widths(membership, [Cm(8.3), Cm(8.3)])
    document.add_paragraph()
    agenda_heading = document.add_paragraph()
    agenda_heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    agenda_heading.add_run("AGENDA").bold = True

    def part_heading(text: str) -> None:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(8)
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, Pt(11.5)

    table = None
    for number, title, report, purpose, pages, part in rows:
        if number == "1":
            part_heading("PART I \u2013 ITEMS TO BE CONSIDERED IN PUBLIC")
            table = document.add_table(rows=0, cols=3)
        if number == "11":
            assert table is not None
            widths(table, [Cm(1.2), Cm(13.0), Cm(2.4)])
            part_heading("PART II \u2013 ITEMS LIKELY TO BE CONSIDERED IN PRIVATE")
            document.add_paragraph(
                "The Committee is asked to resolve: \u201cThat under Section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following items of business on the grounds that they involve the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Act.\u201d"
            ).runs[0].font.size = Pt(10)
            table = document.add_table(rows=0, cols=3)
        assert table is not None
        row = table.add_row()
        cell_text(row.cells[0], number, bold=True)
        cell_text(row.cells[1], title, bold=True)
        if report:
            cell_text(row.cells[1], report, size=10, new=True)
        if purpose:
            cell_text(row.cells[1], purpose, size=10, new=True)
        if part == 2:
            cell_text(
                row.cells[1],
                "Exempt information: paragraph 3 \u2013 information relating to the financial or business affairs of any particular person (including the authority holding that information).",
                italic=True,
                size=9,
                new=True,
            )
        cell_text(row.cells[2], pages, size=10)
        row.cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        row.cells[1].add_paragraph().paragraph_format.space_after = Pt(0)
    assert table is not None
    widths(table, [Cm(1.2), Cm(13.0), Cm(2.4)])
    stem = "ravenmoor-pension-fund-committee-2025-12-04-agenda"
    document.core_properties.author = "Democratic Services"
    save_docx(out, stem, document)
    write_expected(
        out,
        stem,
        {
            "name": "Ravenmoor Council Pension Fund Committee agenda 4 Dec 2025 (Word .docx printed by LibreOffice: Date / "
            "Time / Venue lines, a two-column membership block (councillors, employer and scheme member representatives), "
            "'PART I – ITEMS TO BE CONSIDERED IN PUBLIC' then items 1-10 in a borderless table number | bold title over "
            "'Report of ...' (an author, not a presenter) and a purpose sentence | page range flush right ('19 - 44', "
            "printed page numbers of reports not in this PDF); 'PART II – ITEMS LIKELY TO BE CONSIDERED IN PRIVATE' with "
            "the exclusion resolution (not an item) and items 11-13 each carrying an italic 'Exempt information: "
            "paragraph 3 ...' note)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Ravenmoor Council",
            "meeting_title": "Pension Fund Committee",
            "date": iso,
            "time_of_meeting": "10:00",
            "venue": "Committee Room 2, County Hall, Ravenmoor",
            "items": [
                Item(
                    n,
                    t,
                    lead=r,
                    presenter="",
                    purpose=pu,
                    part=part,
                    printed_pages=tuple(int(x) for x in pg.split(" - ")) if pg else None,
                ).expected()
                for n, t, r, pu, pg, part in rows
            ],
        },
    )


DOCUMENTS.append(ravenmoor_pension_fund_committee)


# --- A Canadian township's bilingual agenda: English and French side by side (Word) ---------------------------


def lac_verdonne_township_council(out: Out = OUT) -> None:
    """Bilingual council agenda: a bordered Word table No. | English | Français with the header row repeated, the
    same item in both languages on one row (the expected title is the English column), report numbers in both,
    a bilingual masthead with the time as '7:00 p.m.' and '19 h', and a closed session row (Part II)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt
    from round4_util import repeat_header

    iso = "2025-12-01"
    rows: list[tuple[str, str, str, int]] = [
        ("1", "Call to Order", "Ouverture de la séance", 1),
        ("2", "Adoption of the Agenda", "Adoption de l\u2019ordre du jour", 1),
        ("3", "Declarations of Pecuniary Interest", "Déclarations d\u2019intérêts pécuniaires", 1),
        ("4", "Adoption of Minutes", "Adoption des procès-verbaux", 1),
        (
            "4.1",
            "Regular Meeting of " + us_date("2025-11-03", False),
            "Séance ordinaire du " + french_date("2025-11-03").split(" ", 1)[1],
            1,
        ),
        (
            "4.2",
            "Special Meeting of " + us_date("2025-11-17", False),
            "Séance extraordinaire du " + french_date("2025-11-17").split(" ", 1)[1],
            1,
        ),
        ("5", "Delegations", "Délégations", 1),
        (
            "5.1",
            "Lac-Verdonne Snowmobile Club \u2013 Trail Crossing Permits",
            "Club de motoneige de Lac-Verdonne \u2013 Permis de traverse de sentiers",
            1,
        ),
        ("6", "Staff Reports", "Rapports du personnel", 1),
        (
            "6.1",
            "Report TR-2025-19: 2026 Draft Operating Budget",
            "Rapport TR-2025-19 : Budget de fonctionnement provisoire 2026",
            1,
        ),
        (
            "6.2",
            "Report PW-2025-22: Winter Road Maintenance Service Levels",
            "Rapport PW-2025-22 : Niveaux de service de l\u2019entretien hivernal des chemins",
            1,
        ),
        (
            "6.3",
            "Report CL-2025-11: Procedural By-law Review",
            "Rapport CL-2025-11 : Révision du règlement de procédure",
            1,
        ),
        ("7", "By-laws", "Règlements", 1),
        (
            "7.1",
            "By-law 2025-38 \u2013 Fees and Charges for 2026",
            "Règlement 2025-38 \u2013 Droits et frais pour 2026",
            1,
        ),
        ("8", "Correspondence", "Correspondance", 1),
        (
            "9",
            "Closed Session \u2013 Municipal Act, s. 239(2)(c): acquisition of land",
            "Séance à huis clos \u2013 Loi sur les municipalités, art. 239(2)c) : acquisition d\u2019un terrain",
            2,
        ),
        ("10", "Confirming By-law 2025-39", "Règlement de confirmation 2025-39", 1),
        ("11", "Adjournment", "Levée de la séance", 1),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(27.94), Cm(21.59)
    section.left_margin = section.right_margin = Cm(1.9)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10.5)
    for text, size, bold in (
        ("Township of Lac-Verdonne  |  Canton de Lac-Verdonne", 15, True),
        ("Regular Meeting of Council  |  Séance ordinaire du conseil", 12, True),
        (f"{us_date(iso)}, 7:00 p.m.  |  {french_date(iso)}, 19 h", 10.5, False),
        ("Council Chambers, 12 Principale Street  |  Salle du conseil, 12, rue Principale", 10.5, False),
    ):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
        paragraph.paragraph_format.space_after = Pt(2)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(8)
    heading.add_run("AGENDA  |  ORDRE DU JOUR").bold = True
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("No.", "English", "Français"), strict=True):
        cell_text(cell, text, bold=True)
        shade(cell, "C9DAF8")
    repeat_header(table.rows[0])
    for number, english, french, _part in rows:
        row = table.add_row()
        sub = "." in number
        for column, text in enumerate((number, english, french)):
            cell_text(row.cells[column], text, bold=not sub)
    widths(table, [Cm(1.3), Cm(8.2), Cm(8.3)])
    borders(table, color="7F7F7F")
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(10)
    note.add_run(
        "Accessible formats are available on request. | Des formats accessibles sont disponibles sur demande."
    ).font.size = Pt(9)
    stem = "lac-verdonne-township-council-2025-12-01-agenda"
    document.core_properties.author = "Clerk / Greffière"
    save_docx(out, stem, document)
    write_expected(
        out,
        stem,
        {
            "name": "Township of Lac-Verdonne / Canton de Lac-Verdonne (Ontario, bilingual) regular council agenda 1 Dec 2025 "
            "(Word .docx printed by LibreOffice, US Letter: a bilingual masthead 'English | Français' with the time as "
            "'7:00 p.m.' and '19 h'; a bordered table No. | English | Français with a shaded header row, each item in both "
            "languages on one row - the expected title is the English column, the French column is its translation, "
            "not part of the title; sub-items 4.1-7.1 not bold; closed session item 9 (Part II))",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Township of Lac-Verdonne",
            "meeting_title": "Regular Meeting of Council",
            "date": iso,
            "time_of_meeting": "19:00",
            "venue": "Council Chambers, 12 Principale Street",
            "items": [Item(n, en, part=part, extra={"title_fr": fr}).expected() for n, en, fr, part in rows],
        },
    )


DOCUMENTS.append(lac_verdonne_township_council)


# --- An internal drainage board notice with '(1)' labels (LibreOffice from HTML) -------------------------------


def skerrow_level_idb(out: Out = OUT) -> None:
    """Internal drainage board notice of meeting: 'NOTICE IS HEREBY GIVEN that a MEETING ...' in capitals, items
    labelled '(1)'-'(14)' in a left column (expected without the brackets, as '(a)' is elsewhere in the corpus),
    (a)-(d) under the Engineer's report, 'To ...' descriptions on the line below some titles, and the clerk's
    signature and date at the foot."""
    iso = "2025-10-16"
    rows: list[tuple[str, str, str]] = [
        ("1", "Apologies for absence", ""),
        (
            "2",
            "Declarations of interest",
            "To receive declarations of any pecuniary or other interests in items on the agenda.",
        ),
        (
            "3",
            "Minutes",
            "To confirm the Minutes of the Meeting of the Board held on " + ordinal_date("2025-07-17") + ".",
        ),
        ("4", "Matters arising from the Minutes", ""),
        ("5", "Chairman\u2019s report", ""),
        ("6", "Clerk\u2019s report", "Including the Environment Agency precept and the highland water contribution."),
        (
            "7",
            "Finance",
            "To receive the statement of accounts to 30th September 2025 and to approve payments made since the last meeting.",
        ),
        ("8", "Engineer\u2019s report", ""),
        ("a", "Skerrow Sluice pumping station: refurbishment of No. 2 pump", ""),
        ("b", "Maintenance programme 2025/26: weed cutting and desilting", ""),
        ("c", "Byelaw consents and enforcement", ""),
        ("d", "Biodiversity action plan: water vole survey results", ""),
        (
            "9",
            "Estimates for 2026/27",
            "To consider the preliminary estimates and the drainage rate and special levy for 2026/27.",
        ),
        ("10", "Development control: applications for consent", ""),
        ("11", "Health and safety", ""),
        ("12", "Correspondence", ""),
        ("13", "Any other business", "At the discretion of the Chairman."),
        ("14", "Date and time of next meeting", ""),
    ]
    body = []
    for number, title, note in rows:
        sub = not number.isdigit()
        cells = (f'<td width="4%"></td><td width="7%" valign="top">({number})</td><td valign="top">{e(title)}</td>' if sub
                 else f'<td width="8%" valign="top"><b>({number})</b></td><td colspan="2" valign="top"><b>{e(title)}</b>'
                 + (f"<br>{e(note)}" if note else "") + "</td>")  # fmt: skip
        body.append(f"<tr>{cells}</tr>")
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notice of Meeting</title><style>
@page {{ size: 21cm 29.7cm; margin: 2.2cm 2.4cm }}
body {{ font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 12pt }}
td {{ font-size: 12pt; padding-bottom: 5pt }}
</style></head><body>
<p align="center"><font size="5"><b>SKERROW LEVEL INTERNAL DRAINAGE BOARD</b></font><br>
<font size="2">The Pumping Station Office, Fen Drove, Skerrow &nbsp;&nbsp; Clerk to the Board: Gareth Penwarden-Sykes</font></p>
<p align="justify">NOTICE IS HEREBY GIVEN that a MEETING of the Board will be held at the Pumping Station Office, Fen Drove, Skerrow on {ordinal_date(iso).upper()} at 2.00 p.m. for the transaction of the following business:</p>
<table width="100%" cellpadding="2" cellspacing="0">{"".join(body)}</table>
<p>&nbsp;</p>
<p>Gareth Penwarden-Sykes<br>Clerk to the Board<br>{ordinal_date("2025-10-02").split(" ", 1)[1]}</p>
<p><font size="2"><i>Members are reminded that the Board\u2019s Code of Conduct requires interests to be declared at the start of the meeting.</i></font></p>
</body></html>"""
    stem = "skerrow-level-idb-2025-10-16-agenda"
    source = keep_source(out, f"{stem}.html", html)
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Skerrow Level Internal Drainage Board notice of meeting 16 Oct 2025 (LibreOffice from HTML, Liberation "
            "Serif 12pt: 'NOTICE IS HEREBY GIVEN that a MEETING of the Board will be held at ... on THURSDAY 16TH OCTOBER "
            "2025 at 2.00 p.m.'; items labelled '(1)'-'(14)' in bold in a left column with a description on the line below "
            "some titles ('To confirm the Minutes ...', not part of the title); (a)-(d) under (8) at an indent; the "
            "clerk's name and date at the foot. Numbers are expected without their brackets, as '(a)' is in the rest of "
            "the invented corpus)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "LibreOffice Writer from HTML",
            "body": "Skerrow Level Internal Drainage Board",
            "meeting_title": "Meeting of the Board",
            "date": iso,
            "time_of_meeting": "14:00",
            "venue": "the Pumping Station Office, Fen Drove, Skerrow",
            "items": [Item(n, t, extra={"description": note} if note else {}).expected() for n, t, note in rows],
        },
    )


DOCUMENTS.append(skerrow_level_idb)
