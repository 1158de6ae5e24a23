"""People, the register of interests and the rule set: the operations the window and the command line call.

Each operation is one transaction: it is saved whole or, with a plain message, not at all. Imports read CSV with
the standard library, or the first worksheet of an Excel workbook (.xlsx, .xlsm) with openpyxl; headers are
matched without regard to case, spacing or punctuation, with the usual variants ("Surname", "Last name";
"Details of Interest"; "Position within, or relationship with the ICB"). A file with a required column missing,
or a row that cannot be right, raises `CsvImportError` naming the row and column, and nothing from the file is
saved. Old .xls and .ods files get a message asking for .xlsx or CSV instead.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from app.domain import PRESETS, Body, Person, RuleSet, Tier
from app.domain.rules import describe_rules, normalise_tag
from app.export.actions_export import spreadsheet_safe
from app.export.files import write_atomically
from app.packs.limits import SPREADSHEET_MAX_BYTES, read_input_or
from app.packs.model import DraftInterest, DraftPerson
from app.services.rules_engine import RoomState, worked_example
from app.storage import Store
from app.storage import people as storage
from app.storage.people import PeopleError, PersonAlias, RegisterRow, parse_register_date

__all__ = [
    "ADD",
    "ATTACH",
    "LEAVE_OUT",
    "REGISTER_HEADERS",
    "Candidate",
    "CsvImportError",
    "ImportReport",
    "NameMatch",
    "PeopleError",
    "Placement",
    "PossibleDuplicate",
    "RegisterRow",
    "Unplaced",
    "add_interest",
    "add_person",
    "apply_preset",
    "delete_interest",
    "edit_interest",
    "edit_person",
    "export_register_csv",
    "find_pack_duplicates",
    "find_unplaced",
    "guess_role_tags",
    "import_pack_people",
    "import_people_csv",
    "import_register_csv",
    "merge_people",
    "name_key",
    "parse_register_date",
    "people_by_surname",
    "register_extract_csv",
    "register_extract_rows",
    "retire_person",
    "rules_preview",
    "set_deputies",
    "set_rules",
    "split_title",
    "suggest_initials",
    "surname_key",
]


class CsvImportError(PeopleError):
    """A file that cannot be imported; the message names the row and column, and nothing was saved."""


# Names closer than POSSIBLY_SAME (rapidfuzz token_sort_ratio of the names without titles, 0-100) are offered
# for merging; see PossibleDuplicate.suggested_id for when "same person" is proposed without asking.
POSSIBLY_SAME = 80.0
VERY_CLOSE = 88.0  # the score `_People.likely` already trusts to put a register row against a person
VERY_CLOSE_EDITS = 2  # and at most this many letters changed: Hana/Hanna (1), Colvin/Calvin (1), Petersen/Pietersen (1)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """An existing person whose name (or a name they are known by) is close to a name in a pack."""

    person_id: int
    name: str
    score: float  # 0-100
    initials: str = ""
    edits: int = 0  # letters changed between the two names, as compared (no titles, case or punctuation)


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """A name in a pack that looks like someone the body already has (Colvin / Calvin).

    `suggested_id` is the person to treat it as when nobody is asked (the command line) and the choice the
    review proposes: set only when one person is very close (score >= VERY_CLOSE, at most VERY_CLOSE_EDITS
    letters changed) and their initials do not disagree. After an import, `outcome` says what was done:
    "merged" (the name became an alias of `person_id`) or "added" (a new person, `person_id`).
    """

    name: str  # as the pack writes it
    initials: str
    role: str
    candidates: tuple[NameMatch, ...]  # best first
    suggested_id: int | None = None
    outcome: str = ""
    person_id: int | None = None

    @property
    def best(self) -> NameMatch:
        return self.candidates[0]


ATTACH, ADD, LEAVE_OUT = "attach", "add", "leave_out"  # what may be done with something not placed


@dataclass(frozen=True, slots=True)
class Placement:
    """The secretary's choice for something the importer could not place: attach it to a person (by id, or by
    name for someone the same pack adds), add it (a new person, with `initials` if given), or leave it out."""

    action: str  # ATTACH, ADD or LEAVE_OUT
    person_id: int | None = None
    person_name: str = ""
    initials: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone a thing not placed may belong to: a person already listed (`person_id`) or one the pack adds."""

    name: str
    person_id: int | None = None
    score: float = 0.0  # 0-100


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A register row or a person's initials that the importer could not put in place by itself.

    Shown in the review with a choice (`Placement`), listed by `import --json`; `suggested` is what happens
    without a choice. After an import, `outcome` says in words what was done and `person_id` with whom.
    """

    key: str  # "register:N" (row N of the pack's register) or "initials:NAME"
    kind: str  # "register" or "initials"
    name: str  # as the pack writes it
    detail: str  # the interest (register) or the initials (initials)
    reason: str
    candidates: tuple[Candidate, ...] = ()
    suggested: Placement = Placement(LEAVE_OUT)
    outcome: str = ""
    person_id: int | None = None
    offered_initials: str = ""  # initials: others nobody has, to offer instead


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped: int = 0  # rows already in the register, or blank
    warnings: tuple[str, ...] = ()
    person_ids: frozenset[int] = frozenset()
    interest_ids: frozenset[int] = frozenset()
    merged: int = 0  # pack names recorded as another name of an existing person
    possible_duplicates: tuple[PossibleDuplicate, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()  # what the importer could not place by itself, and what it did

    @property
    def summary(self) -> str:
        parts = [f"{self.created} added", f"{self.updated} updated"]
        if self.skipped:
            parts.append(f"{self.skipped} already there or blank")
        return ", ".join(parts) + "."


# -- simple operations -----------------------------------------------------------------------------------------


def add_person(store: Store, person: Person, actor: str = "secretary") -> Person:
    return storage.add_person(store, person, actor)


def edit_person(store: Store, person: Person, actor: str = "secretary") -> Person:
    return storage.edit_person(store, person, actor)


def retire_person(store: Store, person_id: int, retired: bool = True, actor: str = "secretary") -> Person:
    return storage.retire_person(store, person_id, actor, retired)


def merge_people(store: Store, keep_id: int, other_id: int, actor: str = "secretary") -> Person:
    return storage.merge_people(store, keep_id, other_id, actor)


def set_deputies(store: Store, person_id: int, deputy_ids: Iterable[int], actor: str = "secretary") -> list[int]:
    return storage.set_deputies(store, person_id, deputy_ids, actor)


def add_interest(store: Store, entry: RegisterRow, actor: str = "secretary") -> RegisterRow:
    return storage.add_interest(store, entry, actor)


def edit_interest(store: Store, entry: RegisterRow, actor: str = "secretary") -> RegisterRow:
    return storage.edit_interest(store, entry, actor)


def delete_interest(store: Store, interest_id: int, actor: str = "secretary") -> None:
    storage.delete_interest(store, interest_id, actor)


def set_rules(store: Store, body_id: int, rules: RuleSet | Mapping[str, object], actor: str = "secretary") -> Body:
    return storage.set_body_rules(store, body_id, rules, actor)


def apply_preset(store: Store, body_id: int, preset: str, actor: str = "secretary") -> Body:
    if preset not in PRESETS:
        raise PeopleError(f"There is no preset called {preset!r}; choose one of " + ", ".join(PRESETS) + ".")
    return set_rules(store, body_id, PRESETS[preset], actor)


# -- names -----------------------------------------------------------------------------------------------------

_TITLES = re.compile(
    r"^((?:(?:Dr|Cllr|ClIr|Clir|Councillor|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Rev|Revd|Lord|Lady)\.?\s+)+)",
    re.I,
)


def split_title(name: str) -> tuple[str, str]:
    """("Dr", "Ada Lovell") from "Dr Ada Lovell"; ("", name) when there is no title."""
    clean = " ".join(name.split())
    match = _TITLES.match(clean)
    if not match or not clean[match.end() :].strip():
        return "", clean
    return match.group(1).strip(), clean[match.end() :].strip()


def name_key(name: str) -> str:
    """Names compare without titles, case, punctuation, bracketed roles or spacing."""
    bare = split_title(re.sub(r"\([^()]*\)", " ", name))[1]
    return " ".join(re.sub(r"[^\w\s]", " ", bare.casefold()).replace("_", " ").split())


def surname_key(name: str) -> tuple[str, str]:
    """Sorts people as lists of members do: by surname, then by the rest of the name (titles ignored)."""
    bare = split_title(re.sub(r"\([^()]*\)", " ", name))[1]  # no title, no bracketed role
    words = [w.strip(".,;:'\"") for w in bare.casefold().split()]  # a hyphenated surname stays one word
    words = [w for w in words if w]
    return (words[-1], " ".join(words[:-1])) if words else ("", "")


def people_by_surname(people: Iterable[Person]) -> list[Person]:
    return sorted(people, key=lambda p: (surname_key(p.name), p.id or 0))


class _People:
    """The body's current people by name, including the names merged records were known by."""

    def __init__(self, store: Store, body_id: int) -> None:
        self.store, self.body_id = store, body_id
        self.reload()

    def reload(self) -> None:
        self.all = self.store.people(self.body_id)
        self.by_key: dict[str, Person] = {}
        for person in self.all:  # current people win over retired ones with the same name
            key = name_key(person.name)
            if key and (key not in self.by_key or self.by_key[key].retired):
                self.by_key[key] = person
        by_id = {p.id: p for p in self.all}
        alias: PersonAlias
        for alias in storage.aliases(self.store, self.body_id):
            self.by_key.setdefault(name_key(alias.alias), by_id[alias.person_id])

    def exact(self, name: str) -> Person | None:
        return self.by_key.get(name_key(name))

    def near(self, name: str, among: Iterable[int] | None = None, floor: float = POSSIBLY_SAME) -> list[NameMatch]:
        """Everyone whose name or alias scores at least `floor` against `name`, best first, once each;
        only people whose id is in `among`, when given."""
        key = name_key(name)
        allowed = None if among is None else set(among)
        best: dict[int, NameMatch] = {}
        for other_key, person in self.by_key.items():
            if person.id is None or (allowed is not None and person.id not in allowed) or other_key == key:
                continue
            score = float(fuzz.token_sort_ratio(key, other_key))
            if score < floor:
                continue
            sorted_key = " ".join(sorted(key.split()))
            edits = Levenshtein.distance(sorted_key, " ".join(sorted(other_key.split())))
            found = NameMatch(person.id, person.name, round(score, 1), person.initials, edits)
            if person.id not in best or (score, -edits) > (best[person.id].score, -best[person.id].edits):
                best[person.id] = found
        return sorted(best.values(), key=lambda m: (-m.score, m.edits, m.name))

    def likely(self, name: str, cutoff: float = 88) -> Person | None:
        """The one person whose name is close to `name` (Colvin/Calvin), or None if none or several are."""
        key = name_key(name)
        scored = [(fuzz.token_sort_ratio(key, k), p) for k, p in self.by_key.items()]
        close = [(score, p) for score, p in scored if score >= cutoff]
        ids = {p.id for _score, p in close}
        if len(ids) != 1:
            return None
        return max(close, key=lambda pair: pair[0])[1]


