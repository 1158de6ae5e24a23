"""On the command line a refusal is one sentence and exit code 2; anything else is a bug: logged with its
traceback and raised (exit code 1), never printed as if it were a sentence for the user."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pytest

import app.cli as cli
from app.commands.approval import ApprovalError


def _command_raising(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    def run(_args: argparse.Namespace, _data_dir: Path) -> int:
        raise error

    monkeypatch.setattr(cli, "_run_command", run)


def test_a_refusal_from_any_command_is_one_sentence_and_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _command_raising(monkeypatch, ApprovalError("These minutes are not approved yet."))
    assert cli.main(["--data-dir", str(tmp_path), "meetings"]) == cli.EXIT_USER
    assert capsys.readouterr().err == "quorate: These minutes are not approved yet.\n"


def test_a_plain_value_error_is_a_bug_logged_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _command_raising(monkeypatch, ValueError("invalid literal for int() with base 10: ''"))
    with pytest.raises(ValueError, match="invalid literal"):
        cli.main(["--data-dir", str(tmp_path), "meetings"])
    assert "quorate: invalid literal" not in capsys.readouterr().err
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = (tmp_path / "logs" / "quorate.log").read_text(encoding="utf-8")
    assert "unexpected error" in logged and "Traceback" in logged and "ValueError" in logged
