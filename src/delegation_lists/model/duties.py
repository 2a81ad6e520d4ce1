"""Duty lists (履职事项清单, spec §5): a list document whose entries sit under `duties:`, in three parts.

基本履职事项 (basic: the township does it and answers for it), 配合履职事项 (cooperate: a county department leads,
the township cooperates; both duties stated), 上级部门收回事项 (recalled: a county department took it back). A
guide (指导目录, `guide: true` in the header) is the parent's duty list that children take entries from with
`source`; its entries may be `required` (规定) or not (自选).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import CodeText, Part, Text, TextList
from .items import STRICT, ListHeader, Waivers, _check_waivers

#: fields a child duty takes from its guide entry when it leaves them out
INHERITED_DUTY = ("name", "part", "domain", "basis", "office", "lead", "lead_duty", "duty", "taken_by", "how", "item")


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
    lead: Text | None = None  # 牵头部门 (cooperate)
    lead_duty: Text | None = None  # 部门职责 (cooperate)
    duty: Text | None = None  # 乡镇配合职责 (cooperate)
    taken_by: Text | None = None  # 承接部门 (recalled)
    how: Text | None = None  # 工作方式 (recalled)
    item: CodeText | None = None  # the power item concerned (recalled)
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
        """This entry with the fields it leaves out taken from its guide entry."""
        mine = self.__dict__
        taken = {f: guide.__dict__[f] for f in INHERITED_DUTY if mine[f] is None and guide.__dict__[f] is not None}
        return self.model_copy(update=taken) if taken else self


class DutyDoc(BaseModel):
    """A duty list document: `list:` header and `duties:`."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, populate_by_name=True)
    header: ListHeader = Field(alias="list")
    duties: list[Duty] = Field(default_factory=list)


def validate_duties(data: dict[str, Any]) -> tuple[ListHeader, list[Duty | None]]:
    """(header, duties) of a duty document; raises pydantic's ValidationError."""
    doc = DutyDoc.model_validate(data)
    return doc.header, list(doc.duties)
