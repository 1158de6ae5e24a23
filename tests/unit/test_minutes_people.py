"""Attendance read from minutes: each way minutes write it, on small invented snippets."""

from __future__ import annotations

from app.domain import Tier
from app.packs.model import DraftPerson
from app.packs.people import find_attendance, find_people, initials_of, is_name


def people(text: str) -> list[DraftPerson]:
    return find_people(text.split("\n"))


def by_name(text: str) -> dict[str, DraftPerson]:
    return {p.name: p for p in people(text)}


def test_present_prose_list_with_titles_roles_and_chair() -> None:
    found = by_name(
        "MINUTES of the meeting held on 3 March 2025\n\n"
        "PRESENT: Mr Alan Pryor (Chairman), Mrs Beth Quill, Dr Carl Rudd and Cllr Dina Shaw.\n"
        "Apologies: Mr Eric Tull\n\n"
        "1. MINUTES\nThe minutes were approved."
    )
    assert list(found) == ["Mr Alan Pryor", "Mrs Beth Quill", "Dr Carl Rudd", "Cllr Dina Shaw", "Mr Eric Tull"]
    assert found["Mr Alan Pryor"].role == "Chairman" and found["Mr Alan Pryor"].chair
    assert not found["Mrs Beth Quill"].chair and not found["Mrs Beth Quill"].apologies
    assert found["Mr Eric Tull"].apologies and found["Mr Eric Tull"].category == "Apologies"


def test_a_list_that_wraps_over_lines_and_a_plural_title() -> None:
    found = people(
        "Present: Councillors Ann Abbot (in the Chair), Bob Bell,\n"
        "Cara Cole and Dev\nDunn.\n"
        "Also present: Gus Gale (Clerk)\n\nItem 1"
    )
    names = [p.name for p in found]
    assert names[:4] == ["Councillor Ann Abbot", "Councillor Bob Bell", "Councillor Cara Cole", "Councillor Dev Dunn"]
    assert found[0].chair and found[0].role == ""
    gale = found[-1]
    assert (gale.name, gale.role, gale.tier) == ("Gus Gale", "Clerk", Tier.IN_ATTENDANCE)


def test_printed_initials_and_a_count_that_does_not_match() -> None:
    found = people("Present (4): Ann Abbot (AA), Bob Bell (BB) (Vice-Chair), Cara Cole (CC)\n\n1. Welcome")
    assert [(p.name, p.initials) for p in found] == [("Ann Abbot", "AA"), ("Bob Bell", "BB"), ("Cara Cole", "CC")]
    assert found[1].role == "Vice-Chair" and not found[1].chair
    assert all("attendance" in p.uncertain for p in found)  # 4 printed, 3 listed: someone is missing


def test_bullets_of_name_and_role_then_empty_apologies() -> None:
    found = people(
        "Attendees\n  ●   Iva Ink (Chair)\n  ●   Jon Jay (Secretary - outgoing)\n  ●   Kim Kay – Treasurer\n\n"
        "Apologies\n\nAgenda\n  ●   Events Next Term\n  ●   Freshers Fair\n"
    )
    assert [(p.name, p.role) for p in found] == [
        ("Iva Ink", "Chair"),
        ("Jon Jay", "Secretary - outgoing"),
        ("Kim Kay", "Treasurer"),
    ]
    assert not any(p.apologies for p in found)  # the agenda's bullets are not apologies


def test_capitalised_words_are_not_people() -> None:
    assert people("Present: Other, September and Agenda\n") == []
    assert people("Apologies\nNone\n\nReports\nThe Board noted the Finance Report.\n") == []
    assert not is_name("Ltd.") and not is_name("Chief Executive") and is_name("Leroy G. Comrie, Jr.")


def test_rows_of_name_role_initials_with_part_and_a_wrapped_deputy() -> None:
    found = by_name(
        "Present\n\n"
        "Dr Ana Bell (Chair)         Chair                                      AB\n"
        "Cy Dorn                     Director of Finance - part                 CD\n"
        "Eva Fenn                    Deputy Director (deputising for the        EF\n"
        "                            Director of Nursing)\n"
        "In attendance\n"
        "Gil Hart                    Board Secretary                            GH\n"
    )
    assert found["Dr Ana Bell"].role == "Chair" and found["Dr Ana Bell"].initials == "AB"
    assert found["Cy Dorn"].part_time and found["Cy Dorn"].role == "Director of Finance"
    fenn = found["Eva Fenn"]
    assert fenn.deputising_for == "Director of Nursing"
    assert fenn.role == "Deputy Director (deputising for the Director of Nursing)"
    assert found["Gil Hart"].tier is Tier.IN_ATTENDANCE


def test_a_grid_of_names_in_columns_then_not_present() -> None:
    found = people(
        "Maintainer Attendees:\n\n"
        "Ada Ames                 Ben Bold                 Cal Cobb\n"
        "Dee Dunn                 Eli Egan\n\n"
        "Not Present: Fox Ford, Gia Gray\n\n1. Topics"
    )
    assert [p.name for p in found] == [
        "Ada Ames",
        "Ben Bold",
        "Cal Cobb",
        "Dee Dunn",
        "Eli Egan",
        "Fox Ford",
        "Gia Gray",
    ]
    assert [p.absent for p in found] == [False] * 5 + [True] * 2 and not any(p.apologies for p in found)


