"""pydantic validation errors -> Problems (DL010 unknown field, DL011 missing field, DL012 invalid value)."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model.items import Delegation, Discretion, Item, ListHeader
from ..model.region import Department, RegionNode
from ..problems import Loc, Problem
from ..problems.codes import problem

_MODELS: tuple[type[BaseModel], ...] = (Item, Delegation, Discretion, ListHeader, RegionNode, Department)
KNOWN_FIELDS = sorted({name for m in _MODELS for name in m.model_fields} | {"list", "items", "region", "departments"})


def real_loc(loc: tuple[Any, ...], data: Any) -> Loc:
    """Keep the parts of a pydantic loc that exist in the data (drops union/validator tags); the last part is
    kept even when absent, as it names the missing or unknown field."""
    out: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if (isinstance(current, dict) and part in current) or (isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)):
            current = current[part]
        elif i < len(loc) - 1:
            continue
        out.append(part)
    return tuple(out)


def item_code(data: Any, loc: Loc) -> str | None:
    """The code (or source) of the item a loc points into, if any."""
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int) and isinstance(data, dict):
        items = data.get("items")
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            value = items[loc[1]].get("code", items[loc[1]].get("source"))
            return None if value is None else str(value)
    return None


def schema_problems(exc: ValidationError, file: str, data: Any) -> list[Problem]:
    """One Problem per pydantic error, located by path."""
    out = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = real_loc(err["loc"], data)
        kind = err["type"]
        field = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
        item = item_code(data, loc)
        if kind == "extra_forbidden":
            close = difflib.get_close_matches(field, KNOWN_FIELDS, n=1, cutoff=0.6)
            hint = (f"; did you mean `{close[0]}`?" if close[0] != field else " here") if close else ""
            out.append(problem("DL010", file, f"unknown field `{field}`{hint}", loc, item=item, at_key=True))
        elif kind == "missing":
            out.append(problem("DL011", file, f"missing required field `{field}`", loc[:-1], item=item))
        elif kind == "own_item_incomplete":
            out.append(problem("DL011", file, err["msg"], loc, item=item))
        else:
            where = f"`{field}`: " if field else ""
            out.append(problem("DL012", file, f"{where}{err['msg']}", loc, item=item))
    return out
