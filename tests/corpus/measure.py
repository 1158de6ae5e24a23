"""Print each corpus document's score today, and with --write-floors set tests/corpus/floors.json to it.

usage: .venv/bin/python -m tests.corpus.measure [--write-floors] [--wrong-sure]
(--wrong-sure lists each wrong field presented as certain.)
Raising floors after the reader improves is the point; lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import json
import sys

from tests.corpus.scoring import EXTRA_CHECKS, FLOORS, REFUSED, Calibration, a_little_lower, measured, pooled


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
        extra += f" wrong-sure {m.calibration.wrong_sure}" if m.calibration.wrong_sure else ""
        print(
            f"{m.document.key:62} {status:>8} {m.score.right:3}/{m.score.total:<3} spurious {m.score.spurious}{extra}"
        )
    print(f"pooled: {pooled(results):.1%} over {len(results)} documents")
    total = sum((m.calibration for m in results), Calibration())
    print(
        f"calibration: {total.wrong_sure} of {total.wrong} wrong fields presented as certain "
        f"({total.fields} scored fields; {total.right_unsure} right fields marked uncertain)"
    )
    if "--wrong-sure" in argv:
        for m in results:
            for example in m.calibration.examples:
                print(f"  {m.document.key}: {example}")
    if "--write-floors" in argv:
        documents: dict[str, float | str] = {}
        for m in results:
            unreadable = m.document.expected.get("unreadable") or m.document.key.startswith("shared/horsley")
            refused_ok = m.draft is None and unreadable
            documents[m.document.key] = REFUSED if refused_ok else a_little_lower(m.score.share)
        floors = {
            "pooled": a_little_lower(pooled(results)),
            "documents": documents,
            # Ceilings, not floors: wrong fields presented as certain may only fall; right fields marked
            # uncertain may grow a little (honest doubt) but not without bound.
            "calibration": {
                "wrong_sure_at_most": total.wrong_sure,
                "right_unsure_at_most": total.right_unsure + max(5, total.right_unsure // 10),
            },
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
