"""Actions recorded in minutes: "ACTION: AB to …" lines, "Actions" lists, action columns and margin initials.

Owners are matched to the people the attendance lists, by their printed initials, the initials of their name
or their name written in full (or a first name or surname that only one of them has); never by a near
spelling. An owner no one matches is kept as written and marked uncertain.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.packs.dates import draft_date, parse_loose_date
from app.packs.layout import Line, PageLayout
from app.packs.model import DraftAction, DraftDate, DraftPerson
from app.packs.people import clean, initials_of, is_name, name_key, split_cells, split_title, unbullet

_COLLECTIVE = re.compile(
    r"^(?:all|everyone|everybody|all\s+members|members|committee|the\s+committee|board|the\s+board|others?|"
    r"officers|trustees|directors|governors|team|the\s+team|people|chair|the\s+chair|chairman|clerk|the\s+clerk|"
    r"secretary|the\s+secretary|treasurer|the\s+treasurer|vice[\s-]chair|tbc|tba|n/?a)$",
    re.I,
)
_OWNER_SPLIT = re.compile(r"\s*(?:/|&|\+|,|;|\band\b)\s*", re.I)
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,2}[A-Z](?:_\w+)?$|^[A-Z]{2,4}$")

# "ACTION: AB to circulate", "ACTION AB: circulate", "Action – AB/CD", "Actions: the clerk to write".
_ACTION_LINE = re.compile(r"^(?P<word>ACTIONS?|Actions?)\b(?:\s+(?:by|for|on))?\s*(?P<after>.*)$")
_NOT_AN_ACTION = re.compile(
    r"^(?:required|requested|proposed|plan|points?|log|tracker|list|items?|taken|summary|sheet|notes?)\b"
    r"|^[:\-–]?\s*(?:for|to)\s+(?:note|noting|approve|approval|decision|discussion|information|assurance|agree|"
    r"endorse|ratify|consider|receive)\b",
    re.I,
)
_INLINE_ACTION = re.compile(
    r"(?:^|[.;!?)]\s+|\s[-–—]\s)\(?(?P<word>ACTIONS?|Actions?)(?:\s*:|\s+[A-Z][A-Za-z/&+, ]{0,30}:)"
)
_SECTION = re.compile(
    r"^(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]+\.)\s*)?(?:new\s+|agreed\s+|summary\s+of\s+|list\s+of\s+|key\s+)?"
    r"actions?(?:\s+(?:items?|list|points?|agreed|arising|summary|log|register))?"
    r"(?:\s+(?:arising\s+)?(?:from|of)\s+(?:the\s+|this\s+|last\s+|previous\s+)*meetings?\b[^:]{0,40})?\s*:?$",
    re.I,
)
_ITEM_MARK = re.compile(r"^\s*(?:(?P<number>\d{1,3})[.)]|[-*•●○■□▪◦‣·–—]|o(?=\s))\s*")
_TO = re.compile(r"^(?P<owner>.{1,80}?)\s+(?:to|will|shall|should)\s+(?P<task>\S.*)$")
_SEPARATED = re.compile(r"^(?P<owner>[^:–—]{1,60}?)\s*(?:\s[-–—]\s|:\s)\s*(?P<task>\S.*)$")
_MARGIN = re.compile(r"^(?P<text>\S.*?\S)\s{4,}(?P<owner>[A-Z][A-Za-z]{0,9}(?:\s*[/,&]\s*[A-Z][A-Za-z]{0,9}){0,3})$")
# A deadline closing the task: "by 31 January 2025", "by 3 April", "by 28/02/2025".
_DUE = re.compile(
    r"\s+by\s+(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?|\d{1,2}/\d{1,2}/\d{2,4})\.?$"
)
_ARROW = re.compile(r"^\s*[→⇒➔➜➝➞]\s*(?=[A-Z][A-Za-z]{0,2}[A-Z]?\s*:)")  # "→ AB: …", an action marked by an arrow
_ATTENDANCE_LABEL = re.compile(r"^(?:present|in\s+attendance|also\s+present|attendees|apologies|absent)\s*:\s*", re.I)
_MAX_SECTION_LINES = 120
_LABEL_INDENT = 2  # a minute's number starts at the margin
_SECTION_INDENT = 40  # an "Actions" heading indented further is a column header
# The number a minute starts with ("25/064:", "FGB/24/33", "TB25/012", "84.", "3."): which minute an action is in.
_MINUTE_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][A-Za-z]{0,4}\d{0,4}[/.-]?)?\d{1,4}(?:[/.]\d{1,4}){0,2}[a-z]?)[.:)]?(?=\s+\S)"
)
_HTML_BLOCK = re.compile(r"</?(?:p|ul|ol|li|br|div|tr|td|th|h[1-6])\b[^<>]{0,200}>", re.I)


@dataclass(frozen=True, slots=True)
class _Owners:
    names: tuple[str, ...]
    uncertain: bool


class _People:
    """Who an owner token names: by initials, full name, or a first name or surname only one person has."""

    def __init__(self, people: Sequence[DraftPerson]) -> None:
        self.by_initials: dict[str, set[str]] = {}
        self.by_name: dict[str, set[str]] = {}
        self.by_role: dict[str, set[str]] = {}  # "Clerk" names the one person listed as the clerk
        self.role_of = {p.name: p.role for p in people}
        printed = {p.initials for p in people if p.initials}
        for person in people:
            name = person.name
            if person.initials:
                self.by_initials.setdefault(person.initials, set()).add(name)
            for initials in initials_of(name):
                if initials not in printed:
                    self.by_initials.setdefault(initials, set()).add(name)
            if person.role:
                self.by_role.setdefault(_role_key(person.role), set()).add(name)
                acronym = "".join(w[0] for w in person.role.split() if w[:1].isupper())
                if len(acronym) >= 2 and acronym == "".join(w[0] for w in person.role.split() if w[:1].isalpha()):
                    self.by_role.setdefault(acronym.casefold(), set()).add(name)  # RFO: Responsible Financial Officer
            key = name_key(name)
            words = key.split()
            variants = {key, words[0], words[-1], f"{words[0]} {words[-1]}"} if words else set()
            for variant in variants:
                self.by_name.setdefault(variant, set()).add(name)

    def __bool__(self) -> bool:
        return bool(self.by_name)

    def who(self, token: str) -> str | None:
        token = token.strip(" .()")
        if _INITIALS.match(token):
            hits = self.by_initials.get(token.split("_")[0], set()) or self.by_role.get(token.casefold(), set())
        else:
            hits = self.by_name.get(name_key(token), set())
        return next(iter(hits)) if len(hits) == 1 else None


def _role_key(role: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(role.casefold().split()))


def _owners(text: str, people: _People) -> _Owners | None:
    """The owners an owner phrase names, or None if the phrase is not a list of owners."""
    text = text.strip()
    if re.fullmatch(r"\([^()]*\)", text):
        text = text[1:-1]  # "Action (AB): …": the owner in brackets
    text = re.sub(r"\s*\([^()]*\)", "", text).strip(" .:")
    if not text or len(text) > 80:
        return None
    parts = [p for p in _OWNER_SPLIT.split(text) if p.strip()]
    names: list[str] = []
    uncertain = False
    for part in parts:
        part = part.strip()
        if _COLLECTIVE.match(part):
            holder = people.by_role.get(_role_key(part), set())
            names.append(next(iter(holder)) if len(holder) == 1 else part)
            continue
        who = people.who(part)
        holder = people.by_role.get(_role_key(part), set())
        if who is None and len(holder) == 1:
            who = next(iter(holder))  # "Action: Town Clerk", the role of one listed person
        if who is not None:
            names.append(who)
        elif _INITIALS.match(part) or is_name(part):
            names.append(part)
            uncertain = True
        else:
            return None
    return _Owners(tuple(names), uncertain) if names else None


def _action(
    number: str, task: str, owner_text: str, owners: _Owners | None, agenda_item: str, guessed: set[str]
) -> DraftAction:
    uncertain = set(guessed)
    if owners is None or owners.uncertain or not owners.names:
        uncertain.add("owners")
    if not number:
        uncertain.add("number")
    task = " ".join(task.split())
    deadline = DraftDate()
    due = _DUE.search(task)
    if due is not None and parse_loose_date(due["date"]) is not None:
        task, deadline = task[: due.start()], draft_date(due["date"])  # "… to the parish councils by 31 January 2025"
    return DraftAction(
        number=number,
        action=re.sub(r"^to\s+", "", task),
        deadline=deadline,
        owners=owners.names if owners else (),
        owner_text=re.sub(r"^\((.*)\)$", r"\1", " ".join(owner_text.split())),
        agenda_item=agenda_item,
        uncertain=frozenset(uncertain),
    )


def _split_task(text: str, people: _People) -> tuple[str, str, _Owners | None]:
    """(owner as written, task, owners) from "AB to do X", "Ann Lee - do X", "AB: do X"; no owner if none reads."""
    for rx in (_SEPARATED, _TO):
        match = rx.match(text)
        if match:
            owners = _owners(match["owner"], people)
            if owners is not None:
                return match["owner"], match["task"], owners
    return "", text, None


def _paragraphs(lines: Sequence[str]) -> tuple[list[str], list[int]]:
    """Lines with HTML paragraphs split apart ("<p>ACTION: …</p>" inside a table cell), cleaned, and the
    index of the line each came from."""
    out: list[str] = []
    rows: list[int] = []
    for row, raw in enumerate(lines):
        if "<" in raw and _HTML_BLOCK.search(raw):
            parts = [clean(part) for part in _HTML_BLOCK.split(raw)]
        else:
            parts = [clean(raw)]
        out += parts
        rows += [row] * len(parts)
    return out, rows


def _column_owners(raw: str, people: _People) -> list[tuple[str, _Owners]]:
    """The owners in a minutes table's last column ("…minute text…<TAB>AB"), one per paragraph of the cell."""
    cells = raw.split("\t")
    if len(cells) < 3 or len(" ".join(cells[1:-1]).split()) < 12:
        return []  # a minutes row has a long minute cell; attendance and agenda rows do not
    out = []
    for part in _HTML_BLOCK.split(cells[-1]):
        text = clean(part).strip()
        if not text:
            continue
        owners = _owners(text, people)
        if owners is None or (owners.uncertain and not all(_INITIALS.match(t) for t in _OWNER_SPLIT.split(text))):
            return []
        out.append((text, owners))
    return out


