# ruff: noqa: E501
"""Held-out fourth round, page mechanics: a deanery synod agenda printed as an A5 booklet imposed two-up on A4
landscape sheets (back cover beside the front, the agenda across the inner spread), a co-operative's board agenda
whose lead / purpose / paper / duration sit on a grey line under each title and whose items have no times, a
transport partnership's agenda in lettered sections whose numbers restart with the letter (A1, B1), and a
typewritten set of minutes scanned and OCR'd: a page image with an invisible, slightly skewed text layer."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from kit import CORPUS_OUT, Item, Out, action, chromium_pdf, keep_source, person, write_expected
from round4_util import e, ordinal_date, ttf_family, uk_date

OUT = CORPUS_OUT


# --- A deanery synod agenda as an A5 booklet imposed two-up on A4 ---------------------------------------------


def orwold_kesmere_deanery_synod(out: Out = OUT) -> None:
    """An A5 booklet (ReportLab, Liberation Serif) of four pages - cover, agenda, agenda continued, back cover with
    dates and officers - imposed for printing two-up on A4 landscape: sheet 1 carries the back cover (left) beside
    the front cover (right), sheet 2 the agenda spread (pages 2 and 3 side by side). An unnumbered opening worship
    and closing prayer, presenters in brackets after titles."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation
    from reportlab.lib.pagesizes import A4, A5, landscape
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    font = ttf_family("LiberationSerif")
    iso = "2025-10-07"
    rows: list[tuple[str, str, str]] = [
        ("", "Opening worship and Bible study: Acts 2:42\u201347", "the Revd Canon Miriam Holdsworth-Abe"),
        ("1", "Welcome and apologies", "Lay Chair"),
        ("2", "Minutes of the meeting held on " + uk_date("2025-06-10"), "Deanery Secretary"),
        ("3", "Matters arising", ""),
        ("4", "Report from the Diocesan Synod", "Diocesan Synod members"),
        ("5", "Parish share 2026: the deanery\u2019s allocation and how it is shared", "Deanery Treasurer"),
        ("6", "Mission action plan: review of the first year", "Area Dean"),
        (
            "7",
            "Presentation: \u2018Growing younger\u2019 \u2013 children and youth work in our parishes",
            "Tabitha Orrell, Diocesan Youth Adviser",
        ),
        ("8", "Safeguarding update", "Deanery Safeguarding Lead"),
        ("9", "Election of the Lay Chair for 2025\u20132028", "Area Dean"),
        ("10", "Questions from parishes", ""),
        ("11", "Any other business", ""),
        ("12", "Date of next meeting: " + uk_date("2026-02-03") + " at 7.30pm", ""),
        ("", "Closing prayer and the Grace", "Area Dean"),
    ]
    width, height = A5
    stem = "orwold-kesmere-deanery-synod-2025-10-07-agenda"
    with tempfile.TemporaryDirectory() as tmp:
        booklet = Path(tmp) / "a5.pdf"
        canvas = Canvas(str(booklet), pagesize=A5, invariant=1)
        # page 1: cover
        canvas.setFont(font + "-Bold", 17)
        canvas.drawCentredString(width / 2, height - 45 * mm, "Deanery of Orwold and Kesmere")
        canvas.setFont(font, 15)
        canvas.drawCentredString(width / 2, height - 56 * mm, "Deanery Synod")
        canvas.setFont(font, 11.5)
        for n, line in enumerate(
            (uk_date(iso) + " at 7.30pm", "St Cuthwin\u2019s Church Hall, Kesmere", "(refreshments from 7pm)")
        ):
            canvas.drawCentredString(width / 2, height - 80 * mm - n * 6 * mm, line)
        canvas.setFont(font + "-Italic", 10)
        for n, line in enumerate(
            (
                "They devoted themselves to the apostles\u2019 teaching and fellowship,",
                "to the breaking of bread and the prayers.  Acts 2:42",
            )
        ):
            canvas.drawCentredString(width / 2, 40 * mm - n * 5 * mm, line)
        canvas.showPage()

        def agenda_page(part: list[tuple[str, str, str]], heading: str, page_number: int) -> None:
            y = height - 20 * mm
            canvas.setFont(font + "-Bold", 13)
            canvas.drawString(14 * mm, y, heading)
            y -= 10 * mm
            for number, title, lead in part:
                text = title + (f" ({lead})" if lead else "")
                style = "-Italic" if not number else ""
                lines = simpleSplit(text, font + style, 10.5, width - 36 * mm)
                canvas.setFont(font + "-Bold", 10.5)
                canvas.drawString(14 * mm, y, number + ("." if number else ""))
                canvas.setFont(font + style, 10.5)
                for line in lines:
                    canvas.drawString(22 * mm, y, line)
                    y -= 5 * mm
                y -= 2.5 * mm
            canvas.setFont(font, 8)
            canvas.drawCentredString(width / 2, 10 * mm, str(page_number))
            canvas.showPage()

        agenda_page(rows[:7], "Agenda", 2)
        agenda_page(rows[7:], "Agenda (continued)", 3)
        # page 4: back cover
        y = height - 22 * mm
        canvas.setFont(font + "-Bold", 12)
        canvas.drawString(14 * mm, y, "Dates for your diary")
        canvas.setFont(font, 10)
        for line in ("Deanery Synod \u2013 " + uk_date("2026-02-03"), "Deanery Lent course launch \u2013 " + uk_date("2026-02-18"),
                     "Confirmation service, Kesmere \u2013 " + uk_date("2026-05-17"), "Deanery Synod (annual) \u2013 " + uk_date("2026-06-09")):  # fmt: skip
            y -= 6 * mm
            canvas.drawString(18 * mm, y, "\u2022  " + line)
        y -= 14 * mm
        canvas.setFont(font + "-Bold", 12)
        canvas.drawString(14 * mm, y, "Deanery officers")
        canvas.setFont(font, 10)
        for line in (
            "Area Dean: the Revd Canon Miriam Holdsworth-Abe",
            "Lay Chair: Mr Geoffrey Stannard-Obi",
            "Secretary: Mrs Hilary Quennell-Roberts",
            "Treasurer: Mr Anand Baptiste",
        ):
            y -= 6 * mm
            canvas.drawString(18 * mm, y, line)
        canvas.showPage()
        canvas.save()
        pages = PdfReader(booklet).pages
        writer = PdfWriter()
        sheet_w, sheet_h = landscape(A4)
        for left, right in ((3, 0), (1, 2)):
            sheet = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
            sheet.merge_transformed_page(pages[left], Transformation().translate(0, 0))
            sheet.merge_transformed_page(pages[right], Transformation().translate(sheet_w / 2, 0))
            writer.add_page(sheet)
        writer.add_metadata(
            {"/Title": "Deanery Synod October 2025 booklet", "/Producer": "ReportLab; imposed with pypdf"}
        )
        with (out.pdf / f"{stem}.pdf").open("wb") as handle:
            writer.write(handle)
    write_expected(
        out,
        stem,
        {
            "name": "Deanery of Orwold and Kesmere deanery synod agenda 7 Oct 2025 (ReportLab A5 booklet, Liberation Serif, "
            "IMPOSED two-up on A4 landscape with pypdf: PDF page 1 holds the booklet's back cover (dates for your diary, "
            "deanery officers - not items) on the LEFT and the front cover with the meeting on the right; PDF page 2 holds "
            "the agenda across the spread, items 1-6 on the left half and 7-12 on the right half, with an unnumbered "
            "italic opening worship and closing prayer; leads in brackets after the titles, e.g. '(Area Dean)')",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab, imposed with pypdf",
            "body": "Deanery of Orwold and Kesmere",
            "meeting_title": "Deanery Synod",
            "date": iso,
            "time_of_meeting": "19:30",
            "venue": "St Cuthwin\u2019s Church Hall, Kesmere",
            "items": [
                Item(n, t, lead=lead, presenter=lead.split(",")[0].removeprefix("the ")).expected()
                for n, t, lead in rows
            ],
        },
    )


