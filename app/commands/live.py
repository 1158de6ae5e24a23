"""Live meeting commands: what the secretary does on the day, the same for the window and `quorate replay`.

Each command checks its input against the meeting as it stands, then writes in one undoable,
audited step (app/storage/live.py). After every command the quorum is worked out again; when the
room stops being quorate the step also records that fact, and the command's result carries the
warning and the minute to propose.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property

from rapidfuzz import fuzz, process

from app.domain import (
    Action,
    AgendaItem,
    Ballot,
    ConfirmationKind,
    DeclarationConduct,
    EventKind,
    ItemStatus,
    MeetingRecord,
    Motion,
    MotionOutcome,
    Part,
    Person,
    Presence,
    Vote,
    VoteKind,
)
from app.services import live as svc
from app.services.rules_engine import TallyError, TallyOutcome, TallyResult
from app.storage import Store
from app.storage import people as people_store
from app.storage.keys import KdfParams, pin_params, stretch
from app.storage.live import LiveWriter
from app.storage.record_cache import RecordCache

ESCALATE_AFTER_RED = 3  # meetings in a row an action was red before it is escalated


class LiveError(ValueError):
    """The command cannot be done as asked; the message says why in one sentence."""


class InquorateVote(LiveError):
    """A vote while the meeting is inquorate: record it only when the secretary confirms."""


@dataclass(frozen=True, slots=True)
class Done:
    """What a command did: its label (for undo), anything to tell the secretary, a minute to propose."""

    label: str
    messages: tuple[str, ...] = ()
    proposed_minute: str = ""
    new_id: int | None = None
    tally: TallyResult | None = None


def now() -> time:
    return datetime.now().time().replace(second=0, microsecond=0)


def _clock(value: time) -> str:
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def _untimed(time_known: bool) -> str:
    """The text of a room event whose time nobody recorded (a replay from minutes that give none)."""
    return svc.room_event_text(time_known=time_known)


# The chair's PIN (issue 18): at least six digits, kept as an Argon2id verifier (memory-hard, the library's unlock
# cost) inside the library, which is encrypted; after FREE_PIN_TRIES wrong PINs in a row each try waits twice as
# long as the last (30 s, 1 min, … up to an hour), counted in the database so that a restart does not reset it.
PIN_DIGITS = 6
FREE_PIN_TRIES = 3
_PIN_WAIT_S, _PIN_WAIT_MAX_S = 30, 3600


def _pin_digest(pin: str, salt: bytes, params: KdfParams | None = None) -> str:
    """`argon2id$memory$passes$lanes$salt$hash` (hex)."""
    params = params or pin_params()
    key = stretch(pin, salt, params)
    return f"argon2id${params.memory_kib}${params.iterations}${params.lanes}${salt.hex()}${key.hex()}"


def _pin_matches(pin: str, stored: str) -> bool:
    if stored.startswith("argon2id$"):
        _, memory, passes, lanes, salt, _key = stored.split("$")
        params = KdfParams(int(memory), int(passes), int(lanes))
        return hmac.compare_digest(_pin_digest(pin, bytes.fromhex(salt), params), stored)
    salt, _ = stored.split(":", 1)  # kept by an earlier Quorate: salted scrypt
    legacy = salt + ":" + hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1).hex()
    return hmac.compare_digest(legacy, stored)


class LiveMeeting:
    """One meeting being minuted. Cheap to make; reads the record afresh after each command."""

    def __init__(self, store: Store, meeting_id: int, actor: str = "secretary") -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.writer = LiveWriter(store, meeting_id, actor)
        self._records = RecordCache(store, meeting_id)  # per-command cost must not grow with the meeting

    # -- reading -----------------------------------------------------------------------------------------------

    def record(self) -> MeetingRecord:
        """The record as it stands, brought up to date from the rows written since it was last read."""
        return self._records.record()

    @cached_property
    def _people(self) -> tuple[Person, ...]:
        return tuple(self.store.people(self.writer.body_id))

    def person(self, person_id: int) -> Person:
        found = next((p for p in self._people if p.id == person_id), None)
        if found is None:
            raise LiveError(f"There is no person with id {person_id} in this body.")
        return found

    @cached_property
    def _aliases(self) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = {}
        for alias in people_store.aliases(self.store, self.writer.body_id):
            found.setdefault(alias.person_id, []).append(alias.alias)
        return {pid: tuple(names) for pid, names in found.items()}

    def find_person(self, name: str) -> Person:
        """A person by exact full name, initials, surname or a name they are also known by; never a guess.

        A name that fits two people, or fits nobody exactly, is refused naming the candidates (close spellings
        are offered, never chosen). A single letter names nobody: "M" is not the chair.
        """
        wanted = svc.name_key(name)
        if not wanted:
            raise LiveError("No person was named.")
        if len(wanted.replace(" ", "")) < 2:
            raise LiveError(f"“{name}” is too short to name anyone: give the full name or initials.")
        people = [p for p in self._people if p.id is not None]
        norm = svc.name_key
        keys: tuple[Callable[[Person], Iterable[str]], ...] = (
            lambda p: (norm(p.name), norm(f"{p.title} {p.name}")),
            lambda p: (norm(p.initials),) if len(p.initials) >= 2 else (),
            lambda p: tuple(norm(a) for a in self._aliases.get(p.id or -1, ())),
            lambda p: svc.given_and_surname(p.name),
            lambda p: svc.surname_forms(p.name),
        )
        for key in keys:
            found = [p for p in people if wanted in key(p)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise LiveError(f"“{name}” could be {' or '.join(p.name for p in found)}: give the full name.")
        choices = {p.id: p.name for p in people}
        close = process.extract(name, choices, scorer=fuzz.WRatio, score_cutoff=80, limit=3)
        if close:
            offered = " or ".join(f"“{match[0]}”" for match in close)
            raise LiveError(f"Nobody is called exactly “{name}”: did you mean {offered}?")
        raise LiveError(f"Nobody called “{name}” is in this body's people; add them under Body ▸ People first.")

    def item(self, item_id: int) -> AgendaItem:
        found = next((i for i in self.store.items(self.meeting_id) if i.id == item_id), None)
        if found is None:
            raise LiveError(f"There is no agenda item with id {item_id} in this meeting.")
        return found

    def find_item(self, number: str) -> AgendaItem:
        wanted = number.strip().rstrip(".").casefold()
        items = self.store.items(self.meeting_id)
        found = [i for i in items if i.number.strip().rstrip(".").casefold() == wanted]
        if not found:
            raise LiveError(f"The agenda has no item numbered “{number}”.")
        return found[0]

    def _motion(self, record: MeetingRecord, motion_id: int) -> Motion:
        found = next((m for m in record.motions if m.id == motion_id), None)
        if found is None:
            raise LiveError(f"There is no motion with id {motion_id} in this meeting.")
        return found

    # -- the quorum follows every change ---------------------------------------------------------------------

    def _after(self, label: str, at: time, messages: Sequence[str] = (), **extra: object) -> Done:
        """Inside a step: note the meeting becoming inquorate (or quorate again) as it happens."""
        record = self.record()
        proposed = str(extra.pop("proposed_minute", ""))
        notes = list(messages)
        # Quorum is followed from the roll call on: before it, nobody has been counted yet.
        roll_called = any(e.kind == EventKind.ARRIVE and e.text == svc.ROLL_CALL for e in record.events)
        if record.meeting.started_at is not None and record.meeting.closed_at is None and roll_called:
            result = svc.quorum_now(record)
            last = svc.last_quorum_event(record)
            if not result.quorate and last != EventKind.INQUORATE:
                reason = result.reasons[0].removeprefix("inquorate: ")
                self.writer.add_event(EventKind.INQUORATE, at, record.meeting.current_item_id, text=reason)
                notes.append(f"The meeting is now inquorate: {reason}.")
                proposed = svc.inquorate_minute(at)
            elif result.quorate and last == EventKind.INQUORATE:
                self.writer.add_event(EventKind.QUORATE, at, record.meeting.current_item_id)
                notes.append("The meeting is quorate again.")
                proposed = svc.quorate_again_minute(at)
        new_id = extra.get("new_id")
        tally = extra.get("tally")
        return Done(
            label,
            tuple(notes),
            proposed,
            new_id if isinstance(new_id, int) else None,
            tally if isinstance(tally, TallyResult) else None,
        )

    # -- opening, the roll call, the room ---------------------------------------------------------------------

    def start(self, at: time | None = None) -> Done:
        at = at or now()
        meeting = self.store.meeting(self.meeting_id)
        if meeting.started_at is not None:
            raise LiveError(f"This meeting was already started at {svc.hhmm(meeting.started_at)}.")
        with self.writer.step("Start meeting") as w:
            w.update("meeting", self.meeting_id, {"started_at": _clock(at)})
            w.add_event(EventKind.START, at)
            return self._after("Start meeting", at)

    def _require_started(self) -> MeetingRecord:
        record = self.record()
        if record.meeting.started_at is None:
            raise LiveError("Start the meeting first (Meeting ▸ Start meeting).")
        if record.meeting.closed_at is not None:
            raise LiveError(f"The meeting was closed at {svc.hhmm(record.meeting.closed_at)}; reopen it to go on.")
        return record

    def roll_call(
        self,
        presence: Mapping[int, Presence],
        deputies: Mapping[int, int] | None = None,
        public: int | None = None,
        at: time | None = None,
    ) -> Done:
        """Who is here at the start. `deputies` maps a deputy's id to the member they stand in for."""
        record = self._require_started()
        at = at or record.meeting.started_at or now()
        deputies = dict(deputies or {})
        rules = record.body.rules
        for deputy_id, member_id in deputies.items():
            self.check_deputy(deputy_id, member_id, presence)
        if any(state == Presence.REMOTE for state in presence.values()) and not rules.remote_attendance:
            raise LiveError(
                "This body's rules do not allow attendance by video or phone (Body ▸ Rules): "
                "record the person as present, absent or sending apologies."
            )
        if public is not None and public < 0:
            raise LiveError("The number of members of the public cannot be negative.")
        rows = dict(presence)
        for deputy_id, member_id in deputies.items():
            rows[deputy_id] = rows.get(deputy_id, Presence.PRESENT)
            if rows[deputy_id] not in (Presence.PRESENT, Presence.REMOTE):
                rows[deputy_id] = Presence.PRESENT
            rows[member_id] = Presence.DEPUTISED
        # Once business has begun, the roll call no longer rewrites who was here: a change is an arrival or a
        # departure at this time, so the items already taken keep the room they had.
        begun = any(e.kind == EventKind.OPEN_ITEM for e in record.events) and any(
            e.kind == EventKind.ARRIVE and e.text == svc.ROLL_CALL for e in record.events
        )
        with self.writer.step("Roll call") as w:
            in_room = self._in_room(record)
            for person_id, state in rows.items():
                self.person(person_id)
                if begun and w.attendance_id(person_id) is not None:
                    self._change_presence(w, record, person_id, state, deputies.get(person_id), at, in_room)
                else:
                    self._set_presence(w, person_id, state, deputies.get(person_id), at)
            if public is not None:
                w.update("meeting", self.meeting_id, {"members_of_public": public})
            return self._after("Roll call", at)

    def check_deputy(self, deputy_id: int, member_id: int, presence: Mapping[int, Presence]) -> None:
        """Refuse a deputy the rules do not allow: one sentence saying why (the roll call shows it)."""
        member, deputy = self.person(member_id), self.person(deputy_id)
        if deputy_id == member_id:
            raise LiveError(f"{member.name} cannot deputise for themselves.")
        if presence.get(member_id, Presence.DEPUTISED) in (Presence.PRESENT, Presence.REMOTE):
            raise LiveError(f"{member.name} is present, so {deputy.name} cannot deputise for them.")
        if deputy.retired:
            raise LiveError(f"{deputy.name} has retired, so cannot deputise for {member.name}.")
        rules = self.store.body(self.writer.body_id).rules
        registered = people_store.deputies(self.store, member_id)
        if deputy_id not in registered and not rules.unregistered_deputies:
            named = ", ".join(self.person(d).name for d in registered) or "nobody"
            raise LiveError(
                f"{deputy.name} is not registered as {member.name}'s deputy (registered: {named}); register them "
                "under Body ▸ People, or allow unregistered deputies in the rules."
            )

    def _change_presence(
        self,
        w: LiveWriter,
        record: MeetingRecord,
        person_id: int,
        state: Presence,
        deputy_for: int | None,
        at: time,
        in_room: frozenset[int],
    ) -> None:
        here = state in (Presence.PRESENT, Presence.REMOTE)
        existing = w.attendance_id(person_id)
        assert existing is not None
        before = w.row("attendance", existing) or {}
        if here and person_id not in in_room:
            w.add_event(EventKind.ARRIVE, at, record.meeting.current_item_id, person_id)
            w.update(
                "attendance",
                existing,
                {"presence": state.value, "deputy_for_id": deputy_for, "arrived_at": _clock(at), "left_at": None},
            )
        elif not here and person_id in in_room:
            w.add_event(EventKind.LEAVE, at, record.meeting.current_item_id, person_id)
            w.update("attendance", existing, {"left_at": _clock(at)})
        elif not here and before.get("presence") not in (Presence.PRESENT.value, Presence.REMOTE.value):
            w.update("attendance", existing, {"presence": state.value, "deputy_for_id": deputy_for})

    def _set_presence(self, w: LiveWriter, person_id: int, state: Presence, deputy_for: int | None, at: time) -> None:
        row = {"presence": state.value, "deputy_for_id": deputy_for}
        existing = w.attendance_id(person_id)
        if existing is None:
            w.insert("attendance", {"meeting_id": self.meeting_id, "person_id": person_id, **row})
        else:
            w.update("attendance", existing, row)
        roll_events = w.event_ids(EventKind.ARRIVE, person_id, svc.ROLL_CALL)
        here = state in (Presence.PRESENT, Presence.REMOTE)
        if here and not roll_events:
            w.add_event(EventKind.ARRIVE, at, person_id=person_id, text=svc.ROLL_CALL)
        elif not here:
            for event_id in roll_events:
                w.delete("meeting_event", event_id)

    def receive_apologies(self, sent: Iterable[int]) -> Done:
        """Apologies received before the meeting: the roll call starts from them. Only before the roll call."""
        record = self.record()
        if any(e.kind == EventKind.ARRIVE and e.text == svc.ROLL_CALL for e in record.events):
            raise LiveError("The roll call has been taken: record late apologies in the roll call itself.")
        wanted = {self.person(pid).id for pid in sent}
        label = "Apologies received"
        with self.writer.step(label) as w:
            for row in record.attendance:
                if row.presence == Presence.APOLOGIES and row.person_id not in wanted and row.id is not None:
                    w.delete("attendance", row.id)
            held = {a.person_id for a in record.attendance}
            for person_id in sorted(p for p in wanted if p is not None and p not in held):
                w.insert(
                    "attendance",
                    {"meeting_id": self.meeting_id, "person_id": person_id, "presence": Presence.APOLOGIES.value},
                )
            return Done(label, (f"Apologies recorded from {len(wanted)} people.",))

    def set_public(self, count: int, at: time | None = None) -> Done:
        if count < 0:
            raise LiveError("The number of members of the public cannot be negative.")
        with self.writer.step("Members of the public") as w:
            w.update("meeting", self.meeting_id, {"members_of_public": count})
            return self._after("Members of the public", at or now())

    def _in_room(self, record: MeetingRecord) -> frozenset[int]:
        return svc.room_after(record).present

    def arrive(self, person_id: int, at: time | None = None, *, time_known: bool = True) -> Done:
        record = self._require_started()
        at = at or now()
        person = self.person(person_id)
        if person_id in self._in_room(record):
            raise LiveError(f"{person.name} is already in the meeting.")
        label = f"{person.name} arrived"
        with self.writer.step(label) as w:
            w.add_event(EventKind.ARRIVE, at, record.meeting.current_item_id, person_id, _untimed(time_known))
            existing = w.attendance_id(person_id)
            row = {"presence": Presence.PRESENT.value, "arrived_at": _clock(at)}
            if existing is None:
                w.insert("attendance", {"meeting_id": self.meeting_id, "person_id": person_id, **row})
            else:
                before = w.row("attendance", existing) or {}
                late = before.get("presence") != Presence.PRESENT.value or before.get("arrived_at") is not None
                w.update("attendance", existing, row if late else {"left_at": None})
            return self._after(label, at)

    def leave(self, person_id: int, at: time | None = None, *, time_known: bool = True) -> Done:
        record = self._require_started()
        at = at or now()
        person = self.person(person_id)
        if person_id not in self._in_room(record):
            raise LiveError(f"{person.name} is not in the meeting, so cannot leave it.")
        item = svc.current_item(record)
        label = f"{person.name} left"
        with self.writer.step(label) as w:
            w.add_event(EventKind.LEAVE, at, item.id if item else None, person_id, _untimed(time_known))
            existing = w.attendance_id(person_id)
            if existing is not None:
                w.update("attendance", existing, {"left_at": _clock(at)})
            after = f" during item {item.number}" if item else ""  # the item is still being taken
            return self._after(label, at, proposed_minute=f"{person.name} left the meeting{after} at {svc.hhmm(at)}.")

    def withdraw(self, person_id: int, at: time | None = None, reason: str = "") -> Done:
        """Leaves the room for the item being taken, and is expected back."""
        record = self._require_started()
        at = at or now()
        person = self.person(person_id)
        item = svc.current_item(record)
        if item is None:
            raise LiveError("Open the item first: a withdrawal is for one item.")
        if person_id not in self._in_room(record):
            raise LiveError(f"{person.name} is not in the meeting, so cannot withdraw.")
        label = f"{person.name} withdrew"
        with self.writer.step(label) as w:
            w.add_event(EventKind.WITHDRAW, at, item.id, person_id, reason)
            return self._after(label, at, proposed_minute=f"{person.name} withdrew from the meeting for this item.")

    def return_(self, person_id: int, at: time | None = None, *, time_known: bool = True) -> Done:
        record = self._require_started()
        at = at or now()
        person = self.person(person_id)
        withdrawn = [
            e for e in record.events if e.person_id == person_id and e.kind in (EventKind.WITHDRAW, EventKind.LEAVE)
        ]
        if person_id in self._in_room(record) or not withdrawn:
            raise LiveError(f"{person.name} has not withdrawn or left, so cannot return.")
        label = f"{person.name} returned"
        with self.writer.step(label) as w:
            w.add_event(EventKind.RETURN, at, record.meeting.current_item_id, person_id, _untimed(time_known))
            existing = w.attendance_id(person_id)
            if existing is not None and withdrawn[-1].kind == EventKind.LEAVE:
                w.update("attendance", existing, {"left_at": None})
            return self._after(label, at, proposed_minute=f"{person.name} returned to the meeting.")

    # -- walking the agenda -----------------------------------------------------------------------------------

    def open_item(self, item_id: int, at: time | None = None) -> Done:
        record = self._require_started()
        at = at or now()
        item = self.item(item_id)
        label = f"Item {item.number or item.title}"
        with self.writer.step(label) as w:
            self._close_current(w, record, at)
            changes: dict[str, object] = {"status": ItemStatus.OPEN.value}
            if item.opened_at is None:
                changes |= {"opened_at": _clock(at), "taken_order": w.next_taken_order()}
            w.update("agenda_item", item_id, changes)
            w.update("meeting", self.meeting_id, {"current_item_id": item_id})
            earlier = [i for i in record.items if i.position < item.position and i.status == ItemStatus.PENDING]
            early = bool(earlier) and item.opened_at is None
            w.add_event(EventKind.OPEN_ITEM, at, item_id, text=svc.OUT_OF_ORDER if early else "")
            messages = [f"Item {item.number} is being taken before item {earlier[0].number}."] if early else []
            return self._after(label, at, messages)

    def _close_current(self, w: LiveWriter, record: MeetingRecord, at: time) -> None:
        current = svc.current_item(record)
        if current is not None and current.id is not None and current.status == ItemStatus.OPEN:
            w.update("agenda_item", current.id, {"status": ItemStatus.TAKEN.value, "closed_at": _clock(at)})
            w.update("meeting", self.meeting_id, {"current_item_id": None})

    def defer_item(self, item_id: int, at: time | None = None, reason: str = "") -> Done:
        record = self._require_started()
        at = at or now()
        item = self.item(item_id)
        label = f"Defer item {item.number}"
        with self.writer.step(label) as w:
            if record.meeting.current_item_id == item_id:
                w.update("meeting", self.meeting_id, {"current_item_id": None})
            w.update("agenda_item", item_id, {"status": ItemStatus.DEFERRED.value})
            w.add_event(EventKind.DEFER_ITEM, at, item_id, text=reason)
            return self._after(label, at, proposed_minute=f"This item was deferred{': ' + reason if reason else '.'}")

    def next_item(self, record: MeetingRecord | None = None) -> AgendaItem | None:
        """The item after the current one in agenda order that is still to be taken."""
        record = record or self.record()
        current = svc.current_item(record)
        after = current.position if current else -1
        pending = [i for i in record.items if i.status == ItemStatus.PENDING]
        return next((i for i in pending if i.position > after), pending[0] if pending else None)

    # -- declarations -----------------------------------------------------------------------------------------

    def declare(
        self,
        item_id: int,
        person_id: int,
        interest: str,
        kind: str = "",
        conduct: DeclarationConduct = DeclarationConduct.REMAINED_TOOK_PART,
        at: time | None = None,
        interest_id: int | None = None,
        add_to_register: bool = False,
    ) -> Done:
        record = self._require_started()
        at = at or now()
        person = self.person(person_id)
        item = self.item(item_id)
        if not interest.strip():
            raise LiveError(f"Say what {person.name}'s interest is.")
        if person_id not in self._in_room(record):
            raise LiveError(f"{person.name} is not in the meeting, so cannot declare an interest at it.")
        label = f"{person.name} declared an interest"
        with self.writer.step(label) as w:
            if add_to_register and interest_id is None:
                interest_id = w.insert(
                    "interest",
                    {
                        "person_id": person_id,
                        "position": person.role,  # as the register prints it beside the name
                        "details": interest.strip(),
                        "financial": int("financial" in kind.casefold() and "non" not in kind.casefold()),
                        "date_declared": (record.meeting.date or date.today()).isoformat(),
                        "date_declared_iso": (record.meeting.date or date.today()).isoformat(),
                    },
                )
            new_id = w.insert(
                "declaration",
                {
                    "item_id": item_id,
                    "person_id": person_id,
                    "interest": interest.strip(),
                    "kind": kind,
                    "conduct": conduct.value,
                    "declared_at": _clock(at),
                    "interest_id": interest_id,
                },
            )
            in_room = person_id in self._in_room(record)
            if conduct == DeclarationConduct.WITHDREW and in_room and record.meeting.current_item_id == item.id:
                w.add_event(EventKind.WITHDRAW, at, item_id, person_id, "declared an interest")
            return self._after(label, at, new_id=new_id)

    # -- motions, votes, outcomes ---------------------------------------------------------------------------

    def move(
        self,
        item_id: int,
        text: str,
        mover_id: int | None = None,
        seconder_id: int | None = None,
        amends_id: int | None = None,
        at: time | None = None,
        amended_wording: str = "",
    ) -> Done:
        """A motion, or an amendment to one (`amends_id`). An amendment's `amended_wording` is the substantive
        motion as it reads if the amendment is carried: the minutes resolve that wording, not the original."""
        record = self._require_started()
        at = at or now()
        self.item(item_id)
        if not text.strip():
            raise LiveError("A motion needs its wording.")
        if amended_wording.strip() and amends_id is None:
            raise LiveError("Only an amendment has a wording “as amended”.")
        if mover_id is not None and mover_id == seconder_id:
            raise LiveError(f"{self.person(mover_id).name} moved the motion and cannot also second it.")
        room = self._in_room(record)
        for role, pid in (("mover", mover_id), ("seconder", seconder_id)):
            if pid is not None and pid not in room:
                raise LiveError(f"{self.person(pid).name}, named as {role}, is not in the meeting.")
        if amends_id is not None:
            target = self._motion(record, amends_id)
            if target.item_id != item_id:
                raise LiveError("An amendment must be to a motion on the same item.")
            if target.outcome != MotionOutcome.PENDING:
                raise LiveError("That motion has already been decided, so it can no longer be amended.")
        label = "Amendment moved" if amends_id else "Motion moved"
        with self.writer.step(label) as w:
            new_id = w.insert(
                "motion",
                {
                    "item_id": item_id,
                    "text": text.strip(),
                    "mover_id": mover_id,
                    "seconder_id": seconder_id,
                    "amends_id": amends_id,
                    "position": w.next_motion_position(item_id),
                    "moved_at": _clock(at),
                    "amended_wording": amended_wording.strip(),
                },
            )
            return self._after(label, at, new_id=new_id)

    def vote(
        self,
        motion_id: int,
        votes_for: int = 0,
        against: int = 0,
        abstain: int = 0,
        did_not_vote: int = 0,
        *,
        ballots: Mapping[int, Ballot] | None = None,
        at: time | None = None,
        despite_inquorate: bool = False,
    ) -> Done:
        """A show of hands (totals) or, with `ballots`, a recorded vote naming every eligible person present."""
        record = self._require_started()
        at = at or now()
        motion = self._motion(record, motion_id)
        if motion.outcome != MotionOutcome.PENDING:
            raise LiveError(f"This motion was already {motion.outcome.value}; undo that first to vote again.")
        pending_amendments = [
            m for m in record.motions if m.amends_id == motion_id and m.outcome == MotionOutcome.PENDING
        ]
        if pending_amendments:
            raise LiveError("Vote on the amendment first: amendments are decided before the motion they amend.")
        eligible = svc.eligible_now(record, motion.item_id)
        eligible_ids = {p.id for p in eligible}
        if ballots is not None:
            strangers = [self.person(pid).name for pid in ballots if pid not in eligible_ids]
            if strangers:
                raise LiveError(f"{', '.join(strangers)} may not vote on this item (not present, or not eligible).")
            missing = [p.name for p in eligible if p.id not in ballots]
            if missing:
                raise LiveError(
                    f"A recorded vote names everyone eligible: no vote recorded yet for {', '.join(missing)}."
                )
            votes_for, against, abstain, did_not_vote = svc.ballots_add_up(list(ballots.items()))
        quorum = svc.quorum_now(record)
        if not quorum.quorate and not despite_inquorate:
            raise InquorateVote(
                f"The meeting is inquorate ({quorum.reasons[0].removeprefix('inquorate: ')}); a vote now may not be "
                "valid. "
                "Record it anyway only if the chair so rules."
            )
        kind = VoteKind.RECORDED if ballots is not None else VoteKind.SHOW_OF_HANDS
        provisional = Vote(
            None, motion_id, kind, votes_for, against, abstain, did_not_vote, after_event_id=svc.last_event_id(record)
        )
        try:
            svc.tally_vote(record, motion, provisional)
        except TallyError as exc:
            raise LiveError(f"The votes do not add up: {exc}.") from exc
        label = "Vote recorded"
        with self.writer.step(label) as w:
            vote_id = w.insert(
                "vote",
                {
                    "motion_id": motion_id,
                    "kind": kind.value,
                    "votes_for": votes_for,
                    "votes_against": against,
                    "abstentions": abstain,
                    "did_not_vote": did_not_vote,
                    "taken_at": _clock(at),
                    "after_event_id": svc.last_event_id(record),
                    "despite_inquorate": int(not quorum.quorate),
                },
            )
            for person_id, ballot in (ballots or {}).items():
                w.insert("ballot", {"vote_id": vote_id, "person_id": person_id, "ballot": ballot.value})
            tallied = self._tally_stored(vote_id)
            self._apply_tally(w, motion, tallied, at)
            messages = [tallied.explanation]
            if tallied.outcome == TallyOutcome.TIED:
                messages.append("The chair may give a casting vote.")
            return self._after(label, at, messages, new_id=vote_id, tally=tallied)

    def _tally_stored(self, vote_id: int) -> TallyResult:
        record = self.record()
        vote = next(v for v in record.votes if v.id == vote_id)
        return svc.tally_vote(record, self._motion(record, vote.motion_id), vote)

    def _apply_tally(self, w: LiveWriter, motion: Motion, result: TallyResult, at: time) -> None:
        outcome = {TallyOutcome.CARRIED: MotionOutcome.CARRIED, TallyOutcome.LOST: MotionOutcome.LOST}.get(
            result.outcome
        )
        if outcome is not None and motion.id is not None:
            w.update("motion", motion.id, {"outcome": outcome.value, "decided_at": _clock(at)})

    def casting_vote(self, motion_id: int, ballot: Ballot, at: time | None = None) -> Done:
        record = self._require_started()
        at = at or now()
        motion = self._motion(record, motion_id)
        votes = [v for v in record.votes if v.motion_id == motion_id]
        if not votes:
            raise LiveError("Record the vote before the casting vote.")
        vote = votes[-1]
        assert vote.id is not None
        presiding = self._chair(record)
        if presiding is None:
            raise LiveError(
                "No one is presiding, so there is no casting vote to give: record who is in the chair first "
                "(Meeting ▸ Who is presiding…)."
            )
        try:
            svc.tally_vote(record, motion, replace(vote, casting_vote=ballot))
        except TallyError as exc:
            raise LiveError(f"No casting vote here: {exc}.") from exc
        label = "Casting vote"
        with self.writer.step(label) as w:
            w.update("vote", vote.id, {"casting_vote": ballot.value, "casting_by_id": presiding})
            tallied = self._tally_stored(vote.id)
            self._apply_tally(w, motion, tallied, at)
            return self._after(label, at, [tallied.explanation], tally=tallied)

    def set_outcome(
        self,
        motion_id: int,
        outcome: MotionOutcome,
        at: time | None = None,
        minority_view: str | None = None,
        note: str | None = None,
    ) -> Done:
        """Decide a motion without a count (consensus, noted, withdrawn, deferred, referred) or correct its outcome.

        `note` says what the minutes need with it: why it was deferred, to whom it was referred, with whose
        leave it was withdrawn. A referral must say to whom.
        """
        record = self._require_started()
        at = at or now()
        motion = self._motion(record, motion_id)
        if outcome == MotionOutcome.REFERRED and not (note or motion.outcome_note).strip():
            raise LiveError("Say to whom the matter was referred.")
        if outcome == MotionOutcome.PENDING:
            raise LiveError("An outcome is carried, lost, consensus, noted, withdrawn, deferred or referred.")
        if outcome in (MotionOutcome.CARRIED, MotionOutcome.LOST) and not any(
            v.motion_id == motion_id for v in record.votes
        ):
            outcome = MotionOutcome.CONSENSUS if outcome == MotionOutcome.CARRIED else outcome
        label = f"Motion {outcome.value}"
        with self.writer.step(label) as w:
            changes: dict[str, object] = {"outcome": outcome.value, "decided_at": _clock(at)}
            if minority_view is not None:
                changes["minority_view"] = minority_view.strip()
            if note is not None:
                changes["outcome_note"] = note.strip()
            assert motion.id is not None
            w.update("motion", motion.id, changes)
            return self._after(label, at)

    # -- the chair --------------------------------------------------------------------------------------------

    def set_chair_pin(self, pin: str, current: str | None = None) -> Done:
        """Set the chair's PIN (empty: none). Changing or removing a PIN needs the `current` one: whoever sits at
        the secretary's keyboard cannot turn the check off."""
        if pin and (len(pin) < PIN_DIGITS or not pin.isdigit()):
            raise LiveError(f"The chair's PIN must be at least {PIN_DIGITS} digits.")
        if self.writer.chair_pin_hash():
            if not current:
                raise LiveError("The chair's current PIN is needed to change or remove it.")
            self._check_pin(current)
        with self.writer.step("Chair's PIN") as w:
            w.set_chair_pin_hash(_pin_digest(pin, os.urandom(16)) if pin else "")
            return Done("Chair's PIN")

    def _check_pin(self, pin: str | None) -> bool:
        """True when a PIN is set and `pin` is it; False when none is set (the confirmation is recorded as made
        without the check). Refused while wrong tries wait, and counted when wrong."""
        stored = self.writer.chair_pin_hash()
        if not stored:
            return False
        if pin is None:
            raise LiveError("The chair's PIN is needed to confirm.")
        failures, until = self.writer.pin_guard()
        moment = datetime.now().astimezone()
        if until is not None and moment < datetime.fromisoformat(until):
            wait = int((datetime.fromisoformat(until) - moment).total_seconds()) + 1
            raise LiveError(f"Too many wrong PINs in a row: the chair can try again in {wait} seconds.")
        if not _pin_matches(pin, stored):
            failures += 1
            wait = (
                0 if failures < FREE_PIN_TRIES else min(_PIN_WAIT_MAX_S, _PIN_WAIT_S * 2 ** (failures - FREE_PIN_TRIES))
            )
            self.writer.set_pin_guard(failures, (moment + timedelta(seconds=wait)).isoformat() if wait else None)
            later = f" Wait {wait} seconds before trying again." if wait else ""
            raise LiveError(f"That is not the chair's PIN.{later}")
        if failures:
            self.writer.set_pin_guard(0, None)
        return True

    def _chair(self, record: MeetingRecord) -> int | None:
        return svc.room_after(record).presiding_id

    def presiding(self) -> Person | None:
        """Who is in the chair now (None: no one is presiding)."""
        chair = self._chair(self.record())
        return self.person(chair) if chair is not None else None

    def preside(self, person_id: int | None, at: time | None = None, *, time_known: bool = True) -> Done:
        """`person_id` takes the chair from now on; None: the chair is vacated (no one presides until someone
        takes it). The vice-chair is never assumed: the secretary records who presides."""
        record = self._require_started()
        at = at or now()
        current = self._chair(record)
        if person_id is not None:
            person = self.person(person_id)
            if person_id not in self._in_room(record):
                raise LiveError(f"{person.name} is not in the meeting, so cannot take the chair.")
            if person_id == current:
                raise LiveError(f"{person.name} is already presiding.")
            label = f"{person.name} took the chair"
            minute = f"{svc.display_name(person)} took the chair at {svc.hhmm(at)}."
        else:
            if current is None:
                raise LiveError("No one is presiding, so there is no chair to vacate.")
            label = f"{self.person(current).name} vacated the chair"
            minute = f"{svc.display_name(self.person(current))} vacated the chair at {svc.hhmm(at)}."
        with self.writer.step(label) as w:
            w.add_event(EventKind.PRESIDE, at, record.meeting.current_item_id, person_id, _untimed(time_known))
            return self._after(label, at, proposed_minute=minute)

    def _require_presiding(self, record: MeetingRecord, what: str) -> int:
        chair = self._chair(record)
        if chair is None:
            raise LiveError(
                f"No one is presiding, so no one can confirm {what}: record who is in the chair first "
                "(Meeting ▸ Who is presiding…)."
            )
        return chair

    def confirm_quoracy(self, at: time | None = None, pin: str | None = None) -> Done:
        record = self._require_started()
        at = at or now()
        chair = self._require_presiding(record, "quoracy")
        checked = self._check_pin(pin)
        result = svc.quorum_now(record)
        if not result.quorate:
            raise LiveError(f"The chair cannot confirm quoracy: {result.reasons[0]}.")
        label = "Chair confirmed quoracy"
        with self.writer.step(label) as w:
            w.insert(
                "chair_confirmation",
                {
                    "meeting_id": self.meeting_id,
                    "kind": ConfirmationKind.QUORACY.value,
                    "item_id": record.meeting.current_item_id,
                    "wording": svc.quoracy_minute(result),
                    "chair_id": chair,
                    "at": _clock(at),
                    "pin_checked": int(checked),
                },
            )
            return self._after(label, at, proposed_minute=svc.quoracy_minute(result))

    def confirm_resolution(
        self, motion_id: int, wording: str | None = None, at: time | None = None, pin: str | None = None
    ) -> Done:
        record = self._require_started()
        at = at or now()
        motion = self._motion(record, motion_id)
        if motion.outcome in (MotionOutcome.PENDING,):
            raise LiveError("The motion has not been decided yet, so there is no resolution to confirm.")
        chair = self._require_presiding(record, "the resolution")
        checked = self._check_pin(pin)
        final = (wording or motion.text).strip()
        label = "Chair confirmed the resolution"
        with self.writer.step(label) as w:
            assert motion.id is not None
            if final != motion.text:
                w.update("motion", motion.id, {"text": final})
            w.insert(
                "chair_confirmation",
                {
                    "meeting_id": self.meeting_id,
                    "kind": ConfirmationKind.RESOLUTION.value,
                    "item_id": motion.item_id,
                    "motion_id": motion.id,
                    "wording": final,
                    "chair_id": chair,
                    "at": _clock(at),
                    "pin_checked": int(checked),
                },
            )
            return self._after(label, at)

    # -- minutes and actions --------------------------------------------------------------------------------

    def minute(self, item_id: int, text: str) -> Done:
        """The item's minute text (write-through; the editor keeps its own undo for typing)."""
        self.item(item_id)
        self.writer.check_unlocked()
        self.store.set_minute(item_id, text, self.writer.actor)
        return Done("Minute")

    def add_action(
        self,
        item_id: int | None,
        text: str,
        owners: Sequence[str] = (),
        due: date | None = None,
        number: str | None = None,
        at: time | None = None,
    ) -> Done:
        if not text.strip():
            raise LiveError("Say what the action is.")
        existing = self.writer.body_actions()
        if number is None:
            numbers = [int(a.number) for a in existing if a.number.isdigit()]
            number = str(max(numbers, default=0) + 1)
        elif any(a.number == number and a.origin == "raised" for a in existing):
            raise LiveError(f"Action {number} already exists for this body.")
        # The same action already read from a later pack's tracker: this is where it was raised.
        tracked = next((a for a in existing if a.number == number and a.origin == "tracker"), None)
        row = {
            "meeting_id": self.meeting_id,
            "item_id": item_id,
            "number": number,
            "text": text.strip(),
            "owners": ";".join(o.strip() for o in owners if o.strip()),
            "due": due.isoformat() if due else None,
        }
        label = f"Action {number}"
        with self.writer.step(label) as w:
            if tracked is not None and tracked.id is not None:
                w.update("action", tracked.id, {**row, "origin": "raised"})
                new_id = tracked.id
            else:
                new_id = w.insert("action", {**row, "status": "open"})
            return self._after(label, at or now(), new_id=new_id)

    def update_action(
        self,
        action_id: int,
        *,
        status: str | None = None,
        rag: str | None = None,
        note: str = "",
        at: time | None = None,
    ) -> Done:
        """What this meeting heard about an action (raised here or carried in): status, RAG, a note."""
        if status is not None and status not in ("open", "complete", "closed"):
            raise LiveError("An action's status is open, complete (closure proposed) or closed.")
        if rag is not None and rag not in ("", "red", "amber", "green", "blue"):
            raise LiveError("RAG is red, amber, green or blue.")
        action = next((a for a in self.writer.body_actions() if a.id == action_id), None)
        if action is None:
            raise LiveError(f"There is no action with id {action_id} for this body.")
        at = at or now()
        label = f"Action {action.number} updated"
        messages = []
        with self.writer.step(label) as w:
            changes: dict[str, object] = {}
            if status is not None:
                changes["status"] = status
                meeting_date = self.store.meeting(self.meeting_id).date or date.today()
                changes["closed_at"] = meeting_date.isoformat() if status == "closed" else None
            if rag is not None:
                changes["rag"] = rag
            if changes:
                w.update("action", action_id, changes)
            w.insert(
                "action_update",
                {
                    "action_id": action_id,
                    "meeting_id": self.meeting_id,
                    "at": _clock(at),
                    "text": note.strip(),
                    "status": status or "",
                    "rag": rag or "",
                },
            )
            if w.red_meetings(action_id) >= ESCALATE_AFTER_RED:
                messages.append(f"Action {action.number} has been red at {ESCALATE_AFTER_RED} meetings: escalate it.")
            return self._after(label, at, messages)

    def tracker(self) -> tuple[TrackedAction, ...]:
        """The body's action tracker as this meeting sees it: open first, with overdue and escalation."""
        meeting_date = self.store.meeting(self.meeting_id).date or date.today()
        rows = []
        for action in self.writer.body_actions():
            assert action.id is not None
            overdue = action.status == "open" and action.due is not None and action.due < meeting_date
            rows.append(
                TrackedAction(
                    action,
                    overdue,
                    self.writer.red_meetings(action.id) >= ESCALATE_AFTER_RED,
                    action.meeting_id != self.meeting_id and action.status != "closed",
                )
            )
        order = {"open": 0, "complete": 1, "closed": 2}
        return tuple(sorted(rows, key=lambda r: (order.get(r.action.status, 0), not r.overdue)))

    # -- Part II and close ----------------------------------------------------------------------------------

    def part2(self, at: time | None = None) -> Done:
        """The resolution to exclude press and public; the items not yet taken become Part II business."""
        record = self._require_started()
        at = at or now()
        if any(e.kind == EventKind.PART2 for e in record.events):
            raise LiveError("The meeting has already moved into Part II.")
        wording = svc.part2_resolution(record.body.rules, record.body.name)
        current = svc.current_item(record)
        label = "Part II"
        with self.writer.step(label) as w:
            w.add_event(EventKind.PART2, at, current.id if current else None, text=wording)
            start = current.position + 1 if current else 0
            for item in record.items:
                if item.position >= start and item.status == ItemStatus.PENDING and item.part == Part.ONE:
                    assert item.id is not None
                    w.update("agenda_item", item.id, {"part": int(Part.TWO)})
            return self._after(label, at, proposed_minute=wording)

    def close(self, at: time | None = None, *, time_known: bool = True, adjourned_to: str | None = None) -> Done:
        """Close the meeting; with `adjourned_to` (a date and time, or "" when none was fixed) the chair adjourned
        it instead, and the items not reached are minuted as not taken."""
        record = self._require_started()
        at = at or now()
        label = "Close meeting" if adjourned_to is None else "Adjourn meeting"
        with self.writer.step(label) as w:
            self._close_current(w, record, at)
            w.add_event(EventKind.CLOSE, at, text=svc.room_event_text(time_known=time_known, adjourned_to=adjourned_to))
            w.update("meeting", self.meeting_id, {"closed_at": _clock(at)})
            if adjourned_to is not None:
                to = f" to {adjourned_to.strip()}" if adjourned_to.strip() else ""
                said = f"The meeting was adjourned at {svc.hhmm(at)}{to}."
            else:
                said = f"The meeting closed at {svc.hhmm(at)}."
            return Done(label, (said,), said)

    def reopen(self, at: time | None = None) -> Done:
        """Take a closed meeting up again (the close time is kept in the record as an event)."""
        self.writer.check_unlocked()  # a signed record says so, whatever the time of day
        record = self.record()
        if record.meeting.closed_at is None:
            raise LiveError("The meeting is not closed.")
        at = at or now()
        if at < record.meeting.closed_at:
            raise LiveError(f"The meeting closed at {svc.hhmm(record.meeting.closed_at)}; it cannot reopen before.")
        with self.writer.step("Reopen meeting") as w:
            w.update("meeting", self.meeting_id, {"closed_at": None})
            w.add_event(EventKind.REOPEN, at)
            return Done("Reopen meeting", (f"The meeting was reopened at {svc.hhmm(at)}.",))

    # -- undo -----------------------------------------------------------------------------------------------

    def undo(self) -> str | None:
        return self.writer.undo()

    def redo(self) -> str | None:
        return self.writer.redo()

    def undo_label(self) -> str | None:
        return self.writer.undo_label()

    def redo_label(self) -> str | None:
        return self.writer.redo_label()


@dataclass(frozen=True, slots=True)
class TrackedAction:
    action: Action
    overdue: bool
    escalate: bool
    carried_in: bool  # raised at an earlier meeting and still open
