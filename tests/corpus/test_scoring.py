"""The people and actions checks must count a right answer as right and a near miss as wrong, or their floors
would guard nothing (today's reader finds no people in the corpus, so these are the only place they are shown)."""

from __future__ import annotations

from pathlib import Path

from app.bench import CorpusDocument
from app.domain import Tier
from app.packs import DraftAction, DraftPack, DraftPerson
from tests.corpus.scoring import (
    action_matches,
    actions_right,
    meeting_right,
    pages_right,
    parts_right,
    people_right,
    person_key,
    person_matches,
)


def _draft(people: tuple[DraftPerson, ...] = (), actions: tuple[DraftAction, ...] = ()) -> DraftPack:
    return DraftPack("x.pdf", "0" * 64, "pdf", "Body", "Meeting", None, (), people=people, actions=actions)


EXPECTED_PEOPLE = [
    {"name": "Professor Adaeze Nwachukwu", "category": "present", "role": "Chair", "initials": "AN"},
    {"name": "R Brightwell", "category": "present", "initials": "RB"},
    {"name": "P Dunworth", "category": "in_attendance", "role": "Clerk"},
    {"name": "A Quennell", "category": "apologies"},
    {"name": "Dr Ilse Marchetti", "category": "deputising", "deputising_for": "Medical Director"},
]


def test_titles_and_punctuation_do_not_decide_who_someone_is() -> None:
    assert person_key("Cllr R Brightwell") == person_key("R. Brightwell") == "r brightwell"
    assert person_key("Professor Adaeze Nwachukwu") == "adaeze nwachukwu"
    assert person_key("Councillors Eamon Kilbride") == "eamon kilbride"
    assert person_key("Dr Ilse Marchetti") != person_key("Dr Ilse Marchett")


def test_a_person_counts_only_in_the_right_place() -> None:
    present = {"name": "R Brightwell", "category": "present"}
    assert person_matches(present, DraftPerson("Cllr R Brightwell", "Chairman"))
    assert not person_matches(present, DraftPerson("R Brightwell", apologies=True))
    assert not person_matches(present, DraftPerson("R Brightwell", tier=Tier.IN_ATTENDANCE))
    attending = {"name": "P Dunworth", "category": "in_attendance"}
    assert person_matches(attending, DraftPerson("Mrs P Dunworth", "Clerk", tier=Tier.OFFICER))
    assert not person_matches(attending, DraftPerson("Mrs P Dunworth", "Clerk"))
    assert person_matches(
        {"name": "A Quennell", "category": "apologies"}, DraftPerson("Cllr A Quennell", apologies=True)
    )


def test_people_right_counts_each_expected_person_once() -> None:
    document = CorpusDocument("corpus/x", Path("x.pdf"), Path("x.json"), {"people": EXPECTED_PEOPLE})
    found = (
        DraftPerson("Professor Adaeze Nwachukwu", "Chair", "AN"),
        DraftPerson("Professor Adaeze Nwachukwu", "Chair", "AN"),  # twice is still one person
        DraftPerson("Cllr R Brightwell"),
        DraftPerson("P Dunworth", "Clerk", tier=Tier.IN_ATTENDANCE),
        DraftPerson("A Quennell"),  # not marked as apologies: wrong
        DraftPerson("Ilse Marchetti", "Deputy Medical Director"),
    )
    assert people_right(document, _draft(people=found)) == 4
    assert people_right(document, None) == 0


def test_an_action_needs_its_owner_and_its_words() -> None:
    people = [{"name": "Hamish Tennant", "initials": "HT"}]
    expected = {"owner": "HT", "text": "Circulate the revised reserves policy to all trustees by 30 April 2025."}
    text = "Circulate the revised reserves policy to all trustees by 30 April 2025"
    assert action_matches(expected, DraftAction("1", text, owners=("HT",)), people)
    assert action_matches(expected, DraftAction("1", text, owners=("Hamish Tennant",)), people)
    assert action_matches(expected, DraftAction("1", text, owner_text="HT"), people)
    assert not action_matches(expected, DraftAction("1", text, owners=("MD",)), people)
    clerk = {"owner": "Town Clerk", "text": "The Town Clerk to book the road closure."}
    clerks = [{"name": "Mr Lysander Whitlock", "role": "Town Clerk"}]
    assert action_matches(clerk, DraftAction("45", "book the road closure", owners=("Lysander Whitlock",)), clerks)
    assert not action_matches(
        expected, DraftAction("1", "File the policy with the governing documents", owners=("HT",)), people
    )
    document = CorpusDocument("corpus/x", Path("x.pdf"), Path("x.json"), {"people": people, "actions": [expected]})
    assert actions_right(document, _draft(actions=(DraftAction("7", text, owners=("HT",)),))) == 1


def test_the_meeting_pages_and_parts_checks() -> None:
    expected = {
        "body": "Brackenford Borough Council",
        "meeting_title": "Cabinet",
        "date": "2025-01-14",
        "time_of_meeting": "18:30",
        "items": [
            {"number": "3", "title": "Minutes", "pdf_pages": [3, 6]},
            {"number": "9", "title": "Disposal", "part": 2, "pdf_pages": [21, 22]},
        ],
    }
    answer = {
        "meeting": {"body": "Brackenford Borough Council", "title": "Cabinet - 14 January 2025", "date": "2025-01-14"},
        "items": [
            {"number": "3.", "pages": [3, 6], "part": 1, "children": [{"number": "9", "pages": [19, 20], "part": 2}]}
        ],
    }
    assert meeting_right(expected, answer) == (3, 4)  # the start time is missing
    wrong_title = {**answer, "meeting": {**answer["meeting"], "title": "how to attend in person or watch online"}}
    assert meeting_right(expected, wrong_title) == (2, 4)
    assert pages_right(expected, answer) == (1, 2)  # item 9's printed pages taken for PDF pages
    assert parts_right(expected, answer) == (2, 2)
    assert parts_right(expected, {"items": [{"number": "3", "part": 1}]}) == (1, 2)
    assert parts_right({"items": [{"number": "1", "title": "x"}]}, answer) == (0, 0)  # no Part II: not checked


def test_calibration_counts_wrong_answers_presented_as_certain() -> None:
    from tests.corpus.scoring import calibration

    expected = {
        "items": [
            {"number": "1", "title": "Apologies", "presenter": "Chair"},
            {"number": "2", "title": "Minutes of the last meeting"},
            {"number": "3", "title": "Finance report"},
        ],
        "body": "Example Society",
        "date": "2025-05-01",
    }

    def item(number: str, title: str, presenter: str = "", unsure: tuple[str, ...] = ()) -> dict[str, object]:
        keys = ("number", "title", "presenter", "time", "part", "pages")
        return {
            "number": number,
            "title": title,
            "presenter": presenter,
            "confidence": {k: 0.5 if k in unsure else 1.0 for k in keys},
            "children": [],
        }

    answer = {
        "items": [
            item("1", "Apologies", "Treasurer"),  # wrong presenter, sure
            item("2", "Minutes", unsure=("title",)),  # wrong title, marked
            item("3", "Finance report", unsure=("title",)),  # right title, marked
            item("4", "Any other business"),  # spurious, sure
        ],
        "meeting": {"body": "Example Society", "date": "2025-05-02", "uncertain": []},
    }
    found = calibration(expected, answer)
    assert (found.fields, found.wrong, found.wrong_sure, found.right_unsure) == (7, 4, 3, 1)
    assert calibration(expected, {}).fields == 0  # refused: nothing presented
