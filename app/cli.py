"""The composition root and command line: `quorate` and `python -m app`.

Parses arguments, finds directories, sets up logging, opens storage, then runs either a
command (JSON out, same commands the window uses) or the window. Problems of the user's
input end in one plain sentence on stderr and exit code 2; bugs are logged with a
traceback and end in exit code 1.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

import app
from app import netguard, paths
from app.diagnostics import setup_logging
from app.domain import PRESETS, Part
from app.errors import Refusal
from app.packs.limits import REPLAY_MAX_BYTES, read_input_or, read_pack_bounded
from app.storage import StorageError, Store
from app.storage.lock import DEFAULT_WAIT, DataFolderLock, folder_error

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USER = 0, 2  # a bug re-raises, so Python exits with 1


class UserError(Refusal):
    """Bad input from the user: printed as one sentence, exit code 2."""


def _jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    if isinstance(value, frozenset | set | tuple | list):
        return (
            [_jsonable(v) for v in sorted(value, key=str)]
            if isinstance(value, frozenset | set)
            else [_jsonable(v) for v in value]
        )
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _dump(data: Any) -> None:
    print(json.dumps(_jsonable(data), ensure_ascii=False, indent=2))


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="keep the database, logs and exports here instead of the user data folder",
    )
    common.add_argument(
        "--no-encryption",
        action="store_true",
        default=argparse.SUPPRESS,
        help="plain mode for tests and demos: keep a new or plain library unencrypted (never for real data)",
    )
    parser = argparse.ArgumentParser(
        prog="quorate", parents=[common], description="Offline companion for board meetings."
    )
    parser.add_argument("--version", action="version", version=f"quorate {app.__version__}")
    parser.add_argument(
        "--passphrase-file",
        dest="library_passphrase_file",
        type=Path,
        metavar="FILE",
        help="the library's passphrase: the first line of FILE (- = stdin); else the keyring's, if remembered",
    )

    parser.add_argument("--demo", action="store_true", help="open the window on the bundled demo meeting")
    parser.add_argument(
        "--selftest", action="store_true", help="check Qt, QtPdf, the database and PDF export work here, then exit"
    )
    parser.add_argument("--meeting", type=int, help="open the window on this meeting id")
    parser.add_argument(
        "--open-bundle",
        type=Path,
        metavar="FILE",
        help="open a meeting bundle (.quorate) in the window, as a member; `quorate FILE.quorate` does the same",
    )
    # For the benchmark: quit as soon as the window has been shown and painted.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", parents=[common], help="import a board pack as a new meeting")
    imp.add_argument("pack", type=Path)
    imp.add_argument("--json", action="store_true", help="print the meeting and its agenda as JSON")
    imp.add_argument(
        "--agenda",
        type=Path,
        metavar="DRAFT_JSON",
        help="save this corrected agenda (edited from `agenda PACK --json`) instead of the one read from the pack",
    )

    agenda = sub.add_parser("agenda", parents=[common], help="show the agenda found in a pack, saving nothing")
    agenda.add_argument("pack", type=Path)
    agenda.add_argument("--json", action="store_true")

    meetings = sub.add_parser("meetings", parents=[common], help="list the meetings in the library")
    meetings.add_argument("--json", action="store_true")

    minutes = sub.add_parser("minutes", parents=[common], help="export a meeting's minutes as PDF or Word")
    minutes.add_argument("meeting_id", type=int)
    minutes.add_argument("--out", type=Path, required=True)
    minutes.add_argument(
        "--part", choices=tuple(PARTS), default="public", help="public (Part I) or confidential (Part II)"
    )
    minutes.add_argument("--format", choices=("pdf", "docx"), help="default: from --out's suffix, else pdf")
    minutes.add_argument("--json", action="store_true")

    tracker = sub.add_parser("tracker", parents=[common], help="export the body's action tracker (CSV, XLSX or PDF)")
    tracker.add_argument("meeting_id", type=int, help="the tracker as it stands at this meeting")
    tracker.add_argument("--out", type=Path, required=True, help="a .csv, .xlsx or .pdf file")
    tracker.add_argument(
        "--part",
        choices=("public", "confidential"),
        default="public",
        help="public: Part II actions left out (default); confidential: included, each marked Part II",
    )
    tracker.add_argument("--json", action="store_true")

    attendance = sub.add_parser("attendance", parents=[common], help="annual attendance report (CSV or PDF)")
    attendance.add_argument("body_id", type=int)
    attendance.add_argument("--from", dest="start", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    attendance.add_argument("--to", dest="end", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    attendance.add_argument("--out", type=Path, required=True, help="a .csv or .pdf file")
    attendance.add_argument("--json", action="store_true")

    approve = sub.add_parser("approve", parents=[common], help="record the chair's or the body's approval of minutes")
    approve.add_argument("meeting_id", type=int, help="the meeting whose minutes are approved")
    approve.add_argument("--chair", help="the chair approving the draft (Approval of Draft Minutes)")
    approve.add_argument("--role", default="Chair")
    approve.add_argument("--on", type=date.fromisoformat, help="date of the chair's approval (default today)")
    approve.add_argument("--at-meeting", type=int, help="the later meeting at which the body approved them")
    approve.add_argument("--motion", type=int, help="the resolution there that approved them (motion id)")
    approve.add_argument(
        "--override",
        default="",
        help="why a resolution whose wording or item does not name these minutes approved them (printed)",
    )
    approve.add_argument("--json", action="store_true")

    correct = sub.add_parser(
        "correct", parents=[common], help="a correction to signed minutes, agreed at a later meeting (a new version)"
    )
    correct.add_argument("meeting_id", type=int, help="the meeting whose signed minutes are corrected")
    correct.add_argument("--at-meeting", type=int, required=True, help="the later meeting that agreed the correction")
    correct.add_argument(
        "--motion", type=int, required=True, help="the resolution there that agreed it (motion id: see `motions`)"
    )
    correct.add_argument("--item", required=True, help="the number of the item whose minute is corrected")
    wording = correct.add_mutually_exclusive_group(required=True)
    wording.add_argument("--text", help="the corrected wording of the minute")
    wording.add_argument("--text-file", type=Path, help="a UTF-8 file holding the corrected wording")
    correct.add_argument("--reason", default="", help="what the correction puts right (printed)")
    correct.add_argument("--json", action="store_true")

    check = sub.add_parser(
        "check", parents=[common], help="replay the audit chain and compare it with the record (exit 3 if not)"
    )
    check.add_argument("--json", action="store_true")

    search = sub.add_parser("search", parents=[common], help="search every pack, minute and action in the library")
    search.add_argument("query", help='words to find; "quoted words" together, word* for any ending, OR between words')
    search.add_argument("--json", action="store_true", help="print the matches as a JSON list")
    search.add_argument("--limit", type=int, default=20, help="show at most this many matches (default 20)")

    revise = sub.add_parser(
        "revise", parents=[common], help="apply a revised pack to a meeting, keeping what is recorded"
    )
    revise.add_argument("meeting_id", type=int)
    revise.add_argument("pack", type=Path)
    revise.add_argument("--json", action="store_true", help="print what changed as JSON")

    bench = sub.add_parser("bench", parents=[common], help="measure speeds against their floors (JSON)")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--repeat", type=int, default=5)
    bench.add_argument(
        "--only",
        choices=["replay", "packs", "members"],
        help="only the replay figures (1,000 and 10,000 events), or only the pack-reading figures (300-page PDFs"
        " with and without bookmarks, the corpus), or only the members' bundles (publish, open, answers)",
    )
    bench.add_argument(
        "--scale",
        action="store_true",
        help="the figures at a long meeting's size: live commands at event 100 to 10,000 and meeting_state at 1,000"
        " and 10,000 events, each beside its floor (several minutes)",
    )
    replay = sub.add_parser(
        "replay", parents=[common], help="apply a file of live-meeting events (docs/replay.md) and show the result"
    )
    replay.add_argument("meeting_id", type=int)
    replay.add_argument("events", type=Path, help="JSON lines, one event a line")
    replay.add_argument(
        "--skip", type=int, default=0, help="the first N events are in the meeting already (resume a stopped replay)"
    )
    replay.add_argument(
        "--resume", action="store_true", help="find how far an earlier run of this file got, and go on from there"
    )
    replay.add_argument("--json", action="store_true", help="print the resulting meeting state as JSON")
    _add_signing_parsers(sub, common)
    _add_body_parsers(sub, common)
    _add_library_parsers(sub, common)
    _add_member_parsers(sub, common)
    _add_passphrase_options(sub)
    return parser


def _add_member_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """publish, open, answers, notes and exchange: a meeting on members' own devices (issue 19)."""
    from app.cli_members import add_member_parsers

    add_member_parsers(sub, common)


