"""Print each corpus document's score today, and with --write-floors set tests/corpus/floors.json to it.

usage: .venv/bin/python -m tests.corpus.measure [--write-floors]
Raising floors after the reader improves is the point; lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import json
import sys

from tests.corpus.scoring import EXTRA_CHECKS, FLOORS, REFUSED, a_little_lower, measured, pooled


def main(argv: list[str]) -> None:
    results = measured()
    for m in results:
        status = REFUSED if m.draft is None else f"{m.score.share:6.1%}"
        people = len(m.document.expected.get("people", []))
        actions = len(m.document.expected.get("actions", []))
        extra = f" people {m.people_right}/{people} actions {m.actions_right}/{actions}" if people or actions else ""
        for name in EXTRA_CHECKS:
            right, possible = getattr(m, name)
            extra += f" {name} {right}/{possible}" if possible else ""
        print(
            f"{m.document.key:62} {status:>8} {m.score.right:3}/{m.score.total:<3} spurious {m.score.spurious}{extra}"
        )
    print(f"pooled: {pooled(results):.1%} over {len(results)} documents")
    if "--write-floors" in argv:
        documents: dict[str, float | str] = {}
        for m in results:
            unreadable = m.document.expected.get("unreadable") or m.document.key.startswith("shared/horsley")
            refused_ok = m.draft is None and unreadable
            documents[m.document.key] = REFUSED if refused_ok else a_little_lower(m.score.share)
        floors = {
            "pooled": a_little_lower(pooled(results)),
            "documents": documents,
            "people": {m.document.key: m.people_right for m in results if "people" in m.document.expected},
            "actions": {m.document.key: m.actions_right for m in results if "actions" in m.document.expected},
            **{
                name: {m.document.key: getattr(m, name)[0] for m in results if getattr(m, name)[1]}
                for name in EXTRA_CHECKS
            },
        }
        FLOORS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {FLOORS}")


if __name__ == "__main__":
    main(sys.argv[1:])
