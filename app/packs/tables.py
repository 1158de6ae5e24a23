"""Tables in a pack's text: the register of interests, the action tracker and the decision planner.

A table is found by its header row: each header cell is given a role by a few keyword
regexes, so column order, extra columns and wording may differ from pack to pack. Rows
keep every cell under its header as written; repeated header rows (a new page) are
skipped, and a header split over two lines (merged cells) is joined.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from app.packs.agenda import norm
from app.packs.dates import draft_date, draft_dates
from app.packs.model import DraftAction, DraftInterest, DraftPerson, DraftPlannerRow

_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_SPACES = re.compile(r"\s{2,}")
_SEPARATOR = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")  # "|---|:--|" in markdown tables
_MAX_BLANKS = 6  # this many blank or stray lines in a row and the table is over
_MAX_CELL_HEADER = 90  # header cells are short

Spec = Sequence[tuple[str, re.Pattern[str]]]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Roles are tried in order, so specific wordings ("Action Owner") come before general ones ("Action").
INTEREST_SPEC: Spec = (
    ("date_declared", _rx(r"date\s+(?:declared|registered|of\s+declaration|notified|updated)|declared\s+on")),
    ("date_from", _rx(r"^(?:date\s+)?(?:from|start(?:ed)?|commenced)\b|^date\s+interest\s+(?:arose|began)")),
    ("date_to", _rx(r"^(?:date\s+)?(?:to|until|end(?:ed)?|ceased)\b")),
    ("non_financial_professional", _rx(r"non[\s-]*(?:financial|pecuniary)\s+professional")),
    ("non_financial_personal", _rx(r"non[\s-]*(?:financial|pecuniary)\s+personal")),
    ("indirect", _rx(r"^indirect\b")),
    ("financial", _rx(r"^(?:direct\s+)?(?:financial|pecuniary)(?:\s+interests?)?$")),
    ("declared", _rx(r"interests?\s+to\s+declare|any\s+interests?|^declared\??$|^nil\s+return")),
    ("interest_type", _rx(r"(?:type|nature|category|kind)\s+of\s+interest|^(?:interest\s+)?(?:type|category)$")),
    ("mitigation", _rx(r"mitigat|action(?:s)?\s+(?:to\s+be\s+)?taken|management\s+of|^actions?$")),
    ("details", _rx(r"details?|description|^interests?(?:\s+declared)?$|^(?:organisation|body)\b")),
    ("surname", _rx(r"^(?:surname|last\s+name|family\s+name)$")),
    ("forename", _rx(r"^(?:forenames?|first\s+names?|given\s+names?)$")),
    ("name", _rx(r"^(?:full\s+)?name(?:\s+of\s+\w+)?$|^(?:member|councillor|cllr|director|governor|trustee)s?$")),
    ("position", _rx(r"position|role|job\s+title|^title$|relationship|designation|^post$")),
)
ACTION_SPEC: Spec = (
    ("owner", _rx(r"owner|^lead|responsib|by\s+whom|^who$|assigned|^officer$")),
    ("number", _rx(r"^(?:action\s+)?(?:no\.?|number|ref(?:erence)?\.?(?:\s+no\.?)?|id|#)$")),
    ("past_deadlines", _rx(r"past\s+deadline|previous\s+deadline|original\s+(?:deadline|due)|revised")),
    ("deadline", _rx(r"deadline|due|by\s+when|target|^by$|completion\s+date")),
    ("meeting_date", _rx(r"meeting|date\s+(?:raised|agreed|added|of\s+meeting)|^date$")),
    ("agenda_item", _rx(r"item|minute|subject|topic|^paper$")),
    ("status", _rx(r"^(?:rag|status|rag\s+status|rating)(?:\s+\w+)?$")),
    ("position", _rx(r"position|update|progress|comment|note")),
    ("action", _rx(r"action|description|task")),
)
PLANNER_SPEC: Spec = (
    ("decision_taker", _rx(r"decision\s*(?:taker|maker|by)|^(?:forum|body|meeting)$")),
    ("date", _rx(r"date|^when$|^month$")),
    ("decision", _rx(r"decision|^purpose$|^action$")),
    ("ref", _rx(r"^ref(?:erence)?\.?(?:\s+no\.?)?$|^no\.?$|^id$")),
    ("status", _rx(r"^status$")),
    ("topic", _rx(r"topic|subject|^item$|^title$|^paper$")),
    ("scope", _rx(r"scope|^place$|^area$")),
    ("sponsor", _rx(r"sponsor|executive\s+lead|^lead$")),
    ("contact", _rx(r"contact|author")),
)

_TRUE = re.compile(r"^(?:y|yes|x|true|1|[\u2713\u2714\u2611\u2612])\.?$", re.I)
_ACTION_NUMBER = re.compile(r"^[A-Z]{0,4}[\s.-]?\d{1,5}(?:[./-]\d{1,4}){0,2}[a-z]?\.?$", re.I)
_RAG = {"red": "red", "amber": "amber", "green": "green", "blue": "blue", "black": "black"}
_RAG_WORDS = (
    (re.compile(r"\b(?:complete[d]?|closed?|done|achieved)\b", re.I), "green"),
    (re.compile(r"\bnot\s+yet\s+due\b", re.I), "blue"),
    (re.compile(r"\b(?:in\s+progress|on\s+track|ongoing)\b", re.I), "amber"),
    (re.compile(r"\bescalated\b", re.I), "black"),
    (re.compile(r"\b(?:overdue|outstanding|off\s+track|late)\b", re.I), "red"),
)
_OWNER_SPLIT = re.compile(r"\s*(?:/|&|\+|;|,|\band\b|\n)\s*", re.I)
_CAP_WORD = re.compile(r"^[A-Z][a-z'\u2019-]+$")


def _clean(line: str) -> str:
    if "<" in line:
        line = _TAG.sub(" ", line)
    return html.unescape(line).replace("**", "")


def _may_split(clean: str) -> bool:
    """Whether a cleaned line can give two or more cells; cheap, for skipping prose."""
    if "\t" in clean or clean.count("|") >= 2:
        return True
    if clean.isascii() and clean.isprintable():  # the only whitespace is " "
        return "  " in clean.strip()
    return _SPACES.search(clean.strip()) is not None


def _split(clean: str) -> list[str]:
    if "\t" in clean:
        parts = clean.split("\t")
    elif clean.count("|") >= 2:
        parts = clean.strip().strip("|").split("|")
    else:
        parts = _SPACES.split(clean.strip())
    return [" ".join(p.split()) for p in parts]


def columns(line: str) -> list[str]:
    """A line's cells with empty cells kept: tabs, else `|` pipes, else runs of 2+ spaces."""
    return _split(_clean(line))