def read_minutes(
    lines: Sequence[str], people: Sequence[DraftPerson], tracker: Sequence[DraftAction] = ()
) -> tuple[tuple[DraftPerson, ...], tuple[DraftAction, ...]]:
    """The minutes' actions, and the people with the initials those actions print for them."""
    actions = find_minute_actions(lines, people, tracker)
    return tuple(with_action_initials(people, actions, lines)), tuple(actions)


def with_action_initials(
    people: Sequence[DraftPerson], actions: Sequence[DraftAction], lines: Sequence[str] = ()
) -> list[DraftPerson]:
    """People whose initials the attendance does not print, with the initials the minutes use for them: an
    action's owner ("JS" in the action column for "Cllr J Smith") or the subject of a sentence ("PH
    presented the report"); only initials that are theirs and no one else's."""
    known = _People(people)
    given: dict[str, set[str]] = {}
    for line in lines:
        for match in _SUBJECT_INITIALS.finditer(line):
            owner = known.who(match["initials"])
            if owner is not None and match["initials"] in initials_of(owner):
                given.setdefault(owner, set()).add(match["initials"])
    for action in actions:
        parts = [p.strip(" .") for p in _OWNER_SPLIT.split(re.sub(r"\s*\([^()]*\)", "", action.owner_text))]
        if len(parts) != len(action.owners):
            continue
        for part, owner in zip(parts, action.owners, strict=True):
            if _INITIALS.match(part) and part in initials_of(owner) and known.who(part) == owner:
                given.setdefault(owner, set()).add(part)
    return [
        replace(p, initials=next(iter(given[p.name]))) if not p.initials and len(given.get(p.name, ())) == 1 else p
        for p in people
    ]


