"""The review step shows what else the pack holds, asks about names that look like known people, and keeps tabled
papers: on real widgets, through the window's own import."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import commands, paths
from app.commands import people as people_commands
from app.domain import Person
from app.packs import DraftPack, read_pack
from app.packs.model import DraftPerson
from app.storage import Store, library
from app.storage import people as people_storage
from app.ui.application import make_application
from app.ui.import_review import GUESSED_BACKGROUND, ImportReviewDialog
from app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
DEMO_PACK = REPO / "resources" / "demo-pack-icb-2023-09-29.txt"


@pytest.fixture(scope="module")
def demo_draft() -> DraftPack:
    return read_pack(DEMO_PACK)


def _dialog(qtbot: QtBot, draft: DraftPack, store: Store) -> ImportReviewDialog:
    make_application()
    dialog = ImportReviewDialog(draft, duplicates=commands.pack_duplicates(store, draft))
    dialog.confirm_discard = lambda: True  # type: ignore[method-assign]  # closing at teardown must not block
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _tab_titles(dialog: ImportReviewDialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_the_tabs_show_people_register_actions_and_planner_with_counts(
    qtbot: QtBot, demo_draft: DraftPack, store: Store
) -> None:
    dialog = _dialog(qtbot, demo_draft, store)
    d = demo_draft
    assert _tab_titles(dialog) == [
        f"Agenda ({len(d.items)})",
        f"People ({len(d.people)})",
        f"Register of interests ({len(d.interests)})",
        f"Action tracker ({len(d.actions)})",
        f"Decision planner ({len(d.planner)})",
    ]
    assert dialog.interests_table.rowCount() == len(d.interests)
    assert dialog.actions_table.rowCount() == len(d.actions)
    assert dialog.planner_table.rowCount() == len(d.planner)
    assert [dialog.actions_table.item(r, 0).text() for r in range(len(d.actions))] == [a.number for a in d.actions]
    # An owner the importer guessed is amber, as in the agenda grid.
    guessed = [r for r, a in enumerate(d.actions) if "owners" in a.uncertain]
    for row in guessed:
        cell = dialog.actions_table.item(row, 2)
        assert cell.background() == QBrush(GUESSED_BACKGROUND)
        assert cell.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    sure = [r for r, a in enumerate(d.actions) if not a.uncertain and a.deadline.parsed]
    assert sure and dialog.actions_table.item(sure[0], 2).background() != QBrush(GUESSED_BACKGROUND)
    # With no body yet there is nobody to be confused with.
    assert dialog.duplicate_choices == {} and dialog.people_choices() == {}

    dialog.add_item()
    assert dialog.tabs.tabText(0) == f"Agenda ({len(d.items) + 1})"


def test_a_pack_without_a_register_says_so(qtbot: QtBot, demo_draft: DraftPack, store: Store) -> None:
    dialog = _dialog(qtbot, dataclasses.replace(demo_draft, interests=(), planner=()), store)
    assert "Register of interests (0)" in _tab_titles(dialog)
    assert dialog.interests_table.isHidden()


def test_names_like_known_people_are_asked_about_with_the_close_ones_proposed(
    qtbot: QtBot, demo_draft: DraftPack, store: Store
) -> None:
    body = store.ensure_body(demo_draft.body_name)
    assert body.id is not None
    known = {
        name: people_commands.add_person(store, Person(None, body.id, name, initials=initials)).id
        for name, initials in (("Mahesh Shah", "MS"), ("Omotayo Kufeji", "OK"))
    }
    draft = dataclasses.replace(
        demo_draft, people=(DraftPerson("Maresh Shah", "Partner Member", "MS"), DraftPerson("Tayo Kufeji", "Member"))
    )
    dialog = _dialog(qtbot, draft, store)
    assert set(dialog.duplicate_choices) == {"Maresh Shah", "Tayo Kufeji"}
    assert dialog.people_choices() == {"Maresh Shah": known["Mahesh Shah"], "Tayo Kufeji": None}
    assert dialog.duplicate_choices["Maresh Shah"].currentText() == "Same person as Mahesh Shah (MS)"
    assert dialog.duplicate_choices["Tayo Kufeji"].currentText() == "Add as a new person"
    assert dialog.people.item(0, 0).background() == QBrush(GUESSED_BACKGROUND)
    assert dialog.people.item(0, 4).text() == "Same person as Mahesh Shah"

    tayo = dialog.duplicate_choices["Tayo Kufeji"]
    tayo.setCurrentIndex(tayo.findData(known["Omotayo Kufeji"]))
    maresh = dialog.duplicate_choices["Maresh Shah"]
    maresh.setCurrentIndex(maresh.count() - 1)
    assert dialog.people.item(1, 4).text() == "Same person as Omotayo Kufeji"
    assert dialog.people.item(0, 4).text() == "A new person"
    assert dialog.dirty
    assert dialog.outcome().people_choices == {"Maresh Shah": None, "Tayo Kufeji": known["Omotayo Kufeji"]}


def test_importing_through_the_window_merges_as_chosen_and_keeps_the_tabled_paper(qtbot: QtBot, tmp_path: Path) -> None:
    make_application()
    data = tmp_path / "data"
    store = Store.open(paths.database_path(data))
    first = commands.accept_draft(store, read_pack(DEMO_PACK))
    people_before = {p.name for p in store.people(first.body_id)}
    text = DEMO_PACK.read_text(encoding="utf-8")
    text = text.replace("\nMahesh Shah\t", "\nMaresh Shah\t").replace("\nDr Omotayo Kufeji\t", "\nDr Tayo Kufeji\t")
    pack = tmp_path / "october-pack.txt"
    pack.write_text(text, encoding="utf-8")
    paper = tmp_path / "places-update.txt"
    paper.write_text("Places update tabled on the day: the Wixamtree pharmacy pilot", encoding="utf-8")

    window = MainWindow(store, data)
    qtbot.addWidget(window)
    window.show()
    seen: list[dict[str, str]] = []
    asked: list[str] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):  # the same meeting from another file: here, a new meeting
            asked.append(dialog.text())
            next(b for b in dialog.buttons() if b.text().replace("&", "").startswith("Import as a new")).click()
            QTimer.singleShot(50, drive)
            return
        if not isinstance(dialog, ImportReviewDialog):
            QTimer.singleShot(50, drive)
            return
        seen.append({name: combo.currentText() for name, combo in dialog.duplicate_choices.items()})
        tayo = dialog.duplicate_choices["Dr Tayo Kufeji"]
        tayo.setCurrentIndex(0)  # the secretary knows Tayo is Omotayo
        dialog.choose_paper_file = lambda: str(paper)  # type: ignore[method-assign]
        row = next(r for r, item in enumerate(dialog.model.rows()) if item.number.rstrip(".") == "8.1")
        dialog.grid.setCurrentIndex(dialog.model.index(row, 1))
        dialog.paper_button.click()
        dialog.save_button.click()

    QTimer.singleShot(50, drive)
    window.import_pack(pack)
    qtbot.waitUntil(lambda: len(store.meetings()) == 2, timeout=15000)
    assert len(asked) == 1 and "may be a revised pack" in asked[0]
    assert seen == [
        {"Maresh Shah": "Same person as Mahesh Shah (MS)", "Dr Tayo Kufeji": "Add as a new person"},
    ]
    assert {p.name for p in store.people(first.body_id)} == people_before  # nobody twice
    aliases = {a.alias for a in people_storage.aliases(store, first.body_id)}
    assert {"Maresh Shah", "Tayo Kufeji"} <= aliases
    meeting = next(m for m in store.meetings() if m.id != first.id)
    assert meeting.id is not None
    (kept,) = library.tabled_papers(store, meeting.id)
    item = next(i for i in store.items(meeting.id) if i.id == kept.item_id)
    assert item.number.rstrip(".") == "8.1"
    assert [h.kind for h in commands.search(store, "wixamtree")] == ["tabled"]
    assert "tabled on the day" in window.statusBar().currentMessage()
    store.close()
