"""The corpus measured once per session: each document read as `quorate agenda --json` does, its agenda scored by
../shared/tools/agenda_score.py, and the people and actions a minutes document names checked against
`expected["people"]` / `expected["actions"]` (keys described in tests/corpus/README.md)."""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from app.bench import SCORER, AgendaScore, CorpusDocument, corpus_documents, read_corpus_document, score_agenda
from app.domain import Tier
from app.packs import DraftAction, DraftPack, DraftPerson, draft_to_json

FLOORS = Path(__file__).resolve().parent / "floors.json"
REFUSED = "refused"
HONORIFICS = re.compile(
    r"^(?:(?:councillors?|cllrs?|district|county|dr|mr|mrs|ms|miss|mx|prof|professor|revd|rev|sir|dame|lady|lord)\.?\s+)+",
    re.I,
)
ATTENDING_TIERS = {Tier.IN_ATTENDANCE, Tier.OFFICER}
EXTRA_CHECKS = ("meeting", "pages", "parts")  # Measured fields of (right, possible), floored like people


@dataclass(frozen=True)
class Measured:
    document: CorpusDocument
    draft: DraftPack | None
    score: AgendaScore
    people_right: int
    actions_right: int
    # Checks beyond the agenda score, each (right, possible); only those the expected file has data for.
    meeting: tuple[int, int] = (0, 0)
    pages: tuple[int, int] = (0, 0)
    parts: tuple[int, int] = (0, 0)


def person_key(name: str) -> str:
    """ "Cllr R Brightwell", "Professor Adaeze Nwachukwu" -> "r brightwell", "adaeze nwachukwu"."""
    plain = re.sub(r"[^\w\s'-]", " ", name.replace("\u2019", "'"))
    return re.sub(r"\s+", " ", HONORIFICS.sub("", plain.strip())).strip().casefold()


def person_matches(expected: dict[str, Any], found: DraftPerson) -> bool:
    """Same person (titles aside) in the same place: apologies, in attendance, or at the table."""
    if person_key(found.name) != person_key(expected["name"]):
        return False
    category = expected["category"]
    if category == "apologies":
        return found.apologies
    if found.apologies:
        return False
    return (found.tier in ATTENDING_TIERS) == (category == "in_attendance")


def action_matches(expected: dict[str, Any], found: DraftAction, people: list[dict[str, Any]]) -> bool:
    """Same owner (as printed, or the person those initials or that role belong to) and the same text, near
    enough."""
    owner = expected["owner"]
    wanted = {owner.casefold()} | {
        person_key(p["name"]) for p in people if owner in (p.get("initials"), p.get("role"))
    }  # "HT" or "Town Clerk" may be resolved to the person's name
    written = found.owner_text.casefold()
    owners = {o.casefold() for o in found.owners} | {person_key(o) for o in found.owners}
    owners |= {written.strip()} | set(written.replace(",", " ").split())
    if not wanted & owners:
        return False
    return fuzz.partial_ratio(expected["text"].casefold(), found.action.casefold()) >= 80


def people_right(document: CorpusDocument, draft: DraftPack | None) -> int:
    found = draft.people if draft is not None else ()
    return sum(any(person_matches(e, f) for f in found) for e in document.expected.get("people", []))


def actions_right(document: CorpusDocument, draft: DraftPack | None) -> int:
    found = (*draft.actions, *draft.minute_actions) if draft is not None else ()
    people = document.expected.get("people", [])
    return sum(any(action_matches(e, f, people) for f in found) for e in document.expected.get("actions", []))


def _text(value: object) -> str:
    return re.sub(r"\s+", " ", str(value or "").replace("\u2019", "'")).strip().casefold()


def meeting_right(expected: dict[str, Any], answer: dict[str, Any]) -> tuple[int, int]:
    """Body, title, date, start time and venue of the meeting itself, where the expected file gives them. Names
    may be printed with more around them ("Cabinet - 14 January 2025"), but not with a paper's sentence."""
    found = answer.get("meeting") or {}
    checks = []
    for key, found_key in (("body", "body"), ("meeting_title", "title"), ("venue", "venue")):
        if expected.get(key):
            want, got = _text(expected[key]), _text(found.get(found_key))
            checks.append(bool(got) and fuzz.partial_ratio(want, got) >= 90 and len(got) <= 2 * len(want) + 20)
    if expected.get("date"):
        checks.append(found.get("date") == expected["date"])
    if expected.get("time_of_meeting"):
        checks.append(found.get("time") == expected["time_of_meeting"])
    return sum(checks), len(checks)


def _found_by_number(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    stack = list(answer.get("items") or [])
    while stack:
        item = stack.pop(0)
        out.setdefault(str(item.get("number") or "").rstrip(".: ").casefold(), item)
        stack[:0] = item.get("children") or []
    return out


def pages_right(expected: dict[str, Any], answer: dict[str, Any]) -> tuple[int, int]:
    """Items whose PDF pages the expected file gives ("(Pages 5 - 10)" behind unnumbered front pages)."""
    found = _found_by_number(answer)
    wanted = [i for i in expected["items"] if i.get("pdf_pages") and i["number"]]
    right = sum((found.get(i["number"].casefold()) or {}).get("pages") == i["pdf_pages"] for i in wanted)
    return right, len(wanted)


def parts_right(expected: dict[str, Any], answer: dict[str, Any]) -> tuple[int, int]:
    """Part I or Part II for every numbered item, in documents that have a Part II; a missing item is wrong."""
    if not any(i.get("part") == 2 for i in expected["items"]):
        return 0, 0
    found = _found_by_number(answer)
    wanted = [i for i in expected["items"] if i["number"]]
    right = sum((found.get(i["number"].casefold()) or {}).get("part") == i.get("part", 1) for i in wanted)
    return right, len(wanted)


@functools.cache
def measured() -> tuple[Measured, ...]:
    out = []
    for document in corpus_documents():
        if not SCORER.exists() or not document.path.exists():
            continue
        reading = read_corpus_document(document)
        answer = draft_to_json(reading.draft) if reading.draft is not None else {}
        out.append(
            Measured(
                document,
                reading.draft,
                score_agenda(document.expected_path, reading.draft),
                people_right(document, reading.draft),
                actions_right(document, reading.draft),
                meeting_right(document.expected, answer),
                pages_right(document.expected, answer),
                parts_right(document.expected, answer),
            )
        )
    return tuple(out)


def pooled(results: tuple[Measured, ...]) -> float:
    right = sum(m.score.right for m in results)
    total = sum(m.score.total for m in results)
    return right / total if total else 0.0


def floors() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return loaded


def a_little_lower(share: float) -> float:
    """Today's score as a floor: rounded down to the percent, less one point for wobble in fuzzy title matches."""
    return max(0.0, (math.floor(share * 100) - 1) / 100)
