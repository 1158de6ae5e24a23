"""The layout model of a pack: words with their boxes, font size and weight, grouped into lines per page.

Readers of agendas, minutes and tables work on these lines instead of fixed-width text, so position, indent,
size and boldness are still there when a line is judged. PDF pages come from PDFium character by character
(plain C calls, no helper objects); text packs become the same lines with character offsets as x.

Running headers and footers (a line repeated near the top or bottom of most pages, "Page N", a lone page
number) are set aside as `furniture`, and the printed page numbers they carry give `PageMap`, which turns a
printed page ("Pages 13 - 64") into the PDF page it is on. No Qt here.
"""

from __future__ import annotations

import ctypes
import html
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from app.packs.limits import page_text_too_dense

# Two characters further apart than this share of the font size are two words, whatever the space glyph says
# (Google Docs and some converters draw no space characters at all).
WORD_GAP_EM = 0.18
# A gap of at least this many font sizes inside a line separates table cells.
CELL_GAP_EM = 1.2
_EDGE_SHARE = 0.09  # running headers and footers sit within this share of the page height from an edge
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*-)?$", re.I)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page (y grows downwards)
    bottom: float
    size: float  # font size in points (1.0 for text packs)
    bold: bool = False
    italic: bool = False
    leader: bool = False  # a tab leader (a run of dots) stood before it: a cell starts here whatever the gap


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one baseline, left to right. `page` is 0-based. Text, size and weight are worked out once (every
    reader asks for them many times)."""

    page: int
    words: tuple[Word, ...]
    text: str = field(init=False, compare=False)
    size: float = field(init=False, compare=False)  # the font size most of the line's characters have
    bold: bool = field(init=False, compare=False)  # most of the line's letters are bold

    def __post_init__(self) -> None:
        weights: Counter[float] = Counter()
        total = heavy = 0
        for w in self.words:
            weights[round(w.size, 1)] += len(w.text)
            total += len(w.text)
            heavy += len(w.text) if w.bold else 0
        object.__setattr__(self, "text", " ".join(w.text for w in self.words))
        object.__setattr__(self, "size", weights.most_common(1)[0][0] if weights else 0.0)
        object.__setattr__(self, "bold", heavy * 2 > total)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    def cells(self, gap_em: float = CELL_GAP_EM) -> list[tuple[float, str]]:
        """The line split where the gap between words is at least `gap_em` font sizes: (x, text) per cell."""
        out: list[tuple[float, list[str]]] = []
        last: Word | None = None
        for word in self.words:
            if last is None or word.leader or word.x0 - last.x1 >= gap_em * max(last.size, word.size):
                out.append((word.x0, [word.text]))
            else:
                out[-1][1].append(word.text)
            last = word
        return [(x, " ".join(parts)) for x, parts in out]


# The words a table's header row is made of ("Item", "Lead", "Presented by", "Timings", "Paper").
HEADER_WORDS = frozenset(
    re.findall(
        r"\S+",
        "item items no no. number ref lead leads presenter presenters presented by time timings timing purpose action"
        " paper papers page pages title subject owner enc encl format duration officer required report who"
        " sponsor responsible description business enclosure attachment reference start mins minutes",
    )
)
# The languages a bilingual table names its columns by ("No. | English | Français"): the first is the title.
LANGUAGE_WORDS = frozenset(
    re.findall(r"\S+", "english français francais french cymraeg welsh gaeilge irish gàidhlig gaelic deutsch español")
)
HEADER_WORDS = HEADER_WORDS | LANGUAGE_WORDS


def header_row(line: Line) -> bool:
    """A table's header row (repeated at the top of a page): two or more cells, three words in four a column
    heading's ("Lead Director" too)."""
    heading = sum(1 for w in line.words if w.text.lower().strip(":.()/") in HEADER_WORDS)
    return len(line.cells()) >= 2 and heading * 4 >= len(line.words) * 3


@dataclass(frozen=True, slots=True)
class PageLayout:
    index: int  # 0-based
    width: float
    height: float
    lines: tuple[Line, ...]  # reading order, furniture excluded once `set_aside_furniture` has run
    furniture: tuple[Line, ...] = ()
    printed: int | None = None  # the page number printed on the page, if one was found


@dataclass(frozen=True, slots=True)
class PageMap:
    """Printed page numbers to PDF pages (both 1-based)."""

    printed_to_pdf: dict[int, int] = field(default_factory=dict)
    offset: int | None = None  # PDF page minus printed page, where most numbered pages agree

    def pdf_page(self, printed: int) -> int:
        """The PDF page a printed page number is on (the printed number itself when nothing is known)."""
        if printed in self.printed_to_pdf:
            return self.printed_to_pdf[printed]
        return printed + (self.offset or 0)


# ---------------------------------------------------------------------------------------------- PDF pages


