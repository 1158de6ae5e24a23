"""(16.3) The window on a 1366×768 laptop and on a 1920×1080 screen at 150%: it fits the screen's free area, and
its size, maximised state and pane widths are remembered in the data folder.

Each case starts the real window in a fresh interpreter whose offscreen screen has the size and scale asked
for (the screen of the test process cannot change once Qt is up).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PROBE = """
import json, sys
from pathlib import Path
from app import commands, paths
from app.storage import Store
from app.ui.application import make_application
from app.ui.main_window import MainWindow

qt = make_application()
data = Path(sys.argv[1])
store = Store.open(paths.database_path(data))
window = MainWindow(store, data)
meeting_id = commands.ensure_demo_meeting(store)
if sys.argv[2] == "live":
    from app.commands.live import LiveMeeting
    from app.domain import Presence
    live = LiveMeeting(store, meeting_id)
    live.start()
    live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
    live.open_item(next(i.id for i in live.record().items if i.number.startswith("6.2")))
window.open_meeting(meeting_id)
window.show()
qt.processEvents()
if sys.argv[2] == "maximise":
    window.showMaximized()
    window.meeting_page.splitter.setSizes([500, 300, 300])
    qt.processEvents()
frame, area = window.frameGeometry(), window.screen().availableGeometry()
status = window.statusBar()
corner = status.mapTo(window, status.rect().bottomRight())
room = window.live.room
def whole(widget):
    top, corner = widget.mapTo(window, widget.rect().topLeft()), widget.mapTo(window, widget.rect().bottomRight())
    return widget.isVisible() and window.rect().contains(top) and window.rect().contains(corner)
page = window.meeting_page
print(json.dumps({
    "room_shown": room.isVisible(),
    "badge_whole": whole(room.badge),
    "buttons_whole": all(whole(b) and b.width() >= b.sizeHint().width() for b in room.person_buttons),
    "room_fits": room.scroller.widget().width() <= room.scroller.viewport().width(),
    "title_chars": page.tree.columnWidth(page.model.COL_TITLE) / window.fontMetrics().horizontalAdvance("x"),
    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
    "area": [area.x(), area.y(), area.width(), area.height()],
    "status_bar_shown": status.isVisible() and window.rect().contains(corner),
    "maximised": window.isMaximized(),
    "agenda_width": window.meeting_page.splitter.sizes()[0],
}))
window.close()
store.close()
"""


def run_window(tmp_path: Path, data: Path, width: int, height: int, scale: float, act: str = "") -> dict[str, object]:
    screens = tmp_path / "screens.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": scale}
    screens.write_text(json.dumps({"screens": [screen]}))
    env = os.environ | {"QT_QPA_PLATFORM": f"offscreen:configfile={screens}", "LANG": "C.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data), act], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, 1.0), (1920, 1080, 1.5), (1920, 1080, 1.25)])
def test_the_window_fits_the_screen(tmp_path: Path, width: int, height: int, scale: float) -> None:
    data = tmp_path / "data"
    data.mkdir()
    seen = run_window(tmp_path, data, width, height, scale)
    x, y, w, h = seen["frame"]  # type: ignore[misc]
    ax, ay, aw, ah = seen["area"]  # type: ignore[misc]
    assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah  # wholly on the screen
    assert seen["status_bar_shown"] is True


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, 1.0), (1920, 1080, 1.5), (1920, 1080, 1.25)])
def test_the_live_room_is_usable_at_laptop_size_and_scaled(
    tmp_path: Path, width: int, height: int, scale: float
) -> None:
    """The room during a meeting, at the item with the longest title: the badge and the buttons whole and on
    screen, nothing pushed sideways, agenda titles readable."""
    data = tmp_path / "data"
    data.mkdir()
    seen = run_window(tmp_path, data, width, height, scale, "live")
    assert seen["room_shown"] and seen["badge_whole"] and seen["buttons_whole"] and seen["room_fits"], seen
    assert float(str(seen["title_chars"])) >= 25, seen
    assert seen["status_bar_shown"] is True


def test_size_maximised_state_and_panes_are_remembered(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    first = run_window(tmp_path, data, 1366, 768, 1.0, "maximise")
    assert first["maximised"] is True
    again = run_window(tmp_path, data, 1366, 768, 1.0)
    assert again["maximised"] is True and again["agenda_width"] == first["agenda_width"]
    assert (data / "window.ini").is_file()  # in the data folder, never the desktop's own settings
