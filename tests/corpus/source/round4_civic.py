# ruff: noqa: E501
"""Fourth round, civic bodies: a US city council agenda (consent calendar 7.1-7.9, public hearings, resolutions,
closed session last), a Canadian town council agenda with composite labels 7(b)(ii) and officer report numbers, an
English parish council agenda whose items each begin "To resolve"/"To receive" with an italic statutory note under
them, and a town council's notice carrying two agendas (a committee, then the full council) on one evening."""

from __future__ import annotations

from typing import Any

from kit import CORPUS_OUT, Item, Out, chromium_pdf, keep_source, soffice_pdf, write_expected
from round4_util import e, ordinal_date, uk_date, us_date

OUT = CORPUS_OUT


# --- A US city council agenda, printed from the city's web agenda system by Chromium ----------------------------


def arbela_springs_city_council(out: Out = OUT) -> None:
    """US city council regular meeting: CAPITALS section headings 1.-13., consent calendar 7.1-7.9 each followed by
    an italic 'Recommendation:' paragraph and a 'Staff Contact:' line (not a presenter), 'Presenter: Name, Title'
    lines on discussion items, a section heading carrying its own time ('PUBLIC HEARINGS – 7:00 P.M.'), resolution
    and ordinance numbers in titles, and a closed session (Part II) before adjournment. US Letter paper."""
    iso = "2025-10-14"
    # (number, title, time, presenter, role, recommendation, staff contact, part)
    rows: list[tuple[str, str, str, str, str, str, str, int]] = [
        ("1", "CALL TO ORDER", "", "", "", "", "", 1),
        ("2", "ROLL CALL", "", "", "", "", "", 1),
        ("3", "PLEDGE OF ALLEGIANCE", "", "", "", "", "", 1),
        ("4", "REPORT OUT FROM CLOSED SESSION OF SEPTEMBER 23, 2025", "", "", "", "", "", 1),
        ("5", "PRESENTATIONS AND PROCLAMATIONS", "", "", "", "", "", 1),
        ("5.1", "Proclamation Declaring October 2025 as Arbela Springs Public Library Month", "", "", "", "", "", 1),
        (
            "5.2",
            "Presentation on Wildfire Preparedness and the Defensible Space Inspection Program",
            "",
            "Lorenzo Baptiste-Quill",
            "Fire Chief",
            "",
            "",
            1,
        ),
        ("6", "PUBLIC COMMENT ON NON-AGENDA ITEMS", "", "", "", "", "", 1),
        ("7", "CONSENT CALENDAR", "", "", "", "", "", 1),
        (
            "7.1",
            "Approval of Minutes of the Regular Meeting of September 23, 2025",
            "",
            "",
            "",
            "Approve the minutes as presented.",
            "Kimberly Nakashima-Ford, City Clerk",
            1,
        ),
        (
            "7.2",
            "Warrant Register for the Period September 1 through September 30, 2025",
            "",
            "",
            "",
            "Receive and file.",
            "Miriam Castellanos-Reid, Finance Director",
            1,
        ),
        (
            "7.3",
            "Second Reading of Ordinance No. 1187 Amending Chapter 9.24 of the Arbela Springs Municipal Code Regarding Sidewalk Vending",
            "",
            "",
            "",
            "Waive full reading and adopt Ordinance No. 1187.",
            "Gordon Szymanski-Pratt, City Attorney",
            1,
        ),
        (
            "7.4",
            "Award of Contract to Delmont Paving, Inc. for the FY 2025-26 Pavement Rehabilitation Project, Project No. ST-2611, in the Amount of $1,284,500",
            "",
            "",
            "",
            "Award the contract to the lowest responsive bidder and authorize the City Manager to execute the agreement and approve change orders up to 10 percent.",
            "Dana Whitcombe-Alvarez, Public Works Director",
            1,
        ),
        (
            "7.5",
            "Resolution No. 2025-14 Approving a Memorandum of Understanding with the Arbela Springs Police Officers\u2019 Association for the Period July 1, 2025 through June 30, 2028",
            "",
            "",
            "",
            "Adopt Resolution No. 2025-14.",
            "Harold Ngata-Brisbane, Human Resources Manager",
            1,
        ),
        (
            "7.6",
            "Treasurer\u2019s Investment Report for the Quarter Ended September 30, 2025",
            "",
            "",
            "",
            "Receive and file.",
            "Miriam Castellanos-Reid, Finance Director",
            1,
        ),
        (
            "7.7",
            "Acceptance of a State Office of Traffic Safety Grant in the Amount of $86,000 and Related Budget Amendment",
            "",
            "",
            "",
            "Accept the grant and amend the FY 2025-26 budget accordingly.",
            "Captain Rosalind Teague, Police Department",
            1,
        ),
        (
            "7.8",
            "Resolution No. 2025-15 Designating Authorized Agents for Disaster Assistance Applications",
            "",
            "",
            "",
            "Adopt Resolution No. 2025-15.",
            "Lorenzo Baptiste-Quill, Fire Chief",
            1,
        ),
        (
            "7.9",
            "Notice of Completion for the Orchard Park Restroom Replacement Project",
            "",
            "",
            "",
            "Accept the work as complete and direct the City Clerk to record the Notice of Completion.",
            "Dana Whitcombe-Alvarez, Public Works Director",
            1,
        ),
        ("8", "PUBLIC HEARINGS", "7:00 P.M.", "", "", "", "", 1),
        (
            "8.1",
            "Resolution No. 2025-16 Adopting the Updated Master Fee Schedule for Fiscal Year 2025-26",
            "",
            "Miriam Castellanos-Reid",
            "Finance Director",
            "Conduct the public hearing and adopt Resolution No. 2025-16.",
            "",
            1,
        ),
        (
            "8.2",
            "Introduction of Ordinance No. 1188 Approving Zone Change ZC-25-03 from Light Industrial to Mixed Use for 1450 Mission Trail (First Reading)",
            "",
            "Paulina Szabo-Whitlock",
            "Community Development Director",
            "Conduct the public hearing, waive full reading and introduce Ordinance No. 1188.",
            "",
            1,
        ),
        ("9", "NEW BUSINESS", "", "", "", "", "", 1),
        (
            "9.1",
            "Fiscal Year 2025-26 First Quarter Budget Update",
            "",
            "Miriam Castellanos-Reid",
            "Finance Director",
            "Receive the report and provide direction.",
            "",
            1,
        ),
        (
            "9.2",
            "Appointment of One Member to the Parks and Recreation Commission",
            "",
            "Kimberly Nakashima-Ford",
            "City Clerk",
            "Make one appointment for a term ending June 30, 2029.",
            "",
            1,
        ),
        ("10", "CITY MANAGER\u2019S REPORT", "", "", "", "", "", 1),
        ("11", "COUNCIL COMMENTS AND REQUESTS FOR FUTURE AGENDA ITEMS", "", "", "", "", "", 1),
        ("12", "CLOSED SESSION", "", "", "", "", "", 2),
        ("12.1", "CONFERENCE WITH LEGAL COUNSEL \u2013 EXISTING LITIGATION", "", "", "", "", "", 2),
        ("12.2", "CONFERENCE WITH LABOR NEGOTIATORS", "", "", "", "", "", 2),
        ("13", "ADJOURNMENT", "", "", "", "", "", 1),
    ]
    closed_details = {
        "12.1": "(Government Code Section 54956.9(d)(1)) Name of case: Okwuosa v. City of Arbela Springs, Superior Court Case No. 24CV01873",
        "12.2": "(Government Code Section 54957.6) Agency designated representative: Tobias Merriweather-Lang, City Manager. Employee organization: Arbela Springs Municipal Employees\u2019 Association",
    }
    intro = {
        "5": "",
        "6": "This is the time for members of the public to address the City Council on any item not on the agenda that is within the subject matter jurisdiction of the Council. Speakers are limited to three (3) minutes. Under the Brown Act, the Council may not take action on items not on the agenda.",
        "7": "All matters listed under the Consent Calendar are considered routine and will be enacted by one motion unless a Councilmember or a member of the public requests that an item be removed for separate discussion.",
        "8": "",
        "10": "Brief report on City activities; no action will be taken.",
        "12": "The City Council will recess to Closed Session to consider the following matters. Any reportable action will be announced at the next regular meeting.",
        "13": "The next Regular Meeting of the City Council will be held on "
        + us_date("2025-10-28")
        + ", at 6:30 p.m.",
    }
    parts = []
    for number, title, time, presenter, role, rec, staff, _part in rows:
        top = "." not in number
        heading = e(title) + (f" \u2013 {e(time)}" if time else "")
        parts.append(
            f'<div class="{"sec" if top else "item"}"><div class="num">{number}.</div><div class="body">'
            f'<div class="{"sech" if top else "title"}">{heading}</div>'
        )
        if intro.get(number):
            parts.append(f'<p class="note">{e(intro[number])}</p>')
        if number in closed_details:
            parts.append(f'<p class="note">{e(closed_details[number])}</p>')
        if rec:
            parts.append(f'<p class="rec"><b>Recommendation:</b> <i>{e(rec)}</i></p>')
        if staff:
            parts.append(f'<p class="staff">Staff Contact: {e(staff)}</p>')
        if presenter:
            parts.append(f'<p class="staff">Presenter: {e(presenter)}, {e(role)}</p>')
        parts.append("</div></div>")
    council = "Mayor Theresa Okonkwo-Lund &middot; Mayor Pro Tem Raymond Vasquez-Hale &middot; Councilmembers Bethany Aldaco, Curtis Fenwright-Mbeki and Sonia Park-Delacroix"
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>City Council Agenda {us_date(iso, False)}</title>
<style>
@page {{ size: 8.5in 11in; margin: 0.75in 0.8in 0.8in 0.8in }}
body {{ font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 11.5pt; line-height: 1.25 }}
.mast {{ text-align: center; font-family: 'Liberation Sans', Arial, sans-serif }}
.mast .city {{ font-size: 20pt; font-weight: bold; letter-spacing: 2px }}
.mast .what {{ font-size: 14pt; font-weight: bold; margin-top: 4px }}
.mast .when {{ font-size: 12pt; margin-top: 6px }}
.council {{ text-align: center; font-size: 10pt; font-style: italic; margin: 8px 0 6px }}
.box {{ border: 1px solid #444; padding: 6px 9px; font-size: 9.5pt; margin: 8px 0 12px }}
hr {{ border: 0; border-top: 2px solid #000 }}
.sec, .item {{ display: grid; grid-template-columns: 0.55in 1fr; margin-top: 9px; break-inside: avoid }}
.item {{ margin-left: 0.55in; margin-top: 6px }}
.sec .num {{ font-weight: bold; font-family: 'Liberation Sans', Arial, sans-serif }}
.sech {{ font-weight: bold; font-family: 'Liberation Sans', Arial, sans-serif; text-decoration: underline }}
.item .num {{ font-weight: bold }}
.title {{ font-weight: bold }}
p {{ margin: 2px 0 }}
.note {{ font-size: 10.5pt }}
.rec {{ font-size: 10.5pt }}
.staff {{ font-size: 10pt; color: #222 }}
.foot {{ font-size: 9pt; margin-top: 18px; border-top: 1px solid #777; padding-top: 5px }}
</style></head><body>
<div class="mast"><div class="city">CITY OF ARBELA SPRINGS</div>
<div class="what">CITY COUNCIL REGULAR MEETING AGENDA</div>
<div class="when">{us_date(iso)} &ndash; 6:30 p.m.<br>Council Chambers, City Hall, 300 Larkin Avenue, Arbela Springs, California</div></div>
<div class="council">{council}</div>
<div class="box">Copies of staff reports and other public records relating to items on this agenda are available for inspection in the City Clerk\u2019s Office and on the City\u2019s website. Speaker cards are available at the entrance to the Council Chambers. In compliance with the Americans with Disabilities Act, if you need special assistance to participate in this meeting, please contact the City Clerk at least 48 hours before the meeting.</div>
<hr>
{"".join(parts)}
<div class="foot">I, Kimberly Nakashima-Ford, City Clerk of the City of Arbela Springs, certify that this agenda was posted at City Hall on {us_date("2025-10-09")}, in accordance with Government Code Section 54954.2.</div>
</body></html>"""
    stem = "arbela-springs-city-council-2025-10-14-agenda"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "City of Arbela Springs (California) city council regular meeting agenda 14 Oct 2025 (Chromium, US Letter: "
            "CAPITAL underlined section headings 1.-13. with sub-items 5.1-12.2 at an indent, consent calendar 7.1-7.9 each "
            "with an italic 'Recommendation:' paragraph and a 'Staff Contact: Name, Title' line (a contact, not a presenter), "
            "'Presenter: Name, Title' lines on the discussion items, the heading 'PUBLIC HEARINGS – 7:00 P.M.' carrying the "
            "section's time, resolution and ordinance numbers inside titles, closed session (Part II) 12-12.2 before "
            "adjournment, a clerk's posting certificate at the foot)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Chromium (Skia/PDF) print of an HTML agenda",
            "body": "City of Arbela Springs",
            "meeting_title": "City Council Regular Meeting",
            "date": iso,
            "time_of_meeting": "18:30",
            "venue": "Council Chambers, City Hall, 300 Larkin Avenue, Arbela Springs",
            "items": [
                Item(n, t, time=time, lead=p, part=part, extra={"staff_contact": s} if s else {}).expected()
                for n, t, time, p, _r, _rec, s, part in rows
            ],
        },
    )


DOCUMENTS: list[Any] = [arbela_springs_city_council]


# --- A Canadian town council agenda, Word, composite labels 7(b)(ii) --------------------------------------------------


def wrenmouth_town_council(out: Out = OUT) -> None:
    """Canadian (Ontario-style) council agenda in Word: labels printed in full at growing indents (7, 7(a),
    7(a)(i)), officer reports named by number in brackets, each report followed by its recommendation as a numbered
    list 'That Council ...' 1.-3. (not items), a Delegate line, by-laws by number, closed session under Municipal
    Act s. 239, a 'Page X of Y' footer and a running header."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt
    from round4_util import docx_field

    iso = "2025-11-18"
    # (label, title, delegate, recommendations, part)
    rows: list[tuple[str, str, str, list[str], int]] = [
        ("1", "Call to Order", "", [], 1),
        ("2", "Land Acknowledgement", "", [], 1),
        ("3", "Approval of the Agenda", "", [], 1),
        ("4", "Disclosure of Pecuniary Interest and the General Nature Thereof", "", [], 1),
        ("5", "Adoption of Minutes", "", [], 1),
        ("5(a)", "Regular Council Meeting \u2013 " + us_date("2025-10-28", False), "", [], 1),
        ("5(b)", "Special Council Meeting (Budget) \u2013 " + us_date("2025-11-04", False), "", [], 1),
        ("6", "Delegations", "", [], 1),
        (
            "6(a)",
            "Wrenmouth Curling Club \u2013 Request for Capital Funding for Ice Plant Replacement",
            "Harriet Okafor-Lindqvist, President",
            [],
            1,
        ),
        ("6(b)", "Tamarack Lane Residents \u2013 Traffic Calming Petition", "Desmond Arsenault-Prior", [], 1),
        ("7", "Staff Reports", "", [], 1),
        ("7(a)", "Planning and Development Services", "", [], 1),
        (
            "7(a)(i)",
            "Zoning By-law Amendment \u2013 41 Tamarack Lane (Report PDS-2025-088)",
            "",
            [
                "That Council receive Report PDS-2025-088 for information;",
                "That Council approve the application to rezone 41 Tamarack Lane from R1 to R3-12; and",
                "That the implementing by-law be brought forward at this meeting.",
            ],
            1,
        ),
        (
            "7(a)(ii)",
            "Community Improvement Plan \u2013 Façade Grant Applications, Fall Intake (Report PDS-2025-091)",
            "",
            ["That Council approve façade grants to three properties on Harbour Street totalling $42,500."],
            1,
        ),
        ("7(b)", "Corporate Services", "", [], 1),
        (
            "7(b)(i)",
            "2026 Interim Tax Levy (Report CS-2025-047)",
            "",
            ["That Council pass a by-law to levy interim taxes for 2026 at 50 per cent of the 2025 levy."],
            1,
        ),
        (
            "7(b)(ii)",
            "Third Quarter Financial Report to September 30, 2025 (Report CS-2025-049)",
            "",
            ["That Council receive Report CS-2025-049 for information."],
            1,
        ),
        ("7(c)", "Public Works", "", [], 1),
        (
            "7(c)(i)",
            "Winter Control Operations Plan 2025\u20132026 (Report PW-2025-031)",
            "",
            [
                "That Council approve the Winter Control Operations Plan;",
                "That the minimum maintenance standards remain unchanged; and",
                "That staff report back on sidewalk clearing in the downtown core by March 2026.",
            ],
            1,
        ),
        ("8", "Correspondence", "", [], 1),
        ("9", "Notices of Motion", "", [], 1),
        ("10", "By-laws", "", [], 1),
        ("10(a)", "By-law 2025-061, being a By-law to amend Zoning By-law 2011-45 (41 Tamarack Lane)", "", [], 1),
        ("10(b)", "By-law 2025-062, being a By-law to provide for an interim tax levy for 2026", "", [], 1),
        ("11", "Closed Session", "", [], 2),
        (
            "11(a)",
            "Personal matters about an identifiable individual \u2013 Municipal Act, 2001, s. 239(2)(b) \u2013 Committee appointments",
            "",
            [],
            2,
        ),
        (
            "11(b)",
            "A proposed or pending acquisition of land \u2013 Municipal Act, 2001, s. 239(2)(c) \u2013 Harbour Street property",
            "",
            [],
            2,
        ),
        ("12", "Confirming By-law 2025-063", "", [], 1),
        ("13", "Adjournment", "", [], 1),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(27.94), Cm(21.59)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    header = section.header.paragraphs[0]
    header.text = "Regular Council Agenda \u2013 " + us_date(iso, False)
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.runs[0].font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    docx_field(footer, "PAGE")
    footer.add_run(" of ")
    docx_field(footer, "NUMPAGES", "3")
    for text, size, bold in (
        ("The Corporation of the Town of Wrenmouth", 15, True),
        ("Regular Meeting of Council", 13, True),
        ("Agenda", 13, False),
    ):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    when = document.add_paragraph()
    when.alignment = WD_ALIGN_PARAGRAPH.CENTER
    when.add_run(us_date(iso) + "\n6:00 p.m.\nCouncil Chambers, Wrenmouth Civic Centre, 55 Harbour Street")
    document.add_paragraph(
        "Members of the public may view the meeting live on the Town\u2019s website. Accessible formats are available "
        "from the Clerk\u2019s Department on request."
    ).runs[0].italic = True
    indent = {0: Cm(0), 1: Cm(1.6), 2: Cm(3.4)}
    hang = {0: Cm(1.6), 1: Cm(1.8), 2: Cm(2.2)}
    for label, title, delegate, recommendations, _part in rows:
        level = label.count("(")
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.left_indent = indent[level] + hang[level]
        fmt.first_line_indent = -hang[level]
        fmt.tab_stops.add_tab_stop(indent[level] + hang[level])
        fmt.space_before = Pt(8 if level == 0 else 3)
        fmt.keep_with_next = True
        run = paragraph.add_run(f"{label}\t{title}")
        run.bold = level < 2
        if label == "2":
            note = document.add_paragraph(
                "We acknowledge that the Town of Wrenmouth is situated on the traditional territory of the Anishinaabe peoples."
            )
            note.paragraph_format.left_indent = Cm(1.6)
            note.runs[0].italic = True
        if delegate:
            note = document.add_paragraph(f"Delegate: {delegate}")
            note.paragraph_format.left_indent = indent[level] + hang[level]
        if recommendations:
            lead = document.add_paragraph("Recommendation:")
            lead.paragraph_format.left_indent = indent[level] + hang[level]
            lead.runs[0].italic = True
            for n, text in enumerate(recommendations, 1):
                rec = document.add_paragraph()
                rf = rec.paragraph_format
                rf.left_indent = indent[level] + hang[level] + Cm(0.8)
                rf.first_line_indent = Cm(-0.8)
                rf.tab_stops.add_tab_stop(indent[level] + hang[level] + Cm(0.8))
                rf.space_after = Pt(2)
                rec.add_run(f"{n}.\t{text}").font.size = Pt(10.5)
    closing = document.add_paragraph()
    closing.paragraph_format.space_before = Pt(18)
    closing.add_run("Marguerite Thibodeau-Osei\nMunicipal Clerk")
    stem = "wrenmouth-town-council-2025-11-18-agenda"
    document.core_properties.author = "Clerk's Department"
    from round4_util import save_docx

    save_docx(out, stem, document)
    write_expected(
        out,
        stem,
        {
            "name": "Town of Wrenmouth (Ontario) regular council agenda 18 Nov 2025 (Word .docx printed by LibreOffice, US Letter: "
            "labels printed in full at three indents ('7', '7(a)', '7(a)(i)', '11(b)'), deeper levels not bold, officer report "
            "numbers in brackets at the end of titles, each report followed by 'Recommendation:' and a numbered list 1.-3. of "
            "'That Council ...' clauses (not items), 'Delegate: Name, Role' lines under delegations, an italic land "
            "acknowledgement under item 2, closed session 11-11(b) as Part II, running header and 'Page X of Y' footer)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Town of Wrenmouth",
            "meeting_title": "Regular Meeting of Council",
            "date": iso,
            "time_of_meeting": "18:00",
            "venue": "Council Chambers, Wrenmouth Civic Centre, 55 Harbour Street",
            "items": [
                Item(label, title, lead=delegate, presenter=delegate.split(",")[0], part=part).expected()
                for label, title, delegate, _r, part in rows
            ],
        },
    )


DOCUMENTS.append(wrenmouth_town_council)


# --- An English parish council agenda: "To resolve ..." items with their statutory notes --------------------------


def haddiscombe_parish_council(out: Out = OUT) -> None:
    """Parish council summons and agenda printed from a browser editor: every item begins with a bold verb phrase
    ("To resolve", "To receive", "To note", "To consider") that is part of the item as printed, and carries a grey
    italic note of the power or duty it rests on underneath (not part of the title); a schedule of planning
    applications as 7.1-7.3; the exclusion resolution as an item and the confidential item after it (Part II)."""
    iso = "2025-07-08"
    # (number, prefix, rest, statutory note, part)
    rows: list[tuple[str, str, str, str, int]] = [
        (
            "1",
            "To receive",
            "and approve apologies for absence",
            "Local Government Act 1972, s85(1): a councillor who does not attend for six months ceases to be a member unless the Council has approved the reason for absence.",
            1,
        ),
        (
            "2",
            "To receive",
            "declarations of disclosable pecuniary and other registrable interests, and to consider written requests for dispensations",
            "Localism Act 2011, ss31\u201333; the Council\u2019s Code of Conduct adopted 14th May 2024.",
            1,
        ),
        (
            "3",
            "To adjourn",
            "the meeting for up to 15 minutes for public participation",
            "Standing Order 3(e). Members of the public may speak for up to three minutes each.",
            1,
        ),
        (
            "4",
            "To resolve",
            "that the minutes of the meeting held on "
            + ordinal_date("2025-06-10")
            + " be approved and signed by the Chairman as a correct record",
            "Local Government Act 1972, Sch 12, para 41(1).",
            1,
        ),
        (
            "5",
            "To receive",
            "the Clerk\u2019s report on matters arising from the last meeting (for information only)",
            "",
            1,
        ),
        ("6", "To receive", "reports from the County Councillor and the District Councillor", "", 1),
        (
            "7",
            "To consider",
            "the following planning applications and resolve the Council\u2019s response to the planning authority",
            "Town and Country Planning (Development Management Procedure) (England) Order 2015, Sch 4: the Parish Council is a consultee and has 21 days to respond.",
            1,
        ),
        (
            "7.1",
            "",
            "25/00871/HOU \u2013 Orchard View, Mill Lane \u2013 two-storey side extension and detached garage",
            "",
            1,
        ),
        (
            "7.2",
            "",
            "25/00904/FUL \u2013 Land north of Kiln Cottages \u2013 erection of two self-build dwellings with new access",
            "",
            1,
        ),
        ("7.3", "To note", "decisions issued by the planning authority since the last meeting (list attached)", "", 1),
        ("8", "Finance", "", "", 1),
        (
            "8.1",
            "To resolve",
            "to approve the schedule of payments for June 2025 (Appendix A) and authorise two councillors to approve them online",
            "Local Government Act 1972, s150(5); Financial Regulations 6.2 and 6.4.",
            1,
        ),
        (
            "8.2",
            "To receive",
            "the bank reconciliation to 30th June 2025, verified and signed by a councillor who is not a bank signatory",
            "Accounts and Audit Regulations 2015, reg 4; Financial Regulations 2.2.",
            1,
        ),
        (
            "8.3",
            "To note",
            "the period for the exercise of public rights, 2nd June to 11th July 2025, and that no objections have been received",
            "Accounts and Audit Regulations 2015, regs 14 and 15.",
            1,
        ),
        (
            "9",
            "To resolve",
            "to adopt the revised Standing Orders (model 2025 edition) as circulated",
            "Local Government Act 1972, Sch 12, para 42.",
            1,
        ),
        (
            "10",
            "To consider",
            "a request from Haddiscombe Playgroup to use the recreation ground for a family fun day on "
            + ordinal_date("2025-08-16")
            + ", and resolve accordingly",
            "Open Spaces Act 1906, s10; the recreation ground is held in trust for public recreation.",
            1,
        ),
        ("11", "To receive", "correspondence (list circulated with this agenda)", "", 1),
        ("12", "To note", "items for the next agenda (no decisions may be taken)", "", 1),
        ("13", "To note", "the date of the next meeting: " + ordinal_date("2025-09-09") + " at 7.30pm", "", 1),
        (
            "14",
            "To resolve",
            "to exclude the press and public for the following item because of the confidential nature of the business to be transacted",
            "Public Bodies (Admission to Meetings) Act 1960, s1(2).",
            1,
        ),
        (
            "15",
            "To resolve",
            "to award the grounds maintenance contract for 2026 to 2028 (three tenders received)",
            "Local Government Act 1972, s135; Financial Regulations 11.1. Confidential: tender prices.",
            2,
        ),
    ]
    html_items = []
    for number, prefix, rest, note, _part in rows:
        sub = "." in number
        text = (f"<b>{e(prefix)}</b> {e(rest)}" if prefix and rest else f"<b>{e(prefix or rest)}</b>" if not sub else
                (f"<b>{e(prefix)}</b> " if prefix else "") + e(rest))  # fmt: skip
        html_items.append(
            f'<div class="row{" sub" if sub else ""}"><span class="n">{number}.</span><div>{text}'
            + (f'<div class="stat">{e(note)}</div>' if note else "")
            + "</div></div>"
        )
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Agenda 8 July 2025</title><style>
@page {{ size: A4; margin: 22mm 20mm 20mm 22mm }}
body {{ font-family: Arial, 'Liberation Sans', sans-serif; font-size: 11pt; line-height: 1.35; color: #111 }}
h1 {{ font-size: 17pt; text-align: center; margin: 0 }}
.addr {{ text-align: center; font-size: 9.5pt; color: #444; margin-bottom: 10px }}
h2 {{ font-size: 13pt; text-align: center; margin: 14px 0 8px; letter-spacing: 1px }}
.row {{ display: flex; margin: 0 0 7px 0 }}
.row .n {{ flex: 0 0 11mm; font-weight: bold }}
.row.sub {{ margin-left: 11mm }}
.row.sub .n {{ flex: 0 0 11mm; font-weight: normal }}
.stat {{ font-style: italic; font-size: 9pt; color: #666; margin-top: 1px }}
.sig {{ margin-top: 14px }}
</style></head><body>
<h1>Lower Haddiscombe Parish Council</h1>
<div class="addr">Clerk: Bronwen Astley-Price &middot; 4 Saddlers Yard, Lower Haddiscombe &middot; clerk@lowerhaddiscombe-pc.example</div>
<p>To all members of the Council. You are hereby summoned to attend the meeting of Lower Haddiscombe Parish Council to be held in the Reading Room, Chapel Lane, Lower Haddiscombe on <b>{ordinal_date(iso)} at 7.30pm</b> for the purpose of transacting the business set out below. Members of the public and press are welcome to attend.</p>
<div class="sig">Bronwen Astley-Price<br>Clerk and Responsible Financial Officer<br>{ordinal_date("2025-07-02")}</div>
<h2>AGENDA</h2>
{"".join(html_items)}
<p style="font-size:9pt;color:#444;margin-top:14px">The Council may record this meeting. Anyone wishing to film or record the public part of the meeting is asked to tell the Clerk beforehand.</p>
</body></html>"""
    stem = "lower-haddiscombe-parish-2025-07-08-agenda"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")

    def title(prefix: str, rest: str) -> str:
        return f"{prefix} {rest}".strip()

    write_expected(
        out,
        stem,
        {
            "name": "Lower Haddiscombe Parish Council summons and agenda 8 Jul 2025 (Chromium from a browser editor, Arial: "
            "items 1.-15. each opening with a bold verb phrase ('To resolve', 'To receive', 'To note', 'To consider') that is "
            "part of the title as printed, a small grey italic statutory note under most items (not part of the title), "
            "planning applications 7.1-7.3 and finance 8.1-8.3 at an indent, 'Finance' a bold heading item, the exclusion "
            "resolution as item 14 and item 15 confidential (Part II); the clerk's signature and date above the agenda)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Chromium (Skia/PDF)",
            "body": "Lower Haddiscombe Parish Council",
            "meeting_title": "Meeting of Lower Haddiscombe Parish Council",
            "date": iso,
            "time_of_meeting": "19:30",
            "venue": "the Reading Room, Chapel Lane, Lower Haddiscombe",
            "items": [
                Item(n, title(p, r), part=part, extra={"statutory_note": note} if note else {}).expected()
                for n, p, r, note, part in rows
            ],
        },
    )


DOCUMENTS.append(haddiscombe_parish_council)


# --- A town council's notice carrying two agendas: a committee at 6.30pm, then full council -----------------------


def brockhallow_town_council(out: Out = OUT) -> None:
    """One notice, two meetings the same evening: the Planning and Highways Committee (minute references
    PH25/41-PH25/47) and then Full Council (C25/118-C25/131), each with its own heading and agenda in a borderless
    Writer table (reference | business), the committee's item PH25/44 followed by a bordered schedule of planning
    applications whose rows are not items, and (a)/(b) under C25/122."""
    iso = "2025-10-13"
    planning: list[tuple[str, str, int]] = [
        ("PH25/41", "Apologies for absence", 1),
        ("PH25/42", "Declarations of interest", 1),
        ("PH25/43", "Minutes of the meeting held on " + uk_date("2025-09-08"), 1),
        ("PH25/44", "Planning applications received (schedule below)", 1),
        ("PH25/45", "Planning decisions and appeals notified by the district council (to note)", 1),
        ("PH25/46", "Highways: request for a 20mph limit on Tanners Row and Coldharbour Lane", 1),
        ("PH25/47", "Date of next meeting: " + uk_date("2025-11-10") + " at 6.30pm", 1),
    ]
    applications = [
        ("25/1187/FUL", "14 Tanners Row", "Change of use of ground floor from shop (Class E) to residential"),
        (
            "25/1192/LBC",
            "The Old Grammar School, Church Walk",
            "Replacement of eleven timber windows (listed building consent)",
        ),
        ("25/1203/HOU", "Larkspur, 3 Wheelwrights Close", "Single storey rear extension and roof lights"),
        ("25/1210/ADV", "Unit 4, Millbrook Trading Estate", "Two illuminated fascia signs"),
    ]
    council: list[tuple[str, str, int]] = [
        ("C25/118", "Apologies for absence", 1),
        ("C25/119", "Declarations of interest", 1),
        ("C25/120", "Public session (up to 15 minutes)", 1),
        ("C25/121", "Minutes of the Full Council meeting held on " + uk_date("2025-09-08"), 1),
        ("C25/122", "Minutes of committees (to receive)", 1),
        ("a", "Planning and Highways Committee, " + uk_date("2025-09-08", False), 1),
        ("b", "Finance and General Purposes Committee, " + uk_date("2025-09-22", False), 1),
        ("C25/123", "Town Mayor\u2019s announcements", 1),
        ("C25/124", "Accounts for payment, September 2025", 1),
        ("C25/125", "Budget 2026/27: timetable and membership of the budget working group", 1),
        ("C25/126", "Christmas lights switch-on, " + uk_date("2025-11-29") + ": road closure and stewarding", 1),
        ("C25/127", "Neighbourhood Plan review: appointment of a planning consultant", 1),
        ("C25/128", "Motion from Cllr Tegwen Harcastle: dark skies and street lighting", 1),
        ("C25/129", "Reports from representatives on outside bodies", 1),
        ("C25/130", "Exclusion of press and public", 1),
        ("C25/131", "Staffing: Deputy Town Clerk post", 2),
    ]

    def agenda_table(rows: list[tuple[str, str, int]]) -> str:
        out_rows = []
        for number, title, _part in rows:
            sub = number in {"a", "b"}
            label = f"({number})" if sub else number
            cell = f'<td width="14%" valign="top"><b>{label}</b></td>' if not sub else '<td width="14%"></td>'
            body = f"<b>{e(title)}</b>" if not sub else f"({number})&nbsp;&nbsp;{e(title)}"
            out_rows.append(f'<tr>{cell}<td valign="top">{body}</td></tr>')
        return '<table width="100%" cellpadding="3" cellspacing="0">' + "".join(out_rows) + "</table>"

    schedule = (
        '<table width="100%" border="1" cellpadding="3" cellspacing="0">'
        "<tr><td><b>Application</b></td><td><b>Site</b></td><td><b>Proposal</b></td></tr>"
        + "".join(f"<tr><td>{a}</td><td>{e(s)}</td><td>{e(p)}</td></tr>" for a, s, p in applications)
        + "</table>"
    )
    planning_html = agenda_table(planning[:4]) + schedule + agenda_table(planning[4:])
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notice of meetings 13 October 2025</title><style>
@page {{ size: 21cm 29.7cm; margin: 2cm 2.2cm }}
body {{ font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 11.5pt }}
td {{ font-size: 11pt }}
</style></head><body>
<p align="center"><font size="5"><b>BROCKHALLOW TOWN COUNCIL</b></font><br>
<font size="2">The Corn Exchange, Market Place, Brockhallow &nbsp;&middot;&nbsp; Town Clerk: Ambrose Killick-Dunne</font></p>
<p align="center"><b>NOTICE OF MEETINGS</b></p>
<p>Members of the Planning and Highways Committee and of the Town Council are summoned to attend the following meetings in the Council Chamber, The Corn Exchange, on <b>{uk_date(iso)}</b>:</p>
<p style="margin-left:1.5cm"><b>Planning and Highways Committee</b> at 6.30pm<br><b>Full Council</b> at 7.15pm, or on the rising of the committee if later</p>
<p>Ambrose Killick-Dunne, Town Clerk, {uk_date("2025-10-07")}</p>
<hr>
<p align="center"><b>PLANNING AND HIGHWAYS COMMITTEE</b><br>{uk_date(iso)} at 6.30pm</p>
<p><i>Members: Cllrs Harcastle (Chair), Pemberton-Quaye, Lowther, Sandhu and Ridgewell-Amos</i></p>
<p align="center"><b>AGENDA</b></p>
{planning_html}
<p style="page-break-before: always" align="center"><b>FULL COUNCIL</b><br>{uk_date(iso)} at 7.15pm</p>
<p align="center"><b>AGENDA</b></p>
{agenda_table(council)}
<p><font size="2"><i>Item C25/131 is likely to be taken in private under the Public Bodies (Admission to Meetings) Act 1960, s1(2), as it concerns staffing matters.</i></font></p>
</body></html>"""
    stem = "brockhallow-town-council-2025-10-13-notice"
    source = keep_source(out, f"{stem}.html", html)
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Brockhallow Town Council notice of two meetings on 13 Oct 2025 (LibreOffice from HTML, Liberation Serif: "
            "one notice summoning the Planning and Highways Committee at 6.30pm and Full Council at 7.15pm, then the "
            "committee's agenda PH25/41-PH25/47 and, on a new page, the council's agenda C25/118-C25/131, both in "
            "borderless reference | business tables; a bordered schedule of four planning applications under PH25/44 "
            "(not items); (a)/(b) under C25/122; C25/131 in private. The expected meeting is the first on the notice (the "
            "committee); the items are both agendas in order)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "LibreOffice Writer from HTML",
            "body": "Brockhallow Town Council",
            "meeting_title": "Planning and Highways Committee",
            "date": iso,
            "time_of_meeting": "18:30",
            "venue": "Council Chamber, The Corn Exchange",
            "second_meeting": {"meeting_title": "Full Council", "time_of_meeting": "19:15", "first_item": "C25/118"},
            "items": [Item(n, t, part=p).expected() for n, t, p in (*planning, *council)],
        },
    )


DOCUMENTS.append(brockhallow_town_council)
