"""`quorate body show|set`, `people list|import`, `rules --preset`, `meeting --title`, `motions`, and small refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.commands.body_settings import field_specs, format_value
from app.domain import PRESETS, RuleSet, rules_to_dict
from app.domain.house_style import HOUSE_STYLES, HouseStyle, style_to_dict
from tests.unit.test_body_settings import alternatives

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "icb-2023-06-30.jsonl"
Capture = pytest.CaptureFixture[str]


@pytest.fixture
def data_dir(tmp_path: Path, demo_pack: Path, capsys: Capture) -> Path:
    assert main(["--data-dir", str(tmp_path), "import", str(demo_pack)]) == 0
    capsys.readouterr()
    return tmp_path


def _json(capsys: Capture, *args: str) -> Any:
    assert main(list(args)) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _show(data_dir: Path, capsys: Capture) -> dict[str, Any]:
    return _json(capsys, "--data-dir", str(data_dir), "body", "show", "1", "--json")  # type: ignore[no-any-return]


def _set(data_dir: Path, capsys: Capture, *assignments: str) -> int:
    code = main(["--data-dir", str(data_dir), "body", "set", "1", *assignments])
    capsys.readouterr()
    return code


def test_body_show_lists_bodies_and_every_setting_as_set_reads_it(data_dir: Path, capsys: Capture) -> None:
    listed = _json(capsys, "--data-dir", str(data_dir), "body", "show", "--json")
    assert [b["id"] for b in listed] == [1]
    assert main(["--data-dir", str(data_dir), "body", "show", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    keys = {line.split(" = ")[0] for line in lines if " = " in line}
    assert {f"style.{s.name}" for s in field_specs(HouseStyle)} <= keys
    assert {f"rules.{s.name}" for s in field_specs(RuleSet)} <= keys
    assert {"name", "style", "rules"} <= keys
    # Every line written back changes nothing.
    before = _show(data_dir, capsys)
    assert _set(data_dir, capsys, *(line.replace(" = ", "=", 1) for line in lines if " = " in line)) == 0
    assert _show(data_dir, capsys) == before


@pytest.mark.parametrize("group", ["style", "rules"])
def test_body_set_changes_every_field_both_ways(data_dir: Path, capsys: Capture, group: str) -> None:
    cls: type[Any] = HouseStyle if group == "style" else RuleSet
    presets = (
        [json.loads(json.dumps(style_to_dict(s))) for s in HOUSE_STYLES.values()]
        if group == "style"
        else [rules_to_dict(r) for r in PRESETS.values()]
    )
    for spec in field_specs(cls):
        before = _show(data_dir, capsys)[group][spec.name]
        for value in alternatives(spec, before, presets):
            if _set(data_dir, capsys, f"{group}.{spec.name}={format_value(spec, value)}") == 0:
                break
        assert _show(data_dir, capsys)[group][spec.name] != before, f"{group}.{spec.name} did not change"
        assert _set(data_dir, capsys, f"{group}.{spec.name}={format_value(spec, before)}") == 0
        assert _show(data_dir, capsys)[group][spec.name] == before, f"{group}.{spec.name} did not change back"


def test_presets_name_and_meeting_title_both_ways(data_dir: Path, capsys: Capture) -> None:
    d = str(data_dir)
    original = _show(data_dir, capsys)
    assert _set(data_dir, capsys, "style=Charity trustees", "name=Renamed Board") == 0
    shown = _show(data_dir, capsys)
    assert (shown["style_preset"], shown["name"]) == ("Charity trustees", "Renamed Board")
    assert _set(data_dir, capsys, f"style={original['style_preset']}", f"name={original['name']}") == 0
    shown = _show(data_dir, capsys)
    assert (shown["style_preset"], shown["name"]) == (original["style_preset"], original["name"])

    rules = _json(capsys, "--data-dir", d, "rules", "1", "--preset", "local_authority_committee", "--json")
    assert rules == rules_to_dict(PRESETS["local_authority_committee"])
    assert _json(capsys, "--data-dir", d, "rules", "1", "--preset", "nhs_board", "--json") == rules_to_dict(
        PRESETS["nhs_board"]
    )
    assert main(["--data-dir", d, "rules", "1", "--preset", "no_such"]) == 2
    assert "the presets are: nhs_board" in capsys.readouterr().err
    assert main(["--data-dir", d, "rules", "1"]) == 0
    out = capsys.readouterr().out
    assert "NHS England" in out and "Check:" not in out  # the source is shown with the rules
    assert _set(data_dir, capsys, "rules.source=") == 0
    assert main(["--data-dir", d, "rules", "1"]) == 0
    assert "Check: these rules name no source" in capsys.readouterr().out  # a guess is not passed off as the body's

    title = _json(capsys, "--data-dir", d, "meeting", "1", "--json")["title"]
    assert _json(capsys, "--data-dir", d, "meeting", "1", "--title", "Board meeting", "--json")["title"] == (
        "Board meeting"
    )
    assert _json(capsys, "--data-dir", d, "meeting", "1", "--title", title, "--json")["title"] == title
    assert main(["--data-dir", d, "meeting", "1", "--title", "  "]) == 2
    assert "needs a title" in capsys.readouterr().err


def test_a_bad_setting_exits_2_naming_it(data_dir: Path, capsys: Capture) -> None:
    before = _show(data_dir, capsys)
    assert main(["--data-dir", str(data_dir), "body", "set", "1", "rules.majority_fraction=7/5"]) == 2
    assert "rules.majority_fraction" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "body", "set", "1", "minute_prefix"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err
    assert _show(data_dir, capsys) == before


def test_people_import_a_csv_then_list_them_by_surname(tmp_path: Path, data_dir: Path, capsys: Capture) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("Name,Role,Initials\nZoe Aardvark,Observer,ZA\nAmy Zebra,Observer,AZ\n", encoding="utf-8")
    report = _json(capsys, "--data-dir", str(data_dir), "people", "import", "1", str(csv), "--json")
    assert report["created"] == 2
    people = _json(capsys, "--data-dir", str(data_dir), "people", "list", "1", "--json")
    surnames = [p["name"].split()[-1].casefold() for p in people]
    assert surnames == sorted(surnames)
    assert surnames[0] == "aardvark" and surnames[-1] == "zebra"


def test_people_import_registers_deputies_so_the_roll_call_accepts_them(
    tmp_path: Path, data_dir: Path, capsys: Capture
) -> None:
    """Without the window a secretary registers who deputises for whom with a "Deputy for" column; a name that
    is no one in the body is refused, naming the row and the near name, and nothing is saved."""
    d = str(data_dir)
    roll_call = tmp_path / "roll-call.jsonl"
    roll_call.write_text(
        '{"type": "roll_call", "present": ["Rima Makarem"], "deputies": {"Dr Tam Nguyen": "David Carter"}}\n',
        encoding="utf-8",
    )
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Name,Tier,Deputy for\nDr Tam Nguyen,participant,Dave Cartr\n", encoding="utf-8")
    assert main(["--data-dir", d, "people", "import", "1", str(wrong)]) == 2
    assert "column Deputy for: “Dave Cartr” is no one in this body (did you mean David Carter?)" in (
        capsys.readouterr().err
    )
    assert not any(p["name"] == "Tam Nguyen" for p in _json(capsys, "--data-dir", d, "people", "list", "1", "--json"))
    csv = tmp_path / "deputies.csv"
    csv.write_text("Name,Tier,Voting,Deputy for\nDr Tam Nguyen,participant,no,David Carter\n", encoding="utf-8")
    assert _json(capsys, "--data-dir", d, "people", "import", "1", str(csv), "--json")["created"] == 1
    assert main(["--data-dir", d, "replay", "1", str(roll_call)]) == 0, capsys.readouterr().err


def test_import_json_lists_what_it_could_not_place(tmp_path: Path, demo_pack: Path, capsys: Capture) -> None:
    data = _json(capsys, "--data-dir", str(tmp_path), "import", str(demo_pack), "--json")
    unplaced = data["unplaced"]
    assert unplaced, "the demo pack's register names people its attendance spells differently"
    assert {u["kind"] for u in unplaced} == {"register", "initials"}
    assert all(u["outcome"] and u["reason"] for u in unplaced)
    assert any(u["candidates"] and u["outcome"] == "left out" for u in unplaced)  # offered, not guessed


def test_motions_lists_ids_for_approve(data_dir: Path, capsys: Capture) -> None:
    assert main(["--data-dir", str(data_dir), "replay", "1", str(EXAMPLE)]) == 0
    capsys.readouterr()
    motions = _json(capsys, "--data-dir", str(data_dir), "motions", "2", "--json")
    assert motions and all(isinstance(m["motion_id"], int) and m["item_number"] for m in motions)
    assert main(["--data-dir", str(data_dir), "motions", "2"]) == 0
    assert str(motions[0]["motion_id"]) in capsys.readouterr().out


def test_confidential_minutes_without_part_two_and_a_missing_pack_are_refused(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    out = tmp_path / "part2.pdf"
    assert main(["--data-dir", str(data_dir), "minutes", "1", "--part", "confidential", "--out", str(out)]) == 2
    assert "no Part II" in capsys.readouterr().err and not out.exists()
    missing = tmp_path / "nonexistent.pdf"
    assert main(["--data-dir", str(data_dir), "import", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err
