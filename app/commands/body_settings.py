"""Every setting of a body, by name: its name, its house style and its rules, read and changed field by field.

The house style (`HouseStyle`) and the rules (`RuleSet`) are typed dataclasses; their settings are found by
iterating their fields, and a value typed by a person (the command line's `KEY=VALUE`, the window's fields) is
read according to the field's type: text, a yes/no flag, a whole number, a number (2/3 is accepted), one of an
enum's values, a list of text, or JSON for anything structured; `X | None` also takes "none" or nothing. So a
field added to either dataclass is settable without more code here. The dataclass then checks the value as a
whole; anything wrong is refused with a sentence that names the setting (`SettingRefused`), and nothing is saved.

Keys: `name` (the body's name), `style` (a house-style preset by name), `style.FIELD`, `rules` (a rule preset by
key or name) and `rules.FIELD`.
"""

from __future__ import annotations

import enum
import json
import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from fractions import Fraction
from typing import Any

from app.domain import PRESETS, Body, Meeting, RuleSet, rules_from_dict, rules_to_dict
from app.domain.house_style import HOUSE_STYLES, HouseStyle, style_from_dict, style_to_dict
from app.storage import Store
from app.storage import bodies as storage
from app.storage.people import PeopleError, set_body_rules

__all__ = [
    "BODY_KEYS",
    "FieldSpec",
    "SettingRefused",
    "apply_rules_preset",
    "apply_style_preset",
    "body_settings",
    "field_specs",
    "format_value",
    "parse_value",
    "rename_body",
    "rules_preset_key",
    "rules_with",
    "save_body_settings",
    "set_body_setting",
    "set_body_settings",
    "set_meeting_title",
    "style_preset_name",
    "style_with",
]

CUSTOM_STYLE = "custom"  # no preset (house style or rules)
BODY_KEYS = ("name", "style", "rules")  # the keys that are not FIELD settings of a group
_TRUE = ("yes", "y", "true", "on", "1")
_FALSE = ("no", "n", "false", "off", "0")
_NONE = ("", "none", "null")


class SettingRefused(PeopleError):
    """A setting that cannot be right or does not exist; the sentence names it, and nothing was saved."""


# -- the fields of a settings dataclass ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a settings dataclass, as a person sets it."""

    name: str
    kind: str  # "text", "flag", "whole", "number", "choice", "list" (of text) or "structured" (JSON)
    optional: bool = False  # also takes None ("none", or nothing)
    choices: tuple[str, ...] = ()  # for "choice": the enum's values

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()


def _spec(name: str, hint: Any) -> FieldSpec:
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(options) < len(typing.get_args(hint))
        if len(options) != 1:
            return FieldSpec(name, "structured", optional)
        hint = options[0]
    if hint is bool:
        return FieldSpec(name, "flag", optional)
    if hint is int:
        return FieldSpec(name, "whole", optional)
    if hint is float:
        return FieldSpec(name, "number", optional)
    if hint is str:
        return FieldSpec(name, "text", optional)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return FieldSpec(name, "choice", optional, tuple(str(m.value) for m in hint))
    if typing.get_origin(hint) in (tuple, list) and all(a in (str, Ellipsis) for a in typing.get_args(hint)):
        return FieldSpec(name, "list", optional)
    return FieldSpec(name, "structured", optional)


_PROBE = "\x00not-a-value"
_QUOTED = re.compile(r"'([^'\x00]+)'")


def _text_choices(cls: type[Any], name: str) -> tuple[str, ...]:
    """The values a text field accepts when the dataclass checks it against a fixed few ("minute_numbering must
    be 'sequence' or 'agenda'"): found by offering it a value that cannot be right and reading the refusal."""
    try:
        cls(**{name: _PROBE})
    except (ValueError, TypeError) as error:
        message = str(error)
        values = tuple(dict.fromkeys(_QUOTED.findall(message)))
        if name in message and len(values) >= 2:
            return values
    return ()


def field_specs(cls: type[Any]) -> tuple[FieldSpec, ...]:
    """The fields of a settings dataclass (HouseStyle, RuleSet), in their declared order. A text field the
    dataclass allows only a few values for is a choice among them."""
    hints = typing.get_type_hints(cls)
    specs = []
    for f in fields(cls):
        spec = _spec(f.name, hints[f.name])
        if spec.kind == "text" and (choices := _text_choices(cls, f.name)):
            spec = FieldSpec(f.name, "choice", spec.optional, choices)
        specs.append(spec)
    return tuple(specs)


def _refuse(group: str, name: str, reason: str) -> SettingRefused:
    return SettingRefused(f"{group}.{name}: {reason}; nothing was changed.")


