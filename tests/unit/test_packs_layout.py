"""The layout reader: printed page numbers, refusals of unreadable text, uncertain readings, wrapped titles."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.packs import PackError, draft_to_json, read_pack

HEIGHT = A4[1]


def _front_and_numbered(path: Path) -> Path:
    """Two unnumbered front pages (cover, agenda), then papers whose footers print page 1 onwards."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(60, HEIGHT - 80, "Example Council Cabinet")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 110, "Tuesday 14 January 2025 at 10.00 am")
    pdf.showPage()
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 80, "Agenda")
    pdf.setFont("Helvetica", 11)
    rows = [
        ("1.", "Apologies for Absence", ""),
        ("2.", "Budget Monitoring", "(Pages 1 - 3)"),
        ("3.", "Housing", "(Pages 4 - 5)"),
    ]
    for n, (number, title, pages) in enumerate(rows):
        y = HEIGHT - 120 - 30 * n
        pdf.drawString(60, y, number)
        pdf.drawString(90, y, title)
        pdf.drawString(400, y, pages)
    pdf.showPage()
    for printed in range(1, 6):
        pdf.setFont("Helvetica", 11)
        pdf.drawString(60, HEIGHT - 80, f"Report text {printed}")
        pdf.drawString(A4[0] / 2, 30, str(printed))  # the printed page number in the footer
        pdf.showPage()
    pdf.save()
    return path


def test_printed_pages_resolve_to_pdf_pages_after_unnumbered_front_pages(tmp_path: Path) -> None:
    pack = read_pack(_front_and_numbered(tmp_path / "cabinet.pdf"))
    items = {i.number: i for i in pack.items}
    assert [i.number for i in pack.items] == ["1", "2", "3"]
    # Printed page 1 is the third PDF page: the cover and the agenda carry no number.
    assert (items["2"].first_page, items["2"].last_page) == (3, 5)
    assert (items["3"].first_page, items["3"].last_page) == (6, 7)


def test_an_image_only_pdf_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(50, 50, 400, 600, fill=1)  # drawn, but no text at all
    pdf.showPage()
    pdf.save()
    with pytest.raises(PackError) as caught:
        read_pack(path)
    message = str(caught.value)
    assert "no text" in message and message.endswith(".") and ". " not in message


def test_a_garbled_text_layer_is_refused_not_parsed(tmp_path: Path) -> None:
    """Text whose characters are mostly symbols (a broken ToUnicode map reads like this) gives no items."""
    path = tmp_path / "garbled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    junk = ["1 +/54'30(4*'#34''4+/) 0/ 4* #2%*", "2 #44'232+3+/)", "3 '%-#2#4+0/30(/4'2'34", "4 5$-+%5'34+0/3"]
    for n, line in enumerate(junk * 3):
        pdf.drawString(60, HEIGHT - 80 - 20 * n, line)
    pdf.showPage()
    pdf.save()
    with pytest.raises(PackError) as caught:
        read_pack(path)
    assert "no readable text" in str(caught.value)


