"""The app never opens a network connection: a process-wide guard that refuses any attempt.

Installed first thing by the command line and the window (and by the test suite for every test). It uses
an audit hook (PEP 578), which sees every socket connect and name lookup made from Python, including from
libraries such as pyHanko that could otherwise fetch revocation data. Local Unix-domain sockets (used by
the desktop for IPC) are allowed; nothing that could leave the machine is.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

_installed = False
attempts: list[str] = []  # what was refused, for the log and the tests


class NetworkRefused(OSError):
    """Quorate works offline only; something tried to reach the network."""


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.connect" or event == "socket.sendto":
        sock = args[0]
        if getattr(sock, "family", None) == socket.AF_UNIX:
            return
        what = f"{event} to {args[1]!r}"
    elif event == "socket.getaddrinfo" or event == "socket.gethostbyname":
        what = f"{event} for {args[0]!r}"
    else:
        return
    attempts.append(what)
    raise NetworkRefused(f"Quorate works offline and refused a network connection ({what}).")


def install() -> None:
    """Refuse network access for the rest of this process (audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
