"""The seed ICB pack beyond its agenda: pages, attendance, interests, actions, planner, papers and the JSON view."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.domain import Tier
from app.packs import DraftItem, DraftPack, read_pack
from app.packs.json_view import draft_to_json

SEED = Path(__file__).resolve().parents[2] / "resources" / "demo-pack-icb-2023-09-29.txt"


@pytest.fixture(scope="module")
def seed() -> DraftPack:
    return read_pack(SEED)


def item(pack: DraftPack, number: str) -> DraftItem:
    return next(i for i in pack.items if i.number == number)


def test_text_pages_are_runs_of_sixty_lines(seed: DraftPack) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    lines = text.split("\n")
    assert len(seed.pages) == -(-len(lines) // 60) == 71
    assert "\n".join(seed.pages) == text
    assert seed.pages[0].split("\n") == lines[:60]


def test_attendance_tiers_and_part(seed: DraftPack) -> None:
    counts = Counter((p.tier, p.apologies) for p in seed.people)
    assert counts == {
        (Tier.MEMBER, False): 17,
        (Tier.PARTICIPANT, False): 8,
        (Tier.IN_ATTENDANCE, False): 6,  # two "In attendance:" blocks
        (Tier.MEMBER, True): 1,
    }
    harrison = next(p for p in seed.people if p.name == "Joe Harrison")
    assert harrison.part_time and harrison.role == "Partner Member, NHS Trusts and Foundation Trusts"
    assert harrison.initials == "JH"
    assert [p.name for p in seed.people if p.part_time] == ["Joe Harrison"]
    assert all(p.initials for p in seed.people) and all(p.role for p in seed.people)


def test_register_of_interests(seed: DraftPack) -> None:
    rows = seed.interests
    assert len(rows) == 74
    assert len({(r.surname, r.forename) for r in rows}) == 30  # 29 people; "Maresh"/"Mahesh" Shah spelt both ways
    assert not any(r.surname == "Surname" or r.details.startswith("Non-Financial") for r in rows)  # headers skipped
    borrett = rows[0]
    assert (borrett.name, borrett.position, borrett.declared) == ("Alison Borrett", "Non Executive Member", "No")
    assert not (borrett.financial or borrett.non_financial_professional or borrett.details)
    assert borrett.date_declared.parsed == date(2022, 6, 21)
    brierley = next(r for r in rows if r.surname == "Brierley")
    assert brierley.non_financial_personal and not brierley.financial  # from the two-line header
    assert (brierley.date_from.written, brierley.date_from.parsed) == ("Jan-23", date(2023, 1, 1))
    assert (brierley.date_to.written, brierley.date_to.parsed) == ("Ongoing", None)
    bracey = next(r for r in rows if r.surname == "Bracey")
    assert bracey.non_financial_professional and bracey.date_from.parsed == date(2009, 1, 1)
    assert bracey.mitigation == "None required"
    sister = next(r for r in rows if r.details.startswith("Sister, Ruth Harrison"))
    assert sister.indirect and (sister.date_from.written, sister.date_from.parsed) == ("Circa 2012", date(2012, 1, 1))
    panel = next(r for r in rows if r.details.startswith("Expert on Independent Expert Panel"))
    assert (panel.date_from.parsed, panel.date_to.written, panel.date_to.parsed) == (
        date(2023, 4, 1),
        "July 23",
        date(2023, 7, 1),
    )
    lifearc = next(r for r in rows if r.details == "Trustee of LifeArc")
    assert (lifearc.date_from.written, lifearc.date_from.parsed) == ("June 2023", date(2023, 6, 1))
    shah = next(r for r in rows if r.details.startswith("AP Sampson"))
    assert shah.date_from.parsed == date(1988, 11, 1)
    sunduza = next(r for r in rows if r.surname == "Sunduza")
    assert sunduza.declared == "TBC" and sunduza.date_declared.written == ""
    assert ("Date Declared", "21/06/2022") in borrett.columns  # every column kept under its header
    assert len(borrett.columns) == 13


def test_action_tracker(seed: DraftPack) -> None:
    actions = {a.number: a for a in seed.actions}
    assert list(actions) == ["44", *(str(n) for n in range(47, 54))]  # the repeated header row is skipped
    owners = {n: a.owners for n, a in actions.items()}
    assert owners["44"] == ("Tara Dear", "Michael Bracey", "Laura Church", "Marcel Coiffait", "Robin Porter")
    assert "owners" in actions["44"].uncertain  # split at known people, no separators in the cell
    assert owners["47"] == ("All",) and owners["48"] == ("Sarah Stanley",) and owners["49"] == ("Nicky Poulain",)
    assert owners["50"] == ("Dean Westcott",) and owners["51"] == owners["52"] == owners["53"] == ("Maria Wogan",)
    a44 = actions["44"]
    assert (a44.meeting_date.parsed, a44.deadline.parsed, a44.status, a44.rag) == (
        date(2023, 3, 24),
        date(2024, 4, 1),
        "Not Yet Due",
        "blue",
    )
    assert a44.agenda_item == "Integrated MSK and Pain Services"
    assert actions["49"].rag == "amber" and actions["53"].rag == "green"
    assert actions["52"].status == "" and actions["52"].position == ""  # header text leaked into the row
    assert actions["48"].position.startswith("1/9/23 SS confirmed")


def test_decision_planner(seed: DraftPack) -> None:
    rows = seed.planner
    assert len(rows) == 17 and rows[0].ref == "10071" and rows[-1].ref == "10091"
    first = rows[0]
    assert (first.status, first.topic, first.scope, first.sponsor) == (
        "FUTURE",
        "Integrated Urgent Care",
        "BLMK",
        "Chief Primary Care Officer",
    )
    assert first.decision_taker == "Primary Care Commissioning and Assurance Committee"
    assert (first.date.written, first.date.parsed) == ("15 Sep 2023", date(2023, 9, 15))
    assert next(r for r in rows if r.ref == "10085").date.written == "Q1 2024/25"


def test_papers_link_to_items(seed: DraftPack) -> None:
    papers = seed.papers
    assert [p.item_number for p in papers] == [
        "3",
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "7.1",
        "7.1",
        "7.2",
        "7.3",
        "8.2",
        "8.3",
    ]
    assert [p.match for p in papers].count("title") == 1  # the 7.1 appendices have no number
    appendices = papers[6]
    assert appendices.title == "BLMK Quality and Performance Report \u2013 Appendices" and appendices.number == ""
    assert papers[0].title == "Chief Executive Officer\u2019s Report"  # as written on the cover
    assert papers[-1].title == "Corporate Governance update and updates from Committees"
    assert "approve the following for signature" in papers[4].recommendations
    for paper, nxt in itertools.pairwise(papers):
        assert paper.first_page <= paper.last_page == nxt.first_page - 1
        assert "Item:" in seed.pages[paper.first_page - 1] + seed.pages[paper.first_page]
    assert papers[-1].last_page == len(seed.pages)


def test_item_pages_from_papers(seed: DraftPack) -> None:
    pages = {i.number: (i.first_page, i.last_page) for i in seed.items if i.first_page is not None}
    assert list(pages) == ["3", "6.1", "6.2", "6.3", "6.4", "7.1", "7.2", "7.3", "8.2", "8.3"]
    qp = [p for p in seed.papers if p.item_number == "7.1"]
    assert pages["7.1"] == (qp[0].first_page, qp[1].last_page)  # the appendices are inside 7.1's range
    spans = [(first, last or 0) for first, last in pages.values()]
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    assert {"first_page", "last_page"} <= item(seed, "6.4").uncertain
    assert item(seed, "2").first_page is None and item(seed, "8.1").first_page is None


def test_verbal_and_tabled(seed: DraftPack) -> None:
    assert [i.number for i in seed.items if i.verbal] == ["2"]
    assert [i.number for i in seed.items if i.tabled] == ["8.1"]
    assert item(seed, "2").title == "Chair's Report - verbal"  # kept as written
    assert item(seed, "8.1").title == "Reports from Places - to be tabled"


def _find(nodes: list[dict[str, Any]], number: str) -> dict[str, Any]:
    for node in nodes:
        if node["number"] == number:
            return node
        if node["children"]:
            try:
                return _find(node["children"], number)
            except KeyError:
                pass
    raise KeyError(number)


def test_json_view(seed: DraftPack) -> None:
    data = draft_to_json(seed)
    data = json.loads(json.dumps(data))  # serialisable as is
    assert data["meeting"] == {
        "title": "Board of the Integrated Care Board In Public - 29 September 2023",
        "body": "Bedfordshire, Luton and Milton Keynes Integrated Care Board",
        "date": "2023-09-29",
        "time": "10:00",
        "venue": "",
        "uncertain": [],
        "confidence": {"title": 1.0, "body": 1.0, "date": 1.0, "time": 1.0, "venue": 1.0},
    }
    assert [n["number"] for n in data["items"]] == [str(n) for n in range(1, 10)]
    assert [c["number"] for c in _find(data["items"], "6")["children"]] == ["6.1", "6.2", "6.3", "6.4"]
    s75 = _find(data["items"], "6.4")
    assert (s75["pages"], s75["paper"], s75["time"], s75["purpose"], s75["part"]) == (
        [40, 40],
        "Section 75 Agreements",
        "10:55",
        "approve",
        1,
    )
    assert s75["confidence"]["pages"] == 0.5 and s75["confidence"]["title"] == 1.0
    assert _find(data["items"], "2")["verbal"] is True and _find(data["items"], "8.1")["tabled"] is True
    assert _find(data["items"], "8.1")["paper"] is None and _find(data["items"], "8.1")["pages"] is None
    assert _find(data["items"], "7.1")["papers"] == [p.title for p in seed.papers if p.item_number == "7.1"]
    assert len(data["interests"]) == 74 and len(data["actions"]) == 8 and len(data["papers"]) == 11
    assert data["actions"][0]["deadline"] == {"written": "01/04/2024", "parsed": "2024-04-01"}
    assert data["people"][0]["tier"] == "member" and len(data["planner"]) == 17
    assert {"header": "Surname", "value": "Borrett"} in data["interests"][0]["columns"]
    assert isinstance(data["warnings"], list)
