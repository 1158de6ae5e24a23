"""The composition root and command line: `quorate` and `python -m app`.

Parses arguments, finds directories, sets up logging, opens storage, then runs either a
command (JSON out, same commands the window uses) or the window. Problems of the user's
input end in one plain sentence on stderr and exit code 2; bugs are logged with a
traceback and end in exit code 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

import app
from app import commands, packs, paths
from app.diagnostics import setup_logging
from app.domain import Part
from app.packs import PackError
from app.storage import StorageError, Store

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USER = 0, 2  # a bug re-raises, so Python exits with 1


class UserError(Exception):
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
    parser = argparse.ArgumentParser(
        prog="quorate", parents=[common], description="Offline companion for board meetings."
    )
    parser.add_argument("--version", action="version", version=f"quorate {app.__version__}")
    parser.add_argument("--demo", action="store_true", help="open the window on the bundled demo meeting")
    parser.add_argument(
        "--selftest", action="store_true", help="check Qt, QtPdf, the database and PDF export work here, then exit"
    )
    parser.add_argument("--meeting", type=int, help="open the window on this meeting id")
    # For the benchmark: quit as soon as the window has been shown and painted.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", parents=[common], help="import a board pack as a new meeting")
    imp.add_argument("pack", type=Path)
    imp.add_argument("--json", action="store_true", help="print the meeting and its agenda as JSON")

    agenda = sub.add_parser("agenda", parents=[common], help="show the agenda found in a pack, saving nothing")
    agenda.add_argument("pack", type=Path)
    agenda.add_argument("--json", action="store_true")

    meetings = sub.add_parser("meetings", parents=[common], help="list the meetings in the library")
    meetings.add_argument("--json", action="store_true")

    minutes = sub.add_parser("minutes", parents=[common], help="export a meeting's minutes as a PDF")
    minutes.add_argument("meeting_id", type=int)
    minutes.add_argument("--out", type=Path, required=True)
    minutes.add_argument("--part", type=int, choices=(1, 2), default=1, help="Part I (public) or Part II")
    minutes.add_argument("--json", action="store_true")

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
    return parser


def _open_store(data_dir: Path) -> Store:
    try:
        return Store.open(paths.database_path(data_dir))
    except StorageError as exc:
        raise UserError(str(exc)) from exc
    except PermissionError as exc:
        raise UserError(f"Quorate cannot write to {data_dir}: {exc.strerror}.") from exc


def _meeting_json(store: Store, meeting_id: int) -> dict[str, Any]:
    return {
        "meeting": asdict(store.meeting(meeting_id)),
        "items": [asdict(item) for item in store.items(meeting_id)],
    }


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    if args.command == "agenda":
        draft = packs.read_pack(args.pack)
        if args.json:
            _dump(packs.draft_to_json(draft))
        else:
            print(draft.meeting_title)
            for item in draft.items:
                print(f"{item.number:>6}  {item.title}")
        return EXIT_OK
    if args.command == "bench":
        from app.bench import run_benchmarks

        _dump(run_benchmarks(data_dir, repeat=args.repeat))
        return EXIT_OK
    store = _open_store(data_dir)
    try:
        if args.command == "import":
            meeting = commands.import_pack(store, args.pack)
            assert meeting.id is not None
            if args.json:
                _dump(_meeting_json(store, meeting.id))
            else:
                print(f"Imported meeting {meeting.id}: {meeting.title} ({len(store.items(meeting.id))} agenda items)")
        elif args.command == "meetings":
            rows = [asdict(m) for m in store.meetings()]
            if args.json:
                _dump(rows)
            else:
                for row in rows:
                    print(f"{row['id']:>4}  {row['date'] or '':10}  {row['title']}")
        elif args.command == "minutes":
            store.meeting(args.meeting_id)  # a clear NotFound before any file is touched
            out = commands.export_minutes(store, args.meeting_id, args.out, Part(args.part))
            if args.json:
                _dump({"meeting_id": args.meeting_id, "pdf": str(out.resolve())})
            else:
                print(f"Wrote {out}")
        elif args.command == "search":
            hits = commands.search(store, args.query, args.limit)
            if args.json:
                _dump([asdict(hit) for hit in hits])
            elif not hits:
                print(f"No matches for {args.query}.")
            else:
                for hit in hits:
                    where = f"page {hit.page}" if hit.kind == "pack" else hit.kind
                    when = hit.meeting_date.isoformat() if hit.meeting_date else ""
                    snippet = " ".join(hit.snippet.split())
                    print(f"{hit.meeting_id:>4}  {when:10}  {hit.meeting_title}, {where}: {snippet}")
        elif args.command == "revise":
            from app.commands.revise import revise_meeting

            store.meeting(args.meeting_id)  # a clear NotFound before the pack is read
            report = revise_meeting(store, args.meeting_id, packs.read_pack(args.pack))
            if args.json:
                _dump(report.to_json())
            else:
                print("\n".join(report.summary_lines()))
        return EXIT_OK
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir: Path = getattr(args, "data_dir", None) or paths.default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        setup_logging(data_dir)
    except OSError as exc:
        print(f"quorate: cannot use the data folder {data_dir}: {exc.strerror or exc}.", file=sys.stderr)
        return EXIT_USER
    log.info("quorate %s started: %s", app.__version__, " ".join(sys.argv[1:] if argv is None else argv))
    try:
        if args.selftest:
            from app.selftest import run_selftest

            return run_selftest(data_dir)
        if args.command:
            return _run_command(args, data_dir)
        from app.ui.application import run_gui

        return run_gui(data_dir, demo=args.demo, meeting_id=args.meeting, exit_when_shown=args.exit_when_shown)
    except (UserError, PackError, StorageError) as exc:
        log.warning("refused: %s", exc)
        print(f"quorate: {exc}", file=sys.stderr)
        return EXIT_USER
    except Exception:
        log.exception("unexpected error")
        raise


if __name__ == "__main__":
    sys.exit(main())
