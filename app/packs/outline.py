"""The agenda read from the layout: items chosen as a whole consistent sequence, not line by line.

Every line that starts with an item label (`1`, `1.1.`, `2(a)`, `a.`, `IV.`, `84.`, `14/037:`, `TB23/045`,
`ITEM NO. (1)`, a time, a bullet under an "Agenda" heading, an unnumbered heading in larger or bold type) is a
candidate. Candidates of one kind, size and indent form a family; within a family the best chain is found
by dynamic programming (numbers that increase, by one at best; times that increase). Chains are scored as a
whole (length, consistent steps, starting at one, short titles, type at least the body's size, compactness,
a heading that says "Agenda" above), and the best one is the agenda. Indented restarts under an item, and
sub-numbers of an item ("3.2" under "3"), become its children. A title is the item's whole block: the lines
at the title's indent, in its type, until a gap, a style change or the next label.

The margin between the best chain and the next best is the reading's confidence; when it is small the items
are marked uncertain, so the review grid shows them amber and "read cleanly" is not said.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.packs.agenda import _INITIALS as _INITIALS_ONLY
from app.packs.agenda import _LABEL as _LEAD_LABEL
from app.packs.agenda import _PAGES as _PAGES_ONLY
from app.packs.agenda import _PURPOSE_CELL as _PURPOSE_ONLY
from app.packs.agenda import _ROLE_FULL as _ROLE_ONLY
from app.packs.agenda import looks_like_presenter, norm
from app.packs.layout import CELL_GAP_EM, Line, PageMap, Word, header_row
from app.packs.layout import HEADER_WORDS as _HEADER_WORDS
from app.packs.layout import LANGUAGE_WORDS as _LANGUAGE_WORDS

_BULLETS = "●•○■▪◦‣·–-*►▶❖✓"
_BULLET = re.compile(rf"^([{re.escape(_BULLETS)}])\s*")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$", re.I)
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?"

# (kind, pattern): the first group is the number as printed (without trailing punctuation).
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "item",
        re.compile(
            r"^(?:agenda\s+)?item\s*(?:no\.?|number)?\s*[:.]?\s*(\(\d{1,3}[a-z]?\)|\d{1,3}[a-z]?)[.:)]?(?=\s|$)", re.I
        ),
    ),
    ("time", re.compile(rf"^\**({_TIME})(?:\s*(?:-|–|to)\s*{_TIME})?(?=\s|$)", re.I)),
    ("yearseq", re.compile(r"^(\d{2}/\d{2,4})[:.]?(?=\s|$)")),
    (
        "code",
        # "TB23/045", "BoD/25/061", "PL/24/88", "HCP5", "13-0600": a body's own minute or item references.
        re.compile(
            r"^([A-Z][A-Za-z]{0,4}\d{0,4}(?:/\d{1,4}){1,2}|[A-Z]{2,5}\d{1,4}|[A-Z]{1,3}\d{4}-\d{3,6})[:.]?(?=\s|$)"
        ),
    ),
    # "A1", "B3": a section's letter and the item's place in it, the numbers restarting in each section.
    ("sectioned", re.compile(r"^([A-Z]\d{1,2})[.:)]?(?=\s|$)")),
    ("num", re.compile(r"^(\d{1,3}\.0)[.:)]?(?=\s|$)")),  # "4.0" heads "4.1" and "4.2": item 4
    ("dotted", re.compile(r"^(\d{1,2}(?:\.[1-9]\d?){1,3})[.:)]?(?=\s|$)")),
    # "10.Finance report": a word processor's list sets wide numbers against their titles.
    # "7(a)(i)": a third level, printed in full.
    ("num", re.compile(r"^(\d{1,3}(?:\s?\([a-z]\)(?:\([ivx]{1,4}\))?|[a-z])?)(?:[.:)]?(?=\s|$)|\.(?=[A-Z][a-z]))")),
    ("paren", re.compile(r"^(\((?:\d{1,3}|[a-z]|[ivx]{1,5})\))(?=\s|$)")),
    ("roman", re.compile(r"^([IVX]{1,5}\.|[ivx]{1,5}[.)])(?=\s|$)")),
    ("alpha", re.compile(r"^([a-zA-Z])[.)](?=\s|$)")),
)
_AGENDA_HEADING = re.compile(r"^(?:[\w'’]+\s+){0,3}agenda(?:\s+(?:items?|topics?)(?:\s+discussed)?)?\s*:?$", re.I)
_SECTION_WORDS = re.compile(
    r"^(?:attendees|attendance|present|apologies|minutes|actions?(?:\s+(?:list|items|log))?|agenda|in attendance)"
    r"\b",
    re.I,
)
_DESCRIPTION = re.compile(r"^(?:To|For)\s+[a-z]{3,}\b")
_INTRODUCES = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s*:$")  # "Recommendation:", "Recommendations to Council:"
_JOINING = re.compile(r"(?:\b(?:and|or|of|the|for|to|in|on|with|a|an)|[-,&:/])$", re.I)
_HANGING = re.compile(r"(?:\b(?:and|or|of|the|for|to|in|on|with|a|an|than|by|at|from)|[-,&/])$", re.I)  # not ":"
_ACTION_HEADING = re.compile(r"^action\s+(?:list|log|tracker|points)\b", re.I)
_TIME_CELL = re.compile(_TIME)
_DATEISH = re.compile(
    r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$"
    r"|^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}",
    re.I,
)  # a date, not "7 Bicentenary 2027: …"


@dataclass(slots=True)
class Candidate:
    index: int  # line index
    kind: str
    number: str  # as printed, for the item's number ("" for bullets and headings)
    value: tuple[int, ...]  # for ordering within a family
    label_x: float
    title: str  # the rest of the line's first cell
    title_x: float
    size: float
    bold: bool
    bullet: str = ""
    depth: int = 1  # parts of a dotted number
    time_text: str = ""  # a time printed before the title or the number
    page: int = 0
    label_size: float = 0.0  # the label's own type size (0: the line's)
    run_in: bool = False  # a bold heading that opens its paragraph ("Finance. The treasurer reported…")

    @property
    def family_size(self) -> float:
        """The size a list's labels share: the label's own (small capitals after it do not count)."""
        return self.label_size or self.size


@dataclass(slots=True)
class Chain:
    members: list[Candidate]
    score: float
    family: tuple[object, ...]


@dataclass(slots=True)
class OutlineItem:
    number: str
    title: str
    line: int  # index of the label line
    side: list[str] = field(default_factory=list)  # the label line's other cells
    # Cells of a table whose header names its columns, by what the column holds: "lead", "time", "purpose",
    # "paper", "pages" (read by the column's type, not guessed cell by cell).
    typed: dict[str, str] = field(default_factory=dict)
    time_label: str = ""
    children: list[OutlineItem] = field(default_factory=list)
    title_lines: int = 1
    description: str = ""  # the line under the title that says what the item is for ("To approve the award.")
    doubtful: bool = False  # the title and the cell after it were parted by where the columns start, not by a gap


@dataclass(slots=True)
class Outline:
    items: list[OutlineItem]
    margin: float  # (best - next best) / best chain score: 1.0 when nothing else came close
    first_line: int
    last_line: int


def _roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(text.lower(), text.lower()[1:] + " ", strict=True):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _value(kind: str, number: str) -> tuple[int, ...] | None:
    digits = [int(d) for d in re.findall(r"\d+", number)]
    if kind in ("num", "item"):
        letter = re.search(r"[a-z]", number.lower())
        third = re.search(r"\)\(([ivx]+)\)$", number)
        if third and letter and digits:
            return (digits[0], ord(letter[0]) - 96, _roman_value(third[1]))
        return (digits[0], ord(letter[0]) - 96) if letter and digits else tuple(digits[:1]) or None
    if kind == "dotted":
        return tuple(digits)
    if kind in ("yearseq", "code"):
        return tuple(digits[-1:])
    if kind == "sectioned":
        return (ord(number[0]) - 64, digits[0])
    if kind == "time":
        m = re.match(r"(\d{1,2})[:.](\d{2})\s*([ap])?", number.lower())
        if not m:
            return None
        if int(m[1]) > 23 or int(m[2]) > 59:
            return None  # "25.31": a minute number running through the year, not a time
        hour = int(m[1]) % 12 + (12 if m[3] == "p" else 0) if m[3] else int(m[1])
        return (hour * 60 + int(m[2]),)
    inner = number.strip("().")
    # "(i)" starts a roman list (letters start at "(a)"); "(ii)", "(iv)" are roman too.
    roman_paren = kind == "paren" and _ROMAN.match(inner) is not None and (len(inner) > 1 or inner.lower() == "i")
    if kind == "roman" or roman_paren:
        return (_roman_value(inner),) if _ROMAN.match(inner) else None
    if inner.isdigit():
        return (int(inner),)
    return (ord(inner.lower()) - 96,) if len(inner) == 1 else None


def _words_after(line: Line, chars: int) -> tuple[str, float]:
    """The line's first cell after its first `chars` characters, and where that text starts."""
    cells = line.cells()
    first_cell = cells[0][1]
    used = 0
    for word in line.words:
        if used >= chars:
            rest = first_cell[used:].strip()
            return rest, word.x0
        if used + len(word.text) > chars:  # the label ends inside this word ("10.Finance")
            share = (chars - used) / len(word.text)
            return first_cell[chars:].strip(), word.x0 + share * (word.x1 - word.x0)
        used += len(word.text) + 1
    return "", line.x1


