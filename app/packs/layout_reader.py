"""The agenda of a PDF read from its layout (`outline`), as the `DraftItem`s and meeting fields of a draft.

The layout of the first pages is read once; a garbled text layer (characters PDFium cannot map to Unicode that
do not read as words either, or text that is mostly not letters) is refused in one sentence rather than parsed
into nonsense.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from app.domain import Part, Purpose
from app.packs.agenda import (
    _DESCRIPTION as _DESCRIBED,
)
from app.packs.agenda import (
    _LABELLED as _LABEL_LINE,
)
from app.packs.agenda import (
    _PRIVATE,
    _TABLED,
    _VERBAL,
    Agenda,
    find_date,
    looks_like_presenter,
    masthead,
    norm,
    parse_item,
    purpose_of,
)
from app.packs.layout import Line, PageLayout, PageMap, page_map, read_pdf_page, set_aside_furniture
from app.packs.meeting import PLACE_WORD, announced, meetingish, plain_title
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
    last_line: Line  # the agenda's last line: its last item's label line, or the last line of its title
    item_lines: list[Line]  # each item's label line, in the order of `items`


def read_layout(raw_document: Any, count: int, name: str) -> list[PageLayout]:
    """The layout of the pages the agenda can be on; refuses a garbled or empty text layer."""
    stop = count if count <= LAYOUT_PAGES else FRONT_PAGES
    reads = [read_pdf_page(raw_document, index) for index in range(stop)]
    characters = sum(r.characters for r in reads)
    errors = sum(r.map_errors for r in reads)
    text = "".join(ln.text for r in reads for ln in r.layout.lines).replace(" ", "")
    letters = sum(ch.isalpha() for ch in text)
    unmapped = errors > characters * _GARBLED_SHARE and not _reads_as_words(text)
    if characters and (unmapped or letters < len(text) * _LETTER_SHARE):
        raise PackError(
            f"{name} has no readable text: its text layer is garbled, so its items can only be entered by hand."
        )
    return set_aside_furniture([r.layout for r in reads])


_COMMON_LETTERS = frozenset("eaionrst")  # the commonest letters of the languages written in Latin letters
_COMMON_SHARE = 0.45  # prose has over half its letters among them; a shifted or scrambled code has far fewer


def _reads_as_words(text: str) -> bool:
    """Whether characters PDFium could not map to Unicode still read as text: it then took each character's code
    as its Unicode, which for a font encoded like ASCII (pdfTeX's Type 1 fonts) is the letter itself."""
    letters = [ch.lower() for ch in text if ch.isascii() and ch.isalpha()]
    return len(letters) >= 20 and sum(ch in _COMMON_LETTERS for ch in letters) >= len(letters) * _COMMON_SHARE


def agenda_from_layout(pages: list[PageLayout]) -> LayoutReading | None:
    lines = [ln for page in pages for ln in page.lines]
    pmap = page_map(pages)
    outline = read_outline(lines, pmap)
    if outline is None or (len(outline.items) < 4 and not _about_a_meeting(lines, outline.first_line)):
        return None  # a short list that nothing says is a meeting's (a shopping list)
    items = _draft_items(outline, lines, pmap)
    front_lines = [ln for ln in lines[: outline.first_line] if ln.page <= lines[outline.first_line].page]
    body, title, when, venue, start = masthead(_with_blank_lines(front_lines))
    # The front sheet read by type: the body and the meeting's title are its largest lines, the date the
    # best-placed one (a weekday, "Date:", near the top; not a previous meeting's or a print date).
    body, title = _names(front_lines) or (body, title)
    uncertain: set[str] = set()
    best = _best_date(front_lines)
    if best is not None:
        when = best[0]
        if not best[1]:
            uncertain.add("date")  # another date on the front sheet reads as well: which is the meeting's?
    # What the front sheet says in words: "a meeting of the … to be held in the … on …", "Committee meeting -
    # date, time, venue", or a venue under the date line. A title that is only the body's name gives way.
    paragraphs = _paragraphs(front_lines)
    said = announced(paragraphs, body)
    if said.title and (said.explicit or not title or _same(title, body) or not meetingish(title)):
        title = said.title
        if said.composed:
            uncertain.add("title")  # "Meeting of <body>": a title made up, not printed
    elif not said.title and (not title or _same(title, body)):
        uncertain.add("title")  # only the body's name stands out: the meeting's own title is not printed
    title = plain_title(title)
    if when is None:  # a date may wrap onto the next line of its sentence
        when = next((found for text in paragraphs if (found := find_date(text)) is not None), None)
    if not venue and said.venue:
        venue = said.venue
        if said.venue_guessed:
            uncertain.add("venue")
    start = start or next((i.planned_time for i in items if i.planned_time), None)
    warnings: list[str] = []
    if when is None:
        warnings.append("No meeting date was found above the agenda.")
    if outline.margin < _SURE_MARGIN:
        warnings.append("The agenda could be read in more than one way; the items in amber need checking.")
    agenda = Agenda(tuple(items), body, title, when, venue, start, 0, 0, tuple(warnings), frozenset(uncertain))
    last = outline.last_line
    ends = [o for o in _outline_items(outline.items) if o.line == last]
    last_line = lines[min(len(lines) - 1, last + (ends[0].title_lines - 1 if ends else 0))]
    item_lines = [lines[o.line] for o in _outline_items(outline.items)]
    return LayoutReading(items, agenda, outline.margin, pages, pmap, lines[last].page, last_line, item_lines)


def _outline_items(items: list[OutlineItem]) -> list[OutlineItem]:
    out: list[OutlineItem] = []
    for item in items:
        out += [item, *_outline_items(item.children)]
    return out


_MEETING_CONTEXT = re.compile(r"\b(?:agenda|meeting|minutes|committee|board|council|notice)\b", re.I)


def _about_a_meeting(lines: list[Line], first: int) -> bool:
    """Whether the list is about a meeting: a line above its first item (or that item) names an agenda, a
    meeting or a body that meets, or gives a date. A shopping list is not an agenda."""
    above = lines[max(0, first - 60) : first + 1]
    return any(_MEETING_CONTEXT.search(ln.text) or find_date(ln.text) is not None for ln in above)


def _with_blank_lines(lines: list[Line]) -> list[str]:
    """The lines' texts with a blank line where the page leaves a line's gap: the front sheet's paragraphs."""
    out: list[str] = []
    for previous, line in zip([None, *lines], lines, strict=False):
        if previous is not None and line.top - previous.bottom > 0.8 * line.size:
            out.append("")
        out.append(_line_text(line))
    return out


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _paragraphs(lines: list[Line]) -> list[str]:
    """The front sheet's lines with wrapped lines joined: the next line in the same type, close below."""
    out: list[str] = []
    previous: Line | None = None
    width = max((ln.x1 for ln in lines), default=0.0) - min((ln.x0 for ln in lines), default=0.0)
    for line in lines:
        text = _line_text(line).replace("\t", "  ")
        joined = (
            previous is not None
            and out
            and line.page == previous.page
            and abs(line.size - previous.size) < 0.5
            and line.bold == previous.bold
            and 0 <= line.top - previous.bottom < 0.6 * line.size
            # The line above ran on to the margin: a full line of a sentence, not a short line of its own.
            and previous.x1 - previous.x0 > 0.75 * width
            and len(previous.words) >= 8
            and not out[-1].rstrip().endswith((".", ":"))
        )
        if joined:
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        previous = line
    return out


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_DATE_LABEL = re.compile(r"^\s*date\b|\bheld\s+on\b|\bmeeting\b", re.I)
_OTHER_DATE = re.compile(r"\bprinted\b|\bpublished\b|\bprevious\b|\blast\s+meeting\b|\bissued\b|\bdear\b", re.I)
_SECTION = re.compile(r"^(?:attendees|attendance|present|apologies|minutes|actions?|in attendance)\b", re.I)
_NOT_A_NAME = re.compile(
    r"^(?:public\s+document\s+pack|agenda|supplementary\s+agenda|notice\s+of\s+meeting|summons)$", re.I
)


_ITEM_LABEL = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,2})*|[ivxIVX]{1,5}|[a-zA-Z])[.)]\s")
_MEETING_WORD = re.compile(r"\bmeeting\b|\bagm\b", re.I)
_TIME_ONLY = re.compile(r"^[\d\s:.apm-]+$", re.I)


