"""The record says only what happened: each refusal and new event of issue 13, through `quorate replay`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.commands.replay import ReplayError, replay
from app.domain import EventKind, MotionOutcome, Part, Presence
from app.domain.house_style import PARTNERSHIP_NOTES
from app.domain.rules import ADVISORY_PARTNERSHIP, describe_majority
from app.services import live as svc
from app.services.minutes import build_minutes
from app.storage import Store
from app.storage.people import set_body_rules
from tests.cli.test_faithful_minutes import HARD_MEETING, make_committee

MEETING = json.dumps(
    {
        "type": "meeting",
        "title": "Health and Care Committee",
        "date": "2024-02-06",
        "start": "14:00",
        "agenda": [{"number": "1", "title": "Apologies"}, {"number": "2", "title": "Budget"}],
    }
)
ROLL_CALL = json.dumps(
    {
        "type": "roll_call",
        "at": "14:00",
        "present": ["Cllr Ann Marland", "Cllr Ben Okafor", "Cllr Cara Singh", "Cllr Dev Patel", "Lee Grant"],
        "absent": ["Cllr Eve Hughes"],
        "apologies": ["Dr Nina Alam"],
    }
)


@pytest.fixture
def committee(tmp_path: Path) -> Iterator[tuple[Store, int]]:
    placeholder = make_committee(tmp_path)
    store = Store.open(tmp_path / "quorate.db")
    yield store, placeholder
    store.close()


def _run(store: Store, placeholder: int, *events: str | dict[str, object]) -> int:
    lines = [MEETING, ROLL_CALL, *(e if isinstance(e, str) else json.dumps(e) for e in events)]
    return replay(store, placeholder, lines).meeting_id


def _refused(store: Store, placeholder: int, *events: str | dict[str, object]) -> str:
    with pytest.raises(ReplayError) as refused:
        _run(store, placeholder, *events)
    return str(refused.value)


def test_a_single_letter_names_nobody(committee: tuple[Store, int]) -> None:
    store, placeholder = committee
    message = _refused(store, placeholder, {"type": "open_item", "item": "2"}, {"type": "arrive", "person": "M"})
    assert "too short to name anyone" in message


def test_a_declaration_by_someone_not_present_is_refused(committee: tuple[Store, int]) -> None:
    store, placeholder = committee
    message = _refused(
        store,
        placeholder,
        {"type": "open_item", "item": "2"},
        {"type": "declare", "person": "Cllr Eve Hughes", "interest": "a relative on the staff"},
    )
    assert "Eve Hughes is not in the meeting, so cannot declare an interest" in message


def test_the_vice_chair_is_never_assumed_and_no_casting_vote_without_a_chair(committee: tuple[Store, int]) -> None:
    store, placeholder = committee
    events: list[str | dict[str, object]] = [
        {"type": "open_item", "item": "2", "at": "14:05"},
        {"type": "leave", "person": "Cllr Ann Marland", "at": "14:10"},
        {"type": "motion", "id": "m", "text": "That the budget be approved."},
        {"type": "vote", "motion": "m", "for": 1, "against": 1, "abstain": 1},
    ]
    meeting_id = _run(store, placeholder, *events)
    assert svc.room_after(store.record(meeting_id)).presiding_id is None  # Cllr Okafor (vice-chair) not assumed
    message = _refused(store, placeholder, *events, {"type": "casting_vote", "motion": "m", "ballot": "for"})
    assert "No one is presiding, so there is no casting vote to give" in message
    message = _refused(store, placeholder, *events, {"type": "chair_confirm", "what": "quoracy"})
    assert "No one is presiding, so no one can confirm quoracy" in message
    # Once the vice-chair takes the chair, the casting vote is theirs and names them.
    meeting_id = _run(
        store,
        placeholder,
        *events,
        {"type": "preside", "person": "Cllr Ben Okafor"},
        {"type": "casting_vote", "motion": "m", "ballot": "for"},
    )
    record = store.record(meeting_id)
    okafor = next(p.id for p in record.people if p.name == "Ben Okafor")
    assert [v.casting_by_id for v in record.votes] == [okafor]
    assert record.motions[0].outcome is MotionOutcome.CARRIED
    # The chair coming back does not take the chair back by itself: a `preside` event does.
    meeting_id = _run(
        store,
        placeholder,
        *events,
        {"type": "preside", "person": "Cllr Ben Okafor"},
        {"type": "return", "person": "Cllr Ann Marland"},
    )
    assert svc.room_after(store.record(meeting_id)).presiding_id == okafor


def test_only_a_registered_deputy_may_stand_in(committee: tuple[Store, int]) -> None:
    store, placeholder = committee
    roll = {"type": "roll_call", "present": ["Cllr Ann Marland"], "deputies": {"Jo Park": "Cllr Dev Patel"}}
    with pytest.raises(ReplayError, match="Jo Park is not registered as Dev Patel's deputy"):
        replay(store, placeholder, [MEETING, json.dumps(roll)])
    body_id = store.meeting(placeholder).body_id
    set_body_rules(store, body_id, replace(store.body(body_id).rules, unregistered_deputies=True))
    meeting_id = replay(store, placeholder, [MEETING, json.dumps(roll)]).meeting_id
    deputy = next(a for a in store.record(meeting_id).attendance if a.deputy_for_id is not None)
    assert deputy.presence is Presence.PRESENT


def test_a_second_roll_call_after_business_began_records_an_arrival_not_a_rewrite(
    committee: tuple[Store, int],
) -> None:
    store, placeholder = committee
    second = json.loads(ROLL_CALL) | {"at": "14:30", "present": [*json.loads(ROLL_CALL)["present"], "Cllr Eve Hughes"]}
    second["absent"] = ["Cllr Dev Patel"]
    second["present"].remove("Cllr Dev Patel")
    meeting_id = _run(store, placeholder, {"type": "open_item", "item": "1", "at": "14:01"}, second)
    record = store.record(meeting_id)
    by_name = {p.id: p.name for p in record.people}
    rows = {by_name[a.person_id]: a for a in record.attendance}
    assert rows["Eve Hughes"].arrived_at is not None and rows["Eve Hughes"].arrived_at.hour == 14
    assert rows["Dev Patel"].presence is Presence.PRESENT and rows["Dev Patel"].left_at is not None
    # Item 1 was taken with Cllr Patel in the room: the record still says so.
    opened = next(e.id for e in record.events if e.kind is EventKind.OPEN_ITEM)
    patel = next(p for p, n in by_name.items() if n == "Dev Patel")
    assert patel in svc.room_after(record, opened).present
    assert patel not in svc.room_after(record).present


def test_reopen_noted_referred_and_withdrawn(committee: tuple[Store, int]) -> None:
    store, placeholder = committee
    meeting_id = _run(
        store,
        placeholder,
        {"type": "open_item", "item": "1", "at": "14:01"},
        {"type": "motion", "id": "n", "text": "That the report be noted."},
        {"type": "outcome", "motion": "n", "outcome": "noted"},
        {"type": "open_item", "item": "2", "at": "14:05"},
        {"type": "motion", "id": "r", "text": "That the budget be approved."},
        {"type": "outcome", "motion": "r", "outcome": "referred", "note": "the Audit Committee"},
        {"type": "motion", "id": "w", "text": "That the reserves be used."},
        {"type": "outcome", "motion": "w", "outcome": "withdrawn", "note": "with the leave of the meeting"},
        {"type": "close_meeting", "at": "14:30"},
        {"type": "reopen", "at": "14:35"},
        {"type": "close_meeting", "at": "14:40"},
    )
    record = store.record(meeting_id)
    assert [e.kind for e in record.events if e.kind in (EventKind.CLOSE, EventKind.REOPEN)] == [
        EventKind.CLOSE,
        EventKind.REOPEN,
        EventKind.CLOSE,
    ]
    text = " ".join(s.body_markdown for s in build_minutes(record, Part.ONE).sections)
    assert "**NOTED – That the report be noted.**" in text
    assert "The motion was referred to the Audit Committee." in text
    assert "The motion was withdrawn with the leave of the meeting." in text
    assert "The meeting was reopened at 14:35." not in text  # a meeting event, not an item's minute
    message = _refused(
        store,
        placeholder,
        {"type": "open_item", "item": "1"},
        {"type": "motion", "id": "r", "text": "That it be referred."},
        {"type": "outcome", "motion": "r", "outcome": "referred"},
    )
    assert "Say to whom the matter was referred" in message


def test_a_resumed_replay_goes_into_the_meeting_the_first_run_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    placeholder = make_committee(tmp_path)
    common = ["--data-dir", str(tmp_path)]
    lines = HARD_MEETING.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.jsonl"
    bad = next(i for i, line in enumerate(lines) if '"type": "arrive"' in line)
    broken.write_text("\n".join([*lines[:bad], '{"type": "arrive", "person": "Nobody Known"}', *lines[bad + 1 :]]))
    assert main([*common, "replay", str(placeholder), str(broken)]) == 2
    error = capsys.readouterr().err
    store = Store.open(tmp_path / "quorate.db")
    try:
        made = max(m.id for m in store.meetings() if m.id is not None)
    finally:
        store.close()
    assert f"were applied to meeting {made}" in error and f"quorate replay {made} " in error
    applied = int(error.split("the ")[-1].split(" events")[0])
    fixed = tmp_path / "fixed.jsonl"
    fixed.write_text("\n".join(lines))
    # Resuming into the meeting the file was replayed beside would put the rest of it in the wrong meeting.
    assert main([*common, "replay", str(placeholder), str(fixed), "--skip", str(applied)]) == 2
    assert "this file makes its own meeting" in capsys.readouterr().err
    assert main([*common, "replay", str(made), str(fixed), "--skip", str(applied), "--json"]) == 0
    state = json.loads(capsys.readouterr().out)
    assert state["meeting"]["id"] == made and state["meeting"]["closed_at"] == "15:00"


def test_an_advisory_partnership_has_no_quorum_decides_by_consensus_and_keeps_notes(
    committee: tuple[Store, int],
) -> None:
    store, placeholder = committee
    body_id = store.meeting(placeholder).body_id
    set_body_rules(store, body_id, ADVISORY_PARTNERSHIP)
    store.set_house_style(body_id, PARTNERSHIP_NOTES)
    lonely = json.dumps({"type": "roll_call", "at": "14:00", "present": ["Cllr Ann Marland"], "remote": ["Lee Grant"]})
    meeting_id = replay(
        store,
        placeholder,
        [MEETING, lonely, json.dumps({"type": "open_item", "item": "1"}), json.dumps({"type": "close_meeting"})],
    ).meeting_id
    record = store.record(meeting_id)
    assert svc.quorum_now(record).quorate  # one of six members: no quorum rule, so no "one third" by default
    assert not any(e.kind is EventKind.INQUORATE for e in record.events)
    minutes = build_minutes(record)
    assert minutes.heading.startswith("Notes of the")
    assert minutes.attendance[0].heading == "Present"
    assert any(line.note == "remote" for block in minutes.attendance for line in block.lines)
    assert "Conclusions are reached by consensus" in describe_majority(record.body.rules)


def test_an_item_taken_out_of_order_is_noted_where_the_body_wants_it(committee: tuple[Store, int]) -> None:
    store, placeholder = committee
    meeting_id = _run(
        store,
        placeholder,
        {"type": "open_item", "item": "2", "at": "14:01"},
        {"type": "open_item", "item": "1", "at": "14:10"},
        {"type": "close_meeting", "at": "14:20"},
    )
    record = store.record(meeting_id)
    budget = next(s for s in build_minutes(record).sections if s.item_number == "2")
    assert budget.body_markdown.startswith("*Item 2 was taken before item 1.*")
    body_id = record.body.id
    assert body_id is not None
    store.set_house_style(body_id, replace(record.body.style, note_out_of_order=False))
    budget = next(s for s in build_minutes(store.record(meeting_id)).sections if s.item_number == "2")
    assert "taken before" not in budget.body_markdown


def test_standing_sentences_follow_the_record_but_the_secretarys_own_words_stay(committee: tuple[Store, int]) -> None:
    store, placeholder = committee
    written = (
        "Apologies were received from Cllr Eve Hughes.\n\n"
        "Apologies were received from the Mayor's office.\n\n"
        "There were no declarations of interest in relation to the items on the agenda."
    )
    meeting_id = _run(
        store,
        placeholder,
        {"type": "open_item", "item": "1", "at": "14:01"},
        {"type": "minute", "text": written},
        {"type": "declare", "person": "Cllr Cara Singh", "item": "2", "interest": "a governor of the trust"},
    )
    body = build_minutes(store.record(meeting_id)).sections[0].body_markdown
    assert "Apologies were received from Dr Nina Alam." in body  # the roll call: Cllr Hughes was absent
    assert "Apologies were received from the Mayor's office." in body  # not Quorate's sentence: kept
    assert "Cllr Cara Singh declared an interest in item 2 (a governor of the trust)" in body
    assert "There were no declarations" not in body


def test_a_later_amendment_carried_without_its_wording_is_never_dropped_from_the_resolution(
    committee: tuple[Store, int],
) -> None:
    """Two amendments carried, only the first with the motion's whole wording as amended: the resolution prints
    that wording and says a later amendment changed it again, rather than passing it off as final."""
    store, placeholder = committee
    people = {"mover": "Cllr Cara Singh", "seconder": "Cllr Ben Okafor"}
    meeting_id = _run(
        store,
        placeholder,
        {"type": "open_item", "item": "2", "at": "14:05"},
        {"type": "motion", "id": "m", "text": "That the budget be approved.", **people},
        {"type": "amend", "id": "a1", "amends": "m", "text": "That “in full” be added.", **people}
        | {"as_amended": "That the budget be approved in full."},
        {"type": "vote", "motion": "a1", "for": 3, "against": 1},
        {"type": "amend", "id": "a2", "amends": "m", "text": "That “subject to audit” be added.", **people},
        {"type": "vote", "motion": "a2", "for": 3, "against": 1},
        {"type": "vote", "motion": "m", "for": 4, "against": 0},
    )
    budget = next(s for s in build_minutes(store.record(meeting_id)).sections if s.item_number == "2")
    text = budget.body_markdown
    assert "**RESOLVED – That the budget be approved in full.**" in text
    assert "As further amended by the later amendment carried above, whose wording is not recorded." in text
    assert text.index("that “subject to audit” be added, was carried") < text.index("RESOLVED"), text
