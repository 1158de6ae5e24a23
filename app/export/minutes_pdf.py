"""Minutes to PDF in NHS house style (ReportLab).

Layout follows real ICB minutes (DOMAIN.md section 5): title block, attendance blocks with initials, then one
table `No. | Agenda Item | Action` whose rows may split across pages, then the action log. Every page carries
"Page X of Y" and the meeting title; drafts carry a DRAFT watermark, Part II a confidentiality marking, and the
last page the audit-chain head the minutes were rendered from.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain import Part
from app.domain.house_style import HouseStyle, Layout
from app.export.files import write_atomically
from app.export.fonts import BOLD, FAMILY, number_column_mm, register_fonts
from app.export.markdown_flow import escape, markdown_to_flowables
from app.export.signature_place import SIGNATURE_CAPTION
from app.services.minutes import ActionLine, AttendanceBlock, MinutesDocument, MinuteSection

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

# NHS identity greys and red; the accent colours come from the body's house style.
NHS_DARK_GREY = colors.HexColor("#425563")
NHS_MID_GREY = colors.HexColor("#768692")
NHS_PALE_GREY = colors.HexColor("#E8EDEE")
NHS_RED = colors.HexColor("#DA291C")
TEXT = colors.HexColor("#231F20")
RULE = colors.HexColor("#AEB7BD")
WATERMARK = colors.Color(0.82, 0.82, 0.82, alpha=0.45)


@dataclass(frozen=True, slots=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    label: ParagraphStyle
    text: ParagraphStyle
    heading: ParagraphStyle
    section: ParagraphStyle
    block_heading: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    number: ParagraphStyle
    item_title: ParagraphStyle
    presenter: ParagraphStyle
    body: ParagraphStyle
    action: ParagraphStyle
    attendance: ParagraphStyle
    prose_heading: ParagraphStyle
    accent: colors.Color  # the house style's colour for table headers


def _make_styles(font: str, style: HouseStyle) -> _Styles:
    accent, dark = colors.HexColor(style.accent), colors.HexColor(style.dark)
    base = ParagraphStyle("q-base", fontName=font, fontSize=10, leading=13.5, textColor=TEXT, bulletFontName=font)
    cell = ParagraphStyle("q-cell", parent=base, fontSize=9.5, leading=12.5)
    return _Styles(
        title=ParagraphStyle("q-title", parent=base, fontName=BOLD, fontSize=18, leading=22, textColor=accent),
        subtitle=ParagraphStyle("q-subtitle", parent=base, fontSize=12.5, leading=16, textColor=NHS_DARK_GREY),
        label=ParagraphStyle("q-label", parent=base, fontName=BOLD),
        text=base,
        heading=ParagraphStyle(
            "q-heading", parent=base, fontName=BOLD, fontSize=12, leading=15, textColor=dark, spaceAfter=6
        ),
        section=ParagraphStyle(
            "q-section",
            parent=base,
            fontName=BOLD,
            fontSize=12,
            leading=15,
            textColor=dark,
            spaceAfter=6,
            keepWithNext=1,
        ),
        block_heading=ParagraphStyle("q-block", parent=cell, fontName=BOLD, textColor=dark),
        cell=cell,
        header_cell=ParagraphStyle("q-header-cell", parent=cell, fontName=BOLD, textColor=colors.white),
        number=ParagraphStyle("q-number", parent=cell, fontName=BOLD),
        item_title=ParagraphStyle("q-item-title", parent=cell, fontName=BOLD, fontSize=10, leading=13, spaceAfter=2),
        presenter=ParagraphStyle("q-presenter", parent=cell, textColor=NHS_DARK_GREY, spaceAfter=4),
        # No single line stranded at the top of a page when a minute runs on.
        body=ParagraphStyle("q-body", parent=cell, spaceAfter=5, allowWidows=0),
        action=ParagraphStyle("q-action", parent=cell, fontName=BOLD, alignment=TA_CENTER),
        attendance=ParagraphStyle("q-attendance", parent=base, spaceAfter=4),
        prose_heading=ParagraphStyle(
            "q-prose-heading", parent=base, fontName=BOLD, textColor=dark, spaceBefore=8, spaceAfter=3, keepWithNext=1
        ),
        accent=accent,
    )


# --- flowables ---------------------------------------------------------------------------------------------------


class _Bookmark(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Zero-size marker: an outline entry pointing at where it is drawn (inside a table cell, too)."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        _, y = canv.absolutePosition(0, 0)  # table cells draw under a translated origin
        # XYZ with explicit coordinates: ReportLab's default /Fit makes QtPdf log "invalid location".
        canv.bookmarkPage(self.key, fit="XYZ", left=0, top=min(PAGE_HEIGHT, y + 8), zoom=0)
        canv.addOutlineEntry(self.title, self.key, level=0)


class _Lead(Flowable):  # type: ignore[misc]
    """An item's title and presenter stuck to the start of its body, so a title never ends a page alone.

    It splits only inside its last part (the first body paragraph), which must keep a couple of lines with the
    title; a table cell hands it to `split` when a minute runs over the page.
    """

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._heights: list[float] = []

    def _gap(self, index: int) -> float:
        if index == 0:
            return 0.0
        return float(max(self.parts[index - 1].getSpaceAfter(), self.parts[index].getSpaceBefore()))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)  # absent when a table cell wraps us directly
        self._heights = [float(p.wrapOn(canv, avail_width, avail_height)[1]) for p in self.parts]
        self.width = avail_width
        self.height = sum(self._heights) + sum(self._gap(i) for i in range(len(self.parts)))
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.parts[0].getSpaceBefore()) if self.parts else 0.0

    def getSpaceAfter(self) -> float:
        return float(self.parts[-1].getSpaceAfter()) if self.parts else 0.0

    def getKeepWithNext(self) -> int:
        return 0

    def draw(self) -> None:
        y = self.height
        for index, (part, height) in enumerate(zip(self.parts, self._heights, strict=True)):
            y -= self._gap(index) + height
            part.drawOn(self.canv, 0, y)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if len(self.parts) < 2 or isinstance(self.parts[-1], _Bookmark):
            return []
        head = _Lead(self.parts[:-1])
        head.canv = getattr(self, "canv", None)
        _, head_height = head.wrap(avail_width, avail_height)
        room = avail_height - head_height - self._gap(len(self.parts) - 1)
        if room <= 0:
            return []
        pieces = self.parts[-1].split(avail_width, room)
        if len(pieces) != 2:  # table cells accept exactly two halves
            return []
        return [_Lead([*self.parts[:-1], pieces[0]]), pieces[1]]


# --- story -------------------------------------------------------------------------------------------------------


def _keep_lead_ins(flowables: Sequence[Flowable]) -> list[Flowable]:
    """Glue each keep-with-next flowable (a heading, "Agreed:") to the one after it.

    ReportLab honours keepWithNext only between top-level flowables, not inside a table cell.
    """
    glued: list[Flowable] = []
    for flowable in reversed(flowables):
        if glued and flowable.getKeepWithNext():
            glued[-1] = _Lead([flowable, glued[-1]])
        else:
            glued.append(flowable)
    return glued[::-1]


def _label(section: MinuteSection) -> str:
    """What the No. column prints: "7." for plain numbers, "HCP7" for prefixed council minutes."""
    number = section.minute_number
    return f"{number}." if number.isdigit() else number


def _logo(path: str) -> Flowable | None:
    """The body's logo, at most 45 × 20 mm, right-aligned; a missing or unreadable file is left out."""
    if not path or not Path(path).is_file():
        return None
    try:
        width, height = ImageReader(path).getSize()
    except OSError:
        return None
    scale = min(45 * mm / width, 20 * mm / height)
    return Image(path, width * scale, height * scale, hAlign="RIGHT")


