"""Opening the database: the one place a connection is made, and schema migration.

Encryption at rest (SQLCipher) belongs in `connect()` and nowhere else: swap
`sqlite3.connect` for `sqlcipher3.connect` and issue `PRAGMA key` before the
other pragmas.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.paths import migrations_dir

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StorageError(Exception):
    """A problem with the database file the user can act on; the message says what."""


class DatabaseTooNew(StorageError):
    pass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def migrations(directory: Path | None = None) -> list[Migration]:
    """The migrations in `db/`, in order; numbering must have no gaps."""
    found = []
    for path in sorted((directory or migrations_dir()).glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration {migration.path.name} should be numbered {expected:04d}")
    return found


def connect(path: Path | str) -> sqlite3.Connection:
    """Every connection to a Quorate database is made here."""
    conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if str(path) != ":memory:":
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("journal_mode is %s, not WAL, for %s", mode, path)
    # Meeting data is written through as it is typed: a power cut must not lose it.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _check_is_database(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise StorageError(f"{path} is not a Quorate database (it is not an SQLite file); it was left untouched.")


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the live database beside itself before changing its schema."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    partial = target.with_suffix(".partial")
    with sqlite3.connect(str(partial)) as copy:
        conn.backup(copy)
    copy.close()
    shutil.move(str(partial), str(target))
    return target


def open_database(path: Path, migration_dir: Path | None = None, upto: int | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`.

    A file from a newer Quorate is refused and left exactly as it was. `upto` stops at an
    older schema version; tests use it to build databases as earlier releases left them.
    """
    _check_is_database(path)
    steps = migrations(migration_dir)
    latest = len(steps) if upto is None else upto
    # Peek read-only first so that a refused file is never touched (no WAL switch, no -wal file).
    if path.exists() and path.stat().st_size > 0:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as peek:
                found = schema_version(peek)
            peek.close()
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{path} could not be read as a database ({exc}); it was left untouched.") from exc
        if found > len(steps):
            raise DatabaseTooNew(
                f"{path} was written by a newer version of Quorate (schema {found}; this version knows up to "
                f"{len(steps)}). Please update Quorate; the file was left untouched."
            )
    conn = connect(path)
    current = schema_version(conn)
    pending = [m for m in steps if current < m.version <= latest]
    if pending and current > 0:
        copy = backup(conn, path, current)
        log.info("backed up schema %d database to %s before migrating", current, copy)
    for migration in pending:
        log.info("applying migration %s", migration.path.name)
        # executescript commits first; the BEGIN/COMMIT inside makes each migration all-or-nothing.
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{migration.sql()}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return conn
