"""`quorate import --json` has no dialog: it merges no names by itself and lists every near-match to look at."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.storage import Store
from app.storage import people as people_storage


def test_import_reports_possible_duplicates_and_duplicates_nobody_silently(
    tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(demo_pack), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["possible_duplicates"] == []  # a new body has nobody to be confused with

    text = demo_pack.read_text(encoding="utf-8")
    text = text.replace("\nMahesh Shah\t", "\nMaresh Shah\t").replace("\nDr Omotayo Kufeji\t", "\nDr Tayo Kufeji\t")
    pack = tmp_path / "next-pack.txt"
    pack.write_text(text, encoding="utf-8")
    assert main(["--data-dir", str(data), "import", str(pack), "--json"]) == 0
    second = json.loads(capsys.readouterr().out)

    found = {d["name"]: d for d in second["possible_duplicates"]}
    assert set(found) == {"Maresh Shah", "Dr Tayo Kufeji"}
    assert found["Maresh Shah"]["outcome"] == "added"  # very close, but nobody said it is the same person
    assert found["Maresh Shah"]["candidates"][0]["name"] == "Mahesh Shah"
    assert found["Maresh Shah"]["person_id"] != found["Maresh Shah"]["candidates"][0]["person_id"]
    assert found["Dr Tayo Kufeji"]["outcome"] == "added"
    assert found["Dr Tayo Kufeji"]["candidates"][0]["name"] == "Omotayo Kufeji"

    store = Store.open(data / "quorate.db")
    body = second["meeting"]["body_id"]
    names = [p.name for p in store.people(body)]
    assert names.count("Mahesh Shah") == 1 and "Maresh Shah" in names and "Tayo Kufeji" in names
    assert "Maresh Shah" not in {a.alias for a in people_storage.aliases(store, body)}
    store.close()


def test_import_without_json_says_which_names_to_check(
    tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(demo_pack)]) == 0
    capsys.readouterr()
    pack = tmp_path / "next-pack.txt"
    pack.write_text(demo_pack.read_text(encoding="utf-8").replace("\nMahesh Shah\t", "\nMaresh Shah\t"), "utf-8")
    assert main(["--data-dir", str(data), "import", str(pack)]) == 0
    out = capsys.readouterr().out
    assert "Check: Maresh Shah was added beside Mahesh Shah" in out
