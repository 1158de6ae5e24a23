"""`quorate replay`: a JSON-lines file of live-meeting events applied through the window's own commands.

Each line is one event (`{"type": "arrive", "person": "JH", "at": "10:05"}`); the format is documented in
docs/replay.md. Every event goes through `LiveMeeting` (app/commands/live.py), so it is checked exactly as
the window checks it and written as one committed, audited, undoable step: nothing else writes. The first
bad event (bad JSON, an unknown type, a missing field, a person or item that cannot be found, or anything
`LiveMeeting` refuses) stops the replay with `ReplayError` naming its line; the events before it stay applied.

`meeting_state` is the resulting record as plain JSON-able data (what `quorate replay --json` prints).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from app.commands.file_schemas import SchemaError, replay_event
from app.commands.live import LiveError, LiveMeeting
from app.domain import (
    AgendaItem,
    Ballot,
    DeclarationConduct,
    EventKind,
    Meeting,
    MeetingRecord,
    MotionOutcome,
    Person,
    Presence,
    Purpose,
    Tier,
)
from app.services import live as svc
from app.storage import StorageError, Store

_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
UNKNOWN_TIME = "unknown"  # "at": "unknown": the minutes give no time, so none is printed (the order is kept)


class ReplayError(ValueError):
    """A bad event: the message starts "line N: "; `applied` events (this run and skipped) are in the meeting."""

    def __init__(self, line: int, message: str, applied: int, meeting_id: int | None = None) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.applied = applied
        self.meeting_id = meeting_id  # the meeting the events went into (a file's own `meeting` makes a new one)


@dataclass(frozen=True, slots=True)
class ReplayResult:
    meeting_id: int
    applied: int  # events in the meeting from this file (skipped ones included)
    messages: tuple[str, ...] = ()  # what the commands said (inquorate warnings, tallies), "line N: …"
    proposed_minutes: tuple[str, ...] = ()
    motions: Mapping[str, int] = field(default_factory=dict)  # the file's motion labels -> motion ids
    actions: Mapping[str, int] = field(default_factory=dict)
    resumed_after: int = 0  # events found in the meeting already (resume), not applied again


def _clip(text: str, limit: int = 60) -> str:
    """A bad value quoted back in a message, cut short so one line stays one readable line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Bad(Exception):
    """One event is wrong; the replay loop adds the line number."""


def _field(event: Mapping[str, Any], name: str) -> Any:
    if name not in event or event[name] is None:
        raise _Bad(f"a “{event.get('type')}” event needs “{name}”")
    return event[name]


def _text(event: Mapping[str, Any], name: str, default: str | None = None) -> str:
    value = event.get(name, default) if default is not None else _field(event, name)
    if not isinstance(value, str):
        raise _Bad(f"“{name}” must be text")
    return value


def _int(event: Mapping[str, Any], name: str, default: int | None = None) -> int:
    value = event.get(name, default) if default is not None else _field(event, name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Bad(f"“{name}” must be a whole number, 0 or more")
    return value


def _flag(event: Mapping[str, Any], name: str) -> bool:
    value = event.get(name, False)
    if not isinstance(value, bool):
        raise _Bad(f"“{name}” must be true or false")
    return value


def _names(event: Mapping[str, Any], name: str) -> list[str]:
    value = event.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"“{name}” must be a list of names")
    return list(value)


def parse_clock(value: object) -> time:
    """ "HH:MM" (a dot is accepted too, as minutes write "13.15")."""
    match = _CLOCK.match(value.strip()) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise _Bad(f"“at” must be a time written HH:MM, not {json.dumps(value, ensure_ascii=False)}")
    return time(int(match[1]), int(match[2]))


def _date(value: object) -> date:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else date.fromisoformat("")
    except ValueError:
        raise _Bad(f"a date is written YYYY-MM-DD, not {json.dumps(value, ensure_ascii=False)}") from None


def _enum_value[E: (Ballot, MotionOutcome, DeclarationConduct)](kind: type[E], value: object, what: str) -> E:
    words = " ".join(str(value).split()).casefold().replace(" ", "_").replace("-", "_")
    for member in kind:
        if member.value == words:
            return member
    allowed = ", ".join(m.value for m in kind)
    raise _Bad(f"{what} is one of {allowed}, not {json.dumps(value, ensure_ascii=False)}")


