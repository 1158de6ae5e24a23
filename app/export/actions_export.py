"""The body's action tracker as CSV, XLSX (openpyxl) and a PDF in the pack's column layout (ReportLab).

Columns follow the trackers boards publish in their packs (DOMAIN.md section 6): Action No., Meeting Date, Agenda
Item, Action, Action Owner, Current Deadline, Current Position (the latest update), Status and RAG. Every file is
written atomically.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.export.files import write_atomically
from app.export.fonts import BOLD, FAMILY, register_fonts
from app.export.markdown_flow import escape

NHS_BLUE = "005EB8"
NHS_DARK_BLUE = "003087"
NHS_DARK_GREY = "425563"
RULE = "AEB7BD"

# RAG colours as tracker keys print them: (fill, text).
RAG_COLOURS: dict[str, tuple[str, str]] = {
    "black": ("000000", "FFFFFF"),
    "red": ("DA291C", "FFFFFF"),
    "amber": ("FFB81C", "231F20"),
    "green": ("009639", "FFFFFF"),
    "blue": ("41B6E6", "231F20"),
}
RAG_KEY = (
    "RAG: Black – escalated (red at three meetings in a row); Red – outstanding; Amber – in progress; "
    "Blue – not yet due; Green – complete, closure proposed."
)
HEADERS = (
    "Action No.",
    "Meeting Date",
    "Agenda Item",
    "Action",
    "Action Owner",
    "Current Deadline",
    "Status",
    "RAG",
    "Current Position",
)


@dataclass(frozen=True, slots=True)
class TrackerRow:
    """One action as the tracker prints it."""

    number: str
    meeting_date: date | None
    item: str  # "6.1 Chief Executive Officer's Report", or "" for an action not raised under an item
    text: str
    owners: str
    due: date | None
    status: str  # as printed: "Outstanding", "In progress", "Complete – propose closure", "CLOSED (01/03/2024)"
    rag: str  # "black", "red", "amber", "green", "blue" or ""
    last_update: str  # "01/03/2024: Draft circulated", or ""
    closed: bool = False
    confidential: bool = False  # raised under a Part II item: only in a confidential tracker, marked so


PART2_MARK = "PART II – CONFIDENTIAL: "


def uk_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _values(row: TrackerRow) -> tuple[str, ...]:
    return (
        row.number,
        uk_date(row.meeting_date),
        PART2_MARK + row.item if row.confidential else row.item,
        row.text,
        row.owners,
        uk_date(row.due),
        row.status,
        row.rag.capitalize(),
        row.last_update,
    )


# --- CSV ------------------------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula when the CSV is opened ("=HYPERLINK(…)" typed in a minute)."""
    if text.startswith(_FORMULA_START) or (text.startswith("-") and len(text) > 1 and not text[1].isspace()):
        return "'" + text
    return text


def spreadsheet_csv_bytes(rows: Iterable[Sequence[str]]) -> bytes:
    """The one way Quorate writes a CSV: every cell through `spreadsheet_safe` (headers and notes too, so no row
    can bypass it), UTF-8 with a byte-order mark, so Excel shows £ and curly quotes right."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def tracker_csv_bytes(rows: Sequence[TrackerRow]) -> bytes:
    """Dates dd/mm/yyyy as the pack has."""
    return spreadsheet_csv_bytes([HEADERS, *(_values(row) for row in rows)])


def render_tracker_csv(rows: Sequence[TrackerRow], out: Path) -> Path:
    return write_atomically(Path(out), tracker_csv_bytes(rows))


# --- XLSX -----------------------------------------------------------------------------------------------------------

_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_WIDTHS = (10, 13, 30, 55, 24, 14, 24, 9, 45)


def _text_cell(sheet: Any, row: int, column: int, value: str) -> Any:
    cell = sheet.cell(row=row, column=column, value=_ILLEGAL_XML.sub("", value))
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def tracker_xlsx_bytes(rows: Sequence[TrackerRow], title: str = "Action tracker") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Action tracker"
    workbook.properties.title = title
    workbook.properties.creator = "Quorate"
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=NHS_BLUE)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, label in enumerate(HEADERS, start=1):
        cell = _text_cell(sheet, 1, column, label)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, wrap
    for index, row in enumerate(rows, start=2):
        values = _values(row)
        for column, value in enumerate(values, start=1):
            if column in (2, 6):  # Meeting Date, Current Deadline: real dates Excel can sort and filter
                when = row.meeting_date if column == 2 else row.due
                cell = sheet.cell(row=index, column=column, value=when)
                cell.number_format = "DD/MM/YYYY"
            else:
                cell = _text_cell(sheet, index, column, value)
            cell.alignment = wrap
        if row.rag in RAG_COLOURS:
            fill, text = RAG_COLOURS[row.rag]
            rag_cell = sheet.cell(row=index, column=8)
            rag_cell.fill = PatternFill("solid", fgColor=fill)
            rag_cell.font = Font(bold=True, color=text)
    for column, width in enumerate(_XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{max(1, len(rows) + 1)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_tracker_xlsx(rows: Sequence[TrackerRow], out: Path, title: str = "Action tracker") -> Path:
    return write_atomically(Path(out), tracker_xlsx_bytes(rows, title))


# --- PDF ------------------------------------------------------------------------------------------------------------


class _PageCountCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Hold every page until save, when "Page X of Y" can be written (ReportLab's NumberedCanvas recipe)."""

    def __init__(self, *args: Any, footer: str, pagesize: tuple[float, float], **kwargs: Any) -> None:
        super().__init__(*args, pagesize=pagesize, **kwargs)
        self._footer = footer
        self._size = pagesize
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        width, _ = self._size
        for index, state in enumerate(self._held):
            self.__dict__.update(state)
            self.saveState()
            self.setStrokeColor(colors.HexColor("#" + RULE))
            self.setLineWidth(0.5)
            self.line(12 * mm, 12 * mm, width - 12 * mm, 12 * mm)
            self.setFillColor(colors.HexColor("#" + NHS_DARK_GREY))
            self.setFont(FAMILY, 8)
            self.drawString(12 * mm, 8 * mm, self._footer)
            self.drawRightString(width - 12 * mm, 8 * mm, f"Page {index + 1} of {total}")
            self.restoreState()
            super().showPage()
        super().save()