def _two_lists(path: Path, second: list[str]) -> Path:
    """Two numbered lists in the same type on one page: which one is the agenda is not clear."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 60, "Committee meeting, 3 March 2025")
    for n, title in enumerate(["Welcome", "Minutes", "Finance", "Close"]):
        pdf.drawString(60, HEIGHT - 100 - 18 * n, f"{n + 1}. {title}")
    for n, title in enumerate(second):
        pdf.drawString(60, HEIGHT - 300 - 18 * n, f"{n + 1}. {title}")
    pdf.showPage()
    pdf.save()
    return path


def test_an_ambiguous_agenda_is_marked_uncertain(tmp_path: Path) -> None:
    pack = read_pack(_two_lists(tmp_path / "two.pdf", ["Roads", "Parks", "Bins", "Lights"]))
    assert pack.items and all({"number", "title"} <= i.uncertain for i in pack.items)
    assert any("more than one way" in w for w in pack.warnings)
    assert draft_to_json(pack)["items"][0]["confidence"]["title"] < 1.0


def test_a_clear_agenda_is_not_marked(tmp_path: Path) -> None:
    pack = read_pack(_two_lists(tmp_path / "one.pdf", []))
    assert [i.title for i in pack.items] == ["Welcome", "Minutes", "Finance", "Close"]
    assert not any("title" in i.uncertain for i in pack.items)
    assert not any("more than one way" in w for w in pack.warnings)


def test_a_wrapped_title_is_read_whole_and_words_without_spaces_are_parted(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Agenda")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 100, "1.")
    pdf.drawString(90, HEIGHT - 100, "Annual Report of the Audit Committee and the")
    pdf.drawString(90, HEIGHT - 114, "External Auditor")
    pdf.drawString(60, HEIGHT - 140, "2.")
    x = 90.0
    for word in ("Adoption", "of", "Previous", "Minutes"):  # drawn word by word, no space characters
        pdf.drawString(x, HEIGHT - 140, word)
        x += pdf.stringWidth(word, "Helvetica", 11) + 3.5
    pdf.showPage()
    pdf.save()
    titles = [i.title for i in read_pack(path).items]
    assert titles == ["Annual Report of the Audit Committee and the External Auditor", "Adoption of Previous Minutes"]


def test_an_agenda_set_in_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    path = tmp_path / "columns.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(60, HEIGHT - 60, "Example Society Annual General Meeting, 5 April 2025")
    pdf.setFont("Helvetica", 11)
    left = [
        ("I.", ["Welcome and apologies"]),
        ("II.", ["Minutes of the last", "meeting"]),
        ("III.", ["Annual report", "of the chair"]),
    ]
    right = [("IV.", ["Accounts"]), ("V.", ["Election of the", "committee"]), ("VI.", ["Any other business"])]
    for column, (x, entries, gap) in enumerate(((60, left, 31.0), (320, right, 23.0))):
        y = HEIGHT - 120 - 9 * column  # baselines that do not line up across the gutter
        for number, wrapped in entries:
            pdf.drawString(x, y, number)
            for line in wrapped:
                pdf.drawString(x + 30, y, line)
                y -= 13
            y -= gap
    pdf.showPage()
    pdf.save()
    items = read_pack(path).items
    assert [i.number for i in items] == ["I", "II", "III", "IV", "V", "VI"]
    assert items[1].title == "Minutes of the last meeting" and items[4].title == "Election of the committee"
    assert items[2].title == "Annual report of the chair"


def test_the_front_sheet_gives_body_title_and_the_meeting_date_not_a_print_date(tmp_path: Path) -> None:
    path = tmp_path / "front.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(60, HEIGHT - 40, "Printed on 2 January 2025")
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(60, HEIGHT - 80, "Example Borough Council")
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(60, HEIGHT - 110, "Cabinet")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 130, "Tuesday 14 January 2025 at 6.30 pm")
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(60, HEIGHT - 170, "Agenda")
    pdf.setFont("Helvetica", 11)
    for n, title in enumerate(["Apologies for Absence", "Declarations of Interest", "Budget"]):
        pdf.drawString(60, HEIGHT - 200 - 20 * n, f"{n + 1}.")
        pdf.drawString(90, HEIGHT - 200 - 20 * n, title)
    pdf.showPage()
    pdf.save()
    pack = read_pack(path)
    assert (pack.body_name, pack.meeting_title) == ("Example Borough Council", "Cabinet")
    assert pack.meeting_date == date(2025, 1, 14) and pack.start == time(18, 30)


def _front_sheet(path: Path, lines: list[tuple[str, float, bool]], items: list[str]) -> Path:
    """A front sheet of (text, size, bold) lines, then "Agenda" and numbered items."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = HEIGHT - 60
    for text, size, bold in lines:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        pdf.drawString(60, y, text)
        y -= size * 1.6
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, y - 10, "Agenda")
    pdf.setFont("Helvetica", 11)
    for n, title in enumerate(items):
        pdf.drawString(60, y - 40 - 20 * n, f"{n + 1}.")
        pdf.drawString(90, y - 40 - 20 * n, title)
    pdf.showPage()
    pdf.save()
    return path


def test_the_summons_sentence_gives_the_meeting_title_and_venue(tmp_path: Path) -> None:
    pack = read_pack(
        _front_sheet(
            tmp_path / "summons.pdf",
            [
                ("EXAMPLE PARISH COUNCIL", 16, True),
                ("You are summoned to attend a meeting of Example Parish Council to be held in the", 10, False),
                ("Village Hall, Mill Lane, Exampleton on Tuesday 10 June 2025 at 7.30pm.", 10, False),
            ],
            ["Apologies", "Minutes", "Finance"],
        )
    )
    assert pack.meeting_title == "Meeting of Example Parish Council"
    assert pack.venue == "Village Hall, Mill Lane, Exampleton"
    assert pack.meeting_date == date(2025, 6, 10) and pack.start == time(19, 30)
    assert not pack.meeting_uncertain


