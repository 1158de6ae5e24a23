"""Input limits: what Quorate agrees to read, so no file can exhaust the machine or hang the window (issue 17).

Every file the app reads from outside (a board pack, a notes exchange file, a replay file, a people or register
spreadsheet) is opened through `read_input`: regular files only (a FIFO, a device such as /dev/zero, a socket or
a folder is refused before a byte is read, and a FIFO is opened without blocking), and never more than the
format's size limit is read, whatever the file claims (a device reports size 0; a file may grow as it is read).

A pack is then read by `read_pack_bounded` in a helper process with a time and an address-space budget: the
helper can be killed whatever it is doing (a quadratic parser, a decompression bomb, a deep outline), so cancel
always works and the window never waits past the budget. Before the readers start, `check_pdf_shape` refuses
PDFs with more pages or a deeper outline than any board pack has.

Each refusal is one sentence naming the file and the limit; none of them writes anything.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import multiprocessing
import os
import re
import resource
import stat
import threading
import time
import traceback
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.packs.model import DraftPack, ImportCancelled, PackError

MiB = 1024 * 1024
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Budget:
    """Limits for reading one pack."""

    pdf_bytes: int = 300 * MiB  # the largest board packs seen are about 60 MB
    text_bytes: int = 8 * MiB  # a text agenda pack of several hundred pages is under 2 MB
    pages: int = 5000
    outline_depth: int = 32  # board pack bookmarks nest 2-4 deep
    outline_entries: int = 20_000
    # a page's drawing (or any other compressed part but an image) once decompressed: two million text operators
    # are 14 MB; a Flate bomb of zeros is a gigabyte from one megabyte
    stream_bytes: int = 128 * MiB
    seconds: float = 120.0  # wall time for the whole read in the helper process
    memory_bytes: int = 1536 * MiB  # the helper's address space (Python, PDFium and pypdf included)


PACK_BUDGET = Budget()
NOTES_MAX_BYTES = 20 * MiB
REPLAY_MAX_BYTES = 64 * MiB  # a day-long meeting is a few thousand events of a few hundred bytes
SPREADSHEET_MAX_BYTES = 32 * MiB


@dataclass(frozen=True, slots=True)
class ReadUsage:
    """What reading one pack cost the helper process: wall time and its peak resident memory."""

    seconds: float
    peak_bytes: int


class HelperCrashed(RuntimeError):
    """A bug in the pack reader, raised in the helper process; the message carries its traceback."""


Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def read_input(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of the regular file at `path`, refused (PackError, one sentence) if it is not one or is larger
    than `max_bytes`. `what` names the kind of file in the sentence ("board pack", "notes file")."""
    name = path.name or str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below by its type.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise PackError(f"{name} could not be read: it could not be found.") from exc
    except IsADirectoryError as exc:
        raise PackError(f"{name} is a folder, not a {what}.") from exc
    except PermissionError as exc:
        raise PackError(f"{name} could not be opened: permission was denied.") from exc
    except OSError as exc:
        raise PackError(f"{name} could not be read: {exc.strerror or exc}.") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PackError(f"{name} is a folder, not a {what}.")
        if not stat.S_ISREG(info.st_mode):
            raise PackError(f"{name} is not a regular file (it is a device, pipe or socket), so it is not a {what}.")
        if info.st_size > max_bytes:
            raise PackError(_too_big(name, what, max_bytes))
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 * MiB, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while being read
                raise PackError(_too_big(name, what, max_bytes))
        return b"".join(chunks)
    except OSError as exc:
        raise PackError(f"{name} could not be read: {exc.strerror or exc}.") from exc
    finally:
        os.close(fd)


def read_input_or(path: Path, max_bytes: int, what: str, refusal: Callable[[str], Exception]) -> bytes:
    """`read_input` for formats with their own refusal class: `refusal(sentence)` is raised instead."""
    try:
        return read_input(path, max_bytes, what)
    except PackError as exc:
        raise refusal(str(exc)) from None


def _too_big(name: str, what: str, max_bytes: int) -> str:
    return f"{name} is larger than the {max_bytes // MiB} MB Quorate reads for a {what}, so it was not read."


