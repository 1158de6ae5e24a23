"""The record bound to its audit chain: which tables a meeting's record is, its canonical digest, and the replay.

**Record tables** come from the schema, never from a list kept by hand: a table belongs to a meeting's record
when one of its foreign keys reaches `meeting` through a chain of `ON DELETE CASCADE` keys (it is deleted with the
meeting). `pragma foreign_key_list` is read once per schema, so a table a later migration adds is covered
without any change here. When a table has several such keys, the shortest way to `meeting` owns the row
(`action_update.meeting_id` — the meeting that heard the update — rather than `action_id`).

**The audit log is the record's history.** Every write to a record table adds an audit row whose `entity` is the
table, `entity_id` the row's rowid, and `after` the row as written (whole, or the columns that changed; `after`
null means the row was deleted). Replaying the log from the first entry therefore gives every record table's rows,
and `check_record` compares them with the tables, naming each row and column that differs. Minute saves are the
one exception, kept compact: their `entity_id` is the agenda item and `after` is either the whole text
(`{"body": …}`) or a splice on the previous text (`{"splice": [start, end, text], "sha256": …}`, the compact
revisions of issue 17); the replay folds them per item, so a minute's final text is always recovered.

**The canonical record** of one meeting (docs/record-digest.md) is JSON: the meeting row and every record row
owned by it, table by table (sorted by name), rows in rowid order, each as an object of its columns with keys
sorted, compact separators, UTF-8. Left out are the approval workflow's own tables and columns (they describe
the record rather than being it) and tables that are not written through the audit log (derived text, undo
bookkeeping, members' private notes). Its SHA-256 is printed in the minutes beside the audit-chain head.

**The chain hash** is pluggable: `ChainHash(key)` is SHA-256 over the entry without a key (today), HMAC-SHA-256
with one once the library's unlock provides a key (the confidentiality issue).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.storage import driver

CANONICAL_FORMAT = "quorate-record/1"

# Rows that describe the record rather than being part of it: the minutes' approval, export and signature.
WORKFLOW_TABLES = frozenset({"minutes_approval", "minutes_export", "minutes_signature"})
# Tables under a meeting that are not written through the audit log: text read again from files (the pack's
# page index, tabled papers' pages) and undo bookkeeping. Members' private notes are audited but not the record.
UNAUDITED_TABLES = frozenset({"pack_page", "tabled_page", "undo_step"})
# Members' private notes: their audit rows say that a note was made, changed or deleted, not its words (issue 18),
# so they are neither replayed nor part of the record.
PRIVATE_TABLES = frozenset({"annotation"})
# Columns that keep changing by design after the meeting: the minutes' status (the workflow) and an action's
# progress on the body's tracker, rated at later meetings.
# A row's global id (db/0012_global_ids.sql) is its identity between devices, not part of what was recorded: left
# out of the canonical record, so a digest signed before the schema had it still verifies.
IDENTITY_COLUMNS = frozenset({"gid"})
LIVING_COLUMNS: Mapping[str, frozenset[str]] = {
    "meeting": frozenset({"minutes_status"}),
    "action": frozenset({"status", "rag", "closed_at"}),
}


class ChainHash:
    """The audit chain's hash of one entry: SHA-256 without a key, HMAC-SHA-256 with one."""

    def __init__(self, key: bytes | None = None) -> None:
        self.key = key

    def __call__(self, payload: bytes) -> str:
        if self.key is None:
            return hashlib.sha256(payload).hexdigest()
        return hmac.new(self.key, payload, hashlib.sha256).hexdigest()


# --- record tables from the schema ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordTable:
    name: str
    owner_column: str  # the cascading key towards the meeting ("id" for the meeting table itself)
    parent: str  # the table that key points at
    parent_column: str
    depth: int  # 0 for meeting, 1 for a direct meeting_id, …
    columns: tuple[str, ...]

    def meeting_expression(self, tables: Mapping[str, RecordTable], alias: str) -> str:
        """SQL giving the owning meeting's id of the row `alias` of this table."""
        if self.depth == 0:
            return f"{alias}.id"
        if self.parent == "meeting":
            return f"{alias}.{self.owner_column}"
        parent = tables[self.parent]
        inner = f"p{self.depth}"
        return (
            f"(SELECT {parent.meeting_expression(tables, inner)} FROM {parent.name} {inner}"
            f" WHERE {inner}.{self.parent_column} = {alias}.{self.owner_column})"
        )


