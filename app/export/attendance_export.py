"""The annual attendance report as a PDF table (ReportLab) and as CSV, both written atomically."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain import Tier
from app.export.actions_export import NHS_BLUE, NHS_DARK_BLUE, RULE, page_count_canvas, spreadsheet_csv_bytes
from app.export.files import write_atomically
from app.export.fonts import BOLD, FAMILY, register_fonts
from app.export.markdown_flow import escape
from app.services.attendance_report import AttendanceReport, long_date

CSV_HEADERS = ("Name", "Role", "Tier", "Term", "Attended", "Expected", "Attended by deputy", "Attendance", "Percent")
BELOW = colors.HexColor("#FDE2DF")  # pale red behind figures under the expected attendance
TIER_NAMES = {Tier.MEMBER: "Member", Tier.PARTICIPANT: "Participant"}


def attendance_csv_bytes(report: AttendanceReport) -> bytes:
    rows = [
        (
            f.name,
            f.role,
            TIER_NAMES.get(f.tier, str(f.tier)),
            f.term_note,
            str(f.attended),
            str(f.expected),
            str(f.by_deputy),
            f"{f.attended}/{f.expected}",
            f"{f.fraction:.0%}",
        )
        for f in report.figures
    ]
    return spreadsheet_csv_bytes([CSV_HEADERS, *rows, (), *((note,) for note in report.footnotes)])


def render_attendance_csv(report: AttendanceReport, out: Path) -> Path:
    return write_atomically(Path(out), attendance_csv_bytes(report))


def attendance_pdf_bytes(report: AttendanceReport) -> bytes:
    font = register_fonts()
    text = colors.HexColor("#231F20")
    base = ParagraphStyle("a-base", fontName=font, fontSize=9.5, leading=12.5, textColor=text)
    title = ParagraphStyle(
        "a-title", parent=base, fontName=BOLD, fontSize=16, leading=20, textColor=colors.HexColor("#" + NHS_BLUE)
    )
    subtitle = ParagraphStyle("a-sub", parent=base, fontSize=11, leading=15, textColor=colors.HexColor("#425563"))
    header = ParagraphStyle("a-header", parent=base, fontName=BOLD, textColor=colors.white)
    figure = ParagraphStyle("a-figure", parent=base, fontName=BOLD, alignment=2)
    note = ParagraphStyle("a-note", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor("#425563"))
    section = ParagraphStyle(
        "a-section", parent=base, fontName=BOLD, fontSize=11, leading=14, textColor=colors.HexColor("#" + NHS_DARK_BLUE)
    )
    pagesize = A4
    margin = 18 * mm
    frame_width = pagesize[0] - 2 * margin
    buffer = io.BytesIO()
    heading = f"Attendance at meetings of {report.body_name}"
    period = f"{long_date(report.start)} to {long_date(report.end)}"
    template = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=report.title,
        subject=f"Annual attendance report, {period}",
        author=report.body_name,
        creator="Quorate",
        lang="en-GB",
        initialFontName=font,
    )
    count = len(report.meetings)
    story: list[Flowable] = [
        Paragraph(escape(heading), title),
        Paragraph(escape(f"{period}: {count} meeting{'' if count == 1 else 's'} held"), subtitle),
        Spacer(1, 5 * mm),
    ]
    rows: list[list[Any]] = [[Paragraph(h, header) for h in ("Name", "Role", "Attendance", "%")]]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#" + NHS_BLUE)),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#" + RULE)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F4F6F7")]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for index, f in enumerate(report.figures, start=1):
        name = escape(f.name) + (f" <i>({escape(f.term_note)})</i>" if f.term_note else "")
        rows.append(
            [
                Paragraph(name, base),
                Paragraph(escape(f.role), base),
                Paragraph(escape(f.figure), figure),
                Paragraph(f"{f.fraction:.0%}", figure),
            ]
        )
        if f.below_expectation:
            commands.append(("BACKGROUND", (2, index), (3, index), BELOW))
    if report.figures:
        widths = [0.0, 60 * mm, 26 * mm, 18 * mm]
        widths[0] = frame_width - sum(widths)
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        story.append(table)
    else:
        story.append(Paragraph("No meetings with recorded attendance fall in this period.", base))
    story.append(Spacer(1, 5 * mm))
    story += [Paragraph(escape(line), note) for line in report.footnotes]
    if report.meetings:
        story += [Spacer(1, 5 * mm), Paragraph("Meetings counted", section), Spacer(1, 1.5 * mm)]
        story += [Paragraph(escape(f"{long_date(day)} — {title_}"), note) for day, title_ in report.meetings]
    template.build(story, canvasmaker=page_count_canvas(report.title, pagesize))
    return buffer.getvalue()


def render_attendance_pdf(report: AttendanceReport, out: Path) -> Path:
    return write_atomically(Path(out), attendance_pdf_bytes(report))


ATTENDANCE_FORMATS = ("csv", "pdf")


def render_attendance(report: AttendanceReport, out: Path, fmt: str) -> Path:
    if fmt == "csv":
        return render_attendance_csv(report, out)
    if fmt == "pdf":
        return render_attendance_pdf(report, out)
    raise ValueError(f"The attendance report is exported as {', '.join(ATTENDANCE_FORMATS)} (not {fmt!r}).")
