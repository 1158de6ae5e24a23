"""Text board packs: the seed ICB pack, synthetic council/committee agendas, bad input."""

from __future__ import annotations

import hashlib
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import Part, Purpose, Tier
from app.packs import DraftItem, DraftPack, ImportCancelled, PackError, read_pack
from app.packs.agenda import parse_item, split_presenter

SEED = Path(__file__).resolve().parents[2] / "resources" / "demo-pack-icb-2023-09-29.txt"


def write(tmp_path: Path, text: str, name: str = "pack.txt", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture(scope="module")
def seed() -> DraftPack:
    return read_pack(SEED)


def item(pack: DraftPack, number: str) -> DraftItem:
    return next(i for i in pack.items if i.number == number)


# --- the seed pack -------------------------------------------------------------------------------------------


def test_seed_agenda_numbers_in_order(seed: DraftPack) -> None:
    expected = ["1", *(f"1.{n}" for n in range(1, 7)), "2", "3", "4", "5", "6", *(f"6.{n}" for n in range(1, 5))]
    expected += ["7", "7.1", "7.2", "7.3", "8", "8.1", "8.2", "8.3", "9", "9.1", "9.2", "9.3"]
    assert [i.number for i in seed.items] == expected


def test_seed_items(seed: DraftPack) -> None:
    minutes = item(seed, "1.4")
    assert (minutes.title, minutes.purpose) == ("Minutes (from 30 June 2023) and Matters Arising", Purpose.APPROVE)
    s75 = item(seed, "6.4")
    assert (s75.title, s75.planned_time, s75.purpose) == ("Section 75 Agreements", time(10, 55), Purpose.APPROVE)
    assert "Chief Transformation Officer" in s75.presenter and "presenter" not in s75.uncertain
    qp = item(seed, "7.1")
    assert (qp.title, qp.planned_time, qp.purpose) == ("BLMK Quality and Performance Report", time(11, 5), Purpose.NOTE)
    assert qp.presenter.startswith("ICB EXECUTIVE: Chief Nursing Director")
    chair = item(seed, "2")
    assert (chair.title, chair.presenter, chair.planned_time) == ("Chair's Report - verbal", "Chair", time(10, 5))
    assert "presenter" in chair.uncertain  # split by the trailing-role guess
    ceo = item(seed, "3")
    assert (ceo.title, ceo.presenter) == ("Chief Executive Officer's Report", "Chief Executive Officer")
    hae = item(seed, "6.1")
    assert hae.title == "Health and Employment outline strategy framework"
    assert hae.presenter.startswith("ICB EXECUTIVE: Chief of System Assurance")
    tabled = item(seed, "8.1")
    assert (tabled.title, tabled.purpose) == ("Reports from Places - to be tabled", Purpose.NOTE)
    assert item(seed, "9.2").purpose is Purpose.DISCUSS
    assert item(seed, "9.3").title == "Any Other Business" and "purpose" in item(seed, "9.3").uncertain
    assert item(seed, "6").title == "SYSTEM STRATEGY" and "purpose" not in item(seed, "6").uncertain
    assert item(seed, "1.1").purpose is Purpose.NOTE and not item(seed, "1.1").uncertain
    assert all(i.part is Part.ONE for i in seed.items)


def test_seed_meeting(seed: DraftPack) -> None:
    assert seed.kind == "text"
    assert seed.meeting_date == date(2023, 9, 29)  # not the next meeting's 8 December
    assert seed.meeting_title == "Board of the Integrated Care Board In Public - 29 September 2023"
    assert seed.body_name == "Bedfordshire, Luton and Milton Keynes Integrated Care Board"
    assert seed.start == time(10, 0)
    assert seed.source_path == str(SEED)
    assert seed.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert seed.page_count is None


def test_seed_previous_minutes_attendance(seed: DraftPack) -> None:
    by_name = {p.name: p for p in seed.people}
    assert by_name["Dr Rima Makarem"].role == "Chair" and by_name["Dr Rima Makarem"].initials == "RM"
    assert by_name["Anne Brierley"].tier is Tier.PARTICIPANT
    assert by_name["Paul Calaminus"].tier is Tier.IN_ATTENDANCE
    assert by_name["David Carter"].apologies and not by_name["Felicity Cox"].apologies
    assert len(seed.people) == 32


# --- other agenda formats --------------------------------------------------------------------------------------

COUNCIL = """Example Borough Council

Health and Wellbeing Board

Date:\tThursday, 7 March 2024
Time:\t10.00 am
Venue:\tCouncil Chamber, Town Hall

AGENDA

Item\tPage
1.\tApologies for Absence
\tTo receive apologies for absence.
2.\tMinutes\t(Pages 1 - 12)
\tTo approve the minutes of the meeting held on 7 December 2023.
2(a)\tMatters Arising
\tTo note any matters arising.
2(b)\tAction Log
4.\tIntegrated Care Board (ICB) Report\t(Pages 13 - 64)
\tTo consider the report of the Director of Public Health.
5.\tExclusion of the Press and Public
\tTo resolve that the press and public be excluded.
6.\tContract Award\t(Pages 65 - 70)
\tTo approve the award.

Date of Next Meeting
9 May 2024
1.\tNot an agenda item
"""


def test_council_agenda(tmp_path: Path) -> None:
    pack = read_pack(write(tmp_path, COUNCIL, "hwb.txt"))
    assert [i.number for i in pack.items] == ["1", "2", "2(a)", "2(b)", "4", "5", "6"]
    report = item(pack, "4")
    assert (report.title, report.first_page, report.last_page) == ("Integrated Care Board (ICB) Report", 13, 64)
    assert report.purpose is Purpose.CONSIDER and report.presenter == ""
    assert item(pack, "1").purpose is Purpose.NOTE
    assert (item(pack, "2").purpose, item(pack, "2").first_page) == (Purpose.APPROVE, 1)
    assert item(pack, "2(a)").purpose is Purpose.NOTE and "purpose" in item(pack, "2(b)").uncertain
    assert item(pack, "5").part is Part.ONE and item(pack, "6").part is Part.TWO
    assert pack.meeting_date == date(2024, 3, 7)
    assert pack.meeting_title == "Health and Wellbeing Board - 7 March 2024"
    assert pack.body_name == "Example Borough Council"
    assert (pack.venue, pack.start) == ("Council Chamber, Town Hall", time(10, 0))


def test_committee_agenda_with_initials_html_and_split_words(tmp_path: Path) -> None:
    text = (
        "Example Society\nCommittee Meeting Agenda\n8 December 2023, 7pm, The Village Hall\n\nItem  Lead\n"
        "1  Apologies  JA\n2  Minutes of the last meeting  JA\n3  Treasurer\u2019s report 202\t5 budget  MB\n"
        "- bank balance\n- subscriptions\n4  <p>Summer <u>fete</u> <i>plans</i></p>  CD/EF\n"
        "5  Any other business<br>  JA\n"
    )
    pack = read_pack(write(tmp_path, text, "committee.txt"))
    assert [(i.number, i.title, i.presenter) for i in pack.items] == [
        ("1", "Apologies", "JA"),
        ("2", "Minutes of the last meeting", "JA"),
        ("3", "Treasurer\u2019s report 2025 budget", "MB"),  # curly apostrophe kept as written
        ("4", "Summer fete plans", "CD/EF"),
        ("5", "Any other business", "JA"),
    ]
    assert pack.meeting_date == date(2023, 12, 8) and pack.start == time(19, 0)
    assert pack.body_name == "Example Society"


def test_table_agenda_with_repeated_header_and_private_part(tmp_path: Path) -> None:
    text = (
        "Board of the Example Trust\nMeeting held in public on 29/09/2023\n\nAgenda\nTime\tItem\tLead\tPurpose\n"
        "10:00\t1. Welcome\tChair\tNote\n10:05\t2. Quality report\tChief Nurse\tFor assurance\n"
        "Time\tItem\tLead\tPurpose\n10:20\t3. Finance report 2023/2\t4 plan\tDirector of Finance\tApprove\n"
        "10:40\t4. Questions from the public\tChair\t\nPART II - PRIVATE\n"
        "11:00\t5. Contract renewal\tChief Executive\tDecide\n"
        "\nNext meeting: 1 December 2023\n"
    )
    pack = read_pack(write(tmp_path, text))
    assert [(i.number, i.title, i.presenter, i.purpose) for i in pack.items] == [
        ("1", "Welcome", "Chair", Purpose.NOTE),
        ("2", "Quality report", "Chief Nurse", Purpose.NOTE),
        ("3", "Finance report 2023/24 plan", "Director of Finance", Purpose.APPROVE),
        ("4", "Questions from the public", "Chair", Purpose.UNKNOWN),
        ("5", "Contract renewal", "Chief Executive", Purpose.DECIDE),
    ]
    assert [i.part for i in pack.items] == [Part.ONE] * 4 + [Part.TWO]
    assert pack.meeting_date == date(2023, 9, 29) and pack.body_name == "Board of the Example Trust"


def test_next_meeting_date_is_not_this_meeting(tmp_path: Path) -> None:
    text = "Finance Committee\n\nAgenda\n1. Apologies\n2. Budget\n\nDate of next meeting: 8 December 2023\n"
    pack = read_pack(write(tmp_path, text))
    assert pack.meeting_date is None and [i.number for i in pack.items] == ["1", "2"]
    assert any("date" in w for w in pack.warnings)


def test_encodings(tmp_path: Path) -> None:
    text = "Audit Committee \u2013 5 May 2024\nAgenda\n1. Chair\u2019s welcome\tNote\n2. Risk register\tApprove\n"
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        pack = read_pack(write(tmp_path, text, f"{encoding}.txt", encoding))
        assert [i.title for i in pack.items] == ["Chair\u2019s welcome", "Risk register"], encoding
        assert pack.meeting_date == date(2024, 5, 5)
    latin1 = read_pack(write(tmp_path, "Board meeting\nAgenda\n1. Caf\xe9 \x81 lease\n2. AOB\n", "l1.txt", "latin-1"))
    assert latin1.items[0].title.startswith("Caf\xe9")


@pytest.mark.parametrize(
    ("text", "title", "presenter", "guessed"),
    [
        ("Election of Vice Chair", "Election of Vice Chair", "", False),
        ("Report of the Chief Executive", "Report of the Chief Executive", "", False),
        ("Budget Setting Director of Finance", "Budget Setting", "Director of Finance", True),
        ("People Plan LEAD: Chief People Officer", "People Plan", "LEAD: Chief People Officer", False),
        ("Annual Report Presented by Jane Smith", "Annual Report", "Presented by Jane Smith", False),
    ],
)
def test_presenter_split(text: str, title: str, presenter: str, guessed: bool) -> None:
    assert split_presenter(text) == (title, presenter, guessed)


def test_line_classification() -> None:
    assert parse_item(["6.10 Workforce report"]) is not None  # a sub-item, not 6:10
    assert parse_item(["8 December 2023"]) is None
    assert parse_item(["12", "2023"]) is None
    financial = parse_item(["4. Financial Update"])
    assert financial is not None and financial.title == "Financial Update"  # a bare noun is part of the title
    approve = parse_item(["4. Budget - for approval"])
    assert approve is not None and (approve.title, approve.purpose) == ("Budget", Purpose.APPROVE)


# --- bad input ---------------------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"nothere\.pdf"):
        read_pack(tmp_path / "nothere.pdf")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "packs.pdf"
    folder.mkdir()
    with pytest.raises(PackError, match=r"packs\.pdf"):
        read_pack(folder)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"empty\.txt is empty"):
        read_pack(write(tmp_path, "", "empty.txt"))


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"  # the extension is not trusted
    path.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(PackError, match=r"noise\.pdf is not a board pack"):
        read_pack(path)


