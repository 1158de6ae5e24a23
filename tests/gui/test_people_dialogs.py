"""The People, Register of interests and Rules dialogs on real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app import commands as app_commands
from app import paths
from app.commands import people as commands
from app.domain import PRESETS, Person, Tier
from app.domain.rules import InterestKind
from app.storage import Store
from app.storage.people import RegisterRow
from app.storage.people import register as load_register
from app.ui.application import make_application
from app.ui.people_dialogs import (
    InterestRulesModel,
    PeopleDialog,
    PeopleModel,
    RegisterDialog,
    RegisterModel,
    RulesDialog,
)


def _body_with_people(store: Store) -> int:
    body = store.ensure_body("ICB Board")
    assert body.id is not None
    rows = [
        ("Rima Makarem", "RM", "Chair", ("chair",)),
        ("Mahesh Shah", "MS", "Non-Executive Member", ("non-executive",)),
        ("Felicity Cox", "FC", "Chief Executive", ("executive",)),
        ("Michael Bracey", "MB", "Chief Executive, Milton Keynes Council", ("partner",)),
        ("Laura Church", "LC", "Chief Executive, Bedford Borough Council", ("partner",)),
    ]
    for name, initials, role, tags in rows:
        commands.add_person(store, Person(None, body.id, name, role=role, initials=initials, role_tags=tags))
    people = {p.name: p for p in store.people(body.id)}
    commands.add_interest(
        store,
        RegisterRow(None, people["Michael Bracey"].id or 0, non_financial_professional=True, details="Employee of MK"),
    )
    commands.add_interest(store, RegisterRow(None, people["Laura Church"].id or 0, indirect=True, details="Husband"))
    commands.add_interest(store, RegisterRow(None, people["Laura Church"].id or 0, financial=True, details="Shares"))
    return body.id


@pytest.fixture
def body_id(store: Store) -> int:
    make_application()
    return _body_with_people(store)


def test_models_pass_the_model_tester(qtmodeltester, store: Store, body_id: int) -> None:  # type: ignore[no-untyped-def]
    people = PeopleModel(lambda p: p)
    people.set_rows(store.people(body_id))
    qtmodeltester.check(people)
    register = RegisterModel(lambda r: r)
    register.set_register(load_register(store, body_id), {p.id or 0: p.name for p in store.people(body_id)})
    qtmodeltester.check(register)
    rules = InterestRulesModel()
    rules.set_rows(PRESETS["nhs_board"].interest_rules)
    qtmodeltester.check(rules)


def test_people_dialog_edits_a_cell_and_refuses_a_clash(qtbot: QtBot, store: Store, body_id: int) -> None:
    dialog = PeopleDialog(store, body_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # the delegate commits typed text only in the active window
    assert dialog.proxy.rowCount() == 5
    row = dialog.proxy.mapFromSource(dialog.model.index(dialog.model.row_of(_id(store, body_id, "Mahesh Shah")), 0))
    index = dialog.proxy.index(row.row(), PeopleModel.COL_INITIALS)
    dialog.view.setCurrentIndex(index)
    dialog.view.edit(index)
    editor = dialog.view.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "MSh")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: _person(store, body_id, "Mahesh Shah").initials == "MSh")
    assert index.data() == "MSh"

    assert not dialog.proxy.setData(index, "RM")
    assert "Initials RM are already used by Rima Makarem; choose others for Mahesh Shah." in dialog.message.text()
    assert _person(store, body_id, "Mahesh Shah").initials == "MSh"

    voting = dialog.proxy.index(row.row(), PeopleModel.COL_VOTING)
    assert dialog.proxy.setData(voting, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not _person(store, body_id, "Mahesh Shah").voting
    tier = dialog.proxy.index(row.row(), PeopleModel.COL_TIER)
    assert dialog.proxy.setData(tier, "Participant")
    assert _person(store, body_id, "Mahesh Shah").tier is Tier.PARTICIPANT


def test_people_dialog_adds_retires_and_merges(qtbot: QtBot, store: Store, body_id: int) -> None:
    dialog = PeopleDialog(store, body_id)
    qtbot.addWidget(dialog)
    added = dialog.add_person("Marcel Colfait")
    assert added is not None and dialog.proxy.rowCount() == 6
    keep = dialog.add_person("Marcel Coiffait")
    assert keep is not None and keep.id is not None and added.id is not None
    dialog.merge(keep.id, added.id)
    assert dialog.proxy.rowCount() == 6
    assert "alias" in dialog.message.text()
    dialog.select_person(keep.id)
    dialog.retire_selected()
    assert dialog.proxy.rowCount() == 5
    dialog.show_retired.setChecked(True)
    assert dialog.proxy.rowCount() == 6
    assert _person(store, body_id, "Marcel Coiffait").retired


def test_people_dialog_sets_deputies_from_a_checklist(qtbot: QtBot, store: Store, body_id: int) -> None:
    from app.storage.people import deputies

    rima, mahesh, felicity = (_id(store, body_id, n) for n in ("Rima Makarem", "Mahesh Shah", "Felicity Cox"))
    commands.retire_person(store, _id(store, body_id, "Laura Church"))
    dialog = PeopleDialog(store, body_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.headerData(PeopleModel.COL_DEPUTIES, Qt.Orientation.Horizontal) == "Deputies"

    qtbot.mouseClick(dialog.deputies_button, Qt.MouseButton.LeftButton)  # nothing selected
    assert dialog.deputies_dialog is None
    assert "Select one person to choose who may deputise for them." in dialog.message.text()

    dialog.select_person(rima)
    qtbot.mouseClick(dialog.deputies_button, Qt.MouseButton.LeftButton)
    checklist = dialog.deputies_dialog
    assert checklist is not None and checklist.isVisible()
    # the body's other current people: not Rima herself, not Laura Church (retired)
    assert [item.text() for item in checklist.items()] == [
        "Felicity Cox (FC)",
        "Mahesh Shah (MS)",
        "Michael Bracey (MB)",
    ]
    assert checklist.chosen_ids() == []
    for item in checklist.items():
        if item.text().startswith(("Felicity", "Mahesh")):
            item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(checklist.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert deputies(store, rima) == sorted([mahesh, felicity])
    assert dialog.deputies_dialog is None
    assert "May deputise for Rima Makarem: " in dialog.message.text()
    cell = _cell(dialog, rima, PeopleModel.COL_DEPUTIES)
    assert cell.data() == "FC, MS"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "May deputise for Rima Makarem: Felicity Cox, Mahesh Shah."
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
    assert not dialog.proxy.setData(cell, "MB")

    # a new set of initials shows at once in the Deputies column of the person they deputise for
    assert dialog.proxy.setData(_cell(dialog, felicity, PeopleModel.COL_INITIALS), "FCx")
    assert _cell(dialog, rima, PeopleModel.COL_DEPUTIES).data() == "FCx, MS"

    # Cancel changes nothing; a double-click on the Deputies cell opens the checklist too, ticked as saved
    audit = len(store.audit_entries())
    dialog.view.doubleClicked.emit(_cell(dialog, rima, PeopleModel.COL_DEPUTIES))
    checklist = dialog.deputies_dialog
    assert checklist is not None and sorted(checklist.chosen_ids()) == sorted([mahesh, felicity])
    checklist.set_checked(mahesh, False)
    qtbot.mouseClick(checklist.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert deputies(store, rima) == sorted([mahesh, felicity]) and len(store.audit_entries()) == audit

    # a retired deputy stays listed (and ticked) so that saving does not drop them unseen
    commands.retire_person(store, mahesh)
    dialog.reload()
    checklist = dialog.open_deputies(_person(store, body_id, "Rima Makarem"))
    assert checklist is not None
    assert "Mahesh Shah (MS) — retired" in [item.text() for item in checklist.items()]
    checklist.set_checked(mahesh, False)
    qtbot.mouseClick(checklist.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert deputies(store, rima) == [felicity]
    assert _cell(dialog, rima, PeopleModel.COL_DEPUTIES).data() == "FCx"

    assert not dialog.set_deputies(rima, [rima])  # the command's refusal is shown, nothing saved
    assert "Rima Makarem cannot deputise for themself." in dialog.message.text()
    assert deputies(store, rima) == [felicity]
    assert dialog.set_deputies(rima, [])
    assert "No one is set to deputise for Rima Makarem now." in dialog.message.text()
    assert _cell(dialog, rima, PeopleModel.COL_DEPUTIES).data() == ""


def test_people_and_register_dialogs_import_excel(qtbot: QtBot, store: Store, body_id: int, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Surname", "Forename", "Role", "Initials"], ["Bloggs", "Jo", "Lay Member", "JB"]):
        sheet.append(row)
    book.save(tmp_path / "people.xlsx")
    people = PeopleDialog(store, body_id)
    qtbot.addWidget(people)
    people.import_csv(tmp_path / "people.xlsx")
    assert "People from people.xlsx: 1 added, 0 updated." in people.message.text()
    assert _person(store, body_id, "Jo Bloggs").initials == "JB" and people.proxy.rowCount() == 6

    broken = tmp_path / "register.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    register = RegisterDialog(store, body_id)
    qtbot.addWidget(register)
    register.import_csv(broken)
    assert "Not saved:</b> register.xlsx could not be read as an Excel workbook" in register.message.text()
    assert register.proxy.rowCount() == 3


def test_register_dialog_filters_and_edits(qtbot: QtBot, store: Store, body_id: int) -> None:
    dialog = RegisterDialog(store, body_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.proxy.rowCount() == 3
    dialog.set_person_filter(_id(store, body_id, "Laura Church"))
    assert dialog.proxy.rowCount() == 2
    assert dialog.count.text() == "2 of 3 entries"
    dialog.set_kind_filter("indirect")
    assert dialog.proxy.rowCount() == 1
    details = dialog.proxy.index(0, RegisterModel.COL_DETAILS)
    assert details.data() == "Husband"
    assert dialog.proxy.setData(details, "Husband provides consultancy to NHS suppliers")
    financial = dialog.proxy.index(0, RegisterModel.COL_FINANCIAL)
    assert dialog.proxy.setData(financial, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    rows = [r for r in load_register(store, body_id) if r.details.startswith("Husband provides")]
    assert len(rows) == 1 and rows[0].financial and rows[0].indirect
    dialog.set_kind_filter(None)
    dialog.set_person_filter(None)
    assert dialog.proxy.rowCount() == 3
    dialog.set_person_filter(_id(store, body_id, "Felicity Cox"))
    assert dialog.add_entry() is not None
    assert dialog.proxy.rowCount() == 1
    dialog.view.selectRow(0)
    dialog.delete_selected()
    assert dialog.proxy.rowCount() == 0


def test_rules_dialog_switches_presets_and_refuses_bad_rules(qtbot: QtBot, store: Store, body_id: int) -> None:
    dialog = RulesDialog(store, body_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_preset("nhs_board")
    nhs = dialog.sentences.text()
    assert "more than half of the voting members in post" in nhs
    assert "With 5 voting members in post, the quorum is 3." in dialog.example.text()
    dialog.choose_preset("company_model_articles")
    assert dialog.sentences.text() != nhs
    assert "The quorum is 2 voting members" in dialog.sentences.text()

    dialog.quorum_fraction.setText("3/2")
    assert "cannot be right" in dialog.sentences.text() and "quorum_fraction" in dialog.sentences.text()
    assert not dialog.save_button.isEnabled()
    dialog.quorum_fraction.clear()
    assert dialog.save_button.isEnabled()

    kinds = [r.kind for r in dialog.interest_model.rows()]
    financial = dialog.interest_model.index(kinds.index(InterestKind.FINANCIAL.value), InterestRulesModel.COL_LEAVE)
    assert dialog.interest_model.setData(financial, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "Financial interest: may speak first, then must leave the room" in dialog.sentences.text()
    assert dialog.save()
    saved = store.body(body_id).rules
    assert saved.quorum_number == 2 and saved.interest_rule_for("financial").must_leave  # type: ignore[union-attr]

    dialog.choose_preset("society_committee")  # a quorum of three is fine with five voting members
    dialog.quorum_number.setValue(9)
    assert not dialog.save()
    assert "quorum_number 9 is larger than the 5 voting members in post" in dialog.message.text()
    assert store.body(body_id).rules.quorum_number == 2
    dialog.load(store.body(body_id).rules)  # back to what is saved, so closing has nothing to ask about
    assert not dialog.has_changes()


def test_body_menu_opens_the_dialogs_for_the_meetings_body(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.main_window import MainWindow

    make_application()
    store = Store.open(paths.database_path(tmp_path))
    meeting_id = app_commands.ensure_demo_meeting(store)
    window = MainWindow(store, tmp_path)
    qtbot.addWidget(window)
    assert not window.people_action.isEnabled()
    window.open_meeting(meeting_id)
    assert window.people_action.isEnabled() and window.rules_action.isEnabled()
    opened: list[str] = []
    for cls in (PeopleDialog, RegisterDialog, RulesDialog):
        monkeypatch.setattr(cls, "exec", lambda self: opened.append(type(self).__name__) or 0)
    window.people_action.trigger()
    window.register_action.trigger()
    window.rules_action.trigger()
    assert opened == ["PeopleDialog", "RegisterDialog", "RulesDialog"]
    window.show_library()
    assert not window.register_action.isEnabled()
    window.close()
    store.close()


def _person(store: Store, body_id: int, name: str) -> Person:
    return next(p for p in store.people(body_id) if p.name == name)


def _cell(dialog: PeopleDialog, person_id: int, column: int) -> QModelIndex:
    source = dialog.model.index(dialog.model.row_of(person_id), column)
    return dialog.proxy.mapFromSource(source)


def _id(store: Store, body_id: int, name: str) -> int:
    person_id = _person(store, body_id, name).id
    assert person_id is not None
    return person_id
