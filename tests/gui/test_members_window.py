"""The window on a member's device (issue 19): File ▸ Publish meeting to members…, a bundle opened by drop or
argument, the member's read-only view, and the exchange folder watched for what arrives."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.commands import members, notes
from app.domain.annotations import AnnotationKind
from app.export import keys
from app.storage import Store
from app.ui.application import make_application
from app.ui.main_window import MainWindow
from app.ui.members import PublishDialog

KEY_PASS = "secretary key passphrase"
MEETING_PASS = "a meeting passphrase"


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)


def _window(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, Store]:
    make_application()
    store = Store.open(paths.database_path(data_dir))
    window = MainWindow(store, data_dir)
    qtbot.addWidget(window)
    window.show()
    return window, store


def test_publish_from_the_window_then_open_it_as_a_member_by_drop(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, store = _window(qtbot, tmp_path / "secretary")
    meeting_id = commands.ensure_demo_meeting(store)
    window.open_meeting(meeting_id)
    key_file = tmp_path / "secretary.p12"
    cert = keys.generate_key(key_file, "Sam Secretary", KEY_PASS)
    out = tmp_path / "exchange" / "meeting.quorate"

    def fill(dialog: PublishDialog) -> int:
        dialog.key_fields.path.setText(str(key_file))
        qtbot.keyClicks(dialog.key_fields.passphrase, KEY_PASS)
        qtbot.keyClicks(dialog.passphrase, MEETING_PASS)
        qtbot.keyClicks(dialog.again, "not the same")
        dialog.out.setText(str(out))
        dialog.accept()
        assert "differ" in dialog.error_text() and not out.exists()  # refused in the dialog, nothing written
        dialog.again.clear()
        qtbot.keyClicks(dialog.again, MEETING_PASS)
        dialog.accept()
        assert dialog.error_text() == ""
        return int(PublishDialog.DialogCode.Accepted)

    monkeypatch.setattr(PublishDialog, "exec", fill)
    assert window.members.publish_action.isEnabled()
    window.members.publish_action.trigger()
    assert out.exists()
    name = store.people(store.meeting(meeting_id).body_id)[0].name

    member_dir = tmp_path / "member"
    keys.trust(paths.trusted_certificates_dir(member_dir), cert)
    member, member_store = _window(qtbot, member_dir)
    monkeypatch.setattr("app.ui.members.QInputDialog.getText", lambda *a, **k: (MEETING_PASS, True))
    monkeypatch.setattr("app.ui.members.QInputDialog.getItem", lambda *a, **k: (name, True))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(out))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    member.dropEvent(drop)
    assert member.meeting is not None and member.members.held is not None
    page = member.meeting_page
    assert member.members.pane.isVisible() and not page.editor.isVisible()  # read-only: no minute editor
    assert not member.live.start_action.isEnabled() and not member.export_action.isEnabled()
    assert name in member.members.pane.banner.text()
    assert notes.current_member(member_store) == name

    # A note flagged on an item shows in the member's pane; the questions go back and reach the secretary's room.
    item = next(i for i in member_store.items(member.meeting.id or 0) if i.number == "6.1")
    notes.annotate(
        member_store,
        member.meeting.id or 0,
        name,
        AnnotationKind.ITEM_NOTE,
        9,
        note="Who pays?",
        item_id=item.id,
        raise_at_meeting=True,
    )
    member.select_item(item.id or 0)
    assert "Who pays?" in member.members.pane.item_notes.text()
    answers = tmp_path / "exchange" / "answers.quorate"
    members.export_answers(member_store, member.meeting.id or 0, answers)
    secretary_key = keys.load_key(key_file, KEY_PASS)
    window.members.import_answers([answers], secretary_key)
    asked = notes.questions_for_item(store, next(i.id for i in store.items(meeting_id) if i.number == "6.1") or 0)
    assert [(q.owner, q.text) for q in asked] == [(name, "Who pays?")]
    member.close()
    window.close()
    member_store.close()
    store.close()


def test_the_exchange_folder_is_watched_for_bundles_for_this_device(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secretary_store = Store.open(tmp_path / "secretary" / "quorate.db")
    meeting_id = commands.ensure_demo_meeting(secretary_store)
    key_file = tmp_path / "secretary.p12"
    cert = keys.generate_key(key_file, "Sam Secretary", KEY_PASS)
    signer = keys.load_key(key_file, KEY_PASS)
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    members.publish_meeting(secretary_store, meeting_id, exchange / "first.quorate", signer, passphrase=MEETING_PASS)
    name = secretary_store.people(secretary_store.meeting(meeting_id).body_id)[0].name

    member_dir = tmp_path / "member"
    keys.trust(paths.trusted_certificates_dir(member_dir), cert)
    window, store = _window(qtbot, member_dir)
    opened = window.members.open_bundle_file(exchange / "first.quorate", MEETING_PASS, name)
    assert opened is not None
    members.set_exchange_folder(store, store.meeting(opened.meeting_id).body_id, exchange)
    window.members.watch_exchange_folders()
    assert window.members.watcher.directories() == [str(exchange.resolve())]
    qtbot.waitUntil(lambda: not window.members._settle.isActive(), timeout=5000)
    assert window.members.arrived == []  # the bundle already opened is not new

    members.publish_meeting(secretary_store, meeting_id, exchange / "second.quorate", signer, passphrase=MEETING_PASS)
    qtbot.waitUntil(lambda: bool(window.members.arrived), timeout=10_000)  # seen by the file watcher
    assert [a.path.name for a in window.members.arrived] == ["second.quorate"]
    assert window.members.take_action.isEnabled()
    monkeypatch.setattr("app.ui.members.QInputDialog.getText", lambda *a, **k: (MEETING_PASS, True))
    window.members.take_action.trigger()
    assert window.members.held is not None and window.members.held.sequence == 2
    assert not window.members.take_action.isEnabled()
    window.close()
    store.close()
    secretary_store.close()