def page_count_canvas(footer: str, pagesize: tuple[float, float]) -> Callable[..., Canvas]:
    """A canvas maker for `SimpleDocTemplate.build` that prints `footer` and "Page X of Y" on every page."""

    def make(*args: Any, **kwargs: Any) -> Canvas:
        kwargs.pop("pagesize", None)
        return _PageCountCanvas(*args, footer=footer, pagesize=pagesize, **kwargs)

    return make


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("t-base", fontName=font, fontSize=8, leading=10, textColor=colors.HexColor("#231F20"))
    return {
        "title": ParagraphStyle(
            "t-title", parent=base, fontName=BOLD, fontSize=16, leading=20, textColor=colors.HexColor("#" + NHS_BLUE)
        ),
        "subtitle": ParagraphStyle(
            "t-sub", parent=base, fontSize=10.5, leading=14, textColor=colors.HexColor("#425563")
        ),
        "section": ParagraphStyle(
            "t-section",
            parent=base,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=6,
            spaceAfter=4,
            textColor=colors.HexColor("#" + NHS_DARK_BLUE),
        ),
        "cell": base,
        "header": ParagraphStyle("t-header", parent=base, fontName=BOLD, textColor=colors.white),
        "rag": ParagraphStyle("t-rag", parent=base, fontName=BOLD, alignment=1),
        "key": ParagraphStyle("t-key", parent=base, fontSize=7.5, textColor=colors.HexColor("#425563")),
    }


PDF_COLUMNS = (
    ("Action No.", 14),
    ("Meeting Date", 19),
    ("Agenda Item", 36),
    ("Action", 0),  # takes the remaining width
    ("Action Owner", 32),
    ("Current Deadline", 19),
    ("Current Position", 50),
    ("Status", 28),
    ("RAG", 15),
)


def _tracker_table(rows: Sequence[TrackerRow], st: dict[str, ParagraphStyle], frame_width: float) -> Table:
    widths = [w * mm for _, w in PDF_COLUMNS]
    widths[3] = frame_width - sum(widths)
    data: list[list[Any]] = [[Paragraph(label, st["header"]) for label, _ in PDF_COLUMNS]]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#" + NHS_BLUE)),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#" + RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for index, row in enumerate(rows, start=1):
        cells = [
            row.number,
            uk_date(row.meeting_date),
            PART2_MARK + row.item if row.confidential else row.item,
            row.text,
            row.owners,
            uk_date(row.due),
            row.last_update,
            row.status,
        ]
        rag_style = st["rag"]
        if row.rag in RAG_COLOURS:
            fill, text = RAG_COLOURS[row.rag]
            commands.append(("BACKGROUND", (8, index), (8, index), colors.HexColor("#" + fill)))
            rag_style = ParagraphStyle(f"t-rag-{row.rag}", parent=st["rag"], textColor=colors.HexColor("#" + text))
        data.append(
            [Paragraph(escape(value), st["cell"]) for value in cells]
            + [Paragraph(escape(row.rag.capitalize()), rag_style)]
        )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def tracker_pdf_bytes(rows: Sequence[TrackerRow], title: str, subtitle: str = "") -> bytes:
    font = register_fonts()
    st = _styles(font)
    pagesize = landscape(A4)
    margin = 12 * mm
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=18 * mm,
        title=title,
        subject=subtitle or title,
        author=title,
        creator="Quorate",
        lang="en-GB",
        initialFontName=font,
    )
    frame_width = pagesize[0] - 2 * margin
    story: list[Flowable] = [Paragraph(escape(title), st["title"])]
    if subtitle:
        story.append(Paragraph(escape(subtitle), st["subtitle"]))
    story.append(Spacer(1, 4 * mm))
    open_rows = [r for r in rows if not r.closed]
    closed_rows = [r for r in rows if r.closed]
    if open_rows or not closed_rows:
        story += [Paragraph("Open actions", st["section"]), _tracker_table(open_rows, st, frame_width)]
    if closed_rows:
        story += [
            Spacer(1, 4 * mm),
            Paragraph("Closed actions", st["section"]),
            _tracker_table(closed_rows, st, frame_width),
        ]
    story += [Spacer(1, 3 * mm), Paragraph(escape(RAG_KEY), st["key"])]
    template.build(story, canvasmaker=page_count_canvas(title, pagesize))
    return buffer.getvalue()


def render_tracker_pdf(rows: Sequence[TrackerRow], out: Path, title: str, subtitle: str = "") -> Path:
    return write_atomically(Path(out), tracker_pdf_bytes(rows, title, subtitle))


TRACKER_FORMATS = ("csv", "xlsx", "pdf")


def render_tracker(rows: Sequence[TrackerRow], out: Path, fmt: str, title: str, subtitle: str = "") -> Path:
    """Write the tracker as `fmt` (csv, xlsx or pdf)."""
    if fmt == "csv":
        return render_tracker_csv(rows, out)
    if fmt == "xlsx":
        return render_tracker_xlsx(rows, out, title)
    if fmt == "pdf":
        return render_tracker_pdf(rows, out, title, subtitle)
    raise ValueError(f"The action tracker is exported as {', '.join(TRACKER_FORMATS)} (not {fmt!r}).")