def find_minute_actions(
    lines: Sequence[str], people: Sequence[DraftPerson] = (), tracker: Sequence[DraftAction] = ()
) -> list[DraftAction]:
    """The actions the minutes in `lines` record, in the order written.

    Each takes the number of the minute it sits under; an action log row (`tracker`) with the same text gives
    its own number, minute and deadline.
    """
    known = _People(people)
    text, rows = _paragraphs(lines)
    names = {name_key(p.name) for p in people}
    found: list[tuple[int, DraftAction]] = []
    unmarked: list[tuple[int, DraftAction]] = []  # tasks agreed in a sentence, without an action mark
    minute = ""
    index = 0
    # Indents from where the minutes' numbers stand (a page's margin comes through as spaces).
    at = Counter(len(t) - len(t.lstrip()) for t in text if _MINUTE_LABEL.match(t.lstrip()))
    margin = at.most_common(1)[0][0] if at else 0
    while index < len(text):
        line = unbullet(text[index]).strip()
        indent = len(text[index]) - len(text[index].lstrip()) - margin
        if _SECTION.match(line) and indent < _SECTION_INDENT:  # far right, it heads an action column
            section, after = _section(text, index + 1, known)
            if section:
                # An "Actions arising" box indented inside a minute: its actions are that minute's.
                inside = indent > _LABEL_INDENT and minute
                found += [(-1, _under_minute(a, minute) if inside else a) for a in section]
                index = after
                continue
        starts_row = index == 0 or rows[index - 1] != rows[index]  # not a paragraph inside a table cell
        whole = text[index] if index + 1 == len(rows) or rows[index + 1] != rows[index] else clean(lines[rows[index]])
        whole = whole.lstrip() if indent <= _LABEL_INDENT else whole
        label = _MINUTE_LABEL.match(whole.replace("\t", "  ")) if starts_row and whole[:1].isalnum() else None
        if label and indent <= _LABEL_INDENT:  # an indented "1." is a list in the minute
            minute = label["label"]
        action = _action_line(text, index, known) or _margin(text, index, known, names)
        if action is not None:
            found.append((rows[index], _under_minute(action, minute)))
        elif (agreed := _agreed(text, index, known)) is not None:
            unmarked.append((rows[index], _under_minute(agreed, minute)))
        index += 1
    marked = [a for _, a in found]
    for row, action in unmarked:
        if not _said_twice(action, marked):  # in the order written, among the marked ones
            place = next((i for i, (r, _) in enumerate(found) if r > row), len(found))
            found.insert(place, (row, action))
    return _with_tracker(_with_column_owners(lines, found, known), tracker)


