"""JSON Schema of the two file kinds, for editors (yaml-language-server) and for documentation."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .adjustments import AdjustmentsDoc
from .duties import DutyDoc
from .items import ListDoc
from .region import RegionDoc

KINDS: dict[str, type[BaseModel]] = {"list": ListDoc, "region": RegionDoc, "duties": DutyDoc, "adjustments": AdjustmentsDoc}
TITLES = {
    "duties": "delegation-lists: a duty list document (list: + duties:)",
    "adjustments": "delegation-lists: adjustment records (adjustments:), the decided changes of a catalog",
    "list": "delegation-lists: a list document (list: + items:)",
    "region": "delegation-lists: region.yaml (the jurisdiction tree and departments)",
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `kind` ("list", "region", "duties" or "adjustments"), validating the YAML as written."""
    schema = KINDS[kind].model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": TITLES[kind], **{k: v for k, v in schema.items() if k != "title"}}