def test_a_dated_title_line_gives_title_and_venue(tmp_path: Path) -> None:
    pack = read_pack(
        _front_sheet(
            tmp_path / "club.pdf",
            [
                ("Example Cycling Club", 16, True),
                ("Committee meeting - Tuesday 3 June 2025, 8.00pm, The Red Lion function room", 11, False),
            ],
            ["Apologies", "Treasurer's report", "Any other business"],
        )
    )
    assert (pack.body_name, pack.meeting_title) == ("Example Cycling Club", "Committee meeting")
    assert pack.venue == "Red Lion function room"


def test_a_venue_read_from_where_it_stands_and_a_title_that_is_only_the_body_are_marked(tmp_path: Path) -> None:
    pack = read_pack(
        _front_sheet(
            tmp_path / "stacked.pdf",
            [
                ("Example Community Trust", 16, True),
                ("Thursday 6 February 2025 at 09:30", 11, False),
                ("Boardroom, Example House, Quarry Lane", 11, False),
            ],
            ["Welcome", "Minutes", "Finance"],
        )
    )
    assert pack.venue == "Boardroom, Example House, Quarry Lane"
    assert {"venue", "title"} <= pack.meeting_uncertain
    meeting = draft_to_json(pack)["meeting"]
    assert meeting["confidence"]["venue"] < 1.0 and "venue" in meeting["uncertain"]


def test_an_action_list_after_the_agenda_is_not_more_agenda_and_gives_actions(tmp_path: Path) -> None:
    path = tmp_path / "agenda-and-actions.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(60, HEIGHT - 60, "Committee Meeting, Tuesday 4 March 2025")
    pdf.setFont("Helvetica", 12)
    for n, title in enumerate(["Opening", "Apologies", "Reports", "Close"]):
        pdf.drawString(60, HEIGHT - 100 - 22 * n, f"{n + 1}. {title}")
    pdf.showPage()
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, HEIGHT - 60, "Action List from Meeting 4-2-25")
    pdf.setFont("Helvetica", 10)
    tasks = ["Sam - book the room", "Alex - order the posters", "Kim - write to the treasurer", "Jo - buy cups"]
    tasks += ["Sam - check the insurance", "Alex - update the website"]
    for n, task in enumerate(tasks):
        pdf.drawString(70, HEIGHT - 90 - 20 * n, f"{n + 1}. {task}")
    pdf.showPage()
    pdf.save()
    pack = read_pack(path)
    assert [i.title for i in pack.items] == ["Opening", "Apologies", "Reports", "Close"]
    assert not any("go on after" in w for w in pack.warnings)
    assert [(a.owner_text, a.action) for a in pack.minute_actions][:2] == [
        ("Sam", "book the room"),
        ("Alex", "order the posters"),
    ]


def test_roman_numbers_are_siblings_in_agenda_json(tmp_path: Path) -> None:
    from app.packs.json_view import _is_child

    assert not _is_child("I", "II") and not _is_child("I", "IV") and not _is_child("", "I")
    assert _is_child("2", "2a") and _is_child("6", "6.1") and _is_child("2", "2(a)") and not _is_child("1", "10")


def test_a_table_is_read_by_the_types_its_header_gives_the_columns(tmp_path: Path) -> None:
    """No. | Item | Lead | Purpose | Paper | Time | Pages, with a lead's role in italics under the name."""
    path = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Agenda")
    columns = (60, 90, 260, 350, 420, 460, 510)
    pdf.setFont("Helvetica-Bold", 9)
    for x, head in zip(columns, ("No.", "Item", "Lead", "Purpose", "Paper", "Time", "Pages"), strict=True):
        pdf.drawString(x, HEIGHT - 90, head)
    rows = [
        ("1", "Welcome and apologies", "Jo Example", "Chair", "Note", "Verbal", "6.00pm", ""),
        ("2", "Finance report", "Sam Sample", "Director of Finance", "Decision", "A", "6.10pm", "1–3"),
        ("3", "Risk register", "Kim Test", "Company Secretary", "Assurance", "B", "6.30pm", "4–5"),
    ]
    for n, (number, title, lead, role, purpose, paper, at, pages) in enumerate(rows):
        y = HEIGHT - 110 - 30 * n
        pdf.setFont("Helvetica", 10)
        for x, text in zip(columns, (number, title, lead, purpose, paper, at, pages), strict=True):
            pdf.drawString(x, y, text)
        pdf.setFont("Helvetica-Oblique", 9)
        pdf.drawString(columns[2], y - 11, role)
    pdf.showPage()
    for printed in range(1, 6):
        pdf.setFont("Helvetica", 10)
        pdf.drawString(60, HEIGHT - 80, f"Paper text {printed}")
        pdf.drawString(A4[0] / 2, 30, str(printed))
        pdf.showPage()
    pdf.save()
    items = read_pack(path).items
    assert [(i.number, i.title, i.presenter) for i in items] == [
        ("1", "Welcome and apologies", "Jo Example"),
        ("2", "Finance report", "Sam Sample"),
        ("3", "Risk register", "Kim Test"),
    ]
    assert [i.planned_time for i in items] == [time(18, 0), time(18, 10), time(18, 30)]
    assert [(i.first_page, i.last_page) for i in items[1:]] == [(2, 4), (5, 6)]  # printed 1-3 and 4-5
    assert items[0].verbal


