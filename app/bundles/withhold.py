"""A pack with some pages withheld: each replaced by a page that says so, so every other page keeps its number.

A member not entitled to Part II papers, or one with a declared interest in an item, receives the pack with those
pages taken out: in a PDF each withheld page becomes a blank page of the same size saying why (its content, fonts,
images and links are dropped from the file, not hidden), in a text pack the page's text is replaced. Page numbers
stay those of the secretary's pack, so "page 40" means the same page to everyone, and the agenda's page ranges
hold as they are.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject
from reportlab.pdfgen.canvas import Canvas

from app.export.fonts import FAMILY, register_fonts

PLACEHOLDER_TITLE = "Withheld from this copy"


def placeholder_text(reason: str) -> str:
    return f"{PLACEHOLDER_TITLE}\n\n{reason}"


def _placeholder_pdf(width: float, height: float, reason: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setFont(FAMILY, 16)
    canvas.drawCentredString(width / 2, height / 2 + 20, PLACEHOLDER_TITLE)
    canvas.setFont(FAMILY, 11)
    y = height / 2 - 6
    for line in _lines(reason, 70):
        canvas.drawCentredString(width / 2, y, line)
        y -= 15
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _lines(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def withhold_pdf(pack: bytes, withheld: Mapping[int, str]) -> bytes:
    """The PDF `pack` with the pages in `withheld` (1-based page: why) replaced by placeholders."""
    if not withheld:
        return pack
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pack)))
    for number, reason in sorted(withheld.items()):
        if not 1 <= number <= len(writer.pages):
            continue
        page = writer.pages[number - 1]
        box = page.mediabox
        blank = PdfReader(io.BytesIO(_placeholder_pdf(float(box.width), float(box.height), reason))).pages[0]
        for key in ("/Contents", "/Resources", "/Annots", "/Thumb", "/PieceInfo", "/Metadata"):
            if NameObject(key) in page:
                del page[NameObject(key)]
        page[NameObject("/Resources")] = DictionaryObject()
        page.merge_page(blank)
    # The withheld pages' fonts, images and text are no longer reachable: drop them from the file.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def withhold_texts(pages: Sequence[str], withheld: Mapping[int, str]) -> list[str]:
    """The page texts with the withheld pages' replaced (what search and the reader of a text pack see)."""
    return [placeholder_text(withheld[n]) if n in withheld else text for n, text in enumerate(pages, start=1)]


def withhold_text_pack(pages: Sequence[str], withheld: Mapping[int, str]) -> bytes:
    """A text pack made again from its pages, withheld ones replaced, one form feed between pages (as the reader
    cuts a text pack into pages: `app.packs.reader.text_pages`)."""
    return "\f".join(withhold_texts(pages, withheld)).encode("utf-8")
