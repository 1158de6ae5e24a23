"""The one root for refusals: what the user asked for cannot be done, and one plain sentence says why and what to do.

There are two kinds of error in Quorate. A refusal (a `Refusal`, or a subclass such as `StorageError`, `PackError`,
`LiveError`) is expected: the window shows its sentence in red and the command line prints it and exits 1. Anything
else (`ValueError` from `int('')`, `KeyError`, `AttributeError`…) is a bug: it is logged with its traceback and
shown in the crash dialog, never dressed up as a sentence. So the window and the command line catch `Refusal` (and
`OSError` where they write files), never a broad built-in; code that parses what the user typed catches the
library's specific exception at that spot and raises a `Refusal` naming what was wrong.
"""

from __future__ import annotations


class Refusal(Exception):
    """Something the user asked for that cannot be done; `str(refusal)` is the one sentence to show them."""


class InvalidValue(Refusal, ValueError):
    """A value the user gave (a rule, a house-style field, a date typed in a table) that cannot be right; the
    sentence names the field. Also a `ValueError`, as Python's own checks of a dataclass's fields are."""