# "Pauline agreed to write to the insurers …": one listed person taking on a task in the minutes' prose.
_AGREED = re.compile(
    r"(?:^|[.;]\s+)(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:agreed|undertook|offered|volunteered)"
    r"\s+to\s+(?P<task>[a-z].*)$"
)


def _agreed(text: list[str], index: int, people: _People) -> DraftAction | None:
    """A task a person listed in the attendance agreed to take on, in a sentence of the minutes (no action mark):
    an action whose wording is a guess."""
    if "agreed" not in text[index] and "took" not in text[index] and "offered" not in text[index]:
        return None
    match = _AGREED.search(text[index].strip())
    if match is None or people.who(match["owner"]) is None:
        return None
    task = _wrapped(text, index, match["task"])
    task = _SENTENCE.split(task)[0]
    owners = _owners(match["owner"], people)
    return _action("", task, match["owner"], owners, "", {"action"}) if owners else None


def _said_twice(action: DraftAction, marked: list[DraftAction]) -> bool:
    """An action read from a sentence that an action mark also gives (the same owners and wording)."""
    words = _text_key(action.action)
    return any(
        set(o.owners) & set(action.owners) and (words[-30:] in (other := _text_key(o.action)) or other[-30:] in words)
        for o in marked
    )


def _under_minute(action: DraftAction, minute: str) -> DraftAction:
    """An action written in a minute takes that minute's number."""
    if not minute or action.number:
        return action
    return replace(action, number=minute, agenda_item=minute, uncertain=action.uncertain - {"number"})


def _text_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _with_tracker(actions: list[DraftAction], tracker: Sequence[DraftAction]) -> list[DraftAction]:
    """Actions whose text is an action log row's take the row's number, minute and deadline."""
    rows = {_text_key(row.action): row for row in tracker if row.action}
    out = []
    for action in actions:
        row = rows.get(_text_key(action.action))
        if row is not None:
            action = replace(
                action,
                number=row.number or action.number,
                agenda_item=row.agenda_item or action.agenda_item,
                deadline=row.deadline,
                status=row.status,
                rag=row.rag,
                uncertain=action.uncertain - ({"number"} if row.number else set()),
            )
        out.append(action)
    return out


