"""List documents: a header (`list:`) and its items (spec §1)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .codes import LIST_STATUSES
from .fields import CodeText, Kind, Level, ListStatus, Mode, NumberText, PenaltyType, Status, Text, TextList, checked_targets

STRICT = ConfigDict(extra="forbid", hide_input_in_errors=True)

#: fields a child item takes from its `source` when it leaves them out
INHERITED = (
    "name", "kind", "department", "legal_basis", "statutory_days", "promised_days", "main_item",
    "materials", "service_objects", "online", "notes", "violation", "penalty_types", "discretion",
)
#: fields an item without `source` must have
REQUIRED_OWN = ("code", "name", "kind", "department")

#: a time limit as published lists write it: `20`, `20个工作日`, `20日`, `20天` (full-width digits too)
_DAYS = re.compile(r"(\d+)\s*(?:个)?\s*(?:工作日|日|天)?\s*内?")
#: time limits that mean "on the spot" (0 days)
INSTANT = frozenset(("即办", "即时办结", "当场办结", "即来即办", "立即办理"))


def _days(value: Any) -> Any:
    """A day count written as lists write it -> the number (`20个工作日` -> 20, `即办` -> 0)."""
    if value.__class__ is not str:
        return value
    text = unicodedata.normalize("NFKC", value).strip()
    if text in INSTANT:
        return 0
    found = _DAYS.fullmatch(text)
    if found is None:
        raise PydanticCustomError("days", "a time limit in days: 20, 20个工作日, 20日, 20天 or 即办 (0), not '{value}'",
                                  {"value": value})
    return int(found.group(1))


#: what an editor's schema accepts: a whole number of days, or the written forms above
_DAYS_WRITTEN = Annotated[int, Field(ge=0, le=3650)] | Annotated[str, Field(pattern=r"^\s*\d+\s*(个)?\s*(工作日|日|天)?\s*内?\s*$|^(即办|即时办结|当场办结|即来即办|立即办理)$")]
Days = Annotated[int, BeforeValidator(_days, json_schema_input_type=_DAYS_WRITTEN), Field(ge=0, le=3650)]


def _targets(value: Any) -> Any:
    """`to:` is `all`, one child, or a list of child codes or names (each a code or a name: code_syntax.py)."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = _target(value)
        return ["all"] if text in ("all", "全部", "所有") else checked_targets([text])
    if isinstance(value, list):  # (the common int and str first: a county's lists hold some 300,000 targets)
        return checked_targets([str(v) if v.__class__ is int else v.strip() if v.__class__ is str else _target(v) for v in value])
    return value


def _target(value: Any) -> Any:
    return str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else value


def _waivers(value: Any) -> Any:
    """`waive:` is a list of rule codes (with `waive_reason`) or a mapping of code to reason."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        return {str(v).strip(): "" for v in value}
    return value


Targets = Annotated[list[str], BeforeValidator(_targets, json_schema_input_type=str | list[str])]
Waivers = Annotated[dict[str, str], BeforeValidator(_waivers, json_schema_input_type=list[str] | dict[str, str])]


class Delegation(BaseModel):
    """How a parent item is handed down: mode, to whom, on what basis."""

    model_config = STRICT
    mode: Mode
    to: Targets
    basis: Text | None = None
    scope: Text | None = None
    since: dt.date | None = None
    until: dt.date | None = None  # the last day of an entrustment's term (委托期限)
    review: dt.date | None = None  # when a granted power is next evaluated (评估日期)

    @property
    def to_all(self) -> bool:
        return self.to == ["all"]


class Discretion(BaseModel):
    """One step of a penalty's discretion standard (裁量基准)."""

    model_config = STRICT
    level: Text
    condition: Text | None = None
    standard: Text


def _check_waivers(waive: dict[str, str] | None, reason: str | None) -> None:
    """Every waived rule needs a reason: its own, or `waive_reason` for all."""
    for rule, own in (waive or {}).items():
        if not (own or reason):
            raise PydanticCustomError("waive_reason", "waiving {rule} needs a reason (`waive_reason:`)", {"rule": rule})
        waive[rule] = own or reason or ""  # type: ignore[index]


