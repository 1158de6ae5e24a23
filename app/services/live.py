"""The live meeting worked out from its record: who is in the room when, and whether each item is quorate.

Pure functions over a MeetingRecord. The record keeps facts with times (meeting events in the order
they happened); everything shown on the day — the room, the quorum badge, the per-item verdicts,
the standing items' prefilled minutes — is computed here again from those facts, so the window,
the replay command and the tests all see the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from app.domain import (
    Action,
    AgendaItem,
    Ballot,
    ChairConfirmation,
    Declaration,
    DeclarationConduct,
    EventKind,
    ItemStatus,
    MeetingEvent,
    MeetingRecord,
    Motion,
    Person,
    Presence,
    RuleSet,
    Tier,
    Vote,
)
from app.domain.rules import is_special_resolution, normalise_tag
from app.services.rules_engine import QuorumResult, RoomState, TallyResult, eligible_voters, quorum, tally

OUT_OF_ORDER = "out of order"  # text of an open_item event taken before earlier items
ROLL_CALL = "roll call"  # text of the arrive events a roll call writes: they count from the start
# Text of a room event (arrive, leave, return, preside, close, reopen) whose time nobody recorded: a replay from
# minutes that give none. It is kept at the time of the event before it, for order, and never printed.
UNTIMED = "time not recorded"
# Text of a close event when the chair adjourned the meeting rather than closing it: "adjourned to 25 June 2024".
ADJOURNED = "adjourned"


def is_untimed(event: MeetingEvent) -> bool:
    """A room event whose time nobody recorded."""
    return event.text == UNTIMED or event.text.endswith(f" ({UNTIMED})")


def room_event_text(*, time_known: bool = True, adjourned_to: str | None = None) -> str:
    """The text of a close (or other room) event: "", UNTIMED, "adjourned", "adjourned to … (time not recorded)"."""
    words = ""
    if adjourned_to is not None:
        words = f"{ADJOURNED} to {adjourned_to.strip()}" if adjourned_to.strip() else ADJOURNED
    if not time_known:
        words = f"{words} ({UNTIMED})" if words else UNTIMED
    return words


def adjournment(event: MeetingEvent) -> str | None:
    """For a close event: None if the meeting closed; "" if adjourned with no date given; else to when."""
    text = event.text.removesuffix(f" ({UNTIMED})")
    if text == ADJOURNED:
        return ""
    if text.startswith(f"{ADJOURNED} to "):
        return text.removeprefix(f"{ADJOURNED} to ")
    return None


_PRESENCE_IN = {EventKind.ARRIVE, EventKind.RETURN}
_PRESENCE_OUT = {EventKind.LEAVE, EventKind.WITHDRAW}
_ITEM_BOUNDARY = {EventKind.OPEN_ITEM, EventKind.DEFER_ITEM, EventKind.CLOSE}


def hhmm(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def display_name(person: Person) -> str:
    """The name as the body writes it, honorific kept: "Dr Tam Nguyen", "Cllr Ann Marland"."""
    title = person.title.strip()
    if not title or person.name.casefold().startswith(title.casefold() + " "):
        return person.name
    return f"{title} {person.name}"


# Generational suffixes written after a surname ("Recchia, Jr.") and particles written before one ("van", "de la"):
# a person named by surname is found with or without them, as secretaries write them.
_SUFFIXES = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ten", "ter"})


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", name.casefold().replace(".", " ")) if w]


def surname_forms(name: str) -> tuple[str, ...]:
    """The ways a person's surname is written on its own: "Domenic M. Recchia, Jr." is "recchia" or "recchia jr";
    "James G. Van Bramer" is "van bramer" or "bramer". Compared after `name_key`."""
    words = _name_words(name)
    suffix = [w for w in words[1:] if w in _SUFFIXES][-1:] if len(words) > 1 else []
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    if not words:
        return ()
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    forms = [" ".join(words[i:]) for i in range(start, len(words))]
    forms += [f"{form} {suffix[0]}" for form in forms] if suffix else []
    return tuple(dict.fromkeys(forms))


def given_and_surname(name: str) -> tuple[str, ...]:
    """The name without middle initials or suffix: "Gale A. Brewer" is also written "gale brewer"."""
    words = _name_words(name)
    surnames = surname_forms(name)
    if len(words) < 3 or not surnames:
        return ()
    return (f"{words[0]} {surnames[0]}",)


def name_key(text: str) -> str:
    """A written name made comparable: case, dots, commas and spacing ignored ("Recchia Jr." is "recchia jr")."""
    return " ".join(_name_words(text))


# Roles that are the chair of the body itself (a town council's Mayor, a Scottish council's Provost or Convener):
# never a deputy or vice-chair, nor the chair of something else ("Chair of Audit Committee").
_CHAIR_ROLES = frozenset(
    {
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "chair-of-the-board",
        "chair-of-the-council",
        "chairman-of-the-council",
        "mayor",
        "town-mayor",
        "city-mayor",
        "lord-mayor",
        "provost",
        "lord-provost",
        "convener",
        "convenor",
        "presiding-officer",
    }
)


def is_chair_of_body(person: Person) -> bool:
    """Tagged "chair" or holding the chair's role itself ("Chair", "Town Mayor"): never a vice-chair or deputy,
    nor the chair of something else."""
    tags = {normalise_tag(t) for t in person.role_tags}
    role = normalise_tag(person.role)
    return "chair" in tags or role in _CHAIR_ROLES


def chair_title(person: Person) -> str:
    """What the minutes call the person presiding: the body's own title for its chair ("Town Mayor", "Provost"),
    else "Chair" (a vice-chair in the chair is the Chair of the meeting)."""
    role = normalise_tag(person.role)
    if role in _CHAIR_ROLES and not role.startswith("chair"):
        return " ".join(person.role.split())
    return "Chair"


def presiding_id(people: Sequence[Person], present: Iterable[int] | None = None) -> int | None:
    """Who chairs when no one has been recorded taking the chair: the body's chair, if exactly one is present.

    A vice-chair is never assumed: when the chair is away the secretary records who presides (a `preside`
    event), and until then no one does.
    """
    here = set(present) if present is not None else None
    chairs = [p for p in people if p.id is not None and (here is None or p.id in here) and is_chair_of_body(p)]
    return chairs[0].id if len(chairs) == 1 else None


def proposed_presiding(people: Sequence[Person], present: Iterable[int]) -> int | None:
    """Whom the window proposes to take the chair: the chair, else a vice-chair present. Only proposed."""
    here = set(present)
    chair = presiding_id(people, here)
    if chair is not None:
        return chair
    vice = [p for p in people if p.id in here and "vice-chair" in {normalise_tag(t) for t in p.role_tags}]
    vice += [p for p in people if p.id in here and normalise_tag(p.role).startswith("vice-chair") and p not in vice]
    return vice[0].id if vice else None


def presiding_after(record: MeetingRecord, present: Iterable[int], event_id: int | None = None) -> int | None:
    """Who presides after meeting event `event_id` (or now), among those `present`.

    The last `preside` event decides (its person, or no one for a chair vacated); someone who presides and
    then leaves leaves the chair empty. With no `preside` event, the body's chair presides while present.
    """
    here = set(present)
    chosen: int | None = None
    recorded = False
    for event in sorted(record.events, key=lambda e: e.id or 0):
        if event_id is not None and event.id is not None and event.id > event_id:
            break
        if event.kind == EventKind.PRESIDE:
            chosen, recorded = event.person_id, True
    if recorded:
        return chosen if chosen in here else None
    return presiding_id(record.people, here)


def room_after(record: MeetingRecord, event_id: int | None = None) -> RoomState:
    """The room after meeting event `event_id` (or now): the roll call, then arrivals, departures, withdrawals."""
    present: set[int] = set()
    ordered = sorted(record.events, key=lambda e: (e.text != ROLL_CALL or e.kind != EventKind.ARRIVE, e.id or 0))
    for event in ordered:
        if event.person_id is None:
            continue
        if event_id is not None and event.id is not None and event.id > event_id and event.text != ROLL_CALL:
            continue
        if event.kind in _PRESENCE_IN:
            present.add(event.person_id)
        elif event.kind in _PRESENCE_OUT:
            present.discard(event.person_id)
    deputising = {
        a.person_id: a.deputy_for_id
        for a in record.attendance
        if a.deputy_for_id is not None and a.presence == Presence.PRESENT
    }
    return RoomState(
        people=record.people,
        present=frozenset(present),
        deputising=deputising,
        declarations=record.declarations,
        presiding_id=presiding_after(record, present, event_id),
        on=record.meeting.date,
    )


def last_event_id(record: MeetingRecord) -> int | None:
    ids = [e.id for e in record.events if e.id is not None]
    return max(ids) if ids else None


@dataclass(frozen=True, slots=True)
class ItemQuorum:
    """The quorum on one item: its lowest point while the item was being taken (or now, if it is open)."""

    item_id: int
    result: QuorumResult
    at_event_id: int | None  # where the lowest point was


def _windows(record: MeetingRecord, item_id: int) -> list[tuple[int, int | None]]:
    """(first event id, last event id or None for "still open") of each stretch the item was being taken."""
    windows: list[tuple[int, int | None]] = []
    start: int | None = None
    for event in sorted(record.events, key=lambda e: e.id or 0):
        assert event.id is not None
        if event.kind in _ITEM_BOUNDARY:
            if start is not None:
                windows.append((start, event.id - 1 if event.id > start else start))
                start = None
            if event.kind == EventKind.OPEN_ITEM and event.item_id == item_id:
                start = event.id
    if start is not None:
        windows.append((start, None))
    return windows


def item_quorum(record: MeetingRecord, item_id: int) -> ItemQuorum | None:
    """The quorum verdict on an item, at its worst moment; None for an item not taken."""
    rules = record.body.rules
    points: list[int] = []
    for first, last in _windows(record, item_id):
        points.append(first)
        points.extend(
            e.id
            for e in record.events
            if e.id is not None
            and e.id > first
            and (last is None or e.id <= last)
            and (e.kind in _PRESENCE_IN or e.kind in _PRESENCE_OUT)
        )
    if not points:
        return None
    worst: ItemQuorum | None = None
    for point in points:
        result = quorum(room_after(record, point), rules, item_id)
        if (
            worst is None
            or (worst.result.quorate and not result.quorate)
            or (worst.result.quorate == result.quorate and result.counted < worst.result.counted)
        ):
            worst = ItemQuorum(item_id, result, point)
    return worst


def current_item(record: MeetingRecord) -> AgendaItem | None:
    wanted = record.meeting.current_item_id
    return next((i for i in record.items if i.id == wanted), None) if wanted is not None else None


def quorum_now(record: MeetingRecord) -> QuorumResult:
    """The badge: the quorum in the room as it stands, on the item being taken (conflicts included)."""
    item = current_item(record)
    return quorum(room_after(record), record.body.rules, item.id if item else None)


def last_quorum_event(record: MeetingRecord) -> EventKind | None:
    for event in sorted(record.events, key=lambda e: e.id or 0, reverse=True):
        if event.kind in (EventKind.INQUORATE, EventKind.QUORATE):
            return event.kind
    return None


def inquorate_minute(at: time) -> str:
    return f"The meeting became inquorate at {hhmm(at)}."


def quorate_again_minute(at: time) -> str:
    return f"The meeting became quorate again at {hhmm(at)}."


def eligible_now(record: MeetingRecord, item_id: int, after_event_id: int | None = None) -> tuple[Person, ...]:
    return eligible_voters(room_after(record, after_event_id), record.body.rules, item_id)


def tally_vote(record: MeetingRecord, motion: Motion, vote: Vote) -> TallyResult:
    """The outcome of a stored vote, under the rules, against the room at the time it was taken."""
    room = room_after(record, vote.after_event_id)
    rules = record.body.rules
    eligible = eligible_voters(room, rules, motion.item_id)
    chair_conflicted = room.presiding_id is not None and room.presiding_id not in {p.id for p in eligible}
    in_post = len([p for p in record.people if p.voting and p.tier == Tier.MEMBER and not p.retired])
    return tally(
        vote.votes_for,
        vote.votes_against,
        vote.abstentions,
        vote.did_not_vote,
        rules,
        len(eligible),
        vote.casting_vote,
        chair_conflicted,
        in_post=in_post,
        special=motion.amends_id is None and is_special_resolution(motion.text),
    )


# -- the words of standing items and resolutions -------------------------------------------------------------

MOTION_TEMPLATES = (
    "That the Board approves {subject}.",
    "RESOLVED – That {subject}.",
    "Agreed: 1. That {subject}.",
    "That the Committee notes {subject}.",
)

PART2_RESOLUTIONS = {
    "council": (
        "RESOLVED – That under Section 100A(4) of the Local Government Act 1972, the press and public be excluded "
        "from the meeting for the following items of business on the grounds that they involve the likely "
        "disclosure of exempt information as defined in Part 1 of Schedule 12A of the Act."
    ),
    "nhs": (
        "RESOLVED – That representatives of the press and other members of the public be excluded from the "
        "remainder of this meeting having regard to the confidential nature of the business to be transacted, "
        "publicity on which would be prejudicial to the public interest (Section 1(2) of the Public Bodies "
        "(Admission to Meetings) Act 1960)."
    ),
    "other": (
        "RESOLVED – That the remaining business be taken in private because of its confidential nature, "
        "and that those attending as observers be asked to leave."
    ),
}


def part2_resolution(rules: RuleSet, body_name: str = "") -> str:
    """The exclusion wording the body's rules (or, failing them, its name) call for."""
    words = f"{rules.name} {rules.source} {body_name}".casefold()
    if "council" in words or "local government" in words:
        return PART2_RESOLUTIONS["council"]
    if any(word in words for word in ("nhs", "icb", "integrated care", "health", "trust board")):
        return PART2_RESOLUTIONS["nhs"]
    return PART2_RESOLUTIONS["other"]