def _with_column_owners(
    lines: Sequence[str], found: list[tuple[int, DraftAction]], people: _People
) -> list[DraftAction]:
    """Ownerless actions in a minutes table row take the owners its action column names, in order."""
    out: list[DraftAction] = []
    by_row: dict[int, list[int]] = {}
    for position, (row, action) in enumerate(found):
        out.append(action)
        if row >= 0 and not action.owners:
            by_row.setdefault(row, []).append(position)
    for row, positions in by_row.items():
        column = _column_owners(lines[row], people)
        if not column or (len(column) != len(positions) and len(column) != 1):
            continue
        for n, position in enumerate(positions):
            written, owners = column[n if len(column) > 1 else 0]
            action = out[position]
            uncertain = set(action.uncertain) - {"owners"} | ({"owners"} if owners.uncertain else set())
            out[position] = _replace_owners(action, written, owners, uncertain)
    return out


def _replace_owners(action: DraftAction, written: str, owners: _Owners, uncertain: set[str]) -> DraftAction:
    return replace(action, owners=owners.names, owner_text=written, uncertain=frozenset(uncertain))


def _section(text: list[str], start: int, people: _People) -> tuple[list[DraftAction], int]:
    """The items of an "Actions" list from `start`; ends at a gap, a heading or a line that is not an item."""
    items: list[tuple[str, str]] = []  # (number, text)
    blanks = 0
    index = start
    indent: int | None = None
    marked = False  # every item so far has a bullet or a number
    while index < len(text) and index - start < _MAX_SECTION_LINES:
        raw = text[index]
        if not raw.strip():
            blanks += 1
            if blanks > 2 and items:
                break
            index += 1
            continue
        mark = _ITEM_MARK.match(raw)
        body = raw[mark.end() :].strip() if mark else raw.strip()
        if not items and len(split_cells(body)) >= 3:
            break  # a table: the action log scan reads it
        if items and not mark and blanks and marked:
            break  # a list of bullets or numbers is over when a plain paragraph follows it
        lead = len(raw) - len(raw.lstrip())
        if items and mark and indent is not None and lead < indent and not _split_task(body, people)[2]:
            break  # the next minute's number, left of the list's bullets: the list was inside the minute
        if mark or ((not items or blanks or _split_task(body, people)[2] is not None) and _reads_as_item(body, people)):
            marked = bool(mark) and (marked or not items)
            items.append((mark["number"] or "" if mark else "", body))
            indent = lead
        elif items and not blanks and (lead > (indent or 0) or body[:1].islower()):
            number, previous = items[-1]
            items[-1] = (number, f"{previous} {body}")  # a wrapped item
        else:
            break
        blanks = 0
        index += 1
    out = []
    for number, body in items:
        owner, task, owners = _split_task(body, people)
        out.append(_action(number, task, owner, owners, "", set()))
    return out, index


def _reads_as_item(body: str, people: _People) -> bool:
    """An unmarked line in an actions list: it names an owner, or reads as a task."""
    if _split_task(body, people)[2] is not None:
        return True
    return (
        len(body.split()) >= 3 and not body.endswith(":") and _SECTION.match(body) is None and people.who(body) is None
    )


