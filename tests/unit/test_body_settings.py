"""Every body setting by name: the house-style and rule fields found from their dataclasses, each changed both ways."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.commands import body_settings as settings
from app.commands.body_settings import FieldSpec, SettingRefused, field_specs, format_value
from app.domain import PRESETS, RuleSet, rules_to_dict
from app.domain.house_style import HOUSE_STYLES, HouseStyle, style_to_dict
from app.storage import Store


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return settings._plain(values)  # type: ignore[no-any-return]


def alternatives(spec: FieldSpec, current: Any, presets: list[dict[str, Any]]) -> Iterator[Any]:
    """Values to try instead of `current`, JSON-like: the presets' first, then ones made from the field's type."""
    for preset in presets:
        if preset[spec.name] != current:
            yield preset[spec.name]
    if spec.optional and current is not None:
        yield None
    if spec.kind == "flag":
        yield not current
    elif spec.kind == "choice":
        yield from (c for c in spec.choices if c != current)
    elif spec.kind == "whole":
        yield (current or 0) + 1
        yield 2
    elif spec.kind == "number":
        yield 0.75 if current != 0.75 else 0.6
    elif spec.kind == "text":
        yield f"{current} (changed)"
        yield "X"
    elif spec.kind == "list":
        yield [*(current or []), "changed"]


def _groups() -> list[tuple[str, type[Any], list[dict[str, Any]]]]:
    return [
        ("style", HouseStyle, [_plain(style_to_dict(s)) for s in HOUSE_STYLES.values()]),
        ("rules", RuleSet, [rules_to_dict(r) for r in PRESETS.values()]),
    ]


def _current(store: Store, body_id: int, group: str) -> dict[str, Any]:
    return settings.body_settings(store, body_id)[group]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("group", "cls", "presets"), _groups(), ids=["style", "rules"])
def test_every_field_changes_both_ways_by_its_typed_text(
    store: Store, group: str, cls: type[Any], presets: list[dict[str, Any]]
) -> None:
    body = store.ensure_body("Settings Board")
    assert body.id is not None
    specs = field_specs(cls)
    assert len(specs) >= 8  # found from the dataclass, not a list kept here
    for spec in specs:
        before = _current(store, body.id, group)[spec.name]
        for value in alternatives(spec, before, presets):
            try:
                settings.set_body_setting(store, body.id, f"{group}.{spec.name}", format_value(spec, value))
            except SettingRefused:
                continue  # e.g. a text the dataclass checks; try the next one
            break
        changed = _current(store, body.id, group)[spec.name]
        assert changed != before, f"{group}.{spec.name} could not be changed from the command line's text"
        settings.set_body_setting(store, body.id, f"{group}.{spec.name}", format_value(spec, before))
        assert _current(store, body.id, group)[spec.name] == before, f"{group}.{spec.name} did not change back"


def test_presets_name_and_custom(store: Store) -> None:
    body = store.ensure_body("Settings Board")
    assert body.id is not None
    settings.set_body_settings(store, body.id, [("style", "Council committee"), ("rules", "charity_trustees")])
    shown = settings.body_settings(store, body.id)
    assert (shown["style_preset"], shown["rules_preset"]) == ("Council committee", "charity_trustees")
    settings.set_body_setting(store, body.id, "style.minute_prefix", "C")
    assert settings.body_settings(store, body.id)["style_preset"] == "custom"
    settings.set_body_setting(store, body.id, "rules", "NHS board (integrated care board)")  # by name too
    assert settings.body_settings(store, body.id)["rules_preset"] == "nhs_board"
    settings.set_body_setting(store, body.id, "name", "  Renamed   Board ")
    assert store.body(body.id).name == "Renamed Board"


@pytest.mark.parametrize(
    ("key", "text", "named"),
    [
        ("rules.quorum_fraction", "3/2", "rules.quorum_fraction"),
        ("rules.deputies_count", "perhaps", "rules.deputies_count"),
        ("rules.casting_vote", "maybe", "rules.casting_vote"),
        ("rules.quorum_number", "three", "rules.quorum_number"),
        ("style.heading", "no body here", "style.heading"),
        ("style.accent", "blue", "style.accent"),
        ("rules.no_such_rule", "1", "rules.no_such_rule"),
        ("colour", "red", "colour"),
    ],
)
def test_a_bad_value_is_refused_naming_the_setting_and_nothing_changes(
    store: Store, key: str, text: str, named: str
) -> None:
    body = store.ensure_body("Settings Board")
    assert body.id is not None
    before = settings.body_settings(store, body.id)
    audit = len(store.audit_entries())
    with pytest.raises(SettingRefused, match=named.replace(".", r"\.")):
        settings.set_body_settings(store, body.id, [("name", "Changed too"), (key, text)])
    assert settings.body_settings(store, body.id) == before
    assert len(store.audit_entries()) == audit


def test_a_name_another_body_has_and_a_blank_title_are_refused(store: Store) -> None:
    first, second = store.ensure_body("First Board"), store.ensure_body("Second Board")
    assert first.id is not None and second.id is not None
    with pytest.raises(SettingRefused.__mro__[1], match="Another body"):
        settings.rename_body(store, second.id, "first board")
    assert store.body(second.id).name == "Second Board"
