"""Opening the database: the one place a connection is made, and schema migration.

Encryption at rest (SQLCipher) belongs in `connect()` and nowhere else: swap
`sqlite3.connect` for `sqlcipher3.connect` and issue `PRAGMA key` before the
other pragmas.
"""

from __future__ import annotations

import errno
import logging
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
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


class DiskFull(StorageError):
    """The disk (or the database's size limit) is full: the change was rolled back, nothing saved was lost."""


class ReadOnlyStorage(StorageError):
    """The data folder or the database file cannot be written."""


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 5, 8, 10, 13, 14


def storage_error(exc: BaseException, path: Path | str | None) -> StorageError | None:
    """The plain sentence for a disk or permission failure under the database, or None for anything else
    (a bug, or a constraint the caller handles)."""
    where = f" {path}" if path is not None else ""
    folder = f" {Path(path).parent}" if path is not None else ""
    if isinstance(exc, OSError):
        code = exc.errno
    elif isinstance(exc, sqlite3.Error):
        if getattr(exc, "sqlite_errorcode", -1) & 0xFF == _SQLITE_BUSY:
            return StorageError(
                f"The database{where} is busy: another program kept it locked; nothing was changed, try again."
            )
        code = {
            _SQLITE_FULL: errno.ENOSPC,
            _SQLITE_READONLY: errno.EROFS,
            _SQLITE_CANTOPEN: errno.EACCES,
            _SQLITE_IOERR: errno.EIO,
        }.get(getattr(exc, "sqlite_errorcode", -1) & 0xFF)
    else:
        return None
    if code in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"The disk is full, so Quorate could not save to its database{where}; "
            "free some space and try again (everything saved before is kept)."
        )
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyStorage(f"Quorate cannot write to its data folder{folder}: it is read-only.")
    if code == errno.EIO and path is not None and _nearly_full(Path(path).parent):
        return storage_error(OSError(errno.ENOSPC, "No space left on device"), path)  # SQLite says IOERR_WRITE
    if code == errno.EIO:
        return StorageError(
            f"The disk reported an error while Quorate was writing its database{where}; "
            "check the disk and try again (everything saved before is kept)."
        )
    return None


def _nearly_full(folder: Path, margin: int = 1 << 20) -> bool:
    """Less than `margin` bytes free on the disk holding `folder` (a write error there is a full disk)."""
    try:
        return shutil.disk_usage(folder).free < margin
    except OSError:
        return False


@contextmanager
def disk_errors(path: Path | str | None, *, files: bool = False) -> Iterator[None]:
    """Turn a full disk, a read-only folder or a disk error under the database into a StorageError that says so
    (and, with `files`, the same failures of file-system calls such as creating the data folder)."""
    try:
        yield
    except (sqlite3.OperationalError, OSError) as exc:
        if isinstance(exc, OSError) and not files:
            raise
        mapped = storage_error(exc, path)
        if mapped is None:
            raise
        log.warning("storage failure on %s: %r", path, exc)
        raise mapped from exc


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
            raise storage_error(exc, path) or StorageError(
                f"{path} could not be read as a database ({exc}); it was left untouched."
            ) from exc
        if found > len(steps):
            raise DatabaseTooNew(
                f"{path} was written by a newer version of Quorate (schema {found}; this version knows up to "
                f"{len(steps)}). Please update Quorate; the file was left untouched."
            )
    with disk_errors(path, files=True):
        return _open_and_migrate(path, steps, latest)


def _open_and_migrate(path: Path, steps: list[Migration], latest: int) -> sqlite3.Connection:
    conn = connect(path)
    try:
        _migrate(conn, path, steps, latest)
    except BaseException:
        conn.close()
        raise
    return conn


def _migrate(conn: sqlite3.Connection, path: Path, steps: list[Migration], latest: int) -> None:
    current = schema_version(conn)
    pending = [m for m in steps if current < m.version <= latest]
    if pending and current > 0:
        copy = backup(conn, path, current)
        log.info("backed up schema %d database to %s before migrating", current, copy)
    for migration in pending:
        log.info("applying migration %s", migration.path.name)
        # executescript commits first; the BEGIN/COMMIT inside makes each migration all-or-nothing.
        # Foreign keys are off while a migration runs (they cannot change inside a transaction), as SQLite's
        # documented table rebuild needs: dropping the old copy of a table must not cascade to its children.
        try:
            conn.executescript(
                "PRAGMA foreign_keys = OFF;\n"
                f"BEGIN IMMEDIATE;\n{migration.sql()}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration {migration.path.name} left broken references: {broken[:3]}")
