"""The minutes as a document model: what to print, in what order, decided once.

Exporters (PDF, Word) render a `MinutesDocument`; they make no decisions about
numbering, ordering or what belongs in Part I or Part II.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time

from app.domain import (
    AgendaItem,
    Ballot,
    ConfirmationKind,
    Declaration,
    DeclarationConduct,
    EventKind,
    ItemStatus,
    MeetingEvent,
    MeetingRecord,
    MinutesStatus,
    Motion,
    MotionOutcome,
    Part,
    Person,
    Presence,
    Tier,
    Vote,
    VoteKind,
)
from app.domain.house_style import HouseStyle
from app.domain.rules import MajorityBase, fraction_words
from app.services.live import (
    OUT_OF_ORDER,
    ROLL_CALL,
    adjournment,
    apologies_minute,
    chair_title,
    declarations_minute,
    deputising_phrase,
    display_name,
    hhmm,
    interest_words,
    is_chair_of_body,
    is_untimed,
    item_quorum,
    quoracy_minute,
    room_after,
    tally_vote,
)


@dataclass(frozen=True, slots=True)
class AttendeeLine:
    name: str
    role: str
    initials: str
    note: str = ""  # "arrived 10:15", "left 11:40", "remote": printed after the role

    @property
    def part_time(self) -> bool:
        """Arrived late or left early: the minutes print when."""
        return "arrived" in self.note or "left" in self.note


@dataclass(frozen=True, slots=True)
class AttendanceBlock:
    heading: str
    lines: tuple[AttendeeLine, ...]

    def run_on(self, common: frozenset[str] = frozenset()) -> str:
        """The block as prose minutes print it: "Cllr A Smith (Chair), Cllr B Jones (left 20:10), Cllr C Lee".

        A role several people share ("Member", "Trustee": in this block, or `common` to the whole attendance, in
        casefold) says nothing and is left out; a name that already says what the person was doing ("(deputising
        for …)", "(in the Chair)") keeps its own words."""
        roles = [line.role.strip().casefold() for line in self.lines]
        names = []
        for line in self.lines:
            role = line.role.strip()
            shared = roles.count(role.casefold()) > 1 or role.casefold() in common
            said = [role] if role and not shared and "(" not in line.name else []
            said += [line.note] if line.note else []
            names.append(f"{line.name} ({'; '.join(said)})" if said else line.name)
        return ", ".join(names)


@dataclass(frozen=True, slots=True)
class MinuteSection:
    minute_number: str
    item_number: str
    title: str
    presenter: str
    body_markdown: str
    action_initials: tuple[str, ...] = ()
    is_heading: bool = False  # a section heading such as "6. SYSTEM STRATEGY": no minute of its own
    show_item_number: bool = True  # print the agenda number beside the title (not when it repeats the minute's)

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
    closing_lines: tuple[str, ...] = ()  # "The meeting closed at 16:00.", "Minutes taken by …"

    @property
    def common_roles(self) -> frozenset[str]:
        """Roles (casefold) two or more people in the attendance hold: prose minutes leave them out."""
        roles = [line.role.strip().casefold() for block in self.attendance for line in block.lines if line.role]
        return frozenset(role for role in roles if roles.count(role) > 1)

    @property
    def heading(self) -> str:
        label = self.style.part_one_label.strip()
        suffix = (f" {label}" if label else "") if self.part is Part.ONE else " (Part II: CONFIDENTIAL)"
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


def _tier_headings(style: HouseStyle) -> dict[Tier, str]:
    return {
        Tier.MEMBER: style.members_heading,
        Tier.PARTICIPANT: style.participants_heading,
        Tier.OFFICER: style.officers_heading,
        Tier.IN_ATTENDANCE: style.in_attendance_heading,
        Tier.OBSERVER: style.observers_heading,
    }


@dataclass(frozen=True, slots=True)
class _Window:
    """The stretch of a meeting one part's minutes cover, as meeting event ids (`last` None: to the end)."""

    first: int | None  # the room as it stood after this event is the room at the part's start; None: the roll call
    last: int | None

    def holds(self, event: MeetingEvent) -> bool:
        event_id = event.id or 0
        return (self.first is None or event_id > self.first) and (self.last is None or event_id <= self.last)


def _part_window(record: MeetingRecord, part: Part) -> _Window:
    """Part II runs from the opening of its first item after the resolution to exclude the press and public (those
    who leave as it is passed are not there for its business); Part I runs to there. Without Part II, the whole
    meeting."""
    ordered = sorted(record.events, key=lambda e: e.id or 0)
    exclusion = next((e for e in ordered if e.kind is EventKind.PART2), None)
    if exclusion is None:
        return _Window(None, None)
    part2_items = {i.id for i in record.items if i.part is Part.TWO}
    opened = next(
        (
            e
            for e in ordered
            if (e.id or 0) > (exclusion.id or 0) and e.kind is EventKind.OPEN_ITEM and e.item_id in part2_items
        ),
        exclusion,
    )
    boundary = opened.id or 0
    return _Window(boundary, None) if part is Part.TWO else _Window(None, boundary - 1)


