"""The only layer that speaks SQL.

`app.storage.driver` is imported first (through `connection`): it points sqlite-utils at SQLCipher's driver,
which must happen before sqlite-utils is imported by `store`.
"""

from app.storage.connection import DatabaseTooNew, StorageError, connect, open_database
from app.storage.store import NotFound, RecordLocked, Store

__all__ = ["DatabaseTooNew", "NotFound", "RecordLocked", "StorageError", "Store", "connect", "open_database"]