def _add_library_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """passphrase: the encrypted library's own upkeep."""
    change = sub.add_parser(
        "passphrase",
        parents=[common],
        help="change the library's passphrase (re-keys the database; the current one from --passphrase-file)",
    )
    change.add_argument(
        "--new-passphrase-file", type=Path, required=True, metavar="FILE", help="the new passphrase: FILE's first line"
    )
    remembering = change.add_mutually_exclusive_group()
    remembering.add_argument("--remember", action="store_true", help="remember the new one in this computer's keyring")
    remembering.add_argument("--forget", action="store_true", help="forget any passphrase remembered in the keyring")
    change.add_argument("--json", action="store_true")

    purge = sub.add_parser(
        "purge",
        parents=[common],
        help="remove old packs and Part II papers (files and page text), keeping minutes, signatures and the audit log",
    )
    purge.add_argument(
        "--before",
        type=date.fromisoformat,
        metavar="DATE",
        help="remove the packs of meetings held before DATE (YYYY-MM-DD); without it, each body's retention setting"
        " (rules.keep_packs_years, rules.keep_part2_years) is applied",
    )
    purge.add_argument("--part2-only", action="store_true", help="with --before: only the Part II papers")
    purge.add_argument("--json", action="store_true")


def _add_passphrase_options(sub: Any) -> None:
    """`--passphrase-file` after the command too, except where the command has its own (a signing key's)."""
    for name, parser in sub.choices.items():
        if name in SIGNING_COMMANDS:
            continue
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            _add_passphrase_options(nested[0])
            continue
        parser.add_argument(
            "--passphrase-file",
            dest="library_passphrase_file",
            type=Path,
            metavar="FILE",
            default=argparse.SUPPRESS,
            help="the library's passphrase: the first line of FILE (- = stdin)",
        )