def _title_block(doc: MinutesDocument, st: _Styles) -> list[Flowable]:
    logo = _logo(doc.style.logo_path)
    story: list[Flowable] = [logo] if logo else []
    story.append(Paragraph(escape(doc.body_name), st.title))
    if doc.meeting_title and doc.meeting_title != doc.body_name:
        story.append(Paragraph(escape(doc.meeting_title), st.subtitle))
    story.append(Spacer(1, 5 * mm))
    rows = [
        [Paragraph(f"{label}:", st.label), Paragraph(escape(value), st.text)]
        for label, value in (("Date", doc.date_text), ("Time", doc.time_text), ("Venue", doc.venue))
        if value
    ]
    if rows:
        table = Table(rows, colWidths=[22 * mm, FRAME_WIDTH - 22 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        story += [table, Spacer(1, 4 * mm)]
    story.append(Paragraph(escape(doc.heading), st.heading))
    return story


def _attendance_table(block: AttendanceBlock, st: _Styles) -> Table:
    rows: list[list[Any]] = [[Paragraph(f"{escape(block.heading)}:", st.block_heading), "", ""]]
    for line in block.lines:
        role = escape(line.role)
        if line.note:
            note = f"<i>{escape(line.note)}</i>"
            role = f"{role} – {note}" if role else note
        rows.append(
            [Paragraph(escape(line.name), st.cell), Paragraph(role, st.cell), Paragraph(escape(line.initials), st.cell)]
        )
    table = Table(rows, colWidths=[58 * mm, FRAME_WIDTH - 58 * mm - 20 * mm, 20 * mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
            ]
        )
    )
    table.spaceAfter = 4 * mm
    return table


def _attendance(doc: MinutesDocument, st: _Styles) -> list[Flowable]:
    if doc.style.layout is Layout.PROSE:  # "Present: Cllr A (Chair), Cllr B, …", a paragraph a block
        story: list[Flowable] = [
            Paragraph(f"<b>{escape(block.heading)}:</b> {escape(block.run_on(doc.common_roles))}", st.attendance)
            for block in doc.attendance
            if block.lines
        ]
    else:
        story = [_attendance_table(block, st) for block in doc.attendance if block.lines]
    n = doc.members_of_public
    if n > 0:
        sentence = "There was 1 member" if n == 1 else f"There were {n} members"
        story.append(Paragraph(f"{sentence} of the public in attendance.", st.text))
    story.append(Spacer(1, 6 * mm))
    return story


def _section_cells(section: MinuteSection, st: _Styles) -> list[Any]:
    # The agenda number is shown when it differs from the minute number ("9." beside "6.4 Joint Forward Plan").
    shown_number = section.item_number if section.show_item_number else ""
    title = escape(" ".join(part for part in (shown_number, section.title) if part))
    lead: list[Flowable] = []
    if not section.is_heading:
        lead.append(_Bookmark(section.anchor, f"{_label(section)} {section.title}".strip()))
    lead.append(Paragraph(title, st.item_title))
    if section.presenter:
        lead.append(Paragraph(f"<i>Presented by {escape(section.presenter)}</i>", st.presenter))
    body = _keep_lead_ins(markdown_to_flowables(section.body_markdown, st.body))
    # Cells are lists, never a bare flowable: Table can only split a row whose cells are lists or strings.
    item: list[Flowable] = [_Lead([*lead, *body[:1]]), *body[1:]]
    if section.is_heading:
        return [item, "", ""]
    actions = ", ".join(section.action_initials)
    return [
        [Paragraph(escape(_label(section)), st.number)],
        item,
        [Paragraph(escape(actions), st.action)] if actions else "",
    ]


def _minutes_table(sections: Sequence[MinuteSection], st: _Styles) -> Table:
    number_width = number_column_mm([_label(s) for s in sections if not s.is_heading], padding_mm=10 * 25.4 / 72) * mm
    action_width = 22 * mm
    header = [Paragraph(text, st.header_cell) for text in ("No.", "Agenda Item", "Action")]
    rows: list[list[Any]] = [header, *(_section_cells(s, st) for s in sections)]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),  # empty string cells would otherwise pull in Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), st.accent),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        # Close a row split by a page break at the foot of the page and reopen it on the next.
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, RULE),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, RULE),
    ]
    for row, section in enumerate(sections, start=1):
        if section.is_heading:
            commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), NHS_PALE_GREY)]
    table = Table(
        rows,
        colWidths=[number_width, FRAME_WIDTH - number_width - action_width, action_width],
        repeatRows=1,
        # Split inside a row first, as Word does: a long minute flows on rather than leaving half a page blank.
        splitByRow=0,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(commands))
    return table