def _match(body: str) -> tuple[str, re.Match[str]] | None:
    for kind, rx in _LABELS:
        found = rx.match(body)
        if found and not (kind == "time" and _value(kind, found[1]) is None):
            return kind, found
    return None


def candidates(lines: list[Line]) -> list[Candidate]:
    """Every line that starts with an item label (after a bullet, or after a time column)."""
    out: list[Candidate] = []
    for index, line in enumerate(lines):
        cells = line.cells()
        text = cells[0][1].strip()
        bullet = ""
        skip = 0
        m = _BULLET.match(text)
        if m and len(text) > m.end():
            bullet, skip = m[1], m.end()
        body = text[skip:]
        matched = _match(body)
        if matched is None:
            if bullet:
                rest, x = _words_after(line, skip)
                out.append(
                    Candidate(index, "bullet", "", (0,), line.x0, rest, x, line.size, line.bold, bullet, page=line.page)
                )
            continue
        kind, found = matched
        title, title_x = _words_after(line, skip + found.end())
        if not title and len(cells) > 1:
            title_x, title = cells[1]
        label_x, time_text = line.x0, ""
        if kind == "time" and (numbered := _match(title)) is not None and numbered[0] in ("num", "dotted", "item"):
            # A time column before the item number: the number is the label, the time a side column.
            time_text, label_x = found[0], title_x
            kind, found = numbered
            rest = title[found.end() :].strip()
            after = [w.x0 for w in line.words if w.x0 > label_x + 0.5]
            title_x, title = (after[0] if after else title_x), rest
            if not rest:  # the number is a cell of its own: the title is the next one
                later = [(x, text) for x, text in cells if x > label_x + 1]
                if later:
                    title_x, title = later[0]
        timed = _LABELS[1][1].match(title) if kind != "time" else None
        if timed is not None and not title[timed.end() :].strip():
            # A time column after the number ("HCP1  14:00  Welcome"): the title is the next cell.
            later = [(x, text) for x, text in cells if x > title_x + 1]
            if later:
                time_text = timed[0]
                title_x, title = later[0]
        number = found[1]
        value = _value(kind, number)
        if value is None or (kind == "num" and _DATEISH.match(body)):
            continue
        # The label less its punctuation: "3." -> "3", a sub-item's "(a)" -> "a"; "2(a)" and "ITEM NO. (1)"'s
        # "(1)" keep their brackets.
        if kind == "time":
            label = ""
        elif kind == "paren":
            label = number.strip("()")
        else:
            label = number if "(" in number else number.rstrip(".:)")
        depth = number.count(".") + 1 if kind == "dotted" else 3 if kind == "num" and number.count("(") == 2 else 1
        # The label's own type size: a list is one kind of label in one type, whatever its titles are set in
        # (small capitals with figures in full size).
        label_word = next((w for w in line.words if w.x0 >= label_x - 0.5), line.words[0])
        cand = Candidate(index, kind, label, value, label_x, title, title_x, line.size, line.bold, bullet, depth)
        if (heading := _run_in_title(line, title_x)) is not None:
            cand.title, cand.run_in = heading, True
        cand.label_size = label_word.size
        cand.time_text = time_text or (text if kind == "time" else "")
        cand.page = line.page
        timed_alone = out[-1] if out and out[-1].index == index - 1 and out[-1].kind == "time" else None
        if timed_alone is not None and not timed_alone.title and kind != "time" and not cand.time_text:
            # A time on a line of its own just above a numbered line (a table read cell by cell): its time.
            cand.time_text = out.pop().time_text
        out.append(cand)
    return out


def _run_in_title(line: Line, title_x: float) -> str | None:
    """The bold heading a numbered paragraph opens with, run into its text in the body's type ("25.31
    Apologies. Apologies were received…"), or None: the heading is the item's title, the text its business."""
    words = [w for w in line.words if w.x0 >= title_x - 0.5]
    bold = list(itertools.takewhile(lambda w: w.bold, words))
    rest = words[len(bold) :]
    head = " ".join(w.text for w in bold)
    if not bold or not rest or len(bold) > 14 or not head.endswith((".", ":")) or not head[0].isupper():
        return None
    if any(w.bold for w in rest) or sum(c.isalpha() for w in rest for c in w.text) < 4:
        return None
    return head.rstrip(".:").strip()


def _body_size(lines: list[Line]) -> float:
    sizes: defaultdict[float, int] = defaultdict(int)
    for line in lines:
        sizes[round(line.size)] += len(line.text)
    return max(sizes, key=lambda s: sizes[s]) if sizes else 0.0


def _headings(lines: list[Line], body: float, taken: set[int]) -> list[Candidate]:
    """Unnumbered headings: blocks in bold or larger type than the body, at the left, not ending in ":"."""
    out: list[Candidate] = []
    previous: Line | None = None
    for index, line in enumerate(lines):
        text = line.text.strip()
        heading = (line.size >= body * 1.15 or (line.bold and line.size >= body * 0.95)) and index not in taken
        continues = (
            previous is not None
            and previous.page == line.page
            and abs(previous.size - line.size) < 0.5
            and previous.bold == line.bold
            and abs(previous.x0 - line.x0) < line.size
            and line.top - previous.bottom < line.size * 0.8
        )
        column_heads = all(w.text.lower().strip(":.()") in _HEADER_WORDS for w in line.words)
        if (
            heading
            and not continues
            and not column_heads
            and not text.endswith(":")
            and len(text) > 2
            and len(text.split()) <= 14
        ):
            out.append(
                Candidate(index, "heading", "", (0,), line.x0, text, line.x0, line.size, line.bold, page=line.page)
            )
        previous = line
    return out


# Words that open a paragraph in bold as a label of the record, not as the heading of its business.
_RECORD_LABELS = re.compile(
    r"^(?:present|apologies|absent|(?:also\s+)?in\s+attendance|attendees|also\s+present|resolved|agreed|actions?|"
    r"decisions?|decided|noted?|date|time|venue|place|location|chair(?:ed\s+by)?|signed|proposed|seconded|carried|"
    r"votes?|for|against|abstentions?|minute\s+taker|clerk|secretary)\b",
    re.I,
)


def _run_in_headings(lines: list[Line], taken: set[int]) -> list[Candidate]:
    """Headings run into their paragraph: a line opening a paragraph with a few bold words ended by a full stop
    or a colon, the paragraph going on in the body's type ("Finance. The treasurer reported…"), as minutes
    written in prose set out their business."""
    out: list[Candidate] = []
    for index, line in enumerate(lines):
        if index in taken or not line.words[0].bold:
            continue
        bold = list(itertools.takewhile(lambda w: w.bold, line.words))
        rest = line.words[len(bold) :]
        head = " ".join(w.text for w in bold)
        if not rest or len(bold) > 8 or not head.endswith((".", ":")) or not head[0].isupper():
            continue
        if any(w.bold for w in rest) or _RECORD_LABELS.match(head) or sum(len(w.text) for w in rest) < 8:
            continue
        previous = lines[index - 1] if index else None
        opens = (
            previous is None
            or previous.page != line.page
            or previous.text.rstrip().endswith((".", ")", "!", "?", ":"))
            or line.top - previous.bottom > 0.5 * line.size
        )
        if not opens:
            continue
        title = head.rstrip(".:").strip()
        cand = Candidate(index, "heading", "", (0,), line.x0, title, line.x0, line.size, True, page=line.page)
        cand.run_in = True
        out.append(cand)
    return out


