"""Board-pack importers: a file in, a `DraftPack` out. No UI, no SQL.

The readers (pypdf, rapidfuzz) load on first use, not on import, so the window and the
command line start without paying for them.
"""

from typing import TYPE_CHECKING, Any

from app.packs.model import (
    DraftAction,
    DraftDate,
    DraftInterest,
    DraftItem,
    DraftPack,
    DraftPaper,
    DraftPerson,
    DraftPlannerRow,
    ImportCancelled,
    PackError,
)

if TYPE_CHECKING:
    from app.packs.json_view import draft_to_json
    from app.packs.reader import read_pack


def __getattr__(name: str) -> Any:
    if name == "read_pack":
        from app.packs.reader import read_pack

        return read_pack
    if name == "draft_to_json":
        from app.packs.json_view import draft_to_json

        return draft_to_json
    raise AttributeError(f"module 'app.packs' has no attribute {name!r}")


__all__ = [
    "DraftAction",
    "DraftDate",
    "DraftInterest",
    "DraftItem",
    "DraftPack",
    "DraftPaper",
    "DraftPerson",
    "DraftPlannerRow",
    "ImportCancelled",
    "PackError",
    "draft_to_json",
    "read_pack",
]
