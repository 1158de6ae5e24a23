"""The offline library: kept pack files, page texts, and search over packs and records.

Pack files are kept in DATA_DIR/packs/<sha256><suffix>, sealed (encrypted, `app.storage.sealed`) in an encrypted
library and unchanged in a plain one, and checked against the hash of their content before use. They are read
into memory, never decrypted to disk. Page texts and the meetings' minutes and actions are searched through one
FTS5 index (`search_index`, kept in step by triggers: see db/0002_library_search.sql).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.storage import driver, file_keys, member_notes
from app.storage.connection import StorageError
from app.storage.sealed import FileKeys, SealedFileError, SealedWriter, read_chunks
from app.storage.store import Store, _now

log = logging.getLogger(__name__)

PACKS_DIR = "packs"
_TEMP_PREFIX = ".incoming-"
_CHUNK = 1 << 20

# The matched words in a snippet are wrapped in these; they are vanishingly rare in board packs,
# so a view can escape the snippet and then turn them into bold.
MARK_OPEN, MARK_CLOSE, ELLIPSIS = "\u27e6", "\u27e7", "…"
SNIPPET_TOKENS = 12
MAX_TERMS = 64

# rowid of search_index = source id * 4 + kind (see the migrations 0002 and 0005).
_KINDS = {0: "tabled", 1: "pack", 2: "minute", 3: "action"}


class PackFileError(StorageError):
    """The pack file could not be kept in the library; the message says why."""


class SearchQueryError(StorageError):
    """A search the user typed has nothing to search for; the message is one sentence."""


# -- the kept pack files ---------------------------------------------------------------


def data_dir_of(store: Store) -> Path:
    """The data folder of a store: the folder its database file is in."""
    if store.path is None:
        raise StorageError("This database has no folder to keep pack files in.")
    return store.path.parent


def packs_dir(data_dir: Path) -> Path:
    return data_dir / PACKS_DIR


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""


def stored_name(sha256: str, original_name: str) -> str:
    return f"{sha256}{_suffix(original_name)}"


def file_sha256(path: Path, keys: FileKeys | None = None, context: str = "") -> str:
    """The SHA-256 of the content of `path` (of its plain content when it is sealed)."""
    digest = hashlib.sha256()
    for chunk in read_chunks(path, keys, context):
        digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class KeptPack:
    """A pack file copied into the library; `created` says this call put it there."""

    sha256: str
    original_name: str
    stored_name: str
    size: int
    path: Path
    created: bool


def _matches(target: Path, sha256: str, keys: FileKeys | None) -> bool:
    """A kept copy is already there with this content (sealed when the library is encrypted)."""
    if not target.is_file():
        return False
    try:
        with target.open("rb") as handle:
            sealed = handle.read(8) == b"QSEAL\x00\x01\n"
        return sealed == (keys is not None) and file_sha256(target, keys, target.name) == sha256
    except SealedFileError:
        return False


def keep_pack_file(store: Store, source: Path, sha256: str, data: bytes | None = None) -> KeptPack:
    """Copy `source` into the library as <sha256><suffix>, atomically: sealed in an encrypted library, unchanged
    in a plain one.

    The bytes are hashed as they are copied and must match `sha256` (the hash of what the
    importer read), so the kept copy is exactly the file that was parsed. A copy already
    there with the right hash is reused; one with the wrong hash is replaced. With `data`, those bytes are kept
    under `source`'s name (a pack that arrived in a meeting bundle: never written to disk in plain).
    """
    data_dir = data_dir_of(store)
    keys = file_keys.of(store)
    name = stored_name(sha256, source.name)
    folder = packs_dir(data_dir)
    target = folder / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _matches(target, sha256, keys):
            size = len(data) if data is not None else source.stat().st_size
            return KeptPack(sha256, source.name, name, size, target, created=False)
        handle, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=folder)
        temp = Path(temp_name)
        try:
            digest, size = hashlib.sha256(), 0
            with os.fdopen(handle, "wb") as out, io.BytesIO(data) if data is not None else source.open("rb") as src:
                writer = SealedWriter(out, keys, name) if keys is not None else None
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    if writer is not None:
                        writer.write(chunk)
                    else:
                        out.write(chunk)
                if writer is not None:
                    writer.finish()
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:
                raise PackFileError(f"{source.name} changed after it was read; import it again.")
            created = not target.exists()
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _fsync_dir(folder)
    except FileNotFoundError as exc:
        raise PackFileError(f"{source.name} could not be found to keep a copy of it; import it again.") from exc
    except OSError as exc:
        raise PackFileError(f"A copy of {source.name} could not be kept in {folder}: {exc.strerror or exc}.") from exc
    return KeptPack(sha256, source.name, name, size, target, created)


def kept_files(store: Store) -> list[tuple[Path, str]]:
    """Every kept file the library records, with the context it is sealed under (its name)."""
    folder = packs_dir(data_dir_of(store))
    rows = store.conn.execute("SELECT stored_name FROM pack_file WHERE purged_at IS NULL")
    return [(folder / str(r[0]), str(r[0])) for r in rows]


def read_kept(store: Store, path: Path) -> bytearray:
    """The content of a kept file, decrypted in memory when it is sealed.

    Raises OSError when it cannot be read and SealedFileError when it cannot be decrypted."""
    buffer = bytearray()
    for chunk in read_chunks(path, file_keys.of(store), path.name):
        buffer += chunk
    return buffer


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def record_pack_file(store: Store, kept: KeptPack, actor: str = "secretary") -> None:
    """Note a kept file in `pack_file` (once per hash); part of the caller's transaction."""
    with store._write():
        cursor = store.conn.execute(
            "INSERT INTO pack_file (sha256, original_name, stored_name, size, imported_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (sha256) DO NOTHING",
            (kept.sha256, kept.original_name, kept.stored_name, kept.size, _now().isoformat()),
        )
        if cursor.rowcount:
            after = {"sha256": kept.sha256, "original_name": kept.original_name, "size": kept.size}
            store._audit(actor, "pack_file", None, "create", None, after)