def _add_body_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """body, people, rules, meeting and motions: a body's settings and people, a meeting's title and motions."""
    body = sub.add_parser("body", parents=[common], help="show or change a body's name, house style and rules")
    body_sub = body.add_subparsers(dest="body_command", metavar="show|set", required=True)
    show = body_sub.add_parser("show", parents=[common], help="every setting of a body (no BODY_ID: list bodies)")
    show.add_argument("body_id", type=int, nargs="?")
    show.add_argument("--json", action="store_true")
    change = body_sub.add_parser(
        "set", parents=[common], help="change settings: name=…, style=PRESET, style.FIELD=…, rules=…, rules.FIELD=…"
    )
    change.add_argument("body_id", type=int)
    change.add_argument("settings", nargs="+", metavar="KEY=VALUE")
    change.add_argument("--json", action="store_true", help="print every setting afterwards as JSON")

    people = sub.add_parser("people", parents=[common], help="list a body's people, or import them from a file")
    people_sub = people.add_subparsers(dest="people_command", metavar="list|import", required=True)
    listing = people_sub.add_parser("list", parents=[common], help="the body's people, by surname")
    listing.add_argument("body_id", type=int)
    listing.add_argument("--json", action="store_true")
    importing = people_sub.add_parser("import", parents=[common], help="add or update people from a CSV or .xlsx file")
    importing.add_argument("body_id", type=int)
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--register", action="store_true", help="the file is a register of interests, not a list of people"
    )
    importing.add_argument("--json", action="store_true")

    rules = sub.add_parser("rules", parents=[common], help="show a body's rules in words, or start them from a preset")
    rules.add_argument("body_id", type=int)
    rules.add_argument("--preset", help="one of: " + ", ".join(PRESETS))
    rules.add_argument("--json", action="store_true")

    meeting = sub.add_parser("meeting", parents=[common], help="show a meeting, or change its title")
    meeting.add_argument("meeting_id", type=int)
    meeting.add_argument("--title", help="the title its minutes print")
    meeting.add_argument("--json", action="store_true")

    motions = sub.add_parser("motions", parents=[common], help="list a meeting's motions (their MOTION_ID for approve)")
    motions.add_argument("meeting_id", type=int)
    motions.add_argument("--json", action="store_true")


SIGNING_COMMANDS = ("sign", "verify", "keygen", "trust")
EXIT_NOT_VERIFIED = 3  # `verify`: the signature is broken, the file was changed after signing, or the signer untrusted


def _add_signing_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    sign = sub.add_parser("sign", parents=[common], help="sign a finished PDF (the minutes) with the chair's key")
    sign.add_argument("pdf", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="the chair's PKCS#12 key file (.p12)")
    sign.add_argument(
        "--passphrase-file", type=Path, required=True, help="file whose first line is the key's passphrase (- = stdin)"
    )
    sign.add_argument("--out", type=Path, required=True, help="the signed copy (the input is left unchanged)")
    sign.add_argument("--name", help="the signer's name as shown (default: the certificate's name)")
    sign.add_argument("--role", help="the signer's role as shown (default: the certificate's title)")
    sign.add_argument("--image", type=Path, help="a PNG of the chair's signature to show in the signature box")
    sign.add_argument("--location", default="", help="where it was signed")
    sign.add_argument("--box", help="signature box on the last page as x1,y1,x2,y2 in points from bottom left")
    sign.add_argument("--invisible", action="store_true", help="sign without a visible signature box")
    sign.add_argument(
        "--meeting", type=int, help="these are the approved minutes of this meeting: record the signature and lock it"
    )
    sign.add_argument("--json", action="store_true")

    verify = sub.add_parser(
        "verify",
        parents=[common],
        help="check a signed PDF offline, and against this data folder's record (exit 0 all good, 3 a problem,"
        " 2 not a signed PDF)",
    )
    verify.add_argument("pdf", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.add_argument(
        "--offline-only", action="store_true", help="check only the file itself, not this data folder's record"
    )

    keygen = sub.add_parser("keygen", parents=[common], help="make a signing key and certificate in a name")
    keygen.add_argument("--name", required=True, help="the person who will sign, as the certificate names them")
    keygen.add_argument("--role", default="", help="their role, e.g. Chair")
    keygen.add_argument("--organisation", default="", help="the body or organisation")
    keygen.add_argument("--out", type=Path, required=True, help="the new PKCS#12 key file (.p12)")
    keygen.add_argument("--passphrase-file", type=Path, required=True, help="file whose first line is the passphrase")
    keygen.add_argument("--rsa", action="store_true", help="RSA 3072 instead of the default EC P-256")
    keygen.add_argument("--no-trust", action="store_true", help="do not add the new certificate to this trust store")
    keygen.add_argument("--json", action="store_true")

    trust = sub.add_parser("trust", parents=[common], help="mark a signer's certificate trusted, or list them")
    trust.add_argument("certificate", type=Path, nargs="?", help="a certificate (.pem/.crt/.der) or PKCS#12 file")
    trust.add_argument("--passphrase-file", type=Path, help="the passphrase, when the certificate is in a .p12")
    trust.add_argument("--list", action="store_true", help="list the trusted certificates")
    trust.add_argument("--json", action="store_true")


def _read_first_line(path: Path, what: str) -> str:
    """The first line of `path` (- = standard input), without its line ending."""
    try:
        text = sys.stdin.readline() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"The {what} file {path} cannot be read.") from exc
    line = text.splitlines()[0] if text else ""
    if not line:
        raise UserError(f"The {what} file {path} is empty.")
    return line


