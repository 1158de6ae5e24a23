# ruff: noqa: E501
"""Second round of agendas and packs, each from the producer such a body really uses: an NHS foundation trust's
Word table (Item | Time | Title | Presenter | Purpose | Paper, "BoD/25/061" references, the header row repeated,
letter sub-items inside the title cell), a university senate agenda typeset with LaTeX (Roman numerals, Part A
and a confidential Part B), a housing association pack whose printed page numbers start after three unnumbered
front pages and whose papers each open with a cover sheet, a charity agenda exported from a Google-Docs-like
editor through Chromium, a markdown agenda followed by numbered lists that are not the agenda, a partnership board
pack whose bookmarks name the papers rather than the items, a Welsh bilingual agenda, a Typst agenda with three
levels of numbering, a fire authority agenda whose titles wrap over three lines, and a church council agenda
followed by an action log and a list of future meetings."""

from __future__ import annotations

from html import escape
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from kit import (
    CORPUS_OUT,
    Item,
    Out,
    action,
    add_outline,
    chromium_pdf,
    keep_source,
    latex_pdf,
    page_count,
    person,
    soffice_pdf,
    typst_pdf,
    write_expected,
)


def _e(text: str) -> str:
    return escape(text, quote=False)


# --- A Word table from an NHS foundation trust ------------------------------------------------------------------


def _docx_field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph, as Word writes it."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("t", "1"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "t":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    )


def _repeat_header(row: Any) -> None:
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _widths(table: Any, widths: list[Any]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _cell_text(cell: Any, text: str, *, bold: bool = False, italic: bool = False, size: float = 9.5) -> Any:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def wyncastle_ft_board(out: Out = CORPUS_OUT) -> None:
    """NHS FT board in public, a Word table whose columns run Item | Time | Title | Presenter | Purpose | Paper."""
    body = "Wyncastle and Pelsdon Teaching Hospitals NHS Foundation Trust"
    people = {
        "chair": ("Fenella Marchmont", "Chair"),
        "ceo": ("Dr Oluwaseun Adekunle-Baird", "Chief Executive"),
        "sec": ("Ingrid Sallowby", "Trust Secretary"),
        "nurse": ("Rhiannon Cadwallader", "Chief Nurse"),
        "md": ("Mr Anand Kothapalli", "Medical Director"),
        "coo": ("Gideon Thwaite", "Chief Operating Officer"),
        "cfo": ("Morwenna Ellacott", "Chief Finance Officer"),
        "strat": ("Tobias Wrenfield", "Director of Strategy and Partnerships"),
        "midwife": ("Bronagh Tilsley", "Director of Midwifery"),
        "gosw": ("Dr Kasia Wroblewska", "Guardian of Safe Working Hours"),
    }
    # (ref, time, title, presenter key or "", purpose, paper); ref "" with no time: a section row.
    rows: list[tuple[str, str, str, str, str, str]] = [
        ("", "", "Opening business", "", "", ""),
        ("BoD/25/061", "09:30", "Welcome and apologies for absence", "chair", "Information", "Verbal"),
        ("BoD/25/062", "09:32", "Declarations of interest", "chair", "Information", "Verbal"),
        ("BoD/25/063", "09:35", "Minutes of the meeting held in public on 1 May 2025", "chair", "Approval", "A"),
        ("BoD/25/064", "09:40", "Action log and matters arising", "sec", "Assurance", "B"),
        (
            "BoD/25/065",
            "09:45",
            "Patient story: coming home from hospital \u2013 a family\u2019s experience of the virtual ward",
            "nurse",
            "Discussion",
            "Verbal",
        ),
        ("", "", "Strategy and leadership", "", "", ""),
        ("BoD/25/066", "10:05", "Chief Executive\u2019s report", "ceo", "Information", "C"),
        (
            "BoD/25/067",
            "10:20",
            "Clinical strategy 2025\u20132030: outcome of staff and public engagement and the proposed priorities for the Wyncastle and Pelsdon sites",
            "strat",
            "Approval",
            "D",
        ),
        ("", "", "Quality and safety", "", "", ""),
        ("BoD/25/068", "10:45", "Integrated performance report \u2013 Month 2 (May 2025)", "coo", "Assurance", "E"),
        (
            "BoD/25/069",
            "11:05",
            "Maternity and neonatal safety report, including the perinatal quality surveillance model and progress against the Maternity Incentive Scheme Year 7 safety actions",
            "midwife",
            "Assurance",
            "F",
        ),
        ("", "11:25", "Break", "", "", ""),
        ("BoD/25/070", "11:35", "Guardian of Safe Working Hours quarterly report", "gosw", "Information", "G"),
        ("BoD/25/071", "11:45", "Learning from deaths \u2013 Quarter 4 2024/25", "md", "Assurance", "H"),
        ("", "", "Finance and performance", "", "", ""),
        ("BoD/25/072", "11:55", "Finance report \u2013 Month 2", "cfo", "Assurance", "I"),
        (
            "BoD/25/073",
            "12:10",
            "Capital programme 2025/26 and the outline business case for the expansion of the endoscopy unit at Pelsdon Royal Infirmary",
            "cfo",
            "Approval",
            "J",
        ),
        ("", "", "Governance", "", "", ""),
        ("BoD/25/074", "12:25", "Reports from Board committees:", "", "Assurance", ""),
        ("a", "", "Quality Committee \u2013 19 June 2025", "Patience Oduya", "", "K1"),
        ("b", "", "Finance and Performance Committee \u2013 24 June 2025", "Clement Hargreave", "", "K2"),
        ("c", "", "Audit and Risk Committee \u2013 26 June 2025", "Seren Lloyd-Atherley", "", "K3"),
        ("BoD/25/075", "12:40", "Board Assurance Framework \u2013 Quarter 1 review", "sec", "Approval", "L"),
        ("BoD/25/076", "12:50", "Use of the Trust seal", "sec", "Information", "M"),
        ("", "", "Closing business", "", "", ""),
        (
            "BoD/25/077",
            "12:52",
            "Questions from governors and members of the public relating to the business of the meeting",
            "chair",
            "Discussion",
            "Verbal",
        ),
        ("BoD/25/078", "12:58", "Any other business", "chair", "", "Verbal"),
    ]
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = Cm(1.6)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10.5)
    logo = document.add_paragraph()
    logo.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    mark = logo.add_run(" NHS ")
    mark.bold, mark.font.size, mark.font.color.rgb = True, Pt(16), RGBColor(0x00, 0x5E, 0xB8)
    trust = document.add_paragraph()
    trust.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = trust.add_run("Wyncastle and Pelsdon\nTeaching Hospitals\nNHS Foundation Trust")
    run.bold, run.font.size = True, Pt(11)
    heading = document.add_paragraph()
    run = heading.add_run("Board of Directors \u2013 Meeting in Public")
    run.bold, run.font.size = True, Pt(15)
    document.add_paragraph(
        "Thursday 3 July 2025, 09:30 \u2013 13:00\n"
        "Lecture Theatre, Education Centre, Pelsdon Royal Infirmary, Kestle Lane, Pelsdon"
    )
    agenda = document.add_paragraph()
    run = agenda.add_run("AGENDA")
    run.bold, run.font.size = True, Pt(12)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ("Item", "Time", "Title", "Presenter", "Purpose", "Paper"), strict=True):
        _cell_text(cell, text, bold=True, size=10).runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _shade(cell, "005EB8")
    _repeat_header(table.rows[0])
    for ref, time, title, who, purpose, paper in rows:
        row = table.add_row()
        cells = row.cells
        if not ref and not time:
            merged = cells[0].merge(cells[5])
            _cell_text(merged, title.upper(), bold=True, size=9.5)
            _shade(merged, "DCE6F2")
            continue
        if ref and len(ref) == 1:  # a sub-item: its letter leads the title cell
            _cell_text(cells[2], f"{ref})  {title}")
            _cell_text(cells[3], who)
            _cell_text(cells[3], "Committee Chair", italic=True, size=8.5)
        else:
            _cell_text(cells[0], ref, bold=True)
            _cell_text(cells[1], time)
            _cell_text(cells[2], title, bold=bool(ref) and title != "Break", italic=not ref)
            if who:
                name, role = people[who]
                _cell_text(cells[3], name)
                _cell_text(cells[3], role, italic=True, size=8.5)
        _cell_text(cells[4], purpose)
        _cell_text(cells[5], paper)
    _widths(table, [Cm(2.3), Cm(1.3), Cm(6.3), Cm(3.5), Cm(2.4), Cm(1.6)])
    document.add_paragraph()
    document.add_paragraph(
        "Date of the next meeting in public: Thursday 4 September 2025 at 09:30, Wyncastle General Hospital."
    )
    document.add_paragraph(
        "Resolution: that representatives of the press and other members of the public be excluded from the "
        "remainder of this meeting having regard to the confidential nature of the business to be transacted, "
        "publicity on which would be prejudicial to the public interest (section 1(2) Public Bodies (Admission "
        "to Meetings) Act 1960)."
    )
    document.add_paragraph(
        "Quorum: one third of the whole number of directors, including at least one executive director and one "
        "non-executive director."
    )
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(Cm(17.4), WD_TAB_ALIGNMENT.RIGHT)
    footer.text = "Board of Directors (Public) \u2013 3 July 2025 \u2013 Agenda v3\tPage "
    _docx_field(footer, "PAGE")
    footer.add_run(" of ")
    _docx_field(footer, "NUMPAGES")
    stem = "wyncastle-ft-board-2025-07-03-agenda"
    document.core_properties.author = "Corporate Governance Office"
    document.core_properties.title = "Board of Directors - Public agenda"
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    source = keep_source(out, f"{stem}.docx", buffer.getvalue())
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    expected: list[dict[str, Any]] = []
    for ref, time, title, who, purpose, paper in rows:
        if not ref:
            continue
        presenter = people[who][0] if who in people else who
        item = Item(ref, title, time=time, lead=presenter, purpose=purpose,
                    paper="Verbal" if paper == "Verbal" else (f"Paper {paper}" if paper else ""))  # fmt: skip
        expected.append(item.expected())
    write_expected(
        out,
        stem,
        {
            "name": "Wyncastle and Pelsdon Teaching Hospitals NHS FT Board of Directors in public agenda 3 Jul 2025 "
            "(Word .docx table Item | Time | Title | Presenter | Purpose | Paper, refs BoD/25/061-078, presenter "
            "as name over italic role, section rows, header row repeated on page 2, sub-items a)-c) written in the "
            "title cell under an item with no presenter, sub-item b)'s row split by the page break, a timed break)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": body,
            "meeting_title": "Board of Directors \u2013 Meeting in Public",
            "date": "2025-07-03",
            "time_of_meeting": "09:30",
            "venue": "Lecture Theatre, Education Centre, Pelsdon Royal Infirmary, Kestle Lane, Pelsdon",
            "items": expected,
        },
    )


