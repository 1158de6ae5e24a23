"""What the live room shows the secretary, worked out once so every part of the window says the same thing.

Pure functions over a MeetingRecord: the one headcount the quorum badge and the list of who is present both
read, what a roll call will record, which agenda rows are section headings (never "taken"), which item the
next take lands on, and which register rows are worth suggesting as conflicts on an item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.domain import AgendaItem, DeclarationConduct, ItemStatus, MeetingRecord, Person, Presence, RuleSet
from app.domain.rules import quorum_noun
from app.services import live as svc
from app.services.rules_engine import ConflictSuggestion, QuorumResult

# -- one headcount -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Headcount:
    """Who is in the room and who counts: the badge's number and the list's number are this one."""

    present: tuple[Person, ...]  # everyone in the room now
    counted: tuple[Person, ...]  # those the quorum counts (members in person, and deputies standing in)
    deputies: tuple[Person, ...]  # the deputies among `counted`
    noun: str  # "voting members" or "members", as the rules count them
    quorum: QuorumResult

    @property
    def counted_ids(self) -> frozenset[int]:
        return frozenset(p.id for p in self.counted if p.id is not None)

    def summary(self) -> str:
        """ "Present: 27 — 15 voting members counted (including 1 deputy)"."""
        deputies = len(self.deputies)
        including = f" (including {deputies} {'deputy' if deputies == 1 else 'deputies'})" if deputies else ""
        return f"Present: {len(self.present)} — {len(self.counted)} {self.noun} counted{including}"


def headcount(record: MeetingRecord) -> Headcount:
    """The room as it stands, with the quorum on the item being taken (the same call the badge makes)."""
    room = svc.room_after(record)
    result = svc.quorum_now(record)
    present = tuple(p for p in record.people if p.id in room.present)
    return Headcount(present, result.counted_people, result.deputies_counted, quorum_noun(record.body.rules), result)


# -- the roll call ---------------------------------------------------------------------------------------------


def roll_call_start(people: Sequence[Person], apologies_received: Iterable[int]) -> dict[int, Presence | None]:
    """Where a first roll call starts: apologies received are marked, everyone else is not yet marked (None)."""
    sent = set(apologies_received)
    return {p.id: (Presence.APOLOGIES if p.id in sent else None) for p in people if p.id is not None and not p.retired}


_PRESENCE_WORDS = {
    Presence.PRESENT: "present",
    Presence.APOLOGIES: "apologies",
    Presence.ABSENT: "absent",
    Presence.DEPUTISED: "deputised",
    Presence.REMOTE: "remote",
}


def roll_call_progress(marks: Mapping[int, Presence | None]) -> str:
    """ "18 of 32 marked: 15 present, 3 apologies"."""
    marked = [m for m in marks.values() if m is not None]
    counts = [f"{sum(1 for m in marked if m == p)} {word}" for p, word in _PRESENCE_WORDS.items() if p in marked]
    return f"{len(marked)} of {len(marks)} marked" + (f": {', '.join(counts)}" if counts else "")


def roll_call_ok_text(marks: Mapping[int, Presence | None]) -> str:
    """What OK will do: record these counts, or (while anyone is unmarked) ask for them first."""
    missing = sum(1 for m in marks.values() if m is None)
    if missing:
        return f"Mark the {missing} left first"
    counts = [f"{sum(1 for m in marks.values() if m == p)} {word}" for p, word in _PRESENCE_WORDS.items()]
    return "Record " + ", ".join(c for c in counts if not c.startswith("0 "))


# -- agenda headings and taking items ------------------------------------------------------------------------


def _stem(number: str) -> str:
    return number.strip().rstrip(".")


def sub_items(items: Sequence[AgendaItem], item: AgendaItem) -> list[AgendaItem]:
    """The items under `item`, in agenda order: by parent, or numbered under it ("6.1" under "6"), as the
    agenda tree nests them."""
    stem = _stem(item.number)
    return sorted(
        (
            i
            for i in items
            if i.id != item.id
            and ((item.id is not None and i.parent_id == item.id) or (stem and _stem(i.number).startswith(stem + ".")))
        ),
        key=lambda i: i.position,
    )


def heading_ids(items: Sequence[AgendaItem]) -> frozenset[int]:
    """Items with sub-items: section headings, shown and minuted but never "taken" on their own."""
    return frozenset(i.id for i in items if i.id is not None and sub_items(items, i))


def item_to_take(items: Sequence[AgendaItem], item: AgendaItem) -> AgendaItem:
    """Taking a section heading takes its first sub-item still to be taken (or its first, when all are taken)."""
    children = sub_items(items, item)
    if not children:
        return item
    pending = [c for c in children if c.status == ItemStatus.PENDING and not sub_items(items, c)]
    leaves = [c for c in children if not sub_items(items, c)]
    return (pending or leaves or children)[0]


def next_to_take(record: MeetingRecord) -> AgendaItem | None:
    """The next item still to be taken after the one being taken, in agenda order, headings skipped."""
    headings = heading_ids(record.items)
    ordered = sorted(record.items, key=lambda i: i.position)
    current = svc.current_item(record)
    after = current.position if current is not None else -1
    pending = [i for i in ordered if i.status == ItemStatus.PENDING and i.id not in headings]
    return next((i for i in pending if i.position > after), pending[0] if pending else None)


# -- conflicts ----------------------------------------------------------------------------------------------------

# Standing business: these items are about the meeting's procedure, so their titles say nothing about anyone's
# interests ("Declarations of Interests" must not match "Community Interest Company").
_PROCEDURAL = re.compile(
    r"\b(welcome|introductions?|apolog\w*|quorac\w*|quorum|declarations?|disclosures?|interests?|minutes"
    r"|matters arising|action (log|tracker)|any other business|aob|date of (the )?next meeting|close)\b",
    re.IGNORECASE,
)
# The vocabulary of those titles: never evidence of an interest when they turn up in a paper either.
PROCEDURAL_WORDS = ("Declaration", "Declarations", "Disclosure", "Interest", "Interests", "Apologies", "Minutes")
# Words that name a kind of body, found in the papers of every body of that kind.
BODY_KIND_WORDS = ("NHS", "ICB", "Board", "Council", "Committee", "Trust", "Authority")
_NAME_FILLER = frozenset({"and", "of", "the", "for", "&"})


def body_words(body_name: str) -> tuple[str, ...]:
    """The short names a body's papers use for it, from its own name: the initials of every run of two or more of
    its words ("Northtown, Wexbury and Ashby Care Board" gives "NWACB", "NWA", "CB"…), since a paper calls it by
    a run of them ("the NWA CB"). An interest that only shares these names the body, not a conflict. The words
    themselves are kept: a place in the body's name also names the council a member works for."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", body_name) if w.casefold() not in _NAME_FILLER]
    initials = [w[0].upper() for w in words]
    runs = {"".join(initials[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    return tuple(sorted(runs, key=lambda run: (-len(run), run)))


# Little words that may sit beside the procedural ones in a standing item's title.
_FILLER = frozenset(
    {
        "of",
        "the",
        "and",
        "on",
        "for",
        "to",
        "from",
        "previous",
        "last",
        "meeting",
        "held",
        "any",
        "other",
        "received",
        "register",
    }
)


_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def procedural_item(item: AgendaItem) -> bool:
    """A standing item (welcome, apologies, declarations, minutes, matters arising, any other business)."""
    title = item.title.strip()
    if _PROCEDURAL.search(title) is None:
        return False
    # The procedural words must make up the title: "Community Interest Company grant" is business.
    words = re.findall(r"[^\W\d]+", _PROCEDURAL.sub(" ", title))  # dates ("30 June 2023") say nothing either
    rest = [w for w in words if w.casefold() not in _FILLER and w.casefold()[:3] not in _MONTHS]
    return len(rest) <= 2


def room_suggestions(
    suggestions: Iterable[ConflictSuggestion], present: Iterable[int]
) -> tuple[ConflictSuggestion, ...]:
    """Only people in the room can declare: suggestions for anyone else (apologies, absent, left) are dropped."""
    here = set(present)
    return tuple(s for s in suggestions if s.person_id is not None and s.person_id in here)


def default_conduct(rules: RuleSet, kind: str) -> DeclarationConduct:
    """What a declaring member is first shown as doing: the rules' word for the kind of interest, else stay
    and take no part (the cautious default; the secretary changes it to what the chair decides)."""
    rule = rules.interest_rule_for(kind)
    if rule is not None and rule.must_leave:
        return DeclarationConduct.WITHDREW
    if rule is not None and rule.may_vote:
        return DeclarationConduct.REMAINED_TOOK_PART
    return DeclarationConduct.REMAINED_NO_PART
