"""`quorate search`: JSON hits or a line each, and one sentence with exit 2 for a query with nothing to find."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.storage import Store
from app.storage.library import MARK_CLOSE, MARK_OPEN

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, cwd=REPO)


@pytest.fixture
def imported(tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int, int]:
    """The demo pack imported, with one minute written: (data dir, meeting id, item id)."""
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(demo_pack), "--json"]) == 0
    meeting_id = json.loads(capsys.readouterr().out)["meeting"]["id"]
    store = Store.open(data / "quorate.db")
    item_id = store.items(meeting_id)[1].id
    assert item_id is not None
    store.set_minute(item_id, "Apologies were received from Zebedee Quartermaine.")
    store.close()
    return data, meeting_id, item_id


def test_search_json_lists_hits_with_where_they_are(
    imported: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data, meeting_id, item_id = imported
    assert main(["--data-dir", str(data), "search", "quartermaine", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["kind"] == "minute" and hit["meeting_id"] == meeting_id and hit["item_id"] == item_id
    assert hit["page"] is None and hit["meeting_date"] == "2023-09-29"
    assert f"{MARK_OPEN}Quartermaine{MARK_CLOSE}" in hit["snippet"]
    assert set(hit) >= {"meeting_id", "meeting_title", "kind", "page", "item_id", "snippet", "rank"}


def test_search_finds_pack_pages_ranked(imported: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]) -> None:
    data, meeting_id, _ = imported
    assert main(["--data-dir", str(data), "search", "deficit", "--json", "--limit", "5"]) == 0
    hits = json.loads(capsys.readouterr().out)
    if not hits:  # the importers fill page texts; without them only records are searchable
        pytest.skip("the demo pack import gave no page texts")
    assert len(hits) <= 5
    assert all(h["kind"] == "pack" and h["meeting_id"] == meeting_id for h in hits)
    assert all(isinstance(h["page"], int) and h["page"] >= 1 for h in hits)
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)


def test_search_human_output_one_line_per_hit(
    imported: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data, _, _ = imported
    assert main(["--data-dir", str(data), "search", "quartermaine"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert "minute" in lines[0] and "2023-09-29" in lines[0] and "Quartermaine" in lines[0]


def test_no_match_is_not_an_error(imported: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]) -> None:
    data, _, _ = imported
    assert main(["--data-dir", str(data), "search", "xylophonist", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--data-dir", str(data), "search", "xylophonist"]) == 0
    assert "No matches" in capsys.readouterr().out


def test_search_in_an_empty_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "search", "deficit", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("query", ["", "   ", '"', "***", "OR", "( )"])
def test_a_query_with_nothing_to_find_is_one_sentence_and_exit_2(tmp_path: Path, query: str) -> None:
    result = _run("--data-dir", str(tmp_path), "search", query, "--json")
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("quorate: ") and message.endswith(".")
    assert "\n" not in message and "Traceback" not in message and "fts5" not in message


@pytest.mark.parametrize("query", ['deficit"', "NEAR(a b)", "covid-19", "a OR", "text:foo", "£6.7m", "^x"])
def test_awkward_queries_just_search(tmp_path: Path, query: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "search", query, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_bad_limit_is_refused(tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path), "search", "deficit", "--limit", "0")
    assert result.returncode == 2
    assert "at least 1" in result.stderr and "Traceback" not in result.stderr