class Item(BaseModel):
    """One item of a list. With `source`, unset fields are inherited from the parent item."""

    model_config = STRICT
    code: CodeText | None = None
    source: CodeText | None = None
    name: Text | None = None
    kind: Kind | None = None
    department: Text | None = None
    legal_basis: TextList | None = None
    statutory_days: Days | None = None
    promised_days: Days | None = None
    status: Status = "active"
    mode: Mode | None = None
    delegation: Delegation | None = None
    main_item: Text | None = None
    materials: TextList | None = None
    service_objects: TextList | None = None
    online: bool | None = None
    notes: Text | None = None
    effective: dt.date | None = None
    expires: dt.date | None = None
    violation: Text | None = None
    penalty_types: list[PenaltyType] | None = None
    discretion: list[Discretion] | None = None
    required: bool | None = None  # in a guide (`guide: true`): every child must take it (规定) or may (自选)
    waive: Waivers | None = None
    waive_reason: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> Item:
        values = self.__dict__  # read and set directly: this runs for every item of a province
        if values["source"] is not None:
            if values["code"] is None:
                values["code"] = values["source"]
                self.__pydantic_fields_set__.add("code")
        else:
            missing = [f for f in REQUIRED_OWN if values[f] is None]
            if missing:
                raise PydanticCustomError(
                    "own_item_incomplete",
                    "an item without `source` needs {fields}",
                    {"fields": ", ".join(f"`{f}`" for f in missing)},
                )
        if values["waive"]:
            _check_waivers(values["waive"], values["waive_reason"])
        return self


ItemState = tuple[dict[str, Any], set[str]]
_NONE_BY_DEFAULT = frozenset(k for k, f in Item.model_fields.items() if f.default is None)
_ALL_NONE = dict.fromkeys(Item.model_fields)  # every field, in the model's order
_set = object.__setattr__


def item_state(item: Item) -> ItemState:
    """A validated item as compact plain data (fields left at None are dropped): several times cheaper to send
    between processes or send to the parent than the model itself."""
    return {k: v for k, v in item.__dict__.items() if v is not None or k not in _NONE_BY_DEFAULT}, item.__pydantic_fields_set__


def item_from_state(state: ItemState) -> Item:
    """The item of `item_state`, rebuilt without validating again."""
    return _make({**_ALL_NONE, **state[0]}, state[1])


def _make(values: dict[str, Any], fields_set: set[str]) -> Item:
    new = Item.__new__(Item)
    _set(new, "__dict__", values)
    _set(new, "__pydantic_fields_set__", fields_set)
    _set(new, "__pydantic_extra__", None)
    _set(new, "__pydantic_private__", None)
    return new


def with_fields(item: Item, values: dict[str, Any]) -> Item:
    """A copy of a validated item with some fields replaced by already-validated values (inheritance from a
    `source`): what `model_copy(update=...)` does, without its per-field deep-copy machinery (3x faster)."""
    return _make({**item.__dict__, **values}, item.__pydantic_fields_set__ | values.keys())


class ListHeader(BaseModel):
    """Whose list a document is."""

    model_config = STRICT
    jurisdiction: CodeText
    level: Level | None = None
    title: Text | None = None
    version: NumberText | None = None
    guide: bool = False  # a guide (指导目录): the children take its entries with `source`
    status: ListStatus = "published"  # draft (草案): left out of `dlists export` unless asked for
    attachment: CodeText | None = None  # the published list's 附件 number ("2": 附件2)
    issuer: Text | None = None  # the body that issues it (发布单位)
    date: dt.date | None = None  # the date it is issued (发布日期)
    notes: TextList | None = None  # the notes printed under the table (注)
    waive: Waivers | None = None  # rules waived for every item of the document, with a reason
    waive_reason: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> ListHeader:
        _check_waivers(self.waive, self.waive_reason)
        return self

    @property
    def draft(self) -> bool:
        """A draft: `status: draft`, or a title that says so (……（草案）, 征求意见稿, 送审稿)."""
        return self.status == "draft" or any(word in (self.title or "") for word in DRAFT_WORDS)


#: the words of a title that make its list a draft
DRAFT_WORDS = tuple(s for row in LIST_STATUSES if row.key == "draft" for s in (row.zh, *row.aliases))


class ListDoc(BaseModel):
    """A list document: `list:` header and `items:`."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, populate_by_name=True)
    header: ListHeader = Field(alias="list")
    items: list[Item] = Field(default_factory=list)
