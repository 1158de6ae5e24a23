"""The import review step on real widgets: the secretary checks the draft agenda; nothing is saved until accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from app import paths
from app.domain import Part, Purpose
from app.packs import DraftPack, read_pack
from app.storage import Store
from app.ui.application import make_application
from app.ui.import_review import GUESSED_TIP, DraftAgendaModel, ImportReviewDialog, _bump, _is_child
from app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
DEMO_PACK = REPO / "resources" / "demo-pack-icb-2023-09-29.txt"
M = DraftAgendaModel


@pytest.fixture(scope="module")
def demo_draft() -> DraftPack:
    return read_pack(DEMO_PACK)


def _dialog(qtbot: QtBot, draft: DraftPack) -> ImportReviewDialog:
    make_application()
    dialog = ImportReviewDialog(draft)
    dialog.confirm_discard = lambda: True  # type: ignore[method-assign]  # closing at teardown must not block
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _numbers(dialog: ImportReviewDialog) -> list[str]:
    return [row.number for row in dialog.model.rows()]


def _row(dialog: ImportReviewDialog, number: str) -> int:
    return _numbers(dialog).index(number)


def _select(dialog: ImportReviewDialog, number: str, column: int = M.COL_TITLE) -> None:
    dialog.grid.setCurrentIndex(dialog.model.index(_row(dialog, number), column))
    dialog.grid.setFocus()


def _key(qtbot: QtBot, dialog: ImportReviewDialog, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    dialog.activateWindow()
    dialog.grid.setFocus()
    qtbot.waitUntil(dialog.grid.hasFocus, timeout=2000)
    qtbot.keyClick(dialog.grid, key, modifier)


def test_the_grid_shows_every_item_as_written(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    model = dialog.model
    assert model.rowCount() == len(demo_draft.items)
    assert _numbers(dialog) == [item.number for item in demo_draft.items]
    first = demo_draft.items[0]
    assert model.index(0, M.COL_TITLE).data() == first.title
    assert model.index(0, M.COL_TIME).data() == "10:00"
    assert model.index(0, M.COL_PART).data() == "I"
    # Nesting is read from the numbers: 6.4 sits under 6.
    assert model.index(_row(dialog, "6"), 0).data(M.DepthRole) == 0
    assert model.index(_row(dialog, "6.4"), 0).data(M.DepthRole) == 1
    assert str(len(demo_draft.items)) in dialog.count_label.text()
    assert dialog.people.rowCount() == len(demo_draft.people)
    assert dialog.title_edit.text() == demo_draft.meeting_title
    assert dialog.meeting_date() == demo_draft.meeting_date


def test_guessed_fields_are_marked_until_the_secretary_edits_them(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    model = dialog.model
    row = _row(dialog, "4")  # "Questions from the Public": presenter and purpose guessed
    presenter = model.index(row, M.COL_PRESENTER)
    purpose = model.index(row, M.COL_PURPOSE)
    title = model.index(row, M.COL_TITLE)
    assert presenter.data(M.GuessedRole) and purpose.data(M.GuessedRole)
    assert presenter.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert GUESSED_TIP in presenter.data(Qt.ItemDataRole.ToolTipRole)
    assert not title.data(M.GuessedRole)
    assert title.data(Qt.ItemDataRole.BackgroundRole) is None

    assert model.setData(presenter, "Dr Rima Makarem, Chair")
    assert not presenter.data(M.GuessedRole)
    assert presenter.data(Qt.ItemDataRole.BackgroundRole) is None
    assert purpose.data(M.GuessedRole)  # only the edited field is cleared
    assert model.setData(purpose, Purpose.DISCUSS.value)
    assert purpose.data() == "Discuss"

    item = dialog.reviewed_draft().items[row]
    assert item.presenter == "Dr Rima Makarem, Chair"
    assert item.purpose is Purpose.DISCUSS
    assert item.uncertain == frozenset()
    # Confirming a guess unchanged (open the editor, press Return) also clears the mark.
    other = model.index(_row(dialog, "5"), M.COL_PRESENTER)
    assert model.setData(other, other.data(Qt.ItemDataRole.EditRole))
    assert not other.data(M.GuessedRole)


def test_a_title_is_edited_with_the_keyboard(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    _select(dialog, "6.4")
    _key(qtbot, dialog, Qt.Key.Key_Return)  # Return edits the cell; it does not press "Save meeting"
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    assert dialog.grid.isAncestorOf(editor), (editor, editor.accessibleName(), editor.text())
    editor.selectAll()
    qtbot.keyClicks(editor, "Section 75 Agreements (revised)")
    assert editor.text() == "Section 75 Agreements (revised)"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: dialog.model.row_at(_row(dialog, "6.4")).title == "Section 75 Agreements (revised)")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()


def test_bad_values_are_refused_with_a_message(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    model = dialog.model
    row = _row(dialog, "6.1")
    time_index = model.index(row, M.COL_TIME)
    assert not model.setData(time_index, "25:99")
    assert time_index.data() == "10:25"
    assert "HH:MM" in dialog.status.text()
    assert not model.setData(model.index(row, M.COL_TITLE), "   ")
    assert "title" in dialog.status.text()
    assert not model.setData(model.index(row, M.COL_NUMBER), "")
    assert not model.setData(model.index(row, M.COL_NUMBER), "6.2")
    assert "already numbered 6.2" in dialog.status.text()
    assert not model.setData(model.index(row, M.COL_PAGES), "64-13")
    assert not model.setData(model.index(row, M.COL_PART), "III")

    assert model.setData(time_index, "10.30")  # as UK packs write it
    assert time_index.data() == "10:30"
    assert model.setData(model.index(row, M.COL_PAGES), "13 - 64")
    assert model.index(row, M.COL_PAGES).data() == "13–64"
    assert model.setData(model.index(row, M.COL_PART), int(Part.TWO))
    item = dialog.reviewed_draft().items[row]
    assert (item.first_page, item.last_page, item.part) == (13, 64, Part.TWO)
    assert model.setData(time_index, "")
    assert dialog.reviewed_draft().items[row].planned_time is None


def test_nest_and_un_nest_renumber_the_item_and_its_sub_items(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    _select(dialog, "7")
    _key(qtbot, dialog, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    numbers = _numbers(dialog)
    assert numbers[numbers.index("6.4") : numbers.index("8")] == ["6.4", "6.5", "6.5.1", "6.5.2", "6.5.3"]
    assert dialog.model.depth(_row(dialog, "6.5.1")) == 2
    assert dialog.current_row() == _row(dialog, "6.5")
    assert "now 6.5" in dialog.status.text()

    _key(qtbot, dialog, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert _numbers(dialog) == [item.number for item in demo_draft.items]

    # Un-nesting 6.2 moves it after 6's other sub-items; 7 is taken, so the items after make room.
    _select(dialog, "6.2")
    dialog.unnest_item()
    numbers = _numbers(dialog)
    start = numbers.index("6")
    assert numbers[start : start + 10] == ["6", "6.1", "6.3", "6.4", "7", "8", "8.1", "8.2", "8.3", "9"]
    assert dialog.model.row_at(numbers.index("7")).title == demo_draft.items[_numbers_of(demo_draft).index("6.2")].title
    assert numbers[-1] == "10.3"

    _select(dialog, "1")
    dialog.nest_item()
    assert "no item above 1" in dialog.status.text()
    assert _numbers(dialog)[0] == "1"


def _numbers_of(draft: DraftPack) -> list[str]:
    return [item.number for item in draft.items]


def test_add_remove_and_move_with_the_keyboard(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    model = dialog.model
    _select(dialog, "6.4")
    _key(qtbot, dialog, Qt.Key.Key_Insert)
    new_row = _row(dialog, "6.5")
    assert new_row == _row(dialog, "6.4") + 1
    assert model.index(new_row, M.COL_TITLE).data(M.GuessedRole)  # "New item" asks to be given a title
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the title is open for typing
    editor.selectAll()
    qtbot.keyClicks(editor, "Urgent item: winter vaccination")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.row_at(new_row).title == "Urgent item: winter vaccination")
    assert not model.index(new_row, M.COL_TITLE).data(M.GuessedRole)

    # Adding after 2 when 3 exists: the items after make room (3 → 4 … 9 → 10, with their sub-items).
    _select(dialog, "2")
    dialog.add_item()
    dialog.grid.setFocus()  # leave the new title's editor open; it commits nothing until typed in
    numbers = _numbers(dialog)
    assert numbers[numbers.index("2") : numbers.index("2") + 3] == ["2", "3", "4"]
    assert "10.3" in numbers and "7.5" in numbers and "6.5" not in numbers
    assert model.row_at(numbers.index("3")).title == "New item"

    _select(dialog, "3")
    _key(qtbot, dialog, Qt.Key.Key_Delete)
    assert "3" not in _numbers(dialog)
    assert model.rowCount() == len(demo_draft.items) + 1

    # Ctrl+Up moves an item with its sub-items past the one above; numbers stay as written.
    _select(dialog, "7.3")
    _key(qtbot, dialog, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    numbers = _numbers(dialog)
    assert numbers[numbers.index("7") : numbers.index("7") + 6] == ["7", "7.1", "7.3", "7.2", "7.4", "7.5"]
    _select(dialog, "8")
    _key(qtbot, dialog, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    numbers = _numbers(dialog)
    assert numbers.index("9") < numbers.index("8") < numbers.index("8.1")
    assert dialog.current_row() == numbers.index("8")
    _select(dialog, "1.1")
    dialog.move_item(-1)
    assert "already the first" in dialog.status.text()


def test_a_paper_tabled_on_the_day_is_kept_on_the_result(
    qtbot: QtBot, demo_draft: DraftPack, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, demo_draft)
    paper = tmp_path / "Reports from Places.pdf"
    monkeypatch.setattr(dialog, "choose_paper_file", lambda: str(paper))
    _select(dialog, "8.1")
    dialog.paper_button.click()
    row = _row(dialog, "8.1")
    assert dialog.model.index(row, M.COL_PAPER).data() == "Reports from Places.pdf"
    assert dialog.tabled_papers() == {row: str(paper)}


def test_escape_with_changes_asks_before_discarding(
    qtbot: QtBot, demo_draft: DraftPack, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, demo_draft)
    asked: list[bool] = []

    def refuse() -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(dialog, "confirm_discard", refuse)
    dialog.title_edit.setText("Board meeting")
    dialog.title_edit.textEdited.emit("Board meeting")
    dialog.reject()
    assert asked == [True]
    assert dialog.isVisible()


def _window(qtbot: QtBot, data_dir: Path) -> tuple[MainWindow, Store]:
    make_application()
    store = Store.open(paths.database_path(data_dir))
    window = MainWindow(store, data_dir)
    qtbot.addWidget(window)
    window.show()
    return window, store


def test_cancelling_the_review_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    window, store = _window(qtbot, tmp_path)

    def cancel_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportReviewDialog):
            dialog.reject()
        else:
            QTimer.singleShot(50, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    window.import_pack(DEMO_PACK)  # the real review step, run modally and cancelled
    qtbot.waitUntil(lambda: "nothing was saved" in window.statusBar().currentMessage(), timeout=10000)
    assert store.meetings() == []
    store.close()


def test_accepting_saves_exactly_the_reviewed_agenda(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, store = _window(qtbot, tmp_path)
    seen: list[ImportReviewDialog] = []

    def review(draft: DraftPack) -> DraftPack | None:
        dialog = ImportReviewDialog(draft, window)
        dialog.confirm_discard = lambda: True  # type: ignore[method-assign]
        qtbot.addWidget(dialog)
        seen.append(dialog)
        model = dialog.model
        model.setData(model.index(_row(dialog, "6.4"), M.COL_TITLE), "Section 75 Agreements (revised)")
        dialog.grid.setCurrentIndex(model.index(_row(dialog, "9.3"), 0))
        dialog.remove_item()
        dialog.title_edit.setText("ICB Board, 29 September 2023")
        dialog.venue_edit.setText("Rufus Centre, Flitwick")
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.reviewed_draft()

    monkeypatch.setattr(window, "review_import", review)
    window.import_pack(DEMO_PACK)
    qtbot.waitUntil(lambda: len(store.meetings()) == 1, timeout=10000)
    reviewed = seen[0].reviewed_draft()
    meeting = store.meetings()[0]
    assert meeting.title == "ICB Board, 29 September 2023"
    assert meeting.venue == "Rufus Centre, Flitwick"
    saved = store.items(meeting.id or 0)
    assert [(i.number, i.title, i.presenter, i.purpose, i.planned_time) for i in saved] == [
        (i.number, i.title, i.presenter, i.purpose, i.planned_time) for i in reviewed.items
    ]
    assert len(saved) == len(read_pack(DEMO_PACK).items) - 1
    assert any(i.title == "Section 75 Agreements (revised)" for i in saved)
    assert "9.3" not in [i.number for i in saved]
    assert window.pages.currentWidget() is window.meeting_page
    store.close()


def test_an_unfinished_review_cannot_be_saved(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    dialog.title_edit.setText("")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "title" in dialog.status.text()


def test_draft_agenda_model_passes_qt_model_checks(qtmodeltester, demo_draft: DraftPack) -> None:  # type: ignore[no-untyped-def]
    model = DraftAgendaModel()
    model.set_rows(demo_draft.items)
    qtmodeltester.check(model)
    assert model.headerData(M.COL_TITLE, Qt.Orientation.Horizontal) == "Title"
    assert model.index(0, 0).data(M.RowRole).number == demo_draft.items[0].number


@pytest.mark.parametrize(
    ("number", "expected"),
    [("6.4", "6.5"), ("7", "8"), ("1.", "2."), ("2(a)", "2(b)"), ("3a", "3b"), ("9", "10"), ("iv", None)],
)
def test_next_number_at_the_same_level(number: str, expected: str | None) -> None:
    assert _bump(number) == expected


def test_nesting_is_read_from_numbers() -> None:
    assert _is_child("6.4", "6") and _is_child("2(a)", "2") and _is_child("3a", "3")
    assert not _is_child("10", "1") and not _is_child("6", "6")


def test_an_ambiguous_agenda_says_needs_checking_with_its_fields_in_amber(qtbot: QtBot, tmp_path: Path) -> None:
    """Two numbered lists in one type: the reader cannot tell which is the agenda, and the review says so."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "two-lists.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, A4[1] - 60, "Committee meeting, 3 March 2025")
    for block, titles in enumerate((["Welcome", "Minutes", "Finance", "Close"], ["Roads", "Parks", "Bins", "Lights"])):
        for n, title in enumerate(titles):
            pdf.drawString(60, A4[1] - 100 - 200 * block - 18 * n, f"{n + 1}. {title}")
    pdf.showPage()
    pdf.save()
    dialog = _dialog(qtbot, read_pack(path))
    assert dialog.needs_checking.isVisible() and "Needs checking" in dialog.needs_checking.text()
    titles = [dialog.model.index(r, M.COL_TITLE) for r in range(dialog.model.rowCount())]
    assert titles and all(t.data(Qt.ItemDataRole.BackgroundRole) is not None for t in titles)
    assert "read cleanly" not in " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_a_clear_agenda_does_not_say_needs_checking(qtbot: QtBot, demo_draft: DraftPack) -> None:
    dialog = _dialog(qtbot, demo_draft)
    assert not dialog.needs_checking.isVisible()


def test_guessed_meeting_fields_are_amber_and_the_review_says_needs_checking(
    qtbot: QtBot, demo_draft: DraftPack
) -> None:
    from dataclasses import replace

    dialog = _dialog(qtbot, replace(demo_draft, meeting_uncertain=frozenset({"venue", "title"}), warnings=()))
    assert dialog.venue_edit.property("guessed") and dialog.title_edit.property("guessed")
    assert not dialog.body_edit.property("guessed")
    assert dialog.needs_checking.isVisible() and "title, venue were guessed" in dialog.needs_checking.text()
    assert "read cleanly" not in " ".join(label.text() for label in dialog.findChildren(QLabel))
