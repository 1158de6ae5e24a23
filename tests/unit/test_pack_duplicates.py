"""Names in a pack that look like people the body already has are offered for merge, never silently duplicated."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import commands
from app.commands import people as people_commands
from app.commands.people import find_pack_duplicates, import_pack_people
from app.domain import Person, Tier
from app.packs.model import DraftPerson
from app.storage import Store
from app.storage import people as people_storage

BODY = "Harbour Trust Board"


@pytest.fixture
def body(store: Store) -> int:
    body = store.ensure_body(BODY)
    assert body.id is not None
    for name, initials in (("Mahesh Shah", "MS"), ("Marcel Coiffait", "MC"), ("Omotayo Kufeji", "OK")):
        people_commands.add_person(store, Person(None, body.id, name, role="Member", initials=initials))
    return body.id


def _names(store: Store, body_id: int) -> list[str]:
    return sorted(p.name for p in store.people(body_id))


def test_very_close_names_are_proposed_as_the_same_person_and_others_only_offered(store: Store, body: int) -> None:
    found = find_pack_duplicates(
        store,
        BODY,
        [
            DraftPerson("Maresh Shah", "Member", "MS"),  # one letter
            DraftPerson("Cllr Marcel Colfait", "Member", "MC"),  # two letters, and a title
            DraftPerson("Tayo Kufeji", "Member"),  # a short form: close, but not very close
            DraftPerson("Mahesh Shah", "Member", "MS"),  # already listed: not a question
            DraftPerson("Rosa Lindqvist", "Member", "RL"),  # nobody like her
        ],
    )
    by_name = {d.name: d for d in found}
    assert set(by_name) == {"Maresh Shah", "Cllr Marcel Colfait", "Tayo Kufeji"}
    people = {p.name: p.id for p in store.people(body)}
    assert by_name["Maresh Shah"].suggested_id == people["Mahesh Shah"]
    assert by_name["Cllr Marcel Colfait"].suggested_id == people["Marcel Coiffait"]
    assert by_name["Tayo Kufeji"].suggested_id is None
    assert by_name["Tayo Kufeji"].best.person_id == people["Omotayo Kufeji"]
    # Nothing was written while looking.
    assert _names(store, body) == ["Mahesh Shah", "Marcel Coiffait", "Omotayo Kufeji"]


def test_without_choices_close_names_are_added_and_reported_never_merged(store: Store, body: int) -> None:
    report = import_pack_people(
        store, body, [DraftPerson("Maresh Shah", "Member", "MS"), DraftPerson("Tayo Kufeji", "Member", "")]
    )
    assert (report.created, report.merged) == (2, 0)  # a misprint or a second person: nothing here can tell
    assert _names(store, body) == ["Mahesh Shah", "Marcel Coiffait", "Maresh Shah", "Omotayo Kufeji", "Tayo Kufeji"]
    outcomes = {d.name: (d.outcome, d.best.name) for d in report.possible_duplicates}
    assert outcomes == {"Maresh Shah": ("added", "Mahesh Shah"), "Tayo Kufeji": ("added", "Omotayo Kufeji")}
    assert people_storage.aliases(store, body) == []
    assert any("Maresh Shah looks like Mahesh Shah" in w for w in report.warnings)

    # The next pack with the same spelling is matched at once: no question, nothing new.
    again = import_pack_people(store, body, [DraftPerson("Maresh Shah", "Member", "MS")])
    assert (again.created, again.merged, again.possible_duplicates) == (0, 0, ())


def test_the_secretarys_choice_wins_both_ways(store: Store, body: int) -> None:
    people = {p.name: p.id for p in store.people(body)}
    report = import_pack_people(
        store,
        body,
        [DraftPerson("Maresh Shah", "Member", "MS"), DraftPerson("Dr Tayo Kufeji", "Member", "", Tier.PARTICIPANT)],
        choices={"Maresh Shah": None, "Dr Tayo Kufeji": people["Omotayo Kufeji"]},
    )
    assert (report.created, report.merged) == (1, 1)
    names = _names(store, body)
    assert "Maresh Shah" in names and "Tayo Kufeji" not in names
    aliases = {a.alias: a.person_id for a in people_storage.aliases(store, body)}
    assert aliases == {"Tayo Kufeji": people["Omotayo Kufeji"]}
    # The new Maresh Shah could not take MS, which Mahesh Shah holds.
    assert next(p for p in store.people(body) if p.name == "Maresh Shah").initials == ""


def test_differing_initials_stop_a_very_close_name_being_taken_as_the_same_person(store: Store, body: int) -> None:
    (found,) = find_pack_duplicates(store, BODY, [DraftPerson("Maresh Shah", "Member", "MRS")])
    assert found.best.name == "Mahesh Shah" and found.suggested_id is None
    report = import_pack_people(store, body, [DraftPerson("Maresh Shah", "Member", "MRS")])
    assert report.created == 1 and report.possible_duplicates[0].outcome == "added"


def test_a_choice_naming_someone_of_another_body_is_not_followed(store: Store, body: int) -> None:
    other = store.ensure_body("Another Board")
    assert other.id is not None
    stranger = people_commands.add_person(store, Person(None, other.id, "Mahesh Shah", initials="MS"))
    report = import_pack_people(
        store, body, [DraftPerson("Maresh Shah", "Member", "")], choices={"Maresh Shah": stranger.id}
    )
    assert report.created == 1 and report.merged == 0
    assert any("not one of this body's people" in w for w in report.warnings)
    assert people_storage.aliases(store, other.id) == []


def test_accept_reviewed_honours_choices_for_a_whole_pack(store: Store, demo_pack: Path, tmp_path: Path) -> None:
    from app.packs import read_pack

    first = commands.accept_draft(store, read_pack(demo_pack))
    before = _names(store, first.body_id)
    text = demo_pack.read_text(encoding="utf-8")
    text = text.replace("\nMahesh Shah\t", "\nMaresh Shah\t").replace("\nMarcel Coiffait\t", "\nMarcel Colfait\t")
    revised = tmp_path / "next-pack.txt"
    revised.write_text(text, encoding="utf-8")
    draft = read_pack(revised)
    found = commands.pack_duplicates(store, draft)
    assert {d.name for d in found} == {"Maresh Shah", "Marcel Colfait"}
    mahesh = next(p.id for p in store.people(first.body_id) if p.name == "Mahesh Shah")
    result = commands.accept_reviewed(store, draft, people_choices={"Marcel Colfait": None, "Maresh Shah": mahesh})
    after = _names(store, first.body_id)
    assert sorted(set(after) - set(before)) == ["Marcel Colfait"]
    assert {d.name: d.outcome for d in result.possible_duplicates} == {
        "Maresh Shah": "merged",
        "Marcel Colfait": "added",
    }