class _Calls:
    """The PDFium calls made per character, declared with plain pointers so handles stay cheap ints."""

    def __init__(self) -> None:
        import pypdfium2.raw as c

        ptr, i32, dbl = ctypes.c_void_p, ctypes.c_int, ctypes.c_double

        def proto(function: Any, restype: Any, *argtypes: Any) -> Any:
            address = ctypes.cast(function, ctypes.c_void_p).value or 0
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        self.load_page = proto(c.FPDF_LoadPage, ptr, ptr, i32)
        self.close_page = proto(c.FPDF_ClosePage, None, ptr)
        self.load_text = proto(c.FPDFText_LoadPage, ptr, ptr)
        self.close_text = proto(c.FPDFText_ClosePage, None, ptr)
        self.width = proto(c.FPDF_GetPageWidthF, ctypes.c_float, ptr)
        self.height = proto(c.FPDF_GetPageHeightF, ctypes.c_float, ptr)
        self.count_chars = proto(c.FPDFText_CountChars, i32, ptr)
        self.unicode = proto(c.FPDFText_GetUnicode, ctypes.c_uint, ptr, i32)
        self.generated = proto(c.FPDFText_IsGenerated, i32, ptr, i32)
        # The loose box spans the glyph's advance and the font's ascent and descent: gaps and lines are then
        # judged by the type, not by the ink (a "1" or a dash has a narrow, short tight box).
        self.loose_box = proto(c.FPDFText_GetLooseCharBox, i32, ptr, i32, ctypes.c_void_p)
        self.font_size = proto(c.FPDFText_GetFontSize, dbl, ptr, i32)
        self.char_object = proto(c.FPDFText_GetTextObject, ptr, ptr, i32)
        self.object_font = proto(c.FPDFTextObj_GetFont, ptr, ptr)
        self.font_weight = proto(c.FPDFFont_GetWeight, i32, ptr)
        self.font_flags = proto(c.FPDFFont_GetFlags, i32, ptr)
        self.font_name = proto(c.FPDFFont_GetBaseFontName, ctypes.c_ulong, ptr, ctypes.c_char_p, ctypes.c_ulong)
        self.map_error = proto(c.FPDFText_HasUnicodeMapError, i32, ptr, i32)
        self.get_text = proto(c.FPDFText_GetText, i32, ptr, i32, i32, ctypes.c_void_p)


_CALLS: list[_Calls] = []
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag 19
_ITALIC = 1 << 6  # flag 7
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique", re.I)


def _calls() -> _Calls:
    if not _CALLS:
        _CALLS.append(_Calls())
    return _CALLS[0]


@dataclass(slots=True)
class _Char:
    ch: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


class _FontStyles:
    """(bold, italic) per text object, from its font's weight, flags and name; cached per font."""

    def __init__(self, calls: _Calls) -> None:
        self.c = calls
        self.by_font: dict[int, tuple[bool, bool]] = {}
        self.by_object: dict[int, tuple[bool, bool]] = {}
        self.name = ctypes.create_string_buffer(256)

    def of(self, obj: int | None) -> tuple[bool, bool]:
        if not obj:
            return False, False
        known = self.by_object.get(obj)
        if known is not None:
            return known
        font = self.c.object_font(obj) or 0
        style = self.by_font.get(font)
        if style is None:
            style = (False, False)
            if font:
                weight = self.c.font_weight(font)
                flags = self.c.font_flags(font)
                length = self.c.font_name(font, self.name, 256)
                name = self.name.value.decode("latin-1", errors="replace") if length else ""
                bold = weight >= 600 or bool(flags & _FORCE_BOLD) or bool(_BOLD_NAME.search(name))
                style = (bold, bool(flags & _ITALIC) or bool(_ITALIC_NAME.search(name)))
            self.by_font[font] = style
        self.by_object[obj] = style
        return style


@dataclass(frozen=True, slots=True)
class PdfPageRead:
    layout: PageLayout
    characters: int
    map_errors: int  # characters PDFium could not map to Unicode


def read_pdf_page(document: Any, index: int) -> PdfPageRead:
    """One PDF page's lines (PDFium document handle, 0-based page)."""
    c = _calls()
    handle = ctypes.cast(document, ctypes.c_void_p).value
    page = c.load_page(handle, index)
    if not page:
        return PdfPageRead(PageLayout(index, 0.0, 0.0, ()), 0, 0)
    textpage = None if page_text_too_dense(page) else c.load_text(page)
    try:
        width, height = float(c.width(page)), float(c.height(page))
        read = _page_words(c, textpage, height) if textpage else None
        if read is None:
            chars, errors = _page_chars(c, textpage, height) if textpage else ([], 0)
            read = _words(chars), len(chars), errors
    finally:
        if textpage:
            c.close_text(textpage)
        c.close_page(page)
    words, characters, errors = read
    return PdfPageRead(PageLayout(index, width, height, tuple(_columns(index, words, width))), characters, errors)