def _time_of(event: MeetingEvent) -> str:
    return "" if is_untimed(event) else hhmm(event.at)


def _presiding_notes(record: MeetingRecord, window: _Window, people: dict[int | None, Person]) -> dict[int, str]:
    """Who presided over the part's business, for their line in the attendance: the first "(in the Chair)", anyone
    who took the chair later "(in the Chair from 14:40)". The body's own chair is not marked: the role says it."""
    ordered = sorted(record.events, key=lambda e: e.id or 0)
    start = window.first
    if start is None:  # Part I (or the whole meeting): whoever presided when business began
        start = next((e.id for e in ordered if e.kind is EventKind.OPEN_ITEM), None)
    chair = room_after(record, start).presiding_id if start is not None else None
    presided: list[tuple[int, str]] = [(chair, "")] if chair is not None else []
    for event in ordered:
        if event.kind is EventKind.PRESIDE and window.holds(event) and event.person_id is not None:
            if not presided:
                presided.append((event.person_id, ""))
            elif event.person_id not in {pid for pid, _ in presided}:
                when = _time_of(event)
                presided.append((event.person_id, f"from {when}" if when else "for part of the meeting"))
    notes: dict[int, str] = {}
    for person_id, when in presided:
        person = people.get(person_id)
        if person is None or is_chair_of_body(person):
            continue
        notes[person_id] = f"in the Chair {when}".strip()
    return notes


def _attendance(record: MeetingRecord, part: Part = Part.ONE) -> tuple[AttendanceBlock, ...]:
    """The attendance blocks as the body writes them: a member who sent a deputy is under Apologies, and the
    deputy sits with the members "(deputising for …)"; late arrivals and early departures say when.

    Each part lists those there for its business: the Part II minutes leave out whoever left before it began and
    say who presided; arrivals and departures are the ones inside the part."""
    style = record.body.style
    people = {p.id: p for p in record.people}
    headings = _tier_headings(style)
    blocks: dict[str, list[AttendeeLine]] = {}
    timed = any(e.kind is EventKind.ARRIVE and e.text == ROLL_CALL for e in record.events)
    window = _part_window(record, part) if timed else _Window(None, None)
    presiding = _presiding_notes(record, window, people) if timed else {}
    at_start = room_after(record, window.first).present if window.first is not None else None
    for entry in record.attendance:
        person = people.get(entry.person_id)
        if person is None or (entry.presence is Presence.ABSENT and not style.absent_heading.strip()):
            continue
        name = display_name(person)
        notes: list[str] = []
        if entry.presence is Presence.ABSENT:
            heading = style.absent_heading.strip()
        elif entry.presence in (Presence.APOLOGIES, Presence.DEPUTISED):
            heading = style.apologies_heading
        else:
            tier = person.tier
            if entry.person_id in presiding:
                name = f"{name} ({presiding[entry.person_id]})"
            if entry.deputy_for_id in people:
                member = people[entry.deputy_for_id]
                name = f"{name} ({deputising_phrase(style.deputy_noun)} {display_name(member)})"
                tier = Tier.MEMBER if member.tier is Tier.MEMBER else tier
            heading = headings[tier]
            if entry.presence is Presence.REMOTE:
                notes.append("remote")
            if timed:
                movement = _movements(record, entry.person_id, window, at_start)
                if movement is None:
                    continue  # not in the room for this part's business
                notes += movement
            else:
                if entry.arrived_at is not None:
                    notes.append(f"arrived {hhmm(entry.arrived_at)}")
                if entry.left_at is not None:
                    notes.append(f"left {hhmm(entry.left_at)}")
        blocks.setdefault(heading, []).append(AttendeeLine(name, person.role, person.initials, "; ".join(notes)))
    order = [*dict.fromkeys([*headings.values(), style.apologies_heading, style.absent_heading.strip()])]
    return tuple(AttendanceBlock(h, tuple(blocks[h])) for h in order if h in blocks)


def _movements(
    record: MeetingRecord, person_id: int, window: _Window, at_start: frozenset[int] | None
) -> list[str] | None:
    """ "arrived 10:15", "left 11:40" for someone in the room during the part; None when they never were."""
    events = [
        e
        for e in sorted(record.events, key=lambda e: e.id or 0)
        if e.person_id == person_id and e.kind in (EventKind.ARRIVE, EventKind.LEAVE, EventKind.RETURN)
    ]
    roll_called = any(e.text == ROLL_CALL and e.kind is EventKind.ARRIVE for e in events)
    here = (person_id in at_start) if at_start is not None else roll_called
    inside = [e for e in events if e.text != ROLL_CALL and window.holds(e)]
    arrived = next((e for e in inside if e.kind in (EventKind.ARRIVE, EventKind.RETURN)), None)
    if not here and arrived is None:
        return None
    notes: list[str] = []
    if not here and arrived is not None:
        when = _time_of(arrived)
        notes.append(f"arrived {when}" if when else "arrived late")
    last = inside[-1] if inside else None
    if last is not None and last.kind is EventKind.LEAVE:
        when = _time_of(last)
        notes.append(f"left {when}" if when else "left early")
    return notes


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
    MotionOutcome.NOTED: "noted",
}
RESOLUTION_STYLES = ("resolved", "agreed", "it_was_resolved")
_DECIDED = (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS, MotionOutcome.NOTED)


