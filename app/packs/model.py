"""What an importer found in a pack, before the secretary accepts it.

Each field an importer is unsure of is named in `uncertain`, so the review grid can
mark it; nothing here is written to the database until the secretary accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from app.domain import Part, Purpose, Tier


class PackError(Exception):
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


@dataclass(frozen=True, slots=True)
class DraftPerson:
    name: str
    role: str = ""
    initials: str = ""
    tier: Tier = Tier.MEMBER
    apologies: bool = False


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
