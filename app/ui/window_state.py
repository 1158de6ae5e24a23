"""Window sizes that fit the screen, and the size, maximised state and pane widths remembered between runs.

Kept in `DATA_DIR/window.ini` (not the desktop's own settings store), so tests and demos with their own data
folder never read or change the user's layout.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

PREFERRED = (1440, 900)  # the size the window opens at when the screen has room for it
MARGIN = 0.96  # of the screen's free area: leaves the window's frame and a sliver of desktop visible


def settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)


def available_area(widget: QWidget) -> QRect:
    """The free area of the screen the widget is on (the desktop less its panels and task bar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: tuple[int, int] = PREFERRED) -> None:
    """The preferred size, or less on a small screen, centred in the free area (never partly off it)."""
    area = available_area(window)
    width = min(preferred[0], int(area.width() * MARGIN))
    height = min(preferred[1], int(area.height() * MARGIN))
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move a window so that the whole of it lies in the free area of its screen."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window manager fits those
    area = available_area(window)
    width, height = min(window.width(), area.width()), min(window.height(), area.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() - frame.width() + 1))
    y = max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


def restore(window: QMainWindow, data_dir: Path, splitters: dict[str, QSplitter]) -> bool:
    """Size, maximised state, docks and pane widths as last left; False (and a fitted size) the first time."""
    stored = settings(data_dir)
    geometry = stored.value("window/geometry")
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    if not restored:
        fit_to_screen(window)
    else:
        keep_on_screen(window)  # the screen may be smaller than the one the size was saved on
    state = stored.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for name, splitter in splitters.items():
        sizes = stored.value(f"splitters/{name}")
        if isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)
    return restored


def save(window: QMainWindow, data_dir: Path, splitters: dict[str, QSplitter]) -> None:
    stored = settings(data_dir)
    stored.setValue("window/geometry", window.saveGeometry())
    stored.setValue("window/state", window.saveState())
    for name, splitter in splitters.items():
        stored.setValue(f"splitters/{name}", splitter.saveState())
    stored.sync()
