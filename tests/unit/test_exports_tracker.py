"""The action tracker as CSV, XLSX and PDF: read each back and find the body's actions as the pack shows them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.commands.exports import ExportError, Part2, export_action_tracker, tracker_rows
from app.export.actions_export import HEADERS, spreadsheet_safe
from app.storage import Store
from tests.unit.exports_helpers import Board, make_board


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    store = Store.open(tmp_path_factory.mktemp("tracker") / "quorate.db")
    yield make_board(store)
    store.close()


def test_rows_as_the_september_meeting_sees_them(board: Board) -> None:
    rows = {r.number: r for r in tracker_rows(board.store, board.meetings["sep"])}
    # Action 4 was raised in Part II (Estates strategy): a tracker is public unless asked otherwise (issue 18).
    assert [r.number for r in tracker_rows(board.store, board.meetings["sep"])] == ["1", "3", "5", "2"]
    first = rows["1"]
    assert first.meeting_date == date(2024, 3, 1) and first.item == "2 Budget 2024/25"
    assert first.owners == "Ben Baker, Cat Cole" and first.due == date(2024, 4, 1)
    assert first.status == "Outstanding" and first.rag == "amber"  # overdue by September
    assert first.last_update == "14/06/2024: Draft circulated to members"
    escalated = rows["3"]
    assert escalated.status == "Escalated" and escalated.rag == "black"  # red at three meetings in a row
    closed = rows["2"]
    assert closed.closed and closed.status == "CLOSED (20/09/2024)"
    assert rows["5"].status == "Not yet due" and rows["5"].meeting_date == date(2024, 9, 20)


def test_part_ii_actions_are_left_out_or_marked_in_every_format(board: Board, tmp_path: Path) -> None:
    confidential = {r.number: r for r in tracker_rows(board.store, board.meetings["sep"], Part2.MARK)}
    assert list(confidential) == ["1", "3", "4", "5", "2"]
    assert confidential["4"].confidential and not confidential["1"].confidential
    for suffix in ("csv", "xlsx", "pdf"):
        public = export_action_tracker(board.store, board.meetings["sep"], tmp_path / f"public.{suffix}")
        marked = export_action_tracker(
            board.store, board.meetings["sep"], tmp_path / f"confidential.{suffix}", part2=Part2.MARK
        )
        texts = [_text(public), _text(marked)]
        assert "Oak House" not in texts[0] and "Estates strategy" not in texts[0]
        assert all(words in texts[1] for words in ("Oak House", "PART II", "CONFIDENTIAL:", "Estates strategy"))
        assert "CONFIDENTIAL" not in texts[0] and "CONFIDENTIAL" in texts[1]


def _text(path: Path) -> str:
    if path.suffix == ".csv":
        return path.read_bytes().decode("utf-8-sig")
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path).active
        return "\n".join(" ".join(str(c) for c in row if c) for row in sheet.iter_rows(values_only=True))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_csv_reads_back(board: Board, tmp_path: Path) -> None:
    out = export_action_tracker(board.store, board.meetings["sep"], tmp_path / "tracker.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(table[0]) == HEADERS
    by_number = {row[0]: row for row in table[1:]}
    assert by_number["1"] == [
        "1",
        "01/03/2024",
        "2 Budget 2024/25",
        "Publish the approved budget",
        "Ben Baker, Cat Cole",
        "01/04/2024",
        "Outstanding",
        "Amber",
        "14/06/2024: Draft circulated to members",
    ]
    # Text that a spreadsheet would run as a formula is kept as text.
    assert by_number["2"][3] == "'=SUM(A1:A9) check the capital line"
    assert spreadsheet_safe("- a bullet") == "- a bullet" and spreadsheet_safe("-1+2") == "'-1+2"


def test_xlsx_reads_back_with_real_dates_and_no_formulas(board: Board, tmp_path: Path) -> None:
    out = export_action_tracker(board.store, board.meetings["sep"], tmp_path / "tracker.xlsx")
    workbook = openpyxl.load_workbook(out)
    try:
        sheet = workbook["Action tracker"]
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert tuple(values[0]) == HEADERS
        by_number = {row[0]: row for row in values[1:]}
        first = by_number["1"]
        assert first[1].date() == date(2024, 3, 1) and first[5].date() == date(2024, 4, 1)
        assert first[3] == "Publish the approved budget" and first[6] == "Outstanding" and first[7] == "Amber"
        formula_like = sheet.cell(row=list(by_number).index("2") + 2, column=4)
        assert formula_like.value == "=SUM(A1:A9) check the capital line" and formula_like.data_type == "s"
        rag = sheet.cell(row=list(by_number).index("3") + 2, column=8)
        assert rag.value == "Black" and rag.fill.fgColor.rgb.endswith("000000")
        assert sheet.freeze_panes == "A2"
    finally:
        workbook.close()


def test_pdf_in_the_pack_column_layout(board: Board, tmp_path: Path) -> None:
    out = export_action_tracker(board.store, board.meetings["sep"], tmp_path / "tracker.bin", fmt="pdf")
    reader = PdfReader(out)
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for wanted in (
        "Action tracker — Test Board",
        "Action No.",
        "Current Position",
        "Publish the approved budget",
        "Draft circulated to members",
        "Escalated",
        "Closed actions",
        "CLOSED (20/09/2024)",
        "Page 1 of 1",
    ):
        assert wanted in text
    assert text.index("Open actions") < text.index("Publish the approved budget") < text.index("Closed actions")
    assert text.index("Closed actions") < text.index("=SUM(A1:A9)")
    assert reader.metadata is not None and reader.metadata.title == "Action tracker — Test Board"


def test_an_unknown_format_writes_nothing(board: Board, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="csv, xlsx, pdf"):
        export_action_tracker(board.store, board.meetings["sep"], tmp_path / "tracker.ods")
    assert list(tmp_path.iterdir()) == []
