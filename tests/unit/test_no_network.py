"""Quorate never opens a network connection: the guard every test (and the app) runs under."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request

import pytest

from app import netguard
from tests.conftest import DEMO_PACK, REPO


def test_connecting_anywhere_is_refused() -> None:
    before = len(netguard.attempts)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(netguard.NetworkRefused):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: would go nowhere anyway
    with pytest.raises(netguard.NetworkRefused):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(OSError, match="offline"):
        urllib.request.urlopen("http://example.org/", timeout=1)
    assert len(netguard.attempts) >= before + 3


def test_local_unix_sockets_still_work(tmp_path) -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        a.sendall(b"ok")
        assert b.recv(2) == b"ok"


def test_the_command_line_installs_the_guard(tmp_path) -> None:
    """A whole CLI run (import, minutes export) under the guard; a probe after main() shows it stayed on."""
    probe = (
        "import sys, socket\n"
        "from app import cli\n"
        f"code = cli.main(['--data-dir', {str(tmp_path)!r}, 'import', {str(DEMO_PACK)!r}])\n"
        "assert code == 0, code\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
        "except OSError as exc:\n"
        "    print('refused:', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120, check=True
    )
    assert "refused: Quorate works offline" in done.stdout
