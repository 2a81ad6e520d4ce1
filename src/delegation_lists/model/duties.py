"""Duty lists (履职事项清单, spec §5): a list document whose entries sit under `duties:`, in parts.

A township's list has three parts: 基本履职事项 (basic: the township does it and answers for it), 配合履职事项
(cooperate: a county department leads, the township cooperates; both duties stated), 上级部门收回事项 (recalled: a
county department took it back). A village's (community's) list has its own: 依法自治事项 (autonomy), 协助政府工作
事项 (assist: each taken from the guide or admitted, `admitted: {basis, date}`), 出具证明事项 (certificate), 负面事项
(negative: work that must not be put on villages, normally only in a guide) and 小微权力事项 (micro_power, with its
`flow`). A guide (指导目录, `guide: true` in the header) is a duty list of a jurisdiction above that children take
entries from with `source`; its entries may be `required` (规定) or not (自选).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from .fields import CodeText, Part, Text, TextList
from .items import STRICT, ListHeader, Waivers, _check_waivers

#: fields a child duty takes from its guide entry when it leaves them out
INHERITED_DUTY = ("name", "part", "domain", "basis", "office", "lead", "lead_duty", "duty", "taken_by", "how", "item", "flow")


class Admission(BaseModel):
    """The admission (准入) of new work onto a village: the approving document, the day, the department that
    applied. Without `basis` the work is not admitted yet (rule DL501)."""

    model_config = STRICT
    basis: Text | None = None  # 准入文号: the document that approved it
    date: dt.date | None = None  # 准入日期
    applicant: Text | None = None  # 申请部门: the department that asked for it


class Duty(BaseModel):
    """One entry of a duty list. With `source`, unset fields are inherited from the guide entry."""

    model_config = STRICT
    code: CodeText | None = None
    source: CodeText | None = None
    name: Text | None = None
    part: Part | None = None
    domain: Text | None = None  # 领域
    basis: TextList | None = None  # 职责依据
    office: Text | None = None  # 承办机构 (basic)
    lead: Text | None = None  # 牵头部门 (cooperate); a village's assist work: the department whose work it is
    lead_duty: Text | None = None  # 部门职责 (cooperate)
    duty: Text | None = None  # 乡镇配合职责 (cooperate); a village's assist work: what the village does
    taken_by: Text | None = None  # 承接部门 (recalled)
    how: Text | None = None  # 工作方式 (recalled)
    item: CodeText | None = None  # the power item concerned (recalled; a village's assist work)
    admitted: Admission | None = None  # village work admitted onto the village (社区工作准入), not in its guide
    flow: TextList | None = None  # a micro-power's steps (小微权力运行流程)
    required: bool | None = None  # guides: 规定 (true) or 自选 (false)
    notes: Text | None = None
    waive: Waivers | None = None
    waive_reason: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> Duty:
        values = self.__dict__
        if values["source"] is not None:
            if values["code"] is None:
                values["code"] = values["source"]
                self.__pydantic_fields_set__.add("code")
        else:
            missing = [f for f in ("code", "name", "part") if values[f] is None]
            if missing:
                raise PydanticCustomError("own_item_incomplete", "a duty without `source` needs {fields}",
                                          {"fields": ", ".join(f"`{f}`" for f in missing)})
        if values["waive"]:
            _check_waivers(values["waive"], values["waive_reason"])
        return self

    def inherit(self, guide: Duty) -> Duty:
        """This entry with the fields it leaves out taken from its guide entry (already validated values: no
        validation again, no copies of them)."""
        mine, theirs = self.__dict__, guide.__dict__
        taken = {f: theirs[f] for f in INHERITED_DUTY if mine[f] is None and theirs[f] is not None}
        return _make({**mine, **taken}, self.__pydantic_fields_set__ | taken.keys()) if taken else self


class DutyDoc(BaseModel):
    """A duty list document: `list:` header and `duties:`."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, populate_by_name=True)
    header: ListHeader = Field(alias="list")
    duties: list[Duty] = Field(default_factory=list)


