"""Input limits (issue 17): special files, sizes, pages, outlines, and the helper's time and memory budgets.

Every refusal is one sentence naming the file, raised before anything is written.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app import commands, paths
from app.commands import notes
from app.packs import ImportCancelled, PackError, read_pack
from app.packs.limits import Budget, read_input, read_pack_bounded, read_pack_input
from app.storage import Store
from tests.fuzz.mutate import deep_outline_pdf, flate_bomb_pdf

DEVICES = [Path("/dev/zero"), Path("/dev/urandom")]


def _fifo(tmp_path: Path) -> Path:
    """A FIFO with a writer that would hand it a whole pack: read as a file, it would be accepted."""
    fifo = tmp_path / "pack.txt"
    os.mkfifo(fifo)
    pack = paths.demo_pack().read_bytes()

    def write() -> None:
        try:
            with fifo.open("wb") as out:
                out.write(pack)
        except OSError:
            pass  # the reader closed it unread

    threading.Thread(target=write, daemon=True).start()
    return fifo


@pytest.mark.skipif(not all(d.exists() for d in DEVICES), reason="no /dev/zero or /dev/urandom here")
@pytest.mark.parametrize("device", DEVICES, ids=lambda d: d.name)
def test_a_device_as_a_pack_or_notes_file_is_refused_unread(device: Path, store: Store) -> None:
    with pytest.raises(PackError, match=rf"^{device.name} is not a regular file"):
        read_pack(device)
    meeting_id = commands.ensure_demo_meeting(store)
    with pytest.raises(notes.AnnotationFileError, match=r"not a regular file.*nothing was imported"):
        notes.import_notes_json(store, meeting_id, device)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not a regular file"):
        read_pack(_fifo(tmp_path))
    lonely = tmp_path / "lonely"
    os.mkfifo(lonely)  # no writer at all: a blocking open would wait forever
    with pytest.raises(PackError, match="not a regular file"):
        read_input(lonely, 1024, "notes file")


def test_a_folder_and_files_over_the_size_limits_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="is a folder"):
        read_pack(tmp_path)
    text = tmp_path / "big.txt"
    text.write_bytes(paths.demo_pack().read_bytes() * 20)
    with pytest.raises(PackError, match=r"^big.txt is a text file larger than the 1 MB"):
        read_pack_input(text, Budget(text_bytes=1024 * 1024))
    with pytest.raises(PackError, match="larger than the 0 MB"):
        read_input(text, 1000, "notes file")


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="no /proc here")
def test_a_regular_file_that_says_it_is_empty_is_still_read_only_up_to_the_limit() -> None:
    """/proc files are regular and report size 0 (as a device did to the old notes size check): the limit holds
    on the bytes read, not on the size the file claims."""
    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0
    with pytest.raises(PackError, match="larger than"):
        read_input(maps, 100, "notes file")


def test_deep_outlines_and_too_many_pages_are_refused_before_reading(tmp_path: Path) -> None:
    deep = deep_outline_pdf(tmp_path / "deep.pdf", depth=200)
    with pytest.raises(PackError, match=r"^deep.pdf has bookmarks nested more than 32 levels"):
        read_pack(deep)
    with pytest.raises(PackError, match=r"^deep.pdf has 3 pages; Quorate reads board packs of up to 2 pages"):
        read_pack_input(deep, Budget(pages=2))
    shallow = deep_outline_pdf(tmp_path / "shallow.pdf", depth=3)
    assert read_pack_input(shallow) == shallow.read_bytes()


def test_a_flate_bomb_is_refused_before_any_reader_inflates_it(tmp_path: Path) -> None:
    """A page whose drawing inflates past the limit (a gigabyte of zeros from a megabyte, issue 17) is refused
    in a second, without holding what it inflates to; one under the limit is read as usual."""
    small = Budget(stream_bytes=8 * 1024 * 1024)
    with pytest.raises(PackError, match=r"^bomb.pdf holds a compressed part that expands to more than 8 MB"):
        read_pack_input(flate_bomb_pdf(tmp_path / "bomb.pdf", inflated=16 << 20), small)
    read_pack_input(flate_bomb_pdf(tmp_path / "fine.pdf", inflated=4 << 20), small)
    with pytest.raises(PackError, match="expands to more than 128 MB"):
        read_pack(flate_bomb_pdf(tmp_path / "gigabyte.pdf", inflated=1 << 30))


def test_the_helper_process_is_stopped_at_its_time_budget_and_on_cancel() -> None:
    pack = paths.demo_pack()
    with pytest.raises(PackError, match=r"took longer than the 0 seconds"):
        read_pack_bounded(pack, budget=Budget(seconds=0.0))
    asked = [0]

    def cancelled() -> bool:
        asked[0] += 1
        return asked[0] > 2

    with pytest.raises(ImportCancelled):
        read_pack_bounded(pack, cancelled=cancelled)
    assert len(read_pack_bounded(pack).items) == len(read_pack(pack).items)


def test_the_helper_process_is_held_to_its_memory_budget() -> None:
    with pytest.raises(PackError, match=r"memory"):
        read_pack_bounded(paths.demo_pack(), budget=Budget(memory_bytes=64 * 1024 * 1024))


def test_a_refused_import_leaves_the_database_untouched(tmp_path: Path) -> None:
    db = tmp_path / "data" / "quorate.db"
    store = Store.open(db)
    commands.ensure_demo_meeting(store)
    data = db.parent

    def state() -> tuple[int, str, list[str]]:
        files = sorted(str(f.relative_to(data)) for f in data.rglob("*") if not f.name.startswith("quorate.db"))
        return len(store.meetings()), store.audit_head(), files

    before = state()
    fifo = _fifo(tmp_path)
    for bad in [*[d for d in DEVICES if d.exists()], fifo, deep_outline_pdf(tmp_path / "deep.pdf", depth=100)]:
        with pytest.raises(PackError):
            commands.import_pack(store, bad)
        assert state() == before  # no meeting, no audit row, no file kept in the library
    store.close()


def test_a_10000_item_agenda_is_never_cut_short_without_a_word(tmp_path: Path) -> None:
    lines = ["Board of Test", "Meeting in public", "Agenda", ""]
    lines += [f"{n}. Report number {n} to note" for n in range(1, 10_001)]
    pack = tmp_path / "long-agenda.txt"
    pack.write_text("\n".join(lines), encoding="utf-8")
    draft = read_pack(pack)
    if len(draft.items) < 10_000:
        last = draft.items[-1].number.rstrip(".")
        assert any(f"go on after item {last}" in w for w in draft.warnings), draft.warnings


def test_a_page_with_too_many_text_objects_is_left_unread_and_the_other_pages_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDFium's text reading grows faster than a page's text objects (two million take about 90 s), so a page
    past the limit is read as a page without text, by both the plain and the layout readers; drawings (paths) do
    not count, so a dense site plan keeps its text."""
    from reportlab.pdfgen import canvas

    from app.packs import limits
    from app.packs.layout import read_pdf_page
    from app.packs.pdf import open_document

    path = tmp_path / "dense.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "Agenda: 1. Welcome and apologies")
    pdf.showPage()
    for n in range(60):  # one text object each
        pdf.drawString(72, 60 + 10 * n, f"cell {n}")
    pdf.showPage()
    pdf.drawString(72, 720, "A site plan's label")
    for n in range(80):  # paths, not text
        pdf.line(10, n, 500, n + 1)
    pdf.save()
    monkeypatch.setattr(limits, "PAGE_TEXT_OBJECTS", 50)

    document = open_document(path.read_bytes(), path.name)
    try:
        plain = document.texts(0, 3, 3, False, None, None)
        laid_out = [read_pdf_page(document.raw, index).layout for index in range(3)]  # type: ignore[attr-defined]
    finally:
        document.close()
    assert "Welcome" in plain[0] and plain[1] == "" and "site plan" in plain[2]
    assert laid_out[0].lines and not laid_out[1].lines and laid_out[2].lines


def test_the_reader_never_imports_an_app_package_from_the_current_folder(tmp_path: Path) -> None:
    """Python 3.12's forkserver puts the current folder first on its import path: `quorate agenda` run from a
    folder holding an `app` package must still read with Quorate's own reader, not run that folder's code."""
    import subprocess
    import sys

    quorate = Path(sys.executable).with_name("quorate")
    if not quorate.exists():
        pytest.skip("the quorate command is not installed beside this interpreter")
    decoy = tmp_path / "app" / "packs"
    decoy.mkdir(parents=True)
    marker = tmp_path / "decoy-ran"
    for package in (tmp_path / "app", decoy):
        (package / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    (decoy / "reader.py").write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    done = subprocess.run(
        [str(quorate), "--data-dir", str(tmp_path / "data"), "agenda", str(paths.demo_pack()), "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"items"' in done.stdout and not marker.exists()