def _names(lines: list[Line]) -> tuple[str, str] | None:
    """(body, meeting title): the front sheet's two most prominent headings (size, then bold; a heading wrapped
    onto two lines is one), the upper one the body ("Example Borough Council" above "Cabinet") unless only the
    upper one names a meeting ("Committee Meeting" above "Example Society"); one is both when nothing else
    stands out."""
    sheet = [ln for ln in lines if ln.page == (lines[0].page if lines else 0)]
    body_size = round(_body(sheet))
    named: list[tuple[str, Line]] = []
    previous: Line | None = None
    for ln in sheet:
        cell = _first_cell(ln).strip()
        eligible = (
            not _NOT_A_NAME.match(cell.strip(" :"))
            and not _SECTION.match(cell)
            and not _LABEL_LINE.match(ln.text)
            and not _ITEM_LABEL.match(cell)
            and not _TIME_ONLY.match(cell)
            and find_date(ln.text) is None
            and len(cell) <= 90
            and not cell.endswith(":")
            and any(ch.isalpha() for ch in ln.text)
            and not _placeish(cell)
            and (round(ln.size) > body_size or (ln.bold and round(ln.size) >= body_size))
        )
        wrapped = (
            eligible
            and named
            and previous is named[-1][1]
            and abs(previous.size - ln.size) < 0.5
            and previous.bold == ln.bold
            and -0.4 * ln.size <= ln.top - previous.bottom < 0.5 * ln.size
        )
        if wrapped:
            named[-1] = (f"{named[-1][0]} {cell}", ln)
        elif eligible:
            named.append((cell, ln))
        previous = ln
    if not named:
        return None
    order = {id(ln): i for i, (_, ln) in enumerate(named)}
    ranked = sorted(named, key=lambda pair: (-round(pair[1].size), not pair[1].bold, order[id(pair[1])]))
    pair = sorted(ranked[:2], key=lambda pair: order[id(pair[1])])
    upper, lower = pair[0][0], pair[-1][0]
    if _MEETING_WORD.search(upper) and not _MEETING_WORD.search(lower) and not meetingish(lower):
        upper, lower = lower, upper
    return upper, lower


