"""The agenda of a PDF read from its layout (`outline`), as the `DraftItem`s and meeting fields of a draft.

The layout of the first pages is read once; a garbled text layer (characters PDFium cannot map to Unicode,
or text that is mostly not letters) is refused in one sentence rather than parsed into nonsense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any

from app.domain import Part, Purpose
from app.packs.agenda import _PRIVATE, _TABLED, _VERBAL, Agenda, masthead, norm, parse_item, purpose_of
from app.packs.layout import Line, PageLayout, PageMap, page_map, read_pdf_page, set_aside_furniture
from app.packs.model import DraftItem, PackError
from app.packs.outline import Outline, OutlineItem, read_outline

LAYOUT_PAGES = 30  # a document this long is read whole; a longer one only for its first `FRONT_PAGES`
FRONT_PAGES = 6  # an agenda, with its front sheet, fits in this many pages
_GARBLED_SHARE = 0.25  # more unmappable characters than this and the text layer is not text
_LETTER_SHARE = 0.45  # fewer letters than this among the visible characters and it is not prose
_SURE_MARGIN = 0.25  # the best reading must lead the next best by this share to be taken as read cleanly
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s?m?", re.I)


@dataclass(frozen=True, slots=True)
class LayoutReading:
    items: list[DraftItem]
    agenda: Agenda  # the meeting fields, in the old reader's shape
    margin: float
    pages: list[PageLayout]
    page_map: PageMap
    last_page: int  # 0-based page of the agenda's last item


def read_layout(raw_document: Any, count: int, name: str) -> list[PageLayout]:
    """The layout of the pages the agenda can be on; refuses a garbled or empty text layer."""
    stop = count if count <= LAYOUT_PAGES else FRONT_PAGES
    reads = [read_pdf_page(raw_document, index) for index in range(stop)]
    characters = sum(r.characters for r in reads)
    errors = sum(r.map_errors for r in reads)
    text = "".join(ln.text for r in reads for ln in r.layout.lines).replace(" ", "")
    letters = sum(ch.isalpha() for ch in text)
    if characters and (errors > characters * _GARBLED_SHARE or letters < len(text) * _LETTER_SHARE):
        raise PackError(
            f"{name} has no readable text: its text layer is garbled, so its items can only be entered by hand."
        )
    return set_aside_furniture([r.layout for r in reads])


def agenda_from_layout(pages: list[PageLayout]) -> LayoutReading | None:
    lines = [ln for page in pages for ln in page.lines]
    outline = read_outline(lines)
    if outline is None:
        return None
    pmap = page_map(pages)
    items = _draft_items(outline, lines, pmap)
    front = [_line_text(ln) for ln in lines[: outline.first_line] if ln.page <= lines[outline.first_line].page]
    body, title, when, venue, start = masthead(front)
    start = start or next((i.planned_time for i in items if i.planned_time), None)
    warnings: list[str] = []
    if when is None:
        warnings.append("No meeting date was found above the agenda.")
    if outline.margin < _SURE_MARGIN:
        warnings.append("The agenda could be read in more than one way; the items in amber need checking.")
    agenda = Agenda(tuple(items), body, title, when, venue, start, 0, 0, tuple(warnings))
    return LayoutReading(items, agenda, outline.margin, pages, pmap, lines[outline.last_line].page)


def _line_text(line: Line) -> str:
    return "\t".join(text for _, text in line.cells())


def _draft_items(outline: Outline, lines: list[Line], pmap: PageMap) -> list[DraftItem]:
    flat: list[tuple[OutlineItem, bool]] = []
    for item in outline.items:
        flat.append((item, bool(item.children)))
        flat += [(child, False) for child in item.children]
    unsure = outline.margin < _SURE_MARGIN
    out: list[DraftItem] = []
    part = Part.ONE
    last_line = -1
    last_time: time | None = None
    for item, is_section in flat:
        between = [norm(ln.text) for ln in lines[last_line + 1 : item.line]]
        if any(_PRIVATE.search(text) for text in between) or _PRIVATE.search(norm(item.title)):
            part = Part.TWO
        last_line = item.line
        draft = _draft(item, is_section, part, pmap)
        planned = draft.planned_time
        if planned is not None and last_time is not None and planned < last_time and planned.hour < 12:
            planned = time(planned.hour + 12, planned.minute)  # "11:30 - 2:00": a 12-hour clock
        last_time = planned or last_time
        uncertain = set(draft.uncertain) | ({"number", "title"} if unsure else set())
        out.append(_replace(draft, planned, uncertain))
    return out


def _replace(item: DraftItem, planned: time | None, uncertain: set[str]) -> DraftItem:
    from dataclasses import replace

    return replace(item, planned_time=planned, uncertain=frozenset(uncertain))


def _draft(item: OutlineItem, is_section: bool, part: Part, pmap: PageMap) -> DraftItem:
    parsed = parse_item(["1", item.title, *item.side]) if item.title else None
    title = parsed.title if parsed is not None else item.title
    planned = _time(item.time_label) if item.time_label else None
    uncertain: set[str] = set()
    presenter = purpose_text = ""
    purpose = Purpose.UNKNOWN
    first = last = None
    verbal = tabled = False
    if parsed is not None:
        presenter, purpose = parsed.presenter, parsed.purpose
        planned = planned or parsed.planned_time
        uncertain |= parsed.uncertain
        verbal, tabled = parsed.verbal, parsed.tabled
        if parsed.first_page is not None:
            # Printed page numbers: the PDF pages they are on, by the page numbers the pages print.
            first, last = pmap.pdf_page(parsed.first_page), pmap.pdf_page(parsed.last_page or parsed.first_page)
            if pmap.offset is None:
                uncertain |= {"first_page", "last_page"}
    if purpose is Purpose.UNKNOWN and not is_section:
        purpose = purpose_of(purpose_text)[0]
        uncertain.add("purpose")
    if not item.number:
        uncertain.add("number")
    return DraftItem(
        number=item.number,
        title=title,
        presenter=presenter,
        purpose=purpose,
        planned_time=planned,
        part=part,
        first_page=first,
        last_page=last,
        uncertain=frozenset(uncertain),
        verbal=verbal or bool(_VERBAL.search(norm(title))),
        tabled=tabled or bool(_TABLED.search(norm(title))),
    )


def _time(text: str) -> time | None:
    m = _TIME.search(text)
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2])
    if m[3] and m[3].lower() == "p" and hour < 12:
        hour += 12
    return time(hour, minute) if hour < 24 and minute < 60 else None
