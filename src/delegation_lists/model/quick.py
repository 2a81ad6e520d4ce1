"""A list document validated as `ListDoc.model_validate` would, with the items that are only a `source` and a
`mode` (most of a township's list), perhaps with a `code` and `notes`, made without pydantic: the same Item,
several times faster.

Every other item goes through pydantic; on any error the whole document is validated again by `ListDoc`, so
error messages and their places are exactly pydantic's (tests/test_quick.py compares both ways).
"""

from __future__ import annotations

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


def validate_list(data: dict[str, Any]) -> tuple[ListHeader, list[Item | None]]:
    """(header, items) of a list document; raises pydantic's ValidationError as `ListDoc` does."""
    items = data.get("items")
    if "list" not in data or not data.keys() <= _KEYS or type(items) is not list:
        whole = ListDoc.model_validate(data)
        return whole.header, list(whole.items)
    out: list[Item | None] = []
    rest_at, rest = [], []
    for i, x in enumerate(items):
        made = _taken(x) if type(x) is dict and 2 <= len(x) <= 4 else None
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