def _placeish(text: str) -> bool:
    """A venue's line ("Village Hall, Church Lane", "Council Chamber, Town Hall"), not a name: an address, a
    place's word in one of its parts."""
    return "," in text and PLACE_WORD.search(text) is not None


def _first_cell(line: Line) -> str:
    return line.cells()[0][1]


def _body(lines: list[Line]) -> float:
    return statistics.median(ln.size for ln in lines) if lines else 0.0


def _best_date(lines: list[Line]) -> tuple[date, bool] | None:
    """The meeting's date among the front sheet's dates, and whether it is clearly the best placed."""
    scored: list[tuple[float, date]] = []
    for order, line in enumerate(lines):
        found = find_date(line.text)
        if found is None:
            continue
        score = 2.0 * bool(_WEEKDAY.search(line.text)) + 2.0 * bool(_DATE_LABEL.search(line.text))
        score -= 4.0 * bool(_OTHER_DATE.search(line.text)) + 0.05 * order
        scored.append((score, found))
    if not scored:
        return None
    scored.sort(key=lambda pair: -pair[0])
    best_score, best = scored[0]
    rivals = [score for score, other in scored[1:] if other != best]
    return best, not rivals or best_score - rivals[0] >= 1.0


def _line_text(line: Line) -> str:
    return "\t".join(text for _, text in line.cells())


