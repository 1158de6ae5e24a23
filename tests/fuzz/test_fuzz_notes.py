"""Mutated notes exchange files through `import_notes_json` (issue 17): each imports or is refused in one sentence,
and a refusal changes nothing.

Mutants of a real export: values swapped for hostile ones (Infinity, NaN, 1e400, 2**63, strings for numbers,
lists and objects for strings, lone surrogates, deep nesting), byte flips and truncation. Short run: 150 files;
QUORATE_LONG=1: 1,000, figures printed.
"""

from __future__ import annotations

import random
import re
import resource
import shutil
import time
from collections import Counter
from pathlib import Path

from app import commands
from app.commands import notes
from app.domain.annotations import AnnotationKind
from app.storage import Store
from tests.fault.harness import scale
from tests.gui.test_reader import build_pack

HOSTILE = [
    b"Infinity",
    b"-Infinity",
    b"NaN",
    b"1e400",
    b"-1e400",
    b"9223372036854775808",
    b"-1",
    b"0",
    b'"3"',
    b"[3]",
    b'{"a": 1}',
    b"null",
    b"true",
    b'"\\ud800"',
    b'"\\udfff x"',
    b"[" * 5000 + b"]" * 5000,
    b'"' + b"x" * 300_000 + b'"',
]
VALUE = re.compile(rb'(?<=: )(?:-?\d[\d.e+-]*|"(?:[^"\\]|\\.)*"|true|false|null)')


def _mutant(rng: random.Random, data: bytes) -> bytes:
    choice = rng.randrange(4)
    if choice == 0:  # hostile values in place of some real ones
        values = list(VALUE.finditer(data))
        chosen = rng.sample(values, min(len(values), rng.choice((1, 2, 5))))
        out, last = [], 0
        for match in sorted(chosen, key=lambda m: m.start()):
            out += [data[last : match.start()], rng.choice(HOSTILE)]
            last = match.end()
        return b"".join([*out, data[last:]])
    if choice == 1:
        return data[: rng.randrange(1, len(data))]
    flipped = bytearray(data)
    for _ in range(rng.choice((1, 4, 32))):
        flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
    return bytes(flipped)


def _count(store: Store) -> tuple[int, str]:
    return int(store.conn.execute("SELECT count(*) FROM annotation").fetchone()[0]), store.audit_head()


def test_mutated_notes_files_import_or_are_refused_in_a_sentence(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a" / "quorate.db")
    meeting = commands.import_pack(store, build_pack(tmp_path / "pack.pdf"))
    assert meeting.id is not None
    for page in (2, 3, 5):
        notes.annotate(
            store, meeting.id, "Jane", AnnotationKind.NOTE, page, rects=((10.0, 20.0, 10.0, 20.0),), note=f"p{page}?"
        )
    good = notes.export_notes_json(store, meeting.id, "Jane", tmp_path / "good.json").read_bytes()
    other = Store.open(tmp_path / "b" / "quorate.db")
    same = tmp_path / "same.pdf"
    shutil.copy(tmp_path / "pack.pdf", same)
    target = commands.import_pack(other, same).id
    assert target is not None
    rng = random.Random(17)
    outcomes: Counter[str] = Counter()
    problems = []
    slowest = 0.0
    for n in range(scale(150, 1000)):
        path = tmp_path / f"notes-{n}.json"
        path.write_bytes(_mutant(rng, good))
        before = _count(other)
        started = time.perf_counter()
        try:
            notes.import_notes_json(other, target, path)
            outcomes["imported"] += 1
        except notes.AnnotationFileError as exc:
            outcomes["refused"] += 1
            message = str(exc)
            if "\n" in message or not message.endswith("nothing was imported.") or len(message) > 400:
                problems.append(f"{path.name}: {message!r}")
            if _count(other) != before:
                problems.append(f"{path.name}: refused but changed the database")
        except Exception as exc:  # the finding: a traceback where a sentence belongs
            outcomes["crashed"] += 1
            problems.append(f"{path.name}: {type(exc).__name__}: {exc}"[:500])
        slowest = max(slowest, time.perf_counter() - started)
    assert other.integrity_ok() and other.verify_audit_chain() == []
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # the whole test process, so an upper bound
    print(f"\nfuzz notes: {sum(outcomes.values())} files, {dict(outcomes)}, slowest {slowest:.2f} s, peak {peak} MB")
    store.close()
    other.close()
    assert not problems, f"{len(problems)} problems; the first: {problems[0]}"
    assert outcomes["refused"] > 0 and outcomes["imported"] > 0
    assert slowest < 30.0
