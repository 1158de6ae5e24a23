# ruff: noqa: E501
"""Held-out documents of universities, societies, clubs, co-operatives and trusts, from several producers."""

from __future__ import annotations

import io
from html import escape
from typing import Any

from kit import (
    CORPUS_OUT,
    Item,
    Out,
    action,
    chromium_pdf,
    keep_source,
    latex_pdf,
    person,
    soffice_pdf,
    typst_pdf,
    write_expected,
)

OUT = CORPUS_OUT


def _e(text: str) -> str:
    return escape(text, quote=False)


def _tex(text: str) -> str:
    for a, b in (
        ("&", r"\&"),
        ("%", r"\%"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
        ("\u2013", "--"),
        ("\u2019", "'"),
        ("\u00a3", r"\pounds{}"),
    ):
        text = text.replace(a, b)
    return text


# --- A Scottish university court's minutes, typeset with LaTeX -------------------------------------------------


def inverkeld_court_minutes(out: Out = OUT) -> None:
    """University court minutes: Present in a two-column tabular of 'Name (role)', "By invitation:" and
    "Secretary:" lines, minute codes C/25/14-C/25/23 in the left margin with small-capital headings (they extract as 'W ELCOME AND ...'), "Court
    noted/approved" prose, committee reports as (a)-(c), right-aligned bold "Action: Director of Finance"
    lines, and a reserved item minuted separately."""
    present = [
        ("Ms Catriona Lennox-Baird", "Senior Lay Member, in the Chair"),
        ("Professor Eamonn Rathbone", "Principal and Vice-Chancellor"),
        ("Mr Dougal Fairlie", ""),
        ("Dr Sunita Maheshwaran", ""),
        ("Ms Ailsa Carmichael-Ross", ""),
        ("Mr Oluwadamilare Ojo", "President, Students\u2019 Association"),
        ("Professor Grete Halvorsen", "Senate Assessor"),
        ("Mr Innes Macrae", "Staff Assessor"),
    ]
    invited = [("Mr Fergus Tolmie", "Director of Finance"), ("Dr Kirsty Balfour-Nairn", "Vice-Principal (Education)")]
    secretary = ("Mrs Morven Sinclair-Gunn", "University Secretary")
    apologies = ["Dr Hamish Pitcairn-Lowe", "Ms Bethany Rowantree"]
    # (code, heading, paragraphs, actions [(owner, text)], part)
    minutes: list[tuple[str, str, list[str], list[tuple[str, str]], int]] = [
        (
            "C/25/14",
            "Welcome and declarations of interest",
            [
                "The Convener welcomed members to the first meeting of the session. No interests were declared beyond those in the register."
            ],
            [],
            1,
        ),
        ("C/25/15", "Minutes of the meeting held on 16 June 2025", ["Court approved the minutes (paper A)."], [], 1),
        (
            "C/25/16",
            "Matters arising",
            ["Court noted that the revised scheme of delegation had been published."],
            [],
            1,
        ),
        (
            "C/25/17",
            "Principal\u2019s report",
            [
                "The Principal reported on the opening of the session, international recruitment and the sector-wide pay negotiations. Court noted the report (paper B)."
            ],
            [],
            1,
        ),
        (
            "C/25/18",
            "Financial forecasts 2025-26 to 2029-30",
            [
                "The Director of Finance presented the forecasts (paper C). Court discussed the sensitivity of the forecasts to international fee income and approved them for submission to the funding council."
            ],
            [("Director of Finance", "Approved forecasts to be submitted by 30 September 2025.")],
            1,
        ),
        (
            "C/25/19",
            "Student recruitment and admissions 2025",
            [
                "Court noted that undergraduate home entrants were 3% above target and postgraduate taught international entrants 11% below."
            ],
            [("Vice-Principal (Education)", "Final census figures to be reported to the December meeting.")],
            1,
        ),
        ("C/25/20", "Reports from committees", [], [], 1),
        (
            "a",
            "Audit and Risk Committee",
            [
                "Court noted the report of the meeting of 2 September 2025 and approved the internal audit plan for 2025-26."
            ],
            [],
            1,
        ),
        ("b", "Remuneration Committee", ["Court noted the report of the meeting of 28 August 2025."], [], 1),
        (
            "c",
            "Estates Committee",
            ["Court approved the recommendation to proceed to tender for the refurbishment of the Dalmore Library."],
            [("University Secretary", "Site visit to the library to be arranged.")],
            1,
        ),
        (
            "C/25/21",
            "Court effectiveness review",
            ["Court agreed the scope of the externally facilitated review and that it would report in June 2026."],
            [],
            1,
        ),
        ("C/25/22", "Any other business", ["There was no other business."], [], 1),
        (
            "C/25/23",
            "Reserved business: honorary degrees 2026",
            ["This item is recorded in a separate reserved minute."],
            [],
            2,
        ),
    ]

    def who(people: list[tuple[str, str]]) -> list[str]:
        return [f"{_tex(n)}{f' ({_tex(r)})' if r else ''}" for n, r in people]

    names = who(present)
    half = (len(names) + 1) // 2
    grid = " \\\\\n".join(f"{a} & {b}" for a, b in zip(names[:half], [*names[half:], ""], strict=False))
    lines = [
        r"\documentclass[11pt,a4paper]{article}",
        r"\usepackage[margin=2.2cm,left=2.5cm]{geometry}",
        r"\usepackage{mathptmx}",
        r"\usepackage{tabularx}",
        r"\usepackage{fancyhdr}\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}",
        r"\rhead{\small COURT 22.09.25 -- MINUTES (UNRESERVED)}\cfoot{\small \thepage}",
        r"\setlength{\parindent}{0pt}\setlength{\parskip}{4pt}",
        r"\newenvironment{minute}[2]{\par\medskip\noindent\makebox[2.4cm][l]{\textbf{#1}}\textsc{\textbf{#2}}\par\begin{list}{}{\setlength{\leftmargin}{2.4cm}\setlength{\topsep}{0pt}}\item[]}{\end{list}}",
        r"\newcommand{\action}[2]{\par\hfill\textbf{Action: #1}\\\textit{#2}}",
        r"\begin{document}",
        r"\begin{center}{\large\textbf{UNIVERSITY OF INVERKELD}}\\[3pt]{\large\textbf{UNIVERSITY COURT}}\\[6pt]"
        r"Minutes of the meeting held on Monday 22 September 2025 at 2.00 pm in the Court Room, Old College\end{center}",
        r"\medskip\textbf{Present:}\\[2pt]",
        r"\begin{tabularx}{\textwidth}{@{}XX@{}}",
        grid,
        r"\end{tabularx}",
        r"\par\textbf{By invitation:} " + "; ".join(who(invited)),
        r"\par\textbf{Secretary:} " + who([secretary])[0],
        r"\par\textbf{Apologies:} " + ", ".join(apologies),
        r"\par\medskip\hrule",
    ]
    for code, heading, paragraphs, actions, _part in minutes:
        sub = len(code) == 1
        if sub:
            lines.append(rf"\par\smallskip\hspace*{{2.4cm}}({code})\ \textit{{{_tex(heading)}}}\par")
            lines += [rf"\hspace*{{2.4cm}}\parbox{{\dimexpr\textwidth-2.4cm}}{{{_tex(p)}}}\par" for p in paragraphs]
            for owner, text in actions:
                lines.append(
                    rf"\hspace*{{2.4cm}}\textit{{{_tex(text)}}}\hfill\mbox{{\textbf{{Action: {_tex(owner)}}}}}\par"
                )
            continue
        lines.append(rf"\begin{{minute}}{{{code}}}{{{_tex(heading)}}}")
        lines += [_tex(p) + r"\par" for p in paragraphs]
        for owner, text in actions:
            lines.append(rf"\textit{{{_tex(text)}}}\hfill\mbox{{\textbf{{Action: {_tex(owner)}}}}}\par")
        lines.append(r"\end{minute}")
    lines += [
        r"\bigskip\textbf{Date of next meeting:} Monday 8 December 2025 at 2.00 pm.",
        r"\vfill Morven Sinclair-Gunn\\University Secretary\\26 September 2025",
        r"\end{document}",
    ]
    stem = "inverkeld-university-court-2025-09-22-minutes"
    source = keep_source(out, f"{stem}.tex", "\n".join(lines) + "\n")
    latex_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", r, **({"chair": "yes"} if "Chair" in r else {})) for n, r in present]
    people += [person(n, "in_attendance", r) for n, r in (*invited, secretary)]
    people += [person(n, "apologies") for n in apologies]
    expected_actions = []
    for code, _h, _p, actions, _part in minutes:
        for owner, text in actions:
            expected_actions.append(
                action(
                    "C/25/20" if len(code) == 1 else code,
                    owner,
                    text,
                    **({"sub_minute": code} if len(code) == 1 else {}),
                )
            )
    write_expected(
        out,
        stem,
        {
            "name": "University of Inverkeld University Court minutes 22 Sep 2025 (pdfLaTeX, Times: 'Present:' as a "
            "two-column table of 'Name (role)', 'By invitation:', 'Secretary:' and 'Apologies:' lines, minute codes "
            "C/25/14-C/25/23 in the left margin with small-capital headings (they extract as 'W ELCOME AND ...'), (a)-(c) committee reports under "
            "C/25/20, actions as an italic sentence with a bold 'Action: Director of Finance' flush right on the same line, "
            "a reserved item last, "
            "'Date of next meeting' unnumbered)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "pdfTeX (LaTeX article class)",
            "body": "University of Inverkeld",
            "meeting_title": "University Court",
            "date": "2025-09-22",
            "time_of_meeting": "14:00",
            "venue": "the Court Room, Old College",
            "items": [Item(c, h, part=part).expected() for c, h, _p, _a, part in minutes],
            "people": people,
            "actions": expected_actions,
        },
    )


DOCUMENTS = [inverkeld_court_minutes]


# --- A students' union council agenda (LaTeX, KOMA-Script): motions with their own numbered lists ------------------


def marlstow_union_council(out: Out = OUT) -> None:
    """Students' union council agenda: LaTeX enumerate numbering (1. and (a)), a Motions item whose motions are
    labelled M25/07-M25/09 with Proposer/Seconder lines and "Council notes / believes / resolves" numbered lists
    inside them (not items)."""
    motions = [
        (
            "M25/07",
            "Free period products in all Union buildings",
            "Aoife Brannigan (Welfare Officer)",
            "Tunde Bakare-Ellis",
            [
                "Period poverty affects one in five students.",
                "Free products are currently available only in the Advice Centre.",
            ],
            ["No student should miss teaching because they cannot afford period products."],
            [
                "To provide free period products in every toilet in Union buildings from January 2026.",
                "To fund the scheme from the welfare budget for the rest of the year.",
                "To ask the University to match this in teaching buildings.",
            ],
        ),
        (
            "M25/08",
            "Protecting 24-hour library opening during the exam period",
            "Callum Nyberg (Postgraduate Representative)",
            "Sian Pugh-Matthews",
            ["The University has proposed closing the main library overnight from 2026."],
            ["Overnight opening matters most to students with caring responsibilities and jobs."],
            [
                "To mandate the Education Officer to oppose the change at Library Committee.",
                "To survey students on overnight use before the end of term.",
            ],
        ),
        (
            "M25/09",
            "Constitutional amendment: creating a Part-time Students\u2019 Officer (two-thirds majority required)",
            "Democracy Committee",
            "",
            ["Part-time students are 14% of the membership but have no elected officer."],
            [],
            [
                "To amend Schedule 2 of the Constitution as set out in the appendix.",
                "To hold the first election in the spring elections.",
            ],
        ),
    ]

    def enum(label: str, points: list[str]) -> str:
        if not points:
            return ""
        return (
            rf"\textbf{{{label}}}"
            + r"\begin{enumerate}\setlength{\itemsep}{0pt}"
            + "".join(rf"\item {_tex(p)}" for p in points)
            + r"\end{enumerate}"
        )

    motion_tex = ""
    for code, title, proposer, seconder, notes, believes, resolves in motions:
        motion_tex += (
            rf"\par\medskip\noindent\makebox[1.8cm][l]{{\textbf{{{code}}}}}\textbf{{{_tex(title)}}}\par"
            rf"\noindent\hspace*{{1.8cm}}\textit{{Proposer: {_tex(proposer)}}}"
            + (rf"\quad\textit{{Seconder: {_tex(seconder)}}}" if seconder else "")
            + r"\par"
            r"\begin{addmargin}[1.8cm]{0cm}\small\renewcommand{\labelenumii}{\arabic{enumii}.}"
            + enum("Council notes:", notes)
            + enum("Council believes:", believes)
            + enum("Council resolves:", resolves)
            + r"\end{addmargin}"
        )
    doc = r"""\documentclass[11pt,a4paper,parskip=half]{scrartcl}
\usepackage[margin=2.3cm]{geometry}
\usepackage{scrlayer-scrpage}\pagestyle{scrheadings}\clearpairofpagestyles\cfoot{\pagemark}\ihead{Union Council -- 6 November 2025}
\begin{document}
{\sffamily\bfseries\Large Marlstow Students' Union\par}
{\sffamily\large Union Council -- Agenda\par}
\smallskip
Thursday 6 November 2025, 18.00, Council Chamber, Union Building
\par Chair of Council: Priyanka Odedra-Walsh \quad Secretary: Democracy Coordinator
\section*{Agenda}
\begin{enumerate}
\item Apologies and quoracy
\item Minutes of the meeting held on 9 October 2025
\item Officer reports
  \begin{enumerate}
  \item President
  \item Education Officer
  \item Welfare Officer
  \end{enumerate}
\item Questions to officers
\item Motions
MOTIONS
\item By-election: Chair of Council
\item Any other business
\end{enumerate}
\noindent Council is quorate when 25 voting members are present. Motions M25/07 and M25/08 need a simple majority; M25/09 changes the Constitution and needs two-thirds of those voting.
\end{document}
"""
    doc = doc.replace("MOTIONS", r"\par\begin{minipage}{\linewidth}\vspace{2pt}\end{minipage}" + motion_tex)
    stem = "marlstow-students-union-council-2025-11-06-agenda"
    source = keep_source(out, f"{stem}.tex", doc)
    latex_pdf(source, out.pdf / f"{stem}.pdf")
    items = [Item("1", "Apologies and quoracy"), Item("2", "Minutes of the meeting held on 9 October 2025"), Item("3", "Officer reports"),
             Item("a", "President"), Item("b", "Education Officer"), Item("c", "Welfare Officer"), Item("4", "Questions to officers"), Item("5", "Motions")]  # fmt: skip
    items += [Item(code, title, lead=f"Proposer: {proposer}", presenter="") for code, title, proposer, *_ in motions]
    items += [Item("6", "By-election: Chair of Council"), Item("7", "Any other business")]
    write_expected(
        out,
        stem,
        {
            "name": "Marlstow Students' Union, Union Council agenda 6 Nov 2025 (pdfLaTeX, KOMA-Script scrartcl: "
            "enumerate numbers 1.-7. and a)-c), item 5 holds motions M25/07-M25/09 with italic 'Proposer: / "
            "Seconder:' lines (a long title wrapping back under its label) and 'Council notes / believes / resolves' numbered lists 1.-3. in smaller type "
            "inside each motion, which are not items; presenters are not printed as such)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "pdfTeX (LaTeX, KOMA-Script)",
            "body": "Marlstow Students' Union",
            "meeting_title": "Union Council",
            "date": "2025-11-06",
            "time_of_meeting": "18:00",
            "venue": "Council Chamber, Union Building",
            "items": [i.expected() for i in items],
        },
    )


DOCUMENTS.append(marlstow_union_council)


# --- A parish's annual parish meeting notice set in two columns (Chromium) ---------------------------------------


def sallowfield_annual_parish_meeting(out: Out = OUT) -> None:
    """Annual parish meeting notice: a masthead across the page, then two CSS columns into which the agenda
    flows (items 1-10 with a)-e) under item 6) followed by an explanatory box, so the agenda continues at the
    top of the right column."""
    items: list[tuple[str, str]] = [
        ("1", "Welcome by the Chairman of the Parish Council"),
        ("2", "Apologies for absence"),
        ("3", "Minutes of the Annual Parish Meeting held on 16 May 2024"),
        ("4", "Matters arising from the minutes"),
        ("5", "Chairman\u2019s annual report on the work of the Parish Council"),
        ("6", "Reports from local organisations"),
        ("a", "Sallowfield Village Hall Management Committee"),
        ("b", "Friends of the Churchyard"),
        ("c", "Sallowfield Pre-school"),
        ("d", "Neighbourhood Watch"),
        ("e", "The Sallowfield Society (local history group)"),
        ("7", "Reports from the County Councillor and the District Councillors"),
        ("8", "Presentation: the Sallowfield Neighbourhood Plan \u2013 where next?"),
        ("9", "Questions and comments from parishioners"),
        ("10", "Close, followed by refreshments"),
    ]
    lis = ""
    for number, title in items:
        sub = number.isalpha()
        lis += (
            f'<p class="{"sub" if sub else "item"}"><span class="n">{number}{")" if sub else "."}</span>{_e(title)}</p>'
        )
    css = """
@page { size: A4; margin: 16mm 16mm 18mm 16mm }
body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 11pt; color: #1b1b1b }
.mast { text-align: center; border-bottom: 2pt solid #2f5d3a; padding-bottom: 6pt; margin-bottom: 10pt }
.mast .parish { font-size: 12pt; letter-spacing: 2pt; text-transform: uppercase; color: #2f5d3a }
.mast .title { font-size: 26pt; font-weight: bold; margin: 4pt 0 }
.mast .when { font-size: 13pt }
.cols { column-count: 2; column-gap: 12mm; column-rule: 0.5pt solid #9bb39f }
.item { margin: 0 0 7pt 0; padding-left: 9mm; text-indent: -9mm; font-weight: bold }
.sub { margin: 0 0 4pt 0; padding-left: 16mm; text-indent: -7mm }
.n { display: inline-block; width: 9mm; text-indent: 0 } .sub .n { width: 7mm }
.box { border: 1pt solid #2f5d3a; padding: 6pt 8pt; margin-top: 10pt; font-size: 10pt; break-inside: avoid }
h2 { font-size: 14pt; margin: 0 0 8pt 0; color: #2f5d3a }
p { margin: 0 0 6pt 0 }
.foot { margin-top: 14pt; font-size: 9.5pt; text-align: center; column-span: all }
"""
    html = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Annual Parish Meeting 2025</title><style>{css}</style></head><body>'
        '<div class="mast"><div class="parish">Great Sallowfield Parish Council</div><div class="title">Annual Parish Meeting</div>'
        '<div class="when">Thursday 15 May 2025 at 7.00pm<br>Sallowfield Village Hall, Church Lane</div></div>'
        '<div class="cols">'
        "<p>All residents of the parish are invited to the Annual Parish Meeting. This is <i>your</i> meeting, not a "
        "meeting of the Parish Council: every local government elector may speak and vote.</p>"
        "<h2>Agenda</h2>"
        + lis
        + '<div class="box"><b>What is the Annual Parish Meeting?</b><br>Every parish in England must hold '
        "one between 1 March and 1 June. It is chaired by the Chairman of the Parish Council and is a chance to hear what "
        "local groups have done in the year and to raise any matter affecting the parish. Councillors will stay afterwards "
        "to answer questions over tea and cake.</div>"
        '<div class="box"><b>Getting there</b><br>The hall has a small car park; please use the recreation ground car park if '
        "it is full. There is step-free access by the side door and a hearing loop in the main hall.</div>"
        "</div>"
        '<p class="foot">Issued by Hester Blakemore-Lyle, Clerk to the Parish Council, 1 May 2025 &nbsp;|&nbsp; Chairman: Cllr Oswald Prynne</p>'
        "</body></html>"
    )
    stem = "great-sallowfield-annual-parish-meeting-2025-05-15-notice"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Great Sallowfield Parish Council Annual Parish Meeting notice 15 May 2025 (headless Chromium: a "
            "masthead across the page whose body name is letter-spaced capitals (extracts as 'G R E A T ...'), then two CSS columns with a column rule; the agenda 1.-10. with a)-e) under "
            "item 6 flows from the left column into the right, followed by two explanatory boxes; the meeting is "
            "the parish's, chaired by the council's Chairman)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "Chromium headless print (Skia/PDF)",
            "body": "Great Sallowfield Parish Council",
            "meeting_title": "Annual Parish Meeting",
            "date": "2025-05-15",
            "time_of_meeting": "19:00",
            "venue": "Sallowfield Village Hall, Church Lane",
            "items": [Item(n, t).expected() for n, t in items],
        },
    )


