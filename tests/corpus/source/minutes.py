# ruff: noqa: E501
"""Printed minutes: council prose attendance, parish year/sequence minute numbers with right-margin action
initials, an NHS board's attendance tables and action log, charity "Name (role)" lines and ACTION lines,
governors' minutes with an Action column."""

from __future__ import annotations

from html import escape
from typing import Any

from common import BODY, CENTRE, CENTRE_H2, H2, PDF_DIR, RIGHT, StampedDoc, build_html, html_page, write_expected
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


def _person(name: str, category: str, role: str = "", initials: str = "", **extra: str) -> dict[str, str]:
    out = {"name": name, "category": category}
    if role:
        out["role"] = role
    if initials:
        out["initials"] = initials
    out.update(extra)
    return out


def _page_numbers(canvas: Canvas, doc: StampedDoc) -> None:
    canvas.setFont("Helvetica", 8.5)
    canvas.drawRightString(doc.pagesize[0] - 20 * mm, 12 * mm, f"Page {canvas.getPageNumber()}")
    canvas.drawString(20 * mm, 12 * mm, doc.page_state.get("footer", ""))


def brackenford_council_minutes() -> None:
    """Full council minutes: PRESENT prose with the chair's role in brackets, apologies prose, "84." numbers."""
    minutes: list[tuple[str, str, str]] = [
        (
            "84",
            "APOLOGIES FOR ABSENCE",
            "Apologies for absence were received from Councillors Eamon Kilbride and Winifred Sotheby.",
        ),
        (
            "85",
            "DECLARATIONS OF INTEREST",
            "Councillor Haverford declared an other registrable interest in minute 90 as a trustee of the Tanyard "
            "Walk Community Association, and left the chamber for that item.",
        ),
        (
            "86",
            "MINUTES",
            "RESOLVED - That the minutes of the meeting of the Council held on 22 January 2025 be approved as a "
            "correct record and signed by the Mayor.",
        ),
        (
            "87",
            "MAYOR'S ANNOUNCEMENTS",
            "The Mayor thanked the volunteers of the Brackenford Food Partnership and reminded Members of the "
            "civic service on 16 March 2025.",
        ),
        (
            "88",
            "QUESTIONS FROM MEMBERS OF THE PUBLIC",
            "Two questions had been received under Council Procedure Rule 10. The questions and the answers given "
            "are appended to these minutes.",
        ),
        (
            "89",
            "BUDGET 2025/26, MEDIUM TERM FINANCIAL STRATEGY AND COUNCIL TAX SETTING",
            "The Leader, Councillor Ramaswamy, moved the recommendations of the Cabinet, seconded by Councillor "
            "Abernethy. In accordance with the Local Authorities (Standing Orders) (England) (Amendment) "
            "Regulations 2014 a recorded vote was taken. For: Councillors Abernethy, Brightwell, Fairbrass, "
            "Okonkwo, Ramaswamy, Thistlewood and Vanstone (7). Against: Councillors Chaudhury and Haverford (2). "
            "Abstentions: none. RESOLVED - (1) That the revenue budget for 2025/26 of £18.42m be approved. "
            "(2) That a Band D council tax of £231.57 be set for 2025/26.",
        ),
        (
            "90",
            "TANYARD WALK COMPULSORY PURCHASE ORDER",
            "RESOLVED - That the recommendation of the Cabinet of 14 January 2025 be endorsed.",
        ),
        (
            "91",
            "NOTICE OF MOTION: PAVEMENT PARKING",
            "Councillor Chaudhury moved and Councillor Brightwell seconded the motion set out on the agenda. On "
            "being put to the vote the motion was CARRIED.",
        ),
        (
            "92",
            "APPOINTMENTS TO COMMITTEES AND OUTSIDE BODIES",
            "RESOLVED - That Councillor Okonkwo replace Councillor Fairbrass on the Licensing Committee for the "
            "remainder of the municipal year.",
        ),
    ]
    story: list[Any] = [
        Paragraph("BRACKENFORD BOROUGH COUNCIL", CENTRE_H2),
        Spacer(1, 4 * mm),
        Paragraph(
            "MINUTES of a meeting of the COUNCIL held in the Council Chamber, Civic Offices, Market Street, "
            "Brackenford on Wednesday, 26 February 2025 at 7.00 pm",
            BODY,
        ),
        Spacer(1, 4 * mm),
        Paragraph(
            "<b>PRESENT:</b> Councillor Bernadette Gallimore (Mayor) (in the Chair); Councillors Geoffrey Abernethy, "
            "Anwen Brightwell, Rashid Chaudhury, Tobias Fairbrass, Lorcan Haverford, Marguerite Okonkwo, Priya "
            "Ramaswamy, Declan Thistlewood and Harriet Vanstone.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            "<b>Officers:</b> Peregrine Ashdown-Lyle (Chief Executive), Folasade Adeyemi (Director of Finance), "
            "Imogen Quarrie (Democratic Services Officer).",
            BODY,
        ),
        Spacer(1, 2 * mm),
        Paragraph("There were 11 members of the public and one representative of the press in attendance.", BODY),
        Spacer(1, 4 * mm),
    ]
    for number, title, text in minutes:
        story.append(
            Table(
                [
                    [
                        Paragraph(f"<b>{number}.</b>", BODY),
                        [Paragraph(f"<b>{title}</b>", BODY), Spacer(1, 1.5 * mm), Paragraph(text, BODY)],
                    ]
                ],
                colWidths=[14 * mm, 156 * mm],
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
            )
        )
        story.append(Spacer(1, 3 * mm))
    story += [
        Spacer(1, 6 * mm),
        Paragraph("The meeting closed at 9.12 pm.", BODY),
        Spacer(1, 8 * mm),
        Paragraph(
            "Signed ........................................ Mayor &nbsp;&nbsp;&nbsp; Date ....................", BODY
        ),
    ]
    stem = "brackenford-council-2025-02-26-minutes"
    doc = StampedDoc(PDF_DIR / f"{stem}.pdf", _page_numbers, title="Council minutes")
    doc.page_state["footer"] = "Council - 26 February 2025"
    doc.build(story)
    councillors = [
        "Geoffrey Abernethy",
        "Anwen Brightwell",
        "Rashid Chaudhury",
        "Tobias Fairbrass",
        "Lorcan Haverford",
        "Marguerite Okonkwo",
        "Priya Ramaswamy",
        "Declan Thistlewood",
        "Harriet Vanstone",
    ]
    people = [_person("Bernadette Gallimore", "present", "Mayor", chair="yes")]
    people += [_person(n, "present") for n in councillors]
    people += [
        _person("Peregrine Ashdown-Lyle", "in_attendance", "Chief Executive"),
        _person("Folasade Adeyemi", "in_attendance", "Director of Finance"),
        _person("Imogen Quarrie", "in_attendance", "Democratic Services Officer"),
        _person("Eamon Kilbride", "apologies"),
        _person("Winifred Sotheby", "apologies"),
    ]
    write_expected(
        stem,
        {
            "name": "Brackenford Borough Council full council minutes 26 Feb 2025 (PRESENT prose, Officers prose, "
            "apologies as the first minute, minute numbers 84.-92., RESOLVED blocks, a recorded vote)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "Brackenford Borough Council",
            "meeting_title": "Council",
            "date": "2025-02-26",
            "time_of_meeting": "19:00",
            "venue": "Council Chamber, Civic Offices, Market Street, Brackenford",
            "items": [{"number": n, "title": t} for n, t, _ in minutes],
            "people": people,
            "actions": [],
        },
    )


