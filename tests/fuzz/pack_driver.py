"""Reads fuzzed packs, each in a forked child with a time bound.

    python -m tests.fuzz.pack_driver TIMEOUT [WARM_UP_PACK ...]

The warm-up packs are read once in the server first, so the readers' lazy set-up is paid before any fork.

For each path on stdin the server forks a child that runs what `quorate agenda --json` runs (`read_pack`, then
`draft_to_json`, then `json.dumps`) and sends back one JSON line: "ok", "pack_error" with the message, or "crash"
with the traceback. A child still running after TIMEOUT seconds is killed and reported as "hang"; one that dies
on its own (a signal, out of memory under its address-space limit) as "died". Each line carries the child's time
and peak resident memory. The server never imports Qt.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

from app.packs import PackError
from app.packs.json_view import draft_to_json
from app.packs.reader import read_pack

MEMORY_LIMIT = 3 << 30  # a child that wants more than 3 GB of address space is a finding, not a machine to swap


def _read(path: Path) -> dict[str, str]:
    try:
        json.dumps(draft_to_json(read_pack(path)), ensure_ascii=False)
    except PackError as exc:
        return {"result": "pack_error", "message": str(exc)[:20000], "type": type(exc).__name__}
    except BaseException as exc:
        # kept short: the child writes into a pipe the server reads only once the child has ended
        message = f"{type(exc).__name__}: {exc}"[:2000]
        return {"result": "crash", "message": message, "traceback": traceback.format_exc()[-20000:]}
    return {"result": "ok"}


def _run(path: Path, timeout: float) -> dict[str, object]:
    reader, writer = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        outcome = json.dumps(_read(path)).encode("utf-8")
        with os.fdopen(writer, "wb") as out:
            out.write(outcome)
        os._exit(0)
    os.close(writer)
    status = None
    peak_mb = 0
    while status is None:
        done, code, usage = os.wait4(pid, os.WNOHANG)
        if done:
            status = code
            peak_mb = usage.ru_maxrss // 1024  # KiB on Linux
        elif time.perf_counter() - started > timeout:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(reader)
            return {"result": "hang", "seconds": round(time.perf_counter() - started, 3)}
        else:
            time.sleep(0.002)
    with os.fdopen(reader, "rb") as handle:
        raw = handle.read()
    seconds = round(time.perf_counter() - started, 3)
    if not raw:
        return {"result": "died", "status": status, "seconds": seconds, "peak_mb": peak_mb}
    return {**json.loads(raw), "seconds": seconds, "peak_mb": peak_mb}


def _warm_up(packs: list[str]) -> None:
    """Load the readers once, here, before any fork (they load lazily in the app)."""
    for pack in packs:
        _read(Path(pack))


def main(argv: list[str]) -> int:
    timeout = float(argv[0])
    if "PySide6" in sys.modules:
        print("the fuzz driver imported PySide6", file=sys.stderr)
        return 1
    _warm_up(argv[1:])
    print("ready", flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        path = Path(line.strip())
        print(json.dumps({"path": str(path), **_run(path, timeout)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
