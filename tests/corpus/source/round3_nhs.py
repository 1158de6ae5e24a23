# ruff: noqa: E501
"""Held-out NHS documents: an ICB committee pack with a landscape agenda, classification banners at the top and
bottom of every page and an "Agenda Item N" header on every page of each paper (ReportLab); a foundation trust's
Council of Governors agenda with "Item 1" labels and time ranges (LibreOffice); a Scottish integration joint
board agenda with three levels of numbering (Word .docx)."""

from __future__ import annotations

import io
from html import escape
from typing import Any

from kit import CORPUS_OUT, Item, Out, keep_source, page_count, soffice_pdf, write_expected

OUT = CORPUS_OUT


def _e(text: str) -> str:
    return escape(text, quote=False)


def ravelstoke_primary_care_pack(out: Out = OUT) -> None:
    """ICB Primary Care Commissioning Committee pack: a landscape agenda table Time | Item | Title | Lead |
    Purpose | Format | Enclosure with "13:30 \u2013 13:35" ranges and 'Name, Role' leads; papers on portrait
    pages each headed "Agenda Item N" on every page; OFFICIAL banners top and bottom of every page (one paper
    OFFICIAL-SENSITIVE: COMMERCIAL); "Page x of y" footers."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    base = ParagraphStyle("rb", fontName="Helvetica", fontSize=10, leading=12.5, spaceAfter=3)
    small = ParagraphStyle("rs", parent=base, fontSize=9, leading=11, spaceAfter=0)
    h1 = ParagraphStyle(
        "rh1", parent=base, fontName="Helvetica-Bold", fontSize=16, leading=20, textColor=colors.HexColor("#005eb8")
    )
    h2 = ParagraphStyle(
        "rh2", parent=base, fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=4, spaceAfter=6
    )
    # (time, number, title, lead, purpose, format, enclosure, pages of paper, classification)
    rows = [
        (
            "13:30 \u2013 13:35",
            "1",
            "Welcome, apologies and quoracy",
            "Dr Hilary Stannard, Chair",
            "Note",
            "Verbal",
            "",
            0,
            "",
        ),
        ("13:35 \u2013 13:40", "2", "Declarations of interest", "Chair", "Note", "Verbal", "", 0, ""),
        (
            "13:40 \u2013 13:45",
            "3",
            "Minutes of the meeting held on 16 September 2025 and action log",
            "Chair",
            "Approve",
            "Paper",
            "A",
            2,
            "OFFICIAL",
        ),
        (
            "13:45 \u2013 14:05",
            "4",
            "Primary care access recovery: general practice appointments, online consultation uptake and the advice and guidance pilot",
            "Joanna Featherstone-Rigg, Director of Primary Care",
            "Assure",
            "Paper",
            "B",
            3,
            "OFFICIAL",
        ),
        (
            "14:05 \u2013 14:25",
            "5",
            "Dental access plan 2025/26 under delegated pharmacy, optometry and dental commissioning",
            "Kieran Abbotsley, Head of Dental Commissioning",
            "Approve",
            "Paper",
            "C",
            2,
            "OFFICIAL",
        ),
        ("14:25 \u2013 14:45", "6", "Primary care estates", "", "", "", "", 0, ""),
        (
            "",
            "6.1",
            "Business case for the relocation of Quayside Medical Practice",
            "Eleri Vaughan-Price, Estates Lead",
            "Approve",
            "Paper",
            "D",
            2,
            "OFFICIAL-SENSITIVE: COMMERCIAL",
        ),
        (
            "",
            "6.2",
            "Estates strategy refresh: emerging priorities",
            "Eleri Vaughan-Price, Estates Lead",
            "Discuss",
            "Presentation",
            "",
            0,
            "",
        ),
        (
            "14:45 \u2013 15:00",
            "7",
            "Finance report: primary care delegated budgets, Month 6",
            "Oskar Lindgren-Pryce, Deputy Chief Finance Officer",
            "Assure",
            "Paper",
            "E",
            2,
            "OFFICIAL",
        ),
        (
            "15:00 \u2013 15:15",
            "8",
            "Committee risk register",
            "Adaora Nnamdi-Clarke, Head of Governance",
            "Assure",
            "Paper",
            "F",
            2,
            "OFFICIAL",
        ),
        ("15:15 \u2013 15:25", "9", "Questions from members of the public", "Chair", "Note", "Verbal", "", 0, ""),
        ("15:25 \u2013 15:30", "10", "Any other business and meeting review", "Chair", "Note", "Verbal", "", 0, ""),
    ]
    total = 1 + sum(r[7] for r in rows)

    def furniture(canvas: Any, doc: Any) -> None:
        width, height = canvas._pagesize
        state = doc.state
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 9)
        canvas.setFillColor(colors.HexColor("#c00000"))
        canvas.drawCentredString(width / 2, height - 9 * mm, state["banner"])
        canvas.drawCentredString(width / 2, 7 * mm, state["banner"])
        canvas.setFillColor(colors.black)
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, 12 * mm, "Primary Care Commissioning Committee (Part A) \u2013 18 November 2025")
        canvas.drawRightString(width - 15 * mm, 12 * mm, f"Page {canvas.getPageNumber()} of {total}")
        if state["item"]:
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawRightString(width - 15 * mm, height - 17 * mm, f"Agenda Item {state['item']}")
        canvas.restoreState()

    class Doc(BaseDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            if isinstance(flowable, State):
                self.state.update(flowable.values)

        def afterPage(self) -> None:
            furniture(self.canv, self)

    class State(Spacer):  # type: ignore[misc]
        def __init__(self, **values: str) -> None:
            super().__init__(0, 0)
            self.values = values

    stem = "ravelstoke-icb-primary-care-2025-11-18-pack"
    pdf = out.pdf / f"{stem}.pdf"
    doc = Doc(str(pdf), invariant=1, title="PCCC Part A 18 November 2025", author="Corporate Governance Team")
    doc.state = {"banner": "OFFICIAL", "item": ""}
    land, port = landscape(A4), A4
    doc.addPageTemplates([
        PageTemplate(id="land", frames=[Frame(15 * mm, 18 * mm, land[0] - 30 * mm, land[1] - 40 * mm)], pagesize=land),
        PageTemplate(id="port", frames=[Frame(20 * mm, 20 * mm, port[0] - 40 * mm, port[1] - 45 * mm)], pagesize=port),
    ])  # fmt: skip
    story: list[Any] = [
        Paragraph("NHS Ravelstoke Integrated Care Board", h1),
        Paragraph("<b>Primary Care Commissioning Committee \u2013 Part A (meeting in public)</b>", base),
        Paragraph(
            "Tuesday 18 November 2025, 13:30 \u2013 15:30, Boardroom, Quayside House, Ravelstoke, and via MS Teams",
            base,
        ),
        Spacer(1, 4 * mm),
    ]
    head = ["Time", "Item", "Title", "Lead", "Purpose", "Format", "Enclosure"]
    data: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", small) for h in head]]
    for time, number, title, lead, purpose, form, enclosure, _p, _c in rows:
        data.append([Paragraph(time, small), Paragraph(number, base), Paragraph(f"<b>{_e(title)}</b>" if "." not in number else _e(title), base),
                     Paragraph(_e(lead), small), Paragraph(purpose, small), Paragraph(form, small), Paragraph(enclosure, small)])  # fmt: skip
    table = Table(data, colWidths=[27 * mm, 13 * mm, 100 * mm, 62 * mm, 20 * mm, 24 * mm, 20 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#7f7f7f")), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dbe5f1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip
    story += [table, Spacer(1, 3 * mm), Paragraph("Purpose key: Approve \u2013 a decision is required; Assure \u2013 for the committee to take assurance; Discuss \u2013 for views; Note \u2013 for information.", small),
              Paragraph("Quorum: four members, including the Chair or Vice Chair, one executive director and one clinical member.", small),
              NextPageTemplate("port")]  # fmt: skip
    for _t, number, title, lead, purpose, _f, enclosure, pages, classification in rows:
        if not pages:
            continue
        story += [PageBreak(), State(item=number, banner=classification)]
        story += [Paragraph(f"Enclosure {enclosure}", small), Paragraph(_e(title), h2)]
        cover = Table(
            [
                ["Meeting:", "Primary Care Commissioning Committee (Part A)"],
                ["Date:", "18 November 2025"],
                ["Presented by:", lead or "Chair"],
                ["Purpose:", purpose],
            ],
            colWidths=[35 * mm, 130 * mm],
        )
        cover.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("FONTSIZE", (0, 0), (-1, -1), 9.5)]))
        story += [
            cover,
            Spacer(1, 4 * mm),
            Paragraph("<b>Recommendation(s)</b>", base),
            Paragraph(f"The Committee is asked to <b>{purpose.lower()}</b> the content of this paper.", base),
        ]
        for page in range(pages):
            if page:
                story.append(PageBreak())
            story += [Paragraph(f"<b>{page + 1}. {['Introduction', 'Analysis', 'Next steps'][page]}</b>", base)]
            story += [
                Paragraph(
                    f"{page + 1}.{k} The position reported here is drawn from the practice-level data for the period and has been reviewed with the local medical committee and the practices concerned. Variation between the four places is set out in the appendix.",
                    base,
                )
                for k in range(1, 6)
            ]
    story.append(State(item="", banner="OFFICIAL"))
    doc.build(story)
    assert page_count(pdf) == total, (page_count(pdf), total)
    expected = []
    for time, number, title, lead, purpose, form, enclosure, _p, _c in rows:
        presenter = lead.split(",")[0]
        expected.append(Item(number, title, time=time, lead=lead, presenter=presenter, purpose=purpose,
                             paper=f"Enclosure {enclosure}" if enclosure else form).expected())  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "NHS Ravelstoke Integrated Care Board Primary Care Commissioning Committee Part A pack 18 Nov 2025 "
            "(ReportLab: landscape agenda Time | Item | Title | Lead | Purpose | Format | Enclosure with "
            "'13:30 \u2013 13:35' ranges and 'Name, Role' leads, item 6 a heading with a time but no lead, 6.1/6.2 "
            "without times; portrait papers with 'Agenda Item N' at the top right of every page, red OFFICIAL "
            "banners top and bottom of every page (one paper OFFICIAL-SENSITIVE: COMMERCIAL), 'Page x of y' footers, "
            "numbered paragraphs 1.1-3.5 in the papers)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "ReportLab",
            "body": "NHS Ravelstoke Integrated Care Board",
            "meeting_title": "Primary Care Commissioning Committee",
            "date": "2025-11-18",
            "time_of_meeting": "13:30",
            "venue": "Boardroom, Quayside House, Ravelstoke",
            "items": expected,
        },
    )


DOCUMENTS = [ravelstoke_primary_care_pack]


def amberleigh_council_of_governors(out: Out = OUT) -> None:
    """Foundation trust Council of Governors agenda printed by LibreOffice from HTML: labels "Item 1" ...
    "Item 5a", section rows headed "Part 1/2/3 - ..." that are only sections (no private business), time ranges,
    'Name, Role' presenters and paper references COG/25/41."""
    # (label or section title, subject, presenter as printed, time, paper)
    rows: list[tuple[str, str, str, str, str]] = [
        ("Part 1 \u2013 Opening business", "", "", "", ""),
        (
            "1",
            "Chair\u2019s welcome, apologies and declarations of interest",
            "Rosalind Ebbesen, Trust Chair",
            "17:30 \u2013 17:35",
            "Verbal",
        ),
        ("2", "Minutes of the meeting held on 17 September 2025", "Trust Chair", "17:35 \u2013 17:40", "COG/25/41"),
        ("3", "Matters arising and action log", "Head of Corporate Governance", "17:40 \u2013 17:45", "COG/25/42"),
        (
            "4",
            "Chief Executive\u2019s update",
            "Dr Tariq Bellingham-Shah, Chief Executive",
            "17:45 \u2013 18:05",
            "Verbal",
        ),
        ("Part 2 \u2013 Holding the non-executive directors to account", "", "", "", ""),
        ("5", "Reports from committee chairs", "", "", ""),
        (
            "5a",
            "Quality and Safety Committee",
            "Professor Ines Carvalho-Reid, Non-executive Director",
            "18:05 \u2013 18:20",
            "COG/25/43",
        ),
        ("5b", "Audit Committee", "Malcolm Ostrowski, Non-executive Director", "18:20 \u2013 18:35", "COG/25/44"),
        (
            "6",
            "Non-executive director appointments: recommendations of the Nominations and Remuneration Committee on two reappointments and one new appointment",
            "Trust Chair",
            "18:35 \u2013 18:50",
            "COG/25/45",
        ),
        ("Part 3 \u2013 Governor business", "", "", "", ""),
        (
            "7",
            "Governor elections 2026: timetable and constituencies",
            "Head of Corporate Governance",
            "18:50 \u2013 19:00",
            "COG/25/46",
        ),
        (
            "8",
            "Reports from governor working groups: membership engagement, and patient experience",
            "Cynthia Obuya-Hart, Lead Governor",
            "19:00 \u2013 19:15",
            "COG/25/47",
        ),
        ("9", "Any other business", "Trust Chair", "19:15 \u2013 19:25", ""),
        ("10", "Reflections on the meeting and date of the next meeting", "Trust Chair", "19:25 \u2013 19:30", ""),
    ]
    trs = []
    for label, subject, presenter, time, paper in rows:
        if not subject:  # a section row
            trs.append(f'<tr><td colspan="5" bgcolor="#e2d6ea" valign="top"><b>{_e(label)}</b></td></tr>')
            continue
        trs.append(
            f'<tr><td valign="top"><b>Item {label}</b></td><td valign="top">{_e(subject)}</td><td valign="top">{_e(presenter)}</td>'
            f'<td valign="top">{time}</td><td valign="top">{paper}</td></tr>'
        )
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council of Governors 26 November 2025</title><style>'
        "@page { size: 21cm 29.7cm; margin: 1.8cm } body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt }"
        "td { font-size: 10pt }</style></head><body>"
        '<p align="right"><font color="#005eb8" size="5"><b>NHS</b></font><br><b>Amberleigh and Coldmouth<br>NHS Foundation Trust</b></p>'
        '<p><font size="5"><b>Council of Governors</b></font></p>'
        "<p>Meeting held in public on Wednesday 26 November 2025, 17:30 \u2013 19:30<br>"
        "Conference Room 3, Education Centre, Amberleigh Hospital, Saltings Road, Amberleigh</p>"
        "<p><b>AGENDA</b></p>"
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        '<tr><td width="11%" bgcolor="#4b2a63"><font color="#ffffff"><b>Item</b></font></td><td width="40%" bgcolor="#4b2a63"><font color="#ffffff"><b>Subject</b></font></td>'
        '<td width="23%" bgcolor="#4b2a63"><font color="#ffffff"><b>Presenter</b></font></td><td width="14%" bgcolor="#4b2a63"><font color="#ffffff"><b>Time</b></font></td>'
        '<td width="12%" bgcolor="#4b2a63"><font color="#ffffff"><b>Paper</b></font></td></tr>'
        + "".join(trs)
        + "</table>"
        "<p>Governors who wish to raise any other business are asked to notify the Head of Corporate Governance by 19 November 2025. "
        "Questions from members of the public on the business of the meeting may be submitted in advance.</p>"
        "<p><i>Next meeting: Wednesday 25 February 2026, 17:30, Coldmouth Community Hospital.</i></p>"
        "</body></html>"
    )
    stem = "amberleigh-council-of-governors-2025-11-26-agenda"
    source = keep_source(out, f"{stem}.html", html)
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    expected = []
    for label, subject, presenter, time, paper in rows:
        if not subject:
            continue
        expected.append(
            Item(label, subject, time=time, lead=presenter, presenter=presenter.split(",")[0], paper=paper).expected()
        )
    write_expected(
        out,
        stem,
        {
            "name": "Amberleigh and Coldmouth NHS Foundation Trust Council of Governors agenda 26 Nov 2025 (LibreOffice "
            "from HTML: labels printed 'Item 1' ... 'Item 5a' (the number is what follows 'Item'), section rows "
            "'Part 1/2/3 \u2013 ...' that are only headings (no private business: every item is Part I), "
            "'17:30 \u2013 17:35' ranges in a Time column after the Presenter column, 'Name, Role' presenters and "
            "paper references COG/25/41)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "LibreOffice Writer from HTML",
            "body": "Amberleigh and Coldmouth NHS Foundation Trust",
            "meeting_title": "Council of Governors",
            "date": "2025-11-26",
            "time_of_meeting": "17:30",
            "venue": "Conference Room 3, Education Centre, Amberleigh Hospital, Saltings Road, Amberleigh",
            "items": expected,
        },
    )


DOCUMENTS.append(amberleigh_council_of_governors)


def dunvegie_integration_joint_board(out: Out = OUT) -> None:
    """Scottish integration joint board agenda typed in Word: numbers 1 / 3.1 / 5.1.2 at three indents, each
    line 'N<TAB>Title<TAB>Lead' with a dotted tab leader to a right-aligned lead, an "Items for noting" section,
    Any Other Competent Business, and the date of the next meeting as an item."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    rows: list[tuple[str, str, str]] = [
        ("1", "Welcome and Apologies", "Chair"),
        ("2", "Declarations of Interest", "Chair"),
        ("3", "Minutes and Action Log", ""),
        ("3.1", "Minute of the meeting of 24 September 2025", "Chair"),
        ("3.2", "Action Log", "Committee Services"),
        ("4", "Chief Officer\u2019s Report", "Chief Officer"),
        ("5", "Finance and Performance", ""),
        ("5.1", "Revenue Budget Monitoring 2025/26", ""),
        ("5.1.1", "Position at Month 6", "Chief Finance Officer"),
        ("5.1.2", "Financial Recovery Plan: Savings Proposals for Approval", "Chief Finance Officer"),
        ("5.2", "Performance Report, Quarter 2", "Head of Performance and Planning"),
        ("6", "Strategic Planning", ""),
        ("6.1", "Strategic Commissioning Plan 2026\u20132029: Consultation Draft", "Head of Strategic Planning"),
        ("6.2", "Directions to the Health Board and the Council", "Chief Officer"),
        ("7", "Clinical and Care Governance", ""),
        ("7.1", "Annual Report of the Chief Social Work Officer 2024/25", "Chief Social Work Officer"),
        ("8", "Items for Noting", ""),
        ("8.1", "Audit and Risk Committee: Minute of 5 November 2025", "Chair of the Audit and Risk Committee"),
        ("9", "Any Other Competent Business", "Chair"),
        ("10", "Date of Next Meeting: Wednesday 11 February 2026 at 10.00am", ""),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(11)
    normal.paragraph_format.space_after = Pt(5)
    for text, size, bold in (
        ("DUNVEGIE AND STRATHLORN INTEGRATION JOINT BOARD", 13, True),
        ("Meeting of the Integration Joint Board", 12, False),
    ):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    document.add_paragraph(
        "A meeting of the Integration Joint Board will be held in the Council Chamber, Strathlorn House, Dunvegie "
        "on Wednesday 10 December 2025 at 10.00am. Members may also attend remotely."
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run("BUSINESS").bold = True
    indents = {1: Cm(0), 2: Cm(1.2), 3: Cm(2.6)}
    widths = {1: Cm(1.2), 2: Cm(1.4), 3: Cm(1.6)}
    for number, title, lead in rows:
        level = number.count(".") + 1
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.left_indent = indents[level] + widths[level]
        fmt.first_line_indent = -widths[level]
        fmt.space_after = Pt(3 if level > 1 else 5)
        fmt.tab_stops.add_tab_stop(indents[level] + widths[level])
        fmt.tab_stops.add_tab_stop(
            Cm(16.6), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS if lead else WD_TAB_LEADER.SPACES
        )
        run = paragraph.add_run(f"{number}\t{title}")
        run.bold = level == 1
        if lead:
            paragraph.add_run(f"\t{lead}").italic = True
    document.add_paragraph()
    document.add_paragraph(
        "Members are reminded that reports for items 5.1.2 and 6.1 contain recommendations for decision. Any member wishing to raise an item of competent business should notify the Chair before the meeting."
    )
    document.add_paragraph("Niamh Sutherland-Kerr\nCommittee Services Officer\n1 December 2025")
    stem = "dunvegie-integration-joint-board-2025-12-10-agenda"
    buffer = io.BytesIO()
    document.core_properties.author = "Committee Services"
    document.save(buffer)
    source = keep_source(out, f"{stem}.docx", buffer.getvalue())
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Dunvegie and Strathlorn Integration Joint Board (Scotland) agenda 10 Dec 2025 (Word .docx printed by "
            "LibreOffice: heading 'BUSINESS', numbers 1 / 3.1 / 5.1.2 with no dots at three indents, bold top level, "
            "leads right-aligned in italics after a DOTTED tab leader, headings without leads, Any Other Competent "
            "Business, 'Date of Next Meeting: ...' as item 10)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Dunvegie and Strathlorn Integration Joint Board",
            "meeting_title": "Meeting of the Integration Joint Board",
            "date": "2025-12-10",
            "time_of_meeting": "10:00",
            "venue": "Council Chamber, Strathlorn House, Dunvegie",
            "items": [Item(n, t, lead=lead).expected() for n, t, lead in rows],
        },
    )


DOCUMENTS.append(dunvegie_integration_joint_board)
