"""Actions read from minutes: ACTION lines, Actions lists, action columns, margin initials, action logs."""

from __future__ import annotations

from datetime import date

from app.packs.minutes_doc import find_minute_actions
from app.packs.model import DraftAction
from app.packs.people import find_people
from app.packs.tables import find_actions

ATTENDANCE = """Present: Ann Abbot (Chair), Bob Bell (BB), Cara Cole, Dev Dunn
In attendance: Eve Egan (Clerk)
"""


def actions(text: str, tracker: list[DraftAction] | None = None) -> list[DraftAction]:
    lines = text.split("\n")
    return find_minute_actions(lines, find_people(lines), tracker or ())


def test_action_lines_take_their_minute_and_owners_by_initials() -> None:
    found = actions(
        ATTENDANCE + "\n25/061:   Finance\n"
        "The accounts were approved.\n"
        "ACTION: BB to circulate the accounts to all members.\n"
        "25/062:   Highways\n"
        "ACTION CC: report the pothole in Mill Lane to the\n"
        "county council.\n"
        "Action – AA/DD: agree the rota.\n"
    )
    assert [(a.number, a.owners, a.action) for a in found] == [
        ("25/061", ("Bob Bell",), "circulate the accounts to all members."),
        ("25/062", ("Cara Cole",), "report the pothole in Mill Lane to the county council."),
        ("25/062", ("Ann Abbot", "Dev Dunn"), "agree the rota."),
    ]
    assert found[0].owner_text == "BB" and not found[0].uncertain


def test_words_that_are_not_actions() -> None:
    found = actions(
        ATTENDANCE + "\nAction required: For approval\nAction: To note\n"
        "Action plans were discussed at length by the committee.\nActions were reviewed.\n"
    )
    assert found == []


def test_an_actions_list_with_owners_to_do_things() -> None:
    found = actions(
        ATTENDANCE + "\n3. AOB\nNothing else.\n\nActions\n"
        " -   BB to write the call for papers\n"
        " -   AA and CC to organise the open day\n"
        " -   Everyone to read the handbook\n"
        " -   ZZ to book the hall\n"
    )
    assert [(a.owners, a.action) for a in found] == [
        (("Bob Bell",), "write the call for papers"),
        (("Ann Abbot", "Cara Cole"), "organise the open day"),
        (("Everyone",), "read the handbook"),
        (("ZZ",), "book the hall"),
    ]
    assert "owners" in found[3].uncertain and "owners" not in found[2].uncertain  # ZZ is no one listed


def test_a_numbered_action_list_of_first_names_with_wrapped_items() -> None:
    found = actions(
        "Daniel, Cate and Innes were in attendance\n\nAction List\n\n"
        "  1. Daniel - organise posters\n\n"
        "  2. Innes/George - buy knives and forks (with the\n     society's funds)\n\n"
        " 3. Others - tell Cate about other groups\n"
    )
    assert [(a.number, a.owners) for a in found] == [("1", ("Daniel",)), ("2", ("Innes", "George")), ("3", ("Others",))]
    assert found[1].action == "buy knives and forks (with the society's funds)"
    assert "owners" in found[1].uncertain  # George is not in the attendance


def test_owner_by_role_name_or_ambiguous_initials() -> None:
    found = actions(
        "Present: Ann Abbot, Alan Ames, Cara Cole\nIn attendance: Eve Egan (Clerk)\n\n"
        "ACTION: AA to call the auditor.\nACTION: Clerk to write to the council.\n"
        "ACTION: Cara Cole to chair the panel.\n"
    )
    assert found[0].owners == ("AA",) and "owners" in found[0].uncertain  # two people have the initials AA
    assert found[1].owners == ("Eve Egan",)  # the one person listed as the clerk
    assert found[2].owners == ("Cara Cole",)


