"""The real 30 June 2023 meeting, replayed and exported: the minutes read back in agenda order."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import REPO

EXAMPLE = REPO / "docs" / "examples" / "icb-2023-06-30.jsonl"


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # The diagonal DRAFT watermark comes out as stray letters between lines: leave them out.
    return "\n".join(line for line in text.splitlines() if not re.fullmatch(r"[DRAFT ]{1,12}", line.strip()))


def test_replayed_minutes_hold_every_item_resolution_and_action_in_order(
    tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--data-dir", str(tmp_path / "data")]
    assert main([*common, "import", str(demo_pack), "--json"]) == 0
    body_meeting = json.loads(capsys.readouterr().out)["meeting"]["id"]
    assert main([*common, "replay", str(body_meeting), str(EXAMPLE), "--json"]) == 0
    state = json.loads(capsys.readouterr().out)
    meeting_id = state["meeting"]["id"]
    out = tmp_path / "minutes.pdf"
    assert main([*common, "minutes", str(meeting_id), "--out", str(out)]) == 0
    text = " ".join(_pdf_text(out).split())

    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]
    agenda = next(e for e in events if e["type"] == "meeting")["agenda"]
    # Every item's title, in agenda order (first 30 characters: long titles wrap in the table).
    position = 0
    for item in agenda:
        words = " ".join(item["title"].split())[:30]
        found = text.find(words, position)
        assert found >= 0, f"item {item['number']} ({words!r}) missing or out of order"
        position = found
    # Every decision and action, in the order they were recorded.
    position = 0
    for event in events:
        if event["type"] == "motion" or event["type"] == "action":
            words = " ".join(event["text"].split())[:40]
        else:
            continue
        found = text.find(words)
        assert found >= 0, f"{event['type']} {words!r} missing"
        if event["type"] == "motion":
            assert found >= position, f"{words!r} out of order"
            position = found
    for number in range(47, 54):
        assert f"{number} " in text
    assert "Harrison requested that his disagreement" in text  # the minority view is minuted