def test_prose_has_no_agenda(tmp_path: Path) -> None:
    prose = "We met for coffee and talked about the garden.\nIt rained. 1. Nothing else happened.\n" * 5
    with pytest.raises(PackError, match=r"^notes\.txt does not look like a board pack: no agenda was found in it\.$"):
        read_pack(write(tmp_path, prose, "notes.txt"))


def test_numbered_list_without_meeting_is_not_an_agenda(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"list\.txt"):
        read_pack(write(tmp_path, "Shopping\n1. Eggs\n2. Milk\n3. Bread\n", "list.txt"))


def test_cancel(tmp_path: Path) -> None:
    with pytest.raises(ImportCancelled, match="Import cancelled"):
        read_pack(SEED, cancelled=lambda: True)


def test_progress_reported() -> None:
    calls: list[tuple[int, int]] = []
    read_pack(SEED, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1, 1)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_any_text_is_a_pack_or_a_pack_error(tmp_path: Path, text: str) -> None:
    try:
        pack = read_pack(write(tmp_path, text, "fuzz.txt"))
    except PackError as exc:
        assert "fuzz.txt" in str(exc)
    else:
        assert pack.items


_LINES = st.lists(
    st.one_of(
        st.sampled_from(["Agenda", "Next meeting", "PRIVATE", "Board meeting 1 May 2024", "\t", "**", "<p>", ""]),
        st.from_regex(r"\A(?:\d{1,2}:\d{2}\t)?\d{1,2}(?:\.\d)?\.? [A-Za-z ’:]{0,30}(?:\t(?:Note|Approve|Chair))?\Z"),
        st.text(max_size=40),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(_LINES.map("\n".join), st.binary(max_size=300).map(lambda b: b.decode("latin-1"))))
def test_agenda_like_text_is_a_pack_or_a_pack_error(tmp_path: Path, text: str) -> None:
    try:
        read_pack(write(tmp_path, text, "fuzz.txt"))
    except PackError as exc:
        assert "fuzz.txt" in str(exc)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from([b"", b"%PDF-1.7\n", b"\xff\xfe", b"\xef\xbb\xbf"]))
def test_any_bytes_are_a_pack_or_a_pack_error(tmp_path: Path, data: bytes, prefix: bytes) -> None:
    path = tmp_path / "fuzz.bin"
    path.write_bytes(prefix + data)
    try:
        read_pack(path)
    except PackError as exc:
        assert "fuzz.bin" in str(exc) or str(exc) == "Import cancelled."


def test_columns_in_reading_order(tmp_path: Path) -> None:
    """PDF text without layout puts each table cell on its own line."""
    text = "Board meeting 3 May 2024\nAgenda\n10:00\n1. Apologies\nChair\nNote\n"
    text += "10:05\n2. Budget\nDirector of Finance\nApprove\n"
    pack = read_pack(write(tmp_path, text))
    assert [(i.planned_time, i.title, i.presenter, i.purpose) for i in pack.items] == [
        (time(10, 0), "Apologies", "Chair", Purpose.NOTE),
        (time(10, 5), "Budget", "Director of Finance", Purpose.APPROVE),
    ]
