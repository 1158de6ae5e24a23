"""Live meeting commands on a small board: the room, quorum per item, votes, undo, and the audit trail."""

from __future__ import annotations

from datetime import date, time

import pytest

from app.commands.live import InquorateVote, LiveError, LiveMeeting
from app.domain import (
    AgendaItem,
    Ballot,
    DeclarationConduct,
    EventKind,
    ItemStatus,
    Meeting,
    MotionOutcome,
    Part,
    Person,
    Presence,
    RuleSet,
    Tier,
)
from app.services import live as svc
from app.services import room as room_svc
from app.storage import RecordLocked, Store
from app.storage.people import add_person, set_body_rules

MEMBERS = ["Ann Chair", "Ben Baker", "Cat Cole", "Dan Dale", "Eve Ellis"]


@pytest.fixture
def live(store: Store) -> LiveMeeting:
    body = store.ensure_body("Test Board")
    assert body.id is not None
    set_body_rules(store, body.id, RuleSet(quorum_number=3, quorum_fraction=None))
    for name in MEMBERS:
        role = "Chair" if name == "Ann Chair" else "Member"
        initials = "".join(part[0] for part in name.split())
        add_person(store, Person(None, body.id, name, role=role, initials=initials, tier=Tier.MEMBER))
    add_person(store, Person(None, body.id, "Pat Officer", role="Secretary", tier=Tier.IN_ATTENDANCE, voting=False))
    items = [
        AgendaItem(None, 0, i, number, title)
        for i, (number, title) in enumerate(
            [("1", "Apologies"), ("2", "Budget 2024/25"), ("3", "Estates strategy"), ("4", "Any other business")]
        )
    ]
    meeting = store.create_meeting(Meeting(None, body.id, "Board", date(2024, 3, 1), time(10)), items)
    assert meeting.id is not None
    return LiveMeeting(store, meeting.id)


def _ids(live: LiveMeeting) -> dict[str, int]:
    return {p.name.split()[0]: p.id for p in live.record().people if p.id is not None}


def _item(live: LiveMeeting, number: str) -> int:
    found = live.find_item(number).id
    assert found is not None
    return found


def _started(live: LiveMeeting, away: tuple[str, ...] = ()) -> dict[str, int]:
    ids = _ids(live)
    live.start(time(10, 0))
    presence = {pid: (Presence.APOLOGIES if first in away else Presence.PRESENT) for first, pid in ids.items()}
    live.roll_call(presence, public=2, at=time(10, 0))
    return ids


def test_roll_call_sets_the_room_and_the_quorum(live: LiveMeeting) -> None:
    ids = _started(live, away=("Eve",))
    record = live.record()
    result = svc.quorum_now(record)
    assert result.quorate and result.counted == 4 and result.threshold == 3
    assert record.meeting.members_of_public == 2
    assert {a.person_id: a.presence for a in record.attendance}[ids["Eve"]] == Presence.APOLOGIES
    assert "Apologies were received from Eve Ellis." in svc.apologies_minute(record)


def test_a_departure_that_breaks_the_quorum_is_noted_at_once(live: LiveMeeting) -> None:
    ids = _started(live, away=("Eve", "Dan"))
    live.open_item(_item(live, "2"), time(10, 5))
    done = live.leave(ids["Cat"], time(10, 42))
    assert any("inquorate" in m for m in done.messages)
    assert done.proposed_minute == "The meeting became inquorate at 10:42."
    record = live.record()
    assert [e.kind for e in record.events][-1] == EventKind.INQUORATE
    verdict = svc.item_quorum(record, _item(live, "2"))
    assert verdict is not None and not verdict.result.quorate
    # Coming back makes it quorate again, and says so.
    back = live.return_(ids["Cat"], time(10, 50))
    assert "quorate again" in back.proposed_minute


def test_item_quorum_counts_conflicts_and_withdrawals(live: LiveMeeting) -> None:
    ids = _started(live, away=("Eve",))
    budget = _item(live, "2")
    live.open_item(budget, time(10, 5))
    live.declare(budget, ids["Dan"], "Director of a bidder", "financial", DeclarationConduct.WITHDREW, time(10, 6))
    record = live.record()
    assert ids["Dan"] not in svc.room_after(record).present
    verdict = svc.item_quorum(record, budget)
    assert verdict is not None and verdict.result.quorate and verdict.result.counted == 3
    live.return_(ids["Dan"], time(10, 20))
    estates = _item(live, "3")
    live.open_item(estates, time(10, 21))
    later = svc.item_quorum(live.record(), estates)
    assert later is not None and later.result.counted == 4
    assert "Dan Dale declared a financial interest in item 2" in svc.declarations_minute(live.record())


