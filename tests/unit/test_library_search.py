"""The offline library and search: kept pack files, page texts, one ranked search over packs and records."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import commands
from app.domain import Part
from app.packs import DraftItem, DraftPack
from app.storage import StorageError, Store, driver
from app.storage.library import (
    MARK_CLOSE,
    MARK_OPEN,
    PackFileError,
    PackState,
    SearchQueryError,
    fts_query,
    keep_pack_file,
    packs_dir,
    page_count,
    page_text,
    save_pages,
    search,
    stored_name,
    sweep_orphans,
    verify_pack,
)

FILLER = (
    "The Board received the report and noted the contents. Members asked questions about the "
    "timetable and the officers answered them. "
)


def _pages(n: int) -> tuple[str, ...]:
    pages = [f"Page {p} of meeting {n}. " + FILLER * 3 for p in range(1, 13)]
    pages[2] = f"Finance report {n}. The system reported a deficit of £{n}.7m in month 2. " + FILLER * 4
    pages[5] = f"Quality and performance. Ambulance handover delays at hospital {n}. " + FILLER * 2
    if n == 7:
        pages[8] = "Estates strategy: the Wixams health hub business case was approved. " + FILLER
    if n == 11:
        # Short and all about one thing: should beat long pages that mention it once.
        pages[9] = "Deficit recovery plan: deficit drivers, deficit trajectory and deficit risks."
    return tuple(pages)


def _draft(folder: Path, n: int, pages: tuple[str, ...] | None = None, suffix: str = ".txt") -> DraftPack:
    pages = _pages(n) if pages is None else pages
    source = folder / f"board-pack-{n:02d}{suffix}"
    source.write_bytes(("\f".join(pages) + f"\n(copy {n})\n").encode("utf-8"))
    return DraftPack(
        source_path=str(source),
        sha256=hashlib.sha256(source.read_bytes()).hexdigest(),
        kind="text",
        body_name="Board of Test",
        meeting_title=f"Board meeting {n}",
        meeting_date=date(2024, 1, n),
        items=(DraftItem("1", "Apologies"), DraftItem("2", "Finance report", first_page=3, last_page=5)),
        page_count=len(pages),
        pages=pages,
    )


def _add_action(store: Store, meeting_id: int, number: str, text: str, item_id: int | None = None) -> int:
    cursor = store.conn.execute(
        "INSERT INTO action (meeting_id, item_id, number, text) VALUES (?, ?, ?, ?)",
        (meeting_id, item_id, number, text),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _index_is_consistent(store: Store) -> None:
    store.conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    sources = store.conn.execute(
        "SELECT (SELECT count(*) FROM pack_page) + (SELECT count(*) FROM minute_entry) + (SELECT count(*) FROM action)"
    ).fetchone()[0]
    assert store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == sources


@pytest.fixture
def library(tmp_path: Path) -> Iterator[tuple[Store, dict[int, int]]]:
    """Twenty imported meetings with minutes and actions; meeting number n -> meeting id."""
    store = Store.open(tmp_path / "data" / "quorate.db")
    sources = tmp_path / "incoming"
    sources.mkdir()
    ids = {}
    for n in range(1, 21):
        meeting = commands.accept_draft(store, _draft(sources, n))
        assert meeting.id is not None
        ids[n] = meeting.id
    items = store.items(ids[4])
    assert items[1].id is not None
    store.set_minute(items[1].id, "The Board noted the deficit and asked for a recovery plan by December.")
    _add_action(store, ids[9], "53", "Bring the deficit recovery plan to the November Board", items[1].id)
    yield store, ids
    store.close()


# -- search ---------------------------------------------------------------------------------


def test_one_search_covers_every_pack_and_the_records(library: tuple[Store, dict[int, int]]) -> None:
    store, ids = library
    hits = search(store, "deficit", limit=100)
    assert {h.kind for h in hits} == {"pack", "minute", "action"}
    assert {h.meeting_id for h in hits if h.kind == "pack"} == set(ids.values())
    assert all(h.page == 3 for h in hits if h.kind == "pack" and h.meeting_id != ids[11])
    (minute,) = [h for h in hits if h.kind == "minute"]
    assert minute.meeting_id == ids[4] and minute.page is None
    assert minute.item_id == store.items(ids[4])[1].id
    (action,) = [h for h in hits if h.kind == "action"]
    assert action.meeting_id == ids[9] and action.meeting_title == "Board meeting 9"
    assert action.action_id is not None and action.item_id is not None
    _index_is_consistent(store)


def test_a_word_in_one_pack_finds_that_page_only(library: tuple[Store, dict[int, int]]) -> None:
    store, ids = library
    (hit,) = search(store, "wixams")
    assert (hit.meeting_id, hit.kind, hit.page, hit.meeting_date) == (ids[7], "pack", 9, date(2024, 1, 7))
    assert hit.marked() == ["Wixams"]
    assert f"{MARK_OPEN}Wixams{MARK_CLOSE} health hub" in hit.snippet
    assert page_text(store, ids[7], 9) is not None


def test_results_are_ranked_best_first(library: tuple[Store, dict[int, int]]) -> None:
    store, ids = library
    hits = search(store, "deficit", limit=100)
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    # The short page that is all about the deficit beats twenty long pages that mention it once.
    assert (hits[0].meeting_id, hits[0].page) == (ids[11], 10)
    assert search(store, "deficit", limit=5) == hits[:5]


def test_snippets_mark_every_matched_word_and_stems_match(library: tuple[Store, dict[int, int]]) -> None:
    store, _ = library
    hits = search(store, "ambulance delay")  # "delay" finds "delays"
    assert len(hits) == 20
    for hit in hits:
        assert sorted(w.lower() for w in hit.marked()) == ["ambulance", "delays"]
        assert len(hit.snippet.split()) <= 16


def test_phrases_prefixes_and_or(library: tuple[Store, dict[int, int]]) -> None:
    store, ids = library
    assert {h.meeting_id for h in search(store, '"health hub"')} == {ids[7]}
    assert search(store, '"hub health"') == []
    assert {h.meeting_id for h in search(store, "wix*")} == {ids[7]}
    either = search(store, "wixams OR december", limit=100)
    assert {(h.meeting_id, h.kind) for h in either} == {(ids[7], "pack"), (ids[4], "minute")}
    # Required words: nothing has both.
    assert search(store, "wixams december") == []
    # OR binds its neighbours only: board AND (wixams OR december).
    assert {h.meeting_id for h in search(store, "board wixams OR december")} == {ids[7], ids[4]}


def test_accents_and_case_do_not_matter(tmp_path: Path, store: Store) -> None:
    pages = ("Le café du Conseil: l'Été Réunion.", "Second page")
    commands.accept_draft(store, _draft(tmp_path, 1, pages))
    assert [h.page for h in search(store, "CAFE")] == [1]
    assert [h.page for h in search(store, "ete reunion")] == [1]
    assert [h.page for h in search(store, "l'été")] == [1]


def test_the_index_follows_every_change(library: tuple[Store, dict[int, int]]) -> None:
    store, ids = library
    item_id = store.items(ids[4])[1].id
    assert item_id is not None
    store.set_minute(item_id, "The Board approved the budget.")
    assert [h.kind for h in search(store, "december", limit=100)] == []
    assert [h.item_id for h in search(store, "approved budget")] == [item_id]

    save_pages(store, ids[7], ("A replacement first page about Wixams.",))
    assert page_count(store, ids[7]) == 1
    assert [(h.meeting_id, h.page) for h in search(store, "wixams")] == [(ids[7], 1)]

    # Deleting a meeting cascades to its pages, minutes and actions, and so out of the index.
    store.conn.execute("DELETE FROM meeting WHERE id = ?", (ids[9],))
    assert all(h.meeting_id != ids[9] for h in search(store, "deficit", limit=100))
    assert search(store, "november") == []
    _index_is_consistent(store)


def test_limit_must_be_positive(library: tuple[Store, dict[int, int]]) -> None:
    store, _ = library
    with pytest.raises(SearchQueryError):
        search(store, "deficit", limit=0)


def test_the_query_builder() -> None:
    assert fts_query("deficit") == '"deficit"'
    assert fts_query('  "health hub" wix* ') == '"health hub" AND "wix"*'
    assert fts_query("a OR b c") == '("a" OR "b") AND "c"'
    assert fts_query("c a OR b") == '"c" AND ("a" OR "b")'
    assert fts_query("OR a OR OR") == '"a"'
    assert fts_query('say "hello') == '"say" AND "hello"'
    assert fts_query('ab"cd') == '"ab""cd"'
    assert fts_query("covid-19 NOT near(x) text:foo") == '"covid-19" AND "NOT" AND "near(x)" AND "text:foo"'
    assert fts_query("- * ( deficit") == '"deficit"'


@pytest.mark.parametrize("text", ["", "   ", "\t\n", '"', '""', "***", "-", "OR", "( )", "\x00", "😀 🎉", '" "'])
def test_a_query_with_nothing_to_find_is_one_clear_sentence(store: Store, text: str) -> None:
    with pytest.raises(SearchQueryError) as caught:
        search(store, text)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "fts5" not in message.lower()
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, StorageError)


def test_too_many_words_is_refused_clearly(store: Store) -> None:
    with pytest.raises(SearchQueryError, match="more than"):
        search(store, " ".join(f"w{i}" for i in range(100)))


NASTY = [
    'deficit"',
    '"deficit',
    "deficit AND",
    "AND deficit",
    "deficit NOT",
    "NEAR(deficit report, 2)",
    "deficit^",
    "^deficit",
    "{deficit}",
    "deficit:report",
    "-deficit",
    "+deficit",
    "deficit*report",
    "*deficit",
    "O'Brien",
    "£6.7m",
    "6.4",
    "(Pages 13 - 64)",
    "déficit",
    "ﬁnance",
    "İstanbul",
    "عجز",
    "赤字",
    "deficit\x00report",
    "deficit\u200breport",
    "deficit\ud800",
    "x" * 10_000,
    "a" + " OR" * 50,
    "((((((((((deficit))))))))))",
    "deficit'; DROP TABLE meeting; --",
    "board deficit OR surplus",
    "deficit OR surplus board",
    "OR OR deficit OR OR OR report OR",
    '"deficit" OR "report" AND',
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_queries_never_reach_sqlite_as_syntax(library: tuple[Store, dict[int, int]], text: str) -> None:
    store, _ = library
    try:
        hits = search(store, text)
    except SearchQueryError:
        return
    assert all(isinstance(h.snippet, str) for h in hits)
    assert store.meetings()  # still there


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("hypothesis")
    store = Store.open(folder / "data" / "quorate.db")
    for n in (1, 2, 3):
        commands.accept_draft(store, _draft(folder, n))
    yield store
    store.close()


QUERY_CHARS = st.sampled_from([*"\"*-+^:(){}[],.'`~!@#$%&|\\/<>=?;_ \t\n\x00", "OR", "AND", "NOT", "NEAR"])


WORDS = st.sampled_from(["deficit", "board", "report", "wix*", '"health hub"', "x"])
TOKENS = st.one_of(QUERY_CHARS, WORDS, st.text(max_size=4))


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(),
        st.lists(TOKENS, max_size=20).map("".join),
        st.lists(TOKENS, max_size=12).map(" ".join),
    )
)
def test_any_text_is_a_safe_query(shared_store: Store, text: str) -> None:
    try:
        hits = search(shared_store, text)
    except SearchQueryError as exc:
        assert str(exc).endswith(".")
        return
    except driver.Error as exc:  # pragma: no cover - the failure being guarded against
        pytest.fail(f"{text!r} reached SQLite as bad syntax: {exc}")
    assert len(hits) <= 20


# -- the kept pack file ---------------------------------------------------------------------


def _data_dir(store: Store) -> Path:
    assert store.path is not None
    return store.path.parent


def test_import_keeps_the_original_unchanged_under_its_hash(tmp_path: Path, store: Store) -> None:
    draft = _draft(tmp_path, 1, suffix=".TXT")
    meeting = commands.accept_draft(store, draft)
    assert meeting.id is not None
    kept = packs_dir(_data_dir(store)) / f"{draft.sha256}.txt"
    assert kept.read_bytes() == Path(draft.source_path).read_bytes()
    assert [p.name for p in packs_dir(_data_dir(store)).iterdir()] == [kept.name]
    status = verify_pack(store, _data_dir(store), meeting.id)
    assert status.ok and status.state is PackState.OK and status.path == kept
    assert commands.verify_pack(store, meeting.id) == status
    assert page_count(store, meeting.id) == 12
    row = store.conn.execute("SELECT original_name, stored_name, size FROM pack_file").fetchone()
    assert row == ("board-pack-01.TXT", kept.name, kept.stat().st_size)
    assert store.verify_audit_chain() == []


def test_a_missing_or_changed_copy_is_reported_not_used(tmp_path: Path, store: Store) -> None:
    meeting = commands.accept_draft(store, _draft(tmp_path, 1))
    assert meeting.id is not None
    status = verify_pack(store, _data_dir(store), meeting.id)
    assert status.path is not None
    original = status.path.read_bytes()

    status.path.write_bytes(original.replace(b"deficit", b"surplus"))
    changed = verify_pack(store, _data_dir(store), meeting.id)
    assert changed.state is PackState.CHANGED and not changed.ok
    assert "changed since it was imported" in changed.message

    status.path.unlink()
    missing = verify_pack(store, _data_dir(store), meeting.id)
    assert missing.state is PackState.MISSING and "missing" in missing.message

    # Importing the same pack again puts the right copy back.
    commands.accept_draft(store, _draft(tmp_path, 1))
    assert verify_pack(store, _data_dir(store), meeting.id).ok


def test_a_meeting_without_a_kept_copy(store: Store) -> None:
    body = store.ensure_body("Board of Test")
    assert body.id is not None
    store.conn.execute(
        "INSERT INTO meeting (body_id, title, pack_sha256, created_at) VALUES (?, 'Old', ?, '2024-01-01T00:00:00')",
        (body.id, "cd" * 32),
    )
    store.conn.execute(
        "INSERT INTO meeting (body_id, title, created_at) VALUES (?, 'Typed in', '2024-01-01T00:00:00')", (body.id,)
    )
    old, typed = (m.id for m in sorted(store.meetings(), key=lambda m: m.id or 0))
    assert old is not None and typed is not None
    assert verify_pack(store, _data_dir(store), old).state is PackState.MISSING
    assert verify_pack(store, _data_dir(store), typed).state is PackState.NO_PACK


def test_the_same_pack_is_kept_once(tmp_path: Path, store: Store) -> None:
    draft = _draft(tmp_path, 1)
    first = commands.accept_draft(store, draft)
    kept = packs_dir(_data_dir(store)) / stored_name(draft.sha256, draft.source_path)
    os.utime(kept, (1_000_000, 1_000_000))
    second = commands.accept_draft(store, draft)
    assert first.id != second.id
    assert kept.stat().st_mtime == 1_000_000  # reused, not copied again
    assert len(list(packs_dir(_data_dir(store)).iterdir())) == 1
    assert store.conn.execute("SELECT count(*) FROM pack_file").fetchone()[0] == 1


def test_a_pack_that_changed_after_it_was_read_is_not_kept(tmp_path: Path, store: Store) -> None:
    draft = _draft(tmp_path, 1)
    Path(draft.source_path).write_bytes(b"someone saved over it")
    with pytest.raises(PackFileError, match="changed after it was read"):
        keep_pack_file(store, Path(draft.source_path), draft.sha256)
    assert list(packs_dir(_data_dir(store)).iterdir()) == []


def _nothing_written(store: Store, audit_before: int) -> None:
    assert store.meetings() == []
    for table in ("agenda_item", "pack_page", "pack_file", "search_index"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert len(store.audit_entries()) == audit_before
    folder = packs_dir(_data_dir(store))
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_failed_copy_writes_nothing(tmp_path: Path, store: Store) -> None:
    draft = _draft(tmp_path, 1)
    Path(draft.source_path).unlink()
    with pytest.raises(PackFileError, match="could not be found"):
        commands.accept_draft(store, draft)
    _nothing_written(store, 0)

    draft = _draft(tmp_path, 2)
    Path(draft.source_path).write_bytes(b"changed on disk")
    with pytest.raises(PackFileError):
        commands.accept_draft(store, draft)
    _nothing_written(store, 0)


def test_a_failed_database_write_leaves_no_meeting_pages_or_file(tmp_path: Path, store: Store) -> None:
    draft = _draft(tmp_path, 1)
    bad = replace(draft, items=(DraftItem("1", None),))  # type: ignore[arg-type]
    with pytest.raises(driver.IntegrityError):
        commands.accept_draft(store, bad)
    _nothing_written(store, 0)


def test_a_failed_write_does_not_remove_a_copy_another_meeting_uses(tmp_path: Path, store: Store) -> None:
    draft = _draft(tmp_path, 1)
    meeting = commands.accept_draft(store, draft)
    assert meeting.id is not None
    bad = replace(draft, items=(DraftItem("1", None),))  # type: ignore[arg-type]
    with pytest.raises(driver.IntegrityError):
        commands.accept_draft(store, bad)
    assert verify_pack(store, _data_dir(store), meeting.id).ok
    assert len(store.meetings()) == 1


def test_a_failure_after_the_pages_rolls_back_everything(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.storage import library

    def boom(*args: object, **kwargs: object) -> int:
        save_pages(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError("disk full")

    monkeypatch.setattr(library, "save_pages", boom)
    with pytest.raises(OSError, match="disk full"):
        commands.accept_draft(store, _draft(tmp_path, 1))
    _nothing_written(store, 0)


def test_sweep_removes_only_old_unrecorded_files(tmp_path: Path, store: Store) -> None:
    draft = _draft(tmp_path, 1)
    commands.accept_draft(store, draft)
    folder = packs_dir(_data_dir(store))
    stale, fresh = folder / ("ee" * 32 + ".pdf"), folder / ".incoming-abc"
    stale.write_bytes(b"left by a crash")
    fresh.write_bytes(b"an import in progress")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    assert sweep_orphans(store, _data_dir(store)) == [stale]
    assert sorted(p.name for p in folder.iterdir()) == sorted([fresh.name, stored_name(draft.sha256, "pack.txt")])


def test_import_of_the_demo_pack_indexes_its_pages(store: Store, demo_pack: Path) -> None:
    meeting = commands.import_pack(store, demo_pack)
    assert meeting.id is not None
    assert commands.verify_pack(store, meeting.id).ok
    pages = page_count(store, meeting.id)
    hits = commands.search(store, "deficit")
    if pages:  # the importers fill DraftPack.pages; a pack without page texts still imports
        assert hits and all(h.meeting_id == meeting.id for h in hits)
    for item in store.items(meeting.id):
        assert item.part in (Part.ONE, Part.TWO)
