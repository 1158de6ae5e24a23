"""Minute saves are audited as compact revisions that still rebuild every saved state (issue 17)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from app.domain import AgendaItem, Meeting
from app.storage import Store
from app.storage.store import MINUTE_CHECKPOINT_ROWS, apply_minute_revision, minute_splice


def _item(store: Store) -> int:
    body = store.ensure_body("Board of Test")
    assert body.id is not None
    meeting = store.create_meeting(Meeting(None, body.id, "Board meeting"), [AgendaItem(None, 0, 0, "1", "Finance")])
    assert meeting.id is not None
    item_id = store.items(meeting.id)[0].id
    assert item_id is not None
    return item_id


def _audit_bytes(store: Store) -> int:
    row = store.conn.execute("SELECT sum(length(coalesce(before, '')) + length(coalesce(after, ''))) FROM audit")
    return int(row.fetchone()[0] or 0)


def test_appending_to_a_long_minute_stores_about_what_was_typed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")
    item_id = _item(store)
    baseline = _audit_bytes(store)
    text = ""
    for n in range(500):
        text += f"Paragraph {n}: the Board noted the report and asked for more detail on the figures. " * 2 + "\n"
        store.set_minute(item_id, text)
    typed = len(text)
    grown = _audit_bytes(store) - baseline
    # whole-text before/after rows would be about 500 x 2 x 40 KB on average (40 MB); compact rows are a
    # few times what was typed (splices, their hashes and a full copy every few hundred saves)
    assert grown < 8 * typed, f"{grown} bytes of audit for {typed} characters typed"
    assert store.minute_from_audit(item_id) == text == store.minute(item_id).body
    assert store.verify_audit_chain() == []
    store.close()


def test_every_saved_state_is_rebuilt_from_the_audit_rows(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "q.db")
    item_id = _item(store)
    rng = random.Random(17)
    saved: list[str] = []
    text = ""
    for _ in range(3 * MINUTE_CHECKPOINT_ROWS):
        at = rng.randrange(len(text) + 1)
        cut = rng.randrange(0, 4) if text else 0
        text = text[:at] + rng.choice(("Noted. ", "é", "\U0001f600", "", "\n- item")) + text[at + cut :]
        if not saved or saved[-1] != text:
            store.set_minute(item_id, text)
            saved.append(text)
    assert store.minute_states(item_id) == saved
    assert store.minute_from_audit(item_id) == text
    rows = [json.loads(r[0]) for r in store.conn.execute("SELECT after FROM audit WHERE entity = 'minute_entry'")]
    assert sum("splice" in r for r in rows) > len(rows) // 2, "most saves should be splices"
    store.close()


def test_a_splice_is_the_smallest_middle_replacement() -> None:
    for old, new in [("abc", "abXc"), ("", "new"), ("same", "same"), ("aaaa", "aa"), ("xyz", "")]:
        start, end, text = minute_splice(old, new)
        assert apply_minute_revision(old, {"splice": [start, end, text]}) == new
    assert minute_splice("Noted.", "Noted. Agreed.") == (6, 6, " Agreed.")