def test_a_vote_that_does_not_add_up_is_refused(live: LiveMeeting) -> None:
    _started(live)
    item = _item(live, "2")
    live.open_item(item, time(10, 5))
    motion = live.move(item, "That the Board approves the budget.").new_id
    assert motion is not None
    with pytest.raises(LiveError, match=r"do not add up.*unaccounted"):
        live.vote(motion, 3, 1, 0, 0)
    done = live.vote(motion, 4, 1, 0, 0, at=time(10, 10))
    assert done.tally is not None
    assert live.record().motions[0].outcome == MotionOutcome.CARRIED


def test_recorded_vote_names_everyone_eligible_and_a_tie_takes_the_casting_vote(live: LiveMeeting) -> None:
    ids = _started(live)
    item = _item(live, "3")
    live.open_item(item, time(10, 5))
    live.leave(ids["Eve"], time(10, 6))
    motion = live.move(item, "That the strategy is approved.", ids["Ben"], ids["Cat"]).new_id
    assert motion is not None
    partial = {ids["Ann"]: Ballot.FOR, ids["Ben"]: Ballot.FOR, ids["Cat"]: Ballot.AGAINST}
    with pytest.raises(LiveError, match="no vote recorded yet for Dan Dale"):
        live.vote(motion, ballots=partial)
    with pytest.raises(LiveError, match="Eve Ellis may not vote"):
        live.vote(motion, ballots={**partial, ids["Dan"]: Ballot.AGAINST, ids["Eve"]: Ballot.FOR})
    tied = live.vote(motion, ballots={**partial, ids["Dan"]: Ballot.AGAINST})
    assert tied.tally is not None and tied.tally.outcome.value == "tied"
    assert live.record().motions[0].outcome == MotionOutcome.PENDING
    live.casting_vote(motion, Ballot.FOR)
    record = live.record()
    assert record.motions[0].outcome == MotionOutcome.CARRIED
    assert dict(record.votes[0].ballots)[ids["Dan"]] == Ballot.AGAINST


def test_movers_amendments_and_consensus(live: LiveMeeting) -> None:
    ids = _started(live)
    item = _item(live, "2")
    live.open_item(item, time(10, 5))
    with pytest.raises(LiveError, match="cannot also second"):
        live.move(item, "That the budget is approved.", ids["Ben"], ids["Ben"])
    motion = live.move(item, "That the budget is approved.", ids["Ben"], ids["Cat"]).new_id
    assert motion is not None
    amendment = live.move(item, "Add: subject to review.", ids["Dan"], ids["Eve"], amends_id=motion).new_id
    assert amendment is not None
    with pytest.raises(LiveError, match="amendment first"):
        live.vote(motion, 5)
    live.vote(amendment, 1, 4)
    live.set_outcome(motion, MotionOutcome.CARRIED, minority_view="Dan Dale asked that his concern be minuted.")
    decided = {m.id: m for m in live.record().motions}
    assert decided[amendment].outcome == MotionOutcome.LOST
    assert decided[motion].outcome == MotionOutcome.CONSENSUS  # carried without a count
    assert decided[motion].minority_view.startswith("Dan Dale")
    live.confirm_resolution(motion, "RESOLVED – That the budget is approved.")
    record = live.record()
    assert record.motions[0].text == "RESOLVED – That the budget is approved."
    assert record.confirmations[-1].kind.value == "resolution"


def test_voting_while_inquorate_needs_the_chairs_ruling(live: LiveMeeting) -> None:
    ids = _started(live, away=("Eve", "Dan"))
    item = _item(live, "2")
    live.open_item(item, time(10, 5))
    motion = live.move(item, "That the budget is approved.").new_id
    assert motion is not None
    live.leave(ids["Cat"], time(10, 7))
    with pytest.raises(InquorateVote, match="inquorate"):
        live.vote(motion, 2)
    live.vote(motion, 2, despite_inquorate=True)
    assert live.record().votes[0].despite_inquorate


