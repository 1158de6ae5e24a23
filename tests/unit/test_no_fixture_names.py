"""Nothing in app/ may name a person, body or place from a fixture: a reader that knows the corpus's names is
tuned to the corpus, not to packs it has never seen. The names come from tests/corpus/names.txt (curated from the
seeds, ../shared/corpus and tests/corpus) and from every "people" name and "body" in tests/corpus/expected."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
TITLES = re.compile(r"^(?:(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Revd|Sir|Dame)\.?\s+)+")
SOURCE_SUFFIXES = {".py", ".sql", ".txt", ".md", ".json", ".qss", ".html"}
# Names already in app/ when this test was written; each one removed must leave this list, and any new one fails.
# (The last, a body's initials among live_mode.py's body words, now come from the body's own name.)
KNOWN_ON_MAIN: dict[tuple[str, str], int] = {}


def fixture_names() -> set[str]:
    names = set()
    for line in (CORPUS / "names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names.add(line.strip())
    for expected in (CORPUS / "expected").glob("*.json"):
        data = json.loads(expected.read_text(encoding="utf-8"))
        if data.get("body"):
            names.add(data["body"])
        names.update(TITLES.sub("", p["name"]) for p in data.get("people", []))
    return names


def name_pattern(names: set[str]) -> re.Pattern[str]:
    # Longest first, so "Bell & Castle" is reported rather than a shorter name inside it.
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def app_sources() -> list[Path]:
    return sorted(p for p in (REPO / "app").rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)


def test_the_name_list_is_real() -> None:
    names = fixture_names()
    assert len(names) > 150 and "Brackenford" in names and "Rima Makarem" in names
    assert name_pattern(names).search("def read(pack):  # as Brackenford prints it") is not None
    assert name_pattern(names).search("Brackenfordshire and Borrettown") is None


def test_no_fixture_name_in_app() -> None:
    pattern = name_pattern(fixture_names())
    counts: Counter[tuple[str, str]] = Counter()
    lines: dict[tuple[str, str], list[str]] = {}
    for path in app_sources():
        relative = path.relative_to(REPO).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for match in pattern.finditer(line):
                counts[relative, match.group(0)] += 1
                lines.setdefault((relative, match.group(0)), []).append(f"{relative}:{number}: {line.strip()}")
    new = [line for key, n in counts.items() if n > KNOWN_ON_MAIN.get(key, 0) for line in lines[key]]
    assert not new, "fixture names in app/ (build for the general case, not for a fixture):\n" + "\n".join(new)
    gone = sorted(f"{path}: {name}" for (path, name), n in KNOWN_ON_MAIN.items() if counts[path, name] < n)
    assert not gone, "these names have left app/: take them out of KNOWN_ON_MAIN too:\n" + "\n".join(gone)
