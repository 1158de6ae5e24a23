"""Minutes laid out in kinds the reader must handle whatever the body: business in paragraphs under run-in
headings with attendance and actions in sentences, and an attendance table whose status column says who came."""

from __future__ import annotations

from pathlib import Path

from app.domain import Tier
from app.packs.reader import read_pack

PROSE = """# Upper Widdle Allotment Society

Minutes of the committee meeting held in the pavilion on Monday 3 February 2025

Those present were Ann Brightwell (Chair), Tom Oduya (Treasurer), Lucy Fenn and Raj Patel. Maria Costa, the site \
warden, also attended. Apologies were received from Ben Hale and Gwen Ito. The meeting opened at 7.00pm.

**Minutes.** The minutes of the meeting held on 6 January were agreed and signed.

**Water supply.** Tom reported that the standpipe on plot 12 is leaking. Raj will fix the washer before March. \
(Action: Raj)

**Shed repairs.** The roof of the shared shed needs felt. Lucy agreed to get two quotations for the next meeting.

**Any other business.** There was none. The meeting closed at 8.15pm.
"""

TABLE = """Minutes of the Board meeting held on Tuesday 4 March 2025 at 5pm

Name                  Role                     Initials   Attendance
Ann Brightwell        Chair                    AB         Present
Tom Oduya             Board member             TO         Present (by video)
Lucy Fenn             Board member             LF         Apologies
Raj Patel             Board member             RP         Absent
In attendance
Maria Costa           Finance Director         MC         For item 3

1.  Welcome and apologies
AB welcomed members.
2.  Finance report
MC presented the accounts.
Action (MC): Circulate the management accounts by 31 March 2025.
3.  Any other business
None.
"""


def test_prose_minutes_are_read_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text(PROSE, encoding="utf-8")
    pack = read_pack(path)
    assert [i.title for i in pack.items] == ["Minutes", "Water supply", "Shed repairs", "Any other business"]
    present = [p.name for p in pack.people if not p.apologies and p.tier is Tier.MEMBER]
    assert present == ["Ann Brightwell", "Tom Oduya", "Lucy Fenn", "Raj Patel"]
    assert [p.name for p in pack.people if p.apologies] == ["Ben Hale", "Gwen Ito"]
    warden = next(p for p in pack.people if p.name == "Maria Costa")
    assert (warden.tier, warden.role) == (Tier.IN_ATTENDANCE, "Site warden")
    assert next(p for p in pack.people if p.name == "Ann Brightwell").chair
    actions = [(a.owners, a.action) for a in pack.minute_actions]
    assert actions == [
        (("Raj Patel",), "Raj will fix the washer before March."),
        (("Lucy Fenn",), "get two quotations for the next meeting."),
    ]
    assert all("action" in a.uncertain for a in pack.minute_actions)  # the wording is read from a sentence


def test_attendance_table_status_column(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(TABLE, encoding="utf-8")
    pack = read_pack(path)
    people = {p.name: p for p in pack.people}
    assert people["Ann Brightwell"].chair and people["Ann Brightwell"].initials == "AB"
    assert not people["Tom Oduya"].apologies and people["Lucy Fenn"].apologies and people["Raj Patel"].absent
    costa = people["Maria Costa"]
    assert (costa.tier, costa.role, costa.part_time) == (Tier.IN_ATTENDANCE, "Finance Director", True)
    (action,) = pack.minute_actions
    assert (action.number, action.owners, action.action) == ("2", ("Maria Costa",), "Circulate the management accounts")
    assert action.deadline.written == "31 March 2025"
