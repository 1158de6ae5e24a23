"""Searching the library from the window: results as you type, bold matches, opening a hit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.storage import Store
from app.storage.library import MARK_CLOSE, MARK_OPEN, SearchHit
from app.ui.application import make_application
from app.ui.main_window import MainWindow
from app.ui.search_panel import SearchPanel, SearchResultsModel, kind_label, snippet_html

WORD = "zebrafinch"


def _window(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, Store, int]:
    make_application()
    store = Store.open(paths.database_path(data_dir))
    meeting_id = commands.ensure_demo_meeting(store)
    window = MainWindow(store, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.open_meeting(meeting_id)
    return window, store, meeting_id


def _item_id(store: Store, meeting_id: int, number: str) -> int:
    item = next(i for i in store.items(meeting_id) if i.number.rstrip(".") == number)
    assert item.id is not None
    return item.id


def _hits(panel: SearchPanel) -> list[SearchHit]:
    return panel.model.hits()


def _type(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    panel.field.clear()
    qtbot.keyClicks(panel.field, text)


def test_typing_finds_minutes_and_pack_pages_with_bold_matches(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, meeting_id = _window(qtbot, tmp_path)
    minute_item = _item_id(store, meeting_id, "6.4")
    commands.edit_minute(store, minute_item, f"The Board approved the Section 75 agreements ({WORD}).")
    window.open_meeting(meeting_id)  # back on the first item, so opening the hit must move the selection

    window.search_action.trigger()
    panel = window.search_panel()
    assert panel.isVisible()
    assert window.focusWidget() is panel.field  # the window need not be active offscreen
    assert panel.field.accessibleName() == "Search packs and minutes"

    _type(qtbot, panel, "Section 75")
    assert panel.pending  # searching waits for a pause in the typing
    qtbot.waitUntil(lambda: not panel.pending and bool(_hits(panel)), timeout=3000)
    hits = _hits(panel)
    minute = next(h for h in hits if h.kind == "minute")
    pack = next(h for h in hits if h.kind == "pack")
    assert minute.item_id == minute_item
    assert pack.page is not None

    model = panel.model
    minute_row = hits.index(minute)
    pack_row = hits.index(pack)
    minute_html = model.index(minute_row, 0).data(SearchResultsModel.SnippetHtmlRole)
    assert "<b>Section</b>" in minute_html and MARK_OPEN not in minute_html
    assert "<b>" in model.index(pack_row, 0).data(SearchResultsModel.SnippetHtmlRole)
    assert model.index(pack_row, 0).data(SearchResultsModel.KindRole) == f"Pack p. {pack.page}"
    assert model.index(minute_row, 0).data(SearchResultsModel.KindRole) == "Minute"
    assert "Fri 29 Sep 2023" in model.index(minute_row, 0).data(SearchResultsModel.MeetingRole)
    assert MARK_OPEN not in model.index(minute_row, 0).data(Qt.ItemDataRole.DisplayRole)
    assert "results" in panel.message.text()

    # Open the minute hit from the keyboard: Down into the list, to the row, Enter.
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(minute_row, 0))
    with qtbot.waitSignal(panel.open_hit, timeout=1000) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [minute]
    assert window.meeting is not None and window.meeting.id == meeting_id
    assert window.pages.currentWidget() is window.meeting_page
    current = window.current_item()
    assert current is not None and current.id == minute_item
    assert WORD in window.meeting_page.editor.toPlainText()
    assert window.statusBar().currentMessage().startswith("Minute")
    store.close()


def test_a_pack_hit_selects_the_item_its_page_is_in(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, meeting_id = _window(qtbot, tmp_path)
    window.show_library()
    items = [i for i in store.items(meeting_id) if i.first_page is not None]
    target = next(i for i in items if i.number.rstrip(".") == "6.4")
    assert target.first_page is not None
    hit = SearchHit(meeting_id, "Board", "pack", target.first_page, None, "x", 0.0, date(2023, 9, 29))
    window.open_search_hit(hit)
    assert window.pages.currentWidget() is window.meeting_page
    current = window.current_item()
    assert current is not None and current.id == target.id  # the sub-item, not its section "6"
    assert window.statusBar().currentMessage().startswith(f"Pack page {target.first_page}")
    store.close()


def test_search_typed_minute_is_found_and_an_empty_field_clears(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, meeting_id = _window(qtbot, tmp_path)
    item_id = _item_id(store, meeting_id, "2")
    window.meeting_page.tree.setCurrentIndex(window.meeting_page.model.index_for_item(item_id))
    qtbot.keyClicks(window.meeting_page.editor, f"Noted the {WORD} report")
    assert window.meeting_page.editor.pending  # not saved yet: the search writes it first
    window.show_search()
    panel = window.search_panel()
    _type(qtbot, panel, WORD)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)  # Enter searches at once
    assert not panel.pending
    hits = _hits(panel)
    assert [h.kind for h in hits] == ["minute"]
    assert hits[0].marked() == [WORD]
    panel.field.clear()
    assert _hits(panel) == [] and panel.message.isHidden()
    store.close()


def test_a_bad_query_shows_a_message_not_an_error(qtbot: QtBot, tmp_path: Path) -> None:
    window, store, _ = _window(qtbot, tmp_path)
    window.show_search()
    panel = window.search_panel()
    _type(qtbot, panel, "?!* ((")
    qtbot.waitUntil(lambda: not panel.pending, timeout=3000)
    assert _hits(panel) == []
    assert panel.message.isVisible() and panel.message.text()
    _type(qtbot, panel, "qqqxxyyzz")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.message.text() == "Nothing found."
    store.close()


def test_snippet_is_escaped_before_marks_become_bold() -> None:
    snippet = f"a <script> & {MARK_OPEN}b{MARK_CLOSE}\nc"
    assert snippet_html(snippet) == "a &lt;script&gt; &amp; <b>b</b> c"
    hit = SearchHit(1, "M", "pack", 41, None, snippet, 0.0)
    assert kind_label(hit) == "Pack p. 41"


def test_results_model_passes_qt_model_checks(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "q.db")
    commands.ensure_demo_meeting(store)
    model = SearchResultsModel()
    model.set_hits(commands.search(store, "Section 75"))
    assert model.rowCount() > 1
    qtmodeltester.check(model)
    assert isinstance(model.index(0, 0).data(SearchResultsModel.ObjectRole), SearchHit)
    store.close()