def test_undo_and_redo_every_command(live: LiveMeeting) -> None:
    ids = _started(live)
    item = _item(live, "2")
    live.open_item(item, time(10, 5))
    motion = live.move(item, "That the budget is approved.").new_id
    assert motion is not None
    live.vote(motion, 5)
    assert live.undo_label() == "Vote recorded"
    assert live.undo() == "Vote recorded"
    record = live.record()
    assert not record.votes and record.motions[0].outcome == MotionOutcome.PENDING
    assert live.redo() == "Vote recorded"
    assert live.record().motions[0].outcome == MotionOutcome.CARRIED
    live.undo()
    live.leave(ids["Ben"], time(10, 9))  # a new command drops what could have been redone
    assert live.redo_label() is None
    assert live.store.verify_audit_chain() == []


def test_agenda_walk_records_order_times_and_deferral(live: LiveMeeting) -> None:
    _started(live)
    live.open_item(_item(live, "1"), time(10, 0))
    taken_early = live.open_item(_item(live, "3"), time(10, 5))
    assert "before item 2" in taken_early.messages[0]
    live.defer_item(_item(live, "2"), time(10, 20), "papers not ready")
    live.open_item(_item(live, "4"), time(10, 25))
    live.close(time(10, 40))
    summaries = {s.item.number: s for s in svc.item_summaries(live.record())}
    assert summaries["1"].item.status == ItemStatus.TAKEN and summaries["1"].actual_minutes == 5
    assert summaries["2"].item.status == ItemStatus.DEFERRED
    assert summaries["3"].out_of_order and summaries["3"].actual_minutes == 20
    assert live.record().meeting.closed_at == time(10, 40)
    with pytest.raises(LiveError, match="closed at 10:40"):
        live.open_item(_item(live, "1"), time(10, 41))


def test_actions_continue_the_bodys_numbering_and_escalate(live: LiveMeeting) -> None:
    _started(live)
    item = _item(live, "2")
    first = live.add_action(item, "Circulate the revised budget", ["Ben Baker", "Cat Cole"], date(2024, 2, 1))
    second = live.add_action(item, "Report back on estates", ["Dan Dale"])
    actions = {a.id: a for a in live.record().actions}
    assert first.new_id is not None and second.new_id is not None
    assert (actions[first.new_id].number, actions[second.new_id].number) == ("1", "2")
    assert actions[first.new_id].owners == ("Ben Baker", "Cat Cole")
    tracked = {t.action.number: t for t in live.tracker()}
    assert tracked["1"].overdue and not tracked["2"].overdue
    done = None
    for _ in range(3):
        done = live.update_action(second.new_id, rag="red", note="no progress")
    assert done is not None and any("escalate" in m for m in done.messages)
    live.update_action(first.new_id, status="closed")
    assert {t.action.number: t.action.status for t in live.tracker()}["1"] == "closed"


def test_part_two_marks_the_business_left_and_records_the_resolution(live: LiveMeeting) -> None:
    _started(live)
    live.open_item(_item(live, "2"), time(10, 5))
    done = live.part2(time(10, 30))
    assert done.proposed_minute.startswith("RESOLVED")
    parts = {i.number: i.part for i in live.record().items}
    assert parts == {"1": Part.ONE, "2": Part.ONE, "3": Part.TWO, "4": Part.TWO}
    with pytest.raises(LiveError, match="already"):
        live.part2(time(10, 31))


def test_chair_pin_guards_confirmations(live: LiveMeeting) -> None:
    _started(live)
    with pytest.raises(LiveError, match="at least 6 digits"):
        live.set_chair_pin("2468")  # four digits fell to an offline search in minutes
    live.set_chair_pin("246813")
    stored = live.writer.chair_pin_hash()
    assert stored.startswith("argon2id$") and "246813" not in stored
    with pytest.raises(LiveError, match="not the chair's PIN"):
        live.confirm_quoracy(time(10, 1), pin="111111")
    live.confirm_quoracy(time(10, 1), pin="246813")
    confirmation = live.record().confirmations[-1]
    assert confirmation.pin_checked and confirmation.chair_id == _ids(live)["Ann"]