_CONDUCT_WORDS = {
    "withdrew": DeclarationConduct.WITHDREW,
    "left": DeclarationConduct.WITHDREW,
    "no_part": DeclarationConduct.REMAINED_NO_PART,
    "took_no_part": DeclarationConduct.REMAINED_NO_PART,
    "took_part": DeclarationConduct.REMAINED_TOOK_PART,
    "remained": DeclarationConduct.REMAINED_TOOK_PART,
}


class _Replay:
    """The state of one replay: the meeting, its clock, and the labels the file gave motions and actions."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.live = LiveMeeting(store, meeting_id, actor="replay")
        self.clock: time | None = None
        self.motions: dict[str, int] = {}
        self.actions: dict[str, int] = {}
        self.messages: list[str] = []
        self.proposed: list[str] = []
        self._skipped_record: MeetingRecord | None = None  # read once while skipping already-applied events

    # -- what events name ---------------------------------------------------------------------------------

    def at(self, event: Mapping[str, Any]) -> time:
        """The event's time; an event without one (or whose time is "unknown") is kept at the time of the event
        before, for order."""
        if event.get("at") is not None and event["at"] != UNKNOWN_TIME:
            self.clock = parse_clock(event["at"])
        if self.clock is None:
            meeting = self.store.meeting(self.meeting_id)
            self.clock = meeting.started_at or meeting.start
        if self.clock is None and event.get("at") == UNKNOWN_TIME:
            self.clock = time(0, 0)  # no time was recorded for anything yet: kept for order, never printed
        if self.clock is None:
            raise _Bad("give the time (“at”: “HH:MM”): no event before this one did")
        return self.clock

    def person(self, event: Mapping[str, Any], name: str = "person") -> Person:
        return self._person_named(_text(event, name))

    def _person_named(self, name: str) -> Person:
        try:
            found = self.live.find_person(name)
        except LiveError as exc:
            raise _Bad(str(exc).rstrip(".")) from None
        assert found.id is not None
        return found

    def person_id(self, event: Mapping[str, Any], name: str = "person") -> int:
        found = self.person(event, name)
        assert found.id is not None
        return found.id

    def optional_person_id(self, event: Mapping[str, Any], name: str) -> int | None:
        return self.person_id(event, name) if event.get(name) is not None else None

    def item(self, event: Mapping[str, Any], default_current: bool = True) -> AgendaItem:
        """The item named ("item": "10", as written), else the item being taken."""
        if event.get("item") is not None:
            try:
                return self.live.find_item(str(event["item"]))
            except LiveError as exc:
                raise _Bad(str(exc).rstrip(".")) from None
        current_id = self.store.meeting(self.meeting_id).current_item_id if default_current else None
        if current_id is None:
            raise _Bad(f"a “{event.get('type')}” event needs “item” (no item is open)")
        return self.live.item(current_id)

    def motion_id(self, event: Mapping[str, Any], name: str = "motion") -> int:
        label = str(_field(event, name))
        if label not in self.motions:
            raise _Bad(f"no motion labelled “{label}” was moved earlier in this file")
        return self.motions[label]

    def action_id(self, event: Mapping[str, Any]) -> int:
        label = str(_field(event, "action"))
        if label in self.actions:
            return self.actions[label]
        found = [a for a in self.live.writer.body_actions() if a.number == label and a.id is not None]
        if not found:
            raise _Bad(f"no action labelled or numbered “{label}” is known")
        assert found[-1].id is not None
        return found[-1].id

    def label(self, event: Mapping[str, Any], taken: Mapping[str, int], kind: str) -> str | None:
        if event.get("id") is None:
            return None
        label = str(event["id"])
        if label in taken:
            raise _Bad(f"the label “{label}” was already given to an earlier {kind}")
        return label

    # -- events ---------------------------------------------------------------------------------------------

    def apply(self, event: Mapping[str, Any]) -> None:
        kind = event.get("type")
        handler: Callable[[Mapping[str, Any]], object] | None = getattr(self, f"_on_{kind}", None)
        if not isinstance(kind, str) or handler is None or not kind.isidentifier():
            known = ", ".join(sorted(EVENT_TYPES))
            raise _Bad(f"unknown event type {_clip(json.dumps(kind, ensure_ascii=False))} (known: {known})")
        result = handler(event)
        messages = getattr(result, "messages", ())
        proposed = getattr(result, "proposed_minute", "")
        self.messages.extend(messages)
        if proposed:
            self.proposed.append(proposed)

    def _on_start(self, event: Mapping[str, Any]) -> object:
        return self.live.start(self.at(event))

    def _on_roll_call(self, event: Mapping[str, Any]) -> object:
        at = self.at(event)
        presence: dict[int, Presence] = {}
        for key, state in (
            ("present", Presence.PRESENT),
            ("remote", Presence.REMOTE),
            ("apologies", Presence.APOLOGIES),
            ("absent", Presence.ABSENT),
        ):
            for name in _names(event, key):
                person = self._person_named(name)
                assert person.id is not None
                if person.id in presence:
                    raise _Bad(f"{person.name} is named twice in the roll call")
                presence[person.id] = state
        raw_deputies = event.get("deputies", {})
        if not isinstance(raw_deputies, dict):
            raise _Bad("“deputies” maps each deputy's name to the member they deputise for")
        deputies: dict[int, int] = {}
        for deputy, member in raw_deputies.items():
            if not isinstance(member, str):
                raise _Bad("“deputies” maps each deputy's name to the member they deputise for")
            deputy_person, member_person = self._person_named(deputy), self._person_named(member)
            assert deputy_person.id is not None and member_person.id is not None
            deputies[deputy_person.id] = member_person.id
        public = _int(event, "public", 0) if event.get("public") is not None else None
        if self.store.meeting(self.meeting_id).started_at is None:
            self.live.start(at)  # a roll call opens the meeting when no "start" event did
        return self.live.roll_call(presence, deputies, public, at)

    def _on_public(self, event: Mapping[str, Any]) -> object:
        return self.live.set_public(_int(event, "count"), self.at(event))

    def time_known(self, event: Mapping[str, Any]) -> bool:
        return bool(event.get("at") != UNKNOWN_TIME)

    def _on_arrive(self, event: Mapping[str, Any]) -> object:
        return self.live.arrive(self.person_id(event), self.at(event), time_known=self.time_known(event))

    def _on_leave(self, event: Mapping[str, Any]) -> object:
        return self.live.leave(self.person_id(event), self.at(event), time_known=self.time_known(event))

    def _on_withdraw(self, event: Mapping[str, Any]) -> object:
        return self.live.withdraw(self.person_id(event), self.at(event), _text(event, "reason", ""))

    def _on_return(self, event: Mapping[str, Any]) -> object:
        return self.live.return_(self.person_id(event), self.at(event), time_known=self.time_known(event))

    def _on_open_item(self, event: Mapping[str, Any]) -> object:
        _field(event, "item")
        item = self.item(event)
        assert item.id is not None
        return self.live.open_item(item.id, self.at(event))

    def _on_defer_item(self, event: Mapping[str, Any]) -> object:
        _field(event, "item")
        item = self.item(event)
        assert item.id is not None
        return self.live.defer_item(item.id, self.at(event), _text(event, "reason", ""))

    def _on_declare(self, event: Mapping[str, Any]) -> object:
        person_id = self.person_id(event)
        item = self.item(event)
        assert item.id is not None
        raw = event.get("conduct", DeclarationConduct.REMAINED_TOOK_PART.value)
        words = " ".join(str(raw).split()).casefold().replace(" ", "_").replace("-", "_")
        conduct = _CONDUCT_WORDS.get(words) or _enum_value(DeclarationConduct, raw, "“conduct”")
        return self.live.declare(
            item.id,
            person_id,
            _text(event, "interest"),
            _text(event, "kind", ""),
            conduct,
            self.at(event),
            add_to_register=_flag(event, "add_to_register"),
        )

    def _on_minute(self, event: Mapping[str, Any]) -> object:
        item = self.item(event)
        assert item.id is not None
        text = _text(event, "text")
        if _flag(event, "append"):
            before = self.store.minute(item.id).body
            text = f"{before}\n\n{text}" if before.strip() else text
        return self.live.minute(item.id, text)

    def _on_motion(self, event: Mapping[str, Any], amends: int | None = None) -> object:
        label = self.label(event, self.motions, "motion")
        if amends is not None and event.get("item") is None:
            motion = next(m for m in self.live.record().motions if m.id == amends)
            item_id = motion.item_id
        else:
            item = self.item(event)
            assert item.id is not None
            item_id = item.id
        done = self.live.move(
            item_id,
            _text(event, "text"),
            self.optional_person_id(event, "mover"),
            self.optional_person_id(event, "seconder"),
            amends,
            self.at(event),
            amended_wording=_text(event, "as_amended", ""),
        )
        if label is not None and done.new_id is not None:
            self.motions[label] = done.new_id
        return done

    def _on_amend(self, event: Mapping[str, Any]) -> object:
        return self._on_motion(event, amends=self.motion_id(event, "amends"))

    def _on_vote(self, event: Mapping[str, Any]) -> object:
        motion_id = self.motion_id(event)
        at = self.at(event)
        despite = _flag(event, "despite_inquorate")
        if event.get("ballots") is not None:
            raw = event["ballots"]
            if not isinstance(raw, dict):
                raise _Bad("“ballots” maps each voter's name to for, against, abstain or did_not_vote")
            ballots: dict[int, Ballot] = {}
            for name, ballot in raw.items():
                person = self._person_named(name)
                assert person.id is not None
                if person.id in ballots:
                    raise _Bad(f"{person.name} is named twice in the ballots")
                ballots[person.id] = _enum_value(Ballot, ballot, f"{person.name}'s ballot")
            return self.live.vote(motion_id, ballots=ballots, at=at, despite_inquorate=despite)
        if event.get("for") is None and event.get("against") is None:
            raise _Bad("a “vote” event needs totals (“for”, “against”, …) or “ballots”")
        return self.live.vote(
            motion_id,
            _int(event, "for", 0),
            _int(event, "against", 0),
            _int(event, "abstain", 0),
            _int(event, "did_not_vote", 0),
            at=at,
            despite_inquorate=despite,
        )

    def _on_casting_vote(self, event: Mapping[str, Any]) -> object:
        ballot = _enum_value(Ballot, _field(event, "ballot"), "“ballot”")
        return self.live.casting_vote(self.motion_id(event), ballot, self.at(event))

    def _on_outcome(self, event: Mapping[str, Any]) -> object:
        outcome = _enum_value(MotionOutcome, _field(event, "outcome"), "“outcome”")
        minority = _text(event, "minority_view") if event.get("minority_view") is not None else None
        note = _text(event, "note") if event.get("note") is not None else None
        return self.live.set_outcome(self.motion_id(event), outcome, self.at(event), minority, note)

    def _on_action(self, event: Mapping[str, Any]) -> object:
        label = self.label(event, self.actions, "action")
        item_id: int | None = None
        if event.get("item") is not None or self.store.meeting(self.meeting_id).current_item_id is not None:
            item = self.item(event)
            item_id = item.id
        due = _date(event["due"]) if event.get("due") is not None else None
        number = str(event["number"]) if event.get("number") is not None else None
        owners = [self._owner(name) for name in _names(event, "owners")]
        done = self.live.add_action(item_id, _text(event, "text"), owners, due, number, self.at(event))
        if label is not None and done.new_id is not None:
            self.actions[label] = done.new_id
        return done

    def _owner(self, name: str) -> str:
        """An owner written as a person's exact name or initials becomes their full name; else kept as written."""
        wanted = " ".join(name.split()).casefold()
        people = self.store.people(self.live.writer.body_id)
        matches = [p for p in people if p.id is not None and wanted in (p.name.casefold(), p.initials.casefold())]
        return matches[0].name if len(matches) == 1 else " ".join(name.split())

    def _on_action_update(self, event: Mapping[str, Any]) -> object:
        status = _text(event, "status") if event.get("status") is not None else None
        rag = _text(event, "rag") if event.get("rag") is not None else None
        return self.live.update_action(
            self.action_id(event), status=status, rag=rag, note=_text(event, "note", ""), at=self.at(event)
        )

    def _on_chair_confirm(self, event: Mapping[str, Any]) -> object:
        pin = _text(event, "pin") if event.get("pin") is not None else None
        if event.get("motion") is not None:
            wording = _text(event, "wording") if event.get("wording") is not None else None
            return self.live.confirm_resolution(self.motion_id(event), wording, self.at(event), pin)
        what = _text(event, "what", "quoracy")
        if what != "quoracy":
            raise _Bad("“chair_confirm” confirms quoracy, or a resolution when “motion” is given")
        return self.live.confirm_quoracy(self.at(event), pin)

    def _on_preside(self, event: Mapping[str, Any]) -> object:
        """`{"type": "preside", "person": "Vice Chair's name"}` takes the chair; `"person": null` vacates it."""
        if "person" not in event:
            raise _Bad("a “preside” event needs “person” (who takes the chair, or null when the chair is vacated)")
        person_id = self.person_id(event) if event["person"] is not None else None
        return self.live.preside(person_id, self.at(event), time_known=self.time_known(event))

    def _on_reopen(self, event: Mapping[str, Any]) -> object:
        return self.live.reopen(self.at(event))

    def _on_part2(self, event: Mapping[str, Any]) -> object:
        return self.live.part2(self.at(event))

    def _on_close_meeting(self, event: Mapping[str, Any]) -> object:
        return self.live.close(self.at(event), time_known=self.time_known(event))

    def _on_adjourn(self, event: Mapping[str, Any]) -> object:
        """The chair adjourns the meeting (`"to"`: the date and time it reconvenes, if one was fixed)."""
        to = _text(event, "to", "") if event.get("to") is not None else ""
        return self.live.close(self.at(event), time_known=self.time_known(event), adjourned_to=to)

    def _on_undo(self, event: Mapping[str, Any]) -> object:
        if self.live.undo() is None:
            raise _Bad("there is nothing to undo")
        return None

    def _on_redo(self, event: Mapping[str, Any]) -> object:
        if self.live.redo() is None:
            raise _Bad("there is nothing to redo")
        return None

    # -- resuming: events already in the meeting -------------------------------------------------------------

    def skip(self, event: Mapping[str, Any], claimed: set[int]) -> None:
        """An event applied by an earlier run: keep the clock, and find what its labels refer to."""
        if event.get("at") is not None:
            self.at(event)
        kind = event.get("type")
        if kind not in ("motion", "amend", "action") or event.get("id") is None:
            return
        if self._skipped_record is None:  # the record does not change while events are skipped
            self._skipped_record = self.live.record()
        record = self._skipped_record
        if kind in ("motion", "amend"):
            text = _text(event, "text").strip()
            found = next((m for m in record.motions if m.text == text and m.id not in claimed), None)
            if found is None or found.id is None:
                raise _Bad("this motion was to be in the meeting already, but it is not")
            claimed.add(found.id)
            self.motions[str(event["id"])] = found.id
        else:
            number = str(event["number"]) if event.get("number") is not None else None
            text = _text(event, "text").strip()
            action = next(
                (a for a in record.actions if (a.number == number if number else a.text == text) and a.id), None
            )
            if action is None or action.id is None:
                raise _Bad("this action was to be in the meeting already, but it is not")
            self.actions[str(event["id"])] = action.id


