# ruff: noqa: E501
"""Fourth round, community bodies: village hall minutes written as prose with run-in headings and no numbers, a
community land trust's board meeting as a slide deck (python-pptx, printed by LibreOffice Impress) whose agenda
is a table on the second slide, a Methodist church council agenda typeset with Typst and opened by devotions
with a Bible reading, and an academy trust agenda printed from a browser with sections for decision /
discussion / information whose numbering carries on across them and leads given as initials with a key."""

from __future__ import annotations

import json
from typing import Any

from kit import (
    CORPUS_OUT,
    Item,
    Out,
    action,
    chromium_pdf,
    keep_source,
    person,
    typst_pdf,
    write_expected,
)
from round4_util import e, run_with, save_docx, soffice_any, uk_date

OUT = CORPUS_OUT


# --- Village hall committee minutes: prose, run-in headings, no numbers -----------------------------------------


def little_ottersby_village_hall_minutes(out: Out = OUT) -> None:
    """Minutes as a secretary types them in Word: a centred underlined heading, 'Those present were ...' and
    'Apologies were received from ...' sentences, 'The meeting opened at 7.05pm', then justified paragraphs each
    opening with a bold run-in heading ('Finance.'), actions as '(Action: Derek)' after a sentence or as 'Pauline
    agreed to ...' with no marker, and the next meeting in the closing sentence."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    iso = "2025-03-11"
    present = [("Margaret Fennimore", "Chair"), ("Derek Oyelaran", "Treasurer"), ("Pauline Hetherington-Cole", "Secretary"),
               ("Stan Whitlock-Bray", ""), ("Joy Amankwah", ""), ("Graham Tolputt", "")]  # fmt: skip
    also = ("Sue Pilbeam", "the bookings secretary")
    apologies = ["Alan Trewhitt", "Fatima Rashidi-Knowles"]
    # (heading, paragraph, actions [(owner as printed, the action's words as printed in the paragraph)])
    paragraphs: list[tuple[str, str, list[tuple[str, str]]]] = [
        ("Minutes", "The minutes of the meeting held on 14 January were read, agreed and signed by the Chair.", []),
        (
            "Matters arising",
            "Stan reported that the new guttering on the north side had been fitted and paid for. The noticeboard is still waiting for its glass; Graham will chase the joiner again. (Action: Graham)",
            [("Graham", "Graham will chase the joiner again")],
        ),
        (
            "Finance",
            "Derek reported a balance of \u00a38,412 in the current account and \u00a315,030 on deposit. Income from hire since January was \u00a31,265. The committee agreed that Derek should ask the bank about moving the deposit to a better rate. (Action: Derek)",
            [("Derek", "Derek should ask the bank about moving the deposit to a better rate")],
        ),
        (
            "Bookings",
            "Sue said that bookings were up on last year, with a new Pilates class on Thursday mornings and two children\u2019s parties most weekends. She asked whether the hall could take card payments; the committee agreed to try a card reader for six months.",
            [],
        ),
        (
            "The boiler",
            "The boiler failed twice in February. Two quotations for a replacement have been received (\u00a33,950 and \u00a34,480). It was agreed to accept the lower quotation, subject to the installer confirming a start date before Easter. Derek and Margaret will sign the order. (Action: Derek, Margaret)",
            [("Derek, Margaret", "Derek and Margaret will sign the order")],
        ),
        (
            "Fire safety",
            "The annual extinguisher check was done on 3 March. Joy pointed out that the fire exit sign in the kitchen is not lit. Pauline agreed to write to the insurers to ask whether the new marquee is covered when it is used off the premises.",
            [
                (
                    "Pauline",
                    "Pauline agreed to write to the insurers to ask whether the new marquee is covered when it is used off the premises",
                )
            ],
        ),
        (
            "Summer fete",
            "The fete will be on Saturday 14 June. Joy will coordinate the stalls and Graham the car parking. A planning meeting will be held in the hall on 1 April at 7pm.",
            [],
        ),
        ("Any other business", "Margaret thanked Stan for repainting the porch. There was no other business.", []),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Serif", Pt(12)
    normal.paragraph_format.space_after = Pt(8)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run("LITTLE OTTERSBY VILLAGE HALL MANAGEMENT COMMITTEE")
    run.bold, run.underline = True, True
    sub = document.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.add_run(f"Minutes of the meeting held in the Small Room on {uk_date(iso)}")
    names = [f"{n} ({r})" if r else n for n, r in present]
    opening = document.add_paragraph(
        "Those present were " + ", ".join(names[:-1]) + f" and {names[-1]}. {also[0]}, {also[1]}, also attended. "
        f"Apologies were received from {apologies[0]} and {apologies[1]}. The meeting opened at 7.05pm."
    )
    opening.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    expected_actions = []
    for head, text, actions in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(f"{head}. ").bold = True
        paragraph.add_run(text)
        assert all(atext in text for _o, atext in actions), head
        expected_actions += [action("", owner, atext, minute=head) for owner, atext in actions]
    closing = document.add_paragraph(
        "The meeting closed at 8.50pm. The next meeting will be held on "
        + uk_date("2025-05-13")
        + " at 7pm in the Small Room."
    )
    closing.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    sign = document.add_paragraph(
        "\nSigned ..................................................   Date ........................"
    )
    sign.paragraph_format.space_before = Pt(20)
    stem = "little-ottersby-village-hall-2025-03-11-minutes"
    document.core_properties.author = "Pauline"
    save_docx(out, stem, document)
    people = [person(n, "present", r, **({"chair": "yes"} if r == "Chair" else {})) for n, r in present]
    people.append(person(also[0], "in_attendance", "Bookings secretary"))
    people += [person(n, "apologies") for n in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Little Ottersby Village Hall management committee minutes 11 Mar 2025 (Word .docx printed by LibreOffice, "
            "Liberation Serif 12pt: a centred bold underlined heading, attendance in PROSE ('Those present were A (Chair), B "
            "(Treasurer) ... and F. S, the bookings secretary, also attended. Apologies were received from X and Y. The "
            "meeting opened at 7.05pm.'), then justified paragraphs each opening with a bold RUN-IN heading and no number "
            "('Finance. Derek reported ...'); actions as '(Action: Derek)' after a sentence, one with two owners, and one "
            "unmarked ('Pauline agreed to write to the insurers ...'); the next meeting in the closing sentence)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Little Ottersby Village Hall Management Committee",
            "meeting_title": "Meeting of the Management Committee",
            "date": iso,
            "time_of_meeting": "19:05",
            "venue": "the Small Room",
            "items": [Item("", head).expected() for head, _t, _a in paragraphs],
            "people": people,
            "actions": expected_actions,
        },
    )


DOCUMENTS: list[Any] = [little_ottersby_village_hall_minutes]


# --- A community land trust board meeting as a slide deck (python-pptx, printed by Impress) ----------------------

PPTX_SCRIPT = r"""
import json, sys
from pptx import Presentation
from pptx.util import Inches, Pt
from pptx.dml.color import RGBColor

