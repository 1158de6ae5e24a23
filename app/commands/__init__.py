"""Every change a user can make, as a named operation; one transaction each.

The window and the command line both call these, so they behave the same. Each returns
what changed (`Changes`) so a view can redraw only that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app import packs, paths
from app.domain import AgendaItem, Meeting, Part
from app.packs import DraftPack, PackError
from app.packs.limits import read_pack_bounded
from app.packs.model import DraftAction
from app.services.live import recommendations_in
from app.storage import Store, library
from app.storage.library import KeptPack, PackStatus, SearchHit, TabledPaper
from app.storage.live import LiveWriter

if TYPE_CHECKING:
    from app.commands.people import ImportReport, Placement, PossibleDuplicate, Unplaced

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Changes:
    meetings: frozenset[int] = field(default_factory=frozenset)
    minutes: frozenset[int] = field(default_factory=frozenset)  # agenda item ids whose minute changed


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What saving a reviewed pack did: the meeting, and what joined the body and the library with it."""

    meeting: Meeting
    people: ImportReport
    interests: ImportReport
    tabled: tuple[TabledPaper, ...] = ()
    warnings: tuple[str, ...] = ()  # things the secretary may want to check, in plain words

    @property
    def possible_duplicates(self) -> tuple[PossibleDuplicate, ...]:
        return self.people.possible_duplicates

    @property
    def unplaced(self) -> tuple[Unplaced, ...]:
        """Initials and register rows the import could not place by itself, each with what was done."""
        return (*self.people.unplaced, *self.interests.unplaced)


def accept_draft(store: Store, draft: DraftPack, actor: str = "secretary") -> Meeting:
    """Write a reviewed draft as a new meeting; `accept_reviewed` without choices, returning the meeting."""
    return accept_reviewed(store, draft, actor=actor).meeting


def accept_reviewed(
    store: Store,
    draft: DraftPack,
    *,
    people_choices: Mapping[str, int | None] | None = None,
    tabled_papers: Mapping[int, Path | str] | None = None,
    placements: Mapping[str, Placement] | None = None,
    actor: str = "secretary",
) -> ImportResult:
    """Write a reviewed draft as a new meeting with its agenda and page texts, and keep the pack file
    in the library: all or nothing.

    `people_choices` says, for each name in the pack's attendance that looks like someone the body already
    has, which person it is (kept as their alias) or None for a new person; names without a choice are
    merged only when very close (see `people.import_pack_people`). `tabled_papers` maps a position in
    `draft.items` to a paper tabled on the day: it is kept in the library like the pack, its text is
    indexed for search, and it is linked to that item. `placements` says, by `Unplaced.key`, what to do with
    each register row or initials the importer cannot place itself (see `pack_unplaced`).

    The files are copied first, outside the transaction (a large pack would otherwise hold the write
    lock while it is copied), and the pack must hash to what the importer read. Then one transaction writes
    the meeting, its items, the page texts (and so the search index), the `pack_file` rows, the people and
    the tabled papers. If a copy fails nothing has been written; if the transaction fails, the copies this
    import made are removed again. A crash between the two leaves only files no row refers to: they are
    harmless (named by their hash, reused by the next import of the same file) and `sweep_orphans`
    removes them.
    """
    data_dir = library.data_dir_of(store)
    library.sweep_orphans(store, data_dir)
    papers = _read_tabled(draft, tabled_papers or {})
    kept_copies: list[KeptPack] = []
    try:
        kept = library.keep_pack_file(store, Path(draft.source_path), draft.sha256)
        kept_copies.append(kept)
        tabled_kept = []
        for position, path, pages, _warning in papers:
            tabled_kept.append((position, library.keep_tabled_paper(store, path), pages))
            kept_copies.append(tabled_kept[-1][1])
        with store.transaction():
            meeting = _write_meeting(store, draft, actor)
            assert meeting.id is not None
            library.record_pack_file(store, kept, actor)
            library.save_pages(store, meeting.id, draft.pages, actor)
            people, interests = _add_pack_people(store, meeting.body_id, draft, actor, people_choices, placements)
            _keep_tracker(store, meeting.id, draft, actor)
            item_ids = [item.id for item in store.items(meeting.id)]
            for position, paper, pages in tabled_kept:
                library.record_tabled_paper(store, meeting.id, item_ids[position], paper, pages, actor)
            tabled = tuple(library.tabled_papers(store, meeting.id))
    except BaseException:
        for copy in kept_copies:
            library.discard_unrecorded_copy(store, copy)
        raise
    warnings = (*people.warnings, *interests.warnings, *(w for *_rest, w in papers if w))
    return ImportResult(meeting, people, interests, tabled, tuple(warnings))


