"""Board-pack importers: a file in, a `DraftPack` out. No UI, no SQL."""

from app.packs.model import DraftItem, DraftPack, DraftPerson, ImportCancelled, PackError
from app.packs.reader import read_pack

__all__ = ["DraftItem", "DraftPack", "DraftPerson", "ImportCancelled", "PackError", "read_pack"]
