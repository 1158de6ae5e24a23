"""Members' annotations on a pack, in SQL: rows in, `Annotation` values out; every write audited.

Annotations are private to their owner: nothing here writes to a pack file or to the minutes. The revision
of a pack re-anchors them (app/storage/revise.py `place_annotation`); this module keeps everything else.

The audit log keeps that a note was made, changed or deleted, by whom, on which page — never its words (the
note, the words it marks, their context, its marks on the page): a deleted note is gone, not kept forever in the
append-only log (issue 18). So notes are not replayed from the log (`app.storage.integrity`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain import Annotation
from app.domain.annotations import AnnotationKind, Point, Rect
from app.storage import member_notes
from app.storage.store import NotFound, Store, _now

_COLUMNS = (
    "id, meeting_id, owner, page, quote, prefix, suffix, note, colour, item_id, raise_at_meeting,"
    " kind, rects, ink, char_start, anchored_sha256, orphaned, created_at, updated_at, sealed"
)

# What `update` may change, and how a value is written.
_EDITABLE = (
    "page",
    "item_id",
    "note",
    "colour",
    "raise_at_meeting",
    "kind",
    "rects",
    "ink",
    "char_start",
    "anchored_sha256",
    "orphaned",
    "quote",
    "prefix",
    "suffix",
)


def _rects(raw: str) -> tuple[Rect, ...]:
    return tuple((float(r[0]), float(r[1]), float(r[2]), float(r[3])) for r in json.loads(raw or "[]"))


def _ink(raw: str) -> tuple[tuple[Point, ...], ...]:
    return tuple(tuple((float(p[0]), float(p[1])) for p in stroke) for stroke in json.loads(raw or "[]"))


def _when(raw: str | None) -> datetime | None:
    return datetime.fromisoformat(raw) if raw else None


def _from_row(store: Store, r: Sequence[Any]) -> Annotation:
    note, ink = r[7], r[13]
    if r[19] is not None:  # a protected member's words: shown only once they unlocked them this session
        aead = member_notes.session_cipher(store, r[2])
        words = member_notes.unseal(aead, r[2], bytes(r[19])) if aead is not None else {"note": "", "ink": "[]"}
        note, ink = str(words["note"]), str(words["ink"])
    return Annotation(
        id=r[0],
        meeting_id=r[1],
        owner=r[2],
        page=r[3],
        quote=r[4],
        prefix=r[5],
        suffix=r[6],
        note=note,
        colour=r[8],
        item_id=r[9],
        raise_at_meeting=bool(r[10]),
        kind=AnnotationKind(r[11]),
        rects=_rects(r[12]),
        ink=_ink(ink),
        char_start=r[14],
        anchored_sha256=r[15],
        orphaned=bool(r[16]),
        created_at=_when(r[17]),
        updated_at=_when(r[18]),
    )


def _value(column: str, value: Any) -> Any:
    if column in ("rects", "ink"):
        return json.dumps([list(v) if column == "rects" else [list(p) for p in v] for v in value])
    if column in ("raise_at_meeting", "orphaned"):
        return int(bool(value))
    if column == "kind":
        return AnnotationKind(value).value
    return value


def row_of(a: Annotation) -> dict[str, Any]:
    """The columns of an annotation as written (ids aside)."""
    return {
        "meeting_id": a.meeting_id,
        "owner": a.owner,
        "page": a.page,
        "quote": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "note": a.note,
        "colour": a.colour,
        "item_id": a.item_id,
        "raise_at_meeting": int(a.raise_at_meeting),
        "kind": a.kind.value,
        "rects": _value("rects", a.rects),
        "ink": _value("ink", a.ink),
        "char_start": a.char_start,
        "anchored_sha256": a.anchored_sha256,
        "orphaned": int(a.orphaned),
    }


# Columns that hold a member's words or marks: never copied into the audit log.
_PRIVATE_WORDS = frozenset({"note", "quote", "prefix", "suffix", "rects", "ink", "sealed"})


def _sealed(store: Store, owner: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The columns that hold the member's own words, as written: sealed under their key when they protected their
    notes (note '' and ink '[]' in the clear), plain otherwise. Raises NotesLocked for a protected member who has
    not unlocked this session."""
    aead = member_notes.cipher(store, owner)
    if aead is None:
        return {"note": row["note"], "ink": row["ink"], "sealed": None}
    words = {"note": row["note"], "ink": row["ink"]}
    return {"note": "", "ink": "[]", "sealed": member_notes.seal(aead, owner, words)}


