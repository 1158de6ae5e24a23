"""Global ids: the identity of a row between devices (db/0012_global_ids.sql).

Each body, person, meeting, agenda item, tabled paper and annotation has `gid`, a UUIDv7 as text (RFC 9562),
beside its local integer key. The database's triggers give every new row one; a row that arrives from another
device is inserted with the gid it came with. Local keys never leave the device: bundles, answers files and notes
files name rows by gid only.
"""

from __future__ import annotations

import re
import secrets
import time

from app.storage.store import NotFound, Store

# The tables whose rows have a gid, and what a missing one is called in a sentence.
TABLES = {
    "body": "body",
    "person": "person",
    "meeting": "meeting",
    "agenda_item": "agenda item",
    "tabled_paper": "tabled paper",
    "annotation": "annotation",
}
GID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def new_gid() -> str:
    """A new UUIDv7: 48 bits of Unix time in milliseconds, the version, then random bits (RFC 9562 §5.7)."""
    value = (time.time_ns() // 1_000_000) << 80 | secrets.randbits(80)
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # the RFC's variant
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def is_gid(text: object) -> bool:
    return isinstance(text, str) and GID_PATTERN.match(text) is not None


def gid_of(store: Store, table: str, row_id: int) -> str:
    """The gid of a row (every row has one from schema 12 on)."""
    if table not in TABLES:
        raise ValueError(f"{table} rows have no global id")
    row = store.conn.execute(f"SELECT gid FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None or row[0] is None:
        raise NotFound(f"There is no {TABLES[table]} with id {row_id}.")
    return str(row[0])


def id_of(store: Store, table: str, gid: str) -> int | None:
    """The local key of the row with this gid, or None when this device has no such row."""
    if table not in TABLES:
        raise ValueError(f"{table} rows have no global id")
    row = store.conn.execute(f"SELECT id FROM {table} WHERE gid = ?", (gid,)).fetchone()
    return int(row[0]) if row else None


def gids_of(store: Store, table: str, row_ids: list[int]) -> dict[int, str]:
    """The gids of several rows of one table, by local key."""
    if table not in TABLES:
        raise ValueError(f"{table} rows have no global id")
    if not row_ids:
        return {}
    marks = ", ".join("?" for _ in row_ids)
    rows = store.conn.execute(f"SELECT id, gid FROM {table} WHERE id IN ({marks})", row_ids).fetchall()
    return {int(r[0]): str(r[1]) for r in rows}
