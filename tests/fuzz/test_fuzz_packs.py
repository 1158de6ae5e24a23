"""Fuzzing the pack readers: damaged PDFs and text packs through what `quorate agenda` runs.

Seeded mutants (tests/fuzz/mutate.py: truncation, byte flips, spliced chunks, page sizes up to 1e30, broken
counts, lengths, references and cross-reference tables, a 400-level outline, a 200-inch page, wrong encodings,
megabyte lines, odd Unicode) are read in forked children of tests/fuzz/pack_driver.py, two at a time, each within
a time bound. Every input must either read (an agenda, however odd) or be refused with a PackError whose
message is one plain sentence; nothing may crash, hang or die. A few also go through the real command line.

Short run: 100 PDFs and 100 text packs. QUORATE_LONG=1: 1,000 of each, figures printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bench import build_pdf_pack
from tests.conftest import DEMO_PACK
from tests.fault.harness import REPO, scale
from tests.fuzz.mutate import deep_outline_pdf, huge_page_pdf, pdf_mutant, text_mutant

TIME_BOUND = 30.0  # seconds per input: generous for a shared machine; a hang is far beyond it
WORKERS = 2


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("fuzz-packs")
    pdf_seeds = [
        build_pdf_pack(folder / "seed-bookmarked.pdf", pages=12).read_bytes(),
        deep_outline_pdf(folder / "seed-deep-outline.pdf").read_bytes(),
        huge_page_pdf(folder / "seed-huge-page.pdf").read_bytes(),
    ]
    text_seed = "\n".join(DEMO_PACK.read_text(encoding="utf-8").splitlines()[:300]).encode("utf-8")
    (folder / "seed-text.txt").write_bytes(text_seed)
    count = scale(100, 1000)
    paths = []
    for n in range(count):
        pdf = folder / f"pdf-{n}.pdf"
        pdf.write_bytes(pdf_mutant(pdf_seeds, n))
        text = folder / f"text-{n}.txt"
        text.write_bytes(text_mutant(text_seed, n))
        paths += [pdf, text]
    return paths


def _drive(paths: list[Path], results: list[dict[str, object]]) -> None:
    seeds = [str(p) for p in sorted(paths[0].parent.glob("seed-*"))]
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.fuzz.pack_driver", str(TIME_BOUND), *seeds],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert driver.stdin is not None and driver.stdout is not None
    try:
        assert driver.stdout.readline().strip() == "ready"
        for path in paths:
            driver.stdin.write(f"{path}\n")
            driver.stdin.flush()
            line = driver.stdout.readline()
            if not line:
                results.append({"path": str(path), "result": "driver died"})
                return
            results.append(json.loads(line))
    finally:
        driver.stdin.close()
        driver.wait(timeout=60)
        driver.stdout.close()


@pytest.fixture(scope="module")
def results(mutants: list[Path]) -> list[dict[str, object]]:
    shares: list[list[dict[str, object]]] = [[] for _ in range(WORKERS)]
    threads = [threading.Thread(target=_drive, args=(mutants[w::WORKERS], shares[w])) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = [r for share in shares for r in share]
    assert len(found) == len(mutants)
    kinds = Counter(str(r["result"]) for r in found)
    slowest = max(float(str(r.get("seconds", 0))) for r in found)
    peak = max(int(str(r.get("peak_mb", 0))) for r in found)
    print(
        f"\nfuzz packs: {len(found)} inputs, {dict(kinds)}, slowest {slowest:.2f} s (bound {TIME_BOUND:.0f} s), "
        f"peak memory {peak} MB"
    )
    return found


def _problems(results: list[dict[str, object]]) -> Iterator[str]:
    for r in results:
        if r["result"] not in ("ok", "pack_error"):
            yield f"{r['path']}: {r['result']} {r.get('message', '')}\n{r.get('traceback', '')}"


def test_no_input_crashes_hangs_or_kills_the_reader(results: list[dict[str, object]]) -> None:
    problems = list(_problems(results))
    assert not problems, f"{len(problems)} inputs failed; the first:\n{problems[0]}"


def test_no_input_takes_more_than_a_gigabyte(results: list[dict[str, object]]) -> None:
    """The issue's bound: a reader's peak resident memory stays under 1 GB for every input (the child's address
    space may go to 3 GB, so a greedier reader shows here before it is killed)."""
    greedy = [f"{r['path']}: {r['peak_mb']} MB" for r in results if int(str(r.get("peak_mb", 0))) > 1024]
    assert not greedy, greedy


def test_every_refusal_is_one_plain_sentence(results: list[dict[str, object]]) -> None:
    for r in results:
        if r["result"] != "pack_error":
            continue
        message = str(r["message"])
        assert r["type"] in ("PackError", "PackFileError"), r
        assert "\n" not in message and "Traceback" not in message, r
        assert message.endswith("."), r
        assert message[:1].isupper() or message.startswith(Path(str(r["path"])).name), r
        assert len(message) < 400, r


def test_both_kinds_of_input_are_exercised(results: list[dict[str, object]]) -> None:
    """The mutants are not all refused at the door: some still read, some are refused for what is inside."""
    by_kind = Counter((Path(str(r["path"])).suffix, r["result"]) for r in results)
    for suffix in (".pdf", ".txt"):
        assert by_kind[(suffix, "ok")] > 0 and by_kind[(suffix, "pack_error")] > 0, by_kind
    messages = {str(r["message"]).split(": ")[0].split(" ", 1)[-1] for r in results if r["result"] == "pack_error"}
    assert len(messages) >= 3  # several distinct reasons, not one catch-all


def test_the_command_line_gives_one_sentence_for_damaged_packs(mutants: list[Path], tmp_path: Path) -> None:
    for path in mutants[:2]:
        result = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "agenda", str(path), "--json"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode in (0, 2), result.stderr
        if result.returncode == 2:
            assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("quorate: "), result.stderr
            assert result.stdout == ""
        else:
            assert json.loads(result.stdout)["items"] is not None
