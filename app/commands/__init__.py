"""Every change a user can make, as a named operation; one transaction each.

The window and the command line both call these, so they behave the same. Each returns
what changed (`Changes`) so a view can redraw only that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import packs, paths
from app.domain import AgendaItem, Meeting, Part
from app.packs import DraftPack
from app.services.minutes import build_minutes
from app.storage import Store, library
from app.storage.library import PackStatus, SearchHit

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Changes:
    meetings: frozenset[int] = field(default_factory=frozenset)
    minutes: frozenset[int] = field(default_factory=frozenset)  # agenda item ids whose minute changed


def accept_draft(store: Store, draft: DraftPack, actor: str = "secretary") -> Meeting:
    """Write a reviewed draft as a new meeting with its agenda and page texts, and keep the pack file
    in the library: all or nothing.

    The file is copied first, outside the transaction (a large pack would otherwise hold the write
    lock while it is copied), and must hash to what the importer read. Then one transaction writes
    the meeting, its items, the page texts (and so the search index) and the `pack_file` row. If the
    copy fails nothing has been written; if the transaction fails, a copy this import made is
    removed again. A crash between the two leaves only a file no row refers to: it is harmless
    (named by its hash, reused by the next import of the same pack) and `sweep_orphans` removes it.
    """
    data_dir = library.data_dir_of(store)
    library.sweep_orphans(store, data_dir)
    kept = library.keep_pack_file(data_dir, Path(draft.source_path), draft.sha256)
    try:
        with store.transaction():
            meeting = _write_meeting(store, draft, actor)
            assert meeting.id is not None
            library.record_pack_file(store, kept, actor)
            library.save_pages(store, meeting.id, draft.pages, actor)
            _add_pack_people(store, meeting.body_id, draft, actor)
    except BaseException:
        library.discard_unrecorded_copy(store, kept)
        raise
    return meeting


def _add_pack_people(store: Store, body_id: int, draft: DraftPack, actor: str) -> None:
    """The people and register rows a pack lists join the body (known names are not duplicated)."""
    from app.commands.people import import_pack_interests, import_pack_people

    report = import_pack_people(store, body_id, draft.people, actor)
    interests = import_pack_interests(store, body_id, draft.interests, actor)
    for warning in (*report.warnings, *interests.warnings):
        log.info("pack import: %s", warning)


def _write_meeting(store: Store, draft: DraftPack, actor: str) -> Meeting:
    """The meeting and its agenda from a draft; part of accept_draft's transaction."""
    with store.transaction():
        body = store.ensure_body(draft.body_name or "Board", actor)
        assert body.id is not None
        meeting = Meeting(
            id=None,
            body_id=body.id,
            title=draft.meeting_title or Path(draft.source_path).stem,
            date=draft.meeting_date,
            start=draft.start,
            venue=draft.venue,
            pack_path=draft.source_path,
            pack_sha256=draft.sha256,
        )
        items = [
            AgendaItem(
                id=None,
                meeting_id=0,
                position=position,
                number=item.number,
                title=item.title,
                presenter=item.presenter,
                purpose=item.purpose,
                planned_time=item.planned_time,
                part=item.part,
                first_page=item.first_page,
                last_page=item.last_page,
            )
            for position, item in enumerate(draft.items)
        ]
        return store.create_meeting(meeting, items, actor)


def import_pack(
    store: Store,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Meeting:
    """Read a pack and save it as a meeting. Bad input raises PackError and writes nothing."""
    return accept_draft(store, packs.read_pack(path, progress=progress, cancelled=cancelled))


def find_meeting_for_pack(store: Store, sha256: str) -> Meeting | None:
    return next((m for m in store.meetings() if m.pack_sha256 == sha256), None)


def search(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    """Search every pack in the library and the meetings' minutes and actions, best match first.

    A query with nothing to search for raises SearchQueryError (a StorageError and a ValueError)."""
    return library.search(store, query, limit)


def verify_pack(store: Store, meeting_id: int) -> PackStatus:
    """Check a meeting's kept pack file before it is opened: ok, missing or changed."""
    return library.verify_pack(store, library.data_dir_of(store), meeting_id)


def edit_minute(store: Store, item_id: int, text: str, actor: str = "secretary") -> Changes:
    store.set_minute(item_id, text, actor)
    return Changes(minutes=frozenset({item_id}))


def export_minutes(store: Store, meeting_id: int, out: Path, part: Part = Part.ONE) -> Path:
    """Render the minutes of one part of a meeting to a PDF file, written atomically."""
    from app.export.minutes_pdf import render_minutes_pdf  # ReportLab loads only when exporting

    document = build_minutes(store.record(meeting_id), part)
    return render_minutes_pdf(document, out)


def ensure_demo_meeting(store: Store) -> int:
    """The bundled demo pack as a meeting: imported once, then reused."""
    draft = packs.read_pack(paths.demo_pack())
    existing = find_meeting_for_pack(store, draft.sha256)
    if existing is not None and existing.id is not None:
        return existing.id
    meeting = accept_draft(store, draft)
    assert meeting.id is not None
    return meeting.id
