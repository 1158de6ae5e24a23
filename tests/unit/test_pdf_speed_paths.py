"""The fast paths of the pack readers give what the plain paths give: cells, norm, table scans, PDFium text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from app import paths
from app.bench import build_pdf_pack
from app.packs import agenda, tables
from app.packs.pdf import fast_page_texts

_LINES = [
    "",
    "   ",
    "Plain prose with one space between words.",
    "Two  spaces split",
    "Tab\tseparated\tcells",
    "| Name | Role | Interest |",
    "a | b",
    "**Bold** title  Note",
    "a ** b",
    "a **** b",
    "*",
    "* bullet",
    "- 11:05 **7.1 BLMK Quality** Note",
    "Fish &amp; chips&nbsp;&nbsp;here",
    "A<br>B<td>C</td>",
    "Cost \u00a3\u00a06.7m \u2013 \u201cquoted\u201d",
    "Non\u2003\u2003breaking em spaces",
    "form\x0c\x0cfeed and \x0b vertical",
    "Name\x1f\x1fRole",
    "Trailing spaces   ",
    "   Leading spaces",
]
_NORM = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2013": "-"})
_NORM.update(str.maketrans({"\u2014": "-", "\u2212": "-", "\u2022": "-"}))


def _cells_plain(line: str) -> list[str]:
    line = html.unescape(agenda._TAG.sub("", agenda._BLOCK_TAG.sub("\t", line)))
    line = agenda._BULLET.sub("", line)
    return [c.strip(" |") for c in agenda._CELL_SPLIT.split(line) if c.strip(" |*")]


def _columns_plain(line: str) -> list[str]:
    line = html.unescape(tables._TAG.sub(" ", line)).replace("**", "")
    if "\t" in line:
        parts = line.split("\t")
    elif line.count("|") >= 2:
        parts = line.strip().strip("|").split("|")
    else:
        parts = re.split(r"\s{2,}", line.strip())
    return [" ".join(p.split()) for p in parts]


def _demo_lines() -> list[str]:
    return paths.demo_pack().read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("line", _LINES)
def test_cells_norm_and_columns_match_the_plain_versions(line: str) -> None:
    assert agenda.cells(line) == _cells_plain(line)
    assert agenda.norm(line) == line.translate(_NORM)
    assert tables.columns(line) == _columns_plain(line)
    if len(_columns_plain(line)) > 1:
        assert tables._may_split_raw(line) and tables._may_split(tables._clean(line))


def test_cells_and_norm_match_on_every_demo_line() -> None:
    for line in _demo_lines():
        assert agenda.cells(line) == _cells_plain(line)
        assert agenda.norm(line) == line.translate(_NORM)
        if len(_columns_plain(line)) > 1:  # the quick test never drops a line that has columns
            assert tables._may_split_raw(line)


def test_prepared_lines_find_the_same_tables_as_plain_lines() -> None:
    lines = _demo_lines()
    prepared = tables.TableLines(lines)
    assert prepared.candidates  # the demo pack has a register, an action tracker and a planner
    assert tables.find_interests(prepared) == tables.find_interests(list(lines))
    assert tables.find_actions(prepared) == tables.find_actions(list(lines))
    assert tables.find_planner(prepared) == tables.find_planner(list(lines))
    assert len(tables.find_interests(prepared)) > 10


def test_raw_pdfium_text_matches_the_pypdfium2_helpers(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pack = build_pdf_pack(tmp_path / "pack.pdf", pages=12)
    data = pack.read_bytes()
    document = pdfium.PdfDocument(data)
    expected = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        expected.append(textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n"))
        textpage.close()
        page.close()
    document.close()
    done: list[int] = []
    assert fast_page_texts(data, 3, 12, "pack.pdf", lambda d, t: done.append(d), None) == expected[3:]
    assert done == list(range(4, 13))
