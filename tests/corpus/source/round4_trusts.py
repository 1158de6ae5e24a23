# ruff: noqa: E501
"""Fourth round, trusts and housing: a theatre trust board pack whose contents page lists the papers with page
numbers before the agenda (with a consent agenda block), housing association minutes whose attendance is a table
with initials and a Present / Apologies / Absent column and which end with a decision log and an action log, an
arts organisation's Word table agenda whose title cells hold line breaks and bullet lists, and charity minutes
whose last page is an action tracker drawn landscape and turned on a portrait page."""

from __future__ import annotations

from typing import Any

from kit import CORPUS_OUT, Item, Out, action, pages_with, person, write_expected
from round4_util import (
    borders,
    cant_split,
    cell_text,
    docx_field,
    repeat_header,
    save_docx,
    shade,
    ttf_family,
    uk_date,
    widths,
)

OUT = CORPUS_OUT

FILLER = (
    "This paper sets out the background, the options considered and the implications for the Trust\u2019s finances, "
    "people and reputation. Trustees are asked to read it with the risk register and the budget approved in March. "
)


# --- A theatre trust board pack: a contents page, then the agenda with a consent block, then the papers ----------


def gantry_street_playhouse_pack(out: Out = OUT) -> None:
    """Board pack (Word, printed by LibreOffice): an unnumbered-looking cover, a CONTENTS page listing the papers as
    'Item | Paper | Page' with shorter titles than the agenda's (it is not the agenda), the agenda as a table No. |
    Time | Item | Lead | Paper with a shaded consent-agenda band over 4.1-4.4, then one paper per page range, each
    opening 'PAPER X' with an 'Agenda item' line. Page numbers are printed from the cover on, so printed = PDF."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt, RGBColor
    from pypdf import PdfReader

    iso = "2025-06-24"
    ed = "Ruth Kavanagh-Oyelaran"
    fd = "Simeon Achterberg"
    # (number, time, title, lead as printed, presenter, paper, contents title, paper pages)
    agenda: list[tuple[str, str, str, str, str, str, str, int]] = [
        ("1", "17:30", "Welcome, apologies and declarations of interest", "Chair", "Chair", "", "", 0),
        (
            "2",
            "17:35",
            "Minutes of the meeting held on " + uk_date("2025-03-25") + " and matters arising",
            "Chair",
            "Chair",
            "A",
            "Minutes, 25 March 2025",
            2,
        ),
        ("3", "17:40", "Chair\u2019s update", "Chair", "Chair", "Verbal", "", 0),
        ("4", "17:45", "Consent agenda", "", "", "", "", 0),
        (
            "4.1",
            "",
            "Safeguarding annual report 2024/25",
            "Lead Trustee for Safeguarding",
            "Lead Trustee for Safeguarding",
            "B",
            "Safeguarding annual report",
            1,
        ),
        ("4.2", "", "Strategic risk register, June 2025", f"{fd}, Finance Director", fd, "C", "Risk register", 1),
        (
            "4.3",
            "",
            "Policy approvals: volunteering, and lone working",
            f"{ed}, Executive Director",
            ed,
            "D",
            "Volunteering policy; lone working policy",
            2,
        ),
        (
            "4.4",
            "",
            "Minutes of the Finance and Audit Committee, " + uk_date("2025-06-03", False),
            "Committee Chair",
            "Committee Chair",
            "E",
            "Finance and Audit Committee minutes",
            1,
        ),
        (
            "5",
            "17:50",
            "Executive Director\u2019s report",
            f"{ed}, Executive Director",
            ed,
            "F",
            "Executive Director\u2019s report",
            2,
        ),
        (
            "6",
            "18:10",
            "Management accounts to 31 May 2025 and full-year reforecast",
            f"{fd}, Finance Director",
            fd,
            "G",
            "Finance report",
            2,
        ),
        (
            "7",
            "18:30",
            "Capital appeal \u2018Raise the Roof\u2019: progress, and gift acceptance for a major donation",
            "Bethan Ogunleye-Marsh, Development Director",
            "Bethan Ogunleye-Marsh",
            "H",
            "Capital appeal update",
            1,
        ),
        (
            "8",
            "18:50",
            "Artistic programme, autumn 2025 (presentation)",
            "Tomasz Ferreira-Lind, Artistic Director",
            "Tomasz Ferreira-Lind",
            "Verbal",
            "",
            0,
        ),
        ("9", "19:10", "Any other business", "Chair", "Chair", "", "", 0),
        ("10", "19:15", "Close", "", "", "", "", 0),
    ]
    appendices = {"G": "Appendix G1: cash-flow forecast to March 2026"}

    def build(page_of: dict[str, int]) -> Any:
        document = Document()
        section = document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.2)
        section.different_first_page_header_footer = True
        normal = document.styles["Normal"]
        normal.font.name, normal.font.size = "Liberation Sans", Pt(10.5)
        normal.paragraph_format.space_after = Pt(4)
        head = section.header.paragraphs[0]
        head.text = "Gantry Street Playhouse Trust \u2013 Board of Trustees \u2013 " + uk_date(iso, False)
        head.runs[0].font.size = Pt(8)
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        foot.add_run("Page ").font.size = Pt(8)
        docx_field(foot, "PAGE")

        def para(text: str, size: float = 10.5, bold: bool = False, align: Any = None, before: float = 0) -> Any:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(text)
            run.bold, run.font.size = bold, Pt(size)
            if align is not None:
                paragraph.alignment = align
            paragraph.paragraph_format.space_before = Pt(before)
            return paragraph

        def page_break() -> None:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

        # cover
        for text, size, bold, before in (("GANTRY STREET PLAYHOUSE TRUST", 24, True, 150), ("Board of Trustees", 18, False, 12),
                                         ("Board pack", 18, False, 4), (uk_date(iso) + " at 5.30pm", 13, False, 40),
                                         ("The Green Room, Gantry Street Playhouse", 13, False, 4),
                                         ("CONFIDENTIAL \u2013 for trustees only", 10, True, 120)):  # fmt: skip
            para(text, size, bold, WD_ALIGN_PARAGRAPH.CENTER, before)
        page_break()
        # contents
        para("Contents", 16, True)
        rows = [("", "Agenda", "", str(page_of.get("agenda", 0)))]
        for number, _t, _title, _l, _p, paper, contents_title, _pages in agenda:
            if contents_title:
                rows.append((number, contents_title, f"Paper {paper}", str(page_of.get(paper, 0))))
                if paper in appendices:
                    rows.append(("", appendices[paper], "", str(page_of.get(paper + "1", 0))))
        table = document.add_table(rows=1 + len(rows), cols=4)
        for cell, text in zip(table.rows[0].cells, ("Item", "Document", "Paper", "Page"), strict=True):
            cell_text(cell, text, bold=True)
        for row, values in zip(table.rows[1:], rows, strict=True):
            for cell, text in zip(row.cells, values, strict=True):
                cell_text(cell, text, italic=values[1].startswith("Appendix"))
        widths(table, [Cm(1.5), Cm(10.5), Cm(2.5), Cm(1.6)])
        borders(table, size=2, color="BBBBBB", inside=False)
        page_break()
        # agenda
        para("GANTRY STREET PLAYHOUSE TRUST", 14, True)
        para("Meeting of the Board of Trustees", 12, True)
        para(f"{uk_date(iso)}, 5.30pm to 7.15pm, The Green Room", 10.5)
        para("AGENDA", 12, True, before=6)
        table = document.add_table(rows=1, cols=5)
        for cell, text in zip(table.rows[0].cells, ("No.", "Time", "Item", "Lead", "Paper"), strict=True):
            cell_text(cell, text, bold=True, size=10)
            shade(cell, "3B3B3B")
            cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(255, 255, 255)
        repeat_header(table.rows[0])
        for number, time, title, lead, _p, paper, _c, _pages in agenda:
            if number == "4":
                band = table.add_row()
                merged = band.cells[0].merge(band.cells[4])
                cell_text(
                    merged,
                    "CONSENT AGENDA \u2013 items 4.1 to 4.4 will be taken together without discussion unless a trustee asks the Chair, before the meeting, for an item to be moved to the main agenda.",
                    italic=True,
                    size=9,
                )
                shade(merged, "FCEFD2")
            row = table.add_row()
            cant_split(row)
            sub = "." in number
            for column, (cell, text) in enumerate(zip(row.cells, (number, time, title, lead, paper), strict=True)):
                cell_text(cell, text, bold=column == 2 and not sub, size=10)
                if number.startswith("4."):
                    shade(cell, "FCEFD2")
        widths(table, [Cm(1.1), Cm(1.4), Cm(7.9), Cm(4.5), Cm(1.7)])
        borders(table)
        para("Next meeting: " + uk_date("2025-09-23") + " at 5.30pm (strategy session from 3.00pm).", 9.5, before=8)
        # papers
        for number, _t, title, lead, _p, paper, _c, pages in agenda:
            if not pages:
                continue
            page_break()
            para(f"PAPER {paper}", 16, True)
            para(f"Agenda item: {number}   \u2013   {title}", 11, True)
            para(f"Presented by: {lead}", 10)
            para(
                "Purpose: " + ("for approval" if number in {"2", "4.3", "6", "7"} else "for information and assurance"),
                10,
            )
            for n in range(pages * 5 - 1):
                para(f"{n + 1}.  " + FILLER * 2, 10)
            if paper in appendices:
                page_break()
                para(appendices[paper], 13, True)
                para("Month-by-month cash position, April 2025 to March 2026 (see table in the full workbook).", 10)
        document.core_properties.author = "Governance Manager"
        return document

    stem = "gantry-street-playhouse-board-2025-06-24-pack"
    pdf = save_docx(out, stem, build({}))
    page_of = {"agenda": pages_with(pdf, "AGENDA")[0]}
    for _n, _t, _title, _l, _p, paper, _c, pages in agenda:
        if pages:
            page_of[paper] = pages_with(pdf, f"PAPER {paper}")[0]
        if paper in appendices:
            page_of[paper + "1"] = pages_with(pdf, appendices[paper])[-1]
    pdf = save_docx(out, stem, build(page_of))
    starts = sorted(v for k, v in page_of.items() if len(k) == 1 or k == "agenda")  # an appendix is its paper's
    total = len(PdfReader(pdf).pages)

    def span(paper: str) -> tuple[int, int]:
        start = page_of[paper]
        later = [s for s in starts if s > start]
        return start, (later[0] - 1 if later else total)

    assert pages_with(pdf, "AGENDA")[0] == page_of["agenda"]
    items = []
    for number, time, title, lead, presenter, paper, _c, pages in agenda:
        pdf_pages = span(paper) if pages else None
        items.append(Item(number, title, time=time, lead=lead, presenter=presenter, part=1,
                          paper=("Paper " + paper) if len(paper) == 1 else paper,
                          printed_pages=pdf_pages, pdf_pages=pdf_pages).expected())  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Gantry Street Playhouse Trust board pack 24 Jun 2025 (Word .docx printed by LibreOffice: a cover page, "
            "then a CONTENTS page listing the agenda and Papers A-H with page numbers and SHORTER titles than the agenda "
            "('Finance report', 'Risk register', an appendix line) - the contents page is not the agenda; then the agenda "
            "as a table No. | Time | Item | Lead | Paper with a dark header row and a shaded CONSENT AGENDA band over "
            "4.1-4.4 (no times); then the papers, each opening 'PAPER X' / 'Agenda item: N – title' / 'Presented by:'. "
            "Page numbers are printed from the cover on (the cover's is hidden), so printed pages = PDF pages)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Gantry Street Playhouse Trust",
            "meeting_title": "Meeting of the Board of Trustees",
            "date": iso,
            "time_of_meeting": "17:30",
            "venue": "The Green Room, Gantry Street Playhouse",
            "items": items,
        },
    )


DOCUMENTS: list[Any] = [gantry_street_playhouse_pack]


# --- Housing association minutes: attendance table, decision log, action log --------------------------------------


def brindlecote_homes_minutes(out: Out = OUT) -> None:
    """Board minutes (Word): attendance as a table Name | Role | Initials | Attendance (Present, Present (by video),
    Present (left at 17:40 ...), Apologies, Absent) with an 'In attendance' sub-heading row, minutes B25/031-B25/040
    as bold headings with prose that names people by initials, decisions flagged 'Decision D25/12' in the text,
    then a Decision log table (not minutes) and an Action log No. | Minute | Action | Owner | Due numbered from 1."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    iso = "2025-05-20"
    members = [
        ("Adaora Fenwick-Blythe", "Chair", "AFB", "Present"),
        ("Malcolm Terrington", "Vice Chair; Chair of Audit and Risk Committee", "MT", "Present"),
        ("Priya Raghunathan-Cole", "Board member", "PRC", "Present (by video)"),
        ("Jon Eckersley-Noor", "Board member (tenant)", "JEN", "Apologies"),
        ("Linnea Bjorklund-Hart", "Board member", "LBH", "Present (left at 17:40, after B25/037)"),
        ("Cathal O\u2019Rourke-Mills", "Board member", "COM", "Absent"),
        ("Sandra Obuya-Penrose", "Chief Executive (board member)", "SOP", "Present"),
    ]
    attending = [
        ("Declan Ferreira-Hoyle", "Director of Finance", "DFH", "In attendance"),
        ("Rukhsana Mirza-Leith", "Director of Homes and Neighbourhoods", "RML", "For B25/034 to B25/036"),
        ("Hollie Pengelly", "Governance Officer (minutes)", "HP", "In attendance"),
    ]
    # (ref, heading, text, decisions [(ref, text)], actions [(owner, text, due)])
    minutes: list[tuple[str, str, str, list[tuple[str, str]], list[tuple[str, str, str]]]] = [
        (
            "B25/031",
            "Welcome, apologies and quorum",
            "AFB welcomed members. Apologies were received from JEN. COM was absent without apologies. The meeting was quorate.",
            [],
            [],
        ),
        (
            "B25/032",
            "Declarations of interest",
            "PRC declared an interest in B25/036 as a trustee of Weaver Street Community Hub, an applicant for a grant, and took no part in that decision. No other interests were declared.",
            [],
            [],
        ),
        (
            "B25/033",
            "Minutes of the meeting held on " + uk_date("2025-03-25") + " and action log",
            "The minutes were approved as a correct record. All actions were complete except action 3 (tenant scrutiny panel terms of reference), which is carried forward.",
            [("D25/11", "Minutes of 25 March 2025 approved as a correct record.")],
            [],
        ),
        (
            "B25/034",
            "Chief Executive\u2019s report",
            "SOP presented the report. The Board noted the progress with the merger of the two repairs contracts and the appointment of an interim Head of Customer Experience.",
            [],
            [],
        ),
        (
            "B25/035",
            "Damp and mould: quarterly assurance",
            "RML reported that 212 cases had been opened in the quarter and 188 closed within the target time. Members asked for the cases older than 60 days to be analysed by cause.",
            [],
            [
                (
                    "RML",
                    "Bring an analysis of damp and mould cases open more than 60 days, by cause, to the July meeting",
                    "22 July 2025",
                )
            ],
        ),
        (
            "B25/036",
            "Community investment grants 2025/26",
            "Having considered the panel\u2019s recommendations, the Board approved grants totalling \u00a348,000 to seven organisations. PRC took no part.",
            [("D25/12", "Community investment grants of \u00a348,000 approved as recommended by the panel.")],
            [],
        ),
        (
            "B25/037",
            "Draft financial statements 2024/25",
            "DFH presented the draft statements, showing a surplus of \u00a32.1m before pension adjustments. MT reported the Audit and Risk Committee\u2019s review.",
            [("D25/13", "Draft financial statements 2024/25 approved for audit.")],
            [
                (
                    "DFH",
                    "Circulate the external auditor\u2019s findings to all Board members when received",
                    "30 June 2025",
                )
            ],
        ),
        (
            "B25/038",
            "Rent setting 2026/27: consultation approach",
            "The Board agreed to consult tenants on three options through the tenant panel and an online survey.",
            [("D25/14", "Rent consultation 2026/27 to proceed on the three options in the paper.")],
            [
                (
                    "SOP",
                    "Publish the rent consultation and report the results to the September meeting",
                    "16 September 2025",
                )
            ],
        ),
        (
            "B25/039",
            "Board skills audit and recruitment",
            "The Board noted the results of the skills audit. Gaps were identified in development finance and digital. HP will arrange interviews with the Chair.",
            [],
            [("HP", "Advertise two Board vacancies (development finance; digital)", "13 June 2025")],
        ),
        (
            "B25/040",
            "Any other business and date of next meeting",
            "There was no other business. The next meeting will be held on " + uk_date("2025-07-22") + " at 4.00pm.",
            [],
            [],
        ),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.3)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10.5)
    normal.paragraph_format.space_after = Pt(5)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = foot.add_run("Brindlecote Homes \u2013 Board minutes 20.05.25 \u2013 Page ")
    run.font.size = Pt(8)
    docx_field(foot, "PAGE")
    title = document.add_paragraph()
    title.add_run("Brindlecote Homes").bold = True
    title.runs[0].font.size = Pt(16)
    sub = document.add_paragraph()
    sub.add_run(
        f"Minutes of the Board meeting held on {uk_date(iso)} at 4.00pm at Brindlecote House, 9 Weaver Street, and by video link"
    ).font.size = Pt(11)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Name", "Role", "Initials", "Attendance"), strict=True):
        cell_text(cell, text, bold=True, size=9.5)
        shade(cell, "D9E2F3")
    for name, role, initials, status in members:
        row = table.add_row()
        for cell, text in zip(row.cells, (name, role, initials, status), strict=True):
            cell_text(cell, text, size=9.5)
    band = table.add_row()
    merged = band.cells[0].merge(band.cells[3])
    cell_text(merged, "In attendance", bold=True, size=9.5)
    shade(merged, "F2F2F2")
    for name, role, initials, status in attending:
        row = table.add_row()
        for cell, text in zip(row.cells, (name, role, initials, status), strict=True):
            cell_text(cell, text, size=9.5)
    widths(table, [Cm(4.8), Cm(6.4), Cm(1.6), Cm(3.6)])
    borders(table)
    document.add_paragraph()
    for ref, heading, text, decisions, actions in minutes:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run(f"{ref}\t{heading}")
        run.bold = True
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(2.2))
        body = document.add_paragraph(text)
        body.paragraph_format.left_indent = Cm(2.2)
        for dref, dtext in decisions:
            decision = document.add_paragraph()
            decision.paragraph_format.left_indent = Cm(2.2)
            decision.add_run(f"Decision {dref}: ").bold = True
            decision.add_run(dtext)
        for owner, atext, _due in actions:
            act = document.add_paragraph()
            act.paragraph_format.left_indent = Cm(2.2)
            act.add_run(f"Action ({owner}): ").italic = True
            act.add_run(atext + ".").italic = True
    document.add_paragraph().add_run("Decision log").bold = True
    log = document.add_table(rows=1, cols=3)
    for cell, text in zip(log.rows[0].cells, ("Ref", "Minute", "Decision"), strict=True):
        cell_text(cell, text, bold=True, size=9.5)
        shade(cell, "D9E2F3")
    for ref, _h, _t, decisions, _a in minutes:
        for dref, dtext in decisions:
            row = log.add_row()
            for cell, text in zip(row.cells, (dref, ref, dtext), strict=True):
                cell_text(cell, text, size=9.5)
    widths(log, [Cm(1.8), Cm(2.0), Cm(12.6)])
    borders(log)
    document.add_paragraph()
    document.add_paragraph().add_run("Action log (action numbers restart at each meeting)").bold = True
    alog = document.add_table(rows=1, cols=5)
    for cell, text in zip(alog.rows[0].cells, ("No.", "Minute", "Action", "Owner", "Due"), strict=True):
        cell_text(cell, text, bold=True, size=9.5)
        shade(cell, "D9E2F3")
    expected_actions = []
    number = 0
    for ref, _h, _t, _d, actions in minutes:
        for owner, atext, due in actions:
            number += 1
            row = alog.add_row()
            for cell, text in zip(row.cells, (str(number), ref, atext, owner, due), strict=True):
                cell_text(cell, text, size=9.5)
            expected_actions.append(action(ref, owner, atext, due=due, log_number=str(number)))
    widths(alog, [Cm(1.0), Cm(2.0), Cm(9.2), Cm(1.5), Cm(2.7)])
    borders(alog)
    signed = document.add_paragraph()
    signed.paragraph_format.space_before = Pt(24)
    signed.add_run("Signed as a correct record: ______________________  Chair        Date: ____________")
    stem = "brindlecote-homes-board-2025-05-20-minutes"
    document.core_properties.author = "Hollie Pengelly"
    save_docx(out, stem, document)
    people = []
    for name, role, initials, status in members:
        if status == "Absent":
            continue  # absent without apologies: none of the four categories (see "name")
        category = "apologies" if status == "Apologies" else "present"
        people.append(person(name, category, role, initials, **({"chair": "yes"} if role == "Chair" else {})))
    people += [person(name, "in_attendance", role, initials) for name, role, initials, _s in attending]
    write_expected(
        out,
        stem,
        {
            "name": "Brindlecote Homes housing association board minutes 20 May 2025 (Word .docx printed by LibreOffice: "
            "attendance as a table Name | Role | Initials | Attendance whose last column says Present / Present (by "
            "video) / Present (left at 17:40, after B25/037) / Apologies / Absent, with an 'In attendance' band row and a "
            "'For B25/034 to B25/036' status; minutes B25/031-B25/040 as bold 'ref<TAB>heading' lines over indented prose "
            "naming people by initials, 'Decision D25/12:' lines and italic 'Action (RML):' lines; then a Decision log "
            "table and an Action log No. | Minute | Action | Owner | Due numbered from 1 (neither is minutes). The member "
            "marked Absent (no apologies) is left out of 'people': none of the four categories fits)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Brindlecote Homes",
            "meeting_title": "Board meeting",
            "date": iso,
            "time_of_meeting": "16:00",
            "venue": "Brindlecote House, 9 Weaver Street",
            "items": [Item(ref, heading).expected() for ref, heading, _t, _d, _a in minutes],
            "people": people,
            "absent": ["Cathal O\u2019Rourke-Mills"],
            "actions": expected_actions,
        },
    )


