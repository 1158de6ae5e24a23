"""A dialog whose OK runs a command; a refusal (one sentence) is shown in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import Refusal


class RefusableDialog(QDialog):
    """Subclasses put their fields in `content`, say what counts as a refusal, and do the work in `submit_values`."""

    refusals: tuple[type[Exception], ...] = (Refusal,)  # anything else is a bug, for the crash dialog

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.content = QVBoxLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setAccessibleName("Problem")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.content, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit_values(self) -> None:
        raise NotImplementedError

    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        try:
            self.submit_values()
        except self.refusals as exc:
            self.show_error(str(exc))
            return
        self.error.hide()
        super().accept()
