"""Body ▸ Name and house style… and Body ▸ Rules… driven with real keys and clicks: every setting both ways, and
no change dropped on close without asking."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.body_settings import FieldSpec, field_specs
from app.domain import PRESETS, rules_to_dict
from app.domain.house_style import HOUSE_STYLES, HouseStyle, style_to_dict
from app.storage import Store
from app.ui.application import make_application
from app.ui.body_settings_dialog import BodySettingsDialog
from app.ui.people_dialogs import RulesDialog
from tests.unit.test_body_settings import alternatives


@pytest.fixture
def meeting_id(store: Store) -> int:
    make_application()
    return commands.ensure_demo_meeting(store)


def _retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(line, text)


def _enter(qtbot: QtBot, editor: QWidget, spec: FieldSpec, value: Any) -> None:
    """Put a JSON-like value into a generic editor the way a person would: clicks, arrow keys, typing."""
    if isinstance(editor, QCheckBox):
        if editor.isChecked() != bool(value):
            qtbot.mouseClick(editor, Qt.MouseButton.LeftButton, pos=QPoint(6, editor.height() // 2))
    elif isinstance(editor, QComboBox) and not editor.isEditable():
        target = editor.findData(value)
        assert target >= 0, f"{spec.name}: {value!r} is not offered"
        while editor.currentIndex() != target:
            key = Qt.Key.Key_Down if editor.currentIndex() < target else Qt.Key.Key_Up
            qtbot.keyClick(editor, key)
    elif isinstance(editor, QComboBox):
        line = editor.lineEdit()
        assert line is not None
        _retype(qtbot, line, str(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
        lines = [str(v) for v in value] if spec.kind == "list" else [json.dumps(value)]
        for number, text in enumerate(lines):
            if number:
                qtbot.keyClick(editor, Qt.Key.Key_Return)
            qtbot.keyClicks(editor, text)
    elif isinstance(editor, QLineEdit):
        from app.commands.body_settings import format_value

        _retype(qtbot, editor, format_value(spec, value))
    else:  # pragma: no cover - a new kind of editor needs a way in here
        raise AssertionError(f"no way to type into {type(editor).__name__}")


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _style(store: Store, body_id: int) -> dict[str, Any]:
    return json.loads(json.dumps(style_to_dict(store.body(body_id).style)))  # type: ignore[no-any-return]


def test_every_house_style_field_the_name_and_the_title_change_both_ways(
    qtbot: QtBot, store: Store, meeting_id: int
) -> None:
    body_id = store.meeting(meeting_id).body_id
    dialog = BodySettingsDialog(store, body_id, meeting_id)
    qtbot.addWidget(dialog, before_close_func=_discard_on_close)
    dialog.show()
    qtbot.waitExposed(dialog)
    presets = [json.loads(json.dumps(style_to_dict(s))) for s in HOUSE_STYLES.values()]
    specs = field_specs(HouseStyle)
    assert set(dialog.form.editors) == {s.name for s in specs}  # one editor per field, none forgotten
    for spec in specs:
        editor = dialog.form.editors[spec.name]
        before = _style(store, body_id)[spec.name]
        for value in alternatives(spec, before, presets):
            _enter(qtbot, editor, spec, value)
            if dialog.save_button.isEnabled():
                break
        _click(qtbot, dialog.save_button)
        assert _style(store, body_id)[spec.name] != before, f"style.{spec.name} was not changed in the window"
        _enter(qtbot, editor, spec, before)
        _click(qtbot, dialog.save_button)
        assert _style(store, body_id)[spec.name] == before, f"style.{spec.name} did not change back"

    name, title = store.body(body_id).name, store.meeting(meeting_id).title
    _retype(qtbot, dialog.body_name, "Renamed Board")
    _retype(qtbot, dialog.meeting_title, "A new title")
    _click(qtbot, dialog.save_button)
    assert (store.body(body_id).name, store.meeting(meeting_id).title) == ("Renamed Board", "A new title")
    _retype(qtbot, dialog.body_name, name)
    _retype(qtbot, dialog.meeting_title, title)
    _click(qtbot, dialog.save_button)
    assert (store.body(body_id).name, store.meeting(meeting_id).title) == (name, title)


def test_a_house_style_preset_and_a_refused_value(qtbot: QtBot, store: Store, meeting_id: int) -> None:
    body_id = store.meeting(meeting_id).body_id
    dialog = BodySettingsDialog(store, body_id, meeting_id)
    qtbot.addWidget(dialog, before_close_func=_discard_on_close)
    dialog.show()
    for name in ("Council committee", "NHS board"):
        _enter(qtbot, dialog.preset, FieldSpec("preset", "choice"), name)
        _click(qtbot, dialog.save_button)
        assert store.body(body_id).style == HOUSE_STYLES[name]
    heading = dialog.form.editors["heading"]
    assert isinstance(heading, QComboBox)
    line = heading.lineEdit()
    assert line is not None
    _retype(qtbot, line, "Minutes")
    assert not dialog.save_button.isEnabled()
    assert "style.heading" in dialog.message.text()
    assert dialog.preset.currentText() == "Custom"


def _discard_on_close(dialog: QWidget) -> None:
    """At the end of a test a dialog left with changes would ask; say Discard, so the test never hangs."""
    if isinstance(dialog, BodySettingsDialog | RulesDialog) and dialog.isVisible() and dialog.has_changes():
        seen: list[str] = []
        QTimer.singleShot(0, lambda: _click_when_asked(QMessageBox.StandardButton.Discard, seen))
        dialog.reject()


def _click_when_asked(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _click_when_asked(button, seen))
        return
    seen.append(box.text())
    clicked = box.button(button)
    assert clicked is not None
    clicked.click()


def _answer_box(qtbot: QtBot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """When the question box is up, note its text and click `button`."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        clicked = box.button(button)
        assert clicked is not None, f"the box offers no {button}"
        qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def _rules_dialog(qtbot: QtBot, store: Store, body_id: int) -> RulesDialog:
    dialog = RulesDialog(store, body_id)
    qtbot.addWidget(dialog, before_close_func=_discard_on_close)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_rules_dialog_asks_before_dropping_a_changed_preset(qtbot: QtBot, store: Store, meeting_id: int) -> None:
    body_id = store.meeting(meeting_id).body_id
    saved = rules_to_dict(store.body(body_id).rules)
    dialog = _rules_dialog(qtbot, store, body_id)
    _enter(qtbot, dialog.preset, FieldSpec("preset", "choice"), "charity_trustees")
    seen: list[str] = []
    _answer_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen == ["Save the changes to the rules before closing?"] and dialog.isVisible()
    _answer_box(qtbot, QMessageBox.StandardButton.Discard, seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(seen) == 2 and not dialog.isVisible()
    assert rules_to_dict(store.body(body_id).rules) == saved

    dialog = _rules_dialog(qtbot, store, body_id)
    _enter(qtbot, dialog.preset, FieldSpec("preset", "choice"), "charity_trustees")
    _answer_box(qtbot, QMessageBox.StandardButton.Save, seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(seen) == 3 and not dialog.isVisible()
    assert rules_to_dict(store.body(body_id).rules) == rules_to_dict(PRESETS["charity_trustees"])

    dialog = _rules_dialog(qtbot, store, body_id)  # nothing changed: closes without a question
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(seen) == 3 and not dialog.isVisible()


def test_the_rule_preset_and_each_rule_choice_change_both_ways(qtbot: QtBot, store: Store, meeting_id: int) -> None:
    body_id = store.meeting(meeting_id).body_id
    dialog = _rules_dialog(qtbot, store, body_id)
    for key in ("local_authority_committee", "nhs_board"):
        _enter(qtbot, dialog.preset, FieldSpec("preset", "choice"), key)
        _click(qtbot, dialog.save_button)
        assert rules_to_dict(store.body(body_id).rules) == rules_to_dict(PRESETS[key])
    editors: dict[str, tuple[QWidget, FieldSpec]] = {}
    specs = {s.name: s for s in field_specs(type(store.body(body_id).rules))}
    for name, combo in dialog.combos.items():
        editors[name] = (combo, specs[name])
    for name, check in dialog.checks.items():
        editors[name] = (check, specs[name])
    for name, editor in dialog.more.editors.items():  # rule fields without a dedicated editor
        editors[name] = (editor, specs[name])
    presets = [rules_to_dict(r) for r in PRESETS.values()]
    for name, (editor, spec) in editors.items():
        before = rules_to_dict(store.body(body_id).rules)[name]
        for value in alternatives(spec, before, presets):
            _enter(qtbot, editor, spec, value)
            if dialog.save_button.isEnabled():
                break
        _click(qtbot, dialog.save_button)
        assert rules_to_dict(store.body(body_id).rules)[name] != before, f"rules.{name} was not changed"
        _enter(qtbot, editor, spec, before)
        _click(qtbot, dialog.save_button)
        assert rules_to_dict(store.body(body_id).rules)[name] == before, f"rules.{name} did not change back"


def test_the_body_menu_opens_name_and_house_style(
    qtbot: QtBot, store: Store, meeting_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.main_window import MainWindow

    window = MainWindow(store, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.open_meeting(meeting_id)
    body_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Body")
    assert window.body_settings_action in body_menu.actions() and window.body_settings_action.isEnabled()
    opened: list[BodySettingsDialog] = []

    def fake_exec(dialog: BodySettingsDialog) -> int:
        opened.append(dialog)
        _retype(qtbot, dialog.meeting_title, "Retitled in the window")
        _click(qtbot, dialog.save_button)
        return 0

    monkeypatch.setattr(BodySettingsDialog, "exec", fake_exec)
    window.body_settings_action.trigger()
    assert opened and store.meeting(meeting_id).title == "Retitled in the window"
    assert "Retitled in the window" in window.windowTitle()
