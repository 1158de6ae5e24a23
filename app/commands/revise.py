"""Re-importing a revised pack for a meeting already in the record.

Everything already recorded (minutes, declarations, motions, actions, annotations, attendance) stays
attached: a revised item keeps its id and only its agenda details change. Items are matched by
number, then by title:

1. the same number (as normalised: trailing dots dropped, case ignored) and a similar title;
2. a similar title (rapidfuzz token_sort_ratio >= 85), best score first, for items still unmatched:
   an item that was renumbered, e.g. because two items were inserted before it;
3. the same number for those still unmatched: an item renamed in place.

Step 1 comes before 2 so that when items are inserted and the later ones renumbered, an old item is
not handed to the new item that happens to take its number while its own title is still on the
agenda under another number.

Items the revised pack no longer lists are deleted when nothing is recorded against them, and kept
(moved to the end of the agenda, with no pages) when something is.

Annotations on the pack are re-anchored: an annotation stays with its item (a matched item keeps its
id), and its page is found again by searching its quote in the revised pack's page texts (whitespace
and case ignored; the prefix and suffix saved with it pick between several places, then the item's new
pages, then the nearest page; rapidfuzz finds a quote whose wording changed slightly). An annotation with
no quote moves with its item's pages. One that cannot be found is kept, with its old page, marked
orphaned, and listed in the report; annotations are never deleted by a revision.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, utils

from app.domain import AgendaItem, Meeting, MinutesStatus
from app.packs import DraftItem, DraftPack, PackError
from app.storage import RecordLocked, Store, library
from app.storage import revise as storage

TITLE_THRESHOLD = 85.0
MAX_DATE_GAP_DAYS = 31
KEPT_WORDS = "withdrawn from the agenda but kept because it has records"


class RevisionRefused(PackError):
    """This pack cannot revise this meeting; the message is one plain sentence, nothing was written."""


@dataclass(frozen=True, slots=True)
class ItemRef:
    item_id: int
    number: str
    title: str


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A matched item whose title, number or place changed: `old` and `new` as written."""

    item_id: int
    number: str  # the number now
    title: str  # the title now
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class ItemNote:
    """An item with a list of words: what is recorded against it, or which details changed."""

    item_id: int
    number: str
    title: str
    what: tuple[str, ...]


HOW_SAME_TEXT = "same text"
HOW_CHANGED_TEXT = "changed text"
HOW_BY_ITEM = "by item"
HOW_ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class AnnotationNote:
    """An annotation as a revision placed it: `new_page` is None when it could not be placed (orphaned)."""

    annotation_id: int
    item_id: int | None
    owner: str
    quote: str
    old_page: int
    new_page: int | None
    how: str  # HOW_SAME_TEXT, HOW_CHANGED_TEXT, HOW_BY_ITEM or HOW_ORPHANED