def _roles(row: list[str], spec: Spec) -> dict[int, str]:
    """Column index -> role for a header row (each role used once)."""
    out: dict[int, str] = {}
    used: set[str] = set()
    for index, cell in enumerate(row):
        text = norm(cell).strip(" :*")
        if not text or len(text) > _MAX_CELL_HEADER:
            continue
        for role, rx in spec:
            if role not in used and rx.search(text):
                out[index] = role
                used.add(role)
                break
    return out


@dataclass(slots=True)
class _Header:
    cells: list[str]
    roles: dict[int, str]
    spans: list[tuple[int, str]] | None = None  # where each cell starts, in a table laid out with spaces


def _is_header(row: list[str], spec: Spec, required: Sequence[Sequence[str]], least: int) -> dict[int, str] | None:
    filled = [c for c in row if c]
    if len(filled) < least or any(len(c) > _MAX_CELL_HEADER for c in filled):
        return None  # prose, or a data row with long cells: cheap to rule out
    roles = _roles(row, spec)
    # A header names at least `least` roles, most of its cells are known, and it has each required role.
    if len(roles) < least or len(roles) * 3 < len(filled) * 2:
        return None
    named = set(roles.values())
    if not all(any(r in named for r in group) for group in required):
        return None
    return roles


def _continuation(header: _Header, row: list[str], spec: Spec) -> bool:
    """Fill the header's empty columns from a second header line (merged cells), in order."""
    filled = [c for c in row if c]
    if not filled or len(filled) > len(header.cells):
        return False
    roles = _roles(filled, spec)
    if len(roles) < len(filled):
        return False
    named = set(header.roles.values())
    new = [(filled[i], role) for i, role in sorted(roles.items()) if role not in named]
    gaps = [i for i in range(len(header.cells)) if not header.cells[i] and i not in header.roles]
    for (text, role), index in zip(new, gaps, strict=False):
        header.roles[index] = role
        header.cells[index] = text
    return True


