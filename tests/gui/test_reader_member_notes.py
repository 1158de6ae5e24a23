"""The reader's notes passphrase (issue 18): choosing a member who protected their notes shows nothing until their
passphrase is typed; a wrong one is one sentence and shows nothing; a member may protect their notes from the
toolbar; a member without a passphrase is told their notes are not protected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.commands import notes
from app.storage import Store
from app.ui.notes_passphrase import NotesPassphraseDialog
from app.ui.reader import ReaderWindow
from tests.gui.test_reader import data  # noqa: F401  (the fixture: a library with a three-item PDF pack)

JANE, BOB = "Jane Member", "Bob Member"
JANE_PASS = "jane's own notes passphrase"


def _open(qtbot: QtBot, store: Store, meeting_id: int, owner: str) -> ReaderWindow:
    reader = ReaderWindow(store, meeting_id, owner=owner)
    qtbot.addWidget(reader)
    reader.resize(1300, 900)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def _type_into(qtbot: QtBot, dialog: NotesPassphraseDialog, passphrase: str, again: str | None = None) -> None:
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    if again is not None:
        qtbot.keyClicks(dialog.again, again)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)


def test_a_protected_members_notes_show_only_after_their_passphrase(
    qtbot: QtBot,
    data: tuple[Store, int],  # noqa: F811
    tmp_path: Path,
) -> None:
    store, meeting_id = data
    reader = _open(qtbot, store, meeting_id, JANE)
    assert reader.protection.text().strip() == "notes not protected"
    reader.add_sticky_note(5, 300, 200, "Ask for the risk-share table")

    # Jane protects her notes from the toolbar: the passphrase twice.
    reader.protect_action.trigger()
    dialog = reader.passphrase_dialog
    assert dialog is not None and dialog.protecting
    _type_into(qtbot, dialog, JANE_PASS, again="not the same")
    assert dialog.problem.text() == "The two passphrases differ; nothing was changed."
    assert not notes.notes_protected(store, JANE)
    _type_into(qtbot, dialog, JANE_PASS, again=JANE_PASS)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert notes.notes_protected(store, JANE) and reader.protection.text().strip() == "notes protected, open"
    assert [a.note for a in reader.annotations()] == ["Ask for the risk-share table"]
    reader.close()

    # Another session on the same computer: Jane's name alone shows nothing, a wrong passphrase neither.
    notes.lock_notes(store)
    reader = _open(qtbot, store, meeting_id, BOB)
    assert reader.protection.text().strip() == "notes not protected"
    reader.member.setCurrentText(JANE)
    line = reader.member.lineEdit()
    assert line is not None
    qtbot.keyClick(line, Qt.Key.Key_Return)
    dialog = reader.passphrase_dialog
    assert dialog is not None and not dialog.protecting and reader.owner == JANE
    assert reader.annotations() == [] and reader.protection.text().strip() == "notes locked"
    assert "locked" in reader.panel.heading.text()
    _type_into(qtbot, dialog, "a wrong passphrase")
    assert dialog.problem.text() == f"That is not {JANE}'s notes passphrase; nothing is shown."
    assert dialog.isVisible() and dialog.passphrase.text() == "" and reader.annotations() == []
    with pytest.raises(notes.NotesLocked):  # nor added to
        reader.add_sticky_note(5, 100, 100, "written in Jane's name by Bob")
    reader.go_to_page(4)
    assert "locked" in reader.panel.heading.text()
    _type_into(qtbot, dialog, JANE_PASS)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [a.note for a in reader.annotations()] == ["Ask for the risk-share table"]
    assert reader.protection.text().strip() == "notes protected, open"

    # Once per session: choosing Bob and Jane again asks nothing more.
    reader.set_owner(BOB)
    assert reader.annotations() == [] and reader.protection.text().strip() == "notes not protected"
    reader.set_owner(JANE)
    assert [a.note for a in reader.annotations()] == ["Ask for the risk-share table"]
