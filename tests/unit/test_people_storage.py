"""People, the register of interests and the rule set in storage, and their CSV import and export."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.commands import people as commands
from app.domain import PRESETS, Meeting, Person, Tier, rules_to_dict
from app.domain.model import AgendaItem
from app.storage import Store, open_database
from app.storage import people as storage
from app.storage.people import PeopleError, RegisterRow, parse_register_date

DB = Path(__file__).resolve().parents[2] / "db"


def migration_dir(target: Path) -> Path:
    """db/ as it will be: 0001, 0002 (another change; an empty stub until it lands) and 0003."""
    target.mkdir(parents=True, exist_ok=True)
    for path in DB.glob("*.sql"):
        shutil.copy(path, target / path.name)
    if not list(target.glob("0002_*.sql")):
        (target / "0002_placeholder.sql").write_text("-- stands in for 0002 in this test only\n", encoding="utf-8")
    return target


def open_store(tmp_path: Path) -> Store:
    path = tmp_path / "quorate.db"
    return Store(open_database(path, migration_dir(tmp_path / "db")), path)


@pytest.fixture
def pstore(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path)
    yield opened
    opened.close()


def _body(store: Store, name: str = "ICB Board") -> int:
    body = store.ensure_body(name)
    assert body.id is not None
    return body.id


def _add(store: Store, body_id: int, name: str, initials: str = "", **kw: object) -> Person:
    return commands.add_person(store, Person(None, body_id, name, initials=initials, **kw))  # type: ignore[arg-type]


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# -- people ---------------------------------------------------------------------------------------------------


def test_initials_clash_names_both_people_and_saves_nothing(pstore: Store) -> None:
    body = _body(pstore)
    _add(pstore, body, "Mahesh Shah", "MS")
    audit_before = len(pstore.audit_entries())
    with pytest.raises(PeopleError) as caught:
        _add(pstore, body, "Michelle Summers", "ms")
    assert str(caught.value) == "Initials ms are already used by Mahesh Shah; choose others for Michelle Summers."
    assert [p.name for p in pstore.people(body)] == ["Mahesh Shah"]
    assert len(pstore.audit_entries()) == audit_before
    assert _add(pstore, body, "Michelle Summers", "MSu").initials == "MSu"


def test_edit_and_retire_are_audited_and_retiring_frees_initials(pstore: Store) -> None:
    body = _body(pstore)
    shah = _add(pstore, body, "Mahesh Shah", "MS", role_tags=("Non Executive",))
    assert shah.role_tags == ("non-executive",)
    edited = commands.edit_person(
        pstore, Person(shah.id, body, "Mahesh Shah", role="Non-Executive Member", initials="MS")
    )
    assert edited.role == "Non-Executive Member"
    retired = commands.retire_person(pstore, edited.id or 0)
    assert retired.retired
    _add(pstore, body, "Michelle Summers", "MS")  # the initials are free once Mahesh Shah has retired
    with pytest.raises(PeopleError, match="Initials MS are already used by Michelle Summers; choose others for Mahesh"):
        commands.retire_person(pstore, edited.id or 0, retired=False)
    actions = [e.action for e in storage.history(pstore, "person", shah.id or 0)]
    assert actions == ["create", "edit", "edit"]
    assert pstore.verify_audit_chain() == []


def test_person_validation_names_the_field(pstore: Store) -> None:
    body = _body(pstore)
    with pytest.raises(PeopleError, match="needs a name"):
        _add(pstore, body, "   ")
    with pytest.raises(PeopleError, match=r"ends .* before it begins"):
        _add(pstore, body, "A Person", term_from=date(2024, 4, 1), term_to=date(2023, 4, 1))
    assert pstore.people(body) == []


def _meeting_with_history(store: Store, body: int, keep: Person, other: Person) -> tuple[int, int]:
    meeting = store.create_meeting(
        Meeting(None, body, "Board", date(2023, 9, 29)), [AgendaItem(None, 0, 0, "6.4", "Section 75")]
    )
    item = store.items(meeting.id or 0)[0]
    second = store.create_meeting(Meeting(None, body, "Board", date(2023, 11, 29)), [])
    conn = store.conn
    conn.execute("INSERT INTO attendance (meeting_id, person_id) VALUES (?, ?)", (meeting.id, other.id))
    conn.execute("INSERT INTO attendance (meeting_id, person_id) VALUES (?, ?)", (second.id, other.id))
    conn.execute("INSERT INTO attendance (meeting_id, person_id) VALUES (?, ?)", (second.id, keep.id))
    conn.execute(
        "INSERT INTO declaration (item_id, person_id, interest, kind) VALUES (?, ?, 'CEO of the council', 'financial')",
        (item.id, other.id),
    )
    conn.execute("INSERT INTO motion (item_id, text, mover_id) VALUES (?, 'Approve', ?)", (item.id, other.id))
    return meeting.id or 0, item.id or 0


def test_merge_moves_every_reference_keeps_an_alias_and_history(pstore: Store) -> None:
    body = _body(pstore)
    keep = _add(pstore, body, "Marcel Coiffait", "MC")
    other = _add(pstore, body, "Marcel Colfait", "", role="Chief Executive, Central Bedfordshire Council")
    deputy = _add(pstore, body, "Deputy Person", "DP")
    commands.set_deputies(pstore, other.id or 0, [deputy.id or 0])
    commands.add_interest(pstore, RegisterRow(None, other.id or 0, details="Chief Executive of the council"))
    meeting_id, item_id = _meeting_with_history(pstore, body, keep, other)

    merged = commands.merge_people(pstore, keep.id or 0, other.id or 0)

    assert merged.role == "Chief Executive, Central Bedfordshire Council"  # a blank field filled from the other
    assert [p.name for p in pstore.people(body)] == ["Marcel Coiffait", "Deputy Person"]
    assert {a.person_id for a in pstore.attendance(meeting_id)} == {keep.id}
    assert _count(pstore, "attendance") == 2  # the meeting both attended keeps one row
    assert pstore.conn.execute("SELECT person_id FROM declaration").fetchone()[0] == keep.id
    assert pstore.conn.execute("SELECT mover_id FROM motion").fetchone()[0] == keep.id
    assert [r.person_id for r in storage.register(pstore, body)] == [keep.id]
    assert storage.deputies(pstore, keep.id or 0) == [deputy.id]
    assert [(a.alias, a.merged_from_id) for a in storage.aliases(pstore, body)] == [("Marcel Colfait", other.id)]
    merge = storage.history(pstore, "person", other.id or 0)[-1]
    assert merge.action == "merge"
    assert json.loads(merge.before or "{}")["name"] == "Marcel Colfait"
    assert json.loads(merge.after or "{}")["merged_into"] == keep.id
    assert pstore.verify_audit_chain() == []
    assert item_id
    # The alias makes later imports find the kept record.
    report = commands.import_register_csv(pstore, body, "Surname,Forename,Details\nColfait,Marcel,Trustee\n")
    assert report.created == 1 and report.warnings == ()
    assert {r.person_id for r in storage.register(pstore, body)} == {keep.id}


def test_merge_refuses_people_who_moved_and_seconded_one_motion(pstore: Store) -> None:
    body = _body(pstore)
    a, b = _add(pstore, body, "Ann One"), _add(pstore, body, "Ann Two")
    meeting = pstore.create_meeting(Meeting(None, body, "Board"), [AgendaItem(None, 0, 0, "1", "Item")])
    item = pstore.items(meeting.id or 0)[0]
    pstore.conn.execute(
        "INSERT INTO motion (item_id, text, mover_id, seconder_id) VALUES (?, 'x', ?, ?)", (item.id, a.id, b.id)
    )
    audit = len(pstore.audit_entries())
    with pytest.raises(PeopleError, match="moved and seconded the same motion"):
        commands.merge_people(pstore, a.id or 0, b.id or 0)
    assert len(pstore.people(body)) == 2 and len(pstore.audit_entries()) == audit


# -- the register ---------------------------------------------------------------------------------------------


def test_register_crud_is_audited_and_dates_are_read(pstore: Store) -> None:
    body = _body(pstore)
    church = _add(pstore, body, "Laura Church", "LC")
    row = commands.add_interest(
        pstore,
        RegisterRow(
            None,
            church.id or 0,
            position="Chief Executive, Bedford Borough Council",
            interests_to_declare="Yes",
            non_financial_professional=True,
            details="Bedford Borough Council, Commissioner of Public Health",
            date_from="05/10/2021",
            date_to="Ongoing",
            date_declared="27/05/2022",
        ),
    )
    assert (row.date_from_iso, row.date_to_iso, row.date_declared_iso) == ("2021-10-05", None, "2022-05-27")
    edited = commands.edit_interest(pstore, RegisterRow(**{**_fields(row), "date_from": "Apr-19", "indirect": True}))
    assert edited.date_from_iso == "2019-04" and edited.indirect
    assert edited.entry("Laura Church").kinds[-1].value == "indirect"
    commands.delete_interest(pstore, row.id or 0)
    assert storage.register(pstore, body) == []
    assert [e.action for e in storage.history(pstore, "interest", row.id or 0)] == ["create", "edit", "delete"]
    with pytest.raises(PeopleError, match="must belong to one of the body's people"):
        commands.add_interest(pstore, RegisterRow(None, 999, details="x"))


def _fields(row: RegisterRow) -> dict[str, object]:
    return {name: getattr(row, name) for name in RegisterRow.__slots__}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("01/04/2021", "2021-04-01"),
        ("Apr-19", "2019-04"),
        ("June 2023", "2023-06"),
        ("Circa 2012", "2012"),
        ("2009", "2009"),
        ("Ongoing", None),
        ("ongoing", None),
        ("18.9.2023", "2023-09-18"),
        ("31/02/2021", None),
        ("soon", None),
    ],
)
def test_register_dates_as_written(text: str, iso: str | None) -> None:
    assert parse_register_date(text) == iso


@given(st.text(max_size=30))
def test_register_dates_never_raise(text: str) -> None:
    parse_register_date(text)


# -- rules ----------------------------------------------------------------------------------------------------


def test_rules_are_persisted_and_bad_rules_refused_naming_the_field(pstore: Store) -> None:
    body = _body(pstore)
    saved = commands.apply_preset(pstore, body, "nhs_board")
    assert saved.rules == PRESETS["nhs_board"]
    assert pstore.body(body).rules == PRESETS["nhs_board"]
    bad = rules_to_dict(PRESETS["nhs_board"]) | {"quorum_fraction": 1.5}
    with pytest.raises(PeopleError, match="quorum_fraction must be more than 0 and at most 1"):
        commands.set_rules(pstore, body, bad)
    assert pstore.body(body).rules == PRESETS["nhs_board"]
    for name in ("Ann One", "Ann Two"):
        _add(pstore, body, name)
    with pytest.raises(PeopleError, match="quorum_number 3 is larger than the 2 voting members in post"):
        commands.apply_preset(pstore, body, "society_committee")
    assert [e.action for e in storage.history(pstore, "body", body)] == ["create", "rules"]


# -- CSV ------------------------------------------------------------------------------------------------------

PEOPLE_CSV = """\
Full Name,Role,Initials,Tier,Voting,Tags,Term start
Dr Rima Makarem,Chair,RM,Member,Yes,chair,01/04/2022
Mahesh Shah,Non Executive Member,MS,member,y,,
Michelle Summers,Partner Member,MSu,Participant,no,,
Maria Wogan,Chief of System Assurance,MW,in attendance,,,2022-07-01
"""


def test_people_csv_import_good_file(pstore: Store, tmp_path: Path) -> None:
    body = _body(pstore)
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE_CSV, encoding="utf-8-sig")
    report = commands.import_people_csv(pstore, body, path)
    assert (report.created, report.updated) == (4, 0)
    people = {p.name: p for p in pstore.people(body)}
    assert people["Rima Makarem"].title == "Dr" and people["Rima Makarem"].term_from == date(2022, 4, 1)
    assert people["Mahesh Shah"].role_tags == ("non-executive",)  # guessed from the role
    assert not people["Michelle Summers"].voting and people["Michelle Summers"].tier is Tier.PARTICIPANT
    assert not people["Maria Wogan"].voting  # in attendance: no vote unless the file says so
    again = commands.import_people_csv(pstore, body, PEOPLE_CSV.replace("Partner Member", "Partner"))
    assert (again.created, again.updated) == (0, 1)


def test_people_csv_semicolons_and_split_names(pstore: Store) -> None:
    body = _body(pstore)
    report = commands.import_people_csv(pstore, body, "SURNAME;First name;Position\nBracey;Michael;Chief Executive\n")
    assert report.created == 1
    assert pstore.people(body)[0].name == "Michael Bracey"


def test_people_csv_missing_column_is_refused(pstore: Store) -> None:
    body = _body(pstore)
    with pytest.raises(
        commands.CsvImportError, match=r"has no column for Name \(or Surname and Forename\); nothing was imported"
    ):
        commands.import_people_csv(pstore, body, "Role,Initials\nChair,RM\n")
    assert pstore.people(body) == []


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("Jo Bloggs,Member,JB,boss,,,", "Row 6 (Jo Bloggs), column Tier: “boss” is not a tier"),
        ("Jo Bloggs,Member,JB,member,maybe,,", "Row 6 (Jo Bloggs), column Voting: “maybe” is not yes or no"),
        ("Jo Bloggs,Member,JB,member,,,31/02/2022", "Row 6 (Jo Bloggs), column Term from: “31/02/2022” is not a date"),
        ("Michelle Sanders,Member,ms,member,,,", "Row 6 (Michelle Sanders): Initials ms are already used by Mahesh"),
        (",Member,JB,member,,,", "Row 6: the name is blank"),
    ],
)
def test_people_csv_bad_row_saves_nothing(pstore: Store, bad_line: str, message: str) -> None:
    body = _body(pstore)
    audit = len(pstore.audit_entries())
    with pytest.raises(commands.CsvImportError) as caught:
        commands.import_people_csv(pstore, body, PEOPLE_CSV + bad_line + "\n")
    assert message in str(caught.value)
    assert pstore.people(body) == []
    assert len(pstore.audit_entries()) == audit


REGISTER_CSV = (
    "Surname\tForename\tPosition within, or relationship with the Integrated Care Board\tInterests to Declare\t"
    "Financial Interest\tNon-Financial Professional\tNon-Financial Personal\tIndirect\tDetails of Interest\t"
    "Date From\tDate To\tActions to be taken to mitigate risk\tDate Declared\n"
    "Bracey\tMichael\tChief Executive, Milton Keynes Council\tYes\t\tY\t\t\tEmployee of Milton Keynes City Council\t"
    "2009\tOngoing\tNone required\t21/11/2022\n"
    "Church\tLaura\tChief Executive, Bedford Borough Council\tYes\t\t\t\tY\tHusband provides consultancy\t"
    "05/10/2021\tOngoing\tDeclare in line with conflicts of interest policy\t\n"
    "Borrett\tAlison\tNon Executive Member\tNo\t\t\t\t\t\t\t\t\t21/06/2022\n"
)


def test_register_csv_import_export_round_trip(pstore: Store, tmp_path: Path) -> None:
    body = _body(pstore)
    for name in ("Michael Bracey", "Cllr Laura Church", "Alison Borrett"):
        _add(pstore, body, name)
    report = commands.import_register_csv(pstore, body, REGISTER_CSV)
    assert (report.created, report.skipped) == (3, 0)
    rows = storage.register(pstore, body)
    assert [r.details for r in rows][:2] == ["", "Employee of Milton Keynes City Council"]  # Borrett, Bracey
    bracey = rows[1]
    assert bracey.non_financial_professional and bracey.date_from_iso == "2009" and bracey.mitigation == "None required"
    out = commands.export_register_csv(pstore, body, tmp_path / "out" / "register.csv")
    exported = out.read_text(encoding="utf-8-sig")
    assert exported.splitlines()[0].startswith("Surname,Forename,Position,Interests to Declare,Financial Interest")
    assert 'Bracey,Michael,"Chief Executive, Milton Keynes Council",Yes,,Y,,' in exported
    again = commands.import_register_csv(pstore, body, out)
    assert (again.created, again.skipped) == (0, 3)


def test_register_csv_unknown_person_and_missing_column(pstore: Store) -> None:
    body = _body(pstore)
    _add(pstore, body, "Michael Bracey")
    with pytest.raises(commands.CsvImportError, match="Row 3 \\(Laura Church\\), column Surname: no one called Laura"):
        commands.import_register_csv(pstore, body, REGISTER_CSV)
    assert storage.register(pstore, body) == []
    with pytest.raises(commands.CsvImportError, match="has no column for Details"):
        commands.import_register_csv(pstore, body, "Name,Position\nMichael Bracey,CEO\n")
    created = commands.import_register_csv(pstore, body, REGISTER_CSV, create_missing_people=True)
    assert created.created == 3 and len(pstore.people(body)) == 3
    with pytest.raises(commands.CsvImportError, match="column Financial: “perhaps” is not yes or no"):
        commands.import_register_csv(pstore, body, "Name,Financial,Details\nMichael Bracey,perhaps,x\n")


def _xlsx(path: Path, rows: list[list[object]], *, title: str = "People", second_sheet: bool = False) -> Path:
    """A workbook whose first worksheet holds `rows` (None for an empty cell), written with openpyxl."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if second_sheet:
        book.create_sheet("Notes").append(["Name"])  # never read: only the first worksheet is
    book.save(path)
    return path


