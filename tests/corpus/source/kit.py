"""Producers and expected-JSON helpers for the second round of corpus documents (kinds.py and what follows).

A document is made by a real producer, not only ReportLab: LibreOffice Writer (HTML, .docx), Chromium's headless
print (Skia/PDF, what Google Docs and web apps give), pdfLaTeX and Typst. Each generator writes the source it
prints (kept beside this file) and the expected JSON from the same data, so the two cannot drift apart.

Every name, body and place in the corpus is invented.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Out:
    """Where one batch of documents goes (the repository's corpus, or a held-out directory)."""

    root: Path
    source: Path

    @property
    def pdf(self) -> Path:
        return self.root / "pdf"

    @property
    def text(self) -> Path:
        return self.root / "text"

    @property
    def expected(self) -> Path:
        return self.root / "expected"

    def make_dirs(self) -> None:
        for path in (self.pdf, self.text, self.expected, self.source):
            path.mkdir(parents=True, exist_ok=True)


CORPUS_OUT = Out(HERE.parent, HERE)


# --- the expected files -------------------------------------------------------------------------------------------


def hhmm(printed: str) -> str:
    """A printed time ("10.00am", "2.30 pm", "14.30", "10:00 - 10:15", "7pm") as 24-hour HH:MM (the start)."""
    match = re.search(r"(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", printed.lower())
    assert match, printed
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) and match.group(3).startswith("p") and hour < 12:
        hour += 12
    if match.group(3) and match.group(3).startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


@dataclass
class Item:
    """An agenda item (or minute heading) as printed. `time` and `lead` are as printed; `presenter` is the name a
    careful reader takes as the presenter (defaults to `lead`); `score_lead=False` leaves it out of the expected
    file (e.g. a lead the document does not print as a presenter)."""

    number: str
    title: str
    time: str = ""
    lead: str = ""
    presenter: str | None = None
    purpose: str = ""
    paper: str = ""
    part: int = 1
    printed_pages: tuple[int, int] | None = None
    pdf_pages: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def expected(self) -> dict[str, Any]:
        out: dict[str, Any] = {"number": self.number, "title": self.title}
        if self.time:
            out["time"] = hhmm(self.time)
        presenter = self.lead if self.presenter is None else self.presenter
        if presenter:
            out["presenter"] = presenter
        if self.lead and self.lead != presenter:
            out["lead_as_printed"] = self.lead
        if self.purpose:
            out["purpose"] = self.purpose
        if self.paper:
            out["paper"] = self.paper
        if self.part == 2:
            out["part"] = 2
        if self.printed_pages:
            out["printed_pages"] = list(self.printed_pages)
        if self.pdf_pages:
            out["pdf_pages"] = list(self.pdf_pages)
        out.update(self.extra)
        return out


def person(name: str, category: str, role: str = "", initials: str = "", **extra: str) -> dict[str, str]:
    assert category in {"present", "deputising", "in_attendance", "apologies"}, category
    out = {"name": name, "category": category}
    if role:
        out["role"] = role
    if initials:
        out["initials"] = initials
    out.update(extra)
    return out


def action(number: str, owner: str, text: str, **extra: str) -> dict[str, str]:
    return {"number": number, "owner": owner, "text": text, **extra}


def write_expected(out: Out, stem: str, expected: dict[str, Any]) -> None:
    """expected/STEM.json in the shape of ../shared/corpus/expected, checked for what the scorer needs."""
    items = expected["items"]
    for item in items:
        number = item["number"]
        # The scorer strips trailing dots and spaces from the numbers it finds but not from expected ones.
        assert number == number.rstrip(".: ") and " " not in number, (stem, number)
        assert item["title"] == item["title"].strip() and "  " not in item["title"], (stem, item["title"])
    numbers = [i["number"] for i in items if i["number"]]
    assert len(numbers) == len({n.lower() for n in numbers}), f"{stem}: numbers must be unique for the scorer"
    assert expected["kind"] in {"agenda", "minutes", "pack"}
    out.expected.mkdir(parents=True, exist_ok=True)
    path = out.expected / f"{stem}.json"
    path.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# --- producers ----------------------------------------------------------------------------------------------------

# Fixed dates make pdfTeX's and Typst's output reproducible (LibreOffice and Chromium stamp the time regardless).
REPRODUCIBLE_ENV = {"SOURCE_DATE_EPOCH": "1735689600", "FORCE_SOURCE_DATE": "1"}


def keep_source(out: Out, name: str, text: str | bytes) -> Path:
    """Write a printed document's source beside the generators (html/, tex/, typ/, docx/) and return its path."""
    folder = out.source / Path(name).suffix.lstrip(".")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def soffice_pdf(source: Path, pdf: Path) -> None:
    """Print an HTML/ODT/DOCX source with LibreOffice Writer, as a Word user's 'Save as PDF' would."""
    profile = Path(tempfile.gettempdir()) / "quorate-corpus-soffice-profile"  # reused: the first run is slow
    infilter = ["--infilter=HTML (StarWriter)"] if source.suffix == ".html" else []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *infilter,
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(source)],
            check=True, capture_output=True,
        )  # fmt: skip
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes((Path(tmp) / (source.stem + ".pdf")).read_bytes())


def chromium_pdf(source: Path, pdf: Path) -> None:
    """Print an HTML source with headless Chromium (Producer "Skia/PDF"), the engine behind Google Docs' and most
    web apps' PDF export. No header or footer: pages carry only what the HTML draws."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    assert browser, "Chromium is needed: apt-get install chromium"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
             source.resolve().as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


def latex_pdf(source: Path, pdf: Path) -> None:
    """Typeset a .tex source with pdfLaTeX (twice, for page references), reproducibly."""
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(2):
            subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"-output-directory={tmp}", str(source)],
                check=True, capture_output=True, env={**os.environ, **REPRODUCIBLE_ENV},
            )  # fmt: skip
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes((Path(tmp) / (source.stem + ".pdf")).read_bytes())


def typst_pdf(source: Path, pdf: Path) -> bool:
    """Compile a .typ source with Typst: the `typst` CLI, or the Python package `typst` in the interpreter named
    by $TYPST_PYTHON (pip install typst into a scratch venv). Returns False (the committed PDF stays) when neither
    is there."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **REPRODUCIBLE_ENV}
    if shutil.which("typst"):
        subprocess.run(["typst", "compile", str(source), str(pdf)], check=True, env=env)
        return True
    python = os.environ.get("TYPST_PYTHON")
    if python:
        code = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])"
        subprocess.run([python, "-c", code, str(source), str(pdf)], check=True, env=env)
        return True
    print(f"  (no typst: {pdf.name} left as it is; set TYPST_PYTHON to a python with `pip install typst`)")
    return False


def add_outline(pdf: Path, entries: list[tuple[str, int, int]]) -> None:
    """Give a PDF bookmarks: (title, 0-based page, level) in order, level 0 at the top."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    parents: list[Any] = []
    for title, page, level in entries:
        parent = parents[level - 1] if level else None
        node = writer.add_outline_item(title, page, parent=parent)
        del parents[level:]
        parents.append(node)
    writer.page_mode = "/UseOutlines"
    with pdf.open("wb") as handle:
        writer.write(handle)


def page_count(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def pages_with(pdf: Path, needle: str) -> list[int]:
    """1-based pages whose text contains `needle` (pypdf's extraction: enough to find a stamp or a heading)."""
    reader = PdfReader(pdf)
    return [n for n, page in enumerate(reader.pages, 1) if needle in (page.extract_text() or "")]
