# ruff: noqa: E501
"""Second round of minutes, from the producers such bodies use: a Scottish community council's minutes with a
"Sederunt" (Chromium), school governors' minutes with an Action | Who | By when table at the end (Word .docx),
company board minutes in the model-articles style with "IT WAS RESOLVED that" and lettered resolution clauses
(Word .docx), a bowls club's minutes whose actions are owners' initials alone in the right margin (ReportLab), and
a cricket club's minutes sent as a plain-text e-mail with "ACTION:" lines."""

from __future__ import annotations

import io
from html import escape
from typing import Any

from kit import CORPUS_OUT, Item, Out, action, chromium_pdf, keep_source, person, soffice_pdf, write_expected


def _e(text: str) -> str:
    return escape(text, quote=False)


# --- A Scottish community council: Sederunt, In attendance, Apologies; "Action:" lines ---------------------------


def kinnordie_community_council(out: Out = CORPUS_OUT) -> None:
    """Scottish community council minutes printed from a browser: "Sederunt:" (present) prose with roles in
    brackets, "In attendance:" with a ward councillor and a police officer, numbered minutes with 4.1/7.1
    sub-headings, "Action: Secretary" / "Action: EGM" lines, Any Other Competent Business."""
    sederunt = [
        ("Alasdair Mowbray", "Convener", "AM"),
        ("Morag Ironside", "Vice Convener", "MI"),
        ("Ruaridh Kinloch", "Secretary", "RK"),
        ("Elspeth Guthrie-Mair", "Treasurer", "EGM"),
        ("Innes Cattanach", "", "IC"),
        ("Shona Dalgetty", "", "SD"),
        ("Calum Ferrier", "", "CF"),
    ]
    attending = [("Cllr Fiona Abercairn", "Ward Councillor"), ("PC Neil Auchinleck", "Community Officer")]
    apologies = [("Gregor Tullis", ""), ("Isla Renwick", ""), ("Cllr Douglas Pitcaithly", "Ward Councillor")]
    # (number, heading, paragraphs, actions [(owner, text)])
    minutes: list[tuple[str, str, list[str], list[tuple[str, str]]]] = [
        (
            "1",
            "Welcome and Apologies",
            ["The Convener welcomed everyone, including four members of the public. Apologies were noted as above."],
            [],
        ),
        (
            "2",
            "Declarations of Interest",
            [
                "Calum Ferrier declared an interest in item 7.2 as a neighbouring landowner and took no part in that discussion."
            ],
            [],
        ),
        (
            "3",
            "Minutes of Previous Meeting (24 June 2025)",
            ["The minutes were approved. Proposed by Shona Dalgetty, seconded by Innes Cattanach."],
            [],
        ),
        ("4", "Matters Arising", [], []),
        (
            "4.1",
            "Bus shelter at Mill Brae",
            ["No reply has been received from the roads department since the June meeting."],
            [("Secretary", "to write to the roads department again and copy in the ward councillors.")],
        ),
        (
            "4.2",
            "Defibrillator at the Post Office",
            ["The cabinet has been installed and registered. Training for volunteers is still to be arranged."],
            [("EGM", "to arrange two training sessions in the hall before the end of October.")],
        ),
        (
            "5",
            "Police Report",
            [
                "PC Auchinleck reported three incidents in the area since June: one theft from a shed and two reports of speeding on the B-road through the village. Speed checks will be carried out in September."
            ],
            [],
        ),
        (
            "6",
            "Ward Councillors\u2019 Report",
            [
                "Cllr Abercairn reported that the council\u2019s winter gritting routes are unchanged and that the consultation on the local development plan closes on 30 September."
            ],
            [],
        ),
        ("7", "Planning", [], []),
        (
            "7.1",
            "25/00412/FUL \u2013 Erection of dwellinghouse, land east of Croftend, Kinnordie",
            ["No objection."],
            [],
        ),
        (
            "7.2",
            "25/00438/PPP \u2013 Residential development (12 houses), Tannage Brae",
            [
                "Members were concerned about the access onto the main road and the loss of the path to the burn. The community council will object."
            ],
            [("RK", "to submit the objection by 5 September.")],
        ),
        (
            "8",
            "Treasurer\u2019s Report",
            [
                "The balance at 31 July was \u00a32,412.07. The hall let for the summer event has been paid. The micro-grant from the windfarm fund (\u00a3750) is restricted to the Christmas lights."
            ],
            [],
        ),
        (
            "9",
            "Correspondence",
            [
                "Letters from the health board about the GP surgery\u2019s opening hours, and from a resident about dog fouling at the play park, were noted."
            ],
            [],
        ),
        (
            "10",
            "Any Other Competent Business",
            ["The Christmas lights contractor has asked for a site visit before booking the lift."],
            [("MI", "to meet the contractor at the square with Calum Ferrier.")],
        ),
        ("11", "Date of Next Meeting", ["Tuesday 28 October 2025 at 7.30pm in Kinnordie Public Hall."], []),
    ]

    def listing(people: list[tuple[str, str]] | list[tuple[str, str, str]]) -> str:
        return ", ".join(f"{p[0]}{f' ({p[1]})' if p[1] else ''}" for p in people)

    parts = []
    for number, heading, paragraphs, actions in minutes:
        sub = "." in number
        parts.append(
            f'<p class="{"sub" if sub else "head"}"><b>{number}{"" if sub else "."}&nbsp;&nbsp;{_e(heading)}</b></p>'
        )
        parts += [f'<p class="text">{_e(p)}</p>' for p in paragraphs]
        parts += [f'<p class="text action"><b>Action: {_e(owner)}</b> {_e(text)}</p>' for owner, text in actions]
    css = (
        "@page { size: A4; margin: 2cm 2.2cm 2.2cm 2.2cm } body { font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 10pt; line-height: 1.35 }"
        "h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt 0 } .intro { text-align: center; margin: 0 0 14pt 0 }"
        ".att { margin: 0 0 6pt 0 } .head { margin: 12pt 0 3pt 0 } .sub { margin: 6pt 0 3pt 1.2cm } .text { margin: 0 0 4pt 1.2cm }"
        ".action { font-style: italic } .sign { margin-top: 28pt }"
    )
    html = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>KDCC Minutes August 2025</title><style>{css}</style></head><body>'
        "<h1>KINNORDIE AND DISTRICT COMMUNITY COUNCIL</h1>"
        '<p class="intro">Minutes of the Ordinary Meeting held in Kinnordie Public Hall<br>on Tuesday 26 August 2025 at 7.30pm</p>'
        f'<p class="att"><b>Sederunt:</b> {_e(listing(sederunt))}</p>'
        f'<p class="att"><b>In attendance:</b> {_e(listing(attending))}, and 4 members of the public</p>'
        f'<p class="att"><b>Apologies:</b> {_e(listing(apologies))}</p>'
        + "".join(parts)
        + '<p class="sign">Approved ........................................ Convener &nbsp;&nbsp;&nbsp; Date ....................</p>'
        "</body></html>"
    )
    stem = "kinnordie-community-council-2025-08-26-minutes"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", r, i, **({"chair": "yes"} if r == "Convener" else {})) for n, r, i in sederunt]
    people += [person(n, "in_attendance", r) for n, r in attending]
    people += [person(n, "apologies", r) for n, r in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Kinnordie and District Community Council (Scotland) minutes 26 Aug 2025 (headless Chromium: "
            "'Sederunt:' prose for those present with roles in brackets, 'In attendance:' a ward councillor, a "
            "police officer and members of the public, apologies prose; numbered minutes 1.-11. with 4.1/4.2 and "
            "7.1/7.2 sub-headings, italic 'Action: Secretary' / 'Action: EGM' lines, Any Other Competent Business)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "Chromium headless print (Skia/PDF)",
            "body": "Kinnordie and District Community Council",
            "meeting_title": "Ordinary Meeting",
            "date": "2025-08-26",
            "time_of_meeting": "19:30",
            "venue": "Kinnordie Public Hall",
            "items": [Item(n, h).expected() for n, h, _, _ in minutes],
            "people": people,
            "actions": [action(n, owner, text) for n, _, _, acts in minutes for owner, text in acts],
        },
    )


