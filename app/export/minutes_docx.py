"""Minutes to Word (python-docx), for secretaries who edit and circulate in Word.

The same content, in the same order, as the PDF (minutes_pdf.py): title block, attendance blocks with roles,
initials and "part", the count of public, the table `No. | Agenda Item | Action` with each minute's title,
"Presented by …" and body (Markdown rendered as real Word formatting: bold and italic runs, Word bullet and
numbered lists, paragraphs), then the action list. Drafts carry "DRAFT" in every page header, Part II a
confidentiality marking; the audit-chain head the minutes were rendered from closes the document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from markdown_it.token import Token

from app.domain import Part
from app.domain.house_style import Layout
from app.export.files import write_atomically
from app.export.fonts import number_column_mm
from app.export.markdown_flow import _MD, _PASTED_BULLET
from app.export.signature_place import SIGNATURE_CAPTION
from app.services.minutes import ActionLine, AttendanceBlock, MinutesDocument, MinuteSection

FONT = "Arial"
NHS_DARK_GREY = "425563"
NHS_MID_GREY = "768692"
NHS_PALE_GREY = "E8EDEE"
NHS_RED = "DA291C"
RULE = "AEB7BD"

PAGE_WIDTH_MM = 210.0
MARGIN_MM = 18.0
FRAME_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM
LIST_INDENT_MM = 6.0
MAX_LIST_DEPTH = 3  # Word's built-in "List Bullet 3" / "List Number 3" are the deepest styles


# --- low-level OOXML helpers (python-docx has no API for these) ---------------------------------------------------


# OOXML properties are ordered sequences: a child appended out of order makes Word call the file damaged.
_TC_AFTER_SHD = (
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
    "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip
_TBL_AFTER_BORDERS = (
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)  # fmt: skip
_P_AFTER_BORDERS = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.insert_element_before(shd, *_TC_AFTER_SHD)


def _borders(table: Any, colour: str = RULE, size: int = 4, inside: bool = True) -> None:
    """Single-line borders on the table (size in eighths of a point)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    edges = ("top", "left", "bottom", "right") + (("insideH", "insideV") if inside else ())
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), colour)
        borders.append(element)
    tbl_pr.insert_element_before(borders, *_TBL_AFTER_BORDERS)


