"""Minutes as Word: read the .docx back with python-docx and find what the secretary expects, in order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from app.commands.exports import export_minutes_docx
from app.domain import Part
from app.export.minutes_docx import render_minutes_docx
from app.services.minutes import AttendanceBlock, AttendeeLine, MinutesDocument, MinuteSection, build_minutes
from app.storage import NotFound, Store
from tests.unit.exports_helpers import SECRET, Board, make_board


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    store = Store.open(tmp_path_factory.mktemp("docx") / "quorate.db")
    yield make_board(store)
    store.close()


def _paragraphs(document: object) -> list[Paragraph]:
    """Every paragraph of the body, those inside table cells included, in reading order."""
    body = document.element.body  # type: ignore[attr-defined]
    return [Paragraph(p, document) for p in body.iter(qn("w:p"))]


def _text(path: Path) -> str:
    return "\n".join(p.text for p in _paragraphs(docx.Document(str(path))))


def test_part_one_has_every_item_resolution_and_action_in_agenda_order(board: Board, tmp_path: Path) -> None:
    out = export_minutes_docx(board.store, board.meetings["mar"], tmp_path / "minutes.docx", Part.ONE)
    text = _text(out)
    expected_in_order = [
        "Test Board",
        "Date:\t1 March 2024",
        "Venue:\tBoard Room",
        "Minutes of the: Test Board in PUBLIC",
        "Members:",
        "Ann Chair",
        "Apologies:",
        "Eve Ellis",
        "There were 3 members of the public in attendance.",
        "No.\nAgenda Item\nAction",
        "1.\nApologies",  # the minute number in the No. column, then the title
        "Apologies were received from Eve Ellis.",
        "2.\nBudget 2024/25",
        "Dan Dale declared a financial interest",
        "The Board discussed the budget in detail.",
        "Moved by Ben Baker, seconded by Cat Cole.",  # who moved it and how the vote went lead to the resolution
        "For: Ann Chair, Ben Baker, Cat Cole.",
        "RESOLVED – That the budget for 2024/25 is approved.",
        "BB, CC, DD, AC",  # owners' initials in the Action column
        "3.\nAny other business",
        "There was none.",
        "taken in private",  # the resolution to exclude press and public closes Part I
        "Actions",
        "Publish the approved budget",
        "Review the risk register",
        "Audit chain: " + board.store.audit_head(),
    ]
    position = -1
    for wanted in expected_in_order:
        found = text.find(wanted, position + 1)
        assert found > position, f"{wanted!r} missing or out of order"
        position = found
    # Part II never appears in the Part I document.
    for secret in ("Oak House", "Estates strategy", SECRET, "Instruct the Oak House agents"):
        assert secret not in text


def test_part_two_is_its_own_document(board: Board, tmp_path: Path) -> None:
    out = export_minutes_docx(board.store, board.meetings["mar"], tmp_path / "part2.docx", Part.TWO)
    document = docx.Document(str(out))
    text = _text(out)
    assert "Oak House" in text and SECRET.removesuffix(".") in text and "Instruct the Oak House agents" in text
    assert "Budget 2024/25" not in text and "Bidder Ltd" not in text
    assert "(Part II: CONFIDENTIAL)" in text
    assert "CONFIDENTIAL — Part II" in document.sections[0].header.paragraphs[0].text


def test_markdown_becomes_real_word_formatting(board: Board, tmp_path: Path) -> None:
    out = export_minutes_docx(board.store, board.meetings["mar"], tmp_path / "minutes.docx", Part.ONE)
    paragraphs = _paragraphs(docx.Document(str(out)))
    runs = {run.text: run for p in paragraphs for run in p.runs}
    assert runs["discussed"].bold is True and runs["detail"].italic is True
    assert runs["The Board "].bold is not True
    assert runs["programme"].bold is True
    assert "**" not in "".join(p.text for p in paragraphs)
    by_text = {p.text: p for p in paragraphs}
    assert by_text["Capital programme slipped"].style.name == "List Bullet"
    assert by_text["Reserves are adequate"].style.name == "List Bullet"
    first, third = by_text["First numbered point"], by_text["Third option"]
    assert first.style.name == third.style.name == "List Number"
    # Each numbered list is its own Word list, starting where the Markdown says: 1. … and then 3. …
    first_num = first._p.pPr.numPr.numId.val
    third_num = third._p.pPr.numPr.numId.val
    assert first_num != third_num
    assert by_text["Second numbered point"]._p.pPr.numPr.numId.val == first_num
    numbering = out_numbering(out)
    assert numbering[first_num] == 1 and numbering[third_num] == 3
    # Titles are bold, "Presented by" is not there for items without a presenter, resolutions are bold.
    assert runs["Budget 2024/25"].bold is True
    assert runs["RESOLVED – That the budget for 2024/25 is approved."].bold is True


def out_numbering(path: Path) -> dict[int, int]:
    """numId -> the start override of its first level."""
    numbering = docx.Document(str(path)).part.numbering_part.element
    starts = {}
    for num in numbering.num_lst:
        for override in num.lvlOverride_lst:
            if override.startOverride is not None:
                starts[int(num.numId)] = int(override.startOverride.val)
    return starts


def test_draft_marking_properties_and_page_numbers(board: Board, tmp_path: Path) -> None:
    out = export_minutes_docx(board.store, board.meetings["mar"], tmp_path / "minutes.docx")
    document = docx.Document(str(out))
    props = document.core_properties
    assert props.title == "Board — DRAFT minutes"
    assert props.subject == "Minutes of the: Test Board in PUBLIC"
    assert props.author == "Test Board" and props.content_status == "Draft"
    section = document.sections[0]
    assert "DRAFT" in section.header.paragraphs[0].text
    assert "DRAFT — not yet approved" in _text(out)
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    # The last paragraph of the document is the audit chain's head the minutes were made from.
    assert document.paragraphs[-1].text == f"Audit chain: {board.store.audit_head()}"


def test_signed_minutes_carry_no_draft_marking(board: Board, tmp_path: Path) -> None:
    record = board.store.record(board.meetings["mar"])
    final = dataclasses.replace(build_minutes(record, Part.ONE), draft=False)
    out = render_minutes_docx(final, tmp_path / "final.docx")
    document = docx.Document(str(out))
    assert "DRAFT" not in _text(out) and "DRAFT" not in document.sections[0].header.paragraphs[0].text
    assert document.core_properties.content_status == "Final"


def test_the_file_is_replaced_atomically(board: Board, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    out.write_bytes(b"old")
    export_minutes_docx(board.store, board.meetings["mar"], out)
    assert out.read_bytes()[:2] == b"PK"  # a zip: the complete new file
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]  # no temporary file left behind
    with pytest.raises(NotFound):
        export_minutes_docx(board.store, 9999, tmp_path / "none.docx")
    assert not (tmp_path / "none.docx").exists()


def test_presenter_headings_and_odd_markdown(tmp_path: Path) -> None:
    odd = (
        "# Heading\n\n> quoted *text*\n\n```\ncode line\n```\n\n---\n\n"
        "- \n- [link](http://x) ![alt](y.png)\n\n<b>raw</b>"
    )
    doc = MinutesDocument(
        body_name="Health & Care Partnership",
        meeting_title="Health & Care Partnership",
        date_text="6 June 2024",
        time_text="",
        venue="",
        part=Part.ONE,
        draft=True,
        attendance=(AttendanceBlock("Members", (AttendeeLine("Cllr Jo Bloggs", "", "JB", note="part"),)),),
        members_of_public=1,
        sections=(
            MinuteSection("", "6.", "SYSTEM STRATEGY", "", "", is_heading=True),
            MinuteSection("HCP1", "6.1", "Joint Forward Plan", "Felicity Cox, Chief Executive", odd, ("FC",)),
        ),
        actions=(),
        audit_head="",
    )
    out = render_minutes_docx(doc, tmp_path / "odd.docx")
    paragraphs = _paragraphs(docx.Document(str(out)))
    text = "\n".join(p.text for p in paragraphs)
    for wanted in ("6. SYSTEM STRATEGY", "HCP1", "6.1 Joint Forward Plan", "Heading", "quoted text", "code line"):
        assert wanted in text
    for wanted in ("link alt", "<b>raw</b>", "There was 1 member of the public in attendance.", "part"):
        assert wanted in text
    runs = {run.text: run for p in paragraphs for run in p.runs}
    assert runs["Presented by Felicity Cox, Chief Executive"].italic is True
    assert runs["Heading"].bold is True and runs["part"].italic is True
    assert "Audit chain" not in text
