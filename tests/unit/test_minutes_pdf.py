"""Minutes PDF: what a reader, a PDF viewer and an auditor can get back out of the file."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import Destination
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.domain import Part
from app.export import minutes_pdf
from app.export.fonts import FAMILY, register_fonts
from app.export.markdown_flow import escape, markdown_to_flowables
from app.export.minutes_pdf import minutes_pdf_bytes, render_minutes_pdf
from app.services.minutes import ActionLine, AttendanceBlock, AttendeeLine, MinutesDocument, MinuteSection

AUDIT = "3f6c0e5d9a1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5"


def _sections() -> tuple[MinuteSection, ...]:
    return (
        MinuteSection(
            "1",
            "1",
            "Welcome, Introductions and Apologies",
            "",
            "The Chair welcomed all to this meeting of the Board.\n\nIt was confirmed that the meeting was quorate.",
            show_item_number=False,  # the agenda number is the minute number: build_minutes prints it once
        ),
        MinuteSection("", "6.", "SYSTEM STRATEGY", "", "", is_heading=True),
        MinuteSection(
            "2",
            "6.1",
            "Chief Executive Officer’s Report",
            "Felicity Cox, Chief Executive Officer",
            "The CEO gave the following update:\n\n"
            "- The **Target Operating Model** consultation went live\n"
            "- The MSK contract has been *extended* for one year\n\n"
            "Agreed:\n\n1. That the report be noted;\n2. That the plan be approved.",
            ("FC", "DW"),
        ),
        MinuteSection(
            "3",
            "7",
            "Finance Report",
            "Dean Westcott, Chief Finance Officer",
            "The efficiency requirement is £72m against €5m last year ✓ “agreed” – the Board’s view.",
            ("DW",),
        ),
        MinuteSection("4", "8", "Any Other Business", "", "There was none."),
    )


def make_doc(**changes: Any) -> MinutesDocument:
    doc = MinutesDocument(
        body_name="NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board",
        meeting_title="Board of the Integrated Care Board",
        date_text="30 June 2023",
        time_text="09:00",
        venue="Council Chamber, Priory House, Shefford",
        part=Part.ONE,
        draft=True,
        attendance=(
            AttendanceBlock(
                "Members",
                (
                    AttendeeLine("Dr Rima Makarem", "Chair", "RM"),
                    AttendeeLine("Joe Harrison", "Partner Member, NHS Trusts", "JH", note="part"),
                ),
            ),
            AttendanceBlock("Apologies", (AttendeeLine("David Carter", "Partner Member", "DC"),)),
        ),
        members_of_public=7,
        sections=_sections(),
        actions=(ActionLine("A1", "2", "Circulate the operating model timeline", "FC", "29/09/2023"),),
        audit_head=AUDIT,
    )
    return dataclasses.replace(doc, **changes)


def long_doc(paragraphs: int = 200) -> MinutesDocument:
    body = "\n\n".join(
        f"Marker {i:03d}: the plan has a challenging efficiency requirement and there is a risk to delivery, "
        "with ongoing operational pressures and industrial action affecting costs."
        for i in range(paragraphs)
    )
    sections = (
        *_sections()[:3],
        MinuteSection("3", "7", "Finance Report", "Dean Westcott", body, ("DW",)),
        _sections()[4],
    )
    return make_doc(sections=sections)


def reader_of(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader_of(data).pages]


def flat(text: str) -> str:
    """Extracted text with line wrapping undone, for searching phrases."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return minutes_pdf_bytes(make_doc())


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return minutes_pdf_bytes(long_doc())


# --- content ------------------------------------------------------------------------------------------------------


def test_every_section_title_and_minute_text_appear_in_agenda_order(sample_pdf: bytes) -> None:
    text = flat("\n".join(page_texts(sample_pdf)))
    expected = [
        "Welcome, Introductions and Apologies",
        "The Chair welcomed all to this meeting of the Board.",
        "It was confirmed that the meeting was quorate.",
        "SYSTEM STRATEGY",
        "Chief Executive Officer’s Report",
        "Presented by Felicity Cox, Chief Executive Officer",
        "The CEO gave the following update:",
        "Finance Report",
        "Any Other Business",
        "There was none.",
    ]
    positions = [text.find(phrase) for phrase in expected]
    assert all(p >= 0 for p in positions), dict(zip(expected, positions, strict=True))
    assert positions == sorted(positions)