_RUN = re.compile("[^ \t\n\r\u00a0\u200b\ufeff]+")  # PDFium's words: between spaces and line ends (_BREAKS)
# A tab leader: four dots or more, two ellipses, or dots set between two words with no space ("Draft...Head",
# "2024/25.Chief": a title filled the line and its leader shrank to a dot or two).
_LEADER = re.compile(r"[.\u2026\u00b7_]{4,}|\u2026{2,}|(?<=[a-z0-9]{2})\.(?=[A-Z][a-z])|(?<=[a-z0-9)])\.{2,3}(?=\w)")
_LEADER_CHARS = frozenset(".\u2026\u00b7_")


def _runs(text: str) -> Iterable[tuple[int, int, bool]]:
    """PDFium's words as (start, end, after a leader): a tab leader is cut out ("Apologies......Chair" is two
    words, the second flagged), whether glued to the words, a word of its own or dots set apart (". . . .")."""
    matches = list(_RUN.finditer(text))
    pending = False
    for index, match in enumerate(matches):
        word = match[0]
        start = match.start()
        if not any(ch in _LEADER_CHARS for ch in word):
            yield start, match.end(), pending
            pending = False
            continue
        if all(ch in _LEADER_CHARS for ch in word):
            spaced = [m[0] for m in matches[index : index + 3]]
            if len(word) >= 2 or (len(spaced) == 3 and all(w in (".", "\u00b7") for w in spaced)):
                pending = True  # dots on their own: a leader
                continue
            # A lone dot between dots set apart is the leader's tail: the next word starts a cell.
            if pending or (index and matches[index - 1][0] in (".", "\u00b7")):
                pending = True
                continue
        at = 0
        for leader in _LEADER.finditer(word):
            if len(leader[0]) == 1:  # "2024/25.Chief": the full stop stays with its word
                yield start + at, start + leader.end(), pending
            elif leader.start() > at:
                yield start + at, start + leader.start(), pending
            pending = True
            at = leader.end()
        if at < len(word):
            yield start + at, match.end(), pending
            pending = False


def _page_words(c: _Calls, textpage: int, height: float) -> tuple[list[Word], int, int] | None:
    """The page's words the quick way: the whole text in one call, split where PDFium put a space or a line
    end, then a few calls per word (its first and last character's box, its text object) instead of three per
    character. A word whose ends lie in different text objects may hide a gap
    PDFium did not mark (words drawn one by one without spaces): its characters are looked at one by one.
    Within one text object PDFium's own spaces are trusted (it puts one where a TJ array leaves a word gap).
    None when the text cannot be indexed by character (characters outside the BMP): read per character then."""
    count = c.count_chars(textpage)
    if count <= 0:
        return [], 0, 0
    buffer = (ctypes.c_ushort * (count + 1))()
    written = c.get_text(textpage, 0, count, ctypes.addressof(buffer))
    if written != count + 1:
        return None
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", errors="surrogatepass")
    if len(text) != count or any("\ud800" <= ch <= "\udfff" for ch in text if ch >= "\ud800"):
        return None
    styles = _FontStyles(c)
    sizes: dict[int, float] = {}
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    box_at = ctypes.addressof(box)
    loose_box, char_object, map_error = c.loose_box, c.char_object, c.map_error
    words: list[Word] = []
    characters = errors = 0
    for start, end, leader in _runs(text):
        characters += end - start
        if map_error(textpage, start):  # a word whose first character has no Unicode counts as garbled
            errors += end - start
        first_object = char_object(textpage, start) or 0
        last_object = char_object(textpage, end - 1) or 0 if end - start > 1 else first_object
        if not loose_box(textpage, start, box_at):
            continue
        left, top, _, bottom = box
        size = sizes.get(first_object)
        if size is None:
            size = sizes[first_object] = c.font_size(textpage, start) or (top - bottom)
        if end - start > 1 and loose_box(textpage, end - 1, box_at):
            right = box[2]
            top, bottom = max(top, box[1]), min(bottom, box[3])
        else:
            right = box[2]
        if first_object != last_object:  # drawn in two goes: perhaps two words with no space between
            pieces = _pieces(c, textpage, text[start:end], start, end, height, styles, sizes)
            if leader and pieces:
                pieces[0] = replace(pieces[0], leader=True)
            words += pieces
            continue
        bold, italic = styles.of(first_object)
        word = text[start:end].replace("\ufffe", "-").replace("\u00ad", "-").replace("\x02", "-")
        words.append(Word(word, left, right, height - top, height - bottom, size, bold, italic, leader))
    return words, characters, errors


def _objects(c: _Calls, textpage: int, start: int, end: int) -> list[int]:
    """The text object of each character from `start` to `end` - 1, found by halving: a run whose two ends share
    an object is taken as one (a text object's characters come together), so a word of a few pieces costs a few
    calls, not one per character."""
    out = [0] * (end - start)

    def fill(lo: int, hi: int, first: int, last: int) -> None:  # chars lo..hi inclusive; their objects known
        if first == last:
            out[lo - start : hi - start + 1] = [first] * (hi - lo + 1)
            return
        if hi - lo <= 1:
            out[lo - start], out[hi - start] = first, last
            return
        mid = (lo + hi) // 2
        middle = c.char_object(textpage, mid) or 0
        fill(lo, mid, first, middle)
        fill(mid, hi, middle, last)

    if end > start:
        fill(start, end - 1, c.char_object(textpage, start) or 0, c.char_object(textpage, end - 1) or 0)
    return out