def merge_search_index(store: Store) -> None:
    """Merge the notes' search index into one segment, so no older segment keeps a deleted or sealed note's words."""
    with store._write():
        store.conn.execute("INSERT INTO annotation_search (annotation_search) VALUES ('optimize')")


def _fact(row: Mapping[str, Any]) -> dict[str, Any]:
    """What the audit log keeps of an annotation row: who, where, what kind; not the words."""
    return {k: v for k, v in row.items() if k not in _PRIVATE_WORDS}


def add(store: Store, a: Annotation, actor: str) -> Annotation:
    """Write a new annotation; its id and times are given here."""
    now = _now().isoformat()
    row = {**row_of(a), "created_at": now, "updated_at": now}
    with store._write():
        annotation_id = store._insert("annotation", row | _sealed(store, a.owner, row))
        store._audit(actor, "annotation", annotation_id, "create", None, _fact(row))
    return get(store, annotation_id)


def add_many(store: Store, annotations: Iterable[Annotation], actor: str) -> list[int]:
    """Several new annotations in one transaction (an import): all or none."""
    ids = []
    with store._write():
        for a in annotations:
            created = add(store, a, actor)
            assert created.id is not None
            ids.append(created.id)
    return ids


def get(store: Store, annotation_id: int) -> Annotation:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM annotation WHERE id = ?", (annotation_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no annotation with id {annotation_id}.")
    return _from_row(store, row)


def for_meeting(
    store: Store, meeting_id: int, owner: str | None = None, item_id: int | None = None
) -> list[Annotation]:
    """A meeting's annotations (one member's when `owner` is given; one item's when `item_id` is), by page.

    A member who protected their notes must have unlocked them this session (else NotesLocked)."""
    if owner is not None:
        member_notes.cipher(store, owner)
    sql = f"SELECT {_COLUMNS} FROM annotation WHERE meeting_id = ?"
    args: list[Any] = [meeting_id]
    if owner is not None:
        sql += " AND owner = ?"
        args.append(owner)
    if item_id is not None:
        sql += " AND item_id = ?"
        args.append(item_id)
    rows = store.conn.execute(sql + " ORDER BY page, id", args).fetchall()
    return [_from_row(store, r) for r in rows]


