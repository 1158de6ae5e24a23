"""The corpus measured once per session: each document read as `quorate agenda --json` does, its agenda scored by
../shared/tools/agenda_score.py, and the people and actions a minutes document names checked against
`expected["people"]` / `expected["actions"]` (keys described in tests/corpus/README.md)."""

from __future__ import annotations

import difflib
import functools
import json
import math
import re
from dataclasses import dataclass, field
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
class Calibration:
    """How honest a reading is about its mistakes, over its scored fields (items' number, title, presenter and
    time as the scorer matches them, each spurious item, the meeting's five fields, items' PDF pages and parts).

    `wrong_sure` is the figure that matters: wrong answers presented as certain (confidence 1.0, not in
    `uncertain`), the worst outcome. `right_unsure` keeps it honest: marking everything uncertain would empty
    `wrong_sure` and make the review's amber mean nothing. A field left empty (nothing presented) is wrong but
    neither sure nor unsure."""

    fields: int = 0
    wrong: int = 0
    wrong_sure: int = 0
    right_unsure: int = 0
    examples: tuple[str, ...] = ()  # "field: found" for the wrong-and-sure ones, to show where they are

    def __add__(self, other: Calibration) -> Calibration:
        return Calibration(
            self.fields + other.fields,
            self.wrong + other.wrong,
            self.wrong_sure + other.wrong_sure,
            self.right_unsure + other.right_unsure,
            self.examples + other.examples,
        )


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
    calibration: Calibration = field(default_factory=lambda: Calibration())


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


def _title_ratio(a: object, b: object) -> float:
    return difflib.SequenceMatcher(None, _scorer_norm(a), _scorer_norm(b)).ratio()


def _scorer_norm(value: object) -> str:
    """The scorer's normalisation (../shared/tools/agenda_score.py `norm`), for matching as it matches."""
    text = str(value or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-")):
        text = text.replace(a, b)
    for a, b in (("\u2014", "-"), ("**", ""), ("\u00a0", " ")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().strip(".:;,").lower()


def _flat(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items or []:
        out.append(item)
        out += _flat(item.get("children") or [])
    return out


def _hhmm(value: object) -> str | None:
    m = re.search(r"(\d{1,2})[.:](\d{2})\s*(am|pm)?", str(value or "").lower())
    if not m:
        return None
    hour = int(m[1]) + (12 if m[3] == "pm" and int(m[1]) < 12 else 0)
    return f"{hour:02d}:{int(m[2]):02d}"


def calibration(expected: dict[str, Any], answer: dict[str, Any]) -> Calibration:
    """Each scored field of one document: right or wrong, and presented as sure (confidence 1.0) or not."""
    if not answer:
        return Calibration()  # refused: nothing presented
    found = _flat(answer.get("items") or [])
    by_number: dict[str, dict[str, Any]] = {}
    for item in found:
        by_number.setdefault(_scorer_norm(item.get("number")).rstrip(".").replace(" ", ""), item)
    checks: list[tuple[str, bool, bool | None]] = []  # (what, right, sure: None when nothing was presented)

    def sure(item: dict[str, Any], key: str) -> bool:
        return float((item.get("confidence") or {}).get(key, 1.0)) >= 1.0

    matched: set[int] = set()
    for want in expected["items"]:
        if want["number"]:
            got = by_number.get(want["number"].lower())
        else:
            ranked = [(_title_ratio(it.get("title"), want["title"]), it) for it in found if not it.get("number")]
            best = max(ranked, default=(0.0, None), key=lambda pair: pair[0])
            got = best[1] if best[0] >= 0.92 else None
        if got is None:
            continue  # missing: nothing was presented for it
        matched.add(id(got))
        label = want["number"] or want["title"][:20]
        title_right = _title_ratio(got.get("title"), want["title"]) >= 0.92
        checks.append((f"{label} title: {got.get('title')!r}", title_right, sure(got, "title")))
        if "presenter" in want:
            p = _scorer_norm(got.get("presenter"))
            right = _scorer_norm(want["presenter"]) in p and len(p) <= 2 * len(_scorer_norm(want["presenter"])) + 4
            shown = sure(got, "presenter") if p else None
            checks.append((f"{label} presenter: {got.get('presenter')!r}", right, shown))
        if "time" in want:
            t = _hhmm(got.get("time"))
            checks.append((f"{label} time: {t}", t == want["time"], sure(got, "time") if t else None))
        if want.get("pdf_pages") and want["number"]:
            pages = got.get("pages")
            shown = sure(got, "pages") if pages else None
            checks.append((f"{label} pages: {pages}", pages == want["pdf_pages"], shown))
        if any(i.get("part") == 2 for i in expected["items"]) and want["number"]:
            right = got.get("part") == want.get("part", 1)
            checks.append((f"{label} part: {got.get('part')}", right, sure(got, "part")))
    for item in found:  # spurious items: each a wrong answer, sure unless its number or title is marked
        if id(item) not in matched and not (item.get("children") and not item.get("number")):
            both = sure(item, "number") and sure(item, "title")
            checks.append((f"spurious {item.get('number')} {str(item.get('title'))[:30]!r}", False, both))
    meeting = answer.get("meeting") or {}
    unsure = set(meeting.get("uncertain") or [])
    for key, found_key in (("body", "body"), ("meeting_title", "title"), ("venue", "venue")):
        if expected.get(key):
            want, got_text = _text(expected[key]), _text(meeting.get(found_key))
            right = bool(got_text) and fuzz.partial_ratio(want, got_text) >= 90 and len(got_text) <= 2 * len(want) + 20
            shown = found_key not in unsure if got_text else None
            checks.append((f"meeting {found_key}: {meeting.get(found_key)!r}", right, shown))
    for key, found_key in (("date", "date"), ("time_of_meeting", "time")):
        if expected.get(key):
            value = meeting.get(found_key)
            shown = found_key not in unsure if value else None
            checks.append((f"meeting {found_key}: {value}", value == expected[key], shown))
    wrong = [c for c in checks if not c[1]]
    return Calibration(
        fields=len(checks),
        wrong=len(wrong),
        wrong_sure=sum(1 for c in wrong if c[2]),
        right_unsure=sum(1 for c in checks if c[1] and c[2] is False),
        examples=tuple(c[0] for c in wrong if c[2]),
    )


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
                calibration(document.expected, answer),
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
