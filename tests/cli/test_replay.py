"""`quorate replay MEETING_ID EVENTS.jsonl --json`: the documented example, and a bad line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "icb-2023-06-30.jsonl"


@pytest.fixture
def data_dir(tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--data-dir", str(tmp_path), "import", str(demo_pack), "--json"]) == 0
    capsys.readouterr()
    return tmp_path


def test_replay_prints_the_resulting_meeting(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "replay", "1", str(EXAMPLE), "--json"]) == 0
    state = json.loads(capsys.readouterr().out)
    assert state["meeting"]["id"] == 2 and state["applied"] == 74
    assert state["attendance"]["members_present"] == 17 and state["attendance"]["public"] == 7
    items = {i["number"]: i for i in state["items"]}
    assert items["10"]["quorum"] == {
        "quorate": True,
        "counted": 16,
        "threshold": 6,
        "reasons": ["quorate: 16 voting members present, 6 needed"],
    }
    assert items["10"]["motions"][0]["minority_view"].startswith("Joe Harrison")
    assert [a["number"] for a in state["actions"]] == ["47", "48", "49", "50", "51", "52", "53"]
    assert len(state["audit_head"]) == 64


def test_a_bad_line_exits_2_naming_it_and_prints_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = tmp_path / "bad.jsonl"
    events.write_text(
        '{"type": "start", "at": "10:00"}\n{"type": "roll_call", "present": ["RM", "ABo"]}\n'
        '{"type": "arrive", "person": "Nobody Atall"}\n{"type": "close_meeting"}\n',
        encoding="utf-8",
    )
    assert main(["--data-dir", str(data_dir), "replay", "1", str(events), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("quorate: line 3: Nobody called “Nobody Atall”")
    assert "the 2 events before it were applied" in captured.err
    # the two good events stayed: replaying the file again stops at once, and resuming after them at line 3
    assert main(["--data-dir", str(data_dir), "replay", "1", str(events)]) == 2
    assert "line 1: This meeting was already started at 10:00" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "replay", "1", str(events), "--skip", "2", "--json"]) == 2
    assert capsys.readouterr().err.startswith("quorate: line 3: ")


def test_replay_of_an_unknown_meeting_or_a_missing_file(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "replay", "99", str(EXAMPLE)]) == 2
    assert "There is no meeting with id 99" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "replay", "1", str(data_dir / "none.jsonl")]) == 2
    assert "cannot be read" in capsys.readouterr().err
