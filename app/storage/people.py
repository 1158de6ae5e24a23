"""People of a body, their deputies and register of interests, and the body's rule set, in SQLite.

Every function here takes a `Store` and writes in one transaction together with its audit rows, so a
change is all or nothing and its history is the audit log (`history()` reads it back). Problems the
secretary can fix (a clash of initials, a rule that cannot be right) raise `PeopleError` with one plain
sentence naming the person, row or field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.domain import AuditEntry, Body, Person, RuleSet, Tier, rules_from_dict, rules_to_dict
from app.domain.rules import InterestEntry, QuorumCounts, normalise_tag
from app.storage import driver
from app.storage.connection import StorageError
from app.storage.store import NotFound, Store, _now, person_from_row

__all__ = [
    "PeopleError",
    "PersonAlias",
    "RegisterRow",
    "add_alias",
    "add_interest",
    "add_person",
    "aliases",
    "body_id_named",
    "delete_interest",
    "deputies",
    "edit_interest",
    "edit_person",
    "history",
    "interest",
    "merge_people",
    "parse_register_date",
    "person",
    "register",
    "retire_person",
    "set_body_rules",
    "set_deputies",
]


class PeopleError(StorageError):
    """A change to people, the register or the rules that cannot be saved; the message says why."""


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One row of the register of interests as stored: the register's own columns, dates as written.

    The `*_iso` fields are read-only: storage derives them from the text on every write (see
    `parse_register_date`). `entry()` gives the domain `InterestEntry` the conflict suggestions use.
    """

    id: int | None
    person_id: int
    position: str = ""
    interests_to_declare: str = ""  # as written: Yes / No / TBC
    financial: bool = False
    non_financial_professional: bool = False
    non_financial_personal: bool = False
    indirect: bool = False
    details: str = ""
    date_from: str = ""
    date_to: str = ""
    mitigation: str = ""
    date_declared: str = ""
    date_from_iso: str | None = None
    date_to_iso: str | None = None
    date_declared_iso: str | None = None

    def entry(self, person_name: str) -> InterestEntry:
        return InterestEntry(
            person_id=self.person_id,
            person_name=person_name,
            position=self.position,
            details=self.details,
            financial=self.financial,
            non_financial_professional=self.non_financial_professional,
            non_financial_personal=self.non_financial_personal,
            indirect=self.indirect,
            date_from=self.date_from,
            date_to=self.date_to,
            mitigation=self.mitigation,
            date_declared=self.date_declared,
        )


@dataclass(frozen=True, slots=True)
class PersonAlias:
    """Another name a person is known by; `merged_from_id` is set when it came from merging two records."""

    id: int
    person_id: int
    alias: str
    initials: str = ""
    merged_from_id: int | None = None
    merged_at: str | None = None


_FLAGS = ("financial", "non_financial_professional", "non_financial_personal", "indirect")
_TEXT = ("position", "interests_to_declare", "details", "date_from", "date_to", "mitigation", "date_declared")
_INTEREST_SELECT = (
    "SELECT id, person_id, position, interests_to_declare, financial, non_financial_professional,"
    " non_financial_personal, indirect, details, date_from, date_to, mitigation, date_declared,"
    " date_from_iso, date_to_iso, date_declared_iso FROM interest"
)


# -- dates as registers write them -----------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_NO_DATE = {"", "ongoing", "on going", "present", "current", "to date", "n/a", "na", "none", "-", "tbc", "tba"}
_HEDGES = re.compile(r"^(?:circa|c\.|ca\.|approx\.?|approximately|around|from|since|before|pre)\s*", re.I)


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value <= 69 else 1900 + value
    return value


