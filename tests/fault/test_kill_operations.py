"""SIGKILL during a pack import, a minutes export (PDF and Word) and signing, at seeded random moments.

Each operation runs in a forked child of tests/fault/task_driver.py and is killed a seeded random delay after
it printed "started", anywhere from before it opened the database to after it finished (the delays span the
time of a full run measured first: most land mid-operation, some after it ended). Nothing here depends on where
the kill lands: afterwards the invariants must hold whatever it interrupted.

- import: the meeting is there whole (every item, every page, its kept pack file hashing to its name) or not
  at all; `PRAGMA integrity_check` is ok and the audit chain verifies.
- export: the output file is the previous export byte for byte, or a complete new one (same page count as a
  full export; a Word file that opens with the same paragraphs); never a truncated file under its name.
- signing: the signed copy is the previous one, or a complete signature that verifies intact and unmodified;
  the input PDF is unchanged.

The short run kills each operation a few times; QUORATE_LONG=1 kills each 100 times and prints the figures.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdf
import pytest

from app import commands
from app.bench import build_pdf_pack
from app.commands import signing
from app.commands.replay import replay
from app.storage import Store
from app.storage.library import PACKS_DIR
from tests.fault.harness import REPO, Run, TaskServer, check_database, leftovers, scale

EXAMPLE = REPO / "docs" / "examples" / "icb-2023-06-30.jsonl"
PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A data folder with the demo meeting and the 30 June 2023 meeting replayed into it (rich minutes)."""
    data = tmp_path_factory.mktemp("fault-ops") / "data"
    store = Store.open(data / "quorate.db")
    try:
        demo = commands.ensure_demo_meeting(store)
        result = replay(store, demo, EXAMPLE.read_text(encoding="utf-8").splitlines())
        return data, result.meeting_id
    finally:
        store.close()


@pytest.fixture(scope="module")
def server(prepared: tuple[Path, int]) -> Iterator[TaskServer]:
    """One fork server for the module: its start-up (imports) is paid once."""
    with TaskServer(prepared[0]) as started:
        yield started


def _report(what: str, runs: list[Run], leftover: int = 0) -> None:
    landed = sum(1 for r in runs if r.killed)
    print(f"\nfault {what}: {len(runs)} kills, {landed} mid-operation, nothing lost; {leftover} temp files left")


def _delays(seed: int, count: int, full: float) -> list[float]:
    rng = random.Random(seed)
    return [rng.uniform(0.0, full) for _ in range(count)]


def _meeting_shape(store: Store, meeting_id: int) -> tuple[int, int]:
    pages = store.conn.execute("SELECT count(*) FROM pack_page WHERE meeting_id = ?", (meeting_id,)).fetchone()[0]
    return len(store.items(meeting_id)), int(pages)