DOCUMENTS: list[Any] = [orwold_kesmere_deanery_synod]


# --- A co-operative's board agenda: metadata line under each title, durations only ----------------------------


def calverdown_broadband_board(out: Out = OUT) -> None:
    """Community broadband co-operative board agenda (ReportLab platypus): a bold 'N  Title' line, then a small grey
    line 'Lead: ... · For decision · Paper D · 15 min'; only the start and finish of the meeting are printed, so no
    item has a time; one lead written 'Treasurer, Gus Penberthy' (role first), others a name or a role."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    font = ttf_family("LiberationSans")
    iso = "2025-12-08"
    # (number, title, lead as printed, presenter, purpose, paper, minutes)
    rows: list[tuple[str, str, str, str, str, str, int]] = [
        (
            "1",
            "Welcome, apologies and conflicts of interest",
            "Hester Quayle-Morgan",
            "Hester Quayle-Morgan",
            "",
            "",
            5,
        ),
        (
            "2",
            "Minutes of " + uk_date("2025-11-10", False) + " and action list",
            "Secretary",
            "Secretary",
            "For approval",
            "Paper A",
            5,
        ),
        (
            "3",
            "Network build: phase 2 villages and the contractor\u2019s revised programme",
            "Owen Tregarthen",
            "Owen Tregarthen",
            "For discussion",
            "Paper B",
            20,
        ),
        (
            "4",
            "Customer numbers, churn and the waiting list",
            "Asha Varadkar-Ellis",
            "Asha Varadkar-Ellis",
            "For information",
            "Paper C",
            10,
        ),
        (
            "5",
            "Quarter 3 accounts and the loan covenant test",
            "Treasurer, Gus Penberthy",
            "Gus Penberthy",
            "For approval",
            "Paper D",
            15,
        ),
        (
            "6",
            "Community share offer 2026: terms and minimum investment",
            "Hester Quayle-Morgan",
            "Hester Quayle-Morgan",
            "For decision",
            "Paper E",
            25,
        ),
        (
            "7",
            "Wayleaves and landowner agreements",
            "Owen Tregarthen",
            "Owen Tregarthen",
            "For information",
            "Verbal",
            10,
        ),
        ("8", "Board recruitment and the date of the AGM", "Secretary", "Secretary", "For decision", "", 5),
        ("9", "Any other business", "", "", "", "", 5),
    ]
    base = ParagraphStyle("cb", fontName=font, fontSize=10.5, leading=14)
    title = ParagraphStyle(
        "cbt",
        parent=base,
        fontName=font + "-Bold",
        fontSize=11.5,
        leading=15,
        leftIndent=9 * mm,
        firstLineIndent=-9 * mm,
    )
    meta = ParagraphStyle(
        "cbm",
        parent=base,
        fontSize=8.5,
        leading=11,
        textColor=colors.HexColor("#6b6b6b"),
        leftIndent=9 * mm,
        spaceAfter=8,
    )
    story: list[Any] = [
        Paragraph(
            "Calverdown Community Broadband Co-operative Ltd",
            ParagraphStyle("h", parent=base, fontName=font + "-Bold", fontSize=16, leading=20),
        ),
        Paragraph("Board meeting", ParagraphStyle("h2", parent=base, fontSize=13, leading=17)),
        Spacer(1, 2 * mm),
        Paragraph(
            f"{uk_date(iso)}, 7.00pm to 9.00pm &nbsp;\u00b7&nbsp; online (the video link is in the calendar invitation)",
            base,
        ),
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=0.6, color=colors.HexColor("#2a7a3b")),
        Spacer(1, 4 * mm),
    ]
    for number, heading, lead, _p, purpose, paper, minutes in rows:
        parts = ([f"Lead: {lead}"] if lead else []) + [x for x in (purpose, paper) if x] + [f"{minutes} min"]
        story.append(
            KeepTogether(
                [
                    Paragraph(f"{number}&nbsp;&nbsp;&nbsp;&nbsp;{e(heading)}", title),
                    Paragraph(" \u00b7 ".join(e(p) for p in parts), meta),
                ]
            )
        )
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            "Papers are in the board folder. Please read them before the meeting; presenters will take them as read.",
            ParagraphStyle("n", parent=base, fontSize=9, leading=12),
        ),
    ]
    stem = "calverdown-broadband-coop-board-2025-12-08-agenda"
    SimpleDocTemplate(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1, leftMargin=24 * mm, rightMargin=24 * mm,
                      title="Board agenda December 2025", author="Secretary").build(story)  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Calverdown Community Broadband Co-operative Ltd board agenda 8 Dec 2025 (ReportLab platypus, Liberation "
            "Sans: 'N    Title' in bold with a hanging indent, and under each title a small grey line 'Lead: Name · For "
            "decision · Paper D · 15 min'; only the meeting's start and finish are printed, so items have NO times (the "
            "durations are not times); item 5's lead is written role first, 'Treasurer, Gus Penberthy', so the presenter "
            "is the name after the comma)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab",
            "body": "Calverdown Community Broadband Co-operative Ltd",
            "meeting_title": "Board meeting",
            "date": iso,
            "time_of_meeting": "19:00",
            "venue": "online",
            "items": [
                Item(n, t, lead=lead, presenter=p, purpose=pu, paper=pa, extra={"minutes_allowed": m}).expected()
                for n, t, lead, p, pu, pa, m in rows
            ],
        },
    )


DOCUMENTS.append(calverdown_broadband_board)


# --- A transport partnership's agenda in lettered sections whose numbers restart (Chromium) ----------------------


def tamarisk_valley_transport_partnership(out: Out = OUT) -> None:
    """Joint board agenda printed from a browser: coloured section bands 'A Standing items', 'B Items for decision',
    'C Items for discussion', 'D Items for information (taken as read)', with the item references restarting in
    each section as A1, B1 ... in a left column, the lead in small type under the title, the time in a right
    column (none in section D), and a confidential item B4."""
    iso = "2025-09-25"
    sections: list[tuple[str, str, list[tuple[str, str, str, str, int]]]] = [
        (
            "A",
            "Standing items",
            [
                ("A1", "Welcome, apologies and substitutions", "Chair", "10:00", 1),
                ("A2", "Declarations of interest", "Chair", "10:03", 1),
                (
                    "A3",
                    "Minutes of the Joint Board held on " + uk_date("2025-06-26") + " and action log",
                    "Partnership Secretary",
                    "10:05",
                    1,
                ),
                ("A4", "Public questions", "Chair", "10:15", 1),
            ],
        ),
        (
            "B",
            "Items for decision",
            [
                (
                    "B1",
                    "Bus Service Improvement Plan: allocation of the 2026/27 grant",
                    "Dr Helena Voskuijlen, Head of Transport Planning",
                    "10:25",
                    1,
                ),
                (
                    "B2",
                    "Concessionary fares: reimbursement rates for 2026",
                    "Marcus Oyenuga-Platt, Finance Lead",
                    "10:50",
                    1,
                ),
                (
                    "B3",
                    "Ollerbridge interchange: approval of the full business case",
                    "Dr Helena Voskuijlen, Head of Transport Planning",
                    "11:10",
                    1,
                ),
                (
                    "B4",
                    "Ticketing contract: award (confidential appendix)",
                    "Marcus Oyenuga-Platt, Finance Lead",
                    "11:35",
                    2,
                ),
            ],
        ),
        (
            "C",
            "Items for discussion",
            [
                (
                    "C1",
                    "Rural demand-responsive transport: evaluation of the first year",
                    "Siân Ellery-Mwangi, Rural Mobility Officer",
                    "11:50",
                    1,
                ),
                (
                    "C2",
                    "Active travel network: priorities for the next funding round",
                    "Joel Ratcliffe-Omondi, Active Travel Lead",
                    "12:10",
                    1,
                ),
            ],
        ),
        (
            "D",
            "Items for information (taken as read; questions to the Secretary beforehand)",
            [
                ("D1", "Performance dashboard, quarter 1 2025/26", "Partnership Secretary", "", 1),
                ("D2", "Rail station usage statistics 2024/25", "Partnership Secretary", "", 1),
                ("D3", "Road safety partnership annual report", "Partnership Secretary", "", 1),
                ("D4", "Forward plan", "Partnership Secretary", "", 1),
            ],
        ),
    ]
    body = []
    for letter, name, items in sections:
        body.append(f'<div class="band"><span class="l">{letter}</span>{e(name)}</div>')
        for ref, title, lead, time, part in items:
            conf = ' <span class="conf">PART 2</span>' if part == 2 else ""
            body.append(
                f'<div class="row"><div class="ref">{ref}</div><div class="t">{e(title)}{conf}<div class="lead">{e(lead)}</div></div><div class="time">{time}</div></div>'
            )
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Joint Board agenda</title><style>
@page {{ size: A4; margin: 16mm 18mm }}
body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #222 }}
.top {{ display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #0b6e69; padding-bottom: 6px }}
.top .b {{ font-size: 16pt; font-weight: bold; color: #0b6e69 }}
.top .m {{ text-align: right; font-size: 9pt }}
h1 {{ font-size: 13pt; margin: 10px 0 6px 0 }}
.band {{ background: #0b6e69; color: white; font-weight: bold; padding: 3px 6px; margin-top: 10px }}
.band .l {{ display: inline-block; width: 12mm }}
.row {{ display: flex; border-bottom: 1px solid #ddd; padding: 4px 0 }}
.ref {{ flex: 0 0 12mm; font-weight: bold; padding-left: 6px }}
.t {{ flex: 1 }}
.lead {{ font-size: 8pt; color: #666 }}
.time {{ flex: 0 0 14mm; text-align: right; padding-right: 6px }}
.conf {{ font-size: 7.5pt; color: #b00; border: 1px solid #b00; padding: 0 3px }}
</style></head><body>
<div class="top"><div class="b">Tamarisk Valley Transport Partnership</div><div class="m">{uk_date(iso)}<br>10:00\u201312:30<br>Committee Room 1, Tamarisk House, Station Approach, Ollerbridge</div></div>
<h1>Joint Board \u2013 agenda</h1>
{"".join(body)}
<p style="font-size:8.5pt;margin-top:10px">Item B4 has a confidential appendix. The Board will be asked to exclude the press and public for any discussion of it.</p>
</body></html>"""
    stem = "tamarisk-valley-transport-partnership-2025-09-25-agenda"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    items = [
        Item(
            ref,
            title,
            time=time,
            lead=lead,
            presenter=lead.split(",")[0],
            part=part,
            extra={"section": f"{letter} {name.split(' (')[0]}"},
        ).expected()
        for letter, name, section_items in sections
        for ref, title, lead, time, part in section_items
    ]
    write_expected(
        out,
        stem,
        {
            "name": "Tamarisk Valley Transport Partnership joint board agenda 25 Sep 2025 (Chromium, DejaVu Sans: body name left "
            "and date / time / place right in a masthead; teal section bands 'A Standing items', 'B Items for decision', "
            "'C Items for discussion', 'D Items for information (taken as read ...)' - the bands are not items - and item "
            "references that RESTART in each section, A1-A4, B1-B4, C1-C2, D1-D4, in a left column; the lead in small grey "
            "type under each title ('Name, Role' or a role), the time in a right column (none in section D); B4 marked "
            "'PART 2')",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Chromium (Skia/PDF)",
            "body": "Tamarisk Valley Transport Partnership",
            "meeting_title": "Joint Board",
            "date": iso,
            "time_of_meeting": "10:00",
            "venue": "Committee Room 1, Tamarisk House, Station Approach, Ollerbridge",
            "items": items,
        },
    )


