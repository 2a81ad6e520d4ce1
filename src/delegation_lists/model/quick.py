"""A list document validated as `ListDoc.model_validate` would, with the items that are only a `source` and a
`mode` (most of a township's list), perhaps with a `code` and `notes`, made without pydantic: the same Item,
several times faster.

Every other item goes through pydantic; on any error the whole document is validated again by `ListDoc`, so
error messages and their places are exactly pydantic's (tests/test_quick.py compares both ways).

Given the items of an earlier version of the same file (`Earlier`: the diff reads two versions), an item whose
data is exactly the earlier one's (same values of the same types) is that earlier Item, not validated again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .code_syntax import is_code
from .codes import MODE_LOOKUP
from .items import _ALL_NONE, Item, ListDoc, ListHeader, _make

#: modes as pydantic would return them (the canonical keys): written so, they need no lookup
_MODES = frozenset(k for k, v in MODE_LOOKUP.items() if k == v)
_ITEMS = TypeAdapter(list[Item])
_KEYS = frozenset(("list", "items"))


_BLANK = {**_ALL_NONE, "status": "active"}  # an item with every field at its default, in the model's order


#: the keys a taken-on entry may have and still be made here: besides source and mode, text fields no
#: validator changes when written without surrounding spaces
_QUICK_KEYS = frozenset(("source", "mode", "code", "notes"))


def _taken(x: dict[str, Any]) -> Item | None:
    """The Item pydantic makes of `{source, mode[, code][, notes]}` (code defaults to the source), or None when
    the entry is anything else (then pydantic validates it)."""
    source, mode = x.get("source"), x.get("mode")
    if type(source) is not str or type(mode) is not str or mode not in _MODES or not is_code(source):
        return None
    values = _BLANK.copy()
    values["source"] = values["code"] = source
    values["mode"] = mode
    if len(x) > 2:
        if not x.keys() <= _QUICK_KEYS:
            return None
        for key in ("code", "notes"):
            value = x.get(key, source if key == "code" else None)
            if value is not None and (type(value) is not str or value != value.strip() or (key == "code" and not is_code(value))):
                return None
            values[key] = value
    return _make(values, {"code", *x})


#: code -> (the data of an item of an earlier version of a file, the Item made of it)
Earlier = Mapping[str, tuple[dict[str, Any], Item]]


def earlier_items(data: Any, items: list[Item | None]) -> dict[str, tuple[dict[str, Any], Item]]:
    """The `Earlier` of a list document's data and its items (those with a code of their own)."""
    found = data.get("items") if isinstance(data, dict) else None
    if type(found) is not list or len(found) != len(items):
        return {}
    return {x["code"]: (x, item) for x, item in zip(found, items, strict=True)
            if item is not None and type(x) is dict and type(x.get("code")) is str}


_TEXT = frozenset((str,))


def _same_types(a: dict[Any, Any], b: dict[Any, Any]) -> bool:
    """Whether two mappings already known equal (`==`) hold values of the same types all through: `1`, `1.0`
    and `true` are equal in Python, not in YAML. (A text equals only a text; keys must be texts.)"""
    for k, v in a.items():
        kind = type(v)
        if kind is str or v is None:
            continue
        w = b[k]
        if kind is not type(w) or (kind is list and not _same_list(v, w)) or (kind is dict and not _same_types(v, w)):
            return False
    return set(map(type, a)) <= _TEXT


def _same_list(a: list[Any], b: list[Any]) -> bool:
    for x, y in zip(a, b, strict=True):
        kind = type(x)
        if kind is str:
            continue
        if kind is not type(y) or (kind is list and not _same_list(x, y)) or (kind is dict and not _same_types(x, y)):
            return False
    return True


def _earlier(x: Any, earlier: Earlier) -> Item | None:
    """The earlier version's Item of exactly the same data as `x`, if any."""
    code = x.get("code") if type(x) is dict else None
    found = earlier.get(code) if type(code) is str else None
    if found is None or found[0] != x or not _same_types(found[0], x):  # both dicts
        return None
    return found[1]


def validate_list(data: dict[str, Any], earlier: Earlier | None = None) -> tuple[ListHeader, list[Item | None]]:
    """(header, items) of a list document; raises pydantic's ValidationError as `ListDoc` does. `earlier`: the
    items of an earlier version of the file, taken when their data is the same."""
    items = data.get("items")
    if "list" not in data or not data.keys() <= _KEYS or type(items) is not list:
        whole = ListDoc.model_validate(data)
        return whole.header, list(whole.items)
    out: list[Item | None] = []
    rest_at, rest = [], []
    for i, x in enumerate(items):
        made = _taken(x) if type(x) is dict and 2 <= len(x) <= 4 else None
        if made is None and earlier:
            made = _earlier(x, earlier)
        if made is not None:
            out.append(made)
        else:
            out.append(None)  # filled below
            rest_at.append(i)
            rest.append(x)
    try:
        header = ListHeader.model_validate(data["list"])
        for i, item in zip(rest_at, _ITEMS.validate_python(rest) if rest else [], strict=True):
            out[i] = item
    except ValidationError:
        whole = ListDoc.model_validate(data)  # raises again, with every error located in the document
        return whole.header, list(whole.items)
    return header, out
