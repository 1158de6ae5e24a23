"""Motions prefilled from what a paper asks the board to do (cover sheets written by hand in several styles)."""

from __future__ import annotations

from app.domain import AgendaItem
from app.services.live import prefill_motion, recommendations_in

ITEM = AgendaItem(None, 0, 0, "5", "Estates Strategy")


def test_a_single_request_becomes_one_resolution() -> None:
    cover = """Report to the: Board
1.0 Purpose
This paper sets out the estates strategy.
2.0 Recommendation
2.1 The Committee is asked to **approve** the estates strategy for consultation.
3.0 Key Implications
Finance"""
    assert recommendations_in([cover]) == ["approve the estates strategy for consultation"]
    assert prefill_motion(ITEM, recommendations_in([cover]), "Committee") == (
        "That the Committee approves the estates strategy for consultation."
    )


def test_the_following_distributes_the_verb_over_numbered_lines() -> None:
    cover = """RECOMMENDATIONS
Members are invited to approve the following:
(a) the revised terms of reference;
(b) the schedule of meetings for 2025.
Background
Ignored text."""
    assert recommendations_in([cover]) == [
        "approve the revised terms of reference",
        "approve the schedule of meetings for 2025",
    ]
    assert prefill_motion(ITEM, recommendations_in([cover])) == (
        "That the Board:\n1. approves the revised terms of reference;\n2. approves the schedule of meetings for 2025."
    )


def test_a_listing_stays_one_request_and_verbs_conjugate() -> None:
    cover = """Recommendations:
- The Trust Board is asked to note the report.
- The Trust Board is also asked to identify risks arising from:
  - the staffing position
  - the capital programme
2.0 Context"""
    assert recommendations_in([cover]) == [
        "note the report",
        "identify risks arising from: the staffing position; the capital programme",
    ]
    assert prefill_motion(ITEM, recommendations_in([cover])).startswith(
        "That the Board:\n1. notes the report;\n2. identifies"
    )


def test_no_recommendations_falls_back_to_the_title_template() -> None:
    assert recommendations_in(["A paper with no such section."]) == []
    assert prefill_motion(ITEM) == "That the Board approves the Estates Strategy."
