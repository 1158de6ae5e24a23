"""Helpers shared by the corpus generators: where files go, expected JSON, ReportLab page furniture.

Every name, body and place in the corpus is invented.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

CORPUS = Path(__file__).resolve().parent.parent
PDF_DIR = CORPUS / "pdf"
TEXT_DIR = CORPUS / "text"
EXPECTED_DIR = CORPUS / "expected"
SOURCE_DIR = CORPUS / "source"

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["Normal"], fontName="Helvetica", fontSize=10.5, leading=13.5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=11)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=8)
H2 = ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=4)
CENTRE = ParagraphStyle("centre", parent=BODY, alignment=TA_CENTER)
CENTRE_H1 = ParagraphStyle("centre_h1", parent=H1, alignment=TA_CENTER)
CENTRE_H2 = ParagraphStyle("centre_h2", parent=H2, alignment=TA_CENTER)
RIGHT = ParagraphStyle("right", parent=BODY, alignment=TA_RIGHT)
GRID = colors.HexColor("#555555")


def write_expected(stem: str, expected: dict[str, Any]) -> None:
    """tests/corpus/expected/STEM.json in the shape of ../shared/corpus/expected (plus the extra keys)."""
    for item in expected["items"]:
        number = item["number"]
        # The scorer strips trailing dots and spaces from the numbers it finds but not from expected ones.
        assert number == number.rstrip(".: ") and " " not in number, (stem, number)
    numbers = [i["number"] for i in expected["items"] if i["number"]]
    assert len(numbers) == len({n.lower() for n in numbers}), f"{stem}: numbers must be unique for the scorer"
    path = EXPECTED_DIR / f"{stem}.json"
    path.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def items(*rows: tuple[str, str] | dict[str, Any]) -> list[dict[str, Any]]:
    """Expected items from (number, title) pairs or full dicts."""
    return [r if isinstance(r, dict) else {"number": r[0], "title": r[1]} for r in rows]


class PageState(Flowable):  # type: ignore[misc]
    """A zero-size flowable that sets what the page furniture prints on the page it lands on."""

    def __init__(self, **state: Any) -> None:
        super().__init__()
        self.state = state
        self.width = self.height = 0

    def wrap(self, *_: Any) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate
        doc.page_state.update(self.state)


class StampedDoc(BaseDocTemplate):  # type: ignore[misc]
    """A4 document whose pages get furniture drawn by `furniture(canvas, doc)` at the end of each page."""

    def __init__(self, path: Path, furniture: Callable[[Canvas, StampedDoc], None], **kw: Any) -> None:
        super().__init__(str(path), pagesize=kw.pop("pagesize", A4), invariant=1, **kw)
        self.page_state: dict[str, Any] = {}
        self.furniture = furniture
        margin = kw.get("leftMargin", 20 * mm)
        frame = Frame(margin, 22 * mm, self.pagesize[0] - 2 * margin, self.pagesize[1] - 44 * mm, id="main")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._end)])

    def _end(self, canvas: Canvas, doc: StampedDoc) -> None:
        self.furniture(canvas, doc)
        # A stamp belongs to one page; the running numbering carries on.
        self.page_state.pop("stamp", None)


def soffice_pdf(source: Path, out: Path) -> None:
    """Print an HTML/ODT/DOCX source to PDF with LibreOffice Writer, as a Word user's 'Save as PDF' would."""
    profile = Path(tempfile.gettempdir()) / "quorate-corpus-soffice-profile"  # reused: the first run is slow
    infilter = ["--infilter=HTML (StarWriter)"] if source.suffix == ".html" else []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                *infilter,
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        produced = Path(tmp) / (source.stem + ".pdf")
        out.write_bytes(produced.read_bytes())


def html_page(title: str, body: str, css: str = "") -> str:
    """A Word-like HTML document: Liberation (Arial/Times-metric) fonts, A4 margins."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>' + title + "</title><style>\n"
        "@page { size: 21cm 29.7cm; margin: 2cm }\n"
        "body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt }\n"
        "td, th { vertical-align: top; font-size: 10.5pt }\n"
        "h1 { font-size: 16pt } h2 { font-size: 13pt }\n"
        + css
        + "</style></head><body>\n"
        + body
        + "\n</body></html>\n"
    )


def _widths_from_cols(html: str) -> str:
    """Move each table's <col width> list onto the cells of its first row."""

    def one(match: re.Match[str]) -> str:
        table = match.group(0)
        widths = re.findall(r'<col width="([^"]+)">', table)
        if not widths:
            return table
        table = re.sub(r"<col [^>]*>", "", table)
        head, sep, rest = table.partition("</tr>")
        cells = iter(widths)
        head = re.sub(r"<(td|th)( |>)", lambda m: f'<{m.group(1)} width="{next(cells, "")}"{m.group(2)}', head)
        return head + sep + rest

    return re.sub(r"<table.*?</table>", one, html, flags=re.S)


def build_html(stem: str, html: str) -> None:
    """Write source/html/STEM.html (kept in the repository) and print it to pdf/STEM.pdf."""
    source = SOURCE_DIR / "html" / f"{stem}.html"
    source.parent.mkdir(exist_ok=True)
    # Writer's HTML import ignores CSS vertical-align and <col>: put them on the cells, as Word's HTML does.
    html = html.replace("<td>", '<td valign="top">').replace("<td ", '<td valign="top" ')
    html = _widths_from_cols(html)
    source.write_text(html, encoding="utf-8")
    soffice_pdf(source, PDF_DIR / f"{stem}.pdf")


FILLER = (
    "This report sets out the background to the proposal, the options considered and the financial, legal and "
    "equalities implications. Members are asked to consider the recommendations in section 2 in the light of the "
    "consultation responses summarised in the appendix and the risks recorded in the corporate risk register. "
)
