"""Schemas of the JSON file formats Quorate reads, checked with msgspec before any field is used (issue 17).

A file that does not match is refused with one sentence naming the line (replay) or the entry and field (notes),
so no damaged value reaches the code that uses it: `"page": Infinity`, `1e400`, `2**63`, `"item": "3"` where an
object belongs, a lone surrogate, 100,000 levels of nesting, `"count": 10**30`. Numbers are bounded to what a
meeting can hold, texts to what a person types, lists to what a file of one meeting has.

msgspec (not pydantic): one small C extension with no dependencies, strict by default (a string is never taken
as a number), and it decodes and checks in one pass without recursion limits, so deep nesting is an error, not
a crash. Its error paths (`$.annotations[3].page`) name the field.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import msgspec

MAX_TEXT = 10_000_000  # a minute or a note, pasted in whole: far longer than anything typed at a meeting
MAX_NAME = 1_000
MAX_LIST = 100_000
MAX_COUNT = 100_000  # people, votes, members of the public

Count = Annotated[int, msgspec.Meta(ge=0, le=MAX_COUNT)]
Text = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
Name = Annotated[str, msgspec.Meta(max_length=MAX_NAME)]
Label = Name | Annotated[int, msgspec.Meta(ge=-(10**9), le=10**9)]  # "3" or 3, as files write item numbers
Names = Annotated[list[Name], msgspec.Meta(max_length=MAX_LIST)] | Name
NameMap = Annotated[dict[Name, Name], msgspec.Meta(max_length=MAX_LIST)]
Coordinate = Annotated[float, msgspec.Meta(ge=-1e7, le=1e7)]


class SchemaError(ValueError):
    """A file that does not match its schema; `where` names the field (e.g. "annotations[3].page")."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"field “{where}”: {problem}" if where else problem)
        self.where = where
        self.problem = problem


_PATH = re.compile(r" - at `\$\.?(.*)`$")


def _error(exc: msgspec.MsgspecError) -> SchemaError:
    message = str(exc)
    match = _PATH.search(message)
    where = match[1] if match else ""
    problem = message[: match.start()] if match else message
    problem = problem.replace("`", "").replace("Expected", "expected").replace("Object missing", "missing")
    if isinstance(exc, msgspec.DecodeError) and not isinstance(exc, msgspec.ValidationError):
        problem = f"not a JSON object ({problem.removeprefix('JSON is malformed: ').rstrip('.')})"
    return SchemaError(where, problem.rstrip("."))


def decode[T](raw: bytes | str, schema: type[T] | None = None) -> Any:
    """JSON decoded strictly (no NaN or Infinity, no lone surrogates) and, given a `schema`, checked against it in
    the same pass; SchemaError naming the first field that does not fit."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")  # msgspec would raise UnicodeDecodeError itself: say it as the others
        except UnicodeDecodeError as exc:
            raise SchemaError("", f"not UTF-8 text (byte {exc.start + 1})") from None
    try:
        return msgspec.json.decode(raw) if schema is None else msgspec.json.decode(raw, type=schema)
    except msgspec.MsgspecError as exc:
        raise _error(exc) from None
    except RecursionError:  # msgspec's own guard against nesting deeper than Python's recursion limit
        raise SchemaError("", "nested too deeply to be a Quorate file") from None


# -- replay: one event a line (docs/replay.md) -------------------------------------------------------------------


class AgendaEntry(msgspec.Struct):
    number: Label
    title: Text
    time: Name | None = None
    purpose: Name | None = None
    presenter: Name | None = None


class ReplayEvent(msgspec.Struct):
    """Every field any event type takes, each with its type; which fields a type needs is the replay's check."""

    type: Name | None = None  # a missing or unknown type is the replay's own sentence, with the known types
    at: Name | None = None
    person: Name | None = None
    count: Count | None = None
    public: Count | None = None
    present: Names | None = None
    apologies: Names | None = None
    absent: Names | None = None
    deputies: NameMap | None = None
    item: Label | None = None
    reason: Text | None = None
    interest: Text | None = None
    kind: Name | None = None
    conduct: Name | None = None
    add_to_register: bool | None = None
    text: Text | None = None
    append: bool | None = None
    id: Label | None = None
    mover: Name | None = None
    seconder: Name | None = None
    amends: Label | None = None
    motion: Label | None = None
    votes_for: Count | None = msgspec.field(default=None, name="for")
    against: Count | None = None
    abstain: Count | None = None
    did_not_vote: Count | None = None
    ballots: NameMap | None = None
    despite_inquorate: bool | None = None
    ballot: Name | None = None
    outcome: Name | None = None
    minority_view: Text | None = None
    number: Label | None = None
    owners: Names | None = None
    due: Name | None = None
    action: Label | None = None
    status: Name | None = None
    rag: Name | None = None
    note: Text | None = None
    what: Name | None = None
    wording: Text | None = None
    pin: Name | None = None
    title: Text | None = None
    date: Name | None = None
    start: Name | None = None
    venue: Text | None = None
    agenda: Annotated[list[AgendaEntry], msgspec.Meta(max_length=10_000)] | None = None
    to: Text | None = None  # adjourn: when the meeting reconvenes


def replay_event(line: str) -> dict[str, Any]:
    """One replay line as its JSON object, checked against `ReplayEvent` (SchemaError if it does not fit)."""
    try:
        decode(line, ReplayEvent)
    except SchemaError as exc:
        if not exc.where and exc.problem.startswith("expected object"):
            raise SchemaError("", "each line is one JSON object, such as {“type”: “arrive”, “person”: “JH”}") from None
        raise
    data: dict[str, Any] = decode(line)  # it fits: now as plain objects for the event handlers
    return data


# -- notes exchange files (app/commands/notes.py) ---------------------------------------------------------------


class NotesItemKey(msgspec.Struct):
    number: Label = ""
    title: Text = ""


class NotesEntry(msgspec.Struct):
    page: Annotated[int, msgspec.Meta(ge=1, le=MAX_COUNT)]
    item: NotesItemKey | None = None
    colour: Name = "yellow"
    quote: Text = ""
    prefix: Text = ""
    suffix: Text = ""
    note: Text = ""
    kind: Name = "highlight"
    rects: Annotated[
        list[tuple[Coordinate, Coordinate, Coordinate, Coordinate]], msgspec.Meta(max_length=MAX_LIST)
    ] = []
    ink: Annotated[
        list[Annotated[list[tuple[Coordinate, Coordinate]], msgspec.Meta(max_length=MAX_LIST)]],
        msgspec.Meta(max_length=MAX_LIST),
    ] = []
    char_start: Annotated[int, msgspec.Meta(ge=-1, le=10**9)] = -1
    raise_at_meeting: bool = False
    orphaned: bool = False


class NotesFile(msgspec.Struct):
    format: Name
    version: int
    owner: Name = ""
    pack_sha256: Name | None = None
    meeting: dict[str, Any] | None = None
    annotations: Annotated[list[NotesEntry], msgspec.Meta(max_length=MAX_LIST)] = []
