"""Hand-written packs in styles the seed does not use: the extractors must not be tuned to the seed.

Kept apart from the seed tests on purpose. Also: hypothesis on each new extractor.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import Purpose, Tier
from app.packs import DraftPack, PackError, read_pack
from app.packs.dates import draft_dates, parse_loose_date
from app.packs.json_view import draft_to_json
from app.packs.model import DraftItem, DraftPerson
from app.packs.papers import find_covers, find_papers, items_with_paper_pages
from app.packs.reader import text_pages
from app.packs.tables import find_actions, find_interests, find_planner, rag_of, split_owners


def write(tmp_path: Path, text: str, name: str = "pack.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def item(pack: DraftPack, number: str) -> DraftItem:
    return next(i for i in pack.items if i.number == number)


# A council pack: form-feed pages, "(Pages x - y)", a markdown register with a type column (no Y/N flags),
# an action log with its columns in another order, and report cover sheets ("Agenda item: 4", "Report to:").
COUNCIL = "\f".join(
    [
        """Example Borough Council

Health and Wellbeing Board

Date:\tThursday, 7 March 2024
Time:\t10.00 am
Venue:\tCouncil Chamber, Town Hall

AGENDA

1.\tApologies for Absence
2.\tMinutes\t(Pages 1 - 4)
\tTo approve the minutes of the meeting held on 7 December 2023.
3.\tUpdate from the Director of Public Health (oral report)
4.\tIntegrated Care Board (ICB) Report\t(Pages 5 - 9)
\tTo consider the report.
5.\tPharmacy Needs Assessment\tTabled
6.\tContract Award\t(Pages 10 - 12)
\tTo approve the award.""",
        """Register of Members' Interests

| Councillor | Type of Interest | Description | Date Registered | Date Ceased |
|---|---|---|---|---|
| Cllr Ann Smith | Disclosable pecuniary interest | Employment: teacher, Example Academy | 12/05/2022 | |
| Cllr Ann Smith | Non-pecuniary personal interest | Governor, Hill Primary School | May 2021 | Mar-23 |
| Cllr Bob Jones | Spouse's interest (indirect) | Wife employed by Example NHS Trust | 2019 | Ongoing |

| Councillor | Type of Interest | Description | Date Registered | Date Ceased |
|---|---|---|---|---|
| Cllr Carol White | Non-pecuniary professional interest | Member, Royal College of Nursing | circa 2010 | |""",
        """Action Log

Ref\tDue by\tAction\tStatus\tLead officer
A1\t31/03/2024\tWrite to the ICB about waiting lists\tRed - overdue\tJ Smith / K Jones
A2\tJune 2024\tReview the pharmacy needs assessment\tComplete\tDirector of Public Health and Clerk
Ref\tDue by\tAction\tStatus\tLead officer
A3\tTBC\tArrange a development session on the JSNA\tOn track\tK Jones""",
        """Report to: Health and Wellbeing Board
Date of meeting: 7 March 2024
Report author: Jo Bloggs, Head of Partnerships
Agenda item: 4
Title: Integrated Care Board (ICB) Report

Recommendations
The Board is asked to note the report.

1. Background
The ICB has published its plan.""",
        "The plan, continued.",
        """Report to: Health and Wellbeing Board
Date: 7 March 2024
Item: Contract award for the healthy lifestyles service

