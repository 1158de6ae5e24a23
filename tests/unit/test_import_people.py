"""Importing a pack brings its people and register rows into the body, without duplicates."""

from __future__ import annotations

from pathlib import Path

from app import commands
from app.packs import read_pack
from app.storage import Store
from app.storage import people as people_storage


def test_pack_people_and_register_join_the_body_once(store: Store, demo_pack: Path) -> None:
    draft = read_pack(demo_pack)
    meeting = commands.accept_draft(store, draft)
    people = store.people(meeting.body_id)
    names = {p.name for p in people}
    assert {"Rima Makarem", "Felicity Cox", "David Carter"} <= names
    assert len(people) == len(names)  # nobody twice
    register = people_storage.register(store, meeting.body_id)
    assert register, "the register extract should give rows for the body's people"
    by_id = {p.id: p.name for p in people}
    assert any(by_id[row.person_id] == "Felicity Cox" for row in register)

    # The next pack from the same body lists the same people and register: nothing is added twice.
    commands.accept_draft(store, draft)
    assert len(store.meetings()) == 2
    assert len(store.people(meeting.body_id)) == len(people)
    assert len(people_storage.register(store, meeting.body_id)) == len(register)
