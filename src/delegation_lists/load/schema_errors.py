"""pydantic validation errors -> Problems (DL010 unknown field, DL011 missing field, DL012 invalid value)."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model.code_syntax import CODE_MAX, CodeFault, shown_value
from ..model.codes import FIELD_LOOKUP, FIELDS, closest
from ..model.fields import fault_error
from ..model.items import Delegation, Discretion, Item, ListHeader
from ..model.region import Department, RegionNode
from ..problems import Loc, Message, Problem, msg
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


#: pydantic error type -> the DL012 message variant that says it in Chinese (English: pydantic's own text)
_VALUE_KEYS = {
    "unknown_code": "DL012.unknown_code", "days": "DL012.days", "waive_reason": "DL012.waive_reason",
    "int_parsing": "DL012.int", "int_type": "DL012.int", "int_from_float": "DL012.int", "int_parsing_size": "DL012.int",
    "greater_than_equal": "DL012.ge", "less_than_equal": "DL012.le",
    "bool_parsing": "DL012.bool", "bool_type": "DL012.bool",
    "date_parsing": "DL012.date", "date_type": "DL012.date", "date_from_datetime_parsing": "DL012.date",
    "date_from_datetime_inexact": "DL012.date", "date_future": "DL012.date", "date_past": "DL012.date",
    "string_type": "DL012.text", "list_type": "DL012.list",
    "dict_type": "DL012.mapping", "model_type": "DL012.mapping", "model_attributes_type": "DL012.mapping",
    "literal_error": "DL012.choice",
}


def _value_message(err: Any, field: str, value: Any) -> Message:
    """The DL012 message of one pydantic error: its variant by error type, with what the template needs."""
    ctx = err.get("ctx") or {}
    key = _VALUE_KEYS.get(err["type"], "DL012.other")
    if key == "DL012.unknown_code" and ctx.get("close"):
        key = "DL012.close_code"
    if err["type"] == "code_syntax":  # a code that could be a path, a formula, a device (model/code_syntax.py)
        key = f"DL012.code_{ctx['reason']}"
    limit = ctx.get("ge", ctx.get("le", ctx.get("limit", "")))
    return msg(key, field=field, detail=err["msg"], value=str(ctx.get("value", value))[:60], what=_label(ctx.get("name", "")),
               keys=ctx.get("keys", ""), rule=ctx.get("rule", ""), limit=limit, expected=ctx.get("expected", ""),
               close=ctx.get("close", ""), close_zh=ctx.get("close_zh", ""), char=ctx.get("char", ""), meant=ctx.get("meant", ""))


def code_message(fault: CodeFault, value: str, field: str = "") -> Message:
    """The DL012 message of a text that is not a code (for codes read elsewhere than a catalog file)."""
    return msg(f"DL012.code_{fault.reason}", field=field, detail=fault_error(fault, value).message(), value=shown_value(value),
               char=fault.char, meant=fault.meant, limit=CODE_MAX)


def _label(name: str) -> str:
    """A code table's name in Chinese (the `unknown_code` error names it in English)."""
    return {"kind": "事项类型", "delegation mode": "下放方式", "level": "层级", "status": "状态", "penalty type": "处罚种类", "duty list part": "履职事项类别"}.get(name, name)


def _input(data: Any, loc: Loc) -> Any:
    """The value written at `loc` (for messages), or "" when the path does not reach one."""
    current = data
    for part in loc:
        if not isinstance(current, (dict, list)):
            return ""
        try:
            current = current[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return ""
    return current if isinstance(current, (str, int, float, bool)) else ""


def _field_meant(field: str) -> str | None:
    """The field a written key means: a near spelling (`promise_days`), or a Chinese column name analysts know
    (`事项名称` -> name, `承诺时限` -> promised_days, near ones too)."""
    if field in FIELD_LOOKUP:
        return FIELD_LOOKUP[field]
    close = difflib.get_close_matches(field, KNOWN_FIELDS, n=1, cutoff=0.6)
    if close:
        return close[0]
    row = closest(FIELDS, field) if any(ord(ch) > 0x2E80 for ch in field) else None
    return row.key if row is not None else None


def schema_problems(exc: ValidationError, file: str, data: Any) -> list[Problem]:
    """One Problem per pydantic error, located by path."""
    out = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = real_loc(err["loc"], data)
        kind = err["type"]
        field = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
        item = item_code(data, loc)
        if kind == "extra_forbidden":
            close = _field_meant(field)
            said = (msg("DL010.suggest", field=field, close=close) if close != field else msg("DL010.here", field=field)) if close else msg("DL010", field=field)
            out.append(problem("DL010", file, said, loc, item=item, at_key=True))
        elif kind == "missing":
            out.append(problem("DL011", file, msg("DL011", field=field), loc[:-1], item=item))
        elif kind == "own_item_incomplete":
            out.append(problem("DL011", file, msg("DL011.own_item", fields=(err.get("ctx") or {}).get("fields", "")), loc, item=item))
        else:
            out.append(problem("DL012", file, _value_message(err, field, _input(data, loc)), loc, item=item))
    return out
