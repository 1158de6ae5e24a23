"""Meeting bundles in SQL: what a published meeting holds, the member's read-only copy, and members' questions.

The file formats are `app.bundles`; the decisions (who gets what, what is refused) are `app.commands.members`.
Rows are named by their global ids (`app.storage.identity`): a copy on a member's device has the same gids as the
secretary's rows, and its own local keys. Every write here is audited and part of the caller's transaction.
Members' questions are kept without their words in the audit log (as members' notes are: issue 18).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.storage.identity import gid_of, id_of
from app.storage.rows import select
from app.storage.store import Store, _now

# -- what a meeting holds, to publish ------------------------------------------------------------------------------

_PERSON_COLUMNS = ("name", "role", "initials", "title", "organisation", "tier", "voting", "role_tags", "retired")
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


def meeting_payload(store: Store, meeting_id: int) -> dict[str, Any]:
    """The meeting as the secretary publishes it: body, meeting, agenda and the body's people, by gid."""
    meeting = select(store.conn, "SELECT * FROM meeting WHERE id = ?", [meeting_id])[0]
    body = select(store.conn, "SELECT id, gid, name, kind FROM body WHERE id = ?", [meeting["body_id"]])[0]
    items = select(store.conn, "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position", [meeting_id])
    item_gids = {r["id"]: r["gid"] for r in items}
    people = select(store.conn, "SELECT * FROM person WHERE body_id = ? ORDER BY id", [body["id"]])
    return {
        "body": {"gid": body["gid"], "name": body["name"], "kind": body["kind"]},
        "meeting": {
            "gid": meeting["gid"],
            "title": meeting["title"],
            "date": meeting["date"],
            "start": meeting["start"],
            "venue": meeting["venue"],
            "pack_sha256": meeting["pack_sha256"],
        },
        "items": [
            {
                "gid": r["gid"],
                **{c: r[c] for c in _ITEM_COLUMNS},
                "parent_gid": item_gids.get(r["parent_id"]) if r["parent_id"] is not None else None,
            }
            for r in items
        ],
        "people": [{"gid": r["gid"], **{c: r[c] for c in _PERSON_COLUMNS}} for r in people],
    }


@dataclass(frozen=True, slots=True)
class Interest:
    """A declaration recorded on one of the meeting's items: whose, on which item, and what they did."""

    person_gid: str
    item_gid: str
    conduct: str