def _names(person_ids: Sequence[int], people: dict[int | None, Person]) -> str:
    names = [display_name(people[p]) for p in person_ids if p in people]
    return ", ".join(names) if names else "none"


def _event_line(event: MeetingEvent, people: dict[int | None, Person]) -> str:
    name = display_name(people[event.person_id]) if event.person_id in people else ""
    when = _time_of(event)
    at = f" at {when}" if when else ""  # a time nobody recorded is not printed
    if event.kind is EventKind.PRESIDE:
        return f"*{name} took the chair{at}.*" if name else f"*The chair was vacated{at}.*"
    lines = {
        EventKind.ARRIVE: f"{name} joined the meeting{at}.",
        EventKind.LEAVE: f"{name} left the meeting{at}.",
        EventKind.WITHDRAW: f"{name} withdrew from the meeting for this item.",
        EventKind.RETURN: f"{name} returned to the meeting{at}.",
        EventKind.INQUORATE: f"The meeting became inquorate{at}.",
        EventKind.QUORATE: f"The meeting became quorate again{at}.",
        EventKind.DEFER_ITEM: f"This item was deferred{': ' + event.text.strip() if event.text.strip() else ''}",
        EventKind.REOPEN: f"The meeting was reopened{at}.",
    }
    line = lines.get(event.kind, "")
    if event.kind is EventKind.DEFER_ITEM:
        return f"**{line.rstrip('.')}.**"
    return f"*{line}*" if line else ""


def _bold_lead(text: str) -> str:
    """Bold the first line only: a resolution's numbered or bulleted lines stay a real list below it."""
    first, _, rest = text.strip().partition("\n")
    lead = f"**{first.strip()}**"
    return f"{lead}\n\n{rest.strip()}" if rest.strip() else lead


def _resolution_text(text: str, outcome: MotionOutcome, style: str, number: int) -> str:
    text = text.strip()
    if not text.casefold().startswith("that"):  # already a sentence: "The Board noted …", "Agreed: 1. That …"
        return _bold_lead(text)
    if outcome is MotionOutcome.NOTED and text.casefold().startswith("that "):
        return _bold_lead(f"NOTED – {text}")
    if outcome is MotionOutcome.NOTED:
        return _bold_lead(text)
    if style == "agreed":
        return _bold_lead(f"Agreed: {number}. {text}")
    if style == "it_was_resolved":
        return _bold_lead(f"IT WAS RESOLVED {_lower_that(text)}.")
    return _bold_lead(f"RESOLVED – {text}")


def _as_amended(record: MeetingRecord, motion: Motion) -> tuple[str, str]:
    """The substantive motion's wording after the amendments carried on it, and a note when that wording is not
    known to be final: a carried amendment came after the last one whose whole wording ("as amended") was
    recorded, so what was resolved is the wording printed as that amendment changed it."""
    carried = [
        m
        for m in sorted(record.motions, key=lambda m: (m.position, m.id or 0))
        if m.amends_id == motion.id and m.outcome in (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS)
    ]
    worded = [index for index, m in enumerate(carried) if m.amended_wording.strip()]
    wording = carried[worded[-1]].amended_wording.strip() if worded else motion.text.strip()
    unworded = len(carried) - 1 - worded[-1] if worded else len(carried)
    if not unworded:
        return wording, ""
    which = "amendment" if unworded == 1 else f"{unworded} amendments"
    if worded:
        return wording, f"*(As further amended by the later {which} carried above, whose wording is not recorded.)*"
    return wording, f"*(The motion as amended by the {which} above.)*"


def _vote_words(vote: Vote) -> str:
    figures = f"{vote.votes_for} for, {vote.votes_against} against"
    if vote.abstentions:
        figures += f", {vote.abstentions} abstention{'s' if vote.abstentions != 1 else ''}"
    if vote.did_not_vote:
        figures += f", {vote.did_not_vote} not voting"
    return figures


def _lower_that(text: str) -> str:
    text = text.strip().rstrip(".")
    return "t" + text[1:] if text.startswith("That ") else text


_ROOM_EVENTS = (
    EventKind.ARRIVE,
    EventKind.LEAVE,
    EventKind.WITHDRAW,
    EventKind.RETURN,
    EventKind.PRESIDE,
    EventKind.INQUORATE,
    EventKind.QUORATE,
)


def _moved_ahead(record: MeetingRecord, motion: Motion, item: AgendaItem) -> bool:
    """A motion with a mover, moved as the item was taken up (a motion on notice, moved before the debate): its
    "Moved by …, that …" leads the minute, before the discussion, and its vote and outcome follow it. Only when
    nothing else happened in the room in that minute, whose order against the motion the record cannot tell."""
    named = motion.mover_id is not None or motion.seconder_id is not None
    if motion.amends_id is not None or not named or motion.moved_at is None or item.opened_at is None:
        return False
    minute = _clock(motion.moved_at)
    if minute != _clock(item.opened_at):
        return False
    return not any(
        e.item_id == item.id and e.kind in _ROOM_EVENTS and e.text != ROLL_CALL and _clock(e.at) == minute
        for e in record.events
    )