_RECOMMENDATIONS = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?recommendations?\s*:?\s*$", re.I)
_NEXT_HEADING = re.compile(r"^\s*\d+\.0\s+\S|^\s*(?:key\s+implications|background|executive\s+summary)\b", re.I)
_LEAD = re.compile(r"^\s*(?:[-•*]\s*)*(?:\(?[0-9]+(?:\.[0-9]+)*[.)]?|\(?[a-z][.)])?\s+", re.I)
_ASKED = re.compile(r"\b(?:is|are)\s+(?:also\s+)?(?:asked|invited|requested|recommended)\s+to\s+(.+)$", re.I)


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def recommendations_in(page_texts: Sequence[str]) -> list[str]:
    """What a paper asks the board to do, from its "Recommendations" section, as "approve the …" phrases.

    Cover sheets write "The Board is asked to **note** …" or "The members are asked to approve the
    following:" followed by numbered lines; each line becomes one phrase. Empty when the paper has none.
    """
    lines = "\n".join(page_texts).replace("**", "").splitlines()
    start = next((i for i, line in enumerate(lines) if _RECOMMENDATIONS.match(line)), None)
    if start is None:
        return []
    found: list[str] = []
    verb = ""  # "approve the following:" — each line below is one thing to approve
    listing: list[str] = []  # "provide a steer on:" — the lines below belong to this one phrase

    def finish_listing() -> None:
        if listing:
            found.append(f"{listing[0]} {'; '.join(listing[1:])}".rstrip(" :"))
            listing.clear()

    for raw in lines[start + 1 : start + 40]:
        if _NEXT_HEADING.match(raw) and (found or listing):
            break
        line = " ".join(_LEAD.sub("", raw).split())
        if not line:
            continue
        asked = _ASKED.search(line)
        if asked:
            finish_listing()
            verb = ""
            phrase = asked.group(1).rstrip(" .;")
            head = phrase.rstrip(":").strip()
            if phrase.endswith(":") and (head.casefold().endswith("the following") or " " not in head):
                verb = head.split()[0]
            elif phrase.endswith(":"):
                listing.append(phrase)
            else:
                found.append(phrase)
        elif verb:
            found.append(f"{verb} {line[0].lower()}{line[1:]}".rstrip(" .;"))
        elif listing:
            listing.append(line.rstrip(" .;"))
    finish_listing()
    return found


