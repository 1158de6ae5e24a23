"""Page text beyond the agenda comes from PDFium, with pypdf as the fallback: both give the same pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bench import build_pdf_pack
from app.packs import pdf as pdf_module
from app.packs import read_pack
from app.packs import reader as reader_module


def test_pdfium_and_pypdf_give_the_same_agenda_and_page_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = build_pdf_pack(tmp_path / "pack.pdf", pages=40)
    fast = read_pack(pack)
    monkeypatch.setattr(reader_module, "fast_page_texts", lambda *args, **kwargs: None)
    slow = read_pack(pack)
    assert [(i.number, i.first_page, i.last_page) for i in fast.items] == [
        (i.number, i.first_page, i.last_page) for i in slow.items
    ]
    assert len(fast.pages) == len(slow.pages) == 40

    def words(text: str) -> list[str]:
        return text.split()

    assert all(words(a) == words(b) for a, b in zip(fast.pages[8:], slow.pages[8:], strict=True))


def test_pdfium_failure_is_reported_as_none_not_raised() -> None:
    assert pdf_module.fast_page_texts(b"%PDF-1.7 not really", 0, 3, "x.pdf", None, None) is None
