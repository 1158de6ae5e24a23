"""The window on real widgets: the demo agenda, writing minutes that survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.storage import Store
from app.ui.agenda_model import AgendaModel
from app.ui.application import make_application
from app.ui.main_window import MainWindow


def _window(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, Store, int]:
    make_application()
    store = Store.open(paths.database_path(data_dir))
    meeting_id = commands.ensure_demo_meeting(store)
    window = MainWindow(store, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.open_meeting(meeting_id)
    return window, store, meeting_id


def _select(window: MainWindow, number: str) -> None:
    item = next(i for i in window.meeting_page.model.items_in_order() if i.number.rstrip(".") == number)
    assert item.id is not None
    window.meeting_page.tree.setCurrentIndex(window.meeting_page.model.index_for_item(item.id))


def test_demo_meeting_shows_its_agenda_as_a_tree(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, _ = _window(qtbot, tmp_path)
    model = window.meeting_page.model
    top_level = [model.index(r, AgendaModel.COL_TITLE).data() for r in range(model.rowCount())]
    assert any("Meeting opening" in title for title in top_level)
    section = next(r for r in range(model.rowCount()) if model.index(r, 0).data().rstrip(".") == "6")
    parent = model.index(section, 0)
    children = [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]
    assert children == ["6.1", "6.2", "6.3", "6.4"]
    assert window.current_item() is not None
    store.close()


def test_typed_minute_is_saved_and_survives_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, _ = _window(qtbot, tmp_path)
    _select(window, "6.4")
    editor = window.meeting_page.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "The Board approved the Section 75 agreements")
    # QTest can only synthesise Latin-1 keystrokes; input methods deliver the rest as inserted text.
    editor.insertPlainText(" (£2.1m ✓)")
    qtbot.waitUntil(lambda: not editor.pending, timeout=3000)
    assert "Saved" in window.meeting_page.save_state.text()
    window.close()
    store.close()

    window2, store2, _ = _window(qtbot, tmp_path)
    _select(window2, "6.4")
    assert window2.meeting_page.editor.toPlainText() == "The Board approved the Section 75 agreements (£2.1m ✓)"
    assert store2.verify_audit_chain() == []
    store2.close()


def test_typing_then_closing_at_once_loses_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, _ = _window(qtbot, tmp_path)
    _select(window, "1.1")
    qtbot.keyClicks(window.meeting_page.editor, "Apologies from DC")
    assert window.meeting_page.editor.pending  # the save timer has not fired yet
    window.close()
    item = next(i for i in store.items(window.meeting.id or 0) if i.number.rstrip(".") == "1.1")
    assert item.id is not None
    assert store.minute(item.id).body == "Apologies from DC"
    store.close()


def test_switching_items_saves_the_one_being_left(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, _ = _window(qtbot, tmp_path)
    _select(window, "2")
    qtbot.keyClicks(window.meeting_page.editor, "The Chair gave a verbal report.")
    _select(window, "3")
    assert window.meeting_page.editor.toPlainText() == ""
    _select(window, "2")
    assert window.meeting_page.editor.toPlainText() == "The Chair gave a verbal report."
    store.close()


def test_keyboard_moves_through_the_agenda_in_order(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, _ = _window(qtbot, tmp_path)
    _select(window, "1.6")
    window.next_action.trigger()
    current = window.current_item()
    assert current is not None and current.number.rstrip(".") == "2"
    window.previous_action.trigger()
    current = window.current_item()
    assert current is not None and current.number == "1.6"
    store.close()


def test_a_bad_pack_gives_one_clear_message_and_adds_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, store, _ = _window(qtbot, tmp_path)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: messages.append(text))
    before = len(store.meetings())
    bad = tmp_path / "holiday.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10)
    window.import_pack(bad)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "holiday.jpg" in messages[0]
    assert len(store.meetings()) == before
    store.close()


def test_agenda_model_passes_qt_model_checks(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "q.db")
    meeting_id = commands.ensure_demo_meeting(store)
    model = AgendaModel()
    model.set_items(store.items(meeting_id))
    qtmodeltester.check(model)
    assert model.index(0, 0).data(AgendaModel.ItemIdRole) is not None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Item"
    store.close()


def test_opening_a_meeting_whose_kept_pack_is_gone_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, meeting_id = _window(qtbot, tmp_path)
    for kept in (tmp_path / "packs").iterdir():
        kept.unlink()
    window.show_library()
    window.open_meeting(meeting_id)
    assert "is missing" in window.statusBar().currentMessage()
    store.close()
