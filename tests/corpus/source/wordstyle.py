# ruff: noqa: E501
"""Word-style agendas printed by LibreOffice Writer from HTML: NHS board tables, charity, company, society and
parish agendas with their usual numbering schemes."""

from __future__ import annotations

from html import escape
from typing import Any

from common import build_html, html_page, write_expected


def _e(text: str) -> str:
    return escape(text, quote=False)


def norbridge_trust_board() -> None:
    """NHS trust board: Time | Item | Title | Lead | Purpose | Paper, wrapped titles, section rows."""
    rows: list[tuple[str, str, str, str, str, str]] = [
        ("", "", "OPENING BUSINESS", "", "", ""),
        ("09:30", "1", "Welcome, Apologies for Absence and Declarations of Interest", "Chair", "Note", "Verbal"),
        ("09:35", "2", "Minutes of the Previous Meeting held on 5 December 2024", "Chair", "Approve", "Paper A"),
        ("09:40", "3", "Matters Arising and Action Log", "Trust Secretary", "Note", "Paper B"),
        (
            "09:45",
            "4",
            "Patient Story: Discharge to Assess from the Perspective of a Family Carer",
            "Chief Nurse",
            "Discuss",
            "Verbal",
        ),
        ("10:05", "5", "Chief Executive's Report", "Chief Executive", "Note", "Paper C"),
        ("", "", "QUALITY AND SAFETY", "", "", ""),
        (
            "10:20",
            "6",
            "Integrated Performance Report: Month 9 including Elective Recovery, Cancer Waiting Times and Urgent "
            "and Emergency Care Standards",
            "Chief Operating Officer",
            "Assurance",
            "Paper D",
        ),
        (
            "10:45",
            "7",
            "Maternity and Neonatal Safety Report including Perinatal Mortality Review Tool Quarterly Findings",
            "Director of Midwifery",
            "Assurance",
            "Paper E",
        ),
        ("11:00", "8", "Learning from Deaths Quarterly Report", "Medical Director", "Note", "Paper F"),
        ("11:10", "", "Break", "", "", ""),
        ("", "", "PEOPLE AND FINANCE", "", "", ""),
        ("11:20", "9", "Guardian of Safe Working Hours Annual Report", "Chief People Officer", "Note", "Paper G"),
        (
            "11:30",
            "10",
            "Finance Report: Month 9 Revenue and Capital Position",
            "Chief Finance Officer",
            "Assurance",
            "Paper H",
        ),
        (
            "11:45",
            "11",
            "Board Assurance Framework and Corporate Risk Register",
            "Trust Secretary",
            "Approve",
            "Paper I",
        ),
        ("", "", "CLOSING BUSINESS", "", "", ""),
        ("12:00", "12", "Questions from Members of the Public", "Chair", "Discuss", "Verbal"),
        ("12:10", "13", "Any Other Business", "Chair", "", "Verbal"),
        ("12:15", "14", "Date of Next Meeting: Thursday 3 April 2025", "Chair", "Note", ""),
    ]
    trs = []
    for time, number, title, lead, purpose, paper in rows:
        if not number and not time:
            trs.append(f'<tr><td colspan="6" bgcolor="#d9e2f3"><b>{_e(title)}</b></td></tr>')
            continue
        trs.append(
            f"<tr><td>{time}</td><td>{number}</td><td>{_e(title)}</td><td>{_e(lead)}</td>"
            f"<td>{purpose}</td><td>{paper}</td></tr>"
        )
    body = (
        '<p align="right"><b>Norbridge and Elmsworth Hospitals NHS Foundation Trust</b></p>'
        "<h1>Board of Directors Meeting in Public</h1>"
        "<p>Thursday 6 February 2025 at 09:30<br>Boardroom, Elmsworth General Hospital, Quarry Lane, Elmsworth</p>"
        "<h2>Agenda</h2>"
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        '<col width="9%"><col width="6%"><col width="45%"><col width="18%"><col width="12%"><col width="10%">'
        '<tr bgcolor="#1f3864"><th><font color="#ffffff">Time</font></th><th><font color="#ffffff">Item</font></th>'
        '<th><font color="#ffffff">Title</font></th><th><font color="#ffffff">Lead</font></th>'
        '<th><font color="#ffffff">Purpose</font></th><th><font color="#ffffff">Paper</font></th></tr>'
        + "".join(trs)
        + "</table>"
        "<p>Chair: Professor Adaeze Nwachukwu &nbsp; Trust Secretary: Gideon Ellerby</p>"
    )
    stem = "norbridge-trust-board-2025-02-06-agenda"
    build_html(stem, html_page("Board of Directors Meeting in Public", body))
    expected_items: list[dict[str, Any]] = []
    for time, number, title, lead, purpose, paper in rows:
        if not number:
            continue
        entry: dict[str, Any] = {"number": number, "title": title, "time": time, "presenter": lead}
        if purpose:
            entry["purpose"] = purpose
        if paper:
            entry["paper"] = paper
        expected_items.append(entry)
    write_expected(
        stem,
        {
            "name": "Norbridge and Elmsworth Hospitals NHS FT Board of Directors in public agenda 6 Feb 2025 "
            "(LibreOffice table Time/Item/Title/Lead/Purpose/Paper, section rows, wrapped titles, a timed break)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Norbridge and Elmsworth Hospitals NHS Foundation Trust",
            "meeting_title": "Board of Directors Meeting in Public",
            "date": "2025-02-06",
            "time_of_meeting": "09:30",
            "venue": "Boardroom, Elmsworth General Hospital, Quarry Lane, Elmsworth",
            "items": expected_items,
        },
    )


