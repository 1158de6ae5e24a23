"""Golden minutes: three real meetings replayed from their published minutes, exported, and compared point by
point with what the secretary wrote (attendance blocks, order of business, resolution wording, actions).

Each test lists the differences that remain as ACCEPTED, with the reason, and checks that each one really is
there (in the real minutes and in ours), so the list cannot silently go stale.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app.cli import main
from app.domain import AgendaItem, Meeting, Person, Tier
from app.domain.rules import SOCIETY_COMMITTEE
from app.storage import Store
from app.storage.people import add_person, set_body_rules
from tests.conftest import DEMO_PACK, REPO

SEED = REPO.parent / "shared" / "seeds" / "icb-board-pack-2023-09-29.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "pdf"
ICB = REPO / "docs" / "examples" / "icb-2023-06-30.jsonl"
HACKSOC = REPO / "tests" / "replays" / "hacksoc-2022-07-17.jsonl"
NATS = REPO / "tests" / "replays" / "nats-2025-03-21.jsonl"


def flat(text: str) -> str:
    """Whitespace, typographic quotes and tags made comparable: the words as a reader sees them."""
    text = re.sub(r"<[^>]+>", " ", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"[●○■•]", " ", text)
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return flat("\n".join(line for line in raw.splitlines() if line.strip() not in ("D", "R", "A", "F", "T")))


def in_order(text: str, needles: Sequence[str]) -> list[str]:
    """The needles not found in `text` after the one before (empty when all are there, in this order)."""
    missing, position = [], 0
    for needle in needles:
        found = text.find(flat(needle), position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(flat(needle))
    return missing


def replay_and_export(data: Path, placeholder: int, events: Path, **style: object) -> str:
    common = ["--data-dir", str(data)]
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert main([*common, "replay", str(placeholder), str(events), "--json"]) == 0
    meeting_id = json.loads(printed.getvalue())["meeting"]["id"]
    if style:
        store = Store.open(data / "quorate.db")
        body = store.body(store.meeting(meeting_id).body_id)
        assert body.id is not None
        store.set_house_style(body.id, replace(body.style, **style))  # type: ignore[arg-type]
        store.close()
    out = data / "minutes.pdf"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([*common, "minutes", str(meeting_id), "--out", str(out)]) == 0
        assert main([*common, "check"]) == 0  # every replayed write is in the audit log, whole (issue 14)
    return pdf_text(out)


def new_body(data: Path, name: str, people: Sequence[tuple[str, str, str]]) -> int:
    """A body with its people (name, role, initials) and a placeholder meeting to replay beside."""
    store = Store.open(data / "quorate.db")
    try:
        body = store.ensure_body(name)
        assert body.id is not None
        set_body_rules(store, body.id, SOCIETY_COMMITTEE)
        for person, role, initials in people:
            add_person(store, Person(None, body.id, person, role, initials, tier=Tier.MEMBER))
        placeholder = store.create_meeting(Meeting(None, body.id, "Placeholder"), [AgendaItem(None, 0, 0, "1", "-")])
        assert placeholder.id is not None
        return placeholder.id
    finally:
        store.close()


def check_accepted(accepted: dict[tuple[str, str], str], real: str, ours: str) -> None:
    for (theirs, mine), reason in accepted.items():
        assert reason
        assert flat(theirs) in real, f"accepted difference no longer in the real minutes: {theirs!r}"
        assert flat(mine) in ours, f"accepted difference no longer in ours: {mine!r}"


# -- BLMK ICB Board, 30 June 2023 (the seed pack's copy of its minutes) -----------------------------------------


def _real_icb_minutes() -> str:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Date: 30 June 2023"))
    end = next(i for i, line in enumerate(lines[start:], start) if line.startswith("Approval of Draft Minutes"))
    return flat("\n".join(lines[start:end]))


def test_icb_board_30_june_2023(tmp_path: Path) -> None:
    common = ["--data-dir", str(tmp_path)]
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert main([*common, "import", str(DEMO_PACK), "--json"]) == 0
    placeholder = json.loads(printed.getvalue())["meeting"]["id"]
    ours = replay_and_export(tmp_path, placeholder, ICB, minute_numbering="agenda")
    real = _real_icb_minutes()

    # Attendance: every block, every name in the secretary's order (honorifics kept), the apologies.
    blocks = ["Members", "Dr Rima Makarem", "Alison Borrett", "Joe Harrison", "Dr Omotayo Kufeji", "Dr Sarah Whiteman"]
    blocks += ["Participants", "Anne Brierley", "Maria Wogan", "In attendance", "Paul Calaminus"]
    blocks += ["Michelle Evans-Riches", "Sarah Frisby", "Matthew Winn", "Apologies", "David Carter"]
    assert not in_order(real, blocks) and not in_order(ours, blocks)
    assert "There were 7 members of the public in attendance." in real and "There were 7 members of the public" in ours

    # The order of business and the minute numbers: "13." follows "11." as in the real minutes (no item 12).
    business = [
        "1. Welcome, Introductions and Apologies",
        "2. Relevant Persons Disclosure of Interests",
        "3. Approval of Minutes and Matters Arising",
        "9. Denny Review",
        "10. 2023/24 Inequalities Funding",
        "11. Joint Forward Plan",
        "13. Memorandum of Understanding with Healthwatch",
        "15. Finance Report",
        "24. Date and Time of Next Meeting",
    ]
    assert not in_order(real, business), in_order(real, business)
    assert not in_order(ours, business), in_order(ours, business)

    # Resolutions in the secretary's words, lists as lists, in order.
    resolutions = [
        "The Board approved the minutes of the meeting held on 24 March 2023.",
        "The Board noted the Chair's report.",
        "Agreed: 1. That the report on inequalities be circulated to the Board for comment",
        "3. That the reverend Lloyd Denny be thanked for leading this valuable review.",
        "2. That the acute providers and primary care nominate a representative",
        "Joe Harrison requested that his disagreement with the proposed allocation of inequalities funding be noted",
        "2. That the BLMK Joint Forward Plan 2023-2040 be approved for publication and submission to NHSE.",
        "Agreed: That the Memorandum of Understanding between the ICB and Healthwatch be approved.",
        "The Board noted the written and verbal reports.",
        "2. That the month 2 finance report 2023/24 be noted.",
        "Agreed: The Board reviewed the BAF, noted actions taken to manage risks on the system BAF",
        "4. That the Committee Chairs' updates, provided in appendix A of the report be noted.",
    ]
    assert not in_order(real, resolutions), in_order(real, resolutions)
    assert not in_order(ours, resolutions), in_order(ours, resolutions)
    assert "**" not in ours

    # Actions: the owners the real minutes put in the Action column, minute by minute.
    owners = ["9.", "ALL", "14.", "SS", "NP", "15.", "DW", "19.", "MW", "21.", "MW"]
    assert not in_order(real.replace("MW o", "MW"), owners)
    ours_owners = ["9. Denny Review", "All", "14. Quality and Performance", "SS, NP", "15. Finance", "DW"]
    ours_owners += ["19. Board Assurance", "MW", "21. Communications", "MW"]
    assert not in_order(ours, ours_owners), in_order(ours, ours_owners)
    assert "The meeting closed at 13:15." in ours
    assert "Joe Harrison left the meeting at" not in ours  # no time is made up for him

    accepted = {
        ("Dr Rima Makarem (Chair) Chair", "Dr Rima Makarem Chair"): "the role column already says Chair",
        ("Time: 09.00-13.15", "Time: 09:00–13:15"): "times are printed in 24-hour HH:MM",
        ("The meeting closed at 13.15.", "The meeting closed at 13:15."): "the same",
        (
            "Minutes of the: Board of the Integrated Care Board (ICB) in PUBLIC",
            "Minutes of the: Bedfordshire, Luton and Milton Keynes Integrated Care Board in PUBLIC",
        ): "the heading names the body; the meeting's own title is printed above it",
        (
            "Joe Harrison left the meeting due to a prior engagement.",
            "Joe Harrison left the meeting. Joe Harrison left the meeting due to a prior engagement.",
        ): "the record's line comes first, without a time (the minutes give none, so none is made up); the "
        "secretary's own sentence is kept beside it",
        ("Joe Harrison Partner Member, NHS Trusts and Foundation Trusts - part", "Trusts – left early"): (
            "'part' is said as what happened: he left early (at a time the minutes do not give)"
        ),
        (
            "The Board of the Integrated Care Board resolves that representatives of the press",
            "RESOLVED – That representatives of the press and other members of the public be excluded",
        ): "the exclusion is worded from the body's rules (the Public Bodies (Admission to Meetings) Act 1960)",
        ("ALL", "All"): "owners are printed as the tracker writes them",
        ("ACTION: SS to provide an update to the Board.", "48 14 Update on data scoping exercise"): (
            "actions are listed in the action table with their numbers from the body's tracker (47-53), "
            "not repeated in the minute text"
        ),
    }
    check_accepted(accepted, real, ours)


# -- York HackSoc committee, 17 July 2022 --------------------------------------------------------------------------

HACKSOC_PEOPLE = (
    ("Iris Scoffin", "Chair", "IS"),
    ("Chester Wringe", "Secretary", "CW"),
    ("Morgan McKay", "Treasurer", "MM"),
    ("Jessica Russell", "P&P", "JR"),
    ("Clara Hohenlohe", "P&P", "CH"),
    ("Adam Birtles", "Infrastructure", "AB"),
    ("Ash Holland", "OM", "AH"),
    ("Daniel Allinson", "OM", "DA"),
)


def test_hacksoc_committee_17_july_2022(tmp_path: Path) -> None:
    placeholder = new_body(tmp_path, "HackSoc", HACKSOC_PEOPLE)
    ours = replay_and_export(tmp_path, placeholder, HACKSOC, members_heading="Attendees", resolution_style="agreed")
    real = flat(
        subprocess.run(
            ["pdftotext", "-layout", str(CORPUS / "york-hacksoc-committee-2022-07-17-minutes.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    attendees = ["Attendees"] + [name for name, _role, _initials in HACKSOC_PEOPLE]
    assert not in_order(real, attendees) and not in_order(ours, attendees)
    topics = ["Past Actions", "Events Next Term", "Fresher's Fair", "event safety", "EGM", "AOB"]
    assert not in_order(real, topics) and not in_order(ours, topics)
    points = [
        "AH to round out provisional plan - by tuesday",
        "IS to announce that Migration Day is August 1st by July 25th",
        "yeah we're keeping this the same",
        "route needs to be worked out (but quadrasci committee might address this?)",
        "call for submissions need to go out SOON",
        "JR, CH, IS, DA",
        "need to make additional accessible flyers",
        "ask them very nicely",
        "AB will be returning officer",
    ]
    assert not in_order(real, points), in_order(real, points)
    assert not in_order(ours, points), in_order(ours, points)
    actions = [
        ("CW to write call to submissions", "CW"),
        ("IS to create advanced python workshop material", "IS"),
        ("JR and CH to create flyers + graphic designy things", "JR, CH"),
        ("IS and AB to organise the EGM", "IS, AB"),
        ("JR and CH to announce EGM by friday week 6", "JR, CH"),
    ]
    assert not in_order(real, [text for text, _owners in actions])
    assert not in_order(ours, [needle for pair in actions for needle in pair])

    accepted = {
        ("Iris Scoffin (Chair)", "Iris Scoffin Chair"): "roles are printed in their own column, not in brackets",
        ("Agenda Past actions Events Next Term", "No. Agenda Item Action"): (
            "the agenda is not repeated before the minutes: each item is a row of the minutes table"
        ),
        ("People to _actually use_ discord", "People to actually use discord"): (
            "the underscores are Markdown emphasis, printed in italics"
        ),
        ("AOB o thank god", "AOB thank god"): "the real minutes' stray 'o' bullet is a bullet in ours",
        ("Apologies Agenda", "Attendees"): "an empty Apologies block is not printed",
    }
    check_accepted(accepted, real, ours)


# -- NATS.io maintainers, 21 March 2025 ----------------------------------------------------------------------------

NATS_ATTENDEES = (
    "Derek Collison",
    "Byron Ruth",
    "Stephen Asbury",
    "Phil Pennock",
    "Neil Twigg",
    "Matthias Hanel",
    "R.I. Pienaar",
    "Michael Ries",
    "Tomasz Pietrek",
    "Ivan Kozlovic",
    "Colin Sullivan",
    "Alberto Ricart",
    "Charlie Strawn",
    "Christopher Watford",
    "Ginger Collison",
    "Scott Fauerbach",
    "Piotr Piotrowski",
    "Wally Quevedo",
)
NATS_ABSENT = ("Oleg Shaldybin", "Paulo Pires", "David Kemper", "Brian Shannan", "Lev Brouk")


def test_nats_maintainers_21_march_2025(tmp_path: Path) -> None:
    attendees = list(NATS_ATTENDEES)
    people = [(name, "Maintainer", "") for name in [*attendees, *NATS_ABSENT]]
    placeholder = new_body(tmp_path, "NATS.io maintainers", people)
    ours = replay_and_export(
        tmp_path,
        placeholder,
        NATS,
        members_heading="Maintainer Attendees",
        absent_heading="Not Present",
    )
    real = flat(
        subprocess.run(
            ["pdftotext", str(CORPUS / "nats-maintainers-2025-03-21-minutes.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace("\u200b", "")
    )
    for name in attendees:
        assert name in real and name in ours
    absent = ours[ours.index("Not Present") :]
    assert all(name in absent for name in NATS_ABSENT)
    assert "Not Present: Oleg Shaldybin, Paulo Pires, David Kemper, Brian Shannan, Lev Brouk" in real
    order = [
        "Meeting Date",
        "Virtual",
        "NATS.io Departure from Cloud Native Computing Foundation (CNCF)",
        "Derek Collison discussed the idea of NATS.io leaving the CNCF and provided the following justification:",
        "1. Governance differences regarding licensing and monetization",
        "3. Synadia has provided the overwhelming majority of investment to advance the project.",
        "The maintainers voted unanimously in support of exiting CNCF.",
        "Derek Collison to share the voting results with CNCF's Technical Oversight Committee.",
    ]
    real_order = [o.replace("Meeting Date", "Meeting Date:") for o in order]
    assert not in_order(real, real_order), in_order(real, real_order)
    ours_order = ["Date: 21 March 2025", *order[1:]]
    assert not in_order(ours, ours_order), in_order(ours, ours_order)

    accepted = {
        ("Results of vote: The maintainers voted unanimously", "Vote: For 18, against 0, abstentions 0."): (
            "the figures are printed as recorded; 'unanimously' is the resolution's own word"
        ),
        ("Meeting Date: March 21, 2025", "Date: 21 March 2025"): "dates are printed day month year",
        ("2. Action Items", "Actions No. Minute Action Owner Due"): "actions are a table after the minutes",
        ("Not Present: Oleg Shaldybin, Paulo Pires", "Not Present: Oleg Shaldybin Maintainer"): (
            "absent people are a block like the others, one a line with their role"
        ),
    }
    check_accepted(accepted, real, ours)
