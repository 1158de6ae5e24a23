"""Open the window on the demo meeting with the sign dialog showing, a signature drawn on its pad.

    .venv/bin/python scripts/sign_demo.py DATA_DIR

Fills DATA_DIR (empty or new) with the demo meeting, approves its minutes as the chair, adds the board's next
meeting whose "minutes of the previous meeting" item carries the resolution approving them, records the body's
approval, makes the chair a signing key, then opens the window and the sign dialog, drawing a signature with
mouse events. Used for the screenshot in docs/screenshots/sign.png:

    /work/shared/tools/shoot -w 6 docs/screenshots/sign.png -- .venv/bin/python scripts/sign_demo.py /tmp/q
"""

from __future__ import annotations

import math
import sys
from datetime import date, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app import commands, paths
from app.commands import approval, signing
from app.commands.live import LiveMeeting
from app.domain import AgendaItem, Meeting, MinutesStatus, MotionOutcome, Presence
from app.storage import Store
from app.ui.application import make_application
from app.ui.main_window import MainWindow
from app.ui.minutes_workflow import SignDialog
from app.ui.signature_pad import SignaturePad

PASSPHRASE = "correct horse battery"


def prepare(data_dir: Path) -> tuple[Store, int, Path]:
    store = Store.open(paths.database_path(data_dir))
    meeting_id = commands.ensure_demo_meeting(store)
    key = data_dir / "keys" / "rima-makarem.p12"
    if store.meeting(meeting_id).minutes_status is MinutesStatus.DRAFT:
        approval.chair_approve(store, meeting_id, "Rima Makarem", "Chair", date(2023, 10, 6))
        body_id = store.meeting(meeting_id).body_id
        items = [
            AgendaItem(None, 0, 0, "1", "Minutes of the previous meeting and matters arising"),
            AgendaItem(None, 0, 1, "2", "Any other business"),
        ]
        later = store.create_meeting(
            Meeting(None, body_id, "Board Meeting in Public", date(2023, 11, 24), time(10)), items
        )
        assert later.id is not None
        live = LiveMeeting(store, later.id)
        live.start(time(10))
        live.roll_call({p.id: Presence.PRESENT for p in live.record().people if p.id is not None})
        item = live.find_item("1").id
        assert item is not None
        live.open_item(item, time(10, 5))
        motion = live.move(item, "That the minutes of the meeting held on 29 September 2023 be approved.").new_id
        assert motion is not None
        live.set_outcome(motion, MotionOutcome.CARRIED)
        live.close(time(12))
        approval.body_approve(store, meeting_id, later.id, motion)
    if not key.exists():
        key.parent.mkdir(parents=True, exist_ok=True)
        signing.create_key(data_dir, key, "Rima Makarem", PASSPHRASE, role="Chair")
    return store, meeting_id, key


def signature_strokes() -> list[list[QPointF]]:
    """A flowing hand: an R, a looped run of letters, and an underline."""
    r = [QPointF(40, 105), QPointF(44, 40), QPointF(70, 38), QPointF(78, 55), QPointF(60, 70), QPointF(48, 72)]
    r += [QPointF(62, 80), QPointF(80, 104)]
    run = []
    for step in range(0, 181):
        t = step / 180
        x = 95 + 250 * t
        y = 82 - 20 * math.sin(t * 9 * math.pi) * (1 - 0.5 * t) - 10 * math.sin(t * 2 * math.pi)
        run.append(QPointF(x + 6 * math.cos(t * 9 * math.pi), y))
    underline = [QPointF(30 + 12 * i, 118 - 0.8 * i) for i in range(28)]
    return [r, run, underline]


def draw(pad: SignaturePad) -> None:
    for stroke in signature_strokes():
        events = [(QEvent.Type.MouseButtonPress, stroke[0], Qt.MouseButton.LeftButton)]
        events += [(QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton) for p in stroke[1:]]
        events.append((QEvent.Type.MouseButtonRelease, stroke[-1], Qt.MouseButton.LeftButton))
        for kind, at, button in events:
            held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
            event = QMouseEvent(kind, at, QPointF(pad.mapToGlobal(at)), button, held, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(pad, event)


def main() -> int:
    data_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/quorate-sign-demo")
    data_dir.mkdir(parents=True, exist_ok=True)
    store, meeting_id, key = prepare(data_dir)
    app = make_application()
    window = MainWindow(store, data_dir)
    window.open_meeting(meeting_id)
    window.show()
    flow = window.minutes_flow
    dialog = SignDialog(flow, flow.record(), window)
    dialog.key.setText(str(key))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.show()
    QTimer.singleShot(300, lambda: draw(dialog.pad))
    QTimer.singleShot(400, dialog.passphrase.setFocus)
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