def prefill_motion(item: AgendaItem, recommendations: Sequence[str] = (), body: str = "Board") -> str:
    """A motion's first wording: the paper's recommendations when known, else a template on the item's title."""
    clauses = []
    for phrase in recommendations:
        words = phrase.strip().rstrip(".").split(maxsplit=1)
        if not words:
            continue
        verb = words[0].lower()
        rest = words[1] if len(words) > 1 else ""
        clauses.append(f"{_third_person(verb)} {rest}".strip())
    if len(clauses) == 1:
        return f"That the {body} {clauses[0]}."
    if clauses:
        numbered = "\n".join(f"{n}. {clause};" for n, clause in enumerate(clauses, 1))
        return f"That the {body}:\n{numbered.rstrip(';')}."
    return MOTION_TEMPLATES[0].format(subject=f"the {item.title.strip().rstrip('.')}")


def _names(people: Sequence[Person]) -> str:
    names = [display_name(p) for p in people]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def deputising_phrase(noun: str) -> str:
    """What the attendance says of someone standing in: "deputising for", "substitute for", "alternate for"."""
    noun = noun.strip() or "deputy"
    return "deputising for" if noun.casefold() == "deputy" else f"{noun} for"


def apologies_minute(record: MeetingRecord) -> str:
    by_id = {p.id: p for p in record.people}
    away = (Presence.APOLOGIES, Presence.DEPUTISED)  # a member who sent a deputy sent apologies too
    apologies = [by_id[a.person_id] for a in record.attendance if a.presence in away and a.person_id in by_id]
    deputies = [
        (by_id[a.person_id], by_id[a.deputy_for_id])
        for a in record.attendance
        if a.deputy_for_id is not None and a.person_id in by_id and a.deputy_for_id in by_id
    ]
    lines = [f"Apologies were received from {_names(apologies)}." if apologies else "No apologies were received."]
    noun = record.body.style.deputy_noun.strip() or "deputy"
    lines += [f"{display_name(deputy)} attended as {noun} for {display_name(member)}." for deputy, member in deputies]
    return " ".join(lines)