EVENT_TYPES = frozenset(name.removeprefix("_on_") for name in vars(_Replay) if name.startswith("_on_")) | {"meeting"}


def _new_meeting(store: Store, meeting_id: int, event: Mapping[str, Any]) -> int:
    """The `meeting` event: a new meeting, with its agenda, in the body of `meeting_id`."""
    body_id = store.meeting(meeting_id).body_id
    raw_items = _field(event, "agenda")
    if not isinstance(raw_items, list) or not raw_items:
        raise _Bad("“agenda” is a list of items, each {“number”: …, “title”: …}")
    items: list[AgendaItem] = []
    for raw in raw_items:
        if not isinstance(raw, dict) or not raw.get("number") or not isinstance(raw.get("title"), str):
            raise _Bad("each agenda item needs “number” and “title”")
        planned = parse_clock(raw["time"]) if raw.get("time") else None
        try:
            purpose = Purpose(str(raw.get("purpose", "")).casefold())
        except ValueError:
            raise _Bad(f"unknown purpose {_clip(json.dumps(raw.get('purpose'), ensure_ascii=False))}") from None
        items.append(
            AgendaItem(
                None,
                0,
                len(items),
                str(raw["number"]),
                raw["title"],
                presenter=str(raw.get("presenter", "")),
                purpose=purpose,
                planned_time=planned,
            )
        )
    meeting = Meeting(
        None,
        body_id,
        _text(event, "title"),
        _date(event["date"]) if event.get("date") is not None else None,
        parse_clock(event["start"]) if event.get("start") is not None else None,
        _text(event, "venue", ""),
    )
    created = store.create_meeting(meeting, items, actor="replay")
    assert created.id is not None
    return created.id