def parse_value(group: str, spec: FieldSpec, text: str) -> Any:
    """A typed-in value as the JSON-like value the field takes; SettingRefused naming the field if it cannot be."""
    raw = text.strip()
    if spec.optional and raw.casefold() in _NONE:
        return None
    if spec.kind == "text":
        return text
    if spec.kind == "flag":
        if raw.casefold() in _TRUE:
            return True
        if raw.casefold() in _FALSE:
            return False
        raise _refuse(group, spec.name, f"say yes or no, not {raw!r}")
    if spec.kind == "whole":
        try:
            return int(raw)
        except ValueError:
            raise _refuse(group, spec.name, f"{raw!r} is not a whole number") from None
    if spec.kind == "number":
        try:
            return float(Fraction(raw))
        except (ValueError, ZeroDivisionError):
            raise _refuse(group, spec.name, f"{raw!r} is not a number (write 0.5 or 2/3)") from None
    if spec.kind == "choice":
        wanted = raw.casefold().replace(" ", "_").replace("-", "_")
        match = next((c for c in spec.choices if c.casefold() == wanted), None)
        if match is None:
            raise _refuse(group, spec.name, f"{raw!r} is not one of " + ", ".join(spec.choices))
        return match
    if spec.kind == "list":
        if raw.startswith("["):
            value = _json(group, spec.name, raw)
            if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
                raise _refuse(group, spec.name, "give a JSON list of text")
            return value
        separator = "\n" if "\n" in raw else ","
        return [part.strip() for part in raw.split(separator) if part.strip()]
    return _json(group, spec.name, raw)