_ROLE_TAG_WORDS = (
    (re.compile(r"\bvice[\s-]*chair", re.I), "vice-chair"),
    (re.compile(r"(?<!vice )(?<!vice-)\bchair\b(?!\s+of\b)", re.I), "chair"),
    (re.compile(r"\bnon[\s-]*executive", re.I), "non-executive"),
    (re.compile(r"(?<!non )(?<!non-)\bexecutive\b|\bchief\s+\w+\s+officer\b|\bdirector\b", re.I), "executive"),
    (re.compile(r"\bpartner\b", re.I), "partner"),
    (re.compile(r"\bclinical\b|\bmedical\b|\bnurs", re.I), "clinical"),
    (re.compile(r"\blay\b", re.I), "lay"),
    (re.compile(r"\bcouncillor\b|\bcllr\b", re.I), "councillor"),
)


def guess_role_tags(role: str) -> tuple[str, ...]:
    """Role tags a role suggests ("Non Executive Member" → non-executive); the secretary corrects them."""
    tags: list[str] = []
    for pattern, tag in _ROLE_TAG_WORDS:
        if pattern.search(role) and tag not in tags:
            tags.append(tag)
    return tuple(tags)


# -- reading CSV -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Column:
    field: str
    label: str  # how messages name it
    variants: tuple[str, ...]  # header keys that mean this column
    prefixes: tuple[str, ...] = ()  # header keys starting with one of these (then a space) mean it too


