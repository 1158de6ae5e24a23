"""PDF access through pypdf: bookmarks, page text and cover-sheet pages. No Qt here."""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pypdf import PdfReader

from app.packs.agenda import cells, norm
from app.packs.model import ImportCancelled, PackError

_COVER = re.compile(
    r"^(?:agenda\s+)?item(?:\s+(?:no\.?|number))?\s*[:.]?\s*(\d{1,2}(?:\.\d{1,2}){0,3}(?:\([a-z]{1,3}\)|[a-z])?)\.?"
    r"(?=[\s,;:-]|$)",
    re.I,
)
_BOOKMARK = re.compile(
    r"^(?:(?:agenda\s+)?item\s*)?(\d{1,2}(?:\.\d{1,2}){0,3}(?:\s?\([a-z]{1,4}\)|[a-z](?![a-z]))?)[.:)]?(?:\s*-\s*|\s+)(.+)$",
    re.I,
)
_NOT_AN_ITEM = re.compile(
    r"^(?:agenda|(?:table\s+of\s+)?contents|front\s+(?:cover|sheet)|cover(?:\s+\w+)?|index)$", re.I
)
_COVER_LINES = 25  # a cover sheet names its item near the top of the page


@dataclass(frozen=True, slots=True)
class Bookmark:
    number: str  # "" when the title carries none
    title: str
    page: int  # 1-based
    depth: int


@contextmanager
def _guard(name: str, problem: str) -> Iterator[None]:
    """Turn any pypdf failure into one PackError; pypdf raises many types on damaged files."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns on odd-but-readable files
            yield
    except PackError:
        raise
    except Exception as exc:  # any failure here means a damaged PDF
        raise PackError(f"{name} {problem}.") from exc


def open_pdf(data: bytes, name: str) -> tuple[PdfReader, int]:
    with _guard(name, "could not be read: the PDF is damaged or incomplete"):
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PackError(f"{name} is password-protected and cannot be imported.")
        count = len(reader.pages)
    if count == 0:
        raise PackError(f"{name} could not be read: the PDF has no pages.")
    return reader, count


def bookmarks(reader: PdfReader, warn: list[str]) -> list[Bookmark]:
    """The outline flattened in order; a broken outline is ignored with a warning."""
    out: list[Bookmark] = []

    def walk(entries: list[object], depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
                continue
            page = reader.get_destination_page_number(entry)  # type: ignore[arg-type]
            title = " ".join(str(getattr(entry, "title", "") or "").split())
            if page is None or page < 0 or not title:
                continue
            m = _BOOKMARK.match(norm(title))
            number, text = (re.sub(r"\s+", "", m[1]), title[m.start(2) :]) if m else ("", title)
            out.append(Bookmark(number, text.strip(), page + 1, depth))

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            walk(list(reader.outline), 0)
    except Exception:  # a damaged outline should not stop the import
        warn.append("The PDF's bookmarks could not be read; items were taken from the agenda text.")
        return []
    return out


def extract_pages(
    reader: PdfReader,
    count: int,
    name: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    *,
    start: int = 0,
    total: int | None = None,
    layout: bool = True,
) -> list[str]:
    """Text of pages `start` to `count` - 1; layout mode keeps table columns apart, plain mode is faster.

    Progress is reported as (pages done, `total` or `count`).
    """
    texts: list[str] = []
    for index in range(start, count):
        if cancelled is not None and cancelled():
            raise ImportCancelled("Import cancelled.")
        with _guard(name, f"could not be read: page {index + 1} is damaged"):
            page = reader.pages[index]
            text: str | None = None
            if layout:
                try:
                    text = page.extract_text(extraction_mode="layout")
                except Exception:  # layout mode fails on some fonts; plain mode is the fallback
                    text = None
            if text is None:
                text = page.extract_text()
        texts.append(text)
        if progress is not None:
            progress(index + 1, total or count)
    return texts


def fast_page_texts(
    data: bytes,
    start: int,
    count: int,
    name: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[str] | None:
    """Plain text of pages `start` to `count` - 1 with PDFium (pypdfium2): about 15x faster than pypdf.

    Returns None when PDFium cannot read the file, so the caller falls back to pypdf.
    """
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
    except Exception:
        return None
    try:
        return _pdfium_texts(document.raw, start, count, progress, cancelled)
    except ImportCancelled:
        raise
    except Exception:
        return None
    finally:
        document.close()


def _pdfium_texts(
    document: object,
    start: int,
    count: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[str]:
    """The raw PDFium calls behind `PdfPage.get_textpage().get_text_bounded()`, without the helper objects
    (finalizers, cached boxes) made per page: a few percent faster on a 300-page pack."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    texts: list[str] = []
    box = pdfium_c.FS_RECTF()
    for index in range(start, count):
        if cancelled is not None and cancelled():
            raise ImportCancelled("Import cancelled.")
        page = pdfium_c.FPDF_LoadPage(document, index)
        if not page:
            raise PackError(f"page {index + 1} could not be loaded")
        textpage = None
        try:
            textpage = pdfium_c.FPDFText_LoadPage(page)
            if not textpage or not pdfium_c.FPDF_GetPageBoundingBox(page, box):
                raise PackError(f"page {index + 1} has no readable text layer")
            # The page's visible area, as get_text_bounded() uses by default.
            bounds = (box.left, box.top, box.right, box.bottom)
            size = pdfium_c.FPDFText_GetBoundedText(textpage, *bounds, None, 0)
            text = ""
            if size > 0:
                buffer = (ctypes.c_ushort * size)()
                pdfium_c.FPDFText_GetBoundedText(textpage, *bounds, buffer, size)
                text = bytes(buffer).decode("utf-16-le", errors="ignore")
        finally:
            if textpage:
                pdfium_c.FPDFText_ClosePage(textpage)
            pdfium_c.FPDF_ClosePage(page)
        texts.append(text.replace("\r\n", "\n").replace("\r", "\n"))
        if progress is not None:
            progress(index + 1, count)
    return texts


def cover_pages(texts: list[str], after: int) -> dict[str, int]:
    """Item number -> 1-based page for pages after index `after` whose top names an item."""
    found: dict[str, int] = {}
    for index in range(after + 1, len(texts)):
        lines = [" ".join(r) for r in map(cells, texts[index].splitlines()) if r][:_COVER_LINES]
        for line in lines:
            m = _COVER.match(norm(line))
            if m:
                found.setdefault(m[1].rstrip("."), index + 1)
                break
    return found


def bookmark_ranges(marks: list[Bookmark], page_count: int) -> list[tuple[Bookmark, int]]:
    """Each item bookmark with its last page: the page before the next bookmark at its level or above.

    Unnumbered bookmarks nested under an item (appendices) belong to that item's paper,
    and front-matter bookmarks ("Agenda", "Contents") are not items.
    """
    kept = [
        b
        for b in marks
        if not _NOT_AN_ITEM.match(norm(b.title)) and (b.number or b.depth == 0 or not _has_numbered_parent(marks, b))
    ]
    out: list[tuple[Bookmark, int]] = []
    for i, mark in enumerate(kept):
        nxt = next((b for b in kept[i + 1 :] if b.depth <= mark.depth), None)
        last = page_count if nxt is None else max(mark.page, nxt.page - 1)
        out.append((mark, last))
    return out


def _has_numbered_parent(marks: list[Bookmark], mark: Bookmark) -> bool:
    index = marks.index(mark)
    parent = next((b for b in reversed(marks[:index]) if b.depth < mark.depth), None)
    return parent is not None and bool(parent.number)
