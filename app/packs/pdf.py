"""PDF access: bookmarks, page text (plain and layout) and cover-sheet pages. No Qt here.

PDFium (pypdfium2) reads packs; its layout text is rebuilt from text-object geometry the way pypdf's layout
mode lays text out, so the agenda and table parsers see the same columns and blank lines. pypdf is kept, and
imported only when needed, for files PDFium cannot open or that look truncated (pypdf then reads them, or
raises the one-sentence error it always gave) and for paper text (`open_pdf`, `extract_pages`).
"""

from __future__ import annotations

import bisect
import ctypes
import io
import logging
import math
import multiprocessing
import os
import re
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any, Literal, Protocol

from app.packs.agenda import cells, norm
from app.packs.limits import forkserver_context, page_text_too_dense
from app.packs.model import ImportCancelled, PackError

log = logging.getLogger(__name__)

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
_EOF_TAIL = 1024  # a complete PDF ends with %%EOF within this many bytes

if TYPE_CHECKING:
    from pypdf import PdfReader

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


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
        from pypdf import PdfReader

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
            mark = _bookmark(str(getattr(entry, "title", "") or ""), -1 if page is None else page, depth)
            if mark is not None:
                out.append(mark)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            walk(list(reader.outline), 0)
    except Exception:  # a damaged outline should not stop the import
        warn.append("The PDF's bookmarks could not be read; items were taken from the agenda text.")
        return []
    return out


def _bookmark(title: str, page: int, depth: int) -> Bookmark | None:
    """An outline entry (0-based `page`, -1 when it leads nowhere) as a Bookmark, or None to skip it."""
    title = " ".join(title.split())
    if page < 0 or not title:
        return None
    m = _BOOKMARK.match(norm(title))
    number, text = (re.sub(r"\s+", "", m[1]), title[m.start(2) :]) if m else ("", title)
    return Bookmark(number, text.strip(), page + 1, depth)


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
    document: PackDocument | None = None,
    *,
    shared: bool = True,
) -> list[str] | None:
    """Plain text of pages `start` to `count` - 1 with PDFium (pypdfium2): about 15x faster than pypdf.

    Reads through `document` when it is open in PDFium, else opens `data`. Returns None when PDFium cannot
    read the file, so the caller falls back to pypdf.
    """
    if isinstance(document, PdfiumDocument):
        try:
            if not shared:
                return _pdfium_texts(document.raw, start, count, progress, cancelled)
            return _shared_texts(data, document.raw, start, count, progress, cancelled)
        except ImportCancelled:
            raise
        except Exception:
            return None
    try:
        import pypdfium2 as pdfium

        opened = pdfium.PdfDocument(data)
    except Exception:
        return None
    try:
        return _pdfium_texts(opened.raw, start, count, progress, cancelled)
    except ImportCancelled:
        raise
    except Exception:
        return None
    finally:
        opened.close()


# A long pack's pages are shared with one helper process, so the second core reads half of them. PDFium is not
# thread-safe, so a thread would not do. The helper forks from a forkserver (started once, without Qt loaded), never
# from this process, which may be running Qt threads; anything going wrong falls back to reading here alone.
PARALLEL_FROM_PAGES = 64
# In a process that is itself a helper (the bounded pack reader, a fresh process per import), the text helper
# needs a forkserver of its own started first: measured, that costs more than it saves below a few hundred pages.
PARALLEL_FROM_PAGES_IN_A_HELPER = 400
_pool: ProcessPoolExecutor | None = None
_pool_broken = False


def parallel_from_pages() -> int:
    """How many pages make sharing them with the text helper worth it, here."""
    return PARALLEL_FROM_PAGES if multiprocessing.parent_process() is None else PARALLEL_FROM_PAGES_IN_A_HELPER


def _text_pool() -> ProcessPoolExecutor | None:
    global _pool, _pool_broken
    if _pool is None and not _pool_broken and (os.cpu_count() or 1) >= 2:
        try:
            context = forkserver_context(["pypdfium2", "app.packs.pdf"])
            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=_follow_app, initargs=(os.getpid(),)
            )
        except (OSError, ValueError):
            _pool_broken = True
    return _pool