_SCHEMA_CACHE: dict[str, dict[str, RecordTable]] = {}


def _schema_key(conn: driver.Connection) -> str:
    """The schema itself (every CREATE statement), so two databases share an entry only when they are alike."""
    text = conn.execute("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name)").fetchone()
    return hashlib.sha256(str(text[0]).encode("utf-8")).hexdigest()


def record_tables(conn: driver.Connection) -> dict[str, RecordTable]:
    """Every table deleted with its meeting (and `meeting` itself), found from the schema's foreign keys."""
    key = _schema_key(conn)
    cached = _SCHEMA_CACHE.get(key)
    if cached is not None:
        return cached
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE"
            " 'CREATE VIRTUAL TABLE%'"
        )
    ]
    keys: dict[str, list[tuple[str, str, str]]] = {}
    columns: dict[str, tuple[str, ...]] = {}
    for name in names:
        columns[name] = tuple(str(r[1]) for r in conn.execute(f"PRAGMA table_info({name})"))
        for fk in conn.execute(f"PRAGMA foreign_key_list({name})"):
            parent, from_column, to_column, on_delete = str(fk[2]), str(fk[3]), fk[4], str(fk[6]).upper()
            if on_delete == "CASCADE" and parent != name:
                keys.setdefault(name, []).append((from_column, parent, str(to_column or "id")))
    found: dict[str, RecordTable] = {}
    if "meeting" in columns:
        found["meeting"] = RecordTable("meeting", "id", "meeting", "id", 0, columns["meeting"])
    changed = True
    while changed:  # breadth first: each pass adds the tables one key further from the meeting
        changed = False
        depth = max((t.depth for t in found.values()), default=0)
        for name in sorted(keys):
            if name in found:
                continue
            owners = [(c, p, pc) for c, p, pc in keys[name] if p in found and found[p].depth == depth]
            if owners:
                column, parent, parent_column = sorted(owners)[0]
                found[name] = RecordTable(name, column, parent, parent_column, depth + 1, columns[name])
                changed = True
    _SCHEMA_CACHE[key] = found
    return found


def replayed_tables(conn: driver.Connection) -> dict[str, RecordTable]:
    """The record tables the audit log must account for, row by row."""
    return {n: t for n, t in record_tables(conn).items() if n not in UNAUDITED_TABLES and n not in PRIVATE_TABLES}


def digest_tables(conn: driver.Connection) -> dict[str, RecordTable]:
    """The record tables that make up a meeting's canonical record."""
    return {n: t for n, t in replayed_tables(conn).items() if n not in WORKFLOW_TABLES and n not in PRIVATE_TABLES}


# --- the canonical record ------------------------------------------------------------------------------------------


