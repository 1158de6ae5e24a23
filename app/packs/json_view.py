"""`draft_to_json`: a `DraftPack` as the plain JSON shape printed by `quorate agenda PACK --json`."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from datetime import date, time
from enum import Enum
from typing import Any

from app.packs.model import DraftDate, DraftItem, DraftPack, DraftPaper

SURE = 1.0
UNSURE = 0.5
# JSON field -> the DraftItem fields that make it uncertain.
_FIELDS: dict[str, tuple[str, ...]] = {
    "number": ("number",),
    "title": ("title",),
    "presenter": ("presenter",),
    "purpose": ("purpose",),
    "time": ("planned_time", "time"),
    "part": ("part",),
    "pages": ("first_page", "last_page", "pages"),
    "verbal": ("verbal",),
    "tabled": ("tabled",),
}


def draft_to_json(draft: DraftPack) -> dict[str, Any]:
    """Everything the parse found, JSON-serialisable (dates as ISO strings), items nested by number."""
    papers = _papers_by_item(draft.papers)
    return {
        "source": draft.source_path,
        "sha256": draft.sha256,
        "kind": draft.kind,
        "meeting": {
            "title": draft.meeting_title,
            "body": draft.body_name,
            "date": _plain(draft.meeting_date),
            "time": draft.start.strftime("%H:%M") if draft.start else None,
            "venue": draft.venue,
            "uncertain": sorted(draft.meeting_uncertain),
            "confidence": {
                key: UNSURE if key in draft.meeting_uncertain else SURE
                for key in ("title", "body", "date", "time", "venue")
            },
        },
        "page_count": draft.page_count if draft.page_count is not None else len(draft.pages) or None,
        "items": _tree([_item(i, papers.get(i.number, ())) for i in draft.items]),
        "people": [_plain(p) for p in draft.people],
        "interests": [_plain(i) for i in draft.interests],
        "actions": [_plain(a) for a in draft.actions],
        "minute_actions": [_plain(a) for a in draft.minute_actions],
        "planner": [_plain(r) for r in draft.planner],
        "papers": [_plain(p) for p in draft.papers],
        "warnings": list(draft.warnings),
    }


def _papers_by_item(papers: tuple[DraftPaper, ...]) -> dict[str, tuple[DraftPaper, ...]]:
    out: dict[str, tuple[DraftPaper, ...]] = {}
    for paper in papers:
        if paper.item_number is not None:
            out[paper.item_number] = (*out.get(paper.item_number, ()), paper)
    return out


def _item(item: DraftItem, papers: tuple[DraftPaper, ...]) -> dict[str, Any]:
    pages = [item.first_page, item.last_page] if item.first_page is not None else None
    confidence = {
        key: UNSURE if any(name in item.uncertain for name in names) else SURE for key, names in _FIELDS.items()
    }
    main = papers[0] if papers else None
    confidence["paper"] = SURE if main is None else main.score
    return {
        "number": item.number,
        "title": item.title,
        "presenter": item.presenter,
        "purpose": item.purpose.value,
        "time": item.planned_time.strftime("%H:%M") if item.planned_time else None,
        "part": int(item.part),
        "pages": pages,
        "verbal": item.verbal,
        "tabled": item.tabled,
        "paper": main.title if main else None,
        "papers": [p.title for p in papers],
        "uncertain": sorted(item.uncertain),
        "confidence": confidence,
        "children": [],
    }


def _is_child(parent: str, child: str) -> bool:
    """ "6.1" is under "6", "2(a)" and "2a" under "2", "1.2.3" under "1.2"; "10" is not under "1", nor "II" under
    "I" (roman numerals), nor anything under an item printed without a number."""
    rest = child[len(parent) :]
    if not parent or not child.lower().startswith(parent.lower()):
        return False
    return bool(re.match(r"[.(][\da-z]", rest, re.I) or (parent[-1].isdigit() and re.match(r"[a-z]", rest, re.I)))


def _tree(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nest each item under the nearest earlier item whose number is a prefix of its own."""
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for item in items:
        number = str(item["number"])
        while stack and not (number and _is_child(str(stack[-1]["number"]), number)):
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(item)
        stack.append(item)
    return roots


def _plain(value: object) -> Any:
    """Dataclasses, enums, dates and tuples as JSON values."""
    if isinstance(value, DraftDate):
        return {"written": value.written, "parsed": _plain(value.parsed)}
    if is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        if "columns" in out:
            out["columns"] = [{"header": h, "value": v} for h, v in out["columns"]]
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value
