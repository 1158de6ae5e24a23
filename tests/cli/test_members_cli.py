"""publish → open → answers export → answers import from the command line (issue 19), and a refusal's exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

KEY_PASS = "a long secretary passphrase"
MEETING_PASS = "the meeting passphrase"


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def test_publish_open_and_questions_back(tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secretary, member = tmp_path / "secretary", tmp_path / "member"
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    (tmp_path / "key.txt").write_text(KEY_PASS + "\n")
    (tmp_path / "meeting.txt").write_text(MEETING_PASS + "\n")
    (tmp_path / "wrong.txt").write_text("not it\n")
    assert main(["--data-dir", str(secretary), "import", str(demo_pack), "--json"]) == 0
    meeting_id = _json(capsys)["meeting"]["id"]
    key = tmp_path / "secretary.p12"
    assert (
        main(
            [
                "--data-dir",
                str(secretary),
                "keygen",
                "--name",
                "Sam Secretary",
                "--out",
                str(key),
                "--passphrase-file",
                str(tmp_path / "key.txt"),
                "--json",
            ]
        )
        == 0
    )
    cert = Path(_json(capsys)["certificate_file"])
    assert main(["--data-dir", str(secretary), "exchange", "1", "--folder", str(exchange), "--json"]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "--data-dir",
                str(secretary),
                "publish",
                str(meeting_id),
                "--key",
                str(key),
                "--key-passphrase-file",
                str(tmp_path / "key.txt"),
                "--meeting-passphrase-file",
                str(tmp_path / "meeting.txt"),
                "--json",
            ]
        )
        == 0
    )
    published = _json(capsys)
    bundle = Path(published["bundle"])
    assert bundle.parent == exchange and published["sequence"] == 1 and published["recipients"]
    name = published["recipients"][0]["name"]

    member_args = ["--data-dir", str(member)]
    assert (
        main(
            [
                *member_args,
                "open",
                str(bundle),
                "--meeting-passphrase-file",
                str(tmp_path / "meeting.txt"),
                "--as",
                name,
            ]
        )
        == 2
    )  # the secretary's certificate is not trusted here yet
    assert "does not trust" in capsys.readouterr().err
    assert main([*member_args, "trust", str(cert)]) == 0
    assert main([*member_args, "open", str(bundle), "--meeting-passphrase-file", str(tmp_path / "wrong.txt")]) == 2
    assert "does not open" in capsys.readouterr().err
    assert (
        main(
            [
                *member_args,
                "open",
                str(bundle),
                "--meeting-passphrase-file",
                str(tmp_path / "meeting.txt"),
                "--as",
                name,
                "--json",
            ]
        )
        == 0
    )
    opened = _json(capsys)
    assert opened["member"] == name and not opened["unchanged"]

    from app.commands import notes
    from app.domain.annotations import AnnotationKind
    from app.storage import Store

    store = Store.open(member / "quorate.db")
    notes.annotate(store, opened["meeting_id"], name, AnnotationKind.NOTE, 9, note="Why now?", raise_at_meeting=True)
    store.close()
    answers = tmp_path / "answers.quorate"
    assert main([*member_args, "answers", "export", str(opened["meeting_id"]), "--out", str(answers), "--json"]) == 0
    assert _json(capsys)["questions"] == 1
    args = [
        "--data-dir",
        str(secretary),
        "answers",
        "import",
        str(answers),
        "--key",
        str(key),
        "--key-passphrase-file",
        str(tmp_path / "key.txt"),
        "--json",
    ]
    assert main(args) == 0
    assert [r["outcome"] for r in _json(capsys)] == ["imported"]
    assert main(args) == 0
    assert [r["outcome"] for r in _json(capsys)] == ["unchanged"]


def test_notes_commands_need_the_members_own_notes_passphrase(
    tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18: a member who protected their notes gives that passphrase to `notes export` and `notes merge`."""
    from app.commands import notes
    from app.domain.annotations import AnnotationKind
    from app.storage import Store

    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "import", str(demo_pack), "--json"]) == 0
    meeting_id = _json(capsys)["meeting"]["id"]
    store = Store.open(tmp_path / "data" / "quorate.db")
    notes.choose_member(store, "Jane Member")
    notes.protect_notes(store, "Jane Member", "jane's notes passphrase")
    notes.annotate(store, meeting_id, "Jane Member", AnnotationKind.NOTE, 2, note="Ask about the deficit")
    store.close()
    (tmp_path / "sync.txt").write_text("a sync passphrase\n")
    (tmp_path / "mine.txt").write_text("jane's notes passphrase\n")
    (tmp_path / "wrong.txt").write_text("not jane's at all\n")
    out = tmp_path / "notes.quorate"
    export = [
        *data,
        "notes",
        "export",
        str(meeting_id),
        "--out",
        str(out),
        "--sync-passphrase-file",
        str(tmp_path / "sync.txt"),
    ]
    assert main(export) == 2
    assert "Jane Member's notes are protected by their own passphrase" in capsys.readouterr().err
    assert main([*export, "--member-passphrase-file", str(tmp_path / "wrong.txt")]) == 2
    assert "That is not Jane Member's notes passphrase; nothing is shown." in capsys.readouterr().err
    assert not out.exists()
    assert main([*export, "--member-passphrase-file", str(tmp_path / "mine.txt"), "--json"]) == 0
    assert _json(capsys)["notes"] == 1
    merge = [*data, "notes", "merge", str(out), "--sync-passphrase-file", str(tmp_path / "sync.txt")]
    assert main(merge) == 2
    capsys.readouterr()
    assert main([*merge, "--member-passphrase-file", str(tmp_path / "mine.txt"), "--json"]) == 0
    assert _json(capsys)["unchanged"] == 1
