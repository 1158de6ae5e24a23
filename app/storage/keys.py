"""The library's keys: the passphrase stretched once at unlock, and the key file that says how.

**How a library is keyed.** The passphrase is stretched with Argon2id (memory-hard: 64 MiB, 3 passes, 4 lanes)
and a random 16-byte salt into a 256-bit key, once per unlock (~0.5–1 s; `quorate bench` measures it). SQLCipher
opens the database with that raw key (`PRAGMA key = "x'<key><salt>'"`), so each later connection costs no more
than a plain open. SQLCipher keeps the salt given there as the database file's first 16 bytes: the database
itself says which salt its key was made with, so a database copied to another computer opens with its
passphrase alone. Keys for the kept files are random and live inside the encrypted database (`library_secret`),
so they move with it and are protected by whatever key the database has.

**The key file** (`quorate.key`, JSON, beside the database, 0600) records the stretching parameters, the salt,
and a short check value (HMAC of a constant under the key): a wrong passphrase is told from a damaged database
without reading it, and a stronger setting in a later release does not strand older libraries. It holds nothing
secret. A damaged or missing key file is rebuilt from the database: the salt is the database's first 16 bytes,
the parameters are this release's (the only ones a library was ever made with outside the tests).

**Cheap parameters for tests.** `QUORATE_TEST_WEAK_KDF=1` makes new key files use a trivial cost (8 KiB, one
pass), so the test suite does not stretch hundreds of passphrases at full cost. The parameters are recorded in the
key file, so the variable never changes how an existing library opens; it only makes new ones weak, and the
variable's name says so. Nothing but the tests sets it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEY_FILE_FORMAT = "quorate-key/1"
SALT_BYTES = 16
KEY_BYTES = 32
TEST_WEAK_KDF_ENV = "QUORATE_TEST_WEAK_KDF"
_CHECK_LABEL = b"quorate library key check"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id's cost: memory in KiB, passes, lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict[str, Any]:
        return {"name": "argon2id", "memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}


# RFC 9106's second recommended setting (64 MiB, t=3, p=4): about 0.5–1 s on a laptop of 2020.
LIBRARY_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
TEST_WEAK_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)  # tests only (QUORATE_TEST_WEAK_KDF=1)
_MAX_MEMORY_KIB = 4 * 1024 * 1024  # a key file asking for more than 4 GiB is damaged, not a real setting


# The chair's PIN verifier (app/commands/live.py): the same memory-hard cost, so each guess at a 6-digit PIN costs
# an attacker what an unlock costs (`quorate bench` prints the days a million guesses take on the machine).
PIN_KDF = LIBRARY_KDF


def pin_params() -> KdfParams:
    return TEST_WEAK_KDF if os.environ.get(TEST_WEAK_KDF_ENV, "") not in ("", "0") else PIN_KDF


def default_params() -> KdfParams:
    """The parameters new key files get: the library's, or the tests' trivial ones when the tests say so."""
    return TEST_WEAK_KDF if os.environ.get(TEST_WEAK_KDF_ENV, "") not in ("", "0") else LIBRARY_KDF


def stretch(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The 256-bit key of `passphrase` (Argon2id); the slow step of an unlock."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class DatabaseKey:
    """The raw key SQLCipher opens the database with, and the salt it was stretched with."""

    key: bytes
    salt: bytes
    params: KdfParams

    def pragma_value(self) -> str:
        """The value of `PRAGMA key`: raw key and salt, so no KDF runs inside SQLCipher."""
        return f"x'{self.key.hex()}{self.salt.hex()}'"

    def check(self) -> str:
        return hmac.new(self.key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]

    def subkey(self, label: str) -> bytes:
        """A key for another purpose derived from this one (never the database key itself)."""
        return hmac.new(self.key, label.encode("utf-8"), hashlib.sha256).digest()

    def __repr__(self) -> str:  # never print a key into a log or a traceback
        return f"DatabaseKey(salt={self.salt.hex()})"


def new_key(passphrase: str, params: KdfParams | None = None) -> DatabaseKey:
    """A fresh key for a new or re-keyed database (a new random salt)."""
    params = params or default_params()
    salt = secrets.token_bytes(SALT_BYTES)
    return DatabaseKey(stretch(passphrase, salt, params), salt, params)


@dataclass(frozen=True, slots=True)
class KeyFile:
    params: KdfParams
    salt: bytes
    check: str

    def to_json(self) -> dict[str, Any]:
        return {"format": KEY_FILE_FORMAT, "kdf": self.params.to_json(), "salt": self.salt.hex(), "check": self.check}

    def key_for(self, passphrase: str) -> DatabaseKey:
        return DatabaseKey(stretch(passphrase, self.salt, self.params), self.salt, self.params)

    def accepts(self, key: DatabaseKey) -> bool:
        return hmac.compare_digest(key.check(), self.check)

    @staticmethod
    def of(key: DatabaseKey) -> KeyFile:
        return KeyFile(key.params, key.salt, key.check())


class DamagedKeyFile(Exception):
    """The key file is there but cannot be read as one (it is rebuilt from the database)."""


def key_file_path(database: Path) -> Path:
    return database.with_name(database.stem + ".key")


def pending_key_file_path(database: Path) -> Path:
    """The key file of a re-key or an encryption in progress (see `app.storage.encryption`)."""
    return database.with_name(database.stem + ".key.next")


def _int_in(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise DamagedKeyFile(f"a number out of range: {value!r}")
    return value


def parse_key_file(data: bytes) -> KeyFile:
    try:
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != KEY_FILE_FORMAT:
            raise DamagedKeyFile("not a Quorate key file")
        kdf = raw["kdf"]
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise DamagedKeyFile("unknown key stretching")
        params = KdfParams(
            _int_in(kdf["memory_kib"], 8, _MAX_MEMORY_KIB),
            _int_in(kdf["iterations"], 1, 64),
            _int_in(kdf["lanes"], 1, 64),
        )
        if params.memory_kib < 8 * params.lanes:
            raise DamagedKeyFile("memory below Argon2's minimum")
        salt = bytes.fromhex(str(raw["salt"]))
        check = str(raw["check"])
        if len(salt) != SALT_BYTES or len(check) != 32 or any(c not in "0123456789abcdef" for c in check):
            raise DamagedKeyFile("salt or check of the wrong size")
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DamagedKeyFile(str(exc)) from exc
    return KeyFile(params, salt, check)


def read_key_file(path: Path) -> KeyFile | None:
    """The key file at `path`; None when there is none. Raises DamagedKeyFile when it cannot be read as one."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DamagedKeyFile(str(exc)) from exc
    return parse_key_file(data)


def write_key_file(path: Path, key_file: KeyFile) -> None:
    """Write the key file whole or not at all (temporary file, fsync, rename), readable by its owner only."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    data = (json.dumps(key_file.to_json(), indent=2) + "\n").encode("utf-8")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
