"""Confidential at rest (issue 18), end to end on the command line with encryption on, as for a user's own data.

After importing the demo pack, minuting, annotating, approving and signing, no file of the data folder shows pack
text, minute text, a note or a person's name to `strings`, and none opens as an SQLite database. The data folder
is its user's alone under any umask, while exports keep the user's umask. The log names no file, person or search
term. The passphrase comes from --passphrase-file or the keyring; a wrong one is one sentence and changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest

from app.cli import main
from app.commands import notes
from app.commands.live import LiveMeeting
from app.domain import AgendaItem, Meeting, MotionOutcome, Presence
from app.domain.annotations import AnnotationKind
from app.storage.encryption import open_library
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
KEY_PASSPHRASE = "the chair's own key passphrase"
MINUTE = "The Board noted the Quixotically-phrased assurance about the winter plan."
NOTE = "Ask about the Xylophonic staffing figures on this page."

pytestmark = pytest.mark.usefixtures("encrypted")


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def _strings(path: Path) -> str:
    return subprocess.run(["strings", "-n", "5", str(path)], capture_output=True, text=True, check=True).stdout


def _opens_as_sqlite(path: Path) -> bool:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def _opens_as_pdf(path: Path) -> bool:
    from pypdf import PdfReader

    return len(PdfReader(path).pages) > 0


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "library-passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def test_nothing_confidential_is_readable_in_the_data_folder_after_a_whole_meeting(
    tmp_path: Path, demo_pack: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    common = ["--data-dir", str(data), "--passphrase-file", str(secret)]
    assert main([*common, "import", str(demo_pack), "--json"]) == 0
    meeting_id = _json(capsys)["meeting"]["id"]
    assert main([*common, "search", "Zebrafinch", "--json"]) == 0  # a search term that must not reach the log
    capsys.readouterr()

    store = open_library(data / "quorate.db", PASSPHRASE)
    try:
        live = LiveMeeting(store, meeting_id)
        live.start(time(10))
        live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
        item = live.find_item("6.1").id or 0
        live.open_item(item)
        live.minute(item, MINUTE)
        motion = live.move(item, "That the Board approves the Joint Forward Plan.").new_id or 0
        live.set_outcome(motion, MotionOutcome.CONSENSUS)
        live.close()
        owner = notes.choose_member(store, "Rima Makarem")
        notes.annotate(store, meeting_id, owner, AnnotationKind.ITEM_NOTE, 1, note=NOTE, item_id=item)
        later = store.create_meeting(
            Meeting(None, store.meeting(meeting_id).body_id, "Board", date(2023, 11, 24)),
            [AgendaItem(None, 0, 0, "1.4", "Minutes")],
        )
        assert later.id is not None
        follow = LiveMeeting(store, later.id)
        follow.start(time(10))
        follow.roll_call({p.id: Presence.PRESENT for p in follow.record().people if p.id is not None})
        minutes_item = follow.find_item("1.4").id or 0
        follow.open_item(minutes_item)
        approving = follow.move(minutes_item, "That the minutes of 29 September 2023 are approved.").new_id or 0
        follow.set_outcome(approving, MotionOutcome.CONSENSUS)
        people = [p.name for p in store.people(store.meeting(meeting_id).body_id)]
        pack_lines = [
            line.strip()
            for page in notes.pack_pages(store, meeting_id)
            for line in page.splitlines()
            if len(line.strip()) >= 25
        ]
        title = store.meeting(meeting_id).title
    finally:
        store.close()

    key_passphrase = tmp_path / "key-passphrase.txt"
    key_passphrase.write_text(KEY_PASSPHRASE)
    key = data / "keys" / "chair.p12"  # where the window keeps a key it makes
    keygen = ["keygen", "--name", "Rima Makarem", "--role", "Chair", "--out", str(key)]
    assert main([*common, *keygen, "--passphrase-file", str(key_passphrase)]) == 0
    assert main([*common, "approve", str(meeting_id), "--chair", "Rima Makarem", "--on", "2023-10-06"]) == 0
    approve = ["approve", str(meeting_id), "--at-meeting", str(later.id), "--motion", str(approving)]
    assert main([*common, *approve]) == 0
    pdf = tmp_path / "exports" / "minutes.pdf"
    assert main([*common, "minutes", str(meeting_id), "--out", str(pdf)]) == 0
    sign = ["sign", str(pdf), "--key", str(key), "--passphrase-file", str(key_passphrase), "--meeting", str(meeting_id)]
    assert main([*common, *sign, "--out", str(tmp_path / "exports" / "signed.pdf")]) == 0
    capsys.readouterr()

    secrets = [MINUTE[:40], NOTE[:40], "Zebrafinch", "Rima Makarem", title, *people, *pack_lines[:200]]
    assert len(people) > 10 and len(pack_lines) > 50
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"quorate.db", "quorate.key", "quorate.log", "chair.p12"}
    for path in files:
        found = _strings(path)
        shown = [s for s in secrets if s in found]
        assert shown == [], f"{path.relative_to(data)} shows {shown[:3]}"
        assert not _opens_as_sqlite(path), f"{path.relative_to(data)} opens as a plain SQLite database"
    assert _opens_as_pdf(tmp_path / "exports" / "signed.pdf")  # what the user exported is written plain, where asked


def test_a_wrong_or_missing_passphrase_is_one_sentence_and_changes_nothing(
    tmp_path: Path, demo_pack: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(demo_pack)]) == 2  # a new library needs a passphrase
    assert "Choose a passphrase for the new library first" in capsys.readouterr().err
    assert not (data / "quorate.db").exists()
    assert main(["--data-dir", str(data), "--passphrase-file", str(secret), "import", str(demo_pack)]) == 0
    capsys.readouterr()
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file() and p.suffix != ".log"}
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    for args in (["meetings"], ["--passphrase-file", str(wrong), "meetings"], ["meetings", "--no-encryption"]):
        assert main(["--data-dir", str(data), *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("quorate: ")
        assert "passphrase" in err
    after = {p: p.read_bytes() for p in data.rglob("*") if p.is_file() and p.suffix != ".log"}
    assert after == before
    assert main(["--data-dir", str(data), "meetings", "--passphrase-file", str(secret), "--json"]) == 0
    assert len(_json(capsys)) == 1


def test_the_passphrase_is_changed_and_remembered_in_the_keyring(
    tmp_path: Path, demo_pack: Path, secret: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--passphrase-file", str(secret), "import", str(demo_pack)]) == 0
    new = tmp_path / "new.txt"
    new.write_text("an entirely new passphrase\n")
    change = ["passphrase", "--new-passphrase-file", str(new), "--remember"]
    assert main(["--data-dir", str(data), "--passphrase-file", str(secret), *change]) == 0
    assert "re-keyed" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "--passphrase-file", str(secret), "meetings"]) == 2  # the old one is gone
    capsys.readouterr()
    assert main(["--data-dir", str(data), "meetings", "--json"]) == 0  # from the keyring
    assert len(_json(capsys)) == 1
    assert list(memory_keyring.stored.values()) == ["an entirely new passphrase"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_the_data_folder_is_private_under_any_umask_and_exports_keep_the_users(
    tmp_path: Path, demo_pack: Path, secret: Path, umask: int
) -> None:
    data, out = tmp_path / "data", tmp_path / "shared" / "minutes.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QUORATE_NO_ENCRYPTION", None)
    script = (
        f"umask {umask:03o}; {sys.executable} -m app --data-dir {data} --passphrase-file {secret} import {demo_pack}"
        f" && {sys.executable} -m app --data-dir {data} --passphrase-file {secret} minutes 1 --out {out}"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    for path in [data, *data.rglob("*")]:
        wanted = 0o700 if path.is_dir() else 0o600
        assert _mode(path) == wanted, f"{path.relative_to(tmp_path)} is {oct(_mode(path))}"
    assert _mode(out) == 0o666 & ~umask
    assert _mode(out.parent) == 0o777 & ~umask


def test_an_existing_data_folder_made_under_a_permissive_umask_is_tightened(
    tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    loose = data / "packs" / "old.txt"
    loose.write_text("kept by an older Quorate")
    os.chmod(data, 0o755)
    os.chmod(data / "packs", 0o777)
    os.chmod(loose, 0o644)
    assert main(["--data-dir", str(data), "--passphrase-file", str(secret), "meetings"]) == 0
    assert (_mode(data), _mode(data / "packs"), _mode(loose)) == (0o700, 0o700, 0o600)