def _pieces(
    c: _Calls,
    textpage: int,
    text: str,
    start: int,
    end: int,
    height: float,
    styles: _FontStyles,
    sizes: dict[int, float],
) -> list[Word]:
    """A PDFium word drawn from several text objects, as words: one call per character finds where the text
    object changes, two boxes per piece; pieces further apart than `WORD_GAP_EM`, on another line or drawn back
    to the left are separate words."""
    objects = _objects(c, textpage, start, end)
    box = (ctypes.c_float * 4)()
    box_at = ctypes.addressof(box)
    out: list[Word] = []
    piece_start = 0
    for k in range(1, len(objects) + 1):
        if k < len(objects) and objects[k] == objects[piece_start]:
            continue
        first, last = start + piece_start, start + k - 1
        if c.loose_box(textpage, first, box_at):
            left, top, right, bottom = box
            if last != first and c.loose_box(textpage, last, box_at):
                right, top, bottom = box[2], max(top, box[1]), min(bottom, box[3])
            obj = objects[piece_start]
            size = sizes.get(obj)
            if size is None:
                size = sizes[obj] = c.font_size(textpage, first) or (top - bottom)
            bold, italic = styles.of(obj)
            piece = text[piece_start:k].replace("\ufffe", "-").replace("\u00ad", "-").replace("\x02", "-")
            word = Word(piece, left, right, height - top, height - bottom, size, bold, italic)
            if out:
                prev = out[-1]
                middle = (word.top + word.bottom) / 2
                same_line = prev.top - 0.3 * prev.size <= middle <= prev.bottom + 0.3 * prev.size
                gap = word.x0 - prev.x1
                if same_line and -0.5 * prev.size <= gap <= WORD_GAP_EM * max(size, prev.size):
                    heavy = len(prev.text) >= len(word.text)
                    out[-1] = Word(
                        prev.text + word.text,
                        prev.x0,
                        max(prev.x1, word.x1),
                        min(prev.top, word.top),
                        max(prev.bottom, word.bottom),
                        prev.size if heavy else word.size,
                        prev.bold if heavy else word.bold,
                        prev.italic if heavy else word.italic,
                    )
                    piece_start = k
                    continue
            out.append(word)
        piece_start = k
    return out


def _columns(page: int, words: list[Word], width: float) -> list[Line]:
    """Lines in reading order: a stretch of the page set in two columns is read column by column, between the
    full-width lines above it (a masthead) and below it (a footer).

    Two columns, not a table: a gutter no word crosses in that stretch, a right column with a left margin of
    its own, and lines there that mostly do not share a baseline with the left (a table's cells do)."""
    lines = _lines(page, words)
    if width <= 0 or len(lines) < 8:
        return lines
    # A right-hand column needs lines that start right of where a gutter is looked for; a page of full-width
    # text has none, and is not searched (the search looks at every word for each place a gutter could be).
    if sum(1 for ln in lines for x, _ in ln.cells() if x > width * 0.3) < 5:
        return lines
    region = _gutter(lines, words, width)
    if region is None:
        return lines
    gutter, top, bottom = region
    inside = [w for w in words if w.top >= top - 0.5 and w.bottom <= bottom + 0.5]
    left_lines = _lines(page, [w for w in inside if w.x1 <= gutter])
    right_lines = _lines(page, [w for w in inside if w.x0 >= gutter])
    # A table, not two columns: its header row names columns either side of the gutter ("Title ... Lead"), or
    # its right-hand rows hold several cells (a lead, a time, a paper).
    headed = any(
        header_row(ln) and ln.x0 < gutter < ln.x1 for ln in lines if top - 3 * ln.size <= ln.top <= top + 2 * ln.size
    )
    celled = sum(1 for ln in right_lines if len(_past_label(ln.cells())) >= 2)
    # Or labels and what they label ("Present:" beside the names): the left lines end in a colon.
    labelled = sum(1 for ln in left_lines if ln.text.rstrip().endswith(":"))
    if headed or celled * 10 >= len(right_lines) * 3 or labelled * 2 >= len(left_lines):
        return lines
    # Two columns on one line pitch align like a table's cells; they are text when the right-hand lines run on
    # (four words a line) or carry on the left's numbered list ("6." after "1." to "5.").
    worded = sum(1 for ln in right_lines for w in ln.words if sum(ch.isalpha() for ch in w.text) >= 2)
    text = worded >= 4 * len(right_lines) or _continues(left_lines, right_lines)
    margin = Counter(round(ln.x0) for ln in right_lines).most_common(1)
    # Lines on one baseline share their middle (their boxes' tops and bottoms differ with the font's metrics).
    left_middles = [(ln.top + ln.bottom) / 2 for ln in left_lines]
    unaligned = sum(1 for ln in right_lines if not any(abs((ln.top + ln.bottom) / 2 - m) < 2 for m in left_middles))
    own_margin = bool(margin) and margin[0][1] >= max(3, len(right_lines) // 3) and margin[0][0] > gutter - 1
    if not own_margin or (unaligned * 10 < len(right_lines) * 4 and not text):
        return lines
    # A table whose right-hand cells wrap (a lead's role under the name): nearly every left line still has a
    # right line on its baseline; two columns of text do not line up like that.
    right_middles = [(ln.top + ln.bottom) / 2 for ln in right_lines]
    paired = sum(1 for ln in left_lines if any(abs((ln.top + ln.bottom) / 2 - m) < 2 for m in right_middles))
    if left_lines and paired * 10 >= len(left_lines) * 7 and not text:
        return lines
    above = _lines(page, [w for w in words if w.bottom <= top + 0.5 and w not in inside])
    below = _lines(page, [w for w in words if w.top >= bottom - 0.5 and w not in inside])
    # A table that goes on below (its last rows short, their leads wrapping on the right): the "right column"
    # starts where cells of two or more rows above it start.
    starts_above = Counter(round(x) for ln in above for x, _ in ln.cells() if x > gutter - 1)
    if sum(n for x, n in starts_above.items() if abs(x - margin[0][0]) <= 2) >= 2:
        return lines
    return above + left_lines + right_lines + below


_LABEL_CELL = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,2})*|[a-z]|[ivx]{1,5})[.):]?$", re.I)