_DUTIES = TypeAdapter(list[Duty])
_NONE = dict.fromkeys(Duty.model_fields)  # every field at None, in the model's order
#: the keys a taken-on duty may have and still be made here (text no validator changes when written trimmed)
_QUICK_KEYS = frozenset(("source", "code", "notes"))
_set = object.__setattr__
#: `- source: CODE` as a Duty, by CODE: a value no one changes, so every township that takes the same guide entry
#: shares one (a county's 20 townships take its guide's 340 entries: 6,800 entries, 340 objects)
_PLAIN: dict[str, Duty] = {}
_PLAIN_KEPT = 100_000


def _make(values: dict[str, Any], fields_set: set[str]) -> Duty:
    new = Duty.__new__(Duty)
    _set(new, "__dict__", values)
    _set(new, "__pydantic_fields_set__", fields_set)
    _set(new, "__pydantic_extra__", None)
    _set(new, "__pydantic_private__", None)
    return new


def _taken(x: dict[str, Any]) -> Duty | None:
    """The Duty pydantic makes of `{source[, code][, notes]}` (code defaults to the source), or None when the
    entry is anything else (then pydantic validates it)."""
    if len(x) == 1:  # `- source: CODE`, the usual entry
        source = x.get("source")
        if type(source) is not str:
            return None
        made = _PLAIN.get(source)
        if made is None:
            if not source or source != source.strip():
                return None
            if len(_PLAIN) >= _PLAIN_KEPT:
                _PLAIN.clear()
            made = _PLAIN[source] = _make({**_NONE, "code": source, "source": source}, {"code", "source"})
        return made
    if not x.keys() <= _QUICK_KEYS:
        return None
    values = _NONE.copy()
    for key in x:
        value = x[key]
        if type(value) is not str or value != value.strip() or (key != "notes" and not value):
            return None
        values[key] = value
    if values["source"] is None:
        return None
    if values["code"] is None:
        values["code"] = values["source"]
    return _make(values, {"code", *x})


def validate_duties(data: dict[str, Any]) -> tuple[ListHeader, list[Duty | None]]:
    """(header, duties) of a duty document, as `DutyDoc.model_validate` gives them; the entries that only take a
    guide duty (`source`, perhaps `code` and `notes`: most of a township's list) are made without pydantic.
    Raises pydantic's ValidationError, with every error located, as `DutyDoc` does."""
    duties = data.get("duties")
    if "list" not in data or not data.keys() <= {"list", "duties"} or type(duties) is not list:
        whole = DutyDoc.model_validate(data)
        return whole.header, list(whole.duties)
    plain = _PLAIN  # `- source: CODE` entries seen before: one look-up each, most of a province's entries
    out: list[Duty | None] = [plain.get(s) if type(x) is dict and len(x) == 1 and type(s := x.get("source")) is str
                              else None for x in duties]
    rest_at, rest = [], []
    for i in [i for i, made in enumerate(out) if made is None]:
        x = duties[i]
        made = out[i] = _taken(x) if type(x) is dict and len(x) <= 3 else None
        if made is None:
            rest_at.append(i)
            rest.append(x)
    try:
        header = ListHeader.model_validate(data["list"])
        for i, duty in zip(rest_at, _DUTIES.validate_python(rest) if rest else [], strict=True):
            out[i] = duty
    except ValidationError:
        whole = DutyDoc.model_validate(data)  # raises again, every error located in the document
        return whole.header, list(whole.duties)
    return header, out


DutyState = tuple[dict[str, Any], set[str]]


def duty_state(duty: Duty) -> DutyState:
    """A validated duty as compact plain data (fields at None dropped), to send between processes."""
    return {k: v for k, v in duty.__dict__.items() if v is not None}, duty.__pydantic_fields_set__


def duty_from_state(state: DutyState) -> Duty:
    """The duty of `duty_state`, rebuilt without validating again."""
    return _make({**_NONE, **state[0]}, state[1])
