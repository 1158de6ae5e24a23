"""Every corpus document (../shared/corpus and tests/corpus) read as `quorate agenda --json` reads it and scored by
../shared/tools/agenda_score.py; each must stay at or above its floor in floors.json, and so must the pooled
score, the people found in minutes and the actions. Floors are today's figures: raise them as the reader improves
(`python -m tests.corpus.measure --write-floors` prints and writes what it measures)."""

from __future__ import annotations

from typing import Any

import pytest

from app.bench import CORPUS_DIRS, SCORER, corpus_documents
from tests.corpus.scoring import EXTRA_CHECKS, REFUSED, Calibration, Measured, floors, measured, pooled

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"the scorer {SCORER} is not beside this checkout")

DOCUMENTS = [d.key for d in corpus_documents()]


def _result(key: str) -> Measured:
    found = {m.document.key: m for m in measured()}
    if key not in found:
        pytest.skip(f"{key}: the document is not present")
    return found[key]


def _floor(section: str, key: str) -> Any:
    table = floors()[section]
    assert key in table, f"{key} has no {section} floor in tests/corpus/floors.json: measure it and add one"
    return table[key]


@pytest.mark.parametrize("key", DOCUMENTS)
def test_agenda_stays_above_its_floor(key: str) -> None:
    result = _result(key)
    floor = _floor("documents", key)
    if floor == REFUSED:
        assert result.draft is None, (
            f"{key} is unreadable and must be refused, but {len(result.draft.items)} items were read"
        )
        return
    assert result.score.share >= floor, (
        f"{key}: {result.score.right}/{result.score.total} ({result.score.share:.1%}) is below its floor {floor:.0%}; "
        f"{result.score.spurious} spurious; wrong: {result.score.wrong}"
    )


def test_pooled_score_stays_above_its_floor() -> None:
    results = measured()
    assert results, "no corpus document was found"
    assert pooled(results) >= floors()["pooled"], f"pooled {pooled(results):.1%} < floor {floors()['pooled']:.0%}"


@pytest.mark.parametrize("key", [d.key for d in corpus_documents() if "people" in d.expected])
def test_people_found_in_minutes(key: str) -> None:
    result = _result(key)
    expected = len(result.document.expected["people"])
    assert result.people_right >= _floor("people", key), f"{key}: {result.people_right}/{expected} people right"


@pytest.mark.parametrize("key", [d.key for d in corpus_documents() if "actions" in d.expected])
def test_actions_found_in_minutes(key: str) -> None:
    result = _result(key)
    expected = len(result.document.expected["actions"])
    assert result.actions_right >= _floor("actions", key), f"{key}: {result.actions_right}/{expected} actions right"


@pytest.mark.parametrize(
    ("check", "key"), [(c, m.document.key) for m in measured() for c in EXTRA_CHECKS if getattr(m, c)[1]]
)
def test_meeting_pages_and_parts(check: str, key: str) -> None:
    """The meeting's body/title/date/time/venue, items' PDF pages behind unnumbered front sheets, and Part II."""
    right, possible = getattr(_result(key), check)
    assert right >= _floor(check, key), f"{key}: {check} {right}/{possible} right"


def test_every_floor_names_a_document() -> None:
    """A floor for a renamed or deleted document would quietly guard nothing."""
    present = set(DOCUMENTS)
    shared_missing = not CORPUS_DIRS["shared"].is_dir()
    for section in ("documents", "people", "actions", *EXTRA_CHECKS):
        stale = {k for k in floors()[section] if k not in present and not (shared_missing and k.startswith("shared/"))}
        assert not stale, f"floors.json {section} names documents that are not in the corpus: {sorted(stale)}"


def test_every_document_file_is_there() -> None:
    missing = [d.key for d in corpus_documents() if not d.path.exists()]
    assert not missing, f"expected/*.json names files that are missing: {missing}"


def test_bench_reports_the_pooled_score_it_measures(monkeypatch: pytest.MonkeyPatch) -> None:
    """`quorate bench` prints the same pooled score as this suite, and both reading times (on a few documents,
    one of them refused, to keep the suite quick)."""
    import app.bench

    results = sorted(measured(), key=lambda m: m.document.path.stat().st_size)  # the smallest files
    chosen = [m for m in results if m.draft is None][:1] + [m for m in results if m.draft is not None][:3]
    monkeypatch.setattr(app.bench, "corpus_documents", lambda: [m.document for m in chosen])
    figure = app.bench.bench_corpus(repeat=1)
    right = sum(m.score.right for m in chosen)
    total = sum(m.score.total for m in chosen)
    assert figure["pooled_score"]["all"] == f"{right}/{total} ({right / total:.1%})"
    assert figure["documents"] == len(chosen) == 4
    assert figure["median_ms"] > 0 and figure["floor_median_ms"] > 0
    assert figure["per_document"][chosen[0].document.key] == REFUSED
    assert figure["per_document"][chosen[1].document.key] == round(chosen[1].score.share, 3)


def test_wrong_answers_are_not_presented_as_certain() -> None:
    """Calibration: over every scored field, the wrong ones presented as certain (confidence 1.0) may not grow,
    and the right ones marked uncertain may not grow without bound (marking everything would hide nothing)."""
    total = sum((m.calibration for m in measured()), Calibration())
    ceiling = floors()["calibration"]
    assert total.wrong_sure <= ceiling["wrong_sure_at_most"], (
        f"{total.wrong_sure} wrong fields presented as certain (ceiling {ceiling['wrong_sure_at_most']}): "
        f"{list(total.examples)[:12]}"
    )
    assert total.right_unsure <= ceiling["right_unsure_at_most"], (
        f"{total.right_unsure} right fields marked uncertain (ceiling {ceiling['right_unsure_at_most']})"
    )
