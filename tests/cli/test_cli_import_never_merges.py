"""`quorate import` has nobody to ask, so it never decides by itself that two names are one person: "Ian Brown"
in one pack and "Ivan Brown" in the next stay two people, and the import says which names to check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.storage import Store
from app.storage import people as people_storage


def _pack(demo_pack: Path, out: Path, name: str) -> Path:
    text = demo_pack.read_text(encoding="utf-8")
    assert "\nMahesh Shah\t" in text
    out.write_text(text.replace("\nMahesh Shah\t", f"\n{name}\t"), encoding="utf-8")
    return out


def test_two_close_names_from_two_packs_stay_two_people(
    tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(_pack(demo_pack, tmp_path / "a.txt", "Ian Brown"))]) == 0
    capsys.readouterr()
    second = _pack(demo_pack, tmp_path / "b.txt", "Ivan Brown")
    assert main(["--data-dir", str(data), "import", str(second), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)

    found = {d["name"]: d for d in report["possible_duplicates"]}
    assert found["Ivan Brown"]["outcome"] == "added"  # listed to check, not merged
    assert found["Ivan Brown"]["candidates"][0]["name"] == "Ian Brown"
    store = Store.open(data / "quorate.db")
    try:
        body = report["meeting"]["body_id"]
        names = [p.name for p in store.people(body)]
        assert "Ian Brown" in names and "Ivan Brown" in names
        assert "Ivan Brown" not in {a.alias for a in people_storage.aliases(store, body)}
    finally:
        store.close()


def test_the_import_says_which_names_to_check(
    tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(_pack(demo_pack, tmp_path / "a.txt", "Ian Brown"))]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "import", str(_pack(demo_pack, tmp_path / "b.txt", "Ivan Brown"))]) == 0
    out = capsys.readouterr().out
    assert "Check: Ivan Brown was added beside Ian Brown" in out
