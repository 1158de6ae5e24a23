"""A table that came out of a PDF column by column (one cell a paragraph) is put back together by order."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from app.packs import read_pack

TEXT = """Example Trust

Board Meeting in Public - 8 December 2023

Agenda
Time

Item

Title

Lead

09:30

1

Welcome and Apologies

Chair

09:40

2

Minutes of the Previous Meeting held on 5
November 2023

Chair

10:00

3

Finance Report

Director of Finance
"""


def test_rows_of_a_column_serialised_table_are_rejoined(tmp_path: Path) -> None:
    path = tmp_path / "pack.txt"
    path.write_text(TEXT, encoding="utf-8")
    pack = read_pack(path)
    assert [(i.number, i.title, i.planned_time) for i in pack.items] == [
        ("1", "Welcome and Apologies", time(9, 30)),
        ("2", "Minutes of the Previous Meeting held on 5 November 2023", time(9, 40)),
        ("3", "Finance Report", time(10, 0)),
    ]
    assert pack.items[2].presenter == "Director of Finance"
    assert any("column by column" in w for w in pack.warnings)