def _motion_lines(record: MeetingRecord, motion: Motion, style: str, number: int, ahead: bool = False) -> list[str]:
    """The motion's lines where its decision falls; `ahead`: it was moved in a line of its own at the start."""
    people: dict[int | None, Person] = {p.id: p for p in record.people}
    votes = [v for v in record.votes if v.motion_id == motion.id]
    mover = display_name(people[motion.mover_id]) if motion.mover_id in people else ""
    seconder = display_name(people[motion.seconder_id]) if motion.seconder_id in people else ""
    lines: list[str] = []
    if motion.amends_id is not None:
        # "An amendment moved by …, seconded by …, that … was carried by 6 votes to 5."
        by = f" moved by {mover}" if mover else ""
        by += f"{',' if mover else ''} seconded by {seconder}" if seconder else ""
        if motion.outcome is MotionOutcome.PENDING:
            fate = "was moved"
        elif motion.outcome in (MotionOutcome.CARRIED, MotionOutcome.LOST) and votes:
            fate = f"was {motion.outcome.value} ({_vote_words(votes[-1])})"
        else:
            fate = f"was {_OUTCOME[motion.outcome]}"
        lines.append(f"An amendment{by}, {_lower_that(motion.text)}, {fate}.")
        if motion.outcome_note.strip():
            lines.append(f"({motion.outcome_note.strip()})")
    else:
        decided = motion.outcome in _DECIDED
        wording, amended_note = _as_amended(record, motion)
        amended = _has_amendments(record, motion)
        changed = amended and wording != motion.text.strip()
        if not decided and (changed or not ahead):
            lines.append(f"Motion{' as amended' if changed else ''}: {wording}")
            if amended_note:
                lines.append(amended_note)
        if not amended and not ahead:  # otherwise it was moved in a sentence of its own, before its amendments
            lines += _moved_by(mover, seconder)
    on_amended = motion.amends_id is None and _has_amendments(record, motion)
    for vote in votes:
        if motion.amends_id is None:  # an amendment's figures are in its sentence
            figures = f"For {vote.votes_for}, against {vote.votes_against}, abstentions {vote.abstentions}"
            if vote.did_not_vote:
                figures += f", did not vote {vote.did_not_vote}"
            recorded = " (recorded)" if vote.kind is VoteKind.RECORDED else ""
            lines.append(f"Vote{recorded}{' on the motion as amended' if on_amended else ''}: {figures}.")
        if vote.kind is VoteKind.RECORDED:
            by_ballot = {b: [pid for pid, cast in vote.ballots if cast is b] for b in Ballot}
            named = (
                (Ballot.FOR, "For"),
                (Ballot.AGAINST, "Against"),
                (Ballot.ABSTAIN, "Abstained"),
                (Ballot.DID_NOT_VOTE, "Did not vote"),
            )
            # Each side on a line of its own, in the vote's paragraph (a page break never parts them from it).
            names = "\n".join(f"{label}: {_names(by_ballot[b], people)}." for b, label in named if by_ballot[b])
            if motion.amends_id is None:
                lines[-1] += "\n" + names
            else:
                lines.append(names)
        if vote.casting_vote in (Ballot.FOR, Ballot.AGAINST):
            what = "amendment" if motion.amends_id is not None else "motion"
            giver = people.get(vote.casting_by_id)
            who = f"The {chair_title(giver)}, {display_name(giver)}," if giver is not None else "The person presiding"
            lines.append(f"{who} gave a casting vote {vote.casting_vote.value} the {what}.")
        if vote.despite_inquorate:
            lines.append("The vote was taken while the meeting was inquorate, on the ruling of the chair.")
        try:
            result = tally_vote(record, motion, vote)
        except ValueError:
            lines.append("(The figures recorded do not match those eligible to vote.)")
        else:
            if result.special:  # the majority it needed is part of what was decided
                rules = record.body.rules
                share = fraction_words(rules.special_majority_fraction)
                base = {
                    MajorityBase.PRESENT_AND_VOTING: "votes cast",
                    MajorityBase.PRESENT: "members present and entitled to vote",
                    MajorityBase.IN_POST: "voting members in post",
                }[rules.majority_base]
                lines.append(
                    f"As a special resolution it needed at least {share} of the {result.base} {base} "
                    f"({result.needed}); {result.votes_for} were for it."
                )
    if motion.amends_id is None and motion.outcome in _DECIDED:
        # Who moved it, the vote and any casting vote lead to the resolution, which ends the minute.
        wording, amended_note = _as_amended(record, motion)
        lines.append(_resolution_text(wording, motion.outcome, style, number))
        if amended_note:
            lines.append(amended_note)
    if motion.amends_id is None:
        note = motion.outcome_note.strip().rstrip(".")
        if motion.outcome is MotionOutcome.DEFERRED:
            lines.append(f"The decision was deferred{': ' + note if note else ''}.")
        elif motion.outcome is MotionOutcome.REFERRED:
            lines.append(f"The motion was referred to {note or 'another body'}.")
        elif motion.outcome is MotionOutcome.WITHDRAWN:
            lines.append(f"The motion was withdrawn{' ' + note if note else ''}.")
        elif motion.outcome is MotionOutcome.LOST:
            lines.append(f"The motion was lost{': ' + note if note else ''}.")
        elif motion.outcome is MotionOutcome.CONSENSUS and note:
            lines.append(f"{note}.")
    if motion.minority_view.strip():
        lines.append(f"Minority view: {motion.minority_view.strip()}")
    return lines