def _family_key(c: Candidate) -> tuple[object, ...]:
    return (c.kind, c.depth, c.bullet)


def _cluster(members: list[Candidate], key: str, within: float) -> list[list[Candidate]]:
    """Members grouped where `key` values lie within `within` times the font size of the group's first."""
    clusters: list[list[Candidate]] = []
    for c in sorted(members, key=lambda c: float(getattr(c, key))):
        first = clusters[-1][0] if clusters else None
        if first is not None and float(getattr(c, key)) - float(getattr(first, key)) <= within * max(first.size, 6.0):
            clusters[-1].append(c)
        else:
            clusters.append([c])
    return clusters


def _families(cands: list[Candidate]) -> list[list[Candidate]]:
    """Candidates of one kind, at one indent (within a font size), of one type size (within 12%) and with their
    titles at one indent: "1. Public speaking…" set close to its number is another list than "1.   Apologies"
    set at a tab stop."""
    by_key: defaultdict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in cands:
        by_key[_family_key(c)].append(c)
    out: list[list[Candidate]] = []
    for members in by_key.values():
        for at_x in _aligned(_cluster(members, "label_x", 1.0)):
            for sized in _cluster(at_x, "family_size", 0.12):
                out += [sorted(cl, key=lambda c: c.index) for cl in _title_indents(sized)]
    return out


def _title_indents(members: list[Candidate]) -> list[list[Candidate]]:
    """Members parted where their titles start at indents two font sizes apart or more, each part of two or
    more (a lone odd indent is a label whose title is a cell further on, kept with the others)."""
    parts = _cluster([c for c in members if c.title], "title_x", 2.0)
    big = [part for part in parts if len(part) >= 2]
    if len(big) < 2:
        return [members]
    rest = [c for c in members if not any(c in part for part in big)]
    big[0] += rest
    return big


def _aligned(clusters: list[list[Candidate]]) -> list[list[Candidate]]:
    """Clusters whose titles start at one x are one list: labels set flush right ("I." to "VIII." ending where
    the titles begin) start at different x."""
    out: list[list[Candidate]] = []
    for cluster in sorted(clusters, key=lambda cl: statistics.median(c.title_x for c in cl)):
        x = statistics.median(c.title_x for c in cluster)
        if out:
            last = statistics.median(c.title_x for c in out[-1])
            if abs(x - last) <= 0.5 * max(cluster[0].size, 6.0):
                out[-1] = out[-1] + cluster
                continue
        out.append(cluster)
    return out


def _runs(family: list[Candidate], lines: list[Line]) -> list[list[Candidate]]:
    """A bulleted family cut into its lists (each list is read on its own)."""
    runs: list[list[Candidate]] = []
    for c in family:
        if runs and _step(runs[-1][-1], c, lines) is not None:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _step(a: Candidate, b: Candidate, lines: list[Line] | None = None) -> float | None:
    """How well `b` follows `a` in one sequence (None: it cannot)."""
    if b.page - a.page > 1:
        return None  # a whole page without an item: the list has ended (the papers after an agenda)
    if a.kind == "bullet":
        # A bulleted list ends at the first line further left than its bullets, or in larger or bold type than
        # its own (a heading, the next section).
        outer = lines is not None and any(_outer(lines[i], a) for i in range(a.index + 1, b.index))
        return None if outer else 1.0
    if a.kind == "heading":
        return 1.0
    if a.kind == "time":
        # Times only increase; a 12-hour clock without am/pm goes round once ("11:30 - 2:00").
        return 1.0 if b.value > a.value or b.value[0] + 720 > a.value[0] else None
    if b.value <= a.value:
        return None
    if a.kind == "dotted":
        same_parent = a.value[:-1] == b.value[:-1]
        if same_parent:
            return 1.0 if b.value[-1] == a.value[-1] + 1 else 0.4
        return 0.9 if b.value[-1] == 1 else 0.3
    if len(a.value) == 2 and len(b.value) == 2 and a.value[0] == b.value[0]:
        return 1.0 if b.value[1] == a.value[1] + 1 else 0.4
    if a.kind == "sectioned":  # the next section's first item ("A4" then "B1")
        return 1.0 if b.value == (a.value[0] + 1, 1) else 0.3 if b.value[0] - a.value[0] <= 2 else None
    gap = b.value[0] - a.value[0]
    if gap > _MAX_JUMP:
        return None  # "8" then "38": the next list (the previous meeting's minute numbers), not this one
    return 1.0 if gap == 1 else 0.6 if gap == 0 else 0.5 if gap <= 3 else 0.1


def _outer(line: Line, bullet: Candidate) -> bool:
    return line.x0 < bullet.label_x - 1 or line.size > bullet.size + 0.1 or (line.bold and not bullet.bold)


def _best_chain(
    family: list[Candidate], lines: list[Line], agenda_lines: Sequence[int] = ()
) -> tuple[list[Candidate], float]:
    """The highest-scoring increasing chain in a family (document order), by dynamic programming. An "Agenda"
    heading between two labels parts them: the list above it is another (a note on public speaking)."""
    n = len(family)
    best = [1.0] * n
    back = [-1] * n
    for i in range(n):
        for j in range(max(0, i - 60), i):
            if any(family[j].index < h < family[i].index for h in agenda_lines):
                continue
            step = _step(family[j], family[i], lines)
            if step is not None and best[j] + step > best[i]:
                best[i], back[i] = best[j] + step, j
    end = max(range(n), key=lambda i: best[i])
    total = best[end]
    chain = []
    while end >= 0:
        chain.append(family[end])
        end = back[end]
    chain.reverse()
    return chain, total


def _score(
    chain: list[Candidate],
    raw: float,
    lines: list[Line],
    body: float,
    agenda_lines: list[int],
    numbered: list[Candidate],
) -> float:
    first = chain[0]
    score = raw
    heading = next((i for i in reversed(agenda_lines) if i < first.index), None)
    if first.kind not in ("bullet", "heading", "time") and first.value[-1] == 1:
        score += 1.0
    if first.kind == "item":
        score += 1.5
    words = statistics.mean(len(c.title.split()) for c in chain)
    if words > 9:
        score -= (words - 9) * 0.3 * len(chain) / 4
    # Side columns (pages, times, leads) on the label lines: an agenda is a table; a report's sections are not.
    # (Short cells: a paragraph beside a minute's heading is its text, not a column.)
    with_side = sum(
        1
        for c in chain
        if len(lines[c.index].cells()) > (2 if c.time_text else 1) and _words_beside(c, lines[c.index]) <= 12
    )
    score += 0.6 * with_side
    if first.size >= body - 0.5:
        score += 0.5
    if first.size > body + 1:
        score += 0.5
    pages = {lines[c.index].page for c in chain}
    if len(chain) >= 2 and len(pages) >= len(chain) * 0.7:  # one per page: slides, sections or cover sheets
        score *= 0.4
    score -= 0.15 * min(pages)
    # Minutes, reports and notes put paragraphs between their numbered headings; an agenda lists its items one
    # after another (a line or two of description at most).
    between = _text_between(chain, lines)
    score /= 1.0 + 0.01 * max(0.0, between - 30.0)
    if heading is not None and first.index - heading <= (2 if first.kind == "bullet" else 8):
        score = 1.5 * score + 2.0  # what the pack says is its agenda
    elif first.kind == "bullet":
        score *= 0.1  # bullets are an agenda only under an "Agenda" heading
    above = [ln for ln in lines[max(0, first.index - 3) : first.index]]
    if any(_ACTION_HEADING.match(ln.text) for ln in above):
        score *= 0.3
    under_heading = heading is not None and first.index - heading <= 2
    if len(chain) == 1 and first.kind not in ("item", "code", "yearseq", "sectioned") and not under_heading:
        score *= 0.0 if first.kind == "heading" else 0.4  # one line is a list only with an explicit label
    if first.kind == "dotted":
        parents = {c.value[0] for c in numbered}
        if sum(1 for c in chain if c.value[0] in parents) * 2 >= len(chain):
            score *= 0.2  # sub-numbers of a numbered list: its children
    if first.kind == "heading":
        score *= 0.6
        if sum(1 for c in chain if _SECTION_WORDS.match(c.title)) * 2 >= len(chain):
            score *= 0.2
    if first.kind not in ("bullet", "heading") and all(
        _AGENDA_HEADING.match(c.title) for c in chain
    ):  # "1. Agenda Topics Discussed": the agenda's heading, not an item
        score = 0.0
    return score


