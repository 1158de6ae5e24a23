# ruff: noqa: E501
"""Held-out documents: a ModernGov-style planning committee pack and its supplement printed by Chromium (fixed
A4 page boxes, "Agenda Item" stamps, printed page numbers behind unnumbered front pages, the supplement's page
numbers continuing from the main pack), and a council's printed minutes with "PLAN/23" numbers and substitutes."""

from __future__ import annotations

import io
from html import escape

from kit import (
    CORPUS_OUT,
    Item,
    Out,
    chromium_pdf,
    keep_source,
    page_count,
    person,
    soffice_pdf,
    write_expected,
)

OUT = CORPUS_OUT


def _e(text: str) -> str:
    return escape(text, quote=False)


_PAGED_CSS = """
@page { size: A4; margin: 0 }
html, body { margin: 0; padding: 0 }
body { font-family: Arial, 'Liberation Sans', sans-serif; font-size: 11pt; color: #000 }
.page { width: 210mm; height: 297mm; position: relative; box-sizing: border-box; padding: 18mm 20mm 24mm 20mm;
  overflow: hidden; page-break-after: always; break-after: page }
.page:last-child { page-break-after: auto; break-after: auto }
.footer { position: absolute; bottom: 11mm; left: 0; right: 0; text-align: center; font-size: 9pt }
.stamp { position: absolute; top: 9mm; right: 18mm; border: 1.2pt solid #000; padding: 2pt 10pt; font-weight: bold;
  font-size: 12pt }
.small { font-size: 9pt } h1 { font-size: 20pt; margin: 0 0 6pt 0 } h2 { font-size: 14pt; margin: 10pt 0 6pt 0 }
table.details td { padding: 3pt 8pt 3pt 0; vertical-align: top }
table.agenda { border-collapse: collapse; width: 100% } table.agenda td { padding: 5pt 6pt 7pt 0; vertical-align: top }
td.num { width: 12mm; font-weight: bold } td.pages { width: 30mm; text-align: right; white-space: nowrap }
p { margin: 0 0 6pt 0; line-height: 1.3 }
.blank { position: absolute; top: 45%; left: 0; right: 0; text-align: center; font-style: italic }
"""

FILLER = (
    "The application site lies within the settlement boundary defined in the adopted Local Plan. Consultation "
    "responses are summarised below and set out in full on the planning register. The main issues are the "
    "principle of development, the effect on the character and appearance of the area, highway safety and "
    "parking, residential amenity, drainage and biodiversity net gain."
)


def _pages_html(title: str, pages: list[tuple[str, str, str]]) -> str:
    """One fixed A4 box per page: (body html, footer text, stamp text)."""
    parts = []
    for body, footer, stamp in pages:
        parts.append(
            '<div class="page">'
            + (f'<div class="stamp">{_e(stamp)}</div>' if stamp else "")
            + body
            + (f'<div class="footer">{_e(footer)}</div>' if footer else "")
            + "</div>"
        )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_e(title)}</title><style>{_PAGED_CSS}</style>'
        f"</head><body>{''.join(parts)}</body></html>"
    )


def _paper_pages(
    council: str, title: str, count: int, first_page: int, stamp: str, blank_last: bool
) -> list[tuple[str, str, str]]:
    pages = []
    for n in range(count):
        printed = first_page + n
        if blank_last and n == count - 1:
            pages.append(('<p class="blank">This page is intentionally left blank</p>', f"Page {printed}", ""))
            continue
        if n == 0:
            body = (
                f'<p class="small">{_e(council)}</p><p class="small">Planning Committee &ndash; 16 October 2025</p>'
                f"<h2>{_e(title)}</h2>"
                '<table class="details"><tr><td><b>Report of:</b></td><td>Head of Planning</td></tr>'
                "<tr><td><b>Ward(s):</b></td><td>Fenby and Rookery</td></tr>"
                "<tr><td><b>Recommendation:</b></td><td>See section 10</td></tr></table>"
                f"<p><b>1. Summary</b></p><p>{FILLER}</p><p><b>2. Site and surroundings</b></p><p>{FILLER}</p>"
            )
        else:
            body = "".join(f"<p><b>{n * 3 + k}. Assessment</b></p><p>{FILLER} {FILLER}</p>" for k in range(3))
        pages.append((body, f"Page {printed}", stamp if n == 0 else ""))
    return pages


