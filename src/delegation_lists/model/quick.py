"""A list document validated as `ListDoc.model_validate` would, with the items that are only a `source` and a
`mode` (most of a township's list) made without pydantic: the same Item, several times faster.

Every other item goes through pydantic; on any error the whole document is validated again by `ListDoc`, so
error messages and their places are exactly pydantic's (tests/test_quick.py compares both ways).
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from .codes import MODE_LOOKUP
from .items import _ALL_NONE, Item, ListDoc, ListHeader, _make

#: modes as pydantic would return them (the canonical keys): written so, they need no lookup
_MODES = frozenset(k for k, v in MODE_LOOKUP.items() if k == v)
_ITEMS = TypeAdapter(list[Item])
_KEYS = frozenset(("list", "items"))


_BLANK = {**_ALL_NONE, "status": "active"}  # an item with every field at its default, in the model's order


def _taken(source: str, mode: str) -> Item:
    """The Item pydantic makes of `{source: ..., mode: ...}` (code defaults to the source)."""
    values = _BLANK.copy()
    values["source"] = values["code"] = source
    values["mode"] = mode
    return _make(values, {"source", "mode", "code"})


def validate_list(data: dict[str, Any]) -> tuple[ListHeader, list[Item | None]]:
    """(header, items) of a list document; raises pydantic's ValidationError as `ListDoc` does."""
    items = data.get("items")
    if "list" not in data or not data.keys() <= _KEYS or type(items) is not list:
        whole = ListDoc.model_validate(data)
        return whole.header, list(whole.items)
    out: list[Item | None] = []
    rest_at, rest = [], []
    for i, x in enumerate(items):
        if (type(x) is dict and len(x) == 2 and type(s := x.get("source")) is str and type(m := x.get("mode")) is str
                and m in _MODES and s == s.strip()):
            out.append(_taken(s, m))
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
