"""`import` end to end on hostile inputs: special files, a Flate bomb, deep outlines, 100,000 text operators,
a 50 MB text pack and mutated packs (issue 17); a page of two million text operators is a strict xfail below.

Every read must end within 30 s and 1 GB on its own: a read the helper's budget had to stop fails the test
(the budget is what keeps the window safe, not a way to pass).

Each input goes through what `quorate import` runs: the pack read in the helper process under its time and memory
budget (app/packs/limits.py), then saved. It must either import or be refused with one sentence, and a refusal
must leave the database exactly as it was (meetings, audit head, library files). The test process itself is never
at risk: the reader runs in the helper, which is killed at the budget.

Short run: the special inputs and 10 mutants of each kind. QUORATE_LONG=1: 1,000 of each, figures printed.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest

from app import commands
from app.bench import build_pdf_pack
from app.packs import PackError
from app.packs.limits import Budget, ReadUsage, read_pack_bounded
from app.storage import Store
from tests.conftest import DEMO_PACK
from tests.fault.harness import scale
from tests.fuzz.mutate import (
    flate_bomb_pdf,
    long_agenda_text,
    pdf_mutant,
    raw_deep_outline_pdf,
    text_mutant,
    text_operators_pdf,
)

BUDGET = Budget(seconds=30.0, memory_bytes=1 << 30)  # the bounds: 30 s and 1 GB an input
# The refusals that mean the budget stopped a read: the input would have gone past 30 s or 1 GB without it.
BUDGET_STOPS = ("took longer than", "needed more than", "the pack reader stopped")


def _hostile(folder: Path) -> list[Path]:
    fifo = folder / "fifo.pdf"
    os.mkfifo(fifo)
    to_zero = folder / "zero.pdf"
    to_zero.symlink_to("/dev/zero")
    big_text = folder / "fifty-mb.txt"
    big_text.write_bytes(DEMO_PACK.read_bytes() * (50 * 1024 * 1024 // DEMO_PACK.stat().st_size + 1))
    return [
        Path("/dev/zero"),
        Path("/dev/urandom"),
        fifo,
        to_zero,
        folder,
        big_text,
        flate_bomb_pdf(folder / "bomb.pdf", inflated=scale(256, 1024) << 20),
        raw_deep_outline_pdf(folder / "deep-100000.pdf", depth=100_000),
        text_operators_pdf(folder / "operators.pdf", count=100_000),  # two million: the xfail below
    ]


def _mutants(folder: Path) -> list[Path]:
    pdf_seeds = [build_pdf_pack(folder / "seed.pdf", pages=12).read_bytes()]
    text_seed = "\n".join(DEMO_PACK.read_text(encoding="utf-8").splitlines()[:300]).encode("utf-8")
    out = []
    for n in range(scale(10, 1000)):
        pdf, text = folder / f"pdf-{n}.pdf", folder / f"text-{n}.txt"
        pdf.write_bytes(pdf_mutant(pdf_seeds, n))
        text.write_bytes(text_mutant(text_seed, n))
        out += [pdf, text]
    return out


def _snapshot(store: Store, data: Path) -> tuple[int, str, list[str]]:
    library = sorted(p.name for p in data.rglob("*") if p.is_file() and not p.name.startswith("quorate.db"))
    return len(store.meetings()), store.audit_head(), library


def test_import_end_to_end_refuses_hostile_input_without_a_write(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    inputs = _hostile(corpus) + _mutants(corpus)
    data = tmp_path / "data"
    store = Store.open(data / "quorate.db")
    outcomes: Counter[str] = Counter()
    peak = 0
    over_budget: list[str] = []  # reads the budget had to stop, or that went past 30 s or 1 GB
    problems: list[str] = []
    timings: list[tuple[float, str]] = []
    for path in inputs:
        before = _snapshot(store, data)
        started = time.perf_counter()
        used: list[ReadUsage] = []
        try:
            commands.accept_reviewed(store, read_pack_bounded(path, budget=BUDGET, measured=used.append))
            outcomes["imported"] += 1
        except PackError as exc:
            message = str(exc)
            outcomes["refused"] += 1
            if any(stop in message for stop in BUDGET_STOPS):
                over_budget.append(f"{path.name}: {message}")
            if "\n" in message or not message.endswith("."):
                problems.append(f"{path.name}: not one sentence: {message!r}")
            if _snapshot(store, data) != before:
                problems.append(f"{path.name}: refused ({message}) but the database or library changed")
        except Exception as exc:  # the finding: a traceback where a sentence belongs
            outcomes["crashed"] += 1
            problems.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:2000]}")
        seconds = time.perf_counter() - started
        peak = max([peak, *(u.peak_bytes for u in used)])
        if seconds > BUDGET.seconds or any(u.peak_bytes > BUDGET.memory_bytes for u in used):
            over_budget.append(f"{path.name}: {seconds:.1f} s, {max((u.peak_bytes for u in used), default=0) >> 20} MB")
        timings.append((seconds, path.name))
    assert store.integrity_ok() and store.verify_audit_chain() == []
    store.close()
    print(
        f"\nfuzz import: {len(inputs)} inputs, {dict(outcomes)}, "
        f"peak helper memory {peak >> 20} MB, {len(over_budget)} over 30 s or 1 GB {over_budget[:5]}; slowest "
        + ", ".join(f"{name} {seconds:.1f} s" for seconds, name in sorted(timings, reverse=True)[:5])
    )
    assert not problems, f"{len(problems)} problems; the first: {problems[0]}"
    assert not over_budget, f"{len(over_budget)} reads went to the budget's edge; the first: {over_budget[0]}"
    assert outcomes["imported"] > 0 and outcomes["refused"] >= 9


@pytest.mark.guards_h1_reader
def test_a_1_2_mb_mutated_text_pack_is_read_within_30_seconds(tmp_path: Path) -> None:
    seed = "\n".join(DEMO_PACK.read_text(encoding="utf-8").splitlines()[:300]).encode("utf-8")
    pack = long_agenda_text(tmp_path / "long-agenda.txt", seed)
    assert 1_100_000 < pack.stat().st_size < 1_300_000
    try:
        read_pack_bounded(pack, budget=Budget(seconds=30.0))
    except PackError as exc:
        assert "took longer" not in str(exc), str(exc)


@pytest.mark.guards_h1_reader
@pytest.mark.xfail(
    reason="GUARD for the reader: a page drawing two million characters is read character by character (about "
    "90 s here) and only the helper's time budget stops it; a per-page limit in app/packs/pdf.py and layout.py "
    "(count the page's characters before reading them) would refuse it in a few seconds. Strict: XPASSes once so",
    strict=True,
)
def test_a_page_of_two_million_text_operators_is_refused_within_30_seconds(tmp_path: Path) -> None:
    pack = text_operators_pdf(tmp_path / "operators.pdf", count=2_000_000)
    with pytest.raises(PackError) as refused:
        read_pack_bounded(pack, budget=Budget(seconds=30.0, memory_bytes=1 << 30))
    assert not any(stop in str(refused.value) for stop in BUDGET_STOPS), str(refused.value)