DOCUMENTS.append(sallowfield_annual_parish_meeting)


# --- A model railway society's agenda as a plain-text e-mail with headers and a quoted reply ----------------------


def hetherby_railway_email(out: Out = OUT) -> None:
    """Plain-text e-mail: RFC 822 headers whose Date is not the meeting's, a greeting, the agenda with times
    ("7.30pm") on some lines only in a left gutter, a) b) c) under item 5, "(Graham)" leads, a signature, then a
    quoted earlier message with its own numbered list."""
    rows: list[tuple[str, str, str, str]] = [
        ("7.30pm", "1", "Apologies", ""),
        ("", "2", "Minutes of the 8 October meeting", ""),
        ("", "3", "Matters arising", ""),
        ("7.45pm", "4", "Treasurer's report", "Graham"),
        ("8.00pm", "5", "Exhibition 2026", "Pauline"),
        ("", "a", "Venue booking - Hetherby Leisure Centre, 14-15 March", ""),
        ("", "b", "Layouts invited so far", ""),
        ("", "c", "Trade stands and catering", ""),
        ("8.30pm", "6", "Wyndham Parva layout - rebuild of the fiddle yard", "Alan"),
        ("8.45pm", "7", "Library and archive", "Shirin"),
        ("9.00pm", "8", "AOB", ""),
        ("", "9", "Date of next meeting", ""),
    ]
    lines = [
        "From: Hetherby Model Railway Society <secretary@hetherby-mrs.example>",
        "To: committee@hetherby-mrs.example",
        "Date: Sun, 2 Nov 2025 21:14:07 +0000",
        "Subject: Agenda - committee meeting Weds 12th",
        "Message-ID: <20251102211407.4417@hetherby-mrs.example>",
        "",
        "Dear all,",
        "",
        "Agenda for next week below. Alan has asked for the fiddle yard to go on (see his",
        "message at the bottom). Papers for item 5 to follow from Pauline.",
        "",
        "HETHERBY MODEL RAILWAY SOCIETY",
        "Committee meeting",
        "Wednesday 12 November 2025, 7.30pm",
        "Clubroom, Unit 7, Canal Wharf, Hetherby",
        "",
        "AGENDA",
        "",
    ]
    for time, number, title, lead in rows:
        who = f" ({lead})" if lead else ""
        if number.isalpha():
            lines.append(f"{'':8}    {number}) {title}")
        else:
            lines.append(f"{time:8}{number + '.':4}{title}{who}")
    lines += [
        "",
        "Cheers,",
        "Keith",
        "",
        "--",
        "Keith Ambridge-Lowe, Hon. Secretary",
        "Hetherby Model Railway Society - open evenings every Tuesday from 7pm",
        "",
        "> On 9 Oct 2025, at 22:01, Alan Weatherill wrote:",
        ">",
        "> Keith - can we put the fiddle yard on the next agenda? Three things:",
        "> 1. new baseboards (the old ones have warped)",
        "> 2. rewiring to DCC throughout",
        "> 3. whether we take it to the exhibition in March",
        ">",
        "> Alan",
        "",
    ]
    stem = "hetherby-railway-committee-2025-11-12-agenda"
    out.text.mkdir(parents=True, exist_ok=True)
    (out.text / f"{stem}.txt").write_text("\n".join(lines), encoding="utf-8")
    write_expected(
        out,
        stem,
        {
            "name": "Hetherby Model Railway Society committee agenda 12 Nov 2025, a plain-text e-mail (headers with "
            "Date: 2 Nov 2025, which is not the meeting date; times '7.30pm' in an 8-column gutter on some lines "
            "only; '(Graham)' first-name leads; a)-c) under item 5; a signature; then a quoted message with its own "
            "numbered list 1.-3., which is not the agenda)",
            "file": f"{stem}.txt",
            "kind": "agenda",
            "producer": "plain-text e-mail",
            "body": "Hetherby Model Railway Society",
            "meeting_title": "Committee meeting",
            "date": "2025-11-12",
            "time_of_meeting": "19:30",
            "venue": "Clubroom, Unit 7, Canal Wharf, Hetherby",
            "items": [Item(n, t, time=time, lead=lead).expected() for time, n, t, lead in rows],
        },
    )