def _action_line(text: list[str], index: int, people: _People) -> DraftAction | None:
    """An "ACTION …" line, or a sentence ending in "Action: AB to …", with the lines it wraps onto."""
    arrow = _ARROW.match(text[index])
    if "ction" not in text[index] and "CTION" not in text[index] and arrow is None:
        return None  # the word is in neither form (a quick test: most lines are not actions)
    # "→ AB: write to …": an arrow marks the action as the word would.
    line = f"ACTION {text[index][arrow.end() :]}".strip() if arrow else unbullet(text[index]).strip()
    match = _ACTION_LINE.match(line)
    before = ""
    if match is None:
        inline = _INLINE_ACTION.search(line)  # "3. Captain's report – … serviced. Action: RP to update the plan."
        if inline is None:
            return None
        before = line[: inline.start("word")].rstrip(" (").strip()
        match = _ACTION_LINE.match(line[inline.start("word") :])
        if match is None:
            return None
    after = match["after"]
    if line[max(0, len(line) - len(match[0]) - 1) : len(line) - len(match[0])] == "(":
        after = after.rstrip().removesuffix(")")  # "… the order. (Action: AB, CD)"
    upper = match["word"].isupper()
    if _NOT_AN_ACTION.match(after.lstrip(" :-–")):
        return None
    body = after.strip()
    # "ACTION AB: do X" / "ACTION AB/CD – do X"
    head = re.match(r"^(?P<owner>[^:–—-]{1,40}?)\s*[:–—-]\s+(?P<task>\S.*)$", body)
    owner_text, task, owners = "", "", None
    if head and not body.startswith((":", "-", "–")):
        owners = _owners(head["owner"], people)
        if owners is not None:
            owner_text, task = head["owner"], _wrapped(text, index, head["task"])
    if owners is None:
        if not body.startswith((":", "-", "–", "—")):
            return None  # "Action plans were discussed": prose, not an action
        rest = body.lstrip(":-–— ").strip()
        if not rest:
            return None
        only = _owners(rest, people)
        if only is not None and len(rest.split()) <= 4:
            owner_text, owners = rest, only  # "Action: Clerk" closes the paragraph above
            task = " ".join(p for p in (_paragraph_before(text, index), before) if p)
            if not task:
                return None
            # The mark closes the sentences above it: the nearest one that gives the owner the task.
            sentence = _owned_sentence(task, rest, only, people, nearest_last=True)
            sentence = before if sentence == task and before else sentence
            return _action("", sentence, owner_text, owners, "", {"action"})
        rest = _wrapped(text, index, rest)
        owner_text, task, owners = _split_task(rest, people)
        if owners is None and not upper and len(rest.split()) < 5:
            return None
    cells = split_cells(task)
    if len(cells) > 1 and owners is None:
        column = _owners(cells[-1], people)
        if column is not None:  # the minutes' action column, on the same row
            owner_text, owners, task = cells[-1], column, " ".join(cells[:-1])
    return _action("", task, owner_text, owners, "", set())


def _wrapped(text: list[str], index: int, task: str) -> str:
    """An action's text with the lines it wraps onto: until its sentence ends, a blank line or the next item."""
    parts = [task]
    for follow in text[index + 1 : index + 4]:
        line = follow.strip()
        if parts[-1].rstrip().endswith((".", "!", "?", ";")) and not line[:1].islower():
            break
        if not line or _ITEM_MARK.match(follow) or _ACTION_LINE.match(line) or _ARROW.match(line):
            break
        if _minute_heading(line):
            break
        parts.append(line)
    return " ".join(parts)


def _paragraph_before(text: list[str], index: int) -> str:
    parts: list[str] = []
    for back in range(index - 1, max(-1, index - 8), -1):
        if not text[back].strip():
            break
        parts.insert(0, text[back].strip())
    return " ".join(parts)


def _margin(text: list[str], index: int, people: _People, names: set[str]) -> DraftAction | None:
    """Initials at the right margin of a minute ("25/064:  Public Participation      Clerk", then the minute's
    text; or "… will write to the council.      AB" at a paragraph's end)."""
    if not people or "    " not in text[index]:
        return None
    match = _MARGIN.match(text[index].strip())
    if match is None or not re.search(r"\b[a-z]{2,}\b|^\S+\s{2,}\S", match["text"]):
        return None
    cells = [c for c in (re.sub(_ATTENDANCE_LABEL, "", c) for c in split_cells(match["text"])) if c]
    first = cells[0] if cells else ""
    if name_key(first) in names:
        return None  # an attendance row: `Name  Role  Initials`, "Present: Name     Chair"
    owners = _owners(match["owner"], people)
    if owners is None or (owners.uncertain and not all(_COLLECTIVE.match(n) for n in owners.names)):
        return None  # only initials of people the minutes list
    if _MINUTE_LABEL.match(match["text"]) and len(split_cells(match["text"])) >= 2:
        paragraph = _paragraph_after(text, index)  # the owner sits on the minute's heading line
    else:
        start = index
        while start > 0 and text[start - 1].strip() and not _MARGIN.match(text[start - 1].strip()):
            start -= 1
        paragraph = " ".join([t.strip() for t in text[start:index]] + [match["text"]])
    if not paragraph:
        return None
    sentence = _owned_sentence(paragraph, match["owner"], owners, people)
    return _action("", sentence, match["owner"], owners, "", {"action"})


