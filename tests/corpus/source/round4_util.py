"""Helpers for the fourth round (round4_*.py here, and the held-out round4h_*.py, which keep a copy of this file and
of kit.py beside them): printed dates made from ISO dates so a weekday can never be wrong, escaping for HTML and
LaTeX, Word (.docx) details as Word writes them, and page rotation.

Every name, body and place in the corpus is invented.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from kit import Out, keep_source, soffice_pdf
from pypdf import PdfReader, PdfWriter


def e(text: str) -> str:
    return escape(text, quote=False)


def tex(text: str) -> str:
    for a, b in (
        ("\\", r"\textbackslash{}"),
        ("&", r"\&"),
        ("%", r"\%"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
        ("\u2013", "--"),
        ("\u2014", "---"),
        ("\u2019", "'"),
        ("\u2018", "`"),
        ("\u00a3", r"\pounds{}"),
        ("\u00a7", r"\S{}"),
    ):
        text = text.replace(a, b)
    return text


# --- dates: printed from the ISO date, so the weekday is always the real one -----------------------------------------


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def uk_date(iso: str, weekday: bool = True) -> str:
    """'Tuesday 14 October 2025' (or without the weekday)."""
    d = day(iso)
    text = f"{d.day} {d:%B %Y}"
    return f"{d:%A} {text}" if weekday else text


def us_date(iso: str, weekday: bool = True) -> str:
    """'Tuesday, October 14, 2025'."""
    d = day(iso)
    text = f"{d:%B} {d.day}, {d.year}"
    return f"{d:%A}, {text}" if weekday else text


def ordinal_date(iso: str) -> str:
    """'Tuesday 14th October 2025' (as many parish clerks type it)."""
    d = day(iso)
    suffix = "th" if 11 <= d.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"{d:%A} {d.day}{suffix} {d:%B %Y}"


FRENCH_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"]  # fmt: skip


def french_date(iso: str) -> str:
    """'lundi 1er décembre 2025'."""
    d = day(iso)
    number = "1er" if d.day == 1 else str(d.day)
    return f"{FRENCH_DAYS[d.weekday()]} {number} {FRENCH_MONTHS[d.month - 1]} {d.year}"


# --- Word (.docx) as Word writes it --------------------------------------------------------------------------------


def docx_field(paragraph: Any, instruction: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("t", shown), ("end", None)):
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


def shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    )


def repeat_header(row: Any) -> None:
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def cant_split(row: Any) -> None:
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def widths(table: Any, column_widths: list[Any]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, column_widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, column_widths, strict=True):
            cell.width = width


def borders(table: Any, size: int = 4, color: str = "808080", inside: bool = True) -> None:
    """Single-line borders on a table (python-docx's default table has none)."""
    edges = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    xml = "".join(f'<w:{edge} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>' for edge in edges)
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{xml}</w:tblBorders>"))


def cell_text(cell: Any, text: str, *, bold: bool = False, italic: bool = False, size: float = 10,
              new: bool = False) -> Any:  # fmt: skip
    """Text in a table cell: the first paragraph while it is empty, then a new paragraph each time."""
    paragraph = cell.paragraphs[0] if not new and not cell.paragraphs[0].text else cell.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    paragraph.paragraph_format.space_after = Pt(1)
    return paragraph


def save_docx(out: Out, stem: str, document: Any) -> Path:
    """Keep the .docx beside the generators and print it with LibreOffice Writer."""
    buffer = io.BytesIO()
    document.save(buffer)
    source = keep_source(out, f"{stem}.docx", buffer.getvalue())
    pdf = out.pdf / f"{stem}.pdf"
    soffice_pdf(source, pdf)
    return pdf


def soffice_any(source: Path, pdf: Path) -> None:
    """Print any document LibreOffice opens (a .pptx with Impress) with its own filter."""
    profile = Path(tempfile.gettempdir()) / "quorate-corpus-soffice-profile"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(source)],
            check=True, capture_output=True,
        )  # fmt: skip
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes((Path(tmp) / (source.stem + ".pdf")).read_bytes())


def run_with(env_var: str, script: str, *args: str) -> bool:
    """Run a Python snippet with the interpreter named by $env_var (a scratch venv holding a producer's library,
    e.g. PPTX_PYTHON with `pip install python-pptx`); False when it is not set."""
    python = os.environ.get(env_var)
    if not python or (not shutil.which(python) and not Path(python).exists()):
        return False
    subprocess.run([python, "-c", script, *args], check=True)
    return True


# --- pages -------------------------------------------------------------------------------------------------------


def rotate_pages(pdf: Path, pages: dict[int, int]) -> None:
    """Set /Rotate on the given 0-based pages (as a scanner or 'rotate page' in a viewer does)."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    for index, degrees in pages.items():
        writer.pages[index].rotate(degrees)
    with pdf.open("wb") as handle:
        writer.write(handle)


def ttf_family(family: str = "LiberationSans") -> str:
    """Register a Liberation (or DejaVu) TrueType family with ReportLab, as Word-made PDFs embed TrueType fonts:
    family, family-Bold, family-Italic, family-BoldItalic, mapped so <b>/<i> in Paragraphs find them."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if family in pdfmetrics.getRegisteredFontNames():
        return family
    if family.startswith("DejaVu"):
        folder, files = "/usr/share/fonts/truetype/dejavu/", ("", "-Bold", "-Oblique", "-BoldOblique")
    else:
        folder, files = "/usr/share/fonts/truetype/liberation/", ("-Regular", "-Bold", "-Italic", "-BoldItalic")
    for (bold, italic), suffix in zip(((0, 0), (1, 0), (0, 1), (1, 1)), files, strict=True):
        name = family + ("", "-Bold", "-Italic", "-BoldItalic")[bold + 2 * italic]
        pdfmetrics.registerFont(TTFont(name, f"{folder}{family}{suffix}.ttf"))
        addMapping(family, bold, italic, name)
    return family