def _library_passphrase(args: argparse.Namespace, data_dir: Path) -> str | None:
    """The library's passphrase: --passphrase-file, else QUORATE_PASSPHRASE_FILE, else the keyring's (only asked
    when the library is encrypted: importing the keyring costs half a second)."""
    from app.storage.connection import FileKind, file_kind

    given = getattr(args, "library_passphrase_file", None) or os.environ.get("QUORATE_PASSPHRASE_FILE")
    if given:
        return _read_first_line(Path(given), "passphrase")
    if file_kind(paths.database_path(data_dir)) is FileKind.ENCRYPTED:
        from app import keychain

        return keychain.recall(data_dir)
    return None


def _plain_mode(args: argparse.Namespace) -> bool:
    from app.storage.encryption import plain_mode_from_environment

    return bool(getattr(args, "no_encryption", False)) or plain_mode_from_environment()


def _open_store(data_dir: Path, args: argparse.Namespace) -> Store:
    from app.storage.encryption import PassphraseNeeded, open_library

    try:
        return open_library(paths.database_path(data_dir), _library_passphrase(args, data_dir), plain=_plain_mode(args))
    except PassphraseNeeded as exc:
        raise UserError(
            f'{exc} Give it with --passphrase-file FILE (or tick "remember" when unlocking in the window).'
        ) from exc
    except StorageError as exc:
        raise UserError(str(exc)) from exc
    except PermissionError as exc:
        raise UserError(f"Quorate cannot write to {data_dir}: {exc.strerror}.") from exc


def _change_passphrase(store: Store, args: argparse.Namespace, data_dir: Path) -> None:
    """`passphrase`: re-key the library under a new passphrase (the current one opened it)."""
    from app import keychain
    from app.storage.encryption import change_passphrase

    if not store.encrypted:
        raise UserError("This library is not encrypted, so it has no passphrase to change.")
    current = _library_passphrase(args, data_dir)
    assert current is not None and store.path is not None and store.key is not None  # it opened the store
    new = _read_first_line(args.new_passphrase_file, "new passphrase")
    store.close()  # the only connection: the re-key replaces the database file
    change_passphrase(store.path, store.key, current, new)
    if args.forget:
        keychain.forget(data_dir)
    elif (args.remember or keychain.recall(data_dir) is not None) and not keychain.remember(data_dir, new):
        print("quorate: this computer has no keyring to remember the passphrase in.", file=sys.stderr)
    if args.json:
        _dump({"changed": True})
    else:
        print("The passphrase was changed; the library was re-keyed.")


def _meeting_json(store: Store, meeting_id: int) -> dict[str, Any]:
    return {
        "meeting": asdict(store.meeting(meeting_id)),
        "items": [asdict(item) for item in store.items(meeting_id)],
    }


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        x1, y1, x2, y2 = (float(part) for part in text.split(","))
    except ValueError:
        raise UserError(f"--box takes four numbers x1,y1,x2,y2 in points, not {text!r}.") from None
    return x1, y1, x2, y2


def _signing_refused(store: Store | None, exc: Exception) -> UserError:
    if store is not None:
        store.close()
    return UserError(str(exc))


def _sign_meeting(args: argparse.Namespace, data_dir: Path) -> int:
    """`sign --meeting`: only the exact recorded export of the approved minutes; recorded and locked at once."""
    from app.commands import approval, signing

    store = _open_store(data_dir, args)
    try:
        done = signing.sign_meeting(
            store,
            args.meeting,
            args.pdf,
            args.key,
            signing.read_passphrase_file(args.passphrase_file),
            args.out,
            name=args.name,
            role=args.role,
            image=args.image,
            location=args.location,
            visible=not args.invisible,
            box=_box(args.box),
        )
    except (approval.ApprovalError, signing.SigningError, StorageError) as exc:
        raise _signing_refused(store, exc) from exc
    store.close()
    if args.json:
        _dump(
            {
                **done.signed.to_json(),
                "meeting_id": args.meeting,
                "version": done.export.version,
                "signed_sha256": done.signed_sha256,
            }
        )
    else:
        print(
            f"Signed {args.pdf} as {done.signed.signer_name}: wrote {done.signed.out};"
            f" meeting {args.meeting} is locked."
        )
    return EXIT_OK


def _verify(args: argparse.Namespace, data_dir: Path) -> int:
    """`verify`: the file offline, then (unless --offline-only, and when this data folder holds a database)
    against the record. Exit 0 only when everything holds; 3 with the problems listed."""
    from app.commands import signing

    report = signing.verify(data_dir, args.pdf)
    record = None
    database = paths.database_path(data_dir)
    if not args.offline_only and database.exists():
        store = _open_store(data_dir, args)
        try:
            record = signing.check_against_record(store, args.pdf, report)
        finally:
            store.close()
    good = report.ok and report.trusted and (record is None or record.ok)
    code = EXIT_OK if good else EXIT_NOT_VERIFIED
    problems = [*report.problems, *(record.problems if record else ())]
    if args.json:
        _dump({**report.to_json(), "record": record.to_json() if record else None, "ok": good, "problems": problems})
    else:
        print(report.summary())
        if report.audit_hash:
            print(f"Audit hash printed in the document: {report.audit_hash}")
        if record is not None:
            print("Against this data folder's record: " + ("all holds." if record.ok else "PROBLEMS."))
        for problem in problems:
            print(f"- {problem}")
    return code


