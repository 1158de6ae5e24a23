"""Open the window on the demo meeting half-way through, as the secretary sees it 75 minutes in.

    .venv/bin/python scripts/live_demo.py DATA_DIR

Fills DATA_DIR (which must be empty or new) with the demo meeting, takes it through a roll call,
the opening items, a declaration, a motion and its vote and an action on item 6.4, all through the
same LiveMeeting commands the window uses, then opens the window, which resumes the live meeting.
Used for the screenshot in docs/screenshots/live-meeting.png:

    /work/shared/tools/shoot -w 6 docs/screenshots/live-meeting.png -- .venv/bin/python scripts/live_demo.py /tmp/q
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import commands, paths
from app.commands.live import LiveMeeting
from app.domain import DeclarationConduct, Presence
from app.services import live as svc
from app.storage import Store


def prepare(data_dir: Path) -> None:
    store = Store.open(paths.database_path(data_dir))
    try:
        meeting_id = commands.ensure_demo_meeting(store)
        live = LiveMeeting(store, meeting_id)
        if live.record().meeting.started_at is not None:
            return
        people = {p.initials: p.id for p in live.record().people if p.id is not None}
        # Times run up to now, so the window's timer shows a meeting about 75 minutes in.
        begun = datetime.now() - timedelta(minutes=75)
        clock = [begun.hour, begun.minute]

        def tick(minutes: int) -> time:
            clock[1] += minutes
            clock[0], clock[1] = (clock[0] + clock[1] // 60) % 24, clock[1] % 60
            return time(clock[0], clock[1])

        live.start(tick(0))
        presence = {p.id: Presence.PRESENT for p in live.record().people if p.id is not None and not p.retired}
        for initials in ("JH", "SSw", "MWi"):
            presence[people[initials]] = Presence.APOLOGIES
        presence[people["PC"]] = Presence.ABSENT
        live.roll_call(presence, public=7, at=tick(0))
        live.confirm_quoracy(tick(1))

        for number in ("1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2", "3", "4", "5", "6", "6.1", "6.2", "6.3"):
            item = live.find_item(number)
            assert item.id is not None
            live.open_item(item.id, tick(4))
            standing = {"1.1": svc.apologies_minute, "1.3": svc.declarations_minute}.get(number)
            if standing is not None:
                live.minute(item.id, standing(live.record()))
        live.leave(people["RG"], tick(1))
        item = live.find_item("6.4")
        assert item.id is not None
        live.open_item(item.id, tick(2))
        live.declare(
            item.id,
            people["RP"],
            "Chief Executive, Milton Keynes City Council",
            "non-financial professional",
            DeclarationConduct.REMAINED_NO_PART,
            at=tick(1),
        )
        live.minute(
            item.id,
            "*Presented by Maria Wogan, Chief of System Assurance & Corporate Services*\n\n"
            "MWo introduced the five **Section 75 agreements** with the three local authorities:\n\n"
            "- the Better Care Fund agreements for Bedford Borough, Central Bedfordshire and Luton;\n"
            "- the community equipment pooled budget;\n"
            "- the Milton Keynes integrated commissioning arrangements.\n\n"
            "Members asked how risk would be shared if the pooled budgets overspent. DW confirmed that "
            "the risk-share schedules are unchanged from 2022/23.",
        )
        motion = live.move(
            item.id,
            "That the Board approves the five Section 75 agreements for signature.",
            people["SPo"],
            people["MG"],
            at=tick(6),
        ).new_id
        assert motion is not None
        eligible = svc.eligible_now(live.record(), item.id)
        live.vote(motion, len(eligible) - 1, 0, 1, at=tick(2))
        live.add_action(
            item.id,
            "Report the first quarter's pooled-budget position under the new agreements.",
            ("DW", "MW"),
            date(2023, 12, 1),
            at=tick(1),
        )
    finally:
        store.close()


def main() -> int:
    data_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/quorate-live-demo")
    prepare(data_dir)
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    qt_app = make_application()
    store = Store.open(paths.database_path(data_dir))
    window = MainWindow(store, data_dir)  # resumes the live meeting on the item being taken
    screen = qt_app.primaryScreen()
    if screen is not None:  # no window manager under Xvfb to honour showMaximized()
        window.setGeometry(screen.availableGeometry())
    window.show()
    try:
        return int(qt_app.exec())
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