def _past_label(cells: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """A line's cells less an item label standing as a cell of its own ("6." before its title)."""
    return cells[1:] if cells and _LABEL_CELL.match(cells[0][1]) else cells


def _continues(left: list[Line], right: list[Line]) -> bool:
    """Whether the right-hand lines' item numbers carry on from the left's ("6." after "5.")."""

    def numbers(lines: list[Line]) -> list[int]:
        out = []
        for ln in lines:
            m = _LABEL_CELL.match(ln.words[0].text)
            if m and m[1].isdigit():
                out.append(int(m[1]))
        return out

    before, after = numbers(left), numbers(right)
    return len(before) >= 2 and len(after) >= 2 and after[0] == max(before) + 1


def _spans(line: Line, x: float) -> bool:
    """Whether the line runs across `x`: a word there, or words either side of it no further apart than a
    word space or two (a full-width line whose words happen to leave `x` free)."""
    before = [w for w in line.words if w.x0 < x]
    if not before:
        return False
    last = max(before, key=lambda w: w.x1)
    if last.x1 > x:
        return True  # a word over x (the line's last word too)
    if len(before) == len(line.words):
        return False
    first = line.words[len(before)]
    return first.x0 - last.x1 < 1.0 * max(last.size, first.size)


def _gutter(lines: list[Line], words: list[Word], width: float) -> tuple[float, float, float] | None:
    """(x, top, bottom) of the gutter in the middle of the page: a band of x that no line crosses over a stretch
    of the page with four lines or more on either side of it, the one with most lines beside it (then the
    widest); None when there is none."""
    bands: list[tuple[float, float, float, float, int]] = []  # (first x, last x, top, bottom, lines) so far
    stride = max(3.0, width * 0.4 / 150)  # every 3 pt on a real page; never more than 150 looks on a huge one
    for step in range(150):
        x = width * 0.3 + step * stride
        if x >= width * 0.7:
            break
        crossing = sorted((ln.top, ln.bottom) for ln in lines if _spans(ln, x))
        # The stretches of the page between words that cross x: the one with most lines on its thinner side.
        best: tuple[int, float, float] | None = None
        edges = [(-1.0, 0.0), *crossing, (1e9, 1e9)]
        for (_, upper), (lower, _) in itertools.pairwise(edges):
            if lower - upper < 20:
                continue
            between = [ln for ln in lines if ln.top >= upper and ln.bottom <= lower]
            left = sum(1 for ln in between if ln.words[0].x1 <= x)
            right = sum(1 for ln in between if ln.words[-1].x0 >= x)
            beside = min(left, right)
            if beside >= 4 and (best is None or beside > best[0]):
                best = (beside, upper, lower)
        if best is None:
            continue
        count, upper, lower = best
        last = bands[-1] if bands else None
        if last is not None and x - last[1] <= stride + 0.1 and abs(last[2] - upper) < 1 and abs(last[3] - lower) < 1:
            bands[-1] = (last[0], x, upper, lower, max(count, last[4]))
        else:
            bands.append((x, x, upper, lower, count))
    if not bands:
        return None
    first, last_x, upper, lower, _ = max(bands, key=lambda band: (band[4], band[1] - band[0]))
    words_inside = [w for w in words if w.top >= upper and w.bottom <= lower]
    return (first + last_x) / 2, min(w.top for w in words_inside), max(w.bottom for w in words_inside)


_BREAKS = frozenset((32, 9, 10, 13, 0xA0, 0x200B, 0xFEFF))  # spaces and line ends (PDFium's generated ones too)
_MAP_SAMPLE = 4  # every this many characters is checked for a Unicode map error (a per-page share is enough)


def _page_chars(c: _Calls, textpage: int, height: float) -> tuple[list[_Char | None], int]:
    """The page's characters in content order; None marks a break (a space or line end). Three PDFium calls
    per character: its code, its box and its text object (size and style are the object's, cached)."""
    styles = _FontStyles(c)
    sizes: dict[int, float] = {}
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    box_at = ctypes.addressof(box)
    out: list[_Char | None] = []
    errors = 0
    unicode, loose_box, char_object = c.unicode, c.loose_box, c.char_object
    for i in range(c.count_chars(textpage)):
        code = unicode(textpage, i)
        if code in _BREAKS:
            out.append(None)
            continue
        if not loose_box(textpage, i, box_at):
            continue
        left, top, right, bottom = box
        if i % _MAP_SAMPLE == 0 and c.map_error(textpage, i):
            errors += _MAP_SAMPLE
        ch = chr(code) if code < 0x110000 else "\ufffd"
        if ch in "\ufffe\u00ad\x02":  # PDFium's marks for a hyphen ending a line; a soft hyphen that is drawn
            ch = "-"
        obj = char_object(textpage, i) or 0
        size = sizes.get(obj)
        if size is None:
            size = sizes[obj] = c.font_size(textpage, i) or (top - bottom)
        bold, italic = styles.of(obj)
        out.append(_Char(ch, left, right, height - top, height - bottom, size, bold, italic))
    return out, errors


def _words(chars: list[_Char | None]) -> list[Word]:
    """Characters into words: a break, a jump back or down, or a gap wider than `WORD_GAP_EM` ends a word."""
    words: list[Word] = []
    run: list[_Char] = []

    def flush() -> None:
        if run:
            words.append(
                Word(
                    "".join(ch.ch for ch in run),
                    min(ch.left for ch in run),
                    max(ch.right for ch in run),
                    min(ch.top for ch in run),
                    max(ch.bottom for ch in run),
                    run[len(run) // 2].size,
                    sum(ch.bold for ch in run) * 2 > len(run),
                    sum(ch.italic for ch in run) * 2 > len(run),
                )
            )
            run.clear()

    for ch in chars:
        if ch is None:
            flush()
            continue
        if run:
            last = run[-1]
            middle = (ch.top + ch.bottom) / 2
            same_line = last.top - 0.3 * last.size <= middle <= last.bottom + 0.3 * last.size
            gap = ch.left - last.right
            ligature = last.left - 0.5 <= ch.left and ch.right <= last.right + 0.5  # "ﬀ" read as two f's
            if ligature and same_line:
                run.append(ch)
                continue
            if not same_line or gap > WORD_GAP_EM * max(ch.size, last.size) or gap < -0.5 * last.size:
                flush()
        run.append(ch)
    flush()
    return _without_leaders(words)


def _without_leaders(words: list[Word]) -> list[Word]:
    """Words with their tab leaders cut out (`_runs`), the pieces placed by their share of the characters."""
    text = " ".join(w.text for w in words)
    starts: list[int] = []
    at = 0
    for w in words:
        starts.append(at)
        at += len(w.text) + 1
    out: list[Word] = []
    owner = 0
    for start, end, leader in _runs(text):
        while owner + 1 < len(words) and starts[owner + 1] <= start:
            owner += 1
        w = words[owner]
        share = (w.x1 - w.x0) / max(1, len(w.text))
        left, right = start - starts[owner], end - starts[owner]
        x0, x1 = w.x0 + left * share, w.x0 + right * share
        out.append(Word(text[start:end], x0, x1, w.top, w.bottom, w.size, w.bold, w.italic, leader))
    return out


def _lines(page: int, words: Iterable[Word]) -> list[Line]:
    """Words into lines by vertical overlap, lines top to bottom, words left to right."""
    rows: list[tuple[float, float, list[Word]]] = []  # (top, bottom, words) of each line so far
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        middle = (word.top + word.bottom) / 2
        for index in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            top, bottom, members = rows[index]
            if top <= middle <= bottom and not _overlaps(members, word):
                members.append(word)
                rows[index] = (min(top, word.top), max(bottom, word.bottom), members)
                break
        else:
            rows.append((word.top, word.bottom, [word]))
    lines = [Line(page, _unspaced(sorted(members, key=lambda w: w.x0))) for _, _, members in rows]
    lines.sort(key=lambda ln: (ln.bottom, ln.x0))
    return lines


def _unspaced(words: list[Word]) -> tuple[Word, ...]:
    """A letter-spaced line ("G R E A T  S A L L O W F I E L D") as its words: most of its pieces are a letter
    or two, and the gaps between letters are narrower than those between words."""
    short = sum(1 for w in words if len(w.text) <= 2 and w.text.isalpha())
    if len(words) < 5 or short * 10 < len(words) * 6:
        return tuple(words)
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    letter = sorted(gaps)[len(gaps) // 2]
    if letter <= 0 or letter > 0.5 * words[0].size:
        return tuple(words)
    out = [words[0]]
    for gap, word in zip(gaps, words[1:], strict=True):
        last = out[-1]
        if gap <= 1.6 * letter and word.text.isalpha() and last.text[-1:].isalpha():
            out[-1] = replace(last, text=last.text + word.text, x1=word.x1)
        else:
            out.append(word)
    return tuple(out)


def _overlaps(members: list[Word], word: Word) -> bool:
    """Whether `word` sits on top of one already in the line (two lines drawn close, not one line)."""
    return any(w.x0 < word.x1 - 1 and word.x0 < w.x1 - 1 for w in members)


# ---------------------------------------------------------------------------------------------- text packs


_TAB = 8
# A text pack is laid out as if printed in a fixed-width font: 10 pt type, 6 pt a character, 12 pt a line. Two
# spaces (12 pt) part cells as a PDF's 1.2 em gap does; one space (6 pt) is a word space.
TEXT_SIZE = 10.0
TEXT_CHAR = 6.0
TEXT_LINE = 12.0
_HEADING_MARK = re.compile(r"^(\s*)(#{1,6})\s+")
_HEADING_SIZES = {1: 16.0, 2: 14.0, 3: 12.0}  # markdown heading levels as type sizes: "#" stands out most
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_RULE = re.compile(r"^\s*(?:(?:[-*_=]\s*){3,}|\|?(?:\s*:?-{3,}:?\s*\|?)+)$")  # "---", "|---|:--:|"
_QUOTED = re.compile(r"^\s*>")  # a quoted e-mail's lines
# A tab inside a number in running text ("report 202<TAB>5 budget", "2023/2<TAB>4 plan"): text copied out of a
# PDF's table, where the number ran across a cell's edge; not a column.
_TAB_IN_NUMBER = re.compile(r"(?<=[\w/]\d)\t(?=\d+\s+[a-z])")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/li|/td|/th|/tr|/div)\b[^<>]{0,200}>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def _text_line(raw: str) -> tuple[str, list[bool], float]:
    """A line of a text or markdown pack as printed: markup taken out (HTML tags, "#" heading marks, "**"
    emphasis, a table's "|" rules as column gaps), which characters were bold, and its type size."""
    if "<" in raw:
        raw = _TAG.sub("", _BLOCK_TAG.sub("\t", raw))
    if "&" in raw:
        raw = html.unescape(raw)
    text = raw.expandtabs(_TAB)
    size = TEXT_SIZE
    bold_all = False
    if (heading := _HEADING_MARK.match(text)) is not None:
        size, bold_all = _HEADING_SIZES.get(len(heading[2]), TEXT_SIZE), True
        text = heading[1] + text[heading.end() :]  # a heading starts at its margin, as it is shown
    out: list[str] = []
    bold: list[bool] = []
    at = 0
    for m in _EMPHASIS.finditer(text):
        out.append(text[at : m.start()])
        bold += [bold_all] * (m.start() - at)
        out.append(m[2])
        bold += [True] * len(m[2])
        at = m.end()
    out.append(text[at:])
    bold += [bold_all] * (len(text) - at)
    return "".join(out), bold, size


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _row_kind(row: str) -> str | None:
    """ "|" for a markdown table's row, "\t" for a row of tab-separated cells, None for other lines."""
    if _TABLE_ROW.match(row):
        return "|"
    return "\t" if row.strip() and "\t" in row.strip(" ") else None


def _aligned_tables(rows: list[str]) -> list[str]:
    """Tables set out in columns, as a word processor would print them: each row's cells (a markdown table's
    "| a | b |", or cells between tabs) padded to their column's width, so the rows line up whatever the
    length of a cell (a tab goes to its column's stop, not to the next eighth character); a markdown table's
    rule row is left out."""
    out = list(rows)
    blocks: list[tuple[int, list[list[str]], tuple[str, ...]]] = []
    start = 0
    while start < len(rows):
        kind = _row_kind(rows[start])
        if kind is None:
            start += 1
            continue
        end = start
        while end < len(rows) and _row_kind(rows[end]) == kind:
            end += 1
        if kind == "|":
            table = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows[start:end]]
        else:
            table = [[cell.strip() for cell in row.rstrip().split("\t")] for row in rows[start:end]]
        blocks.append((start, table, tuple(table[0]) if kind == "|" else ("\t",)))
        start = end
    if sum(len(table) for _, table, key in blocks if key == ("\t",)) < 2:
        blocks = [block for block in blocks if block[2] != ("\t",)]  # one line with a tab is not a table
    # Tables under the same header row are one table in parts ("Part 2" under its own copy of the header), and
    # the rows of tab-separated cells of a page one table between its section rows.
    widths: dict[tuple[str, ...], dict[int, int]] = {}
    for _, table, key in blocks:
        shared = widths.setdefault(key, {})
        for cells in table:
            for column, cell in enumerate(cells):
                shared[column] = max(shared.get(column, 0), len(cell))
    for start, table, key in blocks:
        shared = widths[key]
        for at, cells in enumerate(table, start=start):
            rule = all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells if cell)
            out[at] = "" if rule else "   ".join(cell.ljust(shared[c]) for c, cell in enumerate(cells)).rstrip()
    return out


