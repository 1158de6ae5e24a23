"""The meeting a front sheet announces: its title and venue read from the sentence or line that states them.

Front sheets say where and what a meeting is in a few recurring shapes, and each is read by its shape, never by
the words of one document:

- a sentence: "… a meeting of the Parish Council to be held in the Village Hall, Church Street on Tuesday 10 June
  2025 at 7.30pm …", "Minutes of the meeting of the Planning Committee held on … at 7.00pm in the Council
  Chamber", "Notice of the Annual General Meeting to be held on … in the Scout Hut";
- one line of segments: "Committee meeting - Tuesday 3 June 2025, 7.00pm, The Red Lion";
- a stacked sheet: the date and time on a line of their own, the venue on the line below.

Each finding says how it was found, so the caller can mark a guess (the stacked sheet's venue) as uncertain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.packs.agenda import find_date

_TIME = r"\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\b\.?)|\d{1,2}[.:]\d{2}\b|noon|midday"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DATE_START = (
    rf"(?:{_WEEKDAY}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
)
# Where a venue phrase ends: the date or time that follows it, the purpose, or the sentence's end.
_VENUE_END = re.compile(
    rf"\s*,?\s+(?:on\s+(?:{_DATE_START})|on\s+the\s+\d|at\s+(?:{_TIME})|from\s+(?:{_TIME})|commencing|starting|"
    rf"beginning|for\s+the\s+purpose|to\s+(?:consider|transact|discuss|receive)|when\b)|[.;]\s|\.$|\s+-\s+|$",
    re.I,
)
_HELD = re.compile(r"\b(?:held|take\s+place|be\s+convened)\b", re.I)
_PLACE = re.compile(r"\b(?:in|at)\s+(?=\S)", re.I)
_IS_TIME = re.compile(rf"^(?:{_TIME})", re.I)
_NOT_VENUE = re.compile(
    rf"^(?:{_DATE_START}|the\s+(?:request|invitation|discretion|end|start|close)|which|least|this|that|its|their|"
    r"which|short\s+notice|the\s+same|the\s+time|the\s+meeting|a\s+(?:meeting|time)|public|private|present)\b",
    re.I,
)
# "a meeting of the Board of Directors", "the meeting of the Planning Committee".
_MEETING_OF = re.compile(
    r"\b(?i:meeting)\s+of\s+(?P<who>(?:the\s+)?[A-Z][\w'’&,-]*(?:\s+(?:of|and|&|for|the|[A-Z][\w'’&-]*))*)", re.UNICODE
)
_NAMED_MEETING = re.compile(
    r"\b(?P<what>(?:annual|extraordinary|special|ordinary|general|statutory)(?:\s+(?:general|parish|town|annual))*"
    r"\s+meeting)\b",
    re.I,
)
_TRAILING = re.compile(r"(?:\s+(?:of|and|for|the|to|on|in|at))+$", re.I)
PLACE_WORD = re.compile(
    r"\b(?:room|hall|chamber|house|suite|centre|center|offices?|library|building|church|chapel|school|college|"
    r"street|road|lane|way|avenue|square|place|row|arms|inn|hut|pavilion|boardroom|parlour|hotel|hub|campus|"
    r"online|teams|zoom|virtual|remote|floor|clubroom|clubhouse|ground|court|lodge|barn)\b",
    re.I,
)
_LABEL = re.compile(r"^\s*[\w ]{1,20}:")


@dataclass(frozen=True, slots=True)
class Announced:
    title: str = ""  # "Meeting of the Planning Committee", "Annual General Meeting"
    body: str = ""  # whose meeting a sentence says it is ("The Annual General Meeting of Example Club will be held")
    venue: str = ""
    venue_guessed: bool = False  # read from where it stands (the line under the date), not from what it says
    explicit: bool = False  # the title is what the sheet says this document is of ("Minutes of the …")
    composed: bool = False  # the title is made up from the body's name ("Meeting of <body>"), not printed as such


def announced(paragraphs: list[str], body: str = "") -> Announced:
    """The meeting's title and venue from the front sheet's paragraphs (wrapped lines joined), top first.
    `body` names "the meeting" a sentence gives no other name ("Minutes of the meeting held on …")."""
    title = venue = ""
    explicit = composed = False
    guessed = False
    for at, text in enumerate(paragraphs):
        if not title:
            title, explicit = _sentence_title(text, body)
            composed = title.startswith(_COMPOSED) and title.casefold() not in " ".join(text.split()).casefold()
        if not venue and (find_date(text) is not None or _HELD.search(text)):
            venue = _sentence_venue(text) or _segment_venue(text)
            if not venue:
                venue = _stacked_venue(paragraphs[at:])
                guessed = bool(venue)
    whose = next((m["who"] for text in paragraphs if (m := _MEETING_OF.search(text)) is not None), "")
    body = re.split(r"\s+(?:to\s+be|will|held|on|at|in|is|shall)\s+", _TRAILING.sub("", whose.strip(" ,")))[0]
    return Announced(title, body, venue, guessed, explicit, composed)


_COMPOSED = "Meeting of "  # the prefix `_sentence_title` gives a title it composes from a body's name


_OF_THE = re.compile(
    r"\b(?:minutes|agenda|notice|summons)\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?(?P<what>[^.;:]{3,80}?)"
    r"(?:\s+(?:to\s+be\s+held|held|which|will|on\s+|at\s+\d)|\s*$)",
    re.I,
)
_DOCUMENT_WORD = re.compile(r"\s*[-–:]?\s*\b(?:minutes|agenda|papers|pack)$", re.I)
_BARE = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:meeting|minutes|agenda)$", re.I)
_NOTICE = re.compile(r"^(?:notice\s+of|agenda\s+(?:of|for)|minutes\s+of|summons\s+to)\s+(?:the\s+|an?\s+)?", re.I)
_MEETINGISH = re.compile(
    r"\b(?:meeting|committee|sub-committee|board|cabinet|council|panel|forum|group|assembly|trustees|governors|"
    r"directors|agm|executive|governing\s+body|partnership)\b",
    re.I,
)


def meetingish(text: str) -> bool:
    """Whether `text` names a meeting or a body that meets (a title, not an organisation's address)."""
    return _MEETINGISH.search(text) is not None


def _segment_title(text: str) -> str:
    """ "Committee meeting - Tuesday 3 June 2025, 7.00pm, …": the first segment, when a later one is dated."""
    segments = [s.strip() for s in re.split(r",\s+|\s+[-–—]\s+", text) if s.strip()]
    if len(segments) < 2 or find_date(segments[0]) is not None or not meetingish(segments[0]):
        return ""
    dated = any(find_date(s) is not None or re.match(_DATE_START, s, re.I) for s in segments[1:3])
    return segments[0] if dated and len(segments[0].split()) <= 8 else ""


def plain_title(title: str) -> str:
    """ "NOTICE OF ANNUAL GENERAL MEETING" -> "ANNUAL GENERAL MEETING", "Committee Meeting Minutes" -> "Committee
    Meeting": the meeting, not the document."""
    rest = _DOCUMENT_WORD.sub("", _NOTICE.sub("", title.strip()))
    return rest if rest and meetingish(rest) and not _BARE.match(rest) else title


def _sentence_title(text: str, body: str) -> tuple[str, bool]:
    """(title, whether the sentence says what this document is of)."""
    of_the = _OF_THE.search(text)
    # A title is capitalised ("the Full Governing Body meeting"), or "meeting of …"; not "the following meeting".
    if of_the and len(of_the["what"].split()) <= 12 and re.match(r"[A-Z]|[Mm]eeting\b", of_the["what"]):
        what = of_the["what"].strip(" ,")
        if _BARE.match(what) and body:
            return f"{_COMPOSED}{_readable(body)}", True
        if meetingish(what) and not _BARE.match(what):
            return what[0].upper() + what[1:], True
    segment = _segment_title(text)
    if segment:
        return segment, False
    named = _NAMED_MEETING.search(text)
    if named:
        return " ".join(w.capitalize() if w.islower() else w for w in named["what"].split()), False
    found = _MEETING_OF.search(text)
    if found is None:
        return "", False
    who = _TRAILING.sub("", found["who"].strip(" ,"))
    who = re.split(r"\s+(?:to\s+be|will|held|on|at|in)\s+", who)[0]
    return (f"{_COMPOSED}{who}", False) if who else ("", False)


def _readable(name: str) -> str:
    """A name printed in capitals, in title case ("EXAMPLE PARISH COUNCIL" -> "Example Parish Council")."""
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() else name


def _sentence_venue(text: str) -> str:
    """The place after "held"/"take place": "in the Village Hall, Church Street", "at 12 High Street"."""
    held = _HELD.search(text)
    if held is None:
        return ""
    rest = text[held.end() :]
    for place in _PLACE.finditer(rest):
        after = rest[place.end() :]
        if _IS_TIME.match(after) or _NOT_VENUE.match(after):
            continue
        end = _VENUE_END.search(after)
        venue = _clean(after[: end.start()] if end else after)
        # A place is named ("Council Chamber", "12 High Street"), or has a place's word ("the village hall").
        if (
            venue
            and len(venue.split()) <= 16
            and (venue[0].isupper() or venue[0].isdigit() or PLACE_WORD.search(venue))
        ):
            return venue
    return ""


def _segment_venue(text: str) -> str:
    """ "Committee meeting - Tuesday 3 June 2025, 7.00pm, The Red Lion function room": the segment after
    the date and time."""
    segments = [s.strip() for s in re.split(r",\s+|\s+[-–—]\s+|\s{2,}", text) if s.strip()]
    dated = [i for i, s in enumerate(segments) if find_date(s) is not None or re.search(_DATE_START, s, re.I)]
    if not dated:
        return ""
    after = segments[dated[-1] + 1 :]
    while after and (_IS_TIME.match(after[0]) or re.fullmatch(r"\d{4}", after[0])):
        after = after[1:]
    if not after:
        return ""
    venue = _clean(re.sub(r"^(?:at|in)\s+", "", ", ".join(after), flags=re.I))
    return venue if PLACE_WORD.search(venue) or len(after) >= 2 else ""


def _stacked_venue(paragraphs: list[str]) -> str:
    """The lines under the one that gives the date (and a time on a line of its own), when they read as a place:
    "Council Chamber" / "Room 3, Town Hall" / "1 High Street"."""
    for at, above in enumerate(paragraphs):
        if find_date(above) is None or len(above.split()) > 10:
            continue
        below = [p for p in paragraphs[at + 1 : at + 6]]
        while below and _IS_TIME.match(below[0]) and len(below[0].split()) <= 3:
            below = below[1:]  # "10:00 A.M." on its own line
        place: list[str] = []
        for line in below[:3]:
            if find_date(line) is not None or _LABEL.match(line) or len(line.split()) > 14 or line.endswith(":"):
                break
            if not (PLACE_WORD.search(line) or re.match(r"\d{1,4}\s+\w", line)):
                break
            place.append(line)
        return _clean(", ".join(place))
    return ""


def _clean(venue: str) -> str:
    venue = re.sub(r"^the\s+", "", venue.strip(" ,.;:-–"), flags=re.I)
    return " ".join(venue.split())


_MAIL_HEADER = re.compile(r"^(?:from|to|cc|bcc|sent|date|subject|re)\s*:", re.I)
_GREETING = re.compile(r"^(?:dear|hi|hello|good\s+(?:morning|afternoon|evening))\b", re.I)
_RULE = re.compile(r"^\s*(?:[-=_*]\s*){3,}$")
_FIRST_ITEM = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}\s+)?(?:item\s+)?1[.):]?\s+\S|^\s*#*\s*\**agenda\b", re.I)
_BAD_BODY = re.compile(r"(?:^|\s)(?:from|subject|to|dear|hi)\b\s*:?|:$", re.I)