def otterlade_parish_minutes() -> None:
    """Parish minutes: "25/061:" numbers, Present/In attendance/Apologies lines, action initials at the right."""
    minutes: list[tuple[str, str, str, str]] = [
        (
            "25/061",
            "Apologies for Absence",
            "Apologies were received and accepted from Cllr A Quennell (work commitment).",
            "",
        ),
        (
            "25/062",
            "Declarations of Interest",
            "Cllr Lockyer declared a non-pecuniary interest in item 25/066(a) as a neighbour of the site.",
            "",
        ),
        (
            "25/063",
            "Minutes",
            "The minutes of the meeting held on 13 May 2025 were approved and signed by the Chairman.",
            "",
        ),
        (
            "25/064",
            "Public Participation",
            "A resident raised the condition of the footpath between Mill Lane and the church. The Clerk to report the surface to the County Council.",
            "Clerk",
        ),
        (
            "25/065",
            "Reports from County and District Councillors",
            "District Cllr Vanstone reported on the consultation on the Local Plan review, which closes on 31 July 2025.",
            "",
        ),
        (
            "25/066",
            "Planning",
            "(a) P/25/0412 Rookery Barn: no objection, subject to the conditions proposed by the highway authority. (b) P/25/0455 2 Forge Cottages: support. Cllr Brightwell to submit the responses on the planning portal.",
            "RB",
        ),
        (
            "25/067",
            "Finance",
            "The payments schedule for June 2025 totalling £3,146.20 was approved. The Annual Governance Statement and the Accounting Statements 2024/25 were approved and signed.",
            "",
        ),
        (
            "25/068",
            "Recreation Ground Play Equipment",
            "Two quotations had been received. Cllr Underhill to obtain a third quotation before the July meeting.",
            "TU",
        ),
        (
            "25/069",
            "Highways and Footpaths",
            "The speed indicator device rota for July was agreed. Cllr Nwosu to collect the device from the District Council depot.",
            "SN",
        ),
        (
            "25/070",
            "Correspondence",
            "The Clerk reported letters from the Fire and Rescue Service and from Otterlade Bowls Club.",
            "",
        ),
    ]
    stem = "otterlade-parish-2025-06-10-minutes"
    rows: list[list[Any]] = []
    for number, title, text, action in minutes:
        rows.append(
            [
                Paragraph(f"<b>{number}:</b>", BODY),
                [Paragraph(f"<b>{title}</b>", BODY), Paragraph(text, BODY)],
                Paragraph(f"<b>{action}</b>", BODY),
            ]
        )
    story: list[Any] = [
        Paragraph("OTTERLADE PARISH COUNCIL", CENTRE_H2),
        Paragraph(
            "Minutes of the meeting held on Tuesday 10 June 2025 at 7.30pm in the Village Hall, Church Street", CENTRE
        ),
        Spacer(1, 5 * mm),
        Paragraph(
            "<b>Present:</b> Cllrs R Brightwell (Chairman), J Ingleby (Vice-Chairman), M Lockyer, S Nwosu and T Underhill",
            BODY,
        ),
        Paragraph(
            "<b>In attendance:</b> Mrs P Dunworth (Clerk), District Cllr H Vanstone and 4 members of the public", BODY
        ),
        Paragraph("<b>Apologies:</b> Cllr A Quennell", BODY),
        Spacer(1, 2 * mm),
        Paragraph("<b>ACTION</b>", RIGHT),
        Table(
            rows,
            colWidths=[20 * mm, 132 * mm, 18 * mm],
            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]),
        ),
        Spacer(1, 6 * mm),
        Paragraph("The meeting closed at 9.05pm. Date of next meeting: Tuesday 8 July 2025.", BODY),
        Spacer(1, 8 * mm),
        Paragraph("Chairman ..................................... Date ...................", BODY),
    ]
    doc = StampedDoc(PDF_DIR / f"{stem}.pdf", _page_numbers, title="Parish Council minutes")
    doc.build(story)
    people = [
        _person("R Brightwell", "present", "Chairman", initials="RB", chair="yes"),
        _person("J Ingleby", "present", "Vice-Chairman"),
        _person("M Lockyer", "present"),
        _person("S Nwosu", "present", initials="SN"),
        _person("T Underhill", "present", initials="TU"),
        _person("P Dunworth", "in_attendance", "Clerk"),
        _person("H Vanstone", "in_attendance", "District Councillor"),
        _person("A Quennell", "apologies"),
    ]
    actions = [
        {
            "number": number,
            "owner": action,
            "text": text.split(". ", 1)[-1] if number != "25/066" else text.rsplit(". ", 1)[-1],
        }
        for number, _, text, action in minutes
        if action
    ]
    write_expected(
        stem,
        {
            "name": "Otterlade Parish Council minutes 10 Jun 2025 (Present/In attendance/Apologies lines with Cllrs and "
            "initials, minute numbers 25/061:-25/070:, owner initials in a right-hand ACTION column)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "Otterlade Parish Council",
            "meeting_title": "Meeting of Otterlade Parish Council",
            "date": "2025-06-10",
            "time_of_meeting": "19:30",
            "venue": "Village Hall, Church Street, Otterlade",
            "items": [{"number": n, "title": t} for n, t, _, _ in minutes],
            "people": people,
            "actions": actions,
        },
    )


