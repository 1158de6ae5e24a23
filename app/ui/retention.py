"""File ▸ Remove old papers…: each body's retention setting applied from the window, after asking (issue 18)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.commands import library_admin
from app.storage import StorageError, Store


def _kept(years: int | None) -> str:
    return "for good" if years is None else f"{years} year{'s' if years != 1 else ''}"


def remove_old_papers(store: Store, parent: QWidget) -> bool:
    """Say what each body keeps, ask, then remove what is due; True when something was removed."""
    settings = library_admin.retention_settings(store)
    if all(packs is None and part2 is None for _name, packs, part2 in settings):
        QMessageBox.information(
            parent,
            "Remove old papers",
            "No body has a retention setting, so every pack is kept for good. Set how long packs and Part II papers "
            "are kept in Body ▸ Rules… (“keep packs years”, “keep part2 years”).",
        )
        return False
    lines = "\n".join(
        f"• {name}: packs kept {_kept(packs)}, Part II papers kept {_kept(part2)}" for name, packs, part2 in settings
    )
    answer = QMessageBox.question(
        parent,
        "Remove old papers",
        f"{lines}\n\nRemove the kept pack files, tabled papers and their pages' text that are older than that? "
        "Minutes, decisions, signatures, members' notes and the audit log are kept. This cannot be undone.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        report = library_admin.purge_by_rules(store)
    except StorageError as exc:
        QMessageBox.warning(parent, "Nothing was removed", str(exc))
        return False
    QMessageBox.information(parent, "Remove old papers", report.summary())
    return bool(report.meetings)
