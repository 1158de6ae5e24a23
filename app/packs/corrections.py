"""A corrected agenda, edited from `quorate agenda PACK --json`, applied to the draft read from the same pack.

`quorate import PACK --agenda draft.json` saves the pack with the items and meeting fields of the file
instead of those the reader found. The file is checked whole before anything is saved: a field that is wrong
is named in one sentence (`items[3].time`) and nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any

from app.domain import Part, Purpose
from app.packs.model import DraftItem, DraftPack, PackError

_PURPOSES = {p.value: p for p in Purpose}


def load_corrections(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PackError(f"{path.name} could not be found.") from exc
    except UnicodeDecodeError as exc:
        raise PackError(f"{path.name} is not a text file: save the corrected agenda as UTF-8 JSON.") from exc
    except json.JSONDecodeError as exc:
        raise PackError(f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}.") from exc


def apply_corrections(draft: DraftPack, data: Any, name: str) -> DraftPack:
    """`draft` with the meeting fields and items of `data` (the shape `agenda --json` prints)."""
    if not isinstance(data, dict):
        raise PackError(f'{name} must hold a JSON object with "meeting" and "items", as agenda --json prints.')
    meeting = data.get("meeting", {})
    if not isinstance(meeting, dict):
        raise PackError(f"{name}: meeting must be an object.")
    items_data = data.get("items")
    if not isinstance(items_data, list) or not items_data:
        raise PackError(f"{name}: items must be a list with at least one agenda item.")
    items: list[DraftItem] = []
    _items(items_data, "items", name, items)
    numbers = [i.number for i in items if i.number]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        raise PackError(f"{name}: item number {repeated[0]} is used more than once.")
    return replace(
        draft,
        body_name=_text(meeting, "body", f"{name}: meeting.body", draft.body_name),
        meeting_title=_text(meeting, "title", f"{name}: meeting.title", draft.meeting_title) or draft.meeting_title,
        meeting_date=_date(meeting.get("date", _plain_date(draft.meeting_date)), f"{name}: meeting.date"),
        start=_time(meeting.get("time", _plain_time(draft.start)), f"{name}: meeting.time"),
        venue=_text(meeting, "venue", f"{name}: meeting.venue", draft.venue),
        items=tuple(items),
        warnings=tuple(w for w in draft.warnings if "agenda" not in w.lower()),
        meeting_uncertain=frozenset(),  # the file's meeting fields are what a person checked
    )


def _items(data: list[Any], where: str, name: str, out: list[DraftItem]) -> None:
    for index, entry in enumerate(data):
        at = f"{name}: {where}[{index}]"
        if not isinstance(entry, dict):
            raise PackError(f"{at} must be an object with a number and a title.")
        title = _text(entry, "title", f"{at}.title", "")
        if not title.strip():
            raise PackError(f"{at}.title is empty: every item needs a title.")
        purpose = entry.get("purpose") or ""
        if purpose not in _PURPOSES:
            choices = ", ".join(p for p in _PURPOSES if p)
            raise PackError(f"{at}.purpose is {purpose!r}; it must be one of {choices}, or empty.")
        part = entry.get("part", 1)
        if part not in (1, 2) or isinstance(part, bool):
            raise PackError(f"{at}.part is {part!r}; it must be 1 (in public) or 2 (in private).")
        first, last = _pages(entry.get("pages"), f"{at}.pages")
        out.append(
            DraftItem(
                number=_text(entry, "number", f"{at}.number", "").strip(),
                title=title.strip(),
                presenter=_text(entry, "presenter", f"{at}.presenter", "").strip(),
                purpose=_PURPOSES[purpose],
                planned_time=_time(entry.get("time"), f"{at}.time"),
                part=Part(part),
                first_page=first,
                last_page=last,
                verbal=_flag(entry, "verbal", f"{at}.verbal"),
                tabled=_flag(entry, "tabled", f"{at}.tabled"),
            )
        )
        children = entry.get("children", [])
        if not isinstance(children, list):
            raise PackError(f"{at}.children must be a list.")
        _items(children, f"{where}[{index}].children", name, out)


def _text(entry: dict[str, Any], key: str, at: str, default: str) -> str:
    value = entry.get(key, default)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PackError(f"{at} must be text in quotes, not {json.dumps(value)}.")
    return value


def _flag(entry: dict[str, Any], key: str, at: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise PackError(f"{at} must be true or false, not {json.dumps(value)}.")
    return value


def _time(value: Any, at: str) -> time | None:
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str) or len(value) != 5:
            raise ValueError
        return time.fromisoformat(value)
    except ValueError:
        raise PackError(f"{at} is {json.dumps(value)}, not a time as HH:MM (24-hour).") from None


def _date(value: Any, at: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise PackError(f"{at} is {json.dumps(value)}, not a date as YYYY-MM-DD.") from None


def _pages(value: Any, at: str) -> tuple[int | None, int | None]:
    if value is None:
        return None, None
    ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and v >= 1 for v in value)
    if not ok or value[0] > value[1]:
        raise PackError(f"{at} is {json.dumps(value)}; it must be [first, last] PDF pages, or null.")
    return value[0], value[1]


def _plain_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _plain_time(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None
