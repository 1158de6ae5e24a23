"""A body's standing orders on quorum, voting and conflicts of interest, as data.

Rules are data, not code (DOMAIN.md section 4): every field here is something a secretary can read in a
sentence and change in a dialog. The arithmetic that applies them lives in `app.services.rules_engine`.

No Qt, no SQL, no I/O; this module imports nothing from the rest of the app so that `model.py` can import it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from fractions import Fraction
from types import MappingProxyType
from typing import Any

RULES_SCHEMA = 1  # bumped when the JSON shape changes incompatibly


class QuorumRounding(enum.StrEnum):
    """How a fractional quorum becomes a whole number of people."""

    UP = "up"  # a third of 10 is 4
    DOWN = "down"  # a third of 10 is 3
    NEAREST = "nearest"  # the whole number nearest the fraction (halves round up): a third of 8 is 3
    MORE_THAN = "more_than"  # more than the fraction: "more than half" of 10 is 6, of 9 is 5


class QuorumCounts(enum.StrEnum):
    """Who counts towards the quorum, and whose number in post the fraction is taken of."""

    VOTING_MEMBERS = "voting_members"
    MEMBERS = "members"  # every member-tier person, voting or not (an associate member without a vote counts)


class MajorityBase(enum.StrEnum):
    """The number a majority is measured against."""

    PRESENT_AND_VOTING = "present_and_voting"  # votes cast
    PRESENT = "present"  # every eligible member present, voting or not
    IN_POST = "in_post"  # every voting member in post, present or not


class MajorityComparison(enum.StrEnum):
    MORE_THAN = "more_than"  # "more than half" (a simple majority)
    AT_LEAST = "at_least"  # "at least two thirds"


class Abstentions(enum.StrEnum):
    """Whether abstentions are votes cast, when the base is those present and voting."""

    NOT_VOTES_CAST = "not_votes_cast"
    VOTES_CAST = "votes_cast"  # they swell the base, so in effect they weigh against


class CastingVote(enum.StrEnum):
    CHAIR = "chair"  # the person presiding, whoever is in the chair for the item
    NONE = "none"


class TieOutcome(enum.StrEnum):
    """What a tie means when no casting vote is available or it is not used."""

    LOST = "lost"  # the motion falls
    NO_DECISION = "no_decision"  # nothing is decided; the matter comes back


class InterestKind(enum.StrEnum):
    """The kinds of interest registers and codes of conduct name. Bodies may use words of their own too."""

    FINANCIAL = "financial"
    NON_FINANCIAL_PROFESSIONAL = "non_financial_professional"
    NON_FINANCIAL_PERSONAL = "non_financial_personal"
    INDIRECT = "indirect"
    # English councils: Localism Act 2011 and the LGA Model Councillor Code of Conduct 2020.
    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary"
    OTHER_REGISTRABLE = "other_registrable"
    NON_REGISTRABLE = "non_registrable"


_SPECIAL = re.compile(r"^\s*(?:that\b[,\s]*)?(?:as\s+an?\s+)?special\s+resolution\b", re.IGNORECASE)


def is_special_resolution(wording: str) -> bool:
    """A motion worded as a special resolution: "That, as a special resolution, …", "Special resolution 1: That …"
    (how notices of general meetings word them). Its majority is the rules' special majority."""
    return _SPECIAL.match(wording) is not None


def normalise_tag(tag: str) -> str:
    """Role tags compare without case, spacing or hyphen differences: "Vice Chair" is "vice-chair"."""
    return re.sub(r"[\s_\-]+", "-", tag.strip().casefold())


def normalise_kind(kind: str) -> str:
    """Interest kinds compare the same way: "Non-Financial Professional interest" is non_financial_professional."""
    words = re.sub(r"[\s\-]+", "_", kind.strip().casefold())
    return words.removesuffix("_interests").removesuffix("_interest")


@dataclass(frozen=True, slots=True)
class RoleRequirement:
    """At least `count` of the people counted for quorum must hold one of the tags in `any_of`."""

    any_of: tuple[str, ...]
    count: int = 1
    label: str = ""  # a noun phrase for sentences, e.g. "chair or vice-chair"; defaults to the tags

    def __post_init__(self) -> None:
        object.__setattr__(self, "any_of", tuple(self.any_of))
        if not self.any_of or any(not isinstance(t, str) or not t.strip() for t in self.any_of):
            raise ValueError("a required role must name at least one role tag, and no tag may be blank")
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1:
            raise ValueError(f"a required role must be needed at least once (got count {self.count!r})")

    @property
    def display_label(self) -> str:
        return self.label.strip() or " or ".join(self.any_of)

    @property
    def tags(self) -> frozenset[str]:
        return frozenset(normalise_tag(t) for t in self.any_of)

    def describe(self) -> str:
        label = self.display_label
        if self.count == 1:
            return label if label.startswith("the ") else f"at least one {label}"
        return f"at least {self.count} of: {label}"