def fennick_trustees_minutes() -> None:
    """Charity minutes: one "Name (role)" per line under Present / In attendance / Apologies; ACTION XX: lines."""
    present = [
        ("Cordelia Ashworth-Binns", "Chair"),
        ("Hamish Tennant", "Treasurer"),
        ("Nkechi Obiora", "Safeguarding Trustee"),
        ("Lionel Farquharson", "Trustee"),
        ("Ottilie Brennand", "Trustee"),
    ]
    attendance = [("Jasper Quilliam", "Chief Executive"), ("Mirela Dobrescu", "Company Secretary, minutes")]
    apologies = [("Stellan Rookwood", "Trustee"), ("Beatrix Henshall-Pike", "Vice Chair")]
    minutes: list[tuple[str, str, list[str], list[tuple[str, str]]]] = [
        (
            "1",
            "Welcome and apologies",
            ["The Chair welcomed trustees. Apologies were received as above; the meeting was quorate."],
            [],
        ),
        (
            "2",
            "Declarations of conflicts of interest",
            [
                "Lionel Farquharson declared an interest in item 7 as a director of a consultee organisation and took no part in the decision."
            ],
            [],
        ),
        (
            "3",
            "Minutes and matters arising",
            [
                "The minutes of 15 January 2025 were agreed as a true record. All actions were complete or on the agenda."
            ],
            [],
        ),
        (
            "4",
            "Chief Executive's report",
            ["JQ presented the report. Trustees asked for the volunteer numbers to be broken down by site."],
            [("JQ", "Add volunteer numbers by site to the next report.")],
        ),
        (
            "5",
            "Finance",
            [
                "HT presented the management accounts to 28 February 2025 and the draft budget 2025/26.",
                "Agreed: the budget 2025/26 was approved, with unrestricted reserves to be held at four months' expenditure.",
            ],
            [
                ("HT", "Circulate the revised reserves policy to all trustees by 30 April 2025."),
                ("MD", "File the updated reserves policy with the governing documents."),
            ],
        ),
        (
            "6",
            "Safeguarding annual report",
            ["NO presented the report. Two concerns had been referred in the year, both closed."],
            [],
        ),
        (
            "7",
            "Strategy 2025-2030",
            [
                "Trustees discussed the consultation findings. Agreed: the three strategic aims be adopted for further work."
            ],
            [("JQ", "Bring a costed delivery plan to the July meeting.")],
        ),
        ("8", "Any other business", ["None."], []),
        ("9", "Date of next meeting", ["Wednesday 9 July 2025 at 6.00pm."], []),
    ]
    story: list[Any] = [
        Paragraph("The Fennick Valley Community Trust", H2),
        Paragraph(
            "Minutes of the meeting of the Board of Trustees held on Wednesday 9 April 2025 at 6.00pm at Fennick Mill",
            BODY,
        ),
        Spacer(1, 4 * mm),
    ]
    for heading, people in (("Present:", present), ("In attendance:", attendance), ("Apologies:", apologies)):
        story.append(Paragraph(f"<b>{heading}</b>", BODY))
        story += [Paragraph(f"{name} ({role})", BODY) for name, role in people]
        story.append(Spacer(1, 2 * mm))
    expected_actions = []
    for number, title, paragraphs, actions in minutes:
        story.append(Paragraph(f"<b>{number}.&nbsp;&nbsp;{title}</b>", BODY))
        story += [Paragraph(p, BODY) for p in paragraphs]
        for owner, text in actions:
            story.append(Paragraph(f"<b>ACTION {owner}:</b> {text}", BODY))
            expected_actions.append({"number": number, "owner": owner, "text": text})
        story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("Signed (Chair) .............................. Date ..................", BODY))
    stem = "fennick-valley-trustees-2025-04-09-minutes"
    doc = SimpleDocTemplate(str(PDF_DIR / f"{stem}.pdf"), invariant=1, title="Trustees minutes")
    doc.build(story)
    initials = {"Hamish Tennant": "HT", "Nkechi Obiora": "NO", "Jasper Quilliam": "JQ", "Mirela Dobrescu": "MD"}
    people_out = [
        _person(n, "present", r, initials.get(n, ""), **({"chair": "yes"} if r == "Chair" else {})) for n, r in present
    ]
    people_out += [_person(n, "in_attendance", r, initials.get(n, "")) for n, r in attendance]
    people_out += [_person(n, "apologies", r) for n, r in apologies]
    write_expected(
        stem,
        {
            "name": "The Fennick Valley Community Trust trustees' minutes 9 Apr 2025 (one 'Name (role)' a line under "
            "Present / In attendance / Apologies, minutes 1.-9., 'ACTION XX:' lines with initials)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "The Fennick Valley Community Trust",
            "meeting_title": "Meeting of the Board of Trustees",
            "date": "2025-04-09",
            "time_of_meeting": "18:00",
            "venue": "Fennick Mill",
            "items": [{"number": n, "title": t} for n, t, _, _ in minutes],
            "people": people_out,
            "actions": expected_actions,
        },
    )


