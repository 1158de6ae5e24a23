"""Nothing from a pack dropped silently: register rows and initials the importer cannot place, with a choice each."""

from __future__ import annotations

from app.commands import people as commands
from app.commands.people import ADD, ATTACH, LEAVE_OUT, Placement
from app.domain import Person
from app.packs.model import DraftInterest, DraftPerson
from app.storage import Store
from app.storage.people import register


def _body(store: Store) -> int:
    body = store.ensure_body("Placing Board")
    assert body.id is not None
    commands.add_person(store, Person(None, body.id, "Ross Graves", role="Partner Member", initials="RG"))
    commands.add_person(store, Person(None, body.id, "Mahesh Shah", role="Non-Executive", initials="MS"))
    return body.id


ROWS = (
    DraftInterest("Stuart Ross Graves", details="Director, Graves Ltd"),
    DraftInterest("Stuart Ross Graves", details="Trustee, a charity"),
    DraftInterest("Nobody Known", details="Shares"),
    DraftInterest("Mahesh Shah", details="Pharmacy owner"),
)


def test_the_review_lists_rows_and_initials_it_cannot_place_with_who_they_may_be(store: Store) -> None:
    _body(store)
    found = commands.find_unplaced(store, "Placing Board", [DraftPerson("Michelle Summers", initials="MS")], ROWS)
    by_name = {u.name: u for u in found}
    assert set(by_name) == {"Michelle Summers", "Stuart Ross Graves", "Nobody Known"}  # Mahesh Shah is placed
    graves = by_name["Stuart Ross Graves"]
    assert graves.kind == "register" and "2 register rows" in graves.reason
    assert [c.name for c in graves.candidates][:1] == ["Ross Graves"]  # offered, not decided:
    assert graves.suggested.action == LEAVE_OUT
    assert by_name["Nobody Known"].candidates == ()
    initials = by_name["Michelle Summers"]
    assert (initials.kind, initials.detail, initials.offered_initials) == ("initials", "MS", "MSu")
    assert initials.candidates[0].name == "Mahesh Shah"


def test_without_choices_the_import_says_what_it_did_with_each(store: Store) -> None:
    body_id = _body(store)
    people = commands.import_pack_people(store, body_id, [DraftPerson("Michelle Summers", initials="MS")])
    interests = commands.import_pack_interests(store, body_id, ROWS)
    assert [(u.name, u.outcome) for u in people.unplaced] == [("Michelle Summers", "added with no initials")]
    outcomes = {u.name: u.outcome for u in interests.unplaced}
    assert outcomes == {"Stuart Ross Graves": "left out", "Nobody Known": "left out"}
    assert len(register(store, body_id)) == 1  # Mahesh Shah's row only


def test_choices_attach_add_or_give_other_initials(store: Store) -> None:
    body_id = _body(store)
    graves = next(p for p in store.people(body_id) if p.name == "Ross Graves")
    shah = next(p for p in store.people(body_id) if p.name == "Mahesh Shah")
    placements = {
        "register:stuart ross graves": Placement(ATTACH, graves.id, graves.name),
        "register:nobody known": Placement(ADD),
        "initials:michelle summers": Placement(ADD, initials="MSu"),
    }
    people = commands.import_pack_people(
        store, body_id, [DraftPerson("Michelle Summers", initials="MS")], placements=placements
    )
    interests = commands.import_pack_interests(store, body_id, ROWS, placements=placements)
    by_name = {p.name: p for p in store.people(body_id)}
    assert by_name["Michelle Summers"].initials == "MSu"
    assert people.unplaced[0].outcome == "added with the initials MSu"
    assert "Nobody Known" in by_name and not by_name["Nobody Known"].voting
    rows = register(store, body_id)
    assert sorted(r.details for r in rows if r.person_id == graves.id) == ["Director, Graves Ltd", "Trustee, a charity"]
    assert {u.name: u.outcome for u in interests.unplaced}["Stuart Ross Graves"] == "attached to Ross Graves"
    assert any(r.person_id == shah.id for r in rows)


def test_initials_taken_can_mean_the_same_person_or_leave_them_out(store: Store) -> None:
    body_id = _body(store)
    shah = next(p for p in store.people(body_id) if p.name == "Mahesh Shah")
    report = commands.import_pack_people(
        store,
        body_id,
        [DraftPerson("M. Shah-Ali", initials="MS"), DraftPerson("Michelle Summers", initials="MS")],
        placements={
            "initials:m shah ali": Placement(ATTACH, shah.id, shah.name),
            "initials:michelle summers": Placement(LEAVE_OUT),
        },
    )
    names = {p.name for p in store.people(body_id)}
    assert "Michelle Summers" not in names and "M. Shah-Ali" not in names
    assert {u.name: u.outcome for u in report.unplaced} == {
        "M. Shah-Ali": "taken to be Mahesh Shah",
        "Michelle Summers": "left out",
    }


def test_suggested_initials_avoid_ones_taken() -> None:
    assert commands.suggest_initials("Dr Michelle Summers", ["MS"]) == "MSu"
    assert commands.suggest_initials("Michelle Summers", ["MS", "msu"]) == "MSum"
    assert commands.suggest_initials("Cher", []) == ""
