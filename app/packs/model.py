"""What an importer found in a pack, before the secretary accepts it.

Each field an importer is unsure of is named in `uncertain`, so the review grid can
mark it; nothing here is written to the database until the secretary accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from app.domain import Part, Purpose, Tier
from app.errors import Refusal


class PackError(Refusal):
    """A pack that cannot be imported; the message is one plain sentence for the user."""


class ImportCancelled(PackError):
    """The user stopped the import; the message is "Import cancelled."."""


@dataclass(frozen=True, slots=True)
class DraftItem:
    number: str
    title: str
    presenter: str = ""
    purpose: Purpose = Purpose.UNKNOWN
    planned_time: time | None = None
    part: Part = Part.ONE
    first_page: int | None = None
    last_page: int | None = None
    uncertain: frozenset[str] = frozenset()
    verbal: bool = False  # "- verbal", "oral update": no paper
    tabled: bool = False  # "to be tabled": the paper comes on the day


@dataclass(frozen=True, slots=True)
class DraftPerson:
    name: str
    role: str = ""
    initials: str = ""
    tier: Tier = Tier.MEMBER
    apologies: bool = False
    part_time: bool = False  # "- part" after the role: present for part of the meeting
    absent: bool = False  # listed as absent (or not present) without apologies
    category: str = ""  # the attendance heading it was listed under, as written ("Also present", "Not Present")
    deputising_for: str = ""  # "(deputising for Dr A Smith)": whom they stood in for
    chair: bool = False  # chaired this meeting: "(Chair)", "(in the Chair)", "was elected Chair"
    uncertain: frozenset[str] = frozenset()  # "name" (one word only), "attendance" (came or not unknown)


@dataclass(frozen=True, slots=True)
class DraftPack:
    source_path: str
    sha256: str
    kind: str  # "pdf" or "text"
    body_name: str
    meeting_title: str
    meeting_date: date | None
    items: tuple[DraftItem, ...]
    venue: str = ""
    start: time | None = None
    page_count: int | None = None
    people: tuple[DraftPerson, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    # The text of each page (PDF) or text page (form feed, else a fixed run of lines), for search.
    pages: tuple[str, ...] = ()
    interests: tuple[DraftInterest, ...] = ()
    actions: tuple[DraftAction, ...] = ()  # rows of the pack's action tracker
    # Actions the minutes record: "ACTION: AB to ...", an "Actions" list, an action column or margin initials.
    minute_actions: tuple[DraftAction, ...] = ()
    planner: tuple[DraftPlannerRow, ...] = ()
    papers: tuple[DraftPaper, ...] = ()
    # Meeting fields read as a guess ("title", "date", "venue", "body"): marked for checking in the review.
    meeting_uncertain: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DraftDate:
    """A date as written in the pack ("Apr-19", "Circa 2012", "Ongoing") and the date it means, if any."""

    written: str = ""
    parsed: date | None = None


@dataclass(frozen=True, slots=True)
class DraftInterest:
    """One row of a register of interests; `columns` keeps every cell under its header as written."""

    name: str  # "Forename Surname" when the register splits them
    surname: str = ""
    forename: str = ""
    position: str = ""
    declared: str = ""  # "Yes", "No", "TBC" as written
    financial: bool = False
    non_financial_professional: bool = False
    non_financial_personal: bool = False
    indirect: bool = False
    interest_type: str = ""  # a written type column ("Disclosable pecuniary interest"), if the register has one
    details: str = ""
    date_from: DraftDate = DraftDate()
    date_to: DraftDate = DraftDate()
    mitigation: str = ""
    date_declared: DraftDate = DraftDate()
    columns: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DraftAction:
    """One row of an action tracker."""

    number: str
    action: str = ""
    owners: tuple[str, ...] = ()
    owner_text: str = ""  # the owner cell as written
    meeting_date: DraftDate = DraftDate()
    agenda_item: str = ""
    past_deadlines: tuple[DraftDate, ...] = ()
    past_deadlines_text: str = ""
    deadline: DraftDate = DraftDate()
    position: str = ""  # the latest update
    status: str = ""  # the RAG/status cell as written
    rag: str = ""  # "red", "amber", "green", "blue", "black" or "" when the status names none
    columns: tuple[tuple[str, str], ...] = ()
    uncertain: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DraftPlannerRow:
    """One row of a forward/decision planner."""

    topic: str
    status: str = ""
    ref: str = ""
    decision: str = ""
    decision_taker: str = ""
    scope: str = ""
    date: DraftDate = DraftDate()
    sponsor: str = ""
    contact: str = ""
    columns: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DraftPaper:
    """Where a paper starts: its cover sheet, and the agenda item it belongs to."""

    title: str  # as written on the cover sheet
    first_page: int  # 1-based page (PDF) or text page
    last_page: int
    number: str = ""  # the item number written on the cover, if any
    item_number: str | None = None  # the agenda item it is linked to
    match: str = ""  # "number", "title" or "" (not linked)
    score: float = 0.0  # 1.0 for a number match; the fuzzy title score (0-1) otherwise
    recommendations: str = ""
