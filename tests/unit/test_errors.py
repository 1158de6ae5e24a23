"""Two kinds of error: every exception class Quorate defines is either a refusal (one sentence the user can act
on, under `app.errors.Refusal`) or one of the few named below that never reach the user as a sentence."""

from __future__ import annotations

import importlib
import pkgutil

import app
from app.errors import InvalidValue, Refusal

# Not refusals, each for a reason: they are bugs, or converted into a refusal where they are caught.
NOT_REFUSALS = {
    "app.netguard.NetworkRefused": "a bug: Quorate never opens a network connection",
    "app.packs.limits.HelperCrashed": "a bug in a pack reader, for the crash dialog",
    "app.packs.pdf.EngineFailed": "PDFium gave up: pypdf reads the file instead",
    "app.storage.keys.DamagedKeyFile": "app.storage.encryption turns it into a StorageError",
    "app.commands.replay._Bad": "app.commands.replay turns it into a ReplayError naming the line",
}


def _app_exception_classes() -> dict[str, type[BaseException]]:
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if module.name != "app.__main__":
            importlib.import_module(module.name)
    found: dict[str, type[BaseException]] = {}
    pending: list[type[BaseException]] = [BaseException]
    while pending:
        for cls in pending.pop().__subclasses__():
            pending.append(cls)
            if cls.__module__.startswith("app."):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def test_every_exception_class_of_the_app_is_a_refusal_or_a_named_exception() -> None:
    classes = _app_exception_classes()
    assert len(classes) > 30  # the walk found the app's classes, not nothing
    stray = sorted(name for name, cls in classes.items() if not issubclass(cls, Refusal) and name not in NOT_REFUSALS)
    assert stray == [], "derive these from app.errors.Refusal, or name them in NOT_REFUSALS with why"
    assert sorted(n for n in NOT_REFUSALS if n not in classes) == []  # the list names only classes that exist


def test_the_user_facing_roots_are_refusals_and_not_broad_builtins() -> None:
    classes = _app_exception_classes()
    roots = [
        "app.storage.connection.StorageError",
        "app.packs.model.PackError",
        "app.bundles.BundleRefused",
        "app.export.errors.SigningError",
        "app.commands.live.LiveError",
        "app.commands.approval.ApprovalError",
        "app.commands.exports.ExportError",
        "app.commands.notes.AnnotationError",
        "app.commands.replay.ReplayError",
        "app.commands.file_schemas.SchemaError",
        "app.services.rules_engine.TallyError",
        "app.cli.UserError",
        "app.ui.import_review.EditRefused",
    ]
    assert all(issubclass(classes[name], Refusal) for name in roots)
    # A window that catches Refusal must not thereby catch a bug's ValueError or RuntimeError: only InvalidValue
    # (a value the user typed, as the domain's dataclasses check it) is also a ValueError.
    broad = (ValueError, RuntimeError, OSError, KeyError, TypeError)
    mixed = sorted(name for name, cls in classes.items() if issubclass(cls, Refusal) and issubclass(cls, broad))
    assert mixed == ["app.errors.InvalidValue"]
    assert not issubclass(ValueError, Refusal) and issubclass(InvalidValue, Refusal)


def test_the_domains_checks_of_what_was_typed_are_refusals() -> None:
    from app.domain import rules_from_dict
    from app.domain.house_style import style_from_dict

    for bad in (lambda: rules_from_dict({"quorum_number": 0}), lambda: style_from_dict({"accent": "blue"})):
        try:
            bad()
        except Refusal as refusal:
            assert str(refusal)
        else:
            raise AssertionError("a bad value was accepted")
