"""Adjustment records (动态调整记录, spec §6): the decided changes of a catalog, each with its approving document.

A file whose top-level key is `adjustments:` holds records; each record has an id, a date, the approving
document (`basis`, 审定文号), a reason and the changes it decided. A change names its action and the item (or
duty) it acts on; `dlists diff` checks every difference between two versions against these changes.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .fields import CodeText, Mode, NumberText, Text, checked_targets

STRICT = ConfigDict(extra="forbid", hide_input_in_errors=True)

Action = Literal["add", "remove", "change", "rename", "delegate", "withdraw", "move"]
#: an action as an analyst writes it: the key, or its Chinese name as the 调整对照表 writes it
ACTION_LOOKUP: dict[str, str] = {
    "add": "add", "新增": "add", "增加": "add",
    "remove": "remove", "取消": "remove", "删除": "remove",
    "change": "change", "变更": "change", "修改": "change",
    "rename": "rename", "更名": "rename",
    "delegate": "delegate", "下放": "delegate",
    "withdraw": "withdraw", "收回": "withdraw",
    "move": "move", "调整类别": "move", "移动": "move",
}
#: an action's name in the 调整对照表
ACTION_ZH: dict[str, str] = {"add": "新增", "remove": "取消", "change": "变更", "rename": "更名",
                             "delegate": "下放", "withdraw": "收回", "move": "调整类别"}
DutyPart = Literal["basic", "cooperate", "recalled"]
PART_LOOKUP = {"basic": "basic", "基本": "basic", "基本履职": "basic", "cooperate": "cooperate", "配合": "cooperate",
               "配合履职": "cooperate", "recalled": "recalled", "收回": "recalled", "上级部门收回": "recalled"}


def _looked_up(table: dict[str, str]) -> Any:
    def look(value: Any) -> Any:
        if isinstance(value, str):
            text = unicodedata.normalize("NFKC", value).strip()
            return table.get(text, table.get(text.lower(), text))
        return value

    written = Literal[tuple(table)]  # type: ignore[valid-type]  # what an editor's schema accepts: keys and names
    return BeforeValidator(look, json_schema_input_type=written)


def _children(value: Any) -> Any:
    """`from:`/`to:` is `all`, one child, or a list of child codes or names."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
        return ["all"] if text in ("all", "全部", "所有") else checked_targets([text])
    if isinstance(value, list):
        return checked_targets([str(v).strip() if isinstance(v, (str, int)) and not isinstance(v, bool) else v for v in value])
    return value


Children = Annotated[list[str], BeforeValidator(_children, json_schema_input_type=str | list[str])]


class AdjustmentChange(BaseModel):
    """One decided change: its action and the item (or duty) it acts on."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, populate_by_name=True)
    action: Annotated[Action, _looked_up(ACTION_LOOKUP)]
    item: CodeText | None = None
    duty: CodeText | None = None
    jurisdiction: CodeText | None = None  # when the code alone is ambiguous across jurisdictions
    old: CodeText | None = None  # rename: the code before, when the code changed (none: the name changed)
    from_: Children | None = Field(default=None, alias="from")  # withdraw: the children (or all)
    to: Children | None = None  # delegate: the children (or all)
    mode: Mode | None = None  # delegate: the mode (a mode change is a delegate with the new mode)
    fields: list[Text] | None = None  # change: the fields changed (none: any)
    part: Annotated[DutyPart, _looked_up(PART_LOOKUP)] | None = None  # move: the part a duty moves to

    @property
    def target(self) -> str:
        """The code the change acts on (the item, else the duty)."""
        return self.item or self.duty or ""


class AdjustmentRecord(BaseModel):
    """One decision: id, date, approving document, reason, and the changes it decided."""

    model_config = STRICT
    id: NumberText
    date: dt.date
    basis: Text | None = None  # required by rule DL401 (a located message rather than a schema error)
    reason: Text | None = None
    applicant: Text | None = None
    notes: Text | None = None
    changes: list[AdjustmentChange] = Field(min_length=1)


class AdjustmentsDoc(BaseModel):
    """A file of adjustment records."""

    model_config = STRICT
    adjustments: list[AdjustmentRecord]
