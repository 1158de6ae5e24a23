"""The minutes as a document model: what to print, in what order, decided once.

Exporters (PDF, Word) render a `MinutesDocument`; they make no decisions about
numbering, ordering or what belongs in Part I or Part II.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from app.domain import (
    AgendaItem,
    Ballot,
    DeclarationConduct,
    EventKind,
    MeetingEvent,
    MeetingRecord,
    MinutesStatus,
    Motion,
    MotionOutcome,
    Part,
    Person,
    Presence,
    Tier,
    VoteKind,
)
from app.domain.house_style import HouseStyle
from app.services.live import ROLL_CALL, hhmm, tally_vote

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
    style: HouseStyle = field(default_factory=HouseStyle)
    approval_lines: tuple[str, ...] = ()  # "Approval of Draft Minutes" and the body's approval
    version_note: str = ""  # for corrected signed minutes: which version this is and what it supersedes
    version: int = 1  # the version of the minutes (2 and up: corrections), printed in the signature block
    record_digest: str = ""  # SHA-256 of the canonical record rendered (app.storage.integrity), printed too

    @property
    def heading(self) -> str:
        suffix = " in PUBLIC" if self.part is Part.ONE else " (Part II: CONFIDENTIAL)"
        return self.style.heading.format(body=self.body_name, part=suffix)


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


_CONDUCT = {
    DeclarationConduct.WITHDREW: "and withdrew from the meeting for this item",
    DeclarationConduct.REMAINED_NO_PART: "and remained in the meeting but took no part in the discussion or decision",
    DeclarationConduct.REMAINED_TOOK_PART: "and remained in the meeting and took part",
}
_OUTCOME = {
    MotionOutcome.CARRIED: "carried",
    MotionOutcome.LOST: "lost",
    MotionOutcome.WITHDRAWN: "withdrawn",
    MotionOutcome.DEFERRED: "deferred",
    MotionOutcome.REFERRED: "referred",
    MotionOutcome.CONSENSUS: "agreed without a vote",
}
RESOLUTION_STYLES = ("resolved", "agreed")


def _names(person_ids: Sequence[int], people: dict[int | None, Person]) -> str:
    names = [people[p].name for p in person_ids if p in people]
    return ", ".join(names) if names else "none"


def _event_line(event: MeetingEvent, people: dict[int | None, Person]) -> str:
    name = people[event.person_id].name if event.person_id in people else ""
    at = hhmm(event.at)
    lines = {
        EventKind.ARRIVE: f"{name} joined the meeting at {at}.",
        EventKind.LEAVE: f"{name} left the meeting at {at}.",
        EventKind.WITHDRAW: f"{name} withdrew from the meeting for this item.",
        EventKind.RETURN: f"{name} returned to the meeting at {at}.",
        EventKind.INQUORATE: f"The meeting became inquorate at {at}.",
        EventKind.QUORATE: f"The meeting became quorate again at {at}.",
        EventKind.PART2: event.text,
    }
    return (
        f"*{lines[event.kind]}*" if event.kind in lines and event.kind != EventKind.PART2 else lines.get(event.kind, "")
    )


def _resolution_text(motion: Motion, style: str, number: int) -> str:
    text = motion.text.strip()
    if text.casefold().startswith(("resolved", "agreed")):
        return f"**{text}**"
    if motion.amends_id is not None:
        return f"Amendment: {text}"
    if style == "agreed":
        return f"**Agreed: {number}. {text}**"
    return f"**RESOLVED – {text}**"


def _motion_lines(record: MeetingRecord, motion: Motion, style: str, number: int) -> list[str]:
    people: dict[int | None, Person] = {p.id: p for p in record.people}
    decided = motion.outcome in (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS)
    lines = [_resolution_text(motion, style, number) if decided else f"Motion: {motion.text.strip()}"]
    movers = []
    if motion.mover_id in people:
        movers.append(f"Moved by {people[motion.mover_id].name}")
    if motion.seconder_id in people:
        movers.append(f"seconded by {people[motion.seconder_id].name}")
    if movers:
        lines.append(", ".join(movers) + ".")
    for vote in (v for v in record.votes if v.motion_id == motion.id):
        figures = f"For {vote.votes_for}, against {vote.votes_against}, abstentions {vote.abstentions}"
        if vote.did_not_vote:
            figures += f", did not vote {vote.did_not_vote}"
        lines.append(f"Vote{' (recorded)' if vote.kind is VoteKind.RECORDED else ''}: {figures}.")
        if vote.kind is VoteKind.RECORDED:
            by_ballot = {b: [pid for pid, cast in vote.ballots if cast is b] for b in Ballot}
            named = ((Ballot.FOR, "For"), (Ballot.AGAINST, "Against"), (Ballot.ABSTAIN, "Abstained"))
            lines.append(" ".join(f"{label}: {_names(by_ballot[b], people)}." for b, label in named if by_ballot[b]))
        if vote.casting_vote in (Ballot.FOR, Ballot.AGAINST):
            lines.append(f"The chair gave a casting vote {vote.casting_vote.value} the motion.")
        if vote.despite_inquorate:
            lines.append("The vote was taken while the meeting was inquorate, on the ruling of the chair.")
        try:
            tally_vote(record, motion, vote)
        except ValueError:
            lines.append("(The figures recorded do not match those eligible to vote.)")
    if motion.outcome is not MotionOutcome.PENDING and not decided:
        lines.append(f"The {'amendment' if motion.amends_id else 'motion'} was {_OUTCOME[motion.outcome]}.")
    elif motion.amends_id is not None and decided:
        lines.append("The amendment was carried.")
    if motion.minority_view.strip():
        lines.append(f"Minority view: {motion.minority_view.strip()}")
    return lines


def _record_markdown(record: MeetingRecord, item: AgendaItem, style: str, counter: list[int]) -> tuple[str, str]:
    """The facts recorded on an item: (before the prose: declarations, room), (after it: decisions)."""
    people: dict[int | None, Person] = {p.id: p for p in record.people}
    before: list[str] = []
    for declaration in (d for d in record.declarations if d.item_id == item.id):
        name = people[declaration.person_id].name if declaration.person_id in people else "A member"
        kind = f"{declaration.kind} " if declaration.kind else ""
        before.append(f"*{name} declared a {kind}interest ({declaration.interest}) {_CONDUCT[declaration.conduct]}.*")
    events = [
        e for e in record.events if e.item_id == item.id and not (e.kind is EventKind.ARRIVE and e.text == ROLL_CALL)
    ]
    before += [line for e in events if e.kind is not EventKind.PART2 and (line := _event_line(e, people))]
    after: list[str] = []
    for motion in sorted((m for m in record.motions if m.item_id == item.id), key=lambda m: (m.position, m.id)):
        if motion.outcome in (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS) and motion.amends_id is None:
            counter[0] += 1
        after.append("\n".join(_motion_lines(record, motion, style, counter[0])))
    after += [e.text for e in events if e.kind is EventKind.PART2]
    return "\n\n".join(before), "\n\n".join(after)


def build_minutes(
    record: MeetingRecord,
    part: Part = Part.ONE,
    number_prefix: str | None = None,
    resolution_style: str | None = None,
) -> MinutesDocument:
    """Lay out the minutes of one part of a meeting. Part II items never appear in Part I.

    `resolution_style` is the body's house style for decisions: "resolved" ("RESOLVED – That …") or
    "agreed" ("Agreed: 1. That …", numbered through the meeting). Both default to the body's house style.
    """
    style = record.body.style
    number_prefix = style.minute_prefix if number_prefix is None else number_prefix
    resolution_style = style.resolution_style if resolution_style is None else resolution_style
    if resolution_style not in RESOLUTION_STYLES:
        raise ValueError(f"resolution style must be one of {', '.join(RESOLUTION_STYLES)}")
    items = [item for item in record.items if item.part is part]
    resolutions = [0]  # "Agreed: 1." numbering runs through the meeting
    corrected = {a.item_id: a.text for a in sorted(record.amendments, key=lambda a: a.version)}
    sections: list[MinuteSection] = []
    minute_of_item: dict[int, str] = {}
    counter = 0
    for index, item in enumerate(items):
        text = record.minutes.get(item.id or -1)
        prose = corrected.get(item.id or -1, text.body if text else "")
        lead, decisions = _record_markdown(record, item, resolution_style, resolutions)
        body = "\n\n".join(chunk for chunk in (lead, prose, decisions) if chunk.strip())
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
        draft=meeting.minutes_status in (MinutesStatus.DRAFT, MinutesStatus.CHAIR_APPROVED),
        attendance=_attendance(record),
        members_of_public=meeting.members_of_public if part is Part.ONE else 0,
        sections=tuple(sections),
        actions=actions,
        audit_head=record.audit_head,
        style=style,
        approval_lines=_approval_lines(record),
        version_note=_version_note(record),
    )


def _long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _approval_lines(record: MeetingRecord) -> tuple[str, ...]:
    lines = []
    version = max((a.version for a in record.amendments), default=1)
    for approval in record.approvals:
        if approval.version != version:
            continue  # an earlier version's approvals belong to that version's signed copy
        if approval.step is MinutesStatus.BODY_APPROVED and approval.override:
            lines.append(f"Approved by the {record.body.name} as a correct record: {approval.override}.")
        elif approval.step is MinutesStatus.CHAIR_APPROVED:
            role = f", {approval.role}" if approval.role else ""
            lines.append(f"Approval of Draft Minutes: approved by {approval.name}{role}, on {_long_date(approval.on)}.")
        elif approval.step is MinutesStatus.BODY_APPROVED:
            lines.append(f"Approved by the {record.body.name} as a correct record on {_long_date(approval.on)}.")
    return tuple(lines)


def _version_note(record: MeetingRecord) -> str:
    if not record.amendments:
        return ""
    latest = max(record.amendments, key=lambda a: a.version)
    numbers = {i.id: i.number for i in record.items}
    signed = next((a for a in record.approvals if a.step is MinutesStatus.SIGNED), None)
    was = f", signed on {_long_date(signed.on)}" if signed else ""
    reason = f" ({latest.reason})" if latest.reason else ""
    return (
        f"Version {latest.version}: corrected at the meeting of {_long_date(latest.on)} (item "
        f"{numbers.get(latest.item_id, '')}){reason}; supersedes version {latest.version - 1}{was}."
    )
