"""Text in which a table came out column by column, one cell a paragraph (pdftotext without -layout):
the rows put back together by order, so the line reader can read them.

A row starts at a time on a line of its own followed by an item number on a line of its own (or at an item
number alone, where the table has no time column); the paragraph after the number is the title, and the
paragraphs up to the next row are its other cells. Everything else is kept as it was.
"""

from __future__ import annotations

import re

_TIME = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?$", re.I)
_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?\.?$")


def rejoin_cells(lines: list[str]) -> list[str] | None:
    """The rows of a column-serialised table as tab-separated lines; None when the text has no such rows."""
    rows: list[str] = []
    out: list[str] = []
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index].strip()
        start = _row_start(lines, index)
        if start is None:
            out.append(lines[index])
            index += 1
            continue
        cells: list[str] = []
        index = start
        time_cell = line if _TIME.match(line) else ""
        number = lines[index].strip()
        index += 1
        paragraph: list[str] = []
        while index < count and _row_start(lines, index) is None:
            text = lines[index].strip()
            if (cells or paragraph) and _ends_row(text):  # the title, its first cell, may read like one
                break  # a section row ("QUALITY AND SAFETY") or a timed row without a number ("11:10", "Break")
            if text:
                paragraph.append(text)
            elif paragraph:
                cells.append(" ".join(paragraph))
                paragraph = []
            index += 1
        if paragraph:
            cells.append(" ".join(paragraph))
        row = "\t".join(c for c in (time_cell, number, *cells) if c)
        rows.append(row)
        out.append(row)
    return out if len(rows) >= 2 else None


_LABELLED = re.compile(r"^[A-Z][\w ]{1,24}:\s+\S")  # "Chair: A Name", "Date of next meeting: …" under the table


def _ends_row(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    heading = len(text.split()) >= 2 and len(letters) >= 6 and all(ch.isupper() for ch in letters)
    return heading or _TIME.match(text) is not None or _LABELLED.match(text) is not None


def _row_start(lines: list[str], index: int) -> int | None:
    """The index of the row's number line if a row starts at `index` (a time then a number, or a number)."""
    text = lines[index].strip()
    if _TIME.match(text):
        following = _next_text(lines, index + 1)
        if following is not None and _NUMBER.match(lines[following].strip()):
            return following
        return None
    if _NUMBER.match(text) and (index == 0 or not lines[index - 1].strip()):
        following = _next_text(lines, index + 1)
        previous = _previous_text(lines, index - 1)
        after_time = previous is not None and _TIME.match(lines[previous].strip())
        return index if following is not None and not after_time else None
    return None


def _next_text(lines: list[str], index: int) -> int | None:
    while index < len(lines):
        if lines[index].strip():
            return index
        index += 1
    return None


def _previous_text(lines: list[str], index: int) -> int | None:
    while index >= 0:
        if lines[index].strip():
            return index
        index -= 1
    return None