def fennick_trustees() -> None:
    """Charity trustees: 1 / 1.1 numbering in a borderless two-column table, presenters in brackets."""
    rows: list[tuple[str, str, str]] = [
        ("1", "Welcome and apologies", "Chair"),
        ("2", "Declarations of conflicts of interest", "Chair"),
        ("3", "Minutes and matters arising", ""),
        ("3.1", "Minutes of the meeting held on 15 January 2025", "Chair"),
        ("3.2", "Action log", "Company Secretary"),
        ("4", "Chief Executive's report", "Chief Executive"),
        ("5", "Finance", ""),
        ("5.1", "Management accounts to 28 February 2025", "Treasurer"),
        ("5.2", "Draft budget 2025/26 and reserves policy review", "Treasurer"),
        ("5.3", "Investment manager's report", "Treasurer"),
        ("6", "Safeguarding annual report", "Safeguarding Trustee"),
        ("7", "Strategy 2025-2030: consultation findings and next steps", "Chief Executive"),
        ("8", "Reports from sub-committees", ""),
        ("8.1", "Finance, Audit and Risk Committee", "Committee Chair"),
        ("8.2", "Fundraising and Income Generation Committee", "Committee Chair"),
        ("9", "Risk register review", "Company Secretary"),
        ("10", "Any other business", "Chair"),
        ("11", "Date of next meeting", "Chair"),
    ]
    trs = []
    for number, title, lead in rows:
        indent = "&nbsp;&nbsp;&nbsp;&nbsp;" if "." in number else ""
        weight = ("<b>", "</b>") if "." not in number else ("", "")
        trs.append(
            f"<tr><td>{indent}{weight[0]}{number}{weight[1]}</td><td>{weight[0]}{_e(title)}{weight[1]}</td>"
            f"<td><i>{_e(lead)}</i></td></tr>"
        )
    body = (
        '<p align="center"><b>THE FENNICK VALLEY COMMUNITY TRUST</b><br>'
        "Registered charity no. 1190427 &middot; Company no. 11873302</p>"
        '<p align="center"><b>MEETING OF THE BOARD OF TRUSTEES</b></p>'
        '<p align="center">Wednesday 9 April 2025, 6.00pm<br>The Long Room, Fennick Mill, Weir Lane, Fennick</p>'
        "<p><b>AGENDA</b></p>"
        '<table border="0" cellspacing="0" cellpadding="3" width="100%"><col width="10%"><col width="62%"><col width="28%">'
        + "".join(trs)
        + "</table>"
        "<p><small>Papers for items 3.1, 4, 5.1-5.3, 6, 7 and 9 are attached. Trustees are reminded that "
        "the quorum is four trustees.</small></p>"
    )
    stem = "fennick-valley-trustees-2025-04-09-agenda"
    build_html(stem, html_page("Board of Trustees", body))
    write_expected(
        stem,
        {
            "name": "The Fennick Valley Community Trust (charity) board of trustees agenda 9 Apr 2025 "
            "(borderless table, 1 / 1.1 numbering, leads in italics)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "The Fennick Valley Community Trust",
            "meeting_title": "Meeting of the Board of Trustees",
            "date": "2025-04-09",
            "time_of_meeting": "18:00",
            "venue": "The Long Room, Fennick Mill, Weir Lane, Fennick",
            "items": [{"number": n, "title": t, **({"presenter": lead} if lead else {})} for n, t, lead in rows],
        },
    )


