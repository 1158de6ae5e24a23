"""(16.13) The reader from the window: the member box offers the body's people, and the window is on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
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
    """(16.10) A member's note, ticked "Raise at the meeting" and saved in the reader, is in the room at once
    (it used to wait for the secretary's next action)."""
    from app.commands.live import LiveMeeting
    from app.domain import Presence

    live = LiveMeeting(secretary.store, secretary.meeting_id())
    live.start()
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    item = secretary.item("6.4")
    assert item.id is not None
    live.open_item(item.id)
    secretary.window.open_meeting(secretary.meeting_id())
    secretary.press("Ctrl+Shift+B")
    reader = next(w for w in QApplication.topLevelWidgets() if w.windowTitle().startswith("Reader"))
    secretary.qtbot.waitUntil(reader.isVisible)
    secretary.activate(reader)
    room = secretary.window.live.room
    assert not room.questions.isVisibleTo(secretary.window)
    panel = reader.panel  # type: ignore[attr-defined]
    secretary.click(panel.item_note_button)
    assert secretary.focused() is panel.editor
    secretary.type("Which council carries an overspend?")
    secretary.click(panel.raise_box)
    secretary.click(panel.save_button)
    assert "Which council carries an overspend?" in room.questions.text()  # nothing else needed first
    assert room.questions.isVisibleTo(secretary.window)


@pytest.mark.qt_log_ignore("does not support raise")
def test_an_item_opens_where_its_paper_begins_not_on_the_last_one_s_footnotes(secretary: Secretary) -> None:
    """(16.13) A text pack's page holds what the PDF page held: item 6.4's first page opens with the previous
    paper's footnotes. Chosen in the reader's agenda, the item shows from its cover sheet."""
    secretary.press("Ctrl+Shift+B")
    reader = next(w for w in QApplication.topLevelWidgets() if w.windowTitle().startswith("Reader"))
    secretary.qtbot.waitUntil(reader.isVisible)
    secretary.activate(reader)
    item = secretary.item("6.4")
    view = reader.view  # type: ignore[attr-defined]
    assert item.first_page is not None and not view.page_text(item.first_page).startswith("Date:")
    tree = reader.tree  # type: ignore[attr-defined]
    index = reader.agenda.index_for_item(item.id)  # type: ignore[attr-defined]
    tree.scrollTo(index)
    secretary.click(tree.viewport(), tree.visualRect(index).center())
    assert view.current_page() == item.first_page
    cover = view.document().find("Date:")  # the cover sheet: its first line
    assert view.textCursor().blockNumber() == cover.blockNumber()
    top = view.firstVisibleBlock().blockNumber()
    assert view.cursorRect().top() >= 0 and view.cursorRect().bottom() <= view.viewport().height()  # in view
    lines = [view.document().findBlockByNumber(b).text() for b in range(cover.blockNumber())]
    footnotes = [b for b, line in enumerate(lines) if line[:1] and line[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹"]
    assert footnotes and top > max(footnotes), "the page still opens on the previous paper's footnotes"


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_page_strip_of_a_pdf_pack_shows_thumbnails(secretary: Secretary, tmp_path: Path) -> None:
    """(16.13) The page strip shows each page small, not only its number."""
    from app import commands
    from tests.gui.test_reader import build_pack

    meeting = commands.import_pack(secretary.store, build_pack(tmp_path / "pack.pdf"))
    assert meeting.id is not None
    secretary.window.open_meeting(meeting.id)
    secretary.press("Ctrl+Shift+B")
    reader = next(w for w in QApplication.topLevelWidgets() if w.windowTitle().startswith("Reader"))
    secretary.qtbot.waitUntil(reader.isVisible)
    strip = reader.strip  # type: ignore[attr-defined]
    first = strip.model().index(0, 0)

    def drawn() -> bool:
        picture = first.data(Qt.ItemDataRole.DecorationRole)
        return picture is not None and not picture.isNull() and picture.width() >= 40

    secretary.qtbot.waitUntil(drawn, timeout=10_000)
    assert strip.iconSize().width() >= 40


@pytest.mark.qt_log_ignore("does not support raise")
def test_closing_the_window_with_a_pdf_reader_open_is_clean(qtbot: QtBot, tmp_path: Path) -> None:
    """The window closed and deleted with a PDF reader open (as at quitting): the reader's document was closed
    under a half-destroyed view, a crash that ended the test run (so this test cannot report it: the run stops)."""
    from app import commands, paths
    from app.storage import Store
    from app.ui.main_window import MainWindow
    from tests.gui.test_reader import build_pack

    store = Store.open(paths.database_path(tmp_path))
    meeting = commands.import_pack(store, build_pack(tmp_path / "pack.pdf"))
    assert meeting.id is not None
    window = MainWindow(store, tmp_path)  # not handed to qtbot: it is deleted here
    window.show()
    window.open_meeting(meeting.id)
    first = window.open_reader().strip.model().index(0, 0)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: first.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=10_000)
    window.close()
    store.close()
    window.deleteLater()
    qtbot.wait(200)  # the deferred delete runs here
    again = Secretary(qtbot, tmp_path / "again")
    again.window.close()
    again.store.close()