def parse_register_date(text: str) -> str | None:
    """An ISO reading of a register date, at the precision written, or None when it names no date.

    "01/04/2021" → "2021-04-01" (day first, as UK registers write); "Apr-19" and "June 2023" → "2019-04" and
    "2023-06"; "Circa 2012" and "2009" → "2012" and "2009"; "Ongoing" → None. Never raises.
    """
    value = _HEDGES.sub("", text.strip()).strip().rstrip(".").casefold()
    if value in _NO_DATE:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})", value):
            return date(_year(m[3]), int(m[2]), int(m[1])).isoformat()
        if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)[\s\-,]+(\d{4}|\d{2})", value):
            month = _MONTHS.get(m[2])
            return date(_year(m[3]), month, int(m[1])).isoformat() if month else None
        if m := re.fullmatch(r"([a-z]+)[\s\-/,]+(\d{4}|\d{2})", value):
            month = _MONTHS.get(m[1])
            return f"{_year(m[2]):04d}-{month:02d}" if month and 1000 <= _year(m[2]) <= 9999 else None
        if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{4})", value):
            return f"{int(m[2]):04d}-{int(m[1]):02d}" if 1 <= int(m[1]) <= 12 else None
        if m := re.fullmatch(r"(\d{4})s?", value):
            return m[1]
    except ValueError:  # 31/02/2021 and the like
        return None
    return None


# -- people ----------------------------------------------------------------------------------------------------


def person(store: Store, person_id: int) -> Person:
    rows = list(store.db.table("person").rows_where("id = ?", [person_id]))
    if not rows:
        raise NotFound(f"There is no person with id {person_id}.")
    return person_from_row(rows[0])


def _person_row(p: Person) -> dict[str, Any]:
    return {
        "body_id": p.body_id,
        "name": p.name,
        "role": p.role,
        "initials": p.initials,
        "title": p.title,
        "organisation": p.organisation,
        "tier": Tier(p.tier).value,
        "voting": int(p.voting),
        "role_tags": ",".join(p.role_tags),
        "term_from": p.term_from.isoformat() if p.term_from else None,
        "term_to": p.term_to.isoformat() if p.term_to else None,
        "retired": int(p.retired),
    }


def _clean_person(store: Store, p: Person) -> Person:
    """Trimmed, with role tags normalised; raises PeopleError naming the field at fault."""
    name = " ".join(str(p.name).split())
    if not name:
        raise PeopleError("A person needs a name.")
    try:
        tier = Tier(p.tier)
    except ValueError:
        allowed = ", ".join(t.value for t in Tier)
        raise PeopleError(f"The tier of {name} must be one of {allowed} (got {p.tier!r}).") from None
    tags: list[str] = []
    for tag in p.role_tags:
        cleaned = normalise_tag(str(tag))
        if "," in cleaned:
            raise PeopleError(f"The role tag {tag!r} of {name} may not contain a comma.")
        if cleaned and cleaned not in tags:
            tags.append(cleaned)
    if p.term_from and p.term_to and p.term_to < p.term_from:
        raise PeopleError(f"The term of {name} ends ({p.term_to}) before it begins ({p.term_from}).")
    if not isinstance(p.voting, bool):
        raise PeopleError(f"Whether {name} votes must be yes or no.")
    if store.conn.execute("SELECT 1 FROM body WHERE id = ?", (p.body_id,)).fetchone() is None:
        raise NotFound(f"There is no body with id {p.body_id}.")
    cleaned_person = replace(
        p,
        name=name,
        title=p.title.strip(),
        role=p.role.strip(),
        organisation=p.organisation.strip(),
        initials=p.initials.strip(),
        tier=tier,
        role_tags=tuple(tags),
    )
    _check_initials(store, cleaned_person)
    return cleaned_person


def _check_initials(store: Store, p: Person) -> None:
    if not p.initials or p.retired:
        return
    for other in store.people(p.body_id):
        if other.id != p.id and not other.retired and other.initials.casefold() == p.initials.casefold():
            raise PeopleError(f"Initials {p.initials} are already used by {other.name}; choose others for {p.name}.")


def add_person(store: Store, new: Person, actor: str = "secretary") -> Person:
    """Save a new person of a body; initials must be unique among the body's current people."""
    with store._write():
        cleaned = _clean_person(store, new)
        row = _person_row(cleaned)
        person_id = store._insert("person", row)
        store._audit(actor, "person", person_id, "create", None, row)
    return person(store, person_id)


