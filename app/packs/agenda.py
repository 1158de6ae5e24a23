"""An agenda item's cells read by what they hold, and the front sheet's lines read for the meeting.

The layout reader (`outline`, `layout_reader`) finds the items of a PDF or text pack; an item's cells (its
title, then a lead, a purpose, pages, a paper, a time in whatever order the row gives them) are read here by
`parse_item`, and the lines above the agenda by `masthead`. Anything guessed is named in the item's
`uncertain` set.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from datetime import date, time

from app.domain import Purpose
from app.packs.model import DraftItem

# One-for-one replacements, so a match on the normalised text can slice the original.
_NORM = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2013": "-"})
_NORM.update(str.maketrans({"\u2014": "-", "\u2212": "-", "\u2022": "-"}))
_NORM_PAIRS = tuple((chr(k), str(v)) for k, v in _NORM.items())

_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/li|/td|/th|/tr|/div)\b[^<>]{0,200}>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_BULLET = re.compile(r"^\s*(?:(?:[-*•▪◦‣>]|#{1,6})\s+)+")
_CELL_SPLIT = re.compile(r"\t|\s{2,}|\s\|\s|\*\*|^\||\|$")
_MAY_SPLIT = re.compile(r"[\t|]|\s\s|\*\*")  # without these `_CELL_SPLIT` cannot split a line

_TIME = r"(?:[01]?\d|2[0-3])([:.])[0-5]\d(?:\s*[ap]\.?m\.?)?"
_TIME_START = re.compile(rf"^({_TIME})(?:\s*(?:-|to)\s*{_TIME})?(?:\s+|$)", re.I)
_TIME_PARTS = re.compile(r"(?<![\d.:/])(\d{1,2})(?:[:.](\d{2})(?![\d.:/])(?:\s*([ap])\.?m\b)?|()\s*([ap])\.?m\b)", re.I)
_TIME_ANY = re.compile(
    r"\s*(?:\bat\s+)?(?<![\d.:/])\d{1,2}(?:[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?![\w.:/])", re.I
)
_NUMBER = re.compile(
    r"^(?:(?:agenda\s+)?item\s*(?:no\.?\s*)?)?"
    r"(\d{1,2}(?:\.\d{1,2}){0,3}(?:\s?\([a-z]{1,4}\)|[a-z](?![a-z]))?)[.:)]?(?=\s|$)",
    re.I,
)

_PURPOSES: dict[str, Purpose] = {
    **dict.fromkeys(["note", "noting", "information", "receive", "assurance"], Purpose.NOTE),
    **dict.fromkeys(["approve", "approval", "ratify", "ratification", "agree", "endorse", "adopt"], Purpose.APPROVE),
    **dict.fromkeys(["discuss", "discussion"], Purpose.DISCUSS),
    "update": Purpose.UPDATE,
    **dict.fromkeys(["decide", "decision", "resolve"], Purpose.DECIDE),
    **dict.fromkeys(["consider", "consideration"], Purpose.CONSIDER),
}
_PW = "|".join(sorted(_PURPOSES, key=len, reverse=True))
_PURPOSE_CELL = re.compile(
    rf"^(?:(?:to|for)\s+)?(?:{_PW})(?:\s*(?:/|&|,|and|or)\s*(?:(?:to|for)\s+)?(?:{_PW}))*\.?$", re.I
)
_PURPOSE_WORD = re.compile(rf"\b(?:{_PW})\b", re.I)
# A purpose written at the end of a title without a column break. Bare nouns such as
# "Update" or "Decision" often end real titles, so only verbs and "for/to …" count.
_PURPOSE_TAIL = re.compile(
    rf"(?:\s+-\s*|\s+\(|\s+)((?:[Tt]o|[Ff]or)\s+(?:{_PW})|Note|Noting|Approve|Discuss|Decide|Consider|Ratify)\)?\.?$"
)
_DESCRIPTION = re.compile(rf"^(?:to|for)\s+(?:{_PW})\b", re.I)
_PAGES = re.compile(r"\(?\s*\bpages?\s+(\d{1,4})(?:\s*(?:-|to)\s*(\d{1,4}))?\s*\)?", re.I)
_PAPER_CELL = re.compile(
    r"^(?:\(?\d{1,3}\s*min(?:ute)?s?\)?|(?:paper|enc(?:l(?:osure)?)?|appendix|annex)\.?\s*[\w.()-]{1,6}"
    r"|verbal|oral|presentation|attached|to follow|tabled|to be tabled"
    r"|(?-i:[A-Z]\d{0,2}[a-z]?)|[-\u2013\u2014]|n/?a"
    r"|(?-i:[A-Z][A-Za-z]{1,5}[/-]?\d[\w/-]{0,12}))$",  # a paper's letter ("C", "3a") or code ("SEN/24-25/61")
    re.I,
)

# Presenter markers: an all-caps label ("ICB EXECUTIVE:", "ICS PARTNERS:") or a spelt-out one.
# The label is at most five words so that a long line of capitals cannot backtrack for seconds.
_LABEL = re.compile(
    r"(?<!\S)(?:[A-Z][A-Z&/]+(?:\s+[A-Z][A-Z&/]*){0,4}\s*:|(?:Lead(?:\s+(?:Officer|Member|Director))?|Presenters?"
    r"|Executive\s+Lead|Lead\s+Executive|Sponsor|Delegates?|Speakers?)\s*:|(?:Presented|Introduced)\s+by\b)\s*"
)
_W = r"[A-Z][\w&,-]*"  # a capitalised word inside a role
_ROLES = [
    r"Chair(?:man|woman|person)?",
    r"Chief\s+Executive(?:\s+Officer)?|CEO",
    rf"Chief(?:\s+(?:{_W}|of|and|&|for)){{0,6}}?\s+(?:Officer|Director|Nurse)",
    r"(?:(?:Executive|Medical|Finance|Managing|Programme|Clinical|Nursing|Operations|Corporate|Regional)\s+)?"
    rf"Director(?:\s+of(?:\s+(?:{_W}|and|&)){{1,4}})?",
    rf"Head\s+of(?:\s+(?:{_W}|and|&)){{1,4}}",
    r"(?:Company\s+)?Secretary|Treasurer|Clerk|Mayor|Leader(?:\s+of\s+the\s+Council)?|President|Monitoring\s+Officer",
]
_ROLE = rf"(?:(?:Vice|Deputy|Interim|Acting|Associate|Assistant|Joint|Co-)[\s-]*)?(?:{'|'.join(_ROLES)})"
_ROLE_FULL = re.compile(rf"^{_ROLE}\.?$")
_ROLE_TAIL = re.compile(rf"\s({_ROLE})$")
_NOT_BEFORE_ROLE = frozenset(re.findall(r"\S+", "of the a an to for and & by with new from our your his her their"))
_INITIALS = re.compile(
    r"^[A-Z]{1,3}(?:[a-z][A-Z]?)?(?:\s*(?:/|,|&|and)\s*[A-Z]{1,3}(?:[a-z][A-Z]?)?){0,5}$"
)  # "JA", "ABo", "SS/MW"
_NAMEISH = re.compile(
    r"^(?:(?:Dr|Cllr|Prof|Mr|Mrs|Ms|Miss|Sir|Dame|Rev)\.?\s+)?[A-Z][\w'.-]+(?:[\s,;/&]+[A-Z(][\w'.)-]*)*$"
)
_ROLE_PHRASE = re.compile(r"[A-Z][\w'.-]*(?:\s+(?:of|and|for|the|&|[A-Z][\w'.-]*))*")

_AGENDA_HEADING = re.compile(
    r"^(?:(?:public|private|draft|revised|final|supplementary|meeting|board|committee|part\s+\w+)\s+)*agenda\b", re.I
)
_PRIVATE = re.compile(
    r"resolution\s+to\s+exclude|exclusion\s+of\s+(?:the\s+)?(?:press|public)|^part\s+(?:ii|2|two|b)\b|^private\b"
    r"|^exempt\s+(?:items?|business|information)\b|^reserved\s+(?:items?|business)\b"
    r"|\b(?:press|public)\b[^.]{0,40}\bbe\s+excluded\b|\bexclude\s+the\s+(?:press|public)\b"
    r"|\bin\s+private$|^confidential\s+(?:items?|business|session)",
    re.I,
)
_TITLE_WORDS = re.compile(r"\b(?:meeting|board|committee|council|cabinet|panel|forum|trust|group|assembly)\b", re.I)
_LABELLED = re.compile(r"^(date(?:\s*(?:and|&)\s*time)?|time|venue|location|place|where)\s*:\s*(.+)$", re.I)
_PUBLIC_SUFFIX = re.compile(
    r"(?:\s*[-,:]\s*|\s+)(?:(?:meeting\s+)?(?:held\s+)?in\s+(?:public|private)|part\s+(?:i|1|one))$", re.I
)

_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(\d{{4}})\b", re.I)
_DATE_MDY = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DATE_NUM = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_VERBAL = re.compile(r"\bverbal\b|\boral\s+(?:report|update|item)\b", re.I)  # "Oral Health" is a topic
_VERBAL_CELL = re.compile(r"^(?:verbal|oral|presentation)", re.I)
_TABLED = re.compile(r"\btabled\b", re.I)


@dataclass(frozen=True, slots=True)
class Agenda:
    items: tuple[DraftItem, ...]
    body_name: str
    meeting_title: str
    meeting_date: date | None
    venue: str
    start: time | None
    last_item_line: int
    end_line: int  # index of the first line after the agenda
    warnings: tuple[str, ...] = ()
    uncertain: frozenset[str] = frozenset()  # meeting fields read as a guess: "title", "date", "venue", "body"


@dataclass(slots=True)
class _Item:
    number: str
    title: str
    presenter: str = ""
    purpose: Purpose = Purpose.UNKNOWN
    planned_time: time | None = None
    first_page: int | None = None
    last_page: int | None = None
    uncertain: set[str] = field(default_factory=set)
    verbal: bool = False
    tabled: bool = False


def norm(text: str) -> str:
    """Straight quotes and dashes, same length, for matching only."""
    if text.isascii():  # O(1), and most lines are: translate walks every character
        return text
    for old, new in _NORM_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def _may_split(line: str) -> bool:
    if line.isascii() and line.isprintable():  # no tab or other whitespace but " ": plain substring tests do
        return "|" in line or "  " in line or "**" in line
    return _MAY_SPLIT.search(line) is not None


def cells(line: str) -> list[str]:
    """A line cleaned of markup and split into its columns."""
    if "<" in line:  # both tag patterns start with "<"
        line = _TAG.sub("", _BLOCK_TAG.sub("\t", line))
    line = _BULLET.sub("", html.unescape(line))
    if not _may_split(line):  # one cell at most: the common case for running text
        return [line.strip(" ")] if line.strip(" *") else []
    return [c.strip(" |") for c in _CELL_SPLIT.split(line) if c.strip(" |*")]


def find_date(text: str) -> date | None:
    """The first plausible date written in `text` (UK day-first for numeric dates)."""
    text = norm(text)
    found: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    for m in _DATE_ISO.finditer(text):
        found.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    for m in _DATE_DMY.finditer(text):
        found.append((m.start(), int(m[3]), _month(m[2]), int(m[1])))
    for m in _DATE_MDY.finditer(text):
        found.append((m.start(), int(m[3]), _month(m[1]), int(m[2])))
    for m in _DATE_NUM.finditer(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        found.append((m.start(), year, int(m[2]), int(m[1])))
    for _, y, mo, d in sorted(found):
        try:
            return date(y, mo, d)
        except ValueError:
            continue
    return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _parse_time(text: str) -> time | None:
    m = _TIME_PARTS.search(text)
    if not m:
        return None
    hour, minute, half = int(m[1]), int(m[2] or 0), (m[3] or m[5] or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return time(hour, minute) if hour < 24 and minute < 60 else None


def purpose_of(text: str) -> tuple[Purpose, bool]:
    """The purpose named in `text`, and whether more than one was named."""
    found = [_PURPOSES[w.lower()] for w in _PURPOSE_WORD.findall(text)]
    return (found[0] if found else Purpose.UNKNOWN), len(set(found)) > 1


def _join(parts: list[str]) -> str:
    """Join title fragments, closing words split by a tab such as `202<TAB>5`."""
    out = parts[0]
    for part in parts[1:]:
        out += part if out[-1:].isdigit() and part[:1].isdigit() else " " + part
    return out


def looks_like_presenter(cell: str) -> bool | None:
    """True if surely a presenter, None if perhaps, False if not."""
    text = norm(cell)
    if _INITIALS.fullmatch(text) or _ROLE_FULL.match(text) or _LABEL.match(text):
        return True
    if len(text.split()) > 8:
        return False
    name, comma, role = text.partition(", ")
    if comma and _NAMEISH.match(name) and _ROLE_PHRASE.fullmatch(role):
        return None  # "Dr A Name, Head of Planning": a name and a role with its small words
    return None if _NAMEISH.match(text) else False


_MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")
# A paper's reference: capitals, a slash and digits ("SEN/24-25/71", "BoD/25/061"), perhaps "(C)" for confidential.
_TRAILING_REFERENCE = re.compile(r"\s+[A-Z][A-Za-z]{1,5}/[\w/-]*\d[\w/-]*(?:\s*\([A-Z]\))?$")
_DASHED_LEAD = re.compile(r"\s+[-\u2013\u2014]\s+(?P<lead>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})$")
_BRACKETED_LEAD = re.compile(r"\s*\(([^()]{2,40})\)\s*$")
_LEADING_DASH = re.compile(r"^\s*[-\u2013\u2014]\s+(?=\S)")
_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")


def _abbreviation(title: str, bracket: re.Match[str]) -> bool:
    """ "Example Regional Authority (ERA)": the bracket spells the words before it, it names no lead."""
    letters = bracket[1].replace(".", "").strip()
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", title[: bracket.start()]) if w[0].isupper()]
    return letters.isupper() and len(letters) >= 2 and "".join(w[0] for w in words[-len(letters) :]) == letters


def _unmerged(cell: str) -> list[str]:
    """A purpose and a paper that came out as one cell ("Assurance Paper D"): two cells."""
    words = cell.split()
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        if _PURPOSE_CELL.match(norm(left)) and _PAPER_CELL.match(norm(right)):
            return [left, right]
    return [cell]


def _trailing_parts(cell: str) -> list[str]:
    """A cell whose end is columns written inline after spaced dashes ("Title (Lead) — 7.00pm", "Title – Paper B
    – Approval"): the title, then each trailing part that reads as a time, purpose or paper, as cells."""
    dashes = list(_SPACED_DASH.finditer(cell))
    cut = len(cell)
    tail: list[str] = []
    for dash in reversed(dashes):
        part = cell[dash.end() : cut]
        last = norm(part)
        if not (_TIME_START.fullmatch(last) or _PURPOSE_CELL.match(last) or _PAPER_CELL.match(last)):
            break
        tail.insert(0, part.strip())
        cut = dash.start()
    return [cell[:cut], *tail]


def parse_item(row: list[str]) -> _Item | None:
    """An agenda item from one line's cells, or None if the line is not an item."""
    row = list(row)
    planned: time | None = None
    m = _TIME_START.match(norm(row[0])) if row else None
    if m:
        rest = row[0][m.end() :].strip()
        after = rest or (row[1] if len(row) > 1 else "")
        # "6.10" is a sub-item as often as a time: a dotted time must be followed by an item number.
        if m[2] == ":" or re.search(r"[ap]\.?m", m[1], re.I) or _NUMBER.match(after):
            planned = _parse_time(m[1])
            row = ([rest] if rest else []) + row[1:]
    if not row:
        return None
    m = _NUMBER.match(norm(row[0]))
    if not m or _DATE_DMY.match(norm(row[0])):  # "8 December 2023" is a date, not item 8
        return None
    number = re.sub(r"\s+", "", m[1])
    rest = row[0][m.end() :].strip()
    row = ([rest] if rest else []) + row[1:]
    item = _Item(number=number, title="", planned_time=planned)
    if row:
        # "**Welcome**": emphasis is not the title's; "— 7.30pm" after it is a cell of its own.
        row = [_LEADING_DASH.sub("", _MARKDOWN_EMPHASIS.sub("", cell)) for cell in row]
        row = [cell for cell in row if cell.strip()]
        row = row[:-1] + _trailing_parts(row[-1])
    if len(row) > 1:
        row = row[:-1] + _unmerged(row[-1])
    # Trailing columns: purpose, printed pages, paper references, a time.
    while len(row) > 1:
        last = norm(row[-1])
        if _PURPOSE_CELL.match(last):
            item.purpose, several = purpose_of(last)
            if several:
                item.uncertain.add("purpose")
        elif (pages := _PAGES.fullmatch(last)) is not None:
            item.first_page, item.last_page = int(pages[1]), int(pages[2] or pages[1])
        elif _TIME_START.fullmatch(last):
            item.planned_time = item.planned_time or _parse_time(last)
        elif _PAPER_CELL.match(last):
            item.verbal = item.verbal or bool(_VERBAL_CELL.match(last))
            item.tabled = item.tabled or bool(_TABLED.search(last))
        else:
            break
        row.pop()
    # A separate column after the title is the lead, if it reads like a person or role.
    presenter = ""
    if len(row) > 1 and (sure := looks_like_presenter(row[-1])) is not False:
        presenter = row.pop()
        if sure is None:
            item.uncertain.add("presenter")
    if not row:
        return None
    title = _join(row)
    if (reference := _TRAILING_REFERENCE.search(title)) is not None and reference.start() > 0:
        title = title[: reference.start()]  # a paper's reference run on into the title's cell ("… SEN/24-25/71 (C)")
    if (pages := _PAGES.search(norm(title))) is not None and item.first_page is None:
        item.first_page, item.last_page = int(pages[1]), int(pages[2] or pages[1])
        title = (title[: pages.start()] + title[pages.end() :]).strip()
    tail = _PURPOSE_TAIL.search(norm(title)) if item.purpose is Purpose.UNKNOWN else None
    if tail is not None and _title_left(title[: tail.start()]):
        item.purpose = purpose_of(tail[1])[0]
        item.uncertain.add("purpose")
        title = title[: tail.start()]
    if not presenter and (lead := _BRACKETED_LEAD.search(title)) is not None and not _abbreviation(title, lead):
        sure = looks_like_presenter(lead[1])
        if sure or (sure is None and not re.search(r"\d", lead[1]) and len(lead[1].split()) <= 4):
            presenter, title = lead[1], title[: lead.start()]  # "Treasurer's report (Treasurer)"
            if sure is None:
                item.uncertain.add("presenter")
    if not presenter and (dashed := _DASHED_LEAD.search(title)) is not None:
        named = dashed["lead"]
        sure = looks_like_presenter(named)
        if sure or named.lower().startswith("the "):  # "Opening remarks – the Chair", "Finance – Treasurer"
            presenter, title = named, title[: dashed.start()]
            if not sure:
                item.uncertain.add("presenter")
    if not presenter:
        title, presenter, guessed = split_presenter(title)
        if guessed:
            item.uncertain.add("presenter")
    item.title = title.strip(" -:;,")
    item.presenter = presenter.strip(" ;,")
    if len(re.findall(r"[^\W\d_]", item.title)) < 2:
        return None
    return item


_JOINING_WORD = re.compile(r"\b(?:and|or|of|the|for|to|in|on|with|a|an|by)$|[-,&:/]$", re.I)


def _title_left(rest: str) -> bool:
    """Whether `rest` is still a title once a trailing purpose is cut from it: two words or more, not ending
    in a word that joins ("Items for Noting" is a heading, not "Items for" to note)."""
    rest = rest.strip(" -(")
    return len(rest.split()) >= 2 and _JOINING_WORD.search(rest) is None


def split_presenter(text: str) -> tuple[str, str, bool]:
    """(title, presenter, guessed): split at a presenter label or a trailing role."""
    n = norm(text)
    label = _LABEL.search(n)
    if label and label.start() > 0:
        return text[: label.start()].rstrip(), text[label.start() :].strip(), False
    role = _ROLE_TAIL.search(n)
    if role:
        before = n[: role.start()].split()
        # "Hon. Treasurer" is the item (the treasurer's report): a title is more than one word.
        if len(before) > 1 and before[-1].lower() not in _NOT_BEFORE_ROLE:
            return text[: role.start()].rstrip(), text[role.start(1) :], True
    return text, "", False


def _masthead(
    header: list[list[str]], under_heading: list[list[str]]
) -> tuple[str, str, date | None, str, time | None]:
    """(body name, meeting title, date, venue, start) from the lines above the first item."""
    labelled: dict[str, str] = {}
    for row in header + under_heading:
        m = _LABELLED.match(norm(" ".join(row)))
        if m:
            labelled.setdefault(m[1].split()[0].lower(), " ".join(row)[m.start(2) :].strip())
    plain = [" ".join(r) for r in header + under_heading if r and not _LABELLED.match(norm(" ".join(r)))]
    if under_heading and len(" ".join(under_heading[0])) > len("agenda") + 3:
        plain.append(" ".join(under_heading[0]))  # "Agenda for the meeting of … on 5 May 2024"
    titled = [p for p in plain if _TITLE_WORDS.search(p)]
    # Without a dated line, the last meeting-like line is the title ("Health and Wellbeing Board" under the council).
    title = next((p for p in plain if find_date(p)), "") or (titled[-1] if titled else "")
    if titled and title not in titled:  # a bare date line: say whose meeting it is
        title = f"{re.sub(r'(?i)^agenda\W+|\W+agenda$', '', titled[-1])} - {title}"
    when = (
        find_date(title) or find_date(labelled.get("date", "")) or next((d for p in plain if (d := find_date(p))), None)
    )
    # The body is the first paragraph of the masthead, unless that paragraph is the title itself.
    paragraph: list[str] = []
    for row in header:
        if not row:
            if paragraph:
                break
            continue
        text = " ".join(row)
        if _LABELLED.match(norm(text)) or _AGENDA_HEADING.match(norm(text)):
            break
        paragraph.append(text)
    if title in paragraph:
        paragraph = paragraph[: paragraph.index(title)]
    body = " ".join(paragraph)
    if not body or len(body) > 150:
        body = _strip_date(title)
    elif title and not find_date(title) and when is not None:
        title = f"{title} - {when.day} {when:%B %Y}"  # a title should say which meeting
    start = _parse_time(labelled.get("time", "") or labelled.get("date", "")) or next(
        (t for p in plain if (t := _parse_time(p))), None
    )
    venue = labelled.get("venue") or labelled.get("location") or labelled.get("place") or labelled.get("where") or ""
    return body, title, when, venue, start


def masthead(lines: list[str]) -> tuple[str, str, date | None, str, time | None]:
    """(body name, meeting title, date, venue, start) from the front-sheet lines above an agenda's first item."""
    rows = [cells(line) for line in lines]
    heading = next((i for i, r in enumerate(rows) if r and _AGENDA_HEADING.match(norm(" ".join(r)))), None)
    if heading is None:
        return _masthead(rows, [])
    return _masthead(rows[:heading], rows[heading:])


def _strip_date(title: str) -> str:
    text = norm(title)
    for rx in (_DATE_DMY, _DATE_MDY, _DATE_NUM, _DATE_ISO):
        text = rx.sub("", text)
    text = _TIME_ANY.sub("", text)
    text = re.sub(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?", "", text, flags=re.I)
    text = re.sub(r"\s+(?:on|held\s+on)?\s*$", "", text.strip(" -,:"), flags=re.I)
    return _PUBLIC_SUFFIX.sub("", text).strip(" -,:")


def with_pages(item: DraftItem, first: int | None, last: int | None, *, guessed: bool) -> DraftItem:
    uncertain = (
        item.uncertain | {"first_page", "last_page"} if guessed else item.uncertain - {"first_page", "last_page"}
    )
    return replace(item, first_page=first, last_page=last, uncertain=uncertain)