def test_header_attendance_and_public_follow_nhs_house_style(sample_pdf: bytes) -> None:
    first = flat(page_texts(sample_pdf)[0])
    for phrase in (
        "Date: 30 June 2023",
        "Time: 09:00",
        "Venue: Council Chamber, Priory House, Shefford",
        "Minutes of the: NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board in PUBLIC",
        "Members:",
        "Dr Rima Makarem Chair RM",
        "Apologies:",
        "David Carter Partner Member DC",
        "There were 7 members of the public in attendance.",
        "No. Agenda Item Action",
    ):
        assert phrase in first, phrase
    assert "Partner Member, NHS Trusts – part" in first


def test_minute_numbers_and_action_initials_are_in_their_columns(sample_pdf: bytes) -> None:
    text = flat("\n".join(page_texts(sample_pdf)))
    assert "1. Welcome, Introductions and Apologies" in text  # item number equal to the minute: printed once
    assert "2. 6.1 Chief Executive Officer’s Report" in text
    assert "FC, DW" in text
    assert "3. 7 Finance Report" in text


def test_no_public_sentence_when_nobody_attended() -> None:
    text = flat("\n".join(page_texts(minutes_pdf_bytes(make_doc(members_of_public=0)))))
    assert "members of the public" not in text
    one = flat("\n".join(page_texts(minutes_pdf_bytes(make_doc(members_of_public=1)))))
    assert "There was 1 member of the public in attendance." in one


def test_actions_table_follows_the_minutes(sample_pdf: bytes) -> None:
    text = flat("\n".join(page_texts(sample_pdf)))
    assert "No. Minute Action Owner Due" in text
    assert text.index("There was none.") < text.index("Circulate the operating model timeline")
    assert "29/09/2023" in text


def test_no_actions_table_without_actions() -> None:
    text = flat("\n".join(page_texts(minutes_pdf_bytes(make_doc(actions=())))))
    assert "Owner Due" not in text


def test_pound_euro_tick_and_curly_quotes_survive_extraction(sample_pdf: bytes) -> None:
    text = "\n".join(page_texts(sample_pdf))
    for char in "£€✓’“”–":
        assert char in text, char
    assert "£72m against €5m last year ✓ “agreed” – the Board’s view." in flat(text)


def test_markup_characters_in_minutes_are_printed_literally() -> None:
    section = MinuteSection("1", "1", "Q&A <live>", "", "Costs <b>rose</b> & fell > 5%; x < y")
    text = flat("\n".join(page_texts(minutes_pdf_bytes(make_doc(sections=(section,))))))
    assert "Q&A <live>" in text
    assert "Costs <b>rose</b> & fell > 5%; x < y" in text


def test_markdown_bold_bullets_and_numbers_render(sample_pdf: bytes) -> None:
    reader = reader_of(sample_pdf)
    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if font is not None and text.strip():
            runs.append((text, str(font.get("/BaseFont", ""))))

    full = ""
    for page in reader.pages:
        full += page.extract_text(visitor_text=visit)
    text = flat(full)
    assert "• The Target Operating Model consultation went live" in text
    assert "• The MSK contract has been extended for one year" in text
    assert "1. That the report be noted;" in text and "2. That the plan be approved." in text
    assert any("Target Operating Model" in run and "Bold" in font for run, font in runs)
    assert any("extended" in run and "Oblique" in font for run, font in runs)


# --- page furniture -------------------------------------------------------------------------------------------------


def test_every_page_is_numbered_page_x_of_y(long_pdf: bytes) -> None:
    texts = page_texts(long_pdf)
    total = len(texts)
    assert total >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
    assert "Board of the Integrated Care Board — DRAFT minutes" in texts[0]


def test_draft_watermark_only_on_drafts(sample_pdf: bytes) -> None:
    for text in page_texts(sample_pdf):
        assert "DRAFT" in text
    final = minutes_pdf_bytes(make_doc(draft=False))
    assert all("DRAFT" not in text for text in page_texts(final))


def test_draft_watermark_is_drawn_in_every_page_content(long_pdf: bytes) -> None:
    for page in reader_of(long_pdf).pages:
        assert b"(DRAFT) Tj" in page.get_contents().get_data()  # type: ignore[union-attr]


def test_part_two_is_marked_confidential_on_every_page() -> None:
    texts = page_texts(minutes_pdf_bytes(dataclasses.replace(long_doc(), part=Part.TWO, members_of_public=0)))
    assert len(texts) > 1
    for text in texts:
        assert "CONFIDENTIAL — Part II" in text
    assert "(Part II: CONFIDENTIAL)" in flat(texts[0])
    assert all("CONFIDENTIAL — Part II" not in text for text in page_texts(minutes_pdf_bytes(make_doc())))


