"""What binds a signed file to the record: the recorded minutes exports and signatures (schema 8).

Both tables are written through `LiveWriter` (whole rows, audited), so the replay of the audit log accounts for
them like any record row; see `app.storage.integrity`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from app.storage import integrity
from app.storage.connection import StorageError
from app.storage.rows import select
from app.storage.store import GENESIS, Store


class RecordAltered(StorageError):
    """A meeting's record was changed outside Quorate: it is not exported or signed as it stands."""


@dataclass(frozen=True, slots=True)
class MinutesExport:
    """One export of a version of the minutes: exactly these bytes were rendered from this record."""

    id: int
    meeting_id: int
    version: int
    part: int
    format: str
    sha256: str
    audit_head: str
    record_digest: str
    signature_page: int | None
    signature_box: tuple[float, float, float, float] | None
    made_at: datetime


@dataclass(frozen=True, slots=True)
class MinutesSignature:
    id: int
    meeting_id: int
    version: int
    part: int
    export_id: int
    signed_sha256: str
    signer: str
    signed_at: datetime
    record_digest: str
    record_json: str
    audit_head: str


def _box(text: str) -> tuple[float, float, float, float] | None:
    parts = [float(p) for p in text.split(",")] if text else []
    return (parts[0], parts[1], parts[2], parts[3]) if len(parts) == 4 else None


def box_text(box: tuple[float, float, float, float] | None) -> str:
    return ",".join(f"{v:.2f}" for v in box) if box else ""


def _export(r: dict[str, object]) -> MinutesExport:
    return MinutesExport(
        int(str(r["id"])),
        int(str(r["meeting_id"])),
        int(str(r["version"])),
        int(str(r["part"])),
        str(r["format"]),
        str(r["sha256"]),
        str(r["audit_head"]),
        str(r["record_digest"]),
        int(str(r["signature_page"])) if r["signature_page"] is not None else None,
        _box(str(r["signature_box"])),
        datetime.fromisoformat(str(r["made_at"])),
    )


def _signature(r: dict[str, object]) -> MinutesSignature:
    return MinutesSignature(
        int(str(r["id"])),
        int(str(r["meeting_id"])),
        int(str(r["version"])),
        int(str(r["part"])),
        int(str(r["export_id"])),
        str(r["signed_sha256"]),
        str(r["signer"]),
        datetime.fromisoformat(str(r["signed_at"])),
        str(r["record_digest"]),
        str(r["record_json"]),
        str(r["audit_head"]),
    )


def exports_with_sha256(store: Store, sha256: str) -> list[MinutesExport]:
    return [
        _export(r) for r in select(store.conn, "SELECT * FROM minutes_export WHERE sha256 = ? ORDER BY id", [sha256])
    ]


def exports_of(store: Store, meeting_id: int) -> list[MinutesExport]:
    return [
        _export(r)
        for r in select(store.conn, "SELECT * FROM minutes_export WHERE meeting_id = ? ORDER BY id", [meeting_id])
    ]


def export_by_id(store: Store, export_id: int) -> MinutesExport | None:
    rows = select(store.conn, "SELECT * FROM minutes_export WHERE id = ?", [export_id])
    return _export(rows[0]) if rows else None


def signatures_of(store: Store, meeting_id: int | None = None) -> list[MinutesSignature]:
    if meeting_id is None:
        return [_signature(r) for r in select(store.conn, "SELECT * FROM minutes_signature ORDER BY id")]
    return [
        _signature(r)
        for r in select(store.conn, "SELECT * FROM minutes_signature WHERE meeting_id = ? ORDER BY id", [meeting_id])
    ]


def signatures_with_sha256(store: Store, sha256: str) -> list[MinutesSignature]:
    return [
        _signature(r)
        for r in select(store.conn, "SELECT * FROM minutes_signature WHERE signed_sha256 = ? ORDER BY id", [sha256])
    ]


def audit_position(store: Store, digest: str) -> int | None:
    """The id of the audit entry with this hash, or None when the chain has no such entry."""
    row = store.conn.execute("SELECT id FROM audit WHERE hash = ?", (digest,)).fetchone()
    return int(row[0]) if row else None


