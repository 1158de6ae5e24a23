"""A member's private annotations on a pack: add, edit, flag, place, search, share (issue 7).

Annotations belong to one member (`owner`: the name chosen in the reader, by default the computer's user)
and are kept only in this database: never in the pack file and never in minutes exports. Sharing is always
an explicit export: a readable PDF of notes and questions, a small JSON file another copy of Quorate can
import, or a copy of the pack with the marks burned in for printing. Anything on a Part II (confidential)
item is exported only with `include_part2=True` (the window asks first), and then carries a confidential band.

A revised pack re-anchors annotations by their quote (app/commands/revise.py); the reader then measures the
words again on their new page (`reposition`), and the few that could not be placed are listed (`unplaced`)
for the member to place on a page or discard.
"""

from __future__ import annotations

import getpass
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.commands import file_schemas
from app.domain import AgendaItem, Annotation, Meeting, Part
from app.domain.annotations import COLOURS, AnnotationKind, Point, Rect, quote_context
from app.errors import Refusal
from app.export.files import write_atomically
from app.packs.limits import NOTES_MAX_BYTES, read_input_or
from app.storage import Store, library, member_notes
from app.storage import annotations as storage
from app.storage.library import SearchHit

FILE_FORMAT = "quorate-annotations"
FILE_VERSION = 1
MAX_FILE_BYTES = NOTES_MAX_BYTES


class AnnotationError(Refusal):
    """A request about annotations that cannot be done; the message is one plain sentence."""


class AnnotationFileError(AnnotationError):
    """An annotations file that cannot be imported (damaged, or for another pack); nothing was changed."""


class ConfidentialExport(AnnotationError):
    """The export includes Part II (confidential) content and was not confirmed; nothing was written."""


class WrongNotesPassphrase(AnnotationError):
    """The passphrase given is not the member's own notes passphrase; nothing is shown or changed."""


NotesLocked = member_notes.NotesLocked  # a protected member's notes, asked for before their passphrase was given
MIN_NOTES_PASSPHRASE = 8


def notes_protected(store: Store, owner: str) -> bool:
    """Whether the member protected their notes with a passphrase of their own (issue 18)."""
    return member_notes.protected(store, owner)


def notes_unlocked(store: Store, owner: str) -> bool:
    """Whether the member's notes passphrase was given this session (kept in memory only)."""
    return member_notes.unlocked(store, owner)


def unlock_notes(store: Store, owner: str, passphrase: str) -> None:
    """Open a protected member's notes for this session; a wrong passphrase is refused and shows nothing."""
    name = " ".join(owner.split())
    if not member_notes.protected(store, name):
        raise AnnotationError(f"{name}'s notes are not protected by a passphrase; there is nothing to unlock.")
    if not member_notes.unlock(store, name, passphrase):
        raise WrongNotesPassphrase(f"That is not {name}'s notes passphrase; nothing is shown.")


def protect_notes(store: Store, owner: str, passphrase: str, current: str | None = None) -> int:
    """Protect the member's notes with a passphrase of their own (or change it: `current` is the one they have),
    sealing every note of theirs under it; returns how many notes were sealed."""
    name = " ".join(owner.split())
    if len(passphrase) < MIN_NOTES_PASSPHRASE:
        raise AnnotationError(
            f"A notes passphrase must be at least {MIN_NOTES_PASSPHRASE} characters long; nothing was changed."
        )
    if member_notes.protected(store, name) and not member_notes.unlocked(store, name):
        unlock_notes(store, name, current or "")
    return member_notes.protect(store, name, passphrase, name)


def lock_notes(store: Store, owner: str | None = None) -> None:
    """Forget a member's notes passphrase for this session (everyone's when `owner` is None)."""
    member_notes.lock(store, owner)