def test_audit_head_only_on_the_last_page(long_pdf: bytes) -> None:
    texts = page_texts(long_pdf)
    assert f"Audit chain: {AUDIT}" in texts[-1]
    assert all(AUDIT not in text for text in texts[:-1])


def test_metadata(sample_pdf: bytes) -> None:
    meta = reader_of(sample_pdf).metadata
    assert meta is not None
    assert meta.title == "Board of the Integrated Care Board — minutes"
    assert meta.author == "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board"
    assert meta.subject == make_doc().heading
    assert meta.creator == "Quorate"


def test_title_suffix_reaches_title_and_footer() -> None:
    data = minutes_pdf_bytes(make_doc(), title_suffix=" (Part I)")
    reader = reader_of(data)
    assert reader.metadata is not None
    assert reader.metadata.title == "Board of the Integrated Care Board (Part I) — minutes"
    assert "Board of the Integrated Care Board (Part I) — DRAFT minutes" in reader.pages[0].extract_text()


# --- fonts ----------------------------------------------------------------------------------------------------------


def test_dejavu_is_the_only_font_and_it_is_embedded(sample_pdf: bytes) -> None:
    names: set[str] = set()
    for page in reader_of(sample_pdf).pages:
        fonts: Any = page["/Resources"]["/Font"]  # type: ignore[index]
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType
    assert names and all("DejaVu" in name for name in names), names
    assert any("DejaVuSans-Bold" in name for name in names)
    assert any("DejaVuSans-Oblique" in name for name in names)


def test_font_registration_is_idempotent() -> None:
    assert register_fonts() == register_fonts() == FAMILY


# --- outline --------------------------------------------------------------------------------------------------------


def outline_of(reader: PdfReader) -> list[Destination]:
    entries = reader.outline
    assert all(isinstance(entry, Destination) for entry in entries)  # flat: level 0 only
    return [entry for entry in entries if isinstance(entry, Destination)]


def test_outline_has_one_entry_per_minute_pointing_at_its_page(long_pdf: bytes) -> None:
    reader = reader_of(long_pdf)
    outline = outline_of(reader)
    titles = [str(entry.title) for entry in outline]
    assert titles == [
        "1. Welcome, Introductions and Apologies",
        "2. Chief Executive Officer’s Report",
        "3. Finance Report",
        "4. Any Other Business",
    ]
    texts = page_texts(long_pdf)
    pages: list[int] = []
    for entry, title in zip(outline, titles, strict=True):
        assert entry.typ == "/XYZ"  # not /Fit: QtPdf rejects it
        page = reader.get_destination_page_number(entry)
        assert page is not None
        pages.append(page)
        assert title.split(" ", 1)[1] in texts[page]
    assert pages == sorted(pages)
    assert pages[-1] > pages[0]  # the long minute pushed the last one onto a later page


def test_heading_rows_get_no_outline_entry_and_no_number(sample_pdf: bytes) -> None:
    titles = [str(entry.title) for entry in outline_of(reader_of(sample_pdf))]
    assert len(titles) == 4
    assert all("SYSTEM STRATEGY" not in title for title in titles)
    text = flat(page_texts(sample_pdf)[0])
    assert "6. SYSTEM STRATEGY" in text


# --- long minutes ---------------------------------------------------------------------------------------------------


def test_a_long_minute_splits_across_pages_and_keeps_all_its_text(long_pdf: bytes) -> None:
    texts = page_texts(long_pdf)
    assert len(texts) >= 4
    text = flat("\n".join(texts))
    positions = [text.find(f"Marker {i:03d}:") for i in range(200)]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    pages_with_markers = [n for n, page in enumerate(texts) if "Marker " in page]
    assert len(pages_with_markers) >= 3
    # The header row repeats on every page the minutes table reaches.
    for n in pages_with_markers:
        assert "No." in texts[n] and "Agenda Item" in texts[n]


def test_a_single_paragraph_longer_than_a_page_still_renders() -> None:
    words = " ".join(f"w{i}" for i in range(4000))
    section = MinuteSection("1", "1", "Endless", "", words)
    texts = page_texts(minutes_pdf_bytes(make_doc(sections=(section,), attendance=())))
    assert len(texts) >= 2
    assert "w3999" in texts[-1] or "w3999" in texts[-2]


def test_empty_document_renders() -> None:
    doc = make_doc(attendance=(), sections=(), actions=(), members_of_public=0, audit_head="", date_text="")
    texts = page_texts(minutes_pdf_bytes(doc))
    assert texts and "Page 1 of 1" in texts[0]
    assert "Audit chain" not in texts[0]


# --- writing --------------------------------------------------------------------------------------------------------