def _key(header: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", header.casefold()).replace("_", " ").split())


_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_OTHER_SPREADSHEETS = (".xls", ".ods", ".xlsb", ".numbers")


def _cell_text(value: object) -> str:
    """A worksheet cell as the text a CSV file would hold: dates dd/mm/yyyy, 3.0 as 3, TRUE as Y."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    return str(value)


def _read_xlsx(path: Path) -> list[list[str]]:
    """Rows of the first worksheet of an Excel workbook, every cell as text (formulas as last calculated)."""
    data = read_input_or(path, SPREADSHEET_MAX_BYTES, "spreadsheet", CsvImportError)  # regular files, bounded
    import openpyxl  # type: ignore[import-untyped]  # here, not at the top: start-up time matters

    try:
        with warnings.catch_warnings():
            # Workbooks written by some tools have no style sheet; openpyxl says so and carries on, and so do we.
            warnings.filterwarnings("ignore", message="Workbook contains no default style", category=UserWarning)
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not book.worksheets:
                    raise CsvImportError(f"{path.name} has no worksheet to import.")
                sheet = book.worksheets[0]
                return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            finally:
                book.close()
    except CsvImportError:
        raise
    except Exception:  # a damaged, encrypted or renamed file can fail anywhere inside openpyxl
        raise CsvImportError(
            f"{path.name} could not be read as an Excel workbook (.xlsx): it may be damaged, password-protected "
            "or another kind of file; open it in Excel, save it again as .xlsx or CSV, and import that."
        ) from None


def _read_table(source: Path | str) -> list[list[str]]:
    """Rows of a CSV file (or of CSV text): UTF-8 (with or without BOM) or Windows-1252; , ; or tab separated.

    A .xlsx or .xlsm file is read instead as its first worksheet, each cell as text.
    """
    if isinstance(source, Path):
        suffix = source.suffix.casefold()
        if suffix in _XLSX_SUFFIXES:
            return _read_xlsx(source)
        if suffix in _OTHER_SPREADSHEETS:
            raise CsvImportError(
                f"{source.name} is a spreadsheet in a format that is not read; save it as an Excel workbook "
                "(.xlsx) or as CSV (UTF-8) and import that file."
            )
        raw = read_input_or(source, SPREADSHEET_MAX_BYTES, "spreadsheet", CsvImportError)  # regular, bounded
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise CsvImportError(f"{source.name} is not a text file; save it as CSV (UTF-8).") from None
    else:
        text = source.removeprefix("\ufeff")
    if "\x00" in text:
        raise CsvImportError("The file contains binary data (a NUL character), so it is not a CSV file.")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise CsvImportError(f"The file could not be read as CSV: {exc}.") from None
    return rows


def _map_headers(header: Sequence[str], columns: Sequence[_Column]) -> tuple[dict[str, int], list[str]]:
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, cell in enumerate(header):
        key = _key(cell)
        if not key:
            continue
        column = next((c for c in columns if key in c.variants), None)
        if column is None:
            column = next((c for c in columns if any(key.startswith(p + " ") or key == p for p in c.prefixes)), None)
        if column is None:
            unknown.append(cell.strip())
            continue
        if column.field in found:
            raise CsvImportError(
                f"Columns {found[column.field] + 1} and {index + 1} are both “{column.label}”; rename or remove one."
            )
        found[column.field] = index
    return found, unknown


def _records(
    source: Path | str, columns: Sequence[_Column], required: Callable[[dict[str, int]], str | None]
) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """(row number as a spreadsheet shows it, {field: cell}) for each non-blank row, and warnings."""
    rows = _read_table(source)
    start = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if start is None:
        raise CsvImportError("The file is empty: it has no header row.")
    found, unknown = _map_headers(rows[start], columns)
    missing = required(found)
    if missing:
        raise CsvImportError(missing)
    warnings = [f"Ignored column{'s' if len(unknown) > 1 else ''}: " + ", ".join(unknown) + "."] if unknown else []
    records = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(c.strip() for c in row):
            continue
        records.append((number, {f: row[i].strip() if i < len(row) else "" for f, i in found.items()}))
    return records, warnings


_YES = {"y", "yes", "x", "✓", "✔", "ü", "true", "t", "1", "voting", "yes voting"}
_NO = {"", "n", "no", "false", "f", "0", "-", "–", "non voting", "non-voting", "not voting"}


def _flag(text: str, where: str, label: str) -> bool | None:
    value = " ".join(text.casefold().split())
    if value in _YES:
        return True
    if value in _NO:
        return None if value == "" else False
    raise CsvImportError(f"{where}, column {label}: “{_short(text)}” is not yes or no (write Y or leave it blank).")


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _date(text: str, where: str, label: str) -> date | None:
    value = text.strip()
    if not value:
        return None
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise CsvImportError(
        f"{where}, column {label}: “{_short(text)}” is not a date (write it as 2024-04-01 or 01/04/2024)."
    )


def _row_name(record: Mapping[str, str]) -> str:
    if record.get("name"):
        return " ".join(record["name"].split())
    return " ".join(f"{record.get('forename', '')} {record.get('surname', '')}".split())


def _needs_name(found: dict[str, int], extra: Sequence[tuple[str, str]] = ()) -> str | None:
    missing = []
    if "name" not in found and "surname" not in found:
        missing.append("Name (or Surname and Forename)")
    missing += [label for field, label in extra if field not in found]
    if not missing:
        return None
    return "The file has no column for " + " or ".join(missing) + "; nothing was imported. Check the header row."


# -- people from CSV -------------------------------------------------------------------------------------------

PEOPLE_COLUMNS = (
    _Column("name", "Name", ("name", "full name", "person", "member", "member name", "names")),
    _Column("forename", "Forename", ("forename", "forenames", "first name", "firstname", "given name", "first")),
    _Column("surname", "Surname", ("surname", "last name", "lastname", "family name", "last")),
    _Column("title", "Title", ("title", "honorific", "salutation", "prefix")),
    _Column("role", "Role", ("role", "position", "job title", "post", "office"), ("position",)),
    _Column("organisation", "Organisation", ("organisation", "organization", "org", "employer", "company")),
    _Column("initials", "Initials", ("initials", "initial", "inits")),
    _Column("tier", "Tier", ("tier", "membership", "category", "member type", "type", "attendance type")),
    _Column("voting", "Voting", ("voting", "vote", "votes", "voting member", "has vote", "voting rights", "can vote")),
    _Column("role_tags", "Role tags", ("role tags", "tags", "roles", "role tag")),
    _Column("term_from", "Term from", ("term from", "term start", "from", "start", "start date", "appointed")),
    _Column("term_to", "Term to", ("term to", "term end", "to", "end", "end date", "until", "term ends")),
    _Column(
        "deputy_for",
        "Deputy for",
        ("deputy for", "deputises for", "deputising for", "deputy of", "substitute for", "substitutes for"),
    ),
)
_TIER_WORDS = {
    "member": Tier.MEMBER,
    "members": Tier.MEMBER,
    "voting member": Tier.MEMBER,
    "voting members": Tier.MEMBER,
    "board member": Tier.MEMBER,
    "trustee": Tier.MEMBER,
    "director": Tier.MEMBER,
    "participant": Tier.PARTICIPANT,
    "participants": Tier.PARTICIPANT,
    "non voting": Tier.PARTICIPANT,
    "non voting member": Tier.PARTICIPANT,
    "associate member": Tier.PARTICIPANT,
    "in attendance": Tier.IN_ATTENDANCE,
    "attendee": Tier.IN_ATTENDANCE,
    "attendance": Tier.IN_ATTENDANCE,
    "guest": Tier.IN_ATTENDANCE,
    "observer": Tier.OBSERVER,
    "observers": Tier.OBSERVER,
    "officer": Tier.OFFICER,
    "officers": Tier.OFFICER,
}


def _tier(text: str, where: str) -> Tier | None:
    value = _key(text)
    if not value:
        return None
    if value in _TIER_WORDS:
        return _TIER_WORDS[value]
    if value.replace(" ", "_") in {t.value for t in Tier}:
        return Tier(value.replace(" ", "_"))
    raise CsvImportError(
        f"{where}, column Tier: “{_short(text)}” is not a tier (write member, participant, in attendance or officer)."
    )


def _person_from_record(
    body_id: int, number: int, record: Mapping[str, str], existing: Person | None
) -> tuple[Person, str]:
    raw_name = _row_name(record)
    where = f"Row {number}"
    if not raw_name:
        raise CsvImportError(f"{where}: the name is blank.")
    title, name = split_title(raw_name)
    where = f"Row {number} ({_short(name, 40)})"
    tier = _tier(record.get("tier", ""), where)
    voting = _flag(record.get("voting", ""), where, "Voting")
    tags = tuple(t for t in re.split(r"[,;|/]", record.get("role_tags", "")) if normalise_tag(t))
    term_from = _date(record.get("term_from", ""), where, "Term from")
    term_to = _date(record.get("term_to", ""), where, "Term to")
    if term_from and term_to and term_to < term_from:
        raise CsvImportError(f"{where}, column Term to: the term ends ({term_to}) before it begins ({term_from}).")
    base = existing or Person(None, body_id, name)
    new_tier = tier if tier is not None else base.tier
    if voting is None:
        voting = base.voting if existing else new_tier == Tier.MEMBER
    role = record.get("role") or base.role
    person = replace(
        base,
        name=base.name if existing else name,
        title=record.get("title") or title or base.title,
        role=role,
        organisation=record.get("organisation") or base.organisation,
        initials=record.get("initials") or base.initials,
        tier=new_tier,
        voting=voting,
        role_tags=tags or base.role_tags or guess_role_tags(role),
        term_from=term_from or base.term_from,
        term_to=term_to or base.term_to,
    )
    return person, where


def import_people_csv(store: Store, body_id: int, source: Path | str, actor: str = "secretary") -> ImportReport:
    """Add or update the body's people from a CSV or .xlsx file (or CSV text), all or nothing.

    A row whose name matches a person already there (ignoring titles and case, or a name they were merged from)
    updates that person; blank cells leave a field as it was. A name close to an existing one is added, with a
    warning to merge them if they are the same person.
    """
    store.body(body_id)
    records, warnings = _records(source, PEOPLE_COLUMNS, _needs_name)
    created = updated = 0
    ids: set[int] = set()
    with store.transaction():
        people = _People(store, body_id)
        for number, record in records:
            existing = people.exact(_row_name(record)) if _row_name(record) else None
            person, where = _person_from_record(body_id, number, record, existing)
            try:
                if existing is None:
                    close = people.likely(person.name)
                    saved = storage.add_person(store, person, actor)
                    created += 1
                    if close is not None:
                        warnings.append(
                            f"{where}: {person.name} looks like {close.name}, who is already listed; merge them in "
                            "People if they are the same person."
                        )
                else:
                    saved = storage.edit_person(store, person, actor)
                    updated += saved != existing
            except PeopleError as error:
                raise CsvImportError(f"{where}: {error} Nothing from the file was saved.") from None
            assert saved.id is not None
            ids.add(saved.id)
            people.reload()
        _register_deputies(store, people, records)
    return ImportReport(created, updated, 0, tuple(warnings), frozenset(ids))


def _register_deputies(store: Store, people: _People, records: Sequence[tuple[int, Mapping[str, str]]]) -> None:
    """Each row's "Deputy for" registers that person as a deputy of the member named there (exactly, by name or a
    name they were known by), so the roll call offers them; a name that is no one in the body is refused."""
    for number, record in records:
        named = " ".join(record.get("deputy_for", "").split())
        if not named:
            continue
        deputy = people.exact(_row_name(record))
        member = people.exact(split_title(named)[1])
        where = f"Row {number} ({_short(_row_name(record), 40)}), column Deputy for"
        if member is None:
            close = people.near(split_title(named)[1])
            hint = f" (did you mean {close[0].name}?)" if close else ""
            raise CsvImportError(f"{where}: “{_short(named)}” is no one in this body{hint}; nothing was saved.")
        assert deputy is not None and deputy.id is not None and member.id is not None
        try:
            storage.set_deputies(store, member.id, [*storage.deputies(store, member.id), deputy.id])
        except PeopleError as error:
            raise CsvImportError(f"{where}: {error} Nothing from the file was saved.") from None


def _possible_duplicate(draft: DraftPerson, matches: Sequence[NameMatch]) -> PossibleDuplicate:
    very_close = [m for m in matches if m.score >= VERY_CLOSE and m.edits <= VERY_CLOSE_EDITS]
    suggested: int | None = None
    if len(very_close) == 1:
        only = very_close[0]
        initials_disagree = bool(draft.initials and only.initials) and (
            draft.initials.casefold() != only.initials.casefold()
        )
        suggested = None if initials_disagree else only.person_id
    return PossibleDuplicate(draft.name, draft.initials, draft.role, tuple(matches[:3]), suggested)


def find_pack_duplicates(
    store: Store, body_name: str, draft_people: Sequence[DraftPerson]
) -> tuple[PossibleDuplicate, ...]:
    """The names in a pack's attendance that look like, but are not, people the body already has: what the
    review asks about before `import_pack_people` runs. Nothing is written; an unknown body has none."""
    body_id = storage.body_id_named(store, body_name)
    if body_id is None:
        return ()
    people = _People(store, body_id)
    before = {p.id for p in people.all if p.id is not None}
    found: list[PossibleDuplicate] = []
    seen: set[str] = set()
    for draft in draft_people:
        name = split_title(draft.name)[1]
        key = name_key(name)
        if not key or key in seen or people.exact(name) is not None:
            continue
        seen.add(key)
        matches = people.near(name, among=before)
        if matches:
            found.append(_possible_duplicate(draft, matches))
    return tuple(found)


# -- what the importer cannot place ------------------------------------------------------------------------------

CANDIDATE_FLOOR = 80.0  # names scoring at least this (0-100) are offered as who a row may belong to


def _identity(candidate: Candidate) -> object:
    return candidate.person_id if candidate.person_id is not None else name_key(candidate.name)


def _known(people: _People | None, draft_people: Sequence[DraftPerson] = ()) -> dict[str, Candidate]:
    """Everyone a pack's rows may name, by name key: the body's current people (and their other names), then
    the people this pack adds (no id yet)."""
    known: dict[str, Candidate] = {}
    if people is not None:
        for key, person in people.by_key.items():
            if not person.retired:
                known[key] = Candidate(person.name, person.id)
    for draft in draft_people:
        bare = split_title(draft.name)[1]
        key = name_key(bare)
        if key and key not in known:
            known[key] = Candidate(bare)
    return known


def _candidates(name: str, known: Mapping[str, Candidate]) -> tuple[Candidate, ...]:
    """Who `name` may be, best first, three at most. A name holding all of another's words scores as close
    ("Alan Jon Doe" and Jon Doe) when that name has two words or more; a surname alone never does."""
    key = name_key(name)
    words = set(key.split())
    best: dict[object, Candidate] = {}
    for other_key, candidate in known.items():
        score = float(fuzz.token_sort_ratio(key, other_key))
        if min(len(words), len(other_key.split())) >= 2:
            score = max(score, float(fuzz.token_set_ratio(key, other_key)) - 5)  # never as good as the same name
        if score < CANDIDATE_FLOOR:
            continue
        found = Candidate(candidate.name, candidate.person_id, round(score, 1))
        identity = _identity(candidate)
        if identity not in best or found.score > best[identity].score:
            best[identity] = found
    return tuple(sorted(best.values(), key=lambda c: (-c.score, c.name))[:3])


def _likely(name: str, known: Mapping[str, Candidate], cutoff: float = VERY_CLOSE) -> Candidate | None:
    """The one person whose name is very close to `name` (as `_People.likely`), or None if none or several."""
    key = name_key(name)
    close = [(fuzz.token_sort_ratio(key, k), c) for k, c in known.items()]
    close = [(score, c) for score, c in close if score >= cutoff]
    if len({_identity(c) for _score, c in close}) != 1:
        return None
    return max(close, key=lambda pair: pair[0])[1]


def _interest_name(draft: DraftInterest) -> str:
    return " ".join(part for part in (draft.forename, draft.surname) if part) or draft.name


def _register_unplaced(name: str, drafts: Sequence[DraftInterest], known: Mapping[str, Candidate]) -> Unplaced:
    likely = _likely(name, known)
    candidates = _candidates(name, known)
    if likely is not None and all(_identity(c) != _identity(likely) for c in candidates):
        candidates = (likely, *candidates)[:3]
    suggested = Placement(ATTACH, likely.person_id, likely.name) if likely else Placement(LEAVE_OUT)
    rows = f"{len(drafts)} register rows name" if len(drafts) > 1 else "A register row names"
    closest = f"; the closest is {candidates[0].name}" if candidates else ""
    details = "; ".join(_short(d.details or d.position or "(no details)", 50) for d in drafts[:3])
    more = "; …" if len(drafts) > 3 else ""
    return Unplaced(
        f"register:{name_key(name)}",
        "register",
        name,
        details + more,
        f"{rows} {name}, who is not among this body's people by that name{closest}.",
        candidates,
        suggested,
    )


def suggest_initials(name: str, taken: Iterable[str]) -> str:
    """Initials to offer instead of ones already taken: the forename's first letter and the surname's first two
    (then three) letters, "" when those are taken too. Only ever offered, never applied without a choice."""
    words = [w for w in split_title(name)[1].replace("-", " ").split() if w[:1].isalpha()]
    if len(words) < 2:
        return ""
    used = {t.casefold() for t in taken}
    surname = words[-1]
    for length in (2, 3):
        guess = words[0][0].upper() + surname[:1].upper() + surname[1:length].lower()
        if len(surname) >= length and guess.casefold() not in used:
            return guess
    return ""


def _initials_unplaced(name: str, initials: str, holder: Candidate, taken: Iterable[str]) -> Unplaced:
    offered = suggest_initials(name, taken)
    offer = f" (or {offered})" if offered else ""
    return Unplaced(
        f"initials:{name_key(name)}",
        "initials",
        name,
        initials,
        f"The pack gives {name} the initials {initials}, which {holder.name} already has; choose others{offer}, "
        f"or say they are the same person.",
        (holder,),
        Placement(ADD),
        offered_initials=offered,
    )


def find_unplaced(
    store: Store, body_name: str, draft_people: Sequence[DraftPerson], draft_interests: Sequence[DraftInterest]
) -> tuple[Unplaced, ...]:
    """What a pack's import could not place by itself, for the review to ask about: register rows naming no one
    the body has or the pack adds, and pack people whose initials someone already has. Nothing is written."""
    body_id = storage.body_id_named(store, body_name)
    people = _People(store, body_id) if body_id is not None else None
    found: list[Unplaced] = []
    # Initials: as `import_pack_people` will meet them, people already listed first.
    taken: dict[str, Candidate] = {}
    before: set[int] = set()
    if people is not None:
        before = {p.id for p in people.all if p.id is not None}
        taken = {p.initials.casefold(): Candidate(p.name, p.id) for p in people.all if p.initials and not p.retired}
    for draft in draft_people:
        bare = split_title(draft.name)[1]
        if not bare or (people is not None and people.exact(bare) is not None):
            continue
        matches = people.near(bare, among=before) if people is not None else []
        if matches and _possible_duplicate(draft, matches).suggested_id is not None:
            continue  # taken to be someone already listed: nobody is added
        holder = taken.get(draft.initials.casefold()) if draft.initials else None
        if holder is not None and name_key(holder.name) != name_key(bare):
            found.append(_initials_unplaced(bare, draft.initials, holder, taken))
        elif draft.initials:
            taken[draft.initials.casefold()] = Candidate(bare)
    known = _known(people, draft_people)
    by_key: dict[str, tuple[str, list[DraftInterest]]] = {}
    for interest in draft_interests:
        name = _interest_name(interest)
        key = name_key(name)
        if key and key not in known:
            by_key.setdefault(key, (name, []))[1].append(interest)
    found.extend(_register_unplaced(name, rows, known) for name, rows in by_key.values())
    return tuple(found)


def import_pack_people(
    store: Store,
    body_id: int,
    draft_people: Sequence[DraftPerson],
    actor: str = "secretary",
    choices: Mapping[str, int | None] | None = None,
    placements: Mapping[str, Placement] | None = None,
) -> ImportReport:
    """The people a pack's attendance blocks list, added to the body (all or nothing).

    Known names (and names a person is known by) are left as they are. A name close to someone the body already
    had (see `PossibleDuplicate`) is never silently added twice: `choices` maps the name as the pack writes it to
    the id of the person it is (the name is then kept as their alias) or to None (add a new person). A name with
    no choice is added, however close (`PossibleDuplicate.suggested_id` is only what the review offers first):
    nothing here can tell a misprint from a second person, so it is listed in the report's `possible_duplicates`
    for a person to look at and merge. Initials that clash with someone
    else's are left blank (AB = Ann Baker and Alan Brown) unless `placements` (by `Unplaced.key`) says
    otherwise: other initials, the same person as whoever has them, or leave them out; either way the clash is
    listed in the report's `unplaced` with what was done.
    """
    created = merged = 0
    warnings: list[str] = []
    ids: set[int] = set()
    duplicates: list[PossibleDuplicate] = []
    unplaced: list[Unplaced] = []
    chosen = {name_key(split_title(name)[1]): person_id for name, person_id in (choices or {}).items()}
    with store.transaction():
        people = _People(store, body_id)
        before = {p.id for p in people.all if p.id is not None}
        for draft in draft_people:
            title, name = split_title(draft.name)
            if not name:
                continue
            known = people.exact(name)
            if known is not None and known.id is not None:
                ids.add(known.id)
                continue
            matches = people.near(name, among=before)
            duplicate = _possible_duplicate(draft, matches) if matches else None
            if duplicate is not None:
                key = name_key(name)
                target = chosen.get(key)  # only someone's choice merges: Ian and Ivan Brown may be two
                if target is not None and target not in before:
                    warnings.append(
                        f"{name} could not be recorded as the same person (id {target}): not one of "
                        "this body's people; added as a new person instead."
                    )
                    target = None
                if target is not None:
                    storage.add_alias(store, target, name, draft.initials, actor)
                    kept = storage.person(store, target)
                    warnings.append(
                        f"{name} was taken to be {kept.name}, who is already listed; kept as another name for them."
                    )
                    duplicates.append(replace(duplicate, outcome="merged", person_id=target))
                    ids.add(target)
                    merged += 1
                    people.reload()
                    continue
            person = Person(
                None,
                body_id,
                name,
                role=draft.role,
                initials=draft.initials,
                title=title,
                tier=draft.tier,
                voting=draft.tier == Tier.MEMBER,
                role_tags=guess_role_tags(draft.role),
            )
            clash = next(
                (
                    p
                    for p in people.all
                    if not p.retired and p.initials and p.initials.casefold() == person.initials.casefold()
                ),
                None,
            )
            clash_entry: Unplaced | None = None
            if clash is not None and person.initials:
                taken = [p.initials for p in people.all if p.initials and not p.retired]
                clash_entry = _initials_unplaced(name, person.initials, Candidate(clash.name, clash.id), taken)
                choice = (placements or {}).get(clash_entry.key, clash_entry.suggested)
                if choice.action == ATTACH:  # the pack's name is another name of whoever has the initials
                    holder = _body_person(store, body_id, choice.person_id or clash.id, name)
                    storage.add_alias(store, holder.id or 0, name, "", actor)
                    unplaced.append(replace(clash_entry, outcome=f"taken to be {holder.name}", person_id=holder.id))
                    ids.add(holder.id or 0)
                    merged += 1
                    people.reload()
                    continue
                if choice.action == LEAVE_OUT:
                    unplaced.append(replace(clash_entry, outcome="left out"))
                    warnings.append(f"{name} left out: the initials {person.initials} are {clash.name}'s.")
                    continue
                person = replace(person, initials=choice.initials.strip())
                if not person.initials:
                    warnings.append(
                        f"Initials {clash_entry.detail} are already used by {clash.name}; choose others for {name}."
                    )
            if duplicate is not None:
                warnings.append(
                    f"{name} looks like {duplicate.best.name}; merge them in People if they are the same person."
                )
            saved = storage.add_person(store, person, actor)
            assert saved.id is not None
            if clash_entry is not None:
                given = f"with the initials {saved.initials}" if saved.initials else "with no initials"
                unplaced.append(replace(clash_entry, outcome=f"added {given}", person_id=saved.id))
            if duplicate is not None:
                duplicates.append(replace(duplicate, outcome="added", person_id=saved.id))
            ids.add(saved.id)
            created += 1
            people.reload()
    return ImportReport(
        created,
        0,
        len(draft_people) - created - merged,
        tuple(warnings),
        frozenset(ids),
        merged=merged,
        possible_duplicates=tuple(duplicates),
        unplaced=tuple(unplaced),
    )


def _body_person(store: Store, body_id: int, person_id: int | None, what: str) -> Person:
    """The person a choice names, refused unless they are one of this body's people."""
    person = storage.person(store, person_id) if person_id is not None else None
    if person is None or person.body_id != body_id:
        raise PeopleError(f"{what} cannot be attached to person {person_id}: not one of this body's people.")
    return person