def _text_between(chain: list[Candidate], lines: list[Line]) -> float:
    """The mean number of words between one member of a list and the next, on lines without a label."""
    if len(chain) < 2:
        return 0.0
    labelled = _LABELLED_LINES.get(id(lines), set())
    gaps = [
        _words_beside(a, lines[a.index])
        + sum(len(lines[i].words) for i in range(a.index + 1, b.index) if i not in labelled)
        for a, b in itertools.pairwise(chain)
    ]
    return sum(gaps) / len(gaps)


def _words_beside(c: Candidate, line: Line) -> int:
    """How many words the label's line holds besides its label and title (its other cells)."""
    return max(0, len(line.words) - len(c.title.split()) - 1 - len(c.time_text.split()))


_LABELLED_LINES: dict[int, set[int]] = {}  # the lines that start with a label, per `lines` being read


def read_outline(lines: list[Line], pmap: PageMap | None = None) -> Outline | None:
    """The agenda's items in `lines` (furniture set aside), or None when nothing reads as one. `pmap` turns the
    printed pages an agenda gives its papers ("(Pages 33 - 38)") into PDF pages: lists on those pages are the
    papers' own numbered sections, not the agenda."""
    if not lines:
        return None
    body = _body_size(lines)
    cands = candidates(lines)
    taken = {c.index for c in cands}
    _LABELLED_LINES.clear()
    _LABELLED_LINES[id(lines)] = taken
    agenda_lines = [i for i, ln in enumerate(lines) if _AGENDA_HEADING.match(ln.text.strip())]
    families = _families(cands)
    numbered = [c for c in cands if c.kind in ("num", "item")]
    heads = _headings(lines, body, taken)
    heads = sorted(heads + _run_in_headings(lines, taken | {c.index for c in heads}), key=lambda c: c.index)
    if heads:
        families += _families(heads)
    chains: list[Chain] = []
    found: list[tuple[list[Candidate], float]] = []
    for family in families:
        if family[0].kind == "bullet":
            found += [(run, float(len(run))) for run in _runs(family, lines)]
        else:  # the best chain, and the next ones in what it leaves (another list in the same type is a rival)
            left = family
            for _ in range(6):
                picked, raw = _best_chain(left, lines, agenda_lines)
                found.append((picked, raw))
                left = [c for c in left if c not in picked]
                if not left:
                    break
    for members, raw in found:
        score = _score(members, raw, lines, body, agenda_lines, numbered)
        chains.append(Chain(members, score, _family_key(members[0])))
    _merge_headings(chains)
    for chain in chains:  # a list inside another list's items is their content (under headings it is not)
        outers = [o for o in chains if o is not chain and len(o.members) >= 2 and o.members[0].kind != "heading"]
        if any(_nested(chain, outer, lines) for outer in outers):
            chain.score *= 0.3
    _papers_content(chains, lines, pmap or PageMap())
    for chain in chains:  # a chain is worth its children too (sections are not items: theirs do not count)
        if chain.members[0].kind == "heading":
            continue
        children = [
            _children(lines, c, _stop(lines, chain.members, i), cands, set()) for i, c in enumerate(chain.members)
        ]
        # Sub-items support a list; they cannot carry a short one (a paper's "1 Background" with its 1.1-1.5).
        count = sum(len(found_children) for found_children in children)
        chain.score += 0.8 * min(count, 2 * len(chain.members))
    chains.sort(key=lambda ch: ch.score, reverse=True)
    if not chains or chains[0].score <= 1.0:
        return None
    top = chains[0]
    continued = _continuations(top, chains[1:])
    continued += _other_meetings(top, [ch for ch in chains[1:] if ch not in continued], lines, agenda_lines)
    chains = [ch for ch in chains if ch not in continued]
    rivals = [ch.score for ch in chains[1:] if not _nested(ch, top, lines)]
    margin = 1.0 if not rivals else max(0.0, (top.score - rivals[0]) / top.score)
    members = _with_opening(_with_unnumbered_siblings(top.members, cands), lines, agenda_lines)
    members = _unnumbered_rows(members, lines, taken)
    members_at = {c.index for c in members}
    items: list[OutlineItem] = []
    largest = max(c.size for c in members)
    stops = _column_stops([lines[c.index] for c in members])
    if stops:
        stops = _header_stops(lines, members, stops)
    roles = _header_roles(lines, members[0].index, stops) if stops else {}
    for pos, cand in enumerate(members):
        stop = _stop(lines, members, pos)
        item = _item(lines, cand, stop, cands, members_at, stops, roles)
        if cand.kind == "heading" and cand.size < largest - 0.5 and items:
            items[-1].children.append(item)  # a smaller heading: a sub-section of the one above
            continue
        item.children = _children(lines, cand, stop, cands, members_at, stops, roles, judged=False)
        items.append(item)
    # The minutes' numbered paragraphs are judged together (one short "There was no other business." too).
    if _prose([c for i in items for c in i.children]) or _numbered_text(lines, [(i.line, i.children) for i in items]):
        for item in items:
            item.children = []
    else:
        for item in items:
            item.children = [] if _prose(item.children) else item.children
    last = max(i.line for i in _flatten(items))
    return Outline(items, margin, members[0].index, last)


def _flatten(items: list[OutlineItem]) -> list[OutlineItem]:
    out: list[OutlineItem] = []
    for item in items:
        out.append(item)
        out += _flatten(item.children)
    return out


_PAGE_REF = re.compile(r"^\(?\s*(?:pages?|pp?\.?)\s*(\d{1,4})(?:\s*(?:[-–—]|to)\s*(\d{1,4}))?\s*\)?$", re.I)
_STAMP = re.compile(r"^agenda\s+item\s+(\S{1,8})$", re.I)


def _papers_content(chains: list[Chain], lines: list[Line], pmap: PageMap) -> None:
    """A list whose items lie on the pages another list gives its items' papers is those papers' content (a
    report's "1. Summary, 2. Assessment"): it scores a fifth. An item's papers are the printed pages its row
    names ("(Pages 33 - 38)"), and the pages from an "Agenda Item 4" stamp to the next."""
    stamps = sorted((ln.page, m[1].rstrip(".:")) for ln in lines if (m := _STAMP.match(ln.text.strip())))
    last_page = lines[-1].page if lines else 0
    claims: list[tuple[Chain, set[int]]] = []
    for chain in chains:
        claimed: set[int] = set()
        for c in chain.members:
            for _, cell in lines[c.index].cells()[1:]:
                if (m := _PAGE_REF.match(cell.strip())) is not None:
                    first, last = int(m[1]), int(m[2] or m[1])
                    if 0 <= last - first < 500:
                        claimed |= set(range(pmap.pdf_page(first) - 1, pmap.pdf_page(last)))
        numbers = {c.number for c in chain.members if c.number}
        for at, (page, number) in enumerate(stamps):
            if number in numbers and page > chain.members[-1].page:
                ends = [p for p, _ in stamps[at + 1 :] if p > page]
                claimed |= set(range(page, ends[0] if ends else last_page + 1))
        if claimed and len(chain.members) >= 2:
            claims.append((chain, claimed))
    for chain in chains:
        for owner, claimed in claims:
            inside = sum(1 for c in chain.members if c.page in claimed and c.index > owner.members[-1].index)
            if owner is not chain and inside * 3 >= len(chain.members) * 2:
                chain.score *= 0.2
                break


def _continuations(top: Chain, others: list[Chain]) -> list[Chain]:
    """Chains that carry `top`'s numbering on where it stops (the next column, or another indent on the next
    page): added to it, and returned so they are not taken for rival readings."""
    taken: list[Chain] = []
    extended = True
    while extended:
        extended = False
        last = top.members[-1]
        for other in others:
            first = other.members[0]
            same_kind = _family_key(first) == _family_key(last) and abs(first.size - last.size) < 0.6
            numbered = last.kind not in ("bullet", "heading")
            if other in taken or not same_kind or not numbered or first.index <= last.index:
                continue
            if _step(last, first) == 1.0 and first.value[-1] == last.value[-1] + 1:
                top.members = top.members + other.members
                taken.append(other)
                extended = True
                break
    return taken


