"""A hard meeting replayed and exported: every awkward moment reads in the minutes as a secretary would write it.

The meeting (tests/replays/committee-hard-meeting.jsonl) has a deputy, a late arrival, a member withdrawing for
an item, an amendment carried, a deferral, the chair leaving and the vice-chair taking the chair, a tie decided
on the casting vote of the person presiding, and Part II. The PDF and the Word document are read back as text.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.domain import AgendaItem, Meeting, Person, Tier
from app.domain.house_style import COUNCIL
from app.domain.rules import LOCAL_AUTHORITY_COMMITTEE
from app.storage import Store
from app.storage.people import add_person, set_body_rules, set_deputies
from tests.conftest import REPO

HARD_MEETING = REPO / "tests" / "replays" / "committee-hard-meeting.jsonl"

PEOPLE = (
    # name, title, role, tier, voting, tags
    ("Ann Marland", "Cllr", "Chair", Tier.MEMBER, True, ("chair",)),
    ("Ben Okafor", "Cllr", "Vice-Chair", Tier.MEMBER, True, ("vice-chair",)),
    ("Cara Singh", "Cllr", "Member", Tier.MEMBER, True, ()),
    ("Dev Patel", "Cllr", "Member", Tier.MEMBER, True, ()),
    ("Eve Hughes", "Cllr", "Member", Tier.MEMBER, True, ()),
    ("Nina Alam", "Dr", "Partner Member, Primary Care", Tier.MEMBER, True, ()),
    ("Tam Nguyen", "Dr", "Deputy Partner Member, Primary Care", Tier.PARTICIPANT, False, ()),
    ("Sam Reed", "", "Democratic Services Officer", Tier.OFFICER, False, ()),
    ("Lee Grant", "", "Director of Adult Services", Tier.OFFICER, False, ()),
    ("Jo Park", "", "Healthwatch", Tier.IN_ATTENDANCE, False, ()),
    ("Pat Quinn", "", "Care Quality Commission", Tier.OBSERVER, False, ()),
)


def make_committee(data_dir: Path) -> int:
    """The body, its people (Dr Nguyen registered as Dr Alam's deputy), its rules and house style."""
    store = Store.open(data_dir / "quorate.db")
    try:
        body = store.ensure_body("Health and Care Committee")
        assert body.id is not None
        set_body_rules(store, body.id, LOCAL_AUTHORITY_COMMITTEE)
        store.set_house_style(
            body.id, replace(COUNCIL, minute_prefix="HCP", minute_taker="Sam Reed", deputy_noun="deputy")
        )
        ids = {}
        for name, title, role, tier, voting, tags in PEOPLE:
            initials = "".join(part[0] for part in name.split())
            person = add_person(store, Person(None, body.id, name, role, initials, title, "", tier, voting, tags))
            ids[name] = person.id
        set_deputies(store, ids["Nina Alam"], [ids["Tam Nguyen"]])
        placeholder = store.create_meeting(
            Meeting(None, body.id, "Placeholder"), [AgendaItem(None, 0, 0, "1", "Nothing")]
        )
        assert placeholder.id is not None
        return placeholder.id
    finally:
        store.close()


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    import re

    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return "\n".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("hard-meeting")
    placeholder = make_committee(data)
    common = ["--data-dir", str(data)]
    out: dict[str, str] = {}
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert main([*common, "replay", str(placeholder), str(HARD_MEETING), "--json"]) == 0
    meeting_id = json.loads(printed.getvalue())["meeting"]["id"]
    for part in ("public", "confidential"):
        pdf, docx = data / f"{part}.pdf", data / f"{part}.docx"
        with contextlib.redirect_stdout(io.StringIO()):
            assert main([*common, "minutes", str(meeting_id), "--out", str(pdf), "--part", part]) == 0
            assert main([*common, "minutes", str(meeting_id), "--out", str(docx), "--part", part]) == 0
        out[f"{part}.pdf"] = " ".join(_pdf_text(pdf).split())
        out[f"{part}.docx"] = " ".join(_docx_text(docx).split())
        out[f"{part}.pdf.path"] = str(pdf)
    return out


FORMATS = ("pdf", "docx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_deputy_and_the_absent_member_are_where_a_secretary_puts_them(exported: dict[str, str], fmt: str) -> None:
    text = exported[f"public.{fmt}"]
    members, _, rest = text.partition("Officers")
    assert "Dr Tam Nguyen (deputising for Dr Nina Alam)" in members
    apologies = text[text.index("Apologies:") :]
    assert "Dr Nina Alam" in apologies
    assert "Dr Nina Alam" not in members.replace("(deputising for Dr Nina Alam)", "")
    # Officers are not merged into "In attendance"; honorifics are kept.
    assert "Sam Reed" in rest and "Lee Grant" in rest
    assert "In attendance" in text and "Jo Park" in text[text.index("In attendance") :]
    observers = text[text.index("Observers:") : text.index("Apologies:")]
    assert "Pat Quinn" in observers and "Jo Park" not in observers
    assert "Cllr Ann Marland" in members and "Cllr Ann Marland" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_arrivals_departures_and_the_change_of_chair_say_when(exported: dict[str, str], fmt: str) -> None:
    text = exported[f"public.{fmt}"]
    assert "arrived 14:20" in text  # in the attendance block
    assert "Cllr Eve Hughes joined the meeting at 14:20." in text
    assert "Cllr Ann Marland left the meeting at 14:40." in text
    assert "Cllr Ben Okafor took the chair at 14:40." in text
    assert text.index("Cllr Ann Marland left the meeting at 14:40.") < text.index("Cllr Ben Okafor took the chair")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_amendment_is_minuted_in_order_and_the_resolution_is_the_motion_as_amended(
    exported: dict[str, str], fmt: str
) -> None:
    text = exported[f"public.{fmt}"]
    amendment = (
        "An amendment moved by Cllr Cara Singh, seconded by Cllr Eve Hughes, that the words “subject to a review "
        "of the day-care charges in six months” be added at the end, was carried (3 for, 2 against)."
    )
    assert amendment in text
    resolved = (
        "RESOLVED – That the Committee approves the budget proposals set out in the report, subject to a review "
        "of the day-care charges in six months."
    )
    assert resolved in text
    assert text.index(amendment) < text.index(resolved)
    assert "RESOLVED – That the Committee approves the budget proposals set out in the report." not in text
    # The motion as first moved comes before its amendment, the vote on it as amended after, then the resolution.
    moved = (
        "Moved by Cllr Ann Marland, seconded by Cllr Ben Okafor, that the Committee approves the budget proposals "
        "set out in the report."
    )
    voted = "Vote on the motion as amended: For 5, against 0, abstentions 0."
    assert text.index(moved) < text.index(amendment) < text.index(voted) < text.index(resolved)
    # The declaration and the withdrawal come first, the arrival at 14:20 before the votes at 14:30.
    declared = text.index("Cllr Dev Patel declared an other registrable interest")
    assert "Cllr Dev Patel withdrew from the meeting" not in text  # the declaration says it once
    assert declared < text.index("Lee Grant introduced the report") < text.index(amendment)
    assert text.index("Cllr Dev Patel returned to the meeting at 14:33.") > text.index(resolved)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_deferral_says_so_and_why(exported: dict[str, str], fmt: str) -> None:
    text = exported[f"public.{fmt}"]
    assert (
        "This item was deferred: the consultation report was not ready; it will come to the meeting on 5 March 2024."
        in text
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_casting_vote_is_given_by_the_person_presiding_by_name(exported: dict[str, str], fmt: str) -> None:
    text = exported[f"public.{fmt}"]
    casting = "The Chair, Cllr Ben Okafor, gave a casting vote for the motion."
    resolved = "RESOLVED – That the libraries open until 17:00 on Saturdays from 1 April 2024."
    # As a secretary writes it: who moved it, the vote, the casting vote, then what was resolved.
    moved = "Moved by Cllr Cara Singh, seconded by Cllr Eve Hughes."
    tied = "Vote: For 2, against 2, abstentions 1."
    taken = text.index("Cllr Ben Okafor took the chair at 14:40.")
    assert taken < text.index(moved, taken) < text.index(tied, taken) < text.index(casting) < text.index(resolved)


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbering_standing_text_and_the_close(exported: dict[str, str], fmt: str) -> None:
    public, confidential = exported[f"public.{fmt}"], exported[f"confidential.{fmt}"]
    for number in range(1, 8):
        assert f"HCP{number}" in public
    assert "HCP8" not in public and "HCP1 1" not in public  # no doubled numbers
    assert "HCP8" in confidential and "HCP1 " not in confidential  # Part II continues the numbering
    # The standing sentence follows the record: a declaration was made, so "no declarations" is gone.
    assert "There were no declarations of interest" not in public
    # The sentence Quorate proposed said "confirmed"; the chair never confirmed, so the minutes do not say so.
    assert "confirmed as quorate" not in public
    assert "The meeting was quorate (5 counted, 3 needed)." in public
    assert "The meeting closed at 15:00." in confidential and "The meeting closed" not in public
    assert "Minutes taken by Sam Reed on 6 February 2024." in public


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_resolution_with_a_numbered_list_prints_a_real_list(exported: dict[str, str], fmt: str) -> None:
    text = exported[f"confidential.{fmt}"]
    assert "**" not in text
    assert "RESOLVED – That the Committee:" in text
    assert "awards the care home contract to the preferred bidder named in the report;" in text
    assert "delegates the final terms to the Director of Adult Services." in text
    assert "Sign the care home contract with the preferred bidder" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_part_two_lists_those_present_for_its_business_and_who_presided(exported: dict[str, str], fmt: str) -> None:
    """The chair left at 14:40 and Jo Park as the public were excluded at 14:52: neither was there for Part II,
    which the vice-chair chaired. Part I says who took the chair, and from when."""
    confidential, public = exported[f"confidential.{fmt}"], exported[f"public.{fmt}"]
    attendance = confidential[: confidential.index("Apologies:")]
    assert "Cllr Ann Marland" not in attendance and "Jo Park" not in attendance
    assert "Cllr Ben Okafor (in the Chair)" in attendance
    for present in ("Cllr Cara Singh", "Cllr Dev Patel", "Cllr Eve Hughes", "Sam Reed", "Lee Grant", "Pat Quinn"):
        assert present in attendance
    assert "arrived" not in attendance and "left" not in attendance  # nobody came or went during Part II
    assert "Dr Tam Nguyen (deputising for Dr Nina Alam)" in attendance
    assert "Dr Nina Alam" in confidential[confidential.index("Apologies:") :]
    part_one = public[: public.index("Apologies:")]
    assert "Cllr Ben Okafor (in the Chair from 14:40)" in part_one
    assert "Cllr Ann Marland" in part_one and "left 14:40" in part_one and "Jo Park" in part_one