def _bottom_rule(paragraph: Any, colour: str = RULE) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", colour)):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p_pr.insert_element_before(borders, *_P_AFTER_BORDERS)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _field(paragraph: Any, instruction: str, size: float) -> None:
    """A simple field (PAGE, NUMPAGES) that Word fills in when it lays the document out."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    r_pr.append(sz)
    run.append(r_pr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _widths(table: Any, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    # The grid too: LibreOffice (and Word on reflow) lay a table out by its grid columns, not its cells.
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def _run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    colour: str | None = None,
) -> Any:
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if size is not None:
        run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = RGBColor.from_string(colour)
    return run


def _spacing(paragraph: Any, before: float = 0, after: float = 0) -> None:
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)


# --- Markdown to Word -----------------------------------------------------------------------------------------------


@dataclass
class _List:
    ordered: bool
    start: int = 1
    num_id: int | None = None  # a fresh Word numbering instance per ordered list, so each restarts at its start


@dataclass
class _Format:
    bold: int = 0
    italic: int = 0
    strike: int = 0
    code: bool = False


@dataclass
class _DocxWalker:
    """Markdown tokens (markdown-it-py, as markdown_flow.py parses them) to paragraphs in a cell or the body."""

    container: Any  # a table cell or the document: anything with add_paragraph
    document: Any
    first: Any | None = None  # an empty paragraph to fill first (a cell starts with one)
    lists: list[_List] = field(default_factory=list)
    quote_depth: int = 0
    item_open: bool = False  # a list item's first block takes the list style; later blocks are indented text
    paragraphs: list[Any] = field(default_factory=list)

    def _new_paragraph(self, style: str | None = None) -> Any:
        if self.first is not None:
            paragraph, self.first = self.first, None
            if style is not None:
                paragraph.style = self.document.styles[style]
        else:
            paragraph = self.container.add_paragraph(style=style)
        _spacing(paragraph, 0, 4)
        self.paragraphs.append(paragraph)
        return paragraph

    def _list_paragraph(self) -> Any:
        depth = min(len(self.lists), MAX_LIST_DEPTH)
        ctx = self.lists[-1]
        kind = "List Number" if ctx.ordered else "List Bullet"
        style = kind if depth == 1 else f"{kind} {depth}"
        paragraph = self._new_paragraph(style)
        _spacing(paragraph, 0, 2)
        if ctx.ordered:
            if ctx.num_id is None:
                ctx.num_id = self._restart_numbering(style, ctx.start)
            if ctx.num_id is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = ctx.num_id
        return paragraph

    def _restart_numbering(self, style: str, start: int) -> int | None:
        """A new w:num on the style's list definition, starting at `start`: Word continues numbering otherwise."""
        p_pr = self.document.styles[style].element.pPr
        if p_pr is None or p_pr.numPr is None or p_pr.numPr.numId is None:
            return None
        numbering = self.document.part.numbering_part.element
        existing = numbering.num_having_numId(p_pr.numPr.numId.val)
        num = numbering.add_num(existing.abstractNumId.val)
        num.add_lvlOverride(0).add_startOverride(start)
        return int(num.numId)

    def block(self, children: Sequence[Token], heading: bool = False) -> None:
        if self.item_open and self.lists:
            paragraph = self._list_paragraph()
            self.item_open = False
        else:
            paragraph = self._new_paragraph()
            indent = len(self.lists) * LIST_INDENT_MM + self.quote_depth * LIST_INDENT_MM
            if indent:
                paragraph.paragraph_format.left_indent = Mm(indent)
            if heading:
                paragraph.paragraph_format.keep_with_next = True
        self.inline(paragraph, children, bold=heading, grey=self.quote_depth > 0)
        if paragraph.text.rstrip().endswith(":"):
            paragraph.paragraph_format.keep_with_next = True  # "Agreed:" stays with the resolutions after it

    def inline(self, paragraph: Any, children: Sequence[Token], bold: bool = False, grey: bool = False) -> None:
        fmt = _Format(bold=int(bold))
        for child in children:
            match child.type:
                case "strong_open":
                    fmt.bold += 1
                case "strong_close":
                    fmt.bold = max(0, fmt.bold - 1)
                case "em_open":
                    fmt.italic += 1
                case "em_close":
                    fmt.italic = max(0, fmt.italic - 1)
                case "s_open":
                    fmt.strike += 1
                case "s_close":
                    fmt.strike = max(0, fmt.strike - 1)
                case "softbreak" | "hardbreak":
                    paragraph.add_run().add_break()
                case "link_open" | "link_close":
                    continue
                case "image":
                    self._text(paragraph, child.content or str(child.attrs.get("alt", "")), fmt, grey)
                case "code_inline":
                    self._text(paragraph, child.content, _Format(fmt.bold, fmt.italic, fmt.strike, True), grey)
                case _:
                    if child.content:
                        self._text(paragraph, child.content, fmt, grey)

    @staticmethod
    def _text(paragraph: Any, text: str, fmt: _Format, grey: bool) -> None:
        run = paragraph.add_run(text)
        if fmt.bold:
            run.bold = True
        if fmt.italic:
            run.italic = True
        if fmt.strike:
            run.font.strike = True
        if fmt.code:
            run.font.name = "Courier New"
        if grey:
            run.font.color.rgb = RGBColor.from_string(NHS_DARK_GREY)

    def plain(self, text: str) -> None:
        paragraph = self._new_paragraph()
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            paragraph.add_run(line)

    def walk(self, tokens: Sequence[Token]) -> None:
        heading = False
        for token in tokens:
            match token.type:
                case "heading_open":
                    heading = True
                case "heading_close" | "paragraph_close":
                    heading = False
                case "paragraph_open":
                    pass
                case "inline":
                    self.block(token.children or (), heading)
                case "bullet_list_open":
                    self.lists.append(_List(ordered=False))
                case "ordered_list_open":
                    start = token.attrs.get("start", 1)
                    self.lists.append(_List(True, int(start) if isinstance(start, int | str) else 1))
                case "bullet_list_close" | "ordered_list_close":
                    if self.lists:
                        self.lists.pop()
                case "list_item_open":
                    if not self.lists:
                        self.lists.append(_List(ordered=False))
                    self.item_open = True
                case "list_item_close":
                    if self.item_open:  # an empty item still shows its bullet
                        self.block(())
                case "blockquote_open":
                    self.quote_depth += 1
                case "blockquote_close":
                    self.quote_depth = max(0, self.quote_depth - 1)
                case "hr":
                    _bottom_rule(self._new_paragraph())
                case "code_block" | "fence":
                    self.plain(token.content.rstrip("\n"))
                case _:
                    # Unknown or unsupported (html_block, tables if ever enabled …): keep the words.
                    if token.children:
                        self.block(token.children)
                    elif token.content and token.nesting == 0:
                        self.plain(token.content)