def test_sigkill_during_pack_import_leaves_the_whole_meeting_or_none(
    prepared: tuple[Path, int], server: TaskServer, tmp_path: Path
) -> None:
    data, _ = prepared
    pack = build_pdf_pack(tmp_path / "big-pack.pdf", pages=scale(120, 300))
    sha = hashlib.sha256(pack.read_bytes()).hexdigest()
    db = data / "quorate.db"
    server.run({"task": "import", "pack": str(pack)})  # the first also copies the pack into the library
    reference = server.run({"task": "import", "pack": str(pack)})  # later ones, like those killed, reuse it
    store = Store.open(db)
    shape = _meeting_shape(store, int(reference.value("meeting") or 0))
    store.close()
    assert shape[0] > 10 and shape[1] == scale(120, 300)
    runs = []
    for delay in _delays(3, scale(6, 100), reference.seconds):
        store = Store.open(db)
        before = len(store.meetings())
        store.close()
        runs.append(server.run_and_kill({"task": "import", "pack": str(pack)}, delay))
        check_database(db)
        store = Store.open(db)
        try:
            assert len(store.meetings()) in (before, before + 1)
            for meeting in store.meetings():
                if meeting.pack_sha256 == sha:
                    assert meeting.id is not None
                    assert _meeting_shape(store, meeting.id) == shape, "a partial meeting was left"
            kept = [p for p in (data / PACKS_DIR).iterdir() if p.name.startswith(sha)]
            assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == sha
        finally:
            store.close()
    _report("import", runs, len(list((data / PACKS_DIR).glob(".incoming-*"))))  # swept after an hour


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_sigkill_during_minutes_export_never_leaves_a_half_file(
    prepared: tuple[Path, int], server: TaskServer, tmp_path: Path, fmt: str
) -> None:
    data, meeting_id = prepared
    out = tmp_path / f"minutes.{fmt}"
    request = {"task": fmt, "meeting": meeting_id, "out": str(out)}

    def signature(data: bytes) -> object:
        """What every complete export of this meeting has in common (the bytes differ: creation dates, ids)."""
        if fmt == "pdf":
            assert data.rstrip().endswith(b"%%EOF")
            return len(pypdf.PdfReader(io.BytesIO(data), strict=True).pages)
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]

    reference = server.run(request)
    expected = signature(out.read_bytes())
    runs = []
    for n, delay in enumerate(_delays(11, scale(6, 100), reference.seconds)):
        if n % 3 == 0:
            out.unlink(missing_ok=True)  # sometimes there is no earlier export to fall back to
        old = out.read_bytes() if out.exists() else None
        runs.append(server.run_and_kill(request, delay))
        if out.exists():
            now = out.read_bytes()
            assert now == old or signature(now) == expected, "a partial export is under the file's name"
        else:
            assert old is None and not runs[-1].finished
    check_database(data / "quorate.db")
    _report(f"export {fmt}", runs, len(leftovers(tmp_path, out.name)))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_export_killed_inside_its_write_never_leaves_a_half_file(
    prepared: tuple[Path, int], server: TaskServer, tmp_path: Path, fmt: str
) -> None:
    """A kill timed from outside mostly lands while the document is being built; this one lands in the write:
    the process is killed by the write that takes a file past a seeded random size below the export's."""
    data, meeting_id = prepared
    out = tmp_path / f"minutes.{fmt}"
    request: dict[str, object] = {"task": fmt, "meeting": meeting_id, "out": str(out)}
    server.run(request)
    complete = out.read_bytes()
    rng = random.Random(23)
    cut = 0
    for n in range(scale(6, 60)):
        if n % 2 == 0:
            out.unlink(missing_ok=True)
        else:
            out.write_bytes(complete)
        old = out.read_bytes() if out.exists() else None
        run = server.start({**request, "cut_write_at": rng.randrange(1, len(complete))})
        result = server.finish(time.perf_counter())
        assert os.WIFSIGNALED(result.status), f"the export was not cut in its write: {result.lines} (pid {run})"
        cut += 1
        assert (out.read_bytes() if out.exists() else None) == old, "a half-written export is under the file's name"
    assert cut == scale(6, 60)
    check_database(data / "quorate.db")
    _report(f"export {fmt} cut in its write", [], len(leftovers(tmp_path, out.name)))


def test_sigkill_during_signing_leaves_the_old_copy_or_a_valid_signature(
    prepared: tuple[Path, int], server: TaskServer, tmp_path: Path
) -> None:
    data, meeting_id = prepared
    minutes = tmp_path / "minutes.pdf"
    store = Store.open(data / "quorate.db")
    try:
        commands.export_minutes(store, meeting_id, minutes)
    finally:
        store.close()
    original = minutes.read_bytes()
    key = tmp_path / "chair.p12"
    signing.create_key(data, key, "Rima Makarem", PASSPHRASE, role="Chair")
    out = tmp_path / "signed.pdf"
    request = {"task": "sign", "pdf": str(minutes), "key": str(key), "passphrase": PASSPHRASE, "out": str(out)}
    reference = server.run(request)
    assert signing.verify(data, out).ok
    runs = []
    for n, delay in enumerate(_delays(17, scale(6, 100), reference.seconds)):
        if n % 3 == 0:
            out.unlink(missing_ok=True)
        old = out.read_bytes() if out.exists() else None
        runs.append(server.run_and_kill(request, delay))
        assert minutes.read_bytes() == original, "signing changed its input"
        if out.exists() and out.read_bytes() != old:
            report = signing.verify(data, out)
            assert report.ok and report.trusted, "a partial signed copy is under the file's name"
        elif not out.exists():
            assert old is None and not runs[-1].finished
    check_database(data / "quorate.db")
    _report("sign", runs, len(leftovers(tmp_path, out.name)))