def import_pack_interests(
    store: Store,
    body_id: int,
    draft_interests: Sequence[DraftInterest],
    actor: str = "secretary",
    placements: Mapping[str, Placement] | None = None,
) -> ImportReport:
    """A pack's register extract, added to the body's register (all or nothing).

    Rows are matched to people by name (including merged names); rows already in the register are skipped, so
    importing the next pack's extract adds only what is new. Rows naming no one by that name are never dropped
    silently: `placements` (by `Unplaced.key`) attaches them to a person, adds the person, or leaves them out;
    without a choice they go to the one very close name if there is one, else are left out. Each such name is in
    the report's `unplaced`, with what was done.
    """
    created = skipped = 0
    warnings: list[str] = []
    ids: set[int] = set()
    unplaced: dict[str, Unplaced] = {}
    with store.transaction():
        people = _People(store, body_id)
        existing = {_register_key(row) for row in storage.register(store, body_id)}
        rows_of: dict[str, list[DraftInterest]] = {}
        for draft in draft_interests:
            rows_of.setdefault(name_key(_interest_name(draft)), []).append(draft)
        for draft in draft_interests:
            name = _interest_name(draft)
            person = people.exact(name)
            if person is None:
                entry = unplaced.get(name_key(name))
                if entry is None:
                    entry = _register_unplaced(name, rows_of[name_key(name)], _known(people))
                    person, outcome = _place_register_rows(store, body_id, people, entry, placements, draft, actor)
                    entry = replace(entry, outcome=outcome, person_id=person.id if person else None)
                    unplaced[name_key(name)] = entry
                    warnings.append(f"Register rows for {name}: {outcome}.")
                elif entry.person_id is not None:
                    person = storage.person(store, entry.person_id)
            if person is None or person.id is None:
                skipped += 1
                continue
            row = RegisterRow(
                None,
                person.id,
                position=draft.position,
                interests_to_declare=draft.declared,
                financial=draft.financial,
                non_financial_professional=draft.non_financial_professional,
                non_financial_personal=draft.non_financial_personal,
                indirect=draft.indirect,
                details=draft.details,
                date_from=draft.date_from.written,
                date_to=draft.date_to.written,
                mitigation=draft.mitigation,
                date_declared=draft.date_declared.written,
            )
            if _register_key(row) in existing:
                skipped += 1
                continue
            saved = storage.add_interest(store, row, actor)
            assert saved.id is not None
            existing.add(_register_key(saved))
            ids.add(saved.id)
            created += 1
    return ImportReport(
        created, 0, skipped, tuple(warnings), interest_ids=frozenset(ids), unplaced=tuple(unplaced.values())
    )