DOCUMENTS.append(hetherby_railway_email)


# --- A residents' association AGM minutes typeset with Typst: elections and right-aligned actions -----------------


def ketterbrook_residents_agm_minutes(out: Out = OUT) -> None:
    """Residents' association AGM minutes: Typst numbered headings "1." with 8.1/8.2 sub-headings, "Committee
    present" / "In attendance" / "Apologies" lines plus an unnamed count of residents, elections with proposers and
    seconders who are not attendees listed, actions as bold "Action \u2013 JT" pushed to the right margin at the
    end of a paragraph."""
    committee = [("Anne Wetherell", "Chair", "AW"), ("Joseph Tranter", "Secretary", "JT"), ("Priti Vaghela", "Treasurer", "PV"),
                 ("Moses Adeyinka", "", "MA"), ("Gwen Illsley", "", "GI")]  # fmt: skip
    attending = [("Cllr Rosa Quintero", "ward councillor"), ("PCSO Dominic Farrant", "")]
    apologies = [("Bill Hatherleigh", ""), ("Carmen Estrada-Pole", "")]
    minutes: list[tuple[str, str, str, tuple[str, str] | None]] = [
        ("1", "Welcome and apologies", "The Chair welcomed 23 residents and the guests. Apologies as above.", None),
        (
            "2",
            "Minutes of the 2024 AGM",
            "Agreed as a correct record (proposed Gwen Illsley, seconded Moses Adeyinka).",
            None,
        ),
        (
            "3",
            "Chair\u2019s report",
            "The Chair thanked the litter-pick volunteers and reported on the successful campaign for a crossing on Mill Road.",
            None,
        ),
        (
            "4",
            "Treasurer\u2019s report and accounts",
            "The accounts for 2024/25 show a surplus of \u00a3312. Adopted (proposed Ian Royle, seconded Margaret Osei).",
            ("PV", "Send the adopted accounts to the council\u2019s community grants team."),
        ),
        (
            "5",
            "Election of officers and committee",
            "Chair: Anne Wetherell, proposed Ian Royle, seconded Margaret Osei. Secretary: Joseph Tranter, proposed Priti Vaghela, seconded Gwen Illsley. Treasurer: Priti Vaghela, proposed Joseph Tranter, seconded Moses Adeyinka. All elected unopposed; Moses Adeyinka and Gwen Illsley re-elected to the committee and Lena Pickavance elected.",
            None,
        ),
        ("6", "Subscription for 2025/26", "Agreed to stay at \u00a35 per household.", None),
        (
            "7",
            "Ward councillor and police updates",
            "Cllr Quintero reported on the resurfacing programme; PCSO Farrant on cycle thefts at the station.",
            ("JT", "Invite the highways officer to the June committee meeting."),
        ),
        ("8", "Residents\u2019 questions", "", None),
        (
            "8.1",
            "Parking on Brookside Avenue",
            "Several residents raised pavement parking near the school at pick-up time.",
            ("AW", "Write to the school and the council\u2019s parking team."),
        ),
        (
            "8.2",
            "Street lighting on the footpath to the station",
            "Two lights have been out since February.",
            ("GI", "Report the lights again and chase in four weeks."),
        ),
        ("9", "Close", "The meeting closed at 9.10pm.", None),
    ]

    def typ(text: str) -> str:
        return text.replace("#", "\\#").replace("*", "\\*").replace("_", "\\_").replace("@", "\\@").replace("$", "\\$")

    def names(people: list[tuple[str, str]]) -> str:
        return ", ".join(f"{n}{f' ({r})' if r else ''}" for n, r in people)

    lines = [
        '#set page(paper: "a4", margin: (x: 2.3cm, y: 2.2cm))',
        '#set text(font: "DejaVu Sans", size: 10pt)',
        "#set par(justify: false)",
        '#set heading(numbering: (..n) => { let v = n.pos(); if v.len() == 1 { str(v.at(0)) + "." } else { v.map(str).join(".") } })',
        "#show heading: set text(size: 10.5pt)",
        "#show heading: set block(above: 1.1em, below: 0.6em)",
        '#align(center)[#text(size: 14pt, weight: "bold")[Ketterbrook Residents\u2019 Association] \\',
        "Minutes of the Annual General Meeting held on Tuesday 29 April 2025 at 7.30pm \\ at Ketterbrook Community Centre, Mill Road]",
        "#v(6pt)",
        f"*Committee present:* {typ(names([(n, r) for n, r, _ in committee]))}; and 23 residents (attendance sheet held by the Secretary).",
        "",
        f"*In attendance:* {typ(names(attending))}",
        "",
        f"*Apologies:* {typ(names(apologies))}",
        "#line(length: 100%, stroke: 0.4pt)",
    ]
    for number, heading, text, act in minutes:
        level = number.count(".") + 1
        lines.append(f"{'=' * level} {typ(heading)}")
        if text:
            lines.append(typ(text))
        if act:
            owner, what = act
            lines.append("")
            lines.append(f"{typ(what)} #h(1fr) *Action \u2013 {owner}*")
        lines.append("")
    lines += ["#v(18pt)", "Signed (Chair) #box(width: 5cm, repeat[.]) #h(1em) Date #box(width: 3cm, repeat[.])"]
    stem = "ketterbrook-residents-agm-2025-04-29-minutes"
    source = keep_source(out, f"{stem}.typ", "\n".join(lines) + "\n")
    typst_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", r, i, **({"chair": "yes"} if r == "Chair" else {})) for n, r, i in committee]
    people += [person(n, "in_attendance", r) for n, r in attending]
    people += [person(n, "apologies") for n, _ in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Ketterbrook Residents' Association AGM minutes 29 Apr 2025 (Typst, DejaVu Sans: 'Committee present:' "
            "prose ending with an unnamed count of residents, 'In attendance:' and 'Apologies:' lines, numbered "
            "headings 1.-9. with 8.1/8.2, elections naming proposers and seconders who are not in the attendance, "
            "actions as a sentence with a bold 'Action \u2013 JT' pushed to the right margin on the same line; Typst "
            "puts the headings in the bookmarks)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "Typst",
            "body": "Ketterbrook Residents\u2019 Association",
            "meeting_title": "Annual General Meeting",
            "date": "2025-04-29",
            "time_of_meeting": "19:30",
            "venue": "Ketterbrook Community Centre, Mill Road",
            "items": [Item(n, h).expected() for n, h, _, _ in minutes],
            "people": people,
            "actions": [action(n, a[0], a[1]) for n, _, _, a in minutes if a],
        },
    )