def _e(text: str) -> str:
    return escape(text, quote=False)


def norbridge_board_minutes() -> None:
    """NHS board minutes: Present / In attendance / Apologies tables (Name | Title | Initials), "TB25/012"
    minute numbers, "ACTION: XX" lines and an action log table at the end."""
    present = [
        ("Professor Adaeze Nwachukwu", "Chair", "AN"),
        ("Callum Westlake-Moore", "Chief Executive", "CWM"),
        ("Rhiannon Pryce", "Chief Finance Officer", "RP"),
        ("Dr Ilse Marchetti", "Deputy Medical Director (deputising for the Medical Director)", "IM"),
        ("Bartholomew Sayce", "Chief Nurse", "BS"),
        ("Tayo Adebanjo-Reid", "Non-Executive Director", "TAR"),
        ("Fenella Whitgift", "Non-Executive Director", "FW"),
        ("Desmond Okereke", "Non-Executive Director", "DO"),
    ]
    attendance = [
        ("Gideon Ellerby", "Trust Secretary (minutes)", "GE"),
        ("Saoirse Mulcahy", "Chief Operating Officer", "SM"),
        ("Hendrika Voss", "Director of Midwifery (for TB25/014)", "HV"),
    ]
    apologies = [
        ("Dr Laurence Pettigrew", "Medical Director", "LP"),
        ("Arabella Quist", "Non-Executive Director", "AQ"),
    ]
    minutes: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
        (
            "TB25/009",
            "Welcome, Apologies and Declarations of Interest",
            "The Chair welcomed members. Apologies were noted as above and the meeting was quorate. No new interests were declared.",
            [],
        ),
        (
            "TB25/010",
            "Minutes of the Previous Meeting",
            "The minutes of the meeting held on 5 December 2024 were approved as an accurate record.",
            [],
        ),
        ("TB25/011", "Matters Arising and Action Log", "The Board noted the action log. Action 24/118 was closed.", []),
        (
            "TB25/012",
            "Chief Executive's Report",
            "CWM presented the report, highlighting the opening of the new discharge lounge.",
            [("GE", "Schedule a Board visit to the discharge lounge before the April meeting.", "31/03/2025")],
        ),
        (
            "TB25/013",
            "Integrated Performance Report: Month 9",
            "SM presented the report. Members asked about the 62-day cancer standard and the recovery trajectory.",
            [
                (
                    "SM",
                    "Bring the cancer recovery trajectory by tumour site to the Finance and Performance Committee.",
                    "27/02/2025",
                )
            ],
        ),
        (
            "TB25/014",
            "Maternity and Neonatal Safety Report",
            "HV presented the report. The Board was assured by the progress against the Saving Babies' Lives care bundle.",
            [],
        ),
        (
            "TB25/015",
            "Finance Report: Month 9",
            "RP reported a year-to-date deficit of £4.1m, £0.6m adverse to plan.",
            [("RP", "Set out the recovery actions and their risks in the Month 10 report.", "03/04/2025")],
        ),
        ("TB25/016", "Any Other Business", "There was no other business.", []),
    ]
    parts = [
        '<p align="right"><b>Norbridge and Elmsworth Hospitals NHS Foundation Trust</b></p>',
        "<h2>Minutes of the Board of Directors Meeting in Public</h2>",
        "<p>Held on Thursday 6 February 2025 at 09:30 in the Boardroom, Elmsworth General Hospital</p>",
    ]
    for heading, people in (("Present", present), ("In attendance", attendance), ("Apologies", apologies)):
        parts.append(f"<p><b>{heading}</b></p>")
        parts.append(
            '<table border="1" cellspacing="0" cellpadding="3" width="100%"><col width="40%"><col width="48%"><col width="12%">'
        )
        parts += [f"<tr><td>{_e(n)}</td><td>{_e(r)}</td><td>{i}</td></tr>" for n, r, i in people]
        parts.append("</table>")
    log: list[tuple[str, str, str, str, str]] = []
    for number, title, text, actions in minutes:
        parts.append(f"<p><b>{number}&#9;{_e(title)}</b></p><p>{_e(text)}</p>")
        for owner, action, due in actions:
            parts.append(f"<p><b>ACTION: {owner}</b> &ndash; {_e(action)}</p>")
            log.append((f"A25/{len(log) + 1:03d}", number, action, owner, due))
    parts.append("<p><b>Action Log</b></p>")
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"><col width="11%"><col width="12%"><col width="53%"><col width="10%"><col width="14%">'
    )
    parts.append("<tr><th>Action No</th><th>Minute</th><th>Action</th><th>Lead</th><th>Due date</th></tr>")
    parts += [f"<tr><td>{a}</td><td>{m}</td><td>{_e(t)}</td><td>{o}</td><td>{d}</td></tr>" for a, m, t, o, d in log]
    parts.append("</table><p>Signed: ............................ (Chair) &nbsp;&nbsp; Date: ..................</p>")
    stem = "norbridge-trust-board-2025-02-06-minutes"
    build_html(stem, html_page("Board minutes", "".join(parts)))
    people_out = [
        _person(
            n,
            "deputising" if "deputising" in r else "present",
            r,
            i,
            **({"deputising_for": "Medical Director"} if "deputising" in r else {}),
            **({"chair": "yes"} if r == "Chair" else {}),
        )
        for n, r, i in present
    ]
    people_out += [_person(n, "in_attendance", r, i) for n, r, i in attendance]
    people_out += [_person(n, "apologies", r, i) for n, r, i in apologies]
    write_expected(
        stem,
        {
            "name": "Norbridge and Elmsworth Hospitals NHS FT Board minutes 6 Feb 2025 (Present / In attendance / "
            "Apologies tables Name|Title|Initials with a deputy, minute numbers TB25/009-TB25/016, 'ACTION: XX' "
            "lines and an action log table)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "Norbridge and Elmsworth Hospitals NHS Foundation Trust",
            "meeting_title": "Board of Directors Meeting in Public",
            "date": "2025-02-06",
            "time_of_meeting": "09:30",
            "venue": "Boardroom, Elmsworth General Hospital",
            "items": [{"number": n, "title": t} for n, t, _, _ in minutes],
            "people": people_out,
            "actions": [{"number": a, "minute": m, "owner": o, "text": t, "due": d} for a, m, t, o, d in log],
        },
    )


