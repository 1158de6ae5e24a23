"""Unlocking, encrypting and re-keying a library: the database, its key file and its kept files together.

**States of a data folder's database** (`library_state`): none yet, plain (an older Quorate's, or plain mode),
or encrypted. `open_library` takes the folder to an open `Store` from any of them: it creates an encrypted
library, encrypts a plain one (`encrypt_library`), or unlocks an encrypted one with its passphrase, and in plain
mode leaves a new or plain library plain.

**Encrypting and re-keying never leave neither database.** Both copy the database into a new file under the new
key (`ATTACH … KEY` + `sqlcipher_export`), check the copy (SQLite's quick check, the schema version and the
audit log's length), write the new key file beside the old one (`quorate.key.next`), and only then replace the
database with the copy by one rename: the commit point. The old database is never changed before it; after it,
the new one is complete. A kill at any moment leaves the old database with its key file (the copy and the
pending key file are removed at the next open) or the new database; which key file belongs to it is told by the
salt in the database's first 16 bytes, so a kill between the two renames finishes at the next open.

Kept files are sealed after the database is encrypted (`seal_plain_files`), each through a temporary file and a
rename, so a kill leaves every file plain or sealed, never half; the next unlock seals the rest. A change of
passphrase does not re-encrypt kept files: their keys live inside the database, which is re-keyed, and a new
file key is made for files kept from then on (see `app.storage.sealed`). Re-encrypting every pack would take
minutes on a large library for no gain: whoever holds the old passphrase and an old copy of the database can read
the old files in that copy anyway.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from app.storage import driver, file_keys
from app.storage.connection import (
    FileKind,
    StorageError,
    WrongKey,
    connect,
    database_salt,
    disk_errors,
    file_kind,
    schema_version,
)
from app.storage.keys import (
    DamagedKeyFile,
    DatabaseKey,
    KeyFile,
    default_params,
    key_file_path,
    new_key,
    pending_key_file_path,
    read_key_file,
    stretch,
    sync_folder,
    write_key_file,
)
from app.storage.sealed import CHUNK, FileKeys, SealedWriter, is_sealed
from app.storage.store import Store

log = logging.getLogger(__name__)

PLAIN_ENV = "QUORATE_NO_ENCRYPTION"  # plain mode for tests and demos; never the default for a user's data
_WORK_SUFFIX = ".rekey"  # the new copy of the database while it is written and checked
MIN_PASSPHRASE = 8


class PassphraseNeeded(StorageError):
    """The library is encrypted (or must become so) and no passphrase was given."""


class WrongPassphrase(StorageError):
    """The passphrase does not open the library; nothing was changed."""


class WeakPassphrase(StorageError):
    """A new passphrase was refused before anything was changed."""


def plain_mode_from_environment() -> bool:
    return os.environ.get(PLAIN_ENV, "") not in ("", "0")


@dataclass(frozen=True, slots=True)
class LibraryState:
    kind: FileKind
    key_file: KeyFile | None  # the key file that belongs to the database (None: none, or none that fits)
    key_file_damaged: bool = False


def _work_path(database: Path) -> Path:
    return database.with_name(database.name + _WORK_SUFFIX)


def _remove(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def library_state(database: Path) -> LibraryState:
    """What the database at `database` is, finishing first what an interrupted encryption or re-key left."""
    kind = file_kind(database)
    work = _work_path(database)
    pending = pending_key_file_path(database)
    if kind is not FileKind.ENCRYPTED:
        _remove(work, Path(f"{work}-journal"), pending)
        return LibraryState(kind, None)
    salt = database_salt(database)
    try:
        waiting = read_key_file(pending)
    except DamagedKeyFile:
        waiting = None
    if waiting is not None and waiting.salt == salt:  # killed after the database's rename: finish the key file's
        os.replace(pending, key_file_path(database))
        sync_folder(database.parent)
        log.info("finished an interrupted change of key: the new key file is in place")
    _remove(work, Path(f"{work}-journal"), pending)
    try:
        current = read_key_file(key_file_path(database))
    except DamagedKeyFile as exc:
        log.warning("the key file beside the database is damaged (%s); it is rebuilt at unlock", type(exc).__name__)
        return LibraryState(kind, None, key_file_damaged=True)
    if current is not None and current.salt != salt:
        log.warning("the key file beside the database is another database's; it is rebuilt at unlock")
        return LibraryState(kind, None, key_file_damaged=True)
    return LibraryState(kind, current)


def unlock(database: Path, passphrase: str) -> DatabaseKey:
    """The key of the encrypted database at `database` from its passphrase (the slow step: Argon2id).

    Raises WrongPassphrase with one sentence, changing nothing. A missing or damaged key file is rebuilt from the
    database (its salt is the database's first 16 bytes) once the passphrase is shown to open it."""
    state = library_state(database)
    if state.kind is not FileKind.ENCRYPTED:
        raise StorageError(f"{database} is not an encrypted Quorate library.")
    if state.key_file is not None:
        key = state.key_file.key_for(passphrase)
        if not state.key_file.accepts(key):
            raise WrongPassphrase("The passphrase is wrong; nothing was changed.")
        return key
    salt = database_salt(database)
    params = default_params()
    key = DatabaseKey(stretch(passphrase, salt, params), salt, params)
    try:
        connect(database, key, read_only=True).close()
    except WrongKey as exc:
        raise WrongPassphrase("The passphrase is wrong; nothing was changed.") from exc
    with disk_errors(database, files=True):
        write_key_file(key_file_path(database), KeyFile.of(key))
    log.warning("rebuilt the library's key file from the database")
    return key


def passphrase_opens(key: DatabaseKey, passphrase: str) -> bool:
    """Whether `passphrase` is the one of the unlocked library `key` (the lock screen's check)."""
    return hmac.compare_digest(stretch(passphrase, key.salt, key.params), key.key)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(f"A passphrase must be at least {MIN_PASSPHRASE} characters long; nothing was changed.")


# -- making, encrypting and re-keying ----------------------------------------------------------------------------


def create_library(database: Path, passphrase: str) -> DatabaseKey:
    """The key of a new encrypted library at `database` (written to its key file; the database is made when the
    store opens with the key)."""
    check_new_passphrase(passphrase)
    key = new_key(passphrase)
    with disk_errors(database, files=True):
        database.parent.mkdir(parents=True, exist_ok=True)
        write_key_file(key_file_path(database), KeyFile.of(key))
    return key


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_under(source: Path, source_key: DatabaseKey | None, target: Path, target_key: DatabaseKey) -> None:
    """Write the database `source` into the new file `target`, encrypted with `target_key`, and check the copy."""
    _remove(target, Path(f"{target}-journal"))
    conn = connect(source, source_key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = schema_version(conn)
        entries = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        has_audit = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit'").fetchone() is not None
        audit = int(conn.execute("SELECT count(*) FROM audit").fetchone()[0]) if has_audit else 0
        conn.execute(f'ATTACH DATABASE ? AS target KEY "{target_key.pragma_value()}"', (str(target),))
        try:
            conn.execute("SELECT sqlcipher_export('target')")
            conn.execute(f"PRAGMA target.user_version = {version}")
        finally:
            conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
    _fsync(target)
    copy = connect(target, target_key, read_only=True)
    try:
        ok = copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        same = (
            schema_version(copy) == version
            and int(copy.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]) == entries
            and (not has_audit or int(copy.execute("SELECT count(*) FROM audit").fetchone()[0]) == audit)
        )
    finally:
        copy.close()
    if not (ok and same):
        _remove(target)
        raise StorageError(f"The encrypted copy of {source.name} did not check out; the library was left as it was.")


def _swap_in(database: Path, target_key: DatabaseKey) -> None:
    """The commit point: the checked copy replaces the database, then its key file the old one."""
    work = _work_path(database)
    pending = pending_key_file_path(database)
    write_key_file(pending, KeyFile.of(target_key))
    wal = Path(f"{database}-wal")
    if wal.exists() and wal.stat().st_size > 0:  # another connection still has the database open
        _remove(work, pending)
        raise StorageError("Another window or command is using the library; close it and try again.")
    _remove(wal, Path(f"{database}-shm"))
    os.replace(work, database)
    sync_folder(database.parent)
    os.replace(pending, key_file_path(database))
    sync_folder(database.parent)


def _reencrypt_backups(database: Path, source_key: DatabaseKey | None, target_key: DatabaseKey) -> None:
    """The copies kept before schema migrations, under the new key too (each by its own rename)."""
    for backup in sorted(database.parent.glob(f"{database.name}.v*.bak")):
        kind = file_kind(backup)
        if kind is FileKind.OTHER or kind is FileKind.MISSING:
            continue
        work = backup.with_name(backup.name + _WORK_SUFFIX)
        try:
            _copy_under(backup, source_key if kind is FileKind.ENCRYPTED else None, work, target_key)
        except (WrongKey, driver.DatabaseError, StorageError) as exc:  # an old copy under yet another key
            log.warning("left a migration backup as it was: %s", type(exc).__name__)
            _remove(work)
            continue
        os.replace(work, backup)
    sync_folder(database.parent)


def encrypt_library(database: Path, passphrase: str) -> DatabaseKey:
    """Encrypt the plain database at `database` in place (crash-safe, see the module's docstring); its kept
    files are sealed when the library is next opened with the key (`open_library`)."""
    check_new_passphrase(passphrase)
    key = new_key(passphrase)
    with disk_errors(database, files=True):
        _copy_under(database, None, _work_path(database), key)
        _swap_in(database, key)
        _reencrypt_backups(database, None, key)
        _remove_plain_logs(database.parent)
    log.info("encrypted the library")
    return key


def change_passphrase(database: Path, old_key: DatabaseKey, old_passphrase: str, new_passphrase: str) -> DatabaseKey:
    """Re-key the encrypted library at `database` (unlocked with `old_key`) under a new passphrase, crash-safe
    (see the module's docstring). Every connection to it must be closed first; open it again with the key
    returned. Raises WrongPassphrase when `old_passphrase` is not the current one, changing nothing."""
    if not passphrase_opens(old_key, old_passphrase):
        raise WrongPassphrase("The current passphrase is wrong; nothing was changed.")
    check_new_passphrase(new_passphrase)
    key = new_key(new_passphrase)
    with disk_errors(database, files=True):
        _copy_under(database, old_key, _work_path(database), key)
        work = connect(_work_path(database), key)
        try:
            file_keys.add(work)  # files kept from now on get a key the old passphrase never protected
        finally:
            work.close()
        _swap_in(database, key)
        _reencrypt_backups(database, old_key, key)
    log.info("changed the library's passphrase")
    return key


def _remove_plain_logs(data_dir: Path) -> None:
    """Logs written before the library was encrypted may name files and people: they go with the plain database."""
    for old in (data_dir / "logs").glob("quorate.log.*"):
        _remove(old)
    current = data_dir / "logs" / "quorate.log"
    if current.exists():
        with contextlib.suppress(OSError), current.open("r+b") as handle:
            handle.truncate(0)


# -- kept files --------------------------------------------------------------------------------------------------


def seal_file(path: Path, keys: FileKeys, context: str) -> None:
    """Replace the plain file at `path` by its sealed form, by one rename (a kill leaves one or the other)."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.sealing")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, path.open("rb") as src:
            writer = SealedWriter(out, keys, context)
            while chunk := src.read(CHUNK):
                writer.write(chunk)
            writer.finish()
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        _remove(temp)
        raise


def seal_plain_files(store: Store) -> int:
    """Seal every kept file of an encrypted library still plain (kept before it was encrypted, or by a sealing that
    was interrupted); returns how many were sealed."""
    from app.storage.library import data_dir_of, kept_files, packs_dir

    keys = file_keys.of(store)
    if keys is None:
        return 0
    sealed = 0
    for path, context in kept_files(store):
        for stale in path.parent.glob(f".{path.name}.*.sealing"):
            _remove(stale)
        if path.is_file() and not is_sealed(path):
            seal_file(path, keys, context)
            sealed += 1
    if sealed:
        sync_folder(packs_dir(data_dir_of(store)))
        log.info("sealed %d kept files", sealed)
    return sealed


# -- from a data folder to an open store ------------------------------------------------------------------------


def open_library(database: Path, passphrase: str | None, *, plain: bool = False) -> Store:
    """Open the library at `database`: create, encrypt or unlock it with `passphrase`; with `plain`, leave a new
    or plain library plain (an encrypted one still needs its passphrase).

    Raises PassphraseNeeded when a passphrase is needed and none was given, WrongPassphrase when it is wrong."""
    state = library_state(database)
    if state.kind is FileKind.OTHER:
        raise StorageError(f"{database} is not a Quorate database (it is not an SQLite file); it was left untouched.")
    if plain and state.kind in (FileKind.MISSING, FileKind.PLAIN):
        return Store.open(database)
    if passphrase is None:
        if state.kind is FileKind.MISSING:
            raise PassphraseNeeded("Choose a passphrase for the new library first; nothing was created.")
        if state.kind is FileKind.PLAIN:
            raise PassphraseNeeded(
                "This library is not encrypted yet: choose a passphrase to encrypt it; nothing was changed."
            )
        raise PassphraseNeeded("The library is locked: its passphrase is needed to open it.")
    if state.kind is FileKind.MISSING:
        key = create_library(database, passphrase)
    elif state.kind is FileKind.PLAIN:
        Store.open(database).close()  # bring its schema up to date (a backup is kept) before it is encrypted
        key = encrypt_library(database, passphrase)
    else:
        key = unlock(database, passphrase)
    try:
        store = Store.open(database, key)
    except WrongKey as exc:  # the key file accepted the passphrase, but the database does not open with it
        raise StorageError(
            f"{database} does not open with its key: it is damaged, or it is another library's database; "
            "it was left untouched."
        ) from exc
    try:
        seal_plain_files(store)
    except BaseException:
        store.close()
        raise
    return store
