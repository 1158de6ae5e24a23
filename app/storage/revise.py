"""The writes of a pack revision: applying a revised pack's agenda to a meeting already in the record.

The plan (which item is which) is made in `app.commands.revise`; this module only reads what is
recorded against each item and writes the changes, each audited. Every function is part of the
caller's transaction (`Store.transaction()`), so a revision is all or nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from app.domain import AgendaItem
from app.storage.store import Store, _iso

# What can be recorded against an agenda item, as the report names it, and the SQL that finds it.
_RECORD_KINDS: tuple[tuple[str, str], ...] = (
    ("minute text", "SELECT DISTINCT item_id FROM minute_entry WHERE trim(body) <> ''"),
    ("declarations", "SELECT DISTINCT item_id FROM declaration"),
    ("motions", "SELECT DISTINCT item_id FROM motion"),
    ("actions", "SELECT DISTINCT item_id FROM action WHERE item_id IS NOT NULL"),
    ("annotations", "SELECT DISTINCT item_id FROM annotation WHERE item_id IS NOT NULL"),
    ("tabled papers", "SELECT DISTINCT item_id FROM tabled_paper WHERE item_id IS NOT NULL"),
)

_ITEM_COLUMNS = (
    "position",
    "number",
    "title",
    "presenter",
    "purpose",
    "planned_time",
    "part",
    "first_page",
    "last_page",
)


def records_by_item(store: Store, meeting_id: int) -> dict[int, tuple[str, ...]]:
    """For each item of a meeting that has anything recorded against it, what kinds of record it has
    (in words: "minute text", "declarations", "motions", "actions", "annotations"). An empty minute
    is not a record."""
    found: dict[int, list[str]] = {}
    for kind, ids_sql in _RECORD_KINDS:
        rows = store.conn.execute(
            f"SELECT a.id FROM agenda_item a WHERE a.meeting_id = ? AND a.id IN ({ids_sql}) ORDER BY a.id",
            (meeting_id,),
        ).fetchall()
        for row in rows:
            found.setdefault(int(row[0]), []).append(kind)
    return {item_id: tuple(kinds) for item_id, kinds in found.items()}


def park_positions(store: Store, meeting_id: int) -> None:
    """Move every item of a meeting to a temporary negative position (-1 - position), so that the
    final positions can then be written one item at a time without breaking UNIQUE(meeting_id,
    position). Every parked item must be given its final position before the transaction ends."""
    with store._write():
        store.conn.execute("UPDATE agenda_item SET position = -1 - position WHERE meeting_id = ?", (meeting_id,))


def update_item(store: Store, before: AgendaItem, after: AgendaItem, actor: str = "secretary") -> dict[str, Any]:
    """Write `after` over the item `before` (same id), keeping its id and so everything recorded
    against it. The row is always written (a parked position is restored); the audit gets the fields
    that changed, if any. Returns those fields with their new values."""
    assert before.id is not None and before.id == after.id
    old = Store._item_row(before, before.meeting_id, before.position)
    new = Store._item_row(after, before.meeting_id, after.position)
    changed = [column for column in _ITEM_COLUMNS if old[column] != new[column]]
    with store._write():
        assignments = ", ".join(f"{column} = ?" for column in _ITEM_COLUMNS)
        store.conn.execute(
            f"UPDATE agenda_item SET {assignments} WHERE id = ?",
            (*(new[column] for column in _ITEM_COLUMNS), before.id),
        )
        if changed:
            store._audit(
                actor,
                "agenda_item",
                before.id,
                "revise",
                {column: old[column] for column in changed},
                {column: new[column] for column in changed},
            )
    return {column: new[column] for column in changed}


def insert_item(store: Store, item: AgendaItem, actor: str = "secretary") -> int:
    """Add an item the revised pack brings; returns its id."""
    row = Store._item_row(item, item.meeting_id, item.position)
    with store._write():
        item_id = store._insert("agenda_item", row)
        store._audit(actor, "agenda_item", item_id, "create", None, row)
    return item_id


def delete_item(store: Store, item: AgendaItem, actor: str = "secretary") -> None:
    """Remove an item the revised pack no longer lists. Only for items with nothing recorded against
    them (see `records_by_item`); an empty minute row goes with the item."""
    assert item.id is not None
    row = Store._item_row(item, item.meeting_id, item.position)
    with store._write():
        store.conn.execute("DELETE FROM agenda_item WHERE id = ?", (item.id,))
        store._audit(actor, "agenda_item", item.id, "delete", row, None)


def update_meeting(store: Store, meeting_id: int, changes: Mapping[str, Any], actor: str = "secretary") -> None:
    """Change some columns of a meeting row (pack_path, pack_sha256, date, start, venue; dates and
    times as Python values), audited with their values before and after."""
    allowed = {"pack_path", "pack_sha256", "date", "start", "venue"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"update_meeting cannot change {sorted(unknown)}")
    if not changes:
        return
    values = {c: _iso(v) if isinstance(v, date | time) else v for c, v in changes.items()}
    columns = sorted(values)
    row = store.conn.execute(
        f"SELECT {', '.join(columns)} FROM meeting WHERE id = ?",
        (meeting_id,),
    ).fetchone()
    before = dict(zip(columns, row, strict=True))
    with store._write():
        store.conn.execute(
            f"UPDATE meeting SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
            (*(values[c] for c in columns), meeting_id),
        )
        store._audit(actor, "meeting", meeting_id, "revise", before, {c: values[c] for c in columns})


@dataclass(frozen=True, slots=True)
class AnnotationAnchor:
    """Where an annotation is anchored in its meeting's pack: what a revision needs to place it again."""

    id: int
    item_id: int | None
    owner: str
    page: int
    quote: str
    prefix: str
    suffix: str
    orphaned: bool


def meeting_annotations(store: Store, meeting_id: int) -> list[AnnotationAnchor]:
    """Every annotation on a meeting's pack, orphaned ones included, in the order they were made."""
    rows = store.conn.execute(
        "SELECT id, item_id, owner, page, quote, prefix, suffix, orphaned FROM annotation"
        " WHERE meeting_id = ? ORDER BY id",
        (meeting_id,),
    ).fetchall()
    return [AnnotationAnchor(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows]


def place_annotation(
    store: Store, before: AnnotationAnchor, page: int, item_id: int | None, orphaned: bool, actor: str = "secretary"
) -> bool:
    """Re-anchor an annotation after a revision: its page, its item, and whether it could be placed at all.
    Audited when anything changed; True then. The annotation itself (quote, note) is never changed."""
    old = {"page": before.page, "item_id": before.item_id, "orphaned": int(before.orphaned)}
    new = {"page": page, "item_id": item_id, "orphaned": int(orphaned)}
    now = store.conn.execute("SELECT item_id FROM annotation WHERE id = ?", (before.id,)).fetchone()
    changed = {k for k in old if old[k] != new[k]}
    if not changed and now is not None and now[0] == item_id:
        return False
    with store._write():
        store.conn.execute(
            "UPDATE annotation SET page = ?, item_id = ?, orphaned = ? WHERE id = ?",
            (page, item_id, int(orphaned), before.id),
        )
        if changed:
            store._audit(
                actor,
                "annotation",
                before.id,
                "reanchor",
                {k: old[k] for k in sorted(changed)},
                {k: new[k] for k in sorted(changed)},
            )
    return bool(changed)