def test_the_chair_pin_cannot_be_turned_off_without_it_and_wrong_tries_wait(live: LiveMeeting) -> None:
    _started(live)
    live.set_chair_pin("246813")
    with pytest.raises(LiveError, match="current PIN is needed"):
        live.set_chair_pin("")
    with pytest.raises(LiveError, match="not the chair's PIN"):
        live.set_chair_pin("", current="000000")  # a wrong current PIN counts as a wrong try too
    for _ in range(1):  # the last free try
        with pytest.raises(LiveError, match=r"not the chair's PIN\.$"):
            live.confirm_quoracy(time(10, 1), pin="999999")
    with pytest.raises(LiveError, match="Wait 30 seconds"):
        live.confirm_quoracy(time(10, 1), pin="999999")
    with pytest.raises(LiveError, match="Too many wrong PINs"):  # even the right PIN waits now
        live.confirm_quoracy(time(10, 1), pin="246813")
    again = LiveMeeting(live.store, live.meeting_id)  # a restart does not reset the count
    with pytest.raises(LiveError, match="Too many wrong PINs"):
        again.confirm_quoracy(time(10, 1), pin="246813")
    assert live.writer.pin_guard()[0] == 3
    live.store.conn.execute("UPDATE chair_pin_guard SET locked_until = '2000-01-01T00:00:00+00:00'")  # time passes
    live.confirm_quoracy(time(10, 1), pin="246813")
    assert live.writer.pin_guard() == (0, None)
    live.set_chair_pin("", current="246813")
    live.confirm_quoracy(time(10, 2))
    assert not live.record().confirmations[-1].pin_checked  # made without the check, and recorded so


def test_find_person_by_initials_surname_exactly_and_never_by_a_guess(live: LiveMeeting) -> None:
    assert live.find_person("BB").name == "Ben Baker"
    assert live.find_person("Ellis").name == "Eve Ellis"
    # A near spelling is offered, never chosen: the record must not name someone who was not named.
    with pytest.raises(LiveError, match="Nobody is called exactly “Cat Coles”: did you mean “Cat Cole”"):
        live.find_person("Cat Coles")
    with pytest.raises(LiveError, match="Nobody called"):
        live.find_person("Zed Zulu")
    # A single letter names nobody (it once matched the chair).
    for letter in ("M", "B", "e."):
        with pytest.raises(LiveError, match="too short to name anyone"):
            live.find_person(letter)


def test_surnames_are_found_as_clerks_write_them_with_suffixes_and_particles(live: LiveMeeting) -> None:
    """ "Recchia Jr." names Domenic M. Recchia, Jr.; "Van Bramer" names James G. Van Bramer; "Gale Brewer" names
    Gale A. Brewer. A bare suffix or particle names nobody, and two people sharing a form are refused."""
    body_id = live.writer.body_id
    for name in ("Domenic M. Recchia, Jr.", "Leroy G. Comrie, Jr.", "James G. Van Bramer", "Gale A. Brewer"):
        add_person(live.store, Person(None, body_id, name, "Member"))
    fresh = LiveMeeting(live.store, live.meeting_id)
    assert fresh.find_person("Recchia Jr.").name == "Domenic M. Recchia, Jr."
    assert fresh.find_person("Recchia").name == "Domenic M. Recchia, Jr."
    assert fresh.find_person("Comrie, Jr.").name == "Leroy G. Comrie, Jr."
    assert fresh.find_person("Van Bramer").name == "James G. Van Bramer"
    assert fresh.find_person("Bramer").name == "James G. Van Bramer"
    assert fresh.find_person("Gale Brewer").name == "Gale A. Brewer"
    with pytest.raises(LiveError):
        fresh.find_person("Jr.")
    with pytest.raises(LiveError):
        fresh.find_person("Van")


def test_an_interest_declared_in_advance_is_minuted_where_it_was_declared_and_acted_on_at_its_item(
    live: LiveMeeting,
) -> None:
    """Declared at item 2 for item 3 (as at a declarations item): item 2's minute records the declaration, item 3's
    what the member did, naming the minute it was declared in. It is not printed as if declared at item 3."""
    from app.services.minutes import build_minutes

    ids = _started(live)
    live.open_item(_item(live, "2"), time(10, 5))
    live.declare(
        _item(live, "3"),
        ids["Dan"],
        "his firm bids for the works",
        "financial",
        DeclarationConduct.WITHDREW,
        time(10, 6),
    )
    assert live.record().events[-1].kind is not EventKind.WITHDRAW  # item 3 is not being taken yet
    live.open_item(_item(live, "3"), time(10, 30))
    live.withdraw(ids["Dan"], time(10, 30))
    minutes = {s.item_number: s.body_markdown for s in build_minutes(live.record()).sections}
    assert (
        "Dan Dale declared a financial interest in item 3, Estates strategy: his firm bids for the works."
        in (minutes["2"])
    )
    assert (
        "Having declared a financial interest (minute 2), Dan Dale withdrew from the meeting for this item at "
        "10:30." in minutes["3"]
    )
    assert "Dan Dale declared" not in minutes["3"]


