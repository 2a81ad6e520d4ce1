"""`region.yaml`: the jurisdiction tree and the departments of a folder (spec §1)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .fields import CodeText, Level, Text
from .items import STRICT


class Department(BaseModel):
    """A department (部门) that items may name by `name` or `short`."""

    model_config = STRICT
    name: Text
    short: Text | None = None
    code: CodeText | None = None


class RegionNode(BaseModel):
    """A jurisdiction and its children (townships of a county, counties of a city...)."""

    model_config = STRICT
    code: CodeText
    name: Text
    level: Level
    children: list[RegionNode] = Field(default_factory=list)
    departments: list[Department] = Field(default_factory=list)
    offices: list[Text] = Field(default_factory=list)  # a township's offices (内设机构), for duty lists' `office`


class RegionDoc(BaseModel):
    """A region.yaml document."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)
    region: RegionNode
    departments: list[Department] = Field(default_factory=list)