def _minutes_prose(sections: Sequence[MinuteSection], st: _Styles) -> list[Flowable]:
    """Each minute a heading ("PL4  24/0112/FUL – Land at Mill Lane") kept with its first lines, then its text."""
    story: list[Flowable] = []
    for section in sections:
        shown_number = section.item_number if section.show_item_number else ""
        title = " ".join(part for part in (shown_number, section.title) if part)
        label = "" if section.is_heading else _label(section)
        lead: list[Flowable] = []
        if not section.is_heading:
            lead.append(_Bookmark(section.anchor, f"{label} {section.title}".strip()))
        heading = f"{escape(label)}&nbsp;&nbsp;&nbsp;{escape(title)}" if label else escape(title)
        lead.append(Paragraph(heading, st.prose_heading))
        if section.presenter:
            lead.append(Paragraph(f"<i>Presented by {escape(section.presenter)}</i>", st.presenter))
        body = _keep_lead_ins(markdown_to_flowables(section.body_markdown, st.body))
        story += [_Lead([*lead, *body[:1]]), *body[1:]]
    return story


def _actions_table(actions: Sequence[ActionLine], st: _Styles) -> list[Flowable]:
    minute = number_column_mm([a.minute_number for a in actions], padding_mm=12 * 25.4 / 72, least=18.0)
    widths = [14 * mm, minute * mm, 0.0, 26 * mm, 24 * mm]
    widths[2] = FRAME_WIDTH - sum(widths)
    header = [Paragraph(text, st.header_cell) for text in ("No.", "Minute", "Action", "Owner", "Due")]
    rows: list[list[Any]] = [header]
    for action in actions:
        rows.append(
            [Paragraph(escape(value), st.cell) for value in (action.number, action.minute_number, action.text)]
            + [Paragraph(escape(action.owners), st.number), Paragraph(escape(action.due), st.cell)]
        )
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), st.accent),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F4F6F7")]),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [Spacer(1, 8 * mm), Paragraph("Actions", st.section), table]


