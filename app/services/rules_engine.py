"""Quorum, eligibility, vote arithmetic and conflict prompts under a body's own rules.

Pure functions over frozen values: no Qt, no SQL, no I/O. Quorum is a property of a moment and of an item
(DOMAIN.md section 4), so every question takes the room as it is now (`RoomState`) and, optionally, the item
being decided. Fast enough to run on every keystroke: quorum for 40 people takes well under a millisecond.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from fractions import Fraction

from rapidfuzz import fuzz, process

from app.domain.model import Attendance, Ballot, Declaration, DeclarationConduct, Person, Presence, Tier
from app.domain.rules import (
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
    describe_majority,
    describe_quorum,
    fraction_words,
    normalise_tag,
    quorum_noun,
)


class TallyError(ValueError):
    """The votes as entered cannot be right; the message names the discrepancy."""


class TallyOutcome(enum.StrEnum):
    CARRIED = "carried"
    LOST = "lost"
    TIED = "tied"  # waiting for the person presiding to give (or decline) a casting vote
    NO_DECISION = "no_decision"  # a tie the rules leave undecided


@dataclass(frozen=True, slots=True)
class RoomState:
    """Who is in the room now.

    `people` holds the body's people and anyone deputising (a deputy must be listed to be counted).
    `deputising` maps a deputy's id to the id of the member they stand in for. `declarations` are the
    declarations made so far, on any item. `on` is the meeting date, used to leave out people whose term
    has not begun or has ended.
    """

    people: tuple[Person, ...]
    present: frozenset[int]
    deputising: Mapping[int, int] = field(default_factory=dict)
    declarations: tuple[Declaration, ...] = ()
    presiding_id: int | None = None
    on: date | None = None

    @classmethod
    def from_attendance(
        cls,
        people: Iterable[Person],
        attendance: Iterable[Attendance],
        declarations: Iterable[Declaration] = (),
        *,
        at: time | None = None,
        presiding_id: int | None = None,
        on: date | None = None,
    ) -> RoomState:
        """The room at time `at` (or with everyone recorded present, if None), from the attendance rows."""
        present: set[int] = set()
        deputising: dict[int, int] = {}
        for row in attendance:
            if row.presence != Presence.PRESENT:
                continue  # apologies, absent, or "deputised" (the member is away and someone stands in)
            if at is not None and (
                (row.arrived_at is not None and at < row.arrived_at) or (row.left_at is not None and at >= row.left_at)
            ):
                continue
            present.add(row.person_id)
            if row.deputy_for_id is not None:
                deputising[row.person_id] = row.deputy_for_id
        return cls(tuple(people), frozenset(present), deputising, tuple(declarations), presiding_id, on)


@dataclass(frozen=True, slots=True)
class QuorumResult:
    quorate: bool
    counted: int  # people counting towards the quorum (on the item, if one was given)
    threshold: int
    in_post: int  # members in post whose number the quorum fraction is taken of
    present: int  # seats filled before anyone was left out for a conflict
    missing_roles: tuple[str, ...]  # phrases such as "no non-executive member present"
    counted_people: tuple[Person, ...]
    deputies_counted: tuple[Person, ...]
    conflicted_not_counted: tuple[Person, ...]
    reasons: tuple[str, ...]  # reasons[0] is the headline, e.g. "inquorate: 9 voting members present, 10 needed"

    @property
    def summary(self) -> str:
        return self.reasons[0]


@dataclass(frozen=True, slots=True)
class TallyResult:
    outcome: TallyOutcome
    votes_for: int
    votes_against: int
    abstentions: int
    did_not_vote: int
    eligible: int
    base: int  # what the majority is measured against
    needed: int  # votes for needed to carry
    casting_vote_available: bool
    by_casting_vote: bool
    explanation: str
    special: bool = False  # measured as a special resolution


@dataclass(frozen=True, slots=True)
class ConflictSuggestion:
    """A prompt that a member may have an interest in an item. Never decisive: the member declares."""

    entry: InterestEntry  # the register row that triggered it
    matched: tuple[str, ...]  # words from the register entry found in the item, as the register writes them
    in_title: bool
    strength: float  # 0 to 1, for ordering; not a probability
    reason: str

    @property
    def person_id(self) -> int | None:
        return self.entry.person_id

    @property
    def person_name(self) -> str:
        return self.entry.person_name


# -- thresholds ------------------------------------------------------------------------------------------------


def _exact(value: float) -> Fraction:
    return Fraction(value).limit_denominator(1000)


def quorum_threshold(rules: RuleSet, in_post: int) -> int:
    """How many must be present: the greater of the fixed number and the rounded fraction, and at least 1."""
    candidates = [1]
    if rules.quorum_number is not None:
        candidates.append(rules.quorum_number)
    if rules.quorum_fraction is not None:
        share = _exact(rules.quorum_fraction) * in_post
        rounded = {
            QuorumRounding.UP: math.ceil(share),
            QuorumRounding.DOWN: math.floor(share),
            QuorumRounding.NEAREST: math.floor(share + Fraction(1, 2)),
            QuorumRounding.MORE_THAN: math.floor(share) + 1,
        }[rules.quorum_rounding]
        candidates.append(rounded)
    return max(candidates)


def votes_needed(rules: RuleSet, base: int, special: bool = False) -> int:
    """Votes for needed to carry a motion (a special resolution, with `special`) measured against `base`; never
    fewer than one."""
    fraction = rules.special_majority_fraction if special else rules.majority_fraction
    share = _exact(fraction) * base
    if not special and rules.majority_comparison is MajorityComparison.MORE_THAN:
        return max(1, math.floor(share) + 1)
    return max(1, math.ceil(share))


# -- who is where ----------------------------------------------------------------------------------------------


def _in_post(person: Person, on: date | None) -> bool:
    if person.retired or person.id is None:
        return False
    if on is None:
        return True
    return (person.term_from is None or person.term_from <= on) and (person.term_to is None or on <= person.term_to)


def members_in_post(state: RoomState, rules: RuleSet) -> tuple[Person, ...]:
    """The members whose number the quorum fraction is taken of, present or not."""
    if rules.quorum_counts is QuorumCounts.VOTING_MEMBERS:
        return tuple(p for p in state.people if p.voting and _in_post(p, state.on))
    return tuple(p for p in state.people if (p.voting or p.tier == Tier.MEMBER) and _in_post(p, state.on))


def voting_members_in_post(state: RoomState) -> tuple[Person, ...]:
    return tuple(p for p in state.people if p.voting and _in_post(p, state.on))


def _barred_ids(state: RoomState, rules: RuleSet, item_id: int | None) -> frozenset[int]:
    """People barred from the item's decision by an interest they declared on it.

    Barred when they withdrew or took no part, or when the rules for the kind declared forbid voting. The
    rules win over a recorded "took part", because the default conduct is "took part" and an unedited
    declaration must not let a conflicted member vote; `declaration_warnings` reports the mismatch.
    """
    if item_id is None:
        return frozenset()
    barred = set()
    for declaration in state.declarations:
        if declaration.item_id != item_id:
            continue
        rule = rules.interest_rule_for(declaration.kind)
        took_no_part = declaration.conduct in (DeclarationConduct.WITHDREW, DeclarationConduct.REMAINED_NO_PART)
        if took_no_part or (rule is not None and not rule.may_vote):
            barred.add(declaration.person_id)
    return frozenset(barred)


def _seats(state: RoomState, members: Sequence[Person], deputies_allowed: bool) -> list[tuple[Person, Person]]:
    """(member, occupant) for each member present in person or, if allowed, through a present deputy.

    One person fills one seat: a member deputising for another still counts once.
    """
    by_id = {p.id: p for p in state.people if p.id is not None}
    seats: list[tuple[Person, Person]] = []
    used: set[int] = set()
    absent: list[Person] = []
    for member in members:
        if member.id is None:  # not yet saved, so cannot be in the room
            continue
        if member.id in state.present:
            seats.append((member, member))
            used.add(member.id)
        else:
            absent.append(member)
    if deputies_allowed and absent:
        # Every present deputy of a member is a candidate: one already seated in their own right (or for another
        # member) leaves the seat to the next, so that someone arriving never unseats a deputy already counted.
        deputies_of: dict[int, list[int]] = {}
        for deputy_id, principal_id in sorted(state.deputising.items()):
            if deputy_id in state.present and deputy_id in by_id:
                deputies_of.setdefault(principal_id, []).append(deputy_id)
        for member in absent:
            candidates = deputies_of.get(member.id, []) if member.id is not None else []
            stand_in = next((d for d in candidates if d not in used), None)
            if stand_in is not None:
                seats.append((member, by_id[stand_in]))
                used.add(stand_in)
    return seats


def _seat_tags(member: Person, occupant: Person) -> frozenset[str]:
    # A counted deputy stands in the member's place, so carries the member's roles as well as their own.
    return frozenset(normalise_tag(t) for t in (*member.role_tags, *occupant.role_tags))


def _role_shortfalls(
    requirements: Sequence[RoleRequirement], seats: Sequence[tuple[Person, Person]]
) -> list[tuple[RoleRequirement, int]]:
    """(requirement, how many filled) for each requirement not met, one person filling at most one place."""
    slots = [index for index, req in enumerate(requirements) for _ in range(req.count)]
    seat_tags = [_seat_tags(m, o) for m, o in seats]
    candidates = [[s for s, tags in enumerate(seat_tags) if tags & requirements[r].tags] for r in slots]
    slot_of_seat: dict[int, int] = {}

    def assign(slot: int, seen: set[int]) -> bool:  # Kuhn's augmenting path: a handful of places, so cheap
        for seat in candidates[slot]:
            if seat in seen:
                continue
            seen.add(seat)
            if seat not in slot_of_seat or assign(slot_of_seat[seat], seen):
                slot_of_seat[seat] = slot
                return True
        return False

    for slot in range(len(slots)):
        assign(slot, set())
    filled = [0] * len(requirements)
    for slot in slot_of_seat.values():
        filled[slots[slot]] += 1
    return [(req, filled[i]) for i, req in enumerate(requirements) if filled[i] < req.count]


def _shortfall_phrase(requirement: RoleRequirement, filled: int) -> str:
    label = requirement.display_label
    if requirement.count == 1:
        return f"{label} not present" if label.startswith("the ") else f"no {label} present"
    return f"only {filled} of the {requirement.count} needed ({label}) present"


def _plural(count: int, noun: str) -> str:
    """ "3 members", "1 member", "1 deputy": `noun` is the plural."""
    if count != 1:
        return f"{count} {noun}"
    return f"{count} {noun[:-3] + 'y' if noun.endswith('ies') else noun.removesuffix('s')}"


def _names(people: Sequence[Person]) -> str:
    names = [p.name for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# -- quorum ----------------------------------------------------------------------------------------------------


def quorum(state: RoomState, rules: RuleSet, item_id: int | None = None) -> QuorumResult:
    """Whether the meeting is quorate now (on the item, if given), with the count, threshold and reasons."""
    members = members_in_post(state, rules)
    seats = _seats(state, members, rules.deputies_count)
    barred = _barred_ids(state, rules, item_id)
    counted: list[tuple[Person, Person]] = []
    conflicted: list[Person] = []
    for member, occupant in seats:
        if occupant.id in barred and not rules.conflicted_count_for_quorum:
            conflicted.append(occupant)
        else:
            counted.append((member, occupant))
    if not rules.has_quorum:
        return QuorumResult(
            quorate=True,
            counted=len(counted),
            threshold=0,
            in_post=len(members),
            present=len(seats),
            missing_roles=(),
            counted_people=tuple(occupant for _member, occupant in counted),
            deputies_counted=tuple(occupant for member, occupant in counted if occupant is not member),
            conflicted_not_counted=tuple(conflicted),
            reasons=(f"no quorum is set: {_plural(len(seats), quorum_noun(rules))} present",),
        )
    threshold = quorum_threshold(rules, len(members))
    shortfalls = _role_shortfalls(rules.required_roles, counted)
    missing = tuple(_shortfall_phrase(req, filled) for req, filled in shortfalls)
    quorate = len(counted) >= threshold and not missing
    deputies = tuple(occupant for member, occupant in counted if occupant is not member)

    noun = quorum_noun(rules)
    if conflicted:
        count_phrase = f"{_plural(len(counted), noun)} count on this item ({len(seats)} present)"
    else:
        count_phrase = f"{_plural(len(counted), noun)} present"
    if deputies:
        count_phrase += f" (including {_plural(len(deputies), 'deputies')})"
    headline = f"{'quorate' if quorate else 'inquorate'}: {count_phrase}, {threshold} needed"
    if missing:
        headline += "; " + "; ".join(missing)
    reasons = [headline]
    if conflicted:
        verb = "is" if len(conflicted) == 1 else "are"
        reasons.append(f"{_names(conflicted)} {verb} not counted on this item because of a declared interest.")
    for member, occupant in counted:
        if occupant is not member:
            reasons.append(f"{occupant.name} counts as deputy for {member.name}.")
    if not rules.deputies_count:
        for deputy_id in sorted(state.deputising):
            deputy = next((p for p in state.people if p.id == deputy_id), None)
            if deputy is not None and deputy_id in state.present:
                reasons.append(f"{deputy.name} is deputising, but deputies do not count towards the quorum.")
    for requirement, _filled in shortfalls:
        blocked = [p for p in conflicted if requirement.tags & {normalise_tag(t) for t in p.role_tags}]
        if blocked:
            reasons.append(f"{_names(blocked)} would fill the place for {requirement.display_label} but is conflicted.")
    if threshold > len(members):
        reasons.append(
            f"The quorum of {threshold} is more than the {_plural(len(members), noun)} in post: "
            "the meeting cannot be quorate until places are filled or the rules change."
        )
    return QuorumResult(
        quorate=quorate,
        counted=len(counted),
        threshold=threshold,
        in_post=len(members),
        present=len(seats),
        missing_roles=missing,
        counted_people=tuple(occupant for _member, occupant in counted),
        deputies_counted=deputies,
        conflicted_not_counted=tuple(conflicted),
        reasons=tuple(reasons),
    )


def eligible_voters(state: RoomState, rules: RuleSet, item_id: int | None = None) -> tuple[Person, ...]:
    """Who may vote now: voting members in post and present (or their deputies, if the rules let deputies
    vote), less anyone barred by an interest declared on the item."""
    seats = _seats(state, voting_members_in_post(state), rules.deputies_may_vote)
    barred = _barred_ids(state, rules, item_id)
    return tuple(occupant for _member, occupant in seats if occupant.id not in barred)


def presiding_is_conflicted(state: RoomState, rules: RuleSet, item_id: int | None) -> bool:
    return state.presiding_id is not None and state.presiding_id in _barred_ids(state, rules, item_id)


def declaration_warnings(state: RoomState, rules: RuleSet, item_id: int) -> tuple[str, ...]:
    """Declarations on the item whose recorded conduct is looser than the rules for that kind of interest."""
    by_id = {p.id: p for p in state.people}
    warnings = []
    for declaration in state.declarations:
        if declaration.item_id != item_id:
            continue
        rule = rules.interest_rule_for(declaration.kind)
        if rule is None:
            continue
        person = by_id.get(declaration.person_id)
        name = person.name if person else f"person {declaration.person_id}"
        kind = declaration.kind.strip() or "an"
        if rule.must_leave and declaration.conduct != DeclarationConduct.WITHDREW:
            warnings.append(
                f"{name} declared a {kind} interest; the rules say that means leaving the room, "
                "but they are recorded as staying."
            )
        elif not rule.may_vote and declaration.conduct == DeclarationConduct.REMAINED_TOOK_PART:
            warnings.append(
                f"{name} declared a {kind} interest; the rules say that bars voting, "
                "so they are not counted as eligible to vote on this item."
            )
    return tuple(warnings)


def recorded_vote_required(rules: RuleSet, item_title: str, requesters: int = 0) -> bool:
    """Whether a named vote is due: enough members asked, or the item is on a topic always voted by name."""
    if rules.recorded_vote_on_request and requesters >= rules.recorded_vote_requesters:
        return True
    title = item_title.casefold()
    return any(topic.strip() and topic.strip().casefold() in title for topic in rules.recorded_vote_topics)


# -- tally -----------------------------------------------------------------------------------------------------


def tally(
    for_: int,
    against: int,
    abstain: int,
    did_not_vote: int,
    rules: RuleSet,
    eligible_count: int,
    casting: Ballot | None = None,
    presiding_conflicted: bool = False,
    *,
    in_post: int | None = None,
    special: bool = False,
) -> TallyResult:
    """Carried, lost or tied under the rules, after checking the votes add up to the eligible members present.

    `casting` is the presiding person's casting vote, given only on a tie: FOR or AGAINST, or ABSTAIN /
    DID_NOT_VOTE to decline it (the rules' tie outcome then applies). `in_post` is the number of voting
    members in post, needed only when the majority is measured against all members in post.
    """
    counts = {"votes for": for_, "votes against": against, "abstentions": abstain, "did not vote": did_not_vote}
    for label, value in (*counts.items(), ("eligible members", eligible_count)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TallyError(f"{label} must be a whole number (got {value!r})")
        if value < 0:
            raise TallyError(f"{label} cannot be negative (got {value})")
    recorded = for_ + against + abstain + did_not_vote
    if recorded != eligible_count:
        present = f"{_plural(eligible_count, 'eligible members')} {'is' if eligible_count == 1 else 'are'} present"
        if recorded < eligible_count:
            gap = eligible_count - recorded
            raise TallyError(f"{_plural(recorded, 'votes')} recorded but {present}: {gap} unaccounted for")
        raise TallyError(
            f"{_plural(recorded, 'votes')} recorded but only {present}: {recorded - eligible_count} too many"
        )

    if rules.majority_base is MajorityBase.PRESENT_AND_VOTING:
        base = for_ + against + (abstain if rules.abstentions is Abstentions.VOTES_CAST else 0)
        base_words = "votes cast"
    elif rules.majority_base is MajorityBase.PRESENT:
        base, base_words = eligible_count, "eligible members present"
    else:
        if in_post is None:
            raise TallyError("these rules measure the majority against all members in post: give in_post")
        if isinstance(in_post, bool) or not isinstance(in_post, int) or in_post < eligible_count:
            raise TallyError(
                f"in_post ({in_post!r}) cannot be fewer than the {eligible_count} eligible members present"
            )
        base, base_words = in_post, "voting members in post"
    needed = votes_needed(rules, base, special)
    casting_available = rules.casting_vote is CastingVote.CHAIR and (
        not presiding_conflicted or rules.casting_vote_if_conflicted
    )
    # A tie is an equality of votes that a casting vote could decide: only under a simple majority.
    simple = rules.is_simple_majority and not special
    tied = for_ == against and for_ > 0 and for_ < needed and simple and for_ + 1 >= needed
    more = rules.majority_comparison is MajorityComparison.MORE_THAN and not special
    share = "more than" if more else "at least"
    fraction = rules.special_majority_fraction if special else rules.majority_fraction
    figures = f"{for_} for, {against} against, {_plural(abstain, 'abstentions')}"
    if did_not_vote:
        figures += f", {did_not_vote} did not vote"
    kind = ", a special resolution" if special else ""
    rule_words = f"{needed} needed ({share} {fraction_words(fraction)} of {base} {base_words}{kind})"

    def result(outcome: TallyOutcome, by_casting: bool, explanation: str) -> TallyResult:
        return TallyResult(
            outcome=outcome,
            votes_for=for_,
            votes_against=against,
            abstentions=abstain,
            did_not_vote=did_not_vote,
            eligible=eligible_count,
            base=base,
            needed=needed,
            casting_vote_available=casting_available,
            by_casting_vote=by_casting,
            explanation=explanation,
            special=special,
        )

    if casting is not None and not tied:
        raise TallyError(f"a casting vote is only given on a tie, and this vote is not tied ({figures})")
    if not tied:
        carried = for_ >= needed
        outcome = TallyOutcome.CARRIED if carried else TallyOutcome.LOST
        return result(outcome, False, f"{'Carried' if carried else 'Lost'}: {figures}; {rule_words}.")
    tie_outcome = TallyOutcome.LOST if rules.tie_without_casting_vote is TieOutcome.LOST else TallyOutcome.NO_DECISION
    tie_words = "lost on a tie" if tie_outcome is TallyOutcome.LOST else "tied: no decision"
    if not casting_available:
        no_casting = rules.casting_vote is CastingVote.NONE
        why = "the rules give none" if no_casting else "the person presiding is conflicted on this item"
        if casting in (Ballot.FOR, Ballot.AGAINST):
            raise TallyError(f"no casting vote can be given: {why}")
        return result(tie_outcome, False, f"{tie_words.capitalize()}: {figures}; no casting vote ({why}).")
    if casting is None:
        return result(
            TallyOutcome.TIED, False, f"Tied: {figures}. The person presiding has a casting vote to give or decline."
        )
    if casting == Ballot.FOR:
        return result(TallyOutcome.CARRIED, True, f"Carried on the casting vote of the person presiding: {figures}.")
    if casting == Ballot.AGAINST:
        return result(TallyOutcome.LOST, True, f"Lost on the casting vote of the person presiding: {figures}.")
    return result(tie_outcome, False, f"{tie_words.capitalize()}: {figures}; the casting vote was not used.")


# -- conflict suggestions --------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CLAUSE_BREAK = re.compile(r"[,;:()\[\]/|.–—]|\s-\s|\n")
_STOPWORDS = _words(
    """a about also am an and any are as at be been being but by can could do does for from had has have he her
    him his i if in into is it its may me my no not of on or our ours per she so such than that the their them
    then there these they this those to too up us via was we were what when where which while who whom will with
    within would you your across after against all before between both during each four including five one over
    three through two under until upon without"""
)
# Words that name a kind of post, organisation or common subject rather than a particular one: they strengthen a
# name that has a distinctive word ("Northtown City Council") but never match on their own.
_GENERIC = _words(
    """academy accountable address advisor adviser agreement area associate association audit authority board
    borough care centre chair chairman chairperson chief city clinical co cic college commissioning committee
    community company consultancy consultant council county deputy digital director district east employee
    employed england equality executive expert financial forum foundation fund general government group head
    health hospital independent inequality integrated lead learning limited llp local ltd management manager
    medical meeting member mental multi national network nhs non north officer partner partnership plc policy
    position practice primary programme public region regional registered remunerated representative risk role
    royal school secretary senior service social society south state strategic strategy system team training
    transformation trust trustee uk university vice west work"""
)


def _stem(word: str) -> str:
    # Plurals only: "Councils" finds "council". Anything cleverer would merge names.
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class _Token:
    stem: str
    start: int
    end: int
    capitalised: bool


def _tokens(text: str) -> list[_Token]:
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if len(word) > 1:  # stray letters ("PHB's") would break phrases apart
            out.append(_Token(_stem(word.casefold()), match.start(), match.end(), word[0].isupper()))
    return out


def _kind_of(token: _Token, ignored: frozenset[str] = frozenset()) -> str:
    """stop, generic or distinctive. Only names are distinctive: capitalised words ("Northtown", "BioTrust") and
    long numbers (company numbers). Lower-case words ("provide", "equipment") only strengthen a name."""
    stem = token.stem
    if stem in _STOPWORDS:
        return "stop"
    if stem in _GENERIC or stem in ignored or len(stem) < 3:
        return "generic"
    if stem.isdigit():
        return "distinctive" if len(stem) >= 6 else "generic"
    return "distinctive" if token.capitalised else "generic"


class _ItemText:
    """The item title and paper as a token sequence, with an index from word to positions."""

    def __init__(self, title: str, paper: str) -> None:
        self.title_stems = [t.stem for t in _tokens(title)]
        self.stems = [*self.title_stems, *(t.stem for t in _tokens(paper))]
        self.positions: dict[str, list[int]] = {}
        for index, stem in enumerate(self.stems):
            self.positions.setdefault(stem, []).append(index)
        self.vocabulary = list(self.positions)
        self._resolved: dict[str, str | None] = {}

    def resolve(self, stem: str) -> str | None:
        """The item's spelling of a register word: exact, or close for long words ("Northtowns", typos)."""
        if stem in self.positions:
            return stem
        if stem not in self._resolved:
            found = None
            if len(stem) >= 6 and stem not in _GENERIC and stem not in _STOPWORDS:
                best = process.extractOne(stem, self.vocabulary, scorer=fuzz.ratio, score_cutoff=90)
                found = best[0] if best else None
            self._resolved[stem] = found
        return self._resolved[stem]

    def longest_match(self, words: Sequence[str | None]) -> int:
        """Length of the longest prefix of `words` found consecutively in the item."""
        first = words[0]
        if first is None:
            return 0
        best = 0
        for position in self.positions.get(first, ()):
            length = 1
            while (
                length < len(words)
                and position + length < len(self.stems)
                and words[length] == self.stems[position + length]
            ):
                length += 1
            best = max(best, length)
            if best == len(words):
                break
        return best

    def in_title(self, stems: Sequence[str]) -> bool:
        n = len(stems)
        return any(self.title_stems[i : i + n] == list(stems) for i in range(len(self.title_stems) - n + 1))


def _clauses(details: str) -> list[list[_Token]]:
    clauses, start = [], 0
    for match in _CLAUSE_BREAK.finditer(details + "\n"):
        tokens = [
            _Token(t.stem, t.start + start, t.end + start, t.capitalised)
            for t in _tokens(details[start : match.start()])
        ]
        if tokens:
            clauses.append(tokens)
        start = match.end()
    return clauses


def _word_weights(register: Sequence[InterestEntry]) -> dict[str, float]:
    """Inverse document frequency over people: a word in many people's entries says less about any one."""
    people: dict[object, set[str]] = {}
    for entry in register:
        key = entry.person_id if entry.person_id is not None else entry.person_name.casefold()
        people.setdefault(key, set()).update(t.stem for t in _tokens(entry.details))
    total = max(1, len(people))
    frequency: dict[str, int] = {}
    for words in people.values():
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    return {word: 1 + math.log(total / count) for word, count in frequency.items()}


def suggest_conflicts(
    register: Iterable[InterestEntry],
    item_title: str,
    paper_text: str = "",
    *,
    ignore_words: Iterable[str] = (),
    min_strength: float = 0.55,
) -> tuple[ConflictSuggestion, ...]:
    """Register entries whose organisations or other names appear in the item's title or paper.

    One suggestion per register row, strongest first. Strength grows with how rare the matched names are across
    the register, with longer matched names (a whole "Northtown Borough Council" beats "Northtown"), and with a match
    in the title. `ignore_words` are words that name the body itself (its acronym, "ICB"), found in every paper.
    A prompt only: the member declares.
    """
    entries = [e for e in register if e.details.strip()]
    if not entries:
        return ()
    ignored = frozenset(_stem(t.stem) for word in ignore_words for t in _tokens(word))
    weights = _word_weights(entries)
    item = _ItemText(item_title, paper_text)
    suggestions = []
    for entry in entries:
        phrases: dict[tuple[str, ...], tuple[float, str, bool]] = {}
        for clause in _clauses(entry.details):
            resolved = [item.resolve(t.stem) for t in clause]
            i = 0
            while i < len(clause):
                if _kind_of(clause[i], ignored) == "stop" or resolved[i] is None:
                    i += 1
                    continue
                length = item.longest_match(resolved[i:])
                if length == 0:
                    i += 1
                    continue
                span = clause[i : i + length]
                while span and _kind_of(span[-1], ignored) == "stop":
                    span = span[:-1]
                kinds = [_kind_of(t, ignored) for t in span]
                if "distinctive" in kinds:
                    score = sum(
                        weights.get(t.stem, 1.0) for t, k in zip(span, kinds, strict=True) if k == "distinctive"
                    )
                    score += kinds.count("generic")  # "Council", "Trust": a named organisation, not just a place
                    stems = tuple(t.stem for t in span)
                    title = item.in_title([r for r in resolved[i : i + len(span)] if r is not None])
                    if title:
                        score *= 2  # the item is about it
                    elif len(kinds) == 1:
                        score *= 0.6  # a lone word in the paper is weaker evidence than a name of two or more
                    text = entry.details[span[0].start : span[-1].end]
                    if not any(set(stems) <= set(other) for other in phrases):
                        phrases[stems] = (score, text, title)
                i += length
        if not phrases:
            continue
        ranked = sorted(phrases.values(), key=lambda p: p[0], reverse=True)
        score = ranked[0][0] + 0.25 * sum(p[0] for p in ranked[1:])
        strength = score / (score + 4)
        if strength < min_strength:
            continue
        matched = tuple(p[1] for p in ranked)
        in_title = any(p[2] for p in ranked)
        where = "the item title" if in_title else "the paper"
        quoted = ", ".join(f"“{m}”" for m in matched)
        reason = f"{quoted} in {where} matches {entry.person_name}'s registered interest: {entry.details.strip()}"
        suggestions.append(ConflictSuggestion(entry, matched, in_title, round(strength, 3), reason))
    suggestions.sort(key=lambda s: (-s.strength, s.entry.person_name))
    return tuple(suggestions)


# -- worked example --------------------------------------------------------------------------------------------


def worked_example(state: RoomState, rules: RuleSet, item_id: int | None = None) -> str:
    """A few sentences applying the rules to the room as it is, for the rule set editor."""
    result = quorum(state, rules, item_id)
    noun = quorum_noun(rules)
    where = "on this item" if item_id is not None else "now"
    quorum_line = f"With {_plural(result.in_post, noun)} in post, the quorum is {result.threshold}."
    sentences = [
        describe_quorum(rules),
        *([quorum_line] if rules.has_quorum else []),
        f"{where.capitalize()}, the meeting is {result.summary}." if rules.has_quorum else "",
        *result.reasons[1:],
    ]
    sentences = [s for s in sentences if s]
    voters = eligible_voters(state, rules, item_id)
    sentences.append(describe_majority(rules))
    if voters:
        in_post = len(voting_members_in_post(state))
        base = {
            MajorityBase.PRESENT_AND_VOTING: len(voters),
            MajorityBase.PRESENT: len(voters),
            MajorityBase.IN_POST: max(in_post, len(voters)),
        }[rules.majority_base]
        needed = votes_needed(rules, base)
        sentences.append(
            f"{_plural(len(voters), 'members')} may vote {where}; if all of them vote with no abstentions, "
            f"{needed} {'vote' if needed == 1 else 'votes'} for would carry a motion."
        )
    else:
        sentences.append(f"No one present may vote {where}.")
    if rules.casting_vote is CastingVote.CHAIR and state.presiding_id is not None:
        chair = next((p for p in state.people if p.id == state.presiding_id), None)
        if chair is not None:
            if presiding_is_conflicted(state, rules, item_id) and not rules.casting_vote_if_conflicted:
                sentences.append(f"{chair.name}, presiding, is conflicted on this item and has no casting vote.")
            else:
                sentences.append(f"On a tie, {chair.name}, presiding, has the casting vote.")
    if not result.quorate:
        sentences.append(
            "While inquorate, only adjourning, fixing a time to adjourn to or seeking a quorum is in order: "
            "no vote should be taken."
        )
    return " ".join(sentences)
