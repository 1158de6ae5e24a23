"""Accessibility basics (issue 16): the room is reached by keyboard with a visible focus, and the custom widgets
(quorum badge, page view, signature pad) say what they are and what state they are in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QMenu, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.live import LiveMeeting
from app.domain import Presence
from app.ui.application import FOCUS_RING
from app.ui.reader_pdf import PdfPackView
from app.ui.signature_pad import SignaturePad
from tests.journeys.harness import Secretary


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


def picture(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def ring_pixels(image: QImage) -> int:
    """Pixels of the focus ring's strong blue (the style's own focus mark is a faint tint)."""
    ring = QColor(FOCUS_RING)
    return sum(
        abs(QColor(image.pixel(x, y)).hue() - ring.hue()) < 12 and QColor(image.pixel(x, y)).saturation() > 150
        for y in range(image.height())
        for x in range(image.width())
    )


def test_tab_reaches_the_room_and_the_focus_is_visible(secretary: Secretary) -> None:
    window = secretary.window
    room = window.live.room
    reached: list[QWidget] = []
    for _ in range(40):
        secretary.press("Tab")
        focused = QApplication.focusWidget()
        if focused is not None and focused not in reached:
            reached.append(focused)
    for needed in (window.meeting_page.tree, window.meeting_page.editor, room.people, *room.person_buttons):
        assert needed in reached, f"{needed.accessibleName() or needed} is not reached with Tab"

    button = room.person_buttons[0]
    window.meeting_page.tree.setFocus()
    unfocused = picture(button)
    while QApplication.focusWidget() is not button:
        secretary.press("Tab")
    # A ring around the control, not a dotted hint: at least a line of pixels all the way round.
    ring = 2 * (button.width() + button.height())
    assert ring_pixels(unfocused) == 0
    assert ring_pixels(picture(button)) >= ring


def test_every_stop_of_the_tab_key_shows_the_ring(secretary: Secretary) -> None:
    """Wherever Tab goes in the live window, the control it lands on is ringed (not only the room's buttons)."""
    window = secretary.window
    window.meeting_page.tree.setFocus()
    checked: dict[str, int] = {}
    for _ in range(40):
        secretary.press("Tab")
        focused = QApplication.focusWidget()
        if focused is None or not focused.isVisible():
            continue
        name = f"{type(focused).__name__} {focused.accessibleName() or focused.objectName()}"
        if name not in checked:
            checked[name] = ring_pixels(picture(focused))
    faint = {name: pixels for name, pixels in checked.items() if pixels < 40}  # a side of ring at the least
    assert not faint, f"focus not visible on {faint}"
    assert len(checked) >= 8, sorted(checked)


def _menu_actions(window: QMainWindow) -> set[QAction]:
    found: set[QAction] = set()

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            found.add(action)
            if action.menu() is not None:
                walk(action.menu())  # type: ignore[arg-type]

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())  # type: ignore[arg-type]
    return found


def test_every_button_of_the_live_window_has_a_way_in_without_the_mouse(secretary: Secretary) -> None:
    """Each button is a Tab stop, or does what a shortcut or a menu entry (Alt, arrows) does: the minute's
    phrase buttons take no focus from typing, so they are in Edit > Minute too."""
    window = secretary.window
    in_menus = _menu_actions(window)
    mouse_only = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.objectName() == "qt_toolbar_ext_button":
            continue
        action = button.defaultAction() if isinstance(button, QToolButton) else None
        if button.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if action is not None and (not action.shortcut().isEmpty() or action in in_menus):
            continue
        mouse_only.append(button.accessibleName() or button.text())
    assert mouse_only == []


@pytest.mark.qt_log_ignore("does not support raise")
def test_custom_widgets_say_what_they_are_and_their_state(secretary: Secretary, qtbot: QtBot) -> None:
    badge = secretary.window.live.room.badge
    assert badge.accessibleName().startswith("Quorum: quorate")
    assert "needed" in badge.accessibleDescription()

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(440, 150)
    assert pad.accessibleName() == "Signature pad, empty"
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPointF(40, 60).toPoint())
    qtbot.mouseMove(pad, QPointF(200, 90).toPoint())
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPointF(220, 80).toPoint())
    assert pad.accessibleName() == "Signature pad, signed"

    view = PdfPackView()
    qtbot.addWidget(view)
    assert view.accessibleName() == "Pack pages"
    view.page_changed.emit(3)
    assert view.accessibleDescription().startswith("Page 3 of")

    # the reader's page, turned with the keyboard, says where it is
    secretary.press("Ctrl+Shift+B")
    reader = next(w for w in QApplication.topLevelWidgets() if w.windowTitle().startswith("Reader"))
    qtbot.waitUntil(reader.isVisible)
    secretary.activate(reader)
    page = reader.view  # type: ignore[attr-defined]
    before = page.current_page()
    secretary.press("Alt+Right")
    assert page.accessibleName() and page.accessibleDescription() == f"Page {before + 1} of {page.page_count()}"
