"""What a member can mark on a pack, and how a quote is cut from a page's text. No Qt, no SQL, no I/O."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

# A rectangle on a page, in PDF points from the page's top-left corner: (x0, y0, x1, y1).
Rect = tuple[float, float, float, float]
Point = tuple[float, float]

CONTEXT_CHARS = 40  # text kept before and after a quote, to tell apart the places it appears


class AnnotationKind(enum.StrEnum):
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    STRIKE = "strike"
    NOTE = "note"  # a sticky note on a point of a page
    ITEM_NOTE = "item_note"  # a free note on an agenda item, on no words
    INK = "ink"  # freehand strokes

    @property
    def on_words(self) -> bool:
        return self in (AnnotationKind.HIGHLIGHT, AnnotationKind.UNDERLINE, AnnotationKind.STRIKE)

    @property
    def label(self) -> str:
        return {
            AnnotationKind.HIGHLIGHT: "Highlight",
            AnnotationKind.UNDERLINE: "Underline",
            AnnotationKind.STRIKE: "Strike-through",
            AnnotationKind.NOTE: "Sticky note",
            AnnotationKind.ITEM_NOTE: "Note on the item",
            AnnotationKind.INK: "Ink",
        }[self]


# Highlighter colours: name -> (red, green, blue). Names are what the database keeps.
COLOURS: dict[str, tuple[int, int, int]] = {
    "yellow": (255, 226, 64),
    "green": (120, 220, 120),
    "blue": (110, 180, 255),
    "pink": (255, 140, 190),
    "orange": (255, 170, 70),
}


def colour_rgb(name: str) -> tuple[int, int, int]:
    return COLOURS.get(name, COLOURS["yellow"])


@dataclass(frozen=True, slots=True)
class QuoteContext:
    quote: str
    prefix: str
    suffix: str


def quote_context(page_text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> QuoteContext:
    """The words page_text[start:end] with about `width` characters of context either side, whitespace tidied."""
    start, end = max(0, start), min(len(page_text), end)

    def tidy(text: str) -> str:
        return " ".join(text.split())

    return QuoteContext(
        tidy(page_text[start:end]),
        tidy(page_text[max(0, start - width) : start]),
        tidy(page_text[end : end + width]),
    )


def find_in_page(page_text: str, quote: str, prefix: str = "", suffix: str = "") -> tuple[int, int] | None:
    """Where `quote` is in `page_text` as (start, end) character offsets, whitespace ignored; where it appears
    more than once, the place whose surrounding text best matches `prefix` and `suffix`. None when absent."""
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s*".join(re.escape(w) for w in words), re.IGNORECASE)
    best: tuple[int, tuple[int, int]] | None = None
    before, after = " ".join(prefix.split()).casefold(), " ".join(suffix.split()).casefold()
    for match in pattern.finditer(page_text):
        s, e = match.span()
        got_before = " ".join(page_text[max(0, s - len(before) - 20) : s].split()).casefold()
        got_after = " ".join(page_text[e : e + len(after) + 20].split()).casefold()
        score = _common_suffix(got_before, before) + _common_prefix(got_after, after)
        if best is None or score > best[0]:
            best = (score, (s, e))
    return best[1] if best else None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
