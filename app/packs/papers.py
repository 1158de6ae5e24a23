"""Where each paper starts: cover sheets (`Date:`, `Report to the:`, `Item: 6.4 …`), linked to agenda items."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from app.packs.agenda import cells, norm, with_pages
from app.packs.model import DraftItem, DraftPaper

_ITEM = re.compile(
    r"^(?:agenda\s+)?item(?:\s+(?:no\.?|number|ref(?:erence)?))?\s*(?::|\.(?!\d))\s*"
    r"(?:(\d{1,2}(?:\.\d{1,2}){0,3}(?:\s?\([a-z]{1,3}\)|[a-z](?![a-z]))?)\.?(?=[\s,;:-]|$))?\s*[-:,]?\s*(.*)$",
    re.I,
)
_AGENDA_ITEM_BARE = re.compile(
    r"^agenda\s+item\s+(\d{1,2}(?:\.\d{1,2}){0,3}(?:\([a-z]{1,3}\)|[a-z])?)\.?\s*[-:,]?\s*(.*)$", re.I
)
_MARKER = re.compile(
    r"^(?:date(?:\s+of\s+(?:meeting|report))?|meeting\s+date|report\s+to(?:\s+the)?|meeting|presented\s+to"
    r"|(?:executive|report|responsible|clinical)\s+(?:lead|author|director)(?:\(s\)|s)?|report\s+(?:title|by)|authors?"
    r"|sros?|purpose\s+of\s+(?:the\s+)?report|lead\s+(?:officer|member|director))\s*:",
    re.I,
)
_REPORT_TO = re.compile(r"^(?:report\s+to(?:\s+the)?|presented\s+to|meeting)\s*:", re.I)
_TITLE_LINE = re.compile(r"^(?:report\s+)?title\s*:\s*(.+)$", re.I)
_RECOMMEND = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s*)?recommendations?\b\s*:?\s*(.*)$", re.I)
_SECTION = re.compile(r"^(?:\d+(?:\.0)?\.?\s+)?[A-Z][A-Za-z ,&/-]{2,60}$")
# Every line the three cover patterns can match starts (markup, bullets and cell gaps aside) with one of these
# words: lines that do not are skipped before the costly clean-up. Lines with tags or entities are always cleaned.
_MAY_COVER = re.compile(
    r"^[^A-Za-z0-9<&]*(?:date|meeting|report|presented|executive|responsible|clinical|author|sro|purpose|lead"
    r"|item|agenda)",
    re.I,
)
_WINDOW = 14  # a cover sheet names its item within this many lines of its first marker
_MIN_SCORE = 80  # fuzzy title score (0-100) to link a paper without an item number
_RECOMMEND_LINES = 40
_MAY_RECOMMEND = re.compile(r"recommendation", re.I)  # what `_RECOMMEND` needs in a line


@dataclass(frozen=True, slots=True)
class Cover:
    line: int  # index of the cover's first line
    number: str
    title: str
    item_line: int


def find_covers(lines: Sequence[str]) -> list[Cover]:
    """Cover sheets: an `Item:` line within a few lines of `Date:` / `Report to:` markers, or `Agenda item 7` alone."""
    texts = _CleanLines(lines)
    out: list[Cover] = []
    last_marker: int | None = None
    first_marker: int | None = None
    for index, line in enumerate(lines):
        if _MAY_COVER.match(line) is None and "<" not in line and "&" not in line:
            continue  # matches none of the patterns below, so changes nothing
        text = texts[index]
        if not text:
            continue
        if _MARKER.match(text):
            if last_marker is None or index - last_marker > _WINDOW:
                first_marker = index
            last_marker = index
            continue
        m = _ITEM.match(text)
        near = last_marker is not None and first_marker is not None and index - last_marker <= _WINDOW
        if m and near and (m[1] or m[2].strip()):
            # The cover must be a report's: a "Report to" line nearby, or an item number.
            window = texts.window(first_marker, index + 1) if first_marker is not None else []
            if m[1] or any(_REPORT_TO.match(t) for t in window):
                start = first_marker if first_marker is not None else index
                number = re.sub(r"\s+", "", m[1] or "")
                title = lines[index].strip()
                title = _title_after(title, text, m.start(2)) if m[2] else ""
                if not title:
                    title = _title_near(texts, index)
                out.append(Cover(start, number, title, index))
                last_marker = first_marker = None
            continue
        bare = _AGENDA_ITEM_BARE.match(text)
        if bare and len(text) <= 120 and (not out or index - out[-1].item_line > _WINDOW):
            title = bare[2].strip() or _title_near(texts, index)
            out.append(Cover(index, bare[1], title, index))
    return out


class _CleanLines:
    """`norm(" ".join(cells(line)))` of each line, worked out when first asked for."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.done: dict[int, str] = {}

    def __getitem__(self, index: int) -> str:
        text = self.done.get(index)
        if text is None:
            text = self.done[index] = norm(" ".join(cells(self.lines[index])))
        return text

    def window(self, start: int, stop: int) -> list[str]:
        return [self[i] for i in range(max(0, start), min(stop, len(self.lines)))]