def read_pack_input(path: Path, budget: Budget = PACK_BUDGET) -> bytes:
    """A pack file's bytes, within the budget: a regular file, a PDF's pages and outline, a text pack's size
    (its readers work on every line, so it has a smaller limit than a PDF)."""
    name = path.name or str(path)
    data = read_input(path, budget.pdf_bytes, "board pack")
    if b"%PDF-" in data[:1024]:
        check_pdf_shape(data, name, budget)
    elif len(data) > budget.text_bytes:
        raise PackError(
            f"{name} is a text file larger than the {budget.text_bytes // MiB} MB Quorate reads for a text board "
            "pack, so it was not read."
        )
    return data


def check_pdf_shape(data: bytes, name: str, budget: Budget = PACK_BUDGET) -> None:
    """Refuse a PDF with more pages, or an outline deeper or longer, than `budget` allows.

    PDFium counts pages and walks the outline without reading the pages; the walk stops at the first entry past
    the limits (a cyclic or 100,000-deep outline costs no more than the limit). A PDF PDFium cannot open is left
    to the readers, which say why in their own sentence."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    check_pdf_streams(data, name, budget)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return
    try:
        count = len(document)
        if count > budget.pages:
            raise PackError(
                f"{name} has {count:,} pages; Quorate reads board packs of up to {budget.pages:,} pages, so it was "
                "not read."
            )
        handle = document.raw
        stack: list[tuple[Any, int]] = [(raw.FPDFBookmark_GetFirstChild(handle, None), 1)]
        seen = 0
        while stack:
            mark, depth = stack.pop()
            while mark:
                seen += 1
                if depth > budget.outline_depth or seen > budget.outline_entries:
                    raise PackError(
                        f"{name} has bookmarks nested more than {budget.outline_depth} levels deep or more than "
                        f"{budget.outline_entries:,} of them, which no board pack has, so it was not read."
                    )
                child = raw.FPDFBookmark_GetFirstChild(handle, mark)
                if child:
                    stack.append((child, depth + 1))
                mark = raw.FPDFBookmark_GetNextSibling(handle, mark)
    finally:
        document.close()


_STREAM_START = re.compile(rb">>\s*stream\r?\n")
_DICTIONARY_LOOK_BACK = 4096  # bytes before "stream" searched for the stream's dictionary
_INFLATE_STEP = 1 * MiB


def check_pdf_streams(data: bytes, name: str, budget: Budget = PACK_BUDGET) -> None:
    """Refuse a PDF with a Flate-compressed part, other than an image, that decompresses to more than
    `budget.stream_bytes` (a decompression bomb: the readers inflate page content whole, PDFium with no limit).

    Every stream is a top-level object, so a scan of the bytes finds them all; each is inflated in steps and
    thrown away, never held, and only until it passes the limit. Images are left alone: text is read without
    decoding them, and a scanned page can be large. A stream zlib cannot inflate is left to the readers."""
    for start in _STREAM_START.finditer(data):
        head = data[max(0, start.start() - _DICTIONARY_LOOK_BACK) : start.start()]
        head = head[head.rfind(b" obj") + 1 :] if b" obj" in head else head
        if b"/FlateDecode" not in head or b"/Image" in head:
            continue
        inflater = zlib.decompressobj()
        produced, at = 0, start.end()
        try:
            while not inflater.eof and (inflater.unconsumed_tail or at < len(data)):
                if inflater.unconsumed_tail:  # input held back by the output bound: go on with it
                    chunk = inflater.unconsumed_tail
                else:
                    chunk = data[at : at + _INFLATE_STEP]
                    at += len(chunk)
                produced += len(inflater.decompress(chunk, _INFLATE_STEP))
                if produced > budget.stream_bytes:
                    raise PackError(
                        f"{name} holds a compressed part that expands to more than {budget.stream_bytes // MiB} MB, "
                        "which no board pack has, so it was not read."
                    )
        except zlib.error:
            continue


# -- a page too dense to read its text -------------------------------------------------------------------------

# PDFium's text reading grows faster than the page's characters (0.2 s for 100,000 one-letter text objects, 0.5 s
# for 200,000, about 90 s for two million); counting a page's objects is free once the page is loaded. Drawings
# (a site plan, a map) can have hundreds of thousands of paths, so only text objects count against the limit.
PAGE_TEXT_OBJECTS = 250_000


@functools.cache
def _object_calls() -> tuple[Any, Any, Any]:
    import pypdfium2.raw as c

    def proto(function: Any, restype: Any, *argtypes: Any) -> Any:
        address = ctypes.cast(function, ctypes.c_void_p).value or 0
        return ctypes.CFUNCTYPE(restype, *argtypes)(address)

    ptr, i32 = ctypes.c_void_p, ctypes.c_int
    return (
        proto(c.FPDFPage_CountObjects, i32, ptr),
        proto(c.FPDFPage_GetObject, ptr, ptr, i32),
        proto(c.FPDFPageObj_GetType, i32, ptr),
    )


def page_text_too_dense(page: Any) -> bool:
    """Whether a loaded PDFium page (a handle or its address) draws more text objects than `PAGE_TEXT_OBJECTS`:
    its text is then not read (the page is left as one without text), so one page cannot take minutes."""
    import pypdfium2.raw as c

    count_objects, get_object, object_type = _object_calls()
    address = page if isinstance(page, int) else ctypes.cast(page, ctypes.c_void_p).value
    total = count_objects(address)
    if total <= PAGE_TEXT_OBJECTS:
        return False
    texts = 0
    for index in range(total):
        if object_type(get_object(address, index)) == c.FPDF_PAGEOBJ_TEXT:
            texts += 1
            if texts > PAGE_TEXT_OBJECTS:
                return True
    return False


# -- an agenda read only in part ---------------------------------------------------------------------------------

_NUMBERED = re.compile(r"^\s*(?:(?:agenda\s+)?item\s*(?:no\.?\s*)?)?(\d{1,7})(?:\.\d+)*[.:)]?\s+\S", re.I)
_LOOK_AHEAD = 40  # lines after the last item read


def agenda_cut_short(lines: Sequence[str], last_item_line: int, numbers: Sequence[str]) -> list[str]:
    """A warning when the agenda goes on past the last item read (the next number follows on): never cut it
    short without a word (issue 17: a 10,000-item agenda came in as 99 items)."""
    tops = [int(n.split(".")[0]) for n in numbers if n.split(".")[0].isdigit()]
    if not tops or last_item_line < 0:
        return []
    last = max(tops)
    for line in lines[last_item_line + 1 : last_item_line + 1 + _LOOK_AHEAD]:
        match = _NUMBERED.match(line)
        if match is not None and int(match[1]) == last + 1:
            shown = " ".join(line.split())
            shown = shown if len(shown) <= 60 else shown[:59] + "…"
            return [
                f"The agenda seems to go on after item {last} (“{shown}”), but only the items up to {last} were "
                "read: check the pack and add the rest."
            ]
    return []


# -- the helper process ------------------------------------------------------------------------------------------


def _leave_with(app_pid: int) -> None:
    """In the helper process: stop when the process that asked has gone (a kill gives it no chance to say so)."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(app_pid, 0)
            except (ProcessLookupError, PermissionError):  # gone, or its pid now belongs to someone else
                os._exit(0)

    threading.Thread(target=watch, name="follow-app", daemon=True).start()