def _place_register_rows(
    store: Store,
    body_id: int,
    people: _People,
    entry: Unplaced,
    placements: Mapping[str, Placement] | None,
    draft: DraftInterest,
    actor: str,
) -> tuple[Person | None, str]:
    """Whom the rows of `entry` go to, as chosen (or suggested): a person, a person added now, or None (left
    out); and what was done, in words."""
    choice = (placements or {}).get(entry.key, entry.suggested)
    if choice.action == LEAVE_OUT:
        return None, "left out"
    if choice.action == ATTACH:
        if choice.person_id is not None:
            person = _body_person(store, body_id, choice.person_id, f"The register rows for {entry.name}")
            return person, f"attached to {person.name}"
        found = people.exact(choice.person_name)
        if found is None:
            raise PeopleError(
                f"The register rows for {entry.name} cannot be attached to {choice.person_name}: "
                "not one of this body's people."
            )
        return found, f"attached to {found.name}"
    title, bare = split_title(entry.name)
    added = storage.add_person(
        store,
        Person(None, body_id, bare, role=draft.position, title=title, initials=choice.initials.strip(), voting=False),
        actor,
    )
    people.reload()
    return added, f"added {added.name} as a member without a vote"


# -- the register from CSV -------------------------------------------------------------------------------------

REGISTER_HEADERS = (
    "Surname",
    "Forename",
    "Position",
    "Interests to Declare",
    "Financial Interest",
    "Non-Financial Professional",
    "Non-Financial Personal",
    "Indirect",
    "Details of Interest",
    "Date From",
    "Date To",
    "Actions to be taken to mitigate risk",
    "Date Declared",
)

