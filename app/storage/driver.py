"""The SQLite driver: SQLCipher's, through `sqlcipher3`. The only module that imports a driver.

SQLCipher is SQLite with page encryption; without a key it reads and writes ordinary SQLite files, so the same
driver serves encrypted libraries and plain ones (tests, demos, a library not yet encrypted).

sqlite-utils imports `pysqlite3` when it is there, else the standard `sqlite3`, and catches that module's
`OperationalError` internally (`insert(alter=True)`, `drop(ignore=True)`): a connection from another driver
raises exceptions it does not catch. So `pysqlite3` is pointed at sqlcipher3 here, before sqlite-utils is first
imported; everything in `app.storage` imports this module before sqlite-utils, and catches the exceptions named
here (`driver.IntegrityError`, never `sqlite3.IntegrityError`).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import sqlcipher3
from sqlcipher3 import dbapi2

_loaded = sys.modules.get("sqlite_utils.utils")
if _loaded is not None and getattr(_loaded, "sqlite3", None) is not sqlcipher3:
    raise ImportError("sqlite_utils was imported before app.storage.driver, so it uses another SQLite driver")
sys.modules["pysqlite3"] = sqlcipher3
sys.modules["pysqlite3.dbapi2"] = dbapi2
try:  # sqlite-utils also imports the standard module, for one type annotation; the bundle leaves it out
    import sqlite3  # noqa: F401
except ImportError:
    sys.modules["sqlite3"] = sqlcipher3
    sys.modules["sqlite3.dbapi2"] = dbapi2

if TYPE_CHECKING:  # sqlcipher3 has no type information; its API is the standard module's
    from sqlite3 import (
        Connection,
        DatabaseError,
        Error,
        IntegrityError,
        OperationalError,
        complete_statement,
        connect,
    )
else:
    Connection = dbapi2.Connection
    DatabaseError = dbapi2.DatabaseError
    Error = dbapi2.Error
    IntegrityError = dbapi2.IntegrityError
    OperationalError = dbapi2.OperationalError
    complete_statement = dbapi2.complete_statement
    connect = dbapi2.connect

SQLITE_VERSION: str = dbapi2.sqlite_version

__all__ = [
    "SQLITE_VERSION",
    "Connection",
    "DatabaseError",
    "Error",
    "IntegrityError",
    "OperationalError",
    "complete_statement",
    "connect",
]