def greyhythe_governors_minutes() -> None:
    """School governors: attendance in a two-column table, the minutes in a table with an Action column."""
    present = [
        ("Mrs Henrietta Colquhoun", "Chair of Governors", "HC"),
        ("Mr Oluwaseun Bamgbose", "Headteacher", "OB"),
        ("Ms Teodora Vasilescu", "Parent Governor", "TV"),
        ("Revd Alasdair MacGillivray", "Foundation Governor", "AM"),
        ("Mr Kieran Ashbolt", "Staff Governor", "KA"),
    ]
    attendance = [
        ("Mrs Lavinia Threlfall", "Clerk to Governors", "LT"),
        ("Mr Piers Hebblethwaite", "School Business Manager", "PH"),
    ]
    apologies = [("Dr Yusra Qadir", "Co-opted Governor", "YQ")]
    minutes: list[tuple[str, str, str, str]] = [
        (
            "FGB/24/31",
            "Welcome and apologies",
            "The Chair welcomed governors. Apologies from Dr Qadir were accepted.",
            "",
        ),
        ("FGB/24/32", "Declarations of business interests", "None were declared.", ""),
        (
            "FGB/24/33",
            "Minutes of the meeting of 26 September 2024",
            "Approved and signed. The Clerk to publish the approved minutes on the school website.",
            "LT",
        ),
        (
            "FGB/24/34",
            "Headteacher's report",
            "OB presented the report. Attendance is 95.1%; persistent absence has fallen to 14%. Governors asked for the attendance figures by year group.",
            "OB",
        ),
        ("FGB/24/35", "Budget monitoring", "PH presented the month 7 position. A small surplus is forecast.", ""),
        (
            "FGB/24/36",
            "Safeguarding and policy approvals",
            "The Child Protection and Safeguarding Policy 2024 was approved. TV to complete the safeguarding governor visit before half term.",
            "TV",
        ),
        ("FGB/24/37", "Governor training", "AM to book the Governor Hub induction module for new governors.", "AM"),
    ]
    parts = [
        '<p align="center"><b>GREYHYTHE PRIMARY ACADEMY</b><br>Local Governing Body</p>',
        '<p align="center">Minutes of the Full Governing Body meeting held on Thursday 28 November 2024 at 5.30pm in the school library</p>',
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"><col width="50%"><col width="50%">'
        "<tr><th>Present</th><th>Apologies</th></tr><tr><td>",
        "<br>".join(f"{_e(n)} ({_e(r)})" for n, r, _ in present),
        "</td><td>",
        "<br>".join(f"{_e(n)} ({_e(r)})" for n, r, _ in apologies),
        "</td></tr></table>",
        "<p><b>In attendance:</b> " + ", ".join(f"{_e(n)} ({_e(r)})" for n, r, _ in attendance) + "</p>",
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"><col width="14%"><col width="74%"><col width="12%">',
        "<tr><th>Item</th><th>Minute</th><th>Action</th></tr>",
    ]
    for number, title, text, action in minutes:
        parts.append(f"<tr><td>{number}</td><td><b>{_e(title)}</b><br>{_e(text)}</td><td>{action}</td></tr>")
    parts.append("</table><p>Next meeting: Thursday 23 January 2025 at 5.30pm.</p>")
    stem = "greyhythe-academy-governors-2024-11-28-minutes"
    build_html(stem, html_page("Governors minutes", "".join(parts)))
    people_out = [
        _person(n, "present", r, i, **({"chair": "yes"} if r.startswith("Chair") else {})) for n, r, i in present
    ]
    people_out += [_person(n, "in_attendance", r, i) for n, r, i in attendance]
    people_out += [_person(n, "apologies", r, i) for n, r, i in apologies]
    write_expected(
        stem,
        {
            "name": "Greyhythe Primary Academy full governing body minutes 28 Nov 2024 (Present | Apologies table of "
            "'Name (role)', In attendance prose, minutes in a table Item | Minute | Action with initials)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "Greyhythe Primary Academy",
            "meeting_title": "Full Governing Body",
            "date": "2024-11-28",
            "time_of_meeting": "17:30",
            "venue": "school library",
            "items": [{"number": n, "title": t} for n, t, _, _ in minutes],
            "people": people_out,
            # The owner's sentence; for FGB/24/34 the request the headteacher owns.
            "actions": [{"number": n, "owner": a, "text": text.split(". ")[-1]} for n, _, text, a in minutes if a],
        },
    )


