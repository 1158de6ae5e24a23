"""The `quorate` and `python -m app` entry point: answers `--version` without loading the program.

`app.cli` imports storage, the pack reader and every command before parsing a single argument (~0.4 s), and the
PDF helper process imports `__main__` again when it starts; this module imports nothing of the program until a
command needs it (issue 20: start-up).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import app


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # what argparse prints for it in app.cli, without importing app.cli
        print(f"quorate {app.__version__}")
        return 0
    from app.cli import main as run

    return run(args if argv is not None else None)
