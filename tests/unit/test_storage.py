"""Storage: migrations, refusal of newer files, write-through with an audit chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.domain import AgendaItem, Meeting, MinutesStatus
from app.storage import DatabaseTooNew, RecordLocked, StorageError, Store, driver, open_database
from app.storage.connection import migrations, schema_version
from app.storage.library import search
from app.storage.store import GENESIS, audit_hash

LATEST = len(migrations())


def _meeting(store: Store) -> tuple[Meeting, list[AgendaItem]]:
    body = store.ensure_body("Board of Test")
    assert body.id is not None
    meeting = store.create_meeting(
        Meeting(None, body.id, "Board meeting in public"),
        [AgendaItem(None, 0, 0, "1", "Apologies"), AgendaItem(None, 0, 1, "2", "Finance report")],
    )
    assert meeting.id is not None
    return meeting, store.items(meeting.id)


def test_fresh_database_has_latest_schema_and_safe_pragmas(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "q.db")
    assert schema_version(conn) == LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    conn.close()


def _write_v1_data(conn: sqlite3.Connection) -> None:
    """A meeting with minutes, an action and one audit row, in plain SQL that schema 1 accepts.

    Not through Store: Store always speaks the latest schema, and this must be what an old
    release left on disk.
    """
    at = "2024-01-15T10:00:00+00:00"
    after = '{"body": "Apologies were received from Ms Example."}'
    digest = audit_hash(GENESIS, at, "secretary", "minute_entry", 1, "edit", None, after)
    conn.executescript(
        f"""
        BEGIN;
        INSERT INTO body (id, name) VALUES (1, 'Board of Test');
        INSERT INTO meeting (id, body_id, title, date, pack_sha256, created_at)
            VALUES (1, 1, 'Board meeting in public', '2024-01-15', '{"ab" * 32}', '{at}');
        INSERT INTO agenda_item (id, meeting_id, position, number, title) VALUES (1, 1, 0, '1', 'Apologies');
        INSERT INTO agenda_item (id, meeting_id, position, number, title) VALUES (2, 1, 1, '2', 'Finance report');
        INSERT INTO minute_entry (item_id, body, updated_at)
            VALUES (1, 'Apologies were received from Ms Example.', '{at}');
        INSERT INTO action (meeting_id, item_id, number, text, owners)
            VALUES (1, 2, '44', 'Circulate the revised recovery trajectory', 'JB;SE');
        INSERT INTO audit (at, actor, entity, entity_id, action, before, after, prev_hash, hash)
            VALUES ('{at}', 'secretary', 'minute_entry', 1, 'edit', NULL, '{after}', '{GENESIS}', '{digest}');
        COMMIT;
        """
    )


@pytest.mark.parametrize("released", range(1, LATEST + 1))
def test_every_released_schema_opens_with_its_data_intact(tmp_path: Path, released: int) -> None:
    path = tmp_path / "q.db"
    old = open_database(path, upto=released)
    assert schema_version(old) == released
    _write_v1_data(old)
    old.close()

    reopened = Store.open(path)
    assert schema_version(reopened.conn) == LATEST
    assert [i.title for i in reopened.items(1)] == ["Apologies", "Finance report"]
    assert reopened.minute(1).body == "Apologies were received from Ms Example."
    (action,) = reopened.actions(1)
    assert (action.number, action.owners) == ("44", ("JB", "SE"))
    assert reopened.verify_audit_chain() == []
    assert reopened.integrity_ok()
    # Records written before search existed are found by it after the upgrade.
    assert {(h.kind, h.item_id) for h in search(reopened, "apologies")} == {("minute", 1)}
    assert [h.action_id for h in search(reopened, "recovery trajectory")] == [action.id]
    reopened.close()
    backups = list(tmp_path.glob(f"q.db.v{released}-*.bak"))
    assert len(backups) == (1 if released < LATEST else 0)
    if backups:
        with sqlite3.connect(backups[0]) as copy:
            assert copy.execute("PRAGMA user_version").fetchone()[0] == released
            assert copy.execute("SELECT body FROM minute_entry").fetchall() == [
                ("Apologies were received from Ms Example.",)
            ]
        copy.close()


def test_upgrade_takes_a_copy_first_and_applies_pending_steps(tmp_path: Path) -> None:
    steps = tmp_path / "db"
    steps.mkdir()
    (steps / "0001_first.sql").write_text("CREATE TABLE t (x INTEGER) STRICT;")
    path = tmp_path / "q.db"
    conn = open_database(path, steps)
    conn.execute("INSERT INTO t VALUES (41)")
    conn.close()
    (steps / "0002_second.sql").write_text("ALTER TABLE t ADD COLUMN y INTEGER NOT NULL DEFAULT 1;")

    conn = open_database(path, steps)
    assert schema_version(conn) == 2
    assert conn.execute("SELECT x, y FROM t").fetchall() == [(41, 1)]
    conn.close()
    (backup,) = tmp_path.glob("q.db.v1-*.bak")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT x FROM t").fetchall() == [(41,)]


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    steps = tmp_path / "db"
    steps.mkdir()
    (steps / "0001_first.sql").write_text("CREATE TABLE t (x INTEGER) STRICT;")
    path = tmp_path / "q.db"
    open_database(path, steps).close()
    (steps / "0002_broken.sql").write_text("CREATE TABLE u (y INTEGER);\nTHIS IS NOT SQL;")
    with pytest.raises(driver.OperationalError):
        open_database(path, steps)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'u'").fetchone() is None


def test_a_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of Quorate"):
        Store.open(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "q.db-wal").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    path.write_text("these are my notes, not a database")
    with pytest.raises(StorageError, match="not a Quorate database"):
        Store.open(path)
    assert path.read_text() == "these are my notes, not a database"


def test_minutes_write_through_and_every_change_is_audited(store: Store) -> None:
    _, items = _meeting(store)
    item_id = items[1].id
    assert item_id is not None
    store.set_minute(item_id, "The Board noted the report.")
    store.set_minute(item_id, "The Board noted the report and the £6.7m deficit.")
    assert store.minute(item_id).body == "The Board noted the report and the £6.7m deficit."
    edits = [e for e in store.audit_entries() if e.entity == "minute_entry"]
    assert [e.action for e in edits] == ["edit", "edit"]
    assert edits[1].after is not None and "the £6.7m deficit" in edits[1].after  # a splice: only what changed
    assert store.minute_states(item_id) == ["The Board noted the report.", store.minute(item_id).body]
    assert store.verify_audit_chain() == []


def test_unchanged_text_writes_no_audit_entry(store: Store) -> None:
    _, items = _meeting(store)
    assert items[0].id is not None
    store.set_minute(items[0].id, "Noted.")
    count = len(store.audit_entries())
    store.set_minute(items[0].id, "Noted.")
    assert len(store.audit_entries()) == count


def test_tampering_with_the_record_breaks_the_audit_chain(store: Store) -> None:
    _, items = _meeting(store)
    assert items[0].id is not None
    store.set_minute(items[0].id, "Agreed.")
    with pytest.raises(driver.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE audit SET after = 'Rejected.' WHERE entity = 'minute_entry'")
    # Someone who drops the trigger can edit a row, but the chain shows it.
    store.conn.execute("DROP TRIGGER audit_no_update")
    store.conn.execute("""UPDATE audit SET after = '{"body": "Rejected."}' WHERE entity = 'minute_entry'""")
    problems = store.verify_audit_chain()
    assert problems and "altered" in problems[0]


def test_signed_minutes_refuse_edits(store: Store) -> None:
    meeting, items = _meeting(store)
    assert items[0].id is not None
    from app.storage.live import LiveWriter

    assert meeting.id is not None
    writer = LiveWriter(store, meeting.id)
    with writer.unrecorded_step():  # the lock is the recorded signature, not the status column
        writer.insert(
            "minutes_approval",
            {"meeting_id": meeting.id, "step": MinutesStatus.SIGNED.value, "name": "Ann", "on_date": "2024-03-06"},
        )
    with pytest.raises(RecordLocked, match=r"signed \(version 1, 6 Mar 2024\)"):
        store.set_minute(items[0].id, "A late change")
    assert store.minute(items[0].id).body == ""


def test_a_failed_meeting_write_leaves_nothing_behind(store: Store) -> None:
    body = store.ensure_body("Board of Test")
    assert body.id is not None
    audit_before = len(store.audit_entries())
    # The second item breaks a NOT NULL constraint after the meeting and first item were written.
    bad_items = [AgendaItem(None, 0, 0, "1", "Fine"), AgendaItem(None, 0, 1, "2", None)]  # type: ignore[arg-type]
    with pytest.raises(driver.IntegrityError):
        store.create_meeting(Meeting(None, body.id, "Doomed meeting"), bad_items)
    assert store.meetings() == []
    assert store.conn.execute("SELECT count(*) FROM agenda_item").fetchone()[0] == 0
    assert len(store.audit_entries()) == audit_before
