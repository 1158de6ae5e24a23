"""Rows of the live-meeting tables read into domain values."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from app.domain import (
    ActionUpdate,
    Ballot,
    ChairConfirmation,
    ConfirmationKind,
    Declaration,
    DeclarationConduct,
    EventKind,
    MeetingEvent,
    MinutesAmendment,
    MinutesApproval,
    MinutesStatus,
    Motion,
    MotionOutcome,
    Vote,
    VoteKind,
)
from app.storage import driver


def select(conn: driver.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows as dicts, straight from the driver (sqlite-utils' rows_where costs ~5 µs a row in introspection)."""
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def parse_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _items_of(meeting_id: int) -> str:
    return f"item_id IN (SELECT id FROM agenda_item WHERE meeting_id = {int(meeting_id)})"


def _only(ids: Sequence[int] | None) -> str:
    """An extra condition reading just the rows `ids` (the record cache refreshes what changed), else nothing."""
    return "" if ids is None else f" AND id IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})"


def events(conn: driver.Connection, meeting_id: int, ids: Sequence[int] | None = None) -> tuple[MeetingEvent, ...]:
    return tuple(
        MeetingEvent(
            r["id"],
            r["meeting_id"],
            time.fromisoformat(r["at"]),
            EventKind(r["kind"]),
            r["item_id"],
            r["person_id"],
            r["text"],
        )
        for r in select(conn, f"SELECT * FROM meeting_event WHERE meeting_id = ?{_only(ids)} ORDER BY id", [meeting_id])
    )


def declarations(conn: driver.Connection, meeting_id: int, ids: Sequence[int] | None = None) -> tuple[Declaration, ...]:
    return tuple(
        Declaration(
            r["id"],
            r["item_id"],
            r["person_id"],
            r["interest"],
            r["kind"],
            DeclarationConduct(r["conduct"]),
            parse_time(r["declared_at"]),
            r["interest_id"],
        )
        for r in select(conn, f"SELECT * FROM declaration WHERE {_items_of(meeting_id)}{_only(ids)} ORDER BY id")
    )


def motions(conn: driver.Connection, meeting_id: int, ids: Sequence[int] | None = None) -> tuple[Motion, ...]:
    return tuple(
        Motion(
            r["id"],
            r["item_id"],
            r["text"],
            r["mover_id"],
            r["seconder_id"],
            r["amends_id"],
            MotionOutcome(r["outcome"]),
            r["position"],
            r["minority_view"],
            parse_time(r["moved_at"]),
            parse_time(r["decided_at"]),
            r["outcome_note"],
            r["amended_wording"],
        )
        for r in select(conn, f"SELECT * FROM motion WHERE {_items_of(meeting_id)}{_only(ids)} ORDER BY position, id")
    )


def votes(conn: driver.Connection, meeting_id: int) -> tuple[Vote, ...]:
    ballots: dict[int, list[tuple[int, Ballot]]] = {}
    for row in select(
        conn,
        "SELECT b.vote_id, b.person_id, b.ballot FROM ballot b JOIN vote v ON v.id = b.vote_id"
        " JOIN motion m ON m.id = v.motion_id JOIN agenda_item a ON a.id = m.item_id"
        " WHERE a.meeting_id = ? ORDER BY b.rowid",
        [meeting_id],
    ):
        ballots.setdefault(row["vote_id"], []).append((row["person_id"], Ballot(row["ballot"])))
    rows = select(
        conn,
        "SELECT v.* FROM vote v JOIN motion m ON m.id = v.motion_id JOIN agenda_item a ON a.id = m.item_id"
        " WHERE a.meeting_id = ? ORDER BY v.id",
        [meeting_id],
    )
    return tuple(
        Vote(
            r["id"],
            r["motion_id"],
            VoteKind(r["kind"]),
            r["votes_for"],
            r["votes_against"],
            r["abstentions"],
            r["did_not_vote"],
            Ballot(r["casting_vote"]) if r["casting_vote"] else None,
            tuple(ballots.get(r["id"], ())),
            parse_time(r["taken_at"]),
            r["after_event_id"],
            bool(r["despite_inquorate"]),
            r["casting_by_id"],
        )
        for r in rows
    )


def confirmations(
    conn: driver.Connection, meeting_id: int, ids: Sequence[int] | None = None
) -> tuple[ChairConfirmation, ...]:
    return tuple(
        ChairConfirmation(
            r["id"],
            r["meeting_id"],
            ConfirmationKind(r["kind"]),
            time.fromisoformat(r["at"]),
            r["item_id"],
            r["motion_id"],
            r["wording"],
            r["chair_id"],
            bool(r["pin_checked"]),
        )
        for r in select(
            conn, f"SELECT * FROM chair_confirmation WHERE meeting_id = ?{_only(ids)} ORDER BY id", [meeting_id]
        )
    )


def action_updates(
    conn: driver.Connection, meeting_id: int, ids: Sequence[int] | None = None
) -> tuple[ActionUpdate, ...]:
    return tuple(
        ActionUpdate(
            r["id"], r["action_id"], r["meeting_id"], time.fromisoformat(r["at"]), r["text"], r["status"], r["rag"]
        )
        for r in select(conn, f"SELECT * FROM action_update WHERE meeting_id = ?{_only(ids)} ORDER BY id", [meeting_id])
    )


def approvals(conn: driver.Connection, meeting_id: int) -> tuple[MinutesApproval, ...]:
    return tuple(
        MinutesApproval(
            r["id"],
            r["meeting_id"],
            MinutesStatus(r["step"]),
            date.fromisoformat(r["on_date"]),
            r["name"],
            r["role"],
            r["at_meeting_id"],
            r["motion_id"],
            r["file_sha256"],
            r["version"],
            r["override"],
        )
        for r in select(conn, "SELECT * FROM minutes_approval WHERE meeting_id = ? ORDER BY version, id", [meeting_id])
    )


def amendments(conn: driver.Connection, meeting_id: int) -> tuple[MinutesAmendment, ...]:
    return tuple(
        MinutesAmendment(
            r["id"],
            r["meeting_id"],
            r["version"],
            r["at_meeting_id"],
            r["item_id"],
            r["text"],
            date.fromisoformat(r["on_date"]),
            r["motion_id"],
            r["reason"],
            r["agreed_item"] or "",
        )
        for r in select(
            conn,
            "SELECT a.*, i.number AS agreed_item FROM minutes_amendment a LEFT JOIN motion m ON m.id = a.motion_id"
            " LEFT JOIN agenda_item i ON i.id = m.item_id WHERE a.meeting_id = ? ORDER BY a.version",
            [meeting_id],
        )
    )


def live_rows(conn: driver.Connection, meeting_id: int) -> dict[str, Any]:
    """The MeetingRecord fields that the live meeting fills."""
    return {
        "events": events(conn, meeting_id),
        "declarations": declarations(conn, meeting_id),
        "motions": motions(conn, meeting_id),
        "votes": votes(conn, meeting_id),
        "confirmations": confirmations(conn, meeting_id),
        "action_updates": action_updates(conn, meeting_id),
        "approvals": approvals(conn, meeting_id),
        "amendments": amendments(conn, meeting_id),
    }