def _story(doc: MinutesDocument, st: _Styles, spots: list[SignatureSpot] | None = None) -> list[Flowable]:
    story = _title_block(doc, st)
    if doc.version_note:
        story += [Paragraph(f"<b>{escape(doc.version_note)}</b>", st.text), Spacer(1, 3 * mm)]
    story += _attendance(doc, st)
    if doc.sections and doc.style.layout is Layout.PROSE:
        story += _minutes_prose(doc.sections, st)
    elif doc.sections:
        story.append(_minutes_table(doc.sections, st))
    if doc.closing_lines:
        story.append(Spacer(1, 4 * mm))
        story += [Paragraph(escape(line), st.text) for line in doc.closing_lines]
    if doc.actions:
        story += _actions_table(doc.actions, st)
    story.append(signature_block(doc, st, spots))
    return story


# --- page furniture ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignatureSpot:
    """Where the chair's signature goes: a page (1-based) and a box in points from the page's bottom left."""

    page: int
    box: tuple[float, float, float, float]

    def keywords(self) -> str:
        x1, y1, x2, y2 = self.box
        return f"{SPOT_KEYWORD}={self.page}:{x1:.2f},{y1:.2f},{x2:.2f},{y2:.2f}"


SPOT_KEYWORD = "quorate-signature-box"  # in the PDF's Keywords: `sign` reads it to put the signature there
SIGNATURE_BOX_WIDTH, SIGNATURE_BOX_HEIGHT = 250.0, 80.0  # the size `sign` draws its appearance at


