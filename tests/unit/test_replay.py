"""The replay command: the 30 June 2023 meeting from its minutes, bad lines, undo/redo, vote arithmetic, resuming."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app import commands
from app.commands.replay import ReplayError, meeting_state, replay
from app.domain import AgendaItem, Meeting, MotionOutcome, Presence, Tier
from app.storage import Store

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "docs" / "examples" / "icb-2023-06-30.jsonl"
ITEMS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
VOTERS = ["Rima Makarem", "Alison Borrett", "Michael Bracey", "Laura Church", "Marcel Coiffait", "Felicity Cox"]


@pytest.fixture
def demo(store: Store) -> int:
    """The demo meeting (29 September 2023): its body's people are the 30 June attendance."""
    return commands.ensure_demo_meeting(store)


@pytest.fixture
def small(store: Store, demo: int) -> int:
    """A meeting of the demo body with ten plain items, not yet started."""
    body_id = store.meeting(demo).body_id
    items = [AgendaItem(None, 0, i, n, f"Item {n}") for i, n in enumerate(ITEMS)]
    created = store.create_meeting(Meeting(None, body_id, "Test meeting"), items)
    assert created.id is not None
    return created.id


def jl(*events: dict[str, Any]) -> list[str]:
    return [json.dumps(e) for e in events]


OPENING = (
    {"type": "start", "at": "10:00"},
    {"type": "roll_call", "present": VOTERS, "public": 2},
    {"type": "open_item", "item": "1"},
)


def test_the_30_june_2023_meeting_replays_from_its_minutes(store: Store, demo: int) -> None:
    result = replay(store, demo, EXAMPLE.read_text(encoding="utf-8").splitlines())
    assert result.meeting_id != demo  # the file's first event made the 30 June meeting in the same body
    state = meeting_state(store, result.meeting_id)
    record = store.record(result.meeting_id)
    by_id = {p.id: p for p in record.people}

    assert state["meeting"]["date"] == "2023-06-30"
    assert (state["meeting"]["started_at"], state["meeting"]["closed_at"]) == ("09:00", "13:15")
    present = [by_id[a.person_id] for a in record.attendance if a.presence == Presence.PRESENT]
    tiers = [p.tier for p in present]
    # Members 17, Participants 8, In attendance 2 + 4, Apologies: David Carter; 7 members of the public.
    assert (tiers.count(Tier.MEMBER), tiers.count(Tier.PARTICIPANT), tiers.count(Tier.IN_ATTENDANCE)) == (17, 8, 6)
    assert state["attendance"]["members_present"] == 17
    assert state["attendance"]["apologies"] == ["David Carter"]
    assert state["attendance"]["public"] == 7
    assert state["attendance"]["movements"] == [
        {"person": "Joe Harrison", "kind": "leave", "at": None, "item": "10", "text": "time not recorded"}
    ]
    joe = next(p for p in state["attendance"]["people"] if p["name"] == "Joe Harrison")
    assert joe["presence"] == "present" and joe["left_at"] == "09:00"

    items = {i["number"]: i for i in state["items"]}
    assert "12" not in items  # the pack's copy of the minutes has no minute 12
    assert all(i["status"] == "taken" for i in items.values())
    assert items["1"]["quorum"]["counted"] == 17 and items["1"]["quorum"]["quorate"]
    assert items["11"]["quorum"]["counted"] == 16  # Joe Harrison left after item 10
    assert state["confirmations"][0]["kind"] == "quoracy" and state["confirmations"][0]["chair"] == "Rima Makarem"
    [declaration] = items["2"]["declarations"]
    assert declaration["person"] == "Rima Makarem" and "LifeArc" in declaration["interest"]

    decisions = {n: items[n]["motions"] for n in ["9", "10", "11", *map(str, range(13, 21))]}
    assert all(len(m) == 1 and m[0]["outcome"] == MotionOutcome.CONSENSUS.value for m in decisions.values())
    assert "Lloyd Denny be thanked" in decisions["9"][0]["text"]
    assert "allocation of inequalities funding 2023/24" in decisions["10"][0]["text"]
    assert decisions["10"][0]["minority_view"].startswith("Joe Harrison requested that his disagreement")
    assert "Joint Forward Plan 2023-2040 be approved" in decisions["11"][0]["text"]
    assert "Memorandum of Understanding between the ICB and Healthwatch be approved" in decisions["13"][0]["text"]
    assert decisions["14"][0]["text"] == "The Board noted the written and verbal reports."
    assert "ICS Financial Plan" in decisions["15"][0]["text"] and "month 2" in decisions["15"][0]["text"]
    assert "Luton Borough Council" in decisions["16"][0]["text"]
    assert "Decision Planner" in decisions["17"][0]["text"]
    assert "four Place Based partnerships" in decisions["18"][0]["text"]
    assert "additional risk on partnership working" in decisions["19"][0]["text"]
    assert "Governance Handbook" in decisions["20"][0]["text"] and "4. That the Committee" in decisions["20"][0]["text"]

    actions = {a["number"]: a for a in state["actions"]}
    assert sorted(actions, key=int) == [str(n) for n in range(47, 54)]
    assert {n: (a["item"], a["owners"], a["due"]) for n, a in actions.items()} == {
        "47": ("9", ["All"], "2023-07-14"),
        "48": ("14", ["Sarah Stanley"], "2023-09-29"),
        "49": ("14", ["Nicky Poulain"], "2023-09-15"),
        "50": ("15", ["Dean Westcott"], "2023-09-29"),
        "51": ("19", ["Maria Wogan"], "2023-09-29"),
        "52": ("19", ["Maria Wogan"], "2023-09-29"),
        "53": ("21", ["Maria Wogan"], "2023-07-07"),
    }
    assert any(e.kind.value == "part2" for e in record.events)
    assert state["audit_head"] == store.audit_head() and store.verify_audit_chain() == []


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("{not json", "not a JSON object"),
        ('["arrive"]', "each line is one JSON object"),
        ('{"type": "teleport", "person": "JH"}', "unknown event type"),
        ('{"type": "arrive"}', "needs “person”"),
        ('{"type": "leave", "person": "Zed Zulu"}', "Nobody called “Zed Zulu”"),
        ('{"type": "open_item", "item": "99"}', "no item numbered “99”"),
        ('{"type": "leave", "person": "Joe Harrison"}', "Joe Harrison is not in the meeting"),
        ('{"type": "vote", "motion": "m9", "for": 1}', "no motion labelled “m9”"),
        ('{"type": "arrive", "person": "JH", "at": "25:00"}', "HH:MM"),
    ],
)
def test_a_bad_event_names_its_line_and_the_events_before_it_stay(
    store: Store, small: int, bad: str, words: str
) -> None:
    lines = [*jl(*OPENING), "", "# a comment", bad, *jl({"type": "close_meeting"})]
    with pytest.raises(ReplayError) as caught:
        replay(store, small, lines)
    assert str(caught.value).startswith("line 6: ") and words in str(caught.value)
    assert caught.value.line == 6 and caught.value.applied == 3
    meeting = store.meeting(small)
    assert meeting.started_at is not None and meeting.closed_at is None  # applied before, not after
    assert store.items(small)[0].opened_at is not None
    assert len(store.attendance(small)) == len(VOTERS)


