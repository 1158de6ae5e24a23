"""After an export: where the file went, with Open and Show in folder (the status bar alone was easy to miss)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import window_state

FOLDER_KEY = "exports/last_folder"


def export_folder(data_dir: Path) -> Path:
    """Where the save dialog starts: the folder last exported to, else the user's Documents (never the hidden
    data folder, where nobody would look for a file they wrote)."""
    remembered = window_state.settings(data_dir).value(FOLDER_KEY)
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(data_dir: Path, path: Path) -> None:
    stored = window_state.settings(data_dir)
    stored.setValue(FOLDER_KEY, str(path.parent))
    stored.sync()


class ExportNotice(QWidget):
    """A strip in the status bar naming the file written, with Open and Show in folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Exported file")
        self.path: Path | None = None
        # Replaced in tests, which must not start a viewer or a file manager.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.label = QLabel()
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open the exported file")
        self.folder_button = QPushButton("Show in &folder")
        self.folder_button.setAccessibleName("Show the exported file's folder")
        self.dismiss_button = QPushButton("✕")
        self.dismiss_button.setAccessibleName("Dismiss")
        self.dismiss_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.dismiss_button)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_file(self, path: Path) -> None:
        self.path = path
        self.label.setText(f"Exported {path.name}")
        self.label.setToolTip(str(path))
        self.show()

    def open_file(self) -> None:
        if self.path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.path)))

    def show_folder(self) -> None:
        if self.path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.path.parent)))
