"""The meeting record as plain, frozen values.

No Qt, no SQL, no I/O: these types are what storage loads and saves, what services
reason about and what exporters render. Later issues fill in behaviour; the shapes
are fixed here so every layer speaks the same language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time

from app.domain.annotations import AnnotationKind, Point, Rect
from app.domain.house_style import HouseStyle
from app.domain.rules import RuleSet


class Tier(enum.StrEnum):
    """How a person sits at the table (the blocks of an NHS minutes header)."""

    MEMBER = "member"  # voting members
    PARTICIPANT = "participant"  # non-voting participants
    IN_ATTENDANCE = "in_attendance"  # officers, guests
    OFFICER = "officer"
    OBSERVER = "observer"  # attends to observe (a regulator, another body): a block of their own in the minutes


class Purpose(enum.StrEnum):
    """Why an item is on the agenda, as packs write it."""

    NOTE = "note"
    APPROVE = "approve"
    DISCUSS = "discuss"
    UPDATE = "update"
    DECIDE = "decide"
    CONSIDER = "consider"
    UNKNOWN = ""


class Part(enum.IntEnum):
    """Part I is public business; Part II is confidential (press and public excluded)."""

    ONE = 1
    TWO = 2


class Presence(enum.StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    DEPUTISED = "deputised"  # away, with a deputy attending in their place
    REMOTE = "remote"  # attending by video or phone, for bodies whose rules allow it


class DeclarationConduct(enum.StrEnum):
    """What a member with a declared interest did on the item."""

    WITHDREW = "withdrew"  # left the room
    REMAINED_NO_PART = "remained_no_part"
    REMAINED_TOOK_PART = "remained_took_part"


class MotionOutcome(enum.StrEnum):
    PENDING = "pending"
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"
    REFERRED = "referred"
    CONSENSUS = "consensus"
    NOTED = "noted"  # a report noted: no decision, nothing to vote on


class VoteKind(enum.StrEnum):
    SHOW_OF_HANDS = "show_of_hands"
    RECORDED = "recorded"


class Ballot(enum.StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    DID_NOT_VOTE = "did_not_vote"


class ItemStatus(enum.StrEnum):
    PENDING = "pending"  # not reached yet
    OPEN = "open"  # being taken now
    TAKEN = "taken"
    DEFERRED = "deferred"


class EventKind(enum.StrEnum):
    """Timed facts of a live meeting, in the order they happened."""

    START = "start"
    OPEN_ITEM = "open_item"
    DEFER_ITEM = "defer_item"
    ARRIVE = "arrive"
    LEAVE = "leave"
    WITHDRAW = "withdraw"  # leaves the room for one item
    RETURN = "return"
    INQUORATE = "inquorate"
    QUORATE = "quorate"
    PART2 = "part2"  # the resolution to exclude press and public
    CLOSE = "close"
    PRESIDE = "preside"  # person_id takes the chair from now on; no person: the chair is vacated
    REOPEN = "reopen"  # a closed meeting taken up again


class ConfirmationKind(enum.StrEnum):
    QUORACY = "quoracy"
    RESOLUTION = "resolution"


class MinutesStatus(enum.StrEnum):
    DRAFT = "draft"
    CHAIR_APPROVED = "chair_approved"
    BODY_APPROVED = "body_approved"
    SIGNED = "signed"


@dataclass(frozen=True, slots=True)
class Body:
    """A board or committee that meets repeatedly."""

    id: int | None
    name: str
    kind: str = "board"
    rules: RuleSet = field(default_factory=RuleSet)
    style: HouseStyle = field(default_factory=HouseStyle)


@dataclass(frozen=True, slots=True)
class Person:
    id: int | None
    body_id: int
    name: str
    role: str = ""
    initials: str = ""
    title: str = ""
    organisation: str = ""
    tier: Tier = Tier.MEMBER
    voting: bool = True
    role_tags: tuple[str, ...] = ()
    term_from: date | None = None
    term_to: date | None = None
    retired: bool = False


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int | None
    body_id: int
    title: str
    date: date | None = None
    start: time | None = None
    venue: str = ""
    pack_path: str = ""
    pack_sha256: str = ""
    members_of_public: int = 0
    minutes_status: MinutesStatus = MinutesStatus.DRAFT
    created_at: datetime | None = None
    started_at: time | None = None  # live meeting: when the chair opened it
    closed_at: time | None = None
    current_item_id: int | None = None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int | None
    meeting_id: int
    position: int  # canonical order within the meeting, 0-based
    number: str  # as written in the pack: "6.4", "2(a)", "3a"
    title: str
    presenter: str = ""
    purpose: Purpose = Purpose.UNKNOWN
    planned_time: time | None = None
    part: Part = Part.ONE
    first_page: int | None = None  # 1-based pack pages
    last_page: int | None = None
    parent_id: int | None = None
    status: ItemStatus = ItemStatus.PENDING
    opened_at: time | None = None
    closed_at: time | None = None
    taken_order: int | None = None  # 1 for the first item taken in the meeting

    @property
    def depth(self) -> int:
        """Nesting implied by the number as written: "6" is 0, "6.4" is 1."""
        return self.number.rstrip(".").count(".")


@dataclass(frozen=True, slots=True)
class Attendance:
    id: int | None
    meeting_id: int
    person_id: int
    presence: Presence = Presence.PRESENT
    deputy_for_id: int | None = None
    arrived_at: time | None = None
    left_at: time | None = None


@dataclass(frozen=True, slots=True)
class Declaration:
    id: int | None
    item_id: int
    person_id: int
    interest: str
    kind: str = ""
    conduct: DeclarationConduct = DeclarationConduct.REMAINED_TOOK_PART
    declared_at: time | None = None
    interest_id: int | None = None  # the register row declared, when picked from the register


@dataclass(frozen=True, slots=True)
class Motion:
    id: int | None
    item_id: int
    text: str
    mover_id: int | None = None
    seconder_id: int | None = None
    amends_id: int | None = None
    outcome: MotionOutcome = MotionOutcome.PENDING
    position: int = 0  # order among the item's motions
    minority_view: str = ""
    moved_at: time | None = None
    decided_at: time | None = None
    outcome_note: str = ""  # deferred: why; referred: to whom; withdrawn: with whose leave
    amended_wording: str = ""  # an amendment: the substantive motion as it reads once the amendment is carried


@dataclass(frozen=True, slots=True)
class Vote:
    id: int | None
    motion_id: int
    kind: VoteKind = VoteKind.SHOW_OF_HANDS
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    did_not_vote: int = 0
    casting_vote: Ballot | None = None
    ballots: tuple[tuple[int, Ballot], ...] = ()  # (person_id, ballot) for a recorded vote
    taken_at: time | None = None
    after_event_id: int | None = None  # the room was as it stood after this meeting event
    despite_inquorate: bool = False
    casting_by_id: int | None = None  # who gave the casting vote: the person presiding at the time


@dataclass(frozen=True, slots=True)
class MinuteEntry:
    """The secretary's prose for one agenda item, kept as Markdown."""

    id: int | None
    item_id: int
    body: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Action:
    id: int | None
    meeting_id: int
    item_id: int | None
    number: str
    text: str
    owners: tuple[str, ...] = ()
    due: date | None = None
    status: str = "open"  # open / complete / closed, or as the pack's tracker writes it
    rag: str = ""  # red / amber / green / blue, or ""
    origin: str = "raised"  # raised at a meeting, or "tracker": read from a pack's action tracker
    closed_at: date | None = None