def test_a_vote_that_does_not_add_up_is_refused_with_the_arithmetic(store: Store, small: int) -> None:
    lines = jl(
        *OPENING,
        {"type": "motion", "id": "m1", "text": "That the Board approves the plan.", "mover": "RM", "seconder": "ABo"},
        {"type": "vote", "motion": "m1", "for": 3, "against": 1},
    )
    with pytest.raises(ReplayError) as caught:
        replay(store, small, lines)
    message = str(caught.value)
    assert message.startswith("line 5: The votes do not add up: ")
    assert "4 votes recorded but 6" in message and "2 unaccounted for" in message
    assert store.record(small).votes == ()
    assert [m.text for m in store.record(small).motions] == ["That the Board approves the plan."]


def test_named_ballots_a_tie_and_the_casting_vote(store: Store, small: int) -> None:
    ballots = dict(zip(VOTERS, ["for", "for", "for", "against", "against", "against"], strict=True))
    result = replay(
        store,
        small,
        jl(
            *OPENING,
            {"type": "motion", "id": "m1", "text": "That the Board approves the plan.", "mover": "MB"},
            {"type": "amend", "id": "a1", "amends": "m1", "text": "Add “by March”.", "mover": "LC"},
            {"type": "vote", "motion": "a1", "for": 6, "at": "10:05"},
            {"type": "vote", "motion": "m1", "ballots": ballots},
            {"type": "casting_vote", "motion": "m1", "ballot": "for"},
            {"type": "chair_confirm", "motion": "m1", "wording": "That the Board approves the plan by March."},
        ),
    )
    state = meeting_state(store, small)
    [motion, amendment] = state["items"][0]["motions"]
    assert amendment["amends"] == motion["id"] and amendment["outcome"] == "carried"
    assert motion["outcome"] == "carried" and motion["votes"][0]["casting_vote"] == "for"
    assert motion["votes"][0]["ballots"]["Marcel Coiffait"] == "against"
    assert motion["text"] == "That the Board approves the plan by March." and motion["confirmed_at"] == "10:05"
    assert set(result.motions) == {"m1", "a1"}


def test_undo_and_redo_events(store: Store, small: int) -> None:
    motion = {"type": "motion", "id": "m1", "text": "That the Board notes the report.", "mover": "RM"}
    replay(store, small, jl(*OPENING, motion, {"type": "undo"}))
    assert store.record(small).motions == ()
    with pytest.raises(ReplayError, match=r"^line 2: there is nothing to redo") as caught:
        replay(store, small, jl({"type": "redo"}, {"type": "redo"}))
    assert caught.value.applied == 1 and len(store.record(small).motions) == 1  # the first redo stayed
    replay(store, small, jl({"type": "undo"}, {"type": "redo"}, {"type": "leave", "person": "Felicity Cox"}))
    assert [m.text for m in store.record(small).motions] == ["That the Board notes the report."]
    assert store.verify_audit_chain() == []


def test_a_stopped_replay_resumes_with_its_labels(store: Store, small: int) -> None:
    lines = jl(
        *OPENING,
        {"type": "motion", "id": "m1", "text": "That the Board approves the plan.", "mover": "RM"},
        {"type": "action", "id": "x", "number": "60", "text": "Write it up", "owners": ["FC"], "due": "2023-08-01"},
        {"type": "vote", "motion": "m1", "for": 5, "against": 1},
        {"type": "action_update", "action": "x", "status": "complete", "rag": "green", "note": "Done"},
        {"type": "close_meeting", "at": "11:00"},
    )
    with pytest.raises(ReplayError):
        replay(store, small, [*lines[:5], '{"type": "vote"}'])
    result = replay(store, small, lines, skip=5)
    assert result.applied == 8
    record = store.record(small)
    assert [m.outcome for m in record.motions] == [MotionOutcome.CARRIED]
    assert [(a.number, a.owners, a.status) for a in record.actions] == [("60", ("Felicity Cox",), "complete")]
    assert record.meeting.closed_at is not None and len(record.events) > 3