def _draft_items(outline: Outline, lines: list[Line], pmap: PageMap) -> list[DraftItem]:
    flat: list[tuple[OutlineItem, bool]] = []

    def add(items: list[OutlineItem]) -> None:
        for item in items:
            flat.append((item, bool(item.children)))
            add(item.children)

    add(outline.items)
    unsure = outline.margin < _SURE_MARGIN
    # "Part 1 - Opening business ... Part 3 - Governor business": parts that go on past two are the agenda's
    # sections, not its public and private business.
    sections = any(_THIRD_PART.match(norm(ln.text)) for ln in lines[outline.first_line : outline.last_line + 1])
    leads = _lead_column([item for item, _ in flat])
    out: list[DraftItem] = []
    part = Part.ONE
    last_line = -1
    last_time: time | None = None
    session_end = -1  # a private session holding its business as sub-items: the public part resumes after it
    resumed = guessed_public = False
    for position, (item, is_section) in enumerate(flat):
        if position == session_end + 1 and session_end >= 0:
            part, session_end = Part.ONE, -1
            guessed_public = resumed
        between = [norm(ln.text) for ln in lines[last_line + 1 : item.line]]
        if any(_private(text, sections) for text in between):
            part, session_end = Part.TWO, -1
        last_line = item.line
        if leads and not item.typed and len(item.side) == 1:
            item.typed = {"lead": item.side[0]}
        if _PUBLIC_AGAIN.match(norm(item.title)):
            part, session_end = Part.ONE, -1  # "Reconvene in open session": the public part again
        if _PRIVATE_HEADED.match(norm(item.title)):
            part = Part.TWO  # "RESERVED BUSINESS: Honorary degrees", "Confidential - …": private itself
        if _PRIVATE_SESSION.match(norm(item.title)):
            if part is Part.ONE and item.children:
                session_end = position + len(_outline_items(item.children))
            elif part is Part.ONE and _SESSION_MATTER.match(norm(item.title)):
                # "Closed Session – <statute>: <matter>": the session is this one item; the meeting comes back
                # into public for what follows, though an agenda rarely says so: a guess to check.
                session_end, resumed = position, True
            part = Part.TWO
        draft = _draft(item, is_section, part, pmap)
        if _private(norm(item.title), sections):  # "Exclusion of the press and public" is the last public item
            part = Part.TWO
        planned = draft.planned_time
        if planned is not None and last_time is not None and planned < last_time and planned.hour < 12:
            planned = time(planned.hour + 12, planned.minute)  # "11:30 - 2:00": a 12-hour clock
        last_time = planned or last_time
        uncertain = set(draft.uncertain) | ({"number", "title"} if unsure else set())
        if guessed_public and part is Part.ONE:
            uncertain.add("part")
        out.append(_replace(draft, planned, uncertain))
    return out


_PRIVATE_HEADED = re.compile(r"^(?:reserved|confidential|exempt|private|restricted)\b[^:–-]{0,20}[:–-]\s*\S", re.I)
# An item that is the private session itself ("Closed Session", "In Camera"): it and what follows are Part II.
_PRIVATE_SESSION = re.compile(
    r"^(?:(?:closed|private|confidential|in[\s-]camera)\s+(?:session|meeting|business)|in[\s-]camera)\b", re.I
)
_PUBLIC_AGAIN = re.compile(
    r"^(?:(?:re-?convene|resume|return|reopen)\w*\s+(?:in|to|into)\s+(?:an?\s+)?(?:open|public)\s+(?:session|meeting)"
    r"|(?:open|public)\s+session\b)",
    re.I,
)
# A session item that names its own business after a dash or colon, not a heading over the items that follow.
_SESSION_MATTER = re.compile(_PRIVATE_SESSION.pattern + r"\s*[–—:-]\s*\S", re.I)
_THIRD_PART = re.compile(r"^part\s+(?:3|iii|three|c)\b", re.I)
_BARE_PART = re.compile(r"^part\s+(?:ii|2|two|b)\b", re.I)
_PRIVATE_WORDS = re.compile(r"exempt|confidential|private|closed|restricted|press|public|reserved", re.I)


def _private(text: str, sections: bool) -> bool:
    """Whether `text` starts the private part; "Part 2 - ..." does not when the parts are numbered sections."""
    if sections and _BARE_PART.match(text) and not _PRIVATE_WORDS.search(text):
        return False
    return _PRIVATE.search(text) is not None


