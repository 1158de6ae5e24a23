"""A member's own notes passphrase, for notes made on a shared computer (issue 18).

The library's passphrase is the secretary's (or whoever keeps the computer); a member who annotates there may
protect their notes with a passphrase of their own. Their words — the text of each note and their ink — are then
kept only sealed with AES-256-GCM under a key stretched from that passphrase with Argon2id (the library's cost,
`app.storage.keys`), bound to the member's name; the database holds `note` '' and `ink` '[]' for them, so neither
the library's key nor the search index reveals them. The words they marked stay readable: they are the pack's own
text, which the library holds anyway, and a revised pack re-anchors the note by them.

`member_notes_key` keeps the cost, the salt and a check value (an HMAC under the stretched key, never the key):
a wrong passphrase is told at once. An unlocked member's key is kept in memory only, per open library, for the
session (`unlock`); nothing writes it anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import weakref
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.storage.connection import StorageError
from app.storage.keys import SALT_BYTES, KdfParams, default_params, stretch
from app.storage.store import Store, _now

_CHECK_LABEL = b"quorate member notes check"
_SEAL_LABEL = b"quorate member notes seal"
_NONCE = 12

# Unlocked members' ciphers, per open library, in memory only: gone when the Store is.
_unlocked: weakref.WeakKeyDictionary[Store, dict[str, AESGCM]] = weakref.WeakKeyDictionary()


class NotesLocked(StorageError):
    """A protected member's notes were asked for, or written, before their passphrase was given this session."""


class DamagedNote(StorageError):
    """A sealed note does not open under its member's key (damaged, or moved to another member)."""


def _norm(owner: str) -> str:
    return " ".join(owner.split())


def _keys_of(params: KdfParams, salt: bytes, passphrase: str) -> tuple[str, bytes]:
    stretched = stretch(passphrase, salt, params)
    check = hmac.new(stretched, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]
    return check, hmac.new(stretched, _SEAL_LABEL, hashlib.sha256).digest()


def _row(store: Store, owner: str) -> tuple[KdfParams, bytes, str] | None:
    row = store.conn.execute(
        "SELECT kdf, salt, check_value FROM member_notes_key WHERE owner = ?", (_norm(owner),)
    ).fetchone()
    if row is None:
        return None
    kdf = json.loads(row[0])
    return KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])), bytes(row[1]), str(row[2])


def protected(store: Store, owner: str) -> bool:
    """Whether the member has protected their notes with a passphrase of their own."""
    return _row(store, owner) is not None


def unlocked(store: Store, owner: str) -> bool:
    """Whether the member's passphrase was given this session (always False for an unprotected member)."""
    return _norm(owner) in _unlocked.get(store, {})


def unlock(store: Store, owner: str, passphrase: str) -> bool:
    """Check the member's passphrase and, when right, keep their key in memory for this session. False when wrong
    (or when the member has no passphrase)."""
    found = _row(store, owner)
    if found is None:
        return False
    params, salt, check = found
    made, key = _keys_of(params, salt, passphrase)
    if not hmac.compare_digest(made, check):
        return False
    _unlocked.setdefault(store, {})[_norm(owner)] = AESGCM(key)
    return True


def lock(store: Store, owner: str | None = None) -> None:
    """Forget a member's key (every member's when `owner` is None)."""
    keys = _unlocked.get(store, {})
    if owner is None:
        keys.clear()
    else:
        keys.pop(_norm(owner), None)


def cipher(store: Store, owner: str) -> AESGCM | None:
    """The key the member's words are sealed with: None when the member has no passphrase.
    Raises NotesLocked when they have one that was not given this session."""
    name = _norm(owner)
    found = _unlocked.get(store, {}).get(name)
    if found is not None:
        return found
    if protected(store, name):
        raise NotesLocked(f"{name}'s notes are protected by their own passphrase: give it to see or change them.")
    return None


def session_cipher(store: Store, owner: str) -> AESGCM | None:
    """The member's key when unlocked this session; None otherwise (never raises)."""
    return _unlocked.get(store, {}).get(_norm(owner))


def _aad(owner: str) -> bytes:
    return b"quorate member note\x00" + _norm(owner).encode("utf-8")


def seal(aead: AESGCM, owner: str, words: dict[str, Any]) -> bytes:
    nonce = secrets.token_bytes(_NONCE)
    return nonce + aead.encrypt(nonce, json.dumps(words, ensure_ascii=False).encode("utf-8"), _aad(owner))


def unseal(aead: AESGCM, owner: str, blob: bytes) -> dict[str, Any]:
    try:
        plain = aead.decrypt(blob[:_NONCE], blob[_NONCE:], _aad(owner))
    except InvalidTag as exc:
        raise DamagedNote(f"One of {_norm(owner)}'s protected notes is damaged and cannot be read.") from exc
    words: dict[str, Any] = json.loads(plain.decode("utf-8"))
    return words


def protect(store: Store, owner: str, passphrase: str, actor: str) -> int:
    """Give the member a (new) passphrase and seal every note of theirs under it, in one transaction; returns how
    many notes were sealed. A member who already has one must have unlocked with it this session (the caller asks
    for it). The audit log keeps that the member protected their notes, nothing else."""
    name = _norm(owner)
    cipher(store, name)  # refuses a protected member not unlocked
    params = default_params()
    salt = secrets.token_bytes(SALT_BYTES)
    check, key = _keys_of(params, salt, passphrase)
    new = AESGCM(key)
    from app.storage import annotations

    with store.transaction():
        rows = store.conn.execute("SELECT id FROM annotation WHERE owner = ?", (name,)).fetchall()
        notes = [annotations.get(store, int(r[0])) for r in rows]  # read under the old key (or plain)
        history = store.conn.execute(
            "SELECT h.id, h.note, h.sealed FROM annotation_history h JOIN annotation a ON a.gid = h.annotation_gid"
            " WHERE a.owner = ?",
            (name,),
        ).fetchall()
        old = session_cipher(store, name)
        for a in notes:
            sealed = seal(new, name, {"note": a.note, "ink": annotations.row_of(a)["ink"]})
            store.conn.execute("UPDATE annotation SET note = '', ink = '[]', sealed = ? WHERE id = ?", (sealed, a.id))
        for history_id, text, was_sealed in history:
            if was_sealed is not None and old is not None:
                text = unseal(old, name, bytes(was_sealed))["note"]
            store.conn.execute(
                "UPDATE annotation_history SET note = '', sealed = ? WHERE id = ?",
                (seal(new, name, {"note": text}), history_id),
            )
        store.conn.execute(
            "INSERT INTO member_notes_key (owner, kdf, salt, check_value, created_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (owner) DO UPDATE SET kdf = excluded.kdf, salt = excluded.salt,"
            " check_value = excluded.check_value, created_at = excluded.created_at",
            (name, json.dumps(params.to_json()), salt, check, _now().isoformat()),
        )
        store._audit(actor, "member_notes_key", None, "protect", None, {"owner": name, "notes": len(notes)})
        annotations.merge_search_index(store)  # no old index segment keeps the words now sealed
    _unlocked.setdefault(store, {})[name] = new
    return len(notes)
