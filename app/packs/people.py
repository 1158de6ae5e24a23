"""Attendance blocks of the previous minutes: `Members :` then `Name<TAB>Role<TAB>Initials` rows."""

from __future__ import annotations

import re

from app.domain import Tier
from app.packs.agenda import cells, norm
from app.packs.model import DraftPerson

_BLOCK = re.compile(
    r"^(members|voting members|participants|in attendance|attendees|present|officers|apologies(?: for absence)?)\s*:?$",
    re.I,
)
_TIERS = {"participants": Tier.PARTICIPANT, "in attendance": Tier.IN_ATTENDANCE, "officers": Tier.OFFICER}
_NAME = re.compile(
    r"^(?:(?:Dr|Cllr|Councillor|Prof|Professor|Mr|Mrs|Ms|Miss|Sir|Dame|Rev)\.?\s+)?"
    r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]*){0,4}(?:\s*\([^()]{1,40}\))?$"
)
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}$")
_WINDOW = 400  # the minutes' header sits soon after the agenda
_PART = re.compile(
    r"\s*(?:[-,;]\s*|\(\s*)(?:part|part[\s-]+time|partial|for\s+part(?:\s+of\s+(?:the\s+)?meeting)?)\)?$", re.I
)


def find_people(lines: list[str]) -> list[DraftPerson]:
    """People from the first run of attendance blocks in `lines`, or none."""
    people: list[DraftPerson] = []
    tier: Tier | None = None
    apologies = False
    for line in lines[:_WINDOW]:
        row = cells(line)
        if not row:
            continue
        head = _BLOCK.match(norm(row[0]))
        if head and len(row) == 1:
            word = head[1].lower()
            tier, apologies = _TIERS.get(word, Tier.MEMBER), word.startswith("apologies")
            continue
        if tier is not None and 2 <= len(row) <= 3 and _NAME.match(norm(row[0])):
            initials = row[2] if len(row) == 3 and _INITIALS.match(row[2]) else ""
            name = re.sub(r"\s*\([^()]*\)$", "", row[0]).strip()  # "Dr A Smith (Chair)": the role is in its own column
            role = row[1]
            part = _PART.search(norm(role))
            if part:
                role = role[: part.start()].rstrip()
            people.append(
                DraftPerson(
                    name=name, role=role, initials=initials, tier=tier, apologies=apologies, part_time=part is not None
                )
            )
        elif people:
            break
        else:
            tier = None
    return people
