"""How a body's minutes look: a small template of data, with an NHS-board and a council preset."""

from __future__ import annotations

import enum
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


class MinuteNumbering(enum.StrEnum):
    SEQUENCE = "sequence"  # 1, 2, 3 … in the order minuted
    AGENDA = "agenda"  # each minute keeps its agenda item's number


class Part2Numbering(enum.StrEnum):
    CONTINUE = "continue"  # Part II runs on from Part I
    RESTART = "restart"  # Part II starts again at 1


class Layout(enum.StrEnum):
    TABLE = "table"  # NHS boards: attendance tables with initials, minutes in a No. | Agenda Item | Action table
    PROSE = "prose"  # councils, charities, companies, societies: "Present: A (Chair), B, C", headed paragraphs


@dataclass(frozen=True, slots=True)
class HouseStyle:
    name: str = "NHS board"
    minute_prefix: str = ""  # printed before each minute number, e.g. "HCP" gives HCP1, HCP2…
    # "resolved": RESOLVED – That …; "agreed": Agreed: 1. That …; "it_was_resolved": IT WAS RESOLVED that … (companies)
    resolution_style: str = "resolved"
    heading: str = "Minutes of the: {body}{part}"  # {body}, {part} (" in PUBLIC" / " (Part II: CONFIDENTIAL)")
    # What {part} says of the public minutes: NHS boards meet "in PUBLIC"; councils and charities write nothing.
    part_one_label: str = "in PUBLIC"
    accent: str = "#005EB8"  # title and table header colour
    dark: str = "#003087"  # headings
    logo_path: str = ""  # an image printed at the top right of the first page
    initials_box: bool = False  # for bodies whose chair initials every loose leaf of the signed minutes
    # What the document is called: "Minutes", or "Notes" for advisory groups that keep notes, not minutes.
    document_name: str = "Minutes"
    # Minute numbers: "sequence" (1, 2, 3 … in the order minuted) or "agenda" (each minute keeps its item's number).
    minute_numbering: MinuteNumbering = MinuteNumbering.SEQUENCE
    # Part II minute numbers: "continue" from Part I (HCP12, HCP13 …) or "restart" at 1 in the Part II document.
    part2_numbering: Part2Numbering = Part2Numbering.CONTINUE
    # "table" (attendance tables with initials, minutes in a No. | Agenda Item | Action table) or "prose"
    # (attendance run on, "Present: Cllr A (Chair), Cllr B", and each minute a numbered heading with its text).
    layout: Layout = Layout.TABLE
    # The attendance blocks, in the body's own words (a block with nobody in it is not printed).
    members_heading: str = "Members"
    participants_heading: str = "Participants"
    officers_heading: str = "Officers"
    in_attendance_heading: str = "In attendance"
    observers_heading: str = "Observers"
    apologies_heading: str = "Apologies"
    # Who stands in for an absent member: a "deputy" (printed "deputising for …") or, in councils, a "substitute"
    # ("substitute for …"); the apologies sentence says "attended as deputy for …" in the same word.
    deputy_noun: str = "deputy"
    # Members recorded absent without apologies: listed under this heading when given ("Not present"), else left out.
    absent_heading: str = ""
    # "Minutes taken by …": printed after the close when given (the body's secretary, say).
    minute_taker: str = ""
    # Items taken out of agenda order get a line in the minutes ("Item 5 was taken before item 2.").
    note_out_of_order: bool = True

    def __post_init__(self) -> None:
        if self.resolution_style not in ("resolved", "agreed", "it_was_resolved"):
            raise ValueError("resolution_style must be 'resolved', 'agreed' or 'it_was_resolved'")
        enums: tuple[tuple[str, type[enum.StrEnum]], ...] = (
            ("minute_numbering", MinuteNumbering),
            ("part2_numbering", Part2Numbering),
            ("layout", Layout),
        )
        for name, kind in enums:
            try:
                object.__setattr__(self, name, kind(getattr(self, name)))  # JSON hands the value back as text
            except ValueError:
                allowed = " or ".join(repr(m.value) for m in kind)
                raise ValueError(f"{name} must be {allowed}") from None
        for name in ("document_name", "members_heading", "participants_heading", "officers_heading", "deputy_noun"):
            if not getattr(self, name).strip():
                raise ValueError(f"{name} cannot be blank")
        for name in ("in_attendance_heading", "observers_heading", "apologies_heading"):
            if not getattr(self, name).strip():
                raise ValueError(f"{name} cannot be blank")
        for name in ("accent", "dark"):
            if not _HEX.match(getattr(self, name)):
                raise ValueError(f"{name} must be a colour like #005EB8 (got {getattr(self, name)!r})")
        if "{body}" not in self.heading:
            raise ValueError("heading must contain {body}")
        if len(self.minute_prefix) > 12:
            raise ValueError("minute_prefix is at most 12 characters")


NHS_BOARD = HouseStyle()
COUNCIL = HouseStyle(
    name="Council committee",
    layout=Layout.PROSE,
    resolution_style="resolved",
    heading="MINUTES of a meeting of the {body}{part}",
    part_one_label="",
    accent="#1D3557",
    dark="#1D3557",
    deputy_noun="substitute",
)
CHARITY = HouseStyle(
    name="Charity trustees",
    layout=Layout.PROSE,
    resolution_style="agreed",
    heading="Minutes of the {body}{part}",
    part_one_label="",
    accent="#2E7D32",
)
PARTNERSHIP_NOTES = HouseStyle(
    name="Partnership notes",
    layout=Layout.PROSE,
    resolution_style="agreed",
    heading="Notes of the {body}{part}",
    part_one_label="",
    accent="#4A4A4A",
    dark="#222222",
    document_name="Notes",
    members_heading="Present",
)
COMPANY_BOARD = HouseStyle(
    name="Company board",
    layout=Layout.PROSE,
    resolution_style="it_was_resolved",
    heading="MINUTES of a meeting of the Board of Directors of {body}{part}",
    part_one_label="",
    accent="#37474F",
    dark="#263238",
    members_heading="Present",
)
HOUSE_STYLES = {style.name: style for style in (NHS_BOARD, COUNCIL, CHARITY, COMPANY_BOARD, PARTNERSHIP_NOTES)}


def style_to_dict(style: HouseStyle) -> dict[str, Any]:
    return asdict(style)


def style_from_dict(data: dict[str, Any]) -> HouseStyle:
    known = {f.name for f in fields(HouseStyle)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown house-style field {unknown[0]!r}")
    return HouseStyle(**data)
