"""The annual attendance report: per person, meetings attended out of the meetings they were expected at.

Annual reports print "Ann Baker (From 21 July 2023) 3/3" (DOMAIN.md section 7): the figure is counted over
the person's term, so someone who joined mid-year is expected only at the meetings after they joined. Whether a
deputy attending for a member counts as the member's attendance is the body's rule (`RuleSet.deputies_count`);
the report says which in a footnote, and marks the figures a deputy's attendance changed.

Pure computation: the input is one `MeetingRecord` per meeting, read by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain import MeetingRecord, Person, Presence, Tier

EXPECTATION = 0.75  # the attendance NHS boards and most councils expect of their members
LISTED_TIERS = (Tier.MEMBER, Tier.PARTICIPANT)  # board members, voting or not; officers are not counted


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


@dataclass(frozen=True, slots=True)
class AttendanceFigure:
    """One person's line of the report."""

    person_id: int | None
    name: str
    role: str
    tier: Tier
    term_from: date | None  # printed when the term started inside the period
    term_to: date | None  # printed when the term ended inside the period
    attended: int
    expected: int
    by_deputy: int  # meetings at which a deputy attended for them (counted in `attended` only if deputies count)
    deputies_count: bool

    @property
    def term_note(self) -> str:
        """ "From 21 July 2023", "To 31 March 2024", "From … to …", or "" for a whole-period member."""
        if self.term_from and self.term_to:
            return f"From {long_date(self.term_from)} to {long_date(self.term_to)}"
        if self.term_from:
            return f"From {long_date(self.term_from)}"
        if self.term_to:
            return f"To {long_date(self.term_to)}"
        return ""

    @property
    def figure(self) -> str:
        """ "3/4", with a dagger when a deputy's attendance is part of it (or, not counting, was left out)."""
        return f"{self.attended}/{self.expected}" + ("†" if self.by_deputy else "")

    @property
    def fraction(self) -> float:
        return self.attended / self.expected if self.expected else 0.0

    @property
    def below_expectation(self) -> bool:
        return self.fraction < EXPECTATION

    @property
    def label(self) -> str:
        """The line as annual reports print it: "Ann Baker (From 21 July 2023) 3/3"."""
        note = f" ({self.term_note})" if self.term_note else ""
        return f"{self.name}{note} {self.figure}"


@dataclass(frozen=True, slots=True)
class AttendanceReport:
    body_name: str
    start: date
    end: date
    meetings: tuple[tuple[date, str], ...]  # (date, title) of each meeting counted, in date order
    figures: tuple[AttendanceFigure, ...]
    deputies_count: bool

    @property
    def title(self) -> str:
        return f"{self.body_name}: attendance {long_date(self.start)} to {long_date(self.end)}"

    @property
    def footnotes(self) -> tuple[str, ...]:
        notes = [
            "Figures are meetings attended / meetings the person was expected at: the meetings held during their "
            "term of office within the period.",
        ]
        if self.deputies_count:
            notes.append(
                "† A deputy attended for the member at one or more meetings; under the body's rules a deputy's "
                "attendance counts as the member's, so it is included in the figure."
            )
        else:
            notes.append(
                "† A deputy attended for the member at one or more meetings; under the body's rules a deputy's "
                "attendance does not count as the member's, so it is not included in the figure."
            )
        notes.append(f"Members are expected to attend at least {EXPECTATION:.0%} of the meetings.")
        return tuple(notes)


def _in_term(person: Person, day: date) -> bool:
    return (person.term_from is None or person.term_from <= day) and (person.term_to is None or day <= person.term_to)


def _held(record: MeetingRecord) -> bool:
    """A meeting counts once its attendance was recorded: a meeting still to come, or never minuted, does not."""
    return bool(record.attendance)


def _only_a_deputy(person: Person, held: Sequence[MeetingRecord]) -> bool:
    """Someone who came only to stand in for members is a deputy, not a member expected at every meeting."""
    rows = [a for r in held for a in r.attendance if a.person_id == person.id]
    return any(a.deputy_for_id is not None for a in rows) and all(a.deputy_for_id is not None for a in rows)


def attendance_report(
    records: Sequence[MeetingRecord],
    start: date,
    end: date,
    deputies_count: bool | None = None,
    body_name: str | None = None,
) -> AttendanceReport:
    """Count attendance over the meetings held between `start` and `end` (inclusive).

    `deputies_count` defaults to the body's rule set (the latest meeting's): True counts a deputy attending for
    a member as the member's attendance. People are listed in the order of the body's people (tiers Members and
    Participants), skipping anyone who was not expected at any meeting in the period.
    """
    if end < start:
        raise ValueError("The period ends before it starts.")
    held = sorted(
        (r for r in records if r.meeting.date is not None and start <= r.meeting.date <= end and _held(r)),
        key=lambda r: (r.meeting.date or start, r.meeting.id or 0),
    )
    latest = held[-1] if held else (records[-1] if records else None)
    if deputies_count is None:
        deputies_count = latest.body.rules.deputies_count if latest is not None else True
    if body_name is None:
        body_name = latest.body.name if latest is not None else ""
    people: dict[int | None, Person] = {}
    for record in held or records:
        for person in record.people:  # the latest record's view of a person wins
            people[person.id] = person
    figures: list[AttendanceFigure] = []
    for person in people.values():
        if person.tier not in LISTED_TIERS or _only_a_deputy(person, held):
            continue
        attended = expected = by_deputy = 0
        for record in held:
            assert record.meeting.date is not None
            if not _in_term(person, record.meeting.date):
                continue
            expected += 1
            rows = [a for a in record.attendance if a.person_id == person.id]
            present = any(a.presence is Presence.PRESENT and a.deputy_for_id is None for a in rows)
            deputised = not present and (
                any(a.presence is Presence.DEPUTISED for a in rows)
                or any(a.deputy_for_id == person.id and a.presence is Presence.PRESENT for a in record.attendance)
            )
            if present:
                attended += 1
            elif deputised:
                by_deputy += 1
                if deputies_count:
                    attended += 1
        if expected == 0:
            continue
        figures.append(
            AttendanceFigure(
                person.id,
                person.name,
                person.role,
                person.tier,
                person.term_from if person.term_from and person.term_from > start else None,
                person.term_to if person.term_to and person.term_to < end else None,
                attended,
                expected,
                by_deputy,
                deputies_count,
            )
        )
    tier_order = {tier: index for index, tier in enumerate(LISTED_TIERS)}
    figures.sort(key=lambda f: tier_order[f.tier])  # stable: members first, each tier in the body's order
    return AttendanceReport(
        body_name,
        start,
        end,
        tuple((r.meeting.date or start, r.meeting.title) for r in held),
        tuple(figures),
        deputies_count,
    )
