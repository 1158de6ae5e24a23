"""`quorate agenda PACK --json > d.json`, edit, `quorate import PACK --agenda d.json`: the corrected agenda is
saved; a bad field is named in one sentence and nothing is saved."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from app.storage import Store


def _draft(tmp_path: Path, pack: Path, capsys) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert main(["--data-dir", str(tmp_path), "agenda", str(pack), "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_a_corrected_agenda_is_saved_with_its_meeting_fields(tmp_path: Path, demo_pack: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, demo_pack, capsys)
    draft["meeting"]["title"] = "Board meeting (corrected)"
    draft["meeting"]["venue"] = "Room 4"
    draft["meeting"]["time"] = "09:15"
    draft["items"][0]["title"] = "Opening of the meeting"
    dropped = draft["items"][0]["children"][1]["number"]
    draft["items"][0]["children"] = draft["items"][0]["children"][:1]  # a sub-item dropped
    path = tmp_path / "d.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "import", str(demo_pack), "--agenda", str(path), "--json"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved["meeting"]["title"] == "Board meeting (corrected)"
    numbers = [item["number"] for item in saved["items"]]
    titles = [item["title"] for item in saved["items"]]
    assert titles[0] == "Opening of the meeting"
    assert dropped not in numbers and draft["items"][1]["number"] in numbers
    assert saved["meeting"].get("venue") == "Room 4"


def test_a_bad_field_is_named_and_nothing_is_saved(tmp_path: Path, demo_pack: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, demo_pack, capsys)
    draft["items"][2]["time"] = "25:99"
    path = tmp_path / "d.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "import", str(demo_pack), "--agenda", str(path)]) == 2
    err = capsys.readouterr().err
    assert "items[2].time" in err and "HH:MM" in err
    store = Store.open(tmp_path / "quorate.db")
    try:
        assert store.meetings() == []
    finally:
        store.close()


def test_a_file_that_is_not_json_is_refused(tmp_path: Path, demo_pack: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "d.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "import", str(demo_pack), "--agenda", str(path)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
