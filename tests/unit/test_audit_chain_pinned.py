"""The audit chain's hashing, pinned: a known sequence of writes on a fresh store, at known times, gives a known
head. A change to what is hashed (the fields, their order, the JSON, the chaining, the minute's splice rows) fails
here, and must not happen silently: every library already written would stop verifying."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

import app.storage.store as store_module
from app.domain import AgendaItem, Meeting
from app.storage import Store
from app.storage.integrity import ChainHash

UNKEYED_HEAD = "277c9be56a6e277b169454ca1f99c8214f04360cfbe5319cf5b5c3783a47b8c1"
KEYED_HEAD = "e4ac9ce8f90a18bb584ad9b3e6ea50eedd6ac1d333be69791aa3510a7af11acc"
KEY = bytes(range(32))


def _clock() -> Iterator[datetime]:
    start = datetime(2026, 3, 2, 18, 30, tzinfo=timezone(timedelta(hours=1)))
    return (start + timedelta(minutes=n) for n in range(1_000))


def _write_the_sequence(store: Store) -> None:
    body = store.ensure_body("Northtown Parish Council")
    assert body.id is not None
    meeting = store.create_meeting(
        Meeting(None, body.id, "Ordinary meeting", date(2026, 3, 2), time(19, 0)),
        [AgendaItem(None, 0, 1, "1", "Apologies"), AgendaItem(None, 0, 2, "2", "Budget")],
    )
    assert meeting.id is not None
    first, second = (item.id for item in store.items(meeting.id))
    assert first is not None and second is not None
    store.set_minute(first, "Apologies were received from Cllr Ash.")
    store.set_minute(second, "The budget was agreed.")
    store.set_minute(second, "The budget for 2026/27 was agreed.")  # a splice row


@pytest.mark.parametrize(("key", "head"), [(None, UNKEYED_HEAD), (KEY, KEYED_HEAD)], ids=["unkeyed", "keyed"])
def test_a_known_sequence_of_writes_gives_a_known_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: bytes | None, head: str
) -> None:
    ticks = _clock()
    monkeypatch.setattr(store_module, "_now", lambda: next(ticks))
    store = Store.open(tmp_path / "pinned.db")
    try:
        store.chain_hash = ChainHash(key)
        _write_the_sequence(store)
        entries = store.audit_entries()
        assert [(e.entity, e.action) for e in entries] == [
            ("body", "create"),
            ("meeting", "create"),
            ("agenda_item", "create"),
            ("agenda_item", "create"),
            ("minute_entry", "edit"),
            ("minute_entry", "edit"),
            ("minute_entry", "edit"),
        ]
        assert store.verify_audit_chain() == []
        assert store.audit_head() == head
    finally:
        store.close()
