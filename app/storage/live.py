"""Writes of the live meeting: whole rows, each audited before → after, grouped into undoable steps.

Every command of the secretary ("record a vote", "Ann Smith left") runs inside `step()`: one
transaction whose audit rows are remembered as one undo step. Undo writes the inverse of those rows
(audited like any other change, so the chain shows it) and redo writes them forward again. Because
each row is audited whole, undo needs no per-command code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import time
from typing import Any

from app.domain import Action
from app.storage import driver
from app.storage.rows import parse_date, parse_time
from app.storage.store import NotFound, Store

# Tables the live meeting writes; undo and redo refuse anything else.
LIVE_TABLES = frozenset(
    {
        "meeting",
        "agenda_item",
        "attendance",
        "meeting_event",
        "declaration",
        "motion",
        "vote",
        "ballot",
        "chair_confirmation",
        "action",
        "action_update",
        "interest",
        "minutes_approval",
        "minutes_amendment",
        "minutes_export",
        "minutes_signature",
    }
)


def _clock(value: time) -> str:
    return value.isoformat(timespec="seconds" if value.second else "minutes")


class LiveWriter:
    """Audited, undoable writes to one meeting's live record."""

    def __init__(self, store: Store, meeting_id: int, actor: str = "secretary") -> None:
        self.store = store
        self.conn: driver.Connection = store.conn
        self.meeting_id = meeting_id
        self.actor = actor
        row = self.conn.execute("SELECT body_id FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no meeting with id {meeting_id}.")
        self.body_id = int(row[0])

    # -- rows, audited whole --------------------------------------------------------------------------------

    def _check_table(self, table: str) -> None:
        if table not in LIVE_TABLES:
            raise ValueError(f"the live meeting does not write table {table!r}")

    def row(self, table: str, rowid: int) -> dict[str, Any] | None:
        self._check_table(table)
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE rowid = ?", (rowid,))
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip([c[0] for c in cursor.description], found, strict=True))

    def insert(self, table: str, row: Mapping[str, Any], rowid: int | None = None) -> int:
        self._check_table(table)
        values = dict(row)
        columns = list(values)
        if rowid is not None:
            columns.insert(0, "rowid")
            values = {"rowid": rowid, **values}
        placeholders = ", ".join("?" for _ in columns)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
            [values[c] for c in columns],
        )
        new_id = int(cursor.lastrowid or 0)
        self.store._audit(self.actor, table, new_id, "insert", None, self.row(table, new_id))
        return new_id

    def update(self, table: str, rowid: int, changes: Mapping[str, Any]) -> None:
        before = self.row(table, rowid)
        if before is None:
            raise NotFound(f"There is no {table.replace('_', ' ')} with id {rowid}.")
        if all(before.get(k) == v for k, v in changes.items()):
            return
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE rowid = ?",
            [*changes.values(), rowid],
        )
        self.store._audit(self.actor, table, rowid, "update", before, self.row(table, rowid))

    def delete(self, table: str, rowid: int) -> None:
        before = self.row(table, rowid)
        if before is None:
            return
        self.conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
        self.store._audit(self.actor, table, rowid, "delete", before, None)

    # -- steps: one command, one transaction, one undo ------------------------------------------------------

    def check_unlocked(self) -> None:
        self.store.check_unlocked(self.meeting_id)

    def _last_audit_id(self) -> int:
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])

    @contextmanager
    def unrecorded_step(self) -> Iterator[LiveWriter]:
        """Audited writes that are not a meeting command: approvals and amendments, never undone."""
        with self.store.transaction():
            yield self

    @contextmanager
    def step(self, label: str) -> Iterator[LiveWriter]:
        """One command: all its writes commit together (or not at all) and undo together."""
        self.check_unlocked()
        with self.store.transaction():
            self.store.reopen_if_approved(self.meeting_id, self.actor)  # an edit after approval: a draft again
            first = self._last_audit_id() + 1
            yield self
            last = self._last_audit_id()
            if last >= first:
                self.conn.execute(
                    "UPDATE undo_step SET state = 'dropped' WHERE meeting_id = ? AND state = 'undone'",
                    (self.meeting_id,),
                )
                self.conn.execute(
                    "INSERT INTO undo_step (meeting_id, label, first_audit_id, last_audit_id) VALUES (?, ?, ?, ?)",
                    (self.meeting_id, label, first, last),
                )

    def _step(self, state: str, newest: bool) -> tuple[int, str, int, int] | None:
        order = "DESC" if newest else "ASC"
        row = self.conn.execute(
            "SELECT id, label, first_audit_id, last_audit_id FROM undo_step"
            f" WHERE meeting_id = ? AND state = ? ORDER BY id {order} LIMIT 1",
            (self.meeting_id, state),
        ).fetchone()
        return (int(row[0]), str(row[1]), int(row[2]), int(row[3])) if row else None

    def undo_label(self) -> str | None:
        found = self._step("done", newest=True)
        return found[1] if found else None

    def redo_label(self) -> str | None:
        found = self._undone_top()
        return found[1] if found else None

    def _undone_top(self) -> tuple[int, str, int, int] | None:
        """The step redo would bring back: the earliest undone step above the last done one."""
        done = self._step("done", newest=True)
        row = self.conn.execute(
            "SELECT id, label, first_audit_id, last_audit_id FROM undo_step"
            " WHERE meeting_id = ? AND state = 'undone' AND id > ? ORDER BY id ASC LIMIT 1",
            (self.meeting_id, done[0] if done else 0),
        ).fetchone()
        return (int(row[0]), str(row[1]), int(row[2]), int(row[3])) if row else None

    def _changes(self, first: int, last: int) -> list[tuple[str, int, str, Any, Any]]:
        rows = self.conn.execute(
            "SELECT entity, entity_id, action, before, after FROM audit WHERE id BETWEEN ? AND ? ORDER BY id",
            (first, last),
        ).fetchall()
        return [
            (str(e), int(i), str(a), json.loads(b) if b else None, json.loads(af) if af else None)
            for e, i, a, b, af in rows
        ]

    def undo(self) -> str | None:
        """Undo the last command; returns its label, or None if there is nothing to undo."""
        self.check_unlocked()
        found = self._step("done", newest=True)
        if found is None:
            return None
        step_id, label, first, last = found
        with self.store.transaction():
            self.store.reopen_if_approved(self.meeting_id, self.actor)
            for table, rowid, action, before, _after in reversed(self._changes(first, last)):
                self._check_table(table)
                if action == "insert":
                    self.delete(table, rowid)
                elif action == "delete":
                    self.insert(table, before, rowid=rowid)
                else:
                    self.update(table, rowid, before)
            self.conn.execute("UPDATE undo_step SET state = 'undone' WHERE id = ?", (step_id,))
        return label

    def redo(self) -> str | None:
        """Do again the command undone last; returns its label, or None."""
        self.check_unlocked()
        found = self._undone_top()
        if found is None:
            return None
        step_id, label, first, last = found
        with self.store.transaction():
            self.store.reopen_if_approved(self.meeting_id, self.actor)
            for table, rowid, action, _before, after in self._changes(first, last):
                self._check_table(table)
                if action == "insert":
                    self.insert(table, after, rowid=rowid)
                elif action == "delete":
                    self.delete(table, rowid)
                else:
                    self.update(table, rowid, after)
            self.conn.execute("UPDATE undo_step SET state = 'done' WHERE id = ?", (step_id,))
        return label

    # -- lookups the commands need ---------------------------------------------------------------------------

    def add_event(
        self, kind: str, at: time, item_id: int | None = None, person_id: int | None = None, text: str = ""
    ) -> int:
        return self.insert(
            "meeting_event",
            {
                "meeting_id": self.meeting_id,
                "at": _clock(at),
                "kind": kind,
                "item_id": item_id,
                "person_id": person_id,
                "text": text,
            },
        )

    def attendance_id(self, person_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ?", (self.meeting_id, person_id)
        ).fetchone()
        return int(row[0]) if row else None

    def event_ids(self, kind: str, person_id: int | None = None, text: str | None = None) -> list[int]:
        sql = "SELECT id FROM meeting_event WHERE meeting_id = ? AND kind = ?"
        params: list[Any] = [self.meeting_id, kind]
        if person_id is not None:
            sql += " AND person_id = ?"
            params.append(person_id)
        if text is not None:
            sql += " AND text = ?"
            params.append(text)
        return [int(r[0]) for r in self.conn.execute(sql + " ORDER BY id", params)]

    def ballot_rowids(self, vote_id: int) -> list[int]:
        return [int(r[0]) for r in self.conn.execute("SELECT rowid FROM ballot WHERE vote_id = ?", (vote_id,))]

    def next_motion_position(self, item_id: int) -> int:
        row = self.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM motion WHERE item_id = ?", (item_id,))
        return int(row.fetchone()[0])

    def next_taken_order(self) -> int:
        row = self.conn.execute(
            "SELECT coalesce(max(taken_order), 0) + 1 FROM agenda_item WHERE meeting_id = ?", (self.meeting_id,)
        )
        return int(row.fetchone()[0])

    def body_actions(self) -> list[Action]:
        """Every action of this meeting's body, oldest meeting first: the body's action tracker."""
        rows = self.conn.execute(
            "SELECT a.id, a.meeting_id, a.item_id, a.number, a.text, a.owners, a.due, a.status, a.rag, a.origin,"
            " a.closed_at FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE m.body_id = ?"
            " ORDER BY m.date, m.id, a.id",
            (self.body_id,),
        ).fetchall()
        return [
            Action(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                tuple(o for o in r[5].split(";") if o),
                parse_date(r[6]),
                r[7],
                r[8],
                r[9],
                parse_date(r[10]),
            )
            for r in rows
        ]

    def red_meetings(self, action_id: int) -> int:
        """At how many meetings in a row (the latest first) the action was last rated red."""
        rags = [
            r[0]
            for r in self.conn.execute(
                "SELECT rag FROM action_update WHERE action_id = ? ORDER BY id DESC", (action_id,)
            )
        ]
        count = 0
        for rag in rags:
            if rag != "red":
                break
            count += 1
        return count

    def set_chair_pin_hash(self, digest: str) -> None:
        self.update("meeting", self.meeting_id, {"chair_pin_hash": digest})

    def chair_pin_hash(self) -> str:
        row = self.conn.execute("SELECT chair_pin_hash FROM meeting WHERE id = ?", (self.meeting_id,)).fetchone()
        return str(row[0]) if row else ""

    def pin_guard(self) -> tuple[int, str | None]:
        """Wrong PINs in a row for this meeting, and until when the next try must wait (ISO time, or None)."""
        row = self.conn.execute(
            "SELECT failures, locked_until FROM chair_pin_guard WHERE meeting_id = ?", (self.meeting_id,)
        ).fetchone()
        return (int(row[0]), row[1]) if row else (0, None)

    def set_pin_guard(self, failures: int, locked_until: str | None) -> None:
        """Committed on its own at once: a wrong PIN counts even though the confirmation it was for is refused."""
        with self.store.transaction():
            self.conn.execute(
                "INSERT INTO chair_pin_guard (meeting_id, failures, locked_until) VALUES (?, ?, ?)"
                " ON CONFLICT (meeting_id) DO UPDATE SET failures = excluded.failures,"
                " locked_until = excluded.locked_until",
                (self.meeting_id, failures, locked_until),
            )


__all__ = ["LIVE_TABLES", "LiveWriter", "parse_time"]