def quoracy_minute(result: QuorumResult, confirmed: bool = True) -> str:
    """The quoracy sentence; "confirmed as quorate" only when the chair confirmed it."""
    if result.threshold == 0 and result.quorate:
        return "The meeting has no quorum set; it went ahead with those present."
    if result.quorate:
        verb = "confirmed as quorate" if confirmed else "quorate"
        return f"The meeting was {verb} ({result.counted} counted, {result.threshold} needed)."
    return f"The meeting was not quorate: {result.reasons[0] if result.reasons else ''}".rstrip(": ") + "."


def interest_words(kind: str) -> str:
    """ "a disclosable pecuniary interest", "an interest", "a conflict of interest": the kind as a register writes
    it (an enum value's underscores as spaces), "interest" added only when the kind does not already say it."""
    words = " ".join(kind.replace("_", " ").split())
    phrase = words if re.search(r"\binterests?$", words, re.I) else f"{words} interest".strip()
    article = "an" if phrase[0].casefold() in "aeiou" else "a"
    return f"{article} {phrase}"


def declarations_minute(record: MeetingRecord, item_id: int | None = None) -> str:
    by_id = {p.id: p for p in record.people}
    numbers = {i.id: i.number for i in record.items}
    chosen = [d for d in record.declarations if item_id is None or d.item_id == item_id]
    if not chosen:
        return "There were no declarations of interest in relation to the items on the agenda."
    conduct = {
        DeclarationConduct.WITHDREW: "and withdrew from the meeting for the item",
        DeclarationConduct.REMAINED_NO_PART: "and remained but took no part in the discussion or decision",
        DeclarationConduct.REMAINED_TOOK_PART: "and remained and took part",
    }
    sentences = []
    for declaration in chosen:
        person = by_id.get(declaration.person_id)
        name = display_name(person) if person else "A member"
        sentences.append(
            f"{name} declared {interest_words(declaration.kind)} in item "
            f"{numbers.get(declaration.item_id, '')} ({declaration.interest}) {conduct[declaration.conduct]}."
        )
    return " ".join(sentences)