REGISTER_COLUMNS = (
    _Column("name", "Name", ("name", "full name", "person", "member", "member name")),
    _Column("forename", "Forename", ("forename", "forenames", "first name", "firstname", "given name")),
    _Column("surname", "Surname", ("surname", "last name", "lastname", "family name")),
    _Column("position", "Position", ("position", "role", "job title", "post"), ("position",)),
    _Column(
        "interests_to_declare",
        "Interests to Declare",
        ("interests to declare", "interest to declare", "any interests", "declare", "declared"),
        ("interests to declare",),
    ),
    _Column("financial", "Financial", ("financial", "financial interest", "financial interests")),
    _Column(
        "non_financial_professional",
        "Non-Financial Professional",
        ("non financial professional", "non financial professional interest", "professional"),
    ),
    _Column(
        "non_financial_personal",
        "Non-Financial Personal",
        ("non financial personal", "non financial personal interest", "personal"),
    ),
    _Column("indirect", "Indirect", ("indirect", "indirect interest", "indirect interests")),
    _Column(
        "details",
        "Details of Interest",
        ("details", "details of interest", "description", "nature of interest", "interest", "details of interests"),
        ("details",),
    ),
    _Column("date_from", "Date From", ("date from", "from", "start date", "start"), ("date from",)),
    _Column("date_to", "Date To", ("date to", "to", "end date", "end"), ("date to",)),
    _Column(
        "mitigation",
        "Actions to mitigate",
        ("mitigation", "actions to mitigate", "action taken", "actions", "mitigating action", "mitigating actions"),
        ("actions to be taken", "action to be taken", "actions taken", "actions to mitigate", "mitigation"),
    ),
    _Column("date_declared", "Date Declared", ("date declared", "declared on", "date of declaration")),
)