DOCUMENTS.append(ketterbrook_residents_agm_minutes)


# --- An academy trust's audit and risk committee agenda: "1.0 / 4.1" numbering and initials with a key -------------


def rookhaven_audit_committee(out: Out = OUT) -> None:
    """Multi-academy trust audit and risk committee agenda (ReportLab): numbers "1.0", "4.1", section rows in
    capitals, leads as initials with a key at the foot ("JW \u2013 Jocelyn Whitcombe, Chief Financial Officer"),
    paper references ARC.25.14, a confidential item last; the meeting is online."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    base = ParagraphStyle("kb", fontName="Helvetica", fontSize=10, leading=12.5)
    small = ParagraphStyle("ks", parent=base, fontSize=8.5, leading=10.5)
    title = ParagraphStyle(
        "kt", parent=base, fontName="Helvetica-Bold", fontSize=15, leading=19, textColor=colors.HexColor("#7a1f2b")
    )
    # (number or section, title, lead initials, paper, purpose, part)
    rows: list[tuple[str, str, str, str, str, int]] = [
        ("STANDING ITEMS", "", "", "", "", 1),
        ("1.0", "Welcome, apologies and declarations of interest", "IH", "", "", 1),
        ("2.0", "Minutes of the meeting held on 11 June 2025", "IH", "ARC.25.14", "Approve", 1),
        ("3.0", "Matters arising and action tracker", "RB", "ARC.25.15", "Note", 1),
        ("ITEMS FOR DECISION", "", "", "", "", 1),
        (
            "4.0",
            "Annual report and financial statements for the year ended 31 August 2025",
            "JW",
            "ARC.25.16",
            "Recommend",
            1,
        ),
        ("4.1", "External auditor\u2019s audit findings report and management letter", "EA", "ARC.25.17", "Discuss", 1),
        ("4.2", "Letter of representation", "JW", "ARC.25.18", "Approve", 1),
        (
            "5.0",
            "Internal scrutiny programme 2025/26 and the reviewer\u2019s report on payroll controls",
            "JW",
            "ARC.25.19",
            "Approve",
            1,
        ),
        ("6.0", "Risk management", "", "", "", 1),
        ("6.1", "Trust risk register", "DP", "ARC.25.20", "Discuss", 1),
        ("6.2", "Cyber security: results of the external penetration test", "HC", "ARC.25.21", "Note", 1),
        ("ITEMS FOR INFORMATION", "", "", "", "", 1),
        ("7.0", "Whistleblowing, fraud and gifts registers", "RB", "Verbal", "Note", 1),
        ("8.0", "Any other business", "IH", "", "", 1),
        ("CONFIDENTIAL ITEM", "", "", "", "", 2),
        ("9.0", "Investigation into a procurement irregularity at one academy", "JW", "ARC.25.22 (C)", "Note", 2),
    ]
    key = [("IH", "Imran Hafeez, Chair of the Committee"), ("JW", "Jocelyn Whitcombe, Chief Financial Officer"), ("DP", "Dr Delia Paxford, Chief Executive Officer"),
           ("RB", "Rhona Birtwhistle, Governance Professional"), ("EA", "External Auditor"), ("HC", "Hugh Castellan, Head of IT and Data")]  # fmt: skip
    data: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", small) for h in ("No.", "Item", "Lead", "Paper", "Purpose")]]
    style = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1e4e6")),
    ]
    for number, text, lead, paper, purpose, _part in rows:
        if not text:
            data.append([Paragraph(f"<b>{number}</b>", small), "", "", "", ""])
            style += [
                ("SPAN", (0, len(data) - 1), (-1, len(data) - 1)),
                ("TEXTCOLOR", (0, len(data) - 1), (-1, len(data) - 1), colors.HexColor("#7a1f2b")),
            ]
            continue
        sub = not number.endswith(".0")
        data.append(
            [
                Paragraph(number, base),
                Paragraph(_e(text) if sub else f"<b>{_e(text)}</b>", base),
                Paragraph(lead, base),
                Paragraph(paper, small),
                Paragraph(purpose, small),
            ]
        )
    table = Table(data, colWidths=[14 * mm, 96 * mm, 14 * mm, 25 * mm, 25 * mm])
    table.setStyle(TableStyle(style))
    story: list[Any] = [
        Paragraph("Rookhaven Academies Trust", title),
        Paragraph("<b>Audit and Risk Committee</b>", base),
        Paragraph("Tuesday 2 December 2025 at 4.30pm \u2013 Online (Microsoft Teams)", base),
        Spacer(1, 6 * mm),
        table,
        Spacer(1, 6 * mm),
        Paragraph("<b>Key to leads</b>", small),
        *[Paragraph(f"{k} \u2013 {v}", small) for k, v in key],
        Spacer(1, 4 * mm),
        Paragraph(
            "Papers marked (C) are confidential to committee members and are not published with the minutes. "
            "The committee is quorate with two trustees present, at least one of whom is not an employee of the trust.",
            small,
        ),
    ]
    stem = "rookhaven-academies-audit-risk-2025-12-02-agenda"
    SimpleDocTemplate(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1, leftMargin=18 * mm, rightMargin=18 * mm,
                      title="ARC agenda 2 December 2025", author="Governance").build(story)  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Rookhaven Academies Trust Audit and Risk Committee agenda 2 Dec 2025 (ReportLab: No. | Item | Lead | "
            "Paper | Purpose with numbers '1.0'-'9.0' and '4.1', section rows in capitals spanning the table, leads "
            "as initials explained by a key at the foot, paper refs ARC.25.14, a CONFIDENTIAL ITEM last, an online "
            "meeting)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab",
            "body": "Rookhaven Academies Trust",
            "meeting_title": "Audit and Risk Committee",
            "date": "2025-12-02",
            "time_of_meeting": "16:30",
            "venue": "Online (Microsoft Teams)",
            "lead_key": dict(key),
            "items": [
                Item(n, t, lead=lead, paper=paper, purpose=purpose, part=part).expected()
                for n, t, lead, paper, purpose, part in rows
                if t
            ],
        },
    )


DOCUMENTS.append(rookhaven_audit_committee)


# --- A community benefit society's AGM minutes in Word: resolutions, proxies and a poll table ---------------------


def hollowmere_energy_agm_minutes(out: Out = OUT) -> None:
    """Community energy society AGM minutes: attendance as counts of members plus named directors, auditor and
    apologies; minutes 1.-8. whose resolutions are headed "Resolution 1 (ordinary)" inside them; a For /
    Against / Abstain / Proxy table of votes; "IT WAS RESOLVED as a special resolution"; actions in a final
    table Action | Owner | Date with owners' names."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    directors = [("Elinor Castleford", "Chair"), ("Rajiv Menon-Clarke", "Treasurer"), ("Bryony Tasker", "Secretary"),
                 ("Frank Oduya-Lamb", "Director"), ("Ottoline Reeve", "Director")]  # fmt: skip
    attending = [("Marcus Fairhurst", "Fairhurst & Penn, independent examiners")]
    apologies = [("Hilda Gaskarth", "Director"), ("Sven Albrecht", "member")]
    minutes: list[tuple[str, list[str]]] = [
        (
            "Welcome and quorum",
            [
                "The Chair opened the meeting at 10.35am. 41 members were present in person and 12 had appointed proxies; the quorum of 20 members was met."
            ],
        ),
        (
            "Minutes of the 2024 Annual General Meeting",
            ["The minutes of the AGM held on 8 June 2024 were approved by a show of hands."],
        ),
        (
            "Annual report and accounts 2024",
            [
                "The Treasurer presented the accounts. Generation from the two rooftop arrays was 9% below forecast because of the inverter fault in March. Interest of 3% on members\u2019 shares will be paid in July.",
                "Resolution 1 (ordinary): To receive the annual report and accounts for the year ended 31 December 2024.",
                "VOTES:1",
                "IT WAS RESOLVED as an ordinary resolution that the annual report and accounts be received.",
            ],
        ),
        (
            "Appointment of independent examiners",
            [
                "Resolution 2 (ordinary): To appoint Fairhurst & Penn as independent examiners for 2025.",
                "IT WAS RESOLVED as an ordinary resolution that Fairhurst & Penn be appointed.",
            ],
        ),
        (
            "Election of directors",
            [
                "Two directors retired by rotation and offered themselves for re-election. There were no other nominations.",
                "Resolution 3 (ordinary): To re-elect Rajiv Menon-Clarke and Ottoline Reeve as directors.",
                "IT WAS RESOLVED as an ordinary resolution that both be re-elected.",
            ],
        ),
        (
            "Amendment of Rule 23 (interest on shares)",
            [
                "The Secretary explained that the change allows the board to pay interest below the target rate in a poor year without a general meeting.",
                "Resolution 4 (special): To amend Rule 23 as set out in the notice of meeting.",
                "VOTES:4",
                "IT WAS RESOLVED as a special resolution that Rule 23 be amended, more than two-thirds of the votes cast being in favour.",
            ],
        ),
        (
            "Members\u2019 questions",
            [
                "Members asked about the proposed third array at Hollowmere Primary School. The board expects to bring a share offer to members in the autumn."
            ],
        ),
        ("Close", ["The meeting closed at 12.05pm."]),
    ]
    votes = {"1": ("47", "0", "2", "12"), "4": ("44", "6", "3", "12")}
    actions = [("3", "Pay share interest for 2024", "Rajiv Menon-Clarke", "31 July 2025"),
               ("6", "File the amended rules with the registering authority", "Bryony Tasker", "30 June 2025"),
               ("7", "Circulate the draft share offer for the school array", "Elinor Castleford", "30 September 2025")]  # fmt: skip
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.3)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10.5)
    normal.paragraph_format.space_after = Pt(5)
    head = document.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run("Hollowmere Community Energy Ltd")
    run.bold, run.font.size = True, Pt(14)
    sub = document.add_paragraph(
        "A community benefit society registered under the Co-operative and Community Benefit Societies Act 2014"
    )
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.runs[0].font.size = Pt(8.5)
    document.add_paragraph().add_run(
        "Minutes of the Annual General Meeting of members held at Hollowmere Village Hall on Saturday 14 June 2025 at 10.30am"
    ).bold = True

    def line(label: str, text: str) -> None:
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(" " + text)

    line("Present:", "41 members in person (attendance list held by the Secretary) and 12 by proxy, including the directors "
         + ", ".join(f"{n} ({r})" for n, r in directors) + ".")  # fmt: skip
    line("In attendance:", "; ".join(f"{n} ({r})" for n, r in attending) + ".")
    line("Apologies:", "; ".join(f"{n} ({r})" for n, r in apologies) + ".")
    for number, (heading, paragraphs) in enumerate(minutes, 1):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(9)
        paragraph.add_run(f"{number}.  {heading}").bold = True
        for text in paragraphs:
            if text.startswith("VOTES:"):
                key = text.split(":")[1]
                table = document.add_table(rows=2, cols=4)
                table.style = "Table Grid"
                for c, (label, value) in enumerate(
                    zip(("For", "Against", "Abstain", "Of which by proxy"), votes[key], strict=True)
                ):
                    table.rows[0].cells[c].text = label
                    table.rows[1].cells[c].text = value
                continue
            body = document.add_paragraph()
            body.paragraph_format.left_indent = Cm(0.75)
            if text.startswith("Resolution"):
                label, rest = text.split(": ", 1)
                body.add_run(label + ": ").bold = True
                body.add_run(rest).italic = True
            elif text.startswith("IT WAS RESOLVED"):
                body.add_run("IT WAS RESOLVED").bold = True
                body.add_run(text[len("IT WAS RESOLVED") :])
            else:
                body.add_run(text)
    document.add_paragraph().add_run("Actions").bold = True
    table = document.add_table(rows=1 + len(actions), cols=4)
    table.style = "Table Grid"
    for c, label in enumerate(("Minute", "Action", "Owner", "Date")):
        table.rows[0].cells[c].paragraphs[0].add_run(label).bold = True
    for r, row in enumerate(actions, 1):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    table.autofit = False
    for c, width in enumerate((1.6, 8.4, 4.0, 3.4)):
        table.columns[c].width = Cm(width)
        for row_cells in table.rows:
            row_cells.cells[c].width = Cm(width)
    document.add_paragraph()
    document.add_paragraph("Signed ................................................ Chair of the meeting")
    stem = "hollowmere-community-energy-agm-2025-06-14-minutes"
    buffer = io.BytesIO()
    document.core_properties.author = "Secretary"
    document.save(buffer)
    source = keep_source(out, f"{stem}.docx", buffer.getvalue())
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", r, **({"chair": "yes"} if r == "Chair" else {})) for n, r in directors]
    people += [person(n, "in_attendance", r) for n, r in attending]
    people += [person(n, "apologies", r) for n, r in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Hollowmere Community Energy Ltd (community benefit society) AGM minutes 14 Jun 2025 (Word .docx "
            "printed by LibreOffice: 'Present:' as counts of members and proxies then the directors named with roles "
            "in one sentence, 'In attendance:' the examiner, 'Apologies:'; minutes 1.-8. containing bold 'Resolution "
            "N (ordinary/special):' lines that are not minutes, For/Against/Abstain/proxy vote tables, 'IT WAS "
            "RESOLVED as a special resolution', and a final Minute | Action | Owner | Date table with owners' full "
            "names)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "python-docx, printed by LibreOffice Writer",
            "body": "Hollowmere Community Energy Ltd",
            "meeting_title": "Annual General Meeting",
            "date": "2025-06-14",
            "time_of_meeting": "10:30",
            "venue": "Hollowmere Village Hall",
            "items": [Item(str(n), h).expected() for n, (h, _) in enumerate(minutes, 1)],
            "people": people,
            "actions": [action(m, owner, text, due=due) for m, text, owner, due in actions],
        },
    )