def default_owner() -> str:
    """The computer's user name, as the member a new reader starts with."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        name = ""
    return name.strip() or "Me"


def choose_member(store: Store, name: str) -> str:
    """Note who is reading on this device (their notes are the ones search includes); returns the name."""
    name = " ".join(name.split())
    if not name:
        raise AnnotationError("Type the name of the member whose notes these are.")
    storage.set_reader_member(store, name, name)
    return name


def current_member(store: Store) -> str:
    return storage.reader_member(store) or default_owner()


def item_for_page(items: Sequence[AgendaItem], page: int) -> AgendaItem | None:
    """The narrowest agenda item whose pack pages hold `page` (a sub-item before its section)."""
    best: tuple[tuple[int, int], AgendaItem] | None = None
    for position, item in enumerate(items):
        if item.first_page is None:
            continue
        last = item.last_page or item.first_page
        if item.first_page <= page <= last:
            key = (last - item.first_page, -position)
            if best is None or key < best[0]:
                best = (key, item)
    return best[1] if best else None


def annotate(
    store: Store,
    meeting_id: int,
    owner: str,
    kind: AnnotationKind,
    page: int,
    *,
    page_text: str | None = None,
    start: int = -1,
    end: int = -1,
    quote: str = "",
    rects: Sequence[Rect] = (),
    ink: Sequence[Sequence[Point]] = (),
    note: str = "",
    colour: str = "yellow",
    item_id: int | None = None,
    raise_at_meeting: bool = False,
) -> Annotation:
    """Add one annotation by `owner` on a page of a meeting's pack (pages from 1).

    For marks on words give the page's text and the selected span [start, end): the quote and about 40
    characters of context either side are cut from it (or give `quote` alone). The item is the one whose
    pages hold `page` unless given; a note on an item (ITEM_NOTE) needs `item_id`."""
    meeting = store.meeting(meeting_id)
    if colour not in COLOURS:
        raise AnnotationError(f"“{colour}” is not a highlighter colour; use one of {', '.join(COLOURS)}.")
    if kind is AnnotationKind.ITEM_NOTE and item_id is None:
        raise AnnotationError("A note on an item needs the item.")
    prefix = suffix = ""
    if page_text is not None and 0 <= start < end:
        context = quote_context(page_text, start, end)
        quote, prefix, suffix = context.quote, context.prefix, context.suffix
    if kind.on_words and not quote.strip():
        raise AnnotationError("Select some words on the page first.")
    if kind in (AnnotationKind.NOTE, AnnotationKind.ITEM_NOTE) and not note.strip():
        raise AnnotationError("Type the note first.")
    items = store.items(meeting_id)
    if item_id is None:
        found = item_for_page(items, page)
        item_id = found.id if found else None
    annotation = Annotation(
        id=None,
        meeting_id=meeting_id,
        owner=owner,
        page=page,
        quote=" ".join(quote.split()),
        prefix=prefix,
        suffix=suffix,
        note=note.strip(),
        colour=colour,
        item_id=item_id,
        raise_at_meeting=raise_at_meeting,
        kind=kind,
        rects=tuple(rects),
        ink=tuple(tuple(stroke) for stroke in ink),
        char_start=start if page_text is not None else -1,
        anchored_sha256=meeting.pack_sha256,
    )
    return storage.add(store, annotation, owner)


def member_annotations(store: Store, meeting_id: int, owner: str) -> list[Annotation]:
    """One member's annotations on a meeting's pack, by page."""
    return storage.for_meeting(store, meeting_id, owner)


def annotation(store: Store, annotation_id: int) -> Annotation:
    return storage.get(store, annotation_id)


def unplaced(store: Store, meeting_id: int, owner: str) -> list[Annotation]:
    """A member's annotations a revised pack could not place (their words are gone): to place or discard."""
    return [a for a in member_annotations(store, meeting_id, owner) if a.orphaned]


def _own(store: Store, annotation_id: int, owner: str) -> Annotation:
    member_notes.cipher(store, owner)  # a protected member's notes change only once unlocked (else NotesLocked)
    found = storage.get(store, annotation_id)
    if found.owner != owner:
        raise AnnotationError(f"This annotation is {found.owner}'s, not {owner}'s: only its owner can change it.")
    return found


def edit_note(store: Store, annotation_id: int, owner: str, note: str) -> Annotation:
    _own(store, annotation_id, owner)
    return storage.update(store, annotation_id, {"note": note.strip()}, owner)


def set_colour(store: Store, annotation_id: int, owner: str, colour: str) -> Annotation:
    if colour not in COLOURS:
        raise AnnotationError(f"“{colour}” is not a highlighter colour.")
    _own(store, annotation_id, owner)
    return storage.update(store, annotation_id, {"colour": colour}, owner)


def set_raise(store: Store, annotation_id: int, owner: str, flag: bool) -> Annotation:
    """Flag (or unflag) an annotation as a question to raise at the meeting."""
    _own(store, annotation_id, owner)
    return storage.update(store, annotation_id, {"raise_at_meeting": flag}, owner)


def delete(store: Store, annotation_id: int, owner: str) -> None:
    _own(store, annotation_id, owner)
    storage.delete(store, annotation_id, owner)


def reposition(
    store: Store, annotation_id: int, owner: str, rects: Sequence[Rect], char_start: int, sha256: str
) -> Annotation:
    """Where an annotation's words are now measured to be on its page of the pack `sha256` (after a revision)."""
    return storage.update(
        store,
        annotation_id,
        {"rects": tuple(rects), "char_start": char_start, "anchored_sha256": sha256},
        owner,
    )


