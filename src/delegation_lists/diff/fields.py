"""Field-by-field comparison of two items (whitespace and order-insensitive unless asked)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .results import FieldChange

SPACES = re.compile(r"[\s\u3000]+")
LIST_FIELDS = {"legal_basis", "materials", "service_objects", "penalty_types", "delegation.to"}


@dataclass
class Options:
    strict_whitespace: bool = False
    strict_order: bool = False
    ignore: frozenset[str] = frozenset()


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict) and k != "waive":
            out.update(_flat(v, key + "."))
        else:
            out[key] = v
    return out


def _norm(value: Any, opts: Options) -> Any:
    if isinstance(value, str) and not opts.strict_whitespace:
        return SPACES.sub("", value)  # spaces carry no meaning in Chinese text
    if isinstance(value, list):
        vals = [_norm(v, opts) for v in value]
        return vals if opts.strict_order else sorted(vals, key=repr)
    return value


def _empty(value: Any) -> bool:
    """None, or an empty text, list or mapping (shown alike: ∅); not 0 nor false."""
    return value is None or (isinstance(value, str | list | dict | tuple) and not value)


def field_changes(old: dict[str, Any], new: dict[str, Any], opts: Options) -> list[FieldChange]:
    """Field-by-field differences, old -> new; list fields also say which elements came and went."""
    a, b = _flat(old), _flat(new)
    out = []
    for key in sorted(set(a) | set(b)):
        if key in opts.ignore or key.split(".")[0] in opts.ignore:
            continue
        va, vb = a.get(key), b.get(key)
        if _norm(va, opts) == _norm(vb, opts) or (_empty(va) and _empty(vb)):
            continue  # (an empty list and none at all are no change: `departments: ∅ → ∅`)
        if key in LIST_FIELDS or isinstance(va, list) or isinstance(vb, list):
            la, lb = [_norm(x, opts) for x in va or []], [_norm(x, opts) for x in vb or []]
            added = [x for x, n in zip(vb or [], lb, strict=True) if n not in la]  # as written, not normalised
            removed = [x for x, n in zip(va or [], la, strict=True) if n not in lb]
            out.append(FieldChange(key, va, vb, added, removed))
        else:
            out.append(FieldChange(key, va, vb))
    return out