DOCUMENTS = [wyncastle_ft_board]


# --- A university senate agenda typeset with LaTeX ----------------------------------------------------------------


def _tex(text: str) -> str:
    for a, b in (
        ("&", r"\&"),
        ("%", r"\%"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
        ("\u2013", "--"),
        ("\u2019", "'"),
    ):
        text = text.replace(a, b)
    return text


def ormesgate_senate(out: Out = CORPUS_OUT) -> None:
    """University senate: Roman numerals, paper codes at the right margin, "Presented by" lines, (a)-(c)
    sub-items, a list of dates inside an item, and a confidential Part B."""
    # (number, title, paper, presenter as printed or "", note lines, part)
    rows: list[tuple[str, str, str, str, list[str], int]] = [
        ("I", "Welcome, apologies and announcements", "", "", [], 1),
        (
            "II",
            "Declarations of interest",
            "",
            "",
            ["Members are asked to declare any interest in the business of the meeting."],
            1,
        ),
        ("III", "Minutes", "SEN/24-25/61", "", ["To approve the minutes of the meeting held on 12 March 2025."], 1),
        ("IV", "Matters arising and actions", "SEN/24-25/62", "", [], 1),
        ("V", "Report of the Vice-Chancellor", "SEN/24-25/63", "Professor Imelda Sarrazin, Vice-Chancellor", [], 1),
        (
            "VI",
            "Academic Portfolio Review 2025: proposed closure of the BA (Hons) Applied Heritage Studies and the MSc Marine Environmental Management programmes to new entrants from September 2026",
            "SEN/24-25/64",
            "Professor Hal Brisco, Pro-Vice-Chancellor (Education)",
            ["Senate is asked to recommend the closures to Council."],
            1,
        ),
        ("VII", "Reports from Faculty Boards", "", "", [], 1),
        ("a", "Faculty of Arts, Humanities and Social Sciences", "SEN/24-25/65", "", [], 1),
        ("b", "Faculty of Science and Engineering", "SEN/24-25/66", "", [], 1),
        ("c", "Faculty of Medicine and Health Sciences", "SEN/24-25/67", "", [], 1),
        (
            "VIII",
            "Research Excellence Framework 2029: draft institutional code of practice for consultation",
            "SEN/24-25/68",
            "Professor Danuta Killick, Pro-Vice-Chancellor (Research)",
            [],
            1,
        ),
        (
            "IX",
            "Degree Outcomes Statement 2025",
            "SEN/24-25/69",
            "",
            ["For approval, on the recommendation of the Academic Quality Committee."],
            1,
        ),
        (
            "X",
            "Revisions to the Academic Regulations for 2025/26: assessment offences, extenuating circumstances and the compensation of failed modules",
            "SEN/24-25/70",
            "Dr Piers Halloran-Veitch, Academic Registrar",
            [],
            1,
        ),
        ("XI", "Any other business", "", "", [], 1),
        (
            "XII",
            "Dates of meetings in 2025/26",
            "",
            "",
            [
                "Wednesday 15 October 2025",
                "Wednesday 4 February 2026",
                "Wednesday 10 June 2026",
                "All meetings begin at 2.00 pm in the Senate Chamber.",
            ],
            1,
        ),
        ("XIII", "Conferment of the title of Emeritus Professor", "SEN/24-25/71 (C)", "", [], 2),
        (
            "XIV",
            "Honorary degrees 2026: nominations from the Honorary Degrees Committee",
            "SEN/24-25/72 (C)",
            "Professor Imelda Sarrazin, Vice-Chancellor",
            [],
            2,
        ),
        ("XV", "Report of the Academic Misconduct Appeals Panel", "SEN/24-25/73 (C)", "", [], 2),
    ]
    lines = [
        r"\documentclass[11pt,a4paper]{article}",
        r"\usepackage{mathptmx}",
        r"\usepackage[margin=2.3cm]{geometry}",
        r"\usepackage{fancyhdr}",
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}",
        r"\lhead{\small SEN/24-25/60}\rhead{\small OPEN}",
        r"\cfoot{\small Page \thepage}",
        r"\setlength{\parindent}{0pt}",
        r"\newcommand{\agitem}[3]{\item[#1] \parbox[t]{0.74\linewidth}{\raggedright\textbf{#2}}\hfill\mbox{#3}}",
        r"\begin{document}",
        r"\begin{center}{\Large\textbf{UNIVERSITY OF ORMESGATE}}\\[6pt]{\large\textbf{SENATE}}\end{center}",
        r"\bigskip",
        r"A meeting of the Senate will be held on \textbf{Wednesday 11 June 2025 at 2.00 pm} in the Senate Chamber, "
        r"Aldous Building.",
        r"\medskip",
        r"\begin{center}\textbf{AGENDA}\end{center}",
    ]
    part = 0
    in_sub = False
    for number, title, paper, presenter, notes, item_part in rows:
        if item_part != part:
            if part:
                if in_sub:
                    lines.append(r"\end{list}")
                    in_sub = False
                lines.append(r"\end{list}")
            part = item_part
            if part == 1:
                lines.append(r"\textbf{PART A: OPEN BUSINESS}\par\smallskip")
            else:
                lines += [
                    r"\bigskip\textbf{PART B: CONFIDENTIAL BUSINESS}\par\smallskip",
                    r"{\small\itshape Papers in Part B are confidential to members of Senate and must not be "
                    r"circulated further. Observers will be asked to withdraw.}\par\smallskip",
                ]
            lines.append(
                r"\begin{list}{}{\setlength{\labelwidth}{1.2cm}\setlength{\leftmargin}{1.4cm}\setlength{\itemsep}{5pt}}"
            )
        sub = len(number) == 1 and number.islower()
        if sub and not in_sub:
            lines.append(
                r"\begin{list}{}{\setlength{\labelwidth}{0.8cm}\setlength{\leftmargin}{1.0cm}\setlength{\itemsep}{1pt}}"
            )
            in_sub = True
        elif not sub and in_sub:
            lines.append(r"\end{list}")
            in_sub = False
        label = f"({number})" if sub else f"{number}."
        lines.append(rf"\agitem{{{label}}}{{{_tex(title)}}}{{{_tex(paper)}}}")
        if presenter:
            lines.append(rf"\par\textit{{Presented by {_tex(presenter)}}}")
        for note in notes:
            lines.append(rf"\par {_tex(note)}")
    if in_sub:
        lines.append(r"\end{list}")
    lines.append(r"\end{list}")
    lines += [
        r"\vfill",
        r"{\small Dr Piers Halloran-Veitch\\Academic Registrar and Secretary to Senate\\2 June 2025}",
        r"\end{document}",
    ]
    stem = "ormesgate-university-senate-2025-06-11-agenda"
    source = keep_source(out, f"{stem}.tex", "\n".join(lines) + "\n")
    latex_pdf(source, out.pdf / f"{stem}.pdf")
    expected = [
        Item(number, title, lead=presenter.split(",")[0] if presenter else "", paper=paper, part=item_part).expected()
        for number, title, paper, presenter, _, item_part in rows
    ]
    for entry in expected:
        entry.pop("lead_as_printed", None)
    write_expected(
        out,
        stem,
        {
            "name": "University of Ormesgate Senate agenda 11 Jun 2025 (pdfLaTeX: Roman numerals I.-XV., paper codes "
            "SEN/24-25/NN at the right margin, italic 'Presented by Name, Role' lines, (a)-(c) sub-items, a list of "
            "meeting dates inside item XII, PART A open business and PART B confidential business)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "pdfTeX (LaTeX article class)",
            "body": "University of Ormesgate",
            "meeting_title": "Senate",
            "date": "2025-06-11",
            "time_of_meeting": "14:00",
            "venue": "Senate Chamber, Aldous Building",
            "items": expected,
        },
    )


DOCUMENTS.append(ormesgate_senate)


# --- A housing association board pack: three unnumbered front pages, a cover sheet on every paper ----------------