DOCUMENTS.append(tamarisk_valley_transport_partnership)


# --- Typewritten minutes, scanned and OCR'd: an image with an invisible, skewed text layer -----------------------


def carrowdale_twinning_minutes(out: Out = OUT) -> None:
    """A secretary's typewritten minutes (monospaced) as they come back from a scanner with OCR: each page is a
    greyish image, turned 0.6 degrees, with speckles, and over it an invisible text layer (render mode 3) written
    word by word at the skewed positions, horizontally scaled to the word's width as OCR tools do. A few OCR slips
    in running text ('tbe', 'f' for '£'); headings and names are read correctly. Actions by initials in a right-hand
    ACTION column."""
    import math

    from PIL import Image, ImageDraw, ImageFilter
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    iso = "2025-03-05"
    present = [("Mrs J. Ashworth", "Chairman"), ("Mr P. Delacroix-Hurst", "Treasurer"), ("Mrs M. O'Halloran", "Secretary"),
               ("Mr K. Szymczak", ""), ("Miss L. Fairbairn", ""), ("Mr T. Ngwenya", "")]  # fmt: skip
    apologies = ["Mr R. Beaumont-Tiller", "Mrs A. Fitzsimmons"]
    # (number, heading, lines of text, action initials on the first line, the action's words as typed)
    minutes: list[tuple[str, str, list[str], str, str]] = [
        (
            "1",
            "MINUTES OF THE LAST MEETING",
            ["The minutes of the meeting held on 5th February were", "approved and signed as a true record."],
            "",
            "",
        ),
        (
            "2",
            "MATTERS ARISING",
            [
                "The grant from the Town Council (\u00a3400) has been received.",
                "The Secretary will write to thank the Mayor.",
            ],
            "MO",
            "The Secretary will write to thank the Mayor.",
        ),
        (
            "3",
            "TREASURER'S REPORT",
            [
                "The balance at the bank is \u00a32,318.40. Quiz night raised",
                "\u00a3412.50. The accounts will be examined before the AGM.",
            ],
            "PDH",
            "The accounts will be examined before the AGM.",
        ),
        (
            "4",
            "VISIT TO SAINT-GERMAIN-DES-LISIERES, MAY 2025",
            [
                "Twenty-two members have booked. The coach is confirmed for",
                "the 29th May. Host families have been matched by the",
                "French committee. Mr Szymczak will collect the passport",
                "details by the end of March.",
            ],
            "KS",
            "Mr Szymczak will collect the passport details by the end of March.",
        ),
        (
            "5",
            "QUIZ NIGHT",
            ["It was agreed to hold the next quiz on Saturday 21st June", "in the Library hall."],
            "",
            "",
        ),
        (
            "6",
            "MEMBERSHIP",
            ["Membership stands at 64. Miss Fairbairn will design a new", "leaflet for the Spring Fair."],
            "LF",
            "Miss Fairbairn will design a new leaflet for the Spring Fair.",
        ),
        (
            "7",
            "ANY OTHER BUSINESS",
            [
                "Mr Ngwenya suggested a joint exhibition with the French",
                "committee. To be discussed at the next meeting.",
            ],
            "",
            "",
        ),
        ("8", "DATE OF NEXT MEETING", ["Wednesday 2nd April 2025 at 7.30 p.m. in the Twinning Room."], "", ""),
    ]
    ocr_slips = {
        "with the French": "with tbe French",
        "\u00a3412.50": "f412.50",
        "approved and signed": "approved and signcd",
    }
    font, size = "Courier", 10.5
    lines: list[tuple[float, float, str]] = []  # (x, y, text) in points, for the clean page and the text layer
    y = A4[1] - 28 * mm
    left = 25 * mm
    for text in ("CARROWDALE TOWN TWINNING ASSOCIATION",):
        lines.append(((A4[0] - stringWidth(text, font, size)) / 2, y, text))
    y -= 9 * mm
    head = f"Minutes of the Committee Meeting held on {ordinal_date(iso)}"
    lines.append((left, y, head))
    y -= 5 * mm
    lines.append((left, y, "at 7.30 p.m. in the Twinning Room, Carrowdale Library."))
    y -= 9 * mm
    present_text = "PRESENT:  " + ", ".join(f"{n} ({r})" if r else n for n, r in present) + "."
    words = present_text.split(" ")
    current = ""
    for word in words:
        if stringWidth(current + " " + word, font, size) > A4[0] - 2 * left:
            lines.append((left, y, current))
            y -= 5 * mm
            current = "          " + word
        else:
            current = (current + " " + word).strip() if current else word
    lines.append((left, y, current))
    y -= 6 * mm
    lines.append((left, y, "APOLOGIES:  " + ", ".join(apologies) + "."))
    y -= 9 * mm
    lines.append((A4[0] - 25 * mm - stringWidth("ACTION", font, size), y, "ACTION"))
    y -= 6 * mm
    for number, heading, text, initials, _a in minutes:
        lines.append((left, y, f"{number}.  {heading}"))
        y -= 5.5 * mm
        for n, line in enumerate(text):
            lines.append((left + 10 * mm, y, line))
            if n == 0 and initials:
                lines.append((A4[0] - 25 * mm - stringWidth(initials, font, size), y, initials))
            y -= 5 * mm
        y -= 4 * mm
    lines.append((left, y - 8 * mm, "Signed ............................ Chairman      Date .............."))
    stem = "carrowdale-twinning-committee-2025-03-05-minutes"
    dpi = 150
    angle = 0.6  # degrees, anticlockwise, as a sheet fed slightly crooked
    with tempfile.TemporaryDirectory() as tmp:
        clean = Path(tmp) / "clean.pdf"
        canvas = Canvas(str(clean), pagesize=A4, invariant=1)
        canvas.setFont(font, size)
        for x, yy, text in lines:
            canvas.drawString(x, yy, text)
        canvas.save()
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(clean), str(Path(tmp) / "page")],
            check=True,
        )
        image = Image.open(Path(tmp) / "page.png").convert("L")
        image = image.filter(ImageFilter.GaussianBlur(0.7))
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        draw = ImageDraw.Draw(image)
        for n in range(900):  # speckles, deterministic
            px, py = (n * 7919) % image.width, (n * 104729) % image.height
            draw.point((px, py), fill=120 + (n % 90))
        image = image.point(lambda v: int(236 * v / 255) + 6)  # grey paper
        scan = Path(tmp) / "scan.jpg"
        image.save(scan, quality=70)
        page = Canvas(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1)
        page.setTitle("")
        page.setProducer("ScanSnap Manager; OCR layer")
        page.drawImage(str(scan), 0, 0, width=A4[0], height=A4[1])
        cx, cy = A4[0] / 2, A4[1] / 2
        theta = math.radians(angle)
        for x, yy, text in lines:
            shown = text
            for good, bad in ocr_slips.items():
                shown = shown.replace(good, bad)
            cursor = x
            for word in shown.split(" "):
                if word:
                    wx, wy = cursor - cx, yy - cy
                    rx, ry = (
                        cx + wx * math.cos(theta) - wy * math.sin(theta),
                        cy + wx * math.sin(theta) + wy * math.cos(theta),
                    )
                    target = stringWidth(word, font, size)
                    natural = stringWidth(word, "Helvetica", size)
                    obj = page.beginText()
                    obj.setTextRenderMode(3)
                    obj.setFont("Helvetica", size)
                    obj.setHorizScale(100 * target / natural)
                    page.saveState()
                    page.translate(rx, ry)
                    page.rotate(angle)
                    obj.setTextOrigin(0, 0)
                    obj.textOut(word)
                    page.drawText(obj)
                    page.restoreState()
                cursor += stringWidth(word + " ", font, size)
        page.showPage()
        page.save()
    people = [person(n, "present", r, **({"chair": "yes"} if r == "Chairman" else {})) for n, r in present]
    people += [person(n, "apologies") for n in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Carrowdale Town Twinning Association committee minutes 5 Mar 2025 (a TYPEWRITTEN page scanned with OCR: "
            "ReportLab draws the Courier page, which is rasterised at 150 dpi, blurred, turned 0.6 degrees, speckled and "
            "greyed, and placed as a JPEG; over it an INVISIBLE text layer (render mode 3) written word by word at the "
            "skewed positions, in Helvetica scaled to each word's width. Minutes 1.-8. with CAPITAL headings, 'PRESENT:' "
            "and 'APOLOGIES:' with initial-and-surname names, actions as initials in a right-hand ACTION column; three OCR "
            "slips in running text ('tbe', 'signcd', 'f412.50'); expected values are what the page image shows)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "ReportLab page, rasterised with pdftoppm and Pillow, OCR-style text layer with ReportLab",
            "body": "Carrowdale Town Twinning Association",
            "meeting_title": "Committee Meeting",
            "date": iso,
            "time_of_meeting": "19:30",
            "venue": "the Twinning Room, Carrowdale Library",
            "items": [Item(n, h).expected() for n, h, _t, _i, _a in minutes],
            "people": people,
            "actions": [action(n, i, a) for n, _h, _t, i, a in minutes if i],
        },
    )


DOCUMENTS.append(carrowdale_twinning_minutes)