def brenthaven_planning_pack(out: Out = OUT) -> None:
    """ModernGov-style planning committee pack printed by Chromium: three unnumbered front pages (front sheet,
    a public information page with its own numbered paragraphs, the agenda), papers from "Page 1" with boxed
    "Agenda Item N" stamps on their first page and blank pages to start papers on odd pages; the agenda's
    "(Pages x - y)" sit in a right column; sub-items 4.1-4.3; an exclusion item then Part II; paper 3 is the
    previous minutes (Present prose with (Chair), substitute members, officers with roles, ward member)."""
    council = "Brenthaven District Council"
    # (number, title, description, paper pages, blank last page?, part)
    agenda: list[tuple[str, str, str, int, bool, int]] = [
        (
            "1",
            "Apologies for Absence and Substitutions",
            "To receive apologies for absence and to note any substitutions.",
            0,
            False,
            1,
        ),
        (
            "2",
            "Declarations of Interest",
            "Members are reminded to declare any disclosable pecuniary interest, other registrable interest or non-registrable interest in any item on the agenda.",
            0,
            False,
            1,
        ),
        (
            "3",
            "Minutes",
            "To confirm as a correct record the minutes of the meeting held on 18 September 2025.",
            4,
            True,
            1,
        ),
        ("4", "Planning Applications", "Reports of the Head of Planning on the following applications:", 0, False, 1),
        (
            "4.1",
            "25/00817/FUL - Land North of Rookery Lane, Fenby St Mary",
            "Erection of 48 dwellings with associated access, open space and drainage. Recommendation: grant subject to a section 106 agreement.",
            8,
            False,
            1,
        ),
        (
            "4.2",
            "25/01102/HOU - 17 Kingfisher Rise, Brenthaven",
            "Two-storey side extension and dormer. Recommendation: refuse.",
            4,
            True,
            1,
        ),
        (
            "4.3",
            "25/01156/LBC - The Old Forge, High Street, Fenby St Mary",
            "Replacement windows and internal alterations to a listed building. Recommendation: grant.",
            4,
            False,
            1,
        ),
        ("5", "Planning Appeal Decisions", "To note the appeal decisions received since the last meeting.", 4, True, 1),
        ("6", "Enforcement Update", "To note the quarterly report on enforcement cases.", 4, False, 1),
        (
            "7",
            "Exclusion of the Press and Public",
            "To resolve that, under section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following item on the grounds that it involves the likely disclosure of exempt information as defined in paragraphs 5 and 6 of Part 1 of Schedule 12A to the Act.",
            0,
            False,
            1,
        ),
        ("8", "Enforcement Case: Land at Brook Farm, Lower Fenby", "Report of the Head of Planning.", 4, True, 2),
    ]
    ranges: dict[str, tuple[int, int]] = {}
    page = 1
    for number, _t, _d, count, _b, _p in agenda:
        if count:
            ranges[number] = (page, page + count - 1)
            page += count
    members = ("Councillors Rosamund Thackeray (Chair), Oliver Kempthorne (Vice-Chair), Parveen Akhtar-Lowe, Hamish "
               "Gorringe, Delyth Morcombe, Barnaby Quested, Jonah Tillotson and Ugo Nwankwo-Price")  # fmt: skip
    front = (
        '<p class="small">Public Document Pack</p><div style="height:18mm"></div>'
        f'<h1 style="text-align:center">{council}</h1><p style="text-align:center; font-size:15pt"><b>Planning Committee</b></p>'
        '<div style="height:10mm"></div><table class="details">'
        "<tr><td><b>Date:</b></td><td>Thursday, 16 October 2025</td></tr><tr><td><b>Time:</b></td><td>6.30 pm</td></tr>"
        "<tr><td><b>Venue:</b></td><td>Council Chamber, Brenthaven House, Marlowe Street, Brenthaven BV3 1AA</td></tr>"
        f"<tr><td><b>Membership:</b></td><td>{_e(members)}</td></tr><tr><td><b>Quorum:</b></td><td>4</td></tr></table>"
        '<div style="height:10mm"></div><p>Members of the committee are summoned to attend the above meeting to transact the business set out in the agenda.</p>'
        "<p>Annabel Kingscote<br>Chief Executive<br>Dated: 8 October 2025</p>"
        '<div style="height:30mm"></div><p class="small">For further information please contact Martin Oyelade, Democratic Services, '
        "telephone 01632 960 417, e-mail democratic.services@brenthaven.example</p>"
    )
    info = (
        "<h2>Information for members of the public</h2>"
        "<p><b>1. Public speaking.</b> Applicants, objectors and parish councils may speak for up to three minutes on an application. You must register by noon on the working day before the meeting.</p>"
        "<p><b>2. Order of speaking.</b> The planning officer presents the report; then the objector, the parish council, the applicant or agent and the ward member speak; the committee then debates and votes.</p>"
        "<p><b>3. Late information.</b> Representations received after the agenda is published are reported in a supplementary update.</p>"
        "<p><b>4. Filming and recording.</b> The meeting may be filmed, recorded or reported on by anyone present, except where the press and public are excluded.</p>"
        "<p><b>5. Fire evacuation.</b> If the alarm sounds, leave by the nearest exit and assemble in the Marlowe Street car park.</p>"
    )
    rows = []
    part_two = False
    for number, title, description, _c, _b, part in agenda:
        if part == 2 and not part_two:
            part_two = True
            rows.append(
                '<tr><td colspan="3" style="padding-top:10pt"><b>PART II &ndash; EXEMPT ITEMS</b><br><span class="small">(The press and public are likely to be excluded for the following item.)</span></td></tr>'
            )
        pages = ranges.get(number)
        sub = "." in number
        rows.append(
            f'<tr><td class="num"{' style="padding-left:6mm; font-weight:normal"' if sub else ""}>{number}{"" if sub else "."}</td>'
            f"<td>{'' if sub else '<b>'}{_e(title)}{'' if sub else '</b>'}<br>{_e(description)}</td>"
            f'<td class="pages">{f"(Pages {pages[0]} - {pages[1]})" if pages else ""}</td></tr>'
        )
    agenda_page = (
        "<h2>AGENDA</h2><p><b>PART I &ndash; ITEMS CONSIDERED IN PUBLIC</b></p>"
        f'<table class="agenda">{"".join(rows)}</table>'
    )
    pages_out: list[tuple[str, str, str]] = [(front, "", ""), (info, "", ""), (agenda_page, "", "")]
    front_pages = len(pages_out)
    previous = _previous_minutes_pages()
    for number, title, _d, count, blank, _part in agenda:
        if not count:
            continue
        first = ranges[number][0]
        if number == "3":
            pages_out += [
                (body, f"Page {first + n}", "Agenda Item 3" if n == 0 else "") for n, body in enumerate(previous)
            ]
            pages_out += [
                ('<p class="blank">This page is intentionally left blank</p>', f"Page {first + len(previous)}", "")
            ] * (count - len(previous))
            continue
        pages_out += _paper_pages(council, title, count, first, f"Agenda Item {number}", blank)
    stem = "brenthaven-planning-2025-10-16-pack"
    source = keep_source(out, f"{stem}.html", _pages_html("Planning Committee 16 October 2025", pages_out))
    pdf = out.pdf / f"{stem}.pdf"
    chromium_pdf(source, pdf)
    assert page_count(pdf) == front_pages + page - 1, (page_count(pdf), front_pages, page)
    expected = []
    for number, title, _d, _c, _b, part in agenda:
        pages = ranges.get(number)
        expected.append(Item(number, title, part=part, printed_pages=pages,
                             pdf_pages=(pages[0] + front_pages, pages[1] + front_pages) if pages else None).expected())  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Brenthaven District Council Planning Committee agenda pack 16 Oct 2025 (headless Chromium, fixed "
            "A4 page boxes: front sheet, a public-information page with numbered paragraphs 1.-5., and the agenda "
            "all unnumbered; papers from 'Page 1' with boxed 'Agenda Item N' stamps and 'intentionally left blank' "
            "pages; '(Pages x - y)' in a right column; sub-items 4.1-4.3 with application numbers; exclusion item "
            "then PART II; paper 3 is the previous minutes 38.-44. with Present prose, substitutes, officers)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "Chromium headless print (Skia/PDF)",
            "body": council,
            "meeting_title": "Planning Committee",
            "date": "2025-10-16",
            "time_of_meeting": "18:30",
            "venue": "Council Chamber, Brenthaven House, Marlowe Street, Brenthaven BV3 1AA",
            "items": expected,
            "people_source": "minutes of the meeting held on 18 September 2025 (item 3)",
            "people": PREVIOUS_PEOPLE,
        },
    )


