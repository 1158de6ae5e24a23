"""`read_pack`: a board pack file (PDF or text) in, a `DraftPack` out."""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import cast

from app.domain import Purpose
from app.packs.agenda import Agenda, norm, with_pages
from app.packs.layout import text_layout, text_row
from app.packs.layout_reader import FRONT_PAGES, LAYOUT_PAGES, LayoutReading, agenda_from_layout, read_layout
from app.packs.limits import agenda_cut_short, read_pack_input
from app.packs.meeting import text_masthead
from app.packs.minutes_doc import minutes_lines, read_minutes
from app.packs.model import DraftItem, DraftPack, DraftPaper, DraftPerson, ImportCancelled, PackError
from app.packs.papers import find_papers, items_with_paper_pages
from app.packs.pdf import (
    Bookmark,
    EngineFailed,
    HelperTexts,
    PackDocument,
    PdfiumDocument,
    PypdfDocument,
    bookmark_ranges,
    cover_pages,
    fast_page_texts,
    open_document,
    parallel_from_pages,
)
from app.packs.people import find_attendance
from app.packs.serialised import rejoin_cells
from app.packs.tables import TableLines, find_actions, find_interests, find_planner

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_AGENDA_PAGES = 8  # with bookmarks, only the agenda and masthead pages need text
_LAYOUT_COST_PAGES = 12  # laying out a page takes about as long as reading the plain text of this many
_CONTROL_SHARE = 0.05  # more control characters than this and it is not text
TEXT_PAGE_LINES = 60  # a text pack without form feeds is cut into "text pages" of this many lines


