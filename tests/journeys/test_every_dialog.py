"""(16.5) No label anywhere shows a literal "&": every dialog the menus open during a live meeting, the window
itself and the reader, each opened as the secretary opens it (the menu, with the mouse) and closed with Escape.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.live import LiveMeeting
from app.domain import Presence
from tests.journeys.harness import Secretary, literal_ampersands

# Menus whose entries open a dialog ("…"); the File menu's and the minutes' exports open file choosers.
MENUS = ("Meeting", "Minutes", "Body", "Help")
# choosers (files, or the members' exchange folder), or an end
NOT_A_DIALOG = ("Close meeting", "Export", "Verify", "Edit the approved minutes", "Exchange folder")


@pytest.fixture
def secretary(qtbot: QtBot, tmp_path: Path) -> Iterator[Secretary]:
    opened = Secretary(qtbot, tmp_path)
    meeting_id = commands.ensure_demo_meeting(opened.store)
    live = LiveMeeting(opened.store, meeting_id)
    live.start()
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    opened.window.resume_live_meeting()
    yield opened
    opened.window.close()
    opened.store.close()


def close_what_opens(seen: dict[str, list[str]], entry: str) -> None:
    """Poll for the modal dialog the menu entry opens; note any '&' it shows, then close it (Escape)."""
    polls = [0]

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.isVisible():
            # A chooser is closed too (an assertion here would leave it open and the test waiting forever) and
            # fails the test: add its entry to NOT_A_DIALOG.
            seen[entry] = ["a file chooser"] if isinstance(modal, QFileDialog) else literal_ampersands(modal)
            modal.reject()
            return
        polls[0] += 1
        if polls[0] < 100:
            QTimer.singleShot(20, poll)
        else:
            seen.setdefault(entry, [])  # it said why in the banner or status bar instead: nothing to check

    QTimer.singleShot(0, poll)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_no_dialog_of_the_live_meeting_shows_an_ampersand(secretary: Secretary) -> None:
    window = secretary.window
    secretary.press("Ctrl+Shift+PgDown")
    live = LiveMeeting(secretary.store, secretary.meeting_id())
    item = secretary.record().meeting.current_item_id
    assert item is not None
    live.move(item, "That the Board approves the report.")  # so the vote and outcome dialogs have a motion
    window.live.attach(secretary.meeting_id())
    assert literal_ampersands(window) == []
    seen: dict[str, list[str]] = {}
    bar = window.menuBar()
    for title in MENUS:
        menu = next(m for m in bar.findChildren(QMenu) if m.title().replace("&", "") == title)
        entries = [
            a.text().replace("&", "")
            for a in menu.actions()
            if a.text().endswith("…") and a.isEnabled() and not a.text().replace("&", "").startswith(NOT_A_DIALOG)
        ]
        for entry in entries:
            close_what_opens(seen, entry)
            secretary.menu(title, entry)
            secretary.qtbot.waitUntil(lambda e=entry: e in seen, timeout=5000)  # type: ignore[misc]
    shown = {entry: labels for entry, labels in seen.items() if labels}
    assert shown == {}, f"labels showing '&' (or a chooser opened): {shown}"
    assert len(seen) >= 15, sorted(seen)  # the sweep reached the dialogs, not just a few

    secretary.press("Ctrl+Shift+B")
    reader = next(w for w in QApplication.topLevelWidgets() if w.windowTitle().startswith("Reader"))
    secretary.qtbot.waitUntil(reader.isVisible)
    assert isinstance(reader, QWidget) and literal_ampersands(reader) == []