def test_initials_in_the_right_margin_of_a_minute() -> None:
    found = actions(
        ATTENDANCE + "\n"
        "25/064:       Public Participation                                                  Clerk\n"
        "              A resident raised the footpath. The Clerk to report the surface to the\n"
        "              County Council.\n\n"
        "25/065:       Play Equipment                                                         DD\n"
        "              Two quotations had been received. Cllr Dunn to obtain a third quotation.\n\n"
        "25/066:       Correspondence\n"
        "              Letters were noted.\n"
    )
    assert [(a.number, a.owners, a.action) for a in found] == [
        ("25/064", ("Eve Egan",), "The Clerk to report the surface to the County Council."),
        ("25/065", ("Dev Dunn",), "Cllr Dunn to obtain a third quotation."),
    ]
    assert all("action" in a.uncertain for a in found)  # which sentence is the action is read, not printed


def test_an_attendance_row_is_not_a_margin_action() -> None:
    text = "Present\n\nAnn Abbot       Chair of the Board and of the committee       AA\n\n1. Welcome\n"
    assert actions(text) == []


def test_the_action_column_of_a_minutes_table() -> None:
    text = (
        "Members :\t\t\nAnn Abbot\tChair\tAA\nBob Bell\tTreasurer\tBB\n\n"
        "No.\tAgenda Item\tAction\n"
        "4.\t<p>Finance Report</p> <p>The report was noted and the forecast discussed at length by members.</p>"
        " <p>ACTION: An update on the forecast to come to the next meeting.</p>\tBB\n"
    )
    found = actions(text)
    assert [(a.owners, a.owner_text, a.action) for a in found] == [
        (("Bob Bell",), "BB", "An update on the forecast to come to the next meeting.")
    ]


def test_an_action_log_row_gives_its_number_and_deadline() -> None:
    text = (
        ATTENDANCE + "\nTB25/012      Chief Executive's Report\n"
        "ACTION: BB – Schedule a visit to the new ward before the April meeting.\n\n"
        "Action Log\n"
        "  Action        Minute                 Action                                    Lead        Due date\n"
        "    No\n"
        "A25/001       TB25/012      Schedule a visit to the new ward before          BB          31/03/2025\n"
        "                            the April meeting.\n"
        "A25/002       TB25/013      Bring the cancer recovery trajectory             DD          27/02/2025\n"
    )
    lines = text.split("\n")
    tracker = find_actions(lines)
    assert [(r.number, r.agenda_item, r.action) for r in tracker] == [
        ("A25/001", "TB25/012", "Schedule a visit to the new ward before the April meeting."),
        ("A25/002", "TB25/013", "Bring the cancer recovery trajectory"),
    ]
    found = actions(text, tracker)
    assert len(found) == 1
    visit = found[0]
    assert (visit.number, visit.agenda_item, visit.owners) == ("A25/001", "TB25/012", ("Bob Bell",))
    assert visit.deadline.parsed == date(2025, 3, 31)


def test_seed_minutes_actions_beside_its_tracker() -> None:
    from pathlib import Path

    from app.packs.json_view import draft_to_json
    from app.packs.reader import read_pack

    seed = read_pack(Path(__file__).resolve().parents[2] / "resources" / "demo-pack-icb-2023-09-29.txt")
    assert [a.number for a in seed.actions] == ["44", *(str(n) for n in range(47, 54))]  # the tracker, as before
    owners = [a.owners for a in seed.minute_actions]
    assert owners == [
        ("ALL",),
        ("Sarah Stanley",),
        ("Nicky Poulain",),
        ("Dean Westcott",),
        ("Maria Wogan",),
        ("Maria Wogan",),
        ("Maria Wogan",),
    ]
    assert seed.minute_actions[1].action == "provide an update to the Board."
    data = draft_to_json(seed)
    assert len(data["minute_actions"]) == 7 and data["minute_actions"][1]["owner_text"] == "SS"
    assert data["people"][0]["category"] == "Members" and data["people"][0]["chair"] is True


def test_an_arrow_marks_an_action_as_the_word_would() -> None:
    found = actions(
        ATTENDANCE + "\n25.31 Finance. The accounts were approved.\n"
        "→ BB: circulate the accounts to all members\n"
        "→ CC: report the pothole in Mill Lane\n"
    )
    assert [(a.owners, a.action) for a in found] == [
        (("Bob Bell",), "circulate the accounts to all members"),
        (("Cara Cole",), "report the pothole in Mill Lane"),
    ]