def _tracker_status(action: DraftAction) -> str:
    written = action.status.casefold()
    if "closed" in written or action.rag == "blue":
        return "closed"
    if "complete" in written or action.rag == "green":
        return "complete"
    return "open"


def _keep_tracker(store: Store, meeting_id: int, draft: DraftPack, actor: str) -> None:
    """The pack's action tracker becomes the body's open actions, so numbering and the tracker view go on from it.

    An action the body already holds under the same number (raised live at an earlier meeting, or read from
    an earlier pack) is brought up to date from the tracker rather than added twice."""
    writer = LiveWriter(store, meeting_id, actor)
    known = {a.number: a for a in writer.body_actions()}
    for action in draft.actions:
        if not action.number or not action.action:
            continue
        row = {
            "text": action.action,
            "owners": ";".join(action.owners),
            "due": action.deadline.parsed.isoformat() if action.deadline.parsed else None,
            "status": _tracker_status(action),
            "rag": action.rag if action.rag in ("red", "amber", "green", "blue") else "",
        }
        existing = known.get(action.number)
        if existing is not None and existing.id is not None:
            writer.update("action", existing.id, row)
        else:
            writer.insert("action", {"meeting_id": meeting_id, "number": action.number, "origin": "tracker", **row})


def _read_tabled(draft: DraftPack, tabled: Mapping[int, Path | str]) -> list[tuple[int, Path, list[str], str]]:
    """Each tabled paper's position, path, page texts and a warning when its text could not be read."""
    found = []
    for position, raw in sorted(tabled.items()):
        if not 0 <= position < len(draft.items):
            raise PackError(f"A tabled paper was attached to item {position + 1}, which the agenda does not have.")
        path = Path(raw)
        if not path.is_file():
            raise PackError(f"The tabled paper {path.name} could not be found; attach it again.")
        pages, warning = paper_pages(path)
        if warning:
            warning = f"Item {draft.items[position].number or position + 1}: {warning}"
        found.append((position, path, pages, warning))
    return found


def paper_pages(path: Path) -> tuple[list[str], str]:
    """The text of a paper's pages for search, and a warning when none could be read.

    PDF (PDFium, else pypdf), Word .docx (its paragraphs and tables as one page) and plain text or
    markdown (form feeds, else runs of lines, as a text pack is paged). Other files are kept but not
    searchable."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PackError(f"The tabled paper {name} could not be read: {exc.strerror or exc}.") from exc
    unreadable = f"the text of {name} could not be read, so it is kept but will not be found by search."
    if b"%PDF-" in data[:1024]:
        from app.packs.pdf import extract_pages, fast_page_texts, open_pdf

        try:
            reader, count = open_pdf(data, name)
            texts = fast_page_texts(data, 0, count, name, None, None)
            if texts is None:
                texts = extract_pages(reader, count, name, None, None, layout=False)
        except PackError:
            return [], unreadable
        return texts, ("" if any(t.strip() for t in texts) else unreadable)
    if path.suffix.lower() == ".docx":
        return _docx_pages(path, unreadable)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], unreadable
    if "\x00" in text:
        return [], unreadable
    from app.packs.reader import text_pages

    pages, _lines = text_pages(text.replace("\r\n", "\n").replace("\r", "\n"))
    return pages, ("" if text.strip() else unreadable)


def _docx_pages(path: Path, unreadable: str) -> tuple[list[str], str]:
    try:
        import docx

        document = docx.Document(str(path))
    except Exception:  # python-docx raises many types for a damaged or mislabelled file
        return [], unreadable
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    text = "\n".join(lines)
    return ([text], "") if text.strip() else ([], unreadable)


def _add_pack_people(
    store: Store,
    body_id: int,
    draft: DraftPack,
    actor: str,
    choices: Mapping[str, int | None] | None = None,
    placements: Mapping[str, Placement] | None = None,
) -> tuple[ImportReport, ImportReport]:
    """The people and register rows a pack lists join the body (known and merged names are not duplicated)."""
    from app.commands.people import import_pack_interests, import_pack_people

    report = import_pack_people(store, body_id, draft.people, actor, choices, placements)
    interests = import_pack_interests(store, body_id, draft.interests, actor, placements)
    if report.warnings or interests.warnings:  # the warnings name people: shown to the user, counted here
        log.info("pack import: %d warnings about people", len(report.warnings) + len(interests.warnings))
    return report, interests


def pack_duplicates(store: Store, draft: DraftPack) -> tuple[PossibleDuplicate, ...]:
    """Names in the pack's attendance that look like people its body already has; nothing is written."""
    from app.commands.people import find_pack_duplicates

    return find_pack_duplicates(store, draft.body_name or "Board", draft.people)