@dataclass(frozen=True, slots=True)
class InterestRule:
    """What a member with this kind of interest in an item may do on that item."""

    kind: str  # an InterestKind value or a body's own word; compared after normalise_kind
    may_speak: bool
    may_vote: bool
    must_leave: bool
    note: str = ""  # e.g. "unless granted a dispensation"

    def __post_init__(self) -> None:
        if not isinstance(self.kind, str) or not normalise_kind(self.kind):
            raise ValueError("an interest rule must name the kind of interest it applies to")
        object.__setattr__(self, "kind", str(self.kind))  # an InterestKind member becomes its plain value
        for name in ("may_speak", "may_vote", "must_leave"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"interest rule {self.kind!r}: {name} must be true or false")
        if self.must_leave and self.may_vote:
            raise ValueError(f"interest rule {self.kind!r}: a member who must leave the room cannot vote")

    def describe(self) -> str:
        kind = normalise_kind(self.kind).replace("non_", "non-").replace("_", " ")
        if self.must_leave:
            action = "may speak first, then must leave the room" if self.may_speak else "must leave the room"
        elif not self.may_vote:
            action = "may speak but not vote" if self.may_speak else "stays but takes no part"
        else:
            action = "may speak and vote after declaring it" if self.may_speak else "may vote but not speak"
        note = f" ({self.note})" if self.note else ""
        return f"{kind.capitalize()} interest: {action}{note}."


