"""A small board with a year of meetings recorded through the live-meeting commands, for the export tests.

Board members Ann, Ben, Cat, Dan and Eve serve all year; Vic joined on 1 June 2024; Dee deputises for Eve
(from June). Meetings: 1 March, 14 June and 20 September 2024 are held; 12 December 2024 is in the library but
not yet held (no roll call); 1 May 2025 falls after the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from app.commands.live import LiveMeeting
from app.domain import AgendaItem, Ballot, DeclarationConduct, Meeting, MotionOutcome, Person, Presence, RuleSet, Tier
from app.storage import Store
from app.storage.people import add_person, set_body_rules, set_deputies

MEMBERS = ["Ann Chair", "Ben Baker", "Cat Cole", "Dan Dale", "Eve Ellis"]
FIRST_MINUTE = (
    "The Board **discussed** the budget in *detail*.\n\n"
    "Points raised:\n\n"
    "- Capital **programme** slipped\n"
    "- Reserves are *adequate*\n\n"
    "1. First numbered point\n"
    "2. Second numbered point\n\n"
    "Further options:\n\n"
    "3. Third option\n"
    "4. Fourth option"
)
SECRET = "That the sale of Oak House proceeds."


@dataclass(frozen=True)
class Board:
    store: Store
    body_id: int
    ids: dict[str, int]  # first name -> person id
    meetings: dict[str, int]  # "mar", "jun", "sep", "dec", "next" -> meeting id


def _meeting(store: Store, body_id: int, when: date, titles: list[tuple[str, str]]) -> LiveMeeting:
    items = [AgendaItem(None, 0, i, number, title) for i, (number, title) in enumerate(titles)]
    meeting = store.create_meeting(Meeting(None, body_id, "Board", when, time(10), venue="Board Room"), items)
    assert meeting.id is not None
    return LiveMeeting(store, meeting.id)


def _item(live: LiveMeeting, number: str) -> int:
    found = live.find_item(number).id
    assert found is not None
    return found


def _roll(live: LiveMeeting, ids: dict[str, int], away: tuple[str, ...], deputies: dict[str, str], public: int) -> None:
    live.start(time(10, 0))
    everyone = [name for name in ids if name not in ("Pat", "Dee")]
    presence = {
        ids[name]: (Presence.APOLOGIES if name in away else Presence.PRESENT)
        for name in everyone
        if name not in deputies and name not in deputies.values()
    }
    for member in deputies.values():
        presence[ids[member]] = Presence.DEPUTISED
    live.roll_call(presence, {ids[dep]: ids[member] for dep, member in deputies.items()}, public=public, at=time(10, 0))


def make_board(store: Store, deputies_count: bool = True) -> Board:
    body = store.ensure_body("Test Board")
    assert body.id is not None
    set_body_rules(store, body.id, RuleSet(quorum_number=3, quorum_fraction=None, deputies_count=deputies_count))
    for name in MEMBERS:
        role = "Chair" if name == "Ann Chair" else "Member"
        initials = "".join(part[0] for part in name.split())
        add_person(store, Person(None, body.id, name, role=role, initials=initials, tier=Tier.MEMBER))
    add_person(
        store,
        Person(None, body.id, "Vic Newman", role="Member", initials="VN", tier=Tier.MEMBER, term_from=date(2024, 6, 1)),
    )
    add_person(store, Person(None, body.id, "Dee Deputy", role="Deputy", initials="DDe", tier=Tier.MEMBER))
    add_person(store, Person(None, body.id, "Pat Officer", role="Secretary", tier=Tier.IN_ATTENDANCE, voting=False))
    ids = {p.name.split()[0]: p.id for p in store.people(body.id) if p.id is not None}
    set_deputies(store, ids["Eve"], [ids["Dee"]])  # only a registered deputy may stand in

    # 1 March 2024: Eve sends apologies; Vic has not joined yet. A decision, actions, then Part II.
    mar = _meeting(
        store,
        body.id,
        date(2024, 3, 1),
        [("1", "Apologies"), ("2", "Budget 2024/25"), ("3", "Any other business"), ("4", "Estates strategy")],
    )
    early = {k: v for k, v in ids.items() if k != "Vic"}
    _roll(mar, early, away=("Eve",), deputies={}, public=3)
    budget, estates = _item(mar, "2"), _item(mar, "4")
    mar.open_item(_item(mar, "1"), time(10, 1))
    mar.minute(_item(mar, "1"), "Apologies were received from Eve Ellis.")
    mar.open_item(budget, time(10, 5))
    mar.declare(budget, ids["Dan"], "Director of Bidder Ltd", "financial", DeclarationConduct.WITHDREW)
    motion = mar.move(budget, "That the budget for 2024/25 is approved.", ids["Ben"], ids["Cat"]).new_id
    assert motion is not None
    mar.vote(motion, ballots={ids["Ann"]: Ballot.FOR, ids["Ben"]: Ballot.FOR, ids["Cat"]: Ballot.FOR})
    mar.minute(budget, FIRST_MINUTE)
    first = mar.add_action(budget, "Publish the approved budget", ["Ben Baker", "Cat Cole"], date(2024, 4, 1))
    second = mar.add_action(budget, "=SUM(A1:A9) check the capital line", ["Dan Dale"], date(2024, 12, 31))
    third = mar.add_action(budget, "Review the risk register", ["Ann Chair"], date(2024, 5, 1))
    assert first.new_id and second.new_id and third.new_id
    mar.update_action(third.new_id, rag="red", note="Not started")
    mar.open_item(_item(mar, "3"), time(10, 25))
    mar.minute(_item(mar, "3"), "There was none.")
    mar.part2(time(10, 30))
    mar.open_item(estates, time(10, 31))
    mar.minute(estates, "The Board considered the confidential valuation of Oak House.")
    secret = mar.move(estates, SECRET).new_id
    assert secret is not None
    mar.set_outcome(secret, MotionOutcome.CARRIED)
    mar.add_action(estates, "Instruct the Oak House agents", ["Dan Dale"])
    mar.close(time(10, 45))

    # 14 June 2024: Dee deputises for Eve; Ben sends apologies; Vic attends his first meeting.
    jun = _meeting(store, body.id, date(2024, 6, 14), [("1", "Apologies"), ("2", "Action tracker")])
    _roll(jun, ids, away=("Ben",), deputies={"Dee": "Eve"}, public=0)
    jun.update_action(first.new_id, rag="amber", note="Draft circulated to members")
    jun.update_action(second.new_id, status="complete", rag="green", note="Done")
    jun.update_action(third.new_id, rag="red", note="Still not started")
    jun.close(time(11, 0))

    # 20 September 2024: Dee deputises for Eve again; everyone else is here.
    sep = _meeting(store, body.id, date(2024, 9, 20), [("1", "Apologies"), ("2", "Action tracker")])
    _roll(sep, ids, away=(), deputies={"Dee": "Eve"}, public=1)
    sep.update_action(second.new_id, status="closed", note="Closure agreed")
    sep.update_action(third.new_id, rag="red", note="No owner capacity")
    sep.add_action(_item(sep, "2"), "Refresh the action tracker format", ["Pat Officer"], date(2024, 12, 1))
    sep.close(time(11, 0))

    # 12 December 2024: imported but not yet held.  1 May 2025: outside the period.
    dec = _meeting(store, body.id, date(2024, 12, 12), [("1", "Apologies")])
    nxt = _meeting(store, body.id, date(2025, 5, 1), [("1", "Apologies")])
    _roll(nxt, ids, away=("Ann",), deputies={}, public=0)
    nxt.close(time(11, 0))
    return Board(
        store,
        body.id,
        ids,
        {
            "mar": mar.meeting_id,
            "jun": jun.meeting_id,
            "sep": sep.meeting_id,
            "dec": dec.meeting_id,
            "next": nxt.meeting_id,
        },
    )