def test_a_signed_meeting_refuses_every_live_change(live: LiveMeeting) -> None:
    from app.storage.live import LiveWriter

    _started(live)
    live.store.conn.execute("UPDATE meeting SET minutes_status = 'signed' WHERE id = ?", (live.meeting_id,))
    live.open_item(_item(live, "3"), time(10, 1))  # the status column is not the lock …
    writer = LiveWriter(live.store, live.meeting_id)
    with writer.unrecorded_step():  # … the recorded signature is
        writer.insert(
            "minutes_approval",
            {"meeting_id": live.meeting_id, "step": "signed", "name": "Ann", "on_date": "2024-03-06"},
        )
    with pytest.raises(RecordLocked, match="signed"):
        live.open_item(_item(live, "2"), time(10, 5))
    with pytest.raises(RecordLocked):
        live.undo()


def test_minutes_carry_the_live_record_and_keep_part_two_out_of_part_one(live: LiveMeeting, tmp_path) -> None:
    from pypdf import PdfReader

    from app.export.minutes_pdf import render_minutes_pdf
    from app.services.minutes import build_minutes

    ids = _started(live)
    budget, estates = _item(live, "2"), _item(live, "3")
    live.open_item(budget, time(10, 5))
    live.declare(budget, ids["Dan"], "Director of Bidder Ltd", "financial", DeclarationConduct.WITHDREW, time(10, 6))
    motion = live.move(
        budget, "That the budget for 2024/25 is approved.", ids["Ben"], ids["Cat"], at=time(10, 20)
    ).new_id
    assert motion is not None
    live.vote(
        motion,
        ballots={ids["Ann"]: Ballot.FOR, ids["Ben"]: Ballot.FOR, ids["Cat"]: Ballot.FOR, ids["Eve"]: Ballot.AGAINST},
        at=time(10, 25),
    )
    live.minute(budget, "The Board **discussed** the budget.")
    live.add_action(budget, "Publish the approved budget", ["Ben Baker"])
    live.part2(time(10, 30))
    live.open_item(estates, time(10, 31))
    secret = live.move(estates, "That the sale of Oak House proceeds.").new_id
    assert secret is not None
    live.set_outcome(secret, MotionOutcome.CARRIED)
    live.close(time(10, 45))

    record = live.record()
    public = build_minutes(record, Part.ONE)
    body = next(s.body_markdown for s in public.sections if s.item_number == "2")
    assert body.index("Dan Dale declared a financial interest") < body.index("discussed") < body.index("RESOLVED")
    assert "For: Ann Chair, Ben Baker, Cat Cole.\nAgainst: Eve Ellis." in body
    assert "Moved by Ben Baker, seconded by Cat Cole." in body
    agreed = build_minutes(record, Part.ONE, resolution_style="agreed")
    assert "Agreed: 1. That the budget" in next(s.body_markdown for s in agreed.sections if s.item_number == "2")

    out = render_minutes_pdf(public, tmp_path / "part1.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Oak House" not in text and "Estates strategy" not in text
    assert "RESOLVED" in text and "taken in private" in text  # the exclusion resolution closes Part I
    confidential = render_minutes_pdf(build_minutes(record, Part.TWO), tmp_path / "part2.pdf")
    secret_text = " ".join(page.extract_text() for page in PdfReader(confidential).pages)
    assert "Oak House" in secret_text and "Bidder Ltd" not in secret_text


def test_apologies_received_before_the_meeting_start_the_roll_call(live: LiveMeeting) -> None:
    ids = _ids(live)
    live.receive_apologies([ids["Eve"], ids["Dan"]])
    live.receive_apologies([ids["Eve"]])  # Dan will come after all
    record = live.record()
    sent = [a.person_id for a in record.attendance if a.presence == Presence.APOLOGIES]
    assert sent == [ids["Eve"]]
    start = room_svc.roll_call_start(record.people, sent)
    assert start[ids["Eve"]] == Presence.APOLOGIES
    assert start[ids["Dan"]] is None  # everyone else starts "not yet marked", never "present"
    assert room_svc.roll_call_progress(start) == f"1 of {len(start)} marked: 1 apologies"
    live.start(time(10))
    assert not [e for e in live.record().events if e.kind == EventKind.INQUORATE]  # not counted before the roll call
    live.roll_call({pid: Presence.PRESENT for first, pid in ids.items() if first != "Eve"})
    with pytest.raises(LiveError, match="roll call has been taken"):
        live.receive_apologies([ids["Ben"]])


def test_the_chair_of_the_body_by_role_never_a_deputy_nor_the_chair_of_something_else() -> None:
    def person(role: str) -> Person:
        return Person(1, 1, "Sam Lee", role)

    for role in ("Chair", "Chairman", "Town Mayor", "Mayor", "Provost", "Convener", "Chair of the Council"):
        assert svc.is_chair_of_body(person(role)), role
    for role in ("Deputy Town Mayor", "Vice-Chair", "Chair of Audit and Risk Committee", "Deputy Mayor", "Member"):
        assert not svc.is_chair_of_body(person(role)), role
    assert svc.chair_title(person("Town Mayor")) == "Town Mayor"
    assert svc.chair_title(person("Chairman")) == "Chair" and svc.chair_title(person("Vice-Chair")) == "Chair"


def test_an_interest_declared_for_an_item_then_deferred_says_nothing_of_what_the_member_did_on_it(
    live: LiveMeeting,
) -> None:
    from app.services.minutes import build_minutes

    ids = _started(live)
    live.open_item(_item(live, "2"), time(10, 5))
    live.declare(
        _item(live, "3"),
        ids["Dan"],
        "his firm bids for the works",
        "financial",
        DeclarationConduct.WITHDREW,
        time(10, 6),
    )
    live.defer_item(_item(live, "3"), time(10, 20), "the paper was not ready")
    live.close(time(10, 30))
    minutes = {s.item_number: s.body_markdown for s in build_minutes(live.record()).sections}
    assert "Dan Dale declared a financial interest in item 3" in minutes["2"]
    assert "Dan Dale" not in minutes["3"] and "This item was deferred: the paper was not ready." in minutes["3"]


def test_a_recorded_vote_names_those_who_did_not_vote_too(live: LiveMeeting) -> None:
    from app.services.minutes import build_minutes

    ids = _started(live)
    item = _item(live, "2")
    live.open_item(item, time(10, 5))
    motion = live.move(item, "That the budget be approved.", ids["Ann"], ids["Ben"], at=time(10, 10)).new_id
    assert motion is not None
    ballots = {ids["Ann"]: Ballot.FOR, ids["Ben"]: Ballot.FOR, ids["Cat"]: Ballot.FOR, ids["Dan"]: Ballot.AGAINST}
    live.vote(motion, ballots={**ballots, ids["Eve"]: Ballot.DID_NOT_VOTE}, at=time(10, 12))
    body = next(s.body_markdown for s in build_minutes(live.record()).sections if s.item_number == "2")
    assert "For: Ann Chair, Ben Baker, Cat Cole.\nAgainst: Dan Dale.\nDid not vote: Eve Ellis." in body


def test_prose_attendance_leaves_out_roles_many_share_and_keeps_what_each_person_did() -> None:
    from app.services.minutes import AttendanceBlock, AttendeeLine

    members = AttendanceBlock(
        "Present",
        (
            AttendeeLine("Cllr A Ash", "Chair", "AA"),
            AttendeeLine("Cllr B Bell", "Member", "BB", "left 20:10"),
            AttendeeLine("Cllr C Cole (in the Chair)", "Vice-Chair", "CC"),
            AttendeeLine("Cllr D Dyer", "Member", "DD"),
        ),
    )
    assert members.run_on() == "Cllr A Ash (Chair), Cllr B Bell (left 20:10), Cllr C Cole (in the Chair), Cllr D Dyer"
    apologies = AttendanceBlock("Apologies", (AttendeeLine("Cllr E Eve", "Member", "EE"),))
    assert apologies.run_on() == "Cllr E Eve (Member)"
    assert apologies.run_on(frozenset({"member"})) == "Cllr E Eve"  # "Member" is common to the whole attendance
