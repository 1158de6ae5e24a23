"""Print candidate proper names for tests/corpus/names.txt (review them by hand before adding: keep surnames and
body or place names, drop common words). Sources: the seeds' attendance tables and register of interests,
../shared/corpus expected titles, and tests/corpus expected people and bodies."""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"


def main() -> None:
    names: set[str] = set()
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            # "Name<TAB>Role<TAB>Initials" rows of a minutes attendance table
            if len(cells) >= 3 and re.fullmatch(r"[A-Z][A-Za-z]{1,3}", cells[2].strip()):
                names.add(re.sub(r"\s*\(.*?\)", "", cells[0]).strip())
            # "Surname<TAB>Forename<TAB>Position" rows of the register of interests
            if len(cells) > 4 and re.fullmatch(r"[A-Z][a-z'-]+", cells[0]) and re.fullmatch(r"[A-Z][a-z ]+", cells[1]):
                names.add(f"{cells[1]} {cells[0]}")
    for expected in sorted((SHARED / "corpus" / "expected").glob("*.json")):
        for item in json.loads(expected.read_text(encoding="utf-8"))["items"]:
            names.update(re.findall(r"(?:[A-Z][\w'’&]+(?:\s+|$)){2,}|[A-Z]{3,}\b", item["title"]))
    for expected in sorted((REPO / "tests" / "corpus" / "expected").glob("*.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        names.add(data.get("body", ""))
        names.update(p["name"] for p in data.get("people", []))
    for name in sorted(n.strip() for n in names if n.strip()):
        print(name)


if __name__ == "__main__":
    main()
