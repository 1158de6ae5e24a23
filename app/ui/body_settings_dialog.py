"""Body ▸ Name and house style…: the body's name, the meeting's title and every house-style setting in one dialog.

The house-style fields are not listed here: `SettingsForm` makes one editor per field of the `HouseStyle`
dataclass, by the field's type (`app.commands.body_settings.field_specs`), so a new field appears without more
code. The Rules dialog uses the same form for rule fields it has no dedicated editor for. Saving goes through
`app.commands.body_settings`; a value that cannot be right is refused with a sentence naming the setting, and
closing with unsaved changes asks first (`ask_to_keep_changes`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.commands import body_settings as commands
from app.commands.body_settings import FieldSpec, SettingRefused
from app.domain.house_style import HOUSE_STYLES, HouseStyle, style_to_dict
from app.storage import StorageError, Store

CUSTOM = "Custom"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def ask_to_keep_changes(parent: QWidget, what: str, can_save: bool) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel, asked when a dialog with unsaved changes is closed (Save is the default)."""
    box = QMessageBox(parent)
    box.setObjectName("unsaved-changes")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    if can_save:
        box.setText(f"Save the changes to the {what} before closing?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
    else:
        box.setText(f"The changes to the {what} cannot be saved as they are. Close and lose them?")
        box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return QMessageBox.StandardButton(box.exec())


class SettingsForm(QWidget):
    """One editor per field of a settings dataclass, by the field's type; `values()` reads them back checked."""

    changed = Signal()

    def __init__(
        self,
        group: str,
        specs: Sequence[FieldSpec],
        suggestions: Mapping[str, Sequence[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.specs = tuple(specs)
        self.editors: dict[str, QWidget] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.specs:
            editor = self._editor(spec, (suggestions or {}).get(spec.name, ()))
            editor.setObjectName(f"{group}.{spec.name}")
            editor.setAccessibleName(spec.label)
            editor.setToolTip(f"{group}.{spec.name} ({'JSON' if spec.kind == 'structured' else spec.kind})")
            self.editors[spec.name] = editor
            if isinstance(editor, QCheckBox):
                layout.addRow(editor)
            else:
                layout.addRow(spec.label, editor)

    def _editor(self, spec: FieldSpec, suggested: Sequence[str]) -> QWidget:
        if spec.kind == "flag":
            check = QCheckBox(spec.label)
            check.toggled.connect(self.changed)
            return check
        if spec.kind == "choice":
            combo = QComboBox()
            if spec.optional:
                combo.addItem("None", None)
            for choice in spec.choices:
                combo.addItem(choice.replace("_", " ").capitalize(), choice)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if spec.kind in ("list", "structured"):
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setPlaceholderText("one a line" if spec.kind == "list" else "JSON")
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            text.textChanged.connect(self.changed)
            return text
        distinct = list(dict.fromkeys(s for s in suggested if s))
        if spec.kind == "text" and len(distinct) > 1:  # the presets differ here: offer theirs, allow any
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(distinct)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.currentTextChanged.connect(self.changed)
            return combo
        line = QLineEdit()
        if spec.optional:
            line.setPlaceholderText("none")
        line.textChanged.connect(self.changed)
        return line

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Fill every editor from JSON-like values (missing fields are left as they are)."""
        blocked = self.blockSignals(True)
        try:
            for spec in self.specs:
                if spec.name not in values:
                    continue
                value, editor = _plain(values[spec.name]), self.editors[spec.name]
                if isinstance(editor, QCheckBox):
                    editor.setChecked(bool(value))
                elif isinstance(editor, QComboBox) and not editor.isEditable():
                    editor.setCurrentIndex(max(0, editor.findData(value)))
                elif isinstance(editor, QComboBox):
                    editor.setCurrentText(commands.format_value(spec, value))
                elif isinstance(editor, QPlainTextEdit):
                    if spec.kind == "list":
                        editor.setPlainText("\n".join(str(v) for v in value or ()))
                    else:
                        editor.setPlainText(commands.format_value(spec, value))
                elif isinstance(editor, QLineEdit):
                    editor.setText(commands.format_value(spec, value))
                    editor.setCursorPosition(0)
        finally:
            self.blockSignals(blocked)

    def values(self) -> dict[str, Any]:
        """Every field as typed, read by its type; SettingRefused naming the field when one cannot be read."""
        out: dict[str, Any] = {}
        for spec in self.specs:
            editor = self.editors[spec.name]
            if isinstance(editor, QCheckBox):
                out[spec.name] = editor.isChecked()
            elif isinstance(editor, QComboBox) and not editor.isEditable():
                out[spec.name] = editor.currentData()
            elif isinstance(editor, QComboBox):
                out[spec.name] = commands.parse_value(self.group, spec, editor.currentText())
            elif isinstance(editor, QPlainTextEdit) and spec.kind == "list":
                out[spec.name] = [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
            elif isinstance(editor, QPlainTextEdit):
                out[spec.name] = commands.parse_value(self.group, spec, editor.toPlainText())
            elif isinstance(editor, QLineEdit):
                out[spec.name] = commands.parse_value(self.group, spec, editor.text())
        return out


class BodySettingsDialog(QDialog):
    """The body's name, the open meeting's title and the house style (a preset to start from, then each field)."""

    saved = Signal()

    def __init__(self, store: Store, body_id: int, meeting_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.body_id, self.meeting_id = store, body_id, meeting_id
        body = store.body(body_id)
        self.setWindowTitle(f"Name and house style — {body.name}")
        self.resize(760, 640)
        self.body_name = QLineEdit(body.name)
        self.body_name.setAccessibleName("Body name")
        self.meeting_title = QLineEdit(store.meeting(meeting_id).title if meeting_id is not None else "")
        self.meeting_title.setAccessibleName("Meeting title")
        self.meeting_title.setEnabled(meeting_id is not None)
        self.preset = QComboBox()
        self.preset.setAccessibleName("House style preset")
        for name in HOUSE_STYLES:
            self.preset.addItem(name, name)
        self.preset.addItem(CUSTOM, "")
        suggestions = {
            spec.name: [commands.format_value(spec, getattr(preset, spec.name)) for preset in HOUSE_STYLES.values()]
            for spec in commands.field_specs(HouseStyle)
        }
        self.form = SettingsForm("style", commands.field_specs(HouseStyle), suggestions)

        names = QFormLayout()
        names.addRow("Body name", self.body_name)
        names.addRow("Meeting title", self.meeting_title)
        names_box = QGroupBox("Names the minutes print")
        names_box.setLayout(names)
        style_layout = QVBoxLayout()
        start = QFormLayout()
        start.addRow("Start from", self.preset)
        style_layout.addLayout(start)
        style_layout.addWidget(self.form)
        style_box = QGroupBox("House style")
        style_box.setLayout(style_layout)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(names_box)
        inner_layout.addWidget(style_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self._loading = False
        self.load_style(body.style)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.form.changed.connect(self.refresh)
        self.body_name.textChanged.connect(self.refresh)
        self.meeting_title.textChanged.connect(self.refresh)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.refresh()

    # -- the fields -----------------------------------------------------------------------------------------

    def load_style(self, style: HouseStyle) -> None:
        self._loading = True
        self.form.set_values(style_to_dict(style))
        self._show_preset(style)
        self._loading = False

    def _show_preset(self, style: HouseStyle) -> None:
        blocked = self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(next((n for n, p in HOUSE_STYLES.items() if p == style), "")))
        self.preset.blockSignals(blocked)

    def _preset_chosen(self) -> None:
        name = self.preset.currentData()
        if name:
            self.load_style(HOUSE_STYLES[name])
            self.refresh()

    def choose_preset(self, name: str) -> None:
        self.preset.setCurrentIndex(self.preset.findData(name))

    def current_style(self) -> HouseStyle:
        """The house style as the fields say; SettingRefused naming the field when it cannot be right."""
        return commands.style_with(self.store.body(self.body_id).style, self.form.values())

    def refresh(self) -> None:
        if self._loading:
            return
        try:
            style = self.current_style()
        except SettingRefused as exc:
            self.message.setText(f"<b>Cannot be saved:</b> {_escape(str(exc))}")
            self.save_button.setEnabled(False)
            blocked = self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(""))  # no preset says this
            self.preset.blockSignals(blocked)
            return
        self._show_preset(style)
        self.save_button.setEnabled(True)
        self.message.setText(_escape(self._preview(style)))

    def _preview(self, style: HouseStyle) -> str:
        name = " ".join(self.body_name.text().split()) or "(no name)"
        try:
            label = style.part_one_label.strip()
            heading = style.heading.format(body=name, part=f" {label}" if label else "")
        except (KeyError, IndexError, ValueError):
            heading = style.heading
        return f"The minutes will be headed: {heading}"

    def has_changes(self) -> bool:
        body = self.store.body(self.body_id)
        if " ".join(self.body_name.text().split()) != body.name:
            return True
        if self.meeting_id is not None and " ".join(self.meeting_title.text().split()) != (
            self.store.meeting(self.meeting_id).title
        ):
            return True
        try:
            return self.current_style() != body.style
        except SettingRefused:
            return True

    # -- saving and closing ---------------------------------------------------------------------------------

    def save(self) -> bool:
        try:
            commands.save_body_settings(
                self.store,
                self.body_id,
                name=self.body_name.text(),
                style=self.current_style(),
                meeting_id=self.meeting_id,
                meeting_title=self.meeting_title.text() if self.meeting_id is not None else None,
            )
        except StorageError as exc:
            self.message.setText(f"<b>Not saved:</b> {_escape(str(exc))}")
            return False
        body = self.store.body(self.body_id)
        self.setWindowTitle(f"Name and house style — {body.name}")
        self.message.setText("Saved.")
        self.saved.emit()
        return True

    def reject(self) -> None:
        if self.has_changes():
            answer = ask_to_keep_changes(self, "name and house style", self.save_button.isEnabled())
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()