def _dejavu() -> str:
    """Register DejaVu Sans as a ReportLab font family (a TrueType font, as Word-made packs embed)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = "/usr/share/fonts/truetype/dejavu/"
    for name, file, bold, italic in (
        ("DejaVuSans", "DejaVuSans.ttf", 0, 0),
        ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf", 1, 0),
        ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf", 0, 1),
        ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf", 1, 1),
    ):
        pdfmetrics.registerFont(TTFont(name, folder + file))
        addMapping("DejaVuSans", bold, italic, name)
    return "DejaVuSans"


def hollinsgarth_housing_pack(out: Out = CORPUS_OUT) -> None:
    """Housing association board pack: a cover, the agenda and a members' page unnumbered, then papers printed
    from "Page 1", each opening with a cover sheet (agenda item, paper letter, numbered recommendations); paper A
    is the previous meeting's minutes with their own attendance, minute numbers and action log."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _dejavu()
    body_style = ParagraphStyle("hb", fontName=font, fontSize=9.5, leading=12.5, spaceAfter=4)
    small = ParagraphStyle("hs", parent=body_style, fontSize=8.5, leading=10.5, spaceAfter=0)
    h1 = ParagraphStyle(
        "hh1", parent=body_style, fontName=font + "-Bold", fontSize=22, leading=27, textColor=colors.HexColor("#6a1b4d")
    )
    h2 = ParagraphStyle(
        "hh2",
        parent=body_style,
        fontName=font + "-Bold",
        fontSize=13,
        leading=16,
        spaceBefore=6,
        spaceAfter=6,
        textColor=colors.HexColor("#6a1b4d"),
    )
    h3 = ParagraphStyle("hh3", parent=body_style, fontName=font + "-Bold", fontSize=10.5, leading=13, spaceBefore=6)
    plum = colors.HexColor("#6a1b4d")
    front_pages = 3
    # (number, title, lead, purpose, paper, time, paper pages or 0, part)
    agenda: list[tuple[str, str, str, str, str, str, int, int]] = [
        ("1", "Welcome, apologies and quorum", "Chair", "", "Verbal", "6.00pm", 0, 1),
        ("2", "Declarations of interest", "Chair", "", "Verbal", "6.02pm", 0, 1),
        (
            "3",
            "Minutes of the meeting held on 17 September 2025 and action log",
            "Company Secretary",
            "Approval",
            "A",
            "6.05pm",
            4,
            1,
        ),
        ("4", "Chief Executive\u2019s report", "Chief Executive", "Information", "B", "6.15pm", 3, 1),
        (
            "5",
            "Tenant safety compliance: gas, fire, electrical, asbestos, water hygiene and lifts \u2013 Quarter 2 2025/26",
            "Director of Property",
            "Assurance",
            "C",
            "6.35pm",
            3,
            1,
        ),
        (
            "6",
            "Treasury management: refinancing of the \u00a325m revolving credit facility",
            "Director of Finance",
            "Decision",
            "D",
            "6.55pm",
            3,
            1,
        ),
        (
            "7",
            "Damp and mould: response to the Housing Ombudsman\u2019s special report and progress on the action plan",
            "Director of Customer Services",
            "Assurance",
            "E",
            "7.15pm",
            2,
            1,
        ),
        ("8", "Any other business", "Chair", "", "Verbal", "7.35pm", 0, 1),
        (
            "9",
            "Proposed acquisition of 42 homes at Weaver\u2019s Reach, Hollinsgarth",
            "Director of Development",
            "Decision",
            "F",
            "7.40pm",
            3,
            2,
        ),
        (
            "10",
            "Chief Executive\u2019s objectives 2025/26 (Board members only)",
            "Chair",
            "Decision",
            "Verbal",
            "7.55pm",
            0,
            2,
        ),
    ]
    ranges: dict[str, tuple[int, int]] = {}
    page = 1
    for number, *_, pages, _part in agenda:
        if pages:
            ranges[number] = (page, page + pages - 1)
            page += pages

    def furniture(canvas: Any, doc: Any) -> None:
        number = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(plum)
        canvas.drawString(18 * mm, 287 * mm, "Hollinsgarth Homes \u2013 Board \u2013 22 October 2025")
        if number > front_pages:
            canvas.drawRightString(192 * mm, 10 * mm, f"Page {number - front_pages}")
            part2 = any(
                a[7] == 2 and a[0] in ranges and ranges[a[0]][0] <= number - front_pages <= ranges[a[0]][1]
                for a in agenda
            )
            canvas.drawRightString(192 * mm, 287 * mm, "CONFIDENTIAL \u2013 PART 2" if part2 else "PART 1")
        canvas.restoreState()

    story: list[Any] = [
        Spacer(1, 40 * mm),
        Paragraph("Hollinsgarth Homes", h1),
        Spacer(1, 6 * mm),
        Paragraph("Board Meeting", h2),
        Paragraph("Wednesday 22 October 2025 at 6.00pm", body_style),
        Paragraph("Board Room, Tenter House, 9 Salter\u2019s Yard, Hollinsgarth HL4 7TY", body_style),
        Spacer(1, 12 * mm),
        Paragraph("Board pack", h2),
        Paragraph(
            "Circulated 15 October 2025. Papers F and the discussion at item 10 are confidential to Board members.",
            body_style,
        ),
        Spacer(1, 60 * mm),
        Paragraph(
            "Hollinsgarth Homes is a registered society (No. 31877R) and a registered provider of social housing (No. L4491).",
            small,
        ),
        PageBreak(),
        Paragraph("Agenda", h2),
    ]
    head = ["No.", "Item", "Lead", "Purpose", "Paper", "Time", "Pages"]
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", small) for h in head]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eadcE4")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    part_two_started = False
    for number, title, lead, purpose, paper, time, _pages, part in agenda:
        if part == 2 and not part_two_started:
            part_two_started = True
            rows.append(
                [
                    Paragraph(
                        "<b>PART 2 \u2013 CONFIDENTIAL ITEMS</b> (the press and public, and staff other than the Chief Executive and Company Secretary, will be asked to leave)",
                        small,
                    ),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
            style += [
                ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#f4eef1")),
            ]
        pages = ranges.get(number)
        rows.append([
            Paragraph(number, body_style), Paragraph(f"<b>{escape(title)}</b>", body_style), Paragraph(lead, small),
            Paragraph(purpose, small), Paragraph(paper, small), Paragraph(time, small),
            Paragraph(f"{pages[0]}\u2013{pages[1]}" if pages else "", small),
        ])  # fmt: skip
    table = Table(rows, colWidths=[11 * mm, 57 * mm, 31 * mm, 23 * mm, 16 * mm, 17 * mm, 15 * mm], repeatRows=1)
    table.setStyle(TableStyle(style))
    story += [
        table,
        Spacer(1, 5 * mm),
        Paragraph("Next meeting: Wednesday 10 December 2025 at 6.00pm.", body_style),
        PageBreak(),
        Paragraph("Board members", h2),
    ]
    members = [
        ("Cecily Armitage-Rowe", "Chair"), ("Desmond Achterberg", "Vice Chair"), ("Philippa Nunnerley", "Tenant Board Member"),
        ("Rashid Mahfouz", "Chair of Audit and Risk Committee"), ("Greta Lindqvist-Hale", "Board Member"),
        ("Benedict Carrow", "Board Member"), ("Yusuf Demirel", "Tenant Board Member"), ("Tomasz Wierzbicki", "Chief Executive"),
    ]  # fmt: skip
    story.append(
        Table(
            [[n, r] for n, r in members],
            colWidths=[70 * mm, 90 * mm],
            style=[("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9.5)],
        )
    )
    story += [
        Spacer(1, 4 * mm),
        Paragraph("Quorum", h3),
        Paragraph(
            "The quorum is five Board members, of whom at least one must be a tenant Board member (Rule 48).",
            body_style,
        ),
        Paragraph("Declarations of interest", h3),
        Paragraph(
            "Board members must declare any interest in an item before it is discussed and, where the interest is a conflict, withdraw for that item. The register of interests is available from the Company Secretary.",
            body_style,
        ),
        Paragraph("Key to purpose", h3),
        Paragraph(
            "Decision \u2013 the Board is asked to decide. Assurance \u2013 the Board is asked to take assurance. Information \u2013 for noting.",
            body_style,
        ),
        PageBreak(),
    ]
    # Paper A: the previous meeting's minutes.
    prev_present = [
        ("Cecily Armitage-Rowe", "Chair", "CAR"),
        ("Desmond Achterberg", "Vice Chair", "DA"),
        ("Philippa Nunnerley", "", "PN"),
        ("Rashid Mahfouz", "", "RM"),
        ("Greta Lindqvist-Hale", "", "GLH"),
        ("Tomasz Wierzbicki", "Chief Executive", "TW"),
    ]
    prev_attending = [
        ("Harriet Mullarkey", "Director of Finance", "HM"),
        ("Owain Pritchard-Lowe", "Director of Property", "OPL"),
        ("Sunita Raichura", "Company Secretary (minutes)", "SR"),
    ]
    prev_apologies = [("Benedict Carrow", ""), ("Yusuf Demirel", "")]
    prev_minutes = [
        (
            "B25/51",
            "Welcome, apologies and quorum",
            "The Chair welcomed members. Apologies were received from Benedict Carrow and Yusuf Demirel. The meeting was quorate.",
        ),
        (
            "B25/52",
            "Declarations of interest",
            "Rashid Mahfouz declared an interest in minute B25/55 as a trustee of a tenants\u2019 advice charity and took no part in that item.",
        ),
        (
            "B25/53",
            "Minutes and action log",
            "The minutes of 16 July 2025 were approved as a correct record. Actions 25/14 and 25/17 were closed.",
        ),
        (
            "B25/54",
            "Chief Executive\u2019s report",
            "TW presented the report. The Board noted the voids position and asked for relet times to be shown by area.",
        ),
        (
            "B25/55",
            "Tenant engagement framework",
            "The Board approved the framework, subject to the scrutiny panel\u2019s terms of reference returning in December.",
        ),
        (
            "B25/56",
            "Financial statements and viability return",
            "HM presented the quarter 1 accounts. The Board approved the quarterly survey return to the regulator.",
        ),
        ("B25/57", "Any other business", "None."),
    ]
    prev_actions = [
        ("25/21", "B25/54", "Show relet times by area in the next report", "TW", "22 Oct 2025"),
        ("25/22", "B25/55", "Bring the scrutiny panel terms of reference to the Board", "SR", "10 Dec 2025"),
        ("25/23", "B25/56", "Circulate the regulator\u2019s feedback on the viability return", "HM", "22 Oct 2025"),
    ]

    def cover(
        number: str, title: str, paper: str, lead: str, purpose: str, recommendations: list[str], confidential: bool
    ) -> list[Any]:
        grid = [
            ["Report to:", "Board", "Meeting date:", "22 October 2025"],
            ["Agenda item:", number, "Paper:", paper],
            ["Title:", Paragraph(f"<b>{escape(title)}</b>", body_style), "", ""],
            ["Executive lead:", lead, "Purpose:", purpose],
            ["Confidential:", "Yes \u2013 Part 2" if confidential else "No", "Risk appetite:", "Moderate"],
        ]
        sheet = Table(grid, colWidths=[30 * mm, 62 * mm, 30 * mm, 50 * mm])
        sheet.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")), ("SPAN", (1, 2), (3, 2)),
            ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eadce4")), ("BACKGROUND", (2, 0), (2, 1), colors.HexColor("#eadce4")),
            ("BACKGROUND", (2, 3), (2, 4), colors.HexColor("#eadce4")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))  # fmt: skip
        parts: list[Any] = [
            Paragraph("Board cover sheet", h2),
            sheet,
            Spacer(1, 4 * mm),
            Paragraph("Recommendations", h3),
            Paragraph("The Board is asked to:", body_style),
        ]
        parts += [Paragraph(f"{n}.&nbsp;&nbsp;{escape(r)}", body_style) for n, r in enumerate(recommendations, 1)]
        parts += [Paragraph("Summary", h3), Paragraph(
            "This paper sets out the position at the end of the quarter, the risks the executive team is managing and the "
            "decisions the Board is asked to take. It has been reviewed by the Executive Team and, where relevant, by the "
            "Audit and Risk Committee.", body_style)]  # fmt: skip
        return parts

    recommendations = {
        "4": ["note the report", "note the performance against the corporate plan targets at Appendix 1"],
        "5": [
            "take assurance from the compliance position for the six areas of tenant safety",
            "note the two overdue fire risk assessment actions and the plan to complete them",
            "approve the revised asbestos management policy",
        ],
        "6": [
            "approve the refinancing of the revolving credit facility on the terms at section 3",
            "delegate to the Chief Executive and the Director of Finance authority to agree the final documents",
            "authorise any two Board members to execute the facility agreement",
        ],
        "7": [
            "take assurance from the progress made on the action plan",
            "note the Ombudsman\u2019s recommendations and our self-assessment",
        ],
        "9": [
            "approve the acquisition of 42 homes at Weaver\u2019s Reach at a price not exceeding \u00a36.9m",
            "approve the use of grant of \u00a31.26m",
            "note the risks at section 5",
        ],
    }
    for number, title, lead, purpose, paper, _time, pages, part in agenda:
        if not pages:
            continue
        if number == "3":
            story += [
                Paragraph("Paper A", small),
                Paragraph("Hollinsgarth Homes", h2),
                Paragraph(
                    "Minutes of the Board meeting held on Wednesday 17 September 2025 at 6.00pm, Tenter House", h3
                ),
                Spacer(1, 2 * mm),
            ]
            grid = [["Present:", "\n".join(f"{n}{f' ({r})' if r else ''}" for n, r, _ in prev_present)],
                    ["In attendance:", "\n".join(f"{n}, {r}" for n, r, _ in prev_attending)],
                    ["Apologies:", "\n".join(n for n, _ in prev_apologies)]]  # fmt: skip
            story.append(
                Table(
                    grid,
                    colWidths=[30 * mm, 140 * mm],
                    style=[
                        ("FONTNAME", (0, 0), (-1, -1), font),
                        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (0, -1), font + "-Bold"),
                    ],
                )
            )
            story.append(Spacer(1, 3 * mm))
            for mnumber, mtitle, text in prev_minutes:
                story += [
                    Paragraph(f"<b>{mnumber}&nbsp;&nbsp;&nbsp;{escape(mtitle)}</b>", body_style),
                    Paragraph(escape(text), body_style),
                ]
            story += [
                Spacer(1, 4 * mm),
                Paragraph(
                    "Signed ........................................ (Chair)     Date ....................", body_style
                ),
                PageBreak(),
                Paragraph("Action log", h2),
            ]
            log = [["No.", "Minute", "Action", "Owner", "Due", "Status"]] + [
                [a, m, Paragraph(t, small), o, d, "Open"] for a, m, t, o, d in prev_actions
            ]
            story.append(
                Table(
                    log,
                    colWidths=[14 * mm, 18 * mm, 80 * mm, 16 * mm, 24 * mm, 16 * mm],
                    style=[
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                        ("FONTNAME", (0, 0), (-1, -1), font),
                        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ],
                )
            )
            story += [
                PageBreak(),
                Paragraph("Action log \u2013 closed actions", h2),
                Paragraph("Actions 25/14 and 25/17 were closed at the meeting on 17 September 2025.", body_style),
                PageBreak(),
                Paragraph("This page is intentionally left blank", body_style),
                PageBreak(),
            ]
            continue
        story += cover(
            number,
            title,
            paper if paper != "F" else "F (Confidential)",
            lead,
            purpose,
            recommendations[number],
            part == 2,
        )
        for n in range(1, pages):
            story += [
                PageBreak(),
                Paragraph(
                    f"{n}. {['Background', 'Current position', 'Risks and mitigation', 'Financial implications'][n - 1]}",
                    h3,
                ),
            ]
            story += [
                Paragraph(
                    f"{n}.{k} The executive team has reviewed the position with the relevant managers and the figures have been reconciled to the housing management system at the quarter end. Further detail is available to Board members on request.",
                    body_style,
                )
                for k in range(1, 6)
            ]
        story.append(PageBreak())
    story.pop()  # no blank page at the end
    stem = "hollinsgarth-housing-board-2025-10-22-pack"
    pdf = out.pdf / f"{stem}.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4, invariant=1, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=18 * mm,
                      title="Board pack 22 October 2025", author="Governance Team").build(story, onFirstPage=furniture, onLaterPages=furniture)  # fmt: skip
    assert page_count(pdf) == front_pages + page - 1, (page_count(pdf), front_pages, page)
    expected = []
    for number, title, lead, purpose, paper, time, _pages, part in agenda:
        pages = ranges.get(number)
        expected.append(Item(number, title, time=time, lead=lead, purpose=purpose,
                             paper="Verbal" if paper == "Verbal" else f"Paper {paper}", part=part,
                             printed_pages=pages, pdf_pages=(pages[0] + front_pages, pages[1] + front_pages) if pages else None).expected())  # fmt: skip
    people = [person(n, "present", r, i, **({"chair": "yes"} if r == "Chair" else {})) for n, r, i in prev_present]
    people += [person(n, "in_attendance", r.replace(" (minutes)", ""), i) for n, r, i in prev_attending]
    people += [person(n, "apologies") for n, _ in prev_apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Hollinsgarth Homes (housing association) board pack 22 Oct 2025 (ReportLab, DejaVu Sans: cover, "
            "agenda table No. | Item | Lead | Purpose | Paper | Time | Pages and a members' page all unnumbered, "
            "papers printed from 'Page 1', each paper opening with a cover sheet 'Agenda item: N' and numbered "
            "recommendations; paper A is the previous minutes (B25/51-57, Present/In attendance/Apologies grid, an "
            "action log); a Part 2 section; times as 6.00pm)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "ReportLab",
            "body": "Hollinsgarth Homes",
            "meeting_title": "Board Meeting",
            "date": "2025-10-22",
            "time_of_meeting": "18:00",
            "venue": "Board Room, Tenter House, 9 Salter\u2019s Yard, Hollinsgarth HL4 7TY",
            "items": expected,
            "people_source": "minutes of the meeting held on 17 September 2025 (paper A)",
            "people": people,
            "actions": [action(a, o, t, minute=m, due=d) for a, m, t, o, d in prev_actions],
        },
    )


DOCUMENTS.append(hollinsgarth_housing_pack)


# --- A charity agenda from a Google-Docs-like editor, printed by Chromium (Skia/PDF) ----------------------------

_GDOCS_CSS = """
@page { size: A4; margin: 0 }
body { background: #fff; margin: 0 }
.doc-content { max-width: 451.3pt; padding: 72pt 72pt 72pt 72pt; font-family: Arial, 'Liberation Sans', sans-serif;
  font-size: 11pt; color: #000 }
p { margin: 0; padding-top: 0; padding-bottom: 0; line-height: 1.15 }
.c-title { font-size: 20pt; padding-bottom: 3pt }
.c-sub { color: #666666; font-size: 12pt; padding-bottom: 12pt }
.c-h2 { font-size: 14pt; padding-top: 14pt; padding-bottom: 6pt; font-weight: 700 }
.c-b { font-weight: 700 }
.c-i { font-style: italic; color: #434343 }
table.c-t { border-spacing: 0; border-collapse: collapse; margin-right: auto }
td.c-cell { padding: 5pt 5pt 5pt 5pt; vertical-align: top; border-top: 1pt solid #ffffff }
ol, ul { margin: 0; padding: 0 }
li { padding-left: 0 }
ol.lst-kix_ag-0 { list-style-type: none; counter-reset: lst-ctn-kix_ag-0 var(--start) }
ol.lst-kix_ag-0 > li { counter-increment: lst-ctn-kix_ag-0; margin-left: 18pt; text-indent: -18pt }
ol.lst-kix_ag-0 > li:before { content: counter(lst-ctn-kix_ag-0, decimal) ". "; display: inline-block; width: 18pt;
  text-indent: 0 }
ol.lst-kix_ag-1 { list-style-type: none; counter-reset: lst-ctn-kix_ag-1 }
ol.lst-kix_ag-1 > li { counter-increment: lst-ctn-kix_ag-1; margin-left: 36pt; text-indent: -18pt }
ol.lst-kix_ag-1 > li:before { content: counter(lst-ctn-kix_ag-1, lower-latin) ") "; display: inline-block;
  width: 18pt; text-indent: 0 }
ul.lst-kix_bl-0 { list-style-type: none }
ul.lst-kix_bl-0 > li { margin-left: 36pt; text-indent: -18pt }
ul.lst-kix_bl-0 > li:before { content: "\\25cf   "; display: inline-block; width: 18pt; text-indent: 0 }
"""


def marrowby_foodbank_trustees(out: Out = CORPUS_OUT) -> None:
    """Charity trustees' agenda from a Google-Docs-like editor: a borderless Time | Item | Lead table whose item
    numbers are list counters (start=N in each cell), a) b) c) sub-items, bulleted notes, first-name leads, times
    as 10.00am, a Break and a Close row with times but no number."""
    # (time, number, title, lead, sub-items, bullets)
    rows: list[tuple[str, str, str, str, list[str], list[str]]] = [
        ("10.00am", "1", "Welcome, apologies and declarations of interest", "Priya (Chair)", [], []),
        ("10.05am", "2", "Minutes of the meeting on 11 March 2025 and action tracker", "Jo", [], []),
        (
            "10.15am",
            "3",
            "Operations update",
            "Marcus",
            [
                "Warehouse move \u2013 timetable and volunteer rota",
                "Christmas hamper appeal \u2013 what we learned",
                "Referral partner agreements (renewals due in June)",
            ],
            [],
        ),
        (
            "10.45am",
            "4",
            "Finance: Q4 management accounts and the 2025/26 budget",
            "Femi (Treasurer)",
            [],
            ["Budget for approval", "Reserves policy review moved to July"],
        ),
        ("11.15am", "", "Break", "", [], []),
        ("11.25am", "5", "Safeguarding and volunteer DBS checks", "Ayesha", [], []),
        ("11.45am", "6", "Trustee recruitment and skills audit", "Priya", [], []),
        ("12.05pm", "7", "Risk register \u2013 annual review", "Jo", [], []),
        ("12.20pm", "8", "AOB", "", [], []),
        ("12.30pm", "", "Close", "", [], []),
    ]
    trs = []
    for time, number, title, lead, subs, bullets in rows:
        if number:
            cell = f'<ol class="lst-kix_ag-0" style="--start: {int(number) - 1}"><li><span class="c-b">{_e(title)}</span></li></ol>'
        else:
            cell = f'<p><span class="c-i">{_e(title)}</span></p>'
        if subs:
            cell += '<ol class="lst-kix_ag-1">' + "".join(f"<li>{_e(s)}</li>" for s in subs) + "</ol>"
        if bullets:
            cell += '<ul class="lst-kix_bl-0">' + "".join(f"<li>{_e(b)}</li>" for b in bullets) + "</ul>"
        trs.append(
            f'<tr><td class="c-cell" style="width:62pt"><p>{time}</p></td><td class="c-cell" style="width:270pt">{cell}</td>'
            f'<td class="c-cell" style="width:100pt"><p>{_e(lead)}</p></td></tr>'
        )
    html = (
        '<!DOCTYPE html><html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
        f"<title>Trustee Board agenda May 2025</title><style>{_GDOCS_CSS}</style></head>"
        '<body class="doc-content">'
        '<p class="c-title"><span>The Marrowby Foodbank</span></p>'
        '<p class="c-sub"><span>Trustee Board Meeting</span></p>'
        "<p><span>Wednesday 14 May 2025, 10.00am \u2013 12.30pm</span></p>"
        "<p><span>Marrowby Community Hub, 3 Tanner\u2019s Row, Marrowby (and on Zoom \u2013 link in the calendar invite)</span></p>"
        '<p class="c-h2"><span>Agenda</span></p>'
        '<table class="c-t"><tbody>'
        '<tr><td class="c-cell"><p class="c-b">Time</p></td><td class="c-cell"><p class="c-b">Item</p></td>'
        '<td class="c-cell"><p class="c-b">Lead</p></td></tr>' + "".join(trs) + "</tbody></table>"
        '<p style="padding-top:14pt"><span>Papers are in the Trustees folder on the shared drive. Please read them before the '
        "meeting and send questions to Jo by Friday 9 May.</span></p>"
        '<p style="padding-top:8pt"><span class="c-i">The Marrowby Foodbank is a charitable incorporated organisation, '
        "registered charity number 1201847.</span></p>"
        "</body></html>"
    )
    stem = "marrowby-foodbank-trustees-2025-05-14-agenda"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    expected: list[dict[str, Any]] = []
    for time, number, title, lead, subs, _ in rows:
        if not number:
            continue
        expected.append(Item(number, title, time=time, lead=lead, presenter=lead.split(" (")[0]).expected())
        expected += [Item(chr(ord("a") + n), sub).expected() for n, sub in enumerate(subs)]
    write_expected(
        out,
        stem,
        {
            "name": "The Marrowby Foodbank (charity) trustee board agenda 14 May 2025 (Google-Docs-like HTML printed "
            "by headless Chromium: borderless Time | Item | Lead table, numbers drawn by list counters, a)-c) "
            "sub-items and bullet notes in the item cell, first-name leads 'Priya (Chair)', times 10.00am, Break "
            "and Close rows with a time and no number)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Chromium headless print (Skia/PDF)",
            "body": "The Marrowby Foodbank",
            "meeting_title": "Trustee Board Meeting",
            "date": "2025-05-14",
            "time_of_meeting": "10:00",
            "venue": "Marrowby Community Hub, 3 Tanner\u2019s Row, Marrowby",
            "items": expected,
        },
    )


DOCUMENTS.append(marrowby_foodbank_trustees)


# --- A markdown agenda followed by numbered lists that are not the agenda ---------------------------------------


def quillhampton_residents_markdown(out: Out = CORPUS_OUT) -> None:
    """A residents' association agenda typed in markdown: numbered bold items with "(Lead) - 7.05pm" after the
    title, a) b) sub-items typed by hand, bullets, then "Actions from last meeting" and "Future meetings" as
    numbered lists of their own."""
    # (number, title, lead, time, sub-items, bullets)
    rows: list[tuple[str, str, str, str, list[str], list[str]]] = [
        ("1", "Welcome and apologies", "Chair", "7.00pm", [], []),
        ("2", "Minutes of the meeting on 9 January and matters arising", "Secretary", "7.05pm", [], []),
        (
            "3",
            "Treasurer's report",
            "Dilys",
            "7.15pm",
            ["Ward budget grant for the community garden", "Change of bank signatories"],
            [],
        ),
        (
            "4",
            "Estate issues",
            "",
            "7.30pm",
            [],
            [
                "Lifts at Harebell Court (out of action since 20 January)",
                "Bin store fires \u2013 update from the fire service visit",
                "Parking enforcement on Lantern Way",
            ],
        ),
        ("5", "Meeting with the landlord's area manager on 4 March: what we want to raise", "Chair", "8.00pm", [], []),
        ("6", "Summer fun day: date, budget and volunteers", "Kelechi", "8.15pm", [], []),
        ("7", "Any other business", "", "8.30pm", [], []),
    ]
    lines = [
        "# Quillhampton Tenants' & Residents' Association",
        "",
        "**Committee meeting** \u2014 Thursday 13 February 2025, 7pm  ",
        "Quillhampton Library, upstairs meeting room, Orchard Parade",
        "",
        "## Agenda",
        "",
    ]
    for number, title, lead, time, subs, bullets in rows:
        who = f" ({lead})" if lead else ""
        lines.append(f"{number}. **{title}**{who} \u2014 {time}")
        for n, sub in enumerate(subs):
            lines.append(f"   {chr(ord('a') + n)}) {sub}")
        for bullet in bullets:
            lines.append(f"   - {bullet}")
    lines += [
        "",
        "## Actions from last meeting",
        "",
        "1. Chair to write to the council about the footpath lighting behind Harebell Court \u2014 *done, reply awaited*",
        "2. Dilys to get quotes for public liability insurance \u2014 *on the agenda (item 3)*",
        "3. Kelechi to ask the school about using the field for the fun day \u2014 *carried forward*",
        "4. Everyone: deliver the February newsletter by the 7th \u2014 *done*",
        "",
        "## Future meetings",
        "",
        "1. Thursday 13 March 2025 \u2014 AGM (7pm, same place)",
        "2. Thursday 10 April 2025",
        "3. Thursday 8 May 2025",
        "",
        "_Please send apologies to the secretary, Bernadette Quayle: 07700 900418._",
        "",
    ]
    stem = "quillhampton-residents-committee-2025-02-13-agenda"
    out.text.mkdir(parents=True, exist_ok=True)
    (out.text / f"{stem}.md").write_text("\n".join(lines), encoding="utf-8")
    expected: list[dict[str, Any]] = []
    for number, title, lead, time, subs, _ in rows:
        expected.append(Item(number, title, time=time, lead=lead).expected())
        expected += [Item(chr(ord("a") + n), sub).expected() for n, sub in enumerate(subs)]
    write_expected(
        out,
        stem,
        {
            "name": "Quillhampton Tenants' & Residents' Association committee agenda 13 Feb 2025, markdown ('N. **Title** "
            "(Lead) \u2014 7.05pm' lines, typed a) b) sub-items and - bullets, then 'Actions from last meeting' and "
            "'Future meetings' as numbered lists 1.-4. and 1.-3. that are not agenda items)",
            "file": f"{stem}.md",
            "kind": "agenda",
            "producer": "hand-typed markdown",
            "body": "Quillhampton Tenants' & Residents' Association",
            "meeting_title": "Committee meeting",
            "date": "2025-02-13",
            "time_of_meeting": "19:00",
            "venue": "Quillhampton Library, upstairs meeting room, Orchard Parade",
            "items": expected,
        },
    )


DOCUMENTS.append(quillhampton_residents_markdown)


# --- A partnership board pack whose bookmarks name the papers, not the agenda items ------------------------------


def _liberation() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = "/usr/share/fonts/truetype/liberation/"
    for name, file, bold, italic in (
        ("LiberationSans", "LiberationSans-Regular.ttf", 0, 0),
        ("LiberationSans-Bold", "LiberationSans-Bold.ttf", 1, 0),
        ("LiberationSans-Italic", "LiberationSans-Italic.ttf", 0, 1),
        ("LiberationSans-BoldItalic", "LiberationSans-BoldItalic.ttf", 1, 1),
    ):
        pdfmetrics.registerFont(TTFont(name, folder + file))
        addMapping("LiberationSans", bold, italic, name)
    return "LiberationSans"


def pendlecombe_partnership_pack(out: Out = CORPUS_OUT) -> None:
    """Place partnership board pack: an Item | Title | Lead | Timings | Paper table with "10:00 \u2013 10:05" ranges
    and 5.1/5.2 sub-items; bookmarks name the papers and appendices ("Paper C - ...", "Appendix D1 - ...",
    "Slides - ..."), not the agenda items."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _liberation()
    base = ParagraphStyle("pb", fontName=font, fontSize=10, leading=13, spaceAfter=4)
    small = ParagraphStyle("ps", parent=base, fontSize=9, leading=11, spaceAfter=0)
    title_style = ParagraphStyle(
        "pt", parent=base, fontName=font + "-Bold", fontSize=20, leading=25, textColor=colors.HexColor("#00594f")
    )
    h2 = ParagraphStyle(
        "ph",
        parent=base,
        fontName=font + "-Bold",
        fontSize=14,
        leading=18,
        spaceBefore=4,
        spaceAfter=8,
        textColor=colors.HexColor("#00594f"),
    )
    teal = colors.HexColor("#00594f")
    # (number, title, lead name, lead role, timing, paper)
    rows = [
        ("1", "Welcome, introductions and apologies", "Cllr Marguerite Fellowes", "Chair", "10:00 \u2013 10:05", ""),
        ("2", "Declarations of interest", "Cllr Marguerite Fellowes", "Chair", "10:05 \u2013 10:10", ""),
        (
            "3",
            "Minutes of the meeting held on 13 March 2025",
            "Cllr Marguerite Fellowes",
            "Chair",
            "10:10 \u2013 10:15",
            "A",
        ),
        ("4", "Action log", "Lorcan Devereux-Hart", "Partnership Manager", "10:15 \u2013 10:20", "B"),
        ("5", "Place Director\u2019s report", "Sabine Achebe-Morrow", "Place Director", "10:20 \u2013 10:40", "C"),
        ("5.1", "Performance dashboard: Quarter 4 2024/25", "Sabine Achebe-Morrow", "Place Director", "", "C1"),
        (
            "5.2",
            "Community diagnostic centre at Pendlecombe Wharf: opening arrangements and referral routes",
            "Dr Ravi Mehtani",
            "Clinical Director",
            "",
            "Slides",
        ),
        (
            "6",
            "Winter 2024/25 review and lessons for 2025/26",
            "Nerys Calloway",
            "Director of Urgent Care",
            "10:40 \u2013 11:00",
            "D",
        ),
        (
            "7",
            "Better Care Fund plan 2025/26: sign-off before submission",
            "Aurelio Santangelo",
            "Head of Integrated Commissioning",
            "11:00 \u2013 11:20",
            "E",
        ),
        ("8", "Partnership risk register", "Lorcan Devereux-Hart", "Partnership Manager", "11:20 \u2013 11:30", "F"),
        ("9", "Any other business and close", "Cllr Marguerite Fellowes", "Chair", "11:30 \u2013 11:35", ""),
    ]
    # The papers in pack order: (bookmark, level, header, pages)
    papers = [
        ("Paper A - Draft minutes 13 March 2025", 0, "Paper A", 2),
        ("Paper B - Action log", 0, "Paper B", 1),
        ("Paper C - Place Director's report", 0, "Paper C", 2),
        ("Paper C1 - Performance dashboard", 1, "Paper C1", 1),
        ("Slides - Community diagnostic centre", 1, "Item 5.2", 2),
        ("Paper D - Winter review", 0, "Paper D", 2),
        ("Appendix D1 - Winter metrics", 1, "Paper D, Appendix 1", 1),
        ("Paper E - BCF plan 2025-26", 0, "Paper E", 2),
        ("Appendix E1 - BCF planning template", 1, "Paper E, Appendix 1", 1),
        ("Paper F - Risk register", 0, "Paper F", 1),
    ]

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(teal)
        canvas.drawString(18 * mm, 10 * mm, "Pendlecombe Place Partnership Board \u2013 15 May 2025")
        canvas.drawRightString(192 * mm, 10 * mm, f"{canvas.getPageNumber()}")
        header = doc.header if hasattr(doc, "header") else ""
        if header:
            canvas.setFont(font + "-Bold", 11)
            canvas.drawRightString(192 * mm, 285 * mm, header)
        canvas.restoreState()

    class Header(Spacer):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            super().__init__(0, 0)
            self.text = text

        def draw(self) -> None:
            self.canv._doctemplate.header = self.text

    story: list[Any] = [
        Spacer(1, 55 * mm),
        Paragraph("Pendlecombe Place Partnership Board", title_style),
        Paragraph("Meeting held in public", h2),
        Paragraph("Thursday 15 May 2025, 10:00 \u2013 11:35", base),
        Paragraph("Room 2.14, Pendlecombe Civic Centre, Wharf Street, Pendlecombe", base),
        Spacer(1, 20 * mm),
        Paragraph(
            "A partnership of Pendlecombe Borough Council, the integrated care board, the community and acute trusts, primary care networks and the voluntary sector.",
            small,
        ),
        PageBreak(),
        Header(""),
        Paragraph("Agenda", h2),
    ]
    table_rows: list[list[Any]] = [
        [Paragraph(f"<b>{h}</b>", small) for h in ("Item", "Title", "Lead", "Timings", "Paper")]
    ]
    for number, title, name, role, timing, paper in rows:
        indent = "&nbsp;&nbsp;" if "." in number else ""
        table_rows.append([
            Paragraph(f"{indent}{number}", base), Paragraph(escape(title) if "." in number else f"<b>{escape(title)}</b>", base),
            Paragraph(f"{name}<br/><i>{role}</i>", small), Paragraph(timing, small), Paragraph(paper, small),
        ])  # fmt: skip
    table = Table(table_rows, colWidths=[15 * mm, 70 * mm, 46 * mm, 25 * mm, 16 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#9fc5bf")), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d7ebe8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip
    story += [
        table,
        Spacer(1, 5 * mm),
        Paragraph("Date of next meeting: Thursday 17 July 2025, 10:00, Pendlecombe Civic Centre.", base),
        PageBreak(),
    ]
    page_of: dict[str, int] = {}
    page = 3
    for bookmark, _level, header, pages in papers:
        page_of[bookmark] = page
        page += pages
        story.append(Header(header))
        heading = bookmark.split(" - ", 1)[1]
        story.append(
            Paragraph(
                heading if not bookmark.startswith("Slides") else "Community diagnostic centre at Pendlecombe Wharf", h2
            )
        )
        for n in range(pages):
            if n:
                story.append(PageBreak())
            if bookmark.startswith("Slides"):
                for slide in range(2):
                    box = Table(
                        [
                            [
                                Paragraph(
                                    f"<b>Slide {2 * n + slide + 1}</b><br/>Opening hours 08:00 \u2013 20:00, seven days. CT, MRI, ultrasound, phlebotomy and lung function tests. Referral by GP, community teams and the acute trust.",
                                    base,
                                )
                            ]
                        ],
                        colWidths=[170 * mm],
                        rowHeights=[95 * mm],
                    )
                    box.setStyle(
                        TableStyle([("BOX", (0, 0), (-1, -1), 1, teal), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
                    )
                    story += [box, Spacer(1, 6 * mm)]
                continue
            for k in range(1, 8):
                story.append(
                    Paragraph(
                        f"{n + 1}.{k} The partnership has reviewed the position with its members. The figures are drawn from the shared care record and the providers\u2019 returns for the period, and the narrative has been agreed with the leads named in the report.",
                        base,
                    )
                )
        story.append(PageBreak())
    story.pop()
    stem = "pendlecombe-partnership-board-2025-05-15-pack"
    pdf = out.pdf / f"{stem}.pdf"

    class Doc(SimpleDocTemplate):  # type: ignore[misc]
        def afterPage(self) -> None:  # the header is known only once the page's flowables are drawn
            furniture(self.canv, self)

    Doc(str(pdf), pagesize=A4, invariant=1, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm, bottomMargin=18 * mm,
        title="Place Partnership Board 15 May 2025", author="Partnership Office").build(story)  # fmt: skip
    assert page_count(pdf) == page - 1, (page_count(pdf), page)
    add_outline(pdf, [("Cover", 0, 0), ("Agenda", 1, 0)] + [(b, page_of[b] - 1, level) for b, level, _, _ in papers])
    expected = [Item(n, t, time=timing, lead=name, paper=paper and (paper if paper == "Slides" else f"Paper {paper}")).expected()
                for n, t, name, _role, timing, paper in rows]  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Pendlecombe Place Partnership Board pack 15 May 2025 (ReportLab, Liberation Sans: Item | Title | "
            "Lead | Timings | Paper table with '10:00 \u2013 10:05' ranges, 'Name / italic role' leads, indented 5.1-5.2; "
            "12 bookmarks that name the papers, appendices and slides (Paper A..F, Appendix D1, Slides) rather than "
            "the agenda items; paper pages carry 'Paper C' headers)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "ReportLab, bookmarks added with pypdf",
            "body": "Pendlecombe Place Partnership Board",
            "meeting_title": "Meeting held in public",
            "date": "2025-05-15",
            "time_of_meeting": "10:00",
            "venue": "Room 2.14, Pendlecombe Civic Centre, Wharf Street, Pendlecombe",
            "bookmarks": [b for b, *_ in papers],
            "items": expected,
        },
    )


DOCUMENTS.append(pendlecombe_partnership_pack)


# --- A Welsh community council's bilingual agenda, printed by LibreOffice ---------------------------------------


def llangwendrod_bilingual(out: Out = CORPUS_OUT) -> None:
    """Welsh community council: bilingual masthead and notice (Welsh first), items "Welsh / English" on one line,
    6.1/7.2 sub-items with planning references, the time as "7.00yh / 7.00pm"."""
    rows: list[tuple[str, str]] = [
        ("1", "Ymddiheuriadau / Apologies"),
        ("2", "Datgan buddiant / Declarations of interest"),
        ("3", "Cofnodion y cyfarfod a gynhaliwyd ar 14 Gorffennaf 2025 / Minutes of the meeting held on 14 July 2025"),
        ("4", "Materion yn codi / Matters arising"),
        ("5", "Adroddiad y Cynghorydd Sir / County Councillor\u2019s report"),
        ("6", "Ceisiadau cynllunio / Planning applications"),
        (
            "6.1",
            "FUL/2025/0412 \u2013 Estyniad deulawr, Bryn Tawelan, Heol y Capel / Two-storey extension, Bryn Tawelan, Chapel Road",
        ),
        (
            "6.2",
            "FUL/2025/0457 \u2013 Newid defnydd ysgubor yn llety gwyliau, Fferm Gwernydd-isaf / Change of use of barn to holiday let, Gwernydd-isaf Farm",
        ),
        ("7", "Cyllid / Finance"),
        ("7.1", "Taliadau i\u2019w cymeradwyo / Payments for approval"),
        ("7.2", "Archwiliad allanol 2024/25 / External audit 2024/25"),
        (
            "8",
            "Gohebiaeth (gan gynnwys y cwmni d\u0175r \u2013 gwaith ar y brif bibell) / Correspondence (including the water company \u2013 mains works)",
        ),
        ("9", "Materion gan aelodau / Members\u2019 matters"),
        ("10", "Dyddiad y cyfarfod nesaf / Date of next meeting"),
    ]
    paragraphs = []
    for number, title in rows:
        sub = "." in number
        margin = "1.6cm" if sub else "0.9cm"
        indent = "-0.9cm"
        paragraphs.append(
            f'<p style="margin-left:{margin}; text-indent:{indent}; margin-top:0.12cm; margin-bottom:0.12cm">'
            f"{'' if sub else '<b>'}{number}{'' if sub else '.'}&#9;{_e(title)}{'' if sub else '</b>'}</p>"
        )
    html = (
        '<!DOCTYPE html><html lang="cy"><head><meta charset="utf-8"><title>Agenda Medi 2025</title><style>'
        "@page { size: 21cm 29.7cm; margin: 2cm } body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 12pt }"
        "</style></head><body>"
        '<p align="center" style="font-size:17pt"><b>Cyngor Cymuned Llangwendrod</b></p>'
        '<p align="center" style="font-size:15pt"><b>Llangwendrod Community Council</b></p>'
        '<p align="center"><i>Clerc / Clerk: Gwenllian Rhydderch, Tŷ Capel, Llangwendrod LW7 8QP</i></p>'
        "<hr>"
        "<p><b>Rhybudd o Gyfarfod / Notice of Meeting</b></p>"
        "<p>Fe\u2019ch gwysir i fynychu cyfarfod misol Cyngor Cymuned Llangwendrod a gynhelir yn Neuadd Goffa Llangwendrod "
        "nos Lun 8 Medi 2025 am 7.00yh.</p>"
        "<p><i>You are summoned to attend the monthly meeting of Llangwendrod Community Council to be held at "
        "Llangwendrod Memorial Hall on Monday 8 September 2025 at 7.00pm.</i></p>"
        "<p>Croesewir cyfraniadau yn Gymraeg neu yn Saesneg. / <i>Contributions are welcome in Welsh or English.</i></p>"
        '<p align="center" style="font-size:14pt; margin-top:0.5cm"><b>AGENDA</b></p>'
        + "".join(paragraphs)
        + '<p style="margin-top:0.8cm">Gwenllian Rhydderch<br>Clerc a Swyddog Ariannol Cyfrifol / Clerk and Responsible Financial Officer<br>'
        "1 Medi 2025 / 1 September 2025</p>"
        "</body></html>"
    )
    stem = "llangwendrod-community-council-2025-09-08-agenda"
    source = keep_source(out, f"{stem}.html", html)
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Cyngor Cymuned Llangwendrod / Llangwendrod Community Council agenda 8 Sep 2025 (LibreOffice from "
            "HTML, Liberation Serif: bilingual masthead and notice, Welsh first, the time as '7.00yh' then '7.00pm', "
            "items 'Welsh / English' on one line, 6.1-6.2 planning references and 7.1-7.2, a circumflexed w)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "LibreOffice Writer from HTML",
            "body": "Llangwendrod Community Council",
            "meeting_title": "monthly meeting",
            "date": "2025-09-08",
            "time_of_meeting": "19:00",
            "venue": "Llangwendrod Memorial Hall",
            "items": [Item(n, t).expected() for n, t in rows],
        },
    )


DOCUMENTS.append(llangwendrod_bilingual)


# --- A learned society's council agenda typeset with Typst: three levels of numbering ----------------------------


def orrindale_society_typst(out: Out = CORPUS_OUT) -> None:
    """Learned society council: Typst numbered headings 1 / 1.1 / 1.1.1 (no trailing dots), times "14.30" at the
    right of top-level items only, officers' roles in italics after some sub-items."""
    # (number, title, time, lead)
    rows: list[tuple[str, str, str, str]] = [
        ("1", "Opening business", "14.00", ""),
        ("1.1", "Apologies for absence", "", ""),
        ("1.2", "Declarations of interest", "", ""),
        ("1.3", "Minutes of the Council meeting of 21 January 2025", "", "Hon. Secretary"),
        ("1.4", "Matters arising not otherwise on the agenda", "", ""),
        ("2", "Officers\u2019 reports", "14.15", ""),
        ("2.1", "President", "", ""),
        ("2.2", "Hon. Treasurer", "", ""),
        ("2.2.1", "Accounts for the year to 31 December 2024 (for adoption and presentation to the AGM)", "", ""),
        ("2.2.2", "Subscription rates for 2026", "", ""),
        ("2.2.3", "Investment policy: report of the review by the Finance Sub-committee", "", ""),
        ("2.3", "Hon. Editor of the Transactions", "", ""),
        ("3", "Publications", "15.00", ""),
        (
            "3.1",
            "Transactions volume 97: production schedule and the proposal to move to open access after a two-year embargo",
            "",
            "Hon. Editor",
        ),
        (
            "3.2",
            "Record Series: digitisation of the parish tithe apportionments, and the grant application to the county heritage fund",
            "",
            "Record Series Editor",
        ),
        ("4", "Fieldwork and excavations", "15.30", ""),
        ("4.1", "Report on the 2024 season at Cowlease Barrow", "", "Director of Excavations"),
        ("4.2", "Landowner consents and insurance for 2025", "", ""),
        (
            "5",
            "Library and collections: deposit of the society\u2019s archive with the county record office",
            "15.50",
            "Hon. Librarian",
        ),
        (
            "6",
            "Annual General Meeting, 17 May 2025: arrangements and nominations to Council",
            "16.05",
            "Hon. Secretary",
        ),
        ("7", "Any other business", "16.20", ""),
        ("8", "Date of the next meeting: Saturday 12 July 2025", "", ""),
    ]
    lines = [
        '#set page(paper: "a4", margin: (x: 2.4cm, y: 2.2cm), footer: context [#set text(size: 8pt); Orrindale Antiquarian and Natural History Society #h(1fr) #counter(page).display()])',
        '#set text(size: 10.5pt, lang: "en")',
        '#set heading(numbering: "1.1.1")',
        "#show heading.where(level: 1): set text(size: 11.5pt)",
        "#show heading.where(level: 2): set text(size: 10.5pt)",
        '#show heading.where(level: 3): set text(size: 10.5pt, weight: "regular")',
        "#show heading: set block(above: 0.9em, below: 0.5em)",
        "#align(center)[",
        '  #text(size: 16pt, weight: "bold")[Orrindale Antiquarian and Natural History Society] \\',
        "  #v(2pt) #text(size: 12pt)[Meeting of Council] \\",
        "  #v(2pt) Saturday 12 April 2025 at 2.00 pm, the Society\u2019s Library, 14 Minster Close, Orrindale",
        "]",
        "#v(8pt)",
        "#line(length: 100%, stroke: 0.5pt)",
        '#align(center)[#text(weight: "bold")[AGENDA]]',
    ]

    def typ(text: str) -> str:
        return text.replace("#", "\\#").replace("*", "\\*").replace("_", "\\_").replace("@", "\\@")

    for number, title, time, lead in rows:
        level = number.count(".") + 1
        suffix = ""
        if lead:
            suffix += f' #h(0.6em) #text(style: "italic", weight: "regular")[{typ(lead)}]'
        if time:
            suffix += f' #h(1fr) #text(weight: "regular")[{time}]'
        lines.append(f"{'=' * level} {typ(title)}{suffix}")
    lines += [
        "#v(14pt)",
        "Papers for items 2.2.1, 3.1 and 6 are attached; other reports will be tabled. Members of Council unable to "
        "attend are asked to tell the Hon. Secretary, Dr Wilhelmina Ashcombe-Tye, by 5 April.",
    ]
    stem = "orrindale-society-council-2025-04-12-agenda"
    source = keep_source(out, f"{stem}.typ", "\n".join(lines) + "\n")
    typst_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Orrindale Antiquarian and Natural History Society council agenda 12 Apr 2025 (Typst: numbered "
            "headings 1 / 1.1 / 1.1.1 with no trailing dots, level 3 in regular weight, times 14.30 flush right on "
            "top-level items only, officers' roles in italics after the title, two sub-items wrapping onto a "
            "second line; Typst puts the headings in the bookmarks)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Typst",
            "body": "Orrindale Antiquarian and Natural History Society",
            "meeting_title": "Meeting of Council",
            "date": "2025-04-12",
            "time_of_meeting": "14:00",
            "venue": "the Society\u2019s Library, 14 Minster Close, Orrindale",
            "items": [Item(n, t, time=time, lead=lead).expected() for n, t, time, lead in rows],
        },
    )