PREVIOUS_PEOPLE = [
    person("Councillor Rosamund Thackeray", "present", "Chair", chair="yes"),
    person("Oliver Kempthorne", "present", "Vice-Chair"),
    person("Parveen Akhtar-Lowe", "present"),
    person("Delyth Morcombe", "present"),
    person("Barnaby Quested", "present"),
    person("Jonah Tillotson", "present"),
    person("Ugo Nwankwo-Price", "present"),
    person("Councillor Felicity Armstrong-Vane", "deputising", deputising_for="Councillor Hamish Gorringe"),
    person("Councillor Keir Lathbury", "in_attendance", "ward member"),
    person("Adele Fothergill", "in_attendance", "Head of Planning"),
    person("Sanjay Kulkarni", "in_attendance", "Principal Planning Officer"),
    person("Bronwen Hext", "in_attendance", "Legal Adviser"),
    person("Martin Oyelade", "in_attendance", "Democratic Services Officer"),
    person("Councillor Hamish Gorringe", "apologies"),
]


def _previous_minutes_pages() -> list[str]:
    minutes = [
        (
            "38",
            "Apologies for Absence and Substitutions",
            "Apologies for absence were received from Councillor Hamish Gorringe. Councillor Felicity Armstrong-Vane attended as his substitute.",
        ),
        (
            "39",
            "Declarations of Interest",
            "Councillor Jonah Tillotson declared a non-registrable interest in minute 41 as he knows the applicant, and left the chamber for that item.",
        ),
        (
            "40",
            "Minutes",
            "RESOLVED \u2013 That the minutes of the meeting held on 21 August 2025 be confirmed as a correct record and signed by the Chair.",
        ),
        (
            "41",
            "25/00644/FUL - Former Depot, Station Approach, Brenthaven",
            "The Principal Planning Officer presented the report. An objector and the agent addressed the committee. RESOLVED \u2013 That planning permission be granted subject to the conditions set out in the report. (For 6, against 2.)",
        ),
        (
            "42",
            "25/00790/OUT - Land West of Mill Lane, Lower Fenby",
            "Councillor Keir Lathbury spoke as ward member. RESOLVED \u2013 That consideration be deferred for a site visit.",
        ),
        ("43", "Planning Appeal Decisions", "RESOLVED \u2013 That the report be noted."),
        ("44", "Enforcement Update", "RESOLVED \u2013 That the report be noted."),
    ]
    head = (
        '<p style="text-align:center"><b>BRENTHAVEN DISTRICT COUNCIL</b></p>'
        '<p style="text-align:center"><b>PLANNING COMMITTEE</b></p>'
        '<p style="text-align:center">Minutes of the meeting held on Thursday, 18 September 2025 at 6.30 pm</p>'
        "<p><b>PRESENT:</b> Councillor Rosamund Thackeray (Chair); Councillors Oliver Kempthorne (Vice-Chair), "
        "Parveen Akhtar-Lowe, Delyth Morcombe, Barnaby Quested, Jonah Tillotson and Ugo Nwankwo-Price</p>"
        "<p><b>SUBSTITUTE MEMBERS:</b> Councillor Felicity Armstrong-Vane (for Councillor Hamish Gorringe)</p>"
        "<p><b>ALSO PRESENT:</b> Councillor Keir Lathbury (ward member, minute 42)</p>"
        "<p><b>OFFICERS:</b> Adele Fothergill (Head of Planning), Sanjay Kulkarni (Principal Planning Officer), "
        "Bronwen Hext (Legal Adviser) and Martin Oyelade (Democratic Services Officer)</p>"
    )
    first = head + "".join(f"<p><b>{n}.&nbsp;&nbsp;{_e(t)}</b></p><p>{_e(x)}</p>" for n, t, x in minutes[:4])
    second = "".join(f"<p><b>{n}.&nbsp;&nbsp;{_e(t)}</b></p><p>{_e(x)}</p>" for n, t, x in minutes[4:])
    second += '<p>The meeting closed at 8.12 pm.</p><p style="margin-top:20mm">CHAIR</p>'
    return [first, second]