def _other_meetings(top: Chain, others: list[Chain], lines: list[Line], agenda_lines: list[int]) -> list[Chain]:
    """A notice of several meetings: lists of the same kind of label, each straight under an "Agenda" heading of
    its own, are the meetings' agendas in turn. Added to `top` in order, and returned."""

    def heading(chain: Chain) -> int | None:
        first = chain.members[0].index
        above = next((i for i in reversed(agenda_lines) if i < first), None)
        if above is None or first - above > 3 or not lines[above].text[:1].isupper():
            return None  # ("on agenda" in a status cell is no heading)
        return above

    own = heading(top)
    if own is None or top.members[0].kind in ("bullet", "heading"):
        return []
    taken: list[Chain] = []
    for other in others:
        at = heading(other)
        if at is None or at == own or len(other.members) < 2 or _family_key(other.members[0]) != top.family:
            continue
        if any(at == heading(t) for t in taken):
            continue
        span = (top.members[0].index, top.members[-1].index)
        if all(span[0] <= c.index <= span[1] for c in other.members) or any(
            span[0] < c.index < span[1] for c in other.members
        ):
            continue  # within the agenda's own span: not another meeting's
        top.members = sorted(top.members + other.members, key=lambda c: c.index)
        taken.append(other)
    return taken


def _merge_headings(chains: list[Chain]) -> None:
    """Unnumbered headings at one indent in two or three sizes are one outline: sections and sub-sections."""
    heads = [ch for ch in chains if ch.members[0].kind == "heading" and ch.score > 0]
    for ch in sorted(heads, key=lambda ch: -ch.members[0].size):
        if ch not in chains:
            continue
        for other in heads:
            same_x = abs(other.members[0].label_x - ch.members[0].label_x) < 2
            if other is not ch and other in chains and same_x and other.members[0].size < ch.members[0].size:
                after_first = other.members[0].index > ch.members[0].index
                if after_first:
                    ch.members = sorted(ch.members + other.members, key=lambda c: c.index)
                    ch.score += other.score
                    chains.remove(other)


def _nested(other: Chain, top: Chain, lines: list[Line]) -> bool:
    """Whether `other` lies inside `top`'s items, indented: their content, not a rival reading."""
    first, last = top.members[0].index, _block_end(lines, top.members[-1], top.members[0])
    inside = all(first < c.index < last for c in other.members)
    return inside and other.members[0].label_x > top.members[0].label_x + 2


def _block_end(lines: list[Line], last: Candidate, first: Candidate) -> int:
    """Where a list's last item ends, at most 40 lines on: at a heading at or left of the list's labels (a line
    in larger or bold type than the list's own)."""
    for index in range(last.index + 1, min(len(lines), last.index + 40)):
        line = lines[index]
        heading = line.size > first.size + 0.05 or (line.bold and not first.bold)
        if line.x0 <= first.label_x + 1 and heading:
            return index
    return last.index + 40


def _with_unnumbered_siblings(members: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """Bullets of the same glyph and indent as a numbered list, next to it: items printed without a number."""
    first = members[0]
    if not first.bullet or first.kind == "bullet":
        return members
    bullets = {c.index: c for c in cands if c.kind == "bullet" and c.bullet == first.bullet}
    out = list(members)
    near = [c for c in bullets.values() if abs(c.label_x - first.label_x) < 2 and abs(c.size - first.size) < 0.5]
    for c in near:
        before = c.index < first.index and first.index - c.index <= 3
        inside = members[0].index < c.index < members[-1].index
        if before or inside:
            out.append(c)
    return sorted(out, key=lambda c: c.index)


def _with_opening(members: list[Candidate], lines: list[Line], agenda_lines: list[int]) -> list[Candidate]:
    """An unnumbered opening item between the "Agenda" heading and item 1 ("Opening remarks – the Chair"): one
    short line in the items' type, not a heading, a label or an introduction ending in a colon."""
    first = members[0]
    heading = next((i for i in reversed(agenda_lines) if i < first.index), None)
    if first.kind in ("bullet", "heading") or heading is None or first.index - heading != 2:
        return members
    line = lines[heading + 1]
    text = line.text.strip()
    plain = (
        line.page == lines[first.index].page
        and abs(line.size - first.size) < 0.6
        and line.bold == first.bold
        and 1 < len(text.split()) <= 12
        and ":" not in text  # "Chair: Cllr A Name", "Time: 7pm" are labels, not items
        and not text.endswith(".")
        and not re.search(r"\d{1,2}[:.]\d{2}|\b\d{4}\b", text)  # a date or a time line
        and not text.isupper()
        and not _SECTION_WORDS.match(text)
        and not header_row(line)
        and abs(line.x0 - first.label_x) < 3 * first.size
    )
    if not plain:
        return members
    opening = Candidate(heading + 1, "unnumbered", "", (0,), line.x0, text, line.x0, line.size, line.bold)
    opening.page = line.page
    return [opening, *members]


def _unnumbered_rows(members: list[Candidate], lines: list[Line], labelled: set[int]) -> list[Candidate]:
    """Rows of a numbered table printed without a number, just before its first item or just after its last
    ("Devotions … | Deacon A" before item 1, "Closing prayer | Minister" after the last): a line set like the
    items' rows, its title at their titles' indent and a cell ending at their right-hand edge."""
    first, last = members[0], members[-1]
    if first.kind in ("bullet", "heading", "unnumbered") or len(members) < 3:
        return members
    rows = [lines[c.index] for c in members]
    sided = [ln for ln in rows if len(ln.cells()) >= 2]
    if len(sided) * 2 < len(rows):
        return members
    right = statistics.median(ln.x1 for ln in sided)

    def row(index: int) -> Candidate | None:
        if not 0 <= index < len(lines) or index in labelled:
            return None
        line = lines[index]
        cells = line.cells()
        like = (
            line.page == lines[first.index if index < first.index else last.index].page
            and len(cells) >= 2
            and abs(line.x1 - right) <= 0.6 * line.size
            and abs(line.x0 - first.title_x) <= 2
            and abs(line.size - first.size) < 0.6
            and not header_row(line)
            and not line.text.rstrip().endswith(":")
        )
        if not like:
            return None
        cand = Candidate(index, "unnumbered", "", (0,), line.x0, cells[0][1], line.x0, line.size, line.bold)
        cand.page = line.page
        return cand

    out = list(members)
    if (before := row(first.index - 1)) is not None:
        out.insert(0, before)
    # After the last item's title (its wrapped lines at the title indent, with no cell of their own).
    index = last.index + 1
    while index < len(lines) and index - last.index <= 4 and len(lines[index].cells()) == 1:
        if abs(lines[index].x0 - last.title_x) > 2:
            break
        index += 1
    if (after := row(index)) is not None:
        out.append(after)
    return out


def _stop(lines: list[Line], members: list[Candidate], pos: int) -> int:
    return members[pos + 1].index if pos + 1 < len(members) else _span_end(lines, members[pos], members[0])


def _span_end(lines: list[Line], last: Candidate, first: Candidate) -> int:
    """Where the last item's block ends: a line in the list's type or larger at or left of its label."""
    for index in range(last.index + 1, min(len(lines), last.index + 40)):
        line = lines[index]
        if line.page != lines[last.index].page and index - last.index > 12:
            return index
        if line.x0 <= first.label_x + 1 and line.size > first.size + 0.5:
            return index
    return min(len(lines), last.index + 40)


# What a table column holds, by the words of its header ("Lead", "Presented by", "Action required", "Pages").
_ROLE_WORDS = (
    ("lead", re.compile(r"\b(?:lead|leads|presenter|presenters|presented|by|owner|officer|who|sponsor|responsible)\b")),
    ("time", re.compile(r"\b(?:time|timing|timings|start|duration|mins|minutes)\b")),
    ("pages", re.compile(r"\bpages?\b")),
    ("paper", re.compile(r"\b(?:paper|papers|enc|encl|enclosure|attachment|ref|reference|format|report)\b")),
    ("purpose", re.compile(r"\b(?:purpose|action|required)\b")),
)


def _header_roles(lines: list[Line], first: int, stops: list[float]) -> dict[int, str]:
    """The table's columns (index into `stops`) that its header row names, each by what it holds; {} when no
    header row stands within a few lines above the first item."""
    for index in range(first - 1, max(-1, first - 5), -1):
        line = lines[index]
        if line.page != lines[first].page or not header_row(line):
            continue
        roles: dict[int, str] = {}
        languages = 0
        for x, cell in line.cells():
            words = cell.lower()
            if words.strip(":.()/ ") in _LANGUAGE_WORDS:
                # A bilingual table: the first language's cell is the title, the others its translation.
                languages += 1
                if languages > 1 and _column(stops, x) not in roles:
                    roles[_column(stops, x)] = "translation"
                continue
            role = next((name for name, rx in _ROLE_WORDS if rx.search(words)), None)
            column = _column(stops, x)
            if role is not None and column not in roles and role not in roles.values():
                roles[column] = role
        return roles
    return {}


def _header_stops(lines: list[Line], members: list[Candidate], stops: list[float]) -> list[float]:
    """The table's column stops with those its header row names that the items' own rows leave empty but other
    rows of the table use (a reference column only the sub-items fill)."""
    first, last = members[0].index, members[-1].index
    header = next(
        (
            lines[i]
            for i in range(first - 1, max(-1, first - 5), -1)
            if lines[i].page == lines[first].page and header_row(lines[i])
        ),
        None,
    )
    if header is None:
        return stops
    rows = [ln for ln in lines[first : last + 1]]
    out = list(stops)
    for x, _ in header.cells():
        if any(abs(x - stop) <= 4.0 for stop in out) or not stops[0] < x < stops[-1]:
            continue
        used = sum(1 for row in rows if any(abs(cx - x) <= 4.0 for cx, _ in row.cells()))
        if used >= 2:
            out.append(x)
    return sorted(out)


def _column_stops(rows: list[Line]) -> list[float]:
    """Where a table's columns start: cell starts that recur in the item rows (two in five at least), when
    there are three or more of them; [] for a list that is not a table."""
    starts = sorted(x for row in rows for x, _ in row.cells())
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][0] <= 4.0:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    need = max(2, 0.4 * len(rows))
    stops = [min(cl) for cl in clusters if len(cl) >= need]
    return stops if len(stops) >= 3 else []