data = json.loads(sys.argv[1])
green = RGBColor(0x2E, 0x6B, 0x3F)
prs = Presentation()

def footer(slide, number):
    box = slide.shapes.add_textbox(Inches(0.4), Inches(7.0), Inches(7), Inches(0.3))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = data["footer"]
    run.font.size = Pt(11)
    run.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
    box = slide.shapes.add_textbox(Inches(9.1), Inches(7.0), Inches(0.6), Inches(0.3))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = str(number)
    run.font.size = Pt(11)

def title(slide, text):
    slide.shapes.title.text = text
    for p in slide.shapes.title.text_frame.paragraphs:
        for r in p.runs:
            r.font.color.rgb = green
            r.font.bold = True
            r.font.size = Pt(32)

# 1: title slide
slide = prs.slides.add_slide(prs.slide_layouts[0])
slide.shapes.title.text = data["body"]
slide.placeholders[1].text = data["subtitle"]
for p in slide.placeholders[1].text_frame.paragraphs:
    for r in p.runs:
        r.font.size = Pt(20)
footer(slide, 1)
# 2-3: the agenda as a table, split over two slides
for part, rows in enumerate(data["agenda_slides"]):
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    title(slide, "Agenda" + (" (continued)" if part else ""))
    shape = slide.shapes.add_table(len(rows) + 1, 4, Inches(0.5), Inches(1.7), Inches(9.0), Inches(0.5) * (len(rows) + 1))
    table = shape.table
    for col, width in enumerate((0.45, 5.25, 2.2, 1.1)):
        table.columns[col].width = Inches(width)
    for col, text in enumerate(("#", "Item", "Lead", "Time")):
        table.cell(0, col).text = text
    for r, row in enumerate(rows, 1):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    for r in range(len(rows) + 1):
        for col in range(4):
            for p in table.cell(r, col).text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(16)
    footer(slide, part + 2)