PEOPLE_ROWS: list[list[object]] = [
    ["Name", "Role", "Initials", "Tier", "Voting", "Term from", "Term to"],
    ["Dr Rima Makarem", "Chair", "RM", "Member", True, datetime(2022, 4, 1), None],
    ["Mahesh Shah", "Non Executive Member", "MS", "member", "y", None, None],
    ["Michelle Summers", "Partner Member", "MSu", "Participant", False, None, None],
    [None, None, None, None, None, None, None],  # a blank row is skipped
    ["Maria Wogan", "Chief of System Assurance", 7.0, "in attendance", None, None, date(2022, 7, 1)],
]


def test_people_xlsx_import_good_file(pstore: Store, tmp_path: Path) -> None:
    body = _body(pstore)
    path = _xlsx(tmp_path / "people.xlsx", PEOPLE_ROWS, second_sheet=True)
    report = commands.import_people_csv(pstore, body, path)
    assert (report.created, report.updated) == (4, 0)
    people = {p.name: p for p in pstore.people(body)}
    assert people["Rima Makarem"].title == "Dr" and people["Rima Makarem"].voting
    assert people["Rima Makarem"].term_from == date(2022, 4, 1)  # a date cell, read as 01/04/2022
    assert people["Mahesh Shah"].role_tags == ("non-executive",)
    assert not people["Michelle Summers"].voting and people["Michelle Summers"].tier is Tier.PARTICIPANT
    assert people["Maria Wogan"].initials == "7"  # a number cell, without a trailing .0
    assert people["Maria Wogan"].term_to == date(2022, 7, 1)
    again = commands.import_people_csv(pstore, body, path)
    assert (again.created, again.updated) == (0, 0)


