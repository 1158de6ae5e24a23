"""File ▸ Remove old papers… in the window applies each body's retention setting after asking (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.body_settings import set_body_settings
from app.storage import Store
from app.storage.library import PackState, verify_pack
from app.ui.application import make_application
from app.ui.main_window import MainWindow
from tests.conftest import DEMO_PACK


def test_old_papers_are_removed_from_the_window_after_asking(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_application()
    store = Store.open(tmp_path / "quorate.db")
    meeting = commands.import_pack(store, DEMO_PACK)
    assert meeting.id is not None
    window = MainWindow(store, tmp_path)
    qtbot.addWidget(window)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    window.purge_action.trigger()
    assert "No body has a retention setting" in said[-1]
    set_body_settings(store, meeting.body_id, [("rules.keep_packs_years", "1")])
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.purge_action.trigger()  # No: nothing goes
    assert verify_pack(store, tmp_path, meeting.id).ok
    window.purge_action.trigger()
    assert "packs kept 1 year, Part II papers kept for good" in asked[0]
    assert said[-1].startswith("Removed from 1 meetings")
    assert verify_pack(store, tmp_path, meeting.id).state is PackState.PURGED
    window.close()
    store.close()
