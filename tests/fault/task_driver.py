"""The process the fault tests kill: a fork server that runs one Quorate operation per request.

    python -m tests.fault.task_driver DATA_DIR [--light]

It imports everything the operations need once (pack readers, ReportLab, python-docx, pyHanko) and never
imports Qt, prints "ready", then for each JSON request on stdin forks a child that opens DATA_DIR's database
itself and runs the request. The child prints "started PID" before it starts (so a kill can land anywhere,
opening the database included), "progress N" where an operation has steps, then "done"; the server prints
"exit STATUS" when the child ends, finished or killed. Requests:

    {"task": "import", "pack": PATH}                                   import a pack as a new meeting
    {"task": "pdf" | "docx", "meeting": ID, "out": PATH}               export the minutes
        with "cut_write_at": N, the export's process is killed (SIGXFSZ, by RLIMIT_FSIZE) by the write that
        takes any file past N bytes: the kill lands in the write of the export itself
    {"task": "sign", "pdf": PATH, "key": P12, "passphrase": S, "out": PATH}
    {"task": "encrypt", "passphrase": S}                               encrypt the plain library (the upgrade)
    {"task": "rekey", "old": S, "new": S}                              change the encrypted library's passphrase
    {"task": "minutes", "items": [ID, ...], "count": N, "tag": T, "lock": BOOL}
        N minute saves in turn over the items, "progress K" after each committed save; with "lock", each save
        holds the data folder's lock as a command-line command does (tests of two processes on one folder)

Forking keeps many kills cheap: each run is a real process with its own SQLite connection, without paying
for a fresh interpreter and its imports each time.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path
from typing import Any

from app import commands
from app.commands import exports, signing
from app.storage import StorageError, Store
from app.storage.encryption import change_passphrase, open_library, unlock
from app.storage.lock import DataFolderLock


def _warm_up() -> None:
    """Load the heavy libraries in the server, so a child's time goes on the operation itself."""
    import app.export.minutes_docx
    import app.export.minutes_pdf
    import app.export.signing
    import app.packs.pdf
    import app.packs.reader  # noqa: F401


def _minutes(data_dir: Path, request: dict[str, Any]) -> None:
    items: list[int] = request["items"]
    store: Store | None = None
    for n in range(int(request["count"])):
        text = f"{request['tag']} save {n}"
        item = items[n % len(items)]
        while True:
            try:
                if request.get("lock"):
                    with DataFolderLock(data_dir, wait=30):
                        store = store or Store.open(data_dir / "quorate.db")
                        commands.edit_minute(store, item, text)
                else:
                    store = store or Store.open(data_dir / "quorate.db")
                    commands.edit_minute(store, item, text)
            except StorageError as exc:  # only without the lock: SQLite refused a write another process raced
                print(f"refused {exc}", flush=True)
                continue
            break
        print(f"progress {n + 1} {item} {text}", flush=True)
    if store is not None:
        store.close()


def _cut_writes_at(size: int) -> None:
    """From here on, a write taking any file past `size` bytes kills this process (Python ignores SIGXFSZ)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


def _child(data_dir: Path, request: dict[str, Any]) -> None:
    print(f"started {os.getpid()}", flush=True)
    task = request["task"]
    if task == "minutes":
        _minutes(data_dir, request)
    elif task == "sign":
        signing.sign(Path(request["pdf"]), Path(request["key"]), request["passphrase"], Path(request["out"]))
    elif task == "encrypt":
        open_library(data_dir / "quorate.db", request["passphrase"]).close()
    elif task == "rekey":
        database = data_dir / "quorate.db"
        change_passphrase(database, unlock(database, request["old"]), request["old"], request["new"])
    else:
        store = Store.open(data_dir / "quorate.db")
        if task == "import":
            meeting = commands.import_pack(store, Path(request["pack"]))
            print(f"meeting {meeting.id}", flush=True)
        elif task in ("pdf", "docx"):
            if request.get("cut_write_at"):
                _cut_writes_at(int(request["cut_write_at"]))
            if task == "pdf":
                commands.export_minutes(store, int(request["meeting"]), Path(request["out"]))
            else:
                exports.export_minutes_docx(store, int(request["meeting"]), Path(request["out"]))
        else:
            raise ValueError(f"unknown task {task}")
        store.close()
    print("done", flush=True)


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0])
    if "--light" not in argv:  # minute saves need none of the heavy libraries
        _warm_up()
    if "PySide6" in sys.modules:
        print("the task driver imported PySide6", file=sys.stderr)
        return 1
    print("ready", flush=True)
    for command in sys.stdin:
        if not command.strip():
            break
        request = json.loads(command)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                _child(data_dir, request)
            except BaseException as exc:
                print(f"failed {type(exc).__name__}: {exc}", flush=True)
                code = 1
            sys.stdout.flush()
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