def edit_person(store: Store, changed: Person, actor: str = "secretary") -> Person:
    """Save a changed person (matched by id); a person cannot move to another body."""
    if changed.id is None:
        raise PeopleError(f"{changed.name or 'This person'} has not been saved yet; add them first.")
    old = person(store, changed.id)
    if old.body_id != changed.body_id:
        raise PeopleError(f"{old.name} belongs to another body; people cannot be moved between bodies.")
    with store._write():
        cleaned = _clean_person(store, changed)
        before, after = _person_row(old), _person_row(cleaned)
        if before == after:
            return old
        store.db.table("person").update(changed.id, after)
        store._audit(actor, "person", changed.id, "edit", _diff(before, after), _diff(after, before))
    return person(store, changed.id)


def retire_person(store: Store, person_id: int, actor: str = "secretary", retired: bool = True) -> Person:
    """Retire (or, with retired=False, reinstate) a person. Their history stays; their initials are freed."""
    return edit_person(store, replace(person(store, person_id), retired=retired), actor)


def _diff(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in a.items() if b.get(k) != v}


def deputies(store: Store, person_id: int) -> list[int]:
    """Ids of the people who may deputise for this person."""
    rows = store.conn.execute(
        "SELECT deputy_id FROM person_deputy WHERE person_id = ? ORDER BY deputy_id", (person_id,)
    ).fetchall()
    return [int(r[0]) for r in rows]


def set_deputies(store: Store, person_id: int, deputy_ids: Iterable[int], actor: str = "secretary") -> list[int]:
    principal = person(store, person_id)
    wanted = sorted(set(deputy_ids))
    for deputy_id in wanted:
        deputy = person(store, deputy_id)
        if deputy_id == person_id:
            raise PeopleError(f"{principal.name} cannot deputise for themself.")
        if deputy.body_id != principal.body_id:
            raise PeopleError(
                f"{deputy.name} is not one of this body's people, so cannot deputise for {principal.name}."
            )
    before = deputies(store, person_id)
    if before == wanted:
        return before
    with store._write():
        store.conn.execute("DELETE FROM person_deputy WHERE person_id = ?", (person_id,))
        store.conn.executemany(
            "INSERT INTO person_deputy (person_id, deputy_id) VALUES (?, ?)", [(person_id, d) for d in wanted]
        )
        store._audit(actor, "person_deputy", person_id, "edit", {"deputies": before}, {"deputies": wanted})
    return wanted