@dataclass(frozen=True, slots=True)
class RevisionReport:
    meeting_id: int
    old_sha256: str
    new_sha256: str
    added: tuple[ItemRef, ...] = ()
    removed: tuple[ItemRef, ...] = ()  # deleted: nothing was recorded against them
    kept_with_records: tuple[ItemNote, ...] = ()  # withdrawn from the agenda, kept at the end
    renamed: tuple[ItemChange, ...] = ()  # old -> new title
    renumbered: tuple[ItemChange, ...] = ()  # old -> new number
    moved: tuple[ItemChange, ...] = ()  # out of their old order; old -> new place, counted from 1
    updated: tuple[ItemNote, ...] = ()  # other details changed: presenter, purpose, time, part, pages
    unchanged: int = 0
    meeting_changes: tuple[ItemChange, ...] = ()  # date, start, venue of the meeting (item_id 0)
    annotations_moved: tuple[AnnotationNote, ...] = ()  # placed on another page, or on changed text
    annotations_orphaned: tuple[AnnotationNote, ...] = ()  # kept, but their text is no longer in the pack
    annotations_in_place: int = 0  # found where they were

    @property
    def changed(self) -> bool:
        return bool(
            self.added
            or self.removed
            or self.kept_with_records
            or self.renamed
            or self.renumbered
            or self.moved
            or self.updated
            or self.meeting_changes
        )

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "kept_with_records": len(self.kept_with_records),
            "renamed": len(self.renamed),
            "renumbered": len(self.renumbered),
            "moved": len(self.moved),
            "updated": len(self.updated),
            "unchanged": self.unchanged,
        }

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["counts"] = self.counts()
        data["summary"] = self.summary_lines()
        return data

    def summary_lines(self) -> list[str]:
        """What the revision changed, in plain words, one line each; the first line gives the counts."""
        c = self.counts()
        lines = [
            f"Meeting {self.meeting_id} now uses the revised pack: {_n(c['added'], 'item')} added, "
            f"{c['removed']} removed, {c['kept_with_records']} kept with records, {c['renamed']} renamed, "
            f"{c['renumbered']} renumbered, {c['moved']} moved, {c['updated']} with other changes, "
            f"{c['unchanged']} unchanged."
        ]
        if not self.changed:
            lines.append("The agenda in the revised pack is the same; only the pack file and its pages were replaced.")
        for change in self.meeting_changes:
            lines.append(f"The meeting's {change.title} changed from {change.old or 'none'} to {change.new or 'none'}.")
        for ref in self.added:
            lines.append(f"Added {_name(ref.number, ref.title)}.")
        for ref in self.removed:
            lines.append(f"Removed {_name(ref.number, ref.title)}: nothing was recorded against it.")
        for note in self.kept_with_records:
            lines.append(
                f"{_name(note.number, note.title)} was {KEPT_WORDS} ({', '.join(note.what)}); "
                "it is now at the end of the agenda."
            )
        for change in self.renamed:
            lines.append(f"Renamed {change.number or 'an item'}: “{change.old}” → “{change.new}”.")
        for change in self.renumbered:
            lines.append(f"Renumbered “{change.title}”: {change.old} → {change.new}.")
        for change in self.moved:
            lines.append(
                f"Moved {_name(change.number, change.title)} from place {change.old} to place {change.new}"
                " in the agenda."
            )
        for note in self.updated:
            lines.append(f"Changed the {', '.join(note.what)} of {_name(note.number, note.title)}.")
        total = len(self.annotations_moved) + len(self.annotations_orphaned) + self.annotations_in_place
        if total:
            lines.append(
                f"{_n(total, 'annotation')} re-anchored in the revised pack: {self.annotations_in_place} where "
                f"they were, {len(self.annotations_moved)} moved, {len(self.annotations_orphaned)} could not be placed."
            )
        for a in self.annotations_moved:
            how = " (its wording has changed slightly)" if a.how == HOW_CHANGED_TEXT else ""
            how = " (with its item's pages)" if a.how == HOW_BY_ITEM else how
            lines.append(f"Annotation {_quoted(a.quote)} moved from page {a.old_page} to page {a.new_page}{how}.")
        if self.annotations_orphaned:
            lines.append(
                f"{_n(len(self.annotations_orphaned), 'annotation')} could not be placed: "
                + "; ".join(f"{_quoted(a.quote)} (was page {a.old_page})" for a in self.annotations_orphaned)
                + ". They are kept, marked as orphaned."
            )
        return lines


def _quoted(quote: str, limit: int = 50) -> str:
    text = " ".join(quote.split())
    if not text:
        return "with no quote"
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _name(number: str, title: str) -> str:
    return f"{number} “{title}”" if number else f"“{title}”"


# -- matching ---------------------------------------------------------------------------------


def normalise_number(number: str) -> str:
    """ "6.4." and "6.4" are the same item number; so are "2(A)" and "2(a)"."""
    return re.sub(r"\s+", "", number).rstrip(".").casefold()


