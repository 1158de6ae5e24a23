"""SIGKILL while a plain library is encrypted and while an encrypted one is re-keyed (issue 18).

Whatever moment the kill lands on, the data folder holds the old database or the new one, never neither and never
a mixture: the old passphrase opens the old one (or the plain library opens as before), the new passphrase opens
the new one, and either way the record is whole (SQLite's check, the audit chain and its head unchanged). The next
open finishes or clears what the kill left (a checked copy, a pending key file). Each step of the swap is also
interrupted on purpose (the same state a kill there leaves), since random delays rarely land between two renames.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import commands
from app.commands.replay import replay
from app.storage import Store
from app.storage.connection import FileKind, file_kind
from app.storage.encryption import WrongPassphrase, change_passphrase, library_state, open_library, unlock
from tests.fault.harness import REPO, Run, TaskServer, scale

EXAMPLE = REPO / "docs" / "examples" / "icb-2023-06-30.jsonl"
OLD, NEW = "the passphrase before the change", "the passphrase after the change"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A plain library with the demo meeting and a replayed meeting, and its audit head."""
    folder = tmp_path_factory.mktemp("pristine") / "data"
    store = Store.open(folder / "quorate.db")
    try:
        demo = commands.ensure_demo_meeting(store)
        replay(store, demo, EXAMPLE.read_text(encoding="utf-8").splitlines())
        return folder, store.audit_head()
    finally:
        store.close()


@pytest.fixture
def data(tmp_path: Path, pristine: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.delenv("QUORATE_NO_ENCRYPTION", raising=False)
    folder = tmp_path / "data"
    shutil.copytree(pristine[0], folder)
    yield folder


def _restore(pristine: Path, folder: Path) -> None:
    shutil.rmtree(folder)
    shutil.copytree(pristine, folder)


def _opens_whole(folder: Path, passphrases: tuple[str | None, ...], head: str) -> str | None:
    """Which of `passphrases` opens the library (None: it is plain); asserts the record is whole."""
    database = folder / "quorate.db"
    for passphrase in passphrases:
        try:
            store = open_library(database, passphrase, plain=passphrase is None)
        except WrongPassphrase:
            continue
        try:
            assert store.integrity_ok(), "PRAGMA integrity_check failed"
            assert store.verify_audit_chain() == []
            assert store.audit_head() == head, "the record changed"
        finally:
            store.close()
        return passphrase
    raise AssertionError(f"no passphrase opens the library: {sorted(p.name for p in folder.iterdir())}")


def _report(what: str, runs: list[Run], outcomes: list[str | None]) -> None:
    landed = sum(1 for r in runs if r.killed)
    print(f"\nfault {what}: {len(runs)} kills, {landed} mid-operation; outcomes {sorted(map(str, set(outcomes)))}")


def test_sigkill_during_encryption_leaves_the_plain_or_the_encrypted_library(
    data: Path, pristine: tuple[Path, str]
) -> None:
    with TaskServer(data, light=True) as server:
        reference = server.run({"task": "encrypt", "passphrase": OLD})
        assert file_kind(data / "quorate.db") is FileKind.ENCRYPTED
        rng = random.Random(18)
        runs, outcomes = [], []
        for _ in range(scale(8, 100)):
            _restore(pristine[0], data)
            request = {"task": "encrypt", "passphrase": OLD}
            runs.append(server.run_and_kill(request, rng.uniform(0, 1.4 * reference.seconds)))
            state = library_state(data / "quorate.db")
            assert state.kind in (FileKind.PLAIN, FileKind.ENCRYPTED)
            found = _opens_whole(data, (None, OLD) if state.kind is FileKind.PLAIN else (OLD,), pristine[1])
            outcomes.append(found)
            assert not list(data.glob("*.rekey")) and not list(data.glob("*.key.next"))  # cleared at the open
    _report("encryption", runs, outcomes)


def test_sigkill_during_a_change_of_passphrase_leaves_the_old_or_the_new(
    data: Path, pristine: tuple[Path, str]
) -> None:
    open_library(data / "quorate.db", OLD).close()
    encrypted = data.parent / "encrypted"
    shutil.copytree(data, encrypted)
    with TaskServer(data, light=True) as server:
        reference = server.run({"task": "rekey", "old": OLD, "new": NEW})
        assert _opens_whole(data, (OLD, NEW), pristine[1]) == NEW
        rng = random.Random(81)
        runs, outcomes = [], []
        for _ in range(scale(8, 100)):
            _restore(encrypted, data)
            runs.append(
                server.run_and_kill({"task": "rekey", "old": OLD, "new": NEW}, rng.uniform(0, 1.4 * reference.seconds))
            )
            outcomes.append(_opens_whole(data, (OLD, NEW), pristine[1]))
    _report("re-key", runs, outcomes)


@pytest.mark.parametrize("step", range(3))
def test_a_change_interrupted_at_each_step_of_the_swap_opens_one_way_or_the_other(
    data: Path, pristine: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    """The swap is three renames: the pending key file into place beside the old one, the checked copy over the
    database, the pending key file over the old one. A crash is simulated before rename `step` (what a kill there
    leaves on disk)."""
    database = data / "quorate.db"
    open_library(database, OLD).close()
    old_key = unlock(database, OLD)
    done = {"n": 0}

    class Crash(BaseException):
        pass

    def counting(real):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            if done["n"] == step:
                raise Crash
            done["n"] += 1
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(os, "replace", counting(os.replace))
    with pytest.raises(Crash):
        change_passphrase(database, old_key, OLD, NEW)
    monkeypatch.undo()
    monkeypatch.delenv("QUORATE_NO_ENCRYPTION", raising=False)
    expected = OLD if step < 2 else NEW  # the database's rename (the second rename) is the commit point
    assert _opens_whole(data, (OLD, NEW), pristine[1]) == expected