class _SignatureArea(Flowable):  # type: ignore[misc]
    """The place reserved for the chair's signature at the end of the minutes: a caption, a blank box the
    signature appearance is drawn into, then the version and the digest of the record rendered. It never
    splits, so when the last page has no room the whole block moves to a new page; where it lands is noted
    in the furniture (and so in the PDF's Keywords) for the signer."""

    CAPTION, GAP, DIGEST = 11.0, 4.0, 18.0

    def __init__(self, caption: str, digest_lines: Sequence[str], spots: list[SignatureSpot]) -> None:
        super().__init__()
        self.caption = caption
        self.digest_lines = tuple(digest_lines)
        self.spots = spots

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.CAPTION + self.GAP + SIGNATURE_BOX_HEIGHT + self.GAP + self.DIGEST
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        box_x = self.width - SIGNATURE_BOX_WIDTH
        box_y = self.GAP + self.DIGEST
        canv.saveState()
        canv.setFillColor(NHS_DARK_GREY)
        canv.setFont(BOLD, 9)
        canv.drawString(box_x, self.height - 9, self.caption)
        canv.setFillColor(NHS_MID_GREY)
        canv.setFont(FAMILY, 6)
        for index, line in enumerate(self.digest_lines):
            canv.drawString(box_x, self.DIGEST - 7 - index * 7.5, line)
        canv.restoreState()
        x1, y1 = canv.absolutePosition(box_x, box_y)
        held = getattr(canv, "_held_pages", [])
        page = len(held) + 1
        self.spots.append(SignatureSpot(page, (x1, y1, x1 + SIGNATURE_BOX_WIDTH, y1 + SIGNATURE_BOX_HEIGHT)))


def signature_block(doc: MinutesDocument, st: _Styles, spots: list[SignatureSpot] | None = None) -> Flowable:
    """The approval lines and the reserved signature area, kept together on the last page."""
    digest = doc.record_digest
    digest_lines = (
        [f"Minutes version {doc.version} · record digest (SHA-256):", digest]
        if digest
        else [f"Minutes version {doc.version}"]
    )
    parts: list[Flowable] = [Spacer(1, 6 * mm)]
    parts += [Paragraph(escape(line), st.text) for line in doc.approval_lines]
    parts.append(Spacer(1, 3 * mm))
    parts.append(_SignatureArea(SIGNATURE_CAPTION, digest_lines, spots if spots is not None else []))
    return KeepTogether(parts)


@dataclass(frozen=True, slots=True)
class _Furniture:
    footer_title: str
    audit_head: str
    draft: bool
    confidential: bool
    initials_box: bool = False
    spots: list[SignatureSpot] = field(default_factory=list)


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_page_start(canv: Canvas, furniture: _Furniture) -> None:
    """Under the content: watermark first so the text stays on top of it; then the header."""
    if furniture.draft:
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFont(BOLD, 130)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(50)
        canv.drawCentredString(0, -45, "DRAFT")
        canv.restoreState()
    if furniture.confidential:
        canv.saveState()
        y = PAGE_HEIGHT - 12 * mm
        canv.setFillColor(NHS_RED)
        canv.setFont(BOLD, 10)
        canv.drawCentredString(PAGE_WIDTH / 2, y, "CONFIDENTIAL — Part II")
        canv.setStrokeColor(NHS_RED)
        canv.setLineWidth(0.8)
        canv.line(MARGIN_X, y - 2.5 * mm, PAGE_WIDTH - MARGIN_X, y - 2.5 * mm)
        canv.restoreState()


