"""Where an item's paper begins on its first text page (app/ui/reader_text.py `paper_start`)."""

from __future__ import annotations

import pytest

from app.ui.reader_text import paper_start

TAIL = "…end of the paper before.\n¹ A footnote of the paper before.\n\n"


@pytest.mark.parametrize(
    ("page", "expected_line"),
    [
        (TAIL + "Date: 5 May 2024\n\nReport to the: Board\n\nItem: 6.4 Pooled budgets\n\nSummary", "Date: 5 May 2024"),
        (TAIL + "Agenda item 6.4\nPooled budgets\nThe committee is asked", "Agenda item 6.4"),
        (TAIL + "6.4 Pooled budgets\nThe board is asked", "6.4 Pooled budgets"),
        (TAIL + "POOLED BUDGETS\nThe board is asked", "POOLED BUDGETS"),
    ],
    ids=["nhs-cover-sheet", "council-agenda-item", "number-and-title", "title-alone"],
)
def test_the_paper_is_found_in_the_forms_papers_take(page: str, expected_line: str) -> None:
    at = paper_start(page, "6.4", "Pooled budgets")
    assert page[at:].startswith(expected_line)


def test_another_item_s_number_or_nothing_found_gives_the_top_of_the_page() -> None:
    assert paper_start(TAIL + "Item: 6.41 Another paper\n", "6.4", "Pooled budgets") == 0
    assert paper_start(TAIL + "Item: 16.4 Another paper\n", "6.4", "Pooled budgets") == 0
    assert paper_start("Nothing to see here.", "6.4", "Pooled budgets") == 0