def _column(stops: list[float], x: float) -> int:
    return max((i for i, stop in enumerate(stops) if stop <= x + 2), default=0)


def _table_item(
    lines: list[Line],
    cand: Candidate,
    stop: int,
    labels: set[int],
    stops: list[float],
    roles: dict[int, str] | None = None,
) -> OutlineItem:
    """An item row of a table with a header: each word read in the column it stands under.

    Each cell is judged on its own words: the title runs on while its own words keep the title's type (the row's
    other cells may wrap in another style, a role in italics under a name); a lead cell that prints a name over a
    role in italic or smaller type gives the name."""
    title_column = _column(stops, cand.title_x)
    label_column = _column(stops, cand.label_x)
    title_x = cand.title_x
    reference = re.fullmatch(r"[A-Z0-9][A-Z0-9/.-]{2,20}", cand.title.strip()) and re.search(r"\d", cand.title)
    while reference and roles and roles.get(title_column) in ("paper", "pages") and title_column + 1 < len(stops):
        title_column += 1  # the cell after the label is a reference the header names: the title is further on
        title_x = stops[title_column]
    cells: defaultdict[float, list[Word]] = defaultdict(list)
    line = lines[cand.index]
    # Each cell in the column it starts under; a second cell in the title's column or in the last (whose right
    # edges are not known: a text pack's cells set two spaces apart, a column no other row has) is a cell of its
    # own.
    taken: set[float] = set()
    open_ended = {title_column, len(stops) - 1}
    for piece in _cell_words(line):
        key: float | None = None
        for w in piece:
            column: float = _column(stops, w.x0)
            # Columns between the number and the title hold the time, which the label already gave.
            if not (column > title_column or (column == title_column and w.x0 >= title_x - 1)):
                continue
            if key is None or int(key) != column:  # the cell's first word in this column
                key = column
                while key in taken and column in open_ended:
                    key += 0.25
                taken.add(key)
            cells[key].append(w)
    # The title and the next cell in one run of words, parted only by where the next column starts: which words
    # are whose is a guess ("… 1 April 2025 Committee | Chair").
    after_title = min((k for k in cells if k > title_column and cells[k]), default=None)
    doubtful = after_title is not None and any(
        a in cells[title_column] and b is cells[after_title][0] and b.x0 - a.x1 < CELL_GAP_EM * max(a.size, b.size)
        for a, b in itertools.pairwise(line.words)
    )
    first_title = cells[title_column]
    title_bold = sum(len(w.text) for w in first_title if w.bold) * 2 > sum(len(w.text) for w in first_title)
    title_size = first_title[0].size if first_title else line.size
    title_done = False
    previous, count, last_pitch = line, 1, 0.0
    lead_under_title = ""
    description = ""
    turned = False  # the row went on over a page break, under the table's header repeated there
    for index in range(cand.index + 1, stop):
        nxt = lines[index]
        if nxt.page != previous.page:
            if turned or nxt.page != previous.page + 1 or not header_row(nxt):
                break
            turned = True
            previous = nxt
            continue
        gap = nxt.top - previous.bottom
        if index in labels or gap > 0.9 * line.size or nxt.top < previous.top - 1:
            break  # the next row, a gap, or a jump back up the page (the next column of a page in two)
        if _lead_labelled(nxt.text) and nxt.x0 >= line.x0 - 1:
            # "ICB EXECUTIVE: Chief Finance Officer" under the row, across the table: its lead.
            lead_under_title = f"{lead_under_title}; {nxt.text}" if lead_under_title else nxt.text
            title_done = True
            previous, count = nxt, count + 1
            continue
        # Something in the number column (or left of this label): a new row or a section heading.
        if any(
            w.x0 < cand.label_x - 1 or (_column(stops, w.x0) < title_column and _column(stops, w.x0) <= label_column)
            for w in nxt.words
        ):
            break
        in_title = [w for w in nxt.words if _column(stops, w.x0) == title_column]
        if in_title and not title_done:
            bold = sum(len(w.text) for w in in_title if w.bold) * 2 > sum(len(w.text) for w in in_title)
            text = " ".join(w.text for w in in_title)
            # A table's rows set a title's lines a little unevenly (the other cells wrap too): only a gap of
            # nearly two lines parts the title from a description under it.
            pitch = nxt.top - previous.top
            wide = pitch > max(1.8 * line.size, 1.5 * last_pitch)
            so_far = " ".join(w.text for w in cells[title_column])
            joined = _JOINING.search(so_far)
            paragraph = _phrase(so_far) and _sentences(lines, index, stop, labels)
            if bold != title_bold or abs(in_title[0].size - title_size) > 0.6:
                title_done = True
                if not lead_under_title and looks_like_presenter(text) is not False and len(text.split()) <= 10:
                    lead_under_title = text  # "Dr A Name, Medical Director" under a bold title
            elif (wide or _DESCRIPTION.match(text) or paragraph) and not joined:
                title_done = True  # the item's description, not more of its title
                description = description or text
            else:
                cells[title_column] += in_title
                last_pitch = pitch
        for w in nxt.words:
            column = _column(stops, w.x0)
            if column > title_column:
                cells[column].append(w)
        previous, count = nxt, count + 1
    side = [_cell_text(cells[c]) for c in sorted(cells) if c != title_column and cells[c]]
    typed = {role: _cell_text(cells[c]) for c, role in (roles or {}).items() if cells.get(c) and c != title_column}
    if lead_under_title:
        side.insert(0, lead_under_title)
        typed.setdefault("lead", lead_under_title)
    if typed and "time" not in typed:  # a column no header names, holding only a time: the time
        typed_cells = set(typed.values())
        times = [cell for cell in side if cell not in typed_cells and _TIME_CELL.fullmatch(cell.strip())]
        if len(times) == 1:
            typed["time"] = times[0]
    title = _join([w.text for w in cells[title_column]])
    return OutlineItem(
        cand.number,
        title,
        cand.index,
        side,
        typed=typed,
        time_label=cand.time_text,
        title_lines=count,
        description=description,
        doubtful=doubtful,
    )


