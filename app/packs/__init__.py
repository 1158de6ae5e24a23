"""Board-pack importers: a file in, a `DraftPack` out. No UI, no SQL."""

from app.packs.json_view import draft_to_json
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
from app.packs.reader import read_pack

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