def _run_signing(args: argparse.Namespace, data_dir: Path) -> int:
    """sign, verify, keygen and trust: files in and out, no database."""
    from app.commands import signing

    try:
        if args.command == "sign":
            if args.meeting is not None:
                return _sign_meeting(args, data_dir)
            signed = signing.sign(
                args.pdf,
                args.key,
                signing.read_passphrase_file(args.passphrase_file),
                args.out,
                name=args.name,
                role=args.role,
                image=args.image,
                location=args.location,
                visible=not args.invisible,
                box=_box(args.box),
            )
            if args.json:
                _dump(signed.to_json())
            else:
                print(f"Signed {args.pdf} as {signed.signer_name}: wrote {signed.out}")
        elif args.command == "verify":
            return _verify(args, data_dir)
        elif args.command == "keygen":
            created = signing.create_key(
                data_dir,
                args.out,
                args.name,
                signing.read_passphrase_file(args.passphrase_file),
                role=args.role,
                organisation=args.organisation,
                algorithm="rsa-3072" if args.rsa else "ec-p256",
                trust=not args.no_trust,
            )
            if args.json:
                _dump(created.to_json())
            else:
                print(f"Wrote the key of {created.certificate.name} to {created.key_file}")
                if not args.no_trust:
                    print("Its certificate is now trusted by Quorate in this data folder.")
                print(f"Give {created.certificate_file} to whoever verifies the signed minutes (quorate trust FILE).")
        elif args.command == "trust":
            if args.list or args.certificate is None:
                listed = signing.trusted_certificates(data_dir)
                if args.json:
                    _dump([c.to_json() for c in listed])
                else:
                    for c in listed:
                        role = f", {c.role}" if c.role else ""
                        print(f"{c.sha256[:16]}  {c.name}{role}  until {c.not_after:%Y-%m-%d}")
                return EXIT_OK
            passphrase = signing.read_passphrase_file(args.passphrase_file) if args.passphrase_file else None
            added = signing.trust_certificate(data_dir, args.certificate, passphrase)
            if args.json:
                _dump(added.to_json())
            else:
                print(f"Trusted {added.name} (SHA-256 {added.sha256}).")
    except signing.SigningError as exc:
        raise UserError(str(exc)) from exc
    return EXIT_OK


def _run_replay(store: Store, args: argparse.Namespace) -> None:
    """`replay`: every event through the live-meeting commands; a bad line stops it (earlier ones stay)."""
    from app.commands.replay import ReplayError, meeting_state, replay

    store.meeting(args.meeting_id)  # a clear NotFound before the file is read
    raw = read_input_or(  # regular files only, never more than the limit read
        args.events, REPLAY_MAX_BYTES, "replay file", lambda why: UserError(f"The events file cannot be read: {why}")
    )
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise UserError(f"The events file {args.events} is not UTF-8 text, so it cannot be replayed.") from exc
    try:
        result = replay(store, args.meeting_id, lines, skip=args.skip, resume=args.resume)
    except ReplayError as exc:
        where = f" to meeting {exc.meeting_id}" if exc.meeting_id is not None else ""
        resume = (
            f" (go on with: quorate replay {exc.meeting_id} {args.events} --skip {exc.applied})"
            if exc.meeting_id is not None and exc.applied
            else ""
        )
        raise UserError(f"{exc}; the {exc.applied} events before it were applied{where}{resume}.") from exc
    if args.json:
        _dump({**meeting_state(store, result.meeting_id), "applied": result.applied, "messages": result.messages})
    else:
        if result.resumed_after:
            print(f"Resumed: the first {result.resumed_after} events were in meeting {result.meeting_id} already.")
        print(f"Replayed {result.applied} events into meeting {result.meeting_id}.")
        for message in result.messages:
            print(message)


def _print_settings(settings: dict[str, Any]) -> None:
    """`body show` as KEY = VALUE lines, each as `body set` reads it back."""
    from app.commands.body_settings import field_specs, format_value
    from app.domain.house_style import HouseStyle
    from app.domain.rules import RuleSet

    print(f"name = {settings['name']}")
    print(f"style = {settings['style_preset']}")
    for spec in field_specs(HouseStyle):
        print(f"style.{spec.name} = {format_value(spec, settings['style'][spec.name])}")
    print(f"rules = {settings['rules_preset']}")
    for spec in field_specs(RuleSet):
        print(f"rules.{spec.name} = {format_value(spec, settings['rules'][spec.name])}")
    for meeting in settings["meetings"]:
        print(f"meeting {meeting['id']}: {meeting['title']}")


def _assignment(text: str) -> tuple[str, str]:
    key, equals, value = text.partition("=")
    if not equals or not key.strip():
        raise UserError(f"Give each setting as KEY=VALUE (for example style.minute_prefix=HCP), not {text!r}.")
    return key.strip(), value


