"""Dates as registers and trackers write them: "01/04/2021", "1/9/23", "Apr-19", "June 2023", "Circa 2012"."""

from __future__ import annotations

import re
from datetime import date

from app.packs.agenda import find_date, norm
from app.packs.model import DraftDate

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\.?[\s/-]*'?(\d{{4}}|\d{{2}})\b", re.I)
_NUM_MONTH_YEAR = re.compile(r"^(?:\D*\s)?(\d{1,2})[/.-](\d{4})\b")
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-]*\d)")
_SHORT_DMY = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2})\b")


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        value += 2000 if value <= 69 else 1900  # as strptime's %y does
    return value


def parse_loose_date(text: str) -> date | None:
    """The date `text` means, or None ("Ongoing", "TBC", ""); month-only and year-only dates give the 1st."""
    n = norm(text).strip()
    if not n or len(n) > 80:
        return None
    found = find_date(n)
    if found is not None:
        return found
    m = _SHORT_DMY.search(n)
    if m:
        try:
            return date(_year(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    m = _MONTH_YEAR.search(n)
    if m and _year(m[2]) >= 1:
        return date(_year(m[2]), _MONTHS.index(m[1][:3].lower()) + 1, 1)
    m = _NUM_MONTH_YEAR.match(n)
    if m and 1 <= int(m[1]) <= 12 and int(m[2]) >= 1:
        return date(int(m[2]), int(m[1]), 1)
    m = _YEAR.search(n)
    if m:
        return date(int(m[1]), 1, 1)
    return None


def draft_date(text: str) -> DraftDate:
    written = " ".join(text.split())
    return DraftDate(written=written, parsed=parse_loose_date(written))


def draft_dates(text: str) -> tuple[DraftDate, ...]:
    """Each date in a cell listing several ("14/07/2023, 29/09/2023"), in order."""
    parts = [p for p in re.split(r"\s*(?:[,;]|\band\b|\s{2,}|\n)\s*", text.strip()) if p]
    if len(parts) <= 1:
        parts = re.findall(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text) or parts
    return tuple(draft_date(p) for p in parts)
