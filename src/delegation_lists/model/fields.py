"""Annotated field types shared by the models: coded values that accept every spelling of a code table.

A value that is not in the table gets a message listing what is accepted, so the located error tells the
user how to fix it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from . import codes
from .code_syntax import CODE_MAX, CODE_SCHEMA_PATTERN, CodeFault, code_fault, shown_value, target_fault


def _coder(name: str, rows: tuple[codes.Code, ...], lookup: dict[str, str]) -> Any:
    keys = ", ".join(r.key for r in rows)

    def parse(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:02d}"
        if isinstance(value, str):
            text = value.strip()
            found = lookup.get(text) or lookup.get(text.lower())
            if found:
                return found
            close = codes.closest(rows, text)
            if close is not None:
                raise PydanticCustomError(
                    "unknown_code",
                    "unknown {name} '{value}'; did you mean '{close}' ({close_zh})?",
                    {"name": name, "value": text, "keys": keys, "close": close.key, "close_zh": close.zh},
                )
        raise PydanticCustomError(
            "unknown_code",
            "unknown {name} '{value}'; use one of: {keys} (or their Chinese names)",
            {"name": name, "value": str(value), "keys": keys},
        )

    spellings = tuple(dict.fromkeys(s for r in rows for s in r.spellings()))
    literal = Literal[spellings]  # type: ignore[valid-type]
    return literal, parse


def _annotated(name: str, rows: tuple[codes.Code, ...], lookup: dict[str, str]) -> Any:
    literal, parse = _coder(name, rows, lookup)
    return Annotated[str, BeforeValidator(parse, json_schema_input_type=literal)]


Kind = _annotated("kind", codes.KINDS, codes.KIND_LOOKUP)
Mode = _annotated("delegation mode", codes.MODES, codes.MODE_LOOKUP)
Level = _annotated("level", codes.LEVELS, codes.LEVEL_LOOKUP)
Status = _annotated("status", codes.STATUSES, codes.STATUS_LOOKUP)
ListStatus = _annotated("list status", codes.LIST_STATUSES, codes.LIST_STATUS_LOOKUP)
PenaltyType = _annotated("penalty type", codes.PENALTY_TYPES, codes.PENALTY_LOOKUP)
Part = _annotated("duty list part", codes.PARTS, codes.PART_LOOKUP)


def fault_error(fault: CodeFault, value: str) -> PydanticCustomError:
    """The validation error of a text that is not a code (or not a delegation target): `code_syntax`, its
    reason and offending character in the context (load/schema_errors.py turns it into DL012.code_*)."""
    what = {"char": "{char} is not allowed", "wide": "full-width or look-alike {char}, write '{meant}'",
            "dots": "'..' is not allowed", "edge": "it must start with a letter or digit and not end with '.'",
            "reserved": "a device name Windows reserves", "long": "longer than {limit} characters",
            "empty": "empty", "name": "{char} is not allowed in a name"}[fault.reason]
    return PydanticCustomError(
        "code_syntax", "not a code: '{value}': " + what + " (codes use ASCII letters, digits, '-', '_' and '.' inside)",
        {"value": shown_value(value), "reason": fault.reason, "char": fault.char, "meant": fault.meant, "limit": CODE_MAX},
    )


def _code_text(value: Any) -> Any:
    """A code (model/code_syntax.py): written without quotes it arrives as a number (kept as text); surrounding
    spaces (full-width too) are dropped; anything else that is not a code is an error naming the character."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    text = value.strip(" \t\u3000")
    fault = code_fault(text)
    if fault is not None:
        raise fault_error(fault, text)
    return text


def checked_targets(values: list[Any]) -> list[Any]:
    """Delegation targets as written, each a code or a child's name (an error names the first that is not)."""
    for value in values:
        if value.__class__ is str:
            fault = target_fault(value)
            if fault is not None:
                raise fault_error(fault, value)
    return values


def _number_text(value: Any) -> Any:
    """A label that may be written as a number (a version `2023`, a record id): kept as trimmed text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else value


def _text(value: Any) -> Any:
    """Free text: trim surrounding spaces (including full-width ones)."""
    return value.strip(" \t\u3000") if value.__class__ is str else value


def _text_list(value: Any) -> Any:
    """A list of text; a single string is accepted as a one-element list."""
    return [value] if isinstance(value, str) else value


CodeText = Annotated[str, BeforeValidator(_code_text, json_schema_input_type=Annotated[str, Field(pattern=CODE_SCHEMA_PATTERN)] | int)]
NumberText = Annotated[str, BeforeValidator(_number_text, json_schema_input_type=str | int)]
Text = Annotated[str, BeforeValidator(_text)]
TextList = Annotated[list[Text], BeforeValidator(_text_list, json_schema_input_type=list[str] | str)]