DOCUMENTS.append(hollowmere_energy_agm_minutes)


# --- A housing co-operative's general meeting minutes in markdown ------------------------------------------------


def hopfield_coop_markdown_minutes(out: Out = OUT) -> None:
    """Markdown minutes: "## Attendees" and "## Apologies" bullet lists of "Name (XX) \u2013 role", a facilitator
    and a minute-taker, minutes as "### N. Heading" with bullets, "**ACTION (JS):**" lines and a consensus
    decision marked "**DECISION:**", then a table of actions carried forward from earlier meetings."""
    attendees = [("Jo Sandford", "JS", "Secretary"), ("Deepak Raval", "DR", "Finance Officer"), ("Ros McCready", "RM", "Maintenance Officer"),
                 ("Tomás Ó Briain", "TOB", "facilitator"), ("Kemi Adeyemo-Hart", "KAH", ""), ("Lars Pettersen", "LP", "minutes")]  # fmt: skip
    apologies = [("Fatima Zahra Bouazza", "FZB", ""), ("Niall Crowe", "NC", "")]
    minutes: list[tuple[str, list[str], list[tuple[str, str]]]] = [
        (
            "Check-in and apologies",
            ["Facilitator: Tomás. Minutes: Lars.", "Apologies from Fatima Zahra and Niall."],
            [],
        ),
        (
            "Minutes of the last general meeting (12 August)",
            ["Agreed, with one correction to the rent figure in item 4."],
            [],
        ),
        (
            "Rent review 2026",
            [
                "Deepak presented three options; a 4.5% rise keeps the maintenance fund on track.",
                "**DECISION:** agreed by consensus to propose 4.5% to the AGM, with the hardship fund raised to \u00a31,500.",
            ],
            [("DR", "Write up the rent proposal and circulate to all members two weeks before the AGM.")],
        ),
        (
            "Maintenance",
            [
                "Boiler at no. 14 replaced. Gutters at the back of nos. 2\u20138 overflowing again.",
                "Damp survey quotes: two received.",
            ],
            [("RM", "Book the gutter clearance before the end of October."), ("RM", "Get a third damp survey quote.")],
        ),
        (
            "New member applications",
            ["Two applications for the vacancy at no. 9; interviews to be arranged with the allocations group."],
            [("JS", "Arrange interviews with both applicants.")],
        ),
        ("Any other business", ["Garden day on 25 October \u2013 bring tools."], []),
    ]
    lines = [
        "# Hopfield Housing Co-operative \u2013 General Meeting",
        "",
        "**Date:** Tuesday 9 September 2025, 7.30pm  ",
        "**Place:** Common room, 1 Hopfield Terrace",
        "",
        "## Attendees",
        "",
        *[f"- {n} ({i}){f' \u2013 {r}' if r else ''}" for n, i, r in attendees],
        "",
        "## Apologies",
        "",
        *[f"- {n} ({i})" for n, i, _ in apologies],
        "",
        "## Minutes",
        "",
    ]
    for number, (heading, bullets, acts) in enumerate(minutes, 1):
        lines.append(f"### {number}. {heading}")
        lines.append("")
        lines += [f"- {b}" for b in bullets]
        lines += [f"- **ACTION ({owner}):** {text}" for owner, text in acts]
        lines.append("")
    lines += [
        "## Actions carried forward",
        "",
        "| # | Action | Who | Since |",
        "|---|--------|-----|-------|",
        "| 1 | Update the members' handbook | JS | June |",
        "| 2 | Insurance revaluation | DR | July |",
        "| 3 | Fix the bike shed lock | RM | August |",
        "",
        "Next general meeting: Tuesday 14 October 2025, 7.30pm.",
        "",
    ]
    stem = "hopfield-housing-coop-2025-09-09-minutes"
    out.text.mkdir(parents=True, exist_ok=True)
    (out.text / f"{stem}.md").write_text("\n".join(lines), encoding="utf-8")
    people = [person(n, "present", r, i) for n, i, r in attendees]
    people += [person(n, "apologies", initials=i) for n, i, _ in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Hopfield Housing Co-operative general meeting minutes 9 Sep 2025, markdown ('## Attendees' and "
            "'## Apologies' bullet lists of 'Name (XX) \u2013 role' with a facilitator and a minute-taker who are "
            "members, minutes as '### N. Heading' with bullets, '**ACTION (JS):**' and '**DECISION:**' bullets, then "
            "a pipe table of actions carried forward numbered 1-3, which are not this meeting's actions)",
            "file": f"{stem}.md",
            "kind": "minutes",
            "producer": "hand-typed markdown",
            "body": "Hopfield Housing Co-operative",
            "meeting_title": "General Meeting",
            "date": "2025-09-09",
            "time_of_meeting": "19:30",
            "venue": "Common room, 1 Hopfield Terrace",
            "items": [Item(str(n), h).expected() for n, (h, _, _) in enumerate(minutes, 1)],
            "people": people,
            "actions": [
                action(str(n), owner, text) for n, (_, _, acts) in enumerate(minutes, 1) for owner, text in acts
            ],
        },
    )