def _numbered(record: MeetingRecord, motion: Motion) -> bool:
    """Whether the motion's resolution takes a number in the "agreed" style: a decision worded "That …" (a noted
    report, or a sentence of the secretary's own, prints as written, without one)."""
    if motion.amends_id is not None or motion.outcome not in (MotionOutcome.CARRIED, MotionOutcome.CONSENSUS):
        return False
    wording, _note = _as_amended(record, motion)
    return wording.strip().casefold().startswith("that")


def _has_amendments(record: MeetingRecord, motion: Motion) -> bool:
    return motion.id is not None and any(m.amends_id == motion.id for m in record.motions)


def _moved_by(mover: str, seconder: str) -> list[str]:
    movers = [f"Moved by {mover}"] if mover else []
    if seconder:
        movers.append(f"seconded by {seconder}")
    return [", ".join(movers) + "."] if movers else []


def _mover_names(record: MeetingRecord, motion: Motion) -> tuple[str, str]:
    people: dict[int | None, Person] = {p.id: p for p in record.people}
    mover = display_name(people[motion.mover_id]) if motion.mover_id in people else ""
    seconder = display_name(people[motion.seconder_id]) if motion.seconder_id in people else ""
    return mover, seconder


def _moved_line(record: MeetingRecord, motion: Motion) -> str:
    """ "Moved by …, seconded by …, that …": a motion as it was first moved (before its amendments, or before the
    discussion of a motion on notice)."""
    moved = _moved_by(*_mover_names(record, motion))
    if moved:
        return f"{moved[0].rstrip('.')}, {_lower_that(motion.text)}."
    return f"The motion moved: {motion.text.strip()}"


def _clock(value: time | None) -> int:
    return value.hour * 60 + value.minute if value else -1


def _out_of_order_line(record: MeetingRecord, item: AgendaItem) -> str:
    """ "Item 5 was taken before item 2." for an item opened while an earlier one was still to come."""
    opened = [e for e in record.events if e.kind is EventKind.OPEN_ITEM and e.item_id == item.id]
    if not any(e.text == OUT_OF_ORDER for e in opened):
        return ""
    taken = item.taken_order or 0
    earlier = [
        i for i in record.items if i.position < item.position and i.taken_order is not None and i.taken_order > taken
    ]
    return f"*Item {item.number} was taken before item {earlier[0].number}.*" if earlier else ""


def declared_during(record: MeetingRecord, declaration: Declaration) -> int:
    """The item being taken when an interest was declared: the item it concerns, or, for an interest declared in
    advance (at the declarations item, for item 5), the item open at that time."""
    concerned = next((i for i in record.items if i.id == declaration.item_id), None)
    when = declaration.declared_at
    if concerned is None or when is None or (concerned.opened_at is not None and when >= concerned.opened_at):
        return declaration.item_id
    opened = [e for e in record.events if e.kind is EventKind.OPEN_ITEM and e.at <= when and e.item_id is not None]
    if not opened:
        return declaration.item_id
    latest = max(opened, key=lambda e: (e.at, e.id or 0))
    assert latest.item_id is not None
    return latest.item_id


def _interest_words(declaration: Declaration) -> str:
    return interest_words(declaration.kind)


_CONDUCT_ON_ITEM = {
    DeclarationConduct.WITHDREW: "withdrew from the meeting for this item",
    DeclarationConduct.REMAINED_NO_PART: "remained in the meeting but took no part in the discussion or decision",
    DeclarationConduct.REMAINED_TOOK_PART: "remained in the meeting and took part",
}


def _declaration_facts(
    record: MeetingRecord, item: AgendaItem, numbers: dict[int, str]
) -> list[tuple[tuple[int, float, float], bool, str | int]]:
    """Declarations as they were made: on the item they concern ("declared … and withdrew"), or in advance at the
    item being taken then ("declared … in item 5, …: …"), the item itself then saying what the member did."""
    people: dict[int | None, Person] = {p.id: p for p in record.people}
    items = {i.id: i for i in record.items}
    facts: list[tuple[tuple[int, float, float], bool, str | int]] = []
    for declaration in record.declarations:
        made = declared_during(record, declaration)
        if item.id not in (declaration.item_id, made):
            continue
        name = display_name(people[declaration.person_id]) if declaration.person_id in people else "A member"
        interest = _interest_words(declaration)
        if made == declaration.item_id:
            line = f"*{name} declared {interest} ({declaration.interest}) {_CONDUCT[declaration.conduct]}.*"
            facts.append(((_clock(declaration.declared_at), -1.0, 0.0), False, line))
        elif item.id == made:
            concerned = items.get(declaration.item_id)
            which = f"item {concerned.number}, {concerned.title.strip()}" if concerned else "a later item"
            line = f"*{name} declared {interest} in {which}: {declaration.interest.strip().rstrip('.')}.*"
            facts.append(((_clock(declaration.declared_at), -1.0, 0.0), False, line))
        elif item.opened_at is not None:  # the item the interest concerns, declared earlier, taken: what they did
            withdrawals = [
                e
                for e in record.events
                if e.kind is EventKind.WITHDRAW and e.item_id == item.id and e.person_id == declaration.person_id
            ]
            when = min(withdrawals, key=lambda e: e.id or 0) if withdrawals else None
            at = f" at {_time_of(when)}" if when is not None and _time_of(when) else ""
            done = _CONDUCT_ON_ITEM[declaration.conduct]
            done += at if declaration.conduct is DeclarationConduct.WITHDREW else ""
            minute = numbers.get(made, "")
            where = f" (minute {minute})" if minute else ""
            line = f"*Having declared {interest}{where}, {name} {done}.*"
            start = when.at if when is not None else item.opened_at
            facts.append(((_clock(start), -1.0, 0.0), False, line))
    return facts