def _cell_text(words: list[Word]) -> str:
    """A side cell's text; a name over its role in italic or smaller type gives the name alone."""
    head = words[0]

    def same_style(w: Word) -> bool:
        return w.italic == head.italic and abs(w.size - head.size) <= 0.6

    main = [w for w in words if same_style(w)]
    if not head.italic and len(main) < len(words):
        return _join([w.text for w in main])
    return _join([w.text for w in words])


def _item(
    lines: list[Line],
    cand: Candidate,
    stop: int,
    cands: list[Candidate],
    members: set[int],
    stops: list[float] | None = None,
    roles: dict[int, str] | None = None,
) -> OutlineItem:
    if stops:
        return _table_item(lines, cand, stop, {c.index for c in cands} | members, stops, roles)
    if cand.run_in:
        return OutlineItem(cand.number, cand.title, cand.index)  # the paragraph after it is the business
    line = lines[cand.index]
    title_parts = [cand.title] if cand.title else []
    side = [text for x, text in line.cells() if x > cand.title_x + 1]  # the cells right of the title
    led = any(w.leader for w in line.words)
    description = ""
    labels = {c.index for c in cands}
    edge = _column_edge(lines, cand.index, cand.title_x, cand.label_x)
    previous = line
    title_size = line.size
    title_x = cand.title_x
    count = 1
    last_pitch = 0.0
    for index in range(cand.index + 1, stop):
        nxt = lines[index]
        gap = nxt.top - previous.bottom
        first_x = nxt.x0
        # A title left hanging on a joining word ("… not less than") goes on, even where its next line starts
        # with what reads as a label ("14 clear days' notice").
        hanging = bool(title_parts) and _HANGING.search(title_parts[-1]) is not None and gap <= 0.9 * title_size
        if nxt.page != previous.page or index in members or (index in labels and not hanging):
            break
        if not title_parts and len(nxt.words) <= 2 and re.search(r"\d", nxt.text) and gap < title_size:
            side.append(nxt.text)  # a reference on its own line ("13-0600") before the title
            previous = nxt
            continue
        near = max(1.25 * title_size, 6.0)
        # At the title's indent, or (centred cells drift) at the line above's.
        in_column = abs(first_x - title_x) <= near or (len(title_parts) > 1 and abs(first_x - previous.x0) <= near)
        # A word broken at a hyphen, or a title left on a joining word, carries on on the next line where the line
        # starts (back under the label).
        broken = hanging and first_x >= cand.label_x - 1  # carried on at the line's start, under the label
        aligned = (in_column or broken) if title_parts else first_x > cand.label_x
        if aligned and gap <= 0.9 * title_size and nxt.bold != previous.bold and (lead := _lead_line(nxt, title_x)):
            side.insert(0, lead)  # "Name, Role" under a bold title, in the title's cell: the lead
            side += [text for _, text in nxt.cells()[1:]]  # and the row's cells beside it (a time)
            break
        if title_parts and gap <= 0.9 * title_size and not _JOINING.search(title_parts[-1]) and _cell_line(nxt):
            side.append(nxt.text)  # a cell on a line of its own under the title: a lead, a purpose, pages
            previous, count = nxt, count + 1
            continue
        if gap <= 0.9 * title_size and _lead_labelled(nxt.text) and nxt.x0 >= line.x0 - 1:
            side.insert(0, nxt.text)  # "ICB EXECUTIVE: Chief Finance Officer", "Lead: …" under the title
            previous, count = nxt, count + 1
            continue
        if not aligned or abs(nxt.size - title_size) > 0.6 or gap > 0.9 * title_size or nxt.bold != previous.bold:
            break
        if led and side and len(nxt.cells()) == 1 and not _DESCRIPTION.match(nxt.text):
            # A leader closed the title ("Title......Lead"): a line wrapped under it carries on the lead.
            side[-1] = f"{side[-1]} {nxt.text}"
            previous, count = nxt, count + 1
            continue
        # A wrapped title keeps its line spacing; a wider step, a sentence starting "To approve ...", or a
        # paragraph of sentences under the title is the item's description.
        pitch = nxt.top - previous.top
        wide = pitch > max(1.5 * title_size, 1.2 * last_pitch)
        # The title line stopped short of its column's edge although the next word would have fitted: the
        # title ended there, and what follows is the item's text (a text file's lines wrap at one width).
        ended = (
            bool(title_parts) and not _JOINING.search(title_parts[-1]) and not side and _would_fit(previous, nxt, edge)
        )
        described = bool(title_parts) and (
            ended
            or _DESCRIPTION.match(nxt.text) is not None
            or (
                not _JOINING.search(title_parts[-1])
                and _phrase(" ".join(title_parts))
                and _sentences(lines, index, stop, labels | members)
            )
        )
        if (wide or described) and (not title_parts or not _JOINING.search(title_parts[-1])):
            description = nxt.text
            break
        if title_parts and _INTRODUCES.match(nxt.text.strip()) and not _JOINING.search(title_parts[-1]):
            break  # "Recommendation:" on a line of its own introduces what follows the title
        last_pitch = pitch
        cells = nxt.cells()
        title_parts.append(cells[0][1])
        side += [text for _, text in cells[1:]]
        if not title_parts[:-1]:
            title_x = first_x
        previous = nxt
        count += 1
        if _italic_tail(nxt):
            break  # the title ended with its lead in italics
    title = _join(title_parts)
    last = lines[cand.index + count - 1] if count else line
    if (tail := _italic_tail(last)) and title.endswith(tail) and len(title) > len(tail):
        title = title[: -len(tail)].rstrip()  # "Minutes of the last meeting  Hon. Secretary" with the lead in italics
        side.insert(0, tail)
    return OutlineItem(
        cand.number, title, cand.index, side, time_label=cand.time_text, title_lines=count, description=description
    )


_NOT_A_LEAD = re.compile(
    r"^(?:resolved|agreed|decision|decided|actions?|noted?|recommend\w*|motion|questions?|answers?|minutes?|item|"
    r"purpose|summary|outcome|date|time|venue|location|present|apologies|attendees)\b",
    re.I,
)


def _cell_line(line: Line) -> bool:
    """Whether a line is one table cell on its own: a role, initials, a purpose or printed pages."""
    text = norm(line.text.strip())
    return len(line.cells()) == 1 and bool(
        _ROLE_ONLY.match(text)
        or _INITIALS_ONLY.fullmatch(text)
        or _PURPOSE_ONLY.match(text)
        or _PAGES_ONLY.fullmatch(text)
    )


def _lead_labelled(text: str) -> bool:
    """Whether a line names the item's lead after a label ("ICB EXECUTIVE: Chief Finance Officer", "Lead:
    …", "Presented by …"), not a decision or a note ("RESOLVED: that …", "ACTION: …")."""
    label = _LEAD_LABEL.match(norm(text))
    if label is None or _NOT_A_LEAD.match(text.strip()):
        return False
    rest = text[label.end() :].strip()
    return rest[:1].isupper()


def _cell_words(line: Line) -> list[list[Word]]:
    """The line's words in its cells (split as `Line.cells` splits them)."""
    out: list[list[Word]] = []
    last: Word | None = None
    for word in line.words:
        if last is None or word.leader or word.x0 - last.x1 >= CELL_GAP_EM * max(last.size, word.size):
            out.append([word])
        else:
            out[-1].append(word)
        last = word
    return out


def _first_cell_end(line: Line) -> float:
    """Where the line's first cell ends (its title, before any column to the right)."""
    end = line.words[0].x1
    for a, b in itertools.pairwise(line.words):
        if b.leader or b.x0 - a.x1 >= CELL_GAP_EM * max(a.size, b.size):
            break
        end = b.x1
    return end


def _column_edge(lines: list[Line], at: int, title_x: float, label_x: float) -> float:
    """The right edge of the column a title is set in: the furthest its neighbouring lines in its type, at the
    title's or the label's indent, reach (their first cells), on its page."""
    page, size = lines[at].page, lines[at].size
    ends = [
        _first_cell_end(ln)
        for ln in lines[max(0, at - 25) : at + 25]
        if ln.page == page
        and abs(ln.size - size) <= 0.15 * size
        and min(abs(ln.x0 - title_x), abs(ln.x0 - label_x)) <= 0.5 * ln.size
    ]
    return max(ends, default=lines[at].x1)