def _lead_column(items: list[OutlineItem]) -> bool:
    """Whether the one cell right of the titles (after a leader or a gap, in a list without a header row) is a
    column of leads: most such cells read as a person or a role, so the others are leads too ("Chair of the
    Audit and Risk Committee")."""
    sided = [item for item in items if not item.typed and item.side]
    cells = [item.side[0] for item in sided if len(item.side) == 1]
    if len(cells) < 3 or len(cells) * 2 < len(sided):  # most rows with cells beside the title have just the one
        return False
    plain = [c for c in cells if not _TIME.fullmatch(c.strip()) and not _PRINTED_PAGES.fullmatch(c.strip())]
    people = sum(1 for c in plain if looks_like_presenter(c) is not False and purpose_of(c)[0] is Purpose.UNKNOWN)
    return len(plain) == len(cells) and people * 3 >= len(cells) * 2


def _replace(item: DraftItem, planned: time | None, uncertain: set[str]) -> DraftItem:
    from dataclasses import replace

    return replace(item, planned_time=planned, uncertain=frozenset(uncertain))


_PRINTED_PAGES = re.compile(r"(?:pp?\.?\s*|pages?\s+)?(\d{1,4})(?:\s*(?:[-–—]|to)\s*(\d{1,4}))?", re.I)


def _typed(item: OutlineItem, parsed: Any) -> None:
    """A table's cells read by the type its header gives their column (`item.typed`), into `parsed`."""
    lead = item.typed.get("lead", "").strip()
    if lead:
        # "Name, Role" and "Name (Role)": the name; a role alone ("Chief Executive") is the lead as printed.
        name = re.split(r",\s+|\s+\(", lead)[0].strip()
        parsed.presenter = name if looks_like_presenter(name) is not False else lead
        parsed.uncertain.discard("presenter")
        if looks_like_presenter(parsed.presenter) is False:
            parsed.uncertain.add("presenter")  # in the leads' column, but it reads like no person or role
    if (when := item.typed.get("time")) and (found := _time(when)) is not None:
        parsed.planned_time = found
    if purpose := item.typed.get("purpose"):
        parsed.purpose, several = purpose_of(purpose)
        if several or parsed.purpose is Purpose.UNKNOWN:
            parsed.uncertain.add("purpose")
    if (pages := item.typed.get("pages")) and (m := _PRINTED_PAGES.fullmatch(pages.strip())):
        parsed.first_page, parsed.last_page = int(m[1]), int(m[2] or m[1])
    if paper := item.typed.get("paper"):
        parsed.verbal = parsed.verbal or bool(_VERBAL.search(paper))
        parsed.tabled = parsed.tabled or bool(_TABLED.search(paper))


_PRESENTED_BY = re.compile(
    r"^(?:(?:presented|introduced|reported|led|moved)\s+by|lead|presenter|speaker|delegates?)\s*:?\s+", re.I
)


def _lead_name(lead: str) -> str:
    """ "Presented by Professor A Name, Pro-Vice-Chancellor" -> "Professor A Name": the person, when a name
    stands before the role; the lead as printed otherwise."""
    text = _PRESENTED_BY.sub("", lead.strip())
    name, _, role = text.partition(", ")
    return name if role and looks_like_presenter(name) is not False and len(name.split()) <= 5 else text


def _draft(item: OutlineItem, is_section: bool, part: Part, pmap: PageMap) -> DraftItem:
    if item.typed and item.title:
        # The header says what each column holds: the title is its own cell, the others are read by type.
        parsed = parse_item(["1", item.title])
        if parsed is not None:
            _typed(item, parsed)
    else:
        parsed = parse_item(["1", item.title, *item.side]) if item.title else None
    title = parsed.title if parsed is not None else item.title
    if parsed is not None and parsed.presenter:
        parsed.presenter = _lead_name(parsed.presenter)
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
    if purpose is Purpose.UNKNOWN and _DESCRIBED.match(norm(item.description)):
        purpose = purpose_of(item.description.split(".")[0][:60])[0]  # "To approve the award."
    if purpose is Purpose.UNKNOWN and not is_section:
        purpose = purpose_of(purpose_text)[0]
        uncertain.add("purpose")
    if not item.number:
        uncertain.add("number")
    if item.doubtful:
        uncertain |= {"title", "presenter"}
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