Recommendation: To approve the award of the contract.""",
        "Forward Plan\n\nDate\tSubject\tDecision required\tLead\tDecision maker\n"
        "June 2024\tBetter Care Fund plan\tTo approve the plan\tDirector of Adult Social Care\tBoard\n"
        "Sept 2024\tJSNA refresh\tTo note the refresh\tDirector of Public Health\tBoard",
    ]
)


def test_council_pages_and_flags(tmp_path: Path) -> None:
    pack = read_pack(write(tmp_path, COUNCIL, "council.txt"))
    assert len(pack.pages) == 7 and pack.pages[1].startswith("Register of Members")  # one page per form feed
    assert [i.number for i in pack.items] == ["1", "2", "3", "4", "5", "6"]
    assert item(pack, "3").verbal and not item(pack, "4").verbal
    assert item(pack, "5").tabled and item(pack, "5").title == "Pharmacy Needs Assessment"
    assert item(pack, "6").purpose is Purpose.APPROVE


def test_council_register_with_type_column(tmp_path: Path) -> None:
    rows = read_pack(write(tmp_path, COUNCIL, "council.txt")).interests
    assert [r.name for r in rows] == ["Cllr Ann Smith", "Cllr Ann Smith", "Cllr Bob Jones", "Cllr Carol White"]
    smith, governor, jones, white = rows
    assert smith.financial and not smith.non_financial_personal and smith.interest_type.startswith("Disclosable")
    assert governor.non_financial_personal and not governor.financial
    assert (governor.date_declared.parsed, governor.date_to.written, governor.date_to.parsed) == (
        date(2021, 5, 1),
        "Mar-23",
        date(2023, 3, 1),
    )
    assert jones.indirect and jones.date_to.parsed is None and jones.date_declared.parsed == date(2019, 1, 1)
    assert white.non_financial_professional and white.date_declared.parsed == date(2010, 1, 1)
    assert smith.details == "Employment: teacher, Example Academy"
    assert ("Date Registered", "12/05/2022") in smith.columns


def test_council_action_log_in_another_order(tmp_path: Path) -> None:
    pack = read_pack(write(tmp_path, COUNCIL, "council.txt"))
    actions = {a.number: a for a in pack.actions}
    assert list(actions) == ["A1", "A2", "A3"]  # the repeated header is skipped
    assert actions["A1"].owners == ("J Smith", "K Jones") and actions["A1"].rag == "red"
    assert actions["A1"].deadline.parsed == date(2024, 3, 31)
    assert actions["A2"].owners == ("Director of Public Health", "Clerk") and actions["A2"].rag == "green"
    assert actions["A2"].deadline == actions["A2"].deadline.__class__("June 2024", date(2024, 6, 1))
    assert (actions["A3"].deadline.written, actions["A3"].deadline.parsed, actions["A3"].rag) == ("TBC", None, "amber")


def test_council_papers_and_planner(tmp_path: Path) -> None:
    pack = read_pack(write(tmp_path, COUNCIL, "council.txt"))
    assert [(p.item_number, p.match, p.first_page, p.last_page) for p in pack.papers] == [
        ("4", "number", 4, 5),
        ("6", "title", 6, 7),
    ]
    assert pack.papers[0].title == "Integrated Care Board (ICB) Report"
    assert pack.papers[0].recommendations.startswith("The Board is asked to note")
    assert pack.papers[1].recommendations == "To approve the award of the contract."
    assert (item(pack, "4").first_page, item(pack, "4").last_page) == (4, 5)  # text pages, not the printed ones
    assert (item(pack, "2").first_page, item(pack, "2").last_page) == (1, 4)  # no paper: as printed
    assert [(r.topic, r.decision_taker, r.sponsor, r.date.parsed) for r in pack.planner] == [
        ("Better Care Fund plan", "Board", "Director of Adult Social Care", date(2024, 6, 1)),
        ("JSNA refresh", "Board", "Director of Public Health", date(2024, 9, 1)),
    ]
    data = json.loads(json.dumps(draft_to_json(pack)))
    six = next(n for n in data["items"] if n["number"] == "6")
    assert six["paper"] == "Contract award for the healthy lifestyles service" and six["confidence"]["paper"] >= 0.8


# A small committee: space-aligned columns, "Present:" attendance, an action list with "Who" and "By when".
COMMITTEE = """Example Society
Committee Meeting Agenda
8 December 2023, 7pm, The Village Hall

Item  Lead
1  Apologies  JA
2  Minutes of the last meeting  JA
3  Treasurer's report  MB
4  Any other business  JA

Minutes of the meeting held on 6 October 2023

Present:
Jane Austin\tChair\tJA
Mark Brown\tTreasurer\tMB
Carol Dean\tSecretary (part)\tCD

Apologies:
Eve Finch\tMember\tEF

Actions from the last meeting

