"""Remembering a library's passphrase in the operating system's keyring (only when the user ticks "remember").

Through the `keyring` package: the macOS Keychain, Windows Credential Locker, or the Secret Service (GNOME Keyring,
KWallet) over the desktop's local D-Bus socket. One entry per data folder, named by its full path. A computer
with no keyring simply has nothing remembered: every call here fails quietly (logged by kind, never the secret)
and the passphrase is asked for instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

SERVICE = "Quorate library"


def _account(data_dir: Path) -> str:
    return str(data_dir.resolve())


def recall(data_dir: Path) -> str | None:
    """The passphrase remembered for this data folder, or None (nothing remembered, or no keyring here)."""
    import keyring
    import keyring.errors

    try:
        found = keyring.get_password(SERVICE, _account(data_dir))
    except (keyring.errors.KeyringError, OSError) as exc:  # no keyring here, locked, refused, no D-Bus: no bug
        log.info("no passphrase from the keyring (%s)", type(exc).__name__)
        return None
    return found if isinstance(found, str) and found else None


def remember(data_dir: Path, passphrase: str) -> bool:
    """Store the passphrase for this data folder; False when this computer has no usable keyring."""
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, _account(data_dir), passphrase)
    except (keyring.errors.KeyringError, OSError) as exc:  # see recall()
        log.warning("could not remember the passphrase in the keyring (%s)", type(exc).__name__)
        return False
    return True


def forget(data_dir: Path) -> None:
    """Remove a remembered passphrase (nothing happens when there is none)."""
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, _account(data_dir))
    except (keyring.errors.KeyringError, OSError) as exc:  # see recall(): PasswordDeleteError when none was there
        log.info("nothing forgotten in the keyring (%s)", type(exc).__name__)