DOCUMENTS.append(orrindale_society_typst)


# --- A fire authority agenda: titles wrapping over three lines, times at the left, (i)-(iii) ---------------------


def wenlow_fire_authority(out: Out = CORPUS_OUT) -> None:
    """Combined fire authority: Time | No. | Item without rules, bold titles wrapping over two and three lines,
    "Report of ..." lines in italics and descriptions below, several items under one time, (i)-(iii) sub-items,
    an exclusion resolution then an exempt item."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    base = ParagraphStyle("wb", fontName="Times-Roman", fontSize=11.5, leading=14, spaceAfter=3)
    bold = ParagraphStyle("wbo", parent=base, fontName="Times-Bold")
    italic = ParagraphStyle("wi", parent=base, fontName="Times-Italic")
    centre = ParagraphStyle("wc", parent=bold, alignment=1, fontSize=14, leading=18)
    # (time, number, title, report of, description, part)
    rows: list[tuple[str, str, str, str, str, int]] = [
        ("14.30", "1", "Apologies for Absence", "", "", 1),
        (
            "",
            "2",
            "Declarations of Interest",
            "",
            "Members are reminded to declare any disclosable pecuniary interest or other registrable interest.",
            1,
        ),
        (
            "",
            "3",
            "Minutes",
            "",
            "To confirm as a correct record the minutes of the meeting of the Authority held on 30 September 2025.",
            1,
        ),
        ("14.40", "4", "Chair\u2019s Announcements", "", "", 1),
        (
            "14.45",
            "5",
            "Community Risk Management Plan 2026\u20132030: Outcome of the Public Consultation, the Equality Impact Assessment and the Recommended Changes to Crewing Arrangements at Custbury and Quenbridge Fire Stations",
            "Chief Fire Officer and Chief Executive",
            "To approve the Community Risk Management Plan 2026\u20132030 for publication.",
            1,
        ),
        (
            "15.15",
            "6",
            "Revenue Budget Monitoring 2025/26 (Quarter 2), the Medium-Term Financial Plan 2026/27 to 2029/30 and the Capital Programme, including the Replacement of the Breathing Apparatus Fleet",
            "Treasurer",
            "To note the forecast outturn and approve the virements set out in Appendix B.",
            1,
        ),
        ("15.35", "7", "Reports of Committees", "", "To receive the minutes and recommendations of:", 1),
        ("", "(i)", "Audit and Governance Committee \u2013 4 November 2025", "", "", 1),
        ("", "(ii)", "Human Resources Committee \u2013 11 November 2025", "", "", 1),
        ("", "(iii)", "Local Pension Board \u2013 18 November 2025", "", "", 1),
        (
            "15.45",
            "8",
            "Inspection Report: Progress on the Cause of Concern in the Protection Programme",
            "Assistant Chief Fire Officer (Prevention and Protection)",
            "",
            1,
        ),
        (
            "15.55",
            "9",
            "Exclusion of the Press and Public",
            "",
            "To consider passing a resolution under section 100A(4) of the Local Government Act 1972 that the press and public be excluded from the meeting for the following item on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Act.",
            1,
        ),
        (
            "16.00",
            "10",
            "Shared Estates with the Ambulance Service at Quenbridge: Heads of Terms",
            "Director of Corporate Services",
            "",
            2,
        ),
    ]
    story: list[Any] = [
        Paragraph("WENLOW AND CUSTBURY FIRE AND RESCUE AUTHORITY", centre),
        Spacer(1, 3 * mm),
        Paragraph(
            "A meeting of the Fire and Rescue Authority will be held on <b>Tuesday 9 December 2025 at 14.30</b> in the Authority Room, Fire and Rescue Headquarters, Beacon Road, Custbury.",
            base,
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            "<b>Members:</b> Councillors Ambrose Kettlewell (Chair), Nia Pendleford (Vice-Chair), Oskar Brandreth, Faith Ilori-Mason, Jerome Catterick, Lettice Dunmore, Hywel Gadsby, Sadia Rahimtoola, Tristram Vowles and Wendy Yallop",
            base,
        ),
        Spacer(1, 6 * mm),
        Paragraph("AGENDA", centre),
        Spacer(1, 3 * mm),
    ]
    data: list[list[Any]] = [
        [Paragraph("<b>Time</b>", base), Paragraph("<b>No.</b>", base), Paragraph("<b>Item</b>", base)]
    ]
    exempt_row = -1
    for time, number, title, report_of, description, part in rows:
        if part == 2 and exempt_row < 0:
            exempt_row = len(data)
            data.append(["", "", Paragraph("<b>PART 2 \u2013 EXEMPT ITEM</b>", base)])
        sub = number.startswith("(")
        cell: list[Any] = [Paragraph(escape(title), base if sub else bold)]
        if report_of:
            cell.append(Paragraph(f"Report of the {escape(report_of)}", italic))
        if description:
            cell.append(Paragraph(escape(description), base))
        data.append([Paragraph(time, base), Paragraph(number if sub else f"{number}.", base), cell])
    table = Table(data, colWidths=[17 * mm, 16 * mm, 132 * mm])
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"),
    ]
    for row, cells in enumerate(data):
        if getattr(cells[1], "text", "").startswith("("):  # sub-items sit a little in from the numbers
            style.append(("LEFTPADDING", (1, row), (1, row), 10))
    table.setStyle(TableStyle(style))
    story += [
        table,
        Spacer(1, 8 * mm),
        Paragraph(
            "Clerk to the Authority: Cornelius Attwater-Bligh, Fire and Rescue Headquarters, Beacon Road, Custbury. 28 November 2025.",
            base,
        ),
    ]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont("Times-Roman", 9)
        canvas.drawCentredString(105 * mm, 12 * mm, f"{canvas.getPageNumber()}")

    stem = "wenlow-fire-authority-2025-12-09-agenda"
    SimpleDocTemplate(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1, leftMargin=22 * mm, rightMargin=22 * mm,
                      title="Fire and Rescue Authority 9 December 2025").build(story, onFirstPage=footer, onLaterPages=footer)  # fmt: skip
    expected = []
    for time, number, title, report_of, _d, part in rows:
        expected.append(
            Item(
                number.strip("()"),
                title,
                time=time,
                lead=report_of and f"Report of the {report_of}",
                presenter="",
                part=part,
            ).expected()
        )
    write_expected(
        out,
        stem,
        {
            "name": "Wenlow and Custbury Fire and Rescue Authority agenda 9 Dec 2025 (ReportLab, Times: Time | No. | Item "
            "table with no rules, bold titles wrapping over 2-3 lines, italic 'Report of the ...' lines that are "
            "authors not presenters, descriptions under titles, times '14.30' on some items only, (i)-(iii) "
            "sub-items, an exclusion resolution then a PART 2 exempt item)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab",
            "body": "Wenlow and Custbury Fire and Rescue Authority",
            "meeting_title": "Fire and Rescue Authority",
            "date": "2025-12-09",
            "time_of_meeting": "14:30",
            "venue": "Authority Room, Fire and Rescue Headquarters, Beacon Road, Custbury",
            "items": expected,
        },
    )


DOCUMENTS.append(wenlow_fire_authority)


# --- A church council agenda followed by an action log and a list of future meetings ---------------------------


def nether_quenton_pcc(out: Out = CORPUS_OUT) -> None:
    """Parochial church council: an unnumbered opening prayer, items as a Writer numbered list (the numbers are
    list labels), a) b) c) under one item, then an action log table numbered 1-6 and "Future meetings" as a
    numbered list 1-4: neither is the agenda."""
    rows: list[tuple[str, str, list[str]]] = [
        ("1", "Apologies for absence", []),
        ("2", "Minutes of the meeting held on 18 November 2024", []),
        ("3", "Matters arising not covered elsewhere on the agenda", []),
        ("4", "Correspondence", []),
        ("5", "Vicar\u2019s report", []),
        (
            "6",
            "Treasurer\u2019s report",
            [
                "2024 accounts \u2013 first look before the independent examination",
                "Parish share for 2025",
                "Gift Aid claim and the new envelope scheme",
            ],
        ),
        (
            "7",
            "Fabric: the quinquennial inspection report and the faculty application for repairs to the north aisle roof",
            [],
        ),
        ("8", "Safeguarding: annual self-assessment and adoption of the diocesan safeguarding policy", []),
        (
            "9",
            "Annual Parochial Church Meeting, Sunday 27 April 2025: revision of the electoral roll and nominations for churchwardens and PCC members",
            [],
        ),
        ("10", "Deanery Synod report", []),
        ("11", "Any other business (notified to the Secretary before the meeting)", []),
        ("12", "Date of next meeting and closing prayer (the Grace)", []),
    ]
    items_html = ""
    for _number, title, subs in rows:
        items_html += f"<li><p>{_e(title)}</p>"
        if subs:
            items_html += '<ol type="a">' + "".join(f"<li><p>{_e(s)}</p></li>" for s in subs) + "</ol>"
        items_html += "</li>"
    actions = [
        ("Chase the architect for the quinquennial report", "TM", "Done \u2013 on agenda"),
        ("Replace the batteries in the defibrillator cabinet", "GF", "Done"),
        ("Arrange the Advent lunch rota", "JP", "Done"),
        ("Ask the diocese about the parish share instalments", "Treasurer", "Item 6"),
        ("Get quotes for the churchyard wall repair", "Churchwardens", "Carried forward"),
        ("Update the safeguarding notice in the porch", "Safeguarding Officer", "Item 8"),
    ]
    action_rows = "".join(
        f"<tr><td>{n}</td><td>{_e(a)}</td><td>{_e(w)}</td><td>{_e(s)}</td></tr>"
        for n, (a, w, s) in enumerate(actions, 1)
    )
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>PCC agenda January 2025</title><style>'
        "@page { size: 21cm 29.7cm; margin: 2.2cm 2.2cm } body { font-family: 'DejaVu Serif', serif; font-size: 11pt }"
        "td, th { font-size: 10pt }</style></head><body>"
        '<p align="center" style="font-size:15pt"><b>The Parish of St Aldric, Nether Quenton</b></p>'
        '<p align="center" style="font-size:13pt">Parochial Church Council</p>'
        '<p align="center">A meeting of the Parochial Church Council will be held on Monday 20 January 2025 at 7.30pm in the Church Room.</p>'
        '<p style="margin-top:0.5cm"><b>AGENDA</b></p>'
        "<p><i>Opening prayer and reflection \u2013 the Vicar</i></p>"
        f"<ol>{items_html}</ol>"
        '<p style="margin-top:0.6cm"><b>Action log from the meeting on 18 November 2024</b></p>'
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        '<tr><th width="6%">No.</th><th width="54%">Action</th><th width="20%">Who</th><th width="20%">Status</th></tr>'
        + action_rows
        + "</table>"
        '<p style="margin-top:0.6cm"><b>Future meetings</b> (all at 7.30pm in the Church Room)</p>'
        "<ol><li><p>Monday 17 March 2025</p></li><li><p>Sunday 27 April 2025 \u2013 APCM after the 10am service</p></li>"
        "<li><p>Monday 9 June 2025</p></li><li><p>Monday 15 September 2025</p></li></ol>"
        "<p>Tamsin Moorcroft-Lee, PCC Secretary</p>"
        "</body></html>"
    )
    stem = "nether-quenton-pcc-2025-01-20-agenda"
    source = keep_source(out, f"{stem}.html", html.replace("<td>", '<td valign="top">'))
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    expected = [Item("", "Opening prayer and reflection", lead="the Vicar").expected()]
    for number, title, subs in rows:
        expected.append(Item(number, title).expected())
        expected += [Item(chr(ord("a") + n), s).expected() for n, s in enumerate(subs)]
    write_expected(
        out,
        stem,
        {
            "name": "Parochial Church Council of St Aldric, Nether Quenton agenda 20 Jan 2025 (LibreOffice from HTML, "
            "DejaVu Serif: an unnumbered italic opening prayer with its leader after a dash, items as a Writer "
            "numbered list 1.-12. with a.-c. under item 6, long titles wrapping; then an action log table numbered "
            "1-6 and 'Future meetings' as a numbered list 1.-4., neither of them agenda items)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "LibreOffice Writer from HTML",
            "body": "The Parish of St Aldric, Nether Quenton",
            "meeting_title": "Parochial Church Council",
            "date": "2025-01-20",
            "time_of_meeting": "19:30",
            "venue": "the Church Room",
            "items": expected,
        },
    )


DOCUMENTS.append(nether_quenton_pcc)
