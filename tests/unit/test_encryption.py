"""The encrypted library (issue 18): unlocking, wrong passphrases, damaged key files, copies from another computer,
upgrading a plain library, changing the passphrase, and sealed kept files."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from app import commands
from app.storage import Store, file_keys
from app.storage.connection import FileKind, file_kind
from app.storage.encryption import (
    PassphraseNeeded,
    WeakPassphrase,
    WrongPassphrase,
    change_passphrase,
    library_state,
    open_library,
)
from app.storage.keys import key_file_path
from app.storage.library import open_pack, packs_dir, search
from app.storage.sealed import SealedFileError, is_sealed
from tests.conftest import DEMO_PACK, PASSPHRASE

pytestmark = pytest.mark.usefixtures("encrypted")

SECRET = "Zanzibarian confidential remark"


def _strings(folder: Path) -> str:
    """What `strings` finds in every file of the folder, as one text."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out = subprocess.run(["strings", "-n", "6", str(path)], capture_output=True, text=True, check=True)
            found.append(out.stdout)
    return "\n".join(found)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def _library(tmp_path: Path) -> tuple[Path, int]:
    """An encrypted library with the demo pack and a minute holding SECRET."""
    database = tmp_path / "data" / "quorate.db"
    store = open_library(database, PASSPHRASE)
    try:
        meeting = commands.import_pack(store, DEMO_PACK)
        assert meeting.id is not None
        commands.edit_minute(store, store.items(meeting.id)[0].id or 0, SECRET)
        return database, meeting.id
    finally:
        store.close()


def test_a_new_library_is_encrypted_and_opens_with_its_passphrase_only(tmp_path: Path) -> None:
    database, meeting_id = _library(tmp_path)
    assert file_kind(database) is FileKind.ENCRYPTED
    assert key_file_path(database).is_file()
    text = _strings(database.parent)
    assert SECRET not in text and "Integrated Care Board" not in text
    kept = list(packs_dir(database.parent).iterdir())
    assert kept and all(is_sealed(p) for p in kept)
    store = open_library(database, PASSPHRASE)
    try:
        assert any(SECRET in m.body for m in store.minutes(meeting_id).values())
        status, content = open_pack(store, database.parent, meeting_id)
        assert status.ok and content is not None and content == bytearray(DEMO_PACK.read_bytes())
        assert search(store, "Zanzibarian")[0].kind == "minute"
        assert store.verify_audit_chain() == []
    finally:
        store.close()