def _draw_footer(canv: Canvas, furniture: _Furniture, page: int, total: int) -> None:
    canv.saveState()
    rule_y = MARGIN_BOTTOM - 8 * mm
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
    canv.setFillColor(NHS_DARK_GREY)
    canv.setFont(FAMILY, 8)
    page_text = f"Page {page} of {total}"
    canv.drawRightString(PAGE_WIDTH - MARGIN_X, rule_y - 4 * mm, page_text)
    room = FRAME_WIDTH - stringWidth(page_text, FAMILY, 8) - 10 * mm
    if furniture.initials_box:
        # Left of the page number, under the rule: where the chair initials each loose leaf.
        box_w, box_h = 26 * mm, 10 * mm
        box_x = PAGE_WIDTH - MARGIN_X - stringWidth(page_text, FAMILY, 8) - 5 * mm - box_w
        canv.setStrokeColor(NHS_MID_GREY)
        canv.rect(box_x, rule_y - 2 * mm - box_h, box_w, box_h, stroke=1, fill=0)
        canv.setFont(FAMILY, 6)
        canv.drawString(box_x + 1.5 * mm, rule_y - 4.5 * mm, "Chair's initials")
        canv.setFont(FAMILY, 8)
        room -= box_w + 5 * mm
    canv.drawString(MARGIN_X, rule_y - 4 * mm, _fit(furniture.footer_title, FAMILY, 8, room))
    if page == total and furniture.audit_head:
        canv.setFillColor(NHS_MID_GREY)
        canv.setFont(FAMILY, 6)
        canv.drawString(MARGIN_X, rule_y - 8 * mm, f"Audit chain: {furniture.audit_head}")
    canv.restoreState()


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """ReportLab's NumberedCanvas recipe: hold every page until save, when the page count is known.

    Bookmarks are held too: the page object a bookmark points at is only numbered when the page is really
    emitted, so recording them during the build would point every one at page 1.
    """

    def __init__(self, *args: Any, furniture: _Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held_pages: list[dict[str, Any]] = []
        self._held_bookmarks: dict[int, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def bookmarkPage(self, *args: Any, **kwargs: Any) -> None:
        self._held_bookmarks.setdefault(len(self._held_pages), []).append((args, kwargs))

    def save(self) -> None:
        if self._furniture.spots:
            self.setKeywords(self._furniture.spots[-1].keywords())
        total = len(self._held_pages)
        for index, state in enumerate(self._held_pages):
            self.__dict__.update(state)
            for args, kwargs in self._held_bookmarks.get(index, ()):
                super().bookmarkPage(*args, **kwargs)
            _draw_footer(self, self._furniture, index + 1, total)
            super().showPage()
        if self._held_bookmarks:
            self.showOutline()
        super().save()


def _canvas_maker(furniture: _Furniture) -> Callable[..., _NumberedCanvas]:
    def make(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, furniture=furniture, **kwargs)

    return make


# --- entry points ------------------------------------------------------------------------------------------------


def minutes_pdf_bytes(doc: MinutesDocument, *, title_suffix: str = "") -> bytes:
    """Render the minutes and return the PDF file's bytes."""
    return minutes_pdf_and_spot(doc, title_suffix=title_suffix)[0]


def minutes_pdf_and_spot(doc: MinutesDocument, *, title_suffix: str = "") -> tuple[bytes, SignatureSpot | None]:
    """Render the minutes: the PDF file's bytes, and where the chair's signature goes in it."""
    font = register_fonts()
    styles = _make_styles(font, doc.style)
    meeting = (doc.meeting_title or doc.body_name or "Meeting") + title_suffix
    noun = doc.style.document_name.casefold()
    furniture = _Furniture(
        footer_title=meeting + (f" — DRAFT {noun}" if doc.draft else f" — {noun}"),
        audit_head=doc.audit_head,
        draft=doc.draft,
        confidential=doc.part is Part.TWO,
        initials_box=doc.style.initials_box,
    )
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{meeting} — {noun}",
        author=doc.body_name,
        subject=doc.heading,
        creator="Quorate",
        lang="en-GB",
        displayDocTitle=True,
        initialFontName=font,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates(
        [PageTemplate(id="minutes", frames=[frame], onPage=lambda canv, _doc: _draw_page_start(canv, furniture))]
    )
    template.build(_story(doc, styles, furniture.spots), canvasmaker=_canvas_maker(furniture))
    return buffer.getvalue(), (furniture.spots[-1] if furniture.spots else None)


def render_minutes_pdf(doc: MinutesDocument, out: Path, *, title_suffix: str = "") -> Path:
    """Write the minutes to `out` atomically: either the complete new PDF is there, or the old state is."""
    return write_atomically(Path(out), minutes_pdf_bytes(doc, title_suffix=title_suffix))