def import_register_csv(
    store: Store,
    body_id: int,
    source: Path | str,
    actor: str = "secretary",
    *,
    create_missing_people: bool = False,
) -> ImportReport:
    """Add register rows from a CSV or .xlsx file (or CSV text), all or nothing.

    Each row's person is found by name (titles, case and merged-away names ignored), or by a unique close match
    (reported). A name matching no one is an error naming the row, unless `create_missing_people`, which adds
    them as non-voting members to be checked. Rows identical to one already in the register are skipped.
    """
    store.body(body_id)
    records, warnings = _records(source, REGISTER_COLUMNS, lambda f: _needs_name(f, (("details", "Details"),)))
    created = skipped = 0
    ids: set[int] = set()
    with store.transaction():
        people = _People(store, body_id)
        existing = {_register_key(r) for r in storage.register(store, body_id)}
        for number, record in records:
            name = _row_name(record)
            if not name:
                raise CsvImportError(f"Row {number}: the name is blank. Nothing from the file was saved.")
            where = f"Row {number} ({_short(name, 40)})"
            person = people.exact(name)
            if person is None:
                person = people.likely(name)
                if person is not None:
                    warnings.append(f"{where}: taken to be {person.name}.")
            if person is None:
                if not create_missing_people:
                    raise CsvImportError(
                        f"{where}, column {'Name' if record.get('name') else 'Surname'}: no one called {name} is "
                        "among this body's people. Add them in People first; nothing from the file was saved."
                    )
                title, bare = split_title(name)
                try:
                    person = storage.add_person(
                        store,
                        Person(None, body_id, bare, role=record.get("position", ""), title=title, voting=False),
                        actor,
                    )
                except PeopleError as error:
                    raise CsvImportError(f"{where}: {error} Nothing from the file was saved.") from None
                warnings.append(f"{where}: added {person.name} as a member without a vote; check their details.")
                people.reload()
            assert person.id is not None
            financial, professional, personal, indirect = (
                bool(_flag(record.get(f, ""), where, label))
                for f, label in (
                    ("financial", "Financial"),
                    ("non_financial_professional", "Non-Financial Professional"),
                    ("non_financial_personal", "Non-Financial Personal"),
                    ("indirect", "Indirect"),
                )
            )
            row = RegisterRow(
                None,
                person.id,
                position=record.get("position", ""),
                interests_to_declare=record.get("interests_to_declare", ""),
                financial=financial,
                non_financial_professional=professional,
                non_financial_personal=personal,
                indirect=indirect,
                details=record.get("details", ""),
                date_from=record.get("date_from", ""),
                date_to=record.get("date_to", ""),
                mitigation=record.get("mitigation", ""),
                date_declared=record.get("date_declared", ""),
            )
            if _register_key(row) in existing:
                skipped += 1
                continue
            try:
                saved = storage.add_interest(store, row, actor)
            except PeopleError as error:
                raise CsvImportError(f"{where}: {error} Nothing from the file was saved.") from None
            assert saved.id is not None
            existing.add(_register_key(saved))
            ids.add(saved.id)
            created += 1
    return ImportReport(created, 0, skipped, tuple(warnings), interest_ids=frozenset(ids))