class _PipeLog(logging.Handler):
    """In the helper process: log records go to the process that asked, which logs them where it logs."""

    def __init__(self, sender: Any) -> None:
        super().__init__()
        self.sender = sender

    def emit(self, record: logging.LogRecord) -> None:
        self.sender.send(("log", record.levelno, f"{record.name}: {record.getMessage()}"))


def _log_through(sender: Any) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_PipeLog(sender))
    root.setLevel(logging.INFO)


def _helper(path: str, budget: Budget, sender: Any, app_pid: int) -> None:
    """In the helper process: read the pack under the memory budget; send progress, then the outcome."""
    _leave_with(app_pid)
    _log_through(sender)
    with contextlib.suppress(ValueError, OSError):  # a platform without RLIMIT_AS still has the time budget
        resource.setrlimit(resource.RLIMIT_AS, (budget.memory_bytes, budget.memory_bytes))
    from app.packs.reader import read_pack

    def progress(done: int, total: int) -> None:
        sender.send(("progress", done, total))

    try:
        try:
            draft = read_pack(Path(path), progress=progress)
        finally:
            # ru_maxrss is in KiB on Linux; the peak is what the fuzz tests hold against the 1 GB bound
            sender.send(("usage", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, ""))
    except PackError as exc:
        sender.send(("refused", type(exc).__name__, str(exc)))
    except MemoryError:
        sender.send(("memory", "", ""))
    except BaseException as exc:  # a bug in a reader: the window shows it as one (HelperCrashed), never hides it
        sender.send(("crash", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
    else:
        sender.send(("done", draft, ""))
    sender.close()


_context: Any = None


def forkserver_context(preload: list[str]) -> Any:
    """The forkserver the helper processes fork from (started without Qt, never from the window's threads).

    Python 3.12 starts the server with `python -c`, which puts the current folder first on its import path (the
    parent's path is ignored): run from a folder holding an `app` package, the server would import that instead
    of Quorate. PYTHONSAFEPATH, inherited by the server, keeps the current folder off the path."""
    os.environ["PYTHONSAFEPATH"] = "1"
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    return context


def _process_context() -> Any:
    global _context
    if _context is None:
        _context = forkserver_context(["app.packs.reader"])
    return _context


def read_pack_bounded(
    path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    budget: Budget = PACK_BUDGET,
    measured: Callable[[ReadUsage], None] | None = None,
) -> DraftPack:
    """`read_pack` in a helper process that is killed when `cancelled()` turns true (ImportCancelled) or the time
    budget runs out, and that cannot take more than the memory budget (PackError, one sentence each).
    `measured` is told the read's time and the helper's peak memory when the helper finished on its own."""
    name = path.name or str(path)
    started = time.monotonic()
    context = _process_context()
    receiver, sender = context.Pipe(duplex=False)
    helper = context.Process(target=_helper, args=(str(path), budget, sender, os.getpid()), name="quorate-pack-reader")
    helper.start()
    sender.close()
    deadline = time.monotonic() + budget.seconds
    outcome: tuple[Any, ...] | None = None
    try:
        while outcome is None:
            if cancelled is not None and cancelled():
                raise ImportCancelled("Import cancelled.")
            if time.monotonic() > deadline:
                raise PackError(
                    f"{name} took longer than the {budget.seconds:.0f} seconds Quorate allows for reading a board "
                    "pack, so reading it was stopped; nothing was imported."
                )
            if not receiver.poll(0.05):
                if not helper.is_alive() and not receiver.poll(0):
                    outcome = ("died", helper.exitcode, "")
                continue
            try:
                message = receiver.recv()
            except EOFError:
                outcome = ("died", helper.exitcode, "")
                continue
            if message[0] == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif message[0] == "log":
                log.log(message[1], "pack reader: %s", message[2])
            elif message[0] == "usage":
                usage = ReadUsage(time.monotonic() - started, message[1])
                log.info("pack reader: %.1f s, peak memory %d MB", usage.seconds, usage.peak_bytes // MiB)
                if measured is not None:
                    measured(usage)
            else:
                outcome = message
    finally:
        if helper.is_alive():
            helper.kill()
        helper.join()
        receiver.close()
    kind, value, text = outcome
    if kind == "died":
        value = helper.exitcode  # known once joined
    if kind == "done":
        assert isinstance(value, DraftPack)
        return value
    if kind == "refused":
        raise (ImportCancelled if value == "ImportCancelled" else PackError)(text)
    if kind == "crash":
        raise HelperCrashed(f"The pack reader failed on {name}: {value}\n{text}")
    if kind == "memory":
        raise PackError(
            f"{name} needed more than the {budget.memory_bytes // MiB} MB of memory Quorate allows for reading a "
            "board pack, so reading it was stopped; nothing was imported."
        )
    raise PackError(
        f"{name} could not be read: the pack reader stopped (status {value}), perhaps at its "
        f"{budget.memory_bytes // MiB} MB memory limit; nothing was imported."
    )
