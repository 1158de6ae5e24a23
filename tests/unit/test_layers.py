"""Architecture guards: the import arrows of DESIGN.md point only down."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
QT_FREE = ["domain", "services", "storage", "packs", "export", "commands", "bundles"]
PURE = ["domain", "services"]  # no Qt, no SQL, no storage


def _imports(package: str) -> list[tuple[Path, str]]:
    found = []
    for path in (APP / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((path, node.module))
    return found


@pytest.mark.parametrize("package", QT_FREE)
def test_core_layers_do_not_import_qt(package: str) -> None:
    offenders = [f"{p.relative_to(APP)} imports {m}" for p, m in _imports(package) if m.split(".")[0] == "PySide6"]
    assert offenders == []


@pytest.mark.parametrize("package", PURE)
def test_domain_and_services_are_free_of_sql_and_storage(package: str) -> None:
    banned = ("sqlite3", "sqlite_utils", "app.storage", "app.ui", "app.commands")
    offenders = [f"{p.relative_to(APP)} imports {m}" for p, m in _imports(package) if m.startswith(banned)]
    assert offenders == []


@pytest.mark.parametrize("package", ["domain", "services", "packs", "export", "commands", "ui", "bundles"])
def test_only_storage_speaks_sql(package: str) -> None:
    offenders = [
        f"{p.relative_to(APP)} imports {m}" for p, m in _imports(package) if m.startswith(("sqlite3", "sqlite_utils"))
    ]
    assert offenders == []


def test_the_command_line_core_runs_without_loading_qt() -> None:
    code = (
        "import sys, app.commands, app.storage, app.packs, app.export.minutes_pdf, app.services.minutes;"
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