No.   Action                          Who            By when       Status
1     Book the hall for the AGM       Jane Austin    1 Nov 2023    Done
2     Renew the insurance             Mark Brown & Carol Dean   31/12/23   In progress
3     Order new chairs                Carol Dean     Jan-24        Not started
"""


def test_committee_pack(tmp_path: Path) -> None:
    pack = read_pack(write(tmp_path, COMMITTEE, "committee.txt"))
    assert [i.number for i in pack.items] == ["1", "2", "3", "4"] and not any(i.verbal for i in pack.items)
    assert len(pack.pages) == 1 and pack.papers == () and pack.interests == () and pack.planner == ()
    people = {p.name: p for p in pack.people}
    assert people["Carol Dean"].part_time and people["Carol Dean"].role == "Secretary"
    assert not people["Jane Austin"].part_time and people["Jane Austin"].tier is Tier.MEMBER
    assert people["Eve Finch"].apologies
    actions = {a.number: a for a in pack.actions}
    assert list(actions) == ["1", "2", "3"]
    assert actions["1"].owners == ("Jane Austin",) and actions["1"].deadline.parsed == date(2023, 11, 1)
    assert actions["2"].owners == ("Mark Brown", "Carol Dean") and actions["2"].deadline.parsed == date(2023, 12, 31)
    assert actions["3"].deadline.parsed == date(2024, 1, 1) and actions["3"].rag == ""


def test_text_pages_of_long_pack_without_form_feeds() -> None:
    text = "\n".join(f"line {n}" for n in range(130))
    pages, line_page = text_pages(text)
    assert [len(p.split("\n")) for p in pages] == [60, 60, 10]
    assert line_page[59] == 0 and line_page[60] == 1 and line_page[-1] == 2


def test_owner_splitting() -> None:
    assert split_owners("A Smith/B Jones") == (("A Smith", "B Jones"), False)
    assert split_owners("Head of Finance, Clerk and Chair") == (("Head of Finance", "Clerk", "Chair"), False)
    run_together = split_owners("Ann Lee Bob Ray Cy Day", ["Bob Ray"])
    assert run_together == (("Ann Lee", "Bob Ray", "Cy Day"), True)
    assert split_owners("Ann Lee Bob Ray") == (("Ann Lee", "Bob Ray"), True)  # pairs when nobody is known
    assert split_owners("") == ((), False)


def test_rag_and_dates() -> None:
    assert [rag_of(s) for s in ("RED", "Amber - on track", "Closed", "Escalated", "Not yet due", "")] == [
        "red",
        "amber",
        "green",
        "black",
        "blue",
        "",
    ]
    written = ["01/04/2021", "Apr-19", "June 2023", "Circa 2012", "2009", "Ongoing", "Nov-88", "18.9.2023", "1/9/23"]
    assert [parse_loose_date(w) for w in written] == [
        date(2021, 4, 1),
        date(2019, 4, 1),
        date(2023, 6, 1),
        date(2012, 1, 1),
        date(2009, 1, 1),
        None,
        date(1988, 11, 1),
        date(2023, 9, 18),
        date(2023, 9, 1),
    ]
    assert [d.parsed for d in draft_dates("14/07/2023, 29/09/2023")] == [date(2023, 7, 14), date(2023, 9, 29)]


def test_item_pages_from_papers_span_every_paper() -> None:
    items = [DraftItem("1", "Finance report"), DraftItem("2", "Quality report")]
    lines = ["Report to: Board", "Item: 1 Finance report", "x", "Report to: Board", "Item: Finance report annex"]
    lines += ["y", "Date: 1 May 2024", "Item: 2 Quality report", "z"]
    papers = find_papers(lines, [0, 0, 0, 1, 1, 1, 2, 2, 2], 3, items, -1)
    assert [(p.item_number, p.first_page, p.last_page) for p in papers] == [("1", 1, 1), ("1", 2, 2), ("2", 3, 3)]
    linked = items_with_paper_pages(items, papers)
    assert [(i.first_page, i.last_page) for i in linked] == [(1, 2), (3, 3)]


# --- robustness: arbitrary text never raises (only PackError from read_pack) ---------------------------------

_CELL = st.one_of(
    st.sampled_from(["Surname", "Name", "Action", "Owner", "Decision", "Topic", "Date", "Y", "Yes", "", "Ongoing"]),
    st.text(max_size=15),
)
_ROWS = st.lists(
    st.one_of(
        st.lists(_CELL, max_size=8).map("\t".join),
        st.lists(_CELL, max_size=6).map(lambda cs: "| " + " | ".join(cs) + " |"),
        st.sampled_from(["Date: 1 May 2024", "Report to the: Board", "Item: 2 Budget", "Agenda item 3", "\f", ""]),
        st.text(max_size=60),
    ),
    max_size=40,
)
_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(_ROWS)
def test_table_and_paper_extractors_never_raise(rows: list[str]) -> None:
    people = [DraftPerson("Ann Lee"), DraftPerson("Dr Bob Ray")]
    find_interests(rows)
    find_actions(rows, people)
    find_planner(rows)
    find_covers(rows)
    items = [DraftItem("1", "Budget"), DraftItem("2", "Quality")]
    papers = find_papers(rows, list(range(len(rows))), max(1, len(rows)), items, -1)
    items_with_paper_pages(items, papers)
    pages, line_page = text_pages("\n".join(rows))
    assert len(line_page) == len("\n".join(rows).replace("\f", "\n").split("\n")) and pages


@_SETTINGS
@given(st.text(max_size=80))
def test_date_and_owner_parsers_never_raise(text: str) -> None:
    parse_loose_date(text)
    draft_dates(text)
    split_owners(text, ["Ann Lee"])
    rag_of(text)


@_SETTINGS
@given(_ROWS.map(lambda rows: "Board meeting 1 May 2024\nAgenda\n1. Apologies\n2. Budget\n" + "\n".join(rows)))
def test_packs_with_tables_are_json_or_a_pack_error(tmp_path: Path, text: str) -> None:
    try:
        pack = read_pack(write(tmp_path, text, "fuzz.txt"))
    except PackError as exc:
        assert "fuzz.txt" in str(exc)
    else:
        json.dumps(draft_to_json(pack))
