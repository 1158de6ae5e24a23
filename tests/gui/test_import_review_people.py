"""The review's People tab says which attendance the pack left unsure: one-word names, membership lists, absence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.packs import DraftPerson, read_pack
from app.ui.application import make_application
from app.ui.import_review import ImportReviewDialog

DEMO_PACK = Path(__file__).resolve().parents[2] / "resources" / "demo-pack-icb-2023-09-29.txt"


def test_unsure_names_and_attendance_are_in_amber(qtbot: QtBot) -> None:
    people = (
        DraftPerson(name="Ann Abbot", role="Chair", chair=True),
        DraftPerson(name="Braden", uncertain=frozenset({"name"})),
        DraftPerson(name="Cara Cole", category="Membership", uncertain=frozenset({"attendance"})),
        DraftPerson(name="Dev Dunn", absent=True),
    )
    make_application()
    dialog = ImportReviewDialog(replace(read_pack(DEMO_PACK), people=people))
    dialog.confirm_discard = lambda: True  # type: ignore[method-assign]  # closing at teardown must not block
    qtbot.addWidget(dialog)
    table = dialog.people

    def why(row: int, column: int) -> object:
        item = table.item(row, column)
        assert item is not None
        return item.data(Qt.ItemDataRole.AccessibleDescriptionRole)

    assert why(0, 0) is None and why(0, 2) is None
    assert "one word" in str(why(1, 0)) and why(1, 2) is None
    assert "whether they came" in str(why(2, 2)) and why(2, 0) is None
    item = table.item(3, 2)
    assert item is not None and item.text().endswith("— absent")