def test_xlsx_cells_become_the_text_a_csv_would_hold() -> None:
    from app.commands.people import _cell_text

    assert _cell_text(datetime(2022, 11, 21)) == "21/11/2022"
    assert _cell_text(date(2009, 1, 5)) == "05/01/2009"
    assert _cell_text(2009.0) == "2009" and _cell_text(2009) == "2009" and _cell_text(2.5) == "2.5"
    assert _cell_text(None) == "" and _cell_text(True) == "Y" and _cell_text(False) == "N"


def test_register_xlsx_import(pstore: Store, tmp_path: Path) -> None:
    body = _body(pstore)
    for name in ("Michael Bracey", "Cllr Laura Church", "Alison Borrett"):
        _add(pstore, body, name)
    rows: list[list[object]] = [
        [None],  # the header need not be on the first row; row numbers stay as Excel shows them
        *([cell or None for cell in line.split("\t")] for line in REGISTER_CSV.splitlines()),
    ]
    rows[2][9] = 2009  # Date From as a number
    rows[2][12] = datetime(2022, 11, 21)  # Date Declared as a date
    path = _xlsx(tmp_path / "register.xlsx", rows, title="Register")
    report = commands.import_register_csv(pstore, body, path)
    assert (report.created, report.skipped) == (3, 0)
    bracey = storage.register(pstore, body)[1]
    assert bracey.details == "Employee of Milton Keynes City Council" and bracey.non_financial_professional
    assert (bracey.date_from, bracey.date_declared, bracey.date_declared_iso) == ("2009", "21/11/2022", "2022-11-21")
    assert (commands.import_register_csv(pstore, body, REGISTER_CSV).skipped) == 3  # the same rows as the CSV
    rows[3][4] = "perhaps"  # Laura Church's Financial Interest
    with pytest.raises(commands.CsvImportError, match="Row 4 \\(Laura Church\\), column Financial: “perhaps”"):
        commands.import_register_csv(pstore, body, _xlsx(tmp_path / "bad.xlsx", rows))


