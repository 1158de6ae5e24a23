"""Errors of the exporters that the window catches without loading the exporters (and their heavy imports)."""

from __future__ import annotations

from app.errors import Refusal


class SigningError(Refusal):
    """A key, certificate or PDF that cannot be used for signing or verifying; the text is one sentence."""