def test_numbered_paragraphs_of_minutes_are_not_sub_items(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Minutes of the meeting of the Board held on 3 March 2025")
    y = HEIGHT - 100
    sections = [
        (
            "1.",
            "CHAIR AND QUORUM",
            ["The chair opened the meeting and confirmed that a quorum was present for the business."],
        ),
        (
            "2.",
            "FINANCE",
            [
                "The finance director presented the accounts for the year and answered questions on them.",
                "The board noted the position on cash and agreed to review it again at the next meeting.",
            ],
        ),
        ("3.", "CLOSE", ["There was no other business."]),
    ]
    for number, heading, paragraphs in sections:
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(60, y, f"{number} {heading}")
        y -= 20
        pdf.setFont("Helvetica", 10)
        for k, text in enumerate(paragraphs, start=1):
            pdf.drawString(60, y, f"{number[:-1]}.{k} {text}")
            y -= 18
        y -= 10
    pdf.showPage()
    pdf.save()
    items = read_pack(path).items
    assert [(i.number, i.title) for i in items] == [("1", "CHAIR AND QUORUM"), ("2", "FINANCE"), ("3", "CLOSE")]


def test_roman_labels_set_flush_right_and_sub_items_after_an_introducing_line(tmp_path: Path) -> None:
    path = tmp_path / "senate.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(250, HEIGHT - 60, "AGENDA")
    y = HEIGHT - 90
    entries = [("I.", "Welcome"), ("II.", "Minutes"), ("III.", "Reports of committees"), ("IV.", "Finance")]
    for label, title in entries:
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawRightString(100, y, label)  # labels end where the titles begin
        pdf.drawString(106, y, title)
        y -= 20
        if label == "III.":
            pdf.setFont("Helvetica", 11)
            pdf.drawString(106, y, "To receive the minutes of:")
            y -= 18
            for sub, name in (("(i)", "Audit Committee"), ("(ii)", "People Committee")):
                pdf.drawString(120, y, sub)
                pdf.drawString(145, y, name)
                y -= 18
    pdf.showPage()
    pdf.save()
    items = read_pack(path).items
    assert [i.number for i in items] == ["I", "II", "III", "i", "ii", "IV"]
    assert [i.title for i in items if i.number in ("i", "ii")] == ["Audit Committee", "People Committee"]


def test_dotted_leaders_part_title_and_lead_and_sub_sub_items_nest(tmp_path: Path) -> None:
    """A contents-style agenda: "Title......Lead" with the leader glued to the words, a lead that wraps under
    the title after its leader, three levels of numbering ("5.1.2"), and a heading that ends "for Noting"."""
    path = tmp_path / "leaders.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 70, "Example Joint Board")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 90, "Wednesday 10 December 2025 at 10.00am")
    rows = [
        (60, 90, "1", "Welcome and Apologies", "Chair"),
        (60, 90, "2", "Finance", ""),
        (90, 130, "2.1", "Budget Monitoring", ""),
        (130, 170, "2.1.1", "Position at Month 6", "Chief Finance Officer"),
        (130, 170, "2.1.2", "Savings Plan", "Chief Finance Officer"),
        (90, 130, "2.2", "Audit Committee: Minute of 5 November", "Chair of the Audit and"),
        (60, 90, "3", "Items for Noting", ""),
        (90, 130, "3.1", "Performance Report", "Head of Performance"),
    ]
    y = HEIGHT - 130
    for label_x, title_x, number, title, lead in rows:
        pdf.drawString(label_x, y, number)
        if lead:
            dots = "." * int((530 - title_x - pdf.stringWidth(f"{title}{lead}", "Helvetica", 11)) / 3.06)
            pdf.drawString(title_x, y, f"{title}{dots}{lead}")  # one run: the leader glued to both words
        else:
            pdf.drawString(title_x, y, title)
        if lead.endswith(" and"):
            y -= 14
            pdf.drawString(title_x, y, "Risk Committee")  # the lead wraps under the title
        y -= 22
    pdf.showPage()
    pdf.save()
    pack = read_pack(path)
    got = {i.number: (i.title, i.presenter) for i in pack.items}
    assert list(got) == ["1", "2", "2.1", "2.1.1", "2.1.2", "2.2", "3", "3.1"]
    assert got["1"] == ("Welcome and Apologies", "Chair")
    assert got["2.1.1"] == ("Position at Month 6", "Chief Finance Officer")
    assert got["2.2"] == ("Audit Committee: Minute of 5 November", "Chair of the Audit and Risk Committee")
    assert got["3"][0] == "Items for Noting"
    tree = draft_to_json(pack)["items"]
    assert [c["number"] for c in tree[1]["children"][0]["children"]] == ["2.1.1", "2.1.2"]


def _notice_in_two_columns(path: Path, *, header: bool) -> Path:
    """A masthead in spaced capitals, two columns on one line pitch, and a full-width footer line under them.
    With `header`, the same page is a table: a header row names the columns either side of the gutter."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 14)
    spaced = pdf.beginText(130, HEIGHT - 60)
    spaced.setCharSpace(3)  # letter-spaced: every letter drawn apart, the words further apart still
    spaced.textLine("EXAMPLE PARISH COUNCIL")
    pdf.drawText(spaced)
    pdf.setFont("Helvetica-Bold", 24)
    pdf.drawString(130, HEIGHT - 95, "Annual Parish Meeting")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(130, HEIGHT - 115, "Thursday 15 May 2025 at 7.00pm")
    left = [
        "Agenda",
        "1.  Welcome by the Chairman",
        "2.  Apologies for absence",
        "3.  Minutes of the last",
        "     meeting",
        "4.  Matters arising",
        "5.  Annual report of the",
        "     Chairman",
    ]
    right = [
        "6.  Reports from local groups",
        "7.  Questions from electors",
        "8.  Close",
        "",
        "About the meeting",
        "Every parish must hold one",
        "between March and June.",
        "",
    ]
    if header:
        pdf.drawString(60, HEIGHT - 150, "Item")
        pdf.drawString(320, HEIGHT - 150, "Lead")
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        y = HEIGHT - 170 - 16 * row
        pdf.drawString(60, y, a)
        pdf.drawString(320, y, b)
    pdf.drawString(60, HEIGHT - 320, "Issued by the Clerk to the Parish Council on 1 May 2025 at the office")
    pdf.showPage()
    pdf.save()
    return path


def test_two_columns_between_a_masthead_and_a_footer_are_read_column_by_column(tmp_path: Path) -> None:
    pack = read_pack(_notice_in_two_columns(tmp_path / "notice.pdf", header=False))
    assert [i.number for i in pack.items] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert pack.items[2].title == "Minutes of the last meeting"
    assert pack.items[4].title == "Annual report of the Chairman"
    assert pack.body_name.casefold() == "example parish council"  # the spaced capitals read as words


def test_a_table_with_a_header_row_is_not_taken_for_two_columns(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    from app.packs.layout_reader import read_layout

    document = pdfium.PdfDocument(_notice_in_two_columns(tmp_path / "table.pdf", header=True))
    try:
        lines = read_layout(document.raw, 1, "table.pdf")[0].lines
    finally:
        document.close()
    texts = [ln.text for ln in lines]
    assert "1. Welcome by the Chairman 7. Questions from electors" in texts  # one row, read across


def _supplement(path: Path, *, note_before: bool) -> Path:
    """A supplementary agenda (items 4 and 6, as numbered in the main agenda, with the printed pages of their
    papers, which go on from the main pack's), then the papers: reports whose sections are numbered 1 to 9.
    With `note_before`, a numbered note for the public stands above the "Agenda" heading."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 15)
    pdf.drawString(60, HEIGHT - 60, "Example District Council")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 80, "Planning Committee, Thursday 16 October 2025 at 6.30 pm")
    y = HEIGHT - 110
    if note_before:
        notes = [
            "Public speaking. You may speak for three minutes.",
            "Filming. The meeting may be filmed.",
            "Fire. Leave by the nearest exit.",
        ]
        for n, text in enumerate(notes, start=1):
            pdf.drawString(60, y, f"{n}. {text}")
            y -= 16
        y -= 10
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, y, "SUPPLEMENTARY AGENDA")
    pdf.setFont("Helvetica", 11)
    rows = [
        (
            "4.",
            "Planning Applications - Update Report",
            "(Pages 33 - 35)",
            "Late representations on the applications. Recommendation: as before.",
        ),
        ("6.", "Enforcement Update - Schedule of Cases", "(Pages 36 - 38)", "To note the schedule."),
    ]
    for number, title, pages, description in rows:
        y -= 24
        pdf.drawString(60, y, number)
        pdf.drawString(100, y, title)
        pdf.drawString(450, y, pages)
        y -= 14
        pdf.drawString(100, y, description)
    pdf.showPage()
    for printed in range(33, 39):
        pdf.setFont("Helvetica", 11)
        if printed in (33, 36):
            pdf.drawString(460, HEIGHT - 40, f"Agenda Item {4 if printed == 33 else 6}")
        for k in range(3):
            section = (printed - 33) % 3 * 3 + k + 1
            pdf.drawString(60, HEIGHT - 100 - 150 * k, f"{section}. Assessment")
            for row in range(6):
                text = "The site lies within the settlement boundary and the main issues are set out below."
                pdf.drawString(60, HEIGHT - 118 - 150 * k - 14 * row, text)
        pdf.drawString(A4[0] / 2, 30, f"Page {printed}")
        pdf.showPage()
    pdf.save()
    return path