def test_xlsx_missing_column_is_refused(pstore: Store, tmp_path: Path) -> None:
    body = _body(pstore)
    path = _xlsx(tmp_path / "people.xlsx", [["Role", "Initials"], ["Chair", "RM"]])
    with pytest.raises(commands.CsvImportError, match=r"has no column for Name \(or Surname and Forename\)"):
        commands.import_people_csv(pstore, body, path)
    register = _xlsx(tmp_path / "register.xlsx", [["Name", "Position"], ["Rima Makarem", "Chair"]])
    with pytest.raises(commands.CsvImportError, match="has no column for Details"):
        commands.import_register_csv(pstore, body, register)
    assert pstore.people(body) == []


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (["Jo Bloggs", "Member", "JB", "boss"], "Row 7 (Jo Bloggs), column Tier: “boss” is not a tier"),
        (["Jo Bloggs", "Member", "JB", "member", 3], "Row 7 (Jo Bloggs), column Voting: “3” is not yes or no"),
        (["Jo Bloggs", None, None, None, None, "someday"], "Row 7 (Jo Bloggs), column Term from: “someday” is not"),
        (["Michelle Sanders", "Member", "ms"], "Row 7 (Michelle Sanders): Initials ms are already used by Mahesh"),
        ([None, "Member", "JB"], "Row 7: the name is blank"),
    ],
)
def test_people_xlsx_bad_row_saves_nothing(pstore: Store, tmp_path: Path, bad_row: list[object], message: str) -> None:
    body = _body(pstore)
    audit = len(pstore.audit_entries())
    path = _xlsx(tmp_path / "people.xlsx", [*PEOPLE_ROWS, bad_row])
    with pytest.raises(commands.CsvImportError) as caught:
        commands.import_people_csv(pstore, body, path)
    assert message in str(caught.value)
    assert pstore.people(body) == []
    assert len(pstore.audit_entries()) == audit


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04",  # a truncated zip
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),  # what Excel writes for a password-protected workbook
        b"Name,Role\nRima Makarem,Chair\n",  # a CSV file renamed
        b"",
    ],
)
def test_corrupt_xlsx_is_one_plain_sentence(pstore: Store, tmp_path: Path, content: bytes) -> None:
    body = _body(pstore)
    path = tmp_path / "people.xlsx"
    path.write_bytes(content)
    with pytest.raises(commands.CsvImportError) as caught:
        commands.import_people_csv(pstore, body, path)
    message = str(caught.value)
    assert message.startswith("people.xlsx could not be read as an Excel workbook (.xlsx)")
    assert message.count(". ") == 0 and message.endswith(".") and "\n" not in message
    assert pstore.people(body) == []