def pellinor_agm() -> None:
    """A company's notice of AGM: resolutions as long wrapped paragraphs under ordinary/special headings."""
    ordinary = [
        "To receive the Company's annual accounts for the financial year ended 31 March 2025, together with the "
        "directors' report and the auditor's report on those accounts.",
        "To approve the directors' remuneration report for the financial year ended 31 March 2025.",
        "To declare a final dividend of 4.2 pence per ordinary share for the year ended 31 March 2025.",
        "To re-elect Cressida Hollingworth as a director of the Company.",
        "To re-elect Barnaby Okoro-Whitfield as a director of the Company.",
        "To elect Sunniva Ravensdale as a director of the Company.",
        "To reappoint Thorne Haskett LLP as auditor of the Company to hold office until the conclusion of the next "
        "general meeting at which accounts are laid.",
        "To authorise the audit committee to determine the auditor's remuneration.",
        "That the directors be generally and unconditionally authorised to allot shares in the Company up to an "
        "aggregate nominal amount of £412,500.",
    ]
    special = [
        "That, subject to the passing of resolution 9, the directors be empowered to allot equity securities for "
        "cash as if section 561 of the Companies Act 2006 did not apply to any such allotment.",
        "That the Company be generally and unconditionally authorised to make market purchases of its ordinary "
        "shares of 5 pence each.",
        "That a general meeting other than an annual general meeting may be called on not less than 14 clear "
        "days' notice.",
    ]
    parts = [
        '<p align="center"><b>PELLINOR HOLDINGS PLC</b><br>(Incorporated and registered in England and Wales with '
        "registered number 04418836)</p>",
        '<p align="center"><b>NOTICE OF ANNUAL GENERAL MEETING</b></p>',
        "<p>NOTICE IS HEREBY GIVEN that the twenty-third Annual General Meeting of Pellinor Holdings plc will be "
        "held at the Assembly Rooms, 4 Drover's Row, Castlebrook, CB3 8LN on Thursday 17 July 2025 at 11.00 am "
        "to consider and, if thought fit, pass the following resolutions. Resolutions 1 to 9 will be proposed as "
        "ordinary resolutions and resolutions 10 to 12 as special resolutions.</p>",
        "<p><b>Ordinary Resolutions</b></p>",
    ]
    for n, text in enumerate(ordinary, 1):
        parts.append(f'<p style="margin-left:1cm; text-indent:-1cm">{n}.&#9;{_e(text)}</p>')
    parts.append("<p><b>Special Resolutions</b></p>")
    for n, text in enumerate(special, len(ordinary) + 1):
        parts.append(f'<p style="margin-left:1cm; text-indent:-1cm">{n}.&#9;{_e(text)}</p>')
    parts.append(
        "<p>By order of the Board<br>Wilhelmina Strathearn<br>Company Secretary<br>12 June 2025</p>"
        "<p><b>Notes</b></p><p>1. A member entitled to attend and vote at the meeting is entitled to appoint one "
        "or more proxies to attend, speak and vote instead of them.</p><p>2. To be valid, a form of proxy must be "
        "received by the Company's registrar not later than 11.00 am on 15 July 2025.</p>"
        "<p>3. Copies of the directors' service contracts will be available for inspection at the registered "
        "office during normal business hours.</p>"
    )
    stem = "pellinor-holdings-agm-2025-07-17-notice"
    build_html(stem, html_page("Notice of Annual General Meeting", "".join(parts)))
    write_expected(
        stem,
        {
            "name": "Pellinor Holdings plc notice of AGM 17 Jul 2025 (12 resolutions as wrapped paragraphs; "
            "numbered notes at the end are not items)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Pellinor Holdings plc",
            "meeting_title": "Annual General Meeting",
            "date": "2025-07-17",
            "time_of_meeting": "11:00",
            "venue": "Assembly Rooms, 4 Drover's Row, Castlebrook, CB3 8LN",
            "items": [{"number": str(n), "title": t} for n, t in enumerate(ordinary + special, 1)],
        },
    )


