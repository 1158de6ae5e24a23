"""The import review's "Not placed" tab: register rows and initials the importer could not place by itself.

Each gets a choice (attach to a person, add, leave out), starting from what the import would do unaided; the
choices go to `commands.accept_reviewed` as `placements`. The placing itself is in `app.commands.people`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.commands.people import ADD, ATTACH, LEAVE_OUT, Placement, Unplaced


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _choices(entry: Unplaced) -> list[tuple[str, Placement]]:
    """The choices offered for one thing not placed, as (label, placement)."""
    if entry.kind == "initials":
        holder = entry.candidates[0] if entry.candidates else None
        offered = entry.offered_initials
        choices = []
        if offered:
            choices.append((f"Add {entry.name} with the initials {offered}", Placement(ADD, initials=offered)))
        choices.append((f"Add {entry.name} with no initials for now", Placement(ADD)))
        if holder is not None:
            choices.append(
                (f"Same person as {holder.name} ({entry.detail})", Placement(ATTACH, holder.person_id, holder.name))
            )
        choices.append((f"Leave {entry.name} out", Placement(LEAVE_OUT)))
        return choices
    choices = [
        (
            f"Attach to {c.name}" + (" (joins with this pack)" if c.person_id is None else "") + f" — {c.score:.0f}%",
            Placement(ATTACH, c.person_id, c.name),
        )
        for c in entry.candidates
    ]
    choices.append((f"Add {entry.name} as a new person (no vote)", Placement(ADD)))
    choices.append(("Leave these rows out", Placement(LEAVE_OUT)))
    return choices


class UnplacedPanel(QWidget):
    """One labelled choice per thing not placed; `placements()` is what the secretary chose."""

    changed = Signal()

    def __init__(self, unplaced: Sequence[Unplaced], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unplaced = tuple(unplaced)
        self.combos: dict[str, QComboBox] = {}
        intro = QLabel(
            "The import could not place these by name. Nothing here is dropped without your say: choose for each "
            "whom it belongs to, to add it, or to leave it out. The first choice shown is what happens if you "
            "change nothing."
        )
        intro.setWordWrap(True)
        form = QVBoxLayout()
        form.setSpacing(4)
        for entry in self.unplaced:
            combo = QComboBox()
            combo.setAccessibleName(f"What to do with {entry.name}")
            for label, placement in _choices(entry):
                combo.addItem(label, placement)
            default = next(
                (i for i in range(combo.count()) if self._same(combo.itemData(i), entry.suggested)), combo.count() - 1
            )
            combo.setCurrentIndex(default)
            combo.currentIndexChanged.connect(self.changed)
            what = "Register" if entry.kind == "register" else "Initials"
            heading = QLabel(f"<b>{what}: {_escape(entry.name)}</b> — {_escape(entry.detail)}")
            heading.setWordWrap(True)
            heading.setToolTip(entry.reason)
            heading.setBuddy(combo)
            reason = QLabel(_escape(entry.reason))
            reason.setWordWrap(True)
            reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addSpacing(8)
            for widget in (heading, reason, combo):
                form.addWidget(widget)
            self.combos[entry.key] = combo
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(intro)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    @staticmethod
    def _same(chosen: object, suggested: Placement) -> bool:
        """The suggestion's choice: same action, and for an attachment the same person."""
        if not isinstance(chosen, Placement) or chosen.action != suggested.action:
            return False
        if suggested.action == ATTACH:
            return (chosen.person_id, chosen.person_name) == (suggested.person_id, suggested.person_name) or (
                suggested.person_id is not None and chosen.person_id == suggested.person_id
            )
        return suggested.action != ADD or chosen.initials == suggested.initials

    def placements(self) -> dict[str, Placement]:
        chosen: dict[str, Placement] = {}
        for key, combo in self.combos.items():
            placement = combo.currentData()
            if isinstance(placement, Placement):
                chosen[key] = placement
        return chosen