def place(store: Store, annotation_id: int, owner: str, page: int) -> Annotation:
    """The member places an annotation a revision could not place, on a page of the current pack: it becomes
    a note on that page (its words are kept as its quote, and are marked again if that page has them)."""
    found = _own(store, annotation_id, owner)
    meeting = store.meeting(found.meeting_id)
    count = library.page_count(store, found.meeting_id)
    if count and not 1 <= page <= count:
        raise AnnotationError(f"The pack has pages 1 to {count}; there is no page {page}.")
    item = item_for_page(store.items(found.meeting_id), page)
    return storage.update(
        store,
        annotation_id,
        {
            "page": page,
            "item_id": item.id if item else found.item_id,
            "orphaned": False,
            "rects": (),
            "char_start": -1,
            "anchored_sha256": "" if found.kind.on_words else meeting.pack_sha256,
        },
        owner,
    )


@dataclass(frozen=True, slots=True)
class Question:
    """A note flagged "raise at meeting" on an agenda item, for the chair or secretary in live mode."""

    annotation_id: int
    item_id: int
    owner: str
    text: str  # the note, or the quote when the note is empty
    quote: str
    page: int


def questions_for_item(store: Store, item_id: int) -> list[Question]:
    """Every member's questions on one agenda item, oldest first: those flagged on this device, then those members
    sent from their own devices in answers files (issue 19; `annotation_id` 0), each with who asked."""
    from app.storage.bundles import questions_on_item

    here = [
        Question(a.id or 0, item_id, a.owner, _question_text(store, a), a.quote, a.page)
        for a in storage.flagged_on_item(store, item_id)
    ]
    sent = [Question(0, item_id, q.asker_name, q.text, q.quote, q.page) for q in questions_on_item(store, item_id)]
    return here + sent


def _question_text(store: Store, a: Annotation) -> str:
    """A question's words; a protected member's note, not unlocked here, says only that it is theirs to ask."""
    if member_notes.protected(store, a.owner) and not member_notes.unlocked(store, a.owner):
        return f"{a.quote} — {a.owner}'s note is protected" if a.quote else f"{a.owner}'s note is protected"
    return a.note or a.quote


def questions_by_item(store: Store, meeting_id: int, owner: str) -> dict[int | None, list[Annotation]]:
    """A member's questions on a meeting, grouped by agenda item in agenda order."""
    order = {item.id: n for n, item in enumerate(store.items(meeting_id))}
    flagged = sorted(
        (a for a in member_annotations(store, meeting_id, owner) if a.raise_at_meeting),
        key=lambda a: (order.get(a.item_id, 10**6), a.page, a.id or 0),
    )
    grouped: dict[int | None, list[Annotation]] = {}
    for a in flagged:
        grouped.setdefault(a.item_id, []).append(a)
    return grouped


def search(store: Store, query: str, owner: str, limit: int = 20) -> list[SearchHit]:
    """Search the library with `owner`'s own notes among the results (not other members'; a protected member's
    only once unlocked this session)."""
    return library.search(store, query, limit, owner=owner)


# -- sharing ----------------------------------------------------------------------------------


def _part2_ids(items: Sequence[AgendaItem]) -> set[int]:
    return {item.id for item in items if item.part is Part.TWO and item.id is not None}


def _check_confidential(selected: Sequence[Annotation], items: Sequence[AgendaItem], include_part2: bool) -> None:
    if include_part2:
        return
    secret = _part2_ids(items)
    count = sum(1 for a in selected if a.item_id in secret)
    if count:
        raise ConfidentialExport(
            f"{count} of these notes {'is' if count == 1 else 'are'} on Part II (confidential) papers; "
            "confirm that they may be exported (nothing was written)."
        )


def export_notes_pdf(store: Store, meeting_id: int, owner: str, out: Path, *, include_part2: bool = False) -> Path:
    """A readable PDF of a member's questions (grouped by item) and notes."""
    from app.export.annotations_pdf import render_notes_pdf

    items = store.items(meeting_id)
    selected = member_annotations(store, meeting_id, owner)
    _check_confidential(selected, items, include_part2)
    return render_notes_pdf(store.meeting(meeting_id), items, owner, selected, out)