def discard_unrecorded_copy(store: Store, kept: KeptPack) -> None:
    """Undo `keep_pack_file` after a failed write: remove the copy if this import made it
    and no committed row refers to it."""
    if not kept.created:
        return
    row = store.conn.execute("SELECT 1 FROM pack_file WHERE sha256 = ?", (kept.sha256,)).fetchone()
    if row is None:
        kept.path.unlink(missing_ok=True)


def sweep_orphans(store: Store, data_dir: Path, older_than_s: float = 3600.0) -> list[Path]:
    """Remove files in the library that no row refers to: left by an import that crashed between
    copying and committing. Only files older than `older_than_s` go, so an import running in
    another process at this moment is not disturbed. Returns what was removed."""
    folder = packs_dir(data_dir)
    if not folder.is_dir():
        return []
    known = {str(r[0]) for r in store.conn.execute("SELECT stored_name FROM pack_file WHERE purged_at IS NULL")}
    cutoff = time.time() - older_than_s
    removed = []
    for path in folder.iterdir():
        try:
            if path.is_file() and path.name not in known and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError as exc:
            log.warning("could not remove stray library file %s: %s", path, exc)
    return removed


class PackState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    CHANGED = "changed"
    NO_PACK = "no_pack"  # the meeting was not made from a pack
    PURGED = "purged"  # removed under the body's retention (app/storage/retention.py)


@dataclass(frozen=True, slots=True)
class PackStatus:
    state: PackState
    path: Path | None  # the kept copy; open this one, and only when state is OK
    sha256: str
    message: str

    @property
    def ok(self) -> bool:
        return self.state is PackState.OK


def _check_copy(
    store: Store, path: Path, sha: str, original: str, what: str, *, keep: bool, since: str = "kept"
) -> tuple[PackStatus, bytearray | None]:
    """Read a kept copy whole (decrypting it when sealed), hash it, and say whether it is the file recorded;
    with `keep`, also return its content (one read serves both)."""
    digest = hashlib.sha256()
    buffer = bytearray() if keep else None
    try:
        for chunk in read_chunks(path, file_keys.of(store), path.name):
            digest.update(chunk)
            if buffer is not None:
                buffer += chunk
    except FileNotFoundError:
        return PackStatus(
            PackState.MISSING, path, sha, f"The library copy of {original} is missing from {path.parent}; {what}."
        ), None
    except SealedFileError:
        return PackStatus(
            PackState.CHANGED,
            path,
            sha,
            f"The library copy of {original} cannot be decrypted: it was damaged or changed, so it is not shown; "
            f"{what}.",
        ), None
    except OSError as exc:
        return PackStatus(
            PackState.MISSING, path, sha, f"The library copy of {original} could not be read: {exc.strerror or exc}."
        ), None
    if digest.hexdigest() != sha:
        return PackStatus(
            PackState.CHANGED,
            path,
            sha,
            f"The library copy of {original} has changed since it was {since}, so it is not shown; {what}.",
        ), None
    return PackStatus(PackState.OK, path, sha, ""), buffer