def _register_key(row: RegisterRow) -> tuple[object, ...]:
    return (
        row.person_id,
        row.position.strip(),
        row.interests_to_declare.strip(),
        row.financial,
        row.non_financial_professional,
        row.non_financial_personal,
        row.indirect,
        " ".join(row.details.split()),
        row.date_from.strip(),
        row.date_to.strip(),
        row.mitigation.strip(),
        row.date_declared.strip(),
    )


# -- the register extract --------------------------------------------------------------------------------------


def register_extract_rows(store: Store, body_id: int, person_ids: Iterable[int] | None = None) -> list[list[str]]:
    """The register extract a pack prints: header, then one row per interest, by surname."""
    wanted = set(person_ids) if person_ids is not None else None
    people = {p.id: p for p in store.people(body_id)}
    rows = [list(REGISTER_HEADERS)]
    for entry in storage.register(store, body_id):
        if wanted is not None and entry.person_id not in wanted:
            continue
        person = people[entry.person_id]
        _title, bare = split_title(person.name)
        words = bare.split()
        surname, forename = (words[-1], " ".join(words[:-1])) if words else ("", "")
        flag = {True: "Y", False: ""}
        rows.append(
            [
                surname,
                forename,
                entry.position or person.role,
                entry.interests_to_declare,
                flag[entry.financial],
                flag[entry.non_financial_professional],
                flag[entry.non_financial_personal],
                flag[entry.indirect],
                entry.details,
                entry.date_from,
                entry.date_to,
                entry.mitigation,
                entry.date_declared,
            ]
        )
    return rows


def register_extract_csv(store: Store, body_id: int, person_ids: Iterable[int] | None = None) -> str:
    out = io.StringIO(newline="")
    rows = register_extract_rows(store, body_id, person_ids)
    # "=HYPERLINK(…)" typed into a register is text, not a formula, when the CSV is opened: the exports' one rule
    csv.writer(out, lineterminator="\r\n").writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return out.getvalue()


def export_register_csv(store: Store, body_id: int, out: Path, person_ids: Iterable[int] | None = None) -> Path:
    """Write the register extract as CSV (UTF-8 with a BOM, so spreadsheets read it right), atomically."""
    text = register_extract_csv(store, body_id, person_ids)
    return write_atomically(out, text.encode("utf-8-sig"))  # the exports' one atomic, fsynced write


# -- the rule set editor ---------------------------------------------------------------------------------------


def rules_preview(store: Store, body_id: int, rules: RuleSet) -> tuple[str, str]:
    """(the rules in sentences, a worked example on the body's current people) for the rule set editor.

    Live attendance is a later issue: until then everyone current with a vote is taken to be present, and the
    first person tagged chair presides.
    """
    people = tuple(p for p in store.people(body_id) if not p.retired)
    present = frozenset(p.id for p in people if p.voting and p.id is not None)
    chair = next((p.id for p in people if "chair" in p.role_tags and p.id in present), None)
    state = RoomState(people=people, present=present, presiding_id=chair)
    return describe_rules(rules), worked_example(state, rules)
