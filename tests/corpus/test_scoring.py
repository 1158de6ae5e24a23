"""The people and actions checks must count a right answer as right and a near miss as wrong, or their floors
would guard nothing (today's reader finds no people in the corpus, so these are the only place they are shown)."""

from __future__ import annotations

from pathlib import Path

from app.bench import CorpusDocument
from app.domain import Tier
from app.packs import DraftAction, DraftPack, DraftPerson
from tests.corpus.scoring import action_matches, actions_right, people_right, person_key, person_matches


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
    assert not action_matches(
        expected, DraftAction("1", "File the policy with the governing documents", owners=("HT",)), people
    )
    document = CorpusDocument("corpus/x", Path("x.pdf"), Path("x.json"), {"people": people, "actions": [expected]})
    assert actions_right(document, _draft(actions=(DraftAction("7", text, owners=("HT",)),))) == 1
