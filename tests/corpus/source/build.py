"""Regenerate the corpus: `.venv/bin/python tests/corpus/source/build.py [STEM...]`.

Writes tests/corpus/pdf/*.pdf (and text/*), and tests/corpus/expected/*.json from the same data, so what is
printed and what is expected cannot drift apart. Needs LibreOffice (`soffice`) for the Word-style documents.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import layouts
import minutes
import moderngov
import more
import round2_agendas
import round2_minutes
import round3_councils
import round3_nhs
import round3_societies
import round4_civic
import round4_community
import round4_health
import round4_trusts
import round4h_groups
import round4h_mechanics
import round4h_public
import text_docs
import wordstyle

DOCUMENTS = [
    *moderngov.DOCUMENTS,
    *wordstyle.DOCUMENTS,
    *minutes.DOCUMENTS,
    *layouts.DOCUMENTS,
    *text_docs.DOCUMENTS,
    *more.DOCUMENTS,
    *round2_agendas.DOCUMENTS,
    *round2_minutes.DOCUMENTS,
    *round3_councils.DOCUMENTS,
    *round3_nhs.DOCUMENTS,
    *round3_societies.DOCUMENTS,
    *round4_civic.DOCUMENTS,
    *round4_health.DOCUMENTS,
    *round4_trusts.DOCUMENTS,
    *round4_community.DOCUMENTS,
    *round4h_public.DOCUMENTS,
    *round4h_groups.DOCUMENTS,
    *round4h_mechanics.DOCUMENTS,
]


def main(wanted: list[str]) -> None:
    for make in DOCUMENTS:
        if not wanted or any(w in make.__name__ for w in wanted):
            print("building", make.__name__)
            make()


if __name__ == "__main__":
    main(sys.argv[1:])
