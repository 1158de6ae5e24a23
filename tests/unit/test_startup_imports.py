"""Start-up imports only what is needed (issue 20): `quorate --version` loads nothing of the program, and the
command line never loads the window's toolkit, the PDF writer, the PDF renderer or the signer before a command
that needs one (each costs tenths of a second on every start, and the PDF helper process starts the same way)."""

from __future__ import annotations

import subprocess
import sys

import app

HEAVY = ("PySide6", "reportlab", "pypdfium2", "pyhanko")


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_command_line_loads_no_window_pdf_or_signing_library() -> None:
    loaded = _loaded_after("import app.cli")
    assert "app.cli" in loaded
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_the_command_line_loads_the_commands_and_pack_readers_only_for_a_subcommand_that_needs_them() -> None:
    """`meetings`, `check` and the like run on the store alone: the commands package imports the pack readers, the
    live services and the exporters' models (about a fifth of the command line's start-up)."""
    loaded = _loaded_after("import app.cli")
    assert not {m for m in loaded if m == "app.commands" or m.startswith(("app.commands.", "app.services.live"))}
    assert "app.packs.reader" not in loaded


def test_the_entry_point_loads_nothing_of_the_program_until_a_command_runs() -> None:
    loaded = _loaded_after("import app.entry")
    assert not {m for m in loaded if m.startswith(("app.cli", "app.storage", "app.commands", "app.packs"))}
    assert "sqlite_utils" not in loaded


def test_version_is_what_the_full_command_line_says() -> None:
    fast = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True)
    full = subprocess.run(
        [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(['--version']))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert fast.stdout == full.stdout == f"quorate {app.__version__}\n"