class TableLines:
    """A pack's lines prepared once for the table scans: which lines can hold two or more cells."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.candidates = [i for i, line in enumerate(lines) if _may_split_raw(line) and _may_split(_clean(line))]


def _may_split_raw(line: str) -> bool:
    """A quick, generous `_may_split` on the raw line: false only for plain prose."""
    if not (line.isascii() and line.isprintable()):
        return True
    return line.count("|") >= 2 or "  " in line or " **" in line or "<" in line or "&" in line


def scan(
    lines: Sequence[str] | TableLines,
    spec: Spec,
    required: Sequence[Sequence[str]],
    least: int = 3,
    wrapped: bool = False,
) -> Iterator[tuple[dict[str, str], tuple[tuple[str, str], ...]]]:
    """Each data row of each table with a header matching `spec`: (role -> cell, (header, cell) pairs).

    With `wrapped`, a table laid out with spaces (a PDF's text) may have cells that wrap: a line whose cells
    start where the row above has cells continues those cells, and a header line below the header ("No"
    under "Action") joins the header cell it sits under.
    """
    prepared = lines if isinstance(lines, TableLines) else TableLines(lines)
    source, candidates = prepared.lines, prepared.candidates
    header: _Header | None = None
    stray = 0
    just_header = False
    held: _Held | None = None  # with `wrapped`, the last row waits for the lines that continue it
    index = next_candidate = 0
    while index < len(source):
        if header is None:  # outside a table only lines that can split matter: jump to the next one
            if held is not None:
                yield held.values(), held.pairs()
                held = None
            while next_candidate < len(candidates) and candidates[next_candidate] < index:
                next_candidate += 1
            if next_candidate == len(candidates):
                return
            index = candidates[next_candidate]
        line = source[index]
        index += 1
        clean = _clean(line)
        if not line.strip() or _SEPARATOR.match(line):
            if header is not None:
                stray += 1
                if stray > _MAX_BLANKS:
                    header = None
            continue
        row = _split(clean)
        spans = _spans(clean) if wrapped else None
        roles = _is_header(row, spec, required, least)
        if roles is not None:
            if header is not None and just_header and _continuation(header, row, spec):
                continue
            if held is not None:
                yield held.values(), held.pairs()
                held = None
            header, stray, just_header = _Header(list(row), roles, spans), 0, True
            continue
        if header is None:
            continue
        if just_header and spans and header.spans and _under_header(header, spans, spec):
            just_header = False
            continue
        if just_header and _continuation(header, row, spec):
            just_header = False
            continue
        just_header = False
        if held is not None and spans and held.continues(spans, stray):
            continue
        if sum(1 for c in row if c) < 2 or len(row) < max(2, len(header.roles) // 2):
            stray += 1
            if stray > _MAX_BLANKS or (len(row) == 1 and len(row[0]) < 120):
                header = None  # a heading or paragraph: the table is over
            continue
        stray = 0
        if held is not None:
            yield held.values(), held.pairs()
            held = None
        if spans is not None and len(spans) == len(row):
            held = _Held(header, row, spans)
            continue
        yield _Held(header, row, None).values(), _Held(header, row, None).pairs()
    if held is not None:
        yield held.values(), held.pairs()


def _spans(clean: str) -> list[tuple[int, str]] | None:
    """(start, text) of each cell of a line laid out with spaces; None for tab or pipe tables."""
    if "\t" in clean or clean.count("|") >= 2:
        return None
    return [(m.start(), " ".join(m.group().split())) for m in re.finditer(r"\S+(?: \S+)*", clean)]


def _centre(span: tuple[int, str]) -> float:
    return span[0] + len(span[1]) / 2


def _under_header(header: _Header, spans: list[tuple[int, str]], spec: Spec) -> bool:
    """A second header line laid out with spaces: each word joins the header cell it sits under."""
    above = header.spans or []
    cells = list(header.cells)
    if not above or len(above) != len(cells):
        return False
    for span in spans:
        nearest = min(range(len(cells)), key=lambda i: abs(_centre(above[i]) - _centre(span)))
        cells[nearest] = f"{cells[nearest]} {span[1]}".strip()
    roles = _roles(cells, spec)
    if len(roles) < len(header.roles):
        return False
    header.cells, header.roles = cells, roles
    return True


_ALIGN = 2  # characters: a wrapped cell starts where its column does


class _Held:
    """A data row whose cells may continue on the next lines."""

    def __init__(self, header: _Header, row: list[str], spans: list[tuple[int, str]] | None) -> None:
        self.header = header
        self.row = list(row)
        self.spans = spans

    def continues(self, spans: list[tuple[int, str]], stray: int) -> bool:
        """Append a line whose every cell starts where one of this row's cells starts (a wrapped cell)."""
        if self.spans is None or stray or len(spans) >= len(self.spans):
            return False
        columns = []
        for start, _text in spans:
            column = next((i for i, (s, _t) in enumerate(self.spans) if abs(s - start) <= _ALIGN), None)
            if column is None or column == 0:
                return False  # a new row starts in the first column
            columns.append(column)
        for (_start, text), column in zip(spans, columns, strict=True):
            self.row[column] = f"{self.row[column]} {text}".strip()
        return True

    def values(self) -> dict[str, str]:
        header, row = self.header, self.row
        values = {role: row[i] for i, role in header.roles.items() if i < len(row)}
        # A cell repeating its column's header (a header cell leaked into a row) is empty.
        for i, role in header.roles.items():
            if i < len(row) and row[i] and norm(row[i]).casefold() == norm(header.cells[i]).casefold():
                values[role] = ""
        return values

    def pairs(self) -> tuple[tuple[str, str], ...]:
        header, row = self.header, self.row
        return tuple(
            (header.cells[i] if i < len(header.cells) else "", cell)
            for i, cell in enumerate(row)
            if cell or i < len(header.cells)
        )


def _flag(text: str) -> bool:
    return bool(_TRUE.match(norm(text).strip()))


def find_interests(lines: Sequence[str] | TableLines) -> list[DraftInterest]:
    """Rows of registers of interests: a header with a name and an interest column."""
    out: list[DraftInterest] = []
    required = (("surname", "name"), ("details", "financial", "interest_type", "declared"))
    for v, pairs in scan(lines, INTEREST_SPEC, required):
        surname, forename, full = v.get("surname", ""), v.get("forename", ""), v.get("name", "")
        name = full or " ".join(p for p in (forename, surname) if p)
        if not name or not re.search(r"[^\W\d_]", name):
            continue
        kind = norm(v.get("interest_type", "")).lower()
        out.append(
            DraftInterest(
                name=name,
                surname=surname,
                forename=forename,
                position=v.get("position", ""),
                declared=v.get("declared", ""),
                financial=_flag(v.get("financial", ""))
                or bool(re.search(r"(?<!non-)(?<!non )\b(?:financial|pecuniary)", kind)),
                non_financial_professional=_flag(v.get("non_financial_professional", ""))
                or bool(re.search(r"non[\s-]*(?:financial|pecuniary)\s+professional", kind)),
                non_financial_personal=_flag(v.get("non_financial_personal", ""))
                or bool(re.search(r"non[\s-]*(?:financial|pecuniary)\s+personal", kind)),
                indirect=_flag(v.get("indirect", "")) or "indirect" in kind,
                interest_type=v.get("interest_type", ""),
                details=v.get("details", ""),
                date_from=draft_date(v.get("date_from", "")),
                date_to=draft_date(v.get("date_to", "")),
                mitigation=v.get("mitigation", ""),
                date_declared=draft_date(v.get("date_declared", "")),
                columns=pairs,
            )
        )
    return out


def rag_of(status: str) -> str:
    text = norm(status).lower()
    for word in re.findall(r"[a-z]+", text):
        if word in _RAG:
            return _RAG[word]
    for rx, colour in _RAG_WORDS:
        if rx.search(text):
            return colour
    return ""


def split_owners(text: str, known: Sequence[str] = ()) -> tuple[tuple[str, ...], bool]:
    """Owners from an owner cell, and whether the split was guessed.

    Cells are split on "/", "&", "and", commas; names run together without a separator
    ("Jane Smith Alan Jones") are split at people known from the pack, then in pairs.
    """
    parts = [p.strip(" .") for p in _OWNER_SPLIT.split(text) if p.strip(" .")]
    owners: list[str] = []
    guessed = False
    for part in parts:
        words = part.split()
        if len(words) < 4 or not all(_CAP_WORD.match(w) for w in words):
            owners.append(part)
            continue
        pieces = _split_known(part, known)
        if len(pieces) == 1 and len(words) % 2 == 0:
            pieces = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
        guessed = guessed or len(pieces) > 1
        owners += pieces
    return tuple(owners), guessed


def _split_known(text: str, known: Sequence[str]) -> list[str]:
    """Split `text` around the names in `known` that it contains (close spellings count)."""
    words = text.split()
    out: list[str] = []
    start = index = 0
    while index < len(words):
        for size in (3, 2):
            chunk = " ".join(words[index : index + size])
            if len(words[index : index + size]) == size and any(fuzz.ratio(chunk, k) >= 85 for k in known):
                if start < index:
                    out.append(" ".join(words[start:index]))
                out.append(chunk)
                index += size
                start = index
                break
        else:
            index += 1
    if start < len(words):
        out.append(" ".join(words[start:]))
    return out


def find_actions(lines: Sequence[str] | TableLines, people: Sequence[DraftPerson] = ()) -> list[DraftAction]:
    """Rows of action trackers and logs: a header with an action and an owner or a deadline column."""
    known = [re.sub(r"^(?:Dr|Cllr|Prof|Mr|Mrs|Ms|Miss|Sir|Dame|Rev)\.?\s+", "", p.name) for p in people]
    out: list[DraftAction] = []
    required = (("action",), ("owner", "deadline"))
    for v, pairs in scan(lines, ACTION_SPEC, required, wrapped=True):
        number = v.get("number", "").strip()
        action = v.get("action", "")
        if number and not _ACTION_NUMBER.match(number):
            continue
        if not action or not re.search(r"[^\W\d_]{2}", action):
            continue
        owners, guessed = split_owners(v.get("owner", ""), known)
        past = v.get("past_deadlines", "")
        status = v.get("status", "")
        out.append(
            DraftAction(
                number=number.rstrip("."),
                action=action,
                owners=owners,
                owner_text=v.get("owner", ""),
                meeting_date=draft_date(v.get("meeting_date", "")),
                agenda_item=v.get("agenda_item", ""),
                past_deadlines=draft_dates(past) if past else (),
                past_deadlines_text=past,
                deadline=draft_date(v.get("deadline", "")),
                position=v.get("position", ""),
                status=status,
                rag=rag_of(status),
                columns=pairs,
                uncertain=frozenset({"owners"} if guessed else set()) | ({"number"} if not number else set()),
            )
        )
    return out


def find_planner(lines: Sequence[str] | TableLines) -> list[DraftPlannerRow]:
    """Rows of decision (forward) planners: a header with a decision and a topic or date column."""
    out: list[DraftPlannerRow] = []
    for v, pairs in scan(lines, PLANNER_SPEC, (("decision", "decision_taker"), ("topic", "ref"), ("date",)), least=4):
        topic = v.get("topic", "") or v.get("decision", "")
        if not topic or not re.search(r"[^\W\d_]{2}", topic):
            continue
        out.append(
            DraftPlannerRow(
                topic=topic,
                status=v.get("status", ""),
                ref=v.get("ref", ""),
                decision=v.get("decision", ""),
                decision_taker=v.get("decision_taker", ""),
                scope=v.get("scope", ""),
                date=draft_date(v.get("date", "")),
                sponsor=v.get("sponsor", ""),
                contact=v.get("contact", ""),
                columns=pairs,
            )
        )
    return out