def _would_fit(previous: Line, nxt: Line, edge: float) -> bool:
    """Whether the next line's first word would have fitted at the end of the previous line's title, within
    its column: then the break was the writer's, not a wrap. A title beside another cell (its row has one) is
    bounded by that cell's column, not the page's: no judgement then."""
    if len(previous.cells()) > 1:
        return False
    word = nxt.words[0]
    space = 0.3 * word.size  # a word space
    return _first_cell_end(previous) + space + (word.x1 - word.x0) <= edge - 0.5 * space


def _phrase(text: str) -> bool:
    """Whether `text` reads as a title so far: no sentence ends inside it ("… no objection. (b) …" is prose)."""
    words = text.split()
    return not any(w.endswith((".", ";")) and len(w) > 3 for w in words[:-1])


def _sentences(lines: list[Line], start: int, stop: int, labels: set[int]) -> bool:
    """Whether the block of lines from `start` (one indent and type, no gap, no label) is a paragraph of
    sentences: it starts a sentence (a capitalised word, not one in capitals carrying on a title in capitals)
    and runs eight words or more to a full stop (an application's description, "Erection of 48 dwellings …
    Recommendation: grant."), not the rest of a wrapped title."""
    first = lines[start].words[0].text
    if not (first[:1].isupper() and any(ch.islower() for ch in first)):
        return False
    words: list[str] = []
    previous = lines[start]
    for index in range(start, stop):
        line = lines[index]
        if index in labels or line.page != previous.page or abs(line.x0 - previous.x0) > line.size:
            break
        if index > start and (line.top - previous.bottom > 0.9 * line.size or line.bold != previous.bold):
            break
        words += line.text.split()
        previous = line
    ends = words[-1].endswith(".") and not words[-1].endswith("..") if words else False
    # Two sentences ("… and dormer. Recommendation: refuse.") are a description however short.
    inner = any(w.endswith(".") and len(w) > 3 and nxt[:1].isupper() for w, nxt in itertools.pairwise(words))
    return ends and (len(words) >= 8 or inner)


def _italic_tail(line: Line) -> str:
    """The words that end the line's first cell in italics after upright ones (a lead set after the title), or
    ""."""
    first = line.cells()[0][1]
    words = list(line.words[: len(first.split())])
    tail: list[str] = []
    while words and words[-1].italic:
        tail.insert(0, words.pop().text)
    if not tail or not words or any(w.italic for w in words) or len(tail) > 6:
        return ""
    return " ".join(tail)


def _lead_line(line: Line, title_x: float) -> str:
    """The line's first cell when it is a lead written under the title in another style ("Dr A Name, Medical
    Director"), else "" (the caller reads the row's other cells)."""
    text = line.cells()[0][1]
    if abs(line.x0 - title_x) > line.size or len(text.split()) > 10:
        return ""
    return text if looks_like_presenter(text) is not False else ""


def _join(parts: list[str]) -> str:
    """Lines of a title (or words of a cell) as one: a word hyphenated at a line's end is whole again
    ("manage-" "ment"), and a name broken at its hyphen keeps it ("Bellingham-" "Shah")."""
    out = ""
    for part in parts:
        broken = out.endswith("-") and len(out) > 1 and out[-2].isalpha()
        if broken and part[:1].islower():
            out = out[:-1] + part
        elif broken and part[:1].isupper():
            out += part
        elif out.endswith("-") and len(out) > 1 and out[-2].isalnum() and part[:1].isdigit():
            out += part  # a reference broken at its hyphen ("Report PDS-" "2025-088")
        else:
            out = f"{out} {part}" if out else part
    return re.sub(r"\s+", " ", out).strip()


_MAX_JUMP = 10  # numbers further apart than this are not one list
_REFERENCE_KINDS = frozenset({"code", "yearseq"})

_CHILD_KINDS = frozenset({"dotted", "num", "alpha", "roman", "paren", "time", "code", "yearseq"})


def _children(
    lines: list[Line],
    parent: Candidate,
    stop: int,
    cands: list[Candidate],
    members: set[int],
    stops: list[float] | None = None,
    roles: dict[int, str] | None = None,
    *,
    judged: bool = True,
) -> list[OutlineItem]:
    """Sub-items: sub-numbers of the parent, or a labelled list that starts right under it, indented. With
    `judged`, numbered paragraphs of prose are not sub-items (else the caller judges them all together)."""
    inside = [c for c in cands if parent.index < c.index < stop and c.index not in members and c.kind in _CHILD_KINDS]
    if not inside:
        return []
    # Sub-numbers extend the parent's number: "3.2" under "3", "5.1.2" under "5.1".
    prefix = parent.value if parent.kind == "dotted" else parent.value[:1] if parent.kind in ("num", "item") else ()
    subs = [c for c in inside if c.kind == "dotted" and prefix and len(c.value) > len(prefix)]
    subs = [c for c in subs if c.value[: len(prefix)] == prefix]
    if subs:
        depth = min(c.depth for c in subs)
        subs = [c for c in subs if c.depth == depth]
        chosen = [c for c in subs if abs(c.label_x - subs[0].label_x) < subs[0].size]
    else:
        first = inside[0]
        between = [i for i in range(parent.index + 1, first.index)]
        # Immediately under the parent's title (no discussion lines between, but for a line introducing the
        # list: "To receive the minutes of:") and indented.
        title_lines = _item(lines, parent, stop, cands, members).title_lines
        introduced = len(between) - (title_lines - 1) == 1 and lines[first.index - 1].text.rstrip().endswith(":")
        immediate = len(between) <= title_lines - 1 or introduced
        starts = first.kind == "time" or first.value[-1] == 1
        # A body's own references ("M25/07", "25/061") name items wherever they stand in their heading's indented
        # block (after its introduction, with a motion's text between them); a plain "1." must follow at once.
        named = first.kind in _REFERENCE_KINDS and all(lines[i].x0 > parent.label_x + 2 for i in between)
        # A heading's explanatory paragraph, indented under it, before its own lettered or numbered list (a
        # consent agenda: "Items on the consent agenda are approved by one motion…", then A., B., C.).
        described = starts and 0 < len(between) <= 4 and all(lines[i].x0 > parent.label_x + 2 for i in between)
        if first.label_x <= parent.label_x + 2 or not ((immediate and starts) or named or described):
            return []
        chosen = [first]
        for c in inside[1:]:
            same_list = _family_key(c) == _family_key(first) and abs(c.label_x - first.label_x) < first.size
            if same_list and _step(chosen[-1], c) is not None:
                chosen.append(c)
        if (named or described) and not immediate and len(chosen) < 2:
            return []
    out: list[OutlineItem] = []
    taken = {x.index for x in chosen} | members
    for pos, c in enumerate(chosen):
        end = chosen[pos + 1].index if pos + 1 < len(chosen) else stop
        child = _item(lines, c, end, cands, taken, stops, roles)
        if c.kind == "dotted" or (c.kind == "num" and len(c.value) == 2):  # "5.1.1" under "5.1", "7(a)(i)" under "7(a)"
            child.children = _children(lines, c, end, cands, taken, stops, roles, judged=judged)
        out.append(child)
    return [] if judged and (_prose(out) or _numbered_text(lines, [(parent.index, out)])) else out


def _numbered_text(lines: list[Line], families: list[tuple[int, list[OutlineItem]]]) -> bool:
    """Whether the children under these parents (label lines) are the minutes' text: under minute numbers in
    bold, paragraphs numbered in plain type that are sentences, numbered for reference, not minutes of their
    own (an agenda's "5.1 To approve the accounts." is short)."""
    children = [c for _, found in families for c in found]
    if not children:
        return False
    bold_parents = all(lines[p].words[0].bold for p, found in families if found)
    plain = not any(lines[c.line].words[0].bold for c in children)
    words = sorted(len(c.title.split()) for c in children)
    sentences = all(c.title.rstrip().endswith((".", ".)", '."')) for c in children)
    return bold_parents and plain and sentences and words[len(words) // 2] >= 8


def _prose(items: list[OutlineItem]) -> bool:
    """Numbered paragraphs of minutes ("1.1 The chair reported that notice of the meeting had been given…"),
    not sub-items: most of them are sentences, ended by a full stop, and they run long."""
    if not items:
        return False
    words = sorted(len(i.title.split()) for i in items)
    sentences = sum(1 for i in items if i.title.rstrip().endswith((".", ".)", '."', ":")))
    return words[len(words) // 2] > 12 and sentences * 2 >= len(items)