def export_annotated_pack(store: Store, meeting_id: int, owner: str, out: Path, *, include_part2: bool = False) -> Path:
    """A copy of the meeting's PDF pack with `owner`'s highlights and notes burned in, for printing.

    The pack holds Part II papers when any item is Part II with pages: then `include_part2` must be given, and
    those pages carry the confidential band."""
    from app.export.annotations_pdf import render_annotated_pack

    status, pack = library.open_pack(store, library.data_dir_of(store), meeting_id)
    if not status.ok or pack is None:
        raise AnnotationError(status.message)
    if pack[:1024].find(b"%PDF-") < 0:
        raise AnnotationError("This meeting's pack is a text file, not a PDF; export the notes as a PDF instead.")
    items = store.items(meeting_id)
    secret_pages: set[int] = set()
    for item in items:
        if item.part is Part.TWO and item.first_page is not None:
            secret_pages.update(range(item.first_page, (item.last_page or item.first_page) + 1))
    if secret_pages and not include_part2:
        raise ConfidentialExport(
            "This pack holds Part II (confidential) papers; confirm that an annotated copy may be exported "
            "(nothing was written)."
        )
    by_page: dict[int, list[Annotation]] = {}
    for a in member_annotations(store, meeting_id, owner):
        if not a.orphaned and a.kind is not AnnotationKind.ITEM_NOTE:
            by_page.setdefault(a.page, []).append(a)
    return render_annotated_pack(pack, by_page, secret_pages, owner, out)


def _item_key(item: AgendaItem | None) -> dict[str, Any]:
    return {"number": item.number, "title": item.title} if item else {"number": "", "title": ""}


def export_notes_json(store: Store, meeting_id: int, owner: str, out: Path, *, include_part2: bool = False) -> Path:
    """A small file with a member's annotations that another copy of Quorate can import (for the same pack)."""
    meeting = store.meeting(meeting_id)
    items = store.items(meeting_id)
    by_id = {item.id: item for item in items}
    selected = member_annotations(store, meeting_id, owner)
    _check_confidential(selected, items, include_part2)
    secret = _part2_ids(items)
    data = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "pack_sha256": meeting.pack_sha256,
        "meeting": {"title": meeting.title, "date": meeting.date.isoformat() if meeting.date else None},
        "owner": owner,
        "exported_at": datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "confidential": any(a.item_id in secret for a in selected),
        "annotations": [
            {
                "item": _item_key(by_id.get(a.item_id)),
                "part": 2 if a.item_id in secret else 1,
                "page": a.page,
                "kind": a.kind.value,
                "quote": a.quote,
                "prefix": a.prefix,
                "suffix": a.suffix,
                "note": a.note,
                "colour": a.colour,
                "raise_at_meeting": a.raise_at_meeting,
                "rects": [list(r) for r in a.rects],
                "ink": [[list(p) for p in stroke] for stroke in a.ink],
                "char_start": a.char_start,
                "orphaned": a.orphaned,
            }
            for a in selected
        ],
    }
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return write_atomically(out, payload)


@dataclass(frozen=True, slots=True)
class NotesImport:
    owner: str  # whose notes they are now: the member who imported them
    added: int
    already_there: int
    exported_by: str = ""  # the name the file gives (not trusted: anyone can write a name into a file)


def _parse_file(path: Path) -> dict[str, Any]:
    damaged = f"{path.name} is not a Quorate annotations file, or it is damaged; nothing was imported."
    # regular files only, never more than MAX_FILE_BYTES read (a device reports size 0)
    raw = read_input_or(
        path, MAX_FILE_BYTES, "notes file", lambda why: AnnotationFileError(f"{why[:-1]}; nothing was imported.")
    )
    try:  # strict: no NaN, Infinity or lone surrogates; every field typed and bounded (file_schemas.py)
        parsed = file_schemas.decode(raw, file_schemas.NotesFile)
    except file_schemas.SchemaError as exc:
        if exc.where.startswith("annotations"):
            raise AnnotationFileError(f"{path.name} is damaged: {_entry_field(exc)}; nothing was imported.") from exc
        raise AnnotationFileError(damaged) from exc
    if parsed.format != FILE_FORMAT:
        raise AnnotationFileError(damaged)
    if parsed.version != FILE_VERSION:
        raise AnnotationFileError(
            f"{path.name} was written by another version of Quorate (format {parsed.version!r}); nothing was imported."
        )
    data: dict[str, Any] = file_schemas.decode(raw)  # it fits: now as plain objects for the readers below
    return data


def _entry_field(exc: file_schemas.SchemaError) -> str:
    """ "annotations[3].page" as "annotation 4, “page”", so the sentence names the entry and the field."""
    match = re.fullmatch(r"annotations\[(\d+)\]\.?(.*)", exc.where)
    if match is None:
        return str(exc)
    field = f", “{match[2]}”" if match[2] else ""
    return f"annotation {int(match[1]) + 1}{field}: {exc.problem}"


