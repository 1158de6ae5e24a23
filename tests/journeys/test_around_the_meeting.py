"""Around the meeting itself: the body's screens (16.14), the demo and a second launch (16.15), the command line
(16.16), each as a secretary meets it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from app import commands
from app.commands.live import LiveMeeting
from app.commands.people import surname_key
from app.domain import Presence
from app.ui.live_dialogs import DeclarationDialog
from app.ui.people_dialogs import PeopleDialog, PeopleModel, RegisterDialog, RegisterModel
from tests.conftest import REPO
from tests.journeys.harness import Secretary


@pytest.fixture
def secretary(qtbot: QtBot, tmp_path: Path) -> Iterator[Secretary]:
    opened = Secretary(qtbot, tmp_path)
    meeting_id = commands.ensure_demo_meeting(opened.store)
    live = LiveMeeting(opened.store, meeting_id)
    live.start()
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    opened.window.resume_live_meeting()
    yield opened
    opened.window.close()
    opened.store.close()


def column_texts(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def surname(name: str) -> str:
    return surname_key(name)[0]


def fully_in_view(view: QTableView, column: int) -> bool:
    """The column is wholly inside the table's viewport, with no sideways scrolling needed to reach it."""
    left = view.columnViewportPosition(column)
    return left >= 0 and left + view.columnWidth(column) <= view.viewport().width()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_body_s_people_and_register_read_as_the_body_lists_them(secretary: Secretary) -> None:
    seen: dict[str, object] = {}

    def people(dialog: QWidget) -> None:
        assert isinstance(dialog, PeopleDialog)
        names = column_texts(dialog.view, PeopleModel.COL_NAME)
        assert names == sorted(names, key=lambda n: surname_key(n)), "people not in surname order"
        for column in (PeopleModel.COL_VOTING, PeopleModel.COL_DEPUTIES):  # no sideways scrolling at 1366
            assert fully_in_view(dialog.view, column), dialog.model.headerData(column)
        seen["people"] = len(names)
        secretary.press("Escape")

    secretary.answer(PeopleDialog, people)
    secretary.menu("Body", "People")
    assert seen["people"]

    # a declaration of an interest not yet in the register adds a row with the person's position
    everyone = secretary.record().people
    first_names = [p.name.split()[0] for p in everyone]
    person = next(p for p in everyone if p.voting and p.role and first_names.count(p.name.split()[0]) == 1)

    def declare(dialog: QWidget) -> None:
        assert isinstance(dialog, DeclarationDialog)
        dialog.person.setFocus()
        secretary.type(person.name.split()[0])  # a combo box finds the name typed (a space would open it)
        assert dialog.person.currentData() == person.id
        secretary.press("Tab")  # into the interest, its register text selected: typing replaces it
        assert dialog.interest.isAncestorOf(secretary.focused()), secretary.focused()
        secretary.type("Trustee of a charity bidding for the contract")
        secretary.press("Tab")
        assert secretary.focused() is dialog.add_to_register
        secretary.press("Space")
        assert dialog.add_to_register.isChecked()
        secretary.press("Return")

    secretary.press("Ctrl+Shift+PgDown")
    secretary.answer(DeclarationDialog, declare)
    secretary.press("Ctrl+Shift+D")

    def register(dialog: QWidget) -> None:
        assert isinstance(dialog, RegisterDialog)
        names = column_texts(dialog.view, RegisterModel.COL_PERSON)
        assert [surname(n) for n in names] == sorted(surname(n) for n in names), "register not in surname order"
        added = [
            dialog.proxy.index(row, RegisterModel.COL_POSITION).data()
            for row in range(dialog.proxy.rowCount())
            if dialog.proxy.index(row, RegisterModel.COL_DETAILS).data() == "Trustee of a charity bidding for the "
            "contract"
        ]
        assert added == [person.role], f"the row made from the declaration has no position: {added}"
        seen["register"] = True
        secretary.press("Escape")

    secretary.answer(RegisterDialog, register)
    secretary.menu("Body", "Register of interests")
    assert seen["register"] and secretary.unanswered == 0


def _launch(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local/share"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QUORATE_DATA_DIR", None)
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_demo_keeps_to_its_own_folder_and_a_second_launch_brings_it_forward(tmp_path: Path) -> None:
    """Two double-clicks on the demo: the first opens the window on a demo folder, never the user's data folder;
    the second asks that window to come forward and ends quietly (no modal box, exit 0)."""
    home = tmp_path / "home"
    home.mkdir()
    first = _launch(home, "--demo")
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not list(home.rglob("quorate.db")):
            assert first.poll() is None, first.communicate()[1]
            time.sleep(0.2)
        (database,) = home.rglob("quorate.db")  # one database, and not in the user's own data folder
        assert database.parent == home / ".local/share/Quorate demo", database
        time.sleep(2)  # the window is up and watching for a second launch
        second = _launch(home, "--demo")
        _out, err = second.communicate(timeout=90)
        assert second.returncode == 0, err
        assert "brought that window forward" in err
        assert first.poll() is None  # the first window is still open
    finally:
        first.kill()
        first.communicate()


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_the_command_line_says_what_it_cannot_do_and_lists_motions(tmp_path: Path, secretary: Secretary) -> None:
    """(16.16) A Part II export of a meeting without Part II is refused, a missing pack is named, and the
    motions of a meeting are listed with the ids `approve --at-meeting` wants."""
    data = secretary.data_dir
    meeting = secretary.meeting_id()
    secretary.window.close()  # the window holds the data folder; the command line runs after it
    secretary.store.close()
    out = tmp_path / "part2.pdf"
    refused = _cli(data, "minutes", str(meeting), "--part", "confidential", "--out", str(out))
    assert refused.returncode == 2 and "Part II" in refused.stderr and not out.exists()
    missing = _cli(data, "import", "/nonexistent/board-pack.pdf")
    assert missing.returncode == 2 and "/nonexistent/board-pack.pdf" in missing.stderr
    listed = _cli(data, "motions", str(meeting), "--json")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip().startswith(("[", "{"))