def markdown_to_docx(text: str, container: Any, document: Any, first: Any | None = None) -> list[Any]:
    """Render Markdown `text` as paragraphs added to `container` (a cell or the document); return them."""
    if not text.strip():
        return []
    walker = _DocxWalker(container, document, first)
    try:
        walker.walk(_MD.parse(_PASTED_BULLET.sub(r"\1- ", text)))
    except Exception:
        # Minutes must still export if the parser ever fails: keep every block's words as plain paragraphs.
        for paragraph in walker.paragraphs:
            paragraph._p.getparent().remove(paragraph._p)
        walker = _DocxWalker(container, document, None)
        for chunk in re.split(r"\n\s*\n", text):
            if chunk.strip():
                walker.plain(chunk.strip())
    return walker.paragraphs


# --- the document ---------------------------------------------------------------------------------------------------


def _label(section: MinuteSection) -> str:
    number = section.minute_number
    return f"{number}." if number.isdigit() else number


def _setup(document: Any, doc: MinutesDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    r_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), FONT)
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3"):
        document.styles[name].font.name = FONT
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin, section.bottom_margin = Mm(22), Mm(24)
    meeting = doc.meeting_title or doc.body_name or "Meeting"
    props = document.core_properties
    props.title = f"{meeting} — {'DRAFT ' if doc.draft else ''}{doc.style.document_name.casefold()}"
    props.subject = doc.heading
    props.author = doc.body_name
    props.last_modified_by = "Quorate"
    props.content_status = "Draft" if doc.draft else "Final"
    props.language = "en-GB"
    part_words = "Part II; confidential" if doc.part is Part.TWO else "Part I; public"
    props.keywords = f"{doc.style.document_name.casefold()}; {part_words}"
    props.comments = f"Audit chain: {doc.audit_head}" if doc.audit_head else ""
    props.category = doc.style.document_name
    props.revision = 1

    # Header: DRAFT until approved, a confidentiality marking for Part II.
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc.part is Part.TWO:
        _run(header, "CONFIDENTIAL — Part II", bold=True, size=10, colour=NHS_RED)
    if doc.draft:
        if doc.part is Part.TWO:
            _run(header, "    ")
        _run(header, "DRAFT", bold=True, size=16, colour=NHS_MID_GREY)
    # Footer: the meeting and "Page X of Y" on every page.
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(FRAME_MM), alignment=WD_TAB_ALIGNMENT.RIGHT)
    _run(footer, meeting + (" — DRAFT minutes" if doc.draft else " — minutes"), size=8, colour=NHS_DARK_GREY)
    _run(footer, "\tPage ", size=8, colour=NHS_DARK_GREY)
    _field(footer, "PAGE", 8)
    _run(footer, " of ", size=8, colour=NHS_DARK_GREY)
    _field(footer, "NUMPAGES", 8)


def _accent(doc: MinutesDocument) -> str:
    return doc.style.accent.lstrip("#").upper()


def _dark(doc: MinutesDocument) -> str:
    return doc.style.dark.lstrip("#").upper()


def _logo(document: Any, path: str) -> None:
    """The body's logo, right-aligned, at most 45 × 20 mm; a missing or unreadable file is left out."""
    if not path or not Path(path).is_file():
        return
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    try:
        picture = paragraph.add_run().add_picture(path)
    except Exception:  # python-docx raises its own errors for image formats it cannot read
        paragraph._p.getparent().remove(paragraph._p)
        return
    scale = min(Mm(45) / picture.width, Mm(20) / picture.height, 1.0)
    picture.width, picture.height = int(picture.width * scale), int(picture.height * scale)


def _title_block(document: Any, doc: MinutesDocument) -> None:
    _logo(document, doc.style.logo_path)
    title = document.add_paragraph()
    _spacing(title, 0, 2)
    _run(title, doc.body_name, bold=True, size=18, colour=_accent(doc))
    if doc.meeting_title and doc.meeting_title != doc.body_name:
        subtitle = document.add_paragraph()
        _spacing(subtitle, 0, 8)
        _run(subtitle, doc.meeting_title, size=12.5, colour=NHS_DARK_GREY)
    for label, value in (("Date", doc.date_text), ("Time", doc.time_text), ("Venue", doc.venue)):
        if value:
            line = document.add_paragraph()
            _spacing(line, 0, 1)
            line.paragraph_format.tab_stops.add_tab_stop(Mm(22))
            _run(line, f"{label}:", bold=True)
            _run(line, f"\t{value}")
    if doc.draft:
        mark = document.add_paragraph()
        _spacing(mark, 6, 0)
        _run(mark, "DRAFT — not yet approved", bold=True, size=11, colour=NHS_RED)
    heading = document.add_paragraph()
    _spacing(heading, 10, 6)
    _run(heading, doc.heading, bold=True, size=12, colour=_dark(doc))
    if doc.version_note:
        note = document.add_paragraph()
        _spacing(note, 0, 6)
        _run(note, doc.version_note, bold=True)