def _conflicted_quorum_line(record: MeetingRecord, item: AgendaItem) -> str:
    """On an item where someone's interest keeps them out of the count, whether the meeting was still quorate for
    it (company articles, charities and NHS boards all require it to be minuted): at the item's lowest point."""
    if item.id is None or not record.body.rules.has_quorum:
        return ""
    verdict = item_quorum(record, item.id)
    if verdict is None or not verdict.result.conflicted_not_counted:
        return ""
    result = verdict.result
    names = [display_name(p) for p in result.conflicted_not_counted]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    figures = f"({result.counted} counted, {result.threshold} needed)"
    was = "remained quorate" if result.quorate else "was not quorate"
    return f"*With {who} not counted because of a declared interest, the meeting {was} for this item {figures}.*"


def _record_markdown(
    record: MeetingRecord, item: AgendaItem, style: str, counter: list[int], numbers: dict[int, str] | None = None
) -> tuple[str, str]:
    """The facts recorded on an item, in the order they happened: (before the prose, after it).

    Declarations, room changes, the chair changing hands, votes and decisions are laid out by time (with the
    meeting's own event order for things in the same minute). Everything from the first decision on follows
    the secretary's prose; what came before it leads in. `numbers` are the minute numbers given so far (a
    declaration made in advance names the minute it was made in).
    """
    people: dict[int | None, Person] = {p.id: p for p in record.people}
    # ((minute, order within the minute, then the order votes were taken), is a decision, markdown or a motion's id)
    facts = _declaration_facts(record, item, numbers or {})
    if line := _conflicted_quorum_line(record, item):
        facts.append(((_clock(item.opened_at), -0.9, 0.0), False, line))
    # A declaration "and withdrew" already says so: its withdrawal is not minuted twice.
    withdrew_declaring = {
        d.person_id for d in record.declarations if d.item_id == item.id and d.conduct is DeclarationConduct.WITHDREW
    }
    for event in record.events:
        if event.item_id != item.id or (event.kind is EventKind.ARRIVE and event.text == ROLL_CALL):
            continue
        if event.kind is EventKind.WITHDRAW and event.person_id in withdrew_declaring:
            continue
        if event.kind is EventKind.PART2:
            facts.append(((_clock(event.at), float(event.id or 0), 0.0), True, _bold_lead(event.text)))
        elif line := _event_line(event, people):
            decision = event.kind is EventKind.DEFER_ITEM
            facts.append(((_clock(event.at), float(event.id or 0), 0.0), decision, line))
    order = {m.id: index for index, m in enumerate(sorted(record.motions, key=lambda m: (m.position, m.id or 0)))}
    for motion in sorted((m for m in record.motions if m.item_id == item.id), key=lambda m: (m.position, m.id)):
        votes = [v for v in record.votes if v.motion_id == motion.id]
        when = (votes[0].taken_at if votes else None) or motion.decided_at or motion.moved_at
        # A vote follows the room event it was taken after, and votes after the same event come in the order they
        # were taken (amendments before the motion they amend); a motion never voted on ends its minute.
        seq = float(votes[0].after_event_id) + 0.5 if votes and votes[0].after_event_id is not None else 1e9
        assert motion.id is not None
        taken = float(votes[0].id or 0) if votes else 1e9 + order.get(motion.id, 0)
        facts.append(((_clock(when), seq, taken), True, motion.id))
        if _moved_ahead(record, motion, item):  # moved as the item began: before the discussion
            resolved = motion.outcome in _DECIDED and not _has_amendments(record, motion)
            # A motion resolved as worded: its wording is the resolution below, so the mover's line does not repeat it.
            line = "\n\n".join(_moved_by(*_mover_names(record, motion))) if resolved else _moved_line(record, motion)
            facts.append(((_clock(motion.moved_at), -0.5, 0.0), False, line))
        elif motion.amends_id is None and _has_amendments(record, motion):
            # Moved before its amendments (which end up in the minute before its own vote): said first.
            facts.append(((_clock(motion.moved_at or when), -0.5, 0.0), True, _moved_line(record, motion)))
    facts.sort(key=lambda f: f[0])
    # Resolutions are numbered in the order they print ("Agreed: 1.", "Agreed: 2." …).
    rendered: list[tuple[bool, str]] = []
    motions = {m.id: m for m in record.motions}
    for _key, decision, fact in facts:
        if isinstance(fact, int):
            motion = motions[fact]
            if _numbered(record, motion):  # "Agreed: 1.", "Agreed: 2.": only resolutions printed with a number
                counter[0] += 1
            fact = "\n\n".join(_motion_lines(record, motion, style, counter[0], _moved_ahead(record, motion, item)))
        rendered.append((decision, fact))
    first_decision = next((i for i, (decision, _text) in enumerate(rendered) if decision), len(rendered))
    before = [text for _d, text in rendered[:first_decision]]
    if record.body.style.note_out_of_order and (line := _out_of_order_line(record, item)):
        before.insert(0, line)
    after = [text for _d, text in rendered[first_decision:]]
    return "\n\n".join(before), "\n\n".join(after)


