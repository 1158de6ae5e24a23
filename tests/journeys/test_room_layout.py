"""(16.2, 16.3) The live room keeps its shape under pressure: the search panel beside it, long titles and long
words, a 1280-pixel-wide window. The badge and the buttons stay whole and in view; agenda titles stay readable.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.live import LiveMeeting
from app.domain import Presence
from app.ui.live_dialogs import MotionDialog
from tests.journeys.harness import Secretary

READABLE_TITLE = 25  # characters of an agenda title still shown beside the room


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


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    corner = top_left + QPoint(widget.width() - 1, widget.height() - 1)
    return widget.isVisible() and window.rect().contains(top_left) and window.rect().contains(corner)


def whole(button: QAbstractButton) -> bool:
    """The button is wide enough for its words (a narrow pane elided "Withdrawal for this item")."""
    return button.width() >= button.sizeHint().width()


def assert_room_in_shape(secretary: Secretary) -> None:
    window = secretary.window
    room = window.live.room
    secretary.qtbot.waitUntil(lambda: inside(room.badge, window))
    assert room.scroller.widget().width() <= room.scroller.viewport().width(), "the room overflows sideways"
    for button in room.person_buttons:
        assert inside(button, window) and whole(button), f"{button.text()!r} is clipped"
    page = window.meeting_page
    title = page.tree.columnWidth(page.model.COL_TITLE)
    assert title >= window.fontMetrics().horizontalAdvance("x" * READABLE_TITLE), "agenda titles cut short"


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_search_panel_beside_the_room_leaves_titles_and_buttons_readable(secretary: Secretary) -> None:
    secretary.press("Ctrl+Shift+PgDown")
    assert_room_in_shape(secretary)
    secretary.press("Ctrl+F")
    panel = secretary.window.search_panel()
    secretary.qtbot.waitUntil(panel.isVisible)
    secretary.type("Section 75")
    secretary.press("Return")
    assert_room_in_shape(secretary)
    editor = secretary.window.meeting_page.editor
    assert editor.width() >= editor.fontMetrics().horizontalAdvance("x" * 30)  # still room to type a minute


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_long_titles_and_long_words_never_push_the_room_sideways_at_1280(secretary: Secretary) -> None:
    window = secretary.window
    window.resize(1280, 720)
    longest = max(secretary.record().items, key=lambda i: len(i.title))
    while secretary.shown() != longest.number.rstrip("."):
        secretary.press("Ctrl+Shift+PgDown")

    def move(dialog: QWidget) -> None:
        assert isinstance(dialog, MotionDialog)
        secretary.press("Ctrl+A")
        # a paper reference or a web address cannot wrap at a space
        secretary.type("That the Board approves schedule BLMK/ICB/2023-24/S75/PooledBudget/Schedule-3-Appendix-B.")
        secretary.press("Tab")
        secretary.press("Return")

    secretary.answer(MotionDialog, move)
    secretary.press("Ctrl+M")
    assert secretary.record().motions
    assert_room_in_shape(secretary)
    assert secretary.unanswered == 0
