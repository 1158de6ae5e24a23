"""Malformed notes exchange files and replay lines get one sentence naming the line or field (issue 17)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import commands
from app.commands import notes
from app.commands.replay import ReplayError, replay
from app.storage import Store
from tests.gui.test_reader import build_pack

GOOD_ENTRY = {"page": 2, "kind": "note", "note": "Deficit?", "rects": [[1.0, 2.0, 3.0, 4.0]]}
# (what the file says in place of a good value, the field the sentence must name)
BAD_NOTES = [
    ('"page": Infinity', None),
    ('"page": NaN', None),
    ('"page": 1e400', "page"),
    ('"page": 9223372036854775808', "page"),
    ('"page": 0', "page"),
    ('"page": "3"', "page"),
    ('"page": [3]', "page"),
    ('"page": true', "page"),
    ('"page": 2, "item": "3"', "item"),
    ('"page": 2, "item": ["3"]', "item"),
    ('"page": 2, "note": "\\ud800"', None),
    ('"page": 2, "note": 5', "note"),
    ('"page": 2, "rects": [[1, 2, 3]]', "rects"),
    ('"page": 2, "rects": [[1e400, 2, 3, 4]]', "rects"),
    ('"page": 2, "rects": "none"', "rects"),
    ('"page": 2, "ink": [[[1, "x"]]]', "ink"),
    ('"page": 2, "char_start": 99999999999999999999', "char_start"),
    ('"page": 2, "raise_at_meeting": "yes"', "raise_at_meeting"),
    ('"page": 2, "kind": {"a": 1}', "kind"),
    ('"page": 2, "colour": null', "colour"),
]


@pytest.fixture
def meeting(tmp_path: Path) -> Iterator[tuple[Store, int, str]]:
    store = Store.open(tmp_path / "a" / "quorate.db")
    created = commands.import_pack(store, build_pack(tmp_path / "pack.pdf"))
    assert created.id is not None and created.pack_sha256
    yield store, created.id, created.pack_sha256
    store.close()


def _notes_file(path: Path, sha: str, entry: str) -> Path:
    head = json.dumps({"format": "quorate-annotations", "version": 1, "owner": "Jane", "pack_sha256": sha})
    path.write_text(head[:-1] + ', "annotations": [' + json.dumps(GOOD_ENTRY) + ", {" + entry + "}]}")
    return path


@pytest.mark.parametrize(("entry", "field"), BAD_NOTES, ids=[e for e, _ in BAD_NOTES])
def test_a_malformed_notes_file_is_refused_in_one_sentence(
    meeting: tuple[Store, int, str], tmp_path: Path, entry: str, field: str | None
) -> None:
    store, meeting_id, sha = meeting
    before = len(store.audit_entries())
    with pytest.raises(notes.AnnotationFileError) as caught:
        notes.import_notes_json(store, meeting_id, _notes_file(tmp_path / "n.json", sha, entry))
    message = str(caught.value)
    assert message.startswith("n.json ") and message.endswith("nothing was imported.") and "\n" not in message
    if field is not None:
        assert f"annotation 2, “{field}" in message
    assert len(store.audit_entries()) == before


def test_a_deeply_nested_notes_file_is_refused_not_a_recursion_error(
    meeting: tuple[Store, int, str], tmp_path: Path
) -> None:
    store, meeting_id, sha = meeting
    deep = _notes_file(tmp_path / "deep.json", sha, '"page": 2, "meeting": ' + "[" * 200_000 + "]" * 200_000)
    with pytest.raises(notes.AnnotationFileError, match=r"^deep.json "):
        notes.import_notes_json(store, meeting_id, deep)


def test_the_good_entry_alone_imports(meeting: tuple[Store, int, str], tmp_path: Path) -> None:
    store, meeting_id, sha = meeting
    path = _notes_file(tmp_path / "ok.json", sha, '"page": 3')
    assert notes.import_notes_json(store, meeting_id, path).added == 2


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"type": "public", "count": 1000000000000000000000000000000}', "count"),
        ('{"type": "public", "count": 1e400}', "count"),
        ('{"type": "public", "count": NaN}', None),
        ('{"type": "vote", "motion": "m1", "for": 2.5}', "for"),
        ('{"type": "arrive", "person": ["JH"]}', "person"),
        ('{"type": "minute", "text": "\\ud800"}', None),
        ('{"type": "roll_call", "present": [1, 2]}', "present"),
        ('{"type": "meeting", "title": "T", "agenda": [{"number": "1", "title": 7}]}', "agenda[0].title"),
        ('{"type": "arrive", "person": "JH", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", None),
    ],
)
def test_a_malformed_replay_line_is_refused_naming_line_and_field(store: Store, line: str, field: str | None) -> None:
    meeting_id = commands.ensure_demo_meeting(store)
    before = store.audit_head()
    with pytest.raises(ReplayError) as caught:
        replay(store, meeting_id, ['{"type": "start", "at": "10:00"}', line][1:])
    message = str(caught.value)
    assert message.startswith("line 1: ") and "\n" not in message
    if field is not None:
        assert f"field “{field}" in message
    assert store.audit_head() == before
