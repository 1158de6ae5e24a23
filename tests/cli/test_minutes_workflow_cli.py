"""From a recorded meeting to signed, locked minutes on the command line: approve, export, sign, verify."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook

from app.cli import main
from app.commands.live import LiveMeeting
from app.domain import AgendaItem, Meeting, MotionOutcome, Presence
from app.storage import RecordLocked, Store

PASSPHRASE = "a long chair passphrase"


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def test_approve_sign_and_lock(tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    common = ["--data-dir", str(data)]
    assert main([*common, "import", str(demo_pack), "--json"]) == 0
    meeting_id = _json(capsys)["meeting"]["id"]

    store = Store.open(data / "quorate.db")
    live = LiveMeeting(store, meeting_id)
    live.start(time(10))
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    item = live.find_item("6.1").id or 0
    live.open_item(item)
    motion = live.move(item, "That the Board approves the Joint Forward Plan.").new_id or 0
    live.set_outcome(motion, MotionOutcome.CONSENSUS)
    live.add_action(item, "Publish the Joint Forward Plan", ["Maria Wogan"])
    live.part2()
    live.close()
    body_id = store.meeting(meeting_id).body_id
    later = store.create_meeting(
        Meeting(None, body_id, "Board", date(2023, 11, 24)), [AgendaItem(None, 0, 0, "1.4", "Minutes")]
    )
    assert later.id is not None
    next_meeting = LiveMeeting(store, later.id)
    next_meeting.start(time(10))
    next_meeting.roll_call({p.id: Presence.PRESENT for p in next_meeting.record().people if p.id is not None})
    minutes_item = next_meeting.find_item("1.4").id or 0
    next_meeting.open_item(minutes_item)
    approving = next_meeting.move(minutes_item, "That the minutes of 29 September 2023 are approved.").new_id or 0
    next_meeting.set_outcome(approving, MotionOutcome.CONSENSUS)
    store.close()

    word = tmp_path / "minutes.docx"
    assert main([*common, "minutes", str(meeting_id), "--out", str(word), "--part", "public"]) == 0
    text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    tables = "\n".join(c.text for t in docx.Document(str(word)).tables for row in t.rows for c in row.cells)
    assert "Joint Forward Plan" in tables and "Minutes of the" in text
    tracker = tmp_path / "tracker.xlsx"
    assert main([*common, "tracker", str(meeting_id), "--out", str(tracker)]) == 0
    numbers = [row[0] for row in load_workbook(tracker).active.iter_rows(min_row=2, values_only=True) if row[0]]
    assert {"44", "53", "54"} <= {str(n) for n in numbers}
    capsys.readouterr()

    pdf = tmp_path / "minutes.pdf"
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE)
    key = tmp_path / "chair.p12"
    assert (
        main(
            [
                *common,
                "keygen",
                "--name",
                "Rima Makarem",
                "--role",
                "Chair",
                "--out",
                str(key),
                "--passphrase-file",
                str(secret),
            ]
        )
        == 0
    )
    sign = [
        *common,
        "sign",
        str(pdf),
        "--key",
        str(key),
        "--passphrase-file",
        str(secret),
        "--meeting",
        str(meeting_id),
    ]
    assert main([*common, "minutes", str(meeting_id), "--out", str(pdf)]) == 0
    capsys.readouterr()
    assert main([*sign, "--out", str(tmp_path / "too-early.pdf")]) == 2  # not approved yet: nothing signed
    assert "they are signed once the body has approved them" in capsys.readouterr().err
    assert not (tmp_path / "too-early.pdf").exists()

    chair = [*common, "approve", str(meeting_id), "--chair", "Rima Makarem", "--on", "2023-10-06", "--json"]
    assert main(chair) == 0
    assert _json(capsys)["status"] == "chair_approved"
    assert (
        main([*common, "approve", str(meeting_id), "--at-meeting", str(later.id), "--motion", str(approving), "--json"])
        == 0
    )
    assert _json(capsys)["status"] == "body_approved"
    assert main([*common, "minutes", str(meeting_id), "--out", str(pdf)]) == 0
    signed = tmp_path / "signed.pdf"
    assert main([*sign, "--out", str(signed)]) == 0
    capsys.readouterr()
    assert main([*common, "verify", str(signed), "--json"]) == 0
    report = _json(capsys)
    assert report["intact"] is True

    store = Store.open(data / "quorate.db")
    try:
        assert store.meeting(meeting_id).minutes_status.value == "signed"
        with pytest.raises(RecordLocked):
            LiveMeeting(store, meeting_id).minute(item, "A quiet rewrite.")
    finally:
        store.close()
    assert main([*common, "approve", str(meeting_id), "--chair", "Rima Makarem"]) == 2
    capsys.readouterr()
    events = tmp_path / "late.jsonl"
    events.write_text('{"type": "minute", "item": "6.1", "text": "A quiet rewrite."}\n')
    assert main([*common, "replay", str(meeting_id), str(events)]) == 2  # the replay refuses too
    assert "line 1: These minutes have been signed" in capsys.readouterr().err
