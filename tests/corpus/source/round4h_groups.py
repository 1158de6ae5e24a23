# ruff: noqa: E501
"""Held-out fourth round, groups: a trade union branch's minutes with motions and votes (Chromium), a learned
society's council meeting as Beamer slides (pdfLaTeX), an archaeological society's minutes numbered 25.31-25.40
with arrow actions (Typst), a social enterprise's meeting notes as a collaborative editor prints them (chips,
checkboxes; Chromium), and a harbour board's pack holding the agenda, the previous minutes and an action tracker
whose numbers restart at each meeting (LibreOffice from HTML)."""

from __future__ import annotations

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
from round4_util import e, tex, uk_date

OUT = CORPUS_OUT


# --- A trade union branch general meeting's minutes (Chromium) ------------------------------------------------


def carn_valley_branch_minutes(out: Out = OUT) -> None:
    """Branch general meeting minutes: officers present as 'Role – Name' pairs separated by semicolons, members
    counted not named ('23 members signed the attendance sheet'), an 'Also present' organiser, apologies with
    roles; numbered minutes 1.-12.; motions in shaded boxes with Moved / Seconded / Result rows and vote counts;
    actions as bold 'Action:' sentences whose owner is a branch role."""
    iso = "2025-11-12"
    officers = [
        ("Chair", "Bernadette Quarshie-Lowe"),
        ("Branch Secretary", "Owain Pritchard-Daley"),
        ("Treasurer", "Suleiman Haddad-Orr"),
        ("Equality Officer", "Kerry-Ann Mbatha"),
        ("Health and Safety Officer", "Tom Gillanders"),
    ]
    also = ("Niamh Corcoran-Betts", "Regional Organiser")
    apologies = [("Rhiannon Voss", "Welfare Officer"), ("Dev Pillai-Sutton", "")]
    # (number, heading, paragraphs, motion (text, mover, seconder, result) or None, actions [(owner, text)])
    minutes: list[tuple[str, str, list[str], tuple[str, str, str, str] | None, list[tuple[str, str]]]] = [
        (
            "1",
            "Welcome and apologies",
            [
                "The Chair welcomed members, including three attending their first branch meeting. Apologies were noted as above."
            ],
            None,
            [],
        ),
        (
            "2",
            "Minutes of the meeting held on " + uk_date("2025-09-10"),
            ["The minutes were agreed as a correct record (moved Tom Gillanders, seconded Kerry-Ann Mbatha)."],
            None,
            [],
        ),
        (
            "3",
            "Matters arising",
            [
                "The employer has still not replied on the car mileage rate. Members asked for the issue to be escalated."
            ],
            None,
            [("Branch Secretary", "write to the Head of HR asking for a reply on the mileage rate within 14 days")],
        ),
        (
            "4",
            "Branch Secretary\u2019s report",
            [
                "The Branch Secretary reported on casework (17 open cases, 6 closed since September), the restructure of the waste services depot and the consultation on hybrid working."
            ],
            None,
            [],
        ),
        (
            "5",
            "Treasurer\u2019s report",
            [
                "The branch balance stands at \u00a39,842. The Treasurer proposed a donation of \u00a3250 to the local foodbank, which was agreed."
            ],
            None,
            [("Treasurer", "pay the agreed donation of \u00a3250 to the foodbank")],
        ),
        (
            "6",
            "Motion: Pay claim 2026",
            [],
            (
                "This branch calls on the union\u2019s local government committee to submit a pay claim for 2026 of at least RPI plus 2%, with a flat-rate minimum for the lowest paid.",
                "Owain Pritchard-Daley",
                "Suleiman Haddad-Orr",
                "Carried \u2013 For 19, Against 2, Abstentions 2",
            ),
            [],
        ),
        (
            "7",
            "Motion: Lone working in parking enforcement",
            [],
            (
                "This branch demands that the employer issues lone-worker alarms to every civil enforcement officer and reviews the lone working risk assessment with the branch.",
                "Tom Gillanders",
                "Kerry-Ann Mbatha",
                "Carried unanimously",
            ),
            [
                (
                    "Health and Safety Officer",
                    "request a joint review of the lone working risk assessment at the next safety committee",
                )
            ],
        ),
        (
            "8",
            "Health and safety report",
            ["Two RIDDOR reports since September, both at the depot. Workplace inspections are due in December."],
            None,
            [],
        ),
        (
            "9",
            "Equality report",
            [
                "The Equality Officer reported on the Black History Month events and the new disabled members\u2019 network."
            ],
            None,
            [],
        ),
        (
            "10",
            "Regional conference: election of delegates",
            [
                "Bernadette Quarshie-Lowe and Kerry-Ann Mbatha were elected unopposed as the branch\u2019s two delegates."
            ],
            None,
            [],
        ),
        ("11", "Any other business", ["None."], None, []),
        ("12", "Date of next meeting", [uk_date("2026-01-14") + ", 6.00pm, Trades Hall."], None, []),
    ]
    parts = []
    for number, heading, paragraphs, motion, actions in minutes:
        parts.append(f'<h3><span class="n">{number}.</span> {e(heading)}</h3>')
        parts += [f"<p>{e(p)}</p>" for p in paragraphs]
        if motion:
            text, mover, seconder, result = motion
            parts.append(f'<div class="motion"><p><i>\u201c{e(text)}\u201d</i></p><table><tr><td>Moved:</td><td>{e(mover)}</td></tr>'
                         f"<tr><td>Seconded:</td><td>{e(seconder)}</td></tr><tr><td>Result:</td><td><b>{e(result)}</b></td></tr></table></div>")  # fmt: skip
        parts += [f'<p class="act"><b>Action:</b> {e(owner)} to {e(text)}.</p>' for owner, text in actions]
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Branch General Meeting minutes</title><style>
@page {{ size: A4; margin: 18mm 20mm }}
body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.35 }}
.mast {{ border-left: 10px solid #b3121b; padding-left: 10px; margin-bottom: 10px }}
.mast .u {{ font-size: 9pt; letter-spacing: 1px; color: #b3121b; font-weight: bold }}
.mast .b {{ font-size: 17pt; font-weight: bold }}
h3 {{ font-size: 11pt; margin: 12px 0 3px 0 }}
h3 .n {{ display: inline-block; width: 9mm }}
p {{ margin: 3px 0 3px 9mm }}
.att p {{ margin-left: 0 }}
.motion {{ background: #f3f3f3; border: 1px solid #ccc; margin: 4px 0 4px 9mm; padding: 4px 8px }}
.motion p {{ margin-left: 0 }}
.motion td {{ padding: 0 8px 0 0; font-size: 10pt }}
.act {{ color: #7a0c12 }}
</style></head><body>
<div class="mast"><div class="u">ASSOCIATED CIVIC AND TRANSPORT STAFF UNION</div><div class="b">Carn Valley Local Government Branch</div>
Minutes of the Branch General Meeting held on {uk_date(iso)} at 6.00pm at the Trades Hall, Wharf Road, Carn Valley</div>
<div class="att">
<p><b>Branch officers present:</b> {"; ".join(f"{e(r)} \u2013 {e(n)}" for r, n in officers)}.</p>
<p>23 members signed the attendance sheet, which is held by the Branch Secretary.</p>
<p><b>Also present:</b> {e(also[0])}, {e(also[1])}.</p>
<p><b>Apologies:</b> {", ".join(e(n) + (f" ({e(r)})" if r else "") for n, r in apologies)}.</p>
</div>
{"".join(parts)}
<p style="margin-top:14px;margin-left:0">The meeting closed at 7.40pm.</p>
</body></html>"""
    stem = "carn-valley-branch-2025-11-12-minutes"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", r, **({"chair": "yes"} if r == "Chair" else {})) for r, n in officers]
    people.append(person(also[0], "in_attendance", also[1]))
    people += [person(n, "apologies", r) for n, r in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Carn Valley Local Government Branch (a trade union branch) general meeting minutes 12 Nov 2025 (Chromium: "
            "a red-ruled masthead; 'Branch officers present: Role – Name; Role – Name ...' (role FIRST), members counted "
            "not named ('23 members signed the attendance sheet'), 'Also present:' and 'Apologies: Name (Role), Name'; "
            "minutes 1.-12. as headings; motions 6 and 7 in grey boxes: the motion's text in italic quotes, then Moved / "
            "Seconded / Result rows with vote counts; actions as 'Action: Branch Secretary to ...' with a ROLE as owner)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "Chromium (Skia/PDF)",
            "body": "Carn Valley Local Government Branch",
            "meeting_title": "Branch General Meeting",
            "date": iso,
            "time_of_meeting": "18:00",
            "venue": "the Trades Hall, Wharf Road, Carn Valley",
            "members_present_count": 23,
            "items": [Item(n, h, extra={"motion_result": m[3]} if m else {}).expected() for n, h, _p, m, _a in minutes],
            "people": people,
            "actions": [action(n, owner, text) for n, _h, _p, _m, acts in minutes for owner, text in acts],
        },
    )


DOCUMENTS: list[Any] = [carn_valley_branch_minutes]


# --- A learned society's council meeting as Beamer slides (pdfLaTeX) --------------------------------------------


def hallamby_lit_phil_council_slides(out: Out = OUT) -> None:
    """Beamer (Madrid theme) deck for a society council: a title frame with the meeting, an 'Agenda' frame as an
    enumerate list with the lead in parentheses and the time pushed right with \\hfill, then one \\section and
    frame per item titled '3. Lecture programme 2026' (the PDF outline has the sections: bookmarks match the
    items), frames with a table, an itemize list and a block; the Madrid footline on every page."""
    iso = "2025-11-15"
    agenda = [
        ("1", "Welcome and apologies", "President", "10.30"),
        ("2", "Minutes of the meeting of " + uk_date("2025-09-13", False), "Hon. Secretary", "10.35"),
        ("3", "Lecture programme 2026", "Dr Yusuf Abernathy-Crane", "10.45"),
        ("4", "Membership and subscriptions", "Membership Secretary", "11.05"),
        ("5", "Treasurer\u2019s report and budget for 2026", "Hon. Treasurer", "11.20"),
        ("6", "Library: conservation of the Hallamby Herbarium", "Hon. Librarian", "11.40"),
        ("7", "Bicentenary 2027: report of the planning group", "President", "12.00"),
        ("8", "Any other business", "", "12.20"),
    ]
    frames = {
        "2": r"\begin{itemize}\item Minutes circulated on 20 September\item Matters arising: the lift repair is complete\end{itemize}",
        "3": r"\begin{tabular}{lll}\hline Month & Speaker & Title\\\hline January & Prof.\ Ada Penhallow & Glaciers of the Pennines\\ February & Dr Rafael Okonjo & Victorian gas lighting\\ March & Ms Leah Frobisher & The town's lost theatres\\\hline\end{tabular}",
        "4": r"\begin{itemize}\item 412 members (397 a year ago)\item Proposal: hold the subscription at \pounds 38\item Student rate \pounds 10\end{itemize}",
        "5": r"\begin{block}{Budget 2026}Income \pounds 21{,}400; expenditure \pounds 22{,}950; deficit met from the Lecture Fund.\end{block}",
        "6": r"\begin{enumerate}\item Survey by the county conservator\item Quote for 40 boxes\item Grant bid to the heritage fund\end{enumerate}",
        "7": r"\begin{itemize}\item Dinner at the Assembly Rooms, 12 June 2027\item Commemorative volume: editor wanted\end{itemize}",
    }
    agenda_tex = "\n".join(
        rf"\item {tex(t)}" + (rf" \textit{{({tex(lead)})}}" if lead else "") + rf"\hfill {time}"
        for _n, t, lead, time in agenda
    )
    body = []
    for number, title, _lead, _time in agenda[1:-1]:
        body.append(
            rf"\section{{{tex(title)}}}"
            + "\n"
            + rf"\begin{{frame}}{{{number}. {tex(title)}}}"
            + "\n"
            + frames[number]
            + "\n"
            + r"\end{frame}"
        )
    doc = (
        r"""\documentclass[10pt]{beamer}
\usetheme{Madrid}
\usepackage[T1]{fontenc}
\title[Council meeting]{The Hallamby Literary and Philosophical Society}
\subtitle{Meeting of Council}
\author[Hon. Secretary]{Hon.\ Secretary: Mrs Philippa Garside-Moyo}
\institute[Hallamby Lit \& Phil]{The Library, 27 Guildhall Row, Hallamby}
\date["""
        + uk_date(iso, False)
        + "]{"
        + uk_date(iso)
        + r""", 10.30am}
\begin{document}
\begin{frame}\titlepage\end{frame}
\begin{frame}{Agenda}
\begin{enumerate}\setlength{\itemsep}{3pt}
"""
        + agenda_tex
        + r"""
\end{enumerate}
\end{frame}
"""
        + "\n".join(body)
        + r"""
\section{Any other business}
\begin{frame}{8. Any other business}
\centering\Large Any other business?\\[1em]\normalsize Next meeting: """
        + uk_date("2026-01-17")
        + r""", 10.30am
\end{frame}
\end{document}
"""
    )
    stem = "hallamby-lit-phil-council-2025-11-15-slides"
    source = keep_source(out, f"{stem}.tex", doc)
    latex_pdf(source, out.pdf / f"{stem}.pdf")
    write_expected(
        out,
        stem,
        {
            "name": "Hallamby Literary and Philosophical Society council meeting slides 15 Nov 2025 (pdfLaTeX Beamer, Madrid "
            "theme, 4:3: a title frame (society, 'Meeting of Council', date and 10.30am, the Library); an 'Agenda' frame as "
            "a Beamer enumerate 1.-8. with the lead in italic parentheses after the title and the time pushed right; then "
            "a \\section and a frame per item titled '3. Lecture programme 2026' (the PDF outline lists the sections, which "
            "match the items but carry no numbers); frames hold a table, itemize and enumerate lists and a block (not "
            "items); the Madrid footline repeats the short title, date and page on every page)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "pdfTeX (LaTeX Beamer)",
            "body": "The Hallamby Literary and Philosophical Society",
            "meeting_title": "Meeting of Council",
            "date": iso,
            "time_of_meeting": "10:30",
            "venue": "The Library, 27 Guildhall Row, Hallamby",
            "items": [Item(n, t, time=time, lead=lead).expected() for n, t, lead, time in agenda],
        },
    )


DOCUMENTS.append(hallamby_lit_phil_council_slides)


# --- An archaeological society's council minutes numbered 25.31-25.40 (Typst) ---------------------------------


def fenwold_archaeological_minutes(out: Out = OUT) -> None:
    """Society council minutes typeset with Typst: minute numbers that continue through the year (25.31-25.40, which
    look like decimals), bold run-on headings after the number, unheaded sub-paragraphs 25.34.1-25.34.3 (not
    minutes), attendance paragraphs with initials in brackets, and actions as '→ IC: ...' lines."""
    iso = "2025-10-20"
    present = [
        ("Dr Margery Halsall-Fynn", "MHF", "President, in the chair"),
        ("Ian Cotterill", "IC", "Hon. Secretary"),
        ("Beatrix Lindqvist-Ames", "BLA", "Hon. Treasurer"),
        ("Prof. Emeka Dunmore", "ED", "Director of Excavations"),
        ("Ruth Ballantyne", "RB", ""),
        ("Saffron Ekwueme-Hart", "SEH", ""),
    ]
    attending = [("Colin Mawdsley", "CM", "Archivist, for minute 25.36")]
    apologies = ["Hugh Tennyson-Pike", "Alys Carreg"]
    # (number, heading, paragraphs (sub-numbered when several), actions [(owner, text)])
    minutes: list[tuple[str, str, list[str], list[tuple[str, str]]]] = [
        ("25.31", "Apologies", ["Apologies were received as above."], []),
        ("25.32", "Minutes of the meeting of " + uk_date("2025-07-21"), ["The minutes were approved and signed."], []),
        (
            "25.33",
            "Matters arising",
            ["The new insurance schedule covers volunteers under 18 when supervised (minute 25.24)."],
            [],
        ),
        (
            "25.34",
            "Excavation at Hob\u2019s Knowe: interim report",
            [
                "ED reported that the season had uncovered a ring ditch and two cremation deposits.",
                "Samples have gone for radiocarbon dating; results are expected in January.",
                "Council thanked the 46 volunteers and the landowner.",
            ],
            [
                ("IC", "write to the landowner to thank him and to ask about access in 2026"),
                ("ED", "submit the interim report to the county Historic Environment Record by 30 November"),
            ],
        ),
        (
            "25.35",
            "Finance",
            ["BLA presented the accounts to 30 September. The Society remains in surplus for the year."],
            [],
        ),
        (
            "25.36",
            "Archive: deposit of the Fenwold excavation records",
            [
                "CM described the condition of the records. Council agreed to deposit them with the county record office."
            ],
            [("CM", "prepare a deposit agreement for the President to sign")],
        ),
        (
            "25.37",
            "Lecture season 2025\u201326",
            ["The programme was noted. SEH will look into recording the lectures for members unable to attend."],
            [("SEH", "obtain prices for recording equipment")],
        ),
        ("25.38", "Membership", ["RB reported 188 members, nine of them new this year."], []),
        ("25.39", "Any other business", ["None."], []),
        ("25.40", "Date of next meeting", [uk_date("2026-01-19") + " at 7.30pm."], []),
    ]

    def esc(text: str) -> str:
        for a, b in (
            ("\\", "\\\\"),
            ("#", "\\#"),
            ("*", "\\*"),
            ("_", "\\_"),
            ("@", "\\@"),
            ("$", "\\$"),
            ("<", "\\<"),
            ("[", "\\["),
            ("]", "\\]"),
        ):
            text = text.replace(a, b)
        return text

    blocks = []
    for number, heading, paragraphs, actions in minutes:
        if len(paragraphs) == 1:
            blocks.append(f"#grid(columns: (1.6cm, 1fr), [*{number}*], [*{esc(heading)}.* {esc(paragraphs[0])}])")
        else:
            blocks.append(f"#grid(columns: (1.6cm, 1fr), [*{number}*], [*{esc(heading)}*])")
            for n, paragraph in enumerate(paragraphs, 1):
                blocks.append(f"#grid(columns: (1.6cm, 1.6cm, 1fr), [], [{number}.{n}], [{esc(paragraph)}])")
        for owner, text in actions:
            blocks.append(f'#grid(columns: (1.6cm, 1fr), [], [#text(fill: rgb("#6b3e1e"))[→ *{owner}:* {esc(text)}]])')
    who = "; ".join(f"{n} ({i})" + (f", {r}" if r else "") for n, i, r in present)
    doc = f"""#set page(paper: "a4", margin: (x: 2.5cm, y: 2.2cm), numbering: "1")
#set text(font: "Liberation Serif", size: 11pt, lang: "en")
#set par(justify: true)
#align(center)[#text(size: 15pt, weight: "bold")[Fenwold Archaeological Society] \\ #v(2pt) Minutes of the meeting of Council held at the Old Schoolroom, Church Lane, Fenwold \\ on {esc(uk_date(iso))} at 7.30pm]
#v(6pt)
*Present:* {esc(who)}.

*In attendance:* {esc("; ".join(f"{n} ({i}), {r}" for n, i, r in attending))}.

*Apologies:* {esc(", ".join(apologies))}.
#v(4pt)
#line(length: 100%, stroke: 0.4pt)
#set block(spacing: 0.8em)
{chr(10).join(blocks)}
#v(16pt)
Signed #box(width: 5cm, repeat[.]) President #h(1fr) Date #box(width: 3cm, repeat[.])
"""
    stem = "fenwold-archaeological-society-council-2025-10-20-minutes"
    source = keep_source(out, f"{stem}.typ", doc)
    typst_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", r, i, **({"chair": "yes"} if "chair" in r else {})) for n, i, r in present]
    people += [person(n, "in_attendance", r, i) for n, i, r in attending]
    people += [person(n, "apologies") for n in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Fenwold Archaeological Society council minutes 20 Oct 2025 (Typst, Liberation Serif, justified: 'Present:' "
            "one run of 'Name (INITIALS), role' separated by semicolons, 'In attendance:' and 'Apologies:'; minute numbers "
            "running on through the year, 25.31-25.40, that look like decimal sub-items, in a left column with a bold "
            "heading run into the text ('Apologies. Apologies were received ...'); unheaded sub-paragraphs "
            "25.34.1-25.34.3 (not minutes); actions as brown '→ IC: write to ...' lines)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "Typst",
            "body": "Fenwold Archaeological Society",
            "meeting_title": "Meeting of Council",
            "date": iso,
            "time_of_meeting": "19:30",
            "venue": "the Old Schoolroom, Church Lane, Fenwold",
            "items": [Item(n, h).expected() for n, h, _p, _a in minutes],
            "people": people,
            "actions": [action(n, owner, text) for n, _h, _p, acts in minutes for owner, text in acts],
        },
    )


DOCUMENTS.append(fenwold_archaeological_minutes)


# --- A social enterprise's meeting notes as a collaborative editor prints them (Chromium) ----------------------


def bramblegate_repair_cafe_notes(out: Out = OUT) -> None:
    """Directors' meeting notes in a collaborative-editor style: people as rounded '@Name' chips on an 'Attendees'
    line and an 'Apologies' line, unnumbered H2 headings for the topics with bulleted notes, decisions in a
    highlighted 'Decision:' bullet, and an 'Action items' checklist of '☐ @Name — task (due)' at the end; a
    meeting-notes header block with date, time and place."""
    iso = "2025-06-05"
    attendees = ["Priya Raman", "Tomasz Wiśniewski", "Gwen Abara-Lloyd", "Felix Oduya-Brandt"]
    apologies = ["Mairead Quigley-Osei"]
    guests = [("Jonah Pemberton", "volunteer coordinator")]
    topics: list[tuple[str, list[str]]] = [
        ("Check-in", ["Quick round of updates; everyone well", "Felix chairing today"]),
        (
            "Volunteer rota for summer",
            [
                "Three Saturdays in August are short of electrical fixers",
                "Jonah to post a call-out in the newsletter and at the library",
            ],
        ),
        (
            "Insurance renewal",
            [
                "Current public liability cover ends 30 June",
                "Decision: renew with the same insurer and add cover for the pop-up events",
            ],
        ),
        (
            "Funding: community lottery bid",
            [
                "Bid for £9,800 over two years (venue hire, tools, PAT testing)",
                "Gwen has a first draft; needs budget figures",
            ],
        ),
        (
            "Tool library pilot",
            ["40 tools donated so far", "Decision: start lending in September, members only, £5 a year"],
        ),
        ("AOB", ["Next meeting Thursday 3 July, 18:00, same place"]),
    ]
    actions_list = [
        ("Tomasz Wiśniewski", "renew the public liability insurance and add pop-up event cover", "by 30 June"),
        ("Gwen Abara-Lloyd", "send the lottery bid draft with budget figures to the directors", "by 16 June"),
        ("Jonah Pemberton", "post the August volunteer call-out", "this week"),
        ("Priya Raman", "draft tool library lending terms", "for the July meeting"),
    ]

    def chip(name: str) -> str:
        return f'<span class="chip">@{e(name)}</span>'

    topic_html = ""
    for heading, notes in topics:
        items = "".join(f'<li class="{"dec" if n.startswith("Decision:") else ""}">{e(n)}</li>' for n in notes)
        topic_html += f"<h2>{e(heading)}</h2><ul>{items}</ul>"
    action_html = "".join(
        f'<div class="todo">\u2610 {chip(who)} {e(task)} ({e(due)})</div>' for who, task, due in actions_list
    )
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Directors' meeting notes</title><style>
@page {{ size: A4; margin: 20mm 22mm }}
body {{ font-family: Arial, 'Liberation Sans', sans-serif; font-size: 11pt; color: #1f1f1f; line-height: 1.45 }}
.crumb {{ font-size: 9pt; color: #777 }}
h1 {{ font-size: 22pt; font-weight: normal; margin: 4px 0 6px 0 }}
.meta td {{ padding: 1px 12px 1px 0; font-size: 10.5pt; vertical-align: top }}
.meta td:first-child {{ color: #666 }}
.chip {{ display: inline-block; background: #e8f0fe; color: #174ea6; border-radius: 10px; padding: 0 7px; margin: 1px 2px; font-size: 10pt }}
h2 {{ font-size: 14pt; font-weight: normal; margin: 14px 0 2px 0; color: #202124 }}
ul {{ margin: 2px 0 2px 0 }}
li.dec {{ background: #fef7e0 }}
.todo {{ margin: 3px 0 }}
</style></head><body>
<div class="crumb">Bramblegate Repair Café CIC › Directors › 2025</div>
<h1>Directors\u2019 meeting \u2013 {uk_date(iso, False)}</h1>
<table class="meta">
<tr><td>Date</td><td>{uk_date(iso)} \u00b7 18:00\u201319:30</td></tr>
<tr><td>Place</td><td>The Old Forge workshop, Bramblegate</td></tr>
<tr><td>Attendees</td><td>{" ".join(chip(n) for n in attendees)}</td></tr>
<tr><td>Also attending</td><td>{" ".join(chip(n) + f" ({e(r)})" for n, r in guests)}</td></tr>
<tr><td>Apologies</td><td>{" ".join(chip(n) for n in apologies)}</td></tr>
</table>
<h2>Notes</h2>
{topic_html}
<h2>Action items</h2>
{action_html}
</body></html>"""
    stem = "bramblegate-repair-cafe-directors-2025-06-05-minutes"
    source = keep_source(out, f"{stem}.html", html)
    chromium_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(n, "present", **({"chair": "yes"} if n.startswith("Felix") else {})) for n in attendees]
    people += [person(n, "in_attendance", r) for n, r in guests]
    people += [person(n, "apologies") for n in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Bramblegate Repair Café CIC directors' meeting notes 5 Jun 2025 (Chromium, collaborative-editor style: a "
            "breadcrumb, a large title 'Directors' meeting – 5 June 2025', a meta table Date / Place / Attendees / Also "
            "attending / Apologies with people as blue '@Name' CHIPS; a 'Notes' heading then UNNUMBERED H2 topic headings "
            "with bulleted notes and highlighted 'Decision:' bullets; an 'Action items' checklist '☐ @Name task (due)' at "
            "the end whose owners are full names; 'Notes' and 'Action items' are page headings, not topics)",
            "file": f"{stem}.pdf",
            "kind": "minutes",
            "producer": "Chromium (Skia/PDF)",
            "body": "Bramblegate Repair Café CIC",
            "meeting_title": "Directors\u2019 meeting",
            "date": iso,
            "time_of_meeting": "18:00",
            "venue": "The Old Forge workshop, Bramblegate",
            "items": [Item("", h).expected() for h, _n in topics],
            "people": people,
            "actions": [action("", who, task, due=due) for who, task, due in actions_list],
        },
    )


DOCUMENTS.append(bramblegate_repair_cafe_notes)


# --- A harbour board's pack: agenda, previous minutes, an action tracker restarting per meeting -------------------


def port_vellan_harbour_pack(out: Out = OUT) -> None:
    """Harbour commissioners' pack from Word via LibreOffice (HTML source): page 1 the agenda as a bordered table
    No. | Item | Lead | Paper (HC25/30-HC25/37); then Paper HC25/30, the minutes of the previous meeting with
    'Present:' as 'Name (INITIALS) – role' lines, minutes 2025/041-2025/050 and 'Action: XX' at the end of
    paragraphs ('Action: RAD to ...'); then Paper HC25/31, an action tracker whose numbers restart at each meeting (8 May: 1-3, 10 July:
    1-4)."""
    iso = "2025-09-11"
    agenda: list[tuple[str, str, str, str]] = [
        ("1", "Apologies and declarations of interest", "Chair", ""),
        ("2", "Minutes of the meeting held on " + uk_date("2025-07-10"), "Chair", "HC25/30"),
        ("3", "Action tracker and matters arising", "Secretary", "HC25/31"),
        ("4", "Harbour Master\u2019s report: operations, safety and pilotage", "Harbour Master", "HC25/32"),
        ("5", "Port Marine Safety Code: annual compliance statement", "Designated Person", "HC25/33"),
        ("6", "Management accounts to 31 July 2025", "Finance Manager", "HC25/34"),
        ("7", "Harbour dues and charges for 2026", "Finance Manager", "HC25/35"),
        ("8", "North Quay wall repairs: tender report", "Harbour Engineer", "HC25/36"),
        ("9", "Stakeholder forum: fishermen and yacht club", "Chair", "Verbal"),
        ("10", "Commissioners\u2019 appointments and skills review", "Secretary", "HC25/37"),
        ("11", "Any other business", "Chair", ""),
        ("12", "Date of next meeting: " + uk_date("2025-11-13") + " at 10.00 am", "", ""),
    ]
    present = [
        ("Captain Elspeth Rowe-Kernick", "ERK", "Chair"),
        ("Morley Tresidder", "MT", "Vice Chair"),
        ("Dr Anjali Venkatraman-Hole", "AVH", "Commissioner"),
        ("Ben Carrodus", "BC", "Commissioner"),
        ("Keziah Polglase", "KP", "Commissioner"),
    ]
    attending = [
        ("Captain Rhys Attwater-Dean", "RAD", "Harbour Master"),
        ("Lowenna Jago", "LJ", "Secretary to the Commissioners"),
        ("Piran Hockin-Bray", "PHB", "Finance Manager"),
    ]
    apologies = [("Sadie Treloar-Mbeki", "Commissioner")]
    previous: list[tuple[str, str, str, list[tuple[str, str]]]] = [
        (
            "2025/041",
            "Apologies and declarations",
            "Apologies from Sadie Treloar-Mbeki. BC declared an interest in 2025/047 as a member of the yacht club.",
            [],
        ),
        ("2025/042", "Minutes of the meeting held on " + uk_date("2025-05-08"), "Approved as a correct record.", []),
        ("2025/043", "Action tracker", "Actions 1 and 3 from May are complete; action 2 is carried forward.", []),
        (
            "2025/044",
            "Harbour Master\u2019s report",
            "RAD reported 1,212 vessel movements in the quarter and one near miss at the fuel berth, now investigated.",
            [("RAD", "circulate the near-miss investigation report to commissioners")],
        ),
        ("2025/045", "Finance", "PHB presented the accounts to 31 May. Income from dues is 4% above budget.", []),
        (
            "2025/046",
            "North Quay wall",
            "The engineer\u2019s survey confirms that the wall needs repair within two years. Commissioners agreed to go to tender.",
            [
                ("RAD", "prepare tender documents for the North Quay wall repairs"),
                ("PHB", "model the cost of the repairs in the five-year plan"),
            ],
        ),
        ("2025/047", "Moorings policy", "The revised moorings policy was approved. BC took no part.", []),
        (
            "2025/048",
            "Commissioners\u2019 skills",
            "The skills matrix shows gaps in marine engineering and digital.",
            [("LJ", "draft an advertisement for two commissioner vacancies")],
        ),
        ("2025/049", "Any other business", "None.", []),
        ("2025/050", "Date of next meeting", uk_date("2025-09-11") + " at 10.00 am.", []),
    ]
    tracker = [
        ("8 May 2025", "1", "2025/027", "Renew the pilotage authorisations", "RAD", "Complete"),
        (
            "8 May 2025",
            "2",
            "2025/030",
            "Review the fuel berth procedures with the operator",
            "RAD",
            "Carried forward: meeting booked for 18 September",
        ),
        ("8 May 2025", "3", "2025/032", "Publish the 2024 annual report", "LJ", "Complete"),
    ]
    n = 0
    for minute, _h, _t, acts in previous:
        for owner, text in acts:
            n += 1
            tracker.append(
                (
                    "10 July 2025",
                    str(n),
                    minute,
                    text[0].upper() + text[1:],
                    owner,
                    "In progress" if n != 1 else "Complete",
                )
            )
    agenda_rows = "".join(
        f"<tr><td>{num}</td><td>{e(t)}</td><td>{e(lead)}</td><td>{p}</td></tr>" for num, t, lead, p in agenda
    )
    minute_rows = []
    for minute, heading, text, acts in previous:
        act_text = "".join(f"<br><b>Action: {owner}</b> to {e(t)}." for owner, t in acts)
        minute_rows.append(
            f'<tr><td width="14%" valign="top"><b>{minute}</b></td><td width="86%" valign="top"><b>{e(heading)}</b><br>{e(text)}{act_text}</td></tr>'
        )
    tracker_rows = "".join(
        f"<tr><td>{m}</td><td>{num}</td><td>{mi}</td><td>{e(a)}</td><td>{o}</td><td>{e(s)}</td></tr>"
        for m, num, mi, a, o, s in tracker
    )
    attendance = "<br>".join(f"{e(nm)} ({i}) \u2013 {e(r)}" for nm, i, r in present)
    in_att = "<br>".join(f"{e(nm)} ({i}) \u2013 {e(r)}" for nm, i, r in attending)
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Board pack 11 September 2025</title><style>
@page {{ size: 21cm 29.7cm; margin: 2cm }}
body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt }}
td {{ font-size: 10pt }}
</style></head><body>
<p align="center"><font size="5"><b>PORT VELLAN HARBOUR COMMISSIONERS</b></font><br>Meeting of the Board of Commissioners<br>{uk_date(iso)} at 10.00 am<br>Harbour Office, The Quay, Port Vellan</p>
<p align="center"><b>AGENDA</b></p>
<table width="100%" border="1" cellpadding="4" cellspacing="0">
<tr><td width="7%"><b>No.</b></td><td width="58%"><b>Item</b></td><td width="20%"><b>Lead</b></td><td width="15%"><b>Paper</b></td></tr>
{agenda_rows}</table>
<p><font size="2">Papers marked Verbal will be presented at the meeting. Commissioners are asked to declare interests at item 1.</font></p>
<p style="page-break-before: always"><b>Paper HC25/30</b></p>
<p align="center"><b>PORT VELLAN HARBOUR COMMISSIONERS</b><br>Minutes of the meeting of the Board of Commissioners held on {uk_date("2025-07-10")} at 10.00 am at the Harbour Office</p>
<p><b>Present:</b><br>{attendance}</p>
<p><b>In attendance:</b><br>{in_att}</p>
<p><b>Apologies:</b> {", ".join(f"{e(nm)} ({e(r)})" for nm, r in apologies)}</p>
<table width="100%" cellpadding="3" cellspacing="0">{"".join(minute_rows)}</table>
<p style="page-break-before: always"><b>Paper HC25/31</b></p>
<p><b>ACTION TRACKER</b> (action numbers restart at each meeting)</p>
<table width="100%" border="1" cellpadding="3" cellspacing="0">
<tr><td width="14%"><b>Meeting</b></td><td width="5%"><b>No.</b></td><td width="12%"><b>Minute</b></td><td width="40%"><b>Action</b></td><td width="9%"><b>Owner</b></td><td width="20%"><b>Status</b></td></tr>
{tracker_rows}</table>
</body></html>"""
    stem = "port-vellan-harbour-commissioners-2025-09-11-pack"
    source = keep_source(out, f"{stem}.html", html)
    soffice_pdf(source, out.pdf / f"{stem}.pdf")
    people = [person(nm, "present", r, i, **({"chair": "yes"} if r == "Chair" else {})) for nm, i, r in present]
    people += [person(nm, "in_attendance", r, i) for nm, i, r in attending]
    people += [person(nm, "apologies", r) for nm, r in apologies]
    write_expected(
        out,
        stem,
        {
            "name": "Port Vellan Harbour Commissioners board pack 11 Sep 2025 (LibreOffice from HTML, Liberation Sans: page 1 "
            "the agenda as a bordered table No. | Item | Lead (roles) | Paper (HC25/30-HC25/37 or Verbal), item 12 the date "
            "of the next meeting; then Paper HC25/30, the minutes of 10 July 2025 with 'Present:' and 'In attendance:' as "
            "one 'Name (INITIALS) – role' a line, minutes 2025/041-2025/050 in a borderless table and bold 'Action: XX' at "
            "the end of paragraphs ('Action: RAD to ...'); then Paper HC25/31, an action tracker whose numbers RESTART at each meeting (8 May 1-3, "
            "10 July 1-4). People and actions are those of the 10 July minutes)",
            "file": f"{stem}.pdf",
            "kind": "pack",
            "producer": "LibreOffice Writer from HTML",
            "body": "Port Vellan Harbour Commissioners",
            "meeting_title": "Meeting of the Board of Commissioners",
            "date": iso,
            "time_of_meeting": "10:00",
            "venue": "Harbour Office, The Quay, Port Vellan",
            "people_source": "Paper HC25/30, the minutes of 10 July 2025",
            "items": [Item(num, t, lead=lead, paper=p).expected() for num, t, lead, p in agenda],
            "people": people,
            "actions": [action(m, owner, text) for m, _h, _t, acts in previous for owner, text in acts],
        },
    )


DOCUMENTS.append(port_vellan_harbour_pack)