def text_row(line: Line) -> int:
    """The row of its page a text pack's line was read from."""
    return round(line.top / TEXT_LINE)


_MAIL_HEADER = re.compile(
    r"^(?:from|to|cc|bcc|date|sent|subject|reply-to|message-id|in-reply-to|references|mime-version|content-[\w-]+)"
    r"\s*:",
    re.I,
)


def _mail_headers(rows: list[str]) -> int:
    """How many rows an e-mail's headers take at the top of a text ("From:", "Date:", "Subject:" ... up to the
    blank line): the message's, not the meeting's (its "Date:" is when it was sent)."""
    count = 0
    for row in rows:
        if not row.strip():
            break
        if not _MAIL_HEADER.match(row) and not (count and row[:1] in " \t"):  # a folded header goes on indented
            return 0 if count < 2 else count
        count += 1
    return count if count >= 2 else 0


def text_layout(page_texts: list[str]) -> list[PageLayout]:
    """A text or markdown pack's pages (its form feeds, or runs of lines) as pages of lines, as if printed in a
    fixed-width font (`TEXT_CHAR` a character, `TEXT_LINE` a row: a line's row on its page is `text_row`),
    markdown headings larger and bold, **emphasis** bold. An e-mail's headers and quoted lines ("> ...") are
    set aside."""
    pages: list[PageLayout] = []
    for index, page_text in enumerate(page_texts):
        lines: list[Line] = []
        aside: list[Line] = []
        rows = _aligned_tables([_TAB_IN_NUMBER.sub("", row) for row in page_text.split("\n")])
        headers = _mail_headers(rows) if index == 0 else 0
        for row, raw in enumerate(rows):
            if not raw.strip() or _RULE.match(raw):
                continue
            cleaned, bold, size = _text_line(raw)
            words = tuple(
                Word(
                    cleaned[start:end],
                    start * TEXT_CHAR,
                    end * TEXT_CHAR,
                    row * TEXT_LINE,
                    row * TEXT_LINE + TEXT_SIZE,
                    size,
                    sum(bold[start:end]) * 2 > end - start,
                    leader=leader,
                )
                for start, end, leader in _runs(cleaned)
            )
            if words:
                (aside if _QUOTED.match(raw) or row < headers else lines).append(Line(index, words))
        height = (page_text.count("\n") + 1) * TEXT_LINE
        pages.append(PageLayout(index, 80 * TEXT_CHAR, height, tuple(lines), tuple(aside)))
    return pages


