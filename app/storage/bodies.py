"""A body's name and a meeting's title: the two plain names a secretary may correct after an import.

Each change is one audited write; a change to nothing is not written. The rules and the house style are saved
by `people.set_body_rules` and `Store.set_house_style`.
"""

from __future__ import annotations

from app.domain import Body, Meeting, MinutesStatus
from app.storage.people import PeopleError
from app.storage.store import RecordLocked, Store


def rename_body(store: Store, body_id: int, name: str, actor: str = "secretary") -> Body:
    """Give a body a new name (what its minutes' heading prints); refused when blank or another body's name."""
    body = store.body(body_id)
    wanted = " ".join(name.split())
    if not wanted:
        raise PeopleError("A body needs a name; the name was not changed.")
    if wanted == body.name:
        return body
    clash = store.conn.execute(
        "SELECT id FROM body WHERE name = ? COLLATE NOCASE AND id <> ?", (wanted, body_id)
    ).fetchone()
    if clash is not None:
        raise PeopleError(f"Another body is already called {wanted}; the name was not changed.")
    with store._write():
        store.conn.execute("UPDATE body SET name = ? WHERE id = ?", (wanted, body_id))
        store._audit(actor, "body", body_id, "rename", {"name": body.name}, {"name": wanted})
    return store.body(body_id)


def set_meeting_title(store: Store, meeting_id: int, title: str, actor: str = "secretary") -> Meeting:
    """Change the title a meeting's minutes print; refused when blank or once the minutes are signed."""
    meeting = store.meeting(meeting_id)
    wanted = " ".join(title.split())
    if not wanted:
        raise PeopleError("A meeting needs a title; the title was not changed.")
    if wanted == meeting.title:
        return meeting
    if meeting.minutes_status is MinutesStatus.SIGNED:
        raise RecordLocked(
            "These minutes have been signed, so the meeting's title can no longer change; "
            "record a correction as an amendment at a later meeting."
        )
    with store._write():
        store.conn.execute("UPDATE meeting SET title = ? WHERE id = ?", (wanted, meeting_id))
        store._audit(actor, "meeting", meeting_id, "retitle", {"title": meeting.title}, {"title": wanted})
    return store.meeting(meeting_id)


def bodies(store: Store) -> list[Body]:
    """Every body in the library, by name."""
    rows = store.conn.execute("SELECT id FROM body ORDER BY name COLLATE NOCASE, id").fetchall()
    return [store.body(int(row[0])) for row in rows]