def _follow_app(app_pid: int) -> None:
    """In the helper process: leave when the app has gone (a kill gives the pool no chance to stop it)."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(app_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # the pid now belongs to someone else's process: the app is gone too
                os._exit(0)

    threading.Thread(target=watch, name="follow-app", daemon=True).start()


def _texts_of(data: bytes, start: int, count: int) -> list[str]:
    """In the helper process: the plain text of pages `start` to `count` - 1."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return _pdfium_texts(document.raw, start, count, None, None)
    finally:
        document.close()


def _shared_texts(
    data: bytes,
    document: object,
    start: int,
    count: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[str]:
    """The pages' text, the second half read by the helper process at the same time when the pack is long."""
    global _pool_broken
    pool = _text_pool() if count - start >= parallel_from_pages() else None
    if pool is None:
        return _pdfium_texts(document, start, count, progress, cancelled)
    middle = (start + count) // 2
    try:
        helper = pool.submit(_texts_of, data, middle, count)
    except (BrokenProcessPool, RuntimeError, OSError):
        _pool_broken = True
        return _pdfium_texts(document, start, count, progress, cancelled)
    try:
        first = _pdfium_texts(document, start, middle, progress, cancelled, total=count)
    except BaseException:
        helper.cancel()
        raise
    try:
        second = helper.result()
    except Exception:  # the helper died or could not read the file: read the rest here
        _pool_broken = True
        second = _pdfium_texts(document, middle, count, None, cancelled)
    if progress is not None:
        progress(count, count)
    return first + second


class HelperTexts:
    """Pages' plain text read by the helper process while this one lays out the agenda pages: started before
    that work, collected after it (`result`), and read here instead if the helper fails."""

    def __init__(self, data: bytes, start: int, count: int) -> None:
        self.data, self.start, self.count = data, start, count
        pool = _text_pool() if count - start > 0 else None
        self.future: Future[list[str]] | None = None
        if pool is not None:
            try:
                self.future = pool.submit(_texts_of, data, start, count)
            except (BrokenProcessPool, RuntimeError, OSError):
                _mark_pool_broken()

    @property
    def started(self) -> bool:
        return self.future is not None

    def cancel(self) -> None:
        if self.future is not None:
            self.future.cancel()

    def result(self, document: object, cancelled: Callable[[], bool] | None) -> list[str]:
        if self.future is not None:
            try:
                return self.future.result()
            except Exception:  # the helper died or could not read the file: read the pages here
                _mark_pool_broken()
        return _pdfium_texts(document, self.start, self.count, None, cancelled)


def _mark_pool_broken() -> None:
    global _pool_broken
    _pool_broken = True


def _pdfium_texts(
    document: object,
    start: int,
    count: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    total: int | None = None,
) -> list[str]:
    """The raw PDFium calls behind `PdfPage.get_textpage().get_text_bounded()`, without the helper objects
    (finalizers, cached boxes) made per page, and with one text call per page instead of two."""

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
            if page_text_too_dense(page):
                log.warning("page %d draws too many text objects; its text is not read", index + 1)
                text = ""
            else:
                textpage = pdfium_c.FPDFText_LoadPage(page)
                text = _bounded_text(page, textpage, box, index)
        finally:
            if textpage:
                pdfium_c.FPDFText_ClosePage(textpage)
            pdfium_c.FPDF_ClosePage(page)
        texts.append(text.replace("\r\n", "\n").replace("\r", "\n"))
        if progress is not None:
            progress(index + 1, total or count)
    return texts


def _bounded_text(page: Any, textpage: Any, box: Any, index: int) -> str:
    """A loaded page's text within its visible area, as `get_text_bounded()` gives it."""
    import pypdfium2.raw as pdfium_c

    if not textpage or not pdfium_c.FPDF_GetPageBoundingBox(page, box):
        raise PackError(f"page {index + 1} has no readable text layer")
    bounds = (box.left, box.top, box.right, box.bottom)
    # One call into a buffer that is surely big enough (each character gives at most two UTF-16 units, plus a
    # line break for a gap), not one call for the size and another for the text: the text is worked out afresh
    # on each call.
    room = 4 * max(0, pdfium_c.FPDFText_CountChars(textpage)) + 2
    buffer = (ctypes.c_ushort * room)()
    size = pdfium_c.FPDFText_GetBoundedText(textpage, *bounds, buffer, room)
    if size >= room:  # never expected: ask for the size, as the helper does
        size = pdfium_c.FPDFText_GetBoundedText(textpage, *bounds, None, 0)
        buffer = (ctypes.c_ushort * max(size, 1))()
        size = pdfium_c.FPDFText_GetBoundedText(textpage, *bounds, buffer, size)
    size = max(size, 0)
    if size and buffer[size - 1] == 0:  # the terminator, written when there is room for it
        size -= 1
    return ctypes.string_at(buffer, 2 * size).decode("utf-16-le", errors="ignore")


class PackDocument(Protocol):
    """What the pack reader needs from a PDF, whichever library reads it."""

    count: int

    def bookmarks(self, warn: list[str]) -> list[Bookmark]: ...

    def title(self) -> str: ...

    def texts(
        self, start: int, stop: int, total: int, layout: bool, progress: Progress | None, cancelled: Cancelled | None
    ) -> list[str]: ...

    def close(self) -> None: ...


class EngineFailed(Exception):
    """PDFium opened the file but failed on part of it: read the whole file again with pypdf."""


def open_document(data: bytes, name: str, engine: Literal["auto", "pypdf"] = "auto") -> PackDocument:
    """The PDF through PDFium, or pypdf when PDFium cannot open it or the file looks truncated.

    Raises PackError (one sentence) for password-protected, damaged and empty files.
    """
    if engine == "auto" and b"%%EOF" in data[-_EOF_TAIL:]:
        # Without its end marker PDFium would rebuild whatever part of a truncated file it finds;
        # pypdf decides about such files, as it always has.
        document = PdfiumDocument.load(data, name)
        if document is not None:
            return document
    return PypdfDocument(data, name)


class PypdfDocument:
    """The pypdf reader: the fallback, and the reference the PDFium layout text is checked against."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self.reader, self.count = open_pdf(data, name)

    def bookmarks(self, warn: list[str]) -> list[Bookmark]:
        return bookmarks(self.reader, warn)

    def title(self) -> str:
        try:
            metadata = self.reader.metadata
            return str(metadata.title or "").strip() if metadata else ""
        except Exception:  # metadata is optional and often malformed
            return ""

    def texts(
        self, start: int, stop: int, total: int, layout: bool, progress: Progress | None, cancelled: Cancelled | None
    ) -> list[str]:
        return extract_pages(self.reader, stop, self.name, progress, cancelled, start=start, total=total, layout=layout)

    def close(self) -> None:
        pass


class PdfiumDocument:
    """A PDF opened with PDFium through pypdfium2's raw calls (no helper objects or finalizers per page)."""

    def __init__(self, raw: Any, data: bytes, name: str, count: int) -> None:
        self.raw = raw
        self._data = data  # PDFium reads from this buffer: keep it alive while the document is open
        self.name = name
        self.count = count

    @classmethod
    def load(cls, data: bytes, name: str) -> PdfiumDocument | None:
        """The open document; None when PDFium cannot open it (pypdf then has its say)."""
        try:
            import pypdfium2  # noqa: F401  (initialises the library)
            import pypdfium2.raw as pdfium_c
        except ImportError:  # pragma: no cover - a dependency of the project
            return None
        raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
        if not raw:
            if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:
                raise PackError(f"{name} is password-protected and cannot be imported.")
            return None
        count = pdfium_c.FPDF_GetPageCount(raw)
        if count <= 0:
            pdfium_c.FPDF_CloseDocument(raw)
            raise PackError(f"{name} could not be read: the PDF has no pages.")
        return cls(raw, data, name, count)

    def close(self) -> None:
        import pypdfium2.raw as pdfium_c

        if self.raw:
            pdfium_c.FPDF_CloseDocument(self.raw)
            self.raw = None

    def title(self) -> str:
        import pypdfium2.raw as pdfium_c

        return _utf16(pdfium_c.FPDF_GetMetaText, self.raw, b"Title").strip()

    def bookmarks(self, warn: list[str]) -> list[Bookmark]:
        """The outline flattened in order, as pypdf gives it; an entry leading nowhere is skipped, not its children."""
        import pypdfium2.raw as pdfium_c

        doc = self.raw
        out: list[Bookmark] = []
        seen: set[int] = set()
        # Depth-first with an explicit stack; `seen` stops a cyclic outline.
        stack: list[tuple[Any, int]] = []
        first = pdfium_c.FPDFBookmark_GetFirstChild(doc, None)
        if first:
            stack.append((first, 0))
        try:
            while stack:
                node, depth = stack.pop()
                key = ctypes.cast(node, ctypes.c_void_p).value or 0
                if key in seen:
                    continue
                seen.add(key)
                sibling = pdfium_c.FPDFBookmark_GetNextSibling(doc, node)
                if sibling:
                    stack.append((sibling, depth))
                child = pdfium_c.FPDFBookmark_GetFirstChild(doc, node)
                if child:
                    stack.append((child, depth + 1))
                mark = _bookmark(_utf16(pdfium_c.FPDFBookmark_GetTitle, node), self._dest_page(node), depth)
                if mark is not None:
                    out.append(mark)
        except Exception:  # a damaged outline should not stop the import
            warn.append("The PDF's bookmarks could not be read; items were taken from the agenda text.")
            return []
        return out

    def _dest_page(self, node: Any) -> int:
        import pypdfium2.raw as pdfium_c

        dest = pdfium_c.FPDFBookmark_GetDest(self.raw, node)
        if not dest:
            action = pdfium_c.FPDFBookmark_GetAction(node)
            if action and pdfium_c.FPDFAction_GetType(action) == pdfium_c.PDFACTION_GOTO:
                dest = pdfium_c.FPDFAction_GetDest(self.raw, action)
        return int(pdfium_c.FPDFDest_GetDestPageIndex(self.raw, dest)) if dest else -1

    def texts(
        self, start: int, stop: int, total: int, layout: bool, progress: Progress | None, cancelled: Cancelled | None
    ) -> list[str]:
        """Text of pages `start` to `stop` - 1: laid out like pypdf's layout mode, or PDFium's plain text."""
        if not layout:
            try:
                return _pdfium_texts(self.raw, start, stop, progress, cancelled, total)
            except PackError as exc:
                raise EngineFailed(str(exc)) from exc
        out: list[str] = []
        for index in range(start, stop):
            if cancelled is not None and cancelled():
                raise ImportCancelled("Import cancelled.")
            out.append(layout_text(_page_runs(self.raw, index)))
            if progress is not None:
                progress(index + 1, total)
        return out


def _utf16(function: Callable[..., int], *args: Any) -> str:
    """A PDFium string getter's UTF-16LE result (it returns the size in bytes, terminator included)."""
    size = function(*args, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    function(*args, buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le", errors="ignore")


@dataclass(slots=True)
class TextRun:
    """Text drawn in one go (a PDFium text object, a pypdf text operator), in page space."""

    x: float  # origin of the first character
    y: float  # baseline
    end: float  # x after the last character's advance
    height: float  # effective font height
    space: float  # width of a space in this font and size
    text: str
    flip: Literal[-1, 1] = 1  # -1 when the text is drawn upside down in y (text order then runs upwards)
    blank: bool = False  # drawn, but without characters PDFium keeps (spaces only): at most a blank line


@dataclass(slots=True)
class _Group:
    x: float
    y: float
    end: float
    height: float
    text: str
    flip: Literal[-1, 1]


# A run starting within this many space widths of where the last one ended continues it (a font change
# mid-line, a word placed on its own in justified text), with one space at most; a run further on is placed on
# the grid like separate text (a table cell), which is how pypdf treats separate text objects.
_JOIN_SPACES = 1.5
_CONTROLS = str.maketrans(dict.fromkeys(range(14, 32), " "))


def layout_text(runs: list[TextRun]) -> str:
    """Page text laid out on a fixed-width grid, as pypdf's layout mode does it.

    Runs (in drawing order) that continue each other on one baseline are joined; the pieces are grouped into
    lines by baseline, placed at the column of their x on a grid of the page's mean character width (so table
    columns stay two or more spaces apart), and vertical gaps of more than a line's height become blank lines.
    """
    groups: list[_Group] = []
    current: _Group | None = None
    last_y = 0.0
    for run in runs:
        if run.blank:
            continue
        if current is not None and run.flip == current.flip and abs(run.y - last_y) <= run.height:
            gap = run.x - current.end
            if -_JOIN_SPACES * run.space <= gap <= _JOIN_SPACES * run.space:
                spaced = gap > run.space / 2 and not current.text.endswith(" ") and not run.text.startswith(" ")
                current.text += " " + run.text if spaced else run.text
                current.end = run.end
                last_y = run.y
                continue
        if current is not None:
            groups.append(current)
        current = _Group(run.x, run.y, run.end, run.height, run.text, run.flip)
        last_y = run.y
    if current is not None:
        groups.append(current)
    # pypdf keeps a line of spaces only when it ends a text object (BT ... ET), as a blank line. Text objects
    # are not visible through PDFium: keep it when it is drawn last on the page, alone on its baseline.
    if runs and runs[-1].blank and not _near(sorted(g.y for g in groups), runs[-1].y, runs[-1].height):
        last = runs[-1]
        groups.append(_Group(last.x, last.y, last.end, last.height, last.text, last.flip))
    if not groups:
        return ""
    left = min(g.x for g in groups)
    groups.sort(key=lambda g: (g.y * g.flip, -g.x), reverse=True)
    for g in groups:
        g.x -= left
        g.end -= left
    lines = _lines(groups)
    weight = sum(len(g.text) for g in groups) * 1.25
    char_width = sum(g.end - g.x for g in groups) / weight
    return _fixed_width(lines, char_width)


def _near(ys: list[float], y: float, height: float) -> bool:
    """Whether a sorted list holds a value within `height` of `y`."""
    index = bisect.bisect_left(ys, y - height)
    return index < len(ys) and ys[index] < y + height


def _lines(groups: list[_Group]) -> dict[int, list[_Group]]:
    """Groups by rounded baseline; neighbouring baselines closer than a font height that share no x merge."""
    by_y = {y: sorted(line, key=lambda g: g.x) for y, line in groupby(groups, key=lambda g: int(g.y * g.flip))}
    last_y = next(iter(by_y))
    last_xs = {int(g.x) for g in by_y[last_y] if g.text.strip()}
    for y in list(by_y)[1:]:
        height = min(by_y[k][0].height for k in (y, last_y))
        xs = {int(g.x) for g in by_y[y] if g.text.strip()}
        if not (xs & last_xs) and abs(y - last_y) < height:
            by_y[last_y] = sorted(by_y.pop(y) + by_y[last_y], key=lambda g: g.x)
            last_xs |= xs
        else:
            last_y, last_xs = y, xs
    return by_y


def _fixed_width(lines: dict[int, list[_Group]], char_width: float) -> str:
    out: list[str] = []
    last_y = 0
    for y, line in lines.items():
        if out:
            height = line[0].height
            blanks = 0 if height == 0 else int(abs(y - last_y) / height) - 1
            out.extend([""] * min(blanks, 1000))
        parts: list[str] = []
        length = 0
        last_end = 0.0
        for group in line:
            column = int(group.x // char_width) if char_width else length
            if column > length and math.ceil(last_end) < int(group.x):
                parts.append(" " * min(column - length, 10_000))
                length = column
            text = group.text.translate(_CONTROLS)
            parts.append(text)
            length += len(text)
            last_end = group.end
        full = "".join(parts).rstrip()
        if full.strip() or out:
            out.append(full)
        last_y = y
    return "\n".join(out)


def _page_runs(document: Any, index: int) -> list[TextRun]:
    """The text objects of one page (and of the forms drawn on it) as runs, in drawing order."""
    import pypdfium2.raw as pdfium_c

    page = pdfium_c.FPDF_LoadPage(document, index)
    if not page:
        raise EngineFailed(f"page {index + 1} could not be loaded")
    if page_text_too_dense(page):
        pdfium_c.FPDF_ClosePage(page)
        return []
    textpage = pdfium_c.FPDFText_LoadPage(page)
    try:
        if not textpage:
            raise EngineFailed(f"page {index + 1} has no readable text layer")
        reader = _RunReader(_address(textpage))
        runs: list[TextRun] = []
        reader.read(_address(page), None, runs)
        return runs
    finally:
        if textpage:
            pdfium_c.FPDFText_ClosePage(textpage)
        pdfium_c.FPDF_ClosePage(page)


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class _Calls:
    """The PDFium calls made per text object, declared with plain pointers: handles stay ints (cheap to
    pass, compare and hash) instead of typed ctypes pointers. Built on first use from pypdfium2's bindings."""

    def __init__(self) -> None:
        import pypdfium2.raw as c

        ptr, i32, f32 = ctypes.c_void_p, ctypes.c_int, ctypes.c_float

        def proto(function: Any, restype: Any, *argtypes: Any) -> Any:
            return ctypes.CFUNCTYPE(restype, *argtypes)(_address(function))

        self.TEXT = c.FPDF_PAGEOBJ_TEXT
        self.FORM = c.FPDF_PAGEOBJ_FORM
        self.count_chars = proto(c.FPDFText_CountChars, i32, ptr)
        self.char_object = proto(c.FPDFText_GetTextObject, ptr, ptr, i32)
        self.get_text = proto(c.FPDFText_GetText, i32, ptr, i32, i32, ptr)
        self.unicode = proto(c.FPDFText_GetUnicode, ctypes.c_uint, ptr, i32)
        self.origin = proto(c.FPDFText_GetCharOrigin, i32, ptr, i32, ptr, ptr)
        self.count_objects = proto(c.FPDFPage_CountObjects, i32, ptr)
        self.page_object = proto(c.FPDFPage_GetObject, ptr, ptr, i32)
        self.form_count = proto(c.FPDFFormObj_CountObjects, i32, ptr)
        self.form_object = proto(c.FPDFFormObj_GetObject, ptr, ptr, ctypes.c_ulong)
        self.object_type = proto(c.FPDFPageObj_GetType, i32, ptr)
        self.matrix = proto(c.FPDFPageObj_GetMatrix, i32, ptr, ptr)
        self.bounds = proto(c.FPDFPageObj_GetBounds, i32, ptr, ptr, ptr, ptr, ptr)
        self.font_size = proto(c.FPDFTextObj_GetFontSize, i32, ptr, ptr)
        self.font = proto(c.FPDFTextObj_GetFont, ptr, ptr)
        self.glyph_width = proto(c.FPDFFont_GetGlyphWidth, i32, ptr, ctypes.c_uint32, f32, ptr)
        self.object_text = proto(c.FPDFTextObj_GetText, ctypes.c_ulong, ptr, ptr, ptr, ctypes.c_ulong)


_CALLS: list[_Calls] = []


def _calls() -> _Calls:
    if not _CALLS:
        _CALLS.append(_Calls())
    return _CALLS[0]


class _RunReader:
    """Reads a page's text objects into runs.

    The text of each object comes from the text page's characters: which object drew each character is
    found by galloping over the character indices (an object's characters are contiguous), then one
    FPDFText_GetText per object. (FPDFTextObj_GetText scans the whole page per object: quadratic.)
    Glyph advance widths are cached per font.
    """

    _MAX_FORM_DEPTH = 8

    def __init__(self, textpage: int) -> None:
        self.c = _calls()
        self.textpage = textpage
        self.widths: dict[int, dict[str, float]] = {}
        # Out-parameters, passed by address (ints) to the plain-pointer calls.
        self.matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a b c d e f
        self.size = ctypes.c_float()
        self.width = ctypes.c_float()
        self.box = (ctypes.c_float * 4)()
        self.matrix_at = ctypes.addressof(self.matrix)
        self.size_at = ctypes.addressof(self.size)
        self.width_at = ctypes.addressof(self.width)
        self.box_at = [ctypes.addressof(self.box) + 4 * i for i in range(4)]
        self.point = (ctypes.c_double * 2)()
        self.point_at = (ctypes.addressof(self.point), ctypes.addressof(self.point) + 8)
        self.spans = self._spans()
        self.page_text = self._page_text()

    def _spans(self) -> dict[int, tuple[int, int, bool]]:
        """Object -> (first char, end char, whether only generated characters lie between its runs)."""
        get = self.c.char_object
        page = self.textpage
        count = self.c.count_chars(page)
        spans: dict[int, tuple[int, int, bool]] = {}
        last: int | None = None  # the last object with characters, to tell whether a run continues it
        start = 0
        while start < count:
            obj = get(page, start)
            if not obj:  # a space or line break PDFium generated: one or two between objects, never gallop them
                start += 1
                continue
            known, step = start, 1  # gallop: `known` draws `obj`; find the first index that does not
            while known + step < count and get(page, known + step) == obj:
                known += step
                step *= 2
            end = min(known + step, count)
            while end - known > 1:
                middle = (known + end) // 2
                if get(page, middle) == obj:
                    known = middle
                else:
                    end = middle
            if obj in spans:
                first, _, joined = spans[obj]
                spans[obj] = (first, end, joined and last == obj)
            else:
                spans[obj] = (start, end, True)
            last = obj
            start = end
        return spans

    def text(self, obj: int) -> str:
        span = self.spans.get(obj)
        if span is None:  # no characters in the text page: spaces only (or duplicated, or unreadable glyphs)
            return ""
        first, end, joined = span
        if joined and self.page_text is not None:
            return self.page_text[first:end]
        # Other objects' characters lie between its runs, or the page text is not one unit per character
        # (characters beyond the BMP): ask PDFium for this object's text.
        return _utf16(self.c.object_text, obj, self.textpage)

    def _page_text(self) -> str | None:
        """The text page's characters, one per index (FPDFText_GetText per object rescans the page)."""
        count = self.c.count_chars(self.textpage)
        buffer = (ctypes.c_ushort * (count + 1))()
        written = self.c.get_text(self.textpage, 0, count, buffer)
        text = bytes(buffer)[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
        if len(text) != count:
            return None
        text = text.replace("\ufffe", "-")  # PDFium's mark for a hyphen that ends a line
        # A character left out of the text (and another added) would shift every index after it: check some.
        for index in {0, count // 3, 2 * count // 3, count - 1} if count else ():
            if text[index] != chr(self.c.unicode(self.textpage, index)).replace("\ufffe", "-"):
                return None
        return text

    def read(self, parent: int, outer: tuple[float, ...] | None, runs: list[TextRun], depth: int = 0) -> None:
        c = self.c
        if outer is None:
            objects = [c.page_object(parent, i) for i in range(c.count_objects(parent))]
        else:
            objects = [c.form_object(parent, i) for i in range(c.form_count(parent))]
        for obj in objects:
            kind = c.object_type(obj)
            if kind == c.TEXT:
                run = self._run(obj, outer)
                if run is not None:
                    runs.append(run)
            elif kind == c.FORM and depth < self._MAX_FORM_DEPTH and c.matrix(obj, self.matrix_at):
                self.read(obj, _multiply(tuple(self.matrix), outer), runs, depth + 1)

    def _run(self, obj: int, outer: tuple[float, ...] | None) -> TextRun | None:
        c = self.c
        if not c.matrix(obj, self.matrix_at) or not c.font_size(obj, self.size_at):
            return None
        a, b, _c, d, e, f = self.matrix if outer is None else _multiply(tuple(self.matrix), outer)
        flip: Literal[-1, 1] = 1
        if d <= 1e-6:
            # pypdf's layout mode leaves out text turned 90 or 180 degrees; text mirrored in y is read upwards.
            if d >= -1e-6 or a < -1e-6:
                return None
            flip = -1
        text = self.text(obj)
        if "\r" in text or "\n" in text:  # lines PDFium found inside one object run together
            text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
        blank = not text
        text = text or " "
        size = self.size.value
        font = c.font(obj) or 0
        table = self.widths.get(font)
        if table is None:
            table = self.widths[font] = {" ": self._width(font, " ")}
        try:
            width = sum(map(table.__getitem__, text))
        except KeyError:
            for ch in set(text) - table.keys():
                table[ch] = self._width(font, ch)
            width = sum(map(table.__getitem__, text))
        scale = size / 1000 * abs(a)
        space = table[" "] * scale
        end = e + width * scale
        if outer is None and flip == 1 and c.bounds(obj, *self.box_at) and self.box[2] > end + space / 4:
            # The text is drawn wider than its characters: PDFium keeps one space of a run of spaces (pypdf
            # keeps them all), or kerning or word spacing spread it.
            end = self.box[2]
            span = self.spans.get(obj)
            if span is not None and self.page_text is not None and a > 0:
                # The last character's origin plus its advance: the box leaves out trailing spaces.
                last = self._x(span[1] - 1)
                end = end if last is None else max(end, last + table[text[-1]] * scale)
            if " " in text and not blank and a > 0:
                text = self._spaces(obj, text, space)
        return TextRun(e, f, end, size * math.sqrt(b * b + d * d), space, text, flip, blank)

    def _spaces(self, obj: int, text: str, space: float) -> str:
        """`text` with each space widened to as many spaces as fit before the next character: two or more
        only where the gap is at least 1.8 spaces, so word spacing in justified text stays one space."""
        span = self.spans.get(obj)
        if span is None or self.page_text is None or space <= 0:
            return text
        first = span[0]
        parts: list[str] = []
        done = 0
        for offset, ch in enumerate(text):
            if ch != " " or offset + 1 >= len(text) or text[offset + 1] == " ":
                continue
            here, there = self._x(first + offset), self._x(first + offset + 1)
            if here is None or there is None:
                continue
            gap = (there - here) / space
            if gap >= 1.8:
                parts.append(text[done:offset])
                parts.append(" " * round(gap))
                done = offset + 1
        return "".join(parts) + text[done:] if parts else text

    def _x(self, index: int) -> float | None:
        return self.point[0] if self.c.origin(self.textpage, index, *self.point_at) else None

    def _width(self, font: int, ch: str) -> float:
        """Advance width of a character in 1000ths of the font size (0 when the font cannot say)."""
        return self.width.value if font and self.c.glyph_width(font, ord(ch), 1000.0, self.width_at) else 0.0


def _multiply(m: tuple[float, ...], outer: tuple[float, ...] | None) -> tuple[float, ...]:
    """`m` then `outer` (PDF matrices [a b c d e f]); `m` itself when there is no outer matrix."""
    if outer is None:
        return m
    a, b, c, d, e, f = m
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def cover_pages(texts: list[str], after: int) -> dict[str, int]:
    """Item number -> 1-based page for pages after index `after` whose top names an item."""
    found: dict[str, int] = {}
    for index in range(after + 1, len(texts)):
        lines: list[str] = []
        for raw in texts[index].split("\n", 4 * _COVER_LINES):  # only the top of the page matters
            if len(lines) == _COVER_LINES:
                break
            if row := cells(raw):
                lines.append(" ".join(row))
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