DOCUMENTS = [
    brackenford_council_minutes,
    otterlade_parish_minutes,
    fennick_trustees_minutes,
    norbridge_board_minutes,
    greyhythe_governors_minutes,
]


def durnhollow_fgp_minutes() -> None:
    """Town council committee minutes: "PRESENT: Councillor A (Chairman), Councillors B, C and D", "IN
    ATTENDANCE:", apologies as prose, numbered minutes with the title on the number's line, RESOLVED blocks,
    and "Action: Town Clerk" owners named by role."""
    minutes: list[tuple[str, str, str, str]] = [
        (
            "41",
            "APOLOGIES FOR ABSENCE",
            "Apologies for absence were received from Councillors Hector Branxholme and Philippa Dewhurst-Ng.",
            "",
        ),
        (
            "42",
            "DECLARATIONS OF INTEREST",
            "Councillor Iwobi declared a non-pecuniary interest in minute 46 as a plot holder.",
            "",
        ),
        (
            "43",
            "MINUTES",
            "RESOLVED: that the minutes of the meeting held on 3 September 2024 be approved and signed by the Chairman.",
            "",
        ),
        (
            "44",
            "TOWN CLERK'S REPORT",
            "The Town Clerk reported that the external auditor's certificate had been received. RESOLVED: that the report be noted.",
            "",
        ),
        (
            "45",
            "CHRISTMAS LIGHTS SWITCH-ON",
            "Members considered the arrangements for 30 November. RESOLVED: that expenditure of up to £2,400 be approved. The Town Clerk to book the road closure.",
            "Town Clerk",
        ),
        (
            "46",
            "ALLOTMENT RENTS 2025/26",
            "RESOLVED: that rents rise by 3% from 1 October 2025, with twelve months' notice to tenants. The Responsible Financial Officer to send the rent notices.",
            "RFO",
        ),
        ("47", "DATE OF NEXT MEETING", "Tuesday 3 December 2024 at 7.00pm.", ""),
    ]
    story: list[Any] = [
        Paragraph("DURNHOLLOW TOWN COUNCIL", CENTRE_H2),
        Paragraph(
            "MINUTES OF THE MEETING OF THE FINANCE AND GENERAL PURPOSES COMMITTEE HELD AT THE TOWN HALL, DURNHOLLOW ON TUESDAY 1 OCTOBER 2024 AT 7.00PM",
            CENTRE,
        ),
        Spacer(1, 5 * mm),
        Paragraph(
            "<b>PRESENT:</b> Councillor Augustus Pilkington-Reeve (Chairman), Councillors Marigold Fenwick-Tate, Desmond Iwobi and Rosamund Cathcart.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            "<b>IN ATTENDANCE:</b> Mr Lysander Whitlock (Town Clerk), Mrs Gwenllian Pryderi (Responsible Financial Officer) and one member of the public.",
            BODY,
        ),
        Spacer(1, 4 * mm),
    ]
    rows: list[list[Any]] = []
    for number, title, text, action in minutes:
        cell: list[Any] = [Paragraph(f"<b>{title}</b>", BODY), Paragraph(text, BODY)]
        if action:
            cell.append(Paragraph(f"<b>Action: {action}</b>", RIGHT))
        rows.append([Paragraph(f"<b>{number}.</b>", BODY), cell])
    story.append(
        Table(
            rows,
            colWidths=[14 * mm, 156 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
    )
    story += [
        Spacer(1, 6 * mm),
        Paragraph("The meeting closed at 8.20pm.", BODY),
        Spacer(1, 6 * mm),
        Paragraph("Signed ................................ Chairman &nbsp;&nbsp; Date ................", BODY),
    ]
    stem = "durnhollow-town-fgp-2024-10-01-minutes"
    doc = StampedDoc(PDF_DIR / f"{stem}.pdf", _page_numbers, title="F&GP minutes")
    doc.page_state["footer"] = "F&GP 1.10.24"
    doc.build(story)
    write_expected(
        stem,
        {
            "name": "Durnhollow Town Council Finance and General Purposes Committee minutes 1 Oct 2024 ('PRESENT: "
            "Councillor A (Chairman), Councillors B, C and D', IN ATTENDANCE prose, apologies in minute 41, "
            "minutes 41.-47. with RESOLVED blocks, 'Action: Town Clerk' owners by role)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "body": "Durnhollow Town Council",
            "meeting_title": "Finance and General Purposes Committee",
            "date": "2024-10-01",
            "time_of_meeting": "19:00",
            "venue": "Town Hall, Durnhollow",
            "items": [{"number": n, "title": t} for n, t, _, _ in minutes],
            "people": [
                _person("Augustus Pilkington-Reeve", "present", "Chairman", chair="yes"),
                _person("Marigold Fenwick-Tate", "present"),
                _person("Desmond Iwobi", "present"),
                _person("Rosamund Cathcart", "present"),
                _person("Lysander Whitlock", "in_attendance", "Town Clerk"),
                _person("Gwenllian Pryderi", "in_attendance", "Responsible Financial Officer"),
                _person("Hector Branxholme", "apologies"),
                _person("Philippa Dewhurst-Ng", "apologies"),
            ],
            "actions": [
                {"number": "45", "owner": "Town Clerk", "text": "The Town Clerk to book the road closure."},
                {"number": "46", "owner": "RFO", "text": "The Responsible Financial Officer to send the rent notices."},
            ],
        },
    )


DOCUMENTS.append(durnhollow_fgp_minutes)