_NO_DECLARATIONS = re.compile(r"There were no declarations of interest[^.\n]*\.")
_APOLOGIES = re.compile(
    r"(?:No apologies were received\.|Apologies were received from [^.\n]*\.)"
    r"(?: [^.\n]* attended as \w+ for [^.\n]*\.)*"
)
_CONFIRMED_QUORATE = re.compile(r"The meeting was (?:confirmed as )?quorate \(\d+ counted, \d+ needed\)\.")


def _fresh_apologies(record: MeetingRecord, sentence: str) -> str:
    """The apologies sentence from the roll call, if `sentence` is one Quorate wrote (it names only the body's
    people); a sentence of the secretary's own naming anyone else is kept as written."""
    known = {display_name(p) for p in record.people} | {p.name for p in record.people}
    named = re.findall(r"(?:from|,| and) ([^,.]+?)(?=,| and |\.| attended)", sentence)
    if all(name.strip() in known for name in named):
        return apologies_minute(record)
    return sentence


def standing_text(record: MeetingRecord, item: AgendaItem, prose: str) -> str:
    """Standing sentences Quorate proposed, worked out again from the record as it is now.

    "There were no declarations…" gives way to the declarations recorded; the apologies sentence follows the
    roll call; "confirmed as quorate" stays only when the chair confirmed. The secretary's own words are kept.
    """
    if _NO_DECLARATIONS.search(prose) and record.declarations:
        prose = _NO_DECLARATIONS.sub(lambda _m: declarations_minute(record), prose)
    if record.attendance:
        prose = _APOLOGIES.sub(lambda m: _fresh_apologies(record, m.group(0)), prose)
    if _CONFIRMED_QUORATE.search(prose):
        result = item_quorum(record, item.id) if item.id is not None else None
        confirmed = any(c.kind is ConfirmationKind.QUORACY for c in record.confirmations)
        wording = quoracy_minute(result.result, confirmed) if result else ""
        prose = _CONFIRMED_QUORATE.sub(lambda _m: wording, prose)
    return prose


def _closing_lines(record: MeetingRecord, part: Part) -> tuple[str, ...]:
    meeting = record.meeting
    has_part2 = any(i.part is Part.TWO for i in record.items)
    lines: list[str] = []
    last_part = part is Part.TWO or not has_part2
    adjourned = _adjourned(record)
    if adjourned is not None and last_part:
        at = f" at {_close_time(record)}" if _close_time(record) else ""
        to = f" to {adjourned.strip().rstrip('.')}" if adjourned.strip() else ""
        lines.append(f"The meeting was adjourned{at}{to}.")
    elif _close_time(record) and last_part:
        lines.append(f"The meeting closed at {_close_time(record)}.")
    style = record.body.style
    if style.minute_taker.strip():
        on = f" on {meeting.date.day} {meeting.date:%B %Y}" if meeting.date else ""
        lines.append(f"{style.document_name} taken by {style.minute_taker.strip()}{on}.")
    return tuple(lines)