PROGRESS = "replay_progress"  # audit rows (no table): how far a file got, written with each event it applied


def _note_progress(store: Store, meeting_id: int, applied: int, prefix: str, meeting_event: str | None) -> None:
    """In the event's own transaction: `applied` events of the file whose first events hash to `prefix` are in."""
    after: dict[str, Any] = {"applied": applied, "prefix_sha256": prefix}
    if meeting_event is not None:
        after["meeting_event_sha256"] = meeting_event
    store._audit("replay", PROGRESS, meeting_id, "progress", None, after)


def replay_progress(store: Store, meeting_id: int) -> tuple[int, str] | None:
    """(events applied, hash of those events' lines) of the last file replayed into the meeting, if any."""
    row = store.conn.execute(
        "SELECT after FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1", (PROGRESS, meeting_id)
    ).fetchone()
    if row is None:
        return None
    after = json.loads(row[0])
    return int(after["applied"]), str(after["prefix_sha256"])


def _meeting_made_by(store: Store, body_id: int, meeting_event: str, events: list[tuple[int, str]]) -> int | None:
    """The meeting an earlier run of this file made in the body: one made by the same `meeting` event whose events
    so far are the file's first ones (a different file with the same first line makes its own meeting)."""
    for (meeting_id,) in store.conn.execute(
        "SELECT entity_id FROM audit WHERE entity = ? AND json_extract(after, '$.meeting_event_sha256') = ?"
        " ORDER BY id DESC",
        (PROGRESS, meeting_event),
    ).fetchall():
        found = store.conn.execute("SELECT body_id FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
        if found is None or found[0] != body_id:
            continue
        try:
            _resume_point(store, int(meeting_id), events)
        except ReplayError:
            continue  # that meeting went on with other events: not this file's
        return int(meeting_id)
    return None


def _events(lines: Iterable[str]) -> list[tuple[int, str]]:
    return [(n, raw.strip()) for n, raw in enumerate(lines, start=1) if raw.strip() and not raw.strip().startswith("#")]


def _line_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _check_resumed_meeting(store: Store, meeting_id: int, event: Mapping[str, Any]) -> None:
    """Resuming a file that makes its own meeting: MEETING_ID must be that meeting, never the one it was made beside."""
    title = _text(event, "title")
    meeting = store.meeting(meeting_id)
    wanted_date = _date(event["date"]) if event.get("date") is not None else None
    if meeting.title != title or (wanted_date is not None and meeting.date != wanted_date):
        raise _Bad(
            f"this file makes its own meeting (“{_clip(title)}”), and meeting {meeting_id} is not it: resume with "
            "the id of the meeting the first run made (the error that stopped it named it)"
        )


def replay(
    store: Store,
    meeting_id: int,
    lines: Iterable[str],
    *,
    skip: int = 0,
    resume: bool = False,
    on_applied: Callable[[int, int], None] | None = None,
) -> ReplayResult:
    """Apply the events in `lines` to the meeting, in order, each as its own committed step.

    `skip` events at the start are taken to be in the meeting already (a replay resumed after it stopped):
    they are read for their times and labels but not applied again. With `resume`, the replay finds that number
    itself: each applied event notes, in its own transaction, how far the file got (PROGRESS audit rows), so a
    kill at any moment leaves the count exact. `on_applied(line, count)` is called after each event has been
    committed. A bad event raises ReplayError ("line N: …") and leaves the events before it applied. A file whose
    first event is `meeting` replays into a new meeting with that agenda, in the same body as `meeting_id`; run
    again, it resumes into the meeting it made instead of making a second one.
    """
    state = _Replay(store, meeting_id)
    store.meeting(meeting_id)  # a clear NotFound before anything is read
    events = _events(lines)
    first_event = events[0][1] if events else ""
    meeting_event = _line_hash(first_event) if first_event and '"meeting"' in first_event else None
    if meeting_event is not None:
        try:
            starts_with_meeting = replay_event(first_event).get("type") == "meeting"
        except SchemaError:
            starts_with_meeting = False
        meeting_event = meeting_event if starts_with_meeting else None
        body_id = store.meeting(meeting_id).body_id
        made = _meeting_made_by(store, body_id, meeting_event, events) if meeting_event is not None else None
        if made is not None and skip == 0:
            state, resume = _Replay(store, made), True
    if resume and skip == 0:
        skip = _resume_point(store, state.meeting_id, events)
    running = hashlib.sha256()
    count = 0
    claimed: set[int] = set()
    for number, line in events:
        running.update(line.encode("utf-8", errors="surrogatepass") + b"\n")
        try:
            try:
                event = replay_event(line)  # every field typed and bounded (app/commands/file_schemas.py)
            except SchemaError as exc:
                raise _Bad(str(exc)) from None
            if event.get("type") == "meeting":
                if count:
                    raise _Bad("a “meeting” event can only be the first event of a file")
                if skip == 0:
                    with store.transaction():
                        state = _Replay(store, _new_meeting(store, meeting_id, event))
                        _note_progress(store, state.meeting_id, 1, running.hexdigest(), meeting_event)
                else:
                    _check_resumed_meeting(store, state.meeting_id, event)
                count += 1
                if on_applied is not None and skip == 0:
                    on_applied(number, count)
                continue
            if count < skip:
                state.skip(event, claimed)
                count += 1
                continue
            with store.transaction():  # the event and the note of how far the file got commit together
                state.apply(event)
                _note_progress(store, state.meeting_id, count + 1, running.hexdigest(), None)
        except _Bad as exc:
            raise ReplayError(number, str(exc), count, state.meeting_id) from None
        except (LiveError, StorageError) as exc:
            raise ReplayError(number, str(exc).rstrip("."), count, state.meeting_id) from None
        count += 1
        if on_applied is not None:
            on_applied(number, count)
    if count < skip:
        raise ReplayError(number if count else 0, f"the file has only {count} events, fewer than the {skip} to skip", 0)
    return ReplayResult(
        state.meeting_id,
        count,
        tuple(state.messages),
        tuple(state.proposed),
        dict(state.motions),
        dict(state.actions),
        resumed_after=skip,
    )


def _resume_point(store: Store, meeting_id: int, events: list[tuple[int, str]]) -> int:
    """How many of the file's events are in the meeting already, from the last progress note; refused if the
    meeting was replayed from another file."""
    progress = replay_progress(store, meeting_id)
    if progress is None:
        return 0
    applied, prefix = progress
    running = hashlib.sha256()
    for _, line in events[:applied]:
        running.update(line.encode("utf-8", errors="surrogatepass") + b"\n")
    if applied > len(events) or running.hexdigest() != prefix:
        raise ReplayError(
            events[min(applied, len(events)) - 1][0] if events else 0,
            f"this file does not begin with the {applied} events already replayed into meeting {meeting_id}, "
            "so it cannot be resumed",
            0,
        )
    return applied


# -- the resulting state, as JSON-able data ----------------------------------------------------------------------


def _hhmm(value: time | None) -> str | None:
    return svc.hhmm(value) or None


def meeting_state(store: Store, meeting_id: int) -> dict[str, Any]:
    """What a replay leaves: the room, each item with its quorum verdict and decisions, the audit head."""
    record = store.record(meeting_id)
    names = {p.id: p.name for p in record.people}
    items = {i.id: i.number for i in record.items}
    state: dict[str, Any] = {
        "meeting": {
            "id": record.meeting.id,
            "title": record.meeting.title,
            "date": record.meeting.date.isoformat() if record.meeting.date else None,
            "started_at": _hhmm(record.meeting.started_at),
            "closed_at": _hhmm(record.meeting.closed_at),
            "current_item": items.get(record.meeting.current_item_id),
            "presiding": names.get(svc.room_after(record).presiding_id) if record.attendance else None,
            "quorum_now": _quorum(svc.quorum_now(record)) if record.attendance else None,
        },
        "attendance": _attendance(record, names, items),
        "items": [],
        "confirmations": [
            {
                "kind": c.kind.value,
                "item": items.get(c.item_id),
                "motion_id": c.motion_id,
                "wording": c.wording,
                "chair": names.get(c.chair_id),
                "at": _hhmm(c.at),
                "pin_checked": c.pin_checked,
            }
            for c in record.confirmations
        ],
        "actions": [_action(a, items) for a in record.actions],
        "audit_head": store.audit_head(),
    }
    for summary in svc.item_summaries(record):
        item = summary.item
        state["items"].append(
            {
                "number": item.number,
                "title": item.title,
                "part": int(item.part),
                "status": item.status.value,
                "opened_at": _hhmm(item.opened_at),
                "closed_at": _hhmm(item.closed_at),
                "taken_order": item.taken_order,
                "out_of_order": summary.out_of_order,
                "quorum": _quorum(summary.quorum.result) if summary.quorum else None,
                "declarations": [
                    {
                        "person": names.get(d.person_id),
                        "interest": d.interest,
                        "kind": d.kind,
                        "conduct": d.conduct.value,
                        "at": _hhmm(d.declared_at),
                    }
                    for d in summary.declarations
                ],
                "motions": [_motion(m, names) for m in summary.motions],
                "actions": [_action(a, items) for a in summary.actions],
                "minute": record.minutes[item.id].body if item.id in record.minutes else "",
            }
        )
    return state


def _quorum(result: Any) -> dict[str, Any]:
    return {
        "quorate": result.quorate,
        "counted": result.counted,
        "threshold": result.threshold,
        "reasons": list(result.reasons),
    }


def _attendance(
    record: MeetingRecord, names: Mapping[int | None, str], items: Mapping[int | None, str]
) -> dict[str, Any]:
    tiers = {p.id: p.tier.value for p in record.people}
    initials = {p.id: p.initials for p in record.people}
    by_presence: dict[str, list[str]] = {p.value: [] for p in Presence}
    for row in record.attendance:
        by_presence[row.presence.value].append(names.get(row.person_id, str(row.person_id)))
    moves = (EventKind.ARRIVE, EventKind.LEAVE, EventKind.WITHDRAW, EventKind.RETURN)
    return {
        "present": by_presence[Presence.PRESENT.value],
        "apologies": by_presence[Presence.APOLOGIES.value],
        "absent": by_presence[Presence.ABSENT.value],
        "deputised": [
            {"member": names.get(a.deputy_for_id), "deputy": names.get(a.person_id)}
            for a in record.attendance
            if a.deputy_for_id is not None
        ],
        "public": record.meeting.members_of_public,
        "members_present": sum(
            1
            for a in record.attendance
            if a.presence == Presence.PRESENT and tiers.get(a.person_id) == Tier.MEMBER.value
        ),
        "people": [
            {
                "name": names.get(a.person_id),
                "initials": initials.get(a.person_id, ""),
                "tier": tiers.get(a.person_id),
                "presence": a.presence.value,
                "deputy_for": names.get(a.deputy_for_id),
                "arrived_at": _hhmm(a.arrived_at),
                "left_at": _hhmm(a.left_at),
            }
            for a in record.attendance
        ],
        "in_room": sorted(names.get(i, str(i)) for i in svc.room_after(record).present),
        "movements": [
            {
                "person": names.get(e.person_id),
                "kind": e.kind.value,
                "at": None if svc.is_untimed(e) else _hhmm(e.at),  # the minutes gave no time
                "item": items.get(e.item_id),
                "text": e.text,
            }
            for e in sorted(record.events, key=lambda e: e.id or 0)
            if e.kind in moves and e.text != svc.ROLL_CALL
        ],
    }


def _motion(summary: svc.MotionSummary, names: Mapping[int | None, str]) -> dict[str, Any]:
    motion = summary.motion
    votes = []
    for vote_summary in summary.votes:
        vote, result = vote_summary.vote, vote_summary.result
        votes.append(
            {
                "kind": vote.kind.value,
                "for": vote.votes_for,
                "against": vote.votes_against,
                "abstain": vote.abstentions,
                "did_not_vote": vote.did_not_vote,
                "casting_vote": vote.casting_vote.value if vote.casting_vote else None,
                "ballots": {names.get(pid, str(pid)): ballot.value for pid, ballot in vote.ballots},
                "at": _hhmm(vote.taken_at),
                "despite_inquorate": vote.despite_inquorate,
                "result": result.outcome.value if result else None,
                "explanation": result.explanation if result else vote_summary.problem,
            }
        )
    return {
        "id": motion.id,
        "text": motion.text,
        "amends": motion.amends_id,
        "mover": names.get(motion.mover_id),
        "seconder": names.get(motion.seconder_id),
        "outcome": motion.outcome.value,
        "minority_view": motion.minority_view,
        "moved_at": _hhmm(motion.moved_at),
        "decided_at": _hhmm(motion.decided_at),
        "votes": votes,
        "confirmed_at": _hhmm(summary.confirmed.at) if summary.confirmed else None,
    }


def _action(action: Any, items: Mapping[int | None, str]) -> dict[str, Any]:
    return {
        "number": action.number,
        "item": items.get(action.item_id),
        "text": action.text,
        "owners": list(action.owners),
        "due": action.due.isoformat() if action.due else None,
        "status": action.status,
        "rag": action.rag,
    }