DOCUMENTS = [kinnordie_community_council]


# --- School governors' minutes in Word: attendance table, Q/A challenge, Action | Who | By when at the end -------


def _docx_table(
    document: Any, rows: list[list[str]], widths_cm: list[float], header: bool = True, grid: bool = True
) -> Any:
    from docx.shared import Cm, Pt

    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if grid:
        table.style = "Table Grid"
    table.autofit = False
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.rows[r].cells[c]
            cell.width = Cm(widths_cm[c])
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size = Pt(10)
            run.bold = header and r == 0
            paragraph.paragraph_format.space_after = Pt(0)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    return table


def skelbrook_governors_minutes(out: Out = CORPUS_OUT) -> None:
    """Local governing body minutes typed in Word: a Name | Category attendance table, "In attendance" and
    "Apologies (consent given)" lines, headings as a Word numbered list (the numbers are list labels), governor
    challenge as "Q:"/"A:" paragraphs, then an Item | Action | Who | By when table and a numbered list of
    decisions that are not minutes."""
    from docx import Document
    from docx.shared import Cm, Pt

    present = [
        ("Mrs Harriet Dunleavy", "Co-opted governor (Chair)", "HD"),
        ("Mrs Anjali Deshmukh", "Parent governor (Vice Chair)", "AD"),
        ("Ms Imogen Featherby", "Headteacher", "HT"),
        ("Mr Rhys Carwardine", "Parent governor", "RC"),
        ("Miss Lowri Pennant", "Staff governor", "LP"),
        ("Mr Graham Ollerenshaw", "Co-opted governor", "GO"),
        ("Mr Kwesi Darkwa", "Trust-appointed governor", "KD"),
    ]
    attending = [("Mr Piotr Zalewski", "Clerk"), ("Ms Georgia Fairweather", "School Business Manager, items 1\u20136")]
    apologies = [("Dr Alun Merriman", "Co-opted governor"), ("Mrs Bethan Skerritt", "Parent governor")]
    minutes: list[tuple[str, list[str]]] = [
        (
            "Welcome, apologies and quorum",
            [
                "The Chair welcomed governors. Apologies were received and consented to as above. The meeting was quorate."
            ],
        ),
        (
            "Declarations of business interests",
            ["No new interests were declared. The register on the website is up to date."],
        ),
        (
            "Minutes of the meeting held on 22 January 2025 and matters arising",
            ["The minutes were agreed as an accurate record and signed by the Chair. All actions were complete."],
        ),
        (
            "Headteacher\u2019s report",
            [
                "The HT presented her report, circulated in advance. Attendance is 94.8% against a target of 96%; persistent absence has fallen to 14%.",
                "Q: Which year groups are furthest from the target, and what is being done for them?",
                "A: Years 4 and 6. The attendance officer is meeting every family below 90% and a breakfast club place has been offered to eleven pupils.",
            ],
        ),
        (
            "Pupil premium and sports premium spending",
            [
                "The HT outlined the spending to date. Governors asked for the impact of the tutoring programme to be reported by the end of the summer term."
            ],
        ),
        (
            "Budget monitoring and the 2025/26 budget forecast",
            [
                "The SBM presented the month 6 report. A small in-year deficit is forecast because of the support staff pay award.",
                "Q: Is the deficit covered by reserves?",
                "A: Yes; reserves would stay above the trust\u2019s 5% minimum.",
            ],
        ),
        (
            "Curriculum: phonics and early reading",
            [
                "The English lead\u2019s report was received. Phonics screening check results are expected to be in line with national."
            ],
        ),
        (
            "Safeguarding",
            [
                "The designated safeguarding lead\u2019s termly report was noted. There were no matters requiring governors\u2019 attention."
            ],
        ),
        (
            "Policies for approval",
            ["The behaviour policy and the relationships and sex education policy were approved."],
        ),
        (
            "Governor training and visits",
            [
                "RC reported on his visit to Year 2. Governors were reminded that the safeguarding module must be completed by the end of the month."
            ],
        ),
        ("Any other business", ["None."]),
        ("Date of next meeting", ["Wednesday 21 May 2025 at 6.00pm."]),
    ]
    actions = [
        ("4", "Circulate the attendance figures by year group", "HT", "30 April 2025"),
        ("5", "Add the pupil premium impact review to the summer term agenda", "Clerk", "Next meeting"),
        ("7", "Visit to observe phonics teaching in Reception and report to governors", "RC", "16 May 2025"),
        ("10", "Complete the annual safeguarding training module", "All governors", "31 March 2025"),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.3)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10.5)
    title = document.add_paragraph()
    run = title.add_run("Skelbrook Primary School")
    run.bold, run.font.size = True, Pt(15)
    document.add_paragraph("A member of the Fellmoor Learning Trust")
    heading = document.add_paragraph()
    heading.add_run(
        "Minutes of the meeting of the Local Governing Body held on Wednesday 19 March 2025 at 6.00pm in the school library"
    ).bold = True
    document.add_paragraph("Governors present:").runs[0].bold = True
    _docx_table(document, [["Name", "Category"]] + [[n, r] for n, r, _ in present], [6.5, 8.0])
    document.add_paragraph()
    intro = document.add_paragraph()
    intro.add_run("In attendance: ").bold = True
    intro.add_run("; ".join(f"{n} ({r})" for n, r in attending))
    absent = document.add_paragraph()
    absent.add_run("Apologies (consent given): ").bold = True
    absent.add_run("; ".join(f"{n} ({r})" for n, r in apologies))
    for title_text, paragraphs in minutes:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(title_text).bold = True
        paragraph.paragraph_format.space_before = Pt(8)
        for text in paragraphs:
            body = document.add_paragraph()
            body.paragraph_format.left_indent = Cm(0.63)
            run = body.add_run(text)
            run.italic = text.startswith(("Q:", "A:"))
    document.add_paragraph("The meeting closed at 7.52pm.")
    document.add_paragraph().add_run("Actions").bold = True
    _docx_table(
        document,
        [["Item", "Action", "Who", "By when"]] + [list(a[:2]) + list(a[2:]) for a in actions],
        [1.3, 8.2, 2.6, 3.0],
    )
    document.add_paragraph()
    document.add_paragraph().add_run("Decisions made").bold = True
    for decision in (
        "The minutes of 22 January 2025 were approved.",
        "The behaviour policy was approved.",
        "The relationships and sex education policy was approved.",
    ):
        document.add_paragraph(decision, style="List Number 2")
    document.add_paragraph()
    document.add_paragraph(
        "Signed: ............................................ (Chair)        Date: .........................."
    )
    stem = "skelbrook-governors-2025-03-19-minutes"
    buffer = io.BytesIO()
    document.core_properties.author = "Clerk to Governors"
    document.save(buffer)
    source = keep_source(out, f"{stem}.docx", buffer.getvalue())
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", r, i, **({"chair": "yes"} if "(Chair)" in r else {})) for n, r, i in present]
    people += [person(n, "in_attendance", r) for n, r in attending]
    people += [person(n, "apologies", r) for n, r in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Skelbrook Primary School local governing body minutes 19 Mar 2025 (Word .docx printed by LibreOffice: "
            "a Name | Category table of governors present, 'In attendance:' and 'Apologies (consent given):' lines "
            "with roles in brackets, minute headings as a Word numbered list 1.-12. whose numbers are list labels, "
            "italic Q:/A: challenge paragraphs, an Item | Action | Who | By when table at the end, then a numbered "
            "list of decisions that are not minutes)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Skelbrook Primary School",
            "meeting_title": "Local Governing Body",
            "date": "2025-03-19",
            "time_of_meeting": "18:00",
            "venue": "the school library",
            "items": [Item(str(n), t).expected() for n, (t, _) in enumerate(minutes, 1)],
            "people": people,
            "actions": [action(n, who, text, due=due) for n, text, who, due in actions],
        },
    )