@dataclass(frozen=True, slots=True)
class TextMasthead:
    body: str
    title: str
    venue: str
    guessed: frozenset[str]


def text_masthead(lines: list[str], body: str, title: str, venue: str) -> TextMasthead:
    """A text or markdown pack's meeting fields, from the lines above its agenda: markdown headings ("# Body",
    "## Board Meeting"), a capitalised name line, and what the sheet says in words (`announced`); an e-mail's
    headers and greeting are not the meeting's. Fields read well already are kept."""
    front: list[str] = []
    for line in lines:
        if _FIRST_ITEM.match(line):
            break
        front.append(line)
    headings: list[tuple[int, str]] = []
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in [*front, ""]:
        text = raw.strip()
        heading = re.match(r"^(#{1,6})\s+(.+)$", text)
        if heading:
            headings.append((len(heading[1]), heading[2].strip(" *")))
        if not text or heading or _RULE.match(text) or _MAIL_HEADER.match(text) or _GREETING.match(text):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            if heading:
                paragraphs.append(heading[2].strip(" *"))
            continue
        if current and (len(current[-1]) < 45 or current[-1].isupper()):
            paragraphs.append(" ".join(current))  # a short line or a name in capitals stands alone
            current = []
        current.append(re.sub(r"\*\*|__", "", text))
    said = announced(paragraphs, body)
    guessed: set[str] = set()
    named = [p for p in paragraphs if p.isupper() and 1 < len(p.split()) <= 8 and not meetingish(p)]
    if not body or len(body) > 80 or _BAD_BODY.search(body):
        body = next((h for level, h in headings if level == 1), "") or (named[0] if named else "") or said.body
        if not body:
            guessed.add("body")
    # The line reader's title stands unless it is no title ("Board members: A, B, C…", an e-mail's subject
    # line, the body's name); then a "## Board Meeting" heading or what the sheet says.
    crowded = bool(said.title and said.venue) and said.venue.casefold() in title.casefold()  # "…, 7.30pm, the Hall"
    if not title or len(title) > 80 or _BAD_BODY.search(title) or title == body or not meetingish(title) or crowded:
        second = next((h for level, h in headings if level == 2 and meetingish(h)), "")
        title = second or said.title or title
        if not (second or said.title) or (not second and said.composed):
            guessed.add("title")
    if not venue and said.venue:
        venue = said.venue
        if said.venue_guessed:
            guessed.add("venue")
    return TextMasthead(_readable(body) if body.isupper() else body, title, venue, frozenset(guessed))