def test_present_and_apologies_side_by_side() -> None:
    found = by_name(
        "                 Present                                         Apologies\n"
        "Mrs Ada Ames (Chair of Governors)               Dr Ben Bold (Co-opted Governor)\n"
        "Mr Cal Cobb (Headteacher)\n"
        "In attendance: Mrs Dee Dunn (Clerk)\n"
    )
    assert found["Dr Ben Bold"].apologies and not found["Mrs Ada Ames"].apologies
    assert found["Mrs Ada Ames"].chair and found["Mr Cal Cobb"].role == "Headteacher"
    assert found["Mrs Dee Dunn"].tier is Tier.IN_ATTENDANCE


def test_a_roll_call_of_surnames_marks_the_roster() -> None:
    found = people(
        "                 Ann M. Abbot, Jr., Chair\n"
        "     Members: Bob Bell, Cara Cole, Dev Dunn and Eve\n"
        "        E. Egan\n"
        "Roll Call\n"
        "       Present:\n"
        "              Abbot Jr., Bell and Egan\n"
        "       Absent:\n"
        "              Cole\n\nT2025-1  A hearing"
    )
    assert [p.name for p in found] == ["Ann M. Abbot, Jr.", "Bob Bell", "Cara Cole", "Dev Dunn", "Eve E. Egan"]
    status = {p.name: ("absent" if p.absent else "present", "attendance" in p.uncertain) for p in found}
    assert status["Ann M. Abbot, Jr."] == ("present", False) and found[0].role == "Chair"
    assert status["Cara Cole"] == ("absent", False)
    assert status["Dev Dunn"] == ("present", True)  # the roll call does not name him


def test_prose_attendance_and_apologies() -> None:
    found = people(
        "1.1 Opening\nBraden was elected Chair\n\n"
        "1.2 Attendance\nDaniel, Braden, Cate and Sri were in attendance\n\n"
        "1.3 Apologies\nApologies were received from Stephi\n"
    )
    assert [p.name for p in found] == ["Daniel", "Braden", "Cate", "Sri", "Stephi"]
    assert found[1].role == "Chair" and found[1].chair and found[-1].apologies
    assert all(p.uncertain == {"name"} for p in found)  # a first name alone: said so


def test_substitutes_and_the_public_left_out() -> None:
    found = by_name(
        "Present: Councillors Ann Abbot (AA) (Chairman), Bob Bell (BB) and Cara Cole (CC)\n"
        "Substitute: Councillor Cara Cole (CC) for Councillor Dev Dunn\n"
        "In attendance: Mrs Eve Egan (Clerk), District Cllr Fay Fox and 4 members of the public\n"
        "Apologies: Councillor Dev Dunn\n"
    )
    assert found["Councillor Cara Cole"].deputising_for == "Dev Dunn" and not found["Councillor Cara Cole"].apologies
    assert found["Cllr Fay Fox"].role == "District Councillor" and found["Cllr Fay Fox"].tier is Tier.IN_ATTENDANCE
    assert found["Councillor Dev Dunn"].apologies
    assert len(found) == 6


def test_a_membership_list_is_not_attendance() -> None:
    found = people("Membership\nCouncillors Ann Abbot (Leader), Bob Bell and Cara Cole\n\nAGENDA\n1. Apologies")
    assert [p.name for p in found] == ["Councillor Ann Abbot", "Councillor Bob Bell", "Councillor Cara Cole"]
    assert all("attendance" in p.uncertain and p.category == "Membership" for p in found)


def test_attendance_after_the_agenda_else_at_the_top() -> None:
    minutes = ["Present: Ann Abbot, Bob Bell", "", "1. Welcome", "The Chair welcomed all."]
    assert [p.name for p in find_attendance(minutes, 2)] == ["Ann Abbot", "Bob Bell"]
    pack = ["Members: Zed Zane, Yan Yu", "AGENDA", "1. Welcome", "Present: Ann Abbot, Bob Bell"]
    assert [p.name for p in find_attendance(pack, 3)] == ["Ann Abbot", "Bob Bell"]


def test_initials_of_names() -> None:
    assert initials_of("Joe Krystek-Walton") == ("JKW", "JK")
    assert initials_of("Dr R.I. Pienaar") == ("RIP", "RP")
    assert initials_of("Ann van der Berg") == ("AB",)


def test_markdown_minutes_after_a_membership_list() -> None:
    found = people(
        "**Board members:** Ann Abbot (Chair), Bob Bell, Cara Cole\n\n| 1 | Welcome | Chair |\n\n"
        + "Some text of the agenda.\n" * 14
        + "### Paper A: Minutes of the last meeting\n\n**Present:** Ann Abbot (Chair), Bob Bell\n\n"
        "**Apologies:** Cara Cole\n"
    )
    assert [(p.name, p.apologies, p.uncertain) for p in found] == [
        ("Ann Abbot", False, frozenset()),
        ("Bob Bell", False, frozenset()),
        ("Cara Cole", True, frozenset()),
    ]


def test_semicolons_part_people_whose_roles_follow_commas() -> None:
    found = by_name(
        "Minutes of the council meeting held on 3 March 2025\n\n"
        "Present: Dr Ann Abbot (AA), President, in the chair; Bob Bell (BB), Hon. Secretary; Cara Cole (CC).\n\n"
        "1. Apologies. None were received."
    )
    assert list(found) == ["Dr Ann Abbot", "Bob Bell", "Cara Cole"]
    assert found["Dr Ann Abbot"].chair and found["Dr Ann Abbot"].initials == "AA"
    assert found["Bob Bell"].role == "Hon. Secretary" and not found["Bob Bell"].chair
