"""The command line of members' devices (issue 19): publish, open, answers, notes, exchange.

    quorate publish MEETING --out F.quorate --key SEC.p12 --key-passphrase-file K --meeting-passphrase-file P
    quorate open F.quorate --meeting-passphrase-file P [--as NAME]      (or --key MY.p12 --key-passphrase-file K)
    quorate answers export MEETING --out F.answers.quorate [--key MY.p12 --key-passphrase-file K]
    quorate answers import F… --key SEC.p12 --key-passphrase-file K
    quorate notes export MEETING --out F --sync-passphrase-file P;  quorate notes merge F --sync-passphrase-file P
    quorate exchange BODY [--folder DIR | --clear | --scan]

The same commands the window uses (`app.commands.members`); JSON out with --json; a refusal is one sentence on
stderr and exit code 2, and changes nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.bundles import BundleRefused
from app.errors import Refusal
from app.storage import Store


class _Refused(Refusal):
    pass


def add_member_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    def key_options(parser: argparse.ArgumentParser, required: bool, who: str) -> None:
        parser.add_argument("--key", type=Path, required=required, help=f"{who} PKCS#12 key file (.p12)")
        parser.add_argument(
            "--key-passphrase-file", type=Path, help="file whose first line is the key's passphrase (- = stdin)"
        )

    publish = sub.add_parser(
        "publish", parents=[common], help="write a meeting bundle for members' devices: signed and encrypted"
    )
    publish.add_argument("meeting_id", type=int)
    publish.add_argument("--out", type=Path, help="the bundle (.quorate), or a folder; default: the exchange folder")
    key_options(publish, True, "the secretary's")
    publish.add_argument(
        "--meeting-passphrase-file", type=Path, help="the meeting passphrase you give members out of band"
    )
    publish.add_argument("--to", action="append", default=[], metavar="NAME", help="a recipient (default: members)")
    publish.add_argument("--cert", action="append", default=[], metavar="NAME=FILE", help="a member's certificate")
    publish.add_argument(
        "--own-passphrase", action="append", default=[], metavar="NAME=FILE", help="a member's own passphrase"
    )
    publish.add_argument("--part2-for", action="append", default=[], metavar="NAME", help="also entitled to Part II")
    publish.add_argument(
        "--withhold", action="append", default=[], metavar="NAME=ITEM", help="leave an item's papers out for NAME"
    )
    publish.add_argument(
        "--keep-declared", action="store_true", help="do not withhold papers from members who declared an interest"
    )
    publish.add_argument("--json", action="store_true")

    opening = sub.add_parser("open", parents=[common], help="open a meeting bundle as a member (read-only)")
    opening.add_argument("bundle", type=Path)
    opening.add_argument("--meeting-passphrase-file", type=Path, help="the passphrase the secretary gave you")
    key_options(opening, False, "your")
    opening.add_argument("--as", dest="member", metavar="NAME", help="which recipient you are, if it asks")
    opening.add_argument("--json", action="store_true")

    answers = sub.add_parser(
        "answers", parents=[common], help="members' questions: export (member), import (secretary)"
    )
    answers_sub = answers.add_subparsers(dest="answers_command", metavar="export|import", required=True)
    export = answers_sub.add_parser("export", parents=[common], help="your questions on a meeting, for the secretary")
    export.add_argument("meeting_id", type=int)
    export.add_argument("--out", type=Path, help="the answers file, or a folder; default: the exchange folder")
    key_options(export, False, "your (to sign them)")
    export.add_argument(
        "--member-passphrase-file", type=Path, help="file whose first line is your notes passphrase, if you set one"
    )
    export.add_argument("--json", action="store_true")
    importing = answers_sub.add_parser("import", parents=[common], help="import members' answers files")
    importing.add_argument("files", type=Path, nargs="+")
    key_options(importing, True, "the secretary's")
    importing.add_argument("--json", action="store_true")

    notes = sub.add_parser("notes", parents=[common], help="your notes between your own devices: export, merge")
    notes_sub = notes.add_subparsers(dest="notes_command", metavar="export|merge", required=True)
    notes_export = notes_sub.add_parser("export", parents=[common], help="your notes on a meeting, for your device")
    notes_export.add_argument("meeting_id", type=int)
    notes_export.add_argument("--out", type=Path, required=True)
    notes_export.add_argument("--sync-passphrase-file", type=Path, required=True, help="a passphrase of your own")
    notes_export.add_argument(
        "--member-passphrase-file", type=Path, help="file whose first line is your notes passphrase, if you set one"
    )
    notes_export.add_argument("--json", action="store_true")
    merge = notes_sub.add_parser("merge", parents=[common], help="merge your notes from your other device")
    merge.add_argument("file", type=Path)
    merge.add_argument("--sync-passphrase-file", type=Path, required=True)
    merge.add_argument(
        "--member-passphrase-file", type=Path, help="file whose first line is your notes passphrase, if you set one"
    )
    merge.add_argument("--json", action="store_true")

    exchange = sub.add_parser("exchange", parents=[common], help="a body's exchange folder: show, set, scan")
    exchange.add_argument("body_id", type=int)
    choice = exchange.add_mutually_exclusive_group()
    choice.add_argument("--folder", type=Path, help="a folder the board already syncs (never the data folder)")
    choice.add_argument("--clear", action="store_true")
    choice.add_argument("--scan", action="store_true", help="list what arrived there for this device")
    exchange.add_argument("--json", action="store_true")


def _pairs(values: list[str], what: str) -> list[tuple[str, str]]:
    found = []
    for value in values:
        name, equals, rest = value.rpartition("=")
        if not equals or not name.strip() or not rest.strip():
            raise _Refused(f"Give {what} as NAME=VALUE, not {value!r}.")
        found.append((name.strip(), rest.strip()))
    return found


def _key(args: argparse.Namespace) -> Any:
    from app.commands import signing
    from app.export.keys import load_key

    if args.key is None:
        return None
    if args.key_passphrase_file is None:
        raise _Refused("Give the key's passphrase with --key-passphrase-file FILE.")
    return load_key(args.key, signing.read_passphrase_file(args.key_passphrase_file))


def _open_members_notes(store: Store, owner: str, passphrase_file: Path | None) -> None:
    """Give the member's own notes passphrase (issue 18) when they protected their notes; refused in one sentence
    when it is missing or wrong."""
    from app.commands import notes

    if not notes.notes_protected(store, owner):
        return
    if passphrase_file is None:
        raise _Refused(f"{owner}'s notes are protected by their own passphrase: give it with --member-passphrase-file.")
    try:
        notes.unlock_notes(store, owner, _secret(passphrase_file) or "")
    except notes.AnnotationError as exc:
        raise _Refused(str(exc)) from exc


def _secret(path: Path | None) -> str | None:
    from app.commands import signing

    return signing.read_passphrase_file(path) if path is not None else None


def run_member_command(store: Store, args: argparse.Namespace, data_dir: Path, dump: Callable[[Any], None]) -> int:
    from app.cli import UserError
    from app.export.errors import SigningError

    try:
        return _run(store, args, dump)
    except (BundleRefused, SigningError, _Refused) as exc:
        raise UserError(str(exc)) from exc


def _folder_or(store: Store, out: Path | None, meeting_id: int) -> Path:
    from app.commands import members

    if out is not None:
        return out
    folder = members.exchange_folder(store, store.meeting(meeting_id).body_id)
    if folder is None:
        raise _Refused("Say where to write it with --out (this body has no exchange folder).")
    return folder


def _run(store: Store, args: argparse.Namespace, dump: Callable[[Any], None]) -> int:
    from app.commands import members, notes
    from app.export.keys import read_certificate

    if args.command == "publish":
        key = _key(args)
        report = members.publish_meeting(
            store,
            args.meeting_id,
            _folder_or(store, args.out, args.meeting_id),
            key,
            passphrase=_secret(args.meeting_passphrase_file),
            certificates={n: read_certificate(Path(f)) for n, f in _pairs(args.cert, "--cert")},
            own_passphrases={n: _secret(Path(f)) or "" for n, f in _pairs(args.own_passphrase, "--own-passphrase")},
            audience=args.to or None,
            part2_for=args.part2_for,
            withhold_declared=not args.keep_declared,
            withhold=_withholdings(args.withhold),
        )
        if args.json:
            dump(
                {
                    "bundle": str(report.out),
                    "sequence": report.sequence,
                    "size": report.size,
                    "pack_size": report.pack_size,
                    "variants": report.variants,
                    "recipients": [
                        {
                            "name": r.name,
                            "unlocks_with": r.unlocks_with,
                            "withheld": [{"item": w.item_number, "reason": w.reason} for w in r.withheld],
                            "missed_for_sharing": list(r.missed_for_sharing),
                        }
                        for r in report.recipients
                    ],
                }
            )
        else:
            print("\n".join(report.summary_lines()))
    elif args.command == "open":
        key = _key(args)
        opened = members.open_bundle(
            store,
            args.bundle,
            passphrase=_secret(args.meeting_passphrase_file),
            keys=[key] if key is not None else [],
            member=args.member,
        )
        if args.json:
            dump(
                {
                    "meeting_id": opened.meeting_id,
                    "member": opened.member,
                    "sequence": opened.sequence,
                    "unchanged": opened.unchanged,
                    "revised": opened.revised,
                    "withheld": list(opened.withheld),
                    "notes_moved": opened.notes_moved,
                    "notes_unplaced": opened.notes_unplaced,
                }
            )
        else:
            print(opened.sentence())
    elif args.command == "answers" and args.answers_command == "export":
        _open_members_notes(store, members.notes_owner(store, args.meeting_id), args.member_passphrase_file)
        sent = members.export_answers(store, args.meeting_id, _folder_or(store, args.out, args.meeting_id), _key(args))
        if args.json:
            dump({"answers": str(sent.out), "questions": sent.questions, "signed": sent.signed})
        else:
            print(
                f"Wrote {sent.questions} question{'' if sent.questions == 1 else 's'} to {sent.out}"
                f"{', signed' if sent.signed else ''}."
            )
    elif args.command == "answers":
        results = members.import_answers(store, args.files, [_key(args)])
        if args.json:
            dump(
                [
                    {
                        "file": str(r.path),
                        "asker": r.asker,
                        "questions": r.questions,
                        "outcome": r.outcome,
                        "signer": r.signer,
                        "message": r.message,
                    }
                    for r in results
                ]
            )
        else:
            for r in results:
                print(f"{r.path.name}: {r.message or f'{r.outcome}, {r.questions} questions from {r.asker}'}")
        return 2 if any(r.outcome == "refused" for r in results) else 0
    elif args.command == "notes" and args.notes_command == "export":
        _open_members_notes(store, members.notes_owner(store, args.meeting_id), args.member_passphrase_file)
        count = members.export_notes(store, args.meeting_id, args.out, _secret(args.sync_passphrase_file) or "")
        dump({"notes": count, "out": str(args.out)}) if args.json else print(f"Wrote {count} notes to {args.out}.")
    elif args.command == "notes":
        _open_members_notes(store, notes.current_member(store), args.member_passphrase_file)
        merged = members.merge_notes(store, args.file, _secret(args.sync_passphrase_file) or "")
        if args.json:
            dump(_fields(merged))
        else:
            print(", ".join(f"{k}: {v}" for k, v in _fields(merged).items()))
    else:
        return _exchange(store, args, dump)
    return 0


def _fields(value: Any) -> dict[str, Any]:
    import dataclasses

    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}


def _withholdings(values: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, item in _pairs(values, "--withhold"):
        found.setdefault(name, []).append(item)
    return found


def _exchange(store: Store, args: argparse.Namespace, dump: Callable[[Any], None]) -> int:
    from app.commands import members

    store.body(args.body_id)
    if args.folder is not None or args.clear:
        members.set_exchange_folder(store, args.body_id, None if args.clear else args.folder)
    if args.scan:
        found = members.arrivals(store, args.body_id)
        listed = [{"file": str(a.path), "kind": a.kind, "sequence": a.sequence} for a in found]
        dump(listed) if args.json else print("\n".join(f"{a['kind']:8} {a['file']}" for a in listed) or "Nothing new.")
        return 0
    folder = members.exchange_folder(store, args.body_id)
    dump({"body_id": args.body_id, "folder": str(folder) if folder else None}) if args.json else print(folder or "None")
    return 0
