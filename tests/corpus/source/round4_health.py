# ruff: noqa: E501
"""Fourth round, health and care: an NHS Scotland health board agenda typeset as a LaTeX longtable over two pages
(the header row repeated, "Paper No. 25/61", leads as a name over a role), a research ethics committee agenda whose
applications are rows with REC references in their own column, and a hospice trustees' agenda drawn with the
times in the left margin and the item numbers in a second column."""

from __future__ import annotations

from typing import Any

from kit import CORPUS_OUT, Item, Out, keep_source, latex_pdf, write_expected
from round4_util import tex, ttf_family, uk_date

OUT = CORPUS_OUT


# --- NHS Scotland health board, LaTeX longtable -----------------------------------------------------------------


def ardmorven_health_board(out: Out = OUT) -> None:
    """Health board meeting in public: a longtable Item | Time | Title | Lead | Paper No. | For, grouped under
    shaded section rows (Better Care / Health / Value / Workplace / Governance) and a comfort-break row, leads as
    'Name' over 'Role' in the same cell, paper numbers 25/55-25/72 or 'Verbal', committee minutes 15.1-15.4 without
    times, the header row repeated on page 2 under "(continued)", and "Date of next meeting" as item 19."""
    iso = "2025-08-26"
    leads = {
        "chair": ("Chair", ""),
        "sec": ("Board Secretary", ""),
        "ceo": ("Mr Alasdair Drummond-Reith", "Chief Executive"),
        "nurse": ("Mrs Shona MacAskill-Byrne", "Director of Nursing, Midwifery and AHPs"),
        "acute": ("Mr Calum Strachan-Imrie", "Director of Acute Services"),
        "hscp": ("Ms Morag Tennent-Oduya", "Chief Officer, Health and Social Care Partnership"),
        "dph": ("Dr Lorna Kettlewell", "Director of Public Health"),
        "dof": ("Ms Eilidh Matheson-Grieve", "Director of Finance"),
        "estates": ("Mr Gregor Auchterlonie", "Director of Estates and Facilities"),
        "wb": ("Mr Niall Abernethy-Osei", "Non-Executive Whistleblowing Champion"),
        "hr": ("Mrs Fiona Dalgleish-Reyes", "Director of Workforce"),
    }
    # (number, time, title, lead key, paper, for) ; number "" = section row, "break" = comfort break
    rows: list[tuple[str, str, str, str, str, str]] = [
        ("", "", "OPENING BUSINESS", "", "", ""),
        ("1", "10.00", "Chair\u2019s welcome, apologies and quorum", "chair", "Verbal", ""),
        ("2", "10.02", "Declarations of interest", "chair", "Verbal", ""),
        (
            "3",
            "10.05",
            "Minute of the previous meeting held on " + uk_date("2025-06-24", False),
            "chair",
            "25/55",
            "Approval",
        ),
        ("4", "10.10", "Rolling action list and matters arising", "sec", "25/56", "Assurance"),
        ("5", "10.15", "Chair\u2019s report", "chair", "25/57", "Awareness"),
        ("6", "10.25", "Chief Executive\u2019s report", "ceo", "25/58", "Awareness"),
        ("", "", "BETTER CARE", "", "", ""),
        ("7", "10.40", "Healthcare associated infection report", "nurse", "25/59", "Assurance"),
        ("8", "10.55", "Unscheduled care performance and winter plan 2025/26", "acute", "25/60", "Approval"),
        ("9", "11.15", "Psychological therapies waiting times: recovery plan", "hscp", "25/61", "Assurance"),
        ("", "", "BETTER HEALTH", "", "", ""),
        (
            "10",
            "11.35",
            "Director of Public Health annual report 2024/25: \u2018Growing up in Ardmorven\u2019",
            "dph",
            "25/62",
            "Awareness",
        ),
        ("break", "11.55", "Comfort break", "", "", ""),
        ("", "", "BETTER VALUE", "", "", ""),
        ("11", "12.05", "Financial performance report: month 3", "dof", "25/63", "Assurance"),
        ("12", "12.20", "Capital plan 2025/26: revision 1", "dof", "25/64", "Approval"),
        ("13", "12.30", "Property and asset management strategy 2025\u20132030", "estates", "25/65", "Approval"),
        ("", "", "BETTER WORKPLACE", "", "", ""),
        ("14", "12.45", "Whistleblowing standards: quarter 1 report", "wb", "25/66", "Assurance"),
        ("15", "12.55", "Staff health and wellbeing, and sickness absence", "hr", "25/67", "Assurance"),
        ("", "", "GOVERNANCE", "", "", ""),
        ("16", "13.05", "Board committee assurance reports and approved minutes", "", "", "Assurance"),
        ("16.1", "", "Audit and Risk Committee \u2013 " + uk_date("2025-06-03", False), "", "25/68", ""),
        ("16.2", "", "Clinical Governance Committee \u2013 " + uk_date("2025-06-10", False), "", "25/69", ""),
        ("16.3", "", "Staff Governance Committee \u2013 " + uk_date("2025-06-17", False), "", "25/70", ""),
        ("16.4", "", "Area Clinical Forum \u2013 " + uk_date("2025-06-05", False), "", "25/71", ""),
        ("17", "13.15", "Corporate risk register", "sec", "25/72", "Assurance"),
        ("18", "13.20", "Any other competent business", "chair", "Verbal", ""),
        ("19", "13.25", "Date of next meeting: " + uk_date("2025-10-28") + " at 10.00am", "", "", ""),
    ]
    body = []
    for number, time, title, lead, paper, purpose in rows:
        if number == "":
            body.append(rf"\rowcolor{{sect}}\multicolumn{{6}}{{@{{}}l}}{{\textbf{{{tex(title)}}}}} \\")
            continue
        if number == "break":
            body.append(rf" & {time} & \textit{{{tex(title)}}} & & & \\")
            continue
        name, role = leads.get(lead, ("", ""))
        who = tex(name) + (rf"\newline\footnotesize {tex(role)}" if role else "")
        sub = "." in number
        label = number if sub else rf"\textbf{{{number}}}"
        text = tex(title) if sub else rf"\textbf{{{tex(title)}}}"
        body.append(rf"{label} & {time} & {text} & {who} & {paper} & {purpose} \\ \hline")
    doc = (
        r"""\documentclass[10pt,a4paper]{article}
\usepackage[margin=1.8cm,top=2.2cm,bottom=2.2cm]{geometry}
\usepackage[scaled]{helvet}\renewcommand{\familydefault}{\sfdefault}
\usepackage[T1]{fontenc}
\usepackage{longtable,array,colortbl,xcolor}
\definecolor{nhsblue}{HTML}{005EB8}\definecolor{sect}{HTML}{DCE6F2}\definecolor{headrow}{HTML}{005EB8}
\usepackage{fancyhdr}\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}
\rhead{\color{nhsblue}\textbf{NHS Ardmorven}}\cfoot{\footnotesize Board meeting in public -- """
        + uk_date(iso, False)
        + r""" -- page \thepage}
\setlength{\parindent}{0pt}
\renewcommand{\arraystretch}{1.25}
\begin{document}
{\LARGE\bfseries\color{nhsblue} Ardmorven NHS Board\par}
\smallskip
{\large\bfseries Meeting of the Board held in public\par}
\medskip
\begin{tabular}{@{}ll}
Date: & """
        + uk_date(iso)
        + r""" \\
Time: & 10.00am -- 1.30pm \\
Venue: & Board Room, Corran House, Strathvane Road, Ardmorven \\
\end{tabular}
\par\medskip
\textbf{AGENDA}
\par\smallskip
\begin{longtable}{@{}p{0.9cm}p{1.0cm}>{\raggedright\arraybackslash}p{6.6cm}>{\raggedright\arraybackslash}p{4.2cm}p{1.3cm}p{1.7cm}@{}}
\rowcolor{headrow}\color{white}\textbf{Item} & \color{white}\textbf{Time} & \color{white}\textbf{Title} & \color{white}\textbf{Lead} & \color{white}\textbf{Paper No.} & \color{white}\textbf{For} \\
\endfirsthead
\multicolumn{6}{@{}l}{\small\textit{Agenda (continued)}} \\
\rowcolor{headrow}\color{white}\textbf{Item} & \color{white}\textbf{Time} & \color{white}\textbf{Title} & \color{white}\textbf{Lead} & \color{white}\textbf{Paper No.} & \color{white}\textbf{For} \\
\endhead
"""
        + "\n".join(body)
        + r"""
\end{longtable}
\small Papers are published on the Board\textquotesingle s website five working days before the meeting. Members of the public who wish to attend should contact the Board Secretary, Corran House.
\end{document}
"""
    )
    stem = "ardmorven-nhs-board-2025-08-26-agenda"
    source = keep_source(out, f"{stem}.tex", doc)
    latex_pdf(source, out.pdf / f"{stem}.pdf")
    items = []
    for number, time, title, lead, paper, purpose in rows:
        if number in {"", "break"}:
            continue
        name = leads.get(lead, ("", ""))[0]
        items.append(Item(number, title, time=time, lead=name, purpose=purpose, paper=paper).expected())
    write_expected(
        out,
        stem,
        {
            "name": "NHS Ardmorven (a Scottish health board) board meeting in public agenda 26 Aug 2025 (pdfLaTeX longtable, "
            "Helvetica: Item | Time | Title | Lead | Paper No. | For on a blue header row repeated on page 2 under "
            "'Agenda (continued)', shaded section rows BETTER CARE/HEALTH/VALUE/WORKPLACE (not items), a 'Comfort break' "
            "row with a time and no number, leads as a name over a smaller role in one cell (or 'Chair'), paper numbers "
            "like 25/61, sub-items 16.1-16.4 with papers and no time, 'Date of next meeting' as item 19)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "pdfTeX (LaTeX longtable)",
            "body": "NHS Ardmorven",
            "meeting_title": "Meeting of the Board held in public",
            "date": iso,
            "time_of_meeting": "10:00",
            "venue": "Board Room, Corran House, Strathvane Road, Ardmorven",
            "items": items,
        },
    )