def caddon_naturalists() -> None:
    """A society committee: numbered items, letter sub-items "a." "b." under one item, leads as initials."""
    rows: list[tuple[str, str, str]] = [
        ("1", "Apologies", "MA"),
        ("2", "Minutes of the meeting of 11 September 2024", "MA"),
        ("3", "Matters arising not elsewhere on the agenda", "MA"),
        ("4", "Treasurer's report and subscription rates for 2025", "TK"),
        ("5", "Winter programme", ""),
        ("a", "Indoor talks: speakers confirmed for November to February", "RP"),
        ("b", "Fungus foray at Hollins Wood (joint with the Brackenford Wildlife Group)", "RP"),
        ("c", "Moth trapping evenings: equipment and insurance", "DW"),
        ("6", "Recording scheme: transfer of records to the county database", "DW"),
        ("7", "Newsletter and website", "SJ"),
        ("8", "Any other business", ""),
        ("9", "Date of next meeting", ""),
    ]
    parts = [
        "<h1>Caddon Field Naturalists' Society</h1>",
        "<p><b>Committee Meeting</b> &ndash; Monday 14 October 2024, 7.30pm, at the home of Ruth Pemberton-Lusk, "
        "3 Orchard Rise, Caddon</p>",
        "<p><b>Agenda</b></p>",
        '<table border="0" cellpadding="2" width="100%"><col width="8%"><col width="82%"><col width="10%">',
    ]
    for number, title, lead in rows:
        label = f"{number}." if number.isalpha() else number
        pad = "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;" if number.isalpha() else ""
        parts.append(f"<tr><td>{pad}{label}</td><td>{pad}{_e(title)}</td><td>{lead}</td></tr>")
    parts.append("</table>")
    parts.append(
        "<p>Committee: Malcolm Ashcroft (Chair, MA), Tamsin Kettleborough (Treasurer, TK), Ruth Pemberton-Lusk "
        "(Programme Secretary, RP), Douglas Wetherall (Recorder, DW), Siobhan Jarrold (Newsletter, SJ)</p>"
    )
    stem = "caddon-naturalists-committee-2024-10-14-agenda"
    build_html(stem, html_page("Committee Meeting", "".join(parts)))
    write_expected(
        stem,
        {
            "name": "Caddon Field Naturalists' Society committee agenda 14 Oct 2024 (items 1-9, letter sub-items "
            "a.-c. under item 5, leads as initials in a right column)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Caddon Field Naturalists' Society",
            "meeting_title": "Committee Meeting",
            "date": "2024-10-14",
            "time_of_meeting": "19:30",
            "venue": "3 Orchard Rise, Caddon",
            "items": [{"number": n, "title": t, **({"presenter": lead} if lead else {})} for n, t, lead in rows],
        },
    )