def build_minutes(
    record: MeetingRecord,
    part: Part = Part.ONE,
    number_prefix: str | None = None,
    resolution_style: str | None = None,
) -> MinutesDocument:
    """Lay out the minutes of one part of a meeting. Part II items never appear in Part I.

    `resolution_style` is the body's house style for decisions: "resolved" ("RESOLVED – That …"), "agreed"
    ("Agreed: 1. That …", numbered through the meeting) or "it_was_resolved" ("IT WAS RESOLVED that …", as
    company minutes write it). It defaults to the body's house style.
    Minute numbers run on through Part II unless the house style restarts them there.
    """
    style = record.body.style
    number_prefix = style.minute_prefix if number_prefix is None else number_prefix
    resolution_style = style.resolution_style if resolution_style is None else resolution_style
    if resolution_style not in RESOLUTION_STYLES:
        raise ValueError(f"resolution style must be one of {', '.join(RESOLUTION_STYLES)}")
    resolutions = [0]  # "Agreed: 1." numbering runs through the meeting
    corrected = {a.item_id: a.text for a in sorted(record.amendments, key=lambda a: a.version)}
    sections: list[MinuteSection] = []
    minute_of_item: dict[int, str] = {}
    numbers: dict[int, str] = {}  # every item's minute number so far, in either part
    counter = 0
    for this_part in (Part.ONE, Part.TWO):
        items = [item for item in record.items if item.part is this_part]
        if this_part is Part.TWO and style.part2_numbering == "restart":
            counter = 0
        for index, item in enumerate(items):
            text = record.minutes.get(item.id or -1)
            prose = standing_text(record, item, corrected.get(item.id or -1, text.body if text else ""))
            lead, decisions = _record_markdown(record, item, resolution_style, resolutions, numbers)
            body = "\n\n".join(chunk for chunk in (lead, prose, decisions) if chunk.strip())
            heading = is_heading(item, items[index + 1 :]) and not body.strip()
            if not heading and not body.strip():
                body = _not_taken(record, item)
            number = ""
            if not heading:
                counter += 1
                by_agenda = style.minute_numbering == "agenda" and item.number.strip().rstrip(".")
                number = f"{number_prefix}{by_agenda or counter}"
                if item.id is not None:
                    numbers[item.id] = number
            if this_part is not part:
                continue
            if not heading and item.id is not None:
                minute_of_item[item.id] = number
            owners = tuple(
                dict.fromkeys(
                    _initials_for(owner, record.people)
                    for action in record.actions
                    if action.item_id == item.id
                    for owner in action.owners
                )
            )
            # The agenda number beside the title only when it says something the minute number does not.
            shown = item.number.strip().rstrip(".") not in (number, number.removeprefix(number_prefix), "") or heading
            sections.append(
                MinuteSection(number, item.number, item.title, item.presenter, body, owners, heading, shown)
            )
    actions = tuple(
        ActionLine(
            a.number,
            minute_of_item.get(a.item_id or -1, ""),
            a.text,
            ", ".join(_initials_for(o, record.people) for o in a.owners),
            a.due.strftime("%d/%m/%Y") if a.due else "",
        )
        for a in record.actions
        if (a.item_id is None and part is Part.ONE) or a.item_id in minute_of_item
    )
    meeting = record.meeting
    return MinutesDocument(
        body_name=record.body.name,
        meeting_title=meeting.title,
        date_text=meeting.date.strftime("%-d %B %Y") if meeting.date else "",
        time_text=_time_text(meeting.start, meeting.closed_at if _close_time(record) else None),
        venue=meeting.venue,
        part=part,
        draft=meeting.minutes_status in (MinutesStatus.DRAFT, MinutesStatus.CHAIR_APPROVED),
        attendance=_attendance(record, part),
        members_of_public=meeting.members_of_public if part is Part.ONE else 0,
        sections=tuple(sections),
        actions=actions,
        audit_head=record.audit_head,
        style=style,
        approval_lines=_approval_lines(record),
        version_note=_version_note(record),
        closing_lines=_closing_lines(record, part),
    )


def _last_close(record: MeetingRecord) -> MeetingEvent | None:
    if record.meeting.closed_at is None:
        return None
    closes = [e for e in record.events if e.kind is EventKind.CLOSE]
    return max(closes, key=lambda e: e.id or 0) if closes else None


def _not_taken(record: MeetingRecord, item: AgendaItem) -> str:
    """For an item the closed meeting never reached: say so, rather than print an empty minute as if it had been
    taken with nothing to record."""
    if record.meeting.closed_at is None or item.status is not ItemStatus.PENDING:
        return ""
    if _adjourned(record) is not None:
        return "*Not taken: the meeting was adjourned before this item was reached.*"
    return "*This item was not taken.*"


def _close_time(record: MeetingRecord) -> str:
    """ "16:00" when the meeting is closed and the time it closed was recorded; "" otherwise."""
    if record.meeting.closed_at is None:
        return ""
    last = _last_close(record)
    return "" if last is not None and is_untimed(last) else hhmm(record.meeting.closed_at)


def _adjourned(record: MeetingRecord) -> str | None:
    """Where the meeting ended adjourned: "" or when it reconvenes; None when it closed (or is still going)."""
    last = _last_close(record)
    return adjournment(last) if last is not None else None


def _time_text(start: time | None, closed: time | None) -> str:
    """ "14:00", or "14:00–16:00" once the meeting has closed."""
    if start is None:
        return ""
    return f"{hhmm(start)}–{hhmm(closed)}" if closed is not None and closed > start else hhmm(start)


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
    corrected = next((i for i in record.items if i.id == latest.item_id), None)
    minute = f"the minute of item {corrected.number} ({corrected.title})" if corrected else "a minute"
    agreed = f", item {latest.agreed_item}" if latest.agreed_item else ""
    signed = [a for a in record.approvals if a.step is MinutesStatus.SIGNED and a.version == latest.version - 1]
    was = f", signed on {_long_date(signed[-1].on)}" if signed else ""
    reason = f" ({latest.reason})" if latest.reason else ""
    return (
        f"Version {latest.version}: {minute} corrected by resolution of the meeting held on "
        f"{_long_date(latest.on)}{agreed}{reason}; supersedes version {latest.version - 1}{was}."
    )