def _read_entry(raw: Any, meeting: Meeting, items: Sequence[AgendaItem], owner: str) -> Annotation:
    if not isinstance(raw, dict):
        raise TypeError("an annotation is not an object")
    key = raw.get("item") or {}
    number, title = str(key.get("number", "")), str(key.get("title", ""))
    item = next((i for i in items if number and i.number == number), None) or next(
        (i for i in items if title and i.title == title), None
    )
    page = int(raw["page"])
    if page < 1:
        raise ValueError("page before the first")
    colour = str(raw.get("colour", "yellow"))
    if colour not in COLOURS:
        raise ValueError("unknown colour")
    rects = tuple((float(r[0]), float(r[1]), float(r[2]), float(r[3])) for r in raw.get("rects", []))
    ink = tuple(tuple((float(p[0]), float(p[1])) for p in stroke) for stroke in raw.get("ink", []))
    assert meeting.id is not None
    return Annotation(
        id=None,
        meeting_id=meeting.id,
        owner=owner,
        page=page,
        quote=str(raw.get("quote", "")),
        prefix=str(raw.get("prefix", "")),
        suffix=str(raw.get("suffix", "")),
        note=str(raw.get("note", "")),
        colour=colour,
        item_id=item.id if item else None,
        raise_at_meeting=bool(raw.get("raise_at_meeting", False)),
        kind=AnnotationKind(str(raw.get("kind", "highlight"))),
        rects=rects,
        ink=ink,
        char_start=int(raw.get("char_start", -1)),
        anchored_sha256=meeting.pack_sha256,
        orphaned=bool(raw.get("orphaned", False)),
    )


def _same(a: Annotation, b: Annotation) -> bool:
    return (a.owner, a.page, a.kind, a.quote, a.note, a.item_id) == (
        b.owner,
        b.page,
        b.kind,
        b.quote,
        b.note,
        b.item_id,
    )


def import_notes_json(store: Store, meeting_id: int, path: Path, importer: str | None = None) -> NotesImport:
    """Import annotations exported by another copy of Quorate for this meeting's pack, as the notes of the member
    importing them (`importer`, by default the member reading on this device): the file's `owner` is only a name
    anyone could have typed, so it never makes them someone else's notes.

    Refused with a plain message, and nothing changed, when the file is damaged or not an annotations file,
    or was made on another pack (its SHA-256 differs). Annotations already here are not added twice."""
    data = _parse_file(path)
    meeting = store.meeting(meeting_id)
    if data.get("pack_sha256") != meeting.pack_sha256 or not meeting.pack_sha256:
        about = data.get("meeting") if isinstance(data.get("meeting"), dict) else {}
        named = str(about.get("title") or "another meeting") if isinstance(about, dict) else "another meeting"
        raise AnnotationFileError(
            f"{path.name} holds notes on a different pack ({named}), not on the pack of “{meeting.title}”; "
            "nothing was imported."
        )
    named = " ".join(str(data.get("owner", "")).split())
    if not named:
        raise AnnotationFileError(f"{path.name} does not say whose notes it holds; nothing was imported.")
    owner = " ".join((importer or current_member(store)).split())
    items = store.items(meeting_id)
    try:
        entries = [_read_entry(raw, meeting, items, owner) for raw in data.get("annotations", [])]
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise AnnotationFileError(
            f"{path.name} is not a Quorate annotations file, or it is damaged; nothing was imported."
        ) from exc
    existing = storage.for_meeting(store, meeting_id, owner)
    fresh = [a for a in entries if not any(_same(a, b) for b in existing)]
    with store.transaction():
        storage.add_many(store, fresh, owner)
    return NotesImport(owner, len(fresh), len(entries) - len(fresh), named)


def pack_pages(store: Store, meeting_id: int) -> list[str]:
    """The text of every page of a meeting's pack as imported, page 1 first (what a text pack's reader shows)."""
    return storage.pack_texts(store, meeting_id)


def remeasured(store: Store, meeting_id: int, owner: str) -> list[Annotation]:
    """A member's annotations on words whose position was measured on an earlier pack file than the meeting's
    pack now (a revision moved them): the reader measures these again on their page."""
    sha = store.meeting(meeting_id).pack_sha256
    return [
        a
        for a in member_annotations(store, meeting_id, owner)
        if a.kind.on_words and not a.orphaned and a.anchored_sha256 != sha
    ]


def members(store: Store) -> list[str]:
    """Members with notes on this computer, and the one reading now, for the reader's member chooser."""
    names = set(storage.owners(store))
    current = storage.reader_member(store)
    if current:
        names.add(current)
    return sorted(names)
