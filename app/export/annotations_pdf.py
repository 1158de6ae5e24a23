"""A member's notes as PDFs: a readable list of notes and questions by item, and the pack with the member's
highlights and notes burned in for printing. Input is domain values; output a file, written atomically.

Burned in, not added as PDF annotation objects: every viewer and printer shows drawn marks the same way
(poppler, PDFium, a printer driver), while annotation objects depend on each viewer's support.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from app.domain import AgendaItem, Annotation, Meeting, Part
from app.domain.annotations import AnnotationKind, colour_rgb
from app.export.files import write_atomically
from app.export.fonts import BOLD, register_fonts

CONFIDENTIAL = "CONFIDENTIAL — Part II: not for publication"
BAND_RGB = (0.72, 0.06, 0.11)


def _write_atomically(out: Path, write: Callable[[io.BytesIO], None]) -> Path:
    buffer = io.BytesIO()
    write(buffer)
    return write_atomically(out, buffer.getvalue())


def _item_name(item: AgendaItem | None) -> str:
    if item is None:
        return "Not on an agenda item"
    return f"{item.number} {item.title}".strip()


def render_notes_pdf(
    meeting: Meeting,
    items: Sequence[AgendaItem],
    owner: str,
    annotations: Sequence[Annotation],
    out: Path,
) -> Path:
    """The member's questions for the meeting grouped by agenda item, then every note, with page and quote.

    Part II items are marked confidential; when there are any, every page carries the confidential band."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    font = register_fonts()
    by_id = {item.id: item for item in items}
    order = {item.id: n for n, item in enumerate(items)}
    confidential = any(by_id.get(a.item_id) and by_id[a.item_id].part is Part.TWO for a in annotations)
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=13.5)
    title = ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=4)
    sub = ParagraphStyle("sub", parent=base, textColor=colors.HexColor("#555555"), spaceAfter=10)
    h2 = ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4)
    h3 = ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=2)
    quote = ParagraphStyle(
        "quote", parent=base, leftIndent=12, textColor=colors.HexColor("#444444"), fontSize=9, leading=12
    )
    note = ParagraphStyle("note", parent=base, leftIndent=12, spaceAfter=5)
    band = ParagraphStyle("band", parent=base, textColor=colors.HexColor("#b80f1c"), fontName=BOLD)

    def grouped(selected: Sequence[Annotation]) -> list[tuple[AgendaItem | None, list[Annotation]]]:
        groups: dict[int | None, list[Annotation]] = {}
        for a in sorted(selected, key=lambda a: (order.get(a.item_id, 10**6), a.page, a.id or 0)):
            groups.setdefault(a.item_id, []).append(a)
        return [(by_id.get(item_id), group) for item_id, group in groups.items()]

    def entry(a: Annotation) -> list[Any]:
        where = "Item note" if a.kind is AnnotationKind.ITEM_NOTE else f"Pack p. {a.page}"
        if a.orphaned:
            where += " (not found in the revised pack)"
        parts: list[Any] = []
        if a.quote:
            parts.append(Paragraph(f"<i>{where} — “{escape(a.quote)}”</i>", quote))
        else:
            parts.append(Paragraph(f"<i>{where}</i>", quote))
        if a.note:
            parts.append(Paragraph(escape(a.note).replace("\n", "<br/>"), note))
        return [KeepTogether(parts)]

    story: list[Any] = [
        Paragraph(f"Notes and questions — {escape(owner)}", title),
        Paragraph(
            escape(f"{meeting.title}" + (f" · {meeting.date:%A %-d %B %Y}" if meeting.date else ""))
            + f"<br/>Exported {datetime.now():%-d %B %Y %H:%M} from Quorate. Private notes of {escape(owner)}.",
            sub,
        ),
    ]
    questions = [a for a in annotations if a.raise_at_meeting]
    story.append(Paragraph(f"Questions to raise at the meeting ({len(questions)})", h2))
    if not questions:
        story.append(Paragraph("No notes are flagged to raise at the meeting.", base))
    for item, group in grouped(questions):
        story.append(Paragraph(escape(_item_name(item)), h3))
        if item is not None and item.part is Part.TWO:
            story.append(Paragraph(CONFIDENTIAL, band))
        for number, a in enumerate(group, start=1):
            text = escape(a.note or a.quote).replace("\n", "<br/>")
            story.append(Paragraph(f"{number}. {text}", note))
            if a.note and a.quote:
                story.append(Paragraph(f"<i>on “{escape(a.quote)}”, pack p. {a.page}</i>", quote))
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(f"All notes and highlights ({len(annotations)})", h2))
    for item, group in grouped(annotations):
        story.append(Paragraph(escape(_item_name(item)), h3))
        if item is not None and item.part is Part.TWO:
            story.append(Paragraph(CONFIDENTIAL, band))
        for a in group:
            story.extend(entry(a))

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        width, height = A4
        if confidential:
            canvas.setFillColorRGB(*BAND_RGB)
            canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
            canvas.setFillColorRGB(1, 1, 1)
            canvas.setFont(BOLD, 10)
            canvas.drawCentredString(width / 2, height - 6 * mm, CONFIDENTIAL)
        canvas.setFillColorRGB(0.4, 0.4, 0.4)
        canvas.setFont(font, 8)
        canvas.drawString(18 * mm, 10 * mm, f"Private notes of {owner} — not part of the minutes")
        canvas.drawRightString(width - 18 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    def write(stream: io.BytesIO) -> None:
        doc = SimpleDocTemplate(
            stream,
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=f"Notes and questions — {owner}",
            author=owner,
        )
        doc.build(story, onFirstPage=furniture, onLaterPages=furniture)

    return _write_atomically(out, write)


def _overlay_page(
    width: float, height: float, annotations: Sequence[Annotation], confidential: bool, owner: str
) -> Any:
    """One overlay page (a pypdf page) with the marks of `annotations` drawn at their places."""
    from pypdf import PdfReader
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    font = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))

    def y(top: float) -> float:  # rects are measured from the top of the page
        return height - top

    for a in annotations:
        r, g, b = (c / 255 for c in colour_rgb(a.colour))
        for x0, y0, x1, y1 in a.rects:
            if a.kind is AnnotationKind.HIGHLIGHT:
                canvas.setFillColorRGB(r, g, b, alpha=0.4)
                canvas.rect(x0, y(y1), x1 - x0, y1 - y0, stroke=0, fill=1)
            elif a.kind is AnnotationKind.UNDERLINE:
                canvas.setStrokeColorRGB(r * 0.8, g * 0.8, b * 0.8)
                canvas.setLineWidth(1.2)
                canvas.line(x0, y(y1) + 0.5, x1, y(y1) + 0.5)
            elif a.kind is AnnotationKind.STRIKE:
                canvas.setStrokeColorRGB(0.8, 0.1, 0.1)
                canvas.setLineWidth(1.0)
                canvas.line(x0, y((y0 + y1) / 2), x1, y((y0 + y1) / 2))
        if a.kind is AnnotationKind.INK:
            canvas.setStrokeColorRGB(r * 0.7, g * 0.7, b * 0.7)
            canvas.setLineWidth(1.5)
            for stroke in a.ink:
                if len(stroke) > 1:
                    path = canvas.beginPath()
                    path.moveTo(stroke[0][0], y(stroke[0][1]))
                    for px, py in stroke[1:]:
                        path.lineTo(px, y(py))
                    canvas.drawPath(path, stroke=1, fill=0)
        if a.note:
            # The note as a printed sticky note: beside its words (or its point), kept on the page.
            if a.rects:
                x0, _y0, x1, y1 = a.rects[-1]
                anchor_x, anchor_top = (x1 if a.kind is not AnnotationKind.NOTE else x0), y1
            else:
                anchor_x, anchor_top = width - 200, 40.0
            lines = simpleSplit(a.note, font, 8, 160)[:12]
            box_h = 8 + 10 * len(lines)
            box_x = min(max(8.0, anchor_x + 4), width - 176)
            box_top = min(max(8.0, anchor_top + 2), height - box_h - 8)
            canvas.setFillColorRGB(1.0, 0.95, 0.6, alpha=0.95)
            canvas.setStrokeColorRGB(0.75, 0.6, 0.1)
            canvas.setLineWidth(0.6)
            canvas.rect(box_x, y(box_top + box_h), 168, box_h, stroke=1, fill=1)
            canvas.setFillColorRGB(0.15, 0.15, 0.15)
            canvas.setFont(font, 8)
            for n, line in enumerate(lines):
                canvas.drawString(box_x + 4, y(box_top + 11 + 10 * n), line)
            if a.raise_at_meeting:
                canvas.setFillColorRGB(0.72, 0.06, 0.11)
                canvas.setFont(BOLD, 7)
                canvas.drawRightString(box_x + 164, y(box_top + box_h - 3), "RAISE AT MEETING")
    if confidential:
        canvas.setFillColorRGB(*BAND_RGB)
        canvas.rect(0, height - 16, width, 16, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(BOLD, 9)
        canvas.drawCentredString(width / 2, height - 11.5, CONFIDENTIAL)
    if annotations:
        canvas.setFillColorRGB(0.45, 0.45, 0.45)
        canvas.setFont(font, 6.5)
        canvas.drawRightString(width - 6, 4, f"Annotated by {owner}")
    canvas.showPage()
    canvas.save()
    buffer.seek(0)
    return PdfReader(buffer).pages[0]


def render_annotated_pack(
    pack: bytes | bytearray,
    annotations_by_page: Mapping[int, Sequence[Annotation]],
    confidential_pages: set[int],
    owner: str,
    out: Path,
) -> Path:
    """A copy of the pack PDF with the member's highlights and notes drawn on their pages (1-based) and the
    confidential band on Part II pages. The pack file itself is never changed."""
    import warnings

    from pypdf import PdfReader, PdfWriter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns on odd-but-readable packs
        reader = PdfReader(io.BytesIO(pack))  # the kept pack, decrypted in memory
        writer = PdfWriter(clone_from=reader)
        for number, page in enumerate(writer.pages, start=1):
            marks = annotations_by_page.get(number, ())
            if not marks and number not in confidential_pages:
                continue
            box = page.mediabox
            width, height = float(box.width), float(box.height)
            overlay = _overlay_page(width, height, marks, number in confidential_pages, owner)
            page.merge_page(overlay)

        def write(stream: io.BytesIO) -> None:
            writer.write(stream)

        return _write_atomically(out, write)