def _attendance_block(document: Any, block: AttendanceBlock, dark: str) -> None:
    heading = document.add_paragraph()
    _spacing(heading, 6, 2)
    heading.paragraph_format.keep_with_next = True
    _run(heading, f"{block.heading}:", bold=True, colour=dark)
    _bottom_rule(heading)
    table = document.add_table(rows=0, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for line in block.lines:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(line.name)
        role = cells[1].paragraphs[0]
        if line.role:
            role.add_run(line.role)
        if line.note:
            role.add_run(" – " if line.role else "")
            _run(role, line.note, italic=True)
        cells[2].paragraphs[0].add_run(line.initials)
        for cell in cells:
            _spacing(cell.paragraphs[0], 1, 1)
    _widths(table, (58, FRAME_MM - 58 - 20, 20))


def _attendance(document: Any, doc: MinutesDocument) -> None:
    for block in doc.attendance:
        if block.lines and doc.style.layout is Layout.PROSE:  # "Present: Cllr A (Chair), Cllr B, …"
            line = document.add_paragraph()
            _spacing(line, 0, 4)
            _run(line, f"{block.heading}: ", bold=True, colour=_dark(doc))
            _run(line, block.run_on(doc.common_roles))
        elif block.lines:
            _attendance_block(document, block, _dark(doc))
    n = doc.members_of_public
    if n > 0:
        sentence = "There was 1 member" if n == 1 else f"There were {n} members"
        public = document.add_paragraph(f"{sentence} of the public in attendance.")
        _spacing(public, 6, 0)
    _spacing(document.add_paragraph(), 0, 6)


def _header_row(table: Any, labels: Sequence[str], accent: str) -> None:
    row = table.rows[0]
    _repeat_header(row)
    for cell, label in zip(row.cells, labels, strict=True):
        _shade(cell, accent)
        _run(cell.paragraphs[0], label, bold=True, colour="FFFFFF")
        _spacing(cell.paragraphs[0], 1, 1)


def _section_row(document: Any, table: Any, section: MinuteSection) -> None:
    cells = table.add_row().cells
    shown_number = section.item_number if section.show_item_number else ""
    title_text = " ".join(part for part in (shown_number, section.title) if part)
    if section.is_heading:
        merged = cells[0].merge(cells[2])
        _shade(merged, NHS_PALE_GREY)
        item_cell = merged
    else:
        number = cells[0].paragraphs[0]
        _run(number, _label(section), bold=True)
        item_cell = cells[1]
        if section.action_initials:
            action = cells[2].paragraphs[0]
            action.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(action, ", ".join(section.action_initials), bold=True)
    title = item_cell.paragraphs[0]
    _spacing(title, 0, 2)
    title.paragraph_format.keep_with_next = True
    _run(title, title_text, bold=True)
    if section.presenter:
        presenter = item_cell.add_paragraph()
        _spacing(presenter, 0, 4)
        presenter.paragraph_format.keep_with_next = True
        _run(presenter, f"Presented by {section.presenter}", italic=True, colour=NHS_DARK_GREY)
    markdown_to_docx(section.body_markdown, item_cell, document)


def _minutes_table(document: Any, sections: Sequence[MinuteSection], accent: str) -> None:
    table = document.add_table(rows=1, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _borders(table)
    _header_row(table, ("No.", "Agenda Item", "Action"), accent)
    for section in sections:
        _section_row(document, table, section)
    number = number_column_mm([_label(s) for s in sections if not s.is_heading], padding_mm=4.0)
    _widths(table, (number, FRAME_MM - number - 22, 22))


def _minutes_prose(document: Any, sections: Sequence[MinuteSection], dark: str) -> None:
    """Each minute a heading ("PL4  24/0112/FUL – Land at Mill Lane") kept with its text, then its text."""
    for section in sections:
        shown_number = section.item_number if section.show_item_number else ""
        title = " ".join(part for part in (shown_number, section.title) if part)
        heading = document.add_paragraph()
        _spacing(heading, 8, 3)
        heading.paragraph_format.keep_with_next = True
        if not section.is_heading:  # the number hangs in the margin of the title, as a clerk's minutes set it
            heading.paragraph_format.tab_stops.add_tab_stop(Mm(18))
            heading.paragraph_format.left_indent = Mm(18)
            heading.paragraph_format.first_line_indent = -Mm(18)
            _run(heading, f"{_label(section)}\t", bold=True, colour=dark)
        _run(heading, title, bold=True, colour=dark)
        if section.presenter:
            presenter = document.add_paragraph()
            _spacing(presenter, 0, 4)
            presenter.paragraph_format.keep_with_next = True
            _run(presenter, f"Presented by {section.presenter}", italic=True, colour=NHS_DARK_GREY)
        markdown_to_docx(section.body_markdown, document, document)


def _actions_table(document: Any, actions: Sequence[ActionLine], accent: str, dark: str) -> None:
    heading = document.add_paragraph()
    _spacing(heading, 18, 6)
    heading.paragraph_format.keep_with_next = True
    _run(heading, "Actions", bold=True, size=12, colour=dark)
    table = document.add_table(rows=1, cols=5)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _borders(table)
    _header_row(table, ("No.", "Minute", "Action", "Owner", "Due"), accent)
    for line in actions:
        cells = table.add_row().cells
        for cell, value in zip(cells, (line.number, line.minute_number, line.text, line.owners, line.due), strict=True):
            paragraph = cell.paragraphs[0]
            _spacing(paragraph, 1, 1)
            _run(paragraph, value, bold=cell is cells[3])
    widths = [14.0, number_column_mm([a.minute_number for a in actions], padding_mm=4.0, least=18.0), 0.0, 26.0, 24.0]
    widths[2] = FRAME_MM - sum(widths)
    _widths(table, widths)


def _signature_block(document: Any, doc: MinutesDocument) -> None:
    """The approval lines and the place kept for the chair's signature (a blank 88 × 28 mm box at the right,
    kept with its caption on one page), then the version and the record's digest, as in the PDF."""
    if doc.approval_lines:
        _spacing(document.add_paragraph(), 0, 6)
        for line in doc.approval_lines:
            keep = _spacing_kept(document.add_paragraph(line))
            _spacing(keep, 0, 3)
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _widths(table, [FRAME_MM - 88.0, 88.0])
    caption = table.cell(0, 1).paragraphs[0]
    _run(caption, SIGNATURE_CAPTION, bold=True, size=9, colour=NHS_DARK_GREY)
    _spacing_kept(caption)
    table.rows[1].height = Mm(28)
    table.rows[1].height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    for row in table.rows:
        row._tr.get_or_add_trPr().append(_no_split())
        for cell in row.cells:
            _spacing_kept(cell.paragraphs[0])  # the caption, the blank and the digest stay on one page
    digest = _spacing_kept(document.add_paragraph())  # … with the audit line under it
    _spacing(digest, 4, 0)
    text = f"Minutes version {doc.version}"
    if doc.record_digest:
        text += f" · record digest (SHA-256): {doc.record_digest}"
    _run(digest, text, size=6, colour=NHS_MID_GREY)


def _spacing_kept(paragraph: Any) -> Any:
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _no_split() -> Any:
    return OxmlElement("w:cantSplit")


def _audit_line(document: Any, doc: MinutesDocument) -> None:
    if not doc.audit_head:
        return
    line = document.add_paragraph()
    _spacing(line, 18, 0)
    _run(line, f"Audit chain: {doc.audit_head}", size=6, colour=NHS_MID_GREY)


def minutes_docx_bytes(doc: MinutesDocument) -> bytes:
    """Render the minutes and return the .docx file's bytes."""
    document = Document()
    _setup(document, doc)
    _title_block(document, doc)
    _attendance(document, doc)
    if doc.sections and doc.style.layout is Layout.PROSE:
        _minutes_prose(document, doc.sections, _dark(doc))
    elif doc.sections:
        _minutes_table(document, doc.sections, _accent(doc))
    if doc.closing_lines:
        _spacing(document.add_paragraph(), 0, 3)
        for line in doc.closing_lines:
            _spacing(document.add_paragraph(line), 0, 3)
    if doc.actions:
        _actions_table(document, doc.actions, _accent(doc), _dark(doc))
    _signature_block(document, doc)
    _audit_line(document, doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_minutes_docx(doc: MinutesDocument, out: Path) -> Path:
    """Write the minutes as a Word document to `out` atomically."""
    return write_atomically(Path(out), minutes_docx_bytes(doc))