DOCUMENTS: list[Any] = [ardmorven_health_board]


# --- A research ethics committee agenda (ReportLab, as a committee office's template prints it) ------------------


def mereholt_research_ethics(out: Out = OUT) -> None:
    """Research ethics committee: a grid Item | Time | REC reference | Business, where each new application is a
    row 5.1-5.4 with its REC reference and IRAS ID in their own column and the study title in bold over Chief
    Investigator / Sponsor / Lead reviewers lines (none of them a presenter), proportionate-review outcomes listed
    under item 6 as a small table of references (not items), a CONFIDENTIAL banner and a running footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = ttf_family("LiberationSans")
    base = ParagraphStyle("rec", fontName=font, fontSize=9.5, leading=12)
    small = ParagraphStyle("recs", parent=base, fontSize=8.5, leading=10.5, textColor=colors.HexColor("#333333"))
    head = ParagraphStyle("rech", parent=base, fontName=font + "-Bold", fontSize=14, leading=18)
    iso = "2025-09-17"
    applications = [
        (
            "5.1",
            "13:15",
            "25/MT/0142",
            "341207",
            "A randomised controlled trial of early mobilisation after hip fracture surgery in adults over 70 (MOBILISE-70)",
            "Dr Hollis Varga-Stein, Consultant Orthogeriatrician",
            "Tevern Teaching Hospitals Trust",
            "Mrs Pauline Ashdown-Reece, Dr Kwabena Oteng-Marsh",
        ),
        (
            "5.2",
            "13:45",
            "25/MT/0143",
            "339882",
            "Understanding how young carers experience school attendance policies: a qualitative interview study",
            "Dr Saoirse Whelan-Hardy, Senior Lecturer in Social Work",
            "University of Mereholt",
            "Rev Colin Baskerville, Ms Yetunde Alabi-Frost",
        ),
        (
            "5.3",
            "14:15",
            "25/MT/0147",
            "342560",
            "Safety and feasibility of a wearable glucose-responsive insulin patch in adults with type 1 diabetes: a first-in-human study",
            "Professor Anneliese Thornbury, Professor of Diabetes Medicine",
            "Kestrin Biologics Ltd",
            "Dr Kwabena Oteng-Marsh, Mr Desmond Pryce-Jolliffe",
        ),
        (
            "5.4",
            "14:45",
            "25/MT/0151",
            "343019",
            "Tissue bank renewal: Mereholt Inflammatory Bowel Disease Biobank",
            "Dr Ravindra Keshavan, Consultant Gastroenterologist",
            "Tevern Teaching Hospitals Trust",
            "Mrs Pauline Ashdown-Reece",
        ),
    ]
    rows: list[tuple[str, str, str, str, int]] = [
        ("1", "13:00", "", "Welcome, apologies and quorum", 0),
        ("2", "13:03", "", "Declarations of interest", 0),
        ("3", "13:05", "", "Minutes of the meeting held on " + uk_date("2025-08-20"), 0),
        ("4", "13:10", "", "Matters arising", 0),
        ("5", "", "", "New applications for full ethical review", 0),
    ]
    after: list[tuple[str, str, str, str, int]] = [
        ("6", "15:15", "", "Proportionate review sub-committee decisions (for noting)", 1),
        ("7", "15:20", "", "Substantial amendments reviewed since the last meeting (for noting)", 0),
        ("8", "15:25", "", "Committee membership and training", 0),
        ("9", "15:35", "", "Any other business", 0),
        ("10", "", "", "Date of next meeting: " + uk_date("2025-10-15") + ", 13:00, by video conference", 0),
    ]
    pr_table = Table(
        [["REC ref", "Short title", "Outcome"],
         ["25/MT/0139", "Vitamin D in care homes (audit-to-research)", "Favourable opinion"],
         ["25/MT/0140", "Online CBT for tinnitus: feasibility", "Favourable opinion with conditions"],
         ["25/MT/0145", "Sleep diaries in shift workers", "Provisional opinion"]],
        colWidths=[21 * mm, 57 * mm, 37 * mm],
        style=TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("FONT", (0, 0), (-1, 0), font + "-Bold", 8),
                          ("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("TOPPADDING", (0, 0), (-1, -1), 1),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
    )  # fmt: skip
    data: list[list[Any]] = [["Item", "Time", "REC reference", "Business"]]
    for number, time, ref, title, _extra in rows:
        data.append([number, time, ref, Paragraph(f"<b>{title}</b>", base)])
    for number, time, ref, iras, title, ci, sponsor, reviewers in applications:
        data.append([
            number, time, Paragraph(f"{ref}<br/><font size=7.5>IRAS {iras}</font>", base),
            [Paragraph(f"<b>{title}</b>", base),
             Paragraph(f"Chief Investigator: {ci}<br/>Sponsor: {sponsor}<br/>Lead reviewers: {reviewers}", small)],
        ])  # fmt: skip
    for number, time, ref, title, extra in after:
        cell: Any = Paragraph(f"<b>{title}</b>", base)
        if extra:
            cell = [cell, Spacer(1, 2), pr_table]
        data.append([number, time, ref, cell])
    table = Table(data, colWidths=[13 * mm, 14 * mm, 25 * mm, 120 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9.5),
        ("FONT", (0, 0), (-1, 0), font + "-Bold", 9.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font + "-Bold", 8)
        canvas.setFillColor(colors.HexColor("#a00000"))
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, "CONFIDENTIAL \u2013 FOR COMMITTEE MEMBERS ONLY")
        canvas.setFillColor(colors.black)
        canvas.setFont(font, 7.5)
        canvas.drawString(20 * mm, 12 * mm, "MTREC agenda 17.09.25 v1.0")
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Page {doc.page}")
        canvas.restoreState()

    story = [
        Paragraph("Mereholt and Tevern Research Ethics Committee", head),
        Spacer(1, 3 * mm),
        Paragraph(
            f"<b>Agenda</b> for the meeting to be held on {uk_date(iso)}, 13:00 to 16:00, by video conference", base
        ),
        Paragraph(
            "Chair: Dr Imelda Corrigan-Shaw &nbsp;&nbsp; Vice-Chair: Mr Oliver Nwachukwu-Hale &nbsp;&nbsp; REC Manager: Ms Tamsin Ferraby",
            small,
        ),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 5 * mm),
        Paragraph(
            "Researchers are invited to join the meeting for the discussion of their application at the time shown. Times are approximate.",
            small,
        ),
    ]
    stem = "mereholt-research-ethics-2025-09-17-agenda"
    SimpleDocTemplate(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1, leftMargin=19 * mm, rightMargin=19 * mm,
                      topMargin=20 * mm, bottomMargin=20 * mm, title="MTREC agenda",
                      author="REC Manager").build(story, onFirstPage=furniture, onLaterPages=furniture)  # fmt: skip
    items = [Item(n, t, time=time).expected() for n, time, _r, t, _x in rows]
    items += [Item(n, title, time=time, extra={"rec_reference": ref, "chief_investigator": ci.split(",")[0]}).expected()
              for n, time, ref, _i, title, ci, _s, _rv in applications]  # fmt: skip
    items += [Item(n, t, time=time).expected() for n, time, _r, t, _x in after]
    write_expected(
        out,
        stem,
        {
            "name": "Mereholt and Tevern Research Ethics Committee agenda 17 Sep 2025 (ReportLab, Liberation Sans TrueType: "
            "a grid Item | Time | REC reference | Business with the header row repeated, applications 5.1-5.4 as rows with "
            "'25/MT/0142' and 'IRAS 341207' in the reference column and the study title in bold over Chief Investigator / "
            "Sponsor / Lead reviewers lines (not presenters), a small table of proportionate-review outcomes inside item 6 "
            "(its rows are not items), a red CONFIDENTIAL banner and a 'Page N' footer)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab",
            "body": "Mereholt and Tevern Research Ethics Committee",
            "meeting_title": "Meeting of the Research Ethics Committee",
            "date": iso,
            "time_of_meeting": "13:00",
            "venue": "video conference",
            "items": items,
        },
    )


DOCUMENTS.append(mereholt_research_ethics)


# --- A hospice trustees' agenda: times in the left margin, numbers in a second column ---------------------------


def linnetwood_hospice_trustees(out: Out = OUT) -> None:
    """Hospice board of trustees agenda drawn on the canvas (a design-team template): the time in small grey type in
    the left margin, the number in a second column, the title in a third, the lead in italics on the line below,
    purpose and paper flush right; a 'Break' in the margin with no number; sub-items 5.1-5.2 and 9.1-9.3 without
    times; a 'Trustees only' band before the confidential items 11-12; a second page with a repeated masthead."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    font = ttf_family("LiberationSans")
    iso = "2025-04-23"
    teal = colors.HexColor("#1f6f78")
    # (time, number, title, lead as printed, presenter, purpose, paper, part); number "" with a time = a break
    rows: list[tuple[str, str, str, str, str, str, str, int]] = [
        ("14.00", "1", "Welcome, apologies and declarations of interest", "Chair", "Chair", "", "", 1),
        (
            "14.05",
            "2",
            "Minutes of the meeting held on " + uk_date("2025-02-26") + " and action log",
            "Chair",
            "Chair",
            "Approval",
            "Paper A",
            1,
        ),
        (
            "14.10",
            "3",
            "Family story: \u2018Being able to say goodbye at home\u2019",
            "Jennifer Amadi-Walsh, Director of Care",
            "Jennifer Amadi-Walsh",
            "Discussion",
            "Verbal",
            1,
        ),
        (
            "14.30",
            "4",
            "Chief Executive\u2019s report",
            "Dr Oona Kessler, Chief Executive",
            "Dr Oona Kessler",
            "Information",
            "Paper B",
            1,
        ),
        ("14.50", "5", "Clinical governance and quality", "", "", "", "", 1),
        (
            "",
            "5.1",
            "Quality and safety report, quarter 4 2024/25",
            "Jennifer Amadi-Walsh, Director of Care",
            "Jennifer Amadi-Walsh",
            "Assurance",
            "Paper C",
            1,
        ),
        (
            "",
            "5.2",
            "Inspection readiness and the new assessment framework",
            "Dr Tobiah Marchant, Medical Director",
            "Dr Tobiah Marchant",
            "Assurance",
            "Verbal",
            1,
        ),
        (
            "15.20",
            "6",
            "Income generation: retail, lottery and legacies 2024/25",
            "Carys Penhaligon-Ward, Director of Income Generation",
            "Carys Penhaligon-Ward",
            "Discussion",
            "Paper D",
            1,
        ),
        ("15.35", "", "Break", "", "", "", "", 1),
        (
            "15.45",
            "7",
            "Draft annual report and accounts 2024/25, including going concern",
            "Piers Dunmore-Achebe, Treasurer",
            "Piers Dunmore-Achebe",
            "Approval",
            "Paper E",
            1,
        ),
        (
            "16.05",
            "8",
            "Strategy 2025\u20132030: what we heard in the consultation",
            "Dr Oona Kessler, Chief Executive",
            "Dr Oona Kessler",
            "Discussion",
            "Paper F",
            1,
        ),
        ("16.25", "9", "Reports from committees", "", "", "", "", 1),
        (
            "",
            "9.1",
            "Finance and Audit Committee, " + uk_date("2025-03-26", False),
            "Piers Dunmore-Achebe",
            "Piers Dunmore-Achebe",
            "Information",
            "Paper G1",
            1,
        ),
        (
            "",
            "9.2",
            "Clinical Governance Committee, " + uk_date("2025-04-02", False),
            "Dr Bernadette Olawale",
            "Dr Bernadette Olawale",
            "Information",
            "Paper G2",
            1,
        ),
        (
            "",
            "9.3",
            "People Committee, " + uk_date("2025-04-09", False),
            "Hamish Ferrier-Lowe",
            "Hamish Ferrier-Lowe",
            "Information",
            "Paper G3",
            1,
        ),
        ("16.40", "10", "Any other business", "Chair", "Chair", "", "", 1),
        (
            "16.45",
            "11",
            "Chief Executive\u2019s appraisal and objectives 2025/26",
            "Chair",
            "Chair",
            "Approval",
            "Paper H",
            2,
        ),
        (
            "17.00",
            "12",
            "Legacy dispute: update on mediation",
            "Carys Penhaligon-Ward, Director of Income Generation",
            "Carys Penhaligon-Ward",
            "Information",
            "Verbal",
            2,
        ),
    ]
    stem = "linnetwood-hospice-trustees-2025-04-23-agenda"
    canvas = Canvas(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1)
    canvas.setTitle("Board of Trustees agenda April 2025")
    canvas.setAuthor("Governance Office")
    width, height = A4
    time_x, num_x, title_x, right_x = 16 * mm, 33 * mm, 45 * mm, width - 18 * mm
    title_width = 108 * mm

    def masthead(first: bool) -> float:
        canvas.setFillColor(teal)
        canvas.rect(0, height - 30 * mm, width, 30 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(font + "-Bold", 20 if first else 13)
        canvas.drawString(title_x, height - 16 * mm, "Linnetwood Hospice")
        canvas.setFont(font, 11 if first else 9)
        canvas.drawString(
            title_x, height - 23 * mm, "Board of Trustees" + ("" if first else " \u2013 agenda continued")
        )
        canvas.setFillColor(colors.black)
        y = height - 40 * mm
        if first:
            canvas.setFont(font, 10.5)
            for line in (
                f"{uk_date(iso)}, 2.00pm to 5.15pm",
                "Seminar Room, Linnetwood House, 2 Orchard Rise, Linnetwood",
            ):
                canvas.drawString(title_x, y, line)
                y -= 5.5 * mm
            canvas.setFont(font + "-Bold", 12)
            y -= 3 * mm
            canvas.drawString(title_x, y, "Agenda")
            y -= 9 * mm
        return y

    y = masthead(True)
    page = 1
    band_drawn = False
    for time, number, title, lead, _presenter, purpose, paper, part in rows:
        lines = simpleSplit(title, font + ("-Bold" if "." not in number else ""), 10.5, title_width)
        need = 5 * mm * len(lines) + (5 * mm if lead else 0) + 4 * mm
        if part == 2 and not band_drawn:
            need += 12 * mm
        if y - need < 22 * mm:
            canvas.setFont(font, 8)
            canvas.drawRightString(right_x, 12 * mm, f"{page}")
            canvas.showPage()
            page += 1
            y = masthead(False)
        if part == 2 and not band_drawn:
            canvas.setFillColor(colors.HexColor("#e8f1f2"))
            canvas.rect(time_x - 2 * mm, y - 3 * mm, right_x - time_x + 2 * mm, 8 * mm, stroke=0, fill=1)
            canvas.setFillColor(teal)
            canvas.setFont(font + "-Bold", 9.5)
            canvas.drawString(
                num_x,
                y - 0.5 * mm,
                "TRUSTEES ONLY \u2013 CONFIDENTIAL BUSINESS (staff and observers will be asked to leave)",
            )
            canvas.setFillColor(colors.black)
            y -= 12 * mm
            band_drawn = True
        if time:
            canvas.setFillColor(colors.HexColor("#777777"))
            canvas.setFont(font, 8.5)
            canvas.drawString(time_x, y, time)
            canvas.setFillColor(colors.black)
        if not number:
            canvas.setFont(font + "-Italic", 10)
            canvas.setFillColor(colors.HexColor("#777777"))
            canvas.drawString(title_x, y, title)
            canvas.setFillColor(colors.black)
            y -= 8 * mm
            continue
        sub = "." in number
        canvas.setFont(font + ("" if sub else "-Bold"), 10.5)
        canvas.drawString(num_x + (3 * mm if sub else 0), y, number)
        for n, line in enumerate(lines):
            canvas.drawString(title_x + (3 * mm if sub else 0), y - n * 5 * mm, line)
        if purpose:
            canvas.setFont(font, 9)
            canvas.drawRightString(right_x, y, purpose)
        if paper:
            canvas.setFont(font, 8)
            canvas.setFillColor(colors.HexColor("#555555"))
            canvas.drawRightString(right_x, y - 4 * mm, paper)
            canvas.setFillColor(colors.black)
        y -= 5 * mm * len(lines)
        if lead:
            canvas.setFont(font + "-Italic", 9)
            canvas.drawString(title_x + (3 * mm if sub else 0), y, lead)
            y -= 5 * mm
        y -= 3.5 * mm
    canvas.setFont(font, 8.5)
    canvas.drawString(title_x, y - 4 * mm, "Close by 5.15pm. The next meeting is on " + uk_date("2025-06-25") + ".")
    canvas.setFont(font, 8)
    canvas.drawRightString(right_x, 12 * mm, f"{page}")
    canvas.showPage()
    canvas.save()
    write_expected(
        out,
        stem,
        {
            "name": "Linnetwood Hospice board of trustees agenda 23 Apr 2025 (ReportLab canvas, Liberation Sans: a teal "
            "masthead band; the time in small grey type in the LEFT MARGIN, the number in a second column, the title in a "
            "third with the lead in italics on the line below ('Name, Role' or 'Chair'), purpose and paper flush right on "
            "the title's two lines; 'Break' with a time and no number; sub-items 5.1-5.2 and 9.1-9.3 without times; a "
            "'TRUSTEES ONLY – CONFIDENTIAL BUSINESS' band before items 11-12 (Part II); page 2 repeats a smaller masthead)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab (canvas)",
            "body": "Linnetwood Hospice",
            "meeting_title": "Board of Trustees",
            "date": iso,
            "time_of_meeting": "14:00",
            "venue": "Seminar Room, Linnetwood House, 2 Orchard Rise, Linnetwood",
            "items": [
                Item(n, t, time=time, lead=lead, presenter=p, purpose=pu, paper=pa, part=part).expected()
                for time, n, t, lead, p, pu, pa, part in rows
                if n
            ],
        },
    )


DOCUMENTS.append(linnetwood_hospice_trustees)