def declarations(store: Store, meeting_id: int) -> list[Interest]:
    rows = store.conn.execute(
        "SELECT p.gid, a.gid, d.conduct FROM declaration d JOIN agenda_item a ON a.id = d.item_id"
        " JOIN person p ON p.id = d.person_id WHERE a.meeting_id = ? ORDER BY d.id",
        (meeting_id,),
    ).fetchall()
    return [Interest(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def next_sequence(store: Store, meeting_gid: str) -> int:
    row = store.conn.execute(
        "SELECT coalesce(max(sequence), 0) FROM bundle_published WHERE meeting_gid = ?", (meeting_gid,)
    ).fetchone()
    return int(row[0]) + 1


def record_published(
    store: Store,
    meeting_id: int,
    bundle_gid: str,
    sequence: int,
    pack_sha256: str,
    recipients: int,
    actor: str = "secretary",
) -> None:
    row = {
        "bundle_gid": bundle_gid,
        "meeting_gid": gid_of(store, "meeting", meeting_id),
        "sequence": sequence,
        "published_at": _now().isoformat(),
        "pack_sha256": pack_sha256,
        "recipients": recipients,
    }
    with store._write():
        store.conn.execute(
            "INSERT INTO bundle_published (bundle_gid, meeting_gid, sequence, published_at, pack_sha256, recipients)"
            " VALUES (:bundle_gid, :meeting_gid, :sequence, :published_at, :pack_sha256, :recipients)",
            row,
        )
        store._audit(actor, "bundle_published", meeting_id, "publish", None, row)


def published(store: Store, meeting_gid: str) -> int:
    """How many bundles of this meeting this library has published (0: it never published it)."""
    row = store.conn.execute("SELECT count(*) FROM bundle_published WHERE meeting_gid = ?", (meeting_gid,)).fetchone()
    return int(row[0])


# -- the member's copy ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Held:
    """The bundle a meeting on this device came from."""

    meeting_gid: str
    body_gid: str
    bundle_gid: str
    sequence: int
    published_at: str
    publisher_sha256: str
    publisher_name: str
    publisher_pem: str
    member_gid: str
    member_name: str


_HELD_COLUMNS = (
    "meeting_gid, body_gid, bundle_gid, sequence, published_at, publisher_sha256, publisher_name, publisher_pem,"
    " member_gid, member_name"
)


def held(store: Store, meeting_gid: str) -> Held | None:
    row = store.conn.execute(
        f"SELECT {_HELD_COLUMNS} FROM bundle_held WHERE meeting_gid = ?", (meeting_gid,)
    ).fetchone()
    return Held(*row) if row else None


def held_meeting(store: Store, meeting_id: int) -> Held | None:
    """The bundle a meeting came from, or None when it is this library's own (not a published copy)."""
    row = store.conn.execute(
        f"SELECT {', '.join('h.' + c.strip() for c in _HELD_COLUMNS.split(','))} FROM bundle_held h"
        " JOIN meeting m ON m.gid = h.meeting_gid WHERE m.id = ?",
        (meeting_id,),
    ).fetchone()
    return Held(*row) if row else None


def meeting_body_gid(store: Store, meeting_gid: str) -> str | None:
    row = store.conn.execute(
        "SELECT b.gid FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.gid = ?", (meeting_gid,)
    ).fetchone()
    return str(row[0]) if row else None


def _write_row(store: Store, table: str, row_id: int | None, row: Mapping[str, Any], actor: str) -> int:
    """Insert `row` (with its gid) or update the row `row_id` to it; audited with what changed."""
    if row_id is None:
        new_id = store._insert(table, row)
        store._audit(actor, table, new_id, "create", None, dict(row))
        return new_id
    columns = list(row)
    before = select(store.conn, f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [row_id])[0]
    changed = [c for c in columns if before[c] != row[c]]
    if changed:
        store.conn.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
            (*(row[c] for c in changed), row_id),
        )
        store._audit(actor, table, row_id, "publish", {c: before[c] for c in changed}, {c: row[c] for c in changed})
    return row_id


def apply_copy(
    store: Store, payload: Mapping[str, Any], pack_name: str, held_row: Held, actor: str
) -> tuple[int, dict[int, tuple[int | None, int | None]]]:
    """Write the published meeting into this library (new, or over the copy already here): body, people, meeting
    and agenda by gid; an item the secretary no longer lists goes. Returns the meeting's id and each kept or new
    item's pages, by local id (what re-anchoring the member's notes needs). Part of the caller's transaction."""
    body = payload["body"]
    meeting = payload["meeting"]
    with store._write():
        body_id = _write_row(
            store,
            "body",
            id_of(store, "body", body["gid"]),
            {"gid": body["gid"], "name": body["name"], "kind": body["kind"]},
            actor,
        )
        for person in payload["people"]:
            row = {"gid": person["gid"], "body_id": body_id, **{c: person[c] for c in _PERSON_COLUMNS}}
            _write_row(store, "person", id_of(store, "person", person["gid"]), row, actor)
        meeting_row: dict[str, Any] = {
            "gid": meeting["gid"],
            "body_id": body_id,
            "title": meeting["title"],
            "date": meeting["date"],
            "start": meeting["start"],
            "venue": meeting["venue"],
            "pack_path": pack_name,
            "pack_sha256": meeting["pack_sha256"],
        }
        known = id_of(store, "meeting", meeting["gid"])
        if known is None:
            meeting_row["created_at"] = _now().isoformat()
        meeting_id = _write_row(store, "meeting", known, meeting_row, actor)
        wanted = {item["gid"] for item in payload["items"]}
        for old in select(store.conn, "SELECT id, gid FROM agenda_item WHERE meeting_id = ?", [meeting_id]):
            if old["gid"] not in wanted:
                gone = select(store.conn, "SELECT * FROM agenda_item WHERE id = ?", [old["id"]])[0]
                store.conn.execute("DELETE FROM agenda_item WHERE id = ?", (old["id"],))
                store._audit(actor, "agenda_item", old["id"], "delete", gone, None)
        store.conn.execute("UPDATE agenda_item SET position = -1 - position WHERE meeting_id = ?", (meeting_id,))
        ranges: dict[int, tuple[int | None, int | None]] = {}
        for item in payload["items"]:
            row = {"gid": item["gid"], "meeting_id": meeting_id, **{c: item[c] for c in _ITEM_COLUMNS}}
            item_id = _write_row(store, "agenda_item", id_of(store, "agenda_item", item["gid"]), row, actor)
            ranges[item_id] = (item["first_page"], item["last_page"])
        for item in payload["items"]:
            parent = id_of(store, "agenda_item", item["parent_gid"]) if item.get("parent_gid") else None
            child = id_of(store, "agenda_item", item["gid"])
            assert child is not None
            _write_row(store, "agenda_item", child, {"parent_id": parent}, actor)
        held_values = _held_dict(held_row)
        held_values["opened_at"] = _now().isoformat()
        store.conn.execute(
            f"INSERT INTO bundle_held ({_HELD_COLUMNS}, opened_at) VALUES"
            " (:meeting_gid, :body_gid, :bundle_gid, :sequence, :published_at, :publisher_sha256, :publisher_name,"
            " :publisher_pem, :member_gid, :member_name, :opened_at)"
            " ON CONFLICT (meeting_gid) DO UPDATE SET bundle_gid = excluded.bundle_gid, sequence = excluded.sequence,"
            " published_at = excluded.published_at, publisher_sha256 = excluded.publisher_sha256,"
            " publisher_name = excluded.publisher_name, publisher_pem = excluded.publisher_pem,"
            " member_gid = excluded.member_gid, member_name = excluded.member_name, opened_at = excluded.opened_at",
            held_values,
        )
        store._audit(
            actor,
            "bundle_held",
            meeting_id,
            "open",
            None,
            {k: v for k, v in held_values.items() if k not in ("publisher_pem",)},
        )
    return meeting_id, ranges


def _held_dict(held_row: Held) -> dict[str, Any]:
    return {name.strip(): getattr(held_row, name.strip()) for name in _HELD_COLUMNS.split(",")}


# -- members' questions on the secretary's device ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Received:
    answers_gid: str
    made_at: str
    signer: str
    questions: int


def received(store: Store, meeting_gid: str, asker_gid: str) -> Received | None:
    row = store.conn.execute(
        "SELECT answers_gid, made_at, signer, questions FROM answers_received WHERE meeting_gid = ? AND asker_gid = ?",
        (meeting_gid, asker_gid),
    ).fetchone()
    return Received(str(row[0]), str(row[1]), str(row[2]), int(row[3])) if row else None


def answers_seen(store: Store, answers_gid: str) -> bool:
    row = store.conn.execute("SELECT 1 FROM answers_received WHERE answers_gid = ?", (answers_gid,)).fetchone()
    return row is not None


@dataclass(frozen=True, slots=True)
class MemberQuestion:
    gid: str
    item_gid: str | None
    asker_gid: str
    asker_name: str
    text: str
    quote: str
    page: int
    asked_at: str


def replace_questions(
    store: Store,
    meeting_id: int,
    asker_gid: str,
    asker_name: str,
    answers: Received,
    questions: Sequence[MemberQuestion],
    actor: str = "secretary",
) -> None:
    """A member's answers file: their questions on the meeting become these (any earlier ones go)."""
    meeting_gid = gid_of(store, "meeting", meeting_id)
    with store._write():
        store.conn.execute(
            "DELETE FROM member_question WHERE meeting_gid = ? AND asker_gid = ?", (meeting_gid, asker_gid)
        )
        store.conn.executemany(
            "INSERT INTO member_question (gid, meeting_gid, item_gid, asker_gid, asker_name, text, quote, page,"
            " asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (gid) DO UPDATE SET"
            " meeting_gid = excluded.meeting_gid, item_gid = excluded.item_gid, asker_gid = excluded.asker_gid,"
            " asker_name = excluded.asker_name, text = excluded.text, quote = excluded.quote, page = excluded.page,"
            " asked_at = excluded.asked_at",
            [
                (q.gid, meeting_gid, q.item_gid, asker_gid, asker_name, q.text, q.quote, q.page, q.asked_at)
                for q in questions
            ],
        )
        store.conn.execute(
            "INSERT INTO answers_received (meeting_gid, asker_gid, answers_gid, made_at, signer, questions,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_gid, asker_gid) DO UPDATE SET"
            " answers_gid = excluded.answers_gid, made_at = excluded.made_at, signer = excluded.signer,"
            " questions = excluded.questions, imported_at = excluded.imported_at",
            (
                meeting_gid,
                asker_gid,
                answers.answers_gid,
                answers.made_at,
                answers.signer,
                len(questions),
                _now().isoformat(),
            ),
        )
        # Who sent how many questions, not what they asked: members' words stay out of the append-only log.
        store._audit(
            actor,
            "answers_received",
            meeting_id,
            "import",
            None,
            {"asker_gid": asker_gid, "answers_gid": answers.answers_gid, "questions": len(questions)},
        )


def questions_on_item(store: Store, item_id: int) -> list[MemberQuestion]:
    """Members' questions on one agenda item from their answers files, oldest first."""
    rows = store.conn.execute(
        "SELECT q.gid, q.item_gid, q.asker_gid, q.asker_name, q.text, q.quote, q.page, q.asked_at"
        " FROM member_question q JOIN agenda_item a ON a.gid = q.item_gid WHERE a.id = ? ORDER BY q.asked_at, q.gid",
        (item_id,),
    ).fetchall()
    return [MemberQuestion(*r) for r in rows]


def questions_for_meeting(store: Store, meeting_id: int) -> list[MemberQuestion]:
    rows = store.conn.execute(
        "SELECT q.gid, q.item_gid, q.asker_gid, q.asker_name, q.text, q.quote, q.page, q.asked_at"
        " FROM member_question q JOIN meeting m ON m.gid = q.meeting_gid WHERE m.id = ? ORDER BY q.asked_at, q.gid",
        (meeting_id,),
    ).fetchall()
    return [MemberQuestion(*r) for r in rows]


# -- the exchange folder --------------------------------------------------------------------------------------------


def exchange_folder(store: Store, body_id: int) -> str | None:
    row = store.conn.execute(
        "SELECT e.path FROM exchange_folder e JOIN body b ON b.gid = e.body_gid WHERE b.id = ?", (body_id,)
    ).fetchone()
    return str(row[0]) if row else None


def exchange_folders(store: Store) -> dict[int, str]:
    """Every body's exchange folder on this device, by body id."""
    rows = store.conn.execute("SELECT b.id, e.path FROM exchange_folder e JOIN body b ON b.gid = e.body_gid")
    return {int(r[0]): str(r[1]) for r in rows}


def set_exchange_folder(store: Store, body_id: int, path: str | None, actor: str = "secretary") -> None:
    body_gid = gid_of(store, "body", body_id)
    before = exchange_folder(store, body_id)
    with store._write():
        if path is None:
            store.conn.execute("DELETE FROM exchange_folder WHERE body_gid = ?", (body_gid,))
        else:
            store.conn.execute(
                "INSERT INTO exchange_folder (body_gid, path) VALUES (?, ?)"
                " ON CONFLICT (body_gid) DO UPDATE SET path = excluded.path",
                (body_gid, path),
            )
        store._audit(actor, "exchange_folder", body_id, "set", {"path": before}, {"path": path})