def _paragraph_after(text: list[str], index: int) -> str:
    parts: list[str] = []
    for line in text[index + 1 : index + 12]:
        line = line.strip()
        if not line or _minute_heading(line) or _MARGIN.match(line):
            break
        parts.append(line)
    return " ".join(parts)


def _minute_heading(line: str) -> bool:
    """A line that starts a minute: its number in a cell of its own ("25/037   Finance")."""
    cells = split_cells(line)
    return len(cells) >= 2 and bool(_MINUTE_LABEL.match(cells[0] + " x")) and " " not in cells[0]


_SUBJECT_INITIALS = re.compile(
    r"(?:^\s*|[.;:]\s+)(?P<initials>[A-Z]{2,4})\s+(?:presented|reported|introduced|explained|confirmed|updated|"
    r"noted|said|asked|agreed|gave|thanked|outlined|summarised|summarized|advised|will|to)\b"
)
_FILLER = frozenset({"the", "of", "and", "for", "to", "a", "cllr", "councillor", "mr", "mrs", "ms", "dr"})
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_CLAUSE = re.compile(r"(?<=;)\s+(?=[A-Z])")  # "… still waiting for its glass; AB will chase the joiner."


def _owned_sentence(paragraph: str, written: str, owners: _Owners, people: _People, nearest_last: bool = False) -> str:
    """The sentence of a minute that gives the owner a task ("Cllr Smith to collect the device."), else all of it.

    The sentence's subject must name the owner: a word of their name or role, the owner as written, or the
    initials of the subject's words ("The Responsible Financial Officer" for RFO)."""
    named = {w.casefold() for n in owners.names for w in split_title(n)[1].split()}
    named |= {w.casefold() for n in owners.names for w in people.role_of.get(n, "").split()} - _FILLER
    named |= {w.casefold() for w in written.split()} - _FILLER
    sentences = [clause for sentence in _SENTENCE.split(paragraph) for clause in _CLAUSE.split(sentence)]
    for sentence in reversed(sentences) if nearest_last else sentences:
        head = _TO.match(sentence)
        if head is None or len(head["owner"].split()) > 6:
            continue
        words = [w for w in re.findall(r"[\w'-]+", head["owner"]) if w.casefold() not in _FILLER]
        acronym = "".join(w[0] for w in words if w[:1].isupper())
        if {w.casefold() for w in words} & named or acronym == written or _COLLECTIVE.match(head["owner"]):
            return sentence
    return paragraph


_CELL_GAP_EM = 0.8  # a gap this many font sizes wide between words separates cells (columns, margin initials)
_BLANK_LINES = 1.6  # a gap between lines this many line heights wide is a blank line


def minutes_lines(
    lines: list[str], after: int, pages: Sequence[PageLayout], agenda_last_page: int, count: int
) -> tuple[list[str], int]:
    """The lines attendance and actions are read from, and where the agenda ends in them: the layout's when
    it covers the whole PDF (its words keep the spaces the plain text of some PDFs loses), else `lines`."""
    if not pages or len(pages) != count:
        return lines, after
    text, page_of = layout_lines(pages)
    return text, next((i for i, page in enumerate(page_of) if page > agenda_last_page), len(text))


def layout_lines(pages: Sequence[PageLayout]) -> tuple[list[str], list[int]]:
    """A PDF's layout as fixed-width lines (and the 0-based page of each): each cell at the column its x gives,
    cells at least two spaces apart, and a blank line where the page leaves a gap."""
    sizes = sorted(w.size for page in pages for line in page.lines for w in line.words)
    if not sizes:
        return [], []
    unit = sizes[len(sizes) // 2] * 0.5  # a character's width, about half the body text's size
    left = min(line.x0 for page in pages for line in page.lines)  # the margin is column 0
    out: list[str] = []
    page_of: list[int] = []
    for page in pages:
        previous: Line | None = None
        for line in page.lines:
            if previous is not None and line.top - previous.bottom > _BLANK_LINES * previous.size:
                out.append("")
                page_of.append(page.index)
            text = ""
            for x, cell in line.cells(_CELL_GAP_EM):
                column = round((x - left) / unit)
                text = text + " " * max(column - len(text), 2 if text else 0) + cell
            out.append(text)
            page_of.append(page.index)
            previous = line
        out.append("")
        page_of.append(page.index)
    return out, page_of
