"""Retention: removing old board packs and Part II papers from the library, keeping the record.

A body keeps packs and Part II papers for as long as its rules say (`RuleSet.keep_packs_years`,
`keep_part2_years`; none: for good); `quorate purge` and the window's Library ▸ Remove old papers… apply them, or
remove everything before a given date. What goes is what was copied in from elsewhere: the kept pack and tabled
paper files (their `pack_file` rows stay, marked with when they went) and the text of their pages (with their
search entries). What stays is the record: meetings, items, minutes, decisions, actions, who tabled which paper,
approvals and signatures, the audit log (nothing of it is derived from page text, so the chain and every signed
meeting still verify), and members' own notes. A pack that holds Part II pages goes whole when its Part II papers
are due to go (a file cannot keep half of itself); the text of its public pages stays searchable until the pack's
own time. Each meeting purged gets one audit row saying what went (entity "retention").

Deleted rows are overwritten (`PRAGMA secure_delete`), so their text does not linger in the database's free pages.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.domain import Part
from app.storage.library import data_dir_of, packs_dir
from app.storage.store import Store, _now

log = logging.getLogger(__name__)


@dataclass
class PurgeReport:
    meetings: list[int] = field(default_factory=list)  # meetings that lost something
    files_removed: int = 0
    pack_pages_removed: int = 0
    tabled_pages_removed: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "meetings": self.meetings,
            "files_removed": self.files_removed,
            "pack_pages_removed": self.pack_pages_removed,
            "tabled_pages_removed": self.tabled_pages_removed,
        }

    def summary(self) -> str:
        if not self.meetings:
            return "Nothing was old enough to remove."
        return (
            f"Removed from {len(self.meetings)} meetings: {self.files_removed} kept files, the text of "
            f"{self.pack_pages_removed} pack pages and {self.tabled_pages_removed} tabled paper pages. "
            "Their minutes, signatures and audit log are kept."
        )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _part2_pages(store: Store, meeting_id: int) -> set[int]:
    pages: set[int] = set()
    for item in store.items(meeting_id):
        if item.part is Part.TWO and item.first_page is not None:
            pages.update(range(item.first_page, (item.last_page or item.first_page) + 1))
    return pages


def _mark_purged(store: Store, sha: str, folder: Path, moment: str) -> Path | None:
    """Mark a kept file purged (part of the caller's transaction); the file to remove once that commits."""
    row = store.conn.execute("SELECT stored_name, purged_at FROM pack_file WHERE sha256 = ?", (sha,)).fetchone()
    if row is None or row[1] is not None:
        return None
    store.conn.execute("UPDATE pack_file SET purged_at = ? WHERE sha256 = ?", (moment, sha))
    return folder / str(row[0])


def _purge_meeting(store: Store, meeting_id: int, sha: str, whole: bool) -> dict[str, Any] | None:
    """Delete one meeting's page texts (all, or its Part II ones) and list the files to go; None: nothing to do."""
    secret_pages = _part2_pages(store, meeting_id)
    if whole:
        pages_gone = store.conn.execute("DELETE FROM pack_page WHERE meeting_id = ?", (meeting_id,)).rowcount
    elif secret_pages:
        marks = ",".join("?" * len(secret_pages))
        sql = f"DELETE FROM pack_page WHERE meeting_id = ? AND page IN ({marks})"
        pages_gone = store.conn.execute(sql, (meeting_id, *sorted(secret_pages))).rowcount
    else:
        pages_gone = 0
    papers = store.conn.execute(
        "SELECT t.id, t.sha256 FROM tabled_paper t LEFT JOIN agenda_item a ON a.id = t.item_id WHERE t.meeting_id = ?"
        + ("" if whole else " AND a.part = 2"),
        (meeting_id,),
    ).fetchall()
    tabled_gone = sum(
        store.conn.execute("DELETE FROM tabled_page WHERE paper_id = ?", (paper_id,)).rowcount for paper_id, _ in papers
    )
    files = {str(paper_sha) for _, paper_sha in papers}
    if sha and (whole or secret_pages):  # a pack holding Part II pages goes whole with its Part II papers
        files.add(sha)
    files -= {str(r[0]) for r in store.conn.execute("SELECT sha256 FROM pack_file WHERE purged_at IS NOT NULL")}
    if not (pages_gone or tabled_gone or files):
        return None
    return {
        "scope": "pack" if whole else "part2",
        "pack_pages": pages_gone,
        "tabled_pages": tabled_gone,
        "files": sorted(files),
    }


def _users(store: Store, sha: str) -> set[int]:
    """Meetings whose pack or tabled paper is the file `sha`."""
    rows = store.conn.execute(
        "SELECT id FROM meeting WHERE pack_sha256 = ? UNION SELECT meeting_id FROM tabled_paper WHERE sha256 = ?",
        (sha, sha),
    ).fetchall()
    return {int(r[0]) for r in rows}


def purge(
    store: Store,
    packs_before: date | None,
    part2_before: date | None = None,
    *,
    body_id: int | None = None,
    actor: str = "secretary",
) -> PurgeReport:
    """Remove the packs of meetings held before `packs_before` and the Part II papers of meetings held before
    `part2_before` (either may be None: nothing of that kind goes), of one body or of all. Meetings without a date
    are never purged. One transaction: all of it or none of it (the files go after it commits)."""
    report = PurgeReport()
    folder = packs_dir(data_dir_of(store))
    moment = _now().isoformat()
    rows = store.conn.execute(
        "SELECT id, date, pack_sha256 FROM meeting WHERE date IS NOT NULL"
        + (" AND body_id = ?" if body_id is not None else "")
        + " ORDER BY date, id",
        (body_id,) if body_id is not None else (),
    ).fetchall()
    store.conn.execute("PRAGMA secure_delete = ON")
    doomed_files: list[str] = []
    removable: list[Path] = []
    try:
        with store.transaction():
            purged: dict[int, dict[str, object]] = {}
            for meeting_id, held, sha in rows:
                held_on = date.fromisoformat(str(held))
                whole = packs_before is not None and held_on < packs_before
                part2 = part2_before is not None and held_on < part2_before
                if not (whole or part2):
                    continue
                what = _purge_meeting(store, int(meeting_id), str(sha or ""), whole)
                if what is None:
                    continue
                doomed_files += what["files"]
                report.pack_pages_removed += what["pack_pages"]
                report.tabled_pages_removed += what["tabled_pages"]
                report.meetings.append(int(meeting_id))
                purged[int(meeting_id)] = what
            gone = set(report.meetings)
            for sha in dict.fromkeys(doomed_files):
                if not _users(store, sha) - gone:  # no meeting that stays still uses the file
                    path = _mark_purged(store, sha, folder, moment)
                    if path is not None:
                        removable.append(path)
            for meeting_id, what in purged.items():
                before = {"packs_before": packs_before, "part2_before": part2_before}
                store._audit(actor, "retention", meeting_id, "purge", before, what)
    finally:
        store.conn.execute("PRAGMA secure_delete = FAST")  # as every connection has it (connection.py)
    for path in removable:  # after the commit; a crash before this leaves files `sweep_orphans` removes
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        report.files_removed += 1
    if report.meetings:
        log.info("purged %d meetings' papers (%d files)", len(report.meetings), report.files_removed)
    return report


def purge_by_rules(store: Store, today: date | None = None, actor: str = "secretary") -> PurgeReport:
    """Apply every body's retention setting as of `today`."""
    today = today or date.today()
    total = PurgeReport()
    for (body_id,) in store.conn.execute("SELECT id FROM body ORDER BY id").fetchall():
        rules = store.body(int(body_id)).rules
        packs = _years_before(today, rules.keep_packs_years) if rules.keep_packs_years else None
        part2 = _years_before(today, rules.keep_part2_years) if rules.keep_part2_years else None
        if packs is None and part2 is None:
            continue
        done = purge(store, packs, part2, body_id=int(body_id), actor=actor)
        total.meetings += done.meetings
        total.files_removed += done.files_removed
        total.pack_pages_removed += done.pack_pages_removed
        total.tabled_pages_removed += done.tabled_pages_removed
    return total