def _rows(conn: driver.Connection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _plain(value: Any) -> Any:
    """A column value as JSON holds it (blobs as hex)."""
    return value.hex() if isinstance(value, bytes) else value


def canonical_record(conn: driver.Connection, meeting_id: int, version: int = 1) -> dict[str, Any]:
    """The meeting's record as the canonical structure (see the module docstring); corrections after
    `version` are left out, so version 1's digest stays what it was when a correction makes version 2."""
    tables = digest_tables(conn)
    if conn.execute("SELECT 1 FROM meeting WHERE id = ?", (meeting_id,)).fetchone() is None:
        raise LookupError(f"There is no meeting with id {meeting_id}.")
    record: dict[str, list[dict[str, Any]]] = {}
    for name in sorted(tables):
        table = tables[name]
        where = table.meeting_expression(tables, "t")
        sql = f"SELECT t.rowid AS __rowid__, t.* FROM {name} t WHERE {where} = ?"
        params: list[Any] = [meeting_id]
        if "version" in table.columns:
            sql += " AND t.version <= ?"
            params.append(version)
        living = LIVING_COLUMNS.get(name, frozenset())
        rows = []
        for row in _rows(conn, sql + " ORDER BY t.rowid", params):
            rowid = row.pop("__rowid__")
            kept = {k: _plain(v) for k, v in row.items() if k not in living and k not in IDENTITY_COLUMNS}
            kept.setdefault("rowid", rowid)
            rows.append(kept)
        record[name] = rows
    return {"format": CANONICAL_FORMAT, "meeting_id": meeting_id, "version": version, "tables": record}


def canonical_json(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def record_digest(conn: driver.Connection, meeting_id: int, version: int = 1) -> str:
    return hashlib.sha256(canonical_json(canonical_record(conn, meeting_id, version))).hexdigest()


def _short(value: Any, width: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def _described_rows(tables: Mapping[str, Any], name: str) -> dict[int, dict[str, Any]]:
    return {int(row.get("rowid", index)): row for index, row in enumerate(tables.get(name, ()))}


def record_differences(signed: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """What changed between two canonical records of one meeting, in words ("minute_entry 4: body …")."""
    found: list[str] = []
    before_tables, after_tables = signed.get("tables", {}), now.get("tables", {})
    for name in sorted(set(before_tables) | set(after_tables)):
        before, after = _described_rows(before_tables, name), _described_rows(after_tables, name)
        for rowid in sorted(set(before) | set(after)):
            old, new = before.get(rowid), after.get(rowid)
            if new is None:
                found.append(f"{name} {rowid} was deleted")
            elif old is None:
                found.append(f"{name} {rowid} was added")
            else:
                for column in sorted(set(old) | set(new)):
                    if old.get(column) != new.get(column):
                        found.append(
                            f"{name} {rowid}: {column} was {_short(old.get(column))}, now {_short(new.get(column))}"
                        )
    return found


# --- replaying the audit log ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Replay:
    """Every record table's rows as the audit log says they are now (partial rows where the log was partial)."""

    rows: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    minutes_by_item: dict[int, dict[str, Any]] = field(default_factory=dict)  # minute saves, by agenda item


def _minute_text(previous: str, after: Mapping[str, Any]) -> str:
    """The minute text after one minute save: the whole text, or a splice on the text before it."""
    if "body" in after:
        return str(after["body"])
    start, end, text = after["splice"]
    return previous[: int(start)] + str(text) + previous[int(end) :]


def _apply(replay: Replay, entity: str, entity_id: int, after: Any, tables: Mapping[str, RecordTable]) -> None:
    if entity == "minute_entry" and isinstance(after, dict) and "item_id" not in after and "id" not in after:
        if "body" in after or "splice" in after:  # a minute save: entity_id is the agenda item
            row = replay.minutes_by_item.setdefault(entity_id, {"item_id": entity_id})
            row["body"] = _minute_text(str(row.get("body", "")), after)
        return
    rows = replay.rows.setdefault(entity, {})
    if after is None:
        rows.pop(entity_id, None)
        if entity == "agenda_item":
            replay.minutes_by_item.pop(entity_id, None)
        return
    if not isinstance(after, dict):
        return
    known = tables[entity].columns
    rows.setdefault(entity_id, {}).update({k: v for k, v in after.items() if k in known})


def _json_ids(ids: Iterable[int]) -> str:
    return json.dumps(sorted(ids))


def meeting_rows(conn: driver.Connection, meeting_id: int) -> dict[str, set[int]]:
    """The rowids, per record table, that belong to one meeting now or that the audit log ever wrote for it.

    Found table by table away from the meeting: a row is the meeting's when the table holds it under the meeting,
    or when an audit row gave its owning column the id of one of the meeting's parent rows (so a row deleted or
    moved by hand is still found). Minute saves are logged under their agenda item, which is among these."""
    tables = replayed_tables(conn)
    found: dict[str, set[int]] = {}
    for name, table in sorted(tables.items(), key=lambda kv: (kv[1].depth, kv[0])):
        where = table.meeting_expression(tables, "t")
        ids = {int(r[0]) for r in conn.execute(f"SELECT t.rowid FROM {name} t WHERE {where} = ?", (meeting_id,))}
        if table.depth == 0:
            ids.add(meeting_id)
        elif found.get(table.parent):
            logged = conn.execute(
                "SELECT DISTINCT entity_id FROM audit WHERE entity = ? AND entity_id IS NOT NULL AND json_valid(after)"
                " AND json_extract(after, ?) IN (SELECT value FROM json_each(?))",
                (name, f"$.{table.owner_column}", _json_ids(found[table.parent])),
            )
            ids |= {int(r[0]) for r in logged}
        found[name] = ids
    return found


_AUDIT_COLUMNS = "id, at, actor, entity, entity_id, action, before, after, prev_hash, hash"


def _audit_query(tables: Mapping[str, RecordTable], scope: Mapping[str, set[int]] | None) -> tuple[str, list[Any]]:
    """SQL for the audit rows of the record tables (or of the rows in `scope`, and the minute saves of its agenda
    items), oldest first: id, at, actor, entity, entity_id, action, before, after, prev_hash, hash."""
    if scope is None:
        marks = ", ".join("?" for _ in tables)
        return f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE entity IN ({marks}) ORDER BY id", list(tables)
    parts, params = [], []
    for name, ids in scope.items():
        if name == "minute_entry":
            ids = ids | scope.get("agenda_item", set())
        if ids:
            parts.append(
                f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))"
            )
            params += [name, _json_ids(ids)]
    if not parts:
        return f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE 0", []
    return " UNION ALL ".join(parts) + " ORDER BY id", params


def _audit_rows(
    conn: driver.Connection, tables: Mapping[str, RecordTable], scope: Mapping[str, set[int]] | None
) -> Iterable[tuple[Any, ...]]:
    sql, params = _audit_query(tables, scope)
    return conn.execute(sql, params)


def replay_audit(conn: driver.Connection, scope: Mapping[str, set[int]] | None = None) -> Replay:
    """Apply every audit row (or those of the rows in `scope`, see `meeting_rows`) to empty record tables,
    oldest first."""
    tables = replayed_tables(conn)
    replay = Replay()
    for row in _audit_rows(conn, tables, scope):
        entity, entity_id, after_json = row[3], row[4], row[7]
        if entity_id is None:
            continue
        if scope is not None and entity == "minute_entry" and int(entity_id) not in scope.get("minute_entry", ()):
            after = json.loads(after_json) if after_json is not None else None
            if not (isinstance(after, dict) and "item_id" not in after and "id" not in after):
                continue  # a whole minute row whose rowid happens to be one of the meeting's agenda items
        after = json.loads(after_json) if after_json is not None else None
        _apply(replay, str(entity), int(entity_id), after, tables)
    return replay


def chain_problems(
    conn: driver.Connection, scope: Mapping[str, set[int]], chain_hash: ChainHash, genesis: str
) -> list[str]:
    """The audit entries of one meeting's rows that were altered or do not follow the entry before them (the
    whole chain is `Store.verify_audit_chain`)."""
    from app.storage.store import audit_hash  # the one definition of an entry's hash

    tables = replayed_tables(conn)
    sql, params = _audit_query(tables, scope)
    with_previous = (
        f"SELECT u.*, (SELECT p.hash FROM audit p WHERE p.id < u.id ORDER BY p.id DESC LIMIT 1) FROM ({sql}) u"
    )
    problems = []
    for row in conn.execute(with_previous, params):
        entry_id, at, actor, entity, entity_id, action, before, after, prev_hash, digest, previous = row
        if prev_hash != (previous if previous is not None else genesis):
            problems.append(f"audit entry {entry_id} does not follow the entry before it")
        if audit_hash(prev_hash, at, actor, entity, entity_id, action, before, after, chain_hash) != digest:
            problems.append(f"audit entry {entry_id} was altered after it was written")
    return problems


def _same(stored: Any, logged: Any) -> bool:
    if stored == logged:
        return True
    return bool(json.loads(json.dumps(_plain(stored), default=str)) == logged)


@dataclass(frozen=True, slots=True)
class Difference:
    """One row where the record tables and the audit log disagree."""

    table: str
    rowid: int
    meeting_id: int | None
    text: str


def check_record(conn: driver.Connection, limit: int = 20, meeting_id: int | None = None) -> list[Difference]:
    """Where the record tables differ from what the audit log says they are, in words; empty when they agree.
    At most `limit` differences are named (the first one is what matters). With `meeting_id`, only that
    meeting's rows (see `meeting_rows`) are replayed and compared."""
    tables = replayed_tables(conn)
    scope = meeting_rows(conn, meeting_id) if meeting_id is not None else None
    replay = replay_audit(conn, scope)
    problems: list[Difference] = []
    current: dict[str, Any] = {}

    def note(text: str) -> bool:
        problems.append(Difference(current["table"], current["rowid"], current["meeting"], text))
        return len(problems) >= limit

    for name in sorted(tables):
        table = tables[name]
        meeting_of = table.meeting_expression(tables, "t")
        sql = f"SELECT t.rowid AS __rowid__, {meeting_of} AS __meeting__, t.* FROM {name} t"
        params: tuple[Any, ...] = ()
        if scope is not None:
            sql += " WHERE t.rowid IN (SELECT value FROM json_each(?))"
            params = (_json_ids(scope.get(name, set())),)
        stored = {int(r.pop("__rowid__")): r for r in _rows(conn, sql, params)}
        logged = replay.rows.get(name, {})
        for rowid in sorted(set(stored) | set(logged)):
            row = stored.get(rowid)
            expected = logged.get(rowid)
            current.update(table=name, rowid=rowid, meeting=row["__meeting__"] if row else None)
            if row is None and expected is not None:
                owner = rowid if name == "meeting" else _logged_meeting(conn, tables, replay, name, expected)
                current["meeting"] = owner
            if expected is None and name == "minute_entry" and row is not None:
                expected = replay.minutes_by_item.get(int(row["item_id"]))
            where = f"{name} {rowid}" + (f" (meeting {row['__meeting__']})" if row and row["__meeting__"] else "")
            if row is None:
                if note(f"{where} was deleted outside Quorate: the audit log still has it"):
                    return problems
                continue
            if expected is None:
                if note(f"{where} is not in the audit log: it was added outside Quorate"):
                    return problems
                continue
            for column, value in expected.items():
                if column in row and not _same(row[column], value):
                    text = f"{where}: {column} is {_short(_plain(row[column]))}, the audit log says {_short(value)}"
                    if note(text):
                        return problems
        if name == "minute_entry":
            for difference in _deleted_minutes(conn, tables, replay, stored, scope):
                problems.append(difference)
                if len(problems) >= limit:
                    return problems
    return problems


def _logged_meeting(
    conn: driver.Connection, tables: Mapping[str, RecordTable], replay: Replay, name: str, row: Mapping[str, Any]
) -> int | None:
    """The meeting a row the audit log still has belongs to, through its owning keys (rows deleted by hand)."""
    table = tables[name]
    while table.depth > 0:
        parent_id = row.get(table.owner_column)
        if not isinstance(parent_id, int):
            return None
        if table.parent == "meeting":
            return parent_id
        parent_table = tables[table.parent]
        logged = replay.rows.get(table.parent, {}).get(parent_id)
        if logged is None:
            found = conn.execute(
                f"SELECT {parent_table.meeting_expression(tables, 't')} FROM {parent_table.name} t"
                f" WHERE t.{table.parent_column} = ?",
                (parent_id,),
            ).fetchone()
            return int(found[0]) if found and found[0] is not None else None
        row, table = logged, parent_table
    return None


def _deleted_minutes(
    conn: driver.Connection,
    tables: Mapping[str, RecordTable],
    replay: Replay,
    stored: Mapping[int, Mapping[str, Any]],
    scope: Mapping[str, set[int]] | None,
) -> list[Difference]:
    """Minutes the audit log saved (as minute saves, under their agenda item) whose row is gone from the table."""
    with_rows = {int(row["item_id"]) for row in stored.values()}
    if scope is not None:  # rows of the meeting's items outside the scope of rowids still count as there
        with_rows |= {
            int(r[0])
            for r in conn.execute(
                "SELECT item_id FROM minute_entry WHERE item_id IN (SELECT value FROM json_each(?))",
                (_json_ids(scope.get("agenda_item", set())),),
            )
        }
    found = []
    for item_id, saved in sorted(replay.minutes_by_item.items()):
        if item_id in with_rows or not str(saved.get("body", "")).strip():
            continue
        item = conn.execute(
            f"SELECT {tables['agenda_item'].meeting_expression(tables, 't')}, t.number FROM agenda_item t"
            " WHERE t.id = ?",
            (item_id,),
        ).fetchone()
        if item is None:
            continue  # the agenda item itself is gone: that is named on its own row
        found.append(
            Difference(
                "minute_entry",
                item_id,
                int(item[0]),
                f"the minute of item {item[1]} (meeting {item[0]}) was deleted outside Quorate: the audit log "
                f"still has it ({_short(saved.get('body', ''))})",
            )
        )
    return found


def meeting_of_rows(conn: driver.Connection, table: str, rowids: Iterable[int]) -> set[int]:
    """The meetings owning some rows of a record table."""
    tables = record_tables(conn)
    if table not in tables:
        return set()
    ids = list(rowids)
    if not ids:
        return set()
    expression = tables[table].meeting_expression(tables, "t")
    marks = ", ".join("?" for _ in ids)
    return {
        int(r[0])
        for r in conn.execute(f"SELECT {expression} FROM {table} t WHERE t.rowid IN ({marks})", ids)
        if r[0] is not None
    }