def test_a_supplement_is_read_from_its_agenda_not_from_its_papers_sections(tmp_path: Path) -> None:
    pack = read_pack(_supplement(tmp_path / "supplement.pdf", note_before=False))
    assert [(i.number, i.title) for i in pack.items] == [
        ("4", "Planning Applications - Update Report"),  # its description under it is not its title
        ("6", "Enforcement Update - Schedule of Cases"),
    ]
    assert (pack.items[0].first_page, pack.items[1].first_page) == (2, 5)  # printed page 33 is PDF page 2


def test_a_numbered_note_above_the_agenda_heading_is_another_list(tmp_path: Path) -> None:
    pack = read_pack(_supplement(tmp_path / "noted.pdf", note_before=True))
    assert [i.number for i in pack.items] == ["4", "6"]


def test_point_zero_numbers_head_their_sub_items_and_references_nest_under_their_heading(tmp_path: Path) -> None:
    """ "1.0", "4.0" number the items and "4.1" sits under "4.0"; motions labelled by the body's own references
    ("M25/07") belong to the item they are printed under, with the motion's text between them."""
    path = tmp_path / "point-zero.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, HEIGHT - 60, "Example Students' Union")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, HEIGHT - 80, "Union Council, Thursday 6 November 2025 at 6.00pm")
    pdf.drawString(60, HEIGHT - 110, "Agenda")
    y = HEIGHT - 130
    rows = [(60, "1.0", "Apologies"), (60, "2.0", "Minutes of the last meeting"), (60, "3.0", "Motions")]
    for x, number, title in rows:
        pdf.drawString(x, y, number)
        pdf.drawString(x + 40, y, title)
        y -= 18
    for number, title in (("M25/07", "Free period products"), ("M25/08", "Library opening hours")):
        y -= 12
        pdf.drawString(80, y, f"{number} {title}")
        for text in ("Proposer: A Student    Seconder: Another Student", "Council notes: the facts set out here."):
            y -= 16
            pdf.drawString(130, y, text)
        y -= 6
    for number, title in (("4.0", "Finance"), ("4.1", "Budget for the year"), ("5.0", "Any other business")):
        y -= 18
        pdf.drawString(60 if number.endswith(".0") else 80, y, number)
        pdf.drawString(100 if number.endswith(".0") else 120, y, title)
    pdf.showPage()
    pdf.save()
    pack = read_pack(path)
    assert [i.number for i in pack.items] == ["1.0", "2.0", "3.0", "M25/07", "M25/08", "4.0", "4.1", "5.0"]
    assert pack.items[3].title == "Free period products"


def test_a_word_broken_at_a_line_end_is_joined_keeping_a_name_s_hyphen() -> None:
    from app.packs.outline import _join

    assert _join(["Dr Tariq Bellingham-", "Shah, Chief Executive"]) == "Dr Tariq Bellingham-Shah, Chief Executive"
    assert _join(["Annual manage-", "ment report"]) == "Annual management report"
    assert _join(["Finance and", "Performance"]) == "Finance and Performance"