def brenthaven_planning_supplement(out: Out = OUT) -> None:
    """The supplement to the same meeting: a front sheet and a one-page agenda of two late papers, both
    unnumbered, then papers whose printed page numbers continue from the main pack (Page 33 onwards), so
    printed page 33 is PDF page 3."""
    council = "Brenthaven District Council"
    start = 33
    items = [
        (
            "4",
            "Planning Applications \u2013 Supplementary Update Report",
            "Late representations and officer updates on applications 4.1 to 4.3.",
            6,
        ),
        (
            "6",
            "Enforcement Update \u2013 Appendix B: Schedule of Open Cases",
            "Appendix B was marked \u2018to follow\u2019 on the main agenda.",
            4,
        ),
    ]
    front = (
        '<p class="small">Public Document Pack</p><div style="height:18mm"></div>'
        f'<h1 style="text-align:center">{council}</h1><p style="text-align:center; font-size:15pt"><b>Planning Committee</b></p>'
        '<p style="text-align:center; font-size:13pt"><b>SUPPLEMENTARY AGENDA</b></p><div style="height:8mm"></div>'
        '<table class="details"><tr><td><b>Date:</b></td><td>Thursday, 16 October 2025</td></tr><tr><td><b>Time:</b></td><td>6.30 pm</td></tr>'
        "<tr><td><b>Venue:</b></td><td>Council Chamber, Brenthaven House, Marlowe Street, Brenthaven BV3 1AA</td></tr></table>"
        '<div style="height:8mm"></div><p>Please find attached the following reports, which were not available when the agenda was published on 8 October 2025.</p>'
        '<p class="small">Contact: Martin Oyelade, Democratic Services, 01632 960 417</p>'
    )
    ranges = {}
    page = start
    rows = []
    for number, title, description, count in items:
        ranges[number] = (page, page + count - 1)
        rows.append(
            f'<tr><td class="num">{number}.</td><td><b>{_e(title)}</b><br>{_e(description)}</td><td class="pages">(Pages {page} - {page + count - 1})</td></tr>'
        )
        page += count
    agenda_page = f'<h2>SUPPLEMENTARY AGENDA</h2><table class="agenda">{"".join(rows)}</table>'
    pages_out: list[tuple[str, str, str]] = [(front, "", ""), (agenda_page, "", "")]
    for number, title, _d, count in items:
        pages_out += _paper_pages(council, title, count, ranges[number][0], f"Agenda Item {number}", False)
    stem = "brenthaven-planning-2025-10-16-supplement"
    source = keep_source(out, f"{stem}.html", _pages_html("Planning Committee 16 October 2025 - supplement", pages_out))
    pdf = out.pdf / f"{stem}.pdf"
    chromium_pdf(source, pdf)
    assert page_count(pdf) == 2 + page - start
    write_expected(
        out,
        stem,
        {
            "name": "Brenthaven District Council Planning Committee supplementary agenda 16 Oct 2025 (headless Chromium: "
            "front sheet and agenda of two late papers unnumbered, then papers whose printed page numbers continue "
            "from the main pack, 'Page 33' onwards, so '(Pages 33 - 38)' is PDF pages 3-8; item numbers 4 and 6 "
            "are the main agenda's, not 1 and 2)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "Chromium headless print (Skia/PDF)",
            "body": council,
            "meeting_title": "Planning Committee",
            "date": "2025-10-16",
            "time_of_meeting": "18:30",
            "venue": "Council Chamber, Brenthaven House, Marlowe Street, Brenthaven BV3 1AA",
            "items": [
                Item(
                    n, t, printed_pages=ranges[n], pdf_pages=(ranges[n][0] - start + 3, ranges[n][1] - start + 3)
                ).expected()
                for n, t, _d, _c in items
            ],
        },
    )


