"""Annotations survive a revised pack: re-anchored by their quote, never deleted (issue 3)."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import packs
from app.commands import accept_draft
from app.commands.revise import HOW_BY_ITEM, HOW_CHANGED_TEXT, HOW_SAME_TEXT, find_quote, revise_meeting
from app.packs import DraftPack
from app.storage import Store

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo-pack-icb-2023-09-29.txt"

QUOTE = "approve the five Section 75 agreements with the councils"
FILLER = "The committee received the report and noted the progress made since the last meeting."


def _pages(count: int, extra: dict[int, str]) -> list[str]:
    """`count` pages of ordinary text, with `extra` text added to some (1-based)."""
    return [f"Page {n}. {FILLER}\n{extra.get(n, '')}\n{FILLER}" for n in range(1, count + 1)]


@pytest.fixture(scope="module")
def demo_draft() -> DraftPack:
    return packs.read_pack(DEMO)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data" / "quorate.db")
    yield opened
    opened.close()


def _draft(tmp_path: Path, base: DraftPack, pages: list[str], name: str, **changes: object) -> DraftPack:
    path = tmp_path / name
    path.write_text("\f".join(pages), encoding="utf-8")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return dataclasses.replace(base, source_path=str(path), sha256=sha, pages=tuple(pages), **changes)  # type: ignore[arg-type]


def _item_id(store: Store, meeting_id: int, number: str) -> int:
    item = next(i for i in store.items(meeting_id) if i.number.rstrip(".") == number)
    assert item.id is not None
    return item.id


def _annotate(store: Store, meeting_id: int, item_id: int | None, page: int, quote: str, **extra: str) -> int:
    cursor = store.conn.execute(
        "INSERT INTO annotation (meeting_id, item_id, owner, page, quote, prefix, suffix, note)"
        " VALUES (?, ?, 'JA', ?, ?, ?, ?, ?)",
        (meeting_id, item_id, page, quote, extra.get("prefix", ""), extra.get("suffix", ""), extra.get("note", "")),
    )
    store.conn.commit()
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _row(store: Store, annotation_id: int) -> tuple[int, int | None, int, str, str]:
    row = store.conn.execute(
        "SELECT page, item_id, orphaned, quote, note FROM annotation WHERE id = ?", (annotation_id,)
    ).fetchone()
    assert row is not None
    return row[0], row[1], row[2], row[3], row[4]


def test_an_annotation_follows_its_quote_when_pages_are_inserted_before_it(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    old = _draft(tmp_path, demo_draft, _pages(10, {5: f"The board is asked to {QUOTE} by March."}), "old.txt")
    meeting_id = accept_draft(store, old).id
    assert meeting_id is not None
    item = _item_id(store, meeting_id, "6.4")
    note_id = _annotate(store, meeting_id, item, 5, QUOTE, note="Ask about Luton")
    still = _annotate(store, meeting_id, item, 3, "Page 3.")

    revised = _draft(tmp_path, demo_draft, ["Cover note", "Late addendum", *old.pages], "revised.txt")
    report = revise_meeting(store, meeting_id, revised)

    assert _row(store, note_id) == (7, item, 0, QUOTE, "Ask about Luton")
    assert _row(store, still)[0] == 5
    moved = {a.annotation_id: (a.old_page, a.new_page, a.how) for a in report.annotations_moved}
    assert moved == {note_id: (5, 7, HOW_SAME_TEXT), still: (3, 5, HOW_SAME_TEXT)}
    assert report.annotations_orphaned == ()
    assert any("moved from page 5 to page 7" in line for line in report.summary_lines())
    assert report.to_json()["annotations_moved"][0]["new_page"] in (5, 7)
    audit = [e for e in store.audit_entries() if e.entity == "annotation" and e.entity_id == note_id]
    assert audit and audit[-1].action == "reanchor"


def test_slightly_reworded_text_is_still_found_and_said_to_have_changed(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    old = _draft(tmp_path, demo_draft, _pages(8, {4: f"Members are asked to {QUOTE}."}), "old.txt")
    meeting_id = accept_draft(store, old).id
    assert meeting_id is not None
    note_id = _annotate(store, meeting_id, None, 4, QUOTE)
    reworded = QUOTE.replace("with the councils", "with the three councils")
    revised = _draft(tmp_path, demo_draft, _pages(8, {6: f"Members are asked to {reworded}."}), "revised.txt")

    report = revise_meeting(store, meeting_id, revised)

    assert _row(store, note_id)[:3] == (6, None, 0)
    (note,) = report.annotations_moved
    assert (note.annotation_id, note.how) == (note_id, HOW_CHANGED_TEXT)
    assert any("wording has changed slightly" in line for line in report.summary_lines())


def test_an_annotation_whose_text_is_gone_is_kept_and_marked_orphaned_then_placed_again(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    old = _draft(tmp_path, demo_draft, _pages(6, {2: f"We will {QUOTE}."}), "old.txt")
    meeting_id = accept_draft(store, old).id
    assert meeting_id is not None
    item = _item_id(store, meeting_id, "6.4")
    note_id = _annotate(store, meeting_id, item, 2, QUOTE, note="Raise at the meeting")

    without = _draft(tmp_path, demo_draft, _pages(6, {}), "revised.txt")
    report = revise_meeting(store, meeting_id, without)

    assert _row(store, note_id) == (2, item, 1, QUOTE, "Raise at the meeting")
    assert [a.annotation_id for a in report.annotations_orphaned] == [note_id]
    assert any(line.startswith("1 annotation could not be placed") for line in report.summary_lines())
    # The item is kept because something is recorded on it, even if the pack dropped it.
    assert item in {i.id for i in store.items(meeting_id)}

    back = _draft(tmp_path, demo_draft, _pages(6, {3: f"We will {QUOTE}."}), "again.txt")
    report = revise_meeting(store, meeting_id, back)
    assert _row(store, note_id)[:3] == (3, item, 0)
    assert report.annotations_orphaned == ()


def test_prefix_and_suffix_choose_between_places_the_quote_appears() -> None:
    pages = [
        "The finance committee recommends that the budget be approved subject to audit.",
        "Unrelated text.",
        "The audit committee recommends that the budget be approved without conditions.",
    ]
    audit = find_quote(pages, "the budget be approved", prefix="audit committee recommends that", suffix="without")
    finance = find_quote(pages, "the budget be approved", prefix="finance committee recommends that", near_page=3)
    assert audit is not None and audit.page == 3 and audit.exact
    assert finance is not None and finance.page == 1
    # With no context, the item's pages, then the nearest page decide.
    assert (found := find_quote(pages, "the budget be approved", within=(3, 3))) is not None and found.page == 3
    assert (found := find_quote(pages, "the budget be approved", near_page=1)) is not None and found.page == 1


def test_whitespace_and_case_do_not_hide_a_quote_but_short_quotes_are_not_guessed() -> None:
    pages = ["Nothing here.", "The Board   is asked to\nAPPROVE the plan."]
    found = find_quote(pages, "is asked to approve the plan")
    assert found is not None and (found.page, found.exact) == (2, True)
    assert find_quote(pages, "apprive") is None  # too short to look for loosely
    assert find_quote(pages, "") is None


def test_a_note_on_a_page_without_a_quote_moves_with_its_items_pages(
    store: Store, tmp_path: Path, demo_draft: DraftPack
) -> None:
    items = list(demo_draft.items)
    at = next(i for i, item in enumerate(items) if item.number.rstrip(".") == "6.4")
    items[at] = dataclasses.replace(items[at], first_page=5, last_page=6)
    old = _draft(tmp_path, demo_draft, _pages(12, {}), "old.txt", items=tuple(items))
    meeting_id = accept_draft(store, old).id
    assert meeting_id is not None
    item = _item_id(store, meeting_id, "6.4")
    note_id = _annotate(store, meeting_id, item, 6, "")

    items[at] = dataclasses.replace(items[at], first_page=8, last_page=9)
    revised = _draft(tmp_path, demo_draft, _pages(12, {1: "A new cover"}), "revised.txt", items=tuple(items))
    report = revise_meeting(store, meeting_id, revised)

    assert _row(store, note_id)[:3] == (9, item, 0)
    assert [(a.annotation_id, a.how) for a in report.annotations_moved] == [(note_id, HOW_BY_ITEM)]
