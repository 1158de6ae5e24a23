"""The meeting record in SQLite: rows in, domain objects out.

Every write goes through `Store` in one transaction together with its audit row, so
the record and its history can never disagree, even after a crash.

Minute saves are audited as compact revisions, so a minute typed and saved every second does not store its
whole text twice per save. Each `minute_entry` audit row (action "edit", `entity_id` = the agenda item) is one
of two shapes, told apart by the keys of its `after` JSON:

- full:   before = {"sha256": <hex of the previous text>} or null (legacy rows: {"body": <previous text>}),
          after  = {"body": <the whole new text>, "sha256": <hex of it>} (legacy rows have no "sha256");
- splice: before = {"sha256": <hex of the previous text>},
          after  = {"splice": [start, end, text], "sha256": <hex of the new text>}, meaning
          new = previous[:start] + text + previous[end:] (indexes count Python str code points).

The text after any row is the text after the item's last full row with every later splice applied in audit-id
order, and each state's sha256 is in the chain, so every saved state is still proved by the chain. A full row
is written for the first save, whenever the splices since the last full row would add up to more than the new
text (storage stays proportional to what was typed) and at least every MINUTE_CHECKPOINT_ROWS rows (recovery
reads a bounded number of rows). `Store.minute_from_audit` and `Store.minute_states` recover the text and
every state from the audit rows alone; `apply_minute_revision` is the one rule for folding a row in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import sqlite_utils

from app.domain import (
    Action,
    AgendaItem,
    Attendance,
    AuditEntry,
    Body,
    ItemStatus,
    Meeting,
    MeetingRecord,
    MinuteEntry,
    MinutesStatus,
    Part,
    Person,
    Presence,
    Purpose,
    RuleSet,
    Tier,
    rules_from_dict,
    rules_to_dict,
)
from app.domain.house_style import HouseStyle, style_from_dict, style_to_dict
from app.storage import driver
from app.storage.connection import StorageError, disk_errors, open_database
from app.storage.integrity import ChainHash
from app.storage.keys import DatabaseKey
from app.storage.rows import live_rows, select
from app.storage.rows import parse_date as _date
from app.storage.rows import parse_time as _time

GENESIS = "0" * 64
MINUTE_CHECKPOINT_ROWS = 400  # at most this many splice rows between two full copies of a minute
_UNKEYED = ChainHash()


class RecordLocked(StorageError):
    """The minutes are signed; the record may no longer change."""


class NotFound(StorageError):
    pass


def _iso(value: date | time | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def audit_hash(
    prev_hash: str,
    at: str,
    actor: str,
    entity: str,
    entity_id: int | None,
    action: str,
    before: str | None,
    after: str | None,
    chain_hash: ChainHash | None = None,
) -> str:
    """The hash of one audit entry, chained to the one before (unkeyed SHA-256 until the library's unlock gives
    `ChainHash` a key)."""
    payload = json.dumps([prev_hash, at, actor, entity, entity_id, action, before, after], ensure_ascii=False)
    return (chain_hash or _UNKEYED)(payload.encode("utf-8"))


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start of `a` and `b`, by halving slice comparisons (each a C memcmp)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def minute_splice(old: str, new: str) -> tuple[int, int, str]:
    """The one splice turning `old` into `new`: keep the common start and end, replace what is between."""
    start = _common_prefix(old, new)
    tail = _common_prefix(old[start:][::-1], new[start:][::-1])
    return start, len(old) - tail, new[start : len(new) - tail]


def apply_minute_revision(previous: str, after: Mapping[str, Any]) -> str:
    """The minute text after one `minute_entry` audit row (full or splice), given the text before it."""
    if "body" in after:
        return str(after["body"])
    start, end, text = after["splice"]
    return previous[: int(start)] + str(text) + previous[int(end) :]


def person_from_row(r: Mapping[str, Any]) -> Person:
    return Person(
        r["id"],
        r["body_id"],
        r["name"],
        r["role"],
        r["initials"],
        r["title"],
        r["organisation"],
        Tier(r["tier"]),
        bool(r["voting"]),
        tuple(t for t in r["role_tags"].split(",") if t),
        _date(r["term_from"]),
        _date(r["term_to"]),
        bool(r["retired"]),
    )


class Store:
    """One user's database. Not thread-safe: use one Store per thread."""

    def __init__(
        self,
        conn: driver.Connection,
        path: Path | None = None,
        chain_hash: ChainHash | None = None,
        key: DatabaseKey | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.key = key  # the library's key when it is encrypted; None in plain mode
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.chain_hash = chain_hash or _UNKEYED

    @classmethod
    def open(cls, path: Path, key: DatabaseKey | None = None) -> Store:
        """Open the database at `path`: encrypted with `key` (see app.storage.encryption to get one), plain
        without."""
        with disk_errors(path, files=True):  # a read-only or full data folder is said in a sentence
            path.parent.mkdir(parents=True, exist_ok=True)
        return cls(open_database(path, key=key), path, key=key)

    def reopen(self) -> Store:
        """Another connection to the same database, keyed the same way (one Store per thread)."""
        if self.path is None:
            raise StorageError("This database is held in memory, so it cannot be opened again.")
        return Store.open(self.path, self.key)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def close(self) -> None:
        self.conn.close()

    # -- transactions and audit -------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite_utils.Database]:
        with disk_errors(self.path), self.db.atomic() as db:  # disk full: rolled back, then said in a sentence
            yield db

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group several writes into one all-or-nothing step (nested writes become savepoints)."""
        with disk_errors(self.path), self.db.atomic():
            yield self

    def _insert(self, table: str, row: Mapping[str, Any]) -> int:
        pk = self.db.table(table).insert(dict(row)).last_pk
        assert isinstance(pk, int)
        return pk

    def _audit(
        self,
        actor: str,
        entity: str,
        entity_id: int | None,
        action: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
    ) -> str:
        row = self.conn.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS
        at = _now().isoformat()
        before_json = json.dumps(before, ensure_ascii=False, default=str) if before is not None else None
        after_json = json.dumps(after, ensure_ascii=False, default=str) if after is not None else None
        digest = audit_hash(prev, at, actor, entity, entity_id, action, before_json, after_json, self.chain_hash)
        self.conn.execute(
            "INSERT INTO audit (at, actor, entity, entity_id, action, before, after, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, actor, entity, entity_id, action, before_json, after_json, prev, digest),
        )
        return digest

    def audit_entries(self) -> list[AuditEntry]:
        rows = self.conn.execute(
            "SELECT id, at, actor, entity, entity_id, action, before, after, prev_hash, hash FROM audit ORDER BY id"
        ).fetchall()
        return [
            AuditEntry(r[0], datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]) for r in rows
        ]

    def audit_head(self) -> str:
        row = self.conn.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        return str(row[0]) if row else GENESIS

    def verify_audit_chain(self) -> list[str]:
        """Problems with the audit chain, in words; an empty list means it is intact."""
        problems = []
        prev = GENESIS
        for entry in self.audit_entries():
            if entry.prev_hash != prev:
                problems.append(f"audit entry {entry.id} does not follow the entry before it")
            expected = audit_hash(
                entry.prev_hash,
                entry.at.isoformat(),
                entry.actor,
                entry.entity,
                entry.entity_id,
                entry.action,
                entry.before,
                entry.after,
                self.chain_hash,
            )
            if expected != entry.hash:
                problems.append(f"audit entry {entry.id} was altered after it was written")
            prev = entry.hash
        return problems

    # -- bodies -----------------------------------------------------------------

    def ensure_body(self, name: str, actor: str = "secretary") -> Body:
        row = self.conn.execute("SELECT id FROM body WHERE name = ?", (name,)).fetchone()
        if row:
            return self.body(int(row[0]))
        with self._write():
            rules_json = json.dumps(rules_to_dict(RuleSet()))
            body_id = self._insert("body", {"name": name, "kind": "board", "rules_json": rules_json})
            self._audit(actor, "body", body_id, "create", None, {"name": name})
        return self.body(body_id)

    def body(self, body_id: int) -> Body:
        row = self.conn.execute(
            "SELECT id, name, kind, rules_json, style_json FROM body WHERE id = ?", (body_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no body with id {body_id}.")
        style = style_from_dict(json.loads(row[4] or "{}"))
        return Body(row[0], row[1], row[2], rules_from_dict(json.loads(row[3] or "{}")), style)

    def set_house_style(self, body_id: int, style: HouseStyle, actor: str = "secretary") -> Body:
        before = self.body(body_id).style
        with self._write():
            self.conn.execute(
                "UPDATE body SET style_json = ? WHERE id = ?", (json.dumps(style_to_dict(style)), body_id)
            )
            self._audit(actor, "body", body_id, "house_style", style_to_dict(before), style_to_dict(style))
        return self.body(body_id)

    def people(self, body_id: int) -> list[Person]:
        return [
            person_from_row(r)
            for r in select(self.conn, "SELECT * FROM person WHERE body_id = ? ORDER BY id", [body_id])
        ]

    # -- meetings ---------------------------------------------------------------

    def create_meeting(self, meeting: Meeting, items: Sequence[AgendaItem], actor: str = "secretary") -> Meeting:
        """Write a meeting and its agenda in one transaction; nothing is left behind on failure."""
        created = meeting.created_at or _now()
        with self._write():
            meeting_row = {
                "body_id": meeting.body_id,
                "title": meeting.title,
                "date": _iso(meeting.date),
                "start": _iso(meeting.start),
                "venue": meeting.venue,
                "pack_path": meeting.pack_path,
                "pack_sha256": meeting.pack_sha256,
                "members_of_public": meeting.members_of_public,
                "minutes_status": meeting.minutes_status.value,
                "created_at": created.isoformat(),
            }
            meeting_id = self._insert("meeting", meeting_row)
            self._audit(actor, "meeting", meeting_id, "create", None, meeting_row)
            for position, item in enumerate(items):
                item_row = self._item_row(item, meeting_id, position)
                item_id = self._insert("agenda_item", item_row)
                self._audit(actor, "agenda_item", item_id, "create", None, item_row)
        return self.meeting(meeting_id)

    @staticmethod
    def _item_row(item: AgendaItem, meeting_id: int, position: int) -> dict[str, Any]:
        return {
            "meeting_id": meeting_id,
            "position": position,
            "number": item.number,
            "title": item.title,
            "presenter": item.presenter,
            "purpose": item.purpose.value,
            "planned_time": _iso(item.planned_time),
            "part": int(item.part),
            "first_page": item.first_page,
            "last_page": item.last_page,
        }

    def meetings(self) -> list[Meeting]:
        return [self._meeting(r) for r in select(self.conn, "SELECT * FROM meeting ORDER BY date DESC, id DESC")]

    def meeting(self, meeting_id: int) -> Meeting:
        rows = select(self.conn, "SELECT * FROM meeting WHERE id = ?", [meeting_id])
        if not rows:
            raise NotFound(f"There is no meeting with id {meeting_id}.")
        return self._meeting(rows[0])

    @staticmethod
    def _meeting(r: Mapping[str, Any]) -> Meeting:
        return Meeting(
            r["id"],
            r["body_id"],
            r["title"],
            _date(r["date"]),
            _time(r["start"]),
            r["venue"],
            r["pack_path"],
            r["pack_sha256"],
            r["members_of_public"],
            MinutesStatus(r["minutes_status"]),
            datetime.fromisoformat(r["created_at"]),
            _time(r.get("started_at")),
            _time(r.get("closed_at")),
            r.get("current_item_id"),
        )

    def items(self, meeting_id: int) -> list[AgendaItem]:
        return [
            AgendaItem(
                r["id"],
                r["meeting_id"],
                r["position"],
                r["number"],
                r["title"],
                r["presenter"],
                Purpose(r["purpose"]),
                _time(r["planned_time"]),
                Part(r["part"]),
                r["first_page"],
                r["last_page"],
                r["parent_id"],
                ItemStatus(r["status"]),
                _time(r["opened_at"]),
                _time(r["closed_at"]),
                r["taken_order"],
            )
            for r in select(self.conn, "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position", [meeting_id])
        ]

    def attendance(self, meeting_id: int) -> list[Attendance]:
        return [
            Attendance(
                r["id"],
                r["meeting_id"],
                r["person_id"],
                Presence(r["presence"]),
                r["deputy_for_id"],
                _time(r["arrived_at"]),
                _time(r["left_at"]),
            )
            for r in select(self.conn, "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id])
        ]

    def actions(self, meeting_id: int, ids: Sequence[int] | None = None) -> list[Action]:
        """The meeting's actions (only those with `ids`, when given: the record cache reads what changed)."""
        return [
            Action(
                r["id"],
                r["meeting_id"],
                r["item_id"],
                r["number"],
                r["text"],
                tuple(o for o in r["owners"].split(";") if o),
                _date(r["due"]),
                r["status"],
                r["rag"],
                r["origin"],
                _date(r["closed_at"]),
            )
            for r in select(
                self.conn,
                "SELECT * FROM action WHERE meeting_id = ?"
                + ("" if ids is None else f" AND id IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})")
                + " ORDER BY id",
                [meeting_id],
            )
        ]

    def minutes(self, meeting_id: int) -> dict[int, MinuteEntry]:
        rows = self.conn.execute(
            "SELECT m.id, m.item_id, m.body, m.updated_at FROM minute_entry m"
            " JOIN agenda_item a ON a.id = m.item_id WHERE a.meeting_id = ?",
            (meeting_id,),
        ).fetchall()
        return {r[1]: MinuteEntry(r[0], r[1], r[2], datetime.fromisoformat(r[3])) for r in rows}

    def record(self, meeting_id: int) -> MeetingRecord:
        meeting = self.meeting(meeting_id)
        return MeetingRecord(
            body=self.body(meeting.body_id),
            meeting=meeting,
            items=tuple(self.items(meeting_id)),
            minutes=self.minutes(meeting_id),
            people=tuple(self.people(meeting.body_id)),
            attendance=tuple(self.attendance(meeting_id)),
            actions=tuple(self.actions(meeting_id)),
            audit_head=self.audit_head(),
            **live_rows(self.conn, meeting_id),
        )

    # -- minutes ----------------------------------------------------------------

    def set_minute(self, item_id: int, body: str, actor: str = "secretary") -> MinuteEntry:
        """Write the minute text of one item (write-through; audited, `entity_id` the item: see
        app/storage/integrity.py for how the replay reads minute saves)."""
        row = self.conn.execute("SELECT meeting_id FROM agenda_item WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no agenda item with id {item_id}.")
        meeting_id = int(row[0])
        self.check_unlocked(meeting_id)
        old = self.conn.execute("SELECT id, body FROM minute_entry WHERE item_id = ?", (item_id,)).fetchone()
        if old is not None and old[1] == body:
            return self.minute(item_id)
        now = _now().isoformat()
        with self._write():
            self.reopen_if_approved(meeting_id, actor)  # an edit after approval: the minutes are a draft again
            self.conn.execute(
                "INSERT INTO minute_entry (item_id, body, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(item_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                (item_id, body, now),
            )
            before = {"sha256": text_sha256(old[1])} if old else None
            self._audit(actor, "minute_entry", item_id, "edit", before, self._minute_revision(item_id, old, body))
        return self.minute(item_id)

    def _minute_revision(self, item_id: int, old: tuple[int, str] | None, body: str) -> dict[str, Any]:
        """The `after` of a minute save: a splice on the previous text, or the whole text (see the docstring)."""
        full = {"body": body, "sha256": text_sha256(body)}
        if old is None:
            return full
        rows = self.conn.execute(
            "SELECT after FROM audit WHERE entity = 'minute_entry' AND entity_id = ? ORDER BY id DESC LIMIT ?",
            (item_id, MINUTE_CHECKPOINT_ROWS),
        ).fetchall()
        if not rows:
            return full
        latest = json.loads(rows[0][0]) if rows[0][0] else {}
        # The splice applies to the text the log proves; if the row was written some other way, start afresh.
        if latest.get("sha256", text_sha256(str(latest.get("body", "")))) != text_sha256(old[1]):
            return full
        start, end, text = minute_splice(old[1], body)
        spliced = len(text)
        for (after_json,) in rows:
            after = json.loads(after_json) if after_json else {}
            if "body" in after:
                break
            spliced += len(after["splice"][2])
        else:
            return full  # no full row within MINUTE_CHECKPOINT_ROWS
        if spliced > len(body):
            return full
        return {"splice": [start, end, text], "sha256": text_sha256(body)}

    def _minute_rows(self, item_id: int, since_last_full: bool) -> list[dict[str, Any]]:
        query = "SELECT id, after FROM audit WHERE entity = 'minute_entry' AND entity_id = ? ORDER BY id"
        if since_last_full:
            last_full = self.conn.execute(
                "SELECT max(id) FROM audit WHERE entity = 'minute_entry' AND entity_id = ?"
                " AND json_extract(after, '$.body') IS NOT NULL",
                (item_id,),
            ).fetchone()[0]
            rows = self.conn.execute(
                query.replace("ORDER BY", "AND id >= ? ORDER BY"), (item_id, last_full or 0)
            ).fetchall()
        else:
            rows = self.conn.execute(query, (item_id,)).fetchall()
        return [json.loads(after) if after else {} for _, after in rows]

    def minute_states(self, item_id: int) -> list[str]:
        """Every saved text of the item's minute, oldest first, rebuilt from the audit rows alone.

        Raises StorageError if a state does not hash to what its row says (the log and the record disagree)."""
        states: list[str] = []
        text = ""
        for after in self._minute_rows(item_id, since_last_full=False):
            text = apply_minute_revision(text, after)
            if "sha256" in after and text_sha256(text) != after["sha256"]:
                raise StorageError(f"The audit log does not rebuild the minute of agenda item {item_id}.")
            states.append(text)
        return states

    def minute_from_audit(self, item_id: int) -> str | None:
        """The item's latest minute text from the audit rows (last full copy plus later splices); None if never
        saved."""
        rows = self._minute_rows(item_id, since_last_full=True)
        if not rows:
            return None
        text = ""
        for after in rows:
            text = apply_minute_revision(text, after)
        if "sha256" in rows[-1] and text_sha256(text) != rows[-1]["sha256"]:
            raise StorageError(f"The audit log does not rebuild the minute of agenda item {item_id}.")
        return text

    # -- the lock and the approvals an edit undoes ------------------------------------------------------------

    def signature_of(self, meeting_id: int) -> tuple[int, date] | None:
        """The latest signature of a meeting's minutes (version, date), or None: the record's lock. It is the
        signature record, never the status column."""
        row = self.conn.execute(
            "SELECT version, on_date FROM minutes_approval WHERE meeting_id = ? AND step = 'signed'"
            " ORDER BY version DESC LIMIT 1",
            (meeting_id,),
        ).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT version, substr(signed_at, 1, 10) FROM minutes_signature WHERE meeting_id = ?"
                " ORDER BY version DESC LIMIT 1",
                (meeting_id,),
            ).fetchone()
        return (int(row[0]), date.fromisoformat(row[1])) if row else None

    def check_unlocked(self, meeting_id: int) -> None:
        copy = self.conn.execute(
            "SELECT 1 FROM bundle_held h JOIN meeting m ON m.gid = h.meeting_gid WHERE m.id = ?", (meeting_id,)
        ).fetchone()
        if copy is not None:  # a member's copy of a published meeting (issue 19): the secretary's record
            raise RecordLocked(
                "This meeting was published to you by its secretary, so it is read-only here; your own notes on its "
                "papers are made in the reader."
            )
        signed = self.signature_of(meeting_id)
        if signed is not None:
            version, on = signed
            raise RecordLocked(
                f"These minutes have been signed (version {version}, {on.day} {on:%b %Y}) and can no longer be "
                "edited; record a correction as an amendment at a later meeting."
            )

    def reopen_if_approved(self, meeting_id: int, actor: str = "secretary") -> bool:
        """An edit to approved (not yet signed) minutes returns them to draft: the approvals of the current
        version are withdrawn, audited like any write. True when that happened. Part of the caller's
        transaction."""
        status = self.conn.execute("SELECT minutes_status FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
        if status is None or status[0] not in (MinutesStatus.CHAIR_APPROVED.value, MinutesStatus.BODY_APPROVED.value):
            return False
        version = self.current_version(meeting_id)
        with self._write():
            for approval in select(
                self.conn,
                "SELECT * FROM minutes_approval WHERE meeting_id = ? AND version = ? AND step <> 'signed'",
                [meeting_id, version],
            ):
                self.conn.execute("DELETE FROM minutes_approval WHERE id = ?", (approval["id"],))
                self._audit(actor, "minutes_approval", approval["id"], "reopen", approval, None)
            before = select(self.conn, "SELECT * FROM meeting WHERE id = ?", [meeting_id])[0]
            self.conn.execute("UPDATE meeting SET minutes_status = 'draft' WHERE id = ?", (meeting_id,))
            self._audit(actor, "meeting", meeting_id, "reopen", before, {**before, "minutes_status": "draft"})
        return True

    def current_version(self, meeting_id: int) -> int:
        """The version of the minutes now on their way to signature: 1, or the latest correction's."""
        row = self.conn.execute(
            "SELECT coalesce(max(version), 1) FROM minutes_amendment WHERE meeting_id = ?", (meeting_id,)
        ).fetchone()
        return int(row[0])

    def minute(self, item_id: int) -> MinuteEntry:
        row = self.conn.execute(
            "SELECT id, item_id, body, updated_at FROM minute_entry WHERE item_id = ?", (item_id,)
        ).fetchone()
        if row is None:
            return MinuteEntry(None, item_id)
        return MinuteEntry(row[0], row[1], row[2], datetime.fromisoformat(row[3]))

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
