"""`validate_list` (items of only `source` and `mode` made without pydantic) gives exactly what ListDoc gives."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conftest import ROOT
from delegation_lists.load.errors import LoadError
from delegation_lists.load.yaml.parse import parse
from delegation_lists.model.items import ListDoc
from delegation_lists.model.quick import validate_list


def _state(item: Any) -> Any:
    return None if item is None else (type(item), list(item.__dict__.items()), sorted(item.__pydantic_fields_set__))


def _both(data: Any) -> tuple[Any, Any]:
    def run(fn: Any) -> Any:
        try:
            header, items = fn(data)
        except ValidationError as exc:
            return ("error", exc.errors(include_url=False))
        return (header.model_dump(), header.model_fields_set, [_state(i) for i in items])

    return run(validate_list), run(lambda d: (lambda w: (w.header, w.items))(ListDoc.model_validate(d)))


ITEMS: list[Any] = [
    {"source": "610101-XK-00001", "mode": "entrust"},
    {"source": " 610101-XK-00002 ", "mode": "entrust"},  # spaces: pydantic strips them
    {"source": "610101-XK-00003", "mode": "Entrust"},
    {"source": "610101-XK-00004", "mode": "委托"},
    {"source": 610101, "mode": "grant"},
    {"source": "x", "mode": "nonsense"},
    {"source": "x", "mode": None},
    {"source": None, "mode": "grant"},
    {"source": "x"},
    {"source": "x", "mode": "grant", "name": "甲"},
    {"source": "x", "code": "y"},
    {"code": "own-1", "name": "自有事项", "kind": "licensing", "department": "镇人民政府", "legal_basis": ["法"]},
    {"code": "own-2", "name": "缺部门"},
    {"source": "", "mode": "assist"},
    {"source": "x", "mod": "grant"},
    {"source": "x", "mode": "entrust", "notes": "限城区"},
    {"source": "x", "mode": "entrust", "notes": " 限城区\u3000"},
    {"source": "x", "mode": "entrust", "notes": ""},
    {"source": "x", "mode": "entrust", "notes": 12},
    {"source": "x", "mode": "entrust", "notes": None},
    {"source": "x", "mode": "entrust", "code": "y", "notes": "z"},
    {"source": "x", "mode": "entrust", "code": " y"},
    {"source": "x", "mode": "entrust", "code": 5},
    {"source": "x", "mode": "entrust", "notes": "z", "kind": "licensing"},
    {"source": "x", "mode": "entrust", "notes": "z", "waive": ["DL101"]},
    "just text",
    None,
    [],
]


@pytest.mark.parametrize("item", ITEMS, ids=range(len(ITEMS)))
def test_one_item_among_simple_ones(item: Any) -> None:
    data = {"list": {"jurisdiction": "610101100"}, "items": [{"source": "a", "mode": "entrust"}, item, {"source": "b", "mode": "grant"}]}
    fast, slow = _both(data)
    assert fast == slow


@pytest.mark.parametrize("data", [
    {"list": {"jurisdiction": "610101100"}, "items": [{"source": "a", "mode": "entrust"}]},
    {"list": {"jurisdiction": "610101100", "level": "镇"}, "items": []},
    {"list": {"jurisdiction": "610101100"}},
    {"list": {"jurisdiction": "610101100"}, "items": None},
    {"list": {"jurisdiction": "610101100"}, "items": {"source": "a", "mode": "entrust"}},
    {"list": {"level": "township"}, "items": [{"source": "a", "mode": "entrust"}]},
    {"header": {"jurisdiction": "610101100"}, "items": [{"source": "a", "mode": "entrust"}]},
    {"list": {"jurisdiction": "610101100"}, "items": [{"source": "a", "mode": "entrust"}], "extra": 1},
    {"list": None, "items": []},
])
def test_documents(data: Any) -> None:
    fast, slow = _both(data)
    assert fast == slow


def test_every_example_and_case_list() -> None:
    seen = 0
    for path in sorted([*(ROOT / "catalogs").rglob("*.yaml"), *(ROOT / "tests").rglob("*.yaml")]):
        data = None
        with contextlib.suppress(LoadError, UnicodeDecodeError):
            data, _ = parse(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "list" in data:
            fast, slow = _both(data)
            assert fast == slow, path
            seen += 1
    assert seen >= 40


def test_generated_township(tmp_path: Path) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "1", "--townships", "3",
                    "--county-items", "60", "--seed", "5", "-o", str(tmp_path / "c")], check=True, capture_output=True)
    files = sorted((tmp_path / "c").rglob("townships/*.yaml"))
    assert files
    for path in files:
        data, _ = parse(path.read_text(encoding="utf-8"))
        fast, slow = _both(data)
        assert fast == slow and len(fast[2]) > 5
