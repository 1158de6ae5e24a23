"""A long pack's pages are read by two processes at once, with exactly the text one process reads alone."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from app import packs
from app.bench import build_pdf_pack
from app.packs import pdf


@pytest.fixture(scope="module")
def long_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_pdf_pack(tmp_path_factory.mktemp("pack") / "pack-80.pdf", pages=80)


def test_shared_reading_gives_the_same_pack_as_reading_alone(long_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = packs.read_pack(long_pack)
    assert pdf._pool is not None, "an 80-page pack should have been shared with the helper process"
    monkeypatch.setattr(pdf, "PARALLEL_FROM_PAGES", 10**9)
    alone = packs.read_pack(long_pack)
    assert shared.pages == alone.pages and len(shared.pages) == 80
    assert shared.items == alone.items


class _DeadHelper:
    """Stands in for a helper process that died: every job fails."""

    def submit(self, *_args: Any, **_kwargs: Any) -> Future[list[str]]:
        future: Future[list[str]] = Future()
        future.set_exception(OSError("the helper process died"))
        return future


def test_a_dead_helper_process_means_reading_alone(long_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "PARALLEL_FROM_PAGES", 10**9)
    expected = packs.read_pack(long_pack).pages
    monkeypatch.setattr(pdf, "PARALLEL_FROM_PAGES", 8)
    monkeypatch.setattr(pdf, "_text_pool", lambda: _DeadHelper())
    monkeypatch.setattr(pdf, "_pool_broken", False)
    assert packs.read_pack(long_pack).pages == expected
    assert pdf._pool_broken  # and later packs are read alone from the start
