"""The table of rule kinds: a rule's `kind:` names one of these. Modules load only when a rule uses them,
so textstat stays out of start-up. A new kind is one module and one line here."""

from __future__ import annotations

import importlib

from newslint.errors import RuleError
from newslint.kinds.base import Kind

KINDS = {
    "attribution": "newslint.kinds.attribution:Attribution",
    "cue": "newslint.kinds.cue:Cue",
    "existence": "newslint.kinds.existence:Existence",
    "name_variants": "newslint.kinds.name_variants:NameVariants",
    "near_duplicate": "newslint.kinds.near_duplicate:NearDuplicate",
    "quote": "newslint.kinds.quote:Quote",
    "readability": "newslint.kinds.readability:Readability",
    "substitution": "newslint.kinds.substitution:Substitution",
}


def kind_class(name: str) -> type[Kind]:
    module_name, _, class_name = KINDS[name].partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def create(rule) -> Kind:
    """The kind a rule names, built on first call and kept on the rule; every problem becomes a RuleError
    naming the rule."""
    if rule.built is None:
        rule.built = _build(rule)
    return rule.built


def _build(rule) -> Kind:
    if rule.kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise rule.error(f"unknown kind {rule.kind!r} (known kinds: {known})", "kind")
    cls = kind_class(rule.kind)
    unknown = sorted(set(rule.fields) - cls.fields)
    if unknown:
        allowed = ", ".join(sorted(cls.fields)) or "none"
        raise rule.error(f"unknown field '{unknown[0]}' for kind {rule.kind} (its fields: {allowed})", unknown[0])
    from newslint.ruleset import message_placeholders

    stray = sorted(message_placeholders(rule.message) - cls.placeholders - {"text"})
    if stray:
        allowed = ", ".join("{" + name + "}" for name in sorted(cls.placeholders | {"text"}))
        raise rule.error(f"message uses {{{stray[0]}}}, which kind {rule.kind} does not fill ({allowed})",
                         "message")
    try:
        return cls(rule)
    except RuleError:
        raise
    except (TypeError, ValueError) as error:
        raise rule.error(str(error)) from None
