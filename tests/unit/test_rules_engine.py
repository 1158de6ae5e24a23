"""The rules engine: quorum at a moment and on an item, who may vote, vote arithmetic, conflict prompts."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Attendance, Ballot, Declaration, DeclarationConduct, Person, Presence, Tier
from app.domain.rules import (
    NHS_BOARD,
    Abstentions,
    CastingVote,
    InterestEntry,
    MajorityBase,
    MajorityComparison,
    QuorumCounts,
    QuorumRounding,
    RoleRequirement,
    RuleSet,
    TieOutcome,
    describe_quorum,
    rules_from_dict,
    rules_to_dict,
)
from app.services.rules_engine import (
    RoomState,
    TallyError,
    TallyOutcome,
    declaration_warnings,
    eligible_voters,
    quorum,
    quorum_threshold,
    recorded_vote_required,
    suggest_conflicts,
    tally,
    votes_needed,
    worked_example,
)

ITEM = 64  # item 6.4
OTHER_ITEM = 63


def people_of(size: int, **tags: tuple[str, ...]) -> tuple[Person, ...]:
    return tuple(Person(i, 1, f"Member {i}", role_tags=tags.get(f"m{i}", ())) for i in range(1, size + 1))


def declared(person_id: int, conduct: DeclarationConduct, item_id: int = ITEM, kind: str = "") -> Declaration:
    return Declaration(None, item_id, person_id, "an interest", kind, conduct)


# -- thresholds -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fraction", "rounding", "in_post", "expected"),
    [
        (1 / 3, QuorumRounding.UP, 10, 4),
        (1 / 3, QuorumRounding.DOWN, 10, 3),
        (1 / 3, QuorumRounding.NEAREST, 10, 3),
        (1 / 3, QuorumRounding.NEAREST, 11, 4),
        (0.5, QuorumRounding.MORE_THAN, 10, 6),
        (0.5, QuorumRounding.MORE_THAN, 9, 5),
        (0.5, QuorumRounding.UP, 10, 5),
        (0.5, QuorumRounding.NEAREST, 9, 5),  # halves round up
        (0.25, QuorumRounding.DOWN, 3, 1),  # never below one
        (1 / 3, QuorumRounding.UP, 0, 1),
    ],
)
def test_quorum_fraction_rounding(fraction: float, rounding: QuorumRounding, in_post: int, expected: int) -> None:
    rules = RuleSet(quorum_fraction=fraction, quorum_rounding=rounding)
    assert quorum_threshold(rules, in_post) == expected


def test_fixed_number_and_fraction_take_the_greater() -> None:
    rules = RuleSet(quorum_number=3, quorum_fraction=0.25)
    assert [quorum_threshold(rules, n) for n in (4, 12, 13, 20)] == [3, 3, 4, 5]


@pytest.mark.parametrize(
    ("fraction", "comparison", "base", "expected"),
    [
        (0.5, MajorityComparison.MORE_THAN, 10, 6),
        (0.5, MajorityComparison.MORE_THAN, 11, 6),
        (2 / 3, MajorityComparison.AT_LEAST, 15, 10),
        (2 / 3, MajorityComparison.AT_LEAST, 14, 10),
        (2 / 3, MajorityComparison.MORE_THAN, 15, 11),
        (0.5, MajorityComparison.AT_LEAST, 10, 5),
        (0.5, MajorityComparison.MORE_THAN, 0, 1),  # no motion carries with no votes
    ],
)
def test_votes_needed(fraction: float, comparison: MajorityComparison, base: int, expected: int) -> None:
    rules = RuleSet(majority_fraction=fraction, majority_comparison=comparison)
    assert votes_needed(rules, base) == expected


# -- quorum -----------------------------------------------------------------------------------------------------


def test_members_out_of_term_or_retired_are_not_in_post() -> None:
    people = (
        *people_of(6),
        Person(7, 1, "Gone", retired=True),
        Person(8, 1, "Not yet", term_from=date(2024, 1, 1)),
        Person(9, 1, "Associate member", voting=False),
        Person(10, 1, "Participant", tier=Tier.PARTICIPANT, voting=False),
    )
    state = RoomState(people, frozenset({1, 2, 7, 8, 9, 10}), on=date(2023, 9, 29))
    result = quorum(state, RuleSet())
    assert result.in_post == 6
    assert result.counted == 2 and result.threshold == 2 and result.quorate
    as_members = quorum(state, RuleSet(quorum_counts=QuorumCounts.MEMBERS))
    assert as_members.in_post == 7  # the associate member counts; the participant does not
    assert as_members.counted == 3


def test_deputies_count_only_when_the_rules_say_so() -> None:
    people = (*people_of(6, m6=("executive",)), Person(20, 1, "Deputy", voting=False))
    state = RoomState(people, frozenset({1, 20}), deputising={20: 6})
    requirement = (RoleRequirement(("executive",), label="executive member"),)
    counting = RuleSet(quorum_number=2, quorum_fraction=None, deputies_count=True, required_roles=requirement)
    result = quorum(state, counting)
    assert result.quorate and result.deputies_counted == (people[-1],)  # the deputy fills the executive's place
    not_counting = RuleSet(quorum_number=2, quorum_fraction=None, deputies_count=False, required_roles=requirement)
    assert not quorum(state, not_counting).quorate


def test_a_deputy_never_doubles_a_seat() -> None:
    people = people_of(6)
    # Member 2 is present in their own right and also named as deputy for absent member 5.
    state = RoomState(people, frozenset({1, 2}), deputising={2: 5})
    assert quorum(state, RuleSet(quorum_number=3, quorum_fraction=None)).counted == 2
    # A deputy for a member who is also present adds nothing.
    both = RoomState((*people, Person(30, 1, "Deputy", voting=False)), frozenset({1, 30}), deputising={30: 1})
    assert quorum(both, RuleSet()).counted == 1


def test_withdrawal_makes_only_that_item_inquorate() -> None:
    people = people_of(10)
    state = RoomState(
        people,
        frozenset(range(1, 7)),
        declarations=(declared(6, DeclarationConduct.WITHDREW), declared(5, DeclarationConduct.REMAINED_TOOK_PART)),
    )
    rules = RuleSet(quorum_number=6, quorum_fraction=None)
    assert quorum(state, rules).quorate
    assert quorum(state, rules, OTHER_ITEM).quorate
    on_item = quorum(state, rules, ITEM)
    assert not on_item.quorate
    assert on_item.reasons == (
        "inquorate: 5 voting members count on this item (6 present), 6 needed",
        "Member 6 is not counted on this item because of a declared interest.",
    )
    assert quorum(state, RuleSet(quorum_number=6, quorum_fraction=None, conflicted_count_for_quorum=True), ITEM).quorate


def test_a_quorum_larger_than_the_membership_is_explained() -> None:
    result = quorum(RoomState(people_of(4), frozenset(range(1, 5))), RuleSet(quorum_number=5, quorum_fraction=None))
    assert not result.quorate
    assert "The quorum of 5 is more than the 4 voting members in post" in result.reasons[-1]


def test_a_conflicted_chair_is_named_when_the_chair_place_is_empty() -> None:
    rules = RuleSet(required_roles=(RoleRequirement(("chair", "vice-chair"), label="the chair or vice-chair"),))
    people = people_of(6, m1=("chair",))
    state = RoomState(people, frozenset(range(1, 6)), declarations=(declared(1, DeclarationConduct.WITHDREW),))
    result = quorum(state, rules, ITEM)
    assert result.missing_roles == ("the chair or vice-chair not present",)
    assert "Member 1 would fill the place for the chair or vice-chair but is conflicted." in result.reasons


def test_from_attendance_follows_arrivals_and_departures() -> None:
    people = (*people_of(3), Person(4, 1, "Stand-in", voting=False))
    attendance = (
        Attendance(None, 1, 1, arrived_at=time(9, 0)),
        Attendance(None, 1, 2, arrived_at=time(9, 30), left_at=time(11, 0)),
        Attendance(None, 1, 3, presence=Presence.DEPUTISED),
        Attendance(None, 1, 4, deputy_for_id=3),
    )
    early = RoomState.from_attendance(people, attendance, at=time(9, 10))
    assert early.present == frozenset({1, 4}) and early.deputising == {4: 3}
    assert RoomState.from_attendance(people, attendance, at=time(10, 0)).present == frozenset({1, 2, 4})
    assert RoomState.from_attendance(people, attendance, at=time(11, 0)).present == frozenset({1, 4})
    assert RoomState.from_attendance(people, attendance).present == frozenset({1, 2, 4})


# -- the worked cases from the 29 September 2023 pack -----------------------------------------------------------

# Members at the 30 June 2023 board (minutes in the pack): name, tags. David Carter sent apologies.
JUNE_MEMBERS = [
    ("Dr Rima Makarem", ("chair",)),
    ("Alison Borrett", ("non-executive",)),
    ("Michael Bracey", ("partner", "local-authority")),
    ("Laura Church", ("partner", "local-authority")),
    ("Marcel Coiffait", ("partner", "local-authority")),
    ("Felicity Cox", ("executive", "chief-executive")),
    ("Manjeet Gill", ("non-executive",)),
    ("Ross Graves", ("partner",)),
    ("Joe Harrison", ("partner",)),
    ("Dr Omotayo Kufeji", ("partner",)),
    ("Shirley Pointer", ("non-executive",)),
    ("Robin Porter", ("partner", "local-authority")),
    ("Mahesh Shah", ("partner",)),
    ("Sarah Stanley", ("executive",)),
    ("Sahadev Swain", ("partner",)),
    ("Dean Westcott", ("executive",)),
    ("Dr Sarah Whiteman", ("executive",)),
    ("David Carter", ("partner",)),
]
ICB = tuple(Person(i, 1, name, role_tags=tags) for i, (name, tags) in enumerate(JUNE_MEMBERS, start=1))
BY_NAME = {name: i for i, (name, _tags) in enumerate(JUNE_MEMBERS, start=1)}
BRACEY, CHURCH, COIFFAIT, HARRISON = (
    BY_NAME[n] for n in ("Michael Bracey", "Laura Church", "Marcel Coiffait", "Joe Harrison")
)

# Test fixture, not the ICB's real constitution: "a majority of members including the chair or a deputy and at
# least one executive".
ICB_FIXTURE_RULES = RuleSet(
    name="Test fixture: majority including the chair or a deputy and one executive",
    quorum_fraction=0.5,
    quorum_rounding=QuorumRounding.MORE_THAN,
    required_roles=(
        RoleRequirement(("chair", "vice-chair"), label="chair or deputy chair"),
        RoleRequirement(("executive",), label="executive member"),
    ),
)


def june_attendance() -> tuple[Attendance, ...]:
    rows = [Attendance(None, 1, p.id or 0, arrived_at=time(9, 0)) for p in ICB if p.name != "David Carter"]
    rows = [r if r.person_id != HARRISON else Attendance(None, 1, HARRISON, left_at=time(10, 40)) for r in rows]
    return (*rows, Attendance(None, 1, BY_NAME["David Carter"], presence=Presence.APOLOGIES))


def test_30_june_attendance_is_quorate() -> None:
    state = RoomState.from_attendance(ICB, june_attendance(), at=time(9, 5), presiding_id=1)
    result = quorum(state, ICB_FIXTURE_RULES)
    assert result.quorate
    assert (result.counted, result.threshold, result.in_post) == (17, 10, 18)
    assert result.summary == "quorate: 17 voting members present, 10 needed"


def test_joe_harrison_leaving_after_minute_10_is_re_evaluated() -> None:
    after = RoomState.from_attendance(ICB, june_attendance(), at=time(10, 45), presiding_id=1)
    result = quorum(after, ICB_FIXTURE_RULES)
    assert result.counted == 16
    assert result.quorate
    assert all(p.id != HARRISON for p in eligible_voters(after, ICB_FIXTURE_RULES))


def item_6_4_room() -> RoomState:
    twelve = {1, 2, 6, 7, 11, 14, 16, 17, 13, BRACEY, CHURCH, COIFFAIT}
    withdrawals = tuple(
        Declaration(None, ITEM, pid, "council party to the agreement", "", DeclarationConduct.WITHDREW)
        for pid in (BRACEY, CHURCH, COIFFAIT)
    )
    return RoomState(ICB, frozenset(twelve), declarations=withdrawals, presiding_id=1)


def test_item_6_4_inquorate_when_conflicted_members_do_not_count() -> None:
    rules = RuleSet(quorum_number=10, quorum_fraction=None, conflicted_count_for_quorum=False)
    state = item_6_4_room()
    assert quorum(state, rules).quorate  # the meeting as a whole: 12 present
    result = quorum(state, rules, ITEM)
    assert not result.quorate
    assert result.summary == "inquorate: 9 voting members count on this item (12 present), 10 needed"
    assert result.reasons[1] == (
        "Michael Bracey, Laura Church and Marcel Coiffait are not counted on this item because of a declared interest."
    )


def test_item_6_4_quorate_when_conflicted_members_count() -> None:
    rules = RuleSet(quorum_number=10, quorum_fraction=None, conflicted_count_for_quorum=True)
    state = item_6_4_room()
    result = quorum(state, rules, ITEM)
    assert result.quorate and result.counted == 12
    # Counting for quorum never lets them vote.
    assert len(eligible_voters(state, rules, ITEM)) == 9


def test_worked_example_explains_the_rules_on_the_room() -> None:
    text = worked_example(item_6_4_room(), ICB_FIXTURE_RULES, ITEM)
    assert text.startswith("The quorum is more than half of the voting members in post")
    assert "With 18 voting members in post, the quorum is 10." in text
    assert "On this item, the meeting is inquorate: 9 voting members count on this item (12 present)" in text
    assert "9 members may vote on this item; if all of them vote with no abstentions, 5 votes for" in text
    assert "On a tie, Dr Rima Makarem, presiding, has the casting vote." in text
    assert "no vote should be taken" in text
    general = worked_example(item_6_4_room(), ICB_FIXTURE_RULES)
    assert "Now, the meeting is quorate: 12 voting members present, 10 needed." in general
    assert "no vote should be taken" not in general


def test_worked_example_says_a_conflicted_chair_has_no_casting_vote() -> None:
    state = RoomState(
        ICB, frozenset(range(1, 15)), declarations=(declared(1, DeclarationConduct.WITHDREW),), presiding_id=1
    )
    assert "Dr Rima Makarem, presiding, is conflicted on this item and has no casting vote." in worked_example(
        state, NHS_BOARD, ITEM
    )


# -- who may vote -----------------------------------------------------------------------------------------------


def test_eligible_voters_follow_flag_deputies_and_conflicts() -> None:
    people = (
        *people_of(5),
        Person(6, 1, "Participant", tier=Tier.PARTICIPANT, voting=False),
        Person(7, 1, "Deputy", voting=False),
    )
    state = RoomState(
        people,
        frozenset({1, 2, 3, 6, 7}),
        deputising={7: 5},
        declarations=(
            declared(2, DeclarationConduct.REMAINED_NO_PART),
            declared(3, DeclarationConduct.REMAINED_TOOK_PART),
        ),
    )
    assert [p.id for p in eligible_voters(state, RuleSet(deputies_may_vote=True), ITEM)] == [1, 3, 7]
    assert [p.id for p in eligible_voters(state, RuleSet(deputies_may_vote=False), ITEM)] == [1, 3]
    assert [p.id for p in eligible_voters(state, RuleSet(deputies_may_vote=False))] == [1, 2, 3]


def test_declaration_warnings_name_conduct_looser_than_the_rules() -> None:
    people = people_of(4)
    state = RoomState(
        people,
        frozenset(range(1, 5)),
        declarations=(
            Declaration(None, ITEM, 1, "shares", "financial"),
            Declaration(None, ITEM, 2, "GP partner", "non-financial professional"),
            Declaration(None, ITEM, 3, "shares", "financial", DeclarationConduct.WITHDREW),
        ),
    )
    assert declaration_warnings(state, NHS_BOARD, ITEM) == (
        "Member 1 declared a financial interest; the rules say that means leaving the room, "
        "but they are recorded as staying.",
        "Member 2 declared a non-financial professional interest; the rules say that bars voting, "
        "so they are not counted as eligible to vote on this item.",
    )


def test_recorded_vote_required() -> None:
    rules = RuleSet(recorded_vote_requesters=3, recorded_vote_topics=("budget",))
    assert recorded_vote_required(rules, "Revenue Budget 2024/25")
    assert not recorded_vote_required(rules, "Green Plan", requesters=2)
    assert recorded_vote_required(rules, "Green Plan", requesters=3)
    assert not recorded_vote_required(RuleSet(recorded_vote_on_request=False), "Green Plan", requesters=9)


# -- tally ------------------------------------------------------------------------------------------------------


def test_simple_majority_ignores_abstentions() -> None:
    result = tally(5, 4, 3, 0, RuleSet(), 12)
    assert result.outcome is TallyOutcome.CARRIED
    assert (result.base, result.needed) == (9, 5)
    assert result.explanation == (
        "Carried: 5 for, 4 against, 3 abstentions; 5 needed (more than half of 9 votes cast)."
    )
    counted = tally(5, 4, 3, 0, RuleSet(abstentions=Abstentions.VOTES_CAST), 12)
    assert counted.outcome is TallyOutcome.LOST and counted.needed == 7


def test_tie_then_casting_vote() -> None:
    tied = tally(4, 4, 1, 0, RuleSet(), 9)
    assert tied.outcome is TallyOutcome.TIED and tied.casting_vote_available
    assert tally(4, 4, 1, 0, RuleSet(), 9, casting=Ballot.FOR).outcome is TallyOutcome.CARRIED
    lost = tally(4, 4, 1, 0, RuleSet(), 9, casting=Ballot.AGAINST)
    assert lost.outcome is TallyOutcome.LOST and lost.by_casting_vote
    declined = tally(4, 4, 1, 0, RuleSet(), 9, casting=Ballot.ABSTAIN)
    assert declined.outcome is TallyOutcome.LOST and not declined.by_casting_vote


def test_tie_without_a_casting_vote_follows_the_rules() -> None:
    no_casting = RuleSet(casting_vote=CastingVote.NONE)
    assert tally(3, 3, 0, 0, no_casting, 6).explanation == (
        "Lost on a tie: 3 for, 3 against, 0 abstentions; no casting vote (the rules give none)."
    )
    undecided = RuleSet(casting_vote=CastingVote.NONE, tie_without_casting_vote=TieOutcome.NO_DECISION)
    assert tally(3, 3, 0, 0, undecided, 6).outcome is TallyOutcome.NO_DECISION


def test_conflicted_chair_has_no_casting_vote() -> None:
    result = tally(3, 3, 0, 0, RuleSet(), 6, presiding_conflicted=True)
    assert result.outcome is TallyOutcome.LOST and not result.casting_vote_available
    with pytest.raises(TallyError, match="no casting vote can be given: the person presiding is conflicted"):
        tally(3, 3, 0, 0, RuleSet(), 6, casting=Ballot.FOR, presiding_conflicted=True)
    allowed = RuleSet(casting_vote_if_conflicted=True)
    assert tally(3, 3, 0, 0, allowed, 6, casting=Ballot.FOR, presiding_conflicted=True).by_casting_vote


def test_casting_vote_only_on_a_tie() -> None:
    with pytest.raises(TallyError, match=r"only given on a tie, and this vote is not tied \(4 for, 3 against"):
        tally(4, 3, 0, 0, RuleSet(), 7, casting=Ballot.FOR)


def test_everyone_abstaining_is_lost_not_tied() -> None:
    assert tally(0, 0, 5, 0, RuleSet(), 5).outcome is TallyOutcome.LOST


TWO_THIRDS = {"majority_fraction": 2 / 3, "majority_comparison": MajorityComparison.AT_LEAST}


@pytest.mark.parametrize(
    ("votes", "base", "in_post", "outcome", "needed"),
    [
        ((10, 5, 2, 0), MajorityBase.PRESENT_AND_VOTING, None, TallyOutcome.CARRIED, 10),  # 10 of 15 cast
        ((9, 5, 3, 0), MajorityBase.PRESENT_AND_VOTING, None, TallyOutcome.LOST, 10),  # 9 of 14 cast
        ((12, 4, 2, 0), MajorityBase.PRESENT, None, TallyOutcome.CARRIED, 12),  # 12 of 18 present
        ((11, 4, 2, 1), MajorityBase.PRESENT, None, TallyOutcome.LOST, 12),  # 11 of 18 present
        ((14, 2, 0, 0), MajorityBase.IN_POST, 21, TallyOutcome.CARRIED, 14),  # 14 of 21 in post
        ((13, 3, 0, 0), MajorityBase.IN_POST, 21, TallyOutcome.LOST, 14),
        ((5, 5, 0, 0), MajorityBase.PRESENT_AND_VOTING, None, TallyOutcome.LOST, 7),  # equal: lost, not tied
    ],
)
def test_two_thirds_majority_boundaries(
    votes: tuple[int, int, int, int], base: MajorityBase, in_post: int | None, outcome: TallyOutcome, needed: int
) -> None:
    rules = RuleSet(majority_base=base, **TWO_THIRDS)  # type: ignore[arg-type]
    result = tally(*votes, rules, sum(votes), in_post=in_post)
    assert (result.outcome, result.needed) == (outcome, needed)


def test_in_post_base_needs_the_number_in_post() -> None:
    rules = RuleSet(majority_base=MajorityBase.IN_POST)
    with pytest.raises(TallyError, match="give in_post"):
        tally(5, 1, 0, 0, rules, 6)
    with pytest.raises(TallyError, match="cannot be fewer than the 6 eligible members present"):
        tally(5, 1, 0, 0, rules, 6, in_post=5)


def test_simple_majority_of_those_present_can_be_tied() -> None:
    rules = RuleSet(majority_base=MajorityBase.PRESENT)
    assert tally(5, 5, 1, 0, rules, 11).outcome is TallyOutcome.TIED  # a casting vote makes 6 of 11
    assert tally(5, 5, 3, 0, rules, 13).outcome is TallyOutcome.LOST  # even 6 would not be more than 6.5


def test_arithmetic_errors_name_the_discrepancy() -> None:
    with pytest.raises(TallyError) as short:
        tally(6, 4, 2, 0, RuleSet(), 14)
    assert str(short.value) == "12 votes recorded but 14 eligible members are present: 2 unaccounted for"
    with pytest.raises(TallyError) as over:
        tally(9, 4, 2, 1, RuleSet(), 14)
    assert str(over.value) == "16 votes recorded but only 14 eligible members are present: 2 too many"
    with pytest.raises(TallyError) as single:
        tally(0, 0, 0, 0, RuleSet(), 1)
    assert str(single.value) == "0 votes recorded but 1 eligible member is present: 1 unaccounted for"


@pytest.mark.parametrize("position", range(5))
def test_negative_numbers_are_rejected(position: int) -> None:
    numbers = [3, 2, 1, 0, 6]
    numbers[position] = -1
    with pytest.raises(TallyError, match="cannot be negative"):
        tally(numbers[0], numbers[1], numbers[2], numbers[3], RuleSet(), numbers[4])


def test_tally_error_is_a_value_error() -> None:
    assert issubclass(TallyError, ValueError)


# -- properties -------------------------------------------------------------------------------------------------

rule_sets = st.builds(
    RuleSet,
    quorum_number=st.one_of(st.none(), st.integers(1, 12)),
    quorum_fraction=st.sampled_from([0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1.0]),
    quorum_rounding=st.sampled_from(QuorumRounding),
    deputies_count=st.booleans(),
    deputies_may_vote=st.booleans(),
    conflicted_count_for_quorum=st.booleans(),
    majority_fraction=st.sampled_from([0.5, 0.6, 2 / 3, 0.75]),
    majority_comparison=st.sampled_from(MajorityComparison),
    majority_base=st.sampled_from(MajorityBase),
    abstentions=st.sampled_from(Abstentions),
    casting_vote=st.sampled_from(CastingVote),
    casting_vote_if_conflicted=st.booleans(),
    tie_without_casting_vote=st.sampled_from(TieOutcome),
)
TAGS = ["chair", "vice-chair", "executive", "non-executive", "partner"]


@st.composite
def rooms(draw: st.DrawFn) -> RoomState:
    size = draw(st.integers(1, 25))
    people = tuple(
        Person(
            i,
            1,
            f"P{i}",
            voting=draw(st.booleans()) if i > 1 else True,
            role_tags=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True))),
        )
        for i in range(1, size + 1)
    )
    present = frozenset(draw(st.sets(st.integers(1, size))))
    deputy_pairs = draw(st.dictionaries(st.integers(1, size), st.integers(1, size), max_size=4))
    conducts = st.sampled_from(DeclarationConduct)
    declarations = tuple(
        Declaration(None, draw(st.sampled_from([ITEM, OTHER_ITEM])), pid, "x", "", draw(conducts))
        for pid in draw(st.sets(st.integers(1, size), max_size=6))
    )
    return RoomState(people, present, {d: p for d, p in deputy_pairs.items() if d != p}, declarations)


@settings(max_examples=300, deadline=None)
@given(rooms(), rule_sets, st.booleans())
def test_adding_a_present_voting_member_never_loses_quorum(state: RoomState, rules: RuleSet, with_roles: bool) -> None:
    if with_roles:  # the issue asks for rules without role requirements; with them it holds too
        rules = rules_from_dict(rules_to_dict(rules) | {"required_roles": [{"any_of": ["chair", "vice-chair"]}]})
    barred_on_item = {
        d.person_id for d in state.declarations if d.item_id == ITEM and d.conduct != "remained_took_part"
    }
    deputised = set(state.deputising.values())
    for item in (None, ITEM):
        before = quorum(state, rules, item)
        for person in state.people:
            if not person.voting or person.id in state.present or person.id in deputised:
                continue
            if item is not None and person.id in barred_on_item:
                continue
            after = quorum(
                RoomState(state.people, state.present | {person.id or 0}, state.deputising, state.declarations),
                rules,
                item,
            )
            assert after.counted >= before.counted
            if before.quorate:
                assert after.quorate


@settings(max_examples=300, deadline=None)
@given(rooms(), rule_sets)
def test_a_withdrawn_member_never_counts_toward_the_item_vote(state: RoomState, rules: RuleSet) -> None:
    withdrawn = {
        d.person_id
        for d in state.declarations
        if d.item_id == ITEM and d.conduct in (DeclarationConduct.WITHDREW, DeclarationConduct.REMAINED_NO_PART)
    }
    voters = {p.id for p in eligible_voters(state, rules, ITEM)}
    assert not voters & withdrawn
    if not rules.conflicted_count_for_quorum:
        assert not {p.id for p in quorum(state, rules, ITEM).counted_people} & withdrawn
    assert voters <= state.present


@settings(max_examples=500, deadline=None)
@given(
    st.integers(-2, 12),
    st.integers(-2, 12),
    st.integers(-2, 6),
    st.integers(-2, 4),
    rule_sets,
    st.integers(-1, 30),
    st.one_of(st.none(), st.sampled_from(Ballot)),
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 40)),
)
def test_tallies_add_up_or_raise_and_casting_votes_only_break_ties(
    for_: int,
    against: int,
    abstain: int,
    did_not_vote: int,
    rules: RuleSet,
    eligible: int,
    casting: Ballot | None,
    conflicted: bool,
    in_post: int | None,
) -> None:
    try:
        result = tally(for_, against, abstain, did_not_vote, rules, eligible, casting, conflicted, in_post=in_post)
    except TallyError:
        return
    assert min(for_, against, abstain, did_not_vote) >= 0
    assert for_ + against + abstain + did_not_vote == eligible
    if result.by_casting_vote:
        assert for_ == against
        assert casting in (Ballot.FOR, Ballot.AGAINST)
        assert rules.casting_vote is CastingVote.CHAIR
        assert not conflicted or rules.casting_vote_if_conflicted
    if result.outcome is TallyOutcome.TIED:
        assert for_ == against and casting is None
    if result.outcome is TallyOutcome.CARRIED:
        assert for_ > 0
        if not result.by_casting_vote:
            assert for_ >= result.needed
            if rules.is_simple_majority:
                assert for_ > against
        else:
            assert casting is Ballot.FOR
    if result.outcome is TallyOutcome.LOST and not result.by_casting_vote and for_ != against:
        assert for_ < result.needed


@settings(max_examples=200, deadline=None)
@given(rule_sets, st.lists(st.text(max_size=20), max_size=3))
def test_any_rule_set_round_trips(rules: RuleSet, assumptions: list[str]) -> None:
    rules = rules_from_dict(rules_to_dict(rules) | {"assumptions": assumptions})
    assert rules_from_dict(rules_to_dict(rules)) == rules


# -- conflict suggestions ---------------------------------------------------------------------------------------

# Rows from the register of interests in icb-board-pack-2023-09-29.txt (L73-L162), as printed.
REGISTER = (
    InterestEntry(3, "Michael Bracey", "Chief Executive, Milton Keynes Council",
                  "Employee of Milton Keynes City Council", non_financial_professional=True,
                  date_from="2009", date_to="Ongoing", mitigation="None required"),
    InterestEntry(4, "Laura Church", "Chief Executive, Bedford Borough Council",
                  "Bedford Borough Council, Commissioner of Public Health and Social Care Functions",
                  non_financial_professional=True, date_from="05/10/2021", date_to="Ongoing",
                  mitigation="Declare in line with conflicts of interest policy"),
    InterestEntry(4, "Laura Church", "Chief Executive, Bedford Borough Council",
                  "East of England Local Government Association - Chief Executive lead on health inequalities",
                  non_financial_personal=True, date_from="01/12/2021", date_to="Ongoing"),
    InterestEntry(5, "Marcel Colfait", "Chief Executive, Central Bedfordshire Council",
                  "I am the Chief Executive of Central Bedfordshire Council which is an may be commissioned to work "
                  "on behalf of the ICB", non_financial_professional=True, date_from="01/11/2020", date_to="Ongoing"),
    InterestEntry(1, "Rima Makarem", "Chair, Bedfordshire, Luton and Milton Keynes Integrated Care Board",
                  "Chair of Sue Ryder (non remunerated)", financial=True, date_from="01/05/2021", date_to="Ongoing"),
    InterestEntry(1, "Rima Makarem", "Chair, Bedfordshire, Luton and Milton Keynes Integrated Care Board",
                  "Trustee of LifeArc", financial=True, date_from="June 2023", date_to="Ongoing"),
    InterestEntry(7, "Manjeet Gill", "Non Executive Member",
                  "Managing Director, Chameleon Commercial Services Ltd, 12 St Johns Rd, LE2 2BL", financial=True),
    InterestEntry(13, "Maresh Shah", "Partner Member",
                  "AP Sampson Ltd t/a The Mall Pharmacy, Unit 3, 46-48 George Street, Luton LU1 2AZ, co no 00435961, "
                  "community pharmacy", financial=True),
    InterestEntry(12, "Robin Porter", "Chief Executive, Luton Borough Council",
                  "Chief Executive of Luton Council, an ICB Partner organisation", financial=True),
    InterestEntry(20, "Alison Borrett", "Non Executive Member", ""),  # "No" interests: nothing to match
)  # fmt: skip

ITEM_6_4_PAPER = """Item: 6.4 Section 75 Agreements
1.1 This paper presents to the Board of the Integrated Care Board in Public, the 2023/24 Section 75 agreements:
1. Better Care Fund and Learning Disabilities S75 for Milton Keynes City Council for approval.
2. Better Care Fund S75 for Bedford Borough Council for approval.
3. Better Care Fund and Personal Health Budgets S75 for Central Bedfordshire Council for approval.
4.2 We are proposing three S75 agreement between MKCC and BLMK ICB for 2023/24 for BCF, Learning Disabilities and
Community Equipment Services in line with previous years."""


def test_section_75_suggests_the_three_council_chief_executives() -> None:
    suggestions = suggest_conflicts(REGISTER, "Section 75 Agreements", ITEM_6_4_PAPER, ignore_words=("BLMK", "ICB"))
    assert {s.person_name for s in suggestions} == {"Michael Bracey", "Laura Church", "Marcel Colfait"}
    by_name = {s.person_name: s for s in suggestions}
    assert by_name["Michael Bracey"].matched == ("Milton Keynes City Council",)
    assert by_name["Michael Bracey"].entry is REGISTER[0]
    assert by_name["Laura Church"].matched == ("Bedford Borough Council",)
    assert by_name["Laura Church"].entry is REGISTER[1]  # the council row, not the LGA one
    assert by_name["Marcel Colfait"].matched == ("Central Bedfordshire Council",)
    assert "matches Michael Bracey's registered interest: Employee of Milton Keynes City Council" in (
        by_name["Michael Bracey"].reason
    )
    assert [s.strength for s in suggestions] == sorted((s.strength for s in suggestions), reverse=True)
    assert not any(s.in_title for s in suggestions)


def test_a_name_in_the_title_is_stronger() -> None:
    paper_only = suggest_conflicts(REGISTER, "Charity partnerships", "A grant from LifeArc for research.")
    in_title = suggest_conflicts(REGISTER, "LifeArc research grant", "A grant for research.")
    assert paper_only == ()  # a lone word in the paper is too weak to prompt
    assert [s.person_name for s in in_title] == ["Rima Makarem"]
    assert in_title[0].in_title and in_title[0].matched == ("LifeArc",)


def test_an_unrelated_item_suggests_nobody() -> None:
    paper = (
        "The Green Plan sets out how the NHS Integrated Care Board will reduce carbon emissions from estates, "
        "travel and medicines. Board members are asked to note progress; the trust and council partners support it."
    )
    assert suggest_conflicts(REGISTER, "Green Plan Update", paper) == ()


def test_generic_words_alone_never_suggest() -> None:
    paper = "Chief Executive, Non Executive Member, Council, NHS Trust, Board, Partner Member, community pharmacy"
    assert suggest_conflicts(REGISTER, "Board member update", paper) == ()


def test_an_organisation_name_in_a_paper_prompts_its_member() -> None:
    paper = "The contract for community pharmacy services includes The Mall Pharmacy in George Street, Luton."
    suggestions = suggest_conflicts(REGISTER, "Community Pharmacy Contracts", paper)
    assert [s.person_name for s in suggestions] == ["Maresh Shah"]
    assert suggestions[0].matched[0] == "Mall Pharmacy"


def test_a_deputy_arriving_in_their_own_right_leaves_the_seat_to_the_other_deputy() -> None:
    """The counterexample Hypothesis found: a non-voting chair deputises for P1, and P2 (a voting member) is
    also one of P1's deputies. P2 arriving sits in their own seat; the chair must keep P1's, so the meeting
    stays quorate and keeps its chair."""
    people = (
        Person(1, 1, "P1", voting=True),
        Person(2, 1, "P2", voting=True),
        Person(3, 1, "P3", voting=False, role_tags=("chair",)),
    )
    rules = RuleSet(quorum_number=1, quorum_fraction=None, required_roles=({"any_of": ["chair", "vice-chair"]},))
    deputising = {2: 1, 3: 1}  # P2 and P3 may both stand in for P1
    before = quorum(RoomState(people, frozenset({3}), deputising), rules)
    after = quorum(RoomState(people, frozenset({2, 3}), deputising), rules)
    assert before.quorate and before.counted == 1
    assert after.quorate, after.reasons
    assert after.counted == 2
    assert {p.name for p in after.counted_people} == {"P2", "P3"}


def test_a_body_without_a_quorum_rule_is_always_quorate() -> None:
    people = tuple(Person(i, 1, f"P{i}") for i in range(1, 11))
    rules = RuleSet(has_quorum=False)
    result = quorum(RoomState(people, frozenset({1})), rules)
    assert result.quorate and result.threshold == 0
    assert result.summary == "no quorum is set: 1 voting member present"
    assert "There is no quorum" in describe_quorum(rules)


def test_a_special_resolution_needs_the_special_majority_and_is_known_by_its_wording() -> None:
    from app.domain.rules import is_special_resolution

    assert is_special_resolution("That, as a special resolution, the articles be amended.")
    assert is_special_resolution("Special resolution 2: That the name be changed.")
    assert is_special_resolution("SPECIAL RESOLUTION – That the club be wound up.")
    assert not is_special_resolution("That the special resolution passed in 2019 be revoked.")
    assert not is_special_resolution("That the accounts be adopted.")
    rules = RuleSet(quorum_number=3, quorum_fraction=None)  # simple majority; special resolutions three quarters
    assert tally(9, 4, 1, 0, rules, 14).outcome is TallyOutcome.CARRIED
    lost = tally(9, 4, 1, 0, rules, 14, special=True)
    assert lost.outcome is TallyOutcome.LOST and lost.needed == 10 and lost.special
    assert "10 needed (at least three quarters of 13 votes cast, a special resolution)" in lost.explanation
    assert tally(3, 1, 0, 0, rules, 4, special=True).outcome is TallyOutcome.CARRIED  # exactly three quarters
    assert tally(2, 2, 0, 0, rules, 4, special=True).outcome is TallyOutcome.LOST  # no casting vote: not a tie
    two_thirds = RuleSet(quorum_number=3, quorum_fraction=None, special_majority_fraction=2 / 3)
    assert tally(2, 1, 0, 0, two_thirds, 3, special=True).outcome is TallyOutcome.CARRIED