def test_render_writes_a_readable_file(tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    assert render_minutes_pdf(make_doc(), out) == out
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(out).pages) >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.pdf"]
    assert out.stat().st_mode & 0o777 == 0o644


def test_failed_render_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(minutes_pdf, "_draw_footer", boom)  # fails inside the build, after pages are laid out
    out = tmp_path / "minutes.pdf"
    with pytest.raises(RuntimeError, match="disk on fire"):
        render_minutes_pdf(make_doc(), out)
    assert list(tmp_path.iterdir()) == []

    out.write_bytes(b"previous version")
    with pytest.raises(RuntimeError):
        render_minutes_pdf(make_doc(), out)
    assert out.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_failed_replace_cleans_up_the_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any) -> None:
        raise PermissionError("locked by a viewer")

    monkeypatch.setattr("app.export.files.os.replace", refuse)
    out = tmp_path / "minutes.pdf"
    with pytest.raises(PermissionError):
        render_minutes_pdf(make_doc(), out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_extracts_titles_too(tmp_path: Path) -> None:
    out = render_minutes_pdf(long_doc(), tmp_path / "minutes.pdf")
    result = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True)
    text = flat(result.stdout)
    for section in _sections():
        assert section.title in text
    assert "Marker 199:" in text
    short = render_minutes_pdf(make_doc(), tmp_path / "short.pdf")
    result = subprocess.run(["pdftotext", str(short), "-"], capture_output=True, text=True, check=True)
    assert "£72m against €5m last year ✓ “agreed” – the Board’s view." in flat(result.stdout)


# --- markdown -------------------------------------------------------------------------------------------------------


BASE = ParagraphStyle("test", fontName=register_fonts(), fontSize=10, leading=12, bulletFontName=FAMILY)


def texts_of(flowables: list[Any]) -> list[str]:
    return [f.getPlainText() for f in flowables if isinstance(f, Paragraph)]


def test_plain_text_becomes_paragraphs_with_line_breaks() -> None:
    flowables = markdown_to_flowables("First paragraph.\nSame paragraph, new line.\n\nSecond paragraph.", BASE)
    assert len(flowables) == 2
    assert "<br/>" in flowables[0].text
    assert texts_of(flowables)[1] == "Second paragraph."


def test_empty_body_gives_nothing() -> None:
    assert markdown_to_flowables("  \n\n ", BASE) == []


def test_lists_get_bullets_numbers_and_indent() -> None:
    flowables = markdown_to_flowables("- one\n- two\n  - nested\n\n3. three\n4. four", BASE)
    bullets = [f.bulletText for f in flowables]
    assert bullets == ["•", "•", "◦", "3.", "4."]
    assert flowables[2].style.leftIndent > flowables[0].style.leftIndent > 0


def test_word_bullets_pasted_as_text_become_a_list() -> None:
    flowables = markdown_to_flowables("Highlights:\n• first point\n• second point", BASE)
    assert [f.bulletText for f in flowables] == [None, "•", "•"]


def test_headings_are_bold_and_other_blocks_degrade_to_text() -> None:
    source = (
        "## Discussion\n\n> quoted\n\n```\ncode <here>\n```\n\n---\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n![alt text](x.png) [a link](http://example.org) <span>raw</span>"
    )
    flowables = markdown_to_flowables(source, BASE)
    texts = texts_of(flowables)
    assert texts[0] == "Discussion"
    assert "Bold" in flowables[0].style.fontName
    joined = " ".join(texts)
    for fragment in ("quoted", "code <here>", "| a | b |", "alt text", "a link", "<span>raw</span>"):
        assert fragment in joined, fragment


def test_escape() -> None:
    assert escape("a & b <c> d") == "a &amp; b &lt;c&gt; d"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*"ab *_-#>`[]()!<>&|\\\n1.•~", "**", "\n\n", "  ", "&amp;", "1. "])).map("".join))
def test_markdown_never_crashes_and_always_gives_valid_paragraphs(source: str) -> None:
    for flowable in markdown_to_flowables(source, BASE):
        flowable.wrap(400, 10_000)


def test_lead_ins_are_kept_with_what_follows() -> None:
    flowables = markdown_to_flowables(
        "Agreed:\n\n1. That the plan be approved.\n\n## Discussion\n\nText.\n\nEnd.", BASE
    )
    assert [bool(f.getKeepWithNext()) for f in flowables] == [True, False, True, False, False]
    glued = minutes_pdf._keep_lead_ins(flowables)
    assert len(glued) == 3
    assert isinstance(glued[0], minutes_pdf._Lead) and len(glued[0].parts) == 2