def flagged_on_item(store: Store, item_id: int) -> list[Annotation]:
    """Every member's annotations flagged "raise at meeting" on one agenda item, oldest first."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM annotation WHERE item_id = ? AND raise_at_meeting = 1 ORDER BY id", (item_id,)
    ).fetchall()
    return [_from_row(store, r) for r in rows]


def owners(store: Store, meeting_id: int | None = None) -> list[str]:
    """The members who have annotations (on one meeting's pack, or anywhere), by name."""
    if meeting_id is None:
        rows = store.conn.execute("SELECT DISTINCT owner FROM annotation ORDER BY owner").fetchall()
    else:
        rows = store.conn.execute(
            "SELECT DISTINCT owner FROM annotation WHERE meeting_id = ? ORDER BY owner", (meeting_id,)
        ).fetchall()
    return [str(r[0]) for r in rows]


def update(store: Store, annotation_id: int, changes: Mapping[str, Any], actor: str) -> Annotation:
    """Change some columns of an annotation (see `_EDITABLE`), audited with their values before and after."""
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise ValueError(f"an annotation's {sorted(unknown)} cannot be changed")
    before = row_of(get(store, annotation_id))
    member_notes.cipher(store, before["owner"])  # a protected member's notes change only once unlocked
    after = {c: _value(c, v) for c, v in changes.items()}
    changed = sorted(c for c in after if before[c] != after[c])
    if not changed:
        return get(store, annotation_id)
    with store._write():
        writes = _writes(store, before, after, changed)
        assignments = ", ".join(f"{c} = ?" for c in writes)
        store.conn.execute(
            f"UPDATE annotation SET {assignments}, updated_at = ? WHERE id = ?",
            (*writes.values(), _now().isoformat(), annotation_id),
        )
        store._audit(
            actor,
            "annotation",
            annotation_id,
            "edit",
            _fact({c: before[c] for c in changed}) | {"changed": changed},
            _fact({c: after[c] for c in changed}),
        )
    return get(store, annotation_id)


def _writes(
    store: Store, before: Mapping[str, Any], after: Mapping[str, Any], changed: Sequence[str]
) -> dict[str, Any]:
    """The columns an edit writes: the changed ones, with the member's words sealed again when they changed."""
    writes = {c: after[c] for c in changed}
    if "note" in writes or "ink" in writes:
        writes |= _sealed(store, before["owner"], {**before, **writes})
    return writes


def delete(store: Store, annotation_id: int, actor: str, at: str | None = None) -> None:
    """Delete a note for good: the row is overwritten (secure_delete), the log keeps only that it was deleted.

    A tombstone (the note's gid and the time, no words) remains so the deletion reaches the member's other
    devices when their notes are merged (`app.commands.members`); `at` is the time it was deleted on the device
    where it was (now, unless a merge brings the deletion from another device)."""
    before = row_of(get(store, annotation_id))
    row = store.conn.execute(
        "SELECT a.gid, m.gid FROM annotation a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?", (annotation_id,)
    ).fetchone()
    with store._write():
        store.conn.execute("DELETE FROM annotation WHERE id = ?", (annotation_id,))
        if row is not None and row[0] is not None:
            store.conn.execute(
                "INSERT INTO annotation_tombstone (gid, meeting_gid, owner, deleted_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (gid) DO UPDATE SET deleted_at = max(deleted_at, excluded.deleted_at)",
                (row[0], row[1], before["owner"], at or _now().isoformat()),
            )
        store._audit(actor, "annotation", annotation_id, "delete", _fact(before), None)
    merge_search_index(store)  # the deleted note's words leave the index's older segments too


# -- a member's notes between their own devices (issue 19) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Synced:
    """An annotation as it travels between a member's devices: its gid, its item's gid and its times."""

    gid: str
    item_gid: str | None
    annotation: Annotation
    created_at: str
    updated_at: str


def synced(store: Store, meeting_id: int, owner: str) -> list[Synced]:
    """A member's annotations on a meeting with their gids and times, oldest first (NotesLocked for a protected
    member not unlocked this session)."""
    found = []
    for a in for_meeting(store, meeting_id, owner):
        assert a.id is not None
        row = store.conn.execute(
            "SELECT a.gid, i.gid, a.created_at, a.updated_at FROM annotation a"
            " LEFT JOIN agenda_item i ON i.id = a.item_id WHERE a.id = ?",
            (a.id,),
        ).fetchone()
        found.append(Synced(str(row[0]), row[1], a, str(row[2]), str(row[3])))
    return found


def by_gid(store: Store, gid: str) -> Synced | None:
    row = store.conn.execute(
        "SELECT a.id, i.gid, a.created_at, a.updated_at FROM annotation a"
        " LEFT JOIN agenda_item i ON i.id = a.item_id WHERE a.gid = ?",
        (gid,),
    ).fetchone()
    return Synced(gid, row[1], get(store, int(row[0])), str(row[2]), str(row[3])) if row else None


def tombstones(store: Store, meeting_gid: str, owner: str) -> dict[str, str]:
    """The member's deleted notes on a meeting: gid -> when deleted."""
    rows = store.conn.execute(
        "SELECT gid, deleted_at FROM annotation_tombstone WHERE meeting_gid = ? AND owner = ?", (meeting_gid, owner)
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def add_synced(store: Store, incoming: Synced, actor: str) -> int:
    """A note made on the member's other device: written with its gid and its times."""
    row = {
        **row_of(incoming.annotation),
        "gid": incoming.gid,
        "created_at": incoming.created_at,
        "updated_at": incoming.updated_at,
    }
    with store._write():
        annotation_id = store._insert("annotation", row | _sealed(store, incoming.annotation.owner, row))
        store._audit(actor, "annotation", annotation_id, "merge", None, _fact(row))
    return annotation_id


def replace_synced(store: Store, annotation_id: int, incoming: Synced, actor: str) -> None:
    """The other device's later edit wins: its columns and edit time replace this device's."""
    before = row_of(get(store, annotation_id))
    after = {c: v for c, v in row_of(incoming.annotation).items() if c not in ("meeting_id", "owner")}
    changed = sorted(c for c in after if before[c] != after[c])
    with store._write():
        writes = _writes(store, before, after, changed)
        assignments = "".join(f"{c} = ?, " for c in writes)
        store.conn.execute(
            f"UPDATE annotation SET {assignments}updated_at = ? WHERE id = ?",
            (*writes.values(), incoming.updated_at, annotation_id),
        )
        store._audit(
            actor,
            "annotation",
            annotation_id,
            "merge",
            _fact({c: before[c] for c in changed}) | {"changed": changed},
            _fact({c: after[c] for c in changed}),
        )


def keep_history(store: Store, gid: str, note: str, edited_at: str) -> None:
    """Keep the words an edit on another device replaced (the merge's losing text; sealed like the note's)."""
    row = store.conn.execute("SELECT owner FROM annotation WHERE gid = ?", (gid,)).fetchone()
    aead = member_notes.cipher(store, str(row[0])) if row is not None else None
    sealed = member_notes.seal(aead, str(row[0]), {"note": note}) if aead is not None and row is not None else None
    with store._write():
        store.conn.execute(
            "INSERT INTO annotation_history (annotation_gid, note, edited_at, replaced_at, sealed)"
            " VALUES (?, ?, ?, ?, ?)",
            (gid, "" if sealed else note, edited_at, _now().isoformat(), sealed),
        )


def history(store: Store, gid: str) -> list[tuple[str, str]]:
    """The texts a note had that a later edit on another device replaced: (text, when it was written)."""
    rows = store.conn.execute(
        "SELECT h.note, h.edited_at, h.sealed, a.owner FROM annotation_history h"
        " LEFT JOIN annotation a ON a.gid = h.annotation_gid WHERE h.annotation_gid = ? ORDER BY h.id",
        (gid,),
    ).fetchall()
    found = []
    for note, edited_at, sealed, owner in rows:
        if sealed is not None:
            aead = member_notes.cipher(store, str(owner))
            note = member_notes.unseal(aead, str(owner), bytes(sealed))["note"] if aead is not None else ""
        found.append((str(note), str(edited_at)))
    return found


def reader_member(store: Store) -> str | None:
    """The member last chosen in the reader on this device, if any."""
    row = store.conn.execute("SELECT name FROM reader_member WHERE id = 1").fetchone()
    return str(row[0]) if row else None


def set_reader_member(store: Store, name: str, actor: str) -> None:
    """Remember who is reading on this device (their notes are the ones search includes)."""
    before = reader_member(store)
    if before == name:
        return
    with store._write():
        store.conn.execute(
            "INSERT INTO reader_member (id, name) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
            (name,),
        )
        store._audit(actor, "reader_member", 1, "choose", {"name": before}, {"name": name})


def pack_texts(store: Store, meeting_id: int) -> list[str]:
    """Every page's text of a meeting's pack, page 1 first."""
    rows = store.conn.execute("SELECT text FROM pack_page WHERE meeting_id = ? ORDER BY page", (meeting_id,)).fetchall()
    return [str(r[0]) for r in rows]