DOCUMENTS.append(skelbrook_governors_minutes)


# --- Company board minutes in the model-articles style ------------------------------------------------------------


def tarrowby_castings_board_minutes(out: Out = CORPUS_OUT) -> None:
    """Private company board minutes in Word: Present / In attendance / Apologies blocks on tab stops, headings in
    capitals numbered 1.-10., paragraphs numbered 1.1, 4.3..., "IT WAS RESOLVED that" and "IT WAS RESOLVED THAT:"
    with lettered clauses (a)-(c), a person joining and leaving for one item, "ACTION:" lines."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    present = [
        ("Desmond Ashburnham", "Chair", "DA"),
        ("Philippa Ruddle", "Managing Director", "PR"),
        ("Venkat Srinivasaraghavan", "Finance Director", "VS"),
        ("Carys Ellingham", "Operations Director", "CE"),
        ("Ingrid Bjornstad", "Non-executive Director", "IB"),
    ]
    attending = [
        ("Hugo Fanshawe-Clarke", "Company Secretary", "HFC"),
        ("Nadia El-Amrani", "Partner, Bellweather Audit LLP (item 4 only)", ""),
    ]
    apologies = [("Stanislav Korovin", "Non-executive Director")]
    # (heading, paragraphs; a paragraph starting "ACTION:" is an action line, a list is (a)-(c) clauses)
    minutes: list[tuple[str, list[Any]]] = [
        (
            "CHAIR AND QUORUM",
            [
                "Desmond Ashburnham took the chair.",
                "The chair reported that notice of the meeting had been given to all the directors and that a quorum was present.",
            ],
        ),
        (
            "DECLARATIONS OF INTEREST",
            [
                "In accordance with section 177 of the Companies Act 2006 and article 14 of the Company\u2019s articles of association, Carys Ellingham declared an interest in the matter at item 6 as a director and shareholder of Ellingham Pattern Makers Limited. It was noted that she would not be counted in the quorum or vote on that item."
            ],
        ),
        (
            "MINUTES OF THE PREVIOUS MEETING",
            ["The minutes of the meeting held on 25 February 2025 were approved and signed by the chair."],
        ),
        (
            "ANNUAL REPORT AND ACCOUNTS FOR THE YEAR ENDED 31 DECEMBER 2024",
            [
                "Nadia El-Amrani joined the meeting.",
                "The auditor reported that the audit was substantially complete and that she expected to issue an unmodified opinion. There were no adjusted or unadjusted misstatements above the reporting threshold.",
                "IT WAS RESOLVED that the annual report and accounts for the year ended 31 December 2024 be approved and that any director be authorised to sign the balance sheet and the directors\u2019 report on behalf of the board.",
                "Nadia El-Amrani left the meeting.",
                "ACTION: Company Secretary to file the accounts with the registrar by 30 September 2025.",
            ],
        ),
        (
            "BANKING FACILITIES",
            [
                "The Finance Director presented the revised terms offered by the Company\u2019s bank for the invoice finance facility, with a limit of \u00a31,500,000 and a term of three years.",
                "After discussion, IT WAS RESOLVED THAT:",
                [
                    "the Company enter into the revised invoice finance facility on the terms presented to the meeting;",
                    "any two directors be authorised to execute the facility letter and any ancillary documents on behalf of the Company; and",
                    "the Company Secretary be instructed to file any charge created in connection with the facility within 21 days of its creation.",
                ],
                "ACTION: VS to return the signed facility letter to the bank by 16 May 2025.",
            ],
        ),
        (
            "SUPPLY AGREEMENT WITH ELLINGHAM PATTERN MAKERS LIMITED",
            [
                "Carys Ellingham, having declared an interest, took no part in the discussion or the decision.",
                "The Managing Director explained that the proposed two-year agreement was on arm\u2019s length terms and had been benchmarked against two other suppliers.",
                "IT WAS RESOLVED that the supply agreement be approved and that the Managing Director be authorised to sign it on behalf of the Company.",
            ],
        ),
        (
            "HEALTH AND SAFETY",
            [
                "The Operations Director reported one RIDDOR-reportable injury in the period (a hand injury in the fettling shop) and the actions taken.",
                "ACTION: CE to report the outcome of the guarding review to the next meeting.",
            ],
        ),
        (
            "INTERIM DIVIDEND",
            [
                "Having considered the interim accounts to 31 March 2025 and being satisfied that the Company had sufficient distributable reserves, IT WAS RESOLVED that an interim dividend of \u00a34.50 per ordinary share be paid on 30 May 2025 to shareholders on the register at the close of business on 16 May 2025."
            ],
        ),
        ("ANY OTHER BUSINESS", ["There was no other business."]),
        ("CLOSE", ["There being no further business, the chair declared the meeting closed at 12.15 pm."]),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Serif", Pt(11.5)
    normal.paragraph_format.space_after = Pt(4)
    for text, size in (("TARROWBY PRECISION CASTINGS LIMITED", 13), ("(the \u201cCompany\u201d)", 11)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = size == 13, Pt(size)
    intro = document.add_paragraph()
    intro.alignment = WD_ALIGN_PARAGRAPH.CENTER
    intro.add_run(
        "MINUTES of a meeting of the board of directors of the Company held at Unit 4, Foundry Lane Industrial Estate, "
        "Tarrowby on Tuesday 29 April 2025 at 10.00 am"
    )
    document.add_paragraph()
    for label, people in (
        ("Present:", [(n, r) for n, r, _ in present]),
        ("In attendance:", [(n, r) for n, r, _ in attending]),
        ("Apologies:", apologies),
    ):
        for index, (name, role) in enumerate(people):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(3.5))
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(9.0))
            paragraph.paragraph_format.left_indent, paragraph.paragraph_format.first_line_indent = Cm(9.0), Cm(-9.0)
            head = paragraph.add_run(label if index == 0 else "")
            head.bold = True
            paragraph.add_run(f"\t{name}\t{role}")
        document.add_paragraph().paragraph_format.space_after = Pt(0)
    letters = "abcdefgh"
    for number, (heading, paragraphs) in enumerate(minutes, 1):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(8)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(1.25))
        paragraph.paragraph_format.left_indent, paragraph.paragraph_format.first_line_indent = Cm(1.25), Cm(-1.25)
        paragraph.add_run(f"{number}.\t{heading}").bold = True
        sub = 0
        for text in paragraphs:
            if isinstance(text, list):
                for k, clause in enumerate(text):
                    line = document.add_paragraph()
                    line.paragraph_format.left_indent = Cm(2.5)
                    line.paragraph_format.first_line_indent = Cm(-1.0)
                    line.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
                    line.add_run(f"({letters[k]})\t{clause}")
                continue
            if text.startswith("ACTION:"):
                line = document.add_paragraph()
                line.paragraph_format.left_indent = Cm(1.25)
                owner, rest = (
                    text[len("ACTION: ") :].split(" ", 1)
                    if not text.startswith("ACTION: Company Secretary")
                    else ("Company Secretary", text[len("ACTION: Company Secretary ") :])
                )
                line.add_run(f"ACTION: {owner}").bold = True
                line.add_run(f" {rest}")
                continue
            sub += 1
            line = document.add_paragraph()
            line.paragraph_format.left_indent = Cm(1.25)
            line.paragraph_format.first_line_indent = Cm(-1.25)
            line.paragraph_format.tab_stops.add_tab_stop(Cm(1.25))
            if "IT WAS RESOLVED" in text:
                before, after = text.split("IT WAS RESOLVED", 1)
                line.add_run(f"{number}.{sub}\t{before}")
                line.add_run("IT WAS RESOLVED").bold = True
                line.add_run(after)
            else:
                line.add_run(f"{number}.{sub}\t{text}")
    document.add_paragraph()
    document.add_paragraph("..............................................\nChair")
    stem = "tarrowby-castings-board-2025-04-29-minutes"
    buffer = io.BytesIO()
    document.core_properties.author = "Company Secretary"
    document.save(buffer)
    source = keep_source(out, f"{stem}.docx", buffer.getvalue())
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    actions = []
    for number, (_heading, paragraphs) in enumerate(minutes, 1):
        for text in paragraphs:
            if isinstance(text, str) and text.startswith("ACTION:"):
                rest = text[len("ACTION: ") :]
                owner = "Company Secretary" if rest.startswith("Company Secretary") else rest.split(" ", 1)[0]
                actions.append(action(str(number), owner, rest[len(owner) + 1 :]))
    people = [person(n, "present", r, i, **({"chair": "yes"} if r == "Chair" else {})) for n, r, i in present]
    people += [person(n, "in_attendance", r, i) for n, r, i in attending]
    people += [person(n, "apologies", r) for n, r in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Tarrowby Precision Castings Limited board minutes 29 Apr 2025 (Word .docx printed by LibreOffice, "
            "Liberation Serif: Present / In attendance / Apologies as 'Label<TAB>Name<TAB>Role' lines, headings in "
            "capitals 1.-10., paragraphs numbered 1.1-8.1 that are not items, 'IT WAS RESOLVED that' and 'IT WAS "
            "RESOLVED THAT:' with (a)-(c) clauses, an auditor joining and leaving, 'ACTION: VS' lines)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Tarrowby Precision Castings Limited",
            "meeting_title": "meeting of the board of directors",
            "date": "2025-04-29",
            "time_of_meeting": "10:00",
            "venue": "Unit 4, Foundry Lane Industrial Estate, Tarrowby",
            "items": [Item(str(n), h).expected() for n, (h, _) in enumerate(minutes, 1)],
            "people": people,
            "actions": actions,
        },
    )


DOCUMENTS.append(tarrowby_castings_board_minutes)


# --- A bowls club's minutes: the owners' initials alone in the right margin --------------------------------------


def harnwick_bowls_minutes(out: Out = CORPUS_OUT) -> None:
    """Club committee minutes: "Present:" prose with initials-only names ("Mrs P. Gallant (President)"), "Also
    present" for one item, minute numbers continuing through the year (31.-40.), and actions marked only by the
    owner's initials at the right margin beside the paragraph, with no column heading."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    base = ParagraphStyle("hb", fontName="Helvetica", fontSize=10.5, leading=13.5)
    bold = ParagraphStyle("hbb", parent=base, fontName="Helvetica-Bold")
    centre = ParagraphStyle("hbc", parent=bold, alignment=1, fontSize=13, leading=17)
    present = [("Mrs P. Gallant", "President", "PG"), ("Mr R. Spackman", "Chairman", "RS"), ("Mrs J. Ould", "Secretary", "JO"),
               ("Mr T. Herridge", "Treasurer", "TH"), ("Mrs V. Coombes", "", "VC"), ("Mr D. Loveridge", "", "DL"), ("Mrs A. Pinnock", "", "AP")]  # fmt: skip
    also = [("Mr L. Haskins", "Greenkeeper", "LH")]
    apologies = ["Mr K. Dimmock", "Mrs S. Furzeland"]
    # (number, heading, [(paragraph, owner initials or "")])
    minutes: list[tuple[str, str, list[tuple[str, str]]]] = [
        ("31", "Apologies", [("Apologies were received from Mr K. Dimmock and Mrs S. Furzeland.", "")]),
        (
            "32",
            "Minutes of the meeting held on 9 September 2024",
            [("The minutes were agreed and signed by the Chairman.", "")],
        ),
        (
            "33",
            "Matters arising",
            [
                (
                    "Clubhouse roof: two quotes have now been received and a third has been requested before a decision is made at the November meeting.",
                    "TH",
                ),
                ("The defibrillator pads have been replaced and the expiry date logged.", ""),
            ],
        ),
        (
            "34",
            "Treasurer\u2019s report",
            [
                (
                    "The current account stands at \u00a36,318.40 and the reserve account at \u00a312,950.00. Bar takings for the season were 8% up on 2023.",
                    "",
                ),
                (
                    "Subscriptions for 2025 to be proposed at the AGM: full members \u00a3135, social members \u00a325.",
                    "TH",
                ),
            ],
        ),
        (
            "35",
            "Green and grounds",
            [
                (
                    "Mr Haskins reported that the autumn renovation will start on 21 October: scarifying, hollow-tining, top dressing and overseeding. The green will be closed until the end of March.",
                    "",
                ),
                (
                    "The ditch boards on the north side need replacing before the new season. Mr Haskins to obtain prices.",
                    "LH",
                ),
            ],
        ),
        (
            "36",
            "Fixtures and competitions 2025",
            [
                (
                    "The county league fixtures will be published in January. The club will again enter two teams in the midweek triples league.",
                    "",
                ),
                ("Entry forms for the club competitions to go up on the notice board by 1 March.", "DL"),
            ],
        ),
        (
            "37",
            "Membership",
            [
                (
                    "Membership stands at 84 playing and 23 social members. Four new members joined through the open day.",
                    "",
                ),
                ("Letters to be sent to the six members whose subscriptions are unpaid.", "JO"),
            ],
        ),
        (
            "38",
            "Social events",
            [
                ("Christmas dinner on Friday 13 December at the clubhouse, tickets \u00a328.", "VC"),
                ("Quiz night on 22 November raised \u00a3412 for club funds.", ""),
            ],
        ),
        (
            "39",
            "Any other business",
            [
                (
                    "Mrs Pinnock asked that the club look at a ramp for the side entrance to the clubhouse. Agreed to get advice.",
                    "AP",
                )
            ],
        ),
        ("40", "Date of next meeting", [("Monday 11 November 2024 at 7.00pm in the clubhouse.", "")]),
    ]

    def names(people: list[tuple[str, str, str]]) -> str:
        return ", ".join(f"{n}{f' ({r})' if r else ''}" for n, r, _ in people)

    story: list[Any] = [
        Paragraph("HARNWICK BOWLS CLUB", centre),
        Paragraph(
            "Minutes of the Management Committee meeting held in the clubhouse on Monday 14 October 2024 at 7.00pm",
            ParagraphStyle("hbi", parent=base, alignment=1),
        ),
        Spacer(1, 6 * mm),
        Paragraph(f"<b>Present:</b> {names(present)}.", base),
        Spacer(1, 2 * mm),
        Paragraph(f"<b>Also present:</b> {names(also)} for minute 35.", base),
        Spacer(1, 4 * mm),
    ]
    rows: list[list[Any]] = []
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for number, heading, paragraphs in minutes:
        rows.append([Paragraph(f"<b>{number}.</b>", base), Paragraph(f"<b>{escape(heading)}</b>", bold), ""])
        for text, owner in paragraphs:
            rows.append(
                [
                    "",
                    Paragraph(escape(text), base),
                    Paragraph(f"<b>{owner}</b>", ParagraphStyle("r", parent=base, alignment=2)) if owner else "",
                ]
            )
    table = Table(rows, colWidths=[12 * mm, 140 * mm, 18 * mm])
    table.setStyle(TableStyle(style))
    story += [
        table,
        Spacer(1, 10 * mm),
        Paragraph("Signed ...................................... Chairman          Date ....................", base),
    ]
    stem = "harnwick-bowls-committee-2024-10-14-minutes"
    SimpleDocTemplate(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1, leftMargin=20 * mm, rightMargin=20 * mm,
                      title="Committee minutes October 2024", author="Hon. Secretary").build(story)  # fmt: skip
    people = [person(n, "present", r, i, **({"chair": "yes"} if r == "Chairman" else {})) for n, r, i in present]
    people += [person(n, "in_attendance", r, i) for n, r, i in also]
    people += [person(n, "apologies") for n in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Harnwick Bowls Club management committee minutes 14 Oct 2024 (ReportLab, Helvetica: 'Present:' "
            "prose of 'Mrs P. Gallant (President)' names, 'Also present' for one minute, minute numbers continuing "
            "through the year 31.-40., and actions marked only by the owner's initials at the right margin beside "
            "the paragraph, with no column heading)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "ReportLab",
            "body": "Harnwick Bowls Club",
            "meeting_title": "Management Committee meeting",
            "date": "2024-10-14",
            "time_of_meeting": "19:00",
            "venue": "the clubhouse",
            "items": [Item(n, h).expected() for n, h, _ in minutes],
            "people": people,
            "actions": [action(n, owner, text) for n, _, paragraphs in minutes for text, owner in paragraphs if owner],
        },
    )


