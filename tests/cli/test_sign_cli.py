"""keygen → minutes → sign → verify from the command line, and one sentence with exit 2 for each user mistake."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long chair passphrase"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, cwd=REPO)


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def minutes(tmp_path: Path, demo_pack: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, str]:
    """A data folder with the demo meeting, its minutes PDF, and the audit head the PDF was made from."""
    from app.storage import Store

    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(demo_pack), "--json"]) == 0
    meeting_id = _json(capsys)["meeting"]["id"]
    out = tmp_path / "minutes.pdf"
    assert main(["--data-dir", str(data), "minutes", str(meeting_id), "--out", str(out)]) == 0
    capsys.readouterr()
    store = Store.open(data / "quorate.db")
    head = store.audit_head()
    store.close()
    return data, out, head


def test_keygen_sign_verify_round_trip(
    tmp_path: Path, minutes: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, pdf, audit_head = minutes
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    key = tmp_path / "chair.p12"
    common = ["--data-dir", str(data)]

    keygen = ["keygen", "--name", "Rima Makarem", "--role", "Chair", "--out", str(key), "--passphrase-file"]
    assert main([*common, *keygen, str(secret), "--json"]) == 0
    created = _json(capsys)
    assert created["certificate"]["name"] == "Rima Makarem" and created["certificate"]["role"] == "Chair"
    assert Path(created["certificate_file"]).read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert PASSPHRASE not in key.read_bytes().decode("latin-1")  # the passphrase is nowhere in the key file

    signed = tmp_path / "signed.pdf"
    before = pdf.read_bytes()
    with_key = ["--key", str(key), "--passphrase-file", str(secret)]
    assert main([*common, "sign", str(pdf), *with_key, "--out", str(signed), "--json"]) == 0
    assert _json(capsys)["signer"] == "Rima Makarem"
    assert pdf.read_bytes() == before

    assert main([*common, "verify", str(signed), "--json"]) == 0
    report = _json(capsys)
    assert report["signer"] == "Rima Makarem"
    assert report["intact"] is True and report["covers_whole_file"] is True
    assert report["modified_after_signing"] is False
    assert report["trusted"] is True  # keygen trusts the key it made in this data folder
    assert report["audit_hash"] == audit_head
    assert report["signing_time"]

    assert main([*common, "verify", str(signed)]) == 0
    text = capsys.readouterr().out
    assert "Signed by Rima Makarem" in text and "intact" in text and audit_head in text

    assert main([*common, "trust", "--list", "--json"]) == 0
    assert [c["name"] for c in json.loads(capsys.readouterr().out)] == ["Rima Makarem"]


def test_verify_is_trusted_only_after_quorate_trust(
    tmp_path: Path, minutes: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, pdf, _ = minutes
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    key = tmp_path / "chair.p12"
    elsewhere = ["--data-dir", str(tmp_path / "chair-laptop")]
    assert (
        main([*elsewhere, "keygen", "--name", "R. Makarem", "--out", str(key), "--passphrase-file", str(secret)]) == 0
    )
    signed = tmp_path / "signed.pdf"
    with_key = ["--key", str(key), "--passphrase-file", str(secret)]
    shown = ["--name", "Rima Makarem", "--role", "Chair"]
    assert main([*elsewhere, "sign", str(pdf), *with_key, "--out", str(signed), *shown]) == 0
    capsys.readouterr()

    assert main(["--data-dir", str(data), "verify", str(signed), "--json"]) == 3  # intact, but not trusted here
    report = _json(capsys)
    assert report["intact"] is True and report["trusted"] is False

    assert main(["--data-dir", str(data), "trust", str(tmp_path / "chair.cert.pem")]) == 0
    assert "Trusted R. Makarem" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "verify", str(signed), "--json"]) == 0
    assert _json(capsys)["trusted"] is True


def test_a_changed_signed_file_fails_verify_with_exit_3(
    tmp_path: Path, minutes: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, pdf, _ = minutes
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    key = tmp_path / "chair.p12"
    common = ["--data-dir", str(data)]
    assert main([*common, "keygen", "--name", "Rima Makarem", "--out", str(key), "--passphrase-file", str(secret)]) == 0
    signed = tmp_path / "signed.pdf"
    with_key = ["--key", str(key), "--passphrase-file", str(secret)]
    assert main([*common, "sign", str(pdf), *with_key, "--out", str(signed), "--invisible"]) == 0
    capsys.readouterr()
    changed = bytearray(signed.read_bytes())
    changed[len(changed) // 3] ^= 0x20
    signed.write_bytes(changed)
    assert main([*common, "verify", str(signed), "--json"]) == 3
    assert _json(capsys)["intact"] is False


def test_user_mistakes_get_one_sentence_and_exit_2(tmp_path: Path, minutes: tuple[Path, Path, str]) -> None:
    data, pdf, _ = minutes
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase")
    key = tmp_path / "chair.p12"
    common = ["--data-dir", str(data)]
    made = _run(*common, "keygen", "--name", "Rima Makarem", "--out", str(key), "--passphrase-file", str(secret))
    assert made.returncode == 0, made.stderr
    damaged = tmp_path / "damaged.p12"
    damaged.write_bytes(key.read_bytes()[:200])
    out = tmp_path / "signed.pdf"
    cases = [
        (["sign", str(pdf), "--key", str(key), "--passphrase-file", str(wrong), "--out", str(out)], "is wrong"),
        (["sign", str(pdf), "--key", str(damaged), "--passphrase-file", str(secret), "--out", str(out)], "damaged"),
        (
            ["sign", str(pdf), "--key", str(key), "--passphrase-file", str(tmp_path / "none.txt"), "--out", str(out)],
            "does not exist",
        ),
        (
            ["sign", str(pdf), "--key", str(key), "--passphrase-file", str(secret), "--out", str(out), "--box", "1,2"],
            "--box takes four numbers",
        ),
        (["verify", str(pdf)], "has no signature"),
        (["verify", str(secret)], "is not a PDF file"),
        (["trust", str(secret)], "is not a certificate"),
    ]
    for args, words in cases:
        result = _run(*common, *args)
        assert result.returncode == 2, (args, result.stderr)
        message = result.stderr.strip()
        assert words in message and "\n" not in message and "Traceback" not in message, message
        assert result.stdout == ""
    assert not out.exists()