def _pack_copy(store: Store, data_dir: Path, meeting_id: int, *, keep: bool) -> tuple[PackStatus, bytearray | None]:
    sha = store.meeting(meeting_id).pack_sha256
    if not sha:
        return PackStatus(PackState.NO_PACK, None, "", "This meeting was not imported from a pack."), None
    row = store.conn.execute(
        "SELECT original_name, stored_name, purged_at FROM pack_file WHERE sha256 = ?", (sha,)
    ).fetchone()
    if row is None:
        return PackStatus(
            PackState.MISSING,
            None,
            sha,
            "No copy of this meeting's pack is kept in the library (it was imported before Quorate kept copies); "
            "import the pack again to keep one.",
        ), None
    original, name = str(row[0]), str(row[1])
    if row[2] is not None:
        return PackStatus(
            PackState.PURGED, None, sha, f"{original} was removed on {str(row[2])[:10]} under the body's retention."
        ), None
    return _check_copy(store, packs_dir(data_dir) / name, sha, original, "import it again", keep=keep, since="imported")


def verify_pack(store: Store, data_dir: Path, meeting_id: int) -> PackStatus:
    """Check a meeting's kept pack against its hash (re-reading the file) before it is used."""
    return _pack_copy(store, data_dir, meeting_id, keep=False)[0]


def open_pack(store: Store, data_dir: Path, meeting_id: int) -> tuple[PackStatus, bytearray | None]:
    """A meeting's kept pack, checked against its hash, in memory (None unless the status is OK)."""
    return _pack_copy(store, data_dir, meeting_id, keep=True)


# -- page texts ---------------------------------------------------------------------------


def save_pages(store: Store, meeting_id: int, pages: Sequence[str], actor: str = "secretary") -> int:
    """Store the text of every page of a meeting's pack (page 1 first), replacing any before.

    The text is derived from the kept pack, so the audit gets one row saying it was indexed,
    not the text itself.
    """
    with store._write():
        store.conn.execute("DELETE FROM pack_page WHERE meeting_id = ?", (meeting_id,))
        store.conn.executemany(
            "INSERT INTO pack_page (meeting_id, page, text) VALUES (?, ?, ?)",
            ((meeting_id, number, _clean(text)) for number, text in enumerate(pages, start=1)),
        )
        store._audit(actor, "pack_page", meeting_id, "index", None, {"pages": len(pages)})
    return len(pages)


def page_text(store: Store, meeting_id: int, page: int) -> str | None:
    row = store.conn.execute(
        "SELECT text FROM pack_page WHERE meeting_id = ? AND page = ?", (meeting_id, page)
    ).fetchone()
    return str(row[0]) if row else None


def page_count(store: Store, meeting_id: int) -> int:
    return int(store.conn.execute("SELECT count(*) FROM pack_page WHERE meeting_id = ?", (meeting_id,)).fetchone()[0])


def _clean(text: str) -> str:
    # Lone surrogates (from a broken PDF text layer) cannot be stored as UTF-8.
    return text.encode("utf-8", "replace").decode("utf-8")


# -- papers tabled on the day -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TabledPaper:
    """A paper handed out at the meeting, kept in the library and linked to its agenda item."""

    id: int
    meeting_id: int
    item_id: int | None
    sha256: str
    original_name: str
    added_at: str
    pages: int  # pages of text indexed for search (0 when none could be read)


def keep_tabled_paper(store: Store, source: Path) -> KeptPack:
    """Copy a tabled paper into the library as a pack is kept (by SHA-256, unchanged, atomically).

    Done before the transaction that records it; undo with `discard_unrecorded_copy` if that fails."""
    try:
        sha = file_sha256(source)
    except FileNotFoundError as exc:
        raise PackFileError(f"The tabled paper {source.name} could not be found; attach it again.") from exc
    except OSError as exc:
        raise PackFileError(f"The tabled paper {source.name} could not be read: {exc.strerror or exc}.") from exc
    return keep_pack_file(store, source, sha)


