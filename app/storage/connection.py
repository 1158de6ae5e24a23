"""Opening the database: the one place a connection is made, and schema migration.

Encryption at rest is SQLCipher's (`app.storage.driver`): `connect()` gives the raw key (`app.storage.keys`)
before anything else touches the file, so every connection to an encrypted library, the read-only peek and the
backup before a migration included, is keyed the same way. Without a key the same driver reads and writes an
ordinary SQLite file (plain mode, and a library not yet encrypted).
"""

from __future__ import annotations

import errno
import logging
import re
import shutil
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from app.paths import migrations_dir
from app.storage import driver
from app.storage.keys import DatabaseKey

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
_SQLITE_BUSY, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 5, 8, 10, 13, 14, 26


def storage_error(exc: BaseException, path: Path | str | None) -> StorageError | None:
    """The plain sentence for a disk or permission failure under the database, or None for anything else
    (a bug, or a constraint the caller handles)."""
    where = f" {path}" if path is not None else ""
    folder = f" {Path(path).parent}" if path is not None else ""
    if isinstance(exc, OSError):
        code = exc.errno
    elif isinstance(exc, driver.Error):
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
    except (driver.OperationalError, OSError) as exc:
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


class WrongKey(StorageError):
    """The key does not open this database (a wrong passphrase, or a file that is not this library's)."""


def connect(path: Path | str, key: DatabaseKey | None = None, *, read_only: bool = False) -> driver.Connection:
    """Every connection to a Quorate database is made here; with `key`, the database is SQLCipher-encrypted.

    Raises WrongKey when the key does not open the file (checked by a first read, before any other pragma)."""
    target = f"file:{urllib.parse.quote(str(path))}?mode=ro" if read_only else str(path)
    conn = driver.connect(target, timeout=5.0, isolation_level=None, check_same_thread=False, uri=read_only)
    try:
        if key is not None:
            conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to say, not SQLCipher's on stderr
            conn.execute(f'PRAGMA key = "{key.pragma_value()}"')
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except driver.DatabaseError as exc:
                if getattr(exc, "sqlite_errorcode", -1) & 0xFF != _SQLITE_NOTADB:
                    raise
                raise WrongKey(f"{path} does not open with this key.") from exc
        if read_only:
            return conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if str(path) != ":memory:":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                log.warning("journal_mode is %s, not WAL, for %s", mode, path)
        # Meeting data is written through as it is typed: a power cut must not lose it.
        conn.execute("PRAGMA synchronous = FULL")
        # Sorts and temporary tables stay in memory: never a temporary file (plain or not) beside the library.
        conn.execute("PRAGMA temp_store = MEMORY")
        # Deleted rows (a member's note, purged papers) are overwritten where that costs no extra writes.
        conn.execute("PRAGMA secure_delete = FAST")
    except BaseException:
        conn.close()
        raise
    return conn


def schema_version(conn: driver.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


SQLITE_HEADER = b"SQLite format 3\x00"


class FileKind(StrEnum):
    MISSING = "missing"  # no file, or an empty one: a new library
    PLAIN = "plain"  # an ordinary SQLite file
    ENCRYPTED = "encrypted"  # anything else of a database's shape: SQLCipher's pages look random
    OTHER = "other"  # not a database at all (a size no database file has)


def file_kind(path: Path) -> FileKind:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return FileKind.MISSING
    if size == 0:
        return FileKind.MISSING
    with path.open("rb") as handle:
        header = handle.read(16)
    if header == SQLITE_HEADER:
        return FileKind.PLAIN
    # Database files are whole pages (512 bytes to 64 KiB); a file of another size was never one.
    return FileKind.ENCRYPTED if size % 512 == 0 else FileKind.OTHER


def database_salt(path: Path) -> bytes:
    """The salt SQLCipher keeps in an encrypted database's first 16 bytes (the salt its key was stretched with)."""
    with path.open("rb") as handle:
        return handle.read(16)


def _check_is_database(path: Path, key: DatabaseKey | None) -> None:
    kind = file_kind(path)
    if kind is FileKind.OTHER or (kind is FileKind.ENCRYPTED and key is None):
        raise StorageError(f"{path} is not a Quorate database (it is not an SQLite file); it was left untouched.")
    if kind is FileKind.PLAIN and key is not None:  # app.storage.encryption encrypts it first
        raise StorageError(f"{path} is not encrypted yet, so it cannot be opened with a key; it was left untouched.")


def backup(conn: driver.Connection, path: Path, version: int, key: DatabaseKey | None = None) -> Path:
    """Copy the live database beside itself before changing its schema (encrypted with the same key)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    partial = target.with_suffix(".partial")
    copy = connect(partial, key) if key is not None else driver.connect(str(partial))
    try:
        conn.backup(copy)
    finally:
        copy.close()
    shutil.move(str(partial), str(target))
    return target


def open_database(
    path: Path, migration_dir: Path | None = None, upto: int | None = None, key: DatabaseKey | None = None
) -> driver.Connection:
    """Open (creating if needed) and migrate the database at `path`, encrypted with `key` when given.

    A file from a newer Quorate is refused and left exactly as it was. `upto` stops at an
    older schema version; tests use it to build databases as earlier releases left them.
    """
    _check_is_database(path, key)
    steps = migrations(migration_dir)
    latest = len(steps) if upto is None else upto
    # Peek read-only first so that a refused file is never touched (no WAL switch, no -wal file).
    if path.exists() and path.stat().st_size > 0:
        try:
            peek = connect(path, key, read_only=True)
            try:
                found = schema_version(peek)
            finally:
                peek.close()
        except driver.DatabaseError as exc:
            raise storage_error(exc, path) or StorageError(
                f"{path} could not be read as a database ({exc}); it was left untouched."
            ) from exc
        if found > len(steps):
            raise DatabaseTooNew(
                f"{path} was written by a newer version of Quorate (schema {found}; this version knows up to "
                f"{len(steps)}). Please update Quorate; the file was left untouched."
            )
    with disk_errors(path, files=True):
        return _open_and_migrate(path, steps, latest, key)


def _open_and_migrate(path: Path, steps: list[Migration], latest: int, key: DatabaseKey | None) -> driver.Connection:
    conn = connect(path, key)
    try:
        _migrate(conn, path, steps, latest, key)
    except BaseException:
        conn.close()
        raise
    return conn


def _migrate(conn: driver.Connection, path: Path, steps: list[Migration], latest: int, key: DatabaseKey | None) -> None:
    current = schema_version(conn)
    pending = [m for m in steps if current < m.version <= latest]
    if pending and current > 0:
        copy = backup(conn, path, current, key)
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
        except driver.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration {migration.path.name} left broken references: {broken[:3]}")
