"""The reader's right-hand pane: the member's notes on the item being read, the note being edited, their
questions for the meeting by item, and the annotations a revised pack could not place.

A plain view: the reader (app/ui/reader.py) fills it and connects its buttons to commands.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import AgendaItem, Annotation
from app.domain.annotations import COLOURS, AnnotationKind, colour_rgb

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(*colour_rgb(colour)))
    return QIcon(pixmap)


def short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(a: Annotation) -> str:
    """One annotation in a list: where, what, the quoted words and the note."""
    where = "Item" if a.kind is AnnotationKind.ITEM_NOTE else f"p. {a.page}"
    head = f"{where} · {a.kind.label}"
    if a.raise_at_meeting:
        head += " · ⚑ to raise"
    lines = [head]
    if a.quote:
        lines.append(f"“{short(a.quote)}”")
    if a.note:
        lines.append(short(a.note, 110))
    return "\n".join(lines)


class AnnotationPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(280)
        self.heading = QLabel("<b>My notes</b>")
        self.heading.setWordWrap(True)
        self.notes = QListWidget()
        self.notes.setAccessibleName("My notes on this item")
        self.notes.setWordWrap(True)
        self.notes.setAlternatingRowColors(True)

        self.editor_box = QGroupBox("Note")
        self.editor_label = QLabel("Select words on the page and choose a highlighter, or add a note.")
        self.editor_label.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Note text")
        self.editor.setPlaceholderText("Your note or question…")
        self.editor.setMaximumHeight(110)
        self.raise_box = QCheckBox("Raise at the meeting")
        self.colour = QComboBox()
        self.colour.setAccessibleName("Colour")
        for name in COLOURS:
            self.colour.addItem(swatch(name), name.capitalize(), name)
        self.save_button = QPushButton("Save note")
        self.delete_button = QPushButton("Delete")
        self.item_note_button = QPushButton("New note on this item")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        options = QHBoxLayout()
        options.addWidget(self.raise_box, 1)
        options.addWidget(self.colour)
        box = QVBoxLayout(self.editor_box)
        box.addWidget(self.editor_label)
        box.addWidget(self.editor)
        box.addLayout(options)
        box.addLayout(buttons)

        self.questions = QTreeWidget()
        self.questions.setHeaderHidden(True)
        self.questions.setAccessibleName("My questions for the meeting")
        self.questions.setWordWrap(True)
        questions_box = QGroupBox("My questions for the meeting")
        QVBoxLayout(questions_box).addWidget(self.questions)

        self.unplaced_box = QGroupBox("Not found in the revised pack")
        self.unplaced = QListWidget()
        self.unplaced.setAccessibleName("Annotations not placed")
        self.unplaced.setWordWrap(True)
        self.place_button = QPushButton("Place on this page")
        self.discard_button = QPushButton("Discard")
        unplaced_buttons = QHBoxLayout()
        unplaced_buttons.addWidget(self.place_button)
        unplaced_buttons.addWidget(self.discard_button)
        unplaced_layout = QVBoxLayout(self.unplaced_box)
        hint = QLabel("Their words are no longer in the pack. Place each on a page, or discard it.")
        hint.setWordWrap(True)
        unplaced_layout.addWidget(hint)
        unplaced_layout.addWidget(self.unplaced)
        unplaced_layout.addLayout(unplaced_buttons)
        self.unplaced_box.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.notes, 3)
        layout.addWidget(self.item_note_button)
        layout.addWidget(self.editor_box)
        layout.addWidget(questions_box, 2)
        layout.addWidget(self.unplaced_box, 1)
        self.show_editor(None)

    def set_notes(self, heading: str, annotations: Sequence[Annotation], selected_id: int | None) -> None:
        self.heading.setText(heading)
        self.notes.blockSignals(True)
        self.notes.clear()
        for a in annotations:
            entry = QListWidgetItem(swatch(a.colour), describe(a))
            entry.setData(ID_ROLE, a.id)
            entry.setToolTip(a.note or a.quote)
            self.notes.addItem(entry)
            if a.id == selected_id:
                self.notes.setCurrentItem(entry)
        if not annotations:
            empty = QListWidgetItem("No notes on this item yet.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.notes.addItem(empty)
        self.notes.blockSignals(False)

    def set_questions(self, grouped: Sequence[tuple[AgendaItem | None, Sequence[Annotation]]]) -> None:
        self.questions.clear()
        for item, group in grouped:
            name = f"{item.number} {item.title}" if item else "Not on an agenda item"
            top = QTreeWidgetItem([f"{short(name, 60)} ({len(group)})"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for a in group:
                child = QTreeWidgetItem([short(a.note or a.quote, 120)])
                child.setData(0, ID_ROLE, a.id)
                child.setToolTip(0, a.note or a.quote)
                top.addChild(child)
            self.questions.addTopLevelItem(top)
        if not grouped:
            self.questions.addTopLevelItem(QTreeWidgetItem(["Tick “Raise at the meeting” on a note to list it here."]))
        self.questions.expandAll()

    def set_unplaced(self, annotations: Sequence[Annotation]) -> None:
        self.unplaced.clear()
        for a in annotations:
            entry = QListWidgetItem(
                swatch(a.colour), f"was p. {a.page} · “{short(a.quote)}”" + (f"\n{short(a.note)}" if a.note else "")
            )
            entry.setData(ID_ROLE, a.id)
            entry.setForeground(QBrush(QColor(150, 30, 30)))
            self.unplaced.addItem(entry)
        self.unplaced_box.setVisible(bool(annotations))
        if annotations:
            self.unplaced.setCurrentRow(0)

    def unplaced_ids(self) -> list[int]:
        return [int(self.unplaced.item(n).data(ID_ROLE)) for n in range(self.unplaced.count())]

    def show_editor(self, a: Annotation | None, prompt: str = "") -> None:
        """Edit `a`'s note; None with a prompt: a new note is being written; None alone: nothing to edit."""
        self.editor.blockSignals(True)
        self.editor.setPlainText(a.note if a else "")
        self.editor.blockSignals(False)
        self.raise_box.setChecked(bool(a and a.raise_at_meeting))
        if a is not None:
            self.colour.setCurrentIndex(max(0, self.colour.findData(a.colour)))
            where = "" if a.kind is AnnotationKind.ITEM_NOTE else f" on p. {a.page}"
            self.editor_label.setText(f"{a.kind.label}{where}" + (f": “{short(a.quote, 90)}”" if a.quote else ""))
        elif prompt:
            self.editor_label.setText(prompt)
        else:
            self.editor_label.setText("Select words on the page and choose a highlighter, or add a note.")
        editing = a is not None or bool(prompt)
        for widget in (self.editor, self.raise_box, self.save_button):
            widget.setEnabled(editing)
        self.delete_button.setEnabled(a is not None)