def _run_body(store: Store, args: argparse.Namespace) -> None:
    """body, people, rules, meeting and motions (see `_add_body_parsers`)."""
    from app.commands import body_settings
    from app.commands import people as people_commands
    from app.domain.rules import describe_rules
    from app.storage.bodies import bodies

    if args.command == "body" and args.body_command == "show" and args.body_id is None:
        listed = [{"id": b.id, "name": b.name} for b in bodies(store)]
        if args.json:
            _dump(listed)
        else:
            for entry in listed:
                print(f"{entry['id']:>4}  {entry['name']}")
        return
    if args.command == "body":
        if args.body_command == "set":
            body_settings.set_body_settings(store, args.body_id, [_assignment(a) for a in args.settings])
        settings = body_settings.body_settings(store, args.body_id)
        _dump(settings) if args.json else _print_settings(settings)
    elif args.command == "people" and args.people_command == "list":
        people = people_commands.people_by_surname(store.people(args.body_id))
        if args.json:
            _dump([asdict(p) for p in people])
        else:
            for p in people:
                print(f"{p.id:>4}  {p.initials:6}  {p.name}{' (retired)' if p.retired else ''}  {p.role}")
    elif args.command == "people":
        store.body(args.body_id)
        importer = people_commands.import_register_csv if args.register else people_commands.import_people_csv
        report = importer(store, args.body_id, args.file)
        if args.json:
            _dump({"body_id": args.body_id, **asdict(report)})
        else:
            print(report.summary)
            for warning in report.warnings:
                print(f"Check: {warning}")
    elif args.command == "rules":
        body = (
            body_settings.apply_rules_preset(store, args.body_id, args.preset)
            if args.preset is not None
            else store.body(args.body_id)
        )
        if args.json:
            _dump(body_settings.body_settings(store, args.body_id)["rules"])
        else:
            print(f"{body.rules.name} ({body_settings.rules_preset_key(body.rules)})")
            if body.rules.source:
                print(f"Source: {body.rules.source}")
            print(describe_rules(body.rules))
            if not body.rules.source.strip():
                print(
                    "Check: these rules name no source, so they are Quorate's starting point, not the body's standing"
                    f" orders: start from a preset (quorate rules {args.body_id} --preset NAME) or set each rule"
                    f" (quorate body set {args.body_id} rules.FIELD=VALUE), giving rules.source."
                )
    elif args.command == "meeting":
        meeting = (
            body_settings.set_meeting_title(store, args.meeting_id, args.title)
            if args.title is not None
            else store.meeting(args.meeting_id)
        )
        if args.json:
            _dump(asdict(meeting))
        else:
            print(f"{meeting.id}  {meeting.date or ''}  {meeting.title}")
    else:
        _print_motions(store, args)


def _print_motions(store: Store, args: argparse.Namespace) -> None:
    """`motions`: each motion of a meeting with its id, item and outcome (an amendment names what it amends)."""
    record = store.record(args.meeting_id)
    items = {item.id: item for item in record.items}
    listed = [
        {
            "motion_id": m.id,
            "item_id": m.item_id,
            "item_number": items[m.item_id].number if m.item_id in items else "",
            "item_title": items[m.item_id].title if m.item_id in items else "",
            "text": m.text,
            "outcome": m.outcome,
            "amends_id": m.amends_id,
        }
        for m in record.motions
    ]
    if args.json:
        _dump(listed)
    elif not listed:
        print(f"Meeting {args.meeting_id} has no motions.")
    else:
        for entry in listed:
            text = " ".join(str(entry["text"]).split())
            text = text if len(text) <= 70 else text[:69] + "…"
            amends = f" (amends {entry['amends_id']})" if entry["amends_id"] else ""
            print(f"{entry['motion_id']:>4}  item {entry['item_number']:6} {entry['outcome']:9} {text}{amends}")


PARTS = {"public": Part.ONE, "confidential": Part.TWO, "1": Part.ONE, "2": Part.TWO}


def _run_records(store: Store, args: argparse.Namespace) -> None:
    """minutes, tracker, attendance and approve: the record out as documents, and its approval."""
    from app import commands
    from app.commands import approval, exports

    try:
        if args.command == "minutes":
            store.meeting(args.meeting_id)  # a clear NotFound before any file is touched
            part = PARTS[args.part]
            if part is Part.TWO and not any(item.part is Part.TWO for item in store.items(args.meeting_id)):
                raise UserError(
                    f"Meeting {args.meeting_id} has no Part II (confidential) items, so it has no confidential "
                    "minutes; nothing was written."
                )
            fmt = args.format or ("docx" if args.out.suffix.lower() == ".docx" else "pdf")
            if fmt == "docx":
                out = exports.export_minutes_docx(store, args.meeting_id, args.out, part)
            else:
                out = commands.export_minutes(store, args.meeting_id, args.out, part)
            done: dict[str, Any] = {"meeting_id": args.meeting_id, fmt: str(out.resolve())}
        elif args.command == "tracker":
            store.meeting(args.meeting_id)
            part2 = exports.Part2.MARK if args.part == "confidential" else exports.Part2.LEAVE_OUT
            out = exports.export_action_tracker(store, args.meeting_id, args.out, part2=part2)
            done = {"meeting_id": args.meeting_id, "tracker": str(out.resolve())}
        elif args.command == "attendance":
            out = exports.export_attendance_report(store, args.body_id, args.start, args.end, args.out)
            done = {"body_id": args.body_id, "report": str(out.resolve())}
        else:
            if args.chair:
                approval.chair_approve(store, args.meeting_id, args.chair, args.role, args.on)
            elif args.at_meeting is not None and args.motion is not None:
                approval.body_approve(store, args.meeting_id, args.at_meeting, args.motion, override=args.override)
            else:
                raise UserError("Say who approved the minutes: --chair NAME, or --at-meeting ID --motion ID.")
            done = {"meeting_id": args.meeting_id, "status": store.meeting(args.meeting_id).minutes_status.value}
    except (exports.ExportError, approval.ApprovalError) as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        _dump(done)
    else:
        print(", ".join(f"{key}: {value}" for key, value in done.items() if key not in ("meeting_id", "body_id")))