DOCUMENTS = [brenthaven_planning_pack, brenthaven_planning_supplement]


# --- A district council's printed minutes: PLAN/23 numbers, substitutes, officers by role ----------------------


def thrushcombe_development_control_minutes(out: Out = OUT) -> None:
    """Development control committee minutes in Word: PRESENT block with the Chair on one line and "Councillors
    ..." on the next, "Substitutes:" with "(for Councillor X)", "Officers Present:" as Role (Name), minute
    numbers PLAN/23-PLAN/30 with headings in capitals on the same line, numbered reasons for refusal inside a
    minute, a recorded vote, and "Chair's initials" in every page footer."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    minutes: list[tuple[str, str, list[str]]] = [
        (
            "PLAN/23",
            "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS",
            [
                "Apologies for absence were received from Councillors Yvonne Lathom and Ambrose Stukeley. Councillor Simone Kirtland attended as a substitute for Councillor Lathom."
            ],
        ),
        (
            "PLAN/24",
            "DECLARATIONS OF INTEREST",
            [
                "Councillor Rupert Egglestone declared an other registrable interest in minute PLAN/27 as a member of the parish council that had commented on the application. He spoke as a ward member and then left the room and took no part in the vote."
            ],
        ),
        (
            "PLAN/25",
            "MINUTES",
            [
                "RESOLVED: That the minutes of the meeting held on 8 October 2025 be approved as a correct record and signed by the Chair."
            ],
        ),
        (
            "PLAN/26",
            "PUBLIC PARTICIPATION",
            ["Three members of the public spoke on application 25/1432/FUL and the agent spoke in support."],
        ),
        (
            "PLAN/27",
            "APPLICATION 25/1432/FUL \u2013 LAND AT HOLLOWAY FARM, CHURCH ROAD, STOKE ALDERN",
            [
                "The Senior Planning Officer presented the report, which recommended approval of 26 dwellings. The Highways Adviser answered questions about visibility at the junction with Church Road.",
                "It was moved by Councillor Leopold Carstairs and seconded by Councillor Teresa Hollowell that the application be refused, contrary to the officer recommendation. On being put to the vote the motion was carried (5 for, 3 against, 1 abstention).",
                "RESOLVED: That planning permission be REFUSED for the following reasons:",
                "1.\tThe development would extend the village into open countryside beyond the settlement boundary, contrary to policy SP4 of the Local Plan.",
                "2.\tThe proposed access would not provide adequate visibility for the speed of traffic on Church Road, to the detriment of highway safety.",
            ],
        ),
        (
            "PLAN/28",
            "APPLICATION 25/1501/HOU \u2013 3 VICARAGE GARDENS, THRUSHCOMBE",
            ["RESOLVED: That planning permission be GRANTED subject to the conditions set out in the report."],
        ),
        ("PLAN/29", "APPEAL DECISIONS", ["RESOLVED: That the appeal decisions be noted."]),
        ("PLAN/30", "ANY OTHER ITEMS WHICH THE CHAIR DECIDES ARE URGENT", ["There were none."]),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.4)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for text in ("THRUSHCOMBE DISTRICT COUNCIL", "DEVELOPMENT CONTROL COMMITTEE"):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = True
    document.add_paragraph(
        "Minutes of a meeting of the Development Control Committee held in the Guildhall, Thrushcombe on "
        "Wednesday 5 November 2025 at 2.00 pm."
    )

    def block(label: str, lines: list[str]) -> None:
        for index, line in enumerate(lines):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0 if index < len(lines) - 1 else 8)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(4.0))
            paragraph.paragraph_format.left_indent, paragraph.paragraph_format.first_line_indent = Cm(4.0), Cm(-4.0)
            paragraph.add_run(label if index == 0 else "").bold = True
            paragraph.add_run("\t" + line)

    block(
        "PRESENT:",
        [
            "Councillor Gwendolen Ashby-Fane (Chair)",
            "Councillors Leopold Carstairs (Vice-Chair), Moira Devlin-Hart, Rupert Egglestone, Ifeanyi Gbadamosi, Teresa Hollowell and Mark Jellicoe",
        ],
    )
    block("Substitutes:", ["Councillor Simone Kirtland (for Councillor Yvonne Lathom)"])
    block(
        "Officers Present:",
        [
            "Development Manager (Caspar Montague), Senior Planning Officer (Ffion Nettleship), Highways Adviser (Dev Okonjo), Solicitor (Harriet Pennington-Drew) and Committee Officer (Lucy Quartermaine)"
        ],
    )
    block("Also Present:", ["Councillor Bertram Rainsford (Ward Member, minute PLAN/27)"])
    for number, heading, paragraphs in minutes:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(8)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(2.4))
        paragraph.paragraph_format.left_indent, paragraph.paragraph_format.first_line_indent = Cm(2.4), Cm(-2.4)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(f"{number}\t{heading}").bold = True
        for text in paragraphs:
            line = document.add_paragraph()
            numbered = text[:2] in ("1.", "2.")
            line.paragraph_format.left_indent = Cm(3.4 if numbered else 2.4)
            if numbered:
                line.paragraph_format.first_line_indent = Cm(-1.0)
                line.paragraph_format.tab_stops.add_tab_stop(Cm(3.4))
            if text.startswith("RESOLVED"):
                line.add_run("RESOLVED:").bold = True
                line.add_run(text[len("RESOLVED:") :])
            else:
                line.add_run(text)
    document.add_paragraph("The meeting ended at 4.25 pm.")
    document.add_paragraph("\n\nChair ........................................")
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(Cm(16.2), WD_TAB_ALIGNMENT.RIGHT)
    footer.text = "Development Control Committee \u2013 5 November 2025\tChair\u2019s initials ........"
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.text = "DRAFT \u2013 subject to approval at the next meeting"
    stem = "thrushcombe-development-control-2025-11-05-minutes"
    buffer = io.BytesIO()
    document.core_properties.author = "Democratic Services"
    document.save(buffer)
    source = keep_source(out, f"{stem}.docx", buffer.getvalue())
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    people = [
        person("Councillor Gwendolen Ashby-Fane", "present", "Chair", chair="yes"),
        person("Leopold Carstairs", "present", "Vice-Chair"),
        *(
            person(n, "present")
            for n in (
                "Moira Devlin-Hart",
                "Rupert Egglestone",
                "Ifeanyi Gbadamosi",
                "Teresa Hollowell",
                "Mark Jellicoe",
            )
        ),
        person("Councillor Simone Kirtland", "deputising", deputising_for="Councillor Yvonne Lathom"),
        person("Caspar Montague", "in_attendance", "Development Manager"),
        person("Ffion Nettleship", "in_attendance", "Senior Planning Officer"),
        person("Dev Okonjo", "in_attendance", "Highways Adviser"),
        person("Harriet Pennington-Drew", "in_attendance", "Solicitor"),
        person("Lucy Quartermaine", "in_attendance", "Committee Officer"),
        person("Councillor Bertram Rainsford", "in_attendance", "Ward Member"),
        person("Yvonne Lathom", "apologies"),
        person("Ambrose Stukeley", "apologies"),
    ]
    write_expected(
        out,
        stem,
        {
            "name": "Thrushcombe District Council Development Control Committee minutes 5 Nov 2025 (Word .docx printed "
            "by LibreOffice: 'PRESENT:' with the Chair on one line and 'Councillors ...' on the next, 'Substitutes: "
            "Councillor X (for Councillor Y)', 'Officers Present:' as 'Role (Name)', apologies only inside minute "
            "PLAN/23, minute numbers PLAN/23-PLAN/30 with capitalised headings on the same line, numbered reasons "
            "for refusal inside PLAN/27, a DRAFT header and 'Chair's initials' footer on every page)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Thrushcombe District Council",
            "meeting_title": "Development Control Committee",
            "date": "2025-11-05",
            "time_of_meeting": "14:00",
            "venue": "the Guildhall, Thrushcombe",
            "items": [Item(n, h).expected() for n, h, _ in minutes],
            "people": people,
            "actions": [],
        },
    )


DOCUMENTS.append(thrushcombe_development_control_minutes)