def _json(group: str, name: str, raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise _refuse(group, name, f"give it as JSON ({error.msg} at character {error.pos + 1})") from None


def format_value(spec: FieldSpec, value: Any) -> str:
    """A field's value as `parse_value` reads it back (the window's fields and `body show`)."""
    if value is None:
        return ""
    if spec.kind == "flag":
        return "yes" if value else "no"
    if spec.kind == "number" and isinstance(value, float):
        exact = Fraction(value).limit_denominator(1000)
        return str(value) if float(exact) != value and abs(float(exact) - value) > 1e-12 else _fraction(exact)
    if spec.kind == "choice":
        return str(value.value if isinstance(value, enum.Enum) else value)
    if spec.kind in ("list", "structured"):
        return json.dumps(_plain(value), ensure_ascii=False)
    return str(value)


def _fraction(exact: Fraction) -> str:
    return str(exact.numerator) if exact.denominator == 1 else f"{exact.numerator}/{exact.denominator}"


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def _spec_named(cls: type[Any], group: str, name: str) -> FieldSpec:
    specs = {spec.name: spec for spec in field_specs(cls)}
    if name not in specs:
        known = ", ".join(f"{group}.{n}" for n in specs)
        raise SettingRefused(f"There is no setting {group}.{name}; the {group} settings are: {known}.")
    return specs[name]


# -- house style and rules with one field changed ---------------------------------------------------------------


def style_with(style: HouseStyle, changes: Mapping[str, Any]) -> HouseStyle:
    """The house style with fields changed (JSON-like values), checked whole; SettingRefused naming the field."""
    data = style_to_dict(style)
    for name, value in changes.items():
        spec = _spec_named(HouseStyle, "style", name)
        data[name] = tuple(value) if spec.kind == "list" and isinstance(value, list) else value
    try:
        return style_from_dict(data)
    except (ValueError, TypeError) as error:
        raise _refuse("style", _blamed(changes, str(error)), str(error).rstrip(".")) from None


def rules_with(rules: RuleSet, changes: Mapping[str, Any]) -> RuleSet:
    """The rules with fields changed (JSON-like values), checked whole; SettingRefused naming the field."""
    data = rules_to_dict(rules)
    for name, value in changes.items():
        _spec_named(RuleSet, "rules", name)
        data[name] = value
    try:
        return rules_from_dict(data)
    except (ValueError, TypeError) as error:
        raise _refuse("rules", _blamed(changes, str(error)), str(error).rstrip(".")) from None


def _blamed(changes: Mapping[str, Any], message: str) -> str:
    """The changed field the dataclass's message names, else the (first) one changed."""
    return next((name for name in changes if name in message), next(iter(changes), "?"))


# -- presets ---------------------------------------------------------------------------------------------------


def style_preset_name(style: HouseStyle) -> str:
    """The house-style preset this style is exactly, else "custom"."""
    return next((name for name, preset in HOUSE_STYLES.items() if preset == style), CUSTOM_STYLE)


def rules_preset_key(rules: RuleSet) -> str:
    """The rule preset these rules are exactly, else "custom"."""
    return next((key for key, preset in PRESETS.items() if rules_to_dict(preset) == rules_to_dict(rules)), "custom")


def _find_style_preset(name: str) -> HouseStyle:
    wanted = name.strip().casefold()
    for preset_name, preset in HOUSE_STYLES.items():
        if wanted in (preset_name.casefold(), preset_name.casefold().replace(" ", "_")):
            return preset
    names = ", ".join(HOUSE_STYLES)
    raise SettingRefused(f"There is no house-style preset {name!r}; the presets are: {names}.")


def _find_rules_preset(name: str) -> RuleSet:
    wanted = name.strip().casefold()
    for key, preset in PRESETS.items():
        if wanted in (key, key.replace("_", " "), preset.name.casefold()):
            return preset
    keys = ", ".join(PRESETS)
    raise SettingRefused(f"There is no rule preset {name!r}; the presets are: {keys}.")


# -- reading and saving ----------------------------------------------------------------------------------------


def body_settings(store: Store, body_id: int) -> dict[str, Any]:
    """Every setting of a body, JSON-safe: what `quorate body show --json` prints."""
    body = store.body(body_id)
    return {
        "body_id": body.id,
        "name": body.name,
        "style_preset": style_preset_name(body.style),
        "style": _plain(style_to_dict(body.style)),
        "rules_preset": rules_preset_key(body.rules),
        "rules": rules_to_dict(body.rules),
        "meetings": [{"id": m.id, "title": m.title} for m in store.meetings() if m.body_id == body_id],
    }


def set_body_settings(
    store: Store, body_id: int, assignments: Sequence[tuple[str, str]], actor: str = "secretary"
) -> Body:
    """Apply `KEY=VALUE` assignments (typed text, as the command line gives them) all or nothing.

    Presets are applied first (so `style=Council committee style.minute_prefix=C` starts from the council style),
    then the fields of each group together, so two settings that only make sense together can change at once.
    """
    body = store.body(body_id)
    name: str | None = None
    style, rules = body.style, body.rules
    style_changes: dict[str, Any] = {}
    rules_changes: dict[str, Any] = {}
    for key, text in assignments:
        group, _dot, field_name = key.strip().partition(".")
        if key.strip() == "name":
            name = text
        elif key.strip() in ("style", "rules") and text.strip().casefold() == CUSTOM_STYLE:
            continue  # "custom" is what `body show` says of settings that are no preset: keep them
        elif key.strip() == "style":
            style = _find_style_preset(text)
        elif key.strip() == "rules":
            rules = _find_rules_preset(text)
        elif group == "style" and field_name:
            style_changes[field_name] = parse_value("style", _spec_named(HouseStyle, "style", field_name), text)
        elif group == "rules" and field_name:
            rules_changes[field_name] = parse_value("rules", _spec_named(RuleSet, "rules", field_name), text)
        else:
            raise SettingRefused(
                f"There is no setting {key!r}: use name, style, style.FIELD, rules or rules.FIELD "
                "(quorate body show lists them)."
            )
    if style_changes:
        style = style_with(style, style_changes)
    if rules_changes:
        rules = rules_with(rules, rules_changes)
    with store.transaction():
        if name is not None:
            storage.rename_body(store, body_id, name, actor)
        if style != body.style:
            store.set_house_style(body_id, style, actor)
        if rules_to_dict(rules) != rules_to_dict(body.rules):
            set_body_rules(store, body_id, rules, actor)
    return store.body(body_id)


def set_body_setting(store: Store, body_id: int, key: str, text: str, actor: str = "secretary") -> Body:
    """One `KEY=VALUE` setting (see `set_body_settings`)."""
    return set_body_settings(store, body_id, [(key, text)], actor)


def apply_style_preset(store: Store, body_id: int, name: str, actor: str = "secretary") -> Body:
    store.body(body_id)
    return store.set_house_style(body_id, _find_style_preset(name), actor)


def apply_rules_preset(store: Store, body_id: int, name: str, actor: str = "secretary") -> Body:
    store.body(body_id)
    return set_body_rules(store, body_id, _find_rules_preset(name), actor)


def save_body_settings(
    store: Store,
    body_id: int,
    *,
    name: str,
    style: HouseStyle,
    meeting_id: int | None = None,
    meeting_title: str | None = None,
    actor: str = "secretary",
) -> Body:
    """The window's Name and house style dialog: the body's name, its house style and a meeting's title, saved
    together or not at all; what is unchanged is not written."""
    with store.transaction():
        storage.rename_body(store, body_id, name, actor)
        if store.body(body_id).style != style:
            store.set_house_style(body_id, style, actor)
        if meeting_id is not None and meeting_title is not None:
            if store.meeting(meeting_id).body_id != body_id:
                raise SettingRefused(f"Meeting {meeting_id} is not one of this body's meetings; nothing was changed.")
            storage.set_meeting_title(store, meeting_id, meeting_title, actor)
    return store.body(body_id)


def rename_body(store: Store, body_id: int, name: str, actor: str = "secretary") -> Body:
    return storage.rename_body(store, body_id, name, actor)


def set_meeting_title(store: Store, meeting_id: int, title: str, actor: str = "secretary") -> Meeting:
    return storage.set_meeting_title(store, meeting_id, title, actor)