DOCUMENTS.append(brindlecote_homes_minutes)


# --- An arts organisation's agenda: a Word table whose title cells hold line breaks and bullets --------------------


def lantern_quay_arts_board(out: Out = OUT) -> None:
    """Board agenda as a Word table No. | Item | Lead | Time: title cells hold a bold title (two of them broken by
    a manual line break), then a bulleted list of points (Word bullets), then an italic paper line; leads are
    'Name, Role', a role, or two names joined by 'and'; a Break row with a time and no number."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    iso = "2025-02-25"
    # (number, title lines, bullets, paper line, lead as printed, presenter, time)
    rows: list[tuple[str, list[str], list[str], str, str, str, str]] = [
        ("1", ["Welcome and apologies"], [], "", "Chair", "Chair", "10.00"),
        ("2", ["Declarations of interest"], [], "", "Chair", "Chair", "10.05"),
        (
            "3",
            ["Minutes of the meeting held on " + uk_date("2024-11-26", False) + " and matters arising"],
            [
                "Action 14: ticketing platform review \u2013 complete",
                "Action 15: trustee induction pack \u2013 in progress",
            ],
            "Paper A \u2013 for approval",
            "Chair",
            "Chair",
            "10.10",
        ),
        (
            "4",
            ["Artistic programme 2025\u201326:", "season announcement and touring partners"],
            [
                "Spring season: sales to date against target",
                "Touring: three co-producers confirmed",
                "Access: captioned and relaxed performances",
            ],
            "Paper B \u2013 for discussion",
            "Naomi Fairweather-Obi, Artistic Director",
            "Naomi Fairweather-Obi",
            "10.25",
        ),
        (
            "5",
            ["Finance: quarter 3 management accounts and reserves policy"],
            [
                "Q3 management accounts (Paper C)",
                "Reserves policy 2025 (Paper D) \u2013 for approval",
                "Funder reporting timetable",
            ],
            "",
            "Tobias Hallorann and Devika Chaudhry-Price",
            "Tobias Hallorann and Devika Chaudhry-Price",
            "10.55",
        ),
        (
            "6",
            ["Capital project: the Boatshed studio \u2013", "design stage 3 report and cost plan"],
            ["Design team recommendation", "Cost plan and contingency", "Decision: proceed to stage 4"],
            "Paper E \u2013 for decision",
            "Capital Projects Manager",
            "Capital Projects Manager",
            "11.15",
        ),
        ("", ["Break"], [], "", "", "", "11.35"),
        (
            "7",
            ["Audience development and access plan 2025\u201328"],
            [],
            "Paper F \u2013 for approval",
            "Marisol Etxeberria, Head of Engagement",
            "Marisol Etxeberria",
            "11.50",
        ),
        (
            "8",
            ["People: staff survey results and pay award 2025"],
            ["Survey response rate 71%", "Pay award options (confidential appendix)"],
            "Paper G \u2013 for decision",
            "Executive Director",
            "Executive Director",
            "12.15",
        ),
        (
            "9",
            ["Risk register review"],
            [],
            "Paper H \u2013 for assurance",
            "Executive Director",
            "Executive Director",
            "12.40",
        ),
        ("10", ["Any other business and date of next meeting"], [], "", "Chair", "Chair", "12.55"),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10)
    for text, size, bold in (("Lantern Quay Arts", 20, True), ("Board of Directors", 13, True)):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
        paragraph.paragraph_format.space_after = Pt(2)
    document.add_paragraph(
        f"{uk_date(iso)}, 10.00 to 13.00\nStudio 2, Lantern Quay Arts Centre, Harbour Parade"
    ).paragraph_format.space_after = Pt(10)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("No.", "Item", "Lead", "Time"), strict=True):
        cell_text(cell, text, bold=True)
        shade(cell, "F4B183")
    repeat_header(table.rows[0])
    bullet_style = document.styles["List Bullet"]
    for number, lines, bullets, paper, lead, _p, time in rows:
        row = table.add_row()
        cant_split(row)
        cell_text(row.cells[0], number, bold=True)
        title_paragraph = row.cells[1].paragraphs[0]
        for n, line in enumerate(lines):
            run = title_paragraph.add_run(line)
            run.bold = bool(number)
            run.italic = not number
            if n < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        title_paragraph.paragraph_format.space_after = Pt(2)
        for bullet in bullets:
            paragraph = row.cells[1].add_paragraph(bullet, style=bullet_style)
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.runs[0].font.size = Pt(9.5)
        if paper:
            cell_text(row.cells[1], paper, italic=True, size=9, new=True)
        cell_text(row.cells[2], lead)
        cell_text(row.cells[3], time)
        if not number:
            for cell in row.cells:
                shade(cell, "EDEDED")
    widths(table, [Cm(1.1), Cm(9.6), Cm(4.9), Cm(1.4)])
    borders(table, color="A6A6A6")
    closing = document.add_paragraph()
    closing.paragraph_format.space_before = Pt(10)
    closing.add_run(
        "Papers C and G contain commercially sensitive information and are not for circulation beyond the Board."
    ).italic = True
    closing.alignment = WD_ALIGN_PARAGRAPH.LEFT
    stem = "lantern-quay-arts-board-2025-02-25-agenda"
    document.core_properties.author = "Board Secretary"
    save_docx(out, stem, document)
    write_expected(
        out,
        stem,
        {
            "name": "Lantern Quay Arts board of directors agenda 25 Feb 2025 (Word .docx printed by LibreOffice: a table "
            "No. | Item | Lead | Time with a shaded header row; each Item cell holds a bold title - items 4 and 6 broken "
            "over two lines by a manual LINE BREAK inside the title - then a Word bulleted list of points and an italic "
            "'Paper X – for ...' line (neither part of the title); leads 'Name, Role', a bare role, or two names joined "
            "by 'and'; an unnumbered grey 'Break' row with a time)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Lantern Quay Arts",
            "meeting_title": "Board of Directors",
            "date": iso,
            "time_of_meeting": "10:00",
            "venue": "Studio 2, Lantern Quay Arts Centre, Harbour Parade",
            "items": [
                Item(n, " ".join(lines), time=time, lead=lead, presenter=p, paper=paper.split(" \u2013 ")[0]).expected()
                for n, lines, _b, paper, lead, p, time in rows
                if n
            ],
        },
    )


DOCUMENTS.append(lantern_quay_arts_board)


# --- Charity minutes whose action tracker is a landscape table turned on a portrait page -------------------------


def pennyhold_riverside_minutes(out: Out = OUT) -> None:
    """Trustees' minutes (ReportLab, Liberation Serif): attendance as 'Name (INITIALS), role' runs after bold
    Present / In attendance / Apologies labels, minutes 1.-9. with headings, and each minute's actions in an
    'Actions arising' box of '• XX to ...' lines. The last page is the action tracker, a landscape table drawn
    sideways on a portrait page that carries /Rotate so it shows upright (as a scanned or 'rotated' page does); the
    text layer therefore runs vertically on the page. The tracker's numbers restart at each meeting."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,  # fmt: skip
    )
    from round4_util import rotate_pages

    font = ttf_family("LiberationSerif")
    base = ParagraphStyle("pr", fontName=font, fontSize=11, leading=14, spaceAfter=5)
    head = ParagraphStyle("prh", parent=base, fontName=font + "-Bold", fontSize=12, spaceBefore=8, spaceAfter=3)
    title = ParagraphStyle("prt", parent=base, fontName=font + "-Bold", fontSize=15, leading=19, alignment=1)
    centre = ParagraphStyle("prc", parent=base, alignment=1)
    iso = "2025-01-16"
    present = [
        ("Harriet Blackwood-Soames", "HBS", "Chair"),
        ("Kofi Antwi-Mensah", "KAM", "Treasurer"),
        ("Ellen Vasquez-Tully", "EVT", "Secretary"),
        ("Rupert Ingleby", "RI", ""),
        ("Shabnam Qureshi-Dale", "SQD", ""),
    ]
    attending = [("Morwen Tregellas", "MT", "Director"), ("Alfie Dunstone", "AD", "Volunteer Coordinator, for item 5")]
    apologies = ["Gwilym Parry-Hughes", "Dr Anneka Solberg"]
    # (number, heading, text, actions [(owner, text, due)])
    minutes: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
        ("1", "Welcome and apologies", "HBS welcomed trustees. Apologies were received and accepted as above.", []),
        (
            "2",
            "Declarations of interest",
            "RI declared that his company had quoted for the slipway repair (item 6) and left the room for that item.",
            [],
        ),
        (
            "3",
            "Minutes of the meeting of " + uk_date("2024-10-17"),
            "The minutes were agreed and signed by the Chair. The tracker (last page) shows two actions carried forward.",
            [],
        ),
        (
            "4",
            "Director\u2019s report",
            "MT reported a strong autumn: 1,140 volunteer hours, two school partnerships renewed, and the otter survey published.",
            [("MT", "circulate the otter survey summary to the parish councils", "31 January 2025")],
        ),
        (
            "5",
            "Volunteering",
            "AD presented the volunteer survey. Trustees welcomed the new Saturday work parties and asked for a safeguarding refresher for group leaders.",
            [("AD", "arrange safeguarding refresher training for all work-party leaders", "28 March 2025")],
        ),
        (
            "6",
            "Slipway repair",
            "Only one quotation had been received. Trustees agreed that at least two more are needed before a decision.",
            [("MT", "obtain two further quotations for the slipway repair", "28 February 2025")],
        ),
        (
            "7",
            "Finance",
            "KAM presented the accounts to 31 December 2024. Unrestricted reserves stand at five months\u2019 running costs, within policy.",
            [("KAM", "draft the 2025/26 budget for the April meeting", "3 April 2025")],
        ),
        (
            "8",
            "Any other business",
            "EVT reminded trustees that the annual declarations of interest forms are due.",
            [],
        ),
        ("9", "Date of next meeting", "Thursday 17 April 2025 at 6.00pm at the Boathouse Studio.", []),
    ]
    people_line = ", ".join(f"{n} ({i})" + (f", {r}" if r else "") for n, i, r in present)
    story: list[Any] = [
        Paragraph("PENNYHOLD RIVERSIDE TRUST", title),
        Paragraph("Registered charity", centre),
        Paragraph(
            f"Minutes of the meeting of the Board of Trustees held at the Boathouse Studio, Mill Wharf, Pennyhold on {uk_date(iso)} at 6.00pm",
            centre,
        ),
        Spacer(1, 4 * mm),
        Paragraph(f"<b>Present:</b> {people_line}", base),
        Paragraph("<b>In attendance:</b> " + "; ".join(f"{n} ({i}), {r}" for n, i, r in attending), base),
        Paragraph("<b>Apologies:</b> " + ", ".join(apologies), base),
    ]
    for number, heading, text, actions in minutes:
        block: list[Any] = [Paragraph(f"{number}.&nbsp;&nbsp;{heading}", head), Paragraph(text, base)]
        if actions:
            box = Table([[Paragraph("<b>Actions arising</b>", base)]]
                        + [[Paragraph(f"\u2022 {owner} to {atext} by {due}", base)] for owner, atext, due in actions],
                        colWidths=[150 * mm])  # fmt: skip
            box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#4d6b3c")),
                                     ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3ea")),
                                     ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))  # fmt: skip
            block.append(box)
        story.append(KeepTogether(block))
    story += [
        Spacer(1, 8 * mm),
        Paragraph(
            "Signed ........................................ (Chair)&nbsp;&nbsp;&nbsp; Date ....................", base
        ),
        PageBreak(),
    ]
    tracker_rows = [
        ("17 Oct 2024", "1", "3", "Renew the public liability insurance", "KAM", "30 Nov 2024", "Closed"),
        (
            "17 Oct 2024",
            "2",
            "5",
            "Agree a data-sharing note with the county wildlife records centre",
            "MT",
            "31 Dec 2024",
            "Carried forward: draft with the records centre",
        ),
        (
            "17 Oct 2024",
            "3",
            "6",
            "Ask the landowner about access for the slipway contractor",
            "HBS",
            "31 Dec 2024",
            "Closed: access agreed",
        ),
        ("17 Oct 2024", "4", "7", "Review the reserves policy", "KAM", "16 Jan 2025", "Carried forward to April"),
    ]
    expected_actions = []
    n = 0
    for number, _h, _t, actions in minutes:
        for owner, atext, due in actions:
            n += 1
            tracker_rows.append(("16 Jan 2025", str(n), number, atext[0].upper() + atext[1:], owner, due, "New"))
            expected_actions.append(action(number, owner, atext, due=due, tracker_number=str(n)))

    def tracker_page(canvas: Any, _doc: Any) -> None:
        """Draw the landscape tracker turned 90 degrees on the portrait page."""
        if canvas.getPageNumber() != 3:
            return
        width, height = A4
        canvas.saveState()
        canvas.translate(width, 0)
        canvas.rotate(90)  # now x runs up the page and y runs right-to-left: a landscape page of height x width
        data: list[list[Any]] = [["Meeting", "No.", "Minute", "Action", "Owner", "Due", "Status"]]
        cell = ParagraphStyle("tc", fontName=font, fontSize=9.5, leading=11.5)
        for row in tracker_rows:
            data.append([row[0], row[1], row[2], Paragraph(row[3], cell), row[4], row[5], Paragraph(row[6], cell)])
        table = Table(data, colWidths=[26 * mm, 12 * mm, 16 * mm, 100 * mm, 16 * mm, 28 * mm, 62 * mm])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 9.5), ("FONT", (0, 0), (-1, 0), font + "-Bold", 9.5),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe8d8"))]))  # fmt: skip
        _w, h = table.wrapOn(canvas, height - 30 * mm, width - 40 * mm)
        canvas.setFont(font + "-Bold", 14)
        canvas.drawString(15 * mm, width - 18 * mm, "Action tracker \u2013 updated 16 January 2025")
        canvas.setFont(font, 9)
        canvas.drawString(
            15 * mm,
            width - 24 * mm,
            "Action numbers restart at each meeting. Closed actions are removed after one meeting.",
        )
        table.drawOn(canvas, 15 * mm, width - 30 * mm - h)
        canvas.restoreState()

    story.append(Spacer(1, 1))
    stem = "pennyhold-riverside-trustees-2025-01-16-minutes"
    pdf = out.pdf / f"{stem}.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4, invariant=1, leftMargin=25 * mm, rightMargin=25 * mm,
                      title="Trustees minutes January 2025", author="Ellen Vasquez-Tully").build(
        story, onFirstPage=tracker_page, onLaterPages=tracker_page)  # fmt: skip
    assert len(__import__("pypdf").PdfReader(pdf).pages) == 3, "the tracker must be page 3"
    rotate_pages(pdf, {2: 90})
    people = [person(nm, "present", r, i, **({"chair": "yes"} if r == "Chair" else {})) for nm, i, r in present]
    people += [person(nm, "in_attendance", r, i) for nm, i, r in attending]
    people += [person(nm, "apologies") for nm in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Pennyhold Riverside Trust trustees' minutes 16 Jan 2025 (ReportLab, Liberation Serif TrueType: centred "
            "heading with the meeting in one sentence; 'Present:' as one run of 'Name (INITIALS), role', 'In attendance:' "
            "and 'Apologies:' lines; minutes 1.-9. with bold headings; actions as '• XX to ... by DATE' lines in a green "
            "'Actions arising' box under the minute; page 3 is the ACTION TRACKER drawn as a landscape table sideways on a "
            "portrait page with /Rotate 90, so it shows upright but its text runs vertically in page space; the tracker "
            "restarts its numbers at each meeting and repeats this meeting's actions beside two older meetings' ones)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "ReportLab",
            "body": "Pennyhold Riverside Trust",
            "meeting_title": "Meeting of the Board of Trustees",
            "date": iso,
            "time_of_meeting": "18:00",
            "venue": "the Boathouse Studio, Mill Wharf, Pennyhold",
            "items": [Item(nm, h).expected() for nm, h, _t, _a in minutes],
            "people": people,
            "actions": expected_actions,
        },
    )


DOCUMENTS.append(pennyhold_riverside_minutes)