DOCUMENTS.append(harnwick_bowls_minutes)


# --- A cricket club's minutes sent as a plain-text e-mail ---------------------------------------------------------


def fellstrand_cricket_minutes_text(out: Out = CORPUS_OUT) -> None:
    """Plain-text minutes as a club secretary e-mails them: underlined title, "Present:" and "Apologies:" as
    comma lists with first names and surnames, numbered minutes with indented text wrapped at 72 columns,
    "ACTION: Name" lines, and a sign-off with a list of upcoming fixtures."""
    import textwrap

    present = [("Duncan Oughtred", "Chair", "DO"), ("Sally Ackroyd", "Secretary", "SA"), ("Ravi Bhattacharjee", "Treasurer", "RB"),
               ("Tom Illingworth", "1st XI captain", "TI"), ("Megan Sowerby", "Juniors", "MS"), ("Craig Fenwick-Holt", "", "CFH"), ("Jas Grewal", "", "JG")]  # fmt: skip
    apologies = [("Phil Ormondroyd", ""), ("Karen Lumb", "Welfare Officer")]
    minutes: list[tuple[str, str, str, list[tuple[str, str]]]] = [
        ("1", "Minutes of last meeting (3 February)", "Agreed as a true record.", []),
        ("2", "Matters arising", "Sightscreen repair done. Roller service booked for 17 March.", []),
        (
            "3",
            "Treasurer's report",
            "Balance GBP 8,245. Subs coming in slowly - 41 of 96 paid. Sponsorship from the garage renewed for two more seasons at the same rate.",
            [("Ravi", "chase unpaid subs with a reminder e-mail after Easter.")],
        ),
        (
            "4",
            "Ground and nets",
            "The nets need new netting before April. Two quotes received, the cheaper one (GBP 1,180) agreed. Working party Saturday 29 March from 10am.",
            [
                ("Craig", "order the netting this week."),
                ("Sally", "put the working party on the WhatsApp group and the website."),
            ],
        ),
        (
            "5",
            "Juniors",
            "Winter training has had 34 children. All coaches' DBS checks are in date. Under-11s will enter the county league this year.",
            [("Megan", "register the U11 team by 15 March.")],
        ),
        (
            "6",
            "Selection and fixtures",
            "1st XI and 2nd XI fixtures confirmed. Sunday friendlies to be arranged by the captains.",
            [],
        ),
        (
            "7",
            "AOB",
            "Tea rota for the season needs volunteers. Bar licence renewal is due in May.",
            [("Duncan", "renew the premises licence.")],
        ),
        ("8", "Next meeting", "Monday 7 April, 7.30pm, pavilion.", []),
    ]

    def wrap(text: str, indent: str) -> list[str]:
        return textwrap.wrap(text, 72, initial_indent=indent, subsequent_indent=indent)

    lines = [
        "Hi all,",
        "",
        "Minutes from Monday below - shout if anything is wrong before I put them on the website.",
        "",
        "Sally",
        "",
        "FELLSTRAND CRICKET CLUB",
        "Committee meeting, Monday 3 March 2025, 7.30pm, the Pavilion",
        "=" * 61,
        "",
    ]
    lines += wrap("Present: " + ", ".join(f"{n}{f' ({r})' if r else ''}" for n, r, _ in present), "")
    lines += wrap("Apologies: " + ", ".join(f"{n}{f' ({r})' if r else ''}" for n, r in apologies), "")
    lines.append("")
    for number, heading, text, actions in minutes:
        lines.append(f"{number}. {heading}")
        lines += wrap(text, "   ")
        for owner, what in actions:
            lines += wrap(f"ACTION: {owner} to {what}", "   ")
        lines.append("")
    lines += [
        "Meeting closed 9.05pm.",
        "",
        "Dates for your diary:",
        "1. Sat 29 March - nets working party, 10am",
        "2. Sat 19 April - first league match (1st XI at home)",
        "3. Sun 11 May - junior taster day",
        "",
        "--",
        "Sally Ackroyd",
        "Hon. Secretary, Fellstrand CC",
        "",
    ]
    stem = "fellstrand-cricket-committee-2025-03-03-minutes"
    out.text.mkdir(parents=True, exist_ok=True)
    (out.text / f"{stem}.txt").write_text("\n".join(lines), encoding="utf-8")
    first = {n.split()[0]: (n, i) for n, _, i in present}
    write_expected(
        out,
        stem,
        {
            "name": "Fellstrand Cricket Club committee minutes 3 Mar 2025, a plain-text e-mail (a greeting and the "
            "secretary's name before the title, '=' underline, Present:/Apologies: comma lists wrapped at 72 "
            "columns, minutes 1.-8. with indented text, 'ACTION: Ravi to ...' lines naming people by first name, "
            "then a numbered 'Dates for your diary' list that is not minutes)",
            "file": f"{stem}.txt",
            "kind": "minutes",
            "producer": "plain-text e-mail",
            "body": "Fellstrand Cricket Club",
            "meeting_title": "Committee meeting",
            "date": "2025-03-03",
            "time_of_meeting": "19:30",
            "venue": "the Pavilion",
            "items": [Item(n, h).expected() for n, h, _, _ in minutes],
            "people": [person(n, "present", r, i, **({"chair": "yes"} if r == "Chair" else {})) for n, r, i in present]
            + [person(n, "apologies", r) for n, r in apologies],
            "actions": [
                action(n, owner, f"to {what}", owner_name=first[owner][0], owner_initials=first[owner][1])
                for n, _, _, acts in minutes
                for owner, what in acts
            ],
        },
    )


DOCUMENTS.append(fellstrand_cricket_minutes_text)