def _run_correct(store: Store, args: argparse.Namespace) -> None:
    """`correct`: version N+1 of signed minutes, citing the later meeting (and resolution) that agreed it."""
    from app.commands import approval
    from app.commands.live import LiveError, LiveMeeting

    try:
        text = args.text if args.text is not None else args.text_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"The correction file {args.text_file} cannot be read.") from exc
    try:
        item = LiveMeeting(store, args.meeting_id).find_item(args.item)
        assert item.id is not None
        version = approval.amend_signed(
            store, args.meeting_id, item.id, text, args.at_meeting, args.motion, args.reason
        )
    except (approval.ApprovalError, LiveError) as exc:
        raise UserError(str(exc)) from exc
    done = {
        "meeting_id": args.meeting_id,
        "version": version,
        "status": store.meeting(args.meeting_id).minutes_status.value,
    }
    if args.json:
        _dump(done)
    else:
        print(
            f"Version {version} of the minutes of meeting {args.meeting_id} made; it goes through approval and signing."
        )


def _run_check(store: Store, args: argparse.Namespace) -> int:
    """`check`: exit 0 when the chain verifies, the record is what the chain says and signed records are whole."""
    from app.storage.signatures import check_store

    report = check_store(store)
    if args.json:
        _dump(report.to_json())
    elif report.ok:
        print(f"The record and its audit chain agree ({report.entries} entries); every signed meeting is as signed.")
    else:
        for problem in report.problems():
            print(f"- {problem}")
    return EXIT_OK if report.ok else EXIT_NOT_VERIFIED


WRITING_COMMANDS = (
    "import",
    "replay",
    "revise",
    "approve",
    "correct",
    "minutes",
    "passphrase",
    "purge",
)  # they change the database: one process at a time


MEMBER_COMMANDS = ("publish", "open", "answers", "notes", "exchange")  # app/cli_members.py


def _writes(args: argparse.Namespace) -> bool:
    return (
        args.command in WRITING_COMMANDS
        or args.command in MEMBER_COMMANDS
        or (args.command == "sign" and args.meeting is not None)
        or (args.command == "body" and args.body_command == "set")
        or (args.command == "people" and args.people_command == "import")
        or (args.command == "rules" and args.preset is not None)
        or (args.command == "meeting" and args.title is not None)
    )


def _lock_wait() -> float:
    """How long a writing command waits for another Quorate on the same data folder (QUORATE_LOCK_WAIT seconds)."""
    try:
        return float(os.environ.get("QUORATE_LOCK_WAIT", DEFAULT_WAIT))
    except ValueError:
        return DEFAULT_WAIT


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one command; those that write hold the data folder's lock while they run (see app/storage/lock.py)."""
    if not _writes(args):
        return _dispatch(args, data_dir)
    with DataFolderLock(data_dir, wait=_lock_wait()):
        return _dispatch(args, data_dir)


def _os_error_sentence(exc: OSError, out: Path | None) -> str | None:
    """One sentence for a full disk or a read-only place when writing a file; None for anything else (a bug)."""
    target = out if out is not None else exc.filename  # not the hidden temporary file the write went through
    what = f"{target}" if target is not None else "the file"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full, so Quorate could not write {what}; free some space and try again."
    if exc.errno == errno.EROFS:
        return f"Quorate cannot write {what}: the disk is read-only."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"Quorate cannot write {what}: permission was denied."
    return None


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    # The commands and the pack readers are imported where a subcommand needs them, not at the top: `meetings`,
    # `check` and the like start without them (start-up, issue 20).
    if args.command == "agenda":
        from app import packs

        draft = read_pack_bounded(args.pack)  # within the time and memory budget (app/packs/limits.py)
        if args.json:
            _dump(packs.draft_to_json(draft))
        else:
            print(draft.meeting_title)
            for item in draft.items:
                print(f"{item.number:>6}  {item.title}")
        return EXIT_OK
    if args.command == "bench":
        from app.bench import run_benchmarks

        _dump(run_benchmarks(data_dir, repeat=args.repeat, only="scale" if args.scale else args.only))
        return EXIT_OK
    if args.command in SIGNING_COMMANDS:
        return _run_signing(args, data_dir)
    if args.command == "import" and not args.pack.is_file():
        what = "a folder, not a board pack file" if args.pack.is_dir() else "not there"
        raise UserError(f"{args.pack} is {what}; nothing was imported.")
    store = _open_store(data_dir, args)
    try:
        if args.command == "import":
            from app import commands, packs

            if args.agenda is not None:  # checked whole before anything is saved
                from app.packs.corrections import apply_corrections, load_corrections

                corrections = load_corrections(args.agenda)
                draft = apply_corrections(packs.read_pack(args.pack), corrections, args.agenda.name)
                result = commands.accept_reviewed(store, draft)
            else:
                result = commands.import_pack_result(store, args.pack)
            meeting = result.meeting
            assert meeting.id is not None
            duplicates = [asdict(d) for d in result.possible_duplicates]  # names a person should look at
            unplaced = [asdict(u) for u in result.unplaced]  # rows and initials not placed by name: what was done
            if args.json:
                _dump({**_meeting_json(store, meeting.id), "possible_duplicates": duplicates, "unplaced": unplaced})
            else:
                print(f"Imported meeting {meeting.id}: {meeting.title} ({len(store.items(meeting.id))} agenda items)")
                for d in result.possible_duplicates:
                    done = "taken to be" if d.outcome == "merged" else "added beside"
                    print(f"Check: {d.name} was {done} {d.best.name}; merge or split them in People if wrong.")
                for u in result.unplaced:
                    print(f"Check: {u.reason} Done: {u.outcome}.")
        elif args.command == "meetings":
            rows = [asdict(m) for m in store.meetings()]
            if args.json:
                _dump(rows)
            else:
                for row in rows:
                    print(f"{row['id']:>4}  {row['date'] or '':10}  {row['title']}")
        elif args.command in ("minutes", "tracker", "attendance", "approve"):
            _run_records(store, args)
        elif args.command == "correct":
            _run_correct(store, args)
        elif args.command == "check":
            return _run_check(store, args)
        elif args.command == "search":
            # No member is reading here: members' private notes are not searched (only the window's reader).
            from app.commands import search

            hits = search(store, args.query, args.limit, owner="")
            if args.json:
                _dump([asdict(hit) for hit in hits])
            elif not hits:
                print(f"No matches for {args.query}.")
            else:
                for hit in hits:
                    where = f"page {hit.page}" if hit.kind == "pack" else hit.kind
                    when = hit.meeting_date.isoformat() if hit.meeting_date else ""
                    snippet = " ".join(hit.snippet.split())
                    label = "[Part II, confidential] " if hit.confidential else ""
                    print(f"{hit.meeting_id:>4}  {when:10}  {label}{hit.meeting_title}, {where}: {snippet}")
        elif args.command == "replay":
            _run_replay(store, args)
        elif args.command in ("body", "people", "rules", "meeting", "motions"):
            _run_body(store, args)
        elif args.command == "passphrase":
            _change_passphrase(store, args, data_dir)
            return EXIT_OK
        elif args.command in MEMBER_COMMANDS:
            from app.cli_members import run_member_command

            return run_member_command(store, args, data_dir, _dump)
        elif args.command == "purge":
            from app.storage.retention import purge, purge_by_rules

            if args.before is None:
                if args.part2_only:
                    raise UserError("--part2-only goes with --before DATE; nothing was removed.")
                purged = purge_by_rules(store)
            elif args.part2_only:
                purged = purge(store, None, args.before)
            else:
                purged = purge(store, args.before, args.before)
            _dump(purged.to_json()) if args.json else print(purged.summary())
        elif args.command == "revise":
            from app.commands.revise import revise_meeting
            from app.packs import read_pack

            store.meeting(args.meeting_id)  # a clear NotFound before the pack is read
            report = revise_meeting(store, args.meeting_id, read_pack(args.pack))
            if args.json:
                _dump(report.to_json())
            else:
                print("\n".join(report.summary_lines()))
        return EXIT_OK
    finally:
        store.close()