def pack_unplaced(store: Store, draft: DraftPack) -> tuple[Unplaced, ...]:
    """Register rows and initials in the pack the import cannot place by itself, for the review to ask about."""
    from app.commands.people import find_unplaced

    return find_unplaced(store, draft.body_name or "Board", draft.people, draft.interests)


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
    return import_pack_result(store, path, progress, cancelled).meeting


def import_pack_result(
    store: Store,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """`import_pack` with what it did: names that looked like known people are merged only when very close
    and are listed in `possible_duplicates` either way, for a person to look at."""
    # read in a helper process with a time and memory budget (app/packs/limits.py); nothing is written on refusal
    return accept_reviewed(store, read_pack_bounded(path, progress=progress, cancelled=cancelled))


def find_meeting_for_pack(store: Store, sha256: str) -> Meeting | None:
    return next((m for m in store.meetings() if m.pack_sha256 == sha256), None)


def search(store: Store, query: str, limit: int = 20, owner: str | None = None) -> list[SearchHit]:
    """Search every pack in the library and the meetings' minutes and actions, best match first, with the notes
    of `owner` (by default the member reading on this device; "" for no one's).

    A query with nothing to search for raises SearchQueryError (a StorageError and a ValueError)."""
    return library.search(store, query, limit, owner)


def paper_recommendations(store: Store, item: AgendaItem, pages: int = 6) -> list[str]:
    """What the item's paper asks the board to do (from its cover sheet), to prefill a motion."""
    if item.first_page is None:
        return []
    last = min(item.last_page or item.first_page, item.first_page + pages - 1)
    texts = [library.page_text(store, item.meeting_id, page) or "" for page in range(item.first_page, last + 1)]
    return recommendations_in(texts)


def verify_pack(store: Store, meeting_id: int) -> PackStatus:
    """Check a meeting's kept pack file before it is opened: ok, missing or changed."""
    return library.verify_pack(store, library.data_dir_of(store), meeting_id)


def open_pack(store: Store, meeting_id: int) -> tuple[PackStatus, bytearray | None]:
    """A meeting's kept pack file, checked and (in an encrypted library) decrypted in memory: never on disk."""
    return library.open_pack(store, library.data_dir_of(store), meeting_id)


def edit_minute(store: Store, item_id: int, text: str, actor: str = "secretary") -> Changes:
    store.set_minute(item_id, text, actor)
    return Changes(minutes=frozenset({item_id}))


def export_minutes(store: Store, meeting_id: int, out: Path, part: Part = Part.ONE) -> Path:
    """Render the minutes of one part of a meeting to a PDF file, written atomically."""
    from app.commands.signing import export_minutes_pdf  # ReportLab loads only when exporting

    return export_minutes_pdf(store, meeting_id, out, part).out  # approved minutes: the export is recorded


def ensure_demo_meeting(store: Store) -> int:
    """The bundled demo pack as a meeting: imported once, then reused."""
    draft = packs.read_pack(paths.demo_pack())
    meeting = find_meeting_for_pack(store, draft.sha256) or accept_draft(store, draft)
    assert meeting.id is not None
    return meeting.id


def start_demo(store: Store) -> int:
    """What `quorate --demo` opens: the demo meeting, its body on the rule preset its kind of body uses (with its
    source) rather than the bare default. (Tests that reason about the default quorum use `ensure_demo_meeting`.)"""
    from app.domain import PRESETS, RuleSet, rules_to_dict
    from app.storage.people import set_body_rules

    meeting_id = ensure_demo_meeting(store)
    body_id = store.meeting(meeting_id).body_id
    if rules_to_dict(store.body(body_id).rules) == rules_to_dict(RuleSet()):  # never overwrite rules someone set
        set_body_rules(store, body_id, PRESETS[paths.DEMO_RULES_PRESET])
    return meeting_id