# -- the meeting at a glance (window, replay output) ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VoteSummary:
    vote: Vote
    result: TallyResult | None
    problem: str  # why the tally could not be worked out, if it could not


@dataclass(frozen=True, slots=True)
class MotionSummary:
    motion: Motion
    is_amendment: bool
    votes: tuple[VoteSummary, ...]
    confirmed: ChairConfirmation | None


@dataclass(frozen=True, slots=True)
class ItemSummary:
    item: AgendaItem
    quorum: ItemQuorum | None
    declarations: tuple[Declaration, ...]
    motions: tuple[MotionSummary, ...]
    actions: tuple[Action, ...]
    planned_minutes: int | None  # from the planned times of this item and the next
    actual_minutes: int | None
    out_of_order: bool


def _minutes_between(start: time | None, end: time | None) -> int | None:
    if start is None or end is None:
        return None
    day = datetime(2000, 1, 1)
    delta = datetime.combine(day, end) - datetime.combine(day, start)
    if delta < timedelta(0):
        delta += timedelta(days=1)
    return int(delta.total_seconds() // 60)


def item_summaries(record: MeetingRecord) -> tuple[ItemSummary, ...]:
    votes_by_motion: dict[int, list[Vote]] = {}
    for vote in record.votes:
        votes_by_motion.setdefault(vote.motion_id, []).append(vote)
    confirmations = {c.motion_id: c for c in record.confirmations if c.motion_id is not None}
    items = list(record.items)
    summaries = []
    for index, item in enumerate(items):
        assert item.id is not None
        motions = []
        for motion in sorted((m for m in record.motions if m.item_id == item.id), key=lambda m: (m.position, m.id)):
            assert motion.id is not None
            vote_summaries = []
            for vote in votes_by_motion.get(motion.id, []):
                try:
                    vote_summaries.append(VoteSummary(vote, tally_vote(record, motion, vote), ""))
                except ValueError as exc:
                    vote_summaries.append(VoteSummary(vote, None, str(exc)))
            motions.append(
                MotionSummary(motion, motion.amends_id is not None, tuple(vote_summaries), confirmations.get(motion.id))
            )
        following = next((i.planned_time for i in items[index + 1 :] if i.planned_time), None)
        out_of_order = any(
            e.kind == EventKind.OPEN_ITEM and e.item_id == item.id and e.text == OUT_OF_ORDER for e in record.events
        )
        summaries.append(
            ItemSummary(
                item=item,
                quorum=item_quorum(record, item.id),
                declarations=tuple(d for d in record.declarations if d.item_id == item.id),
                motions=tuple(motions),
                actions=tuple(a for a in record.actions if a.item_id == item.id),
                planned_minutes=_minutes_between(item.planned_time, following),
                actual_minutes=_minutes_between(item.opened_at, item.closed_at),
                out_of_order=out_of_order,
            )
        )
    return tuple(summaries)


def open_items(record: MeetingRecord) -> tuple[AgendaItem, ...]:
    return tuple(i for i in record.items if i.status in (ItemStatus.PENDING, ItemStatus.OPEN))


def ballots_add_up(ballots: Sequence[tuple[int, Ballot]]) -> tuple[int, int, int, int]:
    """Totals of a named vote: for, against, abstentions, did not vote."""
    counts = dict.fromkeys(Ballot, 0)
    for _, ballot in ballots:
        counts[ballot] += 1
    return counts[Ballot.FOR], counts[Ballot.AGAINST], counts[Ballot.ABSTAIN], counts[Ballot.DID_NOT_VOTE]
