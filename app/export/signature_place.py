"""Where the chair's visible signature goes on the last page: a place that is blank, so it never covers text.

Quorate's minutes PDF records the place it reserved (its Keywords; `signing.reserved_spot`). Any other PDF —
the Word export printed to PDF, minutes made elsewhere — is looked at: the page is rendered (PDFium, one pixel a
point) and the box goes under the caption "Signed as a correct record by the Chair" when the page has it (the
Word export keeps a blank cell there), else in the lowest blank place towards the bottom right. Every box,
reserved, found or given, must be blank on the rendered page; when none is, signing is refused in a sentence.

pypdfium2 loads only when a signature is placed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

SIGNATURE_CAPTION = "Signed as a correct record by the Chair"  # printed above the place kept for the signature
BOX_WIDTH, BOX_HEIGHT = 250.0, 80.0  # the size the signature's appearance is drawn at
MIN_HEIGHT = 48.0  # the shortest box the appearance still reads in (name, role, date)
INK = 200  # grey levels below this are print; a DRAFT watermark (about 234) is not
MARGIN = 36.0  # points kept clear at the page's edges
PAD = 2.0  # points around a box that must be blank too, so it never touches a letter
STEP = 4  # points between the places tried


Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class LastPage:
    """The last page rendered in grey at one pixel a point, with the crop box the pixels start from."""

    index: int
    count: int  # pages in the document
    image: Image.Image
    left: float
    bottom: float
    right: float
    top: float
    caption: Box | None  # where the signature caption is printed on it, if it is

    def blank(self, box: Box, pad: float = PAD) -> bool:
        """Nothing printed inside the box (and `pad` points around it), and the box is on the page."""
        x1, y1, x2, y2 = box
        px1, px2 = math.floor(x1 - self.left - pad), math.ceil(x2 - self.left + pad)
        py1, py2 = math.floor(self.top - y2 - pad), math.ceil(self.top - y1 + pad)
        if px1 < 0 or py1 < 0 or px2 > self.image.width or py2 > self.image.height or px2 <= px1 or py2 <= py1:
            return False
        darkest = self.image.crop((px1, py1, px2, py2)).getextrema()[0]
        return isinstance(darkest, int | float) and darkest >= INK


@contextmanager
def last_page(data: bytes) -> Iterator[LastPage | None]:
    """The page the signature goes on, rendered: the last page, or the one before it when the signature caption
    is printed there and not on the last (a Word export whose last page holds only what follows the block).
    None when PDFium cannot read the file or the page is turned (its boxes do not map onto the rendering)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        yield None
        return
    try:
        if len(document) == 0:
            yield None
            return
        index = len(document) - 1
        caption = _caption(document[index])
        if caption is None and index > 0 and (earlier := _caption(document[index - 1])) is not None:
            index, caption = index - 1, earlier
        page = document[index]
        if page.get_rotation() % 360:
            yield None
            return
        left, bottom, right, top = page.get_cropbox()
        image = page.render(scale=1, grayscale=True).to_pil().convert("L")
        yield LastPage(index, len(document), image, left, bottom, right, top, caption)
    finally:
        document.close()


def _caption(page: object) -> Box | None:
    """Where the last "Signed as a correct record by the Chair" on the page is printed."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        searcher = textpage.search(SIGNATURE_CAPTION, match_case=False)
        found = None
        while (hit := searcher.get_next()) is not None:
            found = hit
        if found is None:
            return None
        start, count = found
        boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
    finally:
        textpage.close()


def under_caption(page: LastPage) -> Box | None:
    """The blank box under the signature caption, as tall as fits (down to MIN_HEIGHT)."""
    if page.caption is None:
        return None
    x1 = page.caption[0]
    x2 = min(x1 + BOX_WIDTH, page.right - MARGIN / 2)
    top = page.caption[1] - 3
    height = BOX_HEIGHT
    while height >= MIN_HEIGHT:
        box = (x1, top - height, x2, top)
        if x2 - x1 >= 150 and page.blank(box):
            return box
        height -= STEP
    return None


def lowest_blank(page: LastPage) -> Box | None:
    """The lowest blank BOX_WIDTH × BOX_HEIGHT place on the page, as far right as it goes (where a signature
    sits at the end of a document)."""
    ink = page.image.point(lambda value: 255 if value < INK else 0)
    y1 = page.bottom + MARGIN
    while y1 + BOX_HEIGHT <= page.top - MARGIN:
        x2 = page.right - MARGIN
        while x2 - BOX_WIDTH >= page.left + MARGIN:
            box = (x2 - BOX_WIDTH, y1, x2, y1 + BOX_HEIGHT)
            px1, py1 = math.floor(box[0] - page.left - PAD), math.floor(page.top - box[3] - PAD)
            px2, py2 = math.ceil(box[2] - page.left + PAD), math.ceil(page.top - box[1] + PAD)
            if ink.crop((px1, py1, px2, py2)).getbbox() is None:
                return box
            x2 -= STEP * 4
        y1 += STEP
    return None