@dataclass(frozen=True, slots=True)
class CheckReport:
    """`quorate check`: the audit chain, the record tables against the chain's replay, and every signed
    meeting's record against the digest recorded when it was signed. Empty lists: all good."""

    entries: int
    chain: tuple[str, ...]
    record: tuple[integrity.Difference, ...]
    signed: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not (self.chain or self.record or self.signed)

    def problems(self) -> list[str]:
        return [*self.chain, *(d.text for d in self.record), *self.signed]

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "audit_entries": self.entries,
            "chain": list(self.chain),
            "record": [
                {"table": d.table, "row": d.rowid, "meeting_id": d.meeting_id, "problem": d.text} for d in self.record
            ],
            "signed": list(self.signed),
            "problems": self.problems(),
        }


def signed_record_problems(store: Store, meeting_id: int | None = None) -> list[str]:
    """Signed meetings (or this one) whose record no longer hashes to the digest kept with their signature,
    naming what changed (the canonical record signed is kept beside the digest)."""
    problems = []
    seen: set[tuple[int, int, str]] = set()
    for signature in signatures_of(store, meeting_id):
        key = (signature.meeting_id, signature.version, signature.record_digest)
        if key in seen:
            continue  # Part II signed from the same record as Part I: one record, said once
        seen.add(key)
        try:
            now = integrity.canonical_record(store.conn, signature.meeting_id, signature.version)
        except LookupError:
            problems.append(f"meeting {signature.meeting_id}, signed by {signature.signer}, is no longer in the record")
            continue
        if hashlib.sha256(integrity.canonical_json(now)).hexdigest() == signature.record_digest:
            continue
        kept = json.loads(signature.record_json)
        if hashlib.sha256(integrity.canonical_json(kept)).hexdigest() != signature.record_digest:
            problems.append(
                f"meeting {signature.meeting_id}: the record kept with its signature was altered"
                " (it no longer matches the digest signed)"
            )
            continue
        changed = integrity.record_differences(kept, now)
        shown = "; ".join(changed[:5]) + ("; …" if len(changed) > 5 else "")
        problems.append(
            f"meeting {signature.meeting_id} (version {signature.version}, signed by {signature.signer}) changed "
            f"after signing: {shown}"
        )
    return problems


def check_store(store: Store) -> CheckReport:
    entries = int(store.conn.execute("SELECT count(*) FROM audit").fetchone()[0])
    return CheckReport(
        entries,
        tuple(store.verify_audit_chain()),
        tuple(integrity.check_record(store.conn)),
        tuple(signed_record_problems(store)),
    )


def meeting_problems(store: Store, meeting_id: int) -> list[str]:
    """Why one meeting's record is not what its audit trail says, in words (empty when it is): its audit entries
    altered, its rows different from the replayed log, or, once signed, its record changed since signing. What
    `quorate check` finds for the whole library, for one meeting, before its minutes are exported or signed."""
    scope = integrity.meeting_rows(store.conn, meeting_id)
    problems = integrity.chain_problems(store.conn, scope, store.chain_hash, GENESIS)[:3]
    problems += [d.text for d in integrity.check_record(store.conn, limit=5, meeting_id=meeting_id)]
    return problems + signed_record_problems(store, meeting_id)


def ensure_record_whole(store: Store, meeting_id: int, doing: str) -> None:
    """Refuse (`RecordAltered`, one sentence naming the first difference) to export or sign minutes whose
    record was changed outside Quorate; `doing` says what was refused ("nothing was exported")."""
    problems = meeting_problems(store, meeting_id)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise RecordAltered(
            f"The record of meeting {meeting_id} is not what its audit trail says, so it was changed outside "
            f"Quorate: {problems[0].rstrip('.')}{more}; {doing} (`quorate check` lists every difference)."
        )


def last_reopened(store: Store, meeting_id: int) -> datetime | None:
    """When an edit last returned the meeting's approved minutes to draft, if it ever did."""
    row = store.conn.execute(
        "SELECT at FROM audit WHERE entity = 'meeting' AND entity_id = ? AND action = 'reopen'"
        " ORDER BY id DESC LIMIT 1",
        (meeting_id,),
    ).fetchone()
    return datetime.fromisoformat(row[0]) if row else None