def test_a_wrong_passphrase_says_so_and_changes_nothing(tmp_path: Path) -> None:
    database, _ = _library(tmp_path)
    before = _fingerprint(database.parent)
    with pytest.raises(WrongPassphrase, match=r"The passphrase is wrong; nothing was changed\."):
        open_library(database, "not the passphrase")
    with pytest.raises(PassphraseNeeded):
        open_library(database, None)
    with pytest.raises(PassphraseNeeded):  # plain mode never opens an encrypted library without its passphrase
        open_library(database, None, plain=True)
    assert _fingerprint(database.parent) == before


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing", "other salt"])
def test_a_damaged_key_file_is_rebuilt_from_the_database_by_the_right_passphrase(tmp_path: Path, damage: str) -> None:
    database, meeting_id = _library(tmp_path)
    key_file = key_file_path(database)
    good = key_file.read_bytes()
    if damage == "garbage":
        key_file.write_bytes(b"\x00\xff not json")
    elif damage == "truncated":
        key_file.write_bytes(good[: len(good) // 2])
    elif damage == "missing":
        key_file.unlink()
    else:
        key_file.write_bytes(good.replace(good[good.index(b'"salt"') + 9 : good.index(b'"salt"') + 13], b"0000"))
    assert library_state(database).key_file is None
    with pytest.raises(WrongPassphrase):
        open_library(database, "not the passphrase")
    store = open_library(database, PASSPHRASE)
    try:
        assert store.meeting(meeting_id).id == meeting_id
    finally:
        store.close()
    assert library_state(database).key_file is not None  # rebuilt
    store = open_library(database, PASSPHRASE)
    store.close()


def test_a_database_copied_from_another_computer_opens_with_its_passphrase(tmp_path: Path) -> None:
    database, meeting_id = _library(tmp_path)
    # The whole data folder copied: everything opens, the kept pack included.
    other = tmp_path / "other-computer" / "Quorate"
    shutil.copytree(database.parent, other)
    store = open_library(other / "quorate.db", PASSPHRASE)
    try:
        assert open_pack(store, other, meeting_id)[0].ok
    finally:
        store.close()
    # The database file alone, into a folder that has another library's key file: its own salt wins.
    lone = tmp_path / "third" / "quorate.db"
    lone.parent.mkdir()
    open_library(lone, "another library's passphrase").close()
    shutil.copy(database, lone)
    with pytest.raises(WrongPassphrase):
        open_library(lone, "another library's passphrase")
    store = open_library(lone, PASSPHRASE)
    try:
        assert store.meeting(meeting_id).id == meeting_id
        assert not open_pack(store, lone.parent, meeting_id)[0].ok  # its pack file was not copied
    finally:
        store.close()


def test_upgrading_a_plain_library_encrypts_the_database_its_backups_and_its_kept_files(tmp_path: Path) -> None:
    database = tmp_path / "data" / "quorate.db"
    plain = open_library(database, None, plain=True)
    meeting = commands.import_pack(plain, DEMO_PACK)
    assert meeting.id is not None
    commands.edit_minute(plain, plain.items(meeting.id)[0].id or 0, SECRET)
    chain = plain.audit_head()
    plain.close()
    (database.parent / "quorate.db.v3-20240101-000000.bak").write_bytes(database.read_bytes())  # an old backup
    assert SECRET in _strings(database.parent)
    with pytest.raises(PassphraseNeeded, match="not encrypted yet"):
        open_library(database, None)
    with pytest.raises(WeakPassphrase):
        open_library(database, "short")
    assert file_kind(database) is FileKind.PLAIN
    store = open_library(database, PASSPHRASE)
    try:
        assert store.audit_head() == chain and store.verify_audit_chain() == []
        assert open_pack(store, database.parent, meeting.id)[0].ok
        assert search(store, "Zanzibarian")
    finally:
        store.close()
    assert file_kind(database) is FileKind.ENCRYPTED
    text = _strings(database.parent)
    assert SECRET not in text and "Integrated Care Board" not in text
    assert sorted(p.name for p in database.parent.iterdir() if p.is_file()) == [
        "quorate.db",
        "quorate.db.v3-20240101-000000.bak",
        "quorate.key",
    ]


def test_changing_the_passphrase_rekeys_the_database_and_new_files_get_a_new_key(tmp_path: Path) -> None:
    database, meeting_id = _library(tmp_path)
    store = open_library(database, PASSPHRASE)
    old_salt = database.read_bytes()[:16]
    keys_before, old_key = file_keys.of(store), store.key
    assert keys_before is not None and old_key is not None
    store.close()
    with pytest.raises(WrongPassphrase):
        change_passphrase(database, old_key, "not it", "a brand new passphrase")
    key = change_passphrase(database, old_key, PASSPHRASE, "a brand new passphrase")
    assert database.read_bytes()[:16] != old_salt
    with pytest.raises(WrongPassphrase):
        open_library(database, PASSPHRASE)
    store = Store.open(database, key)
    try:
        keys_after = file_keys.of(store)
        assert keys_after is not None and keys_after.current != keys_before.current
        assert open_pack(store, database.parent, meeting_id)[0].ok  # old files keep their key
    finally:
        store.close()
    reopened = open_library(database, "a brand new passphrase")
    reopened.close()


def test_a_sealed_file_under_another_name_or_cut_short_does_not_open(tmp_path: Path) -> None:
    database, meeting_id = _library(tmp_path)
    store = open_library(database, PASSPHRASE)
    try:
        status, _ = open_pack(store, database.parent, meeting_id)
        assert status.path is not None
        data = status.path.read_bytes()
        status.path.write_bytes(data[:-5])
        cut, content = open_pack(store, database.parent, meeting_id)
        assert not cut.ok and content is None and "cannot be decrypted" in cut.message
        status.path.write_bytes(data)
        renamed = status.path.with_name("0" * 64 + ".txt")
        shutil.copy(status.path, renamed)
        from app.storage.library import read_kept

        with pytest.raises(SealedFileError):
            read_kept(store, renamed)
    finally:
        store.close()