# ---------------------------------------------------------------------------------------------- furniture


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).strip()


def set_aside_furniture(pages: list[PageLayout]) -> list[PageLayout]:
    """PDF pages with running headers, footers and page numbers moved from `lines` to `furniture`, and the
    printed page number of each page where one was found. (Text packs have no margins: not for them.)"""
    edge_shapes: Counter[str] = Counter()
    for page in pages:
        edge_shapes.update({_shape(ln.text) for ln in page.lines if _at_edge(page, ln)})
    repeated = {s for s, n in edge_shapes.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)}
    out: list[PageLayout] = []
    for page in pages:
        keep: list[Line] = []
        aside: list[Line] = []
        printed: int | None = None
        for ln in page.lines:
            if not _at_edge(page, ln):
                keep.append(ln)
                continue
            number = _printed_number(ln)
            if number is not None or _shape(ln.text) in repeated:
                aside.append(ln)
                printed = printed if printed is not None else number
            else:
                keep.append(ln)
        out.append(PageLayout(page.index, page.width, page.height, tuple(keep), tuple(aside), printed))
    return out


def _at_edge(page: PageLayout, line: Line) -> bool:
    return line.bottom < page.height * _EDGE_SHARE or line.top > page.height * (1 - _EDGE_SHARE)


def _printed_number(line: Line) -> int | None:
    """The page number a header or footer line prints: the whole line, or its last or first cell."""
    for _, cell in (line.cells()[-1:] + line.cells()[:1]) if line.words else ():
        m = _PAGE_NUMBER.match(cell.strip())
        if m:
            return int(m[1])
    return None


def page_map(pages: list[PageLayout]) -> PageMap:
    """Printed page numbers to PDF pages, with the offset most numbered pages agree on for the others."""
    pairs = {p.printed: p.index + 1 for p in pages if p.printed is not None}
    offsets = Counter(pdf - printed for printed, pdf in pairs.items())
    offset = offsets.most_common(1)[0][0] if offsets else None
    # Keep only the pages that agree with the others' order (a stray number in a footer is not a page number).
    agreed = {printed: pdf for printed, pdf in pairs.items() if offset is None or pdf - printed == offset}
    return PageMap(agreed, offset)
