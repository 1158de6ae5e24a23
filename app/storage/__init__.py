"""The only layer that speaks SQL."""

from app.storage.connection import DatabaseTooNew, StorageError, connect, open_database
from app.storage.store import NotFound, RecordLocked, Store

__all__ = ["DatabaseTooNew", "NotFound", "RecordLocked", "StorageError", "Store", "connect", "open_database"]