def _title_after(raw: str, text: str, start: int) -> str:
    """The title after "Item: 6.4" in the original line, markup removed."""
    clean = " ".join(cells(raw))
    return clean[start:].strip(" -:\u2013\u2014*") if len(clean) == len(text) else text[start:].strip(" -:*")


def _title_near(texts: _CleanLines, index: int) -> str:
    for text in texts.window(index + 1, index + 4):
        if m := _TITLE_LINE.match(text):
            return m[1].strip()
        if text and not _MARKER.match(text):
            return text[:200]
    return ""


def _recommendations(lines: Sequence[str], start: int, end: int) -> str:
    """The text under a "Recommendations" heading near the top of a paper, if easy to find."""
    window = lines[start : min(end, start + 200)]
    for index, line in enumerate(window):
        if _MAY_RECOMMEND.search(line) is None and "<" not in line and "&" not in line and "**" not in line:
            continue  # cannot match `_RECOMMEND` once cleaned
        text = _recommend_text(line)
        m = _RECOMMEND.match(norm(text))
        if not m or len(text) > 200:
            continue
        body: list[str] = [m[1]] if m[1] else []
        for nxt in map(_recommend_text, window[index + 1 : index + _RECOMMEND_LINES]):
            if not nxt:
                continue
            if _SECTION.match(nxt) and body:
                break  # the next heading ("3.0 Key Implications")
            body.append(nxt)
        return " ".join(body).strip()
    return ""


def _recommend_text(line: str) -> str:
    return " ".join(cells(line.replace("**", "")))


def find_papers(
    lines: Sequence[str], line_page: Sequence[int], page_count: int, items: Sequence[DraftItem], after_line: int
) -> list[DraftPaper]:
    """Papers from cover sheets after line `after_line`, with pages (1-based) and the item each belongs to."""
    covers = [c for c in find_covers(lines) if c.line > after_line]
    numbers = {i.number: i for i in items}
    out: list[DraftPaper] = []
    for n, cover in enumerate(covers):
        first = line_page[cover.line] + 1
        end_line = covers[n + 1].line if n + 1 < len(covers) else len(lines)
        # A paper runs to the page before the next paper's first page (or the end of the pack).
        last = line_page[covers[n + 1].line] if n + 1 < len(covers) else page_count
        item_number, match, score = _link(cover, numbers, items)
        out.append(
            DraftPaper(
                title=cover.title,
                first_page=first,
                last_page=max(first, last),
                number=cover.number,
                item_number=item_number,
                match=match,
                score=score,
                recommendations=_recommendations(lines, cover.item_line, end_line),
            )
        )
    return out


def _link(cover: Cover, numbers: dict[str, DraftItem], items: Sequence[DraftItem]) -> tuple[str | None, str, float]:
    if cover.number:
        key = cover.number.rstrip(".")
        if key in numbers:
            return key, "number", 1.0
    if not cover.title:
        return None, "", 0.0
    best, best_score = None, 0.0
    title = norm(cover.title).casefold()
    for item in items:
        score = fuzz.token_set_ratio(title, norm(item.title).casefold())
        if score > best_score:
            best, best_score = item, score
    if best is not None and best_score >= _MIN_SCORE:
        return best.number, "title", round(best_score / 100, 2)
    return None, "", 0.0


def items_with_paper_pages(items: Sequence[DraftItem], papers: Sequence[DraftPaper]) -> list[DraftItem]:
    """Each linked item's pages run from its first paper's first page to its last paper's last page."""
    spans: dict[str, tuple[int, int]] = {}
    for paper in papers:
        if paper.item_number is None:
            continue
        lo, hi = spans.get(paper.item_number, (paper.first_page, paper.last_page))
        spans[paper.item_number] = (min(lo, paper.first_page), max(hi, paper.last_page))
    out: list[DraftItem] = []
    for item in items:
        span = spans.get(item.number)
        out.append(item if span is None else with_pages(item, span[0], span[1], guessed=True))
    return out