DOCUMENTS.append(hopfield_coop_markdown_minutes)


# --- A rugby club's AGM notice: a letter, the agenda, then a proxy form with numbered fields ----------------------


def quarrymoor_rfc_agm_notice(out: Out = OUT) -> None:
    """Club AGM notice (ReportLab): page 1 a letter giving notice of the meeting; page 2 the agenda with
    "Election of Officers" and lettered posts (a)-(f), motions "Motion 1 / Motion 2" with proposers; page 3 a
    proxy and nomination form whose fields are numbered 1.-6. and are not items."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    base = ParagraphStyle("qb", fontName="Times-Roman", fontSize=11.5, leading=15, spaceAfter=6)
    bold = ParagraphStyle("qbb", parent=base, fontName="Times-Bold")
    centre = ParagraphStyle("qc", parent=bold, alignment=1, fontSize=15, leading=19)
    item_style = ParagraphStyle("qi", parent=base, leftIndent=12 * mm, firstLineIndent=-12 * mm, spaceAfter=5)
    sub_style = ParagraphStyle("qs", parent=base, leftIndent=22 * mm, firstLineIndent=-10 * mm, spaceAfter=2)
    rows: list[tuple[str, str, str]] = [
        ("1", "Apologies for absence", ""),
        ("2", "Minutes of the Annual General Meeting held on 28 June 2024", ""),
        ("3", "Matters arising", ""),
        ("4", "President\u2019s report", ""),
        (
            "5",
            "Chair\u2019s report on the season, including the reports of the senior, women\u2019s, junior and mini sections",
            "",
        ),
        ("6", "Treasurer\u2019s report and adoption of the accounts for the year ended 30 April 2025", ""),
        ("7", "Election of Officers", ""),
        ("a", "President", ""),
        ("b", "Chair", ""),
        ("c", "Honorary Secretary", ""),
        ("d", "Honorary Treasurer", ""),
        ("e", "Fixtures Secretary", ""),
        ("f", "Club Welfare Officer", ""),
        (
            "8",
            "Motion 1: That the annual senior playing subscription be increased from \u00a3150 to \u00a3175 from 1 September 2025",
            "Proposed by the Committee",
        ),
        (
            "9",
            "Motion 2: That Rule 14 be amended so that the Committee may co-opt up to three additional members",
            "Proposed by Gareth Pridmore, seconded by Lynne Tregoning",
        ),
        ("10", "Any other business (notified in writing to the Honorary Secretary by 20 June 2025)", ""),
    ]
    letter = [
        Paragraph("QUARRYMOOR RUGBY FOOTBALL CLUB", centre),
        Paragraph("The Clubhouse, Quarry Lane, Quarrymoor QM6 2RF", ParagraphStyle("qa", parent=base, alignment=1)),
        Spacer(1, 10 * mm),
        Paragraph("30 May 2025", base),
        Paragraph("Dear Member,", base),
        Paragraph("<b>NOTICE OF ANNUAL GENERAL MEETING</b>", base),
        Paragraph(
            "Notice is hereby given that the Annual General Meeting of Quarrymoor Rugby Football Club will be held in the clubhouse on Friday 27 June 2025 at 7.30pm. The agenda is overleaf.",
            base,
        ),
        Paragraph(
            "Nominations for the offices listed under item 7 must be made on the enclosed form, signed by a proposer and a seconder who are both full members, and reach the Honorary Secretary by 20 June 2025. Members who cannot attend may appoint a proxy using the same form.",
            base,
        ),
        Paragraph("Only full and life members may vote. Please bring your membership card.", base),
        Spacer(1, 6 * mm),
        Paragraph("Yours sincerely,", base),
        Spacer(1, 10 * mm),
        Paragraph("Dilwyn Pengelly<br/>Honorary Secretary", base),
        PageBreak(),
        Paragraph("ANNUAL GENERAL MEETING", centre),
        Paragraph("Friday 27 June 2025 at 7.30pm, the Clubhouse", ParagraphStyle("qd", parent=base, alignment=1)),
        Spacer(1, 4 * mm),
        Paragraph("<b>AGENDA</b>", base),
    ]
    for number, title, note in rows:
        if number.isalpha():
            letter.append(Paragraph(f"({number})&nbsp;&nbsp;&nbsp;{_e(title)}", sub_style))
            continue
        letter.append(Paragraph(f"{number}.&nbsp;&nbsp;&nbsp;&nbsp;{_e(title)}", item_style))
        if note:
            letter.append(
                Paragraph(f"<i>{_e(note)}</i>", ParagraphStyle("qn", parent=base, leftIndent=12 * mm, spaceAfter=5))
            )
    letter += [PageBreak(), Paragraph("PROXY AND NOMINATION FORM", centre), Spacer(1, 4 * mm)]
    fields = [
        "Name of member",
        "Membership number",
        "I appoint as my proxy",
        "Nomination: office",
        "Nominee (who consents to stand)",
        "Proposer and seconder (names and signatures)",
    ]
    form = Table([[f"{n}.", f, "." * 60] for n, f in enumerate(fields, 1)], colWidths=[10 * mm, 62 * mm, 98 * mm])
    form.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "Times-Roman"),
                ("FONTSIZE", (0, 0), (-1, -1), 11),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
            ]
        )
    )
    letter += [form, Spacer(1, 6 * mm), Paragraph("Return to the Honorary Secretary by 20 June 2025.", base)]
    stem = "quarrymoor-rfc-agm-2025-06-27-notice"
    SimpleDocTemplate(str(out.pdf / f"{stem}.pdf"), pagesize=A4, invariant=1, leftMargin=22 * mm, rightMargin=22 * mm,
                      title="AGM notice 2025", author="Hon. Secretary").build(letter)  # fmt: skip
    write_expected(
        out,
        stem,
        {
            "name": "Quarrymoor Rugby Football Club AGM notice 27 Jun 2025 (ReportLab, Times: page 1 a letter from the "
            "Honorary Secretary dated 30 May 2025 giving notice of the meeting; page 2 the agenda 1.-10. with "
            "(a)-(f) posts under 'Election of Officers', motions as items 8-9 whose titles begin 'Motion 1:' with an "
            "italic proposer line; page 3 a proxy and nomination form with fields numbered 1.-6., not items)",
            "file": f"{stem}.pdf",
            "kind": "agenda",
            "producer": "ReportLab",
            "body": "Quarrymoor Rugby Football Club",
            "meeting_title": "Annual General Meeting",
            "date": "2025-06-27",
            "time_of_meeting": "19:30",
            "venue": "the Clubhouse",
            "items": [Item(n, t, lead=note, presenter="").expected() for n, t, note in rows],
        },
    )


DOCUMENTS.append(quarrymoor_rfc_agm_notice)
