"""(16.13) The reader from the window: the member box offers the body's people, and the window is on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import commands
from tests.journeys.harness import Secretary


@pytest.fixture
def secretary(qtbot: QtBot, tmp_path: Path) -> Iterator[Secretary]:
    opened = Secretary(qtbot, tmp_path)
    meeting_id = commands.ensure_demo_meeting(opened.store)
    opened.window.open_meeting(meeting_id)
    yield opened
    opened.window.close()
    opened.store.close()


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform cannot bring a window forward
def test_the_reader_offers_the_body_s_people_and_opens_on_screen(secretary: Secretary) -> None:
    item = secretary.item("6.4")  # one page of the pack
    assert item.id is not None and item.first_page is not None
    secretary.window.select_item(item.id)
    details = secretary.window.meeting_page.item_details.text()
    assert f"Pack page {item.first_page}" in details and "–" not in details  # not "Pack pages 40–40"
    secretary.window.move(-300, -200)  # the main window partly off the screen: the reader must not follow it
    secretary.press("Ctrl+Shift+B")
    reader = next(w for w in QApplication.topLevelWidgets() if w.windowTitle().startswith("Reader"))
    secretary.qtbot.waitUntil(reader.isVisible)
    choices = [reader.member.itemText(i) for i in range(reader.member.count())]  # type: ignore[attr-defined]
    people = [p.name for p in secretary.record().people if not p.retired]
    assert set(people) <= set(choices)
    area = reader.screen().availableGeometry()
    frame = reader.frameGeometry()
    assert area.contains(frame.topLeft())  # not partly off the top or left, where its title bar would be lost
    # wholly on the screen, unless the screen (800 px offscreen here) is narrower than the reader can be
    smallest = reader.minimumSizeHint()
    assert area.contains(frame.bottomRight()) or (reader.width(), reader.height()) <= (smallest.width() + 1, 804)


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_question_flagged_in_the_reader_reaches_the_room_at_once(secretary: Secretary) -> None:
    from app.commands import notes
    from app.commands.live import LiveMeeting
    from app.domain import Presence
    from app.domain.annotations import AnnotationKind

    live = LiveMeeting(secretary.store, secretary.meeting_id())
    live.start()
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    item = secretary.item("6.4")
    assert item.id is not None
    live.open_item(item.id)
    secretary.window.open_meeting(secretary.meeting_id())
    secretary.press("Ctrl+Shift+B")
    reader = next(w for w in QApplication.topLevelWidgets() if w.windowTitle().startswith("Reader"))
    room = secretary.window.live.room
    assert not room.questions.isVisibleTo(secretary.window)
    notes.annotate(
        secretary.store,
        secretary.meeting_id(),
        reader.owner,  # type: ignore[attr-defined]
        AnnotationKind.ITEM_NOTE,
        item.first_page or 1,
        note="Which council carries an overspend?",
        item_id=item.id,
        raise_at_meeting=True,
    )
    reader.refresh_annotations()  # type: ignore[attr-defined]  # what the reader does after each note
    assert "Which council carries an overspend?" in room.questions.text()  # no other action needed first