def otterlade_parish_agenda() -> None:
    """A parish council summons: "3a" sub-items, a planning list, a closing confidential item."""
    rows: list[tuple[str, str]] = [
        ("1", "To receive apologies for absence"),
        ("2", "To receive declarations of interest and consider any requests for dispensations"),
        ("3", "Minutes"),
        ("3a", "To approve the minutes of the Parish Council meeting held on 13 May 2025"),
        ("3b", "To approve the minutes of the Annual Parish Meeting held on 20 May 2025"),
        ("4", "Public participation (15 minutes)"),
        ("5", "To receive reports from the County and District Councillors"),
        ("6", "Planning"),
        ("6a", "P/25/0412 - Rookery Barn, Mill Lane: conversion of agricultural building to a dwelling"),
        ("6b", "P/25/0455 - 2 Forge Cottages, The Street: replacement windows (listed building)"),
        ("6c", "To note decisions received from the planning authority"),
        ("7", "Finance"),
        ("7a", "To approve the payments schedule for June 2025"),
        ("7b", "To approve the Annual Governance and Accountability Return 2024/25, Section 1"),
        ("7c", "To approve the Accounting Statements 2024/25, Section 2"),
        ("8", "Otterlade Recreation Ground: quotations for replacement play equipment"),
        ("9", "Highways and footpaths, including the speed indicator device rota"),
        ("10", "Correspondence"),
        ("11", "Items for the next agenda"),
        ("12", "Staffing matters: Clerk's annual appraisal"),
    ]
    parts = [
        '<p align="center"><font size="5"><b>OTTERLADE PARISH COUNCIL</b></font></p>',
        '<p align="center">Clerk: Mrs Philippa Dunworth, 7 Wheelwright Close, Otterlade OT4 9HS<br>'
        "clerk@otterlade-pc.example.org.uk</p>",
        "<p>Dear Councillor,</p><p>You are hereby summoned to attend a meeting of Otterlade Parish Council to be "
        "held in the Village Hall, Church Street, Otterlade on <b>Tuesday 10 June 2025 at 7.30pm</b> for the "
        "purpose of transacting the business below.</p><p>Philippa Dunworth, Clerk to the Council, 4 June 2025</p>",
        '<p align="center"><b>AGENDA</b></p>',
    ]
    for number, title in rows:
        if number == "12":
            parts.append(
                "<p><i>To resolve that, in view of the confidential nature of the business about to be "
                "transacted, the press and public be excluded (Public Bodies (Admission to Meetings) Act 1960).</i></p>"
            )
        if number[-1].isalpha():
            parts.append(f'<p style="margin-left:2cm; text-indent:-1cm">{number}&#9;{_e(title)}</p>')
        else:
            parts.append(f'<p style="margin-left:1cm; text-indent:-1cm"><b>{number}.</b>&#9;{_e(title)}</p>')
    stem = "otterlade-parish-2025-06-10-agenda"
    build_html(stem, html_page("Otterlade Parish Council", "".join(parts)))
    write_expected(
        stem,
        {
            "name": "Otterlade Parish Council summons and agenda 10 Jun 2025 (letter first, items 1.-12. with 3a-7c "
            "sub-items, a confidential last item after an exclusion resolution)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "body": "Otterlade Parish Council",
            "meeting_title": "Meeting of Otterlade Parish Council",
            "date": "2025-06-10",
            "time_of_meeting": "19:30",
            "venue": "Village Hall, Church Street, Otterlade",
            "items": [{"number": n, "title": t, **({"part": 2} if n == "12" else {})} for n, t in rows],
        },
    )


DOCUMENTS = [norbridge_trust_board, fennick_trustees, pellinor_agm, caddon_naturalists, otterlade_parish_agenda]