# item slides
for n, (heading, bullets) in enumerate(data["item_slides"], 2 + len(data["agenda_slides"])):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    title(slide, heading)
    frame = slide.placeholders[1].text_frame
    for i, (level, text) in enumerate(bullets):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.text = text
        p.level = level
        for run in p.runs:
            run.font.size = Pt(22 if level == 0 else 18)
    footer(slide, n)
prs.core_properties.author = data["author"]
prs.core_properties.title = data["footer"]
prs.save(sys.argv[2])
"""


def ferncastle_clt_slides(out: Out = OUT) -> None:
    """A board meeting run from slides: a title slide with the meeting, the agenda as a PowerPoint table (# | Item
    | Lead | Time) split over two slides ('Agenda', 'Agenda (continued)'), then one slide per item titled like
    '3. Orchard Row homes: build progress' with bullets, numbered points and a slide whose title is a question,
    a footer and slide numbers on every slide. Made with python-pptx (PPTX_PYTHON), printed by LibreOffice Impress."""
    iso = "2025-10-02"
    agenda = [
        ("1", "Welcome, apologies and declarations of interest", "Chair", "6.30pm"),
        ("2", "Minutes of " + uk_date("2025-09-04", False) + " and action log", "Nadia Ellwood-Pryce", "6.35pm"),
        ("3", "Orchard Row homes: build progress and handover plan", "Delyth Marchbanks", "6.45pm"),
        ("4", "Allocations policy for the eight affordable homes", "Ravi Stenhouse-Patel", "7.05pm"),
        ("5", "Finance update and second loan drawdown", "Treasurer", "7.25pm"),
        ("6", "Membership drive and date of the 2026 AGM", "Chloe Atherley", "7.40pm"),
        ("7", "Community orchard: lease from the parish council", "Chair", "7.50pm"),
        ("8", "Any other business", "All", "8.00pm"),
        ("9", "Close and date of next meeting", "Chair", "8.05pm"),
    ]
    item_slides = [
        (
            "2. Minutes and actions",
            [(0, "Minutes of 4 September for approval"), (0, "Actions: 5 complete, 2 carried forward")],
        ),
        (
            "3. Orchard Row homes: build progress",
            [
                (0, "Roofs on at all eight homes"),
                (0, "Next steps:"),
                (1, "1. Scaffold down by 24 October"),
                (1, "2. Snagging from 10 November"),
                (1, "3. Handover target: January 2026"),
            ],
        ),
        (
            "4. Allocations policy",
            [
                (0, "Draft policy circulated with the papers"),
                (0, "Priority order proposed:"),
                (1, "1. Local connection (5 years)"),
                (1, "2. Housing need"),
                (1, "3. Key workers in the parish"),
                (0, "Decision needed tonight"),
            ],
        ),
        (
            "5. Finance",
            [
                (0, "Spend to date \u00a31.42m of \u00a31.96m budget"),
                (0, "Second drawdown of \u00a3400k requested for November"),
                (0, "Contingency remaining: \u00a358k"),
            ],
        ),
        (
            "6. Membership",
            [
                (0, "212 members (up 31 since March)"),
                (0, "Stall at the Christmas market"),
                (0, "AGM proposed for Saturday 21 March 2026"),
            ],
        ),
        ("Any other business?", [(0, "Next meeting: " + uk_date("2025-11-06") + ", 6.30pm, Ferncastle Library")]),
    ]
    stem = "ferncastle-clt-board-2025-10-02-slides"
    data = {
        "body": "Ferncastle Community Land Trust",
        "subtitle": f"Board meeting\n{uk_date(iso)} \u00b7 6.30pm\nFerncastle Library, Meeting Room 1",
        "footer": "Ferncastle CLT \u00b7 Board \u00b7 2 October 2025",
        "author": "Nadia Ellwood-Pryce",
        "agenda_slides": [[list(r) for r in agenda[:5]], [list(r) for r in agenda[5:]]],
        "item_slides": item_slides,
    }
    source = out.source / "pptx" / f"{stem}.pptx"
    source.parent.mkdir(parents=True, exist_ok=True)
    if not run_with("PPTX_PYTHON", PPTX_SCRIPT, json.dumps(data), str(source)):
        print(f"  (no PPTX_PYTHON: {source.name} kept as it is; set it to a python with `pip install python-pptx`)")
    soffice_any(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Ferncastle Community Land Trust board meeting slides 2 Oct 2025 (python-pptx deck printed by LibreOffice "
            "Impress, 4:3 pages: a title slide carrying the body, meeting, date, time and place; the AGENDA as a PowerPoint "
            "table # | Item | Lead | Time split over slides 2 and 3 ('Agenda (continued)'), times as '6.30pm'; then slides "
            "titled '2. Minutes and actions', '3. Orchard Row homes: build progress' (shorter than the agenda's titles) with "
            "bullets and numbered points 1.-3. that are not items; a footer and a slide number on every slide)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "python-pptx, printed by LibreOffice Impress",
            "body": "Ferncastle Community Land Trust",
            "meeting_title": "Board meeting",
            "date": iso,
            "time_of_meeting": "18:30",
            "venue": "Ferncastle Library, Meeting Room 1",
            "items": [Item(n, t, time=time, lead=lead).expected() for n, t, lead, time in agenda],
        },
    )


DOCUMENTS.append(ferncastle_clt_slides)


# --- A Methodist church council agenda (Typst) ------------------------------------------------------------------


def hexley_green_church_council(out: Out = OUT) -> None:
    """Church council agenda typeset with Typst: unnumbered 'Devotions' (a Bible reading with its reference and
    reader) before item 1 and an unnumbered closing prayer, items in a three-column grid number | title | 'led by'
    in small capitals flush right, sub-items 6.1-6.3 and 9.1-9.2, a boxed note on property business, and the
    circuit plan's next dates as a bulleted list (not items)."""
    iso = "2025-09-30"
    rows: list[tuple[str, str, str]] = [
        ("", "Devotions \u2013 reading: Micah 6:6\u20138, and prayer", "Deacon Ruth Abernethy-Cole"),
        ("1", "Apologies for absence", "Secretary"),
        ("2", "Minutes of the Church Council held on " + uk_date("2025-06-17") + ", and matters arising", "Secretary"),
        ("3", "Pastoral report and membership roll", "Revd Jonah Whitacre-Mensah"),
        ("4", "Safeguarding: annual return and the church safeguarding officer\u2019s report", "Bronwyn Lathbury"),
        ("5", "Finance", "Treasurer"),
        ("6", "Property", ""),
        ("6.1", "Quinquennial inspection: report and priorities", "Property Steward"),
        ("6.2", "Consent to replace the hall windows (Consents process)", "Property Steward"),
        ("6.3", "Lettings: the food club\u2019s request for a second weekday", "Lettings Secretary"),
        ("7", "Worship: Advent and Christmas services 2025", "Revd Jonah Whitacre-Mensah"),
        ("8", "Mission: partnership with Hexley Green Primary School", "Worship and Mission Steward"),
        ("9", "Reports", ""),
        ("9.1", "Circuit Meeting, " + uk_date("2025-09-16", False), "Circuit Steward"),
        ("9.2", "Eco Church: silver award application", "Gideon Amadi-Farrow"),
        ("10", "Appointments: church stewards and pastoral visitors for 2025/26", "Revd Jonah Whitacre-Mensah"),
        ("11", "Any other business (notified to the Secretary beforehand)", "Chair"),
        ("12", "Date of next meeting", "Secretary"),
        ("", "Closing prayer and the Grace", "Revd Jonah Whitacre-Mensah"),
    ]

    def esc(text: str) -> str:
        for a, b in (
            ("\\", "\\\\"),
            ("#", "\\#"),
            ("*", "\\*"),
            ("_", "\\_"),
            ("@", "\\@"),
            ("$", "\\$"),
            ("<", "\\<"),
            ("[", "\\["),
            ("]", "\\]"),
        ):
            text = text.replace(a, b)
        return text

    cells = []
    for number, title, led in rows:
        sub = "." in number
        weight = '"regular"' if sub or not number else '"bold"'
        style = '"italic"' if not number else '"normal"'
        cells.append(
            f"[{'' if sub else esc(number)}], [{esc(number) if sub else ''}], "
            f"[#text(weight: {weight}, style: {style})[{esc(title)}]], [#text(size: 9pt)[#smallcaps[{esc(led)}]]],"
        )
    doc = f"""#set page(paper: "a4", margin: (x: 2.3cm, y: 2.0cm), footer: context [#set text(size: 8pt, fill: gray); Hexley Green Methodist Church #h(1fr) Church Council agenda #h(1fr) #counter(page).display()])
#set text(font: "Liberation Serif", size: 11pt, lang: "en")
#align(center)[
  #text(size: 17pt, weight: "bold")[Hexley Green Methodist Church] \\
  #v(3pt) #text(size: 13pt)[Church Council] \\
  #v(3pt) {esc(uk_date(iso))} at 7.30pm in the Wesley Room
]
#v(6pt)
#text(size: 10pt)[Chair: Revd Jonah Whitacre-Mensah #h(1fr) Secretary: Ifeoma Drinkwater]
#line(length: 100%, stroke: 0.6pt)
#align(center)[#text(weight: "bold", tracking: 1pt)[AGENDA]]
#v(4pt)
#grid(columns: (1.1cm, 1.1cm, 1fr, 5.2cm), row-gutter: 8pt, column-gutter: 4pt, align: (left, left, left, right),
{chr(10).join(cells)}
)
#v(10pt)
#block(stroke: 0.5pt, inset: 8pt, radius: 3pt)[#text(size: 9.5pt)[Property business under items 6.1 and 6.2 needs the Council's resolution before the application goes to the Circuit Meeting. Plans are in the vestry.]]
#v(8pt)
#text(size: 10pt)[*Dates from the circuit plan*
- Circuit Meeting: {esc(uk_date("2025-12-02"))}, 7.30pm
- Church Council: {esc(uk_date("2026-01-27"))}, 7.30pm
- Annual Church Meeting: {esc(uk_date("2026-03-15"))}, after morning worship]
"""
    stem = "hexley-green-methodist-church-council-2025-09-30-agenda"
    source = keep_source(out, f"{stem}.typ", doc)
    typst_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Hexley Green Methodist Church council agenda 30 Sep 2025 (Typst, Liberation Serif: a Typst grid of four "
            "columns, top-level number | sub-number | title | leader in SMALL CAPITALS flush right; unnumbered italic "
            "'Devotions – reading: Micah 6:6–8, and prayer' before item 1 and 'Closing prayer and the Grace' after item 12, "
            "each with a leader; sub-items 6.1-6.3 and 9.1-9.2 in their own column; headings 6 and 9 without a leader; a "
            "boxed note and a bulleted list of dates from the circuit plan (not items); footer with the page number)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Typst",
            "body": "Hexley Green Methodist Church",
            "meeting_title": "Church Council",
            "date": iso,
            "time_of_meeting": "19:30",
            "venue": "the Wesley Room",
            "items": [Item(n, t, lead=led).expected() for n, t, led in rows],
        },
    )


