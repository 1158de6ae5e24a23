"""A meeting title the reader composes from the body's name ("Meeting of <body>", when the sheet only says
"the meeting") is a guess and marked for checking; one printed in those words is not."""

from __future__ import annotations

from app.packs.meeting import announced, text_masthead


def test_a_title_made_up_from_the_body_is_marked_composed() -> None:
    said = announced(["Minutes of the meeting held on Monday 3 March 2025 at the Boathouse"], "Example Rowing Club")
    assert said.title == "Meeting of Example Rowing Club"
    assert said.composed


def test_a_title_printed_as_a_meeting_of_the_body_is_not_composed() -> None:
    said = announced(["A meeting of the Example Allotment Committee will be held on Tuesday 4 March 2025."])
    assert said.title.casefold() == "meeting of the example allotment committee"
    assert not said.composed


def test_a_text_pack_with_a_made_up_title_marks_the_title_uncertain() -> None:
    lines = ["EXAMPLE ROWING CLUB", "", "Minutes of the meeting held on Monday 3 March 2025 at the Boathouse", ""]
    masthead = text_masthead(lines, "EXAMPLE ROWING CLUB", "", "")
    assert masthead.title == "Meeting of Example Rowing Club"
    assert "title" in masthead.guessed