def record_tabled_paper(
    store: Store,
    meeting_id: int,
    item_id: int | None,
    kept: KeptPack,
    pages: Sequence[str],
    actor: str = "secretary",
) -> int:
    """Note a kept tabled paper against its meeting and item, and index its pages' text for search;
    part of the caller's transaction. Returns the paper's id."""
    with store._write():
        record_pack_file(store, kept, actor)
        row = {
            "meeting_id": meeting_id,
            "item_id": item_id,
            "sha256": kept.sha256,
            "original_name": kept.original_name,
            "added_at": _now().isoformat(),
        }
        paper_id = store._insert("tabled_paper", row)
        store.conn.executemany(
            "INSERT INTO tabled_page (paper_id, page, text) VALUES (?, ?, ?)",
            ((paper_id, number, _clean(text)) for number, text in enumerate(pages, start=1)),
        )
        store._audit(actor, "tabled_paper", paper_id, "create", None, {**row, "pages": len(pages)})
    return paper_id


_TABLED_SELECT = (
    "SELECT t.id, t.meeting_id, t.item_id, t.sha256, t.original_name, t.added_at,"
    " (SELECT count(*) FROM tabled_page g WHERE g.paper_id = t.id) FROM tabled_paper t"
)


def _tabled_from_row(r: Sequence[object]) -> TabledPaper:
    return TabledPaper(
        int(str(r[0])),
        int(str(r[1])),
        None if r[2] is None else int(str(r[2])),
        str(r[3]),
        str(r[4]),
        str(r[5]),
        int(str(r[6])),
    )


def tabled_papers(store: Store, meeting_id: int) -> list[TabledPaper]:
    """The papers tabled at a meeting, in the order they were added."""
    rows = store.conn.execute(f"{_TABLED_SELECT} WHERE t.meeting_id = ? ORDER BY t.id", (meeting_id,)).fetchall()
    return [_tabled_from_row(r) for r in rows]


def tabled_page_text(store: Store, paper_id: int, page: int) -> str | None:
    row = store.conn.execute(
        "SELECT text FROM tabled_page WHERE paper_id = ? AND page = ?", (paper_id, page)
    ).fetchone()
    return str(row[0]) if row else None


def _tabled_copy(store: Store, data_dir: Path, paper_id: int, *, keep: bool) -> tuple[PackStatus, bytearray | None]:
    row = store.conn.execute(
        "SELECT t.sha256, t.original_name, f.stored_name, f.purged_at FROM tabled_paper t"
        " LEFT JOIN pack_file f ON f.sha256 = t.sha256 WHERE t.id = ?",
        (paper_id,),
    ).fetchone()
    if row is None:
        return PackStatus(PackState.MISSING, None, "", f"There is no tabled paper with id {paper_id}."), None
    sha, original, name = str(row[0]), str(row[1]), row[2]
    if row[3] is not None:
        return PackStatus(
            PackState.PURGED, None, sha, f"{original} was removed on {str(row[3])[:10]} under the body's retention."
        ), None
    if name is None:
        return PackStatus(PackState.MISSING, None, sha, f"No copy of the tabled paper {original} is kept."), None
    return _check_copy(store, packs_dir(data_dir) / str(name), sha, original, "attach it again", keep=keep)


def verify_tabled_paper(store: Store, data_dir: Path, paper_id: int) -> PackStatus:
    """Check a tabled paper's kept copy against its hash before it is opened, as `verify_pack` does."""
    return _tabled_copy(store, data_dir, paper_id, keep=False)[0]


def open_tabled_paper(store: Store, data_dir: Path, paper_id: int) -> tuple[PackStatus, bytearray | None]:
    """A tabled paper's kept copy, checked against its hash, in memory (None unless the status is OK)."""
    return _tabled_copy(store, data_dir, paper_id, keep=True)


# -- search -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    meeting_id: int
    meeting_title: str
    kind: str  # "pack", "minute", "action" or "tabled" (a paper tabled on the day)
    page: int | None  # pack pages and tabled papers' pages, numbered from 1
    item_id: int | None  # the agenda item: of a minute, or the one an action was raised under
    snippet: str  # matched words between MARK_OPEN and MARK_CLOSE
    rank: float  # bm25: lower is better
    meeting_date: date | None = None
    action_id: int | None = None
    paper_id: int | None = None  # the tabled paper of a "tabled" hit
    annotation_id: int | None = None  # the member's own note of a "note" hit (issue 7)
    note_owner: str = ""  # whose note a "note" hit is
    protected: bool = False  # a note protected by its member's own passphrase, unlocked this session (issue 18)
    confidential: bool = False  # found in Part II: a Part II item's minute, action, paper or pack pages

    def marked(self) -> list[str]:
        """The words of the snippet that matched."""
        return re.findall(f"{MARK_OPEN}(.*?){MARK_CLOSE}", self.snippet)