DOCUMENTS.append(hexley_green_church_council)


# --- An academy trust board agenda from a browser: decision / discussion / information sections --------------------


def tarnbeck_learning_trust_board(out: Out = OUT) -> None:
    """Multi-academy trust board agenda (Chromium, a Google-Docs-like page): a table No. | Item | Lead | Time |
    Paper whose rows are grouped under full-width section rows 'A. Procedural', 'B. Items for decision', 'C. Items
    for discussion', 'D. Items for information', 'E. Confidential' with the item numbers carrying on 1-15 across
    the sections, leads printed as initials (JMcK, SA) explained in a key below the table, papers TB1-TB13."""
    iso = "2025-12-09"
    key = {
        "JMcK": "Jean McKinlay-Ross, Chair of Trustees",
        "SA": "Dr Samir Adebayo-Clarke, Chief Executive Officer",
        "PD": "Philippa Dunwoody, Chief Financial Officer",
        "COD": "Ciaran O\u2019Donoghue-Watts, Governance Professional",
        "RT": "Rhona Tullis, Chair of the Audit and Risk Committee",
        "LN": "Lakshmi Nandakumar, Safeguarding Trustee",
    }
    sections: list[tuple[str, list[tuple[str, str, str, str, str, int]]]] = [
        (
            "A. Procedural items",
            [
                ("1", "Welcome, apologies and declarations of interest", "JMcK", "17:00", "", 1),
                ("2", "Minutes of the meeting held on " + uk_date("2025-10-14"), "JMcK", "17:05", "TB1", 1),
                ("3", "Matters arising and action log", "COD", "17:10", "TB2", 1),
                ("4", "Chair\u2019s update", "JMcK", "17:15", "", 1),
            ],
        ),
        (
            "B. Items for decision",
            [
                ("5", "Annual report and audited financial statements 2024/25", "PD", "17:20", "TB3", 1),
                ("6", "Scheme of delegation 2025/26", "COD", "17:40", "TB4", 1),
                ("7", "Admission arrangements 2027/28: approval to consult", "SA", "17:50", "TB5", 1),
                ("8", "Pay policy and the 2025 teachers\u2019 pay award", "PD", "18:00", "TB6", 1),
            ],
        ),
        (
            "C. Items for discussion",
            [
                ("9", "CEO report: standards, attendance and inclusion", "SA", "18:10", "TB7", 1),
                ("10", "Estates strategy and condition improvement fund bids", "PD", "18:35", "TB8", 1),
                ("11", "Growth: due diligence on Fernlea Primary School joining the trust", "SA", "18:50", "TB9", 1),
            ],
        ),
        (
            "D. Items for information (questions to be sent to the Governance Professional by 5 December)",
            [
                (
                    "12",
                    "Audit and Risk Committee: report of the meeting of " + uk_date("2025-11-18", False),
                    "RT",
                    "19:05",
                    "TB10",
                    1,
                ),
                ("13", "Safeguarding annual report to the board", "LN", "19:10", "TB11", 1),
                ("14", "Trustee training and visits record", "COD", "19:15", "TB12", 1),
            ],
        ),
        (
            "E. Confidential (trustees only)",
            [
                ("15", "CEO performance management: mid-year review", "JMcK", "19:20", "TB13", 2),
            ],
        ),
    ]
    rows_html = []
    for heading, items in sections:
        rows_html.append(f'<tr class="sec"><td colspan="5">{e(heading)}</td></tr>')
        for number, title, lead, time, paper, _part in items:
            rows_html.append(
                f"<tr><td>{number}</td><td>{e(title)}</td><td>{lead}</td><td>{time}</td><td>{paper}</td></tr>"
            )
    key_html = "".join(f"<li><b>{k}</b> \u2013 {e(v)}</li>" for k, v in key.items())
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trust Board agenda 9 December 2025</title><style>
@page {{ size: A4; margin: 18mm 18mm 18mm 18mm }}
body {{ font-family: Arial, 'Liberation Sans', sans-serif; font-size: 10.5pt; color: #202124 }}
h1 {{ font-size: 19pt; font-weight: normal; color: #1a4d8f; margin: 0 0 2px 0 }}
.meta {{ color: #5f6368; margin-bottom: 12px }}
table {{ border-collapse: collapse; width: 100% }}
td, th {{ border: 1px solid #bdbdbd; padding: 4px 6px; vertical-align: top }}
th {{ background: #1a4d8f; color: white; text-align: left; font-weight: bold }}
tr.sec td {{ background: #e8eef7; font-weight: bold; color: #1a4d8f }}
ul {{ margin: 4px 0; padding-left: 18px; font-size: 9.5pt }}
.close {{ margin-top: 8px; font-size: 9.5pt }}
</style></head><body>
<h1>Tarnbeck Learning Trust</h1>
<div class="meta">Board of Trustees &middot; {uk_date(iso)} &middot; 17:00\u201319:30<br>Conference Room, Tarnbeck Academy, Moor Lane, Tarnbeck</div>
<table><tr><th style="width:9mm">No.</th><th>Item</th><th style="width:14mm">Lead</th><th style="width:13mm">Time</th><th style="width:13mm">Paper</th></tr>
{"".join(rows_html)}
</table>
<p class="close">The meeting will close by 19:30.</p>
<p style="margin-bottom:2px"><b>Key to leads</b></p><ul>{key_html}</ul>
</body></html>"""
    stem = "tarnbeck-learning-trust-board-2025-12-09-agenda"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    items = []
    for heading, section_items in sections:
        for number, title, lead, time, paper, part in section_items:
            items.append(Item(number, title, time=time, lead=lead, paper=paper, part=part,
                              extra={"section": heading.split(" (")[0], "lead_named": key[lead].split(",")[0]}).expected())  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Tarnbeck Learning Trust (a multi-academy trust) board agenda 9 Dec 2025 (Chromium, Google-Docs-like: a "
            "table No. | Item | Lead | Time | Paper whose rows are grouped under full-width shaded section rows 'A. "
            "Procedural items', 'B. Items for decision', 'C. Items for discussion', 'D. Items for information (...)', 'E. "
            "Confidential' - the section letters are not items and the numbers run on 1-15 across them; leads printed as "
            "INITIALS (JMcK, SA, COD) with a 'Key to leads' list below the table (the presenter is the initials as "
            "printed); item 15 confidential)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Chromium (Skia/PDF)",
            "body": "Tarnbeck Learning Trust",
            "meeting_title": "Board of Trustees",
            "date": iso,
            "time_of_meeting": "17:00",
            "venue": "Conference Room, Tarnbeck Academy, Moor Lane, Tarnbeck",
            "items": items,
        },
    )


DOCUMENTS.append(tarnbeck_learning_trust_board)
