"""`--mapping M.yaml`: how to read a list whose columns or values are not the common ones.

```yaml
columns: {task_type: kind, item_code: code, area_code: null}   # source header -> field (null: ignore)
values:                                                          # per field: source value -> catalog value
  kind: {"1": licensing, "20": public_service}
  main_item: {未分类: null}                                      # null: leave the field out
defaults: {kind: penalty, mode: grant, basis: 某政府令第1号}       # used where a row has no value
region: {code: "440309", name: 深圳市龙华区, level: county}       # the list's owner (options override)
children: {观湖街道办事处: "440309001"}                            # codes for the names in 实施范围
title: 深圳市龙华区街道承接区政府部门行政处罚事项目录
waive: {DL104: 源目录未公布设定依据}                              # rule -> reason, on every list written
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..load.errors import LoadError
from ..load.schema_errors import code_message
from ..load.text import decode
from ..load.yaml.parse import parse
from ..model.code_syntax import code_fault
from ..model.fields import CodeText, Level
from .headers import SYNONYMS
from .said import Said, msg

FIELDS = frozenset(SYNONYMS)


class RegionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: CodeText | None = None
    name: str | None = None
    level: Level | None = None


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid")
    columns: dict[str, str | None] = Field(default_factory=dict)
    values: dict[str, dict[str, str | None]] = Field(default_factory=dict)
    defaults: dict[str, Any] = Field(default_factory=dict)
    region: RegionSpec = Field(default_factory=RegionSpec)
    children: dict[str, CodeText] = Field(default_factory=dict)
    title: str | None = None
    waive: dict[str, str] = Field(default_factory=dict)  # rule -> reason, written on every list header

    def unknown_fields(self) -> list[str]:
        used = [f for f in self.columns.values() if f] + list(self.values) + list(self.defaults)
        return sorted({f for f in used if f not in FIELDS})

    def value(self, field: str, raw: str) -> str | None:
        """The mapped value (None: drop it); unmapped values pass through."""
        table = self.values.get(field, {})
        return table.get(raw, raw)


class MappingError(Said):
    """The mapping file cannot be used (located where it can be)."""


def load_mapping(path: Path | None) -> Mapping:
    """Read and check a mapping file with the catalog loader (so its errors are located like a catalog's)."""
    if path is None:
        return Mapping()
    try:
        data, duplicates = parse(decode(path.read_bytes()))
    except OSError as exc:
        raise MappingError(msg("import.read.os", error=exc.strerror or str(exc)), path) from None
    except LoadError as exc:
        raise MappingError(exc.message, f"{path}:{exc.line}:{exc.column}") from None
    if duplicates:
        key, line, column, _first = duplicates[0]
        raise MappingError(msg("import.mapping.duplicate", key=key), f"{path}:{line}:{column}")
    try:
        mapping = Mapping.model_validate(data or {})
    except ValidationError as exc:
        e = exc.errors()[0]
        fault = code_fault(str(e["input"]).strip(" \t\u3000")) if e["type"] == "code_syntax" else None
        said = code_message(fault, str(e["input"])).text() if fault is not None else e["msg"]
        raise MappingError(msg("import.mapping.field", path=".".join(map(str, e["loc"])), error=said), path) from None
    bad = mapping.unknown_fields()
    if bad:
        raise MappingError(msg("import.mapping.unknown", fields=", ".join(bad), known=", ".join(sorted(FIELDS))), path)
    return mapping