_TERM = re.compile(r'"([^"]*)"?|(\S+)')


def _strip_controls(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs"))


def _phrase(text: str, prefix: bool = False) -> str | None:
    text = _strip_controls(text)
    if not any(ch.isalnum() for ch in text):
        return None
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


def fts_query(user_text: str) -> str:
    """Turn what a user typed into an FTS5 query that cannot be a syntax error.

    Words are all required; "quoted words" must appear together; a word ending in * matches
    any word it begins; OR (in capitals) between words accepts either. Everything else is
    taken literally: hyphens, colons, brackets, AND/NOT/NEAR are not operators here.
    """
    groups: list[list[str]] = []
    join_next = False
    for match in _TERM.finditer(user_text):
        quoted, bare = match.group(1), match.group(2)
        if bare == "OR":
            join_next = bool(groups)
            continue
        if quoted is not None:
            term = _phrase(quoted)
        else:
            assert bare is not None
            stem = bare.rstrip("*")
            term = _phrase(stem, prefix=stem != bare)
        if term is None:
            continue
        if join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        shown = _strip_controls(user_text).strip()
        if not shown:
            raise SearchQueryError("Type a word or a number to search for.")
        raise SearchQueryError(f"There is nothing to search for in “{shown[:40]}”: type a word or a number.")
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise SearchQueryError(f"The search has more than {MAX_TERMS} words; try fewer.")
    # Explicit AND: FTS5 does not accept an implicit AND before a bracket.
    return " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)


# Part II of a hit: the agenda item of its minute, action or tabled paper; for a pack page, any Part II item whose
# pages hold it.
_PART2_ITEM = "(SELECT part FROM agenda_item WHERE id = coalesce(e.item_id, x.item_id, t.item_id)) = 2"
_PART2_PAGE = (
    "EXISTS (SELECT 1 FROM agenda_item i WHERE i.meeting_id = p.meeting_id AND i.part = 2"
    " AND p.page BETWEEN i.first_page AND coalesce(i.last_page, i.first_page))"
)

_SEARCH_SQL = f"""
SELECT h.rid % 4, h.rank, h.snip, m.id, m.title, m.date, coalesce(p.page, tp.page),
       coalesce(e.item_id, x.item_id, t.item_id), x.id, t.id,
       CASE WHEN p.id IS NOT NULL THEN {_PART2_PAGE} ELSE coalesce({_PART2_ITEM}, 0) END
FROM (
    SELECT rowid AS rid, rank, snippet(search_index, 0, ?, ?, ?, {SNIPPET_TOKENS}) AS snip
    FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?
) AS h
LEFT JOIN pack_page p ON h.rid % 4 = 1 AND p.id = h.rid / 4
LEFT JOIN minute_entry e ON h.rid % 4 = 2 AND e.id = h.rid / 4
LEFT JOIN agenda_item a ON a.id = e.item_id
LEFT JOIN action x ON h.rid % 4 = 3 AND x.id = h.rid / 4
LEFT JOIN tabled_page tp ON h.rid % 4 = 0 AND tp.id = h.rid / 4
LEFT JOIN tabled_paper t ON t.id = tp.paper_id
JOIN meeting m ON m.id = coalesce(p.meeting_id, a.meeting_id, x.meeting_id, t.meeting_id)
ORDER BY h.rank, h.rid
"""


_NOTE_SQL = f"""
SELECT h.rank, h.snip, m.id, m.title, m.date, n.page, n.item_id, n.id,
       coalesce((SELECT part FROM agenda_item WHERE id = n.item_id) = 2, 0)
FROM (
    SELECT rowid AS rid, rank, snippet(annotation_search, 0, ?, ?, ?, {SNIPPET_TOKENS}) AS snip
    FROM annotation_search WHERE annotation_search MATCH ?
) AS h
JOIN annotation n ON n.id = h.rid AND n.owner = ?
JOIN meeting m ON m.id = n.meeting_id
ORDER BY h.rank, n.id LIMIT ?
"""


def _note_hits(store: Store, match: str, owner: str, limit: int) -> list[SearchHit]:
    """Matches in one member's own annotation notes (issue 7): other members' notes are private."""
    rows = store.conn.execute(_NOTE_SQL, (MARK_OPEN, MARK_CLOSE, ELLIPSIS, match, owner, limit)).fetchall()
    return [
        SearchHit(
            meeting_id=int(r[2]),
            meeting_title=str(r[3]),
            kind="note",
            page=r[5],
            item_id=r[6],
            snippet=str(r[1] or ""),
            rank=float(r[0]),
            meeting_date=date.fromisoformat(r[4]) if r[4] else None,
            annotation_id=int(r[7]),
            confidential=bool(r[8]),
            note_owner=owner,
        )
        for r in rows
    ]


_SEALED_NOTE_SQL = f"""
SELECT rowid, rank, snippet(unsealed, 0, ?, ?, ?, {SNIPPET_TOKENS}) FROM unsealed WHERE unsealed MATCH ?
ORDER BY rank LIMIT ?
"""


def _sealed_note_hits(store: Store, match: str, owner: str, limit: int) -> list[SearchHit]:
    """Matches in the notes of a member who protected them and unlocked them this session. Their words are not in
    the library's index (only sealed), so they are indexed here in a database held in memory for this search."""
    from app.storage.annotations import get

    ids = [
        int(r[0])
        for r in store.conn.execute(
            "SELECT id FROM annotation WHERE owner = ? AND sealed IS NOT NULL", (owner,)
        ).fetchall()
    ]
    if not ids:
        return []
    found = {a.id: a for a in (get(store, i) for i in ids)}
    memory = driver.connect(":memory:")
    try:
        memory.execute(
            "CREATE VIRTUAL TABLE unsealed USING fts5(note, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        memory.executemany("INSERT INTO unsealed (rowid, note) VALUES (?, ?)", [(i, a.note) for i, a in found.items()])
        rows = memory.execute(_SEALED_NOTE_SQL, (MARK_OPEN, MARK_CLOSE, ELLIPSIS, match, limit)).fetchall()
    finally:
        memory.close()
    hits = []
    for annotation_id, rank, snip in rows:
        a = found[int(annotation_id)]
        meeting = store.conn.execute(
            "SELECT title, date, coalesce((SELECT part FROM agenda_item WHERE id = ?) = 2, 0) FROM meeting"
            " WHERE id = ?",
            (a.item_id, a.meeting_id),
        ).fetchone()
        hits.append(
            SearchHit(
                meeting_id=a.meeting_id,
                meeting_title=str(meeting[0]),
                kind="note",
                page=a.page,
                item_id=a.item_id,
                snippet=str(snip or ""),
                rank=float(rank),
                meeting_date=date.fromisoformat(meeting[1]) if meeting[1] else None,
                annotation_id=a.id,
                confidential=bool(meeting[2]),
                note_owner=owner,
                protected=True,
            )
        )
    return hits


def search(store: Store, query: str, limit: int = 20, owner: str | None = None) -> list[SearchHit]:
    """The best `limit` matches for `query` in every pack page, tabled paper, minute and action, best first,
    with the notes of `owner` (by default the member last chosen in the reader on this device) among them: a
    member who protected their notes with their own passphrase only once unlocked this session, and never another's.

    Raises SearchQueryError (a StorageError, so a refusal) when the query has no word to search for.
    """
    if limit < 1:
        raise SearchQueryError("The number of results to show must be at least 1.")
    match = fts_query(query)
    if owner is None:
        from app.storage.annotations import reader_member

        owner = reader_member(store)
    notes: list[SearchHit] = []
    if owner and member_notes.session_cipher(store, owner) is not None:
        notes = _sealed_note_hits(store, match, owner, limit)  # unlocked this session: theirs, and only theirs
    elif owner and not member_notes.protected(store, owner):
        notes = _note_hits(store, match, owner, limit)  # a member without a passphrase: their notes are not protected
    rows = store.conn.execute(_SEARCH_SQL, (MARK_OPEN, MARK_CLOSE, ELLIPSIS, match, limit)).fetchall()
    if notes:
        found = _hits(rows) + notes
        return sorted(found, key=lambda h: (h.rank, h.kind == "note"))[:limit]
    return _hits(rows)


def _hits(rows: Sequence[Sequence[Any]]) -> list[SearchHit]:
    return [
        SearchHit(
            meeting_id=int(r[3]),
            meeting_title=str(r[4]),
            kind=_KINDS[int(r[0])],
            page=r[6],
            item_id=r[7],
            snippet=str(r[2] or ""),
            rank=float(r[1]),
            meeting_date=date.fromisoformat(r[5]) if r[5] else None,
            action_id=r[8],
            paper_id=r[9],
            confidential=bool(r[10]),
        )
        for r in rows
    ]