_ENUM_FIELDS: dict[str, type[enum.StrEnum]] = {
    "quorum_rounding": QuorumRounding,
    "quorum_counts": QuorumCounts,
    "majority_comparison": MajorityComparison,
    "majority_base": MajorityBase,
    "abstentions": Abstentions,
    "casting_vote": CastingVote,
    "tie_without_casting_vote": TieOutcome,
}


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A body's standing orders on quorum, voting and conflicts (DOMAIN.md sections 3 and 4).

    Constructing one validates it: a fraction above 1, a quorum of nought or a role needed zero times raise
    ValueError naming the field. Enum fields accept their string values, and `required_roles` accepts bare tags,
    so the JSON the placeholder class wrote still loads.
    """

    name: str = "Simple majority, quorum of one third"
    source: str = ""  # the standing orders, Act or model articles the rules follow
    # Quorum: the greater of quorum_number and the rounded fraction of members in post (either may be None).
    # has_quorum False: the body's terms of reference set no quorum (advisory groups); the numbers are ignored.
    has_quorum: bool = True
    quorum_number: int | None = None
    quorum_fraction: float | None = 1 / 3
    quorum_rounding: QuorumRounding = QuorumRounding.UP
    quorum_counts: QuorumCounts = QuorumCounts.VOTING_MEMBERS
    required_roles: tuple[RoleRequirement, ...] = ()
    deputies_count: bool = True  # a deputy present for an absent member counts towards the quorum
    conflicted_count_for_quorum: bool = False  # members barred by an interest still count on that item
    # Who may vote: members with the voting flag, in post and present; deputies only if this says so.
    deputies_may_vote: bool = True
    # Who may deputise: only the deputies registered for a member (Body ▸ People), unless this lets a member
    # send someone else, named as their deputy in the roll call.
    unregistered_deputies: bool = False
    # Attendance by video or phone: counted, and able to declare, move and vote, only when the rules allow it.
    remote_attendance: bool = False
    # Majority: votes for must be more than (or at least) majority_fraction of the base.
    majority_fraction: float = 0.5
    majority_comparison: MajorityComparison = MajorityComparison.MORE_THAN
    majority_base: MajorityBase = MajorityBase.PRESENT_AND_VOTING
    abstentions: Abstentions = Abstentions.NOT_VOTES_CAST
    # A special resolution (a motion worded "That, as a special resolution, …" or "Special resolution: …", as
    # notices of general meetings word them) needs at least this share of the same base: three quarters under the
    # Companies Act 2006 s. 283 and most constitutions; some say two thirds.
    special_majority_fraction: float = 0.75
    casting_vote: CastingVote = CastingVote.CHAIR
    casting_vote_if_conflicted: bool = False  # almost never: a conflicted chair loses the casting vote
    tie_without_casting_vote: TieOutcome = TieOutcome.LOST
    # Recorded (named) votes.
    recorded_vote_on_request: bool = True
    recorded_vote_requesters: int = 1  # how many members must ask
    recorded_vote_topics: tuple[str, ...] = ()  # words in an item title that always call for a named vote
    interest_rules: tuple[InterestRule, ...] = ()
    assumptions: tuple[str, ...] = ()
    # Bodies that advise rather than decide reach their conclusions by consensus; a vote is the exception.
    decides_by_consensus: bool = False
    # Retention: how many years after a meeting the library keeps its board pack (the kept file and the text of its
    # pages) and, separately, its Part II papers (the pages of Part II items, papers tabled under them); None keeps
    # them for good. The minutes, their signatures and the audit log are always kept (`quorate purge`).
    keep_packs_years: int | None = None
    keep_part2_years: int | None = None

    def __post_init__(self) -> None:
        for name, kind in _ENUM_FIELDS.items():
            value = getattr(self, name)
            if name == "casting_vote" and value is None:  # the placeholder RuleSet spelt "no casting vote" None
                value = CastingVote.NONE
            try:
                object.__setattr__(self, name, kind(value))
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in kind)
                raise ValueError(f"{name} must be one of {allowed} (got {value!r})") from None
        roles = tuple(_coerce_role(r) for r in _as_tuple(self.required_roles, "required_roles"))
        object.__setattr__(self, "required_roles", roles)
        for name in ("recorded_vote_topics", "assumptions"):
            object.__setattr__(self, name, _as_tuple(getattr(self, name), name))
        interest_rules = _as_tuple(self.interest_rules, "interest_rules")
        object.__setattr__(self, "interest_rules", tuple(_coerce_interest_rule(r) for r in interest_rules))
        _validate(self)

    def interest_rule_for(self, kind: str) -> InterestRule | None:
        """The rule for a declared kind of interest, or None when the rules say nothing (the chair decides)."""
        wanted = normalise_kind(kind)
        if not wanted:
            return None
        return next((r for r in self.interest_rules if normalise_kind(r.kind) == wanted), None)

    @property
    def is_simple_majority(self) -> bool:
        return (
            _exact(self.majority_fraction) == Fraction(1, 2)
            and self.majority_comparison is MajorityComparison.MORE_THAN
        )


def _as_tuple(value: object, name: str) -> tuple[Any, ...]:
    if isinstance(value, (tuple, list)):
        return tuple(value)
    raise ValueError(f"{name} must be a list (got {value!r})")


def _coerce_role(value: object) -> RoleRequirement:
    if isinstance(value, RoleRequirement):
        return value
    if isinstance(value, str):  # the placeholder RuleSet listed bare tags
        return RoleRequirement(any_of=(value,))
    if isinstance(value, Mapping):  # dataclasses.asdict() output, as the store writes today
        return RoleRequirement(tuple(value.get("any_of", ())), value.get("count", 1), value.get("label", ""))
    raise ValueError(f"required_roles: each entry must be a role requirement or a role tag (got {value!r})")


def _coerce_interest_rule(value: object) -> InterestRule:
    if isinstance(value, Mapping):  # dataclasses.asdict() output
        return InterestRule(**value)
    if isinstance(value, InterestRule):
        return value
    raise ValueError(f"interest_rules: each entry must be an interest rule (got {value!r})")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _validate(rules: RuleSet) -> None:
    if not isinstance(rules.name, str) or not isinstance(rules.source, str):
        raise ValueError("name and source must be text")
    number, fraction = rules.quorum_number, rules.quorum_fraction
    if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 1):
        raise ValueError(f"quorum_number must be a whole number of at least 1 (got {number!r})")
    if fraction is not None and (not _is_number(fraction) or not 0 < fraction <= 1):
        raise ValueError(f"quorum_fraction must be more than 0 and at most 1 (got {fraction!r})")
    if number is None and fraction is None:
        raise ValueError("the quorum needs a number, a fraction of the members in post, or both")
    majority = rules.majority_fraction
    if not _is_number(majority) or not 0 < majority <= 1:
        raise ValueError(f"majority_fraction must be more than 0 and at most 1 (got {majority!r})")
    special = rules.special_majority_fraction
    if not _is_number(special) or not 0 < special <= 1:
        raise ValueError(f"special_majority_fraction must be more than 0 and at most 1 (got {special!r})")
    if majority == 1 and rules.majority_comparison is MajorityComparison.MORE_THAN:
        raise ValueError("majority_fraction: no vote can be more than all of the base; use 'at least' for unanimity")
    flags = (
        "deputies_count",
        "conflicted_count_for_quorum",
        "deputies_may_vote",
        "casting_vote_if_conflicted",
        "unregistered_deputies",
        "remote_attendance",
        "has_quorum",
        "decides_by_consensus",
    )
    for name in (*flags, "recorded_vote_on_request"):
        if not isinstance(getattr(rules, name), bool):
            raise ValueError(f"{name} must be true or false (got {getattr(rules, name)!r})")
    for name in ("keep_packs_years", "keep_part2_years"):
        years = getattr(rules, name)
        if years is not None and (isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 100):
            raise ValueError(f"{name} must be a whole number of years from 1 to 100, or none (got {years!r})")
    requesters = rules.recorded_vote_requesters
    if isinstance(requesters, bool) or not isinstance(requesters, int) or requesters < 1:
        raise ValueError(f"recorded_vote_requesters must be a whole number of at least 1 (got {requesters!r})")
    for name in ("recorded_vote_topics", "assumptions"):
        if any(not isinstance(t, str) for t in getattr(rules, name)):
            raise ValueError(f"{name} must be a list of text")
    kinds: set[str] = set()
    for rule in rules.interest_rules:
        if not isinstance(rule, InterestRule):
            raise ValueError(f"interest_rules: each entry must be an interest rule (got {rule!r})")
        kind = normalise_kind(rule.kind)
        if kind in kinds:
            raise ValueError(f"interest_rules: the kind {rule.kind!r} has two rules")
        kinds.add(kind)


def _exact(value: float) -> Fraction:
    """Fractions are stored as floats; 0.6666666666666666 means two thirds."""
    return Fraction(value).limit_denominator(1000)


# -- sentences -------------------------------------------------------------------------------------------------

_FRACTION_WORDS = {
    Fraction(1, 2): "half",
    Fraction(1, 3): "one third",
    Fraction(2, 3): "two thirds",
    Fraction(1, 4): "one quarter",
    Fraction(3, 4): "three quarters",
    Fraction(1, 5): "one fifth",
    Fraction(1): "all",
}


def fraction_words(value: float) -> str:
    exact = _exact(value)
    return _FRACTION_WORDS.get(exact, f"{exact.numerator}/{exact.denominator}")


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def quorum_noun(rules: RuleSet) -> str:
    return "voting members" if rules.quorum_counts is QuorumCounts.VOTING_MEMBERS else "members"


def describe_quorum(rules: RuleSet) -> str:
    """The quorum rule in one sentence, generated from the data."""
    if not rules.has_quorum:
        return "There is no quorum: the terms of reference set none, so the meeting goes ahead with those present."
    noun = quorum_noun(rules)
    part = ""
    if rules.quorum_fraction is not None:
        words = fraction_words(rules.quorum_fraction)
        of = f"{words} of the {noun} in post"
        part = {
            QuorumRounding.UP: f"{of}, rounded up",
            QuorumRounding.DOWN: f"{of}, rounded down",
            QuorumRounding.NEAREST: f"the whole number nearest to {of}",
            QuorumRounding.MORE_THAN: f"more than {of}",
        }[rules.quorum_rounding]
        if rules.quorum_number is not None:
            part += f", but never fewer than {rules.quorum_number}"
    else:
        part = f"{rules.quorum_number} {noun if rules.quorum_number != 1 else noun.removesuffix('s')}"
    sentence = f"The quorum is {part}"
    if rules.required_roles:
        sentence += ", including " + _join([r.describe() for r in rules.required_roles])
        if sum(r.count for r in rules.required_roles) > 1:
            sentence += " (no one fills two of these places)"
    sentence += "; deputies count towards it" if rules.deputies_count else "; deputies do not count towards it"
    if rules.conflicted_count_for_quorum:
        sentence += "; members barred by an interest still count on that item."
    else:
        sentence += "; members barred by an interest do not count on that item."
    return sentence


def describe_majority(rules: RuleSet) -> str:
    """The majority and casting-vote rule in one sentence, generated from the data."""
    comparison = "more than" if rules.majority_comparison is MajorityComparison.MORE_THAN else "at least"
    share = f"{comparison} {fraction_words(rules.majority_fraction)}"
    if rules.majority_base is MajorityBase.PRESENT_AND_VOTING:
        base = "of the votes cast by members present and voting"
        if rules.abstentions is Abstentions.NOT_VOTES_CAST:
            base += " (abstentions are not votes cast)"
        else:
            base += " (abstentions count as votes cast, so in effect they weigh against)"
    elif rules.majority_base is MajorityBase.PRESENT:
        base = "of the members present and entitled to vote (not voting weighs against)"
    else:
        base = "of all the voting members in post, present or not"
    sentence = f"A motion is carried by {share} {base}"
    if rules.decides_by_consensus:
        sentence = f"Conclusions are reached by consensus; when a vote is taken, a motion is carried by {share} {base}"
    sentence += f"; a special resolution needs at least {fraction_words(rules.special_majority_fraction)}"
    if not rules.deputies_may_vote:
        sentence += "; deputies do not vote"
    tie = "the motion is lost" if rules.tie_without_casting_vote is TieOutcome.LOST else "no decision is made"
    if rules.casting_vote is CastingVote.CHAIR:
        sentence += "; on a tie the person presiding has a second or casting vote"
        if not rules.casting_vote_if_conflicted:
            sentence += ", unless conflicted on the item"
        sentence += f", and without one {tie}."
    else:
        sentence += f"; there is no casting vote, so on a tie {tie}."
    return sentence


def describe_recorded_votes(rules: RuleSet) -> str:
    parts = []
    if rules.recorded_vote_on_request:
        who = "Any member" if rules.recorded_vote_requesters == 1 else f"{rules.recorded_vote_requesters} members"
        parts.append(f"{who} may require how each member voted to be minuted")
    if rules.recorded_vote_topics:
        parts.append("votes on items about " + _join([f"“{t}”" for t in rules.recorded_vote_topics]) + " are named")
    return (_join(parts) + ".") if parts else "Votes are not recorded by name."


def describe_rules(rules: RuleSet) -> str:
    """Every rule as a short paragraph, for the rule set editor."""
    sentences = [describe_quorum(rules), describe_majority(rules), describe_recorded_votes(rules)]
    sentences += [r.describe() for r in rules.interest_rules]
    return " ".join(sentences)


# -- JSON ------------------------------------------------------------------------------------------------------


def rules_to_dict(rules: RuleSet) -> dict[str, Any]:
    """JSON-safe form (str, int, float, bool, None, lists, dicts); `rules_from_dict` reverses it exactly."""
    data: dict[str, Any] = {"schema": RULES_SCHEMA}
    for f in fields(rules):
        value = getattr(rules, f.name)
        if f.name == "required_roles":
            value = [{"any_of": list(r.any_of), "count": r.count, "label": r.label} for r in value]
        elif f.name == "interest_rules":
            value = [
                {"kind": r.kind, "may_speak": r.may_speak, "may_vote": r.may_vote, "must_leave": r.must_leave}
                | ({"note": r.note} if r.note else {})
                for r in value
            ]
        elif isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    return data


def rules_from_dict(data: Mapping[str, Any]) -> RuleSet:
    """Rebuild a RuleSet; missing keys take their defaults, bad values raise ValueError naming the field."""
    if not isinstance(data, Mapping):
        raise ValueError(f"rules must be a JSON object (got {type(data).__name__})")
    schema = data.get("schema", RULES_SCHEMA)
    if schema != RULES_SCHEMA:
        raise ValueError(f"these rules were saved in format {schema!r}; this version reads format {RULES_SCHEMA}")
    known = {f.name for f in fields(RuleSet)}
    unknown = sorted(set(data) - known - {"schema"})
    if unknown:
        raise ValueError("unknown rule field(s): " + ", ".join(unknown))
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name in known:
            kwargs[name] = _PARSERS.get(name, _identity)(value, name)
    return RuleSet(**kwargs)


def _identity(value: Any, name: str) -> Any:
    return value


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text (got {value!r})")
    return value


def _fraction(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):  # hand-edited JSON may say "2/3"
        try:
            return float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{name} must be a number or a fraction like 2/3 (got {value!r})") from None
    if not _is_number(value):
        raise ValueError(f"{name} must be a number (got {value!r})")
    return float(value)


def _required_fraction(value: Any, name: str) -> float:
    result = _fraction(value, name)
    if result is None:
        raise ValueError(f"{name} must be a number (got None)")
    return result


def _text_list(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or any(not isinstance(v, str) for v in value):
        raise ValueError(f"{name} must be a list of text (got {value!r})")
    return tuple(value)


def _roles(value: Any, name: str) -> tuple[RoleRequirement, ...]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"{name} must be a list (got {value!r})")
    roles = []
    for index, item in enumerate(value, start=1):
        if isinstance(item, str):
            roles.append(RoleRequirement(any_of=(item,)))
            continue
        if not isinstance(item, Mapping):
            raise ValueError(f"{name} entry {index} must be an object or a role tag (got {item!r})")
        try:
            roles.append(
                RoleRequirement(
                    any_of=_text_list(item.get("any_of", ()), "any_of"),
                    count=item.get("count", 1),
                    label=_text(item.get("label", ""), "label"),
                )
            )
        except ValueError as error:
            raise ValueError(f"{name} entry {index}: {error}") from None
    return tuple(roles)


def _interest_rules(value: Any, name: str) -> tuple[InterestRule, ...]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"{name} must be a list (got {value!r})")
    rules = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, Mapping):
            raise ValueError(f"{name} entry {index} must be an object (got {item!r})")
        missing = [k for k in ("kind", "may_speak", "may_vote", "must_leave") if k not in item]
        if missing:
            raise ValueError(f"{name} entry {index} is missing " + ", ".join(missing))
        try:
            rules.append(
                InterestRule(
                    kind=_text(item["kind"], "kind"),
                    may_speak=item["may_speak"],
                    may_vote=item["may_vote"],
                    must_leave=item["must_leave"],
                    note=_text(item.get("note", ""), "note"),
                )
            )
        except ValueError as error:
            raise ValueError(f"{name} entry {index}: {error}") from None
    return tuple(rules)


_PARSERS: dict[str, Callable[[Any, str], Any]] = {
    "name": _text,
    "source": _text,
    "quorum_fraction": _fraction,
    "majority_fraction": _required_fraction,
    "special_majority_fraction": _required_fraction,
    "required_roles": _roles,
    "interest_rules": _interest_rules,
    "recorded_vote_topics": _text_list,
    "assumptions": _text_list,
}


# -- presets ---------------------------------------------------------------------------------------------------

_CHAIR_OR_VICE = RoleRequirement(any_of=("chair", "vice-chair"), label="chair or vice-chair")

NHS_BOARD = RuleSet(
    name="NHS board (integrated care board)",
    source=(
        "NHS England model constitution and standing orders for integrated care boards (2022): quorum, voting and "
        "conflicts of interest provisions; NHS England, Managing conflicts of interest in the NHS (2017)"
    ),
    quorum_number=None,
    quorum_fraction=0.5,
    quorum_rounding=QuorumRounding.MORE_THAN,
    required_roles=(
        _CHAIR_OR_VICE,
        RoleRequirement(any_of=("executive",), label="executive member"),
        RoleRequirement(any_of=("non-executive",), label="non-executive member"),
    ),
    deputies_count=False,
    deputies_may_vote=False,
    conflicted_count_for_quorum=False,
    casting_vote=CastingVote.CHAIR,
    casting_vote_if_conflicted=False,
    recorded_vote_on_request=True,
    interest_rules=(
        InterestRule(InterestKind.FINANCIAL, may_speak=False, may_vote=False, must_leave=True),
        InterestRule(InterestKind.INDIRECT, may_speak=False, may_vote=False, must_leave=True),
        InterestRule(InterestKind.NON_FINANCIAL_PROFESSIONAL, may_speak=True, may_vote=False, must_leave=False),
        InterestRule(InterestKind.NON_FINANCIAL_PERSONAL, may_speak=True, may_vote=True, must_leave=False),
    ),
    assumptions=(
        "The quorum is a majority (more than half) of the voting members in post.",
        "It must include the chair or vice-chair, one executive and one non-executive member; ICB constitutions "
        "differ (some also require a partner member or the chief executive): edit the required roles to match.",
        "No one fills two required places at once (the chair is not also the non-executive).",
        "A deputy without formal acting-up status neither counts towards the quorum nor votes.",
        "A member who withdraws, or stays without taking part, because of an interest does not count towards "
        "the quorum on that item.",
        "Decisions are by a simple majority of members present and voting; abstentions are not votes cast.",
        "The chair of the meeting has a second or casting vote on a tie, but not when conflicted on the item; "
        "without one the motion is lost.",
        "Financial and indirect interests mean leaving the room; a non-financial professional interest means "
        "speaking but not voting; a non-financial personal interest is declared and the member takes part. "
        "The chair may decide otherwise case by case.",
    ),
)

LOCAL_AUTHORITY_COMMITTEE = RuleSet(
    name="English local-authority committee",
    source=(
        "Local Government Act 1972, Sch. 12 paras 39 and 44 (majority of those present and voting; second or "
        "casting vote of the person presiding); Localism Act 2011 ss. 31 and 33; LGA Model Councillor Code of "
        "Conduct 2020 paras 4, 6 and 7; Local Authorities (Standing Orders) Regulations 1993, Sch. 2 para 1 "
        "(recorded votes on request)"
    ),
    quorum_number=3,
    quorum_fraction=0.25,
    quorum_rounding=QuorumRounding.UP,
    required_roles=(),
    deputies_count=True,
    deputies_may_vote=True,
    conflicted_count_for_quorum=False,
    casting_vote=CastingVote.CHAIR,
    casting_vote_if_conflicted=False,
    recorded_vote_on_request=True,
    recorded_vote_requesters=1,
    interest_rules=(
        InterestRule(
            InterestKind.DISCLOSABLE_PECUNIARY,
            may_speak=False,
            may_vote=False,
            must_leave=True,
            note="unless granted a dispensation",
        ),
        InterestRule(
            InterestKind.OTHER_REGISTRABLE,
            may_speak=True,
            may_vote=False,
            must_leave=True,
            note="may speak only where the public may, then leaves unless granted a dispensation",
        ),
        InterestRule(
            InterestKind.NON_REGISTRABLE,
            may_speak=True,
            may_vote=False,
            must_leave=True,
            note="where the matter directly relates to it; may speak only where the public may",
        ),
    ),
    assumptions=(
        "The Act leaves a committee's quorum to standing orders; this preset uses the common 'one quarter of the "
        "voting members, but never fewer than three'.",
        "Named substitutes sent by their group count towards the quorum and vote as full members.",
        "A member with a disclosable pecuniary or other registrable interest leaves and does not count on that item.",
        "Decisions are by a majority of members present and voting; abstentions are not votes cast.",
        "The person presiding has a second or casting vote on a tie; a conflicted chair has left and has none.",
        "Any one member may require a recorded vote. Recorded votes on budget decisions (2014 regulations) "
        "apply at full council, not in committee: add 'budget' to the recorded-vote topics if needed.",
    ),
)

COMPANY_MODEL_ARTICLES = RuleSet(
    name="Company board (model articles)",
    source=(
        "Companies (Model Articles) Regulations 2008 (SI 2008/3229), Sch. 1 (private companies limited by "
        "shares) arts 7, 11, 13 and 14"
    ),
    quorum_number=2,
    quorum_fraction=None,
    quorum_rounding=QuorumRounding.UP,
    required_roles=(),
    deputies_count=False,
    deputies_may_vote=False,
    conflicted_count_for_quorum=False,
    casting_vote=CastingVote.CHAIR,
    casting_vote_if_conflicted=False,
    recorded_vote_on_request=False,
    interest_rules=(
        InterestRule(InterestKind.FINANCIAL, may_speak=True, may_vote=False, must_leave=False),
        InterestRule(InterestKind.INDIRECT, may_speak=True, may_vote=False, must_leave=False),
        InterestRule(InterestKind.NON_FINANCIAL_PROFESSIONAL, may_speak=True, may_vote=True, must_leave=False),
        InterestRule(InterestKind.NON_FINANCIAL_PERSONAL, may_speak=True, may_vote=True, must_leave=False),
    ),
    assumptions=(
        "The directors have not fixed a different quorum, so it is two (art. 11(2)).",
        "A director interested in a transaction or arrangement with the company is not counted for quorum or "
        "voting on it (art. 14(1)); the exceptions in art. 14(3) are for the chair to apply.",
        "Decisions are by a majority of the votes of the participating directors (arts 7 and 13 of the model).",
        "The chair has a casting vote on a tie, except when not counted for quorum or voting on the matter "
        "(art. 13); without one the proposal is lost.",
        "The private-company model articles provide no alternate directors, so deputies neither count nor vote.",
        "Non-financial interests are declared (Companies Act 2006 s. 177) and the director takes part.",
    ),
)

CHARITY_TRUSTEES = RuleSet(
    name="Charity trustees",
    source=(
        "Charity Commission model constitution for a CIO whose only voting members are its charity trustees "
        "('Foundation' model): decision-making, quorum and conflicts of interest clauses"
    ),
    quorum_number=2,
    quorum_fraction=1 / 3,
    quorum_rounding=QuorumRounding.NEAREST,
    required_roles=(),
    deputies_count=False,
    deputies_may_vote=False,
    conflicted_count_for_quorum=False,
    casting_vote=CastingVote.CHAIR,
    casting_vote_if_conflicted=False,
    recorded_vote_on_request=False,
    interest_rules=(
        InterestRule(InterestKind.FINANCIAL, may_speak=False, may_vote=False, must_leave=True),
        InterestRule(InterestKind.INDIRECT, may_speak=False, may_vote=False, must_leave=True),
        InterestRule(InterestKind.NON_FINANCIAL_PROFESSIONAL, may_speak=False, may_vote=False, must_leave=True),
        InterestRule(InterestKind.NON_FINANCIAL_PERSONAL, may_speak=False, may_vote=False, must_leave=True),
    ),
    assumptions=(
        "The quorum is two trustees or the number nearest to one third of the trustees, whichever is greater; "
        "the trustees have not fixed a larger number.",
        "A trustee with a conflict of interests or loyalty absents themself from the discussion, does not vote "
        "and is not counted in the quorum on that matter.",
        "Decisions are by a majority of the trustees present and voting; the chair has a second or casting vote.",
        "Trustees cannot send deputies or proxies.",
        "Check the wording against your own governing document: older trusts and charitable companies differ.",
    ),
)

SOCIETY_COMMITTEE = RuleSet(
    name="Small society committee",
    source=(
        "Common form of an unincorporated society's constitution (after the Charity Commission's model governing "
        "document for a charitable association): quorum of one third of the committee or three, whichever is "
        "greater; majority of those present and voting; chair's casting vote"
    ),
    quorum_number=3,
    quorum_fraction=1 / 3,
    quorum_rounding=QuorumRounding.UP,
    required_roles=(),
    deputies_count=False,
    deputies_may_vote=False,
    conflicted_count_for_quorum=False,
    casting_vote=CastingVote.CHAIR,
    casting_vote_if_conflicted=False,
    recorded_vote_on_request=False,
    interest_rules=(
        InterestRule(InterestKind.FINANCIAL, may_speak=False, may_vote=False, must_leave=True),
        InterestRule(InterestKind.INDIRECT, may_speak=True, may_vote=False, must_leave=False),
        InterestRule(InterestKind.NON_FINANCIAL_PROFESSIONAL, may_speak=True, may_vote=True, must_leave=False),
        InterestRule(InterestKind.NON_FINANCIAL_PERSONAL, may_speak=True, may_vote=True, must_leave=False),
    ),
    assumptions=(
        "Small-society constitutions vary widely; this preset is a common pattern, not any one society's rules.",
        "The quorum is one third of the committee (rounded up) or three, whichever is greater.",
        "Officers and ordinary committee members all vote; there are no deputies.",
        "A member with a financial interest leaves and does not count; other interests are declared.",
        "Decisions are by a majority of those present and voting; the chair has a casting vote.",
    ),
)

ADVISORY_PARTNERSHIP = RuleSet(
    name="Advisory partnership or working group",
    source=(
        "Common form of terms of reference for an advisory partnership board or working group without delegated "
        "decision-making powers: it advises the bodies that set it up, reaches its view by consensus and, unless "
        "its terms of reference say otherwise, has no quorum"
    ),
    has_quorum=False,
    quorum_number=None,
    quorum_fraction=1 / 3,
    deputies_count=True,
    deputies_may_vote=True,
    unregistered_deputies=True,
    remote_attendance=True,
    casting_vote=CastingVote.NONE,
    tie_without_casting_vote=TieOutcome.NO_DECISION,
    recorded_vote_on_request=False,
    decides_by_consensus=True,
    interest_rules=(
        InterestRule(InterestKind.FINANCIAL, may_speak=True, may_vote=False, must_leave=False),
        InterestRule(InterestKind.INDIRECT, may_speak=True, may_vote=False, must_leave=False),
        InterestRule(InterestKind.NON_FINANCIAL_PROFESSIONAL, may_speak=True, may_vote=True, must_leave=False),
        InterestRule(InterestKind.NON_FINANCIAL_PERSONAL, may_speak=True, may_vote=True, must_leave=False),
    ),
    assumptions=(
        "The group advises; decisions are taken by the bodies that set it up, so it reaches its view by consensus.",
        "There is no quorum unless the terms of reference state one: turn the quorum on and give it if they do.",
        "Partner organisations may send someone in a member's place, named in the roll call.",
        "Members may attend by video or phone.",
        "When a vote is taken it is by a simple majority of those present and voting, with no casting vote.",
        "A member with a financial interest declares it and may speak but does not join in the group's view.",
    ),
)

PRESETS: Mapping[str, RuleSet] = MappingProxyType(
    {
        "nhs_board": NHS_BOARD,
        "local_authority_committee": LOCAL_AUTHORITY_COMMITTEE,
        "company_model_articles": COMPANY_MODEL_ARTICLES,
        "charity_trustees": CHARITY_TRUSTEES,
        "society_committee": SOCIETY_COMMITTEE,
        "advisory_partnership": ADVISORY_PARTNERSHIP,
    }
)


# -- the register of interests ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InterestEntry:
    """One row of a register of interests (the columns of the NHS register extract, DOMAIN.md section 3)."""

    person_id: int | None
    person_name: str
    position: str = ""
    details: str = ""
    financial: bool = False
    non_financial_professional: bool = False
    non_financial_personal: bool = False
    indirect: bool = False
    date_from: str = ""  # as written: "01/04/2021", "Apr-19", "Circa 2012"
    date_to: str = ""  # often "Ongoing"
    mitigation: str = ""
    date_declared: str = ""

    @property
    def kinds(self) -> tuple[InterestKind, ...]:
        flags = (
            (self.financial, InterestKind.FINANCIAL),
            (self.non_financial_professional, InterestKind.NON_FINANCIAL_PROFESSIONAL),
            (self.non_financial_personal, InterestKind.NON_FINANCIAL_PERSONAL),
            (self.indirect, InterestKind.INDIRECT),
        )
        return tuple(kind for flag, kind in flags if flag)
