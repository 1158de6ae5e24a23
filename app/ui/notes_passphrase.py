"""A member's own notes passphrase in the reader (issue 18): asked before their protected notes are shown, or chosen
to protect them. The passphrase goes to `app.commands.notes`, which keeps the key in memory for the session only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.commands import notes
from app.storage import StorageError, Store


class NotesPassphraseDialog(QDialog):
    """Asks a member for their notes passphrase (`protecting=False`), or for a new one twice (`protecting=True`).

    A wrong or refused passphrase is said in one sentence inside the dialog, which stays open and shows nothing;
    `done_with` runs once the notes are open (or newly protected)."""

    def __init__(
        self, store: Store, owner: str, protecting: bool, done_with: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.owner = owner
        self.protecting = protecting
        self._done_with = done_with
        self.setWindowTitle(f"Protect {owner}'s notes" if protecting else f"{owner}'s notes")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = (
            f"Choose a passphrase only {owner} knows (8 characters at least). {owner}'s notes on this computer are "
            "then encrypted with it: nobody else, not even whoever unlocks the library, can read them. "
            "If it is forgotten, the notes cannot be recovered."
            if protecting
            else f"{owner}'s notes are protected by their own passphrase. Type it to see and add to them."
        )
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Notes passphrase")
        form.addRow("Passphrase:", self.passphrase)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("Notes passphrase again")
        if protecting:
            form.addRow("Again:", self.again)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b80f1c")
        self.problem.setAccessibleName("Problem")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_passphrase)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def try_passphrase(self) -> None:
        typed = self.passphrase.text()
        try:
            if self.protecting:
                if typed != self.again.text():
                    raise notes.AnnotationError("The two passphrases differ; nothing was changed.")
                notes.protect_notes(self.store, self.owner, typed)
            else:
                notes.unlock_notes(self.store, self.owner, typed)
        except (notes.AnnotationError, StorageError) as exc:
            self.problem.setText(str(exc))
            self.passphrase.clear()
            self.again.clear()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        self.again.clear()
        self.accept()
        self._done_with()
