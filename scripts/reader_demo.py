"""Open the reader on a generated PDF board pack with a member's highlights, a sticky note and a question.

    .venv/bin/python scripts/reader_demo.py DATA_DIR

Fills DATA_DIR (new or empty) with a meeting imported from a bookmarked PDF pack made here with ReportLab,
adds Jane Member's annotations on item 6.4 through the same commands the reader uses, then opens the reader
on that paper. Used for docs/screenshots/reader.png:

    /work/shared/tools/shoot -w 6 docs/screenshots/reader.png -- .venv/bin/python scripts/reader_demo.py /tmp/qr
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import commands, paths
from app.commands import notes
from app.domain.annotations import AnnotationKind, find_in_page
from app.storage import Store

OWNER = "Jane Member"
AGENDA = [
    ("1", "Welcome, apologies and declarations of interest", "Chair", "Note"),
    ("2", "Minutes of the meeting held on 28 July 2023", "Chair", "Approve"),
    ("3", "Action tracker and matters arising", "Chair", "Note"),
    ("4", "Chief Executive's report", "Chief Executive", "Note"),
    ("5", "Finance report: month 5", "Chief Finance Officer", "Discuss"),
    ("6", "System strategy", "", ""),
    ("6.1", "Joint Forward Plan refresh", "Director of Strategy", "Approve"),
    ("6.2", "Primary care access recovery plan", "Director of Primary Care", "Approve"),
    ("6.3", "Urgent and emergency care winter plan", "Chief Operating Officer", "Discuss"),
    ("6.4", "Section 75 Agreements", "Chief Transformation Officer", "Approve"),
    ("7", "Any other business", "Chair", "Note"),
]
PARAGRAPHS = [
    "This paper sets out the proposed Section 75 agreements between the Integrated Care Board and the three "
    "councils in its area, covering the Better Care Fund, community equipment, and mental health services for "
    "adults. Each agreement pools budgets under the National Health Service Act 2006 and names a host partner.",
    "The members are asked to approve the five Section 75 agreements with the councils for signature by the "
    "Chief Executive, subject to the final legal review described in section 4, and to delegate minor drafting "
    "changes to the Chief Transformation Officer.",
    "The pooled budget for 2023/24 is £84.2m, of which the ICB contributes £51.7m. Risk is shared in proportion "
    "to contributions, except for the community equipment service, where the host council carries overspends "
    "up to 5% before the risk-share applies.",
    "Governance of each pool is through a joint commissioning board reporting quarterly to this Board and to "
    "each council's health and wellbeing board. Performance against the Better Care Fund metrics is reported "
    "in the integrated performance report.",
    "The agreements have been reviewed by the ICB's solicitors. Two points remain open with Luton Borough "
    "Council: the notice period for withdrawal (six or twelve months) and the treatment of VAT on equipment.",
]


def build_pack(out: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from app.export.fonts import BOLD, register_fonts

    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, spaceAfter=8)
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=10, textColor="#003087")
    head = ParagraphStyle("head", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=4)
    story: list[object] = [
        Paragraph("Board of the Integrated Care Board", title),
        Paragraph("Meeting in public · Friday 29 September 2023, 10:00 · Council Chamber", body),
        Paragraph("Agenda", head),
    ]
    rows = [["", "Item", "Presenter", "Purpose"]] + [[n, t, p, u] for n, t, p, u in AGENDA]
    table = Table(rows, colWidths=[12 * mm, 92 * mm, 46 * mm, 20 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 9.5),
                ("FONT", (0, 0), (-1, 0), BOLD, 9.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#003087")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f4f8")]),
            ]
        )
    )
    story += [table]

    class Marked(Paragraph):
        def __init__(self, number: str, text: str) -> None:
            super().__init__(text, title)
            self.number, self.label = number, text

        def draw(self) -> None:
            key = f"item-{self.number}"
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=A4[1], zoom=0)
            self.canv.addOutlineEntry(f"{self.number} {self.label}", key, level=1 if "." in self.number else 0)
            super().draw()

    for number, item_title, presenter, purpose in AGENDA:
        if number == "6":
            continue
        story += [PageBreak(), Marked(number, item_title)]
        story += [
            Paragraph(f"Item: {number} {item_title}<br/>Report to the: Board · Date: 29 September 2023", body),
            Paragraph(f"Executive Lead: {presenter} · Purpose: {purpose}", body),
            Spacer(1, 4 * mm),
        ]
        pages = 3 if number in ("5", "6.4") else 1
        for page in range(pages):
            story.append(Paragraph(f"{page + 1}. {'Purpose' if page == 0 else 'Detail'}", head))
            story += [Paragraph(text, body) for text in PARAGRAPHS]
            if page < pages - 1:
                story.append(PageBreak())
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm).build(
        story  # type: ignore[arg-type]
    )
    return out


def prepare(data_dir: Path) -> tuple[Store, int]:
    store = Store.open(paths.database_path(data_dir))
    existing = store.meetings()
    if existing and existing[0].id is not None:
        return store, existing[0].id
    meeting = commands.import_pack(store, build_pack(data_dir / "board-pack-2023-09-29.pdf"))
    assert meeting.id is not None
    return store, meeting.id


def annotate(reader: object, store: Store, meeting_id: int) -> None:
    """Jane's notes, made through the reader's own view so their rects are measured as a selection would be."""
    from app.ui.reader import ReaderWindow

    assert isinstance(reader, ReaderWindow)
    if notes.member_annotations(store, meeting_id, OWNER):
        return
    item = next(i for i in store.items(meeting_id) if i.number.rstrip(".") == "6.4")
    assert item.first_page is not None and item.id is not None
    page = item.first_page
    view = reader.view
    text = view.page_text(page)
    for words, colour, kind, note, flag in (
        ("approve the five Section 75 agreements with the councils", "yellow", AnnotationKind.HIGHLIGHT, "", False),
        (
            "Risk is shared in proportion to contributions",
            "pink",
            AnnotationKind.HIGHLIGHT,
            "Which council carries an overspend on equipment above 5%?",
            True,
        ),
        ("the notice period for withdrawal", "green", AnnotationKind.UNDERLINE, "", False),
    ):
        span = find_in_page(text, words)
        if span is None:
            continue
        view.select_span(page, *span)
        reader.colour = colour
        created = reader.mark(kind)
        if created is not None and created.id is not None and note:
            notes.edit_note(store, created.id, OWNER, note)
            notes.set_raise(store, created.id, OWNER, flag)
    reader.add_sticky_note(page, 545, 232, "Ask for the legal review before we sign.", raise_at_meeting=True)
    reader.add_item_note("Compare the pooled budget with last year's £79m.", item_id=item.id)


def main() -> int:
    data_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/quorate-reader-demo")
    data_dir.mkdir(parents=True, exist_ok=True)
    from app.ui.application import make_application

    application = make_application([])
    store, meeting_id = prepare(data_dir)
    from app.ui.reader import ReaderWindow

    reader = ReaderWindow(store, meeting_id, owner=OWNER)
    reader.resize(1440, 900)
    reader.show()
    annotate(reader, store, meeting_id)
    item = next(i for i in store.items(meeting_id) if i.number.rstrip(".") == "6.4")
    assert item.id is not None
    reader.open_item(item.id)
    risky = next((a for a in reader.annotations() if a.raise_at_meeting and a.quote), None)
    if risky is not None and risky.id is not None:
        reader.select_annotation(risky.id)
    return int(application.exec())


if __name__ == "__main__":
    sys.exit(main())