@dataclass(frozen=True, slots=True)
class ActionUpdate:
    """What a later meeting heard about an action."""

    id: int | None
    action_id: int
    meeting_id: int
    at: time
    text: str = ""
    status: str = ""
    rag: str = ""


@dataclass(frozen=True, slots=True)
class MeetingEvent:
    id: int | None
    meeting_id: int
    at: time
    kind: EventKind
    item_id: int | None = None
    person_id: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class ChairConfirmation:
    id: int | None
    meeting_id: int
    kind: ConfirmationKind
    at: time
    item_id: int | None = None
    motion_id: int | None = None
    wording: str = ""
    chair_id: int | None = None
    pin_checked: bool = False


@dataclass(frozen=True, slots=True)
class Annotation:
    """A member's private note on the pack, anchored by quote so it survives revisions."""

    id: int | None
    meeting_id: int
    owner: str
    page: int
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    colour: str = "yellow"
    item_id: int | None = None
    raise_at_meeting: bool = False
    # Issue 7 (schema 6): what it is and where it sits on its page; see db/0006_annotations.sql.
    kind: AnnotationKind = AnnotationKind.HIGHLIGHT
    rects: tuple[Rect, ...] = ()  # PDF points from the page's top-left corner
    ink: tuple[tuple[Point, ...], ...] = ()
    char_start: int = -1  # where the quote starts in the page's text
    anchored_sha256: str = ""  # the pack file the position was measured on
    orphaned: bool = False  # a revised pack no longer has its words (schema 5)
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change to the record; `hash` chains it to the entry before."""

    id: int | None
    at: datetime
    actor: str
    entity: str
    entity_id: int | None
    action: str
    before: str | None
    after: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class MinutesApproval:
    """One step on the minutes' way to a signed record."""

    id: int | None
    meeting_id: int
    step: MinutesStatus  # CHAIR_APPROVED, BODY_APPROVED or SIGNED
    on: date
    name: str = ""
    role: str = ""
    at_meeting_id: int | None = None  # body approval: the later meeting that approved them
    motion_id: int | None = None  # … and its resolution
    file_sha256: str = ""  # signed: the signed PDF
    version: int = 1  # which version of the minutes (2 and up: corrections)
    override: str = ""  # body approval other than by the usual resolution: the wording printed instead


@dataclass(frozen=True, slots=True)
class MinutesAmendment:
    """A correction to signed minutes agreed at a later meeting; version 2 is the first correction."""

    id: int | None
    meeting_id: int
    version: int
    at_meeting_id: int
    item_id: int
    text: str
    on: date
    motion_id: int | None = None
    reason: str = ""
    agreed_item: str = ""  # the later meeting's item whose resolution agreed it, numbered as there ("6.1")


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """Everything needed to render or review one meeting."""

    body: Body
    meeting: Meeting
    items: tuple[AgendaItem, ...]
    minutes: dict[int, MinuteEntry]  # item id -> minute
    people: tuple[Person, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    actions: tuple[Action, ...] = ()
    audit_head: str = ""
    events: tuple[MeetingEvent, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    motions: tuple[Motion, ...] = ()
    votes: tuple[Vote, ...] = ()
    confirmations: tuple[ChairConfirmation, ...] = ()
    action_updates: tuple[ActionUpdate, ...] = ()
    approvals: tuple[MinutesApproval, ...] = ()
    amendments: tuple[MinutesAmendment, ...] = ()
