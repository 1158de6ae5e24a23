"""The minutes as a document model: what to print, in what order, decided once.

Exporters (PDF, Word) render a `MinutesDocument`; they make no decisions about
numbering, ordering or what belongs in Part I or Part II.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain import AgendaItem, MeetingRecord, MinutesStatus, Part, Person, Presence, Tier

TIER_HEADINGS: dict[Tier, str] = {
    Tier.MEMBER: "Members",
    Tier.PARTICIPANT: "Participants",
    Tier.IN_ATTENDANCE: "In attendance",
    Tier.OFFICER: "In attendance",
}


@dataclass(frozen=True, slots=True)
class AttendeeLine:
    name: str
    role: str
    initials: str
    part_time: bool = False  # arrived late or left early: printed "part"


@dataclass(frozen=True, slots=True)
class AttendanceBlock:
    heading: str
    lines: tuple[AttendeeLine, ...]


@dataclass(frozen=True, slots=True)
class MinuteSection:
    minute_number: str
    item_number: str
    title: str
    presenter: str
    body_markdown: str
    action_initials: tuple[str, ...] = ()
    is_heading: bool = False  # a section heading such as "6. SYSTEM STRATEGY": no minute of its own

    @property
    def anchor(self) -> str:
        return f"minute-{self.minute_number or self.item_number}"


@dataclass(frozen=True, slots=True)
class ActionLine:
    number: str
    minute_number: str
    text: str
    owners: str
    due: str


@dataclass(frozen=True, slots=True)
class MinutesDocument:
    body_name: str
    meeting_title: str
    date_text: str
    time_text: str
    venue: str
    part: Part
    draft: bool
    attendance: tuple[AttendanceBlock, ...]
    members_of_public: int
    sections: tuple[MinuteSection, ...]
    actions: tuple[ActionLine, ...]
    audit_head: str

    @property
    def heading(self) -> str:
        suffix = " in PUBLIC" if self.part is Part.ONE else " (Part II: CONFIDENTIAL)"
        return f"Minutes of the: {self.body_name}{suffix}"


def is_heading(item: AgendaItem, following: Sequence[AgendaItem]) -> bool:
    """An item whose number is the prefix of the next item's number ("6." before "6.1")."""
    if not following:
        return False
    stem = item.number.rstrip(".")
    nxt = following[0].number
    return bool(stem) and nxt.startswith(stem + ".") and len(nxt) > len(stem) + 1


def _initials_for(owner: str, people: Sequence[Person]) -> str:
    for person in people:
        if owner in (person.name, person.initials):
            return person.initials or person.name
    return owner


def _attendance(record: MeetingRecord) -> tuple[AttendanceBlock, ...]:
    people = {p.id: p for p in record.people}
    blocks: dict[str, list[AttendeeLine]] = {}
    for entry in record.attendance:
        person = people.get(entry.person_id)
        if person is None:
            continue
        if entry.presence is Presence.APOLOGIES:
            heading = "Apologies"
        elif entry.presence is Presence.ABSENT:
            continue
        else:
            heading = TIER_HEADINGS[person.tier]
        part_time = entry.arrived_at is not None or entry.left_at is not None
        blocks.setdefault(heading, []).append(AttendeeLine(person.name, person.role, person.initials, part_time))
    order = ["Members", "Participants", "In attendance", "Apologies"]
    return tuple(AttendanceBlock(h, tuple(blocks[h])) for h in order if h in blocks)


def build_minutes(record: MeetingRecord, part: Part = Part.ONE, number_prefix: str = "") -> MinutesDocument:
    """Lay out the minutes of one part of a meeting. Part II items never appear in Part I."""
    items = [item for item in record.items if item.part is part]
    sections: list[MinuteSection] = []
    minute_of_item: dict[int, str] = {}
    counter = 0
    for index, item in enumerate(items):
        text = record.minutes.get(item.id or -1)
        body = text.body if text else ""
        heading = is_heading(item, items[index + 1 :]) and not body.strip()
        number = ""
        if not heading:
            counter += 1
            number = f"{number_prefix}{counter}"
            if item.id is not None:
                minute_of_item[item.id] = number
        owners = tuple(
            dict.fromkeys(
                _initials_for(owner, record.people)
                for action in record.actions
                if action.item_id == item.id
                for owner in action.owners
            )
        )
        sections.append(MinuteSection(number, item.number, item.title, item.presenter, body, owners, heading))
    actions = tuple(
        ActionLine(
            a.number,
            minute_of_item.get(a.item_id or -1, ""),
            a.text,
            ", ".join(_initials_for(o, record.people) for o in a.owners),
            a.due.strftime("%d/%m/%Y") if a.due else "",
        )
        for a in record.actions
        if a.item_id is None or a.item_id in minute_of_item
    )
    meeting = record.meeting
    return MinutesDocument(
        body_name=record.body.name,
        meeting_title=meeting.title,
        date_text=meeting.date.strftime("%-d %B %Y") if meeting.date else "",
        time_text=meeting.start.strftime("%H:%M") if meeting.start else "",
        venue=meeting.venue,
        part=part,
        draft=meeting.minutes_status is not MinutesStatus.SIGNED,
        attendance=_attendance(record),
        members_of_public=meeting.members_of_public if part is Part.ONE else 0,
        sections=tuple(sections),
        actions=actions,
        audit_head=record.audit_head,
    )
