"""Rows of the live-meeting tables read into domain values."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import sqlite_utils

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


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def parse_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _items_of(meeting_id: int) -> str:
    return f"item_id IN (SELECT id FROM agenda_item WHERE meeting_id = {int(meeting_id)})"


def events(db: sqlite_utils.Database, meeting_id: int) -> tuple[MeetingEvent, ...]:
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
        for r in db.table("meeting_event").rows_where("meeting_id = ?", [meeting_id], order_by="id")
    )


def declarations(db: sqlite_utils.Database, meeting_id: int) -> tuple[Declaration, ...]:
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
        for r in db.table("declaration").rows_where(_items_of(meeting_id), order_by="id")
    )


def motions(db: sqlite_utils.Database, meeting_id: int) -> tuple[Motion, ...]:
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
        )
        for r in db.table("motion").rows_where(_items_of(meeting_id), order_by="position, id")
    )


def votes(db: sqlite_utils.Database, meeting_id: int) -> tuple[Vote, ...]:
    ballots: dict[int, list[tuple[int, Ballot]]] = {}
    for row in db.query(
        "SELECT b.vote_id, b.person_id, b.ballot FROM ballot b JOIN vote v ON v.id = b.vote_id"
        " JOIN motion m ON m.id = v.motion_id JOIN agenda_item a ON a.id = m.item_id"
        " WHERE a.meeting_id = ? ORDER BY b.rowid",
        [meeting_id],
    ):
        ballots.setdefault(row["vote_id"], []).append((row["person_id"], Ballot(row["ballot"])))
    rows = db.query(
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
        )
        for r in rows
    )


def confirmations(db: sqlite_utils.Database, meeting_id: int) -> tuple[ChairConfirmation, ...]:
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
        for r in db.table("chair_confirmation").rows_where("meeting_id = ?", [meeting_id], order_by="id")
    )


def action_updates(db: sqlite_utils.Database, meeting_id: int) -> tuple[ActionUpdate, ...]:
    return tuple(
        ActionUpdate(
            r["id"], r["action_id"], r["meeting_id"], time.fromisoformat(r["at"]), r["text"], r["status"], r["rag"]
        )
        for r in db.table("action_update").rows_where("meeting_id = ?", [meeting_id], order_by="id")
    )


def approvals(db: sqlite_utils.Database, meeting_id: int) -> tuple[MinutesApproval, ...]:
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
        )
        for r in db.table("minutes_approval").rows_where("meeting_id = ?", [meeting_id], order_by="id")
    )


def amendments(db: sqlite_utils.Database, meeting_id: int) -> tuple[MinutesAmendment, ...]:
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
        )
        for r in db.table("minutes_amendment").rows_where("meeting_id = ?", [meeting_id], order_by="version")
    )


def live_rows(db: sqlite_utils.Database, meeting_id: int) -> dict[str, Any]:
    """The MeetingRecord fields that the live meeting fills."""
    return {
        "events": events(db, meeting_id),
        "declarations": declarations(db, meeting_id),
        "motions": motions(db, meeting_id),
        "votes": votes(db, meeting_id),
        "confirmations": confirmations(db, meeting_id),
        "action_updates": action_updates(db, meeting_id),
        "approvals": approvals(db, meeting_id),
        "amendments": amendments(db, meeting_id),
    }