def title_score(a: str, b: str) -> float:
    return float(fuzz.token_sort_ratio(a, b, processor=utils.default_process))


def match_items(existing: Sequence[AgendaItem], drafts: Sequence[DraftItem]) -> dict[int, int]:
    """Which existing item each draft item is: {draft index: existing index}; see the module doc."""
    matches: dict[int, int] = {}
    taken: set[int] = set()

    def free_pairs(same_number: bool) -> list[tuple[float, int, int, int]]:
        pairs = []
        for d, draft in enumerate(drafts):
            if d in matches:
                continue
            number = normalise_number(draft.number)
            for e, item in enumerate(existing):
                if e in taken:
                    continue
                if same_number and (not number or normalise_number(item.number) != number):
                    continue
                score = title_score(draft.title, item.title)
                pairs.append((score, d, e, abs(d - e)))
        return pairs

    def take(pairs: list[tuple[float, int, int, int]], threshold: float) -> None:
        for score, d, e, _ in sorted(pairs, key=lambda p: (-p[0], p[3], p[1], p[2])):
            if score >= threshold and d not in matches and e not in taken:
                matches[d] = e
                taken.add(e)

    take(free_pairs(same_number=True), TITLE_THRESHOLD)  # 1. number and title
    take(free_pairs(same_number=False), TITLE_THRESHOLD)  # 2. title: renumbered items
    for d, draft in enumerate(drafts):  # 3. number: renamed items, in agenda order
        number = normalise_number(draft.number)
        if d in matches or not number:
            continue
        e = next(
            (e for e, item in enumerate(existing) if e not in taken and normalise_number(item.number) == number),
            None,
        )
        if e is not None:
            matches[d] = e
            taken.add(e)
    return matches


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of `values`."""
    tails: list[int] = []  # index into values of the smallest tail of each length
    parent: list[int | None] = [None] * len(values)
    for i, value in enumerate(values):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[tails[mid]] < value:
                lo = mid + 1
            else:
                hi = mid
        parent[i] = tails[lo - 1] if lo else None
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    keep: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        keep.add(at)
        at = parent[at]
    return keep


# -- the command ------------------------------------------------------------------------------


def _check(meeting: Meeting, draft: DraftPack) -> None:
    if meeting.minutes_status is MinutesStatus.SIGNED:
        raise RecordLocked(
            f"The minutes of meeting {meeting.id} have been signed, so its agenda can no longer be revised; "
            "nothing was changed."
        )
    if meeting.date is not None and draft.meeting_date is not None:
        gap = abs((draft.meeting_date - meeting.date).days)
        if gap > MAX_DATE_GAP_DAYS:
            raise RevisionRefused(
                f"{Path(draft.source_path).name} is for a meeting on {draft.meeting_date:%d %B %Y}, {gap} days from "
                f"meeting {meeting.id} on {meeting.date:%d %B %Y}; it is probably a different meeting, so nothing "
                "was changed (import it as a new meeting instead)."
            )
    if not draft.items:
        raise RevisionRefused(
            f"No agenda was found in {Path(draft.source_path).name}, so meeting {meeting.id} was not changed."
        )


def revise_meeting(store: Store, meeting_id: int, draft: DraftPack, actor: str = "secretary") -> RevisionReport:
    """Apply a revised pack's draft to an existing meeting: all or nothing; see the module doc.

    Refused, with nothing written, when the minutes are signed (RecordLocked), or when the pack's date
    is more than a month from the meeting's or it has no agenda (RevisionRefused). The new pack file
    is kept in the library first, outside the transaction, as `accept_draft` does; a copy this call
    made is removed again if the transaction fails.
    """
    _check(store.meeting(meeting_id), draft)
    data_dir = library.data_dir_of(store)
    library.sweep_orphans(store, data_dir)
    kept = library.keep_pack_file(store, Path(draft.source_path), draft.sha256)
    try:
        with store.transaction():
            meeting = store.meeting(meeting_id)
            _check(meeting, draft)  # again, inside the transaction: nothing can have changed since
            report = _apply(store, meeting, draft, actor)
            library.record_pack_file(store, kept, actor)
            library.save_pages(store, meeting_id, draft.pages, actor)
    except BaseException:
        library.discard_unrecorded_copy(store, kept)
        raise
    return report


@dataclass(frozen=True, slots=True)
class _Placed:
    """A matched item: where it was and where it is now (0-based), as the report will show a move."""

    old_position: int
    new_position: int
    change: ItemChange


def _details_changed(old: AgendaItem, new: AgendaItem) -> tuple[str, ...]:
    what = []
    if old.number != new.number and normalise_number(old.number) == normalise_number(new.number):
        what.append("number as written")
    if old.presenter != new.presenter:
        what.append("presenter")
    if old.purpose != new.purpose:
        what.append("purpose")
    if old.planned_time != new.planned_time:
        what.append("time")
    if old.part != new.part:
        what.append("part")
    if (old.first_page, old.last_page) != (new.first_page, new.last_page):
        what.append("pages")
    return tuple(what)


def _apply(store: Store, meeting: Meeting, draft: DraftPack, actor: str) -> RevisionReport:
    meeting_id = meeting.id
    assert meeting_id is not None
    existing = store.items(meeting_id)
    records = storage.records_by_item(store, meeting_id)
    matches = match_items(existing, draft.items)
    matched_existing = set(matches.values())

    storage.park_positions(store, meeting_id)

    # The ones the pack no longer lists: deleted, or kept at the end when something is recorded on them.
    removed: list[ItemRef] = []
    withdrawn: list[AgendaItem] = []
    for e, item in enumerate(existing):
        if e in matched_existing:
            continue
        assert item.id is not None
        if item.id in records:
            withdrawn.append(item)
        else:
            storage.delete_item(store, item, actor)
            removed.append(ItemRef(item.id, item.number, item.title))

    added: list[ItemRef] = []
    renamed: list[ItemChange] = []
    renumbered: list[ItemChange] = []
    updated: list[ItemNote] = []
    unchanged_ids: list[int] = []
    order: list[_Placed] = []
    for position, draft_item in enumerate(draft.items):
        new = AgendaItem(
            id=None,
            meeting_id=meeting_id,
            position=position,
            number=draft_item.number,
            title=draft_item.title,
            presenter=draft_item.presenter,
            purpose=draft_item.purpose,
            planned_time=draft_item.planned_time,
            part=draft_item.part,
            first_page=draft_item.first_page,
            last_page=draft_item.last_page,
        )
        found = matches.get(position)
        if found is None:
            item_id = storage.insert_item(store, new, actor)
            added.append(ItemRef(item_id, new.number, new.title))
            continue
        old = existing[found]
        assert old.id is not None
        new = dataclasses.replace(new, id=old.id, parent_id=old.parent_id)
        storage.update_item(store, old, new, actor)
        order.append(
            _Placed(
                old.position,
                position,
                ItemChange(old.id, new.number, new.title, str(old.position + 1), str(position + 1)),
            )
        )
        details = _details_changed(old, new)
        if old.title != new.title:
            renamed.append(ItemChange(old.id, new.number, new.title, old.title, new.title))
        if normalise_number(old.number) != normalise_number(new.number):
            renumbered.append(ItemChange(old.id, new.number, new.title, old.number, new.number))
        if details:
            updated.append(ItemNote(old.id, new.number, new.title, details))
        if old.title == new.title and normalise_number(old.number) == normalise_number(new.number) and not details:
            unchanged_ids.append(old.id)

    kept: list[ItemNote] = []
    for offset, item in enumerate(withdrawn):
        assert item.id is not None
        moved_to_end = dataclasses.replace(
            item, position=len(draft.items) + offset, first_page=None, last_page=None
        )  # its pages were in the old pack
        storage.update_item(store, item, moved_to_end, actor)
        kept.append(ItemNote(item.id, item.number, item.title, records[item.id]))

    # Moved: out of the order the rest keep (not merely shifted by an insertion or removal).
    by_old = sorted(order, key=lambda o: o.old_position)
    in_order = _longest_increasing([o.new_position for o in by_old])
    moved = sorted((o for rank, o in enumerate(by_old) if rank not in in_order), key=lambda o: o.new_position)
    moved_ids = {o.change.item_id for o in moved}

    meeting_changes = _update_meeting(store, meeting, draft, actor)
    new_ranges = {existing[e].id: (draft.items[d].first_page, draft.items[d].last_page) for d, e in matches.items()}
    placed = _reanchor(store, existing, new_ranges, draft.pages, actor)
    moved_notes = [
        a for a in placed if a.how != HOW_ORPHANED and (a.new_page != a.old_page or a.how == HOW_CHANGED_TEXT)
    ]
    return RevisionReport(
        meeting_id=meeting_id,
        old_sha256=meeting.pack_sha256,
        new_sha256=draft.sha256,
        added=tuple(added),
        removed=tuple(removed),
        kept_with_records=tuple(kept),
        renamed=tuple(renamed),
        renumbered=tuple(renumbered),
        moved=tuple(o.change for o in moved),
        updated=tuple(updated),
        unchanged=sum(1 for item_id in unchanged_ids if item_id not in moved_ids),
        meeting_changes=meeting_changes,
        annotations_moved=tuple(moved_notes),
        annotations_orphaned=tuple(a for a in placed if a.how == HOW_ORPHANED),
        annotations_in_place=len(placed) - len(moved_notes) - sum(1 for a in placed if a.how == HOW_ORPHANED),
    )


def _update_meeting(store: Store, meeting: Meeting, draft: DraftPack, actor: str) -> tuple[ItemChange, ...]:
    assert meeting.id is not None
    changes: dict[str, Any] = {}
    if meeting.pack_path != draft.source_path:
        changes["pack_path"] = draft.source_path
    if meeting.pack_sha256 != draft.sha256:
        changes["pack_sha256"] = draft.sha256
    reported: list[ItemChange] = []

    def show(value: object) -> str:
        if isinstance(value, date):
            return f"{value:%d %B %Y}"
        return "" if value is None else str(value)

    for column, old, new in (
        ("date", meeting.date, draft.meeting_date),
        ("start", meeting.start, draft.start),
        ("venue", meeting.venue, draft.venue),
    ):
        if new is not None and new != "" and new != old:
            changes[column] = new
            reported.append(ItemChange(0, "", "start time" if column == "start" else column, show(old), show(new)))
    storage.update_meeting(store, meeting.id, changes, actor)
    return tuple(reported)


# -- annotations ------------------------------------------------------------------------------

ANCHOR_THRESHOLD = 85.0  # rapidfuzz partial_ratio for a quote whose wording changed slightly
MIN_FUZZY_QUOTE = 12  # shorter quotes are only found as written: a few letters match too much by chance


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class QuoteFound:
    page: int  # 1-based
    exact: bool
    score: float


def find_quote(
    pages: Sequence[str],
    quote: str,
    prefix: str = "",
    suffix: str = "",
    near_page: int = 1,
    within: tuple[int, int] | None = None,
) -> QuoteFound | None:
    """Where `quote` is in `pages` (1-based page), or None when it is nowhere.

    Whitespace and case are ignored. Where the quote is found more than once, the place whose text before
    and after best matches `prefix` and `suffix` wins, then a place inside `within` (the pages of the
    annotation's item), then the page nearest `near_page`. A quote of MIN_FUZZY_QUOTE characters or more
    that is not found as written is looked for with rapidfuzz (partial_ratio >= ANCHOR_THRESHOLD).
    """
    needle = _norm(quote)
    if not needle:
        return None
    before, after = _norm(prefix), _norm(suffix)
    texts = [_norm(page) for page in pages]

    def context(text: str, start: int, end: int) -> float:
        score = 0.0
        if before:
            score += fuzz.ratio(before, text[max(0, start - len(before) - 1) : start].strip())
        if after:
            score += fuzz.ratio(after, text[end : end + len(after) + 1].strip())
        return score

    def rank(page: int, ctx: float) -> tuple[float, int, int]:
        inside = within is not None and within[0] <= page <= within[1]
        return (round(ctx, 3), int(inside), -abs(page - near_page))

    best: tuple[tuple[float, int, int], QuoteFound] | None = None
    for number, text in enumerate(texts, start=1):
        start = text.find(needle)
        while start >= 0:
            key = rank(number, context(text, start, start + len(needle)))
            if best is None or key > best[0]:
                best = (key, QuoteFound(number, True, 100.0))
            start = text.find(needle, start + 1)
    if best is not None:
        return best[1]
    if len(needle) < MIN_FUZZY_QUOTE:
        return None
    fuzzy: tuple[tuple[float, float, int, int], QuoteFound] | None = None
    for number, text in enumerate(texts, start=1):
        if not text:
            continue
        found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=ANCHOR_THRESHOLD)
        if found is None:
            continue
        fuzzy_key = (round(found.score, 1), *rank(number, context(text, found.dest_start, found.dest_end)))
        if fuzzy is None or fuzzy_key > fuzzy[0]:
            fuzzy = (fuzzy_key, QuoteFound(number, False, found.score))
    return fuzzy[1] if fuzzy is not None else None


def reanchor_annotations(
    store: Store,
    existing: Sequence[AgendaItem],
    new_ranges: dict[int | None, tuple[int | None, int | None]],
    pages: Sequence[str],
    actor: str,
) -> list[AnnotationNote]:
    """Place every annotation of a meeting in its new pack's pages, its items now at `new_ranges` (by item id):
    what a revision does, and what a member's device does when a revised meeting bundle arrives."""
    return _reanchor(store, existing, new_ranges, pages, actor)


def _reanchor(
    store: Store,
    existing: Sequence[AgendaItem],
    new_ranges: dict[int | None, tuple[int | None, int | None]],
    pages: Sequence[str],
    actor: str,
) -> list[AnnotationNote]:
    """Place every annotation of the meeting in the revised pack's pages; see the module doc."""
    if not existing:
        return []
    old_ranges = {item.id: (item.first_page, item.last_page) for item in existing}
    notes: list[AnnotationNote] = []
    for anchor in storage.meeting_annotations(store, existing[0].meeting_id):
        new_first, new_last = new_ranges.get(anchor.item_id, (None, None))
        within = (new_first, new_last or new_first) if new_first is not None else None
        page: int | None = None
        how = HOW_ORPHANED
        if anchor.quote.strip():
            found = find_quote(pages, anchor.quote, anchor.prefix, anchor.suffix, anchor.page, within)
            if found is not None:
                page, how = found.page, HOW_SAME_TEXT if found.exact else HOW_CHANGED_TEXT
        else:  # a note on a page, not on words: it moves with its item's pages
            old_first = old_ranges.get(anchor.item_id, (None, None))[0]
            if within is not None and old_first is not None:
                page = min(within[0] + max(0, anchor.page - old_first), within[1])
                how = HOW_BY_ITEM
            elif 1 <= anchor.page <= len(pages):
                page, how = anchor.page, HOW_BY_ITEM
        storage.place_annotation(
            store, anchor, page if page is not None else anchor.page, anchor.item_id, page is None, actor
        )
        notes.append(AnnotationNote(anchor.id, anchor.item_id, anchor.owner, anchor.quote, anchor.page, page, how))
    return notes
