"""The library's housekeeping: a pack imported twice, archiving and deleting meetings, removing old papers."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain import Meeting
from app.packs import DraftPack
from app.storage import Store, meeting_admin, retention
from app.storage.retention import PurgeReport


@dataclass(frozen=True, slots=True)
class AlreadyInLibrary:
    """A meeting the pack being imported may already be: the very same file, or the same meeting (date and
    title) from a different file, which is then most likely a revised pack."""

    meeting: Meeting
    same_file: bool

    def sentence(self, file_name: str) -> str:
        when = f" on {self.meeting.date:%d %B %Y}" if self.meeting.date else ""
        if self.same_file:
            return f"{file_name} is already in the library as “{self.meeting.title}”{when}."
        return (
            f"The library already has “{self.meeting.title}”{when}, from another file: {file_name} may be a "
            "revised pack for it."
        )


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def already_in_library(store: Store, draft: DraftPack) -> AlreadyInLibrary | None:
    """The meeting this draft duplicates, if any: the same file first, else the same date and title."""
    meetings = store.meetings()
    same_file = next((m for m in meetings if m.pack_sha256 and m.pack_sha256 == draft.sha256), None)
    if same_file is not None:
        return AlreadyInLibrary(same_file, True)
    same_meeting = next(
        (
            m
            for m in meetings
            if draft.meeting_date is not None
            and m.date == draft.meeting_date
            and _same_title(m.title, draft.meeting_title)
        ),
        None,
    )
    return AlreadyInLibrary(same_meeting, False) if same_meeting is not None else None


def archived_meetings(store: Store) -> frozenset[int]:
    return meeting_admin.archived_ids(store)


def archive_meeting(store: Store, meeting_id: int, archived: bool = True, actor: str = "secretary") -> None:
    meeting_admin.set_archived(store, meeting_id, archived, actor)


def delete_meeting(store: Store, meeting_id: int, actor: str = "secretary") -> None:
    """Refused with RecordLocked for signed minutes, or a meeting another meeting's record points at."""
    meeting_admin.delete_meeting(store, meeting_id, actor)


def retention_settings(store: Store) -> list[tuple[str, int | None, int | None]]:
    """Each body's retention setting: (name, years packs are kept, years Part II papers are kept); None: for good."""
    from app.storage.bodies import bodies

    return [(b.name, b.rules.keep_packs_years, b.rules.keep_part2_years) for b in bodies(store)]


def purge_by_rules(store: Store, actor: str = "secretary") -> PurgeReport:
    """Remove the packs and Part II papers each body's retention setting says are due to go (see retention)."""
    return retention.purge_by_rules(store, actor=actor)