def read_pack(path: Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> DraftPack:
    """Read the pack at `path`; raises PackError (ImportCancelled if `cancelled()` turns true)."""
    name = path.name or str(path)
    data = _load(path, name)
    _check(cancelled)
    digest = hashlib.sha256(data).hexdigest()
    if b"%PDF-" in data[:1024]:  # the PDF header may follow a little junk
        return _read_pdf(path, data, digest, name, progress, cancelled)
    text = _decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    if progress is not None:
        progress(0, 1)
    pack = _read_text(path, text, digest, name)
    _check(cancelled)
    if progress is not None:
        progress(1, 1)
    return pack


def _read_text(path: Path, text: str, digest: str, name: str) -> DraftPack:
    """A text or markdown pack read as a layout (character offsets as x, markdown headings and emphasis as type)
    by the same reader as a PDF's; the lines of the text give its pages, people, papers and tables."""
    pages, line_page = text_pages(text)
    lines = text.replace("\f", "\n").split("\n")
    source, source_pages = lines, pages
    reading = agenda_from_layout(text_layout(_agenda_pages(pages)))
    warnings: list[str] = []
    if (rejoined := rejoin_cells(lines)) is not None:
        # A table that came out column by column: its rows put back together by order, when they read better.
        rejoined_pages = text_pages("\n".join(rejoined))[0]
        again = agenda_from_layout(text_layout(_agenda_pages(rejoined_pages)))
        if again is not None and (reading is None or _filled(again) > _filled(reading)):
            reading, source, source_pages = again, rejoined, rejoined_pages
            warnings.append(
                "The agenda's table came out column by column; its rows were put back together, please check."
            )
            reading = _rows_in_doubt(reading, rejoined, rejoined_pages)
    if reading is None:
        raise PackError(_no_agenda(name))
    # Where the agenda ends in the text: a layout line's page and row give its line.
    starts = [0]
    for page_text in source_pages[:-1]:
        starts.append(starts[-1] + page_text.count("\n") + 1)
    last = starts[reading.last_line.page] + text_row(reading.last_line)
    agenda = replace(reading.agenda, last_item_line=last, end_line=last + 1)
    said = text_masthead(source, agenda.body_name, agenda.meeting_title, agenda.venue)
    agenda = replace(
        agenda,
        body_name=said.body,
        meeting_title=said.title,
        venue=said.venue,
        uncertain=agenda.uncertain | said.guessed,
    )
    people = tuple(find_attendance(lines, agenda.end_line if source is lines else 0))
    items = list(agenda.items)
    warnings += agenda_cut_short(
        _before_next_list(source, agenda.last_item_line), agenda.last_item_line, [i.number for i in items]
    )
    papers = find_papers(lines, line_page, len(pages), items, agenda.last_item_line if source is lines else -1)
    if any(p.item_number for p in papers):
        items = items_with_paper_pages(items, papers)
        warnings.append("Page ranges were found from the papers' cover sheets; please check them.")
    pack = _pack(path, digest, "text", agenda, items, None, people, warnings)
    return _with_extras(pack, lines, tuple(pages), tuple(papers))


def _rows_in_doubt(reading: LayoutReading, rows: list[str], pages: list[str]) -> LayoutReading:
    """A re-joined table's items marked where the joining was a guess: a row with more or fewer cells than
    most rows (a cell of the row above or below, or of a section line, may have landed in it)."""
    starts = [0]
    for page_text in pages[:-1]:
        starts.append(starts[-1] + page_text.count("\n") + 1)
    counts = [rows[starts[ln.page] + text_row(ln)].count("\t") for ln in reading.item_lines]
    usual = Counter(counts).most_common(1)[0][0] if counts else 0
    items = [
        item if count == usual else replace(item, uncertain=item.uncertain | {"title", "presenter"})
        for item, count in zip(reading.items, counts, strict=True)
    ]
    return replace(reading, items=items, agenda=replace(reading.agenda, items=tuple(items)))


def _agenda_pages(pages: list[str]) -> list[str]:
    """The text pages an agenda is looked for in: all of a short pack, the first few of a long one (as a PDF's)."""
    return pages if len(pages) <= LAYOUT_PAGES else pages[:FRONT_PAGES]


def _filled(reading: LayoutReading) -> int:
    """How many of the items' title, lead, time and purpose a reading found."""
    return sum(
        bool(i.title) + bool(i.presenter) + (i.planned_time is not None) + (i.purpose is not Purpose.UNKNOWN)
        for i in reading.items
    )


_LIST_START = re.compile(r"^\s*(?:[^\w\s]\s*)?(?:item\s+)?1[.):]?\s+\S", re.I)


def _before_next_list(lines: list[str], last_item_line: int) -> list[str]:
    """`lines` up to the next list that starts at 1 after the agenda (an action list, a paper's numbered
    paragraphs): a "7." there continues that list, not the agenda."""
    for index in range(last_item_line + 1, len(lines)):
        if _LIST_START.match(lines[index]):
            return lines[:index]
    return lines


def text_pages(text: str) -> tuple[list[str], list[int]]:
    """Text pages (form feeds, else runs of `TEXT_PAGE_LINES` lines) and the 0-based page of each line."""
    raw = text.split("\n")
    if "\f" in text:
        pages = text.split("\f")
        line_page = [index for index, page in enumerate(pages) for _ in range(page.count("\n") + 1)]
        return pages, line_page
    pages = ["\n".join(raw[i : i + TEXT_PAGE_LINES]) for i in range(0, len(raw), TEXT_PAGE_LINES)]
    return pages, [i // TEXT_PAGE_LINES for i in range(len(raw))]


def _with_extras(
    pack: DraftPack,
    lines: list[str],
    pages: tuple[str, ...],
    papers: tuple[DraftPaper, ...],
    minutes: list[str] | None = None,
) -> DraftPack:
    """The pack with its pages, papers, register of interests, action tracker, decision planner and the
    actions its minutes record (read from `minutes`, the layout's lines, when given).

    Tables are looked for in the whole text: a register may sit before or inside what looked like the agenda.
    """
    table_lines = TableLines(lines)  # prepared once for the three scans
    actions = tuple(find_actions(table_lines, pack.people))
    people, minute_actions = read_minutes(minutes if minutes is not None else lines, pack.people, actions)
    return replace(
        pack,
        pages=pages,
        papers=papers,
        people=people,
        interests=tuple(find_interests(table_lines)),
        actions=actions,
        minute_actions=minute_actions,
        planner=tuple(find_planner(table_lines)),
    )


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled("Import cancelled.")


def _no_agenda(name: str) -> str:
    return f"{name} does not look like a board pack: no agenda was found in it."


def _load(path: Path, name: str) -> bytes:
    data = read_pack_input(path)  # regular files only, within the size, page and outline limits (limits.py)
    if not data.strip():
        raise PackError(f"{name} is empty.")
    return data


def _decode(data: bytes, name: str) -> str:
    binary = PackError(f"{name} is not a board pack: it is neither a PDF nor a text file.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise binary from exc
    elif b"\x00" in data:
        raise binary
    else:
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):  # latin-1 always succeeds
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 127 <= ord(ch) < 160)
    if controls > len(text) * _CONTROL_SHARE:
        raise binary
    return text


def _read_pdf(
    path: Path, data: bytes, digest: str, name: str, progress: Progress | None, cancelled: Cancelled | None
) -> DraftPack:
    document = open_document(data, name)
    try:
        return _read_pdf_document(document, path, data, digest, name, progress, cancelled)
    except EngineFailed:  # PDFium opened the file but not all of it: pypdf reads it all again
        document.close()
        document = open_document(data, name, engine="pypdf")
        return _read_pdf_document(document, path, data, digest, name, progress, cancelled)
    finally:
        document.close()


def _read_pdf_document(
    document: PackDocument,
    path: Path,
    data: bytes,
    digest: str,
    name: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> DraftPack:
    count = document.count
    warnings: list[str] = []
    marks = bookmark_ranges(document.bookmarks(warnings), count)
    if not any(mark.number for mark, _ in marks):
        marks = []  # bookmarks without item numbers are chapters, not an agenda
    # With bookmarks, or in a long pack (its agenda is read from the layout of its first pages), only the agenda
    # pages need layout text; the rest is for search, papers and tables.
    head = min(count, _AGENDA_PAGES) if marks or count > LAYOUT_PAGES else count
    # A long pack's later pages are read by the helper process while this one lays out the agenda pages and
    # reads the pages between: the helper takes the larger share, as laying out a page costs many text pages.
    helper: HelperTexts | None = None
    split = count
    if isinstance(document, PdfiumDocument) and count - head >= parallel_from_pages():
        layout_pages = count if count <= LAYOUT_PAGES else FRONT_PAGES
        split = max(head, min(count, (head + count - _LAYOUT_COST_PAGES * layout_pages) // 2))
        helper = HelperTexts(data, split, count)
        split = split if helper.started else count
    try:
        texts = document.texts(0, head, count, True, progress, cancelled)
        reading = _layout_reading(document, data, count, name) if any(t.strip() for t in texts) else None
        if head < count:
            rest = fast_page_texts(data, head, split, name, progress, cancelled, document, shared=helper is None)
            if rest is None:  # PDFium could not read every page: pypdf reads them
                if helper is not None:
                    helper.cancel()
                plain = document if isinstance(document, PypdfDocument) else PypdfDocument(data, name)
                rest = plain.texts(head, count, count, False, progress, cancelled)
            elif helper is not None and split < count:
                rest += helper.result(cast(PdfiumDocument, document).raw, cancelled)
                if progress is not None:
                    progress(count, count)
            texts += rest
    except BaseException:
        if helper is not None:
            helper.cancel()
        raise
    lines: list[str] = []
    line_page: list[int] = []
    for index, text in enumerate(texts):
        page_lines = text.splitlines()
        lines += page_lines
        line_page += [index] * len(page_lines)
    if not any(t.strip() for t in texts):
        raise PackError(f"{name} has no text to read: it may be a scanned image without a text layer.")
    if reading is None and head < count:
        reading = _layout_reading(document, data, count, name)  # the agenda pages were blank: look further
    agenda: Agenda | None = None
    if reading is not None:
        # The agenda's text ends with the page of its last item.
        after = next((i for i, page in enumerate(line_page) if page > reading.last_page), len(lines))
        agenda = replace(reading.agenda, last_item_line=max(0, after - 1), end_line=after)
    if agenda is None and not marks:
        raise PackError(_no_agenda(name))
    items = list(agenda.items) if agenda else []
    if agenda is not None and not marks:
        warnings += agenda_cut_short(
            _before_next_list(lines, agenda.last_item_line), agenda.last_item_line, [i.number for i in items]
        )
    if marks:
        items = _merge(marks, items, warnings)
    elif agenda is not None:
        items = _cover_sheet_pages(items, cover_pages(texts, line_page[agenda.last_item_line]), count, warnings)
    if agenda is None:
        warnings.append("No agenda was found in the PDF's text; the items come from its bookmarks.")
        title = document.title()
        agenda = Agenda((), title, title, None, "", None, last_item_line=0, end_line=0)
    layout = (reading.pages, reading.last_page) if reading is not None else ((), -1)
    minutes, after = minutes_lines(lines, agenda.end_line, layout[0], layout[1], count)
    people = tuple(find_attendance(minutes, after))
    pack = _pack(path, digest, "pdf", agenda, items, count, people, warnings)
    papers = tuple(find_papers(lines, line_page, count, items, agenda.last_item_line if agenda.items else -1))
    return _with_extras(pack, lines, tuple(texts), papers, minutes)


def _layout_reading(document: PackDocument, data: bytes, count: int, name: str) -> LayoutReading | None:
    """The agenda read from the layout. Character boxes come from PDFium, also when pypdf reads the text (a
    truncated file PDFium still opens); None when PDFium cannot open the file at all."""
    if isinstance(document, PdfiumDocument):
        return agenda_from_layout(read_layout(document.raw, count, name))
    pdfium = PdfiumDocument.load(data, name)
    if pdfium is None:
        return None
    try:
        return agenda_from_layout(read_layout(pdfium.raw, min(count, pdfium.count), name))
    finally:
        pdfium.close()


def _pack(
    path: Path,
    digest: str,
    kind: str,
    agenda: Agenda,
    items: list[DraftItem],
    page_count: int | None,
    people: tuple[DraftPerson, ...],
    warnings: list[str],
) -> DraftPack:
    title = agenda.meeting_title or agenda.body_name or path.stem
    if not agenda.meeting_title:
        warnings.append("No meeting title was found above the agenda; please enter one.")
    if page_count is not None and any((i.last_page or 0) > page_count for i in items):
        warnings.append("Some agenda page numbers are beyond the end of the PDF; check them against the pack.")
    return DraftPack(
        source_path=str(path),
        sha256=digest,
        kind=kind,
        body_name=agenda.body_name,
        meeting_title=title,
        meeting_date=agenda.meeting_date,
        items=tuple(items),
        venue=agenda.venue,
        start=agenda.start,
        page_count=page_count,
        people=people,
        warnings=(*agenda.warnings, *warnings),
        meeting_uncertain=agenda.uncertain | ({"title"} if not agenda.meeting_title else set()),
    )


def _cover_sheet_pages(items: list[DraftItem], covers: dict[str, int], count: int, warn: list[str]) -> list[DraftItem]:
    """Pages from papers' cover sheets ("Item: 6.4 …"): each runs to the page before the next cover."""
    starts = sorted(set(covers.values()))
    out = []
    for item in items:
        first = covers.get(item.number)
        if first is None:
            out.append(item)
            continue
        later = starts[bisect.bisect_right(starts, first) :]
        out.append(with_pages(item, first, later[0] - 1 if later else count, guessed=True))
    if covers:
        warn.append("Page ranges were found from the papers' cover sheets; please check them.")
    return out


def _key(number: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.findall(r"\d+|[a-z]+", number.lower()))


def _merge(marks: list[tuple[Bookmark, int]], agenda: list[DraftItem], warn: list[str]) -> list[DraftItem]:
    """Bookmarks give the items and pages; the agenda text adds times, presenters, purposes and paperless items."""
    by_number = {item.number: item for item in agenda}
    by_title = {norm(item.title).casefold(): item for item in agenda}
    used: set[str] = set()
    out: list[DraftItem] = []
    for mark, last in marks:
        match = by_number.get(mark.number) if mark.number else by_title.get(norm(mark.title).casefold())
        if match is not None:
            used.add(match.number)
            base = match
        elif agenda and not mark.number:
            continue  # a bookmark the agenda's text does not support (a slide's title, a cover): not an item
        else:
            base = DraftItem(number=mark.number, title=mark.title, uncertain=frozenset({"purpose"}))
        uncertain = base.uncertain - {"first_page", "last_page"} | (set() if base.number else {"number"})
        out.append(replace(base, first_page=mark.page, last_page=last, uncertain=frozenset(uncertain)))
    missing = [item for item in agenda if item.number not in used]
    for item in missing:  # verbal and tabled items have no bookmark: put them in agenda order
        keys = [_key(o.number) if o.number else () for o in out]
        position = max((i + 1 for i, k in enumerate(keys) if k and k <= _key(item.number)), default=0)
        out.insert(position, item)
    unnumbered = [mark.title for mark, _ in marks if not mark.number]
    if unnumbered:
        warn.append(f"Some bookmarks have no item number: {'; '.join(unnumbered[:5])}.")
    return out
