"""The annual attendance report: attended / expected over each person's term, deputies as the rules say."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.commands.exports import ExportError, attendance_for_body, export_attendance_report
from app.domain import RuleSet
from app.services.attendance_report import attendance_report
from app.storage import Store
from tests.unit.exports_helpers import Board, make_board

YEAR = (date(2024, 1, 1), date(2024, 12, 31))


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    store = Store.open(tmp_path_factory.mktemp("attendance") / "quorate.db")
    yield make_board(store)
    store.close()


def _labels(board: Board, deputies_count: bool | None = None) -> dict[str, str]:
    report = attendance_for_body(board.store, board.body_id, *YEAR, deputies_count=deputies_count)
    return {f.name: f.label for f in report.figures}


def test_counts_over_the_meetings_held_with_deputies_counting(board: Board) -> None:
    report = attendance_for_body(board.store, board.body_id, *YEAR)  # the body's rule: deputies count
    assert report.deputies_count
    # March, June and September were held; December has no attendance yet; May 2025 is outside the period.
    assert [day for day, _ in report.meetings] == [date(2024, 3, 1), date(2024, 6, 14), date(2024, 9, 20)]
    assert _labels(board) == {
        "Ann Chair": "Ann Chair 3/3",
        "Ben Baker": "Ben Baker 2/3",
        "Cat Cole": "Cat Cole 3/3",
        "Dan Dale": "Dan Dale 3/3",
        "Eve Ellis": "Eve Ellis 2/3†",  # Dee deputised in June and September
        "Vic Newman": "Vic Newman (From 1 June 2024) 2/2",  # joined mid-year: counted only after joining
    }
    assert "counts as the member's" in report.footnotes[1]
    eve = next(f for f in report.figures if f.name == "Eve Ellis")
    assert eve.by_deputy == 2 and eve.below_expectation


def test_counts_without_deputies(board: Board) -> None:
    report = attendance_for_body(board.store, board.body_id, *YEAR, deputies_count=False)
    labels = {f.name: f.label for f in report.figures}
    assert labels["Eve Ellis"] == "Eve Ellis 0/3†"
    assert labels["Ann Chair"] == "Ann Chair 3/3" and labels["Vic Newman"] == "Vic Newman (From 1 June 2024) 2/2"
    assert "does not count as the member's" in report.footnotes[1]


def test_the_rule_set_decides_by_default(board: Board) -> None:
    records = [board.store.record(board.meetings[k]) for k in ("mar", "jun", "sep", "dec")]
    strict = [
        dataclasses.replace(r, body=dataclasses.replace(r.body, rules=replace_rules(r.body.rules))) for r in records
    ]
    report = attendance_report(strict, *YEAR)
    assert not report.deputies_count
    assert {f.name: f.figure for f in report.figures}["Eve Ellis"] == "0/3†"
    assert attendance_report(records, *YEAR).deputies_count  # the board's own rules: deputies count


def replace_rules(rules: RuleSet) -> RuleSet:
    return dataclasses.replace(rules, deputies_count=False)


def test_terms_bound_the_expected_meetings(board: Board) -> None:
    # Over March to June only: Vic (from 1 June) was expected at one meeting and attended it.
    report = attendance_for_body(board.store, board.body_id, date(2024, 3, 1), date(2024, 6, 30))
    figures = {f.name: f for f in report.figures}
    assert figures["Vic Newman"].expected == 1 and figures["Vic Newman"].attended == 1
    assert figures["Ben Baker"].label == "Ben Baker 1/2"
    # Over March alone Vic was not yet a member: he is not listed; a deputy who only deputised never is.
    march = attendance_for_body(board.store, board.body_id, date(2024, 3, 1), date(2024, 3, 31))
    assert "Vic Newman" not in {f.name for f in march.figures}
    assert "Dee Deputy" not in _labels(board) and "Pat Officer" not in _labels(board)


def test_csv_and_pdf(board: Board, tmp_path: Path) -> None:
    csv_out = export_attendance_report(board.store, board.body_id, *YEAR, tmp_path / "attendance.csv")
    rows = list(csv.reader(io.StringIO(csv_out.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:2] == ["Name", "Role"]
    vic = next(r for r in rows if r and r[0] == "Vic Newman")
    assert vic[3:8] == ["From 1 June 2024", "2", "2", "0", "2/2"]
    eve = next(r for r in rows if r and r[0] == "Eve Ellis")
    assert eve[4:9] == ["2", "3", "2", "2/3", "67%"]
    assert any(r and r[0].startswith("†") for r in rows)

    pdf_out = export_attendance_report(board.store, board.body_id, *YEAR, tmp_path / "attendance.pdf")
    reader = PdfReader(pdf_out)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for wanted in ("Attendance at meetings of Test Board", "3 meetings held", "Vic Newman", "(From 1 June 2024)"):
        assert wanted in text
    for wanted in ("2/3†", "3/3", "2/2", "counts as the member's", "20 September 2024"):
        assert wanted in text
    assert reader.metadata is not None and "attendance" in (reader.metadata.title or "")


def test_bad_requests_write_nothing(board: Board, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="before it starts"):
        export_attendance_report(board.store, board.body_id, date(2024, 12, 31), date(2024, 1, 1), tmp_path / "a.pdf")
    with pytest.raises(ExportError, match="csv, pdf"):
        export_attendance_report(board.store, board.body_id, *YEAR, tmp_path / "a.xlsx")
    assert list(tmp_path.iterdir()) == []
