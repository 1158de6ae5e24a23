"""The keys of the library's sealed files, kept in the encrypted database (`library_secret`).

They are random, made when the library is first encrypted and again at each change of passphrase (new files get
the newest; older files keep the key their header names). They are as safe as the database around them: a plain
library has none, and its files are kept plain.
"""

from __future__ import annotations

import secrets

from app.storage import driver
from app.storage.sealed import FileKeys
from app.storage.store import Store, _now


def load(conn: driver.Connection) -> FileKeys | None:
    rows = conn.execute("SELECT id, secret FROM library_secret WHERE purpose = 'files' ORDER BY id").fetchall()
    if not rows:
        return None
    return FileKeys({int(r[0]): bytes(r[1]) for r in rows}, int(rows[-1][0]))


def add(conn: driver.Connection) -> int:
    """A new random file key, current from now on (part of the caller's transaction, if any)."""
    cursor = conn.execute(
        "INSERT INTO library_secret (purpose, secret, created_at) VALUES ('files', ?, ?)",
        (secrets.token_bytes(32), _now().isoformat()),
    )
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def of(store: Store) -> FileKeys | None:
    """The store's file keys: None for a plain library; made on first use for an encrypted one."""
    if store.key is None:
        return None
    keys = load(store.conn)
    if keys is None:
        with store.transaction():
            add(store.conn)
        keys = load(store.conn)
    return keys
