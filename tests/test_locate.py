"""Locating problems by composing one item's lines gives exactly what composing the whole file gives."""

from __future__ import annotations

from typing import Any

from conftest import ROOT
from delegation_lists.check.locate import place
from delegation_lists.load.document import read_document
from delegation_lists.load.yaml.item_lines import scan_items
from delegation_lists.problems import Problem


def _paths(value: Any, loc: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Every path under `value`, plus one missing key per mapping (located at its nearest parent)."""
    out = [loc]
    if isinstance(value, dict):
        out.append((*loc, "no-such-field"))
        for k, v in value.items():
            out += _paths(v, (*loc, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*loc, i))
    return out


def test_item_snippets_locate_like_the_whole_file() -> None:
    files = sorted([*(ROOT / "catalogs").rglob("*.yaml"), *(ROOT / "tests").rglob("*.yaml")])
    checked = 0
    for path in files:
        doc = read_document(path, str(path))
        if doc.header is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get("items"), list):
            continue
        locs = _paths(doc.data["items"], ("items",))[1:]
        problems = [Problem("DL000", "error", "f", "m", loc, at_key=at) for loc in locs for at in (False, True)]
        fast = place(problems, doc.text, len(doc.items))
        slow = place(problems, doc.text)
        assert [(p.line, p.column) for p in fast] == [(p.line, p.column) for p in slow], path
        checked += scan_items(doc.text, len(doc.items)) is not None
    assert checked > 30
