"""(16.12) The library: the same pack imported twice, the status column, finding, archiving and deleting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import DEMO_PACK
from tests.journeys.harness import Secretary
from tests.journeys.test_meeting_journey import import_the_pack


@pytest.fixture
def secretary(qtbot: QtBot, tmp_path: Path) -> Iterator[Secretary]:
    opened = Secretary(qtbot, tmp_path)
    yield opened
    opened.window.close()
    opened.store.close()


def press_button(secretary: Secretary, box: QWidget, starting: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "").startswith(starting))
    secretary.click(button)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_same_pack_twice_then_archive_and_delete(secretary: Secretary) -> None:
    window, library = secretary.window, secretary.window.library
    import_the_pack(secretary, DEMO_PACK)
    first = secretary.meeting_id()
    secretary.press("Ctrl+L")
    assert library.count() == 1
    row = library.list.topLevelItem(0)
    assert row is not None and row.text(3) == "Draft"  # the status column

    # the same file again: warned, and Enter opens the meeting already there
    seen: list[str] = []

    def warned(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        assert box.defaultButton() is not None and box.defaultButton().text().replace("&", "").startswith("Open")
        secretary.press("Return")

    secretary.choose_file(DEMO_PACK)
    secretary.answer(QMessageBox, warned)
    secretary.press("Ctrl+O")
    secretary.qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "already in the library" in seen[0]
    secretary.qtbot.waitUntil(lambda: window.pages.currentWidget() is window.meeting_page)
    assert secretary.meeting_id() == first and len(secretary.store.meetings()) == 1

    # or as a revision of it: still one meeting
    def revise(box: QWidget) -> None:
        press_button(secretary, box, "Treat as a revision")

    secretary.press("Ctrl+L")
    secretary.choose_file(DEMO_PACK)
    secretary.answer(QMessageBox, revise)
    secretary.press("Ctrl+O")
    secretary.qtbot.waitUntil(lambda: "revised pack" in window.statusBar().currentMessage(), timeout=20_000)
    assert len(secretary.store.meetings()) == 1

    # finding: by words of the title or the date, and by status
    secretary.press("Ctrl+L")
    secretary.click(library.search)
    secretary.type("September 2023")
    assert library.count() == 1
    secretary.type(" nothing-like-this")
    assert library.count() == 0
    library.search.clear()
    library.status_filter.setFocus()
    secretary.press("End")  # "Signed"
    assert library.count() == 0
    secretary.press("Home")
    assert library.count() == 1

    # archiving hides it until asked for; deleting asks first, and No is the default
    secretary.click(library.archive_button)
    assert library.count() == 0
    secretary.click(library.show_archived)
    assert library.count() == 1
    row = library.list.topLevelItem(0)
    assert row is not None and row.text(3) == "Draft · archived"

    def keep(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        secretary.press("Return")

    secretary.answer(QMessageBox, keep)
    secretary.click(library.delete_button)
    assert len(secretary.store.meetings()) == 1

    def delete(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        secretary.click(box.button(QMessageBox.StandardButton.Yes))

    secretary.answer(QMessageBox, delete)
    secretary.click(library.delete_button)
    assert secretary.store.meetings() == [] and library.count() == 0
    assert [e.action for e in secretary.store.audit_entries() if e.entity == "meeting"][-2:] == ["archive", "delete"]
    assert secretary.store.verify_audit_chain() == []
    assert secretary.unanswered == 0
