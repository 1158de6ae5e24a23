"""The command line: same services as the window, JSON out, one sentence and exit 2 on bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import app
from app.cli import main

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, cwd=REPO)


def test_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"quorate {app.__version__}"


def test_import_prints_the_meeting_and_its_agenda_as_json(tmp_path: Path, demo_pack: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(tmp_path), "import", str(demo_pack), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meeting"]["date"] == "2023-09-29"
    numbers = [item["number"].rstrip(".") for item in data["items"]]
    assert numbers[:3] == ["1", "1.1", "1.2"]
    assert "6.4" in numbers
    assert [item["position"] for item in data["items"]] == list(range(len(numbers)))


def test_minutes_exports_a_pdf_with_every_item_in_order(tmp_path: Path, demo_pack: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from app.storage import Store

    assert main(["--data-dir", str(tmp_path), "import", str(demo_pack), "--json"]) == 0
    meeting_id = json.loads(capsys.readouterr().out)["meeting"]["id"]
    store = Store.open(tmp_path / "quorate.db")
    items = store.items(meeting_id)
    store.set_minute(items[1].id or 0, "Apologies were received from David Carter.")
    store.close()

    out = tmp_path / "minutes.pdf"
    assert main(["--data-dir", str(tmp_path), "minutes", str(meeting_id), "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pdf"] == str(out.resolve())
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    positions = [text.find(" ".join(item.title.split())) for item in items]
    assert all(p >= 0 for p in positions), [i.title for i, p in zip(items, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert "Apologies were received from David Carter." in text
    assert "DRAFT" in text


def test_meetings_lists_what_was_imported(tmp_path: Path, demo_pack: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    main(["--data-dir", str(tmp_path), "import", str(demo_pack)])
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "meetings", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


@pytest.mark.parametrize(
    "name, content",
    [("missing.pdf", None), ("notes.txt", b"Dear all, lunch is at one.\n"), ("scan.pdf", b"%PDF-1.7\n garbage")],
)
def test_bad_packs_get_one_sentence_exit_2_and_nothing_saved(tmp_path: Path, name: str, content: bytes | None) -> None:
    pack = tmp_path / name
    if content is not None:
        pack.write_bytes(content)
    data = tmp_path / "data"
    result = _run("--data-dir", str(data), "import", str(pack), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert name in message and "\n" not in message and "Traceback" not in message
    from app.storage import Store

    store = Store.open(data / "quorate.db")
    assert store.meetings() == []
    store.close()


def test_minutes_for_an_unknown_meeting_is_refused(tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path), "minutes", "999", "--out", str(tmp_path / "m.pdf"))
    assert result.returncode == 2
    assert "no meeting with id 999" in result.stderr
    assert not (tmp_path / "m.pdf").exists()


def test_selftest_passes_offscreen(tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path), "--selftest")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("selftest ok")


def test_console_script_is_the_same_as_python_m_app() -> None:
    script = shutil.which("quorate", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"quorate {app.__version__}"
