"""Files that carry a meeting between devices: meeting bundles, answers files and a member's notes (issue 19).

The format is documented in docs/bundle-format.md: a ZIP file (stored, not compressed) holding a clear
`envelope.json` (ids and how to unlock, nothing confidential) and, per variant, a signed manifest (JWS, RFC 7515)
and the files it lists, each encrypted (AES-256-GCM in chunks, as the library's kept files are). No Qt, no SQL:
`app.commands.members` reads and writes the library around these.

**Refusals** are `BundleRefused` and its kinds below: one plain sentence each, raised before anything is written,
so a refused file never changes the library.
"""

from __future__ import annotations


class BundleRefused(Exception):
    """A bundle, answers file or notes file that cannot be used; the message is one sentence, nothing was changed."""


class BundleDamaged(BundleRefused):
    """Not a bundle, cut short, changed after it was made, or its parts disagree."""


class BundleUnsigned(BundleRefused):
    """A meeting bundle without the publisher's signature."""


class BundleUntrusted(BundleRefused):
    """Signed, but by a certificate this device does not trust (or one no longer valid)."""


class BundleNotForYou(BundleRefused):
    """The passphrase or key given does not open any part of it."""


class BundleOtherBody(BundleRefused):
    """For a body or a meeting other than the one it is being applied to."""


class BundleOlder(BundleRefused):
    """Older than what this device already holds of the same meeting (or member)."""


__all__ = [
    "BundleDamaged",
    "BundleNotForYou",
    "BundleOlder",
    "BundleOtherBody",
    "BundleRefused",
    "BundleUnsigned",
    "BundleUntrusted",
]