def aliases(store: Store, body_id: int) -> list[PersonAlias]:
    rows = store.conn.execute(
        "SELECT a.id, a.person_id, a.alias, a.initials, a.merged_from_id, a.merged_at FROM person_alias a"
        " JOIN person p ON p.id = a.person_id WHERE p.body_id = ? ORDER BY a.id",
        (body_id,),
    ).fetchall()
    return [PersonAlias(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]


def body_id_named(store: Store, name: str) -> int | None:
    """The id of the body with this name, or None when there is none yet (nothing is created)."""
    row = store.conn.execute("SELECT id FROM body WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else None


def add_alias(store: Store, person_id: int, alias: str, initials: str = "", actor: str = "secretary") -> bool:
    """Record another name a person is known by ("Hanna Lee" for Hana Lee), so that later imports match
    them. False (and nothing written) when the name is blank, their own, or already one of their aliases."""
    keep = person(store, person_id)
    clean = " ".join(alias.split())
    if not clean or clean.casefold() == keep.name.casefold():
        return False
    with store._write():
        cursor = store.conn.execute(
            "INSERT OR IGNORE INTO person_alias (person_id, alias, initials) VALUES (?, ?, ?)",
            (person_id, clean, initials.strip()),
        )
        if not cursor.rowcount:
            return False
        store._audit(
            actor,
            "person_alias",
            cursor.lastrowid,
            "create",
            None,
            {
                "person_id": person_id,
                "alias": clean,
                "initials": initials.strip(),
            },
        )
    return True


_MOVED_TABLES = {
    "attendance": "attendance",
    "attendance_deputy_for": "attendance",
    "declaration_person_id": "declaration",
    "motion_mover_id": "motion",
    "motion_seconder_id": "motion",
    "ballot_person_id": "ballot",
    "interest_person_id": "interest",
}


def _audit_moved_rows(store: Store, actor: str, moved: dict[str, list[int]]) -> None:
    """Audit each row a merge moved to the kept person, whole, as the audit log's replay needs
    (app/storage/integrity.py)."""
    for key, table in _MOVED_TABLES.items():
        for rowid in moved.get(key, ()):
            cursor = store.conn.execute(f"SELECT * FROM {table} WHERE rowid = ?", (rowid,))
            found = cursor.fetchone()
            if found is not None:
                row = dict(zip([c[0] for c in cursor.description], found, strict=True))
                store._audit(actor, table, rowid, "merge", None, row)


def merge_people(store: Store, keep_id: int, other_id: int, actor: str = "secretary") -> Person:
    """Fold `other` into `keep`: every reference moves to the kept record and the other name becomes an alias.

    The kept record's blank fields are filled from the other's and the role tags are joined. A record of what
    moved is audited, with the merged record as it was, so nothing is lost. Refused (nothing changed) when the
    two are the same, belong to different bodies, voted separately in one vote, or moved and seconded one
    motion between them.
    """
    if keep_id == other_id:
        raise PeopleError("Choose two different people to merge.")
    keep, other = person(store, keep_id), person(store, other_id)
    if keep.body_id != other.body_id:
        raise PeopleError(f"{keep.name} and {other.name} belong to different bodies and cannot be merged.")
    conn = store.conn
    both = (keep_id, other_id)
    if conn.execute(
        "SELECT 1 FROM ballot WHERE person_id = ? AND vote_id IN (SELECT vote_id FROM ballot WHERE person_id = ?)",
        both,
    ).fetchone():
        raise PeopleError(
            f"{keep.name} and {other.name} each cast a ballot in the same recorded vote, so they cannot be one "
            "person; the records were not merged."
        )
    if conn.execute(
        "SELECT 1 FROM motion WHERE (mover_id = ? AND seconder_id = ?) OR (mover_id = ? AND seconder_id = ?)",
        (*both, other_id, keep_id),
    ).fetchone():
        raise PeopleError(
            f"{keep.name} and {other.name} moved and seconded the same motion, so they cannot be one person; "
            "the records were not merged."
        )
    merged = replace(
        keep,
        title=keep.title or other.title,
        role=keep.role or other.role,
        organisation=keep.organisation or other.organisation,
        initials=keep.initials or other.initials,
        role_tags=tuple(dict.fromkeys((*keep.role_tags, *other.role_tags))),
        term_from=keep.term_from or other.term_from,
        term_to=keep.term_to or other.term_to,
    )
    moved: dict[str, list[int]] = {}

    def ids(sql: str, *params: int) -> list[int]:
        return [int(r[0]) for r in conn.execute(sql, params).fetchall()]

    with store._write():
        # Attendance: one row per person per meeting, so where both were recorded the kept row stands.
        dropped = ids(
            "SELECT id FROM attendance WHERE person_id = ? AND meeting_id IN"
            " (SELECT meeting_id FROM attendance WHERE person_id = ?)",
            other_id,
            keep_id,
        )
        for attendance_id in dropped:
            row = conn.execute("SELECT * FROM attendance WHERE id = ?", (attendance_id,)).fetchone()
            conn.execute("DELETE FROM attendance WHERE id = ?", (attendance_id,))
            store._audit(actor, "attendance", attendance_id, "delete", {"row": list(row), "merge": other_id}, None)
        moved["attendance"] = ids("SELECT id FROM attendance WHERE person_id = ?", other_id)
        conn.execute("UPDATE attendance SET person_id = ? WHERE person_id = ?", both)
        moved["attendance_deputy_for"] = ids("SELECT id FROM attendance WHERE deputy_for_id = ?", other_id)
        conn.execute("UPDATE attendance SET deputy_for_id = ? WHERE deputy_for_id = ?", both)
        conn.execute("UPDATE attendance SET deputy_for_id = NULL WHERE deputy_for_id = person_id")
        for table, column in (
            ("declaration", "person_id"),
            ("motion", "mover_id"),
            ("motion", "seconder_id"),
            ("ballot", "person_id"),
            ("interest", "person_id"),
        ):
            moved[f"{table}_{column}"] = ids(f"SELECT rowid FROM {table} WHERE {column} = ?", other_id)
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", both)
        _audit_moved_rows(store, actor, moved)  # the whole rows after the move: the record stays replayable
        moved["deputies"] = ids("SELECT deputy_id FROM person_deputy WHERE person_id = ?", other_id)
        moved["deputy_for"] = ids("SELECT person_id FROM person_deputy WHERE deputy_id = ?", other_id)
        conn.execute(
            "INSERT OR IGNORE INTO person_deputy (person_id, deputy_id)"
            " SELECT ?, deputy_id FROM person_deputy WHERE person_id = ? AND deputy_id <> ?",
            (keep_id, other_id, keep_id),
        )
        conn.execute(
            "INSERT OR IGNORE INTO person_deputy (person_id, deputy_id)"
            " SELECT person_id, ? FROM person_deputy WHERE deputy_id = ? AND person_id <> ?",
            (keep_id, other_id, keep_id),
        )
        conn.execute("DELETE FROM person_deputy WHERE person_id = ? OR deputy_id = ?", (other_id, other_id))
        conn.execute(
            "INSERT OR IGNORE INTO person_alias (person_id, alias, initials, merged_from_id, merged_at)"
            " SELECT ?, alias, initials, merged_from_id, merged_at FROM person_alias WHERE person_id = ?",
            both,
        )
        conn.execute("DELETE FROM person_alias WHERE person_id = ?", (other_id,))
        if other.name.casefold() != keep.name.casefold():
            conn.execute(
                "INSERT OR IGNORE INTO person_alias (person_id, alias, initials, merged_from_id, merged_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (keep_id, other.name, other.initials, other_id, _now().isoformat()),
            )
        before_keep, after_keep = _person_row(keep), _person_row(merged)
        if before_keep != after_keep:
            store.db.table("person").update(keep_id, after_keep)
        try:
            conn.execute("DELETE FROM person WHERE id = ?", (other_id,))
        except driver.IntegrityError as exc:  # a table this module does not know still refers to the person
            problem = f"{other.name} is still referred to elsewhere ({exc}); the records were not merged."
            raise PeopleError(problem) from exc
        store._audit(
            actor,
            "person",
            other_id,
            "merge",
            _person_row(other),
            {"merged_into": keep_id, "moved": {k: v for k, v in moved.items() if v}},
        )
        store._audit(
            actor,
            "person",
            keep_id,
            "merge",
            _diff(before_keep, after_keep),
            {
                "merged_from": other_id,
                "alias": other.name,
                **_diff(after_keep, before_keep),
            },
        )
    return person(store, keep_id)


# -- the register of interests ---------------------------------------------------------------------------------


def _interest_from_row(r: Sequence[Any]) -> RegisterRow:
    return RegisterRow(
        id=r[0],
        person_id=r[1],
        position=r[2],
        interests_to_declare=r[3],
        financial=bool(r[4]),
        non_financial_professional=bool(r[5]),
        non_financial_personal=bool(r[6]),
        indirect=bool(r[7]),
        details=r[8],
        date_from=r[9],
        date_to=r[10],
        mitigation=r[11],
        date_declared=r[12],
        date_from_iso=r[13],
        date_to_iso=r[14],
        date_declared_iso=r[15],
    )


def interest(store: Store, interest_id: int) -> RegisterRow:
    row = store.conn.execute(f"{_INTEREST_SELECT} WHERE id = ?", (interest_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no register entry with id {interest_id}.")
    return _interest_from_row(row)


def register(store: Store, body_id: int, person_id: int | None = None) -> list[RegisterRow]:
    """The body's register, ordered as a register prints it: by surname, then by date declared."""
    sql = (
        f"{_INTEREST_SELECT} WHERE person_id IN (SELECT id FROM person WHERE body_id = ?)"
        + (" AND person_id = ?" if person_id is not None else "")
        + " ORDER BY person_id, id"
    )
    params: tuple[int, ...] = (body_id,) if person_id is None else (body_id, person_id)
    rows = [_interest_from_row(r) for r in store.conn.execute(sql, params).fetchall()]
    names = {p.id: p.name for p in store.people(body_id)}
    return sorted(rows, key=lambda r: (_surname_key(names.get(r.person_id, "")), r.person_id, r.id or 0))


def _surname_key(name: str) -> tuple[str, str]:
    words = name.split()
    return (words[-1].casefold(), name.casefold()) if words else ("", "")


def _interest_row(entry: RegisterRow) -> dict[str, Any]:
    row: dict[str, Any] = {"person_id": entry.person_id}
    for name in _TEXT:
        value = getattr(entry, name)
        if not isinstance(value, str):
            raise PeopleError(f"The register field {name.replace('_', ' ')} must be text (got {value!r}).")
        row[name] = value.strip()
    for name in _FLAGS:
        value = getattr(entry, name)
        if not isinstance(value, bool):
            raise PeopleError(f"The register field {name.replace('_', ' ')} must be yes or no (got {value!r}).")
        row[name] = int(value)
    for name in ("date_from", "date_to", "date_declared"):
        row[f"{name}_iso"] = parse_register_date(row[name])
    return row


def _check_interest_person(store: Store, person_id: int) -> Person:
    try:
        return person(store, person_id)
    except NotFound:
        problem = f"A register entry must belong to one of the body's people (no person {person_id})."
        raise PeopleError(problem) from None


def add_interest(store: Store, entry: RegisterRow, actor: str = "secretary") -> RegisterRow:
    _check_interest_person(store, entry.person_id)
    row = _interest_row(entry)
    with store._write():
        interest_id = store._insert("interest", row)
        store._audit(actor, "interest", interest_id, "create", None, row)
    return interest(store, interest_id)


def edit_interest(store: Store, entry: RegisterRow, actor: str = "secretary") -> RegisterRow:
    if entry.id is None:
        raise PeopleError("This register entry has not been saved yet; add it first.")
    old = interest(store, entry.id)
    new_person = _check_interest_person(store, entry.person_id)
    if person(store, old.person_id).body_id != new_person.body_id:
        raise PeopleError("A register entry cannot move to a person of another body.")
    before, after = _interest_row(old), _interest_row(entry)
    if before == after:
        return old
    with store._write():
        store.db.table("interest").update(entry.id, after)
        store._audit(actor, "interest", entry.id, "edit", _diff(before, after), _diff(after, before))
    return interest(store, entry.id)


def delete_interest(store: Store, interest_id: int, actor: str = "secretary") -> None:
    old = interest(store, interest_id)
    with store._write():
        store.conn.execute("DELETE FROM interest WHERE id = ?", (interest_id,))
        store._audit(actor, "interest", interest_id, "delete", _interest_row(old), None)


# -- rules -----------------------------------------------------------------------------------------------------


def set_body_rules(store: Store, body_id: int, rules: RuleSet | Mapping[str, Any], actor: str = "secretary") -> Body:
    """Save a body's rule set, after checking it reads back exactly; refused rules leave the old ones in place."""
    body = store.body(body_id)
    try:
        data = rules_to_dict(rules) if isinstance(rules, RuleSet) else dict(rules)
        checked = rules_from_dict(data)
    except (ValueError, TypeError) as error:
        raise PeopleError(f"The rules were not saved: {error}.".replace("..", ".")) from None
    members = [
        p
        for p in store.people(body_id)
        if not p.retired and (p.voting or (checked.quorum_counts is QuorumCounts.MEMBERS and p.tier == Tier.MEMBER))
    ]
    if members and checked.quorum_number is not None and checked.quorum_number > len(members):
        noun = "voting members" if checked.quorum_counts is QuorumCounts.VOTING_MEMBERS else "members"
        raise PeopleError(
            f"The rules were not saved: quorum_number {checked.quorum_number} is larger than the {len(members)} "
            f"{noun} in post, so no meeting could ever be quorate."
        )
    before, after = rules_to_dict(body.rules), rules_to_dict(checked)
    if before == after:
        return body
    with store._write():
        store.conn.execute("UPDATE body SET rules_json = ? WHERE id = ?", (json.dumps(after), body_id))
        store._audit(actor, "body", body_id, "rules", _diff(before, after), _diff(after, before))
    return store.body(body_id)


# -- history ---------------------------------------------------------------------------------------------------


def history(store: Store, entity: str, entity_id: int) -> list[AuditEntry]:
    """Every audited change to one record, oldest first (the register's and the people's history)."""
    return [e for e in store.audit_entries() if e.entity == entity and e.entity_id == entity_id]