def _bundle_argument(argv: list[str]) -> list[str]:
    """`quorate F.quorate` (a double-click, or a file dropped on the program) opens the bundle in the window."""
    commands = {
        name
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    bare = argv and argv[-1].lower().endswith(".quorate") and (len(argv) < 2 or argv[-2] != "--open-bundle")
    if bare and not commands.intersection(argv):
        return [*argv[:-1], "--open-bundle", argv[-1]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    netguard.install()  # offline by design: any attempt to reach the network fails loudly
    paths.make_private()  # the data folder and all in it are the user's alone; exports keep the user's umask
    logging.raiseExceptions = False  # a log that cannot be written (full disk) must not print tracebacks
    args = build_parser().parse_args(_bundle_argument(list(sys.argv[1:] if argv is None else argv)))
    demo_window = args.demo and not args.command and not args.selftest
    data_dir: Path = getattr(args, "data_dir", None) or (
        paths.demo_data_dir() if demo_window else paths.default_data_dir()  # a demo never touches real data
    )
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        paths.tighten(data_dir)
        setup_logging(data_dir)
    except OSError as exc:
        print(f"quorate: {folder_error(data_dir, exc)}", file=sys.stderr)
        return EXIT_USER
    # The command only: its arguments name files, people and search terms, which stay out of the log.
    log.info("quorate %s started: %s", app.__version__, args.command or ("window" if not args.selftest else "selftest"))
    try:
        if args.selftest:
            from app.selftest import run_selftest

            return run_selftest(data_dir)
        if args.command:
            return _run_command(args, data_dir)
        from app.ui.application import run_gui

        return run_gui(
            data_dir,
            demo=args.demo,
            meeting_id=args.meeting,
            exit_when_shown=args.exit_when_shown,
            plain=_plain_mode(args) or demo_window,  # the bundled demo's own folder holds only the public demo pack
            passphrase=_library_passphrase(args, data_dir) if args.library_passphrase_file else None,
            bundle=args.open_bundle,
        )
    except Refusal as exc:  # anything else is a bug: logged with its traceback below
        log.warning("refused (%s)", type(exc.__cause__ or exc).__name__)  # the sentence may name people or papers
        print(f"quorate: {exc}", file=sys.stderr)
        return EXIT_USER
    except BrokenPipeError:  # `quorate … | head`: the reader left, which is not an error to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python would complain flushing stdout
        return EXIT_OK
    except OSError as exc:  # a full disk or a read-only folder while writing an export or a signed copy
        sentence = _os_error_sentence(exc, getattr(args, "out", None))
        if sentence is None:
            log.exception("unexpected error")
            raise
        log.warning("refused: %s", exc.strerror or type(exc).__name__)
        print(f"quorate: {sentence}", file=sys.stderr)
        return EXIT_USER
    except Exception:
        log.exception("unexpected error")
        raise


if __name__ == "__main__":
    sys.exit(main())