def test_zipped_xlsx_without_a_workbook_is_one_plain_sentence(pstore: Store, tmp_path: Path) -> None:
    import zipfile

    body = _body(pstore)
    path = tmp_path / "register.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(commands.CsvImportError, match=r"^register.xlsx could not be read as an Excel workbook"):
        commands.import_register_csv(pstore, body, path)


def test_other_spreadsheets_and_missing_files_get_a_plain_message(pstore: Store, tmp_path: Path) -> None:
    body = _body(pstore)
    old = tmp_path / "people.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(commands.CsvImportError, match=r"save it as an Excel workbook \(.xlsx\) or as CSV"):
        commands.import_people_csv(pstore, body, old)
    with pytest.raises(commands.CsvImportError, match="could not be read"):
        commands.import_people_csv(pstore, body, tmp_path / "missing.xlsx")


def test_pack_people_leave_clashing_initials_for_the_secretary(pstore: Store) -> None:
    from app.packs.model import DraftPerson

    body = _body(pstore)
    report = commands.import_pack_people(
        pstore,
        body,
        [
            DraftPerson("Dr Rima Makarem", "Chair", "RM"),
            DraftPerson("Mahesh Shah", "Non-Executive Member", "MS"),
            DraftPerson("Michelle Summers", "Partner Member", "MS", Tier.PARTICIPANT),
        ],
    )
    assert report.created == 3
    assert report.warnings == ("Initials MS are already used by Mahesh Shah; choose others for Michelle Summers.",)
    people = {p.name: p for p in pstore.people(body)}
    assert people["Rima Makarem"].role_tags == ("chair",) and people["Michelle Summers"].initials == ""


_CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12) | st.sampled_from(
    ["", "Y", "yes", "member", "01/04/2022", "MS", "Mahesh Shah", ",", '"', "\n", ";", "\t"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.lists(
        st.sampled_from(["Name", "Role", "Initials", "Tier", "Voting", "Term from", "Tags", "X"]), max_size=6
    ),
    rows=st.lists(st.lists(_CELL, max_size=7), max_size=5),
    register=st.booleans(),
)
def test_csv_import_raises_only_its_own_error(
    pstore: Store, header: list[str], rows: list[list[str]], register: bool
) -> None:
    body = _body(pstore, "Fuzz " + str(register))
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    people_before, audit_before = pstore.people(body), len(pstore.audit_entries())
    try:
        if register:
            commands.import_register_csv(pstore, body, buffer.getvalue(), create_missing_people=True)
        else:
            commands.import_people_csv(pstore, body, buffer.getvalue())
    except commands.CsvImportError as error:
        assert str(error).strip()
        assert pstore.people(body) == people_before
        assert len(pstore.audit_entries()) == audit_before
